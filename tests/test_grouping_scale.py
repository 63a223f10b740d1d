"""Grouping stays sparse (issue 12): the candidate graph is a sparse matrix,
blocking on rare terms, date windows and top-k only drop pairs that could not
matter, and grouping never builds a dense n x n array. Small fictional
articles written here; the sizes that matter are measured by
benchmarks/bench_grouping_scale.py, not by timed tests."""

from __future__ import annotations


import numpy as np
import pytest
import scipy.sparse as sp

from framing.compare import grouping
from framing.compare.grouping import group_events, near_duplicates, pair_graph, vectors
from framing.models import Article

STORIES = [
    "The Siran River accord between Ardelia and Velmora shares water from the Kesh dam; "
    "Ilsa Varenne and Teodor Brask signed it with Norland mediators watching.",
    "A glacier lake burst above Brennvik in Norland, flooding sixty homes; scientists at "
    "the Skarn Glacier station had warned of the surge for weeks.",
    "Dorian Malek of Ardelia met Sava Ornik at the Ostra Junction depot about the cement "
    "tariff, rail freight and customs paperwork for freight trains.",
    "The Almera city council voted to close the Harbour Street market after a fire "
    "destroyed forty stalls; traders asked the mayor, Pell Austrin, for a new site.",
]
FILLER = ("officials said on the day that the plan would go ahead as announced and "
          "that more details would follow in the coming weeks")


def corpus(copies: int = 3) -> list[Article]:
    """Each story told by ``copies`` outlets in slightly different words, plus
    a sentence every article shares (a term in every row)."""
    arts = []
    for s, story in enumerate(STORIES):
        for c in range(copies):
            words = story.split()
            body = " ".join(words[c:] + words[:c]) + " " + FILLER + f" Report {c}."
            arts.append(Article(id=len(arts) + 1, source=f"{s}-{c}", outlet=f"Outlet {c}",
                                body=body, date=f"2026-03-{10 + s:02d}", title=None))
    return arts


def dense_cosine(X) -> np.ndarray:
    return (X @ X.T).toarray()


def test_pair_graph_is_sparse_and_exact_without_blocking():
    arts = corpus()
    X, _ = vectors([grouping.article_text(a) for a in arts])
    G = pair_graph(X, floor=0.0, max_df=None, top_k=None)
    assert sp.issparse(G)
    assert (G.row < G.col).all()  # upper triangle: one entry per pair
    S = dense_cosine(X)
    for i, j, v in zip(G.row, G.col, G.data):
        assert v == pytest.approx(S[i, j])
    assert G.nnz == int((np.triu(S, 1) > 0).sum())


def test_rare_term_blocking_keeps_every_pair_that_shares_a_rare_term_with_exact_scores():
    arts = corpus()
    X, _ = vectors([grouping.article_text(a) for a in arts])
    S = dense_cosine(X)
    # terms in at most 3 rows propose pairs; the filler words (every row) do not
    G = pair_graph(X, floor=0.0, max_df=3, top_k=None)
    got = {(int(i), int(j)): float(v) for i, j, v in zip(G.row, G.col, G.data)}
    df = np.bincount(X.indices, minlength=X.shape[1])
    rare = X[:, df <= 3]
    share = (rare @ rare.T).toarray() > 0
    want = {(i, j) for i in range(len(arts)) for j in range(i + 1, len(arts)) if share[i, j]}
    assert set(got) == want
    assert len(want) < len(arts) * (len(arts) - 1) // 2  # pairs sharing only filler are not proposed
    for (i, j), v in got.items():
        assert v == pytest.approx(S[i, j])  # the filler still counts in a proposed pair's score


def test_date_window_and_top_k_bound_the_graph():
    arts = corpus()
    X, _ = vectors([grouping.article_text(a) for a in arts])
    dates = [grouping._ordinal(a.date) for a in arts]
    G = pair_graph(X, floor=0.0, max_df=None, top_k=None, dates=dates, window_days=1)
    assert all(abs(dates[i] - dates[j]) <= 1 for i, j in zip(G.row, G.col))
    undated = pair_graph(X, floor=0.0, max_df=None, top_k=None,
                         dates=[None] * len(arts), window_days=1)
    assert undated.nnz > G.nnz
    k = 2
    T = pair_graph(X, floor=0.0, max_df=None, top_k=k)
    assert T.nnz <= k * len(arts)
    full = pair_graph(X, floor=0.0, max_df=None, top_k=None)
    S = full.toarray() + full.toarray().T
    kept = {(int(i), int(j)) for i, j in zip(T.row, T.col)}
    for i, j in zip(full.row, full.col):
        best_i = sorted(range(len(arts)), key=lambda x: (-S[i, x], x))[:k]
        best_j = sorted(range(len(arts)), key=lambda x: (-S[j, x], x))[:k]
        assert ((int(i), int(j)) in kept) == (j in best_i or i in best_j)


