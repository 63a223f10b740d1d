"""The embedded SQLite store: one file holding every article, its raw input,
and (later stages) the hits and cached models.

Each article is written in its own transaction, in WAL mode, so an
interrupted run (even ``kill -9``) leaves every committed article intact and a
failure in one file never loses what was stored before it.

The schema is versioned with ``PRAGMA user_version``; :data:`MIGRATIONS` holds
one SQL script per version, applied in order on open.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import NotFound, StoreError
from .models import Analysis, Article, Hit, Quotation

DEFAULT_DB = "framing.db"

#: One script per schema version; index 0 takes an empty file to version 1.
MIGRATIONS: list[str] = [
    # 1: articles, keyed by (file, record) with a fingerprint of what was read.
    """
    CREATE TABLE articles (
        id          INTEGER PRIMARY KEY,
        path_key    TEXT NOT NULL,   -- resolved path of the input file
        record      TEXT NOT NULL,   -- record inside an export ('' for a one-article file)
        fingerprint TEXT NOT NULL,   -- sha256 of extractor version + overrides + raw input
        source      TEXT NOT NULL,   -- the path as ingested
        source_id   TEXT,            -- record id inside an export (e.g. stories_id)
        format      TEXT NOT NULL,   -- text | html | jsonl | csv
        outlet      TEXT,
        outlet_from TEXT NOT NULL,
        title       TEXT,
        date        TEXT,
        byline      TEXT,
        dateline    TEXT,
        url         TEXT,
        event       TEXT,
        language    TEXT,
        body        TEXT NOT NULL,
        words       INTEGER NOT NULL,
        encoding    TEXT,
        notes       TEXT NOT NULL DEFAULT '[]',
        raw         BLOB NOT NULL,
        UNIQUE (path_key, record)
    );
    CREATE INDEX articles_fingerprint ON articles (fingerprint);
    """,
    # 2: hits found by the detector, and which article was analysed with what.
    """
    CREATE TABLE hits (
        article         INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        field           TEXT NOT NULL,
        start           INTEGER NOT NULL,
        "end"           INTEGER NOT NULL,
        text            TEXT NOT NULL,
        term            TEXT NOT NULL,
        category        TEXT NOT NULL,
        explanation     TEXT NOT NULL,
        neutral         TEXT,
        voice           TEXT NOT NULL,
        speaker         TEXT,
        probability     REAL NOT NULL,
        loaded          INTEGER NOT NULL,
        lexicon_version TEXT NOT NULL,
        refers_to       TEXT,
        PRIMARY KEY (article, field, start, "end", term)
    );
    CREATE TABLE analysis (
        article     INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
        fingerprint TEXT NOT NULL,   -- the article fingerprint that was analysed
        analyzer    TEXT NOT NULL    -- lexicon version + model version
    );
    CREATE TABLE cache (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL          -- JSON only: no pickles in the store
    );
    """,
    # 3: the rest of each article's analysis: its quotations and its sentences,
    # so nothing after analyze parses quotations again.
    """
    CREATE TABLE quotations (
        article       INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        field         TEXT NOT NULL,
        start         INTEGER NOT NULL,
        "end"         INTEGER NOT NULL,
        inner_start   INTEGER NOT NULL,
        inner_end     INTEGER NOT NULL,
        speaker       TEXT,
        speaker_start INTEGER,
        speaker_end   INTEGER,
        kind          TEXT NOT NULL,   -- quotation | scare
        analyzer      TEXT NOT NULL,   -- lexicon version + model version
        PRIMARY KEY (article, field, start)
    );
    ALTER TABLE analysis ADD COLUMN sentences TEXT NOT NULL DEFAULT '{}';
    DELETE FROM analysis;
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)

_ARTICLE_COLUMNS = (
    "id", "source", "source_id", "format", "outlet", "outlet_from", "title",
    "date", "byline", "dateline", "url", "event", "language", "body", "encoding",
    "notes", "raw",
)


@dataclass(frozen=True)
class IngestOutcome:
    """What storing one article did: ``added``, ``unchanged`` or ``updated``."""

    status: str
    article_id: int
    same_as: str | None = None  # for ``unchanged``: the source already holding this content


