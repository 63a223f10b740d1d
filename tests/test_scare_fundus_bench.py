"""Round 35: the benchmark that reads fundus' hand-checked pages for scare quotes
(benchmarks/scare_quotes_fundus.py), on invented pages in fundus' layout."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import benchmark_module

from framing.detect import Detector, load_lexicon

ROOT = Path(__file__).resolve().parents[1]

#: Invented English prose (fictional places), repeated past the benchmark's 100 words.
ENGLISH = ("The council of Kesh met on Monday to vote on the plan for the harbour, and the "
           "mayor said that it was a good day for the port. ") * 6
GERMAN = ("Der Rat von Kesh hat am Montag über den Plan für den Hafen abgestimmt, und der "
          "Bürgermeister sagte, dass es ein guter Tag für den Hafen sei. ") * 6
KINDS = {"quotation", "title", "name", "term", "self-description", "dropped"}


@pytest.fixture(scope="module")
def bench():
    with benchmark_module("scare_quotes_fundus") as module:
        yield module


@pytest.fixture(scope="module")
def detector():
    return Detector(load_lexicon()).fit()


def test_page_text_is_summary_then_each_sections_headline_and_paragraphs(bench):
    record = {"title": "  Port of Kesh votes  ",
              "body": {"summary": ["A summary."],
                       "sections": [{"headline": [], "paragraphs": ["First.", " "]},
                                    {"headline": ["A heading"], "paragraphs": ["Second."]}]}}
    assert bench.page_text(record) == ("Port of Kesh votes",
                                       "A summary.\n\nFirst.\n\nA heading\n\nSecond.")


def test_english_pages_only(bench):
    assert bench.english(ENGLISH)
    assert not bench.english(GERMAN)
    assert not bench.english(ENGLISH[:200])  # too short to tell
    assert not bench.english(ENGLISH.replace("a", "\u0627").replace("e", "\u0644"))  # another script


def test_pages_are_named_by_publisher_and_date(bench, tmp_path):
    folder = tmp_path / "test_data" / "us"
    folder.mkdir(parents=True)
    truth = {"V1": {"title": "Kesh votes", "publishing_date": "2025-01-02 10:00:00+00:00",
                    "body": {"summary": [], "sections": [{"headline": [], "paragraphs": [ENGLISH]}]}},
             "V1_1": {"title": "Kesh stimmt ab", "publishing_date": "2025-03-04 10:00:00+00:00",
                      "body": {"summary": [], "sections": [{"headline": [], "paragraphs": [GERMAN]}]}},
             "V2": {"title": "Undated", "body": {"sections": [{"paragraphs": [ENGLISH]}]}}}
    (folder / "KeshPost.json").write_text(json.dumps(truth), encoding="utf-8")
    (folder / "meta.info").write_text("{}", encoding="utf-8")
    got = list(bench.pages(tmp_path / "test_data"))
    assert [(pid, title) for pid, title, _ in got] == [("KeshPost_2025-01-02", "Kesh votes"),
                                                       ("KeshPost_V2", "Undated")]


def test_kept_and_thrown_quotations_of_a_page(bench, detector):
    # A quoted state's name always distances (kept); a headline's quotation after a
    # verb of attacking is its subject's word (thrown away, with the rules' kind).
    title = "Mayor Dask Slams 'Reckless' Harbour Plan"
    body = ("Ardelia and “Israel” have traded for decades, officials in the port said on "
            "Monday.\n\nThe council will vote on the plan next week.")
    kept, thrown = bench.read_page(detector, title, body)
    assert ("body", body.index("“Israel”"), "“Israel”") in kept
    assert [(f, s, q) for f, s, q, _ in thrown] == [("title", title.index("'"), "'Reckless'")]
    assert all(kind in KINDS for *_, kind in thrown)


def test_judged_file_is_read_by_page_field_offset_and_words(bench, tmp_path):
    path = tmp_path / "judged.tsv"
    path.write_text("page\tfield\toffset\tquoted\tkind\tlabel\n"
                    "KeshPost_2025-01-02\tbody\t12\t“reform”\tterm\tD\n", encoding="utf-8")
    assert bench.read_judged(path) == {("KeshPost_2025-01-02", "body", 12, "“reform”"): "D"}


def test_shipped_judgements_name_each_row_once_with_a_guideline_letter():
    rows = (ROOT / "benchmarks" / "data" / "scare_fundus_judged.tsv").read_text(
        encoding="utf-8").splitlines()
    assert rows[0].split("\t") == ["page", "field", "offset", "quoted", "kind", "label"]
    keys = [tuple(r.split("\t")[:3]) for r in rows[1:]]
    assert len(keys) == len(set(keys)) and keys
    assert {r.split("\t")[5] for r in rows[1:]} <= {"D", "Q", "T", "W", "E", "H"}


def test_zyte_pages_are_its_english_bodies_by_key(bench, tmp_path):
    path = tmp_path / "ground-truth.json"
    path.write_text(json.dumps({"b" * 64: {"articleBody": GERMAN, "url": "https://example.org/b"},
                                "a" * 64: {"articleBody": ENGLISH, "url": "https://example.org/a"}}),
                    encoding="utf-8")
    assert list(bench.zyte_pages(path)) == [("a" * 12, "", ENGLISH)]
