"""Tidy CSV tables for spreadsheets, R and pandas: one row per observation, a
header row, stable row order, UTF-8, ``\\n`` line ends. Booleans are
``true``/``false``; missing values are empty."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice
from typing import Any

from ..compare.model import Report
from ..models import HIT_FIELDS
from ._common import event_of_article, report_categories, report_voices
from .safe import csv_cell

__all__ = ["tables", "rows_to_csv", "iter_table_chunks", "TABLE_NAMES"]

#: The files :func:`tables` returns, in order.
TABLE_NAMES = ("articles.csv", "hits.csv", "density.csv", "naming.csv", "quotes.csv",
               "facts.csv", "distinctive.csv", "groups.csv", "group_distinctive.csv")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return csv_cell(value)  # no formulas, no control characters from article text
    return str(value)


#: Rows of a table written (and then handed on) at a time by :func:`_csv_chunks`.
CHUNK_ROWS = 2_000

Chunks = Iterator[str]


def _csv_chunks(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> Chunks:
    """The CSV text of ``header`` and ``rows``, :data:`CHUNK_ROWS` rows at a
    time: a table of an archive (facts.csv is about 50 MB at 50,000
    articles) is never in memory as a whole, neither as text nor as rows."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    # A table repeats the same texts (event ids, outlets, fact texts) on row
    # after row: each is made safe once per chunk. The csv module writes None
    # as an empty cell, an int with str() and a float with repr() (the same text).
    texts: dict[str, str] = {}

    def cells(row: Sequence[Any]) -> list[Any]:
        out = []
        for v in row:
            t = type(v)
            if t is str:
                c = texts.get(v)
                if c is None:
                    c = texts[v] = csv_cell(v)
                out.append(c)
            elif v is None or t is int or t is float:
                out.append(v)
            else:
                out.append(_cell(v))
        return out

    it = iter(rows)
    while True:
        before = buf.tell()
        writer.writerows(map(cells, islice(it, CHUNK_ROWS)))
        if buf.tell() == before:  # no row left (a row is never empty: it ends with a newline)
            break
        yield buf.getvalue()
        buf.seek(0)
        buf.truncate(0)
        texts.clear()
    if buf.tell():
        yield buf.getvalue()