def fingerprint(article: Article, extractor: str) -> str:
    """A digest of everything that decides what is stored for an article."""
    h = hashlib.sha256()
    overrides = {
        k: getattr(article, k)
        for k in ("outlet", "outlet_from", "event", "date", "url", "title")
    }
    h.update(extractor.encode())
    h.update(b"\0")
    h.update(json.dumps(overrides, sort_keys=True).encode())
    h.update(b"\0")
    h.update(article.source_id.encode() if article.source_id else b"")
    h.update(b"\0")
    h.update(article.raw)
    return h.hexdigest()


def default_db_path() -> str:
    """``$FRAMING_DB`` if set, else ``framing.db`` in the current folder."""
    return os.environ.get("FRAMING_DB") or DEFAULT_DB


class Store:
    """An open framing store.

    >>> store = Store(":memory:")
    >>> store.count()
    0
    """

    def __init__(self, path: str | os.PathLike[str] = DEFAULT_DB, *, readonly: bool = False):
        self.path = str(path)
        self.readonly = readonly
        if readonly:
            self._open_readonly()
            return
        try:
            if self.path != ":memory:":
                parent = Path(self.path).parent
                if not parent.exists():
                    parent.mkdir(parents=True, exist_ok=True)
            self.conn = sqlite3.connect(self.path, isolation_level=None)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA foreign_keys = ON")
            if self.path != ":memory:":
                self.conn.execute("PRAGMA journal_mode = WAL")
                # FULL: a commit survives power loss as well as kill -9.
                self.conn.execute("PRAGMA synchronous = FULL")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a framing store ({exc})") from None
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot open ({exc.strerror or exc})") from None

    @classmethod
    def open_readonly(cls, path: str | os.PathLike[str]) -> "Store":
        """The store at ``path`` opened read-only (SQLite ``mode=ro``): nothing can change it."""
        return cls(path, readonly=True)

    def _open_readonly(self) -> None:
        if not Path(self.path).is_file():
            raise StoreError(f"{self.path}: no such store")
        uri = Path(self.path).resolve().as_uri() + "?mode=ro"
        try:
            self.conn = sqlite3.connect(uri, uri=True, isolation_level=None)
            self.conn.row_factory = sqlite3.Row
            version = self.schema_version
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a framing store ({exc})") from None
        if version != SCHEMA_VERSION:
            raise StoreError(f"{self.path}: store schema {version}, this framing reads "
                             f"{SCHEMA_VERSION}; open it once read-write to upgrade it")

    # -- schema -----------------------------------------------------------
    def _migrate(self) -> None:
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: store schema {version} is newer than this framing "
                f"understands ({SCHEMA_VERSION}); upgrade framing"
            )
        for number in range(version, SCHEMA_VERSION):
            with self.transaction():
                for statement in _split_sql(MIGRATIONS[number]):
                    self.conn.execute(statement)
                self.conn.execute(f"PRAGMA user_version = {number + 1}")

    @property
    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    # -- transactions -----------------------------------------------------
    def transaction(self) -> "_Transaction":
        """A context manager: BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on error."""
        return _Transaction(self.conn)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- articles ---------------------------------------------------------
    def put(self, article: Article, *, path_key: str, record: str = "", extractor: str = "") -> IngestOutcome:
        """Store one article in its own transaction.

        An article whose fingerprint is already stored is ``unchanged`` (even
        under another path, so moving a folder adds nothing); one whose file
        and record are stored with another fingerprint is ``updated`` in place,
        keeping its id; anything else is ``added``.
        """
        fp = fingerprint(article, extractor)
        with self.transaction():
            row = self.conn.execute(
                "SELECT id, source FROM articles WHERE fingerprint = ? ORDER BY id LIMIT 1", (fp,)
            ).fetchone()
            if row is not None:
                same = row["source"] if row["source"] != article.source else None
                return IngestOutcome("unchanged", row["id"], same)
            values = {
                "path_key": path_key,
                "record": record,
                "fingerprint": fp,
                "source": article.source,
                "source_id": article.source_id,
                "format": article.format,
                "outlet": article.outlet,
                "outlet_from": article.outlet_from,
                "title": article.title,
                "date": article.date,
                "byline": article.byline,
                "dateline": article.dateline,
                "url": article.url,
                "event": article.event,
                "language": article.language,
                "body": article.body,
                "words": article.words,
                "encoding": article.encoding,
                "notes": json.dumps(article.notes),
                "raw": article.raw,
            }
            existing = self.conn.execute(
                "SELECT id FROM articles WHERE path_key = ? AND record = ?", (path_key, record)
            ).fetchone()
            if existing is not None:
                sets = ", ".join(f"{k} = :{k}" for k in values)
                self.conn.execute(
                    f"UPDATE articles SET {sets} WHERE id = :id", {**values, "id": existing["id"]}
                )
                self._invalidate(existing["id"])
                return IngestOutcome("updated", existing["id"])
            cols = ", ".join(values)
            params = ", ".join(f":{k}" for k in values)
            cur = self.conn.execute(f"INSERT INTO articles ({cols}) VALUES ({params})", values)
            return IngestOutcome("added", int(cur.lastrowid or 0))

    def _invalidate(self, article_id: int) -> None:
        """Forget analysis results for an article whose text changed."""
        self.conn.execute("DELETE FROM hits WHERE article = ?", (article_id,))
        self.conn.execute("DELETE FROM quotations WHERE article = ?", (article_id,))
        self.conn.execute("DELETE FROM analysis WHERE article = ?", (article_id,))

    def count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM articles").fetchone()[0])

    def articles(self, ids: Iterable[int] | None = None, *, raw: bool = False) -> Iterator[Article]:
        """Stored articles in id order (all, or those with the given ids).

        The raw input bytes are read only with ``raw=True``: every stage but
        re-extraction works from the extracted fields, and raw pages can be
        many times larger than their text.
        """
        cols = ", ".join(c for c in _ARTICLE_COLUMNS if raw or c != "raw")
        if ids is None:
            rows = self.conn.execute(f"SELECT {cols} FROM articles ORDER BY id")
        else:
            wanted = sorted(set(ids))
            marks = ", ".join("?" for _ in wanted)
            rows = self.conn.execute(
                f"SELECT {cols} FROM articles WHERE id IN ({marks}) ORDER BY id", wanted
            )
        for row in rows:
            yield _article_from_row(row)

    def article(self, article_id: int, *, raw: bool = False) -> Article:
        """One stored article; :class:`NotFound` if there is none with that id."""
        for art in self.articles([article_id], raw=raw):
            return art
        raise NotFound(f"no article {article_id} in {self.path}")

    def fingerprints(self) -> dict[int, str]:
        """Article id → fingerprint, for incremental analysis."""
        return {r[0]: r[1] for r in self.conn.execute("SELECT id, fingerprint FROM articles")}

    # -- small JSON cache (models, lexicon digests) -----------------------
    def cache_get(self, key: str) -> Any | None:
        row = self.conn.execute("SELECT value FROM cache WHERE key = ?", (key,)).fetchone()
        return None if row is None else json.loads(row[0])

    def cache_put(self, key: str, value: Any) -> None:
        with self.transaction():
            self.conn.execute(
                "INSERT OR REPLACE INTO cache (key, value) VALUES (?, ?)",
                (key, json.dumps(value, sort_keys=True)),
            )


    # -- analyses (one per article, written by framing.detect.analyze) ---------
    def analyzed(self) -> dict[int, tuple[str, str]]:
        """Article id → (fingerprint analysed, analyzer version)."""
        return {r[0]: (r[1], r[2])
                for r in self.conn.execute("SELECT article, fingerprint, analyzer FROM analysis")}

    def put_analysis(self, analysis: Analysis, fingerprint: str) -> None:
        """Replace an article's analysis (hits, quotations, sentences) in one transaction."""
        aid = analysis.article
        with self.transaction() as conn:
            conn.execute("DELETE FROM hits WHERE article = ?", (aid,))
            conn.execute("DELETE FROM quotations WHERE article = ?", (aid,))
            conn.executemany(
                f"INSERT INTO hits ({_HIT_SQL}) VALUES ({', '.join('?' for _ in _HIT_COLUMNS)})",
                [tuple(int(v) if isinstance(v, bool) else v for v in (getattr(h, c) for c in _HIT_COLUMNS))
                 for h in analysis.hits])
            conn.executemany(
                f"INSERT INTO quotations (article, {_QUOTE_SQL}, analyzer) "
                f"VALUES (?, {', '.join('?' for _ in _QUOTE_COLUMNS)}, ?)",
                [(aid, *(getattr(q, c) for c in _QUOTE_COLUMNS), analysis.analyzer)
                 for q in analysis.quotations])
            conn.execute(
                "INSERT OR REPLACE INTO analysis (article, fingerprint, analyzer, sentences) "
                "VALUES (?, ?, ?, ?)",
                (aid, fingerprint, analysis.analyzer, json.dumps(analysis.sentences, sort_keys=True)))

    def hits(self, ids: Iterable[int] | None = None, *, loaded_only: bool = False) -> list[Hit]:
        """Stored hits, ordered by (article, field, start, end, term)."""
        where, params = _id_filter(ids)
        if loaded_only:
            where.append("loaded = 1")
        sql = f"SELECT {_HIT_SQL} FROM hits"
        sql += (" WHERE " + " AND ".join(where)) if where else ""
        sql += ' ORDER BY article, field, start, "end", term'
        out = []
        for row in self.conn.execute(sql, params):
            d = dict(zip(_HIT_COLUMNS, tuple(row)))
            d["loaded"] = bool(d["loaded"])
            out.append(Hit(**d))
        return out

    def quotations(self, ids: Iterable[int] | None = None) -> list[Quotation]:
        """Stored quotations and scare quotes, by article, field and start."""
        return [q for _, q in self._quotations(ids)]

    def _quotations(self, ids: Iterable[int] | None) -> list[tuple[int, Quotation]]:
        where, params = _id_filter(ids)
        sql = f"SELECT article, {_QUOTE_SQL} FROM quotations"
        sql += (" WHERE " + " AND ".join(where)) if where else ""
        sql += " ORDER BY article, field, start"
        return [(row[0], Quotation(*tuple(row)[1:])) for row in self.conn.execute(sql, params)]

    def analyses(self, ids: Iterable[int] | None = None) -> dict[int, Analysis]:
        """Article id → its stored :class:`~framing.models.Analysis`, for every analysed article."""
        wanted = None if ids is None else sorted(set(ids))
        where, params = _id_filter(wanted, column="article")
        sql = "SELECT article, analyzer, sentences FROM analysis"
        sql += (" WHERE " + " AND ".join(where)) if where else ""
        out: dict[int, Analysis] = {}
        for aid, analyzer, sentences in self.conn.execute(sql + " ORDER BY article", params):
            out[aid] = Analysis(
                article=aid, analyzer=analyzer, lexicon_version=analyzer.split("+", 1)[0],
                sentences={k: [tuple(s) for s in v] for k, v in json.loads(sentences).items()})
        for h in self.hits(wanted):
            if h.article in out:
                out[h.article].hits.append(h)
        for aid, q in self._quotations(wanted):
            if aid in out:
                out[aid].quotations.append(q)
        return out


