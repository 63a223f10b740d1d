"""framing.forking: tasks in short-lived forked children, results in order."""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
import time
import types
from pathlib import Path

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


def test_the_pool_leaves_a_callers_frozen_collector_frozen():
    """A pool unfreezes the collector only if it froze it: a caller that
    froze its objects before keeps them frozen."""
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        assert list(forked_map(abs, [-1, -2, -3], 2)) == [1, 2, 3]
        assert gc.get_freeze_count() >= frozen > 0
    finally:
        gc.unfreeze()
    list(forked_map(abs, [-1, -2], 2))
    assert gc.get_freeze_count() == 0  # frozen by the pool: unfrozen by it


def test_the_pool_counts_the_frozen_objects_once_not_at_every_fork(monkeypatch):
    """gc.get_freeze_count() walks every frozen object (a whole corpus, when
    the per-event analysis forks its workers): a pool asks it once, at its
    first fork, however many children it forks, and still leaves a caller's
    freeze alone and undoes its own."""
    calls = []
    count = gc.get_freeze_count

    def counted() -> int:
        calls.append(1)
        return count()

    monkeypatch.setattr(gc, "get_freeze_count", counted)
    gc.freeze()
    try:
        with ForkPool(2, per_child=1) as pool:
            tids = [pool.submit(abs, -k) for k in range(6)]
            assert [pool.result(t) for t in tids] == list(range(6))
            assert pool.forks == 6
        assert len(calls) == 1
        assert count() > 0  # the caller's freeze is left
    finally:
        gc.unfreeze()
    calls.clear()
    assert list(forked_map(abs, [-1, -2, -3], 2, per_child=1)) == [1, 2, 3]
    assert len(calls) == 1
    assert count() == 0  # frozen by the pool: unfrozen by it


# --- the zygote ------------------------------------------------------------------------

#: Changed by the tests after import: a child forked from this process sees the
#: change, a child of the zygote (which imported this module afresh) does not.
MARK = "as imported"


def _mark_and_parent(x: int) -> tuple[int, str, int, int]:
    return x * x, MARK, os.getpid(), os.getppid()


def test_zygote_children_are_forked_from_a_fresh_process(monkeypatch):
    monkeypatch.setattr(__import__(__name__), "MARK", "changed here")
    with ForkPool(2, zygote=[__name__]) as pool:
        assert pool.zygote is not None
        zygote = pool.zygote.proc
        ids = [pool.submit(_mark_and_parent, x) for x in range(5)]
        out = [pool.result(t) for t in ids]
        assert pool.forks == 5
    assert [sq for sq, *_ in out] == [x * x for x in range(5)]
    assert {mark for _, mark, _, _ in out} == {"as imported"}  # none shares this process's memory
    assert {ppid for *_, ppid in out} == {zygote.pid}
    assert len({pid for _, _, pid, _ in out}) == 5 and os.getpid() not in {pid for _, _, pid, _ in out}
    assert zygote.poll() is not None  # closing the pool stopped the zygote
    with ForkPool(1) as pool:  # without a zygote: forked from here
        assert pool.result(pool.submit(_mark_and_parent, 2))[1:] [::2] == ("changed here", os.getpid())


def _wait_for_the_gate() -> None:
    """A zygote's start that lasts until the test creates the file named by
    FRAMING_TEST_ZYGOTE_GATE (at most 20 s)."""
    gate = os.environ.get("FRAMING_TEST_ZYGOTE_GATE")
    deadline = time.monotonic() + 20
    while gate and not os.path.exists(gate) and time.monotonic() < deadline:
        time.sleep(0.01)


