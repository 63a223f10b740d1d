"""The term explorer page of the HTML report (``explorer.html``, linked from
the index): a search box that finds a word or phrase in every article and
lists each occurrence in context (KWIC), grouped by outlet, with its voice
(the outlet's narration, a quotation, or reported speech).

The page carries the articles' titles and texts and where their quotations
and reported speech are (stored with each analysis, else worked out again by
:func:`framing.compare.kwic.voice_segments`; offsets
in UTF-16 code units for the browser's strings) as JSON, and its script
searches them with the same rules as :func:`framing.compare.kwic.kwic` (the
terminal's ``framing explore``). No file exceeds :data:`PAGE_BYTES` of
embedded data, so a large corpus gets several explorer pages
(``explorer.html``, ``explorer-2.html``...), each searching its share of the
articles and linking the others, every one under the report's 10 MB cap. A
search lists at most :data:`SHOW` contexts at a time ("Show more" adds more).
Self-contained: inline CSS and script allowed by hash, no network request.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import json
import re
from collections.abc import Iterator
from typing import Any

from markupsafe import Markup

from .. import resources
from ..compare.kwic import voice_segments
from ..compare.model import Report
from ..models import outlet_label
from ._common import VOICE_LABELS, event_of_article
from .html import environment

#: The explorer page's file name, beside the index.
EXPLORER = "explorer.html"
#: Embedded article JSON per explorer page before the next page starts (bytes).
PAGE_BYTES = 6_000_000
#: Contexts a search shows at first and adds per "Show more".
SHOW = 300
#: Characters of one article's body the explorer searches (beyond: cut, so
#: that one article can never push a page past the 10 MB cap; the default
#: --max-words of 100,000 words is about 600,000 characters).
MAX_TEXT_CHARS = 1_000_000
_VOICE_CODE = {"quote": 1, "reported": 2}


def _script_hash(script: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")


def page_name(k: int) -> str:
    return EXPLORER if k == 1 else f"explorer-{k}.html"


_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


def _utf16(text: str) -> list[int] | None:
    """Code point offset → UTF-16 offset, or None when they agree (no astral characters)."""
    if text.isascii() or not _ASTRAL.search(text):  # a regular expression, not a loop per character
        return None
    out = [0]
    for c in text:
        out.append(out[-1] + (2 if ord(c) >= 0x10000 else 1))
    return out


def _flat(text: str, segs: list[tuple[int, int, str]]) -> list[int]:
    conv = _utf16(text)
    flat: list[int] = []
    for a, b, v in segs:
        if conv is not None:
            a, b = conv[a], conv[b]
        flat += [a, b, _VOICE_CODE[v]]
    return flat


def explorer_rows(report: Report, lexicon: Any = None) -> list[list[Any]]:
    """One compact row per article, sorted by outlet, date and id:
    ``[id, outlet, group, date, event, title, body, title voices, body voices]``
    where voices are flat ``start, end, code`` triples (1 quote, 2 reported)."""
    from ..detect import Detector

    detector: Any = None

    def segments(aid: int, fld: str, text: str, body: str = "") -> list[tuple[int, int, str]]:
        nonlocal detector
        if not text:
            return []
        stored = report.voices.get(aid)
        if stored is not None:
            # The analysis's stretches; the body may have been cut at MAX_TEXT_CHARS.
            return [(a, min(b, len(text)), v) for a, b, v in stored.get(fld, ()) if a < len(text)]
        if detector is None:
            detector = lexicon if isinstance(lexicon, Detector) else (
                Detector(lexicon) if lexicon is not None else _default_detector())
        lead = detector.voice_map(body) if fld == "title" and body.strip() else None
        return voice_segments(text, detector.voice_map(text, lead=lead))

    event_of = event_of_article(report)
    arts = sorted(report.articles, key=lambda a: (str(a.get("outlet") or "").lower(), a.get("date") or "",
                                                  int(a["id"])))
    rows = []
    for a in arts:
        aid = int(a["id"])
        text = report.texts.get(aid, {})
        title, body = text.get("title", "") or "", (text.get("body", "") or "")[:MAX_TEXT_CHARS]
        rows.append([
            aid, outlet_label(a.get("outlet"), a.get("source"), a.get("source_id")), a.get("group"),
            a.get("date"), event_of.get(aid),
            title, body,
            _flat(title, segments(aid, "title", title, text.get("body", "") or "")),
            _flat(body, segments(aid, "body", body)),
        ])
    return rows


@functools.lru_cache(maxsize=1)
def _default_detector() -> Any:
    """The bundled lexicon's detector (its speech cues), read once per process."""
    from ..detect import Detector, load_lexicon

    return Detector(load_lexicon())


def _pages(rows: list[list[Any]]) -> list[list[list[Any]]]:
    pages: list[list[list[Any]]] = [[]]
    size = 0
    for r in rows:
        n = len(json.dumps(r, ensure_ascii=False).encode("utf-8")) + 1
        if pages[-1] and size + n > PAGE_BYTES:
            pages.append([])
            size = 0
        pages[-1].append(r)
        size += n
    return pages


def explorer_pages(report: Report, *, index_name: str = "report.html", event_files: dict[str, str] | None = None,
                   lexicon: Any = None) -> Iterator[tuple[str, str]]:
    """The explorer page(s) as (file name beside the index, HTML text)."""
    env = environment()
    script = resources.template("explorer.js")
    css = Markup(resources.template("report.css") + resources.template("index.css")
                 + resources.template("explorer.css"))
    rows = explorer_rows(report, lexicon)
    pages = _pages(rows)
    files = event_files or {}
    total = len(rows)
    first = 1
    for k, chunk in enumerate(pages, 1):
        data = {
            "columns": ["id", "outlet", "group", "date", "event", "title", "body", "title_voices", "body_voices"],
            "articles": chunk,
            "events": {e: f"events/{stem}.html" for e, stem in files.items()},
            "voices": {"0": VOICE_LABELS["narration"], "1": VOICE_LABELS["quote"], "2": VOICE_LABELS["reported"]},
            "voice_ids": {"0": "narration", "1": "quote", "2": "reported"},
            "show": SHOW,
            "page": k,
            "pages": [page_name(i) for i in range(1, len(pages) + 1)],
        }
        yield page_name(k), env.get_template("explorer.html").render(
            report=report, css=css, script=Markup(script), script_hash=_script_hash(script),
            data=data, index_href=index_name, page=k, n_pages=len(pages),
            first=first, last=first + len(chunk) - 1, total=total,
            pages=[(i, page_name(i)) for i in range(1, len(pages) + 1)],
        )
        first += len(chunk)