_HIT_COLUMNS = ("article", "field", "start", "end", "text", "term", "category", "explanation",
                "neutral", "voice", "speaker", "probability", "loaded", "lexicon_version", "refers_to")
_HIT_SQL = ", ".join(f'"{c}"' if c == "end" else c for c in _HIT_COLUMNS)
_QUOTE_COLUMNS = ("field", "start", "end", "inner_start", "inner_end", "speaker",
                  "speaker_start", "speaker_end", "kind")
_QUOTE_SQL = ", ".join(f'"{c}"' if c == "end" else c for c in _QUOTE_COLUMNS)


def _id_filter(ids: Iterable[int] | None, column: str = "article") -> tuple[list[str], list[Any]]:
    if ids is None:
        return [], []
    wanted = sorted(set(ids))
    return [f"{column} IN ({', '.join('?' for _ in wanted)})"], list(wanted)


class _Transaction:
    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self.outer = False

    def __enter__(self) -> sqlite3.Connection:
        self.outer = not self.conn.in_transaction
        if self.outer:
            self.conn.execute("BEGIN IMMEDIATE")
        return self.conn

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if not self.outer:
            return
        if exc_type is None:
            self.conn.execute("COMMIT")
        else:
            self.conn.execute("ROLLBACK")


def _split_sql(script: str) -> list[str]:
    """Split a migration script into statements (no semicolons inside our SQL strings)."""
    out = []
    for part in script.split(";"):
        lines = [ln for ln in part.splitlines() if ln.strip() and not ln.strip().startswith("--")]
        if lines:
            out.append(part.strip())
    return out


def _article_from_row(row: sqlite3.Row) -> Article:
    return Article(
        id=row["id"],
        source=row["source"],
        source_id=row["source_id"],
        format=row["format"],
        outlet=row["outlet"],
        outlet_from=row["outlet_from"],
        title=row["title"],
        date=row["date"],
        byline=row["byline"],
        dateline=row["dateline"],
        url=row["url"],
        event=row["event"],
        language=row["language"],
        body=row["body"],
        encoding=row["encoding"],
        notes=json.loads(row["notes"]),
        raw=bytes(row["raw"]) if "raw" in row.keys() else b"",
    )
