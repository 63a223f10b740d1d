"""Article text made safe for where it is shown: terminals, spreadsheets, XML.

Text from articles (and file names) can hold anything: escape sequences that
clear a terminal, set its title or plant a disguised OSC 8 link; a title
starting with ``=`` that a spreadsheet runs as a formula; NUL or ESC, which
make an SVG file invalid XML. Every renderer passes article text through one
of these functions (see docs/safety.md):

* :func:`visible` — control characters (C0 but tab and newline, DEL, C1) as
  visible symbols (ESC is shown as ``␛``), lone surrogates and the
  non-characters U+FFFE/U+FFFF as U+FFFD. One character for one, so hit
  offsets stay valid. Used for terminal output, ``report.txt``, Markdown,
  HTML and CSV cells.
* :func:`plain` — the same for charts, whose font has no control pictures:
  every such character becomes U+FFFD.
* :func:`printable` — for one-line messages (file names, errors): control
  characters as above, and the undecodable bytes of a file name as ``\\xff``.
* :func:`csv_cell` — :func:`visible`, and a leading ``'`` on a cell that starts
  with ``=``, ``+``, ``-``, ``@`` or a tab, so a spreadsheet shows it as text
  (OWASP's advice on CSV injection).
* :func:`safe_model` — :func:`visible` (or :func:`plain`) applied to every
  string inside a report model, article or hit; what has nothing to clean is
  shared, not copied.
"""

from __future__ import annotations

import dataclasses
import re
from itertools import islice
from typing import Any, TypeVar

__all__ = ["FORMULA_START", "csv_cell", "plain", "printable", "safe_model", "visible"]

T = TypeVar("T")

_CONTROLS = [c for c in range(0x20) if c not in (0x09, 0x0A)] + [0x7F] + list(range(0x80, 0xA0))
_REPLACED = list(range(0xD800, 0xE000)) + [0xFFFE, 0xFFFF]
_VISIBLE = {c: 0x2400 + c for c in range(0x20) if c not in (0x09, 0x0A)}  # Control Pictures
_VISIBLE[0x7F] = 0x2421  # ␡
_VISIBLE.update({c: 0xFFFD for c in range(0x80, 0xA0)})  # C1: 8-bit CSI, OSC, ... have no picture
_VISIBLE.update({c: 0xFFFD for c in _REPLACED})
_PLAIN = {c: 0xFFFD for c in _CONTROLS + _REPLACED}
_NEEDS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")

#: First characters a spreadsheet may read as the start of a formula (OWASP).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def visible(text: str) -> str:
    """Control characters as visible symbols; the length is kept."""
    return text.translate(_VISIBLE) if _NEEDS.search(text) else text


def plain(text: str) -> str:
    """Control characters as U+FFFD (for chart labels); the length is kept."""
    return text.translate(_PLAIN) if _NEEDS.search(text) else text


def printable(text: str) -> str:
    """A file name or message for one terminal line: a file name's undecodable
    bytes (``os.fsdecode``'s surrogate escapes) as ``\\xff``, other lone
    surrogates as ``\\ud800``, control characters as by :func:`visible`."""
    if not _NEEDS.search(text):
        return text
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = re.sub("[\udc80-\udcff]", lambda m: f"\\x{ord(m.group()) - 0xDC00:02x}", text)
        text = re.sub("[\ud800-\udfff]", lambda m: f"\\u{ord(m.group()):04x}", text)
    return visible(text)


def csv_cell(text: str) -> str:
    """A text cell for CSV: :func:`visible`, with ``'`` before a formula start."""
    text = visible(text)
    return "'" + text if text.startswith(FORMULA_START) else text


def safe_model(obj: T, clean: Any = visible) -> T:
    """``obj`` with ``clean`` applied to every string in it (dataclasses,
    dicts, lists, tuples; other values are kept). Containers and dataclasses
    in which nothing changed are returned as they are, not copied: treat the
    result as read-only."""
    # visible and plain give a string back as it is when _NEEDS finds nothing
    # in it, so for them a string is searched here and cleaned only if found;
    # a list of strings is searched once, joined by newlines (which _NEEDS
    # never matches). A report at 50,000 articles holds millions of strings
    # and small containers: a call per string was most of the walk's time.
    return _safe(obj, clean, _NEEDS.search if clean is visible or clean is plain else None)


#: Types :func:`safe_model` keeps as they are.
_KEPT = frozenset({int, float, bool, type(None)})


def _safe(obj: Any, clean: Any, search: Any) -> Any:
    """:func:`safe_model` of ``obj``; ``search`` finds what ``clean`` changes
    (None: ``clean`` is called on every string)."""
    t = type(obj)
    if t is str:
        return obj if search is not None and not search(obj) else clean(obj)
    if t in _KEPT:
        return obj
    if t is list or t is tuple:
        if search is not None and obj and type(obj[0]) is str:
            try:
                if not search("\n".join(obj)):
                    return obj
            except TypeError:  # not only strings
                pass
        new = None
        for i, v in enumerate(obj):
            tv = type(v)
            if tv is str:
                if search is not None and not search(v):
                    continue
                w = clean(v)
            elif tv in _KEPT:
                continue
            else:
                w = _safe(v, clean, search)
            if w is not v:
                if new is None:
                    new = list(obj)
                new[i] = w
        if new is None:
            return obj
        return new if t is list else tuple(new)
    if t is dict:
        pairs: list[tuple[Any, Any]] | None = None
        for i, (k, v) in enumerate(obj.items()):
            k2 = _safe(k, clean, search) if type(k) is not str or search is None or search(k) else k
            tv = type(v)
            if tv is str:
                v2 = v if search is not None and not search(v) else clean(v)
            elif tv in _KEPT:
                v2 = v
            else:
                v2 = _safe(v, clean, search)
            if pairs is None:
                if k2 is k and v2 is v:
                    continue
                pairs = list(islice(obj.items(), i))
            pairs.append((k2, v2))
        return obj if pairs is None else dict(pairs)
    names = _INIT_FIELDS.get(t)
    if names is None and dataclasses.is_dataclass(t):
        names = _INIT_FIELDS[t] = tuple(f.name for f in dataclasses.fields(t) if f.init)
    if names is not None:
        changes = None
        for name in names:
            value = getattr(obj, name)
            tv = type(value)
            if tv is str:
                if search is not None and not search(value):
                    continue
                new_value = clean(value)
            elif tv in _KEPT:
                continue
            else:
                new_value = _safe(value, clean, search)
            if new_value is not value:
                if changes is None:
                    changes = {}
                changes[name] = new_value
        return dataclasses.replace(obj, **changes) if changes else obj
    # subclasses of the built-in types: rebuilt whole
    if isinstance(obj, str):
        return clean(obj)
    if isinstance(obj, list):
        return [_safe(v, clean, search) for v in obj]
    if isinstance(obj, tuple):
        return type(obj)(_safe(v, clean, search) for v in obj)
    if isinstance(obj, dict):
        return {_safe(k, clean, search): _safe(v, clean, search) for k, v in obj.items()}
    return obj


#: The init fields of each dataclass, looked up once.
_INIT_FIELDS: dict[type, tuple[str, ...]] = {}