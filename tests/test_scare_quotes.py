"""Scare quotes that mean distance (framing.detect.scare): a short quotation
is a scare quote only when it is not someone's words (looking across the
sentence boundary), a title, a name or nickname, a term being introduced or a
self-description. One example of each kind; and the ones that do distance."""

from __future__ import annotations

import re

import pytest

from framing.detect import Detector, load_lexicon
from framing.models import Article

#: An invented news report's narration (round 18): it attributes as a report
#: does ("said", "told", "according to"), never says "I" or "you" and asks
#: nothing - about 170 words around the sentence under test.
REPORT_HEAD = (
    "The Kesh harbour council voted on Monday to close the north dock for repairs, "
    "council officials said. The dock handles a third of the grain that reaches the "
    "port, according to figures from the harbour office. Mira Sand, who chairs the "
    "council's budget committee, told reporters the work would take six weeks and "
    "cost about four million crowns. Barge owners said they had not been consulted.\n\n")
REPORT_TAIL = (
    "\n\nThe council said the vote was the first of three needed before the work can start. "
    "Oren Dask, a barge owner from the lower river, said the closure would cost his company "
    "a month of trade. Port staff added that grain would be moved through the south dock "
    "while the work goes on. The harbour office said a date for the second vote would be set "
    "next week, after the council's lawyers have read the contracts. A spokesman for the "
    "grain traders said the group would write to the council before then.")


def report(sentence: str) -> str:
    """``sentence`` as a paragraph of an invented news report."""
    return REPORT_HEAD + sentence + REPORT_TAIL


#: Round 32: a lead under an invented headline that says nothing about its quotation.
_NO_LEAD = "\n\nThe council met on Monday and the port stayed shut.\n\nMore text."

#: Round 33: paragraphs of an invented report that put a later sentence beyond the lead.
_FILLER = ("\n\nThe north dock has been closed since the spring floods, and the cranes stand "
           "idle.\n\nBarge traffic on the lower river fell by a third in the first half of "
           "the year.\n\nThe council meets again next month to set the fees for the winter.\n\n")

