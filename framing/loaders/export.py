"""News-archive exports: JSONL, JSON and CSV files with one article per record,
as Media Cloud and similar tools write them (``stories_id, media_name, url,
publish_date, title, language, text``).

Common column names are mapped to article fields; ``columns`` lets the user
name their own (``{"text": "story_body", "outlet": "publisher"}``). A bad line
or row is one error with its line number; the good records still load.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from ..errors import InputError
from ..models import Article
from .dates import parse_date

#: Article field → column names that exports commonly use for it, in order of preference.
COLUMN_ALIASES: dict[str, tuple[str, ...]] = {
    "source_id": ("stories_id", "story_id", "article_id", "id", "guid", "uuid", "doc_id"),
    "outlet": ("media_name", "outlet", "source", "publisher", "media", "site_name", "sitename",
               "source_name", "newssource", "domain"),
    "url": ("url", "link", "source_url", "newslink", "guid_url"),
    "date": ("publish_date", "date", "published", "published_at", "pubdate", "publication_date",
             "publish_time", "timestamp"),
    "title": ("title", "headline", "newstitle"),
    "body": ("text", "body", "content_original", "content", "article", "story_text", "full_text",
             "maintext", "newbody"),
    "byline": ("author", "authors", "byline", "creator"),
    "language": ("language", "lang"),
    "event": ("event", "event_id", "story"),
}

FIELDS = tuple(COLUMN_ALIASES)


@dataclass
class Record:
    """One export record: its id within the file, the article, or the error."""

    record: str
    line: int
    article: Article | None = None
    error: InputError | None = None


def resolve_columns(names: list[str], columns: Mapping[str, str] | None = None) -> dict[str, str]:
    """Map article fields to the columns of this export (user choices first)."""
    lower = {n.lower().strip(): n for n in names}
    chosen: dict[str, str] = {}
    for fld, col in (columns or {}).items():
        if col.lower() in lower:
            chosen[fld] = lower[col.lower()]
    for fld, aliases in COLUMN_ALIASES.items():
        if fld in chosen:
            continue
        for alias in aliases:
            if alias in lower and lower[alias] not in chosen.values():
                chosen[fld] = lower[alias]
                break
    return chosen


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):
        parts = [_text(v) for v in value]
        return "\n\n".join(p for p in parts if p) or None
    if isinstance(value, dict):
        for key in ("name", "text", "value"):
            if key in value:
                return _text(value[key])
        return None
    text = str(value).strip()
    return text or None


def _article(source: str, raw: bytes, rec: Mapping[str, Any], cols: dict[str, str], fmt: str) -> Article:
    get = {fld: rec.get(col) for fld, col in cols.items()}
    body = _text(get.get("body")) or ""
    body = "\n\n".join(p.strip() for p in body.replace("\r\n", "\n").split("\n") if p.strip())
    authors = get.get("byline")
    return Article(
        source=source,
        body=body,
        title=_text(get.get("title")),
        outlet=_text(get.get("outlet")),
        outlet_from="export" if _text(get.get("outlet")) else "unknown",
        date=parse_date(get.get("date")),
        byline=", ".join(a for a in (_text(x) for x in authors) if a) if isinstance(authors, list) else _text(authors),
        url=_text(get.get("url")),
        event=_text(get.get("event")),
        language=_text(get.get("language")),
        source_id=_text(get.get("source_id")),
        format=fmt,
        raw=raw,
    )


def _check(source: str, line: int, art: Article, record: str) -> Record:
    if not art.body:
        return Record(record, line, error=InputError(source, "record has no text", line))
    return Record(record, line, article=art)


def read_jsonl(source: str, text: str, columns: Mapping[str, str] | None = None) -> Iterator[Record]:
    """Records of a JSON Lines file; a line that is not a JSON object is an error."""
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Record(f"line:{number}", number, error=InputError(source, f"invalid JSON ({exc.msg})", number))
            continue
        if not isinstance(obj, dict):
            yield Record(f"line:{number}", number, error=InputError(source, "line is not a JSON object", number))
            continue
        cols = resolve_columns(list(obj), columns)
        art = _article(source, line.encode("utf-8"), obj, cols, "jsonl")
        yield _check(source, number, art, _record_key(art, number))


def read_json(source: str, text: str, columns: Mapping[str, str] | None = None) -> Iterator[Record]:
    """A JSON file: one article object, or an array of them."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield Record("", exc.lineno, error=InputError(source, f"invalid JSON ({exc.msg})", exc.lineno))
        return
    items = data if isinstance(data, list) else [data]
    for number, obj in enumerate(items, start=1):
        if not isinstance(obj, dict):
            yield Record(f"item:{number}", number, error=InputError(source, f"item {number} is not a JSON object"))
            continue
        cols = resolve_columns(list(obj), columns)
        raw = json.dumps(obj, sort_keys=True, ensure_ascii=False).encode("utf-8")
        art = _article(source, raw, obj, cols, "json")
        rec = _record_key(art, number) if isinstance(data, list) else ""
        yield _check(source, number, art, rec)


def read_csv(source: str, text: str, columns: Mapping[str, str] | None = None) -> Iterator[Record]:
    """Records of a CSV (or TSV) export with a header row."""
    sample = text[:4096]
    delimiter = "\t" if sample.split("\n", 1)[0].count("\t") > sample.split("\n", 1)[0].count(",") else ","
    csv.field_size_limit(1 << 30)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = next(reader)
    except (StopIteration, csv.Error):
        yield Record("", 1, error=InputError(source, "CSV has no header row", 1))
        return
    cols = resolve_columns(header, columns)
    if "body" not in cols:
        yield Record("", 1, error=InputError(
            source, "no text column (looked for " + ", ".join(COLUMN_ALIASES["body"]) +
            "; name yours with --column text=NAME)", 1))
        return
    previous_end = reader.line_num
    while True:
        start = previous_end + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            previous_end = reader.line_num
            yield Record(f"line:{start}", start, error=InputError(source, f"malformed CSV row ({exc})", start))
            continue
        previous_end = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            yield Record(f"line:{start}", start, error=InputError(
                source, f"expected {len(header)} fields, found {len(row)}", start))
            continue
        rec = dict(zip(header, row))
        raw = json.dumps(rec, ensure_ascii=False).encode("utf-8")
        art = _article(source, raw, rec, cols, "csv")
        yield _check(source, start, art, _record_key(art, start))


def _record_key(art: Article, number: int) -> str:
    return f"id:{art.source_id}" if art.source_id else f"line:{number}"

