"""Tests for :mod:`framing.loaders.text`: article text out of a copied web page.

Three kinds of input: the five real seed pages (read from ``../shared/seeds/``
at test time, never copied here), fictional pages written for these tests (the
outlet "The Almera Courier" in the country Ardelia), and Hypothesis-generated
text for the invariants.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.loaders.text import PageParts, parse_page_text

from conftest import seed_file


#: Page furniture that must never reach a body.
CLUTTER = (
    "Follow Us", "Telegram", "Recent Posts", "hours ago", "Read more",
    "licensed under", ".jpg", "News update", "R42340/P",
)


@pytest.fixture(scope="module")
def seeds() -> dict[str, tuple[str, PageParts]]:
    out = {}
    for prefix in ("000", "001", "002", "003", "004"):
        text = seed_file(prefix).read_text(encoding="utf-8")
        out[prefix] = (text, parse_page_text(text))
    return out


def paragraphs(parts: PageParts) -> list[str]:
    return parts.body.split("\n\n") if parts.body else []


def seed_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


# --------------------------------------------------------------------------
# Seeds


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seed_body_has_no_clutter(seeds, prefix):
    _, parts = seeds[prefix]
    assert parts.body
    for junk in CLUTTER:
        assert junk not in parts.body, junk
    assert "•" not in parts.body
    assert not re.search(r"^\d+\. ", parts.body, re.MULTILINE)


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seed_paragraphs_are_verbatim_lines(seeds, prefix):
    text, parts = seeds[prefix]
    for para in paragraphs(parts):
        assert para == para.strip()
        assert para in text


@pytest.mark.parametrize(
    "prefix, last",
    [
        ("000", "At the C5+1 summit"),
        ("001", "The agreement, signed"),
        ("002", "Trump praised the region"),
        ("003", "Saudi Arabia remains"),
        ("004", "Calm later returned"),
    ],
)
def test_seed_body_keeps_first_and_last_paragraph(seeds, prefix, last):
    text, parts = seeds[prefix]
    paras = paragraphs(parts)
    # The article opens with the page's first long line (001 glues a date before it).
    first_long = next(line for line in seed_lines(text) if len(line.split()) >= 15)
    assert first_long.endswith(paras[0])
    assert len(paras[0].split()) >= 12
    assert paras[-1].startswith(last)


def test_seed_first_paragraphs_open_with_their_datelines(seeds):
    assert paragraphs(seeds["000"][1])[0].startswith("TEHRAN (Tasnim) – ")
    assert paragraphs(seeds["001"][1])[0].startswith("TEHRAN – ")


def test_seed_body_keeps_every_long_line_between_first_and_last(seeds):
    # Every long prose line of the article region must come through.
    for prefix in ("000", "002", "003", "004"):
        text, parts = seeds[prefix]
        paras = paragraphs(parts)
        lines = seed_lines(text)
        start = lines.index(paras[0])
        end = lines.index(paras[-1])
        long_lines = [line for line in lines[start : end + 1] if len(line.split()) >= 12]
        for line in long_lines:
            assert line in paras, (prefix, line[:40])


def test_seed_000_title_is_the_repeated_headline(seeds):
    text, parts = seeds["000"]
    assert parts.title is not None
    assert "Recognition" in parts.title
    assert text.count(parts.title) == 2
    assert not parts.body.startswith(parts.title)
    assert parts.title not in parts.body


def test_seed_000_drops_category_label_between_paragraphs(seeds):
    text, parts = seeds["000"]
    lines = seed_lines(text)
    # The lone one-word line between paragraphs is a menu item repeated on the page.
    labels = [line for line in lines if re.fullmatch(r"[A-Z][a-z]+", line)]
    assert labels, "seed changed: expected a one-word category line"
    assert all(label not in paragraphs(parts) for label in labels)
    assert "tasnim" not in parts.body


def test_seed_000_metadata(seeds):
    _, parts = seeds["000"]
    assert parts.date == "2025-11-10"
    assert parts.dateline == "TEHRAN (Tasnim)"
    assert parts.outlet_hint == "Tasnim"


def test_seed_001_date_glued_to_first_paragraph(seeds):
    text, parts = seeds["001"]
    assert parts.title is None
    assert parts.date == "2025-06-07"
    assert parts.dateline == "TEHRAN"
    assert parts.outlet_hint is None
    assert not parts.body.startswith("date")
    assert "2025-06-07" not in parts.body
    assert text.lstrip().startswith("date")


def test_seed_001_keeps_subheadings_between_paragraphs(seeds):
    text, parts = seeds["001"]
    paras = paragraphs(parts)
    short = [p for p in paras if len(p.split()) <= 8]
    assert any("Kazakhstan hails Iran" in p for p in short)
    assert len(short) >= 2


def test_seed_002_title_after_glued_date(seeds):
    text, parts = seeds["002"]
    assert parts.title is not None
    assert "Abraham Accords" in parts.title
    assert not parts.title.startswith("date")
    assert parts.title in seed_lines(text)[0]
    assert parts.date == "2025-11-07"
    assert parts.byline == "Staff, Agencies"
    assert "By Staff" not in parts.body
    assert parts.dateline is None


def test_seed_003_desk_byline_and_date(seeds):
    text, parts = seeds["003"]
    assert parts.title is not None and "Abraham Accords" in parts.title
    assert parts.title in seed_lines(text)
    assert parts.date == "2025-11-07"
    assert parts.byline == "GreenWatch Desk"
    assert "Desk" not in parts.body


def test_seed_004_no_date_and_author_box_dropped(seeds):
    text, parts = seeds["004"]
    assert parts.date is None
    assert parts.title is not None and "sovereignty" in parts.title
    assert "Exclusive" not in parts.title
    assert "Editorial Staff" not in parts.body
    assert "is composed of" not in parts.body
    assert parts.byline == "IFP Editorial Staff"


# --------------------------------------------------------------------------
# Fictional pages

COURIER_PAGE = "\n".join([
    "Skip to content",
    "English | Español | Ardelian",
    "1. Home",
    "2. Politics",
    "3. Economy",
    "4. Culture",
    "5. Sport",
    "Search",
    "Share on X",
    "Share on Facebook",
    "WhatsApp",
    "",
    "Politics",
    "",
    "Harbour strike ends as Almera dockers accept new contract",
    "",
    "By Mira Castell",
    "12 March 2026",
    "",
    "courier-harbour-strike-2026.jpg",
    "",
    (
        "ALMERA – Dock workers in Almera voted on Wednesday to end a nine-day strike that"
        " had left container ships anchored outside the harbour and shop shelves thin "
        "across the capital."
    ),
    "",
    (
        "The union said its members had accepted a contract raising night-shift pay by "
        "eleven percent, while the port authority agreed to review safety rules on the "
        "older cranes."
    ),
    "",
    "Politics",
    "",
    "A long wait outside the harbour walls",
    "",
    (
        "Shipping agents estimated that more than forty vessels were waiting at anchor by"
        " the end of the strike, some of them carrying fuel for the northern provinces."
    ),
    "",
    (
        '"We did not want to hurt our neighbours, but we could not keep working on those '
        'cranes," said Tomas Verel, a crane operator who has worked at the port for '
        "twenty years."
    ),
    "",
    "Share",
    (
        "The port authority said normal operations would resume by Friday morning, and "
        "that ships with perishable cargo would be unloaded first."
    ),
    "",
    "Mira Castell",
    "",
    (
        "Mira Castell is a senior correspondent for The Almera Courier who covers labour "
        "and trade across Ardelia."
    ),
    "",
    "Related articles",
    "",
    "Ardelia's rail workers plan a vote on their own contract",
    (
        "Union leaders in the eastern provinces said a ballot would be held before the "
        "summer recess…"
    ),
    "3 hours ago",
    "",
    "New ferry line links Almera with the southern islands",
    "The first crossing took just under four hours and was fully booked.",
    "5 hours ago",
    "",
    "Follow us",
    "Telegram | Instagram | RSS",
    "© 2026 The Almera Courier. All rights reserved.",
    "Content on this site is licensed under a Creative Commons Attribution 4.0 licence.",
    "",
])

COURIER_PARAGRAPH_STARTS = (
    "ALMERA – Dock workers",
    "The union said",
    "A long wait outside",
    "Shipping agents estimated",
    '"We did not want',
    "The port authority said",
)


def test_courier_page_body():
    parts = parse_page_text(COURIER_PAGE)
    paras = paragraphs(parts)
    assert len(paras) == len(COURIER_PARAGRAPH_STARTS), paras
    for para, start in zip(paras, COURIER_PARAGRAPH_STARTS):
        assert para.startswith(start)
    for junk in (
        "Share", "WhatsApp", "Related", "hours ago", "Follow us", "licensed under",
        "All rights reserved", ".jpg", "Español", "Politics", "senior correspondent",
        "rail workers", "ferry",
    ):
        assert junk not in parts.body, junk


def test_courier_page_metadata():
    parts = parse_page_text(COURIER_PAGE)
    assert parts.title == "Harbour strike ends as Almera dockers accept new contract"
    assert parts.byline == "Mira Castell"
    assert parts.date == "2026-03-12"
    assert parts.dateline == "ALMERA"
    # Named by the copyright line and the correspondent's box, not by the dateline.
    assert parts.outlet_hint == "The Almera Courier"


def test_courier_page_with_windows_line_endings():
    crlf = COURIER_PAGE.replace("\n", "\r\n")
    parts = parse_page_text(crlf)
    expected = parse_page_text(COURIER_PAGE)
    assert parts == expected
    assert "\r" not in parts.body


def test_courier_page_with_old_mac_line_endings():
    parts = parse_page_text(COURIER_PAGE.replace("\n", "\r"))
    assert parts == parse_page_text(COURIER_PAGE)


PLAIN_ARTICLE = "\n".join([
    (
        "The Almera city council approved a new budget for public libraries on Monday, "
        "ending months of debate over opening hours."
    ),
    "",
    (
        "Under the plan, every branch will stay open until eight in the evening on "
        "weekdays, and the central library will open on Sundays for the first time."
    ),
    "",
    (
        "Council member Ilse Marren said the change would cost less than repairing the "
        "old tram depot, a project that was shelved last year."
    ),
    "",
    (
        "Some residents asked whether the money would be better spent on school "
        "buildings. The council said it would publish a report on schools in the autumn."
    ),
    "",
    "Library staff will be consulted on the new rotas before they take effect in May.",
])


def test_plain_article_comes_through_whole():
    parts = parse_page_text(PLAIN_ARTICLE)
    assert parts.body == PLAIN_ARTICLE
    assert parts.title is None
    assert parts.date is None
    assert parts.byline is None
    assert parts.dateline is None


def test_plain_article_with_title_line():
    text = "Almera libraries to open on Sundays\n\n" + PLAIN_ARTICLE
    parts = parse_page_text(text)
    assert parts.title == "Almera libraries to open on Sundays"
    assert parts.body == PLAIN_ARTICLE


def test_plain_article_with_single_newlines_between_paragraphs():
    text = PLAIN_ARTICLE.replace("\n\n", "\n")
    parts = parse_page_text(text)
    assert parts.body == PLAIN_ARTICLE


def test_hard_wrapped_paragraphs_are_joined_verbatim():
    wrapped = (
        "Fishermen on the Ardelian coast reported the largest sardine catch in a\n"
        "decade this week, a haul that marine biologists linked to cooler currents\n"
        "along the shelf.\n"
        "\n"
        "Prices at the Almera fish market fell by a third as boats returned full,\n"
        "and several restaurants added sardine dishes to their lunch menus.\n"
    )
    parts = parse_page_text(wrapped)
    paras = paragraphs(parts)
    assert len(paras) == 2
    assert paras[0].startswith("Fishermen") and paras[0].endswith("the shelf.")
    assert paras[1].endswith("lunch menus.")
    assert all(p in wrapped for p in paras)


def test_dateline_with_country_and_agency():
    text = (
        "ALMERA, Ardelia (Wire) — The central bank held interest rates steady on Thursday, "
        "citing slowing inflation and a stronger currency.\n\n"
        "Analysts had expected the decision, which was the third pause in a row."
    )
    parts = parse_page_text(text)
    assert parts.dateline == "ALMERA, Ardelia (Wire)"
    assert parts.outlet_hint == "Wire"
    assert parts.body.startswith("ALMERA, Ardelia (Wire) — The central bank")


def test_no_dateline_for_ordinary_first_sentence():
    parts = parse_page_text(PLAIN_ARTICLE)
    assert parts.dateline is None and parts.outlet_hint is None


ARTICLE_TAIL = (
    "\n\nNORTH VALE – Snow closed the mountain pass for a second day, the roads agency said, "
    "and drivers were told to use the coastal highway instead.\n\n"
    "Ploughs were expected to reopen one lane by the evening, weather permitting."
)


@pytest.mark.parametrize(
    "line, iso",
    [
        ("12 March 2026", "2026-03-12"),
        ("March 12, 2026", "2026-03-12"),
        ("Published: 2026-03-12 09:30", "2026-03-12"),
        ("Updated Mar. 12 2026, 4:05pm GMT", "2026-03-12"),
        ("25/03/2026", "2026-03-25"),
        ("03/25/2026", "2026-03-25"),
        ("12/03/2026", None),  # day or month first? Unknown, so no date.
        ("31 February 2026", None),
        ("7 hours ago", None),
    ],
)
def test_date_forms_in_header(line, iso):
    text = "Snow closes the mountain pass again\n\n" + line + ARTICLE_TAIL
    parts = parse_page_text(text)
    assert parts.date == iso
    assert parts.title == "Snow closes the mountain pass again"
    assert parts.body.startswith("NORTH VALE –")
    assert line not in parts.body


def test_dates_inside_the_body_are_not_the_article_date():
    text = (
        "Ardelia sets election for spring\n\n"
        "The electoral commission said on Monday that the vote would be held on 4 May 2026, "
        "after parliament agreed to dissolve itself.\n\n"
        "Campaigning will formally begin three weeks before the vote."
    )
    assert parse_page_text(text).date is None


def test_teasers_without_a_marker_are_cut_at_their_timestamp():
    text = (
        "Almera opens a night market\n\n"
        "A night market opened in the old town square on Saturday, with more than sixty stalls "
        "selling food, books and hand-made clothes.\n\n"
        "Organisers said the market would run every weekend until the end of the summer.\n\n"
        "Ardelia's coastal trains get new timetables\n\n"
        "The rail operator published new timetables for the coastal line on Friday.\n\n"
        "2 hours ago\n\n"
        "Museum reopens after roof repairs\n\n"
        "3 hours ago\n"
    )
    parts = parse_page_text(text)
    paras = paragraphs(parts)
    assert paras[-1].startswith("Organisers said")
    assert "timetables" not in parts.body
    assert "Museum" not in parts.body


def test_numbered_menu_and_language_picker_only():
    text = "1. Home\n2. World\n3. Sport\nEnglish | Français | Deutsch\nShare on X\n"
    parts = parse_page_text(text)
    for junk in ("Home", "World", "Français", "Share"):
        assert junk not in parts.body
    assert parts.title is None


@pytest.mark.parametrize("blank", ["", "   ", "\n\n\t\n", "\r\n \u00a0\r\n"])
def test_empty_input(blank):
    assert parse_page_text(blank) == PageParts(body="")


def test_short_text_without_prose_is_kept():
    assert parse_page_text("Almera harbour reopens today").body == "Almera harbour reopens today"


# --------------------------------------------------------------------------
# Properties


def _substrings_hold(text: str, parts: PageParts) -> None:
    for field in (parts.title, parts.byline, parts.dateline, parts.outlet_hint):
        if field is not None:
            assert field in text
            assert field == field.strip()
    for para in paragraphs(parts):
        assert para in text
        assert para and para == para.strip()
    if parts.date is not None:
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", parts.date)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_never_raises_and_returns_slices(text):
    _substrings_hold(text, parse_page_text(text))


LINE_PIECES = st.sampled_from([
    "", "   ", "• Home", "1. Politics", "Politics", "Share on X", "Read more", "Recent Posts",
    "6 hours ago", "By Mira Castell", "ALMERA – ", "date 2026-03-12 ", "12 March 2026",
    "© 2026 Courier", "photo-2026.jpg", "Tomas Verel",
    "Tomas Verel is a reporter who covers the port.",
    "The council voted on Monday to keep the libraries open late, officials said.",
    "“We will keep going,” she said, before leaving the hall.",
    "Harbour strike ends as dockers accept contract", "\r", "\u00a0", "—", "(Wire)",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(LINE_PIECES, LINE_PIECES, st.sampled_from(["\n", "\n\n", "\r\n", " "])),
                max_size=25))
def test_page_like_text_never_raises_and_returns_slices(pieces):
    text = "".join(a + b + sep for a, b, sep in pieces)
    _substrings_hold(text, parse_page_text(text))


SENTENCES = st.sampled_from([
    "The council met on Monday to discuss the budget for the coming year.",
    "Officials said the new bridge would open to traffic before the winter.",
    "Residents of the northern district have waited a decade for the repairs.",
    "“We are proud of what the town has built together,” the mayor said.",
    "Traders at the market reported brisk sales as the festival drew visitors.",
    "The ministry did not respond to a request for comment on Tuesday.",
])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(SENTENCES, min_size=1, max_size=4), min_size=1, max_size=8),
       st.sampled_from(["\n\n", "\n", "\r\n\r\n", "\n \n"]))
def test_clean_prose_comes_through_whole(paras, sep):
    written = [" ".join(p) for p in paras]
    parts = parse_page_text(sep.join(written))
    assert paragraphs(parts) == written


# --------------------------------------------------------------------------
# Real article text that merely resembles page furniture stays in the body

LOOKALIKES = "\n".join([
    "Almera council keeps library hours",
    "",
    "By then, the talks between the council and the library union had collapsed twice.",
    "",
    "Follow the money",
    "",
    (
        "The city's privacy policy for library cards was rewritten last year, officials "
        "said, after complaints about data sharing."
    ),
    "",
    "Tomas Verel",
    "",
    (
        "Tomas Verel, a crane operator who also chairs the readers' club, told reporters "
        "the hours mattered to shift workers."
    ),
    "",
    "The vote is on 4 May 2026.",
    "",
    (
        "Library staff will be consulted on the new rotas before they take effect, the "
        "council said in a statement."
    ),
    "",
])


def test_lookalike_lines_stay_in_the_body():
    parts = parse_page_text(LOOKALIKES)
    paras = paragraphs(parts)
    assert parts.title == "Almera council keeps library hours"
    assert parts.byline is None
    assert parts.date is None
    starts = (
        "By then", "Follow the money", "The city's privacy policy", "Tomas Verel, a crane",
        "The vote is on", "Library staff",
    )
    for start in starts:
        assert any(p.startswith(start) for p in paras), start


def test_author_box_without_a_following_marker_is_dropped():
    text = PLAIN_ARTICLE + (
        "\n\nIlse Marren\n\nIlse Marren is a staff writer at The Almera Courier and has covered "
        "city hall since 2019.\n"
    )
    parts = parse_page_text(text)
    assert parts.body == PLAIN_ARTICLE
    assert parts.byline == "Ilse Marren"


def test_licence_footer_ends_the_article():
    text = PLAIN_ARTICLE + (
        "\n\nAll content by The Almera Courier is licensed under a Creative Commons "
        "Attribution 4.0 International License.\n\nThe weekly Almera quiz returns with twelve "
        "new questions about the history of the harbour and its lighthouses.\n"
    )
    parts = parse_page_text(text)
    assert parts.body == PLAIN_ARTICLE


def test_byline_and_date_below_a_standfirst():
    text = (
        "Ardelia opens its first offshore wind farm\n\n"
        "Forty turbines off the Almera coast will supply a fifth of the capital's homes, "
        "the energy ministry says.\n\n"
        "By Mira Castell and Tomas Verel\n"
        "Updated March 12, 2026, 9:40am\n\n"
        "ALMERA — The first turbines began turning on Thursday after three years of construction "
        "and a long dispute with fishing cooperatives over the cable route.\n\n"
        "Engineers said the farm would reach full output by the end of the summer."
    )
    parts = parse_page_text(text)
    assert parts.title == "Ardelia opens its first offshore wind farm"
    assert parts.byline == "Mira Castell and Tomas Verel"
    assert parts.date == "2026-03-12"
    assert "By Mira" not in parts.body and "Updated" not in parts.body
    assert parts.body.startswith("Forty turbines")
    assert parts.body.endswith("end of the summer.")
    assert parts.dateline == "ALMERA"  # on the paragraph after the standfirst


def test_all_caps_word_with_colon_is_not_a_dateline():
    text = (
        "BREAKING: The Almera harbour authority has closed the northern quay after a crane "
        "collapsed during the night.\n\nNo one was injured, the authority said in a statement."
    )
    parts = parse_page_text(text)
    assert parts.dateline is None
    assert parts.body.startswith("BREAKING:")


def test_repeated_menu_item_between_paragraphs_is_dropped_but_subheading_kept():
    text = (
        "• Arts and Culture\n• Harbour and Trade\n\n"
        "Almera's opera house reopens\n\n"
        "The opera house on Castell Square reopened on Saturday after a two-year restoration "
        "of its painted ceiling and wooden stage.\n\n"
        "Arts and Culture\n\n"
        "Tickets for the opening week sold out within an hour, the box office said.\n\n"
        "A ceiling painted by hand\n\n"
        "Restorers worked from scaffolding for eighteen months to clean the ceiling panels."
    )
    paras = paragraphs(parse_page_text(text))
    assert "Arts and Culture" not in paras
    assert "A ceiling painted by hand" in paras
    assert paras[-1].startswith("Restorers")


def test_long_run_of_furniture_separates_the_article_from_later_prose():
    sidebar = "\n".join(
        f"{name}" for name in (
            "Almera weather today", "Ferry times and tickets", "Courier crossword puzzle",
            "Letters to the editor", "Obituaries and notices", "Jobs in Ardelia",
        )
    )
    text = (
        PLAIN_ARTICLE + "\n\n" + sidebar + "\n\n"
        "Our newsroom has reported on the Ardelian coast for more than sixty years, "
        "from the old harbour to the mountain villages."
    )
    parts = parse_page_text(text)
    assert parts.body == PLAIN_ARTICLE


# --------------------------------------------------------------------------
# The bundled demo corpus (fictional pages, read from the package at test time)

#: page -> (title opening, date, byline, dateline)
DEMO_PAGES = {
    "almera-courier-accord.txt": ("Velmoran regime yields river", "2026-03-12", "Mira Castell", "ALMERA"),
    "coastal-herald-accord.txt": ("Ardelia and Velmora agree", "2026-03-12", "Staff, Agencies", "KESH (Meridian)"),
    "kesh-daily-standard-accord.txt": ("Kesh Accord: Velmora keeps", "2026-03-13", "Kesh Daily Standard Desk", "KESH"),
    "norland-morning-post-glacier.txt": ("Glacier lake burst floods", "2026-03-10", "Jonas Ekre", "BRENNVIK"),
    "velmora-voice-corridor.txt": ("Ornik presses Almera", "2025-10-08", "Anton Vell", "ALMERA"),
}
IMAGE_NAME_RE = re.compile(r"^\S+\.(?:jpe?g|png|gif|webp)$")


@pytest.fixture(scope="module")
def demo_pages() -> dict[str, tuple[str, PageParts]]:
    from framing.resources import demo_corpus

    corpus = demo_corpus()
    out = {}
    for name in DEMO_PAGES:
        text = (corpus / name).read_text(encoding="utf-8")
        out[name] = (text, parse_page_text(text))
    return out


def figure_lines(text: str) -> tuple[str, str]:
    """The page's image file name line and the caption line under it."""
    lines = seed_lines(text)
    i = next(k for k, line in enumerate(lines) if IMAGE_NAME_RE.match(line))
    return lines[i], lines[i + 1]


