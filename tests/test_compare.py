"""Unit tests of the comparison stage on small fictional articles written here."""

from __future__ import annotations

import math

import pytest

from framing.compare import build_report
from framing.compare.density import density, poisson_ci
from framing.compare.distinctive import distinctive, log_odds
from framing.compare.facts import facts, mentions
from framing.compare.grouping import group_events, near_duplicates
from framing.compare.naming import naming
from framing.compare.quotes import align_quotes, quote_words, relation
from framing.compare._text import same_stem, stem_groups
from framing.detect import Detector, load_lexicon
from framing.errors import NotFound
from framing.models import Article, Hit
from framing.store import Store


@pytest.fixture(scope="module")
def detector():
    return Detector(load_lexicon()).fit()


def analysed(arts, detector, hits=None):
    """Each article's analysis; with ``hits``, those hits stand for the detector's."""
    out = {}
    for a in arts:
        out[a.id] = detector.analyze(a)
        if hits is not None:
            out[a.id].hits = [h for h in hits if h.article == a.id]
    return out

ACCORD = (
    "Ardelia and Velmora signed the Kesh Accord on Thursday, sharing the Siran River. "
    "President Ilsa Varenne of Ardelia and Teodor Brask of Velmora signed in Kesh, "
    "and the Norland mediators said the pumping stations would open in June."
)
ACCORD_B = (
    "Velmora and Ardelia agreed in Kesh on Thursday to share the Siran River under the Kesh Accord. "
    "Teodor Brask said Velmoran farms would keep their pumping stations; Ilsa Varenne "
    "thanked the Norland mediators."
)
EARLIER = (
    "Ardelia and Velmora held talks in Almera on rail freight and the cement tariff. "
    "Dorian Malek of Ardelia met Sava Ornik of Velmora at the Ostra Junction depot "
    "to discuss customs paperwork and freight trains."
)
GLACIER = (
    "A glacier lake burst above Brennvik in Norland, flooding sixty homes. "
    "Scientists at the Skarn Glacier station had warned of the surge for weeks."
)


def art(i, outlet, body, date="2026-03-12", title=None, event=None):
    return Article(id=i, source=f"{i}.txt", outlet=outlet, body=body, date=date, title=title, event=event)


def hit(article, text, body, term, category="labeling", voice="narration", loaded=True, refers_to=None):
    start = body.index(text)
    return Hit(article=article, field="body", start=start, end=start + len(text), text=text,
               term=term, category=category, explanation="x", neutral=None, voice=voice,
               speaker=None, probability=0.9, loaded=loaded, lexicon_version="t", refers_to=refers_to)


# -- grouping -----------------------------------------------------------------

def test_grouping_separates_earlier_meeting_and_other_story():
    arts = [
        art(1, "Almera Courier", ACCORD),
        art(2, "Kesh Daily Standard", ACCORD_B, date="2026-03-13"),
        art(3, "Meridian Wire", EARLIER, date="2025-10-07"),
        art(4, "Norland Morning Post", GLACIER, date="2026-03-11"),
    ]
    events = group_events(arts)
    groups = sorted(e.articles for e in events)
    assert groups == [[1, 2], [3], [4]]
    assert [e.id for e in events] == ["e1", "e2", "e3"]  # by first date
    assert events[0].articles == [3]
    accord = next(e for e in events if e.articles == [1, 2])
    assert accord.first_date == "2026-03-12" and accord.last_date == "2026-03-13"
    assert "Kesh" in accord.label or "Siran River" in accord.label


def test_grouping_is_deterministic_and_input_order_free():
    arts = [art(1, "A", ACCORD), art(2, "B", ACCORD_B), art(3, "C", EARLIER, date="2025-10-07")]
    a = group_events(arts)
    b = group_events(list(reversed(arts)))
    assert [(e.id, e.label, e.articles) for e in a] == [(e.id, e.label, e.articles) for e in b]


