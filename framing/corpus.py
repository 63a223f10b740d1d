"""Stage 1: find the input files, pick a loader for each, apply what the user
knows (manifest, ``--outlet``, ``--event``), and hand articles to the store.

Every problem with one file or record becomes an :class:`InputError` naming
it; the rest of the batch goes on.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import importlib
import json
import lzma
import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any
from urllib.parse import urlsplit

from .errors import InputError
from .loaders.decode import DEFAULT_MAX_BYTES, binary_message, check_size, decode, looks_binary, sniff_encoding
from .loaders.manifest import MANIFEST_NAME, Manifest, read_manifest
from .loaders.sheets import DATA_FILES
from .models import Article
from .store import DEFAULT_DB, InputRecord, Store

#: Version of the extraction code; part of every fingerprint, so a better
#: extractor re-extracts stored articles on the next ingest. Raise it when
#: the loaders give other bodies or fields for the same input ("2": page
#: furniture paragraphs and closing copyright notices leave export, pasted
#: and HTML bodies, rounds 19 and 20; "3": rounds 21-31's headlines, bylines,
#: dates and outlets of pasted and HTML pages, and soft hyphens dropped; "4":
#: round 32's article of a pasted page, chosen first by where it stands, its
#: dates and bylines, and HTML dates and bylines from Parse.ly's tag, rNews and
#: epoch stamps, without e-mail addresses or the site's own name; "5": round
#: 33's pasted headlines that open the article's run, credit lines that are no
#: headline, and writers' credits as bylines; "6": the sign-up box after a
#: saved page's article; "7": a later run's rows that end no sentence count
#: half against a pasted page's article; "8": round 35's Nexis exports read as
#: their articles, compressed pages, rich text, pasted pages' bylines in
#: other languages ("Von ..."), newsroom credits and Nordic date labels, and
#: saved pages' publisher names that are no byline, bodies that trafilatura's
#: precision mode cut short, kickers apart from the headline and bylines marked
#: by their class; ".2": round 37's address a single-file page or a web
#: archive was saved from, and SingleFile's note of it, read as the page's
#: own address is, for its outlet and day; a pasted page's sign-up form and
#: hover cards left out; Markdown notes made by web clippers, read by their
#: front matter; ".3": round 38's pasted-page shapes: a job title or an
#: e-mail address glued to the byline, "date | BY: name", a handle line, a
#: blog's "Posted by" footer, American short dates with a time zone, a video
#: player's caption and a related box under the first paragraph; ".4": round
#: 39's pasted outlet named over its owner's copyright line, a wire writer's
#: role no second author, paragraphs without end tags ended before the next
#: block; web archives' undated pages read as articles by their structure, a
#: tag's, an author's or a search's page no article even when dated; ".5":
#: a message saved as text and a mailbox without an extension read as mail;
#: ".6": a platform newsletter's "Writer from Title" sender gives its title;
#: ".7": round 40's ProQuest exports, text, HTML and e-mail, read as their
#: records; several articles pasted into one file with separator lines between
#: them read apart (a file stored before as a single page is read again); and
#: media-monitoring columns in exports: Meltwater's "Opening
#: Text" and "Hit Sentence", "Snippet", "Excerpt" as the start of the article,
#: "Influencer" and "Journalist" as the byline, "Document ID" as the id,
#: "news_link" as the URL, a clock glued to its AM/PM in a date field, and a
#: CSV's header found below a report's title lines).
EXTRACTOR_VERSION = "8.7"

#: Default largest page, in words (``--max-words`` changes it): a longer page
#: is cut there, with a note, rather than analysed for minutes.
DEFAULT_MAX_WORDS = 100_000

TEXT_EXT = frozenset({".txt", ".text", ".md", ".markdown"})
HTML_EXT = frozenset({".html", ".htm", ".xhtml", ".shtml"})
JSONL_EXT = frozenset({".jsonl", ".ndjson"})
JSON_EXT = frozenset({".json"})
CSV_EXT = frozenset({".csv", ".tsv"})
#: Pages a browser saved as one file, images and all ("Webpage, Single File").
MHTML_EXT = frozenset({".mhtml", ".mht"})
WEBARCHIVE_EXT = frozenset({".webarchive"})
#: News feeds (RSS, Atom); a ``.xml`` file is one when it opens like one.
FEED_EXT = frozenset({".rss", ".atom"})
#: Word-processor files a page's text was pasted into (RTF: TextEdit's default).
DOCUMENT_EXT = {".docx": "docx", ".odt": "odt", ".rtf": "rtf"}
#: A page kept as a PDF (the browser's Print -> "Save as PDF"); a file that opens
#: with ``%PDF-`` is read as one whatever its name.
PDF_EXT = frozenset({".pdf"})
#: Web archives (WARC, the older ARC, Webrecorder's WACZ); WARC and ARC also as ``.gz``.
WARC_EXT = frozenset({".warc", ".arc", ".wacz"})
#: Articles kept as e-mail (a message; Apple Mail's message; a mailbox) and
#: as Evernote notes (an export): see :mod:`framing.loaders.mail`.
MAIL_KINDS = {".eml": "eml", ".emlx": "emlx", ".mbox": "mbox", ".mbx": "mbox", ".enex": "enex"}
#: Spreadsheets and columnar files kept as archive exports, one article a row
#: (:mod:`framing.loaders.sheets`). An old ``.xls`` named on the command line
#: is one line saying what to save it as; a folder passes over it, as main did.
SHEET_KINDS = {".xlsx": "xlsx", ".xlsm": "xlsx", ".xls": "xlsx", ".ods": "ods", ".parquet": "parquet"}
SUPPORTED = (TEXT_EXT | HTML_EXT | MHTML_EXT | WEBARCHIVE_EXT | frozenset(DOCUMENT_EXT) | JSONL_EXT | JSON_EXT
             | CSV_EXT | FEED_EXT | PDF_EXT | WARC_EXT | frozenset(MAIL_KINDS) | frozenset(SHEET_KINDS) - {".xls"})
#: A single-file saved page keeps its images: such a file may be this many
#: times --max-size, its page part at most --max-size.
MHTML_SIZE_FACTOR = 10
#: Compression an archive export may come in ("stories.jsonl.gz"), read as a
#: stream: the export's own extension is the one before.
COMPRESSED_EXT = {".gz": "gzip", ".bz2": "bz2", ".xz": "lzma"}
EXPORT_EXT = JSONL_EXT | JSON_EXT | CSV_EXT


#: Pages that may come compressed as crawls and archives keep them
#: ("page.html.gz"): read whole, decompressed, as the page inside.
PAGE_EXT = TEXT_EXT | HTML_EXT


def compressed_export(path: Path) -> bool:
    """True for an export in a compressed file: ``.jsonl.gz``, ``.csv.bz2``, ``.json.xz``."""
    return path.suffix.lower() in COMPRESSED_EXT and Path(path.stem).suffix.lower() in EXPORT_EXT


def compressed_page(path: Path) -> bool:
    """True for a saved page or text in a compressed file: ``.html.gz``, ``.txt.xz``."""
    return path.suffix.lower() in COMPRESSED_EXT and Path(path.stem).suffix.lower() in PAGE_EXT


def web_archive(path: Path) -> bool:
    """True for a web archive: ``.warc``, ``.warc.gz``, ``.arc``, ``.arc.gz``, ``.wacz``."""
    ext = path.suffix.lower()
    return ext in WARC_EXT or (ext == ".gz" and Path(path.stem).suffix.lower() in (".warc", ".arc"))


def _decompressed_page(display: str, path: Path, max_bytes: int) -> bytes:
    """A compressed page's bytes, held to ``max_bytes`` once decompressed (a
    small file may unpack to gigabytes: it is never unpacked past the limit)."""
    try:
        with _open_compressed(path) as fh:
            data = fh.read(max_bytes + 1)
    except (EOFError, lzma.LZMAError, OSError) as exc:
        # Cut short, or not compressed as its name says.
        raise InputError(display, f"cannot read ({getattr(exc, 'strerror', None) or exc})") from None
    if len(data) > max_bytes:
        raise InputError(display, f"unpacks to more than {max_bytes:,} bytes, over the limit (see --max-size)")
    return data


def _open_compressed(path: Path) -> IO[bytes]:
    """A compressed file's bytes, decompressed on the fly (:data:`COMPRESSED_EXT`)."""
    return importlib.import_module(COMPRESSED_EXT[path.suffix.lower()]).open(path, "rb")  # type: ignore[no-any-return]


