"""One loader per input kind, each producing :class:`framing.models.Article`:

- :mod:`.text` — text copied from a web page (``.txt``, ``.md``), clutter and all;
- :mod:`.html` — saved HTML pages (trafilatura);
- :mod:`.export` — news-archive exports (JSONL, JSON, CSV);
- :mod:`.sheets` — spreadsheets (``.xlsx``, ``.ods``) and Parquet files, their rows read as an export's;
- :mod:`.manifest` — ``manifest.csv``, what the user knows about each file.

:mod:`framing.corpus` picks the loader for each file.
"""
