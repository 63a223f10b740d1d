"""`framing trends` (terms, density and coverage over time, CSV + PNG/SVG) and
`framing explore` (every occurrence in context, by outlet, with voice) on the
demo corpus, whose second month (April 2026) must show up."""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter

import pytest
from click.testing import CliRunner

from framing import Store
from framing.cli import cli
from framing.compare.kwic import phrase_pattern, voice_at, voice_segments
from framing.pipeline import explore as kwic
from framing.compare.trends import all_periods, period_of
from framing.detect import Detector, load_lexicon

from conftest import copy_store, run_framing


@pytest.fixture(scope="module")
def demo(demo_db, tmp_path_factory):
    return copy_store(demo_db, tmp_path_factory.mktemp("trends") / "demo.db")


def _csv(path):
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


def test_periods():
    assert period_of("2026-03-31", "month") == "2026-03"
    assert period_of("2026-03-12", "week") == "2026-W11"
    assert period_of("2027-01-01", "week") == "2026-W53"
    assert period_of(None) is None and period_of("not a date") is None
    assert all_periods("2025-11", "2026-02", "month") == ["2025-11", "2025-12", "2026-01", "2026-02"]
    assert all_periods("2026-W52", "2027-W02", "week") == ["2026-W52", "2026-W53", "2027-W01", "2027-W02"]


