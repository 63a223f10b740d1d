"""Which events a large report draws charts for and lists first.

A report of an archive can hold thousands of events; most are covered by one
outlet (nothing to compare) and drawing five charts for each of the rest costs
about a second per event. ``--charts`` says which events get charts:

* ``none``: no charts;
* ``top:N``: the N largest compared events (most articles, then most outlets,
  then report order);
* ``all``: every compared event.

Only events covered by two or more outlets are ever charted: charts compare
outlets. The default, :data:`DEFAULT_CHARTS`, suits archives and covers every
compared event of a classroom-sized corpus.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..compare.model import Event, Report
from ._common import compares

__all__ = ["DEFAULT_CHARTS", "ChartChoice", "chart_events", "largest_events"]

#: The default ``--charts``: the 20 largest compared events.
DEFAULT_CHARTS = "top:20"

_SPEC = re.compile(r"\s*(none|all|top:(\d+))\s*", re.IGNORECASE)


@dataclass(frozen=True)
class ChartChoice:
    """A parsed ``--charts`` value: ``mode`` is ``none``, ``top`` or ``all``."""

    mode: str
    n: int = 0

    @classmethod
    def parse(cls, spec: str | bool | ChartChoice | None) -> ChartChoice:
        """``"none"``, ``"top:N"`` or ``"all"`` (``True``/``False`` mean all/none).
        Raises :class:`ValueError` with a one-line message for anything else."""
        if isinstance(spec, ChartChoice):
            return spec
        if spec is None:
            spec = DEFAULT_CHARTS
        if spec is True:
            return cls("all")
        if spec is False:
            return cls("none")
        m = _SPEC.fullmatch(str(spec))
        if not m:
            raise ValueError(f"{spec!r} is not a chart choice: use none, all or top:N "
                             f"(for example top:20)")
        if m.group(2) is not None:
            return cls("top", int(m.group(2)))
        return cls(m.group(1).lower())

    def __str__(self) -> str:
        return f"top:{self.n}" if self.mode == "top" else self.mode


def _size_key(item: tuple[int, Event]) -> tuple[int, int, int]:
    i, event = item
    return (-len(event.articles), -len(event.outlets), i)


def largest_events(report: Report) -> list[Event]:
    """Events by size: most articles first, then most outlets, then report order."""
    return [e for _, e in sorted(enumerate(report.events), key=_size_key)]


def chart_events(report: Report, charts: str | bool | ChartChoice | None = None) -> list[Event]:
    """The events to draw charts for under ``charts``, in report order."""
    choice = ChartChoice.parse(charts)
    if choice.mode == "none":
        return []
    compared = [e for e in largest_events(report) if compares(e)]
    if choice.mode == "top":
        compared = compared[:choice.n]
    chosen = {id(e) for e in compared}
    return [e for e in report.events if id(e) in chosen]
