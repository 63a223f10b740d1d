"""Articles kept as e-mail (``.eml``, ``.emlx``, ``.mbox``) and as Evernote
notes (``.enex``). The messages and exports are built here, as mail clients
and Evernote write them, around the real saved pages of
../shared/data/real-pages and around invented texts in our own words.

The yardstick: a page read from a message or a note gives the fields the
HTML loader gives the same page file; what the container adds (Subject,
sender, Date header, note title) fills only what the page leaves empty."""

from __future__ import annotations

import html as html_lib
import json
import mailbox
import re
from email.message import EmailMessage
from pathlib import Path

import pytest
from click.testing import CliRunner

from framing.cli import cli
from framing.corpus import InputFile, load_file
from framing.loaders.decode import decode
from framing.loaders.mail import names_the_same

from conftest import DATA, _need, run_framing

FIELDS = ("title", "body", "outlet", "date", "byline")

PARAGRAPHS = (
    "The river council of Dunmarsh agreed on Monday to rebuild the stone weir below the mill, after the "
    "spring floods washed away a third of it and left the lower meadows under water for nine days.",
    "Engineers told the council that the new weir would be built two metres further upstream, where the "
    "bedrock is closer to the surface, and that the work should take most of the summer.",
    "Farmers along the lower bank asked for the meadows to be drained first, and the council promised "
    "pumps from the county depot before the first stones are moved in June.",
)


def _page(headline: str, *paragraphs: str) -> str:
    """An invented page that names no outlet and no date of its own."""
    body = "".join(f"<p>{p}</p>\n" for p in paragraphs)
    return (f"<!doctype html><html><head><title>{headline}</title></head>"
            f"<body><article><h1>{headline}</h1>\n{body}</article></body></html>")


def _message(subject: str, html: str | None = None, text: str | None = None, *,
             sender: str = "Ana Lee <ana.lee@example.org>", date: str = "Tue, 03 Mar 2026 10:00:00 +0000",
             newsletter: bool = False, message_id: str | None = None) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = "reader@example.org"
    msg["Subject"] = subject
    msg["Date"] = date
    if message_id:
        msg["Message-ID"] = message_id
    if newsletter:
        msg["List-Unsubscribe"] = "<https://letters.example/unsubscribe>"
    msg.set_content(text or "A page kept for later.")
    if html is not None:
        msg.add_alternative(html, subtype="html")
    return msg


def _read(path: Path, notes: list[str] | None = None):
    loaded, errors = load_file(InputFile(path, path.name), notes=notes)
    return [r.article for r in loaded], errors


def _real_pages() -> list[Path]:
    pages = sorted((_need(DATA / "real-pages") / "html").glob("*.html"))
    assert len(pages) == 69
    return pages


def _mailed(path: Path) -> EmailMessage:
    """A real saved page sent as an e-mail ("Email this page"): its HTML the
    message's HTML part, its <title> the Subject."""
    text, _ = decode(path.name, path.read_bytes())
    m = re.search(r"<title[^>]*>(.*?)</title>", text, re.S | re.I)
    subject = " ".join(html_lib.unescape(m.group(1)).split()) if m else "a page"
    return _message(subject, text)


def _same_as_page(page: Path, got) -> dict[str, tuple[object, object]]:
    (want,), errors = _read(page)
    assert not errors
    return {f: (getattr(want, f), getattr(got, f)) for f in FIELDS if getattr(want, f) != getattr(got, f)}


def test_a_mailed_real_page_reads_as_the_saved_page(tmp_path: Path) -> None:
    for page in _real_pages()[:3]:
        path = tmp_path / f"{page.stem}.eml"
        path.write_bytes(_mailed(page).as_bytes())
        (art,), errors = _read(path)
        assert not errors and art.format == "html"
        assert not _same_as_page(page, art), page.name


