"""Ingest + detection of full-length articles through the CLI, start-up
included, with ``--jobs 1`` and ``--jobs 2``, an unchanged re-run, and the
baselines measured in the same run (issue 12, acceptance 2).

The corpus is ``--n`` full-length articles (default 3,000, about 3.4 KB of
text each) from Article-Bias-Prediction (Baly et al., EMNLP 2020;
``../shared/data/article-bias-prediction``): each article's paragraphs up to
3,400 characters, the 1,300 articles repeated with a line naming the copy, as
one JSONL export (Media Cloud fields) in a temporary folder, never in the
repository.

Each cold run starts with an empty user cache folder (``FRAMING_HOME``), so it
fits the classifier as the first run on a machine does (``--warm-cache``: the
user's cache folder, where an earlier run left the fitted model).

What is timed, each command in a fresh process (``python -m framing``), wall
time and CPU time (user + system of the process and its workers, from
``wait4``), peak RSS of the largest process:

    cold        framing ingest X --db D --jobs N  &&  framing analyze --db D --jobs N
    re-run      the same two commands again on the same store (nothing changed)
    detection   framing analyze --db D --force --jobs N   (detection alone)

Every command runs with framing's modules compiled to bytecode, as after a
``pip install`` or any earlier run: the benchmark compiles the package once
before timing and drops ``PYTHONDONTWRITEBYTECODE`` from the commands'
environment (where that variable is set, as on the development machines, each
process would otherwise recompile about 60 modules, some 0.1 s of CPU, which
no installed copy pays).

Baselines, in this process, on the same texts: ``json.loads`` of every line of
the export, and one ``ahocorasick_rs`` pass of every lexicon term and variant
over the lower-cased titles and bodies.

    python benchmarks/bench_jobs.py [--n 3000] [--keep DIR] [--warm-cache] [--pairs N] [--ceiling N]

``--pairs N`` then runs N alternated pairs of detection alone (``--jobs 1``,
``--jobs 2``) on the same store and prints, beside the wall times, the CPU
seconds of the one writing process and of its workers apart (``getrusage``).
``--ceiling N`` then measures, N times, what two busy cores give on this
machine: a pure-Python loop in one process, then the same loop in two
processes at once (the wall-time ratio no ``--jobs 2`` can beat here).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "article-bias-prediction" / "jsons"
CUT = 3_400  # characters of paragraphs kept per article


def lead_paragraphs(content: str, cut: int = CUT) -> str:
    """An article's non-empty paragraphs, up to the first that reaches ``cut``
    characters in all, joined by blank lines (how every benchmark cuts ABP)."""
    body: list[str] = []
    size = 0
    for para in content.split("\n"):
        if para.strip():
            body.append(para.strip())
            size += len(para)
            if size >= cut:
                break
    return "\n\n".join(body)


def make_export(data: Path, n: int, path: Path) -> tuple[int, int]:
    """Write ``n`` articles as a JSONL export; return (articles, bytes of text)."""
    arts = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(data.glob("*.json"))]
    if not arts:
        raise SystemExit(f"no articles in {data}")
    written = text_bytes = copy = 0
    with path.open("w", encoding="utf-8") as fh:
        while written < n:
            for a in arts:
                text = lead_paragraphs(a.get("content_original") or "") + f"\n\nCopy {copy}."
                fh.write(json.dumps({
                    "stories_id": f"{copy}-{a['ID']}", "media_name": a.get("source") or "",
                    "url": f"{a.get('url') or 'https://example.org/'}#{copy}",
                    "publish_date": (a.get("date") or "")[:10], "title": a.get("title") or "",
                    "language": "en", "text": text,
                }, ensure_ascii=False) + "\n")
                written += 1
                text_bytes += len(text.encode("utf-8")) + len((a.get("title") or "").encode("utf-8"))
                if written >= n:
                    break
            copy += 1
    return written, text_bytes


def _child_env() -> dict[str, str]:
    env = {**os.environ, **_HOME}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def compile_framing() -> None:
    """Compile framing's modules to bytecode, as ``pip install`` does."""
    import compileall

    import framing

    for folder in framing.__path__:
        compileall.compile_dir(folder, quiet=1)


