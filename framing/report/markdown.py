"""The Markdown report, for coursework hand-outs and slides: the same tables
as the terminal, the charts linked (``charts/<event>-<chart>.png``, as
:func:`framing.report.write_all` writes them) and the reading notes."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from ..compare.model import Event, Report
from ._common import (
    coverage_note,
    CHART_CAPTIONS,
    CHART_NAMES,
    CHART_TITLES,
    available_charts,
    chart_filename,
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

__all__ = ["render_markdown", "md_escape"]

_SPECIAL = re.compile(r"([\\`*_\[\]|<>#~])")
_SPACES = re.compile(r"\s+")
#: Text with neither markup characters nor whitespace other than single spaces.
_PLAIN = re.compile(r"[^\\`*_\[\]|<>#~\s]*(?: [^\\`*_\[\]|<>#~\s]+)*")


def md_escape(text: str | None) -> str:
    """Text safe inside Markdown prose and table cells: markup characters
    backslash-escaped (so ``<script>`` stays text), newlines flattened."""
    if not text:
        return ""
    text = str(text)
    if _PLAIN.fullmatch(text):  # most names and labels: nothing to change
        return text
    return _SPECIAL.sub(r"\\\1", _SPACES.sub(" ", text))


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]],
           right: Sequence[bool]) -> list[str]:
    out = ["| " + " | ".join(headers) + " |",
           "|" + "|".join("---:" if r else "---" for r in right) + "|"]
    out += ["| " + " | ".join(row) + " |" for row in rows]
    return out


def _note(text: str | None) -> list[str]:
    return ["", f"> {md_escape(text)}"] if text else []


def _event(event: Event, names: list[str]) -> list[str]:
    n_out = len(event.outlets)
    out = [
        f"## {md_escape(event.label)}",
        "",
        f"{date_range(event)} · {len(event.articles)} article"
        f"{'s' if len(event.articles) != 1 else ''} · {n_out} outlet{'s' if n_out != 1 else ''}"
        f" ({', '.join(md_escape(o) for o in event.outlets)}) · event `{event.id}`",
        "",
        "### Loaded language per 1,000 words",
        "",
    ]
    if event.density:
        out += _table(
            ["Outlet", "Articles", "Words", "Loaded", "Per 1,000", "95% interval", "Warning"],
            [[md_escape(r.outlet), fmt_int(r.articles), fmt_int(r.words), fmt_int(r.loaded),
              f"**{fmt_rate(r.per_1000)}**", fmt_ci(r.ci95), md_escape(r.warning)]
             for r in event.density],
            [False, True, True, True, True, True, False])
        cats, voices = event_categories(event), event_voices(event)
        out += ["", "Loaded terms by category and by voice:", ""]
        out += _table(
            ["Outlet", *cats, *(f"voice: {v}" for v in voices)],
            [[md_escape(r.outlet), *(fmt_int(r.by_category.get(c, 0)) for c in cats),
              *(fmt_int(r.by_voice.get(v, 0)) for v in voices)] for r in event.density],
            [False, *([True] * (len(cats) + len(voices)))])
    else:
        out.append("No outlet to measure.")
    out += _note(event.notes.get("density"))

    if names:
        out += ["", "### Charts", ""]
        for name in names:
            title = CHART_TITLES[name]
            out += [f"![{title}](charts/{chart_filename(event, name, 'png')})", "",
                    f"*{title}.* {CHART_CAPTIONS[name]}", ""]
        out.pop()

    out += ["", "### Naming", ""]
    if any(row.forms for row in event.naming):
        rows = []
        for row in event.naming:
            for i, f in enumerate(row.forms):
                form = md_escape(form_label(f.form, f.scare_quoted))
                rows.append([md_escape(row.actor) if i == 0 else "", md_escape(f.outlet),
                             f"**{form}**" if f.loaded else form, fmt_int(f.count)])
        out += _table(["Actor", "Outlet", "Form", "Count"], rows, [False, False, False, True])
        if any(f.loaded for row in event.naming for f in row.forms):
            out += ["", "**Bold**: a loaded label or scare quotes."]
        if any(f.scare_quoted for row in event.naming for f in row.forms):
            out += ["", "“Form” in curly quotes: the outlet put that name in scare quotes."]
    else:
        out.append("None found.")
    out += _note(event.notes.get("naming"))

    out += ["", "### Quotes across outlets", ""]
    if event.quotes:
        for k, q in enumerate(event.quotes, 1):
            who = f"**{md_escape(q.speaker)}**: " if q.speaker else ""
            out += [f"{k}. {who}“{md_escape(q.reference.text)}” (reference, carried by "
                    f"{', '.join(md_escape(o) for o in q.reference.outlets)})", ""]
            rows = []
            for v in q.versions:
                text = "".join(f"**{md_escape(seg)}**" if ins else md_escape(seg)
                               for seg, ins in quote_segments(v, q.reference.text))
                rows.append([md_escape(v.outlet), v.relation, f"“{text}”",
                             ", ".join(f"~~{md_escape(w)}~~" for w in v.deleted)])
            out += _table(["Outlet", "Relation", "Version", "Words left out"], rows,
                          [False, False, False, False]) + [""]
        out.append("**Bold** words were inserted against the reference; "
                   "~~struck~~ words were left out.")
    else:
        out.append("No quotation carried by more than one outlet.")
    out += _note(event.notes.get("quotes"))

    out += ["", "### Facts included and left out", ""]
    if event.facts:
        out += _table(["Fact", "Kind", "Carried by", "Left out by"],
                      [[md_escape(f.text), md_escape(f.kind),
                        ", ".join(md_escape(o) for o in f.present) or "–",
                        ", ".join(md_escape(o) for o in f.absent) or "–"]
                       for f in event.facts], [False] * 4)
    else:
        out.append("No checkable facts found.")
    out += _note(event.notes.get("facts"))

    rows_d = [r for r in event.distinctive if r.terms]
    if rows_d:
        out += ["", "### Distinctive words", ""]
        out += _table(["Outlet", "Words (z-score, count)"],
                      [[md_escape(r.outlet),
                        ", ".join(f"{md_escape(t.term)} ({fmt_z(t.z)}, {t.count})"
                                  for t in r.terms)] for r in rows_d], [False, False])
        out += _note(event.notes.get("distinctive"))
    return out


def _groups_md(cmp: Any) -> list[str]:
    """Per-group density and distinctive terms (a GroupComparison) as Markdown."""
    out = _table(["Group", "Outlets", "Articles", "Words", "Loaded", "Per 1,000", "95% interval"],
                 [[md_escape(r.group), str(len(r.outlets)), fmt_int(r.articles), fmt_int(r.words),
                   fmt_int(r.loaded), fmt_rate(r.per_1000), fmt_ci(r.ci95)] for r in cmp.density],
                 [False, True, True, True, True, True, True])
    rows = [r for r in cmp.distinctive if r.terms]
    if rows:
        out += [""] + _table(["Group", "Words and phrases (z, BH q)"],
                             [[md_escape(r.group), ", ".join(
                                 f"{md_escape(t.term)} ({fmt_z(t.z)}, q={t.q:.2g})" if t.q is not None
                                 else f"{md_escape(t.term)} ({fmt_z(t.z)})" for t in r.terms)]
                              for r in rows], [False, False])
    return out + _note(cmp.note)


def render_markdown(report: Report, charted: Mapping[str, Iterable[str]] | None = None) -> str:
    """The whole report as Markdown (GitHub-flavoured tables). ``charted`` maps
    an event id to the charts drawn for it (:func:`framing.report.write_all`
    passes the ones it wrote); without it every chart an event has data for is
    linked."""
    return "".join(markdown_lines(report, charted))


def markdown_lines(report: Report, charted: Mapping[str, Iterable[str]] | None = None) -> Iterator[str]:
    """:func:`render_markdown` as a stream of lines (each with its newline),
    an event at a time: the whole text is never in memory."""
    report = safe_model(report)  # control characters from articles shown, never passed on
    n_art, n_ev = len(report.articles), len(report.events)
    lines = [
        "# How the outlets framed it",
        "",
        f"{n_art} article{'s' if n_art != 1 else ''} · {n_ev} event{'s' if n_ev != 1 else ''}"
        f" · lexicon {md_escape(report.lexicon_version)}",
        "",
        "Loaded terms are words the lexicon flags and the classifier judged loaded in "
        "context. The tables are evidence to discuss, not verdicts.",
    ]
    if (note := coverage_note(report)) is not None:
        lines += ["", f"**{md_escape(note)}**"]
    if report.groups is not None:
        lines += ["", "## Outlet groups across the corpus", ""] + _groups_md(report.groups)
    if not report.events:
        lines += ["", "No events."]
    for line in lines:
        yield line.rstrip() + "\n"
    for event in report.events:
        names = (available_charts(event) if charted is None
                 else [n for n in CHART_NAMES if n in set(charted.get(event.id, ()))])
        for line in [""] + _event(event, names):
            yield line.rstrip() + "\n"