def _open_export(path: Path) -> IO[bytes]:
    """The export's bytes, decompressed on the fly when the file is compressed."""
    return _open_compressed(path) if compressed_export(path) else path.open("rb")
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
    #: The article's language when it is surely not English (see
    #: :func:`~framing.text.language.other_language`), read where the article
    #: is parsed: in a worker process under ``--jobs``.
    language: str | None = None

    def __post_init__(self) -> None:
        from .text.language import other_language

        art = self.article
        self.language = other_language(art.title, art.body, art.language)


@dataclass
class FileReport:
    """What happened to one input file."""

    source: str
    counts: Counter[str] = field(default_factory=Counter)  # added / unchanged / updated / error
    errors: list[InputError] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    article_ids: list[int] = field(default_factory=list)
    #: The languages other than English among the articles stored from this
    #: file (as their source states it, else read from their words).
    languages: Counter[str] = field(default_factory=Counter)

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


class PassedOver(int):
    """How many files in the folders no loader reads (an int, as before), and
    ``by_extension``: how many of each extension (``{".doc": 3, ".png": 1}``)."""

    by_extension: dict[str, int]

    def __new__(cls, counts: Mapping[str, int] | int | None = None) -> "PassedOver":
        counts = counts or {}
        if isinstance(counts, int):  # a copy being rebuilt (pickle): its counts follow as its state
            self = super().__new__(cls, counts)
            self.by_extension = {}
            return self
        self = super().__new__(cls, sum(counts.values()))
        self.by_extension = dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
        return self


def discover(
    paths: Iterable[str | os.PathLike[str] | tuple[str | os.PathLike[str], str]],
    manifest: str | os.PathLike[str] | None = None
) -> tuple[list[InputFile], list[InputError], int]:
    """Expand files and folders (recursively, in sorted order) into input files.

    Returns ``(files, errors, skipped)``: errors for paths that do not exist
    and for bad manifest rows; ``skipped`` counts files in folders whose
    extension no loader reads (a :class:`PassedOver`: by extension too). A path may be given as ``(path, label)`` to show
    ``label`` in place of the path (the demo corpus shows as ``corpus/...``).
    """
    files: list[InputFile] = []
    errors: list[InputError] = []
    skipped: Counter[str] = Counter()
    explicit: Manifest | None = None
    if manifest is not None:
        explicit = read_manifest(manifest)
        errors.extend(explicit.errors)
    seen: set[str] = set()

    def add(path: Path, display: str, covering: Manifest | None) -> None:
        try:
            key = os.path.normcase(path_text(path.resolve()))
        except (OSError, RuntimeError):  # a symlink loop: read (and refused) as given
            key = os.path.normcase(path_text(path.absolute()))
        if key in seen:
            return
        seen.add(key)
        files.append(InputFile(path, display, explicit or covering))

    for given in paths:
        if isinstance(given, tuple):
            given, display_root = given
        else:
            display_root = path_text(given)
        root = Path(given)
        try:
            is_file, is_dir = root.is_file(), root.is_dir()
        except OSError as exc:
            errors.append(InputError(display_root, f"cannot read ({exc.strerror or exc})"))
            continue
        if is_file and root.suffix.lower() in DRIVE_SHORTCUTS:
            errors.append(InputError(display_root, DRIVE_SHORTCUTS[root.suffix.lower()]))
        elif is_file:
            local = _folder_manifest(root.parent, {}, errors)
            add(root, display_root, local)
        elif is_dir:
            found, more = _walk(root, display_root, errors)
            skipped += more
            if not found and not more:
                errors.append(InputError(display_root, "an empty folder: no files in it (hidden ones, "
                                                       "framing's own output and a saved page's resources "
                                                       "are not read)"))
            for p, display, covering in found:
                add(p, display, covering)
        elif root.is_symlink():
            errors.append(InputError(display_root, "a symbolic link to nothing (or to itself)"))
        elif os.path.lexists(root):
            errors.append(InputError(display_root, "not a regular file or folder (a device or pipe?)"))
        elif _WEB_ADDRESS.match(str(display_root)):
            errors.append(InputError(display_root, WEB_ADDRESS_ERROR))
        else:
            errors.append(InputError(display_root, "no such file or folder"))
    return files, errors, PassedOver(skipped)


#: Google Drive for desktop keeps a Google Docs document (and a sheet, a
#: presentation) on disk as a shortcut: a few lines of JSON naming the
#: document's id. The text itself is on Drive, and framing reads no pages from the web.
_DRIVE = "a Google Drive shortcut, not the {0} itself (its text is on Google Drive): open it and {1}, then give that file"
DRIVE_SHORTCUTS = {
    ".gdoc": _DRIVE.format("document", "download it (File > Download > Microsoft Word .docx or Plain text .txt)"),
    ".gsheet": _DRIVE.format("sheet", "download it (File > Download > Comma-separated values .csv)"),
    ".gslides": _DRIVE.format("presentation", "copy the article's text into a .txt file"),
}

#: A path given as a web address, or a text file that is a list of them.
_WEB_ADDRESS = re.compile(r"(?i)(?:https?://\S+|www\.[^/\s]+\.[^/\s]+/\S*)$")  # not a missing "www.notes.txt"
WEB_ADDRESS_ERROR = ("a web address: framing reads no pages from the web; save the page in your browser "
                     "(Save Page As, or print it to PDF) and give the saved file")


def _web_addresses(text: str) -> bool:
    """True for a reading list, not an article: a text whose lines are web
    addresses (one or more to a line), but for a few short headings
    ("Read these:"), the addresses the most."""
    links = other = 0
    for line in text.splitlines():
        words = line.split()
        if not words:
            continue
        if all(_WEB_ADDRESS.match(w) for w in words):
            links += 1
        elif len(words) <= 6:
            other += 1
        else:
            return False
    return links > other


def _walk(
    root: Path, display_root: str, errors: list[InputError]
) -> tuple[list[tuple[Path, str, Manifest | None]], Counter[str]]:
    """The supported files under ``root``, in sorted order, following folder
    links once each (a link loop is not followed twice); a folder that cannot
    be read is one error and the walk goes on."""
    out: list[tuple[Path, str, Manifest | None]] = []
    skipped: Counter[str] = Counter()
    manifests: dict[Path, Manifest | None] = {}
    visited: set[tuple[int, int]] = set()

    def shown(p: Path) -> str:
        rel = p.relative_to(root).as_posix()
        return display_root.rstrip("/\\") + ("/" + path_text(rel) if rel != "." else "")

    def failed(exc: OSError) -> None:
        where = Path(exc.filename) if exc.filename else root
        errors.append(InputError(shown(where) if where != root else display_root,
                                 f"cannot read folder ({exc.strerror or exc})"))

    for folder, dirs, names in os.walk(root, onerror=failed, followlinks=True):
        here = Path(folder)
        try:
            st = here.stat()
            ident = (st.st_dev, st.st_ino)
        except OSError as exc:
            failed(exc)
            dirs[:] = []
            continue
        if ident in visited:
            dirs[:] = []  # a link back to a folder already read
            continue
        visited.add(ident)
        # Hidden folders, caches, framing's own output folders (they hold a
        # store) and folders marked with IGNORE_MARKER are not input.
        keep = []
        pages = {Path(n).stem for n in names if Path(n).suffix.lower() in HTML_EXT}
        for d in sorted(dirs):
            if d.startswith((".", "__")):
                continue
            if pages and _page_resources(here, d, pages):
                continue  # a saved page's images, scripts and embedded frames: no articles
            try:
                if (here / d / DEFAULT_DB).exists() or (here / d / IGNORE_MARKER).exists():
                    continue
            except OSError:
                pass
            keep.append(d)
        dirs[:] = keep
        covering = _nearest_manifest(here, root, display_root, manifests, errors)
        for name in sorted(names):
            p = here / name
            if _not_article(name):
                continue
            if p.suffix.lower() in DRIVE_SHORTCUTS:
                errors.append(InputError(shown(p), DRIVE_SHORTCUTS[p.suffix.lower()]))
                continue
            if (p.suffix.lower() not in SUPPORTED and not compressed_export(p) and not compressed_page(p)
                    and not web_archive(p) and not _xml_feed(p) and not mailbox_without_extension(p)
                    and not html_without_extension(p)):
                skipped[p.suffix.lower() or "no extension"] += 1
                continue
            out.append((p, shown(p), covering))
    return out, skipped


#: What a browser writes after a page's name for the folder of its images,
#: scripts and embedded frames ("Webpage, Complete": "Page_files", German
#: "Page-Dateien", French "Page_fichiers"): one separator and one word.
_RESOURCE_SUFFIX = re.compile(r"[_-]([^\W\d_]+)$")
#: The words browsers use for it (Chrome and Firefox: "files"; localised
#: Internet Explorer and Edge: the word for "files").
_RESOURCE_WORDS = frozenset({
    "files", "dateien", "fichiers", "archivos", "arquivos", "file", "bestanden", "filer", "tiedostot",
    "pliki", "soubory", "súbory", "fájlok", "dosyalar", "αρχεία", "файлы", "файли"})
