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
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .compare import build_report
from .compare.model import Report
from .corpus import DEFAULT_MAX_WORDS, IngestRun, iter_ingest
from .detect import Detector, Lexicon, analyze, load_lexicon
from .errors import NothingToCompare, NotFound, OutputError
from .loaders.decode import DEFAULT_MAX_BYTES
from .report import write_all
from .report.files import check_out_dir, write_file
from .report.scope import DEFAULT_CHARTS, ChartChoice
from .sentence_model import SentenceModel, second_opinion
from .sentence_model import load as load_sentence_model
from .store import DEFAULT_DB, Store

PathLike = str | os.PathLike[str]


def compare_store(store: Store, lexicon: Lexicon | Detector, *, event: str | None = None) -> Report:
    """Bring the store's analyses up to date with ``lexicon``, then
    :func:`~framing.compare.build_report` on its articles and analyses."""
    analyze(store, lexicon)
    version = (lexicon.lexicon if isinstance(lexicon, Detector) else lexicon).version
    try:
        return build_report(store.articles(), store.analyses(), event=event, lexicon_version=version,
                            corrections=store.event_corrections())
    except NotFound:
        raise NotFound(f"no event {event!r} in {store.path}") from None


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
    sentence-model.json and returned as ``RunResult.opinion``.
    """
    paths = list(paths)
    if isinstance(sentence_model, str):
        sentence_model = load_sentence_model(sentence_model)  # fail before any work
    out_dir = Path(out) if out is not None else default_out(paths)
    check_out_dir(out_dir, paths)  # its reports must never be read back in as articles
    lexicon = load_lexicon(lexicon_dirs)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(str(out_dir), f"cannot make the output folder ({exc.strerror or exc})") from None
    with Store(out_dir / DEFAULT_DB) as store:
        ingesting = iter_ingest(store, paths, manifest=manifest, outlet=outlet, event=event,
                                columns=dict(columns or {}), max_bytes=max_bytes, max_words=max_words)
        failed = (on_ingest or _count_errors)(ingesting)
        if store.count() == 0:
            raise NothingToCompare("no articles to compare: nothing was loaded")
        report = compare_store(store, lexicon)
        opinion = (second_opinion(store, sentence_model, lexicon_dirs=lexicon_dirs)
                   if sentence_model is not None else None)
    written = write_all(report, out_dir, charts=charts)
    if opinion is not None:
        text = json.dumps(opinion, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
        written.append(write_file(out_dir / "sentence-model.json", text))
    return RunResult(out=out_dir, report=report, written=written, failed=failed, opinion=opinion)
