"""Pairing quotation marks: which marks open and close which quoted span.

Quotation marks are paired with a stack per family (double: ``" “ ” „ « »``,
single: ``' ‘ ’``), so a straight quote may close a curly one and quotes nest
(``“... the "Abraham Accords" ...”``). An apostrophe between letters is not a
quote. A quotation left open at the end of a paragraph continues when the
next paragraph opens with a quotation mark (the typographic convention);
one that opened its paragraph and never closes ends with it; a stray mark
elsewhere is ignored. Who speaks is decided in :mod:`framing.detect.voice`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from ..text import DOUBLE_QUOTES, QUOTE_CHARS, paragraph_spans

_OPENERS = "“„‟«‘‚‛‹"
_CLOSERS = "”»’›"
_LEFT_CONTEXT = "([{-—–/"
_RIGHT_CONTEXT = ".,;:!?)]}-—–/…"
_QUOTE_MARK = re.compile("[" + re.escape(QUOTE_CHARS) + "]")


@dataclass
class QuoteSpan:
    """Any paired quotation marks, before deciding what they are."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    depth: int
    words: int = 0
    attributed: bool = False
    speaker_np: str | None = None
    speaker_pos: int = 0
    speaker: str | None = None
    inherited: bool = False
    #: For a short quotation: what it is when not a scare quote (framing.detect.scare.kind).
    kind: str | None = None
    #: For a quotation the rules keep as a scare quote (round 21, framing.detect.scare.weigh):
    #: the cues of distance that fired, all cue values, and the model's score.
    evidence: tuple[str, ...] = ()
    cues: dict | None = None
    score: float | None = None
    children: list["QuoteSpan"] = field(default_factory=list)

    @property
    def scare(self) -> bool:
        return self.depth == 0 and not self.attributed and self._short and self.kind is None

    _short: bool = False


# -- pairing quotation marks -------------------------------------------------

def _marks(text: str) -> list[tuple[int, str, str]]:
    """``(position, family, role)`` for each quotation mark; role is
    ``open``, ``close``, ``either`` or ``close?`` (an apostrophe unless a
    single quotation is open)."""
    out = []
    n = len(text)
    for m in _QUOTE_MARK.finditer(text):  # (a regex finds them: a loop over every character was slow)
        i = m.start()
        ch = text[i]
        family = "d" if ch in DOUBLE_QUOTES else "s"
        prev = text[i - 1] if i > 0 else " "
        nxt = text[i + 1] if i + 1 < n else " "
        if family == "s" and prev.isalnum() and nxt.isalnum():
            continue  # apostrophe: Israel’s, don't
        left = not nxt.isspace() and (
            prev.isspace() or prev in _LEFT_CONTEXT or prev in QUOTE_CHARS)
        right = not prev.isspace() and (
            nxt.isspace() or nxt in _RIGHT_CONTEXT or nxt in QUOTE_CHARS)
        if ch in _OPENERS:
            role = "open"
        elif ch in _CLOSERS:
            role = "close?" if family == "s" and prev.isalnum() else "close"
        elif left and not right:
            role = "open"
        elif right and not left:
            role = "close?" if family == "s" and prev.isalnum() else "close"
        else:
            role = "either"
        out.append((i, family, role))
    return out


def pair_quotes(text: str) -> list[QuoteSpan]:
    """Pair quotation marks into spans (outermost first, in text order)."""
    paragraphs = paragraph_spans(text)
    para_starts = [a for a, _ in paragraphs]
    marks = _marks(text)
    spans: list[QuoteSpan] = []
    stack: list[tuple[int, str, int]] = []  # (pos, family, paragraph)
    skip: set[int] = set()

    def para_of(pos: int) -> int:
        return max(0, bisect_right(para_starts, pos) - 1)

    def close(open_pos: int, close_pos: int, end: int, depth: int) -> None:
        spans.append(QuoteSpan(open_pos, end, open_pos + 1, close_pos, depth))

    def end_paragraph(p: int) -> None:
        """Settle quotes still open when paragraph ``p`` ends."""
        nonlocal stack
        if not stack:
            return
        bottom = stack[0]
        nxt = p + 1
        if nxt < len(paragraphs):
            first = paragraphs[nxt][0]
            first_mark = next((m for m in marks if m[0] == first), None)
            if first_mark and first_mark[1] == bottom[1] and first_mark[2] in ("open", "either"):
                skip.add(first)  # continuation mark: the quotation goes on
                stack = [bottom]
                return
        pa, pb = paragraphs[p]
        if bottom[0] == pa:
            close(bottom[0], pb, pb, 0)
        stack = []

    current = 0
    for pos, family, role in marks:
        p = para_of(pos)
        while current < p:
            end_paragraph(current)
            current += 1
        if pos in skip:
            continue
        same = [k for k, item in enumerate(stack) if item[1] == family]
        if role == "either":
            role = "close" if same else "open"
        if role == "close?":
            if not same:
                continue  # an apostrophe after all: countries’
            role = "close"
        if role == "open":
            stack.append((pos, family, p))
        elif same:
            k = same[-1]
            close(stack[k][0], pos, pos + 1, k)
            stack = stack[:k]
    while current < len(paragraphs):
        end_paragraph(current)
        current += 1
    spans.sort(key=lambda s: (s.start, -s.end))
    # Rebuild nesting from the spans themselves.
    top: list[QuoteSpan] = []
    for s in spans:
        parent = next((t for t in reversed(top) if t.start <= s.start and s.end <= t.end), None)
        if parent is not None and parent is not s:
            s.depth = 1
            parent.children.append(s)
        else:
            s.depth = 0
            top.append(s)
    return spans
