"""Articles kept as e-mail and as Evernote notes.

- ``.eml`` (one message, as any mail client exports it), ``.emlx`` (Apple
  Mail's: a line giving the message's length, the message, then a property
  list) and ``.mbox`` (many messages, each opening with a ``From `` line:
  Thunderbird's folders, Gmail's Takeout): each message is one article, its
  HTML part (else its plain-text part) read as a saved page (else as pasted
  text). A newsletter digest of many stories is one article: the message.
- ``.enex`` (Evernote's export; the Web Clipper's notes): each note is one
  clipped page, its ENML content (XHTML under ``<en-note>``) read as a saved
  page, ``<source-url>`` the address it was clipped from.

This module only opens the containers; :mod:`framing.corpus` reads each
message's or note's page with the HTML or the pasted-text loader and applies
what the container adds (:class:`MailPage`): the Subject or the note's title
when the page names no headline, the newsletter's sender as its outlet when
the page names none, the Date header as the day when the page shows none (and
never for a forwarded message: the day it was forwarded is not the article's).
A note's ``<created>`` is the day it was clipped, never the article's.

Both big formats are read as a stream: an mbox a message at a time, an
export a note at a time (lxml's ``iterparse``, entities and network off).
"""

from __future__ import annotations

import email
import email.policy
import email.utils
import hashlib
import html as html_lib
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path

from ..errors import InputError

@dataclass
class MailPage:
    """One message's or note's page, and what its container says about it."""

    #: the page's id inside its file ("" for a file of one message)
    record: str
    #: "message 3 (Subject)", "note 2 (title)": how an error names it
    label: str
    data: bytes
    #: ``html`` or ``text``
    kind: str
    charset: str | None = None
    #: the address the page was saved or clipped from, where the container states it
    location: str | None = None
    #: the Subject (without "Fwd:", "Re:") or the note's title
    title: str | None = None
    #: a newsletter's brand: its sender's display name, else its domain
    sender: str | None = None
    #: ISO day of the Date header; None for a forwarded message
    sent: str | None = None
    forwarded: bool = False
    #: an Evernote note's ``<author>`` (whoever clipped it, or the page's writer)
    author: str | None = None
    #: sent to a list (``List-Unsubscribe``, ``List-Id``, ``Precedence: bulk``): a newsletter
    newsletter: bool = False
    #: the id to show after the file's name (the Message-ID, the clipped address)
    source_id: str | None = None
    #: a newsletter's plain-text alternative to its HTML part (the same text, written by its service)
    plain: bytes | None = None
    plain_charset: str | None = None


# -------------------------------------------------------------------- messages

#: Subject prefixes of a forwarded message (English, German, French, Spanish,
#: Portuguese, Nordic, Dutch) and of a reply.
_FORWARD_SUBJECT = re.compile(r"^\s*(?:fwd?|wg|tr|rv|enc|vs|vb|doorst)\s*:", re.I)
_PREFIX = re.compile(r"^\s*(?:(?:fwd?|re|aw|wg|tr|rv|enc|vs|vb|sv|doorst)\s*(?:\[\d+\])?\s*:\s*)+", re.I)
#: The line a mail client opens a forwarded message's copy with.
FORWARD_MARK = re.compile(
    r"^[\s>]*(?:-{2,}\s*(?:forwarded message|original message|weitergeleitete nachricht|"
    r"ursprüngliche nachricht|message transféré|message d'origine|mensaje reenviado|mensaje original|"
    r"mensagem encaminhada|mensagem original|doorgestuurd bericht|videresendt melding|vidarebefordrat meddelande)"
    r"\s*-{2,}|begin forwarded message:|anfang der weitergeleiteten nachricht:|début du message réexpédié :?)",
    re.I | re.M)
#: A header line a mail client copies under that mark ("From: ...", "Sent: ...").
FORWARD_HEADER = re.compile(
    r"^[\s>*]*(?:from|date|sent|subject|to|cc|reply-to|von|datum|gesendet|betreff|an|de|envoyé|objet|à|"
    r"para|asunto|fecha|enviado|assunto|data)\s*:", re.I)
