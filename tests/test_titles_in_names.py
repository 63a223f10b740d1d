"""A title inside a run of capitalised words (issue 11: actors that are
actors). News capitalises a title before a name ("Velmoran Energy CEO Ada
Vale", "Supreme Court Justice Ada Vale") and any word opening a sentence
("Businesswoman Ada Vale"): the person is the name after the title, not the
whole run, and a title word alone is no actor. The people, companies and
outlets here are invented."""

from __future__ import annotations

import pytest

from framing.compare.actors import parse
from framing.compare.naming import naming
from framing.detect import Detector, load_lexicon
from framing.models import Article


@pytest.fixture(scope="module")
def detector():
    return Detector(load_lexicon()).fit()


def _art(i, outlet, body):
    return Article(id=i, source=f"{i}.txt", outlet=outlet, body=body, date="2026-03-12")


def _naming(detector, first, second):
    """The naming rows of an event of two articles: ``first`` from the Harbour
    Post, ``second`` from the Lakeside Times."""
    arts = [_art(1, "Harbour Post", first), _art(2, "Lakeside Times", second)]
    an = {a.id: detector.analyze(a) for a in arts}
    return naming(arts, an, max_actors=None)


@pytest.mark.parametrize("text, name, title", [
    ("Velmoran Energy CEO Ada Vale", "Ada Vale", "ceo"),
    ("Supreme Court Justice Ada Vale", "Ada Vale", "justice"),
    ("Harbour Agency Administrator Tomas Brecht", "Tomas Brecht", "administrator"),
    ("House Speaker Tomas Brecht", "Tomas Brecht", "speaker"),
    ("Businesswoman Ada Vale", "Ada Vale", "businesswoman"),
    ("Velmoran Prime Minister Ada Vale", "Ada Vale", "prime minister"),
    ("Lakeside County Sheriff Tomas Brecht", "Tomas Brecht", "sheriff"),
])
def test_the_person_is_the_name_after_the_title(text, name, title):
    p = parse(text)
    assert (p.kind, p.name, p.title) == ("person", name, title)


@pytest.mark.parametrize("text", [
    "Velmoran Prime Minister",  # a title and no name after it
    "Tomas King Live",          # one word after a title word: as often a name's end
    "Tomas Luther King Jr.",    # a suffix is no name
    "Velmoran Queen Community Hospital",  # an institution's name holding a title word
])
def test_no_person_is_made_of_a_title_and_one_word_or_none(text):
    assert parse(text).kind != "person"


def test_a_name_without_a_title_word_is_read_as_before():
    p = parse("Ada Vale")
    assert (p.kind, p.name, p.title) == ("person", "Ada Vale", None)


def test_naming_files_the_titled_run_under_the_person_not_the_company(detector):
    found = _naming(detector,
                    "Velmoran Energy CEO Ada Vale resigned on Monday. Vale said the board had lost faith "
                    "in the plan. Vale will stay until March.",
                    "Ada Vale resigned from the energy company on Monday. Vale gave no reason, and the "
                    "board named no successor.")
    rows = {r.actor: {(f.outlet, f.form) for f in r.forms} for r in found}
    assert "Ada Vale" in rows, rows
    assert ("Harbour Post", "Velmoran Energy CEO Ada Vale") in rows["Ada Vale"]
    assert ("Lakeside Times", "Ada Vale") in rows["Ada Vale"]
    assert not any("CEO" in actor for actor in rows)


def test_a_title_word_alone_is_no_actor_row(detector):
    assert _naming(detector,
                   "The delegation landed at noon, and the visit of the President was short. Reporters "
                   "asked when the President would speak.",
                   "Crowds waited for the President at the port. The President did not stop to speak.") == []


def test_a_title_word_that_stands_for_a_person_keeps_the_persons_row(detector):
    found = _naming(detector,
                    "Chairman Tomas Brecht opened the meeting. Brecht asked for a delay.",
                    "Tomas Brecht, the chairman, opened the meeting. Brecht spoke first.")
    assert {r.actor for r in found} == {"Tomas Brecht"}


def test_a_name_without_its_middle_name_is_the_same_person():
    from framing.compare.actors import find_mentions, resolve

    text = ("Harbour Agency Spokeswoman Ada Marlow Vale spoke on Monday. Later, Ada Vale said the plan "
            "stood. Vale left. Tomas Brecht did not comment.")
    ms = find_mentions(text)
    keys = dict(zip([m.form for m in ms], resolve([(1, m.form) for m in ms], parsed=[m.parsed for m in ms]).keys))
    assert keys["Ada Vale"] == keys["Vale"] == keys["Harbour Agency Spokeswoman Ada Marlow Vale"]
    assert keys["Tomas Brecht"] != keys["Ada Vale"]


@pytest.mark.parametrize("text, form", [
    # a video player's labels in capitals, glued to the name by a copied page
    ("JUST WATCHED Tomas Brecht spoke at the harbour.", "Tomas Brecht"),
    ("CLOSE Ada Vale said the plan was fair.", "Ada Vale"),
    # a network's credit or programme label: an initialism before a name
    ("KTVN Ada Vale reported from the harbour.", "Ada Vale"),
    ("HBCN Tomas Brecht Ada spoke.", "Tomas Brecht Ada"),
    ("KTVN's Ada Vale reported.", "Ada Vale"),  # the network's reporter
    ("KTVN’s Ada Vale reported.", "Ada Vale"),
    ("KTVN T. Ada Vale took the photograph.", "T. Ada Vale"),
])
def test_capital_labels_glued_before_a_name_are_no_part_of_it(text, form):
    from framing.compare.actors import find_mentions

    assert [m.form for m in find_mentions(text)] == [form]


@pytest.mark.parametrize("text, form", [
    ("BILL VALE spoke at the harbour.", "BILL VALE"),  # a name set in capitals
    ("FBI Director Tomas Brecht spoke.", "FBI Director Tomas Brecht"),  # a title follows: read as titled
    ("KTVN Harbourside reported.", "KTVN Harbourside"),  # one word after it
    ("NATO Harbour Command met.", "NATO Harbour Command"),  # an organisation the gazetteer knows
])
def test_capitals_that_are_part_of_the_name_stay(text, form):
    from framing.compare.actors import find_mentions

    assert [m.form for m in find_mentions(text)][:1] == [form]


def test_a_networks_label_glued_to_a_name_files_it_under_the_person(detector):
    found = _naming(detector,
                    "KTVN Ada Vale said the harbour plan was fair. Vale spoke on Monday.",
                    "Ada Vale defended the harbour plan. Vale said it was fair.")
    rows = {r.actor: {(f.outlet, f.form) for f in r.forms} for r in found}
    assert set(rows) == {"Ada Vale"}, rows
    assert ("Harbour Post", "Ada Vale") in rows["Ada Vale"]
