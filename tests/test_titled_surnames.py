"""People named by rank and surname (issue 11: actors that are actors): ranks
written without a full stop ("Lt Col Ada Vale", "Gen Tomas Brecht") are titles;
a titled surname goes to the person of that name written with that title
("Sgt. Brecht" is "Sgt. Tomas Brecht", not "Ilsa Brecht"); a page's link texts
run together ("Tomas BrechtHarbour") make no one's full name. The people here
are invented."""

from __future__ import annotations

import pytest

from framing.compare.actors import parse, resolve


@pytest.mark.parametrize("text, name, title", [
    ("Lt Col Ada Vale", "Ada Vale", "lt col"),
    ("Gen Tomas Brecht", "Tomas Brecht", "gen"),
    ("Maj Gen Ilsa Varenne", "Ilsa Varenne", "maj gen"),
    ("Lt. Col. Ada Vale", "Ada Vale", "col."),
])
def test_a_rank_without_a_full_stop_is_a_title(text, name, title):
    p = parse(text)
    assert (p.kind, p.name, p.title) == ("person", name, title)


def test_a_titled_surname_goes_to_the_person_with_that_title():
    mentions = [(1, "Ilsa Brecht"), (1, "Ilsa Brecht"), (1, "Sgt. Tomas Brecht"), (1, "Sgt. Brecht"), (1, "Ms Brecht")]
    keys = resolve(mentions).keys
    assert keys[3] == keys[2] != keys[0]
    assert keys[4] == keys[0]  # no title in common: the most named


def test_link_texts_run_together_are_no_full_name():
    mentions = [(1, "Tomas Brecht"), (1, "President Brecht Tomas BrechtHarbour"), (1, "President Brecht")]
    keys = resolve(mentions).keys
    assert keys[2] == keys[0]


def test_a_titled_surname_means_whom_another_article_leaves_no_doubt_about():
    """One article names two Brechts, father and son; "Governor Brecht" there
    is the one whom another article, naming only him, calls Governor Brecht."""
    mentions = [(1, "Ilsa Brecht"), (1, "Tomas Brecht"), (1, "Governor Brecht"),
                (2, "Tomas Brecht"), (2, "Governor Brecht")]
    keys = resolve(mentions).keys
    assert keys[2] == keys[1] == keys[4] != keys[0]
