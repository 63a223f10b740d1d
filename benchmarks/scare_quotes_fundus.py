"""Scare quotes on news no round had read: fundus' hand-checked English pages.

fundus (flairNLP/fundus, MIT) keeps, for its parser tests, saved news pages of
2023-2026 (``tests/resources/parser/test_data/<country>/<Publisher>_<date>.html.gz``)
and, in ``<Publisher>.json``, each page's title and body as checked by hand (the
body: summary, the sections' headlines and paragraphs). This script reads those
JSON truths - so no loader error counts - as framing stores an article (title
and body fields, :meth:`framing.detect.Detector.analyze`), keeps the English
pages, and lists

* every scare-quote hit the shipped rules keep (loaded), and
* with ``--thrown``, every other short quotation the rules read (one a line:
  the kind :func:`framing.detect.scare.kind` gave it - quotation, title, name,
  term, self-description), the population where a distancing quotation the
  rules miss would be.

Rows give the page ID (publisher and publishing date), the field, the offset
and the quoted words only; ``--context`` also prints each row's sentence
around it, for reading (the text stays in the fundus checkout). Round 35
(docs/accuracy.md, "round 35 (scare35)") judged every row of both lists, blind
(before any rule was changed): ``benchmarks/data/scare_fundus_judged.tsv``.
``--judged FILE`` counts the rows of a run by those judgements (D distancing;
Q, T, W, E, H not: the guideline of docs/accuracy.md) - kept and thrown away -
and names the rows no judgement covers, so a rule's effect on these pages is
measured at once (they are no longer unseen: a check, not a blind figure).

    git -C FUNDUS archive HEAD tests/resources | tar -x -C /tmp/fundus
    python benchmarks/scare_quotes_fundus.py \\
        --data /tmp/fundus/tests/resources/parser/test_data --thrown [--context]

Round 35 also read, the same way, a second set no round had read for scare
quotes: Zyte's article-extraction benchmark (scrapinghub/article-extraction-benchmark,
``ground-truth.json``: 181 pages of 2019 and earlier, each body as a person
marked it, no title), with ``--zyte FILE`` instead of ``--data`` (page ID: the
first 12 characters of the page's key).

English: a page whose body is at least 100 words of Latin letters, at least 90%
of its letters ASCII and at least 12% of its words among the commonest English
function words (on fundus' pages: every English page has 23.7% or more; no
page in another language with 100 Latin words reaches 8%, and the Arabic
page's three Latin words fail the first two tests).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from framing.detect import Detector, load_lexicon  # noqa: E402
from framing.models import Article  # noqa: E402

#: The commonest English function words (the share of a text's words among them
#: tells English from the other languages of the pages).
FUNCTION_WORDS = frozenset(
    "the a of to and in is for on that with as was by at from it are be has have this".split())
MIN_WORDS = 100
MIN_SHARE = 0.12


def english(text: str) -> bool:
    """Is ``text`` English by the rule in the module docstring?"""
    letters = [c for c in text if c.isalpha()]
    if not letters or sum(c.isascii() for c in letters) < 0.9 * len(letters):
        return False
    words = re.findall(r"[a-z]+", text.lower())
    return (len(words) >= MIN_WORDS
            and sum(w in FUNCTION_WORDS for w in words) >= MIN_SHARE * len(words))


def page_text(record: dict) -> tuple[str, str]:
    """``(title, body)`` of one fundus truth record: the body is its summary, then
    each section's headline and paragraphs, one paragraph each, blank-line separated."""
    body = record.get("body") or {}
    parts = list(body.get("summary") or [])
    for section in body.get("sections") or []:
        parts += list(section.get("headline") or [])
        parts += list(section.get("paragraphs") or [])
    text = "\n\n".join(p.strip() for p in parts if p and p.strip())
    return (record.get("title") or "").strip(), text


