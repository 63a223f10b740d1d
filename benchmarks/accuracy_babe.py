"""Measure the loaded-language detector against BABE (Spinde et al. 2021).

BABE ("Bias Annotations By Experts", Findings of EMNLP 2021) is 3,674 sentences
from US news outlets, each labelled Biased / Non-biased by a majority of five
expert annotators, with the words they marked as biased. Every sentence
becomes an :class:`framing.models.Article` (body = the sentence) and goes
through :meth:`framing.detect.Detector.detect` with the shipped lexicon and classifier.
Printed:

* sentence level: precision / recall / F1 of "at least one loaded hit" against
  the label Biased ("No agreement" rows skipped), and the same for the raw
  lexicon ("at least one candidate", loaded or not) and for always "Biased";
* word level: of the loaded hits in Biased sentences, the share whose words
  overlap the annotators' biased words (case-insensitive tokens), and the
  share of the annotators' biased words that some loaded hit covers;
* per category: candidates, loaded hits, and how many loaded hits fall in
  Biased sentences; the most frequent terms.

framing's lexicon is small and written for conflict and diplomacy framing;
BABE is about US politics. Expect low recall: the numbers are an honest
baseline, and precision is what matters. See ``docs/accuracy-babe.md``.

    python benchmarks/accuracy_babe.py [--data PATH] [--limit N]

The data lives outside the repository (``../shared/data/babe``); nothing of it
is copied here.
"""

from __future__ import annotations

import argparse
import ast
import math
import csv
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from framing.detect import Detector, load_lexicon  # noqa: E402
from framing.models import CATEGORIES, Article  # noqa: E402

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "babe" / "final_labels_SG2.csv"

_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def tokens(text: str) -> set[str]:
    """Lower-case word tokens; "Trump's" gives "trump's", "trump" and "s"."""
    out = set()
    for m in _TOKEN.finditer(text.lower()):
        w = m.group().replace("’", "'")
        out.add(w)
        out.update(p for p in w.split("'") if p)
    return out


def parse_words(cell: str) -> list[str]:
    """The ``biased_words`` cell, a Python-style list literal (``[]`` if unreadable)."""
    cell = (cell or "").strip()
    if not cell:
        return []
    try:
        value = ast.literal_eval(cell)
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        return []
    if not isinstance(value, (list, tuple)):
        return []
    return [str(w) for w in value if str(w).strip()]


def load(path: Path, limit: int | None = None) -> list[dict]:
    rows = []
    with path.open(encoding="utf-8-sig", newline="") as fh:
        for i, row in enumerate(csv.DictReader(fh, delimiter=";")):
            label = (row.get("label_bias") or "").strip()
            if label not in ("Biased", "Non-biased"):
                continue  # "No agreement"
            rows.append({"n": i + 1, "text": row["text"], "biased": label == "Biased",
                         "outlet": row.get("outlet") or "", "words": parse_words(row.get("biased_words", ""))})
            if limit is not None and len(rows) >= limit:
                break
    return rows


def wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """95% Wilson score interval of a proportion k/n."""
    if n == 0:
        return (0.0, 0.0)
    p = k / n
    mid = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return (mid - half, mid + half)


def prf(pred: list[bool], gold: list[bool]) -> dict[str, float]:
    tp = sum(p and g for p, g in zip(pred, gold))
    fp = sum(p and not g for p, g in zip(pred, gold))
    fn = sum(g and not p for p, g in zip(pred, gold))
    tn = len(gold) - tp - fp - fn
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "tn": tn, "precision": prec, "recall": rec, "f1": f1,
            "flagged": tp + fp}


