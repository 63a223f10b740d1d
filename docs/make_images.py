"""Regenerate the chart pictures in docs/img/ from the bundled demo corpus.

    python docs/make_images.py

Runs the demo into a temporary folder and copies the charts of its largest
event (the Kesh Accord, covered by eight outlets) to docs/img/chart-<name>.png.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

DOCS = Path(__file__).resolve().parent


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "framing", "demo", "--out", tmp], check=True,
                       stdout=subprocess.DEVNULL)
        report = json.loads(Path(tmp, "report.json").read_text(encoding="utf-8"))
        main_event = max(report["events"], key=lambda e: (len(e["articles"]), e["id"]))
        for png in sorted(Path(tmp, "charts").glob(f"{main_event['id']}-*.png")):
            name = png.stem.split("-", 1)[1]
            shutil.copy(png, DOCS / "img" / f"chart-{name}.png")
            print(f"docs/img/chart-{name}.png  ({main_event['label']})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
