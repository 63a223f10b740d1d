"""Charts stay legible on real-sized coverage: no text on another, none cut
off by the figure's edge, no asked-for tick label dropped, measured with
:func:`framing.report._chart_check.check_figure` on invented events (every
name and word here is made up) with many outlets, long and non-Latin names,
many actors and forms, and a long event title.

The check itself is tested on deliberately crowded figures, so that it cannot
pass by finding nothing.
"""

from __future__ import annotations

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from framing.compare.model import (DensityRow, DistinctiveRow, DistinctiveTerm, Event, NamingForm,
                                   NamingRow)
from framing.compare.trends import DensityPoint, TermRow, Trends
from framing.models import CATEGORIES
from framing.report import charts
from framing.report._chart_check import check_figure
from framing.report.trends import trend_chart

OUTLETS = [
    "The Northbridge Evening Chronicle", "Valmark Public Broadcasting Service",
    "Радио Северный Берег", "Ostrava Harbour Times", "Kelso Valley Examiner",
    "Pellmore Daily Ledger and Advertiser", "Saltmarsh Independent", "Quillon Morning Herald",
    "Tarrow Point Wire Service", "صحيفة الساحل الشرقي", "Emberlyn Gazette (Opinion)",
    "Corven Bay Observer (Online News)", "Haldane Street Journal", "Oakhollow Community Radio",
]
ACTORS = {
    "Ardelia": ["Ardelia", "Ardelian government", "the Ardelian regime", "Ardelia's rulers"],
    "Velmora": ["Velmora", "Velmoran authorities", "the Velmoran junta"],
    "Teodor Brask": ["Brask", "Prime Minister Teodor Brask", "so-called premier Brask",
                     "Velmoran Prime Minister Teodor Brask of the Northern Coalition"],
    "Kesh River Basin Commission": ["Kesh River Basin Commission", "the commission", "water cartel"],
    "Юлия Ветрова": ["Ветрова", "Юлия Ветрова", "Ms Vetrova"],
    "Almera Farmers' Cooperative Association": ["the cooperative", "farm lobby", "Almera growers"],
    "Dr Ilse Marrow": ["Marrow", "Dr Ilse Marrow", "the activist doctor"],
}
TITLE = ("Ardelia and Velmora sign a water-sharing accord for the Kesh river basin after "
         "eleven months of talks hosted by the regional commission")


