"""Measure event grouping on NeuS-AllSides (Lee et al., NAACL 2022).

Each AllSides "headline roundup" story puts one event's left / center / right
articles together by hand: the story ``id`` is the truth. Each article becomes
an :class:`framing.models.Article` (title + body excerpt, the story's date),
the whole set is grouped with :func:`framing.compare.grouping.group_events`
at its default parameters, and B-cubed precision / recall / F1 (Bagga &
Baldwin 1998; Amigó et al. 2009) are printed.

    python benchmarks/grouping_allsides.py [--undated] [--data PATH] [--threshold T]
                                           [--window DAYS] [--time-weight W] [--sweep] [--errors]

``--undated`` removes every date first: the grouping must then work from the
articles' content alone, as it must for pasted pages that show no date.

``--errors`` says where precision and recall are lost
(:func:`framing.evaluate.grouping.bcubed_losses`): by the size of the found
events, and by the stories' true dates (read from the data even with
``--undated``, which hides them from the grouping only): how far apart the
stories found together are, and where the articles that lack some of their
story were put.

The data lives outside the repository (``../shared/data/neus-allsides``);
nothing of it is copied here.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from dataclasses import replace
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from framing.compare import grouping  # noqa: E402
from framing.models import Article  # noqa: E402
from framing.evaluate.grouping import bcubed, bcubed_losses, load_neus  # noqa: E402  (one B-cubed for the CLI and this script)

DEFAULT_DATA = (
    ROOT.parent / "shared" / "data" / "neus-allsides" / "raw_crawled"
    / "headline_11_2021-10-19_crawled_all.jsonl"
)


def load(path: Path) -> tuple[list[Article], dict[int, int]]:
    """The articles and their true story ids, as ``framing eval grouping`` reads them."""
    return load_neus(path)


def scaled(articles: list[Article], truth: dict[int, int], k: int) -> tuple[list[Article], dict[int, int]]:
    """The corpus k times over, copy c moved c years later with its own story ids."""
    from datetime import date, timedelta

    out: list[Article] = []
    t: dict[int, int] = {}
    for c in range(k):
        for a in articles:
            aid = len(out) + 1
            d = a.date and (date.fromisoformat(a.date) + timedelta(days=366 * c)).isoformat()
            out.append(replace(a, id=aid, date=d, body=a.body + f" (copy {c})" if c else a.body))
            t[aid] = truth[a.id] + 1_000_000 * c
    return out, t


def run(articles, truth, threshold=None, window=None, *, undated=False):
    kw = {}
    if threshold is not None:
        kw["threshold"] = threshold
    if window is not None:
        kw["window_days"] = window
    events = grouping.group_events(articles, use_dates=not undated, **kw)
    pred = {aid: n for n, e in enumerate(events) for aid in e.articles}
    return events, bcubed(pred, truth)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--threshold", type=float, default=grouping.THRESHOLD)
    ap.add_argument("--window", type=int, default=grouping.WINDOW_DAYS)
    ap.add_argument("--time-weight", type=float, default=grouping.TIME_WEIGHT)
    ap.add_argument("--undated", action="store_true", help="remove every date first (pasted pages often have none)")
    ap.add_argument("--sweep", action="store_true", help="also report a range of thresholds")
    ap.add_argument("--errors", action="store_true", help="say where precision and recall are lost")
    ap.add_argument("--scale", type=int, default=1, metavar="K",
                    help="repeat the corpus K times (each copy a year later, as other events) to time larger stores")
    args = ap.parse_args(argv)
    grouping.TIME_WEIGHT = args.time_weight
    articles, truth = load(args.data)
    if args.scale > 1:
        articles, truth = scaled(articles, truth, args.scale)
    days = {a.id: date.fromisoformat(a.date).toordinal() for a in articles if a.date}
    if args.undated:
        articles = [replace(a, date=None) for a in articles]
    t0 = time.perf_counter()
    events, (p, r, f) = run(articles, truth, args.threshold, args.window)
    dt = time.perf_counter() - t0
    sizes = Counter(len(e.articles) for e in events)
    print(f"articles {len(articles)}  stories {len(set(truth.values()))}  "
          f"events found {len(events)}  ({dt:.1f} s)  dates {'removed' if args.undated else 'kept'}")
    print(f"threshold {args.threshold}  window {args.window} days  time weight {args.time_weight}")
    print(f"B-cubed precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}")
    print("event sizes:", dict(sorted(sizes.items())))
    if args.errors:
        pred = {aid: n for n, e in enumerate(events) for aid in e.articles}
        losses = bcubed_losses(pred, truth, days if len(days) == len(truth) else None)
        for key in ("precision_loss", "recall_loss"):
            print(f"{key.replace('_', ' ')} by found event size:",
                  "  ".join(f"{k} {v:.3f}" for k, v in losses[key].items()))
        if "wrong_pairs" in losses:
            print("pairs found together of different stories, by true days apart:",
                  "  ".join(f"{k} {v}" for k, v in losses["wrong_pairs"].items()))
            print("articles lacking some of their story, where they are:",
                  "  ".join(f"{k} {v}" for k, v in losses["missing"].items()))
    if args.sweep:
        print("\nthreshold  precision  recall  F1")
        for t in (0.20, 0.24, 0.27, 0.30, 0.33, 0.36, 0.40):
            _, (p, r, f) = run(articles, truth, t, args.window)
            print(f"{t:9.2f}  {p:9.3f}  {r:6.3f}  {f:.3f}")
        if not args.undated:
            _, (p, r, f) = run(articles, truth, args.threshold, args.window, undated=True)
            print(f"dates ignored:  P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
