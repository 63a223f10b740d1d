"""The term explorer: every occurrence of a word or phrase in context
(key word in context, KWIC), by outlet, with its voice.

* :func:`phrase_pattern` turns what a user types into one regular
  expression: case is ignored; the words must be whole words; spaces, hyphens
  and quotation marks between them are interchangeable (``so-called`` finds
  "so called" too); a trailing ``*`` matches any word ending (``regim*``).
  The HTML explorer builds the same expression in JavaScript.
* :func:`voice_segments` cuts a text into the stretches that are a quotation
  (``quote``) or reported speech (``reported``); the rest is the outlet's own
  narration. It applies the detector's rules (:class:`~framing.detect.voice.VoiceMap`):
  inside quotation marks (not scare quotes) is a quotation; after a speech
  verb, or anywhere in a sentence with a reporting phrase ("according to"),
  is reported speech.
* :func:`kwic` lists the contexts, sorted by outlet, date, article and place.
"""

from __future__ import annotations

import inspect
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from ..errors import InputError
from ..models import Article
from ..text.tokens import MARKS

#: Characters of context on each side of an occurrence.
WIDTH = 60
#: What may stand between two words of a phrase.
_JOIN = r"[\s\-\u2010\u2011\u2013\u2014'\u2018\u2019\"\u201c\u201d]+"
#: A character of a word: a letter, a digit or a combining mark (a Hindi
#: vowel sign is none of Python's ``\w``, yet part of the word it is on).
_CHAR = r"(?:[^\W_]|" + MARKS + r")"
_QUERY_WORD = re.compile(_CHAR + r"+(?:['\u2019]" + _CHAR + r"+)*\*?")


def query_words(query: str) -> list[str]:
    """The words of a query (a trailing ``*`` kept), lower-cased."""
    return [w.lower() for w in _QUERY_WORD.findall(query)]


def phrase_pattern(query: str) -> re.Pattern[str]:
    """The expression that finds ``query``; raises :class:`~framing.errors.InputError` for an empty one."""
    ws = query_words(query)
    if not ws:
        raise InputError("query", f"{query!r} has no word to search for")
    parts = []
    for w in ws:
        star = w.endswith("*")
        body = re.sub("['\u2019]", "['\u2019]", re.escape(w.rstrip("*")))
        parts.append(body + (_CHAR + "*" if star else ""))
    return re.compile(r"(?<!" + _CHAR + ")" + _JOIN.join(parts) + r"(?!" + _CHAR + ")", re.IGNORECASE)


def voice_segments(text: str, vm: Any) -> list[tuple[int, int, str]]:
    """``(start, end, voice)`` stretches of ``text`` that are ``quote`` or
    ``reported``, in order and not overlapping; ``vm`` is the text's
    :class:`~framing.detect.voice.VoiceMap` (:meth:`~framing.detect.voice.VoiceMap.segments`;
    stored with each analysis as :attr:`~framing.models.Analysis.voices`).
    Everything else is narration."""
    return vm.segments()


def _takes_lead(voice_map: Callable[..., Any]) -> bool:
    """Does ``voice_map`` take a body's map as ``lead`` (as
    :meth:`~framing.detect.Detector.voice_map` does, to read a title beside its
    body the way the analysis reads a stored title)?"""
    try:
        return "lead" in inspect.signature(voice_map).parameters
    except (TypeError, ValueError):
        return False


def voice_at(segments: Sequence[tuple[int, int, str]], start: int, end: int) -> str:
    """The voice of ``[start, end)``: the segment that holds its start, else narration."""
    k = bisect_right([s[0] for s in segments], start) - 1
    if k >= 0 and segments[k][0] <= start < segments[k][1]:
        return segments[k][2]
    return "narration"


@dataclass(frozen=True)
class Context:
    """One occurrence of the searched phrase."""

    article: int
    outlet: str
    group: str | None
    date: str | None
    field: str  # title | body
    start: int
    end: int
    left: str
    match: str
    right: str
    voice: str  # narration | quote | reported

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def contexts_in(text: str, pattern: re.Pattern[str], segments: Sequence[tuple[int, int, str]], *,
                width: int = WIDTH) -> list[tuple[int, int, str, str, str, str]]:
    """``(start, end, left, match, right, voice)`` for every match in ``text``."""
    out = []
    for m in pattern.finditer(text):
        a, b = m.span()
        left = " ".join(text[max(0, a - width * 2):a].split())[-width:]
        right = " ".join(text[b:b + width * 2].split())[:width]
        out.append((a, b, left, m.group(0), right, voice_at(segments, a, b)))
    return out


def kwic(articles: Iterable[Article], query: str, voice_map: Callable[[str], Any], *, width: int = WIDTH,
         outlets: Iterable[str] | None = None, limit: int | None = None) -> list[Context]:
    """Every occurrence of ``query`` in the titles and bodies of ``articles``
    (each with an id), with ``width`` characters of context on each side and
    its voice, sorted by outlet, date, article, field (title first) and place.
    ``voice_map`` makes a text's :class:`~framing.detect.voice.VoiceMap`
    (``Detector(lexicon).voice_map``; :func:`framing.pipeline.explore` passes
    it for you); ``outlets`` keeps only those outlets; ``limit`` stops after
    that many."""
    pattern = phrase_pattern(query)
    wanted = {o.lower() for o in outlets} if outlets else None
    found: list[Context] = []
    arts = sorted((a for a in articles if wanted is None or a.outlet_name.lower() in wanted),
                  key=lambda a: (a.outlet_name.lower(), a.date or "", a.id or 0))
    lead = _takes_lead(voice_map)
    for a in arts:
        body_map = None  # the body's map, made once for the title's lead and the body's matches
        for fld in ("title", "body"):
            text = getattr(a, fld) or ""
            if not pattern.search(text):
                continue
            if fld == "title" and lead and (a.body or "").strip():
                body_map = voice_map(a.body)
                vm = voice_map(text, lead=body_map)
            else:
                vm = body_map if fld == "body" and body_map is not None else voice_map(text)
            segs = voice_segments(text, vm)
            for s, e, left, match, right, voice in contexts_in(text, pattern, segs, width=width):
                found.append(Context(int(a.id or 0), a.outlet_name, a.group, a.date, fld, s, e,
                                     left, match, right, voice))
                if limit is not None and len(found) >= limit:
                    return found
    return found