@pytest.mark.slow
def test_every_real_page_mailed_reads_as_the_saved_page(tmp_path: Path) -> None:
    """All 69 real saved pages sent as e-mail: headline, body, outlet, date
    and byline as the HTML loader reads the page file (docs/accuracy.md)."""
    differ = {}
    for page in _real_pages():
        path = tmp_path / "page.eml"
        path.write_bytes(_mailed(page).as_bytes())
        (art,), errors = _read(path)
        assert not errors, page.name
        diff = _same_as_page(page, art)
        if diff:
            differ[page.name] = diff
    assert not differ, differ


def test_a_newsletter_is_named_and_dated_by_its_message_where_the_page_is_not(tmp_path: Path) -> None:
    path = tmp_path / "letter.eml"
    html = _page("Weir to be rebuilt above the mill", *PARAGRAPHS)
    path.write_bytes(_message("Weir to be rebuilt above the mill", html, newsletter=True,
                              sender='"The Dunmarsh Letter" <post@dunmarsh-letter.example>').as_bytes())
    (art,), errors = _read(path)
    assert not errors
    assert art.title == "Weir to be rebuilt above the mill"
    assert (art.outlet, art.outlet_from) == ("The Dunmarsh Letter", "sender")
    assert art.date == "2026-03-03" and any("Date header" in n for n in art.notes)
    # the day is the sender's own (the header's time zone), not the reader's
    path.write_bytes(_message("Weir to be rebuilt above the mill", html, newsletter=True,
                              date="Tue, 03 Mar 2026 23:30:00 -0800").as_bytes())
    (late,), _ = _read(path)
    assert late.date == "2026-03-03"


@pytest.mark.parametrize("sender, outlet", [
    ('"Heather Lane from Letters from Dunmarsh" <dunmarsh@letters.example>', "Letters from Dunmarsh"),
    ('"Ana Lee from The Weir Report" <weir@letters.example>', "The Weir Report"),
    ('"News from Dunmarsh" <post@dunmarsh-news.example>', "News from Dunmarsh"),
])
def test_a_platform_newsletter_is_named_by_its_title_not_its_writer(tmp_path: Path, sender: str,
                                                                       outlet: str) -> None:
    """Newsletter platforms send as "Writer from Title": the outlet is the
    title; a title that has "from" in it and no writer before it stays whole."""
    path = tmp_path / "letter.eml"
    path.write_bytes(_message("Weir to be rebuilt", _page("Weir to be rebuilt above the mill", *PARAGRAPHS),
                              newsletter=True, sender=sender).as_bytes())
    (art,), errors = _read(path)
    assert not errors and (art.outlet, art.outlet_from) == (outlet, "sender")


def test_a_person_is_never_the_outlet_and_a_page_that_dates_itself_keeps_its_day(tmp_path: Path) -> None:
    path = tmp_path / "kept.eml"
    html = _page("Weir to be rebuilt above the mill", *PARAGRAPHS).replace(
        "</head>", '<meta property="article:published_time" content="2026-02-27T08:00:00Z">'
                   '<meta property="og:site_name" content="Marsh Courier"></head>')
    path.write_bytes(_message("Weir to be rebuilt above the mill", html).as_bytes())
    (art,), _ = _read(path)
    assert (art.outlet, art.date) == ("Marsh Courier", "2026-02-27")
    path.write_bytes(_message("Weir", _page("Weir to be rebuilt above the mill", *PARAGRAPHS)).as_bytes())
    (plain,), _ = _read(path)
    assert plain.outlet is None and plain.outlet_from == "unknown"
    # a discussion list's post: a person wrote it, whoever sent it on
    posted = _message("Weir", _page("Weir to be rebuilt above the mill", *PARAGRAPHS), newsletter=True,
                      sender='"Ana Lee via Harbour List" <harbour@lists.example>')
    posted["List-Post"] = "<mailto:harbour@lists.example>"
    path.write_bytes(posted.as_bytes())
    (post,), _ = _read(path)
    assert post.outlet is None and post.date == "2026-03-03"


