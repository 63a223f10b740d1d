"""The quality gate: scores that must not fall below pinned floors.

A floors file (JSON) names, per evaluation, the data file and its SHA-256
(so a floor is only compared with a score on the same data), the subset, and
``floors`` (scores that must stay at or above) and ``ceilings`` (scores that
must stay at or below, such as a false-positive-rate ratio). Keys are dotted
paths into the evaluation's result (``sentence.f1``,
``even_handedness.fpr_ratio``). Raising a floor is an ordinary commit;
lowering one needs a stated reason in the same commit (see docs/accuracy.md).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def lookup(result: dict[str, Any], key: str) -> float:
    value: Any = result
    for part in key.split("."):
        value = value[part]
    if value == "inf":
        return float("inf")
    if value is None:
        return float("nan")
    return float(value)


def check(result: dict[str, Any], spec: dict[str, Any]) -> list[str]:
    """Every way ``result`` fails ``spec`` (empty when it passes), one line each."""
    problems = []
    want = spec.get("sha256")
    got = result.get("data", {}).get("sha256")
    if want and got != want:
        problems.append(f"data changed: sha256 {got} is not the pinned {want} "
                        "(re-measure and re-pin the floors in one commit)")
        return problems
    for key, floor in sorted(spec.get("floors", {}).items()):
        score = lookup(result, key)
        if not score >= floor:
            problems.append(f"{key} = {score:.4f} fell below its floor {floor}")
    for key, ceiling in sorted(spec.get("ceilings", {}).items()):
        score = lookup(result, key)
        if not score <= ceiling:
            problems.append(f"{key} = {score:.4f} rose above its ceiling {ceiling}")
    return problems


def load_floors(path: str | Path) -> dict[str, Any]:
    return json.loads(Path(path).read_text(encoding="utf-8"))
