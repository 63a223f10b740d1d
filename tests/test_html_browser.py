"""The HTML report in real headless Chromium (Debian's /usr/bin/chromium,
driven by Playwright's Python package; no browser is ever downloaded)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from report_fixture import XSS, XSS_IMG, xss_report

from framing.report import render_html

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _require_chromium() -> None:
    if CHROMIUM.exists():
        return
    if os.environ.get("CI"):
        pytest.fail(f"{CHROMIUM} is missing; CI must install Debian's chromium package")
    pytest.skip(f"{CHROMIUM} not installed (apt-get install chromium); CI is not set")


@pytest.fixture(scope="module")
def browser():
    """One headless Debian chromium for the module (Playwright's sync API allows one at a time)."""
    _require_chromium()
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-background-networking",
                  "--disable-component-update", "--disable-gpu"],
        )
        try:
            yield b
        finally:
            b.close()


def _open(browser, url: str, viewport: dict[str, int]):
    """A new page on ``url`` that records console errors, requests and dialogs."""
    page = browser.new_page(viewport=viewport)
    errors: list[str] = []
    requests: list[str] = []
    dialogs: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: requests.append(r.url))
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(url)
    page.wait_for_load_state("load")
    return page, errors, requests, dialogs


@pytest.fixture(scope="module")
def browser_page(browser, tmp_path_factory):
    path = tmp_path_factory.mktemp("html") / "report.html"
    path.write_text(render_html(xss_report()), encoding="utf-8")
    url = path.as_uri()
    page, errors, requests, dialogs = _open(browser, url, {"width": 1600, "height": 1000})
    yield page, url, errors, requests, dialogs
    page.close()


def test_loads_without_errors_or_network(browser_page):
    page, url, errors, requests, _ = browser_page
    assert errors == []
    assert requests == [url]
    assert page.evaluate("document.documentElement.classList.contains('js')")


def test_hover_shows_explanation(browser_page):
    page, *_ = browser_page
    mark = page.locator("mark.hit[data-category='epistemic']").first
    tip = mark.locator(".tip")
    assert not tip.is_visible()
    mark.hover()
    assert tip.is_visible()
    assert "Casts doubt on what was said." in tip.inner_text()
    assert "Neutral alternative: said" in tip.inner_text()
    page.mouse.move(0, 0)
    assert not tip.is_visible()


def test_focus_shows_tooltip_and_escape_dismisses(browser_page):
    page, *_ = browser_page
    mark = page.locator("mark.hit[data-category='emotive']").first
    mark.focus()
    tip = mark.locator(".tip")
    assert tip.is_visible()
    assert "The minister" in tip.inner_text()  # speaker
    page.keyboard.press("Escape")
    assert not tip.is_visible()
    page.locator("body").focus()


def test_tab_reaches_highlighted_spans(browser_page):
    page, *_ = browser_page
    page.locator("mark.hit").first.focus()
    page.keyboard.press("Tab")
    tag = page.evaluate("document.activeElement.tagName")
    assert tag == "MARK"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"


def _background(page, selector):
    return page.evaluate(
        "(s) => getComputedStyle(document.querySelector(s)).backgroundColor", selector)


def test_category_filter_hides_its_spans(browser_page):
    page, *_ = browser_page
    labeling = "mark.hit[data-category='labeling']"
    promotional = "mark.hit[data-category='promotional']"
    before = _background(page, labeling)
    assert before != "rgba(0, 0, 0, 0)"
    page.get_by_role("checkbox", name="labeling").uncheck()
    assert _background(page, labeling) == "rgba(0, 0, 0, 0)"
    assert page.locator(labeling).evaluate_all("ms => ms.every(m => m.classList.contains('off'))")
    assert _background(page, promotional) != "rgba(0, 0, 0, 0)"
    assert not page.locator(promotional).first.evaluate("m => m.classList.contains('off')")
    # a switched-off span shows no tooltip and leaves the tab order
    page.locator(labeling).first.hover()
    assert not page.locator(labeling).first.locator(".tip").is_visible()
    assert page.locator(labeling).first.get_attribute("tabindex") == "-1"
    assert "Highlighting" in page.locator("#filter-status").inner_text()
    page.get_by_role("checkbox", name="labeling").check()
    assert _background(page, labeling) == before


def test_voice_filter_hides_quoted_spans(browser_page):
    page, *_ = browser_page
    box = page.get_by_role("checkbox", name="quote (inside quotation marks)")
    box.uncheck()
    quoted = page.locator("mark.hit[data-voice='quote']")
    assert quoted.evaluate_all("ms => ms.length > 0 && ms.every(m => m.classList.contains('off'))")
    assert not page.locator("mark.hit[data-voice='narration']").first.evaluate(
        "m => m.classList.contains('off')")
    box.check()


