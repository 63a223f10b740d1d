"""Articles whose outlet nobody named are kept apart by the file they came
from: a teacher's pasted files ("cnn-library.txt", "fox-library.txt") are not
one outlet because neither page printed its name. An export's records
without an outlet stay together, one label for the file."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from framing.cli import cli
from framing.models import UNKNOWN_OUTLET, Article, outlet_label

from test_loader_several import LIBRARY, SHUTTERED


def test_the_label_names_the_file_and_the_pasted_article() -> None:
    assert outlet_label("Kesh Daily", "in/a.txt") == "Kesh Daily"
    assert outlet_label(None) == UNKNOWN_OUTLET
    assert outlet_label(None, "in/cnn-library.txt") == "(unknown outlet: cnn-library.txt)"
    assert outlet_label(None, "in\\fox.txt") == "(unknown outlet: fox.txt)"
    assert outlet_label(None, "pile.txt", "article 2") == "(unknown outlet: pile.txt, article 2)"
    # an export's record id is no part of it: the file's records stay one outlet
    assert outlet_label(None, "stories.csv", "id:48213") == "(unknown outlet: stories.csv)"
    assert Article(source="in/a.txt", body="x").outlet_name == "(unknown outlet: a.txt)"


def _run(tmp_path: Path, *paths: Path) -> dict:
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["run", *map(str, paths), "--out", str(out), "--charts", "none"])
    assert result.exit_code == 0, result.output
    return json.loads((out / "report.json").read_text(encoding="utf-8"))


def test_two_pasted_files_without_an_outlet_are_compared_as_two(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "cnn-library.txt").write_text(LIBRARY, encoding="utf-8")
    (folder / "fox-library.txt").write_text(SHUTTERED, encoding="utf-8")
    report = _run(tmp_path, folder)
    (event,) = report["events"]
    assert event["outlets"] == ["(unknown outlet: cnn-library.txt)", "(unknown outlet: fox-library.txt)"]


def test_two_articles_pasted_into_one_file_are_two_outlets(tmp_path: Path) -> None:
    pile = tmp_path / "pile.txt"
    pile.write_text(LIBRARY + "\n-----\n\n" + SHUTTERED, encoding="utf-8")
    (event,) = _run(tmp_path, pile)["events"]
    assert event["outlets"] == ["(unknown outlet: pile.txt, article 1)", "(unknown outlet: pile.txt, article 2)"]


def test_an_exports_records_without_an_outlet_stay_one(tmp_path: Path) -> None:
    export = tmp_path / "stories.jsonl"
    rows = [{"title": t.split("\n")[0], "text": t, "publish_date": d}
            for t, d in ((LIBRARY, "2031-03-03"), (SHUTTERED, "2031-03-04"))]
    export.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    (event,) = _run(tmp_path, export)["events"]
    assert event["outlets"] == ["(unknown outlet: stories.jsonl)"]


def test_ingest_says_once_how_to_name_the_outlets(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "cnn-library.txt").write_text(LIBRARY, encoding="utf-8")
    (folder / "fox-library.txt").write_text(SHUTTERED, encoding="utf-8")
    db = str(tmp_path / "s.db")
    result = CliRunner().invoke(cli, ["ingest", "--db", db, str(folder)])
    assert result.exit_code == 0, result.output
    advice = [ln for ln in result.output.splitlines() if "no outlet:" in ln]
    assert advice == ["note: 2 articles name no outlet: the reports call each '(unknown outlet: FILE)' after "
                      "its file; to name them, put a manifest.csv with path and outlet columns beside the "
                      "files (or give --manifest FILE), or --outlet NAME for files of one outlet"]
    (folder / "manifest.csv").write_text("path,outlet\ncnn-library.txt,CNN\nfox-library.txt,Fox News\n",
                                         encoding="utf-8")
    again = CliRunner().invoke(cli, ["ingest", "--db", db, str(folder)])
    assert again.exit_code == 0 and "2 updated" in again.output and "no outlet:" not in again.output
