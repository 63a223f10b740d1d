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
