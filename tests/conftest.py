"""Shared fixtures: the real inputs (seeds, demo corpus, data sets) and stores
built from them. The seeds and data sets are read from ../shared beside the
repository, never copied into it."""

from __future__ import annotations

import contextlib
import importlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from framing.corpus import ingest
from framing.resources import as_path, demo_corpus
from framing.store import Store

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("FRAMING_SHARED", REPO.parent / "shared"))
SEEDS = SHARED / "seeds"
DATA = SHARED / "data"

#: An invented news story (the pasted-page loader tests wrap it in page furniture of many shapes).
FERRY_HEADLINE = "Portvale ferry crews return after a week of talks"
FERRY_P1 = ("Ferry crews in Portvale went back to work on Thursday after the harbour board agreed to pay "
      "early shifts at the weekend rate, ending a walkout that had stranded island commuters.")
FERRY_P2 = ("The deal runs until the end of next year, the crews' union said, and its members will vote "
      "on it at a meeting later this month.")
FERRY_P3 = ("The board said timetables would be back to normal by Saturday, with extra sailings on the "
      "busiest route to clear the queue of lorries.")


def pytest_configure(config: pytest.Config) -> None:
    """The tests keep framing's user folders (the fitted-model and word-list
    cache, saved sentence models) in a temporary folder of their own, never in
    the user's home; subprocesses inherit it. A test that sets FRAMING_HOME
    itself (monkeypatch) still wins."""
    import tempfile

    config._framing_home = tempfile.mkdtemp(prefix="framing-test-home-")  # type: ignore[attr-defined]
    os.environ["FRAMING_HOME"] = config._framing_home  # type: ignore[attr-defined]


def pytest_unconfigure(config: pytest.Config) -> None:
    home = getattr(config, "_framing_home", None)
    if home:
        shutil.rmtree(home, ignore_errors=True)


def _need(path: Path) -> Path:
    if not path.exists():
        pytest.fail(f"{path} is missing: the tests read the seeds and data sets from ../shared "
                    "beside the repository (or $FRAMING_SHARED)")
    return path


@contextlib.contextmanager
def benchmark_module(name: str) -> Iterator[ModuleType]:
    """A script of ``benchmarks/`` imported as a module, its folder on
    ``sys.path`` while the caller uses it (the scripts import each other)."""
    folder = str(REPO / "benchmarks")
    sys.path.insert(0, folder)
    try:
        yield importlib.import_module(name)
    finally:
        sys.path.remove(folder)


def seed_file(prefix: str) -> Path:
    """The seed page whose name starts with ``prefix`` ('000'...'004')."""
    matches = sorted(_need(SEEDS).glob(f"{prefix}_*.txt"))
    if not matches:
        pytest.fail(f"no seed {prefix}_*.txt in {SEEDS}")
    return matches[0]


def copy_store(src: Path, dst: Path) -> Path:
    """A private copy of a store file (its WAL checkpointed first, so one file holds everything)."""
    with Store(src) as store:
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(src, dst)
    return dst


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return _need(SEEDS)


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return _need(DATA)


@pytest.fixture(scope="session")
def seed_files(seeds_dir: Path) -> dict[str, Path]:
    """Seed number ('000'...'004') → file."""
    return {p.name[:3]: p for p in sorted(seeds_dir.glob("0*.txt"))}


@pytest.fixture(scope="session")
def seeds_db(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Path:
    """A store holding the five seeds, ingested once per session. Copy before writing."""
    db = tmp_path_factory.mktemp("seeds") / "seeds.db"
    with Store(db) as store:
        reports = list(ingest(store, [seeds_dir]))
    assert all(r.ok for r in reports), [str(e) for r in reports for e in r.errors]
    return db


@pytest.fixture()
def seeds_store(seeds_db: Path, tmp_path: Path):
    """A private, writable copy of the seeds store."""
    with Store(copy_store(seeds_db, tmp_path / "seeds.db")) as store:
        yield store


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding the bundled demo corpus, ingested once per session."""
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    with as_path(demo_corpus()) as corpus, Store(db) as store:
        reports = list(ingest(store, [(corpus, "corpus")]))
    assert all(r.ok for r in reports), [str(e) for r in reports for e in r.errors]
    return db


def one_event(*bodies: str, outlets: tuple[str, ...] = ("Almera Courier", "Kesh Daily"),
              dates: tuple[str, ...] = ("2026-03-12", "2026-03-12")):
    """An invented event for the compare stage: the i-th body written by the
    i-th outlet on the i-th date, as articles, and their analyses by the
    shipped lexicon's detector (fitted once a process)."""
    from framing.detect import Detector, load_lexicon
    from framing.models import Article

    detector = Detector(load_lexicon()).fit()
    arts = [Article(id=i, source=f"{i}.txt", outlet=outlet, date=day, body=body)
            for i, (outlet, day, body) in enumerate(zip(outlets, dates, bodies), 1)]
    return arts, {a.id: detector.analyze(a) for a in arts}


def table_actors(*bodies: str) -> set[str]:
    """The actors of the naming table of :func:`one_event` over ``bodies``."""
    from framing.compare.naming import naming

    arts, an = one_event(*bodies)
    return {r.actor for r in naming(arts, an, max_actors=None)}


def run_framing(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None,
                input: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real ``framing`` command in a subprocess (``python -m framing``)."""
    full_env = {k: v for k, v in os.environ.items() if k != "FRAMING_DB"}
    full_env.update({"PYTHONIOENCODING": "utf-8", **(env or {})})
    return subprocess.run(
        [sys.executable, "-m", "framing", *args], cwd=cwd, env=full_env, input=input,
        capture_output=True, text=True, timeout=600,
    )