NOT_SCARE = [
    # round 18: in a news report, a single lowercase word that makes no claim of
    # its own is a field's term or a source's word (“omnibus”, a “present” vote)
    ("term", report("Lawmakers must pass an “omnibus” spending bill before the council can pay for it.")),
    ("term", report("Two members voted “present” when the repair plan came up in May.")),
    # round 19: in any register, a single word that makes no claim of its own
    # and no word of doubt in its sentence is a term, a neutral word or a
    # source's word - in an opinion piece (it says "I" and asks), or alone
    ("term", "I have read the council's plan twice. Why would anyone trust it? " + report(
        "Lawmakers must pass an “omnibus” spending bill before the council can pay for it.")),
    ("term", "Lawmakers must pass an “omnibus” spending bill before the council can pay for it."),
    ("term", "The mayor ran a “wartime” council for a year."),
    # a state's or a people's name as a string typed or searched for, not held off
    ("term", "Visitors who typed “Velmora” into the ministry's search box saw a list of hotels."),
    ("term", "Online searches for “Ardelia” rose sharply after the broadcast."),
    ("term", "Supporters of the Kesh mayor shared the hashtag “reform” all week."),
    ("term", "The council's “roadmap” for the docks is a list of new fees."),
    ("term", "The port's “modern” cranes broke down in May."),
    # "allegedly" away from the quotation is a report's legal hedge, no doubt of the word
    ("term", "The clerks, who allegedly worked for the council, include a “runner” who carried cash."),
    # ... and a word VADER rates strongly is no evidence by itself: quoted, such
    # words are mostly somebody's praise or insult (round 19's development rows)
    ("term", report("The council's “generous” plan for the dock left every fee in place.")),
    # someone's words: a verb of saying or quoting in the sentence ...
    ("quotation", "The lawsuit characterises the new rule as “arbitrary” and asks for a ruling."),
    ("quotation", "The judge ruled that the order was “unlawful” and blocked it."),
    ("quotation", "Officials at the ministry said on Monday that the report was “flawed”."),
    # ... or in the sentence before, in the same paragraph
    ("quotation", "Ardelia's envoy said on Monday that the talks had stalled. Both sides remain “apart” on water."),
    ("quotation", "“We will never sign,” the minister told the crowd. The plan is “dead”, in his view."),
    # a two- or three-word quoted phrase with no so-called: a phrase somebody used
    ("quotation", "Investigators remain “laser focused” on the port."),
    # titles of works
    ("title", "She read the novel “Northern Lights” in two days."),
    ("title", "The show “Kitchen Wars” returns in May."),
    ("title", "The “Harbour Nights” author signed books in Kesh."),
    ("title", "Opening paragraph.\n\nRELATED: Velmora Minister Calls Deal A ‘Disaster’ For Farmers\n\nMore text."),
    # names and nicknames
    ("name", "Marko “Hammer” Tesk won the title fight."),
    ("name", "He was known by the nickname “Hammer”."),
    # terms introduced or defined
    ("term", "The minimum flow is known as “baseflow” among engineers."),
    ("term", "He suffers from what doctors call “snowblindness”."),
    ("term", "The court found he had “affluenza,” meaning wealth had spoiled his judgement."),
    ("term", "The word “regime” comes from the French."),
    # self-descriptions
    ("self-description", "The group, which calls itself “pro-family”, opened an office in Kesh."),
    ("self-description", "The self-described “patriots” met in a barn."),
    ("self-description", "He is a self-proclaimed “dirty trickster” of Kesh politics."),
    # a capitalised word that names no state or people is a name; a Title Case
    # phrase that is no office is the name of something
    ("name", "Fans of “Marlow” queued outside the studio in Kesh."),
    ("title", "The “Iron Dome” missile-defence system was tested again."),
    # a speaker named two sentences before, in the paragraph
    ("quotation", "Mira Sand told reporters the plan was late. The port has no money. "
                  "Its budget is “hopeless” this year."),
    # the same word in a full quotation elsewhere in the article (another form of it)
    ("quotation", "“They will crush the strike,” Oren Dask said.\n\nMore text here.\n\n"
                  "Workers do not expect to be “crushed” this time."),
    # the same word unquoted in the sentence: a word mentioned
    ("term", "Voters like the reforms in the bill more than “reforms” as a slogan."),
    # after "so-called" or "self-styled" the marks belong to that word, which is
    # the one loaded hit (test_so_called_carries_the_distance)
    ("term", "The so-called “Harbour Accords” were signed in 2020."),
    ("term", "The self-styled “experts” were wrong again."),
    # a heading line of another article inside the body
    ("title", "First paragraph of the story.\n\nVelmora minister questions “ceasefire”\n\nMore text."),
    # someone else's paragraph: a block quotation after "he wrote:" or an embedded post
    ("quotation", "The mayor answered within the hour. He wrote:\n\n"
                  "The council should never have let this “slip” into the papers.\n\nMore text."),
    ("quotation", "First paragraph.\n\nThe port was not “closed” at all, just quiet. "
                  "pic.twitter.com/abc123\n\nMore text."),
    ("quotation", "First paragraph.\n\nThe vote was a “farce” from the start. "
                  "— Oren Dask (@orendask) June 8, 2017\n\nMore text."),
    # a noun of speech in the sentence: a statement, remarks, rhetoric, a letter
    ("quotation", "A statement from the union was critical of “reckless” cuts to the port."),
    ("quotation", "Sand's rhetoric on Velmora's “cheating” is not far from the mayor's."),
    # a share of people in a poll who find an answer
    ("quotation", "Asked about the budget, 70 percent find it “essential” to act this year."),
    # the word unquoted in the last sentence of the paragraph before
    ("term", "The minister wants the party to pivot to the economy.\n\n"
             "But “pivot” away from the scandal? Voters will not."),
    # a word right after a person's possessive is that person's term; a word for a word
    ("term", "That is Oren Dask's “lane” in this race."),
    ("term", "It is again fine to use the pejorative “uppity” in print."),
    # a state's or people's name that somebody said, as a word
    ("term", "The group complained that the mayor said “America” too many times."),
    # a noun for something said; a link to another article ("... Read more")
    ("quotation", "The mayor did not shy away from his campaign's criticism of the “establishment.”"),
    ("title", "First paragraph.\n\nMayor sits alone ‘sulking’ as the council votes Read more\n\nMore."),
    # the first sentence after a paragraph that is a speaker's quotation
    ("quotation", "“Nobody will lose a home,” Oren Dask said. “Nobody.”\n\n"
                  "The plan would also create a dozen “enclaves” along the river."),
    # a concept or a debate named; a word called an insult; a shout
    ("term", "Compare that with the New Age concept of “mindfulness.”"),
    ("term", "Much was said on the question of whether this constitutes “treason.”"),
    ("term", "In that town “professorial” is an insult."),
    ("quotation", "He stood at the gate yelling “stop,” and nobody did."),
    # the word in the heading above, past a line of page furniture
    ("term", "The Rise of the Fourth Branch\n\nAdvertisement:\n\nOne “branch” of the state is growing."),
    ("term", "Members often refer to each other “comrades,” and sing at meetings."),
    # a verb of naming whose complement the quotation closes
    ("quotation", "The chief calls claims that the port will close “hogwash.”"),
    # a block quotation introduced two sentences up
    ("quotation", "Oren Dask wondered if the port was ever closed. Perhaps it was the council "
                  "all along:\n\nWas the port “closed” by the council itself?\n\nMore text."),
    # the next sentence opens with a speaker's full quotation: the short one leads into it
    ("quotation", "The mayor has since moved “beyond” the port.\n\n"
                  "“We cannot look at the harbour alone any more,” Oren Dask told reporters."),
    # the line that introduces an embedded post quotes it
    ("quotation", "First paragraph.\n\nThe mayor is no fan of “compromise.”\n\n"
                  "A deal means more debt - Oren Dask (@orendask) June 8, 2017\n\nMore text."),
    # a word mentioned: words, a term, named in the sentence or opening the next
    ("term", "He uses plural words loosely, as I do with “clerks” in the first line."),
    ("term", "Small states prefer to fight “asymmetrically” at sea. The term says little."),
    # a name or the label on a thing: a word before "name", "brand", "button", "mode"
    ("name", "The cans carry the special “Harbour” name in place of the brand."),
    ("name", "The clip was switched to “private” mode an hour later."),
    # the topic of a conversation or debate
    ("term", "The protests fed a new national conversation about “manners” in politics."),
    # "rules that", "notes that", "the charge by X that": verbs of saying with "that"
    ("quotation", "The court rules that the closure was meant to “silence” the council."),
    ("quotation", "The school is reviewing the charge by a parents' group that the trip is “unlawful.”"),
    # a state's or people's name that stands with the next word in a full quotation
    ("quotation", "“Canadian laws were the model for ours,” the historian writes.\n\n"
                  "So the historian blames “Canadian” laws for the decree."),
    # single marks in a text that quotes with double marks: a headline's convention
    ("title", "“We will not sell the port to anyone,” the mayor said. “Not this year and not "
              "next year,” she added.\n\nMayor: port deal 'better' than a strike. More text."),
    # a role dated by "former" or "longtime": the name of the role, a nickname
    ("name", "The mayor's longtime “fixer” testified on Monday."),
    # a person who thinks or feels it, as the sentence's subject; how a person felt
    ("quotation", "She seems to think the council is “silencing” her."),
    ("quotation", "So he was “furious” when the council closed the port."),
    # a text the sentence opens with: its words
    ("quotation", "The speech was a list of tips (leave your “bubble,” talk to neighbours)."),
    # a search query; a cited source closing the paragraph
    ("term", "Google “sunburn” and you will find a thousand cures."),
    ("quotation", "If the guest fails to “please” the host, he must leave at dawn "
                  "(Leviticus 4:12)."),
    # a renaming apposition; a gloss in parentheses
    ("term", "The remedy for bad speech is more speech, “counterspeech,” not silence."),
    ("term", "The law asks boards to weigh all “stakeholders” (not just owners) in every vote."),
    # the label of an option picked
    ("name", "The app asks what kind of business you run, and I earnestly chose “Journalist.”"),
    # a gloss after a dash; a quoted letter (a gear, a grade); a noun of speech
    ("term", "The crew would be put into “torpor”—the term for a hibernating state."),
    ("term", "The car leaps forward when the driver shifts to “S” and floors it."),
    ("quotation", "Despite the mayor's announcement of a “historic” deal, nothing was signed."),
    # the word with the next one plainly elsewhere in the text: a compound term
    ("term", "Of the 400 “pledged” delegates, most are still open.\n\n"
             "Pledged delegates vote on the first ballot."),
    # round 13: the plan's own verb after "wanted to" / "a plan to"
    ("quotation", "Mira Sand and her partners wanted to “rewild” the old port."),
    ("quotation", "The council embarked on a costly plan to “green” every roof."),
    # a person's own name for their policy, after "his"/"her" ...
    ("term", "Shortly after Mayor Oren Dask launched his “renewal” of the harbour, rents rose."),
    # ... or after that person's possessive, past a parenthesis and modifiers
    ("term", "Nobody wants to live inside Rep. Mira Sand's (D-Kesh) progressive “caucus” of five."),
    # a short form of a capitalised name quoted elsewhere in the text
    ("name", "The “Harbour Six” met on Monday.\n\nThey agreed on little. It was late.\n\n"
             "A parallel “harbour” group meets in Kesh."),
    # "Name on topic:" introduces that person's account
    ("quotation", "First paragraph.\n\nMayor Dask on his talks with the envoy:\n\n"
                  "Photo: Reuters\n\nA brief meeting of “courtesies” in May. Nothing was signed."),
    # a term and the relative clause that defines it
    ("term", "The custom dates to 19th-century “barn” dances in which a whole village played."),
    # "The term ..." opening the sentence after next, in the same paragraph
    ("term", "Rebels chose to fight “asymmetrically” in the hills. Ambushes and raids "
             "are their way. The term says little about the war."),
    # a rule's wording: what it requires
    ("quotation", "The manual requires a second signature and requires “consultation” with the board."),
    # round 14: an answer in an interview transcript is the interviewee's
    ("quotation", "Mira Sand has run the port for ten years. Our talk is below and has been "
                  "edited for clarity and length.\n\nHow do you deal with the critics?\n\n"
                  "I try to stay “calm” and keep the cranes moving."),
    # a state's name that names an inquiry
    ("name", "The mayor wanted the “Norway” investigation closed before May."),
    # the word, in another derivation, in a full quotation in the same paragraph
    ("quotation", "1. “The council's reaction lacked proportionality.” (Oren Dask) The council "
                  "only wanted the permits. It sent two clerks. They came at noon. There was "
                  "nothing “disproportionate” about it."),
    # a person's point of view announced: "In his mind, ..."
    # the word, in another form of its lemma, in a quoted sentence of the paragraph before
    ("quotation", "At the rally, Mira Sand told the crowd that “a hundred of us have to try.”\n\n"
                  "Across the country, thousands of organisers have been “trying” in many ways."),
    # a thing's maker's name for it, after "unveiled a"; a finding's complement
    ("name", "The ministry unveiled a “roadmap” to cut port fees by half."),
    ("quotation", "A judge blocked the rule on Friday, finding the policy likely “unlawful.”"),
    # a paragraph reporting a person's words, going on with that person as subject
    ("quotation", "Mira Sand is “tired and angry” with the council's delays. She hears "
                  "neighbours repeat the story, a story that fits the “shameful” state of the port."),
    # a speaker the sentence is about, quoted in full in the next sentence
    ("quotation", "Mayor Oren Dask smelled a plot in the “generous” offers of the port. He asked "
                  "in his last speech — “Where is the money for the school, if the port takes it all?”"),
    ("quotation", "In his mind, Oren Dask is no bully — the council is. He is just trying "
                  "to run the port “firmly” in a hard time."),
    # round 15: a kind of a thing the sentence has just named ("especially",
    # "other" before the quoted modifier, the same noun after it)
    ("term", "Farming shrank in Kesh last year, especially “organic” farming, by a tenth."),
    ("term", "The strike kept 9,000 port workers at home and a thousand other “essential” workers "
             "at the docks."),
    # a quoted modifier whose noun a restrictive relative clause defines
    ("term", "Many parents in Kesh work in “essential” jobs that raise the risk of infection."),
    # a short text's own word: a quoted participle right after the noun of the text
    ("quotation", "Last week a piece “explaining” the mayor's vote ran in the Kesh paper."),
    # a platform's name for its feature
    ("term", "The council's clip drew thousands of “likes” on Instagram within a day."),
    # an interviewer's question in an interview transcript takes up the guest's words
    ("quotation", "This interview has been edited for clarity and length.\n\nYour second book "
                  "was about the port's “unwritten” rules. What is the third about?\n\n"
                  "The third book is about the docks."),
    # the first sentence after a paragraph closing on "according to X": X's account goes on
    ("quotation", "The port lost money again. However, according to Oren Dask, the council's "
                  "plan is working.\n\nThe “savings” can be found in the library budget."),
    # round 17 (an out-of-sample reading): the article's own headline quoting in
    # single marks in a text that quotes with double marks (a US headline's way of quoting)
    ("quotation", "The Real 'Hammer' Returns To Kesh Harbour\n\n“We will not sell the port to "
                  "anyone at all,” the mayor said. “Not this year and not next year,” she "
                  "added.\n\nMore text follows here."),
    # a verb of judging or naming in any tense, then "as", "for" or "of"
    ("quotation", "Oren Dask criticized the council's plan as “reckless” on Monday."),
    ("quotation", "The mayor lambasted the council for “coddling” the port owners."),
    # a capitalised sentence in marks after a colon that it closes
    ("quotation", "The mayor nodded at the envoy in agreement: “Exactly.”"),
    # the next paragraph opens with a full quotation attributed where it closes
    ("quotation", "Mira Sand stood at the dock, where families get only “scraps.”\n\n"
                  "“What did the council buy? Yachts. Shameful!” she said."),
    # a point of view opened earlier in the paragraph, not only in the sentence before
    ("quotation", "In his view, the council wastes money. It builds roads nobody drives on. "
                  "It hires friends. It never listens to the “experts” at the port."),
    # "reportedly": reported speech
    ("quotation", "The mayor, who reportedly prefers a longer “debate”, left early."),
    # a verb of naming whose complement the quotation closes at a comma
    ("quotation", "The Kesh Post calls the mayor's long speech on the harbour “epic,” and few "
                  "readers disagree."),
    # round 20: a state the writer names plainly elsewhere is no refused name (a
    # code typed, a word); under another of its names too (Myanmar / “Burma”)
    ("term", "Relief for Haiti poured in after the storm.\n\nThe port stayed shut for a week."
             "\n\nMany donors simply texted “Haiti” to a short number."),
    ("term", "Myanmar's harbour reopened in May.\n\nTrade was slow all summer.\n\n"
             "Old maps at the Kesh museum still print “Burma” on the coast."),
    # ... a name mentioned as a word; names listed or swapped next to each other
    ("term", "Mentions of “Islam” vanished from the council's reports."),
    ("term", "The quiz at the Kesh school swaps “Asians” for “Jews” in every second question."),
    # ... a doubt word that belongs to its own compound ("pseudo-intellectual")
    ("term", "The pseudo-intellectual columnists of the Kesh Post love the “roadmap” again."),
    # ... a verb of defending or touting with "as": the defender's word
    ("quotation", "In 2014 Oren Dask defended the harbour guards who beat strikers as “heroes”."),
    # round 27: an interview transcript a lead-in paragraph opens (no editor's note);
    # a block quotation the writer altered ("[T]he ..."); a word a question opening
    # its paragraph asks about; a field's term next to its "anti-" compound; a
    # "which" clause that says who cites the word
    ("quotation", "Oren Dask has run barges on the lower river for thirty years, and his new "
     "book is about the harbour.\n\nOren Dask spoke by phone to the Kesh Post from his office "
     "on the lower river.\n\nWhy did the council close the north dock?\n\nThe council wanted "
     "its “reform” of the docks, and it got one."),
    ("quotation", "Mira Sand has similar worries about the plan:\n\n[T]he council wants "
     "“reform” for the docks, as if the docks were broken."),
    ("term", "The council closed the north dock for a month.\n\nIs this “reform”? The answer "
     "depends on whom you ask at the docks."),
    ("term", "The council closed the north dock for a month.\n\nWhat is “fairness,” really? "
     "The barge owners and the council disagree."),
    # round 27b: a view the text has just set out, taken up with a demonstrative;
    # a platform's name for its feature in a compound, the platform named in the
    # paragraph before; a term a "not that ... but that" sentence redefines
    ("quotation", "Some on the council seem to have decided that the dock is a lost cause. "
     "In this view, a “reform” is money thrown into the river."),
    ("term", "Most barge owners in Kesh now trade on Facebook.\n\nSending a “friend” request "
     "to a rival is how many deals start."),
    ("term", "The harbour war games end the same way: it is not that a Velmoran “victory” "
     "means the fleet takes Kesh, but that the council cannot reopen the north dock."),
    ("term", "A century ago, reformers in Kesh wrote anti-trust rules for the grain trade.\n\n"
     "The harbour board split the old grain “trusts” into six firms."),
    ("quotation", "The council shut the north dock to protect “safety,” which is the reason "
     "every harbour board cites for a closure."),
    # round 28: a cry with its own exclamation mark inside the marks; words written on
    # a thing (a participle of writing and "on"/"across" after it, "that/which reads"
    # before it)
    ("quotation", "The barge owners met the mayor's speech with the old charge of "
     "“thieves!” from the back of the hall."),
    ("quotation", "Dock workers marched past the council with cries of “reform!” and "
     "“jobs!” on Monday."),
    ("quotation", "The mayor arrived on a barge with “reform” painted across its hull."),
    ("quotation", "On the ballot, voters in Kesh tick the box that reads “reform.”"),
    # ... attributed right after it (", as X put it"); a word translated ("means “X” in
    # <language>")
    ("quotation", "The council stayed out of the quarrel over the docks, “neutral,” as "
     "Mira Sand put it, and the barge owners were left alone."),
    ("term", "Nabad means “peace” in Somali, and the barge owners painted it on every hull "
     "after the strike."),
    # ... two quoted labels set against each other with "vs."
    ("term", "The dock strike has handed the Kesh election a crude frame: “traitors” vs. "
     "“extremists.”"),
    # round 26: the sentence names whose word it is - people who think it, a passive
    # verb of naming and its agent, a verb of raging or bragging "about", an inverted
    # attribution, a third person appalled "that", an order "to" do it, a type of
    # person as the point of view; a verb of declaring
    ("quotation", "Dock workers who think the “reform” is a pay cut marched on Monday."),
    ("quotation", "The harbour plan was considered too “radical” even by its own authors."),
    ("quotation", "Barge owners rage about the “reform” at every meeting."),
    ("quotation", "The council's “reform” was a pay cut, sneered Oren Dask."),
    ("quotation", "They were appalled that the council would “reform” the docks again."),
    ("quotation", "The mayor signed an emergency order to “rescue” the north dock."),
    ("quotation", "For a barge owner, the new fee is only “fair.”"),
    ("quotation", "An observer from the Kesh Post watched the vote and pronounced it “legitimate.”"),
    # ... a numbered subheading with no closing stop, however long; a relative
    # clause that says what the word covers; a proposal's name; a hand sign
    ("title", "The council's plan has three flaws.\n\n1) The “reform” of the docks leaves every "
              "fee in place and every crane idle\n\nThe docks stay shut."),
    ("term", "A third of the barges changed hands through “theft,” which includes borrowing "
             "from relatives."),
    ("name", "The mayor is set to propose her “compromise” budget on Wednesday."),
    ("name", "A striker flashed the “loser” sign at the mayor."),
    # round 32 (read on NeuS-AllSides' headlines): the text's own headline quotes a
    # word whose owner the headline or its lead names - a verb of thinking or
    # judging with its subject before the quotation, a speaker before a colon whom
    # the text reports speaking, the lead quoting the word as somebody's or saying
    # it after a verb of saying; a phrase of two or three words in a Title Case
    # headline is read as everywhere (a phrase somebody used, a title)
    ("quotation", "Why Mayor Sand Thinks the Docks Are a 'Ruin'" + _NO_LEAD),
    ("quotation", "Mayor Sand derides council's dock 'reform'" + _NO_LEAD),
    ("quotation", "Oren Dask Calls Council Plan 'Theft'"),
    ("quotation", "Dask: Port Closure Is 'Theft'\n\nOren Dask, who runs barges on the lower "
                  "river, said on Monday that the council had ignored the owners.\n\nMore text."),
    ("quotation", "Council Rejects Dock 'Compromise'\n\nThe mayor said on Monday that the council "
                  "had rejected her “compromise” on the north dock fees.\n\nMore text."),
    ("quotation", "Dock closure brings 'savings' to Kesh port\n\nThe council said on Monday that "
                  "the closure brought savings of a million crowns.\n\nMore text."),
    ("title", "Kesh Docks Face 'Long Hot Summer'" + _NO_LEAD),
    # round 33 (read on Article-Bias-Prediction's stored titles and NeuS-AllSides):
    # a verb of attacking before the quotation, with its subject; a reaction opening
    # the headline before a colon over a lead that reports speech; the speaker named
    # only further down (a full quotation of the word, the word after a verb of
    # naming); a document or a transcript's speaker before the colon; an answer or
    # a letter quoted as a word
    ("quotation", "Oren Dask Rips Council As 'Cruel'" + _NO_LEAD),
    ("quotation", "Mayor Sand Knocks 'Lazy' Dock Plan" + _NO_LEAD),
    ("quotation", "'Ruinous': Kesh Docks Close For the Winter\n\nBarge owners said on Monday "
                  "that the closure would cost them the season.\n\nMore text."),
    ("quotation", "Kesh Mayor Wants Barges Moved “Immediately”" + _NO_LEAD + _FILLER
                  + "“We must move the barges immediately, before the river freezes,” the "
                  "mayor told reporters on Tuesday."),
    ("quotation", "Kesh Council's Dock Plan Is 'Theft'" + _NO_LEAD + _FILLER + "Oren Dask, "
                  "who runs barges on the lower river, called the plan theft in a letter to "
                  "the mayor."),
    ("quotation", "Report: Kesh Dock Fees Are 'Soaring'" + _NO_LEAD),
    ("quotation", "Dask: Dock Closure Tied to 'Ruinous' Council Plan\n\nThis is a transcript "
                  "of the evening programme.\n\nMIRA SAND: We turn now to the docks.\n\n"
                  "OREN DASK: The council closed them in May.\n\nMore text."),
    ("quotation", "Kesh Council's “Ruinous” Dock Plan" + _NO_LEAD + _FILLER + "“Ruinous” is "
                  "the word the barge owners have for it, and it has stuck."),
    ("name", "This Week, “KTV” Went After the Kesh Council" + _NO_LEAD),
    ("term", "Two Council Members Are a 'No' on the Dock Plan" + _NO_LEAD),
    ("term", "Kesh Port Gets an 'A' From Barge Owners, a 'C' From the Council" + _NO_LEAD),
]

