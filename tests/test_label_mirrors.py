"""A label that names a side and its mirror ("far-left" / "far-right",
"hard-left" / "hard-right") is judged alike in the same sentence: the
classifier's probability must not depend on which side the label names.
(Round 14's model gave "far-right" a lower weight than "far-left" because
only "far-right" had a not-loaded example; the examples are now mirrored.)"""

from __future__ import annotations

import pytest

from framing.detect import Detector, load_lexicon
from framing.models import Article

CONTEXTS = [
    "The {} mayor wants to cut the library budget again.",
    "Police arrested two {} activists outside the council hall.",
    "The report lists symbols used by militants and other {} extremists.",
    "Members of a {} militia were charged with plotting the attack.",
    "He endorsed proposals by the governor and other {} legislators.",
]
PAIRS = [("far-left", "far-right"), ("far left", "far right"), ("hard-left", "hard-right")]


@pytest.fixture(scope="module")
def classifier():
    return Detector(load_lexicon()).fit()


def _label(classifier, text, word):
    hits = [h for h in classifier.detect(Article(source="t", body=text, id=1))
            if h.text.lower() == word]
    assert len(hits) == 1, (text, word, [h.text for h in classifier.detect(Article(source="t", body=text, id=1))])
    return hits[0]


@pytest.mark.parametrize("left, right", PAIRS)
@pytest.mark.parametrize("context", CONTEXTS)
def test_label_and_its_mirror_are_judged_alike(context, left, right, classifier):
    a = _label(classifier, context.format(left), left)
    b = _label(classifier, context.format(right), right)
    assert a.category == b.category == "labeling"
    assert a.loaded == b.loaded, (a.probability, b.probability)
    assert abs(a.probability - b.probability) < 0.01, (context, a.probability, b.probability)


#: Round 40 (words40): on NeuS-AllSides' same stories the right's "rioters"
#: for the crowd of 6 January was flagged and the left's "insurrectionists"
#: was not; the right's "hoax" was and the left's "the Big Lie" was not. Each
#: word now sits in the entry of its mirror ("mob", "baseless").
CROWD_CONTEXTS = [
    "{} broke into the council hall in Velmora on Tuesday.",
    "Police arrested two {} outside the council hall.",
    "The panel will question the {} who stormed the hall.",
]
DISMISSALS = [
    ("The senator called the inquiry a hoax on Monday.", "hoax"),
    ("The senator called the vote count the Big Lie on Monday.", "big lie"),
    ("Supporters kept repeating the hoax about the ballots.", "hoax"),
    ("Supporters kept repeating the big lie about the ballots.", "big lie"),
]


@pytest.mark.parametrize("context", CROWD_CONTEXTS)
def test_rioters_and_insurrectionists_are_judged_alike(context, classifier):
    a = _label(classifier, context.format("rioters").capitalize(), "rioters")
    b = _label(classifier, context.format("insurrectionists").capitalize(), "insurrectionists")
    assert a.category == b.category == "labeling"
    assert a.loaded and b.loaded, (a.probability, b.probability)
    assert abs(a.probability - b.probability) < 0.01, (context, a.probability, b.probability)


@pytest.mark.parametrize("sentence, word", DISMISSALS)
def test_hoax_and_the_big_lie_both_settle_a_dispute(sentence, word, classifier):
    hit = _label(classifier, sentence, word)
    assert hit.category == "epistemic" and hit.loaded, hit.probability
