"""Word lists the text stages share, read from ``framing/text/data/*.txt``
through :mod:`importlib.resources` (so they work from an installed wheel).

One entry a line; ``#`` starts a comment; a tab separates a word from its value
in the lists that have values (``number_words.txt``).
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from importlib import resources
from pathlib import Path


def _lines(name: str) -> list[str]:
    text = (resources.files("framing.text") / "data" / f"{name}.txt").read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


@lru_cache(maxsize=None)
def wordlist(name: str) -> frozenset[str]:
    """The words of ``data/<name>.txt`` (lower case)."""
    return frozenset(ln.split("\t")[0].lower() for ln in _lines(name))


@lru_cache(maxsize=None)
def ordered(name: str) -> tuple[str, ...]:
    """The words of ``data/<name>.txt`` in file order."""
    return tuple(ln.split("\t")[0].lower() for ln in _lines(name))


@lru_cache(maxsize=None)
def valued(name: str) -> dict[str, float]:
    """``word → value`` of a list whose lines are ``word<TAB>value``."""
    out = {}
    for ln in _lines(name):
        word, _, value = ln.partition("\t")
        out[word.lower()] = float(value)
    return out


def _english_stop_words() -> frozenset[str]:
    """scikit-learn's English stop words (``ENGLISH_STOP_WORDS``), read from
    the one module of scikit-learn that holds them, without importing the
    package: ``import sklearn`` costs about a second of CPU and 40 MB (it
    loads SciPy and pandas), which a process that needs only the word list
    (the report's workers) would pay for nothing. Imported as usual when
    that module is not where it was found."""
    spec = importlib.util.find_spec("sklearn")  # (finds the package; does not import it)
    for folder in (spec.submodule_search_locations or []) if spec else []:
        path = Path(folder) / "feature_extraction" / "_stop_words.py"
        if path.is_file():
            module_spec = importlib.util.spec_from_file_location("_framing_english_stop_words", path)
            if module_spec is not None and module_spec.loader is not None:
                module = importlib.util.module_from_spec(module_spec)
                module_spec.loader.exec_module(module)
                words = getattr(module, "ENGLISH_STOP_WORDS", None)
                if isinstance(words, frozenset):
                    return words
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return ENGLISH_STOP_WORDS


#: The calendar: month names (January = 1) and weekday names.
MONTHS: dict[str, int] = {m: i for i, m in enumerate(ordered("months"), 1)}
WEEKDAYS: frozenset[str] = wordlist("weekdays")
CALENDAR: frozenset[str] = frozenset(MONTHS) | WEEKDAYS
#: The months as news abbreviates them before a day ("Oct. 5", "Sept. 11", "Jan 6").
MONTH_ABBREVIATIONS: frozenset[str] = frozenset(m[:3] for m in MONTHS) | {"sept"}
NUMBER_WORDS: dict[str, float] = valued("number_words")
NEGATORS: frozenset[str] = wordlist("negators")
STOP_WORDS: frozenset[str] = frozenset(_english_stop_words()) | wordlist("stop_words_extra")
#: Stop words that may be words of a name inside a run of names ("New York").
NAME_STOP_WORDS: frozenset[str] = wordlist("name_stop_words")
#: Function words that end a run of capitalised words rather than join it (Title Case lines).
NAME_BREAKS: frozenset[str] = wordlist("name_breaks")
#: Interjections that open quoted speech ("Oh", "Hey", "Thanks"): capitalised, and no name.
INTERJECTIONS: frozenset[str] = wordlist("interjections")
#: Honorifics and abbreviated titles ("Mr", "Rep", "Sen"): no name on their own.
TITLE_ABBREVIATIONS: frozenset[str] = wordlist("title_abbreviations")
#: Abbreviations that open a place's or a family's name, written with a full
#: stop ("St. Louis", "Mt. Everest", "Ft. Worth", "Jack St. Martin"): the
#: word after the stop is the rest of the name, not a new sentence's first.
NAME_OPENERS: frozenset[str] = frozenset({"St", "Mt", "Mts", "Ft", "Ste"})
#: Particles in lower case inside names ("de", "bin", "van"): naming and facts share them.
NAME_PARTICLES: frozenset[str] = wordlist("name_particles")
