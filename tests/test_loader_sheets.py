"""Spreadsheets (.xlsx, .ods) and Parquet files read as archive exports.

Every workbook here is built in the test, from invented rows, with the
programs' own libraries (openpyxl, odfpy, pyarrow) so the files are shaped as
those programs write them."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import sys
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from click.testing import CliRunner

from framing import corpus
from framing.cli import cli
from framing.errors import InputError
from framing.store import Store

from conftest import benchmark_module, run_framing

openpyxl = pytest.importorskip("openpyxl")

HEADER = ["Date", "Headline", "Opening Text", "Source", "Author", "URL", "Reach"]
ROWS = [
    [dt.datetime(2026, 11, 3, 9, 30), "Harbour wall plan wins the council vote",
     "The council of Almera voted on Tuesday to rebuild the old harbour wall. Opponents called it a waste.",
     "Almera Courier", "Ana Lee", "https://courier.example/harbour-wall", 12000],
    [dt.date(2026, 11, 4), "Harbour vote splits the town",
     "Residents were divided after the vote. Supporters praised a bold plan that brings jobs.",
     "Kesh Daily", "Bo Ray", "https://kesh.example/harbour-vote", 3400],
]


def _read(path: Path, **options: object) -> tuple[list[corpus.LoadedRecord], list[str], list[str]]:
    notes: list[str] = []
    loaded, errors = [], []
    f = corpus.InputFile(path, path.name, None)
    for item in corpus.iter_file(f, notes=notes, **options):  # type: ignore[arg-type]
        if isinstance(item, InputError):
            errors.append(str(item))
        else:
            loaded.append(item)
    return loaded, errors, notes


def _fields(loaded: list[corpus.LoadedRecord]) -> list[tuple[object, ...]]:
    return [(r.article.title, r.article.body, r.article.date, r.article.outlet, r.article.byline, r.article.url,
             r.article.content) for r in loaded]


def _with_cached_value(path: Path, formula: str, value: str) -> None:
    """Give a formula cell the value a spreadsheet program saves beside it
    (openpyxl writes the formula alone, as a program would before computing)."""
    out = io.BytesIO()
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename.startswith("xl/worksheets/sheet"):
                text = data.decode("utf-8")
                text = re.sub(r'<c r="([A-Z]+\d+)"><f>' + re.escape(formula) + r"</f><v\s*/?>(?:</v>)?",
                              lambda m: f'<c r="{m.group(1)}" t="str"><f>{formula}</f><v>{value}</v>', text)
                data = text.encode("utf-8")
            zout.writestr(info, data)
    path.write_bytes(out.getvalue())


def _monitoring_workbook(path: Path) -> Path:
    """A media-monitoring export as a workbook: a cover sheet, then the
    mentions under a title row and a blank row, with a day number for a
    date, a hyperlinked "Link" cell, an outlet merged down two rows and a
    headline given by a formula."""
    wb = openpyxl.Workbook()
    cover = wb.active
    cover.title = "Cover"
    cover.append(["Coverage report for the harbour search"])
    cover.append(["Report generated on 30 November 2026"])
    ws = wb.create_sheet("Mentions")
    ws.append(["Harbour coverage, November"])
    ws.merge_cells("A1:G1")
    ws.append([])
    ws.append(HEADER)
    for row in ROWS:
        ws.append(row)
    ws.append([46000, "Town hall answers the critics of the wall", "The mayor defended the costs at length.",
               "Kesh Daily", None, "Link", 50.0])
    ws["F6"].hyperlink = "https://kesh.example/answers"
    ws.append([dt.datetime(2026, 11, 6), '="Wall "&"work begins"', "Crews arrived at dawn to start on the wall.",
               None, None, None, None])
    ws.merge_cells("D6:D7")
    wb.save(path)
    _with_cached_value(path, '"Wall "&amp;"work begins"', "Wall work begins")
    return path


def test_a_monitoring_workbook_reads_as_its_csv_would(tmp_path: Path) -> None:
    loaded, errors, notes = _read(_monitoring_workbook(tmp_path / "mentions.xlsx"))
    assert errors == []
    got = _fields(loaded)
    assert got[0] == ("Harbour wall plan wins the council vote", ROWS[0][2], "2026-11-03", "Almera Courier",
                      "Ana Lee", "https://courier.example/harbour-wall", "truncated")
    assert got[1][2] == "2026-11-04"
    # Excel's day number 46000 in the date column; the "Link" cell's address as the URL
    assert got[2][2] == "2025-12-09" and got[2][5] == "https://kesh.example/answers"
    # the formula's saved value; Kesh Daily merged down from the row above
    assert got[3][0] == "Wall work begins" and got[3][3] == "Kesh Daily"
    assert all(r.article.format == "xlsx" for r in loaded)
    # a number stays a number: the record holds 12000 and 50, not 12000.0
    assert json.loads(loaded[0].article.raw)["Reach"] == "12000"
    assert json.loads(loaded[2].article.raw)["Reach"] == "50"
    assert notes[0] == "mentions.xlsx: read sheet 'Mentions'; passed over 'Cover' (no text or title column)"

    # The same rows saved as CSV give the same articles: one mapping.
    csv_rows = [",".join(HEADER)] + [
        ",".join(['"%s"' % c for c in ("2026-11-03T09:30:00", *ROWS[0][1:6], "12000")]),
        ",".join(['"%s"' % c for c in ("2026-11-04", *ROWS[1][1:6], "3400")])]
    (tmp_path / "mentions.csv").write_text("\n".join(csv_rows) + "\n", encoding="utf-8")
    as_csv, errors, _ = _read(tmp_path / "mentions.csv")
    assert errors == [] and _fields(as_csv) == got[:2]


def test_several_sheets_are_read_and_named_and_columns_are_the_users(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    for name, title in (("Week 1", "Bridge reopens after repairs"), ("Week 2", "Bridge closes again")):
        ws = wb.create_sheet(name)
        ws.append(["Outlet", "Story", "Published"])
        ws.append(["Almera Courier", f"{title}. Drivers cheered the news on the first morning.",
                   "2026-11-0" + name[-1]])
    del wb["Sheet"]
    wb["Week 2"]["B2"].hyperlink = "https://courier.example/bridge-closes"  # no URL column: the link is one
    wb.save(tmp_path / "coding.xlsx")
    loaded, errors, notes = _read(tmp_path / "coding.xlsx")
    assert loaded == [] and errors == [
        "coding.xlsx: none of the 2 sheets ('Week 1'): no text or title column (looked for text, bodytext, body, "
        "content_original, content, article, story_text, full_text, maintext, newbody, article_text, articletext, "
        "article_body, articlebody, body_text, fulltext, story_body, news_text, content_text, title, headline, "
        "newstitle, webtitle, article_title, headline_text, news_title; name yours with --column text=NAME); "
        "its first row holds 'Outlet', 'Story', 'Published'"]
    loaded, errors, notes = _read(tmp_path / "coding.xlsx", columns={"body": "story", "group": "Outlet"})
    assert errors == []
    assert [(r.article.body[:22], r.article.outlet, r.article.date, r.article.group, r.article.url)
            for r in loaded] == [
        ("Bridge reopens after r", "Almera Courier", "2026-11-01", "Almera Courier", None),
        ("Bridge closes again. D", "Almera Courier", "2026-11-02", "Almera Courier",
         "https://courier.example/bridge-closes")]
    assert notes == ["coding.xlsx: read sheets 'Week 1', 'Week 2'"]


def test_a_long_cell_and_empty_rows_and_the_workers_give_the_same_records(tmp_path: Path) -> None:
    long_text = " ".join(f"Sentence {k} of the long report on the harbour." for k in range(650))
    assert len(long_text) > 30_000
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["title", "text", "outlet"])
    for k in range(1200):
        if k % 400 == 0:
            ws.append([])
        ws.append([f"Story {k}", long_text if k == 7 else f"Text number {k} about the wall.", "Kesh Daily"])
    wb.save(tmp_path / "big.xlsx")
    alone, errors, _ = _read(tmp_path / "big.xlsx")
    assert errors == [] and len(alone) == 1200
    assert alone[7].article.body == long_text
    with ThreadPoolExecutor(2) as pool:
        pooled, errors, _ = _read(tmp_path / "big.xlsx", submit=pool.submit)
    assert errors == [] and [r.record for r in pooled] == [r.record for r in alone]
    assert _fields(pooled) == _fields(alone)


def _ole2(extra: bytes) -> bytes:
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + extra + bytes(512)


@pytest.mark.parametrize("name, data, problem", [
    ("locked.xlsx", _ole2("EncryptedPackage".encode("utf-16-le")),
     "a password-protected workbook: open it, save a copy without the password (or as CSV UTF-8) and give that file"),
    ("old.xls", _ole2(b"Workbook"), "an old Excel workbook (.xls): save it as .xlsx or CSV UTF-8 and give that file"),
    ("notes.xlsx", b"Title,Text\nnot a workbook at all\n",
     "not a workbook (it is no zip archive): save the sheet as .xlsx, .ods or CSV"),
    ("table.feather", b"ARROW1\x00\x00", "a Feather (Arrow) file, not an export framing reads: save the table as "
                                         "Parquet, CSV or JSON Lines (one article a row) and give that file"),
    ("frame.pkl", b"\x80\x04\x95", "a Python pickle (framing never loads one: unpickling can run code), not an "
                                   "export framing reads: save the table as Parquet, CSV or JSON Lines (one "
                                   "article a row) and give that file"),
    ("survey.sav", b"$FL2", "an SPSS data file, not an export framing reads: save the table as Parquet, CSV or "
                            "JSON Lines (one article a row) and give that file"),
])
def test_files_framing_cannot_read_say_what_to_give(tmp_path: Path, name: str, data: bytes, problem: str) -> None:
    (tmp_path / name).write_bytes(data)
    assert _read(tmp_path / name) == ([], [f"{name}: {problem}"], [])


def test_a_workbook_cut_short_is_one_error(tmp_path: Path) -> None:
    data = _monitoring_workbook(tmp_path / "whole.xlsx").read_bytes()
    (tmp_path / "cut.xlsx").write_bytes(data[: len(data) // 2])
    loaded, errors, _ = _read(tmp_path / "cut.xlsx")
    assert loaded == [] and len(errors) == 1
    assert errors[0].startswith("cut.xlsx: not a readable workbook (")


def _ods(path: Path, rows: list[list[object]], *, encrypted: bool = False) -> Path:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import CoveredTableCell, Table, TableCell, TableRow
    from odf.text import A, P

    doc = OpenDocumentSpreadsheet()
    table = Table(name="Coding")
    for row in rows:
        tr = TableRow()
        for value in row:
            if value == "covered":
                tr.addElement(CoveredTableCell())
                continue
            if isinstance(value, tuple) and value[0] == "down":
                cell = TableCell(valuetype="string", numberrowsspanned=value[2])
                cell.addElement(P(text=value[1]))
            elif isinstance(value, tuple) and value[0] == "link":
                cell = TableCell(valuetype="string")
                p = P()
                p.addElement(A(href=value[2], text=value[1]))
                cell.addElement(p)
            elif isinstance(value, dt.date):
                cell = TableCell(valuetype="date", datevalue=value.isoformat())
                cell.addElement(P(text=value.strftime("%d/%m/%y")))
            elif isinstance(value, (int, float)):
                cell = TableCell(valuetype="float", value=str(value))
                cell.addElement(P(text=str(value)))
            elif value is None:
                cell = TableCell()
            else:
                cell = TableCell(valuetype="string")
                cell.addElement(P(text=str(value)))
            tr.addElement(cell)
        table.addElement(tr)
    table.addElement(TableRow(numberrowsrepeated=1_000_000))  # a sheet's trailing empty rows
    doc.spreadsheet.addElement(table)
    doc.save(str(path))
    if encrypted:
        with zipfile.ZipFile(path, "a") as z:
            z.writestr("META-INF/manifest.xml", '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:'
                       'opendocument:xmlns:manifest:1.0"><manifest:encryption-data/></manifest:manifest>')
    return path


def test_an_opendocument_sheet_reads_as_its_csv_would(tmp_path: Path) -> None:
    path = _ods(tmp_path / "coding.ods", [
        ["Coding sheet, wave 2"],
        ["Outlet", "Date", "Title", "Text", "Link"],
        [("down", "Almera Courier", 2), dt.date(2026, 11, 3), "Wall vote passes",
         "The harbour wall plan passed. Critics called it reckless.", ("link", "open", "https://courier.example/a")],
        ["covered", 46001, "Second story", "Another text about the wall.", None],
    ])
    loaded, errors, notes = _read(path)
    assert errors == [] and notes == []
    assert _fields(loaded) == [
        ("Wall vote passes", "The harbour wall plan passed. Critics called it reckless.", "2026-11-03",
         "Almera Courier", None, "https://courier.example/a", "full"),
        ("Second story", "Another text about the wall.", "2025-12-10", "Almera Courier", None, None, "full")]
    assert {r.article.format for r in loaded} == {"ods"}


def test_a_password_protected_opendocument_sheet_is_one_error(tmp_path: Path) -> None:
    with pytest.warns(UserWarning):  # zipfile: the manifest's name twice, as a re-saved file may hold
        path = _ods(tmp_path / "locked.ods", [["Title", "Text"], ["A", "B"]], encrypted=True)
    assert _read(path)[1] == ["locked.ods: a password-protected workbook: open it, save a copy without the "
                              "password (or as CSV UTF-8) and give that file"]


def test_a_meltwater_shaped_csv_in_utf16_with_tabs(tmp_path: Path) -> None:
    """Meltwater's classic export: UTF-16 with tabs, the article's opening
    and the passage that matched, the writer as "Influencer", a clock glued
    to its AM/PM."""
    header = ["Date", "Headline", "URL", "Opening Text", "Hit Sentence", "Source", "Influencer", "Country",
              "Sentiment", "Document ID"]
    row = ["07-Nov-2026 05:12PM", "Wall vote passes", "https://courier.example/w",
           "The vote on the wall passed today in Almera after a long night.", "... the wall passed ...",
           "Almera Courier", "Ana Lee", "Almera", "Neutral", "mw-0001"]
    (tmp_path / "meltwater.csv").write_bytes(("\t".join(header) + "\n" + "\t".join(row) + "\n").encode("utf-16"))
    loaded, errors, notes = _read(tmp_path / "meltwater.csv")
    assert errors == []
    art = loaded[0].article
    assert (art.title, art.date, art.outlet, art.byline, art.country, art.source_id, art.content) == (
        "Wall vote passes", "2026-11-07", "Almera Courier", "Ana Lee", "Almera", "mw-0001", "truncated")
    assert art.body == row[3]
    assert notes == ["meltwater.csv: 1 record carries only the start of the article (the export cut the text): "
                     "marked truncated"]


def test_a_parquet_news_set_in_cc_news_shape(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    table = pa.table({
        "title": ["Harbour wall vote", "Wall vote splits town", None],
        "text": ["The council voted for the wall. Critics called it reckless.",
                 "Residents were divided after the vote.", None],
        "domain": ["courier.example", "www.kesh.example", "kesh.example"],
        "date": [dt.datetime(2026, 11, 3, 10), dt.datetime(2026, 11, 4), dt.datetime(2026, 11, 5)],
        "description": ["A vote on the wall.", "Division.", None],
        "url": ["https://courier.example/1", "https://kesh.example/2", "https://kesh.example/3"],
        "image_url": [None, None, None],
        "thumbnail": pa.array([b"\x89PNG", None, None], pa.binary()),
    })
    pq.write_table(table, tmp_path / "cc_news.parquet", row_group_size=2)
    loaded, errors, _ = _read(tmp_path / "cc_news.parquet")
    assert [(a.title, a.outlet, a.date, a.url) for a in (r.article for r in loaded)] == [
        ("Harbour wall vote", "courier.example", "2026-11-03", "https://courier.example/1"),
        ("Wall vote splits town", "kesh.example", "2026-11-04", "https://kesh.example/2")]
    assert errors == ["cc_news.parquet:3: record has neither text nor a title: only a web address, and framing "
                      "reads no pages from the web; save the pages and give the files, or export the articles "
                      "with their text"]
    assert "thumbnail" not in json.loads(loaded[0].article.raw)  # an image's bytes are not read
    with ThreadPoolExecutor(2) as pool:
        pooled, _, _ = _read(tmp_path / "cc_news.parquet", submit=pool.submit)
    assert _fields(pooled) == _fields(loaded)

    pq.write_table(pa.table({"id": [1], "label": ["left"]}), tmp_path / "labels.parquet")
    assert _read(tmp_path / "labels.parquet")[1][0].endswith(
        "name yours with --column text=NAME); its columns: 'id', 'label'")
    (tmp_path / "cut.parquet").write_bytes((tmp_path / "cc_news.parquet").read_bytes()[:300])
    assert _read(tmp_path / "cut.parquet")[1][0].startswith("cut.parquet: not a readable Parquet file (")


def test_parquet_without_pyarrow_says_how_to_install_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "set.parquet").write_bytes(b"PAR1" + bytes(16) + b"PAR1")
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    assert _read(tmp_path / "set.parquet")[1] == [
        "set.parquet: Parquet needs pyarrow: pip install 'framing[parquet]'"]


def test_the_cli_reads_workbooks_in_a_folder_and_passes_over_data_files(tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    _monitoring_workbook(folder / "mentions.xlsx")
    (folder / "frame.pkl").write_bytes(b"\x80\x04\x95")
    (folder / "old.xls").write_bytes(_ole2(b"Workbook"))
    db = tmp_path / "f.db"
    res = CliRunner().invoke(cli, ["ingest", str(folder), "--db", str(db)], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    assert "passed over 2 files that no loader reads (.pkl 1, .xls 1;" in res.output
    assert f"loaded: {folder}/mentions.xlsx (4 added)" in res.output
    assert "read sheet 'Mentions'; passed over 'Cover'" in res.output
    with Store(db) as store:
        assert sorted(a.outlet or "" for a in store.articles()) == ["Almera Courier", "Kesh Daily", "Kesh Daily",
                                                                     "Kesh Daily"]


def test_the_real_command_reads_a_workbook(tmp_path: Path) -> None:
    book = _monitoring_workbook(tmp_path / "mentions.xlsx")
    res = run_framing("ingest", str(book), "--db", str(tmp_path / "f.db"), "--jobs", "2")
    assert res.returncode == 0, res.stderr
    assert "Traceback" not in res.stdout + res.stderr
    assert f"loaded: {book} (4 added)" in res.stdout + res.stderr


def test_monitoring_services_column_names_map_to_fields() -> None:
    """Meltwater's newer export template (its column list as a public
    loader of those exports expects it), and headers shaped as other
    services' exports are: each field found without --column."""
    from framing.loaders.export import resolve_columns

    meltwater = ["Date", "Time", "Document ID", "URL", "Input Name", "Keywords", "Information Type", "Source Type",
                 "Source Name", "Source Domain", "Content Type", "Author Name", "Author Handle", "Title",
                 "Opening Text", "Hit Sentence", "Country", "Language", "Sentiment", "Reach"]
    assert resolve_columns(meltwater) == {
        "source_id": "Document ID", "outlet": "Source Name", "url": "URL", "date": "Date", "title": "Title",
        "byline": "Author Name", "language": "Language", "country": "Country"}
    brandwatch = ["Query Id", "Date", "Title", "Snippet", "Full Text", "Url", "Domain", "Author", "Language",
                  "Country"]
    assert resolve_columns(brandwatch)["body"] == "Full Text"
    assert resolve_columns(brandwatch)["outlet"] == "Domain"
    cision = ["Headline", "Media Outlet", "Journalist", "News Date", "Summary", "Link"]
    assert {k: v for k, v in resolve_columns(cision).items()} == {
        "outlet": "Media Outlet", "url": "Link", "title": "Headline", "byline": "Journalist"}


