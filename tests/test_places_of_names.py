"""Places below the state and names joined by "of" (issue 11: actors that
are actors). A first-level subdivision (ISO 3166-2, from pycountry) or a
compass word before a place is a place: never a person, never a person's
surname. An institution word joined by "of" or "for" to a name makes one
name. The people, outlets and institutions here are invented; the places
are the gazetteer's."""

from __future__ import annotations

import importlib

import pytest

from framing.compare.actors import find_mentions, parse, resolve
from framing.compare.naming import naming
from framing.detect import Detector, load_lexicon
from framing.models import Article

facts_mod = importlib.import_module("framing.compare.facts")


@pytest.fixture(scope="module")
def detector():
    return Detector(load_lexicon()).fit()


def _art(i, outlet, body):
    return Article(id=i, source=f"{i}.txt", outlet=outlet, body=body, date="2026-03-12")


def _naming_forms(arts, detector):
    """Each actor of the naming table with the set of forms filed under it."""
    an = {a.id: detector.analyze(a) for a in arts}
    return {r.actor: {f.form for f in r.forms} for r in naming(arts, an, max_actors=None)}


def _keys(text):
    ms = find_mentions(text)
    res = resolve([(1, m.form) for m in ms], parsed=[m.parsed for m in ms])
    return {m.form: k for m, k in zip(ms, res.keys)}


@pytest.mark.parametrize("place", ["West Virginia", "New Hampshire", "South Dakota", "Nova Scotia"])
def test_a_subdivision_of_two_words_is_a_place_not_a_person(place):
    p = parse(place)
    assert p.kind == "place" and p.key.startswith("place:")


def test_a_place_is_no_surname_of_a_longer_place():
    keys = _keys("Ada Marlow toured West Virginia on Monday. Turnout in Virginia was lower, Marlow said.")
    assert keys["West Virginia"] != keys["Virginia"]
    assert not keys["Virginia"].startswith("person:")
    assert keys["Marlow"] == keys["Ada Marlow"]


@pytest.mark.parametrize("text, place, part", [
    ("Farmers in Northern Ontario lost their crops, and Ontario will pay.", "Northern Ontario", "Ontario"),
    ("Roads in West Texas flooded while the rest of Texas stayed dry.", "West Texas", "Texas"),
])
def test_a_compass_word_before_a_place_makes_a_place(text, place, part):
    keys = _keys(text)
    assert keys[place].startswith("place:") and keys[part].startswith("place:")
    assert keys[place] != keys[part]


def test_a_one_word_place_is_the_surname_of_a_person_named_in_full_in_the_article():
    """Mirrored: the same word with no full name ending in it is the place."""
    with_person = _keys("Lena Flores filed the suit on Monday. Flores said the judge would rule soon.")
    assert with_person["Flores"] == with_person["Lena Flores"] == "person:lena flores"
    alone = _keys("Rain fell across Flores on Monday, and the dam held.")
    assert alone["Flores"].startswith("place:")


def test_a_place_opening_a_persons_name_keeps_it_a_first_name():
    p = parse("Virginia Calloway")
    assert p.kind == "person" and p.name == "Virginia Calloway"


def test_an_english_word_that_is_also_a_subdivision_is_no_place():
    assert parse("Central").kind != "place"


@pytest.mark.parametrize("text, name", [
    ("Rates were set by the Bank of Velmora on Monday.", "Bank of Velmora"),
    ("A study by the University of Almera found the same.", "University of Almera"),
    ("The Center for Kesh Progress published the figures.", "Center for Kesh Progress"),
    ("Officials at the Ministry of the Interior spoke.", "Ministry of the Interior"),
])
def test_an_institution_word_joined_by_of_or_for_makes_one_name(text, name):
    ms = {m.form: m.parsed for m in find_mentions(text)}
    assert name in ms and ms[name].kind == "organisation"


def test_a_person_of_a_place_is_not_glued_to_it():
    """Mirrored with the test above: "of" after a name that is no institution
    word joins nothing."""
    forms = [m.form for m in find_mentions("Reporters heard Ada Marlow of New York speak.")]
    assert "Ada Marlow" in forms and "New York" in forms
    assert not any("of" in f.split() for f in forms)


def test_a_gazetteer_name_ending_a_run_keeps_of_out_of_its_form():
    forms = [m.form for m in find_mentions("Leaders of America of all places said no.")]
    assert "America" in forms and "America of" not in forms


def test_facts_keep_an_institution_name_whole_even_at_a_sentence_start():
    texts = ["Department of Kesh Affairs officials said the road would open.",
             "The tolls were set by the Bank of Velmora on Monday."]
    got = [m.text for t in texts for m in facts_mod.mentions(t) if m.kind == "entity"]
    assert "Department of Kesh Affairs" in got and "Bank of Velmora" in got
    assert "Kesh Affairs" not in got and "Velmora" not in got


