"""What a damaged, foreign, read-only or full store, or a second process, can
do (issue 14): one line naming the file and what to do, never a traceback,
nothing stored before lost, and a damaged or foreign file never written into."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framing import corpus as corpus_module
from framing import store as store_module
from framing.cli import cli
from framing.errors import StoreError
from framing.models import Article
from framing.store import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION, Store

from conftest import REPO, copy_store

DEMO = REPO / "corpus"


def _one_error_line(stderr: str, *needles: str) -> str:
    """stderr holds exactly one ``Error:`` line, no traceback, and it says ``needles``."""
    assert "Traceback" not in stderr, stderr
    errors = [ln for ln in stderr.splitlines() if ln.startswith("Error:")]
    assert len(errors) == 1, stderr
    for needle in needles:
        assert needle in errors[0], errors[0]
    return errors[0]


def _invoke(*args: str):
    return CliRunner().invoke(cli, list(args))


def _count(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    finally:
        conn.close()


def _integrity(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def _damage_page(db: Path, page: int) -> None:
    """Overwrite a b-tree page header with bytes SQLite cannot read."""
    size = sqlite3.connect(db).execute("PRAGMA page_size").fetchone()[0]
    with open(db, "r+b") as f:
        f.seek((page - 1) * size)
        f.write(b"\x0d\xff\xff\xff\xff\xff\xff\xff")


def _rootpage(db: Path, name: str) -> int:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (name,)).fetchone()[0]
    finally:
        conn.close()


# --- damaged stores -----------------------------------------------------------

def test_ingest_into_a_damaged_store_is_refused_and_writes_nothing(seeds_db: Path, tmp_path: Path) -> None:
    db = copy_store(seeds_db, tmp_path / "damaged.db")
    _damage_page(db, _rootpage(db, "articles_fingerprint"))
    before = db.read_bytes()
    res = _invoke("ingest", str(DEMO), "--db", str(db))
    assert res.exit_code == 1
    _one_error_line(res.stderr, str(db), "damaged", "will not write", ".recover")
    assert "added" not in res.stdout  # no success reported
    assert db.read_bytes() == before
    assert not Path(f"{db}-wal").exists() or Path(f"{db}-wal").stat().st_size == 0
    # Reading commands say the same, in one line.
    for args in (["articles"], ["report"], ["hits"], ["show", "1"]):
        res = _invoke(*args, "--db", str(db))
        assert res.exit_code == 1
        _one_error_line(res.stderr, "damaged")


def test_damage_found_on_error_when_the_store_is_too_big_to_check_on_open(
        seeds_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Large stores are not checked on open; the first error runs quick_check
    and from then on the store takes no writes."""
    monkeypatch.setattr(store_module, "QUICK_CHECK_MAX_BYTES", 0)
    db = copy_store(seeds_db, tmp_path / "damaged.db")
    _damage_page(db, _rootpage(db, "articles_fingerprint"))
    body = "A new article about the accord, long enough to be stored as it is. " * 3
    with Store(db) as store:
        with pytest.raises(StoreError, match="damaged"):
            store.put(Article(source="new.txt", body=body, raw=body.encode()), path_key="/new.txt")
        with pytest.raises(StoreError, match="damaged"):
            store.cache_put("x", 1)


# --- foreign SQLite files --------------------------------------------------------

def test_a_foreign_sqlite_file_is_refused_and_left_alone(tmp_path: Path) -> None:
    db = tmp_path / "contacts.db"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
    conn.execute("INSERT INTO contacts VALUES ('Ada', '555')")
    conn.commit()
    conn.close()
    before = db.read_bytes()
    for args in (["ingest", str(DEMO / "almera-courier-accord.txt")], ["articles"], ["analyze"], ["report"]):
        res = _invoke(*args, "--db", str(db))
        assert res.exit_code == 1, res.output
        _one_error_line(res.stderr, str(db), "not a framing store", "contacts", "--db")
    assert db.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["contacts.db"]


