"""Count naming rows that treat a place as a person, and draw rows to read.

Reads one or more report JSON files (``framing report --format json``) and,
for each, counts the naming rows in which a place is read as a person's name:

* ``place holds its last word``: the actor is a place of two or more words
  (an ISO 3166-2 first-level subdivision from ``pycountry``, or a compass
  word before such a place or a country: "West Virginia", "Northern
  Virginia") and the row holds that last word alone as a form — "Virginia"
  filed as West Virginia's surname;
* ``other name holds a place``: the actor is a name of two or more words
  that is no place, and the row holds a one-word subdivision name alone
  ("Illinois" under "Illinois Senate"; also a surname that is a place's name,
  "Flores" under "Jenny Flores", which is right: read the list);
* ``one-word place rows``: rows whose actor is a one-word subdivision ("Texas").

With ``--sample N`` it prints N rows drawn with a fixed seed from the events
with two or more outlets, to be read by hand (wrong actor, wrong merge).

    python benchmarks/naming_rows_abp.py base.json after.json [--sample 40] [--seed 20] [-v]

The report files stay outside the repository.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from framing.compare.actors import COMPASS, gazetteer  # noqa: E402


def fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s.replace("’", "'"))
    return " ".join("".join(c for c in s if not unicodedata.combining(c)).lower().split())


def subdivisions() -> set[str]:
    import pycountry

    out = set()
    for sub in pycountry.subdivisions:
        if not sub.parent_code:
            out.add(fold(sub.name.split(" [")[0].split(" (")[0].split(",")[0]))
    return out


def is_place(name: str, subs: set[str]) -> bool:
    """A subdivision the gazetteer holds as a place (not a country's name
    like "Georgia", not an English word like "Central"), or a compass word
    before one or before a country."""
    words = name.split()
    hit = gazetteer().lookup(name)
    if name in subs and hit is not None and hit.form == "place":
        return True
    if len(words) >= 2 and words[0] in COMPASS:
        rest = gazetteer().lookup(" ".join(words[1:]))
        return rest is not None and rest.form in ("name", "place")
    return False


def strip_poss(form: str) -> str:
    return form[:-2] if form.endswith("'s") else form


def measure(path: str, subs: set[str], verbose: bool) -> tuple[dict[str, int], list[tuple[str, list]]]:
    report = json.loads(Path(path).read_text(encoding="utf-8"))
    counts = {"rows": 0, "place holds its last word": 0, "other name holds a place": 0,
              "one-word place rows": 0, "multi-word place rows": 0}
    pool = []
    for ev in report["events"]:
        for row in ev.get("naming", []):
            counts["rows"] += 1
            actor = fold(row["actor"])
            forms = {strip_poss(fold(f["form"]).strip("\"“”‘’' ")) for f in row["forms"]}
            words = actor.split()
            place = is_place(actor, subs)
            if place and len(words) == 1:
                counts["one-word place rows"] += 1
            if place and len(words) >= 2:
                counts["multi-word place rows"] += 1
                if words[-1] in forms:
                    counts["place holds its last word"] += 1
                    if verbose:
                        print(f"  {path}: {row['actor']!r} holds {words[-1]!r}")
            elif len(words) >= 2:
                held = sorted(f for f in forms if " " not in f and f != actor and is_place(f, subs))
                if held:
                    counts["other name holds a place"] += 1
                    if verbose:
                        print(f"  {path}: {row['actor']!r} holds {held}")
            if len(ev.get("outlets", [])) >= 2:
                pool.append((row["actor"], row["forms"]))
    return counts, pool


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("reports", nargs="+")
    ap.add_argument("--sample", type=int, default=0)
    ap.add_argument("--seed", type=int, default=20)
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    subs = subdivisions()
    for path in args.reports:
        counts, pool = measure(path, subs, args.verbose)
        print(path)
        for k, v in counts.items():
            print(f"  {k:28s} {v}")
        if args.sample:
            rng = random.Random(args.seed)
            for actor, forms in rng.sample(pool, min(args.sample, len(pool))):
                shown = ", ".join(f"{f['outlet'][:12]}: {f['form']} x{f['count']}"
                                  for f in sorted(forms, key=lambda f: -f["count"])[:6])
                print(f"  - {actor}  [{shown}]")


if __name__ == "__main__":
    main()