def test_a_digest_is_one_article_under_its_subject(tmp_path: Path) -> None:
    stories = "".join(f"<h1>{h}</h1><p>{p}</p>" for h, p in zip(
        ("Weir to be rebuilt", "Ferry fares frozen", "Library opens on Sundays"), PARAGRAPHS))
    html = f"<!doctype html><html><head><title>This week</title></head><body>{stories}</body></html>"
    subject = "This week: the weir, the ferry fares and a library open on Sundays at last"
    path = tmp_path / "digest.eml"
    path.write_bytes(_message(subject, html, newsletter=True, sender="Dunmarsh Weekly <w@dunmarsh.example>")
                     .as_bytes())
    (art,), errors = _read(path)
    assert not errors and art.title == subject
    assert "spring floods" in art.body and "county depot" in art.body


def test_names_the_same() -> None:
    assert names_the_same("Weir to be rebuilt", "Weir to be rebuilt - Dunmarsh Letter")
    assert names_the_same("Weir to be rebuilt above the mill", "Weir to be rebuilt")
    assert not names_the_same("Top stories", "Top stories: weir, ferry, library, fares, pumps, meadows, mill")
    assert not names_the_same(None, "Weir")


FORWARD = """Thought you would want this one.

---------- Forwarded message ---------
From: The Dunmarsh Letter <post@dunmarsh-letter.example>
Date: Fri, 27 Feb 2026 at 07:00
Subject: Weir to be rebuilt above the mill
To: <ana.lee@example.org>


Weir to be rebuilt above the mill

{paragraphs}
"""


def test_a_forwarded_message_is_not_dated_by_its_header_and_loses_the_forward_block(tmp_path: Path) -> None:
    path = tmp_path / "fwd.eml"
    text = FORWARD.format(paragraphs="\n\n".join(PARAGRAPHS))
    path.write_bytes(_message("Fwd: Weir to be rebuilt above the mill", None, text).as_bytes())
    (art,), errors = _read(path)
    assert not errors
    assert art.date is None and not any("Date header" in n for n in art.notes)
    assert "Forwarded message" not in art.body and "From:" not in art.body
    assert art.body.startswith("The river council") and art.body.rstrip().endswith("June.")
    assert art.title == "Weir to be rebuilt above the mill"


def test_an_article_forwarded_as_an_attachment_is_read(tmp_path: Path) -> None:
    inner = _message("Weir to be rebuilt above the mill", _page("Weir to be rebuilt above the mill", *PARAGRAPHS),
                     newsletter=True, sender="The Dunmarsh Letter <post@dunmarsh-letter.example>")
    outer = _message("see below", None, "FYI")
    outer.add_attachment(inner)
    path = tmp_path / "attached.eml"
    path.write_bytes(outer.as_bytes())
    (art,), errors = _read(path)
    assert not errors and art.title == "Weir to be rebuilt above the mill" and "county depot" in art.body
    assert art.date is None and art.outlet is None  # forwarded: neither header is the article's


