"""A weekday is no fact one outlet carries and another leaves out (issue 11:
facts are checkable details): which day "Tuesday" is depends on when each
outlet wrote, and another outlet writes the same day as "March 3" or
"yesterday". A date with its month stays a fact. Invented outlets and people."""

from __future__ import annotations

import pytest

from framing.compare.facts import facts
from framing.compare.naming import naming
from framing.detect import Detector, load_lexicon
from framing.models import Article


@pytest.fixture(scope="module")
def detector():
    return Detector(load_lexicon()).fit()


def test_a_weekday_is_no_fact_left_out(detector):
    arts = [
        Article(id=1, source="1.txt", outlet="Almera Courier", date="2026-03-04",
                body="The Kesh bridge reopened on Tuesday, March 3, after 40 days of repairs, Ilsa Varenne said."),
        Article(id=2, source="2.txt", outlet="Kesh Daily", date="2026-03-05",
                body="The Kesh bridge reopened on March 3 after repairs, Ilsa Varenne said on Wednesday."),
    ]
    an = {a.id: detector.analyze(a) for a in arts}
    rows = {r.text: r for r in facts(arts, an, naming(arts, an, max_actors=None))}
    assert not {"Tuesday", "Wednesday"} & set(rows), sorted(rows)
    assert rows["March 3"].present == ["Almera Courier", "Kesh Daily"]
    assert rows["40 days"].present == ["Almera Courier"]
