"""BABE (Spinde, Plank, Krieger, Ruas, Gipp, Aizawa, Findings of EMNLP 2021):
how far framing's loaded-language flags agree with expert labels, and whether
they fall alike on outlets of every leaning.

Each labelled sentence of ``final_labels_SG2.csv`` (``;``-separated, UTF-8
with BOM; "No agreement" rows skipped) is run through the detector on its own.
A sentence counts as flagged ("Biased") when it has at least one *loaded* hit.

* **sentence level** — precision, recall, F1 of Biased and macro-F1, with a
  Wilson interval for precision and percentile bootstrap intervals for F1 and
  macro-F1 (resampling sentences, fixed seed);
* **word level** — per sentence, the set of word tokens of the loaded hits
  (a scare quote contributes its quoted words) against the tokens of the
  annotators' ``biased_words``; precision, recall, F1 over all sentences;
* **even-handedness** — false-positive rate (flagged Non-biased sentences) and
  true-positive rate per outlet leaning (``type``: left/center/right; rows
  without one are left out here) with Wilson intervals; the max/min FPR ratio
  with a bootstrap interval; for every category, the share of its candidates
  in Non-biased sentences judged loaded, per leaning, and the max/min ratio;
  FPR per outlet.

Nothing of the data set is copied anywhere; the caller passes its path.
"""

from __future__ import annotations

import ast
import csv
import re
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..models import Hit
from .stats import binary_scores, bootstrap_binary, bootstrap_ratio, prf, ratio, rounded, wilson

SG2 = "final_labels_SG2.csv"
LEANINGS = ("left", "center", "right")
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


@dataclass(frozen=True)
class BabeRow:
    """One labelled sentence (``n`` is its 1-based row number in the file)."""

    n: int
    text: str
    biased: bool
    outlet: str
    leaning: str
    words: tuple[str, ...]


def babe_file(path: str | Path) -> Path:
    """The SG2 file for a path that is the file itself or the folder holding it."""
    p = Path(path)
    if p.is_dir():
        p = p / SG2
    if not p.is_file():
        raise InputError(str(p), "no BABE file here (expected final_labels_SG2.csv or its folder)")
    return p


def load_babe(path: str | Path, limit: int | None = None, every: int = 1) -> list[BabeRow]:
    """The labelled sentences of a BABE CSV (Biased / Non-biased only); with
    ``every`` > 1 only every n-th of them (a fixed subset: the 1st, the
    (n+1)th, ...)."""
    p = babe_file(path)
    rows: list[BabeRow] = []
    seen = 0
    try:
        with p.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh, delimiter=";")
            missing = {"text", "label_bias"} - set(reader.fieldnames or ())
            if missing:
                raise InputError(str(p), f"not a BABE file: no column {', '.join(sorted(missing))}")
            for i, row in enumerate(reader, 1):
                label = (row.get("label_bias") or "").strip()
                if label not in ("Biased", "Non-biased"):
                    continue
                seen += 1
                if (seen - 1) % every:
                    continue
                rows.append(BabeRow(
                    n=i, text=row.get("text") or "", biased=label == "Biased",
                    outlet=(row.get("outlet") or "").strip(),
                    leaning=(row.get("type") or "").strip().lower(),
                    words=tuple(parse_words(row.get("biased_words") or "")),
                ))
                if limit is not None and len(rows) >= limit:
                    break
    except UnicodeDecodeError as exc:
        raise InputError(str(p), f"not UTF-8 ({exc.reason})") from None
    if not rows:
        raise InputError(str(p), "no sentence labelled Biased or Non-biased")
    return rows


def file_digest(path: Path) -> str:
    """SHA-256 of a data file, so results say exactly which data they came from."""
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


def parse_words(cell: str) -> list[str]:
    """The ``biased_words`` cell, a Python-style list literal ([] if unreadable)."""
    cell = cell.strip()
    if not cell:
        return []
    try:
        value = ast.literal_eval(cell)
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        return []
    if not isinstance(value, (list, tuple)):
        return []
    return [str(w) for w in value if str(w).strip()]


def tokens(text: str) -> set[str]:
    """Lower-case word tokens; "Trump's" gives "trump's", "trump" and "s"."""
    out: set[str] = set()
    for m in _TOKEN.finditer(text.lower()):
        w = m.group().replace("’", "'")
        out.add(w)
        out.update(part for part in w.split("'") if part)
    return out


# -- running the detector -----------------------------------------------------

Detector = Callable[[str], list[Hit]]


