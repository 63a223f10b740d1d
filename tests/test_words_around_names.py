"""Words that news writes next to a person's name and that are no part of it
(issue 11: actors that are actors; read on 3,000 Article-Bias-Prediction
articles, where each made actor rows of their own): a party member's noun
before the name ("Democrat Ada Vale", AP style), a plural title ("Sens. Ada
Vale and ..."), a conjunction opening the sentence ("Although Vale ..."), a
weekday after a full name ("said Ada Vale Tuesday") and a word in capitals
after it ("Ada Vale IS ..."). The people are invented."""

from __future__ import annotations

import pytest

from conftest import table_actors

from framing.compare.actors import find_mentions


def people(text: str) -> list[tuple[str, str | None]]:
    return [(m.parsed.name, m.parsed.title) for m in find_mentions(text) if m.parsed.kind == "person"]


@pytest.mark.parametrize("party", ["Democrat", "Republican", "Tory", "Labour", "Libertarian"])
def test_a_party_members_noun_before_a_name_is_no_part_of_it(party):
    # the same rule for every party: mirrored sentences
    assert people(f"{party} Ada Vale won the seat.") == [("Ada Vale", None)]


@pytest.mark.parametrize("text, form", [
    ("The Republican Jewish Coalition met in Ohio.", "Republican Jewish Coalition"),  # a group's name
    ("The Democrat Party met in Ohio.", "Democrat Party"),  # the party itself
])
def test_a_party_word_opening_another_name_stays(text, form):
    found = {m.form: m.parsed for m in find_mentions(text, keep_all=True)}
    assert form in found
    assert found[form].name in (None, form)  # not a person named by the words after the party


@pytest.mark.parametrize("title", ["Sens.", "Reps.", "Govs."])
def test_a_plural_title_is_a_title(title):
    assert people(f"Republican {title} Ada Vale and Teodor Brask spoke.") == [
        ("Ada Vale", title.lower()), ("Teodor Brask", None)]


@pytest.mark.parametrize("word", ["Although", "Though", "Despite", "Unlike", "Since", "Unless"])
def test_a_conjunction_opening_a_sentence_is_no_first_name(word):
    assert people(f"{word} Vale had doubts, the bill passed.") == [("Vale", None)]


def test_a_first_name_that_is_a_word_stays():
    assert people("Will Vale spoke first.") == [("Will Vale", None)]


@pytest.mark.parametrize("text, name", [
    ("The bill, said Ada Vale Tuesday, will pass.", "Ada Vale"),
    ("Ada Vale IS the one to beat, the banner said.", "Ada Vale"),
])
def test_a_weekday_or_a_shouted_word_after_a_full_name_is_cut(text, name):
    assert people(text) == [(name, None)]


@pytest.mark.parametrize("text, form", [
    ("Stores opened early on Black Friday.", "Black Friday"),
    ("Voters went to the polls on Super Tuesday.", "Super Tuesday"),
])
def test_a_day_named_with_one_word_stays_whole(text, form):
    assert form in [m.form for m in find_mentions(text, keep_all=True)]


def test_the_naming_table_files_the_party_noun_under_the_person():
    actors = table_actors("Democrat Ada Vale beat Teodor Brask for the Kesh seat. Vale thanked voters.",
                          "Republican Teodor Brask lost the Kesh seat to Ada Vale. Brask conceded.")
    assert {"Ada Vale", "Teodor Brask"} <= actors
    assert not any(a.startswith(("Democrat ", "Republican ")) for a in actors)


@pytest.mark.parametrize("text, junk", [
    ("Ada Vale spoke in Kesh. (AP Photo/Teodor Brask)", "AP Photo"),
    ("Ada Vale spoke in Kesh. Getty Images", "Getty Images"),
    ("FILE PHOTO: Ada Vale spoke in Kesh.", "FILE PHOTO"),
    ("Ada Vale spoke in Kesh. Hide Caption 1 of 24", "Hide Caption"),
    ("JUST WATCHED Vale speaks Replay More Videos ...", "Replay More Videos"),
    ("WATCH: Ada Vale spoke in Kesh.", "WATCH"),
])
def test_a_credit_or_a_label_is_no_actor(text, junk):
    found = find_mentions(text)
    assert ("Ada Vale", None) in people(text) or "Vale" in [m.form for m in found]
    assert junk not in [m.form for m in found]


