"""Loaded-language detection: matching, voice, scare quotes, the classifier,
mirrored (even-handed) sentences, determinism and incremental analysis."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from framing.detect import Detector, NotFittedError, analyze, load_lexicon
from framing.detect.classifier import fit
from framing.detect.evaluate import cross_validate
from framing.models import Article, Hit
from framing.loaders.text import parse_page_text
from framing.store import Store

from conftest import seed_file



@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon()


@pytest.fixture(scope="module")
def classifier(lexicon):
    """The fitted detector (the fixture keeps the name the tests use)."""
    return Detector(lexicon).fit()


_SHIPPED: list[Detector] = []


def shipped() -> Detector:
    if not _SHIPPED:
        _SHIPPED.append(Detector(load_lexicon()).fit())
    return _SHIPPED[0]


def hits_in(text: str, lexicon, classifier, *, title: str | None = None) -> list[Hit]:
    return classifier.detect(Article(source="t", body=text, title=title, id=1))


def quotations(text: str) -> list[tuple[str, str | None, int, int]]:
    """``(text with marks, speaker, inner_start, inner_end)`` of each direct quotation."""
    analysis = shipped().analyze(Article(source="t", body=text, id=1))
    return [(text[q.start:q.end], q.speaker, q.inner_start, q.inner_end)
            for q in analysis.quotations_in("body")]


def one(text: str, span: str, lexicon, classifier) -> Hit:
    """The hit whose text is ``span`` (exactly one)."""
    found = [h for h in hits_in(text, lexicon, classifier) if h.text == span]
    assert len(found) == 1, (span, [(h.text, h.term) for h in hits_in(text, lexicon, classifier)])
    return found[0]


# -- seeds ---------------------------------------------------------------------

def _seed_article(prefix: str) -> Article:
    path = seed_file(prefix)
    raw = path.read_text(encoding="utf-8")
    parts = parse_page_text(raw)
    return Article(source=path.name, title=parts.title, body=parts.body, id=int(prefix))


@pytest.fixture(scope="module")
def seed_hits(lexicon, classifier):
    return {p: classifier.detect(_seed_article(p)) for p in ("000", "001", "002", "003", "004")}


def test_seed_000_headline_labels_are_narration(seed_hits):
    title = [h for h in seed_hits["000"] if h.field == "title" and h.loaded]
    got = {(h.text.lower(), h.category, h.voice) for h in title}
    assert ("zionist regime", "labeling", "narration") in got
    assert ("genocidal", "emotive", "narration") in got


def test_seed_000_so_called_before_abraham_accords(seed_hits):
    article = _seed_article("000")
    so_called = [h for h in seed_hits["000"] if h.term == "so-called" and h.loaded]
    assert so_called
    assert any(article.body[h.end:h.end + 16] == " Abraham Accords" for h in so_called)


def test_seed_002_distancing(seed_hits):
    hits = seed_hits["002"]
    so_called = [h for h in hits if h.text.lower() == "so-called"]
    assert len(so_called) >= 6
    assert all(h.loaded and h.category == "distancing" for h in so_called)
    scare = [h for h in hits if h.term == "scare quotes" and "Israel" in h.text]
    assert len(scare) >= 5
    assert all(h.loaded and h.category == "distancing" for h in scare)


def test_seed_002_emotive(seed_hits):
    loaded = {h.text.lower(): h for h in seed_hits["002"] if h.loaded}
    assert loaded["whitewashes"].category == "emotive"
    assert loaded["horrifying"].category == "emotive"


def test_seed_002_trump_quotation_is_quote_with_speaker(seed_hits):
    body = _seed_article("002").body
    # The first direct quotation of the article that carries "so-called" inside it.
    quotes = [q for q in quotations(body) if "so-called" in q[0] and "Kazakhstan" in q[0]]
    assert len(quotes) == 1 and quotes[0][1] == "Trump"
    _, _, inner_start, inner_end = quotes[0]
    inside = [h for h in seed_hits["002"] if h.field == "body" and inner_start <= h.start < inner_end]
    assert inside and all(h.voice == "quote" and h.speaker == "Trump" for h in inside)


def test_seed_003_at_most_one_loaded_hit(seed_hits):
    assert sum(h.loaded for h in seed_hits["003"]) <= 1


def test_seed_001_warm_diplomatic_language_is_promotional(seed_hits):
    promo = {h.text.lower() for h in seed_hits["001"] if h.loaded and h.category == "promotional"}
    assert any("warm spirit" in t for t in promo)
    assert "heartfelt" in promo
    assert "brotherly ties" in promo


def test_seed_hits_are_traceable(seed_hits, lexicon):
    for prefix, hits in seed_hits.items():
        article = _seed_article(prefix)
        for h in hits:
            assert getattr(article, h.field)[h.start:h.end] == h.text
            assert h.term and h.explanation and h.category
            assert h.lexicon_version == lexicon.version
            assert h.voice in ("narration", "quote", "reported")


# -- the classifier in context ------------------------------------------------

@pytest.mark.parametrize("sentence, span", [
    ("The government extended the sanctions regime for another year.", "regime"),
    ("Athletes follow a strict training regime in the weeks before the games.", "regime"),
    ("Chaos theory gave us the so-called butterfly effect.", "so-called"),
])
def test_not_loaded_in_context(sentence, span, lexicon, classifier):
    h = one(sentence, span, lexicon, classifier)
    assert not h.loaded, h.probability


@pytest.mark.parametrize("sentence, span", [
    ("Velmora condemned the Zionist regime on Sunday.", "Zionist regime"),
    ("Delegates walked out before the so-called Abraham Accords ceremony.", "so-called"),
    ("The Ardelian regime detained the poet.", "regime"),
])
def test_loaded_in_context(sentence, span, lexicon, classifier):
    assert one(sentence, span, lexicon, classifier).loaded


def test_every_candidate_is_stored_with_probability(lexicon, classifier):
    hits = hits_in("A new sanctions regime hit the Velmoran regime hard.", lexicon, classifier)
    assert [h.loaded for h in hits] == [False, True]
    assert all(0.0 <= h.probability <= 1.0 and round(h.probability, 4) == h.probability for h in hits)


def test_cross_validation_is_reported_and_deterministic(classifier):
    items = classifier.training_items()
    a = cross_validate(items)
    b = cross_validate(items)
    assert a == b
    assert a["accuracy"] > a["baseline_always_loaded"]
    assert a["accuracy"] >= 0.8
    for name in ("lexicons.md", "accuracy.md"):
        docs = Path(__file__).resolve().parents[1] / "docs" / name
        assert f"{a['accuracy']:.1%}" in docs.read_text(encoding="utf-8"), name


def test_training_is_deterministic(classifier):
    items = classifier.training_items()
    assert fit(items).data == fit(items).data


def test_an_unfitted_detector_says_so(lexicon):
    with pytest.raises(NotFittedError, match="fit"):
        Detector(lexicon).detect(Article(source="t", body="The regime fell.", id=1))


# -- mirrored sentences: even-handed by construction ------------------------------

MIRRORS = {
    "labeling": [
        ("Officials in Ardelia met envoys of the Zionist regime.", "Zionist regime",
         "Officials in Ardelia met envoys of the Iranian regime.", "Iranian regime"),
        ("Hamas terrorists opened fire at the checkpoint.", "terrorists",
         "Israeli occupation forces opened fire at the checkpoint.", "Israeli occupation forces"),
        ("The Velmoran regime jailed the poet.", "regime",
         "The Ardelian regime jailed the poet.", "regime"),
        ("The mullahs ignored the protest.", "mullahs",
         "The Zionist entity ignored the protest.", "Zionist entity"),
        ("Ardelia is a rogue state, the speaker said.", "rogue state",
         "Velmora is a rogue state, the speaker said.", "rogue state"),
        ("Government thugs broke up the rally.", "thugs",
         "Opposition thugs broke up the rally.", "thugs"),
    ],
    "distancing": [
        ("The so-called Velmoran parliament passed the law.", "so-called",
         "The so-called Ardelian parliament passed the law.", "so-called"),
        # quoted states are real ones: framing knows states from its gazetteer
        ("Trade between Norland and “Israel” grew again.", "“Israel”",
         "Trade between Norland and “Palestine” grew again.", "“Palestine”"),
        ("The self-styled Velmoran council met.", "self-styled",
         "The self-styled Ardelian council met.", "self-styled"),
    ],
    "emotive": [
        ("The brutal Velmoran blockade starved the port.", "brutal",
         "The brutal Ardelian blockade starved the port.", "brutal"),
        ("The genocidal Norland army advanced.", "genocidal",
         "The genocidal Velmoran army advanced.", "genocidal"),
        ("Ardelian troops massacred the villagers.", "massacred",
         "Velmoran troops massacred the villagers.", "massacred"),
    ],
    "promotional": [
        ("Ardelia hailed the historic pact with Norland.", "historic",
         "Velmora hailed the historic pact with Norland.", "historic"),
        ("Under the visionary leadership of the Ardelian president, trade grew.", "visionary leadership",
         "Under the visionary leadership of the Velmoran president, trade grew.", "visionary leadership"),
        ("The talks with Velmora took place in a warm spirit of partnership.", "warm spirit",
         "The talks with Ardelia took place in a warm spirit of partnership.", "warm spirit"),
    ],
    "epistemic": [
        ("Ardelia claimed its planes hit only depots.", "claimed",
         "Velmora claimed its planes hit only depots.", "claimed"),
        ("The Velmoran ministry admitted the convoy was hit.", "admitted",
         "The Ardelian ministry admitted the convoy was hit.", "admitted"),
    ],
}


@pytest.mark.parametrize("category, left, left_span, right, right_span", [
    pytest.param(category, *pair, id=f"{category}-{pair[1]}-{pair[3]}")
    for category in sorted(MIRRORS) for pair in MIRRORS[category]
])
def test_mirrored_sentences_are_flagged_alike(category, left, left_span, right, right_span,
                                              lexicon, classifier):
    ha = one(left, left_span, lexicon, classifier)
    hb = one(right, right_span, lexicon, classifier)
    assert ha.category == hb.category == category, (left, right)
    assert ha.loaded and hb.loaded, (left, ha.probability, right, hb.probability)


def test_every_category_has_mirrors(lexicon):
    assert set(MIRRORS) == {"labeling", "distancing", "emotive", "promotional", "epistemic"}
    # and every category has shipped entries
    assert all(lexicon.categories[c] for c in MIRRORS)


# -- matching ------------------------------------------------------------------------

def test_longest_match_wins(lexicon, classifier):
    hits = hits_in("The Zionist regime and the regime in Velmora.", lexicon, classifier)
    assert [h.text for h in hits] == ["Zionist regime", "regime"]


def test_whole_words_and_case(lexicon, classifier):
    hits = hits_in("Regimented lines. THE REGIME FELL. So Called experts.", lexicon, classifier)
    assert [h.text for h in hits] == ["REGIME", "So Called"]


def test_terms_do_not_span_punctuation(lexicon, classifier):
    hits = hits_in("They praised Zionist. Regime change followed.", lexicon, classifier)
    assert all(h.term != "Zionist regime" for h in hits)


def test_offsets_survive_unicode_case_changes(lexicon, classifier):
    text = "İİİ ẞ ﬁ the Velmoran regime’s army"
    hits = hits_in(text, lexicon, classifier)
    assert [text[h.start:h.end] for h in hits] == [h.text for h in hits] == ["regime’s"]


def test_title_and_body_hits(lexicon, classifier):
    hits = hits_in("Nothing to see.", lexicon, classifier, title="Historic Deal Signed by Velmora")
    assert [(h.field, h.text) for h in hits] == [("title", "Historic")]


# -- voice -------------------------------------------------------------------------

def test_voice_narration_quote_reported(lexicon, classifier):
    text = ("The Velmoran regime met. “The Zionist regime must go,” Ardan said. "
            "The minister said that the Iranian regime was lying. "
            "Ardelia left, saying the mullahs had lied.")
    hits = {h.text: h for h in hits_in(text, lexicon, classifier)}
    assert hits["regime"].voice == "narration"
    assert (hits["Zionist regime"].voice, hits["Zionist regime"].speaker) == ("quote", "Ardan")
    assert hits["Iranian regime"].voice == "reported"
    assert hits["mullahs"].voice == "reported"


def test_according_to_is_reported(lexicon, classifier):
    h = one("The regime, according to the agency, fell.", "regime", lexicon, classifier)
    assert h.voice == "reported"


def test_quotation_speakers():
    text = ('“We will never accept it,” Mira Sand wrote. He added: "The talks are over." '
            '“Nothing changed,” she said, “and nothing will.”')
    got = [q[:2] for q in quotations(text)]
    assert got == [
        ("“We will never accept it,”", "Mira Sand"),
        ('"The talks are over."', "Mira Sand"),
        ("“Nothing changed,”", "Mira Sand"),
        ("“and nothing will.”", "Mira Sand"),
    ]


def test_quotation_after_verb_and_inverted_order():
    got = [q[:2] for q in quotations('Ardan said: "It is finished." "Not yet," said Oren.')]
    assert got == [('"It is finished."', "Ardan"), ('"Not yet,"', "Oren")]


def test_nested_quotes_belong_to_the_speaker(lexicon, classifier):
    text = '“We reject the so-called "plan", and always will,” Oren said.'
    qs = quotations(text)
    assert len(qs) == 1 and qs[0][1] == "Oren" and qs[0][3] == text.index("”")
    hits = hits_in(text, lexicon, classifier)
    assert [(h.text, h.voice, h.speaker) for h in hits] == [("so-called", "quote", "Oren")]


def test_quote_spanning_paragraphs():
    text = ("“The first part ends here without a close.\n\n"
            "“The second part closes it,” Oren said.\n\nAfter.")
    qs = quotations(text)
    assert len(qs) == 1
    assert qs[0][0].startswith("“The first") and qs[0][0].endswith("closes it,”")
    assert qs[0][1] == "Oren"


def test_apostrophes_are_not_quotes():
    assert quotations("Velmora’s army and Ardelia's navy met at the countries’ border.") == []


def test_straight_and_curly_quotes_mix():
    text = "“Today we start 'Phase Two' of the plan,\" Oren wrote."
    qs = quotations(text)
    assert [(q[1], q[0][0], q[0][-1]) for q in qs] == [("Oren", "“", '"')]


# -- scare quotes --------------------------------------------------------------------

def test_scare_quotes_are_distancing(lexicon, classifier):
    text = 'Trade between Norland and “Taiwan” grew, and the "Kosovar" so-called premier spoke.'
    scare = [h for h in hits_in(text, lexicon, classifier) if h.term == "scare quotes"]
    assert [h.text for h in scare] == ["“Taiwan”", '"Kosovar"']
    assert all(h.category == "distancing" and h.loaded and h.voice == "narration" for h in scare)


def test_short_quotation_with_speaker_is_not_a_scare_quote(lexicon, classifier):
    text = "“Never,” the minister said. He called the plan “a trap”."
    assert [h for h in hits_in(text, lexicon, classifier) if h.term == "scare quotes"] == []
    assert [q[1] for q in quotations(text)] == ["minister", "minister"]


def test_long_quotation_is_not_a_scare_quote(lexicon, classifier):
    text = "The sign said nothing, but “we will not leave this valley again” was painted on it."
    assert [h for h in hits_in(text, lexicon, classifier) if h.term == "scare quotes"] == []


# -- determinism and the store ---------------------------------------------------------

def _jsonl(hits) -> bytes:
    return "".join(json.dumps(h.to_dict(), sort_keys=True, ensure_ascii=False) + "\n"
                   for h in hits).encode()


def test_same_input_same_bytes(classifier):
    article = _seed_article("002")
    fresh = Detector(load_lexicon()).fit()
    assert _jsonl(classifier.detect(article)) == _jsonl(fresh.detect(article))


def _put(store: Store, name: str, body: str, title: str | None = None) -> int:
    art = Article(source=name, body=body, title=title, raw=(title or "").encode() + body.encode())
    return store.put(art, path_key=name).article_id


def test_analyze_is_incremental(tmp_path):
    store = Store(tmp_path / "f.db")
    a = _put(store, "a.txt", "The Velmoran regime denied it.")
    _put(store, "b.txt", "A strict training regime.", title="Historic Day")
    lexicon = load_lexicon()
    first = analyze(store, lexicon)
    assert (first.analyzed, first.unchanged) == (2, 0)
    again = analyze(store, lexicon)
    assert (again.analyzed, again.unchanged) == (0, 2)
    assert again.version == first.version
    # cached classifier: the same JSON model, so the same hits
    rows = _jsonl(store.hits())
    assert analyze(store, lexicon, force=True).analyzed == 2
    assert _jsonl(store.hits()) == rows
    # a changed article is re-analysed alone
    _put(store, "a.txt", "The Velmoran regime denied it, and the mullahs agreed.")
    assert analyze(store, lexicon).analyzed == 1
    assert [h.text for h in store.hits([a])] == ["regime", "mullahs"]
    assert [h.text for h in store.hits(loaded_only=True)] == ["regime", "mullahs", "Historic"]
    # a changed lexicon re-analyses everything
    extra = tmp_path / "lex"
    extra.mkdir()
    (extra / "mine.yaml").write_text(
        "entries:\n"
        "  - term: denied\n"
        "    category: epistemic\n"
        "    explanation: a test entry\n"
        "    neutral: said no\n"
        "    examples:\n"
        "      loaded: [Velmora denied everything.]\n",
        encoding="utf-8",
    )
    changed = analyze(store, load_lexicon([extra]))
    assert changed.analyzed == 2 and changed.version != first.version
    assert "denied" in [h.text for h in store.hits([a])]
    assert store.cache_get(f"classifier:{changed.version.split('+')[1]}") is not None
    store.close()


def test_stored_hits_round_trip(tmp_path, lexicon, classifier):
    store = Store(tmp_path / "f.db")
    aid = _put(store, "a.txt", "“Never,” said Oren. The brutal Velmoran regime fell.", title="So-Called Deal")
    analyze(store, classifier)
    article = store.article(aid)
    assert store.hits() == classifier.detect(article)
    assert store.analyses()[aid] == classifier.analyze(article)
    store.close()
