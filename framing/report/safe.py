"""Article text made safe for where it is shown (terminals, spreadsheets, XML).

The functions live in :mod:`framing.text.safe`, so that commands that only
store articles (``framing ingest``) can print file names safely without
loading the report stage; this module keeps the renderers' import path.

:func:`safe_model` here is :func:`framing.text.safe.safe_model` (which shares
the parts with nothing to clean), remembering the models it made safe with
:func:`~framing.text.safe.visible`: a model already made safe is returned as it
is, so the renderers that :func:`framing.report.write_all` runs one after
another walk it once.
"""

from __future__ import annotations

import weakref
from typing import Any, Callable, TypeVar

from ..text.safe import FORMULA_START, csv_cell, plain, printable, visible
from ..text.safe import safe_model as _safe_model

__all__ = ["FORMULA_START", "csv_cell", "plain", "printable", "safe_model", "visible"]

T = TypeVar("T")

#: id of a model → (a weak reference to it, what :func:`safe_model` made of it
#: with :func:`visible`, or None for itself), while the model lives.
_MADE: dict[int, tuple["weakref.ref[Any]", Any]] = {}


def safe_model(obj: T, clean: Callable[[str], str] = visible) -> T:
    """:func:`framing.text.safe.safe_model`, remembering what it made of a
    model with :func:`visible` (and that the result is already safe) while
    the model lives."""
    if clean is not visible:
        return _safe_model(obj, clean)
    made = _MADE.get(id(obj))
    if made is not None and made[0]() is obj:
        return obj if made[1] is None else made[1]  # type: ignore[no-any-return]
    out = _safe_model(obj, clean)
    for key in (obj, out) if out is not obj else (obj,):
        try:
            _MADE[id(key)] = (weakref.ref(key), None if key is out else out)
            weakref.finalize(key, _MADE.pop, id(key), None)
        except TypeError:  # no weak references to it (a str, a list): nothing to remember
            pass
    return out
