"""Text primitives the detector shares: token spans, sentence spans, paragraph
spans and a length-preserving normalisation for matching.

Everything here works on offsets into the original string, so a hit's
``start``/``end`` always index the stored title or body. Sentence splitting
uses NLTK's Punkt algorithm with parameters built in code (abbreviations come
from the lexicon's ``voice.yaml``); nothing needs NLTK's downloadable data.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

#: Every quotation mark the detector understands, double and single families.
DOUBLE_QUOTES = "\"“”„‟«»"
SINGLE_QUOTES = "'‘’‚‛‹›"
QUOTE_CHARS = DOUBLE_QUOTES + SINGLE_QUOTES

# A word (letters/digits, with inner hyphens or apostrophes) or one other
# non-space character. One compiled pattern, run once over the text.
_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_LINE = re.compile(r"[^\n]+")


def token_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """``(start, end)`` of each token in ``text[start:end]``, as offsets into ``text``."""
    return [m.span() for m in _TOKEN.finditer(text, start, len(text) if end is None else end)]


def is_word(token: str) -> bool:
    return any(ch.isalnum() for ch in token)


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Paragraphs: runs of text separated by blank lines, trimmed of outer whitespace."""
    spans = []
    pos = 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            out.append((a, b))
    return out


@lru_cache(maxsize=8)
def _punkt(abbreviations: frozenset[str]) -> PunktSentenceTokenizer:
    params = PunktParameters()
    params.abbrev_types = set(abbreviations)
    return PunktSentenceTokenizer(params)


def sentence_spans(text: str, abbreviations: Iterable[str] = ()) -> list[tuple[int, int]]:
    """Sentences as ``(start, end)`` offsets. Lines are split first (a line
    break always ends a sentence: headlines, list items and paragraphs), then
    Punkt splits each line."""
    tok = _punkt(frozenset(a.lower().rstrip(".") for a in abbreviations))
    out = []
    for m in _LINE.finditer(text):
        line = m.group()
        if not line.strip():
            continue
        for a, b in tok.span_tokenize(line):
            out.append((m.start() + a, m.start() + b))
    return out


_JOINERS = frozenset("-\u2010\u2011")  # hyphens join the words of a term
_APOSTROPHES = frozenset("'\u2019")


def normalize_for_matching(text: str) -> tuple[str, list[int]]:
    """Lowercase ``text`` for matching, keeping a map back to the original.

    (Cached: every text is matched twice, for voice cues and for lexicon
    terms, and the comparison stage matches the same texts again.)

    Letters and digits are lowercased one character at a time (a character
    whose lowercase form has another length, e.g. ``İ``, is kept as is). A run
    of spaces, hyphens or one inner apostrophe becomes one space, so
    "so-called" and "so called" match alike. A run holding any other
    punctuation (quotation marks, commas, full stops, dashes) or a blank line
    becomes a barrier, `` | ``, that no term spans. The result is padded with a
    space at each end.

    Returns the normalised string and, for each of its characters, the offset
    of the original character it came from.
    """
    normalised, index = _normalize_cached(text)
    return normalised, list(index)


@lru_cache(maxsize=256)
def _normalize_cached(text: str) -> tuple[str, tuple[int, ...]]:
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
        inner_apostrophe = (run in _APOSTROPHES and i > 0 and j < n)
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


def is_title_case(text: str) -> bool:
    """True when most words are capitalised (a headline), so capitalisation says little."""
    words = [text[a:b] for a, b in token_spans(text) if text[a].isalpha()]
    if len(words) < 3:
        return False
    caps = sum(1 for w in words if w[0].isupper())
    return caps / len(words) >= 0.6
