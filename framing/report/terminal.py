"""The terminal summary: per event, plain fixed-width tables of density (with
interval), categories and voices, naming, altered quotes, facts left out and
distinctive words. Colour (ANSI, through :func:`click.style`) only when asked;
the CLI asks when writing to a terminal."""

from __future__ import annotations

import functools
import re
import textwrap
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import click

from .._collector import collector_paused
from ..compare.model import Event, NamingRow, Report
from ._common import (
    coverage_note,
    date_range,
    event_categories,
    event_voices,
    fmt_ci,
    fmt_int,
    fmt_rate,
    fmt_z,
    form_label,
    quote_segments,
)
from .safe import safe_model

__all__ = ["render_terminal", "MAX_FACTS", "MAX_LINES", "MAX_TERMS", "TOP_EVENTS", "WIDTH"]

#: Facts left out listed per event (the rest are in the CSV and HTML).
MAX_FACTS = 10
#: Distinctive words listed per outlet.
MAX_TERMS = 5
#: Width at which notes wrap.
WIDTH = 78
#: Longest terminal summary: a report that needs more lines gets an overview.
MAX_LINES = 300
#: Lines an overview leaves free for what ``framing run`` prints around it
#: (the ingest summary, where the reports are), so the whole stays in MAX_LINES.
RESERVE = 20
#: Events listed in the overview of a large report.
TOP_EVENTS = 20
#: Loaded terms listed in the overview.
TOP_TERMS = 10

Style = Callable[..., str]


def _plain(text: str, **_kwargs: object) -> str:
    return text


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]], right: Sequence[bool],
           style: Style, gap: str = "  ") -> list[str]:
    """Fixed-width columns computed from the content; no trailing spaces."""
    widths = [len(h) for h in headers]
    for row in rows:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], len(cell))

    def line(cells: Sequence[str]) -> str:
        parts = [c.rjust(w) if r else c.ljust(w) for c, w, r in zip(cells, widths, right)]
        return gap.join(parts).rstrip()

    out = [style(line(headers), bold=True)]
    out.extend(line(row) for row in rows)
    return out


_INSERTED = re.compile(r"\{\+\S*?\+\}")


@functools.lru_cache(maxsize=4096)
def _wrapped(text: str, first: str, rest: str, words: bool) -> tuple[str, ...]:
    """``textwrap.wrap`` at :data:`WIDTH`, remembered: an archive's events
    repeat the same reading notes thousands of times."""
    if words:
        return tuple(textwrap.wrap(text, WIDTH, initial_indent=first, subsequent_indent=rest,
                                   break_long_words=False, break_on_hyphens=False))
    return tuple(textwrap.wrap(text, WIDTH, initial_indent=first, subsequent_indent=rest))


def _wrap(text: str, first: str, rest: str,
          paint: Callable[[str], str] | None = None) -> list[str]:
    """Wrap prose at :data:`WIDTH` without breaking words; ``paint`` styles each line."""
    lines = _wrapped(text, first, rest, True)
    return [paint(line) for line in lines] if paint else list(lines)


def _note(text: str | None, prefix: str = "Note: ") -> list[str]:
    if not text:
        return []
    return list(_wrapped(text, prefix, " " * len(prefix), False))


def _density(event: Event, style: Style) -> list[str]:
    out = [style("Loaded language per 1,000 words", bold=True, underline=True)]
    if not event.density:
        return out + ["No outlet to measure."]
    rows = [
        [r.outlet, fmt_int(r.articles), fmt_int(r.words), fmt_int(r.loaded),
         fmt_rate(r.per_1000), fmt_ci(r.ci95), "*" if r.warning else ""]
        for r in event.density
    ]
    out += _table(["Outlet", "Articles", "Words", "Loaded", "Per 1,000", "95% interval", ""],
                  rows, [False, True, True, True, True, True, False], style)
    for r in event.density:
        if r.warning:
            out += [style(line, fg="yellow") for line in _note(r.warning, f"* {r.outlet}: ")]
    out += _note(event.notes.get("density"))
    out.append("")
    out += _counts(event, "Loaded terms by category", event_categories(event), "by_category", style)
    out.append("")
    out += _counts(event, "Loaded terms by voice", event_voices(event), "by_voice", style)
    return out


