"""The per-event analysis' fast paths give exactly what their plain definitions give.

* tokens and offsets from one ``re.split`` (:func:`framing.compare.actors.find_mentions`)
  against ``finditer``; the capitalised words of :func:`framing.compare._text._scan`
  found by one pattern against every word of ``finditer``, and a text scanned in
  two parts against the whole;
* :class:`framing.compare.naming._Spans` against ``any()`` over every span;
* :class:`framing.compare.distinctive._Rest` and :func:`~framing.compare.distinctive.keyed_rows`
  against ``Counter`` subtraction;
* facts' patterns with a look-ahead at their first character against the same
  patterns without it;
* :func:`framing.pipeline.process_map`'s forked workers, which read the shards
  from the parent instead of receiving them pickled.
"""

from __future__ import annotations

import random
from collections import Counter
from itertools import accumulate

import pytest

from framing.compare import _text, actors
from framing.compare.distinctive import _Rest, keyed_rows
from framing.compare.keyness import count_terms, keyness
from framing.compare.naming import _Spans
from framing.pipeline import process_map
from framing.report.workers import can_fork
from framing.text.tokens import WORD_RE

#: Pieces that make tokenisers disagree: apostrophes, hyphens, dots, underscores,
#: digits, non-ASCII letters and marks, quotes, line breaks.
PIECES = ["Ardelia", "ardelian", "O'Neil", "o’Brien", "-", "--", "'", "’", ".", ",", "_", "_x", "x_",
          "U.S.", "3.5", "1,200", "Kassym-Jomart", "Jong-un", "so-called", "São", "İstanbul",
          "e\u0301", "ß", "\"", "“", "”", "\n", " ", "  ", "\t", "Prime", "Minister", "ſo-called", "ǅ",
          "a.B", "x'Y", "1,A", "_B", "B_", "Élan", "élan", "Ⅷ", "ⓐ", "Ⓐ", "7Up", "\u2029", ":", "("]


def _texts(n: int = 300, seed: int = 7) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(PIECES) + rnd.choice(["", " ", " ", "\n"]) for _ in range(rnd.randint(0, 40)))
            for _ in range(n)]


def _split_tokens(pattern, text: str) -> list[tuple[int, int, str]]:
    parts = pattern.split(text)
    offsets = list(accumulate(map(len, parts)))
    return list(zip(offsets[0:-1:2], offsets[1::2], parts[1::2]))


def test_one_split_gives_the_tokens_and_offsets_of_finditer() -> None:
    for text in _texts():
        assert _split_tokens(actors._TOKEN_SPLIT, text) == [
            (m.start(), m.end(), m.group()) for m in actors._TOKEN.finditer(text)]


def test_the_capitalised_words_are_the_capitalised_words_of_finditer() -> None:
    for text in _texts(n=600, seed=5):
        found = [(m.start(), m.group()) for m in _text._MAYBE_CAPITALISED.finditer(text) if m.group()[0].isupper()]
        assert found == [(m.start(), m.group()) for m in WORD_RE.finditer(text) if m.group()[0].isupper()]


def test_a_text_scanned_in_two_parts_gives_the_same_names() -> None:
    for text in _texts(n=400, seed=13):
        whole = _text._scan(text)
        for cut in range(1, len(text)):
            parts = _text._scan_parts(text, cut)
            if text[cut - 1].isspace() or text[cut].isspace():
                assert parts == whole, (text, cut)


def _reference_candidates(text: str, starts) -> list:
    """_candidates as it was: a step per word of ``WORD_RE.finditer``."""
    from bisect import bisect_right

    out = []
    for m in WORD_RE.finditer(text):
        s = m.start()
        if not text[s].isupper():
            continue
        base = _text.name_base(m.group())  # the per-word test is shared; the walk over words is not
        if base is None:
            continue
        k = bisect_right(starts, s) - 1
        sent_start = starts[k] if k >= 0 else 0
        lead = text[sent_start:s]
        before = lead.rstrip(_text._OPENING)
        marks = lead[len(before):]
        # quoted speech opening after a colon or a comma starts what is said
        speech = before.endswith((":", ",")) and any(c not in " \t•*-–—(" for c in marks)
        out.append((s, s + len(base), base, not before.strip(_text._OPENING) or speech))
    return out


def test_candidates_visit_every_capitalised_word() -> None:
    for text in _texts(seed=11):
        starts = sorted({0, *[i for i, ch in enumerate(text) if ch == "\n"]})
        assert _text._candidates(text, starts) == _reference_candidates(text, starts)


def test_spans_answer_as_any_over_every_span() -> None:
    rnd = random.Random(3)
    for _ in range(500):
        spans = [(a, a + rnd.randint(0, 6)) for a in (rnd.randint(0, 30) for _ in range(rnd.randint(0, 6)))]
        index = _Spans(spans)
        for s in range(0, 36):
            for e in range(s, min(s + 8, 40)):
                assert index.overlaps(s, e) == any(s < te and ts < e for ts, te in spans)
                assert index.contains(s, e) == any(ts <= s and e <= te for ts, te in spans)


