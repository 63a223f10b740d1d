"""A brand written alone is no given name of its product (round 33): the
resolver joins a one-word name to the full name it opens ("Hillary" is
Hillary Clinton), so a company written alone joined its product's name as one
"person" (on the real pages, "Apple" x24 in the actor "Apple Thunderbolt").
The text tells them apart by how it refers back: a brand takes "its", a person
"he" or "she". The names and texts here are invented."""

from __future__ import annotations

import pytest

from framing.compare.naming import naming
from framing.detect import Detector, load_lexicon
from framing.models import Article

OUTLETS = ("Almera Courier", "Kesh Daily")


@pytest.fixture(scope="module")
def detector():
    return Detector(load_lexicon()).fit()


def _rows(detector, bodies):
    arts = [Article(id=i + 1, source=f"{i + 1}.txt", outlet=o, date="2026-03-12", body=b)
            for i, (o, b) in enumerate(zip(OUTLETS, bodies))]
    an = {a.id: detector.analyze(a) for a in arts}
    return naming(arts, an, max_actors=None)


def _actor_of(rows, form):
    """The actor of the row holding a form (None: no row)."""
    return next((r.actor for r in rows for f in r.forms if f.form == form), None)


def _shown(rows):
    """Each row's actor and forms, for a failing assertion's message."""
    return [(r.actor, [f.form for f in r.forms]) for r in rows]


BRAND = ("On Monday, Quillo showed the Quillo Lumen lamp. In a statement, Quillo said its stores would "
         "carry the lamp next month. This week, Quillo cut its prices, and its shares rose.")
BRAND_OTHER = ("The Quillo Lumen went on sale on Monday. In May, Quillo said its lamp would ship, "
               "and its rivals followed. Analysts said its shares rose.")


@pytest.mark.parametrize("bodies", [(BRAND, BRAND_OTHER), (BRAND_OTHER, BRAND)])  # mirrored outlets
def test_a_brand_referred_to_as_its_is_no_given_name_of_its_product(detector, bodies):
    rows = _rows(detector, bodies)
    assert _actor_of(rows, "Quillo") == "Quillo", _shown(rows)
    assert {f.outlet for r in rows if r.actor == "Quillo" for f in r.forms} == set(OUTLETS)


PERSON = ("On Monday, Maren Holt opened the fair. At noon, Maren said she and the firm, with its "
          "partners, would fund the hall. Later, Maren thanked its staff, and she praised its chief.")
PERSON_OTHER = ("On Monday, Maren Holt spoke. At noon, Maren said the fund and its partners backed her, "
                "and its board agreed with her plan.")
TITLED = ("On Monday, Dorn Vessa Kal spoke in Velmora. Later, Chairman Dorn met the envoys. At noon, "
          "Dorn said Velmora and its army would hold its line, and its allies agreed.")
TITLED_OTHER = ("On Monday, Dorn Vessa Kal met the envoys. At noon, Dorn said Velmora would keep its army "
                "ready and its ports shut, and its allies agreed.")




@pytest.mark.parametrize("bodies, form, actor", [
    # "its" of a firm nearby, but "she" and "her" after the given name as well: Maren is Maren Holt
    ((PERSON, PERSON_OTHER), "Maren", "Maren Holt"),
    ((PERSON_OTHER, PERSON), "Maren", "Maren Holt"),
    # a country's "its" after the name, no personal pronoun, but "Chairman Dorn" says Dorn is a person's name
    ((TITLED, TITLED_OTHER), "Dorn", "Dorn Vessa Kal"),
    ((TITLED_OTHER, TITLED), "Dorn", "Dorn Vessa Kal"),
])
def test_a_persons_given_name_stays_joined(detector, bodies, form, actor):
    """Near misses: a one-word name that a person's pronoun or a title shows
    to be a given name stays in the person's row (outlets mirrored)."""
    rows = _rows(detector, bodies)
    assert _actor_of(rows, form) == actor, _shown(rows)
