"""The fixed wording of the classroom materials, per level: instructions,
discussion questions, reading notes and the rubric. Kept apart from the code
that picks the evidence, so a teacher (or a translator) can change one
without the other."""

from __future__ import annotations

LEVELS = ("middle", "high", "college")

LEVEL_NAMES = {
    "middle": "middle school (grades 6–8)",
    "high": "high school (grades 9–12)",
    "college": "college / university",
}

#: How many loaded words the worksheet asks for (fewer if the handout has fewer).
LOADED_TO_FIND = {"middle": 3, "high": 5, "college": 8}

#: Lines left for each written answer on the worksheet.
ANSWER_LINES = {"middle": 3, "high": 3, "college": 4}

HANDOUT_INTRO = {
    "middle": "The same event, as {outlets} began their stories. Read each one carefully.",
    "high": ("How {outlets} opened their coverage of the same event: each headline and the first "
             "lines of the article ([…] marks the cut)."),
    "college": ("Headlines and leads of {outlets} covering one event, as published; […] marks where "
                "an excerpt ends."),
}

BLIND_NOTE = ("The outlets' names, reporters, datelines and web addresses are hidden: "
              "judge the writing, not the brand.")

TASK_TEXT = {
    "loaded": {
        "title": "Loaded words",
        "middle": "Find {n} words or short phrases that make you feel something about a person, team or "
                  "group, more than plain words would. For each, write the outlet and a plainer word.",
        "high": "Find {n} loaded words or phrases (labels, emotive or promotional words, words that cast doubt, "
                "loaded verbs of saying). For each, write the outlet and a more neutral alternative.",
        "college": "Identify {n} instances of loaded language. For each, give the outlet, the category "
                   "(labeling, distancing, emotive, promotional, epistemic), whose voice it is in "
                   "(the outlet's narration or a quoted speaker), and a neutral alternative.",
    },
    "naming": {
        "title": "Naming",
        "middle": "How does each outlet name {actor}? Copy the words each one uses.",
        "high": "Which words does each outlet use to name {actor}? Note any label that carries a judgement.",
        "college": "Compare how the outlets name {actor}. Which forms are neutral, which carry a judgement, "
                   "and whose voice are they in?",
    },
    "rewrite": {
        "title": "Rewrite it neutrally",
        "middle": "Choose one of these sentences and rewrite it so that it only tells what happened.",
        "high": "Choose one flagged sentence and rewrite it neutrally, keeping every fact.",
        "college": "Rewrite one flagged sentence neutrally, keeping every fact, then explain in one sentence "
                   "what your version no longer tells the reader.",
    },
    "quote": {
        "title": "Spot the changed quotation",
        "middle": "These outlets print the same words of one speaker, beginning “{opening}…”. Find the version "
                  "that is different. What changed?",
        "high": "The quotation beginning “{opening}…” appears in several outlets. Which outlet's version was "
                "changed, and which words were added or left out?",
        "college": "Compare every version of the quotation beginning “{opening}…”. Which outlet altered or cut "
                   "it, what was added or removed, and how does the change affect its meaning?",
    },
    "missing": {
        "title": "What is left out?",
        "middle": "{absent} does not mention something the other outlets do. What is it?",
        "high": "Name one detail (a person, number or place) the other outlets give and {absent} leaves out.",
        "college": "Identify a detail that {absent} omits and the others include. What might explain the "
                   "omission, and does it change the story a reader gets?",
    },
}

#: The loaded-words task when the handout holds a single loaded word.
LOADED_ONE = {
    "middle": "Find the word or short phrase that makes you feel something about a person, team or group, "
              "more than plain words would. Write the outlet and a plainer word.",
    "high": "Find the loaded word or phrase (a label, an emotive or promotional word, a word that casts doubt, "
            "a loaded verb of saying). Write the outlet and a more neutral alternative.",
    "college": "Identify the instance of loaded language. Give the outlet, the category (labeling, distancing, "
               "emotive, promotional, epistemic), whose voice it is in (the outlet's narration or a quoted "
               "speaker), and a neutral alternative.",
}

