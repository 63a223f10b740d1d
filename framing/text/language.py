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

__all__ = ["ARTICLE_HEAD", "LANGUAGE_CHARS", "LANGUAGE_SHARE", "LANGUAGE_WORDS", "article_language",
           "language_counts", "language_of"]


#: An article's language is read from its title and the first words of its
#: body: at most this many words, within this many characters of the body.
#: (Grouping, which has cut the body's words already, reads this much;
#: :func:`article_language`, for ingest and the reports' notes, reads the
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


#: The characters of a body :func:`article_language` reads: about a hundred
#: words, enough for the share of stop words to say it (all 1,300
#: Article-Bias-Prediction articles English; 192 of htmldate's 196 Media Cloud
#: pages, copied as text, get the language their first 3,000 characters give)
#: at a third of the cost.
ARTICLE_HEAD = 600


def article_language(title: str | None, body: str | None, given: str | None = None) -> str | None:
    """An article's ISO 639-1 language: the one its source states (``en-US``
    → ``en``), else :func:`language_of` its title and the first
    :data:`ARTICLE_HEAD` characters of its body; None when neither says."""
    if given:
        code = given.strip().lower().replace("_", "-").split("-")[0]
        if len(code) == 2 and code.isalpha():
            return code
    head = WORD_RE.findall((body or "")[:ARTICLE_HEAD])[:LANGUAGE_WORDS]
    return language_of(WORD_RE.findall(title or "") + head)


def language_counts(counts: Mapping[str, int], most: int | None = None) -> str:
    """``"es 21, pt 10, ..."``: languages by how many articles, most first
    (then by code), at most ``most`` of them."""
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    shown = top if most is None else top[:most]
    return ", ".join(f"{lang} {n:,}" for lang, n in shown) + (", ..." if len(shown) < len(top) else "")
