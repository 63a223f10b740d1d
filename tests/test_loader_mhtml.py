"""Pages saved by a browser as one file (``.mhtml``: Chrome's and Edge's
"Webpage, Single File"), read as the saved ``.html`` of the same page is:
one built here as such a file is laid out, and one Debian's Chromium saves
itself (slow, browser)."""

from __future__ import annotations

import email.charset
from email.mime.image import MIMEImage
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_html_browser import CHROMIUM, _require_chromium

from framing.cli import cli
from framing.corpus import InputFile, load_file

PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Almera council approves harbour budget | The Kesh Courier</title>
<meta property="og:title" content="Almera council approves harbour budget">
<meta property="og:site_name" content="The Kesh Courier">
<meta property="article:published_time" content="2031-05-06T09:00:00Z">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Almera council approves harbour budget</h1><p class="byline">By Ana Lee</p>
<p>The Almera council voted on Tuesday to approve the harbour budget after a debate that ran past midnight,
and the mayor called the plan “fair to every district”.</p>
<p>Opposition members said the new wall would cost twice what the council first promised, and asked for
an audit of the contracts before the first stone is laid next spring.</p>
<p>Dock workers’ unions welcomed the vote; the port authority said work would start in March.</p>
</article><footer>© 2031 The Kesh Courier</footer></body></html>"""


def _single_file(html: str, *, location: str | None = "https://kesh-courier.example/2031/05/06/harbour-budget",
                 snapshot: str = "https://kesh-courier.example/2031/05/06/harbour-budget") -> bytes:
    """A single-file page as browsers lay it out: a multipart/related message,
    the page quoted-printable first, then its images base64."""
    msg = MIMEMultipart("related", type="text/html")
    msg["From"] = "<Saved by a browser>"
    msg["Snapshot-Content-Location"] = snapshot
    msg["Subject"] = "Almera council approves harbour budget"
    cs = email.charset.Charset("utf-8")
    cs.body_encoding = email.charset.QP
    page = MIMEText(html, "html", _charset=cs)
    if location:
        page["Content-Location"] = location
    msg.attach(page)
    image = MIMEImage(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40, "png")
    image["Content-Location"] = "https://kesh-courier.example/img/wall.png"
    msg.attach(image)
    return msg.as_bytes()


def _read(path: Path):
    loaded, errors = load_file(InputFile(path, path.name))
    return [r.article for r in loaded], errors


def test_a_single_file_page_reads_as_the_saved_html(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "page.mhtml").write_bytes(_single_file(PAGE))
    (html,), e1 = _read(tmp_path / "page.html")
    (single,), e2 = _read(tmp_path / "page.mhtml")
    assert not e1 and not e2
    for field in ("title", "outlet", "date", "byline", "body"):
        assert getattr(single, field) == getattr(html, field), field
    assert single.title == "Almera council approves harbour budget" and "audit of the contracts" in single.body
    # The page part is what is kept, not the images.
    assert single.raw.decode("utf-8") == PAGE
    # The address it was saved from, which the page itself does not print.
    assert html.url is None and single.url == "https://kesh-courier.example/2031/05/06/harbour-budget"


def test_a_single_file_page_without_a_name_is_named_by_its_address(tmp_path: Path) -> None:
    page = PAGE.replace('<meta property="og:site_name" content="The Kesh Courier">', "").replace(
        " | The Kesh Courier", "").replace("© 2031 The Kesh Courier", "")
    path = tmp_path / "saved.mht"
    path.write_bytes(_single_file(page, location=None, snapshot="https://www.kesh-courier.example/a/1"))
    (art,), errors = _read(path)
    assert not errors and art.url == "https://www.kesh-courier.example/a/1"
    # read as the page's own address is: the outlet the page gives when it names it itself
    (tmp_path / "own.html").write_text(page.replace(
        "<head>", '<head><link rel="canonical" href="https://www.kesh-courier.example/a/1">'), encoding="utf-8")
    (own,), _ = _read(tmp_path / "own.html")
    assert art.outlet == own.outlet and art.outlet_from == own.outlet_from == "url"


def test_a_single_file_without_a_page_is_one_error_and_the_batch_goes_on(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    msg = MIMEMultipart("related")
    msg.attach(MIMEImage(b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "png"))
    (folder / "only-images.mhtml").write_bytes(msg.as_bytes())
    (folder / "page.mhtml").write_bytes(_single_file(PAGE))
    result = CliRunner().invoke(cli, ["ingest", "--db", str(tmp_path / "s.db"), str(folder)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    errors = [ln for ln in result.output.splitlines() if ln.startswith("error:")]
    assert errors == [f"error: {folder / 'only-images.mhtml'}: no HTML page inside this single-file (MHTML) page"]
    assert "1 added" in result.output


@pytest.mark.slow
@pytest.mark.browser
def test_a_page_chromium_saves_as_one_file_reads_as_its_html(tmp_path: Path) -> None:
    _require_chromium()
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        try:
            context = browser.new_context(java_script_enabled=False)
            context.route("**/*", lambda route: route.abort())
            page = context.new_page()
            page.set_content(PAGE, wait_until="domcontentloaded")
            saved = context.new_cdp_session(page).send("Page.captureSnapshot", {"format": "mhtml"})["data"]
        finally:
            browser.close()
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "page.mhtml").write_text(saved, encoding="utf-8", newline="")
    (html,), e1 = _read(tmp_path / "page.html")
    (single,), e2 = _read(tmp_path / "page.mhtml")
    assert not e1 and not e2
    for field in ("title", "outlet", "date", "body"):
        assert getattr(single, field) == getattr(html, field), field


def _web_archive(html: bytes, url: str | None, encoding: str | None = "UTF-8") -> bytes:
    import plistlib

    main = {"WebResourceData": html, "WebResourceMIMEType": "text/html", "WebResourceFrameName": ""}
    if url:
        main["WebResourceURL"] = url
    if encoding:
        main["WebResourceTextEncodingName"] = encoding
    sub = [{"WebResourceData": b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "WebResourceMIMEType": "image/png",
            "WebResourceURL": "https://kesh-courier.example/img/wall.png"}]
    return plistlib.dumps({"WebMainResource": main, "WebSubresources": sub}, fmt=plistlib.FMT_BINARY)


def test_a_safari_web_archive_reads_as_the_saved_html(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "page.webarchive").write_bytes(_web_archive(PAGE.encode("utf-8"), "https://kesh-courier.example/a/2"))
    (html,), _ = _read(tmp_path / "page.html")
    (saved,), errors = _read(tmp_path / "page.webarchive")
    assert not errors
    for field in ("title", "outlet", "date", "byline", "body"):
        assert getattr(saved, field) == getattr(html, field), field
    assert saved.url == "https://kesh-courier.example/a/2" and saved.raw == PAGE.encode("utf-8")


def test_a_web_archive_in_another_encoding_and_a_broken_one(tmp_path: Path) -> None:
    page = PAGE.replace('<meta charset="utf-8">', "")
    (tmp_path / "latin.webarchive").write_bytes(_web_archive(page.replace("“", '"').replace("”", '"').replace(
        "’", "'").replace("©", "(c)").replace("Almera", "Almèra").encode("latin-1"), None, "ISO-8859-1"))
    (art,), errors = _read(tmp_path / "latin.webarchive")
    assert not errors and art.title == "Almèra council approves harbour budget"
    (tmp_path / "broken.webarchive").write_bytes(b"bplist00" + b"\xff" * 40)
    arts, errors = _read(tmp_path / "broken.webarchive")
    assert not arts and len(errors) == 1 and "not a readable web archive" in str(errors[0])
