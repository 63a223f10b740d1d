"""The classifier fitted on the shipped training data is kept as JSON in the
user's cache folder; a later process reads it back and scores identically."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from framing.detect import Detector, load_lexicon
from framing.detect import detector as detector_module
from framing import usercache
from framing.detect.classifier import model_key
from framing.models import Article


@pytest.fixture()
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("FRAMING_HOME", str(tmp_path))
    monkeypatch.setattr(detector_module, "_FITTED", {})
    return tmp_path


ARTICLE = Article(source="t", title="The regime's “reforms”",
                  body="The so-called reforms, critics said, were a disastrous power grab.\n\n"
                       "“It is a sham,” said Dr. Vel Marno. The regime denied it.")


def test_a_fitted_model_is_saved_and_read_back(home) -> None:
    lexicon = load_lexicon()
    version = model_key(lexicon)
    fresh = Detector(lexicon).fit()
    path = usercache.cache_dir() / f"classifier-{version}.json"
    assert path.is_file() and path.parent == home / "cache"
    assert json.loads(path.read_text(encoding="utf-8")) == fresh.model.to_json()

    detector_module._FITTED.clear()
    cached = Detector(lexicon).fit()
    assert cached.model is not fresh.model and cached.model.to_json() == fresh.model.to_json()
    ARTICLE.id = 1
    assert cached.analyze(ARTICLE) == fresh.analyze(ARTICLE)


@pytest.mark.parametrize("content", ["not json", '{"version": "other"}', '{"version": "V", "coef": []}',
                                     '[1, 2]'])
def test_a_damaged_or_stale_cache_file_is_refitted(home, content) -> None:
    lexicon = load_lexicon()
    version = model_key(lexicon)
    path = usercache.cache_dir() / f"classifier-{version}.json"
    path.parent.mkdir(parents=True, exist_ok=True)  # load_lexicon may have cached its word lists there
    path.write_text(content.replace('"V"', json.dumps(version)), encoding="utf-8")
    model = Detector(lexicon).fit().model
    assert model.version == version and model.weights
    assert json.loads(path.read_text(encoding="utf-8")) == model.to_json()


def test_an_unwritable_cache_folder_is_not_an_error(tmp_path, monkeypatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("FRAMING_HOME", str(blocker))  # cache_dir() is under a file
    monkeypatch.setattr(detector_module, "_FITTED", {})
    assert Detector(load_lexicon()).fit().model.weights


def test_applying_a_cached_model_imports_no_scikit_learn(home) -> None:
    Detector(load_lexicon()).fit()  # saves the model in FRAMING_HOME
    code = ("import sys; from framing.detect import Detector, load_lexicon; "
            "Detector(load_lexicon()).fit(); "
            "print(sorted(m for m in ('sklearn', 'scipy', 'nltk') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**__import__("os").environ, "FRAMING_HOME": str(home)})
    assert out.stdout.strip() == "[]"


def test_commands_that_read_no_input_files_compile_no_page_readers(tmp_path) -> None:
    """`framing --version`, `framing analyze` and the library's top level do not
    import the loaders (their page patterns cost every process a quarter second);
    `framing.load` still works, and imports them once it reads a file."""
    page = tmp_path / "page.txt"
    page.write_text("Harbour vote delayed\n\nThe Vell council delayed its vote on the new harbour wall "
                    "after a long debate on Tuesday evening.\n", encoding="utf-8")
    code = ("import sys, framing; from framing import cli; from framing.detect import Detector; "
            "print('framing.loaders.text' in sys.modules); framing.load; "
            "print('framing.loaders.text' in sys.modules); "
            f"print(len(framing.load([{str(page)!r}]))); print('framing.loaders.text' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False", "1", "True"]


def test_an_unchanged_ingest_reads_no_file_and_imports_no_loader_or_tokeniser(tmp_path) -> None:
    """A second ``framing ingest`` of the same files is start-up and the store's
    check of (path, size, modification time): it neither parses the files nor
    compiles the loaders' or the tokeniser's patterns."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Harbour vote delayed\n\nThe Vell council delayed its vote on the "
                                  "harbour wall on Tuesday.\n", encoding="utf-8")
    (folder / "b.jsonl").write_text(json.dumps({"title": "Ferry strike ends", "text": "Ferry crews in "
                                    "Ostra went back to work on Monday after a week.", "media_name": "Ostra Post",
                                    "publish_date": "2031-05-06"}) + "\n", encoding="utf-8")
    db = tmp_path / "s.db"
    code = ("import sys; from framing.cli import cli\n"
            "try:\n    cli(['ingest', sys.argv[1], '--db', sys.argv[2]], standalone_mode=False)\n"
            "finally:\n    print(sorted(m for m in ('framing.loaders.text', 'framing.loaders.export',"
            " 'framing.text.tokens') if m in sys.modules))")
    first = subprocess.run([sys.executable, "-c", code, str(folder), str(db)],
                           capture_output=True, text=True, check=True)
    assert "2 added" in first.stdout and "'framing.loaders.text'" in first.stdout
    again = subprocess.run([sys.executable, "-c", code, str(folder), str(db)],
                           capture_output=True, text=True, check=True)
    assert "2 unchanged" in again.stdout
    assert again.stdout.strip().splitlines()[-1] == "[]"


