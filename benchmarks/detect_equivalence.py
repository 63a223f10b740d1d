"""Dump every analysis (sentences, quotations, hits) of real texts as canonical
JSON lines, and time detection: run it on two versions of framing and compare
the files byte for byte (a speed-up of detection must not change one output).

The texts: the demo corpus, the seeds, the real saved and pasted pages, and
``--n`` Article-Bias-Prediction articles (their paragraphs up to 3,400
characters, as ``bench_jobs.py`` cuts them) plus ``--raw`` of them whole.
Read from ``../shared``; nothing is copied into the repository.

    git archive main framing lexicons corpus | tar -x -C /tmp/main   # the other version
    ln -s ../lexicons /tmp/main/framing/lexicons; ln -s ../corpus /tmp/main/framing/demo
    PYTHONPATH=/tmp/main python benchmarks/detect_equivalence.py /tmp/before.jsonl
    python benchmarks/detect_equivalence.py /tmp/after.jsonl
    cmp /tmp/before.jsonl /tmp/after.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import asdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_jobs import lead_paragraphs  # noqa: E402  (the same cut as the speed benchmark)


def _abp(n: int, raw: int) -> list:
    from framing.models import Article

    out = []
    paths = sorted((SHARED / "data" / "article-bias-prediction" / "jsons").glob("*.json"))
    for p in paths[:n]:
        a = json.loads(p.read_text(encoding="utf-8"))
        out.append(Article(source=p.name, body=lead_paragraphs(a.get("content_original") or ""),
                           title=a.get("title") or ""))
    for p in paths[:raw]:
        a = json.loads(p.read_text(encoding="utf-8"))
        out.append(Article(source="raw-" + p.name, body=a.get("content_original") or "",
                           title=a.get("title")))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--n", type=int, default=1300)
    ap.add_argument("--raw", type=int, default=300)
    args = ap.parse_args(argv)
    import framing
    from framing.resources import as_path, demo_corpus

    articles = _abp(args.n, args.raw)
    with as_path(demo_corpus()) as demo:
        for paths in ([demo], [SHARED / "seeds"], [SHARED / "data" / "real-pages" / "html"],
                      [SHARED / "data" / "real-pages" / "pasted"]):
            articles.extend(framing.load([str(p) for p in paths]))
    for i, a in enumerate(articles, 1):
        a.id = i
    detector = framing.Detector(framing.load_lexicon()).fit()
    t0 = time.process_time()
    analyses = [detector.analyze(a) for a in articles]
    cpu = time.process_time() - t0
    with args.out.open("w", encoding="utf-8") as fh:
        for a in analyses:
            fh.write(json.dumps(asdict(a), sort_keys=True, ensure_ascii=False) + "\n")
    print(f"{framing.__file__}: {len(articles):,} articles, detection {cpu:.2f} CPU s, "
          f"{1000 * cpu / len(articles):.2f} ms per article", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
