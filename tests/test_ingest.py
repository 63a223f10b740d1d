"""Ingest through the CLI (CliRunner and a real subprocess): the seeds, bad
input in a mixed batch, HTML pages and archive exports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from framing.cli import cli
from framing.corpus import load
from framing.store import Store

from conftest import run_framing

MENU_AND_FOOTER = ("Follow Us", "Telegram", "Recent Posts", "hours ago", "Read more",
                   "licensed under", ".jpg", "Instagram", "News update")

ARTICLE = (
    "ALMERA – Ardelia and Velmora signed a water accord on Thursday, ending two years of talks "
    "over the Siran Valley, officials in both capitals said.\n\n"
    "The accord sets up a joint commission that will meet every month, and Norland will "
    "monitor the river during the first year.\n\n"
    "“This accord opens the valley to every family that depends on the river,” Hanne Lund, "
    "the Norlandic envoy, said after the signing.\n"
)


def _invoke(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)


def _jsonl(db: Path) -> list[dict]:
    res = _invoke("articles", "--db", str(db), "--format", "jsonl")
    assert res.exit_code == 0, res.output
    return [json.loads(line) for line in res.output.splitlines()]


# -- the seeds -------------------------------------------------------------------

def test_seeds_ingest_with_outlets_titles_dates_and_clean_bodies(tmp_path: Path, seeds_dir: Path, seed_files) -> None:
    db = tmp_path / "f.db"
    res = _invoke("ingest", str(seeds_dir), "--db", str(db))
    assert res.exit_code == 0, res.output
    assert res.output.count("added: ") == 5
    rows = {Path(r["source"]).name[:3]: r for r in _jsonl(db)}
    assert sorted(rows) == ["000", "001", "002", "003", "004"]
    manifest = {line.split(",")[0][:3]: line.split(",")[1]
                for line in (seeds_dir / "manifest.csv").read_text().splitlines()[1:]}
    for num, row in rows.items():
        assert row["outlet"] == manifest[num]
    assert {n: rows[n]["date"] for n in rows} == {
        "000": "2025-11-10", "001": "2025-06-07", "002": "2025-11-07", "003": "2025-11-07", "004": None}
    for num in ("000", "002", "003", "004"):
        page = seed_files[num].read_text(encoding="utf-8")
        title = rows[num]["title"]
        assert title and title in page
        # The headline is a line of its own on the page (or follows the date on it).
        assert any(line.strip().endswith(title) for line in page.splitlines())
        assert "Kazakhstan" in title
    for num, row in rows.items():
        body = row["body"]
        for junk in MENU_AND_FOOTER:
            assert junk not in body, (num, junk)
        paras = body.split("\n\n")
        page = seed_files[num].read_text(encoding="utf-8")
        first_prose = next(line.strip() for line in page.splitlines() if len(line.split()) >= 15)
        assert first_prose.endswith(paras[0]), num  # the first real paragraph, whole
        assert paras[-1].startswith(LAST_PARAGRAPH_OPENS[num]), num
        assert paras[-1] in page


# How each seed's last real paragraph opens (the page goes on with teasers or footers).
LAST_PARAGRAPH_OPENS = {"000": "At the C5+1 summit", "001": "The agreement, signed",
                        "002": "Trump praised the region", "003": "Saudi Arabia remains",
                        "004": "Calm later returned"}


def test_reingesting_the_seeds_changes_nothing(tmp_path: Path, seeds_dir: Path) -> None:
    db = tmp_path / "f.db"
    assert _invoke("ingest", str(seeds_dir), "--db", str(db)).exit_code == 0
    before = _jsonl(db)
    again = _invoke("ingest", str(seeds_dir), "--db", str(db))
    assert again.exit_code == 0, again.output
    assert again.output.count("unchanged: ") == 5
    assert "0 added, 0 updated, 5 unchanged, 0 errors" in again.output
    assert _jsonl(db) == before


def test_a_new_extractor_version_re_extracts_stored_articles_under_their_ids(
        tmp_path: Path, seeds_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Better loaders reach an existing store: the next ingest re-extracts
    every article (same ids), then the store is unchanged again."""
    import framing.corpus

    db = str(tmp_path / "f.db")
    runner = CliRunner()
    assert runner.invoke(cli, ["ingest", str(seeds_dir), "--db", db]).exit_code == 0
    with Store(db) as store:
        before = {a.id: a.source for a in store.articles()}
    monkeypatch.setattr(framing.corpus, "EXTRACTOR_VERSION", framing.corpus.EXTRACTOR_VERSION + "-next")
    again = runner.invoke(cli, ["ingest", str(seeds_dir), "--db", db])
    assert "0 added, 5 updated, 0 unchanged, 0 errors" in again.output
    with Store(db) as store:
        assert {a.id: a.source for a in store.articles()} == before
    third = runner.invoke(cli, ["ingest", str(seeds_dir), "--db", db])
    assert "0 added, 0 updated, 5 unchanged, 0 errors" in third.output


