"""Archive-scale ingest and detection (issue 12): light start-up, the fast
matching normaliser, batched and resumable ingest, ``--jobs`` and re-runs
that skip what is unchanged."""

from __future__ import annotations

import random
import subprocess
import sys

import pytest

from framing.text.normalize import _normalize_for_matching

_JOINERS = frozenset("-\u2010\u2011")
_SOFT_APOSTROPHES = frozenset("'\u2019")


def _reference_normalize(text: str) -> tuple[str, tuple[int, ...]]:
    """The specification of normalize_for_matching, one character at a time
    (the shipped code works run by run, with a lazy offset map)."""
    chars, index, n, i = [" "], [-1], len(text), 0
    while i < n:
        ch = text[i]
        if ch.isalnum():
            low = ch.lower()
            chars.append(low if len(low) == 1 else ch)
            index.append(i)
            i += 1
            continue
        j = i
        while j < n and not text[j].isalnum():
            j += 1
        run = text[i:j]
        soft = (run in _SOFT_APOSTROPHES and i > 0 and j < n) or (
            all(c.isspace() or c in _JOINERS for c in run) and run.count("\n") < 2)
        if soft or i == 0 or j == n:
            chars.append(" ")
            index.append(i)
        else:
            chars.extend(" | ")
            index.extend((i, i, i))
        i = j
    if chars[-1] != " ":
        chars.append(" ")
        index.append(n)
    return "".join(chars), tuple(index)


def test_matching_normaliser_equals_its_specification():
    rng = random.Random(12)
    alphabet = "aZ9 _-\n'’.,\"“İΣσς\u0301ß½\t|\u2010"
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        norm, index = _normalize_for_matching.__wrapped__(text)
        want_norm, want_index = _reference_normalize(text)
        assert norm == want_norm, text
        assert tuple(index) == want_index, text
        assert len(index) == len(norm)


def test_cli_default_charts_matches_the_report_stage():
    from framing.cli import DEFAULT_CHARTS
    from framing.report.scope import DEFAULT_CHARTS as REPORT_DEFAULT

    assert DEFAULT_CHARTS == REPORT_DEFAULT


def test_storing_articles_does_not_load_the_heavy_libraries():
    """`framing ingest` starts without scikit-learn, SciPy, NLTK or matplotlib."""
    code = ("import sys, framing.cli, framing.corpus, framing.store; "
            "print(sorted(m for m in ('sklearn', 'scipy', 'nltk', 'matplotlib', 'numpy') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
