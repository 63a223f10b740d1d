"""Actors: which person, country or organisation a mention stands for.

A pure module (strings in, keys out) that the naming and facts comparisons
build on, and that ``benchmarks/mentions_newswcl50.py`` measures.

* **Countries and governments** — ISO 3166 names from ``pycountry`` (a
  well-kept gazetteer, offline) plus ``framing/data/countries.tsv``: other
  names ("Britain", "U.S."), demonyms ("Israeli", "North Koreans") and seats of
  government that stand for one ("Tehran", "the Kremlin", "the White House").
  A demonym followed by a word for a government ("Iranian officials",
  "the Russian government") is that country.
* **Places below the state** — the first-level subdivisions of ISO 3166-2
  (``pycountry.subdivisions``: states, provinces, regions), and a compass
  word before a place or country ("Northern Virginia", "Eastern Ukraine"):
  a place resolves to itself, never to a person, so "West Virginia" is no
  full name whose "surname" is "Virginia". A one-word place that is the last
  word of a full name in the same article (else event) is that person's
  surname ("Jenny Flores" … "Flores"). A one-word subdivision that is an
  English word ("Central", "Delta") is no place by itself.
* **Organisations and groups** — ``framing/data/organisations.tsv`` ("the
  GOP" = "Republicans"), and names an institution word joins with "of" or
  "for" ("Bank of England", "University of Texas", "Center for American
  Progress"): one name, not "Bank" and "England".
* **People** — by full name, surname and title: within an article (else
  within the event) "Kazakh President Kassym-Jomart Tokayev" = "Tokayev" =
  "Mr. Tokayev" = "the Kazakh president". Titles and the country before them
  are read off ("Israel's prime minister", "the North Korean leader").
* **Labels** — a lexicon entry's ``refers_to`` ("Zionist regime" → Israel).
* **Distancing** — "so-called" and quotation marks around a name or title
  ('"Israeli" so-called Prime Minister Benjamin Netanyahu') leave the actor as
  it is and mark the mention as distanced.

Words inside the name of a thing are not actors of their own: "Saudi Arabia"
is one country (not "Saudi" + "Arabia"); "Abraham Accords" is a thing (its
last word names an agreement), so neither it nor "Abraham" is an actor. An
adjective that is no country's demonym ("Arab", "Asian") is not an actor.

Anything the module cannot resolve keeps a key made of its head word, so it
never does worse than grouping mentions by head word.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import accumulate
from importlib import resources

from ..text.dictionary import dictionary_word, identity_words, is_adjective, is_ly_adverb, is_noun
from ..text.normalize import strip_accents
from ..text.wordlists import (INTERJECTIONS, MONTH_ABBREVIATIONS, MONTHS, NAME_BREAKS, NAME_OPENERS, NAME_PARTICLES, NAME_STOP_WORDS, STOP_WORDS,
                              TITLE_ABBREVIATIONS, WEEKDAYS, wordlist)
from ._case import SHOUTED_WORDS, shouted

#: Words for a government or its agents: "<demonym> <word>" is the country.
GOVERNMENT_WORDS = frozenset(
    "government governments regime regimes administration authorities authority leadership "
    "officials official leaders diplomats diplomat forces military army troops navy ministry "
    "state delegation envoy envoys negotiators side cabinet intelligence embassy".split()
)
#: A person's titles, lower case, longer ones first so they match first.
TITLES = (
    "deputy prime minister", "deputy foreign minister", "deputy minister", "deputy secretary",
    "deputy director", "deputy leader", "deputy chief", "deputy mayor", "deputy governor",
    "deputy speaker",
    "supreme leader", "crown prince", "vice president", "prime minister", "foreign minister",
    "defense minister", "defence minister", "interior minister", "finance minister",
    "secretary of state", "secretary-general", "secretary general", "attorney general",
    "special counsel", "national security adviser", "white house chief of staff", "chief of staff",
    "president", "premier", "chancellor", "king", "queen", "prince", "emir", "sheikh", "sultan",
    "leader", "dictator", "minister", "secretary", "spokesman", "spokeswoman", "spokesperson",
    "senator", "sen.", "representative", "rep.", "congressman", "congresswoman", "governor", "gov.",
    # plural titles before one name of a list ("Republican Sens. Lindsey Graham and ...")
    "sens.", "reps.", "govs.", "justices",
    "mayor", "ambassador", "general", "gen.", "director", "chairman", "chairwoman", "chair", "chief",
    "counsel", "judge", "justice", "pope", "ayatollah", "commander", "ceo", "founder", "counterpart",
    "lawyer", "attorney", "adviser", "advisor", "aide",
    # titles and callings news capitalises before a name (AP style, and any
    # word opening a sentence): "House Speaker", "EPA Administrator",
    # "Businessman David Koch"; none of them is a common surname
    "inspector general", "surgeon general", "solicitor general", "chief executive",
    "speaker", "administrator", "commissioner", "superintendent", "sheriff", "detective",
    "treasurer", "comptroller", "professor", "cfo", "coo", "cto", "co-founder", "cofounder",
    "president-elect", "nominee", "candidate", "correspondent", "anchor", "analyst",
    "strategist", "commentator", "columnist", "reporter", "journalist", "activist",
    "businessman", "businesswoman", "billionaire", "historian", "pastor", "rabbi",
    "archbishop", "imam", "captain", "whip",
    # police and the armed forces, as news writes them before a name ("Police
    # Officer Ada Vale", "FBI Agent Ada Vale", "State Trooper Ada Vale")
    "officer", "agent", "trooper", "deputy", "lieutenant", "sergeant", "colonel", "corporal",
    "inspector",
    "lt.", "col.", "sgt.", "capt.", "cmdr.", "adm.", "maj.", "rev.", "prof.",
    # ranks abbreviated without a full stop (British and Commonwealth style:
    # "Lt Col Alexander Vindman", "Gen David Petraeus"); none is a surname
    "lt col", "lt gen", "maj gen", "brig gen", "rear adm", "vice adm",
    "lt", "col", "sgt", "capt", "cmdr", "adm", "maj", "gen",
)
#: Titles written short, and the title each is ("Sen. Ada Vale" is "the senator").
_SHORT_TITLES = {"sen.": "senator", "sens.": "senator", "rep.": "representative", "reps.": "representative",
                 "congressman": "representative", "congresswoman": "representative",
                 "gov.": "governor", "govs.": "governor", "gen.": "general", "gen": "general",
                 "lt.": "lieutenant", "lt": "lieutenant", "col.": "colonel", "col": "colonel",
                 "sgt.": "sergeant", "sgt": "sergeant", "capt.": "captain", "capt": "captain",
                 "cmdr.": "commander", "cmdr": "commander", "prof.": "professor", "justices": "justice",
                 "spokeswoman": "spokesman", "spokesperson": "spokesman", "chairwoman": "chairman",
                 "advisor": "adviser"}


def _same_title(title: str | None) -> str | None:
    """A title as the one it is written short for (people and roles compare by it)."""
    return _SHORT_TITLES.get(title, title) if title else title


_TITLE_WORDS = frozenset(w for t in TITLES for w in t.split() if len(w) > 3 or w.endswith("."))
#: What may close a person's name: "Jr.", "III".
NAME_SUFFIXES = frozenset("jr sr ii iii iv".split())
HONORIFICS = frozenset("mr mr. mrs mrs. ms ms. miss dr dr. sir lord lady madam".split())
DETERMINERS = frozenset("the a an this that these those our his her their its my your".split())
#: A party's member, as news writes it right before the member's name (AP style:
#: "Democrat Joe Manchin", "Republican Mitt Romney", "Tory Boris Johnson"): the
#: person's party, like a title, and no part of the name.
PARTY_MEMBERS = frozenset("democrat republican tory labour libertarian socialist communist".split())
FORMER = frozenset("former then-president late acting incoming outgoing newly-minted".split())
#: The words of a picture's or a video's credit and caption ("AP Photo", "Getty
#: Images", "FILE PHOTO", "Hide Caption", "Replay More Videos"): page furniture.
CREDIT_WORDS = frozenset("photo photos photographer image images caption video videos replay".split())
#: A member of Congress's party and state, as news writes them after the name
#: ("Rep. Ada Vale (D-Calif.)", "R-Texas"): said of the person, no actor.
AFFILIATION = re.compile(r"[DRI]-[A-Z][A-Za-z]{1,5}\.?")
#: Last words that make a capitalised name the name of a thing, not an actor.
THING_WORDS = frozenset(
    "accord accords agreement agreements treaty treaties deal deals pact summit summits act acts "
    "plan initiative initiatives forum conference convention protocol doctrine declaration charter "
    "corridor games cup war wars crisis strait sea ocean river mountains peninsula island islands "
    "prize award festival index day week program programme project strategy bill law resolution "
    "talks process framework route road amendment amendments rule recession depression pandemic".split()
) | CREDIT_WORDS
#: Last words that make a capitalised name a place that is no country.
PLACE_WORDS = frozenset(
    "strip bank city province region valley county district territory territories coast border "
    "square street avenue airport port gulf heights hills desert".split()
)
#: Last words that make a capitalised name an organisation.
ORG_WORDS = frozenset(
    "agency ministry council committee party company corporation corp inc group organization "
    "organisation association union fund network institute foundation commission department "
    "office bureau court parliament assembly army forces guard movement front news times post "
    "press tv radio television service services university center centre".split()
)
#: Words that head the name of an institution joined to the rest by "of" or
#: "for" ("Department of Justice", "Bank of England", "House of Commons").
OF_HEADS = ORG_WORDS - {"news", "times", "post", "press", "tv", "radio", "television", "front", "forces",
                        "group", "network", "services", "service", "guard"} | frozenset(
    "bank college school academy museum board house chamber senate league federation society church "
    "navy corps city kingdom republic institution library hospital center centre centers centres "
    "institutes departments ministries".split())
#: Last words of the name of an institution or a place, which no title before them makes a person's.
INSTITUTION_ENDS = ORG_WORDS | PLACE_WORDS | OF_HEADS
#: Compass words before a place or country that name a part of it ("Northern Virginia", "West Texas").
COMPASS = frozenset(
    "north south east west northern southern eastern western central northeast northwest southeast "
    "southwest northeastern northwestern southeastern southwestern upstate downstate".split())
PRONOUNS = frozenset("he she it they we i you his her their its our this that these those there here".split())
DISTANCING = ("so-called", "so called", "self-styled", "self-proclaimed", "alleged", "supposed")
QUOTES = "\"“”„«»‘’‚‹›'`"

_WORD = re.compile(r"[^\W_](?:[\w]|[’'\-.](?=[^\W_]))*\.?", re.UNICODE)


def _clean(text: str) -> str:
    if text.isascii():  # NFKC and the curly quotes change nothing in ASCII
        return text.replace("`", "'")
    text = unicodedata.normalize("NFKC", text)
    return text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"').replace("`", "'")


@lru_cache(maxsize=1 << 16)
def _fold(text: str) -> str:
    """Lower case, accents off, dots in abbreviations kept apart from words.
    Cached: an event's names are folded again and again (gazetteer lookups)."""
    return " ".join(strip_accents(_clean(text)).lower().split())


