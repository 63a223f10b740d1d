"""The lead counts more than a long page's tail (issue 11): body terms past
``LEAD_CHARS`` weigh less, so what a pasted page carries thousands of
characters in (teasers, author bios, footers) cannot make two stories about
different events one event, while short articles are vectorised exactly as
before. Small fictional articles written here."""

from __future__ import annotations

import numpy as np
import pytest

from framing.compare import grouping
from framing.compare.grouping import group_events, vectors, weighted_vectors
from framing.models import Article

A = ("The Siran River accord between Ardelia and Velmora shares water from the Kesh dam; "
     "Ilsa Varenne and Teodor Brask signed it in Ostra with Norland mediators watching. ")
B = ("A glacier lake burst above Brennvik in Norland, flooding sixty homes; scientists at "
     "the Skarn Glacier station had warned of the surge for weeks. ")
# What a site prints under every story: long enough to outweigh a short story
# if it counted as much as the story itself.
FOOTER = ("More from the Harbour Gazette: Pell Austrin's market column, the Almera "
          "council's budget vote, the Velmora cup final, crossword answers, weather for "
          "Almera and Brennvik, subscribe to the Harbour Gazette morning briefing, "
          "privacy policy, terms of use, contact the newsroom. ") * 6


def test_weighted_vectors_equal_plain_tf_idf_when_everything_is_in_the_lead():
    texts = [grouping.normalize(grouping.article_text(Article(id=i, source="x", body=b, title=t)))
             for i, (b, t) in enumerate([(A * 3, "Accord signed"), (B * 2, None), (A + B, "Two stories")])]
    X1, v1 = vectors(texts)
    X2, v2 = weighted_vectors(grouping._weighted_features(t) for t in texts)
    assert v1.vocabulary_ == v2.vocabulary_
    np.testing.assert_allclose(X1.toarray(), X2.toarray(), atol=1e-12)


def test_lead_weight_is_one_in_the_lead_and_falls_after_it():
    L = grouping.LEAD_CHARS
    assert grouping._lead_weight(0) == grouping._lead_weight(L) == 1.0
    assert grouping._lead_weight(2 * L) == pytest.approx(0.5 ** grouping.LEAD_POW)
    assert grouping._lead_weight(4 * L) < grouping._lead_weight(2 * L) < 1.0


def _page(i: int, story: str) -> Article:
    # a long page: the story goes on for 9,000 characters, then the site's footer
    body = (story * 80)[:9000] + "\n\n" + FOOTER
    return Article(id=i, source=f"p{i}", outlet="Harbour Gazette", body=body, title=None)


def test_a_shared_footer_far_past_the_lead_does_not_join_two_events():
    arts = [_page(1, A), _page(2, B)]
    assert len(arts[0].body) > 3 * grouping.LEAD_CHARS
    events = group_events(arts, copies={})
    assert sorted(e.articles for e in events) == [[1], [2]]
    # the same pages with the footer's weight counted in full would be one event
    old = grouping.LEAD_CHARS
    try:
        grouping.LEAD_CHARS = 0
        joined = group_events(arts, copies={})
    finally:
        grouping.LEAD_CHARS = old
    assert sorted(e.articles for e in joined) == [[1, 2]]
