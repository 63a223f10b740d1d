"""An archive-sized run of framing, stage by stage, against baselines measured
in the same run (issue 12).

The archive is generated from NeuS-AllSides (Lee et al., NAACL 2022; 506
AllSides "headline roundup" stories, 1,479 articles, left / center / right
coverage of one event each). Copy 0 is the data as it is; copy k shifts every
date by k × ``--shift-days`` and respells the capitalised words (names of
people, places and organisations, mostly) with a per-copy infix, so that each
copy of a story is a distinct event about distinct actors. The truth of
each article is (copy, story). Nothing of the data is written into the
repository: the archive is a JSONL export (Media Cloud fields) in a temporary
folder.

Each measurement runs in a fresh process, so its peak RSS is its own:

baselines   jsonl   json.loads of every line of the export
            tfidf   scikit-learn TfidfVectorizer().fit over the same titles + bodies
            aho     one ahocorasick_rs pass (all lexicon terms and variants) over
                    the same texts, lower-cased
framing     what `framing run` does, stage by stage, in one process: ingest,
            analyze (detection), compare (grouping + per-event analysis,
            build_report on the stored analyses), render (write_all: every
            file), terminal (the summary);
            peak RSS after each stage ("so far": the process keeps what it has).

It prints each stage's seconds, articles/s and peak RSS, framing's total
(process start-up included) against the issue's baseline (JSONL parse +
TfidfVectorizer fit), the largest HTML file, the terminal summary's lines,
and B-cubed precision / recall / F1 of the grouping against the truth, with
the same grouping run on the first 1,500 articles for comparison.

    python benchmarks/bench_archive.py [--n 1500] [--shift-days 14] [--charts top:20]
                                       [--jobs N] [--cli] [--keep DIR] [--engine dask]

``compare`` is split into grouping and per-event analysis (the time spent in
the events' shards). ``--engine dask`` runs ingest, detection and per-event
analysis as Dask tasks on a local cluster of ``--workers`` processes (their
memory is not in the peak RSS: they are separate processes). The run ends
with issue 12's acceptance-1 checks, each met or missed.

``--jobs N`` is framing's ``--jobs``: ingest, detection and the per-event
analysis in N worker processes (their memory is not in the peak RSS either;
their CPU is, once they finish), and the report's files (charts, pages,
JSON...) over N processes (default: every CPU). The peak PSS of framing's
process with all its workers is printed beside the peak RSS.

``--cli`` also times the real command (`framing run export.jsonl`) as a
subprocess: wall time, peak RSS and lines printed.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = (ROOT.parent / "shared" / "data" / "neus-allsides" / "raw_crawled"
                / "headline_11_2021-10-19_crawled_all.jsonl")
#: The issue's archive size.
FULL = 50_000
#: The size the grouping at full size is compared with.
SMALL = 1_500

# -- the archive ----------------------------------------------------------------------

_CAPITALISED = re.compile(r"\b([A-Z][a-z]{3,})\b")


def _tag(i: int) -> str:
    """A pronounceable, letters-only infix for copy ``i`` ("" for copy 0)."""
    out = ""
    while i:
        i, d = divmod(i, 20)
        out += "bcdfghjklmnpqrstvwxz"[d] + "aeiou"[d % 5]
    return out


def _respeller(i: int):
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    tag = _tag(i)

    def sub(m: re.Match[str]) -> str:
        word = m.group(1)
        if word.lower() in ENGLISH_STOP_WORDS:
            return word
        return word[:3] + tag + word[3:]

    return (lambda text: _CAPITALISED.sub(sub, text)) if tag else (lambda text: text)


def stories(path: Path) -> list[dict[str, Any]]:
    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            story = json.loads(line)
            items = []
            for side in ("left", "center", "right"):
                item = (story.get("news") or {}).get(side)
                if item and (item.get("newsTitle") or item.get("newBody")):
                    items.append((side, item.get("newsSource") or "(unknown)",
                                  item.get("newsTitle") or "", "\n\n".join(item.get("newBody") or [])))
            if items and story.get("date"):
                out.append({"id": story["id"], "date": story["date"][:10], "items": items})
    return out


def make_archive(data: Path, n: int, shift_days: int, path: Path) -> dict[str, str]:
    """Write ``n`` articles as a JSONL export; return source id → truth event."""
    base = stories(data)
    truth: dict[str, str] = {}
    written = 0
    copy = 0
    with path.open("w", encoding="utf-8") as fh:
        while written < n:
            respell = _respeller(copy)
            for story in base:
                day = date.fromisoformat(story["date"]) + timedelta(days=shift_days * copy)
                for side, outlet, title, body in story["items"]:
                    sid = f"{copy}-{story['id']}-{side}"
                    fh.write(json.dumps({
                        "stories_id": sid,
                        "media_name": outlet,
                        "url": f"https://archive.example/{copy}/{story['id']}/{side}",
                        "publish_date": day.isoformat(),
                        "title": respell(title),
                        "language": "en",
                        "text": respell(body),
                    }, ensure_ascii=False) + "\n")
                    truth[sid] = f"{copy}-{story['id']}"
                    written += 1
                    if written >= n:
                        return truth
            copy += 1
    return truth


def bcubed(pred: dict[str, str], truth: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 over the items of ``truth``."""
    pc: dict[str, set[str]] = {}
    tc: dict[str, set[str]] = {}
    for item in truth:
        pc.setdefault(pred.get(item, "missing:" + item), set()).add(item)
        tc.setdefault(truth[item], set()).add(item)
    p = r = 0.0
    for item in truth:
        same_pred = pc[pred.get(item, "missing:" + item)]
        same_truth = tc[truth[item]]
        both = len(same_pred & same_truth)
        p += both / len(same_pred)
        r += both / len(same_truth)
    p, r = p / len(truth), r / len(truth)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


