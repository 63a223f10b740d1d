"""framing's shipped lexicons are English: they are kept off an article that
is surely in another language, where an English word list matches other
words ("Kinder" is German for children, not "kinder"; "Lied" is a song, not
"lied"). Entries of a ``--lexicon-dir`` of the user's are matched in every
language. The articles here are invented."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from framing.cli import cli
from framing.detect import Detector, load_lexicon
from framing.models import Article
from framing.text.language import OTHER_MIN_WORDS, other_language

GERMAN = (
    "Neue Schule in Almera eröffnet\n\n"
    "Die Kinder der Stadt Almera haben am Montag ihre neue Schule bezogen. Zur Eröffnung sang der "
    "Chor ein Lied, und der Bürgermeister sprach von einem brutal langen Bau, der fast vier Jahre "
    "gedauert habe. Die Eltern sagten, die Kinder seien froh, dass der Unterricht nun nicht mehr in "
    "Containern stattfinden müsse. Das Regime der Baustelle sei streng gewesen, sagte die Leiterin."
)
ENGLISH = (
    "New school opens in Almera\n\n"
    "The children of Almera moved into their new school on Monday. The mayor said the council had "
    "chosen a kinder timetable for the youngest pupils, and a parent said the builder lied about the "
    "delays. The brutal winter had held the work up for months, and the regime in the town hall was "
    "blamed by some of the families who waited."
)


def _article(text: str, **kw: str) -> Article:
    title, body = text.split("\n\n", 1)
    return Article(source="x.txt", title=title, body=body, **kw)


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector(load_lexicon()).fit()


def test_the_language_is_sure_only_from_enough_words_or_a_stated_one() -> None:
    assert other_language(*_parts(GERMAN)) == "de"
    assert other_language(*_parts(ENGLISH)) is None
    # a headline alone is too short to tell (its words are left to the English rules) ...
    headline = "Die Kinder und das Lied der Stadt"
    assert len(headline.split()) < OTHER_MIN_WORDS and other_language(headline, "") is None
    # ... unless the export states the language
    assert other_language(headline, "", "de-DE") == "de"
    assert other_language(headline, "", "English") is None
    # a script written for one language alone says it whatever the length
    assert other_language("東京で新しい学校が開校した", "") == "ja"


def _parts(text: str) -> tuple[str, str]:
    title, body = text.split("\n\n", 1)
    return title, body


def test_the_shipped_lexicon_is_not_matched_in_another_language(detector: Detector) -> None:
    german = detector.analyze(_article(GERMAN))
    assert german.hits == []
    # the sentences and quotations are still read (the comparison uses them)
    assert german.sentences["body"]
    # the same words in English are candidates as before: the rule is the language, not the words
    english = {h.text.lower() for h in detector.analyze(_article(ENGLISH)).hits}
    # ("kinder" left the word lists in round 39 with the other comparatives)
    assert {"lied", "brutal", "regime"} <= english
    # a stated language decides for a short record too
    short = Article(source="x", title="Die Kinder singen ein Lied", body="", language="de")
    assert detector.analyze(short).hits == []
    assert [h.text for h in detector.analyze(Article(source="x", title="Die Kinder singen ein Lied",
                                                     body="")).hits] == ["Lied"]


def test_a_users_lexicon_is_matched_in_every_language(tmp_path: Path) -> None:
    lex = tmp_path / "lex"
    lex.mkdir()
    (lex / "de.yaml").write_text(
        "entries:\n"
        "  - term: Bauchaos\n"
        "    category: emotive\n"
        "    explanation: A word that calls a building project a mess instead of saying what went wrong.\n"
        "    neutral: Verzögerung beim Bau\n"
        "    examples:\n"
        "      loaded:\n"
        "        - Der Bauchaos an der Schule nahm kein Ende.\n"
        "        - Eltern klagten über das Bauchaos in der Stadt.\n"
        "      not_loaded:\n"
        "        - Das Wort Bauchaos stand in der Zeitung.\n", encoding="utf-8")
    lexicon = load_lexicon([lex])
    assert "bauchaos" in lexicon.entry("Bauchaos").id and lexicon.entry("Bauchaos").id not in lexicon.english
    assert lexicon.entry("regime").id in lexicon.english
    user = Detector(lexicon).fit()
    text = GERMAN.replace("brutal langen Bau", "Bauchaos von fast vier Jahren")
    hits = user.analyze(_article(text)).hits
    assert [h.text for h in hits] == ["Bauchaos"]


def test_a_run_on_german_pages_reports_no_english_words(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "de.txt").write_text(GERMAN, encoding="utf-8")
    (pages / "en.txt").write_text(ENGLISH, encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["run", str(pages), "--out", str(out), "--charts", "none",
                                      "--event", "school"])
    assert result.exit_code == 0, result.output
    assert "are not matched in them" in result.output
    hits = [json.loads(line) for line in (out / "hits.jsonl").read_text(encoding="utf-8").splitlines()]
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    titles = {a["id"]: a["title"] for a in report["articles"]}
    assert hits and {titles[h["article"]] for h in hits} == {"New school opens in Almera"}


def _density_rows(tmp_path: Path, pages: Path, outlets: dict[str, str], out: Path) -> dict[str, dict]:
    """``framing run`` on ``pages`` with a manifest giving each file its
    outlet, one event: the event's density rows by outlet."""
    manifest = tmp_path / "manifest.csv"
    manifest.write_text("path,outlet,event\n" + "".join(f"pages/{name},{outlet},school\n"
                                                       for name, outlet in outlets.items()), encoding="utf-8")
    result = CliRunner().invoke(cli, ["run", str(pages), "--manifest", str(manifest), "--out", str(out),
                                      "--charts", "none"])
    assert result.exit_code == 0, result.output
    (event,) = json.loads((out / "report.json").read_text(encoding="utf-8"))["events"]
    return {r["outlet"]: r for r in event["density"]}


def test_an_outlet_writing_in_another_language_has_its_rate_marked(tmp_path: Path) -> None:
    """Its rate of 0 is not a measurement of its wording: its row says so
    (in every renderer that shows a row's warning), and an outlet with one
    English article among others is measured as before."""
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "de.txt").write_text(GERMAN, encoding="utf-8")
    (pages / "en.txt").write_text(ENGLISH, encoding="utf-8")
    (pages / "en2.txt").write_text(
        "Almera's pupils start at their new school\n\nPupils in Almera began lessons in the new building "
        "this week after four years of work. Teachers said the classrooms were bright and the families "
        "were glad that the lessons no longer had to take place in containers.", encoding="utf-8")
    rows = _density_rows(tmp_path, pages, {"de.txt": "Almera Zeitung", "en.txt": "Almera Times",
                                           "en2.txt": "Almera Zeitung"}, tmp_path / "out")
    assert (rows["Almera Zeitung"]["warning"] or "").startswith("Only")  # one English article: measured

    (pages / "en2.txt").unlink()
    out2 = tmp_path / "out2"
    rows = _density_rows(tmp_path, pages, {"de.txt": "Almera Zeitung", "en.txt": "Almera Times"}, out2)
    assert rows["Almera Zeitung"]["loaded"] == 0
    assert rows["Almera Zeitung"]["warning"].startswith("Not in English (de 1)")
    assert not (rows["Almera Times"]["warning"] or "").startswith("Not in English")
    assert "Not in English (de 1)" in (out2 / "report.md").read_text(encoding="utf-8")
