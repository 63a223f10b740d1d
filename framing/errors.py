"""Domain errors. The library raises these; the CLI turns each into a one-line
``Error: ...`` at the edge. Every message names the file (and line) at fault."""

from __future__ import annotations


class FramingError(Exception):
    """Base class for every error a user can cause and fix."""


class LocatedError(FramingError):
    """A problem at a place in a file: the message is ``path[:line]: problem``."""

    def __init__(self, path: str, problem: str, line: int | None = None):
        self.path = path
        self.problem = problem
        self.line = line
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {problem}")

    def __reduce__(self) -> tuple[object, ...]:
        # Picklable, so ingest workers (--jobs) can send it to the writer process.
        return (type(self), (self.path, self.problem, self.line))


class InputError(LocatedError):
    """An input file cannot be read as an article (binary, empty, too large, undecodable)."""


class ManifestError(InputError):
    """A manifest is malformed or names files that do not exist."""


class LexiconError(LocatedError):
    """A lexicon file is malformed: bad YAML, a missing or unknown field."""


class StoreError(FramingError):
    """The store file cannot be opened or is from a newer framing."""


class NotFound(FramingError):
    """An article or event id the user asked for is not in the store."""


class NothingToCompare(FramingError):
    """A run loaded no articles, so there is nothing to compare."""


class OutputError(LocatedError):
    """A report file or folder cannot be written (full disk, no permission), or
    an output folder would feed the reports back in as input."""
