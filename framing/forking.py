"""Work in short-lived forked processes (Linux).

:class:`ForkPool` runs tasks ``fn(*args)`` in child processes forked from
this one, up to ``jobs`` at a time; each child runs one task (or a few, its
``per_child``) and exits, and a new child is forked for the next. A child
reads its task from the memory it shares with this process, so nothing is
pickled on the way in; only the result comes back. :func:`forked_map` is a
map over a list on such a pool, results in order.

Why children live for a task or a few: a forked child shares this process's
memory page by page until either side writes to a page, and CPython writes
to every object it reads (reference counts) and, in a full collection, to
every object's collector header. A child that lived for a whole stage ended
up with a private copy of every page it read, of every page this process
changed meanwhile (the child keeps the old page), of whatever it imported
and of its own freed allocations: at 50,000 articles each of two long-lived
workers grew to about 0.5 GB. A child that exits hands all of that back;
forking again costs milliseconds (the page tables).

The collector is frozen (:func:`gc.freeze`) before each fork and stays so
in this process until the pool is closed: the objects that exist at a fork
are then visited by no collection on either side, so collections do not
copy their pages. Children are forked by the thread that calls the pool,
never by a helper thread; results are received when that thread calls
:meth:`ForkPool.result` or :meth:`ForkPool.pump` (:func:`pumping` calls it
while this process works through an iterator of its own).
"""

from __future__ import annotations

import gc
import multiprocessing
import pickle
import sys
import time
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.connection import Connection, wait
from typing import Any, TypeVar

__all__ = ["ITEMS_PER_CHILD", "ForkPool", "WorkerError", "can_fork", "forked_map", "pumping"]

T = TypeVar("T")

#: Items of :func:`forked_map` a child runs before it exits (and a fresh one is forked).
ITEMS_PER_CHILD = 2

#: Seconds between two :meth:`ForkPool.pump` calls of :func:`pumping`.
PUMP_SECONDS = 0.05

Task = tuple[int, Callable[..., Any], tuple[Any, ...]]


class WorkerError(RuntimeError):
    """A worker process ended without returning its result (killed, or out
    of memory)."""


class RemoteTraceback(Exception):
    """The traceback of an exception raised in a worker process (the cause of
    the exception raised here, as in :mod:`concurrent.futures`)."""

    def __str__(self) -> str:
        return str(self.args[0])


def can_fork() -> bool:
    """Whether worker processes can be forked here (Linux)."""
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


def _picklable(exc: BaseException) -> BaseException:
    """``exc`` if it survives the pipe to the parent, else a RuntimeError
    with its text. The round trip reads back only the bytes just made from
    this process's own exception object (an exception may pickle and still
    fail to unpickle); nothing from outside is ever unpickled here, and the
    parent receives only what its own forked child sends."""
    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:  # noqa: BLE001 - any failure to pickle it
        return RuntimeError(f"{type(exc).__name__}: {exc}")


def _child(conn: Connection, tasks: list[Task]) -> None:
    """Run ``tasks``; send ``(id, True, result)`` or ``(id, False, (exception,
    traceback))`` for each."""
    try:
        for tid, fn, args in tasks:
            try:
                msg = (tid, True, fn(*args))
            except BaseException as exc:  # noqa: BLE001 - handed to the parent, which raises it
                tb = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
                msg = (tid, False, (_picklable(exc), tb))
            conn.send(msg)
    finally:
        conn.close()


