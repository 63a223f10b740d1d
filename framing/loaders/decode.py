"""Bytes to text, with the checks every input needs first: empty, too large,
binary, and an encoding that is not UTF-8 (detected with charset-normalizer)."""

from __future__ import annotations

import codecs
import re

from ..errors import InputError

#: Default largest input file, in bytes (``--max-size`` changes it).
DEFAULT_MAX_BYTES = 20 * 1024 * 1024

# Control characters that never occur in text files (tab, newline, CR, form
# feed and escape aside). A few of them mean the file is binary.
_BINARY_CONTROLS = frozenset(range(0, 32)) - {9, 10, 12, 13, 27}


def check_size(path: str, size: int, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
    if size == 0:
        raise InputError(path, "empty file")
    if size > max_bytes:
        raise InputError(path, f"file is {size:,} bytes, over the {max_bytes:,}-byte limit (see --max-size)")


def utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le`` / ``utf-16-be`` for UTF-16 text saved without a byte-order
    mark (mostly-Latin text has a NUL in every other byte), else None."""
    head = data[:8192]
    if len(head) < 4 or head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    head = head[: len(head) // 2 * 2]
    even, odd = head[0::2], head[1::2]
    pairs = len(even)
    for enc, zeros, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if zeros.count(0) >= 0.6 * pairs and other.count(0) <= 0.05 * pairs:
            try:
                text = data[: len(data) // 2 * 2].decode(enc)
            except UnicodeDecodeError:
                continue
            if _printable_share(text[:4096]) >= 0.95:
                return enc
    return None


def _printable_share(text: str) -> float:
    if not text:
        return 0.0
    return sum(1 for ch in text if ch.isprintable() or ch in "\n\r\t") / len(text)


def looks_binary(data: bytes) -> bool:
    """True for data with NUL bytes or many control characters in its first 8 KiB."""
    head = data[:8192]
    if b"\x00" in head:
        # UTF-16/32 text has NULs too: with a byte-order mark, or in every other byte.
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return False
        return utf16_without_bom(data) is None
    if not head:
        return False
    controls = sum(1 for b in head if b in _BINARY_CONTROLS)
    return controls / len(head) > 0.01


#: The first bytes of binary files users give by mistake, and what to do instead.
_IMAGE = ("an image: framing reads an article's text; for a screenshot, run OCR first or save the page "
          "itself (HTML or PDF)")
_BINARY_KINDS = (
    (b"%PDF", "a PDF: copy the article's text into a .txt file, or save the page as HTML"),
    (b"PK\x03\x04", "a zip archive: unpack it and give the folder"),
    (b"\x1f\x8b", "gzip of an unknown file: name it after the file inside "
                   "(archive.jsonl.gz, archive.csv.gz, page.html.gz) or unpack it"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive: unpack it and give the folder"),
    (b"Rar!", "a RAR archive: unpack it and give the folder"),
    (b"\x89PNG", _IMAGE),
    (b"\xff\xd8\xff", _IMAGE),
    (b"GIF8", _IMAGE),
    (b"RIFF", "a media file (an image, sound or video), not an article's text"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document (.doc, .xls or .ppt): save it as .docx, "
                                         ".odt or .txt (a sheet as CSV) and give that file"),
)


#: Office documents are zip archives; the member that tells which kind.
_OFFICE_KINDS = (
    ("xl/workbook.xml", "a spreadsheet workbook: save the sheet as CSV (\"CSV UTF-8\") and give that file"),
    ("word/document.xml", "a Word document: name it .docx to read it as a pasted page"),
    ("ppt/presentation.xml", "a presentation: copy its text into a .txt file"),
)
_OPENDOCUMENT = b"application/vnd.oasis.opendocument."


def _office_kind(data: bytes) -> str | None:
    """What an Office or OpenDocument file given as text is, from its zip members."""
    import io
    import zipfile

    if data[30:38] == b"mimetype" and data[38:38 + len(_OPENDOCUMENT)] == _OPENDOCUMENT:
        # An OpenDocument file opens with its media type, stored uncompressed.
        kind = data[38 + len(_OPENDOCUMENT):140]
        if kind.startswith(b"spreadsheet"):
            return "a spreadsheet workbook: save the sheet as CSV (\"CSV UTF-8\") and give that file"
        if kind.startswith(b"text"):
            return "an OpenDocument text: name it .odt to read it as a pasted page"
    if data[30:38] == b"mimetype" and data[38:58] == b"application/epub+zip":
        return "an e-book (EPUB): copy the article's text into a .txt file"
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            names = set(z.namelist())
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        return None
    return next((what for member, what in _OFFICE_KINDS if member in names), None)


def binary_message(data: bytes) -> str:
    """The one line a binary file's error gives, saying what the file is when
    its first bytes tell ("binary file, not text: a zip archive: unpack it ...")."""
    if data.startswith(b"PK\x03\x04"):
        office = _office_kind(data)
        if office:
            return f"binary file, not text: {office}"
    for magic, what in _BINARY_KINDS:
        if data.startswith(magic):
            return f"binary file, not text: {what}"
    return "binary file, not text (is it a PDF, image or archive?)"


def decode(path: str, data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode ``data`` to text; return ``(text, encoding)``.

    Tries a byte-order mark, then UTF-8, then an encoding the file declares
    (``declared``, e.g. from an HTML ``<meta charset>``) if it decodes cleanly,
    then charset-normalizer's best guess. Raises :class:`InputError` for
    empty, binary or undecodable data.
    """
    if not data.strip():
        raise InputError(path, "empty file")
    if looks_binary(data):
        raise InputError(path, binary_message(data))
    for bom, enc in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return _clean(data.decode(enc)), enc
            except UnicodeDecodeError:
                raise InputError(path, f"starts with a {enc} byte-order mark but does not decode as {enc}") from None
    bomless = utf16_without_bom(data)
    if bomless:
        return _clean(data[: len(data) // 2 * 2].decode(bomless)), bomless
    try:
        return _clean(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    mixed = _mixed_utf8(data)
    if mixed is not None:
        return mixed
    if declared:
        try:
            codecs.lookup(declared)
            return _clean(data.decode(declared)), codecs.lookup(declared).name
        except (LookupError, UnicodeDecodeError):
            pass  # a mis-declared encoding: detect instead
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise InputError(path, "not UTF-8 and no text encoding could be detected")
    encoding = best.encoding
    # Short Western text does not tell Windows-1252 from its Latin-script
    # siblings (cp1257, cp1250, Latin-1...): the detector often picks a sibling
    # and turns curly quotes and accents into wrong letters. News pages saved
    # on Windows are overwhelmingly Windows-1252, so within that family prefer
    # it whenever it decodes. Cyrillic, Greek, Arabic, Hebrew and CJK guesses
    # are left alone.
    if encoding in _LATIN_SINGLE_BYTE:
        try:
            return _clean(data.decode("cp1252")), "cp1252"
        except UnicodeDecodeError:
            pass
    try:
        return _clean(data.decode(encoding)), encoding
    except (UnicodeDecodeError, LookupError):
        raise InputError(path, f"does not decode as {encoding}") from None


_LATIN_SINGLE_BYTE = frozenset(
    {
        "cp1250", "cp1252", "cp1254", "cp1257", "latin_1", "iso8859_1", "iso8859_2",
        "iso8859_3", "iso8859_4", "iso8859_9", "iso8859_10", "iso8859_13", "iso8859_14",
        "iso8859_15", "iso8859_16", "mac_roman", "mac_latin2", "cp850", "cp437",
    }
)


def _clean(text: str) -> str:
    """Normalise line endings, drop a stray BOM and soft hyphens; nothing else
    is changed. A soft hyphen (U+00AD) marks where a word may break at a
    line's end and is not shown elsewhere: pages that hyphenate (many German
    ones) copy with them inside words ("Mes\u00adsen\u00adger"), which would
    hide the word from every match."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00ad", "").lstrip("\ufeff")


def _mixed_utf8(data: bytes) -> tuple[str, str] | None:
    """Text whose lines are partly UTF-8 (with non-ASCII letters) and partly a
    legacy encoding, as when files are pasted together: each line is decoded
    on its own. None when no line is UTF-8 beyond ASCII."""
    lines = data.split(b"\n")
    utf8 = legacy = 0
    for line in lines:
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
            utf8 += 1
        except UnicodeDecodeError:
            legacy += 1
    if not utf8 or not legacy:
        return None
    out: list[str] = []
    encodings: set[str] = set()
    for line in lines:
        try:
            out.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            text, enc = legacy_fallback(line)
            encodings.add(enc)
            out.append(text)
    return _clean("\n".join(out)), "utf-8+" + "+".join(sorted(encodings))


def legacy_fallback(raw: bytes) -> tuple[str, str]:
    """Bytes that are not UTF-8, read as Windows-1252 (what text saved on
    Windows mostly is), else Latin-1, which decodes any byte."""
    try:
        return raw.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return raw.decode("latin-1"), "latin-1"


def sniff_encoding(head: bytes) -> str:
    """The encoding of a stream from its first bytes: a byte-order mark,
    UTF-16 without one, else UTF-8 (lines that are not are read one by one)."""
    for bom, enc in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if head.startswith(bom):
            return enc
    return utf16_without_bom(head) or "utf-8"


_SURROGATE = re.compile("[\ud800-\udfff]")


def fix_surrogates(text: str) -> str:
    """``text`` with lone UTF-16 surrogates (from JSON ``"\\ud800"``) replaced by U+FFFD
    and escaped pairs joined into the character they stand for."""
    if not _SURROGATE.search(text):
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def repair_lone_surrogates(article: object) -> bool:
    """Fix every text field of an article in place; True when any changed."""
    changed = False
    for name in ("body", "title", "outlet", "byline", "url", "event", "language", "source_id", "country", "group", "date"):
        value = getattr(article, name, None)
        if isinstance(value, str):
            fixed = fix_surrogates(value)
            if fixed != value:
                setattr(article, name, fixed)
                changed = True
    return changed
