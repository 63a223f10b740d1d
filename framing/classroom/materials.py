"""Classroom materials for one event, as plain data: the handout excerpts,
the worksheet's table and tasks, and the answer key with every answer traced
to a span of an article.

:func:`make_materials` is a pure function of a
:class:`~framing.compare.model.Report` (its articles, hits, events and texts);
the renderers in :mod:`framing.classroom.html` and :mod:`framing.classroom.docx`
only draw it.
"""

from __future__ import annotations

import hashlib
import re
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from ..compare.model import Event, NamingForm, NamingRow, Report
from ..errors import FramingError, NotFound
from ..models import outlet_label
from ..text import count_words, sentence_spans
from . import content
from .blind import Mask, Masker, build_masker, letters

#: The handout shows at most this many outlets (one printed page).
MAX_OUTLETS = 8
#: Words of lead per outlet on the handout, and the page's total budget.
LEAD_WORDS = 150
PAGE_WORDS = 640
#: A quotation nobody is named for counts as a source quoted from this many words.
SOURCE_WORDS = 4


class ClassroomError(FramingError):
    """The report cannot give classroom material (no event with two outlets...)."""


@dataclass(frozen=True)
class SpanRef:
    """Where an answer comes from: ``text == texts[article][field][start:end]``."""

    article: int
    field: str
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"article": self.article, "field": self.field, "start": self.start, "end": self.end,
                "text": self.text}


@dataclass
class Segment:
    """A run of displayed text: plain, a loaded hit, or a masked stretch (its replacement)."""

    text: str
    hit: dict[str, Any] | None = None
    masked: bool = False


@dataclass
class OutletItem:
    letter: str
    name: str
    label: str  # what students see: the name, or "Outlet A" in blind mode
    article: int
    title: list[Segment]
    lead: list[list[Segment]]  # paragraphs of the excerpt
    body: list[list[Segment]]  # paragraphs of the whole article (the annotated article)
    lead_end: int
    lead_words: int
    cut: bool
    date: str | None = None
    byline: str | None = None
    url: str | None = None
    copy_of: str | None = None  # label of the outlet this article nearly copies
    #: the body's stretches the handout prints (the lead's paragraphs, page furniture left out)
    lead_spans: list[tuple[int, int]] = field(default_factory=list)

    @property
    def plain_title(self) -> str:
        return "".join(s.text for s in self.title)

    def shows(self, fld: str, start: int, end: int) -> bool:
        """The handout prints ``texts[article][fld][start:end]``."""
        return fld == "title" or any(a <= start and end <= b for a, b in self.lead_spans)

    def find(self, fld: str, text: str, phrase: str) -> tuple[int, int] | None:
        """The first place the handout prints ``phrase`` in this field (see :func:`_find`)."""
        for a, b in ([(0, len(text))] if fld == "title" else self.lead_spans):
            hit = _find(text, phrase, a, b)
            if hit:
                return hit
        return None


@dataclass
class Answer:
    outlet: str
    text: str
    spans: list[SpanRef]
    note: str = ""
    neutral: str = ""
    category: str = ""
    voice: str = ""


@dataclass
class Task:
    id: str
    kind: str
    title: str
    prompt: str
    answers: list[Answer]
    choices: list[tuple[str, str]] = field(default_factory=list)  # (outlet label, sentence) on the worksheet
    hint: str = ""  # key only
    lines: int = 3


@dataclass
class TableRow:
    outlet: str
    headline: str
    loaded: list[Answer]
    naming: list[Answer]
    sources: list[Answer]
    missing: list[Answer]


@dataclass
class Materials:
    """Everything the classroom renderers draw, for one event."""

    event_id: str
    event_label: str
    dates: str
    level: str
    blind: bool
    outlets: list[OutletItem]
    table: list[TableRow]
    tasks: list[Task]
    categories: list[str]
    chart_event: Event  # the event for the slide charts: whole names only, outlets relabelled (blind mode)
    letter_key: list[tuple[str, str]]  # (label, outlet) — printed in the teacher guide only
    left_out: list[str] = field(default_factory=list)  # outlets not on the handout (page space), teacher guide only

    def answers(self) -> list[Answer]:
        """Every answer in the key (table and tasks)."""
        out = [a for t in self.tasks for a in t.answers]
        for row in self.table:
            out += row.loaded + row.naming + row.sources + row.missing
        return out

    def handout_ranges(self) -> dict[tuple[int, str], tuple[int, int]]:
        """(article, field) → the character range the handout's excerpt spans
        (:meth:`OutletItem.shows` tells what within it is printed)."""
        out: dict[tuple[int, str], tuple[int, int]] = {}
        for o in self.outlets:
            out[(o.article, "title")] = (0, 10**9)
            out[(o.article, "body")] = (0, o.lead_end)
        return out


# --- choosing -----------------------------------------------------------------------

