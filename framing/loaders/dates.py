"""Dates in the forms news pages and exports use, to ISO ``YYYY-MM-DD``.

One parser for every loader: :func:`find_date` finds a date written in running
text or on a page's date line, :func:`parse_date` reads a structured field
(export column, manifest cell, HTML meta tag).
"""

from __future__ import annotations

import datetime as dt
import re
from importlib import resources
from email.utils import parsedate_tz

from ..text.tokens import LETTER

__all__ = ["MONTH_WORD", "find_date", "find_dotted_date", "find_us_short_date", "parse_date"]

def _calendar(name: str) -> list[str]:
    """A calendar list of the shared text layer (``framing/text/data``), read
    directly so that loading articles does not import the analysis stages."""
    text = (resources.files("framing") / "text" / "data" / f"{name}.txt").read_text(encoding="utf-8")
    return [ln.strip().lower() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


#: Month names and the abbreviations pages print ("Nov", "Sept"), to month numbers.
_MONTHS: dict[str, int] = {}
for _number, _name in enumerate(_calendar("months"), start=1):
    _MONTHS[_name] = _number
    _MONTHS[_name[:3]] = _number
_MONTHS["sept"] = 9
#: Weekday names and their three-letter forms ("Monday", "Tue").
WEEKDAYS: frozenset[str] = frozenset(w for day in _calendar("weekdays") for w in (day, day[:3]))
#: The months' and the weekdays' full names, lower case, in calendar order.
MONTH_NAMES: tuple[str, ...] = tuple(_calendar("months"))
WEEKDAY_NAMES: tuple[str, ...] = tuple(_calendar("weekdays"))
#: A month written as a word ("March", "Mar.", "sept"), as a non-capturing
#: regular expression for other modules' shape checks.
MONTH_WORD = r"(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"

#: Month names in other languages, in calendar order, for the dates pages
#: print in them ("22 de septiembre de 2020", "19 sierpnia 2020", "1 декабря
#: 2020"). Full names only (an abbreviation such as "mar" is a word in some
#: language); Polish, Russian and Ukrainian in the genitive a date uses.
_OTHER_MONTHS = {
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "de": "januar februar märz april mai juni juli august september oktober november dezember",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "da": "januar februar marts april maj juni juli august september oktober november december",
    "sv": "januari februari mars april maj juni juli augusti september oktober november december",
    "ro": "ianuarie februarie martie aprilie mai iunie iulie august septembrie octombrie noiembrie decembrie",
    "id": "januari februari maret april mei juni juli agustus september oktober november desember",
    "tr": "ocak şubat mart nisan mayıs haziran temmuz ağustos eylül ekim kasım aralık",
    "pl": "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia",
    "ru": "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
    "uk": "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня",
    "ca": "gener febrer març abril maig juny juliol agost setembre octubre novembre desembre",
    "sq": "janar shkurt mars prill maj qershor korrik gusht shtator tetor nëntor dhjetor",
    "el": "ιανουαρίου φεβρουαρίου μαρτίου απριλίου μαΐου ιουνίου ιουλίου αυγούστου σεπτεμβρίου "
          "οκτωβρίου νοεμβρίου δεκεμβρίου",
    "cs": "ledna února března dubna května června července srpna září října listopadu prosince",
    "bg": "януари февруари март април май юни юли август септември октомври ноември декември",
    "ar": "يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر",
    "hi": "जनवरी फ़रवरी मार्च अप्रैल मई जून जुलाई अगस्त सितंबर अक्टूबर नवंबर दिसंबर",
}
_WORLD_MONTHS: dict[str, int] = dict(_MONTHS)
for _names in _OTHER_MONTHS.values():
    for _number, _name in enumerate(_names.split(), start=1):
        _WORLD_MONTHS.setdefault(_name, _number)
_WORLD_MONTHS.setdefault("setiembre", 9)  # es (Peru, Uruguay)
_WORLD_MONTHS.setdefault("ابريل", 4)
_WORLD_MONTHS.setdefault("اغسطس", 8)
# Hindi spellings: with a half-nasal consonant instead of the anusvara, without
# the nukta, and the nukta as its own mark rather than the composed letter.
for _name, _number in (("फरवरी", 2), ("फ\u093cरवरी", 2), ("\u095eरवरी", 2), ("सितम्बर", 9),
                       ("अक्तूबर", 10), ("अक्टुबर", 10), ("नवम्बर", 11), ("दिसम्बर", 12)):
    _WORLD_MONTHS.setdefault(_name, _number)

_MONTH = r"(?<![A-Za-z])(?P<month>[A-Za-z]{3,9})\.?"
#: A month word in any alphabet ("März", "сентября", "أكتوبر", "मई"), the
#: combining marks of its letters included (Devanagari vowel signs are marks).
_ANY_MONTH = r"(?<!" + LETTER + r")(?P<month>" + LETTER + r"{2,12})(?!" + LETTER + r")\.?"
#: Where a year ends: no digit follows, or the copy glued the next date to it, as
#: blogs print the published and the updated date side by side ("1. November
#: 20231. November 2023", "19.11.202119.11.2021", "17/11/201917/11/2019"): a day
#: and a "." or "/" then; or glued the time to it ("April 25, 20232:26 PM",
#: "APR 28 20232:23 PM EDT": 2023, then 2:26). ("20235 visitors" stays no year.)
_YEAR_END = r"(?:(?!\d)|(?=[0-3]?\d[./]\s?(?:\d|[^\W\d_]))|(?=(?:[01]?\d|2[0-3]):[0-5]\d(?!\d)))"
#: (Not a two-digit year glued to a time, "28.09.1912:44": see find_dotted_date.)
_YEAR = r"(?P<year>(?:19|20)\d\d)(?!:[0-5]\d(?!\d))" + _YEAR_END
_PATTERNS = [
    # 2025-11-07, 2025/11/07, 2025-11-07T10:00:00Z
    re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)[-/.](?P<mnum>[01]?\d)[-/.](?P<day>[0-3]?\d)(?!\d)"),
    # November, 10, 2025 / March 12, 2026 / Mar. 12 2026 / March 12th, 2026
    re.compile(_MONTH + r"[\s,]+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?[\s,]+" + _YEAR),
    # 12 March 2026 / 12th of March, 2026 / 12 March , 2026
    re.compile(r"(?<!\d)(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH
               + r"(?:\s*,\s*|\s+)" + _YEAR),
    # 25/03/2026 or 03/25/2026: numbers only, so only when the order is
    # unambiguous (one of the two is above 12, or both are the same)
    re.compile(r"(?<![\d/.])(?P<a>[0-3]?\d)(?P<sep>[/.])(?P<b>[0-3]?\d)(?P=sep)" + _YEAR
               + r"(?![/.]\d)"),
    # Other languages: 22 de septiembre de 2020, 10. marts 2020, 1 декабря 2020, 15 de Abril, 2020
    re.compile(r"(?<!\d)(?P<day>[0-3]?\d)\.?\s+(?:de\s+)?" + _ANY_MONTH
               + r"(?:\s*,\s*|\s+)(?:de\s+|del\s+)?" + _YEAR),
    # Septiembre 22, 2020 / octubre 7, 2020
    re.compile(_ANY_MONTH + r"\s+(?P<day>[0-3]?\d)\s*,?\s+" + _YEAR),
    # 2020年7月1日 (Chinese, Japanese), 2020년 7월 1일 (Korean), 2020. 06. 04. (Hungarian)
    re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)\s*(?:年|년|\.)\s*(?P<mnum>[01]?\d)\s*(?:月|월|\.)"
               r"\s*(?P<day>[0-3]?\d)(?:\s*(?:日|일)|\.)"),
]

