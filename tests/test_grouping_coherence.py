"""Coherence in average linkage (grouping.COHERENCE): two tight groups that are
only loosely alike stay two events; a single article still joins by the
threshold alone; near-duplicate pairs do not make a group look tighter."""

from framing.compare.grouping import cluster_pairs


def _pairs(within_a, within_b, across, a, b):
    p = {}
    for grp, s in ((a, within_a), (b, within_b)):
        for x in grp:
            for y in grp:
                if x < y:
                    p[(x, y)] = s
    for x in a:
        for y in b:
            p[(min(x, y), max(x, y))] = across
    return p


def test_two_tight_groups_loosely_alike_stay_apart():
    pairs = _pairs(0.9, 0.9, 0.4, [0, 1, 2], [3, 4, 5])
    undated = [None] * 6
    assert cluster_pairs(6, pairs, undated, threshold=0.3, coherence=0.8) == [[0, 1, 2], [3, 4, 5]]
    # without the check average linkage joins them (0.4 clears the threshold)
    assert cluster_pairs(6, pairs, undated, threshold=0.3, coherence=0) == [[0, 1, 2, 3, 4, 5]]
    # pairs across nearly as close as within: one event
    close = _pairs(0.5, 0.5, 0.45, [0, 1, 2], [3, 4, 5])
    assert cluster_pairs(6, close, undated, threshold=0.3, coherence=0.8) == [[0, 1, 2, 3, 4, 5]]


def test_a_single_article_joins_a_tight_group_by_the_threshold_alone():
    pairs = {(0, 1): 0.95, (0, 2): 0.35, (1, 2): 0.35}
    assert cluster_pairs(3, pairs, [None] * 3, threshold=0.3, coherence=0.8) == [[0, 1, 2]]


def test_near_duplicates_do_not_count_within_a_group():
    # 0 and 1 are copies of one story (1.0), 2 covers it too; 3 and 4 are
    # other outlets' coverage, 0.45 from each of the first three
    pairs = _pairs(0.5, 0.5, 0.45, [0, 1, 2], [3, 4])
    pairs[(0, 1)] = 1.0
    undated = [None] * 5
    # counted as coverage, the copy pair makes the first group look tight
    assert cluster_pairs(5, pairs, undated, threshold=0.3, coherence=0.8) == [[0, 1, 2], [3, 4]]
    assert cluster_pairs(5, pairs, undated, threshold=0.3, coherence=0.8, copies=[(1, 0)]) == [[0, 1, 2, 3, 4]]


def test_grouping_hands_its_near_duplicates_to_the_clustering(monkeypatch):
    from framing.compare import grouping
    from framing.models import Article

    story = ("The Almera city council voted to close the Harbour Street market after a fire destroyed "
             "forty stalls; traders asked the mayor, Pell Austrin, for a new site near the old docks.")
    arts = [Article(id=1, source="a", outlet="Wire", title="Almera market closes", body=story),
            Article(id=2, source="b", outlet="Reprint", title="Almera market closes", body=story),
            Article(id=3, source="c", outlet="Other", title="A glacier lake bursts",
                    body="A glacier lake burst above Brennvik in Norland, flooding sixty homes.")]
    seen = []
    real = grouping.cluster_pairs

    def spy(*args, **kw):
        seen.append(kw.get("copies"))
        return real(*args, **kw)
    monkeypatch.setattr(grouping, "cluster_pairs", spy)
    events, copies = grouping.events_and_copies(arts)
    assert copies == {2: 1}
    assert seen and sorted(map(sorted, seen[0])) == [[0, 1]]
    assert sorted(e.articles for e in events) == [[1, 2], [3]]
