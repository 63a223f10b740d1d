"""Helpers shared by the renderers: ordering, number formats, file names, and
splitting texts into display segments. Nothing here derives a statistic; it
only arranges what the :class:`~framing.compare.model.Report` already holds."""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..compare.model import Event, QuoteVersion, Report
from ..models import CATEGORIES, VOICES, outlet_label

#: Okabe & Ito (2008) colour-blind-safe palette.
OKABE_ITO = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "black": "#000000",
}

#: One colour per loaded-language category, the same in every chart and in HTML.
CATEGORY_COLORS = {
    "labeling": OKABE_ITO["vermillion"],
    "distancing": OKABE_ITO["blue"],
    "emotive": OKABE_ITO["reddish_purple"],
    "promotional": OKABE_ITO["bluish_green"],
    "epistemic": OKABE_ITO["orange"],
}
#: Categories a lexicon may add beyond the five get these, in order.
EXTRA_COLORS = (OKABE_ITO["sky_blue"], OKABE_ITO["yellow"], OKABE_ITO["black"])

VOICE_COLORS = {
    "narration": OKABE_ITO["blue"],
    "quote": OKABE_ITO["orange"],
    "reported": OKABE_ITO["sky_blue"],
}

VOICE_LABELS = {
    "narration": "narration (outlet's own words)",
    "quote": "quote (inside quotation marks)",
    "reported": "reported speech",
}

def category_color(category: str, categories: Sequence[str] = ()) -> str:
    if category in CATEGORY_COLORS:
        return CATEGORY_COLORS[category]
    extras = [c for c in categories if c not in CATEGORY_COLORS]
    i = extras.index(category) if category in extras else 0
    return EXTRA_COLORS[i % len(EXTRA_COLORS)]


def ordered(keys: Iterable[str], canonical: Sequence[str]) -> list[str]:
    """``keys`` in canonical order first, then any others alphabetically."""
    keys = set(keys)
    return [k for k in canonical if k in keys] + sorted(keys - set(canonical))


def event_categories(event: Event) -> list[str]:
    """The categories to show for an event: the five, plus any a lexicon added."""
    return ordered(set(CATEGORIES).union(*(row.by_category for row in event.density)), CATEGORIES)


def event_voices(event: Event) -> list[str]:
    return ordered(set(VOICES).union(*(row.by_voice for row in event.density)), VOICES)


def _report_keys(report: Report, per_event: Callable[[Event], list[str]], field: str,
                 canonical: Sequence[str]) -> list[str]:
    keys = set(canonical).union(*(per_event(e) for e in report.events))
    keys.update(h[field] for h in report.hits if h.get(field))
    return ordered(keys, canonical)


def report_categories(report: Report) -> list[str]:
    return _report_keys(report, event_categories, "category", CATEGORIES)


def report_voices(report: Report) -> list[str]:
    return _report_keys(report, event_voices, "voice", VOICES)


# --- number formats ---------------------------------------------------------

def fmt_int(n: int) -> str:
    return f"{n:,}"


def fmt_rate(x: float) -> str:
    return f"{x:,.1f}"


def fmt_ci(ci: Sequence[float]) -> str:
    if len(ci) != 2:
        return ""
    return f"{ci[0]:,.1f}–{ci[1]:,.1f}"


def fmt_z(z: float) -> str:
    return f"{z:.2f}"


def fmt_prob(p: Any) -> str:
    return f"{p:.2f}" if isinstance(p, (int, float)) else ""


def date_range(event: Event) -> str:
    if event.first_date and event.last_date and event.first_date != event.last_date:
        return f"{event.first_date} to {event.last_date}"
    return event.first_date or event.last_date or "undated"


def form_label(form: str, scare_quoted: bool) -> str:
    """A scare-quoted form is shown in quotation marks (its own, when it has them)."""
    if not scare_quoted or form[:1] in "\"“‘'«":
        return form
    return f"“{form}”"


# --- file names ---------------------------------------------------------------

CHART_NAMES = ("density", "heatmap", "voice", "naming", "distinctive")

