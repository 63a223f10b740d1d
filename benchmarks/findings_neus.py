"""Draw the comparison's findings on real same-event coverage, to judge them.

NeuS-AllSides (Lee et al., NAACL 2022) puts one event's left, center and
right articles together by hand. Each article is written into a JSONL export
(title, body excerpt, outlet, the story's date and ``event`` = the story id,
so the events are the stories, not framing's grouping), ingested and compared
with the library (:func:`framing.pipeline.compare_store`). Then, at a fixed
seed, it draws

* ``quote`` findings: one outlet's version of a quotation marked ``altered``
  against the reference (speaker, reference, version, words inserted and left out);
* ``fact`` findings: one fact one outlet "left out" (kind, fact, the outlets
  carrying it, the outlet said to leave it out);
* ``naming`` findings: one naming-table row (actor, each outlet's form).

Each finding gets a stable id (``q:<event>:<articles>:<their first words>``, the same whichever is the reference; ``f:<event>:<outlet>:<fact>``,
``n:<event>:<actor>``) for the judged file ``benchmarks/data/findings_neus_judged.tsv``
(id, kind, the seed it was drawn at, judgement, reason). With ``--evidence`` the articles' texts are
printed beside each finding, for the judge only: write the output outside the
repository (the texts are the outlets').

``--score FILE`` reads a judged file and prints, per kind, how many of its
findings framing still reports now (of those drawn at ``--seed`` when given) and the precision of the judged ones it still
reports (a finding judged wrong that is gone counts as fixed; one judged right
that is gone, as lost).

    python benchmarks/findings_neus.py [--seed 40] [--quotes 50] [--facts 50] [--naming 30]
                                       [--evidence] [--score benchmarks/data/findings_neus_judged.tsv]

The data lives outside the repository (``../shared/data/neus-allsides``);
nothing of it is copied here (``$FRAMING_SHARED`` names another folder).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from framing.corpus import iter_ingest  # noqa: E402
from framing.detect import load_lexicon  # noqa: E402
from framing.evaluate.grouping import load_neus  # noqa: E402
from framing.pipeline import compare_store  # noqa: E402
from framing.store import Store  # noqa: E402
from framing.text import fold  # noqa: E402

DEFAULT_DATA = (
    Path(os.environ.get("FRAMING_SHARED", ROOT.parent / "shared")) / "data" / "neus-allsides" / "raw_crawled"
    / "headline_11_2021-10-19_crawled_all.jsonl"
)


def export(data: Path, out: Path) -> int:
    """Write one JSONL record per article (as ``framing eval grouping`` reads
    NeuS-AllSides), ``event`` = the story id."""
    articles, truth = load_neus(data)
    with out.open("w", encoding="utf-8") as w:
        for a in articles:
            side = a.source.rsplit("/", 1)[1]
            w.write(json.dumps({
                "id": a.source.replace("/", "-"),
                "event": f"neus-{truth[a.id]}",
                "outlet": a.outlet or side,
                "title": a.title or "",
                "text": a.body,
                "date": a.date or "",
            }, ensure_ascii=False) + "\n")
    return len(articles)


def compare(data: Path, tmp: Path):
    path = tmp / "neus.jsonl"
    export(data, path)
    with Store(tmp / "framing.db") as store:
        for _ in iter_ingest(store, [path]):
            pass
        report = compare_store(store, load_lexicon(()))
        bodies = {a.id: (a.outlet_name, a.title or "", a.body) for a in store.articles()}
    return report, bodies


def findings(report) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {"quote": [], "fact": [], "naming": []}
    for ev in report.events:
        for q in ev.quotes:
            for v in q.versions:
                if v.relation != "altered":
                    continue
                # the pair of articles, whichever of the two is the reference
                ref = next((x.article for x in q.versions if x.text == q.reference.text
                            and x.outlet in q.reference.outlets), 0)
                pair = "-".join(str(a) for a in sorted((ref, v.article)))
                pair += ":" + "/".join(sorted(" ".join(fold(t).split()[:3]) for t in (q.reference.text, v.text)))
                out["quote"].append({
                    "id": f"q:{ev.id}:{pair}", "event": ev.id, "speaker": q.speaker,
                    "reference": q.reference.text, "reference_outlets": q.reference.outlets,
                    "outlet": v.outlet, "article": v.article, "version": v.text,
                    "inserted": v.inserted, "deleted": v.deleted,
                    "articles": sorted({x.article for x in q.versions}),
                })
        for f in ev.facts:
            for o in f.absent:
                out["fact"].append({
                    "id": f"f:{ev.id}:{o}:{f.kind}:{f.text}", "event": ev.id, "kind": f.kind,
                    "fact": f.text, "present": f.present, "outlet": o, "articles": ev.articles,
                })
        for row in ev.naming:
            if len({f.outlet for f in row.forms}) < 2:
                continue
            out["naming"].append({
                "id": f"n:{ev.id}:{row.actor}", "event": ev.id, "actor": row.actor,
                "forms": [(f.outlet, f.form, f.count) for f in row.forms], "articles": ev.articles,
            })
    return out


def draw(found: dict[str, list[dict]], seed: int, sizes: dict[str, int]) -> list[dict]:
    rng = random.Random(seed)
    drawn = []
    for kind in ("quote", "fact", "naming"):
        pool = sorted(found[kind], key=lambda d: d["id"])
        drawn += [dict(d, kind=kind) for d in rng.sample(pool, min(sizes[kind], len(pool)))]
    return drawn


def show(d: dict, bodies, evidence: bool) -> str:
    lines = [f"== {d['id']}"]
    if d["kind"] == "quote":
        lines += [f"speaker: {d['speaker']}", f"reference ({', '.join(d['reference_outlets'])}): {d['reference']}",
                  f"version ({d['outlet']}, article {d['article']}): {d['version']}",
                  f"inserted: {' '.join(d['inserted'])} | deleted: {' '.join(d['deleted'])}"]
    elif d["kind"] == "fact":
        lines += [f"{d['kind']}: {d['fact']!r} carried by {', '.join(d['present'])}; left out by {d['outlet']}"]
    else:
        lines += [f"actor: {d['actor']}"] + [f"  {o}: {form!r} x{n}" for o, form, n in d["forms"]]
    if evidence:
        for a in d["articles"]:
            o, title, body = bodies[a]
            lines += [f"--- [{a}] {o}: {title}", body]
    return "\n".join(lines)


def score(found: dict[str, list[dict]], judged: Path, seed: int | None = None) -> None:
    now = {d["id"] for ds in found.values() for d in ds}
    rows = list(csv.DictReader(judged.open(encoding="utf-8"), delimiter="\t"))
    if seed is not None:
        rows = [r for r in rows if r["seed"] == str(seed)]
    print(f"{'kind':<7} {'judged':>6} {'right':>5} {'P before':>8} | {'kept':>4} {'right':>5} "
          f"{'P after':>7} {'fixed':>5} {'lost':>4}")
    for kind in ("quote", "fact", "naming"):
        rs = [r for r in rows if r["kind"] == kind]
        if not rs:
            continue
        ok = [r for r in rs if r["judgement"] == "right"]
        kept = [r for r in rs if r["id"] in now]
        kept_ok = [r for r in kept if r["judgement"] == "right"]
        fixed = sum(1 for r in rs if r["id"] not in now and r["judgement"] != "right")
        lost = sum(1 for r in rs if r["id"] not in now and r["judgement"] == "right")
        print(f"{kind:<7} {len(rs):>6} {len(ok):>5} {len(ok) / len(rs):>8.2f} | {len(kept):>4} {len(kept_ok):>5} "
              f"{(len(kept_ok) / len(kept) if kept else 0):>7.2f} {fixed:>5} {lost:>4}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--seed", type=int, default=40)
    ap.add_argument("--quotes", type=int, default=50)
    ap.add_argument("--facts", type=int, default=50)
    ap.add_argument("--naming", type=int, default=30)
    ap.add_argument("--evidence", action="store_true", help="print the articles' texts (keep outside the repo)")
    ap.add_argument("--score", type=Path, help="a judged TSV: precision before and now")
    args = ap.parse_args()
    args.seed_given = "--seed" in sys.argv
    with tempfile.TemporaryDirectory() as tmp:
        report, bodies = compare(args.data, Path(tmp))
    found = findings(report)
    print(f"# events {len(report.events)}; " + ", ".join(f"{k} {len(v)}" for k, v in found.items())
          + "; relations " + str(dict(Counter(v.relation for ev in report.events for q in ev.quotes
                                                for v in q.versions))))
    if args.score:
        score(found, args.score, args.seed if args.seed_given else None)
        return
    for d in draw(found, args.seed, {"quote": args.quotes, "fact": args.facts, "naming": args.naming}):
        print(show(d, bodies, args.evidence))
        print()


if __name__ == "__main__":
    main()
