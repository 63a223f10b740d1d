"""The language an article is written in, read from its words.

Used where English-only rules would mislead: grouping drops a non-English
article's function words, and ingest tells the user that framing's lexicons,
which are English, find no loaded language in other languages. The stop-word
lists are stopwordsiso's (MIT; data inside the package, nothing downloaded).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache

from .tokens import WORD_RE

__all__ = ["ARTICLE_HEAD", "LANGUAGE_CHARS", "LANGUAGE_SHARE", "LANGUAGE_WORDS", "OTHER_MIN_WORDS",
           "language_counts", "language_of", "other_language", "script_language",
           "stated_language"]


#: An article's language is read from its title and the first words of its
#: body: at most this many words, within this many characters of the body.
#: (Grouping, which has cut the body's words already, reads this much;
#: :func:`other_language`, for ingest, detection and the reports' notes, reads the
#: cheaper :data:`ARTICLE_HEAD`.)
LANGUAGE_WORDS = 200
LANGUAGE_CHARS = 3000
#: ... and is another language than English only when at least this share of
#: those words are that language's stop words (an article of names, numbers or
#: code is left to the English rules).
LANGUAGE_SHARE = 0.15


@lru_cache(maxsize=1)
def _stop_index() -> tuple[tuple[str, ...], dict[str, tuple[int, ...]], frozenset[str], frozenset[str]]:
    """The stop-word lists of stopwordsiso (data shipped in the package, read
    once): ``(language codes, word -> indexes of the languages listing it,
    the words English lists, the words another language lists)``."""
    import stopwordsiso

    langs = tuple(sorted(stopwordsiso.langs()))
    index: dict[str, list[int]] = {}
    for k, lang in enumerate(langs):
        for w in sorted(stopwordsiso.stopwords(lang)):
            ks = index.setdefault(w.lower(), [])
            if not ks or ks[-1] != k:
                ks.append(k)
    en = langs.index("en")
    english = frozenset(w for w, ks in index.items() if en in ks)
    other = frozenset(w for w, ks in index.items() if any(k != en for k in ks))
    return langs, {w: tuple(ks) for w, ks in index.items()}, english, other


def language_of(tokens: Iterable[str]) -> str | None:
    """The ISO 639-1 code of the language whose stop words are most of the
    first :data:`LANGUAGE_WORDS` ``tokens`` that have a letter (stop lists
    also list digits); None when no language's make up
    :data:`LANGUAGE_SHARE` of them. Ties go to English, then to the first code."""
    langs, index, english, other = _stop_index()
    first = [w.lower() for w in tokens if w.isalpha() or any(ch.isalpha() for ch in w)][:LANGUAGE_WORDS]
    n = len(first)
    if not n:
        return None
    # English wins (ties included) when no other language could have more
    # hits than it: most articles of an English corpus stop here
    en_hits = sum(map(english.__contains__, first))
    if en_hits >= sum(map(other.__contains__, first)):
        return "en" if en_hits >= LANGUAGE_SHARE * n else None
    hits = [0] * len(langs)
    for w in first:
        for k in index.get(w, ()):
            hits[k] += 1
    en = langs.index("en")
    best = max(range(len(langs)), key=lambda k: (hits[k], k == en, -k))
    return langs[best] if hits[best] >= LANGUAGE_SHARE * n else None


#: The characters of a body :func:`other_language` reads: about a hundred
#: words, enough for the share of stop words to say it (all 1,300
#: Article-Bias-Prediction articles English; 192 of htmldate's 196 Media Cloud
#: pages, copied as text, get the language their first 3,000 characters give)
#: at a third of the cost.
ARTICLE_HEAD = 600


#: An article's words say it is in another language than English only when
#: there are at least this many of them: a headline or one sentence is too
#: short for the share of stop words to tell (of NeuS-AllSides' 1,479 English
#: headlines read alone, 13 read as Breton, Malay, Afrikaans and others; one
#: of BABE's 3,673 English sentences reads as Italian; with their bodies, all
#: 1,479 articles and all 1,300 of Article-Bias-Prediction's read as English).
OTHER_MIN_WORDS = 40
#: ... and an article whose title and first words hold "the" twice and "the",
#: "and", "of" this many times (English prose has some ten in a hundred words)
#: is English without counting stop words: no other language's text uses them.
_ENGLISH_ENOUGH = 5


def other_language(title: str | None, body: str | None, given: str | None = None) -> str | None:
    """The language of an article that is surely not in English, else None.

    Sure means: its source states the language (``given``: ``en-US`` is
    English; a name or a three-letter code, as GDELT's "Arabic" and Event
    Registry's "eng", is read through pycountry's ISO 639 table); or at least
    :data:`OTHER_MIN_WORDS` of the words of its title and the first
    :data:`ARTICLE_HEAD` characters of its body are another language's
    (:func:`language_of`); or most of its
    letters are in a script written for one language alone
    (:func:`script_language`). English, and an article too short to tell,
    give None. The detector reads this to keep framing's English lexicons
    off other languages' text, and the reports to say so."""
    if given:
        code = stated_language(given)
        if code:
            return None if code in ("en", "eng") else code
    head_text = (body or "")[:ARTICLE_HEAD]
    # Most articles of an English corpus stop here, at a few microseconds
    # (the analysis asks for every article): English's commonest words.
    low = f" {title or ''} {head_text} ".lower()
    the = low.count(" the ")
    if the >= 2 and the + low.count(" and ") + low.count(" of ") >= _ENGLISH_ENOUGH:
        return None
    words = [w for w in WORD_RE.findall(title or "") + WORD_RE.findall(head_text)[:LANGUAGE_WORDS]
             if any(ch.isalpha() for ch in w)]
    if len(words) >= OTHER_MIN_WORDS:
        code = language_of(words)
        if code is not None:
            return None if code == "en" else code
    if low.isascii():
        return None  # no letter of a script written for one language
    code = script_language((title or "") + " " + head_text)
    return None if code in (None, "en") else code


