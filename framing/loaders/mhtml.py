"""Pages saved as one file by a browser (``.mhtml``, ``.mht``: Chrome's and
Edge's "Webpage, Single File"): a MIME message whose first HTML part is the
page, beside its images and style sheets. The page part is decoded (quoted-
printable or base64) and read by the HTML loader like a saved ``.html``; its
address comes from the part's ``Content-Location`` (or the message's
``Snapshot-Content-Location``) when the page names none."""

from __future__ import annotations

import email
import email.policy
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
        location = part.get("Content-Location") or snapshot
        if location and not location.lower().startswith(("http://", "https://")):
            location = snapshot if snapshot and snapshot.lower().startswith(("http://", "https://")) else None
        return SavedPage(payload, part.get_content_charset(), location)
    raise InputError(source, "no HTML page inside this single-file (MHTML) page")
