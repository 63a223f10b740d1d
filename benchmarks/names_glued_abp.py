"""Count naming rows and facts that show words glued to a person's name.

Reads report JSON files (``framing report --format json``) and counts, per
file, what rounds 23 and 24 read on the Article-Bias-Prediction store:

* naming rows; actors of five or more words;
* actors of three or more words that open with the name of an outlet of the
  report ("CNN Dana Bash", "Vox Ella Nilsen"; an outlet's first word, "The"
  and "New" left out, or its whole name before a qualifier);
* actors of three or more words that open with an all-caps word of two or
  more letters that is no initialism of the words after it ("NPR Elise Hu",
  "JUST WATCHED Iran");
* actors whose name holds a title word before a last word (``TITLES``) and
  actors that are a title word alone;
* facts, facts carried by one outlet, and entity facts whose shown form
  holds a title word before its last two words ("Senate Majority Leader
  Mitch McConnell").

With ``--sample N`` it prints N of each kind, drawn with a fixed seed.

    python benchmarks/names_glued_abp.py base.json after.json [--sample 25] [--seed 24]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from framing.compare.actors import TITLES  # noqa: E402

TITLE_WORDS = frozenset(w.lower() for t in TITLES for w in t.split())
ONE_WORD_TITLES = frozenset(t.lower() for t in TITLES if " " not in t)
CAPS = re.compile(r"[A-Z]{2,}")


def outlet_openers(outlets: set[str]) -> set[str]:
    first = {o.split()[0].lower() for o in outlets if o.split()[0].lower() not in ("the", "new")}
    return first | {o.lower().split(" (")[0] for o in outlets}


def measure(path: str) -> tuple[Counter, dict[str, list[str]]]:
    report = json.loads(Path(path).read_text(encoding="utf-8"))
    openers = outlet_openers({o for ev in report["events"] for o in ev["outlets"]})
    c: Counter = Counter()
    drawn: dict[str, list[str]] = defaultdict(list)
    for ev in report["events"]:
        for row in ev["naming"]:
            a = row["actor"]
            w = a.split()
            c["naming rows"] += 1
            if len(w) >= 5:
                c["actors of 5+ words"] += 1
                drawn["5+"].append(a)
            if len(w) >= 3 and w[0].lower() in openers:
                c["actors opening with an outlet"] += 1
                drawn["outlet"].append(a)
            if len(w) >= 3 and CAPS.fullmatch(w[0]) and w[0] != "".join(x[0] for x in w[1:]).upper():
                c["actors opening with all caps"] += 1
                drawn["caps"].append(a)
            if len(w) >= 2 and any(x.lower() in TITLE_WORDS for x in w[:-1]):
                c["actors holding a title"] += 1
            if len(w) == 1 and w[0].lower() in ONE_WORD_TITLES:
                c["actors a title word alone"] += 1
        for f in ev["facts"]:
            c["facts"] += 1
            if len(f["present"]) == 1:
                c["facts of one outlet"] += 1
            fw = f["text"].split()
            if f["kind"] == "entity" and len(fw) >= 3 and any(x.lower() in TITLE_WORDS for x in fw[:-2]):
                c["entity facts holding a title"] += 1
                drawn["fact"].append(f["text"])
    return c, drawn


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("reports", nargs="+")
    ap.add_argument("--sample", type=int, default=0)
    ap.add_argument("--seed", type=int, default=24)
    args = ap.parse_args()
    for path in args.reports:
        counts, drawn = measure(path)
        print(path)
        for k in ("naming rows", "actors of 5+ words", "actors opening with an outlet",
                  "actors opening with all caps", "actors holding a title", "actors a title word alone",
                  "facts", "facts of one outlet", "entity facts holding a title"):
            print(f"  {k:32s} {counts[k]}")
        if args.sample:
            rng = random.Random(args.seed)
            for kind, items in sorted(drawn.items()):
                print(f"  -- {kind}")
                for x in rng.sample(items, min(args.sample, len(items))):
                    print(f"     {x}")


if __name__ == "__main__":
    main()
