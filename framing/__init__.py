"""framing: show how different news outlets frame the same event.

A library first; the ``framing`` command is a thin layer over it::

    import framing
    result = framing.run(["pages/"], out="reports/pages")   # what `framing run` does
    print(framing.render(result.report, "terminal"))

Or step by step, on articles loaded without a store::

    articles = framing.load(["pages/"])
    for i, a in enumerate(articles, 1):
        a.id = i
    detector = framing.Detector(framing.load_lexicon()).fit()
    report = framing.build_report(articles, {a.id: detector.analyze(a) for a in articles})
    framing.write_all(report, "reports/pages")
"""

from __future__ import annotations

import importlib
import logging
from typing import Any

from .errors import FramingError, InputError, LexiconError, ManifestError, NotFound, StoreError
from .models import Analysis, Article, Hit, Quotation
from .store import Store

__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())

#: Names imported on first use, so `import framing` (and the CLI) stays light:
#: detection and comparison load scikit-learn, SciPy and NLTK, and the loaders
#: compile their page-reading patterns (a quarter of a second for every command).
_LAZY = {
    "ingest": "framing.corpus",
    "iter_ingest": "framing.corpus",
    "load": "framing.corpus",
    "run": "framing.pipeline",
    "RunResult": "framing.pipeline",
    "compare_store": "framing.pipeline",
    "analyze": "framing.detect",
    "Detector": "framing.detect",
    "load_lexicon": "framing.detect",
    "build_report": "framing.compare",
    "Report": "framing.compare.model",
    "render": "framing.report",
    "write_all": "framing.report",
    "kwic": "framing.compare.kwic",
    "explore": "framing.pipeline",
    "trends": "framing.compare.trends",
    "compare_groups": "framing.compare.groups",
    "read_stop_words": "framing.compare.keyness",
    "store_trends": "framing.pipeline",
    "write_trends": "framing.report.trends",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'framing' has no attribute {name!r}")


__all__ = [
    "Analysis",
    "Article",
    "Detector",
    "FramingError",
    "Hit",
    "InputError",
    "LexiconError",
    "ManifestError",
    "NotFound",
    "Quotation",
    "Report",
    "RunResult",
    "Store",
    "StoreError",
    "__version__",
    "analyze",
    "build_report",
    "compare_groups",
    "compare_store",
    "explore",
    "ingest",
    "iter_ingest",
    "kwic",
    "load",
    "load_lexicon",
    "read_stop_words",
    "render",
    "run",
    "store_trends",
    "trends",
    "write_all",
    "write_trends",
]