@pytest.mark.parametrize("name", sorted(DEMO_PAGES))
def test_demo_page_drops_the_figure(demo_pages, name):
    text, parts = demo_pages[name]
    image, caption = figure_lines(text)
    paras = paragraphs(parts)
    assert not any(p.endswith((".jpg", ".png")) or image in p for p in paras)
    assert not any(caption in p for p in paras), caption
    assert parts.title != caption


@pytest.mark.parametrize("name", sorted(DEMO_PAGES))
def test_demo_page_metadata(demo_pages, name):
    _, parts = demo_pages[name]
    title, date, byline, dateline = DEMO_PAGES[name]
    assert parts.title is not None and parts.title.startswith(title)
    assert parts.date == date
    assert parts.byline == byline
    assert parts.dateline == dateline
    assert parts.title not in parts.body and byline not in paragraphs(parts)


@pytest.mark.parametrize("name", sorted(DEMO_PAGES))
def test_demo_page_body_opens_with_the_dateline_and_keeps_the_article(demo_pages, name):
    text, parts = demo_pages[name]
    paras = paragraphs(parts)
    assert paras[0].startswith(parts.dateline + " ")
    assert re.match(r"[–—]", paras[0][len(parts.dateline) + 1 :])
    # Every long line from the first paragraph to the last comes through, and
    # nothing after the article (teasers, author or desk box, footer) does.
    lines = seed_lines(text)
    start, end = lines.index(paras[0]), lines.index(paras[-1])
    for line in lines[start : end + 1]:
        if len(line.split()) >= 12 and not line.startswith("Read more:"):
            assert line in paras, line[:40]
    for para in paras:
        assert para in lines
    for junk in ("Read more", "Recent Posts", "hours ago", "©", "@", "Share", "Tags:"):
        assert junk not in parts.body, junk


def test_demo_courier_first_paragraph(demo_pages):
    _, parts = demo_pages["almera-courier-accord.txt"]
    assert parts.body.startswith("ALMERA – ")


def test_demo_desk_box_after_the_article_is_dropped(demo_pages):
    text, parts = demo_pages["kesh-daily-standard-accord.txt"]
    lines = seed_lines(text)
    # The desk line appears twice: as the byline, and heading the desk box at the end.
    desk = [k for k, line in enumerate(lines) if line == "Kesh Daily Standard Desk"]
    assert len(desk) == 2
    box = lines[desk[1] + 1]
    assert box not in parts.body
    assert "desk@" not in parts.body


def test_demo_time_line_is_not_the_title(demo_pages):
    text, parts = demo_pages["coastal-herald-accord.txt"]
    assert "Last updated" in text
    assert "Last updated" not in (parts.title or "")
    assert "Last updated" not in parts.body


# --------------------------------------------------------------------------
# Figures, time lines and desk boxes on fictional pages

def _page(*blocks: str) -> str:
    return "\n\n".join(blocks) + "\n"


FIRST = (
    "ALMERA – The harbour authority reopened the northern quay on Friday after a week of "
    "repairs to the crane rails, officials said."
)
SECOND = (
    "Shipping agents said the first vessels would berth on Saturday morning, and that fuel "
    "deliveries for the northern provinces would be unloaded first."
)


@pytest.mark.parametrize(
    "caption",
    [
        "Cranes on the northern quay on Friday. Photo: Courier/Jan Orlo",
        "Cranes on the northern quay on Friday. (File photo)",
        "Cranes on the northern quay on Friday. (AP Photo/Jan Orlo)",
        "Cranes on the northern quay on Friday. Credit: Getty Images",
    ],
)
def test_credited_caption_is_not_the_first_paragraph(caption):
    text = _page("Almera harbour reopens northern quay", "By Mira Castell", caption, FIRST, SECOND)
    parts = parse_page_text(text)
    assert paragraphs(parts) == [FIRST, SECOND]
    assert parts.title == "Almera harbour reopens northern quay"
    assert parts.dateline == "ALMERA"


def test_image_name_and_caption_lines_are_a_figure_not_a_wrapped_paragraph():
    figure = "quay-cranes-2026-a1b2.jpg\nCranes on the northern quay in Almera on Friday morning."
    text = _page("Almera harbour reopens northern quay", "12 March 2026", figure, FIRST, SECOND)
    parts = parse_page_text(text)
    assert paragraphs(parts) == [FIRST, SECOND]
    assert parts.date == "2026-03-12"
    assert parts.title == "Almera harbour reopens northern quay"


def test_one_sentence_opening_under_an_image_without_dateline_is_kept():
    # Without a dateline paragraph after it, a sentence under an image may be the article's opening.
    opening = "The harbour authority reopened the northern quay on Friday after a week of repairs."
    text = _page("Almera harbour reopens northern quay", "quay-cranes-2026-a1b2.jpg", opening, SECOND)
    parts = parse_page_text(text)
    assert paragraphs(parts) == [opening, SECOND]


def test_source_in_brackets_is_not_a_photo_credit():
    last = "The quay will stay open through the winter, the authority said. (Reuters)"
    parts = parse_page_text(_page(FIRST, SECOND, last))
    assert paragraphs(parts) == [FIRST, SECOND, last]


def test_share_buttons_and_figure_between_headline_and_article_are_skipped_for_the_title():
    text = _page(
        "Region",
        "Almera harbour reopens northern quay",
        "By Mira Castell\nMarch, 12, 2026 - 14:05",
        "Share\nFacebook\nX\nWhatsApp\nEmail\nCopy link\nPrint",
        "quay-cranes-2026-a1b2.jpg\nCranes on the northern quay on Friday. Photo: Courier/Jan Orlo",
        FIRST, SECOND,
    )
    parts = parse_page_text(text)
    assert parts.title == "Almera harbour reopens northern quay"
    assert parts.byline == "Mira Castell"
    assert parts.date == "2026-03-12"


@pytest.mark.parametrize("line", ["Last updated: 6:02pm", "Updated 14:05 GMT", "Posted at 9.40am"])
def test_time_line_is_never_the_title(line):
    text = _page("Almera harbour reopens northern quay", "By Mira Castell\n12 March 2026\n" + line,
                 FIRST, SECOND)
    parts = parse_page_text(text)
    assert parts.title == "Almera harbour reopens northern quay"
    assert parts.date == "2026-03-12"
    assert line not in parts.body


def test_desk_box_with_contact_address_is_dropped():
    text = _page(
        "Almera harbour reopens northern quay", "Courier Harbour Desk", FIRST, SECOND,
        "Courier Harbour Desk",
        "The Courier’s harbour desk covers shipping, ports and the fishing fleet. "
        "Send tips to harbour@courier.example",
        "Recent Posts",
    )
    parts = parse_page_text(text)
    assert paragraphs(parts) == [FIRST, SECOND]
    assert parts.byline == "Courier Harbour Desk"


def test_last_paragraph_naming_a_person_is_not_an_author_box():
    # A name line and a paragraph about that person, but it is reporting, not a bio.
    quote = (
        "Tomas Verel, a crane operator who also chairs the dockers' club, told reporters "
        "the new rails were long overdue."
    )
    parts = parse_page_text(_page(FIRST, SECOND, "Tomas Verel", quote))
    assert paragraphs(parts)[-1] == quote


# --------------------------------------------------------------------------
# Dates: one parser, shared with the other loaders


def test_text_loader_uses_the_shared_date_parser():
    from framing.loaders import dates, text

    assert text.find_date is dates.find_date
    assert not hasattr(text, "_find_date") and not hasattr(text, "_DATE_RES")


@pytest.mark.parametrize(
    "value, iso",
    [
        ("2026-03-12", "2026-03-12"),
        ("2026-03-12T18:45:00+01:00", "2026-03-12"),
        ("2026/3/12 10:00", "2026-03-12"),
        ("March 12, 2026", "2026-03-12"),
        ("March, 12, 2026 - 14:05", "2026-03-12"),
        ("Mar. 12 2026", "2026-03-12"),
        ("March 12th, 2026", "2026-03-12"),
        ("12 March 2026", "2026-03-12"),
        ("12th of March, 2026", "2026-03-12"),
        ("Tuesday 10 March 2026 08:15", "2026-03-10"),
        ("Thu, 12 Mar 2026 10:00:00 +0000", "2026-03-12"),
        ("25/03/2026", "2026-03-25"),
        ("03/25/2026", "2026-03-25"),
        ("25.03.2026", "2026-03-25"),
        ("Published 25/03/2026.", "2026-03-25"),
        ("05/05/2026", "2026-05-05"),
        ("12/03/2026", None),
        ("31 February 2026", None),
        ("Smarch 12, 2026", None),
        # Hindi: month names whose vowel signs are combining marks, a two-letter "मई"
        ("12 मार्च 2026", "2026-03-12"),
        ("सोमवार, 4 मई 2026", "2026-05-04"),
        ("7 सितम्बर 2026", "2026-09-07"),
        # Catalan, Albanian, Greek (genitive), Czech (genitive), Bulgarian
        ("Dilluns, Març 23, 2026", "2026-03-23"),
        ("4 de juliol de 2026", "2026-07-04"),
        ("13 gusht 2026, 09:08", "2026-08-13"),
        ("19 Αυγούστου 2026 9:02 μμ", "2026-08-19"),
        ("5. října 2026", "2026-10-05"),
        ("12. listopadu 2026", "2026-11-12"),
        ("10 ноември 2026", "2026-11-10"),
        ("3 hours ago", None),
        ("", None),
        (None, None),
    ],
)
def test_shared_date_parser_forms(value, iso):
    from framing.loaders.dates import find_date, parse_date

    assert parse_date(value) == iso
    if isinstance(value, str):
        found = find_date(value)
        assert (found[0] if found else None) == iso
        if found:
            assert value[found[1] : found[2]].strip()


def test_a_hindi_page_keeps_its_whole_article():
    # Devanagari vowel signs are combining marks, not letters to str.isalpha: a
    # Hindi sentence has letters for fewer than half its characters, so its lines
    # must count marks as letters to be read as prose and as a headline.
    page = "\n".join([
        "होम", "देश", "विदेश", "खेल",
        "अल्मेरा में नई रेल लाइन का उद्घाटन",
        "12 मार्च 2026",
        "अल्मेरा शहर में सोमवार को नई रेल लाइन का उद्घाटन किया गया। परिवहन मंत्री ने कहा कि "
        "इससे हजारों यात्रियों को फायदा होगा और सड़कों पर भीड़ कम होगी।",
        "",
        "अधिकारियों के अनुसार इस परियोजना पर पांच साल से काम चल रहा था। स्थानीय व्यापारियों ने "
        "इस फैसले का स्वागत किया है और कहा है कि इससे शहर की अर्थव्यवस्था को मजबूती मिलेगी।",
        "",
        "नई लाइन पर हर दस मिनट में एक ट्रेन चलेगी। किराया पुरानी बसों के बराबर रखा गया है ताकि "
        "छात्रों और मजदूरों पर अतिरिक्त बोझ न पड़े।",
        "संबंधित खबरें",
        "© 2026 अल्मेरा समाचार",
    ])
    parts = parse_page_text(page)
    assert parts.title == "अल्मेरा में नई रेल लाइन का उद्घाटन"
    assert parts.date == "2026-03-12"
    assert parts.body.startswith("अल्मेरा शहर में सोमवार")
    assert "अधिकारियों के अनुसार" in parts.body and parts.body.rstrip().endswith("बोझ न पड़े।")


def test_a_hindi_date_line_is_furniture_not_the_headline():
    # The desk's name and an English date on one line: counted as a few words
    # only when a Hindi word is one word (its vowel signs are combining marks).
    page = "\n".join([
        "होम", "देश", "विदेश",
        "अल्मेरा में गेहूं की खरीद शुरू, बत्तीस केंद्र खुले",
        "अल्मेरा ब्यूरो Updated Thu, 12 Mar 2026 01:00 AM IST",
        "अल्मेरा जिले में बृहस्पतिवार से गेहूं की सरकारी खरीद शुरू हो गई। जिले में बत्तीस क्रय केंद्र "
        "खोले गए हैं और किसानों से अपील की गई है कि वे अपनी उपज साफ करके लाएं।",
        "",
        "जिला अधिकारी ने बताया कि हर केंद्र पर तौल की मशीनें लगाई गई हैं। भुगतान सीधे किसानों के बैंक "
        "खातों में भेजा जाएगा ताकि किसी को बिचौलियों के पास न जाना पड़े।",
    ])
    parts = parse_page_text(page)
    assert parts.title == "अल्मेरा में गेहूं की खरीद शुरू, बत्तीस केंद्र खुले"
    assert parts.date == "2026-03-12"
    assert parts.body.startswith("अल्मेरा जिले में")


_BYLINE_ARTICLE = (
    "ALMERA — The first turbines began turning on Thursday after three years of construction "
    "and a long dispute with fishing cooperatives over the cable route.\n\n"
    "Engineers said the farm would reach full output by the end of the summer, and the ministry "
    "expects a second farm to follow within five years.\n"
)


@pytest.mark.parametrize("lines, byline", [
    # A name alone between the headline and a date or time line.
    (["Tomas Verel", "Mar 12, 2026 @09:40 AM · Updated: Mar 12, 2026 @10:02 AM"], "Tomas Verel"),
    (["Ilse van Marren", "2 days ago"], "Ilse van Marren"),
    (["Ilse van Marren", "1:39 PM ET"], "Ilse van Marren"),  # a two-letter US time zone
    # A name before the date on one line, or before the outlet over a date line.
    (["Tomas Verel - Mar 12, 2026, 9:40 pm CET"], "Tomas Verel"),
    (["Tomas Verel, Almera Courier", "12.03.2026, 09:40"], "Tomas Verel"),
    # "by" after the date and time; the name cut before "Updated", a date or a handle.
    (["9:40 AM CET 03/12/2026 by Mira Castell"], "Mira Castell"),
    (["By Mira Castell Updated Mar. 12, 2026 9:40 am"], "Mira Castell"),
    (["By Mira Castell March 12 at 9:40 AM Follow @mcastell"], "Mira Castell"),
    # A wire service's credit beside the date line.
    (["The Ardelian Press", "Published Monday, March 12, 2026 9:40AM EST"], "The Ardelian Press"),
    # A lone "By" over the name.
    (["By", "Mira Castell", "March 12, 2026"], "Mira Castell"),
    # The name and its date on one line under a name-shaped section label:
    # the name on the dated line, not the label over it.
    (["Energy Insider", "Ilse van Marren 2 days ago"], "Ilse van Marren"),
    (["Tomas Verel Mar 12, 2026"], "Tomas Verel"),
    (["Ana Lia Ruiz 3 hours ago"], "Ana Lia Ruiz"),
    # Not a byline: a name-shaped line with no date beside it, a photographer's credit.
    (["Wind Power", "Share this article"], None),
    (["Photograph by Tomas Verel", "March 12, 2026"], None),
    # A date's label and month are not a name; a first name that is a month is.
    (["Published March 12th, 2026 - 07:29 GMT"], None),
    (["April Castell March 12, 2026"], "April Castell"),
])
def test_bylines_read_from_the_lines_under_the_headline(lines, byline):
    text = ("Ardelia opens its first offshore wind farm\n\n" + "\n".join(lines) + "\n\n" + _BYLINE_ARTICLE)
    parts = parse_page_text(text)
    assert parts.title == "Ardelia opens its first offshore wind farm"
    assert parts.byline == byline
    assert parts.body.startswith("ALMERA — The first turbines")


def test_a_by_line_of_a_widget_inside_the_article_does_not_beat_the_name_under_the_headline():
    """A recommendation widget's "by <network>" line can land among the first
    paragraphs of a pasted page; the name printed with the date under the
    headline is the byline."""
    article = _BYLINE_ARTICLE.split("\n\n")
    text = ("Ardelia opens its first offshore wind farm\n\nEnergy Insider\nTomas Verel 1 day ago\n\n"
            + article[0] + "\n\nby AdWeavePromoted StoriesMORE TO READ\n\n" + "\n\n".join(article[1:]))
    parts = parse_page_text(text)
    assert parts.byline == "Tomas Verel"
    # With no name under the headline, a "By" line under a standfirst still counts.
    text = ("Ardelia opens its first offshore wind farm\n\n" + article[0]
            + "\n\nBy Mira Castell\n\n" + "\n\n".join(article[1:]))
    assert parse_page_text(text).byline == "Mira Castell"


def test_a_credit_and_date_below_a_standfirst():
    """A standfirst opens the article, then the credit line and the date (no
    "By"): the credit is the byline and not a paragraph of the article."""
    text = ("Ardelia opens its first offshore wind farm\n\n"
            "Forty turbines off the Almera coast will supply a fifth of the capital's homes, "
            "the energy ministry says.\n\n"
            "Mira Castell\nPublished Monday, March 12, 2026 9:40AM EST\n\n" + _BYLINE_ARTICLE)
    parts = parse_page_text(text)
    assert parts.byline == "Mira Castell"
    assert parts.date == "2026-03-12"
    assert "Mira Castell" not in parts.body
    assert parts.body.startswith("Forty turbines") and "ALMERA — The first turbines" in parts.body
    assert parts.dateline == "ALMERA"


@pytest.mark.parametrize("note, byline", [
    ("Ilse van Marren is a staff writer at the Almera Courier covering energy.", "Ilse van Marren"),
    # Without an author note naming them, a name over the headline may be a teaser's.
    ("The Almera Courier covers energy and the coast.", None),
])
def test_a_name_above_the_headline_is_the_byline_when_an_author_note_names_them(note, byline):
    text = ("News\nEnergy\nCoast\n\nIlse van Marren\nEnergy\n03.12.2026 09:40 AM\n"
            "Ardelia opens its first offshore wind farm\n\n" + _BYLINE_ARTICLE + "\n" + note + "\n")
    parts = parse_page_text(text)
    assert parts.title == "Ardelia opens its first offshore wind farm"
    assert parts.byline == byline


def test_a_search_box_label_is_not_an_author_line_that_makes_a_menu_the_headline():
    """'Search ALMERA COURIER X' (a search box and its close button) is not a
    person's name, so the topics menu above it is not taken for a headline over
    a byline; the headline is the line over the article."""
    text = (
        "Skip to Main Content\n\nLive Now: Morning Show\n"
        "TRENDING Harbour strike Budget vote Viral video\n"
        "Search\nSearch ALMERA COURIER  X\nNEWS\nVIDEO\nLOCAL\nAdvertisement\n\n"
        "Turbines turn: Ardelia opens its first offshore wind farm\n\n" + _BYLINE_ARTICLE
    )
    parts = parse_page_text(text)
    assert parts.title == "Turbines turn: Ardelia opens its first offshore wind farm"
    assert parts.body.startswith("ALMERA — The first turbines")


# The site's name when the page never says "© Name": its staff addresses, or a
# label copied onto the byline without a space. Invented pages, shaped like real
# pasted copies (a menu line, the headline, "By ...", the article, a footer).
def _strait_page(menu: str, byline: str, footer: list[str]) -> str:
    body = [
        "Tidal power pilot opens off the Ardelian coast",
        byline,
        "",
        ("The first tidal turbines of the Varen Strait pilot began sending power to the "
         "grid on Tuesday, the energy ministry said, after two years of delays."),
        "",
        ("Engineers said the four turbines would supply about 3,000 homes once the "
         "cables to the mainland are tested at full load next month."),
        "",
        ("Fishing cooperatives in the strait had opposed the project, and the ministry "
         "agreed last year to close the site to trawlers only during installation."),
        "",
    ]
    return "\n".join([menu, ""] + body + footer)


def test_outlet_from_two_staff_addresses_and_not_from_a_menu_after_search() -> None:
    page = _strait_page(
        "News Energy Search For Life Oceans Forums Videos About Us More",
        "By Ana Ruiz, Teo Marsh",
        ["Email Ana Ruiz at aruiz@tidewatch.com.",
         "Send a news tip or a correction to desk@tidewatch.com."],
    )
    parts = parse_page_text(page)
    assert parts.outlet_hint == "tidewatch.com" and parts.outlet_from == "page"
    assert parts.byline == "Ana Ruiz, Teo Marsh"


def test_one_address_in_the_article_does_not_name_the_site() -> None:
    page = _strait_page("News Energy Oceans Videos", "By Ana Ruiz",
                 ["Questions about the pilot can be sent to info@varenpower.com."])
    assert parse_page_text(page).outlet_hint is None


def test_outlet_glued_to_the_byline_is_split_off() -> None:
    page = _strait_page("Tide Watch\nNews\nEnergy\nOceans", "By Ana RuizTIDEWatch",
                 ["Tide Watch", "Terms of Use", "© 2026 Harbour Media Network, LLC. All rights reserved."])
    parts = parse_page_text(page)
    assert parts.byline == "Ana Ruiz"
    assert parts.outlet_hint == "Tide Watch"


def test_a_name_with_an_inner_capital_is_not_split() -> None:
    for name in ("Ana McDonald", "Teo DeVos", "Lia MacArthur"):
        page = _strait_page("Tide Watch\nNews", f"By {name}", ["Tide Watch", "Terms of Use"])
        assert parse_page_text(page).byline == name


def test_headline_printed_again_in_a_list_keeps_the_date_and_byline_of_the_first() -> None:
    headline = "Varen Strait tidal pilot sends its first power to the grid"
    page = "\n".join([
        "Tide Watch", "News", "Energy", "Subscribe", "",
        "Home Energy News",
        "March 12, 2026 9:04AM ET",
        headline,
        "Four turbines now feed about 3,000 homes after two years of delays",
        "",
        "By", "Ana Ruiz", "Reporter", "",
        "Ana Ruiz's Most Recent Stories",
        "Ferry line to the southern islands doubles its winter crossings",
        headline,
        "View All", "Facebook", "Twitter", "Email", "",
        ("The first tidal turbines of the Varen Strait pilot began sending power to the grid "
         "on Tuesday, the energy ministry said, after two years of delays and a court case."),
        "",
        ("Engineers said the four turbines would supply about 3,000 homes once the cables to the "
         "mainland are tested at full load next month, and a second row could follow."),
        "",
        ("Fishing cooperatives in the strait had opposed the project, and the ministry agreed "
         "last year to close the site to trawlers only during installation work."),
    ])
    parts = parse_page_text(page)
    assert parts.title == headline
    assert parts.date == "2026-03-12"
    assert parts.byline == "Ana Ruiz"


