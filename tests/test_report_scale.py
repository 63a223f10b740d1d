"""Reports of archive-sized corpora: the index page, paginated event pages,
chart selection and parallel drawing, the terminal overview. Built on
synthetic Reports of the sizes the issue names (tens of thousands of events,
an event of thousands of full-length articles)."""

from __future__ import annotations

import dataclasses
import json
import re

import lxml.html
import pytest
from report_fixture import build_report

from framing.compare.model import DensityRow, Event, Report
from framing.report import draw_charts, html_pages, write_all
from framing.report.pages import (
    MAX_HTML_BYTES,
    MAX_TEXT_CHARS,
    STATIC_ROWS,
    event_files,
    render_index,
)
from framing.report.scope import ChartChoice, chart_events, largest_events
from framing.report.terminal import MAX_LINES, render_terminal

OUTLETS = [f"Outlet {chr(65 + i)} Daily News" for i in range(26)]
WORDS = ("council river budget vote harbour minister school storm court bridge rail "
         "union tariff clinic water border farm museum").split()


def _hit(aid: int, start: int, term: str, loaded: bool = True) -> dict:
    return {"article": aid, "field": "body", "start": start, "end": start + len(term),
            "text": term, "term": term, "category": "labeling",
            "explanation": "A label that judges.", "neutral": "group", "voice": "narration",
            "speaker": None, "probability": 0.9, "loaded": loaded, "lexicon_version": "t"}


def synthetic(n_events: int, sizes=(1, 2, 3), body_words: int = 40, long_event: int = 0,
              long_body_words: int = 550) -> Report:
    """``n_events`` events of 1-3 articles from rotating outlets (one loaded
    "regime" per article), plus optionally one event of ``long_event``
    full-length articles (about 3.5 KB each)."""
    articles, hits, events, texts = [], [], [], {}
    aid = 0

    def article(outlet: str, day: str, words: int, seed: int) -> int:
        nonlocal aid
        aid += 1
        body = " ".join(WORDS[(seed + k) % len(WORDS)] for k in range(words))
        body = "The regime said " + body + "."
        articles.append({"id": aid, "outlet": outlet, "title": f"Story {seed} update",
                         "date": day, "byline": None, "url": None, "source": f"s/{aid}",
                         "words": words + 3, "near_duplicate_of": None})
        texts[aid] = {"title": f"Story {seed} update", "body": body}
        hits.append(_hit(aid, 4, "regime"))
        return aid

    for e in range(n_events):
        size = sizes[e % len(sizes)]
        day = f"20{21 + e // 3650:02d}-{1 + e // 300 % 12:02d}-{1 + e % 28:02d}"
        outs = [OUTLETS[(e + k) % len(OUTLETS)] for k in range(size)]
        ids = [article(o, day, body_words, e) for o in outs]
        outlets = sorted(set(outs))
        events.append(Event(
            id=f"e{e + 1}", label=f"{WORDS[e % len(WORDS)]} · {WORDS[(e * 7) % len(WORDS)]} · "
                              f"story {e}",
            first_date=day, last_date=day, articles=ids, outlets=outlets,
            density=[DensityRow(outlet=o, articles=outs.count(o), words=43 * outs.count(o),
                                loaded=outs.count(o), per_1000=1000 / 43, ci95=[0.6, 129.6],
                                by_category={"labeling": outs.count(o)},
                                by_voice={"narration": outs.count(o)}) for o in outlets],
        ))
    if long_event:
        outs = [OUTLETS[k % len(OUTLETS)] for k in range(long_event)]
        ids = [article(o, "2024-01-02", long_body_words, k) for k, o in enumerate(outs)]
        events.append(Event(id=f"e{len(events) + 1}", label="the long event",
                            first_date="2024-01-02", last_date="2024-01-09", articles=ids,
                            outlets=sorted(set(outs))))
    return Report(lexicon_version="t", articles=articles, hits=hits, events=events, texts=texts)


