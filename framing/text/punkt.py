"""Punkt sentence boundaries for parameters that hold abbreviations only.

framing splits sentences with the Punkt algorithm (Kiss & Strunk 2006) as
NLTK's ``PunktSentenceTokenizer`` runs it with parameters built in code: a
set of abbreviations, and no learned collocations, sentence starters or
orthographic statistics. With nothing learned, most of Punkt's evidence is
constant, and the whole decision fits in a few lines:

* a candidate end is a ``.``, ``?`` or ``!`` followed by punctuation or by
  white space and a token; it is decided on its context (the word before,
  the mark, what follows), cut into Punkt's word tokens;
* a token ending in a full stop breaks a sentence unless it is an
  abbreviation (the whole token or its last hyphenated part), an ellipsis,
  an initial (``J.``) followed by a capital, a lower-case word or
  punctuation, or a number followed by a lower-case word or punctuation;
  a lone ``.``, ``?`` or ``!`` always breaks;
* closing quotes and brackets after the end go with the sentence they close.

This module gives the same spans as NLTK for such parameters (a test runs
both on real articles and generated text) without importing NLTK, whose
package import pulls in SciPy and cost a second per process, and without
building an object per token. It uses the ``regex`` engine, as NLTK's Punkt
does, so the character classes (``\\s``, ``\\w``) mean the same.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import chain

import regex

# Characters that may directly follow a sentence end (closing and opening
# punctuation, quotes, and the other end marks).
_NON_WORD = r"""(?:[)";}\]*:@'({\[\u2018\u2019\u201c\u201d\xab\xbb?!])"""
_MULTI_CHAR = r"(?:\-{2,}|\.{2,}|(?:\.\s){2,}\.)"
_WORD_START = r"""[^(\"`{\[:;&#*@)}\]\-,]"""

#: A candidate sentence end and what follows it (punctuation, or space and a token).
_CANDIDATE = regex.compile(
    r"[.?!](?=(?P<after_tok>" + _NON_WORD + r"|\s+(?P<next_tok>\S+)))")
#: Punkt's word tokens: multi-character punctuation, a word up to its end, or one character.
_WORD_TOKEN = regex.compile(
    "(" + _MULTI_CHAR + "|(?=" + _WORD_START + r")\S+?(?=\s|$|" + _NON_WORD + "|" + _MULTI_CHAR
    + r"|,(?=$|\s|" + _NON_WORD + "|" + _MULTI_CHAR + r"))|\S)")
#: Closing quotes and brackets that belong to the sentence before them.
_CLOSING = regex.compile(r"""["')\]}\u2018\u2019\u201c\u201d\xab\xbb]+?(?:\s+|(?=--)|$)""",
                         regex.MULTILINE)
_NUMBER = regex.compile(r"^-?[.,]?\d[\d,.-]*\.?$")
_INITIAL = regex.compile(r"[^\W\d]\.$")
_ELLIPSIS = regex.compile(r"\.\.+$")

_CLOSERS = frozenset("\"')]}\u2018\u2019\u201c\u201d\xab\xbb")  # what _CLOSING starts with
_ASCII_SPACE = " \t\n\r\x0b\x0c"  # what counts as the space before a word
_END_MARKS = frozenset(".?!")
_PUNCTUATION = frozenset(";:,.!?")


class PunktSplitter:
    """Sentence spans of a line of text, Punkt with ``abbreviations`` only
    (lower case, without the final full stop)."""

    def __init__(self, abbreviations: Iterable[str]):
        self.abbreviations = frozenset(abbreviations)
        self._decided: dict[str, bool] = {}

    # -- the decision on one candidate's context
    def _breaks(self, context: str) -> bool:
        """Whether ``context`` holds a sentence break before its last token."""
        found = self._decided.get(context)
        if found is None:
            if len(self._decided) >= 50_000:  # (a few MB at most)
                self._decided.clear()
            found = self._decided[context] = self._decide(context)
        return found

    def _decide(self, context: str) -> bool:
        tokens: list[str] = []
        for piece in context.split("\n"):
            if piece.strip():
                tokens.extend(_WORD_TOKEN.findall(piece))
        abbreviations = self.abbreviations
        for k in range(len(tokens) - 1):
            tok = tokens[k]
            if tok in _END_MARKS:
                return True  # a lone mark: always a break (nothing below undoes it)
            if _ELLIPSIS.match(tok) or not tok.endswith(".") or tok.endswith(".."):
                continue
            low = tok[:-1].lower()
            if low in abbreviations or low.split("-")[-1] in abbreviations:
                continue
            # A word ending in a full stop: a break, unless an initial or a number
            # is followed by what cannot start a sentence.
            initial = _INITIAL.match(tok) is not None
            kind = _NUMBER.sub("##number##", tok.lower())
            if len(kind) > 1 and kind[-1] == ".":
                kind = kind[:-1]
            if initial or kind == "##number##":
                nxt = tokens[k + 1]
                if nxt in _PUNCTUATION or nxt[0].islower():
                    continue
                if initial and nxt[0].isupper():
                    continue
            return True
        return False

    # -- candidates, slices, realignment
    def _slices(self, text: str) -> list[tuple[int, int]]:
        """Each candidate end with its context (the word before, the mark, what
        follows); of candidates whose words overlap ("acting!!!"), the last.
        A full stop after a plain word of two or more ASCII letters that is not
        an abbreviation always breaks (what :meth:`_decide` answers for it,
        without cutting the context into tokens)."""
        out = []
        last = 0
        prev_start = prev_stop = 0
        prev_match = None
        spaces = [c for c in _ASCII_SPACE if c in text]
        one_space = spaces[0] if len(spaces) == 1 else None
        abbreviations = self.abbreviations
        breaks = self._breaks
        for match in chain(_CANDIDATE.finditer(text), (None,)):
            if match is not None:
                at = match.start()
                # The word before starts after the last space since the previous word
                # (a space right at that word's end does not count).
                if one_space is not None:
                    space = text.rfind(one_space, prev_stop, at)
                else:
                    space = max([text.rfind(c, prev_stop, at) for c in spaces], default=-1)
                word_start = space + 1 if space > prev_stop else prev_start
                if prev_match is None or prev_stop > word_start:
                    prev_match = match
                    prev_start, prev_stop = word_start, at
                    continue
            elif prev_match is None:
                break
            # Decide the previous candidate.
            word = text[prev_start:prev_stop]
            mark = prev_match.group()
            if (mark == "." and len(word) > 1 and word.isascii() and word.isalpha()
                    and word.lower() not in abbreviations):
                broke = True
            else:
                broke = breaks(word + mark + prev_match.group("after_tok"))
            if broke:
                out.append((last, prev_match.end()))
                nxt = prev_match.start("next_tok")
                last = nxt if nxt >= 0 else prev_match.end()
            if match is None:
                break
            prev_match = match
            prev_start, prev_stop = word_start, at
        out.append((last, len(text.rstrip())))
        return out

    def spans(self, text: str) -> list[tuple[int, int]]:
        """``(start, end)`` of each sentence of ``text``."""
        slices = self._slices(text)
        out = []
        shift = 0
        n = len(slices)
        for k, (a, b) in enumerate(slices):
            a += shift
            if k + 1 == n:
                if a < b:
                    out.append((a, b))
                continue
            na, nb = slices[k + 1]
            m = _CLOSING.match(text, na, nb) if na < nb and text[na] in _CLOSERS else None
            if m:
                out.append((a, na + len(m.group(0).rstrip())))
                shift = m.end() - na
            else:
                shift = 0
                if a < b:
                    out.append((a, b))
        return out
