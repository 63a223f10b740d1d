"""Throughput and peak memory of each pipeline stage, each against a baseline
measured in the same run.

The corpus is the demo corpus (16 articles, 4 events; or the corpus folder
given with ``--demo``, e.g. another checkout's, so two versions of framing
can be timed on the same articles) copied ``--copies`` times into one news-archive export (JSONL). Every copy differs: its dates are
shifted by ``COPY_SHIFT_DAYS`` per copy, so each copy's stories are events of
their own (as in a corpus that spans months); the fictional place and person
names are respelt per copy, so a copy is not a near-duplicate of another copy
(the demo's own wire copy stays one, within its copy); and one sentence naming
the copy is added to each body, so fingerprints differ.

Stage                       baseline (the least such a stage must do)
ingest    corpus.ingest     json.loads each record, commit its text to SQLite, one
                            transaction per record (as framing does)
analyze   detect.analyze    one compiled regex of every lexicon term and variant
                            (whole words) over the same titles and bodies, lower-cased
compare   compare_store     sklearn TfidfVectorizer fit on the same texts plus the
                            cosine similarity matrix (the core of event grouping)
render    report.write_all  json.dumps of the report's dict, written to one file

Time is measured without tracing; peak memory (tracemalloc) in a second,
traced run of the same stage on the same input, since tracing slows Python
code. The ratios say what framing costs over the baseline on this machine,
now, so they can be compared across machines. Two sizes are run (``--copies``
and ``--scale`` times that) to show how each stage grows; the second is timed
only, unless ``--memory-all``. One-off costs (loading the lexicon, training
the classifier, first imports and matplotlib's first drawing) are measured
once, in a warm-up on one copy, and kept out of the stage numbers.

    python benchmarks/bench_pipeline.py [--copies 4] [--scale 2] [--stages ingest,analyze,...]
                                        [--no-memory] [--profile STAGE] [--demo DIR]
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import json
import pstats
import re
import shutil
import sqlite3
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from framing.corpus import ingest, load  # noqa: E402
from framing.detect import Detector, analyze, load_lexicon  # noqa: E402
from framing.pipeline import compare_store  # noqa: E402
from framing.report import write_all  # noqa: E402
from framing.resources import as_path, demo_corpus  # noqa: E402
from framing.store import Store  # noqa: E402

#: Days between copies: more than the grouping window (7 days), so one copy's
#: event never merges with the next copy's.
COPY_SHIFT_DAYS = 14
STAGES = ("ingest", "analyze", "compare", "render")


# -- the corpus -------------------------------------------------------------------

#: Stems of the demo world's fictional place and person names (corpus/README.md),
#: and "glacier" (the glacier story names few actors). Each copy respells them
#: ("Ardelia" -> "Ardelicea"), so a copy is a new story about new actors and not
#: a near-duplicate (>= 80% shared word 5-shingles) of the same story in another copy.
#: Outlet names (and "Meridian" in datelines) are kept: the same outlets cover
#: every copy's events.
NAME_STEMS = (
    "Ardeli", "Velmor", "Norland", "Almera", "Kesh", "Siran", "Tarn", "Dellin", "Orsk",
    "Brennvik", "Skarn", "Saltmere", "Varenne", "Malek", "Anselm", "Brask", "Ornik", "Dano",
    "Brandt", "Lund", "Lann", "Vidal", "Ilsa", "Dorian", "Petra", "Teodor", "Sava", "Mirela",
    "Aksel", "Hanne", "Kristoffer", "Oren", "Brenn", "Astrid", "Vael", "Ragna", "Holt", "Jonas",
    "Ekre", "Glaci", "glaci",
)
_NAMES = re.compile(r"\b(" + "|".join(NAME_STEMS) + r")")


def _tag(i: int) -> str:
    """A pronounceable, letters-only infix for copy ``i`` ("" for copy 0)."""
    out = ""
    while i:
        i, d = divmod(i, 20)
        out += "bcdfghjklmnpqrstvwxz"[d] + "aeiou"[d % 5]
    return out


def respell(text: str, i: int) -> str:
    tag = _tag(i)
    return _NAMES.sub(lambda m: m.group(1) + tag, text) if tag else text


#: The corpus folder to copy (``--demo``); None: the packaged demo corpus.
DEMO_DIR: Path | None = None


def make_corpus(path: Path, copies: int) -> tuple[int, int]:
    """Write ``copies`` copies of the demo corpus as one JSONL export; return
    (articles, bytes of title + body text)."""
    if DEMO_DIR is not None:
        demo = load(DEMO_DIR)
    else:
        with as_path(demo_corpus()) as folder:
            demo = load(folder)
    n = text_bytes = 0
    with path.open("w", encoding="utf-8") as fh:
        for i in range(copies):
            for j, a in enumerate(demo):
                day = date.fromisoformat((a.date or "2026-03-12")[:10]) + timedelta(days=COPY_SHIFT_DAYS * i)
                title = respell(a.title or "", i)
                body = respell(a.body, i) + f"\n\nThis is copy {i} of the story, filed on {day.isoformat()}."
                record = {
                    "stories_id": f"{i}-{j}",
                    "media_name": a.outlet,
                    "url": (a.url or f"https://demo.example/{j}") + f"?copy={i}",
                    "publish_date": day.isoformat(),
                    "title": title,
                    "language": "en",
                    "text": body,
                }
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
                n += 1
                text_bytes += len((title + body).encode("utf-8"))
    return n, text_bytes


# -- framing stages and baselines ---------------------------------------------------

def framing_ingest(ctx: dict[str, Any]) -> None:
    with Store(ctx["db"]) as store:
        for report in ingest(store, [ctx["export"]]):
            if report.errors:
                raise SystemExit(f"benchmark input failed: {report.errors[0]}")


def baseline_ingest(ctx: dict[str, Any]) -> None:
    conn = sqlite3.connect(ctx["base_db"], isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("CREATE TABLE IF NOT EXISTS raw (id TEXT PRIMARY KEY, title TEXT, body TEXT, raw TEXT)")
    with open(ctx["export"], encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("INSERT OR REPLACE INTO raw VALUES (?, ?, ?, ?)",
                         (rec["stories_id"], rec["title"], rec["text"], line))
            conn.execute("COMMIT")
    conn.close()


def framing_analyze(ctx: dict[str, Any]) -> None:
    with Store(ctx["db"]) as store:
        analyze(store, ctx["detector"], force=True)


def baseline_analyze(ctx: dict[str, Any]) -> None:
    # Lower-casing first and matching case-sensitively gives the same matches as
    # re.IGNORECASE and runs about four times faster: the stronger baseline.
    terms = {t.lower() for e in ctx["lexicon"].entries for t in (e.term, *e.variants)}
    alternation = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
    pattern = re.compile(rf"\b(?:{alternation})\b")
    found = 0
    for title, body in ctx["texts"]:
        found += len(pattern.findall(title.lower())) + len(pattern.findall(body.lower()))
    ctx["baseline_matches"] = found


def framing_compare(ctx: dict[str, Any]) -> None:
    with Store(ctx["db"]) as store:
        ctx["report"] = compare_store(store, ctx["detector"])


def baseline_compare(ctx: dict[str, Any]) -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer

    X = TfidfVectorizer(sublinear_tf=True).fit_transform([f"{t}\n{b}" for t, b in ctx["texts"]])
    (X @ X.T).toarray()


def framing_render(ctx: dict[str, Any]) -> None:
    out = Path(ctx["tmp"]) / "report"
    shutil.rmtree(out, ignore_errors=True)
    write_all(ctx["report"], out)


def baseline_render(ctx: dict[str, Any]) -> None:
    out = Path(ctx["tmp"]) / "baseline-report.json"
    out.write_text(json.dumps(ctx["report"].to_dict(), ensure_ascii=False), encoding="utf-8")


PAIRS: dict[str, tuple[Callable[[dict[str, Any]], None], Callable[[dict[str, Any]], None], str]] = {
    "ingest": (framing_ingest, baseline_ingest, "json.loads + SQLite commit per record"),
    "analyze": (framing_analyze, baseline_analyze, "one regex of all lexicon terms over lower-cased text"),
    "compare": (framing_compare, baseline_compare, "sklearn TfidfVectorizer + cosine matrix"),
    "render": (framing_render, baseline_render, "json.dumps of the report"),
}


def reset(stage: str, ctx: dict[str, Any]) -> None:
    """Make a repeated run of a stage start from the same state."""
    if stage == "ingest":
        for name in ("db", "base_db"):
            for suffix in ("", "-wal", "-shm"):
                Path(str(ctx[name]) + suffix).unlink(missing_ok=True)


def timed(fn: Callable[[dict[str, Any]], None], ctx: dict[str, Any]) -> float:
    gc.collect()
    t0 = time.perf_counter()
    fn(ctx)
    return time.perf_counter() - t0


def traced(fn: Callable[[dict[str, Any]], None], ctx: dict[str, Any]) -> int:
    gc.collect()
    tracemalloc.start()
    fn(ctx)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def fixed_costs(tmp: Path) -> dict[str, float]:
    """One-off costs paid once per process, kept out of the per-stage numbers:
    loading and validating the lexicon, training the classifier (when the store
    has no cached model), and a warm-up run of every stage on one copy (first
    imports, e.g. matplotlib, and matplotlib's first drawing, which loads fonts)."""
    out = {}
    t0 = time.perf_counter()
    lexicon = load_lexicon()
    out["load_lexicon"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    Detector(lexicon).fit()
    out["train classifier"] = time.perf_counter() - t0
    warm = tmp / "warm-up"
    warm.mkdir()
    ctx, _, _ = new_context(1, warm)
    for stage in STAGES:
        t0 = time.perf_counter()
        PAIRS[stage][0](ctx)
        out[f"warm-up {stage}"] = time.perf_counter() - t0
    shutil.rmtree(warm)
    return out


def new_context(copies: int, tmp: Path) -> tuple[dict[str, Any], int, int]:
    ctx: dict[str, Any] = {"tmp": tmp, "export": tmp / "export.jsonl", "db": tmp / "framing.db",
                           "base_db": tmp / "baseline.db"}
    lexicon = load_lexicon()
    ctx["detector"] = Detector(lexicon).fit()  # trained once, outside the timings (see fixed_costs)
    ctx["lexicon"] = lexicon
    n, nbytes = make_corpus(ctx["export"], copies)
    return ctx, n, nbytes


def run_size(copies: int, tmp: Path, *, memory: bool = True,
             stages: tuple[str, ...] = STAGES) -> dict[str, dict[str, float]]:
    ctx, n, nbytes = new_context(copies, tmp)
    with open(ctx["export"], encoding="utf-8") as fh:
        ctx["texts"] = [(r["title"] or "", r["text"]) for r in map(json.loads, fh)]
    results: dict[str, dict[str, float]] = {}
    last = max(STAGES.index(s) for s in stages)
    for stage in STAGES[:last + 1]:
        fw, base, _ = PAIRS[stage]
        if stage not in stages:  # a later stage needs its output: run it, untimed
            fw(ctx)
            continue
        reset(stage, ctx)
        r = {"articles": n, "mb": nbytes / 1e6, "base_t": timed(base, ctx), "t": timed(fw, ctx)}
        if memory:
            reset(stage, ctx)
            r["base_mem"] = traced(base, ctx)
            r["mem"] = traced(fw, ctx)
        if "report" in ctx:
            r["events"] = len(ctx["report"].events)
            r["hits"] = len(ctx["report"].hits)
        results[stage] = r
    for suffix in ("", "-wal", "-shm"):
        for name in ("db", "base_db"):
            Path(str(ctx[name]) + suffix).unlink(missing_ok=True)
    return results


def print_size(copies: int, res: dict[str, dict[str, float]]) -> None:
    first = next(iter(res.values()))
    last = list(res.values())[-1]
    print(f"\n{copies} copies of the demo corpus: {first['articles']} articles, {first['mb']:.2f} MB of text"
          + (f", {last['events']:.0f} events, {last['hits']:.0f} hits" if "events" in last else ""))
    print(f"  {'stage':8s} {'':9s} {'articles/s':>10s} {'MB/s':>7s} {'seconds':>8s} {'peak MB':>8s}")
    for stage in res:
        r = res[stage]
        n, mb = r["articles"], r["mb"]
        for who, t, mem in (("baseline", r["base_t"], r.get("base_mem")), ("framing", r["t"], r.get("mem"))):
            m = f"{mem / 1e6:8.1f}" if mem is not None else f"{'-':>8s}"
            print(f"  {stage if who == 'baseline' else '':8s} {who:9s} {n / t:10.0f} {mb / t:7.2f} {t:8.3f} {m}")
        ratio = f"  {'':8s} ratio framing/baseline: time x{r['t'] / r['base_t']:.1f}"
        if "mem" in r:
            ratio += f", peak memory x{r['mem'] / max(r['base_mem'], 1):.1f}"
        print(ratio)


def print_scaling(small: int, big: int, a: dict[str, dict[str, float]], b: dict[str, dict[str, float]]) -> None:
    k = big / small
    print(f"\nscaling: {small} -> {big} copies (x{k:g} articles); time grows x{k:g} if linear, "
          f"x{k * k:g} if quadratic")
    print(f"  {'stage':8s} {'framing':>8s} {'baseline':>9s}")
    for stage in a:
        print(f"  {stage:8s} {'x%.2f' % (b[stage]['t'] / a[stage]['t']):>8s} "
              f"{'x%.2f' % (b[stage]['base_t'] / a[stage]['base_t']):>9s}")


def profile(stage: str, copies: int, tmp: Path, top: int = 15) -> None:
    """cProfile one framing stage (after running the stages before it) and print
    the functions with the most cumulative and own time."""
    fixed_costs(tmp)
    ctx, _, _ = new_context(copies, tmp)
    for before in STAGES[:STAGES.index(stage)]:
        PAIRS[before][0](ctx)
    prof = cProfile.Profile()
    prof.enable()
    PAIRS[stage][0](ctx)
    prof.disable()
    for key in ("cumulative", "tottime"):
        buf = io.StringIO()
        pstats.Stats(prof, stream=buf).strip_dirs().sort_stats(key).print_stats(top)
        print(f"\n--- {stage}, {copies} copies, top {top} by {key} ---")
        print("\n".join(line for line in buf.getvalue().splitlines()[6:] if line.strip()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=4, help="copies of the demo corpus (default %(default)s)")
    parser.add_argument("--scale", type=float, default=2.0,
                        help="the second size is this many times --copies; 0 runs one size (default %(default)s)")
    parser.add_argument("--no-memory", action="store_true", help="skip the traced runs (faster)")
    parser.add_argument("--memory-all", action="store_true",
                        help="trace memory at the second size too (by default only the first size is "
                             "traced: tracing slows the chart drawing about threefold)")
    parser.add_argument("--stages", default=",".join(STAGES),
                        help="comma-separated stages to measure (default: all); earlier stages they "
                             "need run untimed")
    parser.add_argument("--profile", choices=STAGES, help="only cProfile this framing stage at --copies")
    parser.add_argument("--demo", type=Path, default=None,
                        help="copy this corpus folder instead of the packaged demo corpus (bench_versus "
                             "passes the baseline checkout's, so both sides time the same articles)")
    args = parser.parse_args(argv)
    global DEMO_DIR
    DEMO_DIR = args.demo
    with tempfile.TemporaryDirectory() as tmp:
        if args.profile:
            profile(args.profile, args.copies, Path(tmp))
            return 0
        print("baselines: " + "; ".join(f"{s}: {PAIRS[s][2]}" for s in STAGES))
        print("one-off costs per process (not in the stage timings): "
              + ", ".join(f"{k} {v:.2f} s" for k, v in fixed_costs(Path(tmp)).items()))
        stages = tuple(s for s in STAGES if s in args.stages.split(","))
        if not stages:
            parser.error(f"--stages: choose from {', '.join(STAGES)}")
        small = run_size(args.copies, Path(tmp), memory=not args.no_memory, stages=stages)
        print_size(args.copies, small)
        if args.scale:
            big_n = max(args.copies + 1, round(args.copies * args.scale))
            big = run_size(big_n, Path(tmp), memory=args.memory_all and not args.no_memory, stages=stages)
            print_size(big_n, big)
            print_scaling(args.copies, big_n, small, big)
    return 0


if __name__ == "__main__":
    sys.exit(main())
