"""`compare_store` with ``jobs`` > 1 analyses in a process of its own while
grouping runs here (:class:`framing.pipeline.AnalyzeAside`): the same stored
analyses and the same report as one process doing one after the other, and
an error of either side reaches the caller."""

from __future__ import annotations

import pytest

from conftest import copy_store
from framing.detect import load_lexicon
from framing.forking import RemoteTraceback, can_fork
from framing.pipeline import AnalyzeAside, compare_store
from framing.store import Store

pytestmark = pytest.mark.skipif(not can_fork(), reason="the analysing process is forked")


def _report_and_analyses(db, jobs: int, lexicon) -> tuple[str, dict]:
    with Store(db) as store:
        report = compare_store(store, lexicon, jobs=jobs)
        return report.to_json(), store.analyses()


def test_analysed_aside_the_same_report_and_analyses_as_in_one_process(demo_db, tmp_path, monkeypatch):
    lexicon = load_lexicon()
    started = []
    real_start = AnalyzeAside.start.__func__

    def start(cls, *args, **kwargs):
        aside = real_start(cls, *args, **kwargs)
        started.append(aside)
        return aside

    monkeypatch.setattr(AnalyzeAside, "start", classmethod(start))
    one, one_analyses = _report_and_analyses(copy_store(demo_db, tmp_path / "one.db"), 1, lexicon)
    assert started == []  # one job: analysed here, then grouped
    two, two_analyses = _report_and_analyses(copy_store(demo_db, tmp_path / "two.db"), 2, lexicon)
    assert len(started) == 1 and started[0] is not None  # it did run apart
    assert two == one
    assert two_analyses == one_analyses and sum(len(a.hits) for a in one_analyses.values()) > 20


def test_an_error_while_analysing_aside_is_raised_here(demo_db, tmp_path, monkeypatch):
    import framing.pipeline as pipeline

    def broken(store, lexicon, **kwargs):
        raise ValueError("no analysis today")

    monkeypatch.setattr(pipeline, "analyze", broken)  # the forked process inherits it
    with Store(copy_store(demo_db, tmp_path / "d.db")) as store:
        with pytest.raises(ValueError, match="no analysis today") as info:
            compare_store(store, load_lexicon(), jobs=2)
        assert isinstance(info.value.__cause__, RemoteTraceback)
        assert store.analyses() == {}


def test_an_error_while_grouping_wins_and_the_analyses_are_still_stored(demo_db, tmp_path, monkeypatch):
    import framing.compare.grouping as grouping

    def broken(*args, **kwargs):
        raise RuntimeError("no grouping today")

    monkeypatch.setattr(grouping, "events_and_copies", broken)
    with Store(copy_store(demo_db, tmp_path / "d.db")) as store:
        with pytest.raises(RuntimeError, match="no grouping today"):
            compare_store(store, load_lexicon(), jobs=2)
        assert len(store.analyses()) == store.count()  # the process was waited for


def test_a_store_in_memory_is_analysed_here():
    with Store(":memory:") as store:
        assert AnalyzeAside.start(store, load_lexicon(), 2) is None
