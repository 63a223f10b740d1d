"""The worksheet and the answer key as editable Word documents (python-docx),
for teachers who adapt material in a word processor. Same content as the
HTML pages, plain styles a teacher can restyle."""

from __future__ import annotations

import io
from typing import Any

from . import content
from .materials import Answer, Materials, SpanRef


def _document(title: str) -> Any:
    import datetime

    from docx import Document
    from docx.shared import Mm, Pt

    doc = Document()
    sec = doc.sections[0]
    # A4 and Letter both fit: A4 width, Letter height, 15 mm margins.
    sec.page_width, sec.page_height = Mm(210), Mm(279.4)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(sec, side, Mm(15))
    style = doc.styles["Normal"]
    style.font.name = "Calibri"
    style.font.size = Pt(10.5)
    props = doc.core_properties
    props.title = title
    props.author = "framing classroom"
    fixed = datetime.datetime(2000, 1, 1)
    props.created = props.modified = fixed
    props.last_modified_by = "framing classroom"
    props.revision = 1
    doc.add_heading(title, level=1)
    return doc


def _ref(sp: SpanRef, labels: dict[int, str]) -> str:
    return f"[{labels.get(sp.article, sp.article)} · {sp.field} {sp.start}–{sp.end}]"


def _save(doc: Any) -> bytes:
    """The document's bytes, with fixed zip timestamps so the same input gives the same file."""
    import zipfile

    buf = io.BytesIO()
    doc.save(buf)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def _table(doc: Any, header: list[str], rows: list[list[str]], widths_mm: list[float] | None = None) -> Any:
    from docx.shared import Mm, Pt

    t = doc.add_table(rows=1, cols=len(header))
    t.style = "Table Grid"
    for i, h in enumerate(header):
        cell = t.rows[0].cells[i]
        cell.text = h
        for r in cell.paragraphs[0].runs:
            r.bold = True
    for row in rows:
        cells = t.add_row().cells
        for i, v in enumerate(row):
            cells[i].text = v
    for row in t.rows:
        for i, cell in enumerate(row.cells):
            if widths_mm:
                cell.width = Mm(widths_mm[i])
            for p in cell.paragraphs:
                for r in p.runs:
                    r.font.size = Pt(8.5)
    return t


def worksheet_docx(m: Materials) -> bytes:
    """The student worksheet: the table with blanks and the tasks with answer lines."""
    from docx.shared import Mm

    doc = _document("Worksheet: how did each outlet tell it?")
    doc.add_paragraph("Name: ______________________________    Date: ______________")
    doc.add_paragraph(f"{m.event_label} · use the handout only")
    if m.blind:
        doc.add_paragraph(content.BLIND_NOTE)
    doc.add_heading("1. Compare the outlets", level=2)
    doc.add_paragraph(content.TABLE_INTRO[m.level])
    t = _table(doc, ["Outlet", *content.TABLE_COLUMNS],
               [[row.outlet, row.headline, "", "", "", ""] for row in m.table],
               [18, 36, 32, 32, 30, 32])
    for row in t.rows[1:]:
        row.height = Mm(24)
    for i, task in enumerate(m.tasks, start=2):
        doc.add_heading(f"{i}. {task.title}", level=2)
        doc.add_paragraph(task.prompt)
        for j, (label, sentence) in enumerate(task.choices):
            doc.add_paragraph(f"{chr(ord('a') + j)}) {label}: {sentence}")
        for _ in range(task.lines):
            doc.add_paragraph("_" * 86)
    return _save(doc)


def key_docx(m: Materials) -> bytes:
    """The answer key and teacher guide: filled table with span references,
    task answers with explanation and neutral alternative, notes, questions, rubric."""
    labels = {o.article: o.label for o in m.outlets}
    doc = _document("Answer key and teacher guide")
    doc.add_paragraph(f"{m.event_label} · {m.dates} · level: {content.LEVEL_NAMES[m.level]} · event {m.event_id}")
    if m.blind:
        doc.add_paragraph("Key to the letters (teacher only): "
                          + "; ".join(f"{label} = {name}" for label, name in m.letter_key))
    doc.add_heading("Reading notes", level=2)
    for n in content.READING_NOTES:
        doc.add_paragraph(n, style="List Bullet")
    doc.add_paragraph("Evidence is given as [outlet · field start–end]: character offsets into the stored "
                      "headline (title) or article text (body), as framing hits prints them.")

    def cell(answers: list[Answer], with_cat: bool = False) -> str:
        if not answers:
            return "none found"
        out = []
        for a in answers:
            extra = f" ({a.category})" if with_cat and a.category else (f" {a.note}" if a.note else "")
            out.append(f"“{a.text}”{extra} {_ref(a.spans[0], labels)}")
        return "\n".join(out)

    doc.add_heading("1. The comparison table, filled in", level=2)
    _table(doc, ["Outlet", *content.TABLE_COLUMNS],
           [[row.outlet, row.headline, cell(row.loaded, True), cell(row.naming), cell(row.sources), cell(row.missing)]
            for row in m.table], [18, 30, 36, 32, 32, 32])
    for i, task in enumerate(m.tasks, start=2):
        doc.add_heading(f"{i}. {task.title}", level=2)
        doc.add_paragraph(task.prompt)
        if task.hint:
            doc.add_paragraph(task.hint)
        for a in task.answers:
            p = doc.add_paragraph(style="List Bullet")
            p.add_run(f"{a.outlet}: ").bold = True
            p.add_run(f"“{a.text}” " + " ".join(_ref(s, labels) for s in a.spans))
            if a.category and task.kind in ("loaded", "rewrite"):
                p.add_run(f" — {a.category}").italic = True
            if a.note:
                p.add_run(f". {a.note}")
            if a.neutral:
                p.add_run(" Neutral alternative: ")
                p.add_run(a.neutral).italic = True
    doc.add_heading("Discussion questions", level=2)
    for q in content.DISCUSSION[m.level]:
        doc.add_paragraph(q, style="List Number")
    doc.add_heading("Rubric", level=2)
    _table(doc, ["", *content.RUBRIC_LEVELS],
           [[c, *content.RUBRIC[c]] for c in content.RUBRIC_CRITERIA], [22, 38, 38, 38, 38])
    doc.add_heading("A 45-minute lesson", level=2)
    for t, step in content.LESSON_STEPS:
        doc.add_paragraph(f"{t} — {step}", style="List Number")
    return _save(doc)
