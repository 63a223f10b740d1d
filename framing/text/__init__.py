"""framing.text: the text layer every stage shares.

One word tokeniser with offsets (:func:`token_spans`, :func:`word_spans`,
:func:`words`, :func:`count_words`), one sentence splitter
(:func:`sentence_spans`), one set of quotation characters (:data:`QUOTE_CHARS`),
one :func:`normalize` that returns a map back to the raw text, and the word
lists (negators, calendar, number words, stop words) read from data files.
"""

import importlib

# Imported here, not on first use: the function ``normalize`` shares its name
# with its module, and a module imported later would shadow a lazy name.
from .normalize import (
    Normalized,
    fold,
    normalize,
    normalize_for_matching,
    normalize_term,
    plain,
    strip_accents,
)

#: The other public names and the modules that hold them, imported on first
#: use: storing and listing articles (models, store, the CLI's start-up) needs
#: none of the tokeniser's or the sentence splitter's patterns, and an
#: unchanged re-run is mostly start-up.
_MODULES = {
    "sentences": ("paragraph_spans", "sentence_spans"),
    "tokens": ("APOSTROPHES", "DOUBLE_QUOTES", "QUOTE_CHARS", "SINGLE_QUOTES", "WORD_RE", "TokenIndex",
               "count_words", "index_tokens", "is_title_case", "is_word", "token_spans", "word_spans", "words",
               "words_between"),
    # The word lists load scikit-learn's stop words: only when a stage asks for them.
    "wordlists": ("CALENDAR", "MONTHS", "NEGATORS", "NUMBER_WORDS", "STOP_WORDS", "WEEKDAYS", "wordlist"),
}
_HOME = {name: module for module, names in _MODULES.items() for name in names}


def __getattr__(name: str) -> object:
    module = _HOME.get(name)
    if module is None:
        raise AttributeError(f"module 'framing.text' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


__all__ = [
    "APOSTROPHES", "CALENDAR", "DOUBLE_QUOTES", "MONTHS", "NEGATORS", "NUMBER_WORDS",
    "Normalized", "QUOTE_CHARS", "SINGLE_QUOTES", "STOP_WORDS", "TokenIndex", "WEEKDAYS", "WORD_RE",
    "count_words", "index_tokens", "fold", "is_title_case", "is_word", "normalize", "normalize_for_matching",
    "normalize_term", "paragraph_spans", "plain", "sentence_spans", "strip_accents", "token_spans", "wordlist",
    "word_spans", "words", "words_between",
]