def _named_differently(row: NamingRow) -> bool:
    """Whether the outlets that name this actor do not all use the same forms."""
    forms: dict[str, set[tuple[str, bool]]] = {}
    for f in row.forms:
        forms.setdefault(f.outlet, set()).add((f.form, f.scare_quoted))
    return len({frozenset(v) for v in forms.values()}) > 1


def _counts(event: Event, title: str, keys: Sequence[str], field: str, style: Style) -> list[str]:
    """An outlets × keys table of one density count (``by_category`` or ``by_voice``)."""
    rows = [[r.outlet, *(fmt_int(getattr(r, field).get(k, 0)) for k in keys)] for r in event.density]
    return [style(title, bold=True, underline=True),
            *_table(["Outlet", *keys], rows, [False, *([True] * len(keys))], style)]


def _naming(event: Event, style: Style) -> list[str]:
    """Only the actors whose names differ between outlets (the full table is in
    the HTML, Markdown and CSV reports)."""
    out = [style("Naming", bold=True, underline=True)]
    named = [row for row in event.naming if row.forms]
    if not named:
        return out + ["None found."]
    differ = [row for row in named if _named_differently(row)]
    rows = []
    for row in differ:
        for i, f in enumerate(row.forms):
            rows.append([row.actor if i == 0 else "", f.outlet,
                         form_label(f.form, f.scare_quoted), fmt_int(f.count)])
    if rows:
        out += _table(["Actor", "Outlet", "Form", "Count"], rows,
                      [False, False, False, True], style)
    if any(f.scare_quoted for row in differ for f in row.forms):
        out.append("“form” = written in scare quotes.")
    same = len(named) - len(differ)
    if same:
        out += _wrap(f"{same} {'other ' if differ else ''}actor{'s' if same != 1 else ''} "
                     f"named the same way by every outlet that names "
                     f"{'them' if same != 1 else 'it'}.", "", "")
    out += _note(event.notes.get("naming"))
    return out


def _quotes(event: Event, style: Style) -> list[str]:
    out = [style("Altered quotes", bold=True, underline=True)]
    changed = [q for q in event.quotes if any(v.relation != "exact" for v in q.versions)]
    if not changed:
        n = len(event.quotes)
        return out + [f"None: {n} quotation{'s' if n != 1 else ''} carried the same way."
                      if n else "No quotation carried by more than one outlet."]
    for k, q in enumerate(changed, 1):
        indent = " " * (len(str(k)) + 2)
        who = f"{q.speaker}: " if q.speaker else ""
        out += _wrap(f"{k}. {who}“{q.reference.text}”", "", indent)
        out += _wrap("(reference, as carried by " + ", ".join(q.reference.outlets) + ")",
                     indent, indent)
        for v in q.versions:
            if v.relation == "exact":
                continue
            text = "".join("{+" + seg + "+}" if ins else seg
                           for seg, ins in quote_segments(v, q.reference.text))
            out += _wrap(f"{v.outlet}, {v.relation}: “{text}”", indent, indent + "  ",
                         lambda line: _INSERTED.sub(
                             lambda m: style(m.group(0), fg="green", bold=True), line))
            if v.deleted:
                out += _wrap("words left out: " + " ".join(v.deleted), indent + "  ",
                             indent + "  ", lambda line: style(line, fg="red"))
    if any(v.inserted for q in changed for v in q.versions):
        out.append("{+word+} = inserted against the reference.")
    out += _note(event.notes.get("quotes"))
    return out


def _facts(event: Event, style: Style) -> list[str]:
    out = [style("Facts left out", bold=True, underline=True)]
    missing = [f for f in event.facts if f.absent]
    if not missing:
        return out + ["None: every fact found is carried by every outlet."
                      if event.facts else "No checkable facts found."]
    rows = [[f.text, f.kind, f"{len(f.present)} of {len(f.present) + len(f.absent)}",
             ", ".join(f.absent)] for f in missing[:MAX_FACTS]]
    out += _table(["Fact", "Kind", "Carried", "Left out by"], rows,
                  [False, False, True, False], style)
    if len(missing) > MAX_FACTS:
        out.append(f"… and {len(missing) - MAX_FACTS} more (see facts.csv or report.html).")
    out += _note(event.notes.get("facts"))
    return out


