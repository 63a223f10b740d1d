"""render() dispatch, Markdown, CSV tables and write_all."""

from __future__ import annotations

import csv
import io
import json

import lxml.html
import pytest
from report_fixture import XSS, build_report, xss_report

from framing.report import FORMATS, render, tables, write_all
from framing.report.markdown import md_escape, render_markdown


@pytest.mark.slow
def test_render_every_format():
    report = build_report()
    for fmt in FORMATS:
        out = render(report, fmt)
        assert isinstance(out, str) and out
    assert render(report, "json") == report.to_json()
    assert "# hits.csv\n" in render(report, "csv")


def test_render_unknown_format():
    with pytest.raises(ValueError, match="Got 'pdf' instead"):
        render(build_report(), "pdf")


# --- Markdown ---------------------------------------------------------------------

def test_markdown_sections_and_charts():
    md = render_markdown(build_report())
    assert md.startswith("# How the outlets framed it\n")
    assert md.count("\n## ") == 2
    assert "![Loaded language per outlet](charts/e-accord-density.png)" in md
    assert "e-summit-" not in md  # no chart with no data
    assert "| Kesh Daily Standard | 1 | 36 | 6 | **166.7** | 61.2–362.8 |" in md
    assert "“secure the river for our **brave** children”" in md
    assert "> A fact left out is not proof of intent." in md
    assert all(line == line.rstrip() for line in md.splitlines())


def test_markdown_escapes():
    assert md_escape("a|b <script>") == r"a\|b \<script\>"
    md = render_markdown(xss_report())
    assert "<script>" not in md and "<img" not in md
    assert "| \\</script\\>" in md


def test_markdown_tables_have_consistent_columns():
    for block in render_markdown(build_report()).split("\n\n"):
        rows = [r for r in block.splitlines() if r.startswith("|")]
        if rows:
            counts = {r.replace("\\|", "").count("|") for r in rows}
            assert len(counts) == 1, block


# --- CSV --------------------------------------------------------------------------

def _rows(text):
    return list(csv.DictReader(io.StringIO(text)))


def test_csv_tables():
    t = tables(build_report())
    assert {"hits.csv", "density.csv", "naming.csv", "facts.csv", "quotes.csv"} <= set(t)
    hits = _rows(t["hits.csv"])
    assert len(hits) == 9
    assert hits[0]["event"] == "e-accord" and hits[0]["outlet"] == "Kesh Daily Standard"
    assert {h["loaded"] for h in hits} == {"true", "false"}
    density = _rows(t["density.csv"])
    assert [(d["event"], d["outlet"]) for d in density] == [
        ("e-accord", "Kesh Daily Standard"), ("e-accord", "Meridian Wire"),
        ("e-accord", "Almera Courier"), ("e-summit", "Almera Courier")]
    assert density[0]["per_1000"] == "166.7" and density[0]["ci95_hi"] == "362.8"
    assert density[0]["category_labeling"] == "3" and density[0]["voice_reported"] == "1"
    naming = _rows(t["naming.csv"])
    assert {"form": "accord", "scare_quoted": "true"}.items() <= naming[4].items()
    facts = _rows(t["facts.csv"])
    amount = [(f["outlet"], f["carried"]) for f in facts if f["text"] == "$1.1 billion"]
    assert amount == [("Almera Courier", "false"), ("Kesh Daily Standard", "true"),
                      ("Meridian Wire", "false")]
    quotes = _rows(t["quotes.csv"])
    assert [q["inserted"] for q in quotes] == ["", "brave", ""]


def test_csv_is_tidy_and_stable():
    a, b = tables(build_report()), tables(build_report())
    assert a == b
    for name, text in a.items():
        assert "\r" not in text
        rows = list(csv.reader(io.StringIO(text)))
        assert len({len(r) for r in rows}) == 1, name


def test_csv_quotes_hostile_values():
    density = _rows(tables(xss_report())["density.csv"])
    assert density[1]["outlet"] == XSS


# --- write_all --------------------------------------------------------------------

@pytest.mark.slow
def test_write_all(tmp_path):
    paths = write_all(build_report(), tmp_path / "out")
    assert paths == sorted(paths)
    names = [p.relative_to(tmp_path / "out").as_posix() for p in paths]
    for expected in ("report.json", "report.md", "report.html", "report.txt", "hits.jsonl",
                     "events/e-accord.html", "events/e-summit.html",
                     "csv/hits.csv", "csv/density.csv", "csv/naming.csv", "csv/facts.csv",
                     "charts/e-accord-density.png", "charts/e-accord-density.svg",
                     "charts/e-accord-heatmap.svg", "charts/e-accord-voice.png",
                     "charts/e-accord-naming.png", "charts/e-accord-distinctive.svg"):
        assert expected in names
    assert not [n for n in names if n.startswith("charts/e-summit")]
    assert json.loads((tmp_path / "out" / "report.json").read_text())["schema"]
    txt = (tmp_path / "out" / "report.txt").read_text(encoding="utf-8")
    assert "\x1b" not in txt
    # every chart the Markdown links to was written
    md = (tmp_path / "out" / "report.md").read_text(encoding="utf-8")
    for line in md.splitlines():
        if line.startswith("!["):
            target = line.split("](", 1)[1].rstrip(")")
            assert (tmp_path / "out" / target).is_file()


