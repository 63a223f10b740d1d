"""The whole job as library calls: ingest, analyse, compare, write. The
``framing run`` command is a thin layer over :func:`run`; a notebook calls the
same functions::

    import framing
    result = framing.run(["pages/"], out="reports/pages")
    result.report.to_frames()["density"]     # with pandas installed
"""

from __future__ import annotations

import json
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .compare import build_report
from .compare.keyness import NO_STOP_WORDS, StopWords, read_stop_words
from .compare.model import Report
from .corpus import DEFAULT_MAX_WORDS, IngestRun, iter_ingest
from .detect import Detector, Lexicon, analyze, load_lexicon
from .engine import DaskEngine, LocalEngine, make_engine, sharded_analyze, sharded_ingest
from .errors import NothingToCompare, NotFound, OutputError
from .loaders.decode import DEFAULT_MAX_BYTES
from .models import Article
from .report import write_all
from .report.files import check_out_dir, write_file
from .report.scope import DEFAULT_CHARTS, ChartChoice
from .sentence_model import SentenceModel, second_opinion
from .sentence_model import load as load_sentence_model
from .store import DEFAULT_DB, Store

PathLike = str | os.PathLike[str]

if TYPE_CHECKING:
    from .compare.kwic import Context
    from .compare.trends import Trends


def compare_store(store: Store, lexicon: Lexicon | Detector, *, event: str | None = None,
                  jobs: int = 1, engine: LocalEngine | None = None,
                  stop_words: StopWords = NO_STOP_WORDS) -> Report:
    """Bring the store's analyses up to date with ``lexicon`` (in ``jobs``
    processes, or on ``engine``'s workers if it is a Dask engine), then
    :func:`~framing.compare.build_report` on its articles and analyses (the
    per-event analysis also in ``jobs`` processes, or on the Dask workers)."""
    if isinstance(engine, DaskEngine):
        sharded_analyze(store, lexicon, engine)
    else:
        analyze(store, lexicon, jobs=jobs)
    version = (lexicon.lexicon if isinstance(lexicon, Detector) else lexicon).version
    if isinstance(engine, DaskEngine):
        map_shards = engine.map_shards
    elif jobs > 1:
        map_shards = process_map(jobs)
    else:
        map_shards = engine.map_shards if engine is not None else None
    try:
        return build_report(store.articles(), store.analyses(), event=event, lexicon_version=version,
                            corrections=store.event_corrections(), stop_words=stop_words,
                            map_shards=map_shards)
    except NotFound:
        raise NotFound(f"no event {event!r} in {store.path}") from None


def process_map(jobs: int, per_child: int | None = None,
                ) -> Callable[[Callable[[Any], Any], Iterable[Any]], Iterator[Any]]:
    """A ``map_shards`` for :func:`~framing.compare.build_report` that runs
    the shards in ``jobs`` worker processes and yields the results in the
    shards' order (so the report is the same as with the built-in ``map``).
    One shard, or ``jobs`` 1, runs here.

    Where processes can be forked (Linux), each worker is forked after the
    shards are in place, reads its shards from this process's memory (a task
    is a shard's index, not a pickled copy of its articles and analyses), and
    exits after ``per_child`` shards (default
    :data:`framing.forking.ITEMS_PER_CHILD`), so that no worker accumulates
    copies of this process's memory (see :mod:`framing.forking`). Elsewhere
    each shard is pickled to a worker of a process pool. The map's ``jobs``
    attribute is ``jobs``: grouping reads it to run two of its steps side by
    side."""

    def map_shards(fn: Callable[[Any], Any], shards: Iterable[Any]) -> Iterator[Any]:
        shards = list(shards)
        if jobs <= 1 or len(shards) < 2:
            yield from map(fn, shards)
            return
        from .forking import ITEMS_PER_CHILD, can_fork, forked_map

        if can_fork():
            yield from forked_map(fn, shards, jobs, per_child or ITEMS_PER_CHILD)
            return
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=jobs) as pool:
            pending: deque[Any] = deque()
            for shard in shards:
                pending.append(pool.submit(fn, shard))
                if len(pending) > 2 * jobs:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()

    map_shards.jobs = jobs  # type: ignore[attr-defined]  # how many processes it may use (grouping reads it)
    return map_shards


def report_readonly(db: PathLike, *, event: str | None = None) -> Report:
    """The report of a store as it was last analysed, opened read-only (changes nothing)."""
    with Store.open_readonly(db) as store:
        return build_report(store.articles(), store.analyses(), event=event,
                            corrections=store.event_corrections())


def _count_errors(reports: IngestRun) -> int:
    return sum(len(rep.errors) for rep in reports)


@dataclass
class RunResult:
    """What :func:`run` did: the output folder, the report, the files written
    and how many inputs failed."""

    out: Path
    report: Report
    written: list[Path] = field(default_factory=list)
    failed: int = 0
    #: With a sentence model: its second opinion (also written as sentence-model.json).
    opinion: dict | None = None


def default_out(paths: Sequence[PathLike | tuple[PathLike, str]]) -> Path:
    """``reports/<name of the first path>``."""
    first = paths[0][0] if isinstance(paths[0], tuple) else paths[0]
    return Path("reports") / (Path(first).resolve().name or "corpus")


