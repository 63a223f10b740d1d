"""Broken, hostile and unlucky input: each problem is one
``error: <file>[:<line>]: <problem>`` line, the batch goes on (the files and
records before and after the bad one are stored), the exit status is 1, and no
traceback reaches the user."""

from __future__ import annotations

import codecs
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from framing.cli import cli
from framing.store import Store

GOOD = "The harbour in Almera reopened on Monday after the storm, the port authority said in a statement."


def _batch(tmp_path: Path, name: str | bytes, data: bytes) -> Path:
    """A folder with a good page before and after the bad file (sorted order)."""
    folder = tmp_path / "batch"
    folder.mkdir(exist_ok=True)
    (folder / "a_first.txt").write_text(GOOD + " First.", encoding="utf-8")
    (folder / "z_last.txt").write_text(GOOD + " Last.", encoding="utf-8")
    target = os.path.join(os.fsencode(folder), name) if isinstance(name, bytes) else folder / name
    with open(target, "wb") as fh:
        fh.write(data)
    return folder


def _ingest(*args: str):
    return CliRunner().invoke(cli, ["ingest", *args], catch_exceptions=False)


def _stored(db: Path) -> list[str]:
    with Store(db) as store:
        return [a.body for a in store.articles()]


def _check_batch(tmp_path: Path, folder: Path, expect: str, *, exit_code: int = 1) -> tuple[str, list[str]]:
    db = tmp_path / "f.db"
    res = _ingest(str(folder), "--db", str(db))
    assert res.exit_code == exit_code, res.output
    assert "Traceback" not in res.output and "Traceback" not in (res.stderr or "")
    bodies = _stored(db)
    assert any(b.endswith("First.") for b in bodies) and any(b.endswith("Last.") for b in bodies)
    if expect:
        errors = [ln for ln in res.output.splitlines() if ln.startswith("error: ")]
        assert any(expect in ln for ln in errors), res.output
        for ln in errors:
            assert ln.startswith(f"error: {folder}/"), ln
    return res.output, bodies


def _deep(n: int) -> str:
    return "[" * n + "]" * n


@pytest.mark.parametrize("name, data, expect", [
    ("deep.json", _deep(100_000).encode(), "deep.json:1: record nested more than"),
    ("deep.jsonl", (json.dumps({"text": "ok", "title": "first"}) + "\n" + '{"text": ' + _deep(100_000) + "}\n").encode(),
     "deep.jsonl:2: record nested more than"),
    ("textlist.jsonl", ('{"title": "t", "text": ' + "[" * 900 + '"x"' + "]" * 900 + "}\n").encode(),
     "textlist.jsonl:1: record nested more than"),
    ("digits.jsonl", ('{"id": ' + "9" * 5000 + ', "text": "x"}\n').encode(), "digits.jsonl:1: invalid JSON"),
    ("digits.json", ('[{"id": ' + "9" * 5000 + ', "text": "x"}]').encode(), "digits.json:1: invalid JSON"),
    ("broken.json", b'{"articles": [{"title": "a", "text": "b"}, {"title": ', "broken.json:1: invalid JSON"),
])
def test_hostile_json_is_one_located_error(tmp_path: Path, name: str, data: bytes, expect: str) -> None:
    _check_batch(tmp_path, _batch(tmp_path, name, data), expect)


