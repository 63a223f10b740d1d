"""The whole classroom job as one library call, the same steps as
``framing classroom``: ingest into a store, analyse, build the report, make
the materials of one event, write them::

    from framing.classroom.pipeline import run
    result = run(["pages/"], "class/", blind=True, level="middle")
    print(result.materials.letter_key)
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..compare.model import Report
from ..errors import NothingToCompare
from ..store import DEFAULT_DB, Store
from .materials import ClassroomError, Materials, make_materials
from .write import write_materials

PathLike = str | os.PathLike[str]


@dataclass
class ClassroomResult:
    out: Path
    report: Report
    materials: Materials
    written: list[Path] = field(default_factory=list)
    failed: int = 0


def store_quotations(store: Store, report: Report) -> dict[int, list[Any]]:
    """The detector's quotations in the bodies of the report's articles, as stored by the analysis."""
    analyses = store.analyses(list(report.texts))
    return {aid: an.quotations_in("body") for aid, an in analyses.items()}


def run(paths: Iterable[PathLike | tuple[PathLike, str]], out: PathLike, *, event: str | None = None,
        blind: bool = False, level: str = "high", paper: str = "a4", pdf: bool = True,
        lexicon_dirs: Sequence[PathLike] = (), on_ingest: Callable[[Any], int] | None = None,
        note: Callable[[str], None] | None = None) -> ClassroomResult:
    """Ingest ``paths`` into ``out/framing.db``, compare, and write the
    classroom materials of one event into ``out``. ``on_ingest`` gets the
    lazy ingest run (one report per file as it is stored) and returns the
    number of failures."""
    from ..corpus import iter_ingest
    from ..detect import load_lexicon
    from ..pipeline import compare_store

    out_dir = Path(out)
    paths = list(paths)
    for given in paths:
        folder = Path(given[0] if isinstance(given, tuple) else given)
        if folder.is_dir() and folder.resolve() == out_dir.resolve():
            # its pages (handout.html...) would be read back in as articles next time
            raise ClassroomError(f"{out_dir}: is the input folder; give --out a folder of its own "
                                 f"(e.g. {folder / 'classroom'})")
    lexicon = load_lexicon(lexicon_dirs)
    out_dir.mkdir(parents=True, exist_ok=True)
    with Store(out_dir / DEFAULT_DB) as store:
        ingesting = iter_ingest(store, paths)
        failed = on_ingest(ingesting) if on_ingest else sum(len(r.errors) for r in ingesting)
        if store.count() == 0:
            raise NothingToCompare("no articles: nothing was loaded")
        report = compare_store(store, lexicon)
        quotes = store_quotations(store, report)
    materials = make_materials(report, event=event, blind=blind, level=level, quotations=quotes)
    written = write_materials(materials, out_dir, paper=paper, pdf=pdf, note=note)
    return ClassroomResult(out=out_dir, report=report, materials=materials, written=written, failed=failed)
