"""Lexicon entries in the sense they are written for, on invented sentences.

Each test names one fix of issue 13's even-handedness round: a compound that
negates a term is not the term; labels that dismiss ("propaganda", "so-called")
are loaded wherever they stand in the outlet's own sentence. Mirrored pairs
keep each fix even-handed.
"""

from __future__ import annotations

import pytest

from framing.detect import Detector, load_lexicon
from framing.models import Article


@pytest.fixture(scope="module")
def detector():
    return Detector(load_lexicon()).fit()


@pytest.fixture(scope="module")
def mild_detector(tmp_path_factory):
    """The shipped lexicon with the positive word list's floor set back to 1.5
    in a lexicon folder of one's own (round 28 raised it to 2.0): the rules
    written for mild positive words ("eager", "devoted", "bright") stay
    tested for a user who lowers the floor again."""
    from framing.resources import lexicon_dir

    text = (lexicon_dir() / "subjective.yaml").read_text(encoding="utf-8")
    head, sep, tail = text.partition("    sign: positive\n    min_valence: 2.0")
    assert sep, "the positive word list's floor moved"
    folder = tmp_path_factory.mktemp("mild")
    (folder / "subjective.yaml").write_text(head + "    sign: positive\n    min_valence: 1.5" + tail,
                                            encoding="utf-8")
    return Detector(load_lexicon([folder])).fit()


def hits(detector, text):
    return [(h.text, h.loaded) for h in detector.detect(Article(source="t", body=text, id=1))]


@pytest.mark.parametrize("compound, word", [
    ("The anti-racist march crossed the bridge at noon.", "racist"),
    ("Marchers held a non-violent sit-in at the depot.", "violent"),
    ("The Anti-Racist Caucus met on Monday.", "Racist"),
])
def test_a_negating_prefix_makes_a_compound_that_is_not_the_term(detector, compound, word):
    assert word not in [t for t, _ in hits(detector, compound)]


@pytest.mark.parametrize("sentence, word", [
    ("The racist march crossed the bridge at noon.", "racist"),
    ("Marchers held a violent sit-in at the depot.", "violent"),
])
def test_the_term_alone_is_still_a_candidate(detector, sentence, word):
    assert word in [t for t, _ in hits(detector, sentence)]


@pytest.mark.parametrize("sentence", [
    # mirrored: the same dismissal of each side's media
    "Viewers tired of the left's propaganda switched off the broadcast.",
    "Viewers tired of the right's propaganda switched off the broadcast.",
    "Propaganda from the embassy reached every school in the province.",
])
def test_propaganda_in_the_outlets_own_sentence_is_loaded(detector, sentence):
    assert ("propaganda" in [t.lower() for t, loaded in hits(detector, sentence) if loaded])


@pytest.mark.parametrize("sentence", [
    "The council's so-called savings plan cut nothing.",
    "His so-called ethics panel has not met since spring.",
])
def test_so_called_before_a_plain_noun_phrase_distances(detector, sentence):
    assert ("so-called", True) in hits(detector, sentence)


def test_so_called_before_a_technical_term_stays_neutral(detector):
    assert ("so-called", False) in hits(detector, "Divers studied the so-called dead zone in the gulf.")


@pytest.mark.parametrize("sentence", [
    "The presidential hopeful toured the port of Kesh on Monday.",
    "Democratic presidential hopeful Mira Sand on Monday unveiled a plan for the port.",
    "Republican presidential hopeful Oren Dask on Monday unveiled a plan for the port.",
])
def test_hopeful_as_a_candidate_is_no_praise(detector, sentence):
    # the noun for a candidate, either side's; the generated word list excludes it
    assert not [t for t, _ in hits(detector, sentence) if t.lower().startswith("hopeful")]


def test_other_generated_praise_words_are_still_candidates(detector):
    assert "brilliant" in [t for t, _ in hits(detector, "The presidential hopeful's brilliant plan won.")]


@pytest.mark.parametrize("sentence, word", [
    # words that in news name a thing more often than they judge one (round 16)
    ("A grand jury heard the case against the two officers on Monday.", "grand"),
    ("Drivers lined up for the Velmoran Grand Prix in the rain.", "grand"),
    ("The levy falls on gross pay, before deductions.", "gross"),
    ("Voters in nine states went to the polls on Super Tuesday.", "super"),
])
def test_words_that_name_a_thing_are_no_evaluative_candidates(detector, sentence, word):
    assert word not in [t.lower() for t, _ in hits(detector, sentence)]


def test_the_evaluative_word_lists_still_judge(detector):
    assert "disastrous" in [t for t, _ in hits(detector, "The council's disastrous parking plan took effect.")]


# -- round 24: senses read on real news (docs/accuracy.md, "Loaded words on
# real news: a reading of 100 hits")

@pytest.mark.parametrize("sentence", [
    # mirrored: the noun as an allegation against each side
    "Aides will use the filing to rebut claims the governor hid his income.",
    "Aides will use the filing to rebut claims the senator hid his income.",
    "Investigators looked into claims of collusion with the embassy.",
    "The memo lists claims of family ties among the factors.",
    "The farmer filed a claim with his insurer after the storm.",
    "Claims of fraud reached the board on Monday.",
    "The memo weighs two things; claims of family ties come first.",
])
def test_the_noun_claim_is_not_claimed_for_said(detector, sentence):
    assert not [t for t, _ in hits(detector, sentence) if t.lower().startswith("claim")]


@pytest.mark.parametrize("sentence", [
    # somebody's statement carries the verb's doubt: left to the classifier
    "The mayor repeated his claim that the fire began at the depot.",
    "The governor's claim that the fire began at the depot went unanswered.",
    "The senator's claim that the fire began at the depot went unanswered.",
])
def test_somebodys_claim_stays_a_candidate(detector, sentence):
    assert "claim" in [t for t, _ in hits(detector, sentence)]


@pytest.mark.parametrize("sentence, word", [
    # mirrored: the verb for each side
    ("The governor claims his aide told him to quit.", "claims"),
    ("The senator claims his aide told him to quit.", "claims"),
    ("Some will claim that this is still a rate increase.", "claim"),
    ("Critics claim the plan is a giveaway.", "claim"),
    ("Velmora falsely claims the border was quiet.", "claims"),
])
def test_the_verb_claim_is_still_loaded(detector, sentence, word):
    assert (word, True) in hits(detector, sentence)


