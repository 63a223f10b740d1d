"""A pasted page whose copyright line names the company that owns
the site ("© 2026 Hearst Communications, Inc.") gives the site's own brand
when the page names one; the HTML loader's byline without a wire writer's
role ("Ap National Political Writer"); a minified page that leaves out its
paragraphs' end tags ("<p>... said.<figure>") keeps photo credits out of
the body. The pages here are invented (the owners are real companies of
framing/data/owners.tsv); two tests read real pages of ../shared.
"""

from __future__ import annotations

import re

from conftest import DATA, FERRY_HEADLINE as HEADLINE, FERRY_P1 as P1, FERRY_P2 as P2, FERRY_P3 as P3, _need
from framing.loaders.decode import decode
from framing.loaders.html import _authors, closed_paragraphs, parse_html
from framing.loaders.text import known_owner, parse_page_text

ARTICLE = "\n\n".join([P1, P2, P3])


def _page(top: list[str], header: list[str], footer: list[str]) -> str:
    return "\n".join([*top, HEADLINE, *header]) + "\n\n" + ARTICLE + "\n\n" + "\n".join(footer)


MENU = ["Home", "News", "Sports", "Weather"]
FOOTER = ["About", "Contact Us", "Terms of Use", "Privacy Notice"]


def test_the_owners_file_names_companies_not_their_brands() -> None:
    assert known_owner("Hearst Communications, Inc.")
    assert known_owner("Hearst Media Services Connecticut, LLC")  # a longer name opening with a listed one
    assert known_owner("Gannett")
    assert not known_owner("Condé Nast Traveler", longer=False)  # a brand holding its owner's name
    assert not known_owner("Portvale Courier")
    # a listed name that is a word of the language once its legal form is cut names no owner
    assert not known_owner("The Tribune")


def test_the_owner_in_the_copyright_line_is_the_outlet_only_when_the_page_names_no_brand() -> None:
    footer = [*FOOTER, "Hearst Newspapers", "© 2026 Hearst Communications, Inc."]
    # the masthead printed twice over the menu
    parts = parse_page_text(_page(["Portvale Courier", "Subscribe", "Portvale Courier", *MENU], [], footer))
    assert parts.outlet_hint == "Portvale Courier"
    # printed once, among the menu's items, it is no masthead: the owner stays
    parts = parse_page_text(_page(["Subscribe", *MENU, "Portvale Courier"], [], footer))
    assert parts.outlet_hint == "Hearst"
    # the page's own address printed as a share link: its name as the page prints it
    link = "https://www.pvcourier.com/news/article/Portvale-ferry-crews-return-1234.php"
    parts = parse_page_text(_page(["Subscribe", *MENU], [], [link, *FOOTER, "Portvale Courier", *footer[-2:]]))
    assert parts.outlet_hint == "Portvale Courier"
    # a link to another page with no path is no page's own address
    parts = parse_page_text(_page(["Subscribe", *MENU], [], ["https://www.pvcourier.com", *footer]))
    assert parts.outlet_hint == "Hearst"


def test_a_brand_cue_or_the_byline_s_line_names_the_site_over_its_owner() -> None:
    footer = [*FOOTER, "© Copyright Gannett 2026"]
    parts = parse_page_text(_page(MENU, ["Rina Okafor and Tomas J. Reyes Portvale Harbour Courier",
                                         "Published 2:16 AM EST Mar 3, 2026"], footer))
    assert parts.byline == "Rina Okafor and Tomas J. Reyes"
    assert parts.outlet_hint == "Portvale Harbour Courier"
    parts = parse_page_text(_page(MENU, [], ["Keep up to date with Portvale Courier", *footer]))
    assert parts.outlet_hint == "Portvale Courier"
    # a section's label in plain words ("Top Stories") is no brand
    parts = parse_page_text(_page(["Top Stories", "Subscribe", "Top Stories", *MENU], [], footer))
    assert parts.outlet_hint == "Gannett"


def test_a_wire_writer_s_role_is_no_second_author() -> None:
    assert _authors("Rina Okafor, Ap National Political Writer") == "Rina Okafor"
    assert _authors("Rina Okafor; Ap National Political Writer") == "Rina Okafor"
    assert _authors("Rina Okafor; Afp Correspondent") == "Rina Okafor"
    assert _authors("Rina Okafor, Staff Writer") == "Rina Okafor"
    # a name before a role and one qualifier keeps its two words
    assert _authors("Tomas Reyes Games Editor") == "Tomas Reyes"
    assert _authors("Rina Okafor; Tomas Reyes") == "Rina Okafor; Tomas Reyes"


def test_the_sfgate_byline_as_its_scripts_print_it() -> None:
    # The real page prints the byline its scripts rewrite (round 37); read as printed.
    page = _need(DATA / "real-pages" / "html" / "sh-sfgate-aec5deeaada8.html").read_text("utf-8")
    printed = re.search(r'<p class="byline[^"]*">([^<]+)</p>', page)[1]
    assert "," in printed and _authors(printed) == "Steve Peoples"


MINIFIED = ("<html><head><title>{t}</title></head><body><article><h1>{t}</h1><p>{p1}<figure><span class=credit>"
            "Harbour Photo Agency</span><figcaption><span class=off>Image caption</span>Crews at the quay"
            "</figcaption></figure><p>{p2}<p>{p3}</article></body></html>")


def test_a_paragraph_without_its_end_tag_ends_before_a_figure() -> None:
    html = MINIFIED.format(t=HEADLINE, p1=P1, p2=P2, p3=P3)
    assert closed_paragraphs(html).count("</p>") == 2  # before the figure and the next paragraph
    article = parse_html("page.html", html, html.encode())
    assert "Harbour Photo Agency" not in article.body and P1 in article.body and P3 in article.body
    # a page that closes its paragraphs is read as it is
    closed = html.replace("<figure>", "</p><figure>").replace("<p>" + P3, "</p><p>" + P3)
    assert closed_paragraphs(closed) == closed
    assert closed_paragraphs("<p>one<p>two") == "<p>one<p>two"  # too few to tell


def test_the_bbc_page_minified_reads_as_the_page() -> None:
    # SingleFile's save of BBC's page leaves out "</p>" (round 37): the photo
    # credits ("EPA", "Reuters") and the video's "Media caption" were read into the body.
    path = _need(DATA / "real-pages" / "html" / "sh-bbc-c7e39ac49fa1.html")
    raw = path.read_bytes()
    text = decode(str(path), raw)[0]
    minified = re.sub(r"</p\s*>", "", text)
    page, saved = parse_html(str(path), text, raw), parse_html(str(path), minified, minified.encode())
    assert "\nEPA\n" not in saved.body and "Media caption" not in saved.body
    assert saved.body == page.body


def test_the_owner_s_own_page_keeps_its_name() -> None:
    # the company's name as the masthead, printed again in the footer: the company is the site
    footer = [*FOOTER, "Keep up to date with Portvale Courier", "Hearst", "© 2026 Hearst Communications, Inc."]
    assert parse_page_text(_page(["Hearst", "Subscribe", *MENU], [], footer)).outlet_hint == "Hearst"
    # without the masthead, the brand's cue wins
    footer = [*FOOTER, "Keep up to date with Portvale Courier", "Hearst Newspapers", footer[-1]]
    assert parse_page_text(_page(["Subscribe", *MENU], [], footer)).outlet_hint == "Portvale Courier"
