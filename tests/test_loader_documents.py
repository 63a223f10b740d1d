"""A page's text pasted into a word processor and saved as .docx, .odt or
.rtf (written here with python-docx and odfpy, as Word and LibreOffice lay
them out, and as macOS TextEdit writes rich text) is read as the same text
pasted into a .txt: menus, headline, byline, date and body alike."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from framing.cli import cli
from framing.corpus import InputFile, load_file

LINES = [
    "Home", "World", "Business", "Sport", "Subscribe",
    "Almera council approves harbour budget after all-night debate",
    "By Ana Lee",
    "May 6, 2031",
    "ALMERA — The Almera council voted on Tuesday to approve the harbour budget after a debate that ran "
    "past midnight, and the mayor called the plan fair to every district.",
    "Opposition members said the new wall would cost twice what the council first promised, and asked "
    "for an audit of the contracts before the first stone is laid next spring.",
    "Dock workers' unions welcomed the vote; the port authority said work would start in March.",
    "© 2031 The Kesh Courier. All rights reserved.",
    "Privacy policy", "Terms of use",
]


def _read(path: Path):
    loaded, errors = load_file(InputFile(path, path.name))
    return [r.article for r in loaded], errors


def _word(path: Path, lines: list[str]) -> None:
    docx = pytest.importorskip("docx")
    doc = docx.Document()
    for i, line in enumerate(lines):
        if i == 5:
            doc.add_heading(line, level=1)
        else:
            para = doc.add_paragraph()
            # A pasted paragraph arrives in several runs (links, bold, italic).
            half = len(line) // 2
            para.add_run(line[:half]).bold = i == 6
            para.add_run(line[half:])
    doc.save(str(path))


def _open_document(path: Path, lines: list[str]) -> None:
    pytest.importorskip("odf")
    from odf.opendocument import OpenDocumentText
    from odf.text import H, P, Span

    doc = OpenDocumentText()
    for i, line in enumerate(lines):
        if i == 5:
            doc.text.addElement(H(outlinelevel=1, text=line))
        else:
            para = P()
            half = len(line) // 2
            para.addText(line[:half])
            span = Span()
            span.addText(line[half:])
            para.addElement(span)
            doc.text.addElement(para)
    doc.save(str(path))


def _rtf_escape(text: str) -> str:
    out = []
    for ch in text:
        if ch in "\\{}":
            out.append("\\" + ch)
        elif ord(ch) < 128:
            out.append(ch)
        else:
            try:
                out.append("\\'%02x" % ch.encode("cp1252")[0])  # the code page's byte
            except UnicodeEncodeError:
                out.append("\\uc0\\u%d " % (ord(ch) if ord(ch) < 32768 else ord(ch) - 65536))
    return "".join(out)


def _rich_text(path: Path, lines: list[str]) -> None:
    """As TextEdit saves pasted rich text: a header of fonts and colours, the
    menu's words as links, a backslash at each paragraph's end, other letters
    escaped in the declared code page."""
    head = ("{\\rtf1\\ansi\\ansicpg1252\\cocoartf2761\n\\cocoatextscaling0\\cocoaplatform0"
            "{\\fonttbl\\f0\\fswiss\\fcharset0 Helvetica;\\f1\\froman\\fcharset0 Times-Roman;}\n"
            "{\\colortbl;\\red255\\green255\\blue255;\\red0\\green0\\blue233;}\n"
            "\\paperw11900\\paperh16840\\margl1440\\margr1440\\vieww11520\\viewh8400\\viewkind0\n"
            "\\pard\\pardeftab720\\partightenfactor0\n\n\\f0\\fs24 \\cf0 ")
    body = []
    for i, line in enumerate(lines):
        if i < 5:
            body.append('{\\field{\\*\\fldinst{HYPERLINK "https://kesh.example/%s"}}{\\fldrslt %s}}\\\n'
                        % (line.lower(), _rtf_escape(line)))
        elif i == 5:
            body.append("\\f1\\b\\fs48 %s\\\n\n\\f0\\b0\\fs24 " % _rtf_escape(line))
        else:
            body.append(_rtf_escape(line) + "\\\n")
    path.write_bytes((head + "".join(body) + "}").encode("ascii"))


@pytest.mark.parametrize("suffix, write", [(".docx", _word), (".odt", _open_document), (".rtf", _rich_text)])
def test_a_page_pasted_into_a_document_reads_as_the_same_text(tmp_path: Path, suffix: str, write) -> None:
    (tmp_path / "page.txt").write_text("\n".join(LINES) + "\n", encoding="utf-8")
    write(tmp_path / f"page{suffix}", LINES)
    (text,), e1 = _read(tmp_path / "page.txt")
    (doc,), e2 = _read(tmp_path / f"page{suffix}")
    assert not e1 and not e2
    for field in ("title", "byline", "date", "dateline", "outlet", "body"):
        assert getattr(doc, field) == getattr(text, field), field
    assert doc.title == LINES[5] and doc.date == "2031-05-06"
    assert "audit of the contracts" in doc.body and "Privacy policy" not in doc.body
    # The document's text is what is kept, not the zip.
    assert doc.raw.decode("utf-8") == "\n".join(LINES) + "\n"


def test_spaces_tabs_and_line_breaks_inside_an_open_document_paragraph(tmp_path: Path) -> None:
    pytest.importorskip("odf")
    from odf.opendocument import OpenDocumentText
    from odf.text import LineBreak, P, S, Tab

    doc = OpenDocumentText()
    para = P(text="Harbour")
    para.addElement(S(c=3))
    para.addText("budget")
    para.addElement(Tab())
    para.addText("vote")
    para.addElement(LineBreak())
    para.addText("Next line")
    doc.text.addElement(para)
    doc.save(str(tmp_path / "d.odt"))
    from framing.loaders.documents import document_text

    assert document_text("d.odt", (tmp_path / "d.odt").read_bytes(), "odt", 1 << 20) == \
        "Harbour   budget\tvote\nNext line\n"


def test_damaged_and_empty_documents_are_one_error_each_and_the_batch_goes_on(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "damaged.docx").write_bytes(b"PK\x03\x04 not really a zip")
    with zipfile.ZipFile(folder / "slides.docx", "w") as z:
        z.writestr("ppt/presentation.xml", "<p/>")
    _word(folder / "blank.docx", [])
    _word(folder / "page.docx", LINES)
    result = CliRunner().invoke(cli, ["ingest", "--db", str(tmp_path / "s.db"), str(folder)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    errors = sorted(ln for ln in result.output.splitlines() if ln.startswith("error:"))
    assert len(errors) == 3, result.output
    assert "blank.docx: the document holds no text" in errors[0]
    assert "damaged.docx: not a readable document" in errors[1]
    assert "slides.docx: not a document of this kind (no word/document.xml inside)" in errors[2]
    assert "1 added" in result.output


def test_an_entity_in_the_document_xml_is_not_expanded(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("do not read me", encoding="utf-8")
    xml = (f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file://{secret}">]>'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
           '<w:p><w:r><w:t>Harbour budget approved by the Almera council on Tuesday &x;</w:t></w:r></w:p>'
           '</w:body></w:document>')
    with zipfile.ZipFile(tmp_path / "x.docx", "w") as z:
        z.writestr("word/document.xml", xml)
    from framing.loaders.documents import document_text

    text = document_text("x.docx", (tmp_path / "x.docx").read_bytes(), "docx", 1 << 20)
    assert "do not read me" not in text and "Harbour budget approved" in text


def test_rich_text_saved_under_a_txt_name_is_read_as_rich_text(tmp_path: Path) -> None:
    lines = LINES[:8] + ["The café’s owner said the vote was “fair” — and the fishers agreed."] + LINES[8:]
    _rich_text(tmp_path / "page.rtf", lines)
    (tmp_path / "copy.txt").write_bytes((tmp_path / "page.rtf").read_bytes())
    (rtf,), e1 = _read(tmp_path / "page.rtf")
    (txt,), e2 = _read(tmp_path / "copy.txt")
    assert not e1 and not e2
    assert (txt.title, txt.body) == (rtf.title, rtf.body) and "café’s owner" in rtf.body
    assert "“fair” — and" in rtf.body and "\\" not in rtf.body and "kesh.example" not in rtf.raw.decode("utf-8")


def test_a_file_named_rtf_that_is_none_is_one_error(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "notes.rtf").write_text("Harbour notes, not rich text at all.", encoding="utf-8")
    _rich_text(folder / "page.rtf", LINES)
    result = CliRunner().invoke(cli, ["ingest", "--db", str(tmp_path / "s.db"), str(folder)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    (error,) = [ln for ln in result.output.splitlines() if ln.startswith("error:")]
    assert "notes.rtf: not an RTF document" in error and "1 added" in result.output
