"""Writing the classroom materials to a folder: the one place that touches
the file system."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from .html import PAGES, render_pages
from .materials import Materials

#: File stem of each page (the same in blind mode: no outlet names in file names).
FILES = {"handout": "handout", "worksheet": "worksheet", "key": "key", "annotated": "annotated"}


def _write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)
    return path


def write_materials(m: Materials, out_dir: str | os.PathLike[str], *, paper: str = "a4", pdf: bool = True,
                    charts: bool = True, note: Callable[[str], None] | None = None) -> list[Path]:
    """Write ``handout``, ``worksheet``, ``key`` and ``annotated`` as ``.html``,
    the worksheet and key as ``.docx``, slide charts in ``charts/``, and each
    page as ``.pdf`` when ``pdf`` and a local Chromium is found (otherwise
    ``note`` gets one line). Returns the written paths, sorted."""
    from .pdf import NO_CHROMIUM, PdfError, find_chromium, html_to_pdf
    from .word import key_docx, worksheet_docx

    out = Path(out_dir)
    written: list[Path] = []
    slides: dict[str, bytes] = {}
    if charts:
        from .slides import slide_charts

        slides = slide_charts(m.chart_event)
        for name, png in slides.items():
            written.append(_write(out / "charts" / name, png))
    pages = render_pages(m, paper=paper, charts=slides)
    html_paths = {name: _write(out / f"{FILES[name]}.html", pages[name]) for name in PAGES}
    written += html_paths.values()
    written.append(_write(out / "worksheet.docx", worksheet_docx(m)))
    written.append(_write(out / "key.docx", key_docx(m)))
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
