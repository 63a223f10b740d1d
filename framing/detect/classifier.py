"""The in-context classifier: a logistic regression over the features of
:mod:`framing.detect.features`, its training data and its JSON form.

A lexicon match is only a candidate. "Regime" is a label in "the Velmoran
regime" and a plain word in "a strict training regime"; "so-called" is
distancing before "Harbour Accords" and harmless before "greenhouse effect".

Training data ships with framing: every lexicon example sentence plus the
annotated file ``framing/data/annotated.tsv``. Training is deterministic
(liblinear, fixed ``random_state``) and takes well under a second; the fitted
model is kept as JSON (feature names, coefficients, intercept) in the store's
``cache`` table, keyed by :func:`model_key` (feature code version, lexicon
version, model parameters and the annotated file). Probabilities are
computed from that JSON in plain Python, so a cached and a fresh model score
identically. ``framing classifier --cv`` evaluates it (:mod:`framing.detect.evaluate`).
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import LexiconError
from ..resources import data_file
from .features import FEATURE_VERSION, Candidate
from .lexicon import Lexicon

if TYPE_CHECKING:
    from sklearn.pipeline import Pipeline

# scikit-learn and NumPy are imported where a model is fitted: applying a
# fitted (cached) model is plain Python, and the CLI starts faster without them.

THRESHOLD = 0.5
ANNOTATED = "annotated.tsv"
MODEL_PARAMS = {"C": 4.0, "solver": "liblinear", "class_weight": "balanced", "random_state": 0}


@dataclass(frozen=True)
class Item:
    """One labelled candidate: where it came from, its features and label."""

    source: str
    features: dict[str, float]
    label: int


# -- training data -----------------------------------------------------------

def _marked(line: str, path: str, lineno: int) -> tuple[str, int, int]:
    a = line.find("[[")
    b = line.find("]]")
    if a < 0 or b < a or line.find("[[", a + 2) >= 0:
        raise LexiconError(path, "mark the candidate with exactly one [[...]]", lineno)
    return line[:a] + line[a + 2:b] + line[b + 2:], a, b - 2


def annotated_text() -> str:
    return data_file(ANNOTATED).read_text(encoding="utf-8")


def training_items(lexicon: Lexicon, candidates: Callable[[str], list[Candidate]],
                   annotated: str | None = None) -> list[Item]:
    """Labelled candidates from the lexicon's examples and the annotated file;
    ``candidates(text)`` is the detector's candidate finder."""
    items: list[Item] = []
    for e in lexicon.entries:
        for ex in e.examples:
            for c in candidates(ex.text):
                if c.entry.id == e.id:
                    items.append(Item(f"{ex.path}:{ex.line}", c.features, int(ex.loaded)))
    text = annotated_text() if annotated is None else annotated
    path = f"framing/data/{ANNOTATED}"
    for lineno, raw in enumerate(text.splitlines(), 1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        label, _, marked = raw.partition("\t")
        if label.strip() not in ("0", "1") or not marked.strip():
            raise LexiconError(
                path, "expected: 1 or 0, a tab, a sentence with [[the candidate]]", lineno)
        sentence, a, b = _marked(marked.strip(), path, lineno)
        found = candidates(sentence)
        match = [c for c in found if c.start == a and c.end == b]
        if not match:
            got = ", ".join(repr(sentence[c.start:c.end]) for c in found) or "none"
            raise LexiconError(
                path, f"[[{sentence[a:b]}]] is not a candidate (candidates: {got})", lineno)
        items.append(Item(f"{path}:{lineno}", match[0].features, int(label.strip())))
    return items


def model_key(lexicon: Lexicon, annotated: str | None = None) -> str:
    """The version of the model a lexicon and the training file give: a digest of
    the feature code version, the lexicon version, the parameters and the
    annotated examples (so a cached model is found without computing features)."""
    h = hashlib.sha256()
    params = json.dumps(MODEL_PARAMS, sort_keys=True)
    text = annotated_text() if annotated is None else annotated
    h.update(f"{FEATURE_VERSION}\0{lexicon.version}\0{params}\0".encode())
    h.update(text.encode("utf-8"))
    return h.hexdigest()[:12]


# -- the model -----------------------------------------------------------------

class LinearModel:
    """A fitted logistic regression as plain data: ``weights`` by feature name."""

    def __init__(self, data: dict[str, Any]):
        self.data = data
        self.version: str = data["version"]
        self.intercept: float = float(data["intercept"])
        self.weights: dict[str, float] = dict(zip(data["features"], data["coef"]))

    def probability(self, feats: dict[str, float]) -> float:
        z = self.intercept
        for name in sorted(feats):
            w = self.weights.get(name)
            if w is not None:
                z += w * feats[name]
        return 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0

    def to_json(self) -> dict[str, Any]:
        """The JSON form kept in the store's cache."""
        return self.data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "LinearModel":
        return cls(data)


def int32_indices(X: Any) -> Any:
    """A sparse matrix with 32-bit indices: liblinear accepts no others, and
    DictVectorizer may build 64-bit ones. (No dense copy is made.)"""
    import numpy as np

    X = X.tocsr()
    X.indices = X.indices.astype(np.int32, copy=False)
    X.indptr = X.indptr.astype(np.int32, copy=False)
    return X


def estimator() -> "Pipeline":
    """The unfitted scikit-learn pipeline (feature dicts → sparse matrix →
    logistic regression), for fitting and for cross-validation."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import FunctionTransformer

    return make_pipeline(DictVectorizer(sort=True),
                         FunctionTransformer(int32_indices, accept_sparse=True),
                         LogisticRegression(**MODEL_PARAMS))


def fit(items: Sequence[Item], version: str = "") -> LinearModel:
    """Fit the logistic regression on labelled items; deterministic."""
    y = [it.label for it in items]
    if len(set(y)) < 2:
        raise LexiconError("lexicon", "the training data needs both loaded and not-loaded examples")
    pipe = estimator().fit([it.features for it in items], y)
    vec, clf = pipe[0], pipe[-1]
    data = {
        "version": version,
        "features": [str(n) for n in vec.get_feature_names_out()],
        "coef": [float(c) for c in clf.coef_[0]],
        "intercept": float(clf.intercept_[0]),
        "examples": len(items),
    }
    # Round-trip through JSON so fresh and cached models are the same floats.
    return LinearModel(json.loads(json.dumps(data)))