#: Files only a page's resources are: a folder of articles holds none.
_RESOURCE_EXT = frozenset({".js", ".css", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".ico", ".woff",
                           ".woff2"})


def _page_resources(parent: Path, folder: str, page_stems: set[str]) -> bool:
    """Is ``folder`` the companion folder of a page saved beside it ("Harbour
    budget - Kesh Daily.html" and "Harbour budget - Kesh Daily_files")? Its
    .html files are the page's advertisements, embedded posts and frames.
    Named after a page of the folder, with the browsers' word for files or
    holding scripts, styles or images ("news_archive" of articles is read)."""
    m = _RESOURCE_SUFFIX.search(folder)
    if not m or folder[:m.start()] not in page_stems:
        return False
    if m.group(1).lower() in _RESOURCE_WORDS:
        return True
    try:
        with os.scandir(parent / folder) as it:
            return any(Path(e.name).suffix.lower() in _RESOURCE_EXT for e in it)
    except OSError:
        return False


def _xml_feed(path: Path) -> bool:
    """True for a ``.xml`` file that opens as an RSS or Atom feed (other XML
    in a folder, a sitemap, is passed over)."""
    if path.suffix.lower() != ".xml":
        return False
    from .loaders.feed import looks_like_feed

    try:
        with path.open("rb") as fh:
            return looks_like_feed(fh.read(4096))
    except OSError:
        return True  # read it, so the error names the file


def _not_article(name: str) -> bool:
    low = name.lower()
    return low.startswith(".") or low == MANIFEST_NAME or low.split(".")[0] in _NOT_ARTICLES


def _folder_manifest(
    folder: Path, cache: dict[Path, Manifest | None], errors: list[InputError], display: str | None = None
) -> Manifest | None:
    if folder not in cache:
        candidate = folder / MANIFEST_NAME
        try:
            present = candidate.is_file()
        except OSError:
            present = False
        if present:
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
        rel = path_text(here.relative_to(root).as_posix())
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
    max_words: int | None = DEFAULT_MAX_WORDS,
    notes: list[str] | None = None,
) -> tuple[list[LoadedRecord], list[InputError]]:
    """Load every article in one file; never raises for a problem with the file."""
    loaded: list[LoadedRecord] = []
    errors: list[InputError] = []
    for item in iter_file(f, outlet=outlet, event=event, columns=columns, max_bytes=max_bytes,
                          max_words=max_words, notes=notes):
        if isinstance(item, InputError):
            errors.append(item)
        else:
            loaded.append(item)
    return loaded, errors


def iter_file(
    f: InputFile,
    *,
    outlet: str | None = None,
    event: str | None = None,
    columns: Mapping[str, str] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_words: int | None = DEFAULT_MAX_WORDS,
    notes: list[str] | None = None,
    submit: Any = None,
) -> Iterator[LoadedRecord | InputError]:
    """The articles (and located errors) of one file, one at a time: an
    export is read record by record, so memory stays flat in its size.

    Never raises for a problem with the file. Notes about the whole file
    ("50 records have no text: headlines only") are appended to ``notes``.
    ``submit`` (an executor's): a JSON Lines or CSV export's records are read
    in chunks there (see :func:`framing.loaders.export.read_jsonl`); the same
    articles and errors either way.
    """
    display = f.display
    try:
        kind = _kind_of(f.path, max_bytes)
    except OSError as exc:
        yield InputError(display, f"cannot read ({exc.strerror or exc})")
        return
    manifest_row = f.manifest.lookup(f.path) if f.manifest else None
    if kind in ("jsonl", "json", "csv", "feed"):
        yield from _iter_export(f, kind, outlet, event, columns, max_bytes, notes, submit)
        return
    if kind in ("xlsx", "ods", "parquet"):
        yield from _iter_sheets(f, kind, outlet, event, columns, max_bytes, notes, submit)
        return
    if kind == "datafile":
        from .loaders.sheets import data_file_message

        yield InputError(display, data_file_message(f.path.suffix.lower()))
        return
    if kind == "warc":
        yield from _iter_web_archive(f, manifest_row, outlet, event, columns, max_bytes, max_words, notes, submit)
        return
    if kind in ("eml", "emlx", "mbox", "enex"):
        yield from _iter_mail(f, kind, manifest_row, outlet, event, (columns or {}).get("group"), max_bytes,
                              max_words, notes, submit)
        return
    # The loaders compile their page-reading patterns on import: only when a
    # file is read (an unchanged file is never read; see iter_ingest).
    from .loaders import html

    location = None
    pdf = None
    try:
        size = f.path.stat().st_size
        if kind in ("mhtml", "webarchive"):
            _check_container(display, "single-file page", size, max_bytes)
            from .loaders.mhtml import archive_page, page_part

            saved = (page_part if kind == "mhtml" else archive_page)(display, f.path.read_bytes())
            data, location, kind = saved.data, saved.location, saved.kind
            check_size(display, len(data), max_bytes)
            if kind == "pdf":
                # a PDF Safari showed, kept as a web archive: read as the PDF itself
                from .loaders.pdf import pdf_text

                pdf = pdf_text(display, data)
                data, declared = pdf.text.encode("utf-8"), "utf-8"
            else:
                declared = saved.charset or html.declared_charset(data)
        elif kind in ("docx", "odt", "rtf"):
            # Pasted text in a word processor: read as a pasted page, the
            # document's text kept as the record (not its images or styles).
            _check_container(display, "document", size, max_bytes)
            from .loaders.documents import document_text

            data = document_text(display, f.path.read_bytes(), kind, max_bytes).encode("utf-8")
            if not data.strip():
                raise InputError(display, "the document holds no text")
            kind, declared = "text", "utf-8"
        elif kind == "pdf":
            # The text layer, its lines rebuilt into paragraphs, read as a pasted page.
            check_size(display, size, max_bytes)
            from .loaders.pdf import pdf_text

            pdf = pdf_text(display, f.path.read_bytes())
            data, declared = pdf.text.encode("utf-8"), "utf-8"
        elif compressed_page(f.path):
            data = _decompressed_page(display, f.path, max_bytes)
            declared = html.declared_charset(data) if kind == "html" else None
        else:
            check_size(display, size, max_bytes)
            data = f.path.read_bytes()
            declared = html.declared_charset(data) if kind == "html" else None
        text, encoding = decode(display, data, declared)
    except InputError as exc:
        yield exc
        return
    except OSError as exc:
        yield InputError(display, f"cannot read ({exc.strerror or exc})")
        return
    from .loaders.factiva import factiva_articles
    from .loaders.nexis import nexis_articles, nexis_html_text
    from .loaders.proquest import proquest_articles, proquest_html_text

    # many articles in one file, each with its own header: a Nexis export (a
    # LexisNexis Academic one saved as HTML is read as its text is), a Factiva
    # page, a ProQuest export (its HTML one read as its text one is)
    database = "Nexis"
    found = nexis_articles(text if kind != "html" else nexis_html_text(text) or "")
    if not found and kind == "html":
        database, found = "Factiva", factiva_articles(text)
    if not found:
        database, found = "ProQuest", proquest_articles(text if kind != "html" else proquest_html_text(text) or "")
    if found:
        yield from _database_records(display, database, found, manifest_row, outlet, event, columns, encoding,
                                     max_words, notes)
        return
    if kind == "text" and _web_addresses(text):
        yield InputError(display, "a list of web addresses, not an article: framing reads no pages from the "
                         "web; save each page in your browser and give the saved files")
        return
    if kind == "text" and pdf is None:
        # several articles pasted one after another (not a clipping's front matter, not a PDF's pages)
        from .loaders.clipping import read_clipping
        from .loaders.several import pasted_articles

        spans = pasted_articles(text) if read_clipping(text) is None else []
        if spans:
            yield from _pasted_records(display, text, spans, encoding, max_words, manifest_row, outlet, event,
                                       columns, notes)
            return
    try:
        art = html.parse_html(display, text, data, location) if kind == "html" else \
            _parse_text(display, text, data)
        if pdf is not None:
            from .loaders.pdf import use_layout

            art.format = "pdf"
            if location and not pdf.url:
                pdf.url = location  # the address Safari showed it at, as a printed footer's
            use_layout(art, pdf)
    except Exception as exc:  # an extractor bug must not stop the batch
        yield InputError(display, f"could not extract an article ({type(exc).__name__}: {exc})")
        return
    if not art.body.strip():
        yield InputError(display, "no article text found")
        return
    _finish_page(art, encoding, max_words, manifest_row, outlet, event, (columns or {}).get("group"))
    yield LoadedRecord("", art)


