"""Normalisation with a way back: every normalised character knows the offset
of the raw character it came from, so a span found in normalised text is a
span of the stored text.

* :func:`normalize` — NFKC, typographic quotes and dashes made plain, for
  comparing wordings ("…" becomes "...", so offsets move: use the map);
* :func:`normalize_for_matching` — lower case, every run of spaces and hyphens
  one space and other punctuation a barrier, for whole-word phrase matching.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate


def words(text: str) -> list[str]:
    """The tokeniser's :func:`~framing.text.tokens.words`, imported on first use
    (its patterns take a few milliseconds to compile) and bound in its place."""
    global words
    from .tokens import words

    return words(text)


_PLAIN = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
_PLAIN_PAIRS = tuple((chr(k), v) for k, v in _PLAIN.items())


def _plain_marks(text: str) -> str:
    """``text.translate(_PLAIN)``: each typographic quote or dash replaced by
    its plain form. One ``str.replace`` per mark that occurs (a C search), not
    ``translate``'s dictionary look-up per character, which is slow on any
    text that is not ASCII; an ASCII text has none of the marks."""
    if text.isascii():
        return text
    for mark, repl in _PLAIN_PAIRS:
        if mark in text:
            text = text.replace(mark, repl)
    return text


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
        return Normalized(_plain_marks(text), range(len(text)), len(text))
    # Only the clusters that NFKC changes (a no-break space, an ellipsis, a
    # letter with combining marks) are normalised one by one; the runs between
    # them are copied whole (the same result as every cluster one by one).
    out: list[str] = []
    offsets: list[int] = []
    i = 0
    for m in _changing(text).finditer(text):
        a, b = m.span()
        if a > i:
            out.append(_plain_marks(text[i:a]))
            offsets.extend(range(i, a))
        piece = _plain_marks(unicodedata.normalize("NFKC", text[a:b]))
        out.append(piece)
        offsets.extend([a] * len(piece))
        i = b
    if i < len(text):
        out.append(_plain_marks(text[i:]))
        offsets.extend(range(i, len(text)))
    return Normalized("".join(out), tuple(offsets), len(text))


#: Per character: whether it is a combining mark, or NFKC changes it on its own.
_KIND: dict[str, tuple[bool, bool]] = {}
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _changing(text: str) -> "re.Pattern[str]":
    """A pattern for the clusters of ``text`` that NFKC may change: a character
    followed by combining marks, or one that NFKC changes alone."""
    marks, changed = [], []
    for ch in set(_NON_ASCII.findall(text)):  # (NFKC changes no ASCII character, and none is a mark)
        kind = _KIND.get(ch)
        if kind is None:
            kind = _KIND[ch] = (unicodedata.combining(ch) != 0, unicodedata.normalize("NFKC", ch) != ch)
        if kind[0]:
            marks.append(ch)
        elif kind[1]:
            changed.append(ch)
    parts = []
    if marks:
        cls = "".join(sorted(re.escape(c) for c in marks))
        parts.append(f"(?s:.)[{cls}]+")
        changed += marks  # a mark that opens the text is a cluster of its own
    if changed:
        parts.append("[" + "".join(sorted(re.escape(c) for c in changed)) + "]")
    return re.compile("|".join(parts) or "(?!)")


def strip_accents(text: str) -> str:
    """``text`` decomposed (NFKD) without its combining marks: "Díaz" → "Diaz"."""
    if text.isascii():
        return text
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def plain(text: str) -> str:
    """The normalised text alone (for keys and comparisons, never for offsets)."""
    if text.isascii():  # nothing to normalise (and nothing put in normalize's cache)
        return text
    return normalize(text).text


def fold(text: str) -> str:
    """Lower-case words joined by single spaces, punctuation and quotes dropped."""
    if text.isascii():  # ASCII lower-cases letter by letter: the words' join lower-cased at once
        return " ".join(words(text)).lower()
    return " ".join(w.lower() for w in words(plain(text)))


_JOINERS = frozenset("-\u2010\u2011")  # hyphens join the words of a term
_SOFT_APOSTROPHES = frozenset("'\u2019")


def normalize_for_matching(text: str) -> tuple[str, Sequence[int]]:
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


#: What changes in matching text: a run of two or more characters that are not
#: letters or digits, or one such character other than a space (a lone space
#: between words stays as it is). ``[\W_]`` is exactly what ``str.isalnum`` refuses.
#: (``[\W_]{2,}|[^\w ]|_`` written so that each alternative starts with its own
#: first character and takes the whole run possessively: two fifths faster.)
#: Split by it, a text alternates words and runs.
_GAP_SPLIT = re.compile(r"([^\w ][\W_]*+|_[\W_]*+| [\W_]++)")


class OffsetMap(Sequence[int]):
    """For each character of a text normalised for matching, the offset of the
    raw character it came from; computed on lookup from the few places where
    the two texts' offsets shift (runs of punctuation and spaces)."""

    __slots__ = ("_norm", "_raw", "_nlen", "_rlen", "_length")

    def __init__(self, norm: list[int], raw: list[int], nlen: list[int], rlen: list[int], length: int):
        self._norm, self._raw, self._nlen, self._rlen, self._length = norm, raw, nlen, rlen, length

    def __len__(self) -> int:
        return self._length

    def _at(self, pos: int) -> int:
        if pos < 0:
            pos += self._length
        if not 0 <= pos < self._length:
            raise IndexError("offset map index out of range")
        k = bisect_right(self._norm, pos) - 1
        if k < 0:
            return pos - 1  # the leading pad maps to -1, then one to one
        start = self._norm[k]
        if pos < start + self._nlen[k]:
            return self._raw[k]
        return self._raw[k] + self._rlen[k] + (pos - start - self._nlen[k])

    def __getitem__(self, pos):  # type: ignore[override]
        if isinstance(pos, slice):
            return tuple(self._at(i) for i in range(*pos.indices(self._length)))
        return self._at(pos)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence):
            return len(other) == self._length and all(a == b for a, b in zip(self, other))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"OffsetMap({tuple(self)!r})"


