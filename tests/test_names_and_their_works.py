"""A name beside what is named after it or owned by it (issue 11: actors that
are actors; read on 3,000 Article-Bias-Prediction articles, where each made
rows of their own): a programme its owner's possessive names in quotation
marks ("Kesh One’s “Meet the Nation”"), a building or a report named after a
person ("Vale Tower") that must not take the person's surname, an
organisation the gazetteer knows written with a possessive ("the Justice
Department’s"), headline verbs in Title Case and interjections opening
quoted speech. The people, outlets and programmes are invented."""

from __future__ import annotations

import pytest

from conftest import one_event, table_actors

from framing.compare.actors import find_mentions, parse, resolve
from framing.compare.naming import naming


def forms(text: str) -> list[str]:
    return [m.form for m in find_mentions(text)]


@pytest.mark.parametrize("text, owner", [
    ("Ada Vale told Kesh One’s “Meet the Nation” on Sunday that she would run.", "Kesh One’s"),
    ("Ada Vale told KTV’ “Face the Week” that she would run.", "KTV"),
    ('Ada Vale told Almera News\' "Vale Tonight" that she would run.', "Almera News"),
])
def test_a_programme_quoted_after_its_owners_possessive_is_no_name(text, owner):
    found = forms(text)
    assert "Ada Vale" in found
    assert owner in found  # the owner stays a name of its own
    assert not any("Meet" in f or "Face" in f or "Tonight" in f or "Week" in f for f in found)


def test_a_nickname_in_quotation_marks_stays_inside_the_name():
    assert forms("Teodor “Teddy” Brask spoke.") == ["Teodor “Teddy” Brask"]


def test_a_quotation_after_a_name_without_a_possessive_is_cut_from_it():
    # the run of names ends where the quotation opens ("Hulu “Hillary”")
    assert "Ada Vale" in forms("A film by Ada Vale “Kesh Rising” opened.")


def test_a_surname_goes_to_the_person_not_to_the_building_named_after_them():
    ms = [(1, m) for m in find_mentions("Ada Vale met donors at Vale Tower. Vale Tower is tall. "
                                        "Vale Tower was full. Vale said the tower was full.")]
    res = resolve([(a, m.form) for a, m in ms], parsed=[m.parsed for _, m in ms])
    keys = dict(zip([m.form for _, m in ms], res.keys))
    assert keys["Vale"] == keys["Ada Vale"] == "person:ada vale"


def test_a_first_name_still_goes_to_the_full_name_holding_it():
    ms = [(1, m) for m in find_mentions("Ada Vale spoke. Ada thanked Teodor Brask. Brask left.")]
    res = resolve([(a, m.form) for a, m in ms], parsed=[m.parsed for _, m in ms])
    assert dict(zip([m.form for _, m in ms], res.keys))["Ada"] == "person:ada vale"


@pytest.mark.parametrize("form", ["the Justice Department’s", "Justice Department's", "the White House's"])
def test_a_known_organisation_with_a_possessive_is_that_organisation(form):
    p = parse(form)
    assert p.kind in ("organisation", "country") and p.key
    assert p.key == parse(form.replace("’s", "").replace("'s", "")).key


def test_headline_verbs_and_interjections_are_no_actor_rows():
    actors = table_actors("Senator Ada Vale Says Kesh Must Wait. “Hey Teodor, thanks,” Vale told Brask. "
                          "Oh, Vale said. Vale Praises Brask.",
                          "“Hey, thanks,” said Ada Vale to Teodor Brask. Brask Slams Vale. Oh, Brask said.")
    assert {"Ada Vale", "Teodor Brask"} <= actors
    assert not actors & {"Says", "Praises", "Slams", "Hey", "Oh", "Thanks", "Says Kesh", "Hey Teodor"}


def test_a_quotation_that_opened_before_a_run_ends_it():
    # "“Kesh Tonight Sunday” Ada Vale": the programme's quotation closes, the name follows
    assert "Ada Vale" in forms("Brask told “Kesh Tonight Sunday” Ada Vale was wrong.")
    # a quoted word that opens the run stays with the name after it
    assert forms('"Almeran" so-called Prime Minister Teodor Brask spoke.') == [
        '"Almeran" so-called Prime Minister Teodor Brask']


