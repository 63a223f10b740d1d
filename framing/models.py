"""The records every stage passes on: an :class:`Article` from the loaders and
a :class:`Hit` from the detector. Plain dataclasses, so notebooks can build
and inspect them without a store."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

#: Fields of an article that ``framing articles --format jsonl`` prints, in order.
ARTICLE_FIELDS = (
    "id", "source", "source_id", "outlet", "title", "date", "byline",
    "dateline", "url", "event", "words", "body", "content", "country",
)


@dataclass
class Article:
    """One news article, as a loader extracted it from one input file or record.

    ``body`` is the article text alone (no menus, share links or footers), with
    paragraphs separated by blank lines. ``date`` is ISO ``YYYY-MM-DD`` or None.
    ``outlet_from`` says where the outlet name came from (``manifest``,
    ``option``, ``export``, ``og:site_name``, ``json-ld publisher``, ``title
    suffix``, ``application-name``, ``url``, ``page``, ``dateline``) or is
    ``unknown``. ``raw`` is the input exactly as read, kept so a better
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
    #: ``full``, ``truncated`` (the export cut the text) or ``headline`` (no text at all).
    content: str = "full"
    format: str = "text"
    encoding: str | None = None
    raw: bytes = b""
    notes: list[str] = field(default_factory=list)
    id: int | None = None

    @property
    def words(self) -> int:
        """Number of word tokens in the body (whitespace-separated, with letters or digits)."""
        return count_words(self.body)

    def to_dict(self, *, body: bool = True) -> dict[str, Any]:
        """The public JSON form: the fields of :data:`ARTICLE_FIELDS`."""
        d = {k: getattr(self, k) for k in ARTICLE_FIELDS}
        if not body:
            del d["body"]
        return d


def count_words(text: str) -> int:
    """Count whitespace-separated tokens that contain a letter or a digit."""
    return sum(1 for tok in text.split() if any(ch.isalnum() for ch in tok))


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
        d = asdict(self)
        d.pop("refers_to")
        return {k: d[k] for k in HIT_FIELDS}