def test_facts_do_not_join_a_person_and_a_place_by_of():
    got = [m.text for m in facts_mod.mentions("Reporters heard Ada Marlow of New York speak.") if m.kind == "entity"]
    assert "Ada Marlow" in got and "New York" in got


def test_naming_files_no_place_under_a_longer_place(detector):
    arts = [
        _art(1, "Almera Courier", "Voters in West Virginia backed the plan. West Virginia will vote again. "
             "Virginia did not."),
        _art(2, "Kesh Daily", "West Virginia backed the plan, and so did Virginia. In Virginia the vote was close."),
    ]
    rows = _naming_forms(arts, detector)
    assert "Virginia" not in rows.get("West Virginia", set())
    assert rows.get("Virginia") == {"Virginia"}


def test_naming_files_a_country_under_itself_not_under_an_institution_named_after_it(detector):
    """"Velmora Chamber of Commerce" is an institution: "Velmora" alone is no surname of it."""
    arts = [
        _art(1, "Almera Courier", "The Velmora Chamber of Commerce backed the deal. Velmora will sign it. "
             "Velmora has waited."),
        _art(2, "Kesh Daily", "Velmora signed the deal on Monday; Velmora had waited for years."),
    ]
    rows = _naming_forms(arts, detector)
    assert "Velmora" in rows and "Velmora Chamber" not in rows


@pytest.mark.parametrize("text, form, name", [
    ("Reporters saw Sen. Ada Vale vote no.", "Sen. Ada Vale", "Ada Vale"),
    ("Reporters saw Ohio Sen. Ada Vale vote no.", "Ohio Sen. Ada Vale", "Ada Vale"),
    ("Reporters saw West Virginia Republican Gov. Ada Vale vote no.", "West Virginia Republican Gov. Ada Vale",
     "Ada Vale"),
])
def test_an_abbreviated_title_runs_on_to_the_name_after_it(text, form, name):
    """A place or party before the title says where the person serves: no
    "Ohio Sen" person holding "Ohio"."""
    ms = {m.form: m.parsed for m in find_mentions(text)}
    assert form in ms and ms[form].kind == "person" and ms[form].name == name


def test_st_before_a_name_is_no_title():
    """"St." opens a place's or a family's name ("St. Louis", "Jack St.
    Martin"): the name is "St. Ovrin", never the person "Ovrin" titled "St"."""
    ms = {m.form: m.parsed for m in find_mentions("Flights to St. Ovrin were cut.")}
    assert "Ovrin" not in ms
    assert ms["St. Ovrin"].title is None and ms["St. Ovrin"].name == "St. Ovrin"


def test_facts_cut_an_abbreviated_title_and_party_off_the_place_before_a_name():
    got = [m.text for m in facts_mod.mentions(
        "Reporters saw Texas Republican Gov. Ada Vale and Ohio Sen. Lena Brask speak.")
           if m.kind == "entity"]
    assert "Texas" in got and "Ohio" in got and "Ada Vale" in got
    assert not any(g.endswith(("Gov", "Sen")) for g in got)


@pytest.mark.parametrize("text, kept", [
    ("Crowds came for Saturday's Velmora rally. Velmora voted.", "Velmora"),
    ("Reporters heard Brask Wednesday say no. Brask spoke.", "Brask"),
])
def test_a_weekday_glued_to_a_name_that_stands_alone_is_cut_off(text, kept):
    forms = [m.form for m in find_mentions(text)]
    assert forms.count(kept) == 2 and not any(kept in f and f != kept for f in forms)


@pytest.mark.parametrize("text, group, party", [
    ("Senate Republicans blocked the bill, and the Senate adjourned.", "Senate Republicans", "GOP"),
    ("Iowa Democrats met in Iowa on Monday.", "Iowa Democrats", "DEM"),
])
def test_a_party_in_an_institution_or_a_place_is_the_party_not_a_person(text, group, party):
    """No person "Senate Republicans" holding "Senate" as a surname."""
    keys = _keys(text)
    assert keys[group] == party
    assert not any(k.startswith("person:") for k in keys.values())


def test_a_name_opening_with_a_compass_word_is_no_person_and_takes_no_surname():
    """"West Kesh" is a part of Kesh (a place no gazetteer knows), not a
    person whose surname is "Kesh"; mirrored: "Ada West" is a person."""
    keys = _keys("Voters in West Kesh lined up. Kesh itself stayed home, and Ada West spoke.")
    assert keys["West Kesh"].startswith("place:")
    assert keys.get("Kesh", "") != keys["West Kesh"]
    assert keys["Ada West"] == "person:ada west"
