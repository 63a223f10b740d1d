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
from collections.abc import Callable
from functools import lru_cache
from importlib import resources

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
def _readings(word: str) -> tuple[frozenset[str], bool]:
    from lemminflect import getAllLemmas

    lemmas = getAllLemmas(word)
    proper = any(lemma[:1].isupper() for forms in lemmas.values() for lemma in forms)
    return frozenset(lemmas), proper


@lru_cache(maxsize=1)
def identity_words() -> frozenset[str]:
    """Words for identities and parties (``framing/data/identity_words.txt``):
    never a lexicon entry on their own, so never a generated word."""
    from ..resources import data_file

    text = data_file("identity_words.txt").read_text(encoding="utf-8")
    return frozenset(w.strip().lower() for w in text.splitlines()
                     if w.strip() and not w.lstrip().startswith("#"))


def filtered_words(source: str, *, sign: str, min_valence: float,
                   parts_of_speech: frozenset[str], exclude: frozenset[str]) -> list[str]:
    """The filtered words of ``source`` (sorted).

    Looking every word up in lemminflect's dictionary takes most of a second
    per process, so the list is kept as JSON in the user's cache folder
    (:mod:`framing.detect.usercache`), keyed by the filter, the identity words
    and the versions of both packages: the same inputs give the same list."""
    if source != "vader":
        raise ValueError(f"unknown word-list source {source!r} (known: {', '.join(SOURCES)})")
    from . import usercache

    name = f"words-{_filter_key(source, sign, min_valence, parts_of_speech, exclude)}.json"
    cached = usercache.read(name)
    if isinstance(cached, list) and all(isinstance(w, str) for w in cached):
        return cached
    words = _filtered_words(sign, min_valence, parts_of_speech, exclude)
    usercache.write(name, words)
    return words


def _filter_key(source: str, sign: str, min_valence: float, parts_of_speech: frozenset[str],
                exclude: frozenset[str]) -> str:
    from .usercache import package_version

    versions = [package_version(package) or "?" for package in ("vaderSentiment", "lemminflect")]
    key = json.dumps([source, sign, min_valence, sorted(parts_of_speech), sorted(exclude),
                      sorted(identity_words()), versions, _FILTER_VERSION])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


#: Bump when the filter below changes: cached word lists keyed on it are rebuilt.
_FILTER_VERSION = "1"


def _filtered_words(sign: str, min_valence: float, parts_of_speech: frozenset[str],
                    exclude: frozenset[str]) -> list[str]:
    out = []
    for word, value in vader_ratings().items():
        if abs(value) < min_valence or (value < 0) != (sign == "negative"):
            continue
        if word in exclude or len(word) < 3 or word in identity_words():
            continue
        pos, proper = _readings(word)
        if proper or not (pos & parts_of_speech):
            continue
        out.append(word)
    return sorted(out)


@lru_cache(maxsize=8192)
def known_word(word: str) -> bool:
    """Is ``word`` (any case) a word in lemminflect's dictionary?"""
    vocab = lemma_vocabulary()
    if vocab is None:
        from lemminflect import getAllLemmas

        return _known(word.lower(), lambda w: bool(getAllLemmas(w)))
    return _known(word.lower(), vocab.__contains__)


def _known(low: str, known: Callable[[str], bool]) -> bool:
    forms = (low, low[:-1] if low.endswith("s") else low, low[:-2] if low.endswith("es") else low)
    if any(known(f) for f in forms):
        return True
    # a closed compound of two known words: "peacekeepers", "afterlife"
    return any(known(low[:k]) and (known(low[k:]) or known(low[k:-1])) for k in range(3, len(low) - 2))


def lemma_vocabulary() -> frozenset[str] | None:
    """The lower-case words lemminflect's ``getAllLemmas`` knows (those it gives
    any lemma for), or None when this lemminflect keeps its tables elsewhere.
    Its dictionary takes most of a second to load in every process (each
    ``--jobs`` worker too), so the word list is kept as JSON in the user's
    cache folder, keyed by lemminflect's version (read once per process, with
    :func:`adjective_words`)."""
    return _lemma_lists()[0]


def adjective_words() -> frozenset[str] | None:
    """The lower-case words ``getAllLemmas`` reads as adjectives ("furious",
    "angrier"), kept beside :func:`lemma_vocabulary` in the user's cache; None
    as there."""
    return _lemma_lists()[1]


def noun_words() -> frozenset[str] | None:
    """The lower-case words ``getAllLemmas`` reads as nouns ("jobs", "shows"),
    kept beside :func:`lemma_vocabulary` in the user's cache; None as there."""
    return _lemma_lists()[2]


def _tagged(word: str, cached: frozenset[str] | None, tag: str) -> bool:
    """Is ``word`` (any case) in the cached list of lemminflect's ``tag`` words,
    or, without the cache, does lemminflect read it so? (The cached lists
    spare each ``--jobs`` worker loading lemminflect's tables: about 0.3 s of
    CPU, lemminflect's import and NumPy's.)"""
    if cached is None:
        from lemminflect import getAllLemmas

        return tag in getAllLemmas(word.lower())
    return word.lower() in cached


@lru_cache(maxsize=8192)
def is_noun(word: str) -> bool:
    """Can ``word`` (any case) be a noun, by lemminflect's dictionary?"""
    return _tagged(word, noun_words(), "NOUN")


