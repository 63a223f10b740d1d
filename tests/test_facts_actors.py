"""Facts left out, read with the event's actors (issue 11: facts are checkable
details): an outlet that names an actor in another form — a label, a title,
a surname, the seat of its government — has not left that actor out; a
common noun capitalised for emphasis and a word after a dateline are no
names. Fictional articles written here."""

from __future__ import annotations

import pytest

from framing.compare.actors import find_mentions
from framing.compare.facts import facts
from framing.compare.naming import naming
from framing.detect import Detector, load_lexicon
from framing.models import Article


@pytest.fixture(scope="module")
def detector():
    return Detector(load_lexicon()).fit()


def _art(i, outlet, body, dateline=None):
    return Article(id=i, source=f"{i}.txt", outlet=outlet, body=body, date="2026-03-12", dateline=dateline)


def _actor_names(arts, detector):
    """The actors of the naming table, every row."""
    an = {a.id: detector.analyze(a) for a in arts}
    return [r.actor for r in naming(arts, an, max_actors=None)]


def _facts(arts, detector, *, with_actors=True):
    an = {a.id: detector.analyze(a) for a in arts}
    actors = naming(arts, an, max_actors=None) if with_actors else ()
    return {r.text: r for r in facts(arts, an, actors)}


def test_a_titled_name_and_a_surname_are_one_fact_carried_by_every_outlet_naming_the_person(detector):
    arts = [
        _art(1, "Almera Courier", "Prime Minister Teodor Brask of Velmora opened the bridge at Kesh. "
             "Teodor Brask said the tolls would fall."),
        _art(2, "Kesh Daily", "Teodor Brask opened the bridge at Kesh on Monday. Brask spoke for ten minutes."),
        _art(3, "Norland Post", "The Velmoran prime minister, Teodor Brask, opened the Kesh bridge."),
    ]
    rows = _facts(arts, detector)
    assert "Prime Minister Teodor Brask" not in rows
    assert rows["Teodor Brask"].absent == []
    # without the actors, the titled name is a fact of its own, left out by two outlets
    plain = _facts(arts, detector, with_actors=False)
    assert plain["Prime Minister Teodor Brask"].absent == ["Kesh Daily", "Norland Post"]


def test_a_title_and_surname_the_naming_table_files_under_a_person_are_that_persons_fact(detector):
    arts = [
        _art(1, "Almera Courier", "Teodor Brask opened the bridge at Kesh on Monday. President Brask said "
             "the tolls would fall, and Brask left at noon."),
        _art(2, "Kesh Daily", "Teodor Brask opened the bridge at Kesh on Monday. Brask spoke for ten minutes."),
    ]
    rows = _facts(arts, detector)
    assert "President Brask" not in rows
    assert rows["Teodor Brask"].absent == []


@pytest.mark.parametrize("country, label", [("Israel", "the Zionist regime"), ("Iran", "the Iranian regime")])
def test_an_outlet_naming_a_country_only_by_a_label_carries_it(detector, country, label):
    """Mirrored: each side's label for the other names a country."""
    arts = [
        _art(1, "Almera Courier", f"On Monday {country} closed the crossing at Kerem. Officials in {country} "
             "said the trucks were turned back."),
        _art(2, "Kesh Daily", f"On Monday {label} closed the crossing at Kerem, and officials of {label} "
             "turned the trucks back."),
    ]
    assert _facts(arts, detector)[country].absent == []
    assert _facts(arts, detector, with_actors=False)[country].absent == ["Kesh Daily"]


def test_a_seat_of_government_is_its_country(detector):
    arts = [
        _art(1, "Almera Courier", "On Monday the United States said that talks with Kesh would resume."),
        _art(2, "Kesh Daily", "On Monday officials in Washington said that talks with Kesh would resume."),
    ]
    rows = _facts(arts, detector)
    assert rows["United States"].absent == [] and "Washington" not in rows


def test_a_common_noun_capitalised_for_emphasis_is_no_fact(detector):
    arts = [
        _art(1, "Almera Courier", "Velmora's leader wrote that the deal brings “Peace and Prosperity to "
             "the Region”. Critics said peace needs more than a deal, and the region is tired."),
        _art(2, "Kesh Daily", "The deal, signed in Kesh, brings peace, its backers said. The region's "
             "farmers wait for the water."),
    ]
    rows = _facts(arts, detector)
    assert "Peace" not in rows and "Region" not in rows
    assert "Kesh" in rows  # a name never written in lower case stays


def test_a_name_the_texts_write_more_often_capitalised_stays_a_fact(detector):
    arts = [
        _art(1, "Almera Courier", "The Harbor Ledger reported on Monday that Ostra Harbor reopened. "
             "Ostra Harbor had been shut since March. A harbor pilot said Ostra Harbor was calm."),
        _art(2, "Kesh Daily", "Ostra Harbor reopened on Monday, the port authority said."),
    ]
    assert "Ostra Harbor" in _facts(arts, detector)


