"""Name helpers shared by the comparison modules: capitalised names (from
the text layer's words and sentences) and the grouping of a name with its
adjective and possessive forms (Ardelia / Ardelian / Ardelia's) by shared
stem prefix, without any list of countries."""

from __future__ import annotations

import re
from functools import lru_cache
from collections.abc import Iterable, Iterator, Sequence

from ..text import NEGATORS, STOP_WORDS, WORD_RE, sentence_spans, words
from ..text.tokens import MARKS
from ..text.wordlists import MONTHS, NAME_OPENERS, NAME_PARTICLES, NAME_STOP_WORDS, TITLE_ABBREVIATIONS, WEEKDAYS
from ..text.dictionary import dictionary_word, is_ly_adverb
from ..models import Article
from ._case import SHOUTED_WORDS, shouted

_POSSESSIVE_RE = re.compile(r"[’']s?$")
#: What may stand between a sentence's start and its first name ("“Ardelia ...", "• Velmora").
_OPENING = " \t•*-–—\"'“‘(«„"


def strip_possessive(tok: str) -> str:
    if len(tok) <= 2 or tok[-1] not in "s'’":  # most words: no possessive to strip
        return tok
    return _POSSESSIVE_RE.sub("", tok)


def is_capitalised(tok: str) -> bool:
    return tok[:1].isupper() and not tok.isupper() or (tok.isupper() and 2 <= len(tok) <= 5 and tok.isalpha())


def name_base(tok: str) -> str | None:
    """The part of a capitalised word that may be (part of) a name, or None:
    a hyphenated compound cut before a lower-case part (US-brokered → US), a
    possessive stripped; stop words, single letters and words with digits
    are not names, but for the few that are words of names too ("New York",
    :data:`~framing.text.wordlists.NAME_STOP_WORDS`), which a run of names
    must hold another word beside (:func:`_runs_and_lists`)."""
    if not is_capitalised(tok) or (not tok.isalpha() and any(ch.isdigit() for ch in tok)):
        return None
    if "-" in tok:
        parts = tok.split("-")
        keep = [parts[0]]
        for part in parts[1:]:
            if not part[:1].isupper():
                break
            keep.append(part)
        tok = "-".join(keep)
    base = strip_possessive(tok)
    low = base.lower()
    if (low in STOP_WORDS and low not in NAME_STOP_WORDS and not base.isupper()) or len(base) < 2 \
            or ("'" in base or "’" in base) and not _ELIDED_NAME.match(base):
        return None
    return base


#: A surname with an elided particle: "O'Connor", "D’Souza", "O'Rourke" (a
#: contraction, "Don't", is no name).
_ELIDED_NAME = re.compile(r"[A-Z][’'][A-Z][^\W\d_’']+$")


#: name_base of each word, remembered (most words recur from article to article).
_base = lru_cache(maxsize=1 << 17)(name_base)


#: A word (as :data:`~framing.text.WORD_RE` cuts the text from its start) that
#: does not open with a lower-case ASCII letter or a digit: the words that may
#: be capitalised, found without making a string of every other word. A word
#: starts where a letter or digit follows neither a letter, digit or combining
#: mark nor a joiner that follows one (else the word before would have run on).
#: The pattern opens with the word's first letter and looks behind from there,
#: rather than opening with the look-behinds: the engine then tests one set
#: at most positions of a text instead of the look-behinds and a look-ahead
#: (the same matches, tests/test_compare_fastpaths.py; a fifth less time).
_WORD_HEAD = r"[^\W_]+"  # WORD_RE's first run of letters and digits, whose first is matched apart
assert WORD_RE.pattern.startswith(_WORD_HEAD)
_MAYBE_CAPITALISED = re.compile(
    r"[^\W_a-z0-9](?<![^\W_](?s:.))(?<!" + MARKS + r"(?s:.))"
    r"(?<![^\W_][’'\-.,](?s:.))(?<!" + MARKS + r"[’'\-.,](?s:.))"
    r"[^\W_]*" + WORD_RE.pattern[len(_WORD_HEAD):],
    WORD_RE.flags)


#: An Arabic article in lower case glued to a capitalised name ("al-Assad",
#: "el-Sisi", "al-Qaeda"): part of the name, as "de" and "bin" are
#: (:data:`~framing.text.wordlists.NAME_PARTICLES`). Not inside a word ("real-Time").
_ARTICLE = re.compile(r"(?<![^\W_])(?<![\-’'])(?:al|el)-(?=[^\W\d_a-z])")


