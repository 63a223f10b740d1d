"""Spreadsheets (``.xlsx``, ``.xlsm``, ``.ods``) and Parquet files kept as
archive exports: one article a row, read through the same column mapping as
a CSV export (:func:`framing.loaders.export.resolve_columns`, ``--column``).

Media-monitoring services (Meltwater, Cision, Talkwalker, Brandwatch) export
workbooks, coders keep coding sheets, and large collections (Hugging Face's
news sets) come as Parquet. A workbook's rows become the rows a CSV export
gives (:func:`framing.loaders.export.table_records`), a Parquet file's rows
the objects a JSON Lines export gives: no second mapper.

What a sheet holds beside its table is handled here: title or logo rows above
the header (the header is the first row that names a text or title column),
several sheets (each that has such a header is read, and a note says which),
date cells (real dates, or Excel's day numbers in the date column), merged
cells (a value merged down a column fills each row), formulas (the value
saved with the workbook), hyperlinks (a linked cell's address is the record's
URL when no URL column gives it).

Workbooks are read as a stream of rows (openpyxl's read-only mode), their
shared strings (a workbook's text) spooled to a temporary file rather than
held; an OpenDocument sheet's ``content.xml`` streams through lxml. Parquet is read a record batch at a time, and needs pyarrow
(``pip install 'framing[parquet]'``).
"""

from __future__ import annotations

import datetime as dt
import math
import re
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path
from typing import Any

from ..errors import InputError

