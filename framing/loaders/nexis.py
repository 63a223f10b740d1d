"""Nexis exports: many articles in one document, as LexisNexis gives them.

Media researchers' most used archive, Nexis Uni (and LexisNexis Academic
before it), exports a search's results as one Word, RTF or text file holding
every article, each with a header of its own fields. framing reads such a
file as the articles it holds instead of as one pasted page:

- **Nexis Uni** (2018 on; ``.docx``, ``.rtf``, ``.txt``): a cover page ("Date
  and Time", "Job Number", the list of documents), then per article its
  headline, the publication, the date line ("July 2, 2019 Tuesday 9:33 AM
  GMT"), a copyright line, fields written ``Name: value`` ("Section:",
  "Length: 571 words", "Byline:", "Dateline:", "Highlight:"), a line "Body",
  the text, trailing fields ("Load-Date:", "Classification", "Notes") and
  "End of Document".
- **LexisNexis Academic** (before 2018; ``.txt``, and ``.html``, read as its
  paragraphs, one a line): a cover, then per article
  a line "3 of 120 DOCUMENTS", the publication, the date line, the headline,
  fields in capitals ("BYLINE:", "SECTION:", "LENGTH: 355 words",
  "DATELINE:"), the text, and trailing fields ("LOAD-DATE:", "LANGUAGE:",
  "PUBLICATION-TYPE:", the copyright line). Its German interface names the
  same fields in German ("AUTOR:", "RUBRIK:", "LÄNGE: 3161 Wörter",
  "SPRACHE:").

A file is read so only when its layout says so: at least one article whose
"Length: N words" field stands in its header, with "End of Document" after
each article (Nexis Uni) or "N of M DOCUMENTS" before it (Academic). Any
other text is a pasted page as before. Each article is one record of the
file, identified by a digest of its publication, date and headline (not its
position: a re-export in another order keeps the records).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from .dates import find_date
from .export import _byline

#: The line that ends each article of a Nexis Uni export.
_END = re.compile(r"^\s*End of Document\s*$", re.MULTILINE)
#: The line before each article of a LexisNexis Academic export.
_OF_DOCUMENTS = re.compile(r"^\s*\d+\s+of\s+\d+\s+DOCUMENTS\s*$", re.MULTILINE | re.IGNORECASE)
#: The length field every article's header holds.
_LENGTH = re.compile(r"^\s*(?:Length|Länge):\s*[\d,.]+\s+(?:words|Wörter)\s*$", re.MULTILINE | re.IGNORECASE)
#: A header field, ``Name: value`` (Nexis Uni) or ``NAME: value`` (Academic; "LÄNGE:" in German).
_FIELD = re.compile(r"^\s*([^\W\d_a-z][^\W\d_]*(?:-[^\W\d_]+)*(?: [^\W\d_]+(?:-[^\W\d_]+)*){0,2}):\s*(.*?)\s*$")
#: Fields that end an article's text.
_TRAILERS = frozenset({
    "load-date", "classification", "notes", "graphic", "language", "publication-type", "journal-code",
    "subject", "organization", "geographic", "person", "ticker", "industry", "company", "document-type",
    "url", "correction-date", "distribution",
    # the German interface's
    "update", "sprache", "grafik", "zeitungs-code",
})
#: Header fields that name the writers, the first given wins (a tuple: an
#: order, so the same file gives the same byline in every run).
_BYLINE_FIELDS = ("byline", "author", "authors", "autor")
#: Notices Nexis prints in an article's header, and after its headline.
_NOTICES = frozenset({"Correction Appended"})
_NOTICE_SUFFIX = re.compile(r"\s+-\s+Correction Appended$")
#: A line in brackets under the publication: the name of its blog ("(Green)").
_BRACKETED = re.compile(r"^\(.*\)$")
#: The edition after a publication's name ("The Guardian (London) - Final Edition").
_EDITION = re.compile(r"\s+-\s+(?:[A-Z][\w.]*\s+){0,3}Edition$", re.IGNORECASE)
#: A sentence after the writers' names in a byline field ("; Ann Lee contributed reporting from Seoul.").
_CREDIT_TAIL = re.compile(r"\s*;\s*[^;]*\b(?:contributed|reported|reporting|research)\b.*$", re.IGNORECASE)
#: A LexisNexis Academic page saved as HTML: its "N of M DOCUMENTS" paragraphs.
_HTML_OF_DOCUMENTS = re.compile(r">\s*\d+\s+of\s+\d+\s+DOCUMENTS\s*<", re.IGNORECASE)


@dataclass
class NexisArticle:
    """One article of a Nexis export, its fields as the header gives them."""

    record: str
    title: str | None
    outlet: str | None
    date: str | None
    byline: str | None
    dateline: str | None
    body: str
    text: str  # the article's part of the file, as read
    url: str | None = None
    #: What an article without text lacks, as its error line says it.
    missing: str = "no article text found"


def is_nexis(text: str) -> bool:
    """Does ``text`` look like a Nexis export (see the module's description)?"""
    if not _LENGTH.search(text):
        return False
    return bool(_END.search(text) and re.search(r"^\s*Body\s*$", text, re.MULTILINE)) or \
        bool(_OF_DOCUMENTS.search(text))


def nexis_html_text(html: str) -> str | None:
    """The text of a LexisNexis Academic export saved as HTML, laid out as
    its text export is (each paragraph a line, a blank line between them),
    or None for any other page. The page's hidden copy of each document
    (an XML comment) is no text."""
    if not _HTML_OF_DOCUMENTS.search(html):
        return None
    import lxml.html

    try:
        root = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return None
    lines = (" ".join(p.text_content().split()) for p in root.iter("p"))
    return "\n\n".join(ln for ln in lines if ln)


def nexis_articles(text: str) -> list[NexisArticle]:
    """The articles of a Nexis export, in the file's order (empty if ``text``
    is none; see :func:`is_nexis`). A part without a "Length" field (the
    cover page, a search summary) is no article."""
    if not is_nexis(text):
        return []
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _END.search(text):
        parts = _END.split(text)
        read = _uni_article
    else:
        parts = _OF_DOCUMENTS.split(text)[1:]  # what stands before the first is the cover
        read = _academic_article
    out = []
    for part in parts:
        art = read(part) if _LENGTH.search(part) else None
        if art is not None:
            out.append(art)
    return out


def _lines(part: str) -> list[str]:
    return [ln.strip() for ln in part.split("\n")]


def _field(line: str) -> tuple[str, str] | None:
    m = _FIELD.match(line)
    if not m:
        return None
    return m.group(1).lower().replace(" ", "-"), m.group(2)


def _capital_field(line: str) -> tuple[str, str] | None:
    """:func:`_field` of a LexisNexis Academic line, whose names are in capitals ("BYLINE:")."""
    return _field(line) if line.split(":", 1)[0].isupper() else None


def _record(outlet: str | None, date: str | None, title: str | None, body: str, database: str = "nexis") -> str:
    key = "\n".join((outlet or "", date or "", title or "", body[:200]))
    return f"{database}:" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _date_line(line: str) -> str | None:
    found = find_date(line)
    return found[0] if found and found[1] <= 2 else None


def _paragraphs(lines: list[str]) -> str:
    paras, buf = [], []
    for ln in lines:
        if ln:
            buf.append(ln)
        elif buf:
            paras.append(" ".join(buf))
            buf = []
    if buf:
        paras.append(" ".join(buf))
    return "\n\n".join(paras)


def _uni_article(part: str) -> NexisArticle | None:
    lines = _lines(part)
    try:
        body_at = next(i for i, ln in enumerate(lines) if ln == "Body")
    except StopIteration:
        return None
    # the header's fields (and the copyright line) run up to "Body" (the
    # byline may be printed again among them); above the "Length" field and
    # the fields before it stand the headline, the publication and the date
    # line (and above the first article, the export's cover page)
    length_at = next((i for i in range(body_at - 1, -1, -1) if _LENGTH.match(lines[i])), body_at)
    first_field = length_at
    while first_field > 0 and (not lines[first_field - 1] or _field(lines[first_field - 1])
                               or lines[first_field - 1].startswith("Copyright")):
        first_field -= 1
    # a notice ("Correction Appended") and a blog's name in brackets under the
    # publication ("(Green)") are neither headline nor publication
    top = [ln for ln in lines[:first_field] if ln and ln not in _NOTICES and not _BRACKETED.match(ln)]
    date_i = next((i for i in range(len(top) - 1, -1, -1) if _date_line(top[i])), None)
    date = _date_line(top[date_i]) if date_i is not None else None
    before = top[:date_i] if date_i is not None else top
    # a cover page may stand above the first article: the headline and the
    # publication are the two lines right above the date
    outlet = _without_edition(before[-1]) if len(before) >= 2 else None
    title = before[-2] if len(before) >= 2 else (before[-1] if before else None)
    if title:
        title = _NOTICE_SUFFIX.sub("", title) or title
    fields: dict[str, str] = {}
    for ln in lines[first_field:body_at]:
        f = _field(ln)
        if f and f[0] not in fields:
            fields[f[0]] = f[1]
    text_lines = []
    for ln in lines[body_at + 1:]:
        f = _field(ln)
        if (f and f[0] in _TRAILERS) or ln in ("Classification", "Graphic", "Notes"):
            break
        text_lines.append(ln)
    return _article(part, title, outlet, date, fields, text_lines)


def _academic_article(part: str) -> NexisArticle | None:
    lines = _lines(part)
    first_field = next((i for i, ln in enumerate(lines) if _capital_field(ln)), None)
    if first_field is None:
        return None
    # above the fields: the publication, the date line, perhaps an edition
    # ("Final Edition"), then the headline, each a paragraph (a long headline
    # wraps over several lines)
    top = [p.replace("\n", " ") for p in _paragraphs(lines[:first_field]).split("\n\n") if p]
    date_i = next((i for i, p in enumerate(top) if _date_line(p)), None)
    if date_i is None or date_i == 0:
        return None
    outlet, date = _without_edition(top[date_i - 1]), _date_line(top[date_i])
    title = top[-1] if len(top) > date_i + 1 else None
    fields: dict[str, str] = {}
    i = first_field
    while i < len(lines):
        f = _capital_field(lines[i])
        if f:
            fields.setdefault(f[0], f[1])
            i += 1
        elif not lines[i]:
            i += 1
        else:
            break
    text_lines = []
    for ln in lines[i:]:
        f = _capital_field(ln)
        if (f and f[0] in _TRAILERS) or re.match(r"^Copyright\b|^\(c\) ", ln, re.IGNORECASE):
            break
        text_lines.append(ln)
    return _article(part, title, outlet, date, fields, text_lines)


def _without_edition(outlet: str) -> str:
    """The publication without its edition ("The Guardian (London) - Final Edition")."""
    return _EDITION.sub("", outlet) or outlet


def _writers(field: str | None) -> str | None:
    """The writers a byline field names: without "By" or a correspondent's
    "From" ("From MARK TRAN"), an agency credited as "--(Reuter)" as its name,
    and without a note on who else reported ("KEITH BRADSHER; Ann Lee
    contributed reporting from Seoul.")."""
    if not field:
        return None
    field = _CREDIT_TAIL.sub("", field)
    field = re.sub(r"--\s*\(([^()]+)\)", r"\1", field).strip(" ,-")
    field = re.sub(r"^(?i:from)\s+(?=[A-ZÀ-Þ])", "", field)
    return _byline(field) or None


def _article(part: str, title: str | None, outlet: str | None, date: str | None,
             fields: dict[str, str], text_lines: list[str]) -> NexisArticle:
    byline = _writers(next((fields[k] for k in _BYLINE_FIELDS if fields.get(k)), None))
    dateline = fields.get("dateline") or None
    body = _paragraphs(text_lines)
    lead = fields.get("highlight")
    if lead and lead not in body:
        body = f"{lead}\n\n{body}" if body else lead
    return NexisArticle(record=_record(outlet, date, title, body), title=title, outlet=outlet, date=date,
                        byline=byline, dateline=dateline, body=body, text=part.strip("\n"))