def _finish_page(art: Article, encoding: str, max_words: int | None, row: Mapping[str, str] | None,
                 outlet: str | None, event: str | None, group_column: str | None) -> None:
    """What every page read from a file gets once parsed (a saved or pasted
    page, a web archive's page): its encoding (and a note where lines were
    read in a fallback one), the word limit, the manifest's row and the
    batch's options."""
    if "+" in encoding:
        art.notes.append(f"mixed encodings: lines that are not UTF-8 were read as {encoding.split('+', 1)[1]}")
    art.encoding = encoding
    _limit_words(art, max_words)
    _apply_overrides(art, row, outlet, event, group_column)


def _pasted_records(display: str, text: str, spans: list[tuple[int, int]], encoding: str,
                    max_words: int | None, manifest_row: Mapping[str, str] | None, outlet: str | None,
                    event: str | None, columns: Mapping[str, str] | None,
                    notes: list[str] | None) -> Iterator[LoadedRecord | InputError]:
    """Several articles pasted into one file with separator lines between them
    (:func:`framing.loaders.several.pasted_articles`): each read as a copied
    page of its own, one record each. The first keeps the record of a file read
    as one page (``""``), so a file stored before it was read apart (an older
    framing, or no separator yet) has that row updated in place, not doubled;
    the others are keyed by their text. The manifest's row and the batch's
    options apply to every one, but not one headline for all."""
    row = {k: v for k, v in (manifest_row or {}).items() if k != "title"}
    seen: set[str] = set()
    stored = 0
    for n, (start, end) in enumerate(spans, 1):
        piece = text[start:end]
        key = "part:" + hashlib.sha1(piece.strip().encode("utf-8")).hexdigest()[:16]
        if key in seen:
            continue  # the same article pasted twice: once
        seen.add(key)
        record = "" if n == 1 else key
        try:
            art = _parse_text(display, piece, piece.encode("utf-8"))
        except Exception as exc:  # an extractor bug must not stop the batch
            yield InputError(display, f"article {n}: could not extract an article ({type(exc).__name__}: {exc})")
            continue
        stored += 1
        art.source_id = f"article {n}"  # which of the file's articles (outlet_label names it so)
        _finish_page(art, encoding, max_words, row, outlet, event, (columns or {}).get("group"))
        yield LoadedRecord(record, art)
    if notes is not None:
        notes.append(f"{display}: {stored} articles, read apart at the lines that separate them")


def _database_records(display: str, database: str, found: list, manifest_row: Mapping[str, str] | None,
                      outlet: str | None, event: str | None, columns: Mapping[str, str] | None, encoding: str,
                      max_words: int | None, notes: list[str] | None) -> Iterator[LoadedRecord | InputError]:
    """The articles of a Nexis, Factiva or ProQuest export (:mod:`framing.loaders.nexis`,
    :mod:`framing.loaders.factiva`, :mod:`framing.loaders.proquest`), one record each; the manifest's row and
    the batch's options apply to every one."""
    if database == "ProQuest" and not any(item.body for item in found):
        from .loaders.proquest import NO_FULL_TEXT

        yield InputError(display, NO_FULL_TEXT)  # citations or abstracts only: one line, saying what to choose
        return
    # one manifest row covers every article of the file: not one headline for all
    row = {k: v for k, v in (manifest_row or {}).items() if k != "title"}
    seen: set[str] = set()
    stored = dated = signed = 0
    for n, item in enumerate(found, 1):
        if item.record in seen:
            continue  # the same article twice in one export: once
        seen.add(item.record)
        if not item.body.strip():
            yield InputError(display, f"article {n} ({item.title or 'no headline'}): {item.missing}")
            continue
        stored += 1
        dated += bool(item.date)
        signed += bool(item.byline)
        art = Article(source=display, body=item.body, title=item.title, outlet=item.outlet,
                      outlet_from="export" if item.outlet else "unknown", date=item.date, byline=item.byline,
                      dateline=item.dateline, url=item.url, format=database.lower(), encoding=encoding,
                      raw=item.text.encode("utf-8"))
        _limit_words(art, max_words)
        _apply_overrides(art, row, outlet, event, (columns or {}).get("group"))
        yield LoadedRecord(item.record, art)
    if notes is not None:
        # what the headers gave: a count of each field an article may lack
        notes.append(f"{display}: a {database} export: {stored} article{'s' if stored != 1 else ''}, "
                     f"{dated} dated, {signed} with a byline")


#: Pages of a web archive per task handed to a worker (``--jobs``), and the
#: bytes at which a task is full sooner.
ARCHIVE_CHUNK_PAGES = 16
ARCHIVE_CHUNK_BYTES = 8 * 1024**2


def _iter_web_archive(f: InputFile, manifest_row: Mapping[str, str] | None, outlet: str | None,
                      event: str | None, columns: Mapping[str, str] | None, max_bytes: int,
                      max_words: int | None, notes: list[str] | None,
                      submit: Any = None) -> Iterator[LoadedRecord | InputError]:
    """The articles of a web archive (:mod:`framing.loaders.warc`): each page
    read by the HTML loader as a saved page is (charset from the HTTP header,
    then the page's own), with its archived address as the address it was
    saved from; the pages that are no article (a home page, a section front,
    no text: :func:`framing.loaders.warc.why_not_article`) are passed over, and
    counted in a note. A WACZ that lists its pages gives the listed ones;
    where they hold no article, the others. Each article's ``source_id`` is
    its address (``file.warc.gz#URL``).
    ``submit`` (an executor's): the pages are read there, a chunk at a time,
    in order; the same articles and errors either way."""
    from .loaders.export import _in_order
    from .loaders.warc import WebArchive

    display = f.display
    # one manifest row covers every page of the archive: not one headline or address for all
    row = {k: v for k, v in (manifest_row or {}).items() if k not in ("title", "url")}
    archive = WebArchive(display, f.path, max_bytes)
    options = (display, row, outlet, event, (columns or {}).get("group"), max_words)
    read = undated = 0
    passed: Counter[str] = Counter()  # pages not read as an article, by the reason
    errors: list[InputError] = []

    def results(pages: Iterator[Any]) -> Iterator[LoadedRecord | InputError]:
        nonlocal read, undated
        for chunk in _in_order(submit, _page_tasks(pages, errors, read_archive_pages, *options), 4):
            for item in chunk:
                if item is None:
                    yield errors.pop(0)
                elif isinstance(item, str):
                    passed[item] += 1
                else:
                    if isinstance(item, LoadedRecord):
                        read += 1
                        undated += not item.article.date
                    yield item

    yield from results(archive.pages())
    if not read:
        # a WACZ whose page list names no article (only the crawl's first
        # page, say): its other pages are read as a crawl's are
        yield from results(archive.other_pages())
    if notes is not None and archive.stats.records:
        notes.append(f"{display}: {archive.stats.summary(read, passed, undated)}")


def _page_tasks(pages: Iterable[Any], errors: list[InputError], task: Callable[..., Any],
                *args: Any) -> Iterator[tuple[Any, ...]]:
    """``(task, chunk, *args)`` over the pages of a file that holds many (a
    web archive's, a mailbox's), a chunk of :data:`ARCHIVE_CHUNK_PAGES` pages
    or :data:`ARCHIVE_CHUNK_BYTES` at most: a task for a worker under
    ``--jobs``. An error among the pages is kept in ``errors`` and its place
    in the chunk is None, so that it is said after the pages before it."""
    chunk: list[Any] = []
    size = 0
    for page in pages:
        if isinstance(page, InputError):
            errors.append(page)
            chunk.append(None)
            continue
        chunk.append(page)
        size += len(page.data)
        if len(chunk) >= ARCHIVE_CHUNK_PAGES or size >= ARCHIVE_CHUNK_BYTES:
            yield (task, chunk, *args)
            chunk, size = [], 0
    if chunk:
        yield (task, chunk, *args)