#: The rewrite task when one outlet's narration holds the only flagged sentence.
REWRITE_ONE = {
    "middle": "Rewrite this sentence so that it only tells what happened.",
    "high": "Rewrite the flagged sentence neutrally, keeping every fact.",
    "college": "Rewrite the flagged sentence neutrally, keeping every fact, then explain in one sentence "
               "what your version no longer tells the reader.",
}

TABLE_COLUMNS = ("Headline", "Loaded words", "How the main actors are named", "Sources quoted",
                 "What is missing")

TABLE_INTRO = {
    "middle": "Fill in one row for each outlet, using only the handout.",
    "high": "Fill in one row per outlet from the handout.",
    "college": "Complete the comparison table from the handout; cite the words you rely on.",
}

READING_NOTES = [
    "A flag is evidence, not a verdict: it marks a word worth discussing, with the lexicon's reason. "
    "Students may disagree with a flag, and the key can be wrong.",
    "Slant is not inaccuracy: an article can choose loaded words and still report every fact correctly, "
    "and a neutral-sounding article can get facts wrong.",
    "A fact left out is not proof of intent: outlets differ in length, deadline and audience.",
    "A loaded word inside a quotation is the speaker's word; an outlet chooses whom to quote, "
    "but the word is not the outlet's own.",
    "Every outlet here is flagged the same way, by the same word lists; no outlet is scored left or "
    "right. Counts depend on article length, so compare examples before numbers.",
]

DISCUSSION = {
    "middle": [
        "Which headline would make you want to read the story? Why?",
        "Pick one loaded word. How would a fan of the other side feel reading it?",
        "Did any outlet tell the story without taking a side? How can you tell?",
        "Why might two newspapers leave out different details of the same match or meeting?",
    ],
    "high": [
        "Which outlet's opening would a supporter of each side find fair? What in the words makes the difference?",
        "When a loaded word sits inside a quotation, who is responsible for it: the speaker or the outlet?",
        "Does leaving a detail out change what a reader believes happened? Give an example from the handout.",
        "Rewrite a headline neutrally. Is it still a headline people would click on?",
        "What would you need to know to decide whether an outlet is accurate, as opposed to slanted?",
    ],
    "college": [
        "Separate the framing choices in the handout into word choice, source choice and fact selection. "
        "Which does most of the work?",
        "The detector flags words from a lexicon and judges them in context. Find a flag you disagree with, "
        "and one loaded phrase it missed. What does that say about automated evidence?",
        "A changed quotation can come from translation, an earlier version or editing. How would you find out which?",
        "Counts of loaded words per 1,000 words have wide intervals for short articles. What may you "
        "conclude from the chart, and what not?",
        "Is a neutral wire report the 'truth' against which the others are measured? What does it leave out?",
    ],
}

RUBRIC_CRITERIA = ("Evidence", "Reasoning", "Omissions")
RUBRIC_LEVELS = ("Beginning (1)", "Developing (2)", "Secure (3)", "Excellent (4)")
RUBRIC = {
    "Evidence": (
        "Names a feeling about the story without quoting it.",
        "Quotes one or two words from the handout, sometimes from the wrong outlet.",
        "Quotes the exact words, with the outlet, for most answers.",
        "Quotes exact words for every answer and tells the outlet's voice from a quoted speaker's.",
    ),
    "Reasoning": (
        "Calls an outlet biased or good without saying why.",
        "Says a word is loaded but not what it does to the reader.",
        "Explains what each loaded word suggests and offers a neutral alternative.",
        "Explains the effect, offers a neutral rewrite that keeps every fact, and notes where a flag is debatable.",
    ),
    "Omissions": (
        "Does not compare what the outlets include.",
        "Notices that the articles differ in length or detail.",
        "Names a detail one outlet leaves out, with the outlets that include it.",
        "Names the omission and weighs reasons for it without assuming intent.",
    ),
}

LESSON_STEPS = [
    ("5 min", "Warm-up: read the headlines aloud; students guess what happened from each one."),
    ("10 min", "Read the handout in pairs; underline words that make you feel something."),
    ("15 min", "Worksheet: the table, then the tasks (pairs, one worksheet each)."),
    ("10 min", "Share answers; show the annotated article and compare with the flags."),
    ("5 min", "Exit ticket: rewrite one headline neutrally."),
]
