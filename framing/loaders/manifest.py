"""``manifest.csv``: what the user knows about each file (outlet, event, date,
url, title), which overrides what the loaders guessed.

Separated by commas, semicolons or tabs (whichever the header row uses), in
any encoding the loaders read. Columns: ``path`` (required, relative to the manifest's folder) and any of
``outlet, event, date, url, title``, and ``group`` (the outlet's group: a
leaning, a country, an owner); other columns (``country``, notes) are kept
beside them, so ``--group-by COLUMN`` can name one as the group.
"""

from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError, ManifestError
from .decode import decode
from .delimited import csv_delimiter

MANIFEST_NAME = "manifest.csv"
OVERRIDE_FIELDS = ("outlet", "event", "date", "url", "title")


@dataclass
class Manifest:
    """Rows of one manifest, keyed by the resolved path of the file they describe."""

    path: str
    rows: dict[str, dict[str, str]] = field(default_factory=dict)
    errors: list[InputError] = field(default_factory=list)

    def lookup(self, file: Path) -> dict[str, str] | None:
        return self.rows.get(os.path.normcase(str(file.resolve())))


def read_manifest(path: str | os.PathLike[str], display: str | None = None) -> Manifest:
    """Read a manifest; a malformed file raises, a bad row becomes one error.

    Rows naming files that do not exist are errors too (the rest still apply).
    Messages name the manifest as ``display`` (default: ``path``).
    """
    display = display or str(path)
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise ManifestError(display, f"cannot read manifest ({exc.strerror or exc})") from None
    text, _ = decode(display, data)
    # A spreadsheet saves "CSV" with its locale's separator (";" in German or
    # French, a tab for "Unicode text"): read the one the header row uses.
    reader = csv.reader(io.StringIO(text), delimiter=csv_delimiter(text.split("\n", 1)[0]))
    try:
        header = [h.strip().lower() for h in next(reader)]
    except (StopIteration, csv.Error):
        raise ManifestError(display, "manifest has no header row") from None
    if "path" not in header:
        found = ", ".join(h.encode("unicode_escape").decode("ascii") for h in header)  # one line, always
        raise ManifestError(display, "manifest needs a 'path' column (found: " + found + ")", 1)
    manifest = Manifest(display)
    base = p.parent
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            manifest.errors.append(ManifestError(display, f"malformed CSV ({exc})", reader.line_num))
            continue
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(header):
            manifest.errors.append(
                ManifestError(display, f"expected {len(header)} fields, found {len(row)}", line)
            )
            continue
        record = dict(zip(header, (cell.strip() for cell in row)))
        rel = record.get("path", "")
        if not rel:
            manifest.errors.append(ManifestError(display, "row has no path", line))
            continue
        target = (base / rel).resolve()
        if not target.is_file():
            shown = rel if rel.isprintable() else rel.encode("unicode_escape").decode("ascii")
            manifest.errors.append(ManifestError(display, f"names missing file {shown}", line))
            continue
        values = {k: record[k] for k in OVERRIDE_FIELDS if record.get(k)}
        # Every other column too (group, country, notes...): --group-by may name one.
        values.update({k: v for k, v in record.items() if v and k not in OVERRIDE_FIELDS and k != "path"})
        if "date" in values:
            from .dates import parse_date  # its patterns compile on import: only for a dated row

            iso = parse_date(values["date"])
            if iso is None:
                manifest.errors.append(
                    ManifestError(display, f"date {values['date']!r} is not a date (use YYYY-MM-DD)", line)
                )
                del values["date"]
            else:
                values["date"] = iso
        manifest.rows[os.path.normcase(str(target))] = values
    return manifest
