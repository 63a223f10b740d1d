"""ProQuest exports ("Text only" and HTML, the HTML also what ProQuest's
"Email" sends) read as the articles they hold. The records here are invented
(our own words) and laid out as ProQuest lays out its exports (read off real
ones: 873 records of Canadian Newsstream in two text exports, and a US Major
Dailies record in HTML; docs/input-formats.md)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import run_framing
from framing.cli import cli
from framing.corpus import InputFile, load_file
from framing.loaders.proquest import NO_FULL_TEXT, is_proquest, proquest_articles, proquest_html_text

RULE = "_" * 60

HARBOUR = ["Ships waiting outside the harbour at Kesh were allowed in on Monday after the strike by pilots ended "
           "with a pay offer that both unions accepted.",
           "Union spokesman: \"We got what we asked for,\" said Ivo Brand, who led the walkout.",
           "The port authority said it would take three days to clear the queue of forty vessels."]
BRIDGE = ["The council of Almera voted to close the old bridge to lorries from May, citing cracks found in an "
          "inspection last winter.",
          "Hauliers said the detour would add an hour to each trip."]


def record(title: str, publication: str, date: str, text: list[str] | None, *, author: str | None = None,
           abstract: str = "None available.", number: str | None = None, doc_id: str = "1234567890",
           place_of: str = "Place of publication") -> str:
    """One record of a "Text only" export: the headline, the fields above the
    text, the text (a paragraph a line) with a caption under it, then the
    record's fields, each a paragraph."""
    url = (f"https://proxy.almera-uni.example/login?url=https://www.proquest.com/newspapers/story/docview/{doc_id}"
           "/se-2?accountid=4711")
    out = [f"Document {number}" if number else None, title,
           f"Author: {author}" if author else None,
           f"Publication info: {publication}. {date}: A.4.", url, f"Abstract: {abstract}",
           "Links: https://links.almera-uni.example/openurl?genre=article&sid=ProQ:news"]
    if text is not None:
        out.append("Full text: " + "\n".join(text) + "\nCAPTION: Ships at anchor off Kesh.\nCREDIT: Port of Kesh")
    out += ["Subject: Ports; Labor disputes", f"Title: {title}: \xa0 a subtitle", f"Publication title: {publication}",
            "First page: A.4", f"Publication year: {date[-4:]}", f"Publication date: {date}", "Section: News",
            f"{place_of}: Kesh", "Source type: Newspaper", "Language of publication: English",
            f"ProQuest document ID: {doc_id}", f"Document URL: {url}",
            f"Copyright: Copyright {date[-4:]} The Kesh Gazette. All Rights Reserved.",
            "Database: Almera Newsstream"]
    return "\n\n".join(p for p in out if p is not None)


def export(records: list[str]) -> str:
    return "".join(f"{RULE}\n\n{r}\n\n" for r in records) + (
        f"{RULE}\n\nContact us at: https://support.example/contact\nDatabase copyright © 2031 ProQuest LLC. "
        "All rights reserved.\nTerms and Conditions: https://terms.example/\n")


FIRST = record("Pilots' strike ends, ships enter Kesh harbour", "The Kesh Gazette (Online); Kesh", "Mar 14, 2031",
               HARBOUR, author="Marsh, Lena; Brand, Ivo", number="1 of 2", doc_id="111")
SECOND = record("Old bridge to close to lorries", "Almera Evening Post; Almera, Alm.", "Mar 15, 2031", BRIDGE,
                number="2 of 2", doc_id="222")


def _read(path: Path):
    loaded, errors = load_file(InputFile(path, path.name))
    return [r.article for r in loaded], errors


def test_a_text_export_is_its_articles_with_their_own_fields(tmp_path: Path) -> None:
    path = tmp_path / "ProQuestDocuments-2031-03-16.txt"
    path.write_text(export([FIRST, SECOND]), encoding="utf-8")
    arts, errors = _read(path)
    assert not errors
    assert [(a.title, a.outlet, a.date, a.byline, a.url, a.format) for a in arts] == [
        ("Pilots' strike ends, ships enter Kesh harbour", "The Kesh Gazette", "2031-03-14", "Lena Marsh, Ivo Brand",
         "https://www.proquest.com/newspapers/story/docview/111/se-2", "proquest"),
        ("Old bridge to close to lorries", "Almera Evening Post", "2031-03-15", None,
         "https://www.proquest.com/newspapers/story/docview/222/se-2", "proquest"),
    ]
    # each line of the text a paragraph; the caption, its credit and the fields are no text
    assert arts[0].body == "\n\n".join(HARBOUR) and arts[1].body == "\n\n".join(BRIDGE)
    assert all(a.outlet_from == "export" for a in arts)


def test_a_record_is_its_article_not_its_position() -> None:
    a = {x.title: x.record for x in proquest_articles(export([FIRST, SECOND]))}
    b = {x.title: x.record for x in proquest_articles(export([SECOND, FIRST]))}
    assert a == b and len(set(a.values())) == 2 and all(r.startswith("proquest:") for r in a.values())


