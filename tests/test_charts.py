"""Charts: Figure objects with the expected axes, no pyplot, deterministic bytes."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import matplotlib
import pytest
from matplotlib.figure import Figure
from report_fixture import build_report

from framing.report import charts

FRAMING = Path(__file__).resolve().parent.parent / "framing"


@pytest.fixture
def accord():
    return build_report().events[0]


@pytest.fixture
def summit():
    return build_report().events[1]


def test_density_chart(accord):
    fig = charts.density_chart(accord)
    assert isinstance(fig, Figure)
    (ax,) = fig.axes
    assert ax.get_xlabel().startswith("Loaded terms per 1,000 words")
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        "Kesh Daily Standard *", "Meridian Wire *", "Almera Courier *"]
    assert "Loaded language per outlet" in fig.get_suptitle()
    # bars stack to the reported rate; the whisker spans the reported interval
    kesh = [p for p in ax.patches if abs(p.get_y() + p.get_height() / 2) < 1e-9]
    assert sum(p.get_width() for p in kesh) == pytest.approx(166.7)
    legend = [t.get_text() for t in fig.legends[0].get_texts()]
    assert legend == ["labeling", "distancing", "emotive", "promotional", "epistemic",
                      "95% interval"]
    (bars,) = [c for c in ax.collections]
    segments = bars.get_segments()
    assert segments[0][:, 0].tolist() == pytest.approx([61.2, 362.8])


def test_heatmap_chart(accord):
    fig = charts.heatmap_chart(accord)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_xticklabels()] == [
        "labeling", "distancing", "emotive", "promotional", "epistemic"]
    assert len(ax.images) == 1
    assert fig.axes[1].get_ylabel() == "loaded terms per 1,000 words"
    assert [t.get_text() for t in ax.texts][:5] == ["3", "1", "1", "0", "1"]


def test_voice_chart(accord):
    fig = charts.voice_chart(accord)
    ax = fig.axes[0]
    assert ax.get_xlabel() == "Loaded terms (count)"
    assert [t.get_text() for t in fig.legends[0].get_texts()] == [
        "narration (outlet's own words)", "quote (inside quotation marks)", "reported speech"]


def test_naming_chart(accord):
    fig = charts.naming_chart(accord)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_xticklabels()] == [
        "Almera Courier", "Kesh Daily Standard", "Meridian Wire"]
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        "Velmora: Velmora", "Velmora: Velmoran regime", "accord: accord",
        "accord: “accord”", "accord: river deal"]


def test_distinctive_chart(accord):
    fig = charts.distinctive_chart(accord)
    visible = [ax for ax in fig.axes if ax.get_visible()]
    assert [ax.get_title() for ax in visible] == [
        "Almera Courier", "Kesh Daily Standard", "Meridian Wire"]
    assert all(ax.get_xlabel() == "z-score" for ax in visible)
    assert [p.get_width() for p in visible[1].patches] == pytest.approx([1.81, 1.02])


def test_no_data_no_chart(summit):
    assert charts.available_charts(summit) == []
    assert charts.event_charts(summit) == {}
    for build in (charts.density_chart, charts.heatmap_chart, charts.voice_chart,
                  charts.naming_chart, charts.distinctive_chart):
        assert build(summit) is None


@pytest.mark.slow
def test_all_charts_for_event(accord):
    figs = charts.event_charts(accord)
    assert list(figs) == list(charts.CHART_NAMES)
    for fig in figs.values():
        assert tuple(fig.get_size_inches()) == pytest.approx(charts.FIGSIZE)
        assert fig.dpi == charts.DPI


@pytest.mark.slow
@pytest.mark.parametrize("name", charts.CHART_NAMES)
def test_deterministic_bytes(accord, name):
    fig = charts.event_charts(accord)[name]
    png, svg = charts.figure_png(fig), charts.figure_svg(fig)
    assert png.startswith(b"\x89PNG")
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg
    # saving again, in the other order, and from a fresh build: identical bytes
    assert charts.figure_svg(fig) == svg
    assert charts.figure_png(fig) == png
    again = charts.event_charts(build_report().events[0])[name]
    assert charts.figure_svg(again) == svg
    assert charts.figure_png(again) == png
    assert b"Software" not in png
    assert "<dc:date>" not in svg and "Matplotlib v" not in svg


def test_no_global_state_leaks(accord):
    salt = matplotlib.rcParams["svg.hashsalt"]
    family = list(matplotlib.rcParams["font.sans-serif"])
    charts.figure_svg(charts.density_chart(accord))
    assert matplotlib.rcParams["svg.hashsalt"] == salt
    assert list(matplotlib.rcParams["font.sans-serif"]) == family


PYPLOT_IMPORT = re.compile(
    r"^\s*(import\s+matplotlib\.pyplot|from\s+matplotlib\.pyplot\s+import"
    r"|from\s+matplotlib\s+import\s+.*\bpyplot\b|import\s+pylab|from\s+pylab\s)",
    re.MULTILINE,
)


def test_no_pyplot_in_framing():
    offenders = [str(p) for p in FRAMING.rglob("*.py")
                 if PYPLOT_IMPORT.search(p.read_text(encoding="utf-8"))]
    assert offenders == []
    assert PYPLOT_IMPORT.search("import matplotlib.pyplot as plt\n")
    assert PYPLOT_IMPORT.search("from matplotlib import pyplot\n")


@pytest.mark.slow
def test_charts_never_load_pyplot():
    code = (
        "import sys; sys.path.insert(0, 'tests')\n"
        "from report_fixture import build_report\n"
        "from framing.report import write_all\n"
        "import tempfile\n"
        "with tempfile.TemporaryDirectory() as d: write_all(build_report(), d)\n"
        "assert 'matplotlib.pyplot' not in sys.modules, 'pyplot was imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True,
                   cwd=FRAMING.parent, timeout=120)