def read_archive_pages(pages: list[Any], display: str, row: Mapping[str, str], outlet: str | None,
                       event: str | None, group_column: str | None,
                       max_words: int | None) -> list[LoadedRecord | InputError | str | None]:
    """A chunk of a web archive's pages read (here or in a worker process):
    per page its article, its error, or why it is no article (a key of
    :data:`framing.loaders.warc.NOT_ARTICLE`); ``None`` where the chunk holds
    an error of the archive itself."""
    from .loaders import html
    from .loaders.warc import why_not_article

    out: list[LoadedRecord | InputError | str | None] = []
    for page in pages:
        if page is None:
            out.append(None)
            continue
        try:
            text, encoding = decode(display, page.data, page.charset or html.declared_charset(page.data))
        except InputError as exc:
            # a page served empty: nothing to read
            out.append("empty" if exc.problem == "empty file" else InputError(display, f"{page.url}: {exc.problem}"))
            continue
        try:
            art = html.parse_html(display, text, page.data, page.url)
        except Exception as exc:  # an extractor bug must not stop the batch
            out.append(InputError(display, f"{page.url}: could not extract an article ({type(exc).__name__}: {exc})"))
            continue
        if (why := why_not_article(art, page.url, text)) is not None:
            out.append(why)
            continue
        art.source_id = page.url
        if page.truncated:
            # Common Crawl keeps a page's first megabyte; crawlers stop at a length or a time
            art.content = "truncated"
            art.notes.append(f"the crawler kept only the start of this page (WARC-Truncated: {page.truncated})")
        _finish_page(art, encoding, max_words, row, outlet, event, group_column)
        out.append(LoadedRecord(f"url:{page.url}", art))
    return out


def _iter_mail(f: InputFile, kind: str, manifest_row: Mapping[str, str] | None, outlet: str | None,
               event: str | None, group_column: str | None, max_bytes: int, max_words: int | None,
               notes: list[str] | None, submit: Any = None) -> Iterator[LoadedRecord | InputError]:
    """The articles of an e-mail message (``.eml``, ``.emlx``), a mailbox
    (``.mbox``: one article a message) or an Evernote export (``.enex``: one
    a note), read by :mod:`framing.loaders.mail` and :func:`read_mail_page`.
    A message or note that cannot be read is one error; the rest are read.
    ``submit`` (an executor's): a large mailbox's or export's pages are read
    there, a chunk at a time, in order; the same articles and errors either way."""
    from .loaders import mail

    display = f.display
    pages: Iterator[Any]
    try:
        if kind in ("eml", "emlx"):
            size = f.path.stat().st_size
            _check_container(display, "e-mail message", size, max_bytes)
            data = f.path.read_bytes()
            if not data.strip():
                raise InputError(display, "empty file")
            page = (mail.read_eml if kind == "eml" else mail.read_emlx)(display, data)
            found = _mailed_export(display, page)
            if found:
                # ProQuest's "Email" of the records a user ticked: its HTML export
                yield from _database_records(display, "ProQuest", found[0], manifest_row, outlet, event,
                                             {"group": group_column} if group_column else None, found[1],
                                             max_words, notes)
                return
            pages = iter([page])
            row = dict(manifest_row or {})
        else:
            # one manifest row covers every message or note: not one headline or address for all
            row = {k: v for k, v in (manifest_row or {}).items() if k not in ("title", "url")}
            pages = mail.enex_notes(display, f.path, max_bytes) if kind == "enex" else \
                _mbox_pages(display, f.path, MHTML_SIZE_FACTOR * max_bytes)
    except InputError as exc:
        yield exc
        return
    except OSError as exc:
        yield InputError(display, f"cannot read ({exc.strerror or exc})")
        return
    read = failed = dated_by_header = 0
    errors: list[InputError] = []

    def once(pages: Iterator[Any]) -> Iterator[Any]:
        seen: set[str] = set()
        for page in pages:
            if not isinstance(page, InputError):
                if page.record in seen:
                    continue  # the same message or note twice in one file: once
                seen.add(page.record)
            yield page

    from .loaders.export import _in_order

    try:
        for done in _in_order(submit, _page_tasks(once(pages), errors, read_mail_pages, display, max_bytes), 4):
            for record, item in done:
                if item is None:
                    item = errors.pop(0)
                if isinstance(item, InputError):
                    failed += item.problem.startswith(("message ", "note "))
                    yield item
                    continue
                read += 1
                dated_by_header += any(n.startswith("dated by") for n in item.notes)
                _finish_page(item, item.encoding or "utf-8", max_words, row, outlet, event, group_column)
                yield LoadedRecord(record, item)
    except InputError as exc:  # the container's own fault (not a mailbox): after what was read
        yield exc
    except OSError as exc:
        yield InputError(display, f"cannot read ({exc.strerror or exc})")
    if notes is not None and kind in ("mbox", "enex"):
        what = "a mailbox" if kind == "mbox" else "an Evernote export"
        unit = "message" if kind == "mbox" else "note"
        total = read + failed
        notes.append(f"{display}: {what}: {total} {unit}{'s' if total != 1 else ''}, {read} read as articles"
                     + (f", {dated_by_header} dated by the message's Date header" if dated_by_header else ""))


def _mailed_export(display: str, page: Any) -> tuple[list, str] | None:
    """The articles of a ProQuest export sent as an e-mail message (its
    HTML part: :func:`framing.loaders.proquest.proquest_html_text`) and the
    encoding they were read in, or None for any other message."""
    if page.kind != "html" or b"DocID_" not in page.data:
        return None
    from .loaders import html
    from .loaders.proquest import proquest_articles, proquest_html_text

    text, encoding = decode(display, page.data, page.charset or html.declared_charset(page.data))
    found = proquest_articles(proquest_html_text(text) or "")
    return (found, encoding) if found else None


def read_mail_pages(pages: list[Any], display: str, max_bytes: int) -> list[tuple[str, Article | InputError | None]]:
    """A chunk of a mailbox's messages or an export's notes read (here or in
    a worker process): ``(record, article or error)`` per page, ``None``
    where the chunk holds an error of the file's own (said by the caller)."""
    return [("", None) if page is None else (page.record, read_mail_page(display, page, max_bytes))
            for page in pages]


def _mbox_pages(display: str, path: Path, max_bytes: int) -> Iterator[Any]:
    """An mbox's messages as pages (:func:`framing.loaders.mail.read_message`),
    or the error of each one that cannot be read."""
    from .loaders import mail

    for item in mail.mbox_messages(display, path, max_bytes):
        if isinstance(item, InputError):
            yield item
            continue
        n, data = item
        try:
            page = mail.read_message(display, data, label=f"message {n}")
        except InputError as exc:
            yield exc
            continue
        page.record = mail.message_record(page, data)
        page.label = f"message {n} ({page.title})" if page.title else f"message {n}"
        yield page


def read_mail_page(display: str, page: Any, max_bytes: int) -> Article | InputError:
    """A message's or a note's page read as a saved page (HTML) or as pasted
    text, then given what its container knows where the page names nothing
    better (see :mod:`framing.loaders.mail`): the title, a newsletter's
    sender as its outlet, the Date header as its day."""
    from .loaders import html, mail

    where = "" if page.label == display else f"{page.label}: "  # the message or note, in a mailbox or export
    try:
        check_size(display, len(page.data), max_bytes)
        declared = page.charset or (html.declared_charset(page.data) if page.kind == "html" else None)
        text, encoding = decode(display, page.data, declared)
    except InputError as exc:
        return InputError(display, where + exc.problem)
    try:
        if page.kind == "html":
            art = html.parse_html(display, text, page.data, page.location)
            if page.forwarded:
                # (the page's own markup holds the block: its paragraphs are read here)
                art.body = mail.without_forward_block(art.body).strip()
        else:
            text = mail.without_link_addresses(text)
            art = _parse_text(display, mail.without_forward_block(text) if page.forwarded else text, page.data)
    except Exception as exc:  # an extractor bug must not stop the batch
        return InputError(display, f"{where}could not extract an article ({type(exc).__name__}: {exc})")
    if page.plain:
        # a newsletter's plain-text part, where its HTML reading lost much of it
        try:
            plain, _ = decode(display, page.plain, page.plain_charset)
            alt = _parse_text(display, mail.without_link_addresses(plain), page.plain)
        except Exception:  # (InputError, an extractor bug): the HTML reading stands
            alt = None
        if alt is not None and mail.fuller_plain(art.body, alt.body):
            art.notes.append(f"body from the newsletter's plain-text part: its HTML reading kept "
                             f"{art.words:,} of its {alt.words:,} words")
            art.body = alt.body
    if not art.body.strip():
        return InputError(display, f"{where}no article text found")
    art.encoding = encoding
    art.source_id = page.source_id
    if not art.title or (page.newsletter and page.title and not mail.names_the_same(art.title, page.title)):
        # a newsletter whose Subject is not the headline the page shows holds
        # many stories (a digest), the Subject names them all
        art.title = page.title or art.title
    if page.author and not art.byline:
        # the note's author is the page's writer only where the page prints the name
        name = " ".join(page.author.split())
        shown = " ".join(re.sub(r"<[^>]*>", " ", text[:50_000]).split())
        if "@" not in name and 2 <= len(name.split()) <= 4 and name in shown:
            art.byline = name
    if not art.outlet and page.sender:
        art.outlet, art.outlet_from = page.sender, "sender"
    if not art.date and page.sent:
        art.date = page.sent
        art.notes.append("dated by the message's Date header (the day it was sent: a newsletter's day)")
    return art


