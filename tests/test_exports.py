"""Archive exports as users have them: the three real exports in
../shared/data/real-pages/exports (Media Cloud story list without text, a saved
NewsAPI response, a GDELT DOC article list), and every other shape the
loaders read, checked against each export's own fields."""

from __future__ import annotations

import csv
import io
import html
import json
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from click.testing import CliRunner

from framing.cli import cli
from framing.corpus import InputFile, ingest, load_file
from framing.store import Store

from conftest import DATA, _need

EXPORTS = DATA / "real-pages" / "exports"


def _export(name: str) -> Path:
    return _need(EXPORTS / name)


def _load(path: Path, **options):
    notes: list[str] = []
    loaded, errors = load_file(InputFile(path, path.name), notes=notes, **options)
    return [r.article for r in loaded], errors, notes


def test_media_cloud_story_list_without_text_loads_as_headlines() -> None:
    path = _export("mediacloud-story-list-2022-10.csv")
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    arts, errors, notes = _load(path)
    assert not errors
    assert len(arts) == len(rows)
    by_id = {a.source_id: a for a in arts}
    for row in rows:
        art = by_id[row["stories_id"]]
        name = row["media_name"].strip()
        if name.lower().startswith(("http://", "https://")):
            # a source Media Cloud names by its address is the address's site
            name = urlsplit(name).hostname.removeprefix("www.")
        assert art.outlet == name
        assert art.title == html.unescape(row["title"]).strip()
        assert art.date == row["publish_date"][:10]
        assert (art.body, art.content) == ("", "headline")
    # Said once for the file, not once per record.
    assert notes == [f"{path.name}: {len(rows)} records have no text: headlines only"]


def test_newsapi_response_is_unwrapped_and_cut_content_marked() -> None:
    path = _export("newsapi-everything-2019-05-19.json")
    records = json.loads(path.read_text(encoding="utf-8"))["articles"]
    arts, errors, notes = _load(path)
    assert not errors and len(arts) == len(records)
    for rec, art in zip(records, arts):
        assert art.outlet == rec["source"]["name"]
        assert art.title == rec["title"]
        assert art.date == rec["publishedAt"][:10]
        assert art.byline == (rec["author"] or None)
        assert "[+" not in art.body and "chars]" not in art.body
        if rec["content"] and "[+" in rec["content"]:
            assert art.content == "truncated"
        if rec["description"] and (not rec["content"] or "[+" in rec["content"]):
            # The standfirst, then the cut text: as much of the article as NewsAPI gives.
            assert art.body.startswith(html.unescape(rec["description"]).strip()[:40])
    assert any("marked truncated" in n for n in notes)


def test_gdelt_article_list_reads_domain_seendate_and_country() -> None:
    path = _export("gdelt-doc-artlist-2025.csv")
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    arts, errors, _ = _load(path)
    assert not errors and len(arts) == len(rows)
    for row, art in zip(rows, arts):
        assert art.outlet == row["domain"]
        assert art.date == f"{row['seendate'][:4]}-{row['seendate'][4:6]}-{row['seendate'][6:8]}"
        assert art.country == row["sourcecountry"]
        assert art.title == row["title"].strip()


def test_headline_only_export_runs_end_to_end_and_every_report_says_so(tmp_path: Path) -> None:
    out = tmp_path / "out"
    res = CliRunner().invoke(cli, ["run", str(_export("mediacloud-story-list-2022-10.csv")), "--out", str(out),
                                         "--charts", "none"],
                             catch_exceptions=False)
    assert res.exit_code == 0, res.output
    assert "records have no text: headlines only" in res.output
    for name in ("report.txt", "report.md", "report.html"):
        assert "Headline-only" in (out / name).read_text(encoding="utf-8"), name
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert {a["content"] for a in report["articles"]} == {"headline"}
    # Headlines about the same story group together across outlets.
    assert any(len(ev["articles"]) > 1 for ev in report["events"])


@pytest.mark.parametrize("key", ["articles", "results", "data", "stories"])
def test_any_json_with_records_in_one_list_under_a_key(tmp_path: Path, key: str) -> None:
    doc = {"status": "ok", "count": 2, key: [
        {"id": 1, "title": "Accord &amp; aftermath", "text": "The accord was signed.", "publisher": "Harbor Ledger"},
        {"id": 2, "headline": "Strike ends", "body": "Dockers voted to end the strike.", "site_name": "Kesh Post"},
    ]}
    path = tmp_path / "wrapped.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    arts, errors, _ = _load(path)
    assert not errors
    assert [(a.source_id, a.title, a.outlet) for a in arts] == [
        ("1", "Accord & aftermath", "Harbor Ledger"), ("2", "Strike ends", "Kesh Post")]