# --- --charts ---------------------------------------------------------------------------

def test_chart_choice_parses_and_rejects():
    assert ChartChoice.parse("none") == ChartChoice("none")
    assert ChartChoice.parse("ALL") == ChartChoice("all")
    assert ChartChoice.parse(" top:7 ") == ChartChoice("top", 7)
    assert ChartChoice.parse(None) == ChartChoice("top", 20)
    assert ChartChoice.parse(True) == ChartChoice("all") and ChartChoice.parse(False).mode == "none"
    assert str(ChartChoice.parse("top:3")) == "top:3"
    for bad in ("top", "top:-1", "top:x", "some", ""):
        with pytest.raises(ValueError, match="none, all or top:N"):
            ChartChoice.parse(bad)


def test_chart_events_are_the_largest_compared_events_in_report_order():
    report = synthetic(30, sizes=(1, 2, 3, 5))
    compared = [e for e in report.events if len(e.outlets) >= 2]
    assert chart_events(report, "none") == []
    assert chart_events(report, "all") == compared
    top = chart_events(report, "top:4")
    assert len(top) == 4 and all(len(e.articles) == 5 for e in top)
    assert top == sorted(top, key=report.events.index)
    assert all(len(e.outlets) >= 2 for e in chart_events(report, "top:1000"))
    sizes = [len(e.articles) for e in largest_events(report)]
    assert sizes == sorted(sizes, reverse=True)


@pytest.mark.slow
def test_charts_are_the_same_bytes_with_one_or_two_workers():
    report = build_report()
    twin = dataclasses.replace(report.events[0], id="e-twin")
    report.events.append(twin)
    one = draw_charts(report, "all", jobs=1)
    two = draw_charts(report, "all", jobs=2)
    assert list(one) == ["e-accord", "e-twin"]  # the single-outlet summit gets none
    assert one == two
    assert draw_charts(report, "top:1", jobs=2).keys() == {"e-accord"}
    assert draw_charts(report, "none") == {}


