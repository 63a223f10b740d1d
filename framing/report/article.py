"""One article with its hits marked, for ``framing show``.

Loaded spans are wrapped in ``[[...]]`` with a footnote number (and coloured by
category on a terminal); below the text, each footnote gives the term, its
category, voice and speaker, the classifier's probability, the explanation and
the neutral alternative. Candidates the classifier judged not loaded are
listed too, so nothing is hidden.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

import click

from ..models import Article, Hit
from .safe import safe_model

#: Okabe–Ito colours approximated for an ANSI terminal.
CATEGORY_COLOURS = {
    "labeling": "red",
    "distancing": "magenta",
    "emotive": "yellow",
    "promotional": "cyan",
    "epistemic": "blue",
}


def _mark(text: str, hits: Sequence[tuple[int, Hit]], color: bool) -> str:
    """Insert markers into ``text`` for non-overlapping loaded hits, keeping the rest as is."""
    out: list[str] = []
    pos = 0
    for number, hit in sorted(hits, key=lambda nh: (nh[1].start, -nh[1].end)):
        if hit.start < pos:
            continue  # overlaps one already marked: its footnote still lists it
        out.append(text[pos:hit.start])
        span = f"[[{text[hit.start:hit.end]}]]{_superscript(number)}"
        out.append(click.style(span, fg=CATEGORY_COLOURS.get(hit.category), bold=True) if color else span)
        pos = hit.end
    out.append(text[pos:])
    return "".join(out)


def _superscript(n: int) -> str:
    return str(n).translate(str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹"))


def render_article(article: Article, hits: Sequence[Hit], *, color: bool = False, width: int = 78) -> str:
    """The article's title and body with loaded hits marked, then the footnotes."""
    article, hits = safe_model(article), safe_model(list(hits))  # escape sequences shown, never run
    loaded = [h for h in hits if h.loaded]
    numbered = list(enumerate(sorted(loaded, key=lambda h: (h.field != "title", h.start, h.end, h.term)), start=1))
    head = [f"#{article.id}  {article.outlet_name}  {article.date or 'no date'}"]
    if article.byline:
        head.append(f"By {article.byline}")
    head.append(article.source)
    out = ["  ".join(head[:1])] + head[1:] + [""]
    title_hits = [(n, h) for n, h in numbered if h.field == "title"]
    body_hits = [(n, h) for n, h in numbered if h.field == "body"]
    if article.title:
        title = _mark(article.title, title_hits, color)
        out += [click.style(title, bold=True) if color else title, ""]
    for para in _mark(article.body, body_hits, color).split("\n\n"):
        out += textwrap.wrap(para, width, break_long_words=False, break_on_hyphens=False) + [""]
    if numbered:
        out.append(f"Loaded language ({len(numbered)}):")
        for n, h in numbered:
            who = h.voice + (f", {h.speaker}" if h.speaker else "")
            out.append(f"{_superscript(n)} “{h.text}” — {h.category} ({who}; p={h.probability:.2f})")
            detail = h.explanation + (f" Neutral: {h.neutral}." if h.neutral else "")
            out += textwrap.wrap(detail, width, initial_indent="    ", subsequent_indent="    ")
    else:
        out.append("No loaded language found.")
    judged_not = [h for h in hits if not h.loaded]
    if judged_not:
        out.append("")
        out.append(f"Lexicon matches judged not loaded in context ({len(judged_not)}):")
        for h in sorted(judged_not, key=lambda h: (h.field != "title", h.start)):
            out.append(f"    “{h.text}” ({h.term}, {h.category}; p={h.probability:.2f})")
    return "\n".join(out).rstrip() + "\n"
