"""Tests for :mod:`framing.loaders.clipping`: articles saved as Markdown notes
by web clippers (Obsidian Web Clipper, MarkDownload).

Every clipping here is invented for these tests (the outlet "The Almera
Courier" in the country Ardelia). The real clippings the loader was measured
on are not in ../shared, so they are measured in docs/accuracy.md only.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.corpus import InputFile, load_file
from framing.loaders.clipping import markdown_text, read_clipping
from framing.loaders.text import parse_page_text

ARTICLE = """\
The harbour authority of Almera voted on Tuesday to close the old ferry pier for two years, \
a decision that [dock workers](https://almeracourier.com/tags/dock-workers) had fought since the spring.

Officials said the pier's pilings had rotted far faster than the engineers expected, \
and that a **full rebuild** would cost less than another round of patching.

![A ferry at the old pier](https://almeracourier.com/img/pier.jpg)

The old ferry pier at dusk. Photo: Ana Veld/Almera Courier

"We cannot keep sending passengers over wood that crumbles in the hand," the harbour master, \
Tomas Brel, told the council before the vote.

Ferries will use the cargo quay at the northern end of the bay while the work goes on, \
adding about ten minutes to each crossing for the island villages.

The council expects the new pier to open in the autumn of the year after next, \
if the steel arrives from the mills in time.
"""

OBSIDIAN = """\
---
title: "Almera closes its old ferry pier for two years"
source: "https://www.almeracourier.com/news/2024/03/12/ferry-pier-closes"
author:
  - "[[Mira Castell]]"
  - "[[The Almera Courier]]"
published: 2024-03-12
created: 2024-05-30
description: "The harbour authority voted to rebuild the pier rather than patch it again."
tags:
  - "clippings"
---
""" + ARTICLE + """
*Get the Courier's harbour newsletter every Friday. [Sign up here](https://almeracourier.com/newsletter).*

- [Island villages ask for a night ferry](https://almeracourier.com/news/night-ferry)
- [The bay's new cargo cranes arrive](https://almeracourier.com/news/cranes)
"""

MARKDOWNLOAD = """\
---
created: 2024-05-30T09:12:44 (UTC +02:00)
tags: []
source: https://www.almeracourier.com/news/2024/03/12/ferry-pier-closes
author: Mira Castell - 3/12/2024, 6:40 PM
---

# Almera closes its old ferry pier for two years | Harbour | The Almera Courier

> ## Excerpt
> The harbour authority voted to rebuild the pier rather than patch it again.

---
""" + ARTICLE


def load(tmp_path: Path, text: str, name: str = "clip.md"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    loaded, errors = load_file(InputFile(path, name))
    assert not errors, errors
    assert len(loaded) == 1
    return loaded[0].article


def test_obsidian_clipping_reads_the_front_matter(tmp_path):
    art = load(tmp_path, OBSIDIAN)
    assert art.title == "Almera closes its old ferry pier for two years"
    assert art.url == "https://www.almeracourier.com/news/2024/03/12/ferry-pier-closes"
    assert art.date == "2024-03-12"  # published, not the day it was clipped
    assert art.byline == "Mira Castell"  # the site named as an author is no byline
    assert (art.outlet, art.outlet_from) == ("The Almera Courier", "front matter")
    assert art.format == "markdown"


def test_obsidian_clipping_body_is_plain_text(tmp_path):
    art = load(tmp_path, OBSIDIAN)
    body = art.body
    assert body.startswith("The harbour authority of Almera voted on Tuesday")
    assert body.endswith("if the steel arrives from the mills in time.")
    assert "dock workers had fought since the spring" in body  # a link's text stays
    assert "a full rebuild would cost" in body
    for mark in ("](", "https://", "**", "![", "#", "---"):
        assert mark not in body, mark
    # the front matter, the description, the caption, the newsletter plug and the teaser list
    for junk in ("clippings", "patch it again", "Photo: Ana Veld", "newsletter", "night ferry", "cranes"):
        assert junk not in body, junk


def test_markdownload_clipping(tmp_path):
    art = load(tmp_path, MARKDOWNLOAD)
    # the leading "# ..." is the page's title: its section and site suffix go
    assert art.title == "Almera closes its old ferry pier for two years"
    assert art.byline == "Mira Castell"
    # no "published": the date printed with the author, never "created" (the clip day)
    assert art.date == "2024-03-12"
    assert art.outlet == "The Almera Courier"
    assert "patch it again" not in art.body  # the "> ## Excerpt" block is the page's summary
    assert "Excerpt" not in art.body
    assert art.body.startswith("The harbour authority of Almera voted")


def test_created_is_never_the_date(tmp_path):
    text = OBSIDIAN.replace("published: 2024-03-12\n", "published:\n").replace(
        "/news/2024/03/12/ferry-pier-closes", "/news/ferry-pier-closes")
    art = load(tmp_path, text)
    assert art.date != "2024-05-30"
    assert art.date is None


def test_date_from_the_address_when_the_note_has_none(tmp_path):
    text = OBSIDIAN.replace("published: 2024-03-12\n", "").replace("/2024/03/12/", "/2024/mar/11/")
    assert load(tmp_path, text).date == "2024-03-11"


def test_a_date_key_yields_to_the_address(tmp_path):
    # Obsidian Web Clipper's {{date}} is the day the note is made
    text = OBSIDIAN.replace("published: 2024-03-12\n", "date: 2024-05-30\n")
    assert load(tmp_path, text).date == "2024-03-12"
    text = text.replace("/news/2024/03/12/", "/news/")
    assert load(tmp_path, text).date == "2024-05-30"  # nothing else dates it


def test_a_figure_and_a_pull_quote_are_not_the_article(tmp_path):
    figure = ("![](https://almeracourier.com/img/quay.jpg)\n\n"
              "The cargo quay where the ferries will berth from next month.\n\n"
              "Harbour Authority\n\n")
    pulled = "We cannot keep sending passengers over wood that crumbles in the hand\n\n"
    text = OBSIDIAN.replace("Officials said", figure + pulled + "Officials said")
    body = load(tmp_path, text).body
    assert "cargo quay where the ferries will berth" not in body
    assert "Harbour Authority" not in body
    assert body.count("crumbles in the hand") == 1  # in the quotation, not as a line of its own
    assert "Officials said the pier's pilings had rotted" in body


def test_other_spellings_of_the_publication_date(tmp_path):
    text = OBSIDIAN.replace("published: 2024-03-12", 'publishedDate: "2024-03-10"')
    assert load(tmp_path, text).date == "2024-03-10"


def test_a_footer_under_the_last_rule_is_not_the_article(tmp_path):
    footer = ("\n---\n\nThe Almera Courier is a member of the island press guild. "
              "[Join the guild](https://almeracourier.com/guild)\n")
    art = load(tmp_path, OBSIDIAN + footer)
    assert "press guild" not in art.body
    # a last section under a rule, with its heading, is the article's
    section = "\n---\n\n## What comes next\n\nThe council meets again in June to choose a builder for the pier.\n"
    art = load(tmp_path, OBSIDIAN + section)
    assert art.body.endswith("to choose a builder for the pier.")


def test_outlet_from_the_address_when_nothing_names_it(tmp_path):
    text = OBSIDIAN.replace('  - "[[The Almera Courier]]"\n', "")
    art = load(tmp_path, text)
    assert (art.outlet, art.outlet_from) == ("almeracourier.com", "url")


def test_markdown_file_without_front_matter_reads_as_before(tmp_path):
    text = "# Notes on the pier\n\n" + ARTICLE
    art = load(tmp_path, text)
    parts = parse_page_text(text)
    assert art.format == "text"
    assert (art.body, art.title, art.date, art.byline) == (parts.body, parts.title, parts.date, parts.byline)
    assert "](" in art.body  # unchanged: pasted text keeps what it holds


@pytest.mark.parametrize("front", [
    "---\ntitle: \"Almera closes\nsource: [unclosed\n---\n",  # not YAML
    "---\n- a list\n- not a mapping\n---\n",  # YAML, but no keys
    "---\ntags: [harbour]\naliases: [pier]\n---\n",  # a note's own keys, none a clipper's
    "---\ntitle: x\n",  # never closed
])
def test_front_matter_that_is_not_a_clippers_is_read_as_text(tmp_path, front):
    text = front + ARTICLE
    assert read_clipping(text) is None
    art = load(tmp_path, text)
    assert art.format == "text"
    assert art.body == parse_page_text(text).body


def test_markdown_text_drops_the_marks():
    lead, text = markdown_text(
        "# Headline\n\n"
        "Intro with *emphasis*, `code`, a [link](https://x.example) and <span>inline HTML</span>.\n\n"
        "> A quoted line\n> that goes on.\n\n"
        "1. first item\n2. second item\n\n"
        "| Town | Ferries |\n|---|---|\n| Kesh | 4 |\n\n"
        "Text with a [[wiki link|shown name]] and a footnote[^1].\n"
    )
    assert lead == "Headline"
    assert text.rstrip("\n").split("\n\n") == [
        "Intro with emphasis, code, a link and inline HTML.",
        "A quoted line that goes on.",
        "first item",
        "second item",
        "Town\tFerries",
        "Kesh\t4",
        "Text with a shown name and a footnote.",
    ]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("-:\n ab[]()!*#>|`\"'1&<")), max_size=120))
def test_any_note_is_read_without_an_error(tail):
    for text in ("---\ntitle: a\n---\n" + tail, "---\n" + tail):
        found = read_clipping(text)
        assert found is None or isinstance(found.parts.body, str)