@pytest.mark.parametrize("text", ["The vote is on Oct. 5 in Kesh.", "Since the Sept. 11 attacks, Kesh has changed.",
                                  "The riot of Jan 6 shook Kesh."])
def test_a_month_before_a_day_is_a_date(text):
    assert not {m.form for m in find_mentions(text)} & {"Oct", "Sept", "Jan"}


def test_a_first_name_that_abbreviates_a_month_stays():
    assert people("Jan Vale spoke on Oct. 5.") == [("Jan Vale", None)]


def test_the_naming_table_has_no_month_nor_credit_rows():
    actors = table_actors("Ada Vale won the Kesh seat on Sept. 11. Vale thanked voters. (AP Photo/Teodor Brask)",
                          "FILE PHOTO: Ada Vale in Kesh. Vale won the seat on Sept. 11. Getty Images")
    assert "Ada Vale" in actors
    assert not actors & {"Sept", "AP Photo", "FILE PHOTO", "PHOTO", "FILE", "Getty Images"}


@pytest.mark.parametrize("party", ["Democrat", "Republican"])
def test_a_fact_names_the_person_without_the_party_noun_or_honorific(party):
    from framing.compare.facts import mentions

    found = [m.text for m in mentions(f"{party} Ada Vale won. Mr Brask lost. (AP Photo/Kesh Daily) "
                                      "Getty Images Teodor Brask") if m.kind == "entity"]
    assert "Ada Vale" in found and "Brask" in found
    assert not [f for f in found if f.startswith((party, "Mr ", "AP", "Getty"))]


@pytest.mark.parametrize("text, paper, city", [
    ("The Almera Post-Gazette reported it. Almera voted on Monday.", "Almera Post-Gazette", "Almera"),
    ("The Kesh Star-Tribune reported it. Kesh voted on Monday.", "Kesh Star-Tribune", "Kesh"),
])
def test_a_newspapers_hyphenated_name_is_no_persons(text, paper, city):
    found = {m.form: m.parsed for m in find_mentions(text)}
    assert found[paper].kind == "organisation"
    assert found[city].name != paper  # the city is no first name of the paper


def test_a_hyphenated_given_name_stays_a_persons():
    assert people("Moon Jae-in met Park Ji-sun in Seoul.") == [("Moon Jae-in", None), ("Park Ji-sun", None)]


def test_a_name_shouted_in_one_place_is_shown_as_written_elsewhere():
    actors = table_actors("Kesh voters chose ADA VALE on Monday. Ada Vale thanked them.",
                          "Ada Vale won the Kesh seat; Vale thanked voters.")
    assert "Ada Vale" in actors and "ADA VALE" not in actors


@pytest.mark.parametrize("text, line", [
    ("Read more: Mitt Romney Calls Donald Trump A Phony. Romney spoke in Kesh.", "Mitt Romney Calls Donald Trump A Phony"),
    ("The band played “It Keeps You Runnin’” in Kesh.", "It Keeps You Runnin"),
    ("The band played “Takin’ It to the Streets” in Kesh.", "Takin’ It"),
])
def test_a_headline_or_a_works_title_in_title_case_is_no_name(text, line):
    forms = [m.form for m in find_mentions(text)]
    assert not [f for f in forms if line in f or f in line and " " in f]


@pytest.mark.parametrize("text, name", [
    ("Senate Majority Whip Ada Vale spoke.", "Ada Vale"),  # a long run with no function word
    ("The Bank of Kesh and Ada Vale agreed.", "Ada Vale"),
    ("Voters chose “Ada Vale” on Monday.", "Ada Vale"),  # a name in quotation marks
])
def test_a_long_or_quoted_name_stays(text, name):
    assert name in [p for p, _ in people(text)]


