"""Pages saved by a browser as one file, images and all: ``.mhtml`` /
``.mht`` (Chrome's and Edge's "Webpage, Single File"), a MIME message whose
first HTML part is the page; ``.webarchive`` (Safari's "Web Archive"), a
property list whose main resource is the page (or a PDF Safari showed). The
page is read by the HTML loader like a saved ``.html``; the address it was
saved from (the part's ``Content-Location``, the message's
``Snapshot-Content-Location``, the archive's ``WebResourceURL``) is its URL
when the page names none.

A web archive, as WebKit writes it (``LegacyWebArchive``): a dictionary
whose ``WebMainResource`` is the page (``WebResourceData``, the bytes;
``WebResourceMIMEType``; ``WebResourceTextEncodingName``, when known;
``WebResourceURL``; ``WebResourceFrameName``); ``WebSubresources``, its
images, scripts and style sheets, each with the server's response archived
beside it; ``WebSubframeArchives``, an archive of the same shape for each
frame on the page (advertisements, embedded players). Only the main
resource is read."""

from __future__ import annotations

import email
import email.policy
import plistlib
from dataclasses import dataclass

from ..errors import InputError


@dataclass
class SavedPage:
    #: the page's bytes (a PDF's for ``kind`` "pdf")
    data: bytes
    charset: str | None
    location: str | None
    #: ``html``, or ``pdf`` for a web archive of a PDF Safari showed
    kind: str = "html"


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


#: A web archive's page: its main resource's MIME type, and the loader that reads it.
_ARCHIVE_KINDS = {"text/html": "html", "application/xhtml+xml": "html", "application/pdf": "pdf"}


def archive_page(source: str, data: bytes) -> SavedPage:
    """The page of a Safari web archive (binary or XML property list); an
    :class:`InputError` naming what is wrong when the file is no such
    archive, has no main resource, or its main resource is empty or neither
    a page nor a PDF."""
    try:
        archive = plistlib.loads(data)
    except Exception as exc:  # a damaged property list fails in many ways (expat, struct, index, recursion)
        raise InputError(source, f"not a readable web archive: not a property list ({type(exc).__name__})") \
            from None
    main = archive.get("WebMainResource") if isinstance(archive, dict) else None
    if not isinstance(main, dict):
        raise InputError(source, "not a web archive: no main resource (WebMainResource) in this property list")
    body = main.get("WebResourceData")
    if not isinstance(body, bytes) or not body.strip():
        raise InputError(source, "the web archive's page is empty")
    mime = main.get("WebResourceMIMEType")
    mime = mime.split(";")[0].strip().lower() if isinstance(mime, str) else ""
    kind = _ARCHIVE_KINDS.get(mime)
    if kind is None and not mime:
        # (WebKit writes the type always; an archive made by another tool may not)
        kind = "pdf" if body.startswith(b"%PDF-") else "html"
    if kind is None:
        raise InputError(source, f"the web archive holds {mime}, not a web page (HTML) or a PDF")
    charset = main.get("WebResourceTextEncodingName")
    return SavedPage(body, charset if isinstance(charset, str) and charset.strip() else None,
                     _web_address(main.get("WebResourceURL")), kind)


def is_web_archive(head: bytes) -> bool:
    """Do a file's first bytes open a Safari web archive (a binary property
    list naming a main resource)? For a file whose name does not say so."""
    return head.startswith(b"bplist00") and b"WebMainResource" in head