def test_the_word_after_a_dateline_starts_a_sentence(detector):
    body = "KESH (Kesh Daily) – Responding to the vote, Ilsa Varenne said the river bridge would reopen."
    arts = [_art(1, "Kesh Daily", body, dateline="KESH (Kesh Daily)"),
            _art(2, "Almera Courier", "Ilsa Varenne said the river bridge would reopen.")]
    rows = _facts(arts, detector)
    assert not any(t.startswith("Responding") for t in rows)
    assert rows["Ilsa Varenne"].absent == []


def test_a_party_and_state_affiliation_is_no_fact(detector):
    arts = [_art(1, "Almera Courier", "Senator Ada Vale (D-Calif.) and Representative Bo Lint (R-Wis.) "
                 "voted for the bill.")]
    rows = _facts(arts, detector)
    assert not any(t.startswith(("D-", "R-")) for t in rows)


def test_months_are_dates_not_names(detector):
    arts = [_art(1, "Almera Courier", "The accord was drafted in March and signed in Kesh.")]
    rows = _facts(arts, detector)
    assert rows["March"].kind == "date"


@pytest.mark.parametrize("opener", ["Because", "Although", "Both", "April"])
def test_a_sentence_opener_glued_to_a_name_that_stands_alone_is_cut_off(opener):
    text = f"Teodor Brask spoke first. {opener} Teodor Brask had signed, the vote went ahead."
    forms = [m.form for m in find_mentions(text)]
    assert forms == ["Teodor Brask", "Teodor Brask"]


@pytest.mark.parametrize("name", ["Bill Clinton", "New Kesh", "Will Ostra"])
def test_a_name_whose_first_word_is_also_a_function_word_keeps_it(name):
    last = name.split()[1]
    text = f"{last} spoke first. {name} spoke next, and {name} left."
    assert name in [m.form for m in find_mentions(text)]


def test_a_word_that_opens_a_sentence_is_kept_when_the_rest_never_stands_alone():
    # "All Saints" is a name of its own: "Saints" is never written alone
    assert "All Saints Hospital" in [m.form for m in find_mentions("All Saints Hospital opened a wing.")]


def test_a_government_and_its_country_are_one_naming_row(detector):
    arts = [
        _art(1, "Almera Courier", "On Monday the Iranian government said talks with Kesh would resume, "
             "and Iran sent its envoy."),
        _art(2, "Kesh Daily", "On Monday Iran said talks with Kesh would resume; the Iranian government "
             "sent its envoy."),
    ]
    actors = _actor_names(arts, detector)
    assert actors.count("Iran") == 1 and "IRN" not in actors


def test_an_organisation_is_shown_by_its_name(detector):
    arts = [
        _art(1, "Almera Courier", "On Monday the Ostra Freight Institute said the Kesh line would reopen."),
        _art(2, "Kesh Daily", "The Kesh line will reopen, the Ostra Freight Institute said on Monday."),
    ]
    actors = _actor_names(arts, detector)
    assert "Ostra Freight Institute" in actors and not any(a.startswith("org:") for a in actors)


def test_a_line_set_in_capitals_is_no_name():
    text = "SENATOR 'PROUD' OF THE KESH RIVER ACCORD TALKS. Teodor Brask signed the accord."
    assert [m.form for m in find_mentions(text, keep_all=True)] == ["Teodor Brask"]
    # short names in capitals stay
    assert [m.form for m in find_mentions("The FBI and NEW YORK police met AJIT PAI.", keep_all=True)] == \
        ["FBI", "NEW YORK", "AJIT PAI"]


def test_a_person_only_a_title_case_headline_names_is_no_actor(detector):
    arts = [
        Article(id=1, source="1.txt", outlet="Almera Courier", date="2026-03-12",
                title="Kesh Freight Stock Is Falling After Its Earnings Release",
                body="Kesh Freight reported lower earnings on Monday, and Kesh Freight shares fell."),
        Article(id=2, source="2.txt", outlet="Kesh Daily", date="2026-03-12",
                body="Kesh Freight shares fell on Monday after Kesh Freight reported lower earnings."),
    ]
    actors = _actor_names(arts, detector)
    assert not any("Falling" in a for a in actors)


def test_a_role_one_outlet_names_a_person_by_is_that_person(detector):
    arts = [
        _art(1, "Almera Courier", "US President Ada Vale signed the Kesh accord in Almera on Monday. "
             "Vale said the accord would hold."),
        _art(2, "Kesh Daily", "The US President signed the Kesh accord in Almera on Monday. "
             "Ada Vale said it would hold."),
    ]
    rows = _facts(arts, detector)
    assert "US President" not in rows
    assert rows["Ada Vale"].absent == []


