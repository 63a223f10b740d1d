"""News feeds saved as files: RSS 2.0, RSS 1.0 (RDF) and Atom. Each item or
entry is one record, read into the same fields as an archive export's
(:mod:`framing.loaders.export`): title, link, guid or id, date, author,
the full text (``content:encoded``, Atom ``content``) or else the summary
(``description``, ``summary``: the start of the article, marked truncated),
and the feed's own title as the outlet. HTML in the text is read as its
paragraphs. The file is parsed by lxml with entities, DTDs and network
access off."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import IO, Any

from .export import DEFAULT_MAX_RECORD_BYTES, ExportStats, Record, _Reader

#: The local names of a feed's root element (RSS 2.0, RSS 1.0, Atom).
FEED_ROOTS = frozenset({"rss", "RDF", "feed"})
_ATOM = "http://www.w3.org/2005/Atom"
_CONTENT = "http://purl.org/rss/1.0/modules/content/"


def looks_like_feed(head: bytes) -> bool:
    """True when the first bytes of a file open an RSS or Atom document."""
    low = head[:4096].lower()
    return b"<rss" in low or b"<rdf:rdf" in low or (b"<feed" in low and b"atom" in low)


def _local(el: Any) -> str:
    tag = el.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _text_of(el: Any) -> str | None:
    """An element's text: its character data, or for Atom's ``type="xhtml"``
    its markup (read as HTML by the export reader)."""
    from lxml import etree

    if len(el) and el.get("type") == "xhtml":
        return "".join(etree.tostring(child, encoding="unicode", with_tail=True) for child in el)
    return "".join(el.itertext()).strip() or None


def _title_of(el: Any) -> str | None:
    """A title's text; an Atom title of ``type="html"`` or ``"xhtml"`` without its tags."""
    text = _text_of(el)
    if text and el.get("type") in ("html", "xhtml") and "<" in text:
        from lxml import etree
        from lxml import html as lxml_html

        try:
            text = " ".join(lxml_html.fragment_fromstring(text, create_parent="span").text_content().split())
        except (etree.ParserError, ValueError):
            pass
    return text or None


def _fields(item: Any, atom: bool) -> dict[str, Any]:
    """The record of one item or entry: export column names to values."""
    rec: dict[str, Any] = {}
    authors: list[str] = []
    for el in item:
        name, ns = _local(el), el.tag.split("}", 1)[0].lstrip("{") if isinstance(el.tag, str) else ""
        if not name:
            continue
        if name == "link":
            href = el.get("href") if atom else None
            if atom and el.get("rel", "alternate") != "alternate":
                continue
            rec.setdefault("url", href or _text_of(el))
        elif name in ("guid", "id", "identifier"):
            rec.setdefault("id", _text_of(el))
        elif name in ("pubDate", "published", "date", "issued"):
            rec.setdefault("date", _text_of(el))
        elif name in ("updated", "modified"):
            rec.setdefault("updated", _text_of(el))
        elif name in ("author", "creator"):
            who = el.findtext(f"{{{_ATOM}}}name") if atom else None
            value = (who or _text_of(el) or "").strip()
            if value:
                authors.append(value)
        elif name == "encoded" and ns == _CONTENT or (atom and name == "content"):
            rec.setdefault("text", _text_of(el))
        elif name in ("description", "summary"):
            rec.setdefault("description", _text_of(el))
        elif name == "title":
            rec.setdefault("title", _title_of(el))
        elif name == "source" and not atom:
            rec.setdefault("source", _text_of(el))
    if "date" not in rec and rec.get("updated"):
        rec["date"] = rec["updated"]
    rec.pop("updated", None)
    if authors:
        rec["author"] = authors
    return rec


def read_feed(source: str, fh: IO[bytes], columns: Mapping[str, str] | None = None, *,
              encoding: str = "utf-8", max_record: int = DEFAULT_MAX_RECORD_BYTES,
              stats: ExportStats | None = None) -> Iterator[Record]:
    """The items of an RSS or Atom feed as records, in order; the feed's
    title is each item's outlet unless the item names its source."""
    from lxml import etree

    r = _Reader(source, columns, max_record)
    if stats is not None:
        r.stats = stats
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                             remove_comments=True, remove_pis=True)
    try:
        root = etree.parse(fh, parser).getroot()
    except etree.XMLSyntaxError as exc:
        yield r.error(getattr(exc, "lineno", 1) or 1, f"not a readable feed ({exc})")
        return
    if _local(root) not in FEED_ROOTS:
        yield r.error(1, f"not a news feed (RSS or Atom): its root element is <{_local(root)}>")
        return
    atom = _local(root) == "feed"
    channel = root if atom else next((el for el in root.iter() if _local(el) == "channel"), None)
    outlet = None
    if channel is not None:
        title = next((el for el in channel if _local(el) == "title"), None)
        outlet = _text_of(title) if title is not None else None
    items = [el for el in root.iter() if _local(el) == ("entry" if atom else "item")]
    for item in items:
        line = item.sourceline or 1
        rec = _fields(item, atom)
        rec.setdefault("source", outlet)
        raw = etree.tostring(item, encoding="utf-8")
        if len(raw) > max_record:
            yield r.error(line, f"record is over {max_record:,} bytes (see --max-size)")
            continue
        yield r.record(line, rec, raw, "feed")
