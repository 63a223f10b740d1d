"""Pages saved from a web archive's replay of a capture (the Internet Archive's
Wayback Machine; Archive-It and the national libraries' pywb and OpenWayback
replay in the same scheme). A replay puts its own prefix before every address
on the page - ``https://web.archive.org/web/<14-digit time>[flag_]/`` before
``https://www.outlet.com/...``, in links, ``<link rel=canonical>``,
``og:url``, JSON-LD and inline scripts alike - and adds its toolbar and
replay scripts. Such a page must give the fields the page itself gives:
its outlet and writers are named by the outlet's domain, not the archive's.

``capture`` below lays a page out as such a replay does (read off a page
saved from web.archive.org in 2023): it is used on an invented page and,
slow, on the 69 real saved pages of ../shared/data/real-pages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from framing.corpus import InputFile, load_file
from framing.loaders.decode import decode
from framing.loaders.html import original_url, unreplayed

from conftest import DATA, _need

STAMP = "20311107093015"
FIELDS = ("title", "outlet", "date", "byline", "url", "body")


def capture(html: str, stamp: str = STAMP, archive: str = "https://web.archive.org/web/") -> str:
    """``html`` as a browser saves it from a replay of its capture."""
    page = re.search(r'rel="canonical"[^>]*href="([^"]+)"', html)

    def prefixed(m: re.Match[str]) -> str:
        address = m.group(2)
        if address.startswith("//"):
            address = "https:" + address
        path = address.lower().split("?")[0]
        flag = "im_" if path.endswith((".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg")) else \
            "js_" if path.endswith(".js") else "cs_" if path.endswith(".css") else ""
        return f"{m.group(1)}{archive}{stamp}{flag}/{address}"

    html = re.sub(r'(["\'(])((?:https?:)?//[\w-]+(?:\.[\w-]+)+[^"\'\s)<>]*)', prefixed, html)
    # site-relative links: "/world" on the page becomes "/web/<time>/https://host/world"
    if page:
        host = re.match(r"https?://[^/]+", page.group(1)).group(0)  # type: ignore[union-attr]
        html = re.sub(r'href="(/[^/"][^"]*)"', lambda m: f'href="/web/{stamp}/{host}{m.group(1)}"', html)
    own = page.group(1) if page else None
    head = ('<script src="https://web-static.archive.org/_static/js/bundle-playback.js"></script>\n'
            f'<script>__wm.init("https://web.archive.org/web"); __wm.wombat("{own}","{stamp}");</script>\n'
            '<!-- End Wayback Rewrite JS Include -->\n')
    html = re.sub(r"(<head[^>]*>)", lambda m: m.group(1) + head, html, count=1, flags=re.I)
    bar = ('<!-- BEGIN WAYBACK TOOLBAR INSERT -->\n<div id="wm-ipp-base" lang="en"></div>'
           f'<div id="wm-ipp-print">The Wayback Machine - {archive}{stamp}/{own}</div>\n'
           '<!-- END WAYBACK TOOLBAR INSERT -->\n')
    html = re.sub(r"""(?<!['"])(<body\b[^>]*>)""", lambda m: m.group(1) + bar, html, count=1, flags=re.I)
    if own:
        saved = f"{archive}{stamp}/{own}"
        html = f"<!-- saved from url=({len(saved):04d}){saved} -->\n" + html
    return html


# An invented page: its outlet only in the domain, its writer only in JSON-LD.
PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Tidewater ferry fares to rise in spring</title>
<link rel="canonical" href="https://www.tidewater-ledger.example/2031/11/06/ferry-fares">
<meta property="og:url" content="https://www.tidewater-ledger.example/2031/11/06/ferry-fares">
<meta property="article:published_time" content="2031-11-06T08:00:00-05:00">
<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Tidewater ferry fares to rise in spring",
 "author": {"@type": "Person", "name": "Rosa Kalnins", "url": "https://www.tidewater-ledger.example/staff/rosa"},
 "mainEntityOfPage": "https://www.tidewater-ledger.example/2031/11/06/ferry-fares"}</script>
</head><body><nav><a href="/">Home</a> <a href="/harbour">Harbour</a>
<a href="https://www.tidewater-ledger.example/subscribe">Subscribe</a></nav>
<article><h1>Tidewater ferry fares to rise in spring</h1>
<p>The Tidewater ferry board voted on Thursday to raise fares by eight percent from April, the first rise
since the new terminal opened, after the operator reported a loss for the third year running.</p>
<p>Commuters who cross daily will pay about forty dollars more a year; pensioners keep their reduced fare,
and the board said a monthly pass would be introduced before the summer timetable starts.</p>
<p>The operator's director told the board that fuel and crew costs had risen faster than ticket sales
and that without the rise two evening crossings would have to be cut from the winter timetable.</p>
<img src="https://cdn.tidewater-ledger.example/img/ferry.jpg" alt="">
</article><footer>© 2031 Tidewater Ledger</footer></body></html>"""


def _fields(path: Path) -> dict:
    loaded, errors = load_file(InputFile(path, path.name))
    assert not errors, errors
    art = loaded[0].article
    return {f: getattr(art, f) for f in FIELDS}


def test_a_capture_reads_as_the_page_itself(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "capture.html").write_text(capture(PAGE), encoding="utf-8")
    page, archived = _fields(tmp_path / "page.html"), _fields(tmp_path / "capture.html")
    assert page["url"] == "https://www.tidewater-ledger.example/2031/11/06/ferry-fares"
    assert "archive.org" not in (page["outlet"] or "")
    assert archived == page


def test_the_archive_is_never_the_outlet_of_an_unmarked_capture(tmp_path: Path) -> None:
    # No canonical link and no og:url: the address the browser saved from is the capture's.
    bare = re.sub(r'<link rel="canonical"[^>]*>\n<meta property="og:url"[^>]*>\n', "", PAGE)
    saved = f"https://web.archive.org/web/{STAMP}/https://www.tidewater-ledger.example/2031/11/06/ferry-fares"
    archived = f"<!-- saved from url=({len(saved):04d}){saved} -->\n" + capture(bare)
    (tmp_path / "capture.html").write_text(archived, encoding="utf-8")
    got = _fields(tmp_path / "capture.html")
    assert got["url"] == "https://www.tidewater-ledger.example/2031/11/06/ferry-fares"
    assert got["outlet"] and "archive" not in got["outlet"].lower()


@pytest.mark.parametrize("address, own", [
    (f"https://web.archive.org/web/{STAMP}/https://www.outlet.example/a/b?x=1", "https://www.outlet.example/a/b?x=1"),
    (f"https://web.archive.org/web/{STAMP}im_/https://cdn.outlet.example/p.jpg", "https://cdn.outlet.example/p.jpg"),
    (f"https://web.archive.org/web/{STAMP}/www.outlet.example/a", "http://www.outlet.example/a"),
    (f"https://wayback.archive-it.org/1234/{STAMP}/http://outlet.example/a", "http://outlet.example/a"),
    (f"https://arquivo.pt/wayback/{STAMP}/https://www.outlet.example/a", "https://www.outlet.example/a"),
    # not captures: a dated path, a long number in a path, no address at all
    ("https://www.outlet.example/2031/11/07/story", "https://www.outlet.example/2031/11/07/story"),
    (f"https://www.outlet.example/story/{STAMP}/comments", f"https://www.outlet.example/story/{STAMP}/comments"),
    (None, None),
])
def test_original_url(address: str | None, own: str | None) -> None:
    assert original_url(address) == own


def test_a_page_that_links_one_capture_is_left_as_it_is() -> None:
    # An article that cites one archived page is no capture itself.
    html = PAGE.replace("</article>", f'<p>See <a href="https://web.archive.org/web/{STAMP}/https://a.example/">'
                                      "the old notice</a>.</p></article>")
    assert unreplayed(html) == html


@pytest.mark.slow
def test_captures_of_the_real_saved_pages_read_as_the_pages(tmp_path: Path) -> None:
    pages = sorted(_need(DATA / "real-pages" / "html").glob("*.html"))
    assert len(pages) == 69
    differ = {}
    for path in pages:
        text, _ = decode(path.name, path.read_bytes())
        out = tmp_path / path.name
        # UTF-8 with its byte-order mark, which outranks the charset the page declares
        out.write_bytes(b"\xef\xbb\xbf" + capture(text).encode("utf-8"))
        want, got = _fields(path), _fields(out)
        if want != got:
            differ[path.name] = {f: (want[f], got[f]) for f in FIELDS if want[f] != got[f]}
    # Before the replay's prefix was taken out: the URL differed on 68 pages, the
    # outlet on 2 ("archive.org"), the byline on 7.
    assert not differ, differ
