"""News databases' exports saved as HTML: a LexisNexis Academic results page
and a Factiva "Article format" page, each holding many articles, read as the
articles they hold. The pages here are invented (our own words) and laid out
as the two services lay out theirs (read off real exports of both: 551
LexisNexis Academic articles in four pages, English and German interface,
and 378 Factiva articles in six pages, English, German and Chinese
interface; docs/input-formats.md)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from framing.cli import cli
from framing.corpus import InputFile, load_file


def _academic(docs: list[dict[str, str]], *, length: str = "LENGTH", words: str = "words") -> str:
    """A LexisNexis Academic results page: per document a "N of M DOCUMENTS"
    line, the publication, the date line, the headline, capitalised fields,
    the paragraphs and the trailing fields, each a <P> in a <DIV>; a hidden
    copy of each document in an XML comment."""
    def p(text: str, cls: str = "c2") -> str:
        return f'<BR><DIV CLASS="c4"><P CLASS="c5"><SPAN CLASS="{cls}">{text}</SPAN></P>\n</DIV>\n'

    out = ['<HTML><HEAD><STYLE TYPE="text/css"><!-- .c2 { font-size: 10pt; } --></STYLE>\n<TITLE>&nbsp;</TITLE>'
           f'<META DOCUMENTS="{len(docs)}" /></HEAD><BODY>\n']
    for n, d in enumerate(docs, 1):
        out.append(f'<A NAME="DOC_ID_{n}"></A><!-- Hide XML section from browser\n<DOC NUMBER={n}>\n<DOCFULL> -->\n')
        out.append(p(f"{n} of {len(docs)} DOCUMENTS"))
        out.append(p(d["outlet"]) + p(d["date"] + "&nbsp;") + p(d["title"], "c6"))
        for field in ("BYLINE", "AUTOR", "SECTION"):
            if field in d:
                out.append(f'<BR><DIV CLASS="c4"><P CLASS="c5"><SPAN CLASS="c7">{field}: </SPAN>'
                           f'<SPAN CLASS="c2">{d[field]}</SPAN></P>\n</DIV>\n')
        out.append(f'<BR><DIV CLASS="c4"><P CLASS="c5"><SPAN CLASS="c7">{length}: </SPAN>'
                   f'<SPAN CLASS="c2">{len(d["body"].split())} {words}</SPAN></P>\n</DIV>\n')
        if "DATELINE" in d:
            out.append(f'<BR><DIV CLASS="c4"><P CLASS="c5"><SPAN CLASS="c7">DATELINE: </SPAN>'
                       f'<SPAN CLASS="c2">{d["DATELINE"]}</SPAN></P>\n</DIV>\n')
        out.append('<BR><DIV CLASS="c4">' + "".join(f'<P CLASS="c8"><SPAN CLASS="c2">{para}</SPAN></P>\n'
                                                      for para in d["body"].split("\n\n")) + "</DIV>\n")
        out.append(p('<SPAN CLASS="c7">LOAD-DATE: </SPAN>' + d["date"]) + p("LANGUAGE: ENGLISH")
                   + p(f"Copyright {d['date'][-4:]} {d['outlet']}") + "<!-- Hide XML section from browser\n"
                   "</DOCFULL>\n</DOC> -->\n")
    return "".join(out) + "</BODY></HTML>"


HARBOUR = ("Ships waiting outside the harbour at Kesh were allowed in on Monday after the strike by pilots ended "
           "with a pay offer that both unions accepted.\n\nThe port authority said it would take three days to "
           "clear the queue of forty vessels.")
BRIDGE = ("The council of Almera voted to close the old bridge to lorries from May, citing cracks found in an "
          "inspection last winter.\n\nHauliers said the detour would add an hour to each trip.")
FLOOD = ("Die Stadt Tarnow hat nach dem Hochwasser einen Hilfsfonds eingerichtet, aus dem betroffene Familien "
         "bis zu zweitausend Euro erhalten sollen.\n\nDie Anträge können ab Montag gestellt werden.")


def _read(path: Path):
    loaded, errors = load_file(InputFile(path, path.name))
    return [r.article for r in loaded], errors


def test_a_lexisnexis_academic_page_is_its_articles(tmp_path: Path) -> None:
    page = tmp_path / "results.html"
    page.write_text(_academic([
        {"outlet": "The Kesh Gazette", "date": "March 14, 2031 Friday 11:21 AM GMT",
         "title": "Pilots' strike ends, ships enter Kesh harbour", "BYLINE": "From LENA MARSH", "DATELINE": "KESH",
         "body": HARBOUR},
        {"outlet": "Almera Evening Post", "date": "March 15, 2031", "title": "Old bridge to close to lorries",
         "SECTION": "NEWS; Pg. 4", "body": BRIDGE},
        {"outlet": "Almera Evening Post", "date": "March 16, 2031", "title": "Hauliers protest bridge closure",
         "BYLINE": "TOM REED, --(Reuter)", "body": BRIDGE.replace("voted", "had voted")},
    ]), encoding="utf-8")
    arts, errors = _read(page)
    assert not errors
    assert [(a.title, a.outlet, a.date, a.byline, a.dateline) for a in arts] == [
        ("Pilots' strike ends, ships enter Kesh harbour", "The Kesh Gazette", "2031-03-14", "LENA MARSH", "KESH"),
        ("Old bridge to close to lorries", "Almera Evening Post", "2031-03-15", None, None),
        ("Hauliers protest bridge closure", "Almera Evening Post", "2031-03-16", "TOM REED, Reuter", None),
    ]
    assert arts[0].body == HARBOUR and arts[1].body == BRIDGE  # no trailing fields, no copyright line
    assert all(a.format == "nexis" for a in arts)


def test_the_german_interface_of_lexisnexis(tmp_path: Path) -> None:
    page = tmp_path / "treffer.html"
    page.write_text(_academic([
        {"outlet": "Tarnower Anzeiger", "date": "27. Februar 2031", "title": "Hilfsfonds nach dem Hochwasser",
         "AUTOR": "Berger, Anna", "body": FLOOD},
    ], length="L&Auml;NGE", words="W&ouml;rter"), encoding="utf-8")
    arts, errors = _read(page)
    assert not errors
    assert [(a.title, a.outlet, a.date, a.byline) for a in arts] == [
        ("Hilfsfonds nach dem Hochwasser", "Tarnower Anzeiger", "2031-02-27", "Berger, Anna")]
    assert arts[0].body == FLOOD


def _factiva(articles: list[dict[str, str]]) -> str:
    """A Factiva "Article format" page: per article a <div class="article
    xxArticle"> with a section, the headline (id "hd"), the author, unlabelled
    lines (length, date, time, source, code, language, copyright) and the
    paragraphs of class articleParagraph."""
    out = ['<html><head><title>Factiva</title></head><body><div id="articleFrame">']
    for a in articles:
        lines = [a["length"], a["date"]] + ([a["time"]] if "time" in a else []) + [a["source"], a["code"],
                                                                                    a["language"], "Copyright"]
        author = f'<div class="author">{a["author"]}</div>' if "author" in a else ""
        paras = "".join(f'<p class="articleParagraph {a["lang"]}articleParagraph">{t}</p>'
                        for t in a["body"].split("\n\n"))
        out.append(f'<div class="article {a["lang"]}Article"><p></p><div>{a.get("section", "News")}</div>'
                   f'<div id="hd"><span class="{a["lang"]}Headline">{a["title"]}</span></div>{author}'
                   + "".join(f"<div>{ln}</div>" for ln in lines) + f"<p></p>{paras}</div>")
    return "".join(out) + '</div><div class="lastarticle"></div></body></html>'


def test_a_factiva_page_is_its_articles(tmp_path: Path) -> None:
    page = tmp_path / "Factiva.html"
    page.write_text(_factiva([
        {"lang": "en", "title": "1) Pilots' strike ends, ships enter Kesh harbour", "author": "By Lena Marsh",
         "length": "412 words", "date": "14 March 2031", "source": "The Kesh Gazette", "code": "KESHG",
         "language": "English", "body": HARBOUR},
        {"lang": "de", "title": "2) Hilfsfonds nach dem Hochwasser", "author": "VON ANNA BERGER",
         "length": "233 Wörter", "date": "27 Februar 2031", "time": "17:04", "source": "Tarnower Anzeiger",
         "code": "TARNA", "language": "Deutsch", "body": FLOOD},
        {"lang": "en", "title": "3) Old bridge to close to lorries", "length": "180 字",
         "date": "2031 年 3 月 15 日", "source": "Almera Evening Post", "code": "ALMEP", "language": "英文",
         "body": BRIDGE},
    ]), encoding="utf-8")
    arts, errors = _read(page)
    assert not errors
    assert [(a.title, a.outlet, a.date, a.byline, a.format) for a in arts] == [
        ("Pilots' strike ends, ships enter Kesh harbour", "The Kesh Gazette", "2031-03-14", "Lena Marsh", "factiva"),
        ("Hilfsfonds nach dem Hochwasser", "Tarnower Anzeiger", "2031-02-27", "ANNA BERGER", "factiva"),
        ("Old bridge to close to lorries", "Almera Evening Post", "2031-03-15", None, "factiva"),
    ]
    assert [a.body for a in arts] == [HARBOUR, FLOOD, BRIDGE]


def test_a_factiva_article_without_text_is_named_and_the_rest_stored(tmp_path: Path) -> None:
    page = tmp_path / "Factiva.html"
    common = {"lang": "en", "length": "90 words", "date": "14 March 2031", "code": "X", "language": "English"}
    page.write_text(_factiva([common | {"title": "Ships enter harbour", "source": "The Kesh Gazette",
                                        "body": HARBOUR},
                              common | {"title": "Bridge closes", "source": "Almera Evening Post", "body": ""}]),
                    encoding="utf-8")
    arts, errors = _read(page)
    assert [a.title for a in arts] == ["Ships enter harbour"]
    assert [str(e) for e in errors] == ["Factiva.html: article 2 (Bridge closes): no article text found"]


def test_a_page_with_such_markup_but_no_articles_is_a_page(tmp_path: Path) -> None:
    # an article element without a headline element and its paragraphs is no Factiva export
    page = tmp_path / "page.html"
    page.write_text('<html><head><title>Kesh harbour reopens</title></head><body><div class="article enArticle">'
                    f'<h1>Kesh harbour reopens</h1>{"".join(f"<p>{t}</p>" for t in HARBOUR.split(chr(10) * 2))}'
                    "</div></body></html>", encoding="utf-8")
    arts, errors = _read(page)
    assert not errors and len(arts) == 1 and arts[0].format == "html"


def test_the_cli_says_what_it_read(tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    (folder / "Factiva.html").write_text(_factiva([
        {"lang": "en", "title": "Ships enter harbour", "length": "90 words", "date": "14 March 2031",
         "source": "The Kesh Gazette", "code": "X", "language": "English", "body": HARBOUR},
        {"lang": "en", "title": "Bridge closes", "length": "60 words", "date": "15 March 2031",
         "source": "Almera Evening Post", "code": "Y", "language": "English", "body": BRIDGE}]), encoding="utf-8")
    result = CliRunner().invoke(cli, ["ingest", str(folder), "--db", str(tmp_path / "f.db")])
    assert result.exit_code == 0, result.output
    assert "a Factiva export: 2 articles, 2 dated, 0 with a byline" in result.output
    assert "2 added, 0 updated, 0 unchanged, 0 errors" in result.output
