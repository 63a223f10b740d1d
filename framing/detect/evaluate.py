"""How good is the classifier? Cross-validated predictions on the shipped
training data (scikit-learn's ``cross_val_predict`` over stratified folds),
scored with ``sklearn.metrics``, beside two baselines: always "loaded", and
the entry alone (each entry's majority label in the training folds)."""

from __future__ import annotations

from collections import Counter
from typing import Any

import numpy as np
from sklearn.metrics import accuracy_score, precision_score, recall_score
from sklearn.model_selection import StratifiedKFold, cross_val_predict

from .classifier import Item, estimator


def _entry_key(item: Item) -> str:
    return next(k for k in item.features if k.startswith("entry="))


def cross_validate(items: list[Item], *, folds: int = 5, seed: int = 0) -> dict[str, Any]:
    """Accuracy, precision and recall of "loaded" over ``folds`` stratified folds."""
    y = np.array([it.label for it in items])
    X = [it.features for it in items]
    skf = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    pred = cross_val_predict(estimator(), X, y, cv=skf)
    entry_pred = np.zeros_like(y)
    for train, test in skf.split(np.zeros(len(y)), y):
        votes: dict[str, Counter[int]] = {}
        for i in train:
            votes.setdefault(_entry_key(items[i]), Counter())[int(y[i])] += 1
        for i in test:
            v = votes.get(_entry_key(items[i]), Counter({1: 1}))
            entry_pred[i] = int(2 * v[1] >= v[0] + v[1])
    n = len(items)
    return {
        "examples": n,
        "loaded": int(y.sum()),
        "not_loaded": int(n - y.sum()),
        "folds": folds,
        "seed": seed,
        "accuracy": round(float(accuracy_score(y, pred)), 4),
        "precision_loaded": round(float(precision_score(y, pred, zero_division=0)), 4),
        "recall_loaded": round(float(recall_score(y, pred, zero_division=0)), 4),
        "baseline_always_loaded": round(float(y.mean()), 4),
        "baseline_entry_only": round(float(accuracy_score(y, entry_pred)), 4),
    }