#: FRAMING_HOME of every run: an empty folder for each cold run unless --warm-cache
#: (so a cold run also fits the classifier, as the first run on a machine does).
_HOME: dict[str, str] = {}


def _run(*args: str) -> dict[str, Any]:
    """Run ``python -m framing ARGS``: wall s, CPU s (the process and its workers,
    from wait4), peak RSS MB of the largest of them, stdout."""
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "framing", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=_child_env())
    out = proc.stdout.read() if proc.stdout else ""
    err = proc.stderr.read() if proc.stderr else ""
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - t0
    if proc.returncode:
        raise SystemExit(f"framing {' '.join(args)} failed:\n{err}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss": usage.ru_maxrss / 1024,
            "out": out}


#: ``python -c`` code that runs the CLI and, as the process exits, prints to
#: stderr the CPU seconds of the process itself ("parent": with ``--jobs N``, the
#: one that reads, writes and waits) and of its workers (``RUSAGE_CHILDREN``).
_SPLIT = """
import atexit, json, os, resource, sys
pid = os.getpid()
def _usage():
    if os.getpid() == pid:
        s, c = (resource.getrusage(w) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
        sys.stderr.write("CPU-SPLIT " + json.dumps([s.ru_utime + s.ru_stime, c.ru_utime + c.ru_stime]) + "\\n")
atexit.register(_usage)
sys.argv[0] = "framing"
from framing.cli import main
main()
"""


def _run_split(*args: str) -> dict[str, Any]:
    """:func:`_run` with the CPU seconds of the parent and of its workers apart."""
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", _SPLIT, *args], capture_output=True, text=True,
                          env=_child_env())
    wall = time.perf_counter() - t0
    lines = [ln for ln in proc.stderr.splitlines() if ln.startswith("CPU-SPLIT ")]
    if proc.returncode or not lines:
        raise SystemExit(f"framing {' '.join(args)} failed:\n{proc.stderr}")
    parent, workers = json.loads(lines[-1].split(" ", 1)[1])
    return {"wall": wall, "parent": parent, "workers": workers}


