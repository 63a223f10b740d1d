"""Word lists fed from well-kept lexicon packages, filtered, for generated
lexicon entries (``generated:`` in a lexicon file; see ``lexicons/subjective.yaml``).

The one source today is VADER's sentiment lexicon (Hutto & Gilbert, ICWSM
2014; the ``vaderSentiment`` package, MIT licence), about 7,500 tokens rated
from -4 to +4 by ten raters each. framing keeps only:

* plain lowercase words (no emoticons, no slang abbreviations with digits);
* ratings at least ``min_valence`` away from 0, of the requested sign;
* words whose only readings, by ``lemminflect``'s dictionary (MIT), include
  the requested parts of speech (adjectives and adverbs by default: the
  evaluative words; nouns and verbs in VADER are mostly events such as
  "killed" or "protest", which news must name);
* words that are never a proper noun (no capitalised lemma: "Trump", "Hope");
* base forms only: a comparative or superlative ("worse", "worst",
  "harsher", "saddest", "brightest": an adjective or adverb reading whose
  lemma is another word) is left out. A degree form compares or ranks ("made
  things worse", "the worst flooding in decades", "the brightest students")
  more often than it judges: read on real news, 14 of 53 judged uses were
  right, against about half of the base forms (round 39, words39b,
  docs/accuracy.md);
* minus the words for identities and parties (``framing/data/identity_words.txt``:
  "fascist", "liberal", ... are never entries on their own);
* minus the file's ``exclude`` list (words common in all news, physical
  states that are facts, ...), and minus every form a hand-written entry
  claims (the hand-written entry wins).

Nothing is downloaded; both packages ship their data.
"""

from __future__ import annotations

import hashlib
import json
import re
from functools import lru_cache
from importlib import resources

from ..text.dictionary import identity_words

_WORD = re.compile(r"[a-z]+")
SOURCES = ("vader",)


@lru_cache(maxsize=4)
def vader_ratings() -> dict[str, float]:
    """VADER's mean rating of every plain lowercase word in its lexicon."""
    text = (resources.files("vaderSentiment") / "vader_lexicon.txt").read_text(encoding="utf-8")
    out: dict[str, float] = {}
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and _WORD.fullmatch(parts[0]):
            try:
                out[parts[0]] = float(parts[1])
            except ValueError:
                continue
    return out


@lru_cache(maxsize=4096)
def _readings(word: str) -> tuple[frozenset[str], bool, bool]:
    """``(parts of speech, proper, degree form)`` of a word by lemminflect's
    dictionary; a degree form is a word whose every adjective and adverb
    reading has another word as its lemma (a comparative or a superlative)."""
    from lemminflect import getAllLemmas

    lemmas = getAllLemmas(word)
    proper = any(lemma[:1].isupper() for forms in lemmas.values() for lemma in forms)
    graded = [forms for pos, forms in lemmas.items() if pos in ("ADJ", "ADV")]
    degree = bool(graded) and all(word not in forms for forms in graded)
    return frozenset(lemmas), proper, degree


def filtered_words(source: str, *, sign: str, min_valence: float,
                   parts_of_speech: frozenset[str], exclude: frozenset[str]) -> list[str]:
    """The filtered words of ``source`` (sorted).

    Looking every word up in lemminflect's dictionary takes most of a second
    per process, so the list is kept as JSON in the user's cache folder
    (:mod:`framing.usercache`), keyed by the filter, the identity words
    and the versions of both packages: the same inputs give the same list."""
    if source != "vader":
        raise ValueError(f"unknown word-list source {source!r} (known: {', '.join(SOURCES)})")
    from .. import usercache

    name = f"words-{_filter_key(source, sign, min_valence, parts_of_speech, exclude)}.json"
    cached = usercache.read(name)
    if isinstance(cached, list) and all(isinstance(w, str) for w in cached):
        return cached
    words = _filtered_words(sign, min_valence, parts_of_speech, exclude)
    usercache.write(name, words)
    return words


def _filter_key(source: str, sign: str, min_valence: float, parts_of_speech: frozenset[str],
                exclude: frozenset[str]) -> str:
    from ..usercache import package_version

    versions = [package_version(package) or "?" for package in ("vaderSentiment", "lemminflect")]
    key = json.dumps([source, sign, min_valence, sorted(parts_of_speech), sorted(exclude),
                      sorted(identity_words()), versions, _FILTER_VERSION])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


#: Bump when the filter below changes: cached word lists keyed on it are rebuilt.
_FILTER_VERSION = "2"


def _filtered_words(sign: str, min_valence: float, parts_of_speech: frozenset[str],
                    exclude: frozenset[str]) -> list[str]:
    out = []
    for word, value in vader_ratings().items():
        if abs(value) < min_valence or (value < 0) != (sign == "negative"):
            continue
        if word in exclude or len(word) < 3 or word in identity_words():
            continue
        pos, proper, degree = _readings(word)
        if proper or degree or not (pos & parts_of_speech):
            continue
        out.append(word)
    return sorted(out)


