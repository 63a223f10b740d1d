"""ProQuest exports: the records of a search saved as one text or HTML file.

ProQuest's news databases (US Newsstream, Canadian Newsstream, Historical
Newspapers, the Major Dailies), beside Nexis and Factiva the ones most
universities have, export the records a user ticks as one file ("Export" →
"Text only", or "HTML"; the HTML one is also what its "Email" sends). framing
reads such a file as the articles it holds instead of as one pasted page:

- **Text only** (``.txt``): records between lines of underscores; each
  begins with its headline (after a line "Document 3 of 500" where the export
  numbers them), then fields written ``Name: value``, one a paragraph:
  "Author:" and "Publication info:" above, perhaps the document's address on a
  line of its own, "Abstract:", "Links:", then "Full text:" with the text (a
  paragraph a line) and after it "CAPTION:"/"CREDIT:" and the record's fields
  ("Subject:", "Title:", "Publication title:", "Publication date:",
  "Section:", "Document URL:", "Copyright:", "Database:" ...). The part after
  the last line of underscores is ProQuest's contact and terms: no record.
- **HTML** (``.html``): each record an element that begins with an anchor
  ``name="DocID_…"``; its headline the first paragraph, its fields paragraphs
  whose name is bold (``<strong>Author: </strong>``), its text the paragraphs
  after "Full text:". It is read as the text export is, each paragraph a line.

ProQuest's exports drop or insert a space here and there inside words ("Place
ofpublication:", "The Spe ctator; Hamilton, Ont."): field names are read
without their spaces, and an outlet whose name differs from another of the
same file only in spaces takes the spelling most of its records give.

From the fields framing takes: the outlet ("Publication title", without its
place after ";" and without ProQuest's note on the edition it holds: "(Online)",
"(pre-1997 Fulltext)", "(1923-Current file)"), the date ("Publication date",
else the date in "Publication info"), the writers ("Author", its "Surname,
Given" names turned round), the headline ("Title", else the record's first
line), the dateline where a "Dateline" field gives one and the address
("Document URL", without a library's proxy in front of it and the
institution's ``accountid``). Section, page, subjects and the rest have no
place in framing and are left out.

A record without "Full text" (a citation or an abstract only) has no article
to read; an export none of whose records has one says so as one error, with
the export option to choose (:data:`NO_FULL_TEXT`): an abstract is an
indexer's summary, not the outlet's words, and is not stored in their place.

A file is read so only when its layout says so: a line of underscores, and a
record holding "Full text:" or "Abstract:" with at least two of ProQuest's own
fields ("Publication title:", "Publication date:", "Publication info:",
"Document URL:", "ProQuest document ID:", "Database:"). Any other text (a
pasted page with a "Title:" line) is read as before. Each article is one
record of the file, keyed by a digest of its outlet, date and headline (as
Nexis articles are).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit, urlunsplit

from .dates import find_date, parse_date
from .export import _byline
from .nexis import NexisArticle, _record

#: The line between records (ProQuest writes 60 underscores).
_RULE = re.compile(r"^[ \t]*_{20,}[ \t]*$", re.MULTILINE)
#: ProQuest's own fields, of which a record must hold two to be one.
_OWN_FIELD = re.compile(r"^(?:Publication ?title|Publication ?date|Publication ?info|Document ?URL|"
                        r"ProQuest ?document ?ID|Database):", re.MULTILINE)
#: The field holding the text, or what stands in its place.
_TEXT_FIELD = re.compile(r"^(?:Full ?text|Abstract):", re.MULTILINE)
#: A field's name at the start of a line: a few words, then a colon.
_FIELD = re.compile(r"^([A-Za-z][A-Za-z /]{0,40}?)\s*:\s*(.*)$")
#: The names of the fields ProQuest writes, without spaces and in lower
#: case (a text line starting "Martin Regg Cohn:" is no field).
_NAMES = frozenset({
    "title", "author", "publicationinfo", "abstract", "links", "fulltext", "caption", "credit", "illustration",
    "subject", "location", "people", "companyorganization", "businessindexingterm", "identifierkeyword",
    "classification", "publicationtitle", "volume", "issue", "firstpage", "pages", "publicationyear",
    "publicationdate", "section", "publisher", "placeofpublication", "countryofpublication",
    "publicationsubject", "issn", "sourcetype", "languageofpublication", "documenttype", "documentfeature",
    "proquestdocumentid", "documenturl", "copyright", "lastupdated", "database", "dateline", "column",
    "edition", "accessionnumber", "personalname", "correction", "notes", "update", "fromdatabase",
    "companyname", "naics", "isbn", "doi", "numberofpages", "authoraffiliation", "coden", "url", "company",
})
#: The lines under the text that are no part of it: a picture's caption and
#: credit (in the text's last paragraph, with no blank line above them).
_UNDER_TEXT = re.compile(r"^(?:CAPTION|CREDIT|Illustration):")
#: The line numbering a record ("Document 3 of 500").
_NUMBER = re.compile(r"^Document \d+ of \d+$")
#: ProQuest's note on the edition a publication title holds: "(Online)",
#: "(pre-1997 Fulltext)", "(1923-Current file)", "(Online Edition)".
_EDITION_NOTE = re.compile(r"\s*\((?:[^()]*\b(?:online|fulltext|file|edition)\b[^()]*|[^()]*\d{4}[^()]*)\)\s*$",
                           re.IGNORECASE)
#: A library's proxy before the address ("https://libproxy.example.edu/login?url=https://www.proquest.com/...").
_PROXY = re.compile(r"^https?://[^\s]+?/login\?q?url=(https?(?::|%3A).*)$", re.IGNORECASE)

#: The wrapping of the document each record's text is, in an HTML export.
_INNER_PAGE = re.compile(r"<head\b.*?</head\s*>|</?(?:html|body)\b[^>]*>", re.IGNORECASE | re.DOTALL)
#: The element of a picture in a record's text ("document_view_image", "document_view_caption").
_PICTURE = re.compile(r"document_view_")
_BROKEN_START = re.compile(r"(<text\b[^>]*>)\s*html&gt;", re.IGNORECASE)
#: What a user is told of an export with no full text at all.
NO_FULL_TEXT = ("a ProQuest export without full texts (citations or abstracts only): export the records "
                "again with \"Full text\" chosen in ProQuest's export options")


def is_proquest(text: str) -> bool:
    """Does ``text`` look like a ProQuest text export (see the module's description)?"""
    if not _RULE.search(text) or not _TEXT_FIELD.search(text):
        return False
    return any(_TEXT_FIELD.search(part) and len(set(_squeezed(m.group(0)) for m in _OWN_FIELD.finditer(part))) >= 2
               for part in _RULE.split(text))


def _squeezed(name: str) -> str:
    return re.sub(r"[^a-z]+", "", name.lower())


def proquest_articles(text: str) -> list[NexisArticle]:
    """The records of a ProQuest text export, in the file's order (empty if
    ``text`` is none; see :func:`is_proquest`). A record without full text
    has an empty body and says why."""
    if not is_proquest(text):
        return []
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    parts = _RULE.split(text)
    if len(parts) > 1:
        parts = parts[:-1]  # after the last rule: ProQuest's contact and terms
    out = [art for part in parts if _TEXT_FIELD.search(part) and _OWN_FIELD.search(part)
           for art in [_article(part)] if art is not None]
    _same_outlets(out)
    return out


def _blocks(lines: list[str]) -> list[tuple[int, int]]:
    """The paragraphs of ``lines`` (runs of lines between blank ones), as (first, end) positions."""
    out, start = [], None
    for i, ln in enumerate(lines + [""]):
        if ln.strip() and start is None:
            start = i
        elif not ln.strip() and start is not None:
            out.append((start, i))
            start = None
    return out


def _name(line: str) -> tuple[str, str] | None:
    if line.strip() == "Illustration":  # a heading over the pictures' captions, in an HTML export
        return "illustration", ""
    m = _FIELD.match(line.strip())
    if not m or _squeezed(m.group(1)) not in _NAMES:
        return None
    return _squeezed(m.group(1)), m.group(2).strip()


def _read_fields(lines: list[str], fields: dict[str, str]) -> None:
    """The fields ``lines`` hold into ``fields`` (the first value given wins):
    a field a paragraph in ProQuest's exports, a long value wrapped over
    lines; fields a line each are read too."""
    f = _name(lines[0]) if lines else None
    if f is None:
        return
    for ln in lines[1:]:
        g = _name(ln)
        if g is None:
            f = (f[0], f"{f[1]} {ln.strip()}".strip())
            continue
        if not fields.get(f[0]):
            fields[f[0]] = f[1]
        f = g
    if not fields.get(f[0]):
        fields[f[0]] = f[1]


def _article(part: str) -> NexisArticle | None:
    lines = part.split("\n")
    blocks = _blocks(lines)
    text_at = next((i for i, (a, _) in enumerate(blocks) if (_name(lines[a]) or ("",))[0] == "fulltext"), None)
    # the fields after the text: the paragraphs from the end that each begin with one
    tail = len(blocks)
    while tail > (text_at + 1 if text_at is not None else 0) and _name(lines[blocks[tail - 1][0]]):
        tail -= 1
    fields: dict[str, str] = {}
    head: list[str] = []  # the lines above the first field: the headline
    for i, (a, b) in enumerate(blocks):
        if i == text_at or (text_at is not None and text_at < i < tail):
            continue
        f = _name(lines[a])
        if f is None:
            if not fields and not head:
                # the headline; under it, in an HTML export, the record's citation
                head.extend(ln.strip() for ln in lines[a:b] if not _NUMBER.match(ln.strip()))
            elif not fields.get("documenturl") and re.match(r"^https?://\S+$", lines[a].strip()):
                fields["documenturl"] = lines[a].strip()  # the address above "Abstract"
            continue
        _read_fields(lines[a:b], fields)
    body_lines: list[str] = []
    if text_at is not None:
        a, b = blocks[text_at]
        first = _name(lines[a])
        body_lines = [first[1] if first else ""] + lines[a + 1:b]
        for c, d in blocks[text_at + 1:tail]:
            body_lines += lines[c:d]
        under = next((i for i, ln in enumerate(body_lines) if _UNDER_TEXT.match(ln.strip())), None)
        if under is not None:
            _read_fields(body_lines[under:], fields)  # the caption, and fields with no blank line above
            body_lines = body_lines[:under]
    body = "\n\n".join(" ".join(ln.split()) for ln in body_lines if ln.strip())
    # the record's first line is its headline as ProQuest shows it; the
    # "Title" field adds a subtitle after a no-break space, often the one the
    # headline ends with ("...: Critics worried ...: \xa0 Critics worried ...")
    title = " ".join(ln for ln in head if ln) or fields.get("title") or None
    outlet = _publication(fields.get("publicationtitle"))
    date = _date(fields.get("publicationdate"))
    if date is None and fields.get("publicationinfo"):
        found = find_date(fields["publicationinfo"])
        date = found[0] if found else None
    art = NexisArticle(record="", title=title, outlet=outlet, date=date,
                       byline=_writers(fields.get("author")), dateline=_dateline(fields.get("dateline")), body=body,
                       text=part.strip("\n"), url=_address(fields.get("documenturl")))
    if not body:
        art.missing = "no full text in the export (" + ("an abstract only" if fields.get("abstract") and
                                                        fields["abstract"] != "None available." else
                                                        "a citation only") + ")"
    return art


def _dateline(field: str | None) -> str | None:
    """The place a "Dateline" field names (an online record's holds the time
    it was posted instead, "2022-03-10 @ 20:51": no dateline)."""
    return field if field and not re.search(r"\d", field) else None


def _date(field: str | None) -> str | None:
    """The date of a "Publication date" field, a space ProQuest put inside
    the month's name taken out ("Ju n 24, 2024")."""
    if not field:
        return None
    return parse_date(field) or parse_date(re.sub(r"(?<=[A-Za-z]) (?=[a-z])", "", field))


def _publication(field: str | None) -> str | None:
    """The publication a "Publication title" field names, without its place
    ("Toronto Star; Toronto, Ont.")."""
    return (field or "").split(";", 1)[0].strip() or None


def _same_outlets(found: list[NexisArticle]) -> None:
    """The outlet of each article: one spelling for a publication that
    ProQuest wrote with a space more in a few records ("The Spe ctator"), the
    one most of the file's records give, without ProQuest's note on the
    edition ("(Online)"); each record's key made of it."""
    counts = Counter(art.outlet for art in found if art.outlet)
    best: dict[str, str] = {}
    # the most used; of two as used, the one with fewer spaces (ProQuest puts spaces in more than it drops)
    for name, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0].count(" "), kv[0])):
        best.setdefault(name.replace(" ", "").lower(), name)
    for art in found:
        if art.outlet:
            name = best[art.outlet.replace(" ", "").lower()]
            art.outlet = _EDITION_NOTE.sub("", name).strip() or name
        art.record = _record(art.outlet, art.date, art.title, art.body, "proquest")


