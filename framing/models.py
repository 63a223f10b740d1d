"""The records every stage passes on: an :class:`Article` from the loaders,
and from the detector one :class:`Analysis` per article (its sentences,
:class:`Quotation` s and :class:`Hit` s). Plain dataclasses, so notebooks can
build and inspect them without a store."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any


#: The name of an article whose outlet nobody named (and whose file is not known).
UNKNOWN_OUTLET = "(unknown outlet)"
#: The ``source_id`` of one of several articles pasted into one file: "article 2".
PASTED_PART_RE = re.compile(r"article \d+")


def outlet_label(outlet: str | None, source: str | None = None, source_id: str | None = None) -> str:
    """The outlet; for an article whose outlet nobody named, :data:`UNKNOWN_OUTLET`
    with the file it came from, "(unknown outlet: cnn-library.txt)", and which
    article of the file when several were pasted into it ("..., article 2").
    Articles from different files stay apart: a teacher's files, named after
    their outlets, are not one outlet because none printed its name. An
    export's records without an outlet stay together, one label per file."""
    if outlet:
        return outlet
    if not source:
        return UNKNOWN_OUTLET
    name = source.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1] or source
    if source_id and PASTED_PART_RE.fullmatch(source_id):
        name = f"{name}, {source_id}"
    return f"(unknown outlet: {name})"

#: Fields of an article that ``framing articles --format jsonl`` prints, in order.
ARTICLE_FIELDS = (
    "id", "source", "source_id", "outlet", "title", "date", "byline",
    "dateline", "url", "event", "words", "body", "content", "country", "group",
)


@dataclass
class Article:
    """One news article, as a loader extracted it from one input file or record.

    ``body`` is the article text alone (no menus, share links or footers), with
    paragraphs separated by blank lines. ``date`` is ISO ``YYYY-MM-DD`` or None.
    ``outlet_from`` says where the outlet name came from (``manifest``,
    ``option``, ``export``, ``og:site_name``, ``json-ld publisher``, ``title
    suffix``, ``application-name``, ``url``, ``copyright``, ``page``, ``dateline``,
    ``front matter``, ``sender``: a newsletter's sender) or is ``unknown``.
    ``raw`` is the input exactly as read, kept so a better
    extractor can re-run later.
    """

    source: str
    body: str
    title: str | None = None
    outlet: str | None = None
    outlet_from: str = "unknown"
    date: str | None = None
    byline: str | None = None
    dateline: str | None = None
    url: str | None = None
    event: str | None = None
    language: str | None = None
    source_id: str | None = None
    country: str | None = None
    #: The outlet group this article's outlet belongs to (a manifest or export
    #: ``group`` column, or the one named with ``--group-by``: a leaning, a country, an owner).
    group: str | None = None
    #: ``full``, ``truncated`` (the export cut the text) or ``headline`` (no text at all).
    content: str = "full"
    format: str = "text"
    encoding: str | None = None
    raw: bytes = b""
    notes: list[str] = field(default_factory=list)
    id: int | None = None
    #: ``(body, its word count)`` once counted: the count of this very body
    #: string is not made again (a worker process that read the article counts
    #: it there, and the count travels with it); a new body is counted anew.
    #: A field of ``__init__`` only so that ``Article(**vars(a))`` copies work.
    _counted: tuple[str, int] | None = field(default=None, repr=False, compare=False)

    @property
    def words(self) -> int:
        """Number of words in the body (the text layer's :func:`~framing.text.count_words`)."""
        counted = self._counted
        if counted is not None and counted[0] is self.body:
            return counted[1]
        from .text.tokens import count_words  # the tokeniser only when words are counted

        n = count_words(self.body)
        self._counted = (self.body, n)
        return n

    @property
    def outlet_name(self) -> str:
        """The outlet, or the label of an unnamed one (:func:`outlet_label`)."""
        return outlet_label(self.outlet, self.source, self.source_id)

    def to_dict(self, *, body: bool = True) -> dict[str, Any]:
        """The public JSON form: the fields of :data:`ARTICLE_FIELDS`."""
        d = {k: getattr(self, k) for k in ARTICLE_FIELDS}
        if not body:
            del d["body"]
        return d


#: Fields of a hit, in the order ``framing hits`` prints them.
HIT_FIELDS = (
    "article", "field", "start", "end", "text", "term", "category",
    "explanation", "neutral", "voice", "speaker", "probability", "loaded",
    "lexicon_version",
)

CATEGORIES = ("labeling", "distancing", "emotive", "promotional", "epistemic")
VOICES = ("narration", "quote", "reported")


@dataclass
class Hit:
    """A lexicon match in one article, judged in context.

    ``start``/``end`` are character offsets into the article's ``title`` or
    ``body`` (``field``), so ``text == getattr(article, field)[start:end]``.
    ``voice`` is whose words these are: ``narration`` (the outlet's own),
    ``quote`` (inside quotation marks) or ``reported`` (indirect speech).
    ``probability`` is the classifier's estimate that the use is loaded;
    ``loaded`` is the decision.
    """

    article: int
    field: str
    start: int
    end: int
    text: str
    term: str
    category: str
    explanation: str
    neutral: str | None
    voice: str
    speaker: str | None
    probability: float
    loaded: bool
    lexicon_version: str
    refers_to: str | None = None

    def to_dict(self) -> dict[str, Any]:
        # the fields are plain values (what asdict would copy is themselves):
        # read directly, a report's hit rows cost a fifth of asdict's time
        return {k: getattr(self, k) for k in HIT_FIELDS}


#: What a quoted span is: somebody's words, or the writer's own distancing.
QUOTATION_KINDS = ("quotation", "scare")
FIELDS = ("title", "body")


@dataclass(frozen=True)
class Quotation:
    """A quoted span in an article's ``field`` (title or body).

    ``text[start:end]`` includes the marks, ``text[inner_start:inner_end]`` is
    what was said. ``speaker`` is who said it as the text names them (a
    pronoun resolved to the last named speaker), ``speaker_start:speaker_end``
    the phrase that attributes it (None when nobody is named). ``kind`` is
    ``quotation`` or ``scare`` (a short phrase in quotation marks with no
    speaker: the writer's distancing).
    """

    field: str
    start: int
    end: int
    inner_start: int
    inner_end: int
    speaker: str | None
    speaker_start: int | None
    speaker_end: int | None
    kind: str


@dataclass
class Analysis:
    """Everything the detector found in one article, computed once.

    ``sentences`` maps a field to its sentence spans; ``voices`` maps a field
    to its ``(start, end, voice)`` stretches of quotation (``quote``) and
    reported speech (``reported``), the rest being narration (None: not
    stored, as in analyses stored before the column existed); ``analyzer`` is
    the lexicon version + model version that produced it."""

    article: int
    analyzer: str
    lexicon_version: str
    sentences: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    quotations: list[Quotation] = field(default_factory=list)
    hits: list[Hit] = field(default_factory=list)
    voices: dict[str, list[tuple[int, int, str]]] | None = field(default_factory=dict)

    def quotations_in(self, fld: str, kind: str | None = "quotation") -> list[Quotation]:
        """The quotations of one field (of one ``kind``, or all with None), in order."""
        return [q for q in self.quotations if q.field == fld and (kind is None or q.kind == kind)]

    def sentence_starts(self, fld: str) -> list[int]:
        return [a for a, _ in self.sentences.get(fld, [])]
