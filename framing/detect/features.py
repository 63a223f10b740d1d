"""The in-context features of a candidate hit: is this use of a lexicon term loaded?

* the lexicon entry and its category (every entry starts with its own prior);
* the two words before and after the hit (lowercase), each paired with the
  entry;
* capitalisation of the hit and its neighbours (ignored in headlines set in
  Title Case), whether "the" comes before it;
* for scare quotes, the number and capitalisation of the quoted words, the
  quoted words, and whether "so-called" or a determiner comes before.

The voice (narration, quote, reported) is recorded with every hit but is not
a feature: whether a word is loaded is a property of the words in context,
and who says them is reported separately. (In the training data, where most
sentences are narration, a voice feature only learned a spurious bias.)
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..text import QUOTE_CHARS, token_spans, words_between
from ..text.tokens import tokens_around
from .lexicon import Entry
from .scare import context_features
from .voice import VoiceMap

#: Bump when the features change: cached models keyed on it are retrained.
FEATURE_VERSION = "8"
_WINDOW = 3


@dataclass
class Candidate:
    """A lexicon match in a text, before the classifier's decision."""

    start: int
    end: int
    entry: Entry
    voice: str
    speaker: str | None
    features: dict[str, float]
    #: What the hit's explanation adds for this match: a scare quote's evidence
    #: of distance and its score (framing.detect.scare.evidence_note).
    note: str | None = None


# -- candidates and features -------------------------------------------------

@lru_cache(maxsize=65536)  # (pure; the same few thousand words come back in every text)
def _tok(word: str) -> str:
    if all(ch in QUOTE_CHARS for ch in word):
        return '"'
    w = word.lower()
    return "".join("0" if ch.isdigit() else ch for ch in w)


def features(text: str, start: int, end: int, entry: Entry, vm: VoiceMap,
             inner: tuple[int, int] | None = None) -> dict[str, float]:
    """The feature dict of one candidate (see the module docstring)."""
    sa, sb = vm.sentence_of(start)
    sb = max(sb, end)
    before, after = tokens_around(text, start, end, sa, sb, _WINDOW)
    headline = vm.title_case(sa, sb)
    eid = entry.id
    f: dict[str, float] = {
        f"entry={eid}": 1.0,
        f"cat={entry.category}": 1.0,
        f"form={' '.join(_tok(text[a:b]) for a, b in token_spans(text, start, end))}": 1.0,
    }
    left = ["<s>"] * (_WINDOW - len(before)) + [_tok(w) for w in before]
    right = [_tok(w) for w in after] + ["</s>"] * (_WINDOW - len(after))
    # Context words count only paired with the entry: "regime" after "sanctions",
    # "so-called" before "effect". Context words shared by all entries learned the
    # style of the hand-written training sentences, not loadedness, and did not
    # carry over to real news (BABE: F1 0.44 with them, 0.57 without).
    f[f"e={eid}|w-1={left[-1]}"] = 1.0
    f[f"e={eid}|w-2={left[-2]}"] = 1.0
    f[f"e={eid}|w+1={right[0]}"] = 1.0
    f[f"e={eid}|w+2={right[1]}"] = 1.0
    if left[-1] == "the":
        f["prev_the"] = 1.0
    if headline:
        f["headline"] = 1.0
    else:
        sentence_initial = not before
        hit = text[start:end].lstrip(QUOTE_CHARS)
        if hit[:1].isupper() and not sentence_initial:
            f["hit_cap"] = 1.0
        if before and before[-1][:1].isupper() and len(before) > 1:
            f["prev_cap"] = 1.0
        if after and after[0][:1].isupper():
            f["next_cap"] = 1.0
    if inner is not None:
        words = words_between(text, *inner)
        f[f"sq_words={min(len(words), 4)}"] = 1.0
        if words and words[0][:1].isupper() and not headline:
            f["sq_cap"] = 1.0
        for w in words:
            f[f"inner={_tok(w)}"] = 1.0
        f.update(context_features(vm, start, end, inner))
    return f
