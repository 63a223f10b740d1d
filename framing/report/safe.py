"""Article text made safe for where it is shown (terminals, spreadsheets, XML).

The functions live in :mod:`framing.text.safe`, so that commands that only
store articles (``framing ingest``) can print file names safely without
loading the report stage; this module keeps the renderers' import path.

:func:`safe_model` here gives what :func:`framing.text.safe.safe_model` gives,
at report size: parts with nothing to clean are shared rather than copied
(the renderers only read the model), and a model already made safe with
:func:`~framing.text.safe.visible` is returned as it is, so the renderers that
:func:`framing.report.write_all` runs one after another walk it once.
"""

from __future__ import annotations

import dataclasses
import weakref
from typing import Any, Callable, TypeVar

from ..text.safe import FORMULA_START, csv_cell, plain, printable, visible

__all__ = ["FORMULA_START", "csv_cell", "plain", "printable", "safe_model", "visible"]

T = TypeVar("T")

#: id of a model → (a weak reference to it, what :func:`safe_model` made of it
#: with :func:`visible`, or None for itself), while the model lives.
_MADE: dict[int, tuple["weakref.ref[Any]", Any]] = {}
#: The init fields of each dataclass, looked up once.
_INIT_FIELDS: dict[type, tuple[str, ...]] = {}


def safe_model(obj: T, clean: Callable[[str], str] = visible) -> T:
    """``obj`` with ``clean`` applied to every string in it (dataclasses,
    dicts, lists, tuples; other values are kept). Containers and dataclasses
    in which nothing changed are returned as they are, not copied: treat the
    result as read-only."""
    if clean is not visible:
        return _clean(obj, clean)
    made = _MADE.get(id(obj))
    if made is not None and made[0]() is obj:
        return obj if made[1] is None else made[1]  # type: ignore[no-any-return]
    out = _clean(obj, clean)
    for key in (obj, out) if out is not obj else (obj,):
        try:
            _MADE[id(key)] = (weakref.ref(key), None if key is out else out)
            weakref.finalize(key, _MADE.pop, id(key), None)
        except TypeError:  # no weak references to it (a str, a list): nothing to remember
            pass
    return out


def _clean(obj: Any, clean: Callable[[str], str]) -> Any:
    t = type(obj)
    if t is str:
        return clean(obj)
    if t is int or t is float or t is bool or obj is None:
        return obj
    if t is list or t is tuple:
        new = [_clean(v, clean) for v in obj]
        if all(a is b for a, b in zip(new, obj)):
            return obj
        return new if t is list else tuple(new)
    if t is dict:
        changed = False
        pairs = []
        for k, v in obj.items():
            k2, v2 = _clean(k, clean), _clean(v, clean)
            changed = changed or k2 is not k or v2 is not v
            pairs.append((k2, v2))
        return dict(pairs) if changed else obj
    names = _INIT_FIELDS.get(t)
    if names is None and dataclasses.is_dataclass(t):
        names = _INIT_FIELDS[t] = tuple(f.name for f in dataclasses.fields(t) if f.init)
    if names is not None:
        changes = {}
        for name in names:
            value = getattr(obj, name)
            new = _clean(value, clean)
            if new is not value:
                changes[name] = new
        return dataclasses.replace(obj, **changes) if changes else obj
    # anything else exactly as framing.text.safe.safe_model treats it
    if isinstance(obj, str):
        return clean(obj)
    if isinstance(obj, list):
        return [_clean(v, clean) for v in obj]
    if isinstance(obj, tuple):
        return type(obj)(_clean(v, clean) for v in obj)
    if isinstance(obj, dict):
        return {_clean(k, clean): _clean(v, clean) for k, v in obj.items()}
    return obj
