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

#: Legible on real coverage (8-45 outlets, long names, dozens of actor forms):
#: a chart with more rows than its slide holds grows taller, up to twice a
#: slide; rows past that are left to the tables, and the chart says how many.
MAX_HEIGHT = 2 * FIGSIZE[1]
#: Inches one line of a 12-point label takes (DejaVu Sans: 1.16 × 12 points
#: for one line, 1.36 × 12 a line for more), and the gap kept between two
#: rows' labels.
LINE_IN = 0.23
ROW_GAP_IN = 0.08
#: Inches a chart spends outside its rows (title, axis label, margins), to
#: judge before drawing how many rows the tallest chart holds.
FRAME_IN = 2.6
#: Outlet columns of the naming chart: past this, a dot and its number no
#: longer fit a column on a slide.
MAX_NAMING_OUTLETS = 16
#: Areas (points²) of the naming chart's dots: the smallest holds a count.
SMALLEST_DOT = 150
BIGGEST_DOT = 800
#: A naming row's label stays on one line up to this many characters.
NAMING_LINE = 52

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


def _fit(label: str, width: int = 24, lines: int = 2) -> str:
    """``label`` wrapped at ``width`` characters, on at most ``lines`` lines: a
    longer one ends in an ellipsis (the full name is in the tables)."""
    parts = textwrap.wrap(label, width) or [label]
    if len(parts) > lines:
        rest = " ".join(parts[lines - 1:])
        last = textwrap.shorten(rest, width, placeholder="…")
        if last == "…":  # a first word longer than the line
            last = rest[:width - 1] + "…"
        parts = parts[:lines - 1] + [last]
    return "\n".join(parts)


def _more(*counts: tuple[int, str], why: str = "") -> str:
    """"3 more outlets in the tables" ("" when nothing was left out); each
    count with its noun in the singular."""
    parts = [f"{n} more {noun}{'' if n == 1 else 's'}" for n, noun in counts if n > 0]
    return " and ".join(parts) + why + " in the tables" if parts else ""


def _outlet_rows(event: Event) -> tuple[list[Any], list[str], str]:
    """The density rows a per-outlet chart draws, their labels, and its note on
    the rows left out ("" when none is). Rows are evenly spaced, so the
    tallest label sets every row's height: when all outlets do not fit
    MAX_HEIGHT with names on two lines, names go on one line (ellipsis past
    30 characters), and the outlets with the most articles (then words) that
    fit are drawn, in their order."""
    rows = event.density
    room = MAX_HEIGHT - FRAME_IN
    labels = [_fit(r.outlet) for r in rows]
    tallest = max(label.count("\n") + 1 for label in labels)
    if (len(rows) + 1) * (LINE_IN * tallest + ROW_GAP_IN) <= room:
        return list(rows), labels, ""
    n = min(len(rows), int(room / (LINE_IN + ROW_GAP_IN)) - 1)
    order = sorted(range(len(rows)), key=lambda i: (-rows[i].articles, -rows[i].words, i))
    keep = sorted(order[:n])
    more = _more((len(rows) - n, "outlet"), why=" (fewer articles)")
    return [rows[i] for i in keep], [_fit(rows[i].outlet, 30, 1) for i in keep], more


def _layout(fig: Figure) -> None:
    # The layout engine alone: a whole draw (draw_without_rendering) would
    # lay the figure out and then draw every artist for nothing.
    fig.get_layout_engine().execute(fig)


def _boxes(texts: Sequence[Any], renderer: Any) -> list[Any]:
    return [t.get_window_extent(renderer) for t in texts if t.get_visible() and t.get_text().strip()]


def _tallest(text: Any) -> float:
    """Pixels the text is at most tall, known without laying it out (measured
    with DejaVu Sans: one line of n points is 1.16 n tall, two or more lines
    1.36 n each)."""
    return (text.get_text().count("\n") + 1) * 1.45 * text.get_fontsize() * DPI / 72