def pick_event(report: Report, event: str | None = None) -> Event:
    """The event to teach: ``event`` (id, label), else the one with the most
    outlets (then the most articles, then the first id)."""
    if not report.events:
        raise ClassroomError("the report has no events: ingest articles from two or more outlets first")
    if event is not None:
        wanted = event.strip().lower()
        for ev in report.events:
            if wanted in (ev.id.lower(), ev.label.lower()):
                return ev
        raise NotFound(f"no event {event!r}; events: " + ", ".join(e.id for e in report.events))
    return sorted(report.events, key=lambda e: (-len(e.outlets), -len(e.articles), _id_key(e.id)))[0]


def _id_key(eid: str) -> tuple[int, str]:
    m = re.search(r"\d+", eid)
    return (int(m.group()) if m else 0, eid)


def _letter_order(event: Event, outlets: list[str]) -> list[str]:
    """A fixed order that does not follow the outlets' names (so "Outlet A" is
    not the alphabetically first): a hash of the event and the name."""
    return sorted(outlets, key=lambda o: hashlib.sha256(f"{event.id}\0{o}".encode()).hexdigest())


def _lead_end(body: str, budget: int) -> int:
    """End of the excerpt: whole sentences up to about ``budget`` words."""
    total, end = 0, 0
    for a, b in sentence_spans(body):
        n = count_words(body[a:b])
        if total and total + n > budget * 1.15:
            break
        total += n
        end = b
        if total >= budget * 0.85:
            break
    return end or len(body)


#: Page furniture is shorter than this (captions, table rows, teasers, link rows).
FURNITURE_WORDS = 80
#: A line of a table (tabs) or of a site's links ("Privacy Policy | Terms").
_TABLE_OR_LINKS = re.compile(r"\t|[\s\xa0]\|[\s\xa0]")
#: How a sentence of running text ends (closing quotes and brackets after the mark allowed).
_SENTENCE_END = re.compile(r"[.!?…:;][\"'”’»)\]]*\s*\Z|[\"”’»]\s*\Z")


def _prose(par: str) -> bool:
    """A paragraph of the article's running text, not page furniture left in
    the body: a table or a row of links, a heading, teaser or credit line that
    ends without a full stop, or a photo caption ending on its bracketed
    credit ("... (Agency via Wire, File)")."""
    par = par.strip()
    if not par:
        return False
    if count_words(par) > FURNITURE_WORDS:
        # a body whose paragraphs are not marked can hold everything in one
        return True
    if _TABLE_OR_LINKS.search(par) or par.endswith((")", "]")):
        return False
    return bool(_SENTENCE_END.search(par)) or count_words(par) > 40


def _key(s: str) -> str:
    return " ".join(re.findall(r"\w+", s.lower()))


def _lead(title: str, body: str, budget: int) -> list[tuple[int, int]]:
    """The handout's excerpt: whole sentences of the body's running-text
    paragraphs up to about ``budget`` words, leaving out page furniture (see
    :func:`_prose`) and a paragraph that repeats the headline or an earlier
    one (a stand-first printed twice)."""
    sents = sentence_spans(body)
    seen = {_key(title)}
    out: list[tuple[int, int]] = []
    total = 0
    for a, b in _paragraphs(body, len(body)):
        k = _key(body[a:b])
        if k in seen or not _prose(body[a:b]):
            seen.add(k)
            continue
        seen.add(k)
        end, stop = a, False
        inside = [(max(x, a), min(y, b)) for x, y in sents if x < b and y > a] or [(a, b)]
        for x, y in inside:
            n = count_words(body[x:y])
            if total and total + n > budget * 1.15:
                stop = True
                break
            total += n
            end = y
            if total >= budget * 0.85:
                stop = True
                break
        if end > a:
            out.append((a, end))
        if stop:
            break
    return out or [(0, _lead_end(body, budget))]


def _paragraphs(body: str, end: int) -> list[tuple[int, int]]:
    out = []
    pos = 0
    for m in re.finditer(r"\n\s*\n", body[:end]):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, end))
    return [(a, b) for a, b in out if body[a:b].strip()]


def _segments(text: str, start: int, end: int, hits: list[dict[str, Any]], masks: list[Mask]) -> list[Segment]:
    """``text[start:end]`` cut at hits and masks; masks show their replacement."""
    bounds: list[tuple[int, int, dict[str, Any] | None, Mask | None]] = []
    for k in masks:
        if k.end > start and k.start < end:
            bounds.append((max(k.start, start), min(k.end, end), None, k))
    taken = [(b[0], b[1]) for b in bounds]
    for h in sorted(hits, key=lambda h: (h["start"], -(h["end"] - h["start"]))):
        if h["start"] >= start and h["end"] <= end and not any(a < h["end"] and h["start"] < b for a, b in taken):
            bounds.append((h["start"], h["end"], h, None))
            taken.append((h["start"], h["end"]))
    bounds.sort(key=lambda b: b[0])
    out: list[Segment] = []
    pos = start
    for a, b, hit, mask in bounds:
        if a > pos:
            out.append(Segment(text[pos:a]))
        out.append(Segment(mask.replacement, masked=True) if mask else Segment(text[a:b], hit=hit))
        pos = b
    if pos < end:
        out.append(Segment(text[pos:end]))
    return [s for s in out if s.text or s.masked]


