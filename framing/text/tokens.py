"""The one word tokeniser: words (and other marks) with their character offsets.

A **word** is a run of letters and digits that may hold an apostrophe, a
hyphen, a full stop or a comma between two of them ("don't", "so-called",
"U.S", "1,000", "1.1"). Combining marks after a letter belong to its word:
the vowel signs of Devanagari, Bengali, Tamil or Thai (स्वास्थ्य is one word,
not five), Arabic and Hebrew vowel points, and accents typed as separate
characters (a decomposed "café"). A **token** is a word or any other single
non-space character. Every offset indexes the string that was given.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from itertools import accumulate, compress
from operator import itemgetter

#: Every quotation mark framing understands, double and single families.
DOUBLE_QUOTES = "\"“”„‟«»"
SINGLE_QUOTES = "'‘’‚‛‹›"
QUOTE_CHARS = DOUBLE_QUOTES + SINGLE_QUOTES
#: The apostrophes (straight and typographic).
APOSTROPHES = "'’"


def _mark_class() -> str:
    """A character class of the Basic Multilingual Plane's combining marks
    (Unicode categories Mn, Mc, Me), as ranges. No mark is a ``\\w`` character
    in Python's ``re``, so a word pattern of letters and digits alone cuts
    "स्वास्थ्य" at every vowel sign. (About 10 ms, once per process.)"""
    ranges: list[list[int]] = []
    for code in range(0x0300, 0x10000):
        if unicodedata.category(chr(code))[0] == "M":
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1][1] = code
            else:
                ranges.append([code, code])
    return "[" + "".join(chr(a) if a == b else f"{chr(a)}-{chr(b)}" for a, b in ranges) + "]"


#: Combining marks (see :func:`_mark_class`).
MARKS = _mark_class()
#: A letter (not a digit) or a combining mark: what ``str.isalpha`` should say
#: of a Hindi vowel sign.
LETTER = r"(?:[^\W\d_]|" + MARKS + r")"
#: Letters and digits, each run followed by the marks on its last letter.
_RUN = r"[^\W_]+(?:" + MARKS + r"+[^\W_]*)*"
#: Letters and digits (with their marks), joined by single apostrophes, hyphens,
#: full stops or commas. (Written as runs rather than a look-ahead per
#: character: the same matches, a third faster; tests/test_text_equivalence.py
#: checks it against that form.)
WORD = _RUN + r"(?:[’'\-.,]" + _RUN + r")*"
WORD_RE = re.compile(WORD)
TOKEN_RE = re.compile(WORD + r"|\S")
#: The same tokens with possessive quantifiers: nothing follows a word in the
#: pattern, and letters, marks and joiners are disjoint classes, so the greedy
#: match is never backtracked into and possessive runs cut the same tokens, a
#: fifth faster (tests/test_text_equivalence.py).
_RUN_POSSESSIVE = r"[^\W_]++(?:" + MARKS + r"++[^\W_]*+)*+"
_TOKEN_SPLIT = re.compile("(" + _RUN_POSSESSIVE + r"(?:[’'\-.,]" + _RUN_POSSESSIVE + r")*+" + r"|\S)")


def token_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """``(start, end)`` of each token in ``text[start:end]``, as offsets into ``text``.

    For a text indexed with :func:`index_tokens` this is a slice of the index."""
    index = _INDEXES.get(id(text))
    if index is not None and index.text is text:
        return index.spans(start, end)
    return [m.span() for m in TOKEN_RE.finditer(text, start, len(text) if end is None else end)]


def words_between(text: str, start: int = 0, end: int | None = None) -> list[str]:
    """The words (tokens with a letter or digit) of ``text[start:end]``, as
    :func:`token_spans` cuts them."""
    index = _INDEXES.get(id(text))
    if index is not None and index.text is text:
        return index.words(start, end)
    return [text[a:b] for a, b in token_spans(text, start, end) if is_word(text[a:b])]


class TokenIndex:
    """The tokens of one text, computed once, answering :func:`token_spans`
    for any range of it exactly as a fresh tokenisation of that range would.

    A range whose ends fall between tokens (or on a token's edge) holds the
    same tokens as the whole text there: the tokeniser has no look-behind and
    a word's last character is a letter or digit. A range that cuts through a
    token is tokenised afresh."""

    __slots__ = ("text", "_spans", "_starts", "_ends", "_tokens", "_is_word")

    def __init__(self, text: str):
        self.text = text
        # One split gives the gaps and tokens in turn ([gap, token, gap, ..., gap]);
        # the running sum of their lengths gives every offset (no match objects).
        parts = _TOKEN_SPLIT.split(text)
        offsets = list(accumulate(map(len, parts)))
        self._starts = offsets[0:-1:2]
        self._ends = offsets[1::2]
        self._spans: list[tuple[int, int]] | None = None  # built when first asked for
        self._tokens = parts[1::2]
        # A token is a word when it is a WORD match, i.e. starts with a letter or
        # digit ([^\W_] is exactly str.isalnum; a one-character non-word token
        # is never one).
        self._is_word = list(map(str.isalnum, map(_FIRST, self._tokens)))

    def _range(self, start: int, end: int | None) -> tuple[int, int] | None:
        """Token indexes ``i:j`` of the range, or None when it cuts a token."""
        n = len(self.text)
        end = n if end is None else min(end, n)
        start = max(start, 0)
        if start >= end:
            return (0, 0)
        i = bisect_left(self._starts, start)
        if i > 0 and self._ends[i - 1] > start:
            return None  # starts inside a token
        j = bisect_left(self._starts, end, i)
        if j > i and self._ends[j - 1] > end:
            return None  # ends inside a token
        return i, j

    def spans(self, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
        r = self._range(start, end)
        if r is None:
            return [m.span() for m in TOKEN_RE.finditer(self.text, start, len(self.text) if end is None else end)]
        i, j = r
        if self._spans is not None:
            return self._spans[i:j]
        return list(zip(self._starts[i:j], self._ends[i:j]))

    def words(self, start: int = 0, end: int | None = None) -> list[str]:
        r = self._range(start, end)
        if r is None:
            text = self.text
            return [text[a:b] for a, b in
                    (m.span() for m in TOKEN_RE.finditer(text, start, len(text) if end is None else end))
                    if is_word(text[a:b])]
        i, j = r
        return list(compress(self._tokens[i:j], self._is_word[i:j]))

    def all_spans(self) -> list[tuple[int, int]]:
        """Every token's ``(start, end)``, in order (the index's own list: read only)."""
        if self._spans is None:
            self._spans = list(zip(self._starts, self._ends))
        return self._spans

    def starts(self) -> list[int]:
        """Every token's start, in order (read only)."""
        return self._starts

    def ends(self) -> list[int]:
        """Every token's end, in order (read only)."""
        return self._ends

    def tokens(self) -> list[str]:
        """Every token of the text, in order (index ``k`` is the ``k``-th span)."""
        return self._tokens

    def word_flags(self) -> list[bool]:
        """For each token, whether it is a word (:func:`is_word`)."""
        return self._is_word


