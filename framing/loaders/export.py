"""News-archive exports: JSONL, JSON and CSV files with one article per record.

The shapes users have (docs/input-formats.md shows each with an example):

- Media Cloud story lists (``stories_id, publish_date, title, url, media_name``,
  with or without a text column): records without text load as headline-only
  articles, said once per file;
- NewsAPI responses (``{"status", "totalResults", "articles": [...]}``):
  ``source.name``, ``author``, ``publishedAt``, and ``description`` +
  ``content`` with NewsAPI's ``[+N chars]`` marker removed, marked truncated;
- GDELT DOC article lists (``domain``, ``seendate``, ``sourcecountry``);
- any JSON whose records sit in one list under a key, JSON Lines, CSV/TSV.

Common column names are mapped to article fields; ``columns`` lets the user
name their own (``{"text": "story_body", "outlet": "publisher"}``). HTML
entities are unescaped in every field.

Exports are read record by record from the open file, so memory stays flat
whatever the file's size; a single record is limited instead (its bytes, its
nesting depth, the digits of its numbers). A bad line or record is one error
with its line number; the good records still load. A record's id is its
export id (``stories_id``...) or else a digest of its content, never its
position, so inserting a record does not renumber the others.
"""

from __future__ import annotations

import csv
import hashlib
import html
import io
import json
import re
from collections import deque
from collections.abc import Generator, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import islice
from typing import IO, Any
from urllib.parse import urlsplit

from ..errors import InputError
from ..models import Article
from .dates import parse_date
from .decode import legacy_fallback, repair_lone_surrogates
from .delimited import csv_delimiter
from .text import _ends_sentence, is_furniture_paragraph

#: Article field → column names that exports commonly use for it, in order of preference.
COLUMN_ALIASES: dict[str, tuple[str, ...]] = {
    "source_id": ("stories_id", "story_id", "article_id", "id", "guid", "uuid", "doc_id", "_id", "uri",
                  "document_id"),
    # trafilatura's JSON: ``source-hostname`` is the site's name, ``source`` its page's address.
    "outlet": ("media_name", "outlet", "source_hostname", "source", "publisher", "media", "site_name", "sitename",
               "source_name", "newssource", "publication", "newspaper", "domain", "source_domain",
               "outlet_name", "publisher_name", "source_title", "provider", "media_outlet", "publication_name",
               "media_title"),
    "url": ("url", "link", "source_url", "newslink", "news_link", "guid_url", "web_url", "weburl", "article_url",
            "story_url", "canonical_url", "permalink"),
    "date": ("publish_date", "date", "published", "published_at", "publishedat", "pubdate",
             "publication_date", "publish_time", "seendate", "timestamp", "date_publish", "pub_date",
             "published_date", "datepublished", "webpublicationdate", "datetime", "date_published",
             "publication_time", "created_at"),
    "title": ("title", "headline", "newstitle", "webtitle", "article_title", "headline_text", "news_title"),
    # The Guardian's ``fields`` give ``body`` as HTML beside ``bodyText``: the text first.
    "body": ("text", "bodytext", "body", "content_original", "content", "article", "story_text",
             "full_text", "maintext", "newbody", "article_text", "articletext", "article_body",
             "articlebody", "body_text", "fulltext", "story_body", "news_text", "content_text"),
    # Meltwater's older exports name the writer "Influencer", Cision's "Journalist".
    "byline": ("author", "authors", "byline", "creator", "author_name", "authors_name", "writer", "influencer",
               "journalist"),
    "language": ("language", "lang"),
    "event": ("event", "event_id", "story"),
    "country": ("sourcecountry", "source_country", "country"),
    # An outlet group: AllSides-style leaning, Article-Bias-Prediction's bias_text.
    "group": ("group", "outlet_group", "leaning", "bias_text"),
}
#: Every column name above: a nested object under any other key is a wrapper
#: whose members are the record's (the Guardian's ``fields``, an
#: Elasticsearch dump's ``_source``).
_ALIASED = frozenset(a for names in COLUMN_ALIASES.values() for a in names)
#: A web address where a name was expected.
_WEB_ADDRESS = re.compile(r"(?i)https?://[^\s/]+")
#: Columns that name a site, when the outlet's column holds an address: the
#: outlet's own names, then a host's.
_OUTLET_NAMES = COLUMN_ALIASES["outlet"] + ("hostname",)
#: A standfirst a NewsAPI-style record carries beside a cut ``content``.
#: Media-monitoring exports (Meltwater, Cision, Brandwatch, Talkwalker) carry
#: the article's opening or the passage that matched the search, not its text:
#: "Opening Text", "Snippet", "Excerpt", Meltwater's "Hit Sentence".
_DESCRIPTION = ("description", "summary", "trailtext", "standfirst", "lead_paragraph", "abstract",
                "opening_text", "snippet", "excerpt", "lede", "hit_sentence")

FIELDS = tuple(COLUMN_ALIASES)

#: Limits on one record (whatever the file's size).
MAX_DEPTH = 64
MAX_DIGITS = 100
DEFAULT_MAX_RECORD_BYTES = 20 * 1024 * 1024

#: NewsAPI's cut marker at the end of ``content``: "… [+3841 chars]".
_CUT_MARKER = re.compile(r"\s*(?:…|\.\.\.)?\s*\[\+\d[\d,]*\s*chars?\]\s*$")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


@dataclass
class Record:
    """One export record: its id within the file, the article, or the error."""

    record: str
    line: int
    article: Article | None = None
    error: InputError | None = None


@dataclass
class ExportStats:
    """What a reader noticed about a whole file, said once (not per record)."""

    headline_only: int = 0
    truncated: int = 0
    notes: list[str] = field(default_factory=list)

    def summary(self) -> list[str]:
        out = list(self.notes)
        if self.headline_only:
            n = self.headline_only
            out.append(f"{n:,} record{'s have' if n != 1 else ' has'} no text: headline{'s' if n != 1 else ''} only")
        if self.truncated:
            n = self.truncated
            out.append(f"{n:,} record{'s carry' if n != 1 else ' carries'} only the start of the article "
                       "(the export cut the text): marked truncated")
        return out


_SEPARATORS = re.compile(r"[\s\-]+")


