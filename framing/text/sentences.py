"""The one sentence splitter (and paragraphs), as offsets into the text.

A line break always ends a sentence (headlines, list items and paragraphs are
lines); within a line the Punkt algorithm splits, with parameters built in
code (the abbreviations come from the lexicon's ``voice.yaml``), so nothing
needs NLTK's downloadable data: :mod:`framing.text.punkt` gives NLTK's
``PunktSentenceTokenizer``'s spans for such parameters without importing NLTK.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from .punkt import PunktSplitter

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_LINE = re.compile(r"[^\n]+")


@lru_cache(maxsize=8)
def _punkt(abbreviations: frozenset[str]) -> PunktSplitter:
    return PunktSplitter(abbreviations)


@lru_cache(maxsize=8)
def _punkt_for(abbreviations: frozenset[str]) -> PunktSplitter:
    """The splitter for abbreviations as the lexicon gives them (a frozenset,
    hashed once), without folding them again on every call."""
    return _punkt(frozenset(a.lower().rstrip(".") for a in abbreviations))


#: Punkt's candidate sentence ends: a line holding none of them is one sentence.
_SENT_END = re.compile(r"[.?!]")


def sentence_spans(text: str, abbreviations: Iterable[str] = ()) -> list[tuple[int, int]]:
    """Sentences as ``(start, end)`` offsets: lines first, then Punkt within each line."""
    if isinstance(abbreviations, frozenset):
        tok = _punkt_for(abbreviations)
    else:
        tok = _punkt(frozenset(a.lower().rstrip(".") for a in abbreviations))
    out = []
    for m in _LINE.finditer(text):
        line = m.group()
        if not line.strip():
            continue
        start = m.start()
        if _SENT_END.search(line) is None:
            # What Punkt answers for a line with no candidate end: the line, less
            # its trailing spaces (tested against Punkt itself).
            out.append((start, start + len(line.rstrip())))
            continue
        for a, b in tok.spans(line):
            out.append((start + a, start + b))
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
        piece = text[a:b]
        kept = piece.strip()  # (str.strip drops exactly what str.isspace accepts)
        if kept:
            a += len(piece) - len(piece.lstrip())
            out.append((a, a + len(kept)))
    return out