@pytest.mark.parametrize("sentence", [
    "Earlier this week, press secretary Josh Earnest told reporters the bill was dead.",
    "The rally moved to Mount Pleasant after the storm.",
])
def test_a_word_list_adjective_inside_a_name_is_the_name(detector, sentence):
    generated = [h.text for h in detector.detect(Article(source="t", body=sentence, id=1))
                 if h.term.endswith("evaluative word")]
    assert generated == []


@pytest.mark.parametrize("sentence, word", [
    ("The senator gave an earnest speech on the floor.", "earnest"),
    ("The rally moved to a pleasant square after the storm.", "pleasant"),
    ("Earnest voters lined up before dawn.", "Earnest"),
])
def test_the_same_adjective_outside_a_name_is_still_a_candidate(detector, sentence, word):
    assert word in [t for t, _ in hits(detector, sentence)]


@pytest.mark.parametrize("sentence", [
    # mirrored
    "The governor said the numbers were pretty good this year.",
    "The senator said the numbers were pretty good this year.",
    "I'm actually pretty bullish on changing the rules.",
    "The facts are pretty clear.",
])
def test_pretty_before_an_adjective_means_fairly(detector, sentence):
    assert "pretty" not in [t.lower() for t, _ in hits(detector, sentence)]


def test_pretty_before_a_noun_is_still_a_candidate(detector):
    assert "pretty" in [t for t, _ in hits(detector, "They walked through a pretty town by the river.")]


# -- round 25: the generated word lists on a person's feeling and on other parts of speech

def _words(detector, text):
    return [t.lower() for t, _ in hits(detector, text)]


@pytest.mark.parametrize("sentence, word", [
    # mirrored: the same feeling reported of each side
    ("She was upset that the Republicans blocked the bill.", "upset"),
    ("She was upset that the Democrats blocked the bill.", "upset"),
    ("They're not happy with the left's budget.", "happy"),
    ("They're not happy with the right's budget.", "happy"),
    ("I am proud of what the union did.", "proud"),
    ("We felt confident that the vote would pass.", "confident"),
    ("The ruling made them angry.", "angry"),
    ("Many voters are angry about the Republican tax plan.", "angry"),
    ("Many voters are angry about the Democratic tax plan.", "angry"),
])
def test_a_feeling_predicated_of_a_person_is_reported_not_judged(detector, sentence, word):
    assert word not in _words(detector, sentence)


@pytest.mark.parametrize("sentence, word", [
    ("It is sad that the Republicans blocked the bill.", "sad"),
    ("It is sad that the Democrats blocked the bill.", "sad"),
    ("An angry crowd gathered outside the council.", "angry"),
    ("Velmora is not exactly eager to take in refugees.", "eager"),
    ("The party is eager to change the subject.", "eager"),
    ("He was stupid to sign the deal.", "stupid"),
])
def test_a_judged_situation_a_noun_s_adjective_or_a_lent_feeling_stays_a_candidate(
        mild_detector, sentence, word):
    assert word in _words(mild_detector, sentence)


@pytest.mark.parametrize("sentence, word", [
    # mirrored: the same noun or verb sense in each side's story
    ("The senator poked fun at the Republican plan.", "fun"),
    ("The senator poked fun at the Democratic plan.", "fun"),
    ("Unions welcome the new rules on overtime.", "welcome"),
    ("The surprise result could upset the balance of the council.", "upset"),
    ("Velmora launched an offensive against the rebels.", "offensive"),
    ("They marched for fun.", "fun"),
    ("A rash of reports followed the vote.", "rash"),
    ("The plan was aimed at satisfying the party's base.", "satisfying"),
])
def test_a_noun_or_verb_sense_of_a_word_list_form_is_not_a_candidate(detector, sentence, word):
    assert word not in _words(detector, sentence)


@pytest.mark.parametrize("sentence, word", [
    ("A welcome change came to the harbour in May.", "welcome"),
    ("The senator made a crude joke about the mayor.", "crude"),
    ("The union called him a racist.", "racist"),
    ("The union called him a racist in the interview.", "racist"),
    ("The party stood with racist or hateful groups.", "racist"),
    ("The deal is far from perfect.", "perfect"),
    ("Critics called the raid an act of evil.", "evil"),
    ("The offensive remarks angered the council.", "offensive"),
    ("The fun part of the fair was the parade.", "fun"),
])
def test_the_adjective_or_an_evaluative_noun_stays_a_candidate(detector, sentence, word):
    assert word in _words(detector, sentence)


@pytest.mark.parametrize("sentence", [
    "The Republicans' successful bid for the seat surprised analysts.",
    "The Democrats' successful bid for the seat surprised analysts.",
])
def test_successful_states_an_outcome_like_unsuccessful(detector, sentence):
    assert "successful" not in _words(detector, sentence)


# -- round 25 (hits25): the written entries' senses ---------------------------

@pytest.mark.parametrize("sentence", [
    # mirrored: the same charge for either side
    "A Republican aide pleaded guilty to lying to investigators about the meeting.",
    "A Democratic aide pleaded guilty to lying to investigators about the meeting.",
    "The Velmoran envoy was convicted of lying to Congress last year.",
    "The Ardelian envoy was convicted of lying to Congress last year.",
    "The indictment charges the adviser with lying to FBI agents.",
    "Lying to Congress is a crime, the judge noted.",
    "The senator was sentenced for lying under oath.",
])
def test_lying_as_the_name_of_a_charge_is_not_the_outlets_verdict(detector, sentence):
    assert not {"lying", "Lying", "lied"} & set(_words(detector, sentence))


@pytest.mark.parametrize("sentence, word", [
    ("The Republican governor lied to voters about the budget deficit.", "lied"),
    ("The Democratic governor lied to voters about the budget deficit.", "lied"),
    ("The mayor keeps lying to Congress about the budget.", "lying"),
    ("He is lying to the FBI, the senator said.", "lying"),
])
def test_lying_as_a_verdict_stays_a_candidate(detector, sentence, word):
    assert word in _words(detector, sentence)


