"""Web archives: ``.warc`` / ``.warc.gz`` (what ``wget --warc-file``,
Heritrix, Browsertrix and Common Crawl's CC-NEWS write), ``.arc`` /
``.arc.gz`` (the Internet Archive's older format) and ``.wacz`` (Webrecorder's
ArchiveWeb.page and Browsertrix: a zip of ``archive/*.warc.gz`` and
``pages/pages.jsonl``, the pages the user archived).

An archive holds one record per HTTP exchange: the article pages, but also
style sheets, scripts, images, redirects, "not modified" revisits, robots.txt,
home pages and section fronts. The pages read are the ``response`` (and
``resource``) records whose HTTP status is 200 and whose content is HTML (by
its type, or by its first bytes where the type says nothing); each is read by
the HTML loader as a saved page is, with the record's ``WARC-Target-URI`` as
the address it was saved from. Records are read with Webrecorder's
``warcio``, streamed: the archive is never held in memory, one page at a time.

- The same address captured more than once is read once: its latest capture
  (the latest ``WARC-Date``; of two with the same date, the later in the file).
  Finding it takes a first pass over the records' headers.
- ``WARC-Date`` is the day the crawler fetched the page, not the day the
  article was published: it is never used as the article's date.
- A WACZ's ``pages/pages.jsonl`` (and Browsertrix's ``extraPages.jsonl``)
  list the pages the user archived, as opposed to the frames, scripts and
  advertisements a page loaded; when they name pages that the archive holds,
  those are read (and of them, the articles: see :func:`is_article`); where
  they hold no article, the archive's other pages are read instead.

A gzip file is decompressed here, not by warcio, which stops without a word
at a gzip member cut short: a truncated archive is an error naming the file,
after the pages read before the cut.
"""

from __future__ import annotations

import io
import json
import logging
import re
import zipfile
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any
from urllib.parse import urlsplit

from ..errors import InputError

#: HTML as a server names it.
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
#: Types that say nothing of what the bytes are: the first bytes decide.
_UNSAID_TYPES = frozenset({"", "application/octet-stream", "unknown/unknown", "application/unknown",
                           "binary/octet-stream"})
#: Content-Encodings the pages may be stored in: as the server sent them
#: (Brotli, ``br``, where a browser asked for it).
_READABLE_CODINGS = frozenset({"", "identity", "gzip", "x-gzip", "deflate", "br"})
#: The pages a WACZ lists, in its ``pages/`` folder.
_PAGE_LISTS = ("pages/pages.jsonl", "pages/extraPages.jsonl")


class _Truncated(OSError):
    """A gzip member (or a record) that ends before its end."""


@dataclass
class CapturedPage:
    """One archived page: its address, capture time, bytes and declared charset."""

    url: str
    captured: str
    data: bytes
    charset: str | None
    #: Why the crawler kept only the start of the page (``WARC-Truncated``:
    #: ``length``, ``time``...), or None: it kept it whole.
    truncated: str | None = None


@dataclass
class ArchiveStats:
    """What a pass over an archive's records found, said once per file."""

    records: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    duplicates: int = 0
    #: A WACZ's list named no article: the pages it does not name were read.
    unlisted_read: bool = False

    def summary(self, articles: int, not_articles: Counter[str], undated: int = 0) -> str:
        """``not_articles``: the pages not read as an article, by the reason
        (a key of :data:`NOT_ARTICLE`); ``undated``: the articles read without
        a date."""
        parts = [f"{self.records:,} record{'s' if self.records != 1 else ''}",
                 f"{articles:,} article{'s' if articles != 1 else ''} read"
                 + (f" ({undated:,} undated: no date read, an article by its page's structure)" if undated else "")]
        if passed := sum(not_articles.values()):
            why = "; ".join(f"{not_articles[k]:,} {what}" for k, what in NOT_ARTICLE.items() if not_articles[k])
            parts.append(f"{passed:,} page{'s' if passed != 1 else ''} not read as an article ({why})")
        if self.duplicates:
            parts.append(f"{self.duplicates:,} earlier capture{'s' if self.duplicates != 1 else ''} "
                         "of an address captured again (the latest read)")
        if self.unlisted_read:
            parts.append("its page list (pages.jsonl) names no article: every page read")
        for what, n in sorted(self.skipped.items()):
            parts.append(f"{n:,} {_SINGULAR.get(what, what) if n == 1 else what}")
        return "a web archive: " + "; ".join(parts)