def test_a_store_from_before_the_application_id_is_kept_and_marked(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    conn = sqlite3.connect(db)
    for script in MIGRATIONS[:2]:
        conn.executescript(script)
    conn.execute("PRAGMA user_version = 2")
    conn.execute("INSERT INTO articles (path_key, record, fingerprint, source, format, outlet_from,"
                 " body, words, raw) VALUES ('k', '', 'f', 'a.txt', 'text', 'unknown', 'body', 1, x'00')")
    conn.commit()
    conn.close()
    with Store(db) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert [a.body for a in store.articles()] == ["body"]


def test_a_new_store_carries_the_application_id(tmp_path: Path) -> None:
    with Store(tmp_path / "new.db") as store:
        assert store.conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID


# --- read-only stores ------------------------------------------------------------

@pytest.fixture()
def readonly_store(seeds_db: Path) -> Iterator[Path]:
    """The seeds store in a folder nobody may write: write bits off, and for
    root (whom permissions do not stop) a read-only bind mount."""
    folder = Path(tempfile.mkdtemp(prefix="framing-ro-"))
    mounted = False
    try:
        db = copy_store(seeds_db, folder / "seeds.db")
        db.chmod(0o444)
        folder.chmod(0o555)
        if os.geteuid() == 0:
            subprocess.run(["mount", "--bind", str(folder), str(folder)], check=True)
            mounted = True
            subprocess.run(["mount", "-o", "remount,ro,bind", str(folder)], check=True)
        with pytest.raises(OSError):
            (folder / "probe").write_text("x")
        yield db
    finally:
        if mounted:
            subprocess.run(["umount", str(folder)], check=True)
        folder.chmod(0o755)
        shutil.rmtree(folder)


def _as_reader(*args: str) -> subprocess.CompletedProcess[str]:
    """Run ``framing`` as a real subprocess."""
    env = {k: v for k, v in os.environ.items() if k != "FRAMING_DB"}
    env["PYTHONIOENCODING"] = "utf-8"
    return subprocess.run([sys.executable, "-m", "framing", *args], capture_output=True, text=True,
                          env=env, cwd="/", timeout=600)


@pytest.mark.slow
def test_reading_commands_work_on_a_read_only_store(readonly_store: Path) -> None:
    db = readonly_store
    before = db.read_bytes()
    articles = _as_reader("articles", "--db", str(db))
    assert articles.returncode == 0, articles.stderr
    assert len(articles.stdout.splitlines()) == 6  # header + the five seeds
    # These analyse first: the store has no analysis yet, so it is done in memory.
    for args in (["hits"], ["show", "1"], ["report"], ["report", "--format", "json"]):
        res = _as_reader(*args, "--db", str(db))
        assert res.returncode == 0, (args, res.stderr)
        assert "Traceback" not in res.stderr and res.stdout
    assert db.read_bytes() == before
    assert sorted(p.name for p in db.parent.iterdir()) == ["seeds.db"]


@pytest.mark.slow
def test_writing_to_a_read_only_store_is_one_line(readonly_store: Path) -> None:
    res = _as_reader("ingest", str(DEMO / "almera-courier-accord.txt"), "--db", str(readonly_store))
    assert res.returncode == 1
    _one_error_line(res.stderr, str(readonly_store))


def test_a_reading_command_on_a_missing_store_says_so(tmp_path: Path) -> None:
    res = _invoke("articles", "--db", str(tmp_path / "none.db"))
    assert res.exit_code == 1
    _one_error_line(res.stderr, "none.db", "no such store", "framing ingest")
    assert not (tmp_path / "none.db").exists()


# --- a full disk -------------------------------------------------------------------

def test_a_full_disk_mid_ingest_is_one_line_and_keeps_what_was_stored(
        seeds_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The store's file may not grow past a few pages (SQLite's ``max_page_count``:
    the disk it is on is full): the articles stored before stay, the rest is
    one ``Error:`` line."""
    db = copy_store(seeds_db, tmp_path / "full.db")
    pages = sqlite3.connect(db).execute("PRAGMA page_count").fetchone()[0]
    connect = sqlite3.connect

    def small_disk(*args, **kwargs):
        conn = connect(*args, **kwargs)
        conn.execute(f"PRAGMA max_page_count = {pages + 3}")
        return conn

    monkeypatch.setattr(sqlite3, "connect", small_disk)
    # A batch of articles is stored whole or not at all; batches of one article
    # let a few fit before the disk fills (the demo corpus is one default batch).
    monkeypatch.setattr(corpus_module, "BATCH_ARTICLES", 1)
    res = _invoke("ingest", str(DEMO), "--db", str(db))
    monkeypatch.undo()
    assert res.exit_code == 1
    _one_error_line(res.stderr, str(db), "disk is full", "free some space")
    added = sum(1 for ln in res.stdout.splitlines() if ln.startswith("added:"))
    assert added >= 1  # some fitted before the disk filled
    assert _count(db) == 5 + added
    assert _integrity(db) == "ok"
    with Store(db) as store:
        assert len([a for a in store.articles() if a.body]) == 5 + added


def test_a_store_kept_busy_too_long_is_one_line(seeds_db: Path, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """Another process holds the write lock longer than framing waits."""
    monkeypatch.setattr(store_module, "BUSY_TIMEOUT", 0.3)
    db = copy_store(seeds_db, tmp_path / "busy.db")
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        res = _invoke("ingest", str(DEMO), "--db", str(db))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert res.exit_code == 1
    _one_error_line(res.stderr, str(db), "another process kept the store busy", "run again")
    assert _count(db) == 5 and _integrity(db) == "ok"


# --- two processes -------------------------------------------------------------------

def _framing(*args: str, cwd: Path) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if k != "FRAMING_DB"}
    env["PYTHONIOENCODING"] = "utf-8"
    return subprocess.Popen([sys.executable, "-m", "framing", *args], cwd=cwd, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.mark.slow
def test_two_ingests_and_an_analyze_on_a_new_store_all_finish(tmp_path: Path, seeds_dir: Path) -> None:
    """Different inputs, then the same input twice: every article stored once
    (as many as one process storing them alone stores)."""
    def alone(*folders: Path) -> int:
        with Store(tmp_path / f"alone{len(folders)}.db") as store:
            for folder in folders:
                list(corpus_module.iter_ingest(store, [folder]))
            return store.count()

    both, demo = alone(seeds_dir, DEMO), alone(DEMO)
    assert both == demo + 5  # the five seeds share no article with the demo
    for round_, (first, second, distinct) in enumerate([(seeds_dir, DEMO, both), (DEMO, DEMO, demo)]):
        db = tmp_path / f"new{round_}.db"
        procs = [_framing("ingest", str(first), "--db", str(db), cwd=tmp_path),
                 _framing("ingest", str(second), "--db", str(db), cwd=tmp_path),
                 _framing("analyze", "--db", str(db), cwd=tmp_path)]
        outs = [p.communicate(timeout=600) for p in procs]
        for p, (out, err) in zip(procs, outs):
            assert p.returncode == 0, err
            assert "Traceback" not in err and "Error" not in err
        added = sum(int(out.strip().splitlines()[-1].split()[0]) for out, _ in outs[:2])
        assert added == distinct
        assert _integrity(db) == "ok"
        assert _count(db) == distinct
        final = _framing("analyze", "--db", str(db), cwd=tmp_path)
        out, err = final.communicate(timeout=600)
        assert final.returncode == 0, err


@pytest.mark.slow
def test_analyze_while_an_ingest_runs_both_finish(demo_db: Path, tmp_path: Path, seeds_dir: Path) -> None:
    db = copy_store(demo_db, tmp_path / "busy.db")
    before = _count(db)
    procs = [_framing("ingest", str(seeds_dir), "--db", str(db), cwd=tmp_path),
             _framing("analyze", "--force", "--db", str(db), cwd=tmp_path),
             _framing("report", "--format", "json", "--db", str(db), cwd=tmp_path)]
    outs = [p.communicate(timeout=600) for p in procs]
    for p, (out, err) in zip(procs, outs):
        assert p.returncode == 0, err
        assert "Traceback" not in err
    assert outs[1][0].startswith("analysed ")
    assert _count(db) == before + 5
    assert _integrity(db) == "ok"


@pytest.mark.slow
def test_the_migration_waits_for_another_writer(tmp_path: Path) -> None:
    """A process opening a new store while another one is migrating it waits
    for the lock and then finds the schema done (it used to read version 0,
    migrate again and fail on 'table articles already exists')."""
    db = tmp_path / "race.db"
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("PRAGMA journal_mode = WAL")
    holder.execute("BEGIN IMMEDIATE")
    script = f"from framing.store import Store; s = Store({str(db)!r}); print(s.count(), s.schema_version)"
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        proc.wait(timeout=3)
    except subprocess.TimeoutExpired:
        pass
    assert proc.returncode is None  # waiting for the lock
    for script_sql in MIGRATIONS:  # what the first framing process does under its lock
        for statement in script_sql.split(";"):
            if statement.strip():
                holder.execute(statement)
    holder.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    holder.execute("COMMIT")
    out, err = proc.communicate(timeout=120)
    holder.close()
    assert proc.returncode == 0, err
    assert out.split() == ["0", str(SCHEMA_VERSION)]


# --- fuzz: anything a loader may hand the store ----------------------------------------

HOSTILE = ["\ud800", "\udcff", "\ud83d\ude00", "\x00", "\x1b[2J", "\x1b]8;;https://x.example\x07y\x1b]8;;\x07",
           "\x1b]0;title\x07", "\x9b31m", "\r", "\u202e", "=HYPERLINK(\"x\")", "+1", "-1", "@SUM(A1)", "\t",
           "\ufffe", "\uffff", "é", " ", "\n\n"]
TEXT = st.one_of(
    st.text(st.characters(exclude_categories=()), max_size=60),
    st.lists(st.sampled_from(HOSTILE) | st.text(max_size=4), max_size=6).map("".join),
)
OPTIONAL = st.none() | TEXT


@st.composite
def articles(draw: st.DrawFn) -> Article:
    """Any article a loader could hand over; the metadata fields share one
    drawn text or None (a cheaper draw, and the store treats them alike)."""
    meta = draw(OPTIONAL)
    return Article(
        source=draw(TEXT), body=draw(TEXT), title=draw(OPTIONAL), outlet=draw(OPTIONAL),
        byline=meta, dateline=meta, date=meta, url=meta, event=meta, source_id=draw(OPTIONAL),
        notes=[meta] if meta else [], raw=draw(st.binary(max_size=16)),
    )


def _storable(value: str | None) -> bool:
    try:
        value and value.encode("utf-8")
        return True
    except UnicodeEncodeError:
        return False


def _as_stored(text: str) -> str:
    """Surrogate pairs as the character they encode, lone surrogates as U+FFFD."""
    out, i = [], 0
    while i < len(text):
        c = text[i]
        nxt = text[i + 1] if i + 1 < len(text) else ""
        if "\ud800" <= c <= "\udbff" and "\udc00" <= nxt <= "\udfff":
            out.append(chr(0x10000 + ((ord(c) - 0xD800) << 10) + ord(nxt) - 0xDC00))
            i += 2
            continue
        out.append("\ufffd" if "\ud800" <= c <= "\udfff" else c)
        i += 1
    return "".join(out)


class _FuzzStore:
    """One store for every example of a property, with the first article kept aside."""

    def __init__(self) -> None:
        # In memory-backed /dev/shm where there is one: the property is about
        # what is stored, not about the disk, and 10,000 fsyncs take minutes.
        shm = "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else None
        self.dir = tempfile.mkdtemp(prefix="framing-fuzz-", dir=shm)
        self.store = Store(Path(self.dir) / "fuzz.db")
        first = Article(source="first.txt", body="The first article, stored before any fuzz.", raw=b"1")
        self.first_id = self.store.put(first, path_key="/first").article_id
        self.n = 0

    def check(self, art: Article) -> None:
        self.n += 1
        out = self.store.put(art, path_key=f"/fuzz/{self.n}", record=art.source)
        got = self.store.article(out.article_id)
        for name in ("body", "title", "outlet", "byline", "dateline", "date", "url", "event"):
            want, have = getattr(art, name), getattr(got, name)
            if out.status == "unchanged":  # the same input was stored before (same raw bytes)
                assert _storable(have)
            elif _storable(want):
                assert have == want, name
            else:
                assert have == _as_stored(want), name
                assert any("U+FFFD" in n for n in got.notes)
        assert _storable(got.source) and all(_storable(n) for n in got.notes)
        assert self.store.article(self.first_id).body == "The first article, stored before any fuzz."

    def close(self) -> None:
        assert self.store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        self.store.close()
        shutil.rmtree(self.dir)


@pytest.fixture(scope="module")
def fuzz_store() -> Iterator[_FuzzStore]:
    fs = _FuzzStore()
    yield fs
    fs.close()


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(articles())
def test_the_store_takes_any_article_fast(fuzz_store: _FuzzStore, art: Article) -> None:
    fuzz_store.check(art)


@pytest.mark.slow
@settings(max_examples=10_000, deadline=None, suppress_health_check=list(HealthCheck))
@given(articles())
def test_the_store_takes_any_article(fuzz_store: _FuzzStore, art: Article) -> None:
    fuzz_store.check(art)

