"""Classroom materials in real headless Chromium (Debian's /usr/bin/chromium,
through Playwright's executable_path and through the product's own
--print-to-pdf path): blind worksheets show no outlet, byline, dateline or
URL, and the handout prints on one page."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import copy_store
from test_classroom import assert_blind
from test_html_browser import CHROMIUM, _open, _require_chromium

from framing.classroom import make_materials
from framing.classroom.html import render_pages
from framing.classroom.pdf import html_to_pdf
from framing.corpus import ingest
from framing.detect import load_lexicon
from framing.pipeline import compare_store
from framing.resources import as_path, classroom_corpus
from framing.store import Store

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def browser():
    _require_chromium()
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM),
                              args=["--no-sandbox", "--disable-background-networking",
                                    "--disable-component-update", "--disable-gpu"])
        try:
            yield b
        finally:
            b.close()


@pytest.fixture(scope="module")
def reports(seeds_db: Path, demo_db: Path, tmp_path_factory: pytest.TempPathFactory):
    tmp = tmp_path_factory.mktemp("cls-browser")
    out = {}
    with as_path(classroom_corpus()) as corpus, Store(tmp / "cup.db") as store:
        list(ingest(store, [(corpus, "corpus/classroom")]))
        out["cup"] = compare_store(store, load_lexicon())
    for name, db in (("seeds", seeds_db), ("demo", demo_db)):
        with Store(copy_store(db, tmp / f"{name}.db")) as store:
            out[name] = compare_store(store, load_lexicon())
    return out


@pytest.mark.parametrize("which", ["cup", "seeds"])
def test_blind_worksheet_rendered_text_hides_every_identifier(browser, reports, which, tmp_path: Path) -> None:
    report = reports[which]
    m = make_materials(report, blind=True)
    for name in ("worksheet", "handout"):
        path = tmp_path / f"{name}.html"
        path.write_text(render_pages(m)[name], encoding="utf-8")
        page, errors, requests, _ = _open(browser, path.as_uri(), {"width": 1000, "height": 1400})
        text = page.inner_text("body")
        page.close()
        assert errors == [] and requests == [path.as_uri()]
        assert all(o.label.lower() in text.lower() for o in m.outlets)
        assert_blind(text, report)


@pytest.mark.parametrize("paper,size_mm", [("a4", (210, 297)), ("letter", (216, 279))])
@pytest.mark.parametrize("which", ["cup", "seeds", "demo"])
def test_handout_prints_on_one_page(reports, which, paper, size_mm, tmp_path: Path) -> None:
    _require_chromium()
    from pypdf import PdfReader

    m = make_materials(reports[which], blind=which == "demo")
    html = tmp_path / "handout.html"
    html.write_text(render_pages(m, paper=paper)["handout"], encoding="utf-8")
    pdf = html_to_pdf(html, tmp_path / "handout.pdf", str(CHROMIUM))
    pages = PdfReader(pdf).pages
    assert len(pages) == 1, f"{which}: the handout of {len(m.outlets)} outlets takes {len(pages)} {paper} pages"
    box = pages[0].mediabox
    assert (round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)) == size_mm
    # the page really carries every outlet's excerpt
    text = " ".join(" ".join(p.extract_text() for p in pages).lower().split())
    assert all(o.label.lower() in text for o in m.outlets)


def test_annotated_marks_differ_without_colour(browser, reports, tmp_path: Path) -> None:
    """Each category of the legend has its own underline style and tag, so it survives greyscale print."""
    m = make_materials(reports["cup"])
    path = tmp_path / "annotated.html"
    path.write_text(render_pages(m)["annotated"], encoding="utf-8")
    page, errors, _, _ = _open(browser, path.as_uri(), {"width": 1000, "height": 1400})
    styles = page.evaluate("""[...document.querySelectorAll('.legend mark.hit')].map(e => {
        const s = getComputedStyle(e);
        return [s.textDecorationLine, s.textDecorationStyle, s.textDecorationThickness,
                e.querySelector('.tag').innerText];
    })""")
    marks = page.locator(".body mark.hit").count()
    page.close()
    assert errors == []
    assert len(styles) >= 3 and marks >= len(styles)
    assert all("underline" in s[0] for s in styles)
    assert len({(s[1], s[2]) for s in styles}) == len(styles)  # no two categories look alike in grey
    assert len({s[3] for s in styles}) == len(styles)