#: One sentence per chart on how to read it (figure captions in HTML and Markdown).
CHART_CAPTIONS = {
    "density": (
        "Each bar is an outlet's loaded terms per 1,000 words, split by category; the "
        "whisker is the 95% interval, so outlets whose whiskers overlap a lot may not "
        "really differ."
    ),
    "heatmap": (
        "Each cell shows how many loaded terms of one category an outlet used (the "
        "number) and how often per 1,000 words (the colour: brighter is more)."
    ),
    "voice": (
        "Each bar splits an outlet's loaded terms by whose words they are: the outlet's "
        "own narration, a direct quote, or reported speech."
    ),
    "naming": (
        "Each row is one way of naming an actor, each column an outlet; a dot means "
        "the outlet used that name (the number says how often): blue a plain name, "
        "vermillion a loaded label, purple scare quotes."
    ),
    "distinctive": (
        "For each outlet, the words it uses more than the other outlets covering the "
        "event; a longer bar (higher z-score) means more distinctive, not more loaded."
    ),
}

CHART_TITLES = {
    "density": "Loaded language per outlet",
    "heatmap": "Outlets by category",
    "voice": "Loaded terms by voice",
    "naming": "Naming per actor",
    "distinctive": "Distinctive words per outlet",
}


def compares(event: Event) -> bool:
    """Charts compare outlets: an event covered by one outlet gets none (its
    tables still show everything)."""
    return len(event.outlets) >= 2


def has_density(event: Event) -> bool:
    return compares(event) and any(r.loaded > 0 for r in event.density)


def has_heatmap(event: Event) -> bool:
    return compares(event) and any(sum(r.by_category.values()) > 0 and r.words > 0 for r in event.density)


def has_voice(event: Event) -> bool:
    return compares(event) and any(sum(r.by_voice.values()) > 0 for r in event.density)


def has_naming(event: Event) -> bool:
    return compares(event) and any(row.forms for row in event.naming)


def has_distinctive(event: Event) -> bool:
    return compares(event) and any(row.terms for row in event.distinctive)


_AVAILABLE = {
    "density": has_density,
    "heatmap": has_heatmap,
    "voice": has_voice,
    "naming": has_naming,
    "distinctive": has_distinctive,
}


def available_charts(event: Event) -> list[str]:
    """Names of the charts this event has data for, in :data:`CHART_NAMES` order."""
    return [name for name in CHART_NAMES if _AVAILABLE[name](event)]


def safe_name(text: str) -> str:
    """A file-name-safe form of an event id."""
    name = re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-.")
    return name or "event"


def chart_filename(event: Event, chart: str, ext: str) -> str:
    return f"{safe_name(event.id)}-{chart}.{ext}"


# --- article lookups ------------------------------------------------------------

def articles_by_id(report: Report) -> dict[int, dict[str, Any]]:
    return {a["id"]: a for a in report.articles}


def event_of_article(report: Report) -> dict[int, str]:
    out: dict[int, str] = {}
    for event in report.events:
        for aid in event.articles:
            out.setdefault(aid, event.id)
    return out


def outlet_articles(report: Report, event: Event,
                    by_id: dict[int, dict[str, Any]] | None = None,
                    ) -> list[tuple[str, list[dict[str, Any]]]]:
    """The event's articles grouped by outlet, outlets in the event's order.
    Pass ``by_id`` (:func:`articles_by_id`) when calling this for many events."""
    if by_id is None:
        by_id = articles_by_id(report)
    groups: dict[str, list[dict[str, Any]]] = {o: [] for o in event.outlets}
    for aid in event.articles:
        art = by_id.get(aid, {"id": aid, "outlet": None, "title": None})
        label = outlet_label(art.get("outlet"), art.get("source"), art.get("source_id"))
        groups.setdefault(label, []).append(art)
    return [(o, arts) for o, arts in groups.items() if arts]


# --- highlighted text -----------------------------------------------------------

@dataclass
class Span:
    """A run of text; ``hits`` is empty for plain text, else the hits it carries
    (overlapping hits are merged into one span, the first one leading)."""

    text: str
    hits: list[dict[str, Any]] = field(default_factory=list)


