"""Saved HTML pages: trafilatura (the field's standard boilerplate remover)
extracts the body; the page's own markup gives the metadata a reader sees.

- **Body**: trafilatura's precision mode; where that keeps under 50 words
  (a reprint notice) and its default mode finds 100 or more, three times as
  many, the default mode's (the article precision lost); the default mode's
  too where it finds three times as many and what it adds is prose (a
  median of 25 words a paragraph: the rest of an article cut after an inset,
  not a teaser list).

- **Headline**: the visible ``<h1>`` that is the article's headline (the one
  closest to ``og:title`` / ``<title>``; logos, menus and "Subscribe" headings
  in ``<h1>`` are passed over, and so are headings the markup hides and
  ones that match the title only through the site's name), with a section label ("Opinion |",
  "DealBook|") removed, and without a kicker the heading sets in an element
  of its own when the page shares the rest alone as its ``og:title``; where
  no heading matches, the first headline-shaped one that is not inside a link
  (a teaser); else ``og:title`` / ``<title>`` without the site suffix.
- **Outlet**: ``og:site_name`` → JSON-LD ``publisher`` (not a company whose
  name shares nothing with the page's domain: the owner) → the part of the
  ``<title>`` that the domain or ``application-name`` names → the
  ``<title>`` suffix ("... - The Verge") → ``application-name`` → the
  registered domain of the page's URL (tldextract's bundled Public Suffix
  List, never fetched), made readable → the holder a dated copyright notice
  names. A site name that is a lower-case handle ("usatoday") gives way to
  the same name as the page writes it elsewhere ("USA TODAY", "cleveland.com"), and one that shares
  nothing with the domain ("U.S." on reuters.com, a section) to a later one
  that does ("... - Reuters").
- **Date**: the publication date the page's metadata states
  (``article:published_time``, ``datePublished`` also as a Unix time stamp,
  rNews, ``OriginalPublicationDate``), as written in its own time zone; else
  the date printed under the headline, a dateline, Parse.ly's ``pub_date``,
  trafilatura's.
- **Byline**: trafilatura's author field without what it glued on (a date,
  a role, a picture credit, the writer's e-mail address, the site's own
  name, an organisation the page states published it); the names printed
  under the headline where they are more; where the field names nobody or
  only the site ("GQ Magazine"), the writer Parse.ly's tag names, else the
  element under the headline whose class marks it as the byline.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import logging
import re
import statistics
from collections.abc import Iterator
from typing import Any

from ..models import Article
from ..text.dictionary import dictionary_word
from .dates import MONTH_NAMES, MONTH_WORD, WEEKDAY_NAMES, day_in_url, parse_date
from .text import (ACCOUNT_PLACEHOLDERS, OWNER_FORM_RE, call_to_reader, copyright_holder, dateline_date,
                   header_meta, is_furniture_paragraph, is_toolbar_line, outlet_key, sign_up_line)

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
_WORD = re.compile(r"\w+", re.UNICODE)
#: Separators between a headline and the site name in ``<title>``.
_SUFFIX_SEP = re.compile(r"\s+(?:[|\-–—·•:»]|::)\s+")
#: A section label glued before a headline: "Opinion |", "DealBook|", "Analysis:".
_LABEL = re.compile(r"^\s*(?P<label>[^|:]{2,30}?)\s*[|]\s*(?P<rest>.+)$")
_LABEL_WORDS = re.compile(r"^(?:opinion|analysis|column|editorial|commentary)\s*[|]\s*", re.I)

_DATE_META = (
    "article:published_time", "article:published", "datepublished", "og:published_time",
    "published_time", "publish-date", "publish_date", "pubdate", "dc.date.issued", "sailthru.date",
    "parsely-pub-date",
    # older conventions: the New York Times' and Reuters' own, and the BBC's rNews
    "originalpublicationdate", "rnews:datepublished",
    "date",
)


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first 4 KiB (``<meta charset>``), if any."""
    m = _CHARSET.search(data[:4096])
    return m.group(1).decode("ascii", "replace") if m else None


def _heading_parts(el: Any) -> list[str]:
    """The texts a heading sets apart: its own leading text, each child
    element's, and the text after each child ("<small>Kicker</small><br>
    Headline")."""
    pieces = [el.text]
    for child in el:
        if isinstance(child.tag, str) and child.tag != "br":
            pieces.append(child.text_content())
        pieces.append(child.tail)
    return [p for p in map(_clean, pieces) if p]


#: Elements set inside a run of text (a word in italics, a link): no break around them.
_INLINE = frozenset("a abbr b code em i mark q s sub sup u".split())


def _heading_text(el: Any) -> str:
    """A heading's text, with a space where a part set in an element of its
    own runs into the next with no space ("<span>Harbour Strike</span>Dockers
    vote ...", a kicker a stylesheet shows on a line of its own) and the
    next part starts with a capital: a browser shows two lines, not
    "StrikeDockers". (Not around inline elements: "<em>i</em>Phone".)"""
    pieces = [el.text or ""]
    for child in el:
        if not isinstance(child.tag, str):
            pieces.append(child.tail or "")
            continue
        inner = " " if child.tag == "br" else child.text_content()
        if child.tag not in _INLINE and inner.strip():
            before, after = "".join(pieces), inner
            if before[-1:].isalpha() and after[:1].isupper():
                inner = " " + inner
            if inner[-1:].isalpha() and (child.tail or "")[:1].isupper():
                inner += " "
        pieces += [inner, child.tail or ""]
    return "".join(pieces)


_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


def _hidden(el: Any) -> bool:
    """Is the element or one of its ancestors hidden by its markup (the
    ``hidden`` attribute, ``aria-hidden="true"``, an inline ``display:none``,
    or the class "hidden" that stylesheets hide by convention, unless a
    responsive class beside it shows it on wider screens: "hidden lg:flex")?"""
    for e in (el, *el.iterancestors()):
        if e.get("hidden") is not None or (e.get("aria-hidden") or "").strip().lower() == "true":
            return True
        classes = (e.get("class") or "").lower().split()
        if _HIDDEN_STYLE.search(e.get("style") or "") or ("hidden" in classes and not any(":" in c for c in classes)):
            return True
    return False


#: The heading of a sign-up box: "Pick Six Newsletter", "The Morning Podcast".
_BOX_HEADING_RE = re.compile(r"(?i)^[^.!?\"“”]{0,40}\b(?:newsletters?|podcasts?)\s*$")


