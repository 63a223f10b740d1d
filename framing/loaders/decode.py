"""Bytes to text, with the checks every input needs first: empty, too large,
binary, and an encoding that is not UTF-8 (detected with charset-normalizer)."""

from __future__ import annotations

import codecs

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


def looks_binary(data: bytes) -> bool:
    """True for data with NUL bytes or many control characters in its first 8 KiB."""
    head = data[:8192]
    if b"\x00" in head:
        # UTF-16/32 text has NULs too, but only with a byte-order mark.
        return not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    if not head:
        return False
    controls = sum(1 for b in head if b in _BINARY_CONTROLS)
    return controls / len(head) > 0.01


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
        raise InputError(path, "binary file, not text (is it a PDF, image or archive?)")
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
    try:
        return _clean(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
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
    """Normalise line endings and drop a stray BOM; nothing else is changed."""
    return text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
