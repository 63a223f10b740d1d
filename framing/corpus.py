"""Stage 1: find the input files, pick a loader for each, apply what the user
knows (manifest, ``--outlet``, ``--event``), and hand articles to the store.

Every problem with one file or record becomes an :class:`InputError` naming
it; the rest of the batch goes on.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .errors import InputError
from .loaders import export, html
from .loaders.decode import DEFAULT_MAX_BYTES, check_size, decode
from .loaders.manifest import MANIFEST_NAME, Manifest, read_manifest
from .models import Article
from .store import DEFAULT_DB, Store

#: Version of the extraction code; part of every fingerprint, so a better
#: extractor re-extracts stored articles on the next ingest.
EXTRACTOR_VERSION = "1"

TEXT_EXT = frozenset({".txt", ".text", ".md", ".markdown"})
HTML_EXT = frozenset({".html", ".htm", ".xhtml", ".shtml"})
JSONL_EXT = frozenset({".jsonl", ".ndjson"})
JSON_EXT = frozenset({".json"})
CSV_EXT = frozenset({".csv", ".tsv"})
SUPPORTED = TEXT_EXT | HTML_EXT | JSONL_EXT | JSON_EXT | CSV_EXT
#: A folder holding a file of this name is passed over when a parent folder is
#: read (given by itself, it is read): a separate corpus kept inside another,
#: such as the classroom corpus inside the demo corpus.
IGNORE_MARKER = ".framing-ignore"
#: Files in a folder that describe the folder rather than hold articles.
_NOT_ARTICLES = ("readme", "license", "licence", "copying", "changelog", "authors")


@dataclass
class InputFile:
    """A file to load, the path to show for it, and the manifest that covers it."""

    path: Path
    display: str
    manifest: Manifest | None = None


@dataclass
class LoadedRecord:
    record: str
    article: Article


@dataclass
class FileReport:
    """What happened to one input file."""

    source: str
    counts: Counter[str] = field(default_factory=Counter)  # added / unchanged / updated / error
    errors: list[InputError] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    article_ids: list[int] = field(default_factory=list)

    @property
    def status(self) -> str:
        """``added``, ``unchanged``, ``updated``, ``error``, or ``mixed`` for a multi-record file."""
        kinds = [k for k in ("added", "updated", "unchanged") if self.counts[k]]
        if not kinds:
            return "error"
        if len(kinds) == 1 and not self.errors and sum(self.counts.values()) == 1:
            return kinds[0]
        return "mixed"

    @property
    def ok(self) -> bool:
        return not self.errors


def discover(
    paths: Iterable[str | os.PathLike[str] | tuple[str | os.PathLike[str], str]],
    manifest: str | os.PathLike[str] | None = None
) -> tuple[list[InputFile], list[InputError], int]:
    """Expand files and folders (recursively, in sorted order) into input files.

    Returns ``(files, errors, skipped)``: errors for paths that do not exist
    and for bad manifest rows; ``skipped`` counts files in folders whose
    extension no loader reads. A path may be given as ``(path, label)`` to show
    ``label`` in place of the path (the demo corpus shows as ``corpus/...``).
    """
    files: list[InputFile] = []
    errors: list[InputError] = []
    skipped = 0
    explicit: Manifest | None = None
    if manifest is not None:
        explicit = read_manifest(manifest)
        errors.extend(explicit.errors)
    seen: set[str] = set()

    def add(path: Path, display: str, covering: Manifest | None) -> None:
        key = os.path.normcase(str(path.resolve()))
        if key in seen:
            return
        seen.add(key)
        files.append(InputFile(path, display, explicit or covering))

    for given in paths:
        if isinstance(given, tuple):
            given, display_root = given
        else:
            display_root = str(given)
        root = Path(given)
        if root.is_file():
            local = _folder_manifest(root.parent, {}, errors)
            add(root, display_root, local)
        elif root.is_dir():
            manifests: dict[Path, Manifest | None] = {}
            for folder, dirs, names in os.walk(root):
                here = Path(folder)
                # Hidden folders, caches, framing's own output folders (they
                # hold a store) and folders marked with IGNORE_MARKER are not input.
                dirs[:] = sorted(d for d in dirs if not d.startswith((".", "__"))
                                 and not (here / d / DEFAULT_DB).exists()
                                 and not (here / d / IGNORE_MARKER).exists())
                covering = _nearest_manifest(here, root, display_root, manifests, errors)
                for name in sorted(names):
                    p = here / name
                    if _not_article(name):
                        continue
                    if p.suffix.lower() not in SUPPORTED:
                        skipped += 1
                        continue
                    rel = p.relative_to(root).as_posix()
                    add(p, display_root.rstrip("/\\") + "/" + rel, covering)
        else:
            errors.append(InputError(display_root, "no such file or folder"))
    return files, errors, skipped


def _not_article(name: str) -> bool:
    low = name.lower()
    return low.startswith(".") or low == MANIFEST_NAME or low.split(".")[0] in _NOT_ARTICLES


def _folder_manifest(
    folder: Path, cache: dict[Path, Manifest | None], errors: list[InputError], display: str | None = None
) -> Manifest | None:
    if folder not in cache:
        candidate = folder / MANIFEST_NAME
        if candidate.is_file():
            try:
                cache[folder] = read_manifest(candidate, display)
                errors.extend(cache[folder].errors)  # type: ignore[union-attr]
            except InputError as exc:
                errors.append(exc)
                cache[folder] = None
        else:
            cache[folder] = None
    return cache[folder]


def _nearest_manifest(
    folder: Path, root: Path, display_root: str, cache: dict[Path, Manifest | None], errors: list[InputError]
) -> Manifest | None:
    here = folder
    while True:
        rel = here.relative_to(root).as_posix()
        shown = display_root.rstrip("/\\") + "/" + ("" if rel == "." else rel + "/") + MANIFEST_NAME
        found = _folder_manifest(here, cache, errors, shown)
        if found is not None or here == root or here == here.parent:
            return found
        here = here.parent


def load_file(
    f: InputFile,
    *,
    outlet: str | None = None,
    event: str | None = None,
    columns: Mapping[str, str] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> tuple[list[LoadedRecord], list[InputError]]:
    """Load every article in one file; never raises for a problem with the file."""
    display = f.display
    try:
        size = f.path.stat().st_size
        check_size(display, size, max_bytes)
        data = f.path.read_bytes()
    except InputError as exc:
        return [], [exc]
    except OSError as exc:
        return [], [InputError(display, f"cannot read ({exc.strerror or exc})")]
    kind = _kind(f.path, data)
    try:
        declared = html.declared_charset(data) if kind == "html" else None
        text, encoding = decode(display, data, declared)
    except InputError as exc:
        return [], [exc]
    loaded: list[LoadedRecord] = []
    errors: list[InputError] = []
    if kind in ("jsonl", "json", "csv"):
        reader = {"jsonl": export.read_jsonl, "json": export.read_json, "csv": export.read_csv}[kind]
        for rec in reader(display, text, columns):
            if rec.error is not None:
                errors.append(rec.error)
            elif rec.article is not None:
                loaded.append(LoadedRecord(rec.record, rec.article))
    else:
        try:
            art = html.parse_html(display, text, data) if kind == "html" else _parse_text(display, text, data)
        except Exception as exc:  # an extractor bug must not stop the batch
            return [], [InputError(display, f"could not extract an article ({type(exc).__name__}: {exc})")]
        if not art.body.strip():
            return [], [InputError(display, "no article text found")]
        loaded.append(LoadedRecord("", art))
    manifest_row = f.manifest.lookup(f.path) if f.manifest else None
    for item in loaded:
        item.article.encoding = encoding
        _apply_overrides(item.article, manifest_row if not item.record else None, outlet, event)
    return loaded, errors


def _kind(path: Path, data: bytes) -> str:
    ext = path.suffix.lower()
    if ext in HTML_EXT:
        return "html"
    if ext in JSONL_EXT:
        return "jsonl"
    if ext in JSON_EXT:
        return "json"
    if ext in CSV_EXT:
        return "csv"
    if ext in TEXT_EXT:
        return "text"
    head = data[:512].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")):
        return "html"
    return "text"


def _parse_text(display: str, text: str, data: bytes) -> Article:
    from .loaders.text import parse_page_text

    parts = parse_page_text(text)
    art = Article(
        source=display,
        body=parts.body,
        title=parts.title,
        date=parts.date,
        byline=parts.byline,
        dateline=parts.dateline,
        format="text",
        raw=data,
    )
    if parts.outlet_hint:
        art.outlet, art.outlet_from = parts.outlet_hint, "dateline"
    return art


def _apply_overrides(art: Article, row: Mapping[str, str] | None, outlet: str | None, event: str | None) -> None:
    """Manifest row first, then the batch's --outlet/--event, then what the loader found."""
    row = row or {}
    for fld in ("date", "url", "title"):
        if row.get(fld):
            setattr(art, fld, row[fld])
    if row.get("outlet"):
        art.outlet, art.outlet_from = row["outlet"], "manifest"
    elif outlet:
        art.outlet, art.outlet_from = outlet, "option"
    elif not art.outlet and art.url:
        host = urlsplit(art.url).hostname or ""
        if host:
            art.outlet, art.outlet_from = host.removeprefix("www."), "url"
    if row.get("event"):
        art.event = row["event"]
    elif event:
        art.event = event
    if not art.outlet:
        art.outlet_from = "unknown"
        art.notes.append("outlet unknown: no manifest row, export field, og:site_name, URL or dateline names it")


