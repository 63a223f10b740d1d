"""The terminal summary: exact text for the small fixed report."""

from __future__ import annotations

import re

import click
from report_fixture import build_report

from framing.report import render
from framing.report.terminal import render_terminal

EXPECTED = """\
framing report · lexicon test-1 · 4 articles · 2 events

== Ardelia / Velmora / accord ==
e-accord · 2024-05-07 to 2024-05-08 · 3 articles · 3 outlets

Loaded language per 1,000 words
Outlet               Articles  Words  Loaded  Per 1,000  95% interval
Kesh Daily Standard         1     36       6      166.7    61.2–362.8  *
Meridian Wire               1     35       2       57.1     6.9–206.4  *
Almera Courier              1     34       0        0.0     0.0–108.5  *
* Kesh Daily Standard: Only 6 loaded terms: too few to compare.
* Meridian Wire: Only 2 loaded terms: too few to compare.
* Almera Courier: Only 0 loaded terms: too few to compare.
Note: Counts under 10 loaded terms are too small to compare.

Loaded terms by category
Outlet               labeling  distancing  emotive  promotional  epistemic
Kesh Daily Standard         3           1        1            0          1
Meridian Wire               0           0        0            2          0
Almera Courier              0           0        0            0          0

Loaded terms by voice
Outlet               narration  quote  reported
Kesh Daily Standard          4      1         1
Meridian Wire                1      1         0
Almera Courier               0      0         0

Naming
Actor    Outlet               Form             Count
Velmora  Almera Courier       Velmora              2
         Kesh Daily Standard  Velmoran regime      2
         Meridian Wire        Velmora              1
accord   Almera Courier       accord               2
         Kesh Daily Standard  “accord”             1
         Meridian Wire        river deal           2
“form” = written in scare quotes.
Note: How an outlet names an actor is evidence of framing, not a verdict.

Altered quotes
1. The minister: “secure the river for our children”
   (reference, as carried by Almera Courier, Meridian Wire)
   Kesh Daily Standard, altered: “secure the river for our {+brave+} children”
{+word+} = inserted against the reference.
Note: A label inside a quotation is the speaker's word, not the outlet's.

Facts left out
Fact          Kind    Carried  Left out by
160 people    number   1 of 3  Kesh Daily Standard, Meridian Wire
$1.1 billion  amount   1 of 3  Almera Courier, Meridian Wire
Note: A fact left out is not proof of intent.

Distinctive words (z-score)
Outlet               Words
Almera Courier       officials 1.12, ceremony 1.05
Kesh Daily Standard  regime 1.81, critics 1.02
Meridian Wire        historic 1.10, spokesman 0.98
Note: Words an outlet uses more than the others in this event.

== Ardelia / border / summit ==
e-summit · 2024-03-12 · 1 article · 1 outlet

Loaded language per 1,000 words
Outlet          Articles  Words  Loaded  Per 1,000  95% interval
Almera Courier         1     10       0        0.0     0.0–368.9  *
* Almera Courier: Only 0 loaded terms: too few to compare.
Note: Counts under 10 loaded terms are too small to compare.

Loaded terms by category
Outlet          labeling  distancing  emotive  promotional  epistemic
Almera Courier         0           0        0            0          0

Loaded terms by voice
Outlet          narration  quote  reported
Almera Courier          0      0         0

Naming
None found.

Altered quotes
No quotation carried by more than one outlet.

Facts left out
No checkable facts found.
"""


def test_exact_plain_text():
    assert render_terminal(build_report(), color=False) == EXPECTED


def test_render_dispatch_defaults_to_plain():
    assert render(build_report(), "terminal") == EXPECTED


def test_colour_only_adds_ansi_codes():
    coloured = render_terminal(build_report(), color=True)
    assert "\x1b[" in coloured
    assert click.unstyle(coloured) == EXPECTED


def test_plain_text_has_no_escapes_or_trailing_spaces():
    text = render_terminal(build_report())
    assert "\x1b" not in text
    assert all(line == line.rstrip() for line in text.splitlines())
    assert text.endswith("\n") and not text.endswith("\n\n")


def test_columns_are_aligned():
    lines = render_terminal(build_report()).splitlines()
    start = lines.index("Loaded terms by category")
    header, *rows = lines[start + 1:start + 5]
    ends = [m.end() for m in re.finditer(r"\S+", header)][1:]
    for row in rows:
        assert [m.end() for m in re.finditer(r"\d+", row)] == ends


def test_inserted_words_are_marked():
    text = render_terminal(build_report())
    assert "“secure the river for our {+brave+} children”" in text


def test_long_facts_list_is_cut(monkeypatch):
    from framing.compare.model import FactRow
    from framing.report import terminal

    report = build_report()
    report.events[0].facts = [
        FactRow(kind="number", text=f"{n} boats", present=["Almera Courier"],
                absent=["Meridian Wire"], group="one") for n in range(12)
    ]
    monkeypatch.setattr(terminal, "MAX_FACTS", 10)
    text = render_terminal(report)
    assert "9 boats" in text and "10 boats" not in text
    assert "… and 2 more (see facts.csv or report.html)." in text


def test_empty_report():
    from framing.compare.model import Report

    assert render_terminal(Report(lexicon_version="x", articles=[], hits=[], events=[])) == (
        "framing report · lexicon x · 0 articles · 0 events\nNo events.\n"
    )


def test_naming_lists_only_actors_named_differently():
    from framing.compare.model import NamingForm, NamingRow

    report = build_report()
    report.events[0].naming.append(NamingRow(actor="Ardelia", forms=[
        NamingForm(outlet="Almera Courier", form="Ardelia", count=1, scare_quoted=False),
        NamingForm(outlet="Meridian Wire", form="Ardelia", count=3, scare_quoted=False),
    ]))
    text = render_terminal(report)
    assert "1 other actor named the same way by every outlet that names it." in text
    assert "Ardelia  " not in text.split("Naming", 1)[1].split("Altered quotes", 1)[0]


def test_long_quotes_wrap():
    report = build_report()
    version = report.events[0].quotes[0].versions[1]
    version.text = "secure the river for our brave children " + "and more words " * 10
    text = render_terminal(report)
    assert max(len(line) for line in text.splitlines()) <= 80
    assert "{+brave+}" in text