def test_manifest_event_overrides_similarity():
    arts = [art(1, "A", ACCORD, event="x"), art(2, "B", GLACIER, event="x"), art(3, "C", ACCORD_B)]
    events = group_events(arts)
    assert sorted(e.articles for e in events) == [[1, 2], [3]]
    assert next(e for e in events if e.articles == [1, 2]).label == "x"


@pytest.mark.parametrize("given, named", [
    ("d85PwV5UxEUaHMM0to00pLgkAXkbM", False),  # a news aggregator's story id
    ("dsxeQTqHzsYQzrM7usRl_Shtda-iM", False),
    ("1065372315", False),
    ("3f2a9c1e-7b4d-4e2a-9c1e-7b4d4e2a9c1e", False),
    ("kesh-accord-2026", True),
    ("Kesh accord", True),
    ("KeshAccord", True),
    ("x", True),
])
def test_an_event_given_as_a_record_id_is_labelled_by_its_key_terms(given, named):
    """An export's story column holds ids: a table of events all labelled
    "d85PwV5UxEUaHMM0..." says nothing, so such an event is labelled by what
    its articles share; an event the user named keeps the name."""
    arts = [art(1, "A", ACCORD, event=given), art(2, "B", ACCORD_B, event=given), art(3, "C", GLACIER)]
    (event,) = [e for e in group_events(arts) if e.articles == [1, 2]]
    assert event.manifest_event == given
    if named:
        assert event.label == given and "event" not in event.grouped_by
    else:
        assert event.label == " · ".join(event.key_terms) and "Kesh" in event.label
        assert event.grouped_by["event"] == given  # the export's id stays in the report


def test_an_events_label_leaves_out_courtesy_titles_not_offices():
    """A paper that writes "Mr Brask" (British style, no full stop) in every
    paragraph labels the event with the name a headline would use; an office
    says who the person is."""
    texts = [
        "Mr Brask resigned on Thursday after the pumping-station contracts were published. "
        "President Varenne accepted the resignation of Mr Brask within the hour.",
        "Mr Brask stepped down on Thursday over the pumping-station contracts, and President "
        "Varenne thanked Mr Brask for his years in office.",
        "Mr Brask quit on Thursday as the pumping-station contracts came out; President Varenne "
        "named a successor to Mr Brask by the evening.",
    ]
    (event,) = group_events([art(i, o, t) for i, (o, t) in enumerate(zip("ABC", texts), 1)])
    assert "Brask" in event.key_terms and not any(t.startswith("Mr") for t in event.key_terms)
    assert "President Varenne" in event.key_terms


def test_undated_article_joins_by_similarity_only_when_close():
    arts = [art(1, "A", ACCORD), art(2, "B", ACCORD + " Officials said more talks would follow.", date=None),
            art(3, "C", GLACIER, date=None)]
    groups = sorted(e.articles for e in group_events(arts))
    assert groups == [[1, 2], [3]]


def test_same_day_is_strong_evidence_only_in_a_corpus_spread_over_time():
    from framing.compare.grouping import TimeEvidence

    spread = TimeEvidence([i * 30 for i in range(12)] * 2)  # a year of monthly pairs
    week = TimeEvidence([i % 5 for i in range(24)])  # the same count within five days
    assert spread.log_ratio(0) > week.log_ratio(0) > 0
    assert spread.log_ratio(3) > 0  # coverage spreads over a few days
    assert spread.log_ratio(120) < -20  # months apart: never one event
    assert TimeEvidence([None, None]).log_ratio(0) > 0  # no dated pairs: the prior alone


def test_sparse_clustering_matches_dense_average_linkage():
    import numpy as np
    from framing.compare.grouping import cluster, cluster_pairs

    rng = np.random.default_rng(7)
    S = rng.random((12, 12)) * 0.5
    S = (S + S.T) / 2
    S[0, 1] = S[1, 0] = S[1, 2] = S[2, 1] = 0.9
    dense = cluster(S, [None] * 12, threshold=0.4)
    pairs = {(i, j): float(S[i, j]) for i in range(12) for j in range(i + 1, 12)}
    assert cluster_pairs(12, pairs, [None] * 12, threshold=0.4) == dense
    assert [0, 1, 2] in [g[:3] for g in dense if len(g) >= 3]
    # a window keeps dated members within its span
    dates = [0, 1, 40] + [None] * 9
    assert all(not {0, 2} <= set(g) for g in cluster_pairs(12, pairs, dates, threshold=0.4, window_days=10))


