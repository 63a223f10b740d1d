"""Outlet groups, keyness (n-grams, stop words, Benjamini–Hochberg) and the
group comparison on NeuS-AllSides (leanings as groups), checked against an
independent computation written here with numpy/scipy."""

from __future__ import annotations

import json
import math
from collections import Counter
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner
from scipy import stats

from framing import Article, Store
from framing.cli import cli
from framing.compare import build_report
from framing.compare.distinctive import distinctive
from framing.compare.groups import NO_GROUP, compare_groups
from framing.compare.keyness import (
    bh_adjust,
    keyness,
    parse_stop_words,
    read_stop_words,
    terms,
)
from framing.errors import InputError

NEUS = "neus-allsides/raw_crawled/headline_11_2021-10-19_crawled_all.jsonl"


def art(i, outlet, body, *, group=None, title=None, date="2026-03-12"):
    return Article(source=f"{i}.txt", body=body, title=title, outlet=outlet, group=group, date=date, id=i)


# -- terms: n-grams and stop words ------------------------------------------------------------

def test_terms_has_words_and_two_and_three_word_phrases_inside_clauses():
    got = terms("The state of emergency ended. Troops left the so-called buffer zone.")
    assert {"state", "emergency", "state of emergency", "troops left", "buffer zone",
            "so-called buffer zone", "troops left the"} <= set(got) or "state of emergency" in got
    assert "state of emergency" in got and "buffer zone" in got and "so-called buffer zone" in got
    assert "of emergency" not in got and "the state" not in got  # no stop word at an edge
    assert "emergency troops" not in got  # a full stop breaks phrases
    assert all(1 <= len(t.split()) <= 3 for t in got)


def test_user_stop_words_drop_words_everywhere_and_phrases_as_themselves():
    sw = parse_stop_words("# mine\nEmergency\nbuffer zone  # a phrase\n\n")
    got = terms("The state of emergency ended. Troops left the so-called buffer zone.", stop_words=sw)
    assert "emergency" not in got and not any("emergency" in t.split() for t in got)
    assert "buffer zone" not in got and "so-called buffer zone" in got and "buffer" in got


def test_read_stop_words_errors_name_the_file(tmp_path):
    with pytest.raises(InputError, match="missing.txt"):
        read_stop_words(tmp_path / "missing.txt")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(InputError, match="bad.txt"):
        read_stop_words(bad)


# -- statistics against scipy ------------------------------------------------------------------

@pytest.mark.parametrize("seed", [0, 1, 2])
def test_bh_adjust_matches_scipy(seed):
    p = np.random.default_rng(seed).uniform(0, 0.2, size=200) ** 2
    assert np.allclose(bh_adjust(list(p)), stats.false_discovery_control(p, method="bh"), rtol=1e-12)


def _independent_keys(ci: Counter, cj: Counter, alpha0: float, min_count: int) -> dict[str, tuple]:
    """Monroe et al. (2008) eq. 16-22 with numpy/scipy, from the counts alone."""
    vocab = sorted(set(ci) | set(cj))
    yi = np.array([ci.get(w, 0) for w in vocab], float)
    yj = np.array([cj.get(w, 0) for w in vocab], float)
    a = alpha0 * (yi + yj) / (yi + yj).sum()
    ni, nj = yi.sum(), yj.sum()
    delta = np.log((yi + a) / (ni + alpha0 - yi - a)) - np.log((yj + a) / (nj + alpha0 - yj - a))
    z = delta / np.sqrt(1 / (yi + a) + 1 / (yj + a))
    tested = yi >= min_count
    p = stats.norm.sf(z[tested])
    q = stats.false_discovery_control(p, method="bh")
    words = [w for w, t in zip(vocab, tested) if t]
    return {w: (z_, p_, q_) for w, z_, p_, q_ in zip(words, z[tested], p, q)}


def test_keyness_matches_an_independent_computation():
    rng = np.random.default_rng(7)
    words = [f"w{k}" for k in range(300)]
    ci = Counter(dict(zip(words, rng.poisson(3, 300).tolist())))
    cj = Counter(dict(zip(words, rng.poisson(3, 300).tolist())))
    ci["slogan"], cj["slogan"] = 40, 2
    ci, cj = +ci, +cj
    want = _independent_keys(ci, cj, 500.0, 2)
    got = keyness(ci, cj, alpha0=500.0, min_count=2)
    assert {k.term for k in got} == set(want)
    for k in got:
        z, p, q = want[k.term]
        assert math.isclose(k.z, z, rel_tol=1e-9, abs_tol=1e-12)
        assert math.isclose(k.p, p, rel_tol=1e-6, abs_tol=1e-15)
        assert math.isclose(k.q, q, rel_tol=1e-6, abs_tol=1e-15)
    assert got[0].term == "slogan" and got[0].q < 0.001


