"""Safari's "Save As… Web Archive" (``.webarchive``): a property list whose
main resource is the page (its bytes, MIME type, text encoding and address),
beside the page's images, scripts and style sheets (``WebSubresources``, each
with the server's response archived with it) and an archive of the same
shape for each frame on the page (``WebSubframeArchives``: advertisements,
embedded players). Such a page must give the fields its ``.html`` gives.

``safari_archive`` below lays a page out as WebKit writes one (the keys and
their order read from WebKit's ``LegacyWebArchive``; a real Safari archive,
pywebarchive's sample of Wikipedia's front page, has the same layout): it is
used on an invented page and, slow, on the 69 real saved pages of
../shared/data/real-pages."""

from __future__ import annotations

import json
import plistlib
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
from click.testing import CliRunner

from framing.cli import cli
from framing.corpus import InputFile, load_file
from framing.loaders.decode import decode

from conftest import DATA, _need

FIELDS = ("title", "outlet", "date", "byline", "body")
_TYPES = {"png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif", "svg": "image/svg+xml",
          "webp": "image/webp", "css": "text/css", "js": "text/javascript"}


def _response(url: str, mime: str) -> bytes:
    """Stands in for the server's response WebKit archives beside a
    subresource (a keyed archive of an NSURLResponse): opaque to a reader."""
    return plistlib.dumps({"$archiver": "NSKeyedArchiver", "$version": 100000, "$top": {"root": 1},
                           "$objects": ["$null", url, mime]}, fmt=plistlib.FMT_BINARY)


def _subresources(page: bytes, base: str, limit: int = 25) -> list[dict]:
    """The images, scripts and style sheets the page loads, as Safari keeps them."""
    found: list[dict] = []
    seen: set[str] = set()
    for m in re.finditer(rb'<(?:img|script|link)\b[^>]*?\b(?:src|href)=["\']([^"\'\s>]+)', page, re.I):
        url = urljoin(base, m.group(1).decode("latin-1"))
        name = url.split("?")[0].rsplit("/", 1)[-1]
        mime = _TYPES.get(name.rsplit(".", 1)[-1].lower()) if "." in name else None
        if not mime or url in seen or not url.startswith("http"):
            continue
        seen.add(url)
        data = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8 if mime.startswith("image/") else b"/* kept */\n"
        resource = {"WebResourceData": data, "WebResourceMIMEType": mime, "WebResourceURL": url,
                    "WebResourceResponse": _response(url, mime)}
        if not mime.startswith("image/"):
            resource["WebResourceTextEncodingName"] = "UTF-8"
        found.append(resource)
        if len(found) == limit:
            break
    return found


def _ad_frame(i: int) -> dict:
    """An advertisement's frame, archived as Safari archives a frame."""
    ad = (f"<html><head></head><body><div class=slot><p>Sponsored: the lakeside furniture warehouse "
          f"clears its sofas this weekend, every one half price (slot {i}).</p></div></body></html>").encode()
    return {"WebMainResource": {"WebResourceData": ad, "WebResourceFrameName": f"<!--framePath //<!--frame{i}-->-->",
                                "WebResourceMIMEType": "text/html", "WebResourceTextEncodingName": "UTF-8",
                                "WebResourceURL": f"https://ads.example.net/slot/{i}"},
            "WebSubresources": [{"WebResourceData": b"GIF89a\x01\x00\x01\x00\x00\x00\x00;",
                                 "WebResourceMIMEType": "image/gif",
                                 "WebResourceURL": f"https://ads.example.net/pixel/{i}.gif"}]}


def safari_archive(page: bytes, url: str, encoding: str | None = "UTF-8", *, mime: str = "text/html",
                   frames: int = 2, fmt: plistlib.PlistFormat = plistlib.FMT_BINARY) -> bytes:
    """``page`` saved by Safari from ``url`` as a web archive."""
    main = {"WebResourceData": page, "WebResourceFrameName": "", "WebResourceMIMEType": mime, "WebResourceURL": url}
    if encoding:
        main["WebResourceTextEncodingName"] = encoding
    archive: dict = {"WebMainResource": main}
    if mime == "text/html" and (subresources := _subresources(page, url)):
        archive["WebSubresources"] = subresources
    if frames:
        archive["WebSubframeArchives"] = [_ad_frame(i) for i in range(frames)]
    return plistlib.dumps(archive, fmt=fmt)


