"""Sentence models trained on the user's own annotations: is this sentence biased?

The lexicon flags words; a sentence model gives a second opinion on a whole
sentence, learned from sentences a user (a teacher, a research group) has
labelled. It is a logistic regression (scikit-learn, liblinear, balanced
class weights) over

* TF-IDF of word unigrams and bigrams (sublinear tf, l2-normalised),
* TF-IDF of character 3–5-grams inside word boundaries (``char_wb``),
* the lexicon's view of the sentence: per category, ``log(1 + n)`` of its
  candidates and of its loaded hits (so the model can lean on the lexicon
  where the user's labels agree with it).

The fitted model is saved as **JSON** — the vocabularies with their idf
weights, the coefficients, the intercept, the settings, the lexicon version
and a SHA-256 digest of the training rows — in the user's data folder
(``$FRAMING_HOME/models``, else ``$XDG_DATA_HOME/framing/models``, else
``~/.local/share/framing/models``). Nothing is pickled. Scoring uses
scikit-learn's analyzers (the same tokenisation the model was fitted with) and
plain Python arithmetic over the JSON, so a saved and a fresh model agree to
the bit.

>>> m = train(["They slammed the disastrous plan.", "The council met on Monday."] * 4,
...           [True, False] * 4, name="demo")
>>> round(m.probability("A disastrous plan."), 2) > round(m.probability("The council met."), 2)
True
"""

from __future__ import annotations

import csv
import hashlib
import json
import io
import math
import os
import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from .errors import FramingError, InputError

FORMAT = "framing-sentence-model/1"
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
WORD: dict[str, Any] = {"analyzer": "word", "ngram_range": (1, 2), "min_df": 2, "lowercase": True}
CHAR: dict[str, Any] = {"analyzer": "char_wb", "ngram_range": (3, 5), "min_df": 3, "lowercase": True}
C = 1.0
POSITIVE_NAMES = ("1", "true", "yes", "biased", "loaded", "bias", "positive")


class ModelError(FramingError):
    """A sentence model cannot be trained, found or read."""


# -- where models live --------------------------------------------------------

def models_dir() -> Path:
    """The user's folder for trained models (not created until a model is saved)."""
    home = os.environ.get("FRAMING_HOME")
    if home:
        return Path(home) / "models"
    xdg = os.environ.get("XDG_DATA_HOME")
    base = Path(xdg) if xdg else Path.home() / ".local" / "share"
    return base / "framing" / "models"


def model_path(name: str) -> Path:
    """The file of a model: ``NAME`` in the models folder, or a path to a ``.json`` file."""
    if name.endswith(".json") or "/" in name or os.sep in name:
        return Path(name)
    if not _NAME.match(name):
        raise ModelError(f"{name!r} is not a model name: use letters, digits, '.', '_' and '-'")
    return models_dir() / f"{name}.json"


# -- features -------------------------------------------------------------------

def _analyzer(params: dict[str, Any]) -> Any:
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(**params).build_analyzer()


def sentence_detector(lexicon_dirs: Sequence[str | Path] = ()
                      ) -> tuple[Callable[[str], list[Any]], dict[str, str]]:
    """A function sentence -> hits through framing's :class:`~framing.detect.Detector`
    (the lexicon extended by ``lexicon_dirs``), and the versions it runs with."""
    from .detect import Detector, load_lexicon
    from .models import Article

    detector = Detector(load_lexicon(lexicon_dirs)).fit()

    def run(text: str) -> list[Any]:
        return detector.detect(Article(source="sentence", body=text, id=0))

    return run, {"lexicon": detector.lexicon.version, "model": detector.model.version}


def lexicon_features(texts: Sequence[str],
                     lexicon_dirs: Sequence[str | Path] = ()) -> list[dict[str, float]]:
    """Per sentence: ``log(1 + n)`` of candidates and of loaded hits per category."""
    detector, _ = sentence_detector(lexicon_dirs)
    out = []
    for t in texts:
        f: dict[str, float] = {}
        for h in detector(t):
            f[f"lex:cand:{h.category}"] = f.get(f"lex:cand:{h.category}", 0.0) + 1
            if h.loaded:
                f[f"lex:loaded:{h.category}"] = f.get(f"lex:loaded:{h.category}", 0.0) + 1
        out.append({k: math.log1p(v) for k, v in sorted(f.items())})
    return out


def _tfidf_rows(texts: Sequence[str], params: dict[str, Any], vocab: dict[str, int],
                idf: Sequence[float]) -> list[dict[int, float]]:
    analyze = _analyzer(params)
    rows = []
    for t in texts:
        counts: dict[int, int] = {}
        for g in analyze(t):
            j = vocab.get(g)
            if j is not None:
                counts[j] = counts.get(j, 0) + 1
        vals = {j: (1 + math.log(c)) * idf[j] for j, c in counts.items()}
        norm = math.sqrt(sum(v * v for v in vals.values()))
        rows.append({j: v / norm for j, v in vals.items()} if norm else {})
    return rows


