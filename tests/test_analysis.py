"""One analysis per article, computed once (issue 9): the hits, the
quotations and the sentences come from the detector's one pass, stored; the
comparison only reads them, so every section agrees with the hits and the
comparison runs on a store it cannot change."""

from __future__ import annotations

import ast
import hashlib
import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

import framing
from framing.resources import as_path, demo_corpus
from framing.cli import cli
from framing.compare import build_report
from framing.compare.naming import naming
from framing.detect import Detector, analyze, load_lexicon
from framing.models import Article
from framing.store import Store

from conftest import copy_store

REPO = Path(__file__).resolve().parents[1]

QUOTE = "We will not let this regime close the river to our farmers again"


@pytest.fixture(scope="module")
def detector():
    return Detector(load_lexicon()).fit()


# -- acceptance 1: a user's speech verb reaches the hits and the report alike ------------

def _quipped_db(tmp_path: Path) -> Path:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "manifest.csv").write_text("path,outlet,date\na.txt,Almera Courier,2026-03-12\n"
                                        "b.txt,Kesh Daily Standard,2026-03-12\n", encoding="utf-8")
    for name, lead in (("a.txt", "Farmers gathered at the Siran weir on Thursday."),
                       ("b.txt", "The Siran weir was closed again on Thursday.")):
        (pages / name).write_text(f"Weir closed\n\n{lead} “{QUOTE},” Hanne Lund quipped. "
                                  "The weir reopened later that day.\n", encoding="utf-8")
    db = tmp_path / "f.db"
    res = CliRunner().invoke(cli, ["ingest", str(pages), "--db", str(db)])
    assert res.exit_code == 0, res.output
    return db


def _speakers(db: Path, lexicon_args: list[str]) -> tuple[set, set]:
    runner = CliRunner()
    hits = runner.invoke(cli, ["hits", "--db", str(db), "--format", "jsonl", *lexicon_args])
    assert hits.exit_code == 0, hits.output
    in_quote = {json.loads(line)["speaker"] for line in hits.output.splitlines()
                if json.loads(line)["voice"] == "quote"}
    rep = runner.invoke(cli, ["report", "--db", str(db), "--format", "json", *lexicon_args])
    assert rep.exit_code == 0, rep.output
    quotes = {q["speaker"] for e in json.loads(rep.output)["events"] for q in e["quotes"]}
    return in_quote, quotes


def test_a_speech_verb_from_a_lexicon_dir_gives_hits_and_quotes_the_same_speaker(tmp_path):
    db = _quipped_db(tmp_path)
    lex = tmp_path / "lex"
    lex.mkdir()
    (lex / "verbs.yaml").write_text("speech_verbs: [quipped]\n", encoding="utf-8")
    # the shipped cues do not know "quipped": nobody is named
    assert _speakers(db, []) == ({None}, {None})
    assert _speakers(db, ["--lexicon-dir", str(lex)]) == ({"Hanne Lund"}, {"Hanne Lund"})


# -- acceptance 2: one quotation parse per article -------------------------------------

def _framing_imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            out.add("." * node.level + (node.module or ""))
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
    return out


@pytest.mark.parametrize("path", sorted((REPO / "framing" / "compare").glob("*.py")), ids=lambda p: p.name)
def test_comparison_imports_no_detector(path):
    found = {m for m in _framing_imports(path) if "detect" in m}
    assert not found, f"{path.name} imports {found}: comparison must read analyses, not parse"


def test_comparison_runs_without_the_quotation_parser(demo_db, tmp_path, monkeypatch):
    with Store(copy_store(demo_db, tmp_path / "demo.db")) as store:
        analyze(store, load_lexicon())
        articles, analyses = list(store.articles()), store.analyses()

    def parse_again(*args, **kwargs):
        raise AssertionError("the comparison parsed quotation marks again")

    monkeypatch.setattr("framing.detect.voice.pair_quotes", parse_again)
    monkeypatch.setattr("framing.detect.quotes.pair_quotes", parse_again)
    report = build_report(articles, analyses)
    assert any(e.quotes for e in report.events)


@pytest.fixture(scope="module", params=["demo", "seeds"])
def analysed_store(request, tmp_path_factory):
    src = request.getfixturevalue(f"{request.param}_db")
    db = copy_store(src, tmp_path_factory.mktemp(request.param) / "f.db")
    with Store(db) as store:
        analyze(store, load_lexicon())
        articles, analyses = list(store.articles()), store.analyses()
    return articles, analyses, build_report(articles, analyses)