SCARE = [
    # a quoted state or people is held at a distance (a real one: framing knows
    # states from pycountry and framing/data/countries.tsv, not the demo's)
    "Ardelia and “Israel” have traded for decades.",
    "Trade with “Palestine” grew by a third.",
    "The ministry's “investigation” found nothing at all.",
    "The accord must still pass the Ardelian “parliament”, a chamber that never votes no.",
    "Talks with the Norland “Prime Minister”, Aldo Venn, broke down.",
    "Officials met the Norland envoy. Velmora held “elections” in May with one candidate.",
    # a state's possessive is no person's term; a colon with no verb of saying
    # introduces no quotation; a shared word in an earlier (not the last) sentence
    "Observers left early. Russia's “elections” were held in March with one candidate.",
    "The council has two habits:\n\nEvery cut becomes a “reform” and every fee a gift.",
    "Nobody asked for reform. It was noon.\n\nThe council's “reform” left every fee in place.",
    # a full quotation later in the sentence after next, or one inside the next
    # sentence, or "in other words": none of these is the speaker of the marks
    "The council passed another “reform” on Monday. It was noon. “We will vote again,” Oren Dask said.",
    "The council passed another “reform” on Monday. Oren Dask, asked, said only “later, later.”",
    "The council's “savings” came from the library. In other words, it cut the budget.",
    # "the rules", "in charge", a debate (not about the word): no speaker
    "The council's “reform” broke the rules again.",
    "The man in charge of the “reform” has never read it.",
    "Velmora and “Israel” have traded for decades, a historian writes.",
    # irony about what others think, in a clause; a group called a noun; a comment
    # in parentheses, not a gloss; a modifier used once
    "The council stages the kind of show that they think counts as “reform.”",
    "They are “experts” who never visited the port.",
    "The council's “moderates” (if they exist) voted for the cuts.",
    "The panel of “experts” (read: lobbyists) met on Monday.",
    "The council's “moderate” members voted for the cuts.",
    "The square filled with looters, “patriots,” and arsonists by midnight.",
    # round 13 near misses: "to" after no plan word; a pronoun's "her" with no
    # person named; the word that ends, not opens, a quoted name; a colon line
    # with no "Name on"; "requires" after the quotation
    "The council needs new incentives to “help” every dock quickly.",
    "The council hopes her “reform” will pass in May.",
    "The “Kesh Reform” board met on Monday.\n\nThey agreed on little. It was late.\n\n"
    "A parallel “reform” group meets in Kesh.",
    "First paragraph.\n\nThe council has two habits:\n\nA brief meeting of “friends” in May.",
    "The council's “reform” requires nothing of the mayor.",
    "The council passed a “reform” in which every fee rises.",
    "The council passed another “reform” on Monday. It was noon.\n\nThe term of the mayor ends in May.",
    # round 14 near misses: a question answered in a text that is no interview; a
    # state's name before a noun that names no inquiry; a full quotation in
    # another paragraph or sharing only a short start; "in his" with no mind
    "How do you deal with the critics?\n\nThe council tries to stay “safe” and keep the cranes moving.",
    "Swamp dwellers on the “Norway” side of the council voted no.",
    "“The council lacked fairness,” Oren Dask wrote.\n\nThe permits came late. "
    "There was nothing “fair” about them.",
    "“The council is pure violence,” Oren Dask said in May. It was noon. The hall was full. "
    "Its “violent” rules stay.",
    "In his first year, the mayor tried to run the port as a “democracy” in a hard time.",
    "Mayor Oren Dask smelled a plot in the “peace” offers of the port. He asked for the money in May.",
    "The “allies lied to us” storyline is a sham.\n\nIt was hatred that turned those phony "
    "“lies” into a probe.",
    "Mira Sand is tired and angry with the council's delays. She hears neighbours repeat the "
    "story, a story that fits the “peaceful” state of the port.",
    "The ministry unveiled plans for a “solution” that nobody has seen.",
    # round 15 near misses: "especially" before a modifier of another noun; a
    # participle after no text; "on" before no platform; the same question in a
    # text with no interview note; a speaker with "said" (not "according to")
    # closing the paragraph before
    "Farming shrank in Kesh last year, especially “safe” orchards, by a tenth.",
    "The port's “safest” trade fell by half in May.",
    "The council's “friends” on the board voted against the port.",
    "Your second book was about the port's “fair” rules. What is the third about?\n\n"
    "The third book is about the docks.",
    "The port lost money again. Oren Dask said the council's plan is working.\n\n"
    "The “savings” can be found in the library budget.",
    "The council's “moderate” members, who voted for the cuts, stayed home in May.",
    # round 17 near misses: a headline's double marks, or single marks in a text
    # with no full quotations in double marks, or a quoted state in single marks;
    # a passive "has been criticized for"; a lowercase word after a colon; a
    # quotation in the next paragraph that nobody is said to have said; a point
    # of view opened in another paragraph; no "reportedly"
    "Kesh Signs On To “Reform”\n\n“We will not sell the port to anyone at all,” the mayor "
    "said. “Not this year and not next year,” she added.\n\nMore text follows here.",
    "Kesh Signs On To 'Reform'\n\nThe council met on Monday and the port stayed shut.\n\nMore text.",
    "Kesh Signs On To 'Norway'\n\n“We will not sell the port to anyone at all,” the mayor "
    "said. “Not this year and not next year,” she added.\n\nMore text follows here.",
    "The port has been criticized for its “reform” of the fees.",
    "The council has one answer for everything: “reform.”",
    "Mira Sand stood at the dock, where families get only “help.”\n\n"
    "“What did the council buy? Yachts. Shameful!” The sign hung there for a week.",
    "In his view, the council wastes money.\n\nIt never listens to the “experts” at the port.",
    "The mayor, who prefers a longer “dialogue”, left early.",
    # round 18-19 near misses: a word that makes a claim of its own (merit,
    # standing, wrongdoing) is held off in any register
    report("The council's “reforms” left every fee at the north dock in place."),
    report("The council's “savings” came from closing the library in May."),
    "The council's “savings” came from closing the library in May.",
    # round 19: a word that makes no claim, with a word of doubt in its sentence
    "Kesh is supposed to be “modernising” under the new council.",
    "So much for the council's “roadmap” for the docks.",
    "The council's “roadmap”, in other words, is a list of new fees.",
    "Harbour fevers are mislabeled “seasonal” fevers, when the docks are the cause.",
    "The plan was written in the most impressive-sounding “roadmap” language of the year.",
    "What passes for “seamanship” at the port is a list of fees.",
    "The port's allegedly “modern” cranes broke down in May.",
    # "find" with a comma after the quotation: no naming
    "Workers came to the port only to find the “safest,” newest docks closed.",
    # ... or a naming verb far back, opening a that-clause (BABE)
    "Few voters consider that the long fight over the harbour and the docks has little to do "
    "with “reform”, and much to do with money.",
    # round 20 near misses: a state never written plainly (a refused name);
    # a people's name refused for one person while the writer uses it of others;
    # "pseudo" before the quotation; "defended" with no "as" (a state quoted
    # twice, two peoples quoted far apart: a test below)
    "Americans vote in May.\n\nTo the Kesh Post you are an “American” when you win a prize.",
    "The council published a pseudo “reform” on Monday.",
    "The mayor defended the council's “reform” all week.",
    # round 26 near misses: nobody who thinks (the writer's sneer), far back; a
    # agent with no verb of naming; "about" with no verb of speaking; a name after
    # "and", no attribution; the writer appalled; "in order to"; "For them";
    # no verb of declaring; a numbered line that closes on a stop; a relative
    # clause that says what it cost; a verb of defending; a sign of trouble
    "Nobody who thinks about the docks for a minute wants the council's “reform”.",
    "The docks were handed a “reform” by the council.",
    "The barge owners' meeting was about the “reform” again.",
    "The council's “reform” was a pay cut, and Oren Dask paid for it.",
    "I was appalled that the council would “reform” the docks again.",
    "The mayor closed the north dock in order to “rescue” it.",
    "For them, the new fee is only “fair.”",
    "An observer from the Kesh Post watched the vote, which was hardly “legitimate.”",
    "The council's plan has three flaws.\n\n1) The “reform” of the docks leaves every fee in "
    "place and every crane idle.\n\nThe docks stay shut.",
    "A third of the barges changed hands through “reform,” which cost the owners dearly.",
    "The mayor is set to defend the “compromise” budget on Wednesday.",
    "The mayor is a “loser” at every sign of trouble.",
    # round 27 near misses: a meeting, not an interview, before the question; the
    # same paragraph with no bracket; a question that goes on after the word, or
    # that does not open its paragraph; the same firms with no "anti-" compound; a
    # "which" clause that says what the word cost, not who uses it
    "Oren Dask has run barges on the lower river for thirty years, and his new book is about "
    "the harbour.\n\nThe mayor spoke with Oren Dask on Monday.\n\nWhy did the council close "
    "the north dock?\n\nThe council wanted its “reform” of the docks, and it got one.",
    "Mira Sand has similar worries about the plan.\n\nThe council wants “reform” for the "
    "docks, as if the docks were broken.",
    "The council closed the north dock for a month.\n\nWhy “reform” a dock that works? The "
    "council never said.",
    "The council closed the north dock for a month. Is this “reform”? The answer depends on "
    "whom you ask.",
    "A century ago, reformers in Kesh wrote new rules for the grain trade.\n\nThe harbour "
    "board split the old grain “trusts” into six firms.",
    # round 28 near misses: the exclamation mark outside the marks; a participle of
    # writing with no "on" or "across"; "that read" not right before the quotation
    "The council's “reform” cut every barge owner's pay by a third!",
    "The mayor's “reform” written into the budget cut every barge owner's pay.",
    "The barge owners that read the council's “reform” saw a pay cut at once.",
    "The council's “reform” as a way to put it cut every barge owner's pay.",
    "The council's “reform,” as I would put it, cut every barge owner's pay by a third.",
    "For the barge owners the council's budget means “reform” in name only.",
    "The dock strike has handed the Kesh election a crude frame: the council vs. the "
    "“extremists.”",
    # round 27b near misses: a view with no demonstrative, the writer's own; a
    # feature noun with no platform named; "not that" with no "but that" after it
    "Some on the council seem to have decided that the dock is a lost cause. In the "
    "end, a “reform” is money thrown into the river.",
    "Most barge owners in Kesh trade at the quay.\n\nThe council's “friend” request to the "
    "owners was a demand for more fees.",
    "It is not that the council's “reform” of the docks ever worked; the fees only went up.",
    "The council shut the north dock to protect “safety,” which cost the barge owners a month "
    "of trade.",
    # round 32 near misses: a headline's lead that uses the word with no verb of
    # saying, or says something else; a section label before the colon, in capitals
    # or never named as a speaker; the same headline shape as 'Long Hot Summer' with
    # one word
    "Kesh Signs On To 'Reform'\n\nThe council's reform of the docks left every fee in "
    "place.\n\nMore text.",
    "Kesh Signs On To 'Reform'\n\nThe council met on Monday and the port stayed shut. Oren "
    "Dask said the docks would reopen in May.\n\nMore text.",
    "OPINION: Port Closure Is 'Theft'\n\nOren Dask, who runs barges on the lower river, said "
    "on Monday that the council had ignored the owners.\n\nMore text.",
    "Reminder: The Dock 'Solution' Sets Up Another Fight" + _NO_LEAD,
    "Kesh Docks Face 'Ruin'" + _NO_LEAD,
]


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon()


