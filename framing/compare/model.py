"""The comparison report model: one dataclass tree that every renderer
(terminal, Markdown, HTML, CSV, JSON, charts) draws from.

Its JSON form (:meth:`Report.to_json`) is the tool's public data contract,
``framing.report/1``, documented in ``docs/report-schema.md`` and validated by
``docs/report.schema.json``. Field names here are that contract: extend, never
rename.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, replace
from typing import Any

SCHEMA = "framing.report/1"


@dataclass
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


@dataclass
class NamingForm:
    outlet: str
    form: str
    count: int
    scare_quoted: bool
    loaded: bool = False  # a label the detector judged loaded, or a scare-quoted name


@dataclass
class NamingRow:
    """How each outlet names one actor."""

    actor: str
    forms: list[NamingForm]


@dataclass
class QuoteVersion:
    outlet: str
    article: int
    text: str
    relation: str  # exact | truncated | altered | paraphrase
    inserted: list[str]
    deleted: list[str]


@dataclass
class QuoteRef:
    text: str
    outlets: list[str]


@dataclass
class QuoteRow:
    """One quotation aligned across the outlets that carried it."""

    speaker: str | None
    reference: QuoteRef
    versions: list[QuoteVersion]


@dataclass
class FactRow:
    """A checkable unit of the story and which outlets carry it."""

    kind: str  # amount | number | person | place | organisation | source | date | entity
    text: str
    present: list[str]
    absent: list[str]
    group: str = ""  # all | most | some | one


@dataclass
class DistinctiveTerm:
    term: str  # a word or a phrase of up to three words
    count: int
    z: float
    p: float | None = None  # one-sided p-value of z
    q: float | None = None  # Benjamini–Hochberg adjusted p over the side's tested terms


@dataclass
class DistinctiveRow:
    outlet: str
    terms: list[DistinctiveTerm]


@dataclass
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


@dataclass
class GroupDistinctiveRow:
    """Terms one group uses more than the other groups, with z, p and BH q."""

    group: str
    terms: list[DistinctiveTerm]


@dataclass
class GroupComparison:
    """Outlet groups compared: across the whole corpus (``Report.groups``) or
    within one event (``Event.groups``). ``by`` names where the groups came
    from (``group``: the manifest or export column)."""

    by: str
    groups: list[str]
    density: list[GroupDensityRow] = field(default_factory=list)
    distinctive: list[GroupDistinctiveRow] = field(default_factory=list)
    note: str = ""


@dataclass
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
        # Without the texts and voices: asdict would deep-copy them only to drop them.
        d = asdict(replace(self, texts={}, voices={}))
        del d["texts"], d["voices"]
        return d

    def to_json(self) -> str:
        """Deterministic JSON: sorted keys, fixed separators, UTF-8 text, trailing newline."""
        return json.dumps(self.to_dict(), sort_keys=True, ensure_ascii=False, indent=2) + "\n"

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