def pages(folder: Path):
    """``(page ID, title, body)`` of every English page under ``folder`` (the
    ``test_data`` folder: one subfolder a country), in path order. The ID is the
    publisher and the page's publishing date (its truth's version key when the
    date is missing)."""
    for path in sorted(folder.glob("*/*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            continue
        for key, record in data.items():
            if not isinstance(record, dict):
                continue
            title, body = page_text(record)
            if not english(body):
                continue
            date = (record.get("publishing_date") or "")[:10] or key
            yield f"{path.stem}_{date}", title, body


def zyte_pages(path: Path):
    """``(page ID, "", body)`` of every English page of Zyte's ``ground-truth.json``
    (``{key: {"articleBody": ..., "url": ...}}``), in key order."""
    data = json.loads(path.read_text(encoding="utf-8"))
    for key in sorted(data):
        body = (data[key] or {}).get("articleBody") or ""
        if english(body):
            yield key[:12], "", body


def read_page(detector: Detector, title: str, body: str):
    """``(kept, thrown)`` of one page: ``kept``, the loaded scare-quote hits as
    ``(field, start, quoted)``; ``thrown``, every other top-level short quotation
    the scare-quote rules read, as ``(field, start, quoted, kind)``."""
    analysis = detector.analyze(Article(source="", title=title, body=body, id=0))
    kept = [(h.field, h.start, h.text) for h in analysis.hits
            if h.term == "scare quotes" and h.loaded]
    starts = {(f, s) for f, s, _ in kept}
    thrown = []
    lead = None
    for fld, text in (("body", body), ("title", title)):
        if not text.strip():
            continue
        vm = detector.voice_map(text, detector.find_terms(text), lead if fld == "title" else None)
        if fld == "body":
            lead = vm
        for s in vm.top:
            if s.depth == 0 and s._short and (s.kind is not None or s.scare) \
                    and (fld, s.start) not in starts:
                thrown.append((fld, s.start, text[s.start:s.end], s.kind or "dropped"))
    return kept, thrown


def read_judged(path: Path) -> dict[tuple[str, str, int, str], str]:
    """``(page, field, offset, quoted) -> label`` of a judged file (a header line,
    then ``page<TAB>field<TAB>offset<TAB>quoted<TAB>kind<TAB>label``)."""
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        cols = line.split("\t")
        if len(cols) >= 6:
            out[(cols[0], cols[1], int(cols[2]), cols[3])] = cols[5]
    return out


def context(text: str, start: int, end: int, width: int = 150) -> str:
    left = text[max(0, start - width):start]
    right = text[end:end + width // 2]
    return f"…{left}[[{text[start:end]}]]{right}…".replace("\n", " / ")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    src = ap.add_mutually_exclusive_group(required=True)
    src.add_argument("--data", type=Path, help="fundus' tests/resources/parser/test_data folder")
    src.add_argument("--zyte", type=Path, help="Zyte's article-extraction benchmark "
                     "ground-truth.json (bodies only)")
    ap.add_argument("--thrown", action="store_true",
                    help="also list the short quotations the rules throw away, with their kind")
    ap.add_argument("--context", action="store_true", help="print each row's context too")
    ap.add_argument("--judged", type=Path, help="a judged file (page, field, offset, quoted, "
                    "kind, label; round 35's benchmarks/data/scare_fundus_judged.tsv): count "
                    "the kept and thrown rows by label")
    args = ap.parse_args(argv)
    judged = read_judged(args.judged) if args.judged else None
    tally: dict[tuple[str, str], int] = {}
    unjudged = []
    detector = Detector(load_lexicon()).fit()
    n = n_kept = n_thrown = 0
    for pid, title, body in (pages(args.data) if args.data else zyte_pages(args.zyte)):
        n += 1
        kept, thrown = read_page(detector, title, body)
        n_kept += len(kept)
        n_thrown += len(thrown)
        rows = [(f, s, q, "SCARE") for f, s, q in kept] + (thrown if args.thrown else [])
        if judged is not None:
            for fld, start, quoted, kind in [(f, s, q, "SCARE") for f, s, q in kept] + thrown:
                label = judged.get((pid, fld, start, quoted))
                if label is None:
                    unjudged.append(f"{pid}\t{fld}\t{start}\t{quoted}\t{kind}")
                key = ("kept" if kind == "SCARE" else "thrown", label or "?")
                tally[key] = tally.get(key, 0) + 1
        for fld, start, quoted, kind in sorted(rows, key=lambda r: (r[0] != "title", r[1])):
            print(f"{pid}\t{fld}\t{start}\t{quoted}\t{kind}")
            if args.context:
                text = title if fld == "title" else body
                print("\t" + context(text, start, start + len(quoted)))
    print(f"{n} English pages, {n_kept} scare quotes kept, {n_thrown} short quotations "
          f"thrown away; detector {detector.version}", file=sys.stderr)
    if judged is not None:
        for side in ("kept", "thrown"):
            counts = {lab: n for (sd, lab), n in sorted(tally.items()) if sd == side}
            d = counts.get("D", 0)
            total = sum(counts.values())
            print(f"{side}: {d} of {total} distancing; " + ", ".join(
                f"{lab} {n}" for lab, n in counts.items()), file=sys.stderr)
        for row in unjudged:
            print(f"not judged: {row}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
