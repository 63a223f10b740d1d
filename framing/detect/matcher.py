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

from ..errors import LexiconError
from .lexicon import Entry, Lexicon
from .text import normalize_for_matching, normalize_term


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    key: str  # the entry id, or the cue phrase


class PhraseMatcher:
    """Whole-word, case-insensitive, leftmost-longest matching of many phrases."""

    def __init__(self, phrases: Iterable[tuple[str, str]], *, glued_ok: bool = True):
        """``phrases``: ``(phrase, key)`` pairs. With ``glued_ok=False`` a match
        joined to its neighbour by a hyphen ("called" in "so-called") is dropped."""
        keys: dict[str, str] = {}
        for phrase, key in phrases:
            norm = normalize_term(phrase)
            if norm:
                keys.setdefault(norm, key)
        self.patterns = sorted(keys)
        self.keys = [keys[p] for p in self.patterns]
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
            out.append(Match(a, b, self.keys[pat]))
        return out


def entry_matcher(lexicon: Lexicon) -> PhraseMatcher:
    """The automaton over every text entry's forms (built once per lexicon)."""
    m = lexicon.cache.get("entry_matcher")
    if m is None:
        m = PhraseMatcher(
            (form, e.id) for e in lexicon.entries if e.match == "text" for form in e.forms
        )
        lexicon.cache["entry_matcher"] = m
    return m


def cue_matcher(lexicon: Lexicon) -> PhraseMatcher:
    """The automaton over voice cues; keys are ``kind:phrase``."""
    m = lexicon.cache.get("cue_matcher")
    if m is None:
        c = lexicon.cues
        pairs = []
        for kind, words in (("phrase", c.reporting_phrases), ("verb", c.speech_verbs),
                            ("participle", c.reporting_participles)):
            pairs.extend((w, f"{kind}:{normalize_term(w)}") for w in sorted(words))
        m = PhraseMatcher(pairs, glued_ok=False)
        lexicon.cache["cue_matcher"] = m
    return m


def find_terms(text: str, lexicon: Lexicon) -> list[tuple[int, int, Entry]]:
    """``(start, end, entry)`` for every term occurrence in ``text``."""
    by_id = {e.id: e for e in lexicon.entries}
    return [(m.start, m.end, by_id[m.key]) for m in entry_matcher(lexicon).find(text)]


def check_examples(lexicon: Lexicon) -> None:
    """Every example sentence must contain its own entry (as that entry, not a
    longer one), so a typo in a term or example is caught on load."""
    from .voice import scare_quote_spans

    for e in lexicon.entries:
        for ex in e.examples:
            if e.match == "scare-quotes":
                ok = bool(scare_quote_spans(ex.text, lexicon.cues))
                want = "a short quotation with no speaker"
            else:
                ok = any(m.key == e.id for m in entry_matcher(lexicon).find(ex.text))
                want = repr(e.term)
            if not ok:
                raise LexiconError(ex.path, f"example does not contain {want} as this entry: "
                                            f"{ex.text!r}", ex.line)
