"""Finding lexicon terms and voice cues in text with one Aho–Corasick pass.

The text is normalised (lowercase, every run of non-alphanumeric characters
one space; see :func:`~framing.detect.text.normalize_for_matching`) and each
term is searched as its normalised form followed by a space. A match counts
only if a space precedes it too, so matches are whole words; "so-called",
"so called" and "So-Called" all match the same term. The automaton uses
leftmost-longest semantics, so "Zionist regime" wins over "regime".
Offsets are mapped back to the original string exactly.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import ahocorasick_rs

from ..text import normalize_for_matching, normalize_term
from .lexicon import Cues, Entry


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    key: str  # the entry id, or the cue phrase


class PhraseMatcher:
    """Whole-word, case-insensitive, leftmost-longest matching of many phrases."""

    def __init__(self, phrases: Iterable[tuple[str, str]], *, glued_ok: bool = True,
                 hyphens: Iterable[str] = ()):
        """``phrases``: ``(phrase, key)`` pairs. With ``glued_ok=False`` a match
        joined to its neighbour by a hyphen ("called" in "so-called") is dropped.
        A phrase of ``hyphens`` ("would-be") matches only where the text joins its
        words with a hyphen too, never spaced ("would be")."""
        keys: dict[str, str] = {}
        for phrase, key in phrases:
            norm = normalize_term(phrase)
            if norm:
                keys.setdefault(norm, key)
        self.patterns = sorted(keys)
        self.keys = [keys[p] for p in self.patterns]
        strict = {normalize_term(h): h.count("-") for h in hyphens if "-" in h}
        #: Pattern index → hyphens its text must hold (only for ``hyphens``).
        self._hyphens = {i: strict[p] for i, p in enumerate(self.patterns) if p in strict}
        self.glued_ok = glued_ok
        self._ac = (
            ahocorasick_rs.AhoCorasick(
                [p + " " for p in self.patterns], matchkind=ahocorasick_rs.MatchKind.LeftmostLongest
            )
            if self.patterns else None
        )

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Match]:
        """Matches in ``text[start:end]`` with offsets into ``text``, in order."""
        if self._ac is None:
            return []
        end = len(text) if end is None else end
        norm, index = normalize_for_matching(text[start:end])
        out = []
        for pat, s, e in self._ac.find_matches_as_indexes(norm):
            if s > 0 and norm[s - 1] != " ":
                continue  # starts inside a word
            a = start + index[s]
            b = start + index[e - 2] + 1
            glued = (a > 0 and text[a - 1] == "-") or (b < len(text) and text[b] == "-")
            if glued and not self.glued_ok:
                continue
            if pat in self._hyphens and sum(text.count(h, a, b) for h in _HYPHENS) < self._hyphens[pat]:
                continue  # "would be", not "would-be"
            out.append(Match(a, b, self.keys[pat]))
        return out


#: Characters that join the words of a hyphenated form in text.
_HYPHENS = ("-", "\u2010", "\u2011")


def term_matcher(entries: Iterable[Entry]) -> PhraseMatcher:
    """The automaton over every text entry's forms; keys are entry ids. The
    hyphenated forms of an entry with ``spaced: false`` need their hyphens."""
    entries = [e for e in entries if e.match == "text"]
    return PhraseMatcher(((form, e.id) for e in entries for form in e.forms),
                         hyphens=[form for e in entries if not e.spaced for form in e.forms])


def cue_matcher(cues: Cues) -> PhraseMatcher:
    """The automaton over voice cues; keys are ``kind:phrase``."""
    pairs = []
    for kind, words in (("phrase", cues.reporting_phrases), ("verb", cues.speech_verbs),
                        ("participle", cues.reporting_participles)):
        pairs.extend((w, f"{kind}:{normalize_term(w)}") for w in sorted(words))
    return PhraseMatcher(pairs, glued_ok=False)
