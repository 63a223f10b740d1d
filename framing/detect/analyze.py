"""From stored articles to stored analyses: :func:`analyze` runs the
:class:`~framing.detect.detector.Detector` on what is new or changed and
writes one :class:`~framing.models.Analysis` per article (its hits, its
quotations and its sentences) into the store."""

from __future__ import annotations

import gc
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, overload

from ..models import Analysis, Article
from ..store import AnalysisRows, Store, analysis_rows
from .detector import Detector, check_once
from .classifier import LinearModel, model_key
from .lexicon import Lexicon

#: Analyses stored per transaction (what ``kill -9`` cannot half-write).
BATCH = 256
#: Articles a worker process analyses per task with ``jobs`` > 1 (the last
#: tasks are smaller, down to MIN_TASK, so that the workers finish together).
TASK = 32
MIN_TASK = 4


@dataclass(frozen=True)
class AnalyzeResult:
    """What :func:`analyze` did: articles scored, articles already up to date,
    and the analyzer version (lexicon version + model version)."""

    analyzed: int
    unchanged: int
    version: str


@overload
def analyze(source: Store, lexicon: Lexicon | Detector, *, force: bool = False,
            jobs: int = 1, check_examples: bool = False) -> AnalyzeResult: ...


@overload
def analyze(source: Iterable[Article], lexicon: Lexicon | Detector, *,
            force: bool = False, jobs: int = 1, check_examples: bool = False) -> dict[int, Analysis]: ...


def analyze(source: Store | Iterable[Article], lexicon: Lexicon | Detector, *,
            force: bool = False, jobs: int = 1,
            check_examples: bool = False) -> AnalyzeResult | dict[int, Analysis]:
    """Analyse articles with ``lexicon`` (or a fitted :class:`Detector`).

    Given a :class:`~framing.store.Store`: analyse and store what is new or
    changed (articles never analysed, articles whose fingerprint changed, or
    all of them when the lexicon or model changed, or ``force``); analyses
    are written :data:`BATCH` articles per transaction, so an interrupted run
    keeps every batch it finished. ``jobs`` > 1 analyses in that many worker
    processes while this one reads and writes the store; the stored result
    is the same whatever ``jobs``. Returns an :class:`AnalyzeResult`. With
    ``check_examples`` (a lexicon from :func:`~framing.detect.lexicon.read_lexicon`),
    its examples are checked as :func:`~framing.detect.load_lexicon` does, once
    there is something to analyse: an unchanged store is answered at once.

    Given articles (e.g. from :func:`framing.load`, which numbers them):
    returns ``{article id: Analysis}``, for :func:`framing.compare.build_report`.
    """
    if isinstance(source, Store) and isinstance(lexicon, Lexicon):
        # Nothing new or changed: answer from the store, without building the
        # detector (its matchers, the sentence splitter, the model).
        version = f"{lexicon.version}+{model_key(lexicon)}"
        total, todo_ids = _todo(source, version, force)
        if not todo_ids:
            return AnalyzeResult(analyzed=0, unchanged=total, version=version)
    detector = lexicon if isinstance(lexicon, Detector) else Detector(lexicon)
    if check_examples:
        check_once(detector.lexicon, detector)  # with the detector just built, not a second one
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
    fingerprints = store.fingerprints()
    done = store.analyzed()
    todo = sorted(aid for aid, fp in fingerprints.items() if force or done.get(aid) != (fp, version))
    batch: list[AnalysisRows] = []
    for rows in _analysis_rows(store, detector, todo, fingerprints, jobs):
        batch.append(rows)
        if len(batch) >= BATCH:
            store.put_analysis_rows(batch)
            batch = []
    if batch:
        store.put_analysis_rows(batch)
    return AnalyzeResult(analyzed=len(todo), unchanged=len(fingerprints) - len(todo), version=version)


def _todo(store: Store, version: str, force: bool) -> tuple[int, list[int]]:
    """How many articles the store holds, and the ids that need analysing with ``version``."""
    fingerprints = store.fingerprints()
    done = store.analyzed()
    return len(fingerprints), sorted(aid for aid, fp in fingerprints.items()
                                     if force or done.get(aid) != (fp, version))


def _analysis_rows(store: Store, detector: Detector, todo: Sequence[int],
                   fingerprints: dict[int, str], jobs: int) -> Iterator[AnalysisRows]:
    """The analyses of the articles ``todo`` as the store's rows, in id order:
    here, or in ``jobs`` worker processes a few tasks ahead. Workers also turn
    each analysis into rows, so that this process, the one writer, only reads
    articles and writes rows.

    Where processes can be forked (Linux), the workers are forked with this
    process's detector, built and fitted (its matchers, model and word lists
    are not built again in each worker); elsewhere each worker builds its own
    from the lexicon and the model's JSON."""
    if jobs <= 1 or len(todo) <= TASK:
        for article in store.articles(todo):
            yield analysis_rows(detector.analyze(article), fingerprints[article.id])
        return
    global _WORKER
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from ..forking import can_fork

    forked = can_fork()
    frozen = False
    if forked:
        _WORKER = detector
        pool = ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork"))
    else:
        pool = ProcessPoolExecutor(max_workers=jobs, initializer=_start_worker,
                                   initargs=(detector.lexicon, detector.model.to_json()))
    try:
        if forked:
            # The workers are forked at the first submit, with every object
            # this process holds (the detector's matchers, model and word lists
            # among them). Frozen, those objects are visited by no collection
            # in the workers (nor here), so no worker copies their pages to do so.
            frozen = gc.get_freeze_count() == 0
            gc.freeze()
        pending: deque[Any] = deque()
        for ids in _tasks(todo, jobs):
            task = [(a, fingerprints[a.id]) for a in store.articles(ids)]
            pending.append(pool.submit(_analyze_task, task))
            if len(pending) > 2 * jobs:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        pool.shutdown(cancel_futures=True)
        if forked:
            _WORKER = None
            if frozen:  # a caller's freeze is left alone
                gc.unfreeze()


def _tasks(todo: Sequence[int], jobs: int) -> Iterator[Sequence[int]]:
    """``todo`` cut into tasks of :data:`TASK` articles, smaller towards the
    end (down to :data:`MIN_TASK`), so that the workers finish together."""
    i = 0
    while i < len(todo):
        size = max(MIN_TASK, min(TASK, (len(todo) - i) // (4 * jobs)))
        yield todo[i:i + size]
        i += size


_WORKER: Detector | None = None


def _start_worker(lexicon: Lexicon, model: dict[str, Any]) -> None:
    global _WORKER
    _WORKER = Detector(lexicon, model=LinearModel.from_json(model))


def _analyze_task(articles: list[tuple[Article, str]]) -> list[AnalysisRows]:
    assert _WORKER is not None
    return [analysis_rows(_WORKER.analyze(a), fingerprint) for a, fingerprint in articles]
