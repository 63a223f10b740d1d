"""A small, fixed, fictional :class:`~framing.compare.model.Report`, built by
hand, for the renderer and chart tests.

Two events: a water accord between Ardelia and Velmora covered by three
outlets (with loaded hits, naming, an altered quote and facts), and a border
summit covered by one outlet with nothing loaded (so charts and tables with no
data are skipped gracefully). Every number is literal, so the terminal test can
compare exact text.
"""

from __future__ import annotations

from framing.models import CATEGORIES
from framing.compare.model import (
    DensityRow,
    DistinctiveRow,
    DistinctiveTerm,
    Event,
    FactRow,
    NamingForm,
    NamingRow,
    QuoteRef,
    QuoteRow,
    QuoteVersion,
    Report,
)
from framing.models import Hit

XSS = "</script><script>window.__xss=1</script>"
XSS_IMG = "<img src=x onerror=window.__xss=1>"

ALMERA = "Almera Courier"
KESH = "Kesh Daily Standard"
MERIDIAN = "Meridian Wire"

LEXICON = "test-1"

NOTES = {
    "density": "Counts under 10 loaded terms are too small to compare.",
    "naming": "How an outlet names an actor is evidence of framing, not a verdict.",
    "quotes": "A label inside a quotation is the speaker's word, not the outlet's.",
    "facts": "A fact left out is not proof of intent.",
    "distinctive": "Words an outlet uses more than the others in this event.",
}


def _hit(texts, article, field, needle, *, term=None, category, explanation, neutral,
         voice="narration", speaker=None, probability=0.9, loaded=True):
    text = texts[article][field]
    start = text.index(needle)
    return Hit(
        article=article, field=field, start=start, end=start + len(needle), text=needle,
        term=term or needle.lower(), category=category, explanation=explanation,
        neutral=neutral, voice=voice, speaker=speaker, probability=probability,
        loaded=loaded, lexicon_version=LEXICON,
    ).to_dict()


