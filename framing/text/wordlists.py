"""Word lists the text stages share, read from ``framing/text/data/*.txt``
through :mod:`importlib.resources` (so they work from an installed wheel).

One entry a line; ``#`` starts a comment; a tab separates a word from its value
in the lists that have values (``number_words.txt``).
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS


def _lines(name: str) -> list[str]:
    text = (resources.files("framing.text") / "data" / f"{name}.txt").read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


@lru_cache(maxsize=None)
def wordlist(name: str) -> frozenset[str]:
    """The words of ``data/<name>.txt`` (lower case)."""
    return frozenset(ln.split("\t")[0].lower() for ln in _lines(name))


@lru_cache(maxsize=None)
def ordered(name: str) -> tuple[str, ...]:
    """The words of ``data/<name>.txt`` in file order."""
    return tuple(ln.split("\t")[0].lower() for ln in _lines(name))


@lru_cache(maxsize=None)
def valued(name: str) -> dict[str, float]:
    """``word → value`` of a list whose lines are ``word<TAB>value``."""
    out = {}
    for ln in _lines(name):
        word, _, value = ln.partition("\t")
        out[word.lower()] = float(value)
    return out


#: The calendar: month names (January = 1) and weekday names.
MONTHS: dict[str, int] = {m: i for i, m in enumerate(ordered("months"), 1)}
WEEKDAYS: frozenset[str] = wordlist("weekdays")
CALENDAR: frozenset[str] = frozenset(MONTHS) | WEEKDAYS
NUMBER_WORDS: dict[str, float] = valued("number_words")
NEGATORS: frozenset[str] = wordlist("negators")
STOP_WORDS: frozenset[str] = frozenset(ENGLISH_STOP_WORDS) | wordlist("stop_words_extra")
