"""The CLI end to end on small fixed inputs: exact terminal text (through
CliRunner and as a real subprocess), hits and show, byte-identical output
across runs, and the full demo."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from framing.cli import cli
from framing.detect import load_lexicon

from conftest import run_framing

MINI = Path(__file__).resolve().parent / "data" / "mini"

# The terminal summary of tests/data/mini (three short fictional articles on
# one event). Written out in full on purpose: any change to what a teacher
# sees in the terminal must show up here. {version} is the shipped lexicon's
# content hash.
EXPECTED_MINI = """\
framing report · lexicon {version} · 3 articles · 1 event

== Kesh · Siran · Hanne Lund ==
e1 · 2026-03-12 · 3 articles · 3 outlets

Loaded language per 1,000 words
Outlet               Articles  Words  Loaded  Per 1,000  95% interval
Almera Courier              1     79       4       50.6    13.8–129.6  *
Kesh Daily Standard         1     78       4       51.3    14.0–131.3  *
Meridian Wire               1     77       0        0.0      0.0–47.9  *
* Almera Courier: Only 79 words and only 4 loaded terms: too few to compare
                  this outlet's rate with confidence.
* Kesh Daily Standard: Only 78 words and only 4 loaded terms: too few to
                       compare this outlet's rate with confidence.
* Meridian Wire: Only 77 words and only 0 loaded terms: too few to compare
                 this outlet's rate with confidence.
Note: Loaded terms per 1,000 words, with a 95% interval. Overlapping intervals
      mean the difference may be chance; a warning marks counts too small to
      compare. Syndicated copies are counted once, for the first outlet.

Loaded terms by category
Outlet               labeling  distancing  emotive  promotional  epistemic
Almera Courier              3           0        0            0          1
Kesh Daily Standard         3           0        0            0          1
Meridian Wire               0           0        0            0          0

Loaded terms by voice
Outlet               narration  quote  reported
Almera Courier               4      0         0
Kesh Daily Standard          4      0         0
Meridian Wire                0      0         0

Naming
Actor    Outlet               Form             Count
Ardelia  Almera Courier       Ardelian             1
         Kesh Daily Standard  Ardelia              1
         Kesh Daily Standard  Ardelian regime      1
         Meridian Wire        Ardelia              1
Velmora  Almera Courier       Velmoran regime      1
         Meridian Wire        Velmora              2
4 other actors named the same way by every outlet that names them.
Note: The words each outlet uses for an actor. A label inside a quotation is
      the speaker's word, not the outlet's.

Altered quotes
1. Hanne Lund: “This accord opens the valley to every family that depends on
   the river,”
   (reference, as carried by Kesh Daily Standard, Meridian Wire)
   Almera Courier, altered: “This accord opens the valley to every
     {+Ardelian+} family that depends on the river,”
{+word+} = inserted against the reference.
Note: The same quotation as each outlet printed it, against the wording most
      outlets share. A difference can come from translation or an earlier
      source, not only from editing.

Facts left out
Fact              Kind    Carried  Left out by
$2.4 billion      amount   2 of 3  Almera Courier
1,200 households  number   2 of 3  Kesh Daily Standard
Coastal Compact   entity   2 of 3  Almera Courier
Velmora           entity   2 of 3  Kesh Daily Standard
90 days           number   1 of 3  Almera Courier, Kesh Daily Standard
Almera            entity   1 of 3  Kesh Daily Standard, Meridian Wire
Ilsa Varenne      entity   1 of 3  Almera Courier, Meridian Wire
Norland           entity   1 of 3  Almera Courier, Meridian Wire
Teodor Brask      entity   1 of 3  Kesh Daily Standard, Meridian Wire
Note: Which outlets carry each checkable detail. A fact left out is not proof
      of intent: outlets differ in length, deadline and audience.