@pytest.mark.parametrize("sentence", [
    "It was later revealed that the Republican mayor had sold the land.",
    "It was later revealed that the Democratic mayor had sold the land.",
    "The survey revealed that most voters want a new road.",
    "The footage reveals the officers entering the house.",
    "Hundreds of people were exposed to the virus at the rally.",
    "The new rules leave farmers exposed to floods.",
])
def test_revealed_for_showed_or_came_out_and_exposed_to_are_not_factive(detector, sentence):
    assert not {"revealed", "reveals", "exposed"} & set(_words(detector, sentence))


@pytest.mark.parametrize("sentence, word", [
    ("The Velmoran minister revealed that the army had armed the rebels.", "revealed"),
    ("The Ardelian minister revealed that the army had armed the rebels.", "revealed"),
    ("The report exposed the governor's lies about the dam.", "exposed"),
    ("The senator exposes the mayor's hypocrisy in a new book.", "exposes"),
])
def test_a_statement_framed_as_true_stays_a_candidate(detector, sentence, word):
    assert word in _words(detector, sentence)


def _loaded(detector, text):
    return [h.text.lower() for h in detector.detect(Article(source="t", body=text, id=1))
            if h.loaded]


@pytest.mark.parametrize("template, word", [
    ("The {} senator gave an unhinged speech about the tariffs.", "unhinged"),
    ("The {} governor's delusional budget assumes taxes will double.", "delusional"),
    ("The {} mayor's blatant lie about the contract angered residents.", "blatant"),
    ("The {} senator brazenly ignored the subpoena.", "brazenly"),
    ("The {} governor's vaccine rollout has been a fiasco.", "fiasco"),
    ("The {} senator dismissed the warnings as hysteria.", "hysteria"),
    ("The {} president's obsession with the wall stalled the budget.", "obsession"),
    ("The {} senator's toxic rhetoric poisoned the debate.", "toxic"),
    ("The {} senator's bigoted remarks drew protests.", "bigoted"),
    ("The {} governor rules the state like a tyrant.", "tyrant"),
    ("The {} mayor handed the contracts to his cronies.", "cronies"),
    ("The {} senator called the inquiry a witch hunt.", "witch hunt"),
    ("The {} governor's demagoguery on crime won him the primary.", "demagoguery"),
    ("The {} governor smeared the judge as corrupt.", "smeared"),
    ("The {} president doubled down on his claim about the vote.", "doubled down"),
])
@pytest.mark.parametrize("side", ["Republican", "Democratic"])
def test_new_evaluative_entries_judge_either_side_alike(detector, template, word, side):
    assert word in _loaded(detector, template.format(side))


@pytest.mark.parametrize("sentence, word", [
    ("Toxic waste leaked from the plant into the river.", "toxic"),
    ("The play tells the story of a witch hunt in a small town in 1692.", "witch hunt"),
    ("The referee called a flagrant foul in the second half.", "flagrant"),
])
def test_new_entries_plain_senses_are_not_loaded(detector, sentence, word):
    assert word not in _loaded(detector, sentence)


# -- round 26 (words26): senses of the written entries and fixed phrases ------

@pytest.mark.parametrize("sentence", [
    # mirrored: the modal "be supposed to" (expected, meant) for either side
    "The Republican plan was supposed to cut costs by a third.",
    "The Democratic plan was supposed to cut costs by a third.",
    "That is not how the count is supposed to work, the clerk said.",
    "Voters were supposed to get a say before the vote.",
])
def test_supposed_to_is_expected_not_doubted(detector, sentence):
    assert "supposed" not in _words(detector, sentence)


@pytest.mark.parametrize("sentence", [
    "The Republican senator's supposed plan was never written down.",
    "The Democratic senator's supposed plan was never written down.",
    "He is supposed to have hidden the money in a barn.",
])
def test_supposed_before_a_noun_still_doubts_it(detector, sentence):
    assert "supposed" in _words(detector, sentence)


@pytest.mark.parametrize("sentence", [
    "The clinic lost its admitting privileges at the county hospital.",
    "The law requires admitting-privileges at a nearby hospital.",
    "The Republican governor was admitted to the hospital on Friday.",
    "The Democratic governor was admitted to the hospital on Friday.",
    "The country admitted 10,000 refugees last year.",
    "Only 2,000 refugees had been admitted to the country by May.",
    "Who may be admitted into the union is for the members to decide.",
])
def test_admitted_for_let_in_is_no_confession(detector, sentence):
    assert not {"admitting", "admitted"} & set(_words(detector, sentence))


@pytest.mark.parametrize("sentence, word", [
    ("The Republican minister admitted that the plan had failed.", "admitted"),
    ("The Democratic minister admitted that the plan had failed.", "admitted"),
    ("The senator admitted to reporters that the bill was dead.", "admitted"),
    ("The mayor finally admitted to hiding the report.", "admitted"),
])
def test_admitted_as_a_confession_stays_a_candidate(detector, sentence, word):
    assert word in _words(detector, sentence)


@pytest.mark.parametrize("sentence", [
    # mirrored: a claim to something, not a statement
    "The Republican governor claimed victory before the count was over.",
    "The Democratic governor claimed victory before the count was over.",
    "An armed group claimed responsibility for the bombing.",
    "The storm claimed the lives of four people.",
    "Weekly jobless claims fell to 200,000.",
    "Asylum claims rose by a third last year.",
    "The driver filed claims against the city for the damage.",
    "The whistleblower sued under the False Claims Act in May.",
])
def test_a_claim_to_a_right_or_a_legal_claim_is_not_claimed_for_said(detector, sentence):
    assert not [t for t in _words(detector, sentence) if "claim" in t]


@pytest.mark.parametrize("sentence, word", [
    ("The Republican governor claimed that the fire began at the depot.", "claimed"),
    ("The Democratic governor claimed that the fire began at the depot.", "claimed"),
    ("The mayor claims to have read every page.", "claims"),
])
def test_claimed_for_said_stays_a_candidate(detector, sentence, word):
    assert word in _words(detector, sentence)


@pytest.mark.parametrize("sentence", [
    "The factory released toxic chemicals into the river.",
    "A toxic gas cloud drifted over the town.",
    "A toxic-waste site sits next to the school.",
    "The banks sold toxic assets to the fund.",
])
def test_toxic_of_a_substance_is_literal(detector, sentence):
    assert "toxic" not in _words(detector, sentence)


