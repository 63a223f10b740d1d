"""The report model's slotted dataclasses pickle as their constructor and
field values (framing.compare.model._pickled_by_fields): the events cross
process boundaries twice at archive scale (the per-event workers' results,
the render's shares of event pages). The same objects must come back, by
every pickle protocol and through ``copy``; a subclass keeps the default way."""

from __future__ import annotations

import copy
import pickle
from dataclasses import dataclass, fields, is_dataclass

import pytest

from framing.compare import build_report
from framing.compare import model
from framing.detect import analyze, load_lexicon
from framing.store import Store
from conftest import copy_store
from report_fixture import build_report as fixture_report

ROWS = (model.DensityRow, model.NamingForm, model.NamingRow, model.QuoteVersion, model.QuoteRef,
        model.QuoteRow, model.FactRow, model.DistinctiveTerm, model.DistinctiveRow,
        model.GroupDensityRow, model.GroupDistinctiveRow, model.GroupComparison, model.Event)


@pytest.fixture(scope="module")
def demo_report(demo_db, tmp_path_factory):
    db = copy_store(demo_db, tmp_path_factory.mktemp("pickle") / "demo.db")
    with Store(db) as store:
        analyze(store, load_lexicon())
        return build_report(list(store.articles()), store.analyses())


def _walk(obj, seen):
    """Every model dataclass instance reachable from ``obj``, by type."""
    if type(obj) in ROWS:
        seen.setdefault(type(obj), []).append(obj)
        for f in fields(obj):
            _walk(getattr(obj, f.name), seen)
    elif isinstance(obj, (list, tuple)):
        for x in obj:
            _walk(x, seen)
    elif isinstance(obj, dict):
        for x in obj.values():
            _walk(x, seen)
    return seen


def test_every_slotted_class_of_the_model_is_pickled_by_its_fields():
    slotted = {c for c in vars(model).values()
               if isinstance(c, type) and is_dataclass(c) and c.__module__ == model.__name__
               and "__slots__" in vars(c)}
    assert slotted == set(ROWS)  # a new row class is added to the model's list too
    assert all(c.__reduce_ex__ is not object.__reduce_ex__ for c in slotted)


def test_each_row_pickles_as_its_constructor_and_field_values():
    seen = _walk(fixture_report().events, {})
    assert {model.Event, model.DensityRow, model.NamingRow, model.NamingForm, model.FactRow,
            model.QuoteRow, model.QuoteVersion, model.QuoteRef, model.DistinctiveRow,
            model.DistinctiveTerm} <= set(seen)
    for t, objs in seen.items():
        for obj in objs[:50]:
            made, args = obj.__reduce_ex__(pickle.HIGHEST_PROTOCOL)
            assert made is t
            assert args == tuple(getattr(obj, f.name) for f in fields(t))


@pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
def test_a_reports_events_come_back_the_same_by_every_protocol(protocol):
    events = fixture_report().events
    back = pickle.loads(pickle.dumps(events, protocol=protocol))
    assert back == events
    assert [type(e) for e in back] == [model.Event] * len(events)
    # a shared row stays shared (the pickle's memo), as with the default pickle
    row = events[0].density[0]
    again = pickle.loads(pickle.dumps([row, row], protocol=protocol))
    assert again[0] is again[1] and again[0] == row


@pytest.mark.slow  # the demo corpus analysed and compared: ~10 s
def test_the_demo_reports_events_copies_and_json_are_unchanged(demo_report):
    events = demo_report.events
    for protocol in (2, pickle.HIGHEST_PROTOCOL):
        assert pickle.loads(pickle.dumps(events, protocol=protocol)) == events
    assert copy.deepcopy(events) == events
    assert [copy.copy(e) for e in events] == events
    whole = pickle.loads(pickle.dumps(demo_report, protocol=pickle.HIGHEST_PROTOCOL))
    assert whole.to_json() == demo_report.to_json()


def test_a_subclass_is_pickled_the_default_way():
    @dataclass(slots=True)
    class Tagged(model.NamingForm):
        tag: str = ""

    globals()["Tagged"] = Tagged  # picklable by name
    Tagged.__qualname__ = "Tagged"
    try:
        obj = Tagged("Almera Courier", "the minister", 2, False, True, tag="x")
        back = pickle.loads(pickle.dumps(obj))
        assert type(back) is Tagged and back == obj and back.tag == "x"
    finally:
        del globals()["Tagged"]