def test_near_duplicate_points_at_the_earlier_original():
    copy = ACCORD + " Port officials in Saltmere welcomed the deal."
    arts = [art(1, "Coastal Herald", copy, date="2026-03-13"), art(2, "Meridian Wire", ACCORD, date="2026-03-12"),
            art(3, "Kesh Daily Standard", ACCORD_B)]
    assert near_duplicates(arts) == {1: 2}
    # same date: the article that credits the other outlet is the copy
    credited = "KESH (Meridian) - " + ACCORD
    arts = [art(1, "Coastal Herald", credited), art(2, "Meridian Wire", ACCORD)]
    assert near_duplicates(arts) == {1: 2}


def test_one_record_listed_under_several_feeds_is_one_article():
    """An archive's story list names one story once per feed that carried it
    (an aggregator's editions under many media names, one link): headlines
    only, so no shingle can tell. The same link and headline (less a " - Site"
    suffix) is a copy of the first; the same headline at another link, the
    same link with another headline, or a site's home page as the link is not."""
    link = "https://news.aggregator.example/rss/articles/CBMiWmh0dHBzOi8vd3d3Lmtlc2g"
    title = "Kesh port workers end strike after pay deal"

    def listed(i, outlet, url, headline):
        return Article(id=i, source="list.csv", outlet=outlet, date="2026-03-12", title=headline, body="", url=url)

    arts = [listed(1, "Aggregator - Almera", link, title),
            listed(2, "Aggregator - Kesh", link, title + " - Kesh Daily"),
            listed(3, "Aggregator (Norland)", link + "#top", title),
            listed(4, "Almera Courier", "https://almeracourier.example/kesh-strike", title),
            listed(5, "Aggregator - Velmora", link, "Velmora closes its border crossings"),
            listed(6, "Kesh Daily", "https://keshdaily.example/", "Kesh port reopens"),
            listed(7, "Kesh Daily", "https://keshdaily.example", "Council votes on harbour budget")]
    assert near_duplicates(arts) == {2: 1, 3: 1}


# -- density ------------------------------------------------------------------

def test_poisson_interval_is_exact_garwood():
    lo, hi = poisson_ci(0)
    assert lo == 0 and math.isclose(hi, 3.689, abs_tol=1e-3)
    lo, hi = poisson_ci(10)
    assert math.isclose(lo, 4.795, abs_tol=1e-3) and math.isclose(hi, 18.390, abs_tol=1e-3)


def test_density_counts_loaded_hits_by_category_and_voice_and_skips_copies():
    body = " ".join(["word"] * 995) + " the regime and the regime said thugs"
    arts = [art(1, "A", body), art(2, "B", body)]
    hits = [hit(1, "regime", body, "regime"), hit(1, "thugs", body, "thugs", category="emotive", voice="quote"),
            hit(1, "said", body, "said", loaded=False), hit(2, "regime", body, "regime")]
    rows = density(arts, hits, copies={2: 1})
    assert [r.outlet for r in rows] == ["A"]
    r = rows[0]
    assert r.loaded == 2 and r.words == 1002
    assert r.per_1000 == round(2 * 1000 / 1002, 3)
    assert r.by_category["labeling"] == 1 and r.by_category["emotive"] == 1
    assert r.by_voice == {"narration": 1, "quote": 1, "reported": 0}
    assert r.ci95[0] < r.per_1000 < r.ci95[1]
    assert r.warning and "loaded" in r.warning


# -- naming -------------------------------------------------------------------

