"""Same-event comparison: how did each outlet frame the same event?

:func:`build_report` groups articles into events and computes every
comparison for each event from the articles and their stored analyses
(:class:`~framing.models.Analysis`: hits, quotations, sentences), returning
one :class:`~framing.compare.model.Report`. It neither analyses nor writes,
so it runs on a store opened read-only. Each comparison is a pure function of
plain data in its own module, usable from a notebook:

* :func:`~framing.compare.grouping.group_events` and
  :func:`~framing.compare.grouping.near_duplicates`
* :func:`~framing.compare.density.density`
* :func:`~framing.compare.naming.naming`
* :func:`~framing.compare.quotes.align_quotes`
* :func:`~framing.compare.facts.facts`
* :func:`~framing.compare.distinctive.distinctive` (terms and significance:
  :mod:`~framing.compare.keyness`)
* :func:`~framing.compare.groups.compare_groups` (outlet groups, corpus-wide and per event)
"""

from __future__ import annotations

import gc
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import partial
from typing import TYPE_CHECKING, Any

from .._collector import collector_paused
from ..errors import NotFound
from ..models import Analysis, Article
from ..text.language import language_counts, other_language
from .density import density
from .distinctive import distinctive
from .facts import facts
from .groups import compare_groups
from .keyness import NO_STOP_WORDS, StopWords, read_stop_words
from .model import SCHEMA, Event, Report
from .naming import MAX_ACTORS, naming
from .quotes import align_quotes

if TYPE_CHECKING:
    from .grouping import EventGroup

#: Names of :mod:`framing.compare.grouping` this module offers, imported when
#: first asked for: grouping brings scikit-learn, NLTK and SciPy's sparse
#: matrices, which a process that only renders reports (their workers'
#: zygote imports :mod:`framing.compare.model`) never uses.
_FROM_GROUPING = ("EventGroup", "events_and_copies", "group_events", "near_duplicates")


def __getattr__(name: str) -> Any:
    if name in _FROM_GROUPING:
        from . import grouping

        return getattr(grouping, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = [
    "NOTES", "SCHEMA", "EventGroup", "Report", "StopWords", "align_quotes", "build_event", "build_events",
    "build_report", "compare_groups", "density", "distinctive", "event_shards", "facts", "group_events",
    "naming", "near_duplicates", "read_stop_words",
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
        "Words and phrases an outlet uses more than the other outlets covering this event "
        "(weighted log-odds z-scores; q is the Benjamini–Hochberg adjusted p-value). "
        "They show emphasis, not bias by themselves."
    ),
}


def _notes(arts: Sequence[Article], languages: Mapping[int, str] | None = None) -> dict[str, str]:
    """The reading notes of an event: :data:`NOTES`, and where some of its
    articles are not in English (``languages``: article id -> language, read
    from the articles when not given), a word on what their rates mean (the
    shipped lexicons are English and are not matched in them)."""
    notes = dict(NOTES)
    if languages is None:
        other = Counter(lang for a in arts if (lang := other_language(a.title, a.body, a.language)) is not None)
    else:
        other = Counter(languages[a.id] for a in arts if a.id in languages)
    if not other:
        return notes
    n = sum(other.values())
    if len(arts) == 1:
        said = f"The article is not in English ({next(iter(other))}): framing's lexicons are English and " \
               "are not matched in it (a --lexicon-dir of yours is), so its outlet's rate is"
    else:
        which = f"None of the {len(arts)} articles is" if n == len(arts) else f"{n} of the {len(arts)} articles are not"
        said = f"{which} in English ({language_counts(other)}): framing's lexicons are English and are not " \
               "matched in them (a --lexicon-dir of yours is), so their outlets' rates are"
    notes["density"] += f" {said} not comparable with English outlets'."
    return notes


#: One event's share of the work: its articles, their analyses, its group and its copies.
EventWork = tuple[list[Article], dict[int, Analysis], "EventGroup", dict[int, int]]

#: How :func:`build_report` runs :func:`build_events` over shards of events:
#: ``map_shards(fn, shards)`` yields ``fn(shard)`` for each shard, in order (the
#: built-in ``map``, or an engine's, e.g. Dask tasks).
MapShards = Callable[[Callable[[list[Any]], Any], list[list[Any]]], Iterable[Any]]


