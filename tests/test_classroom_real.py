"""Classroom materials on real coverage: the event groups of the real pages
(../shared/data/real-pages, README "Event groups") as a teacher would give
them to ``framing classroom``, one folder per event. Nothing here holds a
page's text: the checks are rules every handout, worksheet and key must keep.
Each event is ingested and analysed once a module (a few seconds each)."""

from __future__ import annotations

import re
import shutil
import textwrap
from pathlib import Path

import pytest

from framing.classroom import make_materials

from framing.classroom.materials import CHART_LINES, Answer, _lead, _part_of_a_name, _split_actor
from framing.classroom.pipeline import store_quotations
from framing.corpus import ingest
from framing.detect import load_lexicon
from framing.pipeline import compare_store
from framing.store import Store

#: event → the real pages' file name prefixes (real-pages README, "Event groups")
EVENTS = {
    "doobie": ("pasted", ("bc-cleveland-", "bc-billboard-", "bc-rollingstone-")),
    "stadia": ("pasted", ("bc-hollywoodreporter-", "bc-digg-", "bc-mspoweruser-", "bc-wccftech-")),
    "nasa": ("pasted", ("bc-aljazeera-", "bc-space-c", "bc-spacenews-")),
    "esa": ("pasted", ("bc-ctvnews-", "bc-physorg-")),
    "browns": ("html", ("sh-cbssports-", "sh-wsj-7ab")),
    "homedepot": ("pasted", ("bc-foxbusiness-", "bc-barrons-")),
    "impeach": ("html", ("sh-cbsnews-", "sh-deccanherald-")),
}


@pytest.fixture(scope="module")
def real_event(data_dir: Path, tmp_path_factory: pytest.TempPathFactory):
    made: dict[str, object] = {}

    def get(name: str):
        if name not in made:
            kind, prefixes = EVENTS[name]
            folder = tmp_path_factory.mktemp(name)
            for prefix in prefixes:
                [page] = sorted((data_dir / "real-pages" / kind).glob(prefix + "*"))
                shutil.copy(page, folder)
            with Store(folder / "framing.db") as store:
                reports = list(ingest(store, [folder]))
                assert all(r.ok for r in reports), [str(e) for r in reports for e in r.errors]
                report = compare_store(store, load_lexicon())
                made[name] = (report, store_quotations(store, report))
        return made[name]
    return get


@pytest.fixture(scope="module")
def real_materials(real_event):
    """``(report, classroom materials)`` of a real event, made once per module."""
    made: dict[str, object] = {}

    def get(name: str):
        if name not in made:
            report, quotes = real_event(name)
            made[name] = (report, make_materials(report, quotations=quotes))
        return made[name]
    return get


def _answer(text: str) -> Answer:
    return Answer(outlet="Outlet A", text=text, spans=[])


# --- naming: rules on invented text -------------------------------------------------

def test_a_piece_of_a_longer_name_is_not_a_naming() -> None:
    text = "The Harbor Lanterns will tour with Ada Vell. Vell sang; Ada and Tom Vell waved. Harbor spoke Monday."
    forms = ["Harbor Lanterns", "Ada Vell", "Vell", "Ada", "Harbor"]

    def at(word: str, nth: int = 0) -> tuple[int, int]:
        m = list(re.finditer(r"\b" + word + r"\b", text))[nth]
        return m.span()
    assert _part_of_a_name(text, "body", at("Harbor"), forms)  # runs on into "Lanterns"
    assert _part_of_a_name(text, "body", at("Vell"), forms)  # inside "Ada Vell"
    assert not _part_of_a_name(text, "body", at("Vell", 1), forms)
    assert _part_of_a_name(text, "body", at("Ada", 1), forms)  # "Ada and Tom Vell"
    assert not _part_of_a_name(text, "body", at("Harbor", 1), forms)  # before a weekday
    # headlines capitalise every word: only a longer form counts there
    assert not _part_of_a_name("Vell Joins Lantern Tour", "title", (0, 4), forms)


