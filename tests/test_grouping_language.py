"""Stop words are a language's (round 17): in a corpus of mostly English
articles, another language's function words ("que", "para", "hogy",
"szerint") are rare, so their idf is high, and two stories in that language
about different events looked alike through them alone. An article's language
is read from its words (the stopwords-iso list it matches best) and its
language's stop words carry no weight. English articles are read exactly as
before. Small fictional articles written here; every name is invented."""

from __future__ import annotations

from itertools import chain

import pytest

from framing.compare import grouping
from framing.compare.grouping import group_events, language_of
from framing.models import Article
from framing.text import words

# A mostly English collection: one story a day from invented places.
ENGLISH = [
    ("Ardelia and Velmora sign the Siran River water accord",
     "Ilsa Varenne and Teodor Brask signed the Siran River accord in Ostra on Monday, sharing the "
     "water of the Kesh dam between Ardelia and Velmora after four years of talks mediated by Norland."),
    ("Glacier lake floods sixty homes above Brennvik",
     "A glacier lake burst above Brennvik in Norland, flooding sixty homes; scientists at the Skarn "
     "Glacier station had warned of the surge for weeks and the valley road stays closed."),
    ("Almera council votes to close the Tavrin coal plant by 2030",
     "The Almera council voted nine to four to close the Tavrin coal plant by 2030, and Mayor Corin "
     "Daske promised retraining money for the plant's six hundred workers."),
    ("Harbour Gazette wins the Pelham prize for its shipyard series",
     "The Harbour Gazette won the Pelham prize for a series on unpaid wages at the Ostra shipyard, "
     "reported over eight months by Mara Lind and Joss Ferrow."),
    ("Velmora cup final ends in a draw after extra time",
     "Kesh United and Ostra Rovers drew two all in the Velmora cup final; the replay is set for next "
     "Sunday at the Brask Stadium, where tickets sold out within an hour."),
    ("Norland central bank holds its rate at four percent",
     "The Norland central bank kept its main rate at four percent, saying inflation in Brennvik and "
     "the capital had slowed for a third month as fuel prices fell."),
]

# Two Spanish stories of different events, published the same day by two outlets.
ES_COUNCIL = (
    "El ayuntamiento de Valdoria aprueba el nuevo puente sobre el río Sarel",
    "El pleno del ayuntamiento de Valdoria aprobó este jueves por mayoría el proyecto del nuevo puente "
    "sobre el río Sarel, que unirá los barrios de Montalbo y La Quintana. Según la alcaldesa, Irene "
    "Casteví, las obras empezarán en primavera y durarán casi dos años, y la mayor parte del coste "
    "será financiada con fondos europeos. La oposición votó en contra porque, según sus concejales, el "
    "presupuesto es demasiado alto y los vecinos no fueron consultados antes de la votación. Casteví "
    "respondió que el proyecto se presentó en tres reuniones públicas durante el otoño y que también "
    "se recogieron más de doscientas propuestas por escrito.")
ES_FIRE = (
    "Un incendio destruye una nave industrial en el polígono de Ribaseca",
    "Un incendio declarado durante la madrugada de este jueves destruyó por completo una nave de "
    "almacenaje en el polígono de Ribaseca, y las llamas llegaron también a dos talleres vecinos. Según "
    "los bomberos, nadie resultó herido, pero se pidió a los vecinos de la zona que mantuvieran las "
    "ventanas cerradas durante toda la mañana por el humo. El jefe de bomberos, Tomás Aldrey, explicó "
    "que los trabajos de extinción se prolongaron más de seis horas y que todavía se investigan las "
    "causas. El propietario de la nave calcula que los daños superan los dos millones de euros.")
# The council story as a second outlet told it.
ES_COUNCIL_2 = (
    "Luz verde al puente del río Sarel en Valdoria",
    "Valdoria tendrá un nuevo puente sobre el río Sarel entre Montalbo y La Quintana. El pleno municipal "
    "dio este jueves su aprobación al proyecto con los votos del gobierno local, mientras la oposición "
    "lo rechazó por su coste. La alcaldesa Irene Casteví aseguró que las obras del puente comenzarán "
    "en primavera y que los fondos europeos pagarán la mayor parte.")

# Two Hungarian stories of different events, the same day.
HU_COUNCIL = (
    "Elfogadta Dobrány közgyűlése az új Szala-híd tervét",
    "Dobrány közgyűlése csütörtökön elfogadta az új Szala-híd tervét, amely a folyó két partján "
    "fekvő Malomvég és Hegyalja városrészeket köti majd össze. Kertes Anna polgármester szerint az "
    "építkezés jövő tavasszal kezdődhet, és a költségek nagy részét uniós forrásokból fedezik. Az "
    "ellenzék szerint a terv túl drága, és a lakók véleményét sem kérték ki, mielőtt a képviselők "
    "döntöttek volna. A polgármester erre azt mondta, hogy a tervet három lakossági fórumon is "
    "bemutatták, ahol több száz javaslat érkezett, és ezek közül sokat be is építettek. Hozzátette, "
    "hogy a munkák alatt egy ideiglenes gyaloghíd is lesz, mert a régi átkelő már nem biztonságos, "
    "és csak akkor bontják el, amikor az új híd elkészült. A beruházás a tervek szerint két évig "
    "tart, de ha a pályázat csúszik, akkor egy évvel később adják át.")