@pytest.mark.parametrize("side", ["Republican", "Democratic"])
def test_toxic_as_a_figure_stays_a_candidate(detector, side):
    assert "toxic" in _words(detector, f"The {side} senator's toxic rhetoric poisoned the debate.")


@pytest.mark.parametrize("sentence, word", [
    ("Talks on the budget began in earnest on Monday.", "earnest"),
    ("The firm sells eco-friendly cleaning products.", "friendly"),
    ("It is a business-friendly bill, the Republican senator said.", "friendly"),
    ("It is a union-friendly bill, the Democratic senator said.", "friendly"),
    ("Policy-wise, the two candidates agree.", "wise"),
    ("In a worst-case scenario the deficit doubles.", "worst"),
    ("The bill is dead, Mr. Earnest said on Monday.", "earnest"),
    ("The bill is dead, said Earnest, the press secretary.", "earnest"),
    ("We met at happy hour after the vote.", "happy"),
    ("The Republican governor, a lame duck, signed the bill.", "lame"),
    ("The Democratic governor, a lame duck, signed the bill.", "lame"),
    ("The senate's lame-duck session ended on Friday.", "lame"),
    ("Crude oil prices fell on Monday.", "crude"),
    ("The jobs report was a bright spot for the mayor.", "bright"),
    ("He wished the crowd a Merry Christmas.", "merry"),
    ("The Republican senator's favorable rating fell to 40 percent.", "favorable"),
    ("Most voters view the Democratic senator favorably, the poll found.", "favorably"),
])
def test_fixed_phrases_names_and_poll_answers_are_not_the_adjective(mild_detector, sentence, word):
    assert word not in _words(mild_detector, sentence)


@pytest.mark.parametrize("sentence, word", [
    ("The senator gave an earnest speech on the floor.", "earnest"),
    ("They had a friendly talk about the budget.", "friendly"),
    ("The chancellor was less-than-friendly to the plan.", "friendly"),
    ("It was a terrible decision, the council's own.", "terrible"),
    ("That was a lame excuse for the delay.", "lame"),
    ("The Republican mayor's crude remarks drew protests.", "crude"),
    ("The Democratic mayor's crude remarks drew protests.", "crude"),
    ("It was a happy day for the senator.", "happy"),
])
def test_the_same_adjectives_judging_stay_candidates(detector, sentence, word):
    assert word in _words(detector, sentence)


@pytest.mark.parametrize("sentence", [
    "The Republican governor reportedly told aides he wanted troops, Reuters reported.",
    "The Democratic governor reportedly told aides he wanted troops, Reuters reported.",
    "The protester was reportedly arrested on Monday, according to police.",
])
def test_reportedly_with_its_source_named_is_attribution(detector, sentence):
    assert "reportedly" not in _words(detector, sentence)


@pytest.mark.parametrize("side", ["Republican", "Democratic"])
def test_reportedly_without_a_source_stays_a_candidate(detector, side):
    assert "reportedly" in _words(detector, f"The {side} senator reportedly hid the money.")


@pytest.mark.parametrize("sentence, word", [
    # added after the blind reading: two of its wrong senses
    ("The country regularly admitted fewer than 50,000 refugees a year.", "admitted"),
    ("It is like the perfect storm, the Republican mayor said.", "perfect"),
    ("It is like the perfect storm, the Democratic mayor said.", "perfect"),
])
def test_let_in_past_a_number_and_the_perfect_storm_are_not_candidates(detector, sentence, word):
    assert word not in _words(detector, sentence)


# Round 27 (words27): general classes of the pooled judged-wrong hits, each on
# invented sentences; the cases of what stays a candidate pass on main too.

@pytest.mark.parametrize("sentence, word", [
    ("The Iranian Revolutionary Guard seized a tanker in the strait.", "revolutionary"),
    ("The scholar taught the Old Testament for thirty years.", "testament"),
    ("The firing was soon called the Friday Night Massacre by the press.", "massacre"),
    ("The Republican leader named himself the “Grim Reaper” of the bills.", "grim"),
    ("The Democratic leader named himself the “Grim Reaper” of the bills.", "grim"),
])
def test_an_emotive_or_promotional_word_inside_a_name_is_the_name(detector, sentence, word):
    assert word not in _words(detector, sentence)


@pytest.mark.parametrize("sentence, word", [
    ("The plan is a revolutionary change for the city.", "revolutionary"),
    ("Rallies by the Radical Left drew crowds in the capital.", "radical left"),
    ("Rallies by the Radical Right drew crowds in the capital.", "radical right"),
    ("The governor called it the Impeachment Hoax on Monday.", "hoax"),
    ("Soldiers carried out a massacre in the village.", "massacre"),
])
def test_labels_verdicts_and_lowercase_entries_stay_candidates(detector, sentence, word):
    assert word in _words(detector, sentence)


@pytest.mark.parametrize("sentence, word", [
    ("The Republican ruling is perfectly legal under the statute.", "perfectly"),
    ("The Democratic ruling is perfectly legal under the statute.", "perfectly"),
    ("The city badly needs new roads, the mayor said.", "badly"),
    ("The clinic desperately wants more nurses.", "desperately"),
    ("The bridge was badly damaged in the flood.", "badly"),
    ("The Republican governor lost so badly in 2008 that he never ran again.", "badly"),
    ("The Democratic governor lost so badly in 2008 that he never ran again.", "badly"),
])
def test_a_degree_adverb_measures_and_does_not_judge(detector, sentence, word):
    assert word not in _words(detector, sentence)


@pytest.mark.parametrize("sentence, word", [
    ("The Republican mayor behaved badly at the meeting.", "badly"),
    ("The Democratic mayor behaved badly at the meeting.", "badly"),
    ("It is a badly run agency.", "badly"),
])
def test_badly_judging_conduct_stays_a_candidate(detector, sentence, word):
    assert word in _words(detector, sentence)


@pytest.mark.parametrize("sentence, word", [
    ("Would people be upset if the vote were delayed?", "upset"),
    ("He would have been angry about the delay.", "angry"),
    ("Mr. Hagel was very, very frustrated with the staff.", "frustrated"),
    ("Republicans were furious about the rule change.", "furious"),
    ("Democrats were furious about the rule change.", "furious"),
    ("Kashmiris remain fearful that the law will change.", "fearful"),
    ("The order left some immigration hawks disappointed.", "disappointed"),
    ("Protesters angry over the decree marched to the square.", "angry"),
])
def test_a_persons_or_groups_feeling_is_reported_not_judged(detector, sentence, word):
    assert word not in _words(detector, sentence)


