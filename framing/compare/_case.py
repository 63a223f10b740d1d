"""Case as evidence of a name, and where it is none."""

from __future__ import annotations

from collections.abc import Iterable

#: A run of at least this many words in capitals is a line set in capitals (a
#: teaser headline a copied page keeps: "CO-FOUNDER 'PROUD' OF HOME DEPOT
#: EMPLOYEES LIVING OUT THEIR AMERICAN DREAM"), whose capitals say nothing of
#: names; names in capitals are shorter ("NEW YORK (AP)", "FBI", "AJIT PAI").
SHOUTED_WORDS = 4


def shouted(words: Iterable[str]) -> bool:
    """Whether a run of words is a line set in capitals (:data:`SHOUTED_WORDS`)."""
    n = 0
    for w in words:
        if not (w.isupper() and len(w) > 1):
            return False
        n += 1
    return n >= SHOUTED_WORDS
