"""The loaders on real pages nobody here wrote (../shared/data/real-pages):
69 saved HTML pages and 32 real select-all copies, scored with that folder's
own score.py rules against its truth.json. The thresholds are issue 10's
acceptance targets; the pages are read from ../shared, never copied."""

from __future__ import annotations

import importlib.util
import json
import statistics

import pytest

from framing.corpus import InputFile, load_file

from conftest import DATA, _need

PAGES = DATA / "real-pages"


@pytest.fixture(scope="module")
def scorer():
    spec = importlib.util.spec_from_file_location("real_pages_score", _need(PAGES / "score.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def _score(scorer, kind: str) -> dict[str, float]:
    truth = [t for t in json.loads(_need(PAGES / "truth.json").read_text(encoding="utf-8")) if t["set"] == kind]
    rows = []
    for t in truth:
        path = PAGES / kind / t["file"]
        loaded, errors = load_file(InputFile(path, t["file"]))
        assert not errors, errors
        art = loaded[0].article.to_dict()
        body = (PAGES / "truth_bodies" / f"{t['file']}.txt").read_text(encoding="utf-8")
        rows.append(scorer.score_record(t, art, body))
    return {k: sum(bool(r[k]) for r in rows) for k in ("outlet", "title", "date", "byline")} | {
        "F1": statistics.mean(r["F1"] for r in rows), "n": len(rows)}


def test_pasted_pages_meet_the_targets(scorer) -> None:
    s = _score(scorer, "pasted")
    assert s["n"] == 32
    # Outlet 30 of 32 before e-mail domains and outlets glued to the byline were read (32 after).
    # Title 31 of 32 before a numbered "most read" teaser stopped counting as a headline (32 after).
    assert s["outlet"] >= 31 and s["title"] >= 31 and s["date"] >= 30, s
    assert s["F1"] >= 0.95, s
    # 15 of 32 before bylines were also read from the date and name lines under the headline (26 after;
    # 27 with the glued outlet split off; 29 since a name dated on its own line beats a
    # section label over it and a widget's "by" line among the paragraphs; 32 with a time in
    # "ET", a credit under a standfirst, and a name over the headline that an author note confirms).
    assert s["byline"] >= 30, s


@pytest.mark.slow
def test_saved_html_pages_meet_the_targets(scorer) -> None:
    s = _score(scorer, "html")
    assert s["n"] == 69
    # Outlet 69 of 69 since a dated copyright notice is the last fallback (68 before).
    # Date 67 -> 68 of 69 with the date printed under the headline before trafilatura's;
    # 69 with a date that opens the first paragraph as its dateline ("Feb. 23, 2015 --").
    assert s["outlet"] >= 68 and s["title"] >= 67 and s["date"] >= 69, s
    assert s["F1"] >= 0.975, s
