"""The HTML report as many pages, for corpora of any size: an index
(``report.html``) with one row per event, and one page per event
(``events/<id>.html``) with the same event view as the one-page report.

Every page stays under :data:`MAX_HTML_BYTES`:

* the index keeps one compact row per event (about 200 bytes) as JSON for its
  script, which sorts, filters and searches them and shows them a few hundred
  at a time; the largest :data:`STATIC_ROWS` events are also plain table rows,
  for a reader without JavaScript;
* an event page shows the articles a page at a time (about
  :data:`PAGE_ARTICLE_BYTES` of highlighted text each, ``events/<id>-2.html``
  and so on), cuts an article longer than :data:`MAX_TEXT_CHARS` characters
  with a note, and lists at most :data:`MAX_TABLE_ROWS` rows of the naming,
  quotes, facts and distinctive tables (the CSV files hold them all).

Like the one-page report, each page is self-contained: inline CSS and script
(allowed by hash in a Content-Security-Policy), charts as inline SVG, no
network request. Pages link to each other by relative file names.
"""

from __future__ import annotations

import base64
import hashlib
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from markupsafe import Markup

from .. import resources
from ..compare.model import Event, Report
from ._common import (
    VOICE_LABELS,
    coverage_note,
    articles_by_id,
    category_color,
    compares,
    date_range,
    event_of_article,
    fmt_int,
    hits_by_place,
    outlet_articles,
    report_categories,
    report_voices,
    safe_name,
)
from .html import _article_item, _event_view, _Ids, _slug, _tint, environment
from .safe import safe_model
from .scope import largest_events

__all__ = [
    "MAX_HTML_BYTES", "PAGE_ARTICLE_BYTES", "MAX_TEXT_CHARS", "MAX_TABLE_ROWS", "PAGE_TEMPLATES",
    "STATIC_ROWS", "compile_page_templates", "event_context", "event_files", "event_pages", "html_pages",
    "index_rows",
]

#: No HTML file framing writes is larger than this (bytes).
MAX_HTML_BYTES = 10_000_000
#: Highlighted article HTML per event page before the next page starts (bytes).
PAGE_ARTICLE_BYTES = 3_000_000
#: An article body longer than this is cut on its event page, with a note.
MAX_TEXT_CHARS = 200_000
#: Rows of each naming / quotes / facts / distinctive table on an event page.
MAX_TABLE_ROWS = 300
#: Events listed as plain table rows in the index (the script lists them all).
STATIC_ROWS = 1_000
#: Rows the index's script shows at first and adds per "Show more".
INDEX_PAGE_ROWS = 200
#: Outlets named in an index row; an event a hundred outlets carried (a wire
#: story in an aggregator's list) says how many more (the search reads them all).
SHOWN_OUTLETS = 10

#: Bytes an article adds to its page beyond its highlighted title and body.
_ARTICLE_OVERHEAD = 400


def _script_hash(script: str) -> str:
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    return f"sha256-{digest}"


def event_files(report: Report) -> dict[str, str]:
    """Event id → its page's file stem (``events/<stem>.html``): the id made
    file-name safe, with a number added where two ids would share a name."""
    out: dict[str, str] = {}
    used: set[str] = set()
    for event in report.events:
        stem = base = safe_name(event.id)
        k = 1
        while stem.lower() in used:
            k += 1
            stem = f"{base}_{k}"
        used.add(stem.lower())
        out[event.id] = stem
    return out


def _page_file(stem: str, page: int) -> str:
    return f"{stem}.html" if page == 1 else f"{stem}-p{page}.html"


# --- the index ----------------------------------------------------------------------

def _top_terms(report: Report, k: int = 3) -> dict[str, list[tuple[str, int]]]:
    """Each event's most frequent loaded terms (count, then term)."""
    event_of = event_of_article(report)
    counts: dict[str, Counter[str]] = {}
    for h in report.hits:
        if h.get("loaded"):
            ev = event_of.get(h["article"])
            if ev is not None:
                counts.setdefault(ev, Counter())[str(h.get("term") or h.get("text") or "")] += 1
    return {ev: sorted(c.items(), key=lambda tc: (-tc[1], tc[0]))[:k] for ev, c in counts.items()}


def index_rows(report: Report) -> list[dict[str, Any]]:
    """One row per event, in report order: what the index page lists."""
    files = event_files(report)
    top = _top_terms(report)
    rows = []
    for event in report.events:
        rates = [r.per_1000 for r in event.density]
        rows.append({
            "id": event.id,
            "label": event.label,
            "href": "events/" + _page_file(files[event.id], 1),
            "first": event.first_date or "",
            "last": event.last_date or "",
            "dates": date_range(event),
            "articles": len(event.articles),
            "outlets": list(event.outlets),
            "density": (round(min(rates), 1), round(max(rates), 1)) if rates else None,
            "terms": top.get(event.id, []),
            "compared": compares(event),
        })
    return rows