def test_trends_shows_the_second_month_per_outlet(demo, tmp_path):
    out = tmp_path / "t"
    res = CliRunner().invoke(cli, ["trends", "--db", str(demo), "--term", "regime", "--term", "so-called",
                                   "--by", "outlet", "--out", str(out)])
    assert res.exit_code == 0, res.output
    assert {p.name for p in out.iterdir()} == {"trends-terms.csv", "trends-density.csv", "coverage.csv",
                                              "trends.png", "trends.svg"}
    rows = _csv(out / "trends-terms.csv")
    months = sorted({r["period"] for r in rows})
    assert "2026-03" in months and "2026-04" in months
    # independent count: whole-word, case-insensitive, per outlet and month, copies left out
    with Store(demo, readonly=True) as store:
        arts = list(store.articles())
    from framing.compare.grouping import near_duplicates

    copies = near_duplicates(arts)
    want: Counter = Counter()
    for a in arts:
        if a.id in copies or not a.date:
            continue
        text = (a.title or "") + "\n" + a.body
        want[(a.date[:7], a.outlet, "regime")] += len(re.findall(r"(?<!\w)regime(?!\w)", text, re.I))
        want[(a.date[:7], a.outlet, "so-called")] += len(re.findall(r"(?<!\w)so[-\s]called(?!\w)", text, re.I))
    got = {(r["period"], r["outlet"], r["term"]): int(r["count"]) for r in rows}
    assert {k: v for k, v in got.items() if v} == {k: v for k, v in want.items() if v}
    april = {(k[1], k[2]) for k, v in got.items() if k[0] == "2026-04" and v}
    assert ("Almera Courier", "regime") in april and ("Kesh Daily Standard", "regime") in april
    assert "2026-04" in res.output and "'regime'" in res.output
    svg = (out / "trends.svg").read_text(encoding="utf-8")
    assert svg.startswith("<?xml") and "<svg" in svg
    assert (out / "trends.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    dens = _csv(out / "trends-density.csv")
    assert {r["period"] for r in dens} >= {"2026-03", "2026-04"}
    for r in dens:
        assert float(r["per_1000"]) == pytest.approx(1000 * int(r["loaded"]) / int(r["words"]), abs=1e-3)
    cov = _csv(out / "coverage.csv")
    per_event = Counter(r["event"] for r in cov)
    assert len(per_event) == 4 and max(per_event.values()) >= 7
    # same input, same bytes
    again = tmp_path / "t2"
    res = CliRunner().invoke(cli, ["trends", "--db", str(demo), "--term", "regime", "--term", "so-called",
                                   "--out", str(again)])
    assert res.exit_code == 0
    for name in ("trends-terms.csv", "trends-density.csv", "coverage.csv", "trends.png", "trends.svg"):
        assert (out / name).read_bytes() == (again / name).read_bytes(), name


def test_trends_by_group_per_week(demo, tmp_path):
    res = CliRunner().invoke(cli, ["trends", "--db", str(demo), "--term", "regime", "--by", "group",
                                   "--period", "week", "--out", str(tmp_path)])
    assert res.exit_code == 0, res.output
    rows = _csv(tmp_path / "trends-terms.csv")
    assert {r["group"] for r in rows} == {"neutral", "pro-Ardelian", "pro-Velmoran"}
    assert all(re.fullmatch(r"\d{4}-W\d{2}", r["period"]) for r in rows)


def test_trends_errors_are_one_line(tmp_path):
    res = CliRunner().invoke(cli, ["trends", "--db", str(tmp_path / "none.db"), "--term", "x"])
    assert res.exit_code == 1 and "no store at" in res.output and "Traceback" not in res.output
    res = CliRunner().invoke(cli, ["trends", "--db", str(tmp_path / "none.db"), "--term", "  --  "])
    assert res.exit_code == 1 and "no word" in res.output


# -- the term explorer in the terminal ---------------------------------------------------------

def test_phrase_pattern_rules():
    p = phrase_pattern("so-called")
    assert p.search("the So called plan") and p.search("the so\u2011called plan")
    assert p.search("the “so-called” plan") and not p.search("the socalled plan")
    assert phrase_pattern("regim*").findall("regime, regimes and regimen") == ["regime", "regimes", "regimen"]
    assert not phrase_pattern("regime").search("regimes")
    assert phrase_pattern("Almera's").search("Almera’s regime")


def test_phrase_pattern_keeps_combining_marks_in_words():
    # A Hindi vowel sign (a combining mark) is no \w character in Python: a
    # pattern of letters alone cut "मंत्री" into pieces, so no phrase with a
    # marked letter was ever found.
    text = "राज्य के स्वास्थ्य मंत्री ने कहा"
    assert phrase_pattern("स्वास्थ्य मंत्री").findall(text) == ["स्वास्थ्य मंत्री"]
    assert phrase_pattern("मंत्र*").findall(text) == ["मंत्री"]
    # whole words still: a mark after the match continues the word
    assert not phrase_pattern("मंत्र").search(text)
    assert not phrase_pattern("स्वास्थ्").search(text)


def test_voice_segments_agree_with_the_detector():
    det = Detector(load_lexicon())
    text = ('The regime fell. Officials said the regime had failed. '
            '“The regime lied,” Ornik said. According to Malek, the regime will fall.')
    segs = voice_segments(text, det.voice_map(text))
    vm = det.voice_map(text)
    for m in re.finditer("regime", text):
        assert voice_at(segs, m.start(), m.end()) == vm.voice(m.start(), m.end())[0]
    assert [voice_at(segs, m.start(), m.end()) for m in re.finditer("regime", text)] == [
        "narration", "reported", "quote", "reported"]


def test_a_title_s_voice_in_explore_is_the_analysis_s():
    """A headline's quotation whose word the lead attributes ("Council Backs
    Dock 'Reform'" over "... the dock reform, the mayor said") is the
    analysis's quote; the keyword-in-context view reads the title beside its
    body too, so it shows the same voice."""
    from framing.compare.kwic import kwic as kwic_of
    from framing.models import Article

    det = Detector(load_lexicon()).fit()
    art = Article(source="t.txt", id=1, title="Council Backs Dock 'Reform'",
                  body="The council voted on Tuesday to back the dock reform, the mayor said after the meeting.\n\n"
                       "It passed by seven votes to two.")
    stored = det.analyze(art).voices["title"]
    found = [c for c in kwic_of([art], "reform", det.voice_map) if c.field == "title"]
    assert [c.voice for c in found] == [voice_at(stored, c.start, c.end) for c in found] == ["quote"]


def test_explore_lists_contexts_by_outlet_with_voice(demo):
    res = CliRunner().invoke(cli, ["explore", "regime", "--db", str(demo)])
    assert res.exit_code == 0, res.output
    with Store(demo, readonly=True) as store:
        found = kwic(store.articles(), "regime", width=50)
    assert res.output.splitlines()[0] == f"'regime': {len(found)} occurrences in {len({c.outlet for c in found})} outlets"
    for outlet in {c.outlet for c in found}:
        assert outlet in res.output
    assert {c.voice for c in found} == {"narration", "quote", "reported"}
    js = CliRunner().invoke(cli, ["explore", "regime", "--db", str(demo), "--format", "jsonl", "--voice", "quote"])
    rows = [json.loads(line) for line in js.output.splitlines()]
    assert rows == [c.to_dict() for c in found if c.voice == "quote"] and rows
    for r in rows:
        with Store(demo, readonly=True) as store:
            art = next(store.articles([r["article"]]))
        assert getattr(art, r["field"])[r["start"]:r["end"]] == r["match"]


@pytest.mark.slow  # a process of its own: the CI run, not the inner loop
def test_explore_as_a_subprocess_and_its_errors(demo):
    res = run_framing("explore", "so-called", "--db", str(demo), "--limit", "2")
    assert res.returncode == 0, res.stderr
    assert "(the first 2 shown)" in res.stdout and "[so-called]" in res.stdout
    bad = run_framing("explore", "!!", "--db", str(demo))
    assert bad.returncode == 1 and bad.stderr.count("\n") == 1 and "no word" in bad.stderr


def test_a_rate_from_too_few_words_is_left_out_of_the_chart_not_the_tables(tmp_path):
    """A headline-only record (an archive's story list) of 11 words with one
    loaded term would plot 91 per 1,000: the chart leaves such cells out and
    says so; the CSV keeps them."""
    from math import isnan

    from framing.compare.density import MIN_WORDS
    from framing.compare.trends import DensityPoint, TermRow, Trends
    from framing.report.trends import MIN_CHART_WORDS, trend_chart, trend_tables

    tr = Trends(by="outlet", period="month", periods=["2026-03", "2026-04"], keys=["Almera Courier", "Kesh Wire"],
                terms=["regime"],
                term_rows=[TermRow("2026-03", "Almera Courier", "regime", 2, 1, 420, 47.619),
                           TermRow("2026-04", "Almera Courier", "regime", 1, 1, MIN_WORDS - 80, 45.455),
                           TermRow("2026-03", "Kesh Wire", "regime", 1, 1, 11, 909.091),
                           TermRow("2026-04", "Kesh Wire", "regime", 0, 2, MIN_CHART_WORDS, 0.0)],
                density=[DensityPoint("2026-03", "Almera Courier", 1, 420, 6, 14.286),
                         DensityPoint("2026-04", "Almera Courier", 1, MIN_WORDS - 80, 3, 13.636),
                         DensityPoint("2026-03", "Kesh Wire", 1, 11, 1, 90.909),
                         DensityPoint("2026-04", "Kesh Wire", 2, MIN_CHART_WORDS, 1, 10.0)])
    fig = trend_chart(tr)
    lines = {ln.get_label(): list(ln.get_ydata()) for ln in fig.axes[-1].get_lines()}
    assert lines["Almera Courier"] == [14.286, 13.636]
    assert isnan(lines["Kesh Wire"][0]) and lines["Kesh Wire"][1] == 10.0
    assert max(fig.axes[-1].get_ylim()) < 90
    # under the report's warning threshold but an article's words: drawn hollow
    hollow = sorted(list(ln.get_ydata()) for ln in fig.axes[-1].get_lines() if ln.get_label() == "_weak")
    assert hollow == [[10.0], [13.636]]
    terms = {ln.get_label(): list(ln.get_ydata()) for ln in fig.axes[0].get_lines()}
    assert isnan(terms["Kesh Wire"][0])
    assert f"under {MIN_CHART_WORDS} words" in fig._suptitle.get_text()
    assert f"hollow: under {MIN_WORDS} words" in fig._suptitle.get_text()
    assert "Kesh Wire,1,11,1,90.909" in trend_tables(tr)["trends-density.csv"].replace("\r\n", "\n")
    # nothing with enough words: no lines, and the chart says why
    for d in tr.density:
        d.words = 12
    fig = trend_chart(tr)
    assert not fig.axes[-1].get_lines() and any("too few for a rate" in t.get_text() for t in fig.axes[0].texts)


def test_trends_of_headline_only_records_says_what_the_chart_leaves_out(tmp_path):
    export = tmp_path / "stories.jsonl"
    export.write_text("".join(json.dumps({"title": f"Kesh regime {w} the harbour vote", "media_name": o,
                                          "publish_date": "2026-03-1%d" % i})
                              + "\n" for i, (o, w) in enumerate([("Almera Courier", "wins"),
                                                                  ("Kesh Wire", "loses")])), encoding="utf-8")
    res = CliRunner().invoke(cli, ["trends", str(export), "--db", str(tmp_path / "f.db"), "--term", "regime",
                                   "--out", str(tmp_path / "t")])
    assert res.exit_code == 0, res.output
    assert "note: 2 of the 2 outlet-month rates rest on fewer than 100 words (a headline or a snippet, " \
        "not an article) and are left out of the chart" in res.output
    assert (tmp_path / "t" / "trends.png").exists()


def test_trends_says_which_articles_the_english_lexicons_were_not_matched_in(tmp_path):
    """An outlet writing in German shows a loaded-term rate of 0 in every
    month: the note says why, and the series records the languages."""
    from framing.compare.trends import trends
    from framing.models import Article

    german = ("Die Stadt Almera hat am Montag den neuen Hafen eröffnet. Der Bürgermeister sagte, die Arbeiten "
              "hätten fast vier Jahre gedauert, und die Fischer der Stadt seien froh, dass die Boote nun wieder "
              "sicher anlegen könnten. Die Eltern der Schule am Hafen wollen im Sommer ein Fest feiern.")
    english = ("The town of Almera opened its new harbour on Monday. The mayor said the work had taken almost "
               "four years, and the fishermen were glad that their boats could moor safely again.")
    records = [{"title": "Almera eröffnet den Hafen", "text": german, "media_name": "Almera Zeitung",
                "publish_date": "2026-03-10"},
               {"title": "Almera opens its harbour", "text": english, "media_name": "Almera Courier",
                "publish_date": "2026-03-10"}]
    export = tmp_path / "stories.jsonl"
    export.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    res = CliRunner().invoke(cli, ["trends", str(export), "--db", str(tmp_path / "f.db"), "--term", "harbour",
                                   "--out", str(tmp_path / "t")])
    assert res.exit_code == 0, res.output
    assert "note: 1 article of the series is not in English (de 1): framing's lexicons are English" in res.output
    arts = [Article(id=i, source="x", title=r["title"], body=r["text"], outlet=r["media_name"],
                    date=r["publish_date"]) for i, r in enumerate(records, 1)]
    assert trends(arts, [], ["harbour"]).not_english == {"de": 1}
    assert trends(arts[1:], [], ["harbour"]).not_english == {}