@pytest.mark.parametrize("sentence, word", [
    ("China is not eager to join the talks.", "eager"),
    ("It is sad that the talks failed.", "sad"),
    ("It was an angry speech about the court.", "angry"),
    ("The Republican senator should be ashamed of himself, she said.", "ashamed"),
    ("The Democratic senator should be ashamed of himself, she said.", "ashamed"),
    ("“Aren't you ashamed of what you did?” the host asked.", "ashamed"),
    ("“Shouldn't we be ashamed?” the Republican senator asked.", "ashamed"),
    ("“Shouldn't we be ashamed?” the Democratic senator asked.", "ashamed"),
])
def test_a_feeling_lent_or_a_situation_judged_stays_a_candidate(mild_detector, sentence, word):
    assert word in _words(mild_detector, sentence)


@pytest.mark.parametrize("sentence, word", [
    ("In the poll, 29% say the Republican's policies made the economy worse.", "worse"),
    ("In the poll, 29% say the Democrat's policies made the economy worse.", "worse"),
    ("Just 20 percent of voters rated the schools as excellent.", "excellent"),
    ("A majority of voters said the senator is honest.", "honest"),
])
def test_a_polled_shares_answer_is_survey_wording(detector, sentence, word):
    assert word not in _words(detector, sentence)


@pytest.mark.parametrize("sentence, word", [
    ("The economy suffered the worst downturn since the Great Depression.", "worst"),
    ("It was the worst recession in 70 years, officials said.", "worst"),
    ("The city had its most violent summer since 1968.", "violent"),
])
def test_a_superlative_set_against_a_record_measures(detector, sentence, word):
    assert word not in _words(detector, sentence)


@pytest.mark.parametrize("sentence, word", [
    ("Critics say the Republican plan was disastrous for the economy.", "disastrous"),
    ("Critics say the Democratic plan was disastrous for the economy.", "disastrous"),
    ("He is the most incompetent governor in the history of the state.", "incompetent"),
    ("It was the most shameful decision, since nobody asked the voters.", "shameful"),
])
def test_a_superlative_without_a_record_or_a_share_stays_a_candidate(detector, sentence, word):
    assert word in _words(detector, sentence)


@pytest.mark.parametrize("sentence, word", [
    ("Alcohol is a factor in 40 percent of violent crimes in the state.", "violent"),
    ("The task force targets violent offenders first.", "violent"),
    ("Doctors found a traumatic brain injury after the crash.", "traumatic"),
    ("The Republican candidate conceded the race on Tuesday night.", "conceded"),
    ("The Democratic candidate conceded the race on Tuesday night.", "conceded"),
    ("Bevin conceded to Beshear last month after a recount.", "conceded"),
    ("The full video from the hearing reveals that the door was shut.", "reveals"),
    ("The autopsy reveals two gunshot wounds.", "reveals"),
    ("He wants to end the wars claiming American lives.", "claiming"),
    ("The war was seemingly endless for the village.", "seemingly"),
])
def test_categories_contests_records_and_appearances_are_plain(detector, sentence, word):
    assert word not in _words(detector, sentence)


@pytest.mark.parametrize("sentence, word", [
    ("The protest turned violent late at night.", "violent"),
    ("The Republican senator conceded that the plan had failed.", "conceded"),
    ("The Democratic senator conceded that the plan had failed.", "conceded"),
    ("The minister revealed that the talks had failed.", "revealed"),
    ("The singer apparently wants the talks to fail.", "apparently"),
])
def test_the_judging_senses_stay_candidates(detector, sentence, word):
    assert word in _words(detector, sentence)


@pytest.mark.parametrize("sentence, word", [
    # added after round 27's blind reading: three of its wrong senses
    ("On Monday, a day devoted to remembering the dead, the city was quiet.", "devoted"),
    ("There are few songs devoted to hair.", "devoted"),
    ("He's devoted his life to the farm bill, the Republican senator's aide said.", "devoted"),
    ("He's devoted his life to the farm bill, the Democratic senator's aide said.", "devoted"),
    ("The agency devoted extraordinary resources to the camps.", "devoted"),
    ("That won't stop us from having some fun calling them out.", "fun"),
    ("“Mad Dog” is the sort of name the president likes.", "mad"),
])
def test_devoted_to_a_noun_some_fun_and_a_quoted_nickname_are_other_senses(mild_detector, sentence,
                                                                           word):
    assert word not in _words(mild_detector, sentence)


@pytest.mark.parametrize("sentence, word", [
    ("Her devoted supporters cheered the Republican senator.", "devoted"),
    ("Her devoted supporters cheered the Democratic senator.", "devoted"),
    ("She is one of the most devoted members of the party.", "devoted"),
    ("It is not a very fun time to be a runner.", "fun"),
])
def test_devoted_and_fun_as_the_adjective_stay_candidates(mild_detector, sentence, word):
    assert word in _words(mild_detector, sentence)


# -- round 28: mild praise is description; praise and blame keep their own floors --

@pytest.mark.parametrize("sentence, word", [
    # mirrored: the same mild praise of each side's senator
    ("The Republican senator's smart plan won the vote.", "smart"),
    ("The Democratic senator's smart plan won the vote.", "smart"),
    ("The Republican governor gave a helpful and interesting talk.", "helpful"),
    ("The Democratic governor gave a helpful and interesting talk.", "interesting"),
    ("The mayor struck a bold, thoughtful tone at the dinner.", "bold"),
    ("The mayor struck a bold, thoughtful tone at the dinner.", "thoughtful"),
])
def test_mild_praise_is_no_candidate(detector, sentence, word):
    assert word not in _words(detector, sentence)


@pytest.mark.parametrize("sentence, word", [
    ("The Republican senator's brilliant plan won the vote.", "brilliant"),
    ("The Democratic senator's brilliant plan won the vote.", "brilliant"),
    # mild blame stays: the negative words keep the lower floor
    ("The Republican senator's ridiculous plan won the vote.", "ridiculous"),
    ("The Democratic senator's ridiculous plan won the vote.", "ridiculous"),
    ("The mayor struck a hostile tone at the dinner.", "hostile"),
])
def test_strong_praise_and_mild_blame_stay_candidates(detector, sentence, word):
    assert word in _words(detector, sentence)