def test_stem_groups_adjective_and_possessive_forms_without_a_country_list():
    assert same_stem("Ardelia", "Ardelian") and same_stem("Israel", "Israeli")
    assert same_stem("Kazakh", "Kazakhstan") and same_stem("Palestine", "Palestinian")
    assert not same_stem("Iran", "Iraq") and not same_stem("Velmora", "Ardelia")
    keys = stem_groups(["Velmora", "Velmoran", "Velmorans", "Ardelia", "Ardelian"])
    assert keys["velmoran"] == keys["velmora"] == keys["velmorans"] != keys["ardelian"]


def test_naming_merges_labels_scare_quotes_and_name_forms(detector):
    a = ("The Velmoran regime signed. Velmora sent the Velmoran “Prime Minister”, and the Velmoran "
         "regime's army will leave. Officials in Ardelia said Velmora must pay.")
    b = "Velmora and Ardelia signed. The Ardelian delegation thanked Velmora's minister."
    arts = [art(1, "Almera Courier", a), art(2, "Kesh Daily Standard", b)]
    hits = [hit(1, "Velmoran regime", a, "regime", refers_to="Velmora")]
    rows = {r.actor: r for r in naming(arts, analysed(arts, detector, hits))}
    assert "Velmora" in rows
    forms = {(f.outlet, f.form, f.scare_quoted) for f in rows["Velmora"].forms}
    assert ("Almera Courier", "Velmoran regime", False) in forms
    assert ("Almera Courier", "“Prime Minister”", True) in forms
    assert ("Kesh Daily Standard", "Velmora", False) in forms
    ardelia = next(r for r in rows.values() if r.actor.lower().startswith("ardelia"))
    assert {f.form for f in ardelia.forms} >= {"Ardelia", "Ardelian"}


def test_a_quoted_word_in_a_title_case_headline_is_no_actor(detector):
    """Headlines in Title Case capitalise every word: "Sat on 'Stolen' Coins"
    quotes a word, not a name, unless the bodies write it as a name. (On
    the UCI aggregator's Mt. Gox headlines, 'Stolen' was the event's only
    naming row.)"""
    arts = [
        Article(id=1, source="1.txt", outlet="Almera Courier", date="2026-03-12", body="", content="headline",
                title="Kesh Exchange Chief Sat on 'Stolen' Coins"),
        Article(id=2, source="2.txt", outlet="Kesh Daily Standard", date="2026-03-12", body="", content="headline",
                title="Kesh Exchange Boss Holding 'Stolen' Coins"),
        Article(id=3, source="3.txt", outlet="Harbour Post", date="2026-03-12", body="", content="headline",
                title="Velmora Warns 'Ardelia' Over Kesh Exchange Coins"),
    ]
    analyses = analysed(arts, detector)
    assert sum(h.term == "scare quotes" for a in analyses.values() for h in a.hits) >= 2  # what the case is
    rows = {r.actor: r for r in naming(arts, analyses, max_actors=None)}
    assert not any("Stolen" in actor for actor in rows), sorted(rows)
    body = "The exchange chief denied that the coins were stolen, the Stolen Coins Fund said."
    arts[0] = Article(id=1, source="1.txt", outlet="Almera Courier", date="2026-03-12", body=body,
                      title=arts[0].title)
    rows = {r.actor: r for r in naming(arts, analysed(arts, detector), max_actors=None)}
    assert any("Stolen" in actor for actor in rows), sorted(rows)  # the body writes it as a name


# -- quotes -------------------------------------------------------------------

def test_relation_kinds():
    ref = "this accord opens the valley to every family".split()
    assert relation(ref, ref) == ("exact", [], [])
    assert relation(ref[:5], ref)[0] == "truncated"
    rel, ins, dele = relation("this accord opens the valley to every ardelian family".split(), ref)
    assert rel == "altered" and ins == ["ardelian"] and dele == []
    assert relation("farmers will get water soon they hope".split(), ref)[0] == "paraphrase"
    # The reference whole inside a longer quotation: the outlet quoted more, it changed nothing.
    longer = "we said it before and we say it again this accord opens the valley to every family".split()
    assert relation(longer, ref) == ("extended", longer[:9], [])