@pytest.fixture(scope="module")
def classifier(lexicon):
    return Detector(lexicon).fit()


@pytest.mark.parametrize("want, text", NOT_SCARE, ids=[f"{k}:{t[:30]}" for k, t in NOT_SCARE])
def test_short_quotation_that_does_not_distance(want, text, lexicon, classifier):
    vm = classifier.voice_map(text)
    short = [s for s in vm.top if s._short]
    assert short, text
    assert not vm.scare_quotes(), [text[s.start:s.end] for s in vm.scare_quotes()]
    kinds = {s.kind for s in short if s.kind} | {"quotation" for s in short if s.attributed and not s.kind}
    assert want in kinds, (kinds, text)
    hits = classifier.detect(Article(source="t", body=text, id=1))
    assert not [h for h in hits if h.term == "scare quotes"]


def test_someones_words_are_quotations_with_voice_quote(lexicon, classifier):
    text = "Ardelia's envoy said on Monday that the talks had stalled. Both sides remain “apart” on water."
    quotes = classifier.voice_map(text).quotations("body")
    assert [(text[q.start:q.end], q.kind) for q in quotes] == [("“apart”", "quotation")]


@pytest.mark.parametrize("text", SCARE)
def test_scare_quotes_that_distance_are_found_and_loaded(text, lexicon, classifier):
    hits = [h for h in classifier.detect(Article(source="t", body=text, id=1))
            if h.term == "scare quotes"]
    assert len(hits) == 1 and hits[0].loaded, (text, [(h.text, h.probability) for h in hits])
    assert hits[0].voice == "narration" and hits[0].category == "distancing"