@pytest.mark.parametrize("name, compound", [("Vale", "Valecare"), ("Almera", "Almeragate")])
def test_a_compound_of_a_name_and_an_english_word_is_no_form_of_the_name(name, compound):
    from framing.compare._text import same_stem

    assert not same_stem(name, compound)


@pytest.mark.parametrize("short, long_", [("Almera", "Almeran"), ("Kesh", "Keshstan"), ("Israel", "Israeli")])
def test_a_demonym_or_a_country_is_still_a_form_of_its_name(short, long_):
    from framing.compare._text import same_stem

    assert same_stem(short, long_)


def test_the_naming_table_keeps_a_law_named_after_a_person_apart_from_them():
    # a surname written alone, never in full: its row is filed by its stem
    rows = {r.actor: {f.form for f in r.forms} for r in naming(*one_event(
        "Voters like Brask. They said Brask signed Braskcare. They like Braskcare too.",
        "They praised Brask and Braskcare. Critics met Brask over Braskcare."), max_actors=None)}
    assert "Brask" in rows
    assert "Braskcare" not in rows["Brask"]


@pytest.mark.parametrize("word", ["Sure", "Frankly", "Absolutely", "Look"])
def test_the_word_that_opens_quoted_speech_is_no_fact_nor_actor(word):
    # 'Vale retorted: “Sure, ...': capitalised because it opens what is said
    from framing.compare.facts import mentions

    text = f"Asked about the seat, Ada Vale retorted: “{word}, if Teodor Brask wants it.” Brask laughed."
    assert word not in [m.text for m in mentions(text) if m.kind == "entity"]
    actors = table_actors(text, f"Teodor Brask said, “{word}, the seat is open.” Ada Vale agreed.")
    assert word not in actors and {"Ada Vale", "Teodor Brask"} <= actors


def test_a_name_opening_quoted_speech_is_still_a_name_where_the_text_writes_it_elsewhere():
    from framing.compare.facts import mentions

    text = "Vale said: “Kesh will vote.” The vote in Kesh is close."
    assert "Kesh" in [m.text for m in mentions(text) if m.kind == "entity"]


def _facts_of(*bodies: str) -> dict[str, list[str]]:
    from framing.compare.facts import facts

    arts, an = one_event(*bodies)
    return {f.text: f.absent for f in facts(arts, an, naming(arts, an, max_actors=None))}


def test_a_surname_is_not_left_out_by_an_outlet_naming_the_person_in_full():
    # one outlet writes "Ada Vale" and "Vale", the other only "Vale": both name her
    found = _facts_of("Ada Vale won the Kesh seat on Monday. Vale thanked voters in Kesh.",
                      "Vale won the Kesh seat on Monday, and Vale thanked voters in Kesh.")
    assert found.get("Vale", []) == [] and found.get("Ada Vale", []) == []


def test_a_titled_surname_goes_to_the_person_written_with_that_title():
    # the second article names only Teodor Vale in full; its "President Vale" is the
    # event's President Ada Vale, and its bare "Vale" stays Teodor Vale
    texts = ["President Ada Vale spoke in Kesh.",
             "Teodor Vale, her husband, said President Vale would win. Vale smiled."]
    ms = [(i, m) for i, t in enumerate(texts) for m in find_mentions(t)]
    keys = resolve([(i, m.form) for i, m in ms], parsed=[m.parsed for _, m in ms]).keys
    got = {(i, m.form): k for (i, m), k in zip(ms, keys)}
    assert got[(1, "President Vale")] == "person:ada vale"
    assert got[(1, "Vale")] == "person:teodor vale"


@pytest.mark.parametrize("text, name", [
    ("The vote on the Kesh Accord MORE was close, Ada Vale said.", "Kesh Accord"),  # a link's "MORE"
    ("Ada Vale spoke at the Kesh State House Thursday about the vote.", "Kesh State House"),
    ("Teodor Brask met Ada Vale Tuesday. Ada Vale said no.", "Ada Vale"),
])
def test_a_fact_names_no_word_a_page_glued_after_the_name(text, name):
    from framing.compare.facts import mentions

    found = [m.text for m in mentions(text) if m.kind == "entity"]
    assert name in found
    assert not any(f.startswith(name + " ") for f in found)


@pytest.mark.parametrize("label", ["MUST WATCH", "FOR TAX FRAUD", "BREAKING NEWS"])
def test_a_label_in_capitals_is_no_fact(label):
    from framing.compare.facts import mentions

    found = [m.text for m in mentions(f"Ada Vale won the Kesh seat. {label} Teodor Brask lost.") if m.kind == "entity"]
    assert not any(label.split()[0] in f for f in found)
    assert "Ada Vale" in found


