"""An article kept as a PDF (a browser's Print -> "Save as PDF").

tests/data/pdf/harbour.html is an invented page (our own words);
harbour.pdf is Debian Chromium 's headless print of it, served under
https://www.keshcourier.example/2031/05/06/almera-harbour-budget by
benchmarks/pdf_pages.py's ``print_pdfs`` (header and footer on, as a print
from the browser's dialog has them); harbour-no-header.pdf the same with
``--no-pdf-header-footer``. The slow test prints real pages the same way.
"""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from framing.cli import cli
from framing.corpus import InputFile, load_file
from framing.loaders.pdf import _join, pdf_text

DATA = Path(__file__).resolve().parent / "data" / "pdf"
HEADLINE = "Almera council approves harbour budget after all-night debate"
URL = "https://www.keshcourier.example/2031/05/06/almera-harbour-budget"


def _read(path: Path, **options):
    loaded, errors = load_file(InputFile(path, path.name), **options)
    return [r.article for r in loaded], errors


def test_a_printed_page_gives_the_fields_a_saved_page_gives() -> None:
    (art,), errors = _read(DATA / "harbour.pdf")
    assert not errors
    assert art.format == "pdf"
    assert art.title == HEADLINE
    assert (art.outlet, art.outlet_from) == ("Kesh Courier", "title suffix")  # the printed title's site part
    assert art.url == URL  # from the footer
    assert art.date == "2031-05-06"
    assert art.byline == "Ana Lee"
    assert art.dateline == "ALMERA"
    paragraphs = art.body.split("\n\n")
    assert len(paragraphs) == 7  # the column's lines rebuilt into the page's seven paragraphs
    assert paragraphs[0].startswith("ALMERA — The Almera council voted on Tuesday")
    assert "the mayor called the plan fair to every district of the old port town and its outlying villages." \
        in paragraphs[0]
    assert paragraphs[-1].endswith("a promise the opposition said it would hold her to.")
    # neither the menu, the copyright line nor the print's header and footer
    for furniture in ("Subscribe", "All rights reserved", "keshcourier.example", "1/1", HEADLINE):
        assert furniture not in art.body


def test_a_print_without_header_and_footer_still_finds_headline_and_outlet() -> None:
    (art,), errors = _read(DATA / "harbour-no-header.pdf")
    assert not errors
    assert art.title == HEADLINE  # the largest type
    assert art.outlet == "The Kesh Courier"  # the copyright line: no address printed
    assert art.url is None
    assert (art.date, art.byline) == ("2031-05-06", "Ana Lee")
    (printed,), _ = _read(DATA / "harbour.pdf")
    assert art.body == printed.body


def test_the_header_and_footer_are_read_as_evidence() -> None:
    found = pdf_text("harbour.pdf", (DATA / "harbour.pdf").read_bytes())
    assert found.url == URL
    assert found.title_hint == f"{HEADLINE} - Kesh Courier"
    assert found.headings[0] == HEADLINE
    # the print's date and page counter are no text of the page
    assert not re.search(r"\d{1,2}/\d{1,2}/\d{2}, \d{1,2}:\d\d", found.text)
    assert "1/1" not in found.text.split()


def test_a_pdf_under_another_name_is_read_as_one(tmp_path: Path) -> None:
    shutil.copy(DATA / "harbour.pdf", tmp_path / "article.html")
    (art,), errors = _read(tmp_path / "article.html")
    assert not errors and art.title == HEADLINE and art.format == "pdf"


def test_the_same_pdf_gives_the_same_article(tmp_path: Path) -> None:
    (a,), _ = _read(DATA / "harbour.pdf")
    (b,), _ = _read(DATA / "harbour.pdf")
    assert vars(a) == vars(b)


def test_a_line_end_hyphen_is_dropped_only_for_a_word_written_whole_elsewhere() -> None:
    words = Counter({"example": 1})
    assert _join("for exam-", "ple the", words) == "for example the"
    assert _join("a well-", "known face", words) == "a well-known face"  # a compound keeps its hyphen
    assert _join("the end", "of it", words) == "the end of it"
    assert _join("Almera-", "Kesh line", words) == "Almera-Kesh line"  # a capital after it: no word broken


def _image_only_pdf(path: Path) -> None:
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    fig = plt.figure(figsize=(3, 2))
    fig.figimage(np.arange(1200).reshape(30, 40) % 7, resize=True)
    fig.savefig(path, format="pdf")
    plt.close(fig)


def test_unreadable_pdfs_give_one_line_each_and_the_batch_goes_on(tmp_path: Path) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    shutil.copy(DATA / "harbour.pdf", folder / "good.pdf")
    _image_only_pdf(folder / "scan.pdf")
    data = (DATA / "harbour.pdf").read_bytes()
    (folder / "cut.pdf").write_bytes(data[: len(data) // 2])
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(DATA / "harbour.pdf"))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="AES-128")
    with open(folder / "locked.pdf", "wb") as fh:
        writer.write(fh)
    result = CliRunner().invoke(cli, ["ingest", str(folder), "--db", str(tmp_path / "s.db")])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    errors = sorted(ln for ln in result.output.splitlines() if ln.startswith("error:"))
    assert errors == [
        f"error: {folder / 'cut.pdf'}: damaged or incomplete PDF, cannot be read (PSEOF): "
        "save or print the page again",
        f"error: {folder / 'locked.pdf'}: the PDF is encrypted with a password: open it, print it to a new PDF "
        "or save the page as HTML",
        f"error: {folder / 'scan.pdf'}: no text in this PDF (a scanned page? run OCR first, or save the page as HTML)",
    ]
    assert "1 added" in result.output