# -- distinctive terms: n-grams and stop words (acceptance 4) ---------------------------------

def _two_outlets():
    a = ("Officials declared a state of emergency in the valley. The state of emergency closed roads. "
         "Farmers said the state of emergency hurt the harvest. Occupation forces left the valley. "
         "Occupation forces held the dam. Occupation forces blocked the road. ")
    b = "Officials reopened roads in the valley. Farmers sold the harvest at the market. Roads reopened. "
    return [art(1, "A", a * 12), art(2, "B", b * 12)]


def test_distinctive_lists_two_and_three_word_phrases_with_q():
    rows = {r.outlet: r for r in distinctive(_two_outlets(), top=50)}
    got = {t.term: t for t in rows["A"].terms}
    assert "state of emergency" in got and "occupation forces" in got
    assert any(len(t.split()) == 3 for t in got) and any(len(t.split()) == 2 for t in got)
    for t in got.values():
        assert t.p is not None and t.q is not None and 0 <= t.p <= t.q <= 1


def test_distinctive_honours_a_stop_word_file(tmp_path):
    f = tmp_path / "stop.txt"
    f.write_text("emergency\noccupation forces\n", encoding="utf-8")
    rows = {r.outlet: r for r in distinctive(_two_outlets(), top=50, stop_words=read_stop_words(f))}
    got = {t.term for t in rows["A"].terms}
    assert not any("emergency" in t.split() for t in got)
    assert "occupation forces" not in got and "occupation" in got


def test_report_stop_words_option_on_the_demo(tmp_path, demo_db):
    from conftest import copy_store

    db = copy_store(demo_db, tmp_path / "demo.db")
    runner = CliRunner()
    plain = runner.invoke(cli, ["report", "--db", str(db), "--format", "json"])
    assert plain.exit_code == 0, plain.output
    listed = {t["term"] for e in json.loads(plain.output)["events"] for r in e["distinctive"] for t in r["terms"]}
    phrases = sorted(t for t in listed if " " in t)
    words = sorted(t for t in listed if " " not in t)
    assert phrases and words
    stop = tmp_path / "stop.txt"
    stop.write_text(f"{words[0]}\n{phrases[0]}\n", encoding="utf-8")
    res = runner.invoke(cli, ["report", "--db", str(db), "--format", "json", "--stop-words", str(stop)])
    assert res.exit_code == 0, res.output
    after = {t["term"] for e in json.loads(res.output)["events"] for r in e["distinctive"] for t in r["terms"]}
    assert words[0] not in after and not any(words[0] in t.split() for t in after)
    assert phrases[0] not in after
    bad = runner.invoke(cli, ["report", "--db", str(db), "--stop-words", str(tmp_path / "nope.txt")])
    assert bad.exit_code == 1 and "nope.txt" in bad.output and "Traceback" not in bad.output


# -- groups -----------------------------------------------------------------------------------

def test_compare_groups_needs_two_groups_and_names_the_ungrouped():
    arts = _two_outlets()
    assert compare_groups(arts, []) is None
    arts[0].group = "left"
    cmp = compare_groups(arts, [])
    assert cmp is not None and cmp.groups == [NO_GROUP, "left"]
    arts[1].group = "left"
    assert compare_groups(arts, []) is None


def _neus_export(data_dir: Path, out: Path, stories: int | None) -> int:
    src = data_dir / NEUS
    n = 0
    with src.open(encoding="utf-8") as fh, out.open("w", encoding="utf-8") as w:
        for k, line in enumerate(fh):
            if stories is not None and k >= stories:
                break
            story = json.loads(line)
            for side, item in sorted((story.get("news") or {}).items()):
                if item and item.get("newBody"):
                    w.write(json.dumps({
                        "stories_id": f"{story['id']}-{side}", "media_name": item["newsSource"],
                        "publish_date": (story.get("date") or "")[:10], "title": item.get("newsTitle") or "",
                        "text": "\n\n".join(item["newBody"]), "leaning": side}) + "\n")
                    n += 1
    return n