def _distinctive(event: Event, style: Style) -> list[str]:
    rows = [r for r in event.distinctive if r.terms]
    if not rows:
        return []
    out = [style("Distinctive words (z-score)", bold=True, underline=True)]
    out += _table(["Outlet", "Words"],
                  [[r.outlet, ", ".join(f"{t.term} {fmt_z(t.z)}" for t in r.terms[:MAX_TERMS])]
                   for r in rows], [False, False], style)
    out += _note(event.notes.get("distinctive"))
    return out


def fmt_q(q: float | None) -> str:
    """A BH q-value: ``q<0.001`` or two significant digits."""
    if q is None:
        return "q=?"
    return "q<0.001" if q < 0.001 else f"q={q:.2g}"


def _groups(cmp: Any, style: Style, title: str) -> list[str]:
    """Per-group density and distinctive terms (a :class:`GroupComparison`)."""
    if cmp is None:
        return []
    out = [style(f"{title}: loaded language per 1,000 words", bold=True, underline=True)]
    out += _table(["Group", "Outlets", "Articles", "Words", "Loaded", "Per 1,000", "95% interval", ""],
                  [[r.group, fmt_int(len(r.outlets)), fmt_int(r.articles), fmt_int(r.words), fmt_int(r.loaded),
                    fmt_rate(r.per_1000), fmt_ci(r.ci95), "*" if r.warning else ""] for r in cmp.density],
                  [False, True, True, True, True, True, True, False], style)
    rows = [r for r in cmp.distinctive if r.terms]
    if rows:
        out += ["", style(f"{title}: distinctive words and phrases (z, BH-adjusted q)", bold=True,
                          underline=True)]
        for r in rows:
            out += _wrap("; ".join(f"{t.term} z={fmt_z(t.z)} {fmt_q(t.q)}" for t in r.terms[:MAX_TERMS]),
                         f"{r.group}: ", " " * (len(r.group) + 2))
    out += _note(cmp.note)
    return out


def _event_groups(event: Event, style: Style) -> list[str]:
    return _groups(event.groups, style, "Outlet groups in this event")


def _event_block(event: Event, style: Style) -> list[str]:
    n_out = len(event.outlets)
    lines = [
        "",
        style(f"== {event.label} ==", bold=True),
        f"{event.id} · {date_range(event)} · {len(event.articles)} "
        f"article{'s' if len(event.articles) != 1 else ''} · {n_out} "
        f"outlet{'s' if n_out != 1 else ''}",
        "",
    ]
    for section in (_density, _naming, _quotes, _facts, _distinctive, _event_groups):
        block = section(event, style)
        if block:
            lines += block + [""]
    while lines and lines[-1] == "":
        lines.pop()
    return lines


def _header(report: Report, style: Style) -> str:
    n_art, n_ev = len(report.articles), len(report.events)
    head = style(f"framing report · lexicon {report.lexicon_version} · "
                 f"{n_art} article{'s' if n_art != 1 else ''} · "
                 f"{n_ev} event{'s' if n_ev != 1 else ''}", bold=True)
    note = coverage_note(report)  # headline-only or cut texts, said in one line
    return head if note is None else head + "\n" + note


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 1] + "…"