class _Members(io.RawIOBase):
    """The decompressed bytes of a gzip file, member after member (a WARC's
    records are a member each; some tools write one member for all): every
    byte that decompresses is given out, and then :class:`_Truncated` (an
    ``OSError``, which warcio does not take for the end of the file as it does
    an ``EOFError``) where the file ends inside a member."""

    def __init__(self, fh: IO[bytes]):
        self._fh = fh
        self._unzip: Any = zlib.decompressobj(31)
        self._started = False  # the current member has begun
        self._pending = b""
        self._ended = False

    def readable(self) -> bool:
        return True

    def readinto(self, b: Any) -> int:
        while not self._pending:
            raw = self._fh.read(1 << 16)
            if not raw:
                if self._started and self._ended:
                    raise _Truncated("the archive ends in the middle of a compressed record (a truncated file)")
                # (the end once, so that a buffered reader gives out what it holds; then the error)
                self._ended = True
                return 0
            self._feed(raw)
        n = min(len(b), len(self._pending))
        b[:n] = self._pending[:n]
        self._pending = self._pending[n:]
        return n

    def _feed(self, raw: bytes) -> None:
        out = []
        while raw:
            self._started = True
            try:
                out.append(self._unzip.decompress(raw))
            except zlib.error as exc:
                raise _Truncated(f"a compressed record is damaged ({exc})") from None
            if not self._unzip.eof:
                break
            raw = self._unzip.unused_data
            self._unzip = zlib.decompressobj(31)
            self._started = False
        self._pending += b"".join(out)


#: How a WARC (``WARC/1.0``) or an ARC (``filedesc://``) file opens.
_ARCHIVE_STARTS = (b"WARC/", b"filedesc://")


def _open_stream(source: str, fh: IO[bytes], member: str = "") -> IO[bytes]:
    """The archive's records as bytes (decompressed when the file is gzip);
    an :class:`InputError` when they do not open as a WARC's or an ARC's."""
    head = fh.peek(2)[:2]  # type: ignore[attr-defined]
    stream: IO[bytes] = io.BufferedReader(_Members(fh), 1 << 16) if head == b"\x1f\x8b" else fh
    try:
        start = stream.peek(16)[:16]  # type: ignore[attr-defined]
    except _Truncated as exc:
        raise InputError(source, member + str(exc)) from None
    if not start.lstrip(b"\r\n").startswith(_ARCHIVE_STARTS):
        raise InputError(source, member + "not a web archive: a WARC file opens with WARC/, "
                                          "an ARC file with filedesc://")
    return stream


@dataclass
class _Archive:
    """The WARC streams of one archive file: one, or a WACZ's several."""

    source: str
    path: Path

    def streams(self) -> Iterator[tuple[str, IO[bytes]]]:
        """``(where, stream)`` for each WARC of the archive, opened in turn."""
        if not _is_wacz(self.path):
            with self.path.open("rb") as raw:
                yield self.source, _open_stream(self.source, io.BufferedReader(raw))  # type: ignore[arg-type]
            return
        try:
            zf = zipfile.ZipFile(self.path)
        except zipfile.BadZipFile:
            raise InputError(self.source, "not a readable WACZ file: not a zip file") from None
        with zf:
            for name in _warc_members(self.source, zf):
                with zf.open(name) as member:
                    stream = _open_stream(self.source, io.BufferedReader(member), f"{name}: ")  # type: ignore[arg-type]
                    yield f"{self.source}!{name}", stream


