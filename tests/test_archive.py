"""Archive-scale ingest and detection (issue 12): light start-up, the fast
matching normaliser, batched and resumable ingest, ``--jobs`` and re-runs
that skip what is unchanged."""

from __future__ import annotations

import random
import subprocess
import sys

import pytest

from framing.text.normalize import _normalize_for_matching

_JOINERS = frozenset("-\u2010\u2011")
_SOFT_APOSTROPHES = frozenset("'\u2019")


def _reference_normalize(text: str) -> tuple[str, tuple[int, ...]]:
    """The specification of normalize_for_matching, one character at a time
    (the shipped code works run by run, with a lazy offset map)."""
    chars, index, n, i = [" "], [-1], len(text), 0
    while i < n:
        ch = text[i]
        if ch.isalnum():
            low = ch.lower()
            chars.append(low if len(low) == 1 else ch)
            index.append(i)
            i += 1
            continue
        j = i
        while j < n and not text[j].isalnum():
            j += 1
        run = text[i:j]
        soft = (run in _SOFT_APOSTROPHES and i > 0 and j < n) or (
            all(c.isspace() or c in _JOINERS for c in run) and run.count("\n") < 2)
        if soft or i == 0 or j == n:
            chars.append(" ")
            index.append(i)
        else:
            chars.extend(" | ")
            index.extend((i, i, i))
        i = j
    if chars[-1] != " ":
        chars.append(" ")
        index.append(n)
    return "".join(chars), tuple(index)


def test_matching_normaliser_equals_its_specification():
    rng = random.Random(12)
    alphabet = "aZ9 _-\n'’.,\"“İΣσς\u0301ß½\t|\u2010"
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        norm, index = _normalize_for_matching.__wrapped__(text)
        want_norm, want_index = _reference_normalize(text)
        assert norm == want_norm, text
        assert tuple(index) == want_index, text
        assert len(index) == len(norm)


def test_cli_default_charts_matches_the_report_stage():
    from framing.cli import DEFAULT_CHARTS
    from framing.report.scope import DEFAULT_CHARTS as REPORT_DEFAULT

    assert DEFAULT_CHARTS == REPORT_DEFAULT


