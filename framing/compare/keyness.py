"""Keyness: which terms (words and phrases of up to three words) one set of
articles uses more than another, with corrected significance.

* :func:`terms` turns a text into its countable terms: lower-case words and
  2- and 3-word phrases that stay inside one clause (punctuation breaks them),
  that neither start nor end with a stop word (``state of emergency`` counts,
  ``of the`` does not), and that contain none of the user's own stop words.
* :func:`log_odds` is the weighted log-odds ratio with an informative
  Dirichlet prior (Monroe, Colaresi & Quinn 2008, "Fightin' Words", §3.5.1)::

      δ_w = log((y_iw + α_w) / (n_i + α0 − y_iw − α_w))
          − log((y_jw + α_w) / (n_j + α0 − y_jw − α_w))
      σ²_w ≈ 1 / (y_iw + α_w) + 1 / (y_jw + α_w)
      z_w = δ_w / σ_w

  with ``α_w = α0 · p_w`` and ``p_w`` the term's share of the prior counts
  (the whole comparison: both sides together).
* :func:`bh_adjust` is the Benjamini–Hochberg (1995) step-up adjustment.
* :func:`keyness` puts them together: for every term used at least
  ``min_count`` times on side *i* (the tests), the one-sided p-value of
  ``z`` (P(Z ≥ z): is the term used *more* on side *i*?) and its
  BH-adjusted q-value over those tests.

Pure functions of counts; no state.
"""

from __future__ import annotations

import math
import os
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..text import STOP_WORDS, plain, token_spans
from ..text.tokens import TOKEN_RE
from ._text import strip_possessive

#: Longest phrase counted as one term (words).
MAX_NGRAM = 3
#: Prior strength: the pseudo-count total spread over the vocabulary.
ALPHA0 = 500.0


@dataclass(frozen=True)
class StopWords:
    """Words (and phrases) the user never wants listed. A single word is
    dropped everywhere, also inside phrases; a phrase only as itself."""

    words: frozenset[str] = frozenset()
    phrases: frozenset[str] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.words or self.phrases)


NO_STOP_WORDS = StopWords()


def parse_stop_words(text: str) -> StopWords:
    """One word or phrase a line; ``#`` starts a comment; case is ignored."""
    words: set[str] = set()
    phrases: set[str] = set()
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip().lower()
        if not line:
            continue
        toks = [strip_possessive(t) for t in _words(line)]
        if len(toks) == 1:
            words.add(toks[0])
        elif toks:
            phrases.add(" ".join(toks))
    return StopWords(frozenset(words), frozenset(phrases))


