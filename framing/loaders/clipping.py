"""Articles saved as Markdown notes by a web clipper.

Obsidian Web Clipper, MarkDownload, Joplin's and Zotero's Markdown exports and
many note templates save an article as Markdown with a YAML front matter
block that names the article: ``title``, ``source`` (the page's address),
``author`` (in Obsidian a list of ``"[[Name]]"`` links), ``published``,
``description``, and ``created``, the day the page was *clipped*. This
module reads that block and turns the Markdown under it into the plain text a
reader of the page saw; :func:`framing.loaders.text.parse_page_text` then
keeps the article out of that text as it does for any pasted page (clippers
keep share rows, newsletter plugs, teaser lists and captions).

What is read from the front matter (keys in any case):

- **Title**: ``title``; else the note's leading ``# Heading`` (MarkDownload
  writes the page's ``<title>`` there). A site suffix ("... | The Guardian",
  "... - The Verge") that names the page's domain is cut, with a section name
  before it ("| Surveillance | The Guardian").
- **URL**: the first of ``source``, ``url``, ``link``, ``source_url``... that
  is a web address.
- **Outlet**: a ``site``/``site_name``/``publisher`` name; else an author or
  the title suffix that names the URL's domain ("[[The Economist]]" on
  economist.com); else the domain itself, as the HTML loader names it.
- **Byline**: the authors, wiki links unwrapped, joined with ", "; an
  "author" that is the outlet itself is not a byline.
- **Date**: ``published`` (or ``date_published``...), else a date printed in
  the author field (MarkDownload's "Ana Lee - 6/25/2024"), else one in the
  URL's path (``/2021/jul/18/``), else ``date`` (in a clipper's template often
  the day the note was made). Never ``created``: that is the day the page was
  clipped, not the day the article was published.
- **Not body**: ``description`` and MarkDownload's ``> ## Excerpt`` block
  (the page's summary), the front matter itself.

Markdown becomes text with markdown-it-py, a CommonMark parser: images go,
links keep their text and lose their address, heading, emphasis, quote and
list marks, HTML tags and table pipes go, each block becomes a paragraph.
A file without such a front matter block, or whose block is not valid YAML,
is not a clipping: it is read as pasted text, exactly as before.
"""

from __future__ import annotations

import datetime as dt
import functools
import html as html_lib
import re
from dataclasses import dataclass
from typing import Any

from .dates import day_in_url, parse_date
from .text import PageParts, _word_count, outlet_key, parse_page_text

__all__ = ["ClippedPage", "markdown_text", "read_clipping"]

#: Front matter keys, by what they name. A block needs one of these to be a
#: clipping's (a note's own keys alone, "tags" or "aliases", are not).
_TITLE_KEYS = ("title", "headline")
_URL_KEYS = ("source", "url", "link", "source_url", "original_url", "canonical_url", "canonical", "href")
_AUTHOR_KEYS = ("author", "authors", "byline", "creator", "creators")
_PUBLISHED_KEYS = ("published", "date_published", "datepublished", "publish_date", "published_date",
                   "publisheddate", "published_at", "published_on", "publication_date", "pubdate")
#: "date" is last: in a clipper's template ``{{date}}`` is the day the note is
#: made (Obsidian Web Clipper), in a blog's front matter the post's day.
_DATE_KEYS = _PUBLISHED_KEYS + ("date",)
_SITE_KEYS = ("site", "site_name", "sitename", "publisher", "publication", "outlet", "source_name",
              "website")
_CLIPPER_KEYS = frozenset(_TITLE_KEYS + _URL_KEYS + _AUTHOR_KEYS + _DATE_KEYS + _SITE_KEYS)

#: A clipper's block is a few lines; a longer one is some other document's.
_MAX_FRONT_MATTER = 64 * 1024
_OPEN_RE = re.compile(r"\A\ufeff?[ \t]*---[ \t]*\r?\n")
_CLOSE_RE = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.M)
_WEB_RE = re.compile(r"^https?://\S+$", re.I)
_WIKI_LINK_RE = re.compile(r"!?\[\[(?:[^\]|\n]*\|)?([^\]\n]*)\]\]")
_EMBED_RE = re.compile(r"!\[\[[^\]\n]*\]\]")
_HIGHLIGHT_RE = re.compile(r"==(?=\S)([^=\n]+?)==")
_FOOTNOTE_REF_RE = re.compile(r"\[\^[^\]\s]{1,20}\](?!:)")
_TAG_RE = re.compile(r"<[^>]*>")
_SPACES_RE = re.compile(r"[ \t\r\n]+")
#: Emphasis marks CommonMark leaves as text ("SOMETIMES.**Image Credits:**Google").
_STRAY_MARKS_RE = re.compile(r"\*\*|(?<=\w)__(?=\w)")