def test_spaces_proquest_puts_inside_words_are_read_through() -> None:
    odd = record("Harbour queue shortens", "The Kesh Ga zette (Online); Kesh", "Ma r 16, 2031", HARBOUR[2:],
                 doc_id="333", place_of="Place ofpublication")
    arts = proquest_articles(export([FIRST, odd, SECOND]))
    assert [(a.outlet, a.date) for a in arts] == [
        ("The Kesh Gazette", "2031-03-14"), ("The Kesh Gazette", "2031-03-16"), ("Almera Evening Post", "2031-03-15")]
    assert arts[1].body == HARBOUR[2]  # "Place ofpublication:" is a field still, not text


def test_an_export_without_full_text_says_what_to_choose(tmp_path: Path) -> None:
    path = tmp_path / "citations.txt"
    path.write_text(export([record("Pilots' strike ends", "The Kesh Gazette; Kesh", "Mar 14, 2031", None,
                                   abstract="Pilots ended their strike after a pay offer.", doc_id="1"),
                            record("Old bridge to close", "Almera Evening Post; Almera", "Mar 15, 2031", None,
                                   doc_id="2")]), encoding="utf-8")
    arts, errors = _read(path)
    assert arts == [] and [(e.path, e.problem) for e in errors] == [("citations.txt", NO_FULL_TEXT)]
    assert "Full text" in NO_FULL_TEXT