def _taller_by(stack: Any, renderer: Any) -> float:
    """Inches a chart must grow so that a column of stacked texts (an axes' y
    tick labels, or a list of texts such as a heat map column's numbers)
    clear each other by ROW_GAP_IN; 0 when no two overlap now (by more than
    2 pixels). Rows are evenly spaced and texts keep their size, so a gap
    grows with the pitch between the rows."""
    if hasattr(stack, "get_yticklabels"):
        ax, texts = stack, stack.get_yticklabels()
    else:
        ax, texts = (stack[0].axes if stack else None), stack
    labels = [t for t in texts if t.get_visible() and t.get_text().strip()]
    if len(labels) < 2:
        return 0.0
    anchors = sorted(t.get_transform().transform(t.get_position())[1] for t in labels)
    if min(b - a for a, b in zip(anchors, anchors[1:])) >= max(map(_tallest, labels)):
        return 0.0  # rows farther apart than any label is tall: no need to lay the texts out
    placed = sorted(((t.get_transform().transform(t.get_position())[1], t.get_window_extent(renderer))
                     for t in labels), key=lambda p: p[0])
    ratios = []
    overlap = False
    for (ya, a), (yb, b) in zip(placed, placed[1:]):
        pitch, gap = yb - ya, b.y0 - a.y1
        if pitch > 0:
            overlap = overlap or gap < -2
            ratios.append((pitch - gap + ROW_GAP_IN * DPI) / pitch)
    if not overlap:
        return 0.0
    return (max(ratios) - 1.0) * ax.bbox.height / DPI


def _tilted_overlap(ax: Any, renderer: Any) -> bool:
    """Do two neighbouring x tick labels (rotated) touch?"""
    from ._chart_check import _apart, _corners

    texts = [t for t in ax.get_xticklabels() if t.get_visible() and t.get_text().strip()]
    if len(texts) < 2:
        return False
    xs = [t.get_transform().transform(t.get_position())[0] for t in texts]
    apart = min(abs(b - a) for a, b in zip(xs, xs[1:])) * math.sin(math.radians(texts[0].get_rotation()))
    if apart >= max(map(_tallest, texts)):
        return False  # parallel labels farther apart than they are tall
    quads = [_corners(t, renderer, 1.0) for t in texts]
    return any(not _apart(p, q) for p, q in zip(quads, quads[1:]))


def _legend_boxes(legend: Any, renderer: Any) -> list[Any]:
    """The boxes of a legend's title and entries (an entry: from the legend's
    left edge, where its handle is, to the end of its label), not its padding.
    Their places are worked out when the legend is drawn: it is drawn here
    (on the Agg canvas, which every save draws afresh)."""
    from matplotlib.transforms import Bbox

    legend.draw(renderer)
    left = legend.get_window_extent(renderer).x0
    boxes = []
    title = legend.get_title()
    if title.get_visible() and title.get_text():
        boxes.append(title.get_window_extent(renderer))
    for t in legend.get_texts():
        b = t.get_window_extent(renderer)
        boxes.append(Bbox([[left, b.y0], [b.x1, b.y1]]))
    return boxes


def _line_boxes(text: Any, renderer: Any) -> list[tuple[str, Any]]:
    """Each line of a centred multi-line text with its own box (the text's box
    is the union of its lines: as wide as the widest)."""
    from matplotlib.transforms import Bbox

    whole = text.get_window_extent(renderer)
    lines = text.get_text().split("\n")
    step = whole.height / len(lines)
    cx = (whole.x0 + whole.x1) / 2
    out = []
    for i, line in enumerate(lines):
        w, _h, _d = renderer.get_text_width_height_descent(line, text.get_fontproperties(), ismath=False)
        top = whole.y1 - i * step
        out.append((line, Bbox([[cx - w / 2, top - step], [cx + w / 2, top]])))
    return out


def _meets(a: Any, b: Any) -> bool:
    return a.x0 < b.x1 and b.x0 < a.x1 and a.y0 < b.y1 and b.y0 < a.y1