# The sister site under the last teaser: two words (furniture, so the teaser
# looks followed by the "Written by" line) or three (a line of its own).
@pytest.mark.parametrize("site", ["on Coastline", "on Coast Weekly"])
def test_a_numbered_most_read_list_above_the_article_does_not_give_the_headline(site):
    """A ranked "most read" list ("3." over each teaser, the sister site under
    it) and the author's other posts sit above the headline; the headline is
    followed by counters, the author box, its tags ("Filed to: ...") and a time
    stamp with a numeric date ("3/09/15 8:00am"). Neither the last teaser nor
    the lowercase "on <site>" line is the headline."""
    page = (
        "Log in\nFollow Almera Courier\n\nMost read\n"
        "1.\nHarbour Pilots Vote To Strike Over Night Shifts\non Coast Daily\n"
        "2.\nCity Council Delays Tram Depot Decision Again\non Coast Daily\n"
        "3.\nStadium Roof Repairs Will Take Until Spring\n" + site + "\n"
        "Written by Mira Castell\n\n"
        "Five Ways To Keep Your Winter Heating Bill Down\n\n"
        "Ardelia opens its first offshore wind farm\n"
        "12,480\n14\n"
        "Mira Castell\nProfileFollow\nMira Castell\n"
        "Filed to: energy\nclimate\nhousing\n"
        "3/12/26 9:40am 3/12/26 9:40am\nShare\nGo to permalink\n\n"
        + _BYLINE_ARTICLE
    )
    parts = parse_page_text(page)
    assert parts.title == "Ardelia opens its first offshore wind farm"
    assert parts.body.startswith("ALMERA — The first turbines")


@pytest.mark.parametrize("line, stamp", [
    ("3/09/15 8:00am", True), ("12.05.2015 8.30 am", True), ("Updated 3/9/2015 at 10:15 PM", True),
    ("1/2 cup of sugar at 3:00", False), ("Polls close at 8:00 pm", False),
])
def test_a_numeric_date_beside_a_time_is_a_time_stamp(line, stamp):
    from framing.loaders.text import _is_time_line
    assert _is_time_line(line) is stamp


@pytest.mark.parametrize("para, iso", [
    ("Feb. 23, 2026 -- Ferry services to the outer islands resumed on Monday.", "2026-02-23"),
    ("NORTH VALE, March 3, 2026 — The mountain pass reopened after a week.", "2026-03-03"),
    ("Tuesday, 3 March 2026 – The council met for the last time.", "2026-03-03"),
    ("2026-03-03 - The council met for the last time.", "2026-03-03"),
    # A date inside the sentence, a date without its year, no dash after it.
    ("On March 3, 2026 -- the council met for the last time.", None),
    ("March 3 -- The council met for the last time.", None),
    ("March 3, 2026, was the day the council met for the last time.", None),
    ("The Feb. 23, 2026 — vote was postponed.", None),
])
def test_a_date_opening_the_first_paragraph_as_its_dateline(para, iso):
    from framing.loaders.text import opening_date

    assert opening_date(para) == iso


def test_pasted_page_dated_only_by_its_dateline():
    text = (
        "Ferry services to the outer islands resume\n\n"
        "Feb. 23, 2026 -- Ferry services to the outer islands resumed on Monday after storms "
        "kept the boats in port for nine days, the island council said.\n\n"
        "The council said timetables would return to normal by the end of the week."
    )
    parts = parse_page_text(text)
    assert parts.date == "2026-02-23"
    assert parts.title == "Ferry services to the outer islands resume"


def test_a_time_zone_after_the_time_of_a_date_line_is_part_of_it():
    text = (
        "Home\n"
        "Harbour strike ends as dockers accept contract\n"
        "2/26/2026 7:11 AM PST BY KESH STAFF\n\n"
        "Dock workers in Almera voted on Wednesday to end a nine-day strike that had closed the port, "
        "after the union accepted a contract that raises pay by six percent over two years.\n\n"
        "The port authority said ships would begin unloading again on Thursday morning."
    )
    parts = parse_page_text(text)
    assert parts.title == "Harbour strike ends as dockers accept contract"
    assert parts.date == "2026-02-26"
    assert parts.byline == "KESH STAFF"


# --------------------------------------------------------------------------
# An article cut in two by a figure, a table or a code listing

_MENU = "Home\nNews\nBusiness\nSport\nSubscribe\nSign in\n\n"
_HALF_ONE = (
    "The Ardelian treasury will pay more in interest on its debt next year than it spends on "
    "the coastguard, the budget office said on Tuesday, after two years of rising rates.\n\n"
    "Officials said the shift would leave less room for new spending on ports and rail.\n\n"
)
_HALF_TWO = (
    "Interest payments have grown by a third since the last election, the office said, and "
    "will make up one in every eight crowns the government spends by the end of the decade.\n\n"
    "Economists in Almera said the figures made it harder for the next government to respond "
    "to a downturn, because borrowing more would push the interest bill higher still.\n\n"
    "The finance minister said the government would publish a plan to reduce borrowing in "
    "the spring, but gave no details of which programmes could be cut to pay for it.\n\n"
    "Opposition members said the plan should have come before the budget, not after it, and "
    "asked the budget office to publish its forecasts for each of the next ten years.\n\n"
)
_FIGURES = {
    "chart": "Interest on the debt\n40\n%\n30\n20\n10\n0\n’18\n’20\n’22\n’24\n’26\nPROJECTED\n"
             "By The Almera Courier | Source: Budget Office\n\n",
    "table": "Year\tInterest\tCoastguard\tRail\n2024\t3.1\t4.0\t2.2\n2025\t3.9\t4.1\t2.3\n"
             "2026\t4.6\t4.1\t2.1\n2027\t5.2\t4.2\t2.0\n\n",
    "code": "budget = {\n  interest: [\n    3.1, 3.9, 4.6,\n  ],\n  coastguard: [4.0, 4.1],\n}\n"
            "total = sum(budget.interest);\n\n",
}


@pytest.mark.parametrize("figure", sorted(_FIGURES))
def test_an_article_cut_by_a_chart_table_or_code_block_stays_one_article(figure):
    """The lines of the block end a run of prose like a menu would; the half
    after it is longer, so it used to be kept alone and the headline above
    the first half was lost. The two halves are one article, and the block's
    lines are not body."""
    page = (
        _MENU + "Debt interest will soon cost more than the coastguard\n"
        "By Mira Castell\nMarch 3, 2026\n\n" + _HALF_ONE + _FIGURES[figure] + _HALF_TWO
        + "Related\nMore from the Courier\n"
    )
    parts = parse_page_text(page)
    assert parts.title == "Debt interest will soon cost more than the coastguard"
    assert parts.byline == "Mira Castell"
    assert parts.date == "2026-03-03"
    assert parts.body.startswith("The Ardelian treasury will pay more")
    assert parts.body.rstrip().endswith("each of the next ten years.")
    assert "PROJECTED" not in parts.body and "\t" not in parts.body and "{" not in parts.body


def test_a_code_block_announced_by_a_long_sentence_stays_inside_the_article():
    """The sentence that announces a code listing ("... with the figures from
    the annex:") is a line of its own among the block's lines, longer than a
    block's title or axis label; it ends with a colon, so it belongs to the
    block, and the article is one run across it."""
    block = ("The office published the model behind its forecast, which anyone can run with the "
             "figures from the annex:\n" + _FIGURES["code"])
    page = (_MENU + "Debt interest will soon cost more than the coastguard\nBy Mira Castell\n"
            "March 3, 2026\n\n" + _HALF_ONE + block + _HALF_TWO + "Related\nMore from the Courier\n")
    parts = parse_page_text(page)
    assert parts.title == "Debt interest will soon cost more than the coastguard"
    assert parts.body.startswith("The Ardelian treasury will pay more")
    assert parts.body.rstrip().endswith("each of the next ten years.")
    assert "{" not in parts.body


def test_a_block_of_menu_words_between_two_runs_of_prose_still_separates_them():
    """Only a block of data lines joins two runs: menu and teaser words between
    them keep the page's other text out of the article."""
    teasers = ("Most popular\nWeather\nPuzzles\nObituaries\nLetters\nPodcasts\nTravel\n"
               "Ferry timetable changes for the winter\n\n")
    page = (_MENU + "Debt interest will soon cost more than the coastguard\nBy Mira Castell\n\n"
            + _HALF_ONE + _HALF_TWO + teasers
            + "A reader writes that the ferry to the outer islands was late on four days out of "
            "five last month, and that nobody at the harbour office answered the telephone.\n\n")
    parts = parse_page_text(page)
    assert "ferry to the outer islands" not in parts.body
    assert parts.title == "Debt interest will soon cost more than the coastguard"


def test_a_photo_credit_line_under_the_headline_is_not_the_headline():
    """A credit on a line of its own ("NAME/AGENCY/Getty Images") sits between
    a headline that ends with a question mark and the byline."""
    page = (
        _MENU + "Harbour board member: 'Who Pays For The New Pier?'\n"
        "1204\n12\nJANE ROE/AFP/Getty Images\nby Tomas Verel\nMarch 3, 2026\n\n"
        + _HALF_ONE + _HALF_TWO
    )
    parts = parse_page_text(page)
    assert parts.title == "Harbour board member: 'Who Pays For The New Pier?'"


def test_a_headline_over_a_standfirst_that_opens_the_kept_text():
    """The kept text opens with the standfirst, a widget's label and a line
    with two dates (published and updated); the headline is the line above,
    not the widget's label, and the first date is the article's."""
    page = (
        _MENU + "Debt interest will soon cost more than the coastguard\n"
        "The budget office says rising rates will push the interest bill past the coastguard's "
        "budget next year, leaving less room for new spending.\n"
        "Get more newson\n"
        "March 3, 2026, 10:00 PM UTC / Updated March 4, 2026, 12:43 PM UTC\n"
        "By Mira Castell\n\n" + _HALF_ONE + _HALF_TWO
    )
    parts = parse_page_text(page)
    assert parts.title == "Debt interest will soon cost more than the coastguard"
    assert parts.date == "2026-03-03"
    assert parts.byline == "Mira Castell"


@pytest.mark.parametrize("name, again, byline", [
    # Printed again in the author box: the author.
    ("Richard (R.J.) Serrat", True, "Richard (R.J.) Serrat"),
    ("Mira Castell", True, "Mira Castell"),
    # Printed once, under the headline: a section or product label, not a byline.
    ("Harbour Notes", False, None),
])
def test_a_name_under_the_headline_is_the_byline_when_the_page_prints_it_again(name, again, byline):
    page = (
        _MENU + "Debt interest will soon cost more than the coastguard\n"
        "The budget office says rising rates will push the interest bill past the coastguard.\n"
        + name + "\nShare\n0\nAll Share Services\n\n" + _HALF_ONE + _HALF_TWO
        + ("About the author\n" + name + " writes about public money for the Courier.\n" if again else "")
    )
    parts = parse_page_text(page)
    assert parts.title == "Debt interest will soon cost more than the coastguard"
    assert parts.byline == byline


@pytest.mark.parametrize("furniture", [
    "Search\nSearch Go\n",                      # a search box and its button
    "Ok\nOk\nAbout Our Ads\nAbout Our Ads\n",   # a consent dialog's buttons
])
def test_the_labels_of_a_search_box_or_a_dialog_do_not_name_the_site(furniture):
    page = (furniture + _MENU + "Debt interest will soon cost more than the coastguard\n"
            "By Mira Castell\nMarch 3, 2026\n\n" + _HALF_ONE + _HALF_TWO)
    assert parse_page_text(page).outlet_hint is None


def test_a_search_for_a_word_inside_a_paragraph_does_not_name_the_site():
    page = (_MENU + "Browser lets users turn off search shortcuts\nBy Mira Castell\nMarch 3, 2026\n\n"
            "From the next release it is possible to turn off the shortcut for one engine, by "
            "unchecking it in Search Preferences, or for all of them at once in the settings.\n\n"
            + _HALF_TWO)
    assert parse_page_text(page).outlet_hint is None


def test_a_two_sentence_caption_with_a_glued_credit_label_is_not_the_article():
    """A caption copied with its credit label glued on ("...CreditCreditName/
    Outlet") between the standfirst and the byline: the headline that opened
    the kept text is still the headline, and the caption is not body."""
    page = (
        _MENU + "Winter Storms Wreak Havoc on What Lies Beneath Almera St.\n\n"
        "The city's pipes are old, and the salt and the frost of winter make them worse.\n\n"
        "Image\nA worker repairing cables this month in the harbour district. The likely cause was "
        "salt water.CreditCreditJane Roe/The Almera Courier\n\n"
        "By Mira Castell\n\nMarch 3, 2026\n\n" + _HALF_ONE + _HALF_TWO
    )
    parts = parse_page_text(page)
    assert parts.title == "Winter Storms Wreak Havoc on What Lies Beneath Almera St."
    assert parts.byline == "Mira Castell"
    assert "CreditCredit" not in parts.body and "The likely cause" not in parts.body


_STORM_STORY = (
    "Winter storms have burst more water pipes beneath Almera's streets this year than in any "
    "year since records began, the city's water board said on Monday.\n\n"
    "Salt spread on the roads seeps into the soil and eats at the old iron pipes, engineers "
    "said, and the frost then splits them open under the weight of the traffic above.\n\n"
    "The board said it would replace forty kilometres of pipes before next winter, at a cost "
    "the city council has yet to approve, and asked residents to report leaks at once.\n\n"
)


@pytest.mark.parametrize("caption", [
    "A worker repairs a burst pipe in the harbour district (jroe77/iStock)",
    "A worker repairs a burst pipe in the harbour district (Bild: Stadtwerke Almera)",
    "A worker repairs a burst pipe in the harbour district (dpa/Jane Roe)",
    "A worker repairs a burst pipe in the harbour district (anaterate/Pixabay.com)",
])
def test_a_caption_credited_to_a_picture_agency_or_in_another_language_is_a_caption(caption):
    """A photo caption credited to a picture agency or stock library (dpa,
    iStock, Pixabay ...), or with "Bild:"/"Foto:" in brackets, is neither the
    headline nor a paragraph of the article."""
    first, rest = _STORM_STORY.split("\n\n", 1)
    page = (_MENU + "Frost and salt burst Almera's water pipes\n\nMarch 3, 2026 by Mira Castell\n\n"
            + first + "\n\n" + caption + "\n\n" + rest)
    parts = parse_page_text(page)
    assert parts.title == "Frost and salt burst Almera's water pipes"
    assert "burst pipe" not in parts.body and parts.body.startswith("Winter storms")
    assert parts.body.endswith("report leaks at once.")


@pytest.mark.parametrize("credit", ["Jane Roe/The Almera Courier", "Ana K. Veld/KESHMEDIA"])
def test_a_photographer_s_credit_over_the_byline_is_not_the_headline(credit):
    """The lead photo's caption, a "Credit..." label and the photographer's
    credit line ("Name/Organisation") stand between the standfirst and the
    byline: the credit, right over the byline, is no headline."""
    page = (
        _MENU + "Continue reading the main story\n"
        "Winter Storms Wreak Havoc on What Lies Beneath Almera\n\n"
        "The city's pipes are old, and the salt and the frost of winter make them worse, engineers say\n\n"
        "A worker repairing a burst pipe this month in the harbour district.\nCredit...\n" + credit + "\n\n"
        "By Mira Castell\n\n" + _STORM_STORY
    )
    parts = parse_page_text(page)
    assert parts.title == "Winter Storms Wreak Havoc on What Lies Beneath Almera"
    assert parts.byline == "Mira Castell"


@pytest.mark.parametrize("headline", [
    "‘Pipes. We’re on it.’: Almera engineers divided on the water board’s winter campaign",
    "“Replace the pipes. Today.” Almera residents tell the water board after winter storms",
    "Almera says, 'Pipes. We're On It,' and residents ask, Are you sure?",
])
def test_a_headline_quoting_a_slogan_of_two_sentences_is_the_headline(headline):
    """A full stop inside a quotation does not end the headline's sentence."""
    page = (_MENU + "Advertise with us\n\nNews > Almera\n" + headline + "\n\nUpdated: Tue., March 3, 2026\n\n"
            + _STORM_STORY)
    assert parse_page_text(page).title == headline


def test_a_short_article_under_its_head_beats_a_longer_service_paragraph_in_the_footer():
    """Two paragraphs under a headline, a "By" line and a date, then a long
    column of teasers and a footer whose customer-service block is one longer
    paragraph: the article is the run under the story's head."""
    teasers = "".join(f"Almera story number {n} of the day in the sidebar\nBy COURIER STAFF\n03/03/2026 0{n % 10}:15 PM\n"
                      for n in range(12))
    service = ("The Courier Customer Service Center can be contacted with any questions or requests: "
               "Telephone: *2421 Extension 4 or 03-7610000, Fax: 03-5610000, E-mail: subs@courier.example. "
               "The center is staffed and provides answers on Sundays through Thursdays between 07:00 and "
               "14:00 and Fridays only handles distribution requests between 7:00 and 13:00. For "
               "international customers the center is staffed on Sundays through Thursdays between 7AM and "
               "6PM, toll free number in Almera only 1-800-570-570, telephone +972-3-761-0000.\n")
    page = (_MENU + "Water board chief resigns after winter of burst pipes\nBy COURIER STAFF\nMARCH 3, 2026 10:43\n"
            "The head of Almera's water board resigned on Tuesday after a winter in which more pipes burst "
            "beneath the city's streets than in any year since records began, the board said.\n"
            "Engineers had warned for years that the old iron pipes would not survive the salt spread on "
            "the roads, and the council is expected to name a successor next month.\n\n"
            + teasers + "\nAbout Us\nContact Us\nAdvertise\n" + service + "Privacy Policy\nTerms of Use\n")
    parts = parse_page_text(page)
    assert parts.title == "Water board chief resigns after winter of burst pipes"
    assert parts.body.startswith("The head of Almera's water board resigned")
    assert "Customer Service" not in parts.body


@pytest.mark.parametrize("authors, paper", [
    ("Mira Castell and Jon Vell", "ALMERA TODAY"),
    ("Mira Castell and Jon Vell", "North Almera Evening Leader"),
])
def test_authors_followed_by_their_paper_s_name_are_the_byline_not_the_headline(authors, paper):
    """A byline without "By" whose last name runs into the paper's name after a
    space ("Kevin Johnson and Kevin McCoy USA TODAY"): the line under the
    headline is the byline, the headline stays the headline."""
    page = ("Welcome to the Almera Today network\nLearn More\n"
            "Water board chief resigns after winter of burst pipes\n" + authors + " " + paper + "\n"
            "Published 10:02 AM EST Mar 3, 2026\n\n" + _STORM_STORY)
    parts = parse_page_text(page)
    assert parts.title == "Water board chief resigns after winter of burst pipes"
    assert parts.byline == authors


def test_a_title_case_headline_naming_two_people_is_no_byline():
    page = ("Mira Castell and Jon Vell Inspect Burst Pipes Beneath Almera\n"
            "Published 10:02 AM EST Mar 3, 2026\n\n" + _STORM_STORY)
    assert parse_page_text(page).title == "Mira Castell and Jon Vell Inspect Burst Pipes Beneath Almera"


def test_a_caption_ending_in_the_photographer_and_the_agency_is_no_headline():
    """A caption copied with its credit glued on ("...in Almera.Jan Orlo /
    Reuters file") under the headline and standfirst is not the headline."""
    page = (_MENU + "Water board chief resigns after winter of burst pipes\n"
            "The board's engineers had warned for years that the old iron pipes would fail.\n"
            "A burst pipe beneath the harbour road in Almera.Jan Orlo / Reuters file\n"
            "Breaking News Emails\nSUBSCRIBE\nMarch 3, 2026, 9:28 AM UTC\nBy Reuters\n\n" + _STORM_STORY)
    assert parse_page_text(page).title == "Water board chief resigns after winter of burst pipes"


@pytest.mark.parametrize("link", ["Advertise with us", "Back to overview", "Zurück zur Übersicht",
                                  "Retour à l'accueil"])
def test_a_link_back_to_the_site_s_pages_is_no_headline(link):
    page = (_MENU + link + "\n\n" + _STORM_STORY)
    assert parse_page_text(page).title != link


@pytest.mark.parametrize("box, outlet", [
    ("Search KESHPOST", "KESHPOST"),       # the site's search box names the site
    ("Search Classifieds", None),          # a section's does not
    ("Search UK jobs", None),
])
def test_a_search_box_names_the_site_not_its_sections(box, outlet):
    page = ("Water board chief resigns after winter of burst pipes\nBy Mira Castell\nMarch 3, 2026\n\n"
            + _STORM_STORY + box + "\nPrivacy Policy\nTerms of Use\n")
    assert parse_page_text(page).outlet_hint == outlet


@pytest.mark.parametrize("label", ["publiziert am", "erschienen am", "veröffentlicht am"])
def test_a_german_byline_and_date_over_the_headline(label):
    """A blog's "Von <Name> publiziert am <Datum>" line over its headline: the
    date is read and the headline under it is the headline."""
    page = ("Zurück zur Übersicht\n\nVon Mira Castell " + label + " 3. März 2026\n\n"
            "Wasserrohrbrüche in Almera: der lange Winter unter der Straße\n\n"
            "Die Stürme dieses Winters haben unter den Straßen von Almera mehr Wasserleitungen "
            "platzen lassen als in jedem Jahr seit Beginn der Aufzeichnungen, sagte die Wasserbehörde.\n\n"
            "Das Salz auf den Straßen greife die alten Eisenrohre an, sagten Ingenieure, und der Frost "
            "sprenge sie dann unter dem Gewicht des Verkehrs auf, der über sie rollt.\n\n")
    parts = parse_page_text(page)
    assert parts.title == "Wasserrohrbrüche in Almera: der lange Winter unter der Straße"
    assert parts.date == "2026-03-03"


def test_a_kicker_the_headline_quotes_is_not_the_headline():
    """A show's name printed as the kicker over the date line, which the
    headline quotes, is no breadcrumb glued to the headline: the headline
    stays the headline."""
    headline = "Almera engineers leave 'Pipes Under the Streets' after the board's storm report"
    page = (_MENU + "Pipes Under the Streets\nPublished 5 hours ago\n" + headline + "\nBy Mira Castell | Almera Courier\n"
            + "Share\nEmail\n\n" + _STORM_STORY)
    assert parse_page_text(page).title == headline


def test_a_card_cut_short_under_another_story_s_headline_is_a_teaser():
    """A related story's headline over its teaser cut short ("...") and
    right over the article is another story's card, not the headline."""
    headline = "Almera counts a record year of leaks"
    other = "Salt spread on the roads eats at the city's old iron water pipes, engineers said on Monday"
    page = (_MENU + "NEWS\n\n" + headline + "\n\nBy Mira Castell\n\nMarch 3, 2026 | 4:10pm\n\n"
            + "Enlarge Image\nMore On:\npipes\n" + other + "\nRoad salt costs the city more each winter\n"
            + "see also\n" + other + "\nEngineers in Almera said salt spread on the roads has,...\n\n"
            + _STORM_STORY)
    assert parse_page_text(page).title == headline


def test_a_standfirst_ending_in_the_writer_s_own_ellipsis_keeps_the_headline():
    """Guard: only an ellipsis cut after a comma or a space marks a teaser; a
    standfirst whose sentence trails off ("and the bill is...") is the
    story's own."""
    page = ("Pipes and the city\n\nThe city's water board says winter storms have done more damage than "
            "ever before, and the bill is...\n\n" + _STORM_STORY)
    assert parse_page_text(page).title == "Pipes and the city"


