"""Name helpers shared by the comparison modules: capitalised names (from
the text layer's words and sentences) and the grouping of a name with its
adjective and possessive forms (Ardelia / Ardelian / Ardelia's) by shared
stem prefix, without any list of countries."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from itertools import accumulate
from collections.abc import Iterable, Iterator, Sequence

from ..text import NEGATORS, STOP_WORDS, WORD_RE, sentence_spans, words

_POSSESSIVE_RE = re.compile(r"[’']s?$")
_WORD_SPLIT = re.compile("(" + WORD_RE.pattern + ")", WORD_RE.flags)
#: What may stand between a sentence's start and its first name ("“Ardelia ...", "• Velmora").
_OPENING = " \t•*-–—\"'“‘(«„"


def strip_possessive(tok: str) -> str:
    if len(tok) <= 2 or tok[-1] not in "s'’":  # most words: no possessive to strip
        return tok
    return _POSSESSIVE_RE.sub("", tok)


def is_capitalised(tok: str) -> bool:
    return tok[:1].isupper() and not tok.isupper() or (tok.isupper() and 2 <= len(tok) <= 5 and tok.isalpha())


def name_base(tok: str) -> str | None:
    """The part of a capitalised word that may be (part of) a name, or None:
    a hyphenated compound cut before a lower-case part (US-brokered → US), a
    possessive stripped; stop words, single letters and words with digits
    are not names."""
    if not is_capitalised(tok) or (not tok.isalpha() and any(ch.isdigit() for ch in tok)):
        return None
    if "-" in tok:
        parts = tok.split("-")
        keep = [parts[0]]
        for part in parts[1:]:
            if not part[:1].isupper():
                break
            keep.append(part)
        tok = "-".join(keep)
    base = strip_possessive(tok)
    if (base.lower() in STOP_WORDS and not base.isupper()) or len(base) < 2 or "'" in base or "’" in base:
        return None
    return base


def _candidates(text: str, starts: Sequence[int] | None = None) -> list[tuple[int, int, str, bool]]:
    """Capitalised tokens that may be names: ``(start, end, base, at_sentence_start)``.
    A hyphenated compound is cut before a lower-case part (US-brokered → US).
    ``starts`` are the sentence starts (from the article's analysis); without
    them the text layer's splitter finds them."""
    if starts is None:
        starts = [a for a, _ in sentence_spans(text)]
    starts = sorted(starts)
    out = []
    # The words and their offsets from one split (gaps and words in turn),
    # without a match object per word; only capitalised words are visited.
    parts = _WORD_SPLIT.split(text)
    offsets = list(accumulate(map(len, parts)))
    toks = parts[1::2]
    for k in [k for k, w in enumerate(toks) if w[0].isupper()]:
        s = offsets[2 * k]
        base = name_base(toks[k])
        if base is None:
            continue
        k = bisect_right(starts, s) - 1
        sent_start = starts[k] if k >= 0 else 0
        at_start = not text[sent_start:s].strip(_OPENING)
        out.append((s, s + len(base), base, at_start))
    return out


def _keep_runs(text: str, starts: Sequence[int] | None = None) -> list[list[tuple[int, int, str, bool]]]:
    """Runs of adjacent capitalised tokens, without the ones that are merely
    capitalised because they open a sentence: a lone sentence-initial word is
    kept only if the text also capitalises it mid-sentence."""
    return _runs(text, None if starts is None else tuple(starts))


@lru_cache(maxsize=1024)
def _runs(text: str, starts: tuple[int, ...] | None) -> list[list[tuple[int, int, str, bool]]]:
    # Cached: naming, facts and grouping ask for the names of the same texts.
    # Callers only read the runs.
    cands = _candidates(text, starts)
    mid = {c[2] for c in cands if not c[3]}
    runs: list[list[tuple[int, int, str, bool]]] = []
    for c in cands:
        if runs and text[runs[-1][-1][1]:c[0]] == " " and not c[3]:
            runs[-1].append(c)
        else:
            runs.append([c])
    kept = []
    for run in runs:
        if run[0][3] and run[0][2] not in mid:
            if len(run) == 1:
                continue
        kept.append(run)
    return kept


def name_tokens(text: str, *, with_final: bool = False,
                starts: Sequence[int] | None = None) -> Iterator[tuple]:
    """Capitalised single-word names (possessive stripped), in text order;
    with ``with_final``, also whether the word ends its run of names ("Prime"
    in "Prime Minister" does not)."""
    for run in _keep_runs(text, starts):
        for k, (s, e, base, _) in enumerate(run):
            yield (s, e, base, k == len(run) - 1) if with_final else (s, e, base)


def name_sequences(text: str, starts: Sequence[int] | None = None) -> Iterator[tuple[int, int, str]]:
    """Runs of adjacent capitalised names ("Kassym-Jomart Tokayev", "Saudi
    Arabia", "Abraham Accords"), possessive stripped; a possessive ends a run."""
    for run in _keep_runs(text, starts):
        i = 0
        while i < len(run):
            j = i
            while j + 1 < len(run) and not text[run[j][0]:run[j + 1][0]].rstrip().endswith(("'s", "’s", "'", "’")):
                j += 1
            s, e = run[i][0], run[j][1]
            yield s, e, text[s:e]
            i = j + 1


def shared_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def same_stem(a: str, b: str, *, min_len: int = 4, max_tail: int = 5) -> bool:
    """Whether two single-word names are forms of one name: the shorter is a
    prefix of the longer (allowing its last letter to differ, Palestine /
    Palestinian, China / Chinese), at least ``min_len`` letters long, and the
    longer adds at most ``max_tail`` letters (Kazakh / Kazakhstan, Israel /
    Israeli, Ardelia / Ardelian)."""
    a, b = a.lower(), b.lower()
    if a == b:
        return True
    if " " in a or " " in b:
        return False
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) < min_len or len(long_) - len(short) > max_tail:
        return False
    p = shared_prefix(short, long_)
    return p == len(short) or (p == len(short) - 1 and p >= min_len and short[-1] in "aeiouy")


def stem_groups(names: Iterable[str]) -> dict[str, str]:
    """Map every name to the key of its stem group (the group's shortest
    member, lower-cased). Deterministic: names are considered in sorted order."""
    uniq = sorted({n.lower() for n in names}, key=lambda s: (len(s), s))
    key_of: dict[str, str] = {}
    # The roots a later (longer) name can share a stem with are found through
    # its prefixes, never by trying every root: linear in the names.
    order: dict[str, int] = {}  # root → its place among the roots
    by_prefix: dict[str, list[str]] = {}  # a root, and a root without its last vowel → roots
    for n in uniq:
        found = [r for k in range(4, len(n) + 1) for r in by_prefix.get(n[:k], ()) if same_stem(r, n)]
        if found:
            key_of[n] = min(found, key=order.__getitem__)
            continue
        order[n] = len(order)
        key_of[n] = n
        by_prefix.setdefault(n, []).append(n)
        if n[-1:] in ("a", "e", "i", "o", "u", "y"):
            by_prefix.setdefault(n[:-1], []).append(n)
    return key_of


def negated_before(text: str, start: int, *, window: int = 4) -> bool:
    """Whether a negator is among the ``window`` words before ``start`` in the same sentence."""
    left = text[max(0, start - 80):start]
    cut = max(left.rfind("."), left.rfind("!"), left.rfind("?"), left.rfind("\n"))
    if cut >= 0:
        left = left[cut + 1:]
    toks = [w.lower() for w in words(left)][-window:]
    return any(t in NEGATORS or t.endswith("n't") or t.endswith("n’t") for t in toks)