def _check_container(display: str, what: str, size: int, max_bytes: int) -> None:
    """A file that carries its text beside images (a single-file page, a
    document) may be :data:`MHTML_SIZE_FACTOR` times ``--max-size``; its text
    part is held to ``--max-size`` where it is read."""
    if size > MHTML_SIZE_FACTOR * max_bytes:
        raise InputError(display, f"{what} is {size:,} bytes, over {MHTML_SIZE_FACTOR} times "
                                  f"the {max_bytes:,}-byte limit (see --max-size)")


def _iter_export(
    f: InputFile, kind: str, outlet: str | None, event: str | None,
    columns: Mapping[str, str] | None, max_bytes: int, notes: list[str] | None, submit: Any = None,
) -> Iterator[LoadedRecord | InputError]:
    from .loaders import export

    display = f.display
    from .loaders import feed

    reader = {"jsonl": export.read_jsonl, "json": export.read_json, "csv": export.read_csv,
              "feed": feed.read_feed}[kind]
    if kind in ("jsonl", "csv") and submit is not None:
        reader = functools.partial(reader, submit=submit)
    stats = export.ExportStats()
    try:
        fh = _open_export(f.path)
    except OSError as exc:
        yield InputError(display, f"cannot read ({exc.strerror or exc})")
        return
    encoding = "utf-8"
    with fh:
        try:
            head = fh.read(1 << 16)
            fh.seek(0)
            if not head.strip():
                yield InputError(display, "empty file")
                return
            if looks_binary(head):
                yield InputError(display, binary_message(head))
                return
            encoding = sniff_encoding(head)
            read = 0
            for rec in reader(display, fh, columns, encoding=encoding, max_record=max_bytes, stats=stats):
                read += 1
                if rec.error is not None:
                    yield rec.error
                elif rec.article is not None:
                    rec.article.encoding = encoding
                    _apply_overrides(rec.article, None, outlet, event)
                    yield LoadedRecord(rec.record, rec.article)
            if not read and not stats.summary():
                # "[]", a header row alone, a feed's channel without items:
                # read without a fault, and nothing in it
                yield InputError(display, "the feed lists no items" if kind == "feed" else
                                 "no records: the export holds none")
        except (OSError, EOFError, lzma.LZMAError) as exc:
            # A compressed file cut short or not compressed as its name says.
            yield InputError(display, f"cannot read ({getattr(exc, 'strerror', None) or exc})")
        except UnicodeError as exc:
            yield InputError(display, f"does not decode as {encoding} ({exc.__class__.__name__})")
        except (ValueError, RecursionError, MemoryError, csv.Error) as exc:
            # A reader bug must not stop the batch: the records read so far are stored.
            yield InputError(display, f"could not read the rest of the export ({type(exc).__name__}: {exc})")
    if notes is not None:
        notes.extend(f"{display}: {n}" for n in stats.summary())


def _iter_sheets(
    f: InputFile, kind: str, outlet: str | None, event: str | None,
    columns: Mapping[str, str] | None, max_bytes: int, notes: list[str] | None, submit: Any = None,
) -> Iterator[LoadedRecord | InputError]:
    """A spreadsheet's or a Parquet file's rows, read as an export's records
    (see :mod:`framing.loaders.sheets`)."""
    from .loaders import export, sheets

    display = f.display
    stats = export.ExportStats()
    read = 0
    try:
        if kind == "parquet":
            names, batches = sheets.parquet_batches(display, f.path)
            records = export.read_table_records(display, names, batches, columns, max_record=max_bytes,
                                                stats=stats, submit=submit)
        else:
            rows, epoch = (sheets.xlsx_rows if kind == "xlsx" else sheets.ods_rows)(display, f.path)
            records = export.read_workbook(display, rows, epoch, columns, fmt=kind, max_record=max_bytes,
                                           stats=stats, submit=submit)
        for rec in records:
            read += 1
            if rec.error is not None:
                yield rec.error
            elif rec.article is not None:
                rec.article.encoding = "utf-8"
                _apply_overrides(rec.article, None, outlet, event)
                yield LoadedRecord(rec.record, rec.article)
        if not read and not stats.summary():
            yield InputError(display, "no records: the export holds none")
    except InputError as exc:
        yield exc
    except OSError as exc:
        yield InputError(display, f"cannot read ({exc.strerror or exc})")
    except Exception as exc:
        # A damaged part (a zip member that does not inflate, XML cut short) or
        # a reader bug must not stop the batch: the records read so far are stored.
        yield InputError(display, f"could not read the rest of the file ({type(exc).__name__}: "
                                  f"{str(exc).splitlines()[0][:200] if str(exc) else ''})")
    if notes is not None:
        notes.extend(f"{display}: {n}" for n in stats.summary())


def _limit_words(art: Article, max_words: int | None) -> None:
    """Cut a page over ``max_words`` words, with a note saying so."""
    if not max_words or art.words <= max_words:
        return
    count = 0
    for m in re.finditer(r"\S+", art.body):
        if any(ch.isalnum() for ch in m.group()):
            count += 1
            if count > max_words:
                art.body = art.body[: m.start()].rstrip()
                break
    art.content = "truncated"
    art.notes.append(f"over {max_words:,} words: only the first {max_words:,} are kept (see --max-words)")


def _kind_of(path: Path, max_bytes: int) -> str:
    """The loader for a file: by extension, and for text files by content
    (a JSON or JSON Lines export saved as ``.txt`` is an export)."""
    ext = path.suffix.lower()
    if web_archive(path):
        return "warc"
    if compressed_export(path) or compressed_page(path):
        ext = Path(path.stem).suffix.lower()
    elif ext in PDF_EXT:
        return "pdf"
    elif ext in SHEET_KINDS:
        return SHEET_KINDS[ext]
    elif ext in DATA_FILES:
        return "datafile"  # Feather, a pickle, R's, Stata's...: named, with what to give instead
    else:
        opens_as = _opens_as(path)
        if opens_as:
            return opens_as
    if ext in HTML_EXT:
        return "html"
    if ext in MHTML_EXT:
        return "mhtml"
    if ext in WEBARCHIVE_EXT:
        return "webarchive"
    if ext in DOCUMENT_EXT:
        return DOCUMENT_EXT[ext]
    if ext in MAIL_KINDS:
        return MAIL_KINDS[ext]
    if ext in FEED_EXT or ext == ".xml":
        return "feed"
    if ext in JSONL_EXT:
        return "jsonl"
    if ext in JSON_EXT:
        return "json"
    if ext in CSV_EXT:
        return "csv"
    if compressed_page(path):
        return "text"  # read whole once unpacked: no peek at its first bytes
    with path.open("rb") as fh:
        head = fh.read(1 << 16)
    return _sniff(head, path.stat().st_size <= len(head))


def _opens_as(path: Path) -> str | None:
    """A PDF or a Safari web archive saved under another name ("article.html"
    printed to PDF, a web archive named without its extension), by its first bytes."""
    with path.open("rb") as fh:
        head = fh.read(8)
        if head.startswith(b"%PDF-"):
            return "pdf"
        if head == b"bplist00":
            from .loaders.mhtml import is_web_archive

            return "webarchive" if is_web_archive(head + fh.read(1 << 12)) else None
    return None


#: A mailbox's first line ("From - Mon Nov 23 10:00:00 2026", "From ana@x.org Mon ...").
_MBOX_FROM = re.compile(rb"From \S+ .*\d\d:\d\d")
#: A header line of a message ("Subject: ...", "Message-ID: <...>").
_HEADER_LINE = re.compile(rb"([A-Za-z][A-Za-z0-9-]*):[ \t]")
#: Headers that say a block of header lines is a message's.
_MAIL_HEADERS = frozenset({b"from", b"to", b"subject", b"date", b"message-id", b"received", b"return-path",
                           b"mime-version", b"content-type", b"delivered-to", b"reply-to", b"cc"})


def _mail_sniff(start: bytes) -> str | None:
    """``mbox`` for a mailbox (Thunderbird keeps its folders without an
    extension: "Inbox"), ``eml`` for one message saved under another name, by
    their first lines: a mailbox's "From " line, then a block of header lines
    of which at least three are a message's (a pasted article does not open so)."""
    lines = start[:8192].split(b"\n")
    first = 1 if _MBOX_FROM.match(lines[0]) else 0
    names = set()
    for line in lines[first:first + 40]:
        line = line.rstrip(b"\r")
        if not line:
            break
        if line[:1] in (b" ", b"\t"):
            continue  # a header folded onto the next line
        m = _HEADER_LINE.match(line)
        if not m:
            return None
        names.add(m.group(1).lower())
    if len(names & _MAIL_HEADERS) < 3:
        return None
    return "mbox" if first else "eml"


