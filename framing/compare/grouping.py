"""Event grouping: which articles cover the same event, and which are copies.

Articles are compared by tf-idf cosine over their content words and named
entities (runs of capitalised words, counted twice), so that rarer, specific
terms ("Tokayev", "critical minerals") weigh more than words every story
shares. Clustering is average-linkage agglomerative with a similarity
threshold, under a date constraint: a group never spans more than
``window_days`` between its earliest and latest dated article (articles with
no date join by similarity alone). An earlier meeting between the same two
countries therefore stays a separate event even when it shares their names.

A manifest ``event`` column overrides: articles that carry an ``event`` value
are grouped by that value and are not clustered; only the rest are.

Near-duplicates (a syndicated copy of a wire story, a re-post) are flagged by
word 5-shingle containment: when most of one article's shingles occur in
another's, the later one (by date, then id) is a copy of the earlier one.
Copies stay in their event but later stages count them once (see
:mod:`framing.compare.density`).

Everything is deterministic: ties break on article id.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date as _date

import re
from functools import lru_cache

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse import triu as sparse_triu
from nltk.stem.snowball import SnowballStemmer
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize as sk_normalize

from ..models import Article
from ..text import CALENDAR, STOP_WORDS, words
from ..text import plain as normalize
from ._text import name_sequences, strip_possessive

#: Default average-linkage cosine threshold: two groups merge when their
#: articles' mean pairwise (time-decayed) similarity is at least this.
THRESHOLD = 0.16
#: Default maximum span, in days, between the first and last dated article of an event.
WINDOW_DAYS = 7
#: Similarity of two articles is divided by ``1 + days_apart / DECAY_DAYS``:
#: coverage of one event clusters in time (three days apart halves it). A pair
#: with an undated article is treated as ``WINDOW_DAYS`` apart: with no date,
#: only a strong textual match joins an event.
DECAY_DAYS = 3.0
#: idf is computed as if the corpus sat in a background collection of this
#: many more news articles that use none of its terms. Plain idf over five
#: articles gives a name that three of them share almost no weight, so the
#: similarity of same-event articles would depend on the size of the corpus;
#: the background keeps event-specific terms weighty in a small corpus and
#: changes little in a large one.
BACKGROUND_DOCS = 100
#: Share of the shorter article's word 5-shingles found in the other for a near-duplicate.
NEAR_DUPLICATE = 0.8
SHINGLE = 5


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


# -- features ---------------------------------------------------------------

#: Separates the title from the body in :func:`article_text`.
TITLE_SEP = "\n\u2029\n"


def article_text(article: Article) -> str:
    """Title (counted twice: it names the event) and body, for :func:`features`."""
    title = article.title or ""
    return f"{title}\n{title}{TITLE_SEP}{article.body}" if title else article.body


_STEMMER = SnowballStemmer("english")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Snowball stem, with British -is- spellings folded to -iz- first
    (normalisation / normalization)."""
    return _STEMMER.stem(_ISE.sub(r"iz\1", word))


_ISE = re.compile(r"is(e|es|ed|ing|ation|ations)$")


def _content_words(text: str) -> list[str]:
    out = []
    for w in words(text):
        w = strip_possessive(w).lower()
        if len(w) < 3 or w in STOP_WORDS or not any(c.isalpha() for c in w):
            continue
        out.append(stem(w))
    return out


def features(text: str) -> list[str]:
    """Content words (lower-case, no stop words, no bare numbers) plus named
    entities of the body as ``"ENT:" + name`` (a name's words also count as
    words, so names weigh more than common words). Entities are not taken from
    the title, whose Title Case would make every word look like a name."""
    text = normalize(text)
    title, sep, body = text.rpartition(TITLE_SEP.strip("\n"))
    if not sep:
        title, body = "", text
    out = _content_words(title) + _content_words(body)
    names = [name.lower() for _, _, name in name_sequences(body)]
    out.extend("ENT:" + n for n in names)
    # a Title Case headline word counts as a name if the body writes it as one
    known = {t for n in names for t in n.split()} | set(names)
    for w in words(title):
        w = strip_possessive(w).lower()
        if w in known:
            out.append("ENT:" + w)
    return out


