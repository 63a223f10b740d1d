"""The ``framing`` command: a thin click layer over the library.

Each command parses its options, calls one library function, prints the
result, and turns a :class:`framing.errors.FramingError` into a one-line
``Error: ...`` (exit 1). Nothing here parses, scores or renders on its own.
"""

from __future__ import annotations

import functools
import json
import re
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TypeVar

import click

from . import __version__
from .errors import FramingError
from .text.safe import printable
from .store import DEFAULT_DB, Store, default_db_path

F = TypeVar("F", bound=Callable[..., Any])

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"]}


def _db_option(f: F) -> F:
    return click.option(
        "--db",
        type=click.Path(dir_okay=False),
        default=default_db_path,
        show_default="framing.db, or $FRAMING_DB",
        help="The store file.",
    )(f)


def _domain_errors(f: F) -> F:
    """Turn a domain error into a one-line ``Error:`` at the edge."""

    @functools.wraps(f)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return f(*args, **kwargs)
        except FramingError as exc:
            raise click.ClickException(printable(str(exc))) from None

    return wrapper  # type: ignore[return-value]


class ByteSize(click.ParamType):
    """A size such as ``20MB``, ``500k`` or ``1048576``."""

    name = "size"
    _UNITS = {"": 1, "b": 1, "k": 1024, "kb": 1024, "m": 1024**2, "mb": 1024**2, "g": 1024**3, "gb": 1024**3}

    def convert(self, value: Any, param: Any, ctx: Any) -> int:
        if isinstance(value, int):
            return value
        m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*", str(value))
        if not m or m.group(2).lower() not in self._UNITS:
            self.fail(f"{value!r} is not a size (examples: 500k, 20MB, 1048576)", param, ctx)
        return int(float(m.group(1)) * self._UNITS[m.group(2).lower()])


class ColumnMap(click.ParamType):
    """``FIELD=COLUMN``: which export column holds an article field."""

    name = "field=column"

    def convert(self, value: Any, param: Any, ctx: Any) -> tuple[str, str]:
        from .loaders.export import FIELDS

        if isinstance(value, tuple):
            return value
        fld, sep, col = str(value).partition("=")
        fld = {"text": "body", "id": "source_id", "author": "byline"}.get(fld.strip(), fld.strip())
        if not sep or not col.strip() or fld not in FIELDS:
            self.fail(
                f"{value!r}: use FIELD=COLUMN with FIELD one of text, " + ", ".join(FIELDS), param, ctx
            )
        return fld, col.strip()


def _jobs_option(f: F) -> F:
    return click.option(
        "--jobs", "-j", type=click.IntRange(min=1), default=1, show_default=True,
        help="Worker processes that read pages and large exports and find loaded language, and in `run` also compare "
             "events and write the report files (one process writes the store; the results are the "
             "same for any number; each worker needs memory of its own).",
    )(f)


def _input_options(f: F) -> F:
    """Options that say how to read the inputs (ingest and run)."""
    for option in reversed([
        click.option("--manifest", type=click.Path(dir_okay=False),
                     help="A manifest.csv (path, outlet, event, date, url, title) for these files."),
        click.option("--outlet", help="Outlet for files that neither a manifest nor the file itself names."),
        click.option("--event", help="Event id for these files (overrides grouping)."),
        click.option("--column", "columns", type=ColumnMap(), multiple=True,
                     help="Export column for a field, e.g. --column text=cuerpo. Repeatable."),
        click.option("--group-by", "group_by", metavar="COLUMN",
                     help="The manifest or export column that puts outlets in groups (e.g. leaning, "
                          "sourcecountry, bias_text) [default: a column named group, leaning or bias_text]."),
        click.option("--max-size", type=ByteSize(), default="20MB", show_default=True,
                     help="Largest page file, export record or archived page to read (exports and web "
                          "archives themselves have no limit)."),
        click.option("--max-words", type=click.IntRange(min=1), default=100_000, show_default=True,
                     help="Longest page to analyse in full; a longer one is cut there, with a note."),
    ]):
        f = option(f)
    return f


@click.group(context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, "-V", "--version", prog_name="framing")
def cli() -> None:
    """Show how different news outlets frame the same event.

    \b
    Start with the bundled demo:   framing demo
    Your own pages:                framing ingest pages/ && framing articles
    """


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@_db_option
@_input_options
@_jobs_option
@_domain_errors
def ingest(paths: tuple[str, ...], db: str, manifest: str | None, outlet: str | None,
           event: str | None, columns: tuple[tuple[str, str], ...], group_by: str | None, max_size: int,
           max_words: int, jobs: int = 1) -> None:
    """Load files and folders into the store, one line per file.

    Reads pasted page text (.txt, .md; .docx, .odt and .rtf it was pasted into),
    saved pages (.html; .mhtml and .webarchive as browsers save one file),
    archive exports (.jsonl, .json, .csv; these and pages also compressed: .gz, .bz2, .xz),
    news feeds (.rss, .atom) and web archives' article pages (.warc, .warc.gz, .arc, .wacz). A folder is read recursively and its own
    manifest.csv is used. Exit status 1 if any file failed (the rest are stored).

    \b
    Example:
        framing ingest ../shared/seeds
        framing ingest export.csv --column text=cuerpo --outlet "Harbor Ledger"
    """
    from .corpus import iter_ingest

    with Store(db) as store:
        failed = _echo_ingest(iter_ingest(
            store, paths, manifest=manifest, outlet=outlet, event=event,
            columns=_with_group(columns, group_by), max_bytes=max_size, max_words=max_words, jobs=jobs,
        ))
    if failed:
        sys.exit(1)