def build_event(articles: Sequence[Article], analyses: Mapping[int, Analysis], group: EventGroup,
                copies: Mapping[int, int], *, stop_words: StopWords = NO_STOP_WORDS) -> Event:
    """Every comparison for one event. Pure: reads articles and their analyses
    (``articles`` may be the whole corpus or the event's own)."""
    members = set(group.articles)
    arts = [a for a in articles if a.id in members]
    ev = {aid: analyses[aid] for aid in members if aid in analyses}
    ev_hits = [h for an in ev.values() for h in an.hits]
    # A copy counts once only where its original is in the same event; a copy
    # of an article from another event is this event's only version of it.
    copies = {c: o for c, o in copies.items() if c in members and o in members}
    actors = naming(arts, ev, copies=copies, max_actors=None)  # every actor: facts resolve names to them
    languages = {a.id: lang for a in arts if (lang := other_language(a.title, a.body, a.language)) is not None}
    return Event(
        id=group.id,
        label=group.label,
        first_date=group.first_date,
        last_date=group.last_date,
        articles=sorted(members),
        outlets=sorted({a.outlet_name for a in arts}),
        density=density(arts, ev_hits, copies=copies, languages=languages),
        naming=actors[:MAX_ACTORS],
        quotes=align_quotes(arts, ev, copies=copies),
        facts=facts(arts, ev, actors),
        distinctive=distinctive(arts, copies=copies, stop_words=stop_words),
        notes=_notes(arts, languages),
        grouped_by=dict(group.grouped_by),
        groups=compare_groups(arts, ev_hits, copies=copies, stop_words=stop_words, languages=languages),
    )


def build_report(articles: Iterable[Article], analyses: Mapping[int, Analysis], *,
                 event: str | None = None, lexicon_version: str | None = None,
                 corrections: Sequence[tuple[str, Sequence[int]]] = (),
                 map_shards: MapShards | None = None, stop_words: StopWords = NO_STOP_WORDS) -> Report:
    """The comparison report for ``articles`` (each with an ``id``) from their
    ``analyses`` (article id → :class:`~framing.models.Analysis`, e.g.
    ``store.analyses()`` or ``Detector.analyze`` of each), for every event or
    only ``event`` (an event id such as ``e2``, or its label or manifest event
    name). ``corrections`` are the user's merges and splits
    (``store.event_corrections()``, see :func:`~framing.compare.grouping.apply_corrections`).
    Pure: it neither analyses nor writes. An article without an
    analysis counts with no hits and no quotations. ``stop_words``
    (:func:`~framing.compare.keyness.read_stop_words`) are left out of the
    distinctive terms. When articles carry outlet groups, ``Report.groups``
    compares the groups across the whole corpus and each event's ``groups``
    within it.

    ``map_shards`` runs the per-event analysis over shards of events (an
    engine's map, e.g. :meth:`framing.engine.DaskEngine.map_shards`); the
    default runs it here. Either way the report is the same.

    ``lexicon_version`` defaults to the analyses' own. Raises
    :class:`~framing.errors.NotFound` for an unknown event.
    """
    articles = [a for a in articles]
    if any(a.id is None for a in articles):
        raise ValueError("every article needs an id: number them, or read them from a store")
    if lexicon_version is None:
        versions = sorted({an.lexicon_version for an in analyses.values()})
        lexicon_version = "+".join(versions)
    from .grouping import events_and_copies

    groups, copies = events_and_copies(articles, corrections=corrections, map_shards=map_shards)
    if event is not None:
        wanted = event.strip().lower()
        groups = [
            g for g in groups
            if wanted in {g.id.lower(), g.label.lower(), (g.manifest_event or "").lower()}
        ]
        if not groups:
            raise NotFound(f"no event {event!r} among these articles")
    events = _events(articles, analyses, groups, copies, map_shards, stop_words)
    keep = {aid for g in groups for aid in g.articles}
    kept_articles = [a for a in articles if a.id in keep]
    # rows of dicts and lists, no cycles: built with the collector paused
    # (its passes walked the corpus and its events, about 1 s at 50,000
    # articles, with the other core idle; see framing._collector)
    with collector_paused():
        article_rows = []
        for a in kept_articles:
            d = a.to_dict(body=False)
            d["near_duplicate_of"] = copies.get(int(a.id)) if copies.get(int(a.id)) in keep else None
            article_rows.append(d)
        hit_rows = [h.to_dict() for aid in sorted(keep) if aid in analyses for h in analyses[aid].hits]
        hit_rows.sort(key=lambda d: tuple((d[k] is None, d[k]) for k in ("article", "field", "start", "end", "term")))
        all_hits = [h for a in kept_articles if a.id in analyses for h in analyses[int(a.id)].hits]
        texts = {int(a.id): {"title": a.title or "", "body": a.body} for a in kept_articles}
        voices = {int(a.id): analyses[int(a.id)].voices for a in kept_articles
                  if int(a.id) in analyses and analyses[int(a.id)].voices is not None}
    return Report(
        groups=compare_groups(kept_articles, all_hits, copies=copies, stop_words=stop_words),
        lexicon_version=lexicon_version,
        articles=article_rows,
        hits=hit_rows,
        events=events,
        schema=SCHEMA,
        texts=texts,
        voices=voices,
    )