def test_grouping_builds_no_dense_matrix(monkeypatch):
    """group_events and near_duplicates never turn a sparse matrix dense."""
    def refuse(self, *a, **k):
        raise AssertionError("dense matrix built during grouping")

    for cls in (sp.csr_matrix, sp.csc_matrix, sp.coo_matrix):
        monkeypatch.setattr(cls, "toarray", refuse)
        monkeypatch.setattr(cls, "todense", refuse)
    arts = corpus()
    events = group_events(arts, copies=near_duplicates(arts))
    assert sorted(e.articles for e in events) == [[1, 2, 3], [4, 5, 6], [7, 8, 9], [10, 11, 12]]


def test_near_duplicates_found_through_rare_shingles_only(monkeypatch):
    """A copy is found even when its common phrases may not propose pairs."""
    body = STORIES[0] + " " + FILLER
    arts = [Article(id=i, source=str(i), body=b, date="2026-03-10")
            for i, b in enumerate([body, body + " Reuters contributed.",
                                   STORIES[1] + " " + FILLER, STORIES[2] + " " + FILLER], 1)]
    monkeypatch.setattr(grouping, "COPY_MAX_DF", 2)
    assert near_duplicates(arts) == {2: 1}



def _pair_score(arts: list[Article], a: int, b: int) -> float:
    X, _ = vectors((grouping._features_plain(grouping.article_text(x)) for x in arts), analyzed=True)
    G = grouping._scores(arts, X, {}).tocsr()
    return float(G[min(a, b), max(a, b)])



def test_density_prior_lowers_the_same_day_bonus_on_crowded_days_but_never_below_content(monkeypatch):
    """The more articles a day holds (here 3, against a reference of 15, 1 and
    0.01), the less 'published the same day' says (more events share the day);
    it never counts against one event: at worst the pair scores on content alone."""
    arts = corpus()
    undated = [Article(id=x.id, source=x.source, outlet=x.outlet, title=None, body=x.body, date=None)
               for x in arts]
    content = _pair_score(undated, 0, 1)
    quiet = _pair_score(arts, 0, 1)
    monkeypatch.setattr(grouping, "DENSITY_REF", 1.0)
    busy = _pair_score(arts, 0, 1)
    monkeypatch.setattr(grouping, "DENSITY_REF", 0.01)
    crowded = _pair_score(arts, 0, 1)
    assert crowded == pytest.approx(content)
    assert 0 < content < busy < quiet


def test_crowd_is_the_mean_of_the_nearest_neighbours_on_other_days():
    """Same-day neighbours (one event's own coverage) do not make a crowd;
    neighbours two or more days away do, and missing ones count as the floor."""
    k, floor = grouping.CROWD_K, grouping.PAIR_FLOOR
    day = np.array([100, 100, 100, 103, 104, -1], dtype=np.int64)
    I = np.array([0, 0, 0, 1, 0], dtype=np.int64)
    J = np.array([1, 2, 3, 4, 5], dtype=np.int64)
    V = np.array([0.9, 0.8, 0.6, 0.5, 0.7])
    c = grouping.crowd(6, I, J, V, day)
    assert c[2] == pytest.approx(floor)  # only a same-day neighbour
    assert c[5] == pytest.approx(floor)  # undated: no day to compare
    assert c[0] == pytest.approx((0.6 + (k - 1) * floor) / k)  # 0-3 is 3 days apart; 0-5 is undated
    assert c[1] == pytest.approx((0.5 + (k - 1) * floor) / k)