#: Headers that mark a message sent to a list (a newsletter), not by a person.
_LIST_HEADERS = ("List-Unsubscribe", "List-Id")
#: Mail services whose addresses are people's, never a newsletter's brand.
_PERSONAL_DOMAINS = frozenset({
    "gmail.com", "googlemail.com", "yahoo.com", "outlook.com", "hotmail.com", "live.com", "msn.com",
    "icloud.com", "me.com", "mac.com", "aol.com", "proton.me", "protonmail.com", "gmx.de", "gmx.net",
    "web.de", "yandex.ru", "mail.ru", "fastmail.com", "zoho.com", "hey.com"})
#: Headers that give the address a page mailed as itself was sent from.
_LOCATION_HEADERS = ("Content-Location", "Content-Base", "X-Apple-Base-Url", "X-Url")


def _header(msg: EmailMessage, name: str) -> str | None:
    """A header's text, or None where it is absent or cannot be parsed (a
    malformed header must not lose the message)."""
    try:
        value = msg.get(name)
    except Exception:  # the header parser fails in many ways on damaged headers
        return None
    text = str(value).strip() if value is not None else ""
    return " ".join(text.split()) or None


def _web_address(value: str | None) -> str | None:
    value = (value or "").strip().strip("<>")
    return value if value.lower().startswith(("http://", "https://")) else None


def clean_subject(subject: str | None) -> str | None:
    """The Subject without the "Fwd:" / "Re:" prefixes a mail client adds."""
    if not subject:
        return None
    return _PREFIX.sub("", subject).strip() or None


def _sent_day(msg: EmailMessage) -> str | None:
    raw = _header(msg, "Date")
    if not raw:
        return None
    try:
        when = email.utils.parsedate_to_datetime(raw)
    except (TypeError, ValueError, IndexError):
        return None
    # the day where it was sent (the header's own time zone)
    return when.date().isoformat() if when is not None and 1900 < when.year < 2200 else None


def _sent_to_list(msg: EmailMessage) -> bool:
    """A newsletter: sent to a list (``List-Unsubscribe``, ``List-Id``,
    ``Precedence: bulk``), but not a discussion list's post, which a person
    wrote (``List-Post``: Mailman, Google Groups, groups.io)."""
    if _header(msg, "List-Post"):
        return False
    precedence = (_header(msg, "Precedence") or "").lower()
    return any(_header(msg, h) for h in _LIST_HEADERS) or precedence in ("bulk", "list")


def _newsletter_brand(msg: EmailMessage) -> str | None:
    """The sender's display name (else its domain) when the message was sent
    to a list: a newsletter names its brand there; a person's name is never
    an outlet."""
    if not _sent_to_list(msg):
        return None
    name, address = email.utils.parseaddr(_header(msg, "From") or "")
    name = name.strip().strip('"').strip()
    domain = address.rpartition("@")[2].lower().strip(".")
    if " via " in name:
        return None  # "Ana Lee via Harbour List": a person's post a list sent on
    by = _WRITER_FROM.fullmatch(name)
    if by:
        return by.group(2)  # "Ana Lee from The Letter": a platform's newsletter names writer and title
    if name and not _ADDRESS.fullmatch(name):
        return name
    if domain and domain not in _PERSONAL_DOMAINS and "." in domain:
        return domain
    return None


_ADDRESS = re.compile(r"\S+@\S+\.\S+")
#: A newsletter platform's sender name: the writer (two to four capitalised
#: words), "from", the newsletter's title ("Heather Lane from Letters from a
#: Harbour"); a title with "from" of its own and no writer before it ("News
#: from Nowhere") is left whole.
_WRITER_FROM = re.compile(r"((?:[A-Z][\w'.-]*\s+){1,3}[A-Z][\w'.-]*)\s+from\s+(\S.*)")


def _forwarded(msg: EmailMessage, subject: str | None, text: str) -> bool:
    if subject and _FORWARD_SUBJECT.match(subject):
        return True
    return bool(FORWARD_MARK.search(text[:200_000]))


def _body_part(msg: EmailMessage) -> EmailMessage | None:
    """The part that holds the message's text: its HTML, else its plain text
    (an attachment never)."""
    try:
        part = msg.get_body(preferencelist=("html", "plain"))
    except Exception:  # a damaged structure: look for the parts one by one
        part = None
    if part is not None:
        return part  # type: ignore[return-value]
    found: dict[str, EmailMessage] = {}
    for p in msg.walk():
        ctype = p.get_content_type()
        if ctype in ("text/html", "text/plain") and not p.is_attachment():
            found.setdefault(ctype, p)  # type: ignore[arg-type]
    return found.get("text/html") or found.get("text/plain")


