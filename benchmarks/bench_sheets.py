"""Time and peak memory of ingesting the same rows as CSV, as an Excel
workbook, as an OpenDocument sheet and as Parquet.

The benchmark writes --rows invented rows (title, text of about --text-kb
kilobytes, outlet, date, URL) in each format: the workbook as Excel writes
one (its text in the shared-strings part, dates as day numbers with a date
style), the OpenDocument sheet as LibreOffice does (one ``content.xml``),
Parquet with pyarrow when it is installed. Each is ingested by ``framing
ingest`` in a process of its own (``--jobs`` as given), whose wall time and
peak RSS (``getrusage``) are reported beside the file's size.

    python benchmarks/bench_sheets.py                      # 50,000 rows
    python benchmarks/bench_sheets.py --rows 5000 --jobs 2

Not a test: run it by hand and record the numbers in docs/input-formats.md.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
import shutil
import sys
import tempfile
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_export_memory import _child_peak  # noqa: E402  (one measured ingest for both scripts)

WORDS = ("harbour council accord strike minister port vote talks ceasefire river border trade "
         "report officials said statement market election court ruling protest union government").split()


def invented_rows(n: int, text_kb: float, seed: int = 11) -> list[list[object]]:
    rng = random.Random(seed)
    rows: list[list[object]] = []
    day0 = dt.date(2026, 1, 1)
    for k in range(n):
        words = [rng.choice(WORDS) for _ in range(int(text_kb * 1024 / 7))]
        text = ". ".join(" ".join(words[i:i + 12]).capitalize() for i in range(0, len(words), 12)) + "."
        rows.append([f"{' '.join(words[:7]).capitalize()} {k}", text, f"Outlet {k % 40}",
                     day0 + dt.timedelta(days=k % 300), f"https://example.org/{k}"])
    return rows


HEADER = ["Headline", "Text", "Source", "Date", "URL"]


def write_csv(path: Path, rows: list[list[object]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(HEADER)
        for r in rows:
            w.writerow([r[0], r[1], r[2], r[3].isoformat(), r[4]])  # type: ignore[union-attr]


def _col(k: int) -> str:
    return "ABCDEFGHIJ"[k]


def write_xlsx(path: Path, rows: list[list[object]]) -> None:
    """A workbook as Excel writes one: shared strings, dates as day numbers with a date style."""
    strings: dict[str, int] = {}

    def sid(text: str) -> int:
        return strings.setdefault(text, len(strings))

    epoch = dt.date(1899, 12, 30)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        with z.open("xl/worksheets/sheet1.xml", "w") as fh:
            fh.write(b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.'
                     b'openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
            for number, row in enumerate([HEADER, *rows], start=1):
                cells = []
                for k, v in enumerate(row):
                    ref = f"{_col(k)}{number}"
                    if isinstance(v, dt.date):
                        cells.append(f'<c r="{ref}" s="1"><v>{(v - epoch).days}</v></c>')
                    else:
                        cells.append(f'<c r="{ref}" t="s"><v>{sid(str(v))}</v></c>')
                fh.write(f'<row r="{number}">{"".join(cells)}</row>'.encode("utf-8"))
            fh.write(b"</sheetData></worksheet>")
        with z.open("xl/sharedStrings.xml", "w") as fh:
            fh.write(f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.'
                     f'openxmlformats.org/spreadsheetml/2006/main" uniqueCount="{len(strings)}">'.encode())
            for text in strings:
                fh.write(f"<si><t>{escape(text)}</t></si>".encode("utf-8"))
            fh.write(b"</sst>")
        ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
        rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        z.writestr("xl/styles.xml", f'<styleSheet {ns}><numFmts count="0"/><fonts count="1"><font/></fonts>'
                   '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
                   '<borders count="1"><border/></borders><cellStyleXfs count="1">'
                   '<xf/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" '
                   'applyNumberFormat="1"/></cellXfs></styleSheet>')
        z.writestr("xl/workbook.xml", f'<workbook {ns} xmlns:r="{rel}"><sheets><sheet name="Export" sheetId="1" '
                   'r:id="rId1"/></sheets></workbook>')
        pkg = "http://schemas.openxmlformats.org/package/2006/relationships"
        z.writestr("xl/_rels/workbook.xml.rels", f'<Relationships xmlns="{pkg}"><Relationship Id="rId1" '
                   f'Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" '
                   f'Type="{rel}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" '
                   f'Type="{rel}/styles" Target="styles.xml"/></Relationships>')
        z.writestr("_rels/.rels", f'<Relationships xmlns="{pkg}"><Relationship Id="rId1" '
                   f'Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        ct = "application/vnd.openxmlformats-officedocument.spreadsheetml"
        z.writestr("[Content_Types].xml", '<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                   'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-'
                   'package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
                   f'<Override PartName="/xl/workbook.xml" ContentType="{ct}.sheet.main+xml"/>'
                   f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{ct}.worksheet+xml"/>'
                   f'<Override PartName="/xl/sharedStrings.xml" ContentType="{ct}.sharedStrings+xml"/>'
                   f'<Override PartName="/xl/styles.xml" ContentType="{ct}.styles+xml"/></Types>')


def write_ods(path: Path, rows: list[list[object]]) -> None:
    """An OpenDocument sheet as LibreOffice writes one: its media type first, then ``content.xml``."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        with z.open("content.xml", "w") as fh:
            fh.write(b'<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names'
                     b':tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
                     b' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>'
                     b'<table:table table:name="Export">')
            for row in [HEADER, *rows]:
                cells = []
                for v in row:
                    if isinstance(v, dt.date):
                        cells.append(f'<table:table-cell office:value-type="date" office:date-value="{v.isoformat()}">'
                                     f"<text:p>{v.isoformat()}</text:p></table:table-cell>")
                    else:
                        cells.append(f'<table:table-cell office:value-type="string"><text:p>{escape(str(v))}'
                                     "</text:p></table:table-cell>")
                fh.write(f"<table:table-row>{''.join(cells)}</table:table-row>".encode("utf-8"))
            fh.write(b"</table:table></office:spreadsheet></office:body></office:document-content>")
        z.writestr("META-INF/manifest.xml", '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:'
                   'xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application'
                   '/vnd.oasis.opendocument.spreadsheet"/></manifest:manifest>')