def build_report(*, outlet_c: str = MERIDIAN, title_c: str | None = None,
                 body_extra: str = "") -> Report:
    """The fixed two-event report. ``outlet_c`` renames the third outlet and
    ``title_c`` retitles its article (for escaping tests); ``body_extra`` is
    appended to that article's body."""
    title_c = title_c if title_c is not None else "Ardelia, Velmora agree river deal"
    texts = {
        1: {
            "title": "Ardelia and Velmora sign water accord",
            "body": (
                "Ardelia and Velmora signed a water-sharing accord on Tuesday.\n\n"
                "The Velmoran minister said the deal would \"secure the river for our "
                "children\". Officials said 160 people attended the ceremony."
            ),
        },
        2: {
            "title": "Velmoran regime forces accord on Ardelia",
            "body": (
                "The Velmoran regime pushed its so-called accord through on Tuesday.\n\n"
                "The minister claimed the deal would \"secure the river for our brave "
                "children\". Critics called the pact a land grab worth $1.1 billion."
            ),
        },
        3: {
            "title": title_c,
            "body": (
                "Ardelia and Velmora agreed a historic river deal on Tuesday.\n\n"
                "The minister said the deal would \"secure the river for our children\". "
                "A spokesman called it a \"visionary\" step." + body_extra
            ),
        },
        4: {
            "title": "Ardelia hosts border summit",
            "body": "Ardelia hosted a border summit with Velmora in March.",
        },
    }
    hits = [
        _hit(texts, 2, "title", "regime", category="labeling",
             explanation="Casts a government as illegitimate.", neutral="government"),
        _hit(texts, 2, "body", "regime", category="labeling",
             explanation="Casts a government as illegitimate.", neutral="government",
             probability=0.88),
        _hit(texts, 2, "body", "so-called", category="distancing",
             explanation="Signals doubt about the name that follows.", neutral=None,
             probability=0.95),
        _hit(texts, 2, "body", "claimed", category="epistemic",
             explanation="Casts doubt on what was said.", neutral="said", probability=0.71),
        _hit(texts, 2, "body", "brave", category="emotive",
             explanation="Appeals to feeling.", neutral=None, voice="quote",
             speaker="The minister", probability=0.62),
        _hit(texts, 2, "body", "land grab", category="labeling",
             explanation="Frames the deal as theft.", neutral="agreement", voice="reported",
             speaker="Critics", probability=0.83),
        _hit(texts, 3, "body", "historic", category="promotional",
             explanation="Praises without evidence.", neutral=None, probability=0.67),
        _hit(texts, 3, "body", "visionary", category="promotional",
             explanation="Praises without evidence.", neutral=None, voice="quote",
             speaker="A spokesman", probability=0.58),
        _hit(texts, 1, "body", "secure", category="emotive", explanation="Appeals to safety.",
             neutral=None, voice="quote", speaker="The Velmoran minister",
             probability=0.21, loaded=False),
    ]
    articles = [
        {"id": 1, "source": "a1.txt", "source_id": None, "outlet": ALMERA,
         "title": texts[1]["title"], "date": "2024-05-07", "byline": None, "dateline": None,
         "url": None, "event": None, "words": 34, "near_duplicate_of": None},
        {"id": 2, "source": "k1.txt", "source_id": None, "outlet": KESH,
         "title": texts[2]["title"], "date": "2024-05-07", "byline": None, "dateline": None,
         "url": None, "event": None, "words": 36, "near_duplicate_of": None},
        {"id": 3, "source": "m1.txt", "source_id": None, "outlet": outlet_c,
         "title": texts[3]["title"], "date": "2024-05-08", "byline": None, "dateline": None,
         "url": None, "event": None, "words": 35, "near_duplicate_of": None},
        {"id": 4, "source": "a2.txt", "source_id": None, "outlet": ALMERA,
         "title": texts[4]["title"], "date": "2024-03-12", "byline": None, "dateline": None,
         "url": None, "event": None, "words": 10, "near_duplicate_of": None},
    ]
    accord = Event(
        id="e-accord",
        label="Ardelia / Velmora / accord",
        first_date="2024-05-07",
        last_date="2024-05-08",
        articles=[1, 2, 3],
        outlets=[ALMERA, KESH, outlet_c],
        density=[
            DensityRow(outlet=KESH, articles=1, words=36, loaded=6, per_1000=166.7,
                       ci95=[61.2, 362.8],
                       by_category={"labeling": 3, "distancing": 1, "emotive": 1,
                                    "promotional": 0, "epistemic": 1},
                       by_voice={"narration": 4, "quote": 1, "reported": 1},
                       warning="Only 6 loaded terms: too few to compare.",
                       per_1000_by_category={"labeling": 83.3, "distancing": 27.8, "emotive": 27.8,
                                             "promotional": 0.0, "epistemic": 27.8}),
            DensityRow(outlet=outlet_c, articles=1, words=35, loaded=2, per_1000=57.1,
                       ci95=[6.9, 206.4],
                       by_category={"labeling": 0, "distancing": 0, "emotive": 0,
                                    "promotional": 2, "epistemic": 0},
                       by_voice={"narration": 1, "quote": 1, "reported": 0},
                       warning="Only 2 loaded terms: too few to compare.",
                       per_1000_by_category={"labeling": 0.0, "distancing": 0.0, "emotive": 0.0,
                                             "promotional": 57.1, "epistemic": 0.0}),
            DensityRow(outlet=ALMERA, articles=1, words=34, loaded=0, per_1000=0.0,
                       ci95=[0.0, 108.5],
                       by_category={"labeling": 0, "distancing": 0, "emotive": 0,
                                    "promotional": 0, "epistemic": 0},
                       by_voice={"narration": 0, "quote": 0, "reported": 0},
                       warning="Only 0 loaded terms: too few to compare.",
                       per_1000_by_category=dict.fromkeys(CATEGORIES, 0.0)),
        ],
        naming=[
            NamingRow(actor="Velmora", forms=[
                NamingForm(outlet=ALMERA, form="Velmora", count=2, scare_quoted=False),
                NamingForm(outlet=KESH, form="Velmoran regime", count=2, scare_quoted=False, loaded=True),
                NamingForm(outlet=outlet_c, form="Velmora", count=1, scare_quoted=False),
            ]),
            NamingRow(actor="accord", forms=[
                NamingForm(outlet=ALMERA, form="accord", count=2, scare_quoted=False),
                NamingForm(outlet=KESH, form="accord", count=1, scare_quoted=True),
                NamingForm(outlet=outlet_c, form="river deal", count=2, scare_quoted=False),
            ]),
        ],
        quotes=[
            QuoteRow(
                speaker="The minister",
                reference=QuoteRef(text="secure the river for our children",
                                   outlets=[ALMERA, outlet_c]),
                versions=[
                    QuoteVersion(outlet=ALMERA, article=1,
                                 text="secure the river for our children",
                                 relation="exact", inserted=[], deleted=[]),
                    QuoteVersion(outlet=KESH, article=2,
                                 text="secure the river for our brave children",
                                 relation="altered", inserted=["brave"], deleted=[]),
                    QuoteVersion(outlet=outlet_c, article=3,
                                 text="secure the river for our children",
                                 relation="exact", inserted=[], deleted=[]),
                ],
            ),
        ],
        facts=[
            FactRow(kind="place", text="Ardelia", present=[ALMERA, KESH, outlet_c],
                    absent=[], group="all"),
            FactRow(kind="date", text="Tuesday", present=[ALMERA, KESH, outlet_c],
                    absent=[], group="all"),
            FactRow(kind="number", text="160 people", present=[ALMERA],
                    absent=[KESH, outlet_c], group="one"),
            FactRow(kind="amount", text="$1.1 billion", present=[KESH],
                    absent=[ALMERA, outlet_c], group="one"),
        ],
        distinctive=[
            DistinctiveRow(outlet=ALMERA, terms=[
                DistinctiveTerm(term="officials", count=1, z=1.12),
                DistinctiveTerm(term="ceremony", count=1, z=1.05),
            ]),
            DistinctiveRow(outlet=KESH, terms=[
                DistinctiveTerm(term="regime", count=2, z=1.81),
                DistinctiveTerm(term="critics", count=1, z=1.02),
            ]),
            DistinctiveRow(outlet=outlet_c, terms=[
                DistinctiveTerm(term="historic", count=1, z=1.1),
                DistinctiveTerm(term="spokesman", count=1, z=0.98),
            ]),
        ],
        notes=dict(NOTES),
    )
    summit = Event(
        id="e-summit",
        label="Ardelia / border / summit",
        first_date="2024-03-12",
        last_date="2024-03-12",
        articles=[4],
        outlets=[ALMERA],
        density=[
            DensityRow(outlet=ALMERA, articles=1, words=10, loaded=0, per_1000=0.0,
                       ci95=[0.0, 368.9],
                       by_category={"labeling": 0, "distancing": 0, "emotive": 0,
                                    "promotional": 0, "epistemic": 0},
                       by_voice={"narration": 0, "quote": 0, "reported": 0},
                       warning="Only 0 loaded terms: too few to compare.",
                       per_1000_by_category=dict.fromkeys(CATEGORIES, 0.0)),
        ],
        notes={"density": NOTES["density"]},
    )
    return Report(lexicon_version=LEXICON, articles=articles, hits=hits,
                  events=[accord, summit], texts=texts)


def xss_report() -> Report:
    """The fixture with hostile strings as an outlet name and an article title."""
    return build_report(outlet_c=XSS, title_c=XSS_IMG + " " + XSS,
                        body_extra=" " + XSS_IMG)
