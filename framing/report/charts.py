"""Charts of one event, drawn from the report model alone.

Every builder returns a :class:`matplotlib.figure.Figure` made directly (no
pyplot, so batch runs keep no global figure registry), or ``None`` when the
event has nothing to draw. :func:`figure_png` and :func:`figure_svg` serialise
a figure deterministically: fixed metadata, a fixed SVG hash salt, glyphs drawn
as paths from matplotlib's bundled DejaVu Sans, so the same report gives the
same bytes on any machine.

The only arithmetic here is scaling for display: a stacked bar splits the
outlet's reported per-1,000 rate in proportion to its category counts, and the
heat map divides each category count by the outlet's word count.
"""

from __future__ import annotations

import functools
import gc
import io
import math
import os
import textwrap
import warnings
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

import matplotlib
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from ..compare.model import Event
from ._common import (
    CHART_CAPTIONS,
    CHART_NAMES,
    CHART_TITLES,
    OKABE_ITO,
    has_density,
    has_distinctive,
    has_heatmap,
    has_naming,
    has_voice,
    available_charts,
    VOICE_COLORS,
    VOICE_LABELS,
    category_color,
    event_categories,
    event_voices,
    form_label,
)
from .safe import plain, safe_model

__all__ = [
    "CHART_NAMES",
    "CHART_CAPTIONS",
    "CHART_TITLES",
    "FIGSIZE",
    "DPI",
    "density_chart",
    "heatmap_chart",
    "voice_chart",
    "naming_chart",
    "distinctive_chart",
    "event_charts",
    "available_charts",
    "figure_png",
    "figure_svg",
    "default_jobs",
    "draw_event",
    "draw_events",
]

#: Slide-sized (16:9-ish) at a resolution that survives a projector.
FIGSIZE = (10.0, 5.6)
DPI = 150

#: Style for building and saving: bundled font only, fixed SVG ids.
RC: dict[str, Any] = {
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans"],
    "font.size": 12,
    "axes.titlesize": 15,
    "axes.labelsize": 12,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "svg.fonttype": "path",
    "svg.hashsalt": "framing",
    "svg.image_inline": True,
    "image.cmap": "cividis",
    # a user's matplotlibrc must not bring a layout engine back at save time
    "figure.autolayout": False,
    "figure.constrained_layout.use": False,
}

MAX_NAMING_ROWS = 24
MAX_TERMS = 8
MAX_PANELS = 6

F = TypeVar("F", bound=Callable[..., Any])


def _styled(fn: F) -> F:
    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        with matplotlib.rc_context(RC), warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=r"Glyph .* missing from font")
            return fn(*args, **kwargs)

    return wrapper  # type: ignore[return-value]


def _figure() -> Figure:
    fig = Figure(figsize=FIGSIZE, dpi=DPI, layout="constrained")
    FigureCanvasAgg(fig)
    return fig


def _wrap(label: str, width: int = 24) -> str:
    return "\n".join(textwrap.wrap(label, width)) or label


def _finish(fig: Figure, title: str, event: Event) -> Figure:
    """Title the figure, then lay it out once and freeze the layout, so PNG and
    SVG saves (in any order, any number of times) place everything identically."""
    fig.suptitle(f"{title}\n{_wrap(event.label, 90)}", fontsize=15, ha="center")
    # The layout engine alone: a whole draw (draw_without_rendering) would
    # lay the figure out and then draw every artist for nothing.
    fig.get_layout_engine().execute(fig)
    # No layout engine from here on (not even "none"'s placeholder, for which
    # every savefig lays the figure out once more before drawing it).
    fig.set_layout_engine(None)
    return fig


# --- the five charts ---------------------------------------------------------------

