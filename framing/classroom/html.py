"""The classroom pages as print-ready HTML: handout, worksheet, answer key
(teacher guide) and annotated article. Jinja2 with autoescaping; every page
is self-contained (inline CSS, charts as data: URIs) and requests nothing."""

from __future__ import annotations

import base64
from importlib import resources
from typing import Any

import jinja2

from . import content
from .materials import Answer, Materials

PAPERS = {"a4": "A4", "letter": "letter"}
PAGES = ("handout", "worksheet", "key", "annotated")

CATEGORY_NAMES = {
    "labeling": "label",
    "distancing": "distancing",
    "emotive": "emotive",
    "promotional": "promotional",
    "epistemic": "loaded verb or certainty marker",
}
_TAGS = {"labeling": "La", "distancing": "Di", "emotive": "Em", "promotional": "Pr", "epistemic": "Ep"}
_KNOWN = set(_TAGS)


def _template(name: str) -> str | None:
    try:
        return (resources.files("framing.classroom") / "templates" / name).read_text(encoding="utf-8")
    except FileNotFoundError:
        return None


def environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FunctionLoader(_template), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.globals.update(
        cat_class=lambda c: c if c in _KNOWN else "other",
        tag=lambda c: _TAGS.get(c, (c[:2] or "?").title()),
        category_names=CATEGORY_NAMES,
    )
    return env


def _notes_of(m: Materials) -> dict[int, list[Answer]]:
    out: dict[int, list[Answer]] = {}
    for o in m.outlets:
        seen = []
        for segs in [o.title, *o.body]:
            for s in segs:
                if s.hit:
                    seen.append(Answer(outlet=o.label, text=s.text, spans=[], note=s.hit.get("explanation") or "",
                                       neutral=s.hit.get("neutral") or "", category=s.hit.get("category", "")))
        out[o.article] = seen
    return out


def render_pages(m: Materials, *, paper: str = "a4", charts: dict[str, bytes] | None = None) -> dict[str, str]:
    """Each page's HTML, keyed by page name (:data:`PAGES`). ``charts`` (file
    name → PNG) are shown in the teacher guide."""
    if paper not in PAPERS:
        raise ValueError(f"paper must be one of {', '.join(PAPERS)}")
    env = environment()
    css = _template("classroom.css") or ""
    from markupsafe import Markup

    cats = [c for c in content_categories(m)]
    common: dict[str, Any] = {
        "m": m,
        "css": Markup(css),
        "paper_css": PAPERS[paper],
        "margin": "11mm 12mm",
        "blind_note": content.BLIND_NOTE,
        "columns": content.TABLE_COLUMNS,
        "label_of_article": {o.article: o.label for o in m.outlets},
        "categories": cats,
    }
    charts = charts or {}
    from ..report._common import CHART_CAPTIONS, CHART_TITLES

    chart_items = []
    for fname, png in charts.items():
        name = fname.rsplit(".", 1)[0].rsplit("-", 1)[-1]
        chart_items.append({"file": fname, "title": CHART_TITLES.get(name, name), "caption": CHART_CAPTIONS.get(name, ""),
                            "data": "data:image/png;base64," + base64.b64encode(png).decode("ascii")})
    suffix = " (blind)" if m.blind else ""
    return {
        "handout": env.get_template("handout.html").render(
            common, page_title=f"Handout{suffix}", body_class=f"handout n{len(m.outlets)}",
            outlets_phrase=_outlets(len(m.outlets)),
            intro=content.HANDOUT_INTRO[m.level].format(outlets=_outlets(len(m.outlets)))),
        "worksheet": env.get_template("worksheet.html").render(
            common, page_title=f"Worksheet{suffix}", body_class="worksheet-page",
            table_intro=content.TABLE_INTRO[m.level]),
        "key": env.get_template("key.html").render(
            common, page_title=f"Answer key and teacher guide{suffix}", body_class="key",
            level_name=content.LEVEL_NAMES[m.level], notes=content.READING_NOTES,
            discussion=content.DISCUSSION[m.level], rubric=content.RUBRIC,
            rubric_levels=content.RUBRIC_LEVELS, rubric_criteria=content.RUBRIC_CRITERIA,
            lesson=content.LESSON_STEPS, charts=chart_items),
        "annotated": env.get_template("annotated.html").render(
            common, page_title=f"Annotated articles{suffix}", body_class="annotated",
            notes_of=_notes_of(m)),
    }


def _outlets(n: int) -> str:
    return f"{n} outlet" + ("" if n == 1 else "s")


def content_categories(m: Materials) -> list[str]:
    """Categories with a mark anywhere in the annotated articles, in the lexicon's order."""
    found = {s.hit.get("category", "") for o in m.outlets for segs in [o.title, *o.body] for s in segs if s.hit}
    order = list(_TAGS)
    return [c for c in order if c in found] + sorted(found - set(order))