def test_tasks_wait_in_the_queue_while_the_zygote_starts(tmp_path, monkeypatch):
    """Submitting to a zygote that is still importing returns at once (the
    caller goes on with its own work); the tasks are forked once it is
    ready, at a pump or a result, and their results are the same."""
    gate = tmp_path / "gate"
    monkeypatch.setenv("FRAMING_TEST_ZYGOTE_GATE", str(gate))
    with ForkPool(2, zygote=[f"{__name__}:_wait_for_the_gate"]) as pool:
        started = time.monotonic()
        ids = [pool.submit(_mark_and_parent, x) for x in range(3)]
        pool.pump()  # a look, not a wait
        assert time.monotonic() - started < 10
        assert pool.zygote.ready is None and pool.forks == 0
        gate.touch()
        out = [pool.result(t) for t in ids]
        zygote = pool.zygote.proc.pid
    assert [sq for sq, *_ in out] == [0, 1, 4]
    assert {ppid for *_, ppid in out} == {zygote}
    assert pool.forks == 3


def _only_here() -> types.ModuleType:
    """A module this process has and the zygote cannot import."""
    mod = types.ModuleType("framing_test_module_only_here")
    exec("def one():\n    return 1\n", mod.__dict__)
    sys.modules[mod.__name__] = mod
    return mod


def test_zygote_children_raise_here_and_report_their_exit_code():
    with ForkPool(2, zygote=[]) as pool:
        bad, dies, good = (pool.submit(_fail_on_three, 3), pool.submit(_die_on_four, 4),
                           pool.submit(_fail_on_three, 5))
        with pytest.raises(ValueError, match="bad item 3") as info:
            pool.result(bad)
        assert "_fail_on_three" in str(info.value.__cause__)
        with pytest.raises(WorkerError, match="exit code 3"):
            pool.result(dies)
        assert pool.result(good) == 5
        # a task that cannot be pickled, or that the zygote cannot unpickle, is
        # an error raised by its result, not a hang
        unpicklable = pool.submit(lambda: 1)
        with pytest.raises(Exception, match="pickle"):
            pool.result(unpicklable)
        try:
            elsewhere = pool.submit(_only_here().one)
            with pytest.raises(ModuleNotFoundError, match="framing_test_module_only_here"):
                pool.result(elsewhere)
        finally:
            del sys.modules["framing_test_module_only_here"]
        assert pool.result(pool.submit(_fail_on_three, 6)) == 6  # and the pool goes on


def test_closing_a_zygote_pool_early_stops_its_children():
    with ForkPool(2, zygote=[]) as pool:
        ids = [pool.submit(_slow, x) for x in range(6)]
        pool.result(ids[0])
        children = [proc.pid for proc, _ in pool._running.values()]
        zygote = pool.zygote.proc
    assert children and zygote.poll() is not None
    for pid in children:  # killed and reaped by the zygote before it ended
        assert not os.path.exists(f"/proc/{pid}")


def test_without_a_usable_interpreter_the_children_are_forked_here(monkeypatch):
    monkeypatch.setattr("sys.executable", "/nonexistent/python")
    with ForkPool(2, zygote=[]) as pool:
        assert pool.result(pool.submit(_mark_and_parent, 3))[2:][1] == os.getpid()
        assert pool.zygote is None


def test_only_pickles_sealed_by_this_run_are_unpickled(monkeypatch):
    """Workers' messages carry an HMAC under this run's key: a plain pickle,
    a sealed one changed by a byte, or one sealed under another key is
    refused before pickle reads a byte of it."""
    import pickle

    from framing import forking

    sealed = forking._seal({"task": [1, 2, 3]})
    assert forking._open(sealed) == {"task": [1, 2, 3]}
    flipped = bytearray(sealed)
    flipped[-1] ^= 1
    other_key = forking._seal({"task": [1, 2, 3]})
    monkeypatch.setattr(forking, "_KEY", b"k" * 32)
    assert forking._open(forking._seal("mine")) == "mine"
    foreign = [pickle.dumps({"task": [1, 2, 3]}), bytes(flipped), other_key, b"short"]
    monkeypatch.setattr(forking.pickle, "loads", lambda *_: pytest.fail("unpickled unchecked bytes"))
    for data in foreign:
        with pytest.raises(WorkerError, match="integrity check"):
            forking._open(data)