@lru_cache(maxsize=1024)
def _scan(text: str) -> tuple[tuple[int, str], ...]:
    """``(start, base)`` of every capitalised word of ``text`` that may be (part
    of) a name: the one scan of a text's names, whatever its sentence starts.
    Cached: naming, facts and grouping read the names of the same texts."""
    base = _base
    out = []
    for m in _MAYBE_CAPITALISED.finditer(text):
        w = m.group()
        if w[0].isupper():
            b = base(w)
            if b is not None:
                out.append((m.start(), b))
    if "l-" in text:  # (most texts: no Arabic article, and no second pass)
        extra = []
        for m in _ARTICLE.finditer(text):
            w = WORD_RE.match(text, m.end())
            b = base(w.group()) if w else None
            if b is not None:
                extra.append((m.start(), m.group() + b))
        if extra:
            out = sorted(out + extra)
    return tuple(out)


def _scan_parts(text: str, cut: int | None) -> tuple[tuple[int, str], ...]:
    """:func:`_scan` of ``text``; with ``cut``, of ``text[:cut]`` and
    ``text[cut:]`` apart (the second shared with a scan of ``text[cut:]``
    alone), which gives the same words when a space or line break on either
    side of ``cut`` keeps every word from running across it."""
    if not cut or not (text[cut - 1:cut].isspace() or text[cut:cut + 1].isspace()):
        return _scan(text)
    return _scan(text[:cut]) + tuple((cut + s, b) for s, b in _scan(text[cut:]))


#: The marks before a word that open no quotation (a space, a bullet, a dash, a bracket).
_NO_QUOTE = re.compile(r"[ \t•*\-–—(]*")


def _candidates(text: str, starts: Sequence[int] | None = None,
                cut: int | None = None) -> list[tuple[int, int, str, bool]]:
    """Capitalised tokens that may be names: ``(start, end, base, at_sentence_start)``.
    A hyphenated compound is cut before a lower-case part (US-brokered → US).
    ``starts`` are the sentence starts (from the article's analysis); without
    them the text layer's splitter finds them. ``cut``: see :func:`_scan_parts`."""
    if starts is None:
        starts = [a for a, _ in sentence_spans(text)]
    starts = sorted(starts)
    out = []
    opening = _OPENING
    # the sentence each word is in: the starts are walked once, in step with the words
    k, n = -1, len(starts)
    for s, base in _scan_parts(text, cut):
        while k + 1 < n and starts[k + 1] <= s:
            k += 1
        sent_start = starts[k] if k >= 0 else 0
        # at the sentence's start when only opening marks stand before it
        # (not text[sent_start:s].strip(_OPENING), without copying the sentence)
        j = s
        while j > sent_start and text[j - 1] in opening:
            j -= 1
        # quoted speech opening after a colon or a comma ('retorted: “Sure, ...'):
        # its first word is capitalised because it opens what is said
        out.append((s, s + len(base), base, j <= sent_start or j < s and text[j - 1] in ":,"
                    and not _NO_QUOTE.fullmatch(text, j, s)))
    return out


@lru_cache(maxsize=1024)
def _candidates_of(text: str, starts: tuple[int, ...] | None,
                   cut: int | None) -> list[tuple[int, int, str, bool]]:
    """:func:`_candidates`, remembered: the runs of a text and their joins
    over "of" (:func:`_runs_joined`, facts' names) read the same candidates.
    Callers only read the list."""
    return _candidates(text, starts, cut)


def _keep_runs(text: str, starts: Sequence[int] | None = None,
               cut: int | None = None) -> list[list[tuple[int, int, str, bool]]]:
    """Runs of adjacent capitalised tokens, without the ones that are merely
    capitalised because they open a sentence: a lone sentence-initial word is
    kept only if the text also capitalises it mid-sentence."""
    return _runs(text, None if starts is None else tuple(starts), cut or None)