#: What a server page's address leaves as a saved page's extension when the
#: saving tool keeps the address's name (wget without ``--adjust-extension``,
#: curl -O): "story.php?id=5", "item.aspx", "2024-harbour-vote".
_SERVER_PAGE_SUFFIXES = (".php", ".php3", ".asp", ".aspx", ".jsp", ".jspx", ".cfm", ".cgi", ".pl", ".do",
                         ".action", ".html?", ".htm?")


def html_without_extension(path: Path) -> bool:
    """True for a page saved under its address's name (no extension, a server
    script's, or the address's query after it) that opens as HTML."""
    suffix = path.suffix.lower()
    if suffix and not suffix.startswith(_SERVER_PAGE_SUFFIXES) and "?" not in suffix:
        return False
    try:
        with path.open("rb") as fh:
            head = fh.read(1024)
    except OSError:
        return False
    return _sniff(head, whole=False) == "html"


def mailbox_without_extension(path: Path) -> bool:
    """True for a file without an extension that opens as a mailbox."""
    if path.suffix:
        return False
    try:
        with path.open("rb") as fh:
            return _mail_sniff(fh.read(8192)) == "mbox"
    except OSError:
        return False


def _sniff(head: bytes, whole: bool) -> str:
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if start.startswith(b"{\\rtf"):
        return "rtf"  # pasted text saved as rich text under a .txt name
    mail = _mail_sniff(start)
    if mail:
        return mail
    low = start[:512].lower()
    if low.startswith((b"<!doctype html", b"<html")):
        return "html"
    if start[:1] in (b"{", b"["):
        lines = [ln for ln in head.split(b"\n") if ln.strip()]
        if not whole:
            lines = lines[:-1]  # the last may be cut
        objects = 0
        for line in lines[:5]:
            try:
                obj = json.loads(line)
            except ValueError:
                break
            if not isinstance(obj, dict):
                break
            objects += 1
        if objects >= 2 and (objects == min(5, len(lines))):
            return "jsonl"
        if whole:
            try:
                obj = json.loads(start.decode("utf-8"))
            except (ValueError, UnicodeDecodeError, RecursionError):
                return "text"
            return "json" if isinstance(obj, (dict, list)) and obj else "text"
        if re.match(rb'\[\s*\{|\{\s*"', start):
            return "json"
    return "text"


def _parse_text(display: str, text: str, data: bytes) -> Article:
    from .loaders.clipping import read_clipping
    from .loaders.text import parse_page_text, without_hover_cards

    # A note a web clipper made (YAML front matter over Markdown), else pasted text.
    clipped = read_clipping(text)
    parts = clipped.parts if clipped is not None else parse_page_text(text)
    art = Article(
        source=display,
        body="\n\n".join(map(without_hover_cards, parts.body.split("\n\n"))),
        title=parts.title,
        date=parts.date,
        byline=parts.byline,
        dateline=parts.dateline,
        format="text" if clipped is None else "markdown",
        raw=data,
    )
    if clipped is not None:
        art.url = clipped.url
    if parts.outlet_hint:
        art.outlet, art.outlet_from = parts.outlet_hint, parts.outlet_from or "dateline"
    return art


#: The note on an article whose outlet nothing names (the CLI counts them).
OUTLET_UNKNOWN_NOTE = "outlet unknown: no manifest row, export field, og:site_name, URL or dateline names it"


def _apply_overrides(art: Article, row: Mapping[str, str] | None, outlet: str | None, event: str | None,
                     group_column: str | None = None) -> None:
    """Manifest row first, then the batch's --outlet/--event, then what the loader found.
    The group is the manifest's ``group_column`` (``--group-by``), else its ``group`` column."""
    row = row or {}
    group = row.get((group_column or "group").strip().lower())
    if group:
        art.group = group
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
        art.notes.append(OUTLET_UNKNOWN_NOTE)


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
    max_words: int | None = DEFAULT_MAX_WORDS,
    jobs: int = 1,
) -> "IngestRun":
    """The lazy form of :func:`ingest`: files are found now and stored as the
    result is iterated, one :class:`FileReport` per file (``len()`` says how
    many are coming), so a caller can show progress.

    Articles are stored in batches (:data:`BATCH_ARTICLES`), each in one
    transaction, so an error or an interruption (even ``kill -9``) never
    loses a batch stored before it and never leaves half of one; a file's
    report comes once all its articles are committed. A file read in full
    before, unchanged since (path, size, modification time) and read with the
    same options, is not read again: its report repeats the stored one.
    ``jobs`` > 1 reads page files (text, HTML) in that many worker processes;
    this process alone writes, and the result is the same whatever ``jobs``.
    Problems that belong to no single input file (a missing path, a bad
    manifest row) come first, as reports whose ``source`` is the path or
    manifest at fault.
    """
    files, errors, skipped = discover(paths, manifest)
    options = {"outlet": outlet, "event": event, "columns": columns, "max_bytes": max_bytes,
               "max_words": max_words}
    return IngestRun(store, files, errors, options, skipped, jobs=max(1, int(jobs)))


#: Articles stored per transaction: a batch is the unit that ``kill -9``
#: cannot half-write, and one disk sync per batch instead of per article is
#: most of ingest's speed. A batch also ends at :data:`BATCH_BYTES` of input.
BATCH_ARTICLES = 256
BATCH_BYTES = 16 * 1024**2
#: Page files read ahead per worker process (memory stays bounded).
_AHEAD_PER_JOB = 4


@dataclass
class IngestRun:
    """The files of one ingest, found but not yet read; iterating stores them."""

    store: Store
    files: list[InputFile]
    errors: list[InputError]
    options: dict[str, object]
    skipped: int = 0  # files in folders whose extension no loader reads
    jobs: int = 1
    #: Where page files are read, instead of a pool of ``jobs`` processes: any
    #: object whose ``submit(fn, *args)`` returns a future with ``result()``
    #: (a ``concurrent.futures`` executor, a ``dask.distributed.Client``).
    #: It is not shut down here.
    executor: Any = None

    def __len__(self) -> int:
        return len(self.errors) + len(self.files)

    def __iter__(self) -> Iterator[FileReport]:
        for err in self.errors:
            yield FileReport(err.path, errors=[err])
        batch = _Batch(self.store)
        own = self.executor is None
        pool = self.executor if not own else (_LazyPool(self.jobs) if self.jobs > 1 else None)
        try:
            # page files go to the workers when there are several to read (or an engine's)
            pages = pool if pool is not None and (not own or len(self.files) > 1) else None
            for plan, loaded in _read_ahead(self.store, self.files, self.options, pages, self.jobs,
                                            export_pool=pool):
                report = plan.report
                if loaded is None:  # read before and unchanged since: nothing to store
                    batch.waiting.append(report)
                else:
                    items, file_notes = loaded
                    for item in items:
                        if isinstance(item, InputError):
                            report.errors.append(item)
                            report.counts["error"] += 1
                            continue
                        batch.add(item, plan)
                        for note in item.article.notes:
                            where = (f"{plan.file.display}#{item.article.source_id}"
                                     if item.article.source_id else plan.file.display)
                            report.notes.append(f"{where}: {note}")
                        if batch.full:
                            yield from batch.commit()
                    report.notes.extend(file_notes)
                    batch.finish(plan)
                if not batch.items:
                    yield from batch.commit()
            yield from batch.commit()
        finally:
            if pool is not None and own:
                pool.shutdown(cancel_futures=True)


@dataclass
class _Plan:
    """One input file on its way into the store."""

    file: InputFile
    report: FileReport
    path_key: str
    stamp: tuple[int, int] | None  # (size, mtime_ns) before reading, None if stat failed
    options: str  # digest of what decides the articles read from the file
    reused: bool = False  # counted from the store's own articles only ("unchanged" elsewhere: False)
    started: bool = False  # a record of the file was batched


def _path_key(f: InputFile) -> str:
    try:
        return os.path.normcase(path_text(f.path.resolve()))
    except (OSError, RuntimeError):
        return os.path.normcase(path_text(f.path.absolute()))


@dataclass
class _OneRow:
    """A manifest reduced to the one row of one file (what a worker needs)."""

    row: dict[str, str] | None

    def lookup(self, path: Path) -> dict[str, str] | None:
        return self.row