def pairs(db: Path, n: int) -> None:
    """``n`` alternated pairs of detection alone with ``--jobs 1`` and ``--jobs 2``
    on the same store: wall, CPU of the parent (the serial part) and of the workers."""
    print(f"\n{n} alternated pairs, framing analyze --db D --force --jobs 1 / --jobs 2:")
    print("| pair | load | --jobs 1 wall s | CPU s | --jobs 2 wall s | parent CPU s | workers CPU s | ratio |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    ratios = []
    for i in range(n):
        load = os.getloadavg()[0]
        one = _run_split("analyze", "--db", str(db), "--force", "--jobs", "1")
        two = _run_split("analyze", "--db", str(db), "--force", "--jobs", "2")
        ratios.append(one["wall"] / two["wall"])
        print(f"| {i + 1} | {load:.1f} | {one['wall']:.2f} | {one['parent']:.2f} | {two['wall']:.2f} | "
              f"{two['parent']:.2f} | {two['workers']:.2f} | x{ratios[-1]:.2f} |", flush=True)
    print(_spread("wall ratio --jobs 2 against --jobs 1", ratios))


def _spread(what: str, ratios: list[float]) -> str:
    """``what: median xM (min xA, max xB)``."""
    return (f"{what}: median x{sorted(ratios)[len(ratios) // 2]:.2f} "
            f"(min x{min(ratios):.2f}, max x{max(ratios):.2f})")


def _busy(n: int) -> int:
    """A CPU-bound pure-Python loop (integers, a dict, short strings)."""
    seen: dict[str, int] = {}
    total = 0
    for i in range(n):
        key = f"w{i % 5003}"
        total += seen.get(key, 0) + len(key)
        seen[key] = i & 255
    return total


def _forked_busy(copies: int, n: int) -> tuple[float, float]:
    """Wall seconds for ``copies`` forked processes running :func:`_busy` at
    once, and their CPU seconds in all (``wait4``)."""
    t0 = time.perf_counter()
    pids = []
    for _ in range(copies):
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child
            _busy(n)
            os._exit(0)
        pids.append(pid)
    cpu = 0.0
    for pid in pids:
        _, _, usage = os.wait4(pid, 0)
        cpu += usage.ru_utime + usage.ru_stime
    return time.perf_counter() - t0, cpu


def ceiling(rounds: int, n: int = 4_000_000) -> None:
    """The machine's own ceiling for two processes: one copy of a CPU-bound
    pure-Python loop, then two copies at once, ``rounds`` times. Where two
    busy cores run slower than one (shared caches, frequency, a hypervisor),
    two copies take more than one copy's wall time and more CPU per copy, and
    no ``--jobs 2`` can do better than that ratio."""
    print(f"\nthe machine's ceiling: a pure-Python loop, one copy then two at once ({rounds} rounds):")
    print("| round | load | one copy wall s | CPU s | two copies wall s | CPU s per copy | ratio |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    ratios = []
    for i in range(rounds):
        load = os.getloadavg()[0]
        w1, c1 = _forked_busy(1, n)
        w2, c2 = _forked_busy(2, n)
        ratios.append(2 * w1 / w2)
        print(f"| {i + 1} | {load:.1f} | {w1:.2f} | {c1:.2f} | {w2:.2f} | {c2 / 2:.2f} | x{ratios[-1]:.2f} |",
              flush=True)
    print(_spread("two copies against one (twice the work)", ratios))


def _sum(*runs: dict[str, Any]) -> dict[str, Any]:
    return {"wall": sum(r["wall"] for r in runs), "cpu": sum(r["cpu"] for r in runs),
            "rss": max(r["rss"] for r in runs)}


def baselines(export: Path) -> dict[str, dict[str, float]]:
    import ahocorasick_rs

    from framing.detect import read_lexicon

    t0, c0 = time.perf_counter(), time.process_time()
    records = [json.loads(line) for line in export.open(encoding="utf-8")]
    jsonl = {"wall": time.perf_counter() - t0, "cpu": time.process_time() - c0}
    texts = [((r.get("title") or "") + "\n" + (r.get("text") or "")).lower() for r in records]
    lexicon = read_lexicon()
    terms = sorted({form.lower() for e in lexicon.entries if e.match == "text" for form in e.forms})
    ac = ahocorasick_rs.AhoCorasick(terms, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
    t0, c0 = time.perf_counter(), time.process_time()
    found = sum(len(ac.find_matches_as_indexes(t)) for t in texts)
    aho = {"wall": time.perf_counter() - t0, "cpu": time.process_time() - c0, "matches": found}
    return {"jsonl": jsonl, "aho": aho}


def _digest(db: Path) -> str:
    out = _run("hits", "--db", str(db), "--format", "jsonl")["out"]
    return hashlib.sha256(out.encode("utf-8")).hexdigest()[:16]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=3000)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--keep", type=Path, help="Keep the export and stores in this folder.")
    ap.add_argument("--warm-cache", action="store_true",
                    help="Cold runs use the user's cache folder (a classifier fitted by an "
                         "earlier run) instead of an empty one.")
    ap.add_argument("--pairs", type=int, default=0, metavar="N",
                    help="Then N alternated pairs of detection alone, --jobs 1 and --jobs 2, with the "
                         "CPU of the writing parent and of its workers apart.")
    ap.add_argument("--ceiling", type=int, default=0, metavar="N",
                    help="Then N rounds of the machine's own ceiling for two processes: one copy of "
                         "a pure-Python loop, then two at once.")
    args = ap.parse_args(argv)
    compile_framing()
    tmp_ctx = tempfile.TemporaryDirectory()
    tmp = args.keep or Path(tmp_ctx.name)
    tmp.mkdir(parents=True, exist_ok=True)
    export = tmp / "archive.jsonl"
    n, text_bytes = make_export(args.data, args.n, export)
    quarter = tmp / "quarter.jsonl"
    with export.open(encoding="utf-8") as src, quarter.open("w", encoding="utf-8") as dst:
        for i, line in enumerate(src):
            if i >= n // 4:
                break
            dst.write(line)
    print(f"{n:,} articles, {text_bytes / n / 1024:.2f} KB of text each on average, "
          f"{export.stat().st_size / 1024**2:.1f} MB export; {os.cpu_count()} CPUs, "
          f"load average {os.getloadavg()[0]:.1f} at the start")

    rows: dict[str, dict[str, Any]] = {}
    for jobs in (1, 2):
        db = tmp / f"jobs{jobs}.db"
        for p in tmp.glob(f"jobs{jobs}.db*"):
            p.unlink()
        if not args.warm_cache:
            home = Path(tempfile.mkdtemp(prefix=f"home{jobs}-", dir=tmp))
            _HOME["FRAMING_HOME"] = str(home)
        ing = _run("ingest", str(export), "--db", str(db), "--jobs", str(jobs))
        ana = _run("analyze", "--db", str(db), "--jobs", str(jobs))
        rows[f"cold ingest, --jobs {jobs}"] = ing
        rows[f"cold analyze, --jobs {jobs}"] = ana
        rows[f"cold ingest + analyze, --jobs {jobs}"] = _sum(ing, ana)
    db1 = tmp / "jobs1.db"
    re_ing = _run("ingest", str(export), "--db", str(db1))
    re_ana = _run("analyze", "--db", str(db1))
    rows["re-run ingest + analyze (unchanged)"] = _sum(re_ing, re_ana)
    for jobs in (1, 2):
        rows[f"detection alone (analyze --force), --jobs {jobs}"] = _run(
            "analyze", "--db", str(db1), "--force", "--jobs", str(jobs))
    qdb = tmp / "quarter.db"
    for p in tmp.glob("quarter.db*"):
        p.unlink()
    rows[f"ingest of {n // 4:,} articles (memory check)"] = _run("ingest", str(quarter), "--db", str(qdb))
    same = _digest(tmp / "jobs1.db") == _digest(tmp / "jobs2.db")
    base = baselines(export)

    print("\n| measurement | wall s | CPU s | articles/s (wall) | articles/CPU-s | peak RSS MB |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, key in (("baseline: JSONL parse", "jsonl"), ("baseline: one Aho–Corasick pass", "aho")):
        b = base[key]
        print(f"| {name} | {b['wall']:.3f} | {b['cpu']:.3f} | {n / b['wall']:,.0f} | "
              f"{n / max(b['cpu'], 1e-9):,.0f} | |")
    for name, r in rows.items():
        m = n // 4 if "memory check" in name else n
        print(f"| {name} | {r['wall']:.2f} | {r['cpu']:.2f} | {m / r['wall']:,.0f} | "
              f"{m / max(r['cpu'], 1e-9):,.0f} | {r['rss']:.0f} |")
    cold1 = rows["cold ingest + analyze, --jobs 1"]
    cold2 = rows["cold ingest + analyze, --jobs 2"]
    rerun = rows["re-run ingest + analyze (unchanged)"]
    d1 = rows["detection alone (analyze --force), --jobs 1"]
    d2 = rows["detection alone (analyze --force), --jobs 2"]
    print()
    print(f"ingest + analyze, start-up included: {n / cold1['wall']:,.0f} articles/s with --jobs 1, "
          f"{n / cold2['wall']:,.0f} with --jobs 2 (target 2,000)")
    print(f"detection --jobs 2 against --jobs 1: x{d1['wall'] / d2['wall']:.2f} wall "
          f"(target x1.7; CPU x{d2['cpu'] / d1['cpu']:.2f} spent)")
    print(f"unchanged re-run / cold run (--jobs 1): {100 * rerun['wall'] / cold1['wall']:.1f}% wall, "
          f"{100 * rerun['cpu'] / cold1['cpu']:.1f}% CPU (target 5%)")
    print(f"ingest peak RSS, {n // 4:,} → {n:,} articles: "
          f"{rows[f'ingest of {n // 4:,} articles (memory check)']['rss']:.0f} → "
          f"{rows['cold ingest, --jobs 1']['rss']:.0f} MB")
    print(f"framing / baseline: cold ingest + analyze x{cold1['cpu'] / (base['jsonl']['cpu'] + base['aho']['cpu']):.0f} "
          f"CPU (JSONL parse + one Aho–Corasick pass)")
    print(f"same hits with --jobs 1 and --jobs 2: {'yes' if same else 'NO'}")
    print(f"load average at the end {os.getloadavg()[0]:.1f}")
    if args.pairs:
        pairs(db1, args.pairs)
    if args.ceiling:
        ceiling(args.ceiling)
    tmp_ctx.cleanup()
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
