"""framing.detect: loaded-language detection.

Lexicon terms are found with one Aho–Corasick pass, each match is given a
voice (narration, quote, reported) and judged in its sentence by a small
logistic-regression classifier; scare quotes are found from the quotation
marks themselves. See ``docs/lexicons.md``.

>>> from framing.detect import load_lexicon, get_classifier, detect
>>> from framing.models import Article
>>> lexicon = load_lexicon()
>>> hits = detect(Article(source="x", body="The Velmoran regime denied it."),
...               lexicon, get_classifier(lexicon))
>>> [(h.text, h.category, h.loaded) for h in hits]
[('regime', 'labeling', True)]
"""

from .analyze import AnalyzeResult, analyze, analyzer_version, detect, hits_to_rows, stored_hits
from .classifier import LinearModel, cross_validate, get_classifier
from .lexicon import Entry, Lexicon, load_lexicon
from .voice import Quotation, quotations

__all__ = [
    "AnalyzeResult",
    "Entry",
    "Lexicon",
    "LinearModel",
    "Quotation",
    "analyze",
    "analyzer_version",
    "cross_validate",
    "detect",
    "get_classifier",
    "hits_to_rows",
    "load_lexicon",
    "quotations",
    "stored_hits",
]