#: A structured field's compact date: ``20250903``, ``20250903T170000Z``.
_COMPACT = re.compile(r"((?:19|20)\d\d)(\d\d)(\d\d)(?:T?\d{4,6}(?:\.\d+)?Z?)?$")
_COMPACT_HOUR = re.compile(r"((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])([01]\d|2[0-3])$")


def find_date(text: str) -> tuple[str, int, int] | None:
    """The first date written in ``text``: ``(iso, start, end)`` or None.

    Only unambiguous forms count: year-month-day with a four-digit year, a
    month written as a word, or day and month as numbers when only one order
    makes a valid date (``25/03/2026``). ``03/04/2026`` (day or month first?)
    does not count, nor does an impossible date such as ``31 February 2026``.
    """
    best: tuple[str, int, int] | None = None
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            iso = _to_iso(m)
            if iso and (best is None or m.start() < best[1]):
                best = (iso, m.start(), m.end())
                break
    return best


_US_SHORT = re.compile(r"(?<![\d/.])(?P<m>[01]?\d)/(?P<d>[0-3]?\d)/(?P<y>\d\d)(?![/.]?\d)")


def find_us_short_date(text: str) -> tuple[str, int, int] | None:
    """A US month/day/two-digit-year date on a page's date line ("11/18/19"),
    only when the order is unambiguous (the day is above 12) and the year is
    this century. For date lines only: in running text "3/4/19" could be anything."""
    for m in _US_SHORT.finditer(text):
        month, day, year = int(m["m"]), int(m["d"]), 2000 + int(m["y"])
        if day <= 12 or not 1 <= month <= 12:
            continue
        try:
            return dt.date(year, month, day).isoformat(), m.start(), m.end()
        except ValueError:
            continue
    return None


_DOTTED = re.compile(r"(?<![\d.])(?P<d>[0-3]?\d)\.\s?(?P<m>[01]?\d)\.\s?(?P<y>(?:19|20)\d\d)(?:(?![\d]|\.\d)|(?=[0-3]?\d\.[01]?\d\.))")


#: Day, month and a two-digit year with the time glued on: "28.09.1912:44".
_DOTTED_GLUED_TIME = re.compile(r"(?<![\d.])(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>\d\d)(?:[01]\d|2[0-3]):[0-5]\d(?!\d)")


