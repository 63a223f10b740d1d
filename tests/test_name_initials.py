"""Middle initials inside a name (issue 11: actors that are actors, facts that
are facts). "Ada K. Vale" is one name, not "Ada K" and "Vale"; a letter that
ends a sentence after an English word ("Group A.") or a place's abbreviation
("Washington D.C.") joins nothing. The people and outlets are invented."""

from __future__ import annotations

import pytest

from framing.compare._text import name_sequences
from framing.compare.actors import find_mentions
from framing.compare.facts import facts, mentions
from framing.compare.naming import naming
from framing.detect import Detector, load_lexicon
from framing.models import Article


@pytest.fixture(scope="module")
def detector():
    return Detector(load_lexicon()).fit()


@pytest.mark.parametrize("text, name", [
    ("President Ada K. Vale said on Monday that the bridge would open.", "Ada K. Vale"),
    ("Former governor Tomas H.J. Brecht spoke first.", "Tomas H.J. Brecht"),
    ("Tomas H. J. Brecht spoke first.", "Tomas H. J. Brecht"),
])
def test_a_middle_initial_joins_the_name(text, name):
    assert any(n.endswith(name) for _, _, n in name_sequences(text))
    assert any(m.form.endswith(name) for m in find_mentions(text))
    assert any(m.text.endswith(name) for m in mentions(text))


@pytest.mark.parametrize("text, before, after", [
    ("Ada Vale won Group A. Tomas Brecht won Group B.", "Group", "Tomas"),
    ("The team met in Washington D.C. Tomas Brecht closed the road.", "Washington", "Tomas"),
])
def test_a_letter_ending_a_sentence_joins_nothing(text, before, after):
    for names in ([n for _, _, n in name_sequences(text)], [m.form for m in find_mentions(text)],
                  [m.text for m in mentions(text)]):
        assert any(after in n for n in names), names
        assert not any(before in n and after in n for n in names), names


def test_a_name_with_and_without_its_initial_is_one_fact(detector):
    arts = [
        Article(id=1, source="1.txt", outlet="Harbour Post", date="2026-03-12",
                body="Ada K. Vale opened the bridge at Kesh on Monday. Vale said the tolls would fall."),
        Article(id=2, source="2.txt", outlet="Lakeside Times", date="2026-03-12",
                body="Ada Vale opened the bridge at Kesh on Monday, and the crowd cheered."),
    ]
    an = {a.id: detector.analyze(a) for a in arts}
    rows = {r.text: r for r in facts(arts, an, naming(arts, an, max_actors=None))}
    vale = [r for t, r in rows.items() if "Vale" in t]
    assert len(vale) == 1 and vale[0].absent == []


@pytest.mark.parametrize("text, name", [
    ("Officials in St. Kessen said the bridge would open.", "St. Kessen"),
    ("The Mt. Varro exchange filed for bankruptcy on Monday.", "Mt. Varro"),
    ("Troops at Ft. Brennvik were moved north.", "Ft. Brennvik"),
    ("Jack St. Orlo said the vote would be close.", "Jack St. Orlo"),
])
def test_an_abbreviation_that_opens_a_name_runs_on_over_its_full_stop(text, name):
    """"St. Louis", "Mt. Everest", "Ft. Worth": the word after the stop is the
    rest of the name (it was read as a sentence's first word and dropped, so
    the place was no name at all, or "Mt" alone was one)."""
    for names in ([n for _, _, n in name_sequences(text)], [m.form for m in find_mentions(text)],
                  [m.text for m in mentions(text)]):
        assert name in names, names


def test_a_street_abbreviation_ending_a_sentence_joins_nothing_after_it():
    text = "The shop is on Pine St. The police came at noon."
    names = [n for _, _, n in name_sequences(text)]
    assert not any("The" in n for n in names), names