def test_a_refused_state_quoted_twice_is_no_list_of_names(lexicon, classifier):
    """Round 20: two quoted names side by side are names listed or swapped (a
    mention) only if they are different states or peoples; a writer who refuses a
    state's name quotes every form of it (“Israeli”, “Israel”), never plainly."""
    text = "The “Israeli” army shelled the camp, and “Israel” denied it by noon."
    hits = [h for h in classifier.detect(Article(source="t", body=text, id=1))
            if h.term == "scare quotes"]
    assert [h.text for h in hits] == ["“Israeli”", "“Israel”"] and all(h.loaded for h in hits)
    # ... and with the state written plainly once elsewhere, its quoted name is no
    # longer refused; the quoted people (“Israeli” army) still is: a people's name
    # can be refused for some while the writer uses it of others
    plain = "Israel signed the accord in May.\n\nTrade grew.\n\n" + text
    vm = classifier.voice_map(plain)
    assert [plain[s.start:s.end] for s in vm.scare_quotes()] == ["“Israeli”"]
    # two different peoples quoted far apart in a sentence label people, not listed words
    apart = "To the Kesh Post you are an “American” when you win a prize and a “Muslim” when you lose."
    assert len(classifier.voice_map(apart).scare_quotes()) == 2


@pytest.mark.parametrize("text, word", [
    ("The so-called “Harbour Accords” were signed in 2020.", "so-called"),
    ("Critics reject the so-called “peace plan” outright.", "so-called"),
    ("The self-styled “experts” were wrong again.", "self-styled"),
])
def test_so_called_carries_the_distance(text, word, lexicon, classifier):
    hits = classifier.detect(Article(source="t", body=text, id=1))
    assert [(h.text, h.category, h.loaded) for h in hits] == [(word, "distancing", True)], \
        [(h.text, h.term, h.loaded) for h in hits]


