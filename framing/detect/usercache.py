"""Small JSON files framing can rebuild at any time, kept between runs in the
user's cache folder (``$FRAMING_HOME/cache``, else ``$XDG_CACHE_HOME/framing``,
else ``~/.cache/framing``): the classifier fitted on the shipped training data,
for one lexicon and training-data version (:func:`framing.detect.classifier.model_key`).

Only JSON that framing wrote is read back, and only as data (never a pickle);
a file that cannot be read, parsed or does not hold what was asked for is
ignored and rebuilt. A folder that cannot be written is not an error: the
cache is only a saving of time, and the results are the same without it.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any


def cache_dir() -> Path:
    """The user's cache folder for framing (not created until something is saved)."""
    home = os.environ.get("FRAMING_HOME")
    if home:
        return Path(home) / "cache"
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg else Path.home() / ".cache"
    return base / "framing"


def read(name: str) -> Any:
    """The JSON saved as ``name``, or None."""
    try:
        return json.loads((cache_dir() / name).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def write(name: str, data: Any) -> None:
    """Save ``data`` as ``name`` (atomically: a reader sees the old file or the new one)."""
    folder = cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(data, fh, sort_keys=True)
            os.replace(tmp, folder / name)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        pass
