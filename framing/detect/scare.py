"""When a short quotation is not the writer's distance.

A short phrase in quotation marks with no speaker right next to it is a
scare-quote *candidate*. It distances the writer only when it is none of:

* **someone's words** — a speaker or a verb of saying elsewhere in the
  sentence ("the lawsuit characterises the decision as “arbitrary”"), or in
  the sentence before in the same paragraph ("Nunes spoke on
  Sunday. Investigators are “laser focused” ..."), or a long quotation in the
  same paragraph it is part of;
* **a title** of a work, show or publication (after "the film", before
  "author"; a quoted phrase in Title Case);
* **a name or nickname** (Dwayne “The Rock” Johnson; nicknamed “the Hammer”);
* **a term being introduced or defined** ("known as", "a condition called",
  "what they call", "“affluenza,” meaning ...") or a term quoted again
  after the text introduced it;
* **a quoted self-description** ("describes itself as “pro-life”").

Someone's words are settled by the voice map (:func:`someones_words`: the
quotation is attributed, so it is no candidate). Each other test gives the
classifier a feature (``sq_*``); the lexicon's not-loaded examples teach it
that each of these is not distancing, and "so-called “...”" that it is. The words each test looks for are data (``voice.yaml``:
``quote_verbs``, ``work_nouns``, ``term_cues``, ``self_cues``, ``name_cues``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .text import is_word, token_spans

if TYPE_CHECKING:  # pragma: no cover
    from .voice import VoiceMap


def _words(text: str, a: int, b: int) -> list[str]:
    return [text[x:y] for x, y in token_spans(text, a, b) if is_word(text[x:y])]


def _ends_with(words: list[str], phrases: frozenset[str], within: int) -> bool:
    """Does one of ``phrases`` end within the last ``within`` words?"""
    low = [w.lower() for w in words]
    for p in phrases:
        pw = p.replace("-", " ").split()
        n = len(pw)
        for k in range(0, within):
            end = len(low) - k
            if end - n < 0:
                break
            if low[end - n:end] == pw:
                return True
    return False


def _has_any(words: list[str], single: frozenset[str]) -> bool:
    return any(w.lower() in single for w in words)


def someones_words(vm: "VoiceMap", start: int, end: int, inner: tuple[int, int]) -> str | None:
    """Is the short quotation ``text[start:end]`` a partial quotation of a
    speaker? ``"sentence"`` when a verb of saying or quoting stands in its
    sentence, ``"near"`` when one (or a full quotation) stands in the sentence
    before in the same paragraph, else None. Two contexts keep it the
    writer's own: "so-called “...”", and a single quoted proper name (“Israel”),
    which nobody is quoted as saying alone."""
    text = vm.text
    cues = vm.cues
    sa, sb = vm.sentence_of(start)
    sb = max(sb, end)
    quoted = _words(text, *inner)
    before = _words(text, sa, start)
    if _ends_with(before, frozenset({"so-called", "so called"}), 1):
        return None
    if len(quoted) == 1 and quoted[0][:1].isupper() and before:
        return None
    if _ends_with(before, cues.term_cues | cues.self_cues | cues.name_cues, 3):
        return None  # a term, self-description or nickname: the classifier judges it
    after = _words(text, end, sb)
    if any(sa <= m.start < sb and not (start <= m.start < end) for m in vm.cue_hits) \
            or _has_any(before + after, cues.quote_verbs):
        return "sentence"
    # the sentence before, in the same paragraph: "Nunes spoke on Sunday. Investigators
    # are “laser focused” ..." (a speaker named a sentence earlier)
    a, b = vm.sentence_of(sa - 1) if sa > 0 else (0, 0)
    if b > a and vm.paragraph_index(a) == vm.paragraph_index(start):
        if any(a <= m.start < b for m in vm.cue_hits) or _has_any(_words(text, a, b), cues.quote_verbs):
            return "near"
        if any(a <= q.start < b and not q._short for q in vm.top):
            return "near"
    return None


def context_features(vm: "VoiceMap", start: int, end: int, inner: tuple[int, int]) -> dict[str, float]:
    """``sq_*`` features of the scare-quote candidate ``text[start:end]``."""
    text = vm.text
    cues = vm.cues
    f: dict[str, float] = {}
    sa, sb = vm.sentence_of(start)
    sb = max(sb, end)
    quoted = _words(text, *inner)
    before = _words(text, sa, start)
    after = _words(text, end, sb)
    # a title: after or before a work noun; or a quoted phrase in Title Case
    capitalised = bool(quoted) and quoted[0][:1].isupper()
    if capitalised and (_ends_with(before, cues.work_nouns, 2)
                        or (after and after[0].lower() in cues.work_nouns)):
        f["sq_title"] = 1.0
    long_words = [w for w in quoted if len(w) >= 4]
    if len(quoted) >= 2 and long_words and all(w[:1].isupper() for w in long_words):
        f["sq_title_case"] = 1.0
    # a name or nickname: between two capitalised words, or after "nicknamed"
    if (before and after and before[-1][:1].isupper() and after[0][:1].isupper()
            and len(before) > 1) or _ends_with(before, cues.name_cues, 2):
        f["sq_name"] = 1.0
    # a term introduced or defined
    if _ends_with(before, cues.term_cues, 2) or (after and after[0].lower() in cues.term_cues):
        f["sq_term"] = 1.0
    key = " ".join(w.lower() for w in quoted)
    if key and any(s.start < start and " ".join(w.lower() for w in _words(text, s.inner_start, s.inner_end)) == key
                   for s in vm.top):
        f["sq_repeat"] = 1.0
    # a self-description
    if _ends_with(before, cues.self_cues, 3):
        f["sq_self"] = 1.0
    # and the one context that always distances: so-called “...”
    if _ends_with(before, frozenset({"so-called", "so called"}), 1):
        f["sq_so_called"] = 1.0
    if not f:
        f["sq_bare"] = 1.0
    return f
