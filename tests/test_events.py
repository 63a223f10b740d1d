"""User corrections to event grouping: `framing events`, `merge`, `split` and
`reset`, stored in the store and applied again by every later run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from click.testing import CliRunner

from framing.cli import cli
from framing.compare.grouping import apply_corrections
from framing.store import Store

from conftest import run_framing

MINI = Path(__file__).resolve().parent / "data" / "mini"


def test_apply_corrections_merges_and_splits_in_order():
    groups = [([1, 2, 3], None), ([4], None), ([5, 6], "x")]
    got = apply_corrections(groups, [("merge", [3, 4]), ("split", [2])])
    assert sorted((ids, c) for ids, _, c in got) == [([1, 3, 4], True), ([2], True), ([5, 6], False)]
    # merging keeps a manifest name only when every merged group had it
    got = apply_corrections(groups, [("merge", [5, 1])])
    assert [(ids, ev) for ids, ev, _ in got if len(ids) == 5] == [([1, 2, 3, 5, 6], None)]
    # ids no longer in the corpus are ignored; a later correction can undo an earlier one
    got = apply_corrections(groups, [("split", [99]), ("split", [5]), ("merge", [5, 6])])
    assert sorted(ids for ids, _, _ in got) == [[1, 2, 3], [4], [5, 6]]


def _events(out: Path) -> list[list[int]]:
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    return sorted(e["articles"] for e in report["events"])


@pytest.mark.slow
def test_split_and_merge_survive_a_second_run(tmp_path: Path) -> None:
    out = tmp_path / "out"
    db = str(out / "framing.db")
    runner = CliRunner()
    first = runner.invoke(cli, ["run", str(MINI), "--out", str(out), "--charts", "none"])
    assert first.exit_code == 0, first.output
    assert _events(out) == [[1, 2, 3]]

    res = runner.invoke(cli, ["events", "--db", db, "split", "e1", "--article", "2"])
    assert res.exit_code == 0, res.output
    listed = runner.invoke(cli, ["events", "--db", db, "--format", "json"])
    assert sorted(e["articles"] for e in json.loads(listed.output)) == [[1, 3], [2]]
    assert {e["grouped_by"]["basis"] for e in json.loads(listed.output)} == {"correction"}

    # a second run on the same store (a real subprocess) keeps the split
    again = run_framing("run", str(MINI), "--out", str(out))
    assert again.returncode == 0, again.stderr
    assert _events(out) == [[1, 3], [2]]

    # merge by the event ids the list shows now; --db may follow the subcommand
    ids = [e["id"] for e in json.loads(runner.invoke(cli, ["events", "--db", db, "--format", "json"]).output)]
    res = runner.invoke(cli, ["events", "merge", *ids, "--db", db])
    assert res.exit_code == 0, res.output
    assert runner.invoke(cli, ["run", str(MINI), "--out", str(out), "--charts", "none"]).exit_code == 0
    assert _events(out) == [[1, 2, 3]]
    with Store(db) as store:
        assert [a for a, _ in store.event_corrections()] == ["split", "merge"]

    res = runner.invoke(cli, ["events", "reset", "--db", db])
    assert res.exit_code == 0 and "forgot 2 corrections" in res.output


def test_unknown_event_or_article_is_one_line_error(tmp_path: Path) -> None:
    out = tmp_path / "out"
    runner = CliRunner()
    assert runner.invoke(cli, ["run", str(MINI), "--out", str(out), "--charts", "none"]).exit_code == 0
    db = str(out / "framing.db")
    res = runner.invoke(cli, ["events", "--db", db, "merge", "e1", "e9"])
    assert res.exit_code == 1 and res.output.startswith("Error: no event 'e9'") and "Traceback" not in res.output
    res = runner.invoke(cli, ["events", "--db", db, "split", "e1", "--article", "7"])
    assert res.exit_code == 1 and "article 7 is not in e1" in res.output
    res = runner.invoke(cli, ["events", "--db", db, "split", "e1", "--article", "1", "--article", "2",
                              "--article", "3"])
    assert res.exit_code == 1 and "every article" in res.output
    table = runner.invoke(cli, ["events", "--db", db])
    assert table.exit_code == 0 and table.output.splitlines()[0].split()[:2] == ["event", "dates"]


@pytest.mark.parametrize("ids, shown", [
    ([1, 3], "1,3"),
    ([3, 7, 8, 9, 12], "3,7-9,12"),
    (list(range(199, 328)), "199-327"),  # an aggregator's story of 129 rows in a row
    (list(range(1, 400, 3)), "1,4,7,10,13,16,19,22,25,... (133 articles)"),
])
def test_the_event_list_writes_article_ids_as_runs(ids, shown):
    from framing.cli import _id_ranges

    assert _id_ranges(ids) == shown
