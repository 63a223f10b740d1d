"""The fast text paths give exactly what the plain ones give.

* :class:`framing.text.punkt.PunktSplitter` against NLTK's own
  ``PunktSentenceTokenizer`` with the same parameters (the splitter framing
  used before), line by line and through :func:`sentence_spans`;
* :class:`framing.text.TokenIndex` (and :func:`token_spans` /
  :func:`words_between` on an indexed text) against a fresh tokenisation of
  the same range, and ``tokens_around`` (a hit's context words) against the
  list of its sentence's tokens;
* :func:`paragraph_spans` against trimming one character at a time.

On real text (the seeds, Article-Bias-Prediction articles, real pasted pages)
and on generated text built from the pieces that make sentence splitting and
tokenising hard (abbreviations, initials, numbers, ellipses, quotes,
brackets, odd spaces).
"""

from __future__ import annotations

import json
import random
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framing.detect import load_lexicon
from framing.text import (TokenIndex, index_tokens, is_word, paragraph_spans, sentence_spans, token_spans,
                          words_between)
from framing.text.punkt import PunktSplitter
from framing.text.tokens import MARKS, TOKEN_RE, tokens_around

from conftest import DATA, SEEDS, _need

_LINE = re.compile(r"[^\n]+")


@pytest.fixture(scope="module")
def abbreviations() -> frozenset[str]:
    return frozenset(a.lower().rstrip(".") for a in load_lexicon().cues.abbreviations)


@pytest.fixture(scope="module")
def nltk_punkt(abbreviations: frozenset[str]):
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    params = PunktParameters()
    params.abbrev_types = set(abbreviations)
    return PunktSentenceTokenizer(params)


def _reference_sentences(text: str, punkt) -> list[tuple[int, int]]:
    """The splitter as it was: lines, then NLTK's Punkt on every line."""
    out = []
    for m in _LINE.finditer(text):
        if m.group().strip():
            out.extend((m.start() + a, m.start() + b) for a, b in punkt.span_tokenize(m.group()))
    return out


def _real_texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(_need(SEEDS).glob("0*.txt"))]
    abp = sorted(_need(DATA / "article-bias-prediction" / "jsons").glob("*.json"))
    for p in random.Random(12).sample(abp, 150):
        a = json.loads(p.read_text(encoding="utf-8"))
        texts.append(a.get("title") or "")
        texts.append(a.get("content_original") or "")
    pasted = sorted((DATA / "real-pages" / "pasted").glob("*.txt"))
    texts.extend(p.read_text(encoding="utf-8", errors="replace") for p in pasted)
    return [t for t in texts if t.strip()]


@pytest.fixture(scope="module")
def real_texts() -> list[str]:
    return _real_texts()


def test_sentences_equal_nltk_punkt_on_real_text(real_texts, abbreviations, nltk_punkt) -> None:
    splitter = PunktSplitter(abbreviations)
    lines = 0
    for text in real_texts:
        assert sentence_spans(text, abbreviations) == _reference_sentences(text, nltk_punkt)
        for m in _LINE.finditer(text):
            if m.group().strip():
                lines += 1
                assert splitter.spans(m.group()) == list(nltk_punkt.span_tokenize(m.group()))
    assert lines > 2000  # the comparison saw real variety


# Pieces that exercise every rule of Punkt: abbreviations (some in the lexicon,
# some not), initials, numbers, ellipses, end marks in a row, quotes and brackets
# after an end, hyphens, commas, odd spaces and combining marks.
_PIECES = ["Mr.", "Dr.", "U.S.", "e.g.", "Gen.", "vs.", "J.", "a.", "Z.", "No.", "3.", "3.5", "1,000.",
           "-2.", ".5", "...", "..", ". . .", "--", "!", "?", "?!", ".", ",", ";", ":", "(", ")",
           "[", "]", '"', "'", "“", "”", "‘", "’", "«", "»", "said", "Said", "the", "The", "it",
           "ok.", "end.", "End.", "word.)", "x.\u201d", "co-op.", "ex-Gen.", "Inc.", "é", "e\u0301.",
           "\u00e9t\u00e9.", "Ω.", "ω.", "2020.", "#1.", "@x.", "*", "&", "`", "{", "}"]
_SPACES = [" ", " ", " ", "  ", "\t", "\u00a0", "\r", "\x0b", "\u2009", ""]

texts = st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from(_SPACES)), max_size=30).map(
    lambda parts: "".join(p + s for p, s in parts))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(line=texts)
def test_sentences_equal_nltk_punkt_on_generated_text(line: str, abbreviations, nltk_punkt) -> None:
    if not line.strip():
        return
    assert PunktSplitter(abbreviations).spans(line) == list(nltk_punkt.span_tokenize(line))


