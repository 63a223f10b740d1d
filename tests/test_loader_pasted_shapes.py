"""Shapes of a pasted page that round 38 found on copies of pages from other
projects' test sets (Zyte's article-extraction benchmark, goose3's pages):
a byline with a job title or an e-mail address glued on, "date | BY: name",
an update's day without its year on the date line, and a video player's
caption over the article. The pages here are invented; one test reads a real
pasted page of ../shared where it shows the case.
"""

from __future__ import annotations

from conftest import DATA, FERRY_HEADLINE as HEADLINE, FERRY_P1 as P1, FERRY_P2 as P2, FERRY_P3 as P3, _need
from framing.loaders.text import _is_date_line, parse_page_text

P4 = ("Commuters who bought weekly passes during the walkout will be offered a refund at the "
      "terminal's ticket desk, the board added.")


def _page(*header: str) -> str:
    return "\n".join(["Home", "News", "Local", HEADLINE, *header]) + "\n\n" + "\n\n".join([P1, P2, P3, P4])


def test_a_job_title_glued_to_the_writer_s_name_is_not_part_of_the_byline() -> None:
    for title in ("Staff Writer", "Business Columnist", "Senior Correspondent"):
        parts = parse_page_text(_page(f"By Rina Okafor{title}", "March 3, 2026", "4:10 PM"))
        assert parts.byline == "Rina Okafor"
        assert parts.date == "2026-03-03"
        assert parts.body == "\n\n".join([P1, P2, P3, P4])
    # a name with a capital inside it stays whole; a glued word that is no job title is not cut here
    assert parse_page_text(_page("By Rina McAllister", "March 3, 2026")).byline == "Rina McAllister"
    # a paper's name with a capital inside it, before a job title, is no glue after the name
    assert parse_page_text(_page("By Rina Okafor, HarbourNews Writer", "March 3, 2026")).byline == \
        "Rina Okafor, HarbourNews Writer"


def test_an_e_mail_address_after_the_writer_s_name_ends_the_byline() -> None:
    parts = parse_page_text(_page("By Rina Okafor rokafor@portvalecourier.com(555) 010-0199", "March 3, 2026"))
    assert parts.byline == "Rina Okafor"
    assert parts.date == "2026-03-03"


def test_a_by_label_with_a_colon_after_the_date_gives_the_byline() -> None:
    parts = parse_page_text(_page("March 3, 2026 | BY: Rina Okafor"))
    assert parts.byline == "Rina Okafor"
    assert parts.date == "2026-03-03"
    # "by" inside a headline-like line after words that are no date stays no byline
    assert parse_page_text(_page("Crews cheered by: Rina Okafor")).byline is None


def test_an_update_s_day_without_its_year_leaves_the_date_line_a_date_line() -> None:
    line = "By Courier Staff | March 3, 2026 at 2:26 PM EST - Updated March 3 at 4:46 PM"
    assert _is_date_line(line) == "2026-03-03"
    assert parse_page_text(_page(line)).date == "2026-03-03"
    assert _is_date_line("March 3, 2026 at 2:26 PM - Updated March 4") == "2026-03-03"
    # the update's day alone gives no year; a sentence with a date stays a sentence
    assert _is_date_line("Updated March 3 at 4:46 PM") is None
    assert _is_date_line("Crews walked out on March 3, 2026 and were updated on pay talks by the board") is None


CLIP_TITLE = "Island commuters describe a week without ferries"
CLIP = "Commuters on the island tell our reporter how they crossed the strait while the crews were out."


def test_a_video_player_s_caption_over_the_article_is_not_its_first_paragraph() -> None:
    for label in ("Video", "video", "Watch"):
        page = "\n".join(["Home", "News", HEADLINE, "By Rina Okafor", "March 3, 2026", "Share", "close", label,
                          CLIP_TITLE, CLIP]) + "\n\n" + "\n\n".join([P1, P2, P3, P4])
        parts = parse_page_text(page)
        assert parts.title == HEADLINE
        assert parts.body == "\n\n".join([P1, P2, P3, P4])
        # the clip's title on its own paragraph, opening the kept run
        page = "\n".join(["Home", "News", HEADLINE, "By Rina Okafor", "March 3, 2026", "close", label]) + \
            "\n\n" + "\n\n".join([CLIP_TITLE, CLIP, P1, P2, P3, P4])
        assert parse_page_text(page).body == "\n\n".join([P1, P2, P3, P4])


def test_a_paragraph_under_a_video_label_stays_when_the_article_is_no_longer() -> None:
    # no clip's title between the label and the paragraph: the article itself
    page = "\n".join(["Home", HEADLINE, "By Rina Okafor", "March 3, 2026", "Video"]) + "\n\n" + \
        "\n\n".join([P1, P2, P3, P4])
    assert parse_page_text(page).body == "\n\n".join([P1, P2, P3, P4])
    # the paragraph is most of what follows: a short item about the clip, kept whole
    page = "\n".join(["Home", HEADLINE, "By Rina Okafor", "March 3, 2026", "Video", CLIP_TITLE]) + "\n\n" + \
        "\n\n".join([P1, P2])
    assert parse_page_text(page).body.startswith(P1)
    # an ordinary article keeps its first paragraph
    assert parse_page_text(_page("By Rina Okafor", "March 3, 2026")).body.startswith(P1)