def _visible(h: dict[str, Any], masks: list[Mask]) -> bool:
    return not any(k.start < h["end"] and h["start"] < k.end for k in masks)


def _plain(segs: list[Segment]) -> str:
    return re.sub(r"[ \t]{2,}", " ", "".join(s.text for s in segs)).strip()


def _find(text: str, phrase: str, start: int = 0, end: int | None = None) -> tuple[int, int] | None:
    end = len(text) if end is None else end
    if not phrase.strip():
        return None
    pat = re.compile(r"(?<!\w)" + r"\s+".join(re.escape(w) for w in phrase.split()) + r"(?!\w)")
    for flags in (0, re.I):
        m = re.compile(pat.pattern, flags).search(text, start, end)
        if m:
            return m.span()
    return None


_QUOTES = "“”\"'‘’"
_CALENDAR = frozenset("""monday tuesday wednesday thursday friday saturday sunday january february march april
may june july august september october november december""".split())


def _bare(form: str) -> str:
    return form.strip(_QUOTES).strip()


def _occurrences(text: str, phrase: str, end: int, *, fold: bool) -> list[tuple[int, int]]:
    """Where ``phrase`` stands as words in ``text[:end]``; case folded only
    when ``fold`` (a headline may capitalise what the text does not)."""
    if not phrase.strip():
        return []
    pat = re.compile(r"(?<!\w)" + r"\s+".join(re.escape(w) for w in phrase.split()) + r"(?!\w)",
                     re.I if fold else 0)
    return [m.span() for m in pat.finditer(text, 0, end)]


def _part_of_a_name(text: str, fld: str, hit: tuple[int, int], forms: Sequence[str]) -> bool:
    """``text[hit]`` is a piece of a longer name, not a way of naming the actor
    on its own: it sits inside a longer naming form ("Origin" in "Blue Origin"),
    runs on into a capitalised word in running text ("Doobie" before
    "Brothers"), or is a given name shared with a surname ("Joe and Hunter Biden")."""
    a, b = hit
    piece = text[a:b].lower()
    for longer in forms:
        if len(longer) <= b - a or piece not in longer.lower():
            continue
        lo = max(0, a - len(longer))
        got = _find(text, longer, lo, min(len(text), b + len(longer)))
        while got:
            if got[0] <= a and b <= got[1]:
                return True
            got = _find(text, longer, got[0] + 1, min(len(text), b + len(longer)))
    if fld != "body":  # headlines capitalise every word
        return False
    nxt = re.match(r"[ \t]+([A-Z][\w'’-]*)", text[b:b + 60])
    if nxt and nxt.group(1).lower() not in _CALENDAR and text[b - 1:b].isalpha():
        return True
    if " " not in piece:
        given = re.match(r"\s+(?:and|&)\s+[A-Z][\w'’-]*\s+([A-Z][\w'’-]*)", text[b:b + 80])
        if given and any(f.lower().startswith(piece + " ") and f.lower().endswith(" " + given.group(1).lower())
                         for f in forms):
            return True
    return False


def _words(form: str) -> set[str]:
    return set(re.findall(r"\w+", form.lower()))


def _compound(form: str, others: Sequence[str]) -> bool:
    """``form`` joins two other names of two words or more that share no word
    ("Google Stadia Red Dead Redemption": a headline running two names
    together; "Mason Rudolph" is a name, not "Mason" joined to "Rudolph")."""
    w = _words(form)
    parts = [_words(o) for o in others if o != form and len(_words(o)) >= 2 and _words(o) < w]
    return any(not x & y for i, x in enumerate(parts) for y in parts[i + 1:])


def _akin(x: set[str], y: set[str]) -> bool:
    """Two forms name the same actor: they share a word, or one's word starts
    another's ("Israel", "Israeli regime")."""
    return bool(x & y) or any(len(u) >= 4 and len(v) >= 4 and (u.startswith(v) or v.startswith(u))
                              for u in x for v in y)