@_styled
def density_chart(event: Event) -> Figure | None:
    """Loaded terms per 1,000 words per outlet, stacked by category, with the
    95 % interval as a whisker."""
    if not has_density(event):
        return None
    rows = event.density
    cats = event_categories(event)
    fig = _figure()
    ax = fig.add_subplot()
    ys = list(range(len(rows)))
    used: list[str] = []
    for i, cat in enumerate(cats):
        lefts = [sum(r.per_1000_by_category.get(c, 0.0) for c in cats[:i]) for r in rows]
        widths = [r.per_1000_by_category.get(cat, 0.0) for r in rows]
        if any(widths):
            used.append(cat)
            ax.barh(ys, widths, left=lefts, height=0.6, color=category_color(cat, cats),
                    edgecolor="white", linewidth=0.8, label=cat)
    lo = [max(r.per_1000 - r.ci95[0], 0.0) if len(r.ci95) == 2 else 0.0 for r in rows]
    hi = [max(r.ci95[1] - r.per_1000, 0.0) if len(r.ci95) == 2 else 0.0 for r in rows]
    ax.errorbar([r.per_1000 for r in rows], ys, xerr=[lo, hi], fmt="none",
                ecolor=OKABE_ITO["black"], elinewidth=1.5, capsize=5,
                label="95% interval")
    labels = [_wrap(r.outlet) + (" *" if r.warning else "") for r in rows]
    ax.set_yticks(ys, labels)
    ax.invert_yaxis()
    xlabel = "Loaded terms per 1,000 words (bar) with 95% interval (whisker)"
    if any(r.warning for r in rows):
        xlabel += "\n* too few loaded terms to compare reliably"
    ax.set_xlabel(xlabel)
    ax.set_xlim(left=0)
    ax.grid(axis="x", color="#dddddd", linewidth=0.8)
    ax.set_axisbelow(True)
    if used:
        fig.legend(loc="outside right upper", title="category", frameon=False)
    return _finish(fig, "Loaded language per outlet", event)


@_styled
def heatmap_chart(event: Event) -> Figure | None:
    """Outlets × categories: colour is the rate per 1,000 words, the number the count."""
    if not has_heatmap(event):
        return None
    rows = event.density
    cats = event_categories(event)
    values = [[r.per_1000_by_category.get(c, 0.0) for c in cats] for r in rows]
    top = max(max(v) for v in values) or 1.0
    fig = _figure()
    ax = fig.add_subplot()
    im = ax.imshow(values, cmap="cividis", vmin=0, vmax=top, aspect="auto")
    ax.set_xticks(range(len(cats)), cats)
    ax.set_yticks(range(len(rows)), [_wrap(r.outlet) for r in rows])
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    for i, r in enumerate(rows):
        for j, c in enumerate(cats):
            dark = values[i][j] < top * 0.6
            ax.text(j, i, str(r.by_category.get(c, 0)), ha="center", va="center",
                    fontsize=13, color="white" if dark else "black")
    ax.set_xlabel("category (cell number: loaded terms counted)")
    fig.colorbar(im, ax=ax, label="loaded terms per 1,000 words", shrink=0.9)
    return _finish(fig, "Which kinds of loaded language each outlet uses", event)


@_styled
def voice_chart(event: Event) -> Figure | None:
    """Loaded terms per outlet by voice: the outlet's own words, quotes, reported speech."""
    if not has_voice(event):
        return None
    rows = event.density
    voices = event_voices(event)
    fig = _figure()
    ax = fig.add_subplot()
    ys = list(range(len(rows)))
    lefts = [0.0] * len(rows)
    for voice in voices:
        widths = [float(r.by_voice.get(voice, 0)) for r in rows]
        if any(widths):
            ax.barh(ys, widths, left=lefts, height=0.6,
                    color=VOICE_COLORS.get(voice, OKABE_ITO["yellow"]), edgecolor="white",
                    linewidth=0.8, label=VOICE_LABELS.get(voice, voice))
        lefts = [a + b for a, b in zip(lefts, widths)]
    ax.set_yticks(ys, [_wrap(r.outlet) for r in rows])
    ax.invert_yaxis()
    ax.set_xlabel("Loaded terms (count)")
    ax.set_xlim(left=0)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.grid(axis="x", color="#dddddd", linewidth=0.8)
    ax.set_axisbelow(True)
    fig.legend(loc="outside right upper", title="voice", frameon=False)
    return _finish(fig, "Whose words? Loaded terms by voice", event)