def _without_sign_up_box(paragraphs: list[str]) -> list[str]:
    """The body without the sign-up box a page prints after the article and
    trafilatura keeps: its call to subscribe, the box's heading ("Pick Six
    Newsletter") and a rule ("___") above it. Only at the end, at most two
    calls: a paragraph of the article that mentions a newsletter stays."""
    out = list(paragraphs)
    calls = 0
    while len(out) > 1 and calls < 2 and sign_up_line(out[-1]):
        out.pop()
        calls += 1
    if not calls and len(out) > 2 and _BOX_HEADING_RE.match(out[-2]) and call_to_reader(out[-1]):
        out.pop()  # under the box's heading, the call needs no word of its own: "Get the day's big stories"
        calls = 1
    if calls:
        while len(out) > 1 and (_BOX_HEADING_RE.match(out[-1]) or not out[-1].strip("_-—–=* ")):
            out.pop()
    return out


def _clean(s: str | None) -> str | None:
    if not s:
        return None
    s = " ".join(s.replace("\u00ad", "").split())  # (a soft hyphen, "&shy;", is shown only at a break)
    return s or None


def _words(s: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(s)]


#: Elements that start a line of their own in a browser.
_BLOCKS = frozenset(
    "p div li ul ol h1 h2 h3 h4 h5 h6 header footer section article aside nav figure figcaption"
    " blockquote table tr td th dl dt dd address main form pre body html".split()
)


