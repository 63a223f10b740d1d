"""The compare stage (``build_report`` with the store's analyses up to date)
of this checkout against another checkout of framing, measured in one run.

Each side runs its own ``benchmarks/bench_pipeline.py --stages compare`` in a
subprocess with its own Python (so each imports its own framing), on the same
generated corpus: both copy the *baseline's* demo corpus (``--demo``), since
the demo corpus itself changes between versions (13 articles at 3afe01c, 16
now: timing each side on its own demo would compare different work); the
sides alternate, ``--rounds`` times each, and the
fastest run of each side is compared (the least disturbed by other work on a
shared machine).

    python benchmarks/bench_versus.py --baseline /tmp/framing-old [--python /tmp/framing-old/.venv/bin/python]
                                      [--copies 80] [--rounds 2]
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_ROW = re.compile(r"^\s+(?:compare\s+)?(baseline|framing)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)")


def compare_seconds(root: Path, python: str, copies: int, demo: Path | None = None) -> tuple[float, float]:
    """``(framing seconds, tf-idf baseline seconds)`` of one bench_pipeline run in ``root``
    (copying the corpus folder ``demo`` when given, else that checkout's own demo)."""
    proc = subprocess.run(
        [python, str(root / "benchmarks" / "bench_pipeline.py"), "--copies", str(copies), "--scale", "0",
         "--stages", "compare", "--no-memory", *(["--demo", str(demo)] if demo else [])],
        cwd=root, capture_output=True, text=True, check=True)
    found = {}
    for line in proc.stdout.splitlines():
        m = _ROW.match(line)
        if m:
            found[m.group(1)] = float(m.group(4))
    return found["framing"], found["baseline"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", type=Path, required=True, help="another checkout of framing")
    parser.add_argument("--python", default=None,
                        help="the Python that has the baseline's dependencies (default: its .venv)")
    parser.add_argument("--copies", type=int, default=80, help="copies of the demo corpus (80: 1,040 articles)")
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args(argv)
    base_python = args.python or str(args.baseline / ".venv" / "bin" / "python")
    baseline = args.baseline.resolve()
    demo = baseline / "corpus"  # the baseline's bench_pipeline copies its own demo; this side copies the same
    print(f"corpus: {args.copies} copies of {demo}")
    sides = {"baseline checkout": (baseline, base_python, None), "this checkout": (ROOT, sys.executable, demo)}
    runs: dict[str, list[tuple[float, float]]] = {k: [] for k in sides}
    for _ in range(args.rounds):
        for name, (root, python, corpus) in sides.items():
            runs[name].append(compare_seconds(root, python, args.copies, corpus))
            print(f"{name}: compare {runs[name][-1][0]:.2f} s (tf-idf baseline {runs[name][-1][1]:.2f} s)",
                  flush=True)
    best = {k: min(t for t, _ in v) for k, v in runs.items()}
    print(f"\nfastest of {args.rounds}: baseline checkout {best['baseline checkout']:.2f} s, "
          f"this checkout {best['this checkout']:.2f} s: "
          f"{best['baseline checkout'] / best['this checkout']:.2f}x faster")
    return 0


if __name__ == "__main__":
    sys.exit(main())
