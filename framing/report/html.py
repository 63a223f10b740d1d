"""The HTML report: one self-contained page (inline CSS, inline JS, charts as
inline SVG; no network request of any kind).

Safety: the page is a Jinja2 template rendered with ``autoescape=True``. The
only HTML built in Python is the highlighted article text and the tooltips;
every piece of text in it goes through :func:`markupsafe.escape` (via
``Markup.format``) before it is joined and wrapped in :class:`Markup`. Data for
the script is embedded with ``|tojson``, which escapes ``<``, ``>``, ``&`` and
``'``. A Content-Security-Policy allows only the page's own script (by hash),
so even a markup mistake could not run injected code or load anything.
"""

from __future__ import annotations

import base64
import dataclasses
import functools
import hashlib
import json
import re
from typing import Any

import jinja2
from markupsafe import Markup, escape

from .. import resources
from ..compare.model import Event, Report
from ..compare.density import MIN_LOADED, MIN_WORDS
from ._common import (
    coverage_note,
    CHART_CAPTIONS,
    CHART_TITLES,
    VOICE_LABELS,
    Span,
    articles_by_id,
    category_color,
    date_range,
    event_categories,
    event_voices,
    fmt_ci,
    fmt_int,
    fmt_prob,
    fmt_rate,
    fmt_z,
    form_label,
    highlight_segments,
    hits_by_place,
    outlet_articles,
    quote_segments,
    report_categories,
    report_voices,
    safe_name,
)
from .safe import safe_model, visible

__all__ = ["render_html", "render_page", "chart_svgs", "environment", "highlight_html"]


def _load(name: str) -> str | None:
    try:
        return resources.template(name)
    except FileNotFoundError:
        return None


#: The names a plain dict has as attributes (its methods): a template's
#: ``row.items`` is the method, as with Jinja's own lookup.
_DICT_ATTRIBUTES = frozenset(dir(dict))


class _Environment(jinja2.Environment):
    """Jinja's environment, looking a plain dict's key up first where the
    dict has no attribute of that name. The templates read the views' dicts
    by attribute (``ev.label``, ``a.body``): Jinja tries ``getattr`` first,
    and the ``AttributeError`` it catches, on each of the million or so
    reads of an archive's event pages, cost more than the read. The same
    value in every case: a dict's only attributes are its methods."""

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict and attribute not in _DICT_ATTRIBUTES:
            try:
                return obj[attribute]
            except KeyError:
                pass
        return super().getattr(obj, attribute)


@functools.cache
def environment() -> jinja2.Environment:
    """The Jinja2 environment for the packaged templates: autoescaping on.
    One per process, so each template is compiled once in it (an archive's
    event pages are written a share at a time, and each share compiled the
    page's templates again: about 0.1 s CPU a share). The packaged templates
    never change while framing runs; nothing changes the environment."""
    env = _Environment(
        loader=jinja2.FunctionLoader(_load),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}
    env.policies["json.dumps_function"] = _dumps
    return env


def _dumps(obj: Any, **kwargs: Any) -> str:
    """``json.dumps`` for ``|tojson``, writing a dataclass of the report
    model as :func:`dataclasses.asdict` gives it: a page can embed an event as
    it is, and the C encoder walks its lists and dicts instead of a copy made
    in Python first (the same text)."""
    return json.dumps(obj, default=_dataclass_fields, **kwargs)


#: A dataclass type → its field names, looked up once.
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _dataclass_fields(obj: Any) -> dict[str, Any]:
    t = type(obj)
    names = _FIELD_NAMES.get(t)
    if names is None:
        if not dataclasses.is_dataclass(t):
            raise TypeError(f"Object of type {t.__name__} is not JSON serializable")
        names = _FIELD_NAMES[t] = tuple(f.name for f in dataclasses.fields(t))
    return {n: getattr(obj, n) for n in names}


def _slug(text: str) -> str:
    """A CSS-class-safe form of a category or voice id."""
    return re.sub(r"[^a-z0-9-]+", "-", text.lower()).strip("-") or "x"