def _overview(report: Report, style: Style, max_lines: int, full_report: str | None) -> list[str]:
    """A large report in at most ``max_lines`` lines: totals, the most frequent
    loaded terms, the largest events as a table, then as many of them in full
    as fit, and where everything else is."""
    from .scope import largest_events

    events = largest_events(report)
    outlets = {a.get("outlet") for a in report.articles if a.get("outlet")}
    compared = sum(1 for e in events if len(e.outlets) >= 2)
    single = sum(1 for e in events if len(e.articles) == 1)
    copies = sum(1 for a in report.articles if a.get("near_duplicate_of") is not None)
    loaded = [h for h in report.hits if h.get("loaded")]
    dates = sorted(d for e in events for d in (e.first_date, e.last_date) if d)
    terms = Counter(str(h.get("term") or h.get("text")) for h in loaded)
    where = (f"in {full_report}" if full_report else
             "with `framing report --format html --out report.html` (or markdown, json, csv)")
    lines = [
        _header(report, style),
        "",
        style("Overview", bold=True, underline=True),
        *_table(["", ""], [
            ["Articles", f"{fmt_int(len(report.articles))} ({fmt_int(copies)} "
                         f"near-cop{'y' if copies == 1 else 'ies'} counted once)"],
            ["Outlets", fmt_int(len(outlets))],
            ["Events", f"{fmt_int(len(events))}: {fmt_int(compared)} covered by two or more "
                       f"outlets, {fmt_int(single)} single article{'' if single == 1 else 's'}"],
            ["Dates", f"{dates[0]} to {dates[-1]}" if dates else "undated"],
            ["Loaded terms", f"{fmt_int(len(loaded))} in "
                             f"{fmt_int(len({h['article'] for h in loaded}))} articles"],
        ], [False, False], style)[1:],
    ]
    if report.groups is not None:
        lines += [""] + _groups(report.groups, style, "Outlet groups, whole corpus")
    if terms:
        top = sorted(terms.items(), key=lambda tc: (-tc[1], tc[0]))[:TOP_TERMS]
        lines += [""] + _wrap("Most frequent loaded terms: "
                              + ", ".join(f"{t} {fmt_int(n)}" for t, n in top) + ".", "", "  ")
    shown = events[:TOP_EVENTS]
    rows = []
    for e in shown:
        rates = [r.per_1000 for r in e.density]
        span = (fmt_rate(min(rates)) if min(rates) == max(rates)
                else f"{fmt_rate(min(rates))}–{fmt_rate(max(rates))}") if rates else "–"
        rows.append([e.id, date_range(e), fmt_int(len(e.articles)), fmt_int(len(e.outlets)),
                     span, _clip(e.label, 40)])
    lines += ["", style(f"The {len(shown)} largest events", bold=True, underline=True)]
    lines += _table(["Event", "Dates", "Articles", "Outlets", "Per 1,000", "Label"], rows,
                    [False, False, True, True, True, False], style)
    tail = ["", *_wrap(f"Every event, with its articles side by side, charts, naming, quotes "
                       f"and facts, is {where}: report.html lists them all and links one page "
                       f"per event; report.md, report.json and csv/ hold the same.", "", "")]
    for e in shown:
        block = _event_block(e, style)
        if len(lines) + len(block) + len(tail) > max_lines:
            break
        lines += block
    return lines + tail


def _head(report: Report, style: Style) -> list[str]:
    """The lines before the events: the header and the corpus-wide groups."""
    lines = [_header(report, style)]
    if report.groups is not None:
        lines += [""] + _groups(report.groups, style, "Outlet groups, whole corpus")
    if not report.events:
        lines.append("No events.")
    return lines


def render_terminal(report: Report, color: bool = False, *, max_lines: int | None = MAX_LINES,
                    full_report: str | None = None) -> str:
    """The terminal summary as text; ANSI colour only when ``color`` is true.

    Every event in full when that fits in ``max_lines`` lines (``None``: no
    limit); otherwise an overview, the largest events and where the full
    report is (``full_report``, e.g. the output folder)."""
    style: Style = click.style if color else _plain
    # Lines and counts, no cycles: the collector paused, whose passes walked
    # the whole report (see framing._collector).
    with collector_paused():
        report = safe_model(report)  # an article's escape sequences shown, never run
        lines = _head(report, style)
        for event in report.events:
            lines += _event_block(event, style)
            if max_lines is not None and len(lines) > max_lines:
                lines = _overview(report, style, max_lines - RESERVE, full_report)
                break
        return "\n".join(line.rstrip() for line in lines) + "\n"


def terminal_lines(report: Report, color: bool = False) -> Iterator[str]:
    """``render_terminal(report, color, max_lines=None)`` as a stream of
    lines (each with its newline), an event at a time: the whole text is
    never in memory."""
    style: Style = click.style if color else _plain
    report = safe_model(report)
    for line in _head(report, style):
        yield line.rstrip() + "\n"
    for event in report.events:
        for line in _event_block(event, style):
            yield line.rstrip() + "\n"