def test_json_export_saved_as_txt_is_recognised_by_content(tmp_path: Path) -> None:
    records = [{"title": f"Story {i}", "text": f"Body of story {i}.", "media_name": "Ledger"} for i in range(3)]
    as_json = tmp_path / "export.txt"
    as_json.write_text(json.dumps({"articles": records}), encoding="utf-8")
    as_jsonl = tmp_path / "lines.txt"
    as_jsonl.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    for path, fmt in ((as_json, "json"), (as_jsonl, "jsonl")):
        arts, errors, _ = _load(path)
        assert not errors
        assert [a.title for a in arts] == ["Story 0", "Story 1", "Story 2"]
        assert {a.format for a in arts} == {fmt}


def test_entities_are_unescaped_in_every_field(tmp_path: Path) -> None:
    path = tmp_path / "e.jsonl"
    path.write_text(json.dumps({
        "title": "Don&#x2019;t panic", "text": "Ports &amp; harbours reopened.", "author": "A &amp; B",
        "media_name": "Smith &amp; Sons Daily"}) + "\n", encoding="utf-8")
    (art,), errors, _ = _load(path)
    assert (art.title, art.body, art.byline, art.outlet) == (
        "Don\u2019t panic", "Ports & harbours reopened.", "A & B", "Smith & Sons Daily")


def test_export_larger_than_the_page_limit_streams(tmp_path: Path) -> None:
    """The size limit is for pages and single records; an export of any size loads."""
    path = tmp_path / "big.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for i in range(400):
            fh.write(json.dumps({"id": i, "title": f"T{i}", "text": "word " * 50}) + "\n")
    arts, errors, _ = _load(path, max_bytes=2_000)  # far smaller than the file
    assert not errors and len(arts) == 400
    page = tmp_path / "page.txt"
    page.write_text("The accord was signed. " * 200, encoding="utf-8")
    arts, errors, _ = _load(page, max_bytes=2_000)
    assert not arts and "over the 2,000-byte limit" in str(errors[0])


def test_export_shapes_store_and_reingest_unchanged(tmp_path: Path) -> None:
    db = tmp_path / "f.db"
    paths = [_export(n) for n in ("mediacloud-story-list-2022-10.csv", "newsapi-everything-2019-05-19.json",
                                  "gdelt-doc-artlist-2025.csv")]
    with Store(db) as store:
        first = list(ingest(store, paths))
        again = list(ingest(store, paths))
    assert sum(r.counts["added"] for r in first) == 200
    assert sum(r.counts["unchanged"] for r in again) == 200 and not any(r.errors for r in again)


@pytest.mark.parametrize("text", ["[}", "[:", "[ }", "[1:2]", "[1,}]", '{"articles": [}]}'])
def test_a_stray_bracket_or_colon_where_a_record_should_be_ends_in_errors(text: str) -> None:
    """The streaming JSON reader moves on past a '}', ']' or ':' that stands
    where a value should: a few error records, never an endless run of them
    (the slow fuzz property found '[}' looping forever)."""
    import io
    from itertools import islice

    from framing.loaders.export import read_json

    records = list(islice(read_json("x.json", io.BytesIO(text.encode())), 50))
    assert 1 <= len(records) <= len(text)
    assert all(r.article is None for r in records)


def test_a_semicolon_separated_csv_with_a_byte_order_mark_loads(tmp_path: Path) -> None:
    """BABE's CSV (as spreadsheets in many locales save it: ';' between fields, a
    BOM before the header): every row is an article with its outlet and text."""
    src = _need(DATA / "babe" / "final_labels_SG2.csv")
    head = src.read_bytes().split(b"\n")[:41]
    assert head[0].startswith(b"\xef\xbb\xbftext;")
    path = tmp_path / "babe-40.csv"
    path.write_bytes(b"\n".join(head) + b"\n")
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter=";"))
    arts, errors, _ = _load(path)
    assert not errors and len(arts) == len(rows) == 40
    for art, row in zip(arts, rows):
        assert (art.outlet, art.body) == (row["outlet"], row["text"].strip())