def test_a_csv_with_report_lines_above_its_header(tmp_path: Path) -> None:
    """A monitoring service's CSV may open with the report's title and date
    (or Excel's "sep=" line) above the header, as its workbook does: the
    header is found below them, line numbers stay the file's. A data row
    holding the word "text" is no header: that file stays an error."""
    (tmp_path / "report.csv").write_text(
        "Coverage of the harbour search\nReport generated 30 Nov 2026\n\n"
        "Date,Headline,Opening Text,Source\n"
        '2026-11-03,Wall vote,"The vote passed.\nA second line.",Almera Courier\n'
        "2026-11-04,Second story,Another opening,Kesh Daily,extra\n", encoding="utf-8")
    loaded, errors, notes = _read(tmp_path / "report.csv")
    assert [(r.article.title, r.article.outlet) for r in loaded] == [("Wall vote", "Almera Courier")]
    assert errors == ["report.csv:7: expected 4 fields, found 5"]
    assert notes[0] == "report.csv: the header is line 4; the lines above it are passed over"

    (tmp_path / "excel.csv").write_text("sep=;\ntitle;text\nBridge;The bridge reopened.\n", encoding="utf-8")
    assert [r.article.body for r in _read(tmp_path / "excel.csv")[0]] == ["The bridge reopened."]

    (tmp_path / "scores.csv").write_text("id,score\n1,text\n2,title\n", encoding="utf-8")
    loaded, errors, _ = _read(tmp_path / "scores.csv")
    assert loaded == [] and errors[0].startswith("scores.csv:1: no text or title column")


