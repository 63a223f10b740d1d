"""Web archives (WARC, WACZ) read as their article pages. Archives are built
here with warcio's writer, as a crawler stores what it fetched: the real
saved pages of ../shared/data/real-pages, each a ``response`` record with the
address it came from, among records that are no article (a style sheet, an
image, a redirect, a revisit, a home page), and invented pages in our own words.

The yardstick: a page read through an archive gives the fields the HTML
loader gives the same page file."""

from __future__ import annotations

import gzip
import io
import json
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from framing.cli import cli
from framing.corpus import InputFile, LoadedRecord, iter_file, load_file
from framing.errors import InputError

from conftest import DATA, _need, run_framing

warcio = pytest.importorskip("warcio")
from warcio.statusandheaders import StatusAndHeaders  # noqa: E402
from warcio.warcwriter import WARCWriter  # noqa: E402

FIELDS = ("title", "body", "outlet", "date", "byline", "url", "language")


def page(headline: str, day: str, *paragraphs: str, byline: str = "Mara Quell") -> bytes:
    """An invented article page, dated by its metadata."""
    body = "".join(f"<p>{p}</p>\n" for p in paragraphs)
    return (f"<!doctype html><html><head><title>{headline} - The Lantern Gazette</title>"
            f'<meta property="og:site_name" content="The Lantern Gazette">'
            f'<meta property="article:published_time" content="{day}T08:00:00Z">'
            f'<meta name="author" content="{byline}"></head>'
            f"<body><article><h1>{headline}</h1>\n{body}</article></body></html>").encode("utf-8")


PARAGRAPHS = (
    "The harbour board of Velmont voted on Tuesday to close the old ferry pier for two years of repairs, "
    "after inspectors found the timber piles had rotted further than anyone had guessed last spring.",
    "Commuters who cross the strait each morning will board at the freight quay instead, where a temporary "
    "waiting hall with heated benches and a small coffee stand is being put up this week.",
    "Board members said the repairs would cost about four million crowns, most of it paid from the port's "
    "reserve fund, and that fares would not rise while the work goes on.",
    "Several fishermen who moor beside the pier told the meeting they feared losing their berths, and the "
    "board promised to find them places along the north wall before the builders arrive.",
)
FRONT = (b"<!doctype html><html><head><title>The Lantern Gazette</title></head><body>"
         b"<h2><a href='/a'>Ferry pier to close</a></h2><h2><a href='/b'>Market hall reopens</a></h2>"
         b"<p>Read the latest news from the harbour towns of the north coast, every morning.</p></body></html>")


class Archive:
    """A WARC being written, record by record."""

    def __init__(self, gz: bool = True):
        self.buf = io.BytesIO()
        self.writer = WARCWriter(self.buf, gzip=gz)

    def response(self, url: str, body: bytes, status: str = "200 OK", ctype: str | None = "text/html",
                 date: str | None = None, extra: list[tuple[str, str]] | None = None) -> "Archive":
        headers = ([("Content-Type", ctype)] if ctype else []) + (extra or [])
        http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
        warc_headers = {"WARC-Date": date} if date else None
        rec = self.writer.create_warc_record(url, "response", payload=io.BytesIO(body), length=len(body),
                                             http_headers=http,
                                             warc_headers_dict=warc_headers)
        self.writer.write_record(rec)
        return self

    def revisit(self, url: str) -> "Archive":
        self.writer.write_record(self.writer.create_revisit_record(
            url, digest="sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ", refers_to_uri=url,
            refers_to_date="2031-03-01T09:00:00Z"))
        return self

    def save(self, path: Path) -> Path:
        path.write_bytes(self.buf.getvalue())
        return path


def read(path: Path, **options: object) -> tuple[dict[str, object], list[InputError], list[str]]:
    """The articles of an archive by address, its errors and its notes."""
    notes: list[str] = []
    arts: dict[str, object] = {}
    errors: list[InputError] = []
    for item in iter_file(InputFile(path, path.name), notes=notes, **options):  # type: ignore[arg-type]
        if isinstance(item, LoadedRecord):
            arts[item.article.source_id or ""] = item.article
        else:
            errors.append(item)
    return arts, errors, notes


