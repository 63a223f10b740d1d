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

A pool given ``zygote`` (module names) forks its children from a helper
process instead: a fresh interpreter that imports those modules (and, for an
entry ``module:function``, calls that function once: work each child would
otherwise repeat, such as compiling templates), freezes
its collector and then only forks, one child per task (per ``per_child``
tasks), on this process's request. The tasks and their arguments are
pickled to it (so they must be picklable); each child unpickles its own and
sends its result straight back here. Tasks submitted while the zygote is
still importing wait in the queue (this process goes on with its own work)
and are forked at the next :meth:`ForkPool.pump` or :meth:`ForkPool.result`.

Every pickle that crosses a process boundary here (tasks to a zygote,
results and errors back) is sealed with an HMAC under a key this process
made at import and hands only to its own workers; a message whose HMAC does
not check is refused unread, so nothing but this run's own pickles is ever
unpickled. Such children share no page with this
process, so whatever this process reads or changes while they run costs
them nothing: a child forked from this process keeps the old copy of every
page this process writes while it lives (reference counts are writes), and
at 50,000 articles two chart workers kept about 0.5 GB of such copies while
this process wrote report.json. The zygote itself is the modules it
imported (tens of MB, shared with its children). If it cannot be started
(no usable ``sys.executable``), the children are forked from this process
as without ``zygote``.
"""

from __future__ import annotations

import gc
import hmac
import importlib
import json
import multiprocessing
import os
import pickle
import secrets
import signal
import socket
import struct
import subprocess
import sys
import time
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from multiprocessing.connection import Connection, wait
from multiprocessing.reduction import recv_handle, send_handle
from typing import Any, TypeVar

from ._collector import collector_paused

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


#: The key every message between this process and its workers is sealed
#: with: made here at import, inherited by forked children, and handed to a
#: zygote over its private socket before anything else (never on its command
#: line or in its environment).
_KEY = secrets.token_bytes(32)
_DIGEST = 32  # bytes of an HMAC-SHA256


def _collector_paused(fn: Callable[[Any], T], arg: Any) -> T:
    """``fn(arg)`` with the cyclic collector off (as the caller left it
    afterwards, also on an error). Pickling a shard's events makes a state
    tuple for every object and unpickling makes every object anew: millions
    of allocations at 50,000 articles, each few hundred of which set off a
    collection that walks every object made since the last full one, none of
    them garbage. Neither makes a reference cycle that needs the collector:
    what was pickled has the cycles it had, and what is unpickled lives on."""
    with collector_paused():
        return fn(arg)


def _dumps(obj: Any) -> bytes:
    return pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)


def _seal(obj: Any) -> bytes:
    """``obj`` pickled, behind an HMAC of the pickle under :data:`_KEY`."""
    data = _collector_paused(_dumps, obj)
    return hmac.digest(_KEY, data, "sha256") + data


def _open(sealed: bytes | memoryview) -> Any:
    """What :func:`_seal` sealed. The pickle is read only when its HMAC
    checks under this run's key, so only bytes that this run's own
    processes pickled are ever unpickled (the one ``pickle.loads`` of
    framing); anything else raises :class:`WorkerError` unread."""
    view = memoryview(sealed)
    data = view[_DIGEST:]
    if len(view) < _DIGEST or not hmac.compare_digest(hmac.digest(_KEY, data, "sha256"), bytes(view[:_DIGEST])):
        raise WorkerError("a message from a worker process failed its integrity check and was not read")
    return _collector_paused(pickle.loads, data)


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
    with its text (an exception may pickle and still fail to unpickle: the
    round trip reads back the bytes just sealed here)."""
    try:
        _open(_seal(exc))
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
            conn.send_bytes(_seal(msg))
    finally:
        conn.close()


