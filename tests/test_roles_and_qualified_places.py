"""Roles and places with a word before them (issue 11: actors that are
actors; read on 3,000 Article-Bias-Prediction articles, where the naming
table filed "the French president" under Barack Obama, "Kentucky senator"
under Elizabeth Warren and "Australian leader" under Nancy Pelosi, and made
person rows of "Communist China", "Current Florida" and "Officer Derek
Chauvin"). The people are invented; the countries and states are real, as the
gazetteer knows only those."""

from __future__ import annotations

import pytest

from framing.compare.actors import find_mentions, is_demonym_or_group_word, parse, resolve


def keys_of(*texts: str) -> dict[str, str]:
    """Each mention's form → the actor key it resolves to, over one event of
    one article per text."""
    ms = [(a, m) for a, t in enumerate(texts) for m in find_mentions(t)]
    res = resolve([(a, m.form) for a, m in ms], parsed=[m.parsed for _, m in ms])
    return dict(zip([m.form for _, m in ms], res.keys))


def test_a_role_with_a_country_is_no_person_written_without_it():
    keys = keys_of("President Ada Vale flew to Paris on Monday. The French president met her at the airport.")
    assert keys["President Ada Vale"] == "person:ada vale"
    assert keys["French president"] != "person:ada vale"


def test_a_role_with_a_country_is_the_person_written_with_it():
    keys = keys_of("French President Jon Marsh met Ada Vale. The French president thanked her.")
    assert keys["French president"] == keys["French President Jon Marsh"] == "person:jon marsh"


def test_a_role_with_a_country_finds_its_person_in_another_article_of_the_event():
    keys = keys_of("French President Jon Marsh arrived.", "President Ada Vale met the French president.")
    assert keys["French president"] == "person:jon marsh"


@pytest.mark.parametrize("role, person", [
    ("Kentucky senator", None),
    ("Massachusetts senator", "person:ada vale"),
])
def test_a_state_before_a_title_is_where_the_person_holds_it(role, person):
    keys = keys_of(f"Massachusetts Sen. Ada Vale spoke first. The {role} said she disagreed.")
    assert keys["Massachusetts Sen. Ada Vale"] == "person:ada vale"
    assert (keys[role] == "person:ada vale") == (person == "person:ada vale")


def test_the_state_before_a_title_is_read_as_its_country_is():
    assert parse("Ohio Gov. Ada Vale").country == parse("the Ohio governor").country == "place:ohio"
    assert parse("Kazakh President Ada Vale").country == parse("the Kazakh president").country == "KAZ"


@pytest.mark.parametrize("form, code", [
    ("Communist China", "CHN"),
    ("Islamic Iran", "IRN"),
    ("Younger Americans", "USA"),
    ("Increasingly Americans", "USA"),  # a sentence's adverb glued to the people it opens with
])
def test_an_adjective_before_a_country_or_its_people_is_that_country(form, code):
    p = parse(form)
    assert (p.kind, p.key) == ("country", code)


def test_an_adjective_before_a_state_is_that_state_as_written():
    p = parse("Current Florida")
    assert (p.kind, p.key) == ("place", "place:florida")


@pytest.mark.parametrize("form", ["Real Madrid", "Downtown Washington"])
def test_an_adjective_before_a_capital_is_not_its_government(form):
    # the capital stands for the government only alone ("Washington said")
    assert parse(form).kind != "country"


@pytest.mark.parametrize("form", ["Northern Virginia", "Southern California"])
def test_a_compass_word_before_a_state_still_names_a_part_of_it(form):
    p = parse(form)
    assert p.kind == "place" and p.key == "place:" + form.lower()


@pytest.mark.parametrize("form", ["Black Americans", "Muslim Americans", "African-Americans",
                                  "Mexican-American", "Israeli-Palestinian"])
def test_a_group_of_people_is_no_actor_and_no_fact(form):
    assert parse(form).kind == "other"
    assert is_demonym_or_group_word(form)


def test_a_hyphenated_name_is_still_a_name():
    assert parse("Ada Ocasio-Vale").kind == "person"
    assert not is_demonym_or_group_word("Ocasio-Vale")


def test_mirrored_groups_are_treated_alike():
    assert {parse(f).kind for f in ("Black Americans", "White Americans")} == {"other"}
    assert {parse(f).kind for f in ("Christian Americans", "Muslim Americans", "Jewish Americans")} == {"other"}