def test_scare_word_lists_are_data_in_lexicons():
    """Round 20: the word lists of framing.detect.scare are read from
    lexicons/scare/words.yaml (each group explained there), not written in code."""
    import yaml

    from framing.detect import scare
    from framing.resources import lexicon_dir

    data = yaml.safe_load((lexicon_dir() / "scare" / "words.yaml").read_text(encoding="utf-8"))
    for key, group in data.items():
        words = group["words"]
        assert group["explain"].strip() and words, key
        assert all(isinstance(w, str) and w == w.lower() for w in words), key
        assert len(set(words)) == len(words), key
    for name, key in (("CLAIM_WORDS", "claim_words"), ("JUDGING_VERBS", "judging_verbs"),
                      ("FUNCTION_WORDS", "function_words"), ("SO_CALLED", "so_called"),
                      ("_LIST_LINKS", "list_links"), ("_NOT_GLOSS", "not_gloss")):
        assert getattr(scare, name) == frozenset(data[key]["words"]), name
    assert scare._NAME_ENDINGS == tuple(data["name_endings"]["words"])


#: The doubt patterns as they were written in code before the word lists moved to
#: lexicons/scare/words.yaml (round 20): the patterns built from the file must
#: match exactly the same texts.
_DOUBT_BEFORE_IN_CODE = re.compile(
    r"\b(?:supposed|supposedly|ostensible|ostensibly|nominal|nominally|would-be|pretended"
    r"|quote[- ]unquote)\b|\b(?:pseudo|faux)(?!-?\w)"
    r"|\bso much for\b|\bwhat (?:passes|passed|counts|counted) (?:for|as)\b"
    r"|\b(?:alleged|allegedly|purported|purportedly)\s+(?:\S+\s+)?$"
    r"|\w-sounding\s*$", re.I)
