"""framing eval and framing model on the real data sets in ../shared/data
(read from there, never copied): through CliRunner and as a real subprocess."""

from __future__ import annotations

import csv
import json

import pytest
from click.testing import CliRunner

from framing import sentence_model as sm
from framing.cli import cli
from framing.evaluate.babe import load_babe
from framing.evaluate.stats import bootstrap_ratio, wilson

from conftest import run_framing


def test_wilson_interval_known_values():
    lo, hi = wilson(50, 100)
    assert round(lo, 3) == 0.404 and round(hi, 3) == 0.596
    assert wilson(0, 0) == (0.0, 0.0)


def test_bootstrap_ratio_is_deterministic_and_brackets_the_ratio():
    groups = {"a": [True] * 10 + [False] * 90, "b": [True] * 20 + [False] * 80}
    lo, hi = bootstrap_ratio(groups, n=300, seed=1)
    assert (lo, hi) == bootstrap_ratio(groups, n=300, seed=1)
    assert lo < 2.0 < hi


def test_eval_babe_prints_every_part(data_dir):
    res = CliRunner().invoke(cli, ["eval", "babe", str(data_dir / "babe"), "--limit", "400",
                                   "--bootstrap", "50"])
    assert res.exit_code == 0, res.output
    for part in ("Sentence level", "macro-F1", "Word level", "Even-handedness", "FPR ratio max/min",
                 "judged loaded in Non-biased", "FPR per outlet", "Per category"):
        assert part in res.output
    payload = json.loads(res.output[res.output.index("\n{") + 1:])
    assert payload["data"]["sentences"] == 400
    assert set(payload["even_handedness"]["by_leaning"]) <= {"left", "center", "right"}
    assert 0 <= payload["sentence"]["precision_ci"][0] <= payload["sentence"]["precision"] \
        <= payload["sentence"]["precision_ci"][1] <= 1


def test_eval_babe_json_is_byte_identical(data_dir, tmp_path):
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    for out in (a, b):
        res = CliRunner().invoke(cli, ["eval", "babe", str(data_dir / "babe"), "--limit", "200",
                                       "--bootstrap", "50", "--format", "table", "--out", str(out)])
        assert res.exit_code == 0, res.output
    strip = lambda p: {k: v for k, v in json.loads(p.read_text()).items() if k != "seconds"}  # noqa: E731
    assert strip(a) == strip(b)


def test_eval_babe_bad_path_is_one_line(tmp_path):
    res = CliRunner().invoke(cli, ["eval", "babe", str(tmp_path / "nowhere")])
    assert res.exit_code == 1
    assert res.output.startswith("Error: ") and res.output.count("\n") == 1
    assert "Traceback" not in res.output


@pytest.mark.slow
def test_eval_babe_subprocess(data_dir):
    proc = run_framing("eval", "babe", str(data_dir / "babe"), "--limit", "150", "--format", "json",
                       "--bootstrap", "20")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["data"]["sentences"] == 150