@pytest.mark.parametrize("body, outlet, url", [("Article Text", "Publisher Name", "Article URL"),
                                               ("articleBody", "source_title", "permalink"),
                                               ("full text", "outlet_name", "story_url")])
def test_a_csv_with_another_datasets_column_names_loads_its_text(tmp_path: Path, body: str, outlet: str,
                                                                 url: str) -> None:
    """Datasets name their columns as they like ("Article Text", "articleBody"):
    BABE's sentences under such headers load as articles with their text and
    outlet, not as headlines without a text."""
    src = _need(DATA / "babe" / "final_labels_SG2.csv")
    with src.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter=";"))[:5]
    path = tmp_path / "renamed.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Headline", body, outlet, url])
        for k, row in enumerate(rows):
            w.writerow([f"Story {k}", row["text"], row["outlet"], f"https://example.org/{k}"])
    arts, errors, _ = _load(path)
    assert not errors and len(arts) == 5
    for k, (art, row) in enumerate(zip(arts, rows)):
        assert (art.body, art.outlet, art.url, art.title) == (row["text"].strip(), row["outlet"],
                                                               f"https://example.org/{k}", f"Story {k}")


@pytest.mark.parametrize("header, sep", [("title,text,outlet", ","), ("title\ttext\toutlet", "\t"),
                                         ("title;text;outlet", ";"), ("title|text|outlet", "|"),
                                         ("text", ",")])
def test_the_separator_is_the_one_the_header_uses(header: str, sep: str) -> None:
    from framing.loaders.export import csv_delimiter

    assert csv_delimiter(header + "\r\n") == sep


@pytest.mark.parametrize("notice", [
    "Copyright © 2031 The Kesh Ledger, LLC. Click here for reprint permission.",
    "(© 2031 The Vell Wire Service. All rights reserved. This material may not be redistributed.)",
    "COPYRIGHT 2031 OSTRA SYNDICATE",
])
def test_a_scraped_texts_closing_copyright_notice_is_not_the_article(tmp_path: Path, notice: str) -> None:
    """Scraped archive texts keep the page's copyright notice as their last
    paragraph; its name, "LLC" and "reprint permission" would count as the
    article's names, facts and words. Prose that mentions copyright stays."""
    prose = ("The Vell council voted on Tuesday to delay the harbour wall.\n"
             "Critics said the copyright owners of the 2030 design had not been paid.")
    path = tmp_path / "scraped.jsonl"
    path.write_text(json.dumps({"title": "Harbour wall delayed", "content": prose + "\n" + notice,
                                "source": "Kesh Ledger", "date": "2031-05-06"}) + "\n", encoding="utf-8")
    arts, errors, _ = _load(path)
    assert not errors and arts[0].body == prose.replace("\n", "\n\n")


#: Prose of an invented story, one paragraph a line.
_STORY = [
    "The Vell council voted on Tuesday to delay the harbour wall by a year.",
    "Councillor Ama Reyt said the design had doubled in cost since the spring.",
    "Work on the northern quay will go ahead as planned, the council said.",
]


@pytest.mark.parametrize("furniture", [
    "Advertisement",
    "ADVERTISEMENT:",
    "AD",
    "Story Continued Below",
    "Advertisement Continue reading the main story",
    "Sign up for Daily Newsletters Manage Newsletters",
    "Click here to get the Kesh Ledger app",
    "Follow Ama Reyt on Twitter: @amareyt",
    "Share this article Share Tweet Post Email",
    "Enlarge this image toggle caption Jan Orlo/Vell Wire Jan Orlo/Vell Wire",
    "Related: Ostra port strike enters its third week",
    "( PHOTOS: The harbour's twelve storms)",
    "Read or Share this story: https://kesh.example.com/story/4411",
])
def test_page_furniture_between_an_export_texts_paragraphs_is_not_the_article(tmp_path: Path, furniture: str) -> None:
    """Scraped texts keep the page's ad labels, "story continues" markers,
    newsletter and app prompts, share bars, a figure's controls and links to
    other stories as paragraphs of their own; their words would count as the
    article's (another story's headline among its names, 'Continued' as a
    fact). The record's raw bytes keep them."""
    content = "\n".join([_STORY[0], furniture, _STORY[1], furniture, _STORY[2], furniture])
    path = tmp_path / "scraped.jsonl"
    path.write_text(json.dumps({"title": "Harbour wall delayed", "content": content,
                                "source": "Kesh Ledger", "date": "2031-05-06"}) + "\n", encoding="utf-8")
    arts, errors, _ = _load(path)
    assert not errors and arts[0].body == "\n\n".join(_STORY)
    assert furniture.encode() in arts[0].raw or json.dumps(furniture).encode()[1:-1] in arts[0].raw


