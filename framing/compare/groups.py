"""Outlet groups: the same comparisons per group of outlets (a leaning such as
AllSides' left / center / right, a country, an owner) instead of per outlet.

An article's group is :attr:`~framing.models.Article.group` (a manifest or
export ``group`` column, or the one named with ``--group-by``); articles
without one count under :data:`NO_GROUP` when some articles have a group.
:func:`compare_groups` gives the density of loaded language per group (the
same measure and interval as :func:`~framing.compare.density.density`) and
the terms each group uses more than the other groups (weighted log-odds with
an informative Dirichlet prior, with BH-adjusted significance: see
:mod:`framing.compare.keyness`). Near-duplicate copies count once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import replace

from ..models import Article, Hit
from ..text.language import other_language
from .density import density
from .distinctive import MIN_COUNT, MIN_Z, TOP, keyed_count_rows
from .keyness import ALPHA0, MAX_NGRAM, NO_STOP_WORDS, StopWords, count_terms
from .model import GroupComparison, GroupDensityRow, GroupDistinctiveRow

#: The group of articles that have none, when others have one.
NO_GROUP = "(no group)"
#: A term is listed for a group of two or more outlets only when no single
#: outlet holds more than this share of the group's uses of it: a word that
#: one outlet carries shows that outlet's house style or page furniture (a
#: gallery's "hide caption", its own name, "Mr" in its style book), not an
#: emphasis of the group. The sampling unit of a group is the outlet, as the
#: text is for dispersion-aware keyness in corpus linguistics.
ONE_OUTLET_SHARE = 0.8

NOTE = ("Each outlet group's loaded terms per 1,000 words, and the words and phrases a group uses "
        "more than the other groups (log-odds z; q is the Benjamini–Hochberg adjusted p-value over "
        "every term the group used at least twice, so q < 0.05 holds up across thousands of terms). "
        "A term that one outlet carries (more than four fifths of its group's uses) is left out: it "
        "shows that outlet's style or page furniture, not the group's. "
        "Groups come from the input's own column; they show emphasis, not bias by themselves.")


def group_of(article: Article) -> str:
    return article.group or NO_GROUP


def has_groups(articles: Iterable[Article]) -> bool:
    return any(a.group for a in articles)


def compare_groups(
    articles: Iterable[Article],
    hits: Iterable[Hit],
    *,
    copies: Mapping[int, int] | None = None,
    by: str = "group",
    stop_words: StopWords = NO_STOP_WORDS,
    max_n: int = MAX_NGRAM,
    min_count: int = MIN_COUNT,
    min_z: float = MIN_Z,
    top: int = TOP,
    alpha0: float = ALPHA0,
    ndigits: int = 3,
    languages: Mapping[int, str] | None = None,
) -> GroupComparison | None:
    """Density and distinctive terms per outlet group for ``articles`` (each
    with an id) and their ``hits``; None when fewer than two groups are present.
    ``languages`` (article id -> language of the articles surely not in
    English) is read from the articles when not given."""
    copies = copies or {}
    arts = [a for a in articles if a.id not in copies]
    if not has_groups(arts):
        return None
    names = sorted({group_of(a) for a in arts})
    if len(names) < 2:
        return None
    if languages is None:
        languages = {a.id: lang for a in arts if (lang := other_language(a.title, a.body, a.language)) is not None}
    outlets: dict[str, set[str]] = {g: set() for g in names}
    for a in arts:
        outlets[group_of(a)].add(a.outlet_name)
    as_group = [replace(a, outlet=group_of(a), raw=b"") for a in arts]
    rows = density(as_group, hits, ndigits=ndigits, languages=languages)
    dens = [GroupDensityRow(group=r.outlet, outlets=sorted(outlets[r.outlet]), articles=r.articles,
                            words=r.words, loaded=r.loaded, per_1000=r.per_1000, ci95=r.ci95,
                            by_category=r.by_category, by_voice=r.by_voice, warning=r.warning,
                            per_1000_by_category=r.per_1000_by_category) for r in rows]
    # Terms are counted per outlet, then summed per group, so that a term one
    # outlet carries can be told from the group's.
    texts: dict[tuple[str, str], list[str]] = {}
    for a in arts:
        texts.setdefault((group_of(a), a.outlet_name), []).extend((a.title or "", a.body))
    by_outlet = {k: count_terms(t, max_n=max_n, stop_words=stop_words) for k, t in sorted(texts.items())}
    per: dict[str, Counter[str]] = {g: Counter() for g in names}
    members: dict[str, list[Counter[str]]] = {g: [] for g in names}
    for (g, _), counts in by_outlet.items():
        per[g].update(counts)
        members[g].append(counts)

    def _group_wide(group: str, term: str) -> bool:
        if len(members[group]) < 2:
            return True  # one outlet is the whole group: nothing to tell apart
        return max(c[term] for c in members[group]) <= ONE_OUTLET_SHARE * per[group][term]

    dist = keyed_count_rows(per, min_count=min_count, min_z=min_z, top=top, alpha0=alpha0, ndigits=ndigits,
                            keep=_group_wide)
    return GroupComparison(
        by=by, groups=names, density=dens,
        distinctive=[GroupDistinctiveRow(group=r.outlet, terms=r.terms) for r in dist],
        note=NOTE,
    )
