"""Facts included and omitted: the checkable units of a story and which
outlets in an event carry each.

Kinds:

* ``amount`` — money with its currency and scale ("$1.1 billion"; "$1.1 billion
  dollar" is the same amount), and percentages;
* ``number`` — a number with the noun it counts ("160 people", "30 years",
  "three decades");
* ``date`` — a day and month ("November 7"), or a year;
* ``source`` — who an outlet cites ("told Axios", "according to Reuters",
  "Reuters reported");
* ``entity`` — people, places and organisations: runs of capitalised words
  ("Saudi Arabia", "Kassym-Jomart Tokayev"), possessive dropped; demonyms,
  religions and group words ("Israeli", "Muslim", "Arab", "Central Asian")
  are not checkable details and are left out, and so is a dateline ("TEHRAN
  (Tasnim) –": where the story was filed and the agency's credit). A place
  and a part of it named by a feature word ("Gaza" and "Gaza Strip",
  ``place_features.txt``) are one fact.

Two mentions are the same fact only when their normalised keys are equal: the
number and its scale and unit ("$1.1 billion" is not "$1.4 billion"), the
polarity (a negated mention, "not 160 people", is another fact) and, for
amounts and numbers inside a direct quotation, the speaker. A name that an
article cites as a source is listed as a source, not also as an entity; a
single-word entity that is part of a longer one in the same article ("Tokayev"
in "Kassym-Jomart Tokayev") is folded into the longer one.

Outlets are grouped per fact as ``all`` (every outlet in the event), ``most``
(more than half), ``some`` or ``one``. A near-duplicate copy counts for its
outlet (that outlet did publish the fact); the report's ``near_duplicate_of``
shows where two outlets carry one text.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..models import Analysis, Article
from ..text import MONTHS, NUMBER_WORDS, STOP_WORDS, WEEKDAYS, fold, normalize, wordlist
from ..text.wordlists import TITLE_ABBREVIATIONS
from ..text.dictionary import dictionary_word, identity_words, is_adjective, is_noun
from ._text import _ELIDED_NAME, dateline_end, name_sequences, negated_before, stem_groups, strip_possessive, text_words
from .actors import (AFFILIATION, CREDIT_WORDS, INSTITUTION_ENDS, OF_HEADS, ORG_WORDS, PARTY_MEMBERS, TITLES, gazetteer,
                     is_demonym_or_group_word, parse, shouted_word, state_after_city)
from .model import FactRow, NamingRow

SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "m": 1e6, "k": 1e3}
CURRENCIES = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"}
MONTH_ABBR = {m[:3]: i for m, i in MONTHS.items()}
#: Words that are not the unit a number counts.
NOT_UNITS = wordlist("not_units")
#: Multiplying a unit into its base: decades are ten years.
UNIT_FACTORS = {"decade": ("year", 10), "decades": ("year", 10), "century": ("year", 100)}

_NUM = r"\d+(?:[.,]\d+)*"
MONEY_RE = re.compile(
    rf"(?P<cur>[$€£¥])\s?(?P<num>{_NUM})(?:\s?(?P<scale>thousand|million|billion|trillion|bn|m|k)\b)?"
    r"(?:\s+(?:US\s+)?(?:dollars?|euros?|pounds?))?",
    re.IGNORECASE,
)
MONEY_WORD_RE = re.compile(
    rf"\b(?P<num>{_NUM})(?:\s?(?P<scale>thousand|million|billion|trillion|bn)\b)?\s+(?P<cur>(?:US\s+)?dollars?|euros?|pounds?)\b",
    re.IGNORECASE,
)
PERCENT_RE = re.compile(rf"\b(?P<num>{_NUM})\s?(?:%|per\s?cent\b|percent\b)", re.IGNORECASE)
#: Each pattern below opens with a look-ahead at the characters its match can
#: start with (implied by the pattern: the same matches), so that the engine
#: leaves every other position at once instead of trying each alternative.
_NUMBER_FIRST = "".join(sorted({w[0] for w in NUMBER_WORDS}))
NUMBER_RE = re.compile(
    rf"(?<![\w+\-.,/])(?=[\d{_NUMBER_FIRST}])"
    rf"(?P<num>{_NUM}|{'|'.join(sorted(NUMBER_WORDS, key=len, reverse=True))})"
    r"(?:\s(?P<scale>thousand|million|billion|hundred))?"
    r"(?:[\s-](?P<unit>[A-Za-z][a-z]+(?:-[a-z]+)?))",
    re.IGNORECASE,
)
DATE_RE = re.compile(
    r"\b(?=[JFMASOND\d])(?:(?P<m1>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<y1>\d{4}))?"
    r"|(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m2>January|February|March|April|May|June|July|August|September|October|November|December)(?:,?\s+(?P<y2>\d{4}))?)\b"
)
_MONTH_NAMES = "January|February|March|April|May|June|July|August|September|October|November|December"
#: A period of months written as one hyphenated word ("the April-to-June quarter", "July-September").
MONTH_RANGE_RE = re.compile(rf"\b(?=[JFMASOND])(?P<a>{_MONTH_NAMES})(?:-(?:to|through|thru)-|[-\u2013])"
                            rf"(?P<b>{_MONTH_NAMES})\b")
YEAR_RE = re.compile(r"\b(?=[isbufo])(?:in|since|by|until|from|of)\s+(?P<y>(?:19|20)\d{2})\b")
#: A year after a month ("in November 2019"): the year is a fact too.
MONTH_YEAR_RE = re.compile(rf"\b(?=[JFMASOND])(?:{_MONTH_NAMES})\s+(?P<y>(?:19|20)\d{{2}})\b")
_NAME = r"(?:the\s+)?(?P<src>[A-Z][\w&\-']*(?:\s+(?:[A-Z][\w&\-']*|of|for|and))*)"
_VERB_AFTER_NAME = r"(?:reported|reports|quoted|cited)\b"
_NAME_CHAR = re.compile(r"[\w&\-']")
_CAPITALISED = re.compile(r"[A-Z][\w&\-']*")


class _NameBeforeVerb:
    """``{_NAME}\\s+(?:reported|reports|quoted|cited)\\b``, with the matches
    ``re.finditer`` gives, in time linear in the text.

    Searched as one pattern, the name is tried from every position of a run of
    capitalised words and each try scans to the run's end: quadratic (a
    16,000-word run of names took minutes). Here each verb is found first and
    the name is read backwards from it, word by word; the walks of two verbs
    never overlap (a verb is not a name word), so every character is looked at
    a bounded number of times. The match itself is then taken from the name's
    first word, where the pattern runs straight to the verb.
    """

    _verb = re.compile(rf"(?<=\s){_VERB_AFTER_NAME}")
    _full = re.compile(rf"{_NAME}\s+{_VERB_AFTER_NAME}")

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        floor = 0  # matches do not overlap: the next starts after the last one's end
        for verb in self._verb.finditer(text):
            start = _name_start(text, verb.start(), floor)
            if start is None:
                continue
            m = self._full.match(text, start)
            if m is not None and m.end() == verb.end():
                floor = m.end()
                yield m


def _name_start(text: str, end: int, floor: int) -> int | None:
    """Where the leftmost name that runs up to ``end`` (a verb, after spaces) starts.

    Walks back over whitespace-separated words while they are capitalised
    words or "of", "for", "and"; the earliest capitalised one is the start. A
    word with other characters ends the walk, but a capitalised tail of it
    ("(Reuters") may still start the name, as it does for the pattern."""
    start = None
    j = end
    while True:
        k = j
        while k > floor and text[k - 1].isspace():
            k -= 1
        if k == j and j != end:  # no space before this word: nothing more can join
            return start
        if k == floor:
            return start
        j = k
        while k > floor and not text[k - 1].isspace():
            k -= 1
        word = text[k:j]
        if word in ("of", "for", "and"):
            pass
        elif _CAPITALISED.fullmatch(word):
            start = k
        else:
            tail = j
            while tail > k and _NAME_CHAR.match(text[tail - 1]):
                tail -= 1
            for i in range(tail, j):
                if "A" <= text[i] <= "Z":
                    return i
            return start
        j = k


SOURCE_RES = [
    re.compile(rf"\btold\s+{_NAME}"),
    re.compile(rf"\baccording\s+to\s+{_NAME}"),
    re.compile(rf"\b(?:reported|cited|quoted)\s+by\s+{_NAME}"),
    _NameBeforeVerb(),  # "Reuters reported", matched from the verb back: linear time
    re.compile(rf"\bin\s+an?\s+(?:interview|statement)\s+(?:with|to)\s+{_NAME}"),
]

#: For each pattern, words one of which every match contains: a text with none
#: of them (most texts, for most patterns) is not searched. A substring test
#: is one C search; a pattern is tried at every position of the text. The
#: case-blind patterns' words are looked for in the lower-cased text (under
#: ``re.IGNORECASE`` a letter of them matches only characters that lower-case
#: to it: tests/test_compare_fastpaths.py checks every code point).
_NEEDS: dict[object, tuple[tuple[str, ...], bool]] = {
    MONEY_WORD_RE: (("dollar", "euro", "pound"), True),
    PERCENT_RE: (("%", "cent"), True),
    DATE_RE: (tuple(m[:3].capitalize() for m in
                    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")), False),
    YEAR_RE: (("19", "20"), False),
    MONTH_YEAR_RE: (("19", "20"), False),
    MONTH_RANGE_RE: (tuple(m.capitalize() for m in ("january", "february", "march", "april", "may", "june", "july",
                                                      "august", "september", "october", "november", "december")), False),
    SOURCE_RES[0]: (("told",), False),
    SOURCE_RES[1]: (("according",), False),
    SOURCE_RES[2]: (("reported", "cited", "quoted"), False),
    SOURCE_RES[3]: (("report", "quoted", "cited"), False),
    SOURCE_RES[4]: (("interview", "statement"), False),
}


def _finditer(rx, text: str, low: str) -> Iterator[re.Match[str]]:
    """``rx.finditer(text)``, or nothing at once when ``text`` (``low``: the
    same lower-cased) has none of the words every match of ``rx`` contains."""
    needs = _NEEDS.get(rx)
    if needs is None:
        return rx.finditer(text)
    where = low if needs[1] else text
    for w in needs[0]:  # a loop, not any() of a generator: this runs for every pattern and text
        if w in where:
            return rx.finditer(text)
    return iter(())


@dataclass(frozen=True)
class Mention:
    """One fact mention in one article: ``key`` decides what matches."""

    kind: str
    key: tuple
    text: str
    start: int
    #: written as an approximation ("almost $139 million", "about 1,500 people")
    approx: bool = False


#: Words before a figure that make it an approximation.
_APPROX = re.compile(r"(?:\b(?:almost|nearly|about|around|roughly|approximately|some|close to|just over|just under)"
                     r"|~)\s*$", re.IGNORECASE)
#: How far apart (share of the larger) an approximate figure and another may be
#: and still be one fact: "almost $139 million" and "$138 million".
APPROX_SHARE = 0.02


def _num(s: str) -> float | None:
    s = s.lower()
    if s in NUMBER_WORDS:
        return float(NUMBER_WORDS[s])
    # "1,000" thousands separator vs "1,5" decimal comma: treat a comma followed by 3 digits as thousands
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", s):
        s = s.replace(",", "")
    else:
        s = s.replace(",", ".")
    try:
        return float(s)
    except ValueError:
        return None


def _fmt(x: float) -> str:
    return f"{x:.6g}" if x != int(x) else str(int(x))


def _show(x: float) -> str:
    """A number as a reader writes it: 1,200 and 1.1."""
    return f"{int(x):,}" if x == int(x) else f"{x:,.6g}"


#: Plurals not made with -s, and their singulars.
IRREGULAR_PLURALS = {"men": "man", "women": "woman", "children": "child", "feet": "foot", "teeth": "tooth",
                     "mice": "mouse", "geese": "goose", "people": "people", "police": "police", "staff": "staff"}
_IRREGULAR_SINGULARS = {v: k for k, v in IRREGULAR_PLURALS.items()}


def _unit(word: str) -> str:
    w = word.lower()
    if w in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[w]
    if w.endswith("women") or w.endswith("men") and (is_noun(w[:-3] + "man") or _compound_head(w[:-3])):
        return w[:-3] + "man"  # gunmen, congressmen, congresswomen (not specimens or omens)
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        return w[:-1]
    return w


def _compound_head(word: str) -> bool:
    """Could ``word`` open a compound in -man ("congress" of "congressmen")?"""
    return len(word) >= 3 and dictionary_word(word)


#: Closed-class words that stand between a number and the noun it counts
#: ("two other settlements", "3 more days").
_BEFORE_NOUN = frozenset({"other", "more", "fewer"})
#: The word after a number's first word ("3 confirmed cases").
_NEXT_WORD = re.compile(r"[ -]([A-Za-z][a-z]+(?:-[a-z]+)?)")


def _counted(text: str, word: str, end: int, *, many: bool = False) -> tuple[str, int] | None:
    """The noun a number counts and where it ends, given the ``word`` after
    it (which ends at ``end``), or None when it counts nothing: a closed-class word ("Section
    230 has", "the 3 who"), a verb ("3 were killed"). An adjective or
    participle before a noun gives the noun ("3 confirmed cases", "2 major
    parties"), and so does a name ("52 Senate seats"), but not a plural one
    ("19 Republicans joining": a modifier is singular); a word the dictionary
    does not know ("year-olds", a name) stays, as before."""
    low = word.lower()
    if low in NOT_UNITS and low not in _BEFORE_NOUN:
        return None
    if word[:1].isupper() and _unit(low) != low and (is_noun(_unit(low)) or not dictionary_word(low)):
        return word, end  # a capitalised plural is what is counted ("19 Republicans joined"), not a modifier
    noun, adjective = is_noun(low), is_adjective(low)
    # a capitalised word before a noun names what is counted ("52 Senate seats", "2 Trump aides"),
    # and so does a singular noun after a number above one ("3 key states", "5 percentage points")
    nxt = _noun_after(text, end)
    modifier = (many and nxt is not None and _unit(low) == low and low not in UNIT_FACTORS and low != "dozen"
                and _unit(nxt.group(1).lower()) != nxt.group(1).lower())  # a singular before a plural
    if noun and not adjective and low not in _BEFORE_NOUN and not word[:1].isupper() and not modifier:
        return word, end
    if nxt is not None:
        return nxt.group(1), nxt.end(1)
    if low in _BEFORE_NOUN:
        return None
    if noun:
        return word, end
    return None if dictionary_word(low) else (word, end)


def _noun_after(text: str, end: int) -> re.Match[str] | None:
    """The word right after ``end`` when it is a noun (not an adjective, not a
    closed-class word): what a number before a modifier counts."""
    nxt = _NEXT_WORD.match(text, end)
    if nxt is None:
        return None
    after = nxt.group(1).lower()
    return nxt if after not in NOT_UNITS and is_noun(after) and not is_adjective(after) else None


_SPACE = " \t\n\r\u00a0"


def _label_number(text: str, s: int, m: re.Match[str]) -> bool:
    """Is the number at ``s`` part of a name or a label, not a count? After
    "No." ("the No. 3 leader": a rank), after a capitalised word inside a
    sentence ("Senate Bill 8 bars", "Title 42 rules", "Boeing 737 jets"), or a
    capitalised number word before a capitalised word inside a sentence (a
    title: "the film Two Distant Strangers")."""
    e = s
    while e > 0 and text[e - 1] in _SPACE:
        e -= 1
    if e == s or e == 0:
        return False
    b = e
    while b > 0 and text[b - 1] not in _SPACE:
        b -= 1
    w = text[b:e]
    if w in ("No.", "no.", "Nos.", "No"):
        return w != "No" or m.group("num")[:1].isdigit()
    k = b
    while k > 0 and text[k - 1] in _SPACE:
        k -= 1
    if k == 0 or text[k - 1] in '.!?:"\u201c' or "\n" in text[k:b]:
        return False  # the word before opens a sentence or a line: its capital says nothing
    if m.group("num")[:1].isdigit():
        return w[:1].isupper() and w.isalpha() and w.lower() not in MONTHS and w.lower() not in MONTH_ABBR
    return m.group("num")[:1].isupper() and m.group("unit")[:1].isupper()


def _spans_overlap(s: int, e: int, taken: list[tuple[int, int]]) -> bool:
    return any(s < te and ts < e for ts, te in taken)


def mentions(text: str, *, quotes: Sequence[tuple[int, int, str | None]] = (), entities: bool = True,
             starts: Sequence[int] | None = None) -> list[Mention]:
    """Every fact mention in a text. ``quotes`` are ``(start, end, speaker)``
    of direct quotations and ``starts`` the sentence starts, as offsets into
    ``text`` (from its analysis), so a number inside a quotation is keyed by
    its speaker. ``entities=False`` skips names (for Title Case headlines).
    The text is matched in its normalised form; every position is mapped back."""
    norm = normalize(text)
    text = norm.text
    low = text.lower()
    out: list[Mention] = []
    taken: list[tuple[int, int]] = []

    def speaker_at(pos: int) -> str | None:
        raw = norm.raw(pos)
        for s, e, sp in quotes:
            if s <= raw < e:
                return sp or None
        return None

    def add(kind: str, key: tuple, shown: str, s: int, e: int, *, polar: bool = True, speaker: bool = False,
            approx: bool = False) -> None:
        if polar and negated_before(text, s):
            key = key + ("not",)
            shown = "not " + shown
        if speaker:
            sp = speaker_at(s)
            if sp:
                key = key + ("by", sp.lower())
                shown = f"{shown} (quoting {sp})"
        out.append(Mention(kind, key, shown, s, approx and bool(_APPROX.search(text, max(0, s - 16), s))))
        taken.append((s, e))

    for rx in (MONEY_RE, MONEY_WORD_RE):
        for m in _finditer(rx, text, low):
            if _spans_overlap(m.start(), m.end(), taken):
                continue
            n = _num(m.group("num"))
            if n is None:
                continue
            cur_raw = m.group("cur")
            cur = CURRENCIES.get(cur_raw) or ("EUR" if cur_raw.lower().startswith("euro") else
                                             "GBP" if cur_raw.lower().startswith("pound") else "USD")
            scale = (m.group("scale") or "").lower()
            value = n * SCALES.get(scale, 1.0)
            symbol = {v: k for k, v in CURRENCIES.items()}[cur]
            scale_word = {"bn": "billion", "m": "million", "k": "thousand"}.get(scale, scale)
            shown = f"{symbol}{_show(n)}" + (f" {scale_word}" if scale_word else "")
            add("amount", ("amount", cur, _fmt(value)), shown, m.start(), m.end(), speaker=True, approx=True)
    for m in _finditer(PERCENT_RE, text, low):
        if _spans_overlap(m.start(), m.end(), taken):
            continue
        n = _num(m.group("num"))
        if n is not None:
            add("amount", ("percent", _fmt(n)), f"{_fmt(n)}%", m.start(), m.end(), speaker=True, approx=True)
    for m in _finditer(DATE_RE, text, low):
        if _spans_overlap(m.start(), m.end(), taken):
            continue
        mon = (m.group("m1") or m.group("m2")).lower()
        month = MONTHS.get(mon) or MONTH_ABBR.get(mon[:3])
        day = int(m.group("d1") or m.group("d2"))
        year = m.group("y1") or m.group("y2")
        if not month or not 1 <= day <= 31:
            continue
        name = [k for k, v in MONTHS.items() if v == month][0].capitalize()
        shown = f"{name} {day}" + (f", {year}" if year else "")
        add("date", ("date", month, day), shown, m.start(), m.end(), polar=False)
    for m in _finditer(MONTH_RANGE_RE, text, low):
        for g in ("a", "b"):  # both ends of the period are months the article names
            add("date", ("month", m.group(g).lower()), m.group(g), m.start(g), m.end(g), polar=False)
    for m in [*_finditer(YEAR_RE, text, low), *_finditer(MONTH_YEAR_RE, text, low)]:
        s, e = m.start("y"), m.end("y")
        if _spans_overlap(s, e, taken):
            continue
        add("date", ("year", m.group("y")), m.group("y"), s, e, polar=False)
    for m in NUMBER_RE.finditer(text):
        s, e = m.start(), m.end()
        if _spans_overlap(s, e, taken):
            continue
        unit = m.group("unit")
        if unit.lower() in SCALES or unit.lower() in MONTHS:
            continue
        n = _num(m.group("num"))
        if n is None or _label_number(text, s, m):
            continue
        # (a number and a singular noun apart, not joined: "3 key states", but "a 5-year plan")
        counted = _counted(text, unit, m.end("unit"),
                           many=(n != 1 or bool(m.group("scale"))) and text[m.start("unit") - 1].isspace())
        if counted is None:
            continue
        unit, e = counted
        if m.group("scale"):
            n *= SCALES.get(m.group("scale").lower(), 100.0 if m.group("scale").lower() == "hundred" else 1.0)
        u = _unit(unit)
        if unit.lower() in UNIT_FACTORS:
            u, f = UNIT_FACTORS[unit.lower()]
            n *= f
        if text[s:e][:1].isdigit() and re.fullmatch(r"(?:19|20)\d{2}", m.group("num")):
            continue  # a year followed by a word ("2020 elections")
        # a plural as the article writes it ("gunmen"); a singular made plural ("5-year" → "5 years")
        written = unit.lower()
        shown = f"{_show(n)} {u if n == 1 else written if _unit(written) == u != written else _plural(u)}"
        add("number", ("number", _fmt(n), u), shown, s, e, speaker=True, approx=True)

    # cited sources
    sources: list[tuple[int, int, str]] = []
    for rx in SOURCE_RES:
        for m in _finditer(rx, text, low):
            src = _trim_name(m.group("src"))
            if not src or src.lower() in wordlist("pronouns") or _no_source(src):
                continue
            s = m.start("src")
            sources.append((s, s + len(src), src))
    seen_src = set()
    seen_keys: set[tuple[str, str]] = set()
    for s, e, src in sorted(sources):
        if src.lower() in seen_src:
            continue
        seen_src.add(src.lower())
        key = ("source", _THE.sub("", src.lower()))  # "The New York Times" and "New York Times": one source
        if key not in seen_keys:
            seen_keys.add(key)
            out.append(Mention("source", key, src, s))

    if not entities:
        return out
    # named entities: runs of capitalised words; a name cited as a source is a source
    norm_starts = None if starts is None else [norm.position(p) for p in starts]
    seqs = [(s, e, strip_possessive(n)) for s, e, n in
            (_office_cut(text, *_title_cut(text, n, s, e)) for s, e, n in
             name_sequences(text, norm_starts, join_of=True)) if n]
    seqs = _page_words_cut(text, seqs)
    # the words of the names of several words ("kassym", "jomart", "tokayev")
    multi_words = {w for _, _, n in seqs if " " in n or "-" in n for w in n.lower().replace("-", " ").split()}
    for s, e, n in seqs:
        low = n.lower()
        if low in seen_src or any(low in src for src in seen_src):
            continue
        if _spans_overlap(s, e, taken):
            continue
        if " " not in n and low in multi_words:
            continue  # "Tokayev" alone, when the article also writes "Kassym-Jomart Tokayev"
        if low in WEEKDAYS:
            # "on Tuesday": which day it is depends on when each outlet wrote
            # ("Tuesday" in one, "Nov. 19" or "yesterday" in another), so it
            # is no detail one outlet carries and another leaves out
            continue
        if low in MONTHS:
            if not _spans_overlap(s, e, taken):  # (not again the month of a period: "April-to-June")
                out.append(Mention("date", ("month", low), n, s))
            continue  # "in November": a date, not a name
        if " " not in n and state_after_city(text, n, s, e):
            continue  # "Fresno, Calif.": the state that locates the city before it
        if AFFILIATION.fullmatch(n):
            continue  # "(D-Calif.)", "(R-Wis.)": a party and a state, said of a member of Congress
        words_ = low.split()
        if any(w in CREDIT_WORDS for w in words_):
            continue  # "AP Photo", "Getty Images Mandel Ngan", "Hide Caption": a picture's credit or caption
        if len(words_) >= 2 and (words_[0] in _HONORIFICS or len(words_) >= 3 and words_[0] in PARTY_MEMBERS):
            # "Mr Tusk", "Rev Sharpton" (an honorific without its full stop),
            # "Democrat Andrew Gillum" (the party before the name): the person
            first = re.match(r"\S+\s+", n)
            n, s, low = n[first.end():], s + first.end(), low[first.end():]
        if _group_word(n):
            continue  # "Arab", "Muslim", "Israeli", "Democratic", "GOP": not a checkable detail
        if _role_only(n):
            continue  # "Deputy Prime Minister" with no name: an office, not who held it
        # "Paul D. Ryan" and "Paul Ryan" are one fact (not "George H.W. Bush" and "George W. Bush")
        out.append(Mention("entity", ("entity", _MIDDLE_INITIAL.sub(" ", _institution_key(low))), n, s))
    return out


def _figure(key: tuple) -> tuple[tuple, float] | None:
    """``(the key without its value, the value)`` of an amount, percentage or number key."""
    i = {"amount": 2, "percent": 1, "number": 1}.get(key[0])
    if i is None:
        return None
    return key[:i] + key[i + 1:], float(key[i])


def _near_figures(present: dict[tuple, set[str]], approx: set[tuple]) -> None:
    """Let each outlet carry the figures within :data:`APPROX_SHARE` of one
    it wrote, when either of the two was written as an approximation."""
    by_shape: dict[tuple, list[tuple[float, tuple]]] = defaultdict(list)
    for key in present:
        f = _figure(key)
        if f is not None:
            by_shape[f[0]].append((f[1], key))
    gained: dict[tuple, set[str]] = defaultdict(set)
    for figures in by_shape.values():
        figures.sort()
        for i, (x, kx) in enumerate(figures):  # sorted: only the next ones can be near, each pair once
            for y, ky in figures[i + 1:]:
                if y - x > APPROX_SHARE * max(abs(x), abs(y)):
                    break
                if kx in approx or ky in approx:
                    gained[kx] |= present[ky]
                    gained[ky] |= present[kx]
    for key, outs in gained.items():
        present[key] |= outs


#: Country abbreviations written before the name of one of its institutions.
_COUNTRY_BEFORE = re.compile(r"(?:us|u\.s\.?|uk|u\.k\.?|eu) ")
_INSTITUTION_WORDS = ORG_WORDS | OF_HEADS | {"administration"}


_DEPARTMENT_OF = re.compile(r"(department|ministry) of (?:the )?([a-z]+)")


def _institution_key(name: str) -> str:
    """The key of a lower-case institution's name: without the country
    abbreviation before it (:func:`_country_cut`), and "department of X" as
    "X department" ("Department of Education" is the "Education Department")."""
    name = _country_cut(name)
    m = _DEPARTMENT_OF.fullmatch(name)
    return f"{m.group(2)} {m.group(1)}" if m else name


def _country_cut(name: str) -> str:
    """A lower-case institution's name without the country abbreviation
    before it: "US Food and Drug Administration" is the "Food and Drug
    Administration" another outlet names (where "U.S." is read as a
    sentence's end, it is cut already)."""
    m = _COUNTRY_BEFORE.match(name)
    rest = name[m.end():].split() if m is not None else []
    if len(rest) < 2 or not any(w in _INSTITUTION_WORDS for w in rest):  # "US Bank" stays
        return name
    return name[m.end():]


#: Honorifics that British style writes without a full stop ("Mr Tusk").
_HONORIFICS = frozenset("mr mrs ms mx dr rev prof".split())

#: A middle initial, alone, inside a name (lower case).
_MIDDLE_INITIAL = re.compile(r"(?<=\w) [a-z]\. (?=\w)")


@lru_cache(maxsize=1 << 10)
def _own_names(outlet: str) -> frozenset[str]:
    """The names an outlet calls itself by, lower case: its name without "The"
    and without a qualifier ("CNN (Web News)", "New York Times - News"), and the
    last word of a name of several when it is a newspaper's word
    (``newspaper_words.txt``: "the Courier" of the Almera Courier, "the Times")."""
    name = re.split(r"\s+\(|\s+[-–—|]\s+", outlet, maxsplit=1)[0].strip()
    low = name.lower()
    low = low[4:] if low.startswith("the ") else low
    words_ = low.split()
    out = {low}
    if len(words_) >= 2 and words_[-1] in wordlist("newspaper_words"):
        out.add(words_[-1])
    return frozenset(out)


_WORD_BEFORE = re.compile(r"(\w+)[ \t]+$")
_SHOUTED_PART = re.compile(r"(?<!\w)[A-Z]{2}")  # a word that opens with two capitals


def _page_words_cut(text: str, seqs: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Names without the words a page or an export glues to them, as naming's
    :func:`~framing.compare.actors.find_mentions` reads them too: a function
    word in capitals after a name in mixed case ("Constitution MORE": The Hill's link),
    a weekday after a name of two words or more, or after one that the text
    names alone ("White House Thursday", "Capitol Saturday"), a label in
    capitals before one ("MUST WATCH Ada Vale"), and the English word that
    opens the line after such a label ("JUST WATCHED Fiery debate ..."); and no name all in capitals
    that are English words, of two or more ("MUST WATCH", "FOR TAX FRAUD": a
    label or a shouted line) or a function word ("MORE")."""
    alone = {n for _, _, n in seqs}
    out = []
    for s, e, n in seqs:
        words_ = n.split()
        if len(words_) == 1:
            if dictionary_word(n.lower()):
                before = _WORD_BEFORE.search(text, max(0, s - 30), s)
                if before and shouted_word(before.group(1)):
                    continue  # "JUST WATCHED Fiery debate ...": the first word of the line a label opens
            if not (n.lower() in STOP_WORDS and shouted_word(n)):
                out.append((s, e, n))
            continue  # (a lone "MORE" is none)
        if not _SHOUTED_PART.search(n) and words_[-1].lower() not in WEEKDAYS:
            out.append((s, e, n))  # most names: no word in capitals, no weekday
            continue
        if all(shouted_word(w) for w in words_):
            continue  # "MUST WATCH", "FOR TAX FRAUD", a lone "MORE"
        # "MUST WATCH Ada Vale", "FOR Ada Vale": a label of two words in capitals, or a
        # function word in capitals, glued before the name ("FOX News", "DREAM Act" stay)
        lead = 0
        while lead < len(words_) - 1 and shouted_word(words_[lead]):
            lead += 1
        if lead and (lead >= 2 or words_[0].lower() in STOP_WORDS) and not all(w.isupper() for w in words_[lead:]):
            cut = 0
            for w in words_[:lead]:
                cut = n.index(w, cut) + len(w)
            cut = n.index(words_[lead], cut)
            s, n, words_ = s + cut, n[cut:], words_[lead:]
            if len(words_) == 1 and dictionary_word(words_[0].lower()):
                continue  # "MUST WATCH Fiery crash ...": the first word of the line the label opens
        # "Constitution MORE", "Happy Holiday IS": a function word in capitals after it
        while len(words_) >= 2 and shouted_word(words_[-1]) and words_[-1].lower() in STOP_WORDS \
                and not words_[-2].isupper():
            words_.pop()
        if len(words_) >= 2 and words_[-1].lower() in WEEKDAYS and (
                len(words_) >= 3 or " ".join(words_[:-1]) in alone):
            words_.pop()
        kept = " ".join(words_)
        out.append((s, s + len(kept), kept) if kept != n else (s, e, n))
    return out


def _title_cut(text: str, n: str, s: int, e: int) -> tuple[int, int, str]:
    """A name that runs into an abbreviated title ("Ohio Sen." of "Ohio Sen.
    Ada Vale", "Texas Republican Gov.") without the title and the party
    words before it: the place ("Ohio", "Texas"), or nothing."""
    words_ = n.split()
    if len(words_) < 2 or text[e:e + 1] != "." or words_[-1].lower() not in TITLE_ABBREVIATIONS:
        return s, e, n
    words_.pop()
    while words_ and words_[-1].lower() in identity_words():
        words_.pop()
    kept = " ".join(words_)
    return s, s + len(kept), kept


#: A title with "of" right before a run of names: "Secretary of State John
#: Kerry", "Director of National Intelligence James R. Clapper".
_OFFICE_OF = re.compile(r"\b([A-Za-z][a-z]+) of (?:the )?$")


def _office_cut(text: str, s: int, e: int, n: str) -> tuple[int, int, str]:
    """A person's name written after an office with "of" ("Secretary of State
    John Kerry"): the run of names after "of" opens with the office's own
    words ("State", "National Intelligence", "Foreign Affairs"): English words
    or a country, cut, so that the name is the person's; at least two words
    stay ("Staff Mark Milley" is Mark Milley, not Milley). Office words alone
    ("the secretary of State") are the office, no fact; a place stays ("the
    mayor of London")."""
    m = _OFFICE_OF.search(text, max(0, s - 40), s) if s >= 5 and text[s - 3:s] in ("of ", "he ") else None
    if m is None or m.group(1).lower() not in _OFFICE_WORDS:
        return s, e, n
    words_ = n.split(" ")
    if len(words_) == 1 and dictionary_word(n.lower()) and gazetteer().lookup(n) is None:
        return s, s, ""  # "the secretary of State", "Speaker of the House": the office, no fact
    if len(words_) < 3 or not all(w[:1].isupper() for w in words_):
        return s, e, n  # ("House of Representatives": the office's own name, no person after it)
    k = 0
    while len(words_) - k > 2 and (dictionary_word(words_[k].lower()) or gazetteer().lookup(words_[k]) is not None) \
            and not _INITIAL_WORD.fullmatch(words_[k + 1]):
        k += 1  # (a first name before its middle initial stays: "Leon E. Panetta")
    if k == 0:
        return s, e, n
    rest = " ".join(words_[k:])
    last = words_[-1].rstrip(".").lower()
    if not all(_PERSON_WORD.fullmatch(w) for w in words_[k:]) or parse(rest).kind != "person" \
            or dictionary_word(last) or last in INSTITUTION_ENDS or gazetteer().lookup(n) is not None:
        return s, e, n  # "New York City" after "Mayor of": a place, no person
    return e - len(rest), e, rest


_INITIAL_WORD = re.compile(r"[A-Z]\.(?:[A-Z]\.)?")
#: A word of a person's name: "Kerry", "Johnson-Sirleaf", "O'Connor", "R.", "Jr.".
_PERSON_WORD = re.compile(r"[A-Z][^\W\d_A-Z][^\W\d_]*(?:[-’'][A-Z]?[^\W\d_]+)*|" + _ELIDED_NAME.pattern.rstrip("$")
                          + r"|" + _INITIAL_WORD.pattern + r"|Jr\.?|Sr\.?|I{2,3}|IV")


#: The first words of the titles naming knows ("secretary", "director",
#: "minister", "speaker"): the office a name after "of" is written with.
_OFFICE_WORDS = frozenset(w for w in (t.split()[0] for t in TITLES) if len(w) > 3 and w.isalpha())


@lru_cache(maxsize=1 << 12)
def _place_of_feature(key: str) -> tuple[str, str] | None:
    """The key of the place a name such as "gaza strip" or "golan heights"
    is a part of (its words before a word of ``place_features.txt``), when
    the gazetteer knows that place as a country or a place (not a seat of
    government: "Washington Heights" is no part of the US government)."""
    words_ = key.split()
    if len(words_) < 2 or words_[-1] not in wordlist("place_features"):
        return None
    place = " ".join(words_[:-1])
    entry = gazetteer().lookup(place)
    if entry is None or entry.form not in ("name", "place"):
        return None
    return ("entity", place)


@lru_cache(maxsize=1 << 14)
def _group_word(name: str) -> bool:
    """Is ``name`` no checkable detail: a demonym, religion or group word
    (:func:`~framing.compare.actors.is_demonym_or_group_word`, with the
    shipped gazetteer), or made only of words for identities and parties
    (``framing/data/identity_words.txt``: "Democratic", "GOP", "Tories")?
    Remembered: the same names recur across an event's articles."""
    words = name.lower().replace("-", " ").split()
    return (is_demonym_or_group_word(name) or bool(words) and all(w in identity_words() for w in words)
            or _people_of_place(fold(name)))


#: Plural endings of words for the people of a place, and what ends the
#: place's name instead ("New Yorkers", "Londoners", "Floridians", "Texans").
_PEOPLE_ENDINGS = (("ers", ""), ("ians", "ia"), ("ians", "a"), ("ans", "a"), ("ans", "as"), ("ites", ""))


def _people_of_place(name: str) -> bool:
    """Is the folded ``name`` a plural word for the people of a place the
    gazetteer knows ("new yorkers", "floridians"): a demonym, like "Israeli"?
    Only plurals: "The New Yorker" is a magazine's name."""
    gaz = gazetteer()
    for end, place in _PEOPLE_ENDINGS:
        if name.endswith(end) and len(name) > len(end) + 2:
            hit = gaz.lookup(name[:-len(end)] + place)
            if hit is not None and hit.form != "demonym":
                return True
    return False


@lru_cache(maxsize=1 << 14)
def _role_only(name: str) -> bool:
    """Is ``name`` a title with no person's name ("Deputy Prime Minister",
    "the Foreign Minister")? Remembered: an event's names recur."""
    return parse(name).kind == "role"


#: Nouns whose plural is the singular ("149 horsepower", "11 sheep", "2 dozen eggs").
_SAME_PLURAL = frozenset(
    "horsepower sheep deer fish aircraft spacecraft series species offspring dozen moose bison swine "
    "salmon trout cattle personnel".split())


def _plural(u: str) -> str:
    if u in _SAME_PLURAL:
        return u
    if u in _IRREGULAR_SINGULARS:
        return _IRREGULAR_SINGULARS[u]
    if not any(ch in "aeiouy" for ch in u):
        return u  # an abbreviation: "60 mph", "5 km"
    if u.endswith("y") and len(u) > 2 and u[-2] not in "aeiou":
        return u[:-1] + "ies"
    if u.endswith(("s", "x", "ch", "sh")):
        return u + "es"
    return u + "s"


_THE = re.compile(r"^the\s+")


def _no_source(src: str) -> bool:
    """A cited "source" that is none: a word cut at its full stop ("U" of
    "according to U.S. officials", "Mr" of "Mr. Vale said") or a demonym or
    party word ("Russian media reported": who, is not said)."""
    low = src.lower()
    return len(low) == 1 or low in TITLE_ABBREVIATIONS or _group_word(src)  # (the honorifics are among the titles)


def _trim_name(src: str) -> str:
    toks = src.split()
    while toks and toks[-1] in {"of", "for", "and"}:
        toks.pop()
    out = " ".join(toks).rstrip(".'’")
    return strip_possessive(out)


def group_of(n_present: int, n_outlets: int) -> str:
    if n_present >= n_outlets:
        return "all"
    if n_present == 1:
        return "one"
    if n_present > n_outlets / 2:
        return "most"
    return "some"


GROUP_ORDER = {"all": 0, "most": 1, "some": 2, "one": 3}
KIND_ORDER = {"amount": 0, "number": 1, "date": 2, "source": 3, "entity": 4}


def _opens_only(text: str, word: str) -> bool:
    """Whether ``word`` is written capitalised only once in ``text``: after a
    dateline, that once is where a sentence starts, as for any capital that
    opens a sentence."""
    return len(re.findall(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])", text)) <= 1


def _common_nouns(arts: Sequence[Article], counts: Mapping[str, int]) -> set[str]:
    """The entity keys (lower case) that the event's texts write in lower case
    at least as often as capitalised (``counts``): a common noun capitalised
    for emphasis or in a slogan ("Peace and Prosperity", "my Second Term"),
    not a name. One word is looked up among the texts' lower-case words; a
    name of several words written at most twice only when each of its words
    is among them, then as a phrase."""
    # only the keys' own words are counted (a filter in C over each text's words)
    wanted = {w for k in counts for w in k.split()}
    lower: Counter[str] = Counter()
    for a in arts:
        for fld in (a.title or "", a.body):
            lower.update(filter(wanted.__contains__, text_words(fld)))
    out = {k for k, n in counts.items() if " " not in k and lower[k] >= n}
    # a phrase capitalised more than twice is a name: emphasis capitalises once or twice
    phrases = sorted(k for k, n in counts.items() if " " in k and n <= 2 and all(w in lower for w in k.split()))
    if phrases:
        rx = re.compile(r"\b(?:%s)\b" % "|".join(re.escape(k) for k in sorted(phrases, key=len, reverse=True)))
        seen: Counter[str] = Counter(m.group(0) for a in arts for fld in (a.title or "", a.body)
                                     for m in rx.finditer(fld))
        out.update(k for k in phrases if seen[k] >= counts[k])
    return out


def _actor_rows(actors: Sequence[NamingRow]) -> tuple[dict[str, int], dict[str, list[int]],
                                                    list[tuple[str, ...]]]:
    """The event's actors by their names (folded), and a person's role as a
    form names it ("US President"); the names of two or more words that no
    gazetteer entry holds (people: "Benjamin Netanyahu") by their last word;
    and each actor's name as folded words."""
    by_name: dict[str, int] = {}
    people: dict[str, list[int]] = defaultdict(list)
    names = [tuple(fold(row.actor).replace("-", " ").split()) for row in actors]
    for i, row in enumerate(actors):
        by_name.setdefault(fold(row.actor), i)
        if len(names[i]) >= 2 and gazetteer().lookup(row.actor) is None:
            people[names[i][-1]].append(i)
    # a person's role, as one outlet names them ("US President" for Trump),
    # and the person's name with a title the naming table filed under them
    # ("President Obama" for Barack Obama)
    # ... and a person's surname, where the naming table filed it under that
    # one person ("Trump" under Donald Trump: an outlet writing only "Trump"
    # named him, and one writing "Donald Trump" left out no "Trump")
    surnames: dict[str, set[int]] = defaultdict(set)
    for i in sorted(i for rows in people.values() for i in rows):
        for f in actors[i].forms:
            if f.scare_quoted:
                continue
            form = strip_possessive(f.form)
            if " " not in form:
                if fold(form) == names[i][-1]:
                    surnames[names[i][-1]].add(i)
                continue
            p = parse(form)
            if p.kind == "role" or p.kind == "person" and p.title is not None:
                by_name.setdefault(fold(form), i)
    for word, rows in sorted(surnames.items()):
        if len(rows) == 1:
            by_name.setdefault(word, next(iter(rows)))
    # a one-word name with a title before it ("President Trump" where the
    # event never writes his name in full): the person's title, not another fact
    for i, row in enumerate(actors):
        if len(names[i]) == 1 and gazetteer().lookup(row.actor) is None \
                and names[i][0] not in INSTITUTION_ENDS:  # not "General Assembly", "Analyst Institute"
            for f in actors[i].forms:
                form = strip_possessive(f.form)
                p = parse(form) if " " in form and not f.scare_quoted else None
                if p is not None and p.kind == "person" and p.title is not None and p.name \
                        and fold(p.name) == names[i][0]:
                    by_name.setdefault(fold(form), i)
    return by_name, people, names


def _form_names(form: str, actor: tuple[str, ...]) -> bool:
    """Whether a naming form surely stands for its actor: a form of several
    words ("Zionist regime", "US President"), a name the gazetteer knows
    ("US", "Tehran"), the actor's name or its last word (a surname). A single
    word the naming table filed under a longer name may name something else
    ("Almera" is not the Almera Chamber)."""
    words_ = fold(strip_possessive(form)).strip("\"“”‘’' ").replace("-", " ").split()
    if len(words_) != 1:
        return True
    return (bool(actor) and words_[0] == actor[-1]) or gazetteer().lookup(words_[0]) is not None


def _actor_of(name: str, by_name: Mapping[str, int], people: Mapping[str, list[int]],
              actors_words: Sequence[tuple[str, ...]]) -> int | None:
    """The actor a fact's name is, if it is one of the event's actors: the
    actor's own name; a name the gazetteer gives to the actor ("US",
    "Tehran" and "Washington" as governments, "IAEA" and "GOP" as the
    organisations they stand for); or a person's full name with
    a title before it ("Prime Minister Benjamin Netanyahu"). A name of an
    institution of a country ("Israeli Navy", "Justice Department") stays a
    fact of its own, and so does a single word the naming table files under
    a longer name ("Virginia" is not West Virginia)."""
    f = fold(name)
    if f in by_name:
        return by_name[f]
    place = gazetteer().lookup(name)
    if place is not None and place.form in ("name", "seat", "place", "organisation") and fold(place.name) in by_name:
        return by_name[fold(place.name)]  # (an organisation's initials: "IAEA" is the row "International Atomic ...")
    toks = tuple(f.replace("-", " ").split())
    for i in people.get(toks[-1], ()) if toks else ():
        p = actors_words[i]
        if len(toks) > len(p) and toks[-len(p):] == p:
            return i
    return None


def facts(articles: Iterable[Article], analyses: Mapping[int, Analysis],
          actors: Sequence[NamingRow] = ()) -> list[FactRow]:
    """One row per distinct fact in the event, ordered by group (all, most,
    some, one), kind, then text. Title and body both count; near-duplicate
    copies too (a copy's outlet does carry the fact). Quotations and sentences
    come from each article's analysis.

    ``actors``: the event's naming rows (:func:`~framing.compare.naming.naming`,
    all of them). A name that stands for one of those actors
    (:func:`_actor_of`) is that actor's fact, shown by the actor's name, and
    an outlet naming the actor in a sure form (:func:`_form_names`) carries
    it: Tasnim writes "Zionist regime", so it did not leave out Israel;
    "Prime Minister Benjamin Netanyahu" and "Benjamin Netanyahu" are one fact."""
    arts = list(articles)
    outlets = sorted({a.outlet_name for a in arts})
    own = {o: _own_names(o) for o in outlets}
    present: dict[tuple, set[str]] = defaultdict(set)
    kind_of: dict[tuple, str] = {}
    shown: dict[tuple, Counter[str]] = defaultdict(Counter)
    approx: set[tuple] = set()
    for a in arts:
        o = a.outlet_name
        analysis = analyses.get(a.id) if a.id is not None else None
        for fld, text, ents in (("title", a.title or "", False), ("body", a.body, True)):
            if not text:
                continue
            quotes = [] if analysis is None else [
                (q.start, q.end, q.speaker) for q in analysis.quotations_in(fld)]
            starts = None if analysis is None else analysis.sentence_starts(fld)
            first = dateline_end(a) if fld == "body" else None
            for m in mentions(text, quotes=quotes, entities=ents, starts=starts):
                if (first is not None and m.kind == "entity" and " " not in m.text
                        and text.startswith(m.text, first) and _opens_only(text, m.text)):
                    continue  # "TEHRAN (Tasnim) – Reacting to": the dateline's dash starts a sentence
                if first is not None and m.kind == "entity" and m.start < first:
                    continue  # "TEHRAN (Tasnim) –": where the story was filed and whose credit it is
                if m.kind in ("entity", "source") and m.key[1] in own[o]:
                    continue  # "the Courier understands": an outlet naming itself reports no fact
                present[m.key].add(o)
                kind_of[m.key] = m.kind
                shown[m.key][m.text] += 1
                if m.approx:
                    approx.add(m.key)
    # an approximate figure and another within APPROX_SHARE of it are one
    # fact ("almost $139 million" and "$138 million"): whoever writes either carries both
    _near_figures(present, approx)
    # an institution's party group ("Senate Democrats") names the institution
    for key in [k for k in present if k[0] == "entity" and " " in k[1]]:
        head, last = key[1].rsplit(" ", 1)
        if _unit(last) in PARTY_MEMBERS and ("entity", head) in present:
            present[("entity", head)] |= present[key]
    # a month is carried by an outlet that gives a day in it ("in March" and
    # "since March 14"): the day is the more precise form of the same detail
    days_in: dict[int, set[str]] = defaultdict(set)
    for key, outs in present.items():
        if key[0] == "date":
            days_in[key[1]] |= outs
    for key in [k for k in present if k[0] == "month" and MONTHS.get(k[1]) in days_in]:
        present[key] |= days_in[MONTHS[key[1]]]
    # ... and carries its own name when others name it (but not their credit
    # to it: "according to the Ledger" is a source only those who cite it carry)
    for key, outs in present.items():
        if key[0] == "entity":
            outs.update(o for o in outlets if key[1] in own[o])
    # one-word names and their adjective and possessive forms are one fact
    # (Israel / Israeli, Ardelia / Ardelian): an outlet writing either carries it
    key_of = stem_groups(k[1] for k in kind_of if k[0] == "entity" and " " not in k[1])
    for key in sorted(k for k in kind_of if k[0] == "entity" and key_of.get(k[1], k[1]) != k[1]):
        root = ("entity", key_of[key[1]])
        present[root] |= present.pop(key)
        shown[root].update(shown.pop(key))
        kind_of[root] = kind_of.pop(key)
    # a place and a part of it named by a feature word are one fact ("Gaza"
    # and "Gaza Strip"): an outlet writing either carries it
    for key in sorted(k for k in kind_of if k[0] == "entity"):
        root = _place_of_feature(key[1])
        if root is not None and root in kind_of and root != key:
            present[root] |= present.pop(key)
            shown[root].update(shown.pop(key))
            kind_of.pop(key)
    # a name some article cites as a source is listed once, as that source
    # (carried by the outlets that cite it, not those that merely name it)
    source_names = {k[1] for k in kind_of if k[0] == "source"}
    common = _common_nouns(arts, {k[1]: sum(shown[k].values()) for k in kind_of if k[0] == "entity"})
    # a name standing for one of the event's actors is that actor's fact
    by_name, people, actors_words = _actor_rows(actors)
    for key in sorted(k for k in present if k[0] == "entity" and k[1] not in source_names):
        i = _actor_of(key[1], by_name, people, actors_words) if by_name else None
        if i is None:
            continue
        root = ("actor", i)
        present[root] |= present.pop(key) | {f.outlet for f in actors[i].forms
                                              if _form_names(f.form, actors_words[i])}
        shown[root].update(shown.pop(key))
        kind_of[root] = kind_of.pop(key)
    # a person's name with a title before it that names none of the event's
    # actors ("Senate Majority Leader Ada Vale") is the person's fact, shown by
    # the name: an outlet writing "Ada Vale" carries it too (read, like the
    # actors, only when the naming table is given)
    person_name: dict[tuple, str] = {}
    for key in sorted(k for k in present if actors and k[0] == "entity" and " " in k[1]
                      and k[1] not in source_names):
        written = max(shown[key].items(), key=lambda x: (x[1], x[0]))[0]
        p = parse(written)
        if p.kind != "person" or p.title is None or len(p.name.split()) < 2:
            continue
        root = ("entity", _MIDDLE_INITIAL.sub(" ", fold(p.name)))
        if root == key:
            continue
        present[root] |= present.pop(key)
        shown[root].update(shown.pop(key))
        kind_of[root] = kind_of.pop(key)
        person_name.setdefault(root, p.name)
    rows = []
    for key, outs in present.items():
        if key[0] == "entity" and (key[1] in source_names or key[1] in common):
            continue
        if key[0] == "actor":
            # the actor's name when a name written holds it ("Benjamin
            # Netanyahu" for "Prime Minister Benjamin Netanyahu", "Norland" for
            # "Norlandic"), else the shortest name written; a name that
            # another written name begins is that one ("Velmora", not "Velmoran")
            name, fname = actors[key[1]].actor, fold(actors[key[1]].actor)
            written = sorted(shown[key], key=lambda t: (len(t), t))
            text = name if any(fold(t).startswith(fname) or fold(t).endswith(" " + fname) for t in written) \
                else written[0]
            text = next((t for t in written if fold(text).startswith(fold(t))), text)
        elif key in person_name:
            text = person_name[key]
        elif key[0] == "entity" and key[1] in key_of:
            # the noun ("Israel"), not the adjective, names a merged group
            text = min(shown[key], key=lambda t: (len(t), t)) if shown[key] else key[1]
        else:
            text = sorted(shown[key].items(), key=lambda x: (-x[1], x[0]))[0][0] if shown[key] else key[1]
        rows.append(FactRow(
            kind=kind_of.get(key, "source"),
            text=text,
            present=sorted(outs),
            absent=[o for o in outlets if o not in outs],
            group=group_of(len(outs), len(outlets)),
        ))
    rows.sort(key=lambda r: (GROUP_ORDER[r.group], KIND_ORDER.get(r.kind, 9), r.text.lower(), r.text))
    return rows
