"""Sample scare-quote hits from Article-Bias-Prediction articles for reading.

Runs framing's detector over the 1,300 test-split articles of
Article-Bias-Prediction (Baly et al., EMNLP 2020; ``../shared/data``; the text
stays there), collects every *loaded* scare-quote hit, and prints a fixed-seed
random sample of them with their context, numbered, for judging against the
guideline in docs/accuracy.md ("Scare quotes: a reading").

    python benchmarks/scare_quotes_abp.py [--data PATH] [--n 100] [--seed 13] [--markdown]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from framing.evaluate.babe import shipped_detector  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "data" / "article-bias-prediction" / "jsons"


def articles(folder: Path):
    for p in sorted(folder.glob("*.json")):
        d = json.loads(p.read_text(encoding="utf-8"))
        yield d["ID"], d.get("source") or "", d.get("bias_text") or "", d.get("content_original") or ""


def context(text: str, start: int, end: int, width: int = 160) -> str:
    a = max(0, start - width)
    b = min(len(text), end + width // 2)
    left = text[a:start].replace("\n", " ")
    right = text[end:b].replace("\n", " ")
    return f"…{left}**{text[start:end]}**{right}…"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT)
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--markdown", type=Path, help="also write the sample as Markdown table rows "
                    "(article ID, offset and the quoted words only; no context) to this file")
    args = ap.parse_args(argv)
    detector, versions = shipped_detector()
    t0 = time.perf_counter()
    found = []
    total_loaded = n_articles = 0
    for aid, source, leaning, body in articles(args.data):
        n_articles += 1
        for h in detector(body):
            if not h.loaded:
                continue
            total_loaded += 1
            if h.term == "scare quotes":
                found.append((aid, source, leaning, h.start, context(body, h.start, h.end), h.text))
    dt = time.perf_counter() - t0
    found.sort()
    sample = sorted(random.Random(args.seed).sample(found, min(args.n, len(found))))
    print(f"{n_articles} articles, {total_loaded} loaded hits, {len(found)} scare quotes "
          f"({100 * len(found) / max(total_loaded, 1):.0f}%); lexicon {versions['lexicon']}, "
          f"model {versions['model']}; {dt:.0f} s; sample of {len(sample)}, seed {args.seed}")
    rows = []
    for i, (aid, source, leaning, start, ctx, quoted) in enumerate(sample, 1):
        print(f"{i:3d} [{source}, {leaning}] {ctx}")
        rows.append(f"| {i} | {source} ({leaning}) | `{aid}` @ {start} | {quoted} |")
    if args.markdown:
        args.markdown.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
