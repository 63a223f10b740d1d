"""The explorer pages without a browser: each under the size cap, together
covering every article once, linked from the index, with no network reference."""

from __future__ import annotations

import json

import lxml.html
import pytest

from framing import Store
from framing.detect import load_lexicon
from framing.pipeline import compare_store
from framing.report import explorer, html_pages
from framing.report.pages import MAX_HTML_BYTES

from conftest import copy_store


@pytest.fixture(scope="module")
def demo_report(demo_db, tmp_path_factory):
    with Store(copy_store(demo_db, tmp_path_factory.mktemp("xp") / "demo.db")) as store:
        return compare_store(store, load_lexicon())


def _data(page: str) -> dict:
    doc = lxml.html.document_fromstring(page)
    return json.loads(doc.get_element_by_id("framing-explorer").text)


def test_one_explorer_page_for_a_small_corpus(demo_report):
    pages = dict(html_pages(demo_report))
    assert 'href="explorer.html"' in pages["report.html"]
    names = [n for n in pages if n.startswith("explorer")]
    assert names == ["explorer.html"]
    data = _data(pages["explorer.html"])
    ids = [r[0] for r in data["articles"]]
    assert sorted(ids) == sorted(a["id"] for a in demo_report.articles)
    page = pages["explorer.html"]
    assert "http://" not in page.replace("http://www.w3.org", "") and "https://" not in page
    assert "script-src 'sha256-" in page


def test_a_large_corpus_is_split_into_linked_pages(demo_report, monkeypatch):
    monkeypatch.setattr(explorer, "PAGE_BYTES", 12_000)
    pages = dict(html_pages(demo_report))
    names = [n for n in pages if n.startswith("explorer")]
    assert len(names) >= 3 and names[0] == "explorer.html" and names[1] == "explorer-2.html"
    seen: list[int] = []
    for name in names:
        page = pages[name]
        assert len(page.encode("utf-8")) < MAX_HTML_BYTES
        data = _data(page)
        assert data["pages"] == names
        seen += [r[0] for r in data["articles"]]
        for other in names:
            if other != name:
                assert f'href="{other}"' in page
    assert sorted(seen) == sorted(a["id"] for a in demo_report.articles)


def test_voice_offsets_are_utf16_for_astral_text():
    assert explorer._utf16("abc") is None
    conv = explorer._utf16("a\U0001F600b")
    assert conv == [0, 1, 3, 4]
    assert explorer._flat("a\U0001F600b “x” c", [(5, 6, "quote")]) == [6, 7, 1]


def _reported_text(out) -> list[str]:
    data = _data((out / "explorer.html").read_text(encoding="utf-8"))
    cols = data["columns"]
    texts = []
    for row in data["articles"]:
        body, voices = row[cols.index("body")], row[cols.index("body_voices")]
        texts += [body[voices[k]:voices[k + 1]] for k in range(0, len(voices), 3) if voices[k + 2] == 2]
    return texts


def test_the_explorer_hears_speech_verbs_from_the_users_lexicon(tmp_path):
    """The explorer marks reported speech with the cues of the lexicon the run used,
    not the bundled one: a speech verb given with --lexicon-dir makes what follows it
    reported speech there too."""
    from click.testing import CliRunner

    from framing.cli import cli

    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "manifest.csv").write_text("path,outlet\na.txt,Almera Courier\n", encoding="utf-8")
    (pages / "a.txt").write_text("Weir closed\n\nThe Siran weir was closed on Thursday. Hanne Lund quipped "
                                 "that the weir would stay shut for a month.\n", encoding="utf-8")
    lex = tmp_path / "lex"
    lex.mkdir()
    (lex / "verbs.yaml").write_text("speech_verbs: [quipped]\n", encoding="utf-8")
    runner = CliRunner()
    for args, out in (([], tmp_path / "plain"), (["--lexicon-dir", str(lex)], tmp_path / "user")):
        res = runner.invoke(cli, ["run", str(pages), "--out", str(out), "--charts", "none", *args])
        assert res.exit_code == 0, res.output
    assert not any("would stay shut" in t for t in _reported_text(tmp_path / "plain"))
    assert any("would stay shut" in t for t in _reported_text(tmp_path / "user"))


def test_the_explorer_reads_the_voices_stored_with_each_analysis(demo_report, monkeypatch):
    """Every analysed article's quotation and reported-speech stretches come from
    the store; they are what working them out again gives, and no voice map is
    built at report time."""
    from dataclasses import replace

    from framing.detect import Detector

    assert set(demo_report.voices) == {int(a["id"]) for a in demo_report.articles}
    recomputed = explorer.explorer_rows(replace(demo_report, voices={}))
    assert any(r[8] for r in recomputed)  # the demo has quotations and reported speech

    def no_voice_map(self, text):
        raise AssertionError("a voice map was built at report time")

    monkeypatch.setattr(Detector, "voice_map", no_voice_map)
    assert explorer.explorer_rows(demo_report) == recomputed


def test_analyses_stored_before_voices_are_worked_out_again(demo_db, tmp_path):
    """An analysis stored by a version without the voices column reads back as
    ``voices=None``, and the explorer then works the stretches out itself."""
    with Store(copy_store(demo_db, tmp_path / "old.db")) as store:
        fresh = compare_store(store, load_lexicon())
        store.conn.execute("UPDATE analysis SET voices = NULL")
        store.conn.commit()
        assert all(a.voices is None for a in store.analyses().values())
        old = compare_store(store, load_lexicon())
    assert old.voices == {}
    assert explorer.explorer_rows(old) == explorer.explorer_rows(fresh)
