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

Round 38 (words38): ``--fundus FOLDER`` reads fundus' hand-checked English
pages of 2023-2026 instead (flairNLP/fundus, its
``tests/resources/parser/test_data`` folder; each page's title and body from its
truth, as ``scare_quotes_fundus.py`` reads them) and runs the detector over the
stored article's two fields (:meth:`framing.detect.Detector.analyze`). Rows
then give the publisher and the page ID (publisher_date); an offset in the
title reads ``title:OFFSET``:

    git -C FUNDUS archive HEAD tests/resources | tar -x -C /tmp/fundus
    python benchmarks/loaded_hits_abp.py \\
        --fundus /tmp/fundus/tests/resources/parser/test_data --seed 38 --n 100

Round 38 (words38b): ``--zyte FILE`` reads the English bodies of Zyte's
article-extraction benchmark instead (scrapinghub/article-extraction-benchmark,
its ``ground-truth.json``: 181 news and blog pages of 2019 and earlier, each
body as a person extracted it; no titles), as ``scare_quotes_fundus.py --zyte``
does. A row's page ID is the page's key (its first 12 characters):

    git -C BENCHMARK show HEAD:ground-truth.json > /tmp/zyte-ground-truth.json
    python benchmarks/loaded_hits_abp.py --zyte /tmp/zyte-ground-truth.json --seed 3839 --n 100

Round 39 (words39): ``--trafilatura FOLDER`` reads trafilatura's evaluation
pages instead (adbar/trafilatura, its ``tests`` folder: ``evaldata.json``,
``eval/``, ``cache/``; 990 saved pages, most German), each through framing's
HTML loader as ``framing add`` reads it (``loaders_external.py``'s
``_parse``), title and body as stored; the pages whose body is English by
``scare_quotes_fundus.english`` are kept. A row's page ID is the saved file's
name without ``.html``:

    git -C TRAFILATURA archive HEAD tests/evaldata.json tests/eval tests/cache | tar -x -C /tmp/traf
    python benchmarks/loaded_hits_abp.py --trafilatura /tmp/traf/tests --seed 39 --n 100