class ForkPool:
    """Up to ``jobs`` forked children at a time, each running ``per_child``
    tasks and exiting (see the module docs). Use as a context manager:
    leaving it stops the children still running."""

    def __init__(self, jobs: int, per_child: int = 1, zygote: Sequence[str] | None = None) -> None:
        self.jobs = max(1, jobs)
        self.per_child = max(1, per_child)
        self._ctx = multiprocessing.get_context("fork")
        self._queue: deque[Task] = deque()
        self._running: dict[Connection, tuple[Any, set[int]]] = {}  # reader → (process, tasks not yet back)
        self._results: dict[int, tuple[bool, Any]] = {}
        self._next = 0
        # Whether this pool froze the collector (and unfreezes it when closed):
        # None until its first fork from this process, which looks once whether
        # a caller had frozen it (gc.get_freeze_count() walks every frozen
        # object: at 50,000 articles the corpus, about 0.2 s a look, and the
        # per-event analysis forks about 60 children with the corpus frozen).
        self._frozen: bool | None = None
        #: How many children were forked (for tests and benchmarks).
        self.forks = 0
        #: The helper the children are forked from (see the module docs), or
        #: None: they are forked from this process.
        self.zygote: _Zygote | None = _Zygote.start(zygote) if zygote is not None and can_fork() else None

    def __enter__(self) -> "ForkPool":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def submit(self, fn: Callable[..., Any], *args: Any) -> int:
        """Queue ``fn(*args)``; returns its id for :meth:`result`. A child is
        forked for it now if fewer than ``jobs`` are running, ``per_child``
        tasks are queued and the zygote (if any) has started (otherwise at the
        next :meth:`pump` or :meth:`result`): this process goes on with its
        own work while the zygote imports its modules."""
        tid = self._next
        self._next += 1
        self._queue.append((tid, fn, args))
        if len(self._queue) >= self.per_child:
            self._fork()
        return tid

    def _fork(self, wait: bool = False) -> None:
        """Fork children for the queued tasks, up to ``jobs`` running; from a
        zygote still starting only if ``wait`` (then it waits for it)."""
        if not wait and self.zygote is not None and not self.zygote.settled():
            return
        while len(self._running) < self.jobs and self._queue:
            tasks = [self._queue.popleft() for _ in range(min(self.per_child, len(self._queue)))]
            reader, writer = self._ctx.Pipe(duplex=False)
            try:
                proc: Any = None
                if self.zygote is not None:
                    try:
                        proc = self.zygote.fork(tasks, writer)
                    except Exception as exc:  # noqa: BLE001 - raised by result(), as a task's own error
                        reader.close()
                        if isinstance(exc, (OSError, EOFError)):  # the zygote is gone
                            exc = WorkerError(f"the worker processes' zygote ended ({exc})")
                        for tid, _fn, _args in tasks:
                            self._results[tid] = (False, (exc, None))
                        continue
                    if proc is None:  # it did not start: fork here from now on
                        self.zygote = None
                if proc is None:
                    if self._frozen is None:  # frozen here, so unfrozen at close (a caller's freeze is left alone)
                        self._frozen = gc.get_freeze_count() == 0
                    gc.freeze()  # what exists now is shared: no collection on either side visits it
                    proc = self._ctx.Process(target=_child, args=(writer, tasks), daemon=True)
                    proc.start()
            finally:
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
                    tid, ok, value = _open(reader.recv_bytes())
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
        self._fork(wait=timeout is None)

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
        if self.zygote is not None:
            self.zygote.stop()
            self.zygote = None
        if self._frozen:
            gc.unfreeze()
        self._frozen = None


# --- the zygote ----------------------------------------------------------------------

#: Seconds between two looks of the zygote for children that ended.
REAP_SECONDS = 0.02

#: Seconds the zygote has to start (import its modules) before the children
#: are forked from this process instead.
ZYGOTE_START_SECONDS = 120.0

_ZYGOTE_MAIN = ("import json, sys; sys.path[:] = json.loads(sys.argv[2]); "
                "from framing.forking import _zygote_main; _zygote_main(int(sys.argv[1]), sys.argv[3:])")


def _pid_message(kind: bytes, pid: int, code: int = 0) -> bytes:
    return kind + struct.pack("<qq", pid, code)


class _Zygote:
    """This process's end of a zygote (see the module docs): it asks the
    zygote for children and hears which ended, with their exit codes."""

    def __init__(self, proc: subprocess.Popen[bytes], control: Connection) -> None:
        self.proc = proc
        self.control = control
        self.ready: bool | None = None  # None: not yet heard from
        self.exits: dict[int, int] = {}  # child → exit code, once it ended
        self._forked: deque[int] = deque()

    @classmethod
    def start(cls, modules: Sequence[str]) -> "_Zygote | None":
        """Start a zygote importing ``modules``; None if it cannot be started.
        Its imports run while this process goes on."""
        here, there = socket.socketpair()
        try:
            proc = subprocess.Popen(
                [sys.executable, "-c", _ZYGOTE_MAIN, str(there.fileno()), json.dumps(sys.path), *modules],
                pass_fds=(there.fileno(),), stdin=subprocess.DEVNULL, close_fds=True)
        except OSError:
            here.close()
            return None
        finally:
            there.close()
        control = Connection(here.detach())
        try:
            control.send_bytes(_KEY)  # the zygote's first read: its children seal with this run's key
        except OSError:
            control.close()
            proc.kill()
            proc.wait()
            return None
        return cls(proc, control)

    def _receive(self, timeout: float | None) -> bool:
        """Take one message from the zygote (waiting up to ``timeout``
        seconds; None: until one comes); False if none came."""
        if not self.control.poll(timeout):
            return False
        try:
            msg = self.control.recv_bytes()
        except (EOFError, OSError):  # the zygote is gone: every child of it ended
            self.ready = bool(self.ready)
            raise
        kind = msg[:1]
        pid, code = struct.unpack("<qq", msg[1:17])
        if kind == b"R":
            self.ready = True
        elif kind == b"P":
            self._forked.append(pid)
        elif kind == b"X":
            self.exits[pid] = code
        return True

    def _drain(self) -> None:
        while self._receive(0.0):
            pass

    def settled(self) -> bool:
        """Whether the zygote has said it is ready, or is gone (then
        :meth:`fork` says so at once), without waiting."""
        if self.ready is None:
            try:
                self._drain()
            except (EOFError, OSError):
                pass
        return self.ready is not None

    def fork(self, tasks: list[Task], writer: Connection) -> "_ZygoteChild | None":
        """A child of the zygote running ``tasks`` and sending its results
        through ``writer``; None if the zygote never started (then nothing was sent)."""
        tids = json.dumps([tid for tid, _fn, _args in tasks]).encode("ascii")
        data = b"T" + struct.pack("<q", len(tids)) + tids + _seal(tasks)  # may raise: nothing sent yet
        try:
            deadline = time.monotonic() + ZYGOTE_START_SECONDS
            while self.ready is None:
                if not self._receive(max(0.0, deadline - time.monotonic())) and time.monotonic() >= deadline:
                    break
        except (EOFError, OSError):
            pass
        if not self.ready:
            self.stop()
            return None
        self.control.send_bytes(data)
        del data
        send_handle(self.control, writer.fileno(), self.proc.pid)
        while not self._forked:
            self._receive(None)
        return _ZygoteChild(self, self._forked.popleft())

    def wait_exit(self, pid: int) -> int:
        while pid not in self.exits:
            self._receive(None)
        return self.exits[pid]

    def kill(self, pid: int) -> None:
        self.control.send_bytes(_pid_message(b"K", pid))

    def stop(self) -> None:
        """Stop the zygote (and any child of it still running)."""
        try:
            self.control.send_bytes(b"Q")
        except OSError:
            pass
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.control.close()