def _forwarded_attachment(msg: EmailMessage) -> EmailMessage | None:
    """A message forwarded as an attachment (``message/rfc822``): the one
    holding the article when the outer message only says "see below"."""
    for part in msg.walk():
        if part.get_content_type() == "message/rfc822":
            payload = part.get_payload()
            inner = payload[0] if isinstance(payload, list) and payload else None
            if isinstance(inner, EmailMessage):
                return inner
    return None


#: The outer text of a message whose article is forwarded as an attachment is
#: a line or two ("FYI", "see attached"): this many words at most.
_COVER_WORDS = 60


def read_message(display: str, data: bytes, record: str = "", label: str = "") -> MailPage:
    """One message's page; an :class:`InputError` (naming ``label``, the
    message in a mailbox) when the bytes are no e-mail message or hold no text."""
    msg = email.message_from_bytes(data, policy=email.policy.default)
    assert isinstance(msg, EmailMessage)
    subject = _header(msg, "Subject")
    if label and subject:
        label = f"{label} ({clean_subject(subject) or subject})"
    where = f"{label}: " if label else ""
    if not any(_header(msg, h) for h in ("From", "Date", "Subject", "Message-ID", "MIME-Version", "Content-Type")):
        raise InputError(display, f"{where}not an e-mail message: no From, Date, Subject or Content-Type header")
    part = _body_part(msg)
    page = _page_of(part)
    inner = _forwarded_attachment(msg)
    forwarded = False
    if inner is not None and (page is None or len(_plain(page[0], page[1]).split()) <= _COVER_WORDS):
        # the article travels as an attached message: read that one
        inner_page = _page_of(_body_part(inner))
        if inner_page is not None:
            page, forwarded = inner_page, True
            subject = subject or _header(inner, "Subject")
    if page is None:
        raise InputError(display, f"{where}the message holds no text (no HTML or plain-text part)")
    body, kind, charset = page
    forwarded = forwarded or _forwarded(msg, subject, _plain(body, charset))
    mid = _header(msg, "Message-ID")
    newsletter = _sent_to_list(msg)
    alternative = None
    if kind == "html" and newsletter and not forwarded:
        try:
            alternative = _page_of(msg.get_body(preferencelist=("plain",)))  # type: ignore[arg-type]
        except Exception:  # a damaged structure: the HTML alone
            alternative = None
    return MailPage(
        record=record,
        label=label or display,
        data=body,
        kind=kind,
        charset=charset,
        location=next((u for u in (_web_address(_header(part, h)) if part is not None else None
                                   for h in _LOCATION_HEADERS) if u), None),
        title=clean_subject(subject),
        sender=None if forwarded else _newsletter_brand(msg),
        sent=None if forwarded else _sent_day(msg),
        forwarded=forwarded,
        newsletter=newsletter,
        source_id=mid.strip("<>") if mid else None,
        plain=alternative[0] if alternative else None,
        plain_charset=alternative[2] if alternative else None,
    )


def _page_of(part: EmailMessage | None) -> tuple[bytes, str, str | None] | None:
    if part is None:
        return None
    try:
        payload = part.get_payload(decode=True)
    except Exception:  # a damaged transfer encoding
        return None
    if not isinstance(payload, bytes) or not payload.strip():
        return None
    kind = "html" if part.get_content_type() == "text/html" else "text"
    try:
        charset = part.get_content_charset()
    except Exception:
        charset = None
    return payload, kind, charset


def _plain(data: bytes, charset: str | None) -> str:
    """A part's text for a look at it (markup left in: only words are counted)."""
    try:
        text = data.decode(charset or "utf-8", errors="replace")
    except LookupError:
        text = data.decode("utf-8", errors="replace")
    return re.sub(r"<[^>]*>", " ", text)


def names_the_same(headline: str | None, subject: str | None) -> bool:
    """Do a headline and a Subject name the same story: the words of one all
    in the other, and at least half as many ("Headline - Site", a Subject
    cut short)? A digest's first headline in its long Subject is not."""
    a, b = sorted((set(re.findall(r"\w+", (t or "").casefold())) for t in (headline, subject)), key=len)
    return bool(a) and a <= b and 2 * len(a) >= len(b)


