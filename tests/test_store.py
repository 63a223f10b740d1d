"""The SQLite store: schema migrations, content-hash keys, per-article
transactions, and survival of a killed ingest."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from framing.errors import NotFound, StoreError
from framing.models import Article
from framing.store import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION, Store


def _article(body: str = "Ardelia and Velmora signed the accord.", **kw) -> Article:
    return Article(source="a.txt", body=body, raw=body.encode(), **kw)


def test_new_store_is_at_current_schema_in_wal_mode(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        assert store.schema_version == SCHEMA_VERSION == len(MIGRATIONS)
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_migrations_run_from_an_older_version(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    conn = sqlite3.connect(db)
    conn.executescript(MIGRATIONS[0] + "; PRAGMA user_version = 1;")
    conn.execute(
        "INSERT INTO articles (path_key, record, fingerprint, source, format, outlet_from, body, words, raw)"
        " VALUES ('k', '', 'f', 'a.txt', 'text', 'unknown', 'body text', 2, x'00')"
    )
    conn.commit()
    conn.close()
    with Store(db) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert [a.body for a in store.articles()] == ["body text"]  # nothing lost
        assert store.conn.execute("SELECT count(*) FROM hits").fetchone()[0] == 0


def test_store_from_a_newer_framing_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "new.db"
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")  # what every framing store carries
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StoreError, match="newer than this framing"):
        Store(db)


def test_a_file_that_is_not_sqlite_is_a_store_error(tmp_path: Path) -> None:
    db = tmp_path / "notes.db"
    db.write_text("these are my notes, not a database\n" * 100)
    with pytest.raises(StoreError, match="notes.db: not a framing store"):
        Store(db)


def test_put_adds_then_keeps_then_updates_in_place(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        first = store.put(_article(outlet="Almera Courier"), path_key="/x/a.txt")
        assert first.status == "added"
        again = store.put(_article(outlet="Almera Courier"), path_key="/x/a.txt")
        assert (again.status, again.article_id) == ("unchanged", first.article_id)
        changed = store.put(_article("A new text.", outlet="Almera Courier"), path_key="/x/a.txt")
        assert (changed.status, changed.article_id) == ("updated", first.article_id)
        assert store.count() == 1
        assert store.article(first.article_id).body == "A new text."


def test_raw_input_is_kept_and_read_only_on_request(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        aid = store.put(_article(), path_key="/x/a.txt").article_id
        assert store.article(aid).raw == b""
        assert store.article(aid, raw=True).raw == _article().raw


def test_same_content_under_another_path_is_unchanged(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        store.put(_article(), path_key="/old/a.txt")
        moved = store.put(Article(source="moved/a.txt", body=_article().body, raw=_article().raw),
                          path_key="/new/a.txt")
        assert moved.status == "unchanged" and moved.same_as == "a.txt"
        assert store.count() == 1


def test_changing_what_the_manifest_says_updates_the_article(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        store.put(_article(outlet="Almera Courier"), path_key="/x/a.txt")
        out = store.put(_article(outlet="Kesh Daily Standard"), path_key="/x/a.txt")
        assert out.status == "updated"
        assert store.article(out.article_id).outlet == "Kesh Daily Standard"


def test_updating_an_article_forgets_its_old_hits(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        aid = store.put(_article(), path_key="/x/a.txt").article_id
        with store.transaction() as conn:
            conn.execute(
                "INSERT INTO hits (article, field, start, \"end\", text, term, category, explanation,"
                " voice, probability, loaded, lexicon_version) VALUES"
                " (?, 'body', 0, 7, 'Ardelia', 't', 'labeling', 'e', 'narration', 0.9, 1, 'v')", (aid,))
        store.put(_article("Changed."), path_key="/x/a.txt")
        assert store.conn.execute("SELECT count(*) FROM hits").fetchone()[0] == 0


def test_a_failed_transaction_keeps_what_was_stored(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        store.put(_article(), path_key="/x/a.txt")
        with pytest.raises(ZeroDivisionError):
            with store.transaction() as conn:
                conn.execute("DELETE FROM articles")
                1 / 0
        assert store.count() == 1


def test_unknown_article_is_not_found(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store, pytest.raises(NotFound, match="no article 42"):
        store.article(42)


def test_json_cache_round_trips(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        store.cache_put("model", {"coef": [0.5, -1.25], "vocab": ["a", "b"]})
        assert store.cache_get("model") == {"coef": [0.5, -1.25], "vocab": ["a", "b"]}
        assert store.cache_get("missing") is None


@pytest.mark.slow
def test_kill_9_mid_ingest_keeps_every_committed_article(tmp_path: Path) -> None:
    """A writer killed with SIGKILL loses at most the article it was writing."""
    db = tmp_path / "killed.db"
    script = textwrap.dedent(f"""
        import sys
        from framing.models import Article
        from framing.store import Store
        store = Store({str(db)!r})
        i = 0
        while True:
            body = f"Article number {{i}} about the accord. " * 50
            store.put(Article(source=f"a{{i}}.txt", body=body, raw=body.encode()), path_key=f"/k/{{i}}")
            i += 1
            if i == 20:
                print("ready", flush=True)
    """)
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    time.sleep(0.3)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    proc.stdout.close()
    with Store(db) as store:
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = list(store.articles())
        assert len(stored) >= 20
        # Every committed article is whole, and the ids are a gap-free run.
        for art in stored:
            n = int(art.source[1:-4])
            assert art.body == f"Article number {n} about the accord. " * 50
        assert sorted(int(a.source[1:-4]) for a in stored) == list(range(len(stored)))