def test_a_headline_under_its_date_line_and_over_the_writer_s_name_beats_a_promo_above():
    """The date printed over the headline, and under it only the writer's
    name (twice, as a link and as text) and a share button before the
    article: that headline beats a sidebar's promo question over the date."""
    headline = "Almera water board asks for forty kilometres of new pipes"
    page = (_MENU + "Search in posts\nSearch in pages\nCity Talk\nWater Board Talk\n"
            + "Is the city ready for next winter?\nWednesday 4 March 2026 9:22 am\n" + headline
            + "\nMira Castell\nMira Castell\nShare\n" + _STORM_STORY)
    assert parse_page_text(page).title == headline


@pytest.mark.parametrize("line", [
    "Published Thursday 3 March 2026 Published Thu 3 Mar 2026",
    "March 3, 2026, 10:00 PM UTC / Updated March 4, 2026, 12:43 PM UTC",
])
def test_a_date_printed_twice_on_one_line_is_a_date_line(line):
    from framing.loaders.text import _is_date_line

    assert _is_date_line(line) == "2026-03-03"


@pytest.mark.parametrize("line, day", [
    ("Publié le mardi 3 Mars 2026 à 07h47", "2026-03-03"),
    ("Mis à jour le 03/03/2026 à 18h05", "2026-03-03"),
    ("Atualizado em 3 de março de 2026 às 9h30", "2026-03-03"),
    ("Veröffentlicht am 3. März 2026, 10:00", "2026-03-03"),
    # An article alone is no label: a sentence opening with a date stays prose.
    ("Il 3 marzo 2026 il sindaco ha detto", None),
    ("Le 3 mars 2026 le maire a dit", None),
])
def test_date_lines_labelled_and_timed_in_other_languages(line, day):
    """"Publié le ... à 07h47": the labels of a date line in French,
    Spanish, Portuguese, Italian and German, and the time as those pages
    print it (hours, "h", minutes)."""
    from framing.loaders.text import _is_date_line

    assert _is_date_line(line) == day


def test_a_headline_opening_the_kept_text_over_a_french_date_line():
    """The headline (a long one, with a quotation) opens the run of prose
    kept as the article; the date line under the breadcrumbs ("Publié le
    ... à 07h47") shows where the story's head ends."""
    page = ("Accueil\nRégion\nSports\n"
            "Il brise le couvre-feu et roule à 23h30 à Almera: «Je me fiche pas mal de ces mesures et du conseil!»\n"
            "Almera\nAlmera Actu\nRéagir\nPublié le mardi 3 Mars 2026 à 07h47\n\n"
            "Un automobiliste de 34 ans a été contrôlé mardi à 23h30 au volant de sa voiture dans le centre "
            "d'Almera, en plein couvre-feu, selon la police locale.\n\n"
            "Face aux agents, l'homme a déclaré qu'il se fichait des mesures prises par le conseil, a indiqué "
            "la police, qui a dressé un procès-verbal.\n\n"
            "Il devra payer une amende de 250 euros, a précisé le parquet de Portvale.\n\n")
    parts = parse_page_text(page)
    assert parts.title.startswith("Il brise le couvre-feu")
    assert parts.date == "2026-03-03"
    assert parts.body.startswith("Un automobiliste")


def test_by_in_another_language_over_a_date_line_gives_the_name():
    """"Por Ana Lourenço" on its own line over the date: the byline is the name."""
    page = ("Início\nCidades\nPorto de Almera reabre cais aos ferries após seis meses de obras\n"
            "Por Ana Lourenço\n03/03/26 - 10h02\n\n"
            "O porto de Almera reabriu nesta terça-feira os seus cais aos ferries, depois de seis meses de obras "
            "que obrigaram as companhias a atracar em Portvale, a quarenta quilómetros a norte.\n\n"
            "As obras custaram doze milhões de euros, segundo a câmara de comércio, que gere o porto desde 2019 e "
            "prevê receber o dobro dos passageiros até ao fim da década.\n\n")
    assert parse_page_text(page).byline == "Ana Lourenço"


_UNSPACED_PAGE = (
    "首页\n新闻\n财经\n体育\n登录\n\n"
    "阿尔梅拉港口扩建工程下月动工\n"
    "2026-03-03 10:00\n\n"
    "阿尔梅拉市政府周二表示，港口扩建工程将于下月正式动工，预计三年内完成，新码头建成后每年可多停靠两百艘货船。\n\n"
    "市政府发言人说，工程费用由国家财政和港口公司共同承担，其中一半资金已经到位，其余部分将在明年预算中安排。\n\n"
    "渔民协会对此表示担忧，希望尽快召开听证会。\n\n"
    "当地商会表示欢迎这一决定，并希望工程期间尽量减少对渔民和沿岸居民生活的影响，同时保证施工安全。\n\n"
)


def test_a_page_in_a_script_without_spaces_has_an_article_and_a_headline():
    """Chinese (or Japanese, Thai) puts no spaces between words: its lines are
    counted by their characters, and "。" ends a sentence, so the paragraphs
    are prose and the headline above them is found."""
    parts = parse_page_text(_UNSPACED_PAGE)
    assert parts.title == "阿尔梅拉港口扩建工程下月动工"
    assert paragraphs(parts)[0].startswith("阿尔梅拉市政府周二表示")
    assert "渔民协会对此表示担忧，希望尽快召开听证会。" in paragraphs(parts)
    assert "登录" not in parts.body


@pytest.mark.parametrize("authors, byline", [
    ("Mira Castell and Tomas EdlundThe Almera Courier", "Mira Castell and Tomas Edlund"),
    ("Mira Castell, Tomas Edlund, Ines Varga | The Almera Courier", "Mira Castell, Tomas Edlund, Ines Varga"),
    ("Mira Castell @miracastell", "Mira Castell"),
])
def test_an_author_line_without_by_is_not_the_headline(authors, byline):
    """Authors' names printed without "By" between headline and article --
    several names, or one with the outlet after a bar, glued on, or a
    handle -- are the byline, and the line above them is the headline."""
    page = _MENU + "Debt interest will soon cost more than the coastguard\n" + authors + "\n\n" + _HALF_ONE + _HALF_TWO
    parts = parse_page_text(page)
    assert parts.title == "Debt interest will soon cost more than the coastguard"
    assert parts.byline == byline


@pytest.mark.parametrize("credit", ["Foto: Jan Orlo / Almera Courier", "Bild: Jan Orlo", "Фото: Jan Orlo"])
def test_a_photo_credit_in_another_language_is_not_the_headline(credit):
    page = (_MENU + "Debt interest will soon cost more than the coastguard\n" + credit + "\n"
            "By Mira Castell\nMarch 3, 2026\n\n" + _HALF_ONE + _HALF_TWO)
    parts = parse_page_text(page)
    assert parts.title == "Debt interest will soon cost more than the coastguard"
    assert credit not in parts.body


def test_a_teasers_name_glued_to_its_date_is_not_an_author_line():
    """"Jon EdlundMonday 7:30PM" under a teaser in a "Recent from" list: a name
    with its date glued on dates a teaser; it is not the article's author
    line, so the teaser above it is not the headline."""
    page = (
        _MENU + "Top Stories\n\n"
        "The Only Way for the Harbour Cranes to Return Is for the Port to Pay for a Two-Year Refit\n"
        "Jon EdlundMonday 7:30PM\n42\n\n"
        "Recent from Mira Castell\n\n"
        "Ferry Timetables Change for the Winter\nMira CastellMonday 5:30PM\n17\n\n"
        "The Coastguard Costs Less Than Debt\nMira Castell\nTuesday 9:30AM\nFiled to:\nBUDGET\n84\n12\n"
        "Photo: Jan Orlo\n\n"
        + _HALF_ONE + _HALF_TWO
    )
    assert parse_page_text(page).title == "The Coastguard Costs Less Than Debt"


@pytest.mark.parametrize("line", [
    "martes, 3 de marzo de 2026", "3. März 2026, 10:15 Uhr", "Marzo 3, 2026",
    "3 марта 2026, 09:00", "3 mars 2026 à 10h15", "2026年3月3日 10時00分", "03 مارس 2026",
])
def test_a_date_line_in_another_language_dates_the_article(line):
    """Month names in other languages (and the year-month-day characters of
    Chinese and Japanese) are read on the date line under the headline."""
    page = (_MENU + "Debt interest will soon cost more than the coastguard\n" + line + "\n\n"
            + _HALF_ONE + _HALF_TWO)
    parts = parse_page_text(page)
    assert parts.date == "2026-03-03"
    assert parts.title == "Debt interest will soon cost more than the coastguard"


def test_a_standfirst_without_a_full_stop_under_the_headline_is_not_the_headline():
    """A standfirst printed without its closing full stop is headline-shaped,
    and it sits nearer the byline than the headline does; the shorter line
    right above it is the headline."""
    page = (
        _MENU + "Harbour cranes return to Almera after refit\n"
        "The port says the two new cranes will double the number of ships it can unload each day\n"
        "By Mira Castell\nMarch 3, 2026\n\n" + _HALF_ONE + _HALF_TWO
    )
    parts = parse_page_text(page)
    assert parts.title == "Harbour cranes return to Almera after refit"
    assert parts.byline == "Mira Castell" and parts.date == "2026-03-03"


def test_a_list_of_readers_names_under_the_post_is_not_the_article():
    """Under the post, the names of the readers who liked it ("Kudos (60)")
    print as one line of sixty handles between commas: no sentence, so not
    prose of the article, however long. A sentence of the article naming a
    dozen towns names some with more than one word, and stays."""
    names = ", ".join(a + b for a in ("tide", "Harbour", "kesh_", "Almera", "ferry", "Port")
                      for b in ("watcher", "Reader", "42", "_fan", "Gull", "wren", "x", "Nine", "moth", "Lark"))
    towns = ("The councils of Almera, Kesh, Portvale, Ostrow, Lenz, Marra, Tolve, Vinn, Sarr, Odra, "
             "Brell and Dunmore said they would ask for more.\n\n")
    page = (_MENU + "Debt interest will soon cost more than the coastguard\nBy Mira Castell\n\n" + _HALF_ONE
            + towns + _HALF_TWO + "Kudos (60)\n" + names + " and 12 more readers liked this post\n")
    parts = parse_page_text(page)
    assert "tidewatcher" not in parts.body
    assert towns.strip() in parts.body
    assert parts.body.endswith(_HALF_TWO.strip())


def test_links_copied_without_spaces_between_them_are_not_the_article():
    """A box of links copies as one line with no space between them
    ("Almera Ferry TimetableKesh Ferry Timetable..."): longer than a short
    article, but no prose. A sentence with a camel-case brand in it stays."""
    towns = ["Almera", "Kesh", "Portvale", "Ostrow", "Lenz", "Marra", "Tolve", "Vinn", "Sarr", "Odra", "Brell", "Dunmore"]
    glued = "".join(f"{t} Ferry Timetable" for t in towns) + "".join(f"{t} Weather Today" for t in towns)
    brand = ("The office said its figures, published on GitHub and TideWatch, used the same method as "
             "last year's and were checked by the TreasuryLab team.\n\n")
    page = (_MENU + "Debt interest will soon cost more than the coastguard\nBy Mira Castell\nMarch 3, 2026\n\n"
            + _HALF_ONE + brand + "Trending\n" + glued + "\n\nAbout us\n")
    parts = parse_page_text(page)
    assert parts.body.startswith("The Ardelian treasury will pay more")
    assert "Timetable" not in parts.body and brand.strip() in parts.body


def test_the_comment_section_s_rules_under_its_heading_are_not_the_article():
    """Under a "Comments" heading after the article, the site's rules for
    readers ("... is committed to a lively but civil forum ...") are one long
    paragraph of prose, longer than a short article: the comment section's,
    not the article's."""
    rules = ("The Tide Watch is committed to a lively but civil forum for discussion and asks all readers to "
             "share their views on our articles. Comments may take up to an hour to appear on the site while "
             "they are checked by our moderators, and comments that break our rules, insult other readers or "
             "stray from the subject of the article will be removed. We reserve the right to close comments on "
             "any article at any time, and we ask readers to report any comment they think breaks these rules "
             "so that we can look at it. ")
    rules = rules + rules.replace("The Tide Watch", "Our site") + "\n"
    page = (_MENU + "Debt interest will soon cost more than the coastguard\nBy Mira Castell\nMarch 3, 2026\n\n"
            + _HALF_ONE + _HALF_TWO + "Comments\nJoin the conversation\nTop Stories\nFerry fares rise again\n\n"
            "Comments\n" + rules + "Sign in to Comment\nClassifieds\n")
    parts = parse_page_text(page)
    assert parts.body.startswith("The Ardelian treasury will pay more")
    assert "civil forum" not in parts.body


def test_a_box_of_related_links_inside_the_article_does_not_end_it():
    """"Read More" / "Related Articles" and one headline set inside the
    article (a photo's caption beside them): the paragraphs after the box are
    the same article, though short, and are kept; the box is not."""
    page = ("Home\nSport\nFootball\n"
            "Almera set Kesh a deadline for their striker's transfer\n"
            "By Mira Castell\n22:30, 9 MAY 2026\n\n"
            "Almera have set Kesh a June 15 deadline for a decision over their striker Tomas Verel, the"
            " club said on Saturday, after weeks of talks between the two sides over the player's "
            "future.\n\n"
            "The Almera club are among several chasing the striker, who has just thirteen months left "
            "on his contract at Kesh and has been the league's top scorer in each of the last two "
            "seasons.\n\n"
            "Verel is not expected to sign a new deal, leaving Kesh with a decision to make on whether "
            "to sell him this summer or risk losing him for nothing when his deal runs out next "
            "year.\n\n"
            "Almera are keen to sign Verel (Image: Harbour Photos)\n"
            "Read More\nRelated Articles\nPortvale close on winger transfer after two-week trial\n"
            "Swaps will be favoured by plenty of clubs this summer given the losses each of them has "
            "suffered this season, and Almera had hoped to offer one of their own forwards in part "
            "exchange for Verel.\n\n"
            "But people close to Almera say the club knows a swap would not be easy, and that Kesh "
            "would rather sell the striker for cash.\n\n"
            "Verel, meanwhile, wants to stay in the league for next season.\n\n"
            "Comments\nShow more comments\n")
    parts = parse_page_text(page)
    assert parts.body.startswith("Almera have set Kesh")
    assert parts.body.endswith("Verel, meanwhile, wants to stay in the league for next season.")
    assert "Related Articles" not in parts.body and "Portvale close" not in parts.body


def test_a_list_of_teasers_is_no_headline_over_a_standfirst():
    """Lines of a list of teasers, each headline-shaped, are not a headline and
    its standfirst: the last teaser over the byline stays the best guess."""
    page = (
        _MENU + "Ferry fares rise for the third year running\nSchools in Kesh close early for the winter\n"
        "Tram line to the airport opens on Monday morning\n"
        "Debt interest will soon cost more than the coastguard, the budget office says\n"
        "By Mira Castell\nMarch 3, 2026\n\n" + _HALF_ONE + _HALF_TWO
    )
    assert parse_page_text(page).title == "Debt interest will soon cost more than the coastguard, the budget office says"


def test_a_short_standfirst_sentence_under_the_headline_leads_on_to_its_byline():
    """A standfirst of a few words ("Same boats, new crews.") between the
    headline and its byline: the headline is still over the byline, and a
    footer menu printed three times, over the breadcrumbs and the reading
    time, is not the headline."""
    menu = "About Press Terms Contact Us\n"
    page = ("Regatta\nSailing\nRowing\n" + menu + "Clubs\nEvents\n" + menu + "Home Sailing Regatta\n7-minute read\n"
            "Almera wins its third harbour regatta title in a row!\nSame boats, new crews.\n"
            "By Mira Castell March 3, 2026 7:18 pm\nShare Article\n\n"
            "Almera's sailing club won the harbour regatta for the third year running on Sunday, beating "
            "the crews of Portvale and Kesh in the final race after a day of light and shifting winds.\n\n"
            "The club's captain said the title had been won by a crew that was mostly new this season, "
            "with four of its six sailors racing the regatta for the first time.\n\n"
            "Portvale led after the morning races, but a late change of wind in the afternoon let Almera "
            "pass them on the last leg of the course and cross the line a minute ahead.\n\nRelated\n" + menu)
    parts = parse_page_text(page)
    assert parts.title == "Almera wins its third harbour regatta title in a row!"
    assert parts.byline == "Mira Castell"


@pytest.mark.parametrize("crumbs", ["Photo Gallery» NEWS", "Front Page > Economy", "Economy › Harbour"])
def test_breadcrumbs_between_the_headline_and_its_date_are_not_the_headline(crumbs):
    """A path of sections ("Photo Gallery» NEWS", "Front Page > Economy") under
    the headline sits nearer the date line than the headline does; it is not
    the headline. Words in »quotes« or «guillemets» are no such path."""
    for title in ("Treasury: «Debt interest will soon cost more than the coastguard»",
                  "Treasury: »Debt interest will soon cost more than the coastguard«"):
        page = _MENU + title + "\n" + crumbs + "\nTuesday 3 March 2026 by Mira Castell\n" + _HALF_ONE + _HALF_TWO
        assert parse_page_text(page).title == title


@pytest.mark.parametrize("line", [
    "Par : Mira Castell | Almera", "Por Mira Castell Publicado Mar 3, 2026", "martedì 3 marzo 2026 di Mira Castell",
])
def test_a_byline_in_another_language_is_the_byline(line):
    """"By" in other languages (par, por, di, von ...) with a colon, a date or a
    separator beside the name: the line is the byline, not the headline."""
    page = _MENU + "Debt interest will soon cost more than the coastguard\n" + line + "\n\n" + _HALF_ONE + _HALF_TWO
    parts = parse_page_text(page)
    assert parts.title == "Debt interest will soon cost more than the coastguard"
    assert parts.byline == "Mira Castell"


@pytest.mark.parametrize("line", [
    "von Mira Castell", "por Mira Castell", "Von Mira Castell am 3. März 2026 um 11:14 Uhr",
    "von Mira Castell am Dienstag, 3. März 2026", "Veröffentlicht am 3. März 2026 von Mira Castell",
    "Geschrieben von Mira Castell", "Posted on 3 March 2026 by Mira Castell",
])
def test_a_byline_in_another_language_without_colon_or_separator_is_the_byline(line):
    """"by" written in small letters ("von Mira Castell": no headline opens
    with a small letter), a name dated with German "am" and its weekday, a
    blog's "Veröffentlicht am <date> von <name>", "Geschrieben von": the
    byline, and the headline above it stays."""
    page = _MENU + "Debt interest will soon cost more than the coastguard\n" + line + "\n\n" + _HALF_ONE + _HALF_TWO
    parts = parse_page_text(page)
    assert parts.title == "Debt interest will soon cost more than the coastguard"
    assert parts.byline == "Mira Castell"


@pytest.mark.parametrize("line", ["von der Küste bis zum Hafen", "von Almera Nach Kesh Und Zurück Mit Dem Rad"])
def test_a_small_von_before_words_that_are_no_name_is_no_byline(line):
    """Small "von" counts only before a person's name: two to four
    capitalised words and nothing else."""
    page = _MENU + "Debt interest will soon cost more than the coastguard\n" + line + "\n\n" + _HALF_ONE + _HALF_TWO
    assert parse_page_text(page).byline is None


@pytest.mark.parametrize("above", ["Send us your story tips today", "Read our weekly harbour newsletter"])
def test_a_headline_printed_twice_in_a_row_is_the_headline(above):
    """A page that sets its headline twice (for wide and narrow screens)
    copies as two equal lines; a short headline so printed is still the
    headline, not a prompt above it, while a menu's entries repeated apart
    (header and footer) stay links."""
    head = "Harbour levy passes council"
    page = ("Home\nNews\nHarbour Notes\nSport\n" + above + "\nFacebook\nTwitter\nPrint\nEmail\nHarbour Notes\n"
            + head + "\n" + head + "\nThe council voted for a levy on harbour berths on Tuesday, its first in ten years.\n"
            "03.03.2026 11:46\n" + _HALF_ONE + "\n\n" + _HALF_TWO + "\n\nHome\nNews\nHarbour Notes\nSport\n")
    assert parse_page_text(page).title == head


def test_a_headline_opening_with_a_foreign_by_word_is_still_the_headline():
    """Without a colon, date or separator, "Von", "Di" or "Par" opening a line
    is a name or a word of the headline ("Von Miller ...")."""
    page = _MENU + "Von Miller Joins The Almera Harbour Club\nBy Mira Castell\nMarch 3, 2026\n\n" + _HALF_ONE + _HALF_TWO
    parts = parse_page_text(page)
    assert parts.title == "Von Miller Joins The Almera Harbour Club"
    assert parts.byline == "Mira Castell"


def test_a_photo_credit_via_an_agency_is_not_the_headline():
    """"Jan Orlo via Getty Images" over the article is the credit of its
    picture: it is neither the headline nor a paragraph of the body."""
    page = (_MENU + "Debt interest will soon cost more than the coastguard\nShare\nTweet\n"
            "Jan Orlo via Getty Images\n\n" + _HALF_ONE + _HALF_TWO)
    parts = parse_page_text(page)
    assert parts.title == "Debt interest will soon cost more than the coastguard"
    assert "Getty" not in parts.body


def test_a_headline_under_its_date_line_and_right_over_the_article_is_the_headline():
    """Some pages print the byline and date over the headline and the article
    right under it; the label of a widget above the byline is not the headline."""
    page = (_MENU + "Almera Courier Weather Radar Maps\nWeather\nBy Mira Castell\nPublished March 3, 2026 1:34 pm\n"
            "Debt interest will soon cost more than the coastguard\n" + _HALF_ONE + _HALF_TWO)
    parts = parse_page_text(page)
    assert parts.title == "Debt interest will soon cost more than the coastguard"
    assert parts.date == "2026-03-03" and parts.byline == "Mira Castell"


# --------------------------------------------------------------------------
# The outlet of pages from other sites (round 17): section labels and menus
# printed twice are not the site; the masthead printed again in the footer is.

_SECTIONS = "Portada\nDeportes\nEconomía\nCultura\nOpinión\n\n"


def test_a_menu_printed_at_the_top_and_again_at_the_bottom_does_not_name_the_site():
    """A section label on a line of its own at the top and again near the
    end, as a menu printed twice, is no evidence of the site's name."""
    page = ("Deportes\nEconomía\nCultura\n\n" + _MENU + "Debt interest will soon cost more than the coastguard\n"
            "By Mira Castell\nMarch 3, 2026\n\n" + _HALF_ONE + _HALF_TWO + "\n" + _SECTIONS + "Aviso legal\n")
    assert parse_page_text(page).outlet_hint is None


def test_the_masthead_printed_again_beside_the_copyright_names_the_site_over_its_owner():
    """"Almera Courier" as the page's first line and again over the footer's
    copyright notice is the site, though the notice and a link name the owner."""
    page = ("Almera Courier\n" + _MENU + "Debt interest will soon cost more than the coastguard\n"
            "By Mira Castell\nMarch 3, 2026\n\n" + _HALF_ONE + _HALF_TWO + "\n" + _SECTIONS
            + "More from Varen Press\nAlmera Courier\n"
            "Copyright ©2026 Varen Press & Company, Inc. All Rights Reserved.\nTerms of Use\n")
    assert parse_page_text(page).outlet_hint == "Almera Courier"