@pytest.mark.parametrize("form, name, title", [
    ("Ferguson Police Officer Ada Vale", "Ada Vale", "officer"),
    ("Border Patrol Agent Ada Vale", "Ada Vale", "agent"),
    ("Trooper Ada Vale", "Ada Vale", "trooper"),
    ("Lieutenant Colonel Ada Vale", "Ada Vale", "colonel"),
])
def test_police_and_army_titles_are_no_part_of_the_name(form, name, title):
    p = parse(form)
    assert (p.kind, p.name, p.title) == ("person", name, title)


def test_a_link_card_glued_after_a_name_is_cut_from_it():
    # "President Vale Ada Jane ValeGOP": the page's link card (the full name
    # glued to the next link's text) runs on after the name
    found = [m.form for m in find_mentions("President Vale Ada Jane ValeGOP senators met on Monday.")]
    assert "President Vale" in found
    assert not any("ValeGOP" in f for f in found)


def test_a_repeated_name_without_glue_stays_whole():
    assert [m.form for m in find_mentions("Sirhan Bishara Sirhan was there.")] == ["Sirhan Bishara Sirhan"]


def test_the_adjective_form_is_filed_with_the_country():
    keys = keys_of("Communist China warned Japan on Monday.", "China warned Japan on Monday.")
    assert keys["Communist China"] == keys["China"] == "CHN"


@pytest.mark.parametrize("party, other", [("Republican", "Democratic"), ("Democratic", "Republican")])
def test_a_party_before_a_title_is_the_persons_as_a_state_is(party, other):
    # mirrored: the same rule for either party
    same = keys_of(f"{party} Sen. Ada Vale spoke first. The {party} senator said she disagreed.")
    assert same[f"{party} senator"] == "person:ada vale"
    others = keys_of(f"{party} Sen. Ada Vale spoke first. The {other} senator said she disagreed.")
    assert others[f"{other} senator"] != "person:ada vale"


def test_a_role_with_a_party_is_no_person_written_without_one():
    keys = keys_of("Sen. Ada Vale spoke first. The Republican senator said she disagreed.")
    assert keys["Republican senator"] != "person:ada vale"


@pytest.mark.parametrize("text", [
    "Kazakhstan’s Deputy Prime Minister and Minister of Foreign Affairs, Ada Vale, arrived. "
    "Kazakhstan’s Deputy Prime Minister spoke first.",
    "Ada Vale, the Kazakh president, arrived. The Kazakh president spoke first.",
])
def test_a_role_put_beside_a_name_gives_the_name_its_country(text):
    keys = keys_of(text, "Deputy Prime Minister Ada Vale and President Ada Vale met Jon Marsh.")
    roles = [f for f in keys if f.startswith(("Kazakh", "Kazakhstan"))]
    assert roles and all(keys[f] == "person:ada vale" for f in roles)


def test_a_role_not_beside_the_name_does_not_give_it_a_country():
    keys = keys_of("Ada Vale arrived on Monday. Later the Kazakh president spoke.")
    assert keys["Kazakh president"] != "person:ada vale"


def test_a_name_opening_the_next_clause_is_no_apposition():
    keys = keys_of("During a call between Ada Vale and the Kazakh president, Ada Vale defended him. "
                   "The Kazakh president thanked her.")
    assert keys["Kazakh president"] != "person:ada vale"


@pytest.mark.parametrize("text, name", [
    ("Mayor Ada de Vale said so.", "Ada de Vale"),
    ("Reporters asked de Vale again.", "de Vale"),
    ("Teodor van Brask painted it.", "Teodor van Brask"),
    ("Kesh bin Marsh fled.", "Kesh bin Marsh"),
    ("President Kesh al-Marsh spoke.", "Kesh al-Marsh"),
    ("Kesh al Marsh spoke.", "Kesh al Marsh"),
])
def test_a_particle_in_lower_case_is_part_of_the_name(text, name):
    people = [m.parsed.name for m in find_mentions(text) if m.parsed.kind == "person"]
    assert name in people
    assert not any(p == name.split()[-1] or p == name.split()[0] and " " in name for p in people)


def test_a_surname_with_its_particle_is_the_full_names_person():
    keys = keys_of("Ada de Vale met donors.", "Reporters asked de Vale again.")
    assert keys["de Vale"] == keys["Ada de Vale"] == "person:ada de vale"