def test_rest_is_the_counter_difference() -> None:
    whole = Counter({"a": 3, "b": 2, "c": 1, "d": 4})
    part = Counter({"a": 3, "b": 1, "d": 2})
    rest = _Rest(whole, part)
    assert dict(rest) == dict(whole - part)
    assert len(rest) == len(whole - part) and rest.get("a") is None and rest.get("a", 0) == 0
    assert rest["b"] == 1
    with pytest.raises(KeyError):
        rest["a"]


def _reference_rows(texts: dict[str, list[str]]) -> list[tuple[str, list]]:
    """keyed_rows' keyness as it was: the rest of the event as a Counter difference."""
    per = {o: count_terms(t) for o, t in texts.items()}
    everything: Counter[str] = Counter()
    for c in per.values():
        everything.update(c)
    return [(o, keyness(per[o], everything - per[o], prior=everything)) for o in sorted(per)]


def test_distinctive_rows_match_the_counter_difference() -> None:
    texts = {"A": ["The regime said the so-called deal failed. The regime repeated it; the deal failed."],
             "B": ["Officials said the agreement held, officials said. The agreement held firm."],
             "C": ["The deal, the agreement: both named. Firm officials, firm regime."]}
    rows = keyed_rows(texts, min_z=-100.0, top=1000)
    ref = _reference_rows(texts)
    assert [r.outlet for r in rows] == [o for o, _ in ref]
    for row, (_, keys) in zip(rows, ref):
        assert [(t.term, t.count, t.z) for t in row.terms] == [(k.term, k.count, round(k.z, 3)) for k in keys]
    assert keyed_rows({"A": texts["A"]}) == []


@pytest.mark.skipif(not can_fork(), reason="forked workers need fork (Linux)")
def test_forked_workers_read_the_shards_instead_of_receiving_them() -> None:
    # a lambda cannot be pickled: the shards reach the workers only through fork
    shards = [[lambda: k] for k in range(5)]
    assert list(process_map(2)(len, shards)) == [1] * 5


def test_facts_patterns_with_a_first_character_look_ahead_find_the_same_matches() -> None:
    import importlib
    import re

    facts_mod = importlib.import_module("framing.compare.facts")  # the module, not the function
    # each pattern as it was, without its look-ahead
    plain = {name: re.compile(re.sub(r"\(\?=\[[^\]]*\]\)", "", getattr(facts_mod, name).pattern, count=1),
                              getattr(facts_mod, name).flags)
             for name in ("NUMBER_RE", "DATE_RE", "YEAR_RE")}
    rnd = random.Random(17)
    pieces = ["one", "One", "ONE", "Twenty", "fifteen", "hundred", "3", "1,200", "4.5", "people", "years",
              "-", " ", "\n", "in", "In", "since", "of", "by", "until", "from", "2019", "1999", "March",
              "May", "Sept", "12th", "January", "ſeven", "ſix", "K", "٣", "Ⅷ", "x", "/", "+", ".", ","]
    texts = ["".join(rnd.choice(pieces) + rnd.choice(["", " ", " ", "-"]) for _ in range(rnd.randint(0, 30)))
             for _ in range(2000)]
    for name, ref in plain.items():
        assert getattr(facts_mod, name).pattern != ref.pattern
        for text in texts:
            got = [(m.span(), m.groupdict()) for m in getattr(facts_mod, name).finditer(text)]
            assert got == [(m.span(), m.groupdict()) for m in ref.finditer(text)], (name, text)


def test_events_leave_the_collector_as_they_found_it() -> None:
    import gc

    from framing.compare import _collector_off_the_corpus

    seen = []
    thresholds = gc.get_threshold()
    with _collector_off_the_corpus() as keep:
        seen.append(gc.get_freeze_count())
        kept = [object() for _ in range(3)], {"a": [1]}
        keep()  # the objects alive by now are frozen too
        seen.append(gc.get_freeze_count())
        assert gc.get_threshold()[0] >= thresholds[0]
    assert 0 < seen[0] < seen[1] and kept
    assert gc.get_freeze_count() == 0 and gc.isenabled() and gc.get_threshold() == thresholds
    gc.freeze()  # a caller's own freeze is left alone
    try:
        frozen = gc.get_freeze_count()
        with _collector_off_the_corpus() as keep:
            keep()
            assert gc.get_freeze_count() == frozen and gc.get_threshold() == thresholds
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()


def _reference_name_sequences(text: str, starts=None):
    """name_sequences as it was: each run cut after a word that ends in a possessive."""
    for run in _text._keep_runs(text, starts):
        i = 0
        while i < len(run):
            j = i
            while j + 1 < len(run) and not text[run[j][0]:run[j + 1][0]].rstrip().endswith(("'s", "’s", "'", "’")):
                j += 1
            s, e = run[i][0], run[j][1]
            yield s, e, text[s:e]
            i = j + 1