# -- the model --------------------------------------------------------------------

class SentenceModel:
    """A trained sentence model as plain data (what is saved as JSON)."""

    def __init__(self, data: dict[str, Any]):
        if data.get("format") != FORMAT:
            raise ModelError(f"not a framing sentence model (format {data.get('format')!r})")
        self.data = data
        self.name: str = data["name"]
        self.word_vocab = {t: i for i, t in enumerate(data["word"]["terms"])}
        self.char_vocab = {t: i for i, t in enumerate(data["char"]["terms"])}
        self.lex_names: list[str] = data["lexicon_features"]["names"]
        self.intercept = float(data["intercept"])

    @property
    def digest(self) -> str:
        return self.data["training"]["digest"]

    def _parts(self, texts: Sequence[str], lex: Sequence[dict[str, float]] | None
               ) -> list[list[tuple[str, str, float]]]:
        d = self.data
        words = _tfidf_rows(texts, _params(d["word"]["params"]), self.word_vocab, d["word"]["idf"])
        chars = _tfidf_rows(texts, _params(d["char"]["params"]), self.char_vocab, d["char"]["idf"])
        if lex is None:
            lex = (lexicon_features(texts, d["lexicon_features"].get("lexicon_dirs", []))
                   if self.lex_names else [{} for _ in texts])
        wt, wc = d["word"]["terms"], d["word"]["coef"]
        ct, cc = d["char"]["terms"], d["char"]["coef"]
        lc = dict(zip(self.lex_names, d["lexicon_features"]["coef"]))
        out = []
        for w, c, lx in zip(words, chars, lex):
            parts = [("word", wt[j], v * wc[j]) for j, v in sorted(w.items())]
            parts += [("char", ct[j], v * cc[j]) for j, v in sorted(c.items())]
            parts += [("lexicon", k, v * lc[k]) for k, v in sorted(lx.items()) if k in lc]
            out.append(parts)
        return out

    def probabilities(self, texts: Sequence[str],
                      lex: Sequence[dict[str, float]] | None = None) -> list[float]:
        return [_sigmoid(self.intercept + sum(p[2] for p in parts))
                for parts in self._parts(texts, lex)]

    def probability(self, text: str) -> float:
        return self.probabilities([text])[0]

    def explain(self, text: str, top: int = 5) -> list[dict[str, Any]]:
        """The words (and lexicon counts) that pushed this sentence towards
        the positive label most. Character n-grams are credited to the words
        they occur in."""
        parts = self._parts([text], None)[0]
        score: dict[str, float] = {}
        words = re.findall(r"\w+", text.lower())
        for kind, feat, v in parts:
            if kind == "word" or kind == "lexicon":
                score[feat] = score.get(feat, 0.0) + v
            else:
                owners = sorted(w for w in set(words) if feat in f" {w} ")
                for w in owners:
                    score[w] = score.get(w, 0.0) + v / len(owners)
        ranked = sorted(((k, v) for k, v in score.items() if v > 0), key=lambda kv: (-kv[1], kv[0]))
        return [{"feature": k, "weight": round(v, 4)} for k, v in ranked[:top]]


def _params(p: dict[str, Any]) -> dict[str, Any]:
    return {**p, "ngram_range": tuple(p["ngram_range"])}


def _sigmoid(z: float) -> float:
    if z < -700:
        return 0.0
    return 1.0 / (1.0 + math.exp(-z))


def training_digest(texts: Sequence[str], labels: Sequence[bool]) -> str:
    """SHA-256 of the training rows (label, tab, text, newline), in order."""
    h = hashlib.sha256()
    for t, y in zip(texts, labels):
        h.update(f"{int(bool(y))}\t{t}\n".encode("utf-8"))
    return h.hexdigest()


