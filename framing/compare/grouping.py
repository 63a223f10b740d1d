"""Event grouping: which articles cover the same event, and which are copies.

Articles are compared by tf-idf cosine over their content words and named
entities (runs of capitalised words, counted twice), so that rarer, specific
terms ("Tokayev", "critical minerals") weigh more than words every story
shares. Stop words are English ones, and for an article in another language
(read from its words: :func:`language_of`) that language's too, so that in a
mostly English corpus two stories in Spanish or Hungarian do not look alike
through "que" or "hogy" (rare there, so weighty). The headline and the lead count fully; body terms far past the lead
(:data:`LEAD_CHARS`) count less, as a story states its event first and a long
page's tail (background, teasers, footers) says little about which event it
is. Pairs are found on a sparse candidate graph (:func:`pair_graph`): only
terms that at most :data:`MAX_DF` articles use propose pairs (blocking on
rare terms), dated pairs further apart than an event can span are skipped,
each proposed pair is scored exactly and each article keeps its
:data:`TOP_K` best pairs above a small floor. Products run a block of rows at
a time, and a dated row only with the rows dated within the event window of
it (and the undated ones); nothing is ever an n × n array, so time and memory
grow linearly with the corpus (``benchmarks/bench_grouping_scale.py``). Each
article's terms and names are read in one pass, in worker processes when the
caller gives a ``map_shards`` (``framing run --jobs N``).

A pair's similarity is lowered where both its articles sit in a crowd of
close articles on other days (:data:`CROWD_REF`).

Dates are evidence, not a gate. A pair's score is its content similarity times
``LR ** TIME_WEIGHT``, where ``LR`` is how much likelier their days apart are
for one event (coverage spreads over a few days) than for two (the corpus's own
distribution of days apart): see :class:`TimeEvidence`. Two articles on the
same day of a corpus that spans months need less shared content; a pair with
an undated article is judged by its content, and two undated articles also by
the weekdays they name (a day both name is a bonus, calibrated on the corpus's
own rate of shared days, where the corpus's dates span at most a month:
:class:`DayNamedEvidence`; different days are no penalty, as coverage
spreads); a pair months apart scores almost nothing. Clustering is average linkage with a
threshold, and a group never spans more than ``window_days`` between its
earliest and latest dated article, so same-actor stories months apart stay
apart even when they share every name. Two groups of two or more articles
also merge only if they are nearly as close to each other as each is within
(:data:`COHERENCE`): a running story's successive developments -- the ruling,
then the appeal; the ouster, then the successor's election -- are tight
groups a day apart that share the story's words, and stay two events.

A story list exported without text (Media Cloud, GDELT, an aggregator's CSV)
gives headlines alone, which share few words even when they tell one event:
a pair of two headline-only articles (:func:`headline_only`) counts its
content similarity :data:`HEADLINE_GAIN` times, is scored from
:data:`HEADLINE_FLOOR` up, and an outlet's rewording of a headline is a copy
for the coherence check (:data:`REWORDING`). Pairs with a text are scored as
before, so full-text grouping is unchanged.

Each event says why its articles belong together (``grouped_by``): the
entities and terms they share and their cohesion.

A manifest ``event`` column overrides: articles that carry an ``event`` value
are grouped by that value and are not clustered; only the rest are.

Near-duplicates (a syndicated copy of a wire story, a re-post) are flagged by
word 5-shingle containment: when most of one article's shingles occur in
another's, the later one (by date, then id) is a copy of the earlier one.
Shingles are counted on the same kind of sparse graph (pairs proposed by
shingles found in at most :data:`COPY_MAX_DF` articles).
Copies stay in their event but later stages count them once (see
:mod:`framing.compare.density`).

Everything is deterministic: ties break on article id.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any
from datetime import date as _date

import re
from functools import lru_cache
from hashlib import blake2b

import numpy as np
from scipy.sparse import coo_matrix, csr_matrix
from nltk.stem.snowball import SnowballStemmer
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize as sk_normalize

from .._collector import collector_paused
from ..models import Article
from ..text import CALENDAR, STOP_WORDS, sentence_spans, words
from ..text.language import LANGUAGE_CHARS, LANGUAGE_WORDS, language_of
from ..text.tokens import WORD_RE
from ..text import plain as normalize
from ._text import list_spans, name_sequences, strip_possessive

#: Average-linkage threshold: two groups merge when the mean score of their
#: pairs of articles is at least this. A pair's score is its tf-idf cosine plus
#: the evidence of its dates (:class:`TimeEvidence`, scaled by
#: :data:`TIME_WEIGHT`); an undated pair is scored by its content alone.
THRESHOLD = 0.30
#: Similarity per unit of log likelihood ratio of the dates: how far a date
#: that makes the same event ``e`` times more likely lowers the content needed.
TIME_WEIGHT = 0.25
#: Mean days between the first and a later article on one event (coverage
#: spreads: wire story, analysis, reactions).
SPREAD_DAYS = 1.0
#: Days apart are compared among pairs at most this far apart: what makes
#: "the same day" telling is how many other articles appeared around it, not
#: how many years the corpus spans (so a store that grows by another year of
#: coverage groups its first year as before).
HORIZON_DAYS = 30
#: Pseudo-pairs spread evenly over the horizon, added to the corpus's own
#: distribution of days apart (a small corpus says little about it).
DATE_PRIOR_PAIRS = 30.0
#: Maximum span, in days, between the first and last dated article of an event:
#: same-actor stories months apart stay apart whatever their words.
WINDOW_DAYS = 10
#: Coherence: two groups of two or more articles each merge only if the mean
#: score of their pairs across is at least this share of the mean score of
#: their pairs within (each group's within mean weighted by its size). Average
#: linkage alone asks only that the pairs across clear :data:`THRESHOLD`; two
#: tight groups that are only loosely alike -- a running story's successive
#: developments (the vote, then the ouster; the deal, then its passage) --
#: are two events. After the relative closeness of Chameleon (Karypis, Han &
#: Kumar 1999). A single article joins a group by the threshold alone, and
#: near-duplicate pairs do not count within a group (a copy says nothing of
#: how close the rest of the coverage is). 0 turns the check off.
COHERENCE = 0.8

#: Density prior: on days holding more than this many dated articles (averaged
#: over the pair's days), the prior odds that two of them cover one event fall
#: in proportion (more articles a day means more events a day), so the date
#: bonus is scaled by ``(DENSITY_REF / per-day) ** TIME_WEIGHT`` -- never below
#: content alone (a shared day is never evidence *against* one event).
#: Round 12 set it to NeuS-AllSides' busiest day (15). Since the coherence
#: test (:data:`COHERENCE`) keeps tight groups apart, that prior cost more
#: recall than it saved precision on dense archives: NeuS-AllSides squeezed in
#: time to about 100 articles a day (its events intact) groups at B3 F1 0.807
#: with 15 and 0.860 with 120 (0.860 with no prior at all; 50 a day: 0.872
#: and 0.879), the 50,000-article benchmark archive at 0.906 and 0.932 (0.931
#: without). At 120 it acts only on days busier than any measured here.
DENSITY_REF = 120.0
#: Crowding: an article's crowd is the mean content similarity of its
#: :data:`CROWD_K` nearest neighbours on the candidate graph among articles
#: dated at least :data:`CROWD_DAYS` from it (neighbours it lacks count as
#: :data:`PAIR_FLOOR`; an undated article has no crowd). Where the crowd of a
#: pair's two articles (their geometric mean) is above :data:`CROWD_REF`, the
#: pair's content similarity is scaled by ``CROWD_REF / crowd`` -- never
#: raised. An article that is close to many articles of *other days* sits on a
#: beat or in a sub-collection with its own vocabulary (a running story,
#: another country's names, a desk's jargon): the words it shares with a
#: same-day article say less there. As an archive grows, such vocabularies get
#: rarer overall and their idf rises, so all their similarities rise together;
#: crowding is what keeps that from merging their events (issue 12:
#: benchmarks/bench_grouping_scale.py). Same-day neighbours do not count: they
#: are mostly one event's own coverage, which must not split a large event.
#: Self-tuning after Zelnik-Manor & Perona (2004), but only ever downwards, so
#: an article with no close neighbour is never pushed into one.
CROWD_K = 5
CROWD_REF = 0.30
#: Twice :data:`SPREAD_DAYS`: most of one event's coverage is closer than this.
CROWD_DAYS = 2
#: Pairs less similar than this are never scored (they could not reach the
#: threshold with any date): the clustering stays sparse.
PAIR_FLOOR = 0.10
#: Blocking: only terms found in at most this many articles propose candidate
#: pairs (:func:`pair_graph`); a candidate's similarity still counts every
#: term. Corpora smaller than this are compared exactly.
MAX_DF = 2000
#: Each article keeps its pairs with at most this many most similar others
#: (:func:`pair_graph`): an event has far fewer articles, and the graph stays
#: linear in the corpus.
TOP_K = 40
#: idf is computed as if the corpus sat in a background collection of this
#: many more news articles that use none of its terms. Plain idf over five
#: articles gives a name that three of them share almost no weight, so the
#: similarity of same-event articles would depend on the size of the corpus;
#: the background keeps event-specific terms weighty in a small corpus and
#: changes little in a large one.
BACKGROUND_DOCS = 100
#: The lead: body terms within this many characters of the body's start count
#: fully; further on a term counts ``(LEAD_CHARS / offset) ** LEAD_POW`` (half
#: at about 1.4 × LEAD_CHARS, a quarter at twice). A news story states its event
#: first (the inverted pyramid); what comes thousands of characters later --
#: background in a long feature or review, and in a pasted page the teasers,
#: author bios and footers -- says less about which event it covers. 3,000
#: characters is about 500 words, a typical news story, so most stories count
#: whole. (Real pages: pasted 0.945 -> 0.976 with any value from 2,500 to 5,000;
#: AllSides excerpts are shorter than this and unchanged.)
LEAD_CHARS = 3000
LEAD_POW = 2.0
#: Share of the shorter article's word 5-shingles found in the other for a near-duplicate.
NEAR_DUPLICATE = 0.8
SHINGLE = 5
#: Shingles found in more articles than this do not propose near-duplicate
#: pairs (but still count for a proposed pair): one story syndicated more
#: often than this is still found through its rarer sentences.
COPY_MAX_DF = 200
#: Headline-only articles (a story list exported without text: ``content``
#: "headline", or an empty body) share few words even when they tell one
#: event, so a pair of two of them has its content similarity counted this
#: many times (as if :data:`THRESHOLD` were ``THRESHOLD / HEADLINE_GAIN``,
#: about 0.22, for them). Pairs with a full text are scored as before.
HEADLINE_GAIN = 0.30 / 0.22
#: Pairs of two headline-only articles are scored from this content
#: similarity up (:data:`PAIR_FLOOR` for the others): a headline shares a word
#: or two with another of its event, which the date's evidence may carry.
HEADLINE_FLOOR = 0.05
#: Two headlines are rewordings of one (for :data:`COHERENCE`, a pair of
#: copies) when at least this share of the shorter one's terms are in the
#: other and it has at least :data:`REWORDING_TERMS` terms.
REWORDING = 0.8
REWORDING_TERMS = 3
#: Odd 64-bit multiplier that folds a shingle's word ids into one key.
_MIX = np.uint64(0x9E3779B97F4A7C15)


@dataclass
class EventGroup:
    """One group of articles (ids) covering one event."""

    id: str
    label: str
    articles: list[int]
    first_date: str | None
    last_date: str | None
    key_terms: list[str] = field(default_factory=list)
    manifest_event: str | None = None
    #: Why these articles are one event: ``basis`` (``similarity``, ``manifest``,
    #: ``correction`` or ``single``), the ``entities`` and ``terms`` most of
    #: them share, and ``cohesion``, their mean pairwise content similarity.
    grouped_by: dict = field(default_factory=dict)


# -- features ---------------------------------------------------------------

#: Separates the title from the body in :func:`article_text`.
TITLE_SEP = "\n\u2029\n"


def article_text(article: Article) -> str:
    """Title (counted twice: it names the event) and body, for :func:`features`."""
    return _text_of(article.title, article.body)


def _text_of(title: str | None, body: str) -> str:
    return f"{title}\n{title}{TITLE_SEP}{body}" if title else body


_STEMMER = SnowballStemmer("english")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Snowball stem, with British -is- spellings folded to -iz- first
    (normalisation / normalization)."""
    return _STEMMER.stem(_ISE.sub(r"iz\1", word))


