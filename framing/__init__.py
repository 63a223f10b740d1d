"""framing: show how different news outlets frame the same event.

A library first; the ``framing`` command is a thin layer over it::

    import framing
    store = framing.Store("framing.db")
    for outcome in framing.ingest(store, ["pages/"]):
        print(outcome)
"""

from __future__ import annotations

import logging

from .corpus import ingest, load
from .errors import FramingError, InputError, LexiconError, ManifestError, NotFound, StoreError
from .models import Article, Hit
from .store import Store

__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = [
    "Article",
    "FramingError",
    "Hit",
    "InputError",
    "LexiconError",
    "ManifestError",
    "NotFound",
    "Store",
    "StoreError",
    "__version__",
    "ingest",
    "load",
]
