"""framing.detect: loaded-language detection, one analysis per article.

Lexicon terms are found with one Aho–Corasick pass, each match is given a
voice (narration, quote, reported) and judged in its sentence by a small
logistic-regression classifier; scare quotes are found from the quotation
marks themselves. See ``docs/lexicons.md``.

>>> from framing.detect import Detector, load_lexicon
>>> from framing.models import Article
>>> detector = Detector(load_lexicon()).fit()
>>> analysis = detector.analyze(Article(source="x", body="The Velmoran regime denied it."))
>>> [(h.text, h.category, h.loaded) for h in analysis.hits]
[('regime', 'labeling', True)]
"""

from .analyze import AnalyzeResult, analyze
from .classifier import LinearModel
from .detector import Detector, NotFittedError, load_lexicon
from .lexicon import Entry, Lexicon, read_lexicon

__all__ = [
    "AnalyzeResult",
    "Detector",
    "Entry",
    "Lexicon",
    "LinearModel",
    "NotFittedError",
    "analyze",
    "load_lexicon",
    "read_lexicon",
]
