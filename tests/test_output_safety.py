"""Hostile article text in every output (issue 14): escape sequences shown,
never run, in the terminal and report.txt; no spreadsheet formulas in CSV;
valid XML in every SVG chart and no NUL or ESC in HTML; report files written
all or nothing, so a full disk leaves the previous report as it was; an
output folder that is an input folder refused."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framing.cli import cli
from framing.compare import build_report
from framing.models import Article, Hit
from framing.report import render_terminal
from framing.report.article import render_article
from framing.report.files import STALE_SECONDS, ReportFiles
from framing.report.safe import FORMULA_START, csv_cell, printable, visible
from framing.store import Store

from conftest import REPO, copy_store, run_framing

DEMO = REPO / "corpus"
#: What no terminal, report.txt, Markdown or HTML output may contain: C0 but
#: tab and newline, DEL, C1.
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
#: Characters XML 1.0 does not allow.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

HOSTILE_OUTLETS = [
    "=HYPERLINK(\"https://evil.example\",\"Meridian\")",
    "+Velmora\x1b]8;;https://evil.example\x07 Voice\x1b]8;;\x07",
    "-Meridian\x00Wire\x9b2J",
    "@Meridian\x1b[2J\x1b]0;pwned\x07",
]
HOSTILE_TITLE = "\x1b[2J\x1b]0;pwned\x07\x1b]8;;https://evil.example\x07"
MANIFEST_OUTLETS = {
    "almera-courier-accord.txt": "=1+2",
    "kesh-daily-standard-accord.txt": "+Kesh Daily Standard",
    "coastal-herald-accord.txt": "-Coastal Herald",
    "norland-morning-post-accord.html": "@Norland Morning Post",
}


def hostile_corpus(folder: Path) -> Path:
    """The demo corpus with outlets that start formulas and titles, outlets and
    bodies full of escape sequences, NUL, BEL and C1 characters."""
    shutil.copytree(DEMO, folder, ignore=shutil.ignore_patterns("__init__.py", "__pycache__"))
    rows = list(csv.DictReader(io.StringIO((folder / "manifest.csv").read_text(encoding="utf-8"))))
    for row in rows:
        row["outlet"] = MANIFEST_OUTLETS.get(row["path"], row["outlet"])
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    (folder / "manifest.csv").write_text(buf.getvalue(), encoding="utf-8")
    records = [json.loads(line) for line in (folder / "export.jsonl").read_text(encoding="utf-8").splitlines()]
    for rec, outlet in zip(records, HOSTILE_OUTLETS):
        rec["media_name"] = outlet
        rec["title"] = HOSTILE_TITLE + rec["title"] + "\x00\x7f"
        paras = rec["text"].split("\n\n")
        paras[1] = "\x1b[31mRed\x1b[0m \x9d8;;https://evil.example\x9c " + paras[1] + " \x07\x08\x0b\x0c"
        rec["text"] = "\n\n".join(paras)
    (folder / "export.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory: pytest.TempPathFactory):
    base = tmp_path_factory.mktemp("hostile")
    corpus = hostile_corpus(base / "corpus")
    out = base / "out"
    # The largest event's charts (the accord, with the hostile manifest outlets) are enough for the SVG check.
    res = CliRunner().invoke(cli, ["run", str(corpus), "--out", str(out), "--charts", "top:1"])
    return out, res


def test_run_on_hostile_text_stores_everything_and_prints_no_control_characters(hostile_run) -> None:
    out, res = hostile_run
    assert res.exit_code == 0, res.output
    assert "Traceback" not in res.stderr
    assert not RAW_CONTROL.search(res.stdout), RAW_CONTROL.findall(res.stdout)[:5]
    assert not RAW_CONTROL.search(res.stderr)
    with Store(out / "framing.db", readonly=True) as store:
        arts = list(store.articles())
    assert len(arts) == 13  # every article of the corpus, hostile or not
    assert sum(HOSTILE_TITLE in (a.title or "") for a in arts) == 4  # stored as they came


def test_report_txt_md_and_html_show_control_characters_as_symbols(hostile_run) -> None:
    out, _ = hostile_run
    txt = (out / "report.txt").read_text(encoding="utf-8")
    md = (out / "report.md").read_text(encoding="utf-8")
    html = (out / "report.html").read_text(encoding="utf-8")
    for text in (txt, md, html):
        assert not RAW_CONTROL.search(text), RAW_CONTROL.findall(text)[:5]
        assert not NOT_XML.search(text)
    # The outlet's disguised link is shown, symbol for symbol.
    assert "+Velmora␛]8;;https://evil.example␇ Voice␛]8;;␇" in txt
    assert "+Velmora␛]8;;https://evil.example␇ Voice␛]8;;␇" in html


def test_every_svg_chart_is_valid_xml(hostile_run) -> None:
    out, _ = hostile_run
    svgs = sorted((out / "charts").glob("*.svg"))
    assert svgs
    for svg in svgs:
        text = svg.read_text(encoding="utf-8")
        assert not NOT_XML.search(text)
        ET.fromstring(text)  # raises on invalid XML


def test_csv_cells_never_start_a_formula(hostile_run) -> None:
    out, _ = hostile_run
    cells = []
    for path in sorted((out / "csv").glob("*.csv")):
        text = path.read_text(encoding="utf-8")
        assert not RAW_CONTROL.search(text.replace("\n", "")), path.name
        rows = list(csv.reader(io.StringIO(text)))
        for row in rows[1:]:
            for cell in row:
                cells.append(cell)
                if cell[:1] in ("=", "+", "@", "\t", "\r"):
                    pytest.fail(f"{path.name}: formula cell {cell!r}")
                if cell.startswith("-"):
                    float(cell)  # only a negative number may start with a minus
    for outlet in list(MANIFEST_OUTLETS.values()) + HOSTILE_OUTLETS[:1]:
        assert "'" + visible(outlet) in cells, outlet


def test_report_json_keeps_the_data_as_it_is(hostile_run) -> None:
    out, _ = hostile_run
    data = json.loads((out / "report.json").read_text(encoding="utf-8"))
    titles = [a["title"] for a in data["articles"]]
    assert sum(t.startswith(HOSTILE_TITLE) for t in titles) == 4


def test_reading_commands_print_no_control_characters(hostile_run) -> None:
    out, _ = hostile_run
    db = str(out / "framing.db")
    runner = CliRunner()
    for args in (["articles"], ["articles", "--format", "jsonl"], ["hits"], ["hits", "--format", "jsonl"],
                 ["hits", "--format", "csv"], ["show", "10"], ["show", "13"], ["report"],
                 ["report", "--format", "markdown"], ["report", "--format", "html", "--charts", "none"],
                 ["report", "--format", "json"]):
        res = runner.invoke(cli, [*args, "--db", db])
        assert res.exit_code == 0, (args, res.output)
        assert not RAW_CONTROL.search(res.stdout), (args, RAW_CONTROL.findall(res.stdout)[:5])
        if "json" in args:
            assert res.stdout.strip()
            for line in ([res.stdout] if "report" in args else res.stdout.splitlines()):
                json.loads(line)  # still valid JSON


def test_coloured_terminal_output_has_only_our_own_escape_sequences(hostile_run) -> None:
    out, _ = hostile_run
    with Store.open_readonly(out / "framing.db") as store:
        report = build_report(store.articles(), store.analyses())
    text = render_terminal(report, color=True)
    own = re.sub(r"\x1b\[[0-9;]*m", "", text)  # click.style's SGR codes
    assert "\x1b" in text and not RAW_CONTROL.search(own)


def test_safe_text_functions() -> None:
    assert visible("a\x1b[2Jb\x00\x9b\ud800\n\t") == "a␛[2Jb␀\ufffd\ufffd\n\t"
    assert len(visible("\x1b\x7f\x85")) == 3  # one for one: hit offsets hold
    assert printable("bad\udcff.txt\x1b") == "bad\\xff.txt␛"
    for start in FORMULA_START:
        assert csv_cell(start + "SUM(A1)")[:1] not in FORMULA_START
    for start in "=+-@\t":
        assert csv_cell(start + "SUM(A1)") == "'" + start + "SUM(A1)"
    assert csv_cell("Harbor Ledger") == "Harbor Ledger"


# --- all or nothing: a full disk while writing the report -----------------------------

#: ``framing`` with a disk that has ``budget`` bytes left for report files:
#: every os.write past it fails with ENOSPC, as on a full disk.
FULL_DISK = """
import errno, os, sys
budget = int(sys.argv[1])
real_write = os.write
used = 0
def write(fd, data):
    global used
    used += len(data)
    if used > budget:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    return real_write(fd, data)