def _with_group(columns: tuple[tuple[str, str], ...], group_by: str | None) -> dict[str, str]:
    """``--column`` choices plus ``--group-by COLUMN`` as the ``group`` field."""
    out = dict(columns)
    if group_by:
        out["group"] = group_by.strip()
    return out


def _echo_ingest(run: Any) -> int:
    """Print one line per file (and per bad record); return the number of errors.

    A batch of more than :data:`FILE_LINES_MAX` files prints only its errors
    and notes, one line each, and the totals: a folder of thousands of files
    would otherwise bury them. A progress bar goes to stderr when it is a
    terminal and the batch is long.
    """
    from collections import Counter

    from .corpus import OUTLET_UNKNOWN_NOTE

    totals: Counter[str] = Counter()
    languages: Counter[str] = Counter()
    files = bad_files = 0
    failed = unnamed = 0
    quiet = len(run) > FILE_LINES_MAX
    with click.progressbar(run, length=len(run), label="ingesting", file=sys.stderr,
                           hidden=not _show_progress(len(run))) as reports:
        for rep in reports:
            for k in ("added", "updated", "unchanged"):
                totals[k] += rep.counts[k]
            languages.update(rep.languages)
            files += 1
            bad_files += bool(rep.errors)
            if quiet:
                pass
            elif rep.status == "mixed":
                parts = ", ".join(f"{rep.counts[k]} {k}" for k in ("added", "updated", "unchanged") if rep.counts[k])
                click.echo(printable(f"loaded: {rep.source} ({parts})"))
            elif rep.status != "error":
                click.echo(printable(f"{rep.status}: {rep.source}"))
            for err in rep.errors:
                failed += 1
                click.echo(printable(f"error: {err}"))
            for note in rep.notes:
                click.echo(printable(f"note: {note}"))
                unnamed += OUTLET_UNKNOWN_NOTE in note
    if run.skipped:
        from .corpus import SUPPORTED

        kinds = getattr(run.skipped, "by_extension", {})
        which = ", ".join(f"{ext} {n}" for ext, n in list(kinds.items())[:8]) + (", ..." if len(kinds) > 8 else "")
        click.echo(f"note: passed over {run.skipped} file{'s' if run.skipped != 1 else ''} that no loader "
                   + (f"reads ({printable(which)}; it reads " if kinds else "reads (it reads ")
                   + f"{', '.join(sorted(SUPPORTED))}; exports and pages also as .gz, .bz2, .xz, "
                   "web archives as .warc.gz, .arc.gz; "
                   "unpack .zip and other archives first)")
    if unnamed:
        click.echo(f"note: {unnamed:,} article{'s name' if unnamed != 1 else ' names'} no outlet: the reports "
                   "call each '(unknown outlet: FILE)' after its file; to name them, put a manifest.csv with "
                   "path and outlet columns beside the files (or give --manifest FILE), or --outlet NAME for "
                   "files of one outlet")
    summary = ", ".join(f"{totals[k]} {k}" for k in ("added", "updated", "unchanged"))
    if quiet:
        summary = f"{files:,} files ({bad_files:,} with errors): " + summary
    click.echo(f"{summary}, {failed} error{'s' if failed != 1 else ''}")
    if languages:
        click.echo(_languages_note(languages, totals["added"] + totals["updated"]))
    return failed


def _languages_note(languages: Mapping[str, int], stored: int) -> str:
    """One line: how many of the articles just stored are not in English, by
    language, and what that means for their loaded-language counts."""
    from .text.language import language_counts

    return (f"note: {sum(languages.values()):,} of the {stored:,} articles stored are not in English "
            f"({language_counts(languages, 8)}): "
            f"framing's lexicons are English and are not matched in them, so their outlets' rates "
            f"are not comparable with English outlets' (a --lexicon-dir of your own is matched in "
            f"every language)")


#: Batches with more files than this show a progress bar (on a terminal only).
PROGRESS_MIN_FILES = 50
#: Batches with more files than this print no line per file, only errors, notes and totals.
FILE_LINES_MAX = 50


def _show_progress(n_files: int) -> bool:
    return n_files > PROGRESS_MIN_FILES and sys.stderr.isatty()


@cli.command()
@_db_option
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True)
@_domain_errors
def articles(db: str, fmt: str) -> None:
    """List the stored articles.

    jsonl gives one object per article: id, source, source_id, outlet, title,
    date, byline, dateline, url, event, words, body.
    """
    with Store(db, readonly=True) as store:
        rows = list(store.articles())
    if fmt == "jsonl":
        for art in rows:
            click.echo(_json_line(art.to_dict(), sort_keys=False))
        return
    click.echo(_articles_table(rows))


def _json_line(obj: Any, *, sort_keys: bool) -> str:
    """One JSON line, readable (not ASCII-escaped) but with DEL and C1 control
    characters escaped too (JSON escapes only C0), so none reaches a terminal raw."""
    return _escape_c1(json.dumps(obj, ensure_ascii=False, sort_keys=sort_keys))


def _escape_c1(json_text: str) -> str:
    """JSON text with DEL, C1 and line/paragraph separators as ``\\u`` escapes: the same values."""
    return re.sub("[\x7f-\x9f\u2028\u2029]", lambda m: f"\\u{ord(m.group()):04x}", json_text)


def _articles_table(rows: list[Any]) -> str:
    return _table(
        ("id", "outlet", "date", "words", "title"),
        [(str(a.id), a.outlet_name, a.date or "-", str(a.words), _clip(a.title or "(no title)", 60))
         for a in rows],
        right=frozenset({3}),
    )


