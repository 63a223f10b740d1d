"""framing.forking: tasks in short-lived forked children, results in order."""

from __future__ import annotations

import gc
import multiprocessing
import os
import time

import pytest

from framing.forking import ForkPool, WorkerError, can_fork, forked_map, pumping
from framing.pipeline import process_map

pytestmark = pytest.mark.skipif(not can_fork(), reason="forked workers need fork (Linux)")


def _square_and_pid(x: int) -> tuple[int, int]:
    return x * x, os.getpid()


@pytest.mark.parametrize("per_child", [1, 2, 3])
def test_results_in_order_from_fresh_children(per_child):
    """Every item's result in the items' order; each child runs at most
    ``per_child`` consecutive items and is then replaced by a new one."""
    out = list(forked_map(_square_and_pid, range(11), 2, per_child))
    assert [sq for sq, _ in out] == [x * x for x in range(11)]
    pids = [pid for _, pid in out]
    assert os.getpid() not in pids
    # consecutive items share a child, and no child runs more than per_child
    batches = [pids[k:k + per_child] for k in range(0, 11, per_child)]
    assert all(len(set(b)) == 1 for b in batches)
    assert len({b[0] for b in batches}) == len(batches)
    assert gc.get_freeze_count() == 0  # the collector is back as it was


def test_children_read_the_items_from_memory():
    # a lambda cannot be pickled: the items reach the children only through fork
    items = [lambda k=k: k * 3 for k in range(5)]
    assert list(forked_map(lambda f: f(), items, 2)) == [0, 3, 6, 9, 12]


def _fail_on_three(x: int) -> int:
    if x == 3:
        raise ValueError(f"bad item {x}")
    return x


def test_an_exception_in_a_child_is_raised_here_with_its_traceback():
    with pytest.raises(ValueError, match="bad item 3") as info:
        list(forked_map(_fail_on_three, range(6), 2, 2))
    assert "_fail_on_three" in str(info.value.__cause__)
    assert gc.get_freeze_count() == 0


def _die_on_four(x: int) -> int:
    if x == 4:
        os._exit(3)
    return x


def test_a_child_that_dies_is_an_error_not_a_hang():
    with pytest.raises(WorkerError, match="exit code 3"):
        list(forked_map(_die_on_four, range(8), 2, 2))


def _slow(x: int) -> int:
    time.sleep(0.05)
    return os.getpid()


def test_closing_early_stops_the_children():
    before = set(multiprocessing.active_children())
    it = forked_map(_slow, range(20), 2, 1)
    first = next(it)
    assert set(multiprocessing.active_children()) - before  # the next children run
    it.close()
    assert first != os.getpid()
    assert set(multiprocessing.active_children()) - before == set()  # stopped and reaped
    assert gc.get_freeze_count() == 0


def test_pool_tasks_run_while_this_process_works():
    """With :func:`pumping`, a finished child is replaced while this process
    iterates: every task is done by the time the loop ends."""
    with ForkPool(1) as pool:
        ids = [pool.submit(_square_and_pid, x) for x in range(4)]
        for _ in pumping(range(40), pool, seconds=0.0):
            time.sleep(0.02)
        assert pool.forks == 4
        assert sorted(pool.finish()) == ids
        assert [pool.result(t)[0] for t in ids] == [0, 1, 4, 9]


def test_process_map_matches_map():
    shards = [list(range(k)) for k in range(9)]
    assert list(process_map(2)(sum, shards)) == list(map(sum, shards))
    assert list(process_map(2, per_child=1)(len, shards)) == list(map(len, shards))
