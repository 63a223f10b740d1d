"""A number fact is a number and the noun it counts. The word after a number
is not always that noun: "Section 230 has", "the 3 who fled" count nothing;
"12 confirmed cases" counts cases, "two other settlements" settlements and
"52 Senate seats" seats; "children" and "gunmen" are plurals without an -s.
On 3,000 Article-Bias-Prediction articles the facts read "230 hases",
"3 weres", "7 mens", "12 confirmeds". Parties and identities alone
("Democratic", "GOP") are no checkable fact. Invented sentences."""

from __future__ import annotations

import pytest

from framing.compare.facts import mentions


def _numbers(text: str) -> list[str]:
    return [m.text for m in mentions(text, entities=False) if m.kind == "number"]


@pytest.mark.parametrize("text", [
    "Section 230 has shielded the sites for years.",
    "The 3 who fled the Ostra camp were caught.",
    "Police said 3 were killed near the port.",
    "The ferry left at 9 pm from Vell.",
])
def test_a_number_before_a_word_that_counts_nothing_is_no_fact(text):
    assert _numbers(text) == []


@pytest.mark.parametrize("text, fact", [
    ("Officials said 12 confirmed cases were found in Kesh.", "12 cases"),
    ("The 2 major parties agreed on the budget.", "2 parties"),
    ("They will review the risk to two other settlements below the glacier.", "2 settlements"),
    ("The vote put 52 Senate seats in play.", "52 seats"),
    ("The storm cut power to 3,000 homes.", "3,000 homes"),
    ("Vale won 3 key states on Tuesday.", "3 states"),
    ("Support fell 5 percentage points in Kesh.", "5 points"),
    ("The Kesh council approved a 5-year plan.", "5 years"),       # joined: the plan's length
    ("About 9 people accused the council.", "9 people"),           # a verb after a plural
    ("The farm sold 2 dozen eggs.", "2 dozen"),
])
def test_the_counted_noun_after_a_modifier(text, fact):
    assert _numbers(text) == [fact]


@pytest.mark.parametrize("text, fact, unit", [
    ("Medics treated 40 children at the Vell clinic.", "40 children", "child"),
    ("Witnesses saw 5 gunmen leave the bank.", "5 gunmen", "gunman"),
    ("The 3 congresswomen wrote to the Ostra council.", "3 congresswomen", "congresswoman"),
    ("Winds reached 60 mph on the coast.", "60 mph", "mph"),
    ("The plan ran for 3 decades.", "30 years", "year"),
    ("The engine makes 149 horsepower at full load.", "149 horsepower", "horsepower"),
    ("The Vell farm lost 11 sheep in the storm.", "11 sheep", "sheep"),
])
def test_plurals_are_shown_as_written_and_matched_by_their_singular(text, fact, unit):
    got = [m for m in mentions(text, entities=False) if m.kind == "number"]
    assert [m.text for m in got] == [fact] and got[0].key[2] == unit


def test_the_same_count_in_other_words_is_one_fact():
    a = [m.key for m in mentions("Officials found 12 confirmed cases.", entities=False)]
    b = [m.key for m in mentions("Doctors reported 12 cases on Monday.", entities=False)]
    assert a[0] == b[0]


@pytest.mark.parametrize("text, left_out, kept", [
    ("The Democratic leader and GOP senators met the Tories in Vell.", {"Democratic", "GOP", "Tories"}, set()),
    ("House Republicans and the Democratic National Committee wrote to Ostra Port.", set(),
     {"House Republicans", "Democratic National Committee", "Ostra Port"}),
])
def test_a_party_or_identity_word_alone_is_no_fact(text, left_out, kept):
    entities = {m.text for m in mentions(text) if m.kind == "entity"}
    assert not entities & left_out and kept <= entities