_DOUBT_ANYWHERE_IN_CODE = re.compile(
    r"\bin other words\b|\bin (?:truth|reality)\b|\bnot really\b"
    r"|\bmis(?:label|name|call|characteri[sz])\w*", re.I)


@pytest.mark.parametrize("text", [
    "the supposedly ", "Kesh is supposed to be ", "the Supposed ", "a presupposed ", "the would-be ",
    "a would be ", "the ostensibly ", "quote-unquote ", "quote unquote ", "quoteunquote ",
    "a pseudo ", "a pseudo-intellectual ", "pseudo-", "faux ", "faux-leather ", "pseudoscience ",
    "So much for the ", "so much ", "what passes for ", "What counted as ", "what passes ",
    "who allegedly worked for the ", "the alleged ", "allegedly a ", "an alleged big ",
    "an impressive-sounding ", "a sounding ", "nominal ", "nominally ", "pretended ",
    "In other words, it cut", "in truth", "In reality the", "not really", "not real",
    "mislabeled", "Misnamed", "mischaracterised", "mischaracterizing", "miscalled", "misled",
    "within other words", "in truthful", "dismislabeled"])
def test_doubt_patterns_from_the_word_file_match_as_before(text):
    from framing.detect import scare

    assert bool(scare._DOUBT_BEFORE.search(text)) == bool(_DOUBT_BEFORE_IN_CODE.search(text)), text
    assert bool(scare._DOUBT_ANYWHERE.search(text)) == bool(_DOUBT_ANYWHERE_IN_CODE.search(text)), text


def test_supposed_to_do_something_is_a_duty_not_doubt():
    """"Supposed" doubts what follows ("the supposed reform", "is supposed to
    be thriving"), but "supposed to" with another verb is a duty ("banks are
    supposed to file a monthly reconciliation"): no doubt before the quote."""
    from framing.detect.scare import _DOUBT_BEFORE

    for doubt in ("the supposed ", "Kesh is supposed to be ", "the supposedly "):
        assert _DOUBT_BEFORE.search(doubt), doubt
    for duty in ("banks are supposed to file a monthly ", "what was supposed to happen: a "):
        assert not _DOUBT_BEFORE.search(duty), duty