def test_the_word_opening_a_line_after_a_label_in_capitals_is_no_fact():
    from framing.compare.facts import mentions

    text = ("Ada Vale spoke. JUST WATCHED Fiery debate over the Kesh seat Replay More Videos ... "
            "MUST WATCH Fiery debate over the Kesh seat 05:33\n\nTeodor Brask said no.")
    found = [m.text for m in mentions(text) if m.kind == "entity"]
    assert "Fiery" not in found and not any("WATCH" in f for f in found)
    assert {"Ada Vale", "Teodor Brask"} <= set(found)


def test_a_thing_named_after_a_person_is_no_actor_row():
    actors = table_actors("Ada Vale opened Vale Tower in Kesh. Vale Tower is tall, Vale said.",
                          "Vale Tower, built by Ada Vale, opened in Kesh. Vale cut the ribbon at Vale Tower.")
    assert "Ada Vale" in actors and "Vale Tower" not in actors


def test_a_person_is_no_thing_beside_an_epithet_ending_in_their_first_name():
    # "Crazy Ada" ends in Ada Sander's first name; Ada Sander stays a person
    actors = table_actors("Ada Sander spoke in Kesh. Critics call her Crazy Ada. Sander laughed.",
                          "Ada Sander won in Kesh. Sander thanked voters.")
    assert "Ada Sander" in actors


@pytest.mark.parametrize("epithet", ["Crooked Ada", "Sleepy Ada", "Crazy Ada Vale", "Big Bad Ada Vale", "Phony Vale"])
def test_an_epithet_before_a_name_is_a_form_of_that_person(epithet):
    texts = [f"Ada Vale won the Kesh seat. {epithet}, her rival called her.", "Ada Vale thanked voters."]
    ms = [(i, m) for i, t in enumerate(texts) for m in find_mentions(t)]
    keys = resolve([(i, m.form) for i, m in ms], parsed=[m.parsed for _, m in ms]).keys
    got = {m.form: k for (_, m), k in zip(ms, keys)}
    assert got[epithet] == "person:ada vale"


def test_an_adjective_that_is_also_a_noun_opens_a_name_of_its_own():
    # "Young" is a noun too (the young): Young Vale is no epithet of Ada Vale
    texts = ["Ada Vale won the Kesh seat. Young Vale, her cousin, lost.", "Ada Vale thanked voters."]
    ms = [(i, m) for i, t in enumerate(texts) for m in find_mentions(t)]
    keys = resolve([(i, m.form) for i, m in ms], parsed=[m.parsed for _, m in ms]).keys
    assert dict(zip([m.form for _, m in ms], keys))["Young Vale"] == "person:young vale"


@pytest.mark.parametrize("text", ["Ada Vale I'm told won the seat.", "See Ada Vale's plan for Kesh."])
def test_a_contraction_or_a_readers_instruction_is_no_part_of_a_name(text):
    assert "Ada Vale" in [m.parsed.name for m in find_mentions(text + " Ada Vale spoke.") if m.parsed.name]
    assert not any(m.form.startswith(("See ", "Ada Vale I")) for m in find_mentions(text + " Ada Vale spoke."))


def test_a_row_of_labels_only_is_named_as_written():
    arts, an = one_event("The Velmoran regime jailed Ada Vale. Vale spoke in Kesh.",
                         "The Velmoran regime jailed Ada Vale in Kesh, Vale said.")
    actors = {r.actor for r in naming(arts, an, max_actors=None)}
    assert not any(a.islower() for a in actors)


@pytest.mark.parametrize("opener", ["Here", "Then", "Even", "Both"])
def test_a_sentences_first_word_glued_before_a_full_name_whose_surname_stands_alone_is_cut(opener):
    assert [m.form for m in find_mentions(f"{opener} Ada Vale spoke in Kesh. Vale said no.")][0] == "Ada Vale"


@pytest.mark.parametrize("name", ["June Teufel Dreyer", "First Lady Ada Vale"])
def test_a_month_or_a_word_of_names_before_a_full_name_stays(name):
    last = name.split()[-1]
    assert [m.form for m in find_mentions(f"{name} spoke in Kesh. {last} said no.")][0] == name