os.write = write
sys.argv = ["framing", *sys.argv[2:]]
from framing.cli import main
main()
"""


def _report_files(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and not p.name.startswith("framing.db")}


@pytest.mark.slow
def test_a_full_disk_during_run_leaves_the_previous_report_intact(tmp_path: Path, seed_files) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(DEMO, corpus, ignore=shutil.ignore_patterns("__init__.py", "__pycache__"))
    out = tmp_path / "out"
    first = run_framing("run", str(corpus), "--out", str(out))
    assert first.returncode == 0, first.stderr
    before = _report_files(out)
    size = sum(len(b) for b in before.values())

    shutil.copy(seed_files["000"], corpus / "000-seed.txt")  # one more article: a new report
    env = {k: v for k, v in os.environ.items() if k != "FRAMING_DB"}
    env["PYTHONIOENCODING"] = "utf-8"
    full = subprocess.run([sys.executable, "-c", FULL_DISK, str(size // 2), "run", str(corpus),
                           "--out", str(out)], capture_output=True, text=True, env=env, timeout=600)
    assert full.returncode == 1
    assert "Traceback" not in full.stderr
    errors = [ln for ln in full.stderr.splitlines() if ln.startswith("Error:")]
    assert len(errors) == 1, full.stderr
    assert "No space left on device" in errors[0] and "previous report is unchanged" in errors[0]
    assert str(out) in errors[0]
    assert _report_files(out) == before  # every file as it was; no temporary file left
    with Store(out / "framing.db", readonly=True) as store:
        assert store.count() == 14  # the article ingested before the disk filled is kept

    again = run_framing("run", str(corpus), "--out", str(out))
    assert again.returncode == 0, again.stderr
    after = _report_files(out)
    assert after.keys() >= before.keys() and after["report.json"] != before["report.json"]


# --- --out inside an input folder -------------------------------------------------------

def test_out_equal_to_the_input_folder_is_refused(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(DEMO / "almera-courier-accord.txt", corpus)
    res = CliRunner().invoke(cli, ["run", str(corpus), "--out", str(corpus)])
    assert res.exit_code == 1
    assert "Traceback" not in res.stderr
    errors = [ln for ln in res.stderr.splitlines() if ln.startswith("Error:")]
    assert len(errors) == 1 and "input folder" in errors[0] and "--out" in errors[0]
    assert sorted(p.name for p in corpus.iterdir()) == ["almera-courier-accord.txt"]


def test_out_inside_the_input_folder_never_feeds_reports_back(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("almera-courier-accord.txt", "coastal-herald-accord.txt"):
        shutil.copy(DEMO / name, corpus)
    out = corpus / "reports"
    for _ in range(2):
        res = CliRunner().invoke(cli, ["run", str(corpus), "--out", str(out), "--charts", "none"])
        assert res.exit_code == 0, res.output
    assert "0 added, 0 updated, 2 unchanged, 0 errors" in res.stdout
    with Store(out / "framing.db", readonly=True) as store:
        assert store.count() == 2


# --- any text ------------------------------------------------------------------------

ANY_TEXT = st.text(st.characters(exclude_categories=()), max_size=80)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=ANY_TEXT, body=ANY_TEXT, outlet=ANY_TEXT, source=ANY_TEXT)
def test_show_prints_no_control_character_whatever_the_article(title: str, body: str, outlet: str,
                                                                source: str) -> None:
    art = Article(id=1, source=source, title=title, body=body + " regime", outlet=outlet, raw=b"")
    start = len(body) + 1
    hit = Hit(article=1, field="body", start=start, end=start + 6, text=body[:3], term="regime",
              category="labeling", explanation=title, neutral=outlet, voice="narration",
              speaker=source or None, probability=0.9, loaded=True, lexicon_version="t")
    text = render_article(art, [hit], color=False)
    assert not RAW_CONTROL.search(text)
    assert not re.search("[\ud800-\udfff]", text)
    assert "[[regime]]" in text  # offsets still point at the same characters
    coloured = render_article(art, [hit], color=True)
    assert not RAW_CONTROL.search(re.sub(r"\x1b\[[0-9;]*m", "", coloured))


def _mount_small_disk(folder: Path, size: str) -> bool:
    if os.geteuid() != 0:
        return False
    return subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
                          capture_output=True).returncode == 0


@pytest.mark.slow
def test_a_really_full_disk_during_run(tmp_path: Path, seed_files) -> None:
    """The same on a real small file system (tmpfs; needs root to mount):
    the disk is filled up to 1 MB before a second run, less than the new
    report needs."""
    disk = tmp_path / "disk"
    disk.mkdir()
    if not _mount_small_disk(disk, "32m"):
        pytest.skip("mounting a small tmpfs needs root; test_a_full_disk_during_run_... simulates it")
    try:
        corpus = tmp_path / "corpus"
        shutil.copytree(DEMO, corpus, ignore=shutil.ignore_patterns("__init__.py", "__pycache__"))
        out = disk / "out"
        first = run_framing("run", str(corpus), "--out", str(out))
        assert first.returncode == 0, first.stderr
        before = _report_files(out)
        shutil.copy(seed_files["000"], corpus / "000-seed.txt")
        st_ = os.statvfs(disk)
        free = st_.f_bavail * st_.f_frsize
        with open(disk / "filler", "wb") as f:
            f.write(b"\0" * (free - 1024 * 1024))
        full = run_framing("run", str(corpus), "--out", str(out))
        assert full.returncode == 1
        assert "Traceback" not in full.stderr
        errors = [ln for ln in full.stderr.splitlines() if ln.startswith("Error:")]
        assert len(errors) == 1, full.stderr
        assert "No space left on device" in errors[0] or "disk is full" in errors[0]
        assert _report_files(out) == before
        (disk / "filler").unlink()
        with Store(out / "framing.db") as store:
            assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert store.count() in (13, 14)
        again = run_framing("run", str(corpus), "--out", str(out))
        assert again.returncode == 0, again.stderr
    finally:
        subprocess.run(["umount", str(disk)], check=True)


def test_reading_commands_keep_analysing_into_a_writable_store(seeds_db: Path, tmp_path: Path) -> None:
    """Opened read-only, hits/show/report still save the analysis of new
    articles when the store can be written (so the next command is fast)."""
    db = copy_store(seeds_db, tmp_path / "seeds.db")
    res = CliRunner().invoke(cli, ["hits", "--db", str(db)])
    assert res.exit_code == 0, res.output
    with Store(db, readonly=True) as store:
        assert store.conn.execute("SELECT count(*) FROM analysis").fetchone()[0] == 5


def test_temporary_files_of_a_killed_run_are_removed_later(tmp_path: Path) -> None:
    stale = tmp_path / ".report.txt.k1ll3d.part"
    fresh = tmp_path / ".report.txt.n0w.part"  # another run may be writing it now
    for f in (stale, fresh):
        f.write_text("half a report")
    old = stale.stat().st_mtime - STALE_SECONDS - 60
    os.utime(stale, (old, old))
    with ReportFiles() as files:
        files.add(tmp_path / "report.txt", "the report\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == [fresh.name, "report.txt"]
    assert (tmp_path / "report.txt").read_text() == "the report\n"