@pytest.mark.skipif(not can_fork(), reason="Linux only")
def test_the_zygote_gets_the_key_over_its_socket_not_its_command_line_or_environment():
    from framing import forking

    with ForkPool(1, zygote=[]) as pool:
        assert pool.result(pool.submit(_fail_on_three, 5)) == 5  # its children seal with the same key
        pid = pool.zygote.proc.pid
        seen = b"".join(Path(f"/proc/{pid}/{part}").read_bytes() for part in ("cmdline", "environ"))
    assert forking._KEY not in seen and forking._KEY.hex().encode() not in seen


class _Tripwire:
    """Unpickling this runs ``_trip``: what a forged message could do."""

    def __reduce__(self):
        return (_trip, ())


TRIPPED: list[bool] = []


def _trip() -> None:
    TRIPPED.append(True)


def test_only_messages_sealed_by_this_run_are_ever_unpickled():
    import hmac
    import pickle
    import secrets

    from framing.forking import _open, _seal

    assert _open(_seal({"ok": [1, 2]})) == {"ok": [1, 2]}
    payload = pickle.dumps(_Tripwire())
    forged = [
        hmac.digest(secrets.token_bytes(32), payload, "sha256") + payload,  # another key
        bytes(32) + payload,                                                # no seal
        _seal(1)[:32] + payload,                                            # a seal of other bytes
        payload[:16],                                                       # shorter than a seal
    ]
    sealed = bytearray(_seal(_Tripwire()))
    sealed[-2] ^= 1  # one bit of a sealed message changed
    forged.append(bytes(sealed))
    for message in forged:
        with pytest.raises(WorkerError, match="integrity"):
            _open(message)
    assert TRIPPED == []  # none of them was read


# --- the collector while pickles are made and read ---------------------------------------

class _Watched:
    """Records, whenever it is pickled or unpickled, whether the cyclic
    collector was on."""

    seen: list[tuple[str, bool]] = []

    def __reduce__(self):
        _Watched.seen.append(("pickled", gc.isenabled()))
        return (_Watched._made, ())

    @staticmethod
    def _made() -> "_Watched":
        _Watched.seen.append(("unpickled", gc.isenabled()))
        return _Watched()


def test_pickles_are_made_and_read_with_the_collector_paused():
    """A shard's events are millions of small objects: each few hundred made
    while they are pickled or unpickled would set off a collection that walks
    all made since the last full one, for nothing. The collector is off while
    a message is sealed and opened, and as the caller left it afterwards."""
    from framing.forking import _open, _seal

    _Watched.seen = []
    assert gc.isenabled()
    back = _open(_seal([_Watched(), 1]))
    assert isinstance(back[0], _Watched) and back[1] == 1
    assert _Watched.seen == [("pickled", False), ("unpickled", False)]
    assert gc.isenabled()
    gc.disable()  # a caller's collector that is off stays off
    try:
        _open(_seal(_Watched()))
        assert not gc.isenabled()
    finally:
        gc.enable()


def _fails_to_pickle():
    raise ValueError("no")


class _Unpicklable:
    def __reduce__(self):
        return (_fails_to_pickle, ())


def test_the_collector_is_back_on_after_a_pickle_that_fails():
    from framing.forking import _open, _seal

    with pytest.raises(ValueError):
        _open(_seal(_Unpicklable()))
    assert gc.isenabled()


def _arguments_under_the_collector(arg: list[int]) -> bool:
    """Whether ``arg`` (this task's argument) is among the objects the
    collector of this process walks (frozen objects are not)."""
    return any(o is arg for o in gc.get_objects())


@pytest.mark.skipif(not can_fork(), reason="needs fork")
def test_a_zygote_childs_tasks_are_out_of_its_collectors_way():
    """A child of the zygote unpickles its task (a chart's event, a share of
    event pages: hundreds of thousands of objects) and keeps it to its end:
    frozen, so that no collection of the child walks it again."""
    with ForkPool(1, zygote=[]) as pool:
        tid = pool.submit(_arguments_under_the_collector, [1, 2, 3])
        assert pool.result(tid) is False
