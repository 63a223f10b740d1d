"""Writing report files so that a failure never leaves a half-written report.

Every file of a report is first written to a hidden temporary file in its own
folder (``.report.html.XXXX.part``); only when all of them are written are
they synced (several at once: an archive's report is tens of thousands of
files, and one ``fsync`` after another waits for the disk each time) and then
renamed into place, one ``os.replace`` each. A full disk or
any other error while writing removes the temporary files and leaves the
previous report as it was, and the error names the file::

    with ReportFiles() as files:
        files.add(out / "report.json", text)
        ...
    files.written   # the paths, once renamed into place
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from types import TracebackType

from ..errors import OutputError

__all__ = ["ReportFiles", "check_out_dir", "write_file"]

_UMASK = os.umask(0)
os.umask(_UMASK)


def _problem(exc: OSError) -> str:
    return f"cannot write ({exc.strerror or exc}); the previous report is unchanged"


class ReportFiles:
    """Files written together: all of them, or none (see the module docs)."""

    def __init__(self) -> None:
        self._staged: list[tuple[Path, Path]] = []
        self.written: list[Path] = []
        # Syncs started early (see sync_soon): the first ``_submitted`` staged
        # files' syncs, in order, in the threads of ``_pool``.
        self._pool: ThreadPoolExecutor | None = None
        self._futures: list[Future[None]] = []
        self._submitted = 0

    def add(self, path: str | os.PathLike[str], data: str | bytes) -> Path:
        """Write ``data`` (text as UTF-8) to a temporary file beside ``path``."""
        return self.add_lines(path, (data,))

    def add_lines(self, path: str | os.PathLike[str], chunks: Iterable[str | bytes]) -> Path:
        """Like :meth:`add`, writing ``chunks`` one by one (a stream: the whole
        text is never in memory)."""
        path = Path(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
        except OSError as exc:
            raise OutputError(str(path), _problem(exc)) from exc
        self._staged.append((Path(tmp), path))
        try:
            try:
                # Text is gathered up to WRITE_CHARS and written at once: a
                # renderer may yield one line at a time (report.md is half a
                # million lines at 20,000 articles), and a write per line is
                # a system call per line.
                pending: list[str] = []
                size = 0
                for chunk in chunks:
                    if isinstance(chunk, str):
                        pending.append(chunk)
                        size += len(chunk)
                        if size < WRITE_CHARS:
                            continue
                        data: str | bytes = "".join(pending)
                        pending.clear()
                        size = 0
                    else:
                        if pending:
                            _write_all(fd, "".join(pending).encode("utf-8"))
                            pending.clear()
                            size = 0
                        data = chunk
                    _write_all(fd, data.encode("utf-8") if isinstance(data, str) else data)
                if pending:
                    _write_all(fd, "".join(pending).encode("utf-8"))
            finally:
                os.close(fd)
            os.chmod(tmp, 0o666 & ~_UMASK)  # as an ordinary new file would be
        except OSError as exc:
            raise OutputError(str(path), _problem(exc)) from exc
        return path

    def adopt(self, staged: Iterable[tuple[str | os.PathLike[str], str | os.PathLike[str]]]) -> None:
        """Take over (temporary file, final path) pairs that another
        :class:`ReportFiles` wrote (for example in a worker process, see
        :meth:`release`): they are synced and renamed with this set's files."""
        self._staged += [(Path(tmp), Path(final)) for tmp, final in staged]

    def release(self) -> list[tuple[str, str]]:
        """Hand the written temporary files over, not renamed and not
        (surely) synced, as (temporary file, final path) pairs for
        :meth:`adopt`; this set forgets them."""
        self._stop_syncing()
        out = [(str(tmp), str(final)) for tmp, final in self._staged]
        self._staged = []
        return out

    def sync_soon(self) -> None:
        """Start syncing the files staged so far in background threads, while
        the caller goes on writing (``fsync`` waits for the disk, not the
        CPU); :meth:`commit` syncs the rest and waits for these, so that the
        syncs of an archive's tens of thousands of files are not all left to
        the end. Threads: not for a process that forks children meanwhile
        (a child of a process with threads gets only the forking one)."""
        new = self._staged[self._submitted:]
        if not new:
            return
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=SYNC_THREADS)
        self._futures += [self._pool.submit(_sync_one, item) for item in new]
        self._submitted = len(self._staged)

    def _stop_syncing(self) -> None:
        """Drop the early syncs not yet started and wait for those under way."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
        self._pool = None
        self._futures = []
        self._submitted = 0

    def _sync(self) -> None:
        """Sync every temporary file to disk, several at a time (``fsync``
        waits for the disk, not the CPU); raises OutputError for the first
        file that cannot be synced."""
        try:
            if self._futures:  # some started early (sync_soon): the rest in the same threads
                self.sync_soon()
                for done in self._futures:
                    done.result()
                return
        finally:
            self._stop_syncing()
        if len(self._staged) <= 1:
            for item in self._staged:
                _sync_one(item)
            return
        with ThreadPoolExecutor(max_workers=min(SYNC_THREADS, len(self._staged))) as pool:
            for _ in pool.map(_sync_one, self._staged):
                pass

    def commit(self) -> list[Path]:
        """Sync every temporary file, then rename each into place; returns the paths, sorted."""
        try:
            self._sync()
        except OutputError:
            self.discard()
            raise
        folders = set()
        for tmp, final in self._staged:
            try:
                os.replace(tmp, final)
            except OSError as exc:
                self.discard()
                raise OutputError(str(final), f"cannot write ({exc.strerror or exc})") from exc
            self.written.append(final)
            folders.add(final.parent)
        self._staged = []
        _remove_stale(self.written)
        for folder in folders:  # the renames themselves survive a power cut
            try:
                fd = os.open(folder, os.O_RDONLY)
            except OSError:
                continue
            try:
                os.fsync(fd)
            except OSError:
                pass
            finally:
                os.close(fd)
        return sorted(self.written)

    def discard(self) -> None:
        """Remove the temporary files not yet renamed."""
        self._stop_syncing()
        for tmp, _ in self._staged:
            try:
                tmp.unlink()
            except OSError:
                pass
        self._staged = []

    def __enter__(self) -> "ReportFiles":
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if exc_type is None:
            self.commit()
        else:
            self.discard()


def _sync_one(item: tuple[Path, Path]) -> None:
    """Sync one (temporary file, final path) to disk; OutputError names the final path."""
    tmp, final = item
    try:
        fd = os.open(tmp, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError as exc:
        raise OutputError(str(final), _problem(exc)) from exc


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


#: Characters of text gathered before they are written (see :meth:`ReportFiles.add_lines`).
WRITE_CHARS = 1 << 20

#: Files synced at once when a report is committed.
SYNC_THREADS = 8

#: A temporary file older than this was left by a run that was killed; newer
#: ones may belong to a run writing the same report right now.
STALE_SECONDS = 3600


def _remove_stale(written: list[Path]) -> None:
    """Remove temporary files a killed run left beside the files just written
    (``.<name>.*.part`` for each written ``<name>``). Each folder is listed
    once, not once per file: a report writes thousands of event pages into one."""
    now = time.time()
    names: dict[Path, set[str]] = {}
    for final in written:
        names.setdefault(final.parent, set()).add(final.name)
    for folder, wanted in names.items():
        try:
            entries = [e.name for e in os.scandir(folder)]
        except OSError:
            continue
        for entry in entries:
            if not (entry.startswith(".") and entry.endswith(".part")) or not _stale_of(entry, wanted):
                continue
            tmp = folder / entry
            try:
                if now - tmp.stat().st_mtime > STALE_SECONDS:
                    tmp.unlink()
            except OSError:
                pass


def _stale_of(entry: str, wanted: set[str]) -> bool:
    """Whether ``entry`` is ``.<name>.<anything>.part`` for a name in ``wanted``."""
    body = entry[1:-len(".part")]
    k = body.find(".")
    while k != -1:
        if body[:k] in wanted:
            return True
        k = body.find(".", k + 1)
    return False


def write_file(path: str | os.PathLike[str], data: str | bytes) -> Path:
    """Write one file through a temporary file and a rename."""
    with ReportFiles() as files:
        files.add(path, data)
    return Path(path)


def check_out_dir(out_dir: str | os.PathLike[str],
                  inputs: Iterable[str | os.PathLike[str] | tuple[str | os.PathLike[str], str]]) -> None:
    """Refuse an output folder that is itself an input folder: its reports
    (report.json, report.md, csv/...) would be read back in as articles on the
    next run. A folder inside an input folder is fine: it holds the store, and
    a folder holding a store is never read as input."""
    out = Path(out_dir).resolve()
    for given in inputs:
        if isinstance(given, tuple):  # (path, label), as framing.corpus takes them
            given = given[0]
        folder = Path(given)
        if folder.is_dir() and folder.resolve() == out:
            raise OutputError(
                str(out_dir),
                f"is the input folder {given}: its reports would be read back in as articles "
                f"on the next run; give --out a folder of its own (e.g. {Path(given) / 'framing-report'})")