def resolve_columns(names: list[str], columns: Mapping[str, str] | None = None) -> dict[str, str]:
    """Map article fields to the columns of this export (user choices first)."""
    lower: dict[str, str] = {}
    for n in names:
        lower.setdefault(str(n).lower().strip(), n)
    for n in names:
        # "Publish Date", "media-name": a spreadsheet's headers for the same columns.
        lower.setdefault(_SEPARATORS.sub("_", str(n).lower().strip()), n)
    chosen: dict[str, str] = {}
    for fld, col in (columns or {}).items():
        if col.lower() in lower:
            chosen[fld] = lower[col.lower()]
    users = set(chosen.values())
    for fld, aliases in COLUMN_ALIASES.items():
        if fld in chosen:
            continue
        for alias in aliases:
            # A column the user named for one field still fills its usual one
            # (--column text=title keeps the title too); automatic picks never share.
            if alias in lower and (lower[alias] in users or lower[alias] not in chosen.values()):
                chosen[fld] = lower[alias]
                break
    return chosen


def _text(value: Any, depth: int = 0) -> str | None:
    if value is None or isinstance(value, bool) or depth > MAX_DEPTH:
        return None
    if isinstance(value, list):
        parts = [_text(v, depth + 1) for v in value]
        return "\n\n".join(p for p in parts if p) or None
    if isinstance(value, dict):
        # NewsAPI's source {"name"}, The New York Times' headline {"main"} and
        # byline {"original"}, Event Registry's source {"title"}.
        for key in ("name", "text", "value", "main", "title", "original"):
            if key in value:
                return _text(value[key], depth + 1)
        return None
    text = str(value).strip()
    if "&" in text and _ENTITY.search(text):
        text = html.unescape(text).strip()
    if "\u00ad" in text:
        text = text.replace("\u00ad", "")  # soft hyphens ("&shy;"): shown only at a line's break
    return text or None


#: Markup in a text field: an API that gives the body as HTML (the Guardian's
#: ``body``, a CMS dump). Two tags or more and a paragraph's end or a line
#: break: a text that names one tag ("the <b> element") stays text.
_TAG = re.compile(r"</?(?:p|br|div|h[1-6]|li|ul|ol|blockquote|figure|figcaption|span|a|em|strong|b|i)\b[^<>]{0,2000}>",
                  re.IGNORECASE)
_BREAKING_TAG = re.compile(r"</(?:p|div|h[1-6]|li|blockquote)\s*>|<br\b", re.IGNORECASE)
_BLOCK_TAGS = frozenset("p div h1 h2 h3 h4 h5 h6 li blockquote pre tr section article header footer "
                        "ul ol table figcaption".split())
#: Elements whose text is not the article's: embeds, scripts, figures (a photo's caption and credit).
_DROPPED_TAGS = ("script", "style", "figure", "aside", "noscript", "iframe", "form", "button", "svg")
_SPACES = re.compile(r"\s+")


def _without_markup(text: str) -> str:
    """The text of a field given as HTML, a paragraph a line: block elements
    end a paragraph, a ``<br>`` a line, the source's own line breaks inside a
    paragraph are spaces; scripts, embeds and figures are left out."""
    if "<" not in text or not _BREAKING_TAG.search(text) or len(_TAG.findall(text, 0, 200_000)) < 2:
        return text
    from lxml import etree
    from lxml import html as lxml_html

    try:
        root = lxml_html.fragment_fromstring(text, create_parent="div")
    except (etree.ParserError, ValueError):
        return text
    for el in list(root.iter(*_DROPPED_TAGS)):
        el.drop_tree()
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        el.text = _SPACES.sub(" ", el.text) if el.text else el.text
        tail = _SPACES.sub(" ", el.tail) if el.tail else ""
        tag = el.tag.lower()
        if tag == "br":
            el.tail = "\n" + tail
        elif tag in _BLOCK_TAGS:
            el.tail = "\n" + tail
            el.text = "\n" + (el.text or "")
        else:
            el.tail = tail
    return root.text_content().strip()


#: "By Ana Lee" in a byline field (The New York Times' ``byline.original``).
_BY = re.compile(r"by\s+(?=[^\W\d_])", re.IGNORECASE)


#: A list of names written out in a CSV cell: "['Ana Lee', 'Sam Orlo']".
_NAME_LIST = re.compile(r"""\[\s*(?:(?:"[^"\[\]\\]*"|'[^'\[\]\\]*')\s*,?\s*)*\]""")


def _byline(text: str | None) -> str | None:
    if text and text[:1] == "[" and _NAME_LIST.fullmatch(text):
        import ast

        try:
            names = [str(n).strip() for n in ast.literal_eval(text)]
        except (ValueError, SyntaxError):
            names = [text]
        text = ", ".join(n for n in names if n) or None
    by = _BY.match(text) if text else None
    return (text[by.end():].strip() or None) if by else text


def _paragraphs(text: str) -> str:
    return "\n\n".join(p.strip() for p in text.replace("\r\n", "\n").replace("\r", "\n").split("\n") if p.strip())


#: A dated copyright notice standing as a paragraph of its own: "Copyright ©
#: 2019 The Daily Kesh, LLC. Click here for reprint permission.", "(© 2018 The
#: Wire Service. All rights reserved.)". Scraped texts in archive exports keep
#: the page's notice as their last paragraph.
_NOTICE = re.compile(r"\W{0,3}(?:tm and\s+)?(?:©|\(c\)|copyright\b)[^\n]{0,300}?\b(?:19|20)\d\d\b[^\n]{0,300}",
                     re.IGNORECASE)


def _goes_on(above: str, line: str) -> bool:
    """True when ``line`` goes on with the sentence that ``above`` breaks off:
    "—Jan Orlo contributed" over "to this article." (a heading over a credit,
    "The Purist: Jan Orlo" over "toggle caption Vell Wire", ends in a name)."""
    last = above.rstrip().rsplit(None, 1)[-1] if above.strip() else ""
    return line[:1].islower() and (last[:1].islower() or last.endswith((",", "-"))) and not _ends_sentence(above)