def _table(header: tuple[str, ...], rows: list[tuple[str, ...]], right: frozenset[int] = frozenset()) -> str:
    """Plain fixed-width columns sized to their content; the last column is not padded."""
    table = [header, *([printable(c) for c in r] for r in rows)]
    widths = [max(len(r[i]) for r in table) for i in range(len(header) - 1)]
    lines = []
    for r in table:
        cells = [r[i].rjust(w) if i in right else r[i].ljust(w) for i, w in enumerate(widths)]
        lines.append(("  ".join(cells) + "  " + r[-1]).rstrip())
    return "\n".join(lines)


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _lexicon_option(f: F) -> F:
    return click.option(
        "--lexicon-dir", "lexicon_dirs", multiple=True, type=click.Path(exists=True, file_okay=False),
        help="A folder of your own lexicon files; extends or overrides the shipped ones. Repeatable.",
    )(f)


@cli.command()
@_db_option
@_lexicon_option
@click.option("--force", is_flag=True, help="Re-analyse every article, not only new or changed ones.")
@_jobs_option
@_domain_errors
def analyze(db: str, lexicon_dirs: tuple[str, ...], force: bool, jobs: int = 1) -> None:
    """Find loaded language in new or changed articles.

    Only articles that are new or changed, or all of them when the lexicon or
    the classifier changed, are scored again. hits, show and report run this
    first, so results are never stale.
    """
    from .detect import analyze as run_analyze
    from .detect import read_lexicon

    # The examples are checked (load_lexicon) only when there is work to do,
    # so an unchanged re-run answers at once.
    lexicon = read_lexicon(lexicon_dirs)
    with Store(db) as store:
        result = run_analyze(store, lexicon, force=force, jobs=jobs, check_examples=True)
    click.echo(f"analysed {result.analyzed} article{'s' if result.analyzed != 1 else ''}, "
               f"{result.unchanged} unchanged (lexicon {result.version})")


@cli.command()
@_db_option
@_lexicon_option
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table", show_default=True)
@click.option("--article", "article_ids", type=int, multiple=True, help="Only this article. Repeatable.")
@click.option("--loaded-only", is_flag=True, help="Leave out matches the classifier judged not loaded.")
@_domain_errors
def hits(db: str, lexicon_dirs: tuple[str, ...], fmt: str, article_ids: tuple[int, ...], loaded_only: bool) -> None:
    """List every lexicon match, judged in context, with its evidence.

    Each hit: article, field, start, end, text, term, category, explanation,
    neutral, voice, speaker, probability, loaded, lexicon_version.
    """
    from .detect import analyze as run_analyze
    from .detect import load_lexicon

    lexicon = load_lexicon(lexicon_dirs)
    with Store(db, readonly=True) as store:
        run_analyze(store, lexicon)
        rows = [h.to_dict() for h in store.hits(article_ids or None, loaded_only=loaded_only)]
    if fmt == "jsonl":
        for row in rows:
            click.echo(_json_line(row, sort_keys=True))
    elif fmt == "csv":
        from .report.csvout import rows_to_csv

        click.echo(rows_to_csv(rows), nl=False)
    else:
        click.echo(_hits_table(rows))


def _hits_table(rows: list[dict[str, Any]]) -> str:
    return _table(
        ("article", "field", "span", "category", "voice", "p", "loaded", "text"),
        [(str(r["article"]), r["field"], f"{r['start']}-{r['end']}", r["category"],
          r["voice"] + (f" ({r['speaker']})" if r["speaker"] else ""), f"{r['probability']:.2f}",
          "yes" if r["loaded"] else "no", _clip(r["text"], 40))
         for r in rows],
    )


@cli.command()
@click.argument("article_id", metavar="ARTICLE", type=int)
@_db_option
@_lexicon_option
@_domain_errors
def show(article_id: int, db: str, lexicon_dirs: tuple[str, ...]) -> None:
    """Print one article with its loaded language marked and explained."""
    from .detect import analyze as run_analyze
    from .detect import load_lexicon
    from .report.article import render_article

    lexicon = load_lexicon(lexicon_dirs)
    with Store(db, readonly=True) as store:
        article = store.article(article_id)
        run_analyze(store, lexicon)
        found = store.hits([article_id])
    click.echo(render_article(article, found, color=sys.stdout.isatty()), nl=False)


REPORT_FORMATS = ["terminal", "markdown", "html", "json", "csv"]


class ChartsSpec(click.ParamType):
    """``none``, ``top:N`` or ``all``: which compared events get charts."""

    name = "none|top:N|all"

    def convert(self, value: Any, param: Any, ctx: Any) -> Any:
        from .report.scope import ChartChoice

        try:
            return ChartChoice.parse(value)
        except ValueError as exc:
            self.fail(str(exc), param, ctx)


#: framing.report.scope.DEFAULT_CHARTS, spelled out so that building the CLI
#: does not import the report stage (commands that only store articles start
#: fast); a test checks that the two agree.
DEFAULT_CHARTS = "top:20"


def _charts_option(f: F) -> F:
    return click.option(
        "--charts", type=ChartsSpec(), default=DEFAULT_CHARTS, show_default=True,
        help="Which events covered by two or more outlets get charts: none, all, or "
             "top:N (the N with the most articles). Charts are drawn in parallel processes.",
    )(f)


def _stop_words_option(f: F) -> F:
    return click.option(
        "--stop-words", type=click.Path(dir_okay=False), metavar="FILE",
        help="A file of words and phrases (one a line, # comments) to leave out of the distinctive terms.",
    )(f)