def read_stop_words(path: str | os.PathLike[str]) -> StopWords:
    """The stop-word file at ``path`` (UTF-8 text, one word or phrase a line).
    Raises :class:`~framing.errors.InputError` naming the file if it cannot be read."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot read the stop-word file ({exc.strerror or exc})") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(str(path), "the stop-word file is not UTF-8 text") from None
    return parse_stop_words(text)


def _words(text: str) -> list[str]:
    return [text[a:b].lower() for a, b in token_spans(text) if text[a].isalnum()]


def _runs(text: str) -> list[list[str]]:
    """Lower-case words of ``text`` in runs that punctuation breaks."""
    runs: list[list[str]] = [[]]
    run = runs[-1]
    for tok in TOKEN_RE.findall(plain(text)):  # the tokens of token_spans, without their offsets
        if tok[0].isalnum():
            if len(tok) > 2 and tok[-1] in "s'’":
                tok = strip_possessive(tok)
            run.append(tok.lower())
        elif run:
            run = []
            runs.append(run)
    return [r for r in runs if r]


def _has_letter(w: str) -> bool:
    return w.isalpha() or any(c.isalpha() for c in w)


def terms(text: str, *, max_n: int = MAX_NGRAM, stop_words: StopWords = NO_STOP_WORDS) -> list[str]:
    """Every term of ``text``: its content words, then phrases of 2..``max_n`` words
    that begin and end with a content word and have a letter in every word."""
    out: list[str] = []
    user = stop_words.words
    phrases = stop_words.phrases
    stop = STOP_WORDS
    for run in _runs(text):
        if user:
            wordy = [(w.isalpha() or _has_letter(w)) and w not in user for w in run]
        else:
            wordy = [w.isalpha() or _has_letter(w) for w in run]
        ok = [good and len(w) >= 2 and w not in stop for w, good in zip(run, wordy)]
        out.extend([w for w, good in zip(run, ok) if good])
        starts = [k for k, good in enumerate(ok) if good]
        size = len(run)
        for n in range(2, max_n + 1):
            for k in starts:
                last = k + n - 1
                if last >= size:
                    break  # starts ascend: no later one fits either
                # ok implies wordy: only the words between the two ends need checking
                if ok[last] and (n == 2 or all(wordy[k + 1:last])):
                    phrase = " ".join(run[k:last + 1])
                    if phrase not in phrases:
                        out.append(phrase)
    if stop_words.phrases:
        out = [t for t in out if t not in stop_words.phrases]
    return out


def count_terms(texts: Iterable[str], *, max_n: int = MAX_NGRAM,
                stop_words: StopWords = NO_STOP_WORDS) -> Counter[str]:
    c: Counter[str] = Counter()
    for t in texts:
        if t:
            c.update(terms(t, max_n=max_n, stop_words=stop_words))
    return c


def log_odds(counts_i: Mapping[str, int], counts_j: Mapping[str, int], prior: Mapping[str, float], *,
             alpha0: float = ALPHA0, only: Iterable[str] | None = None,
             totals: tuple[float, float, float] | None = None) -> dict[str, tuple[float, float]]:
    """``term → (δ, z)``: the weighted log-odds ratio of side *i* against *j*
    and its z-score, for every term of ``counts_i`` (or of ``only``) with prior mass.
    ``totals``: the sums of ``counts_i``, ``counts_j`` and ``prior``, when the caller has them."""
    if totals is None:
        n_i = sum(counts_i.values())
        n_j = sum(counts_j.values())
        total = sum(prior.values()) or 1.0
    else:
        n_i, n_j, total = totals
        total = total or 1.0
    out: dict[str, tuple[float, float]] = {}
    for w in (counts_i if only is None else only):
        a = alpha0 * prior.get(w, 0.0) / total
        if a <= 0:
            continue
        yi = counts_i.get(w, 0)
        yj = counts_j.get(w, 0)
        d = (math.log((yi + a) / (n_i + alpha0 - yi - a))
             - math.log((yj + a) / (n_j + alpha0 - yj - a)))
        out[w] = (d, d / math.sqrt(1.0 / (yi + a) + 1.0 / (yj + a)))
    return out


def p_greater(z: float) -> float:
    """One-sided p-value P(Z ≥ z) of a standard normal."""
    return 0.5 * math.erfc(z / math.sqrt(2.0))


def bh_adjust(pvalues: Sequence[float]) -> list[float]:
    """Benjamini–Hochberg adjusted p-values (q-values), in the input order:
    ``q_(k) = min_{m ≥ k} p_(m) · n / m``, capped at 1."""
    n = len(pvalues)
    order = sorted(range(n), key=lambda k: pvalues[k])
    q = [1.0] * n
    running = 1.0
    for rank in range(n, 0, -1):
        k = order[rank - 1]
        running = min(running, pvalues[k] * n / rank)
        q[k] = min(1.0, running)
    return q


@dataclass(frozen=True)
class Key:
    """One tested term: its count on each side, log-odds, z, p and BH q."""

    term: str
    count: int
    other: int
    delta: float
    z: float
    p: float
    q: float


def keyness(counts_i: Mapping[str, int], counts_j: Mapping[str, int], *,
            prior: Mapping[str, float] | None = None, alpha0: float = ALPHA0,
            min_count: int = 2, totals: tuple[float, float, float] | None = None) -> list[Key]:
    """Every term used at least ``min_count`` times on side *i*, tested against
    side *j*; sorted by z descending, then term. ``prior`` defaults to both
    sides' counts together. The BH adjustment runs over exactly these tests.
    ``totals``: the sums of ``counts_i``, ``counts_j`` and ``prior``, when the caller has them."""
    if prior is None:
        prior = Counter(counts_i)
        prior.update(counts_j)
    tested = sorted(w for w, y in counts_i.items() if y >= min_count)
    lo = log_odds(counts_i, counts_j, prior, alpha0=alpha0, only=tested, totals=totals)
    names = [w for w in tested if w in lo]
    ps = [p_greater(lo[w][1]) for w in names]
    qs = bh_adjust(ps)
    keys = [Key(w, counts_i[w], counts_j.get(w, 0), lo[w][0], lo[w][1], p, q)
            for w, p, q in zip(names, ps, qs)]
    keys.sort(key=lambda k: (-k.z, k.term))
    return keys