def _overflows(fig: Figure, renderer: Any) -> bool:
    """Does a visible axes, its title or a y tick label reach past the figure's
    edge? (Text boxes only: cheaper than each axes' tight box.)"""
    edge = fig.bbox
    for ax in fig.axes:
        if not ax.get_visible():
            continue
        boxes = [ax.bbox, *_boxes([ax.title, *ax.get_yticklabels()], renderer)]
        if any(b.x0 < edge.x0 - 1 or b.x1 > edge.x1 + 1 or b.y0 < edge.y0 - 1 or b.y1 > edge.y1 + 1
               for b in boxes):
            return True
    return False


def _finish(fig: Figure, title: str, event: Event, *, rows: Sequence[Any] = (),
            tilt: Any = None, shorten: Callable[[int], None] | None = None) -> Figure:
    """Title the figure, then lay it out and freeze the layout, so PNG and SVG
    saves (in any order, any number of times) place everything identically.

    ``rows``: axes (their y tick labels) or lists of texts stacked in rows.
    Before freezing, measured corrections (none applies to a chart that is
    legible as first laid out, which keeps its slide size and bytes): the x
    tick labels of ``tilt`` turn steeper (45°, 60°, 90°) until neighbours no
    longer touch; the event's label under the title wraps narrower until it
    clears a legend beside it; last (the others take height from the rows),
    the figure grows taller (up to MAX_HEIGHT) until the y tick labels of the
    ``rows`` axes no longer overlap.
    ``shorten(level)`` shortens the chart's labels (level 1, then 2: shorter),
    called while, laid out, the chart does not fit its figure (the layout
    engine gave up), before the rows are measured."""
    sup = fig.suptitle(f"{title}\n{_wrap(event.label, 90)}", fontsize=15, ha="center")
    _layout(fig)
    renderer = fig.canvas.get_renderer()
    for level in (1, 2):
        if shorten is None or not _overflows(fig, renderer):
            break
        shorten(level)
        _layout(fig)
    if tilt is not None:
        for angle in (45, 60, 90):
            if not _tilted_overlap(tilt, renderer):
                break
            for t in tilt.get_xticklabels():
                t.set_rotation(angle)
            _layout(fig)
    width = 90
    for _ in range(4):
        whole = sup.get_window_extent(renderer)
        if not any(_meets(whole, leg.get_window_extent(renderer)) for leg in fig.legends):
            break  # (the usual case, found without drawing the legend)
        parts = [b for leg in fig.legends for b in _legend_boxes(leg, renderer)]
        hits = [(line, box) for line, box in _line_boxes(sup, renderer)[1:]
                if any(_meets(box, b) for b in parts)]
        if not hits:
            break
        # centred, a line clears the legend when at most ``room`` pixels wide
        line, box = hits[0]
        room = 2 * (min(b.x0 for b in parts if _meets(box, b)) - (box.x0 + box.x1) / 2) - 8
        width = min(width - 1, int(len(line) * room / box.width))
        if width < 16:
            break
        sup.set_text(f"{title}\n{_wrap(event.label, width)}")
        _layout(fig)
    for _ in range(3):
        grow = max((_taller_by(ax, renderer) for ax in rows), default=0.0)
        height = fig.get_figheight()
        if grow < 0.01 or height >= MAX_HEIGHT:
            break
        fig.set_figheight(min(MAX_HEIGHT, height + grow + 0.05))
        _layout(fig)
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
    rows, names, more = _outlet_rows(event)
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
    labels = [name + (" *" if r.warning else "") for name, r in zip(names, rows)]
    ax.set_yticks(ys, labels)
    ax.invert_yaxis()
    xlabel = "Loaded terms per 1,000 words (bar) with 95% interval (whisker)"
    if any(r.warning for r in rows):
        xlabel += "\n* too few loaded terms to compare reliably"
    if more:
        xlabel += f"\n{more}"
    ax.set_xlabel(xlabel)
    ax.set_xlim(left=0)
    ax.grid(axis="x", color="#dddddd", linewidth=0.8)
    ax.set_axisbelow(True)
    if used:
        fig.legend(loc="outside right upper", title="category", frameon=False)
    return _finish(fig, "Loaded language per outlet", event, rows=[ax])