@cli.command()
@_db_option
@_lexicon_option
@click.option("--event", help="Only this event (an id from the report).")
@click.option("--format", "fmt", type=click.Choice(REPORT_FORMATS), default="terminal", show_default=True)
@click.option("--out", type=click.Path(), help="Write to this file (for csv: this folder) instead of the terminal.")
@_charts_option
@_stop_words_option
@_domain_errors
def report(db: str, lexicon_dirs: tuple[str, ...], event: str | None, fmt: str, out: str | None,
           charts: Any, stop_words: str | None) -> None:
    """Compare how each outlet framed each event, in one format.

    \b
    Example:
        framing report --format html --out report.html
        framing report --format json --event e2

    With --out, html writes an index of the events to the file and one page
    per event into events/ beside it.
    """
    from .detect import load_lexicon
    from .pipeline import compare_store
    from .report import render, render_html, write_csv, write_html
    from .report.files import write_file

    from .compare.keyness import NO_STOP_WORDS, read_stop_words

    stops = read_stop_words(stop_words) if stop_words else NO_STOP_WORDS
    lexicon = load_lexicon(lexicon_dirs)
    with Store(db, readonly=True) as store:
        model = compare_store(store, lexicon, event=event, stop_words=stops)
    if fmt == "csv":
        if out is None:
            raise click.UsageError("--format csv writes several files: give a folder with --out")
        for path in write_csv(model, Path(out)):
            click.echo(f"wrote {path}")
        return
    if fmt == "html" and out is not None:
        pages = write_html(model, Path(out), charts=charts, lexicon=lexicon)
        click.echo(f"wrote {out} and {len(pages) - 1} event page{'s' if len(pages) != 2 else ''} "
                   f"in {Path(out).parent / 'events'}")
        return
    if out is None:
        if fmt == "html":
            click.echo(render_html(model, charts=charts), nl=False)
            return
        text = render(model, fmt, color=fmt == "terminal" and sys.stdout.isatty())
        click.echo(_escape_c1(text) if fmt == "json" else text, nl=False)
        return
    write_file(out, render(model, fmt))
    click.echo(f"wrote {out}")


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--out", type=click.Path(file_okay=False), help="Folder for the store and every output [default: reports/<name of the first PATH>].")
@_input_options
@_lexicon_option
@_charts_option
@click.option("--sentence-model", help="A sentence model you trained (framing model train): its probability "
              "per sentence, with the words that drove it, beside the lexicon hits (sentence-model.json).")
@_stop_words_option
@_jobs_option
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Where parsing, detection and per-event analysis run: here, or as Dask tasks "
                   "(pip install 'framing[dask]'; see docs/dask.md). Same report either way.")
@click.option("--scheduler", metavar="ADDRESS", help="With --engine dask: the Dask scheduler to use "
              "(e.g. tcp://10.0.0.5:8786) [default: a local cluster on this machine's cores].")
@_domain_errors
def run(paths: tuple[str, ...], out: str | None, manifest: str | None, outlet: str | None, event: str | None,
        columns: tuple[tuple[str, str], ...], group_by: str | None, max_size: int, max_words: int,
        lexicon_dirs: tuple[str, ...], charts: Any, sentence_model: str | None, stop_words: str | None,
        jobs: int = 1, engine: str = "local", scheduler: str | None = None) -> None:
    """The main job: ingest, analyse, group and compare, and write every report.

    Writes into the output folder: framing.db (the store), report.html (an
    index of the events, linking events/<id>.html), report.md, report.json,
    report.txt, hits.jsonl, csv/ and charts/, then prints the terminal summary
    (for a large corpus: an overview and the largest events).
    """
    _run(list(paths), Path(out) if out else None, lexicon_dirs, manifest=manifest, outlet=outlet,
         event=event, columns=_with_group(columns, group_by), max_bytes=max_size, max_words=max_words,
         charts=charts, sentence_model=sentence_model, stop_words=stop_words, jobs=jobs, engine=engine,
         scheduler=scheduler)


@cli.command()
@click.option("--out", type=click.Path(file_okay=False), default="reports/demo", show_default=True, help="Folder for the store and the reports.")
@_domain_errors
def demo(out: str) -> None:
    """Run the main job on the bundled demo corpus (fictional outlets and places).

    The same as `framing run` on the demo corpus: writes every report into
    the output folder and prints the terminal summary.
    """
    from .resources import as_path, demo_corpus

    with as_path(demo_corpus()) as corpus:
        _run([(corpus, "corpus")], Path(out), ())


@cli.group(invoke_without_command=True)
@_db_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.pass_context
@_domain_errors
def events(ctx: click.Context, db: str, fmt: str) -> None:
    """List the events the articles were grouped into, and correct them.

    \b
    framing events                         list events: id, dates, articles, why
    framing events merge e3 e7             these events are one event
    framing events split e5 --article 12   article 12 is not part of e5
    framing events reset                   forget every correction

    Corrections are stored with the articles (keyed by article id, so they
    hold when event numbers change) and applied after every grouping, so a
    later `framing run` or `framing report` on the same store keeps them.
    """
    ctx.obj = {"db": db}
    if ctx.invoked_subcommand is not None:
        return
    with Store(db) as store:
        groups, arts = _store_events(store)
    if fmt == "json":
        click.echo(json.dumps([{
            "id": g.id, "label": g.label, "first_date": g.first_date, "last_date": g.last_date,
            "articles": g.articles, "grouped_by": g.grouped_by,
        } for g in groups], ensure_ascii=False, indent=2, sort_keys=True))
        return
    click.echo(_table(
        ("event", "dates", "articles", "basis", "label / shared"),
        [(g.id, "-" if not g.first_date else g.first_date if g.first_date == g.last_date
          else f"{g.first_date}..{g.last_date}", _id_ranges(g.articles), g.grouped_by.get("basis", ""),
          _clip(g.label + ("  [" + ", ".join(g.grouped_by.get("entities", [])[:4]) + "]"
                           if g.grouped_by.get("entities") else ""), 70))
         for g in groups],
    ))