def build_events(work: Sequence[EventWork], stop_words: StopWords = NO_STOP_WORDS) -> list[Event]:
    """:func:`build_event` for each event of a shard (a task of an engine)."""
    return [build_event(arts, ev, group, copies, stop_words=stop_words) for arts, ev, group, copies in work]


#: Articles per shard of events: large enough that a task's overhead is small.
SHARD_ARTICLES = 400


def event_shards(work: Iterable[EventWork], size: int = SHARD_ARTICLES) -> Iterator[list[EventWork]]:
    """Consecutive events in shards of about ``size`` articles each."""
    shard: list[EventWork] = []
    n = 0
    for item in work:
        shard.append(item)
        n += len(item[0])
        if n >= size:
            yield shard
            shard, n = [], 0
    if shard:
        yield shard


def _events(articles: Sequence[Article], analyses: Mapping[int, Analysis], groups: Sequence[EventGroup],
            copies: Mapping[int, int], map_shards: MapShards | None,
            stop_words: StopWords = NO_STOP_WORDS) -> list[Event]:
    """Each group's articles (in corpus order), analyses and copies, found by
    id: linear in the corpus, never events × articles."""
    position = {int(a.id): i for i, a in enumerate(articles) if a.id is not None}

    def work(g: EventGroup) -> EventWork:
        ids = sorted((aid for aid in set(g.articles) if aid in position), key=position.__getitem__)
        return ([articles[position[aid]] for aid in ids],
                {aid: analyses[aid] for aid in g.articles if aid in analyses}, g,
                {aid: copies[aid] for aid in g.articles if aid in copies})

    with collector_paused():  # lists and dicts of the corpus's own objects: no cycles
        shards = list(event_shards((work(g) for g in groups), SHARD_ARTICLES))
    fn = partial(build_events, stop_words=stop_words) if stop_words else build_events
    if map_shards is not None:
        # what every shard loads on first use, loaded once here: workers forked
        # from this process find it (SciPy's statistics alone cost about 0.9 s CPU)
        from .actors import gazetteer
        from .density import poisson_ci

        gazetteer()
        poisson_ci(0)
    with _collector_off_the_corpus() as keep:
        events: list[Event] = []
        for done in (map_shards or map)(fn, shards):
            events.extend(done)
            keep()
        return events


def _nothing() -> None:
    pass


#: New objects between two collections of the youngest generation while the
#: events are built (Python's default is 700): each such collection cost
#: about a millisecond, and an event's temporaries are freed by their
#: reference counts long before; about 1 s CPU at 10,000 articles.
YOUNG_THRESHOLD = 50_000


@contextmanager
def _collector_off_the_corpus() -> Iterator[Callable[[], None]]:
    """Keep the cyclic garbage collector off the objects already alive (the
    corpus, its analyses, the groups) while the events are built: each of its
    full passes walked all of them again (about an eighth of the per-event
    CPU at 10,000 articles), and workers forked meanwhile leave their pages
    unwritten. Gives a function that puts the objects alive by then (the
    events built so far) out of its way too: a shard's events are about 50
    objects an article, and the full passes walked the growing list of them
    (a sixth of the per-event CPU at 10,000 articles, with the passes over
    the young objects). What the events allocate is collected as usual until
    then, the youngest objects every :data:`YOUNG_THRESHOLD` new ones; every
    object and the thresholds are handed back to the collector afterwards.
    Left as it is (and the function does nothing) when the collector is off
    or the caller froze objects already."""
    if not gc.isenabled() or gc.get_freeze_count():
        yield _nothing
        return
    gc.freeze()
    thresholds = gc.get_threshold()
    gc.set_threshold(max(thresholds[0], YOUNG_THRESHOLD), *thresholds[1:])
    try:
        yield gc.freeze
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()
