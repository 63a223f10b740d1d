"""Loaded-language density per outlet: loaded hits per 1,000 words, by
category and by voice, with an exact Poisson 95 % interval (Garwood 1936).

Words are the article's title plus body word count (hits can fall in either).
Near-duplicate copies (``copies``: copy id → original id) are left out of both
the words and the hits, so a syndicated wire story is counted once, for the
outlet that published it first. An outlet whose only articles in the event are
copies gets no row. An outlet whose articles are all in another language
(``languages``) gets a warning instead of the small-count one: framing's
shipped lexicons are English and are not matched there, so its rate of 0 says
nothing about its wording.
"""

from __future__ import annotations

from functools import lru_cache

from collections import Counter
from collections.abc import Iterable, Mapping

from ..models import CATEGORIES, VOICES, Article, Hit
from ._text import text_words
from .model import DensityRow

#: Below these, a density row carries a warning that it is too small to compare.
MIN_LOADED = 5
MIN_WORDS = 300


def poisson_ci(count: int, *, level: float = 0.95) -> tuple[float, float]:
    """Exact (Garwood) confidence interval for a Poisson count."""
    return _poisson_ci(count, level)


@lru_cache(maxsize=4096)
def _poisson_ci(count: int, level: float) -> tuple[float, float]:
    # Cached: an archive asks for the same small counts tens of thousands of
    # times, and each SciPy ppf call costs a fraction of a millisecond.
    # SciPy's statistics load here, on the first interval asked for: the
    # report's renderers import this module (article_words) and need none.
    from scipy.stats import chi2

    a = 1.0 - level
    lo = 0.0 if count == 0 else float(chi2.ppf(a / 2, 2 * count)) / 2
    hi = float(chi2.ppf(1 - a / 2, 2 * count + 2)) / 2
    return lo, hi


def article_words(article: Article) -> int:
    # (count_words of each, from the word lists naming reads again)
    return len(text_words(article.title or "")) + len(text_words(article.body))


def warning_for(loaded: int, words: int) -> str | None:
    parts = []
    if words < MIN_WORDS:
        parts.append(f"only {words} words")
    if loaded < MIN_LOADED:
        parts.append(f"only {loaded} loaded term{'s' if loaded != 1 else ''}")
    if not parts:
        return None
    return " and ".join(parts).capitalize() + ": too few to compare this outlet's rate with confidence."


def language_warning(langs: Iterable[str]) -> str:
    """The warning of a row whose articles are all in other languages (codes ``langs``)."""
    from ..text.language import language_counts

    return (f"Not in English ({language_counts(Counter(langs), 3)}): framing's English lexicons are not "
            f"matched in it, so this rate counts only entries of a --lexicon-dir of yours and is not "
            f"comparable with English outlets'.")


def density(
    articles: Iterable[Article],
    hits: Iterable[Hit],
    *,
    copies: Mapping[int, int] | None = None,
    ndigits: int = 3,
    languages: Mapping[int, str] | None = None,
) -> list[DensityRow]:
    """One row per outlet (sorted by name; articles without an outlet under
    :data:`~framing.models.UNKNOWN_OUTLET`) for the given articles and their hits.
    ``languages``: article id -> language code of the articles surely not in
    English (:func:`~framing.text.language.other_language`)."""
    copies = copies or {}
    languages = languages or {}
    arts = [a for a in articles if a.id not in copies]
    outlet_of = {a.id: a.outlet_name for a in arts}
    n_articles: Counter[str] = Counter()
    n_words: Counter[str] = Counter()
    other: dict[str, list[str]] = {}
    for a in arts:
        other.setdefault(outlet_of[a.id], []).append(languages.get(a.id, ""))
        n_articles[outlet_of[a.id]] += 1
        n_words[outlet_of[a.id]] += article_words(a)
    by_cat: dict[str, Counter[str]] = {o: Counter() for o in n_articles}
    by_voice: dict[str, Counter[str]] = {o: Counter() for o in n_articles}
    for h in hits:
        if not h.loaded or h.article not in outlet_of:
            continue
        o = outlet_of[h.article]
        by_cat[o][h.category] += 1
        by_voice[o][h.voice] += 1
    rows = []
    for o in sorted(n_articles):
        loaded = sum(by_cat[o].values())
        words = n_words[o]
        scale = 1000.0 / words if words else 0.0
        lo, hi = poisson_ci(loaded)
        cats = {c: by_cat[o].get(c, 0) for c in CATEGORIES}
        cats.update({c: n for c, n in sorted(by_cat[o].items()) if c not in cats})
        rows.append(DensityRow(
            outlet=o,
            articles=n_articles[o],
            words=words,
            loaded=loaded,
            per_1000=round(loaded * scale, ndigits),
            ci95=[round(lo * scale, ndigits), round(hi * scale, ndigits)],
            by_category=cats,
            by_voice={v: by_voice[o].get(v, 0) for v in VOICES},
            warning=(language_warning(other[o]) if all(other[o]) else warning_for(loaded, words)),
            per_1000_by_category={c: round(n * scale, ndigits) for c, n in cats.items()},
        ))
    return rows