def test_a_naming_row_joining_two_actors_is_split_and_renamed() -> None:
    per = {"Outlet A": [_answer("Ada Vell"), _answer("Harbor Lanterns")],
           "Outlet B": [_answer("Ada Vell"), _answer("Vell"), _answer("Harbor Lanterns")],
           "Outlet C": [_answer("Harbor Lanterns Tour Dates Ada Vell")]}
    rows = dict(_split_actor("Ada Vell Talks Harbor Lanterns Album", [a.text for v in per.values() for a in v],
                             per, set()))
    assert set(rows) == {"Ada Vell", "Harbor Lanterns"}
    assert [a.text for a in rows["Ada Vell"]["Outlet B"]] == ["Ada Vell", "Vell"]
    assert not rows["Ada Vell"]["Outlet C"]  # a headline running two names together is no naming
    # one actor named many ways stays one actor, under its own name, with its loaded label
    per = {"Outlet A": [_answer("Kesh")], "Outlet B": [_answer("Keshi regime"), _answer("Dark Tower")],
           "Outlet C": [_answer("Keshi government")], "Outlet D": [_answer("Gull Lake")]}
    [(actor, sub)] = _split_actor("Kesh", ["Kesh", "Keshi regime", "Dark Tower", "Keshi government", "Gull Lake"],
                                  per, {"dark tower"})
    assert actor == "Kesh"
    assert [a.text for a in sub["Outlet B"]] == ["Keshi regime", "Dark Tower"] and not sub["Outlet D"]


# --- naming on real coverage --------------------------------------------------------

@pytest.mark.slow
@pytest.mark.parametrize("name", ["doobie", "stadia", "nasa", "browns"])
def test_naming_answers_are_whole_names_of_an_actor_the_handout_names(name, real_materials) -> None:
    report, m = real_materials(name)
    shown = {(o.article, f): t for o in m.outlets for f, t in (("title", report.texts[o.article]["title"]),
                                                                ("body", report.texts[o.article]["body"]))}
    handout = " ".join(" ".join(seg.text for p in [o.title, *o.lead] for seg in p) for o in m.outlets)
    naming = [a for row in m.table for a in row.naming]
    assert naming
    for a in naming:
        actor = a.note.removeprefix("for ")
        assert actor in handout, f"{actor!r} is no name the handout prints"
        [sp] = a.spans
        if sp.field == "body":  # not the first word of a longer name ("Doobie" of "Doobie Brothers")
            after = shown[(sp.article, sp.field)][sp.end:sp.end + 30]
            assert not re.match(r" [A-Z][a-z]", after) or " " in sp.text, (a.text, after)
    for t in m.tasks:
        if t.kind == "naming":
            assert len({a.text.lower() for a in t.answers}) >= 2, "every outlet names the actor the same way"


# --- the handout's excerpt ----------------------------------------------------------

def test_the_excerpt_leaves_out_page_furniture_and_a_repeated_stand_first() -> None:
    title = "Lanterns tour again"
    paras = ["Lanterns tour again",
             "The Harbor Lanterns will tour next year, the band said on Monday.",
             "A singer waves from a stage in Dunmore. (Photo via Kesh Wire, File)",
             "Ticker\tLast\tChange",
             "More tour news from our music desk",
             "Privacy Policy | Terms of Service",
             "The Harbor Lanterns will tour next year, the band said on Monday.",
             "Tickets go on sale in May, and the first show is in Dunmore."]
    body = "\n\n".join(paras)
    shown = [body[a:b] for a, b in _lead(title, body, 150)]
    assert shown == [paras[1], paras[7]]
    # a body of nothing but such lines still gives an excerpt
    assert _lead(title, "Only a caption here (Kesh Wire)", 150) == [(0, 31)]
    # a body whose paragraphs are not marked is one long paragraph, whatever its end
    long = " ".join(["The band said the tour starts in May."] * 20) + " (Reporting by Kesh Wire)"
    assert _lead(title, long, 150) and _lead(title, long, 150)[0][0] == 0
    assert _lead(title, "Ticker\tLast\n\n" + long, 150)[0][0] > 0


