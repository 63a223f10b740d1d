"""Sample the loaded-word hits (every category but scare quotes) on real US news.

Runs framing's shipped detector over Article-Bias-Prediction articles (Baly et
al., EMNLP 2020; the full release's ``data/jsons`` kept outside the
repository), collects every *loaded* hit that is not a scare quote, prints the
hit counts per category and entry (the population a user sees), and a
fixed-seed random sample with context, category, entry, voice and score, for
judging against the guideline in docs/accuracy.md ("Loaded words on real news:
a reading of 100 hits").

    python benchmarks/loaded_hits_abp.py --data FULL/data/jsons \
        --exclude-ids ../shared/data/article-bias-prediction/splits/media/test.tsv \
        --articles 3000 --article-seed 24 --seed 24 --n 100

The article reading, sampling and context helpers are those of
``scare_quotes_abp.py``.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from scare_quotes_abp import DEFAULT, article_paths, articles, context, read_ids  # noqa: E402

from framing.evaluate.babe import shipped_detector  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT)
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--seed", type=int, default=24)
    ap.add_argument("--exclude-ids", type=Path, action="append", default=[],
                    help="a split file (ID<TAB>bias) whose articles to leave out (repeatable)")
    ap.add_argument("--articles", type=int, help="run on this many articles drawn at random "
                    "(--article-seed) instead of all")
    ap.add_argument("--article-seed", type=int, default=24)
    ap.add_argument("--entries", type=int, default=30, help="print the this many commonest entries")
    ap.add_argument("--hits", type=Path, help="also write every hit (article ID, offset, word, "
                    "category, entry, voice, probability; no context) to this file, one a line")
    args = ap.parse_args(argv)
    exclude: set[str] = set()
    for f in args.exclude_ids:
        exclude |= read_ids(f)
    paths = article_paths(args.data, exclude, args.articles, args.article_seed)
    detector, versions = shipped_detector()
    t0 = time.process_time()
    found = []
    n_articles = n_scare = 0
    for aid, source, leaning, body in articles(paths):
        n_articles += 1
        for h in detector(body):
            if not h.loaded:
                continue
            if h.term == "scare quotes":
                n_scare += 1
                continue
            found.append((aid, source, leaning, h.start, h.text, h.category, h.term, h.voice,
                          round(h.probability, 3), context(body, h.start, h.end)))
    dt = time.process_time() - t0
    found.sort()
    print(f"{n_articles} articles, {len(found)} loaded non-scare hits, {n_scare} scare quotes; "
          f"lexicon {versions['lexicon']}, model {versions['model']}; {dt:.0f} s CPU")
    cats = Counter(f[5] for f in found)
    print("by category: " + ", ".join(f"{c} {n}" for c, n in cats.most_common()))
    voices = Counter(f[7] for f in found)
    print("by voice: " + ", ".join(f"{c} {n}" for c, n in voices.most_common()))
    terms = Counter((f[5], f[6]) for f in found)
    print("commonest entries: " + ", ".join(f"{t} ({c}) {n}"
                                           for (c, t), n in terms.most_common(args.entries)))
    sample = sorted(random.Random(args.seed).sample(found, min(args.n, len(found))))
    print(f"sample of {len(sample)}, seed {args.seed}")
    for i, (aid, source, leaning, start, text, cat, term, voice, p, ctx) in enumerate(sample, 1):
        print(f"{i:3d} [{source}, {leaning}] {aid} @ {start} | {text} | {cat} / {term} | "
              f"{voice} | {p}\n    {ctx}")
    if args.hits:
        args.hits.write_text("".join("\t".join(str(x) for x in f[:9]) + "\n" for f in found),
                             encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
