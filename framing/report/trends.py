"""Trends over time as files (``framing trends``): CSV tables and one chart,
PNG and SVG, drawn deterministically from a :class:`~framing.compare.trends.Trends`.

* ``trends-terms.csv``: period, outlet or group, term, count, articles,
  words, per_10000 (uses per 10,000 words);
* ``trends-density.csv``: period, outlet or group, articles, words, loaded
  terms, per_1000;
* ``coverage.csv``: event, label, outlet, articles;
* ``trends.png`` / ``trends.svg``: one panel per chosen term (uses per 10,000
  words over time, a line per outlet or group) and one of loaded-term density;
  a period in which an outlet or group has fewer than ``MIN_CHART_WORDS``
  words (a headline, a snippet) is left out of the chart, not of the tables,
  and one under ``MIN_WORDS`` (the report's density warning) is drawn hollow.
"""

from __future__ import annotations

import os
from dataclasses import asdict
from pathlib import Path
from typing import Any

from ..compare.density import MIN_WORDS
from ..compare.trends import Trends
from .csvout import rows_to_csv
from .files import ReportFiles

#: Lines drawn per panel: the outlets (or groups) with the most articles.
MAX_LINES = 8
#: Term panels (the density panel comes on top of these).
MAX_TERM_PANELS = 5
#: Period labels under the chart: past this many, every k-th period is
#: labelled (k as small as keeps them at most this many), so that years of
#: weeks stay legible at 45°.
MAX_PERIOD_LABELS = 20
_COLORS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
_STYLES = ["-", "--", "-.", ":"]


def trend_tables(tr: Trends) -> dict[str, str]:
    """File name → CSV text."""
    by = tr.by
    terms = [{"period": r.period, by: r.key, "term": r.term, "count": r.count, "articles": r.articles,
              "words": r.words, "per_10000": r.per_10000} for r in tr.term_rows]
    dens = [{"period": d.period, by: d.key, "articles": d.articles, "words": d.words, "loaded": d.loaded,
             "per_1000": d.per_1000} for d in tr.density]
    return {
        "trends-terms.csv": rows_to_csv(terms, ["period", by, "term", "count", "articles", "words", "per_10000"]),
        "trends-density.csv": rows_to_csv(dens, ["period", by, "articles", "words", "loaded", "per_1000"]),
        "coverage.csv": rows_to_csv([asdict(c) for c in tr.coverage], ["event", "label", "outlet", "articles"]),
    }


#: Fewer words than a short article's: a headline or an export's snippet. A
#: rate of them means nothing (one loaded term in an 11-word headline reads 91
#: per 1,000), so the chart leaves such cells out; the tables keep them.
MIN_CHART_WORDS = 100


def too_few_words(tr: Trends, floor: int = MIN_CHART_WORDS) -> set[tuple[str, str]]:
    """The (period, outlet or group) cells with fewer than ``floor`` words."""
    return {(d.period, d.key) for d in tr.density if d.words < floor}


def _top_keys(tr: Trends, few: set[tuple[str, str]]) -> list[str]:
    size: dict[str, int] = {}
    for d in tr.density:
        if (d.period, d.key) not in few:
            size[d.key] = size.get(d.key, 0) + d.articles
    return sorted(size, key=lambda k: (-size[k], k.lower()))[:MAX_LINES]


def trend_chart(tr: Trends) -> Any:
    """The trends figure (a matplotlib Figure), or None with no dated article."""
    if not tr.periods:
        return None
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from .charts import RC
    import matplotlib

    few = too_few_words(tr)
    weak = too_few_words(tr, MIN_WORDS) - few  # drawn hollow: a rate the report warns about
    keys = _top_keys(tr, few)
    terms = tr.terms[:MAX_TERM_PANELS]
    n = len(terms) + 1
    x = list(range(len(tr.periods)))
    with matplotlib.rc_context(RC):
        fig = Figure(figsize=(10.0, 2.2 + 2.4 * n), dpi=150, layout="constrained")
        FigureCanvasAgg(fig)
        axes = fig.subplots(n, 1, sharex=True, squeeze=False)[:, 0]
        term_at = {(r.period, r.key, r.term): r.per_10000 for r in tr.term_rows if (r.period, r.key) not in few}
        dens_at = {(d.period, d.key): d.per_1000 for d in tr.density if (d.period, d.key) not in few}
        panels: list[tuple[str, Any]] = [
            (f"“{t}” per 10,000 words", lambda p, k, t=t: term_at.get((p, k, t))) for t in terms]
        panels.append(("Loaded terms per 1,000 words", lambda p, k: dens_at.get((p, k))))
        for ax, (title, value) in zip(axes, panels):
            for i, k in enumerate(keys):
                ys = [value(p, k) for p in tr.periods]
                color = _COLORS[i % len(_COLORS)]
                ax.plot(x, [float("nan") if y is None else y for y in ys], marker="o",
                        color=color, linestyle=_STYLES[(i // len(_COLORS)) % len(_STYLES)], label=k)
                hollow = [(xi, y) for xi, p, y in zip(x, tr.periods, ys) if y is not None and (p, k) in weak]
                if hollow:
                    ax.plot([h[0] for h in hollow], [h[1] for h in hollow], marker="o", linestyle="none",
                            markerfacecolor="white", markeredgecolor=color, label="_weak")
            ax.set_title(title, loc="left", fontsize=12)
            ax.set_ylim(bottom=0)
            ax.grid(axis="y", color="#dddddd", linewidth=0.6)
        step = -(-len(x) // MAX_PERIOD_LABELS)  # ceiling division
        axes[-1].set_xticks(x[::step], tr.periods[::step], rotation=45 if len(x) > 8 else 0,
                            ha="right" if len(x) > 8 else "center")
        if keys:
            axes[0].legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=9, frameon=False,
                           title=tr.by.capitalize())
        else:
            axes[0].text(0.5, 0.5, f"No {tr.by} has {MIN_CHART_WORDS} words in any {tr.period}: too few for "
                         "a rate\n(headlines only?). The counts are in the CSV tables.",
                         transform=axes[0].transAxes, ha="center", va="center", fontsize=11)
        gap = f"no article that {tr.period}" + (f", or under {MIN_CHART_WORDS} words" if few else "")
        hollow_note = f"; hollow: under {MIN_WORDS} words" if weak else ""
        title = f"Over time, per {tr.by} and {tr.period} (a gap: {gap}{hollow_note})"
        if len(title) > 92:  # past the figure's width at 14 points: the note on a line of its own
            title = f"Over time, per {tr.by} and {tr.period}\n(a gap: {gap}{hollow_note})"
        fig.suptitle(title, fontsize=14)
        fig.draw_without_rendering()
        fig.set_layout_engine("none")
    return fig


def write_trends(tr: Trends, out_dir: str | os.PathLike[str]) -> list[Path]:
    """Write the CSV tables and ``trends.png``/``trends.svg`` into ``out_dir``
    (all or nothing); returns the paths, sorted."""
    from .charts import figure_png, figure_svg

    out = Path(out_dir)
    with ReportFiles() as files:
        for name, text in trend_tables(tr).items():
            files.add(out / name, text)
        fig = trend_chart(tr)
        if fig is not None:
            files.add(out / "trends.png", figure_png(fig))
            files.add(out / "trends.svg", figure_svg(fig))
    return sorted(files.written)
