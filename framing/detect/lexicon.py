"""Loading and validating lexicons: the YAML files that hold every piece of
lexical knowledge the detector uses.

Two kinds of content live in a lexicon folder, in one YAML format:

* ``entries:`` — terms, each with its variants, a category, an explanation
  for a student, a neutral alternative, an optional ``refers_to`` and example
  sentences where the term is loaded and where it is not;
* voice cues (``speech_verbs:``, ``reporting_participles:``, ...) — the words
  that tell whose voice a passage is in (see ``lexicons/voice.yaml``).

Every problem is reported as a :class:`~framing.errors.LexiconError` naming
``file:line``. A lexicon's :attr:`Lexicon.version` is a content hash of its
files, so reports say exactly which lexicon produced them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from ..errors import LexiconError
from ..models import CATEGORIES
from ..resources import lexicon_dir
from ..text import normalize_term

#: libyaml's loader when PyYAML was built with it (about 10× faster); same nodes
#: and marks. The lexicons and the scare-quote word lists read with it.
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

ENTRY_FIELDS = ("term", "variants", "category", "explanation", "neutral", "refers_to",
                "examples", "match", "note", "spaced")
REQUIRED_FIELDS = ("term", "category", "explanation", "neutral", "examples")
MATCH_KINDS = ("text", "scare-quotes")

#: Voice cues: list-valued keys (extended by user folders) and number-valued ones.
CUE_LISTS = ("speech_verbs", "reporting_participles", "reporting_phrases", "pronouns",
             "determiners", "clause_breaks", "speaker_skip", "abbreviations",
             "quote_verbs", "work_nouns", "term_cues", "self_cues", "name_cues",
             "office_nouns", "speech_nouns", "listener_verbs")
CUE_NUMBERS = ("scare_quote_max_words", "attribution_window")
TOP_LEVEL = ("description", "entries", "generated") + CUE_LISTS + CUE_NUMBERS
#: Fields of a ``generated:`` entry besides the entry fields (see framing.detect.wordlists).
GENERATOR_FIELDS = ("source", "sign", "min_valence", "parts_of_speech", "exclude")


@dataclass(frozen=True)
class Example:
    """One example sentence of an entry, with where it was written."""

    text: str
    loaded: bool
    path: str
    line: int


@dataclass(frozen=True)
class Entry:
    """One lexicon entry. ``id`` is the normalised term, unique in a lexicon."""

    id: str
    term: str
    category: str
    explanation: str
    neutral: str
    variants: tuple[str, ...] = ()
    refers_to: str | None = None
    match: str = "text"
    examples: tuple[Example, ...] = ()
    path: str = ""
    line: int = 0
    #: True for an entry whose forms come from a word-list package (``generated:``).
    generated: bool = False
    #: False: a form written with a hyphen matches only with the hyphen ("would-be",
    #: never the verb phrase "would be"); True (the default): also spaced ("so called").
    spaced: bool = True

    @property
    def forms(self) -> tuple[str, ...]:
        """The term and its variants, as written."""
        return (self.term,) + self.variants


@dataclass(frozen=True)
class Cues:
    """Voice cues from ``voice.yaml``: lowercase words and phrases."""

    speech_verbs: frozenset[str] = frozenset()
    reporting_participles: frozenset[str] = frozenset()
    reporting_phrases: frozenset[str] = frozenset()
    pronouns: frozenset[str] = frozenset()
    determiners: frozenset[str] = frozenset()
    clause_breaks: frozenset[str] = frozenset()
    speaker_skip: frozenset[str] = frozenset()
    abbreviations: frozenset[str] = frozenset()
    #: Scare-quote context (framing.detect.scare): words that show a short quotation
    #: is someone's words, a title, a term being introduced, a self-description or a name.
    quote_verbs: frozenset[str] = frozenset()
    work_nouns: frozenset[str] = frozenset()
    term_cues: frozenset[str] = frozenset()
    self_cues: frozenset[str] = frozenset()
    name_cues: frozenset[str] = frozenset()
    office_nouns: frozenset[str] = frozenset()
    speech_nouns: frozenset[str] = frozenset()
    #: Speech verbs whose object is the listener ("tells Reuters"): the phrase
    #: after one is never the speaker.
    listener_verbs: frozenset[str] = frozenset()
    scare_quote_max_words: int = 3
    attribution_window: int = 4


@dataclass
class Lexicon:
    """A loaded lexicon: entries by id, voice cues, and a content-hash version."""

    entries: tuple[Entry, ...]
    cues: Cues
    version: str
    files: tuple[str, ...] = ()
    #: The ids of the shipped entries (not replaced by a folder of the user's):
    #: English words, kept off articles in other languages (see
    #: :meth:`framing.detect.Detector.analyze`).
    english: frozenset[str] = frozenset()
    _by_id: dict[str, Entry] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._by_id = {e.id: e for e in self.entries}

    def __len__(self) -> int:
        return len(self.entries)

    def entry(self, term: str) -> Entry:
        """The entry for a term (any case); KeyError if there is none."""
        return self._by_id[normalize_term(term)]

    def __contains__(self, term: object) -> bool:
        return isinstance(term, str) and normalize_term(term) in self._by_id

    def path_of(self, entry: Entry) -> str:
        """``file:line`` where an entry is defined."""
        return f"{entry.path}:{entry.line}"

    @property
    def categories(self) -> dict[str, list[Entry]]:
        out: dict[str, list[Entry]] = {c: [] for c in CATEGORIES}
        for e in self.entries:
            out[e.category].append(e)
        return out


# -- YAML with line numbers ------------------------------------------------

def _plain(node: yaml.Node) -> Any:
    """A composed YAML node as plain Python, scalars as strings. Mappings keep
    their nodes so validation can name the line of any field."""
    if isinstance(node, yaml.ScalarNode):
        return node.value
    if isinstance(node, yaml.SequenceNode):
        return [_plain(n) for n in node.value]
    if isinstance(node, yaml.MappingNode):
        return {k.value: _plain(v) for k, v in node.value}
    return None  # pragma: no cover - aliases are resolved by compose


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _mapping_fields(node: yaml.MappingNode, path: str) -> dict[str, tuple[yaml.Node, yaml.Node]]:
    out: dict[str, tuple[yaml.Node, yaml.Node]] = {}
    for k, v in node.value:
        if not isinstance(k, yaml.ScalarNode):
            raise LexiconError(path, "a field name must be plain text", _line(k))
        if k.value in out:
            raise LexiconError(path, f"field {k.value!r} is given twice", _line(k))
        out[k.value] = (k, v)
    return out


def _string(node: yaml.Node, path: str, what: str, *, empty: bool = False) -> str:
    if not isinstance(node, yaml.ScalarNode) or node.tag.endswith(":null"):
        raise LexiconError(path, f"{what} must be text", _line(node))
    value = " ".join(str(node.value).split())
    if not value and not empty:
        raise LexiconError(path, f"{what} is empty", _line(node))
    return value


def _string_list(node: yaml.Node, path: str, what: str) -> list[tuple[str, int]]:
    if isinstance(node, yaml.ScalarNode) and node.value == "" and node.tag.endswith(":null"):
        return []
    if not isinstance(node, yaml.SequenceNode):
        raise LexiconError(path, f"{what} must be a list", _line(node))
    return [(_string(n, path, f"an item of {what}"), _line(n)) for n in node.value]


def _parse_entry(node: yaml.Node, path: str) -> Entry:
    if not isinstance(node, yaml.MappingNode):
        raise LexiconError(path, "an entry must be a mapping with term, category, ...", _line(node))
    f = _mapping_fields(node, path)
    for name, (k, _v) in f.items():
        if name not in ENTRY_FIELDS:
            raise LexiconError(
                path, f"unknown field {name!r} (expected one of {', '.join(ENTRY_FIELDS)})",
                _line(k))
    for name in REQUIRED_FIELDS:
        if name not in f:
            label = f" for {f['term'][1].value!r}" if "term" in f and isinstance(
                f["term"][1], yaml.ScalarNode) else ""
            raise LexiconError(path, f"entry{label} has no {name!r}", _line(node))
    term = _string(f["term"][1], path, "term")
    category = _string(f["category"][1], path, "category")
    if category not in CATEGORIES:
        raise LexiconError(
            path, f"unknown category {category!r} for {term!r} (expected one of "
                  f"{', '.join(CATEGORIES)})", _line(f["category"][1]))
    match = _string(f["match"][1], path, "match") if "match" in f else "text"
    if match not in MATCH_KINDS:
        raise LexiconError(path, f"unknown match {match!r} (expected one of "
                                 f"{', '.join(MATCH_KINDS)})", _line(f["match"][1]))
    variants = ([v for v, _ in _string_list(f["variants"][1], path, "variants")]
                if "variants" in f else [])
    refers_to = _string(f["refers_to"][1], path, "refers_to") if "refers_to" in f else None
    if "note" in f:
        _string(f["note"][1], path, "note")
    spaced = True
    if "spaced" in f:
        node = f["spaced"][1]
        if not (isinstance(node, yaml.ScalarNode) and node.tag.endswith(":bool")):
            raise LexiconError(path, f"spaced must be true or false for {term!r}", _line(node))
        spaced = node.value.lower() in ("true", "yes", "on")
    ex_node = f["examples"][1]
    if not isinstance(ex_node, yaml.MappingNode):
        raise LexiconError(path, "examples must be a mapping with 'loaded' and 'not_loaded' lists",
                           _line(ex_node))
    ef = _mapping_fields(ex_node, path)
    for name, (k, _v) in ef.items():
        if name not in ("loaded", "not_loaded"):
            raise LexiconError(
                path, f"unknown examples field {name!r} (expected loaded, not_loaded)", _line(k))
    if "loaded" not in ef:
        raise LexiconError(path, f"{term!r} needs at least one example under examples.loaded",
                           _line(ex_node))
    examples = []
    for name, flag in (("loaded", True), ("not_loaded", False)):
        if name in ef:
            for text, line in _string_list(ef[name][1], path, f"examples.{name}"):
                examples.append(Example(text, flag, path, line))
    if not any(e.loaded for e in examples):
        raise LexiconError(path, f"{term!r} needs at least one example under examples.loaded",
                           _line(ex_node))
    return Entry(
        id=normalize_term(term) if match == "text" else term.lower(),
        term=term,
        category=category,
        explanation=_string(f["explanation"][1], path, "explanation"),
        neutral=_string(f["neutral"][1], path, "neutral", empty=True),
        variants=tuple(variants),
        refers_to=refers_to,
        match=match,
        examples=tuple(examples),
        path=path,
        line=_line(node),
        spaced=spaced,
    )


def _parse_generated(node: yaml.Node, path: str) -> Entry:
    """A ``generated:`` entry: entry fields plus a filtered word list from a package."""
    from dataclasses import replace

    from .wordlists import SOURCES, filtered_words

    if not isinstance(node, yaml.MappingNode):
        raise LexiconError(path, "a generated entry must be a mapping", _line(node))
    f = _mapping_fields(node, path)
    spec = {k: f[k] for k in GENERATOR_FIELDS if k in f}
    rest = yaml.MappingNode(node.tag, [(k, v) for k, v in node.value if k.value not in GENERATOR_FIELDS],
                            start_mark=node.start_mark, end_mark=node.end_mark)
    entry = _parse_entry(rest, path)
    source = _string(spec["source"][1], path, "source") if "source" in spec else ""
    if source not in SOURCES:
        raise LexiconError(path, f"unknown source {source!r} (expected one of {', '.join(SOURCES)})",
                           _line(node))
    sign = _string(spec["sign"][1], path, "sign") if "sign" in spec else ""
    if sign not in ("negative", "positive"):
        raise LexiconError(path, "sign must be negative or positive", _line(node))
    try:
        min_valence = float(_string(spec["min_valence"][1], path, "min_valence"))
    except (KeyError, ValueError):
        raise LexiconError(path, "min_valence must be a number", _line(node)) from None
    pos = frozenset(w.upper() for w, _ in _string_list(spec["parts_of_speech"][1], path, "parts_of_speech")
                    ) if "parts_of_speech" in spec else frozenset({"ADJ", "ADV"})
    exclude = frozenset(w.lower() for w, _ in _string_list(spec["exclude"][1], path, "exclude")
                        ) if "exclude" in spec else frozenset()
    words = filtered_words(source, sign=sign, min_valence=min_valence, parts_of_speech=pos,
                           exclude=exclude)
    return replace(entry, variants=tuple(entry.variants) + tuple(words), generated=True)


def parse_file(text: str, path: str) -> tuple[list[Entry], dict[str, Any]]:
    """Entries and voice cues from one lexicon file's text; LexiconError on any problem."""
    try:
        root = yaml.compose(text, Loader=YAML_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "malformed"
        raise LexiconError(path, f"invalid YAML: {problem}",
                           mark.line + 1 if mark is not None else None) from None
    except yaml.YAMLError as exc:
        raise LexiconError(path, f"invalid YAML: {exc}") from None
    if root is None:
        return [], {}
    if not isinstance(root, yaml.MappingNode):
        raise LexiconError(path, "a lexicon file must be a mapping (entries: [...])", _line(root))
    f = _mapping_fields(root, path)
    cues: dict[str, Any] = {}
    entries: list[Entry] = []
    for name, (k, v) in f.items():
        if name not in TOP_LEVEL:
            raise LexiconError(path, f"unknown top-level field {name!r} (expected one of "
                                     f"{', '.join(TOP_LEVEL)})", _line(k))
        if name == "entries":
            if not isinstance(v, yaml.SequenceNode):
                raise LexiconError(path, "entries must be a list", _line(v))
            entries.extend(_parse_entry(n, path) for n in v.value)
        elif name == "generated":
            if not isinstance(v, yaml.SequenceNode):
                raise LexiconError(path, "generated must be a list", _line(v))
            entries.extend(_parse_generated(n, path) for n in v.value)
        elif name in CUE_LISTS:
            cues[name] = [s.lower() for s, _ in _string_list(v, path, name)]
        elif name in CUE_NUMBERS:
            value = _string(v, path, name)
            if not value.isdigit() or int(value) < 1:
                raise LexiconError(path, f"{name} must be a positive whole number", _line(v))
            cues[name] = int(value)
    return entries, cues


# -- folders -----------------------------------------------------------------

def _read_dir(folder: Any, label: str) -> list[tuple[str, str, bytes]]:
    """``(name, display path, bytes)`` of each ``*.yaml`` file in a folder, by name."""
    try:
        items = sorted((p for p in folder.iterdir() if p.name.endswith(".yaml")),
                       key=lambda p: p.name)
    except (FileNotFoundError, NotADirectoryError):
        raise LexiconError(label, "no such lexicon folder") from None
    return [(p.name, str(Path(label) / p.name) if label else str(p), p.read_bytes()) for p in items]


#: Bump when a change to the detection rules (voice, quotations, scare quotes)
#: changes what an unchanged lexicon finds: stores analysed before re-analyse.
DETECTION_VERSION = "40.1"


def _detection_fingerprint() -> bytes:
    """The detection rules' version and the bytes of every file of the shipped
    ``lexicons/scare/`` folder, by name."""
    parts = [f"detection {DETECTION_VERSION}".encode()]
    folder = lexicon_dir() / "scare"
    for p in sorted((p for p in folder.iterdir() if p.is_file()), key=lambda p: p.name):
        parts.append(p.name.encode() + b"\0" + p.read_bytes())
    return b"\0".join(parts)


def read_lexicon(extra_dirs: Sequence[str | Path] = ()) -> Lexicon:
    """The shipped lexicon, extended and overridden by each folder of ``extra_dirs``
    in order (an entry with the same term replaces the earlier one; cue lists are
    extended). Only the files are checked here; :func:`framing.detect.load_lexicon`
    also checks every example against the matcher."""
    sources = [_read_dir(lexicon_dir(), "")]
    for d in extra_dirs:
        p = Path(d)
        if not p.is_dir():
            raise LexiconError(str(d), "no such lexicon folder")
        sources.append(_read_dir(p, str(d)))
    return _build(sources)


#: Lexicons built in this process, by the digest of their files (names, shown
#: paths and bytes): the same files build the same lexicon, so a notebook or a
#: test suite that loads it again skips the parse and the word-list filtering.
_BUILT: dict[str, Lexicon] = {}
_BUILT_MAX = 8


def _build(sources: list[list[tuple[str, str, bytes]]]) -> Lexicon:
    digest = hashlib.sha256()
    for level, files_in_dir in enumerate(sources):
        digest.update(f"dir {level}\0".encode())
        for name, shown, data in files_in_dir:
            digest.update(f"{name}\0{shown}\0{len(data)}\0".encode() + data)
    key = digest.hexdigest()
    if key not in _BUILT:
        if len(_BUILT) >= _BUILT_MAX:
            _BUILT.clear()
        _BUILT[key] = _build_new(sources)
    return _BUILT[key]


def _build_new(sources: list[list[tuple[str, str, bytes]]]) -> Lexicon:
    h = hashlib.sha256()
    by_id: dict[str, Entry] = {}
    cue_lists: dict[str, list[str]] = {k: [] for k in CUE_LISTS}
    cue_numbers: dict[str, int] = {}
    files = []
    shipped: set[str] = set()
    for level, files_in_dir in enumerate(sources):
        h.update(f"dir {level}\0".encode())
        level_forms: dict[str, Entry] = {}
        level_ids: dict[str, Entry] = {}
        for name, shown, data in files_in_dir:
            h.update(name.encode() + b"\0" + data + b"\0")
            files.append(shown)
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise LexiconError(shown, f"not UTF-8 text ({exc.reason})") from None
            entries, cues = parse_file(text, shown)
            for key, value in cues.items():
                if key in CUE_LISTS:
                    cue_lists[key].extend(value)
                else:
                    cue_numbers[key] = value
            for e in entries:
                if e.id in level_ids:
                    first = level_ids[e.id]
                    raise LexiconError(e.path, f"term {e.term!r} is already defined at "
                                               f"{first.path}:{first.line}", e.line)
                level_ids[e.id] = e
                for form in e.forms if e.match == "text" and not e.generated else ():
                    key = normalize_term(form)
                    if not key:
                        raise LexiconError(
                            e.path, f"{form!r} has no letters or digits to match", e.line)
                    other = level_forms.get(key)
                    if other is not None and other.id != e.id:
                        raise LexiconError(e.path, f"{form!r} is also a form of {other.term!r} "
                                                   f"({other.path}:{other.line})", e.line)
                    level_forms[key] = e
        # Overrides: same term replaces; a form claimed anew leaves the older entry.
        for e in level_ids.values():
            by_id[e.id] = e
        if level:
            shipped.difference_update(level_ids)
        else:
            shipped.update(level_ids)
        if level:
            claimed = {k: e.id for k, e in level_forms.items()}
            for eid, old in list(by_id.items()):
                if eid in level_ids or old.match != "text":
                    continue
                keep = tuple(v for v in old.variants
                             if claimed.get(normalize_term(v)) in (None, eid))
                if claimed.get(old.id) not in (None, eid):
                    del by_id[eid]
                elif keep != old.variants:
                    by_id[eid] = _replace_variants(old, keep)
    # Generated word lists depend on the installed packages: they are part of the version.
    for eid in sorted(k for k, e in by_id.items() if e.generated):
        h.update(("\0".join(by_id[eid].variants)).encode())
    # Generated word lists give way to every hand-written form.
    hand = {normalize_term(f) for e in by_id.values() if not e.generated and e.match == "text"
            for f in e.forms}
    taken: set[str] = set()
    for eid, e in sorted(by_id.items()):
        if e.generated:
            kept: list[str] = []
            for v in e.variants:
                k = normalize_term(v)
                if k and k not in hand and k not in taken:
                    kept.append(v)
                    taken.add(k)
            by_id[eid] = _replace_variants(e, kept)
    # The analyzer is more than the entries: the rules of framing.detect and
    # the data they read beside them (the scare-quote word lists and evidence
    # weights of lexicons/scare/). A change to either gives a new version, so
    # a store analysed before is analysed again instead of keeping old hits.
    h.update(_detection_fingerprint())
    cues = Cues(**{k: frozenset(v) for k, v in cue_lists.items()}, **cue_numbers)
    return Lexicon(
        entries=tuple(sorted(by_id.values(), key=lambda e: e.id)),
        cues=cues,
        version=h.hexdigest()[:12],
        files=tuple(files),
        english=frozenset(shipped.intersection(by_id)),
    )


def _replace_variants(entry: Entry, variants: Iterable[str]) -> Entry:
    return replace(entry, variants=tuple(variants))