@dataclass
class ClippedPage:
    """A clipping read: ``parts`` as :func:`parse_page_text` found them in the
    note's plain text, with the front matter's title, date and byline put in
    their place; ``url`` and ``outlet`` (with where it came from) beside them."""

    parts: PageParts
    url: str | None = None
    outlet: str | None = None
    outlet_from: str | None = None


def read_clipping(text: str) -> ClippedPage | None:
    """The article in a clipped Markdown note, or None when ``text`` does not
    open with a clipper's front matter block (then it is pasted text)."""
    found = _front_matter(text)
    if found is None:
        return None
    meta, rest = found
    url = _first_url(meta)
    domain = _domain(url)
    authors = _authors(meta)
    lead_title, blocks = _blocks(rest)
    parts = parse_page_text(_joined(_without_asides(blocks, authors)))
    outlet, outlet_from = _site(meta, url)
    title = _text(_get(meta, _TITLE_KEYS)) or lead_title
    suffix = None
    if title:
        title, suffix = _cut_site_suffix(title, domain, outlet)
    if outlet is None and domain:
        # An author or the title's suffix that is the site ("[[Ars Technica]]")
        named = [a for a in authors if outlet_key(a) == outlet_key(domain)]
        if named:
            outlet, outlet_from = named[0], "front matter"
        elif suffix:
            outlet, outlet_from = suffix, "title suffix"
        else:
            outlet, outlet_from = domain, "url"
    byline_names = [a for a in authors if not outlet or outlet_key(a) != outlet_key(outlet)]
    if title:
        parts.title = title
    if byline_names:  # (the site alone named as the author: the text's byline, if any)
        parts.byline = ", ".join(byline_names)
    date = (parse_date(_date_value(_get(meta, _PUBLISHED_KEYS))) or _author_date(meta) or _url_date(url)
            or parse_date(_date_value(meta.get("date"))))
    if date:
        parts.date = date
    if outlet:
        parts.outlet_hint, parts.outlet_from = outlet, outlet_from
    return ClippedPage(parts, url, outlet, outlet_from)


# --------------------------------------------------------------------------
# Front matter


def _front_matter(text: str) -> tuple[dict[str, Any], str] | None:
    """``(keys, the text under the block)`` for a leading YAML block with a
    clipper's keys (lower-cased), or None."""
    m = _OPEN_RE.match(text)
    if not m:
        return None
    close = _CLOSE_RE.search(text, m.end(), m.end() + _MAX_FRONT_MATTER)
    if not close:
        return None
    import yaml

    try:
        meta = yaml.safe_load(text[m.end() : close.start()])
    except (yaml.YAMLError, RecursionError, ValueError):
        return None  # not YAML: the lines are read as the page's text
    if not isinstance(meta, dict):
        return None
    meta = {str(k).strip().casefold(): v for k, v in meta.items()}
    if not _CLIPPER_KEYS.intersection(meta):
        return None
    return meta, text[close.end():]


def _get(meta: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        value = meta.get(key)
        if value not in (None, "", [], {}):
            return value
    return None


def _text(value: Any) -> str | None:
    """A front matter value as one line of text, or None (a list gives its first item)."""
    if isinstance(value, list):
        value = next((v for v in value if v not in (None, "")), None)
    if isinstance(value, (dict, list, bool)) or value is None:
        return None
    text = _WIKI_LINK_RE.sub(r"\1", str(value))
    text = _SPACES_RE.sub(" ", text).strip()  # (an ideographic space in a Japanese title stays)
    return text or None


def _date_value(value: Any) -> Any:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, (list, dict, bool)):
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (int, float)) and not isinstance(value, bool) and not 1900 <= value <= 2100:
        return value  # Unix time
    if isinstance(value, (int, float)):
        return None  # a year alone is no day
    return value


def _first_url(meta: dict[str, Any]) -> str | None:
    for key in _URL_KEYS:
        value = _text(meta.get(key))
        if value and _WEB_RE.match(value):
            return value
    return None


def _domain(url: str | None) -> str | None:
    if not url:
        return None
    from .html import _readable_domain

    try:
        return _readable_domain(url)
    except ValueError:  # a malformed address ("http://[x")
        return None