def test_crowding_only_ever_lowers_a_pair_and_only_where_both_sit_in_a_crowd():
    k, floor, ref = grouping.CROWD_K, grouping.PAIR_FLOOR, grouping.CROWD_REF
    n = k + 3
    day = np.array([10, 10] + [20] * (n - 2), dtype=np.int64)
    # article 0 has k + 1 close neighbours ten days away (a beat); article 1 none
    others = np.arange(2, n, dtype=np.int64)
    I = np.r_[np.array([0], dtype=np.int64), np.zeros(len(others), dtype=np.int64)]
    J = np.r_[np.array([1], dtype=np.int64), others]
    V = np.r_[0.5, np.full(len(others), 0.8)]
    f = grouping.crowding(n, I, J, V, day)
    assert (f <= 1.0).all() and (f > 0).all()
    assert f[0] == 1.0  # 0 is crowded, 1 is not: their geometric mean is below the reference
    one = (0.8 + (k - 1) * floor) / k  # each of the others has one neighbour on another day: 0
    assert f[1:] == pytest.approx(ref / np.sqrt(0.8 * one))
    assert f[1:].max() < 1.0


def test_a_large_one_day_event_is_not_split_by_crowding():
    """Eight outlets on one story the same day are each other's nearest
    neighbours; that is one event's coverage, not a crowd."""
    arts = corpus(copies=8)
    events = group_events(arts)
    sizes = sorted(len(e.articles) for e in events)
    assert sizes == [8, 8, 8, 8]


def test_date_windowed_products_give_exactly_the_pairs_and_scores_of_the_whole_product():
    """Dated rows are multiplied only by the rows their window holds (and the
    undated ones): the same pairs with bit-identical scores as filtering the
    whole product, whatever the block size and the mix of dated and undated."""
    arts = corpus(copies=4)
    X, _ = vectors([grouping.article_text(a) for a in arts])
    base = [grouping._ordinal(a.date) for a in arts]
    days = [None if k % 5 == 0 else base[k] + (k * 7) % 9 for k in range(len(arts))]  # mixed, shuffled
    S = dense_cosine(X)
    for dates in (days, [None] * len(arts), base):
        want = {(i, j): S[i, j] for i in range(len(arts)) for j in range(i + 1, len(arts))
                if S[i, j] > 0 and (dates[i] is None or dates[j] is None or abs(dates[i] - dates[j]) <= 3)}
        whole = pair_graph(X, floor=0.0, max_df=None, top_k=None)
        exact = {(int(i), int(j)): float(v) for i, j, v in zip(whole.row, whole.col, whole.data)
                 if (int(i), int(j)) in want}
        for block in (1, 2, 5, 100):
            G = pair_graph(X, floor=0.0, max_df=None, top_k=None, dates=dates, window_days=3, block=block)
            got = {(int(i), int(j)): float(v) for i, j, v in zip(G.row, G.col, G.data)}
            assert got == exact  # == on floats: the same sums in the same order
            assert set(got) == set(want)


def test_near_duplicates_are_the_same_whatever_the_chunk_of_words_hashed_at_once(monkeypatch):
    body = STORIES[0] + " " + FILLER
    arts = [Article(id=i, source=str(i), body=b, date="2026-03-10")
            for i, b in enumerate([body, "Too short.", body + " Reuters contributed.", "",
                                   STORIES[1] + " " + FILLER, STORIES[1] + " " + FILLER + " Updated."], 1)]
    whole = near_duplicates(arts)
    assert whole == {3: 1, 6: 5}
    for chunk in (1, 7, 30):
        monkeypatch.setattr(grouping, "_SHINGLE_CHUNK", chunk)
        assert near_duplicates(arts) == whole


def test_articles_read_in_worker_processes_give_the_same_events(monkeypatch):
    """group_events(map_shards=...) reads the articles' terms and names in
    shards in worker processes (framing run --jobs N): the same events, the
    same labels and the same evidence as in one process."""
    from framing.pipeline import process_map

    arts = corpus(copies=4)
    one = group_events(arts, copies=near_duplicates(arts))
    monkeypatch.setattr(grouping, "READ_SHARD", 3)
    monkeypatch.setattr(grouping, "DESCRIBE_SHARD", 4)
    calls = []

    def recording(fn, shards):
        shards = list(shards)
        calls.append(len(shards))
        return process_map(2)(fn, shards)

    two = group_events(arts, copies=near_duplicates(arts), map_shards=recording)
    assert calls[0] == 6  # 16 articles, 3 a shard
    assert len(calls) == 2 and calls[1] >= 3  # the groups described in shards of about 4 articles
    assert [(e.id, e.label, e.articles, e.key_terms, e.grouped_by) for e in two] == \
        [(e.id, e.label, e.articles, e.key_terms, e.grouped_by) for e in one]