def test_hostile_strings_show_as_text_and_run_nothing(browser_page):
    page, _url, errors, _requests, dialogs = browser_page
    assert page.evaluate("window.__xss") is None
    assert dialogs == []
    assert page.locator("script").count() == 2  # the data block and the page's own script
    assert page.locator("img").count() == 0
    titles = page.locator("h5.title").all_inner_texts()
    assert any(XSS_IMG in t and XSS in t for t in titles)
    assert XSS in page.locator(".outlet-name").all_inner_texts()
    assert errors == []


def test_screenshot(browser_page):
    page, *_ = browser_page
    ARTIFACTS.mkdir(exist_ok=True)
    page.mouse.move(0, 0)
    page.locator("mark.hit[data-category='labeling']").nth(1).focus()  # tooltip open
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(ARTIFACTS / "report.png"), full_page=True)
    assert (ARTIFACTS / "report.png").stat().st_size > 10_000


@pytest.fixture(scope="module")
def demo_report(tmp_path_factory):
    """The report folder `framing demo` writes (report.html is an index of the
    events; each event has its page in events/)."""
    from click.testing import CliRunner

    from framing.cli import cli

    out = tmp_path_factory.mktemp("demo") / "demo"
    res = CliRunner().invoke(cli, ["demo", "--out", str(out)], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    return out


def test_the_real_demo_report_in_chromium(browser, demo_report):
    """An event page of `framing demo`: loads clean and offline, its first
    highlighted span explains itself on hover, and the category filter works.
    (Before the index page existed this ran on report.html itself.)"""
    event_page = sorted((demo_report / "events").glob("*.html"),
                        key=lambda p: p.stat().st_size)[-1]  # the richest event
    url = event_page.as_uri()
    page, errors, requests, _ = _open(browser, url, {"width": 1400, "height": 900})
    try:
        assert errors == [] and requests == [url]
        assert page.locator("mark.hit").count() >= 10
        labeling = page.locator("mark.hit[data-category='labeling']").first
        labeling.scroll_into_view_if_needed()
        labeling.hover()
        tip = labeling.locator(".tip")
        assert tip.is_visible() and "labeling" in tip.inner_text().lower()
        before = labeling.evaluate("e => getComputedStyle(e).backgroundColor")
        page.locator("input[type=checkbox][value='labeling']").first.uncheck()
        after = labeling.evaluate("e => getComputedStyle(e).backgroundColor")
        assert before != after and after in ("rgba(0, 0, 0, 0)", "transparent")
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "demo-report.png"))
    finally:
        page.close()


def _visible_rows(page) -> list[str]:
    return page.locator("#events tbody tr td:first-child a").all_inner_texts()


def test_demo_index_search_sort_and_links(browser, demo_report):
    """The index of the demo's events: every event is a row; the search box
    filters rows; a header sorts; an event link opens its page; no network."""
    import json

    report = json.loads((demo_report / "report.json").read_text(encoding="utf-8"))
    labels = {e["label"] for e in report["events"]}
    url = (demo_report / "report.html").as_uri()
    page, errors, requests, _ = _open(browser, url, {"width": 1400, "height": 900})
    try:
        assert set(_visible_rows(page)) == labels and len(labels) == len(report["events"])
        assert "matching event" in page.locator("#index-status").inner_text()
        # search by an outlet only one event has
        counts: dict[str, list[str]] = {}
        for e in report["events"]:
            for o in e["outlets"]:
                counts.setdefault(o, []).append(e["label"])
        outlet, only = next((o, ev) for o, ev in sorted(counts.items()) if len(ev) == 1)
        page.locator("#search").fill(outlet.lower())
        assert _visible_rows(page) == only
        page.locator("#search").fill("no such words anywhere")
        assert _visible_rows(page) == []
        assert "Showing 0 of 0" in page.locator("#index-status").inner_text()
        page.locator("#search").fill("")
        assert len(_visible_rows(page)) == len(labels)
        # sort by label, ascending, then descending
        page.locator("#events th[data-key='label'] button").click()
        assert _visible_rows(page) == sorted(labels)
        page.locator("#events th[data-key='label'] button").click()
        assert _visible_rows(page) == sorted(labels, reverse=True)
        # the two-or-more-outlets filter
        page.locator("#compared").check()
        compared = {e["label"] for e in report["events"] if len(e["outlets"]) >= 2}
        assert set(_visible_rows(page)) == compared
        page.locator("#compared").uncheck()
        # an event link opens its page
        first = page.locator("#events tbody tr td:first-child a").first
        label = first.inner_text()
        with page.expect_navigation():
            first.click()
        assert page.url.startswith((demo_report / "events").as_uri())
        assert page.locator("section.event h2").first.inner_text() == label
        assert page.locator("mark.hit").count() >= 0
        back = page.locator("a[rel=index]")
        with page.expect_navigation():
            back.click()
        assert page.url == url
        assert errors == []
        assert [r for r in requests if not r.startswith("file://")] == []
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "demo-index.png"))
    finally:
        page.close()