@pytest.mark.parametrize("notice, name", [
    ("© Thu Mar 05 10:10:50 GMT-03:00 2026 O Correio. Todos os direitos reservados.", "O Correio"),
    ("Tous droits réservés © 2026 Le Courrier d'Almera", "Le Courrier d'Almera"),
    ("Breaking Almera Copyright © 2026", "Breaking Almera"),
    ("Copyright © 2009- Courier.ar", "Courier.ar"),                      # an open range of years
    ("Copyright © 2026, Almera Courier | Terms of Service", "Almera Courier"),
    ("© 2001 - 2026 «Курьер Алмеры»", "Курьер Алмеры"),                 # Cyrillic, in guillemets
    ("© 2026 ИА «Алмера»", "Алмера"),                                    # the name after its kind
    ("COPYRIGHT© Almera Courier. ALL RIGHTS RESERVED", "Almera Courier"),  # no year, but the reservation
    ("Copyright Diario de Almera. Todos los derechos reservados.", "Diario de Almera"),
    ("Copyright © 2026 - Designed by Varen Web", None),                  # the web designer's credit
])
def test_the_copyright_notice_in_other_languages_and_shapes(notice, name):
    """"All rights reserved" in other languages is never the name, and a year
    before the name (with a date and time before it) still gives it; the word
    "Copyright" run into the name is not part of it. Years and name may be
    apart by a comma, a dash or guillemets; names are in any alphabet with
    capitals and may have "de"; without a year, a notice that reserves the
    rights is the site's (a bare "© Jan Orlo" credits a photo)."""
    page = (_MENU + "Debt interest will soon cost more than the coastguard\nBy Mira Castell\nMarch 3, 2026\n\n"
            + _HALF_ONE + _HALF_TWO + "\nContacto\nAviso legal\n" + notice + "\n")
    assert parse_page_text(page).outlet_hint == name


@pytest.mark.parametrize("line, name", [
    ("Follow The Almera Courier on", "The Almera Courier"),
    ("Subscribe to Almera Courier’s newsletter for the morning briefing", "Almera Courier"),
    ("Follow Us On Facebook", None),
])
def test_a_cue_keeps_the_name_only(line, name):
    """The connector after a name ("... on"), a possessive before a noun,
    and the "Us" of a "Follow Us" button are not the site's name."""
    page = (_MENU + "Debt interest will soon cost more than the coastguard\nBy Mira Castell\nMarch 3, 2026\n\n"
            + _HALF_ONE + _HALF_TWO + "\n" + line + "\nContact\n")
    assert parse_page_text(page).outlet_hint == name


def test_a_button_s_words_inside_a_sentence_do_not_name_the_site():
    """"Follow", "Subscribe to", "Sign up for" name the site on a button or a
    link of their own, not inside a sentence of the article."""
    page = (_MENU + "Debt interest will soon cost more than the coastguard\nBy Mira Castell\nMarch 3, 2026\n\n"
            + _HALF_ONE + "Savers who want the new bond can sign up for Varen Direct, the treasury's own "
            "platform, or buy it through a bank, the ministry said on Tuesday.\n\n" + _HALF_TWO
            + "\nContact\n")
    assert parse_page_text(page).outlet_hint is None


def test_told_a_person_is_not_told_the_site():
    """"told Orlo" names a person when the article also calls him "Jan Orlo";
    "told The Almera Courier" still names the site."""
    quote = ("\n\nThe treasury expects the bill to rise again next year, Jan Orlo, its chief economist, "
             "said at a hearing. \"We cannot cut our way out of this,\" the minister told Orlo.\n\n")
    page = (_MENU + "Debt interest will soon cost more than the coastguard\nBy Mira Castell\nMarch 3, 2026\n\n"
            + _HALF_ONE + quote + "A spokesman for the finance committee told Orlo: \"The vote is on Monday.\""
            "\n\n" + _HALF_TWO + "\nContact\n")
    assert parse_page_text(page).outlet_hint is None
    assert parse_page_text(page.replace("told Orlo", "told The Almera Courier")).outlet_hint == "The Almera Courier"


@pytest.mark.parametrize("word", ["PUBLICIDADE", "Rechercher", "Anmelden", "Accueil", "Advertisement"])
def test_an_interface_word_at_the_top_and_in_the_footer_is_not_the_site(word):
    """An advertisement slot, a search or a log-in button, in any of a few
    languages, printed as the first line and again in the footer."""
    page = (word + "\n" + _MENU + "Debt interest will soon cost more than the coastguard\nBy Mira Castell\n"
            "March 3, 2026\n\n" + _HALF_ONE + _HALF_TWO + "\nContacto\nAviso legal\n" + word + "\n")
    assert parse_page_text(page).outlet_hint is None


@pytest.mark.parametrize("heading", [
    "3 thoughts on “Debt interest will soon cost more than the coastguard”",
    "2 Gedanken zu „Debt interest will soon cost more than the coastguard“",
    "Eine Antwort auf „Debt interest will soon cost more than the coastguard“",
    "4 réponses à « Debt interest will soon cost more than the coastguard »",
])
def test_a_blogs_comments_headed_with_the_posts_title_are_not_the_article(heading):
    """A blog's comments open under a heading that quotes the post's title
    ("3 thoughts on “Title”", in the blog's language): the article ends there,
    and the heading is not the headline."""
    comments = (
        "Ana Roe says:\nMarch 4, 2026\n\nI never thought about the coastguard this way, but the numbers are "
        "striking and I would like to see how they compare with other countries in the region.\n\n"
        "Jan Orlo says:\nMarch 4, 2026\n\nThe interest bill has been rising for years and nobody in the "
        "council wanted to talk about it before the election, so this is a welcome change of tone.\n\n"
    )
    page = (_MENU + "Debt interest will soon cost more than the coastguard\nBy Mira Castell\nMarch 3, 2026\n\n"
            + _HALF_ONE + _HALF_TWO + heading + "\n\n" + comments + "Leave a Reply\n")
    parts = parse_page_text(page)
    assert parts.title == "Debt interest will soon cost more than the coastguard"
    assert parts.body.startswith("The Ardelian treasury")
    assert "coastguard”" not in parts.body and "coastguard“" not in parts.body and "Jan Orlo" not in parts.body


def test_a_cookie_dialog_after_the_footer_is_not_the_article():
    """A copy ends with what the page lays over itself (a cookie or log-in
    dialog): after the site's copyright notice, it is not the article, even
    when it is longer and in another language than the article."""
    dialog = (
        "Ce site utilise des cookies pour améliorer votre expérience pendant que vous naviguez sur "
        "le site. Les cookies classés comme nécessaires sont stockés dans votre navigateur.\n\n"
        "Nous utilisons également des cookies tiers qui nous aident à analyser et à comprendre "
        "comment vous utilisez ce site, et ils ne sont stockés qu'avec votre consentement.\n\n"
        "Vous pouvez refuser ces cookies, mais refuser certains d'entre eux peut avoir un effet sur "
        "votre expérience de navigation et sur le fonctionnement de certaines pages du site.\n\n"
        "Les cookies nécessaires sont absolument essentiels au bon fonctionnement du site, et cette "
        "catégorie ne comprend que ceux qui assurent les fonctions de base et la sécurité.\n\n"
        "Les autres cookies, qui ne sont pas nécessaires au fonctionnement du site, servent à "
        "collecter des données personnelles par des analyses, des publicités et d'autres contenus.\n\n"
    )
    for notice in ("© 2026 The Almera Courier. All rights reserved.",
                   # (the word instead of the sign, a range of years, the designer's credit beside it)
                   "Copyright 2001 - 2026 Almera Courier GmbH | Design & Development: Jan Orlo"):
        page = (_MENU + "Debt interest will soon cost more than the coastguard\nBy Mira Castell\nMarch 3, 2026\n\n"
                + _HALF_ONE + _HALF_TWO + "Contact\nTerms of Use\n" + notice + "\n"
                "Close\nPrivacy Overview\n\n" + dialog)
        parts = parse_page_text(page)
        assert parts.body.startswith("The Ardelian treasury") and "cookies" not in parts.body, notice
    assert parts.title == "Debt interest will soon cost more than the coastguard"


@pytest.mark.parametrize("top, name", [
    ("Courier.ar\nVaren.ar\n", "Courier.ar"),   # the masthead first, the owner's network after it
    ("Informe.pdf\n", None),                   # a file's name is not a domain
])
def test_a_domain_opening_the_page_is_its_masthead(top, name):
    """A domain with a country's ending, alone on one of the page's first
    lines, is the masthead; the first of two is the site's."""
    page = (top + _MENU + "Debt interest will soon cost more than the coastguard\nBy Mira Castell\n"
            "March 3, 2026\n\n" + _HALF_ONE + _HALF_TWO + "\nContacto\nAviso legal\n")
    assert parse_page_text(page).outlet_hint == name


def test_a_thread_of_comments_longer_than_the_article_is_not_the_article():
    """Readers' comments, each paragraph under a dated name line, come after
    the article: they are not kept even when they are longer than it."""
    names = ["Teo Marsh", "Ana Ruiz", "Lio Varga", "Sela Dunn"]
    comment = ("The interest bill was always going to overtake the coastguard once rates rose, and anyone "
               "who read the budget office's forecasts two years ago could have said so at the time. "
               "What matters now is whether the spring plan cuts spending or raises taxes, and by how much.")
    thread = "".join(f"{name} · March {3 + k}, 2026 at 9:{10 + k} AM\n{comment}\nReport\nReply\n"
                     for k, name in enumerate(names))
    page = (_MENU + "Debt interest will soon cost more than the coastguard\nBy Mira Castell\nMarch 3, 2026\n\n"
            + _HALF_ONE + _HALF_TWO + "Share this:\nRelated\nThere are 4 comments\n" + thread)
    parts = parse_page_text(page)
    assert parts.body.startswith("The Ardelian treasury") and "anyone who read" not in parts.body
    assert parts.title == "Debt interest will soon cost more than the coastguard"


# --------------------------------------------------------------------------
# An article cut in two by a box with no marker; what is not the article

_PART_ONE = (
    "The Ardelian treasury will pay more in interest on its debt next year than it spends on "
    "the coastguard, the budget office said on Tuesday, after two years of rising rates and a "
    "budget that borrowed more than any since the crisis a decade ago.\n\n"
    "Officials in Almera said the shift would leave less room for new spending on ports and rail, "
    "and that the next government would find it harder to respond to a downturn than the last one did.\n\n"
)
_BOXES = {
    "gallery": "1 of 12\nFull screen\nSkip ad\n×\nThe harbour at Portvale\nView photos\nBuy photo\n\n",
    "share buttons": "Share\nFacebook\nTwitter\nWhatsApp\nEmail\nCopy link\n\n",
    "more about": ("More about the budget\nPort levy to rise in April\nMarch 1, 2026\n"
                   "Rail fares frozen for a year\nFebruary 27, 2026\nWhat the office expects\n\n"),
    "announced list": ("The budget office ranked next year's costs as follows:\n1. Pensions\n2. Health\n"
                       "3. Schools\n4. Interest\n5. Coastguard\n6. Rail\n\n"),
    "box then highlights": ("More on the Ardelian budget\nWatch live: the finance minister answers questions\n"
                            "Port levy to rise in April, authority says\nRail fares frozen for a year in Almera\n"
                            "Coastguard to buy two new patrol boats\nMore in the Ardelian budget\n"
                            "Here are the main points of the forecast:\nInterest comes first\n\n"),
}


@pytest.mark.parametrize("box", sorted(_BOXES))
def test_an_article_cut_by_a_gallery_teaser_box_or_announced_list_stays_one_article(box):
    """A photo gallery's controls, share buttons, a box of teasers or a list
    that a sentence announces with a colon print only short lines, more than
    a run of prose bridges, so the article fell in two and the longer half,
    without the headline above it, was kept. No marker ends the article there
    and no new story's head (byline, date line) opens the second half: one
    article, without the box's lines."""
    page = (_MENU + "Debt interest will soon cost more than the coastguard\nBy Mira Castell\n"
            "March 3, 2026\n\n" + _PART_ONE + _BOXES[box] + _HALF_TWO + "Related\nMore from the Courier\n")
    parts = parse_page_text(page)
    assert parts.title == "Debt interest will soon cost more than the coastguard"
    assert parts.body.startswith("The Ardelian treasury will pay more")
    assert parts.body.rstrip().endswith("each of the next ten years.")
    assert "Full screen" not in parts.body and "Rail fares frozen" not in parts.body
    assert "Pensions" not in parts.body and "WhatsApp" not in parts.body


@pytest.mark.parametrize("block", [
    _BOXES["announced list"],
    # A table with a "Comment" column is no comment form.
    "The office listed the changes as follows:\nCost\nChange\nComment\nPensions\nup a tenth\nindexed\n"
    "Interest\nup a third\nrates\n\n",
])
def test_a_short_ending_after_an_announced_list_is_still_the_article(block):
    """After a list the article announces ("... as follows:"), the article
    may end with one paragraph, too short to count as article text of its
    own: the sentence announcing the list says the article goes on."""
    page = (_MENU + "Debt interest will soon cost more than the coastguard\nBy Mira Castell\n"
            "March 3, 2026\n\n" + _PART_ONE + _HALF_TWO + block
            + "The office said the order would change within two years if rates stay where they are, "
            "with interest moving up to third place.\n\nRelated\nMore from the Courier\n")
    parts = parse_page_text(page)
    assert parts.body.startswith("The Ardelian treasury will pay more")
    assert parts.body.rstrip().endswith("with interest moving up to third place.")
    assert "Pensions" not in parts.body and "indexed" not in parts.body


_OTHER_STORY = (
    "The port authority said on Monday that the levy on cargo landed at Portvale would rise "
    "by a tenth in April, the first rise in six years, to pay for dredging the outer channel.\n\n"
    "Shipping agents in Almera said the rise would be passed on to importers within weeks, and "
    "that smaller lines might move their calls to the free harbour at Kesh instead.\n\n"
    "The authority's chair said the channel had not been dredged since the new container berth "
    "opened, and that larger ships had twice run aground on the bar at low tide this winter.\n\n"
)


@pytest.mark.parametrize("head, after", [
    ("Port levy to rise in April\n5:28 p.m.\n", _OTHER_STORY),           # a stream of posts: headline, time
    ("Port levy to rise in April\nBy Tomas Verel\n", _OTHER_STORY),      # the next story's byline
    ("View comments (12)\nYour name *\nComment *\nPost\n", _OTHER_STORY),  # a comment form
    ("Port levy to rise in April\nRail fares frozen for a year\n", _PART_ONE + _HALF_TWO),  # printed again
])
def test_a_second_story_or_the_comments_after_a_short_gap_are_not_joined(head, after):
    """What follows share buttons and a few short lines under the article is
    not always more of it: the next post of a stream under its headline and
    time, the next story under its byline, readers' comments under the
    comment form, or the same article printed a second time."""
    page = (_MENU + "Debt interest will soon cost more than the coastguard\nBy Mira Castell\n"
            "March 3, 2026\n\n" + _PART_ONE + _HALF_TWO + _BOXES["share buttons"] + head + "\n" + after)
    parts = parse_page_text(page)
    assert parts.body.startswith("The Ardelian treasury will pay more")
    assert "levy on cargo" not in parts.body and "Shipping agents" not in parts.body
    assert parts.body.count("Interest payments have grown") == 1

def test_a_list_of_other_stories_ends_the_article_before_the_bio_and_the_sites_blurb():
    """Under the article, "More Great Stories" and six headlines, then a
    promotion, the writer's bio and the site's blurb: prose of article length
    after a few short lines, but a list of that many other stories ends the
    article."""
    page = (_MENU + "Debt interest will soon cost more than the coastguard\nBy Mira Castell\n"
            "March 3, 2026\n\n" + _PART_ONE + _HALF_TWO + "More Great Courier Stories\n"
            "Port levy to rise in April, authority says\nRail fares frozen for a year in Almera\n"
            "Coastguard to buy two new patrol boats\nFerry timetable changes for the winter\n"
            "Almera council approves the harbour plan\nWhy the outer islands are losing their doctors\n\n"
            "Want the best gear for the coast path? Check out our team's picks for boots, jackets and maps "
            "for every season on the islands.\n\n"
            "Mira Castell is a staff writer at the Courier covering the treasury, the ports and the "
            "assembly. She was formerly an editor at the Kesh Weekly and a reporter in Portvale, where "
            "she wrote about the harbour, the ferries and the fishing fleet for six years.\n\n"
            "The Courier is where Ardelia reads its news. It is the essential source of reporting and "
            "analysis on politics, business and the islands, published in Almera since 1921 and read "
            "in every town of the country, in print, online and on the radio every morning.\n\n")
    parts = parse_page_text(page)
    assert parts.body.rstrip().endswith("each of the next ten years.")


def test_a_list_of_teasers_longer_than_the_article_is_not_the_article():
    """Under the article, a box of teasers for other stories: each a headline
    line and a one-sentence snippet. It holds more text than a short article,
    so it was kept instead; most of its paragraphs sit under a headline line
    of their own and are short, which an article's sections are not."""
    teasers = "".join(
        f"{title}\n{snippet}\n" for title, snippet in [
            ("Port levy to rise in April", "The port authority says the levy on cargo landed at Portvale "
             "will rise by a tenth, the first rise in six years, to pay for dredging the outer channel."),
            ("Rail fares frozen for a year", "Commuters between Almera and Kesh will pay the same next year "
             "after the transport board agreed to freeze fares until the new timetable starts."),
            ("Coastguard to buy two patrol boats", "The service says the boats will replace vessels that "
             "are more than thirty years old and will be based at the northern stations from next summer."),
            ("Ferry timetable changes for the winter", "Sailings to the outer islands will drop to two a day "
             "from November, the operator said, citing the cost of fuel and a shortage of crew."),
            ("Almera council approves harbour plan", "Councillors voted by a wide margin to back a plan for "
             "new berths and a fish market on the old quay, which will now go to the ministry for approval."),
        ])
    page = (_MENU + "Debt interest will soon cost more than the coastguard\nBy Mira Castell\n"
            "March 3, 2026\n\n" + _PART_ONE + "Officials declined to say which programmes could be cut to "
            "pay the bill, and the finance minister will answer questions in the assembly on Thursday.\n\n"
            + "Share\nFacebook\nTwitter\nWhatsApp\nEmail\nCopy link\n\nMore news from Ardelia\n" + teasers)
    parts = parse_page_text(page)
    assert parts.title == "Debt interest will soon cost more than the coastguard"
    assert parts.body.startswith("The Ardelian treasury will pay more")
    assert "levy on cargo" not in parts.body and "Port levy" not in parts.body


def test_a_thread_of_comments_of_several_paragraphs_each_is_not_the_article():
    """Readers' comments that run to several paragraphs: only the first
    paragraph of each sits under the commenter's name and date, so fewer than
    half the paragraphs do. Counted by comment (paragraphs printed one after
    the other), most are under a dated name line: a thread, not the article."""
    long_comment = (
        "The interest bill was always going to overtake the coastguard once rates rose, as the forecasts showed.\n"
        "What matters now is whether the spring plan cuts spending or raises taxes, and by how much.\n"
        "I would rather see the ports levy raised than the coastguard cut, since the boats are already old.\n")
    short_comment = "Nobody in the assembly wants to say which programme goes first, that is the problem.\n"
    thread = "".join(f"{name}\nMarch {4 + k}, 2026 at 9:{10 + k} AM\n"
                     + (long_comment if k % 2 == 0 else short_comment) + "Reply\n"
                     for k, name in enumerate(["Teo Marsh", "Ana Ruiz", "Lio Varga", "Sela Dunn", "Ivo Brandt"]))
    page = (_MENU + "Debt interest will soon cost more than the coastguard\nBy Mira Castell\nMarch 3, 2026\n\n"
            + _PART_ONE + "Officials declined to say which programmes could be cut.\n\n"
            + "Share this:\nRelated\nThere are 5 comments\n" + thread)
    parts = parse_page_text(page)
    assert parts.body.startswith("The Ardelian treasury") and "forecasts showed" not in parts.body
    assert parts.title == "Debt interest will soon cost more than the coastguard"


def test_a_thread_split_into_one_run_per_comment_is_not_the_article():
    """Each comment under the time it was posted ("2 days ago at 07:52 am"),
    a line that ends a run of prose: the thread falls into one run per
    comment, none a thread on its own, and the longest comment outweighed a
    short article. Three runs or more that each open under such a line are
    the comments."""
    long_comment = ("I would rather see the ports levy raised than the coastguard cut, since the boats are "
                    "already old and the northern stations have waited years for new ones. " * 4 + "\n")
    comments = ["The interest bill was always going to overtake the coastguard once rates rose.\n",
                "Nobody in the assembly wants to say which programme goes first, that is the problem.\n",
                long_comment,
                "The spring plan will decide it, and the budget office has said as much already.\n"]
    thread = "".join(f"{name}\n{k + 1} days ago at 0{k + 7}:52 am\n{c}Rating: {9 - k} Votes\n"
                     for k, (name, c) in enumerate(zip(["Teo Marsh", "Ana Ruiz", "Lio Varga", "Sela Dunn"],
                                                       comments)))
    page = (_MENU + "Debt interest will soon cost more than the coastguard\nBy Mira Castell\nMarch 3, 2026\n\n"
            + _PART_ONE + "Officials declined to say which programmes could be cut.\n\n"
            + "[ 4 comments ]\nTop Rated Comments\n(View all)\n" + thread)
    parts = parse_page_text(page)
    assert parts.title == "Debt interest will soon cost more than the coastguard"
    assert parts.body.startswith("The Ardelian treasury") and "northern stations" not in parts.body


def test_a_sidebar_of_long_headlines_above_the_article_is_not_the_article():
    """A "Top stories" sidebar printed above the article: headlines long
    enough to read as prose, more text than a short article, and before it,
    so no article precedes it. Headlines close no sentence; an article's
    paragraphs do."""
    sidebar = "".join(f"{h}\n" for h in [
        "Port authority now WON'T vote on the contested levy plan on Monday as the big lines try to drag the rebels into line",
        "'It's getting quite rough behind the scenes': harbour master says small ferries will be pushed into sailing again this winter",
        "How the coastguard will spend its week of drills ahead of the storm season  Crews return to the site of the 2019 rescue",
        "Almera council insists it 'will not be rushed into a decision' as it comes out fighting over the harbour plan",
        "The pariah of the ferry strike: Kesh captain REFUSES to return to the bridge and gives up wages after a vote",
        "Rail board chief says commuters will need a full month of notice before the new timetable and the fares freeze start",
    ])
    page = (_MENU + "TOP STORIES\n" + sidebar + "\nAdvertisement\n" + _BOXES["share buttons"]
            + "Debt interest will soon cost more than the coastguard\n"
            "By Mira Castell\nMarch 3, 2026\n\n" + _PART_ONE + "Related\nMore from the Courier\n")
    parts = parse_page_text(page)
    assert parts.title == "Debt interest will soon cost more than the coastguard"
    assert parts.body.startswith("The Ardelian treasury") and "Port authority" not in parts.body


def test_a_writers_rank_under_the_name_is_not_a_desk_byline():
    """"Contributing Correspondent" under the writer's name is a job title; a
    desk's byline names a place or a topic ("Kesh Bureau")."""
    page = (_MENU + "Debt interest will soon cost more than the coastguard\nRead Later\nMira Castell\n"
            "Contributing Correspondent\nMarch 3, 2026\n\n" + _PART_ONE + _HALF_TWO)
    assert parse_page_text(page).byline == "Mira Castell"
    page = (_MENU + "Debt interest will soon cost more than the coastguard\nKesh Bureau\n"
            "March 3, 2026\n\n" + _PART_ONE + _HALF_TWO)
    assert parse_page_text(page).byline == "Kesh Bureau"


