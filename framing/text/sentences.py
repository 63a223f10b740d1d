"""The one sentence splitter (and paragraphs), as offsets into the text.

A line break always ends a sentence (headlines, list items and paragraphs are
lines); within a line NLTK's Punkt algorithm splits, with parameters built in
code (the abbreviations come from the lexicon's ``voice.yaml``), so nothing
needs NLTK's downloadable data.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from nltk.tokenize.punkt import PunktSentenceTokenizer

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_LINE = re.compile(r"[^\n]+")


@lru_cache(maxsize=8)
def _punkt(abbreviations: frozenset[str]) -> "PunktSentenceTokenizer":
    # NLTK is imported on first use: storing articles never splits sentences.
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    params = PunktParameters()
    params.abbrev_types = set(abbreviations)
    return PunktSentenceTokenizer(params)


def sentence_spans(text: str, abbreviations: Iterable[str] = ()) -> list[tuple[int, int]]:
    """Sentences as ``(start, end)`` offsets: lines first, then Punkt within each line."""
    tok = _punkt(frozenset(a.lower().rstrip(".") for a in abbreviations))
    out = []
    for m in _LINE.finditer(text):
        line = m.group()
        if not line.strip():
            continue
        for a, b in tok.span_tokenize(line):
            out.append((m.start() + a, m.start() + b))
    return out


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
