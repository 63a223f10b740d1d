"""Measure the loaded-language detector against BABE (Spinde et al. 2021).

A thin wrapper over :func:`framing.evaluate.evaluate_babe`, the library behind
``framing eval babe`` (kept so older notes that run this script still work).
See docs/accuracy.md for what is measured and the numbers.

    python benchmarks/accuracy_babe.py [--data PATH] [--limit N] [--train]

The data lives outside the repository (``../shared/data/babe``); nothing of it
is copied here.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from framing.errors import FramingError  # noqa: E402
from framing.evaluate import evaluate_babe, render_babe  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "babe"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA,
                        help="BABE final_labels_SG2.csv or its folder (default: %(default)s)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N labelled sentences")
    parser.add_argument("--train", action="store_true", help="also cross-validate a sentence model")
    args = parser.parse_args(argv)
    try:
        print(render_babe(evaluate_babe(args.data, limit=args.limit, train=args.train)), end="")
    except FramingError as exc:
        raise SystemExit(f"error: {exc}") from None
    return 0


if __name__ == "__main__":
    sys.exit(main())