@pytest.mark.slow
def test_eval_grouping_with_and_without_dates(data_dir):
    res = CliRunner().invoke(cli, ["eval", "grouping", str(data_dir / "neus-allsides"), "--format", "json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    assert out["with_dates"]["f1"] > out["without_dates"]["f1"]


# -- sentence models -----------------------------------------------------------------

@pytest.fixture()
def labelled_csv(data_dir, tmp_path):
    """A user's labelled file, made in a temporary folder from BABE rows (never in the repo)."""
    rows = load_babe(data_dir / "babe", limit=300)
    path = tmp_path / "my-labels.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["sentence", "label"])
        for r in rows:
            w.writerow([r.text, "biased" if r.biased else "neutral"])
    return path


def test_model_train_saves_json_with_digest_in_data_folder(labelled_csv, tmp_path, monkeypatch):
    monkeypatch.setenv("FRAMING_HOME", str(tmp_path / "home"))
    args = ["model", "train", str(labelled_csv), "--text-column", "sentence", "--label-column", "label"]
    res = CliRunner().invoke(cli, args)
    assert res.exit_code == 0, res.output
    saved = tmp_path / "home" / "models" / "my-labels.json"
    data = json.loads(saved.read_text(encoding="utf-8"))
    texts, labels, _, _ = sm.read_labelled(labelled_csv, "sentence", "label")
    assert data["training"]["digest"] == sm.training_digest(texts, labels)
    assert data["training"]["sentences"] == 300
    assert not list((tmp_path / "home").rglob("*.pkl"))
    first = saved.read_bytes()
    assert CliRunner().invoke(cli, args).exit_code == 0
    assert saved.read_bytes() == first  # deterministic
    model = sm.load("my-labels")
    p = model.probability(texts[0])
    assert 0.0 <= p <= 1.0
    res = CliRunner().invoke(cli, ["model", "score", "my-labels", texts[0]])
    assert res.exit_code == 0 and json.loads(res.output)["probability"] == round(p, 4)


def test_model_train_reports_a_missing_column(labelled_csv):
    res = CliRunner().invoke(cli, ["model", "train", str(labelled_csv), "--text-column", "text",
                                   "--label-column", "label"])
    assert res.exit_code == 1 and "no column 'text'" in res.output and "Traceback" not in res.output


def _spreadsheet_copy(labelled_csv, path, *, delimiter: str, encoding: str, extra_rows=()):
    """The user's labelled file as a spreadsheet saves it in another locale."""
    with labelled_csv.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    with path.open("w", encoding=encoding, newline="") as fh:
        csv.writer(fh, delimiter=delimiter).writerows(rows[:1] + list(extra_rows) + rows[1:])
    return path


@pytest.mark.parametrize("delimiter, encoding", [
    (";", "utf-8-sig"),   # Excel's "CSV UTF-8" in a locale with a decimal comma
    ("\t", "utf-16"),     # Excel's "Unicode text"
    (";", "cp1252"),      # Excel's "CSV" on Windows in such a locale
])
def test_labelled_file_saved_by_a_spreadsheet_reads_the_same_sentences(labelled_csv, tmp_path, delimiter, encoding):
    with labelled_csv.open(encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.reader(fh) if "".join(r).encode(encoding, "ignore").decode(encoding) == "".join(r)]
    assert len(rows) > 200  # the encoding can write nearly every sentence
    reference, saved = tmp_path / "reference.csv", tmp_path / "saved.csv"
    for path, delim, enc in ((reference, ",", "utf-8"), (saved, delimiter, encoding)):
        with path.open("w", encoding=enc, newline="") as fh:
            csv.writer(fh, delimiter=delim).writerows(rows)
    expected = sm.read_labelled(reference, "sentence", "label")
    assert sm.read_labelled(saved, "sentence", "label") == expected


def test_labelled_file_keeps_a_cell_with_a_line_break_and_counts_rows_passed_over(labelled_csv, tmp_path, monkeypatch):
    monkeypatch.setenv("FRAMING_HOME", str(tmp_path / "home"))
    saved = _spreadsheet_copy(labelled_csv, tmp_path / "gaps.csv", delimiter=",", encoding="utf-8", extra_rows=[
        ["The first line of a cell\nand its second line.", "biased"], ["", "biased"], ["no label for this", ""]])
    got = sm.read_labelled(saved, "sentence", "label")
    assert got.texts[0] == "The first line of a cell\nand its second line."
    assert got.skipped == 2
    res = CliRunner().invoke(cli, ["model", "train", str(saved), "--text-column", "Sentence ",
                                   "--label-column", "LABEL"])
    assert res.exit_code == 0, res.output
    assert f"note: {saved}: 2 rows without a sentence or a label passed over" in res.output


def test_labelled_file_with_one_kind_of_label_says_so(labelled_csv, tmp_path):
    with labelled_csv.open(encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.reader(fh) if r[1] != "neutral"]
    one = tmp_path / "one.csv"
    with one.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    res = CliRunner().invoke(cli, ["model", "train", str(one), "--text-column", "sentence", "--label-column", "label"])
    assert res.exit_code == 1 and "Traceback" not in res.output
    assert res.output == (f"Error: {one}: column 'label' has only the value 'biased': "
                          "a model needs sentences labelled both ways\n")


def test_model_explains_with_words():
    texts = ["The senator's disastrous plan failed.", "The council met on Monday.",
             "A disastrous, shameful vote.", "The vote is on Tuesday."] * 5
    labels = [True, False, True, False] * 5
    m = sm.train(texts, labels, name="t", use_lexicon=False)
    words = [w["feature"] for w in m.explain("Another disastrous decision.")]
    assert "disastrous" in words


def test_unknown_model_is_one_line(tmp_path, monkeypatch):
    monkeypatch.setenv("FRAMING_HOME", str(tmp_path))
    res = CliRunner().invoke(cli, ["model", "score", "nope", "x"])
    assert res.exit_code == 1 and res.output.startswith("Error: ") and "nope" in res.output


@pytest.mark.slow
def test_run_with_sentence_model_gives_a_second_opinion(labelled_csv, seeds_dir, tmp_path):
    """As a real subprocess: train on a user's labels, then run on the seeds with it."""
    env = {"FRAMING_HOME": str(tmp_path / "home")}
    proc = run_framing("model", "train", str(labelled_csv), "--text-column", "sentence",
                       "--label-column", "label", "--name", "mine", env=env)
    assert proc.returncode == 0, proc.stderr
    out = tmp_path / "out"
    proc = run_framing("run", str(seeds_dir), "--out", str(out), "--sentence-model", "mine", env=env)
    assert proc.returncode == 0, proc.stderr
    opinion = json.loads((out / "sentence-model.json").read_text(encoding="utf-8"))
    assert opinion["model"]["name"] == "mine" and opinion["sentences"] > 20
    flagged = [r for r in opinion["rows"] if r["biased"]]
    assert flagged and all(r["words"] for r in flagged)
    assert any(r["lexicon_hits"] for r in opinion["rows"])
    assert "sentence model mine:" in proc.stderr


@pytest.mark.slow
def test_run_with_missing_sentence_model_is_one_line(seeds_dir, tmp_path):
    proc = run_framing("run", str(seeds_dir), "--out", str(tmp_path / "o"), "--sentence-model", "nope",
                       env={"FRAMING_HOME": str(tmp_path)})
    assert proc.returncode == 1
    assert proc.stderr.strip().startswith("Error: ") and len(proc.stderr.strip().splitlines()) == 1


def test_library_run_with_a_sentence_model_writes_the_same_second_opinion(labelled_csv, seeds_dir, tmp_path):
    """framing.run(sentence_model=...) from Python: the opinion is returned and
    written beside the reports, and equals second_opinion on the run's store."""
    import framing
    from framing.store import Store

    texts, labels, _, _ = sm.read_labelled(labelled_csv, "sentence", "label")
    model = sm.train(texts, labels, name="mine")
    result = framing.run([seeds_dir], out=tmp_path / "out", sentence_model=model, charts="none")
    path = tmp_path / "out" / "sentence-model.json"
    assert path in result.written
    assert json.loads(path.read_text(encoding="utf-8")) == result.opinion
    with Store(tmp_path / "out" / "framing.db", readonly=True) as store:
        assert sm.second_opinion(store, model) == result.opinion
    assert result.opinion["model"]["name"] == "mine" and result.opinion["sentences"] > 20


def test_library_run_with_an_unknown_sentence_model_fails_before_any_work(seeds_dir, tmp_path, monkeypatch):
    import framing

    monkeypatch.setenv("FRAMING_HOME", str(tmp_path / "home"))
    with pytest.raises(sm.ModelError):
        framing.run([seeds_dir], out=tmp_path / "out", sentence_model="nope")
    assert not (tmp_path / "out").exists()