def _is_wacz(path: Path) -> bool:
    """A WACZ (a zip) by its name or its first bytes; any other file is read as
    a WARC or ARC (whose last record may well be a zip file someone downloaded)."""
    if path.suffix.lower() == ".wacz":
        return True
    with path.open("rb") as fh:
        return fh.read(4) == b"PK\x03\x04"


def _warc_members(source: str, zf: zipfile.ZipFile) -> list[str]:
    names = sorted(n for n in zf.namelist() if n.startswith("archive/")
                   and n.lower().endswith((".warc", ".warc.gz", ".arc", ".arc.gz")))
    if not names:
        raise InputError(source, "a WACZ without WARC files in its archive/ folder")
    return names


def _listed_pages(source: str, path: Path) -> set[str] | None:
    """The addresses a WACZ's page lists name, or None (no list, not a WACZ)."""
    if not _is_wacz(path):
        return None
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            urls: set[str] = set()
            for name in _PAGE_LISTS:
                if name not in names:
                    continue
                with zf.open(name) as fh:
                    for line in io.TextIOWrapper(fh, encoding="utf-8", errors="replace"):
                        try:
                            obj = json.loads(line)
                        except ValueError:
                            continue
                        url = obj.get("url") if isinstance(obj, dict) else None
                        if isinstance(url, str) and url:
                            urls.add(_address(url))
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error) as exc:
        raise InputError(source, f"not a readable WACZ (zip) file ({exc})") from None
    return urls or None


def _address(url: str) -> str:
    """An address as one page: without its ``#fragment``."""
    return url.split("#", 1)[0]


def _media_type(value: str | None) -> str:
    return (value or "").split(";", 1)[0].strip().lower()


def _charset(value: str | None) -> str | None:
    for part in (value or "").split(";")[1:]:
        key, _, val = part.partition("=")
        if key.strip().lower() == "charset" and val.strip().strip("\"'"):
            return val.strip().strip("\"'")
    return None


def looks_like_html(head: bytes) -> bool:
    """Do a payload's first bytes open an HTML page?"""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:512].lower()
    return start.startswith((b"<!doctype html", b"<html"))


class _Brotli:
    """A Brotli decompressor as warcio asks for one (``decompress``,
    ``unused_data``, ``flush``): warcio 1.8 expects the interface of the
    older ``brotlipy``, which today's ``brotli`` package does not have."""

    unused_data = None

    def __init__(self) -> None:
        import brotli

        unpacker = brotli.Decompressor()
        # (brotlipy, installed under the same module name, calls it decompress)
        self._unpack = getattr(unpacker, "process", None) or unpacker.decompress

    def decompress(self, data: bytes) -> bytes:
        return self._unpack(data)  # type: ignore[no-any-return]

    def flush(self) -> bytes:
        return b""


def _sniffed_html(record: Any) -> bool:
    """Does a record whose type says nothing open an HTML page? (Its bytes may
    not unpack: then it is no page to read.)"""
    try:
        return looks_like_html(record.content_stream().read(1024))
    except _Truncated:
        raise
    except Exception:  # zlib's, brotli's
        return False


