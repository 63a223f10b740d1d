"""Who speaks a quotation when the speaker's name is followed by a role, a
party tag or a listener (round 37).

Measured on 16,762 quotations of NeuS-AllSides and Article-Bias-Prediction
articles (docs/accuracy.md, round 37 lead): the listener of "X told Y" had been
taken as the speaker, and a name followed by its role between commas had lost
to the role. Every sentence here is invented.
"""

from __future__ import annotations

import pytest

from framing.detect import load_lexicon

from test_detect import quotations

QUOTE = "“We expect the new line to carry twice as many riders within five years,”"


def speaker(text: str) -> str | None:
    """The speaker of the text's first quotation."""
    found = quotations(text)
    assert found and found[0][0][:4] in ("“We ", "“wil"), found
    return found[0][1]


@pytest.mark.parametrize("after, expected", [
    # the listener after "told"/"tells" is never the speaker
    ("Jack Ames, head of planning for the transit agency, tells The Evening Courier.", "Jack Ames"),
    ("Maria Lopez, the city’s transport director, told Reuters on Monday.", "Maria Lopez"),
    ("Maria Lopez, the city’s transport director, said.", "Maria Lopez"),
    # a party tag in brackets or between commas, a title with a dot
    ("Senator Ana Ruiz (D-NM) told CBS’s “Face the Nation.”", "Senator Ana Ruiz"),
    ("Sen. Ana Ruiz, D-N.M., told reporters.", "Ana Ruiz"),
    ("Dr. Ana Ruiz told the council.", "Ana Ruiz"),
    # the name ends before "of": the place is no speaker
    ("Rep. Lena Ortiz of Oregon, the chair of the transport committee, said.", "Lena Ortiz"),
    # what worked before still does
    ("Jack Ames told The Evening Courier.", "Jack Ames"),
    ("said Maria Lopez, the city’s transport director.", "Maria Lopez"),
    ("warned Maria Lopez.", "Maria Lopez"),
])
def test_speaker_after_the_quotation(after: str, expected: str) -> None:
    assert speaker(f"{QUOTE} {after}") == expected


def test_a_listener_alone_is_no_speaker() -> None:
    # nobody before "told": the station is who listened, so no speaker is named
    assert speaker(f"{QUOTE} told the station’s morning programme.") is None


def test_speaker_before_the_quotation_tells_a_listener() -> None:
    text = ("Maria Lopez told The Evening Courier that the line “will carry twice as many "
            "riders within five years, and more after that.”")
    assert speaker(text) == "Maria Lopez"


def test_the_apposition_stays_in_its_sentence() -> None:
    # the next sentence's subject, role and verb are not the quotation's speaker
    text = (f"The plan was announced on Monday. {QUOTE[:-2]}.” Jack Ames, head of "
            "planning for the agency, said the budget was approved.")
    assert speaker(text) != "Jack Ames"


def test_listener_verbs_are_data() -> None:
    cues = load_lexicon().cues
    assert {"tell", "tells", "told"} <= cues.listener_verbs
    assert not cues.listener_verbs & {"said", "says", "warned", "added"}


# -- a role that stands for a person named earlier ("the president said")

def test_a_role_is_the_person_the_text_gave_it_to() -> None:
    text = ("President Ilsa Varenne opened the new bridge over the Siran on Monday morning.\n\n"
            "“This bridge joins two towns that waited forty years for it,” the president said.")
    assert speaker(text.replace("“This", "“We")) == "Ilsa Varenne"
    text = ("Jack Ames, the band’s guitarist, wrote most of the new songs in one winter.\n\n"
            "“We wrote them in a cold kitchen with the oven door open,” the guitarist said.")
    assert speaker(text) == "Jack Ames"


def test_a_role_two_people_held_in_the_text_is_left_as_written() -> None:
    text = ("President Ilsa Varenne met President Teodor Brask at the border on Monday.\n\n"
            "“We will open the crossing before the harvest,” the president said.")
    assert speaker(text) == "president"
    # a former holder is another role
    text = ("Former President Teodor Brask attended the opening on Monday.\n\n"
            "“We will open the crossing before the harvest,” the president said.")
    assert speaker(text) == "president"