def evaluate(rows: list[dict]) -> dict:
    lexicon = load_lexicon()
    detector = Detector(lexicon).fit()
    classifier = detector.model
    t0 = time.perf_counter()
    per_row = []
    for r in rows:
        hits = detector.detect(Article(source=f"babe:{r['n']}", body=r["text"], id=r["n"]))
        per_row.append(hits)
    elapsed = time.perf_counter() - t0

    gold = [r["biased"] for r in rows]
    sent = {
        "framing (>=1 loaded hit)": prf([any(h.loaded for h in hs) for hs in per_row], gold),
        "raw lexicon (>=1 candidate)": prf([bool(hs) for hs in per_row], gold),
        "always Biased": prf([True] * len(rows), gold),
    }

    # word level, over Biased sentences
    loaded_in_biased = overlapping = 0
    cat_overlap: Counter = Counter()
    words_total = words_covered = words_in_text = 0
    for r, hs in zip(rows, per_row):
        if not r["biased"]:
            continue
        gold_toks = [tokens(w) for w in r["words"]]
        gold_all = set().union(*gold_toks) if gold_toks else set()
        loaded = [h for h in hs if h.loaded]
        hit_toks = [tokens(h.text) for h in loaded]
        for h, ht in zip(loaded, hit_toks):
            loaded_in_biased += 1
            overlapping += bool(ht & gold_all)
            cat_overlap[h.category] += bool(ht & gold_all)
        covered = set().union(*hit_toks) if hit_toks else set()
        text_toks = tokens(r["text"])
        for wt in {frozenset(t) for t in gold_toks if t}:
            words_total += 1
            words_in_text += bool(wt & text_toks)
            words_covered += bool(wt & covered)

    cats: dict[str, Counter] = {c: Counter() for c in CATEGORIES}
    terms_b: Counter = Counter()
    terms_n: Counter = Counter()
    voices: Counter = Counter()
    for r, hs in zip(rows, per_row):
        for h in hs:
            c = cats[h.category]
            c["candidates"] += 1
            if h.loaded:
                c["loaded"] += 1
                c["loaded_in_biased"] += r["biased"]
                voices[h.voice] += 1
                (terms_b if r["biased"] else terms_n)[h.term] += 1
    for cat, c in cats.items():
        c["word_overlap"] = cat_overlap[cat]
    return {
        "n": len(rows), "biased": sum(gold), "seconds": elapsed, "sentence": sent,
        "word": {"loaded_in_biased": loaded_in_biased, "overlapping": overlapping,
                 "words_total": words_total, "words_in_text": words_in_text,
                 "words_covered": words_covered},
        "categories": cats, "terms_biased": terms_b, "terms_nonbiased": terms_n, "voices": voices,
        "lexicon_version": lexicon.version, "model_version": classifier.version,
    }


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:5.1f}%" if b else "   n/a"


def report(res: dict, path: Path) -> None:
    print(f"BABE SG2 ({path.name}): {res['n']} sentences ({res['biased']} Biased, "
          f"{res['n'] - res['biased']} Non-biased; 'No agreement' skipped)")
    print(f"lexicon {res['lexicon_version']}, model {res['model_version']}; "
          f"detect() took {res['seconds']:.2f} s ({res['n'] / res['seconds']:.0f} sentences/s)")
    print()
    print("sentence level: flagged = Biased")
    print(f"  {'predictor':28s} {'flagged':>7s} {'TP':>5s} {'FP':>5s} {'FN':>5s} {'prec':>6s} "
          f"{'(95% CI)':>13s} {'recall':>6s} {'F1':>6s}")
    for name, m in res["sentence"].items():
        lo, hi = wilson(m["tp"], m["flagged"])
        print(f"  {name:28s} {m['flagged']:7d} {m['tp']:5d} {m['fp']:5d} {m['fn']:5d} "
              f"{m['precision']:6.3f} ({lo:.3f}-{hi:.3f}) {m['recall']:6.3f} {m['f1']:6.3f}")
    w = res["word"]
    print()
    print("word level (Biased sentences only)")
    print(f"  loaded hits overlapping an annotated biased word: {w['overlapping']}/{w['loaded_in_biased']} "
          f"{_pct(w['overlapping'], w['loaded_in_biased'])}")
    print(f"  annotated biased words covered by a loaded hit:   {w['words_covered']}/{w['words_total']} "
          f"{_pct(w['words_covered'], w['words_total'])}  ({w['words_in_text']} of them found in the text)")
    print()
    print("per category")
    print(f"  {'category':12s} {'candidates':>10s} {'loaded':>7s} {'in Biased':>10s} {'share':>6s} "
          f"{'on a biased word':>17s}")
    for cat, c in res["categories"].items():
        print(f"  {cat:12s} {c['candidates']:10d} {c['loaded']:7d} {c['loaded_in_biased']:10d} "
              f"{_pct(c['loaded_in_biased'], c['loaded'])} {c['word_overlap']:7d} "
              f"{_pct(c['word_overlap'], c['loaded_in_biased']):>9s}")
    print("  loaded hits by voice: " + ", ".join(f"{v} {n}" for v, n in sorted(res["voices"].items())))
    print()
    allterms = res["terms_biased"] + res["terms_nonbiased"]
    print("most frequent loaded terms (in Biased / in Non-biased sentences)")
    for term, n in sorted(allterms.items(), key=lambda kv: (-kv[1], kv[0]))[:15]:
        print(f"  {term:24s} {res['terms_biased'][term]:4d} / {res['terms_nonbiased'][term]:<4d}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA,
                        help="BABE final_labels_SG2.csv (default: %(default)s)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N labelled sentences")
    args = parser.parse_args(argv)
    if args.data.is_dir():
        args.data = args.data / "final_labels_SG2.csv"
    if not args.data.is_file():
        raise SystemExit(f"BABE not found at {args.data}: pass --data PATH")
    rows = load(args.data, args.limit)
    if not rows:
        raise SystemExit(f"no labelled sentences in {args.data}")
    report(evaluate(rows), args.data)
    return 0


if __name__ == "__main__":
    sys.exit(main())