def test_articles_jsonl_has_the_contract_fields(seeds_db: Path) -> None:
    for row in _jsonl(seeds_db):
        assert list(row) == ["id", "source", "source_id", "outlet", "title", "date", "byline",
                             "dateline", "url", "event", "words", "body", "content", "country", "group"]
        assert row["content"] == "full"
        assert row["source_id"] is None and isinstance(row["words"], int) and row["words"] > 100


def test_seed_bylines_and_datelines(seeds_db: Path) -> None:
    rows = {Path(r["source"]).name[:3]: r for r in _jsonl(seeds_db)}
    assert rows["002"]["byline"] == "Staff, Agencies"
    assert rows["003"]["byline"] == "GreenWatch Desk"
    assert rows["000"]["dateline"] == "TEHRAN (Tasnim)"
    assert rows["001"]["dateline"] == "TEHRAN"


# -- bad input in a mixed batch ------------------------------------------------------

def _mixed_batch(folder: Path) -> None:
    folder.mkdir()
    (folder / "good.txt").write_text("Ardelia and Velmora sign accord\n\n" + ARTICLE, encoding="utf-8")
    (folder / "scan.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    (folder / "windows.txt").write_bytes(
        ("Caf\u00e9 owners in Almera welcome the accord\n\n"
         "ALMERA \u2013 The owner of the Caf\u00e9 R\u00e9publique said the \u201cwater accord\u201d "
         "would let her reopen the terrace by summer, and that the na\u00efve hopes of last year "
         "had finally come to something after two dry seasons in the Siran Valley.\n\n"
         "Farmers on both banks of the river said they would wait for the first deliveries "
         "before celebrating, but most welcomed the commission that Norland will chair.\n").encode("cp1252"))
    (folder / "empty.txt").write_bytes(b"")
    good = {"stories_id": 11, "media_name": "Harbor Ledger", "url": "https://harborledger.example/a",
            "publish_date": "2026-03-12 10:00:00", "title": "Accord signed", "language": "en",
            "text": "Ardelia and Velmora signed the accord.\n\nNorland will monitor the river."}
    lines = [json.dumps(good), '{"stories_id": 12, "media_name": "Harbor Ledger", "title": "Trunc',
             json.dumps({**good, "stories_id": 13, "title": "Second story"})]
    (folder / "export.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "export.csv").write_text(
        "stories_id,media_name,url,publish_date,title,language,text\n"
        "21,Velmora Voice,https://vv.example/1,2026-03-13,Accord day,en,\"The accord was signed in Kesh.\"\n"
        "22,Velmora Voice,https://vv.example/2,2026-03-13,Bad row,en\n"
        "23,Velmora Voice,https://vv.example/3,2026-03-14,Day after,en,\"Farmers waited for water.\"\n",
        encoding="utf-8")


def test_mixed_batch_reports_each_bad_input_and_keeps_the_rest(tmp_path: Path, seeds_dir: Path) -> None:
    db = tmp_path / "f.db"
    assert _invoke("ingest", str(seeds_dir), "--db", str(db)).exit_code == 0
    batch = tmp_path / "batch"
    _mixed_batch(batch)
    res = _invoke("ingest", str(batch), "--db", str(db))
    assert res.exit_code == 1, res.output
    errors = [line for line in res.output.splitlines() if line.startswith("error: ")]
    assert len(errors) == 4, res.output
    assert any(f"{batch}/scan.txt: binary file" in e for e in errors)
    assert any(f"{batch}/empty.txt: empty file" in e for e in errors)
    assert any(f"{batch}/export.jsonl:2: invalid JSON" in e for e in errors)
    assert any(f"{batch}/export.csv:3: expected 7 fields, found 6" in e for e in errors)
    assert "Traceback" not in res.output
    rows = _jsonl(db)
    assert len(rows) == 5 + 1 + 1 + 2 + 2  # seeds, good.txt, windows.txt, 2 jsonl, 2 csv
    win = next(r for r in rows if r["source"].endswith("windows.txt"))
    assert "Caf\u00e9 R\u00e9publique" in win["body"] and "\u201cwater accord\u201d" in win["body"]
    assert "\u2013" in win["body"]
    exported = {r["source_id"]: r for r in rows if r["source_id"]}
    assert sorted(exported) == ["11", "13", "21", "23"]
    assert exported["11"]["outlet"] == "Harbor Ledger" and exported["11"]["date"] == "2026-03-12"
    assert sum(1 for r in rows if "seeds" in r["source"]) == 5  # nothing stored earlier lost


