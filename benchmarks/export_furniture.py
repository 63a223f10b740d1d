"""Page furniture removed from archive-export texts, counted and drawn for reading.

Reads Article-Bias-Prediction's article files (one JSON object each, the
text in ``content_original``) the way ``framing`` reads any export record,
and lists the paragraphs the export loader drops as the page's own
(:func:`framing.loaders.text.is_furniture_paragraph`): how many, in how many
texts, by kind (kinds are for this report only: the loader has one rule),
then ``--sample`` of them drawn at random with ``--seed``, each with the
paragraphs around it, for a reader to judge whether any is the article's.

    python benchmarks/export_furniture.py DIR [--files LIST] [--exclude DIR]
                                         [--take N --take-seed S] [--sample 50 --seed 50]

``--exclude`` leaves out the files of another folder (the articles the rule
was developed on); ``--take`` draws N of the rest with ``--take-seed``.
Nothing of the articles is in this repository.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from framing.loaders.export import _paragraphs, _text, _without_furniture  # noqa: E402

#: Report-only kinds, tried in order on the lower-cased paragraph.
KINDS = (
    ("ad label", r"(advertisement|ad)\W*(continue reading the main story)?|advertisement advertisement"),
    ("where the text goes on / a list's label", r"(story continue[sd]|continue reading|previous story|more to follow"
     r"|more on this|read more\W*$|further reading|you (may|might) also like|related\W*$|related stories"
     r"|listen:?$|watch:?$|more:$|read more here|read the full story|full story).*"),
    ("newsletter, app or follow prompt", r"(sign up|newsletter|click|tap|get the|download|follow|like us|join us"
     r"|subscribe|visit|reach|get columns|get free|twitter:|contact us|listen to).*"),
    ("link to another story", r"\W*(related|see also|more|read|watch|video|photos?|story|podcast|recommended"
     r"|full coverage|read or share this story)\W*:.*"),
    ("a figure's controls or credit", r"(enlarge this image|toggle caption|image copyright|image caption|slideshow"
     r"|next image|prev|\[image\]|\(photo).*"),
    ("share bar or a social network's name", r".*"),
)


def removed(path: Path) -> tuple[list[str], list[str]]:
    """The text's paragraphs as read, and those the loader drops."""
    rec = json.loads(path.read_text(encoding="utf-8"))
    body = _paragraphs(_text(rec.get("content_original") or rec.get("content")) or "")
    paras = body.split("\n\n") if body else []
    kept = Counter(_without_furniture(body).split("\n\n")) if body else Counter()
    out = []
    for p in paras:
        if kept[p] > 0:
            kept[p] -= 1
        else:
            out.append(p)
    return paras, out


def kind(paragraph: str) -> str:
    s = " ".join(paragraph.lower().split()).lstrip("-•— ")
    return next(k for k, rx in KINDS if re.fullmatch(rx, s))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dir", type=Path)
    ap.add_argument("--files", type=Path, help="a list of file names in DIR, one a line")
    ap.add_argument("--exclude", type=Path, help="leave out the file names in this folder")
    ap.add_argument("--take", type=int, default=0)
    ap.add_argument("--take-seed", type=int, default=20)
    ap.add_argument("--sample", type=int, default=50)
    ap.add_argument("--seed", type=int, default=50)
    args = ap.parse_args()

    names = ([n.strip() for n in args.files.read_text().splitlines() if n.strip()] if args.files
             else sorted(p.name for p in args.dir.glob("*.json")))
    if args.exclude:
        skip = {p.name for p in args.exclude.iterdir()}
        names = [n for n in names if n not in skip]
    if args.take:
        names = sorted(random.Random(args.take_seed).sample(names, args.take))

    drops: list[tuple[str, int, list[str]]] = []
    texts = 0
    by_kind: Counter[str] = Counter()
    for name in names:
        paras, out = removed(args.dir / name)
        texts += bool(out)
        for p in out:
            drops.append((name, paras.index(p), paras))
            by_kind[kind(p)] += 1
    print(f"{len(names):,} texts; {texts:,} with furniture; {len(drops):,} paragraphs dropped")
    for k, _ in KINDS:
        print(f"  {by_kind[k]:6,}  {k}")
    if args.sample and drops:
        pick = sorted(random.Random(args.seed).sample(range(len(drops)), min(args.sample, len(drops))))
        print(f"\n{len(pick)} drawn at random (seed {args.seed}): the paragraph dropped (>>) between its neighbours")
        for j, i in enumerate(pick, 1):
            name, k, paras = drops[i]
            print(f"[{j}] {name} paragraph {k + 1} of {len(paras)}")
            print("      ", paras[k - 1][:100] if k else "<start>")
            print("   >> ", paras[k][:200])
            print("      ", paras[k + 1][:100] if k + 1 < len(paras) else "<end>")


if __name__ == "__main__":
    main()
