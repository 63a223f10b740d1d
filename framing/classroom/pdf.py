"""PDF through a local Chromium (headless ``--print-to-pdf``), when one is
installed. Nothing is downloaded: without a browser, :func:`find_chromium`
returns None and the caller prints one line."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

#: Browsers tried in order (``$FRAMING_CHROMIUM`` first).
CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
NO_CHROMIUM = ("note: no Chromium found (apt-get install chromium, or set $FRAMING_CHROMIUM); "
               "PDFs skipped: print the HTML pages from a browser instead")


class PdfError(RuntimeError):
    pass


def find_chromium() -> str | None:
    env = os.environ.get("FRAMING_CHROMIUM")
    if env:
        return env if Path(env).exists() or shutil.which(env) else None
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


def html_to_pdf(html_path: Path, pdf_path: Path, chromium: str, timeout: float = 120) -> Path:
    """Print ``html_path`` to ``pdf_path`` with the page's own @page size."""
    with tempfile.TemporaryDirectory(prefix="framing-chromium-") as profile:
        cmd = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-extensions",
               "--disable-background-networking", "--no-first-run", "--no-pdf-header-footer",
               "--print-to-pdf-no-header", f"--user-data-dir={profile}",
               f"--print-to-pdf={pdf_path}", html_path.resolve().as_uri()]
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise PdfError(f"{html_path.name}: chromium failed ({exc})") from None
    if proc.returncode != 0 or not pdf_path.exists() or pdf_path.stat().st_size == 0:
        last = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        raise PdfError(f"{html_path.name}: chromium could not print it ({last})")
    return pdf_path
