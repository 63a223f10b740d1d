"""Several articles pasted into one file, with a line of dashes (or a page
break) between them, are read as as many articles: each one as its own file
would be. Real copied pages (../shared/data/real-pages) are the yardstick:
every one read alone is never cut, and three of them pasted into one file
come apart into the three articles each reads as alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import DATA, _need, run_framing
from framing.cli import cli
from framing.corpus import InputFile, load_file
from framing.loaders.several import pasted_articles
from framing.loaders.text import parse_page_text

SEPARATORS = ["\n\n-----\n\n", "\n\n==========\n\n", "\n\f\n", "\n\n* * *\n\n", "\n\n______________\n\n"]

LIBRARY = """City council votes to close the Elm Street library

By Dana Ortiz
March 3, 2031

The city council voted 5-2 on Monday to close the Elm Street branch library, citing a budget shortfall of $1.2 million that the finance office reported in January. Residents filled the chamber for three hours of public comment before the vote.

"This library is the heart of our neighborhood," said resident Maria Chen, who has used the branch for twenty years.

The branch will close on June 30. Its 40,000 books will move to the central library downtown, the council said.
"""

SHUTTERED = """Council shutters beloved library in stunning vote

By Tom Reeves
March 4, 2031

In a shocking move, the council slammed the door on the Elm Street library Monday, ignoring outraged residents who begged them to reconsider a cut that critics call reckless.

Council member Joe Park insisted the cuts were necessary, pointing to a $1.2 million hole in the budget. Neighbors said they would fight the closure at the next meeting.

The library, which opened in 1962, is the only branch within walking distance for many families on the east side.
"""

#: One feature with a scene break and a subhead after it: one article.
FEATURE = """The last ferry keeper of Portvale

By Ana Lee
May 6, 2031

For thirty years Tomas Ruiz has opened the ferry gate at dawn, checked the ropes and written the weather in a ledger that the harbour office still keeps on a shelf behind his desk.

He learned the work from his father, who kept the gate before him, and he says the river has changed more in the last five years than in the twenty before them.

* * *

The winter floods

The floods of last winter closed the crossing for eleven days, the longest closure since the ledger began, and the town council has since asked engineers to study a higher landing.

Ruiz says he will keep the gate until the new landing opens, and then he will hand the keys to his niece, who has worked beside him for two summers.

© 2031 The Kesh Courier. All rights reserved.
"""


def _pasted() -> list[Path]:
    return sorted(_need(DATA / "real-pages" / "pasted").glob("*.txt"))


def _fields(p) -> tuple:
    return (p.title, p.date, p.byline, p.outlet_hint, p.body)


def test_a_real_copied_page_alone_is_never_cut() -> None:
    pages = _pasted()
    assert len(pages) >= 30
    assert [p.name for p in pages if pasted_articles(p.read_text(encoding="utf-8"))] == []


@pytest.mark.parametrize(
    "sep", [pytest.param(s, marks=() if i == 0 else pytest.mark.slow) for i, s in enumerate(SEPARATORS)],
    ids=["dashes", "equals", "page-break", "stars", "underscores"])
def test_three_real_copied_pages_in_one_file_read_as_each_alone(sep: str) -> None:
    pages = _pasted()
    for k in range(0, len(pages), 5):
        chosen = [pages[(k + d) % len(pages)] for d in (0, 1, 7)]
        texts = [p.read_text(encoding="utf-8") for p in chosen]
        whole = sep.join(texts)
        spans = pasted_articles(whole)
        assert len(spans) == 3, [p.name for p in chosen]
        for (start, end), text, page in zip(spans, texts, chosen):
            assert _fields(parse_page_text(whole[start:end])) == _fields(parse_page_text(text)), page.name


def test_a_scene_break_inside_one_article_does_not_cut_it() -> None:
    assert pasted_articles(FEATURE) == []
    (art,), errors = _load(FEATURE)
    assert not errors and "The winter floods" in art.body and "his niece" in art.body


def _load(text: str, tmp: Path | None = None, name: str = "coverage.txt"):
    import tempfile

    folder = Path(tmp or tempfile.mkdtemp())
    path = folder / name
    path.write_text(text, encoding="utf-8")
    loaded, errors = load_file(InputFile(path, name))
    return [r.article for r in loaded], errors


def test_two_articles_with_a_rule_between_them_are_two_records(tmp_path: Path) -> None:
    arts, errors = _load(LIBRARY + "\n-----\n\n" + SHUTTERED, tmp_path)
    assert not errors
    assert [(a.title, a.byline, a.date) for a in arts] == [
        ("City council votes to close the Elm Street library", "Dana Ortiz", "2031-03-03"),
        ("Council shutters beloved library in stunning vote", "Tom Reeves", "2031-03-04"),
    ]
    assert "heart of our neighborhood" in arts[0].body and "heart of" not in arts[1].body
    assert "walking distance" in arts[1].body and "walking" not in arts[0].body


def test_the_same_article_pasted_twice_is_stored_once(tmp_path: Path) -> None:
    arts, errors = _load(LIBRARY + "\n-----\n\n" + SHUTTERED + "\n-----\n\n" + SHUTTERED, tmp_path)
    assert not errors and len(arts) == 2


def test_a_word_document_with_a_page_break_between_articles(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    from docx.enum.text import WD_BREAK

    doc = docx.Document()
    for i, text in enumerate((LIBRARY, SHUTTERED)):
        if i:
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        for line in text.strip().split("\n"):
            if line:
                doc.add_paragraph(line)
    doc.save(str(tmp_path / "coverage.docx"))
    loaded, errors = load_file(InputFile(tmp_path / "coverage.docx", "coverage.docx"))
    assert not errors
    assert [r.article.byline for r in loaded] == ["Dana Ortiz", "Tom Reeves"]


def test_a_file_read_as_one_article_before_is_updated_not_doubled(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    db = str(tmp_path / "s.db")
    (folder / "coverage.txt").write_text(LIBRARY, encoding="utf-8")
    first = CliRunner().invoke(cli, ["ingest", "--db", db, str(folder)])
    assert first.exit_code == 0 and "1 added" in first.output
    (folder / "coverage.txt").write_text(LIBRARY + "\n-----\n\n" + SHUTTERED, encoding="utf-8")
    second = CliRunner().invoke(cli, ["ingest", "--db", db, str(folder)])
    assert second.exit_code == 0, second.output
    assert "1 added, 1 updated" in second.output
    assert "coverage.txt: 2 articles, read apart at the lines that separate them" in second.output
    from framing.store import Store

    with Store(db) as store:
        titles = sorted(a.title for a in store.articles())
    assert titles == ["City council votes to close the Elm Street library",
                      "Council shutters beloved library in stunning vote"]


def test_the_real_command_reads_a_pasted_pile_apart(tmp_path: Path) -> None:
    pages = _pasted()[:3]
    pile = tmp_path / "pile.txt"
    pile.write_text("\n\n-----\n\n".join(p.read_text(encoding="utf-8") for p in pages), encoding="utf-8")
    done = run_framing("ingest", "--db", str(tmp_path / "s.db"), str(pile))
    assert done.returncode == 0, done.stderr
    assert "loaded: " in done.stdout and "(3 added)" in done.stdout and "Traceback" not in done.stderr