def _check_groups_independently(out: Path, stdout: str) -> None:
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    groups = report["groups"]
    assert groups is not None and groups["groups"] == ["center", "left", "right"]
    with Store(out / "framing.db", readonly=True) as store:
        arts = {a.id: a for a in store.articles()}
    copies = {a["id"] for a in report["articles"] if a["near_duplicate_of"] is not None}
    kept = [a for i, a in arts.items() if i not in copies]
    # density per group, from the hits and the texts, with scipy's chi-square for the interval
    from framing.text import count_words

    words = Counter()
    for a in kept:
        words[a.group] += count_words(a.title or "") + count_words(a.body)
    group_of = {a.id: a.group for a in kept}
    loaded = Counter(group_of[h["article"]] for h in report["hits"] if h["loaded"] and h["article"] in group_of)
    for row in groups["density"]:
        g = row["group"]
        assert row["words"] == words[g] and row["loaded"] == loaded[g]
        assert math.isclose(row["per_1000"], round(1000 * loaded[g] / words[g], 3), abs_tol=1e-9)
        lo = stats.chi2.ppf(0.025, 2 * loaded[g]) / 2 if loaded[g] else 0.0
        hi = stats.chi2.ppf(0.975, 2 * loaded[g] + 2) / 2
        assert row["ci95"] == [round(lo * 1000 / words[g], 3), round(hi * 1000 / words[g], 3)]
        assert f"{g}  " in stdout or f"{g} " in stdout
    # distinctive terms per group: the library's term counting, everything after it here
    counts = {g: Counter() for g in groups["groups"]}
    by_outlet: dict[tuple[str, str], Counter] = {}
    for a in kept:
        for text in (a.title or "", a.body):
            counts[a.group].update(terms(text))
            by_outlet.setdefault((a.group, a.outlet_name), Counter()).update(terms(text))
    everything = sum(counts.values(), Counter())

    def one_outlets(g: str, w: str) -> bool:
        """More than four fifths of a group's uses in one of its two or more outlets."""
        mine = [c[w] for (group, _), c in by_outlet.items() if group == g]
        return len(mine) >= 2 and max(mine) > 0.8 * counts[g][w]

    for row in groups["distinctive"]:
        g = row["group"]
        want = _independent_keys(counts[g], everything - counts[g], 500.0, 2)
        assert row["terms"], g
        for t in row["terms"]:
            z, p, q = want[t["term"]]
            assert math.isclose(t["z"], z, abs_tol=1e-3)
            assert math.isclose(t["p"], p, rel_tol=1e-3, abs_tol=1e-12)
            assert math.isclose(t["q"], q, rel_tol=1e-3, abs_tol=1e-12)
        listed = [t["term"] for t in row["terms"]]
        best = sorted((w for w in want if want[w][0] >= 1.645 and counts[g][w] >= 2 and not one_outlets(g, w)),
                      key=lambda w: (-round(want[w][0], 3), w))[:len(listed)]
        assert listed == best


def test_neus_allsides_leanings_as_groups_in_framing_run(data_dir, tmp_path):
    """Acceptance 1 (a 60-story slice for the fast loop; the whole set is the slow test):
    `framing run` prints per-group density and distinctive terms with BH q-values,
    and report.json's numbers match the independent computation above."""
    export = tmp_path / "neus.jsonl"
    assert _neus_export(data_dir, export, 60) > 150
    res = CliRunner().invoke(cli, ["run", str(export), "--out", str(tmp_path / "out"), "--charts", "none"])
    assert res.exit_code == 0, res.output[-3000:]
    assert "Outlet groups, whole corpus: loaded language per 1,000 words" in res.output
    assert "distinctive words and phrases (z, BH-adjusted q)" in res.output
    assert " q=" in res.output or " q<0.001" in res.output
    _check_groups_independently(tmp_path / "out", res.output)


@pytest.mark.slow
def test_neus_allsides_whole_corpus_groups(data_dir, tmp_path):
    import subprocess
    import sys

    export = tmp_path / "neus.jsonl"
    assert _neus_export(data_dir, export, None) == 1479
    framing = Path(sys.executable).parent / "framing"
    res = subprocess.run([str(framing), "run", str(export), "--out", str(tmp_path / "out"), "--charts", "none"],
                         capture_output=True, text=True, timeout=1500)
    assert res.returncode == 0, res.stderr[-2000:]
    assert "Outlet groups, whole corpus" in res.stdout and "q<0.001" in res.stdout
    _check_groups_independently(tmp_path / "out", res.stdout)


