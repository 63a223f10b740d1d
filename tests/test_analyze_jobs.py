"""What makes ``analyze --jobs N`` cheap in its one writing process: the
lemmas of the scare-quote rules from the user's cache (not lemminflect's
tables in every process), one statement per table for a batch of analyses,
workers forked with the parent's detector, and smaller tasks at the end."""

from __future__ import annotations

import gc
import json
import os
import re
import subprocess
import sys

import pytest

from framing.detect import Detector, analyze, load_lexicon
from framing.detect import detector as detector_module
from framing.detect import wordlists
from framing.text import dictionary
from framing.models import Article
from framing.store import Store, analysis_rows

analyze_module = sys.modules["framing.detect.analyze"]


@pytest.fixture()
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("FRAMING_HOME", str(tmp_path))
    monkeypatch.setattr(detector_module, "_FITTED", {})
    dictionary._lemma_map.cache_clear()
    dictionary._lemma_lists.cache_clear()
    dictionary.lemmas_of.cache_clear()
    dictionary.is_noun.cache_clear()
    yield tmp_path
    dictionary._lemma_map.cache_clear()
    dictionary._lemma_lists.cache_clear()
    dictionary.lemmas_of.cache_clear()
    dictionary.is_noun.cache_clear()


def _by_lemminflect(word: str) -> frozenset[str]:
    from lemminflect import getAllLemmas

    return frozenset(x.lower() for forms in getAllLemmas(word).values() for x in forms)


def test_lemmas_come_from_the_cache_and_equal_lemminflect(home, seed_files) -> None:
    """``lemmas_of`` answers as ``getAllLemmas`` does for every word of the
    seeds and a slice of lemminflect's own tables (irregular forms, words it
    does not know), built afresh and read back from the JSON file."""
    from lemminflect.core.Lemmatizer import Lemmatizer

    lemmatizer = Lemmatizer()
    table = sorted(w for w in lemmatizer._getLemmaDict() if w == w.lower())
    words = {w.lower() for p in seed_files.values()
             for w in re.findall(r"[A-Za-z]{3,}", p.read_text(encoding="utf-8"))}
    words |= set(table[::25]) | set(lemmatizer._getOverridesDict())
    words |= {"trying", "went", "mice", "better", "leaves", "qxvrl", "ransomware", "café"}
    want = {w: _by_lemminflect(w) for w in words}
    assert want["trying"] == {"try"} and want["qxvrl"] == frozenset() and want["leaves"] >= {"leaf", "leave"}
    assert {w: dictionary.lemmas_of(w) for w in words} == want
    files = list((home / "cache").glob("lemma-forms-*.json"))
    assert len(files) == 1
    stored = json.loads(files[0].read_text(encoding="utf-8"))
    assert stored["went"] == "go" and "treaty" not in stored  # a word that is its own only lemma is not listed
    dictionary._lemma_map.cache_clear()
    dictionary.lemmas_of.cache_clear()
    assert {w: dictionary.lemmas_of(w) for w in words} == want  # read back


@pytest.mark.parametrize("content", ["{not json", '{"went": ["go"]}', '["go"]'])
def test_a_damaged_lemma_cache_is_rebuilt(home, content) -> None:
    dictionary.lemmas_of("went")  # writes the file
    path = next((home / "cache").glob("lemma-forms-*.json"))
    path.write_text(content, encoding="utf-8")
    dictionary._lemma_map.cache_clear()
    dictionary.lemmas_of.cache_clear()
    assert dictionary.lemmas_of("went") == {"go"}
    assert json.loads(path.read_text(encoding="utf-8"))["went"] == "go"


def test_analyze_with_a_warm_cache_loads_no_lemminflect(home, tmp_path, seeds_dir) -> None:
    """A detecting process (each ``--jobs`` worker's parent included) reads the
    lemmas and the country names from the cache: neither lemminflect's tables
    nor pycountry's are loaded."""
    db = tmp_path / "s.db"
    # A quoted word before a noun that a relative clause defines: the rule that
    # asks whether that word can be a noun (it loaded lemminflect's tables).
    more = tmp_path / "more"
    more.mkdir()
    (more / "workers.txt").write_text(
        "Praise for workers\n\nOfficials praised the “essential” workers that keep the city "
        "running, the mayor said on Monday.\n\nThe city thanked them again.\n", encoding="utf-8")
    code = ("import sys; from framing.cli import main; sys.argv[1:] = {args!r}\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in ('lemminflect', 'pycountry') if m in sys.modules))")
    env = {**os.environ, "FRAMING_HOME": str(home)}
    for args in (["ingest", str(seeds_dir), str(more), "--db", str(db)], ["analyze", "--db", str(db)],
                 ["analyze", "--db", str(db), "--force"]):
        out = subprocess.run([sys.executable, "-c", code.format(args=args)], capture_output=True,
                             text=True, check=True, env=env)
    assert out.stdout.splitlines()[-1] == "[]", out.stdout + out.stderr
    assert out.stdout.startswith("analysed 6 articles")


def _articles(n: int) -> list[Article]:
    return [Article(source=f"s{i}", title=f"The regime's “reforms” {i}",
                    body=f"The so-called reforms, critics said, were a disastrous power grab {i}.\n\n"
                         "“It is a sham,” said Dr. Vel Marno. The regime denied it.")
            for i in range(n)]


