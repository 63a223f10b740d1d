"""Archive exports in the shapes research tools and news APIs save them, each
as a saved response would look (invented outlets, people and text): records
wrapped two objects deep, fields inside a nested object, bodies given as
HTML, bylines that start with "By". Each must load with its outlet, date,
title, byline and body, not as zero records or one record of wrappers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from framing.cli import cli
from framing.corpus import InputFile, load_file
from framing.store import Store

BODY = "The Almera council voted on Tuesday to approve the harbour budget. The mayor said the plan was fair."


def _load(tmp_path: Path, name: str, content: object, *, lines: bool = False):
    path = tmp_path / name
    if lines:
        path.write_text("\n".join(json.dumps(r) for r in content) + "\n", encoding="utf-8")
    else:
        path.write_text(json.dumps(content), encoding="utf-8")
    loaded, errors = load_file(InputFile(path, path.name), notes=[])
    assert not errors, [str(e) for e in errors]
    return [r.article for r in loaded]


def test_records_two_objects_deep_load_event_registry(tmp_path: Path) -> None:
    record = {"uri": "8841", "lang": "eng", "isDuplicate": False, "date": "2021-03-04", "time": "08:30:00",
              "url": "https://kesh.example/a", "title": "Council approves harbour budget", "body": BODY,
              "source": {"uri": "kesh.example", "dataType": "news", "title": "Kesh Daily"},
              "authors": [{"uri": "ana@kesh.example", "name": "Ana Lee", "type": "author", "isAgency": False}]}
    other = dict(record, uri="8842", title="Harbour budget passes", source={"uri": "b.example", "title": "Almera Post"})
    arts = _load(tmp_path, "er.json", {"articles": {"results": [record, other], "totalResults": 2, "page": 1}})
    assert [(a.source_id, a.outlet, a.date, a.title, a.byline, a.body) for a in arts] == [
        ("8841", "Kesh Daily", "2021-03-04", "Council approves harbour budget", "Ana Lee", BODY),
        ("8842", "Almera Post", "2021-03-04", "Harbour budget passes", "Ana Lee", BODY)]


def test_a_search_api_response_with_headline_and_byline_objects(tmp_path: Path) -> None:
    doc = {"abstract": "The council approved the budget.", "web_url": "https://www.kesh-times.example/budget.html",
           "snippet": "The council approved the budget.", "lead_paragraph": BODY, "source": "The Kesh Times",
           "multimedia": [{"rank": 0, "url": "images/x.jpg"}],
           "headline": {"main": "Council Approves Harbour Budget", "kicker": None, "print_headline": "Budget Passes"},
           "keywords": [{"name": "glocations", "value": "Almera", "rank": 1}],
           "pub_date": "2021-03-04T08:30:00+0000",
           "byline": {"original": "By Ana Lee and Sam Orlo", "person": [{"firstname": "Ana", "lastname": "Lee"}]},
           "_id": "kt://article/1"}
    response = {"status": "OK", "copyright": "Copyright (c) 2021", "response": {"docs": [doc], "meta": {"hits": 1}}}
    (art,) = _load(tmp_path, "search.json", response)
    assert (art.source_id, art.outlet, art.date, art.title, art.byline, art.url) == (
        "kt://article/1", "The Kesh Times", "2021-03-04", "Council Approves Harbour Budget", "Ana Lee and Sam Orlo",
        "https://www.kesh-times.example/budget.html")
    # The lead paragraph is the article's own words, and only its start.
    assert art.body == BODY and art.content == "truncated"


def test_fields_in_a_nested_object_and_the_text_before_the_html(tmp_path: Path) -> None:
    html_body = ("<p>The Almera council voted on Tuesday\nto approve the harbour budget.</p>"
                 '<figure><img src="x.jpg"><figcaption>The chamber. Photograph: Kim Ode</figcaption></figure>'
                 "<p>The mayor said the plan was <strong>fair</strong>.</p>")
    result = {"id": "world/2021/mar/04/harbour", "type": "article", "sectionName": "World news",
              "webPublicationDate": "2021-03-04T08:30:00Z", "webTitle": "Council approves harbour budget",
              "webUrl": "https://www.kesh-review.example/world/2021/mar/04/harbour",
              "fields": {"headline": "Council approves harbour budget", "trailText": "A vote ends months of talks",
                         "byline": "Ana Lee", "body": html_body, "bodyText": BODY}}
    response = {"response": {"status": "ok", "total": 2, "results": [result, dict(result, id="b", fields={
        k: v for k, v in result["fields"].items() if k != "bodyText"})]}}
    with_text, html_only = _load(tmp_path, "content.json", response)
    for art in (with_text, html_only):
        assert (art.outlet, art.date, art.title, art.byline) == (
            "kesh-review.example", "2021-03-04", "Council approves harbour budget", "Ana Lee")
        assert art.content == "full"
    assert with_text.body == BODY
    # The HTML's paragraphs, its source line break a space, the figure's caption left out.
    assert html_only.body == ("The Almera council voted on Tuesday to approve the harbour budget.\n\n"
                              "The mayor said the plan was fair.")


def test_crawler_output_and_a_search_index_dump(tmp_path: Path) -> None:
    crawled = {"authors": ["Ana Lee"], "date_download": "2021-03-09 10:00:00", "date_modify": None,
               "date_publish": "2021-03-04 08:30:00", "description": "A standfirst.", "language": "en",
               "maintext": BODY, "source_domain": "www.kesh-daily.example", "title": "Council approves harbour budget",
               "title_page": None, "title_rss": None, "url": "https://www.kesh-daily.example/a"}
    dumped = {"_index": "news", "_id": "k1", "_score": 1.0, "_source": dict(crawled, url="https://www.kesh-daily.example/b")}
    a, b = _load(tmp_path, "crawl.jsonl", [crawled, dumped], lines=True)
    for art in (a, b):
        # The day it was published, not the day it was downloaded; the host without "www.".
        assert (art.outlet, art.date, art.title, art.byline, art.body) == (
            "kesh-daily.example", "2021-03-04", "Council approves harbour budget", "Ana Lee", BODY)
    assert b.source_id == "k1"


def test_a_single_article_object_is_one_record_not_a_wrapper(tmp_path: Path) -> None:
    # Its first member is an object (the outlet), but the record names article fields.
    article = {"source": {"id": None, "name": "Kesh Daily", "desk": {"name": "Metro"}},
               "author": "By Ana Lee", "title": "Council approves harbour budget",
               "publishedAt": "2021-03-04T08:30:00Z", "content": BODY}
    (art,) = _load(tmp_path, "one.json", article)
    assert (art.outlet, art.byline, art.title, art.body) == ("Kesh Daily", "Ana Lee",
                                                              "Council approves harbour budget", BODY)


@pytest.mark.parametrize("text", [
    "Use the <b> element sparingly, the style guide says.",
    "The filter turned x < 3 and y > 2 into one rule.",
])
def test_a_text_that_names_a_tag_stays_text(tmp_path: Path, text: str) -> None:
    (art,) = _load(tmp_path, "plain.json", [{"title": "Style notes", "text": text, "outlet": "Kesh Daily"}])
    assert art.body == text


def test_a_byline_that_is_a_name_beginning_with_by_is_kept(tmp_path: Path) -> None:
    (art,) = _load(tmp_path, "names.json", [{"title": "Harbour", "text": BODY, "author": "Byron Vale"}])
    assert art.byline == "Byron Vale"


def test_spreadsheet_headers_with_spaces_and_capitals(tmp_path: Path) -> None:
    path = tmp_path / "sheet.csv"
    path.write_text("Story ID,Publish Date,Headline,Media Name,Full Text,Lead Paragraph\n"
                    f'7,2021-03-04 08:30,Council approves harbour budget,Kesh Daily,"{BODY}",The council met.\n',
                    encoding="utf-8")
    loaded, errors = load_file(InputFile(path, path.name), notes=[])
    assert not errors
    (art,) = [r.article for r in loaded]
    assert (art.source_id, art.outlet, art.title, art.body) == ("7", "Kesh Daily", "Council approves harbour budget",
                                                                BODY)
    assert art.date == "2021-03-04"


@pytest.mark.parametrize("module, suffix", [("gzip", ".gz"), ("bz2", ".bz2"), ("lzma", ".xz")])
def test_a_compressed_export_in_a_folder_loads_as_the_plain_one(tmp_path: Path, module: str, suffix: str) -> None:
    import importlib

    records = [{"id": str(i), "title": f"Harbour budget vote {i}", "text": BODY, "outlet": "Kesh Daily",
                "date": "2021-03-04"} for i in range(3)]
    plain = tmp_path / "plain" / "stories.jsonl"
    packed = tmp_path / "packed" / f"stories.jsonl{suffix}"
    for path in (plain, packed):
        path.parent.mkdir()
    plain.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    packed.write_bytes(importlib.import_module(module).compress(plain.read_bytes()))
    # A compressed file cut short is one error naming it; the folder's other files still load.
    (tmp_path / "packed" / f"broken.csv{suffix}").write_bytes(packed.read_bytes()[:30])
    rows = {}
    for name in ("plain", "packed"):
        db = tmp_path / f"{name}.db"
        result = CliRunner().invoke(cli, ["ingest", "--db", str(db), str(tmp_path / name)])
        assert result.exception is None or isinstance(result.exception, SystemExit), result.output
        with Store(db) as store:
            rows[name] = sorted((a.source_id, a.title, a.outlet, a.date, a.body) for a in store.articles())
    assert rows["packed"] == rows["plain"] and len(rows["plain"]) == 3
    result = CliRunner().invoke(cli, ["ingest", "--db", str(tmp_path / "again.db"), str(tmp_path / "packed")])
    errors = [ln for ln in result.output.splitlines() if ln.startswith("error:")]
    assert len(errors) == 1 and f"broken.csv{suffix}: cannot read" in errors[0]
    assert "3 added" in result.output and "Traceback" not in result.output


PAGE = ("<!doctype html><html><head><meta charset='windows-1252'><title>Harbour budget passes | Kesh Daily</title>"
        "<meta property='og:site_name' content='Kesh Daily'></head><body><nav>Home News Sport</nav>"
        "<article><h1>Harbour budget passes</h1><p>By Ana Lee</p>"
        + "".join(f"<p>{BODY} Paragraph {i} of the caf\xe9 story.</p>" for i in range(4))
        + "</article><footer>Contact us</footer></body></html>")
PASTED = ("Menu\nSearch\n\nHarbour budget passes\n\nBy Ana Lee\n4 March 2021\n\n"
          + "\n\n".join(f"{BODY} Paragraph {i}." for i in range(4)) + "\n\nShare this article\n")


@pytest.mark.parametrize("module, suffix", [("gzip", ".gz"), ("bz2", ".bz2"), ("lzma", ".xz")])
def test_a_compressed_saved_page_or_pasted_text_loads_as_the_plain_file(tmp_path: Path, module: str,
                                                                        suffix: str) -> None:
    """Crawls and page archives keep pages compressed (``page.html.gz``): such a
    file is the page inside, decoded in the charset it declares."""
    import importlib

    plain, packed = tmp_path / "plain", tmp_path / "packed"
    for folder in (plain, packed):
        folder.mkdir()
    (plain / "kesh.html").write_bytes(PAGE.encode("cp1252"))
    (plain / "copy.txt").write_text(PASTED, encoding="utf-8")
    for name in ("kesh.html", "copy.txt"):
        (packed / f"{name}{suffix}").write_bytes(importlib.import_module(module).compress((plain / name).read_bytes()))
    # Cut short: one error naming it; the folder's other files still load.
    (packed / f"broken.html{suffix}").write_bytes((packed / f"kesh.html{suffix}").read_bytes()[:30])
    rows, outputs = {}, {}
    for name in ("plain", "packed"):
        db = tmp_path / f"{name}.db"
        result = CliRunner().invoke(cli, ["ingest", "--db", str(db), str(tmp_path / name)])
        outputs[name] = result.output
        with Store(db) as store:
            rows[name] = sorted(tuple(str(v) for v in (a.title, a.outlet, a.byline, a.date, a.body)) for a in store.articles())
    assert rows["packed"] == rows["plain"] and len(rows["plain"]) == 2
    assert any("café" in r[-1] for r in rows["plain"])
    errors = [ln for ln in outputs["packed"].splitlines() if ln.startswith("error:")]
    assert len(errors) == 1 and f"broken.html{suffix}: cannot read" in errors[0]
    assert "2 added" in outputs["packed"] and "Traceback" not in outputs["packed"]


def test_a_compressed_page_is_never_unpacked_past_the_size_limit(tmp_path: Path) -> None:
    import gzip

    path = tmp_path / "huge.html.gz"
    path.write_bytes(gzip.compress(b"<html><body><p>" + b"a " * 600_000 + b"</p></body></html>"))
    assert path.stat().st_size < 10_000
    result = CliRunner().invoke(cli, ["ingest", "--db", str(tmp_path / "s.db"), "--max-size", "1000000", str(path)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    (line,) = [ln for ln in result.output.splitlines() if ln.startswith("error:")]
    assert "huge.html.gz" in line and "over the limit" in line and "--max-size" in line


def test_a_news_data_set_csv_with_a_publication_column_and_a_written_out_name_list(tmp_path: Path) -> None:
    path = tmp_path / "news.csv"
    path.write_text(",id,title,publication,author,date,year,month,url,content\n"
                    f"""0,17283,Council approves harbour budget,Kesh Daily,"['Ana Lee', ""Sam O'Orlo""]",2021-03-04,2021.0,3.0,,"{BODY}"\n"""
                    f"""1,17284,Harbour budget passes,Almera Post,"[]",2021-03-04,2021.0,3.0,,"{BODY}"\n""",
                    encoding="utf-8")
    loaded, errors = load_file(InputFile(path, path.name), notes=[])
    assert not errors
    arts = [r.article for r in loaded]
    assert [(a.source_id, a.outlet, a.byline, a.date) for a in arts] == [
        ("17283", "Kesh Daily", "Ana Lee, Sam O'Orlo", "2021-03-04"), ("17284", "Almera Post", None, "2021-03-04")]


@pytest.mark.parametrize("cell, iso", [
    ("1394470370698", "2014-03-10"),  # milliseconds, as news aggregators' CSVs give them
    ("1394470370", "2014-03-10"),  # seconds
    ("2025090312", "2025-09-03"),  # a compact date and hour, not a moment of 2034
    ("20250903120000", "2025-09-03"),
    ("9999999999999", None),  # a number that is no date of news
    ("0000000000", None),
    ("42", None),
])
def test_a_date_column_of_unix_time_written_out(tmp_path: Path, cell: str, iso: str | None) -> None:
    path = tmp_path / "headlines.csv"
    path.write_text("ID,TITLE,URL,PUBLISHER,TIMESTAMP\n"
                    f"1,Harbour budget passes,http://kesh.example/a,Kesh Daily,{cell}\n", encoding="utf-8")
    loaded, errors = load_file(InputFile(path, path.name), notes=[])
    assert not errors
    (art,) = [r.article for r in loaded]
    assert (art.title, art.outlet, art.date) == ("Harbour budget passes", "Kesh Daily", iso)


@pytest.mark.parametrize("name, content, said", [
    ("newsapi.json", json.dumps({"status": "ok", "totalResults": 0, "articles": []}),
     "no records: its list 'articles' is empty"),
    ("list.json", "[]", "no records: the export holds none"),
    ("header.csv", "title,text,media_name\n", "no records: the export holds none"),
    ("header.csv.gz", "title,text,media_name\n", "no records: the export holds none"),
    ("channel.rss", "<rss version='2.0'><channel><title>Kesh Daily</title></channel></rss>",
     "the feed lists no items"),
])
def test_an_export_with_nothing_in_it_says_so(tmp_path: Path, name: str, content: str, said: str) -> None:
    """A query nothing matched, saved as the API gave it, or a spreadsheet's
    header row alone: one line says the file holds no records (it used to add
    nothing and say nothing, or read the wrapper as an empty record)."""
    import gzip

    path = tmp_path / name
    data = content.encode("utf-8")
    path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    loaded, errors = load_file(InputFile(path, path.name), notes=[])
    assert not loaded and len(errors) == 1 and str(errors[0]).endswith(said), [str(e) for e in errors]
    result = CliRunner().invoke(cli, ["ingest", str(path), "--db", str(tmp_path / "f.db")])
    assert result.exit_code == 1 and said in result.output and result.output.count("error:") == 1


def test_an_export_of_web_addresses_alone_says_framing_does_not_fetch(tmp_path: Path) -> None:
    """A list of links saved as a spreadsheet or JSON Lines (a bookmarking
    tool's export) holds no article: the error says why nothing loads."""
    sheet = tmp_path / "links.csv"
    sheet.write_text("outlet,link\nKesh Daily,https://kesh.example/a\nAlmera Post,https://almera.example/b\n",
                     encoding="utf-8")
    lines = tmp_path / "links.jsonl"
    lines.write_text(json.dumps({"url": "https://kesh.example/a", "source": "Kesh Daily"}) + "\n"
                     + json.dumps({"title": "Harbour budget passes", "url": "https://almera.example/b"}) + "\n",
                     encoding="utf-8")
    loaded, errors = load_file(InputFile(sheet, sheet.name), notes=[])
    assert not loaded and [str(e) for e in errors] == [
        "links.csv:1: only web addresses (column 'link'), no text or title column: framing reads no pages from "
        "the web; save the pages and give the files, or export the articles with their text"]
    loaded, errors = load_file(InputFile(lines, lines.name), notes=[])
    assert [r.article.title for r in loaded] == ["Harbour budget passes"]
    assert [str(e) for e in errors] == [
        "links.jsonl:1: record has neither text nor a title: only a web address, and framing reads no pages "
        "from the web; save the pages and give the files, or export the articles with their text"]


def test_trafilatura_json_names_the_site_not_the_address(tmp_path: Path) -> None:
    """trafilatura's JSON output (``trafilatura --json``, ``extract(output_format="json")``)
    gives the page's address as ``source`` and the site's name as ``source-hostname``:
    the outlet is the name, the address the url. Made here from real saved pages."""
    trafilatura = pytest.importorskip("trafilatura")
    from conftest import DATA, _need

    pages = sorted(_need(DATA / "real-pages" / "html").glob("*.html"))[:12]
    records = []
    for page in pages:
        out = trafilatura.extract(page.read_text(encoding="utf-8", errors="replace"), output_format="json",
                                  with_metadata=True, url=None)
        if out:
            records.append(json.loads(out))
    assert len(records) >= 8
    arts = _load(tmp_path, "extracted.jsonl", records, lines=True)
    assert len(arts) == len(records)
    named = 0
    for art, rec in zip(arts, records):
        assert not (art.outlet or "").lower().startswith("http"), art.outlet
        if rec.get("source-hostname"):
            assert art.outlet == rec["source-hostname"]
            named += 1
        if rec.get("source"):
            assert art.url == rec["source"]
    assert named >= 4


def test_an_outlet_column_of_addresses_gives_the_sites(tmp_path: Path) -> None:
    rows = [{"source": "https://www.kesh-daily.example/2031/05/harbour", "title": "Harbour budget approved",
             "text": "The Almera council approved the harbour budget on Tuesday after a long debate."},
            {"source": "https://almera-courier.example/a/1", "site_name": "Almera Courier",
             "title": "Council backs harbour plan",
             "text": "Councillors backed the harbour plan on Tuesday, and the mayor called it fair."}]
    arts = _load(tmp_path, "scraped.json", rows)
    assert [(a.outlet, a.url) for a in arts] == [
        ("kesh-daily.example", "https://www.kesh-daily.example/2031/05/harbour"),
        ("Almera Courier", "https://almera-courier.example/a/1")]