def test_a_workbook_as_excel_writes_it_reads_as_its_csv_and_its_opendocument_copy(tmp_path: Path) -> None:
    """Excel keeps a workbook's text in one shared-strings part (spooled to a
    temporary file here, not held) and dates as day numbers with a date
    style: the benchmark's writer makes such a workbook, an OpenDocument
    sheet and a CSV of the same invented rows; all three give the same articles."""
    from framing.loaders.sheets import SpooledStrings

    with benchmark_module("bench_sheets") as bench:
        rows = bench.invented_rows(1_100, 0.3)
        rows[5][1] = "Text with an ampersand & <angle brackets> and a line\nbreak in one cell."
        for fmt, write in (("csv", bench.write_csv), ("xlsx", bench.write_xlsx), ("ods", bench.write_ods)):
            write(tmp_path / f"rows.{fmt}", rows)
    got = {}
    for fmt in ("csv", "xlsx", "ods"):
        loaded, errors, _ = _read(tmp_path / f"rows.{fmt}")
        assert errors == [] and len(loaded) == 1_100
        got[fmt] = _fields(loaded)
    assert got["xlsx"] == got["csv"] == got["ods"]
    assert got["xlsx"][0][2] == "2026-01-01" and got["xlsx"][1_099][2] == "2026-07-19"

    with zipfile.ZipFile(tmp_path / "rows.xlsx") as z, z.open("xl/sharedStrings.xml") as src:
        spooled = SpooledStrings(src)
    try:
        assert len(spooled) == 5 + 1_100 * 3 + 40  # the header's names, each row's title, text, URL; 40 outlets
        assert spooled[-1] == spooled[len(spooled) - 1] and spooled[0] == "Headline"
        with pytest.raises(IndexError):
            spooled[len(spooled)]
    finally:
        spooled.close()