def _records(where: str, stream: IO[bytes]) -> Iterator[Any]:
    """The records of one WARC stream; :class:`_Truncated` where one ends early."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.bufferedreaders import BufferedReader

    BufferedReader.DECOMPRESSORS["br"] = _Brotli

    # warcio logs what it mends (spaces in an address) as warnings: not the reader's concern
    logging.getLogger("warcio").setLevel(logging.ERROR)
    records = ArchiveIterator(stream, arc2warc=True)
    # warcio writes a warning to stderr for a record whose length is wrong; the
    # record count and the check below say what matters, once.
    records.INC_RECORD = ""  # type: ignore[attr-defined]
    for record in records:
        yield record
        _read_through(record)


def _read_through(record: Any) -> None:
    """Read a record to its end: :class:`_Truncated` where the file ends first."""
    while record.raw_stream.read(1 << 16):
        pass
    if record.raw_stream.limit > 0:
        raise _Truncated("the archive ends in the middle of a record (a truncated file)")


def _page_of(record: Any) -> tuple[str, str | None, str] | None:
    """``(address, charset, what it is)`` of a record that may be a page: a
    ``response`` or ``resource``, HTTP status 200; else None. ``what`` is
    ``html``, ``unsaid`` (the first bytes decide) or the type it is."""
    if record.rec_type not in ("response", "resource"):
        return None
    # (warcio takes off the angle brackets WARC 1.0's grammar had, which wget still writes)
    url = record.rec_headers.get_header("WARC-Target-URI") or ""
    http = record.http_headers
    if http is not None and record.rec_type == "response":
        if http.get_statuscode() != "200":
            return None
        declared = http.get_header("Content-Type")
    else:
        declared = record.rec_headers.get_header("Content-Type")
    media = _media_type(declared)
    what = "html" if media in _HTML_TYPES else "unsaid" if media in _UNSAID_TYPES else media
    return url, _charset(declared), what


#: The reasons a record is passed over, said of one record.
_SINGULAR = {
    "revisit records (no page of their own)": "revisit record (no page of its own)",
    "request, metadata and other records": "request, metadata or other record",
    "responses with another HTTP status than 200 (redirects, not found)":
        "response with another HTTP status than 200 (a redirect, not found)",
    "responses that are no web page (style sheets, scripts, images, text)":
        "response that is no web page (a style sheet, a script, an image, text)",
    "pages its page list (pages.jsonl) does not name": "page its page list (pages.jsonl) does not name",
}


def _skip_reason(record: Any) -> str:
    if record.rec_type == "revisit":
        return "revisit records (no page of their own)"
    if record.rec_type not in ("response", "resource"):
        return "request, metadata and other records"
    return "responses with another HTTP status than 200 (redirects, not found)"


def _capture_time(record: Any) -> str:
    return record.rec_headers.get_header("WARC-Date") or ""


class WebArchive:
    """One archive file read as its pages, in two passes over its records:
    :meth:`scan` finds each address's latest capture (from the records'
    headers), :meth:`pages` reads those. Where a WACZ lists its pages,
    :meth:`pages` gives the listed ones and :meth:`other_pages` the rest
    (read where the listed ones hold no article)."""

    def __init__(self, source: str, path: Path, max_bytes: int):
        self.source = source
        self.path = path
        self.max_bytes = max_bytes
        self.stats = ArchiveStats()
        self._scanned = False
        self._listed: set[tuple[str, int]] = set()
        self._others: set[tuple[str, int]] = set()
        self._problem_text: str | None = None

    def pages(self) -> Iterator[CapturedPage | InputError]:
        """Each page to read (a WACZ's listed pages, where it lists any the
        archive holds), in the order of the archive, and an
        :class:`InputError` for a page over ``max_bytes`` or for a damaged
        archive (after the pages read before the damage)."""
        try:
            self.scan()
        except InputError as exc:
            yield exc
            return
        if self._listed:
            self.stats.skipped["pages its page list (pages.jsonl) does not name"] = len(self._others)
        yield from self._read(self._listed or self._others, say_problem=True)

    def other_pages(self) -> Iterator[CapturedPage | InputError]:
        """The pages a WACZ's list does not name (none for an archive with
        no list), to read where the listed pages hold no article: a list of
        the crawl's first page alone, or of pages another copy held."""
        if not self._listed or not self._others:
            return
        self.stats.skipped.pop("pages its page list (pages.jsonl) does not name", None)
        self.stats.unlisted_read = True
        yield from self._read(self._others, say_problem=False)

    def _read(self, chosen: set[tuple[str, int]], say_problem: bool) -> Iterator[CapturedPage | InputError]:
        problem = self._problem_text
        seen = 0
        try:
            for where, stream in _Archive(self.source, self.path).streams():
                for record in _records(where, stream):
                    page = _page_of(record)
                    if page is None:
                        continue
                    key = (where, seen)
                    seen += 1
                    if key not in chosen:
                        continue
                    url, charset, _ = page
                    coding = (record.http_headers.get_header("Content-Encoding") or "").strip().lower() \
                        if record.http_headers is not None else ""
                    if coding not in _READABLE_CODINGS:
                        yield InputError(self.source, f"{url}: the page is stored compressed as {coding!r}, "
                                                      "which this reader cannot unpack")
                        continue
                    try:
                        data = record.content_stream().read(self.max_bytes + 1)
                    except _Truncated:
                        raise
                    except Exception as exc:  # zlib's, brotli's: the page's own bytes are damaged
                        yield InputError(self.source, f"{url}: the page's {coding or 'chunked'} bytes do not "
                                                      f"unpack ({type(exc).__name__})")
                        _read_through(record)
                        continue
                    if len(data) > self.max_bytes:
                        yield InputError(self.source, f"{url}: page is over the {self.max_bytes:,}-byte limit "
                                                      "(see --max-size)")
                        continue
                    _read_through(record)
                    yield CapturedPage(url, _capture_time(record), data, charset,
                                       record.rec_headers.get_header("WARC-Truncated") or None)
        except (_Truncated, OSError, EOFError, zlib.error, zipfile.BadZipFile) as exc:
            if problem is None:
                problem = self._problem(exc)
        except InputError as exc:
            if problem is None:
                problem = exc.problem
        except Exception as exc:  # warcio's ArchiveLoadFailed and its parse errors
            if problem is None:
                problem = self._problem(exc)
        if problem is not None and say_problem:
            yield InputError(self.source, problem)

    def scan(self) -> None:
        """The first pass: which records to read (by stream and position
        among the page records), listed or not, and the problem that ended
        the pass, if one did; an :class:`InputError` where no record could
        be read at all."""
        if self._scanned:
            return
        self._scanned = True
        listed = _listed_pages(self.source, self.path)
        latest: dict[str, tuple[str, int, tuple[str, int]]] = {}
        stats = self.stats
        seen = 0
        problem = None
        try:
            for where, stream in _Archive(self.source, self.path).streams():
                for record in _records(where, stream):
                    stats.records += 1
                    page = _page_of(record)
                    if page is None:
                        stats.skipped[_skip_reason(record)] += 1
                        continue
                    key = (where, seen)
                    seen += 1
                    url, _, what = page
                    if what == "unsaid":
                        what = "html" if _sniffed_html(record) else "unknown"
                    if what != "html" or not url:
                        stats.skipped["responses that are no web page (style sheets, scripts, images, text)"] += 1
                        continue
                    address = _address(url)
                    entry = (_capture_time(record), seen, key)
                    if address in latest:
                        stats.duplicates += 1
                        if entry[:2] < latest[address][:2]:
                            continue
                    latest[address] = entry
        except (_Truncated, OSError, EOFError, zlib.error, zipfile.BadZipFile) as exc:
            if isinstance(exc, _Truncated) and stats.records:
                stats.records -= 1  # the record cut short, counted when it began
            problem = self._problem(exc)
        except InputError as exc:
            if stats.records == 0:
                raise
            problem = exc.problem
        except Exception as exc:  # warcio's ArchiveLoadFailed and its parse errors
            problem = self._problem(exc)
        if stats.records == 0 and problem is not None:
            raise InputError(self.source, problem)
        self._problem_text = problem
        for address, entry in latest.items():
            (self._listed if listed and address in listed else self._others).add(entry[2])

    def _problem(self, exc: BaseException) -> str:
        if isinstance(exc, _Truncated):
            what = str(exc)
        elif isinstance(exc, zipfile.BadZipFile):
            what = f"not a readable WACZ (zip) file ({exc})"
        elif type(exc).__name__ == "ArchiveLoadFailed":
            first = " ".join(str(exc).split())[:120]
            what = f"not a web archive (WARC) file, or a damaged one ({first})"
        else:
            what = f"cannot read the archive ({type(exc).__name__}: {exc})"
        done = self.stats.records
        if done > 0:
            what += f"; the {done:,} record{'s' if done != 1 else ''} before it {'were' if done != 1 else 'was'} read"
        return what