def test_the_real_pasted_page_with_a_video_player_starts_with_the_article() -> None:
    # Fox Business's copy: "close" / "video" / the clip's title / its description, then the article
    path = _need(DATA / "real-pages" / "pasted" / "bc-foxbusiness-51374560f400.txt")
    text = path.read_text(encoding="utf-8")
    lines = [ln.strip() for ln in text.splitlines()]
    at = next(i for i, ln in enumerate(lines) if ln == "video")
    clip = next(ln for ln in lines[at + 2:] if ln)  # the paragraph under the clip's title
    body = parse_page_text(text).body
    assert clip not in body
    assert body.split("\n\n")[0] == next(ln for ln in lines[lines.index(clip) + 1:] if ln)


def test_a_caption_with_an_agency_s_photo_or_a_french_credit_is_no_headline() -> None:
    # (the caption repeats the article's opening words, as a caption does)
    for caption in ("Ferry crews in Portvale went back to work after the walkout. | AP Photo Close",
                    "Ferry crews in Portvale went back to work after the walkout. - Reuters Photo",
                    "Ferry crews in Portvale back at work Crédits photo : Ana Lee/Le Courrier"):
        page = "\n".join(["Home", "News", HEADLINE, "Main Content", HEADLINE, "12 Comments", "RSS", "Email",
                          "Print", caption]) + "\n\n" + "\n\n".join([P1, P2, P3, P4])
        parts = parse_page_text(page)
        assert parts.title == HEADLINE, caption
        assert caption not in parts.body
    # a headline that names the agency's photographers is no caption
    title = "Portvale hires AP photo staff for the harbour museum"
    page = "\n".join(["Home", title, "By Rina Okafor", "March 3, 2026"]) + "\n\n" + "\n\n".join([P1, P2, P3, P4])
    assert parse_page_text(page).title == title


STANDFIRST = "The harbour board gave way on weekend pay after a week in which island commuters could not cross."


def test_a_writer_s_handle_line_under_the_headline_or_its_standfirst_is_the_byline() -> None:
    # the handle, then a relative time after a slash
    parts = parse_page_text(_page("Rina Okafor @rinaokafor / 2 days"))
    assert parts.byline == "Rina Okafor"
    # under the standfirst that the article's run opens with: the line is taken out of the body
    page = "\n".join(["Home", "News"]) + "\n\n" + "\n\n".join(
        [HEADLINE + "?", STANDFIRST, "Rina Okafor @rinaokafor", P1, P2, P3, P4])
    parts = parse_page_text(page)
    assert parts.byline == "Rina Okafor"
    assert "@rinaokafor" not in parts.body and P1 in parts.body
    # a person's name alone under the standfirst is not enough (a caption's, a section's)
    page = "\n".join(["Home", "News"]) + "\n\n" + "\n\n".join(
        [HEADLINE + "?", STANDFIRST, "Rina Okafor", P1, P2, P3, P4])
    assert parse_page_text(page).byline is None


def test_a_blog_post_s_posted_by_footer_gives_the_byline() -> None:
    body = "\n\n".join([P1, P2, P3, P4])
    page = "\n".join(["Harbour Notes", "Thursday, March 3, 2026", HEADLINE]) + "\n\n" + body + \
        "\n\nSee you at the pier,\nRina\n\nPosted by Rina Okafor at 5:06 AM\n3 comments:"
    parts = parse_page_text(page)
    assert parts.byline == "Rina Okafor"
    assert "Posted by" not in parts.body
    # a "posted by" line further down, under the blog's archive links, is not the post's
    far = body + "\n\nBlog Archive\nMarch 2026\nFebruary 2026\nJanuary 2026\nDecember 2025\n" \
        "Posted by Jo Park at 6:10 AM"
    assert parse_page_text("\n".join(["Harbour Notes", HEADLINE]) + "\n\n" + far).byline is None


def test_a_two_digit_year_date_with_an_american_time_zone_reads_month_first() -> None:
    for line, day in (("By RINA OKAFOR & JO PARK | 3/9/26 7:15 AM EDT", "2026-03-09"),
                      ("By RINA OKAFOR   3/ 4/26 09:19 PM ET", "2026-03-04")):
        assert parse_page_text(_page(line)).date == day, line
    # no zone: the order is not told, and no date is made up
    assert parse_page_text(_page("By RINA OKAFOR | 3/9/26 7:15 AM")).date is None


LONG1 = ("Ferry crews in Portvale went back to work on Thursday after the harbour board agreed to pay early "
         "shifts at the weekend rate, ending a walkout that had stranded island commuters for a week and left "
         "lorries queuing along the coast road for most of the time, the board's spokesman said.")
