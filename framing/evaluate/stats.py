"""Small, dependency-light statistics for evaluations: precision/recall/F1,
Wilson score intervals for proportions and percentile bootstrap intervals
(deterministic: a fixed seed)."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np

Z95 = 1.959963984540054


def wilson(k: int, n: int, z: float = Z95) -> tuple[float, float]:
    """95% Wilson score interval of the proportion ``k/n`` ((0, 0) when n is 0)."""
    if n == 0:
        return (0.0, 0.0)
    p = k / n
    denom = 1 + z * z / n
    mid = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return (max(0.0, mid - half), min(1.0, mid + half))


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def binary_scores(pred: Sequence[bool], gold: Sequence[bool]) -> dict[str, Any]:
    """Counts, precision/recall/F1 of the positive class, and macro-F1 over both classes."""
    tp = sum(1 for p, g in zip(pred, gold) if p and g)
    fp = sum(1 for p, g in zip(pred, gold) if p and not g)
    fn = sum(1 for p, g in zip(pred, gold) if g and not p)
    tn = len(gold) - tp - fp - fn
    p, r, f = prf(tp, fp, fn)
    _, _, f_neg = prf(tn, fn, fp)
    return {"tp": tp, "fp": fp, "fn": fn, "tn": tn, "flagged": tp + fp, "precision": p,
            "recall": r, "f1": f, "macro_f1": (f + f_neg) / 2}


def _f1_arrays(pred: np.ndarray, gold: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Vectorised F1(positive), F1(negative), precision over bootstrap rows."""
    tp = (pred & gold).sum(axis=1)
    fp = (pred & ~gold).sum(axis=1)
    fn = (~pred & gold).sum(axis=1)
    tn = (~pred & ~gold).sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        f_pos = np.nan_to_num(2 * tp / (2 * tp + fp + fn))
        f_neg = np.nan_to_num(2 * tn / (2 * tn + fn + fp))
        prec = np.nan_to_num(tp / (tp + fp))
    return f_pos, f_neg, prec


def bootstrap_binary(pred: Sequence[bool], gold: Sequence[bool], *, n: int = 1000,
                     seed: int = 0) -> dict[str, tuple[float, float]]:
    """95% percentile bootstrap intervals (resampling items) of precision,
    F1(positive) and macro-F1."""
    p = np.asarray(pred, dtype=bool)
    g = np.asarray(gold, dtype=bool)
    if len(p) == 0:
        return {"precision": (0.0, 0.0), "f1": (0.0, 0.0), "macro_f1": (0.0, 0.0)}
    rng = np.random.default_rng(seed)
    idx = rng.integers(0, len(p), size=(n, len(p)))
    f_pos, f_neg, prec = _f1_arrays(p[idx], g[idx])
    return {"precision": _interval(prec), "f1": _interval(f_pos),
            "macro_f1": _interval((f_pos + f_neg) / 2)}


def bootstrap_ratio(groups: Mapping[str, Sequence[bool]], *, n: int = 1000,
                    seed: int = 0) -> tuple[float, float]:
    """95% percentile bootstrap interval of max/min of the groups' rates
    (each group resampled on its own). ``inf`` when a resampled rate is 0."""
    rng = np.random.default_rng(seed)
    rates = []
    for key in sorted(groups):
        v = np.asarray(groups[key], dtype=float)
        if len(v) == 0:
            continue
        idx = rng.integers(0, len(v), size=(n, len(v)))
        rates.append(v[idx].mean(axis=1))
    if len(rates) < 2:
        return (1.0, 1.0)
    r = np.vstack(rates)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = r.max(axis=0) / r.min(axis=0)
    ratio = np.where(np.isnan(ratio), 1.0, ratio)
    return _interval(ratio)


def ratio(values: Sequence[float]) -> float | None:
    """max/min of rates; None when fewer than two, inf when the smallest is 0 and another is not."""
    vals = list(values)
    if len(vals) < 2:
        return None
    lo, hi = min(vals), max(vals)
    if hi == 0:
        return 1.0
    return math.inf if lo == 0 else hi / lo


def _interval(a: np.ndarray) -> tuple[float, float]:
    """2.5th and 97.5th percentiles by rank (well defined with ``inf`` values)."""
    s = np.sort(np.asarray(a, dtype=float))
    n = len(s)
    lo = s[int(math.floor(0.025 * (n - 1)))]
    hi = s[int(math.ceil(0.975 * (n - 1)))]
    return (float(lo), float(hi))


def rounded(obj: Any, digits: int = 4) -> Any:
    """Floats rounded (and inf as the string "inf") for byte-stable JSON."""
    if isinstance(obj, float):
        if math.isinf(obj):
            return "inf"
        return round(obj, digits)
    if isinstance(obj, dict):
        return {k: rounded(v, digits) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [rounded(v, digits) for v in obj]
    return obj


def mean_of(items: Sequence[Any], key: Callable[[Any], float]) -> float:
    return sum(key(i) for i in items) / len(items) if items else 0.0