def _lower_same_length(text: str) -> str:
    """Lowercase, one character for one: a character whose lowercase form has
    another length (İ) is kept as is, and no context-dependent casing (final
    sigma) applies."""
    low = text.lower()
    if len(low) == len(text) and "\u03a3" not in text:
        return low
    out = []
    for ch in text:
        c = ch.lower()
        out.append(c if len(c) == 1 else ch)
    return "".join(out)


def _replacement(run: str, i: int, j: int, n: int) -> str:
    """What the run ``text[i:j]`` of a text of length ``n`` becomes."""
    if run.isspace() and "\n" not in run:
        return " "
    inner_apostrophe = (run in _SOFT_APOSTROPHES and i > 0 and j < n)
    soft = inner_apostrophe or (
        all(c.isspace() or c in _JOINERS for c in run) and run.count("\n") < 2
    )
    return " " if soft or i == 0 or j == n else " | "


#: Replacements of runs inside a text (not at its start or end), by run.
_INNER_RUNS: dict[str, str] = {}


@lru_cache(maxsize=256)
def _normalize_for_matching(text: str) -> tuple[str, OffsetMap]:
    # One regex split cuts the text into words and the runs between them; the
    # runs are replaced (remembered by run), the offset map keeps only where
    # offsets shift, and running sums of the pieces' lengths give every offset.
    # (A character-by-character loop here was 60% of detection's time; a
    # substitution with a Python callback per run, half of what is left.)
    n = len(text)
    parts = _GAP_SPLIT.split(_lower_same_length(text))
    runs = parts[1::2]
    reps = list(map(_INNER_RUNS.get, runs))
    raw_at = list(accumulate(map(len, parts), initial=0))
    last = len(runs) - 1
    for k, rep in enumerate(reps):
        if rep is not None and 0 < k < last:
            continue
        # A run at the start or the end of the text, or one not seen before.
        i = raw_at[2 * k + 1]
        run = runs[k]
        j = i + len(run)
        inner = 0 < i and j < n
        rep = _INNER_RUNS.get(run) if inner else None
        if rep is None:
            rep = _replacement(run, i, j, n)
            if inner and len(_INNER_RUNS) < 4096:
                _INNER_RUNS[run] = rep
        reps[k] = rep
    out = parts[:]
    out[1::2] = reps
    norm_at = list(accumulate(map(len, out), initial=1))  # (1: the leading pad)
    norm = " " + "".join(out)
    if norm[-1] != " ":
        norm += " "
    return norm, OffsetMap(norm_at[1::2][:len(runs)], raw_at[1::2][:len(runs)],
                           list(map(len, reps)), list(map(len, runs)), len(norm))


#: ASCII letters and digits in words joined by single spaces: such a term's key
#: is the term lower-cased (reading a lexicon asks for some 2,000 keys).
_PLAIN_TERM = re.compile(r"[A-Za-z0-9]+(?: [A-Za-z0-9]+)*")


def normalize_term(term: str) -> str:
    """The key a term or variant is matched by: lowercase words joined by single spaces."""
    term = term.strip()
    if _PLAIN_TERM.fullmatch(term):
        return term.lower()
    norm, _ = normalize_for_matching(term)
    return norm.strip()