#: A link's address a mail client or a newsletter service wrote into the
#: plain-text part after the link's words: "(https://...)", "[https://...]",
#: "<https://...>" (the HTML part's links, flattened).
_PLAIN_LINK = re.compile(r"[ \t]*(?:\(\s*(?:https?://|mailto:)[^\s()]*\s*\)|\[\s*(?:https?://|mailto:)[^\s\[\]]*\s*\]"
                         r"|<(?:https?://|mailto:)[^\s<>]*>)(?:[ \t]+(?=[,.;:!?]))?")


def without_link_addresses(text: str) -> str:
    """A plain-text part without the links' addresses written after their
    words: they are no words of the article (The Batch's text part is twice
    its words with them)."""
    return _PLAIN_LINK.sub("", text)


#: A newsletter's plain-text part is read for its body when the HTML reading
#: kept at most this share of its words, and the plain reading holds (this
#: share of) every word the HTML reading kept.
HTML_KEPT_SHARE = 2 / 3
PLAIN_HOLDS_SHARE = 0.95


def fuller_plain(html_body: str, plain_body: str) -> bool:
    """Is a newsletter's plain-text reading the whole of what its HTML
    reading cut short? The extractor reads an HTML mail's layout tables as
    page furniture and can drop a digest's lists and headings; the plain
    part the newsletter's service wrote from the same HTML keeps them."""
    h = Counter(re.findall(r"\w+", html_body.casefold()))
    t = Counter(re.findall(r"\w+", plain_body.casefold()))
    kept, held = sum(h.values()), sum((h & t).values())
    return bool(kept) and kept <= HTML_KEPT_SHARE * sum(t.values()) and held >= PLAIN_HOLDS_SHARE * kept


def without_forward_block(text: str) -> str:
    """A forwarded message's text from the copy on: without the forwarder's
    own words above it ("Worth a read"), the line its mail client opens the
    copy with ("---------- Forwarded message ---------") and the header lines
    under that ("From:", "Date:", "Subject:", "To:"): their date is the day
    the copy was first sent, not the article's. Text without that line is
    returned as it is."""
    m = FORWARD_MARK.search(text)
    if not m:
        return text
    lines = text[m.end():].split("\n")
    i = 1  # the rest of the mark's line
    while i < len(lines) and (not lines[i].strip() or FORWARD_HEADER.match(lines[i])):
        i += 1
    return "\n".join(lines[i:])


def read_eml(display: str, data: bytes) -> MailPage:
    return read_message(display, data)


def read_emlx(display: str, data: bytes) -> MailPage:
    """Apple Mail's ``.emlx``: the message's length on the first line, the
    message, then a property list of Mail's flags (not read)."""
    first, _, rest = data.partition(b"\n")
    if not first.strip().isdigit():
        raise InputError(display, "not an Apple Mail message (.emlx): it does not open with the message's length")
    return read_message(display, rest[: int(first.strip())])


def message_record(page: MailPage, data: bytes) -> str:
    """A message's id inside a mailbox: its Message-ID, else its bytes' digest
    (the same message read again is the same record)."""
    if page.source_id:
        return f"message:{page.source_id}"
    return "message:" + hashlib.sha1(data).hexdigest()[:16]


_FROM_LINE = re.compile(rb"From \S*")
_QUOTED_FROM = re.compile(rb"^>(>*From )")


def mbox_messages(display: str, path: Path, max_bytes: int) -> Iterator[tuple[int, bytes] | InputError]:
    """The messages of an mbox file, one at a time (never the whole file in
    memory): ``(n, bytes)``, or an :class:`InputError` for a message over
    ``max_bytes`` (the rest are read). ``>From `` lines are unquoted (mboxrd)."""
    n = 0
    current: list[bytes] | None = None
    size = 0
    too_big = False
    blank_before = True

    def finish() -> tuple[int, bytes] | InputError | None:
        if current is None:
            return None
        if too_big:
            return InputError(display, f"message {n}: over {max_bytes:,} bytes, passed over (see --max-size)")
        return (n, b"".join(current))

    with path.open("rb") as fh:
        for line in fh:
            if blank_before and line.startswith(b"From ") and _FROM_LINE.match(line):
                done = finish()
                if done is not None:
                    yield done
                n += 1
                current, size, too_big = [], 0, False
                blank_before = False
                continue
            blank_before = not line.strip()
            if current is None:
                if line.strip():
                    raise InputError(display, 'not a mailbox (mbox): it does not open with a "From " line')
                continue
            if too_big:
                continue
            size += len(line)
            if size > max_bytes:
                too_big, current = True, []
                continue
            current.append(_QUOTED_FROM.sub(rb"\1", line))
    done = finish()
    if done is not None:
        yield done
    if n == 0:
        raise InputError(display, "empty file")