@lru_cache(maxsize=8192)
def is_adjective(word: str) -> bool:
    """Can ``word`` (any case) be an adjective, by lemminflect's dictionary?"""
    return _tagged(word, adjective_words(), "ADJ")


@lru_cache(maxsize=1)
def _lemma_lists() -> tuple[frozenset[str] | None, frozenset[str] | None, frozenset[str] | None]:
    from . import usercache

    ver = usercache.package_version("lemminflect")
    names = (f"lemma-words-{ver}.json", f"lemma-adjectives-{ver}.json",
             f"lemma-nouns-{ver}.json") if ver else None
    if names:
        cached = [usercache.read(n) for n in names]
        if all(isinstance(c, list) and all(isinstance(w, str) for w in c) for c in cached):
            return frozenset(cached[0]), frozenset(cached[1]), frozenset(cached[2])
    found = _lemma_words()
    if found is None:
        return None, None, None
    lists = [sorted(words) for words in found]
    if names:
        for name, words in zip(names, lists):
            usercache.write(name, words)
    return frozenset(lists[0]), frozenset(lists[1]), frozenset(lists[2])


def _lemma_words() -> tuple[set[str], set[str], set[str]] | None:
    """Every lower-case word of lemminflect's tables it gives a lemma for, and
    those of them it reads as adjectives and as nouns."""
    from lemminflect import getAllLemmas
    from lemminflect.core.Lemmatizer import Lemmatizer

    lemmatizer = Lemmatizer()
    try:
        tables = (lemmatizer._getLemmaDict(), lemmatizer._getOverridesDict())
    except AttributeError:  # another lemminflect: known_word asks it word by word instead
        return None
    # getAllLemmas looks the lower-cased word up in both tables.
    words: set[str] = set()
    adjectives: set[str] = set()
    nouns: set[str] = set()
    for table in tables:
        for w in table:
            if w == w.lower():
                lemmas = getAllLemmas(w)
                if lemmas:
                    words.add(w)
                    if "ADJ" in lemmas:
                        adjectives.add(w)
                    if "NOUN" in lemmas:
                        nouns.add(w)
    return words, adjectives, nouns


@lru_cache(maxsize=65536)
def lemmas_of(word: str) -> frozenset[str]:
    """The lemmas ``getAllLemmas`` gives the lower-case ``word``, in lower
    case ("trying": {"try"}); empty for a word it does not know. Loading
    lemminflect's own tables costs about half a second of CPU in every process
    (the parent of a ``--jobs`` run pays it before its workers start), so the
    answer comes from :func:`lemma_vocabulary` and a map of the words that are
    not their own only lemma, kept as JSON in the user's cache folder and
    keyed by lemminflect's version."""
    table = _lemma_map()
    vocab = lemma_vocabulary()
    if table is None or vocab is None:
        from lemminflect import getAllLemmas

        return frozenset(x.lower() for forms in getAllLemmas(word).values() for x in forms)
    other = table.get(word)
    if other is not None:
        return frozenset(other.split(" ")) if other else frozenset()
    return frozenset((word,)) if word in vocab else frozenset()


@lru_cache(maxsize=1)
def _lemma_map() -> dict[str, str] | None:
    from . import usercache

    ver = usercache.package_version("lemminflect")
    name = f"lemma-forms-{ver}.json" if ver else None
    if name:
        cached = usercache.read(name)
        if isinstance(cached, dict) and all(isinstance(v, str) for v in cached.values()):
            return cached
    table = _lemma_table()
    if table is not None and name:
        usercache.write(name, table)
    return table


def _lemma_table() -> dict[str, str] | None:
    """Every lower-case word of lemminflect's tables whose lemmas by
    ``getAllLemmas`` (lower case, sorted) are not just the word itself →
    those lemmas, joined by spaces (None if a lemma holds a space)."""
    from lemminflect import getAllLemmas
    from lemminflect.core.Lemmatizer import Lemmatizer

    lemmatizer = Lemmatizer()
    try:
        tables = (lemmatizer._getLemmaDict(), lemmatizer._getOverridesDict())
    except AttributeError:  # another lemminflect: lemmas_of asks it word by word instead
        return None
    out: dict[str, str] = {}
    for table in tables:
        for w in table:
            if w == w.lower() and w not in out:
                found = getAllLemmas(w)
                lemmas = sorted({x.lower() for forms in found.values() for x in forms})
                if found and lemmas != [w]:
                    if any(" " in x or not x for x in lemmas):
                        return None
                    out[w] = " ".join(lemmas)
    return out


@lru_cache(maxsize=1)
def state_and_people_words() -> frozenset[str]:
    """Lowercase names of states and peoples: pycountry's ISO 3166 names, the
    other names and demonyms of ``framing/data/countries.tsv``, and the
    identity words. A quoted one ("“Israel”", "a “Muslim”") holds a state or a
    people at a distance; any other quoted capitalised word is a name."""
    from ..resources import data_file

    out: set[str] = set(identity_words())
    out.update(_country_names())
    text = data_file("countries.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        for col in cols[1:3]:
            out.update(x.strip().lower() for x in col.split("|") if x.strip())
    return frozenset(out)


def _country_names() -> list[str]:
    """pycountry's ISO 3166 names (name, common and official name; none with a
    comma), lower case, kept as JSON in the user's cache keyed by pycountry's
    version: importing pycountry and reading its tables costs every detecting
    process about 30 ms."""
    from . import usercache

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
