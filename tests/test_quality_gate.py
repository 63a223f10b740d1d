"""The quality gate: the evaluations on fixed subsets of the data sets in
../shared/data must stay at or above the floors pinned in
tests/quality_floors.json (with the data's SHA-256). A test of the gate shows
it fails when a floor is raised above the current score."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from framing.evaluate.babe import evaluate_babe
from framing.evaluate.gate import check, load_floors, lookup
from framing.evaluate.grouping import evaluate_grouping

FLOORS = load_floors(Path(__file__).with_name("quality_floors.json"))


@pytest.fixture(scope="module")
def babe_result(data_dir):
    spec = FLOORS["babe"]
    return evaluate_babe(data_dir / spec["path"], every=spec["every"], bootstrap=200)


@pytest.fixture(scope="module")
def grouping_result(data_dir):
    return evaluate_grouping(data_dir / FLOORS["grouping"]["path"])


def test_babe_scores_stay_above_their_floors(babe_result):
    assert check(babe_result, FLOORS["babe"]) == []


@pytest.mark.slow
def test_grouping_scores_stay_above_their_floors(grouping_result):
    assert check(grouping_result, FLOORS["grouping"]) == []


def test_gate_fails_when_a_floor_is_raised_above_the_score(babe_result):
    for key in FLOORS["babe"]["floors"]:
        spec = copy.deepcopy(FLOORS["babe"])
        spec["floors"][key] = round(lookup(babe_result, key) + 0.001, 4)
        problems = check(babe_result, spec)
        assert len(problems) == 1 and problems[0].startswith(f"{key} = "), problems


def test_gate_fails_when_a_ceiling_is_lowered_below_the_score(babe_result):
    for key in FLOORS["babe"]["ceilings"]:
        spec = copy.deepcopy(FLOORS["babe"])
        spec["ceilings"][key] = round(lookup(babe_result, key) - 0.001, 4)
        assert len(check(babe_result, spec)) == 1


def test_gate_refuses_other_data(babe_result):
    spec = copy.deepcopy(FLOORS["babe"])
    spec["sha256"] = "0" * 64
    problems = check(babe_result, spec)
    assert problems and problems[0].startswith("data changed")