@pytest.mark.slow  # a process of its own: the CI run, not the inner loop
def test_storing_articles_does_not_load_the_heavy_libraries():
    """`framing ingest` starts without scikit-learn, SciPy, NLTK or matplotlib."""
    code = ("import sys, framing.cli, framing.corpus, framing.store; "
            "print(sorted(m for m in ('sklearn', 'scipy', 'nltk', 'matplotlib', 'numpy') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# -- --jobs: the same result for any number of workers ------------------------------

import json  # noqa: E402
import os  # noqa: E402
import shutil  # noqa: E402
import signal  # noqa: E402
import sqlite3  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

from click.testing import CliRunner  # noqa: E402

from framing.cli import cli  # noqa: E402
from framing.corpus import BATCH_ARTICLES, ingest  # noqa: E402
from framing.store import Store  # noqa: E402


def _mixed_inputs(tmp_path: Path, data_dir: Path, seeds_dir: Path) -> Path:
    """Real inputs of every kind in one folder: the seeds (pasted pages with a
    manifest), saved HTML pages, pasted copies and an export."""
    root = tmp_path / "inputs"
    shutil.copytree(seeds_dir, root / "seeds")
    pages = data_dir / "real-pages"
    for sub, n in (("html", 8), ("pasted", 8)):
        (root / sub).mkdir()
        for p in sorted((pages / sub).iterdir())[:n]:
            shutil.copy(p, root / sub / p.name)
    (root / "exports").mkdir()
    shutil.copy(pages / "exports" / "newsapi-everything-2019-05-19.json", root / "exports")
    return root


def _ingest_analyze_hits(db: Path, inputs: Path, jobs: int) -> list[str]:
    runner = CliRunner()
    out = []
    for args in (["ingest", str(inputs)], ["analyze"]):
        res = runner.invoke(cli, [*args, "--db", str(db), "--jobs", str(jobs)])
        assert res.exit_code == 0, res.output
        out.append(res.output.replace(str(inputs), "INPUTS"))
    for args in (["hits", "--format", "jsonl"], ["articles", "--format", "jsonl"]):
        res = runner.invoke(cli, [*args, "--db", str(db)])
        assert res.exit_code == 0, res.output
        out.append(res.output.replace(str(inputs), "INPUTS"))
    return out


@pytest.mark.slow  # a process of its own: the CI run, not the inner loop
def test_jobs_2_stores_and_prints_the_same_as_jobs_1(tmp_path, data_dir, seeds_dir):
    inputs = _mixed_inputs(tmp_path, data_dir, seeds_dir)
    one = _ingest_analyze_hits(tmp_path / "one.db", inputs, 1)
    two = _ingest_analyze_hits(tmp_path / "two.db", inputs, 2)
    assert one == two
    assert one[0].endswith(", 0 errors\n") and one[2].count("\n") > 50  # real work was compared
    with Store(tmp_path / "one.db") as a, Store(tmp_path / "two.db") as b:
        assert a.analyses() == b.analyses()
        assert a.quotations() and a.quotations() == b.quotations()


@pytest.mark.slow
def test_run_with_jobs_writes_the_same_report_json(tmp_path):
    import framing
    from framing.resources import as_path, demo_corpus

    with as_path(demo_corpus()) as corpus:
        one = framing.run([(corpus, "corpus")], out=tmp_path / "one", charts="none", jobs=1)
        two = framing.run([(corpus, "corpus")], out=tmp_path / "two", charts="none", jobs=2)
    assert (one.out / "report.json").read_bytes() == (two.out / "report.json").read_bytes()
    assert (one.out / "hits.jsonl").read_bytes() == (two.out / "hits.jsonl").read_bytes()


# -- re-runs skip what is unchanged ---------------------------------------------------------

def _statuses(reports) -> list[tuple[str, str]]:
    return [(Path(r.source).name, r.status) for r in reports]


def test_unchanged_file_is_not_read_again_and_a_touched_one_is(tmp_path, seeds_dir):
    folder = tmp_path / "seeds"
    shutil.copytree(seeds_dir, folder)
    db = tmp_path / "s.db"
    with Store(db) as store:
        first = ingest(store, [folder])
        assert {s for _, s in _statuses(first)} == {"added"}
        again = ingest(store, [folder])
        assert [(n, "unchanged") for n, _ in _statuses(first)] == _statuses(again)
        assert [r.notes for r in again] == [r.notes for r in first]
        assert [r.article_ids for r in again] == [r.article_ids for r in first]
        # Same size and modification time: the file is taken as unchanged without
        # reading it (this edit is not seen) ...
        page = sorted(folder.glob("0*.txt"))[0]
        st = page.stat()
        data = bytearray(page.read_bytes())
        i = data.index(b"the")
        data[i:i + 3] = b"THE"
        page.write_bytes(bytes(data))
        os.utime(page, ns=(st.st_atime_ns, st.st_mtime_ns))
        skipped = ingest(store, [folder])
        assert {s for _, s in _statuses(skipped)} == {"unchanged"}
        # ... a new modification time reads it again, and the edit is stored.
        os.utime(page, ns=(st.st_atime_ns, st.st_mtime_ns + 10**9))
        touched = dict(_statuses(ingest(store, [folder])))
        assert touched.pop(page.name) == "updated"
        assert set(touched.values()) == {"unchanged"}
        # Other reading options read every file again.
        relabelled = ingest(store, [folder], event="my-event")
        assert {s for _, s in _statuses(relabelled)} == {"updated"}


def test_a_file_with_an_error_is_read_again(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.txt").write_text("   \n")
    with Store(tmp_path / "s.db") as store:
        for _ in range(2):
            (rep,) = ingest(store, [folder])
            assert rep.status == "error" and rep.errors


def test_unchanged_rerun_of_analyze_does_no_work(tmp_path, seeds_dir):
    db = tmp_path / "s.db"
    runner = CliRunner()
    assert runner.invoke(cli, ["ingest", str(seeds_dir), "--db", str(db)]).exit_code == 0
    first = runner.invoke(cli, ["analyze", "--db", str(db)])
    again = runner.invoke(cli, ["analyze", "--db", str(db)])
    assert first.output.startswith("analysed 5 articles, 0 unchanged")
    assert again.output.startswith("analysed 0 articles, 5 unchanged")
    assert first.output.split("(lexicon")[1] == again.output.split("(lexicon")[1]


# -- kill -9 never half-writes a batch ---------------------------------------------------------

def _export(path: Path, n: int) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            body = f"Report {i} on the harbour accord. " * 12
            fh.write(json.dumps({"stories_id": str(i), "media_name": f"Outlet {i % 7}",
                                 "publish_date": "2024-03-01", "title": f"Story {i}",
                                 "text": body}) + "\n")


@pytest.mark.slow
def test_kill_9_mid_ingest_leaves_whole_batches_and_a_rerun_finishes(tmp_path):
    n = 40 * BATCH_ARTICLES
    export = tmp_path / "archive.jsonl"
    _export(export, n)
    db = tmp_path / "killed.db"
    proc = subprocess.Popen([sys.executable, "-m", "framing", "ingest", str(export), "--db", str(db)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    stored = 0
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
                stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        except sqlite3.OperationalError:
            stored = 0  # not created yet
        if stored >= 2 * BATCH_ARTICLES:
            break
        time.sleep(0.01)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert 0 < stored < n, "the ingest finished before it could be killed: make the export larger"
    with Store(db) as store:
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        kept = list(store.articles())
        assert kept and len(kept) % BATCH_ARTICLES == 0 and len(kept) < n  # whole batches only
        for art in kept:
            assert art.body == f"Report {art.source_id} on the harbour accord. " * 12 or \
                art.body == (f"Report {art.source_id} on the harbour accord. " * 12).strip()
        assert [int(a.source_id) for a in kept] == list(range(len(kept)))
        ids_before = [a.id for a in kept]
    rerun = subprocess.run([sys.executable, "-m", "framing", "ingest", str(export), "--db", str(db)],
                           capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert rerun.stdout.strip().splitlines()[-1] == (
        f"{n - len(kept)} added, 0 updated, {len(kept)} unchanged, 0 errors")
    with Store(db) as store:
        everything = list(store.articles())
        assert [int(a.source_id) for a in everything] == list(range(n))
        assert [a.id for a in everything[:len(ids_before)]] == ids_before