def test_group_by_names_a_manifest_or_export_column(tmp_path):
    (tmp_path / "a.txt").write_text("Officials met in the valley on Monday to talk about water.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Farmers met in the valley on Monday to talk about the harvest.\n",
                                    encoding="utf-8")
    (tmp_path / "manifest.csv").write_text("path,outlet,side\na.txt,A,left\nb.txt,B,right\n", encoding="utf-8")
    (tmp_path / "x.csv").write_text("media_name,title,text,sourcecountry\nC,T,Some text about water.,Norway\n",
                                    encoding="utf-8")
    db = tmp_path / "s.db"
    res = CliRunner().invoke(cli, ["ingest", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"),
                                   "--manifest", str(tmp_path / "manifest.csv"), "--group-by", "side", "--db", str(db)])
    assert res.exit_code == 0, res.output
    res = CliRunner().invoke(cli, ["ingest", str(tmp_path / "x.csv"), "--group-by", "sourcecountry", "--db", str(db)])
    assert res.exit_code == 0, res.output
    with Store(db, readonly=True) as store:
        got = {a.outlet: (a.group, a.country) for a in store.articles()}
    assert got == {"A": ("left", None), "B": ("right", None), "C": ("Norway", "Norway")}
    rows = CliRunner().invoke(cli, ["articles", "--db", str(db), "--format", "jsonl"])
    assert {json.loads(line)["group"] for line in rows.output.splitlines()} == {"left", "right", "Norway"}


def test_group_report_is_deterministic_and_per_event():
    arts = _two_outlets() + [art(3, "C", _two_outlets()[1].body)]
    arts[0].group, arts[1].group, arts[2].group = "x", "y", "y"
    r1 = build_report(arts, {}).to_json()
    assert r1 == build_report([Article(**vars(a)) for a in arts], {}).to_json()
    d = json.loads(r1)
    assert d["groups"]["groups"] == ["x", "y"]
    assert [a["group"] for a in d["articles"]] == ["x", "y", "y"]
    # article 3 is a copy of article 2: counted once, for the group that published first
    assert [r["articles"] for r in d["groups"]["density"]] == [1, 1]
    events = [e for e in d["events"] if e["groups"] is not None]
    for e in events:
        assert sorted(r["group"] for r in e["groups"]["density"]) == e["groups"]["groups"]


def test_a_term_one_outlet_carries_is_not_its_groups():
    """A gallery's "hide caption" in every article of one outlet is that outlet's
    page furniture: in a group of two or more outlets, a term with more than
    four fifths of its uses in one outlet is not listed for the group. A term
    the group's outlets share is, and a group of one outlet keeps its own."""
    port = ("The port of Ostra raised its tariff on grain and cement again. Freight firms said the new "
            "tariff would send grain to the rail corridor instead. ")
    calm = "The council of Vell met on Tuesday and agreed on a budget for the new school year. "
    arts = []
    for i in range(6):  # group "x": outlets A (with the gallery furniture) and B
        extra = "Hide caption. Photos: the harbour. Hide caption. " if i < 3 else ""
        arts.append(art(i + 1, "A" if i < 3 else "B", extra + port + calm, group="x"))
    for i in range(6):  # group "y": outlets C and D, and group "z": outlet E alone
        arts.append(art(i + 7, "C" if i < 3 else "D", calm * 2, group="y"))
    for i in range(3):
        arts.append(art(i + 13, "E", "Velmoran drills near Kesh continued. " * 4 + calm, group="z"))
    got = {r.group: [t.term for t in r.terms] for r in compare_groups(arts, []).distinctive}
    assert "tariff" in got["x"] and "grain" in got["x"]  # both outlets of x use them
    assert not any("caption" in t for t in got["x"])  # outlet A alone: left out
    assert "velmoran drills" in got["z"] or "drills" in got["z"]  # one outlet is the whole group
    everything = compare_groups(arts, [], min_z=-99.0)  # the rule is not a z threshold
    assert not any("caption" in t.term for r in everything.distinctive if r.group == "x" for t in r.terms)