def _possessive(tok: str) -> tuple[str, bool]:
    for tail in ("'s", "s'"):
        if tok.lower().endswith(tail) and len(tok) > 3:
            return (tok[:-2] if tail == "'s" else tok[:-1]), True
    if tok.endswith("'") and len(tok) > 2:
        return tok[:-1], True
    return tok, False


# -- the gazetteer -------------------------------------------------------------

@dataclass(frozen=True)
class Place:
    code: str  # ISO alpha-3, or an organisation key
    name: str  # the name shown
    form: str  # name | demonym | seat | organisation


class Gazetteer:
    """Names, demonyms and seats of government → country; organisation names → organisation."""

    def __init__(self, countries: Iterable[tuple[str, list[str], list[str], list[str]]] = (),
                 organisations: Iterable[tuple[str, str, list[str]]] = ()):
        self.entries: dict[str, Place] = {}
        self.names: dict[str, str] = {}
        #: :func:`parse`'s results, by (text, labels)
        self.parsed: dict[tuple[str, frozenset | None], Parsed] = {}
        self._add_iso()
        for code, names, demonyms, seats in countries:
            shown = names[0] if names else self.names.get(code, code)  # the usual name, not ISO's
            self.names[code] = shown
            for n in names:
                self._put(n, Place(code, shown, "name"))
            for d in demonyms:
                self._put(d, Place(code, shown, "demonym"))
            for s in seats:
                self._put(s, Place(code, shown, "seat"))
        for key, name, others in organisations:
            self.names[key] = name
            for n in [name, *others]:
                self._put(n, Place(key, name, "organisation"), replace=True)
        self._add_subdivisions()

    def _put(self, form: str, place: Place, *, replace: bool = False) -> None:
        k = _fold(form).rstrip(".")
        if k.startswith("the "):
            k = k[4:]
        if k and (replace or k not in self.entries):
            self.entries[k] = place

    def _add_iso(self) -> None:
        import pycountry

        for c in pycountry.countries:
            shown = getattr(c, "common_name", None) or c.name
            if "," in shown:  # "Korea, Republic of": the tsv gives the usual name
                shown = getattr(c, "official_name", None) or shown
            self.names[c.alpha_3] = shown
            for n in {c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)}:
                if n and "," not in n:
                    self._put(n, Place(c.alpha_3, shown, "name"))

    def _add_subdivisions(self) -> None:
        """ISO 3166-2's first-level subdivisions (states, provinces, regions),
        each keyed ``place:`` + its folded name; a name a country or an
        organisation already holds stays theirs ("Georgia", "Washington"). A
        one-word name that is an English word ("Central", "Delta") is left
        out: it is a word before it is a place."""
        import pycountry

        from ..text.dictionary import dictionary_word

        for sub in pycountry.subdivisions:
            if sub.parent_code:
                continue
            # "Wales [Cymru GB-CYM]", "Guyane (française)", "Madrid, Comunidad de"
            head, _, rest = sub.name.partition("[")
            forms = [re.split(r"\s*[(,]", head)[0].strip()]
            alt = rest.split("]")[0].strip()
            if alt and not any(ch.isdigit() for ch in alt) and " " not in alt.strip():
                forms.append(alt)
            for form in forms:
                if not form[:1].isupper() or len(form) < 3:
                    continue
                if " " not in form and "-" not in form and dictionary_word(form):
                    continue
                key = "place:" + _fold(form)
                self._put(form, Place(key, form, "place"))

    def lookup(self, text: str) -> Place | None:
        """The place or organisation a whole phrase names ("the U.S.", "Tehran", "Israelis")."""
        k = _fold(text).strip(" .,;:" + QUOTES)
        if k.startswith("the "):
            k = k[4:]
        return self.entries.get(k.rstrip("."))


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The shipped gazetteer: pycountry plus framing's own data files."""
    data = resources.files("framing") / "data"
    countries = []
    with (data / "countries.tsv").open(encoding="utf-8") as fh:
        for row in csv.reader((line for line in fh if not line.startswith("#")), delimiter="\t"):
            if not row or not row[0].strip():
                continue
            row += [""] * (4 - len(row))
            split = [[x.strip() for x in col.split("|") if x.strip()] for col in row[1:4]]
            countries.append((row[0].strip(), *split))
    orgs = []
    with (data / "organisations.tsv").open(encoding="utf-8") as fh:
        for row in csv.reader((line for line in fh if not line.startswith("#")), delimiter="\t"):
            if len(row) >= 2 and row[0].strip():
                others = [x.strip() for x in (row[2] if len(row) > 2 else "").split("|") if x.strip()]
                orgs.append((row[0].strip(), row[1].strip(), others))
    return Gazetteer(countries, orgs)


# -- parsing one mention ---------------------------------------------------------

@dataclass
class Parsed:
    """What one mention says on its own."""

    text: str
    kind: str  # country | place | organisation | person | role | label | thing | other
    key: str | None = None  # a country / organisation key, when the mention settles it
    name: str | None = None  # a person's name as written ("Benjamin Netanyahu", "Tokayev")
    title: str | None = None  # "prime minister"
    country: str | None = None  # the country a title or name is tied to ("Israeli prime minister")
    head: str = ""  # the head word, for the fallback key
    distanced: bool = False


def _tokens(text: str) -> list[str]:
    return _WORD.findall(_clean(text))


def head_word(text: str) -> str:
    """The baseline's key: the last word before "of", lower case, possessive off."""
    return _head_of(text, _tokens(text))


def _head_of(text: str, toks: list[str]) -> str:
    """:func:`head_word` of ``text``, whose :func:`_tokens` are ``toks``."""
    low = [t.lower() for t in toks]
    if "of" in low[1:]:
        toks = toks[:low.index("of", 1)]
    if not toks:
        return _fold(text)
    return _possessive(toks[-1])[0].lower().rstrip(".")


#: TITLES by first word, in TITLES' order (longer ones first), as word lists.
_TITLES_BY_FIRST: dict[str, list[tuple[str, list[str]]]] = {}
for _t in TITLES:
    _TITLES_BY_FIRST.setdefault(_t.split()[0], []).append((_t, _t.split()))


def _match_title(low: list[str], i: int) -> str | None:
    if i >= len(low):
        return None
    for t, parts in _TITLES_BY_FIRST.get(low[i], ()):
        if low[i:i + len(parts)] == parts:
            return t
    return None


def _after_last_title(low: list[str], i: int) -> tuple[str, int] | None:
    """The last title inside ``low[i:]`` that capitalised words follow, and
    where those words start: ("ceo", 3) for "apple ceo tim cook" (i = 0)."""
    found = None
    j = i + 1
    while j < len(low) - 1:
        t = _match_title(low, j)
        if t is None:
            j += 1
            continue
        j += len(t.split())
        if j < len(low):
            found = t, j
    return found


@lru_cache(maxsize=4096)
def _qualifier_word(tok: str) -> bool:
    """A capitalised adjective or adverb ("Communist", "Younger", "Increasingly")
    that may stand before a country's or a place's name; never a compass word
    (that names a part: "Northern Virginia") nor a word of a title."""
    low = tok.lower()
    if not tok[:1].isupper() or low in COMPASS or low in _TITLE_WORDS or low in FORMER:
        return False
    return is_adjective(low) or is_ly_adverb(low)


#: An Arabic name with its article ("al-Assad", "el-Sisi", "al-Qaeda").
_ARTICLE_NAME = re.compile(r"(?:al|el)-[A-Z]")


def _name_like(tok: str) -> bool:
    """A capitalised word; after a hyphen only a short syllable may be lower
    case ("Jong-un", "Jae-in"), not a word ("Muslim-majority"). A particle in
    lower case ("de", "bin") and an Arabic article ("al-Assad") are part of
    a name."""
    if tok in NAME_PARTICLES:
        return True
    if _ARTICLE_NAME.match(tok):
        tok = tok[3:]
    parts = tok.split("-")
    return parts[0][:1].isupper() and all(p[:1].isupper() or len(p) <= 3 for p in parts[1:])


def parse(text: str, *, labels: Mapping[str, str] | None = None, gaz: Gazetteer | None = None) -> Parsed:
    """Read one mention: a country, organisation, label, person (name with
    title and country), role (title with country, no name) or something else.

    Remembered per gazetteer (the same forms recur across an event's and a
    corpus's articles): the result is shared, and callers only read it."""
    gaz = gaz or gazetteer()
    return _parse_keyed(text, labels, frozenset(labels.items()) if labels else None, gaz)


def _parse_keyed(text: str, labels: Mapping[str, str] | None, labels_key: frozenset | None,
                 gaz: Gazetteer) -> Parsed:
    """:func:`parse`, with the labels' key made once by the caller."""
    key = (text, labels_key)
    p = gaz.parsed.get(key)
    if p is None:
        if len(gaz.parsed) >= _PARSED_MAX:
            gaz.parsed.clear()
        p = gaz.parsed[key] = _parse(text, labels, gaz)
    return p


_NO_PLACE = Place("", "", "")

#: The kind of mention a gazetteer entry's form makes (any other: a country).
_KIND_OF_FORM = {"organisation": "organisation", "place": "place"}

#: At most this many remembered parses per gazetteer.
_PARSED_MAX = 1 << 16
_ALL_CAPS = re.compile(r"[A-Z]{2,}")  # "CNN", "NPR", "WATCHED"; not "U.S." nor an initial
_ROMAN = re.compile(r"X{0,3}(IX|IV|V?I{0,3})")  # a regnal number, I to XXXIX


_DISTANCING_RES = tuple(re.compile(re.escape(d), re.I) for d in DISTANCING)
_DETERMINERS_FORMER = DETERMINERS | FORMER