def test_events_and_copies_read_each_article_once_with_the_same_result(monkeypatch):
    """build_report's grouping keys each body's shingles where it reads its
    terms (in the workers with --jobs N): the same copies as
    near_duplicates and the same events as group_events, whatever the shards."""
    from framing.compare.grouping import events_and_copies
    from framing.pipeline import process_map

    body = STORIES[0] + " " + FILLER
    arts = corpus(copies=4)
    extra = [Article(id=100 + i, source=f"x{i}", outlet=f"Wire {i}", body=b, date="2026-03-10")
             for i, b in enumerate([body, body + " Reuters contributed.", "Too short.", ""])]
    arts = arts + extra
    copies = near_duplicates(arts)
    assert 101 in copies and 102 not in copies
    one = group_events(arts, copies=copies)

    from framing.forking import _open, _seal

    def pickled(fn, shards):  # as a Dask engine sends a task and its result
        return (_open(_seal(fn(_open(_seal(s))))) for s in shards)

    for shard in (3, 7, 1000):
        monkeypatch.setattr(grouping, "READ_SHARD", shard)
        monkeypatch.setattr(grouping, "DESCRIBE_SHARD", shard)
        for map_shards in (None, process_map(2), pickled):
            events, found = events_and_copies(arts, map_shards=map_shards)
            assert found == copies
            assert [(e.id, e.label, e.articles, e.key_terms, e.grouped_by) for e in events] == \
                [(e.id, e.label, e.articles, e.key_terms, e.grouped_by) for e in one]


def test_pair_products_made_in_a_child_beside_the_copies_give_the_same_events(monkeypatch, tmp_path):
    """With a map of two processes (framing run --jobs 2) the content's pair
    products run in a forked child while this process finds the copies: the
    same events and copies as in one process, and the products were made in
    the child (with a map of one process, here)."""
    import os

    from framing.compare.grouping import events_and_copies
    from framing.pipeline import process_map

    body = STORIES[0] + " " + FILLER
    arts = corpus(copies=4) + [Article(id=100 + i, source=f"x{i}", outlet=f"Wire {i}", body=b, date="2026-03-10")
                               for i, b in enumerate([body, body + " Reuters contributed."])]
    one, copies = events_and_copies(arts)
    assert copies
    made = tmp_path / "pids"
    content = grouping._content

    def recorded(*args):
        with made.open("a", encoding="ascii") as fh:
            fh.write(f"{os.getpid()}\n")
        return content(*args)

    monkeypatch.setattr(grouping, "_content", recorded)
    monkeypatch.setattr(grouping, "BESIDE_ARTICLES", 1)
    for jobs in (2, 1):
        made.unlink(missing_ok=True)
        events, found = events_and_copies(arts, map_shards=process_map(jobs))
        assert found == copies
        assert [(e.id, e.label, e.articles, e.key_terms, e.grouped_by) for e in events] == \
            [(e.id, e.label, e.articles, e.key_terms, e.grouped_by) for e in one]
        pids = made.read_text(encoding="ascii").split()
        assert len(pids) == 1 and (pids[0] != str(os.getpid())) == (jobs == 2)


def test_terms_and_names_read_with_one_sentence_split_equal_reading_title_and_body_apart(seeds_store):
    """Grouping splits each article's body into sentences once for its terms
    and its names (a line break always ends a sentence): the same terms and
    names as splitting the whole text and the body apart, on the seeds and
    on texts where the separator does not end its line."""
    from framing.text import plain

    texts = [plain(grouping.article_text(a)) for a in seeds_store.articles()]
    texts += [plain(grouping.article_text(Article(id=1, source="x", title=t, body=b)))
              for t, b in [("Ardelia's Deal", "Ilsa Varenne spoke.\n\nThe Kesh Dam opened. Ardelia cheered."),
                           ("Kesh Dam", ""), (None, "Velmora and Ardelia signed. Dr. Ilsa Varenne spoke."),
                           ("Kesh Dam", "The accord.\u2029Velmora signed it. Kesh Dam opened.")]]
    assert len(texts) > 5
    for t in texts:
        assert grouping._features_and_names(t) == (grouping._weighted_features(t), grouping._names(t))
