"""Article text made safe for where it is shown (terminals, spreadsheets, XML).

The functions live in :mod:`framing.text.safe`, so that commands that only
store articles (``framing ingest``) can print file names safely without
loading the report stage; this module keeps the renderers' import path.
"""

from ..text.safe import FORMULA_START, csv_cell, plain, printable, safe_model, visible

__all__ = ["FORMULA_START", "csv_cell", "plain", "printable", "safe_model", "visible"]