def test_align_quotes_finds_the_altered_version(detector):
    q = "This accord opens the valley to every family that depends on the river"
    bodies = {
        1: f"“{q},” said Hanne Lund.",
        2: f"“{q},” Hanne Lund said on Thursday.",
        3: f"Hanne Lund said: “{q.replace('every family', 'every Ardelian family')}.”",
        4: f"“{' '.join(q.split()[:8])},” Lund said.",
    }
    arts = [art(i, f"Outlet {i}", b) for i, b in bodies.items()]
    rows = align_quotes(arts, analysed(arts, detector))
    assert len(rows) == 1
    row = rows[0]
    assert row.reference.outlets == ["Outlet 1", "Outlet 2"]
    rel = {v.outlet: (v.relation, v.inserted) for v in row.versions}
    assert rel["Outlet 3"] == ("altered", ["ardelian"])
    assert rel["Outlet 4"][0] == "truncated"
    assert row.speaker and row.speaker.endswith("Lund")



def test_quote_cut_at_its_ends_or_an_ellipsis_is_not_altered():
    ref = quote_words("We will open the gates at dawn, and the boats will sail by noon")
    # one outlet quotes the middle of the sentence: a cut, not a change
    assert relation(quote_words("open the gates at dawn, and the boats"), ref)[0] == "truncated"
    # two outlets quote overlapping parts of one statement: cuts at both ends, nothing changed
    assert relation(quote_words("the boats will sail by noon, and the keepers will rest"), ref)[0] == "truncated"
    # the reference as the page cut it ("..."): the version only goes on past the cut
    cut = quote_words("We will open the gates at dawn, and the boats...")
    assert relation(quote_words("open the gates at dawn, and the boats will sail by noon"), cut)[0] == "truncated"
    # an ellipsis inside the version marks the words it left out
    assert relation(quote_words("We will open the gates ... and the boats will sail by noon"), ref)[0] == "truncated"
    # a word changed inside the shared span still makes it altered, whatever is cut around it
    rel, ins, dele = relation(quote_words("open the doors at dawn, and the boats"), ref)
    assert rel == "altered" and ins == ["doors"] and "gates" in dele
    # a word replaced at the very start is a change, not a cut
    assert relation(quote_words("They will open the gates at dawn, and the boats will sail by noon"),
                    ref)[0] == "altered"


def test_quote_words_read_style_guide_spellings_alike():
    same = lambda a, b: relation(quote_words(a), quote_words(b))[0] == "exact"  # noqa: E731
    assert same("Leaving on Aug. 31 is no whim", "Leaving on August the 31st is no whim")
    assert same("Leaving on Sept. 4 is no whim", "Leaving on 4th of September is no whim") is False  # order differs
    assert same("the U.S. & its partners will stay", "the US and its partners will stay")
    assert same("I met [Regent] Hal Omar twice last year", "I met Hal Omar twice last year")
    assert same("I met Hal Omar twice last year", "I met Hal Omar twice last month") is False
    # "may" is the month only before a day
    assert quote_words("we may leave")[1] == "may" and quote_words("on May 3 we leave")[1] == "may"


# -- facts --------------------------------------------------------------------

def test_fact_keys_respect_numbers_negation_and_normalise_units():
    keys = lambda t: {m.key for m in mentions(t)}  # noqa: E731
    assert keys("a $1.1 billion dollar fund") == keys("a $1.1 billion fund")
    assert keys("a $1.1 billion fund") != keys("a $1.4 billion fund")
    assert keys("160 people died") != keys("not 160 people died")
    assert keys("for three decades") == keys("for 30 years")