Round 40 (words40): ``--neus PATH`` reads NeuS-AllSides' same-story sets instead
(``raw_crawled/*crawled_all.jsonl`` or its folder; each story's left, center
and right article, title and body excerpt, as ``framing eval grouping`` reads
them). A row's page ID is ``STORY/SIDE``, its source the outlet and its
leaning the side. With leanings the script also prints, per leaning, the words
read, the hits per 1,000 words by category and, with ``--judged``, the judged
hits that were wrong (wrong sense or neutral) by category; ``--stratify``
draws the sample in equal shares from each leaning:

    python benchmarks/loaded_hits_abp.py --neus ../shared/data/neus-allsides \
        --stratify --seed 40 --n 99
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


def abp_hits(args):
    """``(versions, articles, scare quotes, rows)`` of the Article-Bias-Prediction run:
    one row a loaded non-scare hit, ``(ID, source, leaning, field, start, text,
    category, entry, voice, probability, context)``."""
    exclude: set[str] = set()
    for f in args.exclude_ids:
        exclude |= read_ids(f)
    paths = article_paths(args.data, exclude, args.articles, args.article_seed)
    detector, versions = shipped_detector()
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
            found.append((aid, source, leaning, "body", h.start, h.text, h.category, h.term,
                          h.voice, round(h.probability, 3), context(body, h.start, h.end)))
    return versions, n_articles, n_scare, found


def page_hits(pages, words: Counter | None = None):
    """The same for pages given as ``(page ID, title, body)``, each read as a stored
    article (title and body): fundus' English pages (``scare_quotes_fundus.pages``)
    or Zyte's benchmark bodies (``scare_quotes_fundus.zyte_pages``). The
    publisher is the page ID before its last ``_`` (fundus' ``Publisher_date``;
    Zyte's IDs and trafilatura's file names have none, so the whole ID). A page
    given as ``(page ID, title, body, publisher, leaning)`` names its own
    (NeuS, :func:`neus_pages`). ``words``, if given, counts the words read by
    leaning."""
    from framing.detect import Detector, load_lexicon
    from framing.models import Article

    detector = Detector(load_lexicon()).fit()
    versions = {"lexicon": detector.lexicon.version, "model": detector.model.version}
    found = []
    n_pages = n_scare = 0
    for pid, title, body, *named in pages:
        n_pages += 1
        publisher, leaning = named if named else (pid.rsplit("_", 1)[0], "")
        if words is not None:
            words[leaning] += len(title.split()) + len(body.split())
        for h in detector.analyze(Article(source="", title=title, body=body, id=0)).hits:
            if not h.loaded:
                continue
            if h.term == "scare quotes":
                n_scare += 1
                continue
            text = title if h.field == "title" else body
            found.append((pid, publisher, leaning, h.field, h.start, h.text, h.category, h.term,
                          h.voice, round(h.probability, 3), context(text, h.start, h.end)))
    return versions, n_pages, n_scare, found


def trafilatura_pages(folder: Path):
    """``(page ID, title, body)`` of every English page of trafilatura's evaluation
    set under ``folder`` (its ``tests`` folder), read by framing's HTML loader, in
    file-name order. A page the loader cannot read is left out, as no article."""
    from loaders_external import _parse, _trafilatura_pages
    from scare_quotes_fundus import english

    for path, _item in sorted(_trafilatura_pages(folder), key=lambda p: p[0].name):
        try:
            a = _parse(path, decoded=True)
        except Exception:  # noqa: BLE001 - the loader's own error: no article to read
            continue
        if english(a.body or ""):
            yield path.name.removesuffix(".html"), a.title or "", a.body


def neus_pages(path: Path):
    """``(STORY/SIDE, title, body, outlet, side)`` of every article of NeuS-AllSides'
    same-story sets at ``path`` (the JSONL or its folder), read as
    :func:`framing.evaluate.grouping.load_neus` reads them, in file order."""
    from framing.evaluate.grouping import load_neus

    for a in load_neus(path)[0]:
        yield a.source, a.title or "", a.body, a.outlet or "", a.source.rsplit("/", 1)[1]


def draw(rows, n: int, seed: int, stratify: bool):
    """``n`` rows drawn at ``seed``, sorted; with ``stratify``, equal shares (the
    remainder to the first leanings in name order) drawn from each leaning."""
    rng = random.Random(seed)
    if not stratify:
        return sorted(rng.sample(rows, min(n, len(rows))))
    by_leaning: dict[str, list] = {}
    for r in rows:
        by_leaning.setdefault(r[2], []).append(r)
    names = sorted(by_leaning)
    out = []
    for i, name in enumerate(names):
        share = n // len(names) + (i < n % len(names))
        out += rng.sample(by_leaning[name], min(share, len(by_leaning[name])))
    return sorted(out)


WRONG = ("wrong sense", "neutral")


def leaning_table(found, words: Counter, judged: dict) -> list[str]:
    """Lines of the per-leaning summary: words read, hits per 1,000 words by
    category, and the judged hits that were wrong (wrong sense or neutral) by
    category, ``wrong/judged``."""
    cats = sorted({f[6] for f in found})
    lines = ["leaning | words | hits / 1,000 words: all, " + ", ".join(cats)
             + " | judged wrong: all, " + ", ".join(cats)]
    for leaning in sorted(words):
        rows = [f for f in found if f[2] == leaning]
        k = 1000 / max(words[leaning], 1)
        per = [f"{len(rows) * k:.2f}"] + [f"{sum(f[6] == c for f in rows) * k:.2f}" for c in cats]
        seen = [(f[6], judged[hit_key(f)]) for f in rows if hit_key(f) in judged]

        def share(items):
            return f"{sum(j in WRONG for _c, j in items)}/{len(items)}"

        wrong = [share(seen)] + [share([s for s in seen if s[0] == c]) for c in cats]
        lines.append(f"{leaning} | {words[leaning]} | " + ", ".join(per) + " | " + ", ".join(wrong))
    return lines


def hit_key(row) -> tuple[str, str, int, str]:
    """``(page, field, offset, word)`` of a hit row."""
    return row[0], row[3], row[4], row[5]


def read_judged(paths) -> dict[tuple[str, str, int, str], str]:
    """``(page, field, offset, word) -> judgement`` of judged files (see ``--judged``)."""
    out = {}
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines()[1:]:
            cols = line.split("\t")
            if len(cols) >= 6:
                out[(cols[0], cols[1], int(cols[2]), cols[3])] = cols[5]
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT)
    ap.add_argument("--fundus", type=Path, help="fundus' tests/resources/parser/test_data "
                    "folder: read its English pages instead of --data (round 38)")
    ap.add_argument("--zyte", type=Path, help="Zyte's article-extraction benchmark "
                    "ground-truth.json: read its English bodies instead of --data (round 38, "
                    "words38b)")
    ap.add_argument("--trafilatura", type=Path, help="trafilatura's tests folder (evaldata.json, "
                    "eval/, cache/): read its English pages through the HTML loader instead of "
                    "--data (round 39)")
    ap.add_argument("--neus", type=Path, help="NeuS-AllSides' crawled_all.jsonl or its folder: "
                    "read each story's left, center and right articles instead of --data, "
                    "keeping the side as the leaning (round 40)")
    ap.add_argument("--stratify", action="store_true", help="draw the sample in equal shares "
                    "from each leaning")
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--seed", type=int, default=24)
    ap.add_argument("--exclude-ids", type=Path, action="append", default=[],
                    help="a split file (ID<TAB>bias) whose articles to leave out (repeatable)")
    ap.add_argument("--articles", type=int, help="run on this many articles drawn at random "
                    "(--article-seed) instead of all")
    ap.add_argument("--article-seed", type=int, default=24)
    ap.add_argument("--entries", type=int, default=30, help="print the this many commonest entries")
    ap.add_argument("--hits", type=Path, help="also write every hit (article ID, source, "
                    "leaning, field, offset, word, category, entry, voice, probability; no "
                    "context) to this file, one a line")
    ap.add_argument("--judged", type=Path, action="append", default=[],
                    help="a judged file (a header, then page, field, offset, word, entry, "
                    "judgement, voice judged, note; round 38's "
                    "benchmarks/data/loaded_fundus_judged.tsv): leave its hits out of the sample "
                    "(a new blind draw) and count its rows that are still hits, by judgement "
                    "(repeatable)")
    args = ap.parse_args(argv)
    t0 = time.process_time()
    words: Counter = Counter()
    if args.neus:
        versions, n_articles, n_scare, found = page_hits(neus_pages(args.neus), words)
    elif args.trafilatura:
        versions, n_articles, n_scare, found = page_hits(trafilatura_pages(args.trafilatura))
    elif args.fundus or args.zyte:
        from scare_quotes_fundus import pages, zyte_pages

        versions, n_articles, n_scare, found = page_hits(
            pages(args.fundus) if args.fundus else zyte_pages(args.zyte))
    else:
        versions, n_articles, n_scare, found = abp_hits(args)
    dt = time.process_time() - t0
    found.sort()
    unit = "pages" if args.fundus or args.zyte or args.trafilatura else "articles"
    print(f"{n_articles} {unit}, {len(found)} loaded non-scare hits, {n_scare} scare quotes; "
          f"lexicon {versions['lexicon']}, model {versions['model']}; {dt:.0f} s CPU")
    cats = Counter(f[6] for f in found)
    print("by category: " + ", ".join(f"{c} {n}" for c, n in cats.most_common()))
    voices = Counter(f[8] for f in found)
    print("by voice: " + ", ".join(f"{c} {n}" for c, n in voices.most_common()))
    terms = Counter((f[6], f[7]) for f in found)
    print("commonest entries: " + ", ".join(f"{t} ({c}) {n}"
                                           for (c, t), n in terms.most_common(args.entries)))
    judged = read_judged(args.judged)
    if judged:
        still = Counter(judged[k] for k in (hit_key(f) for f in found) if k in judged)
        print(f"judged before: {len(judged)}, still hits {sum(still.values())} ("
              + ", ".join(f"{lab} {n}" for lab, n in sorted(still.items())) + ")")
    if words:
        print("\n".join(leaning_table(found, words, judged)))
    unjudged = [f for f in found if hit_key(f) not in judged]
    sample = draw(unjudged, args.n, args.seed, args.stratify)
    print(f"sample of {len(sample)}, seed {args.seed}"
          + (", " + ", ".join(f"{k} {v}" for k, v in sorted(Counter(f[2] for f in sample).items()))
             if args.stratify else ""))
    for i, (aid, source, leaning, fld, start, text, cat, term, voice, p, ctx) \
            in enumerate(sample, 1):
        at = start if fld == "body" else f"{fld}:{start}"
        where = f"{source}, {leaning}" if leaning else source
        print(f"{i:3d} [{where}] {aid} @ {at} | {text} | {cat} / {term} | "
              f"{voice} | {p}\n    {ctx}")
    if args.hits:
        args.hits.write_text("".join("\t".join(str(x) for x in f[:10]) + "\n" for f in found),
                             encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