def test_quotes_section_hits_and_facts_agree_on_every_quotation(analysed_store):
    articles, analyses, report = analysed_store
    by_id = {a.id: a for a in articles}
    # every hit inside a quotation carries that quotation's speaker
    for aid, an in analyses.items():
        for h in an.hits:
            if h.voice != "quote":
                continue
            [q] = [q for q in an.quotations_in(h.field) if q.inner_start <= h.start < q.inner_end]
            assert h.speaker == q.speaker, (aid, h.text)
    # every version in the quotes section is a stored quotation, with its speaker
    checked = 0
    for ev in report.events:
        for row in ev.quotes:
            speakers = set()
            for v in row.versions:
                body = by_id[v.article].body
                match = [q for q in analyses[v.article].quotations_in("body")
                         if body[q.inner_start:q.inner_end].strip() == v.text]
                assert match, (v.article, v.text)
                speakers.update(q.speaker for q in match if q.speaker)
                checked += 1
            assert row.speaker in speakers if speakers else row.speaker is None
        # a fact quoted "(quoting X)" names a speaker the analyses found
        quoted = {f.text.rsplit("(quoting ", 1)[1].rstrip(")") for f in ev.facts if "(quoting " in f.text}
        known = {q.speaker.lower() for a in ev.articles for q in analyses[a].quotations if q.speaker}
        assert {s.lower() for s in quoted} <= known
    assert checked or not any(ev.quotes for ev in report.events)


def test_a_label_after_a_dozen_ellipses_counts_once(detector):
    body = ("… " * 12) + "Officials said the Velmoran regime closed the Kesh crossing. Officials in Velmora denied it."
    other = "Velmora closed the Kesh crossing on Monday, officials in Ardelia said. Velmora denied it."
    arts = [Article(id=1, source="a", outlet="A", body=body), Article(id=2, source="b", outlet="B", body=other)]
    analyses = {a.id: detector.analyze(a) for a in arts}
    assert [h.text for h in analyses[1].hits if h.loaded] == ["regime"]
    [velmora] = [r for r in naming(arts, analyses) if r.actor.lower().startswith("velmora")]
    forms_a = {f.form: f.count for f in velmora.forms if f.outlet == "A"}
    assert forms_a == {"Velmoran regime": 1, "Velmora": 1}


# -- acceptance 3: the comparison changes nothing -------------------------------------------

def _digest(db: Path) -> str:
    """The database file's bytes, and that no write waits in its WAL (SQLite may
    create an empty -wal and a -shm index beside a WAL database it reads)."""
    wal = db.with_name(db.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    return hashlib.sha256(db.read_bytes()).hexdigest()


def test_build_report_runs_on_a_read_only_store_and_changes_nothing(demo_db, tmp_path):
    db = copy_store(demo_db, tmp_path / "demo.db")
    with Store(db) as store:
        analyze(store, load_lexicon())
        expected = build_report(store.articles(), store.analyses()).to_json()
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = _digest(db)
    with Store.open_readonly(db) as store:
        assert build_report(store.articles(), store.analyses()).to_json() == expected
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            store.conn.execute("DELETE FROM hits")
    assert _digest(db) == before


# -- the library: load() works with the comparison, run() is the CLI's job -----------------

def test_load_output_goes_through_analyze_and_build_report(detector):
    with as_path(demo_corpus()) as corpus:
        articles = framing.load([corpus])
    assert [a.id for a in articles] == list(range(1, len(articles) + 1))
    report = framing.build_report(articles, framing.analyze(articles, detector))
    assert isinstance(report, framing.Report) and report.events and report.hits


def test_report_to_frames(demo_db, tmp_path):
    import pandas as pd
    with Store(copy_store(demo_db, tmp_path / "demo.db")) as store:
        analyze(store, load_lexicon())
        report = build_report(store.articles(), store.analyses())
    frames = report.to_frames()
    assert isinstance(frames["density"], pd.DataFrame)
    assert len(frames["hits"]) == len(report.hits)
    assert len(frames["density"]) == sum(len(e.density) for e in report.events)
    assert "by_category.labeling" in frames["density"].columns


@pytest.mark.slow
def test_library_run_writes_the_same_bytes_as_the_command(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    res = CliRunner().invoke(cli, ["demo", "--out", "cli"])
    assert res.exit_code == 0, res.output
    with as_path(demo_corpus()) as corpus:
        result = framing.run([(corpus, "corpus")], out="lib")
    files = lambda d: {p.relative_to(d): p.read_bytes() for p in sorted(d.rglob("*"))  # noqa: E731
                       if p.is_file() and not p.name.startswith("framing.db")}
    cli_files, lib_files = files(tmp_path / "cli"), files(tmp_path / "lib")
    assert set(cli_files) == set(lib_files) == {p.resolve().relative_to((tmp_path / "lib").resolve())
                                                for p in result.written}
    assert cli_files == lib_files