@_styled
def naming_chart(event: Event) -> Figure | None:
    """Each actor's names (rows) by outlet (columns); the dot shows the count."""
    if not has_naming(event):
        return None
    outlets = list(event.outlets)
    for row in event.naming:
        for f in row.forms:
            if f.outlet not in outlets:
                outlets.append(f.outlet)
    labels: list[str] = []
    keys: list[tuple[str, str, bool]] = []
    actor_breaks: list[int] = []
    # Actors some outlet names with a loaded label or in scare quotes; the
    # plain names every outlet shares are in the tables.
    shown = [row for row in event.naming if any(f.loaded or f.scare_quoted for f in row.forms)]
    for row in shown or event.naming:
        seen: list[tuple[str, bool]] = []
        for f in row.forms:
            if (f.form, f.scare_quoted) not in seen:
                seen.append((f.form, f.scare_quoted))
        if len(keys) + len(seen) > MAX_NAMING_ROWS:
            break
        if keys:
            actor_breaks.append(len(keys))
        for form, sq in seen:
            keys.append((row.actor, form, sq))
            labels.append(f"{_wrap(row.actor, 16)}: {_wrap(form_label(form, sq), 40)}")
    # x, y, count, kind: 0 plain name, 1 loaded label, 2 scare quotes
    points: list[tuple[int, int, int, int]] = []
    for row in shown or event.naming:
        for f in row.forms:
            key = (row.actor, f.form, f.scare_quoted)
            if key in keys:
                kind = 2 if f.scare_quoted else 1 if f.loaded else 0
                points.append((outlets.index(f.outlet), keys.index(key), f.count, kind))
    if not points:
        return None
    biggest = max(p[2] for p in points) or 1
    fig = _figure()
    ax = fig.add_subplot()
    kinds = ((0, "name", OKABE_ITO["blue"]), (1, "loaded label", OKABE_ITO["vermillion"]),
             (2, "in scare quotes", OKABE_ITO["reddish_purple"]))
    for kind, label, color in kinds:
        sel = [p for p in points if p[3] == kind]
        if not sel:
            continue
        ax.scatter([p[0] for p in sel], [p[1] for p in sel],
                   s=[150 + 650 * p[2] / biggest for p in sel],
                   color=color, label=label, zorder=3)
    for x, y, count, _kind in points:
        ax.text(x, y, str(count), ha="center", va="center", color="white", fontsize=11,
                fontweight="bold", zorder=4)
    for b in actor_breaks:
        ax.axhline(b - 0.5, color="#999999", linewidth=0.8)
    ax.set_xticks(range(len(outlets)), outlets, rotation=30, ha="left", rotation_mode="anchor")
    ax.set_yticks(range(len(labels)), labels)
    ax.set_xlim(-0.6, len(outlets) - 0.4)
    ax.set_ylim(len(labels) - 0.5, -0.5)
    ax.xaxis.tick_top()
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.grid(color="#eeeeee", linewidth=0.8)
    ax.set_axisbelow(True)
    fig.legend(loc="outside right upper", title="form", frameon=False, markerscale=0.5)
    return _finish(fig, "How each outlet names each actor (number: times used)", event)


@_styled
def distinctive_chart(event: Event) -> Figure | None:
    """Each outlet's most distinctive words against the rest of the event, as z-scores."""
    if not has_distinctive(event):
        return None
    rows = [r for r in event.distinctive if r.terms][:MAX_PANELS]
    n = len(rows)
    nrows = 1 if n <= 3 else 2
    ncols = math.ceil(n / nrows)
    fig = _figure()
    axes = fig.subplots(nrows, ncols, squeeze=False, sharex=True)
    for k, ax in enumerate(axes.flat):
        if k >= n:
            ax.set_visible(False)
            continue
        row = rows[k]
        terms = row.terms[:MAX_TERMS]
        ys = list(range(len(terms)))
        ax.barh(ys, [t.z for t in terms], height=0.65, color=OKABE_ITO["bluish_green"])
        ax.set_yticks(ys, [t.term for t in terms])
        ax.invert_yaxis()
        ax.set_title(_wrap(row.outlet, 28), fontsize=12)
        ax.set_xlabel("z-score")
        ax.xaxis.set_tick_params(labelbottom=True)
        ax.axvline(0, color="black", linewidth=0.8)
        ax.grid(axis="x", color="#dddddd", linewidth=0.8)
        ax.set_axisbelow(True)
    return _finish(fig, "Distinctive words per outlet (weighted log-odds z-score)", event)


