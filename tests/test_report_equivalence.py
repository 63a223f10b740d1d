"""The report's fast paths give exactly what the plain ones give.

* :meth:`Report.to_json` (and :meth:`Report.json_chunks`, which
  ``write_all`` streams into report.json) against ``json.dumps`` of
  ``dataclasses.asdict`` with the same options, and :meth:`Report.to_dict`
  against ``asdict``;
* :func:`framing.report.safe.safe_model` (parts with nothing to clean
  shared, a model made safe once remembered) against a plain recursive copy
  with every string cleaned (:func:`_copying_safe_model`, below).

On the demo corpus's real report and on the fixed report with control
characters and values JSON writes in special ways (NaN, infinities, integer
and float keys, empty containers, non-ASCII text).
"""

from __future__ import annotations

import copy
import dataclasses
import gc
import json
import math
from dataclasses import asdict, replace

import pytest

from framing.compare import build_report as compare_report
from framing.detect import analyze, load_lexicon
from framing.report.safe import _MADE, safe_model
from framing.store import Store
from framing.text.safe import plain, visible

from conftest import copy_store
from report_fixture import build_report


def _copying_safe_model(obj, clean):
    """The specification: a full copy with ``clean`` applied to every string."""
    if isinstance(obj, str):
        return clean(obj)
    if isinstance(obj, list):
        return [_copying_safe_model(v, clean) for v in obj]
    if isinstance(obj, tuple):
        return type(obj)(_copying_safe_model(v, clean) for v in obj)
    if isinstance(obj, dict):
        return {_copying_safe_model(k, clean): _copying_safe_model(v, clean) for k, v in obj.items()}
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return dataclasses.replace(obj, **{f.name: _copying_safe_model(getattr(obj, f.name), clean)
                                           for f in dataclasses.fields(obj) if f.init})
    return obj


def _reference_json(report) -> str:
    d = asdict(report)
    del d["texts"], d["voices"]
    return json.dumps(d, sort_keys=True, ensure_ascii=False, indent=2) + "\n"


@pytest.fixture(scope="module")
def demo_report(demo_db, tmp_path_factory):
    db = copy_store(demo_db, tmp_path_factory.mktemp("demo-analysed") / "demo.db")
    with Store(db) as store:
        analyze(store, load_lexicon())
        report = compare_report(store.articles(), store.analyses())
    assert report.hits and len(report.events) > 1
    return report


def _odd_report():
    """The fixed report with control characters in text and awkward JSON values."""
    report = build_report(body_extra=" \x1b[31mred\x07 \u2028 caf\u00e9 \U0001F600")
    ev = report.events[0]
    row = ev.density[0]
    ev.density[0] = replace(row, per_1000=math.nan, ci95=[-math.inf, math.inf],
                            by_category={}, by_voice={"narration": 0},
                            per_1000_by_category={"x\x01y": 1e16, "z": -0.0})
    ev.grouped_by = {"basis": "similarity", "cohesion": 0.1 + 0.2, "entities": [], "terms": (),
                     "by_id": {3: "three", 10: "ten", 2: "two"}, "scores": {2.5: True, -1.0: None}}
    report.hits.append({"article": 1, "field": "body", "text": "\x00\x1f\x7f\x9f", "start": 0,
                        "end": 4, "nested": [[], {}, [{}], {"a": [1, 2.0, False]}]})
    return report


def test_json_equals_json_dumps_of_asdict_on_the_demo(demo_report) -> None:
    want = _reference_json(demo_report)
    assert demo_report.to_json() == want
    assert "".join(demo_report.json_chunks(size=64)) == want  # any piece size, the same text
    assert len(list(demo_report.json_chunks(size=64))) > 10
    d = asdict(demo_report)
    del d["texts"], d["voices"]
    assert demo_report.to_dict() == d


def test_json_equals_json_dumps_of_asdict_on_awkward_values() -> None:
    report = _odd_report()
    want = _reference_json(report)
    assert report.to_json() == want
    assert "".join(report.json_chunks(size=16)) == want
    assert "NaN" in want and "Infinity" in want and '"10": "ten"' in want
    # the copy is a copy: changing it leaves the report as it was
    d = report.to_dict()
    d["events"][0]["grouped_by"]["by_id"][3] = "changed"
    assert report.events[0].grouped_by["by_id"][3] == "three"


def test_json_refuses_what_json_dumps_refuses() -> None:
    report = build_report()
    report.hits.append({"article": 1, "bad": {1, 2}})
    with pytest.raises(TypeError):
        report.to_json()


@pytest.mark.parametrize("clean", [visible, plain])
def test_safe_model_equals_the_copying_safe_model(clean, demo_report) -> None:
    for report in (_odd_report(), demo_report):
        before = copy.deepcopy(asdict(report))
        got = safe_model(report, clean)
        want = _copying_safe_model(report, clean)
        assert asdict(got) == asdict(want) or _same_with_nan(asdict(got), asdict(want))
        assert _same_with_nan(asdict(report), before)  # the input is unchanged


class _Str(str):
    pass


