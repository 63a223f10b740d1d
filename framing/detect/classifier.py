"""The in-context classifier: is this use of a lexicon term loaded?

A lexicon match is only a candidate. "Regime" is a label in "the Velmoran
regime" and a plain word in "a strict training regime"; "so-called" is
distancing before "Harbour Accords" and harmless before "greenhouse effect".
A logistic regression judges each candidate from its sentence:

* the lexicon entry and its category (every entry starts with its own prior);
* the words around the hit (±3 tokens, lowercase), by position, and those of
  four letters or more as a bag; the words next to it paired with the entry;
* capitalisation of the hit and its neighbours (ignored in headlines set in
  Title Case), whether "the" comes before it;
* for scare quotes, the number and capitalisation of the quoted words.

The voice (narration, quote, reported) is recorded with every hit but is not
a feature: whether a word is loaded is a property of the words in context,
and who says them is reported separately. (In the training data, where most
sentences are narration, a voice feature only learned a spurious bias.)

Training data ships with framing: every lexicon example sentence plus the
annotated file ``framing/data/annotated.tsv``. Training is deterministic
(liblinear, fixed ``random_state``) and takes well under a second; the fitted
model is kept as JSON (feature names, coefficients, intercept) in the
store's ``cache`` table, keyed by a digest of the training data, the lexicon
version and the feature code version. Probabilities are computed from that
JSON in plain Python, so a cached and a fresh model score identically.

``python -m framing.detect.classifier --cv`` prints the cross-validated
accuracy reported in ``docs/lexicons.md``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import LexiconError
from ..resources import data_file
from .lexicon import Entry, Lexicon, load_lexicon
from .matcher import find_terms
from .text import QUOTE_CHARS, is_title_case, is_word, token_spans
from .scare import context_features
from .voice import VoiceMap

#: Bump when the features change: cached models keyed on it are retrained.
FEATURE_VERSION = "7"
THRESHOLD = 0.5
ANNOTATED = "annotated.tsv"
_MODEL_PARAMS = {"C": 4.0, "solver": "liblinear", "class_weight": "balanced", "random_state": 0}
_WINDOW = 3


@dataclass
class Candidate:
    """A lexicon match in a text, before the classifier's decision."""

    start: int
    end: int
    entry: Entry
    voice: str
    speaker: str | None
    features: dict[str, float]


# -- candidates and features -------------------------------------------------

def _tok(word: str) -> str:
    if all(ch in QUOTE_CHARS for ch in word):
        return '"'
    w = word.lower()
    return "".join("0" if ch.isdigit() else ch for ch in w)


def scare_entry(lexicon: Lexicon) -> Entry | None:
    return next((e for e in lexicon.entries if e.match == "scare-quotes"), None)


def candidates(text: str, lexicon: Lexicon, vm: VoiceMap | None = None) -> list[Candidate]:
    """Every candidate hit in ``text``: term matches and scare quotes, by position."""
    if not text:
        return []
    vm = vm or VoiceMap(text, lexicon=lexicon)
    out = []
    for start, end, entry in find_terms(text, lexicon):
        voice, speaker = vm.voice(start, end)
        if voice == "reported" and _outlets_own_words(text, start, end, entry, vm):
            voice, speaker = "narration", None
        out.append(Candidate(start, end, entry, voice, speaker,
                             features(text, start, end, entry, voice, vm)))
    sq = scare_entry(lexicon)
    if sq is not None:
        for s in vm.scare_quotes():
            out.append(Candidate(s.start, s.end, sq, "narration", None,
                                 features(text, s.start, s.end, sq, "narration", vm,
                                          inner=(s.inner_start, s.inner_end))))
    out.sort(key=lambda c: (c.start, c.end, c.entry.id))
    return out


def _outlets_own_words(text: str, start: int, end: int, entry: Entry, vm: VoiceMap) -> bool:
    """Reported speech paraphrases: the words are the outlet's, the content the
    speaker's. Three kinds of words in a reported clause are the outlet's own
    choice, not the speaker's: the verb that reports the speech ("claimed",
    "insisted": choosing it frames the speaker), distancing words (the
    writer's doubt about a name, as scare quotes are), and an aside the writer
    sets off with dashes or brackets ("X said the Guard — a militia whose
    thugs ... — must go")."""
    if entry.category == "distancing":
        return True
    if any(m.start <= start and end <= m.end and m.key.split(":", 1)[0] in ("verb", "participle")
           for m in vm.cue_hits):
        return True
    sa, _sb = vm.sentence_of(start)
    before = text[sa:start]
    for opener, closer in (("—", "—"), ("–", "–"), ("(", ")"), (" - ", " - ")):
        if before.count(opener) % 2 == 1 if opener == closer else before.count(opener) > before.count(closer):
            return True
    return False