def test_a_batch_of_analyses_is_stored_as_one_article_at_a_time_would_be(tmp_path) -> None:
    detector = Detector(load_lexicon()).fit()
    with Store(tmp_path / "a.db") as one, Store(tmp_path / "b.db") as batch:
        for store in (one, batch):
            for art in _articles(6):
                store.put(art, path_key=art.source)
        arts = list(one.articles())
        fps = one.fingerprints()
        rows = [analysis_rows(detector.analyze(a), fps[a.id]) for a in arts]
        for r in rows:
            one.put_analysis_rows([r])
        # the same article twice in a batch: its last analysis is kept, as row by row
        stale = analysis_rows(detector.analyze(Article(id=arts[0].id, source="x", body="Nothing here.")), "old")
        batch.put_analysis_rows([stale, *rows[:3]])
        batch.put_analysis_rows([*rows[3:], rows[0]])
        assert one.analyses() == batch.analyses()
        assert one.hits() and one.hits() == batch.hits()
        assert one.quotations() == batch.quotations()
        assert one.analyzed() == batch.analyzed()
        # re-analysed (analyze --force): old rows replaced, none left over
        batch.put_analysis_rows(rows)
        assert batch.hits() == one.hits() and batch.quotations() == one.quotations()


@pytest.mark.parametrize("n,jobs", [(33, 2), (1000, 2), (3000, 2), (97, 3), (5, 2)])
def test_tasks_cover_every_article_once_in_order_smaller_at_the_end(n, jobs) -> None:
    todo = list(range(10, 10 + n))
    tasks = list(analyze_module._tasks(todo, jobs))
    assert [a for t in tasks for a in t] == todo
    sizes = [len(t) for t in tasks]
    assert all(1 <= s <= analyze_module.TASK for s in sizes)
    assert all(s >= analyze_module.MIN_TASK for s in sizes[:-1])
    assert sizes == sorted(sizes, reverse=True)  # never a bigger task after a smaller one
    if n >= 1000:
        assert sizes[0] == analyze_module.TASK and sizes[-2] == analyze_module.MIN_TASK


@pytest.mark.parametrize("fork", [True, False])
def test_jobs_2_on_a_store_equals_jobs_1_and_leaves_no_worker_detector(tmp_path, monkeypatch, fork) -> None:
    """Forked workers inherit this process's detector; where processes cannot
    be forked, each worker builds its own from the lexicon and the model's
    JSON: the same analyses either way."""
    import framing.forking

    if not fork:
        monkeypatch.setattr(framing.forking, "can_fork", lambda: False)
    lexicon = load_lexicon()
    stores = []
    for jobs in (1, 2):
        store = Store(tmp_path / f"{jobs}.db")
        for art in _articles(3 * analyze_module.TASK):
            store.put(art, path_key=art.source)
        result = analyze(store, lexicon, jobs=jobs)
        assert result.analyzed == 3 * analyze_module.TASK
        stores.append(store)
    assert analyze_module._WORKER is None  # the forked workers' detector is not kept here
    assert gc.get_freeze_count() == 0  # the collector frozen for the fork is thawed again
    try:
        assert stores[0].analyses() == stores[1].analyses()
        assert stores[0].hits() and stores[0].hits() == stores[1].hits()
    finally:
        for store in stores:
            store.close()


def test_a_callers_frozen_collector_is_left_frozen(tmp_path) -> None:
    """``--jobs`` freezes the collector before forking its workers and thaws
    it afterwards, unless it was frozen already (by the caller)."""
    with Store(tmp_path / "s.db") as store:
        for art in _articles(2 * analyze_module.TASK):
            store.put(art, path_key=art.source)
        gc.freeze()
        try:
            frozen = gc.get_freeze_count()
            analyze(store, load_lexicon(), jobs=2)
            assert gc.get_freeze_count() >= frozen > 0
        finally:
            gc.unfreeze()


def test_country_names_come_from_the_cache_and_equal_pycountry(home) -> None:
    import pycountry

    fresh = {n.lower() for c in pycountry.countries
             for n in (c.name, getattr(c, "common_name", None), getattr(c, "official_name", None))
             if n and "," not in n}
    wordlists.state_and_people_words.cache_clear()
    try:
        first = wordlists.state_and_people_words()
        assert fresh <= first and {"france", "iran", "palestinian"} <= first
        files = list((home / "cache").glob("country-names-*.json"))
        assert len(files) == 1 and set(json.loads(files[0].read_text(encoding="utf-8"))) == fresh
        wordlists.state_and_people_words.cache_clear()
        assert wordlists.state_and_people_words() == first  # read back
    finally:
        wordlists.state_and_people_words.cache_clear()


@pytest.mark.parametrize("name", ["lemminflect", "vaderSentiment", "vadersentiment", "PyYAML", "click",
                                  "scikit-learn", "no-such-package-here"])
def test_package_versions_for_cache_keys_equal_importlib_metadata(name) -> None:
    from importlib.metadata import PackageNotFoundError, version

    from framing.usercache import package_version

    try:
        want: str | None = version(name)
    except PackageNotFoundError:
        want = None
    assert package_version(name) == want
