"""Regenerate the classroom screenshots in docs/img/ (used by docs/teachers.md).

    python docs/make_classroom_images.py

Runs `framing classroom --demo --blind` into a temporary folder and takes a
headless Chromium screenshot of each page (Debian's chromium; nothing is
downloaded), plus the slide chart of loaded language per outlet.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

DOCS = Path(__file__).resolve().parent
PAGES = {"handout": 1500, "worksheet": 1250, "key": 1500, "annotated": 1150}


def main() -> int:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        print("no chromium found (apt-get install chromium)", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp, "class")
        subprocess.run([sys.executable, "-m", "framing", "classroom", "--demo", "--blind", "--no-pdf",
                        "--out", str(out)], check=True, stdout=subprocess.DEVNULL)
        for page, height in PAGES.items():
            target = DOCS / "img" / f"classroom-{page}.png"
            subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                            f"--user-data-dir={tmp}/profile", f"--window-size=1000,{height}",
                            f"--screenshot={target}", (out / f"{page}.html").as_uri()],
                           check=True, capture_output=True)
            print(target.relative_to(DOCS.parent))
        density = sorted((out / "charts").glob("*-density.png"))
        if density:
            shutil.copy(density[0], DOCS / "img" / "classroom-chart-density.png")
            print("docs/img/classroom-chart-density.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