def _site(meta: dict[str, Any], url: str | None) -> tuple[str | None, str | None]:
    """The site's name as the front matter gives it (a ``site`` key, or a
    ``source`` that is a name and not an address)."""
    from .html import _site_name

    for key in _SITE_KEYS + ("source",):
        value = _text(meta.get(key))
        if value and not _WEB_RE.match(value) and not value.startswith("www."):
            name = _site_name(value)
            if name and len(name) <= 80:
                return name, "front matter"
    return None, None


def _authors(meta: dict[str, Any]) -> list[str]:
    """The author names, in order, wiki links unwrapped, without a date or
    time printed after them, each once."""
    value = _get(meta, _AUTHOR_KEYS)
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    for item in items:
        if isinstance(item, dict):
            item = item.get("name") or item.get("Name")
        text = _text(item)
        if not text:
            continue
        for piece in re.split(r"\s*(?:;|\band\b|&)\s*", text) if ";" in text else [text]:
            name = _author_name(piece)
            if name and name not in names:
                names.append(name)
    return names


def _author_name(text: str) -> str | None:
    from .text import _byline_from

    text = re.sub(r"^(?i:by)\s+", "", text.strip())
    probe = "By " + text
    span = _byline_from(probe)
    if span:
        return probe[span[0] : span[1]].strip() or None
    # Not name-shaped ("staff", a handle, a name in another script): as written,
    # up to a date or a separator.
    head = re.split(r"\s+[-–—|·•]\s+|\s*\n", text)[0].strip(" ,;")
    return head if head and len(head) <= 80 and any(ch.isalpha() for ch in head) else None


def _author_date(meta: dict[str, Any]) -> str | None:
    """A date printed in the author field: MarkDownload's "Ana Lee - 6/25/2024, 7:27 PM"."""
    from .dates import find_date, find_us_short_date

    value = _get(meta, _AUTHOR_KEYS)
    text = _text(value) if not isinstance(value, list) else None
    if not text:
        return None
    found = find_date(text) or find_us_short_date(text)
    return found[0] if found else None


def _url_date(url: str | None) -> str | None:
    day = day_in_url(url, slug=True)
    return day.isoformat() if day else None


def _cut_site_suffix(title: str, domain: str | None, outlet: str | None) -> tuple[str, str | None]:
    """``title`` without a trailing site name that names ``domain`` or
    ``outlet`` (and a section name before it), and that site name."""
    from .html import _SUFFIX_SEP, _section_name, _shares_domain

    keys = {outlet_key(n) for n in (domain, outlet) if n}
    seps = list(_SUFFIX_SEP.finditer(title))
    if not seps or not keys:
        return title, None
    last = seps[-1]
    suffix = title[last.end():].strip()
    if not (1 <= len(suffix.split()) <= 5 and (outlet_key(suffix) in keys
                                                or (domain and _shares_domain(suffix, domain)))):
        return title, None
    head = title[: last.start()].rstrip()
    if len(seps) >= 2:
        section = head[seps[-2].end():].strip()
        if _section_name(section) and head[: seps[-2].start()].strip():
            head = head[: seps[-2].start()].rstrip()
    return (head or title), suffix


# --------------------------------------------------------------------------
# Markdown to text


@functools.lru_cache(maxsize=1)
def _parser() -> Any:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


@dataclass
class _Block:
    """One block of the note as text, with what its Markdown said about it."""

    text: str
    kind: str = "para"  # para, heading, item, code, html, row, rule
    emphasised: bool = False  # every letter in *emphasis* or **bold**
    linked: bool = False  # every letter the text of a link
    image: bool = False  # images (and links round them) and nothing else
    alt: str = ""  # the images' alternative text
    figure: bool = False  # opens with a picture, its caption after it

    @property
    def letters(self) -> int:
        return sum(ch.isalpha() for ch in self.text)


def markdown_text(source: str) -> tuple[str | None, str]:
    """``(the leading # heading or None, the rest as plain text)``: each block
    (paragraph, heading, list item, quote, table row, code) a paragraph of
    its own, separated by blank lines, with the Markdown marks taken out."""
    lead, blocks = _blocks(source)
    return lead, _joined(blocks)


def _joined(blocks: list[_Block]) -> str:
    texts = [b.text for b in blocks if b.text.strip() and b.kind != "rule"]
    return "\n\n".join(texts) + ("\n" if texts else "")


