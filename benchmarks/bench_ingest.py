"""Ingest throughput and peak memory, against a baseline measured in the same run.

The baseline does the least any ingest must do: read each file, decode it as
UTF-8 and commit its bytes to SQLite in a transaction of its own. framing's
ingest adds extraction, metadata and outlet inference on top; the ratios say
what that costs on this machine, now, so they can be compared across machines.

    python benchmarks/bench_ingest.py [--files 2000]
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from framing.corpus import ingest
from framing.resources import as_path, demo_corpus
from framing.store import Store


def make_corpus(folder: Path, n: int) -> int:
    """Write ``n`` pasted pages made from the demo corpus's .txt files; return total bytes."""
    with as_path(demo_corpus()) as corpus:
        pages = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))]
    total = 0
    for i in range(n):
        text = pages[i % len(pages)] + f"\n\nEditor's note {i}: this copy was made for the benchmark.\n"
        data = text.encode("utf-8")
        (folder / f"page-{i:06d}.txt").write_bytes(data)
        total += len(data)
    return total


def baseline(folder: Path, db: Path) -> None:
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("CREATE TABLE raw (path TEXT PRIMARY KEY, body TEXT, raw BLOB)")
    for path in sorted(folder.glob("*.txt")):
        data = path.read_bytes()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO raw VALUES (?, ?, ?)", (str(path), data.decode("utf-8"), data))
        conn.execute("COMMIT")
    conn.close()


def framing_ingest(folder: Path, db: Path) -> None:
    with Store(db) as store:
        for report in ingest(store, [folder]):
            if report.errors:
                raise SystemExit(f"benchmark input failed: {report.errors[0]}")


def measure(fn, folder: Path, tmp: Path, name: str) -> tuple[float, int]:
    """Wall time of one untraced run, and peak traced memory of a second run
    (tracemalloc slows Python code several times, so it never times)."""
    t0 = time.perf_counter()
    fn(folder, tmp / f"{name}-timed.db")
    elapsed = time.perf_counter() - t0
    tracemalloc.start()
    fn(folder, tmp / f"{name}-traced.db")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return elapsed, peak


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=2000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "pages"
        folder.mkdir()
        size = make_corpus(folder, args.files)
        base_t, base_mem = measure(baseline, folder, Path(tmp), "baseline")
        fr_t, fr_mem = measure(framing_ingest, folder, Path(tmp), "framing")
    mb = size / 1e6
    print(f"ingest: {args.files} pasted pages, {mb:.1f} MB")
    print(f"  baseline (read + decode + commit raw): {args.files / base_t:8.0f} files/s  {mb / base_t:6.2f} MB/s  peak {base_mem / 1e6:6.1f} MB")
    print(f"  framing ingest:                        {args.files / fr_t:8.0f} files/s  {mb / fr_t:6.2f} MB/s  peak {fr_mem / 1e6:6.1f} MB")
    print(f"  throughput ratio framing/baseline: {base_t / fr_t:.3f}   peak-memory ratio: {fr_mem / max(base_mem, 1):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
