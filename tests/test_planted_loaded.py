"""The demo corpus's answer key for loaded language (``corpus/planted.yaml``):
every planted loaded term is found, loaded, with the right category and voice,
and none of its ``not_loaded`` uses is flagged. Nothing here names a text:
the key says what to look for and where."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from framing.detect import Detector, load_lexicon
from framing.models import Hit
from framing.store import Store

from conftest import copy_store

PLANTED = Path(__file__).resolve().parents[1] / "corpus" / "planted.yaml"
CATEGORY = {"label": "labeling", "attribution": "epistemic", "distancing": "distancing",
            "emotive": "emotive", "promotional": "promotional"}


def _key(article) -> str:
    name = article.source.split("corpus/", 1)[-1]
    return f"{name}#{article.source_id}" if article.source_id else name


@pytest.fixture(scope="module")
def planted():
    return yaml.safe_load(PLANTED.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def demo_articles(demo_db, tmp_path_factory):
    """Key (as planted.yaml writes it) -> (article, its hits)."""
    detector = Detector(load_lexicon()).fit()
    with Store(copy_store(demo_db, tmp_path_factory.mktemp("planted") / "demo.db")) as store:
        articles = list(store.articles())
    return {_key(a): (a, detector.detect(a)) for a in articles}


def _hits_in(article, hits: list[Hit], snippet: str, field: str | None = None) -> list[Hit]:
    """The hits that fall inside the first place ``snippet`` occurs (title, then body)."""
    for fld in (field,) if field else ("title", "body"):
        text = getattr(article, fld) or ""
        at = text.find(snippet)
        if at >= 0:
            return [h for h in hits if h.field == fld and at <= h.start and h.end <= at + len(snippet)]
    raise AssertionError(f"{snippet!r} is not in {article.source}")


def _items(planted):
    for item in planted["loaded_both_sides"] + planted["other_loaded"]:
        yield pytest.param(item, id=f"{item['source']}:{item['term']}:{item['text'][:24]}")


@pytest.mark.parametrize("item", list(_items(yaml.safe_load(PLANTED.read_text(encoding="utf-8")))))
def test_planted_loaded_term_found_with_category_and_voice(item, demo_articles):
    article, hits = demo_articles[item["source"]]
    headline = item.get("voice") == "headline"
    found = _hits_in(article, hits, item["text"], "title" if headline else None)
    want_voice = "narration" if headline else item.get("voice")
    want_cat = CATEGORY[item["category"]]
    matching = [h for h in found if h.loaded and h.category == want_cat]
    assert matching, (item, [(h.text, h.term, h.category, h.loaded, h.probability) for h in found])
    if want_voice is not None:  # the key gives no voice outside the main event
        assert any(h.voice == want_voice for h in matching), (item, [(h.text, h.voice) for h in matching])


def test_planted_promotional_terms_found(planted, demo_articles):
    for item in planted["promotional"]:
        article, hits = demo_articles[item["source"]]
        loaded = [h for h in hits if h.loaded and h.category == "promotional"]
        texts = [h.text.lower() for h in loaded]
        # A term is found when a loaded hit covers it or its head ("warm spirit" of friendship).
        missing = [t for t in item["terms"]
                   if not any(x in t.lower() or t.lower() in x for x in texts)]
        assert not missing, (missing, texts)


def test_planted_not_loaded_uses_are_not_flagged(planted, demo_articles):
    for item in planted["not_loaded"]:
        article, hits = demo_articles[item["source"]]
        found = [h for h in _hits_in(article, hits, item["text"]) if h.loaded]
        assert not found, (item, [(h.text, h.term, h.probability) for h in found])
