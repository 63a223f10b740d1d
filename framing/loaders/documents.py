"""Word-processor files a page's text was pasted into: ``.docx`` (Word) and
``.odt`` (LibreOffice, Google Docs' OpenDocument download). Each is a zip of
XML; the document's paragraphs, a line each, are read as pasted page text
(:func:`framing.loaders.text.parse_page_text`), so a copied page's menus and
footers are handled as in a ``.txt``. Read with the standard library's
``zipfile`` and lxml (trafilatura's dependency) with entities and network
access off; the part read is limited in size, whatever the zip claims."""

from __future__ import annotations

import zipfile
from io import BytesIO

from ..errors import InputError

#: The part that holds the text, and the XML namespaces of its elements.
_WORD = "word/document.xml"
_ODF = "content.xml"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_T = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"


def _part(source: str, data: bytes, name: str, limit: int) -> bytes:
    try:
        with zipfile.ZipFile(BytesIO(data)) as z:
            try:
                info = z.getinfo(name)
            except KeyError:
                raise InputError(source, f"not a document of this kind (no {name} inside)") from None
            if info.file_size > limit:
                raise InputError(source, f"the document's text part is {info.file_size:,} bytes, over the "
                                         f"{limit:,}-byte limit (see --max-size)")
            with z.open(info) as fh:
                part = fh.read(limit + 1)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, OSError) as exc:
        raise InputError(source, f"not a readable document ({type(exc).__name__}: {exc})") from None
    if len(part) > limit:
        raise InputError(source, f"the document's text part is over the {limit:,}-byte limit (see --max-size)")
    return part


def _tree(source: str, xml: bytes):
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                             remove_comments=True)
    try:
        return etree.fromstring(xml, parser)
    except etree.XMLSyntaxError as exc:
        raise InputError(source, f"the document's text does not parse ({exc})") from None


def _word_lines(root) -> list[str]:
    lines = []
    for p in root.iter(_W + "p"):
        if any(a.tag == _W + "p" for a in p.iterancestors()):
            continue  # a paragraph inside a text box inside a paragraph: read with its own
        buf: list[str] = []
        # deleted text (tracked changes, w:delText) is not the document's text
        for el in p.iter(_W + "t", _W + "tab", _W + "br", _W + "cr"):
            if el.tag == _W + "t":
                buf.append(el.text or "")
            else:
                buf.append("\t" if el.tag == _W + "tab" else "\n")
        lines.append("".join(buf))
    return lines


def _odf_text(el) -> str:
    out = [el.text or ""]
    for child in el:
        tag = child.tag
        if tag == _T + "s":
            out.append(" " * int(child.get(_T + "c", "1") or 1))
        elif tag == _T + "tab":
            out.append("\t")
        elif tag == _T + "line-break":
            out.append("\n")
        elif tag in (_T + "note", _T + "annotation"):
            pass  # footnotes and comments are not the text
        else:
            out.append(_odf_text(child))
        out.append(child.tail or "")
    return "".join(out)


def _odf_lines(root) -> list[str]:
    lines = []
    for el in root.iter(_T + "p", _T + "h"):
        if any(a.tag in (_T + "p", _T + "h", _T + "note") for a in el.iterancestors()):
            continue
        lines.append(_odf_text(el))
    return lines


def document_text(source: str, data: bytes, kind: str, limit: int) -> str:
    """The text of a ``docx`` or ``odt`` file, a paragraph a line."""
    if kind == "docx":
        lines = _word_lines(_tree(source, _part(source, data, _WORD, limit)))
    else:
        lines = _odf_lines(_tree(source, _part(source, data, _ODF, limit)))
    return "\n".join(line.rstrip() for line in lines).strip("\n") + "\n"