def run(
    paths: Iterable[PathLike | tuple[PathLike, str]],
    out: PathLike | None = None,
    *,
    manifest: PathLike | None = None,
    outlet: str | None = None,
    event: str | None = None,
    columns: Mapping[str, str] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_words: int | None = DEFAULT_MAX_WORDS,
    lexicon_dirs: Sequence[PathLike] = (),
    on_ingest: Callable[[IngestRun], int] | None = None,
    charts: str | bool | ChartChoice | None = DEFAULT_CHARTS,
    sentence_model: str | SentenceModel | None = None,
    group_by: str | None = None,
    stop_words: PathLike | StopWords | None = None,
    jobs: int = 1,
    engine: str | LocalEngine = "local",
    scheduler: str | None = None,
) -> RunResult:
    """Ingest ``paths`` into ``out/framing.db``, analyse, compare, and write
    every report into ``out`` (default ``reports/<name of the first path>``):
    report.html (an index linking events/<id>.html), report.md, report.json,
    report.txt, hits.jsonl, csv/ and charts/.

    ``charts`` (``none``, ``top:N`` or ``all``) says which events covered by
    two or more outlets get charts (see :mod:`framing.report.scope`).
    ``on_ingest`` receives the lazy ingest (one :class:`~framing.corpus.FileReport`
    per file as it is stored) and returns the number of failures; the CLI prints
    there. Raises :class:`~framing.errors.NothingToCompare` when the store is empty.

    ``sentence_model`` (a name from ``framing model list``, or a loaded model)
    adds its per-sentence second opinion beside the lexicon hits, written as
    sentence-model.json and returned as ``RunResult.opinion``. ``jobs`` worker
    processes read pages and find loaded language (one process writes; the
    same result for any number). ``group_by`` names the manifest or export
    column that puts outlets in groups (default: one named ``group``,
    ``leaning`` or ``bias_text``); ``stop_words`` is a file (or
    :class:`~framing.compare.keyness.StopWords`) of words and phrases to leave
    out of the distinctive terms.

    ``engine="dask"`` runs parsing, detection and per-event analysis as Dask
    tasks (on the cluster whose scheduler is at ``scheduler``, or on a local
    cluster), with the same report (see :mod:`framing.engine`).
    """
    paths = list(paths)
    if isinstance(sentence_model, str):
        sentence_model = load_sentence_model(sentence_model)  # fail before any work
    stops = stop_words if isinstance(stop_words, StopWords) else (
        read_stop_words(stop_words) if stop_words is not None else NO_STOP_WORDS)  # fail before any work
    if group_by:
        columns = {**(columns or {}), "group": group_by}
    out_dir = Path(out) if out is not None else default_out(paths)
    check_out_dir(out_dir, paths)  # its reports must never be read back in as articles
    lexicon = load_lexicon(lexicon_dirs)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(str(out_dir), f"cannot make the output folder ({exc.strerror or exc})") from None
    with make_engine(engine, scheduler) as runner, Store(out_dir / DEFAULT_DB) as store:
        ingesting = iter_ingest(store, paths, manifest=manifest, outlet=outlet, event=event,
                                columns=dict(columns or {}), max_bytes=max_bytes, max_words=max_words,
                                jobs=jobs)
        failed = (on_ingest or _count_errors)(sharded_ingest(ingesting, runner))
        if store.count() == 0:
            raise NothingToCompare("no articles to compare: nothing was loaded")
        report = compare_store(store, lexicon, jobs=jobs, engine=runner, stop_words=stops)
        opinion = (second_opinion(store, sentence_model, lexicon_dirs=lexicon_dirs)
                   if sentence_model is not None else None)
    # --jobs N > 1 also writes the report's files in N processes; by default
    # only the charts are drawn over every CPU (see framing.report.workers)
    written = write_all(report, out_dir, charts=charts, lexicon=lexicon, jobs=jobs if jobs > 1 else None)
    if opinion is not None:
        text = json.dumps(opinion, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
        written.append(write_file(out_dir / "sentence-model.json", text))
    return RunResult(out=out_dir, report=report, written=written, failed=failed, opinion=opinion)


def store_trends(store: Store, lexicon: Lexicon | Detector, terms: Sequence[str], *, by: str = "outlet",
                 period: str = "month") -> "Trends":
    """Bring the store's analyses up to date, then
    :func:`~framing.compare.trends.trends` of its articles: the chosen terms
    and loaded-term density per ``by`` (outlet or group) per ``period``
    (month or week), and articles per outlet per event."""
    from .compare.grouping import group_events, near_duplicates
    from .compare.trends import trends

    analyze(store, lexicon)
    arts = list(store.articles())
    copies = near_duplicates(arts)
    events = group_events(arts, copies=copies, corrections=store.event_corrections())
    hits = [h for an in store.analyses().values() for h in an.hits]
    return trends(arts, hits, terms, by=by, period=period, copies=copies, events=events)


def explore(source: Store | Iterable[Article], query: str, *, lexicon: Lexicon | Detector | None = None,
            width: int = 60, outlets: Iterable[str] | None = None,
            limit: int | None = None) -> "list[Context]":
    """Every occurrence of ``query`` in a store's (or a list's) articles, in
    context, by outlet, with its voice: :func:`~framing.compare.kwic.kwic`
    with the speech cues of ``lexicon`` (default: the bundled one)."""
    from .compare.kwic import kwic

    detector = lexicon if isinstance(lexicon, Detector) else Detector(
        lexicon if lexicon is not None else load_lexicon())
    articles = source.articles() if isinstance(source, Store) else source
    return kwic(articles, query, detector.voice_map, width=width, outlets=outlets, limit=limit)
