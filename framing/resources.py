"""The one place that finds data shipped with framing, through
:mod:`importlib.resources`, so it works from a checkout and from an installed
wheel alike. Shipped lexicons live in the ``framing.lexicons`` package (the
repository's ``lexicons/``), the demo corpus in ``framing.demo`` (the
repository's ``corpus/``), templates in ``framing.report/templates``."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path


def lexicon_dir() -> Traversable:
    """The shipped lexicon folder."""
    return resources.files("framing.lexicons")


def demo_corpus() -> Traversable:
    """The bundled demo corpus folder."""
    return resources.files("framing.demo")


def template(name: str) -> str:
    """The text of a packaged report template."""
    return (resources.files("framing.report") / "templates" / name).read_text(encoding="utf-8")


def data_file(name: str) -> Traversable:
    """A file under ``framing/data/`` (e.g. the classifier's annotated examples)."""
    return resources.files("framing") / "data" / name


@contextmanager
def as_path(resource: Traversable) -> Iterator[Path]:
    """A real filesystem path for a packaged folder or file (extracted if zipped)."""
    with resources.as_file(resource) as path:
        yield Path(path)


def classroom_corpus() -> Traversable:
    """The classroom corpus (``corpus/classroom``): a county cup final told by
    four fictional outlets, for ``framing classroom --demo``."""
    return demo_corpus() / "classroom"