HU_FIRE = (
    "Leégett egy raktárcsarnok Veresmart ipari negyedében",
    "Csütörtök hajnalban tűz ütött ki egy raktárcsarnokban Veresmart ipari negyedében, és a lángok "
    "két szomszédos műhelyre is átterjedtek. A katasztrófavédelem szerint senki sem sérült meg, de a "
    "környéken élőket arra kérték, hogy egész délelőtt tartsák zárva az ablakokat a füst miatt. "
    "Bodnár Péter tűzoltóparancsnok elmondta, hogy az oltás több mint hat órán át tartott, és a tűz "
    "okát még most is vizsgálják. A csarnok tulajdonosa szerint a kár akár kétszázmillió forint is "
    "lehet, mert az ott tárolt áru nagy része is megsemmisült. Hozzátette, hogy a csarnokban egy "
    "ideje már nem dolgoztak éjszaka, ezért csak akkor vették észre a tüzet, amikor a füst az utcára "
    "is kijutott. A rendőrség szerint egyelőre nem tudni, hogy a tüzet szándékosan okozták-e, de a "
    "helyszínelés még tart, és a vizsgálat több hétig is eltarthat.")
HU_COUNCIL_2 = (
    "Megépülhet az új Szala-híd Dobrányban",
    "Megépülhet az új Szala-híd Dobrányban: a közgyűlés csütörtökön megszavazta a tervet. A híd "
    "Malomvég és Hegyalja között épül, Kertes Anna polgármester szerint jövő tavasszal kezdődhet a "
    "munka, a költségek nagy részét uniós forrásokból fedezik. Az ellenzék a híd túl magas költsége "
    "miatt nemmel szavazott.")

DAY = "2026-03-12"


def _corpus(*stories: tuple[str, str], outlets: tuple[str, ...] = ()) -> list[Article]:
    arts = [Article(id=i + 1, source=f"en{i}", outlet="Harbour Gazette", title=t, body=b,
                    date=f"2026-03-{i + 2:02d}")
            for i, (t, b) in enumerate(ENGLISH)]
    for k, (t, b) in enumerate(stories):
        outlet = outlets[k] if k < len(outlets) else f"Outlet {k}"
        arts.append(Article(id=100 + k, source=f"x{k}", outlet=outlet, title=t, body=b, date=DAY))
    return arts


def _apart(events, ids) -> bool:
    return all(sum(1 for i in ids if i in e.articles) <= 1 for e in events)


def _together(events, ids) -> bool:
    return any(all(i in e.articles for i in ids) for e in events)


def _without_language_stop_words(monkeypatch) -> None:
    monkeypatch.setattr(grouping, "_foreign_stops", lambda lang: None)


def _language(title: str, body: str) -> str | None:
    return language_of(chain(words(title), words(body)))


def test_language_of_reads_the_language_from_its_stop_words():
    assert _language(*ES_FIRE) == "es"
    assert _language(*HU_FIRE) == "hu"
    assert _language(*ENGLISH[0]) == "en"
    # names and numbers only: no language, so the English rules apply
    assert language_of(["Kesh", "Ostra", "2026", "Velmora", "Brask"]) is None
    assert language_of([]) is None


@pytest.mark.parametrize("other, same", [(ES_FIRE, ES_COUNCIL_2), (HU_FIRE, HU_COUNCIL_2)],
                         ids=["spanish", "hungarian"])
def test_two_stories_in_another_language_on_one_day_stay_apart(monkeypatch, other, same):
    council = ES_COUNCIL if other is ES_FIRE else HU_COUNCIL
    arts = _corpus(council, other, outlets=("Diario Uno", "Diario Dos"))
    assert _apart(group_events(arts, copies={}), [100, 101])
    # ... which they were not when only English function words were stop words
    with monkeypatch.context() as m:
        _without_language_stop_words(m)
        assert _together(group_events(arts, copies={}), [100, 101])


@pytest.mark.parametrize("council, council_2", [(ES_COUNCIL, ES_COUNCIL_2), (HU_COUNCIL, HU_COUNCIL_2)],
                         ids=["spanish", "hungarian"])
def test_one_story_in_two_outlets_still_groups(council, council_2):
    other = ES_FIRE if council is ES_COUNCIL else HU_FIRE
    arts = _corpus(council, other, council_2, outlets=("Diario Uno", "Diario Dos", "Diario Tres"))
    events = group_events(arts, copies={})
    assert _together(events, [100, 102])
    assert _apart(events, [100, 101]) and _apart(events, [101, 102])
    # the English stories stay one a day
    assert all(len(e.articles) == 1 for e in events if e.articles[0] < 100)


def test_english_articles_are_read_as_before(monkeypatch):
    texts = [grouping.normalize(grouping._text_of(t, b)) for t, b in ENGLISH]
    now = [grouping._weighted_features(t) for t in texts]
    with monkeypatch.context() as m:
        _without_language_stop_words(m)
        before = [grouping._weighted_features(t) for t in texts]
    assert now == before


def test_a_foreign_articles_function_words_carry_no_weight():
    feats = {t for t, _ in grouping._weighted_features(grouping.normalize(grouping._text_of(*ES_FIRE)))}
    for function_word in ("que", "los", "las", "por", "según", "durante", "también", "todavía"):
        assert grouping._term(function_word) not in feats
    for content in ("incendio", "bomberos", "Ribaseca"):
        assert grouping._term(content) in feats
