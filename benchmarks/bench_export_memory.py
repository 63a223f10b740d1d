"""Peak memory of ingesting a large JSONL export, against the size of the file.

Exports are read record by record, so framing's peak resident memory should be
flat in the export's size. The benchmark writes its own export (Media Cloud
style records, each with a body of --record-kb kilobytes) of --size-mb
megabytes, ingests a small one (--small-mb) and the large one in separate
``framing ingest`` processes, and reports each child's peak RSS (from
``getrusage``) and their ratio: near 1 means memory does not grow with the file.

    python benchmarks/bench_export_memory.py                  # 1 GB against 16 MB
    python benchmarks/bench_export_memory.py --size-mb 200    # a quicker look

It needs about three times --size-mb of free disk (the export and the store).
Not a test: run it by hand and record the numbers in docs/performance.md.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

WORDS = ("harbour council accord strike minister port vote talks ceasefire river border trade "
         "report officials said statement market election court ruling protest union government").split()


def write_export(path: Path, size_mb: int, record_kb: int, seed: int = 7) -> int:
    """A JSONL export of about ``size_mb`` megabytes; returns the number of records."""
    rng = random.Random(seed)
    target = size_mb * 1024 * 1024
    written = n = 0
    with path.open("w", encoding="utf-8") as fh:
        while written < target:
            words = [rng.choice(WORDS) for _ in range(record_kb * 1024 // 7)]
            body = ". ".join(" ".join(words[i:i + 12]).capitalize() for i in range(0, len(words), 12)) + "."
            rec = {"stories_id": n, "media_name": f"Outlet {n % 40}", "publish_date": "2026-03-12 10:00:00",
                   "title": " ".join(words[:8]).capitalize(), "url": f"https://example.org/{n}", "text": body}
            line = json.dumps(rec) + "\n"
            fh.write(line)
            written += len(line.encode("utf-8"))
            n += 1
    return n


def _child_peak(framing: str, export: Path, db: Path, *options: str) -> tuple[float, int, str]:
    """Time and peak memory of ``framing ingest EXPORT --db DB [OPTIONS]``, and its last line."""
    # Each measurement in a process of its own, so RUSAGE_CHILDREN holds only that ingest.
    code = (
        "import json, resource, subprocess, sys, time;"
        "t = time.perf_counter();"
        "cp = subprocess.run(sys.argv[1:], capture_output=True, text=True);"
        "print(json.dumps([time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024,"
        " cp.returncode, (cp.stdout.strip().splitlines() or [''])[-1]]))"
    )
    cp = subprocess.run([sys.executable, "-c", code, framing, "ingest", str(export), "--db", str(db), *options],
                        capture_output=True, text=True, check=True)
    seconds, rss, rc, last = json.loads(cp.stdout)
    if rc != 0:
        raise SystemExit(f"framing ingest exited {rc}: {last}")
    return seconds, rss, last


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size-mb", type=int, default=1024, help="size of the large export (default 1024)")
    ap.add_argument("--small-mb", type=int, default=16, help="size of the baseline export (default 16)")
    ap.add_argument("--record-kb", type=int, default=64, help="body size of each record (default 64)")
    ap.add_argument("--framing", default=shutil.which("framing") or str(Path(sys.executable).with_name("framing")))
    ap.add_argument("--keep", type=Path, help="work in this folder and keep it")
    args = ap.parse_args()

    tmp = args.keep or Path(tempfile.mkdtemp(prefix="framing-bench-"))
    tmp.mkdir(parents=True, exist_ok=True)
    try:
        rows = []
        for label, size in (("baseline", args.small_mb), ("large", args.size_mb)):
            export = tmp / f"{label}.jsonl"
            records = write_export(export, size, args.record_kb)
            seconds, rss, last = _child_peak(args.framing, export, tmp / f"{label}.db")
            rows.append((label, export.stat().st_size, records, seconds, rss, last))
            export.unlink()
            (tmp / f"{label}.db").unlink(missing_ok=True)
        print(f"{'run':9} {'export MB':>10} {'records':>9} {'seconds':>8} {'peak RSS MB':>12}  result")
        for label, size, records, seconds, rss, last in rows:
            print(f"{label:9} {size / 2**20:10.0f} {records:9,} {seconds:8.1f} {rss / 2**20:12.1f}  {last}")
        base, large = rows
        print(f"\nexport size ratio {large[1] / base[1]:.0f}x; peak RSS ratio {large[4] / base[4]:.2f}x; "
              f"large-export peak RSS {large[4] / 2**20:.0f} MB ({'under' if large[4] < 300 * 2**20 else 'OVER'} "
              "the 300 MB target)")
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
