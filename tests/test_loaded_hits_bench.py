"""Round 38 (words38b): benchmarks/loaded_hits_abp.py's ``--zyte`` source reads
the article-extraction benchmark's ``ground-truth.json`` (bodies only) and its
``--judged`` file leaves judged hits out of a new draw, on invented pages."""

from __future__ import annotations

import json

import pytest
from conftest import benchmark_module


#: Invented English prose (fictional places), long enough for the English test;
#: "so-called" is a written loaded entry in the outlet's voice.
LOADED = ("The council of Kesh met on Monday to vote on the plan for the harbour. The mayor "
          "slammed the so-called reform of the port, and the vote was put off for a week. ") * 4
PLAIN = ("The council of Kesh met on Monday to vote on the plan for the harbour, and the "
         "mayor said that it was a good day for the port. ") * 6
GERMAN = ("Der Rat von Kesh hat am Montag über den Plan für den Hafen abgestimmt, und der "
          "Bürgermeister sagte, dass es ein guter Tag für den Hafen sei. ") * 6


@pytest.fixture(scope="module")
def bench():
    with benchmark_module("loaded_hits_abp") as module:
        yield module


def _truth(tmp_path):
    path = tmp_path / "ground-truth.json"
    path.write_text(json.dumps({
        "aaaaaaaaaaaaaaaa": {"articleBody": LOADED, "url": "https://kesh.example/1"},
        "bbbbbbbbbbbbbbbb": {"articleBody": PLAIN, "url": "https://kesh.example/2"},
        "cccccccccccccccc": {"articleBody": GERMAN, "url": "https://kesh.example/3"},
    }), encoding="utf-8")
    return path


def test_zyte_reads_english_bodies_and_samples_their_loaded_hits(bench, tmp_path, capsys):
    hits = tmp_path / "hits.tsv"
    assert bench.main(["--zyte", str(_truth(tmp_path)), "--n", "3", "--seed", "1",
                       "--hits", str(hits)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("2 pages, ")  # the German page is left out
    rows = [line.split("\t") for line in hits.read_text(encoding="utf-8").splitlines()]
    assert rows and {r[0] for r in rows} == {"aaaaaaaaaaaa"}  # the key's first 12 characters
    assert "so-called" in {r[5].lower() for r in rows}
    assert "sample of 3, seed 1" in out


def test_judged_hits_are_counted_and_left_out_of_a_new_draw(bench, tmp_path, capsys):
    truth = _truth(tmp_path)
    hits = tmp_path / "hits.tsv"
    bench.main(["--zyte", str(truth), "--n", "0", "--hits", str(hits)])
    rows = [line.split("\t") for line in hits.read_text(encoding="utf-8").splitlines()]
    judged = tmp_path / "judged.tsv"
    first = rows[0]
    judged.write_text("page\tfield\toffset\tword\tentry\tjudgement\tvoice judged\tdraw\n"
                      f"{first[0]}\t{first[3]}\t{first[4]}\t{first[5]}\t{first[7]}\tright\t"
                      "narration\t1\n", encoding="utf-8")
    capsys.readouterr()
    bench.main(["--zyte", str(truth), "--judged", str(judged), "--n", str(len(rows))])
    out = capsys.readouterr().out
    assert "judged before: 1, still hits 1 (right 1)" in out
    assert f"sample of {len(rows) - 1}, seed" in out


def _page(title: str, body: str) -> str:
    return (f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
            f"<p>{body}</p></article></body></html>")


def test_trafilatura_reads_english_pages_through_the_html_loader(bench, tmp_path, capsys):
    """Round 39 (words39): ``--trafilatura`` reads the evaluation set's saved pages
    (``evaldata.json`` naming files in ``eval/`` or ``cache/``) through framing's
    HTML loader, keeps the English ones, and IDs each row by its file name."""
    (tmp_path / "eval").mkdir()
    (tmp_path / "cache").mkdir()
    (tmp_path / "eval" / "kesh.example.harbour.html").write_text(
        _page("Harbour vote put off in Kesh", LOADED), encoding="utf-8")
    (tmp_path / "cache" / "kesh.example.plain.html").write_text(
        _page("Kesh council meets", PLAIN), encoding="utf-8")
    (tmp_path / "eval" / "kesh.example.de.html").write_text(
        _page("Hafen in Kesh", GERMAN), encoding="utf-8")
    (tmp_path / "evaldata.json").write_text(json.dumps({
        f"https://kesh.example/{n}": {"file": f"kesh.example.{n}.html", "with": [], "without": []}
        for n in ("harbour", "plain", "de")}), encoding="utf-8")
    hits = tmp_path / "hits.tsv"
    assert bench.main(["--trafilatura", str(tmp_path), "--n", "2", "--seed", "1",
                       "--hits", str(hits)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("2 pages, ")  # the German page is left out; the cached one read
    rows = [line.split("\t") for line in hits.read_text(encoding="utf-8").splitlines()]
    assert rows and {r[0] for r in rows} == {"kesh.example.harbour"}
    assert "so-called" in {r[5].lower() for r in rows}


def _story(sid: int, sides: dict[str, tuple[str, str]]) -> str:
    return json.dumps({"id": sid, "issue": "Harbour vote", "date": "2021-05-04", "news": {
        side: {"newsSource": outlet, "newsTitle": "Kesh harbour vote", "newBody": [body]}
        for side, (outlet, body) in sides.items()}})


def test_neus_keeps_each_articles_side_as_its_leaning(bench, tmp_path, capsys):
    """Round 40 (words40): ``--neus`` reads NeuS-AllSides' same-story sets
    through the shared page path, keeps each article's side as its leaning and
    its outlet as its source, prints hits per 1,000 words by leaning, and
    ``--stratify`` draws equal shares from each leaning."""
    path = tmp_path / "headline_crawled_all.jsonl"
    path.write_text("\n".join([
        _story(1, {"left": ("Kesh Left Daily", LOADED), "center": ("Kesh Wire", PLAIN),
                   "right": ("Kesh Right Post", LOADED)}),
        _story(2, {"left": ("Kesh Left Daily", LOADED), "right": ("Kesh Right Post", LOADED)}),
    ]) + "\n", encoding="utf-8")
    hits = tmp_path / "hits.tsv"
    assert bench.main(["--neus", str(path), "--n", "0", "--hits", str(hits)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("5 articles, ")
    rows = [line.split("\t") for line in hits.read_text(encoding="utf-8").splitlines()]
    assert {(r[0], r[1], r[2]) for r in rows} == {
        ("1/left", "Kesh Left Daily", "left"), ("1/right", "Kesh Right Post", "right"),
        ("2/left", "Kesh Left Daily", "left"), ("2/right", "Kesh Right Post", "right")}
    table = {line.split(" | ")[0]: line for line in out.splitlines() if " | " in line}
    words = len(PLAIN.split()) + 3  # the plain body and its title
    assert table["center"].startswith(f"center | {words} | 0.00, ")
    assert table["left"].split(" | ")[2] == table["right"].split(" | ")[2] != "0.00"
    assert bench.main(["--neus", str(path), "--n", "2", "--stratify", "--seed", "3"]) == 0
    assert "sample of 2, seed 3, left 1, right 1" in capsys.readouterr().out