@pytest.mark.slow
def test_bad_input_as_a_real_subprocess(tmp_path: Path) -> None:
    batch = tmp_path / "batch"
    _mixed_batch(batch)
    proc = run_framing("ingest", "batch", cwd=tmp_path)
    assert proc.returncode == 1
    assert "error: batch/scan.txt: binary file" in proc.stdout
    assert "Traceback" not in proc.stderr
    assert (tmp_path / "framing.db").exists()  # the default store, in the current folder


def test_size_limit_is_configurable(tmp_path: Path) -> None:
    page = tmp_path / "big.txt"
    page.write_text("Ardelia accord\n\n" + ARTICLE * 20, encoding="utf-8")
    res = _invoke("ingest", str(page), "--db", str(tmp_path / "f.db"), "--max-size", "1k")
    assert res.exit_code == 1
    assert f"error: {page}: file is" in res.output and "over the 1,024-byte limit" in res.output
    assert _invoke("ingest", str(page), "--db", str(tmp_path / "f.db"), "--max-size", "1MB").exit_code == 0


def test_missing_path_and_bad_manifest_rows_are_one_line_errors(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "manifest.csv").write_text("path,outlet\na.txt,Almera Courier\ngone.txt,Kesh Daily\n")
    res = _invoke("ingest", str(folder), str(tmp_path / "nowhere"), "--db", str(tmp_path / "f.db"))
    assert res.exit_code == 1
    assert f"error: {folder}/manifest.csv:3: names missing file gone.txt" in res.output
    assert f"error: {tmp_path / 'nowhere'}: no such file or folder" in res.output
    assert _jsonl(tmp_path / "f.db")[0]["outlet"] == "Almera Courier"


def test_web_addresses_are_named_as_such_not_as_missing_files_or_articles(tmp_path: Path, seeds_dir: Path) -> None:
    """framing reads no pages from the web: a web address given as a path, and
    a text file that is a reading list of them, each say so in one line and
    what to do instead; an article that quotes a few addresses is an article."""
    reading = tmp_path / "reading.txt"
    reading.write_text("Read before Tuesday:\nhttps://news.example/2021/05/04/harbour-vote\n"
                       "www.kesh.example/politics/harbour\nhttps://almera.example/a?id=3 https://b.example/x\n",
                       encoding="utf-8")
    article = tmp_path / "article.txt"
    article.write_text("Council approves harbour budget\n\nThe Almera council voted on Tuesday to approve the "
                       "harbour budget after a long debate. The mayor said the plan was fair to the fishermen.\n\n"
                       "https://news.example/2021/05/04/harbour-vote\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["ingest", "https://news.example/2021/05/04/harbour-vote", str(reading),
                                      str(article), str(seeds_dir / "000_ebc5d44246ea651f.txt"),
                                      "--db", str(tmp_path / "f.db")])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert [line for line in lines if line.startswith("error:")] == [
        "error: https://news.example/2021/05/04/harbour-vote: a web address: framing reads no pages from the web; "
        "save the page in your browser (Save Page As, or print it to PDF) and give the saved file",
        f"error: {reading}: a list of web addresses, not an article: framing reads no pages from the web; "
        "save each page in your browser and give the saved files"]
    assert "2 added, 0 updated, 0 unchanged, 2 errors" in lines


def test_an_empty_folder_is_named_as_such(tmp_path: Path, seeds_dir: Path) -> None:
    """A folder given that holds no file (a download that went elsewhere)
    says so, instead of a run that ends "nothing was loaded" with nothing
    above it; an empty subfolder of a folder with pages is no error."""
    empty = tmp_path / "empty"
    (empty / ".cache").mkdir(parents=True)
    (empty / ".cache" / "x.txt").write_text(ARTICLE, encoding="utf-8")
    res = _invoke("ingest", str(empty), "--db", str(tmp_path / "f.db"))
    assert res.exit_code == 1
    assert f"error: {empty}: an empty folder: no files in it" in res.output
    pages = tmp_path / "pages"
    (pages / "later").mkdir(parents=True)
    (pages / "a.txt").write_text(ARTICLE, encoding="utf-8")
    res = _invoke("ingest", str(pages), "--db", str(tmp_path / "g.db"))
    assert res.exit_code == 0 and "error:" not in res.output, res.output