def test_a_record_without_full_text_is_named_and_the_rest_stored(tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    path.write_text(export([FIRST, record("Old bridge to close", "Almera Evening Post; Almera", "Mar 15, 2031", None,
                                          abstract="The council closes the bridge to lorries.", doc_id="2")]),
                    encoding="utf-8")
    arts, errors = _read(path)
    assert [a.title for a in arts] == ["Pilots' strike ends, ships enter Kesh harbour"]
    assert [e.problem for e in errors] == [
        "article 2 (Old bridge to close): no full text in the export (an abstract only)"]


@pytest.mark.parametrize("text", [
    # a pasted page with labelled lines and a rule of underscores, and a form letter with "Title:" fields
    "Harbour budget passes\n\nTitle: Harbour budget passes\nAuthor: Ana Lee\n\n" + "\n".join(HARBOUR)
    + "\n\n" + RULE + "\n\nFull text: see the print edition\n",
    "Title: Reader survey\n\nPublication title: The Kesh Gazette\n\n" + "\n\n".join(BRIDGE) + "\n",
])
def test_a_pasted_page_is_no_proquest_export(tmp_path: Path, text: str) -> None:
    assert not is_proquest(text) and proquest_articles(text) == []
    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    arts, errors = _read(path)
    assert not errors and len(arts) == 1 and arts[0].format != "proquest"


def _html(records: list[tuple[str, str, str, str, list[str]]]) -> str:
    """An HTML export: per record an anchor DocID_, the headline, bold field
    names, the text's paragraphs inside the "Full text" paragraph."""
    p = '<p style="margin-bottom:5pt">'
    out = ["<html><head><title>ProQuest</title></head><body>"]
    for doc_id, title, author, publication, paras in records:
        out.append(f'<div style="border-bottom:2px solid #ccc"><a name="DocID_{doc_id}"></a>{p}</p>'
                   f'{p}<b>{title}</b></p>{p}<strong>Author: </strong>{author}</p>'
                   f'{p}<a href="https://www.proquest.com/docview/{doc_id}?accountid=9">ProQuest document link</a></p>'
                   f'{p}<strong>Abstract: </strong></p>{p}{paras[0][:40]}</p>'
                   f'<div><strong>Links: </strong><a href="https://links.example/">Find it</a></div>'
                   f'{p}<strong>Full text: </strong><text wordcount="60"><title></title>'
                   + "".join(f"<p>{t}</p>" for t in paras) + "</text></p>"
                   f'{p}<strong>Subject: </strong>Ports</p>{p}<strong>Publication title: </strong>{publication}</p>'
                   f'{p}<strong>Publication date: </strong>Mar 14, 2031</p>'
                   f'{p}<strong>ProQuest document ID: </strong>{doc_id}</p>'
                   f'{p}<strong>Document URL: </strong><a href="#">https://www.proquest.com/docview/{doc_id}'
                   f'?accountid=9</a></p>{p}<strong>Database: </strong>Almera Newsstream</p></div>')
    return "".join(out) + "</body></html>"


def test_an_html_export_is_read_as_the_text_one(tmp_path: Path) -> None:
    path = tmp_path / "ProQuestDocuments.html"
    path.write_text(_html([("111", "Pilots' strike ends", "Marsh, Lena", "The Kesh Gazette; Kesh", HARBOUR),
                           ("222", "Old bridge to close", "Reed, Tom", "Almera Evening Post", BRIDGE)]),
                    encoding="utf-8")
    arts, errors = _read(path)
    assert not errors
    assert [(a.title, a.outlet, a.date, a.byline, a.url, a.body) for a in arts] == [
        ("Pilots' strike ends", "The Kesh Gazette", "2031-03-14", "Lena Marsh", "https://www.proquest.com/docview/111",
         "\n\n".join(HARBOUR)),
        ("Old bridge to close", "Almera Evening Post", "2031-03-14", "Tom Reed", "https://www.proquest.com/docview/222",
         "\n\n".join(BRIDGE)),
    ]
    assert proquest_html_text("<html><body><p>Title: a page</p></body></html>") is None


def test_the_cli_stores_each_article_and_says_what_it_read(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "export.txt").write_text(export([FIRST, SECOND]), encoding="utf-8")
    db = tmp_path / "p.db"
    result = CliRunner().invoke(cli, ["ingest", str(folder), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "a ProQuest export: 2 articles, 2 dated, 1 with a byline" in result.output
    assert "2 added" in result.output
    again = CliRunner().invoke(cli, ["ingest", str(folder), "--db", str(db)])
    assert "2 unchanged" in again.output


def test_the_command_names_an_export_without_full_text(tmp_path: Path) -> None:
    path = tmp_path / "citations.txt"
    path.write_text(export([record("Old bridge to close", "Almera Evening Post", "Mar 15, 2031", None)]),
                    encoding="utf-8")
    out = run_framing("ingest", str(path), "--db", str(tmp_path / "c.db"))
    assert out.returncode == 1
    assert f"citations.txt: {NO_FULL_TEXT}" in out.stdout + out.stderr
    assert "Traceback" not in out.stderr


def test_an_export_proquest_sent_by_email_is_its_articles(tmp_path: Path) -> None:
    from email.message import EmailMessage

    msg = EmailMessage()
    msg["From"] = "noreply@proquest.example"
    msg["Subject"] = "Your ProQuest Research"
    msg["Date"] = "Tue, 18 Mar 2031 09:00:00 +0000"
    page = _html([("111", "Pilots' strike ends", "Marsh, Lena", "The Kesh Gazette; Kesh", HARBOUR),
                  ("222", "Old bridge to close", "Anonymous", "Almera Evening Post", BRIDGE)])
    # each record's text a document of its own, as ProQuest sends it: the records after it are kept
    page = page.replace('<title></title>', '<html><head><title></title></head><body>').replace(
        "</text>", "</body></html></text>")
    page = page[:-len("</body></html>")] + "<p>Contact ProQuest</p></body></html>"  # the e-mail's footer
    msg.set_content(page, subtype="html", cte="quoted-printable")
    path = tmp_path / "research.eml"
    path.write_bytes(bytes(msg))
    arts, errors = _read(path)
    assert not errors
    assert [(a.title, a.outlet, a.date, a.byline, a.format) for a in arts] == [
        ("Pilots' strike ends", "The Kesh Gazette", "2031-03-14", "Lena Marsh", "proquest"),
        ("Old bridge to close", "Almera Evening Post", "2031-03-14", None, "proquest"),
    ]
    assert arts[1].body == "\n\n".join(BRIDGE)  # not the e-mail's footer under the last record


def test_fields_a_line_each_are_read_as_fields_a_paragraph_each() -> None:
    packed = export([FIRST.replace("\n\nSubject:", "\nSubject:").replace("\n\nTitle:", "\nTitle:").replace(
        "\n\nPublication title:", "\nPublication title:").replace("\n\nPublication date:", "\nPublication date:")])
    assert "\nPublication title:" in packed and "\n\nPublication title:" not in packed
    assert [(a.title, a.outlet, a.date, a.body) for a in proquest_articles(packed)] == [
        ("Pilots' strike ends, ships enter Kesh harbour", "The Kesh Gazette", "2031-03-14", "\n\n".join(HARBOUR))]


def test_an_export_stored_before_as_one_page_is_its_articles_after(tmp_path: Path, monkeypatch) -> None:
    """An older framing read a ProQuest export as one pasted page (record ""):
    read again as its articles, that row becomes the first article's (updated,
    its id kept), not a junk article left beside them."""
    import framing.loaders.proquest as pq
    from framing.store import Store

    path = tmp_path / "export.txt"
    path.write_text(export([FIRST, SECOND]), encoding="utf-8")
    db = str(tmp_path / "s.db")
    real = pq.proquest_articles
    import framing.loaders.several as several

    monkeypatch.setattr(pq, "proquest_articles", lambda text: [])  # as before ProQuest was read
    monkeypatch.setattr(several, "pasted_articles", lambda text: [])  # and pasted files were cut
    first = CliRunner().invoke(cli, ["ingest", "--db", db, str(path)])
    assert first.exit_code == 0 and "1 added" in first.output, first.output
    with Store(db) as store:
        (old,) = list(store.articles())
    monkeypatch.setattr(pq, "proquest_articles", real)
    path.write_text(export([FIRST, SECOND]) + "\n", encoding="utf-8")  # touched: read again
    second = CliRunner().invoke(cli, ["ingest", "--db", db, str(path)])
    assert second.exit_code == 0 and "1 added, 1 updated" in second.output, second.output
    with Store(db) as store:
        arts = list(store.articles())
    assert len(arts) == 2 and arts[0].id == old.id
    assert [a.outlet for a in arts] == ["The Kesh Gazette", "Almera Evening Post"]
