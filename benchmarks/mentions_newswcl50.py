"""Measure actor-mention resolution on NewsWCL50 (Hamborg, Zhukova & Gipp, JCDL 2019).

NewsWCL50 codes every mention of an actor, country or group in 50 articles
(10 events x 5 outlets) with the concept it refers to (``code_name``). Within
each event, the mentions are resolved to actors by
:func:`framing.compare.actors.resolve` (the shipped lexicon's ``refers_to``
labels included) and, as a baseline computed in the same run, grouped by
their head word (the last word before "of", lower case, possessive off). Both
are scored with B-cubed precision / recall / F1 against ``code_name``, per
event (mentions weigh the same), then averaged over the mentions of all events.

    python benchmarks/mentions_newswcl50.py [--data PATH] [--types ACTOR,COUNTRY,GROUP] [-v]

The annotations (CC BY-SA 4.0) live outside the repository
(``../shared/data/newswcl50``); nothing of them is copied here.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from framing.compare import actors  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "newswcl50" / "Annotations.csv"


def load(path: Path, types: set[str]) -> dict[str, list[tuple[str, str, str]]]:
    """event id → [(outlet, mention, gold concept)]."""
    with path.open(encoding="utf-8", newline="") as fh:
        first = fh.readline()
        if not first.startswith("sep="):
            fh.seek(0)
        rows = list(csv.DictReader(fh))
    events: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for r in rows:
        if r["code_type"] in types and r["code_mention"].strip():
            events[r["event_id"]].append((r["publisher_id"], r["code_mention"], r["code_name"]))
    return dict(sorted(events.items(), key=lambda kv: int(kv[0]) if kv[0].isdigit() else kv[0]))


def bcubed(pred: list[str], gold: list[str]) -> tuple[float, float]:
    """Summed B-cubed precision and recall over items (divide by the count)."""
    pc: dict[str, list[int]] = defaultdict(list)
    gc: dict[str, list[int]] = defaultdict(list)
    for i, (p, g) in enumerate(zip(pred, gold)):
        pc[p].append(i)
        gc[g].append(i)
    P = R = 0.0
    for i, (p, g) in enumerate(zip(pred, gold)):
        both = sum(1 for j in pc[p] if gold[j] == g)
        P += both / len(pc[p])
        R += both / len(gc[g])
    return P, R


def shipped_labels() -> dict[str, str]:
    """Lexicon terms and variants with a ``refers_to``, folded → the actor."""
    from framing.detect import load_lexicon

    return actors.lexicon_labels(load_lexicon(()).entries)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--types", default="ACTOR,COUNTRY,GROUP")
    ap.add_argument("-v", "--verbose", action="store_true", help="show each event's largest wrong merges")
    args = ap.parse_args(argv)
    events = load(args.data, set(args.types.split(",")))
    labels = shipped_labels()
    t0 = time.perf_counter()
    tot = Counter()
    print(f"{'event':>5}  {'mentions':>8}  {'baseline P/R/F1':>20}  {'resolver P/R/F1':>20}")
    for ev, ms in events.items():
        gold = [g for _, _, g in ms]
        res = actors.resolve([(o, m) for o, m, _ in ms], labels=labels)
        base = ["head:" + actors.head_word(m) for _, m, _ in ms]
        n = len(ms)
        row = []
        for name, pred in (("base", base), ("ours", res.keys)):
            P, R = bcubed(pred, gold)
            tot[name + "P"] += P
            tot[name + "R"] += R
            p, r = P / n, R / n
            row.append(f"{p:.3f}/{r:.3f}/{2 * p * r / (p + r):.3f}")
        tot["n"] += n
        print(f"{ev:>5}  {n:8d}  {row[0]:>20}  {row[1]:>20}")
        if args.verbose:
            by: dict[str, Counter[str]] = defaultdict(Counter)
            for k, (_, m, g) in zip(res.keys, ms):
                by[k][g] += 1
            for k, c in sorted(by.items(), key=lambda kv: -sum(kv[1].values()))[:6]:
                print(f"        {k[:40]:40s} {dict(c.most_common(4))}")
    dt = time.perf_counter() - t0
    out = {}
    for name in ("base", "ours"):
        p, r = tot[name + "P"] / tot["n"], tot[name + "R"] / tot["n"]
        out[name] = (p, r, 2 * p * r / (p + r))
    print(f"\nall {tot['n']} mentions ({args.types}), {dt:.1f} s")
    print("same-head-word baseline  P {:.3f}  R {:.3f}  F1 {:.3f}".format(*out["base"]))
    print("actors.resolve           P {:.3f}  R {:.3f}  F1 {:.3f}".format(*out["ours"]))
    print(f"difference in F1         {out['ours'][2] - out['base'][2]:+.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
