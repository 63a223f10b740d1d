"""Round 21: the evidence of distance a scare quote needs (framing.detect.scare.weigh).

The rules keep a short quotation that nothing explains otherwise; a logistic
model over named cues (weights in lexicons/scare/evidence.json) keeps only
those whose evidence is strong. Invented texts, invented names and outlets."""

from __future__ import annotations

import json
import re

import pytest
from conftest import benchmark_module

from framing.detect import Detector, load_lexicon
from framing.detect import scare
from framing.models import Article
from framing.resources import lexicon_dir


#: An invented opinion piece: a word of doubt before each quoted word, loaded
#: narration, two scare quotes (about 240 words).
STRONG = """The Velmora Tribune Weekly ran another breathless editorial this week, and it was a disgrace from the first line to the last.

The supposedly “independent” panel, picked by the harbour board in March, has produced nothing but excuses. Its members are cronies of the board, its hearings are closed, and its report reads like a press release written by the people it was meant to examine.

We were promised a thorough inquiry. Instead we got a shameful whitewash, a cynical exercise in delay that insults every family on the waterfront who lost a home in the flood.

So much for “progress.” Nobody who has walked along the ruined quay would use that word. The seawall is still broken, the pumps are still idle, and the money is still missing.

It is outrageous that the board expects the town to applaud. It is worse that the Tribune Weekly does. A newspaper that cheers for a rigged inquiry has stopped doing its job, and its readers deserve better than this sorry spectacle.

The town should demand a real inquiry, with open hearings and members chosen by someone other than the board. Until then, every statement from the panel deserves the scepticism it has so plainly earned, and every editorial that praises it deserves the same. The families on the quay have waited long enough, and they should not have to wait for a panel that answers to the very board it is meant to judge."""

#: An invented wire report: "said" in every sentence, one quoted claim word with
#: nothing else to show distance (about 210 words).
WEAK = """The Kesh harbour board met on Tuesday to discuss the budget for the coming year, officials said.

The board's chair, Mira Dastan, said the meeting lasted four hours. She told reporters that the members had agreed on most items but had put off a vote on dredging. A spokesman for the port said the delay would not affect shipping.

Board members said they would return to the question in May. Ivo Penner, the treasurer, said the accounts showed a small surplus. He said the surplus would go to repairs of the north pier, which engineers said was in poor condition.

The plan includes a “reform” of the fee schedule for small boats.

Fishermen's groups said they had not seen the details. Ana Rusk, who speaks for one group, said members would study the plan. She said the group had asked for a meeting with the board. A board spokesman said a meeting would be arranged.

The port handled more cargo last year than in any year since the records began, according to figures the board published in January. Officials said the rise came mostly from grain shipments. They said they expected the figures to stay high this year.

The board will meet again on the first Tuesday of May, officials said."""


@pytest.fixture(scope="module")
def detector():
    return Detector(load_lexicon()).fit()


def _scare(detector, text):
    return [h for h in detector.detect(Article(source="Invented", body=text, id=1))
            if h.term == "scare quotes"]


def test_model_file_names_every_cue_and_loads_the_same_twice():
    data = json.loads((lexicon_dir() / "scare" / "evidence.json").read_text(encoding="utf-8"))
    assert set(data["weights"]) == set(scare.EVIDENCE)
    assert 0.5 < data["threshold"] < 1.0
    assert scare._load_evidence_model() == scare._load_evidence_model()


def test_score_is_the_logistic_of_the_weighted_cues():
    m = {"weights": dict.fromkeys(scare.EVIDENCE, 0.0), "intercept": -1.0, "threshold": 0.5}
    m["weights"]["doubt before"] = 3.0
    cues = dict.fromkeys(scare.EVIDENCE, 0.0)
    assert scare.evidence_score(cues, m) == round(1 / (1 + 2.718281828459045 ** 1.0), 4)
    cues["doubt before"] = 1.0
    assert scare.evidence_score(cues, m) == 0.8808
    shipped = scare.evidence_model()
    assert scare.evidence_score(cues) == scare.evidence_score(dict(cues), shipped)


def test_strong_evidence_kept_with_its_cues_and_score(detector):
    hits = _scare(detector, STRONG)
    assert [h.text for h in hits] == ["“independent”", "“progress.”"]
    for h in hits:
        assert h.loaded
        assert "Evidence of distance: claim word +" in h.explanation
        assert "doubt before +" in h.explanation
        m = re.search(r"score (\d\.\d\d) \(kept at (\d\.\d\d) or more\)", h.explanation)
        assert m and float(m.group(1)) >= 0.95 > float(m.group(2))


def test_weak_evidence_dropped(detector):
    # The rules alone keep it (a claim word, nothing explains it) ...
    scare.use_evidence_model(scare.KEEP_ALL)
    try:
        kept = [s for s in detector.voice_map(WEAK).top if s.scare]
    finally:
        scare.use_evidence_model(None)
    assert [WEAK[s.start:s.end] for s in kept] == ["“reform”"]
    assert kept[0].cues["claim word"] == 1.0 and kept[0].cues["saying verbs"] == 4.0
    # ... the model does not: a report's register, nothing else shows distance.
    assert _scare(detector, WEAK) == []
    vm = detector.voice_map(WEAK)
    (s,) = [s for s in vm.top if s._short]
    assert s.kind == "term" and s.score < scare.evidence_model()["threshold"]