def test_manifest_without_path_column_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "m.csv").write_text("file,outlet\na.txt,X\n")
    res = _invoke("ingest", str(tmp_path / "a.txt"), "--manifest", str(tmp_path / "m.csv"),
                  "--db", str(tmp_path / "f.db"))
    assert res.exit_code == 1
    assert res.output == f"Error: {tmp_path / 'm.csv'}:1: manifest needs a 'path' column (found: file, outlet)\n"


@pytest.mark.parametrize("delimiter, encoding", [(";", "cp1252"), ("\t", "utf-16"), (",", "utf-8-sig")])
def test_manifest_saved_by_a_spreadsheet_in_any_locale_applies(tmp_path: Path, delimiter: str, encoding: str) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    rows = [["path", "outlet", "event", "notes"], ["a.txt", "Almera Courier", "harbour", "Café, 3 pages"]]
    (folder / "manifest.csv").write_text(
        "".join(delimiter.join(f'"{c}"' if delimiter in c or "," in c else c for c in r) + "\r\n" for r in rows),
        encoding=encoding)
    res = _invoke("ingest", str(folder), "--db", str(tmp_path / "f.db"))
    assert res.exit_code == 0, res.output
    assert _jsonl(tmp_path / "f.db")[0]["outlet"] == "Almera Courier"


def test_unreadable_store_is_a_one_line_error(tmp_path: Path) -> None:
    (tmp_path / "junk.db").write_text("not sqlite " * 200)
    res = CliRunner().invoke(cli, ["articles", "--db", str(tmp_path / "junk.db")])
    assert res.exit_code == 1
    assert res.output.startswith("Error: ") and res.output.count("\n") == 1


# -- outlets, options, environment ---------------------------------------------------------