def test_generated_word_lists_are_cached_as_json_and_equal_a_fresh_filter(home) -> None:
    from framing.detect.wordlists import _filtered_words, filtered_words

    args = dict(sign="negative", min_valence=1.5, parts_of_speech=frozenset({"ADJ"}),
                exclude=frozenset({"bad"}))
    fresh = _filtered_words(**args)
    assert fresh and "bad" not in fresh
    assert filtered_words("vader", **args) == fresh  # filtered, then saved
    files = list((home / "cache").glob("words-*.json"))
    assert len(files) == 1 and json.loads(files[0].read_text(encoding="utf-8")) == fresh
    assert filtered_words("vader", **args) == fresh  # read back
    files[0].write_text('{"not": "a list"}', encoding="utf-8")
    assert filtered_words("vader", **args) == fresh  # damaged: filtered again
    other = filtered_words("vader", **{**args, "min_valence": 2.5})
    assert other != fresh and len(list((home / "cache").glob("words-*.json"))) == 2


def test_known_words_come_from_a_cached_list_that_agrees_with_lemminflect(home, seed_files) -> None:
    """``known_word`` reads lemminflect's vocabulary from the user's cache (JSON)
    instead of loading its dictionary in every process, and answers as
    ``getAllLemmas`` does for every word of the seeds (and some compounds)."""
    import re

    from lemminflect import getAllLemmas

    from framing.text import dictionary

    def by_lemminflect(word: str) -> bool:
        low = word.lower()
        forms = (low, low[:-1] if low.endswith("s") else low, low[:-2] if low.endswith("es") else low)
        return any(getAllLemmas(f) for f in forms) or any(
            getAllLemmas(low[:k]) and (getAllLemmas(low[k:]) or getAllLemmas(low[k:-1]))
            for k in range(3, len(low) - 2))

    dictionary._lemma_lists.cache_clear()
    dictionary.known_word.cache_clear()
    words = {w for p in seed_files.values() for w in re.findall(r"[A-Za-z][A-Za-z'’-]+", p.read_text(encoding="utf-8"))}
    words |= {"peacekeepers", "afterlife", "NATO", "Zionist", "Tasnim", "Qxvrl"}
    assert len(words) > 500
    assert {w: dictionary.known_word(w) for w in words} == {w: by_lemminflect(w) for w in words}
    files = list((home / "cache").glob("lemma-words-*.json"))
    assert len(files) == 1
    listed = json.loads(files[0].read_text(encoding="utf-8"))
    assert "treaty" in listed and "qxvrl" not in listed and listed == sorted(listed)
    dictionary._lemma_lists.cache_clear()
    assert dictionary.lemma_vocabulary() == frozenset(listed)  # read back
    # Adjectives (scare quotes: "he was “furious”") come from the same pass and cache.
    dictionary.is_adjective.cache_clear()
    assert {w: dictionary.is_adjective(w) for w in words} == {w: "ADJ" in getAllLemmas(w.lower()) for w in words}
    adjectives = json.loads(next((home / "cache").glob("lemma-adjectives-*.json")).read_text(encoding="utf-8"))
    assert "furious" in adjectives and "treaty" not in adjectives and set(adjectives) <= set(listed)
    # So do nouns (scare quotes: the “essential” workers that ...: can the word after the quotation be a noun?).
    dictionary.is_noun.cache_clear()
    words |= {"workers", "jobs", "shows", "treaty", "quickly", "furious", "runs"}
    assert {w: dictionary.is_noun(w) for w in words} == {w: "NOUN" in getAllLemmas(w.lower()) for w in words}
    nouns = json.loads(next((home / "cache").glob("lemma-nouns-*.json")).read_text(encoding="utf-8"))
    assert "treaty" in nouns and "workers" in nouns and "quickly" not in nouns and "furious" not in nouns
    assert set(nouns) <= set(listed) and nouns == sorted(nouns)