def _tint(color: str, amount: float = 0.3) -> str:
    """``color`` mixed with white (``amount`` of the colour): a highlight background."""
    rgb = [int(color[i:i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(255 - (255 - c) * amount):02X}" for c in rgb)


# --- highlighted text -------------------------------------------------------------

def _tooltip(hits: list[dict[str, Any]], tip_id: str) -> Markup:
    # Each value escaped as Markup.format escapes a "{}" field (str(escape(value)):
    # Markup as it is, anything else as its str() escaped), joined without
    # Markup.format's formatter, which cost a fifth of an event page's CPU.
    parts = []
    for h in hits:
        lines = [f'<span class="tip-head"><span class="tip-cat">{escape(h.get("category", ""))}</span> · '
                 f'{escape(VOICE_LABELS.get(h.get("voice", ""), h.get("voice", "")))}</span>']
        if h.get("explanation"):
            lines.append(f'<span class="tip-expl">{escape(h["explanation"])}</span>')
        if h.get("neutral"):
            lines.append('<span class="tip-row">Neutral alternative: '
                         f'<span class="tip-neutral">{escape(h["neutral"])}</span></span>')
        if h.get("speaker"):
            lines.append(f'<span class="tip-row">Speaker: {escape(h["speaker"])}</span>')
        lines.append(f'<span class="tip-row">Term: “{escape(h.get("term", ""))}” · probability loaded '
                     f'{escape(fmt_prob(h.get("probability")))}</span>')
        parts.append(f'<span class="tip-hit">{"".join(lines)}</span>')
    return Markup(f'<span class="tip" role="tooltip" id="{escape(tip_id)}">{"".join(parts)}</span>')


class _Ids:
    def __init__(self) -> None:
        self.n = 0

    def next(self) -> str:
        self.n += 1
        return f"tip-{self.n}"


def highlight_html(text: str, hits: list[dict[str, Any]], ids: _Ids | None = None) -> Markup:
    """``text`` as safe HTML with each hit wrapped in a focusable ``<mark>``
    carrying its tooltip."""
    ids = ids or _Ids()
    out = []
    for span in highlight_segments(text, hits):
        out.append(_mark(span, ids) if span.hits else escape(span.text))
    # every piece is Markup already: joined as text, not escaped (copied) again
    # one by one as Markup.join would (the same string)
    return Markup("".join(out))


def _mark(span: Span, ids: _Ids) -> Markup:
    lead = span.hits[0]
    tip_id = ids.next()
    cats = " ".join(dict.fromkeys(f"cat-{_slug(h['category'])}" for h in span.hits))
    return Markup(
        f'<mark class="hit {escape(cats)}" tabindex="0" data-category="{escape(lead["category"])}" '
        f'data-voice="{escape(lead["voice"])}" aria-describedby="{escape(tip_id)}">{escape(span.text)}'
        f'{_tooltip(span.hits, tip_id)}</mark>')


# --- charts -----------------------------------------------------------------------

_ID_ATTR = re.compile(r'\bid="([^"]+)"')
_ID_REF = re.compile(r'(url\(#|href="#)([^")]+)')


def _inline_svg(svg: str, prefix: str, label: str) -> Markup:
    """matplotlib's SVG document as an inline element: no XML prolog, ids
    prefixed so several charts on one page do not collide, and labelled."""
    start = svg.find("<svg")
    body = svg[start:].strip()
    body = _ID_ATTR.sub(lambda m: f'id="{prefix}-{m.group(1)}"', body)
    body = _ID_REF.sub(lambda m: f"{m.group(1)}{prefix}-{m.group(2)}", body)
    opening = Markup('<svg role="img" aria-label="{}" ').format(label)
    return Markup(str(opening) + body[len("<svg "):])


def chart_svgs(event: Event) -> dict[str, str]:
    """The event's charts as SVG documents, by chart name."""
    from . import charts as _charts  # matplotlib only when charts are drawn

    return {name: _charts.figure_svg(fig) for name, fig in _charts.event_charts(event).items()}


def _event_charts(event: Event, svgs: dict[str, str], index: int) -> list[dict[str, Any]]:
    out = []
    for name, svg in svgs.items():
        prefix = f"c{index}-{safe_name(event.id)}-{name}"
        title = CHART_TITLES[name]
        out.append({
            "name": name,
            "title": title,
            "caption": CHART_CAPTIONS[name],
            "svg": _inline_svg(svg, prefix, f"{title}: {event.label}"),
        })
    return out


# --- the page ---------------------------------------------------------------------

def _article_item(art: dict[str, Any], texts: dict[int, dict[str, str]],
                  places: dict[tuple[int, str], list[dict[str, Any]]],
                  by_id: dict[int, dict[str, Any]], ids: _Ids,
                  max_chars: int | None = None) -> dict[str, Any]:
    """One article of the side-by-side view; with ``max_chars``, a longer body
    is cut there with a note saying so (its hits past the cut are in the CSV)."""
    aid = art["id"]
    text = texts.get(aid, {})
    title = text.get("title") or art.get("title") or ""
    body = text.get("body") or ""
    cut = None
    if max_chars is not None and len(body) > max_chars:
        cut = (f"The text is cut here: the first {fmt_int(max_chars)} of {fmt_int(len(body))} "
               f"characters are shown. “framing show {aid}” prints all of it, and "
               f"csv/hits.csv lists every hit.")
        body = body[:max_chars]
    dup = art.get("near_duplicate_of")
    dup_outlet = by_id.get(dup, {}).get("outlet") if dup is not None else None
    return {
        "id": aid,
        "title": highlight_html(title, places.get((aid, "title"), []), ids),
        "body": highlight_html(body, places.get((aid, "body"), []), ids),
        "has_body": bool(body),
        "cut": cut,
        "date": art.get("date"),
        "byline": art.get("byline"),
        "url": art.get("url"),
        "near_duplicate_of": dup,
        "near_duplicate_outlet": dup_outlet,
    }


#: Past this many outlets, a warning every outlet's row carries is said once.
WARN_ONCE_OUTLETS = 10


def _event_view(report: Report, event: Event, ids: _Ids,
                places: dict[tuple[int, str], list[dict[str, Any]]],
                by_id: dict[int, dict[str, Any]], svgs: dict[str, str],
                index: int, *, columns: list[dict[str, Any]] | None = None,
                max_rows: int | None = None) -> dict[str, Any]:
    """The event as the template shows it. ``columns`` replaces the side-by-side
    articles (an event page shows them a page at a time); ``max_rows`` cuts the
    naming, quotes, facts and distinctive tables, with a note pointing to the CSV."""
    if columns is None:
        columns = [
            {"outlet": outlet,
             "articles": [_article_item(art, report.texts, places, by_id, ids) for art in arts]}
            for outlet, arts in outlet_articles(report, event, by_id)
        ]
    cats = event_categories(event)
    voices = event_voices(event)
    naming_outlets = list(event.outlets)
    for row in event.naming:
        for f in row.forms:
            if f.outlet not in naming_outlets:
                naming_outlets.append(f.outlet)
    more: dict[str, str] = {}

    def capped(key: str, rows: list[Any], what: str, csv: str) -> list[Any]:
        if max_rows is None or len(rows) <= max_rows:
            return rows
        more[key] = (f"Only the first {fmt_int(max_rows)} of {fmt_int(len(rows))} {what} are "
                     f"shown here; csv/{csv} has them all.")
        return rows[:max_rows]

    naming = [
        {"actor": row.actor,
         "cells": [[(form_label(f.form, f.scare_quoted), f.count, f.scare_quoted, f.loaded)
                    for f in row.forms if f.outlet == o] for o in naming_outlets]}
        for row in capped("naming", [r for r in event.naming if r.forms], "actors", "naming.csv")
    ]
    quotes = []
    for q in capped("quotes", event.quotes, "quotations", "quotes.csv"):
        quotes.append({
            "speaker": q.speaker,
            "reference": q.reference,
            "versions": [
                {"v": v, "segments": quote_segments(v, q.reference.text)} for v in q.versions
            ],
        })
    return {
        "id": event.id,
        "anchor": "event-" + safe_name(event.id),
        "label": event.label,
        "dates": date_range(event),
        "n_articles": len(event.articles),
        "outlets": event.outlets,
        "density": [
            {"row": r, "words": fmt_int(r.words), "loaded": fmt_int(r.loaded),
             "articles": fmt_int(r.articles), "per_1000": fmt_rate(r.per_1000),
             "ci": fmt_ci(r.ci95),
             "by_category": [fmt_int(r.by_category.get(c, 0)) for c in cats],
             "by_voice": [fmt_int(r.by_voice.get(v, 0)) for v in voices]}
            for r in event.density
        ],
        # dozens of outlets, every one too small to compare (a story list's
        # headlines): said once above the table, not in a sentence a row
        "all_warned": len(event.density) > WARN_ONCE_OUTLETS and all(r.warning for r in event.density),
        "min_words": fmt_int(MIN_WORDS), "min_loaded": fmt_int(MIN_LOADED),
        "categories": [{"id": c, "slug": _slug(c)} for c in cats],
        "voices": voices,
        "columns": columns,
        "naming_outlets": naming_outlets,
        "naming": naming,
        "quotes": quotes,
        "facts": capped("facts", event.facts, "facts", "facts.csv"),
        "distinctive": [
            {"outlet": r.outlet, "terms": [(t.term, t.count, fmt_z(t.z)) for t in r.terms]}
            for r in capped("distinctive", [r for r in event.distinctive if r.terms],
                            "outlets", "distinctive.csv")
        ],
        "notes": event.notes,
        "groups": event.groups,
        "charts": _event_charts(event, svgs, index),
        "summary": True,
        "pager": None,
        "more": more,
    }


def render_html(report: Report, *, charts: Any = True) -> str:
    """The whole report as one self-contained HTML page. ``charts``: ``True``
    (every event's charts), ``False``, or a ``--charts`` choice such as
    ``"top:20"`` (see :mod:`framing.report.scope`). For a large corpus,
    :func:`framing.report.write_html` writes an index and one page per event."""
    from .scope import chart_events

    chosen = {id(e) for e in chart_events(report, charts)}
    svgs = [chart_svgs(e) if id(e) in chosen else {} for e in report.events]
    return render_page(report, svgs)


def render_page(report: Report, svgs: list[dict[str, str]]) -> str:
    """The page, with each event's charts given as SVG documents (by chart
    name, one dict per event in order); :func:`write_all` uses this so every
    chart is drawn once."""
    report = safe_model(report)  # control characters from articles shown, never passed on
    svgs = [{name: visible(svg) for name, svg in d.items()} for d in svgs]
    env = environment()
    script = resources.template("report.js")
    css = resources.template("report.css")
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    cats = report_categories(report)
    ids = _Ids()
    places = hits_by_place(report)
    by_id = articles_by_id(report)
    events = [_event_view(report, e, ids, places, by_id, svgs[i] if i < len(svgs) else {}, i)
              for i, e in enumerate(report.events)]
    categories = [
        {"id": c, "slug": _slug(c), "color": category_color(c, cats),
         "tint": _tint(category_color(c, cats))}
        for c in cats
    ]
    page = env.get_template("report.html").render(
        report=report,
        events=events,
        categories=categories,
        voices=[{"id": v, "slug": _slug(v), "label": VOICE_LABELS.get(v, v)}
                for v in report_voices(report)],
        css=Markup(css),
        script=Markup(script),
        script_hash=f"sha256-{digest}",
        data=report.to_dict(),
        coverage=coverage_note(report),
    )
    return page
