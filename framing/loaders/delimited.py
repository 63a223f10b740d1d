"""The field separator of a delimited text table (an archive export, a
manifest, a file of labelled sentences), read from its header row.

Spreadsheets save "CSV" with the separator of the user's locale: a comma in
English, a semicolon where the decimal mark is a comma (German, French,
Spanish, ...), a tab for "Unicode text"."""

from __future__ import annotations

#: Field separators a table may use, the usual one first: comma, tab,
#: semicolon (spreadsheets in locales with a decimal comma), vertical bar.
CSV_DELIMITERS = (",", "\t", ";", "|")


def csv_delimiter(header: str) -> str:
    """The separator of a CSV whose header row is ``header``: the one it uses
    most (column names rarely hold any of them); a comma when none is used."""
    counts = [(header.count(d), -k) for k, d in enumerate(CSV_DELIMITERS)]
    best = max(counts)
    return CSV_DELIMITERS[-best[1]] if best[0] else ","
