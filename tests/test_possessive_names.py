"""A possessive inside a run of capitalised words ends a name that stands alone
elsewhere in the text (issue 11: actors that are actors): "Brask's Senate
allies" names Brask and the Senate, not a person "Brask Senate". Names that
hold a possessive stay whole. The people and places here are invented, but
for a country the gazetteer knows."""

from __future__ import annotations

import pytest

from framing.compare.actors import find_mentions
from framing.compare.naming import naming
from framing.detect import Detector, load_lexicon
from framing.models import Article


@pytest.fixture(scope="module")
def detector():
    return Detector(load_lexicon()).fit()


@pytest.mark.parametrize("text, forms, glued", [
    ("Voters heard from Brask on Monday, and Brask's Senate allies cheered.",
     ["Brask", "Brask's", "Senate"], "Brask's Senate"),
    ("Voters heard from Brask on Monday, and Brask’s Senate allies cheered.",  # a typographic apostrophe
     ["Brask", "Brask’s", "Senate"], "Brask’s Senate"),
    ("Crowds filled Almera all week, and Almera's Harbour Market stayed open.",
     ["Almera", "Almera's", "Harbour Market"], "Almera's Harbour Market"),
])
def test_a_possessive_ends_a_name_that_stands_alone(text, forms, glued):
    found = [m.form for m in find_mentions(text, keep_all=True)]
    assert [f for f in found if f in forms] == forms
    assert glued not in found


@pytest.mark.parametrize("text, whole", [
    # the owner never stands alone mid-sentence: one name
    ("Brask's Senate allies cheered.", "Brask's Senate"),
    ("Thousands joined the Women's March in Almera.", "Women's March"),
    # a name the gazetteer knows whole stays whole, whatever stands alone
    ("Officials told People on Monday that the People's Republic of China agreed.",
     "People's Republic of China"),
    # an owner's title before a name: the person, read with the country
    ("Talks with Kazakhstan went on, and Kazakhstan's Foreign Minister Ada Vale came.",
     "Kazakhstan's Foreign Minister Ada Vale"),
])
def test_a_name_that_holds_a_possessive_stays_whole(text, whole):
    assert whole in [m.form for m in find_mentions(text, keep_all=True)]


def test_no_actor_is_named_after_the_owner_and_the_owned_thing(detector):
    arts = [
        Article(id=1, source="1.txt", outlet="Almera Courier", date="2026-03-12",
                body="The vote on the Kesh bill was close. Critics of Teodor Brask said Brask had lost ground, "
                     "and Brask's Senate allies split; the Senate passed the bill."),
        Article(id=2, source="2.txt", outlet="Kesh Daily", date="2026-03-12",
                body="The Senate passed the Kesh bill. Teodor Brask said Brask would sign it."),
    ]
    an = {a.id: detector.analyze(a) for a in arts}
    actors = {r.actor for r in naming(arts, an, max_actors=None)}
    assert "Teodor Brask" in actors
    assert not any("Brask Senate" in a or "Brask's Senate" in a for a in actors), actors


@pytest.mark.parametrize("apostrophe", ["'", "’"])
def test_a_name_of_several_words_ending_in_a_possessive_is_the_same_form(detector, apostrophe):
    """'Velmoran President Aris Kade’s visit' names him as 'Velmoran President
    Aris Kade' does: the possessive is grammar, not a way of naming him, so
    the naming table does not show two outlets naming him differently; one
    inside the name ("Velmora's President ...") is part of the form."""
    arts = [
        Article(id=1, source="1.txt", outlet="Almera Courier", date="2026-03-12",
                body=f"Velmoran President Aris Kade{apostrophe}s visit to Almera ended on Monday. "
                     "Kade met the mayor."),
        Article(id=2, source="2.txt", outlet="Kesh Daily", date="2026-03-12",
                body="Velmoran President Aris Kade visited Almera on Monday. Kade met the mayor."),
        Article(id=3, source="3.txt", outlet="Tessaly Post", date="2026-03-12",
                body=f"Velmora{apostrophe}s President Aris Kade visited Almera on Monday. Kade met the mayor."),
    ]
    an = {a.id: detector.analyze(a) for a in arts}
    rows = {r.actor: r for r in naming(arts, an, max_actors=None)}
    forms = {(f.outlet, f.form) for f in rows["Aris Kade"].forms}
    assert ("Almera Courier", "Velmoran President Aris Kade") in forms
    assert ("Kesh Daily", "Velmoran President Aris Kade") in forms
    assert ("Tessaly Post", f"Velmora{apostrophe}s President Aris Kade") in forms
    assert not any(form.endswith("s") and apostrophe in form[-3:] for _, form in forms), forms