@pytest.mark.parametrize("sentence, word", [
    # round 39 (words39b): comparatives and superlatives left both word lists
    # (they compare or rank more often than they judge; invented sentences)
    ("Critics say the Republican plan made the economy worse.", "worse"),
    ("Critics say the Democratic plan made the economy worse.", "worse"),
    ("He is the worst governor in the history of the state.", "worst"),
    ("The storm brought the harshest winter the valley had known.", "harshest"),
    ("The school takes the brightest pupils of the district.", "brightest"),
    ("The Republican mayor was the saddest man at the count.", "saddest"),
    ("The Democratic mayor was the saddest man at the count.", "saddest"),
])
def test_comparatives_and_superlatives_are_no_word_list_candidates(detector, sentence, word):
    assert word not in _words(detector, sentence)


@pytest.mark.parametrize("sentence, word", [
    ("He is a terrible governor, the Republican senator said.", "terrible"),
    ("He is a terrible governor, the Democratic senator said.", "terrible"),
    ("The storm brought a harsh winter to the valley.", "harsh"),
    ("The mayor's sad excuse for a plan drew laughter.", "sad"),
])
def test_their_base_forms_stay_candidates(detector, sentence, word):
    assert word in _words(detector, sentence)


def test_the_word_lists_hold_no_comparative_or_superlative():
    from lemminflect import getAllLemmas

    for entry in load_lexicon().entries:
        if entry.generated:
            assert entry.variants
            for w in entry.variants:
                graded = [f for pos, f in getAllLemmas(w).items() if pos in ("ADJ", "ADV")]
                assert not graded or any(w in f for f in graded), (entry.term, w)


def test_the_positive_word_list_keeps_only_ratings_of_two_or_more():
    from framing.detect.wordlists import vader_ratings

    ratings = vader_ratings()
    lexicon = load_lexicon()
    positive = next(e for e in lexicon.entries if e.term == "positive evaluative word")
    negative = next(e for e in lexicon.entries if e.term == "negative evaluative word")
    assert positive.variants and all(ratings[w] >= 2.0 for w in positive.variants)
    # the negative list still reaches down to 1.5
    assert min(-ratings[w] for w in negative.variants) < 2.0


@pytest.mark.parametrize("sentence, word", [
    # a feeling followed by its clause without "that" (round 28's blind reading)
    ("Republicans were frustrated their bill had stalled.", "frustrated"),
    ("Democrats were frustrated their bill had stalled.", "frustrated"),
    ("He has been frustrated his team has not made more progress.", "frustrated"),
    ("They were happy it passed.", "happy"),
    # "much" inside the verb group (round 38's blind reading)
    ("Republicans feel so much more confident about the vote.", "confident"),
    ("Democrats feel so much more confident about the vote.", "confident"),
])
def test_a_feeling_before_a_clause_without_that_is_reported(detector, sentence, word):
    assert word not in _words(detector, sentence)


@pytest.mark.parametrize("sentence, word", [
    ("They are happy people.", "happy"),
    ("It is sad this happened.", "sad"),
    ("The plan was cruel the way it was written.", "cruel"),
])
def test_a_feeling_before_its_noun_or_a_situation_judged_stays_a_candidate(detector, sentence,
                                                                          word):
    assert word in _words(detector, sentence)


@pytest.mark.parametrize("sentence, word", [
    # round 38's blind reading of fundus' 2023-2026 pages: plural nouns, fixed
    # phrases and the relational "ethical" (invented sentences)
    ("Villagers heard several blasts before dawn.", "blasts"),
    ("Two loud blasts shook the harbour.", "blasts"),
    ("Towels on the heated rails dry faster.", "rails"),
    ("The fumes from the fire closed the road.", "fumes"),
    ("The Republican mayor paid tribute to the firefighters.", "tribute to"),
    ("The Democratic mayor paid tribute to the firefighters.", "tribute to"),
    ("The Labour leader pays a heartfelt tribute to the nurses.", "tribute to"),
    ("Antioxidants trap free radicals in the cells.", "radicals"),
    ("Readers of romance want a happy ending.", "happy"),
    ("The board raised ethical concerns about the Republican donor.", "ethical"),
    ("The board raised ethical concerns about the Democratic donor.", "ethical"),
])
def test_plural_nouns_fixed_phrases_and_relational_ethical_are_other_senses(detector, sentence,
                                                                            word):
    assert word not in _words(detector, sentence)


@pytest.mark.parametrize("sentence, word", [
    ("The Republican senator blasts the ruling.", "blasts"),
    ("The Democratic senator blasts the ruling.", "blasts"),
    ("The governor rails against the new tax.", "rails"),
    ("The senator fumes about the delay.", "fumes"),
    ("The victory was a tribute to the leadership of the prime minister.", "tribute to"),
    ("Radicals in the party rejected the deal.", "radicals"),
    ("A mob of protesters marched downtown on Saturday.", "mob"),
    ("The charity is an ethical company.", "ethical"),
])
def test_the_verbs_labels_and_praise_stay_candidates(detector, sentence, word):
    assert word in _words(detector, sentence)


@pytest.mark.parametrize("sentence, word", [
    # after round 38's second blind reading: a plea in court, findings of
    # several inquiries, a formula of frankness (invented sentences)
    ("The Republican councillor admitted a single charge of fraud.", "admitted"),
    ("The Democratic councillor admitted two counts of fraud.", "admitted"),
    ("The driver admitted the offence at the first hearing.", "admitted"),
    ("Police investigations revealed that the money had been moved.", "revealed"),
    ("Let's be honest, most voters never read the bill.", "honest"),
    ("To be honest, the plan surprised everyone.", "honest"),
])
def test_a_plea_findings_and_a_formula_of_frankness_are_other_senses(detector, sentence, word):
    assert word not in _words(detector, sentence)


@pytest.mark.parametrize("sentence, word", [
    ("The Republican councillor admitted that the charge was fair.", "admitted"),
    ("The Democratic councillor admitted that the charge was fair.", "admitted"),
    ("The minister revealed that the money had been moved.", "revealed"),
    ("She gave an honest account of the war.", "honest"),
    ("Voters want the senator to be honest about the deal.", "honest"),
])
def test_a_confession_a_statement_and_praise_stay_candidates(detector, sentence, word):
    assert word in _words(detector, sentence)