_ISE = re.compile(r"is(e|es|ed|ing|ation|ations)$")


#: Word as written -> its term (:func:`_term`), for the words seen so far: the
#: same few thousand words make up most of every article, so each is stripped,
#: checked and stemmed once per process rather than once per occurrence.
_TERM_OF: dict[str, str | None] = {}
_TERM_CACHE_MAX = 1 << 19


def _term(word: str) -> str | None:
    """A word's term for :func:`features`: possessive stripped, lower case,
    stemmed; None for stop words, words under three letters and bare numbers."""
    try:
        return _TERM_OF[word]
    except KeyError:
        pass
    w = strip_possessive(word).lower()
    t = None if len(w) < 3 or w in STOP_WORDS or not any(c.isalpha() for c in w) else stem(w)
    if len(_TERM_OF) >= _TERM_CACHE_MAX:
        _TERM_OF.clear()
    _TERM_OF[word] = t
    return t


@lru_cache(maxsize=64)
def _foreign_stops(lang: str | None) -> frozenset[str] | None:
    """The stop words that an article in ``lang`` drops on top of framing's
    English ones: its language's stopwordsiso list; None for English (whose
    own list, :data:`~framing.text.STOP_WORDS`, is what NeuS-AllSides was
    measured with) and for an article of no known language."""
    if lang is None or lang == "en":
        return None
    import stopwordsiso

    return frozenset(w.lower() for w in stopwordsiso.stopwords(lang))


def _word_terms(ws: list[str]) -> list[str | None]:
    """:func:`_term` of each word of ``ws``, in order: the words not seen yet
    are made terms first, then every word is looked up at once (a lookup
    per word in C, not a call of :func:`_term` per word)."""
    new = set(ws).difference(_TERM_OF)
    if new:
        if len(_TERM_OF) + len(new) >= _TERM_CACHE_MAX:
            _TERM_OF.clear()
            new = set(ws)
            if len(new) >= _TERM_CACHE_MAX:  # more words than the cache holds
                return list(map(_term, ws))
        for w in new:
            _term(w)
    return list(map(_TERM_OF.__getitem__, ws))


def _term_function(stops: frozenset[str] | None) -> Callable[[str], str | None]:
    """:func:`_term`, and None also for the words in ``stops``."""
    if stops is None:
        return _term

    def term(word: str) -> str | None:
        return None if strip_possessive(word).lower() in stops else _term(word)
    return term


def features(text: str) -> list[str]:
    """Content words (lower-case, no stop words, no bare numbers) plus named
    entities of the body as ``"ENT:" + name`` (a name's words also count as
    words, so names weigh more than common words). Entities are not taken from
    the title, whose Title Case would make every word look like a name."""
    return _features_plain(normalize(text))


def _features_plain(text: str) -> list[str]:
    return [t for t, _ in _weighted_features(text)]


def _lead_weight(offset: int) -> float:
    """Weight of a body term that starts ``offset`` characters into the body:
    1 within the first :data:`LEAD_CHARS`, then ``(LEAD_CHARS / offset) ** LEAD_POW``."""
    if not LEAD_CHARS or offset <= LEAD_CHARS:
        return 1.0
    return (LEAD_CHARS / offset) ** LEAD_POW


