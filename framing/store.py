"""The embedded SQLite store: one file holding every article, its raw input,
and (later stages) the hits and cached models.

Articles are written in batches, each one transaction (:meth:`Store.put_many`),
in WAL mode, so an interrupted run (even ``kill -9``) leaves every committed
batch intact and never half a batch, and a failure never loses what was
stored before it.

The schema is versioned with ``PRAGMA user_version``; :data:`MIGRATIONS` holds
one SQL script per version, applied in order on open, under the write lock, so
two processes opening a new store at once do not both migrate it.

Whatever SQLite reports after opening (a full disk, a damaged file, a store
another process keeps busy, a read-only file) becomes one
:class:`~framing.errors.StoreError` that names the file and says what to do.
A damaged store is found by ``PRAGMA quick_check`` on open (for files up to
:data:`QUICK_CHECK_MAX_BYTES`) and on any unexpected error, and is never
written into. A store carries ``PRAGMA application_id`` :data:`APPLICATION_ID`;
an SQLite file that is not a framing store is refused, never altered.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Collection, Iterable, Iterator
from contextlib import contextmanager
from operator import attrgetter
from urllib.parse import quote
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ._collector import collector_paused
from .errors import NotFound, StoreError
from .models import Analysis, Article, Hit, Quotation

DEFAULT_DB = "framing.db"

#: ``PRAGMA application_id`` of a framing store ("FRMG"): how framing tells its
#: own SQLite files from other programs' databases.
APPLICATION_ID = 0x46524D47
#: Seconds a process waits for another one's write to finish before giving up.
BUSY_TIMEOUT = 60.0
#: Stores up to this size are checked with ``PRAGMA quick_check`` on every open
#: (about 0.2 s for 64 MB here); larger ones when an error occurs.
QUICK_CHECK_MAX_BYTES = 64 * 1024**2
#: Articles read per query: no read stays open while the reader writes
#: (another process may have committed in between) and no query has more
#: parameters than SQLite allows.
READ_CHUNK = 500

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
    # 4: mark the file as a framing store, so another program's database given as
    # --db is refused rather than altered (stores made before this are known by
    # their articles table).
    f"""
    PRAGMA application_id = {APPLICATION_ID};
    """,
    # 5: the user's corrections to event grouping (`framing events merge/split`),
    # keyed by article ids (an updated file keeps its id), applied in id order
    # after every grouping so they survive re-runs.
    """
    CREATE TABLE event_corrections (
        id       INTEGER PRIMARY KEY,
        action   TEXT NOT NULL CHECK (action IN ('merge', 'split')),
        articles TEXT NOT NULL       -- JSON list of article ids
    );
    """,
    # 6 (loaders): how much of the article an input gave (full | truncated |
    # headline, for exports that carry a cut text or none), and an export's
    # source country (GDELT's sourcecountry).
    """
    ALTER TABLE articles ADD COLUMN content TEXT NOT NULL DEFAULT 'full';
    ALTER TABLE articles ADD COLUMN country TEXT;
    """,
    # 7 (archive): input files read in full without an error, so an unchanged
    # re-run skips them before parsing: same path, size, modification time and
    # reading options (a digest) give the same articles and notes.
    """
    CREATE TABLE inputs (
        path_key TEXT PRIMARY KEY,   -- resolved path of the input file
        size     INTEGER NOT NULL,
        mtime_ns INTEGER NOT NULL,
        options  TEXT NOT NULL,      -- digest of extractor version, display name and options
        articles TEXT NOT NULL,      -- JSON list of the article ids it gave, in order
        notes    TEXT NOT NULL       -- JSON list of the notes its ingest printed
    );
    """,
    # 8 (explorer): the outlet group of an article (a manifest or export
    # column such as AllSides' leaning), for per-group comparisons.
    """
    ALTER TABLE articles ADD COLUMN outlet_group TEXT;
    """,
    # 9: each analysis's stretches of quotation and reported speech (JSON, field
    # → [[start, end, voice], ...]), so that reports need not work them out
    # again; NULL in analyses stored before, which reports then recompute.
    """
    ALTER TABLE analysis ADD COLUMN voices TEXT;
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)
#: The schema version from which stores carry :data:`APPLICATION_ID`.
_ID_VERSION = next(i for i, m in enumerate(MIGRATIONS) if "application_id" in m) + 1

