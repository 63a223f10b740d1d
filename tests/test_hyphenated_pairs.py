"""A hyphenated pair of names is no person (issue 11: actors that are actors):
"the Brask-Varenne talks", "the Harbour-Kesh merger", "Brask-era rules" pair
two names or date a thing, and must not gather every "Brask" and "Varenne" of
the event under one actor "Brask-Varenne". A double-barrelled surname is still
the surname of the person named in full. The people and places here are
invented."""

from __future__ import annotations

import pytest

from framing.compare.actors import resolve
from framing.compare.naming import naming
from framing.detect import Detector, load_lexicon
from framing.models import Article


@pytest.fixture(scope="module")
def detector():
    return Detector(load_lexicon()).fit()


def test_a_hyphenated_pair_does_not_take_the_names_it_pairs():
    mentions = [(1, "Tomas Brask"), (1, "Brask-Varenne"), (1, "Brask"), (1, "Ilsa Varenne"), (1, "Varenne")]
    keys = resolve(mentions).keys
    assert keys[2] == keys[0] and keys[4] == keys[3]  # each surname goes to its person
    assert keys[1] not in (keys[0], keys[3])


def test_a_double_barrelled_surname_is_still_the_persons():
    keys = resolve([(1, "Ada Lind-Vale"), (1, "Lind-Vale")]).keys
    assert keys[0] == keys[1]


def test_no_naming_row_named_after_a_pair_of_names(detector):
    arts = [
        Article(id=1, source="1.txt", outlet="Almera Courier", date="2026-03-12",
                body="The Brask-Varenne talks ended on Monday. Tomas Brask said Brask would return, and "
                     "Ilsa Varenne said Varenne was hopeful about the Kesh dam."),
        Article(id=2, source="2.txt", outlet="Kesh Daily", date="2026-03-12",
                body="Talks on the Kesh dam ended. Brask and Varenne will meet again, Tomas Brask said."),
    ]
    an = {a.id: detector.analyze(a) for a in arts}
    rows = {r.actor: {f.form for f in r.forms} for r in naming(arts, an, max_actors=None)}
    assert "Brask-Varenne" not in rows, rows
    assert "Brask" in rows["Tomas Brask"] and "Varenne" in rows["Ilsa Varenne"]