#: A list of names, not prose: at least this many capitalised words in a row
#: on one line, with nothing but spaces, or a short lower-case word ("of",
#: "and"), between them. Page furniture that a copy or an export keeps in the
#: text looks like this: a country selector ("... Afghanistan Albania Algeria
#: American Samoa Andorra ..."), a row of state codes under a chart, an
#: infobox flattened into a line. In 3,000 Article-Bias-Prediction articles the
#: longest such run in prose was 14 words, two titled officials joined by
#: "and" ("White House Chief of Staff ... and White House National Economic
#: Council Director ..."), and the shortest list 19 (the selectors' run 30 to
#: 60); a list of people with commas between them is no such run.
LIST_NAMES = 20
#: What stands between two names of one such run ...
_LIST_GAP = re.compile(r"[ \t]+(?:[a-z]{1,4}[ \t]+)?")
#: ... and what may stand between the parts of a list around it: a few
#: characters on one line with no lower-case word of five letters or more (the
#: list's items may hold commas, brackets and short words: "Congo, The
#: Democratic Republic of the", "Virgin Islands (U.S.)").
_LIST_LOOSE_GAP = 16
_PROSE_WORD = re.compile(r"[a-z]{5}|\n")


def _list_zones(text: str, cands: Sequence[tuple[int, int, str, bool]]) -> list[tuple[int, int]]:
    """``(start, end)`` of each list of names in ``text`` (see :data:`LIST_NAMES`),
    from its capitalised words ``cands``: a stretch of them joined by loose gaps
    (:data:`_LIST_GAP`, or a few characters of no prose, :data:`_LIST_LOOSE_GAP`) that holds a run
    of at least :data:`LIST_NAMES` joined by tight ones."""
    zones: list[tuple[int, int]] = []
    k, n = 0, len(cands)
    while k < n:
        # the loose stretch from k, and its longest tight run
        j, tight, best = k, 1, 1
        while j + 1 < n:
            gap = text[cands[j][1]:cands[j + 1][0]]
            if gap == " " or _LIST_GAP.fullmatch(gap):
                tight += 1
            elif len(gap) <= _LIST_LOOSE_GAP and not _PROSE_WORD.search(gap):
                tight = 1
            else:
                break
            best = max(best, tight)
            j += 1
        if best >= LIST_NAMES:
            zones.append((cands[k][0], cands[j][1]))
        k = j + 1
    return zones


def list_spans(text: str, starts: Sequence[int] | None = None,
               cut: int | None = None) -> list[tuple[int, int]]:
    """``(start, end)`` of the lists of names in ``text`` (:data:`LIST_NAMES`):
    their words are no names, and grouping leaves them out."""
    return _runs_and_lists(text, None if starts is None else tuple(starts), cut or None)[1]


_DATELINE_END = re.compile(r"\s*[-–—:]+\s*")


def dateline_end(article: Article) -> int | None:
    """Where the first sentence starts in a body that opens with its dateline
    ("TEHRAN (Tasnim) – Reacting to ..."): after the dash."""
    if not article.dateline or not article.body.startswith(article.dateline):
        return None
    m = _DATELINE_END.match(article.body, len(article.dateline))
    return m.end() if m and m.end() > len(article.dateline) else None


def _runs(text: str, starts: tuple[int, ...] | None,
          cut: int | None = None) -> list[list[tuple[int, int, str, bool]]]:
    return _runs_and_lists(text, starts, cut)[0]


@lru_cache(maxsize=1024)
def _runs_and_lists(text: str, starts: tuple[int, ...] | None,
                    cut: int | None = None) -> tuple[list[list[tuple[int, int, str, bool]]], list[tuple[int, int]]]:
    # Cached: naming, facts and grouping ask for the names of the same texts.
    # Callers only read the runs.
    cands = _candidates_of(text, starts, cut)
    zones = _list_zones(text, cands) if len(cands) >= LIST_NAMES else []
    if zones:
        cands = [c for c in cands if not any(a <= c[0] < b for a, b in zones)]
    mid = {c[2] for c in cands if not c[3]}
    runs: list[list[tuple[int, int, str, bool]]] = []
    for c in cands:
        if runs and (text[runs[-1][-1][1]:c[0]] == " " and not c[3] or _initials_between(text, runs[-1][-1], c)
                     or _particle_between(text, runs[-1][-1][1], c[0])
                     or _place_abbreviation_before(text, runs[-1][-1], c)):
            runs[-1].append(c)
        else:
            runs.append([c])
    kept = []
    for run in runs:
        if len(run) >= 2 and run[0][3] and run[0][2] not in mid and _sentence_adverb(run[0][2], run[1][2]):
            run = run[1:]  # "Earlier Wednesday", "Clearly Vale": the sentence's adverb, then the name
        if len(run) == 1:  # most runs: one word, tested without a generator
            c = run[0]
            if c[3] and c[2] not in mid:
                continue
            low = c[2].lower()
            if low in NAME_STOP_WORDS or low in TITLE_ABBREVIATIONS:
                continue  # as below; one word is never shouted (SHOUTED_WORDS)
            kept.append(run)
            continue
        if all(c[2].lower() in NAME_STOP_WORDS for c in run):
            continue  # "New", "First", "Two" alone: words, not names
        if len(run) >= SHOUTED_WORDS and shouted(c[2] for c in run):
            continue
        kept.append(run)
    return _unglue_weekdays(kept), zones