def _parse(text: str, labels: Mapping[str, str] | None, gaz: Gazetteer) -> Parsed:
    raw = _clean(text).strip()
    low_raw = raw.lower()
    has_distancing = any(d in low_raw for d in DISTANCING)
    distanced = has_distancing or any(q in raw for q in "\"«»")
    body = raw
    # In ASCII text a case-blind match is a lower-case one: nothing to remove
    # when no distancing word is there (other text may hold "ſo-called").
    if has_distancing or not raw.isascii():
        for rx in _DISTANCING_RES:  # one after another, as re.sub of each word in turn
            body = rx.sub(" ", body)
    body = " ".join(body.replace('"', " ").replace("«", " ").replace("»", " ").split())
    body = body.strip(" ,;:'")
    if not body:
        return Parsed(text=text, kind="other", head=head_word(raw), distanced=distanced)
    toks = _tokens(body)
    p = Parsed(text=text, kind="other", head=_head_of(body, toks), distanced=distanced)
    low_body = _fold(body)
    if labels:
        bare = low_body[4:] if low_body.startswith("the ") else low_body
        ref = labels.get(bare) or labels.get(low_body)
        if ref:
            place = gaz.lookup(ref)
            p.kind, p.key = "label", place.code if place else "actor:" + _fold(ref)
            return p
    place, named = gaz.lookup(body), body
    if place is None and " " in body:  # "the Justice Department's", "White House's": the owner is the name
        bare, poss = _possessive(body)
        if poss:
            place, named = gaz.lookup(bare), bare
    if place:
        p.kind = _KIND_OF_FORM.get(place.form, "country")
        p.key = place.code
        if p.kind == "place":
            p.name = named
        return p
    # drop determiners and honorifics at the front, possessive on the last word
    while toks and toks[0].lower() in _DETERMINERS_FORMER:
        toks = toks[1:]
    if not toks:
        return p
    low = [t.lower() for t in toks]
    # "Northern Virginia", "West Texas", "Eastern Ukraine": a part of a place, itself a place
    if len(toks) >= 2 and low[0] in COMPASS and toks[0][:1].isupper():
        rest = gaz.lookup(_possessive(" ".join(toks[1:]))[0])
        if rest is not None and rest.form in ("name", "place"):
            name = " ".join([*toks[:-1], _possessive(toks[-1])[0]])
            p.kind, p.key, p.name = "place", "place:" + _fold(name), name
            return p
    # "Communist China", "Younger Americans", "Current Florida (law)",
    # "Increasingly Americans": a country, a people or a place with an
    # adjective or an adverb before it is that country or place, as written
    # (the form keeps the adjective); no person's name. Not a capital: "Real
    # Madrid", "Downtown Washington" are the city, no government
    if len(toks) >= 2:
        for n in (1, 2):
            if len(toks) <= n or not all(_qualifier_word(t) or t.lower() in identity_words() for t in toks[:n]):
                break
            rest = gaz.lookup(_possessive(" ".join(toks[n:]))[0])
            if rest is not None and rest.form == "demonym" and any(t.lower() in identity_words() for t in toks[:n]):
                return p  # "Black Americans", "Muslim Americans": a group of people, no actor of its own
            if rest is not None and rest.form in ("name", "demonym", "place"):  # ("Real Madrid": a seat's city)
                p.kind, p.key = _KIND_OF_FORM.get(rest.form, "country"), rest.code
                if p.kind == "place":
                    p.name = " ".join([*toks[:-1], _possessive(toks[-1])[0]])
                return p
    # "Bank of England", "University of Texas", "Center for American Progress":
    # an institution word joined to a name by "of" or "for" makes one name
    for joint in ("of", "for"):
        if joint in low[1:]:
            k = low.index(joint, 1)
            after = [t for t in toks[k + 1:] if t.lower() != "the"]
            if low[k - 1] in OF_HEADS and after and all(_name_like(t) for t in toks[:k] + after) \
                    and not _match_title(low, 0):
                name = " ".join(_possessive(t)[0] if i == len(toks) - 1 else t for i, t in enumerate(toks))
                whole = gaz.lookup(name)
                if whole is not None and whole.form == "organisation":
                    p.kind, p.key = "organisation", whole.code
                else:
                    p.kind, p.key = "organisation", "org:" + _fold(name)
                return p
    # "president emmanuel macron of france": a trailing "of <country>"
    country = None
    if "of" in low[1:]:
        k = low.index("of", 1)
        tail = gaz.lookup(" ".join(toks[k + 1:]))
        if tail and tail.form not in ("organisation", "place") and not _match_title(low, max(0, k - 1)) == "secretary of state":
            country = tail.code
            toks, low = toks[:k], low[:k]
    # a leading country: "French", "Israel's", "North Korean", "U.S."
    for n in (3, 2, 1):
        if len(toks) > n:
            first, poss = _possessive(" ".join(toks[:n]))
            hit = gaz.lookup(first)
            if hit and hit.form == "place":
                break  # "Virginia Foxx", "Texas Theatre": a place's name opens other names too
            if hit and hit.form != "organisation":
                country = hit.code
                toks, low = toks[n:], low[n:]
                break
            if hit and hit.form == "organisation" and len(toks) > n:
                # "Republican lawmakers", "DNC officials": the organisation's people
                rest = [t.lower() for t in toks[n:]]
                if rest[-1] in GOVERNMENT_WORDS or rest[-1] in {"lawmakers", "members", "leaders", "senators"}:
                    p.kind, p.key = "organisation", hit.code
                    return p
    if country and low and low[-1] in GOVERNMENT_WORDS and not any(_match_title(low, i) for i in range(len(low))):
        p.kind, p.key = "country", country
        return p
    # "Ohio Sen.", "Texas Republican Gov.", "GOP Rep.": a place, a country or a
    # party before a title tells where the person serves; the title opens the rest
    lead, seat = 0, None
    while lead < len(low) - 1 and not _match_title(low, lead):
        step, hit = (1, gaz.lookup(low[lead])) if low[lead] in identity_words() else next(
            ((n, hit) for n in (3, 2, 1) if lead + n < len(toks)
             and (hit := gaz.lookup(_possessive(" ".join(toks[lead:lead + n]))[0])) is not None), (0, None))
        if not step:
            break
        seat = seat or (hit.code if hit is not None else None)
        lead += step
    if 0 < lead < len(low) and _match_title(low, lead):
        toks, low = toks[lead:], low[lead:]
        # "Massachusetts Sen. Elizabeth Warren", "the California senator", "the
        # GOP senator": the place (or the party) a title is held for is the
        # person's, as a country before it is
        country = country or seat
    elif len(toks) >= 3 and low[0] in PARTY_MEMBERS:
        # "Democrat Hillary Clinton": the party before a name of two or more
        # words that is no organisation's, thing's or place's name, nor a
        # group's ("Republican Jewish Coalition")
        rest = [_possessive(t)[0] for t in toks[1:]]
        if all(_name_like(t) and not _ALL_CAPS.fullmatch(t) and t.lower() not in _TITLE_WORDS
               and t.lower() not in identity_words() for t in rest) \
                and rest[-1].lower() not in INSTITUTION_ENDS and rest[-1].lower() not in THING_WORDS \
                and gaz.lookup(" ".join(rest)) is None:
            toks, low = toks[1:], low[1:]
    # "CNN Dana Bash", "NPR Ada Vale", "ABC News Ada Vale", "JUST WATCHED Ada
    # Vale": an outlet's or an agency's all-caps abbreviation (or a banner)
    # glued before two or more capitalised words is where the person works or
    # page furniture, not the person's first name; an initialism of the words
    # after it is their name written short, and a run that ends in an
    # institution's or a place's word stays that institution's name
    caps = 0
    while caps < len(toks) and _ALL_CAPS.fullmatch(_possessive(toks[caps])[0]):
        caps += 1
    if caps and caps < len(toks) and low[caps] == "news" and caps + 1 < len(toks):
        caps += 1
    if 0 < caps <= 3 and len(toks) - caps >= 2:
        rest = [_possessive(t)[0] for t in toks[caps:]]
        if all(_name_like(t) and not _ALL_CAPS.fullmatch(t) for t in rest) \
                and "".join(t[0] for t in rest) != toks[caps - 1].upper() \
                and rest[-1].lower() not in INSTITUTION_ENDS and rest[-1].lower() not in THING_WORDS \
                and gaz.lookup(" ".join(rest)) is None:
            toks, low = toks[caps:], low[caps:]
    # "Browns DL Sheldon Richardson", "Texas AG Ken Paxton": an initialism the
    # gazetteer and the dictionary do not know, between a name and a name of
    # two or more words, is a role written short (as "Apple CEO Tim Cook"):
    # the words before it are where the person serves, the words after it the
    # person's name ("George HW Bush", one word after it, stays whole)
    role = None
    for m in range(1, len(toks) - 2):
        w = _possessive(toks[m])[0]
        if not _ALL_CAPS.fullmatch(w) or _ROMAN.fullmatch(w):
            continue  # "Benedict XVI": a regnal number, no role
        rest = [_possessive(t)[0] for t in toks[m + 1:]]
        if (not dictionary_word(w.lower()) and gaz.lookup(w) is None and _match_title(low, m + 1) is None
                and all(_name_like(t) and not _ALL_CAPS.fullmatch(t) for t in toks[:m])
                and all(_name_like(t) and not _ALL_CAPS.fullmatch(t) for t in rest)
                and rest[-1].lower() not in INSTITUTION_ENDS and rest[-1].lower() not in THING_WORDS
                and gaz.lookup(" ".join(rest)) is None):
            role, toks, low = low[m], toks[m + 1:], low[m + 1:]
        break
    # titles, then a capitalised name
    title = None
    i = 0
    while i < len(low):
        if low[i] in HONORIFICS:
            i += 1
            continue
        t = _match_title(low, i)
        if t is None:
            break
        # "Deputy Attorney General": a deputy's title is the deputy's own
        title = f"deputy {t}" if title == "deputy" else t if title is None or t not in ("general",) else title
        i += len(t.split())
    name_toks = [_possessive(t)[0] for t in toks[i:]]
    if name_toks and all(_name_like(t) for t in name_toks) and not any(x.lower() in GOVERNMENT_WORDS for x in name_toks):
        if name_toks[-1].lower() in THING_WORDS:
            p.kind = "thing"
            return p
        last = gaz.lookup(name_toks[-1]) if len(name_toks) >= 2 else None
        if last is not None and last.form == "organisation" and not title and (
                all(t.lower() in OF_HEADS for t in name_toks[:-1])
                or (gaz.lookup(" ".join(name_toks[:-1])) or _NO_PLACE).form == "place"):
            # "Senate Republicans", "House Democrats", "Iowa Democrats": the
            # party's members in an institution or a place
            p.kind, p.key = "organisation", last.code
            return p
        if any(t.lower() in _TITLE_WORDS for t in name_toks) or any(
                _match_title(low, j) for j in range(i + 1, len(low) - 1)):
            after = _after_last_title(low, i)
            if after is None:
                return p  # "Velmoran Prime Minister": an unknown name before a title, no person's name
            # "Apple CEO Tim Cook", "Supreme Court Justice Ada Vale", "Velmoran
            # Prime Minister Ada Vale": the words before the title are where
            # the person serves, the words after it are the person's name
            title, k = after
            name_toks = name_toks[k - i:]
            # two words at least: one word after a title word is as often a
            # name's end ("Larry King Live", "Martin Luther King Jr.")
            if len(name_toks) < 2 or any(t.lower() in _TITLE_WORDS or t.lower().rstrip(".") in NAME_SUFFIXES
                                         for t in name_toks) \
                    or name_toks[-1].lower() in INSTITUTION_ENDS:
                return p  # ... and "Copper Queen Community Hospital" is a hospital's name
        if all(t.lower() in GROUP_WORDS for t in name_toks) or all(
                "-" in t and _group_compound(t, gaz) for t in name_toks):
            return p  # "Arab", "Muslims", "African-Americans": a group word, no actor of its own
        if name_toks[-1].lower() in PLACE_WORDS or (len(name_toks) == 1 and name_toks[0].lower() in PRONOUNS):
            return p
        if (name_toks[-1].lower() in ORG_WORDS or _newspaper_compound(name_toks[-1])
                or len(name_toks) >= 2 and name_toks[-1].lower() in PAPER_ENDS) and not title:
            p.kind, p.key = "organisation", "org:" + _fold(" ".join(name_toks))
            return p
        whole = gaz.lookup(" ".join(name_toks))
        if whole and not title:
            p.kind = "organisation" if whole.form == "organisation" else "country"
            p.key = whole.code
            return p
        if len(name_toks) >= 2 and name_toks[0].lower() in COMPASS and not title:
            # "West Baltimore", "East Las Vegas": no first name is a compass word
            name = " ".join(name_toks)
            p.kind, p.key, p.name = "place", "place:" + _fold(name), name
            return p
        p.kind, p.name, p.title, p.country = "person", " ".join(name_toks), title or role, country
        return p
    if title and i == len(low):
        p.kind, p.title, p.country = "role", title, country
        return p
    if country and len(low) <= 2:
        # "Iranian deception", "the Iranians": something of the country, filed with it
        # only when nothing else is named
        p.kind, p.key = "country", country
        return p
    return p


