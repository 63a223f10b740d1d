"""Small JSON files framing can rebuild at any time, kept between runs in the
user's cache folder (``$FRAMING_HOME/cache``, else ``$XDG_CACHE_HOME/framing``,
else ``~/.cache/framing``): the classifier fitted on the shipped training data,
for one lexicon and training-data version (:func:`framing.detect.classifier.model_key`),
and the word lists read from installed packages (:mod:`framing.text.dictionary`,
:mod:`framing.detect.wordlists`).

Only JSON that framing wrote is read back, and only as data (never a pickle);
a file that cannot be read, parsed or does not hold what was asked for is
ignored and rebuilt. A folder that cannot be written is not an error: the
cache is only a saving of time, and the results are the same without it.
"""

from __future__ import annotations

import json
import os
import re
import sys
import tempfile
from functools import lru_cache
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


@lru_cache(maxsize=None)
def package_version(name: str) -> str | None:
    """The installed version of the distribution ``name`` (None if it is not
    installed), for cache keys: what :func:`importlib.metadata.version` says,
    read from the ``<name>-<version>.dist-info`` folder's name where there is
    exactly one on the first ``sys.path`` entry that has any, because importing
    :mod:`importlib.metadata` costs every process some 40 ms before its work."""
    want = re.sub(r"[-_.]+", "_", name).lower()
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        found = [n for n in names if n.endswith(".dist-info") and "-" in n
                 and re.sub(r"[-_.]+", "_", n[:-len(".dist-info")].split("-")[0]).lower() == want]
        if len(found) == 1:
            return found[0][:-len(".dist-info")].split("-", 1)[1]
        if found:
            break
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return None
