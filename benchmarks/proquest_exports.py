"""ProQuest exports of other projects read by framing, in place: how many
records each holds and how many framing reads, with which fields.

Neither the repository nor ../shared holds such exports (they are the
databases' text, licensed to a library): give the files of a checkout,
"Text only" exports (``.txt``), HTML ones (``.html``) or the e-mail ProQuest
sends (``.eml``):

    python benchmarks/proquest_exports.py PATH/importProquest/inst/star.txt \\
        PATH/tm.plugin.proquest/inst/emls/*.eml ...

A file's records are counted off its own layout (the "Full text:" fields of
a text export, the ``DocID_`` anchors of an HTML one), then read with
:func:`framing.corpus.load_file`: stored articles (a record ProQuest holds
twice, same outlet, date, headline and opening, is stored once), errors,
and how many have a date, an outlet, a byline, an address, a dateline.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from framing.corpus import InputFile, load_file  # noqa: E402


def expected(path: Path) -> int:
    """The records the file's own layout shows."""
    data = path.read_bytes().decode("utf-8", "replace")
    if path.suffix == ".txt":
        return len(re.findall(r"^Full ?text:", data, re.MULTILINE))
    if path.suffix == ".eml":
        import email
        import email.policy

        msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        part = msg.get_body(("html",))
        data = part.get_content() if part is not None else ""
    return len(set(re.findall(r"""name=["']DocID_([^"']+)""", data)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    args = parser.parse_args(argv)
    print("file\trecords\tstored\terrors\tdated\toutlet\tbyline\turl\tdateline\tformat")
    for path in args.files:
        loaded, errors = load_file(InputFile(path, path.name))
        arts = [r.article for r in loaded]
        print("\t".join(str(x) for x in (
            path.name, expected(path), len(arts), len(errors), sum(bool(a.date) for a in arts),
            sum(bool(a.outlet) for a in arts), sum(bool(a.byline) for a in arts), sum(bool(a.url) for a in arts),
            sum(bool(a.dateline) for a in arts), ",".join(sorted({a.format for a in arts})))))
        for e in errors[:3]:
            print(f"  error: {e.problem}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
