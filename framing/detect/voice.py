"""Whose words are these? Speakers of quotations, scare quotes, and the
voice of any span: ``narration`` (the outlet's own words), ``quote`` (inside
quotation marks) or ``reported`` (indirect speech).

A speaker is found next to the quotation (``“…,” Trump wrote`` / ``X said:
“…”`` / ``he called them “…”``), or, for longer quotations, anywhere in the
sentence (``Trump described the move as “…”``); a quotation standing alone
after another one continues it. Pronouns resolve to the last named speaker.
A short quotation (``scare_quote_max_words``) with no speaker next to it is a
scare quote: the writer's own distancing, not anybody's words.

The verbs and phrases that mark speech are data (``lexicons/voice.yaml``);
the quotation marks are paired in :mod:`framing.detect.quotes`.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from ..models import Quotation
from ..text import (CALENDAR, STOP_WORDS, index_tokens, is_word, paragraph_spans, sentence_spans, token_spans,
                    words_between)
from ..text.dictionary import dictionary_word
from ..text.tokens import title_case_words
from .lexicon import Cues
from .matcher import Match, PhraseMatcher
from .quotes import QuoteSpan, pair_quotes
from .scare import kind as scare_kind
from .scare import weigh as weigh_scare_quotes


#: A word before a title that makes it another role: the former president is
#: not the president.
_OTHER_ROLE = frozenset("former ex late then vice deputy assistant acting outgoing incoming".split())
#: A person's name as a role introduces it: one to three capitalised words.
_ROLE_NAME = (r"(?<![\w’'-])(?P<name>[A-Z][\w’'-]*[a-z][\w’'-]*(?: (?:[A-Z]\.|[A-Z][\w’'-]*[a-z][\w’'-]*)){0,3}"
              r"(?<!\.))")


#: A name right where a title ends: "President |Ilsa Varenne".
_TITLED_NAME_RE = re.compile(_ROLE_NAME + r"(?![\w’'-])")
#: A name and the start of an apposition that a role ends: "Jack Ames, the band's |guitarist".
_APPOSED_NAME_RE = re.compile(
    _ROLE_NAME + r",\s+(?:(?:the|a|an|his|her|its|their)\s+)?(?:[\w’'.-]+\s+){0,5}?$")
#: What follows a role that closes an apposition: "guitarist," "chair of ...".
_APPOSITION_END_RE = re.compile(r"[,;)]|\s+(?:of|for|at|in|to|with)\b")


# -- the analysis of one text ------------------------------------------------

class VoiceMap:
    """Quotations, cues and sentences of one text, to answer "whose words?"."""

    def __init__(self, text: str, cues: Cues, cue_matcher: PhraseMatcher, terms=(),
                 lead: VoiceMap | None = None):
        """``cue_matcher`` finds ``cues``' speech verbs and phrases (keys ``kind:phrase``;
        see :func:`framing.detect.matcher.cue_matcher`); ``terms``, the lexicon's
        matches in ``text`` (or a function of the text giving them), weigh the
        evidence of a scare quote (:func:`framing.detect.scare.weigh`). ``lead``
        (round 32), the voice map of the article's body when ``text`` is its title
        read alone: whose word a quotation in the title is, its lead may say."""
        self.text = text
        self.lead = lead
        self.cues = cues
        self.sentences = sentence_spans(text, self.cues.abbreviations)
        self._sent_starts = [a for a, _ in self.sentences]
        self.paragraphs = paragraph_spans(text)
        self._para_starts = [a for a, _ in self.paragraphs]
        # Tokenised once: token_spans / words_between on this text slice the index.
        index = index_tokens(text)
        self._token_index = index
        self._tok_starts = index.starts()
        self._tok_ends = index.ends()
        self._tok_text = index.tokens()
        self._tok_word = index.word_flags()
        self.spans = pair_quotes(text)
        self.top = [s for s in self.spans if s.depth == 0]
        for s in self.top:
            s.words = len(words_between(text, s.inner_start, s.inner_end))
            s._short = 0 < s.words <= self.cues.scare_quote_max_words
        # Cues outside quotations only: a "said" inside a quote is the speaker's.
        # A capitalised cue mid-sentence is a name ("the United States").
        self._title_case: dict[tuple[int, int], bool] = {}
        self.cue_hits: list[Match] = []
        for m in cue_matcher.find(text):
            if self._enclosing(m.start) is not None:
                continue
            sent = self.sentence_of(m.start)
            if text[m.start].isupper() and m.start != sent[0] and not self.title_case(*sent):
                continue
            self.cue_hits.append(m)
        self._cue_kinds = {m.start: m.key.split(":", 1)[0] for m in self.cue_hits}
        self._speakers: dict[tuple[Match, tuple[int, int], int], tuple[str | None, int]] = {}
        self._attribute()
        self._cue_speakers: dict[int, tuple[str | None, int]] = {}
        self._resolve()
        weigh_scare_quotes(self, terms)  # round 21: weak evidence of distance is no scare quote

    @property
    def tokens(self) -> list[tuple[int, int]]:
        """Every token's ``(start, end)`` (read only)."""
        return self._token_index.all_spans()

    # -- lookups
    def sentence_of(self, pos: int) -> tuple[int, int]:
        k = bisect_right(self._sent_starts, pos) - 1
        if k < 0:
            return (0, 0)
        a, b = self.sentences[k]
        return (a, b) if pos < b else (pos, pos)

    def title_case(self, start: int, end: int) -> bool:
        """:func:`~framing.text.is_title_case` of ``text[start:end]`` (remembered: a
        sentence is asked about once per cue and candidate in it)."""
        key = (start, end)
        found = self._title_case.get(key)
        if found is None:
            found = self._title_case[key] = title_case_words(words_between(self.text, start, end))
        return found

    def paragraph_index(self, pos: int) -> int:
        return max(0, bisect_right(self._para_starts, pos) - 1)

    def _enclosing(self, pos: int) -> QuoteSpan | None:
        for s in self.top:
            if s.inner_start <= pos < s.inner_end:
                return s
        return None

    def _tok_index(self, pos: int) -> int:
        """Index of the first token starting at or after ``pos``."""
        return bisect_right(self._tok_starts, pos - 1)

    def _word(self, k: int) -> str:
        return self._tok_text[k]

    def _cue_kind(self, k: int) -> str | None:
        return self._cue_kinds.get(self._tok_starts[k])

    # -- speakers
    def _np_before(self, k: int, stop: int) -> tuple[str | None, int]:
        """The noun phrase ending just before token ``k`` (reading backwards,
        not past position ``stop``): ``(phrase, position)``."""
        c = self.cues
        starts, toks, is_word_at, kinds = self._tok_starts, self._tok_text, self._tok_word, self._cue_kinds
        skip, breaks = c.speaker_skip, c.clause_breaks
        j = k - 1
        while j >= 0 and starts[j] >= stop and toks[j].lower() in skip:
            j -= 1
        words: list[int] = []
        # (a cue's kind is never empty: a token that starts a cue ends the phrase)
        while j >= 0 and starts[j] >= stop and len(words) < 6:
            if not is_word_at[j] or toks[j].lower() in breaks or starts[j] in kinds:
                break
            words.append(j)
            j -= 1
        return self._np(words[::-1])

    def _np_after(self, k: int, stop: int, *, lower_ok: bool = False) -> tuple[str | None, int]:
        """The noun phrase starting at token ``k``: ``said Trump``, ``said the
        minister``; with ``lower_ok`` any words up to a break (a sentence's subject)."""
        c = self.cues
        words: list[int] = []
        j = k
        while j < len(self._tok_starts) and self._tok_ends[j] <= stop and len(words) < 6:
            w = self._word(j)
            lw = w.lower()
            if not self._tok_word[j] or lw in c.clause_breaks or lw in c.speaker_skip or self._cue_kind(j):
                break
            if not words and not (w[0].isupper() or lw in c.determiners or lw in c.pronouns):
                break
            if not words and lw in c.pronouns:
                words.append(j)
                break
            if words and not lower_ok and not w[0].isupper():
                # "said the minister": one lowercase head noun after a determiner.
                if self._word(words[-1]).lower() in c.determiners:
                    words.append(j)
                break
            words.append(j)
            j += 1
        return self._np(words)

    def _np(self, idx: list[int]) -> tuple[str | None, int]:
        words = [self._word(j) for j in idx]
        while words and words[0].lower() in self.cues.determiners:
            words.pop(0)
            idx = idx[1:]
        if not words:
            return None, 0
        a = self._tok_starts[idx[0]]
        b = self._tok_ends[idx[-1]]
        return self.text[a:b], a

    def _speaker_for_cue(self, m: Match, sent: tuple[int, int],
                         depth: int = 0) -> tuple[str | None, int]:
        """Who speaks through cue ``m``: the phrase after "according to"; the
        subject before a verb; else the speaker of an earlier cue in the
        sentence, or the sentence's subject ("X, extending ..., said").
        (Remembered: the tokens and cues are fixed once the map is built, and
        attribution and pronoun resolution ask about the same cues again.)"""
        key = (m, sent, depth)
        found = self._speakers.get(key)
        if found is None:
            found = self._speakers[key] = self._find_speaker(m, sent, depth)
        return found

    def _find_speaker(self, m: Match, sent: tuple[int, int], depth: int) -> tuple[str | None, int]:
        k = self._tok_index(m.start)
        kind = m.key.split(":", 1)[0]
        if kind == "phrase":
            return self._np_after(self._tok_index(m.end), sent[1], lower_ok=True)
        if kind == "verb":
            name, pos = self._np_before(k, sent[0])
            if name:
                return name, pos
        earlier = [c for c in self.cue_hits
                   if sent[0] <= c.start < m.start and not c.key.startswith("phrase:")]
        if earlier and depth < 3:
            name, pos = self._speaker_for_cue(earlier[-1], sent, depth + 1)
            if name:
                return name, pos
        name, pos = self._np_after(self._tok_index(sent[0]), m.start, lower_ok=True)
        if name:
            return name, pos
        if kind == "verb":
            # "..., said Trump": the speaker after the verb; never after "told"
            # ("..., the director told Reuters": Reuters listens)
            j = self._tok_index(m.end)
            if (j < len(self._tok_starts) and self._word(j)[:1].isupper()
                    and self._word(k).lower() not in self.cues.listener_verbs):
                return self._np_after(j, sent[1])
            return None, 0
        return self._np_before(k, sent[0])

    def _word_run(self, k: int, most: int = 7) -> int:
        """The token after the run of at most ``most`` words from token ``k``
        that holds no cue."""
        j = k
        abbreviations = self.cues.abbreviations
        while (j < len(self._tok_starts) and j - k < most and not self._cue_kind(j)
               and (self._tok_word[j] or (  # "Sen. Marsha Blackburn"
                   j > k and self._word(j) == "." and self._word(j - 1).lower() in abbreviations))):
            j += 1
        return j

    #: What may stand inside an apposition besides words: "R-Ohio", "CNN's", "Dr."
    _APPOSITION_MARKS = frozenset("-–’'.&")

    def _after_apposition(self, j: int) -> int | None:
        """The speech verb's token when token ``j`` opens an apposition that the
        verb follows: a comma, a few words, a comma ("Jack Buser, director of
        games, tells"), or a bracket, a few words, a bracket ("Hakeem Jeffries
        (D-NY) told"). None otherwise."""
        n = len(self._tok_starts)
        if j >= n or self._word(j) not in (",", "("):
            return None
        close = "," if self._word(j) == "," else ")"
        end = j + 1
        while (end < n and end - j <= 12 and not self._cue_kind(end)
               and (self._tok_word[end] or self._word(end) in self._APPOSITION_MARKS)):
            end += 1
        if end == j + 1 or end >= n or self._word(end) != close:
            return None
        end += 1
        if close == ")" and end < n and self._word(end) == ",":
            # "Boehner (R-Ohio), told ..." is rare; "..., (R-Ohio), ..." too
            return None
        return end if end < n and self._cue_kind(end) == "verb" else None

    def _cues_in(self, a: int, b: int) -> list[Match]:
        return [m for m in self.cue_hits if a <= m.start and m.end <= b]

    def _attribute(self) -> None:
        text = self.text
        window = self.cues.attribution_window
        previous: QuoteSpan | None = None
        for s in self.top:
            sent = self.sentence_of(s.start)
            sent_end = max(sent[1], self.sentence_of(max(s.end - 1, s.start))[1])
            inner = text[s.inner_start:s.inner_end].rstrip()
            after_start = s.end
            # 1. after: “…,” Trump wrote / “…,” said Trump
            punct_before_close = bool(inner) and inner[-1] in ",.!?…—-:"
            k = self._tok_index(after_start)
            if k < len(self._tok_starts) and self._tok_starts[k] < sent_end + 1 and self._word(k) in ",:":
                punct_before_close = True
                k += 1
            same_paragraph = k < len(self._tok_starts) and (
                self.paragraph_index(self._tok_starts[k]) == self.paragraph_index(s.start))
            if punct_before_close and same_paragraph:
                if self._cue_kind(k) == "verb":
                    if self._word(k).lower() not in self.cues.listener_verbs:
                        name, pos = self._np_after(k + 1, len(text))
                        self._set(s, name, pos)
                else:
                    # NP then verb, within a few words (a run through an
                    # abbreviation's dot, "Sen. Blackburn said", within the sentence)
                    j = self._word_run(k)
                    if (j < len(self._tok_starts) and j > k and self._cue_kind(j) == "verb"
                            and (self._tok_starts[j] < sent_end
                                 or all(self._tok_word[i] for i in range(k, j)))):
                        name, pos = self._np_before(j, self._tok_starts[k])
                        if name:
                            self._set(s, name, pos)
                    elif j > k and self._word(k)[:1].isupper():
                        # a name, then a role between commas, then the verb:
                        # "..., Jack Buser, director of games for Stadia, tells ..."
                        verb = self._after_apposition(j)
                        if verb is not None and self._tok_starts[verb] < sent_end:
                            # the name ends at its first clause word: "Rep. Adam
                            # Smith of Washington, the chairman, ..." is Adam Smith
                            cut = next((i for i in range(k, j)
                                        if self._word(i).lower() in self.cues.clause_breaks), j)
                            name, pos = self._np_before(cut, self._tok_starts[k])
                            if name:
                                self._set(s, name, pos)
            # 2. before: X said: “…” / he called them “…”
            if not s.attributed:
                before = [m for m in self._cues_in(sent[0], s.start)
                          if not m.key.startswith("phrase:")]
                if before:
                    m = before[-1]
                    gap = len(words_between(text, m.end, s.start))
                    name, pos = self._speaker_for_cue(m, sent)
                    # 'called them “thugs”.' quotes a word; '“Ardelia’s” new role'
                    # (a word goes on after the marks) is the writer's own phrase.
                    j = self._tok_index(s.end)
                    follows = self._word(j).lower() if j < len(self._tok_starts) else ""
                    ends = not is_word(follows) or follows in self.cues.clause_breaks
                    if (gap <= window and ends) or (not s._short and name):
                        self._set(s, name, pos)
            # 2b. a short quotation is a scare quote only when it is not someone's
            #     words, a title, a name, a term or a self-description (scare.py)
            if not s.attributed and s._short:
                s.kind = scare_kind(self, s.start, s.end, (s.inner_start, s.inner_end))
                if s.kind == "quotation":
                    named = [r for r in (self._speaker_for_cue(m, sent) for m in
                                         self._cues_in(sent[0], sent_end)
                                         if not (s.start <= m.start < s.end)) if r[0]]
                    if named:
                        self._set(s, *named[0])
                    else:
                        s.attributed = True
                        s.inherited = previous is not None
                        s.speaker_np = previous.speaker_np if previous is not None else None
                        s.speaker_pos = previous.speaker_pos if previous is not None else 0
            # 3. longer quotations: any cue in the sentence
            if not s.attributed and not s._short:
                outside = [m for m in self._cues_in(sent[0], sent_end)
                           if not (s.start <= m.start < s.end)]
                named = [r for r in (self._speaker_for_cue(m, sent) for m in outside) if r[0]]
                if named:
                    self._set(s, *named[0])
                elif outside:
                    self._set(s, None, 0)
            # 4. a quotation standing alone continues the previous one
            if not s.attributed and not s._short and previous is not None:
                rest = text[sent[0]:s.start] + text[s.end:sent_end]
                alone = not any(is_word(rest[a:b]) for a, b in token_spans(rest))
                near = self.paragraph_index(s.start) - self.paragraph_index(previous.end - 1) <= 1
                if alone and near:
                    s.attributed = True
                    s.inherited = True
                    s.speaker_np = previous.speaker_np
                    s.speaker_pos = previous.speaker_pos
            if not s.scare:
                previous = s

    @staticmethod
    def _set(s: QuoteSpan, name: str | None, pos: int) -> None:
        s.attributed = True
        s.speaker_np = name
        s.speaker_pos = pos

    def _resolve(self) -> None:
        """Resolve pronouns to the last named speaker, in text order."""
        events: list[tuple[int, int, object]] = []
        for s in self.top:
            if s.attributed:
                events.append((s.start, 0, s))
        for m in self.cue_hits:
            events.append((m.start, 1, m))
        events.sort(key=lambda e: (e[0], e[1]))
        last: str | None = None
        for pos, _, obj in events:
            if isinstance(obj, QuoteSpan):
                name = obj.speaker_np
                if obj.inherited:
                    obj.speaker = last if name is None or self._is_pronoun(name) else name
                    if obj.speaker is None:
                        obj.speaker = name
                    continue
            else:
                assert isinstance(obj, Match)
                name, _p = self._speaker_for_cue(obj, self.sentence_of(obj.start))
            resolved = name
            if name is not None and self._is_pronoun(name):
                resolved = last
            elif name is not None and isinstance(obj, QuoteSpan):
                resolved = self._named_role(name, pos) or name
            if isinstance(obj, QuoteSpan):
                obj.speaker = resolved
            else:
                self._cue_speakers[obj.start] = (resolved, pos)  # type: ignore[union-attr]
            if resolved is not None:
                last = resolved

    def _is_pronoun(self, name: str) -> bool:
        return name.lower() in self.cues.pronouns

    def _named_role(self, role: str, pos: int) -> str | None:
        """The person a role stands for ("the guitarist said"): the name
        before ``pos`` that the text gives that role, as a title before
        it, capitalised as a title is ("President Ilsa Varenne", "Judge Ana
        Ruiz"), or in an apposition after it ("Jack Ames, the band's
        guitarist,"). A role is one to three lower-case words; a title with
        another word before it that the role lacks ("former president", "vice
        president") is another role; a day or a month is no name. None when
        the text names nobody so, or more than one person."""
        words = role.split()
        if not 1 <= len(words) <= 3 or not all(w.isalpha() and w.islower() for w in words) \
                or len(words[-1]) < 3:
            return None
        if words[-1] in STOP_WORDS or self._is_pronoun(words[-1]):
            return None
        text = self.text
        found: list[tuple[int, str]] = []
        title = " ".join(w[0].upper() + w[1:] for w in words)  # "President Ilsa Varenne"
        at = text.find(title, 0, pos)
        while at >= 0:
            end = at + len(title)
            if (at == 0 or not (text[at - 1].isalnum() or text[at - 1] == "-")) \
                    and end < pos and text[end].isspace():
                m = _TITLED_NAME_RE.match(text, end + 1, pos)
                pre = text[max(0, at - 30):at].split()[-1:]
                other = bool(pre) and pre[0].lower() in _OTHER_ROLE and pre[0].lower() not in words
                if m and not other:
                    found.append((m.start("name"), m.group("name")))
            at = text.find(title, at + 1, pos)
        at = text.find(role, 0, pos)
        while at >= 0:  # "Jack Ames, the band's guitarist,"
            end = at + len(role)
            if (at == 0 or not text[at - 1].isalnum()) and _APPOSITION_END_RE.match(text, end):
                m = _APPOSED_NAME_RE.search(text, max(0, at - 160), at)
                if m and (" " in m.group("name") or self.sentence_of(m.start())[0] != m.start()):
                    found.append((m.start("name"), m.group("name")))  # not "Meanwhile, the guitarist"
            at = text.find(role, at + 1, pos)
        people: dict[str, str] = {}
        for at, name in found:
            parts = name.split()
            if any(w.lower() in STOP_WORDS or w.lower() in CALENDAR for w in parts):
                continue
            if len(parts) == 1 and dictionary_word(name.lower()):
                continue  # "City Council", "Governor Bush" alike: a word, not surely a name
            if self.title_case(*self.sentence_of(at)):
                continue  # a headline's capitals are no name
            key = parts[-1]
            if len(name) > len(people.get(key, "")):
                people[key] = name
        # Only a role one person holds in the text so far: where two presidents
        # are named, "the president" is left as the text says it.
        return next(iter(people.values())) if len(people) == 1 else None

    # -- answers
    def quotations(self, fld: str = "body") -> list[Quotation]:
        """Every top-level quoted span, quotation or scare quote, in text order."""
        out = []
        for s in self.top:
            span = (s.speaker_pos, s.speaker_pos + len(s.speaker_np)) if s.speaker_np else (None, None)
            out.append(Quotation(fld, s.start, s.end, s.inner_start, s.inner_end,
                                 None if s.scare else s.speaker, *span,
                                 kind="scare" if s.scare else "quotation"))
        return out

    def segments(self) -> list[tuple[int, int, str]]:
        """``(start, end, voice)`` stretches of the text that are ``quote`` or
        ``reported``, in order and not overlapping; the rest is narration.
        Inside quotation marks (not scare quotes) is a quotation; after a
        speech verb, or anywhere in a sentence with a reporting phrase
        ("according to"), is reported speech; quotations win where both hold."""
        quotes = sorted((s.inner_start, s.inner_end) for s in self.top if not s.scare)
        cues = sorted(self.cue_hits, key=lambda m: m.start)
        cue_starts = [m.start for m in cues]
        reported: list[tuple[int, int]] = []
        # Only the sentences that may hold a cue: the last one starting at or
        # before each cue (sentences are in order and do not overlap).
        sent_starts = self._sent_starts
        with_cue = sorted({k for k in (bisect_right(sent_starts, c) - 1 for c in cue_starts) if k >= 0})
        for a, b in (self.sentences[k] for k in with_cue):
            inside = cues[bisect_right(cue_starts, a - 1):bisect_right(cue_starts, b - 1)]
            if any(m.key.startswith("phrase:") for m in inside):
                reported.append((a, b))
                continue
            verbs = [m.end for m in inside if not m.key.startswith("phrase:")]
            if verbs:
                reported.append((min(verbs), b))
        # Quotations win: cut them out of the reported stretches.
        out: list[tuple[int, int, str]] = [(a, b, "quote") for a, b in quotes]
        for a, b in reported:
            pieces = [(a, b)]
            for qa, qb in quotes:
                if qa >= b:
                    break
                if qb <= a:
                    continue
                nxt = []
                for pa, pb in pieces:
                    if qb <= pa or pb <= qa:
                        nxt.append((pa, pb))
                        continue
                    if pa < qa:
                        nxt.append((pa, qa))
                    if qb < pb:
                        nxt.append((qb, pb))
                pieces = nxt
            out += [(pa, pb, "reported") for pa, pb in pieces if pb > pa]
        out.sort()
        return out

    def scare_quotes(self) -> list[QuoteSpan]:
        """The scare-quote spans (shared with the map: callers only read them)."""
        return [s for s in self.top if s.scare]

    def voice(self, start: int, end: int) -> tuple[str, str | None]:
        """``(voice, speaker)`` of ``text[start:end]``."""
        for s in self.top:
            if s.scare:
                continue
            if s.inner_start <= start and end <= s.inner_end:
                return "quote", s.speaker
        sent = self.sentence_of(start)
        cues = [m for m in self.cue_hits
                if sent[0] <= m.start < sent[1] and not (m.start < end and start < m.end)]
        phrase = [m for m in cues if m.key.startswith("phrase:")]
        if phrase:
            return "reported", self._cue_speakers.get(phrase[0].start, (None, 0))[0]
        before = [m for m in cues if m.end <= start and not m.key.startswith("phrase:")]
        if before:
            return "reported", self._cue_speakers.get(before[-1].start, (None, 0))[0]
        return "narration", None