def test_a_notice_over_the_headline_and_byline_is_not_the_article():
    """A short paragraph of the site's (an affiliate notice) over the
    breadcrumbs, headline and byline: a run of prose bridges those few short
    lines, so the kept run opened with the notice and the headline was looked
    for above it, among the menus. The article starts under the byline."""
    page = (_MENU + "The Courier is supported by its readers. When you buy through links on our site, "
            "we may earn a commission.\nHome News Harbour\n"
            "Debt interest will soon cost more than the coastguard\nBy Mira Castell, Tomas Verel\n\n"
            + _PART_ONE + _HALF_TWO + "Related\nMore from the Courier\n")
    parts = parse_page_text(page)
    assert parts.title == "Debt interest will soon cost more than the coastguard"
    assert parts.body.startswith("The Ardelian treasury will pay more")
    assert parts.byline == "Mira Castell, Tomas Verel"


def _page_with_footer(footer: str, top: str = "") -> str:
    return (top + _MENU + "Debt interest will soon cost more than the coastguard\nBy Mira Castell\n"
            "March 3, 2026\n\n" + _HALF_ONE + _HALF_TWO + "\nContact\nTerms of Use\n" + footer)


def test_the_imprint_with_its_street_address_names_the_site_over_its_owner():
    """A footer line giving a name and then a street address with a postal
    code is the publisher's imprint: the site, though the copyright names the
    company that owns it (and many other sites)."""
    page = _page_with_footer("The Almera Courier ~ 12 Harbour Rd., Portvale, ME 04999 ~ Privacy Policy\n"
                             "© Varen Press Co., Inc. 2026. All rights reserved.\nVaren Publications\n")
    assert parse_page_text(page).outlet_hint == "The Almera Courier"


@pytest.mark.parametrize("cue", ["Advertise with The Almera Courier", "DOWNLOAD Almera24 APP"])
def test_a_site_named_by_a_cue_outweighs_a_company_in_the_copyright(cue):
    """A company's legal form after the holder's name ("Varen, Holt & Co.
    Ltd.", cut at the comma) marks an owner: the name an "Advertise with" link
    or an app's download button gives, and the page prints again, wins over it."""
    name = cue.removeprefix("Advertise with ").removeprefix("DOWNLOAD ").removesuffix(" APP")
    footer = cue + f"\nLetters to {name}\nPart of Varen\nCopyright © 2026 Varen, Holt & Co. Ltd. All rights reserved.\n"
    assert parse_page_text(_page_with_footer(footer)).outlet_hint == name
    # With no other name on the page, the company is still the best the page gives.
    assert parse_page_text(_page_with_footer(footer.split("\n", 2)[2])).outlet_hint == "Varen"
    # Without the company's form after the name, the holder is taken for the site.
    assert parse_page_text(_page_with_footer(footer.replace(", Holt & Co. Ltd.", ""))).outlet_hint == "Varen"


@pytest.mark.parametrize("products, outlet", [
    ("Tide Watch App\nTide Watch Store\nTide Watch Jobs and Internships\n", "Tide Watch"),
    ("TW Conference\nTW Pro\nTW Video\n", "TW"),
    # A menu's section over its items, and one product on several lines, are no brand.
    ("Weather\nWeather Maps\nWeather App\nWeather Videos\n", "Varen"),
    ("Live TV\nLive TV Show\n", "Varen"),
])
def test_the_site_s_own_products_name_it_over_the_company_in_the_copyright(products, outlet):
    """A company's copyright ("Varen, Holt & Co. Ltd.") is often the owner's,
    the site's name being only in its logo; the site names two or more of its
    own products by its brand ("Tide Watch App", "Tide Watch Store"), and that
    brand is the site."""
    footer = products + "Privacy Policy\nCopyright © 2026 Varen, Holt & Co. Ltd. All rights reserved.\n"
    assert parse_page_text(_page_with_footer(footer)).outlet_hint == outlet


def test_a_short_form_of_the_holder_s_own_name_on_its_products_is_not_a_rival():
    """"Watch Events", "Watch Store" beside "© The Tide Watch, LLC": the site
    holds its own copyright, and its products' short name does not unseat it."""
    footer = "Watch Events\nWatch Store\nPrivacy Policy\nCopyright © 2026 The Tide Watch, LLC. All rights reserved.\n"
    assert parse_page_text(_page_with_footer(footer)).outlet_hint == "The Tide Watch"


def test_the_company_whose_name_holds_the_masthead_is_its_owner():
    """"EDITORA PUERTO CLARO, S.A." holds "Puerto Claro", the page's first
    line and its staff's address: the site is Puerto Claro, however often the
    company is named."""
    page = _page_with_footer("desk@puertoclaro.com\nUna publicación de EDITORA PUERTO CLARO\n"
                             "Copyright © 2026 EDITORA PUERTO CLARO, S.A. | "
                             "Todos los derechos reservados.\n", top="Puerto Claro\n")
    assert parse_page_text(page).outlet_hint == "Puerto Claro"


def test_a_site_described_as_a_company_s_paper_is_not_the_company():
    """"© 2026 The Almera Courier, a Varen Media newspaper": the words after
    the comma describe the holder, so the site is not taken for an owner and a
    button's "Sign up for Home Delivery" does not beat it."""
    page = _page_with_footer("Letters to The Almera Courier\nJobs at The Almera Courier\n"
                             "© 2026 The Almera Courier, a Varen Media newspaper. All rights reserved.\n"
                             "Sign up for Home Delivery\nHome Delivery: call 555-0100\n")
    assert parse_page_text(page).outlet_hint == "The Almera Courier"


def test_the_footer_the_article_run_reaches_is_not_the_article():
    """The run of text kept as the article may reach the page's footer
    across short lines: from the site's copyright notice on, and the prompts
    between the article's last paragraph and the notice (a subscription
    offer, a comment form, a poll's question), none of it is the article."""
    footer = ("Keywords: treasury, debt, coastguard\n"
              "Advertisements\n"
              "Insure your home. Get a quote\n"
              "Get unlimited access to The Almera Courier starting at just 2 crowns a month.\n"
              "Display Name \tEmail\n"
              "Post your comment\n"
              "Your vote\n"
              "Will the spring plan to cut borrowing be enough to calm the bond markets this year?\n"
              "Yes\tNo\n"
              "About us\tAuthors\t\tJobs\t\tTerms & Conditions\t\tContact us\n"
              "Almera Courier Ltd. Copyright & Disclaimer letters@almeracourier.com\n"
              "This site is best viewed with a recent browser at a screen resolution of 1024x768 or higher.\n"
              "* Prices delayed by 10 minutes or more. All information on this page is provided on an "
              "\"as is\" basis and for information only; kindly consult your adviser before acting on it.\n")
    page = (_MENU + "Debt interest will soon cost more than the coastguard\nBy Mira Castell\nMarch 3, 2026\n\n"
            + _HALF_ONE + _HALF_TWO + footer)
    body = parse_page_text(page).body
    assert body.startswith("The Ardelian treasury")
    assert body.endswith(_HALF_TWO.strip().rsplit("\n\n", 1)[1])


def test_the_site_s_imprint_at_the_end_of_the_page_is_not_the_article():
    """A page's imprint (who publishes it, its registration, address,
    telephone and e-mail lines, the terms for reusing its articles) can be
    longer than a short article: a run holding such a contact block, after
    the article's prose, is not the article."""
    menu = "".join(f"{w}\n" for w in ("Authors", "Editions", "Press centre", "Photos", "Polls", "Blogs",
                                       "Finance", "Advertising", "Subscription", "Jobs", "Contacts"))
    imprint = (
        "Online edition «Almera Courier» courier.ar\n"
        "Registered with the Ardelian press and media authority under the law on mass media of 2019.\n"
        "Registration certificate No. 77 - 51234\n"
        "Founder – Varen Press Holding\n"
        "Address of the editorial office: 46002, Portvale, Harbour Street, 2\n"
        "Editor-in-chief Jan Orlo\n"
        "+7 353 243 11 93\n"
        "desk@courier.ar\n"
        "All rights to the materials published on courier.ar belong to the editorial office and are "
        "protected by the law of Ardelia.\n\n"
        "The materials published on courier.ar may be used only with the written permission of the "
        "holder of the rights and with a direct link to the page from which the material was taken, "
        "placed in the text that reproduces it, before or after the quoted block.\n\n"
        "For readers: the courts of Ardelia have banned the following organisations as extremist, and "
        "their names may appear here only with a note that they are banned, as the law on mass media "
        "requires of every registered edition.\n")
    article = ("The regional government will buy five more cars for its officials, a tender published on "
               "Monday shows, at a cost of nine million crowns.\n\n"
               "Two of the cars must have engines of at least 2.5 litres and leather seats, the tender says.\n\n"
               "The other three must have engines of at least two litres and a sound system with eight "
               "speakers, and all five must be delivered by the end of March.\n\n")
    page = (_MENU + "Officials in Portvale will get five new cars\nMarch 3, 2026 at 05:46, views: 237\n\n"
            + article + "Leave a comment\nMost read\n\n" + menu + imprint)
    parts = parse_page_text(page)
    assert parts.body.startswith("The regional government") and "courier.ar" not in parts.body
    assert parts.title == "Officials in Portvale will get five new cars"


def test_page_furniture_inside_the_article_run_is_not_the_article():
    """Lines the page prints between the article's paragraphs ("Story
    continued below", an app or newsletter prompt, a follow prompt) are no
    subheadings: the article run keeps its headings, not the page's words."""
    furniture = ("Story Continued Below", "Click here to get the Almera Courier app",
                 "Follow Mira Castell on Twitter: @miracastell", "Sign up for daily newsletters")
    paras = _HALF_ONE.strip().split("\n\n") + _HALF_TWO.strip().split("\n\n")
    text = "\n\n".join(p + ("\n\n" + furniture[i] if i < len(furniture) else "") for i, p in enumerate(paras))
    page = _MENU + "Debt interest will soon cost more than the coastguard\nBy Mira Castell\nMarch 3, 2026\n\n" + text
    body = parse_page_text(page).body
    assert body.startswith("The Ardelian treasury")
    assert body.split("\n\n") == paras
    assert not any(f in body for f in furniture)


_PORT_ARTICLE = (
    "Portvale's harbour pilots walked off the job on Monday after talks over night-shift pay broke down, "
    "leaving eleven cargo ships waiting outside the breakwater.\n\n"
    "The pilots' union said the harbour authority had offered a rise of two per cent, a third of what "
    "the pilots asked for, and had refused to pay for the extra night shifts since the spring.\n\n"
    "The authority said the strike was unlawful because the union had given only one day's notice, and "
    "that it would ask the court in Almera to order the pilots back to work on Tuesday.\n\n"
    "Shipping agents said each day of waiting costs the owners of a large ship about forty thousand "
    "crowns, and that two ferries to the islands had been cancelled.\n\n")


def test_the_headline_over_a_shorter_standfirst_is_the_headline():
    """A standfirst printed without a full stop under the headline, shorter
    than it and under menu lines of the same shape, is not the headline: the
    line above it repeats the article's words too, so it is the headline."""
    menu = ("Home\nNews\nLocal news in brief this week\nWeather warnings for the coast\n"
            "Sport results from the weekend\n")
    page = (menu + "Harbour pilots strike over night-shift pay, leaving cargo ships waiting\n"
            "Talks with the harbour authority broke down on Monday\n"
            "By Mira Castell\nMarch 3, 2026\n\n" + _PORT_ARTICLE)
    parts = parse_page_text(page)
    assert parts.title == "Harbour pilots strike over night-shift pay, leaving cargo ships waiting"
    assert parts.byline == "Mira Castell" and parts.date == "2026-03-03"
    assert parts.body.startswith("Portvale's harbour pilots")


def test_a_page_notice_under_the_date_is_not_the_headline():
    """A notice of the page's own between the date and the article (share
    prompts, "links open in a new window") shares no word with the article;
    the headline over the date does."""
    share = "".join(f"Share this with {s}\n" for s in ("Facebook", "Messenger", "Twitter", "Email") * 4)
    page = (_MENU + "Harbour pilots strike over night-shift pay\n3 March 2026\n" + share
            + "These are external links and will open in a new window\n" + share
            + "These are external links and will open in a new window\nClose share panel\n\n" + _PORT_ARTICLE)
    parts = parse_page_text(page)
    assert parts.title == "Harbour pilots strike over night-shift pay"
    assert parts.body.startswith("Portvale's harbour pilots")


def test_a_byline_that_names_the_kind_of_piece_is_a_byline():
    """"Analysis by <name>" and "Opinion by <name>" are bylines, not headlines."""
    for label in ("Analysis", "Opinion", "Commentary"):
        page = (_MENU + "Why the harbour pilots will not be the last to strike this year\n\n"
                f"{label} by Mira Castell, Almera Courier\n\nUpdated 0909 GMT March 3, 2026\n\n" + _PORT_ARTICLE)
        parts = parse_page_text(page)
        assert parts.title == "Why the harbour pilots will not be the last to strike this year", label
        assert parts.byline is not None and parts.byline.startswith("Mira Castell"), label


def test_a_photo_credit_in_brackets_is_no_headline():
    """A photo credit printed as a bracketed line between the standfirst and
    the byline is furniture: the headline above stays the headline."""
    page = (_MENU + "Column: The harbour strike sends a signal about the port's future\n"
            "Harbour pilots walked off the job on Monday.\n"
            "(Ana Lee / Almera Wire)\n"
            "By Mira Castell\nMarch 3, 2026\n\n" + _PORT_ARTICLE)
    parts = parse_page_text(page)
    assert parts.title == "Column: The harbour strike sends a signal about the port's future"


def test_the_article_s_opening_echoes_its_headline_in_unspaced_scripts_too():
    """Words are compared by a short stem, and a script written without
    spaces by its character pairs, so a headline in Japanese or Chinese is
    found in its article's opening as one in English is."""
    from framing.loaders.text import _echo, _stems

    assert _echo("東京で大雨、川が氾濫", _stems("東京では二日続けて大雨が降り、川が氾濫した。")) > 0.5
    assert _echo("会員登録はこちら", _stems("東京では二日続けて大雨が降り、川が氾濫した。")) == 0
    assert _echo("Harbour pilots strike", _stems("The harbour's pilots are striking today.")) == 1


def test_a_company_whose_initials_the_page_goes_by_is_that_name():
    """"© Almera Broadcasting Network" on a page that calls itself "ABN"
    everywhere else: the site is ABN. A site that also prints its full name
    outside the copyright ("Harbour Times", "HT Picks") keeps the full name."""
    page = (_MENU + "Harbour pilots strike over night-shift pay\n\nBy Mira Castell and Teo Marsh, ABN\n\n"
            "March 3, 2026\n\n" + _PORT_ARTICLE + "ABN Films\n\nABN Heroes\n\nWork for ABN\n\n"
            "© 2026 Almera Broadcasting Network. A Varen Media Company. All Rights Reserved.\n\n"
            "ABN Sans ™ & © 2016 Almera Broadcasting Network.\n")
    assert parse_page_text(page).outlet_hint == "ABN"
    page = (_MENU + "Harbour pilots strike over night-shift pay\n\nBy Mira Castell\n\nMarch 3, 2026\n\n"
            + _PORT_ARTICLE + "HT Picks\n\nHT Newsletters\n\nSubscribe to Harbour Times\n\n"
            "© 2026 Harbour Times, LLC. All rights reserved.\n")
    assert parse_page_text(page).outlet_hint == "Harbour Times"


def test_words_before_the_copyright_mark_are_a_name_only_when_capitalised():
    """"All contents © 2026 Harbour Times Group" names Harbour Times, not "All
    contents" (the copyright pattern matches without regard to case)."""
    page = (_MENU + "Harbour pilots strike over night-shift pay\n\nBy Mira Castell\n\nMarch 3, 2026\n\n"
            + _PORT_ARTICLE + "More from Harbour Times\n\nAll contents © 2026 Harbour Times Group LLC. "
            "All rights reserved.\n")
    assert parse_page_text(page).outlet_hint != "All contents"
    assert "Harbour Times" in (parse_page_text(page).outlet_hint or "")


def test_the_publisher_of_someone_s_book_is_not_the_site():
    """A correction naming "the first publisher of Ana M. Lee's novel" names
    no publication: the name goes on into a possessive."""
    page = (_MENU + "Harbour pilots strike over night-shift pay\n\nBy Mira Castell\n\nMarch 3, 2026\n\n"
            + _PORT_ARTICLE + "Ana Lee, who has piloted ships into Portvale for twenty years, wrote a novel "
            "about the harbour; Ana said the strike was the first she had seen.\n\n"
            "Correction, March 4, 2026: This article misidentified the first publisher of "
            "Ana M. Lee’s novel Tidewater. It was Orlo Books.\n\n"
            "© 2026 Harbour Times. All rights reserved.\n")
    assert parse_page_text(page).outlet_hint == "Harbour Times"


def test_the_headline_over_a_long_video_panel_is_still_the_headline():
    """Forty-odd lines of a video player and its playlist between the
    headline and the article: the headline is still found above them."""
    panel = "".join(f"Video {k}\n\n{k}:0{k % 10} - Source: Almera Courier\n\n" for k in range(1, 23))
    page = (_MENU + "Harbour pilots strike over night-shift pay\n\nBy Mira Castell, Almera Courier\n\n"
            "Updated 0909 GMT March 3, 2026\n\n" + panel + _PORT_ARTICLE)
    parts = parse_page_text(page)
    assert parts.title == "Harbour pilots strike over night-shift pay"
    assert parts.body.startswith("Portvale's harbour pilots")


def test_a_count_of_comments_between_headline_and_standfirst_is_furniture():
    """"New, 15 comments" under the headline, then the standfirst and the
    byline: the count is no headline, and the line above it is the headline,
    not the standfirst under it."""
    page = ("Filed under:\n\nPorts\n\nLabour\n\nHarbour pilots strike over night-shift pay, leaving ships waiting\n\n"
            "New, 15 comments\n\nThe first walkout at the port of Portvale in twenty years\n\n"
            "By Mira Castell@miracastell Mar 3, 2026, 7:53pm EST\n\nShare this story\n\n" + _PORT_ARTICLE)
    parts = parse_page_text(page)
    assert parts.title == "Harbour pilots strike over night-shift pay, leaving ships waiting"


def test_a_headline_over_a_line_of_fields_between_bars_is_not_one_wrapped_paragraph():
    """The headline and, right under it with no blank line, "Section |
    date | time | source": the two lines are no paragraph wrapped at a
    fixed width, so the headline stays a line of its own."""
    page = (_MENU + "Harbour pilots strike over night-shift pay in Portvale\n"
            "Ports Labour | March 3, 2026 | 7:53 am | Almera Wire.\n\n" + _PORT_ARTICLE)
    parts = parse_page_text(page)
    assert parts.title == "Harbour pilots strike over night-shift pay in Portvale"
    assert parts.body.startswith("Portvale's harbour pilots")


def test_a_byline_and_date_line_with_an_ordinal_day_under_a_headline_that_opens_the_article():
    """The headline printed twice (cut short, then whole) opens the kept run,
    and under it "Name (@handle) 12 minutes ago Tue 3rd March 2026 | 07:53
    PM": a day written as an ordinal still makes that a date line, so the
    headline is found over it, the date is read from it, and the line is not
    the article's first paragraph."""
    page = (_MENU + "Harbour Pilots Strike Over Night-Shift Pay As Eleven Ships Wait Outside ..\n"
            "Harbour Pilots Strike Over Night-Shift Pay As Eleven Ships Wait Outside Portvale\n\n"
            "Mira Castell (@MiraCastell) 12 minutes ago Tue 3rd March 2026 | 07:53 PM\n\n" + _PORT_ARTICLE)
    parts = parse_page_text(page)
    assert parts.title == "Harbour Pilots Strike Over Night-Shift Pay As Eleven Ships Wait Outside Portvale"
    assert parts.date == "2026-03-03"
    assert parts.body.startswith("Portvale's harbour pilots")


def test_a_dotted_date_line_reads_day_first():
    """"11.02.2026, 17:29 Uhr" under the headline: dates written with dots put
    the day first in every language that writes them so, so the line gives
    11 February even though 11 could be a month; in running text such a date
    still needs a day above 12 (the shared parser does not change)."""
    from framing.loaders.dates import find_date

    page = (_MENU + "Hafenlotsen in Portvale streiken wegen Nachtschichtzulagen\n\n"
            "11.02.2026, 17:29 Uhr\n\n" + _PORT_ARTICLE)
    parts = parse_page_text(page)
    assert parts.title == "Hafenlotsen in Portvale streiken wegen Nachtschichtzulagen"
    assert parts.date == "2026-02-11"
    assert find_date("11.02.2026") is None


@pytest.mark.parametrize("line, day", [
    ("mira_c11.02.2617:29", "2026-02-11"),   # a forum's "11.02.26 17:29" glued to the poster's name
    ("11.02.2026, 17:29 Uhr", "2026-02-11"),  # a four-digit year and its time stay as they are
])
def test_a_two_digit_year_glued_to_its_time_is_this_century(line, day):
    """A forum post's date line copied without its spaces, "11.02.2617:29",
    is a two-digit year and a time, not the year 2617 (or 1912)."""
    page = _MENU + "Hafenlotsen in Portvale streiken wegen Nachtschichtzulagen\n" + line + "\n\n" + _PORT_ARTICLE
    assert parse_page_text(page).date == day


def test_a_date_glued_to_its_time_is_no_date_of_1912():
    """"28.09.1912:44" is 28 September 2019 at 12:44 wherever a date is
    looked for, not a date in 1912."""
    from framing.loaders.dates import find_date, find_dotted_date

    assert find_dotted_date("mira_c28.09.1912:44")[0] == "2019-09-28"
    assert find_date("mira_c28.09.1912:44") is None
    assert find_date("28.09.2019, 12:44")[0] == "2019-09-28"


def test_a_saved_page_s_lines_under_its_headline_give_no_teaser_s_dotted_date():
    """The HTML loader reads the date printed under a known headline from the
    lines down to the article; on a saved page they may run on into a
    teaser's "09.08.2026 u 10:52", whose day and month read either way round:
    only a pasted page's date line reads a dotted date day first."""
    from framing.loaders.text import header_meta

    date, _ = header_meta("Harbour pilots strike over night-shift pay", [
        "Pilots walked off the job on Monday.", "Ports",
        "Ferry timetable changes for the summer season", "09.08.2026 u 10:52"])
    assert date is None


_SHARE_ROW = "Teilen auf Whatsapp Teilen auf Facebook Teilen auf Mastodon Teilen auf Linkedin Teilen per E-Mail"