def test_a_mailbox_is_one_article_a_message_and_a_bad_message_does_not_stop_it(tmp_path: Path) -> None:
    path = tmp_path / "Inbox.mbox"
    box = mailbox.mbox(path)
    pages = _real_pages()[:2]
    for i, page in enumerate(pages):
        msg = _mailed(page)
        msg["Message-ID"] = f"<page-{i}@example.org>"
        box.add(msg)
    # a line opening with "From " inside a message is quoted by the writer (">From ")
    quoted = PARAGRAPHS[:2] + ("From the bridge the water could be heard all night.", PARAGRAPHS[2])
    box.add(_message("Weir to be rebuilt", _page("Weir to be rebuilt above the mill", *quoted),
                     newsletter=True, sender="The Dunmarsh Letter <post@dunmarsh-letter.example>"))
    empty = EmailMessage()
    empty["From"] = "someone@example.org"
    empty["Subject"] = "only a picture"
    empty.add_attachment(b"\x89PNG\r\n\x1a\n" + bytes(200), maintype="image", subtype="png")
    box.add(empty)
    box.flush()
    box.close()
    notes: list[str] = []
    arts, errors = _read(path, notes)
    assert len(arts) == 3
    assert [e.problem for e in errors] == [
        "message 4 (only a picture): the message holds no text (no HTML or plain-text part)"]
    for page, art in zip(pages, arts):
        assert not _same_as_page(page, art), page.name
    assert "From the bridge the water" in arts[2].body and ">From" not in arts[2].body
    assert arts[0].source_id == "page-0@example.org"
    assert notes == [f"{path.name}: a mailbox: 4 messages, 3 read as articles, 1 dated by the message's Date header"]
    # the same mailbox read again gives the same records (stable ids: the Message-ID, else the bytes)
    loaded, _ = load_file(InputFile(path, path.name))
    again, _ = load_file(InputFile(path, path.name))
    assert [r.record for r in loaded] == [r.record for r in again]
    assert loaded[0].record == "message:page-0@example.org" and loaded[2].record.startswith("message:")


def test_a_file_that_is_no_mailbox_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.mbox"
    path.write_text("Some notes I wrote about the weir.\nFrom here on the list goes on.\n", encoding="utf-8")
    arts, errors = _read(path)
    assert not arts and [e.problem for e in errors] == ['not a mailbox (mbox): it does not open with a "From " line']


def test_an_apple_mail_message_is_read(tmp_path: Path) -> None:
    data = _message("Weir to be rebuilt above the mill", _page("Weir to be rebuilt above the mill", *PARAGRAPHS)
                    ).as_bytes()
    path = tmp_path / "12345.emlx"
    path.write_bytes(b"%d\n" % len(data) + data + b'<?xml version="1.0"?>\n<plist version="1.0"><dict/></plist>\n')
    (art,), errors = _read(path)
    assert not errors and art.title == "Weir to be rebuilt above the mill" and "county depot" in art.body


# -------------------------------------------------------------------- Evernote

def _note(title: str, content: str, *, url: str | None = None, author: str | None = None,
          created: str = "20260301T101500Z") -> str:
    enml = ('<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE en-note SYSTEM "http://xml.evernote.com/pub/enml2.dtd">'
            f"<en-note>{content}</en-note>").replace("]]>", "]]&gt;")
    attrs = (f"<author>{html_lib.escape(author)}</author>" if author else "") + \
        (f"<source>web.clip</source><source-url>{html_lib.escape(url)}</source-url>" if url else "")
    return (f"<note><title>{html_lib.escape(title)}</title><content><![CDATA[{enml}]]></content>"
            f"<created>{created}</created><note-attributes>{attrs}</note-attributes>"
            '<resource><data encoding="base64">iVBORw0KGgo=</data><mime>image/png</mime></resource></note>')


def _export(*notes: str) -> str:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<!DOCTYPE en-export SYSTEM "http://xml.evernote.com/pub/evernote-export4.dtd">\n'
            '<en-export export-date="20260301T120000Z" application="Evernote" version="10.56">\n'
            + "\n".join(notes) + "\n</en-export>\n")


def _clipped(page: Path, url: str | None) -> str:
    """A real saved page as the Web Clipper keeps it: the page's body, no
    head (no metadata), no scripts."""
    text, _ = decode(page.name, page.read_bytes())
    m = re.search(r"<title[^>]*>(.*?)</title>", text, re.S | re.I)
    body = re.search(r"<body\b[^>]*>(.*)</body>", text, re.S | re.I)
    inner = re.sub(r"<script\b.*?</script>|<style\b.*?</style>", "", body.group(1) if body else text,
                   flags=re.S | re.I)
    return _note(" ".join(html_lib.unescape(m.group(1)).split()) if m else page.stem, inner, url=url,
                 author="Reader Account")


