"""A list of names kept in an article's text (a site's country selector, a row
of state codes under a chart, a flattened infobox) is page furniture, not
names the story mentions: no naming row, no fact, no event label, and no
evidence for grouping (two stories of one site share it whatever they are
about). Invented outlet, places and people throughout."""

from __future__ import annotations

import pytest

from framing.compare import _text
from framing.compare._text import LIST_NAMES, list_spans, name_sequences
from framing.compare.facts import facts
from framing.compare.grouping import group_events
from framing.models import Article

# An invented site's newsletter box with its country selector, as a scraper
# or a copy keeps it inside the article's text.
PLACES = ("Ardelia Almera Velmora Norland Ostrava Kesh Brennvik Tavrin Siran Valdoria Montalbo Ribaseca "
          "Dobrany Malomveg Hegyalja Quintana Sarel Pelham Skarn Brask Corvela Ismere Lundra Parvik Oresk "
          "Talvin Merrow Castile Dunmore Frey")
SELECTOR = (f"Get the Morning Brief. Sign up for the stories you need today. Choose your country "
            f"United States of Ardelia {PLACES.replace('Kesh', 'Kesh and Tavrin Islands')}, The Republic "
            f"of Ismere {PLACES[:60]}")

COUNCIL = ("Almera council votes to close the Tavrin coal plant",
           "The Almera council voted nine to four on Tuesday to close the Tavrin coal plant by 2030, and "
           "Mayor Corin Daske promised retraining money for the plant's six hundred workers. Union leader "
           "Edda Vorn said the vote came without a plan for the town's tax income.")
FLOOD = ("Glacier lake floods sixty homes above Brennvik",
         "A glacier lake burst above Brennvik in Norland on Tuesday, flooding sixty homes; scientists at "
         "the Skarn Glacier station had warned of the surge for weeks and the valley road stays closed, "
         "said Inspector Halle Brun of the county police.")


def test_a_selector_of_places_is_a_list_not_names():
    body = COUNCIL[1] + "\n\n" + SELECTOR
    spans = list_spans(body)
    assert spans and all(body[a:b].split()[0] in ("United", "Ardelia") for a, b in spans)
    names = [n for _, _, n in name_sequences(body)]
    assert "Mayor Corin Daske" in names and "Edda Vorn" in names
    assert not any(p in n for n in names for p in ("Valdoria", "Corvela", "Lundra"))


@pytest.mark.parametrize("prose", [
    # two titled officials joined by "and": a long run of capitals, but prose
    "Almera Port Authority Deputy Chief of Staff Corin Daske and Velmora Harbour Board Vice Chair "
    "Edda Vorn met on Friday.",
    # a list of people with commas between them: names the story carries
    "The speakers were Governor Ilsa Varenne, Mayor Corin Daske, Senator Edda Vorn, Judge Halle Brun, "
    "Captain Joss Ferrow, Professor Mara Lind and Bishop Teodor Brask.",
    # a headline-style line in Title Case inside the body
    "Read More: Almera Council Votes To Close The Tavrin Coal Plant By 2030 After Long Debate",
])
def test_prose_with_many_capitals_is_not_a_list(prose):
    assert list_spans(prose) == []
    assert len(list(name_sequences(prose))) >= 2


def test_the_list_threshold_is_the_documented_one():
    run = " ".join(PLACES.split()[:LIST_NAMES])
    assert list_spans("Choose: " + run) != []
    assert list_spans("Choose: " + " ".join(PLACES.split()[:LIST_NAMES - 1])) == []


def test_two_stories_of_one_site_that_both_carry_its_selector_stay_apart(monkeypatch):
    arts = [Article(id=1, source="a", outlet="Morning Ledger", title=COUNCIL[0], body=COUNCIL[1] + "\n\n" + SELECTOR),
            Article(id=2, source="b", outlet="Morning Ledger", title=FLOOD[0], body=FLOOD[1] + "\n\n" + SELECTOR)]
    events = group_events(arts, copies={})
    assert sorted(e.articles for e in events) == [[1], [2]]
    labels = " ".join(e.label for e in events)
    assert "Corvela" not in labels and "Lundra" not in labels
    # ... which they were not when the selector's names counted
    with monkeypatch.context() as m:
        m.setattr(_text, "LIST_NAMES", 10 ** 6)
        _text._runs_and_lists.cache_clear()
        assert [sorted(e.articles) for e in group_events(arts, copies={})] == [[1, 2]]
    _text._runs_and_lists.cache_clear()


def test_a_selector_gives_no_facts():
    art = Article(id=1, source="a", outlet="Morning Ledger", title=COUNCIL[0], body=COUNCIL[1] + "\n\n" + SELECTOR)
    texts = {r.text for r in facts([art], {})}
    assert any("Daske" in t for t in texts)
    assert not any(p in t for t in texts for p in ("Valdoria", "Corvela", "Lundra", "Parvik"))
