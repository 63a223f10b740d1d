"""Pages saved by the SingleFile browser extension: one ``.html`` file whose
first thing inside ``<html>`` is SingleFile's note of the address the page was
saved from and the day it was saved::

    <!DOCTYPE html> <html lang=en><!--
     Page saved with SingleFile
     url: https://...
     saved date: Sat Mar 07 2026 10:20:30 GMT+0100 (...)
    --><meta charset=utf-8>

(before 2019 "Archive processed by SingleFile"). The address is the page's URL
when the page names none itself; the saved day is never its date."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from framing.corpus import InputFile, load_file
from framing.loaders.decode import decode

from conftest import DATA, _need

SAVED = "Sat Mar 07 2026 10:20:30 GMT+0100 (Central European Standard Time)"
ADDRESS = "https://www.ridgeline-post.example/news/2031/library-reopens"


def note(url: str, header: str = "Page saved with SingleFile") -> str:
    return f"<!--\n {header} \n url: {url} \n saved date: {SAVED}\n-->"


# An invented page as SingleFile writes it: optional tags and quotes left out,
# no address of its own, no date anywhere but the note.
PAGE = f"""<!DOCTYPE html> <html lang=en>{note(ADDRESS)}<meta charset=utf-8>
<title>Ridgeline library reopens after the flood repairs – Ridgeline Post</title>
<meta name=viewport content="width=device-width, initial-scale=1">
<style>body{{margin:0}}</style>
<nav><a href=/>Home</a> <a href=/news>News</a></nav>
<article><h1>Ridgeline library reopens after the flood repairs</h1>
<p class=byline>By Ines Moreau</p>
<p>The Ridgeline public library opened its doors again on Monday, fourteen months after the river flooded its
ground floor and ruined most of the children's collection and the archive of the town's old newspapers.</p>
<p>Volunteers spent the winter drying and scanning what could be saved; the new shelving sits half a metre
higher, and the archive has moved upstairs to the reading room under the clock.</p>
<p>The librarian thanked the neighbouring towns that lent books during the closure and said the mobile library
van would keep its village rounds through the summer.</p>
</article><footer>© Ridgeline Post</footer>"""


def _read(path: Path):
    loaded, errors = load_file(InputFile(path, path.name))
    assert not errors, errors
    return loaded[0].article


def test_the_note_gives_the_address_and_never_the_date(tmp_path: Path) -> None:
    (tmp_path / "saved.html").write_text(PAGE, encoding="utf-8")
    own = PAGE.replace(note(ADDRESS), "").replace("<meta charset=utf-8>",
                                                  f"<meta charset=utf-8><link rel=canonical href={ADDRESS}>")
    (tmp_path / "own.html").write_text(own, encoding="utf-8")
    saved, page = _read(tmp_path / "saved.html"), _read(tmp_path / "own.html")
    assert saved.url == ADDRESS
    # read as the page's own address is
    for field in ("title", "outlet", "outlet_from", "date", "byline", "body"):
        assert getattr(saved, field) == getattr(page, field), field
    assert saved.date is None  # the day the reader saved the page is not the day it was published
    assert saved.title == "Ridgeline library reopens after the flood repairs" and saved.byline == "Ines Moreau"


def test_the_older_note_and_the_page_own_address(tmp_path: Path) -> None:
    older = PAGE.replace(note(ADDRESS), note(ADDRESS, "Archive processed by SingleFile"))
    (tmp_path / "older.html").write_text(older, encoding="utf-8")
    assert _read(tmp_path / "older.html").url == ADDRESS
    # a page naming its own address keeps it (a link shortener's or a mobile address in the note)
    named = PAGE.replace("<meta charset=utf-8>", f"<meta charset=utf-8><link rel=canonical href={ADDRESS}>").replace(
        f"url: {ADDRESS}", "url: https://m.ridgeline-post.example/n/1")
    (tmp_path / "named.html").write_text(named, encoding="utf-8")
    assert _read(tmp_path / "named.html").url == ADDRESS
    # a page saved from a web archive's replay: the page's own address behind the archive's
    replay = PAGE.replace(f"url: {ADDRESS}", f"url: https://web.archive.org/web/20310307102030/{ADDRESS}")
    (tmp_path / "replay.html").write_text(replay, encoding="utf-8")
    assert _read(tmp_path / "replay.html").url == ADDRESS


#: The page's own address in its markup (taken out to see the note's read).
_OWN = re.compile(r'<link\b[^>]*\brel=["\']?canonical[^>]*>|<meta\b[^>]*\b(?:property|name)=["\']?'
                  r'(?:og:url|twitter:url)\b[^>]*>', re.I)


@pytest.mark.slow
def test_the_real_saved_pages_with_the_note_read_as_the_pages(tmp_path: Path) -> None:
    """SingleFile's note put where SingleFile puts it, in the 69 real saved
    pages as they are and with their own address taken out (then they must
    read as the page naming the note's address itself). SingleFile's own
    serialisation of the page, its scripts run and left out, is not
    reproduced here: that needs the extension in a browser."""
    folder = _need(DATA / "real-pages")
    address = {t["file"]: t["source"]["url"] for t in json.loads((folder / "truth.json").read_text("utf-8"))}
    pages = sorted((folder / "html").glob("*.html"))
    assert len(pages) == 69
    fields = ("title", "outlet", "outlet_from", "date", "byline", "body", "url")
    differ, bare_without = {}, 0

    def inside_html(text: str, markup: str) -> str:
        m = re.search(r"<html\b[^>]*>", text, re.I)
        at = m.end() if m else 0
        return text[:at] + markup + text[at:]

    def read(name: str, text: str):
        (tmp_path / name).write_text(text, encoding="utf-8")
        return _read(tmp_path / name)

    for path in pages:
        text, _ = decode(path.name, path.read_bytes())
        url = address[path.name]
        bare = _OWN.sub("", text)
        pairs = (("as saved", _read(path), read("saved.html", inside_html(text, note(url)))),
                 ("no own address", read("own.html", inside_html(bare, f'<link rel="canonical" href="{url}">')),
                  read("saved-bare.html", inside_html(bare, note(url)))))
        left = read("bare.html", bare).url  # an address the page still names (JSON-LD): it outranks the note
        bare_without += left is None
        for case, want, got in pairs:
            diff = {f: (getattr(want, f), getattr(got, f)) for f in fields if getattr(want, f) != getattr(got, f)}
            if case == "no own address" and left is not None and diff.pop("url", (None, left))[1] != left:
                diff["url"] = (left, got.url)
            if diff:
                differ[f"{path.name} {case}"] = diff
            assert got.date != "2026-03-07", path.name
    # Before the note was read, of the 61 pages that name no address once their
    # own is taken out: the note's address was the URL of one, the outlet of one
    # differed ("catchitkansas.com" from the address only).
    assert bare_without >= 60
    assert not differ, differ