@pytest.mark.slow
@pytest.mark.parametrize("name", ["doobie", "nasa", "esa", "homedepot", "browns"])
def test_handout_leads_are_running_text(name, real_event) -> None:
    report, quotes = real_event(name)
    m = make_materials(report, blind=True, quotations=quotes)
    for o in m.outlets:
        paras = ["".join(seg.text for seg in p).strip() for p in o.lead]
        keys = [" ".join(re.findall(r"\w+", p.lower())) for p in paras]
        assert len(set(keys)) == len(keys), "a paragraph printed twice"
        assert " ".join(re.findall(r"\w+", o.plain_title.lower())) not in keys, "the headline printed again"
        for p in paras:
            assert "\t" not in p and " | " not in p, p
            assert re.search(r"[.!?…:;][\"'”’»)\]]*$|[\"”’»]$", p) or len(p.split()) > 40, p
        assert o.lead_words >= 60 or not o.cut
        for a in m.answers():  # what the key cites is what the handout prints
            for sp in a.spans:
                if sp.article == o.article:
                    assert o.shows(sp.field, sp.start, sp.end), (a.text, sp)


# --- sources and tasks --------------------------------------------------------------

@pytest.mark.slow
@pytest.mark.parametrize("name", ["esa", "nasa", "impeach", "stadia"])
def test_sources_quoted_are_people_quoted_not_terms_in_quotation_marks(name, real_materials) -> None:
    report, m = real_materials(name)
    names = {o.label: o.name for o in m.outlets}
    for row in m.table:
        for a in row.sources:
            assert a.text.lower().removeprefix("the ") != names[row.outlet].lower().removeprefix("the "), a
            if a.text == "unnamed speaker":
                assert len(a.spans[0].text.split()) >= 4, a.spans[0].text
    for t in m.tasks:
        if t.kind == "loaded":
            n = len(t.answers)
            assert ("1 loaded words" not in t.prompt) and (n == 1) == ("Find the loaded word" in t.prompt), t.prompt
        if t.kind == "rewrite":  # one sentence to choose from is not "one of these"
            assert (len(t.choices) == 1) == ("Rewrite the flagged sentence" in t.prompt), t.prompt


# --- the slide charts ---------------------------------------------------------------

@pytest.mark.slow
@pytest.mark.parametrize("name", ["nasa", "doobie", "stadia"])
def test_naming_slide_shows_whole_names_in_rows_that_fit(name, real_materials) -> None:
    report, m = real_materials(name)
    article = {o.name: o.article for o in m.outlets}
    rows = m.chart_event.naming
    assert rows
    for r in rows:
        assert len(r.actor) < 40, r.actor  # a row named after a headline's run of names
        for f in r.forms:
            # written at least once as a name of its own: in the headline, or in
            # the text not running on into a capitalised word ("Blue" of "Blue Origin")
            t = report.texts[article[f.outlet]]
            word = re.escape(f.form.strip("“”\"'‘’"))
            assert re.search(r"(?<!\w)" + word + r"(?!\w)", t["title"], re.I) or re.search(
                r"(?<!\w)" + word + r"(?![\w-]| [A-Z])", t["body"]), (r.actor, f.form)
    labels = [(r.actor, f.form) for r in rows for f in r.forms]
    tallest = max(len(textwrap.wrap(a, 16)) + len(textwrap.wrap(f, 40)) - 1 for a, f in labels)
    assert len({(r.actor, f.form, f.scare_quoted) for r in rows for f in r.forms}) * tallest <= CHART_LINES


@pytest.mark.slow
@pytest.mark.parametrize("name", ["stadia", "nasa", "doobie"])
def test_a_detail_left_out_is_not_written_in_the_article(name, real_materials) -> None:
    report, m = real_materials(name)
    article = {o.label: o.article for o in m.outlets}
    for row in m.table:
        t = report.texts[article[row.outlet]]
        words = set(re.findall(r"\w+", (t["title"] + " " + t["body"]).lower()))
        for a in row.missing:
            assert not set(re.findall(r"\w+", a.text.lower())) <= words, (row.outlet, a.text)