def _id_ranges(ids: list[int], width: int = 40) -> str:
    """Article ids as runs ("3,7-9,12"), and past ``width`` characters the
    first runs and how many articles in all ("199-327" for 129 articles in a
    row; "4,9,15,... (83 articles)")."""
    runs: list[str] = []
    k = 0
    while k < len(ids):
        j = k
        while j + 1 < len(ids) and ids[j + 1] == ids[j] + 1:
            j += 1
        runs.append(str(ids[k]) if j == k else f"{ids[k]}-{ids[j]}")
        k = j + 1
    text = ",".join(runs)
    if len(text) <= width:
        return text
    shown = ""
    for r in runs:
        if len(shown) + len(r) + 1 > width - 16:
            break
        shown += r + ","
    return f"{shown}... ({len(ids)} articles)"


def _store_events(store: Store) -> tuple[list[Any], list[Any]]:
    from .compare.grouping import group_events, near_duplicates

    arts = list(store.articles())
    return group_events(arts, copies=near_duplicates(arts), corrections=store.event_corrections()), arts


def _sub_db(f: F) -> F:
    """``--db`` after the subcommand too (``framing events merge e3 e7 --db X``)."""
    return click.option("--db", "sub_db", type=click.Path(dir_okay=False), default=None,
                        help="The store file (as for `framing events`).")(f)


def _event_by_id(groups: list[Any], name: str, db: str) -> Any:
    for g in groups:
        if g.id.lower() == name.strip().lower():
            return g
    raise click.ClickException(f"no event {name!r} in {db} (see `framing events --db {db}`)")


@events.command("merge")
@click.argument("event_ids", metavar="EVENT EVENT...", nargs=-1, required=True)
@_sub_db
@click.pass_obj
@_domain_errors
def events_merge(obj: dict[str, str], sub_db: str | None, event_ids: tuple[str, ...]) -> None:
    """Make two or more events one event."""
    if len(set(event_ids)) < 2:
        raise click.UsageError("name at least two different events, e.g. framing events merge e3 e7")
    if sub_db:
        obj["db"] = sub_db
    with Store(obj["db"]) as store:
        groups, _ = _store_events(store)
        chosen = [_event_by_id(groups, e, obj["db"]) for e in event_ids]
        ids = sorted({a for g in chosen for a in g.articles})
        store.add_event_correction("merge", ids)
    click.echo(f"merged {', '.join(g.id for g in chosen)}: articles {', '.join(map(str, ids))} are one event "
               f"(stored in {obj['db']}; event numbers may change)")


@events.command("split")
@click.argument("event_id", metavar="EVENT")
@click.option("--article", "article_ids", type=int, multiple=True, required=True,
              help="An article to take out of the event. Repeatable: those taken out stay together.")
@_sub_db
@click.pass_obj
@_domain_errors
def events_split(obj: dict[str, str], sub_db: str | None, event_id: str, article_ids: tuple[int, ...]) -> None:
    """Take articles out of an event into an event of their own."""
    if sub_db:
        obj["db"] = sub_db
    with Store(obj["db"]) as store:
        groups, _ = _store_events(store)
        g = _event_by_id(groups, event_id, obj["db"])
        missing = sorted(set(article_ids) - set(g.articles))
        if missing:
            raise click.ClickException(
                f"article {', '.join(map(str, missing))} is not in {g.id} (its articles: "
                f"{', '.join(map(str, g.articles))})")
        if set(article_ids) >= set(g.articles):
            raise click.ClickException(f"that would take every article out of {g.id}")
        store.add_event_correction("split", article_ids)
    click.echo(f"split article {', '.join(map(str, sorted(set(article_ids))))} out of {g.id} "
               f"(stored in {obj['db']}; event numbers may change)")


@events.command("reset")
@_sub_db
@click.pass_obj
@_domain_errors
def events_reset(obj: dict[str, str], sub_db: str | None) -> None:
    """Forget every merge and split."""
    if sub_db:
        obj["db"] = sub_db
    with Store(obj["db"]) as store:
        n = store.clear_event_corrections()
    click.echo(f"forgot {n} correction{'s' if n != 1 else ''}")


def _run(paths: list[Any], out: Path | None, lexicon_dirs: tuple[str, ...], *,
         sentence_model: str | None = None, **options: Any) -> None:
    """`run` and `demo`: :func:`framing.run`, printing each file and the summary
    (for a large corpus: an overview, the largest events and where the rest is)."""
    from .errors import NothingToCompare
    from .pipeline import run as run_pipeline
    from .report.terminal import render_terminal

    def echo_ingest(reports: Any) -> int:
        failed = _echo_ingest(reports)
        click.echo("analysing and comparing...", err=True)
        return failed

    try:
        result = run_pipeline(paths, out, lexicon_dirs=lexicon_dirs, on_ingest=echo_ingest,
                              sentence_model=sentence_model, **options)
    except NothingToCompare as exc:
        raise click.ClickException(f"{exc} (see the lines above)") from None
    click.echo(render_terminal(result.report, color=sys.stdout.isatty(),
                               full_report=f"{result.out}/"), nl=False)
    click.echo(f"wrote {len(result.written)} files to {result.out}/ (open {result.out / 'report.html'})")
    opinion = result.opinion
    if opinion is not None:
        click.echo(f"sentence model {opinion['model']['name']}: {opinion['flagged_by_model']} of "
                   f"{opinion['sentences']} sentences biased (lexicon: {opinion['flagged_by_lexicon']} "
                   f"with a loaded hit; they agree on {opinion['agree']}); see "
                   f"{result.out / 'sentence-model.json'}", err=True)
    if result.failed:
        sys.exit(1)


