"""The Dask engine (issue 12): parsing, detection and per-event analysis as Dask
tasks give the same store and byte-identical reports as the local engine; a
missing extra or a wrong option is a one-line error."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from framing import run
from framing.cli import cli
from framing.compare import build_report
from framing.corpus import ingest, iter_ingest
from framing.detect import Detector, analyze, load_lexicon
from framing.engine import DaskEngine, EngineError, LocalEngine, make_engine, sharded_analyze, sharded_ingest
from framing.errors import InputError
from framing.report import render
from framing.resources import as_path, demo_corpus
from framing.store import Store

distributed = pytest.importorskip("distributed")  # in the test extra: CI runs these


@pytest.fixture(scope="module")
def client():
    """Two in-process workers (threads): fast to start, real task scheduling and pickling."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=":0") as cluster, distributed.Client(cluster) as c:
        yield c


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory):
    """The demo corpus, plus a file no loader can read (its error comes back from a worker)."""
    with as_path(demo_corpus()) as corpus:
        folder = tmp_path_factory.mktemp("corpus")
        for p in sorted(Path(corpus).iterdir()):
            if p.is_file():
                (folder / p.name).write_bytes(p.read_bytes())
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02 binary \xff\xfe" * 40)
    return folder


def _rows(store: Store) -> list[dict]:
    return [a.to_dict() for a in store.articles()]


def _reports(reports) -> list[tuple]:
    return [(r.source, dict(r.counts), r.article_ids, r.notes, [str(e) for e in r.errors]) for r in reports]


@pytest.mark.slow  # a process of its own: the CI run, not the inner loop
def test_located_errors_come_back_from_a_worker_process():
    """An error made in a worker (--jobs, Dask) reaches the writer whole."""
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=1) as pool:
        err = pool.submit(InputError, "a/b.txt", "no article text found", 3).result()
    assert (type(err), err.path, err.problem, err.line, str(err)) == (
        InputError, "a/b.txt", "no article text found", 3, "a/b.txt:3: no article text found")


def test_map_shards_returns_in_order_past_its_window(client):
    def slow_for_early(shard, shared):
        time.sleep(0.02 * (5 - shard[0]))  # early shards finish last
        return [x * shared["k"] for x in shard]

    engine = DaskEngine(client=client, window=2)
    shards = [[i, i + 10] for i in range(5)]
    assert list(engine.map_shards(slow_for_early, shards, {"k": 3})) == [
        [3 * i, 3 * (i + 10)] for i in range(5)]
    assert list(engine.map_shards(slow_for_early, shards, {"k": 3})) == list(
        LocalEngine().map_shards(slow_for_early, shards, {"k": 3}))


def test_dask_ingest_stores_what_local_ingest_stores(client, corpus_dir, tmp_path):
    with Store(tmp_path / "local.db") as local:
        want = _reports(ingest(local, [corpus_dir]))
        want_rows = _rows(local)
    with Store(tmp_path / "dask.db") as store:
        got = _reports(sharded_ingest(iter_ingest(store, [corpus_dir]), DaskEngine(client=client)))
        got_rows = _rows(store)
    assert got == want
    assert got_rows == want_rows
    assert any(errors for *_, errors in got), "the broken file's error must come back"
    assert len(got_rows) >= 9


@pytest.mark.slow  # trains the classifier once (about 2 s)
def test_dask_detection_and_comparison_equal_local(client, corpus_dir, tmp_path):
    lexicon = load_lexicon()
    with Store(tmp_path / "a.db") as a, Store(tmp_path / "b.db") as b:
        ingest(a, [corpus_dir])
        ingest(b, [corpus_dir])
        analyze(a, lexicon)
        engine = DaskEngine(client=client)
        # the model the first store trained, so the test does not train twice
        detector = Detector(lexicon)
        detector.model_ = Detector(lexicon).fit(store=a).model_
        assert sharded_analyze(b, detector, engine) == a.count()
        assert b.analyses() == a.analyses()
        local = build_report(a.articles(), a.analyses())
        dask = build_report(b.articles(), b.analyses(), map_shards=engine.map_shards)
    assert render(dask, "json") == render(local, "json")
    assert len(local.events) >= 2


def test_build_report_is_the_same_whatever_runs_the_shards(demo_db, tmp_path):
    """Any map that returns shard results in order gives the same report (the compare contract)."""
    from conftest import copy_store

    calls = []

    def backwards(fn, shards):
        shards = list(shards)
        calls.append(len(shards))
        done = [fn(s) for s in reversed(shards)]
        return reversed(done)

    with Store(copy_store(demo_db, tmp_path / "demo.db")) as store:
        arts = list(store.articles())
        want = render(build_report(arts, {}), "json")
        got = render(build_report(arts, {}, map_shards=backwards), "json")
    assert got == want and calls == [calls[0]] and calls[0] >= 1


def test_missing_dask_is_a_one_line_error(monkeypatch, corpus_dir, tmp_path):
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if the extra were not installed
    with pytest.raises(EngineError, match=r"pip install 'framing\[dask\]'"):
        make_engine("dask")
    result = CliRunner().invoke(cli, ["run", str(corpus_dir), "--out", str(tmp_path / "out"), "--engine", "dask"])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        "Error: the dask engine needs Dask: pip install 'framing[dask]'"]
    assert not (tmp_path / "out" / "framing.db").exists()


def test_scheduler_needs_the_dask_engine(corpus_dir, tmp_path):
    result = CliRunner().invoke(cli, ["run", str(corpus_dir), "--out", str(tmp_path / "o"),
                                      "--scheduler", "tcp://127.0.0.1:8786"])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == ["Error: --scheduler needs --engine dask"]


@pytest.mark.slow
def test_unreachable_scheduler_is_a_one_line_error(corpus_dir, tmp_path):
    result = CliRunner().invoke(cli, ["run", str(corpus_dir), "--out", str(tmp_path / "o"),
                                      "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9"])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: cannot reach the Dask scheduler at tcp://127.0.0.1:9")


@pytest.mark.slow
def test_dask_run_on_a_process_cluster_writes_the_local_reports(tmp_path):
    """Acceptance 3: framing.run with the Dask engine on a LocalCluster of two
    worker processes gives byte-identical JSON (and every other file) to the local engine."""
    with as_path(demo_corpus()) as corpus:
        local = run([(corpus, "corpus")], tmp_path / "local", charts="none")
        with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                      dashboard_address=":0") as cluster, distributed.Client(cluster) as c:
            dask = run([(corpus, "corpus")], tmp_path / "dask", charts="none", engine=DaskEngine(client=c))
    want = (local.out / "report.json").read_bytes()
    assert (dask.out / "report.json").read_bytes() == want
    assert json.loads(want)["events"]
    names = sorted(p.relative_to(local.out).as_posix() for p in local.written)
    assert names == sorted(p.relative_to(dask.out).as_posix() for p in dask.written)
    for name in names:
        assert (dask.out / name).read_bytes() == (local.out / name).read_bytes(), name