def _blanked(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with each ``(start, end)`` of ``spans`` (in order, apart)
    replaced by spaces: its words gone, every offset kept."""
    if not spans:
        return text
    out, at = [], 0
    for a, b in spans:
        out += [text[at:a], " " * (b - a)]
        at = b
    out.append(text[at:])
    return "".join(out)


def _weighted_features(text: str, body_starts: list[int] | None = None) -> list[tuple[str, float]]:
    """:func:`features` with a weight each: title terms 1, body terms by their
    place in the body (:func:`_lead_weight`). ``body_starts``: the body's
    sentence starts, if known."""
    title, sep, body = text.rpartition(TITLE_SEP.strip("\n"))
    if not sep:
        title, body = "", text
    # Stop words are a language's: in a corpus of mostly English, another
    # language's function words ("hogy", "und", "los") are rare, so their idf is
    # high and two stories in that language look alike through them alone.
    title_words = words(title)
    # a list of names kept in the text (a country selector, a row of state
    # codes) is no evidence of the story: two articles of one site would
    # share it whatever their stories
    names_body = body
    body = _blanked(body, list_spans(body, body_starts))
    short = not LEAD_CHARS or len(body) <= LEAD_CHARS
    body_words = WORD_RE.findall(body) if short else None
    head = body_words if body_words is not None and len(body) <= LANGUAGE_CHARS else \
        WORD_RE.findall(body[:LANGUAGE_CHARS])
    stops = _foreign_stops(language_of(title_words + head[:LANGUAGE_WORDS]))
    # every word's term, looked up at once (:func:`_word_terms`) for most articles
    terms_of = _word_terms if stops is None else (lambda ws, term=_term_function(stops): list(map(term, ws)))
    out = [(t, 1.0) for t in terms_of(title_words) if t is not None]
    if body_words is not None:  # every word in the lead: weight 1
        out += [(t, 1.0) for t in terms_of(body_words) if t is not None]
    else:
        found = list(WORD_RE.finditer(body))
        lead, power = LEAD_CHARS, LEAD_POW  # :func:`_lead_weight`, inline
        out += [(t, 1.0 if (at := m.start()) <= lead else (lead / at) ** power)
                for t, m in zip(terms_of([m.group() for m in found]), found) if t is not None]
    names = [(s0, name.lower()) for s0, _, name in name_sequences(names_body, body_starts)]
    if stops is not None:  # a sentence's capitalised first word: "Los", "Der", "Az"
        names = [(s0, n) for s0, n in names if not all(w in stops for w in n.split())]
    out.extend(("ENT:" + n, _lead_weight(s0)) for s0, n in names)
    # a Title Case headline word counts as a name if the body writes it as one
    known = {t for _, n in names for t in n.split()} | {n for _, n in names}
    for w in title_words:
        w = strip_possessive(w).lower()
        if w in known:
            out.append(("ENT:" + w, 1.0))
    return out


class _Vocabulary:
    """The terms of a :func:`vectors` matrix (``vocabulary_``: term -> column)."""

    def __init__(self, vocabulary: dict[str, int]):
        self.vocabulary_ = vocabulary


def _identity(tokens: list[str]) -> list[str]:
    return tokens


def vectors(texts: list[str], *, analyzed: bool = False) -> tuple["object", TfidfVectorizer]:
    """L2-normalised sparse tf-idf rows: sublinear tf, and idf
    ``ln((N + BACKGROUND_DOCS) / (df + 1)) + 1`` (see :data:`BACKGROUND_DOCS`).
    With ``analyzed``, ``texts`` are already lists of :func:`features`."""
    vec = TfidfVectorizer(analyzer=_identity if analyzed else features, sublinear_tf=True,
                          norm=None, use_idf=False)
    X = vec.fit_transform(texts).tocsr()
    df = np.bincount(X.indices, minlength=X.shape[1])
    idf = np.log((X.shape[0] + BACKGROUND_DOCS) / (df + 1.0)) + 1.0
    return sk_normalize(X.multiply(idf).tocsr()), vec


def weighted_vectors(rows) -> tuple["object", _Vocabulary]:
    """:func:`vectors` over lists of ``(term, weight)`` (:func:`_weighted_features`):
    a term's tf is the sum of its weights, made sublinear as ``1 + ln tf`` from
    1 up (and ``tf`` itself below 1, so the curve stays continuous)."""
    return _tfidf([_tf_block(rows)])


def _tf_block(rows) -> tuple[list[str], np.ndarray, np.ndarray, np.ndarray]:
    """Summed weights of each row's terms: ``(terms, indptr, indices, data)``,
    terms numbered in order of first sight (a block of :func:`_tfidf`)."""
    found: dict[str, int] = {}  # term -> column in order of first sight
    indptr = [0]
    indices: list[int] = []
    data: list[float] = []
    for feats in rows:
        c: dict[str, float] = {}
        for t, w in feats:
            c[t] = c.get(t, 0.0) + w
        indices.extend(found.setdefault(t, len(found)) for t in c)
        data.extend(c.values())
        indptr.append(len(indices))
    return (list(found), np.array(indptr, dtype=np.int64), np.array(indices, dtype=np.int64),
            np.array(data, dtype=np.float64))


def _tfidf(blocks) -> tuple["object", _Vocabulary]:
    """The tf-idf matrix of consecutive :func:`_tf_block` blocks of rows."""
    found: dict[str, int] = {}  # term -> column in order of first sight
    indptr = [np.zeros(1, dtype=np.int64)]
    indices: list[np.ndarray] = []
    data: list[np.ndarray] = []
    end = 0
    for terms, ptr, idx, dat in blocks:
        local = np.fromiter((found.setdefault(t, len(found)) for t in terms), dtype=np.int64, count=len(terms))
        indices.append(local[idx])
        data.append(dat)
        indptr.append(ptr[1:] + end)
        end += len(idx)
    if not found:
        raise ValueError("empty vocabulary")
    # columns in the terms' sorted order, as TfidfVectorizer numbers them
    vocab = {t: k for k, t in enumerate(sorted(found))}
    remap = np.fromiter((vocab[t] for t in found), dtype=np.int64, count=len(found))  # found's order
    cols = remap[np.concatenate(indices)]
    tf = np.concatenate(data)
    tf = np.where(tf >= 1.0, 1.0 + np.log(np.maximum(tf, 1.0)), tf)
    ptr = np.concatenate(indptr)
    X = csr_matrix((tf, cols, ptr), shape=(len(ptr) - 1, len(vocab)))
    X.sort_indices()
    df = np.bincount(X.indices, minlength=X.shape[1])
    idf = np.log((X.shape[0] + BACKGROUND_DOCS) / (df + 1.0)) + 1.0
    return sk_normalize(X.multiply(idf).tocsr()), _Vocabulary(vocab)


def _rowwise_dot(X, I: np.ndarray, J: np.ndarray, chunk: int = 200_000) -> np.ndarray:
    """``X[I[k]] . X[J[k]]`` for every k, a chunk of pairs at a time."""
    out = np.zeros(len(I), dtype=np.float64)
    if X.nnz == 0:
        return out
    for c0 in range(0, len(I), chunk):
        a, b = X[I[c0:c0 + chunk]], X[J[c0:c0 + chunk]]
        out[c0:c0 + chunk] = np.asarray(a.multiply(b).sum(axis=1)).ravel()
    return out


def _top_k(I: np.ndarray, J: np.ndarray, V: np.ndarray, k: int) -> np.ndarray:
    """Mask of the pairs that are among the ``k`` best of at least one of
    their two rows (ties broken by the other row's index)."""
    m = len(I)
    rows = np.concatenate([I, J])
    other = np.concatenate([J, I])
    vals = np.concatenate([V, V])
    order = np.lexsort((other, -vals, rows))
    srt = rows[order]
    first = np.searchsorted(srt, srt, side="left")
    rank = np.arange(len(order)) - first
    keep = np.zeros(m, dtype=bool)
    good = order[rank < k]
    keep[good % m] = True
    return keep


def _products(Xr, day: np.ndarray | None, window_days: int | None,
              block: int) -> Iterator[tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """The entries ``(i, j, X_i . X_j)``, ``i < j``, of ``Xr @ Xr.T`` that may
    be pairs, each pair once, a block of rows at a time: with ``day``
    (ordinals, -1 undated), a dated row is multiplied only by the rows dated
    within ``window_days`` of its block's days that come after the block's
    start (the rows sorted by date; the pairs with the rows before it, and
    with the undated rows, were multiplied with those rows' blocks), so dated
    coverage costs what half its window holds, not the whole archive. Each
    entry is the same sum, in the same order, as in the whole product: the
    shared terms' products in the terms' order, which is both rows' order
    (their indices sorted), so ``X_i . X_j`` and ``X_j . X_i`` are the same
    float."""
    n = Xr.shape[0]
    if day is None:
        XT = Xr.T.tocsr()  # CSR once: a CSC right operand is converted to CSR again for every block
        for b0 in range(0, n, block):
            P = (Xr[b0:b0 + block] @ XT).tocoo()
            i, j = P.row.astype(np.int64) + b0, P.col.astype(np.int64)
            keep = i < j
            yield i[keep], j[keep], P.data[keep]
        return
    order = np.argsort(day, kind="stable")  # undated (-1) first, then by day and row
    sday = day[order]
    undated = int(np.searchsorted(sday, 0))
    Xs = Xr[order]
    XT = Xs.T.tocsr() if undated else None
    cap = block * n  # the largest product of the blocks of rows without dates
    b0 = 0
    while b0 < n:
        if b0 < undated:  # undated rows: with every row after them
            b1 = min(b0 + block, undated)
            P, c0 = Xs[b0:b1] @ XT, 0
        else:  # dated rows: with those after them within the window of their days
            span = int(np.searchsorted(sday, sday[b0] + 2 * window_days, side="right")) - b0
            b1 = min(n, b0 + min(4 * block, max(block, cap // max(span, 1))))
            hi = int(np.searchsorted(sday, sday[b1 - 1] + window_days, side="right"))
            P, c0 = Xs[b0:b1] @ Xs[b0:hi].T.tocsr(), b0
        P = P.tocoo()
        p, q = P.row.astype(np.int64) + b0, P.col.astype(np.int64) + c0  # sorted positions
        keep = p < q
        i, j = order[p[keep]], order[q[keep]]
        yield np.minimum(i, j), np.maximum(i, j), P.data[keep]
        b0 = b1


def pair_graph(
    X,
    *,
    floor: float = PAIR_FLOOR,
    dates: Sequence[int | None] | None = None,
    window_days: int | None = None,
    max_df: int | None = MAX_DF,
    top_k: int | None = TOP_K,
    block: int | None = None,
) -> coo_matrix:
    """The candidate graph: cosine similarity of the rows of ``X`` (L2-normalised
    sparse rows) as an upper-triangular sparse matrix, only pairs with
    ``s >= floor``. Never a dense n × n array and never all pairs:

    * candidate pairs share at least one term found in at most ``max_df`` rows
      (blocking on rare terms: a term that half the corpus uses says nothing
      about which story an article tells, and multiplying on it is what makes
      all-pairs products quadratic); their similarity is then computed exactly
      over all terms. With ``max_df`` at least the number of rows, every pair
      sharing a term is a candidate (exact).
    * with ``dates`` and ``window_days``, two dated rows further apart than
      ``window_days`` are not a pair (they could never be one event);
    * with ``top_k``, a pair is kept only if it is among the ``top_k`` most
      similar of one of its rows, so the graph has at most ``top_k`` × n edges.

    Rows are multiplied a block at a time, so memory grows with the number of
    candidate pairs."""
    n = X.shape[0]
    X = X.tocsr()
    df = np.bincount(X.indices, minlength=X.shape[1])
    if max_df is not None and max_df < n:
        rare = df <= max_df
        cols = np.flatnonzero(rare)
        Xr = X[:, cols].tocsr()
        Xc = X[:, np.flatnonzero(~rare)].tocsr()
    else:
        Xr, Xc = X, None
    day = None
    if dates is not None and window_days is not None:
        day = np.array([-1 if d is None else d for d in dates], dtype=np.int64)
    block = block or max(16, min(4096, 2_000_000 // max(n, 1)))
    Is: list[np.ndarray] = []
    Js: list[np.ndarray] = []
    Vs: list[np.ndarray] = []
    for i, j, p in _products(Xr, day, window_days, block):
        if day is not None:
            di, dj = day[i], day[j]
            keep = (di < 0) | (dj < 0) | (np.abs(di - dj) <= window_days)
            i, j, p = i[keep], j[keep], p[keep]
        v = p.astype(np.float64)
        if Xc is not None and len(i):
            v = v + _rowwise_dot(Xc, i, j)
        keep = v >= floor
        Is.append(i[keep])
        Js.append(j[keep])
        Vs.append(v[keep])
    I = np.concatenate(Is) if Is else np.zeros(0, dtype=np.int64)
    J = np.concatenate(Js) if Js else np.zeros(0, dtype=np.int64)
    V = np.concatenate(Vs) if Vs else np.zeros(0)
    if top_k is not None and len(I):
        keep = _top_k(I, J, V, top_k)
        I, J, V = I[keep], J[keep], V[keep]
    return coo_matrix((V, (I, J)), shape=(n, n))


def similar_pairs(X, *, floor: float = PAIR_FLOOR, block: int | None = None,
                  **kw) -> dict[tuple[int, int], float]:
    """:func:`pair_graph` as a dict ``(i, j) -> s`` (``i < j``)."""
    G = pair_graph(X, floor=floor, block=block, **kw)
    return {(int(i), int(j)): float(v) for i, j, v in zip(G.row, G.col, G.data)}


# -- time --------------------------------------------------------------------

def _ordinal(iso: str | None) -> int | None:
    if not iso:
        return None
    try:
        return _date.fromisoformat(iso[:10]).toordinal()
    except ValueError:
        return None


class TimeEvidence:
    """How much two publication dates say about two articles covering one event,
    as a log likelihood ratio ``ln P(days apart | same event) / P(days apart | other events)``.

    *Same event*: coverage spreads over a few days (the wire story on day one,
    analysis on day three, reactions on day four): days apart are geometric with
    mean :data:`SPREAD_DAYS`. *Other events*: estimated from the corpus itself,
    the distribution of days apart over all its pairs of dated articles
    among its pairs at most :data:`HORIZON_DAYS` apart (smoothed towards a
    flat distribution, :data:`DATE_PRIOR_PAIRS` pseudo-pairs).
    So the same day is strong evidence in a corpus spread over months and weak
    in one week's coverage; an undated article gives no evidence either way
    (ratio 1), which is why an undated article joins by its content alone.
    """

    def __init__(self, dates: Sequence[int | None]):
        days = Counter(d for d in dates if d is not None)
        hist: Counter[int] = Counter()
        ds = sorted(days)
        for x, a in enumerate(ds):
            ca = days[a]
            hist[0] += ca * (ca - 1) // 2
            for b in ds[x + 1:]:
                if b - a > HORIZON_DAYS:
                    break
                hist[b - a] += ca * days[b]
        self.hist = hist
        self.pairs = sum(hist.values())
        q = SPREAD_DAYS / (1.0 + SPREAD_DAYS)  # geometric with mean SPREAD_DAYS
        self._log_q, self._log_1q = np.log(q), np.log(1.0 - q)

    def log_ratio(self, apart: int) -> float:
        same = self._log_1q + apart * self._log_q
        other = (self.hist.get(apart, 0) + DATE_PRIOR_PAIRS / (HORIZON_DAYS + 1)) / (self.pairs + DATE_PRIOR_PAIRS)
        return float(same - np.log(other))


#: How often two articles of one event, neither dated, name the same weekday
#: when both name one: they usually date the event itself ("on Tuesday").
SAME_EVENT_SHARES_DAY = 0.8

#: Pseudo-pairs pulling the corpus's own rate of shared weekdays towards
#: :data:`OTHER_EVENTS_SHARE_DAY` (as :data:`DATE_PRIOR_PAIRS` does for dates).
DAY_PRIOR_PAIRS = 30.0

#: The prior rate at which articles of different events name a common weekday.
OTHER_EVENTS_SHARE_DAY = 0.3

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAY_RE = re.compile(r"\b(" + "|".join(_WEEKDAYS) + r")\b")
_CAPITAL_AFTER = re.compile(r"\s+[A-Z]")
_CAPITAL_BEFORE = re.compile(r"\b([A-Z][\w'-]*)\s+$")
#: Capitalised words before a weekday that open a time phrase, not a name.
_DAY_OPENERS = frozenset({"On", "By", "Last", "Next", "This", "Since", "Until", "Till", "From", "Early",
                          "Late", "Before", "After", "Through", "Each", "Every", "And", "But", "Or"})


def days_named(text: str, limit: int = LEAD_CHARS) -> frozenset[int]:
    """The weekdays (0 = Monday) an article names in its first ``limit``
    characters: "said on Tuesday", "Tuesday's vote", "Tuesday, March 3". A
    weekday inside a name is no day ("Super Tuesday", "Black Friday", "the
    Sunday Times", "Saturday Night Live", "Fox News Sunday"): one with a
    capitalised word right after it, or right before it unless that word opens
    a time phrase ("On Tuesday", "Last Friday"). Plurals ("on Mondays") are
    habits, not days."""
    head = text[:limit]
    found = set()
    for m in _WEEKDAY_RE.finditer(head):
        end = m.end()
        if head.startswith("s ", end) or _CAPITAL_AFTER.match(head, end):
            continue
        before = _CAPITAL_BEFORE.search(head, max(0, m.start() - 40), m.start())
        if before is not None and before.group(1) not in _DAY_OPENERS:
            continue
        found.add(_WEEKDAYS.index(m.group(1)))
    return frozenset(found)


class DayNamedEvidence:
    """What a weekday that two undated articles both name says of them, as a
    log likelihood ratio ``ln P(a day shared | same event) /
    P(a day shared | other events)``.

    An undated page still says "on Tuesday", and two reports of one event
    usually name its day. *Same event*: of pairs whose articles both name a
    weekday, :data:`SAME_EVENT_SHARES_DAY` share one. *Other events*: the
    corpus's own rate of shared days over its candidate pairs of two undated
    articles (most of a corpus's close pairs are of different events),
    smoothed towards :data:`OTHER_EVENTS_SHARE_DAY` with
    :data:`DAY_PRIOR_PAIRS` pseudo-pairs; so in one week's dense coverage, or a
    corpus that is mostly one event, a shared day says little.

    Days that differ are no evidence either way: coverage spreads (the seeds'
    reports name Monday and Thursday of one story), so only a shared day
    counts, as a bonus that never splits what the content joins. A weekday
    recurs every week, so the evidence is used only where the corpus's dated
    articles span at most :data:`HORIZON_DAYS` (or there are none): in an
    archive of years, an undated article may be from any week of it.
    """

    def __init__(self, shared: int, disjoint: int):
        other = (shared + DAY_PRIOR_PAIRS * OTHER_EVENTS_SHARE_DAY) / (shared + disjoint + DAY_PRIOR_PAIRS)
        self.log_shared = max(0.0, float(np.log(SAME_EVENT_SHARES_DAY / other)))


def _day_factors(arts: list[Article], I: np.ndarray, J: np.ndarray, undated: np.ndarray) -> np.ndarray:
    """Each pair's factor from :class:`DayNamedEvidence`: above 1 where both
    articles are undated (``undated``) and name a common weekday, else 1."""
    factor = np.ones(len(I))
    rows = np.flatnonzero(undated)
    if not len(rows):
        return factor
    named = {}
    for k in np.union1d(I[rows], J[rows]).tolist():
        named[k] = days_named(article_text(arts[k]))
    shared = np.zeros(len(I), dtype=bool)
    both = np.zeros(len(I), dtype=bool)
    for r in rows.tolist():
        a, b = named[int(I[r])], named[int(J[r])]
        if a and b:
            both[r] = True
            shared[r] = bool(a & b)
    if not both.any():
        return factor
    evidence = DayNamedEvidence(int(shared.sum()), int((both & ~shared).sum()))
    factor[shared] = np.exp(TIME_WEIGHT * evidence.log_shared)
    return factor


# -- clustering -------------------------------------------------------------

def cluster_pairs(
    n: int,
    pairs: "dict[tuple[int, int], float] | coo_matrix",
    dates: Sequence[int | None],
    *,
    threshold: float = THRESHOLD,
    window_days: int | None = WINDOW_DAYS,
    coherence: float = COHERENCE,
    copies: Iterable[tuple[int, int]] = (),
) -> list[list[int]]:
    """Average-linkage agglomerative clustering over a sparse pair score
    (``(i, j) -> score`` or an upper-triangular sparse matrix from
    :func:`pair_graph`; pairs not given score 0), stopping when no two groups
    have a mean pairwise score of at least ``threshold``, never merging
    two groups whose dated members would span more than ``window_days``, and
    never two groups of two or more whose pairs across score less than
    ``coherence`` times their pairs within (see :data:`COHERENCE`; the pairs
    of ``copies``, near-duplicates as index pairs, do not count within).
    Returns groups of indexes, each sorted, in order of their smallest index."""
    import heapq

    if isinstance(pairs, dict):
        triples = [(i, j, v) for (i, j), v in pairs.items()]
    else:  # a sparse graph (pair_graph): one entry per pair, i < j
        triples = list(zip(pairs.row.tolist(), pairs.col.tolist(), pairs.data.tolist()))
    sums: list[dict[int, float]] = [dict() for _ in range(n)]
    for i, j, v in triples:
        sums[i][j] = sums[i].get(j, 0.0) + v
        sums[j][i] = sums[j].get(i, 0.0) + v
    size = [1] * n
    # each group's pairs within, near-duplicates left out: summed score, count
    within = [0.0] * n
    counted = [0] * n
    copy_of: dict[int, set[int]] = {}
    copy_score: dict[tuple[int, int], float] = {}
    group_of = list(range(n))  # each article's group (kept only when there are copies)
    for i, j in copies:
        if i != j:
            i, j = min(i, j), max(i, j)
            copy_of.setdefault(i, set()).add(j)
            copy_of.setdefault(j, set()).add(i)
            copy_score[(i, j)] = sums[i].get(j, 0.0)
    lo = [d for d in dates]
    hi = [d for d in dates]
    members: list[list[int] | None] = [[i] for i in range(n)]
    heap = [(-v, i, j) for i, j, v in triples if v >= threshold]
    del triples
    heapq.heapify(heap)
    version = [0] * n
    stamp: dict[tuple[int, int], tuple[int, int]] = {}

    def fits(a: int, b: int) -> bool:
        if window_days is None or lo[a] is None or lo[b] is None:
            return True
        return max(hi[a], hi[b]) - min(lo[a], lo[b]) <= window_days  # type: ignore[type-var, operator]

    while heap:
        neg, a, b = heapq.heappop(heap)
        if members[a] is None or members[b] is None:
            continue
        if stamp.get((a, b), (0, 0)) != (version[a], version[b]):
            continue
        if not fits(a, b):
            continue
        mean = -neg
        cross, cross_n = mean * size[a] * size[b], size[a] * size[b]
        if copy_of:  # near-duplicate pairs across a and b
            small, big = (a, b) if size[a] <= size[b] else (b, a)
            for i in members[small]:  # type: ignore[union-attr]
                for j in copy_of.get(i, ()):
                    if group_of[j] == big:
                        cross -= copy_score[(min(i, j), max(i, j))]
                        cross_n -= 1
        if coherence and counted[a] and counted[b]:
            wa, wb = within[a] / counted[a], within[b] / counted[b]
            if mean < coherence * (size[a] * wa + size[b] * wb) / (size[a] + size[b]):
                continue
        # merge b into a (a < b)
        within[a] += within[b] + cross
        counted[a] += counted[b] + cross_n
        if copy_of:
            for i in members[b]:  # type: ignore[union-attr]
                group_of[i] = a
        members[a].extend(members[b])  # type: ignore[union-attr]
        members[b] = None
        for k, v in sums[b].items():
            if k == a:
                continue
            sums[a][k] = sums[a].get(k, 0.0) + v
            sums[k][a] = sums[k].get(a, 0.0) + v
            del sums[k][b]
        sums[a].pop(b, None)
        sums[b] = {}
        size[a] += size[b]
        if lo[b] is not None:
            lo[a] = lo[b] if lo[a] is None else min(lo[a], lo[b])  # type: ignore[type-var]
            hi[a] = hi[b] if hi[a] is None else max(hi[a], hi[b])  # type: ignore[type-var]
        version[a] += 1
        for k, v in sums[a].items():
            if members[k] is None:
                continue
            mean = v / (size[a] * size[k])
            if mean >= threshold and fits(a, k):
                x, y = (a, k) if a < k else (k, a)
                stamp[(x, y)] = (version[x], version[y])
                heapq.heappush(heap, (-mean, x, y))
    return sorted((sorted(m) for m in members if m), key=lambda m: m[0])


def cluster(
    S: np.ndarray,
    dates: list[int | None],
    *,
    threshold: float = THRESHOLD,
    window_days: int | None = WINDOW_DAYS,
) -> list[list[int]]:
    """:func:`cluster_pairs` on a dense score matrix."""
    n = S.shape[0]
    pairs = {(i, j): float(S[i, j]) for i in range(n) for j in range(i + 1, n) if S[i, j] != 0}
    return cluster_pairs(n, pairs, dates, threshold=threshold, window_days=window_days)


# -- near-duplicates ----------------------------------------------------------

def shingles(text: str, k: int = SHINGLE) -> set[tuple[str, ...]]:
    toks = [w.lower() for w in words(normalize(text))]
    if len(toks) < k:
        return {tuple(toks)} if toks else set()
    return {tuple(toks[i:i + k]) for i in range(len(toks) - k + 1)}


def credits(article: Article, other: Article) -> bool:
    """Whether ``article`` names ``other``'s outlet in its dateline, byline or
    first lines ("KESH (Meridian) —"): a sign that it carries the other's copy."""
    if not other.outlet:
        return False
    head = " ".join(x for x in (article.dateline, article.byline, article.body[:400]) if x)
    names = {other.outlet}
    first = other.outlet.split()[0]
    if len(first) >= 4 and first.lower() not in STOP_WORDS:
        names.add(first)
    return any(re.search(rf"\b{re.escape(n)}\b", head) for n in names) and not (
        article.outlet and other.outlet.split()[0] == article.outlet.split()[0]
    )


#: Words hashed into shingles at a time by :func:`near_duplicates` (bounds its arrays).
_SHINGLE_CHUNK = 1 << 20

#: Word as written -> the 64-bit key of its lower case (:func:`_word_key`).
_WORD_KEY: dict[str, int] = {}


def _word_key(word: str) -> int:
    """A 64-bit key of the word's lower case: the first 8 bytes of its BLAKE2b
    digest, so that every process (a worker, a Dask task) keys a word alike
    and a shard's shingles can be keyed where the shard is read."""
    try:
        return _WORD_KEY[word]
    except KeyError:
        pass
    key = int.from_bytes(blake2b(word.lower().encode("utf-8", "surrogatepass"), digest_size=8).digest(),
                         "little")
    if len(_WORD_KEY) >= _TERM_CACHE_MAX:
        _WORD_KEY.clear()
    _WORD_KEY[word] = key
    return key


def _shingle_keys(ids: np.ndarray, counts: np.ndarray, first: int,
                  sizes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct word-shingle keys of consecutive articles ``first``,
    ``first + 1``, ... whose word keys run on in ``ids`` (``counts[x]`` words
    each; 0 for an article not compared): ``(rows, keys)`` sorted by row then
    key, without articles that have fewer than three distinct shingles. Sets
    ``sizes`` of the articles compared to their number of distinct shingles."""
    m = max(len(ids) - SHINGLE + 1, 0)
    h = ids[:m].copy()
    for off in range(1, SHINGLE):
        h = h * _MIX + ids[off:off + m]
    # shingle k of the run starts at word k: keep those inside one article
    per = np.maximum(counts - SHINGLE + 1, 0)
    ends = np.cumsum(per)
    at = np.repeat(np.cumsum(counts) - counts - (ends - per), per) + np.arange(int(ends[-1]) if len(ends) else 0)
    rows = np.repeat(np.arange(first, first + len(counts), dtype=np.int64), per)
    h = h[at]
    order = np.lexsort((h, rows))
    rows, h = rows[order], h[order]
    new = np.ones(len(h), dtype=bool)
    new[1:] = (rows[1:] != rows[:-1]) | (h[1:] != h[:-1])
    rows, h = rows[new], h[new]
    distinct = np.bincount(rows - first, minlength=len(counts))
    compared = counts > 0
    sizes[first:first + len(counts)][compared] = distinct[compared]
    keep = distinct[rows - first] >= 3
    return rows[keep], h[keep]


def _copy_block(bodies: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The near-duplicate shingles of consecutive bodies (a shard of
    :func:`group_events`' reading, or of :func:`near_duplicates`): each
    body's distinct word 5-shingles as 64-bit keys (a polynomial of its
    words' :func:`_word_key`: deterministic in any process, and never a
    Python set of tuples per article), hashed :data:`_SHINGLE_CHUNK` words at
    a time. Returns ``(kept, keys, sizes)``: how many keys each body keeps
    (0 for fewer than three distinct shingles), the keys body after body,
    each body's sorted, and each body's number of distinct shingles (1 for a
    body with words but too few to compare, 0 for none)."""
    sizes = np.zeros(len(bodies), dtype=np.int64)
    row_parts: list[np.ndarray] = []
    key_parts: list[np.ndarray] = []
    flat: list[int] = []
    counts: list[int] = []
    first = 0
    key = _word_key
    for i, body in enumerate(bodies):
        toks = words(normalize(body))
        if len(toks) < SHINGLE + 2:  # fewer than 3 shingles: not compared
            sizes[i] = 1 if toks else 0
            counts.append(0)
        else:
            flat.extend(map(key, toks))
            counts.append(len(toks))
        if len(flat) >= _SHINGLE_CHUNK or i == len(bodies) - 1:
            r, k = _shingle_keys(np.array(flat, dtype=np.uint64), np.array(counts, dtype=np.int64), first, sizes)
            row_parts.append(r)
            key_parts.append(k)
            flat, counts, first = [], [], i + 1
    rows = np.concatenate(row_parts) if row_parts else np.zeros(0, dtype=np.int64)
    keys = np.concatenate(key_parts) if key_parts else np.zeros(0, dtype=np.uint64)
    return np.bincount(rows, minlength=len(bodies)), keys, sizes


def near_duplicates(articles: list[Article], *, threshold: float = NEAR_DUPLICATE) -> dict[int, int]:
    """Copy id → original id. Two articles are near-duplicates when at least
    ``threshold`` of the smaller one's word 5-shingles occur in the other (so a
    trimmed or lightly edited syndicated copy counts), or when they are one
    record listed twice: the same link and headline (:func:`_listed_twice`).
    The original is the earlier article; on the same date, the one the other
    credits ("KESH (Meridian) —"), else the lower id. A copy of a copy points
    at the first."""
    arts = sorted(articles, key=lambda a: a.id or 0)
    blocks = [_copy_block([a.body for a in arts[k:k + READ_SHARD]]) for k in range(0, len(arts), READ_SHARD)]
    return _copies(arts, blocks, threshold=threshold)


_TITLE_SUFFIX_RE = re.compile(r"\s+[-|–—]\s+[^-|–—]{1,60}$")


def _url_key(url: str | None) -> str | None:
    """A link as one article: scheme and host in lower case, no fragment, no
    trailing slash; None for no link or a bare site address."""
    if not url or "://" not in url:
        return None
    scheme, _, rest = url.strip().partition("://")
    host, slash, path = rest.partition("/")
    path = path.split("#", 1)[0].rstrip("/")
    if not path:
        return None  # a site's home page says nothing of which article
    return f"{scheme.lower()}://{host.lower()}/{path}"


def _listed_twice(arts: list[Article]) -> set[tuple[int, int]]:
    """Pairs (i < j) of records of one article listed twice: the same link and
    the same headline, less a " - Site" suffix. An archive's story list names
    one story once for each feed that carried it (a news aggregator's editions
    under 20 media names, one link); with no text, no shingle can tell."""
    first: dict[tuple[str, str], int] = {}
    out: set[tuple[int, int]] = set()
    for i, a in enumerate(arts):
        url = _url_key(a.url)
        if url is None or not a.title:
            continue
        title = " ".join(_TITLE_SUFFIX_RE.sub("", a.title.strip()).casefold().split())
        if not title:
            continue
        j = first.setdefault((url, title), i)
        if j != i:
            out.add((j, i))
    return out


def _copies(arts: list[Article], blocks: list[tuple[np.ndarray, np.ndarray, np.ndarray]], *,
            threshold: float = NEAR_DUPLICATE) -> dict[int, int]:
    """:func:`near_duplicates` of ``arts`` (sorted by id) from the
    :func:`_copy_block` of their consecutive shards."""
    if not arts:
        return {}
    kept = np.concatenate([b[0] for b in blocks])
    sizes = np.concatenate([b[2] for b in blocks])
    allk = np.concatenate([b[1] for b in blocks])
    rows = np.repeat(np.arange(len(arts), dtype=np.int64), kept)
    _, cols = np.unique(allk, return_inverse=True)
    del allk
    M = csr_matrix((np.ones(len(rows), dtype=np.float64), (rows, cols.ravel())),
                   shape=(len(arts), int(cols.max()) + 1 if len(cols) else 0))
    del rows, cols
    G = pair_graph(M, floor=1.0, max_df=COPY_MAX_DF, top_k=None)
    gi, gj = G.row.astype(np.int64), G.col.astype(np.int64)
    gn = G.data.round().astype(np.int64)
    # only the pairs that share enough of the smaller article's shingles
    near = gn / np.minimum(sizes[gi], sizes[gj]) >= threshold
    shared = sorted(set(zip(gi[near].tolist(), gj[near].tolist())) | _listed_twice(arts))
    parent: dict[int, int] = {}
    for i, j in shared:
        a, b = arts[i], arts[j]
        da, db = a.date or "9999", b.date or "9999"
        if da != db:
            orig, copy = (a, b) if da < db else (b, a)
        elif credits(a, b) and not credits(b, a):
            orig, copy = b, a
        else:
            orig, copy = a, b
        parent.setdefault(int(copy.id), int(orig.id))  # type: ignore[arg-type]
    out = {}
    for c in parent:
        root, seen = parent[c], {c}
        while root in parent and root not in seen:
            seen.add(root)
            root = parent[root]
        out[c] = root
    return dict(sorted(out.items()))


# -- labels and ids -----------------------------------------------------------

_TERMS: dict[int, tuple[TfidfVectorizer, list[str]]] = {}


def _names(plain_text: str) -> list[str]:
    """Named entities of a normalised title + body, in text order."""
    return [name for _, _, name in name_sequences(plain_text)]


def _terms(vec: TfidfVectorizer) -> list[str]:
    hit = _TERMS.get(id(vec))
    if hit is None or hit[0] is not vec:
        terms = [""] * len(vec.vocabulary_)
        for t, c in vec.vocabulary_.items():
            terms[c] = t
        _TERMS.clear()  # only the latest vectoriser: its terms by column, built once per grouping
        hit = _TERMS[id(vec)] = (vec, terms)
    return hit[1]

#: Courtesy titles a label does without ("Mr Heseltine" -> "Heseltine", as a
#: headline writes him); offices and peerages stay ("President Pezeshkian",
#: "Lord Heseltine"), as they say who the person is.
_LABEL_HONORIFICS = frozenset("mr mr. mrs mrs. ms ms. mx mx. miss dr dr.".split())


def _label_form(name: str) -> str:
    """``name`` as an event's label shows it: without a leading courtesy title."""
    first, _, rest = name.partition(" ")
    return rest if rest[:1].isupper() and first.lower() in _LABEL_HONORIFICS else name


def _label(articles: list[Article], vec: TfidfVectorizer | None, X, rows: list[int], k: int = 3,
           names: list[list[str]] | None = None) -> list[str]:
    """Key terms shared by the group: entities (then words) that occur in the
    most members, weighted by their summed tf-idf; shown as written most often."""
    surface: Counter[tuple[str, str]] = Counter()
    df: Counter[str] = Counter()
    weight: Counter[str] = Counter()
    vocab = vec.vocabulary_ if vec is not None else {}
    if names is None:
        names = [_names(normalize(article_text(a))) for a in articles]
    for art, r, found in zip(articles, rows, names):
        seen = set()
        for name in found:
            key = "ENT:" + name.lower()
            surface[(key, name)] += 1
            seen.add(key)
        row = {}
        if X is not None:
            a, b = X.indptr[r], X.indptr[r + 1]  # the row's entries, as X[r] holds them
            row = dict(zip(X.indices[a:b].tolist(), X.data[a:b].tolist()))
        for key in seen:
            df[key] += 1
            if key in vocab:
                weight[key] += row.get(vocab[key], 0.0)
    need = 2 if len(articles) > 1 else 1
    cands = [t for t in df if df[t] >= need and t[4:] not in CALENDAR] or list(df)
    cands.sort(key=lambda t: (-df[t], -weight[t], t))
    out: list[str] = []
    for key in cands:
        forms = [(c, s) for (kk, s), c in surface.items() if kk == key]
        best = _label_form(sorted(forms, key=lambda cs: (-cs[0], cs[1]))[0][1])
        low = best.lower()
        if any(low in o.lower() or o.lower() in low for o in out):
            continue
        out.append(best)
        if len(out) == k:
            break
    if not out:
        title = next((a.title for a in articles if a.title), None)
        out = [title[:60]] if title else ["untitled"]
    return out


def shared_evidence(members: list[Article], vec: TfidfVectorizer | None, X, rows: list[int],
                    *, k: int = 6, names: list[list[str]] | None = None,
                    texts: list[str] | None = None) -> dict[str, list[str]]:
    """The named entities and content words that at least two members (or all,
    in a pair) share, heaviest first by summed tf-idf weight; each shown as
    written most often. This is the evidence the grouping joined them on.
    ``texts`` are the members' normalised :func:`article_text` if known."""
    if vec is None or X is None or len(members) < 2:
        return {"entities": [], "terms": []}
    need = 2
    inv = _terms(vec)
    indptr = X.indptr
    # the rows' entries in order (row by row, each in X[r]'s order): a term's
    # weight is summed in that order, as adding them one by one would
    cols = np.concatenate([X.indices[indptr[r]:indptr[r + 1]] for r in rows])
    vals = np.concatenate([X.data[indptr[r]:indptr[r + 1]] for r in rows])
    uniq, where = np.unique(cols, return_inverse=True)
    where = where.ravel()
    df = np.bincount(where, minlength=len(uniq))
    summed = np.bincount(where, weights=vals, minlength=len(uniq))
    sel = np.flatnonzero(df >= need)
    weight = {inv[c]: w for c, w in zip(uniq[sel].tolist(), summed[sel].tolist())}
    shared = [t for t in weight if t.removeprefix("ENT:") not in CALENDAR]
    shared.sort(key=lambda t: (-weight[t], t))
    # How each shared term is written most often (only the shared ones are shown).
    wanted = set(shared)
    surface: Counter[tuple[str, str]] = Counter()
    if names is None:
        names = [_names(normalize(article_text(a))) for a in members]
    if texts is None:
        texts = [normalize(article_text(a)) for a in members]
    term = _term
    for text, found in zip(texts, names):
        for name, c in Counter(found).items():
            key = "ENT:" + name.lower()
            if key in wanted:
                surface[(key, name)] += c
        for w, c in Counter(words(text)).items():
            key = term(w)  # the word's term, as in the vectors
            if key is None:  # stop words, short words and numbers: their stem as it is
                form = _form(w)
                if form is not None and form[0] in wanted:
                    surface[form] += c
            elif key in wanted:
                surface[(key, strip_possessive(w).lower())] += c
    best: dict[str, str] = {}
    for (key, form), c in sorted(surface.items(), key=lambda kv: (-kv[1], kv[0][1])):
        best.setdefault(key, form)
    ents = [best.get(t, t[4:]) for t in shared if t.startswith("ENT:")][:k]
    low_ents = {e.lower() for e in ents} | {w.lower() for e in ents for w in e.split()}
    terms = [best.get(t, t) for t in shared if not t.startswith("ENT:")]
    terms = [t for t in terms if t.lower() not in low_ents][:k]
    return {"entities": ents, "terms": terms}


#: Word as written -> ``(term, lower-case form)`` for :func:`shared_evidence`.
_FORM_OF: dict[str, tuple[str, str] | None] = {}


def _form(word: str) -> tuple[str, str] | None:
    """A word's ``(stemmed term, lower-case form)``, or None for stop words and
    words under three letters (how :func:`shared_evidence` shows a shared term)."""
    try:
        return _FORM_OF[word]
    except KeyError:
        pass
    low = strip_possessive(word).lower()
    f = (stem(low), low) if len(low) >= 3 and low not in STOP_WORDS else None
    if len(_FORM_OF) >= _TERM_CACHE_MAX:
        _FORM_OF.clear()
    _FORM_OF[word] = f
    return f


def crowd(n: int, I: np.ndarray, J: np.ndarray, V: np.ndarray, day: np.ndarray, k: int = CROWD_K,
          floor: float = PAIR_FLOOR) -> np.ndarray:
    """Each of ``n`` articles' mean similarity to its ``k`` nearest neighbours
    on a pair graph (``I[x]``, ``J[x]``, similarity ``V[x]``) among the
    articles dated at least :data:`CROWD_DAYS` from it (``day``: ordinal, -1
    undated); a neighbour it lacks counts as ``floor``."""
    di, dj = day[I], day[J]
    other = (di >= 0) & (dj >= 0) & (np.abs(di - dj) >= CROWD_DAYS)
    I, J, V = I[other], J[other], V[other]
    rows = np.concatenate([I, J])
    vals = np.concatenate([V, V])
    order = np.lexsort((-vals, rows))
    rows, vals = rows[order], vals[order]
    rank = np.arange(len(rows)) - np.searchsorted(rows, rows, side="left")
    near = rank < k
    total = np.bincount(rows[near], weights=vals[near], minlength=n)
    count = np.bincount(rows[near], minlength=n)
    return (total + (k - count) * floor) / k


def crowding(n: int, I: np.ndarray, J: np.ndarray, V: np.ndarray, day: np.ndarray) -> np.ndarray:
    """Per pair, ``min(1, CROWD_REF / sqrt(crowd_i * crowd_j))`` (see :data:`CROWD_REF`)."""
    if not len(I) or not CROWD_K:
        return np.ones(len(I))
    c = crowd(n, I, J, V, day)
    return np.minimum(1.0, CROWD_REF / np.sqrt(c[I] * c[J]))


def _content(X, dates: list[int | None], window_days: int | None,
             head: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The content part of :func:`_scores` (no copies, no dates' evidence):
    each candidate pair ``(I, J)`` and its similarity times crowding ``V``.
    ``head``: :func:`headline_only` of the rows; a pair of two of them is kept
    from :data:`HEADLINE_FLOOR` up, every other pair from :data:`PAIR_FLOOR`."""
    if X is None:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0)
    n = len(dates)
    low = head is not None and HEADLINE_FLOOR < PAIR_FLOOR and int(head.sum()) > 1
    G = pair_graph(X, dates=dates, window_days=window_days, floor=HEADLINE_FLOOR if low else PAIR_FLOOR)
    I, J, V = G.row.astype(np.int64), G.col.astype(np.int64), G.data.astype(np.float64)
    if low:  # the pairs below PAIR_FLOOR rank last on the graph: the others' top-K is as without them
        keep = (V >= PAIR_FLOOR) | (head[I] & head[J])  # type: ignore[index]
        I, J, V = I[keep], J[keep], V[keep]
    return I, J, V * crowding(n, I, J, V, np.array([-1 if d is None else d for d in dates], dtype=np.int64))


def headline_only(arts: Sequence[Article]) -> np.ndarray:
    """Mask of the articles that are a headline without text (``content``
    "headline", or an empty body; see :data:`HEADLINE_GAIN`)."""
    return np.fromiter((bool(a.title) and (a.content == "headline" or not (a.body or "").strip()) for a in arts),
                       dtype=bool, count=len(arts))


def _rewordings(head: np.ndarray, X, scores: coo_matrix) -> list[tuple[int, int]]:
    """The pairs of the graph ``scores`` that are two headline-only articles
    (``head``: :func:`headline_only`) rewording one headline
    (:data:`REWORDING`): for :func:`cluster_pairs`, a pair of copies (the
    wire's headline and an outlet's edit of it say nothing of how close the
    rest of the coverage is)."""
    if X is None or not REWORDING or not len(scores.row) or not head.any():
        return []
    I, J = scores.row.astype(np.int64), scores.col.astype(np.int64)
    both = head[I] & head[J]
    I, J = I[both], J[both]
    B = X.copy()
    B.data = np.ones_like(B.data)
    shared = _rowwise_dot(B, I, J)  # terms the two share
    count = np.diff(X.indptr)
    short = np.minimum(count[I], count[J])
    keep = (short >= REWORDING_TERMS) & (shared >= REWORDING * short - 1e-9)
    return list(zip(I[keep].tolist(), J[keep].tolist()))


def _scores(arts: list[Article], X, copies: dict[int, int], *,
            window_days: int | None = WINDOW_DAYS,
            content: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None,
            head: np.ndarray | None = None) -> coo_matrix:
    """Pair scores for clustering, as a sparse graph: content similarity times
    date evidence; near-duplicates always score 1 or more (a copy of the same
    story). ``content``: :func:`_content` of ``X``, if made already."""
    n = len(arts)
    dates = [_ordinal(a.date) for a in arts]
    head = headline_only(arts) if head is None else head
    I, J, V = content if content is not None else _content(X, dates, window_days, head)
    if HEADLINE_GAIN != 1.0 and len(I) and head.any():
        V = np.where(head[I] & head[J], V * HEADLINE_GAIN, V)
    index = {a.id: i for i, a in enumerate(arts)}
    cp = sorted(tuple(sorted((index[c], index[o]))) for c, o in copies.items() if c in index and o in index)
    if cp:
        I = np.concatenate([I, np.array([c[0] for c in cp], dtype=np.int64)])
        J = np.concatenate([J, np.array([c[1] for c in cp], dtype=np.int64)])
        V = np.concatenate([V, np.ones(len(cp))])
        key = I * n + J
        order = np.argsort(key, kind="stable")
        key, I, J, V = key[order], I[order], J[order], V[order]
        starts = np.flatnonzero(np.r_[True, key[1:] != key[:-1]])
        I, J, V = I[starts], J[starts], np.maximum.reduceat(V, starts)
    day = np.array([-1 if d is None else d for d in dates], dtype=np.int64)
    if len(I):
        di, dj = day[I], day[J]
        dated = (di >= 0) & (dj >= 0)
        apart = np.abs(di - dj)[dated]
        valid = day[day >= 0]
        if len(apart):
            evidence = TimeEvidence(dates)
            u, inv = np.unique(apart, return_inverse=True)
            factor = np.exp(TIME_WEIGHT * np.array([evidence.log_ratio(int(x)) for x in u]))[inv]
            # density prior: dated articles per day over the pair's days
            d0 = int(valid.min())
            cum = np.r_[0, np.cumsum(np.bincount(valid - d0))]
            lo, hi = np.minimum(di, dj)[dated] - d0, np.maximum(di, dj)[dated] - d0
            per_day = (cum[hi + 1] - cum[lo]) / (hi - lo + 1)
            dense = np.minimum(1.0, DENSITY_REF / per_day) ** TIME_WEIGHT
            factor = np.where(factor > 1.0, np.maximum(1.0, factor * dense), factor)
            V = V.copy()
            V[dated] *= factor
        if not len(valid) or int(valid.max() - valid.min()) <= HORIZON_DAYS:
            # a weekday recurs every week: where the dated articles span months,
            # an undated one may be from any of them, and its day says little
            V = V * _day_factors(arts, I, J, (di < 0) & (dj < 0))
    return coo_matrix((V, (I, J)), shape=(n, n))


def apply_corrections(groups: list[tuple[list[int], str | None]],
                      corrections: Sequence[tuple[str, Sequence[int]]]) -> list[tuple[list[int], str | None, bool]]:
    """Apply the user's corrections, oldest first, to groups of article ids:
    ``("merge", ids)`` puts every group holding one of ``ids`` into one;
    ``("split", ids)`` takes ``ids`` out of their groups into a group of their
    own. Ids no longer in the corpus are ignored. Returns ``(ids, manifest
    event, corrected)`` triples."""
    cur = [(set(g), ev, False) for g, ev in groups]
    for action, ids in corrections:
        ids = set(ids)
        touched = [k for k, (g, _, _) in enumerate(cur) if g & ids]
        if not touched:
            continue
        if action == "merge":
            if len(touched) < 2:
                continue
            names = {cur[k][1] for k in touched}
            union = set().union(*(cur[k][0] for k in touched))
            merged = (union, names.pop() if len(names) == 1 else None, True)
            cur = [c for k, c in enumerate(cur) if k not in touched] + [merged]
        elif action == "split":
            moved: set[int] = set()
            nxt = []
            for k, (g, ev, fixed) in enumerate(cur):
                if k in touched:
                    moved |= g & ids
                    rest = g - ids
                    if rest:
                        nxt.append((rest, ev, True))
                else:
                    nxt.append((g, ev, fixed))
            cur = nxt + [(moved, None, True)]
    return [(sorted(g), ev, fixed) for g, ev, fixed in cur if g]


def _cohesion(X, rows: list[int]) -> float | None:
    """Mean pairwise cosine similarity of the rows (None for one article)."""
    if X is None or len(rows) < 2:
        return None
    # the rows' entries in X[rows]'s order, without building the sub-matrix
    ptr = X.indptr
    indices = np.concatenate([X.indices[ptr[r]:ptr[r + 1]] for r in rows])
    data = np.concatenate([X.data[ptr[r]:ptr[r + 1]] for r in rows])
    # column sums over the columns the rows use (never a dense row of the vocabulary)
    _, where = np.unique(indices, return_inverse=True)
    col = np.bincount(where.ravel(), weights=data)
    total = float(col @ col) - float(data @ data)
    n = len(rows)
    return round(total / (n * (n - 1)), 3)


#: Articles per shard when :func:`group_events` reads articles in worker processes.
READ_SHARD = 2000


def _read_shard(shard: tuple[list[tuple[str | None, str]], bool]) -> tuple:
    """A task of :func:`_read_articles`: for each ``(title, body)``, the
    normalised :func:`article_text` and its names; the :func:`_tf_block` of
    their weighted features; and, if the shard's flag asks for them, the
    bodies' near-duplicate shingles (:func:`_copy_block`), else None."""
    pairs, with_copies = shard
    norm = [normalize(_text_of(title, body)) for title, body in pairs]
    read = [_features_and_names(t) for t in norm]
    copy_block = _copy_block([body for _, body in pairs]) if with_copies else None
    return norm, [n for _, n in read], _tf_block(f for f, _ in read), copy_block


def _features_and_names(text: str) -> tuple[list[tuple[str, float]], list[str]]:
    """:func:`_weighted_features` and :func:`_names` of a normalised
    :func:`article_text`, splitting its body into sentences once: a line
    break always ends a sentence, so when the title separator ends its line
    the whole text's sentences are the title part's and the body's."""
    sep = TITLE_SEP.strip("\n")
    off = text.rfind(sep) + 1
    if not off or text[off:off + 1] not in ("\n", ""):
        return _weighted_features(text), _names(text)
    body = text[off:]
    body_starts = [a for a, _ in sentence_spans(body)]
    starts = [a for a, _ in sentence_spans(text[:off])] + [off + a for a in body_starts]
    # the body's names are scanned once, for the body and for the whole text
    return (_weighted_features(text, body_starts),
            [name for _, _, name in name_sequences(text, starts, cut=off)])


def _read_articles(arts: list[Article], map_shards=None, *, with_copies: bool = False):
    """``(normalised texts, names, tf-idf matrix, vocabulary, copy blocks)``
    of the articles' :func:`article_text`, read a shard at a time (through
    ``map_shards`` if given, e.g. in worker processes); the matrix and
    vocabulary are None when no text has a term. ``with_copies``: each
    shard's :func:`_copy_block` too (else the blocks are None)."""
    shards = [([(a.title, a.body) for a in arts[k:k + READ_SHARD]], with_copies)
              for k in range(0, len(arts), READ_SHARD)]
    done = map_shards(_read_shard, shards) if map_shards is not None and len(shards) > 1 else map(_read_shard, shards)
    norm: list[str] = []
    names: list[list[str]] = []
    blocks = []
    copy_blocks = []
    for t, n, block, copy_block in done:
        norm.extend(t)
        names.extend(n)
        blocks.append(block)
        copy_blocks.append(copy_block)
    try:
        X, vec = _tfidf(blocks)
    except ValueError:  # empty vocabulary
        X, vec = None, None
    return norm, names, X, vec, copy_blocks


#: From this many articles to cluster on, with a ``map_shards`` of two
#: processes or more (its ``jobs``: :func:`framing.pipeline.process_map`'s),
#: their pair products are made in a forked child while this process finds
#: the copies: below it, the fork costs more than it saves.
BESIDE_ARTICLES = 5_000

def _can_fork() -> bool:
    """:func:`framing.forking.can_fork`, imported when asked (the module
    brings multiprocessing and subprocess with it)."""
    from ..forking import can_fork

    return can_fork()


#: Articles per shard when :func:`group_events` describes its groups in worker processes.
DESCRIBE_SHARD = 2000


class _Titled:
    """An article's title alone: what :func:`_label` reads of an article
    when the names are given (a shard of :func:`_describe` carries no bodies)."""

    __slots__ = ("title",)

    def __init__(self, title: str | None):
        self.title = title


Description = tuple[list[str], dict[str, list[str]], float | None]


def _describe_group(members: list, vec, X, rows: list[int], names: list[list[str]],
                    texts: list[str]) -> Description:
    """A group's key terms (:func:`_label`), evidence (:func:`shared_evidence`)
    and cohesion (:func:`_cohesion`), from its rows of ``X``."""
    return (_label(members, vec, X, rows, names=names),
            shared_evidence(members, vec, X, rows, names=names, texts=texts),
            _cohesion(X, rows))


def _describe_shard(shard: tuple) -> list[Description]:
    """A task of :func:`_describe`: the groups of a shard, each as its rows of
    the shard's own matrix (its columns are the shard's terms only, in the
    whole vocabulary's order, so every sum runs over the same entries in the
    same order as on the whole matrix)."""
    X, terms, groups, titles, names, texts = shard
    vec = _Vocabulary({t: c for c, t in enumerate(terms)}) if X is not None else None
    return [_describe_group([_Titled(titles[r]) for r in rows], vec, X, rows, [names[r] for r in rows],
                            [texts[r] for r in rows]) for rows in groups]


def _describe(groups: list[list[int]], arts: list[Article], X, vec, names: list[list[str]], texts: list[str],
              map_shards=None) -> list[Description]:
    """:func:`_describe_group` of each group (its rows, sorted), in order;
    with ``map_shards``, in shards of about :data:`DESCRIBE_SHARD` articles
    (in worker processes), each carrying only its rows and terms."""
    if map_shards is None or sum(map(len, groups)) <= DESCRIBE_SHARD:
        return [_describe_group([arts[r] for r in rows], vec, X, rows, [names[r] for r in rows],
                                [texts[r] for r in rows]) for rows in groups]
    inv = _terms(vec) if vec is not None else []
    cuts: list[list[list[int]]] = []
    part: list[list[int]] = []
    size = 0
    for rows in groups:
        part.append(rows)
        size += len(rows)
        if size >= DESCRIBE_SHARD:
            cuts.append(part)
            part, size = [], 0
    if part:
        cuts.append(part)
    shards = []
    for part in cuts:
        rows = [r for g in part for r in g]
        local: list[list[int]] = []
        k = 0
        for g in part:
            local.append(list(range(k, k + len(g))))
            k += len(g)
        Xs, terms = None, []
        if X is not None:
            Xs = X[rows]
            cols, where = np.unique(Xs.indices, return_inverse=True)
            Xs = csr_matrix((Xs.data, where.ravel(), Xs.indptr), shape=(len(rows), len(cols)))
            terms = [inv[c] for c in cols.tolist()]
        shards.append((Xs, terms, local, [arts[r].title for r in rows], [names[r] for r in rows],
                       [texts[r] for r in rows]))
    return [d for done in map_shards(_describe_shard, shards) for d in done]


def group_events(
    articles: list[Article],
    *,
    threshold: float = THRESHOLD,
    window_days: int | None = WINDOW_DAYS,
    copies: dict[int, int] | None = None,
    use_dates: bool = True,
    corrections: Sequence[tuple[str, Sequence[int]]] = (),
    map_shards: Callable[[Callable[[Any], Any], list[Any]], Iterable[Any]] | None = None,
) -> list[EventGroup]:
    """Group articles into events. Articles with a manifest ``event`` are
    grouped by it; the others are clustered (see the module docstring); then
    the user's ``corrections`` (see :func:`apply_corrections`) are applied.
    Events are numbered ``e1``, ``e2``, … by first date (undated last), then
    label, then smallest article id: the same input always gives the same ids.
    ``copies`` are the articles' :func:`near_duplicates` (found here if None).

    ``map_shards`` (e.g. :func:`framing.pipeline.process_map`) reads the
    articles' terms, names and shingles in shards, in worker processes; the
    events are the same either way."""
    return events_and_copies(articles, threshold=threshold, window_days=window_days, copies=copies,
                             use_dates=use_dates, corrections=corrections, map_shards=map_shards)[0]


def events_and_copies(
    articles: list[Article],
    *,
    threshold: float = THRESHOLD,
    window_days: int | None = WINDOW_DAYS,
    copies: dict[int, int] | None = None,
    use_dates: bool = True,
    corrections: Sequence[tuple[str, Sequence[int]]] = (),
    map_shards: Callable[[Callable[[Any], Any], list[Any]], Iterable[Any]] | None = None,
) -> tuple[list[EventGroup], dict[int, int]]:
    """``(group_events(articles, ...), the copies it used)``: given no
    ``copies``, the articles' :func:`near_duplicates`, found with each article
    read once (its shingles are keyed where its terms and names are read, in
    ``map_shards``' workers if given). The cyclic garbage collector is off
    meanwhile (:func:`framing._collector.collector_paused`): grouping keeps
    nearly all it makes (each article's normalised text, terms, names and
    shingles, the matrices) until it returns and makes almost no cycles (30
    objects to collect after 50,000 articles), so every collection walked
    the corpus and the growing reading for nothing - about a quarter of
    grouping's CPU in one process (37 s against 29 s), with the same peak
    memory. Workers forked meanwhile inherit the collector off and exit after
    their shards."""
    with collector_paused():
        return _events_and_copies(articles, threshold=threshold, window_days=window_days, copies=copies,
                                  use_dates=use_dates, corrections=corrections, map_shards=map_shards)


def opaque_id(value: str) -> bool:
    """True for an event value that is a record id, not a name: an export's
    story id ("d85PwV5UxEUaHMM0to00pLgkAXkbM", "1065372315", a UUID). Such an
    event is labelled by its key terms; a name ("accords", "harbour-strike",
    "Brexit vote", "BrexitVote", "x") is its own label. An id has no spaces, at
    least six characters, and either a piece between separators of eight or
    more characters mixing letters and digits or scrambling their case, or no
    piece of two or more letters only."""
    v = value.strip()
    if len(v) < 6 or any(c.isspace() for c in v):
        return False
    pieces = re.split(r"[-_.:/#]+", v)
    if any(len(p) >= 8 and (_scrambled(p) or (any(c.isdigit() for c in p) and any(c.isalpha() for c in p)))
           for p in pieces):
        return True  # "dsxeQTqHzsYQzrM7usRl_Shtda-iM": a generated key, whatever its other pieces
    return not any(len(p) >= 2 and p.isalpha() for p in pieces)  # "harbour-strike", "BrexitVote"


def _scrambled(piece: str) -> bool:
    """Letters whose case changes back and forth as no word's does (three or
    more lower-to-upper steps: "dchKRTV8vDviyCMH")."""
    return sum(1 for a, b in zip(piece, piece[1:]) if a.islower() and b.isupper()) >= 3


def _events_and_copies(
    articles: list[Article],
    *,
    threshold: float,
    window_days: int | None,
    copies: dict[int, int] | None,
    use_dates: bool,
    corrections: Sequence[tuple[str, Sequence[int]]],
    map_shards: Callable[[Callable[[Any], Any], list[Any]], Iterable[Any]] | None,
) -> tuple[list[EventGroup], dict[int, int]]:
    arts = sorted(articles, key=lambda a: a.id or 0)
    if not arts:
        return [], {}
    texts, names, X, vec, copy_blocks = _read_articles(arts, map_shards, with_copies=copies is None)

    groups: list[tuple[list[int], str | None]] = []
    by_manifest: dict[str, list[int]] = {}
    free: list[int] = []
    for i, a in enumerate(arts):
        if a.event:
            by_manifest.setdefault(a.event, []).append(i)
        else:
            free.append(i)
    for ev in sorted(by_manifest):
        groups.append((by_manifest[ev], ev))
    sub = [arts[i] for i in free]
    if not use_dates:
        sub = [replace(a, date=None) for a in sub]
    Xf = X[free] if X is not None and free else None
    head = headline_only(sub)
    content = None
    if copies is not None:
        copy_of = copies
    elif Xf is not None and len(free) >= BESIDE_ARTICLES and getattr(map_shards, "jobs", 1) > 1 \
            and _can_fork():
        from ..forking import ForkPool

        # The copies' shingle products and the content's pair products are
        # both this process's, one after the other, while the read shards'
        # workers are gone: the content's run in a child meanwhile.
        with ForkPool(1) as pool:
            tid = pool.submit(_content, Xf, [_ordinal(a.date) for a in sub], window_days, head)
            copy_of = _copies(arts, copy_blocks)
            content = pool.result(tid)
    else:
        copy_of = _copies(arts, copy_blocks)
    if free:
        scores = _scores(sub, Xf, copy_of, window_days=window_days, content=content, head=head)
        dates = [_ordinal(a.date) for a in sub]
        index = {a.id: k for k, a in enumerate(sub)}
        copy_pairs = [(index[c], index[o]) for c, o in copy_of.items() if c in index and o in index]
        copy_pairs += _rewordings(head, Xf, scores)
        for g in cluster_pairs(len(sub), scores, dates, threshold=threshold, window_days=window_days,
                               copies=copy_pairs):
            groups.append(([free[j] for j in g], None))

    if corrections:
        row_of = {int(a.id): i for i, a in enumerate(arts)}  # type: ignore[arg-type]
        fixed = apply_corrections([([int(arts[r].id) for r in rows], ev) for rows, ev in groups],  # type: ignore[arg-type]
                                  corrections)
        corrected = [([row_of[i] for i in ids], ev, c) for ids, ev, c in fixed]
    else:
        corrected = [(rows, ev, False) for rows, ev in groups]

    corrected = [(sorted(rows), ev, c) for rows, ev, c in corrected]
    described = _describe([rows for rows, _, _ in corrected], arts, X, vec, names, texts, map_shards)
    events = []
    for (rows, manifest_event, by_user), (terms, evidence, cohesion) in zip(corrected, described):
        members = [arts[r] for r in rows]
        dated = sorted(a.date[:10] for a in members if a.date)
        label = (manifest_event if manifest_event and not opaque_id(manifest_event)
                 else " · ".join(terms) or manifest_event or "")
        why: dict = {"basis": "correction" if by_user else "manifest" if manifest_event
                     else "similarity" if len(rows) > 1 else "single"}
        if manifest_event and label != manifest_event:
            why["event"] = manifest_event  # the id the export gave, beside the label read from the articles
        why.update(evidence)
        why["cohesion"] = cohesion
        events.append(EventGroup(
            id="",
            label=label,
            articles=sorted(int(a.id) for a in members),  # type: ignore[arg-type]
            first_date=dated[0] if dated else None,
            last_date=dated[-1] if dated else None,
            key_terms=terms,
            manifest_event=manifest_event,
            grouped_by=why,
        ))
    events.sort(key=lambda e: (e.first_date is None, e.first_date or "", e.label, e.articles[0]))
    for n, e in enumerate(events, 1):
        e.id = f"e{n}"
    return events, copy_of