def _blocks(source: str) -> tuple[str | None, list[_Block]]:
    tokens = _parser().parse(source)
    blocks: list[_Block] = []
    lead: str | None = None
    cells: list[str] | None = None
    skip_to: int | None = None  # the nesting level whose close ends a skipped block
    level = 0
    kind = "para"
    item = 0  # inside a list item
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if skip_to is not None:
            level += tok.nesting
            if tok.nesting < 0 and level == skip_to:
                skip_to = None
            i += 1
            continue
        if _excerpt_heading(tokens, i):
            # MarkDownload's "> ## Excerpt" (or "## Excerpt" over a quote): the
            # page's summary, not its text.
            if tok.type == "blockquote_open":
                skip_to = level
                level += 1
                i += 1
                continue
            i += 3
            if i < len(tokens) and tokens[i].type == "blockquote_open":
                skip_to = level
                level += 1
                i += 1
            continue
        level += tok.nesting
        if tok.type == "heading_open" and tok.tag == "h1" and not blocks and lead is None and cells is None:
            lead = _inline(tokens[i + 1].children or []).text.strip() or None
            i += 3
            level -= 1
            continue
        if tok.type == "list_item_open":
            item += 1
        elif tok.type == "list_item_close":
            item -= 1
        elif tok.type == "heading_open":
            kind = "heading"
        elif tok.type == "heading_close":
            kind = "para"
        elif tok.type == "inline":
            block = _inline(tok.children or [])
            block.kind = "item" if item and kind == "para" else kind
            if cells is not None:
                cells.append(block.text.strip())
            elif block.text.strip() or block.image:
                block.text = block.text.strip()
                blocks.append(block)
        elif tok.type in ("fence", "code_block"):
            if tok.content.strip():
                blocks.append(_Block(tok.content.strip("\n"), "code"))
        elif tok.type == "html_block":
            text = html_lib.unescape(_TAG_RE.sub(" ", tok.content))
            lines = [" ".join(line.split()) for line in text.splitlines()]
            text = "\n".join(line for line in lines if line)
            blocks.append(_Block(text, "html", image=not text))
        elif tok.type == "hr":
            blocks.append(_Block("", "rule"))
        elif tok.type == "tr_open":
            cells = []
        elif tok.type == "tr_close":
            row = "\t".join(c for c in cells or [] if c)
            if row:
                blocks.append(_Block(row, "row"))
            cells = None
        i += 1
    return lead, blocks


def _excerpt_heading(tokens: list[Any], i: int) -> bool:
    """Does a heading reading "Excerpt" open at ``i`` (or open the quote at ``i``)?"""
    j = i + 1 if tokens[i].type == "blockquote_open" else i
    if j + 1 >= len(tokens) or tokens[j].type != "heading_open":
        return False
    content = tokens[j + 1].content.strip().casefold()
    return content == "excerpt"


def _inline(children: list[Any]) -> _Block:
    out: list[str] = []
    hidden = 0  # inside <sup>: a footnote's number
    emphasis = link = 0
    plain = emphasised = linked = 0  # letters outside emphasis, inside it, inside links
    images: list[str] = []
    opens_with_image = False
    for c in children:
        kind = c.type
        if kind in ("text", "code_inline"):
            if hidden:
                continue
            out.append(c.content)
            letters = sum(ch.isalpha() for ch in c.content)
            if emphasis:
                emphasised += letters
            else:
                plain += letters
            if link:
                linked += letters
        elif kind in ("em_open", "strong_open"):
            emphasis += 1
        elif kind in ("em_close", "strong_close"):
            emphasis = max(0, emphasis - 1)
        elif kind == "link_open":
            link += 1
        elif kind == "link_close":
            link = max(0, link - 1)
        elif kind == "image":
            images.append(" ".join(c.content.split()))
            if not plain + emphasised:
                opens_with_image = True
        elif kind == "softbreak":
            out.append(" ")
        elif kind == "hardbreak":
            out.append("\n")
        elif kind == "html_inline":
            tag = c.content.lower()
            if tag.startswith("<sup"):
                hidden += 1
            elif tag.startswith("</sup"):
                hidden = max(0, hidden - 1)
            elif tag.startswith("<br"):
                out.append("\n")
    text = "".join(out)
    text = _EMBED_RE.sub("", text)
    text = _WIKI_LINK_RE.sub(r"\1", text)
    text = _HIGHLIGHT_RE.sub(r"\1", text)
    text = _FOOTNOTE_REF_RE.sub("", text)
    text = _STRAY_MARKS_RE.sub("", text)
    text = "\n".join(" ".join(line.split()) for line in text.split("\n"))
    letters = plain + emphasised
    return _Block(text, emphasised=letters > 0 and not plain, linked=letters > 0 and linked == letters,
                  image=bool(images) and not letters, alt=" ".join(images),
                  figure=opens_with_image and letters > 0)


# --------------------------------------------------------------------------
# What a clipper keeps that is not the article