def _density(outlet: str, i: int) -> DensityRow:
    counts = {c: (i * (k + 3)) % 7 for k, c in enumerate(CATEGORIES)}
    words = 900 + 137 * i
    loaded = sum(counts.values())
    rate = 1000 * loaded / words
    return DensityRow(
        outlet=outlet, articles=1 + i % 4, words=words, loaded=loaded, per_1000=round(rate, 1),
        ci95=[max(rate - 4.0, 0.0), rate + 5.0], by_category=counts,
        by_voice={"narration": loaded // 2, "quote": loaded // 3, "reported": loaded - loaded // 2 - loaded // 3},
        warning="few" if loaded < 10 else None,
        per_1000_by_category={c: round(1000 * n / words, 2) for c, n in counts.items()})


def _event(outlets: list[str], actors: int = len(ACTORS)) -> Event:
    naming = []
    for a, (actor, forms) in enumerate(list(ACTORS.items())[:actors]):
        rows = []
        for i, outlet in enumerate(outlets):
            for f, form in enumerate(forms):
                if (i + a + f) % 3 == 0:
                    rows.append(NamingForm(outlet=outlet, form=form, count=1 + (i * f + a) % 9,
                                           scare_quoted=(i + f) % 7 == 0, loaded=f == len(forms) - 1))
        naming.append(NamingRow(actor=actor, forms=rows))
    distinctive = [DistinctiveRow(outlet=o, terms=[
        DistinctiveTerm(term=t, count=3, z=2.5 - 0.2 * k) for k, t in enumerate(
            ["upstream reservoir quotas", "sluice", "dry season allocation", "treaty", "drought relief fund",
             "border", "hydrological survey teams", "pumps"][: 3 + i % 6])]) for i, o in enumerate(outlets)]
    return Event(id="e1", label=TITLE, first_date="2026-03-01", last_date="2026-03-04",
                 articles=list(range(len(outlets))), outlets=outlets,
                 density=[_density(o, i) for i, o in enumerate(outlets)],
                 naming=naming, distinctive=distinctive)


#: 14 outlets (a real event's upper range); 40 (a topic over weeks: past every cap)
EVENTS = {
    "14": _event(OUTLETS),
    "40": _event([f"{OUTLETS[i % len(OUTLETS)]} {i // len(OUTLETS) + 1}" for i in range(40)]),
}


@pytest.mark.parametrize("size", EVENTS)
@pytest.mark.parametrize("name", charts.CHART_NAMES)
def test_chart_legible_on_large_event(name, size):
    event = EVENTS[size]
    fig = getattr(charts, f"{name}_chart")(event)
    result = check_figure(fig)
    assert result.texts > 10
    assert result.ok, result.summary()
    assert fig.get_figheight() <= charts.MAX_HEIGHT + 1e-9


@pytest.mark.slow
def test_rows_past_the_cap_are_named_not_squeezed():
    figs = charts.event_charts(EVENTS["40"])
    for name in ("density", "heatmap", "voice"):
        ax = figs[name].axes[0]
        labels = [t.get_text() for t in ax.get_yticklabels()]
        assert 10 < len(labels) < 40
        assert f"{40 - len(labels)} more outlets (fewer articles) in the tables" in ax.get_xlabel()
    naming = figs["naming"].axes[0]
    assert len(naming.get_xticklabels()) == charts.MAX_NAMING_OUTLETS
    assert "24 more outlets in the tables" in naming.get_xlabel()
    assert figs["distinctive"]._supxlabel.get_text() == "34 more outlets in the tables"


def test_a_legible_chart_keeps_its_slide_size():
    small = _event(OUTLETS[:3], actors=2)
    for name, fig in charts.event_charts(small).items():
        assert tuple(fig.get_size_inches()) == pytest.approx(charts.FIGSIZE), name
        assert check_figure(fig).ok, name


def test_long_names_end_in_an_ellipsis():
    assert charts._fit("Pellmore Daily Ledger and Advertiser of the Northern Shore") == \
        "Pellmore Daily Ledger\nand Advertiser of the…"
    assert charts._fit("Saltmarsh Independent") == "Saltmarsh Independent"


def _trends(periods: int) -> Trends:
    ps = [f"{2020 + (w // 52)}-W{w % 52 + 1:02d}" for w in range(periods)]
    density = [DensityPoint(period=p, key=o, articles=2, words=800, loaded=5 + k % 4, per_1000=6.0 + k % 4)
               for k, p in enumerate(ps) for o in OUTLETS[:3]]
    terms = [TermRow(period=p, key=o, term="sluice", count=1, articles=2, words=800, per_10000=12.5)
             for p in ps for o in OUTLETS[:3]]
    return Trends(by="outlet", period="week", periods=ps, keys=OUTLETS[:3], terms=["sluice"],
                  term_rows=terms, density=density)


@pytest.mark.parametrize("periods", [6, 150])
def test_trend_chart_legible(periods):
    fig = trend_chart(_trends(periods))
    result = check_figure(fig)
    assert result.ok, result.summary()
    shown = [t.get_text() for t in fig.axes[-1].get_xticklabels()]
    assert len(shown) == min(periods, 19)  # 150 weeks: every 8th labelled
    assert shown[0] == "2020-W01"


# --- the check finds what it is for ------------------------------------------------

def _crowded() -> Figure:
    fig = Figure(figsize=(4, 2), dpi=100)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    ax.set_yticks(range(30), [f"row label number {i}" for i in range(30)])
    ax.text(0.5, 0.5, "a note", transform=ax.transAxes)
    ax.text(0.5, 0.52, "another note", transform=ax.transAxes)
    fig.text(0.98, 0.5, "cut off at the right edge")
    return fig


def test_check_catches_overlap_and_clipping():
    result = check_figure(_crowded())
    assert not result.ok
    assert ("a note", "another note") in result.overlaps or ("another note", "a note") in result.overlaps
    assert any(a.startswith("row label") and b.startswith("row label") for a, b in result.overlaps)
    assert "cut off at the right edge" in result.clipped


def test_check_catches_hidden_tick_labels():
    fig = Figure(figsize=(6, 3), dpi=100)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    ax.set_xticks(range(5), ["one", "two", "three", "four", "five"])
    ax.set_xlim(-0.5, 2.5)  # "four" and "five" fall outside the view
    result = check_figure(fig)
    assert result.hidden == ["four", "five"]
    assert result.overlaps == [] and result.clipped == []


def test_check_reads_rotated_labels_as_rotated():
    # parallel 30-degree labels one column apart: their upright boxes overlap,
    # the labels themselves do not
    fig = Figure(figsize=(8, 4), dpi=100)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    fig.subplots_adjust(top=0.5, right=0.7)
    ax.xaxis.tick_top()
    ax.set_xticks(range(6), [f"Outlet name {c}" for c in "ABCDEF"], rotation=30, ha="left",
                  rotation_mode="anchor")
    assert check_figure(fig).ok
    for t in ax.get_xticklabels():
        t.set_rotation(5)  # nearly flat: now they do run into each other
    assert check_figure(fig).overlaps


@pytest.mark.slow
@pytest.mark.parametrize("name", ["density", "naming", "distinctive"])
def test_grown_charts_are_deterministic(name):
    # the corrections (taller, tilted, rewrapped, shortened) are measured, not
    # random: the same event gives the same bytes
    build = getattr(charts, f"{name}_chart")
    first, again = build(EVENTS["40"]), build(_event(EVENTS["40"].outlets))
    assert first.get_figheight() > charts.FIGSIZE[1] or name != "density"
    assert charts.figure_png(first) == charts.figure_png(again)
    assert charts.figure_svg(first) == charts.figure_svg(again)