def test_a_pdf_over_max_size_is_refused(tmp_path: Path) -> None:
    arts, errors = _read(DATA / "harbour.pdf", max_bytes=10_000)
    assert not arts and len(errors) == 1 and "--max-size" in str(errors[0])


def test_a_pdf_owner_password_alone_does_not_stop_reading(tmp_path: Path) -> None:
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(DATA / "harbour.pdf"))
    writer.encrypt(user_password="", owner_password="owner", algorithm="AES-128")
    with open(tmp_path / "a.pdf", "wb") as fh:
        writer.write(fh)
    (art,), errors = _read(tmp_path / "a.pdf")
    assert not errors and art.title == HEADLINE


# ---------------------------------------------------------------------------- real pages, printed

def _bench():
    path = Path(__file__).resolve().parent.parent / "benchmarks" / "pdf_pages.py"
    spec = importlib.util.spec_from_file_location("pdf_pages_bench", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


#: Real pages printed here: pages of different outlets and layouts.
REAL = ("sh-vox-16c30add7e96.html", "sh-macrumors-232a43fb15ab.html", "sh-slashgear-3cb22bfabed8.html",
        "sh-wired-2f42ef1d3ea0.html", "sh-theverge-785affa2c34e.html", "sh-latimes-8634d1211c3f.html")


@pytest.mark.slow
@pytest.mark.browser
def test_real_pages_printed_to_pdf_read_close_to_their_html(tmp_path: Path, data_dir: Path) -> None:
    from test_html_browser import _require_chromium

    _require_chromium()
    pages = data_dir / "real-pages"
    truth = {t["file"]: t for t in json.loads((pages / "truth.json").read_text(encoding="utf-8"))}
    bench = _bench()
    printed = bench.print_pdfs([(pages / "html" / f, truth[f]["source"]["url"]) for f in REAL], tmp_path)
    assert printed["printed"] >= len(REAL) - 1, printed
    score = bench._score_module(pages)
    right = {"html": Counter(), "pdf": Counter()}
    for f in REAL:
        pdf = tmp_path / f.replace(".html", ".pdf")
        if not pdf.exists():
            continue
        t = truth[f]
        body_true = (pages / t["body_file"]).read_text(encoding="utf-8")
        (html,), _ = _read(pages / "html" / f)
        (art,), errors = _read(pdf)
        assert not errors
        assert art.url.split("//")[1] == t["source"]["url"].split("//")[1]  # (printed over https)
        for kind, a in (("html", html), ("pdf", art)):
            s = score.score_record(t, {k: getattr(a, k) for k in ("outlet", "title", "date", "byline", "body")},
                                   body_true)
            right[kind].update(k for k in ("outlet", "title", "date") if s[k])
            right[kind]["body"] += s["F1"] >= 0.8
    # on the 66 real pages Chromium prints: outlet 64, title 65, date 57 against 66 from the HTML
    for field, slack in (("title", 1), ("outlet", 1), ("date", 2), ("body", 1)):
        assert right["pdf"][field] >= right["html"][field] - slack, (field, right)


def test_the_printed_address_dates_an_article_whose_text_names_no_day() -> None:
    # (the day in an address is read by one function for every loader: loaders/dates.py)
    from datetime import date

    from framing.loaders.dates import day_in_url

    assert day_in_url("https://www.keshcourier.example/2031/05/06/almera-harbour-budget") == date(2031, 5, 6)
    assert day_in_url("https://kesh.example/news/2031-5-6/budget?ref=2030/01/01/") == date(2031, 5, 6)
    assert day_in_url("https://kesh.example/2031/13/06/budget") is None  # no such month
    assert day_in_url("https://kesh.example/archive/2031/budget-vote-12") is None
    assert day_in_url(None) is None
    assert day_in_url("https://kesh.example/world/2031/may/06/budget") == date(2031, 5, 6)
    # a day inside the slug's words may be the day the story is about: only when asked
    assert day_in_url("https://kesh.example/news/budget-vote-2031-05-06/") is None
    assert day_in_url("https://kesh.example/news/budget-vote-2031-05-06/", slug=True) == date(2031, 5, 6)


def test_a_print_of_a_web_archive_capture_names_the_page_not_the_archive() -> None:
    # The footer of a page printed from the Wayback Machine's replay holds the
    # archive's address of the capture; the article is the page's own.
    from framing.loaders.pdf import PdfText, use_layout
    from framing.models import Article

    art = Article(source="capture.pdf", body="Ships waiting outside the harbour were let in on Monday.",
                  title="Ships enter Kesh harbour")
    use_layout(art, PdfText(text=art.body, url="https://web.archive.org/web/20311107093015/"
                                               "https://www.keshcourier.example/2031/11/06/harbour"))
    assert art.url == "https://www.keshcourier.example/2031/11/06/harbour"
    assert art.date == "2031-11-06"
    assert art.outlet and "archive" not in art.outlet.lower()
