"""lemminflect's dictionary (MIT; its data ships with the package, nothing
is downloaded) as the stages ask it: is a word a dictionary word, can it be a
noun or an adjective, what are its lemmas; and the words for identities and
parties (``framing/data/identity_words.txt``). Detection asks it of quoted
words and generated entries, comparison of the words after a number.

Loading lemminflect's tables costs about half a second of CPU in every
process (each ``--jobs`` worker too), so the word lists it gives are kept as
JSON in the user's cache folder (:mod:`framing.usercache`), keyed by
lemminflect's version, and read once per process.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from .. import usercache


@lru_cache(maxsize=1)
def identity_words() -> frozenset[str]:
    """Words for identities and parties (``framing/data/identity_words.txt``):
    never a lexicon entry on their own, so never a generated word."""
    from ..resources import data_file

    text = data_file("identity_words.txt").read_text(encoding="utf-8")
    return frozenset(w.strip().lower() for w in text.splitlines()
                     if w.strip() and not w.lstrip().startswith("#"))


@lru_cache(maxsize=8192)
def known_word(word: str) -> bool:
    """Is ``word`` (any case) a word in lemminflect's dictionary?"""
    vocab = lemma_vocabulary()
    if vocab is None:
        from lemminflect import getAllLemmas

        return _known(word.lower(), lambda w: bool(getAllLemmas(w)))
    return _known(word.lower(), vocab.__contains__)


@lru_cache(maxsize=8192)
def dictionary_word(word: str) -> bool:
    """Is ``word`` (any case) itself a form in lemminflect's dictionary? Unlike
    :func:`known_word`, no plural or compound of known words counts."""
    vocab = lemma_vocabulary()
    if vocab is None:
        from lemminflect import getAllLemmas

        return bool(getAllLemmas(word.lower()))
    return word.lower() in vocab


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


def is_ly_adverb(word: str) -> bool:
    """Is ``word`` (lower case) an adverb by its shape, an English word in -ly
    that is neither an adjective ("daily", "holy") nor a noun ("sally",
    "family")? ("clearly", "suddenly", "increasingly")."""
    return word.endswith("ly") and dictionary_word(word) and not is_adjective(word) and not is_noun(word)


@lru_cache(maxsize=1)
def _lemma_lists() -> tuple[frozenset[str] | None, frozenset[str] | None, frozenset[str] | None]:
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