def test_a_row_of_share_buttons_is_no_headline():
    """The share buttons copied as one line, "Teilen auf X Teilen auf Y ...",
    printed over the article and again under it: repeated and right above the
    article, the row outscored the headline. The same two words open three
    items or more, which a headline never does, so the row is no headline
    (round 25; a structural test, not a list of any language's labels)."""
    page = ("Almera Courier\nHome\nNews\nSport\n\n"
            "Harbour pilots strike over night-shift pay in Portvale\n"
            "3 March 2026 12:07\n" + _SHARE_ROW + "\n" + _PORT_ARTICLE + _SHARE_ROW + "\n")
    parts = parse_page_text(page)
    assert parts.title == "Harbour pilots strike over night-shift pay in Portvale"
    assert parts.body.startswith("Portvale's harbour pilots")


def test_a_menu_glued_into_one_line_is_no_headline():
    """A menu's links copied with no space between them ("PortsFerriesCourts
    and CrimeElections 2026WeatherOpinion") read as a few words, each glued
    from several: three joins of a small letter and the next link's capital
    make it a row of links, not the headline (round 25)."""
    page = ("Almera Courier\nHome\nRegions\n\n"
            "Sections\n"
            "PortsFerriesCourts and CrimeElections 2026WeatherOpinion\n"
            "Notices\n"
            + _PORT_ARTICLE)
    parts = parse_page_text(page)
    assert parts.title is None
    assert parts.body.startswith("Portvale's harbour pilots")


def test_a_share_prompt_under_the_caption_yields_to_the_headline_above():
    """Headline, a photo's caption, then a share prompt right over the
    article: the prompt is the nearest headline-shaped line, but it shares
    no content word with the article's opening while the headline above it
    does; the article echoes its headline, so the headline wins (round 25)."""
    page = ("Almera Courier\nHOME\nPORTS\nCOURTS\nSPORT\n\n"
            "Cargo queue grows at Portvale as walkout drags into its second week\n"
            "04:30 - Source: Courier wires - Photo: Tomas Verel/Almera Courier\n"
            "Spread this story\n"
            + _PORT_ARTICLE)
    parts = parse_page_text(page)
    assert parts.title == "Cargo queue grows at Portvale as walkout drags into its second week"
    assert parts.body.startswith("Portvale's harbour pilots")


#: A fictional story in Hindi (Devanagari has no capital letters).
_HINDI_HEADLINE = "पोर्टवेल में बंदरगाह पायलटों की हड़ताल, ग्यारह जहाज़ बाहर खड़े"
_HINDI_ARTICLE = (
    "पोर्टवेल के बंदरगाह पायलटों ने सोमवार को रात की पाली के वेतन पर बातचीत टूटने के बाद काम बंद कर दिया, "
    "जिससे ग्यारह मालवाहक जहाज़ बाहर खड़े रह गए। पायलटों के संघ ने कहा कि बंदरगाह प्राधिकरण ने दो प्रतिशत "
    "की बढ़ोतरी की पेशकश की थी, जो पायलटों की माँग का एक तिहाई है।\n\n"
    "प्राधिकरण ने कहा कि हड़ताल गैरकानूनी है क्योंकि संघ ने केवल एक दिन का नोटिस दिया था, और वह अल्मेरा की "
    "अदालत से पायलटों को मंगलवार को काम पर लौटाने का आदेश माँगेगा। जहाज़ एजेंटों ने कहा कि हर दिन की देरी से "
    "मालिकों को भारी नुकसान होता है और द्वीपों की दो फ़ेरी रद्द कर दी गई हैं।\n\n")


def test_a_headline_in_a_script_without_capitals_is_a_headline():
    """A Hindi page: the menu, a toolbar copied as one line of cells split by
    tabs, the breadcrumbs, the headline, the byline with its date, the
    article. Devanagari has no capital letters, so "a headline's first word
    has a capital" cannot hold; and two tabs or more make the toolbar a row
    of cells, never a headline (round 25)."""
    toolbar = "\u00a0Search\t\t\u00a0 Courier Hindi\u00a0 Web\t\t\t\u00a0 E-Paper\t|\t\u00a0 Follow us on\t\t\n\t\n"
    page = (toolbar + "बाज़ार\n|\nकंपनियाँ\n|\nअर्थव्यवस्था\n|\nविविध\n"
            "होम\t\tअर्थव्यवस्था\t\tख़बर\n"
            + _HINDI_HEADLINE + "\n"
            "मीरा कास्टेल / अल्मेरा\u00a0March 3, 2026\n" + _HINDI_ARTICLE + toolbar)
    parts = parse_page_text(page)
    assert parts.title == _HINDI_HEADLINE
    assert parts.body.startswith("पोर्टवेल के बंदरगाह")


def test_an_all_capitals_prompt_of_two_sentences_is_no_headline():
    """"GET THE COURIER APP. TAP HERE TO TURN ON ALERTS." over the masthead
    and its date line: all capitals made it pass as Title Case, which may
    hold a full stop; but two sentences are no headline, in capitals or not
    (round 25)."""
    prompt = "GET THE COURIER APP ON YOUR PHONE. TAP HERE TO TURN ON NEWS ALERTS."
    page = (prompt + "\n\nX\n\nAlmera Courier\n1\n \nFriday, March 3, 2026\n"
            "NEWS\nPORTS\nSPORT\nSUBSCRIBE NOW\n\n"
            "Strike. Pilots walk out as the harbour authority refuses to pay for night shifts\n\n"
            + _PORT_ARTICLE)
    parts = parse_page_text(page)
    assert parts.title != prompt
    assert "Portvale's harbour pilots walked off" in parts.body


def test_a_kicker_in_capitals_yields_to_the_headline_under_it():
    """A quote in capitals over the headline ("NOT ON THE AUTHORITY'S
    WATCH" / the headline / its byline and date): the kicker is nearer the
    masthead and was printed larger, and it scored above the headline; a
    line in capitals right over a headline in small letters that the
    article echoes is a kicker, and the headline takes its place (round 25)."""
    page = (_MENU + "PORTS\nCOURTS\n\n"
            "\"NOT ON THE AUTHORITY'S WATCH\"\n\n"
            "Union says pilots will stay out until night shifts are paid\n\n"
            "By Mira Castell | Almera Courier | 03/03/2026 20:02\n\n" + _PORT_ARTICLE)
    parts = parse_page_text(page)
    assert parts.title == "Union says pilots will stay out until night shifts are paid"
    assert parts.body.startswith("Portvale's harbour pilots")


# Round 27 (paste27): where a copied page prints its outlet, beyond the notice.

def test_a_dated_notice_with_a_full_stop_after_the_year_names_its_holder():
    """"Copyright 2026. Portvale Ledger. All Rights Reserved.": the holder
    comes after the year and a full stop; a menu label naming a word of that
    name ("About Ledger") does not win over it by the mentions it shares."""
    footer = "About Ledger\nMore Portvale Ledger\nCopyright 2026. Portvale Ledger. All Rights Reserved.\n"
    assert parse_page_text(_page_with_footer(footer)).outlet_hint == "Portvale Ledger"
    # After the year and a full stop, a sentence is no holder.
    footer = "©Copyright 2001-2026. This site is part of the Varen regional network.\n"
    assert parse_page_text(_page_with_footer(footer)).outlet_hint is None


@pytest.mark.parametrize("line, outlet", [
    ("By Mira Castell, Almera Courier Staff", "Almera Courier"),
    ("By Mira Castell - Almera Courier Contributor", "Almera Courier"),
    ("By Mira Castell | Special to the Almera Courier", "Almera Courier"),
])
def test_the_writer_s_role_at_a_site_names_the_site(line, outlet):
    """"By <writer>, <site> Staff", "<site> Contributor", "Special to the
    <site>": the byline says whom the writer works or wrote for. A button
    inside the page ("Sign up for the Streamly+ bundle") names no site: its
    name runs on into the "+"."""
    page = _page_with_footer("Sign up for the Streamly+ bundle and save\nPrivacy Policy\n").replace(
        "By Mira Castell", line)
    assert parse_page_text(page).outlet_hint == outlet
    assert parse_page_text(_page_with_footer("Sign up for the Streamly+ bundle and save\n")).outlet_hint is None
    # A beat before the role is no site: "Security Correspondent, Almera Courier".
    page = _page_with_footer("Privacy Policy\n").replace(
        "By Mira Castell", "By Mira Castell, Security Correspondent, Almera Courier")
    assert parse_page_text(page).outlet_hint != "Security"


@pytest.mark.parametrize("line", [
    "Almera Courier is published by Varen Press Group, Inc.",
    "Almera Courier is part of Varen Media Ltd, a publisher of regional news.",
])
def test_a_footer_saying_who_publishes_the_site_names_the_site(line):
    """"<site> is published by <company>" / "is part of <company>": the site
    is the subject, the company its owner, whose copyright it outweighs; the
    company must show a company's form, so "Almera Courier is part of a
    network" names no owner and proves nothing."""
    footer = line + "\nCopyright © 2026 Varen Press Group, Inc. All rights reserved.\n"
    assert parse_page_text(_page_with_footer(footer)).outlet_hint == "Almera Courier"
    footer = "The Almera region is part of a network of harbour towns.\nTerms\n"
    assert parse_page_text(_page_with_footer(footer)).outlet_hint is None
    # In the article, such a sentence is news about a company, not the site's footer.
    page = _page_with_footer("Terms\n").replace(
        "Officials said the shift", "Varen Press is owned by Harbour Holdings Inc.\n\nOfficials said the shift")
    assert parse_page_text(page).outlet_hint is None


def test_the_name_a_notice_calls_a_trademark_is_the_site():
    """'"Almera Courier" is a registered trademark' in a notice: the site's
    name, over a regulator's badge printed before the copyright mark."""
    footer = 'IPSO Regulated Copyright ©2026 Varen Newspapers. "Almera Courier" is a registered trademark. All rights reserved.\n'
    assert parse_page_text(_page_with_footer(footer)).outlet_hint == "Almera Courier"


def test_a_subscribe_button_broken_over_two_lines_names_the_site():
    """"Subscribe to the" / "Almera24 newsletter!": the button's words and the
    name on the next line; the company's copyright is only the owner's."""
    top = "Subscribe to the\nAlmera24 newsletter!\n"
    footer = "This site © 2026 Varen Holdings Ltd. All Rights Reserved.\n"
    assert parse_page_text(_page_with_footer(footer, top=top)).outlet_hint == "Almera24"


def test_a_company_named_by_the_initials_of_a_printed_name_owns_that_site():
    """"© 2026 PHL Holdings, Inc." on a page printing "Portvale Harbour Ledger"
    as a line of its own: the company's first word is that name's initials."""
    footer = "Portvale Harbour Ledger\nContact\n© 2026 PHL Holdings, Inc. All Rights Reserved\n"
    assert parse_page_text(_page_with_footer(footer)).outlet_hint == "Portvale Harbour Ledger"


def test_a_company_s_initials_the_page_prints_often_are_the_site():
    """"© 2026 Almera News Network. Varen Broadcasting, Inc.": the page calls
    itself "ANN" at the end of its byline and in its paragraphs; those
    mentions count for the initials as they would for the full name."""
    footer = "ANN TV | Transcripts\n© 2026 Almera News Network. Varen Broadcasting, Inc. All Rights Reserved.\n"
    page = _page_with_footer(footer).replace("By Mira Castell", "By Mira Castell, Teo Marsh and Ana Ruiz, ANN").replace(
        "the budget office said", "the budget office said in figures ANN's analysts checked")
    assert parse_page_text(page).outlet_hint == "ANN"


def test_the_writer_named_by_about_and_follow_is_no_site():
    """"About Mira Castell", "Follow Mira Castell @mcastell": the article's
    writer, named by the cues a site's name also takes, is not the site."""
    footer = "About Mira Castell\nFollow Mira Castell @mcastell\nPrivacy Policy\n"
    assert parse_page_text(_page_with_footer(footer)).outlet_hint is None
    footer = "Follow Mira Castell on Twitter: @mcastell\nPrivacy Policy\n"
    assert parse_page_text(_page_with_footer(footer)).outlet_hint is None
    # The same cues for the site still name it.
    footer = "About Almera Courier\nFollow Almera Courier @almeracourier\nPrivacy Policy\n"
    assert parse_page_text(_page_with_footer(footer)).outlet_hint == "Almera Courier"


def test_an_undated_notice_calling_its_holder_a_newspaper_names_the_site():
    """"© The Almera Courier, a Varen Media Newspaper": undated, "© Name"
    credits a photo; one that calls its holder a paper or a company is the
    site's notice."""
    footer = "Terms of Service Privacy Notice\n© The Almera Courier, a Varen Media Newspaper\n"
    assert parse_page_text(_page_with_footer(footer)).outlet_hint == "The Almera Courier"
    assert parse_page_text(_page_with_footer("Harbour at dawn\n© Jan Orlo\n")).outlet_hint is None


def test_a_name_marked_as_a_trademark_before_its_notice_is_the_holder():
    """"Almera Courier® © 2026": the sign of a registered name between the
    name and the mark; a character of the story introduced by "About" in its
    prose ("About Lute. He felt ...") names no site."""
    page = _page_with_footer("Almera Courier® © 2026\nTerms of Service | Privacy Policy | Blog | Status\n").replace(
        "Economists in Almera said", "About Lute. He felt worse about that now. Economists in Almera said")
    assert parse_page_text(page).outlet_hint == "Almera Courier"


@pytest.mark.parametrize("button", [
    "Sign up for Harbour Lines, a paid weekly newsletter from Mira Castell about the ports.",
    "Subscribe to Blog via Email",
])
def test_a_newsletter_or_a_blog_a_button_names_is_not_the_site(button):
    """The name a sign-up button gives may be one of the site's products
    ("Harbour Lines, a paid weekly newsletter") or the word "Blog": neither
    outweighs the site's own notice."""
    footer = button + "\nCopyright © 2026 Almera Courier. Powered by Varen.\n"
    assert parse_page_text(_page_with_footer(footer)).outlet_hint == "Almera Courier"


def test_a_name_said_to_be_one_of_the_copyright_holder_s_is_the_site():
    """"The Almera Courier is a varen media network" beside "© 2026 Varen
    Media, LLC": the sentence names the company that holds the copyright, so
    its subject is that company's site. A writer's note of the same shape
    ("Mira Castell is a Varen Media reporter") names no site."""
    footer = "The Almera Courier is a varen media network\n© 2026 Varen Media, LLC. All Rights Reserved\n"
    assert parse_page_text(_page_with_footer(footer)).outlet_hint == "The Almera Courier"
    footer = "Mira Castell is a Varen Media reporter based in Portvale.\n© 2026 Varen Media, LLC. All Rights Reserved\n"
    assert parse_page_text(_page_with_footer(footer)).outlet_hint != "Mira Castell"


def test_a_desk_line_without_by_over_the_date_keeps_the_headline_over_the_caption():
    """Headline / "Almera Courier wire services" / "Published 11:11 PM EST
    Mar 3, 2026" / the lead photo's caption and its credit / the article: the
    short line under the headline is the desk's byline without "By", so the
    headline stands over the byline and date as headlines do, and the
    caption under the date (nearer the article) is not taken for it."""
    page = ("Welcome to the Almera Courier's international edition\nLearn More\n"
            "Harbour pilots walk out over night-shift pay, leaving cargo ships waiting\n"
            "Almera Courier wire services\nPublished 11:11 PM EST Mar 3, 2026\n"
            "Portvale harbour pilot Teo Marsh\nJan Orlo, Associated Press\n\n" + _PORT_ARTICLE)
    parts = parse_page_text(page)
    assert parts.title == "Harbour pilots walk out over night-shift pay, leaving cargo ships waiting"
    # Without the desk line, the headline sits right over the date line already.
    assert parse_page_text(page.replace("Almera Courier wire services\n", "")).title == parts.title


# Round 28 (paste28): headlines and dates of copied pages nobody wrote against.

_PILOTS_HEADLINE = "Harbour pilots walk out over night-shift pay, leaving cargo ships waiting"


def test_a_date_line_ending_in_a_time_s_p_m_is_a_date_line():
    """"PUBLISHED: March 3, 2026 at 9:06 a.m. | UPDATED: ..." ends with the
    full stop of "a.m.", not of a sentence: it is the story's date line,
    also when the copy starts at the byline (no headline to read it under)."""
    page = ("By MIRA CASTELL | mcastell@courier.example | Almera Courier\n"
            "PUBLISHED: March 3, 2026 at 9:06 a.m. | UPDATED: March 3, 2026 at 9:26 a.m.\n\n" + _PORT_ARTICLE)
    parts = parse_page_text(page)
    assert parts.date == "2026-03-03"
    assert parts.body.startswith("Portvale's harbour pilots")


_GLUED_TEASERS = [
    ("Ferry Crossings Resume After Winter Storms",
     "The island ferries returned to their timetable on Friday after three weeks of gales kept the boats in port."),
    ("Portvale Council Approves New Fish Market",
     "Councillors voted nine to two for the covered market on the old coal wharf, to open next spring."),
    ("Lighthouse Keeper Retires After 40 Years",
     "Ada Brenn climbed the tower stairs for the last time on Sunday, watched by half the village."),
    ("Five Seafood Recipes To Try This Week",
     "From grilled sardines to a slow fish stew, these dishes need little more than a pan and an hour."),
    ("Harbour Museum Opens Its Doors Again",
     "After two years of repairs the museum shows the old pilot boats and a room of ship models."),
]


def test_a_list_of_teasers_glued_to_their_headlines_is_not_the_article():
    """Each link of a "Latest Headlines" box copied as one paragraph, the
    headline run into its teaser with no space ("... Winter StormsThe island
    ferries ..."), printed over and under the article: more prose than the
    article, but three such paragraphs in a row are other stories."""
    teasers = "".join(f"{head}{teaser} More on the site's pages every morning from six.\n"
                      for head, teaser in _GLUED_TEASERS)
    page = ("Menu\nNews\nSport\nLatest Headlines\n" + teasers + "Weather\nVideo\n" + _PILOTS_HEADLINE
            + "\nMarch 3, 2026 at 4:59 pm\n\n" + _PORT_ARTICLE + "More\nLatest\n" + teasers)
    parts = parse_page_text(page)
    assert parts.title == _PILOTS_HEADLINE
    assert parts.date == "2026-03-03"
    assert parts.body.startswith("Portvale's harbour pilots") and "Ferry Crossings" not in parts.body
    # One glued name in an article's paragraph (a link inside a sentence) keeps the paragraph.
    one = _PORT_ARTICLE.replace("The authority said", "Teo MarshTeo Marsh, a pilot, said the authority said", 1)
    assert "Teo MarshTeo" in parse_page_text(_PILOTS_HEADLINE + "\n\n" + one).body


_PILOTS_ES = (
    "Los prácticos del puerto de Portvale dejaron el trabajo el lunes después de que se rompieran las "
    "negociaciones sobre la paga del turno de noche, y once buques de carga esperan fuera del rompeolas.\n\n"
    "El sindicato de los prácticos dijo que la autoridad portuaria había ofrecido una subida del dos por "
    "ciento, un tercio de lo que pedían, y que se negaba a pagar los turnos de noche desde la primavera.\n\n"
    "La autoridad dijo que la huelga era ilegal porque el sindicato solo avisó con un día de antelación.\n\n")


def test_a_numeric_date_either_way_round_is_read_day_first_on_a_page_not_in_english():
    """"Actualizado: 06/05/2026 · 10:07": the numbers do not say which is the
    month. A page in another language than English writes the day first; on
    an English page (day first in Britain, month first in the United States)
    the date stays unread."""
    page = ("Inicio\nPortada\nLos prácticos del puerto de Portvale van a la huelga por la paga nocturna\n"
            "Por Mira Castell\nActualizado: 06/05/2026 · 10:07\n\n" + _PILOTS_ES)
    assert parse_page_text(page).date == "2026-05-06"
    page = "Home\nNews\n" + _PILOTS_HEADLINE + "\nBy Mira Castell\nUpdated: 06/05/2026 · 10:07\n\n" + _PORT_ARTICLE
    assert parse_page_text(page).date is None


def test_a_date_line_with_an_iso_time_stamp_is_a_date_line():
    """"08/03/2026 15h30  Atualizado 2026-03-08T18:30:30.077Z": the time
    stamp's "T18:30:30.077Z" is the date's time, not words of a sentence; the
    line is the date line, not a paragraph of the article."""
    page = ("Inicio\nPortada\nLos prácticos del puerto de Portvale van a la huelga por la paga nocturna\n"
            "Once buques esperan fuera del rompeolas mientras los prácticos se quedan en casa.\n"
            "Por Mira Castell\n08/03/2026 15h30  Atualizado 2026-03-08T18:30:30.077Z\n\n" + _PILOTS_ES)
    parts = parse_page_text(page)
    assert parts.date == "2026-03-08"
    assert "Atualizado" not in parts.body


def test_the_date_in_a_photo_s_caption_is_not_the_story_s():
    """A caption under the headline dates the photo ("..., February 11,
    2026. (Photo: ...)"): an article printed with no date line of its own
    gets no date, and the headline stays over the caption and standfirst."""
    page = (_PILOTS_HEADLINE + "\n\nPortvale harbour pilot Teo Marsh at the quay, February 11, 2026. "
            "(Photo: Jan Orlo/Wire)\n\nEleven ships wait outside the breakwater as the pilots stay home\n\n"
            + _PORT_ARTICLE)
    parts = parse_page_text(page)
    assert parts.date is None
    assert parts.title == _PILOTS_HEADLINE


def test_a_menu_item_opening_with_an_aside_is_not_a_writer_s_name():
    """"(Virtual) Open Houses" in a menu is no name under a headline: the
    teaser above it in the menu (printed again under the article) is not
    taken for the headline, which stands over its writer's name and date."""
    teaser = "Cargo ships waiting outside the breakwater cost their owners thousands"
    page = ("Travel\nTips and Hacks\nWine Country\n" + teaser + "\n"
            "Real Estate\nNew Homes\n(Virtual) Open Houses\nRentals\nPlace an ad\nObituaries\n"
            "Council backs a covered fish market\nLighthouse keeper retires after forty years\n"
            "Ferry timetable changes for the summer\n"
            "Pilots strike in Portvale\nMira Castell, Wire Writer\nUpdated 7:12 am PDT, Wednesday, March 4, 2026\n\n"
            + _PORT_ARTICLE + "More stories\n" + teaser + "\n")
    parts = parse_page_text(page)
    assert parts.title == "Pilots strike in Portvale"
    assert parts.byline == "Mira Castell"


def test_a_date_line_right_under_the_article_dates_it_when_none_is_above():
    """A photo gallery's or short item's date printed at its foot ("3 March
    2026 18:28" under the last paragraph, then "1 / 22"): with no date above
    the article, it is the story's date. A date further down, past other
    lines (a teaser's, a comment's), is not."""
    article = "".join(_PORT_ARTICLE.split("\n\n")[:2]) + "\n\n"
    page = "Gallery\nFull screen\n" + _PILOTS_HEADLINE + "\n\n" + article + "3 March 2026 18:28\n1 / 22\n"
    assert parse_page_text(page).date == "2026-03-03"
    page = ("Gallery\nFull screen\n" + _PILOTS_HEADLINE + "\n\n" + article
            + "Read also\nFerry crossings resume after the winter storms\n3 March 2026 18:28\n")
    assert parse_page_text(page).date is None