def shipped_detector(lexicon_dirs: Sequence[str | Path] = ()) -> tuple[Detector, dict[str, str]]:
    """A function sentence -> hits using framing's :class:`~framing.detect.Detector`,
    and the versions it ran with (see :func:`framing.sentence_model.sentence_detector`)."""
    from ..sentence_model import sentence_detector

    return sentence_detector(lexicon_dirs)


# -- the evaluation ------------------------------------------------------------

def evaluate_babe(path: str | Path, *, lexicon_dirs: Sequence[str | Path] = (),
                  limit: int | None = None, every: int = 1, bootstrap: int = 1000, seed: int = 0,
                  train: bool = False, folds: int = 5,
                  detector: Detector | None = None) -> dict[str, Any]:
    """Every part of the BABE evaluation as one JSON-ready dict (see the module docstring)."""
    rows = load_babe(path, limit, every)
    versions: dict[str, str] = {}
    if detector is None:
        detector, versions = shipped_detector(lexicon_dirs)
    t0 = time.perf_counter()
    per_row = [detector(r.text) for r in rows]
    seconds = time.perf_counter() - t0
    gold = [r.biased for r in rows]
    flagged = [any(h.loaded for h in hs) for hs in per_row]
    raw = [bool(hs) for hs in per_row]

    sentence = binary_scores(flagged, gold)
    sentence.update({"precision_ci": wilson(sentence["tp"], sentence["flagged"]),
                     **{f"{k}_ci": v for k, v in bootstrap_binary(
                         flagged, gold, n=bootstrap, seed=seed).items() if k != "precision"}})
    result: dict[str, Any] = {
        "data": {"file": babe_file(path).name, "sha256": file_digest(babe_file(path)),
                 "every": every, "sentences": len(rows), "biased": sum(gold),
                 "non_biased": len(rows) - sum(gold)},
        "versions": versions,
        "sentence": sentence,
        "baselines": {"raw_lexicon": binary_scores(raw, gold),
                      "always_biased": binary_scores([True] * len(rows), gold)},
        "word": _word_level(rows, per_row),
        "even_handedness": _even_handedness(rows, per_row, flagged, bootstrap, seed),
        "categories": _categories(rows, per_row),
        "top_terms": _top_terms(rows, per_row),
        "seconds": {"detect": seconds},
    }
    if train:
        from .sentence_cv import cross_validate_rows

        t1 = time.perf_counter()
        result["trained"] = cross_validate_rows(
            [r.text for r in rows], gold, [r.outlet or f"row{r.n}" for r in rows],
            lexicon_dirs=lexicon_dirs, folds=folds, seed=seed)
        result["seconds"]["train_cv"] = time.perf_counter() - t1
    return rounded(result)


def _hit_tokens(h: Hit) -> set[str]:
    text = h.text
    if h.term == "scare quotes":
        text = text.strip("\"'“”‘’„«»‹› ")
    return tokens(text)


def _word_level(rows: Sequence[BabeRow], per_row: Sequence[list[Hit]]) -> dict[str, Any]:
    tp = fp = fn = 0
    for r, hs in zip(rows, per_row):
        pred: set[str] = set()
        for h in hs:
            if h.loaded:
                pred |= _hit_tokens(h)
        gold: set[str] = set()
        for w in r.words:
            gold |= {t for t in tokens(w) if "'" not in t}
        pred = {t for t in pred if "'" not in t}
        tp += len(pred & gold)
        fp += len(pred - gold)
        fn += len(gold - pred)
    p, rec, f = prf(tp, fp, fn)
    return {"tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": rec, "f1": f,
            "precision_ci": wilson(tp, tp + fp), "recall_ci": wilson(tp, tp + fn)}