@lru_cache(maxsize=256)
def stated_language(given: str) -> str | None:
    """The ISO 639-1 code (else the 639-3 one) of a language as an export
    states it: ``en``, ``en-US``, ``pt_BR``, ``eng``, ``fre``, ``Arabic``,
    ``Portuguese (Brazil)``; None when it names no language."""
    text = given.strip()
    code = text.lower().replace("_", "-").split("-")[0]
    if len(code) == 2 and code.isalpha():
        return code
    name = text.split("(")[0].strip()
    if not name or len(name) > 60:
        return None
    import pycountry

    try:
        lang = pycountry.languages.lookup(name)
    except LookupError:
        return None
    return getattr(lang, "alpha_2", None) or lang.alpha_3


#: Scripts written for one language (or nearly so), by the first word of
#: their characters' Unicode names; Han is Chinese unless kana stand beside it.
_SCRIPTS = {"HANGUL": "ko", "HIRAGANA": "ja", "KATAKANA": "ja", "CJK": "zh", "HEBREW": "he", "GREEK": "el",
            "THAI": "th", "GEORGIAN": "ka", "ARMENIAN": "hy", "KHMER": "km", "LAO": "lo", "SINHALA": "si",
            "TAMIL": "ta", "TELUGU": "te", "KANNADA": "kn", "MALAYALAM": "ml", "GUJARATI": "gu",
            "GURMUKHI": "pa", "ETHIOPIC": "am", "MYANMAR": "my", "TIBETAN": "bo"}


def script_language(text: str) -> str | None:
    """The language of ``text`` when most of its letters are in a script
    written for one language alone (Hangul, kana, Han, Hebrew, Greek, Thai
    ...); None otherwise (Latin, Arabic, Cyrillic and Devanagari script are
    shared by many languages: their stop words tell)."""
    import unicodedata

    counts: dict[str, int] = {}
    letters = 0
    for ch in text:
        if not ch.isalpha():
            continue
        letters += 1
        if ch.isascii():
            continue
        first = unicodedata.name(ch, "").split(" ", 1)[0]
        if first in _SCRIPTS:
            counts[first] = counts.get(first, 0) + 1
    if not letters or not counts:
        return None
    if counts.get("HIRAGANA", 0) + counts.get("KATAKANA", 0):
        counts["HIRAGANA"] = counts.pop("HIRAGANA", 0) + counts.pop("KATAKANA", 0) + counts.pop("CJK", 0)
    script, n = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
    return _SCRIPTS[script] if n * 2 > letters else None


def language_counts(counts: Mapping[str, int], most: int | None = None) -> str:
    """``"es 21, pt 10, ..."``: languages by how many articles, most first
    (then by code), at most ``most`` of them."""
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    shown = top if most is None else top[:most]
    return ", ".join(f"{lang} {n:,}" for lang, n in shown) + (", ..." if len(shown) < len(top) else "")