#: Adverbs of time that open a sentence before a name ("Earlier Vale said", "Later
#: Tuesday"); "early" and "late" only before a day or a month ("Early Thursday",
#: not "Early Voting").
_TIME_ADVERBS = frozenset({"earlier", "later", "instead", "yesterday", "afterward", "afterwards"})
_DAY_ADVERBS = frozenset({"early", "late"})


@lru_cache(maxsize=4096)
def _sentence_adverb(word: str, after: str) -> bool:
    """Is ``word``, capitalised only because it opens a sentence, an adverb glued
    to the name after it ("Clearly Vale", "Suddenly Cuba", "Later Marsh",
    "Earlier Wednesday")? An adverb in -ly that is neither an adjective nor a
    noun ("Daily Caller", "Holy Land", "Sally Yates" keep theirs), or a time
    adverb (:data:`_TIME_ADVERBS`, and "early"/"late" before a day or month)."""
    low = word.lower()
    if low in _TIME_ADVERBS:
        return True
    if low in _DAY_ADVERBS:
        return after.lower() in WEEKDAYS or after.lower() in MONTHS
    return is_ly_adverb(low)


#: One or two middle initials between two words of a name (" W. ", " H.W. ", " H. W. ").
_INITIALS_GAP = re.compile(r" [A-Z]\.(?: ?[A-Z]\.)? ")


#: A particle in lower case between two words of a name (" de ", " bin ", " van "), from
#: the list naming reads too (:data:`~framing.text.wordlists.NAME_PARTICLES`).
_PARTICLE_GAP = re.compile(" (?:%s) " % "|".join(sorted(NAME_PARTICLES)))


def _particle_between(text: str, e: int, s: int) -> bool:
    """Does a lower-case particle join two capitalised words into one name
    ("Bill de Blasio", "Osama bin Laden")? (The cheap test first: asked of
    nearly every pair of capitalised words.)"""
    return 4 <= s - e <= 7 and text[e + 1:e + 2].islower() and _PARTICLE_GAP.fullmatch(text, e, s) is not None


def _place_abbreviation_before(text: str, prev: tuple[int, int, str, bool], c: tuple[int, int, str, bool]) -> bool:
    """Does ``prev``, an abbreviation that opens a name (:data:`NAME_OPENERS`),
    run on over its full stop into ``c`` ("St. Louis", "Mt. Gox")? Not into a
    word that is no name alone ("The", "New")."""
    return (prev[2] in NAME_OPENERS and c[0] - prev[1] == 2 and text[prev[1]] == "."
            and c[2].lower() not in NAME_STOP_WORDS)


def _initials_between(text: str, prev: tuple[int, int, str, bool], c: tuple[int, int, str, bool]) -> bool:
    """Do middle initials join ``prev`` and ``c`` into one name ("George W.
    Bush", "George H.W. Bush", "John F. Kennedy")? Not after an English word,
    which a letter and a full stop end a sentence after ("Group A.", "Plan B.")."""
    e = prev[1]
    # (asked of nearly every pair of capitalised words: the cheap test first,
    # a full stop two characters after the word, " W.")
    if text[e + 2:e + 3] != "." or not _INITIALS_GAP.fullmatch(text, e, c[0]):
        return False
    from ..text.dictionary import dictionary_word
    from .actors import gazetteer

    return not dictionary_word(prev[2].lower()) and gazetteer().lookup(text[prev[0]:c[0] - 1]) is None  # "Washington D.C."