@cli.group()
def classifier() -> None:
    """The loaded-language classifier: what it was trained on, how well it does."""


@classifier.command("fit")
@_lexicon_option
@_domain_errors
def classifier_fit(lexicon_dirs: tuple[str, ...]) -> None:
    """Train the classifier and print its version, examples and features (JSON)."""
    from .detect import Detector, load_lexicon

    detector = Detector(load_lexicon(lexicon_dirs)).fit()
    model = detector.model
    click.echo(json.dumps({"version": model.version, "examples": model.data["examples"],
                           "features": len(model.weights), "lexicon_version": detector.lexicon.version},
                          indent=2, sort_keys=True))


@classifier.command("cv")
@_lexicon_option
@click.option("--folds", type=click.IntRange(2, 20), default=5, show_default=True)
@click.option("--seed", type=int, default=0, show_default=True)
@_domain_errors
def classifier_cv(lexicon_dirs: tuple[str, ...], folds: int, seed: int) -> None:
    """Cross-validated accuracy, precision and recall on the training data (JSON),
    beside two baselines (always "loaded", and the entry alone)."""
    from .detect import Detector, load_lexicon
    from .detect.evaluate import cross_validate

    items = Detector(load_lexicon(lexicon_dirs)).training_items()
    click.echo(json.dumps(cross_validate(items, folds=folds, seed=seed), indent=2, sort_keys=True))


# -- framing eval: measuring against data sets (issue 13) ------------------------

@cli.group("eval")
def eval_group() -> None:
    """Measure framing against research data sets (read from a path, never copied).

    \b
    framing eval babe ../shared/data/babe          loaded language vs BABE's expert labels
    framing eval grouping ../shared/data/neus-allsides   event grouping (B-cubed)
    """


def _emit(result: dict[str, Any], table: str, fmt: str, out: str | None) -> None:
    payload = json.dumps(result, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    if fmt in ("table", "both"):
        click.echo(table, nl=False)
    if fmt == "json":
        click.echo(payload, nl=False)
    if out:
        Path(out).parent.mkdir(parents=True, exist_ok=True)
        Path(out).write_text(payload, encoding="utf-8")
        click.echo(f"wrote {out}", err=True)
    elif fmt == "both":
        click.echo()
        click.echo(payload, nl=False)


_eval_format = click.option("--format", "fmt", type=click.Choice(["both", "table", "json"]), default="both",
                            show_default=True, help="The table, the JSON, or the table followed by the JSON.")
_eval_out = click.option("--out", type=click.Path(dir_okay=False), help="Also write the JSON to this file.")


@eval_group.command("babe")
@click.argument("path", type=click.Path())
@_lexicon_option
@click.option("--train", is_flag=True, help="Also cross-validate a sentence model trained on BABE "
              "(5-fold stratified and outlet-grouped).")
@click.option("--limit", type=int, help="Only the first N labelled sentences (a quick look).")
@click.option("--bootstrap", type=int, default=1000, show_default=True, help="Bootstrap resamples for intervals.")
@_eval_format
@_eval_out
@_domain_errors
def eval_babe(path: str, lexicon_dirs: tuple[str, ...], train: bool, limit: int | None, bootstrap: int,
              fmt: str, out: str | None) -> None:
    """Loaded language against BABE (final_labels_SG2.csv, or its folder).

    Sentence and word level precision/recall/F1 with intervals, and
    even-handedness across the outlets' leanings.
    """
    from .evaluate import evaluate_babe, render_babe

    result = evaluate_babe(path, lexicon_dirs=lexicon_dirs, limit=limit, bootstrap=bootstrap, train=train)
    _emit(result, render_babe(result), fmt, out)


@eval_group.command("grouping")
@click.argument("path", type=click.Path())
@_eval_format
@_eval_out
@_domain_errors
def eval_grouping(path: str, fmt: str, out: str | None) -> None:
    """Event grouping against NeuS-AllSides (its folder or the crawled .jsonl): B-cubed, with and without dates."""
    from .evaluate import evaluate_grouping, render_grouping

    result = evaluate_grouping(path)
    _emit(result, render_grouping(result), fmt, out)


# -- framing model: sentence models trained on your own annotations (issue 13) ----

@cli.group("model")
def model_group() -> None:
    """Sentence models trained on your own labelled sentences (saved as JSON, never pickled)."""


@model_group.command("train")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--text-column", required=True, help="The column holding the sentence.")
@click.option("--label-column", required=True, help="The column holding its label.")
@click.option("--positive", help="The label value meaning biased/loaded (default: 1, true, yes, biased ...).")
@click.option("--name", help="Name to save the model under [default: the file's name].")
@_lexicon_option
@_domain_errors
def model_train(file: str, text_column: str, label_column: str, positive: str | None, name: str | None,
                lexicon_dirs: tuple[str, ...]) -> None:
    """Train a sentence model on FILE.csv and save it in your data folder.

    \b
    Example:
        framing model train my-labels.csv --text-column sentence --label-column label
        framing run pages/ --sentence-model my-labels
    """
    from . import sentence_model as sm

    texts, labels, values, skipped = sm.read_labelled(file, text_column, label_column, positive)
    model = sm.train(texts, labels, name=name or Path(file).stem, lexicon_dirs=lexicon_dirs,
                     source=Path(file).name)
    path = sm.save(model)
    click.echo(f"trained {model.name} on {len(texts)} sentences ({sum(labels)} {values[0]!r}, "
               f"{len(texts) - sum(labels)} {values[1]!r}); training data sha256 {model.digest[:12]}")
    if skipped:
        click.echo(f"note: {file}: {skipped} row{'s' if skipped != 1 else ''} without a sentence or "
                   "a label passed over")
    click.echo(f"wrote {path}")


@model_group.command("list")
def model_list() -> None:
    """The sentence models in your data folder."""
    from . import sentence_model as sm

    paths = sm.list_models()
    if not paths:
        click.echo(f"no sentence models in {sm.models_dir()}")
    for p in paths:
        click.echo(f"{p.stem}\t{p}")


@model_group.command("score")
@click.argument("name")
@click.argument("sentences", nargs=-1, required=True)
@_domain_errors
def model_score(name: str, sentences: tuple[str, ...]) -> None:
    """Score SENTENCES with a saved model: probability and the words that drove it (JSON lines)."""
    from . import sentence_model as sm

    for row in sm.score_sentences(sm.load(name), sentences):
        click.echo(json.dumps(row, ensure_ascii=False, sort_keys=True))


def main() -> None:
    cli(prog_name="framing")


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--demo", is_flag=True,
              help="Use the bundled classroom corpus (a county cup final told by four fictional outlets).")
