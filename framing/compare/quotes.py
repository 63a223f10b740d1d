"""The same quotation across outlets: how each outlet rendered it.

Direct quotations (with their speakers) come from each article's analysis
(:attr:`framing.models.Analysis.quotations`): nothing here parses quotation marks. Two quotations from different
articles are the same one when their folded texts (lower case, no
punctuation or quotation marks) match closely (rapidfuzz ``partial_ratio``
for a shortened quotation, ``ratio`` otherwise) and share enough words.
Groups that at least two outlets carry are reported.

The **reference** is the folded wording most outlets share (ties: the
longest, then the earliest article). Each version is then

* ``exact`` — the same words;
* ``truncated`` — the reference's words with some cut: at either end, or where
  an ellipsis ("...", "…") in either text says words were left out (two
  outlets quoting overlapping parts of one statement are truncated too);
* ``extended`` — the reference whole, with more of the quotation around it (a
  slogan that another outlet quotes inside the longer statement it ends);
* ``altered`` — mostly the same words with some inserted, deleted or changed
  *inside* the span both quote (not only cut at its ends or at an ellipsis);
* ``paraphrase`` — the same quotation, but few words in common.

What a style guide changes is not a change of the speaker's words: the words
are compared after editorial brackets are dropped ("President Xi [Jinping]"),
"&" is read as "and", dotted initials as the letters ("U.S." is "US"), and a
date as its month and day ("Aug. 31" and "August the 31st" are "august 31").

``inserted`` are the version's words not in the reference, ``deleted`` the
reference's words the version lacks (difflib over those words), in text order.
A near-duplicate copy's version is listed, but its outlet does not count
towards choosing the reference, so a copied quote is not a second outlet agreeing.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from rapidfuzz import fuzz

from ..models import Analysis, Article
from ..text import MONTHS, fold
from .model import QuoteRef, QuoteRow, QuoteVersion

#: Quotations shorter than this (in words) are not aligned.
MIN_WORDS = 4
#: Fuzzy score (0–100) above which two quotations are the same one.
SAME = 80.0
#: Share of the reference's word sequence a version must keep to be ``altered``
#: rather than a ``paraphrase``.
ALTERED = 0.6
#: Letters of a word that find candidate pairs ("planner" and "planners" share "plann").
STEM = 5


#: Stands for an ellipsis among a quotation's words (:func:`quote_words`);
#: folding drops every other punctuation mark, so no word is this.
ELLIPSIS = "\u2026"
_ELLIPSIS_RE = re.compile(r"\.\s?\.\s?\.|\u2026")
_BRACKETS = re.compile(r"\[[^\[\]]*\]")
_INITIALS = re.compile(r"\b(?:[A-Za-z]\.){2,}")
_MONTH_WORDS = {**{m: m for m in MONTHS}, **{m[:3]: m for m in MONTHS}, "sept": "september"}
_ORDINAL = re.compile(r"(\d+)(?:st|nd|rd|th)")


def quote_words(text: str) -> list[str]:
    """A quotation's words for comparison: folded, with what a style guide
    adds or respells read alike (brackets dropped, "&" as "and", "U.S." as
    "us", "Aug. 31" and "August the 31st" as "august 31"), and
    :data:`ELLIPSIS` where the text marks words left out."""
    text = _BRACKETS.sub(" ", text).replace("&", " and ")
    text = _INITIALS.sub(lambda m: m.group().replace(".", "") + " ", text)
    out: list[str] = []
    for k, part in enumerate(_ELLIPSIS_RE.split(text)):
        if k:
            out.append(ELLIPSIS)
        out += fold(part).split()
    for i, w in enumerate(out):
        d = _ORDINAL.fullmatch(w)
        if d and (i and out[i - 1] in ("the", *_MONTH_WORDS.values()) or i + 1 < len(out) and out[i + 1] == "of"):
            out[i] = w = d.group(1)  # "the 31st", "August 31st", "31st of August"
        if w in _MONTH_WORDS and i + 1 < len(out) and (out[i + 1].isdigit() or out[i + 1] == "the"):
            out[i] = _MONTH_WORDS[w]  # "Aug. 31": the month's name (not "may" the verb)
    # "August the 31" is "August 31"
    return [w for i, w in enumerate(out)
            if not (w == "the" and 0 < i < len(out) - 1 and out[i - 1] in MONTHS and out[i + 1].isdigit())]


@dataclass
class _Q:
    article: int
    outlet: str
    text: str  # as written, inside the marks
    words: list[str]  # quote_words(text)
    folded: str  # its words without the ellipsis marks
    speaker: str | None
    order: int


def _same(a: str, b: str) -> bool:
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if len(short.split()) >= MIN_WORDS and fuzz.partial_ratio(short, long_) >= SAME + 10:
        return True
    return fuzz.ratio(a, b) >= SAME or fuzz.token_set_ratio(a, b) >= SAME + 5


def _candidate_pairs(qs: list[_Q]) -> list[tuple[int, int]]:
    """The pairs of quotations worth a fuzzy comparison, without trying every
    pair (an archive's event has thousands of quotations): those sharing one
    of the rarer half of either's words (prefix filtering: a quotation that
    keeps at least half of another's words shares one of its rarest half).
    Words are cut to their first :data:`STEM` letters, so "planner" meets
    "planners". Every quotation's words are indexed; each probes with its rarer half."""
    words = [sorted({w[:STEM] for w in q.folded.split()}) for q in qs]
    df = Counter(w for ws in words for w in ws)
    posting: dict[str, list[int]] = {}
    for i, ws in enumerate(words):
        for w in ws:
            posting.setdefault(w, []).append(i)
    pairs: set[tuple[int, int]] = set()
    for i, ws in enumerate(words):
        rare = sorted(ws, key=lambda w: (df[w], w))[:len(ws) // 2 + 1]
        for w in rare:
            pairs.update((min(i, j), max(i, j)) for j in posting[w] if j != i)
    return sorted(pairs)


def relation(version: list[str], reference: list[str]) -> tuple[str, list[str], list[str]]:
    """``(relation, inserted, deleted)`` of a version's words against the
    reference's (:func:`quote_words`; :data:`ELLIPSIS` marks words left out).

    Only a change inside the span both quote makes a version ``altered``:
    words one side has and the other lacks at either end (the outlet cut the
    quotation or quoted more of it), or next to an ellipsis in either, are a cut."""
    if version == reference:
        return "exact", [], []
    sm = difflib.SequenceMatcher(a=reference, b=version, autojunk=False)
    inserted: list[str] = []
    deleted: list[str] = []
    inside = False  # a change the ends and ellipses do not explain
    cut_ins = cut_del = False
    ops = sm.get_opcodes()
    for k, (tag, i1, i2, j1, j2) in enumerate(ops):
        if tag == "equal":
            continue
        deleted.extend(w for w in reference[i1:i2] if w != ELLIPSIS)
        inserted.extend(w for w in version[j1:j2] if w != ELLIPSIS)
        at_end = (k == 0 or k == len(ops) - 1) and tag in ("insert", "delete")
        elided = ELLIPSIS in reference[max(i1 - 1, 0):i2 + 1] or ELLIPSIS in version[max(j1 - 1, 0):j2 + 1]
        if at_end or elided:
            cut_ins |= j2 > j1
            cut_del |= i2 > i1
        else:
            inside = True
    if not inside:
        if not inserted and not deleted:
            return "exact", [], []
        return ("extended" if not cut_del else "truncated"), inserted, deleted
    kept = sum(b.size for b in sm.get_matching_blocks() if b.size and reference[b.a] != ELLIPSIS)
    n = sum(1 for w in version if w != ELLIPSIS)
    m = sum(1 for w in reference if w != ELLIPSIS)
    if kept >= ALTERED * min(m, n) and kept >= ALTERED * n:
        return "altered", inserted, deleted
    return "paraphrase", inserted, deleted


def align_quotes(
    articles: Iterable[Article],
    analyses: Mapping[int, Analysis],
    *,
    copies: Mapping[int, int] | None = None,
) -> list[QuoteRow]:
    """Quotations carried by two or more outlets, each with every outlet's
    version: the body quotations of each article's analysis, with their speakers."""
    copies = copies or {}
    arts = sorted(articles, key=lambda a: (a.date or "9999", a.id or 0))
    if len({a.outlet_name for a in arts}) < 2:
        return []  # one outlet carries nothing "two or more outlets" carry
    qs: list[_Q] = []
    for a in arts:
        analysis = analyses.get(a.id) if a.id is not None else None
        if analysis is None:
            continue
        for q in analysis.quotations_in("body"):
            quoted = a.body[q.inner_start:q.inner_end]
            ws = quote_words(quoted)
            f = " ".join(w for w in ws if w != ELLIPSIS)
            if len(f.split()) < MIN_WORDS:
                continue
            qs.append(_Q(int(a.id or 0), a.outlet_name, quoted.strip(), ws, f, q.speaker, len(qs)))

    # union-find over quotations from different articles that match
    parent = list(range(len(qs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in _candidate_pairs(qs):
        if qs[i].article != qs[j].article and _same(qs[i].folded, qs[j].folded):
            ri, rj = find(i), find(j)
            if ri != rj:
                parent[max(ri, rj)] = min(ri, rj)
    groups: dict[int, list[_Q]] = {}
    for i, q in enumerate(qs):
        groups.setdefault(find(i), []).append(q)

    rows = []
    for members in groups.values():
        if len({q.outlet for q in members}) < 2:
            continue
        # one version per article: its longest matching quotation
        per_article: dict[int, _Q] = {}
        for q in members:
            cur = per_article.get(q.article)
            if cur is None or len(q.folded) > len(cur.folded):
                per_article[q.article] = q
        versions = sorted(per_article.values(), key=lambda q: q.order)
        outlets_by_text: dict[str, set[str]] = {}
        voices: dict[str, set[str]] = {}
        for q in versions:
            outlets_by_text.setdefault(q.folded, set()).add(q.outlet)
            voices.setdefault(q.folded, set())
            if q.article not in copies:
                voices[q.folded].add(q.outlet)
        ref_folded = sorted(
            outlets_by_text,
            key=lambda t: (-len(voices[t]), -len(outlets_by_text[t]), -len(t.split()),
                           min(q.order for q in versions if q.folded == t)),
        )[0]
        ref_q = next(q for q in versions if q.folded == ref_folded)
        out_versions = []
        for q in versions:
            rel, ins, dele = relation(q.words, ref_q.words)
            out_versions.append(QuoteVersion(
                outlet=q.outlet, article=q.article, text=q.text, relation=rel,
                inserted=ins, deleted=dele,
            ))
        out_versions.sort(key=lambda v: (v.outlet, v.article))
        speakers = Counter(q.speaker for q in versions if q.speaker)
        speaker = sorted(speakers.items(), key=lambda x: (-x[1], x[0]))[0][0] if speakers else None
        rows.append(QuoteRow(
            speaker=speaker,
            reference=QuoteRef(text=ref_q.text, outlets=sorted(outlets_by_text[ref_folded])),
            versions=out_versions,
        ))
    rows.sort(key=lambda r: (-len(r.versions), r.speaker or "", r.reference.text))
    return rows
