"""Are the charts legible on real coverage? Overlapping, clipped and hidden
texts per chart kind, measured with :func:`framing.report._chart_check.check_figure`.

Reads one or more ``report.json`` files (what ``framing run`` writes), rebuilds
each event that has charts, draws every chart kind exactly as ``framing run``
does, and prints, per chart kind: charts drawn, charts with an overlap, with a
clipped text, with a hidden tick label, and the seconds spent building them.
``-v`` names each failing chart and its first problems.

    python benchmarks/chart_legibility.py REPORT.json [REPORT.json ...] [-v] [--top N]

``--top N``: only the N events with the most outlets of each report (the
largest first), as ``--charts top:N`` would draw the busiest ones.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict

from framing.compare.model import (DensityRow, DistinctiveRow, DistinctiveTerm, Event, NamingForm,
                                   NamingRow)
from framing.report import charts
from framing.report._chart_check import check_figure
from framing.report.safe import plain, safe_model


def event_from_dict(d: dict) -> Event:
    """The parts of an event the charts read, from its JSON."""
    return Event(
        id=d["id"], label=d["label"], first_date=d.get("first_date"), last_date=d.get("last_date"),
        articles=d.get("articles", []), outlets=d.get("outlets", []),
        density=[DensityRow(**r) for r in d.get("density", [])],
        naming=[NamingRow(actor=r["actor"], forms=[NamingForm(**f) for f in r["forms"]])
                for r in d.get("naming", [])],
        distinctive=[DistinctiveRow(outlet=r["outlet"], terms=[DistinctiveTerm(**t) for t in r["terms"]])
                     for r in d.get("distinctive", [])],
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("reports", nargs="+")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--top", type=int, default=0)
    args = ap.parse_args(argv)
    stats: dict[str, list[float]] = defaultdict(lambda: [0, 0, 0, 0, 0.0])
    for path in args.reports:
        with open(path, encoding="utf-8") as fh:
            events = [event_from_dict(e) for e in json.load(fh)["events"]]
        events = [e for e in events if len(e.outlets) >= 2]
        events.sort(key=lambda e: (-len(e.outlets), e.id))
        if args.top:
            events = events[:args.top]
        for event in events:
            event = safe_model(event, plain)
            for name in charts.CHART_NAMES:
                t0 = time.perf_counter()
                fig = charts._BUILDERS[name](event)
                took = time.perf_counter() - t0
                if fig is None:
                    continue
                res = check_figure(fig)
                s = stats[name]
                s[0] += 1
                s[1] += bool(res.overlaps)
                s[2] += bool(res.clipped)
                s[3] += bool(res.hidden)
                s[4] += took
                if args.verbose and not res.ok:
                    print(f"{path} {event.id} ({len(event.outlets)} outlets) {name}: {res.summary()}")
    print(f"{'chart':12} {'drawn':>6} {'overlap':>8} {'clipped':>8} {'hidden':>7} {'build s':>8}")
    for name in charts.CHART_NAMES:
        s = stats[name]
        print(f"{name:12} {s[0]:6d} {s[1]:8d} {s[2]:8d} {s[3]:7d} {s[4]:8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
