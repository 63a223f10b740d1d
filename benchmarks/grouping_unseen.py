"""False merges of event grouping on pages that are (nearly) all different stories.

A collection of unrelated pages — htmldate's 200 Media Cloud pages (2020, many
languages), Mozilla Readability's 130 test pages, either saved HTML or the
browser's text pasted — has almost no two pages about one event, so almost
every multi-article event that grouping finds is a false merge. Each store
(made with ``framing ingest FOLDER --db STORE``) is grouped as ``framing
report`` groups it (:func:`framing.compare.grouping.events_and_copies`) with
its dates, with every date removed, and with the pages dated ten a day in
file-name order (a dense collection, where a shared day is evidence); each
multi-article event is listed with its pages' titles, so a reader can tell a
true same-story pair from a false merge, and B-cubed precision is printed
against "every page its own story". Pages named together with ``--same``
count as one story; ``--truth`` reads the real pages' ``truth.json`` (file
name -> ``event``) for those pages.

    python benchmarks/grouping_unseen.py STORE [STORE ...] [--truth truth.json]
                                         [--same a.html,b.html ...] [--no-language-stop-words] [--json OUT]

``--no-language-stop-words`` measures the grouping as it was before round 17
(only English stop words), for a before / after in one run. Nothing of the
pages is in this repository.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from framing.compare import grouping  # noqa: E402
from framing.store import Store  # noqa: E402


def _name(source: str | None) -> str:
    return Path(source or "").name


def _story(name: str, truth: dict[str, str], same: dict[str, str]) -> str:
    if name in same:
        return "same:" + same[name]
    if name in truth:
        return "truth:" + truth[name]
    return "page:" + name


def _dated(arts, how: str):
    if how == "dated":
        return arts
    if how == "undated":
        return [replace(a, date=None) for a in arts]
    order = sorted(arts, key=lambda a: (_name(a.source), a.id))  # ten a day, in file-name order
    day = {a.id: (dt.date(2020, 6, 1) + dt.timedelta(days=k // 10)).isoformat() for k, a in enumerate(order)}
    return [replace(a, date=day[a.id]) for a in arts]


def measure(path: str, truth: dict[str, str], same: dict[str, str], out=print) -> dict:
    arts = list(Store(path, readonly=True).articles())
    story = {a.id: _story(_name(a.source), truth, same) for a in arts}
    by_id = {a.id: a for a in arts}
    result = {}
    for how in ("dated", "undated", "ten-a-day"):
        t0 = time.process_time()
        events, _ = grouping.events_and_copies(_dated(arts, how))
        cpu = time.process_time() - t0
        precision = sum(sum(story[j] == story[i] for j in e.articles) / len(e.articles)
                        for e in events for i in e.articles) / max(len(arts), 1)
        multi = [e for e in events if len(e.articles) > 1]
        false = [e for e in multi if len({story[i] for i in e.articles}) > 1]
        out(f"== {path} {how}: {len(arts)} pages, {len(events)} events, {len(multi)} with more than one page, "
            f"{len(false)} joining different stories; B-cubed precision {precision:.3f} ({cpu:.1f} s CPU)")
        for e in multi:
            out(f"  {'FALSE' if e in false else 'same '} {e.id} cohesion {e.grouped_by.get('cohesion')}")
            for i in e.articles:
                a = by_id[i]
                out(f"      {_name(a.source)[:34]:34} {a.date or '-':10} {(a.outlet or '')[:18]:18} {(a.title or '')[:70]}")
        result[how] = dict(pages=len(arts), events=len(events), multi=len(multi), false=len(false),
                           precision=round(precision, 4),
                           merges=[[_name(by_id[i].source) for i in e.articles] for e in multi])
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("stores", nargs="+", help="framing stores (framing ingest FOLDER --db STORE)")
    ap.add_argument("--truth", type=Path, help="a truth.json of {file, event} records (the real pages)")
    ap.add_argument("--same", action="append", default=[], metavar="A,B,...",
                    help="file names of pages that are one story (repeatable)")
    ap.add_argument("--no-language-stop-words", action="store_true",
                    help="only English stop words, as before round 17")
    ap.add_argument("--json", type=Path, help="write the results here")
    args = ap.parse_args(argv)
    if args.no_language_stop_words:
        grouping._foreign_stops = lambda lang: None  # type: ignore[assignment]
    truth = {t["file"]: t["event"] for t in json.loads(args.truth.read_text())} if args.truth else {}
    same = {name: group.split(",")[0] for group in args.same for name in group.split(",")}
    results = {path: measure(path, truth, same) for path in args.stores}
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, sort_keys=True))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