def test_facts_present_and_absent_by_outlet(detector):
    arts = [
        art(1, "A", "The Compact pledged $2.4 billion, according to Harbor Ledger. Siran Valley farms wait."),
        art(2, "B", "The Compact pledged $2.4 billion for the Siran Valley."),
        art(3, "C", "Farms in the Siran Valley still wait; the older $1.9 billion fund is spent."),
    ]
    rows = {r.text: r for r in facts(arts, analysed(arts, detector))}
    assert rows["$2.4 billion"].present == ["A", "B"] and rows["$2.4 billion"].absent == ["C"]
    assert rows["$2.4 billion"].group == "most"
    assert rows["$1.9 billion"].present == ["C"] and rows["$1.9 billion"].group == "one"
    assert rows["Siran Valley"].group == "all"
    assert rows["Harbor Ledger"].kind == "source" and rows["Harbor Ledger"].present == ["A"]



def test_a_fact_stated_differently_is_not_left_out(detector):
    """The same detail in another form is carried: a month by a day in it or a
    period of months, a figure by an approximation of it, an agency by its
    whole name with "and" in it, a count by its plural noun."""
    arts = [
        art(1, "A", "Orchard exports fell in March, the Tarn Fruit Board said. Growers got $52 million "
                    "from the Soil and Water Commission. The plan passed as 12 Councillors joined the mayor."),
        art(2, "B", "Exports were the lowest since March 9, 2025, said the Tarn Fruit Board. Growers got "
                    "almost $53 million from the Soil and Water Commission, and the plan passed, with "
                    "12 Councillors joining the mayor."),
        art(3, "C", "Orchard exports in the January-to-March quarter fell; growers got about $80 million."),
    ]
    rows = {r.text: r for r in facts(arts, analysed(arts, detector))}
    assert rows["March"].absent == [], rows["March"]
    assert "C" in rows["$52 million"].absent and rows["$52 million"].present == ["A", "B"]
    assert rows["$53 million"].present == ["A", "B"]
    assert rows["Soil and Water Commission"].present == ["A", "B"]
    assert not any("Water Commission" == t for t in rows)
    assert rows["12 councillors"].present == ["A", "B"], sorted(rows)
    # a figure written as exact stays another fact than an exact one close to it
    arts2 = [art(1, "A", "Growers got $52 million."), art(2, "B", "Growers got $53 million.")]
    rows2 = {r.text: r for r in facts(arts2, analysed(arts2, detector))}
    assert rows2["$52 million"].present == ["A"] and rows2["$53 million"].present == ["B"]


def test_people_of_a_place_are_not_a_fact_left_out(detector):
    arts = [art(1, "A", "Many New Yorkers and Floridians rode the Halden ferry on Sunday."),
            art(2, "B", "The Halden ferry ran on Sunday.")]
    texts = {r.text for r in facts(arts, analysed(arts, detector))}
    assert not any("Yorker" in t or "Floridian" in t for t in texts), texts
    # a name joined by "and" to another that is a place or person of its own stays two names
    assert [m.text for m in mentions("Lawyers for Ardelia and Justice Department staff met.")
            if m.kind == "entity"] == ["Ardelia", "Justice Department"]



def test_numbers_in_names_and_labels_are_not_counts():
    keys = lambda t: {m.key for m in mentions(t) if m.kind == "number"}  # noqa: E731
    assert keys("Under the new rules, Harbor Act 9 bars pilots from the bay.") == set()
    assert keys("She was elected the No. 2 official of the guild.") == set()
    assert keys("The prize went to the film Four Quiet Rivers, about a drought.") == set()
    # a count after a lower-case word or at a sentence's start is still a count
    assert keys("The act bars 9 pilots. Four rivers ran dry.") == {("number", "9", "pilot"), ("number", "4", "river")}