def _fit_arrays(texts: Sequence[str], labels: Sequence[bool],
                lex: Sequence[dict[str, float]] | None) -> dict[str, Any]:
    import numpy as np
    from scipy.sparse import csr_matrix, hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    y = np.asarray([int(bool(v)) for v in labels])
    if len(set(y.tolist())) < 2:
        raise ModelError("the training data needs sentences of both labels")
    min_word = WORD["min_df"] if len(texts) >= 20 else 1
    min_char = CHAR["min_df"] if len(texts) >= 20 else 1
    wv = TfidfVectorizer(**{**WORD, "min_df": min_word}, sublinear_tf=True)
    cv = TfidfVectorizer(**{**CHAR, "min_df": min_char}, sublinear_tf=True)
    Xw = wv.fit_transform(texts)
    Xc = cv.fit_transform(texts)
    lex_names = sorted({k for f in lex for k in f}) if lex is not None else []
    Xl = csr_matrix(np.asarray([[f.get(k, 0.0) for k in lex_names] for f in lex])
                    if lex is not None and lex_names else np.zeros((len(texts), 0)))
    X = hstack([Xw, Xc, Xl]).tocsr()
    clf = LogisticRegression(C=C, solver="liblinear", class_weight="balanced",
                             random_state=0, max_iter=1000).fit(X, y)
    coef = clf.coef_[0]
    nw, nc = Xw.shape[1], Xc.shape[1]
    return {
        "word": {"params": {**WORD, "min_df": min_word, "ngram_range": list(WORD["ngram_range"])},
                 "terms": [str(t) for t in wv.get_feature_names_out()],
                 "idf": [float(v) for v in wv.idf_], "coef": [float(v) for v in coef[:nw]]},
        "char": {"params": {**CHAR, "min_df": min_char, "ngram_range": list(CHAR["ngram_range"])},
                 "terms": [str(t) for t in cv.get_feature_names_out()],
                 "idf": [float(v) for v in cv.idf_], "coef": [float(v) for v in coef[nw:nw + nc]]},
        "lexicon_features": {"names": lex_names, "coef": [float(v) for v in coef[nw + nc:]]},
        "intercept": float(clf.intercept_[0]),
    }


def train(texts: Sequence[str], labels: Sequence[bool], *, name: str = "model",
          lexicon_dirs: Sequence[str | Path] = (), use_lexicon: bool = True,
          source: str = "", lex: Sequence[dict[str, float]] | None = None) -> SentenceModel:
    """Fit a sentence model on labelled sentences (``labels``: True = positive)."""
    texts = [str(t) for t in texts]
    if len(texts) != len(labels) or not texts:
        raise ModelError("no labelled sentences to train on")
    if use_lexicon and lex is None:
        lex = lexicon_features(texts, lexicon_dirs)
    arrays = _fit_arrays(texts, labels, lex if use_lexicon else None)
    lexicon_version = ""
    if use_lexicon:
        from .detect import load_lexicon

        lexicon_version = load_lexicon(lexicon_dirs).version
    data = {
        "format": FORMAT,
        "name": name,
        "model": "logistic regression over word and character TF-IDF and lexicon counts",
        "C": C,
        "training": {"source": source, "sentences": len(texts), "positive": int(sum(map(bool, labels))),
                     "digest": training_digest(texts, labels)},
        **arrays,
    }
    data["lexicon_features"]["lexicon_version"] = lexicon_version
    data["lexicon_features"]["lexicon_dirs"] = [str(d) for d in lexicon_dirs]
    # Round-trip through JSON so a fresh model and a loaded one are the same floats.
    return SentenceModel(json.loads(json.dumps(data)))


