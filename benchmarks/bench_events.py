"""CPU seconds of the per-event analysis alone, on a store kept by
``bench_archive.py --keep DIR`` (issue 12).

Groups the store's articles once, then times
:func:`framing.compare._events` (every comparison of every event) in CPU
seconds of this process and its worker processes (``resource.getrusage``),
and each comparison apart (``time.process_time`` around it; one process
only). CPU, not wall: on a shared machine the wall time says more about the
load than about the code.

    python benchmarks/bench_events.py DIR/report/framing.db [--jobs 2] [--json events.jsonl]

``--json`` writes every event (``dataclasses.asdict``, one a line) so that two
versions of the code can be compared byte for byte.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from dataclasses import asdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import framing.compare as compare  # noqa: E402
from framing.compare.grouping import group_events, near_duplicates  # noqa: E402
from framing.pipeline import process_map  # noqa: E402
from framing.store import Store  # noqa: E402

PARTS = ("density", "naming", "align_quotes", "facts", "distinctive", "compare_groups")


def _cpu(who: int) -> float:
    r = resource.getrusage(who)
    return r.ru_utime + r.ru_stime


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("db", type=Path)
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--json", type=Path, help="write the events here, one JSON object a line")
    args = ap.parse_args(argv)
    with Store.open_readonly(args.db) as store:
        articles, analyses = list(store.articles()), store.analyses()
    copies = near_duplicates(articles)
    groups = group_events(articles, copies=copies)
    parts: dict[str, float] = {}
    if args.jobs == 1:
        for name in PARTS:
            fn = getattr(compare, name)

            def timed(*a, _fn=fn, _name=name, **k):
                t = time.process_time()
                try:
                    return _fn(*a, **k)
                finally:
                    parts[_name] = parts.get(_name, 0.0) + time.process_time() - t

            setattr(compare, name, timed)
    map_shards = process_map(args.jobs) if args.jobs > 1 else None
    self0, kids0, wall0 = _cpu(resource.RUSAGE_SELF), _cpu(resource.RUSAGE_CHILDREN), time.perf_counter()
    events = compare._events(articles, analyses, groups, copies, map_shards)
    self1, kids1, wall1 = _cpu(resource.RUSAGE_SELF), _cpu(resource.RUSAGE_CHILDREN), time.perf_counter()
    print(f"{len(articles):,} articles, {len(events):,} events "
          f"({sum(1 for e in events if len(e.outlets) >= 2):,} with two or more outlets), jobs {args.jobs}")
    print(f"per-event analysis: {self1 - self0 + kids1 - kids0:.1f} s CPU "
          f"(this process {self1 - self0:.1f}, workers {kids1 - kids0:.1f}), {wall1 - wall0:.1f} s wall")
    for name, seconds in sorted(parts.items(), key=lambda x: -x[1]):
        print(f"  {name}: {seconds:.1f} s CPU")
    if args.json:
        with args.json.open("w", encoding="utf-8") as fh:
            for e in events:
                fh.write(json.dumps(asdict(e), sort_keys=True, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