@click.option("--event", help="The event to teach (an id from the report) [default: the one with most outlets].")
@click.option("--blind", is_flag=True,
              help="Show outlets as Outlet A, B, C… and mask names, bylines, datelines and addresses; "
                   "the key to the letters is in the teacher guide only.")
@click.option("--level", type=click.Choice(["middle", "high", "college"]), default="high", show_default=True)
@click.option("--out", type=click.Path(file_okay=False),
              help="Folder for the store and the materials [default: reports/classroom-<name>].")
@click.option("--paper", type=click.Choice(["a4", "letter"]), default="a4", show_default=True,
              help="Page size of the print stylesheet and the PDFs.")
@click.option("--no-pdf", is_flag=True, help="Do not print PDFs with a local Chromium.")
@_lexicon_option
@_domain_errors
def classroom(paths: tuple[str, ...], demo: bool, event: str | None, blind: bool, level: str, out: str | None,
              paper: str, no_pdf: bool, lexicon_dirs: tuple[str, ...]) -> None:
    """Classroom materials for one event: handout, worksheet, answer key, annotated article.

    Writes handout, worksheet, key (the teacher guide) and annotated as
    print-ready HTML (and PDF when Chromium is installed), the worksheet and
    key as editable .docx, and 16:9 slide charts in charts/.

    \b
    Example:
        framing classroom --demo --blind --out class/
        framing classroom my-pages/ --level middle
    """
    from .classroom.pipeline import run as run_classroom
    from .resources import as_path, classroom_corpus

    if demo == bool(paths):
        raise click.UsageError("give the folders or files to use, or --demo (not both)")
    name = "demo" if demo else (Path(paths[0]).resolve().name or "corpus")
    out_dir = Path(out) if out else Path("reports") / f"classroom-{name}{'-blind' if blind else ''}"

    def on_ingest(run_: Any) -> int:
        failed = _echo_ingest(run_)
        click.echo("analysing and comparing...", err=True)
        return failed

    with as_path(classroom_corpus()) as corpus:
        sources: list[Any] = [(corpus, "corpus/classroom")] if demo else list(paths)
        result = run_classroom(sources, out_dir, event=event, blind=blind, level=level, paper=paper,
                               pdf=not no_pdf, lexicon_dirs=lexicon_dirs, on_ingest=on_ingest, note=click.echo)
    materials, written, failed = result.materials, result.written, result.failed
    n = len(materials.outlets)
    click.echo(f"event {materials.event_id}: {materials.event_label} ({n} outlet{'s' if n != 1 else ''}"
               f"{', blind' if blind else ''}, level {level})")
    if n < 2:
        click.echo("note: only one outlet covers this event, so the handout has nothing to compare; "
                   "add articles from other outlets or pick another event with --event")
    click.echo(f"wrote {len(written)} files to {out_dir}/ (print {out_dir / 'handout.html'})")
    if failed:
        sys.exit(1)


@cli.command()
@click.argument("term")
@_db_option
@_lexicon_option
@click.option("--outlet", "outlets", multiple=True, help="Only this outlet. Repeatable.")
@click.option("--voice", type=click.Choice(["narration", "quote", "reported"]),
              help="Only occurrences in this voice.")
@click.option("--width", type=click.IntRange(10, 200), default=50, show_default=True,
              help="Characters of context on each side.")
@click.option("--limit", type=click.IntRange(min=1), default=200, show_default=True,
              help="Stop after this many occurrences.")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True)