def test_short_texts_are_not_weighed(detector):
    # A sentence has no register to measure: the rules decide alone (as for the
    # lexicon's examples and BABE's sentences).
    sentence = "The plan includes a “reform” of the fee schedule for small boats."
    (h,) = _scare(detector, sentence)
    assert "Evidence of distance" not in h.explanation


def test_same_text_same_bytes(detector):
    a = [h.to_dict() for h in _scare(detector, STRONG)]
    b = [h.to_dict() for h in _scare(detector, STRONG)]
    assert json.dumps(a, sort_keys=True) == json.dumps(b, sort_keys=True)


# -- the refit script, on invented data (no Article-Bias-Prediction needed) ----

@pytest.fixture()
def fit_module():
    with benchmark_module("scare_evidence_fit") as module:
        yield module


def test_refit_reads_invented_articles_and_judged_rows(tmp_path, fit_module):
    data = tmp_path / "jsons"
    data.mkdir()
    for aid, body in (("inventedStrong01", STRONG), ("inventedWeak0001", WEAK)):
        (data / f"{aid}.json").write_text(json.dumps({"ID": aid, "source": "Invented Outlet",
                                                      "content_original": body}), encoding="utf-8")
    judged = [{"id": "inventedStrong01", "offset": STRONG.index("“independent”"), "label": "D",
               "tables": "X"},
              {"id": "inventedWeak0001", "offset": WEAK.index("“reform”"), "label": "W",
               "tables": "official"},
              {"id": "inventedWeak0001", "offset": 3, "label": "D", "tables": "X"}]  # no hit there
    rows = fit_module.extract(judged, data)
    assert [(r["id"], r["label"], r["out_of_sample"]) for r in rows] == [
        ("inventedStrong01", "D", True), ("inventedWeak0001", "W", False)]
    assert rows[0]["cues"]["doubt before"] == 1.0
    # extraction does not leave the keep-everything model in place
    assert scare.evidence_model() is not scare.KEEP_ALL


def _invented_rows(n=60):
    """Rows whose label follows one cue (doubt before) but for every fifth."""
    rows = []
    for i in range(n):
        cues = dict.fromkeys(scare.EVIDENCE, 0.0)
        d = i % 2 == 0
        cues["doubt before"] = 1.0 if d else 0.0
        cues["saying verbs"] = (i % 7) / 2
        label = "D" if (d != (i % 5 == 0)) else "W"
        rows.append({"id": f"a{i // 3}", "offset": i, "outlet": f"o{i % 6}", "label": label,
                     "cues": cues, "out_of_sample": True})
    return rows


def test_refit_is_deterministic_and_learns_the_cue(fit_module):
    rows = _invented_rows()
    a = fit_module.dump(fit_module.fit(rows, precision=0.75))
    b = fit_module.dump(fit_module.fit(rows, precision=0.75))
    assert a == b
    m = json.loads(a)
    assert m["weights"]["doubt before"] > 1.0 > abs(m["weights"]["claim word"])
    assert m["fitted on"]["C"] in fit_module.GRID
    cv = m["cross-validated"]["grouped by article"]
    assert cv["precision"] >= 0.75 and 0 < cv["recall"] < 1


# -- round 22: a word named "as", a word discussed, a name quoted three times --

_RATES = {"loaded narration": 0.0, "saying verbs": 0.0, "short quotations": 0.0}


def _cues(detector, text, quoted):
    """The cues of the short quotation ``quoted`` (whatever the rules decide)."""
    vm = detector.voice_map(text)
    s = next(s for s in vm.top if s._short and text[s.start:s.end] == quoted)
    return scare.evidence(vm, s, 1, _RATES)


def test_named_as(detector):
    named = ("The harbour board met on Tuesday. Its report identified the fishermen's "
             "league as “moderate” in its demands. The league did not reply.")
    assert _cues(detector, named, "“moderate”")["named as"] == 1.0
    named_a = "The board promoted the levy as a “reform” of the fees."
    assert _cues(detector, named_a, "“reform”")["named as"] == 1.0
    plain = "The harbour board met on Tuesday. Its “moderate” members lost the vote."
    assert _cues(detector, plain, "“moderate”")["named as"] == 0.0


def test_word_discussed(detector):
    # a noun of mention in the sentence, or in the sentence before
    noun = "The board never explained the word “reform” to the fishermen."
    assert _cues(detector, noun, "“reform”")["word discussed"] == 1.0
    before = "The board's chair chose her words with care. She spoke of “reform” twice."
    assert _cues(detector, before, "“reform”")["word discussed"] == 1.0
    # a verb whose object is a word, before it in the sentence
    verb = "The chair would not use “reform” in her speech."
    assert _cues(detector, verb, "“reform”")["word discussed"] == 1.0
    plain = "The harbour board met on Tuesday. Its “reform” raised every fee."
    assert _cues(detector, plain, "“reform”")["word discussed"] == 0.0


@pytest.mark.parametrize("state", ["Israel", "Iran"])  # mirrored: each side refuses the other's name
def test_name_refused_needs_three_quotations(detector, state):
    thrice = (f"The paper wrote of the “{state}” delegation. It said the “{state}” envoy "
              f"had left. It called the “{state}” talks a failure.")
    c = _cues(detector, thrice, f"“{state}”")
    assert c["state or people"] == 1.0 and c["quoted again"] == 1.0 and c["name refused"] == 1.0
    twice = f"The paper wrote of the “{state}” delegation. It said the “{state}” envoy had left."
    c = _cues(detector, twice, f"“{state}”")
    assert c["state or people"] == 1.0 and c["quoted again"] == 1.0 and c["name refused"] == 0.0