@pytest.mark.parametrize("sentence, word", [
    # round 38 (words38b): "claims" the plural noun before a clause, after a
    # preposition or a past verb; exposure to something, not a disclosure
    # (invented sentences, mirrored where a side can be named)
    ("The Republican mayor struggled to recover from claims he was absent.", "claims"),
    ("The Democratic mayor struggled to recover from claims he was absent.", "claims"),
    ("The protest grew amid claims that ballots were lost.", "claims"),
    ("The senator repeated claims that the port had been sold.", "claims"),
    ("The guard exposed himself to the visitors in the park.", "exposed"),
    ("Drinking from the river exposes us to cholera.", "exposes"),
    ("Cutting the budget exposes the city to the risk of floods.", "exposes"),
])
def test_claims_as_a_noun_and_exposure_are_other_senses(detector, sentence, word):
    assert word not in _words(detector, sentence)


@pytest.mark.parametrize("sentence, word", [
    ("The Republican mayor claims that he was absent.", "claims"),
    ("The Democratic mayor also claims that he was absent.", "claims"),
    ("The union claims the port had been sold.", "claims"),
    ("The leaked memo exposed the governor's lies about the port.", "exposed"),
    ("The reporter exposed the scandal to the public.", "exposed"),
    ("Her book exposes the senator as a fraud.", "exposes"),
])
def test_claims_the_verb_and_a_disclosure_stay_candidates(detector, sentence, word):
    assert word in _words(detector, sentence)


@pytest.mark.parametrize("sentence, word", [
    # after round 38's third reading (Zyte's benchmark, words38b): a counted
    # group let in, a claim to a thing, "pretty" grading a participle, a
    # greeting and "worst case" (invented sentences)
    ("By 2019 the island had admitted more than 2.5 million Velmoran refugees.", "admitted"),
    ("The college admits 300 new students every autumn.", "admits"),
    ("The Republican delegation gave up its claims to the northern valley.", "claims"),
    ("The Democratic delegation gave up its claims to the northern valley.", "claims"),
    ("The long trial left the juror pretty exhausted.", "pretty"),
    ("Welcome to the new season of the council's podcast.", "welcome"),
    ("Planners prepared for the worst case scenario on the river.", "worst"),
])
def test_a_group_let_in_a_claim_to_a_thing_a_greeting_and_worst_case_are_other_senses(
        detector, sentence, word):
    assert word not in _words(detector, sentence)


@pytest.mark.parametrize("sentence, word", [
    ("The Republican minister admitted that the refugees had waited a year.", "admitted"),
    ("The Democratic minister admitted 200 soldiers had died.", "admitted"),
    ("The delegation claims to have found the old border stones.", "claims"),
    ("His claim to have found the stones was doubted.", "claim"),
    ("The pretty harbour drew painters every summer.", "pretty"),
    ("The delegates were welcome to join the talks.", "welcome"),
])
def test_a_confession_a_claim_to_have_done_praise_and_blame_stay_candidates(
        detector, sentence, word):
    assert word in _words(detector, sentence)


@pytest.mark.parametrize("sentence, word", [
    # round 39 (words39), from the blind reading of trafilatura's evaluation
    # pages: "lie" = rest, fixed phrases, a taste, "happy to" = willing, a title
    # of address, "desperately in love", poison by dose (invented sentences,
    # mirrored where a side can be named)
    ("Old ballots were found lying around the Republican office.", "lying"),
    ("Old ballots were found lying around the Democratic office.", "lying"),
    ("The rebels are lying low in the hills near Kesh.", "lying"),
    ("A fisherman was seen lying face down on the pier.", "lying"),
    ("The blame lies with the harbour board, the report found.", "lies"),
    ("The village lies at the heart of the valley.", "lies"),
    ("The plan is clumsy at best and harmful at worst.", "worst"),
    ("The Republican mayor is his own worst enemy.", "worst"),
    ("The Democratic mayor is her own worst enemy.", "worst"),
    ("Tongue cells carry receptors for bitter, sweet and salty food.", "bitter"),
    ("The broth leaves a bitter taste at the back of the mouth.", "bitter"),
    ("Farmers grow sweet corn along the river.", "sweet"),
    ("Yet the harbour board seems happy to keep paying the fees.", "happy"),
    ("The Honourable Deputy Premier Ana Lee will remain Acting Premier of Kesh.", "honourable"),
    ("The Honorable Chief Judge Ward Read The Verdict Of The Kesh Court.", "honorable"),
    ("The two singers were desperately in love.", "desperately"),
    ("I have mad respect for the volunteers.", "mad"),
    ("Actors smeared fake blood on their shirts.", "fake"),
    ("The sap is slightly toxic to the touch.", "toxic"),
    ("The berries are toxic if swallowed.", "toxic"),
    ("Argon is one of the noble gases.", "noble"),
    # after the second reading: "pretty" grading a hyphenated participle, a
    # sporting upset
    ("How the old mill still runs is pretty mind-boggling.", "pretty"),
    ("The Kesh rowing club was the upset winner of the regatta.", "upset"),
])
def test_lie_at_rest_fixed_phrases_tastes_and_titles_are_other_senses(detector, sentence, word):
    assert word not in _words(detector, sentence)


@pytest.mark.parametrize("sentence, word", [
    ("The Republican governor is lying about the harbour deal.", "lying"),
    ("The Democratic governor is lying about the harbour deal.", "lying"),
    ("Her lies in the memoir angered the council.", "lies"),
    ("The senator keeps spreading lies around the district.", "lies"),
    ("The mayor gave a bitter speech against the union.", "bitter"),
    ("The senator's toxic rhetoric split the party.", "toxic"),
    ("The critics called the plan a fake reform.", "fake"),
    ("She made a noble sacrifice for the town.", "noble"),
    ("The union was desperately wrong about the vote.", "desperately"),
])
def test_lies_told_worst_bitter_and_toxic_as_judgements_stay_candidates(detector, sentence, word):
    assert word in _words(detector, sentence)


