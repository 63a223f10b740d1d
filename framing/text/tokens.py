"""The one word tokeniser: words (and other marks) with their character offsets.

A **word** is a run of letters and digits that may hold an apostrophe, a
hyphen, a full stop or a comma between two of them ("don't", "so-called",
"U.S", "1,000", "1.1"). A **token** is a word or any other single
non-space character. Every offset indexes the string that was given.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

#: Every quotation mark framing understands, double and single families.
DOUBLE_QUOTES = "\"“”„‟«»"
SINGLE_QUOTES = "'‘’‚‛‹›"
QUOTE_CHARS = DOUBLE_QUOTES + SINGLE_QUOTES
#: The apostrophes (straight and typographic).
APOSTROPHES = "'’"

WORD = r"[^\W_](?:[^\W_]|[’'\-.,](?=[^\W_]))*"
WORD_RE = re.compile(WORD)
TOKEN_RE = re.compile(WORD + r"|\S")


def token_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """``(start, end)`` of each token in ``text[start:end]``, as offsets into ``text``."""
    return [m.span() for m in TOKEN_RE.finditer(text, start, len(text) if end is None else end)]


def word_spans(text: str) -> Iterator[tuple[int, int, str]]:
    """``(start, end, word)`` of each word, in order."""
    for m in WORD_RE.finditer(text):
        yield m.start(), m.end(), m.group()


def words(text: str) -> list[str]:
    """Word tokens as written (case kept)."""
    return WORD_RE.findall(text)


def count_words(text: str) -> int:
    """The number of words in ``text`` (the length of :func:`words`)."""
    return len(WORD_RE.findall(text))  # (one C call: faster than counting matches in Python)


_ALNUM = re.compile(r"[^\W_]")  # exactly the characters str.isalnum accepts


def is_word(token: str) -> bool:
    """Whether a token has a letter or a digit."""
    return _ALNUM.search(token) is not None


def is_title_case(text: str) -> bool:
    """True when most words are capitalised (a headline), so capitalisation says little."""
    ws = [w for w in words(text) if w[0].isalpha()]
    if len(ws) < 3:
        return False
    return sum(1 for w in ws if w[0].isupper()) / len(ws) >= 0.6