def test_supposed_to_before_a_quoted_verb_is_a_duty():
    """Round 23: the verb after "supposed to" may be the quoted word itself ("the
    tenants are not supposed to “pay” for the repairs"): a duty, whether the text
    searched stops at the quotation (doubt before) or runs through it (doubt
    nearby); "supposed to be" and "the supposed" before a quotation still doubt."""
    from framing.detect.scare import _DOUBT_BEFORE

    for duty in ("the tenants are not supposed to ", "the tenants are not supposed to  ",
                 "the tenants are not supposed to “pay” for the repairs",
                 "the tenants are not supposed to \"pay\" for the repairs",
                 "the tenants are not supposed to ‘pay’ for the repairs"):
        assert not _DOUBT_BEFORE.search(duty), duty
    for doubt in ("the harbour is supposed to be ", "the harbour is supposed to be “thriving” now",
                  "the supposed “experts” of the board", "the supposed ",
                  "the tenants are supposed to be “paying” guests"):
        assert _DOUBT_BEFORE.search(doubt), doubt


def test_a_stored_title_is_read_with_its_body_lead(lexicon, classifier):
    """Round 32: the analyzer reads an article's title alone, so whose word the
    title quotes, its body's lead may say (the body's voice map is beside it). The
    same title over a body that never says the word keeps its scare quote."""
    title = "Council Rejects Dock 'Compromise'"
    said = ("The mayor said on Monday that the council had rejected her “compromise” on "
            "the north dock fees. The port stayed shut.")
    silent = "The council met on Monday and the port stayed shut. Barge owners went home."

    def title_scare(body):
        return [(h.text, h.loaded) for h in classifier.detect(Article(source="t", title=title,
                                                                      body=body, id=1))
                if h.term == "scare quotes" and h.field == "title"]

    assert title_scare(said) == []
    assert title_scare(silent) == [("'Compromise'", True)]
    # the analysis of the title is its own: sentences and quotations of the title only
    analysis = classifier.analyze(Article(source="t", title=title, body=said, id=1))
    assert analysis.sentences["title"] == [(0, len(title))]
    assert [q for q in analysis.quotations if q.field == "title" and q.end > len(title)] == []


def _title_scares(classifier, title: str, body: str, *, loaded: bool = False) -> list[str]:
    """The scare quotes found in a stored article's title (only those judged
    loaded, with ``loaded``)."""
    return [h.text for h in classifier.detect(Article(source="t", title=title, body=body, id=1))
            if h.term == "scare quotes" and h.field == "title" and (h.loaded or not loaded)]


def test_a_stored_title_in_single_marks_counts_its_bodys_quotations(lexicon, classifier):
    """Round 32: a title read alone in single marks over a body that quotes with
    double marks is quoting by a headline's convention - as the same headline is
    on the page (title line, blank line, body: round 17's rule). Over a body with
    no quotation at all it stays a scare quote (round 17's near miss)."""
    title = "Kesh Signs On To 'Reform'"
    quoting = ("“We will not sell the port to anyone at all,” the mayor said. “Not this "
               "year and not next year,” she added.\n\nMore text follows here.")
    silent = "The council met on Monday and the port stayed shut.\n\nMore text."

    assert _title_scares(classifier, title, quoting, loaded=True) == []
    assert _title_scares(classifier, title, silent, loaded=True) == ["'Reform'"]
    # the page's reading agrees
    page = classifier.voice_map(title + "\n\n" + quoting)
    assert not page.scare_quotes()


#: Round 33 near misses: a headline whose quotation nobody in the headline or in
#: the text after it owns stays a scare quote - the word held off again by the
#: body itself, the word after "so-called" (no verb of naming), a verb of
#: attacking after the quotation, a reaction before a colon over a lead that
#: reports no speech, a single lowercase word, a known word in capitals, irony on
#: a named speaker's word that the body holds off too, a word the writer uses more
#: often than the quotations do.
HEADLINE_SCARE = [
    "Kesh Signs On To 'Reform'\n\nThe council met on Monday and the port stayed shut. Barge "
    "owners went home.\n\nThe council's “reform” cut every barge owner's pay.\n\nMore text.",
    "Ignore the 'Experts' On Kesh Docks" + _NO_LEAD + "\n\nThe so-called experts have been "
    "wrong about the docks for a decade.",
    "'Peaceful' Crowd Attacks Barge Owners at Kesh Docks" + _NO_LEAD,
    "'Amazing': Kesh Docks Reopen After a Year" + _NO_LEAD,
    "Kesh Docks Get a 'new' Crane" + _NO_LEAD,
    "This Week, “FAKE” Fees Hit the Kesh Docks" + _NO_LEAD,
    # a word the writer uses freely, though a long quotation far down holds it
    # too; "in terms of" is no verb of naming
    "The Barge Owners' Idea of 'Freedom'" + _NO_LEAD + _FILLER + "Freedom, for the barge "
    "owners, means freedom from fees. “Freedom is the right to trade where one likes,” a "
    "historian of the port wrote a century ago.",
    "The Barge Owners' Idea of 'Freedom'" + _NO_LEAD + _FILLER + "The owners think in terms "
    "of freedom from fees.",
    "Mayor Sand's Dock 'Compromise' Fails Again\n\nThe council met on Monday and the port "
    "stayed shut. Barge owners went home.\n\nMayor Sand had thought she had settled the "
    "matter with a “compromise” in May.\n\nMore text.",
]


@pytest.mark.parametrize("text", HEADLINE_SCARE)
def test_a_headline_quotation_nobody_owns_stays_a_scare_quote(text, lexicon, classifier):
    vm = classifier.voice_map(text)
    head = text.split("\n\n")[0]
    assert [text[s.start:s.end] for s in vm.scare_quotes() if s.end <= len(head)], text


def test_a_stored_title_is_read_with_its_whole_body(lexicon, classifier):
    """Round 33: a stored title's quotation is somebody's when the body, past its
    lead, quotes the word in a full quotation; over a body that never says it, it
    stays a scare quote."""
    title = "Kesh Mayor Wants Barges Moved 'Immediately'"
    lead = "The mayor spoke to the council on Monday. The docks stayed shut.\n\n"
    later = ("“We must move the barges immediately, before the river freezes,” the mayor told "
             "reporters on Tuesday.")
    silent = "The port lost money again in May, and the barge owners went home."

    assert _title_scares(classifier, title, lead + later) == []
    assert _title_scares(classifier, title, lead + silent) == ["'Immediately'"]