@pytest.mark.slow
def test_write_all_is_byte_identical(tmp_path):
    first = write_all(build_report(), tmp_path / "a")
    second = write_all(build_report(), tmp_path / "b")
    assert [p.relative_to(tmp_path / "a") for p in first] == [
        p.relative_to(tmp_path / "b") for p in second]
    for p, q in zip(first, second):
        assert p.read_bytes() == q.read_bytes(), p.name


@pytest.mark.slow
def test_written_html_is_an_index_and_event_pages(tmp_path):
    """report.html is the index (it used to be the one-page report); each event
    page holds the same event view as the one-page report, tooltip ids aside."""
    import re

    from framing.report import html_pages, render_html

    report = build_report()
    write_all(report, tmp_path, charts="all")
    assert next(html_pages(report, {}))[0] == "report.html"
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.html")) == [
        "events/e-accord.html", "events/e-summit.html", "explorer.html", "report.html"]
    index = lxml.html.document_fromstring((tmp_path / "report.html").read_text(encoding="utf-8"))
    links = index.xpath("//table[@id='events']/tbody/tr/td[1]/a/@href")
    assert sorted(links) == ["events/e-accord.html", "events/e-summit.html"]
    assert index.xpath("//table[@id='events']/tbody/tr/td[1]/a/text()") == [
        e.label for e in report.events]  # the accord has more articles: listed first
    single = render_html(report)
    tips = re.compile(r'"tip-\d+"')
    for event in report.events:
        page = (tmp_path / "events" / f"{event.id}.html").read_text(encoding="utf-8")
        start = f'<section class="event" id="event-{event.id}"'
        mine = page[page.index(start):page.index("</main>")].rstrip()
        theirs = single[single.index(start):]
        nxt = theirs.find('<section class="event"', 1)
        theirs = theirs[:nxt if nxt > 0 else theirs.index("</main>")].rstrip()
        assert tips.sub('"tip"', mine) == tips.sub('"tip"', theirs)


def test_write_csv(tmp_path):
    from framing.report import write_csv

    paths = write_csv(build_report(), tmp_path)
    assert paths == sorted(paths)
    assert {p.name for p in paths} == set(tables(build_report()))
    assert (tmp_path / "hits.csv").read_text(encoding="utf-8") == tables(build_report())["hits.csv"]


def test_hit_to_dict_is_its_public_fields_in_order():
    from dataclasses import asdict

    from framing.models import HIT_FIELDS, Hit

    for speaker, probability, refers_to in ((None, 0.25, None), ("Ann Lee", 1.0, "Israel")):
        hit = Hit(article=3, field="body", start=4, end=9, text="regime", term="regime",
                  category="labeling", explanation="why", neutral=None, voice="quote", speaker=speaker,
                  probability=probability, loaded=True, lexicon_version="v1", refers_to=refers_to)
        d = hit.to_dict()
        assert list(d) == list(HIT_FIELDS) and "refers_to" not in d
        assert d == {k: v for k, v in asdict(hit).items() if k in HIT_FIELDS}


def test_rows_to_csv():
    from framing.models import HIT_FIELDS
    from framing.report.csvout import rows_to_csv

    report = build_report()
    text = rows_to_csv(report.hits)
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == list(HIT_FIELDS)
    assert len(rows) == len(report.hits) + 1
    assert rows_to_csv([]) == ",".join(HIT_FIELDS) + "\n"
    assert rows_to_csv([{"a": 1, "b": None}, {"a": True, "c": "x,y"}]) == 'a,b,c\n1,,\ntrue,,"x,y"\n'


@pytest.mark.slow
def test_importing_renderers_does_not_load_matplotlib():
    import subprocess
    import sys
    from pathlib import Path

    code = ("import sys, framing.report\n"
            "assert 'matplotlib' not in sys.modules, 'matplotlib imported eagerly'\n")
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60,
                   cwd=Path(__file__).resolve().parent.parent)


def test_loaded_naming_forms_are_marked_in_markdown_and_csv():
    report = build_report()
    md = render_markdown(report)
    assert "| **Velmoran regime** |" in md and "**Bold**: a loaded label or scare quotes." in md
    assert "| Velmora |" in md  # a plain name stays plain
    rows = list(csv.DictReader(io.StringIO(tables(report)["naming.csv"])))
    loaded = {(r["form"], r["loaded"]) for r in rows}
    assert ("Velmoran regime", "true") in loaded and ("Velmora", "false") in loaded