def _split_actor(actor: str, row_forms: Sequence[str], per: dict[str, list[Answer]],
                 loaded: set[str]) -> list[tuple[str, dict[str, list[Answer]]]]:
    """One naming row as the actor or actors it really holds.

    The report's rows can join two actors through a page's teaser headline
    ("Doobie Brothers" and "Michael McDonald" in one row named after "Michael
    McDonald Talks Doobie Brothers New Album"). Forms that join two others
    are set aside; the rest fall into groups of akin forms, and when two
    groups are each used by two outlets or more, each is an actor of its own,
    named by its longest form two outlets use. Otherwise the row keeps its
    widest group (and a lone form that is a loaded label), under the report's
    name unless that name is itself such a join or a longer name only one
    outlet writes. ``loaded`` holds the row's loaded forms, lower-cased."""
    forms = sorted({a.text for v in per.values() for a in v}, key=lambda f: (-len(f), f))
    pool = sorted(set(row_forms) | set(forms))
    kept = [f for f in forms if not _compound(f, pool) and _words(f)]
    group = {f: f for f in kept}

    def root(f: str) -> str:
        while group[f] != f:
            f = group[f]
        return f

    for i, x in enumerate(kept):
        for y in kept[i + 1:]:
            if _akin(_words(x), _words(y)):
                group[root(x)] = root(y)
    members: dict[str, list[str]] = {}
    for f in kept:
        members.setdefault(root(f), []).append(f)

    def sub(fs: Sequence[str]) -> dict[str, list[Answer]]:
        return {k: [a for a in v if a.text in fs] for k, v in per.items()}

    def name(fs: Sequence[str], s: dict[str, list[Answer]]) -> str:
        users = {f: sum(1 for v in s.values() if any(a.text == f for a in v)) for f in fs}
        shared = [f for f in fs if users[f] >= 2]
        return max(shared, key=lambda f: (len(f), f)) if shared else max(fs, key=lambda f: (users[f], len(f), f))

    groups = [sub(fs) for fs in members.values()]
    wide = [(fs, g) for fs, g in zip(members.values(), groups) if sum(1 for v in g.values() if v) >= 2]
    if len(wide) >= 2:
        return sorted(((name(fs, g), g) for fs, g in wide), key=lambda x: x[0])
    if len(wide) == 1:  # the actor, and a lone form only when it is a loaded label
        kept = [f for fs in members.values() for f in fs
                if fs is wide[0][0] or any(f.lower() in loaded for f in fs)]
    if not kept:
        return []
    whole = sub(kept)
    users = sum(1 for v in whole.values() if any(_words(a.text) >= _words(actor) for a in v))
    if _compound(_bare(actor), pool) or (users <= 1 and any(
            _words(f) < _words(actor) and sum(1 for v in whole.values() if any(a.text == f for a in v)) >= 2
            for f in kept)):
        # the report's name is a headline's run of names, or a longer name only
        # one outlet writes ("Google Stadia Pricing" for Google)
        actor = name(kept, whole)
    return [(actor, whole)]


def _norm_quotes(s: str) -> str:
    return s.translate(str.maketrans("“”„‟«»‘’‚‛", "\"\"\"\"\"\"''''"))


# --- the builder --------------------------------------------------------------------

