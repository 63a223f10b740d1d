"""Normalisation with a way back: every normalised character knows the offset
of the raw character it came from, so a span found in normalised text is a
span of the stored text.

* :func:`normalize` — NFKC, typographic quotes and dashes made plain, for
  comparing wordings ("…" becomes "...", so offsets move: use the map);
* :func:`normalize_for_matching` — lower case, every run of spaces and hyphens
  one space and other punctuation a barrier, for whole-word phrase matching.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from .tokens import words

_PLAIN = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


@dataclass(frozen=True)
class Normalized:
    """A normalised text and, for each of its characters, the raw offset it came from."""

    text: str
    offsets: Sequence[int]  # a range when nothing moved
    raw_length: int

    def raw(self, pos: int) -> int:
        """The raw offset of normalised position ``pos`` (``len(text)`` maps to the raw end)."""
        return self.offsets[pos] if pos < len(self.offsets) else self.raw_length

    def position(self, raw: int) -> int:
        """The normalised position of raw offset ``raw`` (the first character made from it or after it)."""
        return bisect_left(self.offsets, raw)

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """The raw span a normalised span ``[start, end)`` came from."""
        if end <= start:
            a = self.raw(start)
            return a, a
        return self.raw(start), self.offsets[end - 1] + 1 if end - 1 < len(self.offsets) else self.raw_length


@lru_cache(maxsize=2048)
def normalize(text: str) -> Normalized:
    """NFKC with plain quotes and dashes, one character cluster (a character and
    its combining marks) at a time, with the offset map back to ``text``."""
    if text.isascii() or unicodedata.is_normalized("NFKC", text):
        # Plain quotes and dashes replace one character by one: nothing moves.
        return Normalized(text.translate(_PLAIN), range(len(text)), len(text))
    out: list[str] = []
    offsets: list[int] = []
    n = len(text)
    i = 0
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        piece = unicodedata.normalize("NFKC", text[i:j]).translate(_PLAIN)
        out.append(piece)
        offsets.extend([i] * len(piece))
        i = j
    return Normalized("".join(out), tuple(offsets), n)


def plain(text: str) -> str:
    """The normalised text alone (for keys and comparisons, never for offsets)."""
    return normalize(text).text


def fold(text: str) -> str:
    """Lower-case words joined by single spaces, punctuation and quotes dropped."""
    return " ".join(w.lower() for w in words(plain(text)))


_JOINERS = frozenset("-\u2010\u2011")  # hyphens join the words of a term
_SOFT_APOSTROPHES = frozenset("'\u2019")


def normalize_for_matching(text: str) -> tuple[str, tuple[int, ...]]:
    """Lowercase ``text`` for matching, keeping a map back to the original.

    Letters and digits are lowercased one character at a time (a character
    whose lowercase form has another length, e.g. ``İ``, is kept as is). A run
    of spaces, hyphens or one inner apostrophe becomes one space, so
    "so-called" and "so called" match alike. A run holding any other
    punctuation (quotation marks, commas, full stops, dashes) or a blank line
    becomes a barrier, `` | ``, that no term spans. The result is padded with a
    space at each end. Returns the string and, for each of its characters, the
    offset of the original character it came from.
    """
    return _normalize_for_matching(text)


@lru_cache(maxsize=256)
def _normalize_for_matching(text: str) -> tuple[str, tuple[int, ...]]:
    chars = [" "]
    index = [-1]
    n = len(text)
    i = 0
    while i < n:
        ch = text[i]
        if ch.isalnum():
            low = ch.lower()
            chars.append(low if len(low) == 1 else ch)
            index.append(i)
            i += 1
            continue
        j = i
        while j < n and not text[j].isalnum():
            j += 1
        run = text[i:j]
        inner_apostrophe = (run in _SOFT_APOSTROPHES and i > 0 and j < n)
        soft = inner_apostrophe or (
            all(c.isspace() or c in _JOINERS for c in run) and run.count("\n") < 2
        )
        if soft or i == 0 or j == n:
            chars.append(" ")
            index.append(i)
        else:
            chars.extend(" | ")
            index.extend((i, i, i))
        i = j
    if chars[-1] != " ":
        chars.append(" ")
        index.append(n)
    return "".join(chars), tuple(index)


def normalize_term(term: str) -> str:
    """The key a term or variant is matched by: lowercase words joined by single spaces."""
    norm, _ = normalize_for_matching(term.strip())
    return norm.strip()
