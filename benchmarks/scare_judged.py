"""Collect the judged scare-quote rows of docs/accuracy.md into one small file.

Rounds 12-20 read scare-quote hits on Article-Bias-Prediction articles and
wrote each judgement into docs/accuracy.md ("Scare quotes: a reading of 100
hits on real news" and the round sections after it): numbered table rows
(``| n | outlet | `ID` @ offset | quoted | judged | reason ... |``) and inline
lists of removed hits (```ID` @ offset “quoted” J;``). This script reads them
all and writes ``benchmarks/data/scare_judged.tsv``: article ID, offset, the
quoted words, the label (D distancing; Q, W, T, E, H not) and the tables the
row was read in. No article text: the quoted words only, as the doc shows them.

A row read more than once keeps its last reading (the doc's order; earlier
readings were re-read against the same guideline, and the doc says when a
judgement changed).

    python benchmarks/scare_judged.py [--doc docs/accuracy.md] [--out benchmarks/data/scare_judged.tsv]
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "data" / "scare_judged.tsv"

_ROW = re.compile(r"^\|\s*\d+\s*\|[^|]*\|\s*`([A-Za-z0-9]{16})` @ (\d+)\s*\|\s*([^|]+?)\s*\|"
                  r"\s*(\*\*D\*\*|[A-Z])\s*\|")
_INLINE = re.compile(r"`([A-Za-z0-9]{16})` @ (\d+) (.+?) (\*\*D\*\*|[QWTEH])(?=[;.]|\s*$)")
#: Headings and lead-ins that name the reading that follows them.
_TABLE = re.compile(r"^Table ([A-Z])\b")
_SECTION = re.compile(r"^#+ .*")


def parse(doc: str) -> list[tuple[str, int, str, str, str]]:
    """``(id, offset, quoted, label, source)`` for every judged row, in the doc's order.
    ``source`` names the reading: ``official`` (round 12-16's seed-13 sample),
    ``A``...``E`` (the tables of rounds 17-20), ``<table>-removed`` for an inline
    list of hits a round's rules removed (read after the table before it),
    ``official-left`` for the official rows listed in round 19."""
    rows = []
    in_reading = False
    table = None
    for line in doc.splitlines():
        if line.startswith("## Scare quotes"):
            in_reading = True
            table = "official"
            continue
        if in_reading and line.startswith("## ") and not line.startswith("## Scare quotes"):
            break
        if not in_reading:
            continue
        m = _TABLE.match(line)
        if m:
            table = m.group(1)
            continue
        r = _ROW.match(line)
        if r:
            rows.append((r.group(1), int(r.group(2)), r.group(3), _label(r.group(4)), table))
            continue
        if line.count("` @ ") >= 3:
            source = "official-left" if "Left the sample" in line else f"{table}-removed"
            for m in _INLINE.finditer(line):
                rows.append((m.group(1), int(m.group(2)), m.group(3).strip(), _label(m.group(4)), source))
    return rows


def _label(s: str) -> str:
    return "D" if s == "**D**" else s


def dedupe(rows):
    """One row per (ID, offset): the last label, every source that read it."""
    out: dict[tuple[str, int], list] = {}
    for aid, off, quoted, label, source in rows:
        key = (aid, off)
        if key in out:
            out[key][2] = label
            if source not in out[key][3]:
                out[key][3].append(source)
        else:
            out[key] = [quoted, off, label, [source]]
    return [(aid, off, v[0], v[2], ",".join(v[3])) for (aid, off), v in sorted(out.items())]


def read(path: Path = OUT) -> list[dict]:
    """The judged rows of the TSV file as dicts (id, offset, quoted, label, tables)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    head = lines[0].split("\t")
    return [dict(zip(head, ln.split("\t"))) | {"offset": int(ln.split("\t")[1])}
            for ln in lines[1:] if ln.strip()]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--doc", type=Path, default=ROOT / "docs" / "accuracy.md")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    rows = parse(args.doc.read_text(encoding="utf-8"))
    conflicts = {}
    for aid, off, _q, label, source in rows:
        conflicts.setdefault((aid, off), set()).add(label)
    changed = {k: v for k, v in conflicts.items() if len(v) > 1}
    final = dedupe(rows)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("id\toffset\tquoted\tlabel\ttables\n" + "".join(
        f"{a}\t{o}\t{q}\t{lab}\t{t}\n" for a, o, q, lab, t in final), encoding="utf-8")
    n_d = sum(1 for r in final if r[3] == "D")
    print(f"{len(rows)} judged readings, {len(final)} distinct rows ({n_d} D); "
          f"{len(changed)} read with different labels (the last kept): "
          + "; ".join(f"{a}@{o} {sorted(v)}" for (a, o), v in sorted(changed.items())), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