def test_write_all_draws_only_the_chosen_charts(tmp_path):
    report = build_report()
    paths = write_all(report, tmp_path / "none", charts="none", jobs=1)
    names = [p.relative_to(tmp_path / "none").as_posix() for p in paths]
    assert not [n for n in names if n.startswith("charts/")]
    md = (tmp_path / "none" / "report.md").read_text(encoding="utf-8")
    assert "![" not in md  # no link to a chart that was not drawn
    page = (tmp_path / "none" / "events" / "e-accord.html").read_text(encoding="utf-8")
    assert "<figure" not in page
    hits = (tmp_path / "none" / "hits.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(h) for h in hits] == report.hits


def _tree(root) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("charts, zygote", [("none", False), ("top:1", False), ("top:1", True)])
def test_write_all_in_worker_processes_writes_the_same_bytes(tmp_path, monkeypatch, charts, zygote):
    """Every file of a report written by two forked workers (event pages in
    several shares) is byte for byte the file one process writes, whether
    the workers are forked from this process or from a zygote (a fresh
    process, to which the charts' events and the shares are pickled)."""
    from framing.report import workers

    if not workers.can_fork():
        pytest.skip("worker processes are forked on Linux only")
    report = synthetic(60, sizes=(1, 2, 3, 2))
    report.events[1:1] = build_report().events  # an event with charts
    serial = write_all(report, tmp_path / "one", charts=charts, jobs=1)
    monkeypatch.setattr(workers, "PARALLEL_ARTICLES", 0)
    monkeypatch.setattr(workers, "PAGES_ARTICLES", 25)
    monkeypatch.setattr(workers, "ZYGOTE_ARTICLES", 0 if zygote else len(report.articles) + 1)
    pools: list[workers.ForkPool] = []

    class Pool(workers.ForkPool):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.tasks: list[str] = []
            self.from_zygote: set[bool] = set()
            pools.append(self)

        def submit(self, fn, kind, *args):
            self.tasks.append(kind)
            self.from_zygote.add(self.zygote is not None)
            return super().submit(fn, kind, *args)

    monkeypatch.setattr(workers, "ForkPool", Pool)
    parallel = write_all(report, tmp_path / "two", charts=charts, jobs=2)
    assert len(pools) == 1, "the parallel writer was not used"
    # a fresh worker for every task: each chart event and each share of event pages
    pool = pools[0]
    assert pool.tasks.count("chart") == (charts == "top:1") and pool.tasks.count("share") > 2
    assert pool.forks == len(pool.tasks) and pool.from_zygote == {zygote}
    assert [p.relative_to(tmp_path / "two") for p in parallel] == [p.relative_to(tmp_path / "one") for p in serial]
    one, two = _tree(tmp_path / "one"), _tree(tmp_path / "two")
    assert len(one) > 60 and one.keys() == two.keys()
    assert [k for k in one if one[k] != two[k]] == []
    assert (charts == "top:1") == any(k.startswith("charts/") for k in one)


def test_csv_tables_come_a_few_rows_at_a_time_with_the_same_text(monkeypatch):
    """An archive's CSV table is written in pieces of a few thousand rows
    (never whole in memory): the pieces make the same text as the table in one."""
    from framing.report import csvout

    report = synthetic(60, sizes=(1, 2, 3, 2))
    report.events[1:1] = build_report().events
    whole = csvout.tables(report)
    monkeypatch.setattr(csvout, "CHUNK_ROWS", 7)
    pieces = {name: list(chunks) for name, chunks in csvout.iter_table_chunks(report)}
    assert list(pieces) == list(csvout.TABLE_NAMES)
    assert {name: "".join(p) for name, p in pieces.items()} == whole
    rows = whole["articles.csv"].count("\n") - 1
    assert rows > 60 and len(pieces["articles.csv"]) == -(-rows // 7)  # 7 rows a piece, the header in the first
    assert all(p.endswith("\n") for ps in pieces.values() for p in ps)
    assert [whole["groups.csv"]] == pieces["groups.csv"]  # a short table: one piece


def test_a_failing_worker_leaves_the_previous_report_and_no_temporary_file(tmp_path, monkeypatch):
    from framing.report import workers

    if not workers.can_fork():
        pytest.skip("worker processes are forked on Linux only")
    report = synthetic(40)
    out = tmp_path / "out"
    write_all(report, out, charts="none", jobs=1)
    before = _tree(out)
    monkeypatch.setattr(workers, "PARALLEL_ARTICLES", 0)
    monkeypatch.setattr(workers, "PAGES_ARTICLES", 10)
    report.lexicon_version = "changed"
    real = workers.terminal_lines

    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(workers, "terminal_lines", broken)
    with pytest.raises(OSError):
        write_all(report, out, charts="none", jobs=2)
    monkeypatch.setattr(workers, "terminal_lines", real)
    assert _tree(out) == before  # every file as it was, no .part file left beside them


# --- the index ------------------------------------------------------------------------------

@pytest.mark.slow
def test_index_of_many_events_stays_small_and_complete():
    """25,000 events (the issue's 50,000 articles at two per event): every
    event is in the index's data; the page stays far below 10 MB; only the
    largest events are static rows, with a note saying so."""
    report = synthetic(25_000)
    html = render_index(report)
    size = len(html.encode("utf-8"))
    assert size < MAX_HTML_BYTES / 2, size
    doc = lxml.html.document_fromstring(html)
    data = json.loads(doc.get_element_by_id("framing-index").text)
    assert len(data["rows"]) == 25_000
    assert [r[0] for r in data["rows"]] == [e.id for e in report.events]
    files = event_files(report)
    assert {r[2] for r in data["rows"]} == {f"events/{files[e.id]}.html" for e in report.events}
    rows = doc.xpath("//table[@id='events']/tbody/tr")
    assert len(rows) == STATIC_ROWS
    first = rows[0].xpath("string(td[3])")
    assert first == "3"  # the largest events first
    assert "The 1,000 largest of 25,000 events are listed" in doc.get_element_by_id(
        "index-status").text_content()
    # per event, the index costs well under 200 bytes: 50,000 events fit too
    assert size / 25_000 < 200


def test_index_rows_carry_dates_outlets_density_and_top_terms():
    report = build_report()
    doc = lxml.html.document_fromstring(render_index(report))
    data = json.loads(doc.get_element_by_id("framing-index").text)
    cols = data["columns"]
    accord = dict(zip(cols, data["rows"][0]))
    assert accord["id"] == "e-accord" and accord["articles"] == 3
    assert [data["outlets"][i] for i in accord["outlets"]] == report.events[0].outlets
    assert (accord["density_lo"], accord["density_hi"]) == (0.0, 166.7)
    loaded_terms = [h["term"] for h in report.hits if h["loaded"]]
    assert accord["terms"].split(", ")[0] == max(set(loaded_terms), key=loaded_terms.count)
    cells = [c.text_content() for c in doc.xpath("//table[@id='events']/tbody/tr[1]/td")]
    assert cells[1] == "2024-05-07 to 2024-05-08" and cells[4] == "0.0–166.7"
    csp = doc.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")[0]
    assert "default-src 'none'" in csp and "script-src 'sha256-" in csp
    assert doc.xpath("//*[@src] | //link | //img") == []


def test_an_index_row_names_the_first_outlets_and_counts_the_rest():
    """A wire story in an aggregator's list is carried by a hundred outlets:
    its row names the first ones and says how many more; the page's data
    (what the search and the outlet filter read) keeps every one."""
    from framing.report.pages import SHOWN_OUTLETS

    report = synthetic(3, sizes=(1,), long_event=SHOWN_OUTLETS + 5)
    doc = lxml.html.document_fromstring(render_index(report))
    cells = {r.xpath("string(td[1]/a)"): r.xpath("string(td[4])") for r in doc.xpath("//table[@id='events']/tbody/tr")}
    long = report.events[-1]
    assert cells["the long event"] == (f"{len(long.outlets)}: " + ", ".join(long.outlets[:SHOWN_OUTLETS])
                                       + f" and {len(long.outlets) - SHOWN_OUTLETS} more")
    assert cells[report.events[0].label] == f"1: {report.events[0].outlets[0]}"
    data = json.loads(doc.get_element_by_id("framing-index").text)
    row = dict(zip(data["columns"], next(r for r in data["rows"] if r[0] == long.id)))
    assert [data["outlets"][i] for i in row["outlets"]] == long.outlets
    assert data["shown_outlets"] == SHOWN_OUTLETS


# --- event pages ---------------------------------------------------------------------------

def test_a_warning_every_one_of_many_outlets_carries_is_said_once():
    """A story list's event of dozens of outlets, each a headline: one note
    above the density table instead of the same sentence in every row; a
    small event keeps each outlet's own warning."""
    from framing.report.html import WARN_ONCE_OUTLETS

    from framing.compare.density import warning_for

    report = synthetic(2, sizes=(WARN_ONCE_OUTLETS + 2, 3))
    for event in report.events:
        for r in event.density:
            r.warning = warning_for(r.loaded, r.words)  # 43 words and one loaded term each
    pages = dict(html_pages(report))
    files = event_files(report)
    for event in report.events:
        doc = lxml.html.document_fromstring(pages[f"events/{files[event.id]}.html"])
        table = doc.xpath("//table[@class='density']")[0]
        warned = [c.text_content() for c in table.xpath(".//td[@class='warning']")]
        note = doc.xpath("//section[contains(@class,'event')]//p[@class='warning']")
        assert all(r.warning for r in event.density)
        if len(event.outlets) > WARN_ONCE_OUTLETS:
            assert warned == [] and len(note) == 1 and "Every outlet here" in note[0].text_content()
            assert "Warning" not in table.xpath("string(thead)")
        else:
            assert warned == [r.warning for r in event.density] and note == []


@pytest.mark.slow
def test_an_event_of_thousands_of_articles_is_paginated_under_10_mb():
    """3,000 full-length articles in one event: its articles are split over
    several pages, each under 10 MB, each article on exactly one page, every
    page linking every other; one 300,000-character article is cut with a note."""
    report = synthetic(1, long_event=3_000)
    long_id = report.events[-1].articles[7]
    body = " ".join(WORDS[k % len(WORDS)] for k in range(45_000))
    report.texts[long_id]["body"] = "The regime said " + body
    report.hits.append(_hit(long_id, MAX_TEXT_CHARS + 10, "school"))  # past the cut
    pages = dict(html_pages(report))
    stem = event_files(report)[report.events[-1].id]
    mine = {k: v for k, v in pages.items() if k.startswith(f"events/{stem}")}
    assert len(mine) >= 4
    seen: list[int] = []
    for name, html in mine.items():
        assert len(html.encode("utf-8")) < MAX_HTML_BYTES, name
        doc = lxml.html.document_fromstring(html)
        seen += [int(a.get("id").split("-")[1]) for a in doc.xpath("//article")]
        links = set(doc.xpath("//nav[@class='pager']//a/@href"))
        assert {f"events/{h}" for h in links} == set(mine) - {name}
        assert doc.xpath("//a[@rel='index']/@href") == ["../report.html"]
        assert len(doc.xpath("//section[contains(@class,'event')]")) == 1
    assert sorted(seen) == sorted(report.events[-1].articles)
    assert len(seen) == len(set(seen))
    explorers = {k: v for k, v in pages.items() if k.startswith("explorer")}
    assert len(explorers) >= 2  # the term explorer is split too
    searched: list[int] = []
    for name, html in explorers.items():
        assert len(html.encode("utf-8")) < MAX_HTML_BYTES, name
        doc = lxml.html.document_fromstring(html)
        searched += [row[0] for row in json.loads(doc.get_element_by_id("framing-explorer").text)["articles"]]
    assert sorted(searched) == sorted(a["id"] for a in report.articles)
    first = lxml.html.document_fromstring(mine[f"events/{stem}.html"])
    assert first.xpath("//h3[text()='Loaded language per 1,000 words']")
    later = lxml.html.document_fromstring(mine[f"events/{stem}-p2.html"])
    assert not later.xpath("//h3[text()='Loaded language per 1,000 words']")
    assert "Articles " in later.xpath("string(//nav[@class='pager'])")
    # the cut article: its text up to the cut, a note saying so
    page = next(lxml.html.document_fromstring(h) for h in mine.values()
                if f'id="article-{long_id}"' in h)
    art = page.get_element_by_id(f"article-{long_id}")
    for tip in art.find_class("tip"):
        tip.drop_tree()
    shown = art.find_class("body")[0].text_content()
    assert shown == report.texts[long_id]["body"][:MAX_TEXT_CHARS]
    note = art.find_class("cut")[0].text_content()
    assert "200,000" in note and f"framing show {long_id}" in note and "hits.csv" in note


def test_small_event_pages_are_one_page_each():
    report = build_report()
    pages = dict(html_pages(report))
    assert list(pages) == ["report.html", "events/e-accord.html", "events/e-summit.html", "explorer.html"]
    for html in pages.values():
        assert "class=\"pager\"" not in html


def test_event_file_names_are_unique_and_safe():
    report = synthetic(3)
    report.events[0].id, report.events[1].id, report.events[2].id = "a b", "a-b", "../x"
    files = event_files(report)
    assert len(set(files.values())) == 3
    for f in files.values():
        assert re.fullmatch(r"[A-Za-z0-9._-]+", f) and not f.startswith(".")


# --- the terminal ---------------------------------------------------------------------------

def test_terminal_overview_of_a_large_report():
    report = synthetic(5_000)
    text = render_terminal(report, full_report="reports/archive/")
    lines = text.splitlines()
    assert len(lines) <= MAX_LINES
    n = len(report.articles)
    assert lines[0] == f"framing report · lexicon t · {n} articles · 5000 events"
    assert "Overview" in lines
    assert any(line.startswith("The 20 largest events") for line in lines)
    assert "reports/archive/" in text and "report.html" in text
    assert f"Most frequent loaded terms: regime {len(report.hits):,}." in text
    assert "== " in text  # the largest events in full, as many as fit


def test_terminal_keeps_small_reports_whole():
    report = build_report()
    assert render_terminal(report) == render_terminal(report, max_lines=None)
    assert "Overview" not in render_terminal(report)


@pytest.mark.parametrize("color", [False, True])
def test_streamed_terminal_text_is_the_whole_one(color):
    """report.txt is written a line at a time: the same text as
    render_terminal's, on a small report and a large one (which the terminal
    shows as an overview but report.txt in full)."""
    from framing.report.terminal import terminal_lines

    for report in (build_report(), synthetic(400)):
        streamed = list(terminal_lines(report, color))
        assert len(streamed) > 10 and all(line.endswith("\n") for line in streamed)
        assert "".join(streamed) == render_terminal(report, color, max_lines=None)


# --- the command line -----------------------------------------------------------------------

def test_cli_charts_option(seeds_db, tmp_path):
    """--charts on `framing report`: a bad value is a usage error naming the
    choices; html with --out writes the index and the event pages beside it."""
    from click.testing import CliRunner
    from conftest import copy_store

    from framing.cli import cli

    db = copy_store(seeds_db, tmp_path / "seeds.db")
    runner = CliRunner()
    bad = runner.invoke(cli, ["report", "--db", str(db), "--charts", "some"])
    assert bad.exit_code == 2 and "none, all or top:N" in bad.output
    out = tmp_path / "site" / "index.html"
    res = runner.invoke(cli, ["report", "--db", str(db), "--format", "html", "--out", str(out),
                              "--charts", "none"], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    pages = sorted(p.name for p in (tmp_path / "site" / "events").glob("*.html"))
    report = json.loads(runner.invoke(cli, ["report", "--db", str(db), "--format", "json"]).output)
    assert pages == sorted(f"{e['id']}.html" for e in report["events"])
    index = lxml.html.document_fromstring(out.read_text(encoding="utf-8"))
    assert sorted(index.xpath("//table[@id='events']//a/@href")) == [f"events/{p}" for p in pages]
    page = (tmp_path / "site" / "events" / pages[0]).read_text(encoding="utf-8")
    assert 'href="../index.html"' in page and "<figure" not in page
    assert f"wrote {out}" in res.output


# --- the index in Chromium -------------------------------------------------------------------

@pytest.mark.slow
@pytest.mark.browser
def test_large_index_in_chromium(tmp_path):
    """3,000 events: the script lists 200 at first, "Show more" adds 200, and
    the search reaches events beyond the static rows; nothing is fetched."""
    from test_html_browser import _open, _require_chromium

    _require_chromium()
    sync_api = pytest.importorskip("playwright.sync_api")
    report = synthetic(3_000)
    path = tmp_path / "report.html"
    path.write_text(render_index(report), encoding="utf-8")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium",
                                    args=["--no-sandbox", "--disable-gpu"])
        try:
            page, errors, requests, _ = _open(browser, path.as_uri(),
                                              {"width": 1200, "height": 800})
            rows = page.locator("#events tbody tr")
            assert rows.count() == 200
            status = page.locator("#index-status").inner_text()
            assert "Showing 200 of 3,000 matching events" in status
            page.locator("#more").click()
            assert rows.count() == 400
            last = report.events[-1]  # a single-article event: not among the static rows
            page.locator("#search").fill(last.label.upper())  # case does not matter
            labels = page.locator("#events tbody tr td:first-child a").all_inner_texts()
            assert last.label in labels and len(labels) == 1
            href = page.locator("#events tbody tr td:first-child a").first.get_attribute("href")
            assert href == f"events/{event_files(report)[last.id]}.html"
            page.locator("#search").fill("")
            page.locator("#outlet").select_option(label=OUTLETS[0])
            shown = page.locator("#events tbody tr td:nth-child(4)").all_inner_texts()
            assert shown and all(OUTLETS[0] in s for s in shown)
            assert errors == [] and requests == [path.as_uri()]
        finally:
            browser.close()


# --- a real archive through the real command ---------------------------------------------------

@pytest.mark.slow
def test_framing_run_on_real_archive_export_prints_an_overview(tmp_path, data_dir):
    """150 NeuS-AllSides articles (about 50 events) as a JSONL export through
    `framing run` in a subprocess: the terminal output is an overview within
    300 lines, report.html indexes every event of report.json, each links an
    existing page, every HTML file is under 10 MB."""
    import subprocess
    import sys
    from pathlib import Path

    src = data_dir / "neus-allsides" / "raw_crawled" / "headline_11_2021-10-19_crawled_all.jsonl"
    export = tmp_path / "archive.jsonl"
    n = 0
    with src.open(encoding="utf-8") as fh, export.open("w", encoding="utf-8") as out:
        for line in fh:
            story = json.loads(line)
            for side, item in sorted((story.get("news") or {}).items()):
                if n < 150 and item and item.get("newBody") and story.get("date"):
                    out.write(json.dumps({
                        "stories_id": f"{story['id']}-{side}", "media_name": item["newsSource"],
                        "publish_date": story["date"][:10], "title": item.get("newsTitle") or "",
                        "text": "\n\n".join(item["newBody"]), "language": "en"}) + "\n")
                    n += 1
    framing = Path(sys.executable).parent / "framing"
    res = subprocess.run([str(framing), "run", str(export), "--out", str(tmp_path / "out"),
                          "--charts", "top:2"], capture_output=True, text=True, timeout=900)
    assert res.returncode == 0, res.stderr[-2000:]
    lines = res.stdout.splitlines()
    assert len(lines) <= 300
    assert "Overview" in lines and any(line.startswith("The 20 largest events") for line in lines)
    assert f"{tmp_path / 'out'}/" in res.stdout
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert len(report["events"]) > 20
    doc = lxml.html.document_fromstring((tmp_path / "out" / "report.html").read_text("utf-8"))
    data = json.loads(doc.get_element_by_id("framing-index").text)
    assert [r[0] for r in data["rows"]] == [e["id"] for e in report["events"]]
    for row in data["rows"]:
        assert (tmp_path / "out" / row[2]).is_file()
    for page in (tmp_path / "out").rglob("*.html"):
        assert page.stat().st_size < MAX_HTML_BYTES
    charted = {p.name.split("-")[0] for p in (tmp_path / "out" / "charts").glob("*.png")}
    assert 1 <= len(charted) <= 2


def test_a_share_of_the_event_pages_renders_them_as_the_whole_report_does():
    """A worker given a PageShares share (not the report) writes each page
    byte for byte as event_pages over the whole report, a near-copy's page
    included when its original is in another share."""
    import copy

    from framing.report.pages import PageShares, event_context, event_pages, share_pages
    from framing.report.safe import safe_model

    report = synthetic(12, sizes=(1, 2, 3))
    report.events[1:1] = build_report().events
    last, first = report.events[-1].articles[0], report.events[0].articles[0]
    next(a for a in report.articles if a["id"] == last)["near_duplicate_of"] = first
    safe = safe_model(report)
    whole = dict(event_pages(event_context(safe), range(len(safe.events))))
    shares = PageShares(safe)
    parts = [[0, 1], [2, 3, 4], list(range(5, len(safe.events)))]
    shared = {}
    for part in parts:
        share = copy.deepcopy(shares.share(part))  # a copy keeps nothing of the report it came from
        assert len(share["report"].articles) < len(safe.articles)
        shared.update(share_pages(share))
    assert shared.keys() == whole.keys()
    assert [k for k in whole if whole[k] != shared[k]] == []
    page = shared["events/" + event_files(safe)[safe.events[-1].id] + ".html"]
    assert f"Near-copy of article #{first}" in page


def test_add_lines_writes_text_and_bytes_in_order_whatever_their_sizes(tmp_path, monkeypatch):
    """Text is gathered before it is written (a renderer may yield a line at
    a time); bytes between texts, empty pieces and pieces larger than the
    gathering size keep their places."""
    from framing.report import files as files_mod

    monkeypatch.setattr(files_mod, "WRITE_CHARS", 8)
    pieces = ["a", "", "bc", b"\x00\xff", "é" * 3, "x" * 20, b"", "line\n", b"tail", "ü"]
    with files_mod.ReportFiles() as files:
        files.add_lines(tmp_path / "out.bin", iter(pieces))
        files.add_lines(tmp_path / "empty.txt", iter(()))
    want = b"".join(p.encode("utf-8") if isinstance(p, str) else p for p in pieces)
    assert (tmp_path / "out.bin").read_bytes() == want
    assert (tmp_path / "empty.txt").read_bytes() == b""


@pytest.mark.parametrize("caller_froze", [False, True])
def test_write_all_freezes_the_collector_only_while_it_writes(tmp_path, monkeypatch, caller_froze):
    """The report is frozen (no full collection walks it) while its files are
    written, and the collector is left as the caller had it."""
    import gc

    from framing.report import workers

    seen: list[int] = []
    real = workers.terminal_lines

    def watching(*args, **kwargs):
        seen.append(gc.get_freeze_count())
        return real(*args, **kwargs)

    monkeypatch.setattr(workers, "terminal_lines", watching)
    report = synthetic(20)
    gc.collect()
    if caller_froze:
        gc.freeze()
    try:
        before = gc.get_freeze_count()
        assert (before > 0) == caller_froze
        write_all(report, tmp_path / "out", charts="none", jobs=1)
        assert seen and seen[0] >= max(before, 1)  # report.txt was written with the collector frozen
        assert (gc.get_freeze_count() > 0) == caller_froze  # unfrozen after, unless the caller froze it
    finally:
        gc.unfreeze()


def test_files_synced_early_are_committed_or_discarded_as_the_others(tmp_path, monkeypatch):
    """Files whose syncs started early (sync_soon, in threads) are renamed
    with the rest; a sync that fails, early or late, names its file and
    leaves the previous files as they were, with no temporary file."""
    import errno
    import os

    from framing.errors import OutputError
    from framing.report import files as files_mod

    with files_mod.ReportFiles() as files:
        for k in range(30):
            files.add(tmp_path / f"f{k}.txt", f"old {k}")
            if k % 7 == 0:
                files.sync_soon()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"f{k}.txt" for k in range(30))

    real_fsync = os.fsync
    failing = {"f3.txt", "f25.txt"}

    def fsync(fd):
        name = os.path.basename(os.readlink(f"/proc/self/fd/{fd}"))
        if any(name.startswith(f".{f}.") for f in failing):
            raise OSError(errno.EIO, "Input/output error")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    for early in (True, False):
        files = files_mod.ReportFiles()
        with pytest.raises(OutputError) as err:
            with files:
                for k in range(30):
                    files.add(tmp_path / f"f{k}.txt", f"new {k}")
                    if early and k == 10:
                        files.sync_soon()  # f3 fails in a thread
        assert "f3.txt" in str(err.value)
        assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"f{k}.txt" for k in range(30))
        assert all((tmp_path / f"f{k}.txt").read_text() == f"old {k}" for k in range(30))