@_styled
def heatmap_chart(event: Event) -> Figure | None:
    """Outlets × categories: colour is the rate per 1,000 words, the number the count."""
    if not has_heatmap(event):
        return None
    rows, names, more = _outlet_rows(event)
    cats = event_categories(event)
    values = [[r.per_1000_by_category.get(c, 0.0) for c in cats] for r in rows]
    top = max(max(v) for v in values) or 1.0
    fig = _figure()
    ax = fig.add_subplot()
    im = ax.imshow(values, cmap="cividis", vmin=0, vmax=top, aspect="auto")
    ax.set_xticks(range(len(cats)), cats)
    ax.set_yticks(range(len(rows)), names)
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    first_column = []
    for i, r in enumerate(rows):
        for j, c in enumerate(cats):
            dark = values[i][j] < top * 0.6
            cell = ax.text(j, i, str(r.by_category.get(c, 0)), ha="center", va="center",
                           fontsize=13, color="white" if dark else "black")
            if j == 0:
                first_column.append(cell)
    ax.set_xlabel("category (cell number: loaded terms counted)" + (f"\n{more}" if more else ""))
    fig.colorbar(im, ax=ax, label="loaded terms per 1,000 words", shrink=0.9)
    return _finish(fig, "Which kinds of loaded language each outlet uses", event,
                   rows=[ax, first_column])


@_styled
def voice_chart(event: Event) -> Figure | None:
    """Loaded terms per outlet by voice: the outlet's own words, quotes, reported speech."""
    if not has_voice(event):
        return None
    rows, names, more = _outlet_rows(event)
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
    ax.set_yticks(ys, names)
    ax.invert_yaxis()
    ax.set_xlabel("Loaded terms (count)" + (f"\n{more}" if more else ""))
    ax.set_xlim(left=0)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.grid(axis="x", color="#dddddd", linewidth=0.8)
    ax.set_axisbelow(True)
    fig.legend(loc="outside right upper", title="voice", frameon=False)
    return _finish(fig, "Whose words? Loaded terms by voice", event, rows=[ax])