def _even_handedness(rows: Sequence[BabeRow], per_row: Sequence[list[Hit]],
                     flagged: Sequence[bool], bootstrap: int, seed: int) -> dict[str, Any]:
    by_leaning: dict[str, Any] = {}
    fp_vectors: dict[str, list[bool]] = {}
    for lean in LEANINGS:
        neg = [f for r, f in zip(rows, flagged) if r.leaning == lean and not r.biased]
        pos = [f for r, f in zip(rows, flagged) if r.leaning == lean and r.biased]
        if not neg and not pos:
            continue
        fp_vectors[lean] = neg
        by_leaning[lean] = {
            "non_biased": len(neg), "false_positives": sum(neg),
            "fpr": sum(neg) / len(neg) if neg else 0.0, "fpr_ci": wilson(sum(neg), len(neg)),
            "biased": len(pos), "true_positives": sum(pos),
            "tpr": sum(pos) / len(pos) if pos else 0.0, "tpr_ci": wilson(sum(pos), len(pos)),
        }
    fprs = [v["fpr"] for v in by_leaning.values()]
    tprs = [v["tpr"] for v in by_leaning.values()]
    # Per category: of the candidates in Non-biased sentences, the share judged loaded.
    cats: dict[str, dict[str, Any]] = {}
    for r, hs in zip(rows, per_row):
        if r.biased or r.leaning not in LEANINGS:
            continue
        for h in hs:
            c = cats.setdefault(h.category, {lean: [0, 0] for lean in by_leaning})
            if r.leaning in c:
                c[r.leaning][0] += 1
                c[r.leaning][1] += int(h.loaded)
    category_rates: dict[str, Any] = {}
    for cat in sorted(cats):
        per = {lean: {"candidates": n, "loaded": k, "rate": k / n if n else 0.0,
                      "rate_ci": wilson(k, n)} for lean, (n, k) in cats[cat].items()}
        rated = [v["rate"] for v in per.values() if v["candidates"]]
        category_rates[cat] = {"by_leaning": per, "ratio": ratio(rated)}
    outlets: dict[str, list[bool]] = {}
    for r, f in zip(rows, flagged):
        if not r.biased and r.outlet:
            outlets.setdefault(r.outlet, []).append(f)
    return {
        "by_leaning": by_leaning,
        "fpr_ratio": ratio(fprs), "fpr_ratio_ci": bootstrap_ratio(fp_vectors, n=bootstrap, seed=seed),
        "tpr_ratio": ratio(tprs),
        "category_flag_rate": category_rates,
        "fpr_by_outlet": {o: {"non_biased": len(v), "false_positives": sum(v),
                              "fpr": sum(v) / len(v), "fpr_ci": wilson(sum(v), len(v))}
                          for o, v in sorted(outlets.items())},
    }


def _categories(rows: Sequence[BabeRow], per_row: Sequence[list[Hit]]) -> dict[str, Any]:
    out: dict[str, Counter] = {}
    for r, hs in zip(rows, per_row):
        for h in hs:
            c = out.setdefault(h.category, Counter())
            c["candidates"] += 1
            if h.loaded:
                c["loaded"] += 1
                c["loaded_in_biased"] += int(r.biased)
    return {cat: {"candidates": c["candidates"], "loaded": c["loaded"],
                  "loaded_in_biased": c["loaded_in_biased"],
                  "precision": c["loaded_in_biased"] / c["loaded"] if c["loaded"] else 0.0}
            for cat, c in sorted(out.items())}


def _top_terms(rows: Sequence[BabeRow], per_row: Sequence[list[Hit]], n: int = 20) -> list[Any]:
    b: Counter = Counter()
    nb: Counter = Counter()
    for r, hs in zip(rows, per_row):
        for h in hs:
            if h.loaded:
                (b if r.biased else nb)[h.term] += 1
    total = b + nb
    return [{"term": t, "in_biased": b[t], "in_non_biased": nb[t]}
            for t, _ in sorted(total.items(), key=lambda kv: (-kv[1], kv[0]))[:n]]


# -- the table -------------------------------------------------------------------

def _f(x: Any) -> str:
    return x if isinstance(x, str) else f"{x:.3f}"


def _ci(pair: Sequence[float]) -> str:
    return f"({_f(pair[0])}–{_f(pair[1])})"