_ARTICLE_COLUMNS = (
    "id", "source", "source_id", "format", "outlet", "outlet_from", "title",
    "date", "byline", "dateline", "url", "event", "language", "body", "encoding",
    "notes", "raw", "content", "country", "outlet_group",
)


@dataclass(frozen=True)
class InputRecord:
    """One input file read in full without an error (the ``inputs`` table)."""

    path_key: str
    size: int
    mtime_ns: int
    options: str
    articles: list[int]
    notes: list[str]


@dataclass(frozen=True)
class IngestOutcome:
    """What storing one article did: ``added``, ``unchanged`` or ``updated``."""

    status: str
    article_id: int
    same_as: str | None = None  # for ``unchanged``: the source already holding this content
    #: ``unchanged`` because another file or record holds the same content.
    elsewhere: bool = False


def fingerprint(article: Article, extractor: str) -> str:
    """A digest of everything that decides what is stored for an article."""
    h = hashlib.sha256()
    overrides = {
        k: getattr(article, k)
        for k in ("outlet", "outlet_from", "event", "date", "url", "title")
    }
    if article.group is not None:  # only then, so stores without groups keep their fingerprints
        overrides["group"] = article.group
    h.update(extractor.encode())
    h.update(b"\0")
    h.update(json.dumps(overrides, sort_keys=True).encode())
    h.update(b"\0")
    h.update(article.source_id.encode("utf-8", "surrogatepass") if article.source_id else b"")
    h.update(b"\0")
    h.update(article.raw)
    return h.hexdigest()


def default_db_path() -> str:
    """``$FRAMING_DB`` if set, else ``framing.db`` in the current folder."""
    return os.environ.get("FRAMING_DB") or DEFAULT_DB


