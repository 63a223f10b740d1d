"""Factiva exports: the articles of a search saved as one HTML page.

Dow Jones' Factiva, beside Nexis the archive media researchers use most,
shows the full texts of the articles a user ticks in one page ("Format for
saving" → "Article format"), which the browser saves as ``.html``. framing
reads such a page as the articles it holds instead of as one article:

- each article is a ``<div>`` whose class names its language
  (``enArticle``, ``deArticle``, ``zhcnArticle`` ...);
- its headline is the element ``id="hd"``, its writers the element of class
  ``author``;
- below them stand unlabelled lines in a fixed order: perhaps a credit
  ("Special to The New York Times"), the length ("877 words", "1285 Wörter",
  "8165 字" - the interface's language, not the article's), the date ("9
  January 1993", "2018 年 10 月 7 日 17:04"), perhaps a time, the source's name,
  its code in capitals, then edition, page, language and copyright; a
  section may stand above the headline;
- its text is the paragraphs of class ``articleParagraph``.

A page is read so only when at least one article has a headline and text in
that markup. Each article is one record of the file, keyed by a digest of its
source, date and headline (as Nexis articles are).
"""

from __future__ import annotations

import re
from typing import Any

from .dates import parse_date
from .export import _byline
from .nexis import NexisArticle, _record

#: The class of an article's element: "article enArticle", "article zhcnArticle".
_ARTICLE_CLASS = re.compile(r"(?:^|\s)[a-z]{2,4}Article(?:\s|$)")
#: The cheap test on the page's source, before it is parsed.
_MARKUP = re.compile(r"""class=["']article [a-z]{2,4}Article["']""")
#: The length line: a number and one word ("877 words", "1285 Wörter", "8165 字").
_LENGTH = re.compile(r"^\d[\d,.\s]*\s*\S{1,12}$")
#: The word before the writers' names in the article's language ("By" is read anywhere).
_BY_WORDS = {"de": "von", "fr": "par", "es": "por", "pt": "por", "it": "di", "nl": "door", "sv": "av", "no": "av",
             "da": "af", "pl": "przez"}
#: The number a page's list gives each headline, when the user asked for one ("29) Skurrile ...").
_NUMBERED = re.compile(r"^(\d{1,4})\)\s+")
#: A time of day standing alone or after the date ("17:04", "5:30 PM").
_TIME = re.compile(r"^\d{1,2}:\d\d(?:\s*[AP]M)?$", re.IGNORECASE)


def _text(el: Any) -> str:
    return " ".join(el.text_content().split())


def _writers(author: str, language: str) -> str | None:
    """The writers an author element names, without the article language's "by" ("VON PAUL-ANTON KRÜGER")."""
    word = _BY_WORDS.get(language)
    if word:
        m = re.match(rf"(?i:{word})\s+(?=[^\W\d_])", author)
        if m:
            author = author[m.end():]
    return _byline(author)


def _article(div: Any) -> NexisArticle | None:
    heads = div.xpath('.//*[@id="hd"]')
    if not heads:
        return None
    title = _text(heads[0]) or None
    paragraphs = [_text(p) for p in div.xpath('.//p[contains(concat(" ", normalize-space(@class), " "),'
                                               ' " articleParagraph ")]')]
    body = "\n\n".join(p for p in paragraphs if p)
    author = div.xpath('.//div[contains(concat(" ", normalize-space(@class), " "), " author ")]')
    language = re.search(r"([a-z]{2,4})Article\b", div.get("class") or "")
    byline = _writers(_text(author[0]), language.group(1)[:2] if language else "") if author else None
    # the unlabelled lines after the headline: the length, then the date, the source
    lines = [_text(el) for el in heads[0].itersiblings() if el.tag == "div" and el.get("class") is None]
    length = next((i for i, ln in enumerate(lines) if _LENGTH.match(ln)), None)
    date = outlet = None
    if length is not None:
        after = [ln for ln in lines[length + 1:] if ln and not _TIME.match(ln)]
        date = parse_date(after[0]) if after else None
        if date and len(after) > 1:
            outlet = after[1]
    raw = "\n".join([title or ""] + lines + paragraphs)
    return NexisArticle(record=_record(outlet, date, title, body, "factiva"), title=title,
                        outlet=outlet, date=date, byline=byline, dateline=None, body=body, text=raw)


def factiva_articles(html: str) -> list[NexisArticle]:
    """The articles of a saved Factiva page, in the page's order (empty for
    any other page; see the module's description)."""
    if not _MARKUP.search(html):
        return []
    import lxml.html

    try:
        root = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return []
    out = [art for div in root.iter("div") if _ARTICLE_CLASS.search(div.get("class") or "")
           for art in [_article(div)] if art is not None]
    # one article without text is reported as such; a page with none is no export
    if not any(art.body for art in out):
        return []
    numbers = [_NUMBERED.match(art.title or "") for art in out]
    if all(m and int(m.group(1)) == i for i, m in enumerate(numbers, 1)):
        # the page numbered its list of headlines 1), 2), 3) ...: the numbers are the list's
        for art, m in zip(out, numbers):
            art.title = art.title[m.end():] or art.title  # type: ignore[index,union-attr]
    return out
