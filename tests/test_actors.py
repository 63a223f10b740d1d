"""Actor resolution (framing.compare.actors): countries, demonyms and seats of
government, people by name, surname and title, labels, and things that are not
actors. Mirrored cases check that every side's names resolve alike."""

from __future__ import annotations

import pytest

from framing.compare.actors import head_word, is_demonym_or_group_word, parse, resolve


@pytest.mark.parametrize("text, code", [
    ("Israel", "ISR"), ("Israeli", "ISR"), ("the Israelis", "ISR"), ("Tehran", "IRN"), ("Iranian", "IRN"),
    ("Washington", "USA"), ("the White House", "USA"), ("the U.S.", "USA"), ("the Kremlin", "RUS"),
    ("Saudi Arabia", "SAU"), ("North Korea", "PRK"), ("Pyongyang", "PRK"), ("Kazakh", "KAZ"),
    ("the Iranian government", "IRN"), ("Israeli officials", "ISR"), ("Russian officials", "RUS"),
    ("Astana", "KAZ"), ("Kazakhstan's", "KAZ"),
])
def test_countries_demonyms_seats_and_governments(text, code):
    p = parse(text)
    assert (p.kind, p.key) == ("country", code)


def test_things_and_bare_adjectives_are_not_actors():
    assert parse("Abraham Accords").kind == "thing"
    assert parse("the Abraham Accords").kind == "thing"
    for word in ("Arab", "Asian", "Muslim"):
        assert parse(word).kind not in ("country", "person", "organisation")
        assert is_demonym_or_group_word(word)
    assert is_demonym_or_group_word("Israeli") and is_demonym_or_group_word("Iranians")
    assert not is_demonym_or_group_word("Saudi Arabia") and not is_demonym_or_group_word("Axios")


def test_person_title_and_country_are_read_off():
    p = parse("Kazakh President Kassym-Jomart Tokayev")
    assert (p.kind, p.name, p.title, p.country) == ("person", "Kassym-Jomart Tokayev", "president", "KAZ")
    p = parse('"Israeli" so-called Prime Minister Benjamin Netanyahu')
    assert (p.kind, p.name, p.title, p.country, p.distanced) == (
        "person", "Benjamin Netanyahu", "prime minister", "ISR", True)
    p = parse("the Kazakh president")
    assert (p.kind, p.title, p.country) == ("role", "president", "KAZ")


def test_people_resolve_by_surname_and_title_within_an_article():
    mentions = [
        (1, "Kazakh President Kassym-Jomart Tokayev"), (1, "Tokayev"), (1, "the Kazakh president"),
        (1, "Mr. Tokayev"), (2, "Tokayev"), (2, "President Ilham Aliyev"), (2, "the president"),
        (3, "Iranian President Masoud Pezeshkian"), (3, "the Iranian president"), (3, "Pezeshkian"),
    ]
    keys = resolve(mentions).keys
    tok, aliyev, pez = keys[0], keys[5], keys[7]
    assert keys[:5] == [tok] * 5 and len({tok, aliyev, pez}) == 3
    assert keys[6] == aliyev  # "the president" of article 2 is the president named there
    assert keys[8:] == [pez, pez]


def test_labels_with_refers_to_are_their_actor_whoever_is_labelled():
    labels = {"zionist regime": "Israel", "iranian regime": "Iran"}
    keys = resolve([(1, "Zionist regime"), (1, "Israel"), (2, "the Iranian regime"), (2, "Iran")],
                   labels=labels).keys
    assert keys[0] == keys[1] == "ISR" and keys[2] == keys[3] == "IRN"


def test_unresolved_mentions_fall_back_to_their_head_word():
    assert head_word("the members of the caravan") == "members"
    keys = resolve([(1, "the caravan"), (2, "the migrant caravan"), (1, "supporters")]).keys
    assert keys[0] == keys[1] != keys[2]


def _seed_actor_forms(seed_files):
    """The seeds' accords event (000 Tasnim, 002 Al-Ahed, 003 GreenWatch) as actor → {(seed, form, distanced)}."""
    from collections import defaultdict

    from framing.compare.actors import event_actors, lexicon_labels
    from framing.detect import load_lexicon

    texts = [(n, seed_files[n].read_text(encoding="utf-8")) for n in ("000", "002", "003")]
    rows = defaultdict(set)
    for seed, m, key in event_actors(texts, labels=lexicon_labels(load_lexicon(()).entries)):
        rows[key].add((seed, m.form, m.parsed.distanced))
    return rows


def test_seed_accords_actors_are_actors(seed_files):
    rows = _seed_actor_forms(seed_files)
    forms = {f.lower() for r in rows.values() for _, f, _ in r}
    for piece in ("abraham", "arab", "asian", "arabia", "abraham accords"):
        assert piece not in forms
    assert "SAU" not in rows or all("Saudi Arabia" in f for _, f, _ in rows["SAU"])
    israel = rows["ISR"]
    assert ("000", "Zionist regime", False) in israel and ("000", "Israeli regime", False) in israel
    assert ("002", "“Israel”", True) in israel
    netanyahu = next(v for k, v in rows.items() if k.endswith("netanyahu"))
    assert any(seed == "002" and distanced and "so-called Prime Minister" in form
               for seed, form, distanced in netanyahu)
    tokayev = next(v for k, v in rows.items() if k.endswith("tokayev"))
    assert {seed for seed, _, _ in tokayev} == {"000", "002", "003"}