def test_a_year_after_a_month_and_an_institution_s_party_group(detector):
    assert ("year", "2024") in {m.key for m in mentions("Two clerks fell ill in October 2024.")}
    arts = [art(1, "A", "Harbor Council Greens unveiled the plan on Monday."),
            art(2, "B", "As the Harbor Council met, the Greens unveiled the plan."),
            art(3, "C", "Lawyers from the US Harbor Safety Department and the Harbor Council Democrats "
                        "met on Monday."),
            art(4, "D", "The Harbor Safety Department met on Monday.")]
    rows = {r.text: r for r in facts(arts, analysed(arts, detector))}
    assert "C" in rows["Harbor Council"].present, rows["Harbor Council"]
    assert rows["Harbor Safety Department"].present == ["C", "D"], sorted(rows)
    # "Department of X" and "X Department" are one institution
    key = lambda t: [m.key for m in mentions(t) if m.kind == "entity"]  # noqa: E731
    assert key("Then the Department of Fisheries spoke.") == key("Then the Fisheries Department spoke.")
    assert key("Then the Department of Fisheries and Oceans spoke.") != key("Then the Fisheries Department spoke.")


# -- distinctive ----------------------------------------------------------------

def test_log_odds_is_antisymmetric_and_distinctive_orders_by_z():
    a = {"regime": 6, "river": 2}
    b = {"government": 6, "river": 2}
    prior = {"regime": 6, "river": 4, "government": 6}
    za = log_odds(a, b, prior)
    zb = log_odds(b, a, prior)
    assert za["regime"] > 0 and math.isclose(za["river"], -zb["river"], abs_tol=1e-9)
    arts = [art(1, "A", "regime regime regime regime occupation occupation occupation river water " * 10),
            art(2, "B", "government government government river water water water accord " * 10)]
    rows = distinctive(arts)
    terms = [t.term for t in rows[0].terms]
    assert rows[0].outlet == "A" and terms[0] == "regime"
    zs = [t.z for t in rows[0].terms]
    assert zs == sorted(zs, reverse=True)


# -- the whole report ---------------------------------------------------------------

def test_build_report_selects_an_event_and_is_deterministic(tmp_path):
    # the detector is exercised by the seed and demo tests; here: grouping and assembly
    # only, so the articles come without analyses
    with Store(tmp_path / "x.db") as store:
        for a in [art(1, "A", ACCORD), art(2, "B", ACCORD_B), art(3, "C", EARLIER, date="2025-10-07")]:
            a.id = None
            store.put(a, path_key=a.source, record="")
        articles = list(store.articles())
    r1 = build_report(articles, {}, lexicon_version="test-1")
    r2 = build_report(articles, {}, lexicon_version="test-1")
    assert r1.to_json() == r2.to_json()
    assert [e.id for e in r1.events] == ["e1", "e2"]
    one = build_report(articles, {}, event="e2")
    assert [e.id for e in one.events] == ["e2"]
    assert {a["id"] for a in one.articles} == set(one.events[0].articles)
    assert all("body" not in a and "near_duplicate_of" in a for a in one.articles)
    with pytest.raises(NotFound, match="e9"):
        build_report(articles, {}, event="e9")


def test_a_copy_of_an_article_in_another_event_still_counts_in_its_own(detector):
    """The corpus-wide copy map must not silence an event whose article copies
    one that was grouped elsewhere (e.g. a reprint two weeks later)."""
    from framing.compare import build_event
    from framing.compare.grouping import EventGroup

    body = ("The Velmoran regime closed the border crossing at Kesh on Monday, officials in "
            "Almera said, and trucks carrying grain were turned back at the river bridge.")
    original = Article(id=1, source="a", outlet="Almera Courier", body=body, date="2026-03-01")
    reprint = Article(id=2, source="b", outlet="Coastal Herald", body=body, date="2026-03-20")
    hit = Hit(article=2, field="body", start=4, end=19, text="Velmoran regime", term="regime",
              category="labeling", explanation="e", neutral="government", voice="narration",
              speaker=None, probability=0.9, loaded=True, lexicon_version="v")
    later = EventGroup(id="e2", label="later", articles=[2], first_date="2026-03-20", last_date="2026-03-20")
    analyses = analysed([original, reprint], detector, [hit])
    event = build_event([original, reprint], analyses, later, copies={2: 1})
    [row] = event.density
    assert (row.outlet, row.loaded) == ("Coastal Herald", 1)
