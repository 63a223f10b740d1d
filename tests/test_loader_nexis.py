"""Nexis exports (LexisNexis Academic, Nexis Uni): one file, many articles,
each with its own header. The articles, outlets and people are invented; the
layout is the one the two services write (a cover page, then per article its
headline, publication, date line, fields and text)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from framing.cli import cli
from framing.corpus import InputFile, load_file
from framing.loaders.nexis import is_nexis, nexis_articles
from framing.store import Store

HARBOUR = ("The Almera council voted on Tuesday to approve the harbour budget after a debate that ran past "
           "midnight, and the mayor called the plan fair to every district.")
AUDIT = ("Opposition members said the new wall would cost twice what the council first promised, and asked "
         "for an audit of the contracts before the first stone is laid next spring.")
STRIKE = ("Dock workers in Kesh ended their nine-day strike on Wednesday after the port authority agreed to "
          "hire forty more crane drivers.")


def _uni_article(title: str, outlet: str, when: str, byline: str | None, paragraphs: list[str],
                 copyright_line: bool = True) -> str:
    words = sum(len(p.split()) for p in paragraphs)
    head = [title, outlet, when, "", ""]
    if copyright_line:
        head += [f"Copyright 2031 {outlet}. All Rights Reserved", ""]
    head += ["Section: NEWS; Pg. 4", f"Length: {words} words"]
    if byline:
        head.append(f"Byline: {byline}")
    head += ["Dateline: ALMERA", "Body", "", ""]
    tail = ["", "", "Classification", "", "Language: ENGLISH", "", "Load-Date: May 8, 2031", "", "",
            "End of Document", "", "", ""]
    return "\n".join(head + [p for para in paragraphs for p in (para, "")] + tail)


def nexis_uni(articles: list[str]) -> str:
    cover = ["Date and Time: Thursday, 8. May 2031 10:12:00 CEST", "Job Number: 12345",
             f"Documents ({len(articles)})"]
    for n, a in enumerate(articles, 1):
        cover += [f"{n}. {a.splitlines()[0]}", "Client/Matter: -None-", "Search Terms: harbour",
                  "Search Type: Natural Language", "Narrowed by:", "", "Content Type", "News", ""]
    return "\n".join(cover) + "\n\n\n\n" + "".join(articles)


FIRST = _uni_article("Almera council approves harbour budget", "The Almera Courier",
                     "May 6, 2031 Tuesday 9:33 PM GMT", "Ana Lee", [HARBOUR, AUDIT], copyright_line=False)
SECOND = _uni_article("Kesh dockers end strike", "Kesh Daily Standard", "May 7, 2031 Wednesday",
                      "By Sam Orlo", [STRIKE])


def academic(articles: list[tuple[str, str, str, str | None, list[str]]]) -> str:
    out = ["Download Request: Selected Items: 1-2", "Time Of Request: Thursday, May 8, 2031  10:12:00", "",
           "Terms: harbour", "", "Source: The Almera Courier;Kesh Daily Standard", ""]
    for n, (outlet, when, title, byline, paragraphs) in enumerate(articles, 1):
        words = sum(len(p.split()) for p in paragraphs)
        out += ["", f"                               {n} of {len(articles)} DOCUMENTS", "", "",
                f"                                  {outlet}", "", f"                            {when}", "",
                "                              Final Edition", "", title, ""]
        if byline:
            out += [f"BYLINE: {byline}", ""]
        out += ["SECTION: NEWS; Pg. 4", "", f"LENGTH: {words} words", "", "DATELINE: ALMERA", ""]
        for para in paragraphs:  # wrapped at 76 columns, as the text export is
            line = ""
            for word in para.split():
                if len(line) + len(word) + 1 > 76:
                    out.append(line)
                    line = word
                else:
                    line = f"{line} {word}".strip()
            out += [line, ""]
        out += ["", "LOAD-DATE: May 8, 2031", "", "LANGUAGE: ENGLISH", "", "PUBLICATION-TYPE: Newspaper", "",
                f"Copyright 2031 {outlet}", "", "", ""]
    return "\n".join(out)


ACADEMIC = academic([
    ("The Almera Courier", "May 6, 2031 Tuesday", "Almera council approves harbour budget after an all-night "
     "debate that ran past midnight in the old town hall", "ANA LEE", [HARBOUR, AUDIT]),
    ("Kesh Daily Standard", "May 7, 2031 Wednesday", "Kesh dockers end strike", None, [STRIKE]),
])


def test_a_nexis_uni_export_is_its_articles_with_their_own_fields():
    first, second = nexis_articles(nexis_uni([FIRST, SECOND]))
    assert (first.title, first.outlet, first.date, first.byline, first.dateline) == (
        "Almera council approves harbour budget", "The Almera Courier", "2031-05-06", "Ana Lee", "ALMERA")
    assert first.body == f"{HARBOUR}\n\n{AUDIT}"
    assert (second.title, second.outlet, second.date, second.byline) == (
        "Kesh dockers end strike", "Kesh Daily Standard", "2031-05-07", "Sam Orlo")
    assert second.body == STRIKE  # the trailing fields ("Classification", "Load-Date") are not the text


def test_a_lexisnexis_academic_export_is_its_articles_with_their_own_fields():
    first, second = nexis_articles(ACADEMIC)
    assert first.title == ("Almera council approves harbour budget after an all-night debate that ran past "
                           "midnight in the old town hall")
    assert (first.outlet, first.date, first.byline, first.dateline) == (
        "The Almera Courier", "2031-05-06", "ANA LEE", "ALMERA")
    assert first.body == f"{HARBOUR}\n\n{AUDIT}"  # lines unwrapped into paragraphs
    assert (second.title, second.outlet, second.byline, second.body) == (
        "Kesh dockers end strike", "Kesh Daily Standard", None, STRIKE)


def test_a_record_is_its_article_not_its_position():
    a = {x.title: x.record for x in nexis_articles(nexis_uni([FIRST, SECOND]))}
    b = {x.title: x.record for x in nexis_articles(nexis_uni([SECOND, FIRST]))}
    assert a == b and len(set(a.values())) == 2


@pytest.mark.parametrize("text", [
    # a pasted page that prints a reading time and an "End of Document" footer, or a story about documents
    "Harbour budget passes\nBy Ana Lee\nLength: 300 words\n\n" + HARBOUR + "\n\nEnd of Document\n",
    "Almera council\n\n" + HARBOUR + "\n\nThe clerk said 3 of 12 DOCUMENTS were missing.\n",
])
def test_a_pasted_page_is_no_nexis_export(text):
    assert not is_nexis(text) and nexis_articles(text) == []


@pytest.mark.parametrize("suffix", [".txt", ".docx"])
def test_a_nexis_file_loads_as_its_articles_and_a_manifest_outlet_applies_to_each(tmp_path: Path, suffix: str):
    text = nexis_uni([FIRST, SECOND])
    path = tmp_path / f"nexis{suffix}"
    if suffix == ".docx":
        docx = pytest.importorskip("docx")
        doc = docx.Document()
        for line in text.split("\n"):
            doc.add_paragraph(line)
        doc.save(str(path))
    else:
        path.write_text(text, encoding="utf-8")
    notes: list[str] = []
    loaded, errors = load_file(InputFile(path, path.name), notes=notes)
    assert not errors
    arts = [r.article for r in loaded]
    assert [(a.title, a.outlet, a.outlet_from, a.date, a.byline) for a in arts] == [
        ("Almera council approves harbour budget", "The Almera Courier", "export", "2031-05-06", "Ana Lee"),
        ("Kesh dockers end strike", "Kesh Daily Standard", "export", "2031-05-07", "Sam Orlo")]
    assert len({r.record for r in loaded}) == 2
    assert any(n.endswith("a Nexis export: 2 articles, 2 dated, 2 with a byline") for n in notes), notes
    loaded, _ = load_file(InputFile(path, path.name), outlet="Harbour Desk")
    assert {r.article.outlet for r in loaded} == {"Harbour Desk"}


def test_a_nexis_export_through_the_cli_stores_each_article_and_reports_an_empty_one(tmp_path: Path):
    empty = _uni_article("Harbour notice", "The Almera Courier", "May 8, 2031", None, [])
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "search.txt").write_text(nexis_uni([FIRST, empty, SECOND]), encoding="utf-8")
    db = tmp_path / "s.db"
    result = CliRunner().invoke(cli, ["ingest", "--db", str(db), str(tmp_path / "in")])
    assert "Traceback" not in result.output
    errors = [ln for ln in result.output.splitlines() if ln.startswith("error:")]
    assert len(errors) == 1 and "search.txt: article 2 (Harbour notice): no article text found" in errors[0]
    assert "2 added" in result.output
    with Store(db) as store:
        assert sorted(a.title for a in store.articles()) == ["Almera council approves harbour budget",
                                                             "Kesh dockers end strike"]
    again = CliRunner().invoke(cli, ["ingest", "--db", str(db), str(tmp_path / "in")])
    assert "0 added" in again.output


def test_headers_as_real_exports_vary_them() -> None:
    # Read off real Nexis exports: a "Correction Appended" notice where the date
    # line stands (and after the headline), a blog's name in brackets under the
    # publication, the edition after its name, the byline printed again among
    # the fields, and a note on who else reported after the writer's name.
    corrected = _uni_article("Harbour wall costs revised - Correction Appended", "The Almera Courier - Final Edition",
                             "Correction Appended", "By ANA LEE", [HARBOUR])
    corrected = corrected.replace("Byline: By ANA LEE\n", "Byline: By ANA LEE\n\nBy ANA LEE\n")
    blog = _uni_article("Do harbour walls help the climate?; Green", "The Kesh Daily Standard",
                        "May 7, 2031 Wednesday", "SAM ORLO; Ann Marsh contributed reporting from Kesh.", [STRIKE])
    blog = blog.replace("The Kesh Daily Standard\n", "The Kesh Daily Standard\n(Green)\n", 1)
    arts = nexis_articles(nexis_uni([corrected, blog]))
    assert [(a.title, a.outlet, a.date, a.byline) for a in arts] == [
        ("Harbour wall costs revised", "The Almera Courier", None, "ANA LEE"),
        ("Do harbour walls help the climate?; Green", "The Kesh Daily Standard", "2031-05-07", "SAM ORLO"),
    ]
    assert arts[0].body == HARBOUR and arts[1].body == STRIKE
