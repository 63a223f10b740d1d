"""Classroom materials from any corpus: a side-by-side handout, a student
worksheet, an answer key and teacher guide, and an annotated article, for one
event, optionally blind (outlets shown as Outlet A, B, C…).

From a notebook::

    from framing.pipeline import compare_store
    from framing.classroom import make_materials, write_materials

    materials = make_materials(compare_store(store, framing.load_lexicon()), blind=True, level="middle")
    write_materials(materials, "classroom/")   # HTML, DOCX, charts (and PDF with Chromium)

:func:`make_materials` is a pure function of the report; :func:`write_materials`
is the only function that writes files.
"""

from __future__ import annotations

from .content import LEVELS
from .materials import ClassroomError, Materials, make_materials, pick_event

__all__ = ["LEVELS", "ClassroomError", "Materials", "make_materials", "pick_event", "write_materials"]


def write_materials(*args, **kwargs):  # type: ignore[no-untyped-def]
    from .write import write_materials as _write

    return _write(*args, **kwargs)