def test_outlet_unknown_is_stored_and_said(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    res = _invoke("ingest", str(tmp_path / "a.txt"), "--db", str(tmp_path / "f.db"))
    assert res.exit_code == 0
    assert "note: " in res.output and "outlet unknown" in res.output
    assert _jsonl(tmp_path / "f.db")[0]["outlet"] is None


def test_outlet_and_event_options(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    res = _invoke("ingest", str(tmp_path / "a.txt"), "--db", str(tmp_path / "f.db"),
                  "--outlet", "Almera Courier", "--event", "kesh-accord")
    assert res.exit_code == 0, res.output
    row = _jsonl(tmp_path / "f.db")[0]
    assert (row["outlet"], row["event"]) == ("Almera Courier", "kesh-accord")


def test_framing_db_environment_variable(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    env = {"FRAMING_DB": str(tmp_path / "env.db")}
    assert _invoke("ingest", str(tmp_path / "a.txt"), env=env).exit_code == 0
    assert (tmp_path / "env.db").exists()


def test_user_named_export_columns(tmp_path: Path) -> None:
    (tmp_path / "x.csv").write_text(
        "doc,publisher,when,headline,cuerpo\n7,Coastal Herald,12 March 2026,Accord,The accord was signed.\n")
    # Without being told, the text column is unknown: the headline loads, said once.
    res = _invoke("ingest", str(tmp_path / "x.csv"), "--db", str(tmp_path / "h.db"))
    assert res.exit_code == 0 and "1 record has no text: headline only" in res.output
    row = _jsonl(tmp_path / "h.db")[0]
    assert (row["title"], row["body"], row["content"]) == ("Accord", "", "headline")
    res = _invoke("ingest", str(tmp_path / "x.csv"), "--db", str(tmp_path / "f.db"),
                  "--column", "text=cuerpo", "--column", "id=doc", "--column", "date=when")
    assert res.exit_code == 0, res.output
    row = _jsonl(tmp_path / "f.db")[0]
    assert row["content"] == "full"
    assert (row["source_id"], row["outlet"], row["date"], row["title"]) == ("7", "Coastal Herald", "2026-03-12", "Accord")


def test_bad_column_option_is_a_usage_error(tmp_path: Path) -> None:
    res = CliRunner().invoke(cli, ["ingest", "x.csv", "--column", "colour=red"])
    assert res.exit_code == 2 and "use FIELD=COLUMN" in res.output


# -- HTML pages and exports ------------------------------------------------------

PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>{title} | Harbor Ledger</title>
<meta property="og:site_name" content="Harbor Ledger">
<meta property="og:title" content="{title}">
<meta property="article:published_time" content="2026-03-12T09:30:00+00:00">
<meta name="author" content="Mira Castell">
</head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav></header>
<main><article><h1>{title}</h1>
<p>ALMERA – Ardelia and Velmora signed a water accord on Thursday, ending two years of talks over the Siran Valley.</p>
<p>The accord sets up a joint commission that will meet every month to share out the river.</p>
<p>Norland will monitor the river during the first year, according to the text of the accord.</p>
</article></main>
<aside><h2>Most read</h2><ul><li><a href="/a">Glacier station reopens</a></li></ul></aside>
<footer><p>© 2026 Harbor Ledger. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body></html>
"""


def test_html_page_loads_with_outlet_title_date_and_clean_body(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(PAGE.format(title="Ardelia and Velmora sign water accord"), encoding="utf-8")
    [art] = load(tmp_path / "page.html")
    assert (art.outlet, art.outlet_from) == ("Harbor Ledger", "og:site_name")
    assert art.title == "Ardelia and Velmora sign water accord"
    assert art.date == "2026-03-12"
    assert art.body.startswith("ALMERA – Ardelia") and art.body.endswith("text of the accord.")
    for junk in ("Most read", "All rights reserved", "Privacy", "Sport"):
        assert junk not in art.body


def test_html_title_with_script_is_stored_as_text(tmp_path: Path) -> None:
    hostile = "Accord &lt;script&gt;alert(1)&lt;/script&gt; signed"
    (tmp_path / "page.html").write_text(PAGE.format(title=hostile), encoding="utf-8")
    db = tmp_path / "f.db"
    assert _invoke("ingest", str(tmp_path / "page.html"), "--db", str(db)).exit_code == 0
    row = _jsonl(db)[0]
    assert row["title"] == "Accord <script>alert(1)</script> signed"


def test_jsonl_export_loads_outlet_title_date_body(tmp_path: Path) -> None:
    rec = {"stories_id": 991, "media_name": "Velmora Voice", "url": "https://vv.example/s/991",
           "publish_date": "2026-03-13 08:15:00", "title": "Kesh welcomes the accord", "language": "en",
           "text": "KESH – The accord was welcomed in Kesh.\n\nFarmers said they would wait and see."}
    (tmp_path / "e.jsonl").write_text(json.dumps(rec) + "\n", encoding="utf-8")
    [art] = load(tmp_path / "e.jsonl")
    assert (art.outlet, art.title, art.date, art.source_id, art.url) == (
        "Velmora Voice", "Kesh welcomes the accord", "2026-03-13", "991", "https://vv.example/s/991")
    assert art.body == "KESH – The accord was welcomed in Kesh.\n\nFarmers said they would wait and see."


def test_outlet_from_url_when_nothing_else_tells(tmp_path: Path) -> None:
    rec = {"id": "x1", "url": "https://www.kesh-standard.example/a", "text": "The accord."}
    (tmp_path / "e.jsonl").write_text(json.dumps(rec) + "\n", encoding="utf-8")
    [art] = load(tmp_path / "e.jsonl")
    assert (art.outlet, art.outlet_from) == ("kesh-standard.example", "url")


def test_load_collects_errors_for_notebooks(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"   \n")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    errors: list = []
    arts = load(tmp_path, errors=errors)
    assert len(arts) == 1 and [str(e) for e in errors] == [f"{tmp_path}/empty.txt: empty file"]


# -- the CLI as a real program ------------------------------------------------------

@pytest.mark.slow
def test_python_dash_m_framing_ingests_and_lists(tmp_path: Path, seeds_dir: Path) -> None:
    proc = run_framing("ingest", str(seeds_dir), "--db", "s.db", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.splitlines()[-1] == "5 added, 0 updated, 0 unchanged, 0 errors"
    listing = run_framing("articles", "--db", "s.db", cwd=tmp_path)
    assert listing.returncode == 0
    assert listing.stdout.splitlines()[0].split() == ["id", "outlet", "date", "words", "title"]
    assert "Tasnim News Agency" in listing.stdout and "GreenWatch Dhaka" in listing.stdout


def test_help_for_every_command() -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    for name, command in cli.commands.items():
        assert command.help, f"{name} has no help text"
        assert f"framing {name}" in readme, f"README does not show `framing {name}`"
        res = CliRunner().invoke(cli, [name, "--help"])
        assert res.exit_code == 0 and "Usage: " in res.output


# -- the demo corpus: every loader on our own fictional pages ---------------------

def test_demo_corpus_loads_through_every_loader(demo_db: Path) -> None:
    rows = _jsonl(demo_db)
    by_format: dict[str, list[dict]] = {}
    with Store(demo_db) as store:
        formats = {a.id: (a.format, a.outlet_from) for a in store.articles()}
    for r in rows:
        by_format.setdefault(formats[r["id"]][0], []).append(r)
    assert set(by_format) == {"text", "html", "jsonl", "csv"}
    for r in rows:
        assert r["outlet"] and r["title"] and r["date"], r["source"]
        for junk in ("Share", "Read more", "Recent Posts", "hours ago", ".jpg", "All rights reserved"):
            assert junk not in r["body"], (r["source"], junk)
    # Where each outlet name came from: the manifest for pages, the export's own field for records.
    assert {formats[r["id"]][1] for r in by_format["text"] + by_format["html"]} == {"manifest"}
    assert {formats[r["id"]][1] for r in by_format["jsonl"] + by_format["csv"]} == {"export"}
    assert all(r["source_id"] for r in by_format["jsonl"] + by_format["csv"])


def test_html_outlet_comes_from_og_site_name_without_a_manifest(tmp_path: Path) -> None:
    from framing.resources import as_path, demo_corpus

    import shutil

    with as_path(demo_corpus()) as corpus:
        for page in sorted(corpus.glob("*.html")):
            shutil.copy(page, tmp_path / page.name)  # away from the corpus's manifest
    arts = load(tmp_path)
    assert len(arts) == 2
    assert all(a.outlet_from == "og:site_name" and a.outlet for a in arts)


def test_framing_output_folders_inside_the_input_are_not_read(tmp_path: Path) -> None:
    """`framing run .` twice must not ingest its own reports from the first run."""
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "a.txt").write_text(ARTICLE, encoding="utf-8")
    first = CliRunner().invoke(cli, ["run", str(pages), "--out", str(pages / "out"), "--outlet", "Harbor Ledger",
                                     "--charts", "none"])
    assert first.exit_code == 0, first.output
    again = CliRunner().invoke(cli, ["run", str(pages), "--out", str(pages / "out"), "--outlet", "Harbor Ledger",
                                     "--charts", "none"])
    assert again.exit_code == 0, again.output
    assert "report" not in again.output.split("framing report")[0]
    assert again.output.startswith(f"unchanged: {pages}/a.txt\n0 added, 0 updated, 1 unchanged, 0 errors\n")


def test_run_with_nothing_to_read_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "slides.pptx").write_bytes(b"PK\x03\x04 not really")
    res = CliRunner().invoke(cli, ["run", str(tmp_path), "--out", str(tmp_path / "out")])
    assert res.exit_code == 1
    assert "note: passed over 1 file that no loader reads (.pptx 1; it reads .arc, " in res.output
    assert res.output.rstrip().endswith("Error: no articles to compare: nothing was loaded (see the lines above)")


def test_a_large_batch_prints_errors_and_totals_not_a_line_per_file(tmp_path: Path, data_dir: Path,
                                                                   monkeypatch) -> None:
    """A folder of more than FILE_LINES_MAX files (here the 32 real pasted pages
    and one broken file, with the limit lowered to 20 to keep the test fast)
    prints no line per good file, but still one line naming each bad file, and
    the totals; a batch under the limit still gets its line per file."""
    import framing.cli

    pages = data_dir / "real-pages" / "pasted"
    folder = tmp_path / "pages"
    folder.mkdir()
    for p in sorted(pages.glob("*.txt")):
        (folder / p.name).write_bytes(p.read_bytes())
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02" * 200)
    n = len(list(folder.iterdir()))
    monkeypatch.setattr(framing.cli, "FILE_LINES_MAX", 20)
    assert n > 20
    res = _invoke("ingest", str(folder), "--db", str(tmp_path / "f.db"))
    lines = res.output.splitlines()
    assert not any(line.startswith(("added: ", "unchanged: ", "loaded: ")) for line in lines)
    errors = [line for line in lines if line.startswith("error: ")]
    assert len(errors) == 1 and "broken.txt" in errors[0]
    assert lines[-1] == f"{n} files (1 with errors): {n - 1} added, 0 updated, 0 unchanged, 1 error"
    assert res.exit_code == 1
    monkeypatch.setattr(framing.cli, "FILE_LINES_MAX", 50)
    again = _invoke("ingest", str(folder), "--db", str(tmp_path / "f.db"))
    assert again.output.count("unchanged: ") == n - 1


def test_ingest_says_which_articles_are_not_in_english(tmp_path: Path, seeds_dir: Path) -> None:
    # The lexicons are English: a user comparing a Spanish outlet with English
    # ones must be told that its low rate means nothing. Invented articles.
    (tmp_path / "es.txt").write_text(
        "El puerto de Almera reabre tras la tormenta\n\n"
        "El puerto de Almera volvió a abrir el lunes después de que la tormenta obligara a cerrar "
        "los muelles durante tres días. Las autoridades dijeron que los barcos de pesca podrán "
        "salir de nuevo esta semana y que los daños fueron menores de lo que se temía.\n", encoding="utf-8")
    (tmp_path / "en.txt").write_text(
        "Almera port reopens after the storm\n\n"
        "The port of Almera reopened on Monday after the storm had closed its docks for three days. "
        "Officials said that the fishing boats would be able to sail again this week and that the "
        "damage was less than had been feared.\n", encoding="utf-8")
    (tmp_path / "export.jsonl").write_text(json.dumps({
        "title": "Kesh harbour closed", "text": "A text whose export names its language.",
        "language": "pt-BR", "media_name": "Kesh Post"}) + "\n", encoding="utf-8")
    db = tmp_path / "f.db"
    result = CliRunner().invoke(cli, ["ingest", str(tmp_path), "--db", str(db)])
    assert result.exit_code == 0, result.output
    notes = [ln for ln in result.output.splitlines() if "not in English" in ln]
    assert notes == [notes[0]] and notes[0].startswith("note: 2 of the 3 articles stored are not in English (es 1, pt 1)")
    # nothing new stored, nothing said again; English alone, nothing said
    again = CliRunner().invoke(cli, ["ingest", str(tmp_path), "--db", str(db)])
    assert "not in English" not in again.output
    seeds = CliRunner().invoke(cli, ["ingest", str(seeds_dir), "--db", str(tmp_path / "s.db")])
    assert seeds.exit_code == 0 and "not in English" not in seeds.output

    # The report says it too, in the event's reading note under the rates
    # (every format prints that note); the seeds' notes say nothing of it.
    one = tmp_path / "one.db"
    pages = [str(tmp_path / "es.txt"), str(tmp_path / "en.txt")]
    assert CliRunner().invoke(cli, ["ingest", *pages, "--db", str(one), "--event", "port"]).exit_code == 0
    assert CliRunner().invoke(cli, ["analyze", "--db", str(one)]).exit_code == 0
    report = json.loads(CliRunner().invoke(cli, ["report", "--db", str(one), "--format", "json"]).output)
    [event] = report["events"]
    from framing.compare import _notes
    from framing.models import Article

    alone = _notes([Article(source="a", body="", title="", language="da")])["density"]
    assert alone.endswith(" The article is not in English (da): framing's lexicons are English and are "
                          "not matched in it (a --lexicon-dir of yours is), so its outlet's rate is not "
                          "comparable with English outlets'.")
    both = _notes([Article(source="a", body="", title="", language="da"),
                   Article(source="b", body="", title="", language="es-ES")])["density"]
    assert " None of the 2 articles is in English (da 1, es 1): " in both
    assert event["notes"]["density"].endswith(
        "1 of the 2 articles are not in English (es 1): framing's lexicons are English and are not "
        "matched in them (a --lexicon-dir of yours is), so their outlets' rates are not comparable "
        "with English outlets'.")
    assert CliRunner().invoke(cli, ["analyze", "--db", str(tmp_path / "s.db")]).exit_code == 0
    seeds_report = json.loads(CliRunner().invoke(
        cli, ["report", "--db", str(tmp_path / "s.db"), "--format", "json"]).output)
    assert seeds_report["events"] and all(
        "not in English" not in e["notes"]["density"] for e in seeds_report["events"])


def test_a_language_an_export_names_or_a_script_of_its_own_says_not_english(tmp_path: Path) -> None:
    # GDELT lists name the language ("Arabic"), Event Registry gives ISO 639-3
    # ("eng"); a headline in Chinese or Hebrew has no stop words to count.
    # Invented headlines.
    records = [
        {"id": "1", "title": "Kesh harbour closed", "language": "Arabic", "domain": "a.example"},
        {"id": "2", "title": "Kesh harbour reopens after the storm", "lang": "eng", "domain": "b.example"},
        {"id": "3", "title": "阿尔梅拉港口风暴后重新开放", "domain": "c.example"},
        {"id": "4", "title": "נמל אלמרה נפתח מחדש אחרי הסערה", "domain": "d.example"},
        {"id": "5", "title": "Kesh harbour closed for a week", "language": "Portuguese (Brazil)", "domain": "e.example"},
        {"id": "6", "title": "Kesh harbour talks", "language": "Klingonese", "domain": "f.example"},
    ]
    (tmp_path / "list.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    result = CliRunner().invoke(cli, ["ingest", str(tmp_path / "list.jsonl"), "--db", str(tmp_path / "f.db")])
    assert result.exit_code == 0, result.output
    notes = [ln for ln in result.output.splitlines() if "not in English" in ln]
    assert notes and notes[0].startswith("note: 4 of the 6 articles stored are not in English (ar 1, he 1, pt 1, zh 1)")


def test_soft_hyphens_leave_every_kind_of_input(tmp_path: Path) -> None:
    """A soft hyphen (U+00AD, "&shy;") marks where a word may break and is
    shown only there. Pages that hyphenate copy with it inside words; kept,
    it would hide those words from the lexicon ("slam\\u00admed"). Pasted
    text, an HTML page and an export record all store the words whole."""
    from framing.detect import Detector, load_lexicon

    shy = "\u00ad"
    title = f"Ardelia and Vel{shy}mora sign water ac{shy}cord"
    said = f"Velmora's envoy slam{shy}med the delay on Thursday, officials in both capitals said."
    (tmp_path / "pasted.txt").write_text(title + "\n\n" + ARTICLE.replace(
        "officials in both capitals said.", said.split(", ", 1)[0] + "."), encoding="utf-8")
    (tmp_path / "page.html").write_text(PAGE.format(title=title.replace(shy, "&shy;")).replace(
        "Norland will monitor", "Velmora's envoy slam&shy;med the delay. Norland will monitor"), encoding="utf-8")
    rec = {"id": "s1", "media_name": "Velmora Voice", "title": title, "text": said}
    (tmp_path / "e.jsonl").write_text(json.dumps(rec) + "\n", encoding="utf-8")
    detector = Detector(load_lexicon()).fit()
    for name in ("pasted.txt", "page.html", "e.jsonl"):
        [art] = load(tmp_path / name)
        assert shy not in art.title + art.body, name
        assert art.title == "Ardelia and Velmora sign water accord", name
        assert "slammed" in art.body, name
        assert any(h.term == "slammed" for h in detector.analyze(art).hits), name


SAVED_PAGE = ("<!doctype html><html><head><title>Accord signed | Harbor Ledger</title>"
        "<meta property='og:site_name' content='Harbor Ledger'></head><body><article><h1>Accord signed</h1>"
        + "".join(f"<p>{p}</p>" for p in ARTICLE.split("\n\n")) + "</article></body></html>")
SAVED_FRAME = ("<!doctype html><html><body><blockquote><p>We are thrilled to share our harbour plan today, and we "
         "thank everyone in Almera who helped us get here this summer.</p>— Kesh Port</blockquote></body></html>")


@pytest.mark.parametrize("companion, resource", [
    ("Accord signed - Harbor Ledger_files", "style.css"),  # Chrome, Firefox
    ("Accord signed - Harbor Ledger-Dateien", None),  # a localised browser's word for "files"
    ("Accord signed - Harbor Ledger_assets", "tracker.js"),  # any name, holding a page's scripts
])
def test_a_page_saved_complete_is_one_article_not_its_frames(tmp_path: Path, companion: str,
                                                             resource: str | None) -> None:
    """"Webpage, Complete" saves the page beside a folder of its images,
    scripts and embedded frames (advertisements, posts): those frames are no
    articles. A folder of articles that merely shares a page's name is read."""
    folder = tmp_path / "pages"
    (folder / companion).mkdir(parents=True)
    (folder / "Accord signed - Harbor Ledger.html").write_text(SAVED_PAGE, encoding="utf-8")
    (folder / companion / "saved_resource.html").write_text(SAVED_FRAME, encoding="utf-8")
    if resource:
        (folder / companion / resource).write_text("x", encoding="utf-8")
    (folder / "Accord signed - Harbor Ledger_archive").mkdir()  # articles the user filed there
    (folder / "Accord signed - Harbor Ledger_archive" / "earlier.html").write_text(SAVED_PAGE.replace(
        "Accord signed", "Talks resume"), encoding="utf-8")
    db = tmp_path / "s.db"
    res = _invoke("ingest", "--db", str(db), str(folder))
    assert res.exit_code == 0, res.output
    assert sorted(a["title"] for a in _jsonl(db)) == ["Accord signed", "Talks resume"]
