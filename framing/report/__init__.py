"""Renderers of the one report model (:class:`framing.compare.model.Report`).

Each renderer is a pure function returning text (charts return matplotlib
``Figure`` objects); only :func:`write_all` touches the file system::

    from framing.report import render, write_all
    print(render(report, "terminal"))
    write_all(report, "reports/demo")
"""

from __future__ import annotations

import os
from pathlib import Path

from ..compare.model import Report
from ._common import chart_filename
from .csvout import rows_to_csv, tables
from .files import ReportFiles
from .html import render_html, render_page
from .markdown import render_markdown
from .terminal import render_terminal

__all__ = [
    "FORMATS",
    "render",
    "render_csv",
    "render_html",
    "render_markdown",
    "render_terminal",
    "rows_to_csv",
    "tables",
    "write_all",
    "write_csv",
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


def write_all(report: Report, out_dir: str | os.PathLike[str]) -> list[Path]:
    """Write every format into ``out_dir``: ``report.json``, ``report.md``,
    ``report.html``, ``report.txt`` (terminal text, no colour), ``csv/*.csv``
    and ``charts/<event>-<chart>.png``/``.svg``. Same report, same bytes.
    Returns the written paths, sorted.

    All or nothing: every file goes to a temporary file first and all are
    renamed into place at the end, so a full disk leaves the previous report
    as it was (:class:`~framing.errors.OutputError` names the file)."""
    from . import charts  # matplotlib is imported only when charts are drawn

    out = Path(out_dir)
    with ReportFiles() as files:
        svgs: list[dict[str, str]] = []
        for event in report.events:
            svgs.append({})
            for name, fig in charts.event_charts(event).items():
                svg = svgs[-1][name] = charts.figure_svg(fig)
                files.add(out / "charts" / chart_filename(event, name, "png"), charts.figure_png(fig))
                files.add(out / "charts" / chart_filename(event, name, "svg"), svg)
        files.add(out / "report.json", report.to_json())
        files.add(out / "report.md", render_markdown(report))
        files.add(out / "report.html", render_page(report, svgs))
        files.add(out / "report.txt", render_terminal(report, color=False))
        for name, text in tables(report).items():
            files.add(out / "csv" / name, text)
    return sorted(files.written)