def form_senses(word: str) -> frozenset[str]:
    """The other parts of speech of a lowercase VADER word, by lemminflect's
    dictionary: "NOUN" and "VERB" when it can be one ("fun", "welcome"), "VB"
    when it is a verb's base form ("welcome", "upset"), "VBN" when it is a
    past participle ("frustrated", "upset"), with its other readings ("ADJ",
    "ADV"); empty for a word that is never a noun or a verb. Read by the rules
    that tell a word-list form's noun or verb sense from its neighbours."""
    return _senses_table().get(word, frozenset())


#: Bump when :func:`_build_senses` changes: the cached table is rebuilt.
_SENSES_VERSION = "1"


@lru_cache(maxsize=1)
def _senses_table() -> dict[str, frozenset[str]]:
    """:func:`form_senses` of every VADER word that can be a noun or a verb, kept
    as JSON in the user's cache folder (keyed by both packages' versions): a
    detecting process (each ``--jobs`` worker) then loads neither package."""
    from .. import usercache
    from ..usercache import package_version

    versions = [package_version(package) or "?" for package in ("vaderSentiment", "lemminflect")]
    key = json.dumps(["senses", versions, _SENSES_VERSION])
    name = f"word-senses-{hashlib.sha256(key.encode('utf-8')).hexdigest()[:16]}.json"
    cached = usercache.read(name)
    if isinstance(cached, dict) and all(isinstance(v, list) for v in cached.values()):
        return {w: frozenset(v) for w, v in cached.items()}
    table = _build_senses()
    usercache.write(name, {w: sorted(v) for w, v in sorted(table.items())})
    return table


def _build_senses() -> dict[str, frozenset[str]]:
    from lemminflect import getAllLemmas, getInflection

    out: dict[str, frozenset[str]] = {}
    for word in vader_ratings():
        lemmas = getAllLemmas(word)
        if not {"NOUN", "VERB"} & set(lemmas):
            continue
        tags = set(lemmas)
        verbs = lemmas.get("VERB", ())
        if word in verbs:
            tags.add("VB")
        if any(word in getInflection(lemma, "VBN") for lemma in verbs):
            tags.add("VBN")
        out[word] = frozenset(tags)
    return out


@lru_cache(maxsize=1)
def state_and_people_words() -> frozenset[str]:
    """Lowercase names of states and peoples: pycountry's ISO 3166 names, the
    other names and demonyms of ``framing/data/countries.tsv``, and the
    identity words. A quoted one ("“Israel”", "a “Muslim”") holds a state or a
    people at a distance; any other quoted capitalised word is a name."""
    out: set[str] = set(identity_words())
    out.update(_country_names())
    for names, demonyms in _country_rows():
        out.update(names | demonyms)
    return frozenset(out)


@lru_cache(maxsize=1)
def _country_rows() -> tuple[tuple[frozenset[str], frozenset[str]], ...]:
    """Each row of ``framing/data/countries.tsv``: its names and its demonyms,
    lower case."""
    from ..resources import data_file

    rows = []
    for line in data_file("countries.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t") + ["", ""]
        rows.append(tuple(frozenset(x.strip().lower() for x in col.split("|") if x.strip())
                          for col in cols[1:3]))
    return tuple(rows)


@lru_cache(maxsize=1)
def state_names() -> frozenset[str]:
    """Lowercase names of states only (pycountry's ISO 3166 names and the other
    names of ``framing/data/countries.tsv``: "israel", "america", "dprk"), not
    their demonyms or other peoples (round 20: a writer who refuses a state's
    name never writes it plainly; a people's name can be refused for one
    person or group while the writer uses it of others)."""
    out: set[str] = set(_country_names())
    for names, _ in _country_rows():
        out.update(names)
    return frozenset(out)


@lru_cache(maxsize=1)
def state_aliases() -> dict[str, frozenset[str]]:
    """Each other name of a state in ``framing/data/countries.tsv`` (lowercase)
    mapped to all the names of that state in that row: "burma" → {"myanmar",
    "burma"} (round 20: a writer who writes "Myanmar" plainly refuses no state
    when it quotes “Burma”)."""
    out: dict[str, frozenset[str]] = {}
    for names, _ in _country_rows():
        for n in names:
            out[n] = out.get(n, frozenset()) | names
    return out


def _country_names() -> list[str]:
    """pycountry's ISO 3166 names (name, common and official name; none with a
    comma), lower case, kept as JSON in the user's cache keyed by pycountry's
    version: importing pycountry and reading its tables costs every detecting
    process about 30 ms."""
    from .. import usercache

    ver = usercache.package_version("pycountry")
    name = f"country-names-{ver}.json" if ver else None
    if name:
        cached = usercache.read(name)
        if isinstance(cached, list) and all(isinstance(n, str) for n in cached):
            return cached
    import pycountry

    names = sorted({n.lower() for c in pycountry.countries
                    for n in (c.name, getattr(c, "common_name", None), getattr(c, "official_name", None))
                    if n and "," not in n})
    if name:
        usercache.write(name, names)
    return names