def _fresh(text: str, a: int, b: int | None) -> list[tuple[int, int]]:
    return [m.span() for m in TOKEN_RE.finditer(text, a, len(text) if b is None else b)]


def test_token_index_equals_fresh_tokenising_on_real_text(real_texts) -> None:
    rng = random.Random(7)
    for text in real_texts[:50]:
        index = TokenIndex(text)
        assert index.spans() == _fresh(text, 0, None)
        n = len(text)
        # Ranges at token edges (as the detector asks) and anywhere at all.
        edges = sorted({p for span in index.spans() for p in span})
        for _ in range(40):
            if rng.random() < 0.5 and edges:
                a, b = sorted((rng.choice(edges), rng.choice(edges)))
            else:
                a, b = sorted((rng.randrange(n + 1), rng.randrange(n + 1)))
            want = _fresh(text, a, b)
            assert index.spans(a, b) == want, (a, b)
            assert index.words(a, b) == [text[x:y] for x, y in want if is_word(text[x:y])]


@settings(max_examples=300, deadline=None)
@given(text=texts, cuts=st.lists(st.integers(min_value=-3, max_value=400), min_size=2, max_size=8))
def test_token_index_equals_fresh_tokenising_on_generated_text(text: str, cuts: list[int]) -> None:
    index = TokenIndex(text)
    assert index.spans() == _fresh(text, 0, None)
    for a, b in zip(cuts, cuts[1:]):
        want = _fresh(text, max(a, 0), b)
        assert index.spans(a, b) == want
        assert index.words(a, b) == [text[x:y] for x, y in want if is_word(text[x:y])]


def test_token_spans_use_the_index_only_for_the_indexed_string() -> None:
    text = "So-called “reforms”, said Dr. Smith, cost $1,000.5 — don't they?"
    index = index_tokens(text)
    assert token_spans(text, 3, 40) == _fresh(text, 3, 40) == index.spans(3, 40)
    assert words_between(text, 0, 20) == ["So-called", "reforms"]
    other = "".join(list(text))  # equal, but another string object: tokenised afresh
    assert other is not text and token_spans(other, 3, 40) == _fresh(other, 3, 40)


#: The word pattern as first written: letters and digits and the marks on them, and a
#: joiner only where a letter or digit follows it. The shipped pattern must cut exactly
#: the same tokens.
_WORD_SPEC = re.compile(r"[^\W_](?:[^\W_]|" + MARKS + r"|[’'\-.,](?=[^\W_]))*|\S")


def test_the_word_pattern_cuts_what_its_specification_cuts(real_texts) -> None:
    for text in real_texts:
        assert [m.span() for m in TOKEN_RE.finditer(text)] == [m.span() for m in _WORD_SPEC.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list("ab1_'’-.,  \u00e9\u0301ß٣\n\t\"“कर\u094d\u093e\u0947\u0e31\u064e")), max_size=60))
def test_the_word_pattern_on_generated_text(text: str) -> None:
    assert [m.span() for m in TOKEN_RE.finditer(text)] == [m.span() for m in _WORD_SPEC.finditer(text)]


def _ends_with_spec(words: list[str], phrases: frozenset[str], within: int) -> bool:
    """scare._ends_with as first written: every phrase tried at every position."""
    low = [part for w in words for part in w.lower().split("-") if part]
    for p in phrases:
        pw = p.replace("-", " ").split()
        n = len(pw)
        for k in range(within):
            end = len(low) - k
            if end - n < 0:
                break
            if low[end - n:end] == pw:
                return True
    return False


_VOCAB = ["so", "called", "so-called", "known", "as", "the", "film", "A", "self-styled", "-", "x-", "what",
          "they", "call", "Known-As", "word"]


@settings(max_examples=400, deadline=None)
@given(words=st.lists(st.sampled_from(_VOCAB), max_size=8),
       phrases=st.frozensets(st.lists(st.sampled_from(_VOCAB), max_size=3).map(" ".join), max_size=5),
       within=st.integers(min_value=1, max_value=4))
def test_scare_ends_with_equals_its_specification(words, phrases, within) -> None:
    from framing.detect.scare import _ends_with

    assert _ends_with(words, phrases, within) == _ends_with_spec(words, phrases, within)