def similarity_matrix(texts: list[str]) -> tuple[np.ndarray, TfidfVectorizer, "np.ndarray"]:
    """Cosine similarity of tf-idf vectors: sublinear tf, and idf
    ``ln((N + BACKGROUND_DOCS) / (df + 1)) + 1`` (see :data:`BACKGROUND_DOCS`)."""
    vec = TfidfVectorizer(analyzer=features, sublinear_tf=True, norm=None, use_idf=False)
    X = vec.fit_transform(texts).tocsr()
    df = np.bincount(X.indices, minlength=X.shape[1])
    idf = np.log((X.shape[0] + BACKGROUND_DOCS) / (df + 1.0)) + 1.0
    X = sk_normalize(X.multiply(idf).tocsr())
    S = (X @ X.T).toarray()
    return S, vec, X


# -- clustering -------------------------------------------------------------

def _ordinal(iso: str | None) -> int | None:
    if not iso:
        return None
    try:
        return _date.fromisoformat(iso[:10]).toordinal()
    except ValueError:
        return None


def cluster(
    S: np.ndarray,
    dates: list[int | None],
    *,
    threshold: float = THRESHOLD,
    window_days: int | None = WINDOW_DAYS,
) -> list[list[int]]:
    """Average-linkage agglomerative clustering on a similarity matrix, stopping
    at ``threshold``, never merging two groups whose dated members would span
    more than ``window_days``. Returns groups of row indexes, each sorted."""
    n = S.shape[0]
    if n == 0:
        return []
    sim = S.astype(float).copy()
    np.fill_diagonal(sim, -np.inf)
    size = np.ones(n)
    lo = np.array([d if d is not None else np.iinfo(np.int64).max for d in dates], dtype=np.int64)
    hi = np.array([d if d is not None else np.iinfo(np.int64).min for d in dates], dtype=np.int64)
    alive = np.ones(n, dtype=bool)
    members: list[list[int]] = [[i] for i in range(n)]

    def allowed(a: int) -> np.ndarray:
        if window_days is None:
            return np.ones(n, dtype=bool)
        span_lo = np.minimum(lo, lo[a])
        span_hi = np.maximum(hi, hi[a])
        undated = (span_hi == np.iinfo(np.int64).min)
        return undated | (span_hi - span_lo <= window_days)

    eff = sim.copy()
    for i in range(n):
        eff[i, ~allowed(i)] = -np.inf
    while True:
        flat = int(np.argmax(eff))
        a, b = divmod(flat, n)
        if not np.isfinite(eff[a, b]) or eff[a, b] < threshold:
            break
        if a > b:
            a, b = b, a
        # Lance-Williams update for average linkage: merge b into a.
        sa, sb = size[a], size[b]
        row = (sa * sim[a] + sb * sim[b]) / (sa + sb)
        sim[a, :] = row
        sim[:, a] = row
        sim[a, a] = -np.inf
        sim[b, :] = -np.inf
        sim[:, b] = -np.inf
        size[a] = sa + sb
        lo[a] = min(lo[a], lo[b])
        hi[a] = max(hi[a], hi[b])
        alive[b] = False
        members[a].extend(members[b])
        members[b] = []
        ok = allowed(a) & alive
        ok[a] = False
        new = np.where(ok, sim[a], -np.inf)
        eff[a, :] = new
        eff[:, a] = new
        eff[b, :] = -np.inf
        eff[:, b] = -np.inf
    return [sorted(m) for m in members if m]


def time_decay(S: np.ndarray, dates: list[int | None], decay_days: float,
               undated_days: float = WINDOW_DAYS) -> np.ndarray:
    """Divide each pair's similarity by ``1 + days_apart / decay_days`` (a pair
    with an undated article counts as ``undated_days`` apart)."""
    d = np.array([np.nan if x is None else x for x in dates], dtype=float)
    apart = np.abs(d[:, None] - d[None, :])
    apart = np.nan_to_num(apart, nan=undated_days)
    np.fill_diagonal(apart, 0.0)
    return S / (1.0 + apart / decay_days)


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