#: The first bytes of an OLE2 compound file: an old .xls workbook, or an
#: Office file saved with a password (its package encrypted inside one).
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: A row whose cells repeat (OpenDocument's ``number-rows-repeated``) is
#: given at most this many times: a sheet's trailing empty million are none.
MAX_REPEAT = 1000

#: Files that hold a table but that framing does not read, and what to give instead.
DATA_FILES = {
    ".feather": "a Feather (Arrow) file",
    ".arrow": "an Arrow IPC file",
    ".ipc": "an Arrow IPC file",
    ".pkl": "a Python pickle (framing never loads one: unpickling can run code)",
    ".pickle": "a Python pickle (framing never loads one: unpickling can run code)",
    ".rds": "an R data file",
    ".rdata": "an R data file",
    ".rda": "an R data file",
    ".dta": "a Stata data file",
    ".sav": "an SPSS data file",
    ".zsav": "an SPSS data file",
    ".por": "an SPSS data file",
    ".sas7bdat": "a SAS data file",
}
_GIVE_INSTEAD = "save the table as Parquet, CSV or JSON Lines (one article a row) and give that file"


def data_file_message(ext: str) -> str:
    """The one line for a table file framing does not read (:data:`DATA_FILES`)."""
    return f"{DATA_FILES[ext]}, not an export framing reads: {_GIVE_INSTEAD}"


@dataclass(frozen=True)
class Link:
    """A hyperlinked cell: the text it shows and the address it links to."""

    text: Any
    target: str


@dataclass(frozen=True)
class Cell:
    """One row of one sheet: the sheet's name, the row's number (1 for the
    sheet's first row, as a spreadsheet shows it) and its cell values."""

    sheet: str
    row: int
    values: list[Any]


def _workbook_problem(display: str, path: Path) -> InputError | None:
    """An old or password-protected workbook, or a file that is no workbook, by its first bytes."""
    with path.open("rb") as fh:
        head = fh.read(8)
        if head == _OLE2:
            data = fh.read(1 << 20)
            if "EncryptedPackage".encode("utf-16-le") in data:
                return InputError(display, "a password-protected workbook: open it, save a copy without the "
                                           "password (or as CSV UTF-8) and give that file")
            return InputError(display, "an old Excel workbook (.xls): save it as .xlsx or CSV UTF-8 and give "
                                       "that file")
    if not head:
        return InputError(display, "empty file")
    if not head.startswith(b"PK"):
        return InputError(display, "not a workbook (it is no zip archive): save the sheet as .xlsx, .ods or CSV")
    return None


# --- .xlsx, .xlsm ---------------------------------------------------------

_TAIL_START = re.compile(rb"</(?:\w+:)?sheetData>")
_MERGE = re.compile(rb"<(?:\w+:)?mergeCell\b[^>]*?\bref=\"([A-Z]+)(\d+):([A-Z]+)(\d+)\"")
_HYPERLINK = re.compile(rb"<(?:\w+:)?hyperlink\b([^>]*)>")
_ATTR = re.compile(rb"([\w:]+)=\"([^\"]*)\"")
_REF = re.compile(r"([A-Z]+)(\d+)$")


def _column(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def _sheet_tail(archive: zipfile.ZipFile, member: str) -> bytes:
    """What follows a sheet's rows in its XML (merged ranges, hyperlinks),
    read in one pass over the part without holding it."""
    tail = b""
    carry = b""
    with archive.open(member) as fh:
        while chunk := fh.read(1 << 20):
            if tail:
                tail += chunk
                continue
            buf = carry + chunk
            m = _TAIL_START.search(buf)
            if m:
                tail = buf[m.end():]
            else:
                carry = buf[-32:]
            if len(tail) > 64 << 20:
                break  # no sheet's furniture is this long
    return tail


def _relationships(archive: zipfile.ZipFile, member: str) -> dict[str, str]:
    """A sheet part's external relationships: id -> address (hyperlinks' targets)."""
    folder, _, name = member.rpartition("/")
    rels = f"{folder}/_rels/{name}.rels"
    try:
        data = archive.read(rels)
    except KeyError:
        return {}
    out = {}
    for tag in re.finditer(rb"<(?:\w+:)?Relationship\b([^>]*)>", data):
        attrs = dict(_ATTR.findall(tag.group(1)))
        if b"Id" in attrs and b"Target" in attrs:
            out[attrs[b"Id"].decode("utf-8", "replace")] = _unescape(attrs[b"Target"])
    return out


def _unescape(raw: bytes) -> str:
    import html

    return html.unescape(raw.decode("utf-8", "replace"))


def _sheet_furniture(archive: zipfile.ZipFile, member: str) -> tuple[dict[int, list[tuple[int, int]]],
                                                                      dict[tuple[int, int], str]]:
    """Merged ranges that run down rows (``top row -> [(column, bottom row)]``)
    and hyperlinks (``(row, column) -> address``) of one sheet."""
    tail = _sheet_tail(archive, member)
    merged: dict[int, list[tuple[int, int]]] = {}
    for c1, r1, _c2, r2 in _MERGE.findall(tail):
        if int(r2) > int(r1):
            merged.setdefault(int(r1), []).append((_column(c1.decode()), int(r2)))
    links: dict[tuple[int, int], str] = {}
    tags = _HYPERLINK.findall(tail)
    if tags:
        rels = _relationships(archive, member)
        for attrs in tags:
            found = dict(_ATTR.findall(attrs))
            ref = found.get(b"ref", b"").decode("ascii", "replace").split(":")[0]
            rid = next((v.decode() for k, v in found.items() if k.endswith(b":id")), None)
            target = rels.get(rid) if rid else None
            m = _REF.match(ref)
            if m and target and re.match(r"(?i)https?://", target):
                links[(int(m.group(2)), _column(m.group(1)))] = target
    return merged, links


def xlsx_rows(display: str, path: Path) -> tuple[Iterator[Cell], dt.datetime]:
    """The rows of every sheet of an Office Open XML workbook, streamed, and
    the workbook's day zero (Excel's day numbers count from it)."""
    problem = _workbook_problem(display, path)
    if problem is not None:
        raise problem
    _quiet_openpyxl()
    strings: list[SpooledStrings] = []
    try:
        wb = _open_workbook(path, strings)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError, EOFError) as exc:
        raise InputError(display, f"not a readable workbook ({_reason(exc)}): is it cut short? save it again as "
                                  ".xlsx or CSV UTF-8") from None
    except Exception as exc:  # a malformed part: openpyxl raises what its parser raised
        raise InputError(display, f"not a readable workbook ({type(exc).__name__}: {_reason(exc)})") from None
    epoch = wb.epoch

    def rows() -> Iterator[Cell]:
        try:
            archive = wb._archive  # openpyxl keeps the open zip in read-only mode
            for ws in wb.worksheets:
                if not hasattr(ws, "_worksheet_path"):
                    continue  # a chart sheet: no cells
                merged, links = _sheet_furniture(archive, ws._worksheet_path)
                down: dict[int, tuple[Any, int]] = {}
                ws.reset_dimensions()  # a saved dimension may be wrong: read every row there is
                for number, row in enumerate(ws.iter_rows(values_only=True), start=1):
                    values = list(row)
                    for col, (value, last) in list(down.items()):
                        if number > last:
                            del down[col]
                        elif col < len(values) and values[col] is None:
                            values[col] = value
                        elif col >= len(values):
                            values.extend([None] * (col - len(values)) + [value])
                    for col, last in merged.get(number, ()):
                        if col < len(values):
                            down[col] = (values[col], last)
                    if links:
                        for col, value in enumerate(values):
                            target = links.get((number, col))
                            if target:
                                values[col] = Link(value, target)
                    yield Cell(ws.title, number, values)
        finally:
            wb.close()
            for spooled in strings:
                spooled.close()

    return rows(), epoch


class SpooledStrings(Sequence[str]):
    """A workbook's shared strings (the text of all its cells, each string
    once) kept in a temporary file, the offsets alone in memory: a cell reads
    its string by index when its row is read. openpyxl would hold them all,
    so a workbook's memory grew with its text."""

    def __init__(self, source: Any) -> None:
        import tempfile
        from array import array

        from openpyxl.cell.text import Text
        from openpyxl.xml.constants import SHEET_MAIN_NS
        from openpyxl.xml.functions import iterparse

        self._file = tempfile.TemporaryFile()
        self._offsets = array("q", [0])
        tag = f"{{{SHEET_MAIN_NS}}}si"
        try:
            for _, node in iterparse(source):
                if node.tag == tag:
                    # read as openpyxl's read_string_table reads each string
                    text = Text.from_tree(node).content.replace("x005F_", "")
                    node.clear()
                    data = text.encode("utf-8", "surrogatepass")
                    self._file.write(data)
                    self._offsets.append(self._offsets[-1] + len(data))
        except BaseException:
            self._file.close()
            raise

    def __len__(self) -> int:
        return len(self._offsets) - 1

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            return [self[k] for k in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("shared string index out of range")
        start = self._offsets[index]
        self._file.seek(start)
        return self._file.read(self._offsets[index + 1] - start).decode("utf-8", "surrogatepass")

    def close(self) -> None:
        self._file.close()


def _open_workbook(path: Path, strings: list[SpooledStrings]) -> Any:
    """openpyxl's read-only workbook, its shared strings spooled to a
    temporary file (:class:`SpooledStrings`, put in ``strings`` to close)."""
    from openpyxl.reader.excel import ExcelReader
    from openpyxl.xml.constants import SHARED_STRINGS

    class Reader(ExcelReader):  # type: ignore[misc]
        def read_strings(self) -> None:
            part = self.package.find(SHARED_STRINGS)
            if part is not None:
                with self.archive.open(part.PartName[1:]) as src:
                    self.shared_strings = SpooledStrings(src)
                strings.append(self.shared_strings)

    reader = Reader(path, read_only=True, data_only=True, keep_links=False)
    try:
        reader.read()
    except BaseException:
        for spooled in strings:
            spooled.close()
        reader.archive.close()
        raise
    return reader.wb


_OPENPYXL = r"openpyxl\."


def _quiet_openpyxl() -> None:
    """openpyxl's warnings about a workbook ("no default style", an unknown
    extension dropped) are nothing a reader of the rows can act on: silenced
    by their module for as long as the rows stream (a ``catch_warnings``
    could not span a generator's yields), set again if the filters were reset."""
    import warnings

    for action, _message, category, module, _line in warnings.filters:
        if action == "ignore" and category is UserWarning and getattr(module, "pattern", None) == _OPENPYXL:
            return
    warnings.filterwarnings("ignore", category=UserWarning, module=_OPENPYXL)


def _reason(exc: BaseException) -> str:
    return str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__


# --- .ods ------------------------------------------------------------------

_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_TEXTNS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_XLINK = "http://www.w3.org/1999/xlink"


def _ods_text(el: Any, out: list[str], links: list[str]) -> None:
    """The text of a cell's paragraph as a reader sees it (spaces, tabs, line breaks kept)."""
    if el.text:
        out.append(el.text)
    for child in el:
        tag = child.tag if isinstance(child.tag, str) else ""
        local = tag.rpartition("}")[2]
        if local == "s":
            out.append(" " * int(child.get(f"{{{_TEXTNS}}}c", "1") or 1))
        elif local == "tab":
            out.append("\t")
        elif local == "line-break":
            out.append("\n")
        elif local in ("note", "annotation"):
            pass  # a comment on the cell, not its value
        else:
            if local == "a" and child.get(f"{{{_XLINK}}}href"):
                links.append(child.get(f"{{{_XLINK}}}href"))
            _ods_text(child, out, links)
        if child.tail:
            out.append(child.tail)


def _ods_value(cell: Any) -> Any:
    kind = cell.get(f"{{{_OFFICE}}}value-type")
    paragraphs = []
    links: list[str] = []
    for p in cell:
        if isinstance(p.tag, str) and p.tag.rpartition("}")[2] in ("p", "h"):
            parts: list[str] = []
            _ods_text(p, parts, links)
            paragraphs.append("".join(parts))
    text = "\n".join(paragraphs)
    value: Any = text or None
    if kind in ("float", "percentage", "currency"):
        raw = cell.get(f"{{{_OFFICE}}}value")
        try:
            number = float(raw) if raw is not None else None
        except ValueError:
            number = None
        if number is not None and math.isfinite(number):
            value = int(number) if number.is_integer() and abs(number) < 1e15 else number
    elif kind == "date":
        value = cell.get(f"{{{_OFFICE}}}date-value") or value
    link = next((x for x in links if re.match(r"(?i)https?://", x)), None)
    return Link(value, link) if link else value


def _ods_encrypted(archive: zipfile.ZipFile) -> bool:
    try:
        return b"encryption-data" in archive.read("META-INF/manifest.xml")
    except KeyError:
        return False


def ods_rows(display: str, path: Path) -> tuple[Iterator[Cell], dt.datetime]:
    """The rows of every sheet of an OpenDocument spreadsheet, streamed from
    its ``content.xml`` (never held whole)."""
    problem = _workbook_problem(display, path)
    if problem is not None:
        raise problem
    try:
        archive = zipfile.ZipFile(path)
        if _ods_encrypted(archive):
            archive.close()
            raise InputError(display, "a password-protected workbook: open it, save a copy without the "
                                      "password (or as CSV UTF-8) and give that file")
        archive.getinfo("content.xml")
    except InputError:
        raise
    except (zipfile.BadZipFile, KeyError, OSError, EOFError) as exc:
        raise InputError(display, f"not a readable OpenDocument spreadsheet ({_reason(exc)})") from None

    def rows() -> Iterator[Cell]:
        from lxml import etree

        row_tag, table_tag = f"{{{_TABLE}}}table-row", f"{{{_TABLE}}}table"
        cell_tags = (f"{{{_TABLE}}}table-cell", f"{{{_TABLE}}}covered-table-cell")
        repeat_cols, repeat_rows = f"{{{_TABLE}}}number-columns-repeated", f"{{{_TABLE}}}number-rows-repeated"
        spanned = f"{{{_TABLE}}}number-rows-spanned"
        try:
            with archive, archive.open("content.xml") as fh:
                name, number = "", 0
                down: dict[int, tuple[Any, int]] = {}
                for event, el in etree.iterparse(fh, events=("start", "end"), tag=(table_tag, row_tag),
                                                 huge_tree=True, resolve_entities=False, no_network=True):
                    if el.tag == table_tag:
                        if event == "start":
                            name, number, down = el.get(f"{{{_TABLE}}}name", ""), 0, {}
                        else:
                            el.clear()
                        continue
                    if event == "start":
                        continue
                    values: list[Any] = []
                    pending = 0
                    for cell in el:
                        if cell.tag not in cell_tags:
                            continue
                        times = min(int(cell.get(repeat_cols, "1") or 1), 16384)
                        value = _ods_value(cell) if cell.tag == cell_tags[0] else None
                        col = len(values) + pending
                        if value is None and col in down:
                            value = down[col][0]
                        if value is None:
                            pending += times
                            continue
                        values.extend([None] * pending)
                        pending = 0
                        span = int(cell.get(spanned, "1") or 1)
                        if span > 1:
                            down[col] = (value, number + span)
                        values.extend([value] * min(times, 64))
                    times = int(el.get(repeat_rows, "1") or 1)
                    el.clear()
                    while el.getprevious() is not None:
                        del el.getparent()[0]
                    for _ in range(min(times, MAX_REPEAT) if values else 0):
                        number += 1
                        yield Cell(name, number, values)
                    if not values:
                        number += times
                    for col, (_v, last) in list(down.items()):
                        if number >= last:
                            del down[col]
        except etree.XMLSyntaxError as exc:
            raise InputError(display, f"not a readable OpenDocument spreadsheet ({_reason(exc)})") from None
        except (zipfile.BadZipFile, OSError, EOFError) as exc:
            raise InputError(display, f"cannot read the spreadsheet ({_reason(exc)})") from None

    return rows(), dt.datetime(1899, 12, 30)


def cell_text(value: Any) -> str:
    """A cell's value as the text a CSV export of the sheet would hold: a
    whole number without ``.0``, a date (and its time, when it has one) in
    ISO form, TRUE/FALSE, a hyperlink's shown text."""
    if isinstance(value, Link):
        value = value.text
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if not math.isfinite(value):
            return ""
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() and value.tzinfo is None \
            else value.isoformat()
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return str(value)


def serial_date(value: Any, epoch: dt.datetime) -> str | None:
    """A date cell saved as Excel's day number (45000 is 2023-03-15): the day, or None."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 1 <= value < 2958466:
        return None
    when = epoch + dt.timedelta(days=float(value))
    return when.date().isoformat() if when.time() == dt.time() else when.isoformat()


def by_sheet(rows: Iterator[Cell]) -> Iterator[tuple[str, Iterator[Cell]]]:
    """The rows grouped by their sheet, in the workbook's order."""
    return groupby(rows, key=lambda c: c.sheet)


# --- Parquet ---------------------------------------------------------------

#: Rows of a Parquet file per record batch (one batch is held at a time).
PARQUET_BATCH = 1_000
PYARROW_MISSING = "Parquet needs pyarrow: pip install 'framing[parquet]'"


def parquet_batches(display: str, path: Path) -> tuple[list[str], Iterator[list[dict[str, Any]]]]:
    """The column names of a Parquet file and its rows, a batch of
    :data:`PARQUET_BATCH` at a time (binary columns, such as an image's
    bytes, are not read)."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise InputError(display, PYARROW_MISSING) from None
    with path.open("rb") as fh:
        head = fh.read(4)
    if head != b"PAR1":
        raise InputError(display, "not a Parquet file (it does not open with PAR1): is it cut short, or "
                                  "another format named .parquet?")
    try:
        pf = pq.ParquetFile(path)
        schema = pf.schema_arrow
    except (pa.ArrowException, OSError, ValueError) as exc:
        raise InputError(display, f"not a readable Parquet file ({_reason(exc)})") from None
    names = [f.name for f in schema
             if not (pa.types.is_binary(f.type) or pa.types.is_large_binary(f.type)
                     or pa.types.is_fixed_size_binary(f.type))]

    def batches() -> Iterator[list[dict[str, Any]]]:
        try:
            for batch in pf.iter_batches(batch_size=PARQUET_BATCH, columns=names):
                yield batch.to_pylist()
        except (pa.ArrowException, OSError, ValueError) as exc:
            raise InputError(display, f"could not read the rest of the Parquet file ({_reason(exc)})") from None
        finally:
            pf.close()

    return names, batches()
