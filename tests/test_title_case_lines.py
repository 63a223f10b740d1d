"""A line set in Title Case is no run of names (issue 11: actors that are
actors). Pages and exports keep headlines of other stories inside the text
("Velmoran Leader Looks For A Deal With Ardelia"); their capitalised words
are no actor, and a function word such as "With" ends a run of names. The
names and places are invented."""

from __future__ import annotations

import pytest

from framing.compare.actors import find_mentions
from framing.compare.naming import naming
from framing.detect import Detector, load_lexicon
from framing.models import Article


@pytest.fixture(scope="module")
def detector():
    return Detector(load_lexicon()).fit()


def test_a_title_case_line_holds_no_actor():
    text = "Ada Vale Looks For A Deal With Tomas Brecht Before The Vote\nAda Vale met Tomas Brecht on Monday."
    forms = [m.form for m in find_mentions(text)]
    assert forms == ["Ada Vale", "Tomas Brecht", "Monday"]


def test_a_capitalised_function_word_ends_a_run_of_names():
    forms = [m.form for m in find_mentions("The Harbour Pro With Steel Keel sold out in Kesh.")]
    assert not any("With" in f for f in forms)


@pytest.mark.parametrize("text, name", [
    ("Bank Of Velmora said on Monday that rates would rise.", "Bank Of Velmora"),
    ("President Ada Vale and Prime Minister Tomas Brecht met in Kesh.", "Prime Minister Tomas Brecht"),
])
def test_names_with_one_capitalised_function_word_or_joined_by_and_stay_names(text, name):
    assert name in [m.form for m in find_mentions(text)]


def test_naming_files_no_word_of_a_title_case_line(detector):
    line = "Why Harbour Workers Are Angry About The Kesh Bridge Tolls"
    arts = [
        Article(id=1, source="1.txt", outlet="Harbour Post", date="2026-03-12",
                body=f"Tolls rose at the bridge on Monday.\n{line}\nAda Vale said the tolls would fall."),
        Article(id=2, source="2.txt", outlet="Lakeside Times", date="2026-03-12",
                body=f"Ada Vale spoke about the tolls on Monday.\n{line}\nThe bridge stayed open."),
    ]
    an = {a.id: detector.analyze(a) for a in arts}
    actors = {r.actor for r in naming(arts, an, max_actors=None)}
    assert not any("Angry" in a or "Workers" in a or "Tolls" in a for a in actors), actors