def test_evernote_notes_are_clipped_pages(tmp_path: Path) -> None:
    truth = {t["file"]: t for t in json.loads((_need(DATA / "real-pages") / "truth.json").read_text("utf-8"))}
    pages = _real_pages()[:2]
    path = tmp_path / "Clips.enex"
    invented = _note("Weir to be rebuilt above the mill | Marsh Courier",
                     "<div><h1>Weir to be rebuilt above the mill</h1></div><div>By Teo Marsh</div>"
                     + "".join(f"<div>{p}</div>" for p in PARAGRAPHS),
                     url="https://www.marsh-courier.example/news/weir", author="Teo Marsh")
    path.write_text(_export(*(_clipped(p, truth[p.name]["source"]["url"]) for p in pages), invented),
                    encoding="utf-8")
    notes: list[str] = []
    arts, errors = _read(path, notes)
    assert not errors and len(arts) == 3
    for page, art in zip(pages, arts):
        (want,), _ = _read(page)
        assert (art.title, art.body) == (want.title, want.body), page.name
        assert art.url == truth[page.name]["source"]["url"] == art.source_id
        assert art.byline != "Reader Account"  # whoever clipped it is not the writer
    weir = arts[2]
    assert weir.title == "Weir to be rebuilt above the mill" and "The river council" in weir.body
    assert weir.url == "https://www.marsh-courier.example/news/weir" and weir.outlet
    assert weir.byline == "Teo Marsh"  # the note's author, printed on the page as its byline
    assert weir.date is None  # the day it was clipped is not the article's
    assert notes == [f"{path.name}: an Evernote export: 3 notes, 3 read as articles"]


def test_a_bad_note_is_passed_over_and_a_broken_export_keeps_what_was_read(tmp_path: Path) -> None:
    good = _note("Weir", "".join(f"<p>{p}</p>" for p in PARAGRAPHS))
    path = tmp_path / "mixed.enex"
    path.write_text(_export(good, "<note><title>Nothing here</title></note>", good.replace("Weir", "Weir two")),
                    encoding="utf-8")
    arts, errors = _read(path)
    assert [a.title for a in arts] == ["Weir", "Weir two"]
    assert [e.problem for e in errors] == ["note 2 (Nothing here): the note has no content"]
    cut = tmp_path / "cut.enex"
    cut.write_text(_export(good, good.replace("Weir", "Weir two"))[:-300], encoding="utf-8")
    arts, errors = _read(cut)
    assert [a.title for a in arts] == ["Weir"]
    assert len(errors) == 1 and errors[0].problem.startswith("the Evernote export is broken off after note 1:")
    other = tmp_path / "other.enex"
    other.write_text("<?xml version='1.0'?><html><body><p>no notes</p></body></html>", encoding="utf-8")
    arts, errors = _read(other)
    assert not arts and [e.problem for e in errors] == [
        "not an Evernote export: its root element is <html>, not <en-export>"]