def test_a_particle_before_a_lower_case_word_is_no_name():
    assert find_mentions("It was the de facto rule.") == []


@pytest.mark.parametrize("form, key", [
    ("al-Qaeda", "AL_QAEDA"), ("al Qaeda", "AL_QAEDA"), ("ISIS", "ISIS"), ("Islamic State", "ISIS"),
    ("Taliban", "TALIBAN"), ("Proud Boys", "PROUD_BOYS"), ("Ku Klux Klan", "KKK"),
])
def test_armed_and_extremist_groups_of_every_kind_are_organisations(form, key):
    found = find_mentions(f"Officials said {form} was behind it.")
    assert [(m.parsed.kind, m.parsed.key) for m in found] == [("organisation", key)]


def test_a_deputys_title_is_not_the_title_of_the_one_deputised_for():
    forms = ["Attorney General Ada Vale", "Deputy Attorney General Jon Marsh", "the deputy attorney general",
             "the attorney general"]
    keys = dict(zip(forms, resolve([(1, f) for f in forms]).keys))
    assert keys["the deputy attorney general"] == "person:jon marsh"
    assert keys["the attorney general"] == "person:ada vale"
    assert parse("Deputy Attorney General Jon Marsh").title == "deputy attorney general"


@pytest.mark.parametrize("text", ["They feared a “Fiscal Cliff” this winter.", "It was a “Lost Decade” for them.",
                                  'He spoke of "Social Issues" once.', "They feared the 'Fiscal Cliff' that year.",
                                  "It was the ‘Lost Decade’ for them."])
def test_english_words_quoted_once_are_a_phrase_not_a_name(text):
    assert find_mentions(text) == []


@pytest.mark.parametrize("text, form", [
    ("Vale spoke. Critics said “Vale” had lied.", "“Vale”"),  # a name the text writes again
    ("They called the “Israel” lobby strong.", "“Israel”"),  # a country's name, distanced
    ("Ada Vale called him “Lyin Kesh”.", "“Lyin Kesh”"),  # a nickname with a name in it
])
def test_a_name_in_quotation_marks_stays_a_name(text, form):
    assert form in [m.form for m in find_mentions(text)]


def test_a_title_in_quotation_marks_stays_a_distanced_form():
    found = [m for m in find_mentions("The “Prime Minister” Ada Vale left.") if "Prime" in m.form]
    assert found and found[0].parsed.distanced


@pytest.mark.parametrize("text, name", [
    ("Mayor Ada de Vale said so.", "Ada de Vale"),
    ("Kesh bin Marsh fled on Monday.", "Kesh bin Marsh"),
    ("The port of Rio de Kesh reopened.", "Rio de Kesh"),
    ("Prime Minister Kesh al-Marsh spoke on Monday.", "Kesh al-Marsh"),  # an Arabic article glued to the name
    ("Aides to Kesh el-Marsh left.", "Kesh el-Marsh"),
    ("Justice Ada O'Vale retired on Monday.", "Ada O'Vale"),  # an elided particle: O'Connor, D'Souza
    ("Reporters asked Teodor D’Brask again.", "Teodor D’Brask"),
])
def test_facts_and_naming_read_a_name_with_its_particle_alike(text, name):
    from framing.compare._text import name_sequences

    assert any(n.endswith(name) for _, _, n in name_sequences(text))
    assert any(m.form.endswith(name) for m in find_mentions(text))


def test_facts_read_a_name_that_opens_with_its_arabic_article():
    from framing.compare._text import name_sequences

    assert [n for _, _, n in name_sequences("Officials said al-Marsh was behind it, not real-Time Kesh.")] \
        == ["al-Marsh", "Kesh"]


def test_a_particle_joins_no_words_that_are_not_names():
    from framing.compare._text import name_sequences

    assert [n for _, _, n in name_sequences("Ada Vale said the de facto rule binds Kesh Marsh.")] == ["Ada Vale", "Kesh Marsh"]


def test_two_middle_initials_are_another_person_than_one():
    keys = keys_of("Tomas H.J. Brecht served one term. His son Tomas J. Brecht served two.")
    assert keys["Tomas H.J. Brecht"] != keys["Tomas J. Brecht"]


def test_a_middle_name_left_out_is_still_the_person():
    keys = keys_of("Ada Kesh Vale spoke first. Ada Vale left later.")
    assert keys["Ada Vale"] == keys["Ada Kesh Vale"]