#: A site's front door: its root, or an index page at its root.
_HOME_PATH = re.compile(r"(?:(?:index|default|home)(?:\.\w+)?)?", re.I)
#: Query keys that leave a home page the home page: a campaign's tags, a
#: language.
_NO_PAGE_KEYS = re.compile(r"utm_\w*|fbclid|gclid|mc_cid|mc_eid|ref|source|lang|hl|amp", re.I)


def is_home(url: str) -> bool:
    """Is the address a site's home page? Its root (or ``index.html``), with
    no query that names a page of its own: WordPress's ``/?p=3289`` and
    TYPO3's ``/index.php?id=30&tx_ttnews[tt_news]=477`` are articles; a
    campaign's ``/?utm_source=feed`` is the home page."""
    parts = urlsplit(url)
    if not _HOME_PATH.fullmatch(parts.path.strip("/")):
        return False
    keys = [q.partition("=")[0] for q in parts.query.split("&") if q]
    return all(_NO_PAGE_KEYS.fullmatch(k) for k in keys)


#: The path segments of a list of other pages, as blog and news software
#: names them: a tag's, a category's, a topic's, an author's page, a search,
#: an archive, a list's second page (``/tag/x``, ``/category/x/page/2``,
#: ``/author/x``, ``/page/3``).
_LIST_SEGMENTS = frozenset({"tag", "tags", "category", "categories", "topic", "topics", "author", "authors",
                            "page", "search", "archive", "archives"})
