"""Trends over time: how often chosen terms are used, how dense loaded
language is, and how much each outlet covered each event, per outlet (or
outlet group) per month or ISO week.

* :func:`term_trends`: occurrences of each chosen term or phrase (found with
  the term explorer's rules, :func:`framing.compare.kwic.phrase_pattern`) per
  outlet or group per period, with the words written in that period, so a
  rate per 10,000 words compares outlets of different sizes.
* :func:`density_trends`: loaded terms per 1,000 words per outlet or group
  per period (loaded hits only, as in :func:`~framing.compare.density.density`).
* :func:`coverage`: articles per outlet per event.

Articles without a date are left out of the time series and counted in
:attr:`Trends.undated`. Near-duplicate copies count once (for the outlet
that published first). Pure functions of articles and hits; deterministic.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from ..models import Article, Hit
from ..text.language import other_language
from .density import article_words
from .groups import group_of
from .kwic import phrase_pattern

PERIODS = ("month", "week")
BY = ("outlet", "group")


def period_of(date: str | None, period: str = "month") -> str | None:
    """``2026-03`` for a month, ``2026-W11`` for an ISO week; None for no date."""
    if not date:
        return None
    try:
        d = dt.date.fromisoformat(date[:10])
    except ValueError:
        return None
    if period == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if period == "week":
        y, w, _ = d.isocalendar()
        return f"{y:04d}-W{w:02d}"
    raise ValueError(f"period must be one of {', '.join(PERIODS)}, not {period!r}")


def all_periods(first: str, last: str, period: str) -> list[str]:
    """Every period from ``first`` to ``last`` (so a gap shows as zero)."""
    out = []
    if period == "month":
        y, m = int(first[:4]), int(first[5:7])
        while f"{y:04d}-{m:02d}" <= last:
            out.append(f"{y:04d}-{m:02d}")
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return out
    y, w = int(first[:4]), int(first[6:])
    d = dt.date.fromisocalendar(y, w, 1)
    while True:
        yy, ww, _ = d.isocalendar()
        key = f"{yy:04d}-W{ww:02d}"
        if key > last:
            return out
        out.append(key)
        d += dt.timedelta(days=7)


@dataclass
class TermRow:
    period: str
    key: str  # the outlet or group
    term: str
    count: int
    articles: int  # articles of this outlet in this period
    words: int
    per_10000: float


@dataclass
class DensityPoint:
    period: str
    key: str
    articles: int
    words: int
    loaded: int
    per_1000: float


@dataclass
class CoverageRow:
    event: str
    label: str
    outlet: str
    articles: int


@dataclass
class Trends:
    """Everything ``framing trends`` writes: ``by`` is outlet or group."""

    by: str
    period: str
    periods: list[str]
    keys: list[str]
    terms: list[str]
    term_rows: list[TermRow] = field(default_factory=list)
    density: list[DensityPoint] = field(default_factory=list)
    coverage: list[CoverageRow] = field(default_factory=list)
    undated: int = 0
    #: dated articles of the series surely not in English, by language: the
    #: shipped lexicons are not matched in them, so their loaded-term points
    #: count only entries of a --lexicon-dir of the user's
    not_english: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _key(a: Article, by: str) -> str:
    if by == "outlet":
        return a.outlet_name
    if by == "group":
        return group_of(a)
    raise ValueError(f"by must be one of {', '.join(BY)}, not {by!r}")


def trends(articles: Iterable[Article], hits: Iterable[Hit], terms: Sequence[str], *,
           by: str = "outlet", period: str = "month", copies: Mapping[int, int] | None = None,
           events: Sequence[Any] = (), ndigits: int = 3) -> Trends:
    """Term use, loaded-term density and coverage over time. ``events`` are
    the report's events (or :class:`~framing.compare.grouping.EventGroup` s:
    anything with ``id``, ``label`` and ``articles``) for the coverage counts."""
    copies = copies or {}
    if period not in PERIODS:
        raise ValueError(f"period must be one of {', '.join(PERIODS)}, not {period!r}")
    patterns = [(t, phrase_pattern(t)) for t in terms]
    arts = [a for a in articles if a.id not in copies]
    dated = [(a, period_of(a.date, period)) for a in arts]
    undated = sum(1 for _, p in dated if p is None)
    dated = [(a, p) for a, p in dated if p is not None]
    n_art: Counter[tuple[str, str]] = Counter()
    n_words: Counter[tuple[str, str]] = Counter()
    n_term: Counter[tuple[str, str, str]] = Counter()
    where: dict[int, tuple[str, str]] = {}
    for a, p in dated:
        assert p is not None
        k = (p, _key(a, by))
        where[int(a.id or 0)] = k
        n_art[k] += 1
        n_words[k] += article_words(a)
        text = (a.title or "") + "\n\n" + a.body
        for t, pat in patterns:
            n = sum(1 for _ in pat.finditer(text))
            if n:
                n_term[(k[0], k[1], t)] += n
    loaded: Counter[tuple[str, str]] = Counter()
    for h in hits:
        if h.loaded and h.article in where:
            loaded[where[h.article]] += 1
    langs = Counter(lang for a, _ in dated if (lang := other_language(a.title, a.body, a.language)) is not None)
    used = sorted({p for p, _ in n_art})
    periods = all_periods(used[0], used[-1], period) if used else []
    keys = sorted({k for _, k in n_art}, key=str.lower)
    term_rows = []
    dens = []
    for p in periods:
        for k in keys:
            if not n_art[(p, k)]:
                continue
            w = n_words[(p, k)]
            for t in terms:
                c = n_term[(p, k, t)]
                term_rows.append(TermRow(p, k, t, c, n_art[(p, k)], w,
                                         round(c * 10000.0 / w, ndigits) if w else 0.0))
            dens.append(DensityPoint(p, k, n_art[(p, k)], w, loaded[(p, k)],
                                     round(loaded[(p, k)] * 1000.0 / w, ndigits) if w else 0.0))
    outlet_of = {int(a.id or 0): a.outlet_name for a in arts}
    cov = []
    for e in events:
        c = Counter(outlet_of[i] for i in e.articles if i in outlet_of)
        cov += [CoverageRow(e.id, e.label, o, n) for o, n in sorted(c.items(), key=lambda on: on[0].lower())]
    return Trends(by=by, period=period, periods=periods, keys=keys, terms=list(terms),
                  term_rows=term_rows, density=dens, coverage=cov, undated=undated,
                  not_english=dict(sorted(langs.items(), key=lambda kv: (-kv[1], kv[0]))))