#: The token indexes in use (a few, by the id of their text; see :func:`index_tokens`).
_INDEXES: dict[int, TokenIndex] = {}


def index_tokens(text: str) -> TokenIndex:
    """Tokenise ``text`` once: until a few other texts have been indexed after it,
    :func:`token_spans` and :func:`words_between` on this very string object
    answer from the index (the same results, without tokenising again)."""
    index = _INDEXES.get(id(text))
    if index is not None and index.text is text:
        return index
    index = TokenIndex(text)
    if len(_INDEXES) >= 4:
        _INDEXES.clear()  # (clear, not pop one: safe with several threads)
    _INDEXES[id(text)] = index
    return index


def tokens_around(text: str, start: int, end: int, sa: int, sb: int,
                  n: int) -> tuple[list[str], list[str]]:
    """The last ``n`` tokens of ``text[sa:sb]`` that end by ``start`` and the first
    ``n`` that start at or after ``end``, as :func:`token_spans` of ``sa:sb`` cuts
    them (from the index of an indexed text: no list of the sentence's tokens)."""
    index = _INDEXES.get(id(text))
    r = index._range(sa, sb) if index is not None and index.text is text else None
    if r is None:
        toks = token_spans(text, sa, sb)
        return ([text[a:b] for a, b in toks if b <= start][-n:] if n else [],
                [text[a:b] for a, b in toks if a >= end][:n])
    i, j = r
    k = bisect_right(index._ends, start, i, j)  # tokens i..k-1 end by start
    m = bisect_left(index._starts, end, i, j)   # tokens m.. start at or after end
    return index._tokens[max(i, k - n):k], index._tokens[m:min(j, m + n)]


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
_FIRST = itemgetter(0)


def is_word(token: str) -> bool:
    """Whether a token has a letter or a digit."""
    return _ALNUM.search(token) is not None


def is_title_case(text: str) -> bool:
    """True when most words are capitalised (a headline), so capitalisation says little."""
    return title_case_words(words(text))


def title_case_words(found: list[str]) -> bool:
    """:func:`is_title_case` of a text whose words are ``found``."""
    ws = [w for w in found if w[0].isalpha()]
    if len(ws) < 3:
        return False
    return sum(1 for w in ws if w[0].isupper()) / len(ws) >= 0.6
