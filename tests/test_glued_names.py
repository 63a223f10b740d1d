"""Words glued before a person's name that are not the name (issue 11:
actors that are actors): an outlet's or an agency's all-caps abbreviation
("KVN Ada Vale"), a banner ("JUST WATCHED Ada Vale"), the name of one of the
event's outlets ("Brightwater Ada Vale"); and a titled name that is no naming
row shown in the facts by the person's name. The people, outlets and
agencies here are invented."""

from __future__ import annotations

import pytest

from framing.compare.actors import parse
from framing.compare.facts import facts
from framing.compare.naming import naming
from framing.detect import Detector, load_lexicon
from framing.models import Article


@pytest.fixture(scope="module")
def detector():
    return Detector(load_lexicon()).fit()


def _art(i, outlet, body):
    return Article(id=i, source=f"{i}.txt", outlet=outlet, body=body, date="2026-03-12")


@pytest.mark.parametrize("text, name", [
    ("KVN Ada Vale", "Ada Vale"),
    ("KVN's Ada Vale", "Ada Vale"),
    ("KVN News Ada Vale", "Ada Vale"),
    ("JUST WATCHED Tomas Brecht", "Tomas Brecht"),
    ("AP Tomas W. Brecht", "Tomas W. Brecht"),
    ("HWA Dr. Ada Vale", "Ada Vale"),
])
def test_an_all_caps_word_glued_before_a_name_is_not_the_name(text, name):
    p = parse(text)
    assert (p.kind, p.name) == ("person", name)


@pytest.mark.parametrize("text, kind", [
    ("KVN Harbour Foundation", "organisation"),  # an institution's name that opens with an abbreviation
    ("Tomas W. Brecht", "person"),                # a middle initial is no abbreviation
])
def test_an_abbreviation_that_opens_an_institutions_name_stays(text, kind):
    p = parse(text)
    assert p.kind == kind and (kind != "person" or p.name == text)


def test_an_initialism_of_the_name_after_it_is_not_cut():
    assert parse("AV Ada Vale").name == "AV Ada Vale"


def test_an_outlet_of_the_event_glued_before_a_name_is_where_the_person_writes(detector):
    arts = [
        _art(1, "Brightwater", "The council voted on Monday. Brightwater Tomas Brecht reported that the vote "
             "was close, and Brecht said the mayor would appeal."),
        _art(2, "Harbour Post", "The council voted on Monday, and Tomas Brecht of Brightwater said the mayor "
             "would appeal. Brecht covered the session."),
    ]
    an = {a.id: detector.analyze(a) for a in arts}
    rows = {r.actor: {(f.outlet, f.form) for f in r.forms} for r in naming(arts, an, max_actors=None)}
    assert not any(actor.startswith("Brightwater ") for actor in rows), rows
    assert ("Brightwater", "Brightwater Tomas Brecht") in rows["Tomas Brecht"]


def test_a_titled_name_no_row_holds_is_shown_by_the_persons_name(detector):
    """Named by one outlet only, the person has no naming row; the fact
    shows the name, and the titled and the plain name are one fact."""
    arts = [
        _art(1, "Almera Courier", "The bridge at Kesh opened on Monday. Harbour Agency Administrator Tomas "
             "Brecht cut the ribbon, and Tomas Brecht said the tolls would fall."),
        _art(2, "Kesh Daily", "The bridge at Kesh opened on Monday after three years of work."),
    ]
    an = {a.id: detector.analyze(a) for a in arts}
    rows = {r.text: r for r in facts(arts, an, naming(arts, an, max_actors=None))}
    assert "Harbour Agency Administrator Tomas Brecht" not in rows, sorted(rows)
    assert rows["Tomas Brecht"].present == ["Almera Courier"]


@pytest.mark.parametrize("text, name, title", [
    ("Harbour Rovers DL Tomas Brecht", "Tomas Brecht", "dl"),
    ("Velmora QB Ada Vale", "Ada Vale", "qb"),
    ("Kesh Valley AG Ilsa Varenne", "Ilsa Varenne", "ag"),
])
def test_an_unknown_initialism_between_names_is_a_role(text, name, title):
    """A team's or a state's name, a role written short and the person, as
    "Apple CEO Tim Cook" is: the person's name is the words after it."""
    p = parse(text)
    assert (p.kind, p.name, p.title) == ("person", name, title)


@pytest.mark.parametrize("text, name", [
    ("Tomas KV Brecht", "Tomas KV Brecht"),                # one word after it: a middle initialism
    ("Pope Tomas XIV Brask Hall", "Tomas XIV Brask Hall"),  # a regnal number, no role
])
def test_a_name_with_capitals_inside_stays_whole(text, name):
    assert parse(text).name == name