class Store:
    """An open framing store.

    ``readonly=True`` opens the file read-only (SQLite ``mode=ro``), for
    commands that only read: a read-only file or folder works. Should such a
    store need a write after all (the analysis of new articles, a schema
    upgrade), it is reopened for writing when the file can be written, and
    otherwise the write goes to a private copy in memory: the file is never
    touched.

    >>> store = Store(":memory:")
    >>> store.count()
    0
    """

    def __init__(self, path: str | os.PathLike[str] = DEFAULT_DB, *, readonly: bool = False,
                 file_writes: bool = True):
        self.path = os.fsdecode(path)
        self.readonly = readonly and self.path != ":memory:"
        #: Writes go to a private copy in memory (a read-only file that needed a write).
        self.in_memory_copy = False
        self._damage: StoreError | None = None
        self._checked = False  # quick_check done on this open
        #: Whether a write may reopen a read-only store's file for writing
        #: (else it goes to a copy in memory).
        self._file_writes = file_writes
        try:
            self.conn = self._open_readonly() if self.readonly else self._open_readwrite()
        except sqlite3.Error as exc:
            raise self.error(exc) from None
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot open ({exc.strerror or exc}); "
                             "check that the folder exists and can be written") from None

    # -- opening ----------------------------------------------------------
    def _connect(self, target: str, *, uri: bool = False) -> sqlite3.Connection:
        conn = sqlite3.connect(target, isolation_level=None, timeout=BUSY_TIMEOUT, uri=uri)
        conn.row_factory = sqlite3.Row
        return conn

    def _open_readwrite(self) -> sqlite3.Connection:
        if self.path != ":memory:":
            parent = Path(self.path).parent
            if not parent.exists():
                parent.mkdir(parents=True, exist_ok=True)
        conn = self._connect(self.path)
        try:
            self._check_framing_store(conn)
            self._check_integrity(conn)
            conn.execute("PRAGMA foreign_keys = ON")
            if self.path != ":memory:":
                conn.execute("PRAGMA journal_mode = WAL")
                # FULL: a commit survives power loss as well as kill -9.
                conn.execute("PRAGMA synchronous = FULL")
            self._migrate(conn)
        except BaseException:
            conn.close()
            raise
        return conn

    def _open_readonly(self) -> sqlite3.Connection:
        if not Path(self.path).is_file():
            raise StoreError(f"{self.path}: no such store; load articles into it first "
                             f"(framing ingest FILES --db {self.path})")
        base = "file:" + quote(os.path.abspath(self.path)) + "?mode=ro"
        conn = self._connect(base, uri=True)
        try:
            try:
                self._check_framing_store(conn)
            except sqlite3.OperationalError as exc:
                if "readonly" not in str(exc) and "unable to open" not in str(exc):
                    raise
                # A WAL store in a folder this process cannot write: SQLite cannot
                # make the shared-memory file readers need. Without pending
                # changes in a -wal file the store can be read as it stands.
                conn.close()
                wal = Path(self.path + "-wal")
                if wal.exists() and wal.stat().st_size > 0:
                    raise StoreError(
                        f"{self.path}: cannot read the store: its last changes are in "
                        f"{wal.name}, which needs a folder this process can write; open it "
                        "once with write access (e.g. framing articles as its owner)") from None
                conn = self._connect(base + "&immutable=1", uri=True)
                self._check_framing_store(conn)
            self._check_integrity(conn)
            conn.execute("PRAGMA query_only = ON")
            version = _user_version(conn)
            if version > SCHEMA_VERSION:
                raise self._newer(version)
        except BaseException:
            conn.close()
            raise
        self.conn = conn
        if version < SCHEMA_VERSION:
            self._make_writable()  # an older schema: upgrade it, in the file or in memory
        return self.conn

    def _check_framing_store(self, conn: sqlite3.Connection) -> None:
        """Refuse an SQLite file that some other program made."""
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        if app_id == APPLICATION_ID:
            return
        version = _user_version(conn)
        tables = sorted(r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"))
        if app_id == 0 and version == 0 and not tables:
            return  # a new, empty file
        if app_id == 0 and 1 <= version < _ID_VERSION and "articles" in tables:
            return  # a framing store from before the application id
        what = f"its tables: {', '.join(tables[:6])}{', ...' if len(tables) > 6 else ''}" if tables \
            else f"application id {app_id:#x}" if app_id else f"user version {version}"
        raise StoreError(f"{self.path}: an SQLite database of another program, not a framing store "
                         f"({what}); framing leaves it as it is: give another file with --db")

    def _check_integrity(self, conn: sqlite3.Connection, *, always: bool = False) -> None:
        """``PRAGMA quick_check`` (on open for files up to QUICK_CHECK_MAX_BYTES)."""
        if self.path == ":memory:" or (self._checked and not always):
            return
        if not always:
            try:
                if os.path.getsize(self.path) > QUICK_CHECK_MAX_BYTES:
                    return
            except OSError:
                return
        try:
            rows = [r[0] for r in conn.execute("PRAGMA quick_check(3)")]
        except sqlite3.DatabaseError as exc:
            rows = [str(exc)]
        if rows != ["ok"]:
            problems = [ln.strip() for r in rows for ln in str(r).splitlines()
                        if ln.strip() and not ln.startswith("***")]
            raise self._damaged("; ".join(problems[:2]) or "quick_check failed")
        self._checked = True

    def _make_writable(self) -> None:
        """Before the first write to a store opened read-only: reopen it for
        writing if the file can be written, else copy it into memory."""
        if not self.readonly:
            return
        folder = os.path.dirname(os.path.abspath(self.path))
        old = self.conn
        if self._file_writes and os.access(self.path, os.W_OK) and os.access(folder, os.W_OK):
            self.conn = self._open_readwrite()
        else:
            copy = self._connect(":memory:")
            old.backup(copy)
            copy.execute("PRAGMA foreign_keys = ON")
            self._migrate(copy)
            self.conn = copy
            self.in_memory_copy = True
        old.close()
        self.readonly = False

    @classmethod
    def open_readonly(cls, path: str | os.PathLike[str]) -> "Store":
        """The store at ``path`` opened read-only (SQLite ``mode=ro``): nothing
        can change the file. Unlike ``Store(path, readonly=True)``, a write
        (an older schema's upgrade, say) always goes to a copy in memory."""
        return cls(path, readonly=True, file_writes=False)

    # -- schema -----------------------------------------------------------
    def _migrate(self, conn: sqlite3.Connection) -> None:
        if _user_version(conn) == SCHEMA_VERSION:
            return
        # The version is read again under the write lock: another process may
        # have migrated the store while this one waited for it.
        with _Transaction(conn):
            version = _user_version(conn)
            if version > SCHEMA_VERSION:
                raise self._newer(version)
            for number in range(version, SCHEMA_VERSION):
                for statement in _split_sql(MIGRATIONS[number]):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {number + 1}")

    def _newer(self, version: int) -> StoreError:
        return StoreError(
            f"{self.path}: store schema {version} is newer than this framing "
            f"understands ({SCHEMA_VERSION}); upgrade framing"
        )

    @property
    def schema_version(self) -> int:
        return _user_version(self.conn)

    # -- errors -------------------------------------------------------------
    def error(self, exc: sqlite3.Error) -> StoreError:
        """The one-line :class:`StoreError` for an SQLite error on this store."""
        name = getattr(exc, "sqlite_errorname", "") or ""
        msg = str(exc)
        if name.startswith("SQLITE_FULL") or "disk is full" in msg:
            return StoreError(f"{self.path}: the disk is full; free some space and run again "
                              "(everything stored before this point is kept)")
        if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "database is locked" in msg:
            return StoreError(f"{self.path}: another process kept the store busy for more than "
                              f"{BUSY_TIMEOUT:.0f} s; run again when it has finished")
        if name.startswith("SQLITE_READONLY") or "readonly database" in msg:
            return StoreError(f"{self.path}: the store cannot be written (a read-only file or "
                              "folder); make it writable, or work on a copy with --db")
        if name.startswith("SQLITE_NOTADB") or "file is not a database" in msg:
            return StoreError(f"{self.path}: not a framing store (not an SQLite database); "
                              "give another file with --db")
        if name.startswith("SQLITE_CORRUPT") or "malformed" in msg:
            return self._damaged(msg)
        if name.startswith("SQLITE_CANTOPEN") or "unable to open" in msg:
            return StoreError(f"{self.path}: cannot open the store file; check that it and its "
                              "folder exist and can be read and written")
        damage = self._find_damage()
        if damage is not None:
            return damage
        if name.startswith("SQLITE_IOERR") or "disk I/O error" in msg:
            return StoreError(f"{self.path}: the disk failed to read or write the store ({msg}); "
                              "check the disk and its free space, then run again")
        return StoreError(f"{self.path}: store error ({msg})")

    def _damaged(self, detail: str) -> StoreError:
        detail = " ".join(detail.split())
        self._damage = StoreError(
            f"{self.path}: the store is damaged ({detail}); framing will not write into it. "
            f"Restore a backup, or recover what it holds: sqlite3 {self.path} .recover | "
            "sqlite3 recovered.db")
        return self._damage

    def _find_damage(self) -> StoreError | None:
        """Run ``quick_check`` on a fresh read-only connection, after an error."""
        if self.path == ":memory:" or not os.path.isfile(self.path):
            return None
        try:
            conn = self._connect("file:" + quote(os.path.abspath(self.path)) + "?mode=ro", uri=True)
        except sqlite3.Error:
            return None
        try:
            self._check_integrity(conn, always=True)
        except StoreError as exc:
            return exc
        except sqlite3.Error:
            return None
        finally:
            conn.close()
        return None

    @contextmanager
    def _guard(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as exc:
            raise self.error(exc) from exc

    # -- transactions -----------------------------------------------------
    def transaction(self) -> "_Transaction":
        """A context manager: BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on error.

        Waits up to :data:`BUSY_TIMEOUT` seconds for another process's write.
        Refused (:class:`StoreError`) once the store was found damaged."""
        if self._damage is not None:
            raise self._damage
        with self._guard():
            self._make_writable()
        return _Transaction(self.conn)

    def close(self) -> None:
        try:
            self.conn.close()
        except sqlite3.Error:
            pass

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        self.close()
        if isinstance(exc, sqlite3.Error):
            # Whatever code used the connection inside ``with Store(...)``, the
            # caller gets one line naming the store and what to do.
            raise self.error(exc) from exc

    # -- articles ---------------------------------------------------------
    def put(self, article: Article, *, path_key: str, record: str = "", extractor: str = "") -> IngestOutcome:
        """Store one article in its own transaction (see :meth:`put_many`).

        An article whose fingerprint is already stored is ``unchanged`` (even
        under another path, so moving a folder adds nothing); one whose file
        and record are stored with another fingerprint is ``updated`` in place,
        keeping its id; anything else is ``added``.

        Text that cannot be stored as UTF-8 (lone surrogates, e.g. ``"\\ud800"``
        in a JSON export) is stored with U+FFFD in their place and a note; in
        names and ids (``source``, ``path_key``, ``record``, ``source_id``) they
        are kept distinct as backslash escapes (``bad\\xff.txt``).
        """
        with self._guard(), self.transaction():
            return self._put(article, path_key, record, extractor)

    def put_many(self, items: Iterable[tuple[Article, str, str, str]],
                 takeover: Collection[tuple[str, str]] = ()) -> list[IngestOutcome]:
        """Store a batch of ``(article, path_key, record, extractor)`` in ONE
        transaction (or in the caller's): ``kill -9`` leaves all of the batch
        or none of it. Each article as by :meth:`put`.

        ``takeover``: ``(path_key, record)`` pairs, each the first record of a
        file that now reads as several articles. Where that file's article was
        stored as the whole file (record ``""``: a page read as one, by an
        older framing or before its articles were told apart), that row
        becomes this record's and is updated in place, keeping its id, rather
        than left beside the file's articles as one more."""
        with self._guard(), self.transaction():
            return [self._put(a, pk, rec, ex, (pk, rec) in takeover) for a, pk, rec, ex in items]

    def record_inputs(self, inputs: Iterable["InputRecord"]) -> None:
        """Remember input files read in full (call in the transaction that
        stores their last articles), so an unchanged re-run skips them."""
        with self._guard(), self.transaction():
            self.conn.executemany(
                "INSERT OR REPLACE INTO inputs (path_key, size, mtime_ns, options, articles, notes) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [(_name(r.path_key), r.size, r.mtime_ns, r.options, json.dumps(r.articles),
                  json.dumps([_text(n) for n in r.notes])) for r in inputs])

    def input_record(self, path_key: str) -> "InputRecord | None":
        """What the last complete read of an input file stored (None if never)."""
        with self._guard():
            try:
                row = self.conn.execute(
                    "SELECT size, mtime_ns, options, articles, notes FROM inputs WHERE path_key = ?",
                    (_name(path_key),)).fetchone()
            except sqlite3.OperationalError:  # an older store opened read-only
                return None
        if row is None:
            return None
        return InputRecord(path_key, row[0], row[1], row[2], json.loads(row[3]), json.loads(row[4]))

    def holds(self, path_key: str, ids: Iterable[int]) -> bool:
        """Whether every one of these article ids is stored, as read from ``path_key``."""
        wanted = sorted(set(ids))
        found = 0
        with self._guard():
            for i in range(0, len(wanted), READ_CHUNK):
                chunk = wanted[i:i + READ_CHUNK]
                found += self.conn.execute(
                    f"SELECT count(*) FROM articles WHERE path_key = ? AND id IN "
                    f"({', '.join('?' for _ in chunk)})", [_name(path_key), *chunk]).fetchone()[0]
        return found == len(wanted)

    def _put(self, article: Article, path_key: str, record: str, extractor: str,
             takeover: bool = False) -> IngestOutcome:
        fp = fingerprint(article, extractor)
        notes = [_text(n) for n in article.notes]
        fields = {}
        replaced = 0
        for k in ("outlet", "outlet_from", "title", "date", "byline", "dateline", "url", "event",
                  "language", "body", "encoding", "format", "content", "country"):
            value = getattr(article, k)
            fields[k] = _text(value)
            if fields[k] != value:
                replaced += 1
        fields["outlet_group"] = _text(article.group)
        if replaced:
            notes.append("characters that are not text (lone surrogates) were replaced with U+FFFD")
        values = {
            "path_key": _name(path_key),
            "record": _name(record),
            "fingerprint": fp,
            "source": _name(article.source),
            "source_id": _name(article.source_id),
            **fields,
            "words": article.words,
            "notes": json.dumps(notes),
            "raw": article.raw,
        }
        # The same file and record first: an edited file updates its own
        # article even when its new text equals another file's.
        mine = self.conn.execute(
            "SELECT id, fingerprint FROM articles WHERE path_key = ? AND record = ?",
            (values["path_key"], values["record"]),
        ).fetchone()
        if mine is None and takeover and record:
            mine = self.conn.execute(
                "SELECT id, fingerprint FROM articles WHERE path_key = ? AND record = ''",
                (values["path_key"],),
            ).fetchone()
        if mine is not None and mine["fingerprint"] == fp:
            return IngestOutcome("unchanged", mine["id"])
        row = None if mine is not None else self.conn.execute(
            "SELECT id, source FROM articles WHERE fingerprint = ? ORDER BY id LIMIT 1", (fp,)
        ).fetchone()
        if row is not None:
            same = row["source"] if row["source"] != values["source"] else None
            return IngestOutcome("unchanged", row["id"], same)
        existing = mine
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
        with self._guard():
            return int(self.conn.execute("SELECT count(*) FROM articles").fetchone()[0])

    def articles(self, ids: Iterable[int] | None = None, *, raw: bool = False) -> Iterator[Article]:
        """Stored articles in id order (all, or those with the given ids).

        The raw input bytes are read only with ``raw=True``: every stage but
        re-extraction works from the extracted fields, and raw pages can be
        many times larger than their text. Articles are read
        :data:`READ_CHUNK` at a time, so the caller may write between them.
        """
        cols = ", ".join(c for c in _ARTICLE_COLUMNS if raw or c != "raw")
        with self._guard():
            if ids is None:
                wanted = [r[0] for r in self.conn.execute("SELECT id FROM articles ORDER BY id")]
            else:
                wanted = sorted(set(ids))
        for i in range(0, len(wanted), READ_CHUNK):
            chunk = wanted[i:i + READ_CHUNK]
            marks = ", ".join("?" for _ in chunk)
            with self._guard():
                rows = self.conn.execute(
                    f"SELECT {cols} FROM articles WHERE id IN ({marks}) ORDER BY id", chunk
                ).fetchall()
            if raw:  # raw pages may be large: one article made at a time beside its chunk's rows
                for row in rows:
                    yield _article_from_row(row)
                continue
            with collector_paused():  # a chunk's articles make no cycles (see framing._collector)
                arts = [_article_from_row(row) for row in rows]
            del rows
            yield from arts

    def article(self, article_id: int, *, raw: bool = False) -> Article:
        """One stored article; :class:`NotFound` if there is none with that id."""
        for art in self.articles([article_id], raw=raw):
            return art
        raise NotFound(f"no article {article_id} in {self.path}")

    def fingerprints(self) -> dict[int, str]:
        """Article id → fingerprint, for incremental analysis."""
        with self._guard():
            return {r[0]: r[1] for r in self.conn.execute("SELECT id, fingerprint FROM articles")}

    # -- the user's event corrections ---------------------------------------
    def add_event_correction(self, action: str, articles: Iterable[int]) -> None:
        """Record ``merge`` (these articles are one event) or ``split`` (these
        articles leave their event, together)."""
        with self.transaction():
            self.conn.execute("INSERT INTO event_corrections (action, articles) VALUES (?, ?)",
                              (action, json.dumps(sorted({int(a) for a in articles}))))

    def event_corrections(self) -> list[tuple[str, list[int]]]:
        """Every recorded correction, oldest first."""
        try:
            rows = self.conn.execute("SELECT action, articles FROM event_corrections ORDER BY id").fetchall()
        except sqlite3.OperationalError:  # an older store opened read-only: no corrections yet
            return []
        return [(r[0], json.loads(r[1])) for r in rows]

    def clear_event_corrections(self) -> int:
        """Forget every correction; returns how many there were."""
        with self.transaction():
            return self.conn.execute("DELETE FROM event_corrections").rowcount

    # -- small JSON cache (models, lexicon digests) -----------------------
    def cache_get(self, key: str) -> Any | None:
        with self._guard():
            row = self.conn.execute("SELECT value FROM cache WHERE key = ?", (key,)).fetchone()
        return None if row is None else json.loads(row[0])

    def cache_put(self, key: str, value: Any) -> None:
        with self._guard(), self.transaction():
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
        self.put_analyses([(analysis, fingerprint)])

    def put_analyses(self, batch: Iterable[tuple[Analysis, str]]) -> None:
        """Replace the analyses of a batch of articles in ONE transaction
        (``(analysis, fingerprint analysed)`` pairs): all or none is stored."""
        self.put_analysis_rows(analysis_rows(analysis, fingerprint) for analysis, fingerprint in batch)

    def put_analysis_rows(self, batch: Iterable["AnalysisRows"]) -> None:
        """:meth:`put_analyses` for analyses already turned into rows by
        :func:`analysis_rows` (which ``--jobs`` workers do, so that the one
        writing process only writes)."""
        latest = {rows[0]: rows for rows in batch}  # an article given twice: its last analysis, as before
        todo, ids = list(latest.values()), list(latest)
        with self.transaction() as conn:
            # One statement per table for the whole batch (not five per article):
            # the one writing process of a --jobs run spends its time here.
            for i in range(0, len(ids), READ_CHUNK):
                part = ids[i:i + READ_CHUNK]
                marks = ", ".join("?" for _ in part)
                conn.execute(f"DELETE FROM hits WHERE article IN ({marks})", part)
                conn.execute(f"DELETE FROM quotations WHERE article IN ({marks})", part)
            conn.executemany(_INSERT_HIT, (row for rows in todo for row in rows[1]))
            conn.executemany(_INSERT_QUOTE, (row for rows in todo for row in rows[2]))
            conn.executemany(
                "INSERT OR REPLACE INTO analysis (article, fingerprint, analyzer, sentences, voices) "
                "VALUES (?, ?, ?, ?, ?)", (rows[3] for rows in todo))

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
        """Article id → its stored :class:`~framing.models.Analysis`, for every analysed article.
        Read with the collector paused (:mod:`framing._collector`): at 50,000
        articles its passes over the millions of spans, hits and quotations
        read here were about 60 % of the reading's CPU."""
        with collector_paused():
            return self._analyses(ids)

    def _analyses(self, ids: Iterable[int] | None) -> dict[int, Analysis]:
        wanted = None if ids is None else sorted(set(ids))
        where, params = _id_filter(wanted, column="article")
        sql = "SELECT article, analyzer, sentences, voices FROM analysis"
        sql += (" WHERE " + " AND ".join(where)) if where else ""
        out: dict[int, Analysis] = {}
        for aid, analyzer, sentences, voices in self.conn.execute(sql + " ORDER BY article", params):
            out[aid] = Analysis(
                article=aid, analyzer=analyzer, lexicon_version=analyzer.split("+", 1)[0],
                sentences={k: [tuple(s) for s in v] for k, v in json.loads(sentences).items()},
                voices=None if voices is None
                else {k: [tuple(s) for s in v] for k, v in json.loads(voices).items()})
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
_INSERT_HIT = f"INSERT INTO hits ({_HIT_SQL}) VALUES ({', '.join('?' for _ in _HIT_COLUMNS)})"
_INSERT_QUOTE = (f"INSERT INTO quotations (article, {_QUOTE_SQL}, analyzer) "
                 f"VALUES (?, {', '.join('?' for _ in _QUOTE_COLUMNS)}, ?)")
