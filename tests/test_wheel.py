"""The built wheel works outside the checkout: shipped data (lexicons, demo
corpus, templates) is found through importlib.resources."""

from __future__ import annotations

import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel_venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with only the built framing wheel installed in it.

    Its dependencies (scikit-learn, matplotlib...) come from this test run's
    environment through a .pth line, so the test needs no network, while the
    framing package itself can only come from the wheel.
    """
    tmp = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp / "dist"), str(REPO)],
                   check=True, capture_output=True, text=True)
    [wheel] = (tmp / "dist").glob("framing-*.whl")
    venv = tmp / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    py = venv / "bin" / "python"
    site = subprocess.run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          check=True, capture_output=True, text=True).stdout.strip()
    Path(site, "outer-deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", site, str(wheel)],
                   check=True, capture_output=True, text=True)
    return venv


def test_wheel_ships_the_data_and_runs_the_demo_from_another_folder(wheel_venv: Path, tmp_path: Path) -> None:
    py = wheel_venv / "bin" / "python"
    where = subprocess.run(
        [str(py), "-c", "import framing, framing.resources as r; print(framing.__file__);"
         "print(sorted(p.name for p in r.lexicon_dir().iterdir()));"
         "print(sorted(p.name for p in r.demo_corpus().iterdir()))"],
        cwd=tmp_path, check=True, capture_output=True, text=True).stdout.splitlines()
    assert str(REPO) not in where[0] and str(wheel_venv) in where[0]
    assert ".yaml" in where[1]
    assert "manifest.csv" in where[2]
    proc = subprocess.run([str(py), "-m", "framing", "demo", "--out", "out"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert (tmp_path / "out" / "framing.db").exists()
    assert " 0 errors" in proc.stdout
