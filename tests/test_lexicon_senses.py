"""Lexicon entries in the sense they are written for, on invented sentences.

Each test names one fix of issue 13's even-handedness round: a compound that
negates a term is not the term; labels that dismiss ("propaganda", "so-called")
are loaded wherever they stand in the outlet's own sentence. Mirrored pairs
keep each fix even-handed.
"""

from __future__ import annotations

import pytest

from framing.detect import Detector, load_lexicon
from framing.models import Article


@pytest.fixture(scope="module")
def detector():
    return Detector(load_lexicon()).fit()


def hits(detector, text):
    return [(h.text, h.loaded) for h in detector.detect(Article(source="t", body=text, id=1))]


@pytest.mark.parametrize("compound, word", [
    ("The anti-racist march crossed the bridge at noon.", "racist"),
    ("Marchers held a non-violent sit-in at the depot.", "violent"),
    ("The Anti-Racist Caucus met on Monday.", "Racist"),
])
def test_a_negating_prefix_makes_a_compound_that_is_not_the_term(detector, compound, word):
    assert word not in [t for t, _ in hits(detector, compound)]


@pytest.mark.parametrize("sentence, word", [
    ("The racist march crossed the bridge at noon.", "racist"),
    ("Marchers held a violent sit-in at the depot.", "violent"),
])
def test_the_term_alone_is_still_a_candidate(detector, sentence, word):
    assert word in [t for t, _ in hits(detector, sentence)]


@pytest.mark.parametrize("sentence", [
    # mirrored: the same dismissal of each side's media
    "Viewers tired of the left's propaganda switched off the broadcast.",
    "Viewers tired of the right's propaganda switched off the broadcast.",
    "Propaganda from the embassy reached every school in the province.",
])
def test_propaganda_in_the_outlets_own_sentence_is_loaded(detector, sentence):
    assert ("propaganda" in [t.lower() for t, loaded in hits(detector, sentence) if loaded])


@pytest.mark.parametrize("sentence", [
    "The council's so-called savings plan cut nothing.",
    "His so-called ethics panel has not met since spring.",
])
def test_so_called_before_a_plain_noun_phrase_distances(detector, sentence):
    assert ("so-called", True) in hits(detector, sentence)


def test_so_called_before_a_technical_term_stays_neutral(detector):
    assert ("so-called", False) in hits(detector, "Divers studied the so-called dead zone in the gulf.")


@pytest.mark.parametrize("sentence", [
    "The presidential hopeful toured the port of Kesh on Monday.",
    "Democratic presidential hopeful Mira Sand on Monday unveiled a plan for the port.",
    "Republican presidential hopeful Oren Dask on Monday unveiled a plan for the port.",
])
def test_hopeful_as_a_candidate_is_no_praise(detector, sentence):
    # the noun for a candidate, either side's; the generated word list excludes it
    assert not [t for t, _ in hits(detector, sentence) if t.lower().startswith("hopeful")]


def test_other_generated_praise_words_are_still_candidates(detector):
    assert "brilliant" in [t for t, _ in hits(detector, "The presidential hopeful's brilliant plan won.")]


@pytest.mark.parametrize("sentence, word", [
    # words that in news name a thing more often than they judge one (round 16)
    ("A grand jury heard the case against the two officers on Monday.", "grand"),
    ("Drivers lined up for the Velmoran Grand Prix in the rain.", "grand"),
    ("The levy falls on gross pay, before deductions.", "gross"),
    ("Voters in nine states went to the polls on Super Tuesday.", "super"),
])
def test_words_that_name_a_thing_are_no_evaluative_candidates(detector, sentence, word):
    assert word not in [t.lower() for t, _ in hits(detector, sentence)]


def test_the_evaluative_word_lists_still_judge(detector):
    assert "disastrous" in [t for t, _ in hits(detector, "The council's disastrous parking plan took effect.")]