def _without_furniture(body: str) -> str:
    """``body`` without the paragraphs that are the page's, not the article's:
    scraped texts keep ad labels, "Story continued below", newsletter and app
    prompts and share bars as paragraphs of their own, whose words would count
    as the article's (see :func:`~framing.loaders.text.is_furniture_paragraph`,
    the pasted-page loader's test). The record's raw bytes keep them."""
    paras = body.split("\n\n")
    kept: list[str] = []
    for p in paras:
        if is_furniture_paragraph(p) and not (kept and _goes_on(kept[-1], p)):
            continue
        kept.append(p)
    return "\n\n".join(kept) if len(kept) < len(paras) else body


def _without_notice(body: str) -> str:
    """``body`` without the copyright notices that end it: the site's, not the
    article's words (its name, "LLC", "reprint permission" would be counted as
    the article's names, facts and distinctive words)."""
    while body:
        head, sep, last = body.rpartition("\n\n")
        if not sep or len(last) > 400 or not _NOTICE.fullmatch(last):
            return body
        body = head
    return body


def _article(source: str, raw: bytes, rec: Mapping[str, Any], cols: dict[str, str], fmt: str) -> Article:
    get = {fld: rec.get(col) for fld, col in cols.items()}
    body = _without_markup(_text(get.get("body")) or "")
    content = "full"
    # The marker ends the text: look for it only when the text ends like it
    # (searching from every whitespace of a long body was most of a record's time).
    if body and body.rstrip().endswith(("char]", "chars]")) and _CUT_MARKER.search(body):
        body = _CUT_MARKER.sub("", body)
        content = "truncated"
    lower = {_SEPARATORS.sub("_", str(k).lower().strip()): k for k in rec}
    desc_key = next((lower[k] for k in _DESCRIPTION if k in lower and lower[k] not in cols.values()), None)
    description = _text(rec.get(desc_key)) if desc_key is not None else None
    if description:
        description = _without_markup(description)
    if description and (content == "truncated" or not body):
        if not body.startswith(description[: max(20, len(description) // 2)]):
            body = description + ("\n\n" + body if body else "")
        content = "truncated"
    body = _without_notice(_without_furniture(_paragraphs(body)))
    title = _text(get.get("title"))
    if not body:
        content = "headline"
    authors = get.get("byline")
    outlet = _text(get.get("outlet"))
    url = _text(get.get("url"))
    if url is None and (address := _text(rec.get(lower.get("source")))) and _WEB_ADDRESS.match(address):
        url = address  # trafilatura's JSON gives the page's address as ``source``
    if outlet and _WEB_ADDRESS.match(outlet):
        # An address in the outlet's column is no outlet's name: the site's
        # name from another column, else the address's host.
        url = url or outlet
        outlet = next((v for k in _OUTLET_NAMES if k in lower and (v := _text(rec.get(lower[k])))
                       and not _WEB_ADDRESS.match(v)), None) or urlsplit(outlet).hostname
    if outlet and outlet[:4].lower() == "www." and " " not in outlet:
        outlet = outlet[4:]  # a host (news-please's source_domain), named as a URL's would be
    art = Article(
        source=source,
        body=body,
        title=title,
        outlet=outlet,
        outlet_from="export" if outlet else "unknown",
        date=parse_date(get.get("date")),
        byline=(", ".join(a for a in (_byline(_text(x)) for x in authors) if a) or None)
        if isinstance(authors, list) else _byline(_text(authors)),
        url=url,
        event=_text(get.get("event")),
        language=_text(get.get("language")),
        source_id=_text(get.get("source_id")),
        country=_text(get.get("country")),
        group=_text(get.get("group")),
        content=content,
        format=fmt,
        raw=raw,
    )
    if repair_lone_surrogates(art):
        art.notes.append("lone UTF-16 surrogates in the record were replaced with U+FFFD")
    return art


#: What to do with an export of addresses alone.
NO_FETCHING = ("framing reads no pages from the web; save the pages and give the files, or export the "
               "articles with their text")


class _Reader:
    """Shared bookkeeping: duplicate ids, per-file counts."""

    def __init__(self, source: str, columns: Mapping[str, str] | None, max_record: int):
        self.source = source
        self.columns = columns
        self.max_record = max_record
        self.stats = ExportStats()
        self.seen: dict[str, int] = {}
        self.known: dict[tuple[Any, ...], dict[str, str]] = {}

    def error(self, line: int, problem: str, key: str = "") -> Record:
        return Record(key or f"line:{line}", line, error=InputError(self.source, problem, line))

    def finish(self, line: int, art: Article) -> Record:
        if not art.body and not art.title:
            return self.error(line, "record has neither text nor a title" + (
                f": only a web address, and {NO_FETCHING}" if art.url else ""))
        key = f"id:{art.source_id}" if art.source_id else "sha:" + hashlib.sha256(art.raw).hexdigest()[:16]
        first = self.seen.get(key)
        if first is not None:
            what = f"id {art.source_id!r}" if art.source_id else "record (same content)"
            return self.error(line, f"duplicate {what}, first at line {first}; this one is skipped", key)
        self.seen[key] = line
        if art.content == "headline":
            self.stats.headline_only += 1
        elif art.content == "truncated":
            self.stats.truncated += 1
        return Record(key, line, article=art)

    def loads(self, line: int, text: str) -> tuple[Any, Record | None]:
        """Parse one record's JSON text within the limits."""
        if _ESCAPED.search(text):
            text = _redecode(text)  # bytes that were not UTF-8
        if len(text) > self.max_record:
            return None, self.error(line, f"record is over {self.max_record:,} bytes (see --max-size)")
        if _too_deep(text, MAX_DEPTH):
            return None, self.error(line, f"record nested more than {MAX_DEPTH} levels deep")
        try:
            return json.loads(text, parse_int=_bounded_int), None
        except json.JSONDecodeError as exc:
            return None, self.error(line + exc.lineno - 1, f"invalid JSON ({exc.msg})")
        except (ValueError, RecursionError) as exc:
            return None, self.error(line, f"invalid JSON ({exc})")

    def record(self, line: int, obj: Any, raw: bytes, fmt: str) -> Record:
        read = self.article(line, obj, raw, fmt)
        return read if isinstance(read, Record) else self.finish(line, read)

    def article(self, line: int, obj: Any, raw: bytes, fmt: str) -> Article | Record:
        """The record's article, or its error; not yet :meth:`finish`-ed (so
        it needs none of the file's other records: a worker can read it)."""
        if not isinstance(obj, dict):
            return self.error(line, "record is not a JSON object")
        try:
            obj = _unwrapped(obj)
            names = tuple(obj)
            cols = self.known.get(names)
            if cols is None:
                # An export's records share their keys: one mapping for them all.
                cols = resolve_columns(list(names), self.columns)
                if len(self.known) < 64:
                    self.known[names] = cols
            return _article(self.source, raw, obj, cols, fmt)
        except (ValueError, TypeError, RecursionError, OverflowError) as exc:
            return self.error(line, f"cannot read the record ({type(exc).__name__}: {exc})")


def _unwrapped(obj: dict[str, Any]) -> dict[str, Any]:
    """The record with the members of its nested objects lifted beside its
    own, one level down, where the key names no field: the Guardian's
    ``fields`` (``bodyText``, ``byline``), an Elasticsearch dump's
    ``_source``. The record's own members win; an object under a field's
    name (``source``, ``headline``) stays a value (see :func:`_text`)."""
    nested = [v for k, v in obj.items() if isinstance(v, dict) and str(k).lower().strip() not in _ALIASED]
    if not nested:
        return obj
    out = dict(obj)
    have = {str(k).lower().strip() for k in obj}
    for inner in nested:
        for k, v in inner.items():
            low = str(k).lower().strip()
            if low not in have:
                have.add(low)
                out[k] = v
    return out


def _bounded_int(s: str) -> int:
    if len(s.lstrip("-")) > MAX_DIGITS:
        raise ValueError(f"a number with more than {MAX_DIGITS} digits")
    return int(s)


_ESCAPED = re.compile("[\udc80-\udcff]")
_STRUCT = re.compile(r'["\[\]{}]')
_STRING_END = re.compile(r'["\\]')
#: A whole JSON string (escapes included), when the buffer holds all of it.
_STRING_RE = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)


def _too_deep(text: str, limit: int) -> bool:
    """True when the JSON text nests containers deeper than ``limit``."""
    if text.count("[") + text.count("{") <= limit:
        return False
    depth = 0
    pos = 0
    n = len(text)
    while pos < n:
        m = _STRUCT.search(text, pos)
        if m is None:
            return False
        ch = m.group()
        pos = m.end()
        if ch == '"':
            while True:
                e = _STRING_END.search(text, pos)
                if e is None:
                    return False
                pos = e.end() + (1 if e.group() == "\\" else 0)
                if e.group() == '"':
                    break
        elif ch in "[{":
            depth += 1
            if depth > limit:
                return True
        else:
            depth -= 1
    return False


def _decode_line(raw: bytes, encoding: str) -> tuple[str, str | None]:
    """One line's text; a line that is not in the file's encoding is read as its legacy one."""
    try:
        return raw.decode(encoding), None
    except UnicodeDecodeError:
        text, enc = legacy_fallback(raw)
        return text, f"not {encoding}: read as {enc}"


def read_jsonl(source: str, fh: IO[bytes], columns: Mapping[str, str] | None = None, *,
               encoding: str = "utf-8", max_record: int = DEFAULT_MAX_RECORD_BYTES,
               stats: ExportStats | None = None, submit: Any = None, ahead: int = 4) -> Iterator[Record]:
    """Records of a JSON Lines file, in order (read a chunk of lines at a time).

    ``submit`` (``submit(fn, *args)`` returning a future with ``result()``: a
    ``concurrent.futures`` executor, a Dask client) reads the lines in chunks
    of :data:`CHUNK_LINES` elsewhere, at most ``ahead`` chunks at a time, so
    memory stays bounded; decoding, JSON and each record's fields are the
    chunk's work, while the checks that need the whole file (duplicate ids,
    the file's counts) run here, in order. The records are the same either way."""
    r = _Reader(source, columns, max_record)
    if stats is not None:
        r.stats = stats
    line_encoding = "utf-8" if encoding.startswith(("utf-16", "utf-32")) else encoding
    calls = ((read_lines, source, columns, max_record, line_encoding, first, chunk)
             for first, chunk in _chunks(_lines(fh, encoding, max_record)))
    for reads in _in_order(submit, calls, ahead):
        for read in reads:
            yield read if isinstance(read, Record) else r.finish(*read)


def _in_order(submit: Any, calls: Iterator[tuple[Any, ...]], ahead: int) -> Iterator[Any]:
    """``fn(*args)`` of each ``(fn, *args)`` in ``calls``, in order: through
    ``submit`` with at most ``ahead`` under way (memory stays bounded), or
    here, one at a time, when ``submit`` is None."""
    if submit is None:
        for fn, *args in calls:
            yield fn(*args)
        return
    pending: deque[Any] = deque()
    for call in calls:
        pending.append(submit(*call))
        if len(pending) >= max(1, ahead):
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


#: Lines (and bytes) of a JSON Lines file per chunk read by a worker (see :func:`read_jsonl`).
CHUNK_LINES = 1_000
CHUNK_BYTES = 8 * 1024**2


def _chunks(lines: Iterator[bytes | None]) -> Iterator[tuple[int, list[bytes | None]]]:
    """``(number of the first line, the lines)`` of consecutive lines."""
    first, chunk, size = 1, [], 0
    for raw in lines:
        chunk.append(raw)
        size += len(raw) if raw is not None else 0
        if len(chunk) >= CHUNK_LINES or size >= CHUNK_BYTES:
            yield first, chunk
            first, chunk, size = first + len(chunk), [], 0
    if chunk:
        yield first, chunk


def read_lines(source: str, columns: Mapping[str, str] | None, max_record: int, line_encoding: str,
               first: int, raws: list[bytes | None]) -> list[Record | tuple[int, Article]]:
    """A chunk of a JSON Lines file (line ``first`` on) read on its own: per
    line, its error as a :class:`Record`, or ``(line number, article)`` for
    the reader of the whole file to finish; blank lines give nothing."""
    r = _Reader(source, columns, max_record)
    out: list[Record | tuple[int, Article]] = []
    for number, raw in enumerate(raws, start=first):
        read = _read_line(r, number, raw, line_encoding)
        if read is not None:
            if not isinstance(read, Record):
                read[1].words  # counted here, not in the process that stores it
            out.append(read)
    return out


def _read_line(r: _Reader, number: int, raw: bytes | None,
               line_encoding: str) -> Record | tuple[int, Article] | None:
    if raw is None:
        return r.error(number, f"line is over {r.max_record:,} bytes (see --max-size)")
    if not raw.strip():
        return None
    line, note = _decode_line(raw, line_encoding)
    obj, err = r.loads(number, line)
    if err is not None:
        return err
    read = r.article(number, obj, raw.strip(), "jsonl")
    if isinstance(read, Record):
        return read
    if note:
        read.notes.append(f"line {number}: {note}")
    return number, read


def _lines(fh: IO[bytes], encoding: str, limit: int) -> Iterator[bytes | None]:
    """Lines of a binary file (in ``encoding``'s newline), None for one over ``limit`` bytes."""
    if encoding.startswith(("utf-16", "utf-32")):
        text = io.TextIOWrapper(fh, encoding=encoding, newline=None)
        try:
            for line in iter(lambda: text.readline(limit + 1), ""):
                if len(line) > limit and not line.endswith("\n"):
                    while (more := text.readline(1 << 20)) and not more.endswith("\n"):
                        pass
                    yield None
                else:
                    yield line.encode("utf-8", "surrogatepass")
        finally:
            _detach(text)
        return
    while True:
        line = fh.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            while (more := fh.readline(1 << 20)) and not more.endswith(b"\n"):
                pass
            yield None
        else:
            yield line.lstrip(b"\xef\xbb\xbf") if line.startswith(b"\xef\xbb\xbf") else line


def read_json(source: str, fh: IO[bytes], columns: Mapping[str, str] | None = None, *,
              encoding: str = "utf-8", max_record: int = DEFAULT_MAX_RECORD_BYTES,
              stats: ExportStats | None = None) -> Iterator[Record]:
    """A JSON file: one article object, an array of them, or an object whose
    records sit in one list under a key (``{"articles": [...]}``), streamed."""
    r = _Reader(source, columns, max_record)
    if stats is not None:
        r.stats = stats
    text = io.TextIOWrapper(fh, encoding=encoding, errors="surrogateescape", newline="")
    scan = _Scanner(text)
    try:
        yield from _json_records(r, scan)
    except _ScanError as exc:
        yield r.error(exc.line, f"invalid JSON ({exc})")
    finally:
        _detach(text)


def _detach(text: io.TextIOWrapper) -> None:
    """Leave the binary file open for its owner to close."""
    try:
        text.detach()
    except ValueError:
        pass


def _json_records(r: _Reader, scan: "_Scanner") -> Iterator[Record]:
    first = scan.peek()
    if first == "[":
        yield from _array_records(r, scan, "")
        return
    if first != "{":
        line = scan.line
        text, problem = scan.value(r.max_record)
        yield r.error(line, problem or "the file holds no JSON object or list of records")
        return
    # An object: the records are the first list of objects under a key, or
    # under a key of an object under a key (Event Registry's
    # {"articles": {"results": [...]}}, the Guardian's and The New York
    # Times' {"response": {"results" / "docs": [...]}}); if there is none,
    # the object itself is one record.
    start_line = scan.line
    found, text = yield from _object_records(r, scan, 0)
    if found:
        return
    if text is None:
        yield r.error(start_line, f"record is over {r.max_record:,} bytes (see --max-size)")
        return
    empty = _empty_wrapper(text)
    if empty is not None:
        # NewsAPI's answer to a query nothing matched: {"status": "ok", "totalResults": 0, "articles": []}
        yield r.error(start_line, f"no records: its list {empty!r} is empty")
        return
    yield _json_record(r, start_line, text)


def _empty_wrapper(text: str) -> str | None:
    """The key of an empty list in an object that names no article field
    (a wrapper whose list of records is empty), else None."""
    try:
        obj = json.loads(text)
    except ValueError:
        return None
    if not isinstance(obj, dict) or any(str(k).lower().strip() in _ALIASED for k in obj):
        return None
    return next((str(k) for k, v in obj.items() if v == []), None)


def _json_record(r: _Reader, line: int, text: str) -> Record:
    """The record of one JSON object's text (or its error)."""
    obj, err = r.loads(line, text)
    return err if err is not None else r.record(line, obj, _raw(text), "json")


#: How deep a list of records may sit in wrapping objects.
MAX_WRAPPING = 2


def _object_records(r: _Reader, scan: "_Scanner",
                    depth: int) -> Generator[Record, None, tuple[bool, str | None]]:
    """Records of the first list of objects in the object at the cursor (or
    in an object under one of its keys, down to :data:`MAX_WRAPPING`);
    returns ``(found, the object's text)``: the text (None when over the
    record limit) only when no list was found, as the object is then a record.
    An object under a key is looked into only while no member so far names
    an article field, so a record's own objects (NewsAPI's ``source``) are
    values, not wrappers."""
    scan.take("{")
    members: list[str] = []
    size = 1
    found = False
    record_like = False
    while True:
        ch = scan.peek()
        if ch == "}":
            scan.take("}")
            break
        if ch == ",":
            scan.take(",")
            continue
        if ch == "":
            raise _ScanError("the file ends inside an object", scan.line)
        key_text, problem = scan.value(r.max_record)
        if problem or not key_text or not key_text.startswith('"'):
            raise _ScanError(problem or "expected a key", scan.line)
        scan.take(":")
        key = json.loads(key_text)
        if not found and scan.peek() == "[" and scan.peek_after_bracket() == "{":
            found = True
            yield from _array_records(r, scan, key)
            continue
        names_field = str(key).lower().strip() in _ALIASED
        record_like = record_like or names_field
        if not found and not record_like and depth < MAX_WRAPPING and scan.peek() == "{":
            inner_found, inner = yield from _object_records(r, scan, depth + 1)
            if inner_found:
                found = True
                continue
            value = inner
        else:
            value, _ = scan.value(r.max_record)
        if not found:
            if value is None:
                size = r.max_record + 1
            else:
                size += len(key_text) + len(value) + 2
            if size <= r.max_record and value is not None:
                members.append(f"{key_text}:{value}")
    if found:
        return True, None
    return False, ("{" + ",".join(members) + "}") if size <= r.max_record else None


def _array_records(r: _Reader, scan: "_Scanner", key: str) -> Iterator[Record]:
    scan.take("[")
    while True:
        ch = scan.peek()
        if ch == "]":
            scan.take("]")
            return
        if ch == ",":
            scan.take(",")
            continue
        if ch == "":
            raise _ScanError("the file ends inside a list", scan.line)
        line = scan.line
        text, problem = scan.value(r.max_record, MAX_DEPTH)
        if text is None:
            yield r.error(line, problem or "bad record")
            continue
        yield _json_record(r, line, text)


def _raw(text: str) -> bytes:
    return text.encode("utf-8", "surrogateescape")


class _ScanError(ValueError):
    def __init__(self, msg: str, line: int):
        super().__init__(msg)
        self.line = line


class _Scanner:
    """Cuts JSON values out of a text stream without holding the whole file."""

    CHUNK = 1 << 20

    def __init__(self, fh: IO[str]):
        self.fh = fh
        self.buf = ""
        self.pos = 0
        self.line = 1
        self.eof = False

    def _fill(self) -> bool:
        if self.eof:
            return False
        chunk = self.fh.read(self.CHUNK)
        if not chunk:
            self.eof = True
            return False
        if self.pos:
            self.buf = self.buf[self.pos:]
            self.pos = 0
        self.buf += chunk
        return True

    def _advance(self, to: int) -> None:
        self.line += self.buf.count("\n", self.pos, to)
        self.pos = to

    def peek(self) -> str:
        while True:
            n = len(self.buf)
            i = self.pos
            while i < n and self.buf[i] in " \t\r\n\ufeff":
                i += 1
            self._advance(i)
            if i < n:
                return self.buf[i]
            if not self._fill():
                return ""

    def peek_after_bracket(self) -> str:
        """The first non-blank character after the ``[`` at the cursor."""
        while True:
            i = self.pos + 1
            n = len(self.buf)
            while i < n and self.buf[i] in " \t\r\n":
                i += 1
            if i < n:
                return self.buf[i]
            if not self._fill():
                return ""

    def take(self, ch: str) -> None:
        if self.peek() != ch:
            got = self.peek() or "the end of the file"
            raise _ScanError(f"expected {ch!r}, found {got!r}", self.line)
        self._advance(self.pos + 1)

    def value(self, limit: int, depth_limit: int | None = None) -> tuple[str | None, str | None]:
        """The text of the JSON value at the cursor, or ``(None, problem)``
        when it is over ``limit`` characters or nested deeper than
        ``depth_limit`` (the value is skipped either way)."""
        first = self.peek()
        if first == "":
            raise _ScanError("unexpected end of the file", self.line)
        start = self.pos
        i = start
        depth = 0
        too_deep = False
        keep = True
        kept: list[str] = []

        def spill() -> None:
            nonlocal start, i
            # Move consumed text out of the buffer (kept only while under the limit).
            if keep:
                kept.append(self.buf[start:i])
            self._advance(i)
            start = i = self.pos

        while True:
            if i >= len(self.buf):
                spill()
                if keep and sum(map(len, kept)) > limit:
                    keep = False
                    kept.clear()
                if not self._fill():
                    if depth == 0 and first not in "[{\"":
                        break
                    raise _ScanError("the file ends inside a value", self.line)
                start, i = self.pos, self.pos
                continue
            ch = self.buf[i]
            if ch == '"':
                whole = _STRING_RE.match(self.buf, i)
                if whole is not None:
                    i = whole.end()
                    if depth == 0:
                        break
                    continue
                j = i + 1  # the string goes on past the buffer: read on
                while True:
                    m = _STRING_END.search(self.buf, j)
                    if m is None or (m.group() == "\\" and m.end() >= len(self.buf)):
                        # The string goes on in the next chunk.
                        i = len(self.buf) if m is None else m.start()
                        spill()
                        if not self._fill():
                            raise _ScanError("the file ends inside a string", self.line)
                        start = i = j = self.pos
                        continue
                    if m.group() == "\\":
                        j = m.end() + 1
                        continue
                    i = m.end()
                    break
                if depth == 0:
                    break
                continue
            if ch in "[{":
                depth += 1
                if depth_limit is not None and depth > depth_limit:
                    too_deep = True
                i += 1
                continue
            if ch in "]}":
                if depth == 0:
                    break
                depth -= 1
                i += 1
                if depth == 0:
                    break
                continue
            if depth == 0:
                if ch in ", \t\r\n:":
                    break
                i += 1
                continue
            m = _STRUCT.search(self.buf, i)
            i = m.start() if m else len(self.buf)
        if i == start and not any(kept):
            # A stray '}', ']' or ':' where a value should be: take it as the
            # (invalid) value, so every caller's loop moves on.
            i += 1
        if keep:
            kept.append(self.buf[start:i])
        self._advance(i)
        text = "".join(kept) if keep else None
        if too_deep:
            return None, f"record nested more than {depth_limit} levels deep"
        if text is None or len(text) > limit:
            return None, f"record is over {limit:,} bytes (see --max-size)"
        return text, None


def read_csv(source: str, fh: IO[bytes], columns: Mapping[str, str] | None = None, *,
             encoding: str = "utf-8", max_record: int = DEFAULT_MAX_RECORD_BYTES,
             stats: ExportStats | None = None, submit: Any = None, ahead: int = 4) -> Iterator[Record]:
    """Records of a CSV (or TSV) export with a header row, one row at a time.
    ``submit``: the rows are split here (a quoted cell may hold line breaks)
    and turned into articles elsewhere, in chunks of :data:`CHUNK_LINES` rows
    (as :func:`read_jsonl` does)."""
    r = _Reader(source, columns, max_record)
    if stats is not None:
        r.stats = stats
    text = io.TextIOWrapper(fh, encoding=encoding, errors="surrogateescape", newline="")
    try:
        yield from _csv_records(r, text, columns, encoding, submit, ahead)
    finally:
        _detach(text)


def _csv_records(r: _Reader, text: IO[str], columns: Mapping[str, str] | None, encoding: str,
                 submit: Any = None, ahead: int = 4) -> Iterator[Record]:
    max_record = r.max_record
    head = text.readline(1 << 16)
    csv.field_size_limit(max(1024, min(max_record, 2**31 - 1)))
    above = 0
    first_problem = None
    while True:
        reader = csv.reader(_chain(head, text), delimiter=csv_delimiter(head), strict=True)
        try:
            header = [h.lstrip("\ufeff") for h in next(reader)]
        except (StopIteration, csv.Error):
            yield r.error(1, first_problem or "CSV has no header row")
            return
        cols = resolve_columns(header, columns)
        problem = _no_text_column(cols)
        if problem is None and (not above or header_like(header)):
            break
        first_problem = first_problem or problem
        # A report's title, a "Report generated ..." line, Excel's "sep=," may
        # stand above the header (monitoring services' CSVs): look further down
        # a few lines, each one line long, for a header naming a text or title column.
        head = text.readline(1 << 16) if reader.line_num == 1 and above < HEADER_LINES else ""
        if not head:
            yield r.error(1, first_problem or "CSV has no header row")
            return
        above += 1
    if above:
        r.stats.notes.append(f"the header is line {above + 1}; the line{'s' if above > 1 else ''} above it "
                             f"{'are' if above > 1 else 'is'} passed over")
    yield from table_records(r, header, cols, encoding, _csv_rows(r, reader, len(header), above), submit, ahead)


#: Lines (or a sheet's non-empty rows) a table may hold above its header: a
#: report's title, a logo, a "Report generated ..." line, the search's terms.
HEADER_LINES = 30
_NUMBER = re.compile(r"[-+]?[\d.,:/ ]+")


def header_like(cells: list[str]) -> bool:
    """Whether a row below a table's first could be its header: two names
    or more and no number among them (a data row that holds the word "text"
    is no header)."""
    names = [c.strip() for c in cells if c.strip()]
    return len(names) >= 2 and not any(_NUMBER.fullmatch(n) for n in names)


def _no_text_column(cols: Mapping[str, str]) -> str | None:
    """Why a table whose columns map to ``cols`` gives no articles, or None when it can."""
    if "body" in cols or "title" in cols:
        return None
    if "url" in cols:
        return f"only web addresses (column {cols['url']!r}), no text or title column: {NO_FETCHING}"
    return ("no text or title column (looked for " + ", ".join(COLUMN_ALIASES["body"] + COLUMN_ALIASES["title"])
            + "; name yours with --column text=NAME)")


def table_records(r: _Reader, header: list[str], cols: dict[str, str], encoding: str,
                  rows: Iterator[tuple[int, Record | list[str]]], submit: Any = None, ahead: int = 4,
                  fmt: str = "csv") -> Iterator[Record]:
    """The records of a table's rows (``(line, cells or error)``, cells in
    the order of ``header``): a CSV export's, a spreadsheet's sheet's. With
    ``submit``, chunks of :data:`CHUNK_LINES` rows become articles elsewhere."""
    calls = ((csv_articles, r.source, header, cols, encoding, chunk, fmt)
             for chunk in iter(lambda: list(islice(rows, CHUNK_LINES)), []))
    for reads in _in_order(submit, calls, ahead):
        for read in reads:
            yield read if isinstance(read, Record) else r.finish(*read)


def _csv_rows(r: _Reader, reader: Any, width: int, above: int = 0) -> Iterator[tuple[int, Record | list[str]]]:
    """``(first line, the row's cells or its error)`` of each row that is not
    blank (``above``: lines before the one the reader started at)."""
    previous_end = reader.line_num + above
    while True:
        start = previous_end + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            previous_end = reader.line_num + above
            yield start, r.error(start, f"malformed CSV row ({exc})")
            continue
        previous_end = reader.line_num + above
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != width:
            yield start, r.error(start, f"expected {width} fields, found {len(row)}")
            continue
        yield start, row


def _csv_article(source: str, header: list[str], cols: dict[str, str], encoding: str,
                 start: int, row: list[str], fmt: str = "csv") -> Article:
    note = None
    if any(_ESCAPED.search(cell) for cell in row):
        row = [_redecode(cell) for cell in row]
        note = f"line {start}: not {encoding}: read as cp1252"
    rec = dict(zip(header, row))
    raw = json.dumps(rec, ensure_ascii=False).encode("utf-8", "surrogatepass")
    art = _article(source, raw, rec, cols, fmt)
    if note:
        art.notes.append(note)
    return art


def csv_articles(source: str, header: list[str], cols: dict[str, str], encoding: str,
                 rows: list[tuple[int, Record | list[str]]], fmt: str = "csv") -> list[Record | tuple[int, Article]]:
    """A chunk of a CSV export's rows (from :func:`_csv_rows`) read on its
    own: a bad row's error :class:`Record` as it is, else ``(first line,
    article)`` for the reader of the whole file to finish; each article's
    words are counted here too."""
    out: list[Record | tuple[int, Article]] = []
    for start, row in rows:
        if isinstance(row, Record):
            out.append(row)
            continue
        art = _csv_article(source, header, cols, encoding, start, row, fmt)
        art.words  # counted here, not in the process that stores it
        out.append((start, art))
    return out


def _chain(head: str, rest: IO[str]) -> Iterator[str]:
    yield head
    yield from rest


def _redecode(cell: str) -> str:
    if not _ESCAPED.search(cell):
        return cell
    return legacy_fallback(cell.encode("utf-8", "surrogateescape"))[0]


def read_workbook(source: str, rows: Iterator[Any], epoch: Any, columns: Mapping[str, str] | None = None, *,
                  fmt: str = "xlsx", max_record: int = DEFAULT_MAX_RECORD_BYTES, stats: ExportStats | None = None,
                  submit: Any = None, ahead: int = 4) -> Iterator[Record]:
    """Records of a spreadsheet's sheets (``rows``: :class:`framing.loaders.sheets.Cell`
    of each sheet in turn), each sheet read as a CSV export of it would be.

    A sheet's header is the first of its first non-empty rows that names a
    text or title column (title rows, a logo, a "Report generated" line may
    stand above it); a sheet without one is passed over, and a note names the
    sheets read when more than one is, or when one was passed over. A line
    number is the row's number in its sheet."""
    from .sheets import by_sheet, cell_text

    r = _Reader(source, columns, max_record)
    if stats is not None:
        r.stats = stats
    read: list[str] = []
    passed: list[tuple[str, list[str], dict[str, str]]] = []
    for name, cells in by_sheet(rows):
        header: list[str] | None = None
        first: tuple[list[str], dict[str, str]] | None = None
        looked = 0
        for cell in cells:
            texts = [cell_text(v).strip() for v in cell.values]
            if not any(texts):
                continue
            while texts and not texts[-1]:
                texts.pop()
            cols = resolve_columns([t for t in texts if t], columns)
            if first is None:
                first = (texts, cols)
            if _no_text_column(cols) is None and (looked == 0 or header_like(texts)):
                header = [t or f"column {k + 1}" for k, t in enumerate(texts)]
                break
            looked += 1
            if looked > HEADER_LINES:
                break
        if header is None:
            if first is not None:
                passed.append((name, first[0], first[1]))
            continue
        read.append(name)
        header, cols, table = _sheet_table(r, name, header, cols, cells, epoch)
        yield from table_records(r, header, cols, "utf-8", table, submit=submit, ahead=ahead, fmt=fmt)
    if not read:
        if not passed:
            yield Record("sheet", 0, error=InputError(source, "the workbook's sheets are empty"))
            return
        name, texts, cols = passed[0]
        found = ", ".join(repr(t) for t in texts if t)[:300]
        problem = _no_text_column(cols) or ""
        which = f"sheet {name!r}" if len(passed) == 1 else f"none of the {len(passed)} sheets ({name!r}"
        yield Record("sheet", 0, error=InputError(source, f"{which}{')' if len(passed) > 1 else ''}: {problem}; "
                                                          f"its first row holds {found}"))
        return
    if len(read) > 1 or passed:
        note = "read sheet" + ("s " if len(read) > 1 else " ") + ", ".join(repr(n) for n in read)
        if passed:
            note += "; passed over " + ", ".join(repr(p[0]) for p in passed) + " (no text or title column)"
        r.stats.notes.append(note)


def _sheet_table(r: _Reader, sheet: str, header: list[str], cols: dict[str, str], cells: Iterator[Any],
                 epoch: Any) -> tuple[list[str], dict[str, str], Iterator[tuple[int, Record | list[str]]]]:
    """A sheet's header, columns and rows below its header as a CSV's would
    be: each cell as text (:func:`framing.loaders.sheets.cell_text`), a day
    number in the date column as its day, a hyperlinked cell's address as the
    URL where the row gives none."""
    from .sheets import Link, cell_text, serial_date

    width = len(header)
    index = {name: k for k, name in reversed(list(enumerate(header)))}
    date_at = index.get(cols.get("date", "\0"))
    url_at = index.get(cols.get("url", "\0"))
    if url_at is None:
        header = header + ["url"]
        cols = dict(cols, url="url")

    def rows() -> Iterator[tuple[int, Record | list[str]]]:
        for cell in cells:
            values = cell.values
            texts = [cell_text(v) for v in values[:width]]
            if not any(t.strip() for t in texts):
                continue
            texts.extend([""] * (width - len(texts)))
            if date_at is not None and date_at < len(values):
                day = serial_date(values[date_at], epoch)
                if day:
                    texts[date_at] = day
            link = next((v.target for v in values[:width] if isinstance(v, Link)), "")
            if url_at is None:
                texts.append(link)
            elif link and not texts[url_at].strip().lower().startswith(("http://", "https://")):
                own = values[url_at] if url_at < len(values) else None
                texts[url_at] = own.target if isinstance(own, Link) else link
            if sum(len(t) for t in texts) > r.max_record:
                yield cell.row, r.error(cell.row, f"row of sheet {sheet!r} is over {r.max_record:,} bytes "
                                                  "(see --max-size)")
                continue
            yield cell.row, texts

    return header, cols, rows()


def read_table_records(source: str, names: list[str], batches: Iterator[list[dict[str, Any]]],
                       columns: Mapping[str, str] | None = None, *, fmt: str = "parquet",
                       max_record: int = DEFAULT_MAX_RECORD_BYTES, stats: ExportStats | None = None,
                       submit: Any = None, ahead: int = 4) -> Iterator[Record]:
    """Records of a columnar file (Parquet) given a batch of rows at a time,
    each row read as a JSON Lines export's object is (its line: its row, from 1)."""
    r = _Reader(source, columns, max_record)
    if stats is not None:
        r.stats = stats
    problem = _no_text_column(resolve_columns(names, columns))
    if problem:
        found = ", ".join(repr(n) for n in names)[:300]
        yield Record("columns", 0, error=InputError(source, f"{problem}; its columns: {found}"))
        return

    def numbered() -> Iterator[tuple[int, list[dict[str, Any]]]]:
        first = 1
        for batch in batches:
            yield first, batch
            first += len(batch)

    calls = ((object_articles, source, columns, max_record, fmt, first, batch) for first, batch in numbered())
    for reads in _in_order(submit, calls, ahead):
        for read in reads:
            yield read if isinstance(read, Record) else r.finish(*read)


def _plain(value: Any) -> Any:
    """A columnar file's value as JSON holds it: a date or time in ISO form."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)  # a decimal


def object_articles(source: str, columns: Mapping[str, str] | None, max_record: int, fmt: str, first: int,
                    objs: list[dict[str, Any]]) -> list[Record | tuple[int, Article]]:
    """A batch of a columnar file's rows (row ``first`` on) read on its own,
    as :func:`read_lines` reads a chunk of JSON Lines."""
    r = _Reader(source, columns, max_record)
    out: list[Record | tuple[int, Article]] = []
    for number, obj in enumerate(objs, start=first):
        obj = {str(k): _plain(v) for k, v in obj.items()}
        raw = json.dumps(obj, ensure_ascii=False).encode("utf-8", "surrogatepass")
        if len(raw) > max_record:
            out.append(r.error(number, f"row is over {max_record:,} bytes (see --max-size)"))
            continue
        read = r.article(number, obj, raw, fmt)
        if not isinstance(read, Record):
            read.words  # counted here, not in the process that stores it
            read = (number, read)
        out.append(read)
    return out
