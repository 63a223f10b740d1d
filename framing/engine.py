"""Where the heavy stages run: here (the local engine), or as Dask tasks on a
cluster (``framing run --engine dask``, ``pip install framing[dask]``).

An engine runs three stages over shards, and everything comes back, in input
order, to the one process that owns the store and writes the reports:

* parsing: input files (:func:`framing.corpus.load_items`), a window at a time;
* detection: shards of stored articles (:meth:`Detector.analyze`), with the
  lexicon and the fitted model sent to each worker once;
* per-event analysis: shards of events (:func:`framing.compare.build_events`).

Grouping, the store and the reports stay in the client. Because results are
stored and assembled in input order, the Dask engine writes the same store and
byte-identical reports as the local one. See docs/dask.md.
"""

from __future__ import annotations

import dataclasses
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from .corpus import IngestRun
from .detect import Detector, Lexicon
from .detect.classifier import LinearModel
from .errors import FramingError
from .models import Analysis, Article
from .store import Store

#: The engines :func:`framing.run` and ``framing run --engine`` know.
ENGINES = ("local", "dask")

#: Articles per detection task.
ARTICLES_PER_SHARD = 200

INSTALL_HINT = "the dask engine needs Dask: pip install 'framing[dask]'"


class EngineError(FramingError):
    """The engine cannot run: Dask missing, or its scheduler unreachable."""


def _chunks(items: Sequence[Any], size: int) -> list[list[Any]]:
    return [list(items[i:i + size]) for i in range(0, len(items), size)]


class LocalEngine:
    """Everything in this process, one shard after another."""

    name = "local"

    def map_shards(self, fn: Callable[..., Any], shards: Iterable[Any], *shared: Any) -> Iterator[Any]:
        """``fn(shard, *shared)`` for each shard, in order."""
        return (fn(shard, *shared) for shard in shards)

    def close(self) -> None:
        pass

    def __enter__(self) -> "LocalEngine":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class DaskEngine(LocalEngine):
    """Shards as Dask tasks, on the cluster whose scheduler is at ``scheduler``
    (``tcp://host:8786``), or on a local cluster of this machine's cores when it
    is None. ``client``: a ``distributed.Client`` you made (not closed here)."""

    name = "dask"

    def __init__(self, scheduler: str | None = None, *, client: Any = None, window: int | None = None):
        try:
            import distributed
        except ImportError:
            raise EngineError(INSTALL_HINT) from None
        self._own = client is None
        if client is None:
            try:
                client = (distributed.Client(scheduler, timeout="20s") if scheduler
                          else distributed.Client(processes=True, dashboard_address=":0"))
            except (OSError, TimeoutError) as exc:
                raise EngineError(f"cannot reach the Dask scheduler at {scheduler} ({exc})") from None
        self.client = client
        workers = max(1, sum(client.nthreads().values()))
        #: Shards in flight at once: enough to keep every worker busy, few enough
        #: that an archive's articles are never all in the scheduler's memory.
        self.window = window or 2 * workers

    def map_shards(self, fn: Callable[..., Any], shards: Iterable[Any], *shared: Any) -> Iterator[Any]:
        """``fn(shard, *shared)`` for each shard as a Dask task, results in
        shard order; ``shared`` is sent to the workers once."""
        # Wrapped in a list: scatter() would otherwise send a dict's values one by one.
        sent = [self.client.scatter([s], broadcast=True, hash=False)[0] for s in shared]
        pending: deque[Any] = deque()
        for shard in shards:
            pending.append(self.client.submit(fn, shard, *sent, pure=False))
            if len(pending) >= self.window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()

    def close(self) -> None:
        if self._own:
            self.client.close()


def make_engine(engine: str | LocalEngine | None = "local", scheduler: str | None = None) -> LocalEngine:
    """The engine called ``engine`` ("local" or "dask"), or ``engine`` itself."""
    if isinstance(engine, LocalEngine):
        return engine
    if engine in (None, "local"):
        if scheduler:
            raise EngineError("--scheduler needs --engine dask")
        return LocalEngine()
    if engine == "dask":
        return DaskEngine(scheduler)
    raise EngineError(f"unknown engine {engine!r} (known: {', '.join(ENGINES)})")


# -- parsing ------------------------------------------------------------------------

def sharded_ingest(run: IngestRun, engine: LocalEngine) -> IngestRun:
    """``run`` (from :func:`framing.corpus.iter_ingest`) with its page files
    read by the engine's workers (``client.submit`` of
    :func:`framing.corpus.load_items`, a window of them in flight) and stored
    here in input order, so the ids are the same as local. Exports stream
    record by record, as they do locally: a large JSON Lines or CSV export's records
    are read by the workers in chunks too (see :func:`framing.loaders.export.read_jsonl`)."""
    if isinstance(engine, DaskEngine):
        return dataclasses.replace(run, executor=engine.client, jobs=max(run.jobs, engine.window))
    return run


# -- detection ----------------------------------------------------------------------

_detectors: dict[str, Detector] = {}


def _worker_detector(lexicon: Lexicon, model: dict[str, Any]) -> Detector:
    """The detector for this lexicon and model, built once per worker process
    (its Aho-Corasick automata cannot be pickled; the lexicon and model can)."""
    key = f"{lexicon.version}+{model.get('version')}"
    if key not in _detectors:
        _detectors.clear()
        _detectors[key] = Detector(lexicon, model=LinearModel.from_json(model))
    return _detectors[key]


def _analyze_shard(articles: list[Article], lexicon: Lexicon, model: dict[str, Any]) -> list[Analysis]:
    detector = _worker_detector(lexicon, model)
    return [detector.analyze(a) for a in articles]


def sharded_analyze(store: Store, lexicon: Lexicon | Detector, engine: DaskEngine) -> int:
    """What :func:`framing.detect.analyze` does to ``store``, with detection
    as ``engine``'s tasks; returns how many articles were analysed."""
    detector = lexicon if isinstance(lexicon, Detector) else Detector(lexicon)
    if detector.model_ is None:
        detector.fit(store=store)
    version = detector.version
    done = store.analyzed()
    fingerprints = store.fingerprints()
    todo = sorted(aid for aid, fp in fingerprints.items() if done.get(aid) != (fp, version))

    def shards() -> Iterator[list[Article]]:
        for ids in _chunks(todo, ARTICLES_PER_SHARD):
            yield list(store.articles(ids))

    for analyses in engine.map_shards(_analyze_shard, shards(), detector.lexicon, detector.model.to_json()):
        # One transaction per shard, as local analysis stores a batch at a time.
        store.put_analyses((a, fingerprints[a.article]) for a in analyses)
    return len(todo)
