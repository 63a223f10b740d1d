"""Same-event comparison: how did each outlet frame the same event?

:func:`build_report` runs the detector over a store, groups its articles into
events and computes every comparison for each event, returning one
:class:`~framing.compare.model.Report`. Each analysis is a pure function of
plain data in its own module, usable from a notebook:

* :func:`~framing.compare.grouping.group_events` and
  :func:`~framing.compare.grouping.near_duplicates`
* :func:`~framing.compare.density.density`
* :func:`~framing.compare.naming.naming`
* :func:`~framing.compare.quotes.align_quotes`
* :func:`~framing.compare.facts.facts`
* :func:`~framing.compare.distinctive.distinctive`
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from ..errors import NotFound
from ..models import Article, Hit
from .density import density
from .distinctive import distinctive
from .facts import facts
from .grouping import EventGroup, group_events, near_duplicates
from .model import SCHEMA, Event, Report
from .naming import naming
from .quotes import align_quotes

__all__ = [
    "NOTES", "SCHEMA", "EventGroup", "Report", "align_quotes", "build_event", "build_report",
    "density", "distinctive", "facts", "group_events", "naming", "near_duplicates",
]

#: The neutral reading note each section of an event carries.
NOTES: dict[str, str] = {
    "density": (
        "Loaded terms per 1,000 words, with a 95% interval. Overlapping intervals "
        "mean the difference may be chance; a warning marks counts too small to compare. "
        "Syndicated copies are counted once, for the first outlet."
    ),
    "naming": (
        "The words each outlet uses for an actor. A label inside a quotation is "
        "the speaker's word, not the outlet's."
    ),
    "quotes": (
        "The same quotation as each outlet printed it, against the wording most "
        "outlets share. A difference can come from translation or an earlier "
        "source, not only from editing."
    ),
    "facts": (
        "Which outlets carry each checkable detail. A fact left out is not proof "
        "of intent: outlets differ in length, deadline and audience."
    ),
    "distinctive": (
        "Words an outlet uses more than the other outlets covering this event "
        "(weighted log-odds z-scores). They show emphasis, not bias by themselves."
    ),
}


def build_event(articles: Sequence[Article], hits: list[Hit], group: EventGroup,
                copies: dict[int, int]) -> Event:
    members = set(group.articles)
    arts = [a for a in articles if a.id in members]
    ev_hits = [h for h in hits if h.article in members]
    # A copy counts once only where its original is in the same event; a copy
    # of an article from another event is this event's only version of it.
    copies = {c: o for c, o in copies.items() if c in members and o in members}
    outlets = sorted({a.outlet or "(unknown outlet)" for a in arts})
    return Event(
        id=group.id,
        label=group.label,
        first_date=group.first_date,
        last_date=group.last_date,
        articles=sorted(members),
        outlets=outlets,
        density=density(arts, ev_hits, copies=copies),
        naming=naming(arts, ev_hits, copies=copies),
        quotes=align_quotes(arts, copies=copies),
        facts=facts(arts, copies=copies),
        distinctive=distinctive(arts, copies=copies),
        notes=dict(NOTES),
        grouped_by=dict(group.grouped_by),
    )


def _load_hits(store: Any, ids: list[int], lexicon_dirs: Sequence[str | Path]) -> tuple[list[Hit], str]:
    """Run the detector (incrementally) and read back every stored hit, with
    the lexicon's version."""
    from ..detect import analyze, load_lexicon, stored_hits

    lexicon = load_lexicon(lexicon_dirs)
    analyze(store, lexicon_dirs=lexicon_dirs, lexicon=lexicon)
    return list(stored_hits(store, ids)), lexicon.version


def build_report(store: Any, *, event: str | None = None,
                 lexicon_dirs: Sequence[str | Path] = ()) -> Report:
    """The comparison report for every event in ``store`` (or only ``event``:
    an event id such as ``e2``, or its label or manifest event name).

    Runs :func:`framing.detect.analyze` first (it skips articles already
    analysed with the same lexicon), so the report always reflects the
    current lexicon. Raises :class:`~framing.errors.NotFound` for an unknown event.
    """
    articles = list(store.articles())
    ids = [int(a.id) for a in articles]
    hits, version = _load_hits(store, ids, lexicon_dirs)
    copies = near_duplicates(articles)
    groups = group_events(articles, copies=copies, corrections=store.event_corrections())
    if event is not None:
        wanted = event.strip().lower()
        groups = [
            g for g in groups
            if wanted in {g.id.lower(), g.label.lower(), (g.manifest_event or "").lower()}
        ]
        if not groups:
            raise NotFound(f"no event {event!r} in {getattr(store, 'path', 'the store')}")
    events = [build_event(articles, hits, g, copies) for g in groups]
    keep = {aid for g in groups for aid in g.articles}
    kept_articles = [a for a in articles if a.id in keep]
    article_rows = []
    for a in kept_articles:
        d = a.to_dict(body=False)
        d["near_duplicate_of"] = copies.get(int(a.id)) if copies.get(int(a.id)) in keep else None
        article_rows.append(d)
    hit_rows = [h.to_dict() for h in hits if h.article in keep]
    hit_rows.sort(key=lambda d: tuple((d[k] is None, d[k]) for k in ("article", "field", "start", "end", "term")))
    return Report(
        lexicon_version=version,
        articles=article_rows,
        hits=hit_rows,
        events=events,
        schema=SCHEMA,
        texts={int(a.id): {"title": a.title or "", "body": a.body} for a in kept_articles},
    )

