"""Lexicon files: the shipped ones load and are complete; malformed user files
fail with one line naming file and line; user folders extend and override."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from framing.detect import load_lexicon
from framing.errors import LexiconError
from framing.models import CATEGORIES

GOOD_ENTRY = """\
entries:
  - term: glorious homeland
    category: promotional
    explanation: Praise for a country in the outlet's voice.
    neutral: the country
    examples:
      loaded:
        - Velmora is our glorious homeland.
"""


def _write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def _error(folder: Path) -> LexiconError:
    with pytest.raises(LexiconError) as info:
        load_lexicon([folder])
    message = str(info.value)
    assert "\n" not in message
    return info.value


def test_shipped_lexicon_loads_and_is_complete():
    lexicon = load_lexicon()
    assert re.fullmatch(r"[0-9a-f]{12}", lexicon.version)
    assert load_lexicon().version == lexicon.version
    for category in CATEGORIES:
        assert lexicon.categories[category], category
    for entry in lexicon.entries:
        assert entry.explanation and entry.neutral
        assert any(ex.loaded for ex in entry.examples)
    assert "scare quotes" in lexicon and "so-called" in lexicon
    assert lexicon.entry("Zionist regime").refers_to == "Israel"
    assert lexicon.entry("mullahs").refers_to == "Iran's leadership"
    assert lexicon.path_of(lexicon.entry("regime")).endswith(f"labeling.yaml:{lexicon.entry('regime').line}")


def test_bad_yaml_names_file_and_line(tmp_path):
    path = _write(tmp_path / "lex", "bad.yaml", """\
        entries:
          - term: x
            category: [unclosed
            explanation: y
        """)
    err = _error(tmp_path / "lex")
    assert str(err).startswith(f"{path}:")
    assert err.line in (3, 4, 5) and "invalid YAML" in err.problem


def test_missing_category_names_the_entry_line(tmp_path):
    path = _write(tmp_path / "lex", "missing.yaml", GOOD_ENTRY + """\
          - term: beloved leader
            explanation: Praise.
            neutral: the leader
            examples:
              loaded: [Our beloved leader spoke.]
        """.replace("          ", "  ", 1).replace("\n          ", "\n  "))
    err = _error(tmp_path / "lex")
    assert str(err) == f"{path}:9: entry for 'beloved leader' has no 'category'"


def test_unknown_category_names_its_line(tmp_path):
    path = _write(tmp_path / "lex", "unknown.yaml", GOOD_ENTRY.replace("category: promotional", "category: praise"))
    err = _error(tmp_path / "lex")
    assert str(err).startswith(f"{path}:3: unknown category 'praise'")


def test_unknown_field_and_example_without_term(tmp_path):
    path = _write(tmp_path / "a", "typo.yaml", GOOD_ENTRY.replace("neutral:", "neutrl:"))
    assert str(_error(tmp_path / "a")).startswith(f"{path}:5: unknown field 'neutrl'")
    path = _write(tmp_path / "b", "example.yaml", GOOD_ENTRY.replace("our glorious homeland", "our home"))
    assert str(_error(tmp_path / "b")).startswith(f"{path}:8: example does not contain 'glorious homeland'")


def test_missing_folder(tmp_path):
    with pytest.raises(LexiconError, match="no such lexicon folder"):
        load_lexicon([tmp_path / "nope"])


def test_user_folder_extends_and_overrides(tmp_path):
    shipped = load_lexicon()
    _write(tmp_path / "lex", "mine.yaml", GOOD_ENTRY + """\
  - term: regime
    category: labeling
    explanation: My own explanation.
    neutral: government
    examples:
      loaded: [The Velmoran regime fell.]
""")
    lexicon = load_lexicon([tmp_path / "lex"])
    assert lexicon.version != shipped.version
    assert lexicon.entry("glorious homeland").category == "promotional"
    assert lexicon.entry("regime").explanation == "My own explanation."
    assert lexicon.entry("regime").variants == ()
    assert len(lexicon) == len(shipped) + 1


def test_duplicate_terms_in_one_folder(tmp_path):
    _write(tmp_path / "lex", "a.yaml", GOOD_ENTRY)
    path = _write(tmp_path / "lex", "b.yaml", GOOD_ENTRY)
    assert str(_error(tmp_path / "lex")).startswith(f"{path}:2: term 'glorious homeland' is already defined")


def test_spaced_false_needs_the_hyphen_of_a_hyphenated_form(tmp_path):
    """By default a hyphenated form also matches spaced ("so called"); with
    ``spaced: false`` it needs its hyphen: "would-be" is distancing, the verb
    phrase "would be" is not even a candidate."""
    from framing.detect import Detector
    from framing.models import Article

    shipped = load_lexicon()
    assert shipped.entry("alleged").spaced is False and shipped.entry("so-called").spaced is True
    matcher = Detector(shipped).term_matcher

    def found(text: str) -> list[str]:
        return [text[m.start:m.end] for m in matcher.find(text)]

    assert found("The would-be mediator left; talks would be held on Monday.") == ["would-be"]
    assert found("The would\u2011be mediator left.") == ["would\u2011be"]
    assert found("A so called reform and a so-called reform.") == ["so called", "so-called"]
    # the mirror: the same entry in a user lexicon without the field matches spaced
    _write(tmp_path / "lex", "mine.yaml", """\
entries:
  - term: would-be
    category: distancing
    explanation: Doubt about a role.
    neutral: the candidate
    examples:
      loaded: [The would-be reformers met.]
""")
    mine = Detector(load_lexicon([tmp_path / "lex"])).term_matcher
    assert [m.key for m in mine.find("talks would be held")] == ["would be"]
    text = "The would-be reformers met; talks would be held."
    assert [h.text for h in Detector(shipped).fit().detect(Article(source="t", body=text, id=0))
            if h.term == "alleged"] == ["would-be"]


def test_spaced_must_be_true_or_false(tmp_path):
    path = _write(tmp_path / "lex", "bad.yaml", GOOD_ENTRY.replace("category: promotional",
                                                                   "category: promotional\n    spaced: sometimes"))
    assert str(_error(tmp_path / "lex")).startswith(f"{path}:4: spaced must be true or false")


def test_the_version_covers_the_detection_rules_and_the_scare_quote_data(tmp_path, monkeypatch):
    """The analyzer version (which decides whether a store is analysed again)
    changes with the files of lexicons/scare/ and with DETECTION_VERSION, not
    only with the entries' YAML files."""
    import shutil

    import framing.detect.lexicon as lx
    from framing.resources import lexicon_dir

    copy = tmp_path / "lexicons"
    shutil.copytree(str(lexicon_dir()), copy)
    monkeypatch.setattr(lx, "lexicon_dir", lambda: copy)

    def version() -> str:
        lx._BUILT.clear()
        return lx.read_lexicon().version

    before = version()
    assert version() == before
    weights = copy / "scare" / "evidence.json"
    weights.write_text(weights.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    after_data = version()
    assert after_data != before
    monkeypatch.setattr(lx, "DETECTION_VERSION", lx.DETECTION_VERSION + ".1")
    assert version() not in (before, after_data)
    lx._BUILT.clear()