def test_a_run_of_names_is_one_sequence() -> None:
    pieces = PIECES + ["Israel's", "Israel’s", "Velmora'", "Jones'", "Prime Minister", "O'Neil's", "US-brokered",
                       "Kazakh's President", "A's", "AB'S", "X", "Hamas'", "Iran’s", "'s", "’s"]
    rnd = random.Random(19)
    texts = _texts(n=300, seed=23) + [
        " ".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 30))) for _ in range(600)]
    seen = 0
    for text in texts:
        got = list(_text.name_sequences(text))
        assert got == list(_reference_name_sequences(text)), text
        seen += len(got)
    assert seen > 500


def test_facts_skip_only_patterns_that_cannot_match() -> None:
    import importlib

    facts_mod = importlib.import_module("framing.compare.facts")  # the module, not the function
    needs = facts_mod._NEEDS
    assert set(needs) >= {facts_mod.MONEY_WORD_RE, facts_mod.PERCENT_RE, *facts_mod.SOURCE_RES}
    rnd = random.Random(29)
    pieces = ["5", "12", "1,200", "$", "%", " ", " ", "\n", "dollars", "DOLLAR", "Euros", "pounds", "per cent",
              "perCENT", "percent", "January", "May", "Sept", "3rd", "in", "since", "2019", "1999", "told",
              "Reuters", "according to", "The Times", "reported by", "reports", "cited", "quoted", "in an",
              "interview with", "statement to", "AP", "ſ", "K", "İ", "é", "\u00a0", "-", ".", "of", "by"]
    texts = ["".join(rnd.choice(pieces) + rnd.choice(["", " ", " "]) for _ in range(rnd.randint(0, 25)))
             for _ in range(3000)]
    matched = 0
    for rx in needs:
        for text in texts:
            want = [(m.span(), m.groupdict()) for m in rx.finditer(text)]
            assert [(m.span(), m.groupdict()) for m in facts_mod._finditer(rx, text, text.lower())] == want
            matched += bool(want)
    assert matched > 1000
    # a case-blind pattern's letter matches only characters that lower-case to it,
    # so the lower-cased text holds the needed word wherever the pattern matches
    import re
    import sys

    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
    for words, blind in needs.values():
        if blind:
            for ch in sorted(set("".join(words))):
                for m in re.finditer(re.escape(ch), every, re.IGNORECASE):
                    assert ch in m.group().lower(), (ch, m.group())


def test_plain_and_fold_of_ascii_text_skip_normalising() -> None:
    from framing.text import fold, normalize, plain, words

    texts = _texts(n=400, seed=31) + ["Prime Minister", "the so-called 'regime'", "", "U.S.-led talks"]
    for text in texts:
        assert plain(text) == normalize(text).text
        assert fold(text) == " ".join(w.lower() for w in words(normalize(text).text))


def test_stop_words_are_scikit_learns_without_importing_it() -> None:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    from framing.text import STOP_WORDS, wordlist
    from framing.text.wordlists import _english_stop_words

    assert _english_stop_words() == ENGLISH_STOP_WORDS
    assert STOP_WORDS == frozenset(ENGLISH_STOP_WORDS) | wordlist("stop_words_extra")


def test_the_report_workers_import_no_analysis_libraries() -> None:
    import subprocess
    import sys

    # the render workers' zygote imports these; scikit-learn, NLTK and SciPy's
    # statistics load only where grouping or an interval is computed
    code = ("import sys, framing.report.workers, framing.report.charts, framing.compare; "
            "from framing.text import STOP_WORDS; "
            "print(sorted(m for m in ('sklearn', 'nltk', 'scipy.stats', 'scipy.sparse') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
    import framing.compare as compare

    assert compare.group_events is compare.grouping.group_events
    assert compare.EventGroup.__name__ == "EventGroup"


def test_grouping_runs_with_the_collector_off_and_restores_it(monkeypatch) -> None:
    """The collector is off while the articles are grouped (nothing it would
    find there is garbage) and as it was afterwards: on, off, or after an error."""
    import gc

    from framing.compare import grouping
    from framing.models import Article

    arts = [Article(id=i + 1, source=f"s{i}", outlet=o, body=body)
            for i, (o, body) in enumerate([
                ("Ledger", "Ada Vale met Norland's premier in Velmora on the harbour accord."),
                ("Herald", "In Velmora, Ada Vale and the Norland premier signed the harbour accord."),
                ("Voice", "A storm closed the coastal road near Kesh for two days.")])]
    seen: list[bool] = []
    read = grouping._read_articles

    def spy(*args, **kwargs):
        seen.append(gc.isenabled())
        return read(*args, **kwargs)

    monkeypatch.setattr(grouping, "_read_articles", spy)
    assert gc.isenabled()
    events, _ = grouping.events_and_copies(arts)
    assert seen == [False] and gc.isenabled()
    assert sorted(a for e in events for a in e.articles) == [1, 2, 3]
    gc.disable()  # a caller's choice is left as it was
    try:
        grouping.events_and_copies(arts)
        assert seen == [False, False] and not gc.isenabled()
    finally:
        gc.enable()

    def fails(*args, **kwargs):
        raise RuntimeError("read failed")

    monkeypatch.setattr(grouping, "_read_articles", fails)
    with pytest.raises(RuntimeError):
        grouping.events_and_copies(arts)
    assert gc.isenabled()
