"""Saved HTML pages: the headline a reader sees and the outlet chain
og:site_name → JSON-LD publisher → <title> suffix → application-name →
registered domain → a dated copyright notice, on small pages made for each rule."""

from __future__ import annotations

import pytest

from framing.loaders.html import parse_html

BODY = "".join(
    f"<p>Dock workers in Almera voted on Wednesday to end a nine-day strike, paragraph {i} of the report, "
    "the union said in a statement to reporters at the harbour gate.</p>" for i in range(6)
)


def _page(head: str = "", before: str = "", h1: str = "<h1>Harbour strike ends as dockers accept contract</h1>") -> str:
    return (f"<!doctype html><html><head>{head}</head><body><header>{before}</header>"
            f"<article>{h1}{BODY}</article></body></html>")


def _parse(html: str):
    return parse_html("page.html", html, html.encode())


@pytest.mark.parametrize("head, before, outlet, source", [
    ('<meta property="og:site_name" content="Kesh Post">'
     '<script type="application/ld+json">{"publisher": {"name": "Wire Service"}}</script>',
     "", "Kesh Post", "og:site_name"),
    ("", '<meta property="og:site_name" content="Body Meta Daily">', "Body Meta Daily", "og:site_name"),
    ('<meta property="og:site_name" content="https://www.kesh.example">'
     '<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", "publisher": '
     '{"@type": "Organization", "name": "Kesh Post"}}]}</script>', "", "Kesh Post", "json-ld publisher"),
    ("<title>Harbour strike ends as dockers accept contract - The Almera Courier</title>", "",
     "The Almera Courier", "title suffix"),
    ('<title>Harbour strike ends</title><meta name="application-name" content="Ledger">', "", "Ledger",
     "application-name"),
    ('<title>Harbour strike ends</title><meta property="og:url" content="https://news.kesh-post.co.uk/a/1">', "",
     "kesh-post.co.uk", "url"),
    ('<meta property="og:site_name" content="@kesh_post">', "", "kesh_post", "og:site_name"),
])
def test_outlet_chain(head: str, before: str, outlet: str, source: str) -> None:
    art = _parse(_page(head, before))
    assert (art.outlet, art.outlet_from) == (outlet, source)


def test_visible_h1_wins_over_og_title_and_logo_headings() -> None:
    head = ('<meta property="og:title" content="Dockers accept contract, strike ends">'
            '<meta property="og:site_name" content="Kesh Post">')
    art = _parse(_page(head, before="<h1>Kesh Post</h1><h1>Subscribe</h1>"))
    assert art.title == "Harbour strike ends as dockers accept contract"
    assert not art.body.startswith("Harbour strike ends")


def test_section_label_is_removed_from_the_h1() -> None:
    head = '<meta property="og:title" content="Harbour strike ends as dockers accept contract">'
    art = _parse(_page(head, h1="<h1>Opinion | Harbour strike ends as dockers accept contract</h1>"))
    assert art.title == "Harbour strike ends as dockers accept contract"
    art = _parse(_page(head, h1="<h1>DealBook|Harbour strike ends as dockers accept contract</h1>"))
    assert art.title == "Harbour strike ends as dockers accept contract"


def test_stated_publication_date_in_its_own_time_zone() -> None:
    head = '<meta property="article:published_time" content="2019-11-19T22:05:00-05:00">'
    assert _parse(_page(head)).date == "2019-11-19"


@pytest.mark.parametrize("footer, outlet, source", [
    ("<footer><p>\u00a92005-2026 Almera Ledger, LLC. All rights reserved.</p></footer>", "Almera Ledger", "copyright"),
    # The site's own notice closes the page; a photo credit above it has no year.
    ("<figure><figcaption>\u00a9 Jan Orlo</figcaption></figure>"
     "<footer>Copyright 2026 The Almera Courier</footer>", "The Almera Courier", "copyright"),
    ("<figure><figcaption>\u00a9 Jan Orlo</figcaption></figure>", None, "unknown"),
    # A copyright notice inside a script is not printed on the page.
    ("<script>var c = '\u00a9 2026 Tracker Inc';</script>", None, "unknown"),
])
def test_outlet_from_a_dated_copyright_notice_when_nothing_else_names_it(footer: str, outlet: str | None,
                                                                       source: str) -> None:
    art = _parse(_page().replace("</body>", footer + "</body>"))
    assert (art.outlet, art.outlet_from) == (outlet, source)


def test_the_page_url_wins_over_a_copyright_notice() -> None:
    html = _page('<meta property="og:url" content="https://kesh.example/a/1">').replace(
        "</body>", "<footer>\u00a9 2026 Kesh Holdings Group</footer></body>")
    assert _parse(html).outlet_from == "url"
