"""framing.evaluate: measuring framing against data sets nobody on the project wrote.

* :func:`babe.evaluate_babe` — BABE (Spinde et al. 2021): sentence and word
  level agreement of the detector with expert labels, and even-handedness
  across the outlets' political leanings; optionally cross-validation of a
  sentence model trained on it (:mod:`framing.sentence_model`).
* :func:`grouping.evaluate_grouping` — NeuS-AllSides (Lee et al. 2022): B³ of
  event grouping, with and without dates.

Each returns a plain dict (JSON-ready, deterministic) and has a ``render``
function for the terminal table. The data sets stay outside the repository;
the caller passes their path.
"""

from .babe import evaluate_babe, render_babe
from .grouping import evaluate_grouping, render_grouping

__all__ = ["evaluate_babe", "evaluate_grouping", "render_babe", "render_grouping"]
