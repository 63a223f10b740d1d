"""Actor naming: for each actor, the words each outlet uses for it.

Three sources, merged per actor:

* **labels** — detector hits whose lexicon entry says which actor it names
  (``refers_to``: "Zionist regime" → Israel), counted as the hit's text;
* **scare quotes** — a name put in quotation marks by the writer (the detector's
  distancing hit ``scare quotes``, or a short unattributed quoted name found
  here), kept *with* its marks and ``scare_quoted: true``;
* **names in the text** — capitalised names and their adjective and possessive
  forms, grouped by shared stem (Ardelia / Ardelian / Ardelia's, Israel /
  Israeli / Israel's, Kazakhstan / Kazakh) with no list of countries, so
  fictional names work too. An adjective form followed by the head noun of a
  label seen in this event ("Israeli regime", "Velmoran occupation") is one form.

Names are resolved to actors first (:mod:`framing.compare.actors`): a
country's name, demonym and seat of government are one actor (Israel / Israeli
/ Tel Aviv), a person's full name, surname and title are one (a title with
distancing, '"Israeli" so-called Prime Minister Benjamin Netanyahu', is one
form of Netanyahu), and the words of a thing's name ("Abraham Accords") or a
group word ("Arab", "Muslim") are no actor. Names the gazetteer does not know
fall back to the stem grouping above, so fictional names still work.

A mention inside a label or scare-quote span is counted once, as that form.
Near-duplicate copies are left out.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from itertools import accumulate

from ..models import Analysis, Article, Hit
from ..text import CALENDAR, QUOTE_CHARS, STOP_WORDS, fold, plain, sentence_spans, words
from ..text.wordlists import INTERJECTIONS, NAME_BREAKS, NAME_STOP_WORDS
from ._text import _keep_runs, stem_groups, text_words
from . import actors as _actors
from .facts import _own_names
from .model import NamingForm, NamingRow

#: At most this many actors per event (the most mentioned ones).
MAX_ACTORS = 15
SCARE_TERM = "scare quotes"


def _is_name_phrase(inner: str) -> bool:
    toks = words(inner)
    return bool(toks) and len(toks) <= 3 and all(t[:1].isupper() for t in toks)


def naming(
    articles: Iterable[Article],
    analyses: Mapping[int, Analysis],
    *,
    copies: Mapping[int, int] | None = None,
    max_actors: int | None = MAX_ACTORS,
) -> list[NamingRow]:
    """One row per actor, most-mentioned first (then by name), from the
    articles and their analyses (hits, scare quotes, sentences); the first
    ``max_actors`` (None: all)."""
    copies = copies or {}
    arts = [a for a in articles if a.id not in copies]
    empty = Analysis(article=0, analyzer="", lexicon_version="")
    an = {a.id: analyses.get(a.id, empty) for a in arts}
    by_article: dict[int, list[Hit]] = {a.id: an[a.id].hits for a in arts}
    n_outlets = len({a.outlet_name for a in arts})

    # label heads ("regime", "occupation"): last word of the labels found in this event
    heads = {
        words(h.term)[-1].lower() for a in arts for h in by_article[a.id]
        if (h.refers_to or (h.category == "labeling" and h.loaded)) and words(h.term)
    }

    # (outlet, actor-key, form, scare) mentions; actor keys resolved at the end
    # outlet, refers_to, name, form, scare, label
    mentions: list[tuple[str, str | None, str, str, bool, bool]] = []
    final: Counter[str] = Counter()  # names seen ending a run of names (not "Prime" of "Prime Minister")
    body_names: set[str] = set()
    lower_words: set[str] = set()  # words the texts also write in lower case are common nouns
    for a in arts:
        body_names.update([c[2].lower() for run in _keep_runs(a.body, an[a.id].sentence_starts("body"))
                           for c in run])  # the words of name_tokens(a.body)
        lower_words.update(filter(str.islower, text_words(a.body)))

    index = _ActorIndex(arts, by_article, an)

    def title_name(inner: str) -> bool:
        """A quoted phrase in a headline set in Title Case ("Held 'Stolen'
        Bitcoins") is capitalised by the style: a name only if the texts'
        bodies write it as one or it names a known actor ('"Israel"')."""
        return all(w.lower() in body_names for w in words(inner)) or index.key(inner) is not None

    for a in arts:
        outlet = a.outlet_name
        for fld in ("title", "body"):
            text = getattr(a, fld) or ""
            if not text:
                continue
            taken: list[tuple[int, int]] = []
            skip: list[tuple[int, int]] = []
            # people with their title, country or distancing ('"Israeli" so-called
            # Prime Minister Benjamin Netanyahu') and names of several words
            # ("Saudi Arabia") are one form of one actor; names of things
            # ("Abraham Accords") and group words ("Arab") are no actor
            for m, key in index.chunks(a.id, fld):
                if key is None:
                    skip.append((m.start, m.end))
                    continue
                if len(_actors._tokens(m.form)) < 2 or (fld == "title" and not m.parsed.distanced):
                    continue
                scare = m.parsed.distanced
                mentions.append((outlet, key, key, _without_possessive(m.form), scare, scare))
                taken.append((m.start, m.end))
                final[key] += 1
            for h in sorted(by_article[a.id], key=lambda h: (h.start, h.end, h.term)):
                if h.field != fld:
                    continue
                scare = h.term == SCARE_TERM
                if not (h.refers_to or scare):
                    continue
                inner = h.text.strip(QUOTE_CHARS + " ")
                if scare and not h.refers_to and (not _is_name_phrase(inner) or index.no_actor(inner)
                                                  or (fld == "title" and not title_name(inner))):
                    continue
                owner = _owner(text, h.start)
                owner = owner if owner and owner.lower() in body_names else None
                # The name the text puts before a label ("Velmoran regime")
                # says whom it names; the lexicon's refers_to is the default.
                ref = None if owner else h.refers_to
                mentions.append((outlet, ref, owner or inner, h.text, scare, bool(h.refers_to) and h.loaded))
                taken.append((h.start, h.end))
            for q in an[a.id].quotations_in(fld, "scare"):
                s, e, i_s, i_e = q.start, q.end, q.inner_start, q.inner_end
                if any(s < te and ts < e for ts, te in taken):
                    continue
                inner = text[i_s:i_e].strip()
                if not _is_name_phrase(inner) or index.no_actor(inner) or (fld == "title" and not title_name(inner)):
                    continue
                owner = _owner(text, s)
                owner = owner if owner and owner.lower() in body_names else None
                mentions.append((outlet, None, owner or inner, text[s:e], True, False))
                taken.append((s, e))
            loaded_labels = [
                (h.start, h.end)
                for h in by_article[a.id] if h.loaded and h.category == "labeling" and h.field == fld
            ]
            starts = an[a.id].sentence_starts(fld)
            overlaps, inside = _Spans(taken).overlaps, _Spans(skip).contains
            # name_tokens(text, with_final=True), read off the runs
            for s, e, tok, is_final in [(c[0], c[1], c[2], k == len(run) - 1)
                                        for run in _keep_runs(text, starts) for k, c in enumerate(run)]:
                if overlaps(s, e):
                    continue
                low = tok.lower()
                if fld == "title" and low not in body_names:
                    continue  # a Title Case headline word is a name only if the body says so
                if low in lower_words or low in CALENDAR or low in NAME_STOP_WORDS or low in NAME_BREAKS \
                        or low in INTERJECTIONS:
                    continue  # "President", "Accords": also written in lower case, so not a name;
                    # "New" of "New York": a word of a name, not one; "Says", "Praises" of a
                    # headline; "Hey", "Thanks" opening speech
                if inside(s, e) or low in _actors.GROUP_WORDS:
                    continue  # a word of a thing's name ("Abraham"), a group word ("Arab")
                if low in _ONE_WORD_TITLES and not index.key(tok):
                    continue  # "President", "Nominee" alone, tied to no one: a role, no actor
                form = tok
                label = False
                m = _HEAD_RE.match(text, e) if heads else None  # (most events have no label)
                if m and m.group(2).lower() in heads:
                    form = f"{tok}{plain(m.group(1))}{m.group(2)}"
                    # "Velmoran regime": a loaded label hit on the head noun makes it a label form
                    label = any(lo <= m.start(2) < hi for lo, hi in loaded_labels)
                mentions.append((outlet, None, tok, form, False, label))
                if is_final:
                    final[low] += 1

    # group names by stem; a refers_to actor joins the group of its own name
    single = [m[2] for m in mentions if " " not in m[2]]
    single += [m[1] for m in mentions if m[1] and " " not in m[1]]
    key_of = stem_groups(single)
    known: dict[tuple[str | None, str], str] = {}

    def actor_key(refers_to: str | None, name: str) -> str:
        k = known.get((refers_to, name))
        if k is None:
            k = known[(refers_to, name)] = _actor_key(refers_to, name)
        return k

    def _actor_key(refers_to: str | None, name: str) -> str:
        if refers_to in index.names:
            return refers_to  # a key the resolver settled ("IRN" for "the Iranian government")
        resolved = index.key(refers_to or name)
        if resolved:
            return resolved
        if refers_to:
            return key_of.get(refers_to.lower(), refers_to.lower())
        if " " in name:
            first = name.split()[0].lower()
            # "Israeli" "Prime Minister": a quoted phrase is filed under its first name word
            return key_of.get(first, name.lower())
        return key_of.get(name.lower(), name.lower())

    # counts in plain dicts (a Counter per key costs a Python-level __init__ and __missing__)
    counts: dict[str, dict[tuple[str, str, bool], int]] = defaultdict(dict)
    surface: dict[str, dict[str, int]] = defaultdict(dict)
    refers: dict[str, dict[str, int]] = defaultdict(dict)
    labelled: set[str] = set()
    loaded_forms: set[tuple[str, str, str, bool]] = set()
    ends_run: set[str] = set()
    for name, n in final.items():
        ends_run.add(actor_key(None, name))
    folded: dict[tuple[str, bool], str] = {}  # each form's key, made once
    for outlet, ref, name, form, scare, label in mentions:
        k = actor_key(ref, name)
        form_key = folded.get((form, scare))
        if form_key is None:
            form_key = folded[(form, scare)] = _fold_form(form) if not scare else plain(form)
        c = counts[k]
        c[(outlet, form_key, scare)] = c.get((outlet, form_key, scare), 0) + 1
        c = surface[form_key]
        c[form] = c.get(form, 0) + 1
        if ref:
            c = refers[k]
            c[ref] = c.get(ref, 0) + 1
        if label or scare:
            labelled.add(k)
            loaded_forms.add((k, outlet, form_key, scare))
        if not ref and not scare and not label:
            c = surface["\0name:" + k]
            c[name] = c.get(name, 0) + 1
        elif not ref:  # a row of labels only ("Stalinist regime"): named as its name is written
            c = surface["\0label:" + k]
            c[name] = c.get(name, 0) + 1

    rows: list[tuple[bool, int, str, NamingRow]] = []
    for k, c in counts.items():
        total = sum(c.values())
        if k not in labelled and (total < 2 or k not in ends_run
                                  or (n_outlets > 1 and len({o for (o, _, _) in c}) < 2)):
            continue
        if k in index.names:
            actor = index.names[k]
        elif refers.get(k):
            actor = sorted(refers[k].items(), key=lambda x: (-x[1], x[0]))[0][0]
        else:
            actor = _actor_name(surface.get("\0name:" + k) or surface.get("\0label:" + k) or {k: 1})
        forms = []
        for (o, fk, scare), n in c.items():
            shown = sorted(surface[fk].items(), key=lambda x: (-x[1], x[0]))[0][0]
            forms.append(NamingForm(outlet=o, form=shown, count=n, scare_quoted=scare,
                                    loaded=(k, o, fk, scare) in loaded_forms))
        forms.sort(key=lambda f: (f.outlet, -f.count, f.form.lower(), f.scare_quoted))
        rows.append((k in labelled, total, actor, NamingRow(actor=actor, forms=forms)))
    # actors named by a label or in scare quotes first, then the most mentioned
    rows.sort(key=lambda r: (not r[0], -r[1], r[2]))
    return [r[3] for r in rows[:max_actors]]


#: Titles of one word ("president", "king", "ceo").
_ONE_WORD_TITLES = frozenset(t for t in _actors.TITLES if " " not in t)


class _ActorIndex:
    """The event's actor mentions resolved once (:mod:`framing.compare.actors`):
    which key a name, surname or label stands for, and the runs of words that
    name a thing or a group rather than an actor."""

    def __init__(self, arts: list[Article], by_article: Mapping[int, list[Hit]],
                 analyses: Mapping[int, Analysis] | None = None):
        self.gaz = _actors.gazetteer()
        labels = {_actors._fold(h.text): h.refers_to for hs in by_article.values() for h in hs if h.refers_to}
        self.found: dict[tuple[int, str], list] = {}
        flat = []
        # the event's outlets by the names they call themselves ("vox", "daily ledger")
        # (the whole name only: "the Times" alone may be part of a name)
        own_names = sorted({max(_own_names(o), key=len) for o in {a.outlet_name for a in arts}})
        for a in arts:
            for fld in ("title", "body"):
                ms = _actors.find_mentions(getattr(a, fld) or "", gaz=self.gaz, labels=labels, keep_all=True)
                self.found[(a.id, fld)] = ms
                # a headline in Title Case capitalises every word: a person
                # or role found only there ("Home Depot Stock Is Falling
                # After Its Earnings Release") is no one the body names
                if fld == "title" and any(m.parsed.kind in ("person", "role") for m in ms):
                    body = _actors._clean(a.body)
                    ms = [m for m in ms if m.parsed.kind not in ("person", "role") or _actors._clean(m.form) in body]
                # "Vox Ada Vale", "Daily Ledger Ada Vale": an outlet of the event
                # glued before a person's name is where the person writes
                for m in ms:
                    if m.parsed.kind == "person" and m.parsed.name and m.parsed.title is None:
                        low = m.parsed.name.lower()
                        for own in own_names:
                            if low.startswith(own + " ") and len(low.split()) - len(own.split()) >= 2:
                                rest = _actors.parse(m.parsed.name[len(own) + 1:], labels=labels, gaz=self.gaz)
                                if rest.kind == "person":
                                    m.parsed = rest
                                break
                flat += [(a.id, m) for m in ms if m.parsed.kind in _actors._ACTOR_KINDS]
        res = _actors.resolve([(aid, m.form) for aid, m in flat], labels=labels, gaz=self.gaz,
                              parsed=[m.parsed for _, m in flat])
        self.span_key: dict[tuple[int, int], str] = {}
        self.by_name: dict[str, dict[str, int]] = defaultdict(dict)
        self.things: set[int] = set()  # mentions the resolver found to name a thing ("Trump Tower")
        texts = {(a.id, fld): getattr(a, fld) or "" for a in arts for fld in ("title", "body")}
        field_of = {id(m): fld for (_, fld), ms in self.found.items() for m in ms}
        brands = _brand_words(flat, res.keys, texts, field_of, analyses or {})
        for (aid, m), k in zip(flat, res.keys):
            if k.startswith(("head:", "thing:", "role:")):
                if k.startswith("thing:") and m.parsed.kind != "thing":
                    self.things.add(id(m))
                continue
            if brands and (k, _actors._name_key(m.parsed.name or "")) in brands:
                continue  # "Apple" alone, referred back to by "its": no given name of "Apple Thunderbolt"
            self.span_key[(id(m), 0)] = k
            if m.parsed.name and k.startswith("person:"):  # a place's words are no surnames
                for t in m.parsed.name.split():
                    if brands and (k, t.lower()) in brands:
                        continue
                    c = self.by_name[t.lower()]
                    c[k] = c.get(k, 0) + 1
                c = self.by_name[m.parsed.name.lower()]
                c[k] = c.get(k, 0) + 1
            elif k.startswith("org:") and " " in k:
                last = k.rsplit(" ", 1)[1]
                if last in _actors.PAPER_ENDS:  # "the Journal" of "the Wall Street Journal"
                    c = self.by_name[last]
                    c[k] = c.get(k, 0) + 1
        self.names = {k: v for k, v in res.names.items()}
        self._keys: dict[str, str | None] = {}

    def chunks(self, aid: int, fld: str):
        for m in self.found.get((aid, fld), []):
            if m.parsed.kind in ("thing",) or (m.parsed.kind == "other" and len(_actors._tokens(m.form)) > 1
                                               and not self.key(m.form)) or id(m) in self.things:
                yield m, None
            elif (id(m), 0) in self.span_key:
                yield m, self.span_key[(id(m), 0)]

    def no_actor(self, phrase: str) -> bool:
        """A thing ("Abraham Accords") or a group word ("Arab"), not an actor."""
        p = _actors.parse(phrase, gaz=self.gaz)
        return p.kind == "thing" or _actors.is_demonym_or_group_word(phrase, self.gaz) and not self.key(phrase)

    def key(self, name: str | None) -> str | None:
        """The actor key of a name as written: a country, organisation or a person's name or surname."""
        if not name:
            return None
        if name in self._keys:
            return self._keys[name]
        k = self._keys[name] = self._key(name)
        return k

    def _key(self, name: str) -> str | None:
        bare, place = _bare_place(name, self.gaz)
        c = self.by_name.get(bare.lower())
        if place and place.form == "place" and c and " " not in bare.strip():
            # a one-word place that is the surname of a person named in full ("Flores")
            tail = " " + _actors._name_key(bare)
            people = {k: n for k, n in c.items() if k.startswith("person:") and k.endswith(tail)}
            if people:
                return sorted(people.items(), key=lambda x: (-x[1], x[0]))[0][0]
        if place:
            return place.code
        if c:
            return sorted(c.items(), key=lambda x: (-x[1], x[0]))[0][0]
        return None


#: Pronouns that refer back to a person, and to a thing ("its", "itself"; not
#: "it", which also opens "it was time" after a person's name).
_PERSONAL = re.compile(r"\b(?:he|him|his|himself|she|her|hers|herself)\b", re.IGNORECASE)
_ITS = re.compile(r"\b(?:its|itself)\b", re.IGNORECASE)
#: At least this many "its" after a one-word name (and twice the personal pronouns) say it names a thing.
BRAND_ITS = 3


def _brand_words(flat, keys, texts: Mapping[tuple[int, str], str], field_of: Mapping[int, str],
                 analyses: Mapping[int, Analysis]) -> set[tuple[str, str]]:
    """(person key, word) pairs where the word, written alone, names a thing
    and is no given name of the person: the resolver joins a one-word name to
    the full name it opens ("Hillary" is Hillary Clinton), and so "Apple" to
    "Apple Thunderbolt". The text says which: what follows the word alone, to
    the end of the next sentence, refers back with "its" at least
    :data:`BRAND_ITS` times (one in the word's own sentence) and at least
    twice as often as with he, she, his or her (other people's pronouns
    stray into the window), and the word is never written with a title
    ("Mr. Kim": a person's name, whatever country's "its" follows). Measured
    on Article-Bias-Prediction articles (docs/accuracy.md, round 33);
    ``field_of`` gives each mention's field (by ``id``), ``analyses`` the
    sentences (else they are split here)."""
    found: dict[tuple[str, str], list] = {}
    titled: set[tuple[str, str]] = set()  # "Mr. Kim", "Chairman Kim": a person's name whatever follows
    for (aid, m), k in zip(flat, keys):
        if not k.startswith("person:") or " " not in k or not m.parsed.name:
            continue
        word = _actors._name_key(m.parsed.name)
        if " " not in word and word == k[7:].split(" ", 1)[0]:
            if m.parsed.title or _actors._honorific(m.form):
                titled.add((k, word))
            else:
                found.setdefault((k, word), []).append((aid, m))
    out: set[tuple[str, str]] = set()
    for kw, ms in found.items():
        if kw in titled:
            continue
        own = False
        its: set[tuple[int, str, int]] = set()
        personal: set[tuple[int, str, int]] = set()
        for aid, m in ms:
            fld = field_of.get(id(m))
            text = texts.get((aid, fld), "")
            if text[m.start:m.end] != m.form:
                continue
            ss = (analyses[aid].sentence_starts(fld) if aid in analyses else None) \
                or [a for a, _ in sentence_spans(text)]
            k = bisect_right(ss, m.start)
            ends = ss[k:k + 2] + [len(text)] * 2
            found_its = [x.start() for x in _ITS.finditer(text, m.end, ends[1])]
            own = own or any(x < ends[0] for x in found_its)
            its.update((aid, fld, x) for x in found_its)
            personal.update((aid, fld, x.start()) for x in _PERSONAL.finditer(text, m.end, ends[1]))
        if own and len(its) >= BRAND_ITS and len(its) >= 2 * len(personal):
            out.add(kw)
    return out


@functools.lru_cache(maxsize=1 << 16)
def _bare_place(name: str, gaz: _actors.Gazetteer) -> tuple[str, _actors.Place | None]:
    """A name as written without its quotation marks and possessive, and the
    place or organisation the gazetteer gives it: what :meth:`_ActorIndex.key`
    reads of a name whatever the event (the same names recur from event to event)."""
    bare = _actors._possessive(_actors._clean(name).strip(QUOTE_CHARS + " "))[0]
    return bare, gaz.lookup(bare)


class _Spans:
    """Whether a span overlaps, or lies within, any of a list of spans: a
    binary search over the spans sorted by start, with the furthest end so far."""

    def __init__(self, spans: list[tuple[int, int]]):
        ordered = sorted(spans)
        self.starts = [s for s, _ in ordered]
        self.reach = list(accumulate((e for _, e in ordered), max))

    def overlaps(self, s: int, e: int) -> bool:
        """Some span (ts, te) with s < te and ts < e."""
        k = bisect_left(self.starts, e)  # the spans starting before e
        return k > 0 and self.reach[k - 1] > s

    def contains(self, s: int, e: int) -> bool:
        """Some span (ts, te) with ts <= s and e <= te."""
        k = bisect_right(self.starts, s)  # the spans starting at or before s
        return k > 0 and self.reach[k - 1] >= e


_HEAD_RE = re.compile(r"((?:['’]s)? )([a-z]+)\b")

#: fold() of each form, remembered: the same names recur from event to event.
_fold_form = functools.lru_cache(maxsize=1 << 16)(fold)


_POSSESSIVE_END = re.compile(r"(?<=\w)(?:['’]s|(?<=s)['’])$")


def _without_possessive(form: str) -> str:
    """A name of several words without the possessive that ends it:
    "Kazakh President Kassym-Jomart Tokayev’s" is the form "Kazakh President
    Kassym-Jomart Tokayev" (grammar, not a way of naming him); one inside the
    name ("Kazakhstan’s President ...") stays."""
    return _POSSESSIVE_END.sub("", form)


def _actor_name(names: Mapping[str, int]) -> str:
    """The name to show for a group of forms: the shortest (the noun: Velmora,
    not Velmoran) unless a longer form is used more than twice as often
    (Kazakhstan, not Kazakh)."""
    ranked = sorted(names.items(), key=lambda x: (len(x[0]), x[0]))
    best, n_best = ranked[0]
    for name, n in ranked[1:]:
        if n > 2 * n_best:
            best, n_best = name, n
    return best


def _owner(text: str, start: int) -> str | None:
    """The name right before a quoted phrase: "the Velmoran “Prime Minister”" → Velmoran."""
    before = text[max(0, start - 40):start]
    toks = words(before)
    if toks and before.rstrip() != before and before.rstrip().endswith(toks[-1]):
        last = toks[-1].rstrip("'’s") if toks[-1].endswith(("'s", "’s")) else toks[-1]
        if last[:1].isupper() and last.lower() not in STOP_WORDS:
            return last
    return None