#: A search's query in an address (``?s=``, WordPress's; ``?q=``).
_SEARCH_KEYS = frozenset({"s", "q", "query", "search"})
#: schema.org types of one article (``NewsArticle``, ``ReportageNewsArticle``,
#: ``OpinionNewsArticle``, ``BlogPosting``, ``LiveBlogPosting``, ``Report``...).
_ARTICLE_TYPE = re.compile(r"(?:Article|BlogPosting|Report)$")
#: A date in an address: ``/2024/05/17/``, ``/2024/05/``, ``2024-05-17``.
_DATE_PATH = re.compile(r"/(?:19|20)\d\d/[01]?\d/|(?:19|20)\d\d-[01]\d-[0-3]\d")
#: An undated article's body: this many words, one paragraph of
#: :data:`LONG_PARAGRAPH` words at least (a list's text is teasers and
#: names), on a page whose text is less than :data:`MAX_LINK_SHARE` link
#: text. (Calibrated on half of the hand-labelled undated pages of
#: trafilatura's evaluation set: docs/accuracy.md, round 39.)
MIN_UNDATED_WORDS = 150
LONG_PARAGRAPH = 20
MAX_LINK_SHARE = 0.5
#: The words of an address's last segment that make it an article's slug
#: (``/2019/storm-closes-the-harbour-road``), not a section's (``/politics``).
SLUG_WORDS = 4


def _path_segments(url: str) -> list[str]:
    return [s for s in urlsplit(url).path.split("/") if s]


def is_listing(url: str) -> bool:
    """Does the address name a list of other pages (a tag's, a category's, an
    author's page, a search, a list's next page) rather than one page? Its
    last segment says so (``/search``, ``/tag``), or the one before it does
    and the last is a name, not an article's slug of :data:`SLUG_WORDS`
    words (``/tag/flood-defences``, ``/author/jane-roe``, ``/page/2``), or
    a search query does (``?s=``). ``/archive/2014/12/a-headline`` and
    ``/archive/63076`` are one article each."""
    parts = urlsplit(url)
    segments = [s.lower() for s in _path_segments(url)]
    if segments and segments[-1] in _LIST_SEGMENTS:
        return True
    if len(segments) >= 2 and segments[-2] in _LIST_SEGMENTS and slug_words(url) < SLUG_WORDS:
        last = segments[-1]
        if not last.isdigit() or segments[-2] == "page":
            return True
    return any(key.lower() in _SEARCH_KEYS for key, _, _ in (q.partition("=") for q in parts.query.split("&")))