def mixed(gz: bool = True) -> Archive:
    """Two articles among records that are none."""
    return (Archive(gz)
            .response("https://lantern.example/style.css", b"body { margin: 0 }", ctype="text/css")
            .response("https://lantern.example/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(40), ctype="image/png")
            .response("https://lantern.example/", FRONT)
            .response("https://lantern.example/old-pier", b"<html><body>moved</body></html>",
                      status="301 Moved Permanently", extra=[("Location", "https://lantern.example/2031/pier")])
            .response("https://lantern.example/2031/pier", page("Ferry pier to close for repairs", "2031-02-11",
                                                                  *PARAGRAPHS))
            .response("https://lantern.example/2031/missing", page("Gone", "2031-02-11", *PARAGRAPHS),
                      status="404 Not Found")
            .revisit("https://lantern.example/2031/pier")
            .response("https://lantern.example/2031/market", page("Market hall reopens", "2031-02-12",
                                                                   *reversed(PARAGRAPHS)), ctype=None))


@pytest.mark.parametrize("gz", [True, False], ids=["warc.gz", "warc"])
def test_only_the_article_pages_are_read(tmp_path: Path, gz: bool) -> None:
    path = mixed(gz).save(tmp_path / ("crawl.warc.gz" if gz else "crawl.warc"))
    arts, errors, notes = read(path)
    assert not errors
    # the style sheet, the image, the home page, the redirect, the 404 and the
    # revisit are passed over; the page served without a type is sniffed as HTML
    assert sorted(arts) == ["https://lantern.example/2031/market", "https://lantern.example/2031/pier"]
    pier = arts["https://lantern.example/2031/pier"]
    assert pier.title == "Ferry pier to close for repairs"
    assert pier.outlet == "The Lantern Gazette"
    assert pier.byline == "Mara Quell"
    assert pier.url == "https://lantern.example/2031/pier"
    assert pier.source == path.name
    assert pier.body.startswith("The harbour board of Velmont")
    assert "1 page not read as an article" in notes[0]
    assert "1 revisit record (no page of its own)" in notes[0]


def test_the_capture_day_is_never_the_article_date(tmp_path: Path) -> None:
    undated = page("Ferry pier to close", "X", *PARAGRAPHS).replace(
        b'<meta property="article:published_time" content="XT08:00:00Z">', b"")
    path = (Archive().response("https://lantern.example/2031/pier", page("Ferry pier", "2031-02-11", *PARAGRAPHS),
                               date="2033-07-04T10:00:00Z")
            .response("https://lantern.example/2031/undated", undated, date="2033-07-04T10:00:00Z")
            .save(tmp_path / "crawl.warc.gz"))
    arts, errors, notes = read(path)
    assert arts["https://lantern.example/2031/pier"].date == "2031-02-11"  # type: ignore[attr-defined]
    # a page whose publication day nothing states is no article of a crawl:
    # the capture's day does not stand in for it
    assert "https://lantern.example/2031/undated" not in arts
    assert not errors


def test_an_address_captured_twice_is_read_once_from_its_latest_capture(tmp_path: Path) -> None:
    url = "https://lantern.example/2031/pier"
    path = (Archive()
            .response(url, page("Ferry pier to close", "2031-02-11", *PARAGRAPHS), date="2031-02-12T10:00:00Z")
            .response(url, page("Ferry pier to close (updated)", "2031-02-11", *PARAGRAPHS),
                      date="2031-02-14T10:00:00Z")
            # earlier in time, later in the file: not the latest
            .response(url, page("Ferry pier may close", "2031-02-11", *PARAGRAPHS), date="2031-02-11T10:00:00Z")
            .save(tmp_path / "crawl.warc.gz"))
    arts, errors, notes = read(path)
    assert list(arts) == [url]
    assert arts[url].title == "Ferry pier to close (updated)"  # type: ignore[attr-defined]
    assert "2 earlier captures" in notes[0]


def test_a_truncated_archive_keeps_the_pages_before_the_cut(tmp_path: Path) -> None:
    whole = mixed().save(tmp_path / "whole.warc.gz").read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(whole[: len(whole) - 200])  # inside the last record
    arts, errors, _ = read(cut)
    assert list(arts) == ["https://lantern.example/2031/pier"]
    assert len(errors) == 1
    assert str(errors[0]).startswith("cut.warc.gz: the archive ends in the middle of")
    assert "\n" not in str(errors[0])
    plain = mixed(gz=False).save(tmp_path / "whole.warc").read_bytes()
    (tmp_path / "cut.warc").write_bytes(plain[: len(plain) - 200])
    arts, errors, _ = read(tmp_path / "cut.warc")
    assert list(arts) == ["https://lantern.example/2031/pier"]
    assert [e.problem.split(" (")[0] for e in errors] == ["the archive ends in the middle of a record"]


def test_a_file_that_is_no_archive_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.warc"
    path.write_text("These are my notes on the harbour story, not an archive.\n" * 3, encoding="utf-8")
    arts, errors, _ = read(path)
    assert not arts
    assert len(errors) == 1 and str(errors[0]).startswith("notes.warc: not a web archive: a WARC file opens with WARC/")


def test_a_page_over_the_size_limit_is_an_error_and_the_rest_is_read(tmp_path: Path) -> None:
    path = mixed().save(tmp_path / "crawl.warc.gz")
    size = len(page("Market hall reopens", "2031-02-12", *PARAGRAPHS))
    arts, errors, _ = read(path, max_bytes=size - 10)
    assert not arts
    assert {str(e).split(": page is over")[0] for e in errors} == {
        "crawl.warc.gz: https://lantern.example/2031/pier", "crawl.warc.gz: https://lantern.example/2031/market"}


def _wacz(path: Path, warc: bytes, listed: list[str] | None) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("archive/data.warc.gz", warc)
        if listed is not None:
            lines = [json.dumps({"format": "json-pages-1.0", "id": "pages", "title": "All Pages"})]
            lines += [json.dumps({"url": u, "ts": "2031-02-13T10:00:00Z", "title": "a page"}) for u in listed]
            zf.writestr("pages/pages.jsonl", "\n".join(lines) + "\n")
        zf.writestr("datapackage.json", json.dumps({"profile": "data-package", "resources": []}))
    return path


def test_a_wacz_reads_the_pages_its_list_names(tmp_path: Path) -> None:
    warc = mixed().buf.getvalue()
    listed = _wacz(tmp_path / "listed.wacz", warc, ["https://lantern.example/2031/market"])
    arts, errors, notes = read(listed)
    assert list(arts) == ["https://lantern.example/2031/market"] and not errors
    assert "2 pages its page list (pages.jsonl) does not name" in notes[0]
    # a list naming no article (the crawl's first page alone, as py-wacz's
    # --detect-pages lists a wget crawl): the other pages are read as a crawl's
    front = _wacz(tmp_path / "front.wacz", warc, ["https://lantern.example/"])
    arts, errors, notes = read(front)
    assert sorted(arts) == ["https://lantern.example/2031/market", "https://lantern.example/2031/pier"]
    assert not errors and "names no article: every page read" in notes[0]
    assert "does not name" not in notes[0]
    # no list: every article page
    bare = _wacz(tmp_path / "bare.wacz", warc, None)
    assert sorted(read(bare)[0]) == ["https://lantern.example/2031/market", "https://lantern.example/2031/pier"]


def test_a_wacz_without_archive_folder_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.wacz"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("datapackage.json", "{}")
    arts, errors, _ = read(path)
    assert not arts and [str(e) for e in errors] == ["empty.wacz: a WACZ without WARC files in its archive/ folder"]


def test_ingest_through_the_cli_reads_a_folder_with_an_archive(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    mixed().save(folder / "crawl.warc.gz")
    (folder / "broken.wacz").write_bytes(b"PK\x03\x04 not really a zip")
    db = tmp_path / "store.db"
    res = CliRunner().invoke(cli, ["ingest", str(folder), "--db", str(db)], catch_exceptions=False)
    assert "loaded: " in res.output and "crawl.warc.gz (2 added)" in res.output, res.output
    assert "error: " in res.output and "broken.wacz: " in res.output
    assert "0 updated, 0 unchanged, 1 error" in res.output.splitlines()[-1] or "1 error" in res.output
    again = CliRunner().invoke(cli, ["ingest", str(folder), "--db", str(db)], catch_exceptions=False)
    assert "2 unchanged" in again.output


def test_ingest_in_a_real_subprocess(tmp_path: Path) -> None:
    path = mixed().save(tmp_path / "crawl.warc.gz")
    proc = run_framing("ingest", str(path), "--db", str(tmp_path / "store.db"))
    assert proc.returncode == 0, proc.stderr
    assert "2 added" in proc.stdout and "Traceback" not in proc.stderr


def _real_pages() -> list[tuple[Path, str]]:
    truth = json.loads(_need(DATA / "real-pages" / "truth.json").read_text(encoding="utf-8"))
    out = []
    for t in truth:
        url = (t.get("source") or {}).get("url")
        if t["set"] == "html" and url:
            out.append((DATA / "real-pages" / "html" / t["file"], url))
    return out


def _same_as_page_files(tmp_path: Path, pages: list[tuple[Path, str]]) -> dict[str, object]:
    arc = Archive().response("https://lantern.example/style.css", b"p{}", ctype="text/css")
    arc.response("https://lantern.example/", FRONT)
    for path, url in pages:
        arc.response(url, path.read_bytes())
        arc.revisit(url)
    arts, errors, _ = read(arc.save(tmp_path / "real.warc.gz"))
    assert not errors
    differ: dict[str, object] = {}
    for path, url in pages:
        [want], _ = load_file(InputFile(path, path.name))
        got = arts.get(url)
        fields = [f for f in FIELDS if got is None or getattr(got, f) != getattr(want.article, f)]
        if fields:
            differ[path.name] = fields
    return differ


def test_real_pages_read_through_an_archive_as_the_page_files(tmp_path: Path) -> None:
    pages = _real_pages()[:6]
    assert len(pages) == 6
    assert not _same_as_page_files(tmp_path, pages)


@pytest.mark.slow
def test_all_real_pages_read_through_an_archive_as_the_page_files(tmp_path: Path) -> None:
    # 68 of the 69 pages name the address they came from; each reads the same
    # through the archive (the one that names none: its address is the page
    # file's lack of one, so it is left out here).
    pages = _real_pages()
    assert len(pages) == 68
    assert not _same_as_page_files(tmp_path, pages)


def test_the_charset_of_the_http_header_is_read(tmp_path: Path) -> None:
    latin = page("Caf\u00e9 on the quay reopens", "2031-02-12", *PARAGRAPHS).decode("utf-8").encode("cp1252")
    path = (Archive().response("https://lantern.example/2031/cafe", latin, ctype="text/html; charset=windows-1252")
            .save(tmp_path / "crawl.warc.gz"))
    arts, errors, _ = read(path)
    cafe = arts["https://lantern.example/2031/cafe"]
    assert cafe.title == "Caf\u00e9 on the quay reopens"  # type: ignore[attr-defined]


def test_gzip_of_the_whole_file_is_read_too(tmp_path: Path) -> None:
    # one gzip stream around every record (not a member each): warcio refuses
    # it; it is read as the records it holds
    path = tmp_path / "one-stream.warc.gz"
    path.write_bytes(gzip.compress(mixed(gz=False).buf.getvalue()))
    arts, errors, _ = read(path)
    assert sorted(arts) == ["https://lantern.example/2031/market", "https://lantern.example/2031/pier"]
    assert not errors


def _arc(records: list[tuple[str, bytes]]) -> bytes:
    """An ARC file (version 1), as the Internet Archive's crawlers wrote them."""
    version = b"1 0 Lantern\nURL IP-address Archive-date Content-type Archive-length\n"
    out = [b"filedesc://crawl.arc 0.0.0.0 20310212100000 text/plain %d\n" % len(version) + version + b"\n"]
    for url, body in records:
        block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body
        out.append(b"%s 10.0.0.1 20310212100000 text/html %d\n" % (url.encode(), len(block)) + block + b"\n")
    return b"".join(out)


@pytest.mark.parametrize("name", ["crawl.arc", "crawl.arc.gz"])
def test_an_arc_file_is_read_as_a_warc_is(tmp_path: Path, name: str) -> None:
    data = _arc([("http://lantern.example/", FRONT),
                 ("http://lantern.example/2031/pier", page("Ferry pier to close", "2031-02-11", *PARAGRAPHS))])
    path = tmp_path / name
    path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    arts, errors, _ = read(path)
    assert list(arts) == ["http://lantern.example/2031/pier"] and not errors


def test_an_archive_read_by_workers_stores_what_one_process_stores(tmp_path: Path, monkeypatch) -> None:
    import framing.corpus as corpus
    from framing.store import Store

    submitted: list[str] = []
    real_submit = corpus._LazyPool.submit

    def counting(self, fn, *args):  # type: ignore[no-untyped-def]
        submitted.append(fn.__name__)
        return real_submit(self, fn, *args)

    monkeypatch.setattr(corpus._LazyPool, "submit", counting)
    monkeypatch.setattr(corpus, "PARALLEL_EXPORT_BYTES", 1)
    monkeypatch.setattr(corpus, "ARCHIVE_CHUNK_PAGES", 2)
    arc = mixed()
    for n in range(5):
        arc.response(f"https://lantern.example/2031/story-{n}",
                     page(f"Harbour story number {n}", f"2031-02-{10 + n}", *PARAGRAPHS[n % 2:]))
    whole = arc.save(tmp_path / "whole.warc.gz").read_bytes()
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(whole[: len(whole) - 100])  # the last story cut short: an error after the rest
    results = {}
    for jobs in (1, 2):
        with Store(tmp_path / f"jobs{jobs}.db") as store:
            reports = corpus.ingest(store, [path], jobs=jobs)
            rows = [(a.source_id, a.title, a.date, a.body) for a in store.articles()]
        results[jobs] = ([(dict(r.counts), [str(e) for e in r.errors], r.notes) for r in reports], rows)
    assert set(submitted) == {"read_archive_pages"}
    assert results[1] == results[2]
    [(counts, errors, _)] = results[1][0]
    assert counts == {"added": 6, "error": 1} and len(errors) == 1


def test_an_address_in_angle_brackets_as_wget_writes_it(tmp_path: Path) -> None:
    # GNU Wget (1.21) writes WARC-Target-URI as WARC 1.0's grammar had it, <http://...>;
    # warcio takes the brackets off
    path = (Archive().response("<https://lantern.example/2031/pier>", page("Ferry pier", "2031-02-11", *PARAGRAPHS))
            .response("<https://lantern.example/>", FRONT)
            .save(tmp_path / "wget.warc.gz"))
    arts, errors, _ = read(path)
    assert list(arts) == ["https://lantern.example/2031/pier"] and not errors
    assert arts["https://lantern.example/2031/pier"].url == "https://lantern.example/2031/pier"  # type: ignore[attr-defined]


def test_a_page_stored_brotli_compressed_reads_as_the_page(tmp_path: Path) -> None:
    # a browser asks for Brotli and a capture keeps the bytes as the server sent them
    brotli = pytest.importorskip("brotli")
    plain = page("Ferry pier to close for repairs", "2031-02-11", *PARAGRAPHS)
    path = (Archive().response("https://lantern.example/2031/pier", brotli.compress(plain),
                               extra=[("Content-Encoding", "br")])
            .save(tmp_path / "browser.warc.gz"))
    arts, errors, _ = read(path)
    assert not errors
    [art] = arts.values()
    assert art.raw == plain and art.title == "Ferry pier to close for repairs"  # type: ignore[attr-defined]


def test_a_page_whose_compressed_bytes_are_damaged_is_one_error(tmp_path: Path) -> None:
    pytest.importorskip("brotli")
    path = (Archive().response("https://lantern.example/2031/torn", b"\x1b\xff\xff not brotli at all" * 20,
                               extra=[("Content-Encoding", "br")])
            .response("https://lantern.example/2031/pier", page("Ferry pier", "2031-02-11", *PARAGRAPHS))
            .save(tmp_path / "torn.warc.gz"))
    arts, errors, _ = read(path)
    # (warcio gives the bytes as stored where they do not unpack: they are no text)
    assert list(arts) == ["https://lantern.example/2031/pier"]
    assert [str(e).split(": ", 2)[:2] for e in errors] == [["torn.warc.gz", "https://lantern.example/2031/torn"]]


def test_a_page_the_crawler_cut_short_says_so(tmp_path: Path) -> None:
    arc = Archive()
    http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    body = page("Ferry pier to close", "2031-02-11", *PARAGRAPHS)[:-400]
    arc.writer.write_record(arc.writer.create_warc_record(
        "https://lantern.example/2031/pier", "response", payload=io.BytesIO(body), length=len(body),
        http_headers=http, warc_headers_dict={"WARC-Truncated": "length"}))
    arts, errors, _ = read(arc.save(tmp_path / "cut.warc.gz"))
    [art] = arts.values()
    assert not errors and art.content == "truncated"  # type: ignore[attr-defined]
    assert art.notes == ["the crawler kept only the start of this page (WARC-Truncated: length)"]  # type: ignore[attr-defined]


# --- undated articles, told from other pages by the page's structure (round 39) ---

def _undated(data: bytes) -> bytes:
    """A page with every date its markup states taken out (meta tags naming a
    date or time, JSON-LD, <time> elements): an article whose day the loader
    cannot read, as a blog's or an older page's."""
    import re

    text = data.decode("utf-8", "replace")
    text = re.sub(r"<meta[^>]*(?:date|time|published|modified)[^>]*>", "", text, flags=re.I)
    text = re.sub(r"<script[^>]*ld\+json[^>]*>.*?</script>", "", text, flags=re.I | re.S)
    text = re.sub(r"<time\b[^>]*>.*?</time>", "", text, flags=re.I | re.S)
    return text.encode("utf-8")


def _real_page(name: str) -> tuple[bytes, str]:
    for path, url in _real_pages():
        if path.name == name:
            return path.read_bytes(), url
    raise AssertionError(f"{name} not in the real-page set")


MORE = (
    "I have walked out along that pier most evenings for twenty years, and it is hard to picture the bay "
    "without its crooked lamps and the gulls arguing over whatever the trawlers leave behind.",
    "Whatever the board decides about the timber, the town should keep a way for people to stand over the "
    "water at dusk; a freight quay with a coffee stand is a fine stopgap but no replacement.",
)
BLOG = ("<!doctype html><html><head><title>Why the pier matters - Harbour Notes</title>"
        '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "BlogPosting", '
        '"headline": "Why the pier matters"}</script></head><body><article><h1>Why the pier matters</h1>'
        + "".join(f"<p>{p}</p>" for p in PARAGRAPHS + MORE) + "</article></body></html>").encode("utf-8")
TEASERS = "".join(f"<li><a href='/news/{i}'>{p}</a></li>" for i, p in enumerate(PARAGRAPHS + MORE))
#: a section front: its text is teasers, each a link, and a paragraph or two about the section
SECTION = (f"<!doctype html><html><head><title>Harbour news - The Lantern Gazette</title></head><body>"
           f"<h1>Harbour news</h1><ul>{TEASERS}</ul><p>{PARAGRAPHS[1]}</p><ul>{TEASERS}</ul>"
           f"<p>{MORE[1]}</p></body></html>").encode("utf-8")


def test_an_undated_real_article_is_read_by_its_structure_without_a_date(tmp_path: Path) -> None:
    data, url = _real_page("sh-livescience-3c5bf8db4272.html")
    bare = _undated(data)
    path = (Archive()
            # its headline's slug in the address: an article, dated by nothing (not the capture day)
            .response(url, bare, date="2033-07-04T10:00:00Z")
            # the same page where the address says nothing and no markup declares an article
            .response("https://www.livescience.com/a/4711.html", bare)
            # an invented blog post whose JSON-LD says BlogPosting, at a bare address
            .response("https://harbour-notes.example/p/4712", BLOG)
            .save(tmp_path / "crawl.warc.gz"))
    arts, errors, notes = read(path)
    assert not errors
    assert sorted(arts) == ["https://harbour-notes.example/p/4712", url]
    assert arts[url].date is None  # type: ignore[attr-defined]
    [want], _ = load_file(InputFile(_need(DATA / "real-pages" / "html" / "sh-livescience-3c5bf8db4272.html"), "x"))
    assert arts[url].title == want.article.title  # type: ignore[attr-defined]
    assert arts["https://harbour-notes.example/p/4712"].date is None  # type: ignore[attr-defined]
    assert "2 articles read (2 undated" in notes[0]
    assert "1 no date read and no article's structure" in notes[0]


def test_section_fronts_and_tag_pages_are_no_articles(tmp_path: Path) -> None:
    data, url = _real_page("sh-livescience-3c5bf8db4272.html")
    path = (Archive()
            .response(url, data)  # the article itself, dated
            # a dated article's page served at a tag's and an author's address: a list of other pages
            .response("https://www.livescience.com/tag/space", data)
            .response("https://www.livescience.com/author/jane-roe", data)
            .response("https://www.livescience.com/news/page/2", data)
            .response("https://www.livescience.com/search?q=universe", data)
            # an undated section front, at a section's address and at one that reads like a headline:
            # its teasers are links
            .response("https://lantern.example/harbour/", SECTION)
            .response("https://lantern.example/news/harbour-and-ferry-stories", SECTION)
            .response("https://lantern.example/", FRONT)
            .save(tmp_path / "crawl.warc.gz"))
    arts, errors, notes = read(path)
    assert not errors
    assert list(arts) == [url]
    assert ("7 pages not read as an article (1 a site's home page; 4 a list of other pages"
            in notes[0]), notes[0]
    assert "2 no date read and no article's structure" in notes[0]


def test_og_type_article_alone_makes_no_undated_page_an_article(tmp_path: Path) -> None:
    # blog software gives og:type article to its about pages too
    about = BLOG.replace(b'"BlogPosting"', b'"WebPage"').replace(
        b"<head>", b'<head><meta property="og:type" content="article">')
    arts, errors, _ = read(Archive().response("https://harbour-notes.example/about", about)
                           .save(tmp_path / "crawl.warc.gz"))
    assert not arts and not errors


@pytest.mark.parametrize("url, listing", [
    ("https://lantern.example/tag/ferries", True),
    ("https://lantern.example/category/harbour/page/3", True),
    ("https://lantern.example/author/mara-quell/", True),
    ("https://lantern.example/?s=pier", True),
    ("https://lantern.example/search", True),
    ("https://lantern.example/topics/the-long-fight-over-the-old-pier", False),
    ("https://lantern.example/culture/archive/2031/02/the-pier-and-the-town/4711/", False),
    ("https://lantern.example/archive/4711", False),
    ("https://lantern.example/news/story.php?id=4711&page=1", False),
])
def test_addresses_of_lists(url: str, listing: bool) -> None:
    from framing.loaders.warc import is_listing

    assert is_listing(url) is listing


@pytest.mark.parametrize("url, words", [
    ("https://lantern.example/2031/02/11/storm-closes-the-harbour-road-4711.html", 5),
    ("https://lantern.example/harbour/", 1),
    ("https://lantern.example/p/4712", 0),
    ("https://lantern.example/", 0),
    ("https://lantern.example/a_few_good_ferries", 4),
])
def test_slug_words(url: str, words: int) -> None:
    from framing.loaders.warc import slug_words

    assert slug_words(url) == words


def test_a_page_mostly_of_links_is_no_undated_article_whatever_its_body() -> None:
    # (the extractor may keep a section front's teasers as a body: the page's link text says what it is)
    from framing.loaders.warc import MAX_LINK_SHARE, page_shape, undated_article
    from framing.models import Article

    art = Article(source="x", body="\n\n".join(PARAGRAPHS + MORE))
    url = "https://lantern.example/news/harbour-and-ferry-stories"
    assert page_shape(SECTION.decode()).link_share >= MAX_LINK_SHARE
    assert not undated_article(art, url, SECTION.decode())
    assert page_shape(BLOG.decode()).link_share < MAX_LINK_SHARE
    assert undated_article(art, url, BLOG.decode())
    assert "BlogPosting" in page_shape(BLOG.decode()).types


@pytest.mark.parametrize("url, home", [
    ("https://lantern.example/", True),
    ("https://lantern.example/index.html", True),
    ("https://lantern.example/?utm_source=feed&utm_medium=rss", True),
    ("https://lantern.example/?lang=en", True),
    ("https://lantern.example/?p=3289", False),  # WordPress's address of a post
    ("https://lantern.example/index.php?id=30&tx_ttnews%5Btt_news%5D=477", False),  # TYPO3's of a news item
    ("https://lantern.example/harbour/", False),
])
def test_home_pages(url: str, home: bool) -> None:
    from framing.loaders.warc import is_home

    assert is_home(url) is home
