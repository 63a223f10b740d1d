"""The term explorer page in real headless Chromium (Debian's /usr/bin/chromium
through Playwright; no browser download): typing a phrase lists its contexts
by outlet with their voice, the same ones `framing explore` finds."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from framing import Store
from framing.pipeline import explore as kwic
from framing.pipeline import compare_store
from framing.detect import load_lexicon
from framing.report import write_html
from framing.report._common import VOICE_LABELS

CHROMIUM = Path("/usr/bin/chromium")

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing; CI must install Debian's chromium package")
        pytest.skip(f"{CHROMIUM} not installed")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM),
                              args=["--no-sandbox", "--disable-background-networking", "--disable-gpu"])
        try:
            yield b
        finally:
            b.close()


@pytest.fixture(scope="module")
def demo_report(demo_db, tmp_path_factory):
    from conftest import copy_store

    db = copy_store(demo_db, tmp_path_factory.mktemp("explorer") / "demo.db")
    with Store(db) as store:
        report = compare_store(store, load_lexicon())
        articles = list(store.articles())
    out = tmp_path_factory.mktemp("explorer-html") / "report.html"
    write_html(report, out, charts="none")
    return report, articles, out


def _contexts(page):
    return page.evaluate("""() => Array.from(document.querySelectorAll('#results section.kwic-outlet')).map(s => ({
        outlet: s.getAttribute('data-outlet'),
        rows: Array.from(s.querySelectorAll('tr')).map(tr => ({
            voice: tr.getAttribute('data-voice'),
            label: tr.querySelector('td.voice').textContent,
            match: tr.querySelector('td.kw').textContent,
            left: tr.querySelector('td.left').textContent,
            right: tr.querySelector('td.right').textContent}))}))""")


@pytest.mark.parametrize("phrase", ["so-called", "regime", "according to"])
def test_search_box_lists_contexts_by_outlet_with_voice(browser, demo_report, phrase):
    report, articles, index = demo_report
    expected = kwic(articles, phrase)
    assert expected, f"the demo corpus has no {phrase!r}"
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    errors: list[str] = []
    requests: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("request", lambda r: requests.append(r.url))
    try:
        page.goto(index.as_uri())
        page.click("a[href='explorer.html']")
        page.wait_for_load_state("load")
        page.fill("#q", phrase)
        page.press("#q", "Enter")
        got = _contexts(page)
        status = page.text_content("#explorer-status")
    finally:
        page.close()
    assert errors == []
    assert all(u.startswith("file://") for u in requests)  # no network request
    # The same outlets, in the same order, with the same occurrences and voices as the library.
    want: dict[str, list[tuple[str, str]]] = {}
    for c in expected:
        want.setdefault(c.outlet, []).append((c.voice, c.match))
    assert [g["outlet"] for g in got] == list(want)
    for g in got:
        assert [(r["voice"], r["match"]) for r in g["rows"]] == want[g["outlet"]]
        for r in g["rows"]:
            assert r["label"] == VOICE_LABELS[r["voice"]]
            assert r["match"].lower().replace("\u2019", "'").split()[0][:3] == phrase.split()[0][:3]
            assert r["left"].strip() or r["right"].strip()
    assert f"{len(expected)} occurrence" in status
    assert len({c.voice for c in expected}) >= 1


def test_voice_filter_and_no_match(browser, demo_report):
    report, articles, index = demo_report
    quoted = [c for c in kwic(articles, "regime") if c.voice == "quote"]
    page = browser.new_page()
    try:
        page.goto((index.parent / "explorer.html").as_uri())
        page.select_option("#voice", "quote")
        page.fill("#q", "regime")
        page.press("#q", "Enter")
        got = _contexts(page)
        assert sum(len(g["rows"]) for g in got) == len(quoted)
        assert all(r["voice"] == "quote" for g in got for r in g["rows"])
        page.select_option("#voice", "")
        page.fill("#q", "zzqx nothing here")
        page.press("#q", "Enter")
        assert _contexts(page) == []
        assert "No occurrence" in page.text_content("#explorer-status")
    finally:
        page.close()


def test_a_phrase_with_combining_marks_is_found_as_the_library_finds_it(browser, tmp_path):
    # Invented Hindi article: its vowel signs are combining marks, which the
    # page's pattern must count as part of a word, as the Python one does.
    from framing.corpus import ingest

    src = tmp_path / "hindi.txt"
    src.write_text("स्वास्थ्य मंत्री का दौरा\n\nराज्य के स्वास्थ्य मंत्री ने सोमवार को अस्पताल का दौरा किया। "
                   "उन्होंने कहा कि स्वास्थ्य सेवाएं बेहतर होंगी।\n", encoding="utf-8")
    with Store(tmp_path / "hi.db") as store:
        assert all(r.ok for r in ingest(store, [src], outlet="Kalpit Samachar"))
        report = compare_store(store, load_lexicon())
        articles = list(store.articles())
    out = tmp_path / "html" / "report.html"
    write_html(report, out, charts="none")
    page = browser.new_page()
    try:
        page.goto((out.parent / "explorer.html").as_uri())
        found = {}
        for q in ("स्वास्थ्य मंत्री", "स्वास्थ्य*", "मंत्र"):
            page.fill("#q", q)
            page.press("#q", "Enter")
            found[q] = [r["match"] for g in _contexts(page) for r in g["rows"]]
    finally:
        page.close()
    for q, got in found.items():
        assert got == [c.match for c in kwic(articles, q)], q
    assert len(found["स्वास्थ्य मंत्री"]) == 2 and len(found["स्वास्थ्य*"]) == 3 and found["मंत्र"] == []
