"""Several articles pasted into one file.

A teacher collecting coverage often pastes each outlet's article into one
document, one after another, with a line of dashes or a page break between
them. Read as one copied page, such a file kept one article's paragraphs and
dropped the others without a word. Here the file is cut at its separator
lines (three or more of ``- = _ * ~`` and nothing else, or a page break),
and each piece is read as a copied page of its own
(:func:`framing.loaders.text.parse_page_text`). The cut is made only when two
or more pieces stand as articles by themselves: a headline, a body of at
least :data:`MIN_WORDS` words, and, after the first, a byline, a date or the
outlet's own name printed with it (not after a row of asterisks: a writer's
break inside one story, whose last section may carry the site's copyright
line). A scene break (``* * *``) inside one article leaves a piece with no
head of its own, so the piece stays with the article above it, and so does a
footer cut off by a rule.

Without separator lines the file stays one page. A copied page often shows
other stories by itself: teasers with their summaries, the next article of a
site's endless scroll, a live blog's entries. Of 290 real copied pages (the
real pages' 32 pasted copies and Chromium copies of fundus' 258 test pages),
50 hold a second headline with a byline or date and 100 words of prose
outside the article the loader keeps, none of which the reader chose."""

from __future__ import annotations

import re

from .text import PageParts, _word_count, parse_page_text

__all__ = ["MIN_WORDS", "SEPARATOR_RE", "pasted_articles"]

#: A line that only separates: three or more dashes, equals signs, underscores,
#: asterisks or tildes (spaces between them allowed), or a form feed (a page
#: break, as a word processor's text export writes it). Not ``###``: a press
#: release ends with it, and its "About the company" box follows.
SEPARATOR_RE = re.compile(r"(?m)^[ \t]*(?:[-=_*~][ \t]*){3,}$|\f")
#: The least body a piece needs to count as an article of its own.
MIN_WORDS = 30
#: Pieces looked at, at most (a text table ruled with dashes is not a pile of articles).
MAX_PIECES = 200


def _stands_alone(parts: PageParts, first: bool, scene_break: bool = False) -> bool:
    """A headline and a body of its own; after the first piece, also a head:
    a byline, a date, or (after a rule, not after a row of asterisks, which
    is how a writer marks a break inside one story) the outlet's own name on
    the piece: the site's copyright notice under the story's last section is
    no new article's."""
    if not parts.title or _word_count(parts.body) < MIN_WORDS:
        return False
    return first or bool(parts.byline or parts.date or (parts.outlet_from == "page" and not scene_break))


def pasted_articles(text: str) -> list[tuple[int, int]]:
    """The spans of the articles in ``text``, when its separator lines divide
    two or more of them; else ``[]`` (read the file as one page). The spans
    cover the text between the separators: a piece that is no article by
    itself stays with the article above it (the first article takes what
    comes before it)."""
    seps = list(SEPARATOR_RE.finditer(text))
    if not seps or len(seps) >= MAX_PIECES:
        return []
    starts = [0] + [m.end() for m in seps]
    ends = [m.start() for m in seps] + [len(text)]
    heads: list[int] = []
    for i, (s, e) in enumerate(zip(starts, ends)):
        piece = text[s:e]
        if len(piece) < MIN_WORDS * 4:  # too short for a headline and a body
            continue
        scene_break = i > 0 and "*" in seps[i - 1].group()
        if _stands_alone(parse_page_text(piece), first=not heads, scene_break=scene_break):
            heads.append(i)
    if len(heads) < 2:
        return []
    spans = []
    for k, i in enumerate(heads):
        start = starts[0] if k == 0 else starts[i]
        end = ends[heads[k + 1] - 1] if k + 1 < len(heads) else ends[-1]
        spans.append((start, end))
    return spans
