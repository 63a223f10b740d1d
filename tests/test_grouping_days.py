"""An undated article still names its day (issue 11): two reports that both say
"on Tuesday" are likelier one event, so a pair without date evidence whose
articles name a common weekday scores higher (:class:`DayNamedEvidence`);
days that differ change nothing, because coverage spreads over days. Small
fictional articles written here."""

from __future__ import annotations

import numpy as np
import pytest

from framing.compare import grouping
from framing.compare.grouping import DayNamedEvidence, days_named, group_events
from framing.models import Article

MON, TUE, THU, FRI, SAT, SUN = 0, 1, 3, 4, 5, 6


@pytest.mark.parametrize("text, days", [
    ("The Senate voted on Tuesday to pass the bill.", {TUE}),
    ("On Tuesday, the Senate voted.", {TUE}),
    ("WASHINGTON (AP) — On Friday the court ruled.", {FRI}),
    ("Last Monday he resigned; by Thursday he was back.", {MON, THU}),
    ("Tuesday's vote was close.", {TUE}),
    ("The rally is planned for Saturday, March 3.", {SAT}),
    # names that hold a weekday are no day
    ("Results of Super Tuesday are in.", set()),
    ("Black Friday sales rose.", set()),
    ("He told the Sunday Times that he would stay.", set()),
    ("He told Fox News Sunday that he would stay.", set()),
    ("The sketch aired on Saturday Night Live.", set()),
    # a habit is no day
    ("The market opens on Sundays.", set()),
])
def test_days_named(text, days):
    assert days_named(text) == frozenset(days)


def test_days_named_reads_only_the_lead():
    text = "The accord was signed in Ostra. " * 100 + "On Tuesday the talks resume."
    assert days_named(text) == frozenset()
    assert days_named(text, limit=len(text)) == frozenset({TUE})


def test_a_shared_day_counts_less_where_shared_days_are_common():
    rare = DayNamedEvidence(shared=5, disjoint=95)
    common = DayNamedEvidence(shared=70, disjoint=30)
    assert rare.log_shared > common.log_shared > 0
    # one week's dense coverage: a shared day says nothing, and never counts against
    assert DayNamedEvidence(shared=100, disjoint=0).log_shared == 0.0


def _arts(texts, dates=None):
    dates = dates or [None] * len(texts)
    return [Article(id=i + 1, source=f"s{i}", body=t, date=d) for i, (t, d) in enumerate(zip(texts, dates))]


def _factor(texts, dates=None):
    arts = _arts(texts, dates)
    d = [grouping._ordinal(a.date) for a in arts]
    I, J = np.array([0]), np.array([1])
    return float(grouping._day_factors(arts, I, J, np.array([d[0] is None and d[1] is None]))[0])


def test_the_bonus_needs_both_articles_to_name_a_common_day():
    assert _factor(["Talks ended on Tuesday.", "The deal was signed Tuesday."]) > 1.0
    assert _factor(["Talks ended on Tuesday.", "The deal was signed Thursday."]) == 1.0
    assert _factor(["Talks ended on Tuesday.", "The deal was signed."]) == 1.0
    assert _factor(["Talks ended on Super Tuesday.", "The deal was signed on Super Tuesday."]) == 1.0
    # a pair with a date is judged by its dates, not by the days it names
    # (one dated, one undated: the undated one may be from another week)
    for dates in (["2025-03-04", "2025-03-04"], ["2025-03-04", None]):
        assert _factor(["Talks ended on Tuesday.", "The deal was signed Tuesday."], dates) == 1.0


OTHERS = [
    "A glacier lake burst above Brennvik in Norland, flooding sixty homes; scientists at the "
    "Skarn Glacier station had warned of the surge.",
    "The Almera council approved a budget that cuts bus fares and funds two new schools in the "
    "harbour district.",
    "Velmora's football club won the cup final in extra time after a penalty from its young captain.",
    "A fire at the Ostra paper mill forced hundreds of workers out; the cause is under investigation.",
]
ACCORD = ("Ardelia and Velmora signed the Siran River water accord on {day}, sharing the Kesh dam's "
          "flow after years of talks.")
DEAL = "Ministers from the two neighbours put their names to a deal over the river's water on {day}; {rest}"


def _together(texts, *, days=True, monkeypatch=None):
    if not days:
        monkeypatch.setattr(grouping, "days_named", lambda text, limit=0: frozenset())
    events = group_events(_arts(texts))
    return [e.articles for e in events if len(e.articles) > 1]


def test_two_undated_reports_naming_one_day_join_that_content_alone_leaves_apart(monkeypatch):
    texts = [ACCORD.format(day="Tuesday"), DEAL.format(day="Tuesday", rest="farmers downstream welcomed it."),
             *OTHERS]
    assert _together(texts) == [[1, 2]]
    assert _together(texts, days=False, monkeypatch=monkeypatch) == []


def test_reports_naming_different_days_are_judged_by_content_alone(monkeypatch):
    # coverage spreads: a later report names its own day, and is not pushed out
    texts = [ACCORD.format(day="Tuesday"), DEAL.format(day="Thursday", rest="the dam's flow will be shared."),
             *OTHERS]
    assert _together(texts) == [[1, 2]]
    apart = [ACCORD.format(day="Tuesday"), DEAL.format(day="Thursday", rest="farmers downstream welcomed it."),
             *OTHERS]
    assert _together(apart) == _together(apart, days=False, monkeypatch=monkeypatch) == []


def test_no_bonus_where_the_dated_articles_span_months(monkeypatch):
    """A weekday recurs every week: beside dated articles of many months, two
    undated reports that name the same day may be from different weeks."""
    texts = [ACCORD.format(day="Tuesday"), DEAL.format(day="Tuesday", rest="farmers downstream welcomed it."),
             *OTHERS]
    week = [None, None, "2025-03-03", "2025-03-05", "2025-03-07", "2025-03-10"]
    months = [None, None, "2025-03-03", "2025-05-05", "2025-08-07", "2025-11-10"]
    assert [e.articles for e in group_events(_arts(texts, week)) if len(e.articles) > 1] == [[1, 2]]
    assert [e.articles for e in group_events(_arts(texts, months)) if len(e.articles) > 1] == []
