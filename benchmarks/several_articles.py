"""Several articles pasted into one file: does the pasted loader cut a file
where, and only where, one article ends and the next begins?

Each folder holds copied pages: ``.txt`` files as a reader pasted them, or
``.html``/``.html.gz`` pages, which are first copied as select-all and copy
gives them (headless Chromium, as ``loaders_external.py --pasted`` does).

* Every page alone must not be cut (``pasted_articles`` finds nothing).
* Page i, page i+1 and page i+7 of each folder pasted into one file, with one
  of five separators between them (dashes, equals signs, a page break, a row
  of asterisks, underscores, in turn), must come apart into three pieces that
  each read exactly as the page read alone: headline, date, byline, outlet
  and body.

    python benchmarks/several_articles.py ../shared/data/real-pages/pasted \\
        ../shared/data/real-pages/html PATH/fundus/tests/resources/parser/test_data
"""

from __future__ import annotations

import argparse
import gzip
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from framing.loaders.several import pasted_articles  # noqa: E402
from framing.loaders.text import parse_page_text  # noqa: E402

SEPARATORS = {"dashes": "\n\n-----\n\n", "equals": "\n\n==========\n\n", "page break": "\n\f\n",
              "asterisks": "\n\n* * *\n\n", "underscores": "\n\n______________\n\n"}


def _texts(folder: Path) -> list[tuple[str, str]]:
    pasted = sorted(folder.rglob("*.txt"))
    if pasted:
        return [(p.name, p.read_text(encoding="utf-8", errors="replace")) for p in pasted]
    import loaders_external

    pages = sorted(p for p in folder.rglob("*") if p.name.endswith((".html", ".htm", ".html.gz")))
    tmp = Path(tempfile.mkdtemp(prefix="several-"))
    plain = []
    for p in pages:
        if p.name.endswith(".gz"):
            q = tmp / p.name[:-3]
            q.write_bytes(gzip.decompress(p.read_bytes()))
            plain.append(q)
        else:
            plain.append(p)
    return [(p.name, text) for p, text in loaders_external._copies(plain)]


def _fields(p) -> tuple:
    return (p.title, p.date, p.byline, p.outlet_hint, p.body)


def measure(name: str, texts: list[tuple[str, str]]) -> None:
    cut = [n for n, t in texts if pasted_articles(t)]
    print(f"{name}: {len(texts)} pages; cut when alone: {len(cut)} {cut[:5] if cut else ''}")
    alone = [parse_page_text(t) for _, t in texts]
    right = wrong = joined = 0
    kinds = list(SEPARATORS.values())
    for i in range(len(texts)):
        idx = [i, (i + 1) % len(texts), (i + 7) % len(texts)]
        whole = kinds[i % len(kinds)].join(texts[x][1] for x in idx)
        spans = pasted_articles(whole)
        if len(spans) != 3:
            joined += 1  # a page without a head of its own stays with the one above it
            continue
        same = all(_fields(parse_page_text(whole[s:e])) == _fields(alone[x]) for (s, e), x in zip(spans, idx))
        right += same
        wrong += not same
    print(f"  three pages in one file: {right} read apart, each as alone; {wrong} read apart with a piece "
          f"read otherwise; {joined} not cut in three")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folders", nargs="+", type=Path)
    args = ap.parse_args()
    for folder in args.folders:
        measure(folder.name, _texts(folder))


if __name__ == "__main__":
    main()