def _plan(store: Store, f: InputFile, options: Mapping[str, object]) -> tuple[_Plan, bool]:
    """The plan for one file, and whether the store already holds it as it is."""
    row = f.manifest.lookup(f.path) if f.manifest else None
    digest = hashlib.sha256(json.dumps(
        [EXTRACTOR_VERSION, f.display, row, sorted(options.items())], default=str).encode(
            "utf-8", "surrogatepass")).hexdigest()[:16]
    try:
        st = f.path.stat()
        stamp: tuple[int, int] | None = (st.st_size, st.st_mtime_ns)
    except OSError:
        stamp = None
    # A worker may run elsewhere (a Dask cluster): it gets the absolute path.
    plan = _Plan(InputFile(f.path.absolute(), f.display, _OneRow(row) if f.manifest else None),  # type: ignore[arg-type]
                 FileReport(f.display), _path_key(f), stamp, digest)
    if stamp is None:
        return plan, False
    rec = store.input_record(plan.path_key)
    if (rec is None or (rec.size, rec.mtime_ns) != stamp or rec.options != digest
            or not store.holds(plan.path_key, rec.articles)):
        return plan, False
    plan.report.counts["unchanged"] = len(rec.articles)
    plan.report.article_ids = list(rec.articles)
    plan.report.notes = list(rec.notes)
    return plan, True


def load_items(f: InputFile, **options: Any) -> tuple[list[LoadedRecord | InputError], list[str]]:
    """Every article and error of one file, and its notes, read without a
    store (in a worker process or a Dask task). Never raises for a problem
    with the file."""
    notes: list[str] = []
    items = list(iter_file(f, notes=notes, **options))
    return items, notes


def _read_whole(f: InputFile, options: Mapping[str, object]) -> tuple[list[LoadedRecord | InputError], list[str]]:
    return load_items(f, **options)


class _LazyPool:
    """A pool of ``jobs`` worker processes, started by the first task
    submitted to it (an ingest of one small file never starts one)."""

    def __init__(self, jobs: int):
        self.jobs = jobs
        self._pool: Any = None

    def submit(self, fn: Any, *args: Any) -> Any:
        if self._pool is None:
            from concurrent.futures import ProcessPoolExecutor

            self._pool = ProcessPoolExecutor(max_workers=self.jobs)
        return self._pool.submit(fn, *args)

    def shutdown(self, cancel_futures: bool = False) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=cancel_futures)
            self._pool = None


#: A JSON Lines or CSV export (or a web archive: its pages) of at least this many bytes is read in chunks by the
#: worker processes of ``--jobs`` (or an engine's); a smaller one here, where
#: starting the workers would cost more than they save.
PARALLEL_EXPORT_BYTES = 4 * 1024**2


def _read_ahead(
    store: Store, files: list[InputFile], options: Mapping[str, object], pool: Any, jobs: int,
    *, export_pool: Any = None,
) -> Iterator[tuple[_Plan, tuple[Iterable[LoadedRecord | InputError], list[str]] | None]]:
    """``(plan, (items, file notes))`` per file in order, ``None`` for a file
    the store holds unchanged. Page files are read by ``pool`` (a few ahead);
    exports stream record by record, so memory stays flat: a large JSON Lines or CSV
    export's records are read by ``export_pool`` in chunks
    (:data:`PARALLEL_EXPORT_BYTES`), the others in this process."""
    from collections import deque

    ahead: deque[tuple[_Plan, Any]] = deque()
    todo = iter(files)
    limit = max(2, jobs * _AHEAD_PER_JOB)

    def fill() -> None:
        while len(ahead) < limit:
            f = next(todo, None)
            if f is None:
                return
            plan, same = _plan(store, f, options)
            if same:
                ahead.append((plan, None))
            elif pool is not None and not _is_export(plan.file.path, options):
                ahead.append((plan, pool.submit(_read_whole, plan.file, options)))
            else:
                ahead.append((plan, "inline"))

    fill()
    while ahead:
        plan, how = ahead.popleft()
        if how is None:
            yield plan, None
        elif how == "inline":
            notes: list[str] = []
            submit = export_pool.submit if export_pool is not None and _large_export(plan, options) else None
            yield plan, (iter_file(plan.file, notes=notes, submit=submit, **options), notes)  # type: ignore[arg-type]
        else:
            yield plan, how.result()
        fill()


#: Files read record by record or page by page whose records a large one
#: gives the ``--jobs`` workers a chunk at a time.
_CHUNKED_KINDS = frozenset({"jsonl", "csv", "warc", "mbox", "enex", "xlsx", "ods", "parquet"})


def _large_export(plan: _Plan, options: Mapping[str, object]) -> bool:
    """Whether the plan's file is a JSON Lines or CSV export, or a web archive, worth reading in chunks elsewhere."""
    if plan.stamp is None or plan.stamp[0] < PARALLEL_EXPORT_BYTES:
        return False
    try:
        return _kind_of(plan.file.path, int(options.get("max_bytes") or DEFAULT_MAX_BYTES)) in _CHUNKED_KINDS
    except OSError:
        return False


def _is_export(path: Path, options: Mapping[str, object]) -> bool:
    try:
        # (a web archive, a mailbox and an Evernote export are read here too:
        # their pages one at a time, never all at once)
        return _kind_of(path, int(options.get("max_bytes") or DEFAULT_MAX_BYTES)) in _CHUNKED_KINDS | {"json"}
    except OSError:
        return False


class _Batch:
    """Articles waiting to be stored together, and the reports waiting for them."""

    def __init__(self, store: Store):
        self.store = store
        self.items: list[tuple[LoadedRecord, _Plan]] = []
        self.size = 0
        self.finished: list[_Plan] = []  # files whose last article is in this batch
        self.waiting: list[FileReport] = []  # reports to give out once this batch is stored
        self.takeover: set[tuple[str, str]] = set()  # see Store.put_many

    @property
    def full(self) -> bool:
        return len(self.items) >= BATCH_ARTICLES or self.size >= BATCH_BYTES

    def add(self, item: LoadedRecord, plan: _Plan) -> None:
        if not plan.started and item.record:
            # a file whose first record is not the whole file reads as several
            # articles: it may take over the row of the file read as one page
            self.takeover.add((plan.path_key, item.record))
        plan.started = True
        self.items.append((item, plan))
        self.size += len(item.article.raw) + len(item.article.body)

    def finish(self, plan: _Plan) -> None:
        self.finished.append(plan)
        self.waiting.append(plan.report)

    def commit(self) -> Iterator[FileReport]:
        """Store the batch in one transaction; then give out the reports it completes."""
        recordable = [p for p in self.finished if p.stamp is not None and not p.report.errors]
        if self.items or recordable:
            with self.store.transaction():
                outcomes = self.store.put_many(
                    ((item.article, plan.path_key, item.record, EXTRACTOR_VERSION) for item, plan in self.items),
                    self.takeover)
                for (item, plan), outcome in zip(self.items, outcomes):
                    plan.report.counts[outcome.status] += 1
                    if item.language and item.language != "en" and outcome.status != "unchanged":
                        plan.report.languages[item.language] += 1
                    plan.report.article_ids.append(outcome.article_id)
                    plan.reused = plan.reused or outcome.elsewhere
                self.store.record_inputs(
                    InputRecord(p.path_key, p.stamp[0], p.stamp[1], p.options, p.report.article_ids,
                                p.report.notes)
                    for p in recordable if not p.reused)
        self.items, self.size, self.finished, self.takeover = [], 0, [], set()
        waiting, self.waiting = self.waiting, []
        yield from waiting


def ingest_file(store: Store, f: InputFile, **options: object) -> FileReport:
    """Store the articles of one file as they are read (in batches of
    :data:`BATCH_ARTICLES`, each one transaction, so an error later in the
    file never loses earlier batches)."""
    run = IngestRun(store, [f], [], dict(options))
    for report in run:
        return report
    return FileReport(f.display)  # pragma: no cover - one file gives one report


def path_text(path: str | os.PathLike[str]) -> str:
    """A path as text that any store and terminal take, losslessly: bytes that
    are not UTF-8 (a name from a zip made on Windows) show as ``\\xff``, and
    a backslash that was in the name is doubled."""
    raw = os.fsencode(path)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.replace(b"\\", b"\\\\").decode("utf-8", "backslashreplace")


def load(
    paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
    *,
    manifest: str | os.PathLike[str] | None = None,
    outlet: str | None = None,
    event: str | None = None,
    columns: Mapping[str, str] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_words: int | None = DEFAULT_MAX_WORDS,
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
        loaded, errs = load_file(f, outlet=outlet, event=event, columns=columns, max_bytes=max_bytes,
                                 max_words=max_words)
        problems.extend(errs)
        out.extend(item.article for item in loaded)
    for number, article in enumerate(out, 1):
        article.id = number
    if problems:
        if errors is None:
            raise problems[0]
        errors.extend(problems)
    return out
