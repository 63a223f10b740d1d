"""The word tokeniser on scripts whose words carry combining marks.

Python's ``\\w`` matches no combining mark, so a pattern of letters and digits
alone cut Devanagari, Bengali, Tamil or Thai words at every vowel sign and a
decomposed accent off its letter. Words here are invented sentences.
"""

from __future__ import annotations

import unicodedata

import pytest

from framing.text import index_tokens, token_spans, words_between
from framing.text.tokens import count_words, words


@pytest.mark.parametrize("text, expected", [
    # Hindi: virama and vowel signs inside words (Mn and Mc marks)
    ("स्वास्थ्य मंत्रालय ने कहा", ["स्वास्थ्य", "मंत्रालय", "ने", "कहा"]),
    # Bengali and Tamil vowel signs
    ("নির্বাচন কমিশন", ["নির্বাচন", "কমিশন"]),
    ("தேர்தல் ஆணையம்", ["தேர்தல்", "ஆணையம்"]),
    # Thai: tone marks and vowels above the line; a space between phrases
    ("ค่าใช้จ่าย ทั้งหมด", ["ค่าใช้จ่าย", "ทั้งหมด"]),
    # Arabic with its vowel points
    ("قَالَ الوَزِيرُ", ["قَالَ", "الوَزِيرُ"]),
    # A decomposed accent (as some systems paste it) stays on its word
    ("cafe\u0301 in Ame\u0301lie's town", ["cafe\u0301", "in", "Ame\u0301lie's", "town"]),
])
def test_a_word_keeps_the_marks_on_its_letters(text, expected) -> None:
    assert words(text) == expected
    assert count_words(text) == len(expected)
    index = index_tokens(text)
    assert words_between(text) == expected == index.words()
    assert [text[a:b] for a, b in token_spans(text)] == expected


def test_marks_do_not_change_what_a_word_is_elsewhere() -> None:
    text = "So-called “reforms”, said Dr. Smith — don't they? U.S. 1,000 a_b"
    assert words(text) == ["So-called", "reforms", "said", "Dr", "Smith", "don't", "they", "U.S", "1,000", "a", "b"]
    # a lone mark after a space is a token of its own, not a word
    lone = "a \u0301 b"
    assert words(lone) == ["a", "b"]
    assert [lone[x:y] for x, y in token_spans(lone)] == ["a", "\u0301", "b"]


def test_the_decomposed_and_composed_forms_count_the_same_words() -> None:
    composed = "Le café de la rue: élu président, déçu."
    decomposed = unicodedata.normalize("NFD", composed)
    assert decomposed != composed
    assert [unicodedata.normalize("NFC", w) for w in words(decomposed)] == words(composed)