def render_babe(res: dict[str, Any]) -> str:
    """The evaluation as a plain-text table for the terminal."""
    d = res["data"]
    s = res["sentence"]
    lines = [f"BABE {d['file']}: {d['sentences']} sentences ({d['biased']} Biased, "
             f"{d['non_biased']} Non-biased)"]
    if res.get("versions"):
        lines.append(f"lexicon {res['versions']['lexicon']}, model {res['versions']['model']}; "
                     f"detection took {res['seconds']['detect']:.1f} s")
    lines += ["", "Sentence level (flagged = at least one loaded hit)",
              f"  {'predictor':22s} {'flagged':>7s} {'precision':>9s} {'(95% CI)':>15s} "
              f"{'recall':>6s} {'F1':>6s} {'(95% CI)':>15s} {'macro-F1':>8s} {'(95% CI)':>15s}",
              f"  {'framing':22s} {s['flagged']:7d} {_f(s['precision']):>9s} {_ci(s['precision_ci']):>15s} "
              f"{_f(s['recall']):>6s} {_f(s['f1']):>6s} {_ci(s['f1_ci']):>15s} "
              f"{_f(s['macro_f1']):>8s} {_ci(s['macro_f1_ci']):>15s}"]
    for name, b in res["baselines"].items():
        lines.append(f"  {name.replace('_', ' '):22s} {b['flagged']:7d} {_f(b['precision']):>9s} {'':15s} "
                     f"{_f(b['recall']):>6s} {_f(b['f1']):>6s} {'':15s} {_f(b['macro_f1']):>8s}")
    w = res["word"]
    lines += ["", "Word level (tokens of loaded hits vs the annotated biased words, all sentences)",
              f"  precision {_f(w['precision'])} {_ci(w['precision_ci'])}  recall {_f(w['recall'])} "
              f"{_ci(w['recall_ci'])}  F1 {_f(w['f1'])}   (TP {w['tp']}, FP {w['fp']}, FN {w['fn']})"]
    e = res["even_handedness"]
    lines += ["", "Even-handedness by outlet leaning",
              f"  {'leaning':8s} {'FPR':>6s} {'(95% CI)':>15s} {'FP/non-biased':>14s} "
              f"{'TPR':>6s} {'(95% CI)':>15s} {'TP/biased':>10s}"]
    for lean, v in e["by_leaning"].items():
        lines.append(f"  {lean:8s} {_f(v['fpr']):>6s} {_ci(v['fpr_ci']):>15s} "
                     f"{v['false_positives']:>6d}/{v['non_biased']:<7d} {_f(v['tpr']):>6s} "
                     f"{_ci(v['tpr_ci']):>15s} {v['true_positives']:>4d}/{v['biased']:<5d}")
    fr = e["fpr_ratio"]
    lines.append(f"  FPR ratio max/min {_f(fr) if fr is not None else 'n/a'} "
                 f"(bootstrap 95% CI {_ci(e['fpr_ratio_ci'])}); TPR ratio "
                 f"{_f(e['tpr_ratio']) if e['tpr_ratio'] is not None else 'n/a'}")
    lines += ["", "  Share of each category's candidates judged loaded in Non-biased sentences",
              f"  {'category':12s} " + " ".join(f"{lean:>14s}" for lean in e["by_leaning"]) + "   ratio"]
    for cat, v in e["category_flag_rate"].items():
        cells = " ".join(f"{_f(x['rate'])} ({x['loaded']:>3d}/{x['candidates']:<3d})"
                         for x in v["by_leaning"].values())
        r = v["ratio"]
        lines.append(f"  {cat:12s} {cells}   {_f(r) if r is not None else 'n/a'}")
    lines += ["", "  FPR per outlet (Non-biased sentences)"]
    for o, v in e["fpr_by_outlet"].items():
        lines.append(f"  {o[:28]:28s} {_f(v['fpr'])} {_ci(v['fpr_ci'])} {v['false_positives']}/{v['non_biased']}")
    lines += ["", "Per category: candidates, loaded, loaded in Biased sentences",
              f"  {'category':12s} {'candidates':>10s} {'loaded':>7s} {'in Biased':>9s} {'precision':>9s}"]
    for cat, c in res["categories"].items():
        lines.append(f"  {cat:12s} {c['candidates']:10d} {c['loaded']:7d} {c['loaded_in_biased']:9d} "
                     f"{_f(c['precision']):>9s}")
    lines += ["", "Most frequent loaded terms (in Biased / in Non-biased sentences)"]
    lines += [f"  {t['term'][:26]:26s} {t['in_biased']:4d} / {t['in_non_biased']}" for t in res["top_terms"]]
    if "trained" in res:
        lines += ["", render_cv(res["trained"])]
    return "\n".join(lines) + "\n"


def render_cv(cv: dict[str, Any]) -> str:
    lines = [f"Trained sentence model ({cv['model']}), cross-validated on these sentences"]
    for name in ("stratified", "grouped"):
        v = cv.get(name)
        if not v:
            continue
        label = {"stratified": f"{v['folds']}-fold stratified",
                 "grouped": f"{v['folds']}-fold grouped by outlet"}[name]
        lines.append(f"  {label:28s} macro-F1 {_f(v['macro_f1'])} {_ci(v['macro_f1_ci'])}  "
                     f"F1(Biased) {_f(v['f1'])}  precision {_f(v['precision'])}  recall {_f(v['recall'])}")
    return "\n".join(lines)
