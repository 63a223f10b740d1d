"""Cross-validation of the sentence model (:mod:`framing.sentence_model`) on
labelled sentences: stratified k-fold and k-fold grouped by outlet, pooled
out-of-fold predictions scored once, with bootstrap intervals."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..sentence_model import C, fit_only, lexicon_features
from .stats import binary_scores, bootstrap_binary


def cross_validate_rows(texts: Sequence[str], labels: Sequence[bool], groups: Sequence[str], *,
                        lexicon_dirs: Sequence[str | Path] = (), folds: int = 5, seed: int = 0,
                        bootstrap: int = 1000) -> dict[str, Any]:
    """Stratified k-fold (shuffled, fixed seed) and group k-fold (one group =
    one outlet never split between training and test) cross-validation of the
    sentence model: pooled out-of-fold predictions scored once."""
    from sklearn.model_selection import GroupKFold, StratifiedKFold

    lex = lexicon_features(texts, lexicon_dirs)
    y = [bool(v) for v in labels]
    out: dict[str, Any] = {"model": f"TF-IDF word 1-2 + char_wb 3-5 + lexicon counts, "
                                    f"logistic regression C={C}"}
    splits = {
        "stratified": StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
        .split(texts, y),
    }
    if len(set(groups)) >= folds:
        splits["grouped"] = GroupKFold(n_splits=folds).split(texts, y, groups)
    for name, split in splits.items():
        pred = [False] * len(texts)
        for tr, te in split:
            m = fit_only([texts[i] for i in tr], [y[i] for i in tr], [lex[i] for i in tr])
            ps = m.probabilities([texts[i] for i in te], [lex[i] for i in te])
            for i, p in zip(te, ps):
                pred[i] = p >= 0.5
        s = binary_scores(pred, y)
        s.update({f"{k}_ci": v for k, v in bootstrap_binary(pred, y, n=bootstrap, seed=seed).items()})
        s["folds"] = folds
        out[name] = s
    return out
