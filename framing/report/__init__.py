"""Renderers of the one report model (:class:`framing.compare.model.Report`).

Each renderer is a pure function returning text (charts return matplotlib
``Figure`` objects); only :func:`write_all` touches the file system::

    from framing.report import render, write_all
    print(render(report, "terminal"))
    write_all(report, "reports/demo")           # report.html indexes events/<id>.html
"""

from __future__ import annotations

import os
from typing import Any
from pathlib import Path

from ..compare.model import Report
from ._common import compares
from .csvout import rows_to_csv, tables
from .files import ReportFiles
from .html import render_html
from .markdown import render_markdown
from .pages import html_pages
from .scope import DEFAULT_CHARTS, ChartChoice, chart_events
from .terminal import render_terminal
from .workers import write_report

__all__ = [
    "DEFAULT_CHARTS",
    "FORMATS",
    "ChartChoice",
    "draw_charts",
    "html_pages",
    "render",
    "render_csv",
    "render_html",
    "render_markdown",
    "render_terminal",
    "rows_to_csv",
    "tables",
    "write_all",
    "write_csv",
    "write_html",
]

#: The formats :func:`render` knows.
FORMATS = ("terminal", "markdown", "html", "json", "csv")


def render_csv(report: Report) -> str:
    """All CSV tables in one text, for a single stream: each table preceded by
    a ``# name.csv`` line and followed by a blank line. Use :func:`tables` (or
    :func:`write_all`) for separate files."""
    return "\n".join(f"# {name}\n{text}" for name, text in tables(report).items())


def render(report: Report, fmt: str, *, color: bool = False) -> str:
    """The report in one format. ``color`` applies to ``terminal`` only."""
    if fmt == "terminal":
        return render_terminal(report, color=color)
    if fmt == "markdown":
        return render_markdown(report)
    if fmt == "html":
        return render_html(report)
    if fmt == "json":
        return report.to_json()
    if fmt == "csv":
        return render_csv(report)
    raise ValueError(f"The 'fmt' parameter of render must be one of {', '.join(FORMATS)}. "
                     f"Got {fmt!r} instead.")


def write_csv(report: Report, out_dir: str | os.PathLike[str]) -> list[Path]:
    """Write each CSV table of :func:`tables` into ``out_dir``; returns the paths, sorted."""
    out = Path(out_dir)
    with ReportFiles() as files:
        for name, text in tables(report).items():
            files.add(out / name, text)
    return sorted(files.written)




def _charts_note(choice: ChartChoice, drawn: int, report: Report) -> str:
    compared = sum(1 for e in report.events if compares(e))
    if not compared:
        return ""
    if drawn >= compared:
        return (f"Charts are drawn for every event covered by two or more outlets "
                f"({drawn}).")
    if not drawn:
        return (f"No charts are drawn (--charts {choice}); pass --charts all for the {compared} events "
                f"covered by two or more outlets, or --charts top:N for the largest.")
    return (f"Charts are drawn for {drawn} of the {compared} events covered by two or more "
            f"outlets (--charts {choice}: the largest first); pass --charts all for every one.")


def draw_charts(report: Report, charts: str | bool | ChartChoice | None = DEFAULT_CHARTS,
                jobs: int | None = None) -> dict[str, dict[str, tuple[bytes, str]]]:
    """The charts ``charts`` selects (see :mod:`framing.report.scope`), drawn
    over ``jobs`` processes: event id → chart name → (PNG bytes, SVG text)."""
    events = chart_events(report, charts)
    if not events:
        return {}
    from . import charts as _charts  # matplotlib is imported only when charts are drawn

    drawn = _charts.draw_events(events, jobs)
    return {e.id: figs for e, figs in zip(events, drawn) if figs}


def write_html(report: Report, path: str | os.PathLike[str], *,
               charts: str | bool | ChartChoice | None = DEFAULT_CHARTS,
               jobs: int | None = None,
               drawn: dict[str, dict[str, tuple[bytes, str]]] | None = None,
               files: ReportFiles | None = None, lexicon: Any = None) -> list[Path]:
    """Write the HTML report: the index at ``path`` and one page per event in
    ``events/`` beside it (see :mod:`framing.report.pages`). Returns the paths.
    With ``files`` the pages join that set of files written all or nothing;
    without, they are written all or nothing on their own. ``lexicon`` (the
    :class:`~framing.detect.Lexicon` or :class:`~framing.detect.Detector` the
    hits were found with; default the bundled one) gives the term explorer the
    speech cues that mark quoted and reported speech."""
    path = Path(path)
    choice = ChartChoice.parse(charts)
    if drawn is None:
        drawn = draw_charts(report, choice, jobs)
    svgs = {eid: {name: svg for name, (_png, svg) in figs.items()} for eid, figs in drawn.items()}
    note = _charts_note(choice, len(svgs), report)
    pages = html_pages(report, svgs, index_name=path.name, charts_note=note, lexicon=lexicon)
    if files is not None:
        return [files.add(path.parent / rel, page) for rel, page in pages]
    with ReportFiles() as own:
        for rel, page in pages:
            own.add(path.parent / rel, page)
    return sorted(own.written)


def write_all(report: Report, out_dir: str | os.PathLike[str], *,
              charts: str | bool | ChartChoice | None = DEFAULT_CHARTS,
              jobs: int | None = None, lexicon: Any = None) -> list[Path]:
    """Write every format into ``out_dir``: ``report.json``, ``report.md``,
    ``report.html`` (an index of the events) with ``events/<event>.html`` (one
    page per event), ``report.txt`` (the whole terminal text, no colour),
    ``hits.jsonl``, ``csv/*.csv`` and ``charts/<event>-<chart>.png``/``.svg``.

    ``charts`` (``none``, ``top:N`` or ``all``; default :data:`DEFAULT_CHARTS`)
    says which events covered by two or more outlets get charts. The charts
    are drawn over ``jobs`` processes (default: every CPU); with ``jobs``
    given and above 1, a large report's other files are written by that many
    worker processes too (see :mod:`framing.report.workers`).
    ``lexicon``: the one the hits were found with (see :func:`write_html`).
    Same report, same bytes, whatever ``jobs``. Returns the written paths, sorted.

    All or nothing: every file goes to a temporary file first and all are
    renamed into place at the end, so a full disk leaves the previous report
    as it was (:class:`~framing.errors.OutputError` names the file)."""
    out = Path(out_dir)
    choice = ChartChoice.parse(charts)
    with ReportFiles() as files:
        write_report(report, out, files, choice=choice, jobs=None if jobs is None else max(1, jobs),
                     lexicon=lexicon,
                     charts_note=lambda drawn: _charts_note(choice, drawn, report))
    return sorted(files.written)
