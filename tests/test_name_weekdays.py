"""News writes the day beside a name: "said in New Hampshire Friday", "told
Fox News Sunday". The weekday glued itself to the run of names, so event
labels read "Hampshire Friday" and "Twitter Monday". A weekday that opens or
closes a run is cut off when the rest of the run is a name on its own in the
same text; named days keep it. Invented people and places, a few real ones."""

from __future__ import annotations

import pytest

from framing.compare._text import name_sequences


def _names(text: str) -> list[str]:
    return [n for _, _, n in name_sequences(text)]


@pytest.mark.parametrize("text, glued, name", [
    ("Governor Vell Marno spoke in New Hampshire on Tuesday. Marno said in New Hampshire Friday that "
     "the vote would wait.", "New Hampshire Friday", "New Hampshire"),
    ("The Ostra Herald reported the deal. The minister told the Ostra Herald Sunday that it was done.",
     "Ostra Herald Sunday", "Ostra Herald"),
    ("President Kesh Darrow met the envoys. A day later, on Friday President Kesh Darrow said the talks "
     "had failed.", "Friday President Kesh Darrow", "President Kesh Darrow"),
])
def test_a_weekday_beside_a_name_is_cut_off(text, glued, name):
    names = _names(text)
    assert glued not in names
    assert names.count(name) == 2


@pytest.mark.parametrize("text, name", [
    ("Shops in Ostra opened at dawn for Black Friday, and queues formed early.", "Black Friday"),
    ("The Vell senator won most states on Super Tuesday and thanked her staff.", "Super Tuesday"),
    ("The host of Saturday Night Live said the show would go on.", "Saturday Night Live"),
    # the rest of the run is no name of its own in this text: nothing says the day is glued
    ("Marno said in New Hampshire Friday that the vote would wait.", "New Hampshire Friday"),
])
def test_a_named_day_or_an_unknown_rest_keeps_the_weekday(text, name):
    assert name in _names(text)
