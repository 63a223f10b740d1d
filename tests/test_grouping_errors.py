"""Where event grouping's B-cubed precision and recall are lost
(:func:`framing.evaluate.grouping.bcubed_losses`, ``grouping_allsides.py --errors``)."""

from __future__ import annotations

import pytest

from framing.evaluate.grouping import bcubed, bcubed_losses


def _case():
    # stories A (items 1-3, day 100), B (4-6, day 140), C (7-9, day 101)
    truth = {1: "A", 2: "A", 3: "A", 4: "B", 5: "B", 6: "B", 7: "C", 8: "C", 9: "C"}
    days = {1: 100, 2: 100, 3: 100, 4: 140, 5: 140, 6: 140, 7: 101, 8: 101, 9: 101}
    return truth, days


def test_a_perfect_grouping_loses_nothing_anywhere():
    truth, days = _case()
    pred = {i: s for i, s in truth.items()}
    losses = bcubed_losses(pred, truth, days)
    assert all(v == 0 for v in losses["precision_loss"].values())
    assert all(v == 0 for v in losses["recall_loss"].values())
    assert all(v == 0 for v in losses["wrong_pairs"].values())
    assert all(v == 0 for v in losses["missing"].values())


def test_losses_sit_where_the_errors_are_and_add_up_to_bcubed():
    truth, days = _case()
    # A and B chained into one event of six; C split: 7 and 8 together, 9 alone
    pred = {1: 0, 2: 0, 3: 0, 4: 0, 5: 0, 6: 0, 7: 1, 8: 1, 9: 2}
    p, r, _ = bcubed(pred, truth)
    losses = bcubed_losses(pred, truth, days)
    assert sum(losses["precision_loss"].values()) == pytest.approx(1 - p)
    assert sum(losses["recall_loss"].values()) == pytest.approx(1 - r)
    # the precision lost is the six-article event's; C's pieces are pure
    assert losses["precision_loss"]["4-6"] == pytest.approx(1 - p)
    assert losses["precision_loss"]["1"] == losses["precision_loss"]["2-3"] == 0
    # the recall lost is C's: its pair and the article left alone
    assert losses["recall_loss"]["1"] > 0 and losses["recall_loss"]["2-3"] > 0
    assert losses["recall_loss"]["4-6"] == 0
    # A and B are 40 days apart: nine pairs of the same kind of story weeks later
    assert losses["wrong_pairs"] == {"0-3 days": 0, "4-30 days": 0, "over 30 days": 9}
    assert losses["missing"] == {"with no other story": 3, "with another story within 3 days": 0,
                                 "with other stories further away": 0}


def test_an_article_put_with_the_next_days_story_is_counted_there():
    truth, days = _case()
    # 3 of A joins C (one day later): A lacks 3, 3 lacks A
    pred = {1: 0, 2: 0, 3: 1, 4: 2, 5: 2, 6: 2, 7: 1, 8: 1, 9: 1}
    losses = bcubed_losses(pred, truth, days)
    assert losses["wrong_pairs"] == {"0-3 days": 3, "4-30 days": 0, "over 30 days": 0}
    assert losses["missing"] == {"with no other story": 2, "with another story within 3 days": 1,
                                 "with other stories further away": 0}
    assert "wrong_pairs" not in bcubed_losses(pred, truth)  # no days given: sizes only