def _fmt_range(d: tuple[float, float] | None) -> str:
    if d is None:
        return "–"
    lo, hi = d
    return f"{lo:,.1f}" if lo == hi else f"{lo:,.1f}–{hi:,.1f}"


def _index_data(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """The rows as compact JSON for the script: outlets by number, one array per event."""
    outlets = sorted({o for r in rows for o in r["outlets"]})
    number = {o: i for i, o in enumerate(outlets)}
    return {
        "outlets": outlets,
        "columns": ["id", "label", "href", "first", "last", "articles", "outlets",
                    "density_lo", "density_hi", "terms"],
        "rows": [
            [r["id"], r["label"], r["href"], r["first"], r["last"], r["articles"],
             [number[o] for o in r["outlets"]],
             r["density"][0] if r["density"] else None,
             r["density"][1] if r["density"] else None,
             ", ".join(t for t, _ in r["terms"])]
            for r in rows
        ],
        "page": INDEX_PAGE_ROWS,
        "shown_outlets": SHOWN_OUTLETS,
    }


def render_index(report: Report, *, charted: int = 0, charts_note: str = "",
                 explorer_href: str | None = None) -> str:
    """The index page: an overview and one row per event, linking to ``events/``."""
    env = environment()
    script = resources.template("index.js")
    rows = index_rows(report)
    order = {e.id: i for i, e in enumerate(largest_events(report))}
    static = sorted(rows, key=lambda r: order[r["id"]])[:STATIC_ROWS]
    outlets = sorted({o for r in rows for o in r["outlets"]})
    return env.get_template("index.html").render(
        report=report,
        coverage=coverage_note(report),
        n_compared=sum(1 for r in rows if r["compared"]),
        n_single=sum(1 for r in rows if r["articles"] == 1),
        n_outlets=len(outlets),
        outlets=outlets,
        rows=[dict(r, density_text=_fmt_range(r["density"]),
                   terms_text=", ".join(f"{t} ×{n}" for t, n in r["terms"]))
              for r in static],
        n_rows=len(rows),
        charted=charted,
        charts_note=charts_note,
        css=Markup(resources.template("report.css") + resources.template("index.css")),
        script=Markup(script),
        script_hash=_script_hash(script),
        data=_index_data(rows),
        fmt_int=fmt_int,
        explorer_href=explorer_href,
        shown_outlets=SHOWN_OUTLETS,
    )


# --- event pages ----------------------------------------------------------------------

#: The templates of an event page: event.html and what it includes.
PAGE_TEMPLATES = ("event.html", "_head.html", "_styles.html", "_reading.html", "_filters.html",
                  "event_view.html", "pager.html")


def compile_page_templates() -> None:
    """Compile an event page's templates in this process's environment, once:
    the report workers' zygote calls this, so that no worker forked from it
    compiles them again for its share of the pages."""
    env = environment()
    for name in PAGE_TEMPLATES:
        env.get_template(name)


def _chunks(sizes: list[int], budget: int) -> list[tuple[int, int]]:
    """Consecutive (start, end) runs whose sizes add up to at most ``budget``
    (a single larger item gets a run of its own)."""
    runs: list[tuple[int, int]] = []
    start, total = 0, 0
    for i, size in enumerate(sizes):
        if i > start and total + size > budget:
            runs.append((start, i))
            start, total = i, 0
        total += size
    if start < len(sizes) or not runs:
        runs.append((start, len(sizes)))
    return runs


class _Context:
    """What every event page needs from the whole report, computed once."""

    def __init__(self, report: Report, index_href: str, *, files: dict[str, str] | None = None,
                 categories: list[str] | None = None, voices: list[str] | None = None) -> None:
        self.report = report
        self.env = environment()
        self.template = self.env.get_template("event.html")
        self.script = resources.template("report.js")
        self.script_hash = _script_hash(self.script)
        self.css = Markup(resources.template("report.css") + resources.template("index.css"))
        self.places = hits_by_place(report)
        self.by_id = articles_by_id(report)
        self.files = event_files(report) if files is None else files
        self.index_href = index_href
        self.hits_of: dict[int, list[dict[str, Any]]] = {}
        for h in report.hits:
            self.hits_of.setdefault(h["article"], []).append(h)
        cats = report_categories(report) if categories is None else categories
        self.categories = [
            {"id": c, "slug": _slug(c), "color": category_color(c, cats),
             "tint": _tint(category_color(c, cats))}
            for c in cats
        ]
        self.voices = [{"id": v, "slug": _slug(v), "label": VOICE_LABELS.get(v, v)}
                       for v in (report_voices(report) if voices is None else voices)]
        self.script_markup = Markup(self.script)
        # The parts of event.html that are the same on every page (the head,
        # the styles with each category's colours, the reading note, the
        # filters), rendered here once instead of included on each page: about
        # a tenth of a page's CPU, the same text as the includes gave.
        fixed = {"css": self.css, "categories": self.categories, "voices": self.voices,
                 "script_hash": self.script_hash}
        self.fixed = {name: Markup(self.env.get_template(f"_{name}.html").render(fixed))
                      for name in ("head", "styles", "reading", "filters")}


def _upper_bound(ctx: _Context, ids: list[int]) -> int:
    """More bytes than these articles can take as highlighted HTML: escaping
    grows a character to at most 6 bytes (``&quot;`` or 4-byte UTF-8 counted
    generously), and each highlight adds its markup and tooltip."""
    total = 0
    for aid in ids:
        text = ctx.report.texts.get(aid, {})
        chars = len(text.get("title") or "") + len(text.get("body") or "")
        total += 6 * chars + _ARTICLE_OVERHEAD
        for h in ctx.hits_of.get(aid, []):
            total += 1_000 + 6 * sum(len(str(h.get(k) or "")) for k in
                                     ("category", "voice", "explanation", "neutral", "speaker",
                                      "term"))
    return total


def _event_pages(ctx: _Context, event: Event, svgs: dict[str, str],
                 index: int) -> Iterator[tuple[str, str]]:
    report = ctx.report
    stem = ctx.files[event.id]
    flat = [(outlet, art) for outlet, arts in outlet_articles(report, event, ctx.by_id)
            for art in arts]
    if _upper_bound(ctx, [art["id"] for _o, art in flat]) <= PAGE_ARTICLE_BYTES:
        runs = [(0, len(flat))]  # surely one page: no need to measure
    else:
        # Render each article once to learn its size, then split them into pages.
        sizing = _Ids()
        sizes = []
        for _outlet, art in flat:
            item = _article_item(art, report.texts, ctx.places, ctx.by_id, sizing, MAX_TEXT_CHARS)
            sizes.append(len(str(item["title"]).encode("utf-8"))
                         + len(str(item["body"]).encode("utf-8")) + _ARTICLE_OVERHEAD)
        runs = _chunks(sizes, PAGE_ARTICLE_BYTES)
    for page, (start, end) in enumerate(runs, 1):
        ids = _Ids()
        columns: list[dict[str, Any]] = []
        for outlet, art in flat[start:end]:
            if not columns or columns[-1]["outlet"] != outlet:
                columns.append({"outlet": outlet, "articles": []})
            columns[-1]["articles"].append(
                _article_item(art, report.texts, ctx.places, ctx.by_id, ids, MAX_TEXT_CHARS))
        view = _event_view(report, event, ids, ctx.places, ctx.by_id,
                           svgs if page == 1 else {}, index, columns=columns,
                           max_rows=MAX_TABLE_ROWS)
        view["summary"] = page == 1
        if len(runs) > 1:
            view["pager"] = {
                "first": fmt_int(start + 1), "last": fmt_int(end), "total": fmt_int(len(flat)),
                "page": page,
                "pages": [{"number": k, "href": _page_file(stem, k), "current": k == page}
                          for k in range(1, len(runs) + 1)],
            }
        shown = [art for _o, art in flat[start:end]]
        data = {
            "schema": report.schema,
            "lexicon_version": report.lexicon_version,
            "events": [event],  # |tojson writes it as plain data
            "articles": shown,
            "hits": [h for art in shown for h in ctx.hits_of.get(art["id"], [])],
        }
        html = _render_event(ctx, view, data, page, len(runs))
        # a character is at most 4 bytes of UTF-8: only a page that long is measured
        if 4 * len(html) > MAX_HTML_BYTES and len(html.encode("utf-8")) > MAX_HTML_BYTES:
            # The event's own tables are too large to embed as data as well:
            # report.json has them; the page keeps what it shows.
            data["events"] = [{"id": event.id, "omitted": "too large to embed; see report.json"}]
            html = _render_event(ctx, view, data, page, len(runs))
        yield f"events/{_page_file(stem, page)}", html


def _render_event(ctx: _Context, view: dict[str, Any], data: dict[str, Any],
                  page: int, pages: int) -> str:
    return ctx.template.render(
        report=ctx.report,
        ev=view,
        page=page,
        pages=pages,
        index_href=ctx.index_href,
        fixed=ctx.fixed,
        script=ctx.script_markup,
        data=data,
    )


def html_pages(report: Report, svgs: Mapping[str, dict[str, str]] | None = None, *,
               index_name: str = "report.html", charts_note: str = "",
               lexicon: Any = None) -> Iterator[tuple[str, str]]:
    """Every page of the HTML report as (path relative to the index's folder,
    HTML text): the index first, then each event's pages in report order.
    ``svgs`` maps an event id to its charts (SVG text by chart name); events
    without an entry get no charts. A generator, so a caller can write each
    page as it comes. ``lexicon``: the one the hits were found with, whose
    speech cues the term explorer uses (default: the bundled lexicon)."""
    svgs = svgs or {}
    report = safe_model(report)  # control characters from articles shown, never passed on
    from .explorer import EXPLORER, explorer_pages

    yield index_name, render_index(report, charted=len(svgs), charts_note=charts_note, explorer_href=EXPLORER)
    yield from event_pages(event_context(report, index_name), range(len(report.events)), svgs)
    yield from explorer_pages(report, index_name=index_name, event_files=event_files(report), lexicon=lexicon)


def event_context(report: Report, index_name: str = "report.html") -> _Context:
    """What every event page of ``report`` (already made safe with
    :func:`~framing.report.safe.safe_model`) needs from the whole report,
    computed once for :func:`event_pages`."""
    return _Context(report, "../" + index_name)


def event_pages(ctx: _Context, positions: Iterable[int],
                svgs: Mapping[str, dict[str, str]] | None = None) -> Iterator[tuple[str, str]]:
    """The pages of the events at ``positions`` in the report (as
    :func:`html_pages` writes them: each page depends on its event and the
    report alone, so any share of the events can be written anywhere)."""
    svgs = svgs or {}
    for i in positions:
        event = ctx.report.events[i]
        yield from _event_pages(ctx, event, svgs.get(event.id, {}), i)


# --- a share of the event pages, for a worker process -------------------------------

class PageShares:
    """Cuts a report (already made safe) into self-contained shares of its
    event pages: each share is a small :class:`Report` holding only its
    events, their articles (and the articles they are near-copies of), hits
    and texts, with what the pages need from the whole report (file stems,
    categories, voices, each event's position). A worker process given a
    share (pickled) writes the same pages as :func:`event_pages` over the
    whole report, without reading the whole report: a forked worker that
    read the parent's report would copy every page of memory it touched
    (CPython writes reference counts into every object it reads)."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self.by_id = articles_by_id(report)
        self.hits_of: dict[int, list[dict[str, Any]]] = {}
        for h in report.hits:
            self.hits_of.setdefault(h["article"], []).append(h)
        self.files = event_files(report)
        self.categories = report_categories(report)
        self.voices = report_voices(report)

    def share(self, positions: Iterable[int]) -> dict[str, Any]:
        """The share holding the events at ``positions`` (for :func:`share_pages`)."""
        report = self.report
        positions = list(positions)
        events = [report.events[i] for i in positions]
        shown = list(dict.fromkeys(aid for e in events for aid in e.articles))
        wanted = dict.fromkeys(aid for aid in shown if aid in self.by_id)
        for aid in shown:  # a near-copy's page names the outlet of its original
            dup = self.by_id.get(aid, {}).get("near_duplicate_of")
            if dup is not None and dup in self.by_id:
                wanted.setdefault(dup, None)
        part = Report(
            lexicon_version=report.lexicon_version,
            articles=[self.by_id[aid] for aid in wanted],
            hits=[h for aid in shown for h in self.hits_of.get(aid, ())],
            events=events,
            schema=report.schema,
            texts={aid: report.texts[aid] for aid in shown if aid in report.texts},
        )
        return {"report": part, "positions": positions,
                "files": {e.id: self.files[e.id] for e in events},
                "categories": self.categories, "voices": self.voices}


def share_pages(share: dict[str, Any], svgs: Mapping[str, dict[str, str]] | None = None,
                index_name: str = "report.html") -> Iterator[tuple[str, str]]:
    """The pages of a :meth:`PageShares.share`, as :func:`event_pages` writes them."""
    svgs = svgs or {}
    report = share["report"]
    ctx = _Context(report, "../" + index_name, files=share["files"],
                   categories=share["categories"], voices=share["voices"])
    for event, i in zip(report.events, share["positions"]):
        yield from _event_pages(ctx, event, svgs.get(event.id, {}), i)