def _reference_normalize(text: str):
    """:func:`framing.text.normalize.normalize` as it was: every character
    cluster (a character and its combining marks) through NFKC one by one."""
    import unicodedata

    from framing.text.normalize import _PLAIN, Normalized

    if text.isascii() or unicodedata.is_normalized("NFKC", text):
        return Normalized(text.translate(_PLAIN), range(len(text)), len(text))
    out, offsets, i = [], [], 0
    while i < len(text):
        j = i + 1
        while j < len(text) and unicodedata.combining(text[j]):
            j += 1
        piece = unicodedata.normalize("NFKC", text[i:j]).translate(_PLAIN)
        out.append(piece)
        offsets.extend([i] * len(piece))
        i = j
    return Normalized("".join(out), tuple(offsets), len(text))


def _same_normalized(text: str) -> None:
    from framing.text.normalize import normalize

    normalize.cache_clear()
    got, want = normalize(text), _reference_normalize(text)
    assert (got.text, type(got.offsets), list(got.offsets), got.raw_length) == \
        (want.text, type(want.offsets), list(want.offsets), want.raw_length)


def test_normalize_equals_cluster_by_cluster_nfkc_on_real_text(real_texts) -> None:
    changed = 0
    for text in real_texts:
        _same_normalized(text)
        changed += _reference_normalize(text).text != text
    assert changed > 10  # real text that NFKC changes (no-break spaces, ellipses, ligatures)


# Characters NFKC changes alone or in clusters: combining marks (also opening
# the text, also several in a row), no-break and odd spaces, ellipsis,
# ligatures, fractions, circled digits, typographic quotes and dashes.
_NFKC_PIECES = ["a", "e", " ", "\n", "\u0301", "\u0302", "\u0327", "\u0308", "\u00a0", "\u2009", "\u2026",
                "\ufb01", "\u00bd", "\u2460", "\u201c", "\u201d", "\u2019", "\u2014", "\u0130", "\u1e9e",
                "\u00e9", "\u200b", "\u212b", "\uff21", "x", "."]


@settings(max_examples=500, deadline=None)
@given(text=st.lists(st.sampled_from(_NFKC_PIECES), max_size=25).map("".join))
def test_normalize_equals_cluster_by_cluster_nfkc_on_generated_text(text: str) -> None:
    _same_normalized(text)


def _reference_tokens_around(text: str, start: int, end: int, sa: int, sb: int, n: int):
    """The context words of a hit as features took them first: from the list of
    the sentence's tokens."""
    toks = _fresh(text, sa, sb)
    return [text[a:b] for a, b in toks if b <= start][-n:], [text[a:b] for a, b in toks if a >= end][:n]


def test_tokens_around_equals_the_sentence_token_lists(real_texts) -> None:
    rng = random.Random(5)
    for text in real_texts[:40]:
        index_tokens(text)
        edges = sorted({p for span in _fresh(text, 0, None) for p in span})
        for _ in range(40):
            # a hit inside a sentence, both at token edges (as the detector asks) and anywhere
            pick = (lambda: rng.choice(edges)) if rng.random() < 0.7 and edges else (
                lambda: rng.randrange(len(text) + 1))
            sa, start, end, sb = sorted(pick() for _ in range(4))
            got = tokens_around(text, start, end, sa, sb, 3)
            assert (list(got[0]), list(got[1])) == _reference_tokens_around(text, start, end, sa, sb, 3)


def _reference_paragraphs(text: str) -> list[tuple[int, int]]:
    """paragraph_spans as first written: trimmed one character at a time."""
    spans, pos = [], 0
    for m in re.finditer(r"\n[ \t\r\f\v]*\n\s*", text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            out.append((a, b))
    return out


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet="ab. \n\t\r\x0b\x0c\x1c\x85\xa0\u2028\u2029\u3000\u200b", max_size=40))
def test_paragraph_spans_trim_what_isspace_trims(text: str) -> None:
    assert paragraph_spans(text) == _reference_paragraphs(text)


def _term_key_spec(term: str) -> str:
    """:func:`framing.text.normalize_term` as first written: the matching form's words."""
    from framing.text import normalize_for_matching

    return normalize_for_matching(term.strip())[0].strip()


def test_term_keys_equal_their_specification_for_every_lexicon_form() -> None:
    from framing.text import normalize_term

    forms = [f for e in load_lexicon().entries for f in (e.term, *e.forms, *e.variants)]
    assert len(forms) > 1000
    assert [normalize_term(f) for f in forms] == [_term_key_spec(f) for f in forms]


@settings(max_examples=400, deadline=None)
@given(term=st.text(alphabet=st.sampled_from(list("aZ09 -'’.\u0130\u00c9\u03a3\t\"")), max_size=20))
def test_term_keys_on_generated_terms(term: str) -> None:
    from framing.text import normalize_term

    assert normalize_term(term) == _term_key_spec(term)