class _ZygoteChild:
    """A child of the zygote, as :class:`ForkPool` sees its children."""

    def __init__(self, zygote: _Zygote, pid: int) -> None:
        self.zygote = zygote
        self.pid = pid

    def is_alive(self) -> bool:
        try:
            self.zygote._drain()
        except (EOFError, OSError):
            return False
        return self.pid not in self.zygote.exits

    def kill(self) -> None:
        try:
            self.zygote.kill(self.pid)
        except OSError:
            pass

    def join(self) -> None:
        try:
            self.zygote.wait_exit(self.pid)
        except (EOFError, OSError):
            pass

    @property
    def exitcode(self) -> int | None:
        return self.zygote.exits.get(self.pid)


def _zygote_main(fd: int, modules: list[str]) -> None:
    """The zygote's loop: import ``modules`` (calling ``function`` of an
    entry ``module:function``), then fork a child for each task that comes
    in, until told to stop or this process's end closes."""
    global _KEY
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # this process stops the zygote
    control = Connection(fd)
    _KEY = control.recv_bytes()  # the starting process's key, sent before anything else
    for name in modules:
        module, _, function = name.partition(":")
        imported = importlib.import_module(module)
        if function:
            getattr(imported, function)()
    gc.collect()
    gc.freeze()  # the children's collections never visit (and so copy) what is here
    control.send_bytes(_pid_message(b"R", os.getpid()))
    children: set[int] = set()
    try:
        while True:
            if control.poll(REAP_SECONDS):
                try:
                    msg = control.recv_bytes()
                except EOFError:
                    break
                kind = msg[:1]
                if kind == b"T":
                    wfd = recv_handle(control)
                    sys.stdout.flush()
                    sys.stderr.flush()
                    pid = os.fork()
                    if pid == 0:
                        _zygote_child(control, msg, wfd)  # never returns
                    os.close(wfd)
                    del msg
                    children.add(pid)
                    control.send_bytes(_pid_message(b"P", pid))
                elif kind == b"K":
                    pid = struct.unpack("<qq", msg[1:17])[0]
                    if pid in children:
                        os.kill(pid, signal.SIGKILL)
                else:
                    break
            while children:
                pid, status = os.waitpid(-1, os.WNOHANG)
                if pid == 0:
                    break
                children.discard(pid)
                control.send_bytes(_pid_message(b"X", pid, os.waitstatus_to_exitcode(status)))
    except (BrokenPipeError, ConnectionResetError):
        pass
    finally:
        for pid in children:
            try:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
            except OSError:
                pass


def _zygote_child(control: Connection, msg: bytes, wfd: int) -> None:
    """A child of the zygote: run the tasks of ``msg`` (``T``, the length of
    the task ids' JSON, that JSON, the sealed tasks), sending the results
    through ``wfd``; exit."""
    code = 1
    try:
        signal.signal(signal.SIGINT, signal.default_int_handler)
        control.close()
        conn = Connection(wfd, readable=False)
        view = memoryview(msg)
        (n,) = struct.unpack("<q", view[1:9])
        try:
            # Sealed by the process that started the zygote, under the key it
            # sent first over the socketpair it passed down at start.
            tasks = _open(view[9 + n:])
        except BaseException as exc:  # noqa: BLE001 - e.g. a function this process cannot import
            tb = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
            for tid in json.loads(bytes(view[9:9 + n])):
                conn.send_bytes(_seal((tid, False, (_picklable(exc), tb))))
            code = 0
            return
        del view, msg
        # The tasks live as long as this child and hold no garbage: out of the
        # way of its collections, as the zygote's own objects are.
        gc.freeze()
        _child(conn, tasks)
        code = 0
    except BaseException:  # noqa: BLE001 - the parent hears of it as a child without its result
        traceback.print_exc()
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(code)


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
