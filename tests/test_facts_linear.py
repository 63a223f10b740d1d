"""The cited-source pattern "<Name> reported" in compare/facts.py is found in
time linear in the text (issue 14): the same matches as the one-pattern
search it replaces, without trying the name from every position of a run of
capitalised words."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framing.compare.facts import SOURCE_RES, mentions

#: The pattern as one regular expression: the oracle the linear search must agree with.
ONE_PATTERN = re.compile(
    r"(?:the\s+)?(?P<src>[A-Z][\w&\-']*(?:\s+(?:[A-Z][\w&\-']*|of|for|and))*)"
    r"\s+(?:reported|reports|quoted|cited)\b"
)
LINEAR = next(rx for rx in SOURCE_RES if not isinstance(rx, re.Pattern))

# Pieces that exercise every branch: names, joiners, verbs, words glued to
# punctuation, non-ASCII capitals, odd whitespace.
PIECES = ["Reuters", "Abc", "of", "for", "and", "the", "reported", "reports", "quoted", "cited",
          "reportedly", "Reported", "x", "mcDonald", "ÉMile", "Émile", "U.S.", "(", "'", "-", "&",
          "’", ".", ",", "9", "_", " ", " ", "  ", "\n", "\t", "\xa0", "\x1c"]


def _found(rx, text):
    return [(m.start("src"), m.end(), m.group("src")) for m in rx.finditer(text)]


TEXTS = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_linear_search_finds_what_the_one_pattern_finds(text: str) -> None:
    assert _found(LINEAR, text) == _found(ONE_PATTERN, text)


@pytest.mark.slow
@settings(max_examples=5000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_linear_search_finds_what_the_one_pattern_finds_in_many_more_texts(text: str) -> None:
    assert _found(LINEAR, text) == _found(ONE_PATTERN, text)


def test_known_sentences() -> None:
    text = ("The ministry said so, Reuters reported. (Bank of England reports rose, "
            "the Harbor Ledger and Velmora Post quoted; reported-Abc reported.")
    assert [g for _, _, g in _found(LINEAR, text)] == [
        "Reuters", "Bank of England", "Harbor Ledger and Velmora Post", "Abc"]


def test_a_long_run_of_capitalised_names_is_one_source() -> None:
    """The 16,000-word run that took 152 s: one pass now (the quadratic search
    needs minutes here, so the suite would show it)."""
    names = ["Alder", "Brisco", "Carran", "Delmont", "Ebbet", "Faircloth", "Garrow", "Hesketh"]
    run = " ".join(names[(i * 7 + i // 8) % 8] for i in range(16_000))
    text = f"The ministry said on Monday that {run} reported a delay, and the talks went on."
    assert len(text.encode()) > 100_000
    found = [m for m in mentions(text) if m.kind == "source"]
    assert [m.text for m in found] == [run]
