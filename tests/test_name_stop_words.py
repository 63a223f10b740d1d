"""A few stop words are words of names too: "New York", "the First Lady",
"Bill Varenne", "Air Force One". Dropped as stop words, they cut the name,
so the event label read "York Times", the naming table had "York" and the
facts "Hampshire". Inside a run of names they now belong to it; alone they
stay words. Invented people and places apart from a few real place names."""

from __future__ import annotations

import pytest

from framing.compare import _text
from framing.compare._text import name_sequences
from framing.compare.facts import facts
from framing.compare.grouping import group_events
from framing.compare.naming import naming
from framing.models import Article


def _names(text: str) -> list[str]:
    return [n for _, _, n in name_sequences(text)]


@pytest.mark.parametrize("text, name", [
    ("Officials in New York said the storm had passed.", "New York"),
    ("The First Lady visited Ostra on Monday.", "First Lady"),
    ("Former governor Bill Varenne spoke first.", "Bill Varenne"),
    ("The Ostra Fire Department rescued forty people.", "Ostra Fire Department"),
    ("He flew on Air Force One to Kesh.", "Air Force One"),
])
def test_a_stop_word_inside_a_run_of_names_belongs_to_it(text, name):
    assert name in _names(text)


@pytest.mark.parametrize("text", [
    "New rules came in last week.",
    "First, the council voted.",
    "Two days later the inspectors left.",
])
def test_alone_it_is_a_word(text):
    assert _names(text) == []


def test_without_the_list_the_name_was_cut(monkeypatch):
    monkeypatch.setattr(_text, "NAME_STOP_WORDS", frozenset())
    _text._base.cache_clear()
    _text._runs_and_lists.cache_clear()
    _text._candidates_of.cache_clear()
    _text._scan.cache_clear()
    try:
        assert _names("Officials in New York said the storm had passed.") == ["York"]
    finally:
        monkeypatch.undo()
        _text._base.cache_clear()
        _text._runs_and_lists.cache_clear()
        _text._candidates_of.cache_clear()
        _text._scan.cache_clear()


STORM = [
    Article(id=1, source="a", outlet="Harbour Gazette", title="Storm floods Brennvik harbour",
            body="A storm hit New York on Monday. New York Mayor Ilsa Varenne said the Brennvik pier "
                 "was closed and forty boats were lost.", date="2026-03-02"),
    Article(id=2, source="b", outlet="Kesh Daily", title="Storm closes the Brennvik pier",
            body="Mayor Ilsa Varenne of New York closed the Brennvik pier after the storm sank forty "
                 "boats.", date="2026-03-02"),
]


def test_facts_naming_and_label_keep_the_whole_name():
    texts = {r.text for r in facts(STORM, {})}
    assert "New York" in texts and "York" not in texts
    forms = {f.form for row in naming(STORM, {}) for f in row.forms}
    assert "New" not in forms
    [event] = group_events(STORM, copies={})
    assert "York" not in event.label.replace("New York", "")


def test_an_honorific_cut_off_by_its_full_stop_is_no_name():
    # "Mr." ends no sentence (the detector's sentence starts, here one); the
    # full stop still ends the run of names, leaving "Mr" alone
    text = "The lawyers of Mr. Varenne met Rep. Ilsa Brask and Sen. Joss Ferrow."
    assert _names(text) != [] and all(n not in ("Mr", "Rep", "Sen") for n in _names(text))
    got = [n for _, _, n in name_sequences(text, [0])]
    assert got == ["Varenne", "Ilsa Brask", "Joss Ferrow"], got