def features(text: str, start: int, end: int, entry: Entry, voice: str, vm: VoiceMap,
             inner: tuple[int, int] | None = None) -> dict[str, float]:
    """The feature dict of one candidate (see the module docstring)."""
    sa, sb = vm.sentence_of(start)
    sb = max(sb, end)
    toks = token_spans(text, sa, sb)
    before = [text[a:b] for a, b in toks if b <= start][-_WINDOW:]
    after = [text[a:b] for a, b in toks if a >= end][:_WINDOW]
    headline = is_title_case(text[sa:sb])
    eid = entry.id
    f: dict[str, float] = {
        f"entry={eid}": 1.0,
        f"cat={entry.category}": 1.0,
        f"form={' '.join(_tok(text[a:b]) for a, b in token_spans(text, start, end))}": 1.0,
    }
    left = ["<s>"] * (_WINDOW - len(before)) + [_tok(w) for w in before]
    right = [_tok(w) for w in after] + ["</s>"] * (_WINDOW - len(after))
    # Context words count only paired with the entry: "regime" after "sanctions",
    # "so-called" before "effect". Context words shared by all entries learned the
    # style of the hand-written training sentences, not loadedness, and did not
    # carry over to real news (BABE: F1 0.44 with them, 0.56 without).
    f[f"e={eid}|w-1={left[-1]}"] = 1.0
    f[f"e={eid}|w-2={left[-2]}"] = 1.0
    f[f"e={eid}|w+1={right[0]}"] = 1.0
    f[f"e={eid}|w+2={right[1]}"] = 1.0
    if left[-1] == "the":
        f["prev_the"] = 1.0
    if headline:
        f["headline"] = 1.0
    else:
        sentence_initial = not before
        hit = text[start:end].lstrip(QUOTE_CHARS)
        if hit[:1].isupper() and not sentence_initial:
            f["hit_cap"] = 1.0
        if before and before[-1][:1].isupper() and len(before) > 1:
            f["prev_cap"] = 1.0
        if after and after[0][:1].isupper():
            f["next_cap"] = 1.0
    if inner is not None:
        words = [text[a:b] for a, b in token_spans(text, *inner) if is_word(text[a:b])]
        f[f"sq_words={min(len(words), 4)}"] = 1.0
        if words and words[0][:1].isupper() and not headline:
            f["sq_cap"] = 1.0
        for w in words:
            f[f"inner={_tok(w)}"] = 1.0
        f.update(context_features(vm, start, end, inner))
    return f


# -- training data -----------------------------------------------------------

@dataclass(frozen=True)
class Item:
    """One labelled candidate: where it came from, its features and label."""

    source: str
    features: dict[str, float]
    label: int


def _marked(line: str, path: str, lineno: int) -> tuple[str, int, int]:
    a = line.find("[[")
    b = line.find("]]")
    if a < 0 or b < a or line.find("[[", a + 2) >= 0:
        raise LexiconError(path, "mark the candidate with exactly one [[...]]", lineno)
    return line[:a] + line[a + 2:b] + line[b + 2:], a, b - 2


def annotated_text() -> str:
    return data_file(ANNOTATED).read_text(encoding="utf-8")