#: A caption's credit or label: "Photographer: X/Getty Images", "Image Credits: X",
#: "Illustration: X", "Credit: X", "Courtesy of X".
_CAPTION_LABEL_RE = re.compile(
    r"\b(?:[Pp]hoto(?:graph(?:er)?)?s?|PHOTO|[Ii]mages?(?: [Cc]redits?)?|[Ii]llustrations?|[Cc]redits?"
    r"|[Ss]ource)\s*:|\bGetty Images\b|\b[Cc]ourtesy of\b")
#: A footnote's text, which the clipper writes as "[^1]: ...".
_FOOTNOTE_RE = re.compile(r"^\[\^[^\]\s]{1,20}\]:")
#: An author's note about themselves: "Ana Lee is a reporter ...", "Ana Lee covers ...".
_BIO_AFTER_NAME = r"\s+(?:is|was|has|covers|writes|reports|joined|lives)\b"


def _without_asides(blocks: list[_Block], authors: list[str]) -> list[_Block]:
    """The blocks less what a page prints around its article and a clipper
    keeps: link-only lines (teasers, buttons), captions under a picture,
    footnote texts, and at the end emphasised notes (newsletter plugs,
    "Additional reporting"), the author's note about themselves, teaser lists
    and headings left with nothing under them."""
    bio = re.compile("^(?:" + "|".join(re.escape(a) for a in authors) + ")" + _BIO_AFTER_NAME) if authors else None
    kept: list[_Block] = []
    after_image: _Block | None = None
    in_figure = False  # a caption was just dropped: a credit line may follow it
    for n, b in enumerate(blocks):
        if b.image:
            after_image, in_figure = b, False
            continue
        previous, after_image = after_image, None
        if (b.linked or _FOOTNOTE_RE.match(b.text) or _pull_quote(b, blocks)
                or (b.figure and b.kind == "para" and _word_count(b.text) <= 45)
                or (b.emphasised and bio is not None and bio.match(b.text))):
            continue
        following = blocks[n + 1] if n + 1 < len(blocks) else None
        if previous is not None and (
                _caption(b, previous) or (in_figure and _credit_line(b))
                # a sentence under a picture with a credit line under it
                or (_word_count(b.text) <= 45 and following is not None and _credit_line(following))):
            after_image, in_figure = previous, True
            continue
        in_figure = False
        kept.append(b)
    while True:
        # What a last rule sets off at the end, if it is short, is the page's
        # footer ("--- Forbes Technology Council is an invitation-only ...").
        # (A heading over text there is the article's last section.)
        rules = [i for i, b in enumerate(kept) if b.kind == "rule"]
        tail = kept[rules[-1] + 1:] if rules else []
        kinds = {b.kind == "heading" for b in tail}
        if (not rules or rules[-1] < 3 or len(tail) > 2 or kinds == {True, False}
                or sum(_word_count(b.text) for b in tail) > 60):
            break
        del kept[rules[-1]:]
    while kept:
        b = kept[-1]
        if (b.emphasised or b.letters == 0 or b.kind == "heading" or (b.kind == "item" and b.linked)
                or (bio is not None and bio.match(b.text))):
            kept.pop()
            continue
        break
    return kept


def _caption(b: _Block, image: _Block) -> bool:
    """Is ``b``, printed right under a picture, its caption?"""
    from .text import _CREDIT_RE

    if b.kind not in ("para", "html") or _word_count(b.text) > 45:
        return False
    alt = " ".join(image.alt.split())
    return bool((len(alt.split()) >= 3 and alt in b.text) or b.emphasised or _CAPTION_LABEL_RE.search(b.text)
                or _CREDIT_RE.search(b.text))


def _credit_line(b: _Block) -> bool:
    """A line of one to four words ending without a full stop: a picture's
    credit ("PowerLight Technologies", "getty") under its caption."""
    from .text import _ends_sentence

    return (b.kind == "para" and b.letters > 0 and 1 <= _word_count(b.text) <= 4
            and not _ends_sentence(b.text) and not b.text.rstrip().endswith((",", ":", ";")))


def _pull_quote(b: _Block, others: list[_Block]) -> bool:
    """A line lifted out of a paragraph and printed large (a pull quote),
    which the clipper keeps as a paragraph of its own: its words, up to its
    last full stop or none, stand inside a longer block of the note."""
    if b.kind != "para" or not 6 <= _word_count(b.text) <= 40:
        return False
    core = b.text.rstrip(" .!?…")
    return len(core) >= 30 and any(len(o.text) > len(b.text) and core in o.text for o in others)
