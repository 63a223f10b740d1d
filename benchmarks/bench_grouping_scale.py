"""Event grouping alone at archive sizes (issue 12): time, peak RSS and B-cubed.

The articles come from the archive generator of ``bench_archive.py``
(NeuS-AllSides stories repeated with shifted dates and respelled names, so that
each copy of a story is a distinct event). For each size, a fresh process
builds the articles in memory (baseline: its peak RSS and time before
grouping), then runs what ``framing run`` runs for grouping —
:func:`near_duplicates` and :func:`group_events` — and reports seconds, peak
RSS (VmHWM) and B-cubed F1 against the truth. Growth is judged by the ratio
of CPU seconds per article between sizes (steadier than wall time on a
shared machine): ~1 means linear.

    python benchmarks/bench_grouping_scale.py [--sizes 1500,5000,20000,50000] [--undated] [--diagnose]

``--diagnose`` also says where same-event pairs are lost (after the timing,
not counted in it): the share of the truth's pairs whose content cosine
reaches the candidate floor, the share the candidate graph keeps (what
blocking on rare terms and top-k drop), the median of their score over their
cosine (date evidence, density prior and crowding together), and whether the
wrong pairs inside found events join articles of one copy of the stories or
of two.

The data stays outside the repository (``../shared/data/neus-allsides``).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_archive import DEFAULT_DATA, _hwm_mb, bcubed, make_archive  # noqa: E402


def diagnose(arts, truth: dict[str, str], events) -> dict:
    """Where same-event pairs are lost (see the module docstring)."""
    import numpy as np
    from framing.compare import grouping as g
    from framing.text import plain

    X, _ = g.weighted_vectors(g._weighted_features(plain(g.article_text(a))) for a in arts)
    members: dict[str, list[int]] = {}
    for i, a in enumerate(arts):
        members.setdefault(truth[a.source_id], []).append(i)
    P = np.array([(i, j) for m in members.values() for x, i in enumerate(m) for j in m[x + 1:]],
                 dtype=np.int64).reshape(-1, 2)
    cos = g._rowwise_dot(X, P[:, 0], P[:, 1])
    dates = [g._ordinal(a.date) for a in arts]
    graph = g.pair_graph(X, dates=dates, window_days=g.WINDOW_DAYS).tocsr()
    scores = g._scores(arts, X, {}).tocsr()
    kept = np.asarray(graph[P[:, 0], P[:, 1]]).ravel() > 0
    score = np.asarray(scores[P[:, 0], P[:, 1]]).ravel()
    floor = cos >= g.PAIR_FLOOR
    wrong = {"same_copy": 0, "other_copy": 0}
    for e in events:
        sids = [arts[k - 1].source_id for k in e.articles]  # ids are 1..n in order
        for x, a in enumerate(sids):
            for b in sids[x + 1:]:
                if truth[a] != truth[b]:
                    wrong["same_copy" if a.split("-")[0] == b.split("-")[0] else "other_copy"] += 1
    return {"true_pairs": len(P), "cos_at_floor": float(floor.mean()), "in_graph": float(kept.mean()),
            "lost_by_blocking_or_top_k": int((floor & ~kept).sum()),
            "median_score_over_cos": float(np.median(score[kept] / cos[kept])) if kept.any() else None,
            "wrong_pairs": wrong}


def child(n: int, data: Path, shift_days: int, undated: bool, diag: bool = False) -> dict:
    from framing.models import Article
    from framing.compare.grouping import group_events, near_duplicates

    with tempfile.TemporaryDirectory() as tmp:
        export = Path(tmp) / "archive.jsonl"
        truth = make_archive(data, n, shift_days, export)
        arts = []
        with export.open(encoding="utf-8") as fh:
            for k, rec in enumerate(map(json.loads, fh), 1):
                arts.append(Article(source=rec["url"], source_id=rec["stories_id"], title=rec["title"],
                                    body=rec["text"], outlet=rec["media_name"],
                                    date=None if undated else rec["publish_date"], id=k))
    base_rss = _hwm_mb()
    c0 = time.process_time()
    t0 = time.perf_counter()
    copies = near_duplicates(arts)
    t1 = time.perf_counter()
    events = group_events(arts, copies=copies)
    t2 = time.perf_counter()
    cpu = time.process_time() - c0
    sid = {a.id: a.source_id for a in arts}
    pred = {sid[aid]: e.id for e in events for aid in e.articles}
    p, r, f = bcubed(pred, truth)
    out = {"n": len(arts), "copies_s": t1 - t0, "group_s": t2 - t1, "seconds": t2 - t0, "cpu": cpu,
           "base_rss_mb": base_rss, "peak_rss_mb": _hwm_mb(), "events": len(events),
           "precision": p, "recall": r, "f1": f}
    if diag:
        out["diagnose"] = diagnose(arts, truth, events)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1500,5000,20000,50000")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--shift-days", type=int, default=14)
    ap.add_argument("--undated", action="store_true")
    ap.add_argument("--diagnose", action="store_true", help="say where same-event pairs are lost")
    ap.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.data, args.shift_days, args.undated, args.diagnose)))
        return
    rows = []
    print(f"{'articles':>8s} {'copies s':>9s} {'group s':>8s} {'cpu s':>7s} {'cpu ms/art':>10s} {'base MB':>8s} "
          f"{'peak MB':>8s} {'events':>7s} {'B3 P':>6s} {'R':>6s} {'F1':>6s}", flush=True)
    for n in (int(x) for x in args.sizes.split(",")):
        cmd = [sys.executable, __file__, "--child", str(n), "--data", str(args.data),
               "--shift-days", str(args.shift_days)] + (["--undated"] if args.undated else []) \
            + (["--diagnose"] if args.diagnose else [])
        out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
        r = json.loads(out.strip().splitlines()[-1])
        rows.append(r)
        print(f"{r['n']:8d} {r['copies_s']:9.1f} {r['group_s']:8.1f} {r['cpu']:7.1f} {1000 * r['cpu'] / r['n']:10.2f} "
              f"{r['base_rss_mb']:8.0f} {r['peak_rss_mb']:8.0f} {r['events']:7d} {r['precision']:6.3f} "
              f"{r['recall']:6.3f} {r['f1']:6.3f}", flush=True)
        if "diagnose" in r:
            print("         " + json.dumps(r["diagnose"]), flush=True)
    if len(rows) > 1:
        a, b = rows[0], rows[-1]
        print(f"CPU time per article, {b['n']} vs {a['n']}: {(b['cpu'] / b['n']) / (a['cpu'] / a['n']):.2f}x; "
              f"grouping's own RSS (peak - base): {a['peak_rss_mb'] - a['base_rss_mb']:.0f} MB -> "
              f"{b['peak_rss_mb'] - b['base_rss_mb']:.0f} MB; B3 F1 {a['f1']:.3f} -> {b['f1']:.3f}")


if __name__ == "__main__":
    main()
