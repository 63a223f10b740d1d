"""Even-handedness of the lexicon: identity and party words are never entries
on their own, and the labels, verbs and evaluative words of domestic politics
are flagged alike whichever side they are aimed at (mirrored sentences, in
both directions)."""

from __future__ import annotations

import pytest

from framing.detect import Detector, load_lexicon
from framing.text import normalize_term
from framing.text.dictionary import identity_words
from framing.models import Article


def identity_forms(lexicon) -> list[tuple[str, str]]:
    """(entry, form) for every form of every entry that is an identity or party word."""
    words = {normalize_term(w) for w in identity_words()}
    return [(e.term, f) for e in lexicon.entries for f in e.forms if normalize_term(f) in words]


def test_identity_list_is_broad():
    words = identity_words()
    for group in ("israeli", "muslim", "jewish", "black", "hispanic", "democrats", "republican",
                  "liberal", "conservative", "socialist", "zionist", "islamist", "gay"):
        assert group in words


def test_no_identity_or_party_word_is_an_entry(lexicon):
    assert identity_forms(lexicon) == []


def test_identity_check_catches_an_identity_entry(tmp_path):
    """The check above can fail: an entry for a party word on its own is caught."""
    (tmp_path / "bad.yaml").write_text(
        "entries:\n"
        "  - term: liberals\n"
        "    category: labeling\n"
        "    explanation: x\n"
        "    neutral: y\n"
        "    examples:\n"
        "      loaded:\n"
        "        - The liberals won the vote.\n", encoding="utf-8")
    assert identity_forms(load_lexicon([tmp_path])) == [("liberals", "liberals")]


def test_generated_words_leave_out_identity_words(lexicon):
    generated = [e for e in lexicon.entries if e.generated]
    assert len(generated) == 2
    assert all(len(e.variants) > 100 for e in generated)
    words = identity_words()
    assert not any(v in words for e in generated for v in e.variants)


MIRRORS = [
    ("labeling", "The far-left mayor raised taxes again.", "far-left",
     "The far-right mayor raised taxes again.", "far-right"),
    ("labeling", "Radical Democrats pushed the bill through the house.", "Radical",
     "Radical Republicans pushed the bill through the house.", "Radical"),
    ("labeling", "The pro-abortion governor vetoed the bill.", "pro-abortion",
     "The anti-choice governor vetoed the bill.", "anti-choice"),
    ("labeling", "The gun grabbers in the assembly blocked the vote.", "gun grabbers",
     "The gun nuts in the assembly blocked the vote.", "gun nuts"),
    ("labeling", "A mob of the senator's supporters blocked the street.", "mob",
     "A mob of the governor's opponents blocked the street.", "mob"),
    ("labeling", "The channel aired Democratic propaganda all night.", "propaganda",
     "The channel aired Republican propaganda all night.", "propaganda"),
    ("epistemic", "Democrats lambasted the tax plan.", "lambasted",
     "Republicans lambasted the tax plan.", "lambasted"),
    ("epistemic", "The Democratic governor touted the jobs report.", "touted",
     "The Republican governor touted the jobs report.", "touted"),
    ("epistemic", "The Democratic senator repeated baseless claims about the vote.", "baseless",
     "The Republican senator repeated baseless claims about the vote.", "baseless"),
    ("epistemic", "The Democratic mayor lied about the budget.", "lied",
     "The Republican mayor lied about the budget.", "lied"),
    ("epistemic", "The progressive candidate ranted about the press.", "ranted",
     "The conservative candidate ranted about the press.", "ranted"),
    ("emotive", "Democrats rammed through the spending bill.", "rammed through",
     "Republicans rammed through the spending bill.", "rammed through"),
    ("emotive", "The Democrats' disastrous plan failed.", "disastrous",
     "The Republicans' disastrous plan failed.", "disastrous"),
    ("emotive", "The draconian new Democratic rules take effect today.", "draconian",
     "The draconian new Republican rules take effect today.", "draconian"),
    ("promotional", "The Democratic governor's brilliant plan saved the port.", "brilliant",
     "The Republican governor's brilliant plan saved the port.", "brilliant"),
    ("promotional", "The treaty is a triumph of Ardelian diplomacy.", "triumph",
     "The treaty is a triumph of Velmoran diplomacy.", "triumph"),
    ("promotional", "Velmora announced a groundbreaking fund for farmers.", "groundbreaking",
     "Ardelia announced a groundbreaking fund for farmers.", "groundbreaking"),
]


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon()


@pytest.fixture(scope="module")
def classifier(lexicon):
    return Detector(lexicon).fit()


def _hit(text, span, lexicon, classifier):
    hits = [h for h in classifier.detect(Article(source="t", body=text, id=1)) if h.text == span]
    assert len(hits) == 1, (text, span)
    return hits[0]


@pytest.mark.parametrize("category, left, left_span, right, right_span", MIRRORS,
                         ids=[f"{m[0]}:{m[2]}" for m in MIRRORS])
def test_mirrored_domestic_politics(category, left, left_span, right, right_span, lexicon, classifier):
    a = _hit(left, left_span, lexicon, classifier)
    b = _hit(right, right_span, lexicon, classifier)
    assert a.category == b.category == category
    assert a.loaded and b.loaded, (a.probability, b.probability)
    # Symmetric: swapping the side changes the probability by little.
    assert abs(a.probability - b.probability) < 0.15, (a.probability, b.probability)