def ingest(
    store: Store,
    paths: Iterable[str | os.PathLike[str] | tuple[str | os.PathLike[str], str]],
    **options: Any,
) -> list[FileReport]:
    """Load files and folders into ``store`` now; one :class:`FileReport` per
    file (and per problem that belongs to no file). Options as :func:`iter_ingest`."""
    return list(iter_ingest(store, paths, **options))


def iter_ingest(
    store: Store,
    paths: Iterable[str | os.PathLike[str] | tuple[str | os.PathLike[str], str]],
    *,
    manifest: str | os.PathLike[str] | None = None,
    outlet: str | None = None,
    event: str | None = None,
    columns: Mapping[str, str] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> "IngestRun":
    """The lazy form of :func:`ingest`: files are found now and stored as the
    result is iterated, one :class:`FileReport` per file (``len()`` says how
    many are coming), so a caller can show progress.

    Each article is committed on its own, so an error (or an interruption)
    never loses what was stored before it. Problems that belong to no single
    input file (a missing path, a bad manifest row) come first, as reports
    whose ``source`` is the path or manifest at fault.
    """
    files, errors, skipped = discover(paths, manifest)
    options = {"outlet": outlet, "event": event, "columns": columns, "max_bytes": max_bytes}
    return IngestRun(store, files, errors, options, skipped)


@dataclass
class IngestRun:
    """The files of one ingest, found but not yet read; iterating stores them."""

    store: Store
    files: list[InputFile]
    errors: list[InputError]
    options: dict[str, object]
    skipped: int = 0  # files in folders whose extension no loader reads

    def __len__(self) -> int:
        return len(self.errors) + len(self.files)

    def __iter__(self) -> Iterator[FileReport]:
        for err in self.errors:
            yield FileReport(err.path, errors=[err])
        for f in self.files:
            yield ingest_file(self.store, f, **self.options)


def ingest_file(store: Store, f: InputFile, **options: object) -> FileReport:
    report = FileReport(f.display)
    loaded, errors = load_file(f, **options)  # type: ignore[arg-type]
    report.errors.extend(errors)
    report.counts["error"] += len(errors)
    path_key = os.path.normcase(str(f.path.resolve()))
    for item in loaded:
        outcome = store.put(item.article, path_key=path_key, record=item.record, extractor=EXTRACTOR_VERSION)
        report.counts[outcome.status] += 1
        report.article_ids.append(outcome.article_id)
        for note in item.article.notes:
            where = f"{f.display}#{item.article.source_id}" if item.article.source_id else f.display
            report.notes.append(f"{where}: {note}")
    return report


def load(
    paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
    *,
    manifest: str | os.PathLike[str] | None = None,
    outlet: str | None = None,
    event: str | None = None,
    columns: Mapping[str, str] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    errors: list[InputError] | None = None,
) -> list[Article]:
    """Load articles without a store (for notebooks), numbered 1, 2, ... in
    their ``id`` so the detector and the comparison can key on them.

    Problems are appended to ``errors`` when a list is given; otherwise the
    first one is raised.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    files, problems, _ = discover(paths, manifest)
    out: list[Article] = []
    for f in files:
        loaded, errs = load_file(f, outlet=outlet, event=event, columns=columns, max_bytes=max_bytes)
        problems.extend(errs)
        out.extend(item.article for item in loaded)
    for number, article in enumerate(out, 1):
        article.id = number
    if problems:
        if errors is None:
            raise problems[0]
        errors.extend(problems)
    return out