def write_parquet(path: Path, rows: list[list[object]]) -> bool:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        return False
    cols = list(zip(*rows))
    pq.write_table(pa.table({"title": list(cols[0]), "text": list(cols[1]), "domain": list(cols[2]),
                             "date": list(cols[3]), "url": list(cols[4])}), path)
    return True


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", type=int, default=50_000)
    ap.add_argument("--text-kb", type=float, default=1.0, help="text of each row (default 1 KB)")
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--formats", default="csv,xlsx,ods,parquet")
    ap.add_argument("--framing", default=shutil.which("framing") or str(Path(sys.executable).with_name("framing")))
    ap.add_argument("--keep", type=Path, help="work in this folder and keep it")
    args = ap.parse_args()
    tmp = args.keep or Path(tempfile.mkdtemp(prefix="framing-bench-"))
    tmp.mkdir(parents=True, exist_ok=True)
    try:
        rows = invented_rows(args.rows, args.text_kb)
        writers = {"csv": write_csv, "xlsx": write_xlsx, "ods": write_ods, "parquet": write_parquet}
        print(f"{args.rows:,} rows, text {args.text_kb} KB each, --jobs {args.jobs}")
        print(f"{'format':8} {'file MB':>8} {'seconds':>8} {'peak RSS MB':>12}  last line")
        for fmt in args.formats.split(","):
            path = tmp / f"export.{fmt}"
            if writers[fmt](path, rows) is False:
                print(f"{fmt:8} (pyarrow not installed)")
                continue
            db = tmp / f"{fmt}.db"
            db.unlink(missing_ok=True)
            seconds, rss, last = _child_peak(args.framing, path, db, "--jobs", str(args.jobs))
            print(f"{fmt:8} {path.stat().st_size / 2**20:8.1f} {seconds:8.1f} {rss / 2**20:12.0f}  {last}")
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