def test_a_members_party_and_state_is_no_actor():
    found = [m.form for m in find_mentions("Rep. Ada Vale (D-Calif.) and Sen. Teodor Brask, R-Texas, spoke on D-Day.")]
    assert found == ["Rep. Ada Vale", "Sen. Teodor Brask", "D-Day"]  # D-Day is no party and state
    actors = table_actors("Rep. Ada Vale (D-Calif.) spoke in Kesh.", "Ada Vale, D-Calif., spoke in Kesh.")
    assert "Ada Vale" in actors and "D-Calif" not in actors


@pytest.mark.parametrize("text, name", [
    # a page's link card glued after the name: the full legal name and the next link's text
    ("Sen. Ada Vale Ada Maria Vale2020 Democrats said the bill would pass.", "Ada Vale"),
    ("Teodor Brask Teodor Brask Kesh spoke to reporters.", "Teodor Brask"),
])
def test_a_link_card_glued_after_a_name_is_no_part_of_it(text, name):
    assert [p for p, _ in people(text)] == [name]


def test_a_name_that_repeats_a_word_at_its_end_stays():
    assert people("Ada Maria Ada was elected.") == [("Ada Maria Ada", None)]


def test_a_newspapers_name_and_its_short_name_are_one_organisation():
    found = {m.form: m.parsed for m in find_mentions("The Kesh Evening Tribune reported it. Kesh voted on Monday.")}
    assert found["Kesh Evening Tribune"].kind == "organisation"
    actors = table_actors("The Kesh Evening Tribune said Ada Vale won. The Tribune endorsed Vale.",
                          "Ada Vale won, the Tribune reported. The Kesh Evening Tribune endorsed Vale.")
    assert "Kesh Evening Tribune" in actors and "Tribune" not in actors


def test_a_question_word_before_an_owner_is_no_part_of_the_name():
    assert [m.form for m in find_mentions("Brask won again. Why Brask’s plan failed is clear.")] == ["Brask", "Brask’s"]


def test_a_surname_goes_to_the_name_the_event_names_most_when_the_article_ties():
    from framing.compare.actors import resolve

    mentions = [(1, "Ada Vale"), (1, "Mira Vale"), (1, "Vale"),  # one of each in full: a tie
                (2, "Mira Vale"), (2, "Vale"), (3, "Mira Vale")]
    keys = resolve(mentions).keys
    assert keys[2] == "person:mira vale"  # not Ada, first in the alphabet


def test_a_states_abbreviation_after_a_city_is_no_actor_nor_fact():
    from framing.compare.facts import mentions

    text = "Ada Vale spoke in Fresno, Calif., on Monday. Mass was said in Boston, Mass., at noon."
    forms = {m.form: m.parsed.kind for m in find_mentions(text)}
    assert "Calif" not in forms and "Fresno" in forms and "Boston" in forms
    facts = [m.text for m in mentions(text) if m.kind == "entity"]
    assert "Calif" not in facts and "Fresno" in facts


@pytest.mark.parametrize("party", ["Republican", "Democratic"])
def test_a_source_cut_at_its_full_stop_or_a_group_word_is_no_source(party):
    from framing.compare.facts import mentions

    def sources(text):
        return [m.key for m in mentions(text) if m.kind == "source"]

    assert sources(f"The {party} senator told U.S. officials that prices rose.") == []
    assert sources(f"The {party} senator told Mr. Vale that prices rose.") == []
    assert sources(f"The {party} senator told Russian officials that prices rose.") == []
    assert sources(f"The {party} senator told The Kesh Courier on Monday that prices rose, and he told "
                   "Kesh Courier readers more.") == [("source", "kesh courier")]


@pytest.mark.parametrize("text, name", [
    ("Ada Vale arrived. Later Vale spoke to reporters.", "Vale"),
    ("Earlier Kesh Marsh had left the room.", "Kesh Marsh"),
    ("Clearly Vale had not read the bill.", "Vale"),
    ("Suddenly Portugal was the favourite.", "Portugal"),
    ("Instead President Vale flew home.", "President Vale"),
])
def test_an_adverb_opening_the_sentence_is_no_part_of_the_facts_name(text, name):
    from framing.compare._text import name_sequences

    assert name in [n for _, _, n in name_sequences(text)]


