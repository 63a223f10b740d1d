"""Headline-only articles (a story list exported without text): a pair of
two headlines counts its content similarity HEADLINE_GAIN times and is
scored from HEADLINE_FLOOR up, and an outlet's rewording of a headline is a
copy for the coherence check; articles with a text are grouped as before."""

from dataclasses import replace

from framing.compare import grouping
from framing.models import Article

# Invented headlines: one event told in two wordings, and other events of the day.
OTHERS = [
    "Glacier lake bursts above Tarnholm, sixty homes flooded",
    "Orvell central bank holds rates as inflation cools",
    "Nurses in Delmora reject hospital contract",
    "Museum in Kessling returns looted bronze statues",
    "Wildfire near Aldport forces evacuation of two villages",
    "New rail tunnel under the Selm river opens to trains",
]


def _headlines(titles, **kw):
    return [Article(id=k, source=f"s{k}", outlet=f"Outlet {k}", title=t, body="", content="headline", **kw)
            for k, t in enumerate(titles, 1)]


def _together(events, a, b):
    return any(a in e.articles and b in e.articles for e in events)


def test_two_wordings_of_one_event_group_as_headlines():
    # they share "Brennvik" and "ferry" only: too little for two texts
    titles = ["Brennvik ferry strike ends after pay deal",
              "Brennvik ferries sail again after crews vote to accept offer"] + OTHERS
    events = grouping.group_events(_headlines(titles))
    assert _together(events, 1, 2)
    # each other headline stays on its own
    assert all(len(e.articles) == 1 for e in events if 1 not in e.articles)


def test_rewordings_of_a_wire_headline_do_not_keep_its_coverage_apart():
    wire = "Brennvik council approves ferry terminal budget"
    edit = "Council in Brennvik votes through budget for new ferry terminal after long debate"
    titles = [wire] * 4 + [edit] * 4 + OTHERS
    events = grouping.group_events(_headlines(titles))
    assert _together(events, 1, 5)
    assert sum(1 for e in events if len(e.articles) > 1) == 1


def test_texts_are_grouped_as_before(monkeypatch):
    bodies = ["The ferry strike in Brennvik ended on Monday after the crews' union accepted a pay deal.",
              "Ferry crews went back to work in Brennvik, ending a walkout that stranded islanders.",
              ] + [t + "." for t in OTHERS]
    titles = ["Brennvik ferry strike ends after pay deal",
              "Ferry crews return to work in Brennvik as walkout ends"] + OTHERS
    arts = [replace(a, body=b, content="full") for a, b in zip(_headlines(titles), bodies)]
    arts += [replace(a, id=a.id + 100) for a in _headlines(["Brennvik council approves ferry terminal budget"] * 3)]

    def run():
        return [(e.articles, e.label, e.grouped_by) for e in grouping.group_events(arts)]

    now = run()
    monkeypatch.setattr(grouping, "HEADLINE_GAIN", 1.0)
    monkeypatch.setattr(grouping, "REWORDING", 0)
    monkeypatch.setattr(grouping, "HEADLINE_FLOOR", grouping.PAIR_FLOOR)
    assert run() == now
    assert grouping.headline_only(arts).tolist() == [False] * len(titles) + [True] * 3


def test_a_dated_pair_sharing_one_name_is_scored_as_headlines():
    # one name in common among many words (content similarity under
    # PAIR_FLOOR), on the same day while the rest spread over four weeks
    titles = ["Dam gates opened at Tarnholm as reservoir nears its limit after weeks of heavy rain",
              "Villagers downstream of Tarnholm told to move to higher ground before nightfall, police say"]
    titles += OTHERS + ["Harvest festival draws record crowds to Vellin",
                        "Tram drivers in Osterby vote to strike over rosters",
                        "Court in Marlow clears councillor of fraud",
                        "Heatwave warning issued for the southern coast",
                        "Zoo in Pellham welcomes twin panda cubs",
                        "Bridge repairs close main road into Carrow for a month"]
    arts = [replace(a, date=f"2024-05-{1 if k < 2 else 2 * k + 1:02d}") for k, a in enumerate(_headlines(titles))]
    events = grouping.group_events(arts)
    assert _together(events, 1, 2)
    assert all(len(e.articles) == 1 for e in events if 1 not in e.articles)
    # undated, one name is too little
    events = grouping.group_events(arts, use_dates=False)
    assert not _together(events, 1, 2)