def test_an_export_never_reads_an_entity_it_declares(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("the weir's secret word", encoding="utf-8")
    path = tmp_path / "entity.enex"
    path.write_text(f'<?xml version="1.0"?><!DOCTYPE en-export [<!ENTITY s SYSTEM "file://{secret}">]>'
                    f"<en-export><note><title>&s;</title><content><![CDATA[<en-note><p>{PARAGRAPHS[0]}</p>"
                    "</en-note>]]></content></note></en-export>", encoding="utf-8")
    arts, errors = _read(path)
    assert not errors and "secret word" not in (arts[0].title or "") + arts[0].body


# -------------------------------------------------------------------- command line

def test_ingest_reads_mail_and_notes_and_a_broken_file_is_one_line(tmp_path: Path) -> None:
    folder = tmp_path / "kept"
    folder.mkdir()
    (folder / "a.eml").write_bytes(_message("Weir to be rebuilt above the mill",
                                            _page("Weir to be rebuilt above the mill", *PARAGRAPHS)).as_bytes())
    (folder / "b.enex").write_text(_export(_note("Ferry fares frozen", "".join(f"<p>{p}</p>" for p in PARAGRAPHS))),
                                   encoding="utf-8")
    (folder / "c.eml").write_text("just a line of text, no headers at all\n", encoding="utf-8")
    db = tmp_path / "s.db"
    result = CliRunner().invoke(cli, ["ingest", "--db", str(db), str(folder)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    errors = [ln for ln in result.output.splitlines() if ln.startswith("error:")]
    assert errors == [f"error: {folder / 'c.eml'}: not an e-mail message: no From, Date, Subject or "
                      "Content-Type header"]
    assert "2 added" in result.output
    again = CliRunner().invoke(cli, ["ingest", "--db", str(db), str(folder)])
    assert "0 added" in again.output or "added" not in again.output


def test_the_command_reads_a_message(tmp_path: Path) -> None:
    path = tmp_path / "letter.eml"
    path.write_bytes(_message("Weir to be rebuilt above the mill", _page("Weir to be rebuilt above the mill",
                                                                         *PARAGRAPHS), newsletter=True,
                              sender="The Dunmarsh Letter <post@dunmarsh-letter.example>").as_bytes())
    db = tmp_path / "s.db"
    proc = run_framing("ingest", str(path), "--db", str(db))
    assert proc.returncode == 0, proc.stderr + proc.stdout
    out = run_framing("articles", "--db", str(db), "--format", "jsonl")
    (row,) = [json.loads(ln) for ln in out.stdout.splitlines() if ln.strip()]
    assert (row["title"], row["outlet"], row["date"]) == (
        "Weir to be rebuilt above the mill", "The Dunmarsh Letter", "2026-03-03")


def test_a_page_forwarded_from_a_web_mail_client_loses_the_forward_block(tmp_path: Path) -> None:
    """The block a web mail client writes above a forwarded message's HTML
    (the mark, then From / Date / Subject / To), and the forwarder's note."""
    block = ('<div dir="ltr">Worth a read, see the second part.<br><br><div class="gmail_quote">'
             '<div dir="ltr" class="gmail_attr">---------- Forwarded message ---------<br>From: <strong>The Dunmarsh '
             'Letter</strong> &lt;post@dunmarsh-letter.example&gt;<br>Date: Fri, 27 Feb 2026 at 07:00<br>Subject: '
             'Weir to be rebuilt above the mill<br>To: &lt;ana.lee@example.org&gt;<br></div><br><br>')
    page = _page("Weir to be rebuilt above the mill", *PARAGRAPHS).replace("<body>", "<body>" + block)
    path = tmp_path / "fwd.eml"
    path.write_bytes(_message("Fwd: Weir to be rebuilt above the mill", page).as_bytes())
    (art,), errors = _read(path)
    assert not errors and art.title == "Weir to be rebuilt above the mill"
    assert art.date is None and art.outlet is None
    assert "Forwarded" not in art.body and "Worth a read" not in art.body and "Date:" not in art.body
    assert "The river council" in art.body and art.body.rstrip().endswith("June.")


def test_a_mailbox_and_an_export_read_the_same_with_jobs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With --jobs a large mailbox's or export's pages are read by the workers
    a chunk at a time (never all the file's articles in one list), its
    messages and notes streamed here; the store, the errors in their places
    and the notes are the same as with one process."""
    from framing import corpus
    from framing.store import Store

    submitted: list[str] = []
    real_submit = corpus._LazyPool.submit

    def counting(self, fn, *args):  # type: ignore[no-untyped-def]
        submitted.append(getattr(fn, "__name__", str(fn)))
        return real_submit(self, fn, *args)

    monkeypatch.setattr(corpus._LazyPool, "submit", counting)
    monkeypatch.setattr(corpus, "PARALLEL_EXPORT_BYTES", 1)
    monkeypatch.setattr(corpus, "ARCHIVE_CHUNK_PAGES", 2)
    folder = tmp_path / "kept"
    folder.mkdir()
    box = mailbox.mbox(folder / "Inbox.mbox")
    heads = ("Weir to be rebuilt above the mill", "Ferry fares frozen for the winter", "Pumps for the meadows")
    for n, head in enumerate(heads):
        box.add(_message(head, _page(head, *PARAGRAPHS[n:]), message_id=f"<m{n}@example.org>"))
        if n == 1:
            box.add(_message("nothing", "<html><body></body></html>", " "))
    box.flush()
    box.close()
    good = _note("Library opens on Sundays", "".join(f"<p>{p}</p>" for p in PARAGRAPHS))
    (folder / "b.enex").write_text(_export(good, "<note><title>Empty</title></note>",
                                           good.replace("Library", "Museum")), encoding="utf-8")
    (folder / "c.eml").write_bytes(_message("Pumps for the meadows", _page("Pumps for the meadows", *PARAGRAPHS))
                                   .as_bytes())
    assert corpus._is_export(folder / "Inbox.mbox", {}) and corpus._is_export(folder / "b.enex", {})
    results = {}
    for jobs in (1, 2):
        submitted.clear()
        with Store(tmp_path / f"jobs{jobs}.db") as store:
            reports = corpus.ingest(store, [folder], jobs=jobs)
            rows = [(a.source, a.source_id, a.title, a.date, a.body) for a in store.articles()]
        results[jobs] = ([(dict(r.counts), [str(e) for e in r.errors], r.notes) for r in reports], rows)
    assert submitted.count("read_mail_pages") >= 3
    assert results[1] == results[2]
    assert len(results[1][1]) == 6
    errors = [e for _, errs, _ in results[1][0] for e in errs]
    assert errors == [f"{folder / 'Inbox.mbox'}: message 3 (nothing): no article text found",
                      f"{folder / 'b.enex'}: note 2 (Empty): the note has no content"]


ITEMS = ("The ferry company said the frozen fares would hold until the end of March, when the new boats arrive "
         "from the yard in Kessel.",
         "Season tickets bought before the freeze will be refunded the difference, the company said, and "
         "pensioners keep their half fare.",
         "The harbour master warned that the winter timetable drops the late boat on Sundays, which angered "
         "the island's shopkeepers.")


def _digest_parts(linked: bool = True) -> tuple[str, str]:
    """A newsletter digest as its service writes it: an HTML part (stories
    under headlines, their points as lists, each point a link to the story
    when ``linked``) and the plain-text part made from it (the links'
    addresses in brackets after their words)."""
    heads = ("Weir to be rebuilt", "Ferry fares frozen", "Pumps for the meadows")

    def point(n: int, i: int, item: str) -> str:
        return f"<li><a href='https://letter.example/{n}/{i}'>{item}</a></li>" if linked else f"<li>{item}</li>"

    html = "".join(f"<h1>{h}</h1><p>{PARAGRAPHS[n]}</p><ul>" + "".join(point(n, i, item) for i, item in
                                                                       enumerate(ITEMS)) + "</ul>"
                   for n, h in enumerate(heads))
    text = "\n\n".join(f"{h}\n\n{PARAGRAPHS[n]}\n\n" + "\n".join(
        f"- {item} (https://letter.example/{n}/{i} )" for i, item in enumerate(ITEMS)) for n, h in enumerate(heads))
    return f"<!doctype html><html><head><title>This week</title></head><body>{html}</body></html>", text


def test_a_newsletter_whose_html_reading_lost_its_lists_is_read_from_its_text_part(tmp_path: Path) -> None:
    """The HTML loader takes a list whose every point is a link for link
    furniture and drops it (The Batch's real digest: 2,108 of its 3,906
    words kept); the plain-text alternative the newsletter's service wrote
    from the same HTML holds the points."""
    subject = "This week: the weir, frozen ferry fares and pumps for the meadows"
    path = tmp_path / "digest.eml"
    html, text = _digest_parts()
    path.write_bytes(_message(subject, html, text, newsletter=True, sender="Dunmarsh Weekly <w@dunmarsh.example>")
                     .as_bytes())
    (art,), errors = _read(path)
    assert not errors and art.title == subject
    assert any(n.startswith("body from the newsletter's plain-text part") for n in art.notes)
    assert art.body.count("frozen fares would hold") == 3 and "https://" not in art.body
    assert "Kessel." in art.body and "Kessel (" not in art.body and "spring floods" in art.body
    # points that are no links: the HTML reading keeps them, and stands
    html, text = _digest_parts(linked=False)
    path.write_bytes(_message(subject, html, text, newsletter=True, sender="Dunmarsh Weekly <w@dunmarsh.example>")
                     .as_bytes())
    (kept,), _ = _read(path)
    assert not any("plain-text part" in n for n in kept.notes) and kept.body.count("frozen fares would hold") == 3
    # a person's message (no list headers) is read from its HTML part only
    html, text = _digest_parts()
    path.write_bytes(_message(subject, html, text).as_bytes())
    (person,), _ = _read(path)
    assert "frozen fares would hold" not in person.body


def test_fuller_plain() -> None:
    from framing.loaders.mail import fuller_plain, without_link_addresses

    full = " ".join(PARAGRAPHS + ITEMS)
    assert fuller_plain(" ".join(PARAGRAPHS[:1]), full)
    assert not fuller_plain(" ".join(PARAGRAPHS + ITEMS[:2]), full)  # kept most of it
    assert not fuller_plain(" ".join(PARAGRAPHS[:1]) + " and words the plain part lacks " * 20, full)
    assert not fuller_plain("", full)
    assert without_link_addresses("the weir (https://a.example/x ) , and the pier [https://a.example/y]. "
                                  "Write to <mailto:desk@a.example>") == "the weir, and the pier. Write to"


def test_a_mailbox_without_an_extension_and_a_message_saved_as_text_are_read_by_their_first_lines(
        tmp_path: Path) -> None:
    """Thunderbird keeps a folder as a mailbox file without an extension
    ("Inbox", beside "Inbox.msf"); a message saved from a mail client may be
    named .txt. Both are read as mail, given by name or found in a folder;
    a pasted article that quotes a header-like line stays a pasted article."""
    profile = tmp_path / "profile"
    profile.mkdir()
    box = mailbox.mbox(profile / "Inbox")
    box.add(_message("Weir to be rebuilt", _page("Weir to be rebuilt above the mill", *PARAGRAPHS),
                     newsletter=True, sender="The Dunmarsh Letter <post@dunmarsh-letter.example>"))
    box.flush()
    box.close()
    (profile / "Inbox.msf").write_text("// <!-- <mdb:mork:z v=\"1.4\"/> -->\n", encoding="utf-8")
    saved = tmp_path / "saved.txt"
    saved.write_bytes(bytes(_message("Weir to be rebuilt", _page("Weir to be rebuilt above the mill",
                                                                 *PARAGRAPHS))))
    pasted = tmp_path / "pasted.txt"
    pasted.write_text("Weir to be rebuilt above the mill\n\nSubject: the river council's vote\n\n"
                      + "\n\n".join(PARAGRAPHS), encoding="utf-8")
    for path in (profile / "Inbox", saved):
        arts, errors = _read(path)
        assert not errors and [a.title for a in arts] == ["Weir to be rebuilt above the mill"], path
        assert "Subject:" not in arts[0].body and arts[0].body.startswith(PARAGRAPHS[0][:40])
    arts, errors = _read(pasted)
    assert not errors and arts[0].format != _read(saved)[0][0].format and arts[0].title.startswith("Weir")
    result = CliRunner().invoke(cli, ["ingest", str(profile), "--db", str(tmp_path / "f.db")])
    assert result.exit_code == 0, result.output
    assert "added: " in result.output and "1 added" in result.output
    assert "passed over 1 file" in result.output  # the .msf index, not a mailbox
