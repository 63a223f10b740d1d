"""Pages saved as one file by a browser, images and all: ``.mhtml`` /
``.mht`` (Chrome's and Edge's "Webpage, Single File"), a MIME message whose
first HTML part is the page; ``.webarchive`` (Safari's "Web Archive"), a
property list whose main resource is the page. The page is read by the HTML
loader like a saved ``.html``; the address it was saved from (the part's
``Content-Location``, the message's ``Snapshot-Content-Location``, the
archive's ``WebResourceURL``) is its URL when the page names none."""

from __future__ import annotations

import email
import email.policy
import plistlib
from dataclasses import dataclass

from ..errors import InputError



@dataclass
class SavedPage:
    html: bytes
    charset: str | None
    location: str | None


def page_part(source: str, data: bytes) -> SavedPage:
    """The page of a single-file saved page; an :class:`InputError` when the
    file holds no HTML part."""
    msg = email.message_from_bytes(data, policy=email.policy.compat32)
    snapshot = msg.get("Snapshot-Content-Location")
    for part in msg.walk():
        if part.is_multipart() or part.get_content_type() != "text/html":
            continue
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes) or not payload.strip():
            continue
        location = _web_address(part.get("Content-Location")) or _web_address(snapshot)
        return SavedPage(payload, part.get_content_charset(), location)
    raise InputError(source, "no HTML page inside this single-file (MHTML) page")


def _web_address(value: object) -> str | None:
    return value if isinstance(value, str) and value.lower().startswith(("http://", "https://")) else None


def archive_page(source: str, data: bytes) -> SavedPage:
    """The page of a Safari web archive; an :class:`InputError` when the file
    is no such archive or its main resource is no HTML page."""
    try:
        archive = plistlib.loads(data)
    except (plistlib.InvalidFileException, ValueError, TypeError, OverflowError) as exc:
        raise InputError(source, f"not a readable web archive ({type(exc).__name__})") from None
    main = archive.get("WebMainResource") if isinstance(archive, dict) else None
    if not isinstance(main, dict) or not isinstance(main.get("WebResourceData"), bytes) \
            or "html" not in str(main.get("WebResourceMIMEType", "text/html")).lower():
        raise InputError(source, "no HTML page inside this web archive")
    charset = main.get("WebResourceTextEncodingName")
    return SavedPage(main["WebResourceData"], charset if isinstance(charset, str) else None,
                     _web_address(main.get("WebResourceURL")))
