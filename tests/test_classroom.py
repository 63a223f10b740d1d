"""Classroom materials (framing classroom): the model, blind mode, the key's
evidence, the .docx files and the command. Checked against the classroom
corpus's answer key (corpus/classroom/planted.yaml), the seeds and the demo
corpus; nothing here hard-codes an article's text."""

from __future__ import annotations

import html as htmllib
import re
import zipfile
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from conftest import REPO, copy_store, run_framing

from framing.classroom import ClassroomError, make_materials
from framing.classroom.blind import build_masker, letters
from framing.classroom.html import render_pages
from framing.classroom.materials import Materials
from framing.classroom.pipeline import store_quotations
from framing.cli import cli
from framing.corpus import discover, ingest
from framing.detect import load_lexicon
from framing.pipeline import compare_store
from framing.resources import as_path, classroom_corpus, demo_corpus
from framing.store import Store

PLANTED = yaml.safe_load((REPO / "corpus" / "classroom" / "planted.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def cup_report(tmp_path_factory: pytest.TempPathFactory):
    db = tmp_path_factory.mktemp("cup") / "cup.db"
    with as_path(classroom_corpus()) as corpus, Store(db) as store:
        reports = list(ingest(store, [(corpus, "corpus/classroom")]))
        assert all(r.ok for r in reports), [str(e) for r in reports for e in r.errors]
        report = compare_store(store, load_lexicon())
        report.quotations = store_quotations(store, report)  # type: ignore[attr-defined]
        return report


@pytest.fixture(scope="module")
def seeds_report(seeds_db: Path, tmp_path_factory: pytest.TempPathFactory):
    with Store(copy_store(seeds_db, tmp_path_factory.mktemp("seeds-cls") / "s.db")) as store:
        return compare_store(store, load_lexicon())


def _text(page: str) -> str:
    """Visible text of a page, roughly as a browser shows it (tags out, entities decoded)."""
    page = re.sub(r"<(style|script)\b.*?</\1>", " ", page, flags=re.S)
    page = re.sub(r"<title>.*?</title>", " ", page, flags=re.S)
    return " ".join(htmllib.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def _identifiers(report) -> dict[str, set[str]]:
    """What blind mode must hide: every outlet name, byline, dateline, URL and host of the corpus."""
    out: dict[str, set[str]] = {"outlet": set(), "byline": set(), "dateline": set(), "url": set()}
    for a in report.articles:
        if a.get("outlet"):
            out["outlet"].add(a["outlet"])
        if a.get("byline"):
            out["byline"].add(a["byline"])
        if a.get("dateline"):
            out["dateline"].add(a["dateline"])
        if a.get("url"):
            url = a["url"]
            host = re.sub(r"^www\.", "", url.split("//", 1)[-1].split("/", 1)[0])
            out["url"].update({url, host})
    return out


def assert_blind(text: str, report) -> None:
    ids = _identifiers(report)
    low = text.lower()
    for kind in ("outlet", "byline", "url"):
        for s in ids[kind]:
            assert s.lower() not in low, f"{kind} {s!r} shows in blind material"
    for s in ids["dateline"]:  # case matters: "KESH" is a dateline, "Kesh" the city in the story
        assert s not in text, f"dateline {s!r} shows in blind material"


# --- the demo corpus stays as it was ------------------------------------------------

def test_demo_ingest_passes_over_the_classroom_corpus(demo_db: Path) -> None:
    with as_path(demo_corpus()) as corpus:
        files, errors, _ = discover([(corpus, "corpus")])
        assert not errors
        assert files and not any("classroom" in f.display for f in files)
        # named directly, the folder is read
        own, _, _ = discover([corpus / "classroom"])
    assert len(own) == len(PLANTED["event"]["outlets"])
    with Store(demo_db) as store:
        assert not any("classroom" in a.source for a in store.articles())
        assert not {a.outlet for a in store.articles()} & set(PLANTED["event"]["outlets"])


# --- the materials against the planted answers --------------------------------------

def test_materials_cover_every_outlet_and_the_planted_answers(cup_report) -> None:
    m = make_materials(cup_report)
    assert sorted(o.name for o in m.outlets) == sorted(PLANTED["event"]["outlets"])
    assert [t.kind for t in m.tasks] == ["loaded", "naming", "rewrite", "quote", "missing"]
    loaded = {row.outlet: {a.text.lower() for a in row.loaded} for row in m.table}
    for outlet, terms in PLANTED["loaded"].items():
        assert {t.lower() for t in terms} <= loaded[outlet], outlet
    quote = next(t for t in m.tasks if t.kind == "quote")
    by_outlet = {a.outlet: a.category for a in quote.answers}
    assert by_outlet[PLANTED["altered_quote"]["altered"]] == "altered"
    assert by_outlet[PLANTED["altered_quote"]["truncated"]] == "truncated"
    missing = {row.outlet: {a.text for a in row.missing} for row in m.table}
    for outlet, fact in PLANTED["left_out"].items():
        assert fact in missing[outlet], (outlet, missing[outlet])


@pytest.mark.parametrize("blind", [False, True])
@pytest.mark.parametrize("which", ["cup", "seeds"])
def test_every_answer_traces_to_a_span_the_handout_shows(which, blind, cup_report, seeds_report) -> None:
    report = cup_report if which == "cup" else seeds_report
    m = make_materials(report, blind=blind)
    handout = _text(render_pages(m)["handout"])
    ranges = m.handout_ranges()
    answers = m.answers()
    assert answers and all(t.answers for t in m.tasks)
    for a in answers:
        assert a.spans, a
        for sp in a.spans:
            assert report.texts[sp.article][sp.field][sp.start:sp.end] == sp.text
            lo, hi = ranges[(sp.article, sp.field)]
            assert lo <= sp.start < sp.end <= hi, (a, "outside the handout")
            # answerable from the handout alone: the evidence is printed there, unmasked
            assert " ".join(sp.text.split()) in handout, (sp.text, a.outlet)


def test_worksheet_asks_what_the_handout_can_answer_and_the_key_holds_the_hints(cup_report) -> None:
    m = make_materials(cup_report)
    pages = render_pages(m)
    worksheet, key = _text(pages["worksheet"]), _text(pages["key"])
    rewrite = next(t for t in m.tasks if t.kind == "rewrite")
    for label, sentence in rewrite.choices:
        assert " ".join(sentence.split()) in worksheet
    for a in rewrite.answers:  # the neutral alternative is a hint for the key only
        assert a.neutral and a.neutral not in worksheet and a.neutral in key
    for phrase in ("a flag is evidence, not a verdict", "slant is not inaccuracy",
                   "a fact left out is not proof of intent"):
        assert phrase in key.lower()
    assert "Rubric" in key and "Discussion questions" in key
    assert "Key to the letters" not in key  # only in blind mode


@pytest.mark.parametrize("level,n", [("middle", 3), ("high", 5), ("college", 8)])
def test_level_sets_how_many_loaded_words_are_asked(cup_report, level: str, n: int) -> None:
    m = make_materials(cup_report, level=level)
    task = next(t for t in m.tasks if t.kind == "loaded")
    assert f"Find {min(n, len(task.answers))} " in task.prompt or f"Identify {min(n, len(task.answers))} " in task.prompt


def test_unknown_level_and_event_are_one_line_errors(cup_report) -> None:
    with pytest.raises(ClassroomError):
        make_materials(cup_report, level="kindergarten")
    with pytest.raises(Exception, match="no event 'e99'"):
        make_materials(cup_report, event="e99")


# --- blind mode ---------------------------------------------------------------------

@pytest.mark.parametrize("which", ["cup", "seeds", "demo"])
def test_blind_student_pages_name_no_outlet_byline_dateline_or_url(
        which, cup_report, seeds_report, demo_db: Path, tmp_path: Path) -> None:
    if which == "demo":
        with Store(copy_store(demo_db, tmp_path / "d.db")) as store:
            report = compare_store(store, load_lexicon())
    else:
        report = cup_report if which == "cup" else seeds_report
    m = make_materials(report, blind=True)
    pages = render_pages(m)
    for name in ("handout", "worksheet", "annotated"):
        assert_blind(_text(pages[name]), report)
    with pytest.raises(AssertionError):  # the check itself sees names when they are there
        assert_blind(_text(render_pages(make_materials(report))["worksheet"]), report)
    ordered = sorted(m.outlets, key=lambda o: o.letter)
    assert [o.label for o in ordered] == [f"Outlet {x}" for x in letters(len(m.outlets))]
    key = _text(pages["key"])
    assert "Key to the letters" in key
    for label, name in m.letter_key:  # the teacher guide alone decodes the letters
        assert f"{label} = {name}" in key


def test_teacher_guide_names_the_outlets_left_off_a_full_handout(cup_report) -> None:
    """Only the key lists who did not fit on the page; it decodes the letters
    anyway, so it names them as they are, not as "[another outlet]"."""
    m = make_materials(cup_report, blind=True, max_outlets=2)
    names = sorted(PLANTED["event"]["outlets"])
    assert sorted(m.left_out) == sorted(set(names) - {o.name for o in m.outlets}) and len(m.left_out) == 2
    pages = render_pages(m)
    assert "Not on the handout (one page): " + ", ".join(m.left_out) in _text(pages["key"])
    assert not any(n in _text(pages["handout"]) for n in m.left_out)


def test_blind_letters_do_not_follow_the_alphabet_of_names(cup_report) -> None:
    m = make_materials(cup_report, blind=True)
    names_by_letter = [o.name for o in sorted(m.outlets, key=lambda o: o.letter)]
    assert names_by_letter != sorted(names_by_letter)
    assert make_materials(cup_report, blind=True).letter_key == m.letter_key  # deterministic


def test_masker_rules_on_invented_names() -> None:
    arts = [
        {"id": 1, "outlet": "Riverside Evening Star", "byline": "By Ada Quill", "dateline": "DUNMORE",
         "url": "https://www.riversidestar.example/a/1"},
        {"id": 2, "outlet": "Dunmore Post", "byline": "Dunmore Post Staff", "dateline": None, "url": None},
    ]
    texts = {1: {"title": "", "body": "Dunmore council met."}, 2: {"title": "", "body": "In Dunmore, the vote."}}
    mk = build_masker(arts, texts, {"Riverside Evening Star": "Outlet A", "Dunmore Post": "Outlet B"})
    out = mk.apply("DUNMORE (RES) — The council voted, the Star understands. Ada Quill reports; "
                   "see riversidestar.example/votes or mail desk@riversidestar.example. "
                   "The Dunmore Post's editor agreed, e.g. at 7.30 p.m. (Dunmore) in Dunmore.",
                   opening=True)
    assert out.startswith("The council voted, Outlet A understands.")
    assert "[reporter] reports" in out and "[link]" in out and "[e-mail]" in out
    assert "Outlet B editor" in out or "Outlet B's editor" in out
    assert "e.g. at 7.30 p.m." in out
    # a place both outlets write stays, except as a source cue in brackets
    assert "in Dunmore." in out and "(Dunmore)" not in out
    assert "Riverside" not in out and "RES" not in out
    # a brand word is masked as a name is written, not as a common word
    out = mk.apply("RIVERSIDE readers walked by the riverside.")
    assert out == "Outlet A readers walked by the riverside."


def test_masker_keeps_an_agency_credited_as_author_that_other_outlets_report_on() -> None:
    """A release credited to the agency it is about ("Orbital Research Agency") is
    the story's actor when another outlet names it: masking it would print
    "The [reporter] says ..."; a reporter's name is still masked."""
    arts = [
        {"id": 1, "outlet": "Lakeside Wire", "byline": "Orbital Research Agency", "dateline": None, "url": None},
        {"id": 2, "outlet": "Harbor Daily", "byline": "Mina Talbot", "dateline": "PORTHAVEN", "url": None},
    ]
    texts = {1: {"title": "", "body": "Our study of sleep in orbit is done."},
             2: {"title": "", "body": "A caption.\n\nPORTHAVEN -- The Orbital Research Agency says sleep helps."}}
    mk = build_masker(arts, texts, {"Lakeside Wire": "Outlet A", "Harbor Daily": "Outlet B"})
    out = mk.apply(texts[2]["body"], opening=True)
    assert "The Orbital Research Agency says" in out
    # the dateline opening a later paragraph goes with its dash, not "[place] --"
    assert out.endswith("\n\nThe Orbital Research Agency says sleep helps.")
    assert mk.apply("Mina Talbot wrote it.") == "[reporter] wrote it."


def test_masker_drops_a_colon_dateline_opening_one_of_the_first_paragraphs() -> None:
    """Datelines the loaders do not store ("Dunmore, Kesh, Almera:", "PORTHAVEN:")
    open the text or a paragraph after a caption; a sentence with a colon stays."""
    mk = build_masker([], {}, {})
    body = "A caption of a photo.\n\nDunmore, Kesh, Almera: The council met. He said: Yes."
    assert mk.apply(body, opening=True) == "A caption of a photo.\n\nThe council met. He said: Yes."
    assert mk.apply("PORTHAVEN: The vote passed.", opening=True) == "The vote passed."
    assert mk.apply("Editor's note: This was updated.", opening=True) == "Editor's note: This was updated."
    assert mk.apply("Dunmore, Kesh: The council met.") == "Dunmore, Kesh: The council met."  # not a body


def test_masker_hides_a_site_name_written_as_words() -> None:
    """An outlet stored as its site ("RiverSports.com", "KeshNews") is also
    written as words ("River Sports") in the texts; a site named after a place
    does not mask the place, even where no other outlet writes it, and a site
    whose name reads as common words ("thehill") leaves them in lower case."""
    arts = [{"id": 1, "outlet": "RiverSports.com", "byline": None, "dateline": None, "url": None},
            {"id": 2, "outlet": "KeshNews", "byline": None, "dateline": None, "url": None},
            {"id": 3, "outlet": "Dunmore.com", "byline": None, "dateline": None, "url": None},
            {"id": 4, "outlet": "Harbor Daily", "byline": None, "dateline": None,
             "url": "https://www.harborhill.example/x"}]
    texts = {1: {"title": "", "body": "x"}, 2: {"title": "", "body": "y"}, 3: {"title": "", "body": "z"},
             4: {"title": "", "body": "The match."}}
    mk = build_masker(arts, texts, {"RiverSports.com": "Outlet A", "KeshNews": "Outlet B",
                                    "Dunmore.com": "Outlet C", "Harbor Daily": "Outlet D"})
    out = mk.apply("River Sports insider Jo Fenn told Kesh News; the game in Dunmore went on.")
    assert out == "Outlet A insider Jo Fenn told Outlet B; the game in Dunmore went on."
    assert mk.apply("Up the harbor hill, Harbor Hill said.") == "Up the harbor hill, Outlet D said."


# --- files and the command ----------------------------------------------------------

def _docx_text(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    return htmllib.unescape(re.sub(r"<[^>]+>", " ", xml))


def test_classroom_demo_command_writes_html_and_docx(tmp_path: Path) -> None:
    out = tmp_path / "class"
    res = CliRunner().invoke(cli, ["classroom", "--demo", "--blind", "--out", str(out), "--no-pdf"])
    assert res.exit_code == 0, res.output
    for name in ("handout", "worksheet", "key", "annotated"):
        page = (out / f"{name}.html").read_text(encoding="utf-8")
        assert "<html" in page and "@page { size: A4" in page
    for name in ("worksheet", "key"):
        assert (out / f"{name}.docx").stat().st_size > 5000
    charts = sorted((out / "charts").glob("*.png"))
    assert charts
    from PIL import Image

    for png in charts:
        with Image.open(png) as img:
            assert img.size[0] * 9 == img.size[1] * 16  # 16:9 slides
    # blind everywhere students look: file names, .docx worksheet, charts' names
    ws = _docx_text(out / "worksheet.docx")
    for outlet in PLANTED["event"]["outlets"]:
        assert outlet.lower() not in ws.lower()
        assert not any(outlet.lower().replace(" ", "-") in p.name.lower() for p in out.rglob("*"))
    key = _docx_text(out / "key.docx")
    assert all(o in key for o in PLANTED["event"]["outlets"])  # the key decodes the letters


def test_classroom_needs_paths_or_demo(tmp_path: Path) -> None:
    res = CliRunner().invoke(cli, ["classroom", "--out", str(tmp_path)])
    assert res.exit_code == 2 and "--demo" in res.output
    res = CliRunner().invoke(cli, ["classroom", "--demo", "--event", "e99", "--no-pdf", "--out", str(tmp_path)])
    assert res.exit_code == 1
    assert res.output.strip().splitlines()[-1].startswith("Error: no event 'e99'")
    assert "Traceback" not in res.output


def test_classroom_refuses_to_write_into_its_input_folder(tmp_path: Path) -> None:
    with as_path(classroom_corpus()) as corpus:
        for f in corpus.iterdir():
            if f.is_file():
                (tmp_path / f.name).write_bytes(f.read_bytes())
    res = CliRunner().invoke(cli, ["classroom", str(tmp_path), "--out", str(tmp_path), "--no-pdf"])
    assert res.exit_code == 1 and "is the input folder" in res.output and "Traceback" not in res.output
    assert not list(tmp_path.glob("*.html"))


def test_classroom_without_chromium_says_so_in_one_line(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("FRAMING_CHROMIUM", str(tmp_path / "no-such-browser"))
    res = CliRunner().invoke(cli, ["classroom", "--demo", "--out", str(tmp_path / "o")])
    assert res.exit_code == 0, res.output
    notes = [ln for ln in res.output.splitlines() if "Chromium" in ln]
    assert len(notes) == 1 and notes[0].startswith("note: no Chromium found")
    assert not list((tmp_path / "o").glob("*.pdf"))


def test_same_input_same_materials(cup_report) -> None:
    a = render_pages(make_materials(cup_report, blind=True))
    b = render_pages(make_materials(cup_report, blind=True))
    assert a == b
    from framing.classroom.word import key_docx, worksheet_docx

    m = make_materials(cup_report, blind=True)
    assert worksheet_docx(m) == worksheet_docx(m) and key_docx(m) == key_docx(m)


def test_materials_type(cup_report) -> None:
    assert isinstance(make_materials(cup_report), Materials)


@pytest.mark.slow
@pytest.mark.browser
def test_classroom_demo_as_a_subprocess_prints_pdfs(tmp_path: Path) -> None:
    import shutil

    if shutil.which("chromium") is None:
        pytest.skip("no chromium")
    proc = run_framing("classroom", "--demo", "--out", "class", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    from pypdf import PdfReader

    for name in ("handout", "worksheet", "key", "annotated"):
        assert (tmp_path / "class" / f"{name}.html").exists()
        assert PdfReader(tmp_path / "class" / f"{name}.pdf").pages
    for name in ("worksheet", "key"):
        assert (tmp_path / "class" / f"{name}.docx").exists()
    handout = PdfReader(tmp_path / "class" / "handout.pdf")
    assert len(handout.pages) == 1
    box = handout.pages[0].mediabox
    assert round(float(box.width) / 72 * 25.4) == 210 and round(float(box.height) / 72 * 25.4) == 297


@pytest.mark.slow
def test_wheel_ships_the_templates_and_the_classroom_corpus_with_its_marker(tmp_path: Path) -> None:
    """Without the marker in the wheel, an installed `framing demo` would read the cup final too."""
    import subprocess
    import sys

    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp_path), str(REPO)],
                   check=True, capture_output=True, text=True)
    [wheel] = tmp_path.glob("framing-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "framing/demo/classroom/.framing-ignore" in names
    assert "framing/demo/classroom/manifest.csv" in names
    for page in ("base", "handout", "worksheet", "key", "annotated", "macros"):
        assert f"framing/classroom/templates/{page}.html" in names
    assert "framing/classroom/templates/classroom.css" in names


def test_sources_quoted_come_from_the_detectors_quotations(cup_report) -> None:
    m = make_materials(cup_report, quotations=cup_report.quotations)
    for row in m.table:
        assert row.sources, row.outlet  # every lead of the cup final quotes someone
        for a in row.sources:
            sp = a.spans[0]
            assert cup_report.texts[sp.article]["body"][sp.start:sp.end] == sp.text
            assert sp.text[:1] in "\"“‘'" and sp.end <= m.handout_ranges()[(sp.article, "body")][1]
    speakers = {a.text for row in m.table for a in row.sources}
    assert any("Keane" in s for s in speakers) and any("Doyle" in s for s in speakers)
