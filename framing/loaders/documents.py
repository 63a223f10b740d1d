"""Word-processor files a page's text was pasted into: ``.docx`` (Word),
``.odt`` (LibreOffice, Google Docs' OpenDocument download) and ``.rtf`` (Rich
Text Format: what macOS TextEdit saves by default). The document's
paragraphs, a line each, are read as pasted page text
(:func:`framing.loaders.text.parse_page_text`), so a copied page's menus and
footers are handled as in a ``.txt``. Word and OpenDocument files are zips of
XML, read with the standard library's ``zipfile`` and lxml (trafilatura's
dependency) with entities and network access off; the part read is limited
in size, whatever the zip claims. RTF is read by ``striprtf`` (its code page,
``\\'xx`` and ``\\uN`` escapes; pictures and fonts left out), links kept as
their words."""

from __future__ import annotations

import re
import zipfile
from io import BytesIO

from ..errors import InputError

#: A page break in a Word document, as a line of the text: a form feed.
PAGE_BREAK = "\f"
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
            elif el.tag == _W + "br" and el.get(_W + "type") == "page":
                # a page break, a line of its own: between two pasted articles, as often as not
                lines.append("".join(buf))
                lines.append(PAGE_BREAK)
                buf = []
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


#: A link's address, which striprtf writes after the link's words:
#: 'Home("https://…")', 'Search("duckduckgo.com/")' (an address: no spaces, a dot, slash or colon).
_RTF_LINK = re.compile(r'\("[^"\s()]*[./:][^"\s()]*"\)')


def _rtf_lines(source: str, data: bytes, limit: int) -> list[str]:
    from striprtf.striprtf import rtf_to_text

    if not data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf"):
        raise InputError(source, "not an RTF document (it does not open with {\\rtf)")
    try:
        # RTF is 7-bit text: other characters are escapes in the code page it
        # declares, which striprtf reads; a stray 8-bit byte is Windows-1252's.
        text = rtf_to_text(data.decode("latin-1"), errors="replace")
    except (ValueError, LookupError, IndexError, RecursionError) as exc:
        raise InputError(source, f"not a readable RTF document ({type(exc).__name__}: {exc})") from None
    text = _RTF_LINK.sub("", text)
    if len(text) > limit:
        raise InputError(source, f"the document's text is over the {limit:,}-character limit (see --max-size)")
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def document_text(source: str, data: bytes, kind: str, limit: int) -> str:
    """The text of a ``docx``, ``odt`` or ``rtf`` file, a paragraph a line."""
    if kind == "docx":
        lines = _word_lines(_tree(source, _part(source, data, _WORD, limit)))
    elif kind == "rtf":
        lines = _rtf_lines(source, data, limit)
    else:
        lines = _odf_lines(_tree(source, _part(source, data, _ODF, limit)))
    return "\n".join(line if line == PAGE_BREAK else line.rstrip() for line in lines).strip("\n") + "\n"