def make_materials(report: Report, *, event: str | None = None, blind: bool = False,
                   level: str = "high", max_outlets: int = MAX_OUTLETS,
                   quotations: Mapping[int, Sequence[Any]] | None = None) -> Materials:
    """Classroom material for one event of ``report`` (see :func:`pick_event`).

    ``blind`` shows outlets as "Outlet A", "Outlet B"… and masks their names,
    bylines, datelines and addresses in every text; ``level`` (middle, high,
    college) sets the wording and how much is asked. ``quotations`` (article
    id → the detector's quotations, each with ``start``, ``end`` and
    ``speaker`` in the body) fill the "sources quoted" column; without them
    the quotations the report aligned across outlets are used.
    """
    if level not in content.LEVELS:
        raise ClassroomError(f"level must be one of {', '.join(content.LEVELS)}, not {level!r}")
    ev = pick_event(report, event)
    by_id = {a["id"]: a for a in report.articles}
    texts = report.texts
    arts = [by_id[aid] for aid in ev.articles if aid in by_id and aid in texts]
    if not arts:
        raise ClassroomError(f"event {ev.id} has no article texts in the report")

    # one article per outlet: an original before a near-copy, the longest, the first id
    per_outlet: dict[str, dict[str, Any]] = {}
    for a in sorted(arts, key=lambda a: (a.get("near_duplicate_of") is not None,
                                         -len(texts[a["id"]].get("body", "")), a["id"])):
        per_outlet.setdefault(outlet_label(a.get("outlet"), a.get("source"), a.get("source_id")), a)
    names = list(per_outlet)
    left_out: list[str] = []
    if len(names) > max_outlets:
        # keep originals first, then the outlets with the most loaded hits, then by name
        loaded_n = {o: sum(1 for h in report.hits if h["article"] == per_outlet[o]["id"] and h.get("loaded"))
                    for o in names}
        keep = sorted(names, key=lambda o: (per_outlet[o].get("near_duplicate_of") is not None,
                                            -loaded_n[o], o))[:max_outlets]
        left_out = sorted(set(names) - set(keep))
        names = keep
    order = _letter_order(ev, names)
    letter_of = dict(zip(order, letters(len(order))))
    label_of = {o: (f"Outlet {letter_of[o]}" if blind else o) for o in order}
    masker: Masker | None = build_masker(report.articles, texts, label_of) if blind else None

    budget = min(LEAD_WORDS, max(60, PAGE_WORDS // len(order)))
    hits_at: dict[tuple[int, str], list[dict[str, Any]]] = {}
    for h in report.hits:
        if h.get("loaded"):
            hits_at.setdefault((h["article"], h["field"]), []).append(h)

    outlets: list[OutletItem] = []
    visible_hits: dict[int, list[dict[str, Any]]] = {}
    masks_of: dict[tuple[int, str], list[Mask]] = {}
    id_to_label = {per_outlet[o]["id"]: label_of[o] for o in order}
    for o in order:
        art = per_outlet[o]
        aid = art["id"]
        title = texts[aid].get("title") or art.get("title") or ""
        body = texts[aid].get("body") or ""
        tmask = masker.masks(title) if masker else []
        bmask = masker.masks(body, opening=True) if masker else []
        masks_of[(aid, "title")], masks_of[(aid, "body")] = tmask, bmask
        th = [h for h in hits_at.get((aid, "title"), []) if _visible(h, tmask)]
        bh = [h for h in hits_at.get((aid, "body"), []) if _visible(h, bmask)]
        spans = _lead(title, body, budget)
        end = spans[-1][1]
        visible_hits[aid] = th + [h for h in bh if any(a <= h["start"] and h["end"] <= b for a, b in spans)]
        dup = art.get("near_duplicate_of")
        outlets.append(OutletItem(
            letter=letter_of[o], name=o, label=label_of[o], article=aid,
            title=_segments(title, 0, len(title), th, tmask),
            lead=[_segments(body, a, b, bh, bmask) for a, b in spans], lead_spans=spans,
            body=[_segments(body, a, b, bh, bmask) for a, b in _paragraphs(body, len(body))],
            lead_end=end, lead_words=sum(count_words(body[a:b]) for a, b in spans), cut=end < len(body.rstrip()),
            date=art.get("date"),
            byline=None if blind else art.get("byline"),
            url=None if blind else art.get("url"),
            copy_of=id_to_label.get(dup) if dup is not None else None,
        ))

    def shown(s: str) -> str:
        return masker.apply(s) if masker else s

    def span(aid: int, fld: str, a: int, b: int) -> SpanRef:
        return SpanRef(aid, fld, a, b, texts[aid][fld][a:b])

    def unmasked(aid: int, fld: str, a: int, b: int) -> bool:
        return not any(k.start < b and a < k.end for k in masks_of.get((aid, fld), []))

    # loaded words: every visible hit on the handout
    loaded_rows: dict[str, list[Answer]] = {}
    for it in outlets:
        rows = []
        for h in sorted(visible_hits[it.article], key=lambda h: (h["field"] != "title", h["start"])):
            voice = h.get("voice", "")
            if voice != "narration" and h.get("speaker"):
                voice = f"{voice} ({shown(h['speaker'])})"
            rows.append(Answer(outlet=it.label, text=h["text"], spans=[span(h["article"], h["field"], h["start"], h["end"])],
                               note=h.get("explanation") or "", neutral=h.get("neutral") or "",
                               category=h.get("category", ""), voice=voice))
        loaded_rows[it.label] = rows

    # naming: the forms of the main actors found in each outlet's handout text
    def forms_in(it: OutletItem, forms: list[str], all_forms: list[str]) -> list[Answer]:
        found: list[Answer] = []
        body = texts[it.article].get("body") or ""
        title = texts[it.article].get("title") or ""
        for form in sorted(set(forms), key=lambda f: (-len(f), f)):
            for fld, txt, end in (("title", title, len(title)), ("body", body, it.lead_end)):
                hit = next((h for h in _occurrences(txt, form, end, fold=fld == "title")
                            if it.shows(fld, *h) and unmasked(it.article, fld, *h)
                            and not _part_of_a_name(txt, fld, h, all_forms)
                            and not any(s.article == it.article and s.field == fld and s.start <= h[0] and h[1] <= s.end
                                        for a in found for s in a.spans)), None)
                if hit:
                    found.append(Answer(outlet=it.label, text=shown(txt[hit[0]:hit[1]]),
                                        spans=[span(it.article, fld, *hit)]))
                    break
        return found

    actor_scores = []
    for r in ev.naming:
        if not r.forms or (masker and masker.masks(r.actor)):
            continue
        row_forms = sorted({_bare(f.form) for f in r.forms if _bare(f.form)}, key=lambda f: (-len(f), f))
        per = {it.label: forms_in(it, [_bare(f.form) for f in r.forms if f.outlet == it.name], row_forms)
               for it in outlets}
        loaded_forms = {_bare(f.form).lower() for f in r.forms if f.loaded}
        for actor, sub in _split_actor(r.actor, row_forms, per, loaded_forms):
            if masker and masker.masks(actor):
                continue
            with_forms = [k for k, v in sub.items() if v]
            distinct = {a.text.lower() for v in sub.values() for a in v}
            loaded_form = bool(distinct & loaded_forms)
            actor_scores.append(((-int(loaded_form), -len(distinct), -len(with_forms)), actor, sub))
    actor_scores.sort(key=lambda x: (x[0], x[1]))
    usable = [(actor, per) for _, actor, per in actor_scores if sum(1 for v in per.values() if v) >= 2]

    # sources quoted in each lead: the detector's quotations when given, else
    # the quotations the report aligned across outlets
    sources: dict[str, list[Answer]] = {}
    found_quotes = quotations if quotations is not None else _aligned_quotations(ev, outlets, texts)
    for it in outlets:
        rows = []
        for q in sorted(found_quotes.get(it.article, []), key=lambda q: q.start):
            if getattr(q, "field", "body") != "body" or getattr(q, "kind", "quotation") != "quotation":
                continue
            if not q.speaker and count_words(texts[it.article]["body"][q.start:q.end]) < SOURCE_WORDS:
                continue  # a term in quotation marks ("enabling technology"), not somebody quoted
            if q.speaker and _key(q.speaker).removeprefix("the ") == _key(it.name).removeprefix("the "):
                continue  # "..., X tells The Daily": the outlet is whom it was said to, not a source
            if it.shows("body", q.start, q.end) and unmasked(it.article, "body", q.start, q.end):
                who = shown(q.speaker) if q.speaker else "unnamed speaker"
                rows.append(Answer(outlet=it.label, text=who, spans=[span(it.article, "body", q.start, q.end)]))
        sources[it.label] = rows

    # facts: a detail other leads give and an outlet's whole article leaves out
    missing: dict[str, list[Answer]] = {it.label: [] for it in outlets}
    fact_choices: list[tuple[tuple[int, int, str], str, Answer]] = []
    kinds = {"person": 0, "amount": 0, "number": 1, "place": 1, "entity": 2, "organisation": 2, "date": 3}
    # each article's words, read once for all the event's facts
    article_words = {it.article: _words((texts[it.article].get("title") or "") + " "
                                        + (texts[it.article].get("body") or "")) for it in outlets}
    for f in ev.facts:
        if f.kind not in kinds or (masker and masker.masks(f.text)):
            continue
        # absent only where the article lacks one of the fact's words: "Google
        # Stadia" is not left out by an article that writes "Google's Stadia"
        absent = [it for it in outlets if it.name in f.absent and not _words(f.text) <= article_words[it.article]]
        evidence = []
        for it in outlets:
            if it.name not in f.present:
                continue
            body = texts[it.article].get("body") or ""
            hit = it.find("body", body, f.text)
            if hit and unmasked(it.article, "body", *hit):
                evidence.append(span(it.article, "body", *hit))
        if not absent or len(evidence) < 2:
            continue
        for it in absent:
            ans = Answer(outlet=it.label, text=f.text, spans=evidence,
                         note=f"Given by {', '.join(id_to_label[s.article] for s in evidence)}; "
                              f"not in {it.label}'s whole article.")
            if len(missing[it.label]) < 3:
                missing[it.label].append(ans)
            fact_choices.append(((-len(evidence), kinds[f.kind], f.text), it.label, ans))

    main_actors = usable[:2]
    table = []
    for it in outlets:
        naming_answers = []
        for actor, per in main_actors:
            naming_answers += [replace(a, note=f"for {actor}") for a in per[it.label]]
        table.append(TableRow(outlet=it.label, headline=_plain(it.title), loaded=loaded_rows[it.label],
                              naming=naming_answers, sources=sources[it.label], missing=missing[it.label]))

    # --- the tasks ----------------------------------------------------------------
    words = content.TASK_TEXT
    tasks: list[Task] = []
    lines = content.ANSWER_LINES[level]
    all_loaded = [a for it in outlets for a in loaded_rows[it.label]]
    if all_loaded:
        n = min(content.LOADED_TO_FIND[level], len(all_loaded))
        tasks.append(Task(id="loaded", kind="loaded", title=words["loaded"]["title"],
                          prompt=(words["loaded"] if n > 1 else content.LOADED_ONE)[level].format(n=n), answers=all_loaded, lines=max(lines, n)))
    # the naming task needs outlets that name the actor differently: "each
    # outlet writes Mars" gives students nothing to compare
    if usable and len({a.text.lower() for v in usable[0][1].values() for a in v}) >= 2:
        actor, per = usable[0]
        answers = [a for it in outlets for a in per[it.label]]
        tasks.append(Task(id="naming", kind="naming", title=words["naming"]["title"],
                          prompt=words["naming"][level].format(actor=shown(actor)), answers=answers,
                          lines=lines))
    # rewrite: the most probable flag in each outlet's own narration, with a neutral alternative
    rewrite: list[Answer] = []
    choices: list[tuple[str, str]] = []
    for it in outlets:
        cands = [h for h in visible_hits[it.article] if h.get("voice") == "narration" and h.get("neutral")]
        if not cands:
            continue
        h = max(cands, key=lambda h: (h.get("probability", 0), -h["start"]))
        txt = texts[it.article][h["field"]]
        if h["field"] == "title":
            a, b = 0, len(txt)
        else:
            a, b = next(((x, y) for x, y in sentence_spans(txt) if x <= h["start"] and h["end"] <= y),
                        (h["start"], h["end"]))
        sentence = shown(txt[a:b]).strip()
        choices.append((it.label, sentence))
        rewrite.append(Answer(outlet=it.label, text=sentence, spans=[span(it.article, h["field"], h["start"], h["end"]),
                                                                     span(it.article, h["field"], a, b)],
                              note=h.get("explanation") or "", neutral=h["neutral"], category=h.get("category", "")))
    if rewrite:
        tasks.append(Task(id="rewrite", kind="rewrite", title=words["rewrite"]["title"],
                          prompt=(words["rewrite"] if len(rewrite) > 1 else content.REWRITE_ONE)[level], answers=rewrite, choices=choices, lines=lines,
                          hint="The lexicon's neutral alternative is a hint, not the only answer."))
    # the altered quotation
    quote_task = _quote_task(ev, outlets, texts, level, lines, span, unmasked, shown)
    if quote_task:
        tasks.append(quote_task)
    if fact_choices:
        fact_choices.sort(key=lambda c: c[0])
        _, absent_label, ans = fact_choices[0]
        tasks.append(Task(id="missing", kind="missing", title=words["missing"]["title"],
                          prompt=words["missing"][level].format(absent=absent_label), answers=[ans], lines=lines,
                          hint="A fact left out is not proof of intent."))

    label_map = {o: label_of[o] for o in order}
    event_label = _label(ev.label, masker)
    chart_ev = replace(ev, naming=_chart_naming(ev, {o: per_outlet[o]["id"] for o in order}, texts))
    chart_event = _relabelled(chart_ev, label_map, shown, keep=set(order), label=event_label) if blind else chart_ev
    cats = sorted({h.get("category", "") for it in outlets for h in visible_hits[it.article]})
    return Materials(
        event_id=ev.id, event_label=event_label, dates=_dates(ev), level=level, blind=blind,
        outlets=outlets, table=table, tasks=tasks, categories=cats, chart_event=chart_event,
        letter_key=[(label_of[o], o) for o in order], left_out=left_out,
    )


#: Rows (forms) of the naming slide, and rows times the tallest label's
#: lines: more do not fit a slide legibly.
CHART_FORMS = 12
CHART_LINES = 18


def _chart_naming(ev: Event, article_of: Mapping[str, int], texts: Mapping[int, Mapping[str, str]]) -> list[NamingRow]:
    """The event's naming rows for the slide: each form counted where it
    stands as a whole name in the outlet's article (title and body), forms
    that never do ("Blue" of "Blue Origin") and rows' headline runs left out,
    rows joining two actors split (see :func:`_split_actor`); loaded labels
    first, then the actors most outlets name, up to :data:`CHART_FORMS` forms."""
    rows: list[NamingRow] = []
    for r in ev.naming:
        row_forms = sorted({_bare(f.form) for f in r.forms if _bare(f.form)}, key=lambda f: (-len(f), f))
        per: dict[str, list[Answer]] = {}
        counted: dict[tuple[str, str], list[NamingForm]] = {}
        for f in r.forms:
            aid, form = article_of.get(f.outlet), _bare(f.form)
            if aid is None or not form:
                continue
            n = 0
            for fld in ("title", "body"):
                txt = texts[aid].get(fld) or ""
                n += sum(1 for h in _occurrences(txt, form, len(txt), fold=fld == "title")
                         if not _part_of_a_name(txt, fld, h, row_forms))
            if n:
                if (f.outlet, form) not in counted:
                    per.setdefault(f.outlet, []).append(Answer(outlet=f.outlet, text=form, spans=[]))
                counted.setdefault((f.outlet, form), []).append(replace(f, count=min(f.count, n) or n))
        loaded = {_bare(f.form).lower() for f in r.forms if f.loaded}
        for actor, sub in _split_actor(r.actor, row_forms, per, loaded):
            forms = [nf for o, v in sub.items() for a in v for nf in counted[(o, a.text)]]
            if forms:
                rows.append(NamingRow(actor=actor, forms=forms))
    rows.sort(key=lambda r: (not any(f.loaded or f.scare_quoted for f in r.forms),
                             -len({f.outlet for f in r.forms}), -sum(f.count for f in r.forms), r.actor))
    out: list[NamingRow] = []
    n, tallest = 0, 1
    for r in rows:
        k = len({(f.form, f.scare_quoted) for f in r.forms})
        # the chart writes "actor: form" wrapped (actor at 16, form at 40
        # characters) on rows of equal height: long labels need fewer rows
        high = max(len(textwrap.wrap(r.actor, 16) or [""]) + len(textwrap.wrap(f.form, 40) or [""]) - 1
                   for f in r.forms)
        if out and (n + k > CHART_FORMS or (n + k) * max(tallest, high) > CHART_LINES):
            break
        out.append(r)
        n, tallest = n + k, max(tallest, high)
    return out


def _label(label: str, masker: Masker | None) -> str:
    """The event's label; in blind mode without the parts that would need masking."""
    if masker is None:
        return label
    parts = [p for p in label.split(" · ") if not masker.masks(p)]
    return " · ".join(parts) or "the event"


def _dates(ev: Event) -> str:
    if ev.first_date and ev.last_date and ev.first_date != ev.last_date:
        return f"{ev.first_date} to {ev.last_date}"
    return ev.first_date or ev.last_date or ""


@dataclass(frozen=True)
class _Quoted:
    start: int
    end: int
    speaker: str | None


def _aligned_quotations(ev: Event, outlets: list[OutletItem],
                        texts: Mapping[int, Mapping[str, str]]) -> dict[int, list[_Quoted]]:
    """Where each outlet's body carries a quotation the report aligned (its
    inner words, as the report gives them), with the report's speaker."""
    by_name = {it.name: it for it in outlets}
    out: dict[int, list[_Quoted]] = {}
    for q in ev.quotes:
        for v in q.versions:
            it = by_name.get(v.outlet)
            if it is None or v.article != it.article:
                continue
            hit = _find(_norm_quotes(texts[it.article].get("body") or ""), _norm_quotes(v.text))
            if hit:
                out.setdefault(it.article, []).append(_Quoted(hit[0], hit[1], q.speaker))
    return out


def _quote_task(ev: Event, outlets: list[OutletItem], texts: dict[int, dict[str, str]], level: str, lines: int,
                span: Any, unmasked: Any, shown: Any) -> Task | None:
    by_name = {it.name: it for it in outlets}
    best = None
    for q in ev.quotes:
        located = []
        for v in q.versions:
            it = by_name.get(v.outlet)
            if it is None or v.article != it.article:
                continue
            body = texts[it.article].get("body") or ""
            hit = it.find("body", _norm_quotes(body), _norm_quotes(v.text))
            if hit and unmasked(it.article, "body", *hit):
                located.append((v, it, hit))
        changed = [x for x in located if x[0].relation in ("altered", "truncated")]
        same = [x for x in located if x[0].relation == "exact"]
        if not changed or not same:
            continue
        score = (sum(1 for x in changed if x[0].relation == "altered"), len(located))
        if best is None or score > best[0]:
            best = (score, q, changed, same)
    if best is None:
        return None
    _, q, changed, same = best
    words = [w for w in q.reference.text.split()][:5]
    opening = shown(" ".join(words)).strip("“”\"'‘’ ,.")
    answers = []
    ref_v, ref_it, ref_hit = same[0]
    for v, it, hit in sorted(changed, key=lambda x: (x[0].relation != "altered", x[1].label)):
        parts = []
        if v.inserted:
            parts.append("added: " + ", ".join(f"“{w}”" for w in v.inserted))
        if v.deleted:
            parts.append("left out: " + ", ".join(f"“{w}”" for w in v.deleted))
        answers.append(Answer(outlet=it.label, text=shown(v.text),
                              spans=[span(it.article, "body", *hit), span(ref_it.article, "body", *ref_hit)],
                              note=f"{v.relation}; " + "; ".join(parts) + f" (compare {ref_it.label})",
                              category=v.relation))
    return Task(id="quote", kind="quote", title=content.TASK_TEXT["quote"]["title"],
                prompt=content.TASK_TEXT["quote"][level].format(opening=opening), answers=answers, lines=lines,
                hint="A difference can come from translation or an earlier version, not only from editing.")


def _relabelled(ev: Event, labels: dict[str, str], shown: Any, keep: set[str], label: str) -> Event:
    """The event as the charts should show it in blind mode: outlets relabelled,
    outlets not on the handout dropped, every name and term masked."""
    def lab(o: str) -> str:
        return labels.get(o, o)

    density = [replace(r, outlet=lab(r.outlet)) for r in ev.density if r.outlet in keep]
    naming = [replace(r, actor=shown(r.actor),
                      forms=[replace(f, outlet=lab(f.outlet), form=shown(f.form)) for f in r.forms if f.outlet in keep])
              for r in ev.naming]
    distinctive = [replace(r, outlet=lab(r.outlet), terms=[t for t in r.terms if shown(t.term) == t.term])
                   for r in ev.distinctive if r.outlet in keep]
    order = sorted(labels.values())
    density.sort(key=lambda r: order.index(r.outlet) if r.outlet in order else len(order))
    distinctive.sort(key=lambda r: order.index(r.outlet) if r.outlet in order else len(order))
    return replace(ev, label=label, outlets=sorted(lab(o) for o in ev.outlets if o in keep),
                   density=density, naming=naming, distinctive=distinctive, quotes=[], facts=[])