# -------------------------------------------------------------------- Evernote

_XML_PROLOG = re.compile(r"^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!DOCTYPE[^>]*>\s*)?", re.I)
#: ENML's own elements that hold no text of the page: attached media, to-do boxes, encrypted text.
_ENML_ONLY = re.compile(r"<en-(?:media|todo)\b[^>]*?(?:/>|>.*?</en-(?:media|todo)>)|<en-crypt\b.*?</en-crypt>",
                        re.I | re.S)


def enml_page(content: str, title: str | None) -> bytes:
    """A note's ENML as the page a saved ``.html`` would be: ``<en-note>``
    becomes ``<body>``, the note's title the page's ``<title>`` (the Web
    Clipper names a note by its page's title), and ENML's own elements
    (media, to-do boxes, encrypted text) are left out."""
    body = _XML_PROLOG.sub("", content, count=1)
    body = _ENML_ONLY.sub("", body)
    body = re.sub(r"<en-note\b", "<body", body, count=1, flags=re.I)
    body = re.sub(r"</en-note\s*>", "</body>", body, flags=re.I)
    head = f"<title>{html_lib.escape(title)}</title>" if title else ""
    return f'<!DOCTYPE html><html><head><meta charset="utf-8">{head}</head>{body}</html>'.encode("utf-8")


def _text(elem: object, path: str) -> str | None:
    found = elem.find(path)  # type: ignore[attr-defined]
    text = (found.text or "").strip() if found is not None else ""
    return text or None


def enex_notes(display: str, path: Path, max_bytes: int) -> Iterator[MailPage | InputError]:
    """The notes of an Evernote export, one at a time: each a :class:`MailPage`
    (an HTML page), or an :class:`InputError` naming the note (no content,
    content over ``max_bytes``); the export's own faults (not an export, XML
    broken off) end it with one error after the notes read before."""
    from lxml import etree

    n = 0
    seen_root = False
    try:
        with path.open("rb") as fh:
            for event, elem in etree.iterparse(fh, events=("start", "end"), resolve_entities=False,
                                               no_network=True, load_dtd=False, huge_tree=True,
                                               remove_comments=True):
                if not seen_root:
                    seen_root = True
                    tag = elem.tag if isinstance(elem.tag, str) else ""
                    if tag != "en-export":
                        yield InputError(display, f"not an Evernote export: its root element is <{tag}>, "
                                                  "not <en-export>")
                        return
                    continue
                if event != "end" or elem.tag != "note":
                    continue
                n += 1
                yield _note(display, n, elem, max_bytes)
                # what was read is let go: the export is read in flat memory
                elem.clear()
                parent = elem.getparent()
                while parent is not None and elem.getprevious() is not None:
                    del parent[0]
    except etree.XMLSyntaxError as exc:
        why = " ".join(str(exc).split())  # (lxml's message may run over lines)
        if not seen_root:
            yield InputError(display, f"not an Evernote export: not XML ({why})")
        else:
            after = f" after note {n}" if n else ""
            yield InputError(display, f"the Evernote export is broken off{after}: {why}")
    except OSError as exc:
        yield InputError(display, f"cannot read ({exc.strerror or exc})")


def _note(display: str, n: int, elem: object, max_bytes: int) -> MailPage | InputError:
    title = _text(elem, "title")
    label = f"note {n} ({title})" if title else f"note {n}"
    content = _text(elem, "content")
    if not content:
        return InputError(display, f"{label}: the note has no content")
    if len(content) > max_bytes:
        return InputError(display, f"{label}: its content is over {max_bytes:,} bytes (see --max-size)")
    url = _web_address(_text(elem, "note-attributes/source-url"))
    data = enml_page(content, title)
    return MailPage(
        record="note:" + hashlib.sha1(data).hexdigest()[:16],
        label=label,
        data=data,
        kind="html",
        charset="utf-8",
        location=url,
        title=title,
        author=_text(elem, "note-attributes/author"),
        source_id=url,
    )
