"""Fact finding on an article with a long run of capitalised names: time
against the run's length, and against a baseline measured in the same run.

A cited-source pattern ("<Name> reported") used to be tried from every
position of a run of capitalised words, so its time grew with the square of
the run (a 115 KB article with a 16,000-word run took 152 s). Doubling the
run should now about double the time: the ``x2`` column is that ratio (2 is
linear, 4 quadratic). The baseline is one pass of a word regex over the same
text, so ``/ baseline`` says what fact finding costs per character.

    python benchmarks/bench_facts_names.py [--words 4000 8000 16000 32000]
"""

from __future__ import annotations

import argparse
import re
import time

from framing.compare.facts import mentions

NAMES = ["Alder", "Brisco", "Carran", "Delmont", "Ebbet", "Faircloth", "Garrow", "Hesketh"]


def article(words: int) -> str:
    run = " ".join(NAMES[(i * 7 + i // 8) % 8] for i in range(words))
    return f"The ministry said on Monday that {run} would meet, and the talks went on."


def best_of(fn, text: str, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn(text)
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, nargs="+", default=[4000, 8000, 16000, 32000])
    args = ap.parse_args()
    word = re.compile(r"\w+")
    print(f"{'words':>7} {'KB':>6} {'facts s':>9} {'x2':>5} {'baseline s':>11} {'/ baseline':>11}")
    previous = None
    for n in args.words:
        text = article(n)
        t = best_of(mentions, text)
        b = best_of(lambda s: sum(1 for _ in word.finditer(s)), text)
        growth = f"{t / previous:.1f}" if previous else "-"
        print(f"{n:>7} {len(text.encode()) / 1024:>6.0f} {t:>9.3f} {growth:>5} {b:>11.4f} {t / b:>11.0f}")
        previous = t


if __name__ == "__main__":
    main()