class _Page:
    """The metadata a page's markup states (meta tags, JSON-LD, headings)."""

    def __init__(self, text: str):
        from lxml import html as lxml_html

        self.meta: dict[str, list[str]] = {}
        self.h1: list[str] = []
        #: each ``<h1>``'s parts set in child elements of their own (a kicker's
        #: span, then the headline's), by the heading's text
        self.h1_parts: dict[str, list[str]] = {}
        self.title_tag: str | None = None
        self.jsonld: list[Any] = []
        self._doc: Any = None
        try:
            doc = lxml_html.document_fromstring(_XML_DECL.sub("", text) or "<html></html>")
        except Exception:  # lxml refuses some markup outright: no metadata then
            return
        for el in doc.iter("meta"):
            key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
            content = _clean(el.get("content"))
            if key and content:
                self.meta.setdefault(key, []).append(content)
        for el in doc.iter("time"):
            if (el.get("itemprop") or "").lower() == "datepublished" and el.get("datetime"):
                self.meta.setdefault("datepublished", []).append(el.get("datetime"))
        for el in doc.iter("title"):
            self.title_tag = _clean(el.text_content())
            break
        #: headings shown at least once outside a link (one inside a link is a
        #: teaser for another page, not this one's headline)
        self.h1_unlinked: set[str] = set()
        for el in doc.iter("h1"):
            t = _clean(_heading_text(el))
            if t and _hidden(el):
                continue  # a search box's "No matches" or an overlay no reader sees
            if t:
                if not any(a.tag == "a" for a in el.iterancestors()):
                    self.h1_unlinked.add(t)
                self.h1.append(t)
                if len(parts := _heading_parts(el)) >= 2:
                    self.h1_parts[t] = parts
        self._doc = doc  # for notices(), read only when no metadata names the site
        for el in doc.xpath('//script[@type="application/ld+json"]'):
            try:
                # Some CMS plugins wrap the JSON in <![CDATA[ ... ]]> or <!-- -->.
                self.jsonld.append(json.loads(_LD_WRAPPER_RE.sub("", el.text_content())))
            except (ValueError, RecursionError):
                continue

    def lines_after_heading(self, heading: str | None, limit: int = 14) -> list[str]:
        """The visible lines under the page's headline ``<h1>``, one per block
        element, down to the article's first long paragraph (included): where
        a page prints its byline and date. Empty when no ``<h1>`` shows the
        headline."""
        if self._doc is None or not heading:
            return []
        # The <h1> that shows the headline (a section label may lead it).
        score, h1 = max(((_overlap(heading, el.text_content()), el) for el in self._doc.iter("h1")),
                        key=lambda pair: pair[0], default=(0.0, None))
        if h1 is None or score < 0.8:
            return []
        lines: list[str] = []
        parts: list[str] = []
        block = None
        for node in h1.xpath("following::text()[not(ancestor::script) and not(ancestor::style)"
                             " and not(ancestor::noscript) and not(ancestor::template)]"):
            piece = " ".join(str(node).split())
            if not piece:
                continue
            el = node.getparent()
            if node.is_tail:
                el = el.getparent()
            while el is not None and el.tag not in _BLOCKS:
                el = el.getparent()
            if el is not block and parts:
                line = " ".join(parts)
                parts = []
                if not is_toolbar_line(line):  # share buttons do not count against the limit
                    lines.append(line)
                    if len(lines) >= limit or len(lines[-1].split()) >= 40:
                        return lines
            block = el
            if parts and piece[:1] in ",.;:!?)’”":
                parts[-1] += piece  # "Matthew Digby" "," "Minh Do": no space before the comma
            else:
                parts.append(piece)
        if parts and not is_toolbar_line(" ".join(parts)):
            lines.append(" ".join(parts))
        return lines[:limit]

    def prose_words_outside(self, body: str) -> int:
        """The words of the page's ``<p>`` paragraphs of :data:`PROSE_WORDS`
        words or more that ``body`` does not hold."""
        if self._doc is None:
            return 0
        have = " ".join(body.split())
        total = 0
        for el in self._doc.iter("p"):
            t = _clean(el.text_content())
            if t and len(words := t.split()) >= PROSE_WORDS and t not in have:
                total += len(words)
        return total

    def first(self, *keys: str) -> str | None:
        for k in keys:
            if self.meta.get(k):
                return self.meta[k][0]
        return None

    def notices(self) -> list[str]:
        """The page's copyright notices, in page order (the site's own is
        usually the last); not text inside scripts or styles."""
        if self._doc is None:
            return []
        return [t.strip() for t in self._doc.xpath(
            '//body//text()[(contains(., "©") or contains(., "opyright"))'
            ' and not(ancestor::script) and not(ancestor::style)]') if len(t.strip()) <= 200]

    def ld_objects(self) -> Iterator[dict[str, Any]]:
        stack: list[tuple[Any, int]] = [(x, 0) for x in self.jsonld]
        while stack:
            obj, depth = stack.pop(0)
            if depth > 6:
                continue
            if isinstance(obj, list):
                stack.extend((x, depth + 1) for x in obj)
            elif isinstance(obj, dict):
                yield obj
                if "@graph" in obj:
                    stack.append((obj["@graph"], depth + 1))

    def ld_publisher(self) -> str | None:
        for obj in self.ld_objects():
            pub = obj.get("publisher")
            if isinstance(pub, list) and pub:
                pub = pub[0]
            if isinstance(pub, dict) and isinstance(pub.get("name"), str):
                return _clean(pub["name"])
            if isinstance(pub, str):
                return _clean(pub)
        return None

    def ld_date(self) -> str | None:
        for obj in self.ld_objects():
            d = obj.get("datePublished")
            if isinstance(d, str) and d.strip():
                return d
            if isinstance(d, (int, float)) and not isinstance(d, bool) and d > 0:
                # a Unix time stamp (seconds, or milliseconds past 1e11): a moment in UTC
                seconds = d / 1000 if d > 1e11 else d
                try:
                    return dt.datetime.fromtimestamp(seconds, dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
                except (OverflowError, OSError, ValueError):
                    continue
        return None

    def marked_authors(self) -> list[str]:
        """The names the markup marks as the author (``itemprop="author"``,
        or its ``itemprop="name"`` inside)."""
        if self._doc is None:
            return []
        names = []
        for el in self._doc.xpath('//*[@itemprop="author"]'):
            inner = el.xpath('.//*[@itemprop="name"]')
            text = _clean((inner[0] if inner else el).text_content())
            if text and len(text.split()) <= 5:
                names.append(text)
        return names

    @functools.cached_property
    def parsely(self) -> dict[str, Any]:
        """Parse.ly's ``<meta name="parsely-page">`` (a JSON object with the
        page's ``pub_date`` and ``author`` or ``authors``; the analytics service's older tag,
        on many news sites' pages), or an empty dict. Read once a page."""
        value = self.first("parsely-page")
        try:
            found = json.loads(value) if value else {}
        except (ValueError, RecursionError):
            return {}
        return found if isinstance(found, dict) else {}

    def parsely_writers(self) -> str:
        """The writers Parse.ly's tag names, as it gives them (``author`` or
        ``authors``, both spellings are in use; a list joined with "; "), or ""."""
        found = self.parsely.get("author") or self.parsely.get("authors")
        if isinstance(found, list):
            found = "; ".join(x for x in found if isinstance(x, str))
        return found if isinstance(found, str) else ""


def _title_parts(title: str | None) -> tuple[str | None, str | None]:
    """``<title>`` split into headline and site suffix ("Headline - Site")."""
    if not title:
        return None, None
    parts = _SUFFIX_SEP.split(title)
    if len(parts) >= 2 and 1 <= len(parts[-1].split()) <= 5:
        return " - ".join(parts[:-1]).strip() or None, parts[-1].strip()
    return title, None


@functools.lru_cache(maxsize=1)
def _domain_extractor() -> Any:
    """tldextract's extractor over its bundled Public Suffix List, never
    fetched; built once a process (each new one reads the list again, ~20 ms)."""
    import tldextract

    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def _readable_domain(url: str | None) -> str | None:
    """``www.detroitnews.com`` → ``detroitnews.com``: the registered domain,
    from the Public Suffix List bundled with tldextract (never fetched)."""
    if not url:
        return None
    parts = _domain_extractor()(url)
    if not parts.domain:
        return None
    return f"{parts.domain}.{parts.suffix}" if parts.suffix else parts.domain


def _site_name(value: str | None) -> str | None:
    """A usable outlet name from a metadata value (a URL or handle is not one)."""
    value = _clean(value)
    if not value:
        return None
    if re.match(r"^https?://", value, re.I):
        return None
    value = value.lstrip("@").strip()
    # "LinkNaija | Nigeria's popular news platform": the name, not the slogan.
    head = re.split(r"\s+[|–—:]\s+|\s+-\s+", value, maxsplit=1)[0].strip()
    return head or None


def _agreed_title_part(page: _Page, domain: str | None) -> str | None:
    """The part of a ``<title>`` before its last that the page's domain or its
    ``application-name`` names ("Headline - tidewatch.dk - Front page",
    "Tide Watch - Notices - Headline"): the site, where the last part may be
    a section or a person."""
    parts = [p.strip() for p in _SUFFIX_SEP.split(page.title_tag or "")]
    app = _site_name(page.first("application-name", "apple-mobile-web-app-title"))
    names = {outlet_key(n) for n in (domain, app) if n}
    if len(parts) < 2 or not names:
        return None
    for part in parts[1:-1] + [parts[0]]:  # (the last part is the suffix's, next)
        if 1 <= len(part.split()) <= 5 and outlet_key(part) in names:
            return part
    return None


def _shares_domain(name: str, domain: str) -> bool:
    """Does a word of ``name`` (three letters or more) name the page's domain,
    or the domain a word of it ("Connecticut Post" and ctpost.com, "Houston
    Chronicle" and chron.com)?"""
    site = outlet_key(domain.split(".")[0])
    return any(len(w) >= 3 and (w in site or site in w) for w in (outlet_key(x) for x in name.split()))


def _company_not_site(name: str, domain: str | None) -> bool:
    """A publisher named as a company ("Tide Media", "Varen Group Ltd") whose
    name shares nothing with the page's domain owns the site, perhaps with
    many others; the domain names the site better."""
    if not domain or not OWNER_FORM_RE.search(name):
        return False
    return not _shares_domain(name, domain)


def _slug(name: str) -> bool:
    """A machine handle, not a name as the outlet writes it: one word in lower
    case ("usatoday", "detroitnews", "nj")."""
    return name.islower() and not any(c.isspace() or c == "." for c in name)


def _section_name(name: str) -> bool:
    """One to three common words ("U.S.", "World", "Support"), as a section of
    a site is named; an outlet's or a blog's own name is mostly not."""
    words = [re.sub(r"[^\w]", "", w) for w in name.split()]
    return 1 <= len(words) <= 3 and all(w and dictionary_word(w) for w in words)


def outlet_of(page: _Page, url: str | None) -> tuple[str | None, str]:
    """The outlet and where it came from, in the order the module docstring gives."""
    domain = _readable_domain(url)
    publisher = _site_name(page.ld_publisher())
    found = []
    for value, source in (
        (page.first("og:site_name"), "og:site_name"),
        (None if publisher and _company_not_site(publisher, domain) else publisher, "json-ld publisher"),
        (_agreed_title_part(page, domain), "title"),
        (_title_parts(page.title_tag)[1], "title suffix"),
        (page.first("application-name", "apple-mobile-web-app-title"), "application-name"),
    ):
        name = _site_name(value)
        if name:
            found.append((name, source))
    if found:
        name, source = found[0]
        if _slug(name):
            # "usatoday" beside "USA TODAY", "cleveland" beside "cleveland.com": the
            # same name as the page writes it elsewhere ("topicseed" alone stays:
            # some sites write their name in lower case)
            spelled = [c for c in found[1:] if outlet_key(c[0]) == outlet_key(name) and not _slug(c[0])]
            if spelled:
                return spelled[0]
        elif domain and source == "og:site_name" and _section_name(name) and not _shares_domain(name, domain):
            # A section as the site's name ("U.S." on reuters.com) where the
            # title or the publisher names the domain's site ("... - Reuters");
            # a blog's own name on its host's domain is no section and stays
            agreed = [c for c in found[1:] if _shares_domain(c[0], domain)]
            if agreed:
                return agreed[0]
        return name, source
    if domain:
        return domain, "url"
    # A saved page with no metadata and no URL still prints "© 2015 WebMD, LLC".
    for notice in reversed(page.notices()):
        holder = copyright_holder(notice)
        if holder:
            return holder, "copyright"
    return None, "unknown"


def _overlap(a: str, b: str) -> float:
    wa, wb = _words(a), set(_words(b))
    if not wa:
        return 0.0
    return sum(1 for w in wa if w in wb) / len(wa)


def headline_of(page: _Page, fallback: str | None, outlet: str | None) -> str | None:
    """The visible headline (see the module docstring)."""
    og = page.first("og:title", "twitter:title")
    refs = [r for r in (og, _title_parts(page.title_tag)[0], page.title_tag) if r] or ([fallback] if fallback else [])
    skip = {w for w in (outlet, _site_name(page.first("og:site_name"))) if w}
    skip_words = {" ".join(_words(s)) for s in skip}
    candidates = [h for h in page.h1 if len(_words(h)) >= 2 and " ".join(_words(h)) not in skip_words
                  # A short heading with no word of the page's og:title is the blog's
                  # or section's name over the post ("Silicon Exposed").
                  and not (og and len(_words(h)) <= 4 and _overlap(h, og) == 0.0)]
    # A heading that matches the title only through the site's name ("Introducing
    # <Site> Insider" against "Headline | <Site>") is the site's promotion.
    # (The site's name as the page states it, not as read off the title.)
    site_words = {w for name in (page.first("og:site_name"), page.ld_publisher()) if name for w in _words(name)}
    best, score = None, 0.0
    for h in candidates:
        own = " ".join(w for w in _words(h) if w not in site_words)
        s = max((_overlap(h, r) for r in refs if _overlap(own, r) > 0), default=0.0)
        if s > score:
            best, score = h, s
    if best is not None and page.h1_parts.get(best):
        # A kicker set in its own element inside the heading ("<span>Interne
        # Unterlagen im Netz</span> <span>Daten von Rheinmetall gehackt</span>",
        # "<small>Tunesien</small><br> Große Aufgaben ...") copies glued to the
        # headline. Where one part alone is the headline the page shares
        # (``og:title``, or its part before the site's or kicker's suffix) and
        # the whole heading is not, the headline is that part.
        shared = {" ".join(_words(r)) for r in (og, _title_parts(og)[0]) if r} if og else set()
        if " ".join(_words(best)) not in shared:
            part = next((p for p in page.h1_parts[best]
                         if len(_words(p)) >= 3 and " ".join(_words(p)) in shared), None)
            if part is not None:
                return part
    if best is None or score < 0.5:
        # No heading matches the metadata: the first one shaped like a headline.
        # (Not one inside a link: a teaser for another article.)
        best = next((h for h in candidates if len(_words(h)) >= 4 and h in page.h1_unlinked), None)
        if best is None:
            head = _title_parts(og)[0] if og and og != page.title_tag else og
            return _strip_label(head or _title_parts(page.title_tag)[0] or fallback)
    return _strip_label(best, refs)


def _strip_label(headline: str | None, refs: list[str] | None = None) -> str | None:
    if not headline:
        return None
    m = _LABEL.match(headline)
    if m and len(m.group("label").split()) <= 3 and len(m.group("rest").split()) >= 3:
        rest = m.group("rest").strip()
        if not refs or any(_overlap(rest, r) >= 0.5 for r in refs):
            return rest
    return _LABEL_WORDS.sub("", headline).strip() or headline


_LD_WRAPPER_RE = re.compile(r"^\s*(?:<!\[CDATA\[|<!--)|(?:\]\]>|-->)\s*$")
_STAMP_RE = re.compile(
    r"^\s*(?P<date>\d{4}-\d\d-\d\d)[T ](?P<time>\d\d:\d\d(?::\d\d(?:\.\d+)?)?)\s*"
    r"(?P<zone>Z|[+-]\d\d:?\d\d)?\s*$"
)
#: A web archive's address of a capture, in the scheme the Wayback Machine,
#: Archive-It and the national libraries' pywb and OpenWayback replays share:
#: ``<archive>/<path>/<14-digit capture time>[two-letter flag_]/<the page's own address>``.
_REPLAY_RE = re.compile(
    r"(?:https?:)?//(?P<host>[\w-]+(?:\.[\w-]+)+(?::\d+)?)(?P<path>/(?:[\w.~-]+/)*?)"
    r"(?:19|20)\d{12}(?:[a-z]{2}_)?/(?=https?:|//|www\.)", re.I)
#: The capture time before a page's own address, which every replayed address holds.
_STAMP_BEFORE_ADDRESS_RE = re.compile(r"/(?:19|20)\d{12}(?:[a-z]{2}_)?/(?:https?:|//|www\.)", re.I)
#: The address a browser saved the page from (Chrome's and Internet Explorer's comment).
_SAVED_FROM_RE = re.compile(r"<!--\s*saved from url=\(\d+\)(?P<url>https?://[^\s>]+?)\s*-->", re.I)
#: The SingleFile extension's note at the top of a page it saved (inside
#: ``<html>``): "Page saved with SingleFile", then "url: <address>" and
#: "saved date: <the day it was saved>" on lines of their own (before 2019
#: "Archive processed by SingleFile"). The saved day is when the reader kept
#: the page, never when the article was published: it is not read.
_SINGLEFILE_RE = re.compile(
    r"<!--\s*(?:Page saved with|Archive processed by) SingleFile\b[^>]*?^\s*url:\s*(?P<url>https?://[^\s<>]+)",
    re.I | re.M)


def saved_from(text: str) -> str | None:
    """The address a page was saved from, as the browser or the extension that
    saved it notes it at the top: Chrome's and Internet Explorer's
    ``<!-- saved from url=(0042)https://... -->``, SingleFile's ``url:`` line."""
    head = text[:4096]
    m = _SAVED_FROM_RE.search(head) or _SINGLEFILE_RE.search(head)
    return m["url"] if m else None


def unreplayed(text: str) -> str:
    """A page saved from a web archive's replay of a capture, with the
    archive's rewriting undone: a replay puts its own prefix before every
    address on the page (``https://web.archive.org/web/20191125081512/``
    before ``https://www.cnn.com/...``; the same scheme on Archive-It and the
    national libraries' pywb and OpenWayback), so the page's canonical
    address, its links and its metadata name the archive, not the outlet.
    The prefix, when at least three addresses carry the same one, is taken
    out everywhere (in its absolute and its site-relative form); the
    archive's toolbar is left to the extractor, which passes over it. Any
    other page is returned as it is."""
    if not _STAMP_BEFORE_ADDRESS_RE.search(text):
        return text
    counts: dict[tuple[str, str], int] = {}
    for m in _REPLAY_RE.finditer(text):
        key = (m["host"].lower(), m["path"])
        counts[key] = counts.get(key, 0) + 1
    if not counts:
        return text
    (host, path), n = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
    if n < 3:
        return text
    stamp = r"(?:19|20)\d{12}(?:[a-z]{2}_)?/"
    prefix = re.compile(
        rf"(?:(?:https?:)?//{re.escape(host)}|(?<![\w.-])){re.escape(path)}{stamp}(?=https?:|//|www\.)", re.I)
    return prefix.sub("", text)


#: Start tags that end an open paragraph in HTML ("A p element's end tag may
#: be omitted if [it] is immediately followed by" one of them, in the HTML
#: standard's list), which libxml2's parser does not apply.
_CLOSES_P = ("address|article|aside|blockquote|details|dialog|div|dl|fieldset|figcaption|figure|footer|form"
             "|h[1-6]|header|hgroup|hr|main|menu|nav|ol|p|pre|section|table|ul")
_P_TAGS_RE = re.compile(r"<!--.*?-->|<(script|style|textarea)\b.*?</\1\s*>"
                        r"|<(?P<end>/?)(?P<tag>[a-zA-Z][\w-]*)(?=[\s/>])[^>]*>", re.S | re.I)
_CLOSES_P_RE = re.compile(r"(?:" + _CLOSES_P + r")$", re.I)


def closed_paragraphs(text: str) -> str:
    """A page whose markup leaves out most paragraphs' end tags (as a
    minified save does: SingleFile's "<p>... it added.<figure>"), with each
    paragraph ended where HTML ends it, before the next block's start tag.
    libxml2 keeps such a block inside the paragraph, so a photo's credit and
    a video's caption ("EPA", "Media caption ...") were read as article
    text. A page that closes its paragraphs (all but a few) is returned as it is."""
    opened = len(re.findall(r"<p[\s>]", text, re.I))
    if opened < 3 or len(re.findall(r"</p\s*>", text, re.I)) * 2 > opened:
        return text
    out: list[str] = []
    last = 0
    open_p = False
    for m in _P_TAGS_RE.finditer(text):
        tag = m["tag"]
        if not tag:
            continue  # a comment, a script, a style
        if m["end"]:
            if tag.casefold() == "p":
                open_p = False
            continue
        if open_p and _CLOSES_P_RE.match(tag):
            out.append(text[last:m.start()])
            out.append("</p>")
            last = m.start()
            open_p = False
        if tag.casefold() == "p":
            open_p = True
    out.append(text[last:])
    return "".join(out)


def original_url(url: str | None) -> str | None:
    """The page's own address behind an archive's address of its capture
    (the scheme :func:`unreplayed` reads); any other address as it is."""
    m = _REPLAY_RE.match(url or "")
    if not m or not url:
        return url
    rest = url[m.end():]
    if rest.startswith("//"):
        return "https:" + rest
    return rest if rest.lower().startswith(("http:", "https:")) else "http://" + rest


def _stamp(value: str) -> tuple[dt.datetime, bool] | None:
    """An ISO time stamp with its zone: (the moment, whether the zone is UTC)."""
    m = _STAMP_RE.match(value)
    if not m or not m["zone"]:
        return None
    zone = m["zone"].replace(":", "")
    try:
        moment = dt.datetime.fromisoformat(f"{m['date']}T{m['time']}{'+0000' if zone == 'Z' else zone}")
    except ValueError:
        return None
    return moment, moment.utcoffset() == dt.timedelta(0)


def _meta_date(page: _Page, url: str | None = None) -> str | None:
    """The stated publication date, as written (its own time zone).

    A stamp in UTC is not the page's own time zone, and near midnight its day
    is not the publisher's: the same moment stated with the site's own offset
    elsewhere in the metadata (``article:published_time`` 23:59 UTC beside
    JSON-LD's 01:59+02:00), or a date in the page's URL one day off
    (``/2020/02/17/`` beside 02:18 UTC on the 18th), gives the day instead."""
    stated = _stated_dates(page)
    for i, value in enumerate(stated):
        d = parse_date(value)
        if not d:
            continue
        first = _stamp(value)
        if first is None or not first[1]:
            return d
        for other in stated[i + 1:]:
            local = _stamp(other)
            if local and not local[1] and abs(local[0] - first[0]) <= dt.timedelta(minutes=5):
                return local[0].date().isoformat()
        in_url = day_in_url(url)
        if in_url is not None:
            # Only when the hour allows it: a day earlier in the URL for a stamp
            # in the first 8 hours of its UTC day (the Americas' evening), a day
            # later for one in its last 8 (Asia's morning). The Washington Post's
            # URL keeps the day a story was started: 10:04 UTC the next day stays.
            if _zone_day(first[0], in_url):
                return in_url.isoformat()
        return d
    return None


def _stated_dates(page: _Page) -> list[str]:
    """The publication stamps the metadata states, in the order they are trusted."""
    return [v for key in _DATE_META for v in page.meta.get(key, [])] + [d for d in [page.ld_date()] if d]


def _parsely_date(page: _Page, guess: str | None) -> str | None:
    """The day of Parse.ly's ``pub_date`` (read after the date a page prints:
    its tag is for an analytics script, not for readers), or ``guess`` (the
    date trafilatura found on the page) where that is one day off a stamp in
    UTC in the direction the hour allows (03:00 UTC is the Americas' evening
    before)."""
    value = page.parsely.get("pub_date")
    d = parse_date(value) if isinstance(value, str) else None
    if not d:
        return None
    st = _stamp(value)
    if guess and st and st[1]:
        try:
            if _zone_day(st[0], dt.date.fromisoformat(guess)):
                return guess
        except ValueError:
            pass
    return d


def _zone_day(moment: dt.datetime, day: dt.date) -> bool:
    """Can ``day``, one day off a UTC ``moment``'s, be that moment's local day?
    A day earlier in the first 8 hours of the UTC day (the Americas'
    evening), a day later in its last 8 (Asia's morning)."""
    shift = (day - moment.date()).days
    return (shift == -1 and moment.hour < 8) or (shift == 1 and moment.hour >= 16)


def _utc_moment(page: _Page) -> dt.datetime | None:
    """The first stated publication stamp, when it is in UTC."""
    for value in _stated_dates(page):
        if parse_date(value):
            st = _stamp(value)
            return st[0] if st and st[1] else None
    return None


def _printed_day(date: str, printed: str | None, page: _Page) -> str:
    """The day printed under the headline where the metadata's stamp is in UTC
    and one day off in the direction its hour allows (the Americas' evening
    falls on the next UTC day, Asia's morning on the previous one): the page
    says "Published 11:26 pm EST, Tuesday, November 19" for 04:26 UTC on the
    20th, and the reader's day is the page's."""
    if not printed or printed == date:
        return date
    moment = _utc_moment(page)
    if moment is None or moment.date().isoformat() != date:
        return date
    try:
        return printed if _zone_day(moment, dt.date.fromisoformat(printed)) else date
    except ValueError:
        return date


_ROLE = re.compile(r"(?i)\b(?:editor|writer|reporter|correspondent|columnist|contributor)s?\b")
_TRAILING_DATE_WORDS = re.compile(
    r"(?:\s+(?i:" + "|".join((*MONTH_NAMES, *WEEKDAY_NAMES, "published", "updated", "posted")) + r"))+$"
    # "Posted Feb" (of "Posted Feb. 27, 2014"): a month's short form after "posted" or "published"
    r"|\s+(?i:(?:published|updated|posted)\s+" + MONTH_WORD + r")$"
)
#: A credit for a picture or a video, not for the text ("Photo by The Associated Press").
_PICTURE_CREDIT = re.compile(r"(?i)^(?:photo(?:graph)?s?|images?|pictures?|video|illustrations?)\s*(?:by\b|:)")


#: News agencies' initials, which open a wire writer's role ("AP National
#: Writer", "AFP Correspondent") and never a person's name.
_WIRE_INITIALS = frozenset("ap afp upi dpa pti ani ians efe ansa".split())


def _authors(found: str | None) -> str | None:
    """trafilatura's author field without what it glued on: the date's first
    word ("Carrie Arnold November"), a role ("CNN Editor-at-large", "Staff
    writer"), a lone degree ("MA"), "Analysis by", a name given twice."""
    if not found:
        return None
    names: list[str] = []
    for part in found.split(";"):
        if _PICTURE_CREDIT.match(part.strip()):
            continue
        part = re.sub(r"(?i)^\s*(?:analysis\s+)?by\s+", "", part).strip()
        part = _TRAILING_DATE_WORDS.sub("", " " + part).strip()
        words = part.split()
        if (role := _ROLE.search(part)) and "," in part[:role.start()]:
            # "Steve Peoples, Ap National Political Writer": the role and all
            # its qualifiers after the comma (however many).
            part = part[:part.rindex(",", 0, role.start())].strip()
            words = part.split()
            if not 2 <= len(words) <= 4 or not all(w[:1].isupper() and not w.isupper() for w in words):
                continue
        elif _ROLE.search(part):
            # "Ben Silverman Games Editor": a title-case name before the role and its qualifier survives
            cut = next(i for i, w in enumerate(words) if _ROLE.search(w))
            words = words[:cut - 1] if cut >= 3 else []
            if not all(w[:1].isupper() and not w.isupper() for w in words):
                words = []
            if words and words[0].casefold() in _WIRE_INITIALS:
                words = []  # "Ap National Political Writer": a wire's role, its initials in title case
            part = " ".join(words)
        if len(words) == 1 and not (words[0][:1].isupper() and len(words[0]) >= 3):
            continue  # "MA", "byline"
        if part.casefold() in ACCOUNT_PLACEHOLDERS:
            continue  # a log-in widget's "Username" or a blog's "admin": nobody's name
        if part and part.casefold() not in {n.casefold() for n in names}:
            names.append(part)
    return "; ".join(names) or None


_NAME_SEP_RE = re.compile(r"\s*(?:[,;&]|\band\b)\s*")


def _names_more(printed: str, meta: str) -> bool:
    """True when the printed byline lists every name of the metadata's and more
    ("By Ana Lee, Ben Ode, Cy Park" over an author field of "Ana Lee")."""
    printed_names = {n.casefold(): n for n in _NAME_SEP_RE.split(re.sub(r"(?i)^\s*by\s+", "", printed)) if n}
    meta_names = {n.casefold() for n in _NAME_SEP_RE.split(meta) if n}
    extra = [n for k, n in printed_names.items() if k not in meta_names]
    # Every further name is a person's: two to four capitalised words and no
    # role ("Energy Editor", "IGN Staff") nor a lone outlet ("CNN").
    return bool(meta_names) and meta_names < printed_names.keys() and all(
        2 <= len(n.split()) <= 4 and all(w[:1].isupper() for w in n.split())
        and not _ROLE.search(n) and "staff" not in n.casefold().split()
        for n in extra
    )


def _owner_key(name: str) -> str:
    # "Cleveland com" (an author field's "cleveland.com" with its dot lost) is the domain's name
    return outlet_key(re.sub(r"(?i)\s+(com|org|net)$", r".\1", name.strip()))


def _without_owners(byline: str, page: _Page, outlet: str | None, url: str | None) -> str:
    """A byline of several names without those that name the site or its owner
    ("Condé Nast; Louise Matsakis" where the page's copyright is Condé Nast's,
    "Troy Smith; Cleveland com" on cleveland.com): the writers remain. The
    notices printed on the page are not asked: a wire story's own ("© The
    Associated Press") names its writer's agency, a credit to keep."""
    domain = _readable_domain(url)
    publisher = _site_name(page.ld_publisher())
    if publisher and domain and not _shares_domain(publisher, domain):
        publisher = None  # a wire story's publisher ("Associated Press" on ctpost.com) is its agency
    owners = [outlet, _site_name(page.first("og:site_name")), publisher, domain]
    keys = {_owner_key(o) for o in owners if o}
    rights = (page.first("copyright") or "").casefold()  # <meta name="copyright">: the owner's notice
    parts = [p.strip() for p in byline.split(";")]
    kept = [p for p in parts if _owner_key(p) not in keys and not (rights and p.casefold() in rights)]
    return "; ".join(kept) if kept else byline


def _without_domain_words(byline: str | None, url: str | None) -> str | None:
    """A byline without the page's own domain written as words ("Tagesschau
    De", "MesOpinions com": an author field that held "tagesschau.de"), which
    names the site, not a writer; None when nothing else is left, so that the
    byline printed under the headline is read instead."""
    domain = _readable_domain(url) if byline else None
    if not domain:
        return byline
    key = _letters_of(domain)  # (the suffix counts: "Haki Benita" on hakibenita.com names a writer)
    kept = [p.strip() for p in byline.split(";") if _letters_of(p) != key]
    return "; ".join(kept) or None


_EMAIL_RE = re.compile(r"([\w.+-]+)@([\w-]+(?:\.[\w-]+)+)")


def _without_addresses(byline: str | None, page: _Page) -> str | None:
    """A byline without the writer's e-mail address that an author field gave
    beside the name ("Lucy Berry | lberry@example.com" read as "Lucy Berry;
    Lberry Com"): a part whose letters start with an address's local part and
    are, in order, among the address's letters."""
    if not byline:
        return byline
    fields = [v for k, vs in page.meta.items() if "author" in k for v in vs]
    fields.append(page.parsely_writers())
    addresses = {(_letters_of(m[1]), _letters_of(m[0])) for f in fields for m in _EMAIL_RE.finditer(f)}
    if not addresses:
        return byline
    kept = []
    for part in (p.strip() for p in byline.split(";")):
        letters = _letters_of(part)
        if not any(letters.startswith(local) and _in_order(letters, whole) for local, whole in addresses):
            kept.append(part)
    return "; ".join(kept) or None


def _in_order(part: str, whole: str) -> bool:
    rest = iter(whole)
    return all(c in rest for c in part)


_SITE_WORDS = frozenset({"magazine", "media", "online", "staff"})


def _names_site(byline: str, outlet: str | None) -> bool:
    """Does the byline name the site, not a writer: the outlet's name, alone or
    with "Magazine", "Media", "Online" or "Staff" ("GQ Magazine" on GQ)?"""
    if not outlet:
        return False
    words = byline.split()
    while len(words) > 1 and words[-1].casefold() in _SITE_WORDS:
        words.pop()
    return outlet_key(" ".join(words)) == outlet_key(outlet)


def _organisation_keys(page: _Page) -> set[str]:
    """The names of the organisations the page states published or wrote it
    (the JSON-LD publisher not typed as a person, an author typed as an
    organisation, ``<meta name="publisher">``), but not a name its JSON-LD
    gives an author typed as a person, compared by
    :func:`outlet_key`, without an aside in brackets ("Deutsche Welle
    (www.dw.com)")."""
    names = [page.first("publisher")]
    persons = set()
    for obj in page.ld_objects():
        for role in ("publisher", "author"):
            for x in obj.get(role) if isinstance(obj.get(role), list) else [obj.get(role)]:
                if not isinstance(x, dict) or not isinstance(x.get("name"), str):
                    continue
                kinds = x.get("@type") if isinstance(x.get("@type"), list) else [x.get("@type")]
                kinds = [k for k in kinds if isinstance(k, str)]
                if role == "author" and "Person" in kinds:
                    persons.add(outlet_key(x["name"]))
                # (an author typed as both, "Person" and "Organization", is a person)
                elif "Person" not in kinds and (role == "publisher" or "Organization" in " ".join(kinds)):
                    names.append(x["name"])
    keys = set()
    for n in names:
        n = _clean(re.sub(r"\s*\([^)]*\)", "", n or ""))
        if n and len(k := outlet_key(n)) >= 2:
            keys.add(k)
    # An author the page types as a person is one, even where a personal
    # site names itself (its publisher) after its author.
    return keys - persons


def _only_the_site(byline: str | None, page: _Page) -> bool:
    """Does every name of the byline name an organisation the page states
    published it ("Salzburger Nachrichten" as the author of its own
    NewsArticle, "n-tv NACHRICHTEN" typed as an organisation): an author field
    that says the newsroom published it, not who wrote it? (A personal site
    named after its author states no organisation: its byline stays.)"""
    if not byline:
        return False
    keys = _organisation_keys(page)
    parts = [p.strip() for p in byline.split(";") if p.strip()]
    return bool(keys) and bool(parts) and all(
        outlet_key(p) in keys or any(_names_site(p, k) for k in keys) for p in parts)


#: A class that marks an element as the byline: "author", "byline", "article__author", "c-byline", "author-name".
_BYLINE_CLASS_RE = re.compile(r"(?i)^(?:[\w-]*?[_-])?(?:author|byline)(?:s|[_-]?names?)?$")


def _class_byline(page: _Page, title: str | None, first: str | None) -> str | None:
    """The byline an element marked by its class as the author's or the
    byline ("<p class="author">von Ana Lee</p>") prints under the headline:
    a "By" line's name, or a person's name alone; not a teaser's byline
    further down the page."""
    from .text import _byline_from, _person_name

    lines = page.lines_after_heading(title) if page._doc is not None else []
    if first:  # down to the article's first paragraph (of 12 words or more: not a stray label)
        start = " ".join(first.split())[:60]
        lines = lines[:next((i for i, line in enumerate(lines) if start in line), len(lines))]
    if not lines:
        return None
    for el in page._doc.iter():
        if not isinstance(el.tag, str) or not any(_BYLINE_CLASS_RE.match(c) for c in (el.get("class") or "").split()):
            continue
        text = _clean(el.text_content())
        if not text or _hidden(el) or not any(text in line for line in lines):
            continue
        # (the name before a place or the desk after a comma or a slash: "von Ana Lee, Kesh")
        head = re.split(r"\s*[,/|]\s*", text)[0]
        for line in dict.fromkeys([text, head, head[:1].lower() + head[1:]]):  # ("Von Ana Lee" as "von Ana Lee")
            span = _byline_from(line)
            name = line[span[0]:span[1]] if span else line if _person_name(line) else None
            if name:
                return _authors(name)
    return None


def _parsely_byline(page: _Page, outlet: str | None, url: str | None) -> str | None:
    """The writers Parse.ly's tag names, without an address and without a
    name that is the site's or a handle ("pixelmonkey", "296554")."""
    found = _EMAIL_RE.sub("", page.parsely_writers())
    found = "; ".join(p for p in (x.strip(" |,") for x in re.split(r"\s+\|\s+", found)) if p)
    names = _without_domain_words(_authors(found), url)
    if not names:
        return None
    kept = [n for n in names.split("; ")
            if not _names_site(n, outlet) and len(n.split()) >= 2 and any(c.isupper() for c in n)]
    return "; ".join(kept) or None


def _surnames(names: str) -> set[str]:
    return {p.split()[-1].casefold() for p in names.split(";") if p.split()}


def _metadata_writers(byline: str | None, page: _Page, outlet: str | None, url: str | None) -> str | None:
    """The writers Parse.ly's tag names where the byline names none of them
    and the markup's ``itemprop="author"`` names them too: two statements of
    the page's own against trafilatura's pick (The Atlantic's sidebar lists
    other stories with their bylines, and the first of those is taken)."""
    if not byline:
        return byline
    stated = _parsely_byline(page, outlet, url)
    if not stated or _surnames(stated) & _surnames(byline):
        return byline
    return stated if _surnames(stated) <= _surnames("; ".join(page.marked_authors())) else byline


def _letters_of(name: str) -> str:
    return re.sub(r"[\W_]+", "", name).casefold()


#: Under this many words, trafilatura's precision mode may have lost the article ...
PRECISION_FLOOR = 50
#: ... when its default mode finds at least this many (and three times as many).
FULLER_WORDS = 100


#: ... or finds paragraphs the precise extraction lost whose median length is this many words or more.
PROSE_WORDS = 25


def _prose_added(kept: str, fuller: str) -> bool:
    """Are the paragraphs that ``fuller`` adds to ``kept`` prose, an article's
    paragraphs (a median of :data:`PROSE_WORDS` words or more), not teasers,
    captions and link lists?"""
    have = {p.strip() for p in kept.split("\n")}
    added = [len(p.split()) for p in fuller.split("\n") if p.strip() and p.strip() not in have]
    return bool(added) and statistics.median(added) >= PROSE_WORDS


def parse_html(source: str, text: str, raw: bytes, location: str | None = None) -> Article:
    """Extract one article from an HTML page.

    Title and body come back as plain text: markup in a title (even
    ``<script>``) is kept as the characters it shows, never interpreted.
    ``location``: the address the page was saved from, as the file that holds
    it states it (a single-file page's ``Content-Location``, a web archive's
    ``WebResourceURL``): the page's URL when the page names none itself, read
    as a page's own address is (its outlet, the day it names).
    """
    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    text = closed_paragraphs(unreplayed(text))
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
    # Precision's cut can keep a reprint notice and lose the article (a page
    # whose paragraphs sit outside the markup it trusts), or keep the
    # article's opening and lose the rest after an advertisement or a
    # video: where it keeps almost nothing and the default extraction finds
    # a whole article, or a third or less of what the default extraction
    # finds and the paragraphs only that one keeps are prose (a median of
    # 25 words or more, not a list of teasers), the article is the default's.
    # (The default extraction is run only where the page's long <p> paragraphs
    # that the precise body lacks could make up the difference: a second
    # extraction costs a third more time.)
    page = _Page(text)
    kept = len(body_text.split())
    if kept < PRECISION_FLOOR or page.prose_words_outside(body_text) >= 2 * kept:
        fuller = trafilatura.extract(text, include_comments=False, include_tables=False, include_images=False,
                                     deduplicate=False) or ""
        n = len(fuller.split())
        if n >= FULLER_WORDS and n >= 3 * kept and (kept < PRECISION_FLOOR or _prose_added(body_text, fuller)):
            body_text = fuller
    # Paragraphs that are the page's own ("Advertisement", "Story continued
    # below", a newsletter prompt) are trafilatura's misses, not the article.
    paragraphs = [p.strip() for p in body_text.split("\n") if p.strip() and not is_furniture_paragraph(p)]
    paragraphs = _without_sign_up_box(paragraphs)
    url = original_url(data.get("url") or page.first("og:url") or saved_from(text) or location)
    outlet, outlet_from = outlet_of(page, url)
    title = headline_of(page, (data.get("title") or "").strip() or None, outlet)
    for t in {title, (data.get("title") or "").strip()} - {None, ""}:
        # trafilatura keeps the headline (and a section kicker above it) when
        # they sit inside <article>: drop them from the body.
        for i, para in enumerate(paragraphs[:3]):
            if para == t and all(len(p.split()) <= 6 for p in paragraphs[:i]):
                paragraphs = paragraphs[i + 1:]
                break
    date, byline = _meta_date(page, url), _without_domain_words(_authors(data.get("author")), url)
    if _only_the_site(byline, page):
        # The site's own name in the author field names no writer: the names
        # printed under the headline, or Parse.ly's, are read instead; else none.
        byline = None
    # The byline and date lines printed under the headline, read as a pasted page's.
    lines = page.lines_after_heading(title) if title else None
    if lines:
        printed_date, printed_byline = header_meta(title, lines)
        date = _printed_day(date, printed_date, page) if date else printed_date
        if byline is None or (printed_byline and _names_more(printed_byline, byline)):
            # The metadata may name only the first of the authors the page prints.
            byline = printed_byline or byline
    byline = _without_addresses(byline, page)
    if byline is None or _names_site(byline, outlet):
        # No byline, or the site's own name ("GQ Magazine") in the author
        # field: the writer Parse.ly's tag names, where it names one.
        byline = _parsely_byline(page, outlet, url) or byline
    if byline is None:
        # Nobody named by the metadata nor a "By" line: the byline the markup's class marks.
        byline = _class_byline(page, title, next((p for p in paragraphs if len(p.split()) >= 12), None))
        if byline and (_only_the_site(byline, page) or _names_site(byline, outlet or "")):
            byline = None
    byline = _metadata_writers(byline, page, outlet, url)
    if byline and ";" in byline:
        byline = _without_owners(byline, page, outlet, url)
    if byline and outlet and len(byline.split()) == 1 and outlet_key(byline) == outlet_key(outlet):
        # A blog's author field holding the site's one-word name says who wrote
        # nothing; a personal site named after its author ("Haki Benita") keeps it.
        byline = None
    return Article(
        source=source,
        body="\n\n".join(paragraphs),
        title=title,
        outlet=outlet,
        outlet_from=outlet_from,
        # A date opening the first paragraph (or the second, under a standfirst
        # or a "Reviewed by" line) as its dateline is the article's
        # own; trafilatura's guess may come from anywhere on the page.
        date=date or dateline_date(paragraphs) or _parsely_date(page, parse_date(data.get("date")))
        or parse_date(data.get("date")),
        byline=byline,
        url=url,
        language=data.get("language") or None,
        format="html",
        raw=raw,
    )