# -- children: each measurement in its own process ----------------------------------------

def _proc_mb(path: str, field: str) -> float | None:
    """A ``Field:  N kB`` line of a /proc file, in MB; None when not there."""
    try:
        with open(path, encoding="ascii") as fh:
            for line in fh:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def _hwm_mb(pid: int | str = "self") -> float | None:
    """Peak resident memory of a process (VmHWM). Not ``ru_maxrss``: Linux
    carries the parent's peak into a child that was forked and exec'ed."""
    return _proc_mb(f"/proc/{pid}/status", "VmHWM")


def _rss_mb() -> float:
    hwm = _hwm_mb()
    return hwm if hwm is not None else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cpu() -> float:
    """CPU seconds of this process and its finished children (chart workers):
    on a shared machine a steadier measure than wall time."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def _texts(export: Path) -> list[str]:
    with export.open(encoding="utf-8") as fh:
        return [f"{r['title']}\n{r['text']}" for r in map(json.loads, fh)]


def child_baseline(kind: str, export: Path, terms_file: Path | None) -> dict[str, Any]:
    if kind == "jsonl":
        t0, c0 = time.perf_counter(), _cpu()
        with export.open(encoding="utf-8") as fh:
            n = sum(1 for _ in map(json.loads, fh))
        return {"seconds": time.perf_counter() - t0, "cpu": _cpu() - c0, "articles": n,
                "rss_mb": _rss_mb()}
    texts = _texts(export)
    if kind == "tfidf":
        from sklearn.feature_extraction.text import TfidfVectorizer

        t0, c0 = time.perf_counter(), _cpu()
        TfidfVectorizer().fit(texts)
        return {"seconds": time.perf_counter() - t0, "cpu": _cpu() - c0, "articles": len(texts),
                "rss_mb": _rss_mb()}
    if kind == "aho":
        import ahocorasick_rs

        assert terms_file is not None
        terms = json.loads(terms_file.read_text(encoding="utf-8"))
        t0, c0 = time.perf_counter(), _cpu()
        ac = ahocorasick_rs.AhoCorasick(terms, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
        found = sum(len(ac.find_matches_as_indexes(t.lower())) for t in texts)
        return {"seconds": time.perf_counter() - t0, "cpu": _cpu() - c0, "articles": len(texts),
                "rss_mb": _rss_mb(), "matches": found, "mb": sum(len(t.encode("utf-8")) for t in texts) / 1e6}
    raise SystemExit(f"unknown baseline {kind}")


def child_framing(export: Path, out: Path, truth_file: Path, charts: str,
                  jobs: int | None, engine: str = "local", workers: int = 2) -> dict[str, Any]:
    """What `framing run` does, stage by stage (see framing.cli._run)."""
    stages: dict[str, dict[str, float]] = {}
    cpu_mark = [_cpu()]

    def stage(name: str, t0: float) -> None:
        cpu = _cpu()
        stages[name] = {"seconds": time.perf_counter() - t0, "rss_mb": _rss_mb(),
                        "cpu": cpu - cpu_mark[0]}
        cpu_mark[0] = cpu
        print(f"  framing {name}: {stages[name]['seconds']:.1f} s, peak {stages[name]['rss_mb']:.0f} MB",
              file=sys.stderr, flush=True)

    t0 = time.perf_counter()
    sys.path.insert(0, str(ROOT))
    from framing.compare import build_report
    from framing.compare.grouping import group_events, near_duplicates
    from framing.detect import analyze, load_lexicon
    from framing.report import write_all
    from framing.report.terminal import render_terminal
    from framing.store import Store
    from framing.corpus import iter_ingest
    from framing.engine import LocalEngine, sharded_analyze, sharded_ingest

    from framing.pipeline import process_map

    runner = LocalEngine()
    if engine == "dask":
        import distributed

        from framing.engine import DaskEngine
        runner = DaskEngine(client=distributed.Client(n_workers=workers, threads_per_worker=1,
                                                      processes=True, dashboard_address=":0"))
    stage("imports", t0)

    in_events = [0.0]

    def timed_map(fn: Any, shards: Any) -> Any:
        """The engine's map, timing the per-event analysis (the rest of compare
        is grouping, whose article reading also goes through this map)."""
        if getattr(getattr(fn, "func", fn), "__name__", "") != "build_events":
            yield from (process_map(jobs)(fn, shards) if engine != "dask" and jobs and jobs > 1
                        else runner.map_shards(fn, shards))
            return
        if engine != "dask" and jobs and jobs > 1:
            it = iter(process_map(jobs)(fn, shards))  # as `framing run --jobs N`
        else:
            it = iter(runner.map_shards(fn, shards))
        while True:
            t = time.perf_counter()
            try:
                done = next(it)
            except StopIteration:
                return
            finally:
                in_events[0] += time.perf_counter() - t
            yield done

    timed_map.jobs = jobs if engine != "dask" and jobs else 1  # type: ignore[attr-defined]  # as process_map's

    out.mkdir(parents=True, exist_ok=True)
    with Store(out / "framing.db") as store:
        t0 = time.perf_counter()
        for rep in sharded_ingest(iter_ingest(store, [export], jobs=jobs or 1), runner):
            if rep.errors:
                raise SystemExit(f"benchmark input failed: {rep.errors[0]}")
        stage("ingest", t0)
        t0 = time.perf_counter()
        lexicon = load_lexicon()
        if engine == "dask":
            sharded_analyze(store, lexicon, runner)  # type: ignore[arg-type]
        else:
            analyze(store, lexicon, jobs=jobs or 1)
        stage("analyze", t0)
        t0 = time.perf_counter()
        report = build_report(store.articles(), store.analyses(), lexicon_version=lexicon.version,
                              map_shards=timed_map)
        stage("compare", t0)
        # Only what the scoring needs, so that the render is measured holding
        # what `framing run` holds (the report), not every article besides.
        articles = sorted(store.articles(), key=lambda a: int(a.id))
        source_of = {int(a.id): a.source_id for a in articles}
        small_arts = articles[:SMALL]
        del articles
    runner.close()
    t0 = time.perf_counter()
    write_all(report, out, charts=charts, jobs=jobs)
    stage("render", t0)
    t0 = time.perf_counter()
    summary = render_terminal(report, full_report=f"{out}/")
    stage("terminal", t0)
    run_end = time.perf_counter()

    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    pred = {source_of[aid]: e.id for e in report.events for aid in e.articles}
    full = bcubed(pred, truth)
    groups = group_events(small_arts, copies=near_duplicates(small_arts))
    pred_small = {source_of[aid]: g.id for g in groups for aid in g.articles}
    small = bcubed(pred_small, {source_of[int(a.id)]: truth[source_of[int(a.id)]] for a in small_arts})
    html = [p.stat().st_size for p in out.rglob("*.html")]
    return {
        "stages": stages,
        "per_event_seconds": in_events[0],
        "engine": engine,
        "articles": len(report.articles),
        "events": len(report.events),
        "compared": sum(1 for e in report.events if len(e.outlets) >= 2),
        "hits": len(report.hits),
        "terminal_lines": summary.count("\n"),
        "html_files": len(html),
        "html_max_mb": max(html) / 1e6,
        "html_total_mb": sum(html) / 1e6,
        "bcubed": full,
        "bcubed_small": small,
        "small_n": len(small_arts),
        "after_run_seconds": time.perf_counter() - run_end,
        "cpu_total": _cpu(),
    }


def _descendants(pid: int) -> list[int]:
    """The processes under ``pid`` (its worker processes), from /proc."""
    parent: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as fh:
                    parent[int(entry)] = int(fh.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        kids = [c for c, pp in parent.items() if pp == p]
        out += kids
        todo += kids
    return out


def _pss_mb(pid: int) -> float:
    """Proportional set size (shared pages split between the processes sharing them)."""
    return _proc_mb(f"/proc/{pid}/smaps_rollup", "Pss") or 0.0


#: The peak memory of the framing child and its worker processes together
#: (PSS, so that pages a forked worker shares with its parent count once),
#: sampled every half second by :func:`_spawn`.
TREE_PEAK: dict[str, float] = {}


def _spawn(args: list[str], stdout: Path) -> tuple[dict[str, Any], float, float, str]:
    """Run a child; return its JSON result, wall seconds, peak RSS (MB; VmHWM
    read every 0.1 s while it runs) and stdout. The peak PSS of the child with
    its worker processes goes into :data:`TREE_PEAK` under the child's kind."""
    t0 = time.perf_counter()
    peak = 0.0
    tree = 0.0
    k = 0
    with stdout.open("w", encoding="utf-8") as fh:
        proc = subprocess.Popen(args, stdout=fh, text=True)
        while proc.poll() is None:
            peak = max(peak, _hwm_mb(proc.pid) or 0.0)
            if k % 5 == 0:
                tree = max(tree, sum(_pss_mb(p) for p in [proc.pid] + _descendants(proc.pid)))
            k += 1
            time.sleep(0.1)
    TREE_PEAK[args[args.index("--child") + 1] if "--child" in args else "cli"] = tree
    status = proc.returncode
    wall = time.perf_counter() - t0
    out = stdout.read_text(encoding="utf-8")
    if status != 0:
        raise SystemExit(f"child failed: {' '.join(args)}\n{out[-2000:]}")
    last = out.strip().splitlines()[-1] if out.strip() else "{}"
    try:
        result = json.loads(last)
    except json.JSONDecodeError:
        result = {}
    return result, wall, max(peak, result.get("rss_mb", 0.0)), out