# -- resolving the mentions of one event -------------------------------------------

@lru_cache(maxsize=1 << 16)
def _name_key(name: str) -> str:
    """A person's name folded for comparison: case, dots, hyphens and middle initials off."""
    toks = [t.strip(".") for t in _fold(name).replace("-", " ").split()]
    toks = [t for t in toks if t and not (len(t) == 1 and len(toks) > 2)]
    return " ".join(toks)


@dataclass
class Resolution:
    """The actor each mention of one event stands for."""

    keys: list[str]
    names: dict[str, str] = field(default_factory=dict)  # key → name to show
    parsed: list[Parsed] = field(default_factory=list)


@lru_cache(maxsize=1 << 14)
def _honorific(text: str) -> bool:
    """Whether a mention holds an honorific ("Mr.", "Dr."). Remembered: an
    event's mentions repeat their forms."""
    return any(t.lower() in HONORIFICS for t in _tokens(text))


_GLUED_WORDS = re.compile(r"[A-Z][a-z]{3,}[A-Z]")
#: A word glued to what follows it: its first part ("Trump" of "TrumpGOP", "Clinton" of "Clinton2020").
_GLUED_AFTER = re.compile(r"([A-Z][a-z]{3,})[A-Z0-9]")


def _link_texts_glued(name: str) -> bool:
    """A name with a word glued to the capitalised word after it: "Donald John
    TrumpGOP", "Paul Davis RyanEsper", "Jimmy CarterThe Hill" (a page's link
    texts run together), no one's full name. A short prefix with a capital
    after it is part of a name ("McCain", "MacArthur", "DeVos", "LeBron")."""
    return _GLUED_WORDS.search(name) is not None


def _epithets(full_names: Mapping[str, int], ending_in: Mapping[str, list[str]]) -> dict[str, str]:
    """Full names (folded) that are a person's name with adjectives before it,
    each with that person's full name: "Big Bad Wendy Davis" where the event
    also writes "Wendy Davis"; "Controversial Hagel" (an adjective and the
    surname of one person the event names in full); "Crooked Hillary", "Sleepy
    Joe" (an adjective and the first name of one such person). The epithet is
    a form of the person's, as a title is; an adjective that is also a noun
    ("Young", "Grand") or a first name no full name opens stays a name.
    ``ending_in``: the full names by their last word."""
    opening_with: dict[str, list[str]] = defaultdict(list)
    for f in full_names:
        opening_with[f.split(" ", 1)[0]].append(f)
    out: dict[str, str] = {}
    for k in sorted(full_names):
        toks = k.split()
        lead = 0
        while lead < len(toks) - 1 and is_adjective(toks[lead]) and not is_noun(toks[lead]):
            lead += 1
        if not lead:
            continue
        rest = toks[lead:]
        if len(rest) >= 2:
            whole = " ".join(rest)
            if whole in full_names:
                out[k] = whole
            continue
        # "Controversial Hagel" (a surname: the person whose name ends in it),
        # "Crooked Hillary" (else a first name: the person whose name opens with it)
        word = rest[0]
        others = [f for f in ending_in.get(word, ()) if f != k]
        people = sorted({f for f in others if not is_adjective(f.split()[0])})
        if not others:
            people = sorted({f for f in opening_with.get(word, ()) if f != k})
        if len(people) == 1:
            out[k] = people[0]
    return out