def save(model: SentenceModel, path: Path | None = None) -> Path:
    path = path or model_path(model.name)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(model.data, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
    tmp.replace(path)
    return path


def load(name: str) -> SentenceModel:
    """A saved model by name (in the models folder) or by path to its JSON file."""
    path = model_path(name)
    if not path.is_file():
        raise ModelError(f"{path}: no such sentence model (train one with `framing model train`)")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise ModelError(f"{path}: not a JSON sentence model ({exc})") from None
    try:
        return SentenceModel(data)
    except (KeyError, TypeError) as exc:
        raise ModelError(f"{path}: sentence model is missing {exc}") from None


def list_models() -> list[Path]:
    d = models_dir()
    return sorted(d.glob("*.json")) if d.is_dir() else []


# -- reading labelled CSV files -------------------------------------------------------

class Labelled(NamedTuple):
    """Labelled sentences read from a table (:func:`read_labelled`)."""

    texts: list[str]
    labels: list[bool]
    #: The positive label value, then the other value(s) joined by "/".
    values: list[str]
    #: Rows passed over because their sentence or label cell was empty.
    skipped: int = 0


def _column(name: str, columns: list[str]) -> str | None:
    """``name`` among ``columns``, else the one column equal to it apart from
    case and surrounding spaces ("Label " for "label")."""
    if name in columns:
        return name
    loose = [c for c in columns if c.strip().casefold() == name.strip().casefold()]
    return loose[0] if len(loose) == 1 else None


def read_labelled(path: str | Path, text_column: str, label_column: str,
                  positive: str | None = None) -> Labelled:
    """Sentences, labels and the label values (positive first) from a CSV
    file as a spreadsheet saves it: comma, semicolon or tab separated, in
    UTF-8, UTF-16 or a legacy encoding such as Windows-1252 (read as the
    loaders read files), cells that hold line breaks kept whole. Rows with
    an empty sentence or label are skipped and counted."""
    from .loaders.decode import decode
    from .loaders.delimited import csv_delimiter

    p = Path(path)
    if not p.is_file():
        raise InputError(str(p), "no such file")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(str(p), f"cannot read ({exc.strerror or exc})") from None
    raw, _ = decode(str(p), data)
    reader = csv.DictReader(io.StringIO(raw, newline=""), delimiter=csv_delimiter(raw.split("\n", 1)[0]))
    try:
        cols = list(reader.fieldnames or [])
    except csv.Error as exc:
        raise InputError(str(p), f"malformed CSV header ({exc})") from None
    found = []
    for col in (text_column, label_column):
        match = _column(col, cols)
        if match is None:
            raise InputError(str(p), f"no column {col!r} (columns: {', '.join(cols)})")
        found.append(match)
    text_key, label_key = found
    texts: list[str] = []
    values: list[str] = []
    skipped = 0
    try:
        for row in reader:
            t = (row.get(text_key) or "").strip()
            v = (row.get(label_key) or "").strip()
            if t and v:
                texts.append(t)
                values.append(v)
            elif any((cell or "").strip() for cell in row.values() if isinstance(cell, str)):
                skipped += 1
    except csv.Error as exc:
        raise InputError(str(p), f"malformed CSV at line {reader.line_num} ({exc})") from None
    kinds = sorted(set(values))
    if len(kinds) < 2:
        only = f"only the value {kinds[0]!r}" if kinds else "no value"
        raise InputError(str(p), f"column {label_column!r} has {only}: a model needs sentences "
                                 "labelled both ways")
    if positive is None:
        named = [k for k in kinds if k.lower() in POSITIVE_NAMES]
        if len(kinds) != 2 or len(named) != 1:
            raise InputError(str(p), f"column {label_column!r} has the values {', '.join(kinds[:8])}: "
                                     "say which is the positive label with --positive")
        positive = named[0]
    if positive not in kinds:
        raise InputError(str(p), f"--positive {positive!r} is not a value of column {label_column!r}")
    negative = sorted(k for k in kinds if k != positive)
    return Labelled(texts, [v == positive for v in values], [positive, "/".join(negative)], skipped)


# -- fitting without saving (cross-validation: framing.evaluate.sentence_cv) ------

def fit_only(texts: Sequence[str], labels: Sequence[bool],
              lex: Sequence[dict[str, float]]) -> SentenceModel:
    arrays = _fit_arrays(texts, labels, lex)
    data = {"format": FORMAT, "name": "cv", "training": {"digest": ""}, **arrays}
    return SentenceModel(data)


def score_sentences(model: SentenceModel, sentences: Iterable[str]) -> list[dict[str, Any]]:
    """Probability and the words that drove it, per sentence."""
    out = []
    for s in sentences:
        p = model.probability(s)
        out.append({"sentence": s, "probability": round(p, 4),
                    "words": model.explain(s) if p >= 0.5 else []})
    return out


# -- a second opinion in a run ----------------------------------------------------------

def second_opinion(store: Any, model: SentenceModel, *, lexicon_dirs: Sequence[str | Path] = ()
                   ) -> dict[str, Any]:
    """Every sentence of every stored article (title and body) with the
    model's probability, the words that drove it (for sentences at or above
    0.5) and the loaded lexicon hits inside it, side by side. Deterministic."""
    analyses = store.analyses()
    rows: list[dict[str, Any]] = []
    for article in store.articles():
        analysis = analyses.get(article.id or 0)
        if analysis is None:
            continue
        loaded = [h for h in analysis.hits if h.loaded]
        for fld in ("title", "body"):
            text = getattr(article, fld) or ""
            spans = [(a, b) for a, b in analysis.sentences.get(fld, []) if text[a:b].strip()]
            if not spans:
                continue
            sentences = [text[a:b] for a, b in spans]
            probs = model.probabilities(sentences)
            for (a, b), sent, p in zip(spans, sentences, probs):
                inside = [h for h in loaded if h.field == fld and a <= h.start < b]
                rows.append({
                    "article": article.id, "outlet": article.outlet, "field": fld,
                    "start": a, "end": b, "sentence": sent, "probability": round(p, 4),
                    "biased": p >= 0.5,
                    "words": model.explain(sent) if p >= 0.5 else [],
                    "lexicon_hits": [{"text": h.text, "term": h.term, "category": h.category,
                                      "voice": h.voice} for h in inside],
                })
    agree = sum(1 for r in rows if r["biased"] == bool(r["lexicon_hits"]))
    return {"model": {"name": model.name, "training_digest": model.digest,
                      "training_sentences": model.data["training"]["sentences"]},
            "sentences": len(rows), "flagged_by_model": sum(r["biased"] for r in rows),
            "flagged_by_lexicon": sum(bool(r["lexicon_hits"]) for r in rows),
            "agree": agree, "rows": rows}
