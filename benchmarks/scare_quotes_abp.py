"""Sample scare-quote hits from Article-Bias-Prediction articles for reading.

Runs framing's detector over the 1,300 test-split articles of
Article-Bias-Prediction (Baly et al., EMNLP 2020; ``../shared/data``; the text
stays there), collects every *loaded* scare-quote hit, and prints a fixed-seed
random sample of them with their context, numbered, for judging against the
guideline in docs/accuracy.md ("Scare quotes: a reading").

    python benchmarks/scare_quotes_abp.py [--data PATH] [--n 100] [--seed 13] [--markdown]

Out of sample (round 17): point ``--data`` at the full release's ``data/jsons``
(37,554 articles; upstream commit ced8111a, kept outside the repository), leave
out the test split the rules were read against with ``--exclude-ids`` (a split
file, ``ID<TAB>bias``); for time, ``--articles N`` runs on N of the rest drawn
with ``--article-seed``, ``--ids FILE`` on the listed ones only. The reading in
docs/accuracy.md (36,254 articles, about 5 minutes):

    python benchmarks/scare_quotes_abp.py --data FULL/data/jsons \
        --exclude-ids ../shared/data/article-bias-prediction/splits/media/test.tsv \
        --seed 17 --n 100

Round 32: ``--titles line`` reads each article with its headline (title, blank
line, body), ``--titles stored`` as framing stores it (title and body fields;
the title's hits only, offsets into the title; "loaded hits" then counts the
title's). Round 33: ``--titles all`` keeps the hits of both fields of the
stored article (a title's written ``ID (title)``), the population a draw of
issue 13's acceptance 4 reads on a user's store.
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

from framing.detect import Detector, load_lexicon  # noqa: E402
from framing.evaluate.babe import shipped_detector  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "data" / "article-bias-prediction" / "jsons"


def read_ids(path: Path) -> set[str]:
    """The article IDs of a split file (``ID<TAB>bias``, a header line)."""
    ids = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        first = line.split("\t")[0].strip()
        if first and first != "ID":
            ids.add(first)
    return ids


def article_paths(folder: Path, exclude: set[str] = frozenset(), n: int | None = None,
                  seed: int = 0) -> list[Path]:
    """The article files of ``folder`` less the IDs ``exclude``, all or ``n`` drawn at
    random with ``seed``, in name order."""
    paths = [p for p in sorted(folder.glob("*.json")) if p.stem not in exclude]
    if n is not None and n < len(paths):
        paths = sorted(random.Random(seed).sample(paths, n))
    return paths


def articles(paths, titles: str = "none"):
    """``(ID, source, leaning, text)`` of each article: its ``content_original``;
    with ``titles="line"`` (round 32) its title, a blank line and the body, as a
    saved page reads."""
    for p in paths:
        d = json.loads(p.read_text(encoding="utf-8"))
        body = d.get("content_original") or ""
        title = (d.get("title") or "").strip()
        if titles == "line" and title:
            body = title + "\n\n" + body
        yield d["ID"], d.get("source") or "", d.get("bias_text") or "", body


def stored_articles(paths):
    """Round 32: ``(ID, source, leaning, title, body)`` of each article, for
    ``--titles stored`` (the two fields of a stored article, read by
    :meth:`framing.detect.Detector.analyze`)."""
    for p in paths:
        d = json.loads(p.read_text(encoding="utf-8"))
        yield (d["ID"], d.get("source") or "", d.get("bias_text") or "",
               (d.get("title") or "").strip(), d.get("content_original") or "")


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
    ap.add_argument("--exclude-ids", type=Path, action="append", default=[],
                    help="a split file (ID<TAB>bias) whose articles to leave out, e.g. the "
                    "test split (repeatable)")
    ap.add_argument("--ids", type=Path, help="run only on the articles listed in this file (a split "
                    "file, or one ID a line)")
    ap.add_argument("--articles", type=int, help="run on this many articles drawn at random "
                    "(--article-seed) instead of all")
    ap.add_argument("--article-seed", type=int, default=17)
    ap.add_argument("--rules-only", action="store_true", help="keep every quotation the rules "
                    "keep, without round 21's evidence model (framing.detect.scare.KEEP_ALL): "
                    "the population before the model")
    ap.add_argument("--titles", choices=("none", "line", "stored", "all"), default="none",
                    help="round 32: 'line' reads each article as its title, a blank line and "
                    "the body; 'stored' as a stored article (title and body fields) and keeps "
                    "the hits in the title only (offsets into the title); round 33: 'all' as "
                    "'stored' but keeps the hits of both fields, a title's written 'ID (title)': "
                    "the population a user's store holds")
    ap.add_argument("--hits", type=Path, help="also write every scare-quote hit (article ID, "
                    "offset, quoted words; no context) to this file, one a line, for comparing "
                    "two runs")
    args = ap.parse_args(argv)
    exclude: set[str] = set()
    for f in args.exclude_ids:
        exclude |= read_ids(f)
    paths = article_paths(args.data, exclude, args.articles, args.article_seed)
    if args.ids:
        keep = read_ids(args.ids)
        paths = [p for p in paths if p.stem in keep]
    if args.rules_only:
        from framing.detect.scare import KEEP_ALL, use_evidence_model

        use_evidence_model(KEEP_ALL)
    detector, versions = shipped_detector()
    t0 = time.perf_counter()
    found = []
    total_loaded = n_articles = 0
    if args.titles in ("stored", "all"):
        from framing.models import Article

        analyzer = Detector(load_lexicon()).fit()
        for aid, source, leaning, title, body in stored_articles(paths):
            n_articles += 1
            for h in analyzer.detect(Article(source=source, title=title, body=body, id=0)):
                if not h.loaded or (h.field != "title" and args.titles == "stored"):
                    continue
                total_loaded += 1
                if h.term == "scare quotes" and h.field == "title":
                    found.append((aid if args.titles == "stored" else f"{aid} (title)", source, leaning, h.start,
                                  context(title + " || " + body[:300], h.start, h.end), h.text))
                elif h.term == "scare quotes":
                    found.append((aid, source, leaning, h.start, context(body, h.start, h.end), h.text))
    for aid, source, leaning, body in (articles(paths, args.titles) if args.titles in ("none", "line") else ()):
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
    if args.hits:
        args.hits.write_text("".join(f"{aid}\t{start}\t{quoted}\n"
                                     for aid, _s, _l, start, _c, quoted in found), encoding="utf-8")
    if args.markdown:
        args.markdown.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