class ForkPool:
    """Up to ``jobs`` forked children at a time, each running ``per_child``
    tasks and exiting (see the module docs). Use as a context manager:
    leaving it stops the children still running."""

    def __init__(self, jobs: int, per_child: int = 1) -> None:
        self.jobs = max(1, jobs)
        self.per_child = max(1, per_child)
        self._ctx = multiprocessing.get_context("fork")
        self._queue: deque[Task] = deque()
        self._running: dict[Connection, tuple[Any, set[int]]] = {}  # reader → (process, tasks not yet back)
        self._results: dict[int, tuple[bool, Any]] = {}
        self._next = 0
        self._frozen = False
        #: How many children were forked (for tests and benchmarks).
        self.forks = 0

    def __enter__(self) -> "ForkPool":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def submit(self, fn: Callable[..., Any], *args: Any) -> int:
        """Queue ``fn(*args)``; returns its id for :meth:`result`. A child is
        forked for it now if fewer than ``jobs`` are running and ``per_child``
        tasks are queued (otherwise at the next :meth:`pump` or :meth:`result`)."""
        tid = self._next
        self._next += 1
        self._queue.append((tid, fn, args))
        if len(self._queue) >= self.per_child:
            self._fork()
        return tid

    def _fork(self) -> None:
        while len(self._running) < self.jobs and self._queue:
            tasks = [self._queue.popleft() for _ in range(min(self.per_child, len(self._queue)))]
            reader, writer = self._ctx.Pipe(duplex=False)
            gc.freeze()  # what exists now is shared: no collection on either side visits it
            self._frozen = True
            proc = self._ctx.Process(target=_child, args=(writer, tasks), daemon=True)
            proc.start()
            writer.close()
            self.forks += 1
            self._running[reader] = (proc, {tid for tid, _fn, _args in tasks})

    def pump(self, timeout: float | None = 0.0) -> None:
        """Receive the results that are ready (waiting up to ``timeout``
        seconds for one; None: until one comes), reap the children that are
        done and fork children for queued tasks."""
        if self._running:
            for reader in wait(list(self._running), timeout):
                proc, waiting = self._running[reader]
                try:
                    tid, ok, value = reader.recv()
                except EOFError:
                    del self._running[reader]
                    reader.close()
                    proc.join()
                    for tid in waiting:
                        self._results[tid] = (False, (WorkerError(
                            f"a worker process ended without its result (exit code {proc.exitcode})"), None))
                    continue
                waiting.discard(tid)
                self._results[tid] = (ok, value)
        self._fork()

    def result(self, tid: int) -> Any:
        """The result of task ``tid`` (waiting for it), or its exception raised here."""
        while tid not in self._results:
            if not self._running and not self._queue:
                raise KeyError(f"no task {tid}")
            self.pump(None)
        ok, value = self._results.pop(tid)
        if ok:
            return value
        exc, tb = value
        if tb is not None:
            raise exc from RemoteTraceback(tb)
        raise exc

    def finish(self) -> list[int]:
        """Drop the queued tasks and wait for the children under way; returns
        the ids of the tasks whose results are here (for :meth:`result`)."""
        self._queue.clear()
        while self._running:
            self.pump(None)
        return sorted(self._results)

    def close(self) -> None:
        """Stop the children still running (their results are dropped)."""
        self._queue.clear()
        for reader, (proc, _waiting) in self._running.items():
            if proc.is_alive():
                proc.kill()
            proc.join()
            reader.close()
        self._running.clear()
        self._results.clear()
        if self._frozen:
            gc.unfreeze()
            self._frozen = False


def forked_map(fn: Callable[[Any], T], items: Iterable[Any], jobs: int,
               per_child: int = ITEMS_PER_CHILD) -> Iterator[T]:
    """``fn(item)`` for each item, in order, computed in up to ``jobs``
    forked children at a time, each of which runs ``per_child`` consecutive
    items and exits (see the module docs). An exception raised by ``fn`` is
    raised here; a child that dies raises :class:`WorkerError`. Closing the
    iterator early stops the children."""
    with ForkPool(jobs, per_child) as pool:
        ids = [pool.submit(fn, item) for item in items]
        for tid in ids:
            yield pool.result(tid)


def pumping(items: Iterable[T], pool: ForkPool, seconds: float = PUMP_SECONDS) -> Iterator[T]:
    """``items``, calling ``pool.pump()`` at most every ``seconds`` between
    them: the pool's finished children are replaced while this process
    works through ``items``."""
    last = time.monotonic()
    for item in items:
        yield item
        now = time.monotonic()
        if now - last >= seconds:
            pool.pump()
            last = time.monotonic()