# An invented page: no address of its own, its writer only in JSON-LD.
PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Marrow Valley school buses move to electric by autumn | Valley Gazette</title>
<meta property="og:title" content="Marrow Valley school buses move to electric by autumn">
<meta property="article:published_time" content="2031-03-12T07:30:00-05:00">
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "Marrow Valley school buses move to electric by autumn", "author": {"@type": "Person", "name": "Tomas Berg"}}</script>
<link rel="stylesheet" href="/css/site.css"><script src="https://cdn.valley-gazette.example/js/app.js"></script>
</head><body><nav><a href="/">Home</a> <a href="/schools">Schools</a></nav>
<article><h1>Marrow Valley school buses move to electric by autumn</h1>
<p>The Marrow Valley school board agreed on Wednesday to replace its last twelve diesel buses with electric ones
before the autumn term, paid for by a state grant and the sale of the old fleet.</p>
<p>Drivers will train on the new buses over the summer; the depot on Quarry Lane gets eight chargers, and the
board said two routes in the hills would keep a diesel spare through the first winter.</p>
<p>Parents at the meeting asked about range on cold mornings, and the transport manager said the longest route
is well within what the makers promise even at freezing temperatures.</p>
<img src="/img/bus.jpg" alt=""><iframe src="https://ads.example.net/slot/0"></iframe>
</article><footer>© 2031 Valley Gazette</footer></body></html>"""
ADDRESS = "https://www.valley-gazette.example/2031/03/12/school-buses-electric"


def _read(path: Path):
    loaded, errors = load_file(InputFile(path, path.name))
    return [r.article for r in loaded], errors


def _fields(path: Path) -> dict:
    (art,), errors = _read(path)
    assert not errors, errors
    return {f: getattr(art, f) for f in (*FIELDS, "url", "outlet_from")}


@pytest.mark.parametrize("fmt", [plistlib.FMT_BINARY, plistlib.FMT_XML])
def test_a_web_archive_reads_as_its_page_with_the_page_address(tmp_path: Path, fmt: plistlib.PlistFormat) -> None:
    own = PAGE.replace("<head>", f'<head><link rel="canonical" href="{ADDRESS}">')
    (tmp_path / "own.html").write_text(own, encoding="utf-8")
    (tmp_path / "page.webarchive").write_bytes(safari_archive(PAGE.encode("utf-8"), ADDRESS, fmt=fmt))
    want, got = _fields(tmp_path / "own.html"), _fields(tmp_path / "page.webarchive")
    # The archive's address is the page's, read as the page's own is.
    assert got == want and got["url"] == ADDRESS
    assert got["byline"] == "Tomas Berg" and "eight chargers" in got["body"]
    assert "sofas" not in got["body"]  # the advertisement's frame is not the page


def test_the_archive_encoding_reads_a_page_that_declares_none(tmp_path: Path) -> None:
    page = PAGE.replace('<meta charset="utf-8">', "").replace("Marrow", "Mårrow").replace("©", "(c)")
    (tmp_path / "latin.webarchive").write_bytes(safari_archive(page.encode("cp1252"), ADDRESS, "windows-1252"))
    (art,), errors = _read(tmp_path / "latin.webarchive")
    assert not errors and art.title == "Mårrow Valley school buses move to electric by autumn"
    # An encoding name Python does not know: the page's bytes are read as any page's are.
    (tmp_path / "odd.webarchive").write_bytes(safari_archive(PAGE.encode("utf-8"), ADDRESS, "x-user-defined-2"))
    (art,), errors = _read(tmp_path / "odd.webarchive")
    assert not errors and art.title == "Marrow Valley school buses move to electric by autumn"


def test_a_web_archive_of_a_pdf_is_read_as_the_pdf(tmp_path: Path) -> None:
    pdf = (Path(__file__).parent / "data" / "pdf" / "harbour-no-header.pdf").read_bytes()
    (tmp_path / "report.pdf").write_bytes(pdf)
    where = "https://www.keshcourier.example/2031/05/06/almera-harbour-budget.pdf"
    (tmp_path / "report.webarchive").write_bytes(safari_archive(pdf, where, None, mime="application/pdf", frames=0))
    (direct,), e1 = _read(tmp_path / "report.pdf")
    (archived,), e2 = _read(tmp_path / "report.webarchive")
    assert not e1 and not e2 and archived.format == "pdf"
    for field in ("title", "body", "byline"):
        assert getattr(archived, field) == getattr(direct, field), field
    # the address Safari showed it at, read as a printed footer's: the URL, its day
    assert direct.url is None and archived.url == where and archived.date == "2031-05-06"


def test_a_web_archive_under_another_name_is_read_as_one(tmp_path: Path) -> None:
    data = safari_archive(PAGE.encode("utf-8"), ADDRESS)
    (tmp_path / "saved-page").write_bytes(data)
    (tmp_path / "saved-page.html").write_bytes(data)
    for name in ("saved-page", "saved-page.html"):
        (art,), errors = _read(tmp_path / name)
        assert not errors and art.url == ADDRESS and art.format == "html", name


def test_broken_web_archives_give_one_line_each_and_the_batch_goes_on(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    image = b"\xff\xd8\xff\xe0" + bytes(200)
    bad = {
        "torn.webarchive": b"bplist00" + b"\x07" * 60,
        "settings.webarchive": plistlib.dumps({"WebKitDefaultFontSize": 16}, fmt=plistlib.FMT_BINARY),
        "blank.webarchive": safari_archive(b"  \n", ADDRESS, frames=0),
        "photo.webarchive": safari_archive(image, ADDRESS + ".jpg", None, mime="image/jpeg", frames=0),
    }
    for name, data in bad.items():
        (folder / name).write_bytes(data)
    (folder / "good.webarchive").write_bytes(safari_archive(PAGE.encode("utf-8"), ADDRESS))
    result = CliRunner().invoke(cli, ["ingest", "--db", str(tmp_path / "s.db"), str(folder)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    errors = sorted(ln for ln in result.output.splitlines() if ln.startswith("error:"))
    assert errors == [
        f"error: {folder / 'blank.webarchive'}: the web archive's page is empty",
        f"error: {folder / 'photo.webarchive'}: the web archive holds image/jpeg, not a web page (HTML) or a PDF",
        f"error: {folder / 'settings.webarchive'}: not a web archive: no main resource (WebMainResource) "
        "in this property list",
        f"error: {folder / 'torn.webarchive'}: not a readable web archive: not a property list "
        "(InvalidFileException)",
    ], result.output
    assert "1 added" in result.output


@pytest.mark.slow
def test_safari_archives_of_the_real_saved_pages_read_as_the_pages(tmp_path: Path) -> None:
    folder = _need(DATA / "real-pages")
    address = {t["file"]: t["source"]["url"] for t in json.loads((folder / "truth.json").read_text("utf-8"))}
    pages = sorted((folder / "html").glob("*.html"))
    assert len(pages) == 69
    differ = {}
    for path in pages:
        data = path.read_bytes()
        _, encoding = decode(path.name, data)  # the encoding the server named, as Safari keeps it
        (tmp_path / "a.webarchive").write_bytes(safari_archive(data, address[path.name], encoding))
        (tmp_path / "b.webarchive").write_bytes(safari_archive(data, address[path.name], None, frames=1))
        want = _fields(path)
        for archive in ("a.webarchive", "b.webarchive"):
            got = _fields(tmp_path / archive)
            if want["url"] is None:  # the page names no address: the archive's is its URL
                want = {**want, "url": address[path.name]}
            if got != want:
                differ[f"{path.name} {archive}"] = {f: (want[f], got[f]) for f in want if want[f] != got[f]}
    assert not differ, differ