def _unglue_weekdays(runs: list[list[tuple[int, int, str, bool]]]) -> list[list[tuple[int, int, str, bool]]]:
    """News writes the day beside a name ("said in New Hampshire Friday",
    "told Fox News Sunday", "Friday President Obama said"), so a weekday
    glues itself to the run of names next to it. A weekday that opens or
    closes a run is cut off when the rest of the run stands on its own
    elsewhere in the text; a named day keeps it ("Black Friday", "Super
    Tuesday", "Saturday Night Live": their rest is no name of its own)."""
    # (most texts have no run of two words or more with a weekday at an end:
    # nothing to cut, and the runs are given back as they are)
    if not any(len(run) >= 2 and (run[-1][2].lower() in WEEKDAYS or run[0][2].lower() in WEEKDAYS)
               for run in runs):
        return runs
    alone = {tuple(c[2] for c in run) for run in runs}
    out = []
    for run in runs:
        if len(run) >= 2 and run[-1][2].lower() in WEEKDAYS and tuple(c[2] for c in run[:-1]) in alone:
            run = run[:-1]
        if len(run) >= 2 and run[0][2].lower() in WEEKDAYS and tuple(c[2] for c in run[1:]) in alone:
            run = run[1:]
        out.append(run)
    return out


def name_tokens(text: str, *, with_final: bool = False,
                starts: Sequence[int] | None = None) -> Iterator[tuple]:
    """Capitalised single-word names (possessive stripped), in text order;
    with ``with_final``, also whether the word ends its run of names ("Prime"
    in "Prime Minister" does not)."""
    for run in _keep_runs(text, starts):
        for k, (s, e, base, _) in enumerate(run):
            yield (s, e, base, k == len(run) - 1) if with_final else (s, e, base)


def name_sequences(text: str, starts: Sequence[int] | None = None, *,
                   cut: int | None = None, join_of: bool = False) -> Iterator[tuple[int, int, str]]:
    """Runs of adjacent capitalised names ("Kassym-Jomart Tokayev", "Saudi
    Arabia", "Abraham Accords"), possessive stripped; a possessive ends a run.
    ``cut``: an offset where a line starts, whose text is scanned apart
    (:func:`_scan_parts`; the same names). ``join_of``: a run ending in an
    institution word (:data:`~framing.compare.actors.OF_HEADS`) runs on over
    "of" or "for" (and "the") into the next ("Department of Justice", "Bank
    of England"), whether or not the first stood alone at a sentence's start;
    and an institution named by two fields runs on over "and" (:func:`_and_joins`:
    "Food and Drug Administration", "Department of Health and Human Services")."""
    # A run is one sequence: its words follow each other with one space
    # between a word's base (possessive stripped, so "Israel's" ends a run)
    # and the next word, and a base never ends in an apostrophe (name_base), so
    # no word inside a run ends in a possessive.
    runs = _runs_joined(text, None if starts is None else tuple(starts), cut or None) if join_of \
        else _keep_runs(text, starts, cut)
    for run in runs:
        s, e = run[0][0], run[-1][1]
        yield s, e, text[s:e]


#: What joins an institution word to the rest of its name.
_OF_JOINT = re.compile(r" (?:of|for)(?: the)? ")
#: Last words of an institution whose name can join two fields with "and".
_AND_HEADS = frozenset("administration agency bureau commission committee council department "
                       "institute ministry office service services".split())


def _and_joins(before: list[tuple[int, int, str, bool]], after: list[tuple[int, int, str, bool]]) -> bool:
    """Do two runs with " and " between them name one institution? Only when
    the run after has an institution word (:data:`_AND_HEADS`) second or third
    (a title and a name may follow it: "... Administration Commissioner Ann Wood") and both
    words at the "and" are common words that the name capitalises ("Food and
    Drug Administration", "Health and Human Services"), never a name of its own
    ("Texas and Justice Department" are two)."""
    return (any(w[2].lower() in _AND_HEADS for w in after[1:3])
            and dictionary_word(before[-1][2].lower()) and dictionary_word(after[0][2].lower()))