def test_a_place_and_its_strip_are_one_fact_and_a_city_is_not_its_country(detector):
    """Real place names, invented sentences: "the Gaza Strip" carries Gaza;
    Mexico City is not Mexico."""
    arts = [
        _art(1, "Almera Courier", "Aid trucks reached the Gaza Strip on Monday. Officials in Mexico City "
             "sent two planes."),
        _art(2, "Kesh Daily", "Aid trucks reached Gaza on Monday, and Mexico sent two planes."),
    ]
    rows = _facts(arts, detector, with_actors=False)
    assert rows["Gaza"].absent == [] and "Gaza Strip" not in rows
    assert rows["Mexico City"].absent == ["Kesh Daily"] and rows["Mexico"].absent == ["Almera Courier"]


def test_a_datelines_place_and_credit_are_no_facts(detector):
    arts = [
        _art(1, "Almera Courier", "OSTRA (Velpress) – Teodor Brask opened the bridge at Kesh on Monday.",
             dateline="OSTRA (Velpress)"),
        _art(2, "Kesh Daily", "Teodor Brask opened the bridge at Kesh on Monday, Velpress said."),
    ]
    rows = _facts(arts, detector, with_actors=False)
    assert "Velpress" in rows and rows["Velpress"].present == ["Kesh Daily"]  # named in its story there
    assert "Ostra" not in rows and "OSTRA" not in rows
    assert rows["Teodor Brask"].absent == [] and rows["Kesh"].absent == []


def test_a_title_with_no_name_is_no_fact(detector):
    arts = [
        _art(1, "Almera Courier", "The Deputy Prime Minister met Teodor Brask in Kesh on Monday. "
             "Deputy Prime Minister Ilsa Varenne said the talks went well."),
        _art(2, "Kesh Daily", "Teodor Brask met Ilsa Varenne in Kesh on Monday."),
    ]
    rows = _facts(arts, detector)
    assert "Deputy Prime Minister" not in rows
    assert rows["Ilsa Varenne"].absent == []


def test_an_outlet_naming_itself_reports_no_fact_and_carries_its_name(detector):
    arts = [
        _art(1, "Almera Courier", "The bridge at Kesh opened on Monday, the Courier understands. "
             "Teodor Brask cut the ribbon."),
        _art(2, "Kesh Daily", "Teodor Brask opened the bridge at Kesh on Monday."),
        _art(3, "Norland Post", "Teodor Brask opened the bridge at Kesh on Monday and sent a letter to "
             "the Almera Courier."),
    ]
    rows = _facts(arts, detector)
    assert "Courier" not in rows
    courier = rows["Almera Courier"]
    assert courier.present == ["Almera Courier", "Norland Post"] and courier.absent == ["Kesh Daily"]


@pytest.mark.parametrize("short, full", [
    ("IAEA", "International Atomic Energy Agency"),
    ("ISIS", "Islamic State"),
    ("DOJ", "Justice Department"),
])
def test_an_organisations_initials_and_its_name_are_one_fact(detector, short, full):
    """An outlet that writes "IAEA" has not left out the International Atomic
    Energy Agency that another outlet names in full (the organisations are
    real, as the gazetteer knows only those; the articles are invented)."""
    arts = [
        _art(1, "Almera Courier", f"The {full} said on Monday that its team would visit Kesh. "
             "Officials in Kesh said the visit was agreed."),
        _art(2, "Kesh Daily", f"The {short} said on Monday that its team would visit Kesh next week."),
    ]
    rows = _facts(arts, detector)
    names = [t for t in rows if t in (short, full)]
    assert len(names) == 1, sorted(rows)
    assert rows[names[0]].absent == []


@pytest.mark.parametrize("text, name", [
    ("The visit was set by Secretary of State Teodor Kovash on Monday.", "teodor kovash"),
    ("Minister of Foreign Affairs Ada O'Vale met them in Kesh.", "ada o'vale"),
    ("Secretary of Defense Leon E. Brask met them in Kesh.", "leon brask"),
])
def test_a_name_after_an_office_with_of_is_the_persons(text, name):
    """"Secretary of State Teodor Kovash": the words of the office after "of"
    ("State", "Foreign Affairs") are no part of the person's fact."""
    from framing.compare.facts import mentions

    assert ("entity", name) in [m.key for m in mentions(text)]


@pytest.mark.parametrize("text, fact", [
    ("The head of Home Depot spoke in Kesh.", "home depot"),  # an organisation after the office
    ("The chairman of Public Policy Polling spoke in Kesh.", "public policy polling"),
    ("The mayor of London spoke in Kesh.", "london"),  # a place
    ("The director of the Senate Conservatives Fund PAC spoke.", "senate conservatives fund pac"),
])
def test_an_organisation_or_a_place_after_an_office_stays_whole(text, fact):
    from framing.compare.facts import mentions

    assert ("entity", fact) in [m.key for m in mentions(text)]


def test_the_office_alone_is_no_fact():
    from framing.compare.facts import mentions

    assert ("entity", "state") not in [m.key for m in mentions("The former secretary of State met them in Kesh.")]
