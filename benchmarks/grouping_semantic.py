"""Measure a static sentence-vector model beside grouping's tf-idf on NeuS-AllSides.

Issue 11 asks for undated coverage of one event to group at B-cubed F1 0.85;
bag-of-words similarity has read at most 0.822 however weighted (see
docs/accuracy.md, "Event grouping"). This script measures what a semantic
model that installs with its weights (no model hub at run time) adds:
WordLlama (``pip install wordllama``; MIT; 256-dimensional static token
vectors in the wheel), pooled over each article's tokens, its cosine blended
into each candidate pair's score before the date evidence:

    score = (1 - w) * tf-idf cosine + w * semantic cosine mapped onto the tf-idf scale

``--map z`` matches the semantic cosines' mean and spread to the tf-idf
scores', ``--map rank`` gives each pair the tf-idf score of the same rank, so
that the threshold keeps its meaning either way. Pooling: ``mean`` (the
package's own), ``idf`` / ``idf2`` (tokens weighted by their inverse document
frequency in the corpus, or its square), ``idfpc3`` (idf, then the corpus's
three principal directions removed), ``sif`` (Arora et al. 2017's smooth inverse
frequency, a = 1e-3, one direction removed).

    python benchmarks/grouping_semantic.py [--undated] [--pooling idfpc3] [--map z] [--weight 0.3]

framing does not depend on wordllama: this is a measurement, and the package
is read here from its installed files (its loader asks the network for a
tokenizer file that its wheel already holds). The data stays in
``../shared/data``.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from grouping_allsides import DEFAULT_DATA, load, run  # noqa: E402

from framing.compare import grouping  # noqa: E402


def model():
    try:
        from importlib.resources import files

        from safetensors import safe_open
        from tokenizers import Tokenizer
        root = files("wordllama")
    except ImportError:
        sys.exit("needs wordllama: pip install wordllama (its weights come in the wheel)")
    with safe_open(str(root / "weights" / "l2_supercat_256.safetensors"), framework="np") as f:
        vectors = np.ascontiguousarray(f.get_tensor("embedding.weight").astype(np.float32))
    tokenizer = Tokenizer.from_file(str(root / "tokenizers" / "l2_supercat_tokenizer_config.json"))
    tokenizer.no_padding()
    tokenizer.no_truncation()
    return vectors, tokenizer


def pooled(texts: list[str], pooling: str) -> np.ndarray:
    vectors, tokenizer = model()
    ids = [e.ids for e in tokenizer.encode_batch(texts, add_special_tokens=False)]
    df = Counter(t for row in ids for t in set(row))
    n = len(ids)

    def weight(t: int) -> float:
        if pooling == "mean":
            return 1.0
        if pooling == "sif":
            return 1e-3 / (1e-3 + df[t] / n)
        idf = float(np.log((n + 1) / (df[t] + 1)))
        return idf * idf if pooling == "idf2" else idf

    out = np.zeros((n, vectors.shape[1]), np.float32)
    for i, row in enumerate(ids):
        if row:
            w = np.array([weight(t) for t in row], np.float32)
            out[i] = (vectors[row] * w[:, None]).sum(0)
    drop = {"idfpc3": 3, "sif": 1}.get(pooling, 0)
    if drop:
        _, _, vt = np.linalg.svd(out, full_matrices=False)
        out -= (out @ vt[:drop].T) @ vt[:drop]
    out /= np.linalg.norm(out, axis=1, keepdims=True) + 1e-9
    return out


def blended(S: np.ndarray, weight: float, mapping: str):
    content = grouping._content

    def scored(X, dates, window_days, head):
        I, J, V = content(X, dates, window_days, head)
        if not len(I) or weight == 0:
            return I, J, V
        sem = (S[I] * S[J]).sum(1)
        if mapping == "z":
            mapped = (sem - sem.mean()) / (sem.std() or 1.0) * V.std() + V.mean()
        else:
            rank = np.argsort(np.argsort(sem, kind="stable"), kind="stable")
            mapped = np.sort(V)[rank]
        return I, J, (1 - weight) * V + weight * mapped

    return scored


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--undated", action="store_true")
    ap.add_argument("--pooling", choices=("mean", "idf", "idf2", "idfpc3", "sif"), default="idfpc3")
    ap.add_argument("--map", dest="mapping", choices=("z", "rank"), default="z")
    ap.add_argument("--weight", type=float, action="append")
    args = ap.parse_args(argv)
    articles, truth = load(args.data)
    # rows of the grouping's candidate graph are the articles in id order, as loaded
    S = pooled([grouping.article_text(a) for a in articles], args.pooling)
    if args.undated:
        articles = [replace(a, date=None) for a in articles]
    content = grouping._content
    try:
        for w in [0.0] + (args.weight or [0.3, 0.5]):
            grouping._content = blended(S, w, args.mapping)
            _, (p, r, f) = run(articles, truth, undated=args.undated)
            print(f"{args.pooling:7} {args.mapping:4} weight {w:.2f}  dates {'removed' if args.undated else 'kept':7}"
                  f"  P {p:.3f}  R {r:.3f}  F1 {f:.3f}", flush=True)
    finally:
        grouping._content = content
    return 0


if __name__ == "__main__":
    sys.exit(main())
