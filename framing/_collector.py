"""The cyclic garbage collector paused while many objects are built that
make no reference cycles (rows read from the store, the report's rows).

CPython's collector runs a pass over the youngest objects every few hundred
allocations and, every so often, a full pass over every object alive: while
a process that already holds a corpus builds hundreds of thousands more
objects, those passes walk the corpus again and again and find nothing to
free (each object built here is freed by its reference count, or lives on).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["collector_paused"]


@contextmanager
def collector_paused() -> Iterator[None]:
    """The collector off for the ``with`` block and back on afterwards (also
    on an error); a caller that turned it off keeps it off."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
