"""Distinctive vocabulary: the words one outlet uses more than the rest of
the event, by weighted log-odds with an informative Dirichlet prior (Monroe,
Colaresi & Quinn 2008, "Fightin' Words", section 3.5.1).

For outlet *i* against the rest *j* of the event, with word counts ``y``,
totals ``n`` and a prior ``α_w = α0 · p_w`` from the whole event's word
frequencies ``p_w``::

    δ_w = log((y_iw + α_w) / (n_i + α0 − y_iw − α_w))
        − log((y_jw + α_w) / (n_j + α0 − y_jw − α_w))
    σ²_w ≈ 1 / (y_iw + α_w) + 1 / (y_jw + α_w)
    z_w = δ_w / σ_w

Terms are lower-case words and 2- and 3-word phrases (no stop words at their
edges, none of the user's stop words anywhere; see
:mod:`framing.compare.keyness`); a term needs ``min_count`` uses in the
outlet and ``z ≥ min_z`` to be listed, and shows its Benjamini–Hochberg
q-value beside z (over all the outlet's terms with ``min_count`` uses).
Order: z descending, then term. Near-duplicate copies are left out.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Mapping

from ..models import Article
from ..text import STOP_WORDS, plain, words
from ._text import strip_possessive
from .keyness import MAX_NGRAM, NO_STOP_WORDS, StopWords, count_terms, keyness
from .model import DistinctiveRow, DistinctiveTerm

#: A word must occur at least this often in the outlet's articles.
MIN_COUNT = 2
#: One-sided 95 % level: only words an outlet uses *more* than the rest are listed.
MIN_Z = 1.645
TOP = 15
#: Prior strength: the pseudo-count total spread over the event's vocabulary.
ALPHA0 = 500.0


def tokens(text: str) -> list[str]:
    out = []
    for w in words(plain(text)):
        w = strip_possessive(w).lower()
        if len(w) < 2 or w in STOP_WORDS or not any(c.isalpha() for c in w):
            continue
        out.append(w)
    return out


def log_odds(
    counts_i: Mapping[str, int],
    counts_j: Mapping[str, int],
    prior: Mapping[str, float],
    *,
    alpha0: float = ALPHA0,
) -> dict[str, float]:
    """z-scores of the weighted log-odds ratio of every word in ``counts_i``."""
    n_i = sum(counts_i.values())
    n_j = sum(counts_j.values())
    total = sum(prior.values()) or 1.0
    z: dict[str, float] = {}
    for w, yi in counts_i.items():
        a = alpha0 * prior.get(w, 0.0) / total
        if a <= 0:
            continue
        yj = counts_j.get(w, 0)
        d = (math.log((yi + a) / (n_i + alpha0 - yi - a))
             - math.log((yj + a) / (n_j + alpha0 - yj - a)))
        var = 1.0 / (yi + a) + 1.0 / (yj + a)
        z[w] = d / math.sqrt(var)
    return z


def distinctive(
    articles: Iterable[Article],
    *,
    copies: Mapping[int, int] | None = None,
    min_count: int = MIN_COUNT,
    min_z: float = MIN_Z,
    top: int = TOP,
    alpha0: float = ALPHA0,
    ndigits: int = 3,
    stop_words: StopWords = NO_STOP_WORDS,
    max_n: int = MAX_NGRAM,
) -> list[DistinctiveRow]:
    """One row per outlet (sorted by name) when the event has two or more
    outlets. Terms are words and phrases of up to ``max_n`` words without the
    user's ``stop_words`` (:mod:`framing.compare.keyness`); each carries its
    one-sided p-value and Benjamini–Hochberg q-value over the outlet's tests."""
    copies = copies or {}
    texts: dict[str, list[str]] = {}
    for a in articles:
        if a.id in copies:
            continue
        texts.setdefault(a.outlet_name, []).extend((a.title or "", a.body))
    return keyed_rows(texts, min_count=min_count, min_z=min_z, top=top, alpha0=alpha0,
                      ndigits=ndigits, stop_words=stop_words, max_n=max_n)


def keyed_rows(texts: Mapping[str, list[str]], *, min_count: int = MIN_COUNT, min_z: float = MIN_Z,
               top: int = TOP, alpha0: float = ALPHA0, ndigits: int = 3,
               stop_words: StopWords = NO_STOP_WORDS, max_n: int = MAX_NGRAM) -> list[DistinctiveRow]:
    """Each side of ``texts`` (outlet or group → its texts) against the rest."""
    if len(texts) < 2:
        return []  # nothing to compare: no terms counted
    per = {o: count_terms(t, max_n=max_n, stop_words=stop_words) for o, t in texts.items()}
    return keyed_count_rows(per, min_count=min_count, min_z=min_z, top=top, alpha0=alpha0, ndigits=ndigits)


def keyed_count_rows(per: Mapping[str, Counter[str]], *, min_count: int = MIN_COUNT, min_z: float = MIN_Z,
                     top: int = TOP, alpha0: float = ALPHA0, ndigits: int = 3,
                     keep: Callable[[str, str], bool] | None = None) -> list[DistinctiveRow]:
    """:func:`keyed_rows` from each side's term counts. ``keep(side, term)``,
    if given, decides which distinctive terms are listed (before the top
    ``top`` are taken; z, p and q are those of the full comparison)."""
    everything: Counter[str] = Counter()
    for c in per.values():
        everything.update(c)
    n_all = sum(everything.values())
    rows = []
    for o in sorted(per):
        n_o = sum(per[o].values())
        # the rest of the event: everything less this side, read term by term
        # (the whole counter is never subtracted; the totals are known)
        keys = keyness(per[o], _Rest(everything, per[o]), prior=everything, alpha0=alpha0,
                       min_count=min_count, totals=(n_o, n_all - n_o, n_all))
        terms = [
            DistinctiveTerm(term=k.term, count=k.count, z=round(k.z, ndigits),
                            p=_round_p(k.p), q=_round_p(k.q))
            for k in keys if k.z >= min_z and (keep is None or keep(o, k.term))
        ]
        rows.append(DistinctiveRow(outlet=o, terms=terms[:top]))
    return rows


class _Rest(Mapping[str, int]):
    """``whole - part`` (both counts, ``part`` within ``whole``) as a mapping,
    each count computed when asked: the terms with a positive count, as
    ``Counter.__sub__`` keeps them."""

    def __init__(self, whole: Mapping[str, int], part: Mapping[str, int]):
        self.whole, self.part = whole, part

    def __getitem__(self, term: str) -> int:
        n = self.whole[term] - self.part.get(term, 0)
        if n <= 0:
            raise KeyError(term)
        return n

    def get(self, term: str, default: int | None = None) -> int | None:  # type: ignore[override]
        n = self.whole.get(term, 0) - self.part.get(term, 0)
        return n if n > 0 else default

    def __iter__(self):
        return (t for t, n in self.whole.items() if n - self.part.get(t, 0) > 0)

    def __len__(self) -> int:
        return sum(1 for _ in self)


def _round_p(p: float) -> float:
    """Four significant digits: p-values span many orders of magnitude."""
    return float(f"{p:.4g}")