def find_dotted_date(text: str) -> tuple[str, int, int] | None:
    """A day.month.year date on a page's date line ("11.02.2020, 17:29 Uhr",
    "2.9.2020 klo 12.45", with a space after each dot as Czech and Austrian
    pages print it: "24. 1. 2025 12:38"), read day first even when both numbers are 12 or
    under: the languages that write dates with dots (German, Russian, Polish,
    Czech, Finnish, Turkish, Norwegian ...) put the day first. For date lines
    only, like :func:`find_us_short_date`.

    A two-digit year glued to the time after it ("28.09.1912:44", a forum's
    "28.09.19 12:44" copied without its space) is read as that: 2019, not
    1912."""
    found = []
    for rank, (pattern, century) in enumerate(((_DOTTED_GLUED_TIME, 2000), (_DOTTED, 0))):
        for m in pattern.finditer(text):
            try:
                day = dt.date(century + int(m["y"]), int(m["m"]), int(m["d"])).isoformat()
            except ValueError:
                continue
            found.append((m.start(), rank, day, m.end("y")))
            break
    if not found:
        return None
    start, _, day, end = min(found)
    return day, start, end


_GLUED_MERIDIEM = re.compile(r"(\d)([AaPp][Mm])\b")


def parse_date(value: object) -> str | None:
    """A date from a structured field (export column, manifest, HTML meta), or None."""
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        # Unix seconds (or milliseconds) in some exports.
        seconds = value / 1000 if value > 1e11 else value
        try:
            return dt.datetime.fromtimestamp(seconds, dt.timezone.utc).date().isoformat()
        except (OverflowError, OSError, ValueError):
            return None
    text = str(value).strip()
    if not text:
        return None
    if text.isascii() and text.isdigit() and len(text) in (10, 13):
        hour = _COMPACT_HOUR.match(text)
        if hour:  # "2025090312": a compact date and hour, not a moment of 2034
            try:
                return dt.date(int(hour[1]), int(hour[2]), int(hour[3])).isoformat()
            except ValueError:
                pass
        # Unix seconds or milliseconds written out in a CSV cell ("1394470370698").
        epoch = parse_date(int(text))
        return epoch if epoch and "1990" <= epoch <= "2100" else None
    found = find_date(text)
    if found:
        return found[0]
    compact = _COMPACT.match(text)  # GDELT's 20250903T170000Z
    if compact:
        try:
            return dt.date(int(compact[1]), int(compact[2]), int(compact[3])).isoformat()
        except ValueError:
            return None
    # RFC 2822, as in RSS feeds; a clock glued to its AM/PM as Meltwater's
    # exports write it ("07-Jul-2025 05:12PM") read as if spaced
    parsed = parsedate_tz(text) or (parsedate_tz(_GLUED_MERIDIEM.sub(r"\1 \2", text))
                                    if _GLUED_MERIDIEM.search(text) else None)
    if parsed:
        try:
            return dt.date(parsed[0], parsed[1], parsed[2]).isoformat()
        except ValueError:
            return None
    return None


def _to_iso(m: re.Match[str]) -> str | None:
    groups = m.groupdict()
    if groups.get("a") is not None:
        a, b = int(groups["a"]), int(groups["b"])
        if a > 12 >= b:
            day, month = a, b
        elif b > 12 >= a:
            day, month = b, a
        elif a == b:
            day = month = a
        else:
            return None
    else:
        day = int(groups["day"])
        if groups.get("mnum"):
            month = int(groups["mnum"])
        else:
            month = _WORLD_MONTHS.get((groups.get("month") or "").lower(), 0)
    if not month:
        return None
    try:
        return dt.date(int(groups["year"]), month, day).isoformat()
    except ValueError:
        return None


#: The day a site files an article under in its address: ``/2021/10/19/``,
#: ``/2021-10-19-slug``, ``/2021/3/7/``, ``/2021/oct/19/`` (the Guardian's);
#: with ``slug``, also a day written into the slug, ``/story-2021-10-19.html``.
_URL_DAY_RE = re.compile(
    r"(?P<lead>[/-])((?:19|20)\d\d)([/-])(\d{1,2}|[a-z]{3})\3(\d{1,2})(?=[/_.?#-]|$)", re.I)
_URL_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def day_in_url(url: str | None, *, slug: bool = False) -> dt.date | None:
    """The day an article's address names (its query left aside), if any.
    A day in the path is where the site filed the story; one inside the
    slug's words (``...-testimony-2019-11-19/``) may be the day the story is
    about, so it counts only with ``slug`` (for a loader with no other
    evidence of the day)."""
    path = (url or "").split("?", 1)[0].split("#", 1)[0]
    for m in _URL_DAY_RE.finditer(path):
        if m.group("lead") == "-" and not slug:
            continue
        month = m.group(4).lower()
        number = int(month) if month.isdigit() else _URL_MONTHS.index(month) + 1 if month in _URL_MONTHS else 0
        try:
            return dt.date(int(m.group(2)), number, int(m.group(5)))
        except ValueError:
            continue
    return None