@pytest.mark.parametrize("sentence, word", [
    # round 39 (words39b): "revealed" before a clause of the subject's own news,
    # a disclosure (invented sentences, mirrored where a side can be named)
    ("The pair revealed in February that they were expecting a second child.", "revealed"),
    ("The Republican senator revealed that she would not run again.", "revealed"),
    ("The Democratic senator revealed that she would not run again.", "revealed"),
    ("The ferry company revealed it had lost the harbour contract.", "revealed"),
    ("He reveals in the interview that he trained as a baker.", "reveals"),
])
def test_revealed_before_the_subjects_own_news_is_a_disclosure(detector, sentence, word):
    assert word not in _words(detector, sentence)


@pytest.mark.parametrize("sentence, word", [
    ("The Republican senator revealed that the Democratic governor had hidden the report.",
     "revealed"),
    ("The Democratic senator revealed that the Republican governor had hidden the report.",
     "revealed"),
    ("The minister revealed in a speech that Velmora had armed the rebels.", "revealed"),
    ("The clerk revealed the mayor's secret payments.", "revealed"),
    ("Investigators also revealed that he had planned the raid for a year.", "revealed"),
    ("They also revealed that he had planned the raid for a year.", "revealed"),
])
def test_revealed_about_another_stays_a_candidate(detector, sentence, word):
    assert word in _words(detector, sentence)


@pytest.mark.parametrize("sentence, word", [
    # round 39 (words39b): the positive word list holds adjectives only; the
    # positive adverbs mostly tell a manner (invented sentences)
    ("The Republican crowd marched peacefully to the square.", "peacefully"),
    ("The Democratic crowd marched peacefully to the square.", "peacefully"),
    ("She folded the letter gently and put it away.", "gently"),
    ("The new valve works perfectly in cold weather.", "perfectly"),
])
def test_positive_adverbs_are_no_word_list_candidates(detector, sentence, word):
    assert word not in _words(detector, sentence)


@pytest.mark.parametrize("sentence, word", [
    ("The Republican mayor's admirable plan won the vote.", "admirable"),
    ("The Democratic mayor's admirable plan won the vote.", "admirable"),
    ("The council shamefully ignored the east side.", "shamefully"),
])
def test_positive_adjectives_and_negative_adverbs_stay_candidates(detector, sentence, word):
    assert word in _words(detector, sentence)


@pytest.mark.parametrize("sentence, word", [
    # round 40 (words40), from the blind reading of NeuS-AllSides: the noun
    # "claims" after any preposition whatever follows; "blasts off" (a
    # launch); the fixed phrases "the peaceful transfer of power" and "the
    # dignified transfer"; members let in (invented sentences, mirrored where
    # a side can be named)
    ("In response to claims that the Republican governor hid his income, aides spoke.",
     "claims"),
    ("In response to claims that the Democratic governor hid his income, aides spoke.",
     "claims"),
    ("The Republican mayor was contradicted on claims the port was safe.", "claims"),
    ("The Democratic mayor was contradicted on claims the port was safe.", "claims"),
    ("The Republican senator stood by claims the port was safe.", "claims"),
    ("The Democratic senator stood by claims the port was safe.", "claims"),
    ("Ana Lee Blasts Off to Space on a Velmoran Rocket.", "blasts"),
    ("The crew blasted off from the desert base at dawn.", "blasted"),
    ("Rioters tried to stop the peaceful transfer of power.", "peaceful"),
    ("The governor promised a peaceful transition of power.", "peaceful"),
    ("The president attended the dignified transfer of the soldiers' remains.", "dignified"),
    ("The club has admitted few minorities since it opened.", "admitted"),
    ("“I do not support invoking the Insurrection Act,” the governor said.", "insurrection"),
    ("Unrest of that kind can lead to armed insurrection and civil war.", "insurrection"),
])
def test_claims_after_a_preposition_a_launch_and_fixed_phrases_are_other_senses(
        detector, sentence, word):
    assert word not in _words(detector, sentence)


@pytest.mark.parametrize("sentence, word", [
    ("Some claim that the Republican mayor hid his income.", "claim"),
    ("Many claim that the Democratic mayor hid his income.", "claim"),
    ("The Republican senator falsely claims the port was safe.", "claims"),
    ("The Democratic senator also claims the port was safe.", "claims"),
    ("The governor blasts officials over the port.", "blasts"),
    ("The governor blasted the plan on Monday.", "blasted"),
    ("The peaceful crowd marched to the hall.", "peaceful"),
    ("The minister admitted few mistakes in the talks.", "admitted"),
    ("The panel is investigating the insurrection at the council hall.", "insurrection"),
])
def test_the_verb_a_criticism_and_a_judged_crowd_stay_candidates(detector, sentence, word):
    assert word in _words(detector, sentence)


@pytest.mark.parametrize("sentence, word", [
    # round 40 (words40), after the second blind reading of NeuS-AllSides:
    # filings for jobless benefits, counted or named by the statistics' kind;
    # "a change of course", "a matter of course"; idioms and "outstanding" as
    # unpaid (invented sentences)
    ("Economists had expected 538,000 claims in the week.", "claims"),
    ("The decrease in initial claims points to a recovery.", "claims"),
    ("Weekly claims are still above their 2019 average.", "claims"),
    ("The vote was a change of course for the Republican council.", "of course"),
    ("The vote was a change of course for the Democratic council.", "of course"),
    ("Guards searched the bags as a matter of course.", "of course"),
    ("The report set out the abuse in excruciating detail.", "excruciating"),
    ("Voters in Kesh are in for a rude awakening.", "rude"),
    ("The city still has outstanding debts of 2 million.", "outstanding"),
])
def test_jobless_claims_a_change_of_course_and_idioms_are_other_senses(detector, sentence,
                                                                      word):
    assert word not in _words(detector, sentence)


@pytest.mark.parametrize("sentence, word", [
    ("The Republican senator repeated two claims that the port was sold.", "claims"),
    ("Of course, the Democratic council knew the plan would fail.", "of course"),
    ("The mayor's excruciating speech ran for two hours.", "excruciating"),
    ("The mayor was rude to the visiting delegates.", "rude"),
    ("She gave an outstanding speech at the hall.", "outstanding"),
])
def test_claims_counted_as_statements_of_course_and_judgements_stay_candidates(
        detector, sentence, word):
    assert word in _words(detector, sentence)