@pytest.mark.parametrize("clean", [visible, plain, str.upper])
def test_safe_model_of_lists_dicts_and_fields_equals_the_copying_one(clean) -> None:
    """The shapes the walk takes a short cut through: lists of strings (one
    search of them joined), a list starting with a string and holding other
    values, a string subclass, dict keys and values, a dataclass's fields;
    clean parts are shared, the rest copied."""
    from framing.text.safe import safe_model as walk

    @dataclasses.dataclass
    class Row:
        text: str
        present: list
        n: int = 0

    clean_row = Row("Calm", ["A", "B"])
    model = {
        "lists": [["a", "b", "c\x1b[2J"], ["x", 3, "y\x07"], ["p", "q"], [], [_Str("s\x9b")], [_Str("ok")]],
        "tuples": (("t", "u\x00"), (1.5, 2.5), ("v", "w")),
        "keys": {"k\x1b": 1, "fine": "v\x7f", "same": "same"},
        "rows": [Row("T\x08", ["A", "B\x0b"], 3), clean_row],
        "lone": "\ud800",
    }
    got = walk(model, clean)
    assert got == _copying_safe_model(model, clean)
    if clean is not str.upper:
        assert got["rows"][1] is clean_row and got["lists"][2] is model["lists"][2]
        assert got["tuples"][2] is model["tuples"][2]
        untouched = {"a": ["b", "c"], "d": (Row("e", ["f"]),)}
        assert walk(untouched, clean) is untouched


def test_safe_model_cleans_and_remembers_what_it_made_safe() -> None:
    report = _odd_report()
    safe = safe_model(report)
    assert safe is not report  # control characters were replaced: a new model
    assert any("\x1b" in t["body"] for t in report.texts.values())
    assert not any("\x1b" in t["body"] for t in safe.texts.values())
    assert safe_model(safe) is safe  # already safe: not walked again
    assert safe_model(report) is safe  # made safe before: not walked again
    assert safe_model(report, plain) is not safe  # another cleaning is another model
    clean = build_report()
    assert safe_model(clean) is clean  # nothing to clean: nothing copied
    ids = {id(report), id(safe), id(clean)}
    assert ids <= _MADE.keys()
    del report, safe, clean
    gc.collect()
    assert not ids & _MADE.keys()  # nothing kept once the models are gone


def _same_with_nan(a, b) -> bool:
    return json.dumps(a, sort_keys=True, default=str) == json.dumps(b, sort_keys=True, default=str)


def test_per_event_analysis_in_worker_processes_gives_the_same_report(demo_db, tmp_path, monkeypatch) -> None:
    """``framing run --jobs 2`` runs the per-event analysis in two processes
    (:func:`framing.pipeline.process_map`): the same report as one process."""
    import framing.compare as compare
    from framing.pipeline import process_map

    db = copy_store(demo_db, tmp_path / "demo.db")
    with Store(db) as store:
        analyze(store, load_lexicon())
        arts, analyses = list(store.articles()), store.analyses()
    monkeypatch.setattr(compare, "SHARD_ARTICLES", 3)  # several shards from the small demo
    shards_seen = []

    def counting(fn, shards):
        shards = list(shards)
        shards_seen.append(len(shards))
        return process_map(2)(fn, shards)

    serial = compare_report(arts, analyses)
    parallel = compare_report(arts, analyses, map_shards=counting)
    assert shards_seen and shards_seen[0] > 2
    assert parallel.to_json() == serial.to_json()


class _Label(str):
    pass


class _Count(int):
    pass


class _Rate(float):
    pass


@dataclasses.dataclass
class _Nothing:
    pass


@dataclasses.dataclass
class _One:
    only: object


@dataclasses.dataclass(slots=True)
class _Pair:
    zeta: object
    alpha: object = None


def test_json_fast_paths_equal_json_dumps_on_every_kind_of_container() -> None:
    """Containers of scalars go to the C encoder, dataclasses to cached key
    texts: each, nested in each, writes what ``json.dumps(asdict(...))``
    writes, also for scalar subclasses, non-string keys, tuples and empties."""
    leaves = [
        {}, [], (), {"b": 1, "a": "x\n\"y\\", "c": None, "d": True, "e": -0.0},
        [1, 2.5, "three", None, False], (math.nan, math.inf, -math.inf, 1e300, 5e-324),
        {3: "three", 10: "ten", 2: "two"}, {2.5: 1, -1.0: 2}, {True: 1, False: 2}, {None: 3},
        {"s": _Label("sub"), "i": _Count(7), "f": _Rate(0.1)}, [_Label("a"), _Count(2), _Rate(2.0)],
        _Nothing(), _One(1), _One([]), _One({"k": [1, {"deep": (2, 3)}]}), _Pair("z"), _Pair({}, [_One(None)]),
    ]
    nested = leaves + [leaves, {"all": leaves, "pairs": [_Pair(x, x) for x in leaves]}, [[[[]]]], [{}, [{}]]]
    report = build_report()
    report.hits.extend({"article": 1, "value": v} for v in nested)
    report.events[0].grouped_by = {"values": nested, "as_tuple": tuple(nested)}
    want = _reference_json(report)
    assert report.to_json() == want
    assert "".join(report.json_chunks(size=16)) == want


@pytest.mark.parametrize("bad", [{"a": {1, 2}}, [1, {2}], _One({1}), {(1, 2): 3}, _One({(1, 2): 3})])
def test_json_fast_paths_refuse_what_json_dumps_refuses(bad) -> None:
    report = build_report()
    report.hits.append({"article": 1, "bad": bad})
    with pytest.raises(TypeError):
        json.dumps(asdict(report), sort_keys=True, indent=2)
    with pytest.raises(TypeError):
        report.to_json()