def near_duplicates(articles: list[Article], *, threshold: float = NEAR_DUPLICATE) -> dict[int, int]:
    """Copy id → original id. Two articles are near-duplicates when at least
    ``threshold`` of the smaller one's word 5-shingles occur in the other (so a
    trimmed or lightly edited syndicated copy counts). The original is the
    earlier article; on the same date, the one the other credits ("KESH
    (Meridian) —"), else the lower id. A copy of a copy points at the first."""
    arts = sorted(articles, key=lambda a: a.id or 0)
    sh = [shingles(a.body) for a in arts]
    # Only pairs that share a shingle can be copies. The shingles each pair
    # shares are counted by one sparse product (article x shingle incidence
    # times its transpose), in C rather than pair by pair in Python.
    vocab: dict[tuple[str, ...], int] = {}
    rows: list[int] = []
    cols: list[int] = []
    for i, sa in enumerate(sh):
        if len(sa) >= 3:
            for g in sa:
                rows.append(i)
                cols.append(vocab.setdefault(g, len(vocab)))
    M = csr_matrix((np.ones(len(rows), dtype=np.int64), (rows, cols)), shape=(len(arts), len(vocab)))
    C = sparse_triu(M @ M.T, k=1).tocoo()
    shared = sorted(zip(C.row.tolist(), C.col.tolist(), C.data.tolist()))
    parent: dict[int, int] = {}
    for i, j, n in shared:
        a, b = arts[i], arts[j]
        if n / min(len(sh[i]), len(sh[j])) < threshold:
            continue
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

def _label(articles: list[Article], vec: TfidfVectorizer | None, X, rows: list[int], k: int = 3) -> list[str]:
    """Key terms shared by the group: entities (then words) that occur in the
    most members, weighted by their summed tf-idf; shown as written most often."""
    surface: Counter[tuple[str, str]] = Counter()
    df: Counter[str] = Counter()
    weight: Counter[str] = Counter()
    vocab = vec.vocabulary_ if vec is not None else {}
    for art, r in zip(articles, rows):
        text = normalize(article_text(art))
        seen = set()
        for _, _, name in name_sequences(text):
            key = "ENT:" + name.lower()
            surface[(key, name)] += 1
            seen.add(key)
        for key in seen:
            df[key] += 1
            if key in vocab and X is not None:
                weight[key] += float(X[r, vocab[key]])
    need = 2 if len(articles) > 1 else 1
    cands = [t for t in df if df[t] >= need and t[4:] not in CALENDAR] or list(df)
    cands.sort(key=lambda t: (-df[t], -weight[t], t))
    out: list[str] = []
    for key in cands:
        forms = [(c, s) for (kk, s), c in surface.items() if kk == key]
        best = sorted(forms, key=lambda cs: (-cs[0], cs[1]))[0][1]
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


def group_events(
    articles: list[Article],
    *,
    threshold: float = THRESHOLD,
    window_days: int | None = WINDOW_DAYS,
    decay_days: float | None = DECAY_DAYS,
    copies: dict[int, int] | None = None,
) -> list[EventGroup]:
    """Group articles into events. Articles with a manifest ``event`` are
    grouped by it; the others are clustered (see the module docstring).
    Events are numbered ``e1``, ``e2``, … by first date (undated last), then
    label, then smallest article id: the same input always gives the same ids."""
    arts = sorted(articles, key=lambda a: a.id or 0)
    if not arts:
        return []
    texts = [article_text(a) for a in arts]
    try:
        S, vec, X = similarity_matrix(texts)
    except ValueError:  # empty vocabulary
        S, vec, X = np.eye(len(arts)), None, None
    index = {a.id: i for i, a in enumerate(arts)}

    # near-duplicates always share an event (a copy of the same story)
    copy_of = near_duplicates(arts) if copies is None else copies
    for c, o in copy_of.items():
        if c not in index or o not in index:
            continue
        S[index[c], index[o]] = S[index[o], index[c]] = max(1.0, S[index[c], index[o]])

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
    if free:
        sub = S[np.ix_(free, free)]
        dates = [_ordinal(arts[i].date) for i in free]
        if decay_days:
            sub = time_decay(sub, dates, decay_days, window_days or WINDOW_DAYS)
        for g in cluster(sub, dates, threshold=threshold, window_days=window_days):
            groups.append(([free[j] for j in g], None))

    events = []
    for rows, manifest_event in groups:
        members = [arts[r] for r in rows]
        terms = _label(members, vec, X, rows)
        dated = sorted(a.date[:10] for a in members if a.date)
        label = manifest_event or " · ".join(terms)
        events.append(EventGroup(
            id="",
            label=label,
            articles=sorted(int(a.id) for a in members),  # type: ignore[arg-type]
            first_date=dated[0] if dated else None,
            last_date=dated[-1] if dated else None,
            key_terms=terms,
            manifest_event=manifest_event,
        ))
    events.sort(key=lambda e: (e.first_date is None, e.first_date or "", e.label, e.articles[0]))
    for n, e in enumerate(events, 1):
        e.id = f"e{n}"
    return events