_BUILDERS: dict[str, Callable[[Event], Figure | None]] = {
    "density": density_chart,
    "heatmap": heatmap_chart,
    "voice": voice_chart,
    "naming": naming_chart,
    "distinctive": distinctive_chart,
}


def event_charts(event: Event) -> dict[str, Figure]:
    """Every chart the event has data for, keyed by name in :data:`CHART_NAMES` order."""
    out: dict[str, Figure] = {}
    event = safe_model(event, plain)  # no control characters in labels: valid SVG, no missing glyphs
    for name in CHART_NAMES:
        fig = _BUILDERS[name](event)
        if fig is not None:
            out[name] = fig
    return out


# --- deterministic output ------------------------------------------------------------

def _save(fig: Figure, fmt: str, metadata: dict[str, Any]) -> bytes:
    buf = io.BytesIO()
    with matplotlib.rc_context(RC), warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r"Glyph .* missing from font")
        fig.savefig(buf, format=fmt, dpi=DPI, metadata=metadata, facecolor="white")
    return buf.getvalue()


def figure_png(fig: Figure) -> bytes:
    """The figure as PNG bytes, without a software tag or timestamp."""
    return _save(fig, "png", {"Software": None})


def figure_svg(fig: Figure) -> str:
    """The figure as an SVG document, without date or creator, with stable ids."""
    return _save(fig, "svg", {"Date": None, "Creator": None}).decode("utf-8")


# --- many events: drawn in parallel processes -----------------------------------------

def default_jobs() -> int:
    """Worker processes for chart drawing: the CPUs this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def draw_event(event: Event, *, collect: bool = False) -> dict[str, tuple[bytes, str]]:
    """Every chart of ``event`` as (PNG bytes, SVG text), by chart name (the
    charts of :func:`event_charts`, built and saved one at a time: a chart's
    figure and canvas are let go before the next is built). ``collect``: run
    the collector after each chart, so that the figure's reference cycles are
    freed before the next is built; meant for a forked worker, whose
    collector visits only its own objects (see :mod:`framing.forking`).
    Together these nearly halve the memory a chart worker holds."""
    out: dict[str, tuple[bytes, str]] = {}
    event = safe_model(event, plain)
    for name in CHART_NAMES:
        fig = _BUILDERS[name](event)
        if fig is not None:
            out[name] = (figure_png(fig), figure_svg(fig))
        del fig
        if collect:
            gc.collect()
    return out


def draw_events(events: Sequence[Event],
                jobs: int | None = None) -> list[dict[str, tuple[bytes, str]]]:
    """:func:`draw_event` for each event, in order, over ``jobs`` worker processes
    (default :func:`default_jobs`; 1 draws here). Each chart depends on its event
    alone and is saved deterministically, so the bytes do not depend on ``jobs``."""
    jobs = default_jobs() if jobs is None else max(1, jobs)
    jobs = min(jobs, len(events))
    if jobs <= 1:
        return [draw_event(e) for e in events]
    from ..forking import can_fork, forked_map

    if can_fork():
        # One event per forked child, which reads it from this process's
        # memory and exits (see framing.forking): no child accumulates copies
        # of this process's pages or its own freed memory.
        return list(forked_map(functools.partial(draw_event, collect=True), events, jobs, per_child=1))
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        return list(pool.map(draw_event, events, chunksize=1))