def hits_by_place(report: Report) -> dict[tuple[int, str], list[dict[str, Any]]]:
    """Loaded hits keyed by (article, field)."""
    out: dict[tuple[int, str], list[dict[str, Any]]] = {}
    for h in report.hits:
        if h.get("loaded"):
            out.setdefault((h["article"], h["field"]), []).append(h)
    return out


def highlight_segments(text: str, hits: Iterable[dict[str, Any]]) -> list[Span]:
    """Split ``text`` at the hits' offsets. Hits outside the text are ignored."""
    valid = [h for h in hits if 0 <= h["start"] < h["end"] <= len(text)]
    valid.sort(key=lambda h: (h["start"], -(h["end"] - h["start"]), h.get("term", "")))
    spans: list[tuple[int, int, list[dict[str, Any]]]] = []
    for h in valid:
        if spans and h["start"] < spans[-1][1]:
            start, end, group = spans[-1]
            spans[-1] = (start, max(end, h["end"]), group + [h])
        else:
            spans.append((h["start"], h["end"], [h]))
    out: list[Span] = []
    pos = 0
    for start, end, group in spans:
        if start > pos:
            out.append(Span(text[pos:start]))
        out.append(Span(text[start:end], group))
        pos = end
    if pos < len(text):
        out.append(Span(text[pos:]))
    return out


# --- quotes --------------------------------------------------------------------

_TOKEN = re.compile(r"\S+")


def _norm(word: str) -> str:
    word = word.lower()
    start, end = 0, len(word)
    while start < end and not word[start].isalnum():
        start += 1
    while end > start and not word[end - 1].isalnum():
        end -= 1
    return word[start:end]


def quote_segments(version: QuoteVersion, reference: str) -> list[tuple[str, bool]]:
    """``version.text`` as (segment, inserted?) pairs, marking the words listed
    in ``version.inserted``; the reference text is only used to find *which*
    occurrence of a repeated word is the inserted one."""
    text = version.text
    tokens = [(m.start(), m.end(), _norm(m.group())) for m in _TOKEN.finditer(text)]
    wanted = Counter(w for w in (_norm(x) for x in version.inserted) if w)
    marked: set[int] = set()
    if wanted:
        ref = [_norm(m.group()) for m in _TOKEN.finditer(reference)]
        ver = [t[2] for t in tokens]
        matcher = difflib.SequenceMatcher(None, ref, ver, autojunk=False)
        for op, _i1, _i2, j1, j2 in matcher.get_opcodes():
            if op in ("insert", "replace"):
                for j in range(j1, j2):
                    if wanted[ver[j]] > 0:
                        wanted[ver[j]] -= 1
                        marked.add(j)
        for j, (_s, _e, w) in enumerate(tokens):  # leftovers: first free occurrence
            if j not in marked and wanted[w] > 0:
                wanted[w] -= 1
                marked.add(j)
    out: list[tuple[str, bool]] = []
    pos = 0
    for j, (s, e, _w) in enumerate(tokens):
        if j in marked:
            if s > pos:
                out.append((text[pos:s], False))
            out.append((text[s:e], True))
            pos = e
    if pos < len(text):
        out.append((text[pos:], False))
    return out


def coverage_note(report: Any) -> str | None:
    """One line saying when the report rests on headlines (or cut texts) only:
    metadata-only exports load as headline-only articles, so their comparison
    covers headline wording, naming and loaded terms, not the articles."""
    kinds = [a.get("content", "full") for a in report.articles]
    headline, truncated = kinds.count("headline"), kinds.count("truncated")
    if not kinds or not (headline or truncated):
        return None
    n = len(kinds)
    if headline == n:
        return "Headline-only: these articles have no text (a metadata-only export); the report compares headlines."
    parts = []
    if headline:
        parts.append(f"{headline} of {n} articles are headlines only")
    if truncated:
        parts.append(f"{truncated} of {n} carry only the start of their text")
    return "Partial text: " + "; ".join(parts) + " (from the export)."