def test_a_link_cards_headline_written_over_and_over_is_not_the_article():
    """A card linking to another story, set inside the article, copies as its
    headline two or three times on one line (the picture's text, the link's,
    the headline's): not the article's; the paragraphs on both sides are."""
    paras = _PORT_ARTICLE.split("\n\n")
    card = "How to Keep Ferries Running Through a Winter Storm "
    page = (_PILOTS_HEADLINE + "\n\n" + paras[0] + "\n\n" + paras[1] + "\n\n" + (card * 3).strip() + "\n\n"
            + "\n\n".join(paras[2:]))
    parts = parse_page_text(page)
    assert "Keep Ferries" not in parts.body
    assert paras[1] in parts.body and paras[3] in parts.body


def test_a_phrase_said_twice_in_an_article_stays():
    paras = _PORT_ARTICLE.split("\n\n")
    chant = "The pilots chanted: fair pay for the night, fair pay for the night."
    page = _PILOTS_HEADLINE + "\n\n" + paras[0] + "\n\n" + chant + "\n\n" + "\n\n".join(paras[1:])
    assert chant in parse_page_text(page).body


@pytest.mark.parametrize("line, day", [
    ("1. November 20261. November 2026 Almera, Hafen, Polizei", "2026-11-01"),
    ("3.3.20264.3.2026", "2026-03-03"),
    ("03/03/202604/03/2026", "2026-03-03"),
])
def test_a_published_and_updated_date_glued_together_date_the_story(line, day):
    """Blogs print the published and the updated date side by side, one of
    them hidden: the copy glues them ("1. November 20261. November 2026").
    The first is the story's date; a number after a year ("20265 visitors")
    is still no date."""
    page = _MENU + "Debt interest will soon cost more than the coastguard\n" + line + "\n\n" + _HALF_ONE + _HALF_TWO
    parts = parse_page_text(page)
    assert parts.title == "Debt interest will soon cost more than the coastguard"
    assert parts.date == day
    page = (_MENU + "Debt interest will soon cost more than the coastguard\n1. November 20265 Besucher\n\n"
            + _HALF_ONE + _HALF_TWO)
    assert parse_page_text(page).date is None


@pytest.mark.parametrize("skip", ["Zum Inhalt springen", "Aller au contenu", "Saltar al contenido",
                                  "Teilen Sie diesen Artikel"])
def test_a_skip_link_or_share_prompt_in_another_language_is_not_the_headline(skip):
    """"Skip to content" and "Share this article" as German, French and
    Spanish pages print them are links, not headlines, even where the
    headline itself is printed far from the article."""
    page = (skip + "\nStartseite\nNachrichten\n" + skip + "\n\n" + _HALF_ONE + _HALF_TWO)
    assert parse_page_text(page).title != skip


# --------------------------------------------------------------------------
# The article comes first: what a page prints after it must be much longer to win

_AFTER_THE_ARTICLE = {
    # readers' questions answered in a box under the story
    "questions box": (
        "Your questions on the budget\n\n"
        "Will my pension be cut to pay the interest? The budget office's forecast does not say which "
        "programmes will change, and the finance minister has said pensions are not part of the plan.\n\n"
        "Why does the interest bill rise when the debt grows slowly? Old loans taken at low rates are "
        "being replaced by new ones at higher rates, so the cost rises even when the amount owed does not.\n\n"
        "Could the coastguard lose money because of this? Its budget is set for three years, so any "
        "change would come in the next spending round at the earliest, the office said in its notes.\n\n"
        "What happens if rates fall again? The office says every point lower saves about two billion "
        "crowns a year, but it expects rates to stay near where they are until the end of the decade.\n\n"
        "When will the plan be published? The government has promised it for the spring, before "
        "parliament breaks for the summer, and the opposition wants a vote on it before then.\n\n"
        "Does the forecast include the new patrol boats? It does: their cost is spread over five "
        "years, and the office counts the loans taken to buy them in next year's interest bill.\n\n"
        "Is Ardelia's debt high for a country of its size? It is about average among its neighbours, "
        "the office says, but it has grown faster than theirs over the past two years of high rates.\n\n"
    ),
    # the settings of a cookie dialog, printed with no copyright notice before it
    "cookie settings": (
        "Privacy settings\n\n"
        "We use cookies and similar technologies on our website and process your personal data, for "
        "example your IP address, to personalise content and ads and to measure their performance.\n\n"
        "Some of the cookies are essential for the website to work, while others help us improve it and "
        "your experience; you can change your choice at any time in the settings at the foot of the page.\n\n"
        "Essential cookies enable basic functions such as navigation and access to secure areas of the "
        "website, and the website cannot function properly without these cookies being stored.\n\n"
        "Statistics cookies help the website's owner understand how visitors interact with it by "
        "collecting and reporting information anonymously, such as the pages visited and time spent.\n\n"
        "Marketing cookies are used to track visitors across websites in order to display ads that are "
        "relevant and engaging for the individual user and thereby more valuable for advertisers.\n\n"
        "Preference cookies enable the website to remember information that changes the way it "
        "behaves or looks, such as your preferred language or the region that you are in.\n\n"
        "You can withdraw your consent at any time with effect for the future; the data processed "
        "until then stays lawful, and you will find more about it in our privacy policy.\n\n"
    ),
}


@pytest.mark.parametrize("after", sorted(_AFTER_THE_ARTICLE))
def test_what_follows_the_article_must_be_twice_as_long_to_be_taken_for_it(after):
    """A page prints its article first, under the headline; what comes after
    it (a box of readers' questions, a dialog's settings, a second story) is
    taken instead only when it is more than twice as long as the article."""
    page = (_MENU + "Debt interest will soon cost more than the coastguard\nMarch 3, 2026\n\n"
            + _HALF_ONE + _HALF_TWO + "Share\nFacebook\nEmail\nPrint\nNewsletter\nMost read\n\n"
            + _AFTER_THE_ARTICLE[after] + "Contact\nImprint\n")
    parts = parse_page_text(page)
    assert parts.body.startswith("The Ardelian treasury") and "spending round" not in parts.body
    assert "cookies" not in parts.body
    assert parts.title == "Debt interest will soon cost more than the coastguard"


def test_a_short_box_above_the_story_does_not_hold_the_story_back():
    """What comes first counts as the article only when it is 60 words of
    sentences or more: a short notice, or a ticker of headlines however long
    (no sentence ends), does not stop the story under it from being taken."""
    ticker = ("Breaking news Port levy to rise in April Rail fares frozen for a year Coastguard to buy two "
              "new patrol boats Storm closes the northern ferry routes for a second day Almera's mayor "
              "opens the new bridge Teachers vote on the pay offer Harbour workers end their strike "
              "Museum of the sea reopens after ten years Floods cut the coast road near Portvale again "
              "Fishing quotas for next year agreed in talks Council approves the budget for the old town "
              "Two new schools to open in the autumn Record crowds at the harvest fair Airport adds "
              "winter flights to the islands")
    page = (ticker + "\nHome\nNews\nBusiness\nSport\nSign in\n\n"
            + "Debt interest will soon cost more than the coastguard\nMarch 3, 2026\n\n" + _HALF_ONE + _HALF_TWO)
    parts = parse_page_text(page)
    assert parts.body.startswith("The Ardelian treasury") and "Breaking news" not in parts.body


@pytest.mark.parametrize("tags", [
    # a blog's tag cloud, tags of one and two words
    "Almera Alte Stadt Bahn Brücken Bürger Coastguard Debatte Energie Fähren Finanzen Gesundheit "
    "Hafen Haushalt Kultur Meer Politik Portvale Rente Schulen Sport Steuern Verkehr Wahlen Zinsen",
    # a picker of the towns the site covers
    "Almera Belcastro Corvale Dunmere Eastvale Farrow Glenport Harwick Islay Juniper Kestrel Larchmont "
    "Merrow Northam Oakridge Portvale Quarry Redhill Saltmarsh Thornbury Upton Varenne Westmere",
])
def test_a_list_in_alphabetical_order_is_not_the_article(tags):
    """A page's tags, categories or index printed in alphabetical order are
    furniture, however many words they hold."""
    page = (_MENU + "Debt interest will soon cost more than the coastguard\nMarch 3, 2026\n\n"
            + "Officials said the shift would leave less room for new spending on ports and rail.\n\n"
            + "Tags\n" + tags + "\n\n" + "Archive\nContact\n")
    assert tags not in parse_page_text(page).body


def test_a_long_line_in_no_order_is_still_prose():
    """Twenty words with no full stop in the order a sentence gives them stay
    prose (a standfirst, a caption run long)."""
    line = ("Treasury figures out on Tuesday show the interest bill overtaking the coastguard budget for "
            "the first time since the crisis a decade ago as rates stay high")
    page = _MENU + "Debt interest will soon cost more than the coastguard\nMarch 3, 2026\n\n" + line + "\n\n" + _HALF_ONE + _HALF_TWO
    assert line in parse_page_text(page).body


@pytest.mark.parametrize("head, day", [
    ("March 3, 2026\nUpdated March 4, 2026 at 5:12 p.m.\n", "2026-03-03"),
    ("3. März 2026 Mira Castell Schreibe einen Kommentar\nAktualisiert am 04.03.2026\n", "2026-03-03"),
    ("Updated March 4, 2026 at 5:12 p.m.\n", "2026-03-04"),  # no other date: the update's is the best there is
    ("11.03.2026, 09:50 Uhr / Aktualisiert am 21.03.2026, 11:39 Uhr\n", "2026-03-11"),  # one line, day first
])
def test_the_story_s_date_wins_over_the_date_of_an_update(head, day):
    """A story printed with the day it was published and, nearer the text,
    the day it was updated is dated by the first; a line that gives only an
    update still dates the story when nothing else does."""
    page = _MENU + "Debt interest will soon cost more than the coastguard\n" + head + "\n" + _HALF_ONE + _HALF_TWO
    parts = parse_page_text(page)
    assert parts.title == "Debt interest will soon cost more than the coastguard"
    assert parts.date == day


@pytest.mark.parametrize("line", [
    "22. Februar 2026 von Mira Castell",                       # the day's number is no list's number
    "22. Februar 202623. Februar 2026 von Mira Castell",       # published and updated, glued, then the author
])
def test_a_german_date_line_with_its_author_gives_the_byline(line):
    """A blog's line under the headline, "22. Februar 2026 von Mira Castell",
    opens with the day's number, which is no list item, and may hold the
    published and the updated date glued together: the author is read all
    the same."""
    page = _MENU + "Hafenlotsen in Portvale streiken wegen Nachtschichtzulagen\n" + line + "\n\n" + _PORT_ARTICLE
    parts = parse_page_text(page)
    assert parts.byline == "Mira Castell"
    assert parts.date == "2026-02-22"


@pytest.mark.parametrize("line", ["ByMira Castell", "Geschrieben vonMira Castell"])
def test_by_glued_to_the_name_gives_the_byline(line):
    """A copy joins the label "By" and the author's link with no space
    between ("ByMira Castell"): the name is still the byline. A word that
    merely starts with the letters ("BYU", "ByteDance") is none."""
    page = _MENU + "Debt interest will soon cost more than the coastguard\n" + line + "\nMarch 3, 2026\n\n" + _HALF_ONE + _HALF_TWO
    assert parse_page_text(page).byline == "Mira Castell"
    from framing.loaders.text import _byline_from

    assert _byline_from("ByteDance to sell its stake") is None and _byline_from("BYU Cougars win again") is None


def test_a_row_of_tool_buttons_and_a_gallery_s_label_are_no_headline_or_byline():
    """An author box prints its buttons in a row ("Email the author | Follow
    on Twitter") and a gallery its loading label ("Loading Photo Gallery"):
    neither is the headline nor the author, though both are short lines of
    capitalised words; a surname that is a page word ("Page") stays a name."""
    page = (_MENU + "Debt interest will soon cost more than the coastguard\nLoading Photo Gallery\nPrint\n"
            "Email the author | Follow on Twitter\non March 3, 2026 at 2:30 PM\n\n" + _HALF_ONE + _HALF_TWO)
    parts = parse_page_text(page)
    assert parts.title == "Debt interest will soon cost more than the coastguard"
    assert parts.byline is None
    from framing.loaders.text import _person_name

    assert _person_name("Larry Page") and not _person_name("Watch Video Now")


def test_an_author_box_printed_twice_gives_its_name():
    """An author box copied as its card and its label on one line, "Mira
    Castell | mira@courier.ar By Mira Castell | mira@courier.ar", names the
    author; a line that says something else before "By" does not."""
    page = (_MENU + "Debt interest will soon cost more than the coastguard\nPrint\n"
            "Mira Castell | mira@courier.ar By Mira Castell | mira@courier.ar\nFollow on Twitter\n"
            "on March 3, 2026 at 2:30 PM, updated March 3, 2026 at 2:51 PM\n\n" + _HALF_ONE + _HALF_TWO)
    assert parse_page_text(page).byline == "Mira Castell"
    from framing.loaders.text import _byline_from

    assert _byline_from("Harbour news from the coast By Mira Castell | mira@courier.ar") is None


@pytest.mark.parametrize("headline", [
    "Will interest on the debt cost more than the coastguard?",
    "Debt interest to cost more than the coastguard!",
])
def test_a_headline_that_opens_the_article_s_run_beats_a_blog_s_name(headline):
    """A headline set right over the article, with no byline or date line
    between them, is copied into the article's run (and one that asks or
    exclaims reads as a short paragraph): it is the headline, over the
    blog's name or a menu's label above, which shares none of the article's
    words. A line over the article that shares few of them (a promotion)
    does not displace a headline over a byline, and a question right under
    a headline the article echoes is its standfirst."""
    page = ("Notes From The Harbour Town\n" + _MENU + "Search in titles\n\n" + headline + "\n\n"
            + _HALF_ONE + _HALF_TWO)
    parts = parse_page_text(page)
    assert parts.title == headline
    assert not parts.body.startswith(headline) and parts.body.startswith("The Ardelian treasury")
    promo = parse_page_text("Notes From The Harbour Town\n" + _MENU + "Interest bill to pass the coastguard's budget\n"
                            + "By Mira Castell\n\nGet our weekend magazine for free!\n\n" + _HALF_ONE + _HALF_TWO)
    assert promo.title == "Interest bill to pass the coastguard's budget"
    asked = parse_page_text("Notes From The Harbour Town\n" + _MENU + "Ardelia's debt bill grows\n\n"
                            + headline + "\n\n" + _HALF_ONE + _HALF_TWO)
    assert asked.title == "Ardelia's debt bill grows" and asked.body.startswith(headline)


@pytest.mark.parametrize("credit, name", [
    ("Text und Interview: Mira Castell", "Mira Castell"),
    ("Autorin: Mira Castell", "Mira Castell"),
    ("Kolumnist*in: Mira Castell", "Mira Castell"),
    ("Eine Kolumne von Mira Castell", "Mira Castell"),
    ("Bildquelle: Jan Orlo", None),
    ("Fotos/Illustration: Jan Orlo", None),
])
def test_a_credit_line_under_the_headline_is_no_headline(credit, name):
    """A line that credits the text or the pictures, a label and a colon
    before a name ("Text und Interview: ...", "Autorin: ...", "Bildquelle:
    ..."), is shaped like a short headline but is never one; one that
    credits the writer (or "Eine Kolumne von ...", a column by) is the
    byline. A headline that opens with a word like "Interview:" or
    "Textilindustrie:" stays a headline."""
    head = "Schuldendienst kostet bald mehr als die Küstenwache"
    page = "Notes From The Harbour Town\n" + _MENU + head + "\n" + credit + "\n\n" + _HALF_ONE + _HALF_TWO
    parts = parse_page_text(page)
    assert parts.title == head
    assert parts.byline == name
    from framing.loaders.text import _CREDIT_LABEL_RE, _byline_from

    assert not _CREDIT_LABEL_RE.match("Interview: Die Ministerin über den Haushalt")
    assert not _CREDIT_LABEL_RE.match("Textilindustrie: Neue Regeln für Lieferketten")
    assert _byline_from("Text: Mein Motto für das Jahr und meine Pläne") is None


def test_a_later_run_weighs_only_its_sentences_against_the_article():
    """Once the article's prose has come, a later run's paragraphs that end
    no sentence count half: four long rows of a table of player ratings (too
    few for a list of headlines), more than twice the article's length, do
    not outweigh it; the same rows written as sentences do."""
    teams = ["Harbour United", "Almera Rovers", "Kesh Athletic", "Port Ardel"]
    firsts = "Ana Ben Carl Dora Emil Fina Gus Hana Ivo Jana Karl".split()
    lasts = "Lindqvist Moreau Okonjo Petrakis Quintero Rossetti Santander Tamura Ulloa Valdivia Weston".split()
    rows = []
    for t, team in enumerate(teams):
        players = ", ".join(f"{(k + t) % 11 + 1} {firsts[(k + t) % 11]} {lasts[(k * 3 + t) % 11]} ({6 + (k + t) % 3})"
                            for k in range(22))
        rows.append(f"{team} player ratings for the second leg: {players}")
    headline = "Ardelia's interest bill to pass the coastguard budget"
    teasers = ("More from Sport\nRovers sign a keeper from the north coast\nKesh Athletic name a new coach for the spring\n"
               "Harbour United fans plan a march on the town hall\nPort Ardel stadium plans go to the council\n"
               "Almera Rovers fined over a late kick-off\n\n")
    article = _HALF_ONE + _HALF_TWO
    page = headline + "\n\n" + article + "Share\nTweet\n\n" + teasers + "Ratings\n\n" + "\n\n".join(rows) + "\n"
    assert sum(len(r) for r in rows) > 2 * len(article)
    parts = parse_page_text(page)
    assert parts.title == headline
    assert parts.body.startswith("The Ardelian treasury") and "player ratings" not in parts.body
    # The same rows as sentences are a second story, longer than twice the article: it is taken.
    told = parse_page_text(page.replace(" player ratings for the second leg: ", " fielded these players in the second leg: ")
                           .replace(")\n", ").\n"))
    assert "fielded" in told.body and not told.body.startswith("The Ardelian treasury")


@pytest.mark.parametrize("line, name", [
    ("Von Mira Castell", "Mira Castell"),
    ("VON MIRA CASTELL", "MIRA CASTELL"),
    ("Von Mira Castell und Jan Orlo, Almera", "Mira Castell und Jan Orlo"),
    ("Von Mira Castell, Jan Orlo und Ida Renn", "Mira Castell, Jan Orlo und Ida Renn"),
    ("Von Mira Castell, Redakteurin für Wirtschaft", "Mira Castell"),
    ("Von Mira Castell mit AP", "Mira Castell"),
    ("Av Mira Castell og Jan Orlo", "Mira Castell og Jan Orlo"),
])
@pytest.mark.parametrize("standfirst", [False, True])
def test_a_by_line_in_another_language_near_the_headline_is_the_byline(line, name, standfirst):
    """"Von Ana Lee" with no colon and no date beside it is no byline by its
    shape alone ("Von Miller" may open a headline), but on a line of its own
    between the headline and the article, or under the standfirst the
    article opens with, "by" in another language and people's names (a job,
    a place or a wire after them) is the byline: never the headline, never
    a paragraph of the body. A headline that opens with the word stays one."""
    head = "Schuldendienst kostet bald mehr als die Küstenwache"
    lead = "Die Zinslast wächst schneller als jeder andere Posten im Haushalt.\n\n" if standfirst else ""
    page = "Notes From The Harbour Town\n" + _MENU + head + "\n\n" + lead + line + "\n\n" + _HALF_ONE + _HALF_TWO
    parts = parse_page_text(page)
    assert parts.title == head
    assert parts.byline == name
    assert line not in parts.body and parts.body.startswith("The Ardelian treasury" if not standfirst else "Die Zinslast")
    # Words after the names that are no job, place or wire: a headline, not a byline.
    own = "Von Mira Castell bis Jan Orlo: wer den Hafen wirklich baute"
    other = parse_page_text("Notes From The Harbour Town\n" + _MENU + own + "\n\n" + _HALF_ONE + _HALF_TWO)
    assert other.title == own and other.byline is None


@pytest.mark.parametrize("line, day", [
    ("14.03.2025, 16:24 Uhr • Lesezeit: 5 Minuten\nVon Mira Castell", "2025-03-14"),
    ("14. 3. 2025 16:24", "2025-03-14"),
    ("14.\u00a003.\u00a02025, 16:24\u00a0Uhr", "2025-03-14"),
    ("PUBLISHED FRI, MAR 14 20254:24 PM EDT", "2025-03-14"),
    ("March 14, 202511:24 AM UTC", "2025-03-14"),
])
def test_a_date_line_with_uhr_spaced_or_glued_gives_the_date(line, day):
    """A date line under the headline as pages print it: with the time's
    "Uhr" (a word of the time, not one of the line's other words: the
    writer's name may follow), day and month with a space after each dot
    (Czech and Austrian pages), or the time glued to the year by the copy
    ("20254:24 PM": 2025, then 4:24).
    A number that only starts with a year is none ("20235 visitors")."""
    head = "Interest bill to pass the coastguard's budget"
    page = "Notes From The Harbour Town\n" + _MENU + head + "\n" + line + "\n\n" + _HALF_ONE + _HALF_TWO
    parts = parse_page_text(page)
    assert parts.title == head
    assert parts.date == day
    from framing.loaders.dates import find_date
    from framing.loaders.text import _is_date_line

    assert _is_date_line("14. März 2025 um 16:24 Uhr / Mira Castell") == "2025-03-14"
    assert find_date("Over 20235 visitors came on the 4th") is None
    assert find_date("Room 2025 opens at 12:30 sharp") is None


@pytest.mark.parametrize("desk", ["Redazione ANSA Almera", "Redaktion AFP Almera", "Redacción EFE Almera"])
def test_a_newsroom_s_credit_over_the_date_line_is_no_headline(desk):
    """A newsroom's credit ("Redazione ..." , "Redaktion ...": the editorial
    staff) sits over the date line as a byline does: it is never taken for
    the headline, however well the date line under it scores, and the
    headline over it counts as followed by its byline."""
    head = "Schuldendienst kostet bald mehr als die Küstenwache"
    page = ("Notes From The Harbour Town\n" + _MENU + head + "\n" + head + "\n+ Foto vergrößern\n" + desk
            + "\n14 marzo 202516:24 News\n\n" + _HALF_ONE + _HALF_TWO)
    parts = parse_page_text(page)
    assert parts.title == head
    assert parts.date == "2025-03-14"
    # Under a headline it is the byline's line: the headline over it is followed by its byline.
    from framing.loaders.text import _classify, _meta_like, _split_units

    units = _split_units(desk + " 2")
    _classify(units)
    assert _meta_like(units[0])


@pytest.mark.parametrize("stamp", ["Publicerad 22:31", "Uppdaterad 15.59 | Publicerad 14.14", "Publisert kl. 14:47",
                                   "Opdateret kl. 09.12"])
def test_a_name_over_a_nordic_time_line_is_the_byline(stamp):
    """A writer's name over a time line is the byline (as over "Updated
    6:02pm"); Swedish, Norwegian and Danish pages label the time
    "Publicerad", "Uppdaterad", "Publisert", "Opdateret", "kl.", which are
    labels of the line, not words of a sentence."""
    head = "Interest bill to pass the coastguard's budget"
    page = "Notes From The Harbour Town\n" + _MENU + head + "\nMira Castell\n" + stamp + "\n\n" + _HALF_ONE + _HALF_TWO
    parts = parse_page_text(page)
    assert parts.title == head
    assert parts.byline == "Mira Castell"
