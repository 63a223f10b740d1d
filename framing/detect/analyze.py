"""From stored articles to stored analyses: :func:`analyze` runs the
:class:`~framing.detect.detector.Detector` on what is new or changed and
writes one :class:`~framing.models.Analysis` per article (its hits, its
quotations and its sentences) into the store."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import overload

from ..models import Analysis, Article
from ..store import Store
from .detector import Detector
from .lexicon import Lexicon


@dataclass(frozen=True)
class AnalyzeResult:
    """What :func:`analyze` did: articles scored, articles already up to date,
    and the analyzer version (lexicon version + model version)."""

    analyzed: int
    unchanged: int
    version: str


@overload
def analyze(source: Store, lexicon: Lexicon | Detector, *, force: bool = False) -> AnalyzeResult: ...


@overload
def analyze(source: Iterable[Article], lexicon: Lexicon | Detector, *,
            force: bool = False) -> dict[int, Analysis]: ...


def analyze(source: Store | Iterable[Article], lexicon: Lexicon | Detector, *,
            force: bool = False) -> AnalyzeResult | dict[int, Analysis]:
    """Analyse articles with ``lexicon`` (or a fitted :class:`Detector`).

    Given a :class:`~framing.store.Store`: analyse and store what is new or
    changed (articles never analysed, articles whose fingerprint changed, or
    all of them when the lexicon or model changed, or ``force``); each
    article's analysis is written in one transaction, so an interrupted run
    keeps every article it finished. Returns an :class:`AnalyzeResult`.

    Given articles (e.g. from :func:`framing.load`, which numbers them):
    returns ``{article id: Analysis}``, for :func:`framing.compare.build_report`.
    """
    detector = lexicon if isinstance(lexicon, Detector) else Detector(lexicon)
    if not isinstance(source, Store):
        if detector.model_ is None:
            detector.fit()
        out = {}
        for article in source:
            if article.id is None:
                raise ValueError("every article needs an id (framing.load numbers them)")
            out[article.id] = detector.analyze(article)
        return out
    store = source
    if detector.model_ is None:
        detector.fit(store=store)
    version = detector.version
    done = store.analyzed()
    fingerprints = store.fingerprints()
    todo = sorted(aid for aid, fp in fingerprints.items() if force or done.get(aid) != (fp, version))
    for article in store.articles(todo):
        if article.id is None:  # pragma: no cover - stored articles have ids
            continue
        store.put_analysis(detector.analyze(article), fingerprints[article.id])
    return AnalyzeResult(analyzed=len(todo), unchanged=len(fingerprints) - len(todo), version=version)
