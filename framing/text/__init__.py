"""framing.text: the text layer every stage shares.

One word tokeniser with offsets (:func:`token_spans`, :func:`word_spans`,
:func:`words`, :func:`count_words`), one sentence splitter
(:func:`sentence_spans`), one set of quotation characters (:data:`QUOTE_CHARS`),
one :func:`normalize` that returns a map back to the raw text, and the word
lists (negators, calendar, number words, stop words) read from data files.
"""

from .normalize import (
    Normalized,
    fold,
    normalize,
    normalize_for_matching,
    normalize_term,
    plain,
    strip_accents,
)
from .sentences import paragraph_spans, sentence_spans
from .tokens import (
    APOSTROPHES,
    DOUBLE_QUOTES,
    QUOTE_CHARS,
    SINGLE_QUOTES,
    WORD_RE,
    TokenIndex,
    count_words,
    index_tokens,
    is_title_case,
    is_word,
    token_spans,
    word_spans,
    words,
    words_between,
)

_WORDLISTS = ("CALENDAR", "MONTHS", "NEGATORS", "NUMBER_WORDS", "STOP_WORDS", "WEEKDAYS", "wordlist")


def __getattr__(name: str) -> object:
    # The word lists load scikit-learn's stop words: only when a stage asks for
    # them, so storing articles (models, loaders) stays light.
    if name in _WORDLISTS:
        from . import wordlists

        return getattr(wordlists, name)
    raise AttributeError(f"module 'framing.text' has no attribute {name!r}")

__all__ = [
    "APOSTROPHES", "CALENDAR", "DOUBLE_QUOTES", "MONTHS", "NEGATORS", "NUMBER_WORDS",
    "Normalized", "QUOTE_CHARS", "SINGLE_QUOTES", "STOP_WORDS", "TokenIndex", "WEEKDAYS", "WORD_RE",
    "count_words", "index_tokens", "fold", "is_title_case", "is_word", "normalize", "normalize_for_matching",
    "normalize_term", "paragraph_spans", "plain", "sentence_spans", "strip_accents", "token_spans", "wordlist",
    "word_spans", "words", "words_between",
]