# -- the driver ------------------------------------------------------------------------

def _row(name: str, seconds: float, cpu: float, n: int, rss: float, note: str = "") -> str:
    rate = n / seconds if seconds else float("inf")
    return f"  {name:28s} {seconds:9.2f} {cpu:9.2f} {rate:12,.0f} {rss:9.0f}  {note}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=FULL, help="articles in the archive (default %(default)s)")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--shift-days", type=int, default=14,
                    help="days between copies of the data (default %(default)s; the grouping "
                         "window is 7 days)")
    ap.add_argument("--charts", default="top:20", help="framing's --charts (default %(default)s)")
    ap.add_argument("--jobs", type=int, default=None,
                    help="framing's --jobs: processes for ingest, detection and per-event analysis "
                         "(default 1), and for charts (default: every CPU)")
    ap.add_argument("--cli", action="store_true", help="also time `framing run` as a subprocess")
    ap.add_argument("--keep", type=Path, help="keep the archive and the outputs in this folder")
    ap.add_argument("--engine", choices=("local", "dask"), default="local",
                    help="framing's engine (dask: a local cluster of --workers processes)")
    ap.add_argument("--workers", type=int, default=2, help="Dask worker processes (default %(default)s)")
    ap.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.child:
        kind, rest = args.child[0], args.child[1:]
        if kind == "framing":
            res = child_framing(Path(rest[0]), Path(rest[1]), Path(rest[2]), args.charts, args.jobs,
                                args.engine, args.workers)
        else:
            res = child_baseline(kind, Path(rest[0]), Path(rest[1]) if len(rest) > 1 else None)
        print(json.dumps(res))
        return 0

    if not args.data.is_file():
        raise SystemExit(f"{args.data}: NeuS-AllSides not found (see ../shared/data/neus-allsides)")
    tmp_ctx = tempfile.TemporaryDirectory(prefix="framing-archive-")
    work = args.keep or Path(tmp_ctx.name)
    work.mkdir(parents=True, exist_ok=True)
    export = work / "archive.jsonl"
    t0 = time.perf_counter()
    truth = make_archive(args.data, args.n, args.shift_days, export)
    (work / "truth.json").write_text(json.dumps(truth), encoding="utf-8")
    print(f"archive: {len(truth):,} articles, {len(set(truth.values())):,} true events, "
          f"{export.stat().st_size / 1e6:.1f} MB JSONL, copies every {args.shift_days} days "
          f"(generated in {time.perf_counter() - t0:.1f} s)")

    sys.path.insert(0, str(ROOT))
    from framing.detect import load_lexicon

    lexicon = load_lexicon()
    terms = sorted({t.lower() for e in lexicon.entries for t in e.forms})
    (work / "terms.json").write_text(json.dumps(terms), encoding="utf-8")
    me = [sys.executable, str(Path(__file__).resolve())]

    base: dict[str, tuple[dict[str, Any], float]] = {}
    for kind in ("jsonl", "tfidf", "aho"):
        res, _wall, rss, _ = _spawn(me + ["--child", kind, str(export), str(work / "terms.json")],
                                    work / f"{kind}.out")
        base[kind] = (res, rss)
        print(f"  baseline {kind}: {res['seconds']:.2f} s", file=sys.stderr, flush=True)

    out = work / "report"
    fw, fw_wall, _rss, _ = _spawn(me + ["--charts", args.charts, "--engine", args.engine,
                                        "--workers", str(args.workers)]
                                    + (["--jobs", str(args.jobs)] if args.jobs else [])
                                    + ["--child", "framing", str(export), str(out),
                                       str(work / "truth.json")], work / "framing.out")
    n = fw["articles"]
    print(f"\n{n:,} articles → {fw['events']:,} events ({fw['compared']:,} with two or more "
          f"outlets), {fw['hits']:,} hits; --charts {args.charts}; engine {fw['engine']}")
    print(f"  {'stage':28s} {'seconds':>9s} {'CPU s':>9s} {'articles/s':>12s} {'peak MB':>9s}")
    for kind, label in (("jsonl", "baseline: JSONL parse"), ("tfidf", "baseline: TfidfVectorizer fit"),
                        ("aho", "baseline: Aho–Corasick pass")):
        res, rss = base[kind]
        note = (f"{res['matches']:,} matches, {res['mb'] / res['seconds']:.0f} MB/s"
                if kind == "aho" else "")
        print(_row(label, res["seconds"], res["cpu"], n, rss, note))
    for name, st in fw["stages"].items():
        print(_row(f"framing: {name}", st["seconds"], st["cpu"], n, st["rss_mb"], "(peak so far)"))
        if name == "compare":
            per = fw["per_event_seconds"]
            print(f"  {'   of which grouping':28s} {st['seconds'] - per:9.2f} {'':9s} "
                  f"{n / max(st['seconds'] - per, 1e-9):12,.0f}")
            print(f"  {'   of which per-event':28s} {per:9.2f} {'':9s} {n / max(per, 1e-9):12,.0f}")
    baseline = base["jsonl"][0]["seconds"] + base["tfidf"][0]["seconds"]
    baseline_cpu = base["jsonl"][0]["cpu"] + base["tfidf"][0]["cpu"]
    total = fw_wall - fw["after_run_seconds"]  # start-up included; the B-cubed scoring left out
    total_cpu = sum(st["cpu"] for st in fw["stages"].values())
    peak = fw["stages"]["terminal"]["rss_mb"]
    print(_row("framing: total (process)", total, total_cpu, n, peak,
               f"wall ×{total / baseline:.0f}, CPU ×{total_cpu / baseline_cpu:.0f} the JSONL "
               f"parse + tf-idf fit ({baseline:.2f} s wall, {baseline_cpu:.2f} s CPU); "
               f"target ≤ ×40"))
    print(f"  peak memory of framing with its worker processes (PSS, sampled every 0.5 s): "
          f"{TREE_PEAK.get('framing', 0.0):,.0f} MB")
    print(f"  (wall includes start-up; CPU counts chart workers; load average now "
          f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs)")
    print(f"\n  HTML: {fw['html_files']:,} files, largest {fw['html_max_mb']:.2f} MB "
          f"(limit 10), {fw['html_total_mb']:.1f} MB in all")
    print(f"  terminal summary: {fw['terminal_lines']} lines (limit 300 for the whole run)")
    p, r, f = fw["bcubed"]
    ps, rs, fs = fw["bcubed_small"]
    print(f"  grouping B-cubed, all {n:,}: P {p:.3f} R {r:.3f} F1 {f:.3f}; the first "
          f"{fw['small_n']:,} alone: P {ps:.3f} R {rs:.3f} F1 {fs:.3f} (ΔF1 {f - fs:+.3f}; "
          f"target within 0.02)")
    if args.cli:
        cli_out = work / "cli"
        _res, wall, rss, text = _spawn([str(Path(sys.executable).parent / "framing"), "run",
                                        str(export), "--out", str(cli_out), "--charts", args.charts]
                                       + (["--jobs", str(args.jobs)] if args.jobs else []),
                                       work / "cli.out")
        print(f"\n  `framing run` subprocess: {wall:.1f} s ({n / wall:,.0f} articles/s, "
              f"×{wall / baseline:.0f} the baseline), peak RSS {rss:.0f} MB, "
              f"{text.count(chr(10))} lines on stdout")
    wall_ratio = total / baseline
    checks = [
        ("total wall ≤ 40× (JSONL parse + TfidfVectorizer fit)", wall_ratio <= 40, f"×{wall_ratio:.0f}"),
        ("peak RSS ≤ 2 GB", max(peak, _rss) <= 2048, f"{max(peak, _rss):,.0f} MB"),
        ("peak PSS of framing with its workers ≤ 2 GB", TREE_PEAK.get("framing", 0.0) <= 2048,
         f"{TREE_PEAK.get('framing', 0.0):,.0f} MB"),
        ("every HTML ≤ 10 MB", fw["html_max_mb"] <= 10, f"largest {fw['html_max_mb']:.2f} MB"),
        ("terminal ≤ 300 lines", fw["terminal_lines"] <= 300, f"{fw['terminal_lines']} lines"),
        (f"B-cubed F1 within 0.02 of the first {fw['small_n']:,}", abs(f - fs) <= 0.02, f"ΔF1 {f - fs:+.3f}"),
    ]
    print(f"\n  issue 12, acceptance 1, at {n:,} articles ({os.cpu_count()} CPUs, load average "
          f"{os.getloadavg()[0]:.1f}):")
    for what, ok, value in checks:
        print(f"    {'met   ' if ok else 'MISSED'}  {what}: {value}")
    tmp_ctx.cleanup() if not args.keep else None
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
