"""Blind mode: what in an article's text gives its outlet away, and what to
show instead.

A :class:`Masker` is built once from every article of a report (so an outlet
that names another outlet of the corpus is masked too) and returns, for any
text, the ranges to replace. It masks:

* the outlets' names (with or without a leading "The", possessive or not),
  their initials when those are three letters or more ("CSW", "IFP"), the
  names of their web sites ("tehrantimes", "larkmoorgazette") and the short
  self-references papers use ("the Gazette", "The Chronicle understands");
* words of an outlet's name that no other outlet of the corpus uses (a brand
  such as "Tasnim"; a place such as "Tehran" that others write too is kept,
  except in a dateline cue such as "(Tehran)");
* bylines, and the names in them once desk words ("Staff", "Desk") are set aside;
* a dateline opening the text ("KESH (Meridian) —"), every web address and
  e-mail address.

Nothing is guessed from one corpus: the rules read the names, bylines,
datelines and addresses the loaders stored.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

#: Words of an outlet's or a byline's name that do not identify it on their own.
GENERIC = frozenset("""
a an and the of for by in on at
news newspaper newspapers agency agencies press media times daily weekly post herald courier
standard voice wire ledger observer journal gazette tribune chronicle telegraph express mail
review report reporter network tv radio channel online today magazine front page desk staff
editorial editor editors international global world national local sports sport whistle
service services correspondent correspondents team writer writers bureau
""".split())

#: A dateline opening a text: upper-case place, optional "(Agency)", then a dash.
_LEAD_DATELINE = re.compile(r"\A\s*[A-Z][A-Z.'’ -]{1,40}?(?:,\s*[A-Z][A-Za-z. ]{1,30})?"
                            r"(?:\s*\([^)\n]{1,40}\))?\s*[—–-]{1,2}\s*")
#: A dateline ending in a colon: a place in capitals, or a place of several
#: capitalised parts separated by commas, then the text's next sentence.
_COLON_DATELINE = re.compile(r"(?:[A-Z][A-Z.'’ -]{2,30}|[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)*"
                             r"(?:, [A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)*){1,3}):[ \t]+(?=[A-Z“\"])")
_URL = re.compile(r"\bhttps?://[^\s<>\"“”]+|\bwww\.[^\s<>\"“”]+"
                  r"|\b(?:[a-z0-9][a-z0-9-]*\.)+(?:[a-z]{2,12})(?:/[^\s<>\"“”]*)?(?![\w@])")
_EMAIL = re.compile(r"\b[\w.+-]+@(?:[\w-]+\.)+[A-Za-z]{2,}\b")
_TRAILING = ".,;:!?)]}'\"’”"
_WORD = re.compile(r"[\w][\w'’-]*")

LINK = "[link]"
EMAIL = "[e-mail]"
BYLINE = "[reporter]"
DATELINE = ""
PLACE = "[place]"
OTHER_OUTLET = "[another outlet]"


@dataclass(frozen=True)
class Mask:
    start: int
    end: int
    replacement: str
    kind: str  # outlet | byline | dateline | link


@dataclass
class _Rule:
    pattern: re.Pattern[str]
    replacement: str
    kind: str


@dataclass
class Masker:
    """Finds what to mask in a text; see the module docstring."""

    rules: list[_Rule] = field(default_factory=list)
    datelines: list[str] = field(default_factory=list)

    def masks(self, text: str, *, opening: bool = False) -> list[Mask]:
        """Non-overlapping masks in ``text``, in order (longest first where two
        start together). ``opening`` says the text is an article body, whose
        dateline is removed."""
        found: list[Mask] = []
        if opening:
            m = _LEAD_DATELINE.match(text)
            if m and m.end() < len(text):
                found.append(Mask(m.start(), m.end(), DATELINE, "dateline"))
            # a dateline with a colon opening one of the first paragraphs (after a
            # caption or a stand-first): "NEW DELHI:", "Washington, DC, United States:"
            for k, p in enumerate(re.finditer(r"(?:\A|\n\s*\n)[ \t]*", text)):
                if k >= 3:
                    break
                m = _COLON_DATELINE.match(text, p.end())
                if m and m.end() < len(text):
                    found.append(Mask(m.start(), m.end(), DATELINE, "dateline"))
        for pat, repl in ((_URL, LINK), (_EMAIL, EMAIL)):
            for m in pat.finditer(text):
                end = m.end()
                while end > m.start() and text[end - 1] in _TRAILING:
                    end -= 1
                if pat is _URL and not _looks_like_address(text[m.start():end]):
                    continue
                found.append(Mask(m.start(), end, repl, "link"))
        for rule in self.rules:
            for m in rule.pattern.finditer(text):
                start, end = m.span("x") if "x" in rule.pattern.groupindex else m.span()
                if end > start:
                    found.append(Mask(start, end, rule.replacement, rule.kind))
        for dl in self.datelines:
            # opening a paragraph, with its dash, the dateline goes (as at the
            # text's opening); elsewhere the place is replaced
            for m in re.finditer(r"(?m)^[ \t]*" + re.escape(dl) + r"(?:\s*\([^)\n]{1,40}\))?\s*(?:[—–-]{1,2}|:)\s*",
                                 text):
                if m.end() < len(text):
                    found.append(Mask(m.start(), m.end(), DATELINE, "dateline"))
            for m in re.finditer(re.escape(dl), text):
                found.append(Mask(m.start(), m.end(), PLACE, "dateline"))
        found.sort(key=lambda k: (k.start, -(k.end - k.start)))
        out: list[Mask] = []
        for k in found:
            if out and k.start < out[-1].end:
                continue
            out.append(k)
        return out

    def apply(self, text: str, *, opening: bool = False) -> str:
        """``text`` with every mask replaced."""
        parts, pos = [], 0
        for k in self.masks(text, opening=opening):
            parts += [text[pos:k.start], k.replacement]
            pos = k.end
        parts.append(text[pos:])
        return _tidy("".join(parts))


def _tidy(text: str) -> str:
    return re.sub(r"[ \t]{2,}", " ", text)


def _looks_like_address(s: str) -> bool:
    """A dotted run is an address if it has a path or scheme, or its last label
    is a top-level domain of two or more letters and some label has 3+ letters
    (so "e.g." and "p.m." are not)."""
    if s.startswith(("http", "www.")) or "/" in s:
        return True
    labels = s.split(".")
    return len(labels) >= 2 and labels[-1].isalpha() and any(len(x) >= 3 for x in labels[:-1])


def _phrase(words: Iterable[str]) -> str:
    return r"\s+".join(re.escape(w) for w in words)


def _name_pattern(name: str) -> re.Pattern[str] | None:
    words = name.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    if not words:
        return None
    return re.compile(r"(?<![\w-])(?P<x>(?:the\s+)?" + _phrase(words) + r")(?=['’]s\b|(?![\w-]))", re.I)


def _tokens(name: str) -> list[str]:
    return [t for t in re.split(r"[\s,;/]+", name) if t]


def _initials(name: str) -> str | None:
    caps = [t for t in _tokens(name) if t[:1].isupper() and t.lower() not in {"the", "of", "and"}]
    if len(caps) < 3:
        return None
    return "".join(t[0] for t in caps)


def _host_core(url: str | None) -> str | None:
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower()
    if host.startswith("www."):
        host = host[4:]
    core = host.split(".")[0] if host else ""
    return core if len(core) >= 5 else None


def build_masker(articles: Iterable[Mapping[str, Any]], texts: Mapping[int, Mapping[str, str]],
                 labels: Mapping[str, str]) -> Masker:
    """A masker for the outlets, bylines, datelines and addresses of
    ``articles`` (rows as in :attr:`Report.articles`). ``labels`` maps an
    outlet name to what is shown instead ("Outlet A"); other outlets of the
    corpus become "[another outlet]". ``texts`` (article id → title/body) tells
    which words of a name other outlets use too."""
    arts = list(articles)
    outlets = sorted({a.get("outlet") for a in arts if a.get("outlet")}, key=lambda o: (-len(o), o))
    words_by_outlet: dict[str, set[str]] = {}
    texts_by_outlet: dict[str, list[str]] = {}
    for a in arts:
        t = texts.get(a["id"], {})
        joined = (t.get("title") or "") + "\n" + (t.get("body") or "")
        words = {w.lower() for w in _WORD.findall(joined)}
        words_by_outlet.setdefault(a.get("outlet") or "", set()).update(words)
        texts_by_outlet.setdefault(a.get("outlet") or "", []).append(joined)

    rules: list[_Rule] = []
    for outlet in outlets:
        shown = labels.get(outlet, OTHER_OUTLET)
        pat = _name_pattern(outlet)
        if pat:
            rules.append(_Rule(pat, shown, "outlet"))
        toks = [t for t in _tokens(outlet) if t.lower() != "the"]
        if len(toks) >= 2 and toks[-1][:1].isupper():
            # "the Gazette", "The Chronicle understands": how papers name themselves
            rules.append(_Rule(re.compile(r"(?<![\w-])(?P<x>[Tt]he\s+" + re.escape(toks[-1])
                                          + r")(?=['’]s\b|(?![\w-]))"), shown, "outlet"))
        initials = _initials(outlet)
        if initials:
            rules.append(_Rule(re.compile(r"(?<![\w-])" + re.escape(initials) + r"(?![\w-])"), shown, "outlet"))
        others = set().union(*(w for o, w in words_by_outlet.items() if o != outlet)) if words_by_outlet else set()
        for tok in toks:
            core = tok.strip("()[]“”\"'’")
            if len(core) < 3 or core.lower() in GENERIC or not core[:1].isupper():
                continue
            if core.lower() not in others:
                # a word of the name nobody else writes: the brand itself
                # as a name is written (capitalised or in capitals): "an independent
                # inquiry" stays when the outlet is "The Independent"
                forms = "|".join(re.escape(f) for f in sorted({core, core.upper()}))
                rules.append(_Rule(re.compile(r"(?<![\w-])(?P<x>(?:[Tt]he\s+)?(?:" + forms
                                              + r"))(?=['’]s\b|(?![\w-]))"), shown, "outlet"))
            else:
                # a place or common word: masked only as a source cue "(Tehran)"
                rules.append(_Rule(re.compile(r"(?<=\()" + re.escape(core) + r"(?=\))"), shown, "outlet"))
    # the name of each page's site ("tehrantimes"), and that name written as
    # capitalised words ("CBS Sports" for cbssports.com, "Space News" for the
    # outlet "SpaceNews"): only split into words, so a site named after a city
    # ("Cleveland.com") leaves the city alone
    whole = {(c, labels.get(a.get("outlet") or "", OTHER_OUTLET))
             for a in arts for c in [_host_core(a.get("url"))] if c}
    split = set(whole)
    for o in outlets:
        if " " not in o and ("." in o or _camel(o)):
            c = _host_core("//" + (o if "." in o else o + ".x"))
            if c:
                split.add((c, labels.get(o, OTHER_OUTLET)))
    for core, shown in sorted(whole, key=lambda c: (-len(c[0]), c)):
        rules.append(_Rule(re.compile(r"(?<![\w-])" + re.escape(core) + r"(?![\w-])", re.I), shown, "outlet"))
    for core, shown in sorted(split, key=lambda c: (-len(c[0]), c)):
        words = "|".join(_cap(core[:i]) + r"[ .]" + _cap(core[i:]) for i in range(2, len(core) - 1))
        rules.append(_Rule(re.compile(r"(?<![\w-])(?:" + words + r")(?![\w-])"), shown, "outlet"))
    bylines = sorted({a["byline"].strip() for a in arts if a.get("byline") and a["byline"].strip()},
                     key=lambda b: (-len(b), b))
    outlet_words = {t.lower() for o in outlets for t in _tokens(o)}
    byline_outlets: dict[str, set[str]] = {}
    for a in arts:
        if a.get("byline") and a["byline"].strip():
            byline_outlets.setdefault(a["byline"].strip(), set()).add(a.get("outlet") or "")
    for byline in bylines:
        b = re.sub(r"^by\s+", "", byline, flags=re.I)
        if _is_organisation(b) and _named_elsewhere(b, byline_outlets[byline], texts_by_outlet):
            # an agency credited as the author that other outlets report on
            # ("European Space Agency" on its own release): an actor of the
            # story, not a reporter to hide
            continue
        rules.append(_Rule(re.compile(r"(?<![\w-])" + _phrase(b.split()) + r"(?![\w-])", re.I), BYLINE, "byline"))
        for part in re.split(r"\s*(?:,|;|\band\b|&)\s*", b):
            # desk words and the outlet's own name (masked by the outlet rules) set aside
            name = [w for w in part.split() if w.lower().strip(".") not in GENERIC | outlet_words]
            if name and len(" ".join(name)) >= 3 and any(w[:1].isupper() for w in name):
                rules.append(_Rule(re.compile(r"(?<![\w-])" + _phrase(name) + r"(?![\w-])"), BYLINE, "byline"))
    # a dateline elsewhere than at the opening is written as it was stored
    # (case matters: "KESH" is a dateline, "Kesh" a city in the story)
    datelines = sorted({a["dateline"].strip() for a in arts if a.get("dateline")
                        and len(a["dateline"].strip()) >= 4 and any(ch.isupper() for ch in a["dateline"])},
                       key=lambda d: (-len(d), d))
    return Masker(rules=rules, datelines=datelines)


def _cap(part: str) -> str:
    """``part`` as a capitalised word: first letter upper case, the rest any case."""
    return re.escape(part[0].upper()) + "(?i:" + re.escape(part[1:]) + ")"


def _camel(name: str) -> bool:
    """A name written as one run with inner capitals ("CBSSports", "SpaceNews")."""
    return bool(re.fullmatch(r"[A-Za-z]+", name)) and any(ch.isupper() for ch in name[1:])


def _is_organisation(byline: str) -> bool:
    """A byline naming an organisation (an agency, a desk, a press office), not a person."""
    words = [w.lower().strip(".,") for w in byline.split()]
    return any(w in GENERIC and w not in {"a", "an", "and", "the", "of", "for", "by", "in", "on", "at"}
               for w in words)


def _named_elsewhere(name: str, own: set[str], texts_by_outlet: Mapping[str, list[str]]) -> bool:
    """``name`` is written in an article of an outlet other than ``own``."""
    pat = re.compile(r"(?<![\w-])" + _phrase(name.split()) + r"(?![\w-])")
    return any(pat.search(t) for o, ts in texts_by_outlet.items() if o not in own for t in ts)


def letters(n: int) -> list[str]:
    """A, B, ... Z, AA, AB, ..."""
    out = []
    for i in range(n):
        s, k = "", i
        while True:
            s = chr(ord("A") + k % 26) + s
            k = k // 26 - 1
            if k < 0:
                break
        out.append(s)
    return out