@lru_cache(maxsize=1024)
def _runs_joined(text: str, starts: tuple[int, ...] | None,
                 cut: int | None = None) -> list[list[tuple[int, int, str, bool]]]:
    """:func:`_runs`, with runs joined over "of" / "for" after an institution
    word (see :func:`name_sequences`). A lone word at a sentence's start that
    :func:`_runs` drops is taken back when a join follows it."""
    from .actors import OF_HEADS

    kept = _runs(text, starts, cut)
    if " of " not in text and " for " not in text and " and " not in text:
        return kept
    by_start = {run[0][0]: run for run in kept}
    out: list[list[tuple[int, int, str, bool]]] = []
    # the candidates a sentence start dropped: a head word before a joint, a field before "and"
    dropped = {c[0]: c for c in _candidates_of(text, starts, cut)
               if c[2].lower() in OF_HEADS or text.startswith(" and ", c[1])}
    pieces = sorted([*kept, *([c] for s, c in dropped.items() if s not in by_start
                              and not any(r[0][0] <= s < r[-1][1] for r in kept))])
    for run in pieces:
        if out:
            last = out[-1]
            gap = text[last[-1][1]:run[0][0]]
            if (last[-1][2].lower() in OF_HEADS and _OF_JOINT.fullmatch(gap)
                    or gap == " and " and _and_joins(last, run)):
                out[-1] = last + run
                continue
        out.append(run)
    # a dropped word that joined nothing stays dropped
    return [run for run in out if not (len(run) == 1 and run[0][0] in dropped and run[0][0] not in by_start)]


@lru_cache(maxsize=1024)
def text_words(text: str) -> list[str]:
    """:func:`~framing.text.words` of ``text``, remembered: density counts an
    article's words and naming reads the same body's lower-case ones.
    Callers only read the list."""
    return WORD_RE.findall(text)


def shared_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def same_stem(a: str, b: str, *, min_len: int = 4, max_tail: int = 5) -> bool:
    """Whether two single-word names are forms of one name: the shorter is a
    prefix of the longer (allowing its last letter to differ, Palestine /
    Palestinian, China / Chinese), at least ``min_len`` letters long, and the
    longer adds at most ``max_tail`` letters (Kazakh / Kazakhstan, Israel /
    Israeli, Ardelia / Ardelian), and those letters are no English word of
    four or more (Obama / Obamacare, Russia / Russiagate: a compound names a
    law or an affair, not the person or the country)."""
    a, b = a.lower(), b.lower()
    if a == b:
        return True
    if " " in a or " " in b:
        return False
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) < min_len or len(long_) - len(short) > max_tail:
        return False
    p = shared_prefix(short, long_)
    if p == len(short) and len(long_) - p >= 4 and dictionary_word(long_[p:]):
        return False
    return p == len(short) or (p == len(short) - 1 and p >= min_len and short[-1] in "aeiouy")


def stem_groups(names: Iterable[str]) -> dict[str, str]:
    """Map every name to the key of its stem group (the group's shortest
    member, lower-cased). Deterministic: names are considered in sorted order."""
    uniq = sorted({n.lower() for n in names}, key=lambda s: (len(s), s))
    key_of: dict[str, str] = {}
    # The roots a later (longer) name can share a stem with are found through
    # its prefixes, never by trying every root: linear in the names.
    order: dict[str, int] = {}  # root → its place among the roots
    by_prefix: dict[str, list[str]] = {}  # a root, and a root without its last vowel → roots
    for n in uniq:
        found = [r for k in range(4, len(n) + 1) for r in by_prefix.get(n[:k], ()) if same_stem(r, n)]
        if found:
            key_of[n] = min(found, key=order.__getitem__)
            continue
        order[n] = len(order)
        key_of[n] = n
        by_prefix.setdefault(n, []).append(n)
        if n[-1:] in ("a", "e", "i", "o", "u", "y"):
            by_prefix.setdefault(n[:-1], []).append(n)
    return key_of


def negated_before(text: str, start: int, *, window: int = 4) -> bool:
    """Whether a negator is among the ``window`` words before ``start`` in the same sentence."""
    left = text[max(0, start - 80):start]
    cut = max(left.rfind("."), left.rfind("!"), left.rfind("?"), left.rfind("\n"))
    if cut >= 0:
        left = left[cut + 1:]
    toks = [w.lower() for w in words(left)][-window:]
    return any(t in NEGATORS or t.endswith("n't") or t.endswith("n’t") for t in toks)