def _csv(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    return "".join(_csv_chunks(header, rows))


def rows_to_csv(rows: Sequence[dict[str, Any]], fields: Sequence[str] | None = None) -> str:
    """Dict rows (e.g. ``framing hits`` rows) as CSV. Columns: ``fields``, or the
    first row's keys in order (later keys appended); hit fields when empty."""
    if fields is None:
        cols: dict[str, None] = {}
        for row in rows:
            cols.update(dict.fromkeys(row))
        fields = list(cols) or list(HIT_FIELDS)
    return _csv(fields, ([row.get(f) for f in fields] for row in rows))


def _articles(report: Report) -> Chunks:
    events = event_of_article(report)
    cols = ["id", "outlet", "title", "date", "byline", "url", "source", "words",
            "near_duplicate_of"]
    return _csv_chunks(["event", *cols],
                ([events.get(a["id"]), *(a.get(c) for c in cols)] for a in report.articles))


def _hits(report: Report) -> Chunks:
    events = event_of_article(report)
    outlets = {a["id"]: a.get("outlet") for a in report.articles}
    return _csv_chunks(["event", "outlet", *HIT_FIELDS],
                ([events.get(h["article"]), outlets.get(h["article"]),
                  *(h.get(f) for f in HIT_FIELDS)] for h in report.hits))


def _density(report: Report) -> Chunks:
    cats, voices = report_categories(report), report_voices(report)
    header = ["event", "outlet", "articles", "words", "loaded", "per_1000", "ci95_lo",
              "ci95_hi", *(f"category_{c}" for c in cats), *(f"voice_{v}" for v in voices),
              "warning"]

    def rows() -> Iterator[list[Any]]:
        for e in report.events:
            for r in e.density:
                lo, hi = (r.ci95 + [None, None])[:2] if len(r.ci95) != 2 else r.ci95
                yield [e.id, r.outlet, r.articles, r.words, r.loaded, r.per_1000, lo, hi,
                       *(r.by_category.get(c, 0) for c in cats),
                       *(r.by_voice.get(v, 0) for v in voices), r.warning]

    return _csv_chunks(header, rows())


def _naming(report: Report) -> Chunks:
    return _csv_chunks(["event", "actor", "outlet", "form", "count", "scare_quoted", "loaded"],
                ([e.id, row.actor, f.outlet, f.form, f.count, f.scare_quoted, f.loaded]
                 for e in report.events for row in e.naming for f in row.forms))


def _quotes(report: Report) -> Chunks:
    def rows() -> Iterator[list[Any]]:
        for e in report.events:
            for k, q in enumerate(e.quotes, 1):
                for v in q.versions:
                    yield [e.id, k, q.speaker, q.reference.text, v.outlet, v.article,
                           v.relation, v.text, " ".join(v.inserted), " ".join(v.deleted)]

    return _csv_chunks(["event", "quote", "speaker", "reference", "outlet", "article", "relation",
                        "text", "inserted", "deleted"], rows())


def _facts(report: Report) -> Chunks:
    """One row per fact × outlet: ``carried`` says whether that outlet has it."""
    def rows() -> Iterator[list[Any]]:
        for e in report.events:
            for k, f in enumerate(e.facts, 1):
                named = set(f.present) | set(f.absent)
                order = [o for o in e.outlets if o in named]
                order += [o for o in f.present + f.absent if o not in order]
                for outlet in order:
                    yield [e.id, k, f.text, f.kind, f.group, outlet, outlet in f.present]

    return _csv_chunks(["event", "fact", "text", "kind", "group", "outlet", "carried"], rows())


def _distinctive(report: Report) -> Chunks:
    return _csv_chunks(["event", "outlet", "rank", "term", "count", "z", "p", "q"],
                ([e.id, r.outlet, i, t.term, t.count, t.z, t.p, t.q]
                 for e in report.events for r in e.distinctive
                 for i, t in enumerate(r.terms, 1)))


def _group_scopes(report: Report) -> list[tuple[str, Any]]:
    """("corpus", the whole corpus's comparison), then each event's, where there are groups."""
    out: list[tuple[str, Any]] = [("corpus", report.groups)] if report.groups is not None else []
    return out + [(e.id, e.groups) for e in report.events if e.groups is not None]


def _groups(report: Report) -> Chunks:
    """Per-group density: ``scope`` is ``corpus`` or an event id."""
    cats, voices = report_categories(report), report_voices(report)

    def rows() -> Iterator[list[Any]]:
        for scope, cmp in _group_scopes(report):
            for r in cmp.density:
                yield [scope, r.group, " | ".join(r.outlets), r.articles, r.words, r.loaded, r.per_1000,
                       r.ci95[0], r.ci95[1], *(r.by_category.get(c, 0) for c in cats),
                       *(r.by_voice.get(v, 0) for v in voices), r.warning]

    return _csv_chunks(["scope", "group", "outlets", "articles", "words", "loaded", "per_1000", "ci95_lo", "ci95_hi",
                 *(f"category_{c}" for c in cats), *(f"voice_{v}" for v in voices), "warning"], rows())


def _group_distinctive(report: Report) -> Chunks:
    return _csv_chunks(["scope", "group", "rank", "term", "count", "z", "p", "q"],
                ([scope, r.group, i, t.term, t.count, t.z, t.p, t.q]
                 for scope, cmp in _group_scopes(report) for r in cmp.distinctive
                 for i, t in enumerate(r.terms, 1)))


def tables(report: Report) -> dict[str, str]:
    """File name → CSV text, for every table in :data:`TABLE_NAMES`."""
    return dict(iter_tables(report))


def iter_tables(report: Report) -> Iterator[tuple[str, str]]:
    """(file name, CSV text) for every table in :data:`TABLE_NAMES`, one
    table at a time (only one table's text is in memory at once)."""
    for name, chunks in iter_table_chunks(report):
        yield name, "".join(chunks)


def iter_table_chunks(report: Report) -> Iterator[tuple[str, Iterator[str]]]:
    """(file name, the CSV text in pieces) for every table in
    :data:`TABLE_NAMES`, in order: only a few thousand rows of one table are
    in memory at once. Take each table's pieces before the next table."""
    build: dict[str, Callable[[Report], Chunks]] = {
        "articles.csv": _articles,
        "hits.csv": _hits,
        "density.csv": _density,
        "naming.csv": _naming,
        "quotes.csv": _quotes,
        "facts.csv": _facts,
        "distinctive.csv": _distinctive,
        "groups.csv": _groups,
        "group_distinctive.csv": _group_distinctive,
    }
    for name in TABLE_NAMES:
        yield name, build[name](report)
