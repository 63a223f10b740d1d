"""The compare stage of one checkout of framing on the N-copy benchmark corpus,
timed twice in one process after ingest and analysis (untimed). Run it for two
checkouts back to back (each with its own Python) to compare them under the
same load:

    /tmp/framing-old/.venv/bin/python benchmarks/bench_compare_once.py 80 /tmp/framing-old
    .venv/bin/python benchmarks/bench_compare_once.py 80 .
"""
import sys, time, tempfile
from pathlib import Path
root = Path(sys.argv[2]); sys.path.insert(0, str(root / "benchmarks")); sys.path.insert(0, str(root))
import bench_pipeline as b
from framing.store import Store
from framing.corpus import ingest
from framing.detect import load_lexicon
copies = int(sys.argv[1])
with tempfile.TemporaryDirectory() as tmp:
    tmp = Path(tmp); exp = tmp/"e.jsonl"; b.make_corpus(exp, copies)
    with Store(tmp/"f.db") as s:
        list(ingest(s, [exp]))
        if hasattr(b, "compare_store"):
            from framing.detect import Detector, analyze
            det = Detector(load_lexicon()).fit(); analyze(s, det)
            run = lambda: b.compare_store(s, det)
        else:
            from framing.detect import analyze, get_classifier
            lex = load_lexicon(); get_classifier(lex, s); analyze(s, lexicon=lex)
            run = lambda: b.build_report(s)
        for _ in range(2):
            t = time.perf_counter(); r = run(); print(root.name, "compare", round(time.perf_counter() - t, 2), len(r.events), flush=True)
