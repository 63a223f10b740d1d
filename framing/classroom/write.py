"""Writing the classroom materials to a folder: the one place that touches
the file system."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from ..report.files import ReportFiles
from .html import PAGES, render_pages
from .materials import Materials

#: File stem of each page (the same in blind mode: no outlet names in file names).
FILES = {"handout": "handout", "worksheet": "worksheet", "key": "key", "annotated": "annotated"}


def write_materials(m: Materials, out_dir: str | os.PathLike[str], *, paper: str = "a4", pdf: bool = True,
                    charts: bool = True, note: Callable[[str], None] | None = None) -> list[Path]:
    """Write ``handout``, ``worksheet``, ``key`` and ``annotated`` as ``.html``,
    the worksheet and key as ``.docx``, slide charts in ``charts/``, and each
    page as ``.pdf`` when ``pdf`` and a local Chromium is found (otherwise
    ``note`` gets one line). Returns the written paths, sorted."""
    from .pdf import NO_CHROMIUM, PdfError, find_chromium, html_to_pdf
    from .word import key_docx, worksheet_docx

    out = Path(out_dir)
    slides: dict[str, bytes] = {}
    # Charts, pages and documents are written together: all of them, or none
    # (a full disk leaves the previous materials as they were; one-line error).
    with ReportFiles() as files:
        if charts:
            from .slides import slide_charts

            slides = slide_charts(m.chart_event)
            for name, png in slides.items():
                files.add(out / "charts" / name, png)
        pages = render_pages(m, paper=paper, charts=slides)
        html_paths = {name: files.add(out / f"{FILES[name]}.html", pages[name]) for name in PAGES}
        files.add(out / "worksheet.docx", worksheet_docx(m))
        files.add(out / "key.docx", key_docx(m))
    written = list(files.written)
    if pdf:
        chromium = find_chromium()
        if chromium is None:
            if note:
                note(NO_CHROMIUM)
        else:
            for name, path in html_paths.items():
                target = out / f"{FILES[name]}.pdf"
                try:
                    written.append(html_to_pdf(path, target, chromium))
                except PdfError as exc:
                    if note:
                        note(f"note: {exc}")
    return sorted(written)