@pytest.mark.parametrize("paragraph", [
    # a short quotation two outlets both carry (syndicated copy) is the source's words
    "“Sign up, show up, and follow through.”",
    '"Click. That was all it took," Reyt said.',
    # headings and short lines of the article that use a page's words
    "Follow the Money",
    "Lawsuit to continue",
    "Main Street Below the Dam",
    "Tap, tap, tap.",
    "Uncertainty about US",
    "Page to follow Reyt",
    # a post the article embeds, even when the post is a prompt
    "Read more: https://t.example/abc — Vell Council (@vellcouncil) May 2, 2031",
    # a transcript's stage direction
    "[applause]",
    # a label's line that is a sentence, not a link
    "Watch: the council has until June to decide.",
])
def test_short_article_paragraphs_in_page_words_stay(tmp_path: Path, paragraph: str) -> None:
    """What the article says in few words stays, even in a page's vocabulary:
    quotations (also when a syndicated copy in another outlet carries the same
    short paragraph), headings, embedded posts, a transcript's directions."""
    content = "\n".join([_STORY[0], paragraph, _STORY[1], _STORY[2]])
    path = tmp_path / "copies.jsonl"
    path.write_text("".join(json.dumps({"title": "Harbour wall delayed", "content": content, "source": outlet,
                                        "date": "2031-05-06"}) + "\n"
                            for outlet in ("Kesh Ledger", "Vell Wire")), encoding="utf-8")
    arts, errors, _ = _load(path)
    assert not errors and [a.body for a in arts] == ["\n\n".join([_STORY[0], paragraph, *_STORY[1:]])] * 2


def test_a_notice_under_the_furniture_that_ends_a_text_is_the_sites(tmp_path: Path) -> None:
    """A copyright notice followed by a newsletter prompt still ends the text:
    both are the site's."""
    content = "\n".join([*_STORY, "Copyright © 2031 The Kesh Ledger, LLC. Click here for reprint permission.",
                         "Sign up for Daily Newsletters"])
    path = tmp_path / "scraped.jsonl"
    path.write_text(json.dumps({"content": content, "source": "Kesh Ledger"}) + "\n", encoding="utf-8")
    arts, errors, _ = _load(path)
    assert not errors and arts[0].body == "\n\n".join(_STORY)


def test_a_line_that_goes_on_with_the_sentence_above_stays(tmp_path: Path) -> None:
    """A scraped text may break a sentence across lines ("—Jan Orlo
    contributed" / "to this article."): the second half is that sentence's,
    even when its words alone are a page's."""
    content = "\n".join([*_STORY, "—Jan Orlo and Ama Reyt contributed", "to this article."])
    path = tmp_path / "scraped.jsonl"
    path.write_text(json.dumps({"content": content, "source": "Kesh Ledger"}) + "\n", encoding="utf-8")
    arts, errors, _ = _load(path)
    assert not errors and arts[0].body.endswith("contributed\n\nto this article.")


def _store_rows(db: Path) -> list[tuple]:
    import sqlite3

    con = sqlite3.connect(db)
    try:
        return con.execute("SELECT * FROM articles ORDER BY id").fetchall()
    finally:
        con.close()


def _ingest_with_and_without_workers(tmp_path: Path, monkeypatch, path: Path) -> tuple[list[str], dict]:
    """Ingest ``path`` with --jobs 1 and --jobs 2 into fresh stores, the export
    read in chunks of 7 lines by the workers; returns the names of the tasks
    the workers were given, and per jobs the reports and the stored rows."""
    import framing.corpus as corpus
    from framing.loaders import export

    submitted: list[str] = []
    real_submit = corpus._LazyPool.submit

    def counting(self, fn, *args):
        submitted.append(fn.__name__)
        return real_submit(self, fn, *args)

    monkeypatch.setattr(corpus._LazyPool, "submit", counting)
    monkeypatch.setattr(corpus, "PARALLEL_EXPORT_BYTES", 1)
    monkeypatch.setattr(export, "CHUNK_LINES", 7)
    results = {}
    for jobs in (1, 2):
        db = tmp_path / f"jobs{jobs}.db"
        with Store(db) as store:
            reports = ingest(store, [path], jobs=jobs)
        results[jobs] = ([(r.source, dict(r.counts), [str(e) for e in r.errors], r.notes, r.article_ids)
                          for r in reports], _store_rows(db))
    return submitted, results