_HIT_ROW = attrgetter(*_HIT_COLUMNS)
_QUOTE_ROW = attrgetter(*_QUOTE_COLUMNS)
_LOADED = _HIT_COLUMNS.index("loaded")

#: One analysis as the rows :meth:`Store.put_analysis_rows` writes: article id,
#: hit rows, quotation rows, and the analysis row.
AnalysisRows = tuple[int, list[tuple[Any, ...]], list[tuple[Any, ...]], tuple[Any, ...]]


def analysis_rows(analysis: Analysis, fingerprint: str) -> AnalysisRows:
    """The rows that store ``analysis`` of an article with ``fingerprint``
    (pure: ``--jobs`` workers make them, the writing process writes them)."""
    aid = analysis.article
    hit_rows = []
    for h in analysis.hits:
        row = _HIT_ROW(h)
        if isinstance(row[_LOADED], bool):
            row = (*row[:_LOADED], int(row[_LOADED]), *row[_LOADED + 1:])
        hit_rows.append(row)
    quote_rows = [(aid, *_QUOTE_ROW(q), analysis.analyzer) for q in analysis.quotations]
    return aid, hit_rows, quote_rows, (
        aid, fingerprint, analysis.analyzer, json.dumps(analysis.sentences, sort_keys=True),
        None if analysis.voices is None
        else json.dumps(analysis.voices, sort_keys=True, separators=(",", ":")))


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
        elif self.conn.in_transaction:  # SQLite may have rolled back already (a full disk)
            try:
                self.conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass


def _user_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def _text(value: Any) -> Any:
    """A string SQLite can store as UTF-8: surrogate pairs joined, lone ones U+FFFD."""
    if not isinstance(value, str):
        return value
    try:
        value.encode("utf-8")
        return value
    except UnicodeEncodeError:
        return value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def _name(value: Any) -> Any:
    """A name or id SQLite can store, kept distinct: undecodable bytes of a file
    name (``os.fsdecode``'s surrogate escapes) as ``\\xff``, other lone
    surrogates as ``\\ud800``."""
    if not isinstance(value, str):
        return value
    try:
        value.encode("utf-8")
        return value
    except UnicodeEncodeError:
        pass
    try:
        return value.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:
        return value.encode("utf-8", "backslashreplace").decode("utf-8")


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
        content=row["content"],
        country=row["country"],
        group=row["outlet_group"],
        encoding=row["encoding"],
        notes=json.loads(row["notes"]),
        raw=bytes(row["raw"]) if "raw" in row.keys() else b"",
    )