def training_items(lexicon: Lexicon, annotated: str | None = None) -> list[Item]:
    """Labelled candidates from the lexicon's examples and the annotated file."""
    items: list[Item] = []
    for e in lexicon.entries:
        for ex in e.examples:
            for c in candidates(ex.text, lexicon):
                if c.entry.id == e.id:
                    items.append(Item(f"{ex.path}:{ex.line}", c.features, int(ex.loaded)))
    text = annotated_text() if annotated is None else annotated
    path = f"framing/data/{ANNOTATED}"
    for lineno, raw in enumerate(text.splitlines(), 1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        label, _, marked = raw.partition("\t")
        if label.strip() not in ("0", "1") or not marked.strip():
            raise LexiconError(
                path, "expected: 1 or 0, a tab, a sentence with [[the candidate]]", lineno)
        sentence, a, b = _marked(marked.strip(), path, lineno)
        found = [c for c in candidates(sentence, lexicon) if c.start == a and c.end == b]
        if not found:
            got = ", ".join(repr(sentence[c.start:c.end])
                            for c in candidates(sentence, lexicon)) or "none"
            raise LexiconError(
                path, f"[[{sentence[a:b]}]] is not a candidate (candidates: {got})", lineno)
        items.append(Item(f"{path}:{lineno}", found[0].features, int(label.strip())))
    return items


def training_digest(lexicon: Lexicon, items: Sequence[Item]) -> str:
    h = hashlib.sha256()
    params = json.dumps(_MODEL_PARAMS, sort_keys=True)
    h.update(f"{FEATURE_VERSION}\0{lexicon.version}\0{params}\0".encode())
    for it in items:
        h.update(json.dumps([it.label, sorted(it.features)], ensure_ascii=False).encode() + b"\n")
    return h.hexdigest()[:12]


# -- the model -----------------------------------------------------------------

class LinearModel:
    """A fitted logistic regression as plain data: ``weights`` by feature name."""

    def __init__(self, data: dict[str, Any]):
        self.data = data
        self.version: str = data["version"]
        self.intercept: float = float(data["intercept"])
        self.weights: dict[str, float] = dict(zip(data["features"], data["coef"]))

    def probability(self, feats: dict[str, float]) -> float:
        z = self.intercept
        for name in sorted(feats):
            w = self.weights.get(name)
            if w is not None:
                z += w * feats[name]
        return 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0

    def explain(self, feats: dict[str, float], top: int = 6) -> list[tuple[str, float]]:
        """The features that pushed this decision most, for debugging a lexicon."""
        parts = [(n, self.weights.get(n, 0.0) * v) for n, v in feats.items()]
        return sorted(parts, key=lambda p: -abs(p[1]))[:top]


def fit(items: Sequence[Item], version: str = "") -> LinearModel:
    """Fit the logistic regression on labelled items; deterministic."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer(sort=True)
    X = vec.fit_transform([it.features for it in items]).toarray()
    y = [it.label for it in items]
    if len(set(y)) < 2:
        raise LexiconError("lexicon", "the training data needs both loaded and not-loaded examples")
    clf = LogisticRegression(**_MODEL_PARAMS).fit(X, y)
    return LinearModel({
        "version": version,
        "features": [str(n) for n in vec.get_feature_names_out()],
        "coef": [float(c) for c in clf.coef_[0]],
        "intercept": float(clf.intercept_[0]),
        "examples": len(items),
    })


def get_classifier(lexicon: Lexicon, store: Any = None) -> LinearModel:
    """The classifier for a lexicon: from the store's JSON cache when it has
    this exact model, else trained (and cached when a store is given)."""
    cached = lexicon.cache.get("classifier")
    if cached is not None:
        return cached
    items = training_items(lexicon)
    version = training_digest(lexicon, items)
    key = f"classifier:{version}"
    data = store.cache_get(key) if store is not None else None
    if data is not None and data.get("version") == version:
        model = LinearModel(data)
    else:
        model = fit(items, version)
        # Round-trip through JSON so fresh and cached models are the same floats.
        model = LinearModel(json.loads(json.dumps(model.data)))
        if store is not None:
            store.cache_put(key, model.data)
    lexicon.cache["classifier"] = model
    return model


# -- evaluation ------------------------------------------------------------------

def cross_validate(lexicon: Lexicon | None = None, *, folds: int = 5,
                   seed: int = 0) -> dict[str, Any]:
    """Stratified k-fold accuracy of the classifier on the shipped training data,
    with two baselines: always "loaded", and the entry alone (each entry's
    majority label in the training folds, no context)."""
    from sklearn.model_selection import StratifiedKFold

    lexicon = lexicon or load_lexicon()
    items = training_items(lexicon)
    y = [it.label for it in items]
    skf = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    correct = correct_entry = 0
    tp = fp = fn = 0
    for train_idx, test_idx in skf.split([[0]] * len(items), y):
        model = fit([items[i] for i in train_idx])
        votes: dict[str, list[int]] = {}
        for i in train_idx:
            votes.setdefault(_entry_key(items[i]), []).append(y[i])
        for i in test_idx:
            pred = model.probability(items[i].features) >= THRESHOLD
            correct += pred == bool(y[i])
            tp += pred and y[i] == 1
            fp += pred and y[i] == 0
            fn += (not pred) and y[i] == 1
            v = votes.get(_entry_key(items[i]), [1])
            correct_entry += (2 * sum(v) >= len(v)) == bool(y[i])
    n = len(items)
    return {
        "examples": n,
        "loaded": sum(y),
        "not_loaded": n - sum(y),
        "folds": folds,
        "seed": seed,
        "accuracy": round(correct / n, 4),
        "precision_loaded": round(tp / (tp + fp), 4) if tp + fp else 0.0,
        "recall_loaded": round(tp / (tp + fn), 4) if tp + fn else 0.0,
        "baseline_always_loaded": round(sum(y) / n, 4),
        "baseline_entry_only": round(correct_entry / n, 4),
    }


def _entry_key(item: Item) -> str:
    return next(k for k in item.features if k.startswith("entry="))


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m framing.detect",
        description="Train or evaluate the loaded-language classifier.")
    parser.add_argument("--cv", action="store_true", help="print 5-fold cross-validated accuracy")
    parser.add_argument("--lexicon-dir", action="append", default=[], help="extra lexicon folder")
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args(list(argv) if argv is not None else None)
    lexicon = load_lexicon(args.lexicon_dir)
    if args.cv:
        print(json.dumps(cross_validate(lexicon, folds=args.folds), indent=2, sort_keys=True))
    else:
        model = get_classifier(lexicon)
        print(json.dumps({"version": model.version, "examples": model.data["examples"],
                          "features": len(model.weights), "lexicon_version": lexicon.version},
                         indent=2, sort_keys=True))
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
