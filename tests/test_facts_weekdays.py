"""A weekday is no fact one outlet carries and another leaves out (issue 11:
facts are checkable details): which day "Tuesday" is depends on when each
outlet wrote, and another outlet writes the same day as "March 3" or
"yesterday". A date with its month stays a fact. Invented outlets and people."""

from __future__ import annotations

from conftest import one_event

from framing.compare.facts import facts
from framing.compare.naming import naming


def test_a_weekday_is_no_fact_left_out():
    arts, an = one_event(
        "The Kesh bridge reopened on Tuesday, March 3, after 40 days of repairs, Ilsa Varenne said.",
        "The Kesh bridge reopened on March 3 after repairs, Ilsa Varenne said on Wednesday.",
        dates=("2026-03-04", "2026-03-05"))
    rows = {r.text: r for r in facts(arts, an, naming(arts, an, max_actors=None))}
    assert not {"Tuesday", "Wednesday"} & set(rows), sorted(rows)
    assert rows["March 3"].present == ["Almera Courier", "Kesh Daily"]
    assert rows["40 days"].present == ["Almera Courier"]
