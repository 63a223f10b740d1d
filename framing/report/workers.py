"""The files of :func:`framing.report.write_all` written by several processes.

A report of an archive is tens of thousands of files (an event page per
event, the JSON, Markdown, terminal text, CSV tables, the explorer) plus the
charts, and each of them depends on the report alone. :func:`write_report`
splits them into tasks (one per chart event, one per format, the event pages
in shares of about :data:`PAGES_ARTICLES` articles). The charts and the event
pages run in worker processes forked from this one, one task per worker
(:class:`~framing.forking.ForkPool`: a worker exits after its task, so none
accumulates memory): a chart's worker reads its event, a share's worker
reads its share, a small report of its own made here
(:class:`~framing.report.pages.PageShares`), and the files made from the
whole report are written here meanwhile, so no worker reads (and, through
CPython's reference counts, copies) the whole report. Each worker writes its
files as temporary files (:class:`~framing.report.files.ReportFiles`) and hands
them over; the parent syncs and renames them all at the end, so a failure
anywhere still leaves the previous report as it was. Every file's bytes are
the same whichever process wrote it.

For a large report (:data:`ZYGOTE_ARTICLES`) the workers are forked from a
zygote (see :mod:`framing.forking`), a fresh process that imported the
renderers, and a chart's event or a share is pickled to its worker: a worker
forked from this process would keep the old copy of every page this process
touched while it lived (writing report.json touches the whole report), which
at 50,000 articles was about 0.5 GB for two workers.

The Markdown report and the pages of the charted events need the charts'
names and SVG text, so they are written once the charts are drawn; the
largest tasks go first. The charts are queued before anything else, and
report.json (which reads the report itself) is written while the zygote
starts and forks their workers; the safe copy of the report that the other
files read (:func:`~framing.report.safe.safe_model`, about 2 s at 50,000
articles) is made after it, not while a core waits. Without ``fork`` (Windows, macOS), with one job or
without ``jobs`` (then only the charts are drawn in worker processes), the
same tasks run here one after another.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any

from ..compare.model import Event, Report
from ..forking import ForkPool, can_fork, pumping
from ._common import chart_filename
from .csvout import iter_table_chunks
from .files import ReportFiles
from .markdown import markdown_lines
from .pages import PageShares, event_context, event_files, event_pages, render_index, share_pages
from .safe import safe_model
from .scope import ChartChoice, chart_events
from .terminal import terminal_lines

__all__ = ["PAGES_ARTICLES", "PARALLEL_ARTICLES", "can_fork", "write_report"]

#: Articles per share of the event pages (one task).
PAGES_ARTICLES = 2_000
#: Below this many articles and with no charts, worker processes cost more than they save.
PARALLEL_ARTICLES = 2_000

#: The modules the workers' zygote imports (see :mod:`framing.forking`), and
#: the event pages' templates it compiles for every worker forked from it.
ZYGOTE = ("framing.report.workers", "framing.report.charts", "framing.report.pages:compile_page_templates")
#: From this many articles on, the workers are forked from a zygote, not from
#: this process: a worker forked from this process keeps a copy of every page
#: of the report this process touches while the worker lives (at 50,000
#: articles about 0.5 GB for two workers); the zygote costs its imports
#: (a few CPU seconds and about 90 MB), which a small report does not repay.
ZYGOTE_ARTICLES = 5_000

#: What the tasks run in this process read.
_STATE: dict[str, Any] = {}

Staged = list[tuple[str, str]]


def _hits_jsonl(report: Report) -> Iterator[str]:
    for h in report.hits:
        yield json.dumps(h, ensure_ascii=False, sort_keys=True) + "\n"


def _add_charts(files: ReportFiles, out: Path, event: Event,
                figs: dict[str, tuple[bytes, str]]) -> dict[str, str]:
    """Add an event's drawn charts (name → PNG bytes, SVG text) to ``files``;
    returns name → SVG text, which its page and the Markdown embed."""
    for name, (png, svg) in figs.items():
        files.add(out / "charts" / chart_filename(event, name, "png"), png)
        files.add(out / "charts" / chart_filename(event, name, "svg"), svg)
    return {name: svg for name, (_png, svg) in figs.items()}


def _task(kind: str, arg: Any = None) -> tuple[Staged, Any]:
    """Run one task on :data:`_STATE`; return its temporary files (not yet
    renamed) and what the parent needs from it."""
    return _run(_STATE, kind, arg)


def _served(kind: str, arg: Any, out: Path, index_name: str) -> tuple[Staged, Any]:
    """:func:`_task` in a child of the pool's zygote, which has no
    :data:`_STATE`: a chart's or a share's task brings all it reads."""
    return _run({"out": out, "index_name": index_name}, kind, arg)


def _run(st: dict[str, Any], kind: str, arg: Any) -> tuple[Staged, Any]:
    out: Path = st["out"]
    tick: Callable[[Iterable[Any]], Iterable[Any]] = st.get("tick", iter)
    files = ReportFiles()
    result: Any = None
    try:
        if kind == "chart":
            from . import charts as _charts  # matplotlib is imported only when charts are drawn

            event: Event = arg
            result = _add_charts(files, out, event, _charts.draw_event(event, collect=True))  # in a worker
        elif kind == "json":
            report: Report = st["report"]
            files.add_lines(out / "report.json", tick(report.json_chunks()))
        elif kind == "md":
            files.add_lines(out / "report.md", tick(markdown_lines(st["report"], arg)))
        elif kind == "txt":
            files.add_lines(out / "report.txt", tick(terminal_lines(st["report"])))
        elif kind == "hits":
            files.add_lines(out / "hits.jsonl", tick(_hits_jsonl(st["report"])))
        elif kind == "csv":
            for name, chunks in iter_table_chunks(st["report"]):  # a few thousand rows in memory at a time
                files.add_lines(out / "csv" / name, tick(chunks))
        elif kind == "index":
            from .explorer import EXPLORER

            charted, note = arg
            files.add(out / st["index_name"], render_index(
                st["safe"], charted=charted, charts_note=note, explorer_href=EXPLORER))
        elif kind == "explorer":
            from .explorer import explorer_pages

            for rel, page in tick(explorer_pages(st["safe"], index_name=st["index_name"],
                                                 event_files=event_files(st["safe"]), lexicon=st["lexicon"])):
                files.add(out / rel, page)
        elif kind == "share":
            share, svgs = arg
            for rel, page in share_pages(share, svgs, st["index_name"]):
                files.add(out / rel, page)
        elif kind == "pages":
            positions, svgs = arg
            if "context" not in st:  # once per process
                st["context"] = event_context(st["safe"], st["index_name"])
            for rel, page in event_pages(st["context"], positions, svgs):
                files.add(out / rel, page)
        else:  # pragma: no cover - a programming error
            raise ValueError(f"unknown task {kind!r}")
        return files.release(), result
    except BaseException:
        files.discard()
        raise


def _shares(report: Report, positions: list[int], size: int) -> list[list[int]]:
    """Consecutive positions in shares of about ``size`` articles."""
    shares: list[list[int]] = []
    n = size
    for i in positions:
        if n >= size:
            shares.append([])
            n = 0
        shares[-1].append(i)
        n += len(report.events[i].articles)
    return shares


def write_report(report: Report, out: Path, files: ReportFiles, *, choice: ChartChoice,
                 charts_note: Callable[[int], str], jobs: int | None, lexicon: Any = None,
                 index_name: str = "report.html") -> None:
    """Write every file of ``report`` into ``out`` as part of ``files`` (see
    the module docs): with ``jobs`` above 1, over that many forked worker
    processes where that helps; with ``jobs`` None, the charts over every CPU
    and the other files here. Forked workers copy the parts of the report they
    read (CPython's reference counts write to every object they touch), so
    they read only their chart's event or their share of the event pages:
    when each worker read the whole report, at 50,000 articles two workers
    and the parent held about 3.4 GB together against 1.4 GB for one process."""
    with _collector_frozen():
        _write_report(report, out, files, choice=choice, charts_note=charts_note, jobs=jobs,
                      lexicon=lexicon, index_name=index_name)


@contextmanager
def _collector_frozen() -> Iterator[None]:
    """Freeze the collector (:func:`gc.freeze`) while the report is written,
    unless the caller froze it already (then it stays as the caller left it).
    The report is most of this process's objects, lives through the whole
    stage and holds no garbage: every full collection would walk all of it for
    nothing (at 20,000 articles about a fifth of this process's CPU while it
    writes the files). What the renderers make and drop is still collected."""
    if gc.get_freeze_count() or not gc.isenabled():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _write_report(report: Report, out: Path, files: ReportFiles, *, choice: ChartChoice,
                  charts_note: Callable[[int], str], jobs: int | None, lexicon: Any,
                  index_name: str) -> None:
    chosen = {id(e) for e in chart_events(report, choice)}
    charted = [i for i, e in enumerate(report.events) if id(e) in chosen]
    parallel = (jobs is not None and jobs > 1 and can_fork()
                and (len(charted) > 1 or len(report.articles) >= PARALLEL_ARTICLES))
    # the workers' zygote imports its modules while this process makes the report safe
    pool = (ForkPool(jobs, zygote=ZYGOTE if len(report.articles) >= ZYGOTE_ARTICLES else None)
            if parallel and jobs is not None else None)
    try:
        if jobs is None:
            from .charts import default_jobs

            jobs = default_jobs()
        _STATE.clear()
        _STATE.update(report=report, out=out, lexicon=lexicon, index_name=index_name)
        if pool is not None:
            _write_parallel(report, files, charted, charts_note, pool)
        else:
            _make_safe(report)
            _write_here(report, files, charted, charts_note, jobs)
    finally:
        _STATE.clear()
        if pool is not None:
            pool.close()


def _make_safe(report: Report) -> None:
    """The report made safe (:func:`~framing.report.safe.safe_model`), once,
    for every task and worker, into :data:`_STATE`."""
    _STATE["safe"] = safe_model(report)
    if gc.get_freeze_count():
        gc.freeze()  # the safe copy lives as long as the report: no collection walks it either


def _later_tasks(report: Report, charted: list[int],
                 drawn: dict[str, dict[str, str]], charts_note: Callable[[int], str]) -> list[tuple[str, Any]]:
    """The tasks that need the charts: Markdown, the index, the charted events' pages."""
    tasks: list[tuple[str, Any]] = [("md", {eid: list(figs) for eid, figs in drawn.items()})]
    tasks += [("pages", (share, {report.events[i].id: drawn[report.events[i].id]
                                 for i in share if report.events[i].id in drawn}))
              for share in _shares(report, charted, PAGES_ARTICLES)]
    tasks.append(("index", (len(drawn), charts_note(len(drawn)))))
    return tasks


def _early_tasks(report: Report, charted: list[int]) -> list[tuple[str, Any]]:
    """The tasks that need no charts, largest first."""
    skip = set(charted)
    rest = [i for i in range(len(report.events)) if i not in skip]
    pages = [("pages", (share, {})) for share in _shares(report, rest, PAGES_ARTICLES)]
    return [("json", None)] + pages + [("csv", None), ("txt", None), ("explorer", None), ("hits", None)]


def _write_here(report: Report, files: ReportFiles, charted: list[int],
                charts_note: Callable[[int], str], jobs: int) -> None:
    drawn: dict[str, dict[str, str]] = {}
    if charted:
        from . import charts as _charts  # matplotlib is imported only when charts are drawn

        events = [report.events[i] for i in charted]
        for event, figs in zip(events, _charts.draw_events(events, jobs)):
            svgs = _add_charts(files, _STATE["out"], event, figs)
            if svgs:
                drawn[event.id] = svgs
    for kind, arg in _early_tasks(report, charted) + _later_tasks(report, charted, drawn, charts_note):
        staged, _ = _task(kind, arg)
        files.adopt(staged)


def _write_parallel(report: Report, files: ReportFiles, charted: list[int],
                    charts_note: Callable[[int], str], pool: ForkPool) -> None:
    """The charts and the event pages in ``jobs`` forked workers, the files
    made from the whole report (JSON, CSV, text, Markdown, the explorer, the
    index) here meanwhile. A worker reads only its chart's event or the
    share of event pages it is given (:class:`~framing.report.pages.PageShares`):
    whatever of the parent's report it read, it would copy. Each worker runs
    one task and exits (:class:`~framing.forking.ForkPool`), so none keeps
    its own freed memory; forked from ``pool``'s zygote, none keeps the
    pages this process changes meanwhile either."""
    _STATE["tick"] = partial(pumping, pool=pool)  # the workers are replaced while this process writes
    submitted: list[int] = []
    taken: set[int] = set()  # the tasks whose files are adopted
    out, index_name = _STATE["out"], _STATE["index_name"]

    def submit(kind: str, arg: Any) -> int:
        submitted.append(pool.submit(_served, kind, arg, out, index_name))
        return submitted[-1]

    def sync_soon() -> None:
        # The files written so far start syncing in background threads while
        # the rest are written; only once the zygote has started (after that
        # the children are forked from it, never from this process, which
        # has threads from here on).
        if pool.zygote is not None and pool.zygote.ready:
            files.sync_soon()

    def take(tid: int) -> Any:
        staged, result = pool.result(tid)
        files.adopt(staged)
        taken.add(tid)
        sync_soon()
        return result

    def here(kind: str, arg: Any = None) -> None:
        staged, _ = _task(kind, arg)
        files.adopt(staged)
        sync_soon()
        pool.pump()

    try:
        # The charts first, and report.json (which reads the report as it
        # is) while they start: the safe copy that everything else reads
        # (a walk of the whole report, about 2 s at 50,000 articles) is made
        # once the workers have their charts, not while a core waits for it.
        charts = [submit("chart", report.events[i]) for i in charted]
        here("json")
        _make_safe(report)
        shares = PageShares(_STATE["safe"])
        skip = set(charted)
        rest = [i for i in range(len(report.events)) if i not in skip]
        early = [submit("share", (shares.share(part), {})) for part in _shares(report, rest, PAGES_ARTICLES)]
        for kind in ("csv", "txt", "explorer", "hits"):
            here(kind)
        drawn: dict[str, dict[str, str]] = {}
        for i, tid in zip(charted, charts):
            figs = take(tid)
            if figs:
                drawn[report.events[i].id] = figs
        later = [submit("share", (shares.share(part), {report.events[i].id: drawn[report.events[i].id]
                                                       for i in part if report.events[i].id in drawn}))
                 for part in _shares(report, charted, PAGES_ARTICLES)]
        del shares
        here("md", {eid: list(figs) for eid, figs in drawn.items()})
        here("index", (len(drawn), charts_note(len(drawn))))
        for tid in early + later:
            take(tid)
    except BaseException:
        # Let the tasks under way finish, so that their temporary files are
        # this set's to remove with the rest.
        for tid in pool.finish():
            if tid not in taken:
                try:
                    files.adopt(pool.result(tid)[0])
                except BaseException:  # noqa: BLE001 - its own files are already removed
                    pass
        raise
    finally:
        _STATE.pop("tick", None)
