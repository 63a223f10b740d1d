"""The cyclic garbage collector is paused where a process that holds a corpus
builds many objects that make no cycles (framing._collector): the store's
reading of articles and analyses, the per-event work items and the report's
own rows. Each pause changes when the collector looks, never what is built,
and leaves the collector as the caller had it."""

from __future__ import annotations

import gc

import pytest

import framing.compare as compare
import framing.store as store_module
from framing._collector import collector_paused
from framing.compare import build_report
from framing.detect import analyze, load_lexicon
from framing.models import Article
from framing.store import Store
from conftest import copy_store


def _recording(fn, seen):
    def wrapped(*args, **kwargs):
        seen.append(gc.isenabled())
        return fn(*args, **kwargs)
    return wrapped


@pytest.fixture()
def demo_store(demo_db, tmp_path):
    with Store(copy_store(demo_db, tmp_path / "demo.db")) as store:
        analyze(store, load_lexicon())
        yield store


def test_the_collector_is_back_as_the_caller_left_it():
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(KeyError), collector_paused():
        raise KeyError("x")
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()  # a caller's collector that is off stays off
    finally:
        gc.enable()


def test_the_store_reads_articles_and_analyses_with_the_collector_paused(demo_store, monkeypatch):
    plain_articles = list(demo_store.articles())
    plain_analyses = demo_store.analyses()
    rows, made = [], []
    monkeypatch.setattr(store_module, "_article_from_row", _recording(store_module._article_from_row, rows))
    monkeypatch.setattr(store_module, "Analysis", _recording(store_module.Analysis, made))
    assert list(demo_store.articles()) == plain_articles
    assert demo_store.analyses() == plain_analyses
    assert rows and made and not any(rows) and not any(made)
    assert gc.isenabled()
    # what the caller does between the articles runs with the collector as it left it
    between = [gc.isenabled() for _ in demo_store.articles()]
    assert all(between)


def test_the_reports_rows_and_the_events_work_are_built_with_the_collector_paused(demo_store, monkeypatch):
    articles = list(demo_store.articles())
    analyses = demo_store.analyses()
    plain = build_report(articles, analyses)
    rows, work = [], []
    monkeypatch.setattr(Article, "to_dict", _recording(Article.to_dict, rows))
    monkeypatch.setattr(compare, "event_shards", _recording(compare.event_shards, work))
    assert build_report(articles, analyses).to_json() == plain.to_json()
    assert rows and work and not any(rows) and not any(work)
    assert gc.isenabled()


def test_the_terminal_summary_is_written_with_the_collector_paused(demo_store, monkeypatch):
    import framing.report.terminal as terminal

    report = build_report(list(demo_store.articles()), demo_store.analyses())
    plain = terminal.render_terminal(report, max_lines=40, full_report="out/")
    seen = []
    monkeypatch.setattr(terminal, "_head", _recording(terminal._head, seen))
    monkeypatch.setattr(terminal, "_overview", _recording(terminal._overview, seen))
    assert terminal.render_terminal(report, max_lines=40, full_report="out/") == plain
    assert len(seen) == 2 and not any(seen)  # the head, then the overview of a summary too long
    assert gc.isenabled()