MORE = [
    "The deal runs until the end of next year, the crews' union said, and its members will vote on it at a "
    "meeting later this month in the hall by the old fish market.",
    "The board said timetables would be back to normal by Saturday, with extra sailings on the busiest route "
    "to clear the queue of lorries that had built up since the start of the walkout.",
    "Commuters who bought weekly passes during the walkout will be offered a refund at the terminal's ticket "
    "desk, the board added, and the island's council thanked residents for their patience.",
]


def test_a_related_box_under_the_first_paragraph_does_not_cut_the_article() -> None:
    page = "\n".join(["Home", "News", HEADLINE, "By Rina Okafor", "March 3, 2026"]) + "\n\n" + LONG1 + \
        "\n\nRelated articles\nIsland school closes early as ferries stop\nPier repairs to start in May\n\n" + \
        "\n\n".join(MORE)
    parts = parse_page_text(page)
    assert parts.body == "\n\n".join([LONG1, *MORE])
    # two short opening paragraphs right under the date line, then the box
    lead = ["Ferry crews in Portvale went back to work on Thursday, a week after they walked out over pay.",
            "The harbour board agreed to pay early shifts at the weekend rate, ending the walkout on its eighth day."]
    page = "\n".join(["Home", "News", HEADLINE, "By Rina Okafor", "March 3, 2026"]) + "\n\n" + \
        "\n\n".join(lead) + "\n\nFurther reading\nIsland school closes early as ferries stop\n" \
        "Pier repairs to start in May\n\n" + "\n\n".join(MORE)
    assert parse_page_text(page).body == "\n\n".join([*lead, *MORE])
    # a short paragraph over the box (a teaser's snippet) is not joined to what follows
    short = "Ferry crews in Portvale went back to work on Thursday."
    page = "\n".join(["Home", "News", HEADLINE]) + "\n\n" + short + \
        "\n\nRelated articles\nIsland school closes early as ferries stop\n\n" + "\n\n".join(MORE)
    assert short not in parse_page_text(page).body


def test_a_numbered_list_inside_the_article_is_no_thread_of_comments() -> None:
    # "1." over each step: the numbers are no comments' dates; the readers' thread below is
    # (the thread is longer than the article, as threads are)
    article = "\n\n".join([LONG1] + [f"{n}.\n{text}" for n, text in enumerate(MORE + [P2, P3], 1)])
    thread = "\n\n".join(
        f"Comment {n}\nPosted by reader{n}, March {n + 3}, 2026 at 10:0{n}\n{P4} {P1}" for n in range(1, 10))
    page = "\n".join(["Home", HEADLINE]) + "\n\n" + article + "\n\nComments\n\n" + thread
    parts = parse_page_text(page)
    assert parts.title == HEADLINE
    assert parts.body.startswith(LONG1) and MORE[0] in parts.body and "reader1" not in parts.body


def test_a_name_opening_with_an_accented_capital_is_a_person_s_name() -> None:
    from framing.loaders.text import _person_name

    for name in ("Élodie Marchand", "Óscar Ruiz Peña", "Łukasz Nowak", "Ana Lee"):
        assert _person_name(name), name
    for line in ("élodie marchand", "Économie Et Finances Du Port 2026", "CTV NEWS"):
        assert not _person_name(line), line
    parts = parse_page_text(_page("Óscar Ruiz | Portvale", "March 3, 2026"))
    assert parts.byline == "Óscar Ruiz"
    assert parts.title == HEADLINE


def test_a_headline_over_two_standfirst_lines_stays_the_headline() -> None:
    # the headline, a subtitle and a deck, each repeating the article's words, then the byline
    head = "Portvale ferry crews back at work"
    sub = "Ferry crews in Portvale went back to work after the harbour board agreed to pay the weekend rate"
    deck = "The walkout had stranded island commuters and left lorries queuing on the coast road for a week"
    page = "\n".join(["Home", "News", head, sub, deck, "Rina Okafor / Jo Park Portvale 3 MAR 2026 - 16:10 CET"]) + \
        "\n\n" + "\n\n".join([P1, P2, P3, P4])
    assert parse_page_text(page).title == head
    # one standfirst line under the headline: as before
    page = "\n".join(["Home", "News", head, sub, "By Rina Okafor", "March 3, 2026"]) + "\n\n" + \
        "\n\n".join([P1, P2, P3, P4])
    assert parse_page_text(page).title == head


def test_a_blog_s_default_account_is_no_byline() -> None:
    for account in ("Admin", "ADMIN", "Webmaster"):
        parts = parse_page_text(_page(f"Posted on March 3, 2026 by {account}"))
        assert parts.byline is None, account
        assert parts.date == "2026-03-03"
    # a writer's name there stays
    assert parse_page_text(_page("Posted on March 3, 2026 by Rina Okafor")).byline == "Rina Okafor"
