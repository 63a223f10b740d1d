"""Is a drawn chart legible? A measurement, not eyeballing.

:func:`check_figure` draws a finished :class:`~matplotlib.figure.Figure` once
(Agg, with the layout as frozen by the chart builder) and looks at the display
box (``get_window_extent``) of every visible text in it: tick labels, axis
labels, titles, the suptitle, legend entries and titles, colour-bar labels and
the numbers written on the plot (a naming dot's count, a heat-map cell's). It
reports

* **overlaps**: two texts whose boxes share more than ``tolerance`` pixels
  both ways (a number on its dot is fine: the dot is not a text; a number on
  another number, or an outlet label on the next one, is not);
* **clipped**: texts that reach more than ``tolerance`` pixels past the
  figure's edge (cut off in the PNG and the SVG);
* **hidden**: tick labels the chart asked for (ticks it placed itself) that
  matplotlib does not draw, because their tick falls outside the axis' view.

It lives in the package (not in tests/) so that ``benchmarks/chart_legibility.py``
measures real reports with the same rule the tests hold the charts to, and so
that the naming chart tilts its outlet names with the same rotated-box test
(:func:`_corners`, :func:`_apart`); no chart runs :func:`check_figure` itself
(it draws the whole figure: as long again as building it).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from matplotlib.text import Text
from matplotlib.ticker import FixedLocator

__all__ = ["Legibility", "check_figure"]

#: Pixels two boxes may share (antialiasing, a descender touching the next
#: line's ascender) before they count as overlapping.
TOLERANCE = 2.0


@dataclass
class Legibility:
    """What :func:`check_figure` found; empty lists mean a legible chart."""

    overlaps: list[tuple[str, str]] = field(default_factory=list)
    clipped: list[str] = field(default_factory=list)
    hidden: list[str] = field(default_factory=list)
    texts: int = 0  # visible texts looked at

    @property
    def ok(self) -> bool:
        return not (self.overlaps or self.clipped or self.hidden)

    def summary(self) -> str:
        parts = [f"{len(self.overlaps)} overlapping pairs", f"{len(self.clipped)} clipped",
                 f"{len(self.hidden)} hidden tick labels"]
        lines = [", ".join(parts) + f" (of {self.texts} texts)"]
        lines += [f"  overlap: {a!r} / {b!r}" for a, b in self.overlaps[:10]]
        lines += [f"  clipped: {t!r}" for t in self.clipped[:10]]
        lines += [f"  hidden: {t!r}" for t in self.hidden[:10]]
        return "\n".join(lines)


def _shown(text: Text) -> bool:
    if not text.get_visible() or not text.get_text().strip():
        return False
    ax = text.axes
    return ax is None or ax.get_visible()


def _axis_texts(fig: Any) -> tuple[list[Text], set[int], list[str]]:
    """The tick labels drawn, the ids of every tick label (drawn or not), and
    the fixed tick labels not drawn."""
    drawn: list[Text] = []
    every: set[int] = set()
    hidden: list[str] = []
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            ticks = list(axis.majorTicks) + list(axis.minorTicks)
            for t in ticks:
                every.update((id(t.label1), id(t.label2)))
            if not ax.get_visible():
                continue
            lo, hi = sorted(axis.get_view_interval())
            pad = (hi - lo) * 1e-9
            locs = list(axis.get_majorticklocs())
            inside = [lo - pad <= loc <= hi + pad for loc in locs]
            for tick, loc, ok in zip(axis.get_major_ticks(len(locs)), locs, inside):
                if ok:
                    drawn += [lab for lab in (tick.label1, tick.label2) if _shown(lab)]
            if isinstance(axis.get_major_locator(), FixedLocator):
                # ticks the chart placed itself: each label outside the view is lost
                labels = axis.get_major_formatter().format_ticks(locs)
                hidden += [str(lab) for lab, ok in zip(labels, inside) if not ok and str(lab).strip()]
    return drawn, every, hidden


def _corners(text: Text, renderer: Any, shrink: float) -> list[tuple[float, float]]:
    """The four corners of the text's own (possibly rotated) box, in pixels,
    pulled in by ``shrink`` on every side. The window extent of rotated text is
    the upright box around it, far larger than the glyphs (a 30° outlet label's
    box covers its neighbours'): the rotated rectangle has the text's upright
    size and the same centre."""
    bb = text.get_window_extent(renderer)
    angle = text.get_rotation() % 180.0
    if angle:
        rotation = text.get_rotation()
        text.set_rotation(0)
        upright = text.get_window_extent(renderer)
        text.set_rotation(rotation)
        w, h = upright.width, upright.height
    else:
        w, h = bb.width, bb.height
    w, h = max(w - 2 * shrink, 0.0), max(h - 2 * shrink, 0.0)
    cx, cy = (bb.x0 + bb.x1) / 2, (bb.y0 + bb.y1) / 2
    c, s = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    return [(cx + dx * c - dy * s, cy + dx * s + dy * c)
            for dx, dy in ((-w / 2, -h / 2), (w / 2, -h / 2), (w / 2, h / 2), (-w / 2, h / 2))]


def _apart(p: list[tuple[float, float]], q: list[tuple[float, float]]) -> bool:
    """Separating-axis test of two convex quadrilaterals: True when some edge
    direction of either separates them (touching counts as apart)."""
    for poly in (p, q):
        for k in range(4):
            (x0, y0), (x1, y1) = poly[k], poly[(k + 1) % 4]
            nx, ny = y0 - y1, x1 - x0
            a = [nx * x + ny * y for x, y in p]
            b = [nx * x + ny * y for x, y in q]
            if max(a) <= min(b) or max(b) <= min(a):
                return True
    return False


def check_figure(fig: Any, *, tolerance: float = TOLERANCE) -> Legibility:
    """Draw ``fig`` (its layout must already be done) and report its overlapping,
    clipped and hidden texts."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    ticks, tick_ids, hidden = _axis_texts(fig)
    others = [t for t in fig.findobj(Text) if id(t) not in tick_ids and _shown(t)]
    texts = ticks + others
    # each text's box pulled in by half the tolerance: two boxes then meet only
    # where the texts share more than ``tolerance`` pixels
    quads = [_corners(t, renderer, tolerance / 2) for t in texts]
    out = Legibility(hidden=hidden, texts=len(texts))
    W, H = fig.bbox.width, fig.bbox.height
    for t, quad in zip(texts, quads):
        xs, ys = [x for x, _ in quad], [y for _, y in quad]
        if min(xs) < -tolerance / 2 or min(ys) < -tolerance / 2 or max(xs) > W + tolerance / 2 \
                or max(ys) > H + tolerance / 2:
            out.clipped.append(t.get_text())
    # sweep along x: only texts whose x ranges meet are compared
    spans = [(min(x for x, _ in q), max(x for x, _ in q)) for q in quads]
    order = sorted(range(len(texts)), key=lambda i: spans[i][0])
    active: list[int] = []
    for i in order:
        active = [j for j in active if spans[j][1] > spans[i][0]]
        for j in active:
            if not _apart(quads[i], quads[j]):
                out.overlaps.append((texts[j].get_text(), texts[i].get_text()))
        active.append(i)
    return out