@pytest.mark.parametrize("text, day", [("Earlier Wednesday, the talks broke up.", "Wednesday"),
                                       ("Late Friday the vote was held.", "Friday"),
                                       ("Early Thursday the rain stopped.", "Thursday")])
def test_a_time_adverb_before_a_weekday_leaves_the_weekday(text, day):
    from framing.compare._text import name_sequences

    assert [n for _, _, n in name_sequences(text)] == [day]


@pytest.mark.parametrize("text, name", [
    ("Daily Caller editors disagreed.", "Daily Caller"),  # an adjective in -ly
    ("Sally Vale spoke.", "Sally Vale"),  # a first name that is a noun in -ly
    ("Early Voting began in Ohio.", "Early Voting"),  # "early" before no day
    ("Holy Land tours resumed.", "Holy Land"),
])
def test_a_word_in_ly_that_opens_a_name_stays(text, name):
    from framing.compare._text import name_sequences

    assert name in [n for _, _, n in name_sequences(text)]


@pytest.mark.parametrize("text, junk, name", [
    ("Kesh spoke. | AP Photos Vale plan tests patience\n\nAda Vale spoke.", "AP Photos Vale", "Vale"),
    ("Photographer: Ada Vale/Kesh Times\n\nTeodor Brask spoke.", "Photographer", "Ada Vale"),
    ("JUST WATCHED Author: Vale better off Replay More Videos", "Author", "Vale"),
])
def test_a_credit_or_a_label_before_a_colon_is_cut_from_the_name(text, junk, name):
    forms = [m.form for m in find_mentions(text)]
    assert junk not in forms and name in forms
    assert not any(f.startswith(("JUST", "Author")) for f in forms)


@pytest.mark.parametrize("text, form", [
    ("Vale: I will win. Vale said so twice.", "Vale"),  # a name the text writes without the colon
    ("Trump: I will win. Trump said so.", "Trump"),  # a surname that is also a noun
    ("The FBI Director: a profile.", "FBI Director"),  # a title before a colon
])
def test_a_name_before_a_colon_stays(text, form):
    assert form in [m.form for m in find_mentions(text)]


@pytest.mark.parametrize("text, name", [
    ("Maybe Kesh is next. Analysts said Kesh had won.", "Kesh"),  # a sentence adverb
    ("Highlighting Kesh was odd. They said Kesh had won.", "Kesh"),  # a verb's -ing form
    ("Expect Ada Vale to speak. Ada Vale said no.", "Ada Vale"),  # a bare verb before a full name
    ("Enter Ada Vale.\nThe agent Ada Vale bought it.", "Ada Vale"),
    ("It’s Ada Vale again. Ada Vale said no.", "Ada Vale"),  # a curly apostrophe's contraction
])
def test_a_verb_or_an_adverb_opening_the_sentence_is_no_part_of_the_name(text, name):
    forms = [m.form for m in find_mentions(text)]
    assert forms.count(name) == 2, forms


@pytest.mark.parametrize("text, name", [
    ("Peter Vale spoke. They said Vale had won.", "Peter Vale"),  # a first name that is also a verb
    ("Harry Vale spoke. They said Vale had won.", "Harry Vale"),
    ("Occupy Kesh protesters marched. The Occupy Kesh movement grew. Kesh fell.", "Occupy Kesh"),
])
def test_a_word_that_is_also_a_first_name_or_a_name_stays(text, name):
    assert name in [m.form for m in find_mentions(text)]


@pytest.mark.parametrize("form", ["First Amendment", "Kesh Rule", "Great Recession", "Great Depression",
                                  "Kesh Pandemic"])
def test_a_law_or_an_era_named_with_capitals_is_no_actor(form):
    assert form not in [m.form for m in find_mentions(f"Critics said the {form} was at stake in Kesh.")]