@_domain_errors
def explore(term: str, db: str, lexicon_dirs: tuple[str, ...], outlets: tuple[str, ...], voice: str | None,
            width: int, limit: int, fmt: str) -> None:
    """Every occurrence of a word or phrase in context, by outlet, with its voice.

    Case does not matter; hyphens, spaces and quotation marks between words are
    interchangeable; end a word with * for any ending. The HTML report's term
    explorer (explorer.html) runs the same search.

    \b
    Example:
        framing explore "so-called"
        framing explore "regim*" --voice narration --format jsonl
    """
    from .detect import load_lexicon
    from .pipeline import explore as explore_contexts

    lexicon = load_lexicon(lexicon_dirs)
    with Store(db, readonly=True) as store:
        found = explore_contexts(store, term, lexicon=lexicon, width=width, outlets=outlets or None)
    if voice:
        found = [c for c in found if c.voice == voice]
    total = len(found)
    found = found[:limit]
    if fmt == "jsonl":
        for c in found:
            click.echo(_escape_c1(_json_line(c.to_dict(), sort_keys=True)))
        return
    n_out = len({c.outlet for c in found})
    click.echo(printable(f"{term!r}: {total} occurrence{'s' if total != 1 else ''}"
                        + (f" (the first {limit} shown)" if total > limit else "")
                        + f" in {n_out} outlet{'s' if n_out != 1 else ''}"))
    current = None
    for c in found:
        if c.outlet != current:
            current = c.outlet
            n = sum(1 for x in found if x.outlet == current)
            click.echo(printable(f"\n{current}" + (f" ({c.group})" if c.group else "") + f" · {n}"))
        where = f"{c.date or 'undated'} #{c.article}{' title' if c.field == 'title' else ''}"
        click.echo(printable(f"  {where:<24} {c.voice:<9} {c.left:>{width}} [{c.match}] {c.right}"))


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@_db_option
@click.option("--term", "terms", multiple=True, help="A word or phrase to follow over time. Repeatable.")
@click.option("--by", type=click.Choice(["outlet", "group"]), default="outlet", show_default=True,
              help="One line per outlet, or per outlet group.")
@click.option("--period", type=click.Choice(["month", "week"]), default="month", show_default=True)
@click.option("--out", type=click.Path(file_okay=False), default="reports/trends", show_default=True,
              help="Folder for the CSV files and the chart (with PATHS, also for the store).")
@_input_options
@_lexicon_option
@_domain_errors
def trends(paths: tuple[str, ...], db: str, terms: tuple[str, ...], by: str, period: str, out: str,
           manifest: str | None, outlet: str | None, event: str | None, columns: tuple[tuple[str, str], ...],
           group_by: str | None, max_size: int, max_words: int, lexicon_dirs: tuple[str, ...]) -> None:
    """Chosen terms, loaded-term density and coverage over time.

    Writes trends-terms.csv (uses of each --term per outlet or group per
    period), trends-density.csv (loaded terms per 1,000 words), coverage.csv
    (articles per outlet per event) and trends.png / trends.svg into --out.
    With PATHS they are ingested first into OUT/framing.db; without, the
    store at --db is read.

    \b
    Example:
        framing trends --db reports/demo/framing.db --term regime --term so-called --by outlet
        framing trends export.csv --group-by leaning --by group --period week
    """
    from .compare.kwic import phrase_pattern
    from .detect import load_lexicon
    from .pipeline import store_trends
    from .report.trends import MIN_CHART_WORDS, too_few_words, write_trends

    for t in terms:
        phrase_pattern(t)  # an empty term fails before any work
    lexicon = load_lexicon(lexicon_dirs)
    if paths:
        from .corpus import iter_ingest
        from .report.files import check_out_dir

        check_out_dir(Path(out), list(paths))
        Path(out).mkdir(parents=True, exist_ok=True)
        db = str(Path(out) / DEFAULT_DB)
        with Store(db) as store:
            _echo_ingest(iter_ingest(store, paths, manifest=manifest, outlet=outlet, event=event,
                                     columns=_with_group(columns, group_by), max_bytes=max_size,
                                     max_words=max_words))
    elif not Path(db).is_file():
        raise click.ClickException(f"no store at {db}: give PATHS to read, or --db")
    with Store(db) as store:
        tr = store_trends(store, lexicon, terms, by=by, period=period)
    written = write_trends(tr, out)
    click.echo(printable(f"{len(tr.periods)} {period}{'s' if len(tr.periods) != 1 else ''} "
                        f"({tr.periods[0]} to {tr.periods[-1]})" if tr.periods else "no dated article"))
    for t in tr.terms:
        per: dict[str, int] = {}
        for r in tr.term_rows:
            if r.term == t:
                per[r.period] = per.get(r.period, 0) + r.count
        click.echo(printable(f"{t!r}: " + ", ".join(f"{p} {per.get(p, 0)}" for p in tr.periods)))
    if tr.undated:
        click.echo(f"note: {tr.undated} undated article{'s' if tr.undated != 1 else ''} left out of the time series")
    if tr.not_english:
        from .text.language import language_counts

        n = sum(tr.not_english.values())
        click.echo(f"note: {n} article{'s' if n != 1 else ''} of the series {'are' if n != 1 else 'is'} not in "
                   f"English ({language_counts(tr.not_english, 8)}): framing's lexicons are English and are not "
                   f"matched in them, so their loaded-term rates count only a --lexicon-dir of yours")
    few = len(too_few_words(tr))
    if few:
        click.echo(f"note: {few} of the {len(tr.density)} {tr.by}-{period} rates rest on fewer than "
                   f"{MIN_CHART_WORDS} words (a headline or a snippet, not an article) and are left out of the "
                   "chart; the CSV tables keep their counts")
    for path in written:
        click.echo(f"wrote {path}")