def slug_words(url: str) -> int:
    """The words of an address's last segment (its file extension and its
    numbers left out): ``storm-closes-the-harbour-road-4711.html`` has 5."""
    segments = _path_segments(url)
    if not segments:
        return 0
    last = re.sub(r"\.[A-Za-z0-9]{1,5}$", "", segments[-1])
    return sum(1 for w in re.split(r"[-_+]", last) if w and w.isalpha())


@dataclass
class PageShape:
    """What an undated page's markup says of it: the schema.org types its
    JSON-LD and microdata declare, and the share of its text that is link text."""

    types: frozenset[str]
    link_share: float


def page_shape(text: str) -> PageShape:
    """The :class:`PageShape` of a page's HTML."""
    from .html import _Page

    page = _Page(text)
    types: set[str] = set()
    for obj in page.ld_objects():
        found = obj.get("@type")
        for t in found if isinstance(found, list) else [found]:
            if isinstance(t, str):
                types.add(t.rstrip("/").rsplit("/", 1)[-1])
    doc = page._doc
    if doc is None:
        return PageShape(frozenset(types), 0.0)
    for el in doc.xpath("//*[@itemtype]"):
        types.update(t.rstrip("/").rsplit("/", 1)[-1] for t in (el.get("itemtype") or "").split())
    shown = "[not(ancestor::script) and not(ancestor::style) and not(ancestor::noscript) and not(ancestor::template)]"
    words = sum(len(t.split()) for t in doc.xpath(f"//body//text(){shown}"))
    linked = sum(len(t.split()) for t in doc.xpath(f"//body//a//text(){shown}"))
    return PageShape(frozenset(types), linked / words if words else 0.0)


def undated_article(art: Any, url: str, text: str) -> bool:
    """Is a page whose publication date the HTML loader cannot read an
    article all the same? Where its body is an article's (at least
    :data:`MIN_UNDATED_WORDS` words, a paragraph of :data:`LONG_PARAGRAPH`
    words or more, on a page less than :data:`MAX_LINK_SHARE` link text: a
    section front is teasers and links),
    its address is no list's (:func:`is_listing`), and one of: its JSON-LD or
    microdata declares a schema.org article type (``NewsArticle``,
    ``BlogPosting``...), its address holds a date or a slug of
    :data:`SLUG_WORDS` words or more. ``og:type`` ``article`` is no sign: blog
    software gives it to every page, about pages too (measured in
    docs/accuracy.md, round 39)."""
    if is_listing(url) or art.words < MIN_UNDATED_WORDS:
        return False
    if not any(len(p.split()) >= LONG_PARAGRAPH for p in art.body.split("\n\n")):
        return False
    shape = page_shape(text)
    if shape.link_share >= MAX_LINK_SHARE:
        return False
    return (any(_ARTICLE_TYPE.search(t) for t in shape.types) or bool(_DATE_PATH.search(urlsplit(url).path))
            or slug_words(url) >= SLUG_WORDS)


#: Why a page of a crawl is no article, as the archive's note says it.
NOT_ARTICLE = {
    "home": "a site's home page",
    "list": "a list of other pages (a tag's, a category's, an author's page, a search)",
    "undated": "no date read and no article's structure (a section front, an about page...)",
    "empty": "no text",
}


def why_not_article(art: Any, url: str, text: str = "") -> str | None:
    """None where a page of a crawl is an article, else why not (a key of
    :data:`NOT_ARTICLE`). An article: not a site's home page, and the HTML
    loader finds the day it was published (measured: on all 326 news pages
    of the real-page and fundus sets, and on 13 of the 115 other pages of
    the real crawls read, about pages and catalogue entries; a section
    front or a list of teasers states none), or, undated, its page's
    structure is an article's (:func:`undated_article`; ``text``: the page's
    HTML). An undated article keeps no date: ``WARC-Date`` plays no part, it
    is the capture's day."""
    if not art.body.strip():
        return "empty"
    if is_home(url):
        return "home"
    if is_listing(url):
        return "list"
    if art.date:
        return None
    return None if text and undated_article(art, url, text) else "undated"