def resolve(mentions: Sequence[tuple[object, str]], *, labels: Mapping[str, str] | None = None,
            gaz: Gazetteer | None = None, parsed: Sequence[Parsed] | None = None) -> Resolution:
    """Resolve ``(article, mention text)`` pairs of one event to actor keys.

    Countries and organisations resolve by themselves. A person's full name is
    the person (a name written as one word, or with link texts glued into it,
    is none); a surname (with or without "Mr." or a title) is the person of
    that article whose full name ends in it, else the event's, and of several
    the one written with that title; a role ("the
    Israeli prime minister", "the president") is the person of that article
    (else of the event) seen with that title and no other country. Anything
    else is keyed by its head word. ``parsed``: each mention's :func:`parse`
    with these labels, when the caller has it (:class:`TextMention` does).
    """
    gaz = gaz or gazetteer()
    if parsed is None:
        parsed = [parse(t, labels=labels, gaz=gaz) for _, t in mentions]
    parsed = list(parsed)
    # titles as the one each is written short for ("Sen." is "senator")
    titles_ = [_same_title(p.title) for p in parsed]
    arts = [a for a, _ in mentions]
    # full names per article and per event
    full_by_art: dict[object, Counter[str]] = defaultdict(Counter)
    full_event: Counter[str] = Counter()
    full_titles: dict[str, set[str]] = defaultdict(set)  # the titles each full name is written with
    shown: dict[str, str] = {}
    for a, p, title in zip(arts, parsed, titles_):
        # one word as written is no full name, hyphens or not: "Trump-Putin",
        # "Romney-Portman", "Fiat-Chrysler" pair two names ("Ocasio-Cortez"
        # is still the surname of "Alexandria Ocasio-Cortez", matched by its end)
        if p.kind == "person" and p.name and " " in p.name.strip() and len(_name_key(p.name).split()) >= 2 \
                and not _link_texts_glued(p.name):
            k = _name_key(p.name)
            full_by_art[a][k] += 1
            full_event[k] += 1
            shown.setdefault(k, p.name)
            if title:
                full_titles[k].add(title)
    # a full name that is a longer form of another ("Kim Jong Un" / "Jong Un") joins
    # the first (longest, most named) name it is a run of words of; found by
    # looking its words up among the runs of the names before it, never by
    # comparing every pair of names (an archive's event has thousands)
    ending_in: dict[str, list[str]] = defaultdict(list)  # the event's full names by their last word
    for f in full_event:
        ending_in[f.rsplit(" ", 1)[-1]].append(f)
    epithet = _epithets(full_event, ending_in)
    canon: dict[str, str] = {}
    first_with_run: dict[tuple[str, ...], str] = {}
    for k in sorted(full_event, key=lambda x: (-len(x.split()), -full_event[x], x)):
        if k in epithet:
            continue  # joins its person below
        canon[k] = first_with_run.get(tuple(k.split()), k)
        if canon[k] == k:
            ft = k.split()
            for i in range(len(ft)):
                for j in range(i + 1, len(ft) + 1):
                    first_with_run.setdefault(tuple(ft[i:j]), k)
            if len(ft) >= 3 and not any("." in t for t in ft[1:-1]):
                # "Sarah Sanders" is "Sarah Huckabee Sanders", a middle name left out;
                # not "George W. Bush" of "George H.W. Bush": initials tell two people apart
                first_with_run.setdefault((ft[0], ft[-1]), k)
    for k, person in epithet.items():
        canon[k] = canon[person]
    event_named: Counter[str] = Counter()  # how often the event writes each name in full, by the name each joins
    for k, n in full_event.items():
        event_named[canon[k]] += n
    titles_of: dict[str, set[str]] = defaultdict(set)  # the same, by the name each joins
    for k, ts in full_titles.items():
        titles_of[canon[k]] |= ts
    # a titled surname that an article leaves no doubt about ("Vice President
    # Biden" where the article names Joe Biden alone) says whom that titled
    # surname means where another article names two Bidens
    sure: dict[tuple[str, str], set[str]] = defaultdict(set)
    for a, p, title in zip(arts, parsed, titles_):
        if p.kind == "person" and p.name and title and " " not in p.name.strip():
            nk = _name_key(p.name)
            local = {canon[f] for f in full_by_art.get(a, ()) if f.split()[-1] == nk}
            if len(local) == 1:
                sure[(nk, title)] |= local
    # the event's full names by each of their words (those ending in some
    # words are among those holding the last of them: person_for checks the end)
    by_word: dict[str, list[str]] = defaultdict(list)
    for full in full_event:
        for w in dict.fromkeys(full.split()):
            by_word[w].append(full)

    def person_for(token_key: str, a: object, *, ending: bool = False, title: str | None = None) -> str | None:
        """The full name (of the article, else of the event) a name or surname
        stands for: one ending in its words, or, for one word and unless
        ``ending``, containing it, unless it is also a surname and the name
        holding it ends in an English word ("Trump" is Donald Trump where the
        article also names Trump Tower; "Hillary" is Hillary Clinton, even
        beside "Crooked Hillary"); of several, one written with the same
        ``title`` if any ("Sgt Johnson" is "Sgt La David Johnson", not his
        mother "Cowanda Jones-Johnson"), or that the same titled surname means
        without doubt in another article, else the most named."""
        toks = token_key.split()
        local = full_by_art.get(a) or {}  # (read only: no Counter made per call)
        # a surname of the event's: "Trump Tower", "Mueller Report" are things named after its person
        surname = len(toks) == 1 and toks[0] in ending_in
        for pool, fulls in ((local, local), (full_event, by_word.get(toks[-1], ()) if toks else ())):
            hits: dict[str, int] = {}
            inside: dict[str, int] = {}  # full names holding the one word before their last
            for full in fulls:
                ft = full.split()
                if ft[-len(toks):] == toks:
                    hits[canon[full]] = hits.get(canon[full], 0) + pool[full]
                elif not ending and len(toks) == 1 and toks[0] in ft:
                    inside[canon[full]] = inside.get(canon[full], 0) + pool[full]
            if surname:
                inside = {k: n for k, n in inside.items() if not dictionary_word(k.rsplit(" ", 1)[-1])}
            for k, n in inside.items():
                hits[k] = hits.get(k, 0) + n
            if hits and title and pool is local and not any(title in titles_of.get(k, ()) for k in hits) \
                    and any(title in titles_of.get(canon[f], ()) and f.split()[-len(toks):] == toks
                            for f in by_word.get(toks[-1], ())):
                continue  # "President Obama" where the article names only Michelle Obama in full:
                # the event's President Obama, written with that title elsewhere
            if hits:
                if title and len(hits) > 1:
                    hits = ({k: n for k, n in hits.items() if title in titles_of.get(k, ())}
                            or {k: n for k, n in hits.items() if k in sure.get((token_key, title), ())}
                            or hits)
                # of equals in the article, the one the event names most
                # ("Clinton" where the article names Hillary and Chelsea
                # Clinton once each: the event's Hillary), then by name
                return sorted(hits.items(), key=lambda x: (-x[1], -event_named[x[0]], x[0]))[0][0]
        return None

    person_of: dict[tuple[str, object, str | None], str | None] = {}  # person_for's answers, each asked once
    keys: list[str | None] = [None] * len(parsed)
    # titles and countries of each person, from mentions that name them
    titled: dict[object, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    titled_event: dict[str, Counter[str]] = defaultdict(Counter)
    person_country: dict[str, Counter[str]] = defaultdict(Counter)

    for idx, (a, p, title) in enumerate(zip(arts, parsed, titles_)):
        if p.kind == "place" and p.key:
            # a place, unless its one word is the surname of a person named in full
            full = person_for(_name_key(p.name), a, ending=True) if p.name and " " not in p.name.strip() else None
            keys[idx] = "person:" + full if full else p.key
        elif p.kind in ("country", "organisation", "label") and p.key:
            keys[idx] = p.key
        elif p.kind == "person" and p.name:
            nk = _name_key(p.name)
            full = canon.get(nk)
            if not full:
                found = person_of.get((nk, a, title), person_of)
                if found is person_of:
                    found = person_of[(nk, a, title)] = person_for(nk, a, title=title)
                full = found
            if full is None and not title and not _honorific(p.text):
                continue  # one capitalised word, never a full name nor titled: no evidence of a person
            full = full or nk
            keys[idx] = "person:" + full
            if full not in shown or _shouted_name(shown[full]) and not _shouted_name(p.name) \
                    and len(p.name.split()) >= len(shown[full].split()):
                shown[full] = p.name  # as first written; in capitals only when never written otherwise in full
            if title:
                titled[a][title][full] += 1
                titled_event[title][full] += 1
            if p.country:
                person_country[full][p.country] += 1
    for idx, (a, p, title) in enumerate(zip(arts, parsed, titles_)):
        if keys[idx] is not None or p.kind != "role" or not title:
            continue
        for pool in (titled.get(a, {}).get(title), titled_event.get(title)):
            if not pool:
                continue
            # a role with a country or a place ("the Ukrainian president", "the
            # California senator") is a person the event writes with it: a
            # person written with the title alone may hold it anywhere
            # ("President Obama" is no "French president" where France is news)
            cands = [(n, full) for full, n in pool.items()
                     if p.country is None
                     or person_country[full] and person_country[full].most_common(1)[0][0] == p.country]
            if cands:
                keys[idx] = "person:" + sorted(cands, key=lambda x: (-x[0], x[1]))[0][1]
                break
    # "Trump Tower", "Clinton Cash", "Mueller Report": two words, the first the
    # surname of another person the event names in full (a first name that is
    # no English word: not "Crazy Bernie" before Bernie Sanders), the last an
    # English word, never written with a title: a thing named after that person
    named_after = {c for c in set(canon.values())
                   if c.count(" ") == 1 and c.split(" ")[0] in ending_in and not titles_of.get(c)
                   and dictionary_word(c.split(" ")[1])
                   and any(canon[f] != c and not dictionary_word(f.split(" ")[0])
                           for f in ending_in[c.split(" ")[0]])}
    names: dict[str, str] = {}
    written: dict[str, dict[str, int]] = {}  # org and place keys: each name as written, how often
    out: list[str] = []
    for idx, (p, title) in enumerate(zip(parsed, titles_)):
        k = keys[idx]
        if k is not None and named_after and k.startswith("person:") and k[7:] in named_after:
            k = "thing:" + k[7:]
        if k is None:
            if p.kind == "thing":
                k = "thing:" + _fold(p.text)
            elif p.kind == "role" and p.country:
                k = f"role:{p.country}:{title}"
            else:
                k = "head:" + p.head
        out.append(k)
        if k.startswith("person:"):
            names.setdefault(k, shown.get(k[7:], k[7:]))
        elif k in gaz.names:
            names.setdefault(k, gaz.names[k])
        elif k.startswith(("org:", "place:")):
            name = " ".join(_possessive(t)[0] for t in _tokens(p.text)
                            if t.lower() not in DETERMINERS and t.lower() != "so-called") or k.partition(":")[2]
            c = written.setdefault(k, {})
            c[name] = c.get(name, 0) + 1
    # an organisation the gazetteer does not know, a place: the name it is
    # written with most often, in full ("the Journal" gives way to "the Wall
    # Street Journal", a dateline's "NEW YORK" to "New York"), the first of equals
    for k, c in written.items():
        names[k] = max(c, key=lambda n: (not _shouted_name(n), c[n], len(n.split())))
    return Resolution(keys=out, names=names, parsed=parsed)


def _shouted_name(name: str | None) -> bool:
    """A name written in capitals only ("NISSAN SENTRA", a dateline's "NEW YORK")."""
    return bool(name) and name.isupper() and any(len(w) > 3 for w in name.split())


def lexicon_labels(entries: Iterable[object]) -> dict[str, str]:
    """Folded term and variants → ``refers_to``, for every lexicon entry that
    names one actor ("zionist regime" → "Israel")."""
    out: dict[str, str] = {}
    for e in entries:
        ref = getattr(e, "refers_to", None)
        if ref:
            for t in (getattr(e, "term", ""), *(getattr(e, "variants", ()) or ())):
                if t:
                    out[_fold(t)] = ref
    return out


def _group_compound(tok: str, gaz: Gazetteer) -> bool:
    """A hyphenated word of group words and demonyms ("African-American",
    "Arab-Americans", "Israeli-Palestinian"): people, or an adjective, no actor."""
    parts = [x for x in tok.lower().split("-") if x]
    return len(parts) >= 2 and all(x in GROUP_WORDS or (gaz.lookup(x) or _NO_PLACE).form == "demonym"
                                   for x in parts)


def is_demonym_or_group_word(text: str, gaz: Gazetteer | None = None) -> bool:
    """Whether a phrase is only a demonym, nationality, religion or generic
    group word — not a checkable fact ("Arab", "Muslim", "Asian", "Israeli")."""
    gaz = gaz or gazetteer()
    k = _fold(text).strip(" .,'\"")
    if k in GROUP_WORDS:
        return True
    hit = gaz.lookup(k)
    if hit:
        return hit.form == "demonym"
    toks = [t.lower() for t in _tokens(k)]
    return bool(toks) and all(t in GROUP_WORDS or (gaz.lookup(t) or _NO_PLACE).form == "demonym"
                              or _group_compound(t, gaz) for t in toks)


#: Religions, ethnic and regional adjectives and generic group words: never a
#: fact of their own and never an actor row by themselves.
GROUP_WORDS = frozenset(
    """arab arabs arabic asian asians african africans european europeans western westerners
    eastern muslim muslims islamic jewish jew jews christian christians catholic catholics
    protestant protestants hindu hindus buddhist buddhists sikh sikhs shia shiite shiites sunni
    sunnis latino latinos hispanic hispanics black white zionist zionists persian persians kurdish
    kurds kurd middle eastern gulf nordic slavic baltic balkan caucasian central
    """.split()
)


# -- mentions in running text ------------------------------------------------------

@dataclass
class TextMention:
    """One mention of an actor found in a text: ``text[start:end] == form``."""

    start: int
    end: int
    form: str
    parsed: Parsed


_TOKEN = re.compile(r"[^\W_](?:[\w]|[’'\-.](?=[^\W_]))*", re.UNICODE)
_TOKEN_SPLIT = re.compile("(" + _TOKEN.pattern + ")", re.UNICODE)
_GAP = re.compile(r"^[ \t\"“”«»'‘’]*$")
_OPEN_Q = "\"“«‘'"
_CLOSE_Q = "\"”»’'"
_JOINTS = frozenset({"of", "for"})
#: Abbreviated titles and honorifics whose full stop does not end a run of
#: names ("St." is left out: "St. Louis" is a place, not a title and a name).
_RUN_ABBREVIATIONS = TITLE_ABBREVIATIONS - {"st"}
_ABBREVIATION_GAP = re.compile(r"\. {1,2}")
_INITIAL_GAP = re.compile(r"\. ?")
_INITIALS = re.compile(r"[A-Z](?:\.[A-Z])*")  # "W", "H.W" (a middle initial, or two)
_ACTOR_KINDS = frozenset({"country", "organisation", "person", "role", "label", "place"})


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    return frozenset(w for t in TITLES for w in t.split())


#: Function words that open a sentence before a name ("But Netanyahu", "The Kremlin").
_OPENERS = DETERMINERS | {"but", "and", "or", "if", "when", "while", "as", "in", "on", "at", "by", "for",
                          "from", "with", "after", "before",
                          # conjunctions and prepositions that no name begins with
                          "although", "though", "because", "unless", "whereas", "whether", "despite",
                          "unlike", "during", "amid", "amidst", "among", "since", "until", "without",
                          "within", "against", "toward", "towards", "upon", "via", "nor",
                          "well"} | INTERJECTIONS  # "Oh, Trump said", "Hey Pete"


#: Function words, months and weekdays that may open a run of names only by standing
#: before it at a sentence's start: the stop words without those that are
#: also first names or parts of names (Bill, Will, May, New, US, UN, De), and the
#: verbs that open a reader's instruction ("See Nancy Pelosi's ...", "Read ...").
_INSTRUCTION_VERBS = frozenset({"see", "read", "watch"})
_GLUED_OPENERS = (STOP_WORDS - {"bill", "will", "may", "mill", "fire", "us", "new", "un", "de", "co",
                                "inc", "ltd"}) | frozenset(MONTHS) | WEEKDAYS | _INSTRUCTION_VERBS


#: Words of _GLUED_OPENERS that also open names of people or titles ("June Teufel
#: Dreyer", "First Lady"): cut before a name only where the name stands alone whole.
_NAMES_TOO = frozenset(MONTHS) | NAME_STOP_WORDS

#: Function words that a line set in Title Case capitalises (see find_mentions):
#: the stop words, less those that are also names or parts of names (and no verb).
_TITLE_CASE_WORDS = _GLUED_OPENERS - frozenset(MONTHS) - WEEKDAYS - _INSTRUCTION_VERBS


#: Months and their abbreviations (news writes "Oct. 5", "Sept. 11", "Jan 6").
_MONTH_WORDS = frozenset(MONTHS) | MONTH_ABBREVIATIONS
_DAY_AFTER = re.compile(r"\.?\s$")

#: The longest initialism read as an organisation's label glued to a name.
_LABEL_LETTERS = 5


#: A quotation mark that opens after a space, inside the gap between two words.
_QUOTE_OPENS = re.compile(r"[ \t][\"“«‘']")
_QUOTE_CLOSES = re.compile(r"[\"”»’'] ")


def shouted_word(word: str, gaz: Gazetteer | None = None) -> bool:
    """A word of English set in capitals ("MORE", "WATCH", "IS"), not an
    initialism the gazetteer knows: a page's label or a shouted line's word."""
    low = word.lower()
    return word.isupper() and len(word) >= 2 and (low in STOP_WORDS or dictionary_word(low)) \
        and (gaz or gazetteer()).lookup(word) is None


def _nickname_at(words_: Sequence[str], gaps: Sequence[str], m: int) -> bool:
    """Whether the quotation opening before ``words_[m]`` closes within three
    words right before another capitalised word, as a nickname inside a name
    does (Thomas “Tip” O'Neill, Dwayne "The Rock" Johnson)."""
    for p in range(m, min(m + 3, len(gaps))):
        if _QUOTE_CLOSES.fullmatch(gaps[p]):
            return p + 1 < len(words_) and words_[p + 1][:1].isupper()
        if gaps[p] != " ":
            return False
    return False


#: What stands before a word that opens a sentence or a line: the text's start,
#: a line break, or a sentence's end, and opening marks.
_OPENS_BEFORE = re.compile(r"(?:^|[\n.!?:;]|[.!?][’'\"”)])[\s\"“‘'(•*\-–—]*$")


def _occurrences(text: str, word: str) -> Iterable[int]:
    return (m.start() for m in re.finditer(r"(?<![\w’'-])" + re.escape(word) + r"(?![\w’'-])", text))


def _opens_no_sentence(text: str, word: str, glued: str = "") -> bool:
    """Does the text write ``word`` capitalised inside a sentence somewhere (not
    right after ``glued``, the word glued to it)?"""
    before = glued + " "
    return any(not _OPENS_BEFORE.search(text, max(0, s - 4), s)
               and not (glued and text.startswith(before, s - len(before))) for s in _occurrences(text, word))


#: Sentence adverbs that are neither stop words nor shaped as adverbs ("Maybe Instagram ...").
_SENTENCE_ADVERBS = frozenset({"maybe", "perhaps"})


def _verb_or_adverb_form(word: str) -> bool:
    """A word shaped as a verb's -ing or -ed form or as an adverb ("Highlighting",
    "Added", "Obviously"), or a sentence adverb: never a first name, unlike bare
    verbs ("Peter", "Harry", "Rob")."""
    low = word.lower()
    return low in _SENTENCE_ADVERBS or len(low) > 4 and low.endswith(("ing", "ed", "ly"))


def _sentence_word(text: str, word: str) -> bool:
    """Is ``word`` an English adverb or verb ("Maybe", "Enter", "Follow"),
    neither noun nor adjective, that the text capitalises only where it opens
    a sentence or a line? Such a word glued to a name is no part of it; a word
    of a name is capitalised inside sentences too ("the Occupy Wall Street
    movement")."""
    low = word.lower()
    if not word[1:].islower() or not dictionary_word(low):
        return False
    if is_adjective(low) or is_noun(low):
        return False
    return not _opens_no_sentence(text, word)


def _capital_labels(words_: Sequence[str]) -> bool:
    """Are these words a label set in capitals ("WATCH", "FILE PHOTO", "JUST
    WATCHED"): English words, each in capitals?"""
    return all(w.isupper() and len(w) > 1 and (w.lower() in STOP_WORDS or dictionary_word(w.lower()))
               for w in words_)


def _label_word(text: str, word: str, start: int) -> bool:
    """Is ``word``, written before a colon at ``start``, a label ("Author:",
    "Analysis:", "Update:") rather than a name? A common noun that opens its
    line (after a bullet, or a label in capitals: "JUST WATCHED Author:") and
    that the text never writes without the colon. "Trump: ..." beside "Trump
    said", "Mike Pence:" (a first name before it) and "told Politico:" (inside
    a sentence) stay names."""
    if word.isupper() or not word[1:].islower():
        return False
    line = text[text.rfind("\n", 0, start) + 1:start]
    if any(ch.islower() for ch in line):
        return False
    low = word.lower()
    return dictionary_word(low) and is_noun(low) and text.count(word) == text.count(word + ":")


def _no_name(text: str, start: int, end: int) -> TextMention:
    """``text[start:end]`` as a mention of a thing: words that name no actor
    (a label, a date, a link card, a line in Title Case), which
    :func:`find_mentions` gives with ``keep_all`` so that a caller leaves
    them out of its one-word names too."""
    form = text[start:end]
    return TextMention(start, end, form, Parsed(text=form, kind="thing", head=head_word(form)))


def state_after_city(text: str, word: str, start: int, end: int) -> bool:
    """Is ``word`` (at ``start:end`` of ``text``) a US state as news abbreviates
    it after a city, with a comma before it and its full stop after it
    ("Fresno, Calif.", "Macon, Ga.": ``state_abbreviations.txt``)?"""
    return (text[start - 2:start] == ", " and text[end:end + 1] == "."
            and word.lower() in _STATE_ABBREVIATIONS)


_DOUBLE_OPEN, _DOUBLE_CLOSE = "\"“«", "\"”»"


_OWNER_BEFORE = re.compile(r"\w(?:[’']s|[’'])\s$")


def _owned_work(text: str, start: int, ends: Sequence[int], first: int) -> int | None:
    """The last word inside a double quotation that opens right before
    ``start`` after a possessive ("NBC’s “Meet the Press”", "CBS' "Face the
    Nation"", "Fox News’ “Hannity”": the owner's programme, book or film),
    when the quotation closes within a title's length; else None."""
    if text[start - 1:start] not in _DOUBLE_OPEN or not _OWNER_BEFORE.search(text, max(0, start - 6), start - 1):
        return None
    for x in range(start, min(start + 60, len(text))):
        c = text[x]
        if c in _DOUBLE_CLOSE:
            last = first
            while last + 1 < len(ends) and ends[last + 1] <= x:
                last += 1
            return last
        if c in "“«\n":
            return None
    return None


def _in_double_quotes(text: str, start: int, end: int) -> bool:
    """Does a double quotation mark open right before ``start`` and close
    after ``end``, before the next one opens and within a title's length
    (“It Keeps You Runnin’”, “Takin’ It to the Streets”)?"""
    if text[start - 1:start] not in _DOUBLE_OPEN:
        return False
    for c in text[end:end + 60]:
        if c in _DOUBLE_CLOSE:
            return True
        if c in "“«\n":
            return False
    return False


#: The last words of newspapers' names (``newspaper_words.txt``: "Times", "Post", "Herald").
_NEWSPAPER_WORDS = wordlist("newspaper_words")
#: A newspaper's last word of five letters or more ("the Minneapolis Star
#: Tribune", "the Miami Herald", "the Atlanta Journal"): the name of several
#: words it ends is a newspaper's, not a person's ("leader" is a title).
PAPER_ENDS = frozenset(w for w in _NEWSPAPER_WORDS if len(w) >= 5) - {"leader"}
_STATE_ABBREVIATIONS = wordlist("state_abbreviations")


def _newspaper_compound(word: str) -> bool:
    """A newspaper's hyphenated name word ("Post-Gazette", "Times-Picayune",
    "Star-Tribune"): a part of four letters or more is a newspaper's word
    (a given name's parts are shorter: "Jae-in", "Ji-sun")."""
    return "-" in word and any(len(p) >= 4 and p.lower() in _NEWSPAPER_WORDS for p in word.split("-"))


def _past_capital_labels(words_: Sequence[str], k: int, j: int, titles: frozenset[str] | set[str],
                         gaz: Gazetteer, dictionary_word: Callable[[str], bool]) -> int:
    """The first word of the run ``words_[k:j + 1]`` that belongs to the name,
    past words in capitals that a page glued to it: a player's or a page's
    label ("JUST WATCHED Ron Barber", "CLOSE Donald Trump": English words in
    capitals before words that are not), and an initialism the gazetteer
    does not know right before a name of two or more words in Title Case
    with no title between ("CNN David Gergen", "NPR Brian Naylor": a network's
    credit or programme label; "CNN's Dana Bash": its reporter). "FBI Director James Comey" (a title follows),
    "US Supreme Court" and "NATO Secretary" (known names) and a name all in
    capitals ("BILL GATES") are left whole."""
    if not _possessive(words_[k].replace("’", "'"))[0].isupper():
        return k
    if any(not w.isupper() for w in words_[k + 1:j + 1]):
        while k < j and words_[k].isupper() and len(words_[k]) >= 3 and dictionary_word(words_[k].lower()):
            k += 1

    w = _possessive(words_[k].replace("’", "'"))[0]  # "CNN's Dana Bash": the network's reporter
    if (j - k >= 2 and w.isupper() and w.isalpha() and 2 <= len(w) <= _LABEL_LETTERS
            and words_[k + 1].lower() not in titles and words_[k + 1].lower().rstrip(".") not in _RUN_ABBREVIATIONS
            and all(x[:1].isupper() and (len(x) == 1 or not x.isupper()) for x in words_[k + 1:j + 1])
            and not dictionary_word(w.lower()) and gaz.lookup(w) is None):
        k += 1
    return k


def _past_possessives(runs: list[tuple[int, int]], words_: Sequence[str], gaps: Sequence[str],
                      gaz: Gazetteer, titles: frozenset[str] | set[str]) -> list[tuple[int, int]]:
    """Runs of names cut after a possessive inside them, where the words up to
    it, or its own word, stand alone as a name elsewhere in the text (a run
    that opens no sentence): "Trump's Democratic rivals", "Apple's Cupertino
    campus", "Manhattan's Chinatown", "Special Counsel Robert Mueller's Russia
    inquiry" (Mueller named alone) are two names, the owner's and the owned
    thing's, not one person "Trump Democratic". A name that holds a possessive and
    whose first words never stand alone, or that the gazetteer knows whole,
    stays whole ("the People's Republic of China", "Macy's Thanksgiving Day
    Parade", "the Women's March"), and so does an owner's title before a
    name ("Kazakhstan's Deputy Prime Minister Murat Nurtleu": a role, read
    with its country)."""
    if not any("'" in words_[x] or "\u2019" in words_[x] for k, j in runs for x in range(k, j)):
        return runs
    named = {tuple(words_[k:j + 1]) for k, j in runs
             if k > 0 and "\n" not in gaps[k - 1] and not any(c in gaps[k - 1] for c in ".!?")}
    out: list[tuple[int, int]] = []
    for k, j in runs:
        if gaz.lookup(" ".join(words_[k:j + 1])) is not None:
            out.append((k, j))
            continue
        p = k
        while p < j:
            w = words_[p].replace("\u2019", "'")
            bare, poss = _possessive(w)
            if poss and (tuple([*words_[k:p], bare]) in named or (bare,) in named) \
                    and words_[p + 1].lower() not in titles:
                out.append((k, p))
                k = p + 1
            p += 1
        out.append((k, j))
    return out


def find_mentions(text: str, *, gaz: Gazetteer | None = None,
                  labels: Mapping[str, str] | None = None, keep_all: bool = False) -> list[TextMention]:
    """Actor mentions in running text: runs of capitalised words, with the
    titles, demonyms, "so-called" and quotation marks around them
    ('"Israeli" so-called Prime Minister Benjamin Netanyahu' is one mention),
    and lower-case roles after a demonym ("the Kazakh president"). A run that
    names a thing ("Abraham Accords") or a group word ("Arab") is no actor
    (``keep_all`` returns those runs too, with their kind, so a caller can
    leave their words out)."""
    from ..text.dictionary import dictionary_word

    gaz = gaz or gazetteer()
    titles = _title_words()
    labels_key = frozenset(labels.items()) if labels else None
    # The tokens and their offsets from one split (gaps and tokens in turn),
    # without a match object per token; a run can only start at a
    # capitalised word or "so-called", so only those are visited.
    parts = _TOKEN_SPLIT.split(text)
    offsets = list(accumulate(map(len, parts)))
    words_ = parts[1::2]
    gaps = parts[2::2]  # gaps[j]: the text between word j and word j + 1
    starts_, ends_ = offsets[0:-1:2], offsets[1::2]
    n = len(words_)
    out: list[TextMention] = []
    runs: list[tuple[int, int]] = []  # first and last word of each run of names
    title_lines: list[tuple[int, int]] = []  # first and last word of each line set in Title Case
    i = 0
    for first in [k for k, w in enumerate(words_) if w[0].isupper() or (w[0] in "sS" and w.lower() == "so-called")
                  or w[0] in "ae" and _ARTICLE_NAME.match(w)]:
        if first < i:
            continue  # inside the run before
        last = _owned_work(text, starts_[first], ends_, first)
        if last is not None:
            # NBC's “Meet the Press”, Fox News' “Hannity”: a work its owner's
            # possessive names, quoted; its words are no names
            title_lines.append((first, last))
            i = last + 1
            continue
        # a line set in Title Case ("Obama Looks For A Spring Thaw With
        # Congress", a headline of another story kept in the text): two or
        # more function words capitalised after its first word; or one, in a
        # run of five words or more ("Mitt Romney Calls Donald Trump A
        # Phony") or in double quotation marks (a song's or a book's title:
        # “It Keeps You Runnin’”); no names
        k, caps = first, 0
        while k + 1 < n and words_[k + 1][:1].isupper() and _GAP.match(gaps[k]) and "\n" not in gaps[k]:
            k += 1
            caps += words_[k].lower() in _TITLE_CASE_WORDS and not (words_[k].isupper() and len(words_[k]) > 1)
        if caps >= 2 or caps and (k - first >= 4 or _in_double_quotes(text, starts_[first], ends_[k])):
            title_lines.append((first, k))
            i = k + 1
            continue
        # "said de Blasio", "told van Gogh": a particle in lower case opens the surname
        i = first - 1 if first > i and words_[first - 1] in NAME_PARTICLES and gaps[first - 1] == " " else first
        j = first
        while j + 1 < n:
            gap = gaps[j]
            if gap[:1] == "." and _ABBREVIATION_GAP.fullmatch(gap) and words_[j].lower() in _RUN_ABBREVIATIONS \
                    and words_[j + 1][:1].isupper():
                j += 1  # "Sen. Ada Vale", "Ohio Gov. Ada Vale": an abbreviated title runs on
                continue
            if gap == ". " and words_[j] in NAME_OPENERS and words_[j + 1][:1].isupper() \
                    and words_[j + 1].lower() not in NAME_STOP_WORDS:
                j += 1  # "St. Louis", "Mt. Everest", "Jack St. Martin": the name's own abbreviation
                continue
            if gap[:1] == "." and j > i and _INITIAL_GAP.fullmatch(gap) and _INITIALS.fullmatch(words_[j]) \
                    and words_[j + 1][:1].isupper() \
                    and (_INITIALS.fullmatch(words_[j - 1]) and gaps[j - 1][:1] == "."
                         or gaps[j - 1] == " " and not dictionary_word(words_[j - 1].lower())
                         and gaz.lookup(f"{words_[j - 1]} {words_[j]}") is None):  # "Washington D.C"
                j += 1  # "George W. Bush", "George H.W. Bush": a middle initial runs on
                continue
            if not _GAP.match(gap) or "\n" in gap:
                break
            if _QUOTE_OPENS.search(gap) and not _nickname_at(words_, gaps, j + 1):
                break  # NBC's “Meet the Press”, Hulu's "Hillary": a title quoted after its owner
            if gap[:1] in _DOUBLE_CLOSE and not (j == i and text[starts_[i] - 1:starts_[i]] in _OPEN_Q) \
                    and not any(_QUOTE_OPENS.search(g) for g in gaps[i:j]):
                # '“60 Minutes Sunday” Scott Pelley': a quotation that closes here ends the run,
                # but for one distanced word before a name ('"Israeli" so-called Prime Minister')
                # and a nickname inside it (Thomas “Tip” O'Neill)
                break
            nw = words_[j + 1]
            low = nw.lower()
            if low in NAME_BREAKS and not nw.isupper():
                break  # "MacBook Pro With Scissor Keyboard": a line in Title Case, no name
            if nw[:1].isupper() or low == "so-called" or nw[:1] in "ae" and _ARTICLE_NAME.match(nw):
                j += 1
                continue
            if nw in NAME_PARTICLES and j + 2 < n and words_[j + 2][:1].isupper() and gap == " " \
                    and gaps[j + 1] == " ":
                j += 2  # "Bill de Blasio", "Osama bin Laden", "Vincent van Gogh": a particle inside a name
                continue
            # "the Kazakh president", "Iranian officials": a lower-case title or
            # government word right after a country name or demonym
            prev = words_[j]
            if (low in titles or low in GOVERNMENT_WORDS) and (
                    (prev[:1].isupper() and low not in _JOINTS and gaz.lookup(_possessive(prev)[0]) is not None)
                    or prev.lower() in titles):
                j += 1
                continue
            # "Department of Justice", "Bank of the West", "Center for American
            # Progress": an institution word joined by "of" or "for" to a name
            if low in _JOINTS and prev.lower() in OF_HEADS:
                k = j + 2
                if k < n and words_[k] == "the" and _GAP.match(gaps[j + 1]) and "\n" not in gaps[j + 1]:
                    k += 1
                if k < n and words_[k][:1].isupper() and all(_GAP.match(gaps[x]) and "\n" not in gaps[x]
                                                             for x in range(j + 1, k)):
                    j = k
                    continue
            break
        while j > i and words_[j] in _JOINTS:
            j -= 1  # "President of" before a lower-case word: the joint is no part of the name
        # drop sentence-opening function words ("But Netanyahu", "The Kremlin")
        k = i
        while k <= j and (words_[k].lower() in _OPENERS or words_[k].lower() in NAME_BREAKS):
            k += 1
        if k <= j:
            runs.append((k, j))
        i = j + 1
    # "Because Trump", "Both Donald Trump", "April Donald Trump": a word that
    # opens sentences, or a month, glued to a name that stands alone
    # elsewhere in the text; "New York" and "Bill Clinton" keep their word
    runs = _past_possessives(runs, words_, gaps, gaz, titles)
    alone = {tuple(words_[k:j + 1]) for k, j in runs}
    for k, j in runs:
        if k < j and _possessive(words_[k].replace("’", "'"))[0].lower() in _GLUED_OPENERS and (
                tuple(words_[k + 1:j + 1]) in alone
                or (*words_[k + 1:j], _possessive(words_[j].replace("’", "'"))[0]) in alone
                or j - k >= 2 and (_possessive(words_[j].replace("’", "'"))[0],) in alone
                and words_[k].lower() not in _NAMES_TOO):
            k += 1  # ("Why Trump’s plan": the owner stands alone; "Here Tim Kaine": his surname does)
        elif k < j and tuple(words_[k + 1:j + 1]) in alone and _sentence_word(text, words_[k]) \
                and (j - k >= 2 or _verb_or_adverb_form(words_[k])
                     and _opens_no_sentence(text, words_[j], words_[k])):
            k += 1  # "Maybe Instagram", "Enter Stuart R. Kaplan", "Expect Adam Schiff": an adverb
            # or a verb opening the sentence, before a name the text writes alone (before one
            # word, only a verb's or an adverb's form: "Peter Piot", "Harry Truman" stay)
        if k < j and words_[j].lower() in WEEKDAYS and (tuple(words_[k:j]) in alone or j - k >= 2):
            j -= 1  # "Pelosi Wednesday", "Barack Obama Wednesday": the day after a name that
            # stands alone, or after two words or more ("Super Tuesday", "Palm Sunday" stay)
        while j > k and not words_[j - 1].isupper() and shouted_word(words_[j], gaz):
            j -= 1  # "Brett Kavanaugh IS ...": a word in capitals after a name opens a shouted line
        again = next((p for p in range(k + 1, j) if words_[p] in words_[k:p]), None) if j - k >= 2 else None
        if again is not None:
            # "Hillary Clinton Hillary Diane Rodham Clinton2020 Democrats": a
            # link card glued after the name (its full legal name and the next
            # link's text); the name ends before one of its words comes again
            # with more after it ("Sirhan Bishara Sirhan" stays)
            if keep_all:
                out.append(_no_name(text, starts_[again], ends_[j]))
            j = again - 1
        glued = _GLUED_AFTER.match(words_[j]) if j - k >= 2 else None
        if glued and glued.group(1) in words_[k:j - 1]:
            # "Trump Donald John TrumpGOP", "Ryan Paul Davis RyanEsper": a link
            # card's full name glued to the next link's text after the name;
            # the name is the words up to where its word comes back, glued
            if keep_all:
                out.append(_no_name(text, starts_[k + words_[k:j - 1].index(glued.group(1)) + 1], ends_[j]))
            j = k + words_[k:j - 1].index(glued.group(1))
        if j - k + 1 >= SHOUTED_WORDS and shouted(words_[k:j + 1]):
            continue  # a line set in capitals, no name
        credit = next((p for p in range(k, j) if words_[p].lower() in CREDIT_WORDS), None)
        if credit is not None:
            # "AP Photos ACA deadline tests ...": a picture's credit glued to the
            # headline after it; the credit is no name, the rest may be one
            if keep_all:
                out.append(_no_name(text, starts_[k], ends_[credit]))
            k = credit + 1
        if j + 1 < n and gaps[j][:1] == ":" and (j == k or words_[j - 1].isupper()) \
                and words_[j].lower() not in titles and _label_word(text, words_[j], starts_[j]):
            # "Author: Obama better off ...", "Photographer: Ada Vale/Kesh": a
            # common noun before a colon labels what follows; no name
            if keep_all:
                out.append(_no_name(text, starts_[j], ends_[j]))
            j -= 1
            if j < k or _capital_labels(words_[k:j + 1]):
                continue  # (and "JUST WATCHED" before it, a video box's label)
        if (j + 1 < n and gaps[j][:1] == ":" and _capital_labels(words_[k:j + 1])) or (
                k == j and words_[k].lower() in _MONTH_WORDS and _DAY_AFTER.match(gaps[j])
                and j + 1 < n and words_[j + 1][:1].isdigit()):
            # "WATCH:", "FILE PHOTO:": a label in capitals before a colon;
            # "Oct. 5", "Sept. 11", "Jan 6": a date; no name (their words are none either)
            if keep_all:
                out.append(_no_name(text, starts_[k], ends_[j]))
            continue
        w = words_[k]
        if not (len(w) > 1 and w[1].islower()):  # ("Donald": no word in capitals, nothing glued to skip)
            k = _past_capital_labels(words_, k, j, titles, gaz, dictionary_word)
        start, end = starts_[k], ends_[j]
        # possessive and quotation marks around the run belong to the form
        if text[end:end + 2] in ("'s", "’s"):
            end += 2
        if start > 0 and text[start - 1] in _OPEN_Q and end < len(text) and text[end] in _CLOSE_Q:
            start, end = start - 1, end + 1
        elif start > 0 and text[start - 1] in _OPEN_Q and text[ends_[k]:ends_[k] + 1] in _CLOSE_Q:
            start -= 1  # '"Israeli" so-called Prime Minister ...'
        form = text[start:end]
        if start < starts_[k] and end > ends_[j] and text[start] in "\"“‘'" and text.count(text[starts_[k]:ends_[j]]) == 1 \
                and all(dictionary_word(w.lower()) and not w.isupper() and w.lower() not in titles
                        for w in words_[k:j + 1]) \
                and gaz.lookup(text[starts_[k]:ends_[j]]) is None:
            # “Fiscal Cliff”, “Lost Decade”, “Social Issues”: English words in quotation marks,
            # written once, are a phrase quoted, no one's name (a name the text writes
            # again, “Trump”, one the gazetteer knows, “Israel”, and a title, “Prime
            # Minister”, distanced as the demo plants it, stay)
            if keep_all:
                out.append(_no_name(text, start, end))
            continue
        if k == j and (state_after_city(text, form, start, end) or AFFILIATION.fullmatch(form) and (
                text[start - 1:start] == "(" or text[start - 2:start] == ", ")):
            # "Fresno, Calif.": the state that locates the city named before it;
            # "(D-Calif.)": the party and state of the person named before; no name
            if keep_all:
                out.append(_no_name(text, start, end))
            continue
        p = _parse_keyed(form, labels, labels_key, gaz)
        if p.kind in _ACTOR_KINDS or keep_all:
            out.append(TextMention(start, end, form, p))
    if keep_all and title_lines:  # their words are no names either (naming's one-word names)
        for k, j in title_lines:
            out.append(_no_name(text, starts_[k], ends_[j]))
        out.sort(key=lambda m: (m.start, m.end))
    if labels:
        spans = []
        low = _clean(text).lower()
        for term in sorted(labels, key=len, reverse=True):
            for m in re.finditer(r"(?<!\w)" + re.escape(term) + r"(?!\w)", low):
                if not any(m.start() < e and s < m.end() for s, e in spans):
                    spans.append((m.start(), m.end()))
        for s, e in spans:
            out = [m for m in out if not (m.start < e and s < m.end)]
            out.append(TextMention(s, e, text[s:e], _parse_keyed(text[s:e], labels, labels_key, gaz)))
        out.sort(key=lambda m: (m.start, m.end))
    return _appositions(text, out)


#: What stands between a role and the name it is put beside: "Kazakhstan’s
#: Deputy Prime Minister and Minister of Foreign Affairs, Murat Nurtleu".
_ROLE_THEN_NAME = re.compile(r"(?: and [A-Z][\w’'.-]*(?: (?:of|for|the|and|[A-Z][\w’'.-]*)){0,5})?,[ \t]+")
_NAME_THEN_ROLE = re.compile(r",[ \t]+(?:the[ \t]+)?")
#: What closes the pair: a comma, a full stop, a bracket ("..., Ada Vale, said"),
#: never a verb ("between Trump and the Ukrainian president, Trump defended him").
_APPOSITION_ENDS = re.compile(r"[ \t]*(?:[,.;:)\]—–]|$)")


def _appositions(text: str, found: list[TextMention]) -> list[TextMention]:
    """A role with a country (or a state, a party) and a name put beside it
    ("Russia’s foreign minister, Ada Vale,", "Ada Vale, the Kazakh president.")
    are one person: the name gets the role's country and title, as "Kazakh
    President Ada Vale" would give them. The pair must close with a comma, a
    full stop or a bracket: after a comma a name may open the next clause."""
    people = [i for i, m in enumerate(found) if m.parsed.kind == "person" and m.parsed.country is None]
    if not people:
        return found
    roles = {i for i, m in enumerate(found) if m.parsed.kind == "role" and m.parsed.country and m.parsed.title}
    if not roles:
        return found
    out = list(found)
    actors = [i for i, m in enumerate(found) if m.parsed.kind in _ACTOR_KINDS]  # (no-name runs between are skipped)
    at = {i: n for n, i in enumerate(actors)}
    for i in people:
        m, n = found[i], at.get(i)
        if n is None:
            continue
        before = actors[n - 1] if n else None
        after = actors[n + 1] if n + 1 < len(actors) else None
        for r, gap, ok in ((before, text[found[before].end:m.start] if before is not None else "", _ROLE_THEN_NAME),
                           (after, text[m.end:found[after].start] if after is not None else "", _NAME_THEN_ROLE)):
            last = max(m.end, found[r].end) if r is not None else m.end
            if r in roles and ok.fullmatch(gap) and _APPOSITION_ENDS.match(text, last):
                role = found[r].parsed
                out[i] = TextMention(m.start, m.end, m.form,
                                     replace(m.parsed, country=role.country, title=m.parsed.title or role.title))
                break
    return out


def event_actors(texts: Sequence[tuple[object, str]], *, gaz: Gazetteer | None = None,
                 labels: Mapping[str, str] | None = None) -> list[tuple[object, TextMention, str]]:
    """Every actor mention in the texts of one event — ``(article, text)``
    pairs — with the actor key it resolves to (see :func:`resolve`)."""
    gaz = gaz or gazetteer()
    found = [(a, m) for a, t in texts for m in find_mentions(t, gaz=gaz, labels=labels)]
    res = resolve([(a, m.form) for a, m in found], labels=labels, gaz=gaz, parsed=[m.parsed for _, m in found])
    return [(a, m, k) for (a, m), k in zip(found, res.keys)]