def _naming_label(actor: str, form: str) -> str:
    full = f"{actor}: {form}"
    return full if len(full) <= NAMING_LINE else _fit(full, 40)


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
    # rows are evenly spaced (the tallest label sets the pitch); the outlet
    # names above the columns take about 1.4 inches of the height
    room = MAX_HEIGHT - FRAME_IN - 1.4
    names_left = 0
    tallest = 1
    for row in shown or event.naming:
        seen: list[tuple[str, bool]] = []
        for f in row.forms:
            if (f.form, f.scare_quoted) not in seen:
                seen.append((f.form, f.scare_quoted))
        row_labels = [_naming_label(row.actor, form_label(form, sq)) for form, sq in seen]
        lines = max(tallest, *(label.count("\n") + 1 for label in row_labels))
        if names_left or len(keys) + len(seen) > MAX_NAMING_ROWS \
                or (len(keys) + len(seen) + 1) * (LINE_IN * lines + ROW_GAP_IN) > room:
            names_left += len(seen)
            continue
        tallest = lines
        if keys:
            actor_breaks.append(len(keys))
        for (form, sq), label in zip(seen, row_labels):
            keys.append((row.actor, form, sq))
            labels.append(label)
    # x (outlet), y, count, kind: 0 plain name, 1 loaded label, 2 scare quotes
    points: list[tuple[str, int, int, int]] = []
    for row in shown or event.naming:
        for f in row.forms:
            key = (row.actor, f.form, f.scare_quoted)
            if key in keys:
                kind = 2 if f.scare_quoted else 1 if f.loaded else 0
                points.append((f.outlet, keys.index(key), f.count, kind))
    if not points:
        return None
    outlets_left = 0
    if len(outlets) > MAX_NAMING_OUTLETS:
        # the outlets that use the rows' names most, in their order
        uses = {o: 0 for o in outlets}
        for o, _y, count, _kind in points:
            uses[o] += count
        order = sorted(range(len(outlets)), key=lambda i: (-uses[outlets[i]], i))
        outlets_left = len(outlets) - MAX_NAMING_OUTLETS
        outlets = [outlets[i] for i in sorted(order[:MAX_NAMING_OUTLETS])]
        points = [p for p in points if p[0] in outlets]
    column = {o: i for i, o in enumerate(outlets)}
    biggest = max(p[2] for p in points) or 1
    fig = _figure()
    ax = fig.add_subplot()
    kinds = ((0, "name", OKABE_ITO["blue"]), (1, "loaded label", OKABE_ITO["vermillion"]),
             (2, "in scare quotes", OKABE_ITO["reddish_purple"]))
    dots = []
    for kind, label, color in kinds:
        sel = [p for p in points if p[3] == kind]
        if not sel:
            continue
        dots.append((ax.scatter([column[p[0]] for p in sel], [p[1] for p in sel],
                                s=[SMALLEST_DOT + (BIGGEST_DOT - SMALLEST_DOT) * p[2] / biggest for p in sel],
                                color=color, label=label, zorder=3), sel))
    for o, y, count, _kind in points:
        ax.text(column[o], y, str(count), ha="center", va="center", color="white", fontsize=11,
                fontweight="bold", zorder=4)
    for b in actor_breaks:
        ax.axhline(b - 0.5, color="#999999", linewidth=0.8)
    ax.set_xticks(range(len(outlets)), [_fit(o, 26, 1) for o in outlets], rotation=30, ha="left",
                  rotation_mode="anchor")
    ax.set_yticks(range(len(labels)), labels)
    ax.set_xlim(-0.6, len(outlets) - 0.4)
    ax.set_ylim(len(labels) - 0.5, -0.5)
    ax.xaxis.tick_top()
    more = _more((names_left, "name"), (outlets_left, "outlet"))
    if more:
        ax.set_xlabel(more)
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.grid(color="#eeeeee", linewidth=0.8)
    ax.set_axisbelow(True)
    fig.legend(loc="outside right upper", title="form", frameon=False, markerscale=0.5)
    _finish(fig, "How each outlet names each actor (number: times used)", event, rows=[ax], tilt=ax)
    # The biggest dot at most one row or column across (points), so that dots
    # do not cover their neighbours; the legend keeps its own markers.
    pitch = min(ax.bbox.height / len(labels), ax.bbox.width / (len(outlets) + 0.2)) * 72 / DPI
    top = max(min(BIGGEST_DOT, pitch ** 2), 1.5 * SMALLEST_DOT)
    if top < BIGGEST_DOT:
        for dot, sel in dots:
            dot.set_sizes([SMALLEST_DOT + (top - SMALLEST_DOT) * p[2] / biggest for p in sel])
    return fig


@_styled
def distinctive_chart(event: Event) -> Figure | None:
    """Each outlet's most distinctive words against the rest of the event, as z-scores."""
    if not has_distinctive(event):
        return None
    rows = [r for r in event.distinctive if r.terms]
    more = _more((len(rows) - MAX_PANELS, "outlet"))
    rows = rows[:MAX_PANELS]
    n = len(rows)
    nrows = 1 if n <= 3 else 2
    ncols = math.ceil(n / nrows)
    fig = _figure()
    axes = fig.subplots(nrows, ncols, squeeze=False, sharex=True)
    shown = []
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
        shown.append((ax, terms))
    if more:
        fig.supxlabel(more, fontsize=12)

    def shorten(level: int) -> None:
        # long phrases and names side by side leave the panels no room: cut them
        term_width, title_width = (16, 20) if level == 1 else (12, 15)
        for (ax, terms), row in zip(shown, rows):
            ax.set_yticks(range(len(terms)), [_fit(t.term, term_width, 1) for t in terms])
            ax.set_title(_fit(row.outlet, title_width), fontsize=12)

    return _finish(fig, "Distinctive words per outlet (weighted log-odds z-score)", event,
                   rows=[ax for ax, _terms in shown], shorten=shorten)


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