def _writers(field: str | None) -> str | None:
    """The writers an "Author" field names, each "Surname, Given" turned
    round ("Olivarez-Giles, Nathan; Lee, Ana" → "Nathan Olivarez-Giles, Ana Lee")."""
    if not field:
        return None
    names = []
    for name in field.split(";"):
        name = name.strip()
        if name.lower() == "anonymous":  # ProQuest's word for no writer named
            continue
        parts = [p.strip() for p in name.split(",")]
        if len(parts) == 2 and all(parts) and not re.search(r"\b(?:and|Jr|Sr|II|III)\b\.?$", parts[1]):
            name = f"{parts[1]} {parts[0]}"
        if name:
            names.append(name)
    return _byline(", ".join(names)) or None


def _address(url: str | None) -> str | None:
    """The document's address: without a library's proxy in front of it and
    the institution's ``accountid`` (it says where the user studies)."""
    if not url:
        return None
    url = url.strip()
    m = _PROXY.match(url)
    if m:
        url = unquote(m.group(1)) if m.group(1)[:8].lower().startswith(("http%3a", "https%3a")) else m.group(1)
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k.lower() != "accountid"]
    return urlunsplit(parts._replace(query=urlencode(query)))


def proquest_html_text(html: str) -> str | None:
    """The text of a ProQuest HTML export, laid out as its text export is
    (records between lines of underscores, each paragraph a line, a blank
    line between them), or None for any other page."""
    if 'name="DocID_' not in html and "name='DocID_" not in html:
        return None
    import lxml.html

    # each record's text is a document of its own inside the page (<html>,
    # <head>, <body> inside "<Text>", its "<html>" sometimes written "html&gt;"):
    # lxml would close the page at its end and drop the records after it
    start = html.find("DocID_")
    html = html[:start] + _INNER_PAGE.sub("", _BROKEN_START.sub(r"\1", html[start:]))
    try:
        root = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return None
    records: list[list[str]] = []
    record = None  # the element holding the record being read
    for el in root.iter("a", "p", "div"):
        if el.tag == "a":
            if (el.get("name") or "").startswith("DocID_"):
                records.append([])
                record = el.getparent()
            continue
        ancestors = list(el.iterancestors())
        if record is None or record not in ancestors:
            continue  # what follows the last record: the e-mail's footer, ProQuest's terms
        if any(_PICTURE.match(x.get("class") or "") for x in [el] + ancestors):
            continue  # a picture in the text ("Enlarge this image.") and its caption
        line = " ".join(_own_text(el).split())
        if line:
            records[-1].append(line)
    if not records:
        return None
    rule = "_" * 60
    return "\n\n".join(rule + "\n\n" + "\n\n".join(rec) for rec in records) + "\n\n" + rule + "\n"


def _own_text(el: Any) -> str:
    """The words of an element without those of the paragraphs inside it
    (lxml keeps the "Full text:" paragraph open around the text's own)."""
    words = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str) and child.tag not in ("p", "div", "title", "meta", "script", "style"):
            words.append(_own_text(child))
        words.append(child.tail or "")
    return "".join(words)