@pytest.mark.parametrize("name, data, expect", [
    # a PDF under another name is read as a PDF (framing/loaders/pdf.py): this one is noise
    ("scan.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + bytes(range(256)) * 4, "scan.txt: damaged or incomplete PDF"),
    ("pages.txt", b"PK\x03\x04\x14\x00\x00\x00" + bytes(range(256)) * 4,
     "pages.txt: binary file, not text: a zip archive: unpack it"),
    ("export.csv", b"\x1f\x8b\x08\x00" + bytes(range(256)) * 4, "export.csv: binary file, not text: gzip"),
    ("photo.html", b"\xff\xd8\xff\xe0" + bytes(range(256)) * 4, "photo.html: binary file, not text: an image"),
])
def test_a_binary_file_says_what_it_is(tmp_path: Path, name: str, data: bytes, expect: str) -> None:
    """A PDF, a zip or an image given by mistake: its one line says what it is
    and what to give instead."""
    _check_batch(tmp_path, _batch(tmp_path, name, data), expect)


def _zipped(members: dict[str, str], first: str | None = None) -> bytes:
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        if first:  # OpenDocument: the media type first, stored uncompressed
            z.writestr(zipfile.ZipInfo("mimetype"), first)
        for name, text in members.items():
            z.writestr(name, text, compress_type=zipfile.ZIP_DEFLATED)
    return buf.getvalue()


@pytest.mark.parametrize("name, data, expect", [
    ("sheet.csv", _zipped({"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>"}),
     'sheet.csv: binary file, not text: a spreadsheet workbook: save the sheet as CSV ("CSV UTF-8")'),
    ("sheet.txt", _zipped({"content.xml": "<x/>"}, first="application/vnd.oasis.opendocument.spreadsheet"),
     'sheet.txt: binary file, not text: a spreadsheet workbook: save the sheet as CSV'),
    ("letter.txt", _zipped({"word/document.xml": "<w:document/>"}),
     "letter.txt: binary file, not text: a Word document: name it .docx"),
    ("bundle.txt", _zipped({"a.txt": "hello", "b/c.html": "<p>x</p>"}),
     "bundle.txt: binary file, not text: a zip archive: unpack it"),
])
def test_an_office_file_given_as_text_says_how_to_save_it(tmp_path: Path, name: str, data: bytes, expect: str) -> None:
    """A workbook saved as .csv, or given where a CSV belongs: its one line says
    to save the sheet as CSV rather than to unpack a zip."""
    _check_batch(tmp_path, _batch(tmp_path, name, data), expect)


def test_a_workbook_for_a_manifest_or_labels_says_how_to_save_it(tmp_path: Path) -> None:
    book = tmp_path / "labels.xlsx"
    book.write_bytes(_zipped({"xl/workbook.xml": "<workbook/>", "xl/worksheets/sheet1.xml": "<sheetData/>"}))

    for args in (["model", "train", str(book), "--text-column", "s", "--label-column", "l"],
                 ["ingest", str(book), "--manifest", str(book), "--db", str(tmp_path / "f.db")]):
        res = CliRunner().invoke(cli, args)
        assert res.exit_code != 0 and "Traceback" not in res.output
        assert f"{book}: binary file, not text: a spreadsheet workbook: save the sheet as CSV" in res.output


def test_lone_surrogate_is_replaced_per_record(tmp_path: Path) -> None:
    data = (json.dumps({"title": "Lone \ud800 here", "text": "Body with \udfff too."}) + "\n"
            + json.dumps({"title": "Pair \U0001F600", "text": "Fine."}) + "\n").encode("ascii")
    out, bodies = _check_batch(tmp_path, _batch(tmp_path, "s.jsonl", data), "", exit_code=0)
    assert "Body with \ufffd too." in bodies and "Fine." in bodies
    assert "surrogates in the record were replaced" in out


def test_record_over_the_size_limit_is_refused_and_the_rest_load(tmp_path: Path) -> None:
    data = (json.dumps({"title": "small", "text": "Fine."}) + "\n"
            + json.dumps({"title": "huge", "text": "word " * 2000}) + "\n"
            + json.dumps({"title": "after", "text": "Also fine."}) + "\n").encode()
    folder = _batch(tmp_path, "big.jsonl", data)
    db = tmp_path / "f.db"
    res = _ingest(str(folder), "--db", str(db), "--max-size", "2k")
    assert res.exit_code == 1 and f"error: {folder}/big.jsonl:2: line is over 2,048 bytes" in res.output
    assert {"Fine.", "Also fine."} <= set(_stored(db))


def test_duplicate_export_ids_are_an_error_for_the_second_record(tmp_path: Path) -> None:
    data = ("stories_id,title,text,media_name\n"
            "7,First story,The first text.,Ledger\n"
            "7,Second story,The second text.,Ledger\n"
            "8,Third story,The third text.,Ledger\n").encode()
    out, bodies = _check_batch(tmp_path, _batch(tmp_path, "dup.csv", data), "dup.csv:3: duplicate id '7', first at line 2")
    assert "The first text." in bodies and "The third text." in bodies and "The second text." not in bodies


def test_ids_of_records_without_one_come_from_their_content(tmp_path: Path) -> None:
    lines = [json.dumps({"title": f"Story {i}", "text": f"Text of story {i}."}) for i in range(3)]
    path = tmp_path / "noid.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "f.db"
    assert _ingest(str(path), "--db", str(db)).exit_code == 0
    with Store(db) as store:
        before = {a.title: a.id for a in store.articles()}
    path.write_text("\n".join([json.dumps({"title": "New first", "text": "Inserted on top."})] + lines) + "\n",
                    encoding="utf-8")
    res = _ingest(str(path), "--db", str(db))
    assert "1 added, 0 updated, 3 unchanged" in res.output
    with Store(db) as store:
        after = {a.title: a.id for a in store.articles()}
    assert all(after[t] == i for t, i in before.items())


def test_file_edited_to_equal_another_file_is_updated(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(GOOD + " Alpha.", encoding="utf-8")
    b.write_text(GOOD + " Beta.", encoding="utf-8")
    db = tmp_path / "f.db"
    assert _ingest(str(tmp_path), "--db", str(db)).exit_code == 0
    b.write_text(GOOD + " Alpha.", encoding="utf-8")
    res = _ingest(str(tmp_path), "--db", str(db))
    assert f"updated: {b}" in res.output
    assert sorted(_stored(db)) == [GOOD + " Alpha.", GOOD + " Alpha."]


def test_page_over_the_word_limit_is_cut_with_a_warning(tmp_path: Path) -> None:
    page = tmp_path / "long.txt"
    page.write_text("\n\n".join([GOOD] * 40), encoding="utf-8")
    db = tmp_path / "f.db"
    res = _ingest(str(page), "--db", str(db), "--max-words", "100")
    assert res.exit_code == 0
    assert "over 100 words: only the first 100 are kept" in res.output
    with Store(db) as store:
        (art,) = store.articles()
    assert art.words == 100 and art.content == "truncated"


def test_mixed_encodings_are_decoded_line_by_line(tmp_path: Path) -> None:
    data = ("Caf\u00e9 owners in Almera \u2013 a report\n\n" + GOOD + "\n\n").encode("utf-8") \
        + "The caf\u00e9 reopened \u201cat once\u201d, its owner said on Monday to the reporters there.\n".encode("cp1252")
    folder = _batch(tmp_path, "mixed.txt", data)
    out, bodies = _check_batch(tmp_path, folder, "", exit_code=0)
    assert any("The caf\u00e9 reopened \u201cat once\u201d" in b for b in bodies)
    assert "mixed encodings: lines that are not UTF-8 were read as cp1252" in out
    export = tmp_path / "mixed.csv"
    export.write_bytes("title,text\nCaf\u00e9,Fine caf\u00e9.\n".encode() + "Cr\u00e8me,Br\u00fbl\u00e9e \u2013 yes.\n".encode("cp1252"))
    res = _ingest(str(export), "--db", str(tmp_path / "e.db"))
    assert res.exit_code == 0 and "line 3: not utf-8: read as cp1252" in res.output
    assert "Br\u00fbl\u00e9e \u2013 yes." in _stored(tmp_path / "e.db")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_text(tmp_path: Path, encoding: str) -> None:
    folder = _batch(tmp_path, "u16.txt", (GOOD + " Sixteen.").encode(encoding))
    _, bodies = _check_batch(tmp_path, folder, "", exit_code=0)
    assert GOOD + " Sixteen." in bodies
    export = tmp_path / "u16.jsonl"
    export.write_bytes((json.dumps({"title": "t", "text": "Sixteen bits."}) + "\n").encode(encoding))
    assert _ingest(str(export), "--db", str(tmp_path / "e.db")).exit_code == 0
    assert _stored(tmp_path / "e.db") == ["Sixteen bits."]
    assert codecs.BOM_UTF16_LE not in export.read_bytes()[:2]


def test_undecodable_file_name_is_stored_and_shown_escaped(tmp_path: Path) -> None:
    folder = _batch(tmp_path, b"bad\xff.txt", (GOOD + " Named badly.").encode())
    db = tmp_path / "f.db"
    res = _ingest(str(folder), "--db", str(db))
    assert res.exit_code == 0 and f"added: {folder}/bad\\xff.txt" in res.output
    with Store(db) as store:
        sources = {a.source for a in store.articles()}
    assert f"{folder}/bad\\xff.txt" in sources
    assert _ingest(str(folder), "--db", str(db)).output.count("unchanged:") == 3


def test_symlink_loop_is_an_error_and_the_batch_goes_on(tmp_path: Path) -> None:
    folder = _batch(tmp_path, "m_page.txt", (GOOD + " Middle.").encode())
    os.symlink("loop_b.txt", folder / "loop_a.txt")
    os.symlink("loop_a.txt", folder / "loop_b.txt")
    os.symlink("..", folder / "parent")  # a folder link back up: read once, not forever
    _check_batch(tmp_path, folder, "loop_a.txt: cannot read")


def test_unreadable_folder_is_an_error_and_the_batch_goes_on(tmp_path: Path, monkeypatch) -> None:
    folder = _batch(tmp_path, "m_page.txt", (GOOD + " Middle.").encode())
    locked = folder / "locked"
    locked.mkdir()
    (locked / "inside.txt").write_text(GOOD + " Hidden.", encoding="utf-8")
    real = os.scandir

    def scandir(path=None):  # root ignores permission bits, so refuse as the kernel would
        if path is not None and os.fsdecode(path) == str(locked):
            raise PermissionError(13, "Permission denied", os.fsdecode(path))
        return real(path) if path is not None else real()

    monkeypatch.setattr(os, "scandir", scandir)
    _check_batch(tmp_path, folder, "locked: cannot read folder (Permission denied)")


@pytest.mark.slow
def test_no_traceback_reaches_the_user_as_a_real_process(tmp_path: Path) -> None:
    folder = _batch(tmp_path, "deep.json", _deep(100_000).encode())
    (folder / "digits.jsonl").write_text('{"id": ' + "9" * 5000 + "}\n", encoding="utf-8")
    (folder / "sur.json").write_bytes(b'[{"title": "\\ud800", "text": "x \\udc00"}]')
    with open(os.path.join(os.fsencode(folder), b"bad\xfe.txt"), "wb") as fh:
        fh.write(GOOD.encode())
    os.symlink("self.txt", folder / "self.txt")
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    cp = subprocess.run([sys.executable, "-m", "framing", "ingest", str(folder), "--db", str(tmp_path / "p.db")],
                        capture_output=True, text=True, env=env, timeout=300)
    assert cp.returncode == 1, cp.stdout + cp.stderr
    assert "Traceback" not in cp.stderr and "Traceback" not in cp.stdout
    errors = [ln for ln in cp.stdout.splitlines() if ln.startswith("error: ")]
    assert len(errors) == 3, cp.stdout
    assert len(_stored(tmp_path / "p.db")) == 4  # first, last, the surrogate record, the badly named page


def test_a_screenshot_an_old_word_file_or_an_e_book_given_by_name_says_what_to_give(tmp_path: Path) -> None:
    """Given by name (a folder passes over their extensions), each is one line
    saying what it is and what framing reads instead."""
    files = {"screenshot.png": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,
             "letter.doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(range(256)) * 4,
             "book.epub": _zipped({"META-INF/container.xml": "<container/>"}, first="application/epub+zip")}
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    res = _ingest(*(str(tmp_path / n) for n in files), "--db", str(tmp_path / "f.db"))
    assert res.exit_code == 1 and "Traceback" not in res.output
    assert [ln.split(": ", 1)[1] for ln in res.output.splitlines() if ln.startswith("error: ")] == [
        f"{tmp_path}/screenshot.png: binary file, not text: an image: framing reads an article's text; for a "
        "screenshot, run OCR first or save the page itself (HTML or PDF)",
        f"{tmp_path}/letter.doc: binary file, not text: an old Office document (.doc, .xls or .ppt): save it as "
        ".docx, .odt or .txt (a sheet as CSV) and give that file",
        f"{tmp_path}/book.epub: binary file, not text: an e-book (EPUB): copy the article's text into a .txt file"]


def test_google_drive_shortcuts_say_to_download_the_document(tmp_path: Path) -> None:
    """Google Drive for desktop keeps a Docs document as a .gdoc shortcut (its
    id in a few lines of JSON): in a folder or by name, one line each saying
    how to get the document's text; the folder's articles are read."""
    folder = tmp_path / "drive"
    folder.mkdir()
    (folder / "Harbour story.gdoc").write_text('{"doc_id": "1AbC", "email": "ana@example.org"}', encoding="utf-8")
    (folder / "Sources.gsheet").write_text('{"doc_id": "2DeF", "email": "ana@example.org"}', encoding="utf-8")
    (folder / "page.txt").write_text(
        "Harbour budget approved\n\nBy Ana Lee\n\nThe Almera council approved the harbour budget on "
        "Tuesday after a long debate about the new sea wall and its cost.\n", encoding="utf-8")
    res = _ingest(str(folder), str(folder / "Harbour story.gdoc"), "--db", str(tmp_path / "d.db"))
    assert res.exit_code == 1 and "Traceback" not in res.output
    errors = [ln for ln in res.output.splitlines() if ln.startswith("error: ")]
    assert len(errors) == 3, res.output  # the folder's two shortcuts; the one given again by name
    assert sum("Harbour story.gdoc: a Google Drive shortcut, not the document itself" in e for e in errors) == 2
    assert any("Sources.gsheet: a Google Drive shortcut, not the sheet itself" in e and ".csv" in e
               for e in errors)
    assert "1 added" in res.output and "passed over" not in res.output


def test_pages_saved_under_their_addresses_names_are_read_in_a_folder(tmp_path: Path, data_dir: Path) -> None:
    """wget without --adjust-extension and curl -O keep a page's address as its
    name: "story.php?id=5", "item.aspx", "2024-harbour-vote". In a folder such
    a file is read when it opens as HTML; PHP source and a file without an
    extension that is no page are passed over."""
    pages = sorted((data_dir / "real-pages" / "html").glob("*.html"))[:3]
    folder = tmp_path / "mirror" / "news"
    folder.mkdir(parents=True)
    for page, name in zip(pages, ("story.php?id=5", "item.aspx", "2024-harbour-vote")):
        (folder / name).write_bytes(page.read_bytes())
    (folder / "config.php").write_text("<?php echo 'not a page'; ?>\n", encoding="utf-8")
    (folder / "LOCK").write_bytes(b"\x00\x01\x02\x03")
    res = _ingest(str(tmp_path / "mirror"), "--db", str(tmp_path / "m.db"))
    assert res.exit_code == 0 and "Traceback" not in res.output, res.output
    assert "3 added" in res.output
    assert "passed over 2 files that no loader reads (.php 1, no extension 1;" in res.output
    with Store(tmp_path / "m.db") as store:
        stored = list(store.articles())
    assert len(stored) == 3 and all(a.format == "html" and a.title for a in stored)
