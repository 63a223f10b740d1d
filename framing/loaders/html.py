"""Saved HTML pages, extracted with trafilatura (the field's standard
boilerplate remover) for the body and metadata. The outlet comes from
``og:site_name`` (trafilatura's ``sitename``) or the page's URL."""

from __future__ import annotations

import logging
import re

from ..models import Article
from .dates import parse_date

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first 4 KiB (``<meta charset>``), if any."""
    m = _CHARSET.search(data[:4096])
    return m.group(1).decode("ascii", "replace") if m else None


def parse_html(source: str, text: str, raw: bytes) -> Article:
    """Extract one article from an HTML page.

    Title and body come back as plain text: markup in a title (even
    ``<script>``) is kept as the characters it shows, never interpreted.
    """
    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    doc = trafilatura.bare_extraction(
        text,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        favor_precision=True,
        deduplicate=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    data = doc.as_dict() if doc is not None and hasattr(doc, "as_dict") else (doc or {})
    body_text = data.get("text") or ""
    paragraphs = [p.strip() for p in body_text.split("\n") if p.strip()]
    title = data.get("title") or None
    if title:
        title = title.strip() or None  # already unescaped once by the parser; never twice
        # trafilatura keeps the headline (and a section kicker above it) when
        # they sit inside <article>: drop them from the body.
        for i, para in enumerate(paragraphs[:3]):
            if para == title and all(len(p.split()) <= 6 for p in paragraphs[:i]):
                paragraphs = paragraphs[i + 1:]
                break
    sitename = (data.get("sitename") or "").strip() or None
    url = data.get("url") or None
    outlet, outlet_from = None, "unknown"
    if sitename:
        outlet, outlet_from = sitename, "og:site_name"
    return Article(
        source=source,
        body="\n\n".join(paragraphs),
        title=title,
        outlet=outlet,
        outlet_from=outlet_from,
        date=parse_date(data.get("date")),
        byline=(data.get("author") or None),
        url=url,
        language=data.get("language") or None,
        format="html",
        raw=raw,
    )