def test_a_large_jsonl_export_read_by_workers_stores_what_one_process_stores(tmp_path: Path, monkeypatch) -> None:
    """--jobs 2 reads a large JSON Lines export in chunks in worker processes;
    the checks that need the whole file (a duplicate id whose first copy is in
    an earlier chunk, the headline-only count) still see all of it, and the
    store, the errors and the notes are those of one process."""
    path = tmp_path / "archive.jsonl"
    lines = []
    for i in range(40):
        lines.append(json.dumps({"id": i, "title": f"Story {i}", "media_name": f"Outlet {i % 3}",
                                 "text": f"The council met on day {i}. " * 20}))
    lines[5] = '{"id": 5, "title": "cut off'                               # invalid JSON
    lines[9] = ""                                                          # blank line
    lines[12] = json.dumps({"id": 3, "title": "Again", "text": "Copy."})   # duplicate of line 4
    lines[17] = "[1, 2]"                                                   # not an object
    lines[21] = json.dumps({"id": 21, "title": "Only a headline"})         # headline only
    lines[26] = json.dumps({"id": 26, "text": ""})                         # neither text nor title
    body = "\n".join(lines).encode("utf-8") + b"\n"
    body += json.dumps({"id": 99, "title": "Caf\u00e9", "text": "Le caf\u00e9 ferme."},
                       ensure_ascii=False).encode("latin-1") + b"\n"       # a line not in UTF-8
    path.write_bytes(body)

    submitted, results = _ingest_with_and_without_workers(tmp_path, monkeypatch, path)
    assert submitted and set(submitted) == {"read_lines"}  # only --jobs 2 used the workers
    assert results[1] == results[2]
    (source, counts, errors, notes, ids), = results[2][0]
    assert counts["added"] == 36 and counts["error"] == 4
    assert any("duplicate id '3', first at line 4" in e for e in errors)
    assert any("headline only" in n for n in notes)
    assert any("line 41: not utf-8" in n for n in notes)


def test_a_word_count_belongs_to_the_body_it_counted() -> None:
    from framing.models import Article

    art = Article(source="x", body="one two three")
    assert art.words == 3 and art.words == 3
    art.body = "one two"
    assert art.words == 2
    copy = Article(**vars(art))  # a notebook's copy
    assert copy == art and copy.words == 2
    copy.body = "one"
    assert copy.words == 1 and art.words == 2


def test_a_large_csv_export_read_by_workers_stores_what_one_process_stores(tmp_path: Path, monkeypatch) -> None:
    """The same for CSV: rows are split here (a quoted cell may hold line
    breaks), turned into articles by the workers, and the bad rows still come
    in file order with their line numbers."""
    path = tmp_path / "stories.csv"
    rows = [["stories_id", "title", "media_name", "text"]]
    for i in range(40):
        rows.append([str(i), f"Story {i}", f"Outlet {i % 3}", f"The council met on day {i}.\n\nIt voted. " * 5])
    rows[6] = ["6", "Too few"]                          # wrong number of fields
    rows[12] = ["3", "Again", "Outlet 0", "Copy."]      # duplicate of an earlier id
    rows[21] = ["121", "Only a headline", "Outlet 0", ""]  # headline only
    rows[26] = ["26", "", "Outlet 1", ""]               # neither text nor title
    buf = io.StringIO(newline="")
    csv.writer(buf, lineterminator="\n").writerows(rows)
    data = buf.getvalue().encode("utf-8") + "99,Caf\u00e9,Outlet 2,Le caf\u00e9 ferme.\n".encode("latin-1")
    path.write_bytes(data)

    submitted, results = _ingest_with_and_without_workers(tmp_path, monkeypatch, path)
    assert submitted and set(submitted) == {"csv_articles"}
    assert results[1] == results[2]
    (source, counts, errors, notes, ids), = results[2][0]
    assert counts["added"] == 38 and counts["error"] == 3
    assert any("expected 4 fields, found 2" in e for e in errors)
    assert any("duplicate id '3'" in e for e in errors)
    assert any("headline only" in n for n in notes)
    assert any("not utf-8: read as cp1252" in n for n in notes)