"""


def _ingest(db: Path, *paths: str) -> None:
    res = CliRunner().invoke(cli, ["ingest", *paths, "--db", str(db)], catch_exceptions=False)
    assert res.exit_code == 0, res.output


@pytest.fixture()
def mini_db(tmp_path: Path) -> Path:
    db = tmp_path / "mini.db"
    _ingest(db, str(MINI))
    return db


def test_terminal_report_exact_text_through_clirunner(mini_db: Path) -> None:
    res = CliRunner().invoke(cli, ["report", "--db", str(mini_db)], catch_exceptions=False)
    assert res.exit_code == 0
    assert res.output == EXPECTED_MINI.replace("{version}", load_lexicon().version)


@pytest.mark.slow
def test_terminal_report_exact_text_as_a_real_subprocess(tmp_path: Path) -> None:
    shutil.copytree(MINI, tmp_path / "mini")
    assert run_framing("ingest", "mini", cwd=tmp_path).returncode == 0
    proc = run_framing("report", "--format", "terminal", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "\x1b[" not in proc.stdout  # no colour when not a terminal
    assert proc.stdout == EXPECTED_MINI.replace("{version}", load_lexicon().version)


def _hits_jsonl(db: Path) -> bytes:
    res = CliRunner().invoke(cli, ["hits", "--db", str(db), "--format", "jsonl"], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    return res.output.encode("utf-8")


def test_hits_jsonl_is_byte_identical_across_fresh_stores(tmp_path: Path, seeds_dir: Path) -> None:
    _ingest(tmp_path / "a.db", str(seeds_dir))
    _ingest(tmp_path / "b.db", str(seeds_dir))
    first, second = _hits_jsonl(tmp_path / "a.db"), _hits_jsonl(tmp_path / "b.db")
    assert first == second
    rows = [json.loads(line) for line in first.splitlines()]
    assert len(rows) > 20
    assert list(rows[0]) == sorted(["article", "field", "start", "end", "text", "term", "category", "explanation",
                                    "neutral", "voice", "speaker", "probability", "loaded", "lexicon_version"])
    # A second call re-uses the stored analysis and gives the same bytes again.
    assert _hits_jsonl(tmp_path / "a.db") == first


def test_hits_csv_and_table(mini_db: Path) -> None:
    csv_out = CliRunner().invoke(cli, ["hits", "--db", str(mini_db), "--format", "csv", "--loaded-only"]).output
    header, *rows = csv_out.splitlines()
    assert header.split(",")[:4] == ["article", "field", "start", "end"]
    assert rows and all(",true," in r for r in rows)
    table = CliRunner().invoke(cli, ["hits", "--db", str(mini_db)]).output
    assert table.splitlines()[0].split() == ["article", "field", "span", "category", "voice", "p", "loaded", "text"]


def test_show_marks_and_explains_loaded_terms(mini_db: Path) -> None:
    res = CliRunner().invoke(cli, ["show", "1", "--db", str(mini_db)], catch_exceptions=False)
    assert res.exit_code == 0
    out = res.output
    lines = out.splitlines()
    assert "Velmoran [[regime]]¹ signs river deal" in lines  # the headline's label, marked first
    assert "“regime” — labeling (narration; p=" in lines[lines.index("Loaded language (4):") + 1]
    assert "Loaded language (" in out and "labeling (narration" in out
    assert "Neutral: " in out


def test_show_unknown_article_is_one_line_error(mini_db: Path) -> None:
    res = CliRunner().invoke(cli, ["show", "99", "--db", str(mini_db)])
    assert res.exit_code == 1 and res.output == f"Error: no article 99 in {mini_db}\n"


def test_report_json_to_file_and_unknown_event(mini_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    res = CliRunner().invoke(cli, ["report", "--db", str(mini_db), "--format", "json", "--out", str(out)])
    assert res.exit_code == 0, res.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["schema"] == "framing.report/1" and len(data["events"]) == 1
    bad = CliRunner().invoke(cli, ["report", "--db", str(mini_db), "--event", "nope"])
    assert bad.exit_code == 1 and bad.output.startswith("Error: ") and bad.output.count("\n") == 1


def test_report_csv_needs_a_folder(mini_db: Path, tmp_path: Path) -> None:
    res = CliRunner().invoke(cli, ["report", "--db", str(mini_db), "--format", "csv"])
    assert res.exit_code == 2 and "give a folder with --out" in res.output
    res = CliRunner().invoke(cli, ["report", "--db", str(mini_db), "--format", "csv", "--out", str(tmp_path / "c")])
    assert res.exit_code == 0
    assert {p.name for p in (tmp_path / "c").iterdir()} >= {"hits.csv", "density.csv", "naming.csv", "facts.csv"}


def _digests(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and not p.name.startswith("framing.db")}


@pytest.mark.slow
def test_demo_twice_gives_identical_files(tmp_path: Path) -> None:
    """framing demo as a real program, twice: every output byte-identical."""
    first = run_framing("demo", "--out", "one", cwd=tmp_path)
    assert first.returncode == 0, first.stdout + first.stderr
    second = run_framing("demo", "--out", "two", cwd=tmp_path)
    assert second.returncode == 0
    one, two = _digests(tmp_path / "one"), _digests(tmp_path / "two")
    assert one == two
    names = set(one)
    for needed in ("report.json", "report.md", "report.html", "report.txt", "csv/hits.csv",
                   "csv/density.csv", "csv/naming.csv", "csv/facts.csv"):
        assert needed in names
    assert any(n.startswith("charts/") and n.endswith(".png") for n in names)
    assert any(n.startswith("charts/") and n.endswith(".svg") for n in names)
    # The terminal summary is what report.txt holds when that fits in the
    # terminal's 300 lines; the demo (four events over two months, with outlet
    # groups) is longer, so the terminal shows the overview that points to it.
    full = (tmp_path / "one" / "report.txt").read_text(encoding="utf-8")
    from framing.report.terminal import MAX_LINES

    if len(full.splitlines()) <= MAX_LINES:
        assert full in first.stdout
    else:
        report_part = first.stdout.split(full.splitlines()[0], 1)[1]
        assert "\nOverview\n" in report_part and "one/" in report_part
        assert len(report_part.splitlines()) <= MAX_LINES


@pytest.mark.slow
def test_run_on_the_seeds_writes_every_format(tmp_path: Path, seeds_dir: Path) -> None:
    res = CliRunner().invoke(cli, ["run", str(seeds_dir), "--out", str(tmp_path / "r")], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    assert "Tasnim News Agency" in res.output
    data = json.loads((tmp_path / "r" / "report.json").read_text(encoding="utf-8"))
    assert len(data["articles"]) == 5


def test_user_lexicon_dir_adds_terms(mini_db: Path, tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "extra.yaml").write_text(
        "entries:\n"
        "  - term: river deal\n"
        "    category: promotional\n"
        "    explanation: A test entry that flags a plain phrase.\n"
        "    neutral: agreement\n"
        "    examples:\n"
        "      loaded: [The river deal was hailed as a triumph.]\n"
        "      not_loaded: [They discussed a river deal in 1990.]\n",
        encoding="utf-8")
    res = CliRunner().invoke(cli, ["hits", "--db", str(mini_db), "--format", "jsonl", "--lexicon-dir", str(mine)],
                             catch_exceptions=False)
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in res.output.splitlines()]
    assert any(r["term"] == "river deal" and r["category"] == "promotional" for r in rows)
    assert len({r["lexicon_version"] for r in rows}) == 1
    assert rows[0]["lexicon_version"] != load_lexicon().version  # the user's lexicon changes the version


def test_malformed_user_lexicon_is_one_line_error(mini_db: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "broken.yaml").write_text(
        "entries:\n  - term: junta\n    category: name-calling\n    explanation: x\n    neutral: y\n"
        "    examples:\n      loaded: [The junta met.]\n      not_loaded: [A junta in a novel.]\n",
        encoding="utf-8")
    res = CliRunner().invoke(cli, ["hits", "--db", str(mini_db), "--lexicon-dir", str(bad)])
    assert res.exit_code == 1
    assert res.output.startswith("Error: ") and res.output.count("\n") == 1
    assert "broken.yaml:3" in res.output and "name-calling" in res.output
    # The store and the shipped lexicon are untouched: the next run works.
    assert CliRunner().invoke(cli, ["hits", "--db", str(mini_db)]).exit_code == 0
