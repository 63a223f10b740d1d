"""What a page sets inside an article besides its text, copied with it: a
newsletter's sign-up form, a person's hover card (round 37).

Found on the real pasted pages (NBC News' form, The Hill's cards); the pages
here are invented.
"""

from __future__ import annotations

from framing.loaders.text import parse_page_text, without_hover_cards

HEADLINE = "Harbour pilots end their strike after a night of talks"
P1 = ("Portvale's harbour pilots returned to work on Tuesday after the port authority agreed to pay "
      "night shifts at the weekend rate, ending a strike that had kept eleven ships waiting.")
P2 = ("The agreement runs for two years, the union said, and will be put to a vote of its members "
      "at the end of the month.")
P3 = ("Shipping agents said the backlog would take most of the week to clear, as the pilots bring "
      "in the largest ships first.")


def test_a_sign_up_form_inside_the_article_is_not_its_text() -> None:
    page = "\n\n".join([
        HEADLINE, P1,
        "Let the harbour news reach your inbox. Our morning briefing, delivered every weekday.",
        "Sign Up",
        "This site is protected by reCAPTCHA and the Google Privacy Policy and Terms of Service apply.",
        P2, P3])
    parts = parse_page_text(page)
    assert parts.title == HEADLINE
    assert parts.body == "\n\n".join([P1, P2, P3])


def test_a_paragraph_about_email_that_no_form_follows_is_kept() -> None:
    # the article's own sentence about e-mail: no button or notice under it
    mail = "The union told its members by email on Monday night, and most read it within the hour."
    page = "\n\n".join([HEADLINE, P1, mail, P2, P3])
    assert mail in parse_page_text(page).body


def test_a_hover_card_copied_into_a_sentence_is_taken_out() -> None:
    card = ("The strike was called by Mara DelaneyMara DelaneyHarbour Watch: pilots vote | ferries "
            "cancelled | port fees rise Delaney says talks will go on MORE (Pilots' Union), who "
            "led the talks.")
    assert without_hover_cards(card) == "The strike was called by Mara Delaney (Pilots' Union), who led the talks."
    # no button within reach: only the glued copy goes
    assert without_hover_cards("Talks were led by Mara DelaneyMara Delaney, the union's chair.") == \
        "Talks were led by Mara Delaney, the union's chair."
    # a name said twice with a space, or a word that repeats, is the writer's
    for text in ("She thanked Mara Delaney. Mara Delaney thanked her.", "Bora Bora is far.", "a MORE b"):
        assert without_hover_cards(text) == text


def test_the_pasted_loader_takes_the_card_out_of_the_stored_body(tmp_path) -> None:
    # parse_page_text cuts slices of the page; the loader then reads the card away
    from framing.corpus import InputFile, load_file

    card = ("The strike was called by Mara DelaneyMara DelaneyHarbour Watch: pilots vote | ferries "
            "cancelled MORE (Pilots' Union), who led the talks.")
    page = tmp_path / "page.txt"
    page.write_text("\n\n".join([HEADLINE, P1, card, P2, P3]), encoding="utf-8")
    (item,), errors = load_file(InputFile(page, page.name))
    assert not errors
    assert "The strike was called by Mara Delaney (Pilots' Union), who led the talks." in item.article.body
    assert "DelaneyMara" not in item.article.body
    assert card in parse_page_text(page.read_text(encoding="utf-8")).body


def test_a_reading_time_under_the_name_marks_it_as_the_byline() -> None:
    # Firefox's Reader View, copied whole: the site, the headline, the writer, the reading time
    for reading in ("4–5 minutes", "5 min read", "Reading time: 3 minutes", "3-minute read"):
        parts = parse_page_text("\n\n".join(["courier.example", HEADLINE, "Mara Delaney", reading, P1, P2, P3]))
        assert (parts.title, parts.byline) == (HEADLINE, "Mara Delaney"), reading
        assert parts.body == "\n\n".join([P1, P2, P3])
    # a sentence that gives a length in minutes is no reading time
    parts = parse_page_text("\n\n".join([HEADLINE, "Mara Delaney", "The talks lasted 40 minutes.", P1, P2]))
    assert parts.byline is None
