"""Per-event analysis is linear in the event's size (issue 12): name stems,
full names and quotation alignment are found through indexes, not by trying
every pair; the results are those of the all-pairs definitions they replace."""

from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framing.compare import actors
from framing.compare._text import same_stem, stem_groups
from framing.compare.quotes import _Q, _candidate_pairs, _same
from framing.text import fold


def _stem_groups_all_pairs(names):
    """The definition: each name joins the first earlier root it shares a stem with."""
    uniq = sorted({n.lower() for n in names}, key=lambda s: (len(s), s))
    key_of, roots = {}, []
    for n in uniq:
        root = next((r for r in roots if same_stem(r, n)), None)
        if root is None:
            roots.append(n)
        key_of[n] = root or n
    return key_of


STEMS = st.text(alphabet="aeiouybcdklnsh", min_size=1, max_size=8)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(STEMS, st.text(alphabet="aeiouynshc", max_size=6)), max_size=25))
def test_stem_groups_equal_the_all_pairs_definition(parts):
    names = [a + b for a, b in parts] + [a for a, _ in parts] + ["Israel", "Israeli", "China", "Chinese"]
    assert stem_groups(names) == _stem_groups_all_pairs(names)


def test_surnames_resolve_to_the_article_s_else_the_event_s_full_name():
    mentions = [(1, "Kim Jong Un"), (2, "Jong Un"), (3, "Mr. Kim"), (4, "Joe Biden"), (5, "Biden"),
                (6, "Hunter Biden"), (6, "Hunter Biden"), (7, "Biden"), (4, "Biden")]
    keys = actors.resolve(mentions).keys
    assert keys[:3] == ["person:kim jong un"] * 3  # a run of a longer name, and a word of it, join it
    assert keys[3] == keys[8] == "person:joe biden"  # article 4 names Joe Biden: its Biden is he
    assert keys[4] == keys[7] == "person:hunter biden"  # elsewhere: the event's most named Biden


def _quote(i, article, text):
    return _Q(article, f"outlet{article % 3}", text, fold(text).split(), fold(text), None, i)


def test_candidate_pairs_keep_shortened_and_inflected_quotations():
    texts = ["we will rebuild every home that the flood destroyed this spring",
             "rebuild every home that the flood destroyed",  # shortened
             "we will rebuild every house the floods destroyed this spring",  # altered
             "a planner and a facilitator of the attack",
             "planners and facilitators of the attack"]  # inflected
    rng = random.Random(7)
    vocab = [f"w{n}x" for n in range(3000)]
    noise = [" ".join(rng.sample(vocab, 8)) for _ in range(400)]
    qs = [_quote(i, i, t) for i, t in enumerate(texts + noise)]
    pairs = set(_candidate_pairs(qs))
    matching = {(i, j) for i in range(len(qs)) for j in range(i + 1, len(qs))
                if _same(qs[i].folded, qs[j].folded)}
    assert {(0, 1), (0, 2), (3, 4)} <= matching <= pairs
    # unrelated quotations are not paired with each other: far fewer pairs than all of them
    assert len(pairs) < 5 * len(qs) < len(qs) * (len(qs) - 1) // 2
