"""From articles to stored hits: :func:`detect` (pure), :func:`analyze`
(incremental, into the store), and reading hits back."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..models import Article, Hit
from ..store import Store
from .classifier import THRESHOLD, LinearModel, candidates, get_classifier
from .lexicon import Lexicon, load_lexicon
from .voice import VoiceMap

FIELDS = ("title", "body")


@dataclass(frozen=True)
class AnalyzeResult:
    """What :func:`analyze` did: articles scored, articles already up to date,
    and the analyzer version (lexicon version + model version)."""

    analyzed: int
    unchanged: int
    version: str


def analyzer_version(lexicon: Lexicon, classifier: LinearModel) -> str:
    return f"{lexicon.version}+{classifier.version}"


def detect(article: Article, lexicon: Lexicon, classifier: LinearModel) -> list[Hit]:
    """Every candidate hit in an article's title and body, judged in context.

    All candidates are returned, loaded or not, each with the classifier's
    probability; ``loaded`` is the decision. Pure: same input, same hits."""
    hits: list[Hit] = []
    article_id = article.id if article.id is not None else 0
    for field in FIELDS:
        text = getattr(article, field) or ""
        if not text.strip():
            continue
        vm = VoiceMap(text, lexicon=lexicon)
        for c in candidates(text, lexicon, vm):
            p = round(classifier.probability(c.features), 4)
            e = c.entry
            hits.append(Hit(
                article=article_id,
                field=field,
                start=c.start,
                end=c.end,
                text=text[c.start:c.end],
                term=e.term,
                category=e.category,
                explanation=e.explanation,
                neutral=e.neutral or None,
                voice=c.voice,
                speaker=c.speaker,
                probability=p,
                loaded=p >= THRESHOLD,
                lexicon_version=lexicon.version,
                refers_to=e.refers_to,
            ))
    hits.sort(key=_order)
    return hits


def _order(h: Hit) -> tuple[Any, ...]:
    return (h.article, h.field, h.start, h.end, h.term)


_COLUMNS = ("article", "field", "start", "end", "text", "term", "category", "explanation",
            "neutral", "voice", "speaker", "probability", "loaded", "lexicon_version", "refers_to")


def analyze(store: Store, *, lexicon_dirs: Sequence[str | Path] = (), force: bool = False,
            lexicon: Lexicon | None = None) -> AnalyzeResult:
    """Score what is new or changed: articles never analysed, articles whose
    fingerprint changed, or all of them when the lexicon or model changed (or
    ``force``). Each article's hits and analysis row are written in one
    transaction, so an interrupted run keeps every article it finished."""
    lexicon = lexicon or load_lexicon(lexicon_dirs)
    classifier = get_classifier(lexicon, store)
    version = analyzer_version(lexicon, classifier)
    done = {
        r[0]: (r[1], r[2])
        for r in store.conn.execute("SELECT article, fingerprint, analyzer FROM analysis")
    }
    fingerprints = store.fingerprints()
    todo = sorted(
        aid for aid, fp in fingerprints.items()
        if force or done.get(aid) != (fp, version)
    )
    cols = ", ".join(f'"{c}"' if c == "end" else c for c in _COLUMNS)
    marks = ", ".join("?" for _ in _COLUMNS)
    for article in store.articles(todo):
        if article.id is None:  # pragma: no cover - stored articles have ids
            continue
        hits = detect(article, lexicon, classifier)
        with store.transaction() as conn:
            conn.execute("DELETE FROM hits WHERE article = ?", (article.id,))
            conn.executemany(
                f"INSERT INTO hits ({cols}) VALUES ({marks})",
                [_row(h) for h in hits],
            )
            conn.execute(
                "INSERT OR REPLACE INTO analysis (article, fingerprint, analyzer) VALUES (?, ?, ?)",
                (article.id, fingerprints[article.id], version),
            )
    return AnalyzeResult(analyzed=len(todo), unchanged=len(fingerprints) - len(todo),
                         version=version)


def _row(h: Hit) -> tuple[Any, ...]:
    return tuple(int(v) if isinstance(v, bool) else v for v in (getattr(h, c) for c in _COLUMNS))


def stored_hits(store: Store, article_ids: Iterable[int] | None = None, *,
                loaded_only: bool = False) -> list[Hit]:
    """Hits from the store, ordered by (article, field, start, end, term)."""
    cols = ", ".join(f'"{c}"' if c == "end" else c for c in _COLUMNS)
    where = []
    params: list[Any] = []
    if article_ids is not None:
        ids = sorted(set(article_ids))
        where.append(f"article IN ({', '.join('?' for _ in ids)})")
        params.extend(ids)
    if loaded_only:
        where.append("loaded = 1")
    sql = f"SELECT {cols} FROM hits"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += ' ORDER BY article, field, start, "end", term'
    out = []
    for row in store.conn.execute(sql, params):
        d = dict(zip(_COLUMNS, tuple(row)))
        d["loaded"] = bool(d["loaded"])
        out.append(Hit(**d))
    return out


def hits_to_rows(hits: Iterable[Hit]) -> list[dict[str, Any]]:
    """The public rows (``Hit.to_dict()``) for JSONL and CSV output."""
    return [h.to_dict() for h in hits]
