"""The comparison report model: one dataclass tree that every renderer
(terminal, Markdown, HTML, CSV, JSON, charts) draws from.

Its JSON form (:meth:`Report.to_json`) is the tool's public data contract,
``framing.report/1``, documented in ``docs/report-schema.md`` and validated by
``docs/report.schema.json``. Field names here are that contract: extend, never
rename.

The rows are slotted dataclasses: an archive's report holds hundreds of
thousands of them (at 10,000 articles about 150,000, whose per-instance
dicts were 16 MB of the report's 108 MB).
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field, fields, is_dataclass
from json.encoder import c_make_encoder, encode_basestring
from operator import attrgetter
from typing import Any

SCHEMA = "framing.report/1"


@dataclass(slots=True)
class DensityRow:
    """Loaded-language density of one outlet within one event."""

    outlet: str
    articles: int
    words: int
    loaded: int
    per_1000: float
    ci95: list[float]  # [lo, hi] per 1,000 words
    by_category: dict[str, int]
    by_voice: dict[str, int]  # narration, quote, reported
    warning: str | None = None
    per_1000_by_category: dict[str, float] = field(default_factory=dict)  # rate of each category


@dataclass(slots=True)
class NamingForm:
    outlet: str
    form: str
    count: int
    scare_quoted: bool
    loaded: bool = False  # a label the detector judged loaded, or a scare-quoted name


@dataclass(slots=True)
class NamingRow:
    """How each outlet names one actor."""

    actor: str
    forms: list[NamingForm]


@dataclass(slots=True)
class QuoteVersion:
    outlet: str
    article: int
    text: str
    relation: str  # exact | truncated | extended | altered | paraphrase
    inserted: list[str]
    deleted: list[str]


@dataclass(slots=True)
class QuoteRef:
    text: str
    outlets: list[str]


@dataclass(slots=True)
class QuoteRow:
    """One quotation aligned across the outlets that carried it."""

    speaker: str | None
    reference: QuoteRef
    versions: list[QuoteVersion]


@dataclass(slots=True)
class FactRow:
    """A checkable unit of the story and which outlets carry it."""

    kind: str  # amount | number | person | place | organisation | source | date | entity
    text: str
    present: list[str]
    absent: list[str]
    group: str = ""  # all | most | some | one


@dataclass(slots=True)
class DistinctiveTerm:
    term: str  # a word or a phrase of up to three words
    count: int
    z: float
    p: float | None = None  # one-sided p-value of z
    q: float | None = None  # Benjamini–Hochberg adjusted p over the side's tested terms


@dataclass(slots=True)
class DistinctiveRow:
    outlet: str
    terms: list[DistinctiveTerm]


@dataclass(slots=True)
class GroupDensityRow:
    """Loaded-language density of one outlet group (as :class:`DensityRow`, per group)."""

    group: str
    outlets: list[str]
    articles: int
    words: int
    loaded: int
    per_1000: float
    ci95: list[float]
    by_category: dict[str, int]
    by_voice: dict[str, int]
    warning: str | None = None
    per_1000_by_category: dict[str, float] = field(default_factory=dict)


@dataclass(slots=True)
class GroupDistinctiveRow:
    """Terms one group uses more than the other groups, with z, p and BH q."""

    group: str
    terms: list[DistinctiveTerm]


@dataclass(slots=True)
class GroupComparison:
    """Outlet groups compared: across the whole corpus (``Report.groups``) or
    within one event (``Event.groups``). ``by`` names where the groups came
    from (``group``: the manifest or export column)."""

    by: str
    groups: list[str]
    density: list[GroupDensityRow] = field(default_factory=list)
    distinctive: list[GroupDistinctiveRow] = field(default_factory=list)
    note: str = ""


@dataclass(slots=True)
class Event:
    """One group of articles covering the same event, with every comparison."""

    id: str
    label: str
    first_date: str | None
    last_date: str | None
    articles: list[int]
    outlets: list[str]
    density: list[DensityRow] = field(default_factory=list)
    naming: list[NamingRow] = field(default_factory=list)
    quotes: list[QuoteRow] = field(default_factory=list)
    facts: list[FactRow] = field(default_factory=list)
    distinctive: list[DistinctiveRow] = field(default_factory=list)
    notes: dict[str, str] = field(default_factory=dict)  # section → neutral reading note
    #: why these articles are one event: basis, shared entities and terms, cohesion
    grouped_by: dict[str, Any] = field(default_factory=dict)
    #: the outlet groups compared within this event (None: fewer than two groups)
    groups: GroupComparison | None = None


@dataclass
class Report:
    """Everything the tool found in one store (or one event of it)."""

    lexicon_version: str
    articles: list[dict[str, Any]]  # as `framing articles --format jsonl`, minus body, plus near_duplicate_of
    hits: list[dict[str, Any]]  # as `framing hits --format jsonl`
    events: list[Event]
    schema: str = SCHEMA
    #: the outlet groups compared across the whole corpus (None: no groups)
    groups: GroupComparison | None = None
    #: article id → {"title": ..., "body": ...}: the texts the hits' offsets point
    #: into, for renderers that show articles (HTML). Not part of the JSON contract.
    texts: dict[int, dict[str, str]] = field(default_factory=dict, repr=False)
    #: article id → {field: [(start, end, "quote" | "reported"), ...]}: where the
    #: stored analyses found quotations and reported speech (the explorer's
    #: voices); an article missing here is worked out again. Not in the JSON.
    voices: dict[int, dict[str, list[tuple[int, int, str]]]] = field(default_factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        # Without the texts and voices (not in the JSON).
        return {f.name: plain_data(getattr(self, f.name)) for f in fields(self) if f.name not in _NOT_JSON}

    def to_json(self) -> str:
        """Deterministic JSON: sorted keys, fixed separators, UTF-8 text, trailing newline."""
        return "".join(self.json_chunks())

    def json_chunks(self, size: int = 1 << 20) -> Iterator[str]:
        """:meth:`to_json` in pieces of about ``size`` characters, for writing
        the JSON of a large report without holding all of it in memory. The
        same text as ``json.dumps(self.to_dict(), sort_keys=True,
        ensure_ascii=False, indent=2) + "\\n"``."""
        d = {f.name: getattr(self, f.name) for f in fields(self) if f.name not in _NOT_JSON}
        yield from _json_pieces(d, size)
        yield "\n"

    def to_frames(self) -> dict[str, Any]:
        """The report as pandas DataFrames: ``articles``, ``hits``, and one row
        per event and item for ``density``, ``naming`` (one row per form),
        ``quotes`` (one row per version), ``facts`` and ``distinctive`` (one row
        per term); nested counts become dotted columns (``by_category.labeling``).
        Needs pandas: ``pip install 'framing[pandas]'``."""
        try:
            import pandas as pd
        except ImportError:
            raise ImportError("Report.to_frames() needs pandas: pip install 'framing[pandas]'") from None
        rows: dict[str, list[dict[str, Any]]] = {
            k: [] for k in ("density", "naming", "quotes", "facts", "distinctive")}
        for ev in self.events:
            rows["density"] += [{"event": ev.id, **asdict(r)} for r in ev.density]
            rows["naming"] += [{"event": ev.id, "actor": r.actor, **asdict(f)}
                               for r in ev.naming for f in r.forms]
            rows["quotes"] += [{"event": ev.id, "speaker": r.speaker, "reference": r.reference.text,
                                **asdict(v)} for r in ev.quotes for v in r.versions]
            rows["facts"] += [{"event": ev.id, **asdict(r)} for r in ev.facts]
            rows["distinctive"] += [{"event": ev.id, "outlet": r.outlet, **asdict(t)}
                                    for r in ev.distinctive for t in r.terms]
        frames = {"articles": pd.DataFrame(self.articles), "hits": pd.DataFrame(self.hits)}
        frames.update({k: pd.json_normalize(v) if v else pd.DataFrame() for k, v in rows.items()})
        return frames


def _pickled_by_fields(cls: type) -> None:
    """Pickle ``cls`` (a slotted dataclass of the model) as its constructor
    and its field values, in field order: unpickling calls its ``__init__``
    once. The default pickle of a slotted instance carries its state as a
    dict of slot name to value (``object.__getstate__``), which the pickle
    writes key by key and the unpickler sets attribute by attribute: at
    50,000 articles the events that cross processes (the per-event workers'
    results, the render's shares of event pages) are about 700,000 such rows,
    and that round trip was about 40 % slower and its pickle 20 % larger. The
    same objects come back (protocols 0 and 1 too, which refuse a slotted
    class without ``__getstate__``). The values are pickled before the row
    is made, which is right for the model, a tree (no row refers back to a
    row holding it). A subclass (whose fields may differ) is pickled the
    default way."""
    names = tuple(f.name for f in fields(cls))
    get = attrgetter(*names)
    values = get if len(names) > 1 else (lambda o: (get(o),))  # one name: attrgetter gives no tuple

    def __reduce_ex__(self: Any, protocol: Any) -> Any:
        if type(self) is cls:
            return cls, values(self)
        return object.__reduce_ex__(self, protocol)

    cls.__reduce_ex__ = __reduce_ex__  # type: ignore[method-assign]


for _cls in (DensityRow, NamingForm, NamingRow, QuoteVersion, QuoteRef, QuoteRow, FactRow,
             DistinctiveTerm, DistinctiveRow, GroupDensityRow, GroupDistinctiveRow,
             GroupComparison, Event):
    _pickled_by_fields(_cls)
del _cls


#: Report fields that are not part of the JSON contract.
_NOT_JSON = frozenset({"texts", "voices"})

#: The field names of each dataclass of the model, looked up once.
_FIELDS: dict[type, tuple[str, ...]] = {}


def _field_names(t: type) -> tuple[str, ...] | None:
    names = _FIELDS.get(t)
    if names is None and is_dataclass(t):
        names = _FIELDS[t] = tuple(f.name for f in fields(t))
    return names


def plain_data(obj: Any) -> Any:
    """``dataclasses.asdict`` for the report model (a report, an event or any
    part of one), faster: the same dicts and
    lists, with field names looked up once per class and the immutable leaves
    (strings, numbers, booleans, None) shared rather than deep-copied."""
    t = type(obj)
    if t is str or t is int or t is float or t is bool or obj is None:
        return obj
    if t is list:
        return [plain_data(x) for x in obj]
    if t is dict:
        return {plain_data(k): plain_data(v) for k, v in obj.items()}
    names = _field_names(t)
    if names is not None:
        return {n: plain_data(getattr(obj, n)) for n in names}
    if isinstance(obj, tuple) and hasattr(obj, "_fields"):
        return t(*[plain_data(x) for x in obj])
    if isinstance(obj, (list, tuple)):
        return t(plain_data(x) for x in obj)
    if isinstance(obj, dict):
        return t((plain_data(k), plain_data(v)) for k, v in obj.items())
    return copy.deepcopy(obj)


def _float(o: float) -> str:
    if o != o:
        return "NaN"
    if o == float("inf"):
        return "Infinity"
    if o == -float("inf"):
        return "-Infinity"
    return float.__repr__(o)


def _key(k: Any) -> str:
    """A dict key as ``json.dumps`` writes it: a string as it is, another scalar as its JSON text."""
    if isinstance(k, str):
        return k
    text = _scalar(k)
    if text is None:
        raise TypeError(f"keys must be str, int, float, bool or None, not {type(k).__name__}")
    return text


def _scalar(o: Any) -> str | None:
    """A JSON scalar's text as ``json.dumps`` writes it; None for a container."""
    if isinstance(o, str):
        return encode_basestring(o)
    if o is None:
        return "null"
    if o is True:
        return "true"
    if o is False:
        return "false"
    if isinstance(o, int):
        return int.__repr__(o)
    if isinstance(o, float):
        return _float(o)
    return None


def _items(o: Any) -> "list[tuple[str, Any]] | list[Any]":
    """A container's members: a dict's (or dataclass's) (key, value) pairs
    sorted by key as ``json.dumps(sort_keys=True)`` sorts them, or a list's items."""
    names = _field_names(type(o))
    if names is not None:
        o = {n: getattr(o, n) for n in names}
    if isinstance(o, (list, tuple)):
        return list(o)
    if isinstance(o, dict):
        return [(_key(k), v) for k, v in sorted(o.items())]
    raise TypeError(f"Object of type {type(o).__name__} is not JSON serializable")


def _members(o: Any, indent: str, out: list[str]) -> Iterator[tuple[Any, str]]:
    """Write container ``o``'s brackets, separators and keys to ``out``, and
    yield each member value with its indent for the caller to write in its place."""
    pairs = not isinstance(o, (list, tuple))
    items = _items(o)
    if not items:
        out.append("{}" if pairs else "[]")
        return
    inner = indent + "  "
    sep = ("{\n" if pairs else "[\n") + inner
    for item in items:
        if pairs:
            out.append(sep + encode_basestring(item[0]) + ": ")
            item = item[1]
        else:
            out.append(sep)
        sep = ",\n" + inner
        yield item, inner
    out.append("\n" + indent + ("}" if pairs else "]"))


def _write(o: Any, indent: str, out: list[str]) -> None:
    """Append ``o``'s indented JSON text to ``out``."""
    s = _scalar(o)
    if s is not None:
        out.append(s)
        return
    for item, inner in _members(o, indent, out):
        t = _scalar(item)
        if t is not None:
            out.append(t)
        else:
            _write(item, inner, out)


#: The scalar types whose JSON text the standard library's C encoder and
#: :func:`_scalar` agree on, exactly (subclasses take the general path).
_EXACT_SCALARS = frozenset({str, int, float, bool, type(None)})

#: Exact scalar type → its JSON text.
_SCALAR_TEXT: dict[type, Any] = {
    str: encode_basestring,
    int: int.__repr__,
    float: _float,
    bool: lambda o: "true" if o else "false",
    type(None): lambda o: "null",
}

#: A dataclass type → (its field names sorted as ``sort_keys`` sorts them,
#: a getter of their values in that order as a tuple).
_SORTED_FIELDS: dict[type, tuple[tuple[str, ...], Any]] = {}

#: (names, indent) → the text before each member: the opening brace or the
#: separator, the newline and indent, the key.
_KEY_TEXTS: dict[tuple[tuple[str, ...], str], list[str]] = {}

#: An indent → the C encoders writing a container of scalars at that indent
#: (keys sorted, keys as given), or None without the C accelerator.
_LEAF_ENCODERS: dict[str, tuple[Any, Any] | None] = {}


def _refuse(o: Any) -> Any:
    raise TypeError(f"Object of type {type(o).__name__} is not JSON serializable")


def _sorted_fields(t: type) -> tuple[tuple[str, ...], Any] | None:
    got = _SORTED_FIELDS.get(t)
    if got is None:
        names = _field_names(t)
        if names is None:
            return None
        ordered = tuple(sorted(names))
        if len(ordered) == 1:
            one = attrgetter(ordered[0])
            getter: Any = lambda o: (one(o),)  # noqa: E731
        elif ordered:
            getter = attrgetter(*ordered)
        else:
            getter = lambda o: ()  # noqa: E731
        got = _SORTED_FIELDS[t] = (ordered, getter)
    return got


def _leaf_encoders(inner: str) -> tuple[Any, Any] | None:
    try:
        return _LEAF_ENCODERS[inner]
    except KeyError:
        pass
    made = None
    if c_make_encoder is not None:
        sep = ",\n" + inner
        made = (c_make_encoder(None, _refuse, encode_basestring, None, ": ", sep, True, False, True),
                c_make_encoder(None, _refuse, encode_basestring, None, ": ", sep, False, False, True))
    _LEAF_ENCODERS[inner] = made
    return made


def _leaf(text: str, indent: str, inner: str, out: list[str]) -> None:
    """Append a one-line container of scalars from the C encoder (whose item
    separator already holds the newline and indent), with the newlines and
    indents ``indent=2`` puts after its opening and before its closing bracket."""
    if len(text) == 2:  # empty
        out.append(text)
    else:
        out.append(text[0] + "\n" + inner)
        out.append(text[1:-1])
        out.append("\n" + indent + text[-1])


def _fast_write(o: Any, indent: str, out: list[str]) -> None:
    """:func:`_write` for container ``o``, faster: a container holding only
    scalars (of exactly the types in :data:`_EXACT_SCALARS`) is written by the
    standard library's C encoder, the members of a dataclass are read with
    one getter and written after cached key texts; anything else (scalar
    subclasses, sets...) goes to :func:`_write`, which writes or refuses it
    as ``json.dumps`` does."""
    t = type(o)
    inner = indent + "  "
    if t is dict:
        enc = _leaf_encoders(inner)
        if enc is not None and _EXACT_SCALARS.issuperset(map(type, o.values())):
            _leaf("".join(enc[0](o, 0)), indent, inner, out)
            return
        items = _items(o)
        if not items:
            out.append("{}")
            return
        sep = "{\n" + inner
        for k, v in items:
            out.append(sep + encode_basestring(k) + ": ")
            sep = ",\n" + inner
            vt = type(v)
            if vt in _EXACT_SCALARS:
                out.append(_SCALAR_TEXT[vt](v))
            else:
                _fast_write(v, inner, out)
        out.append("\n" + indent + "}")
        return
    if t is list or t is tuple:
        enc = _leaf_encoders(inner)
        if enc is not None and _EXACT_SCALARS.issuperset(map(type, o)):
            _leaf("".join(enc[1](o, 0)), indent, inner, out)
            return
        if not o:
            out.append("[]")
            return
        sep = "[\n" + inner
        for v in o:
            out.append(sep)
            sep = ",\n" + inner
            vt = type(v)
            if vt in _EXACT_SCALARS:
                out.append(_SCALAR_TEXT[vt](v))
            else:
                _fast_write(v, inner, out)
        out.append("\n" + indent + "]")
        return
    sf = _sorted_fields(t)
    if sf is None:
        _write(o, indent, out)
        return
    names, getter = sf
    values = getter(o)
    if _EXACT_SCALARS.issuperset(map(type, values)):
        enc = _leaf_encoders(inner)
        if enc is not None:
            _leaf("".join(enc[1](dict(zip(names, values)), 0)), indent, inner, out)
            return
    if not names:
        out.append("{}")
        return
    keys = _KEY_TEXTS.get((names, inner))
    if keys is None:
        keys = _KEY_TEXTS[(names, inner)] = [
            ("{\n" if i == 0 else ",\n") + inner + encode_basestring(n) + ": " for i, n in enumerate(names)]
    for k, v in zip(keys, values):
        out.append(k)
        vt = type(v)
        if vt in _EXACT_SCALARS:
            out.append(_SCALAR_TEXT[vt](v))
        else:
            _fast_write(v, inner, out)
    out.append("\n" + indent + "}")


def _json_pieces(root: Any, size: int) -> Iterator[str]:
    """The text of ``json.dumps(root, sort_keys=True, ensure_ascii=False,
    indent=2)`` in pieces of about ``size`` characters; dataclasses are
    written as :func:`dataclasses.asdict` gives them. The standard library
    writes indented JSON with its pure-Python encoder, a generator per
    nesting level and value; this writes the same text with one generator per
    container of the two outer levels, yields only between their members, and
    writes the rest with :func:`_fast_write`."""
    out: list[str] = []

    def walk(o: Any, indent: str, depth: int) -> Iterator[str]:
        if _scalar(o) is not None:
            _write(o, indent, out)
            return
        if depth >= 2:
            _fast_write(o, indent, out)
            return
        for item, inner in _members(o, indent, out):
            yield from walk(item, inner, depth + 1)
            if len(out) >= size // 16:  # pieces average about 16-64 characters
                yield "".join(out)
                out.clear()

    yield from walk(root, "", 0)
    if out:
        yield "".join(out)
