"""Article body and metadata from text copied out of a news web page.

Copying a page gives the article *and* everything around it: menus (often
numbered or bulleted), language pickers, share links, "Read more" and "Recent
Posts" teasers stamped "6 hours ago", author boxes, licence footers, image file
names. :func:`parse_page_text` keeps the article.

How it works, in order:

1. Split the input into *units*: one per non-blank line, except that the lines
   of a hard-wrapped paragraph are joined into one unit. Every unit remembers
   where it sits in the input, so everything returned is a verbatim slice.
2. Classify each unit by its shape: prose (many words, sentence punctuation),
   navigation (bullets, numbering, one- or two-word labels, lines repeated
   elsewhere on the page, share/follow vocabulary, link lists, image file
   names, truncated teasers, byline, date and time lines), a figure caption, a
   hard stop (a lone "Read more" / "Recent Posts" / "Related" marker, a
   relative timestamp such as "6 hours ago", a licence or copyright line, an
   author or desk box) or a short line that may be a subheading.
   A caption is one short sentence that either ends in a photo credit
   ("Photo: X/Y", "(File photo)", "Credit: Getty Images") or sits right under
   an image file name with the dateline paragraph after it. An author or desk
   box is a name line followed by a paragraph saying who that person or desk
   is ("... is a correspondent", "... covers politics", a contact e-mail)
   with no article prose after it.
3. Group prose units into runs that tolerate a few non-prose lines between
   them, and keep the run with the most prose. Short lines inside the run that
   look like subheadings stay; navigation and captions inside the run are
   dropped.
4. Read the title, date and byline from the lines just above the run (share
   buttons and the figure between headline and article are skipped; a time
   line such as "Last updated: 6:02pm" is never a title), and the dateline
   ("ALMERA (Wire) –") from the start of its first paragraph. Dates are read
   by :mod:`framing.loaders.dates`, which every loader shares.

Everything is structural; the few vocabulary tuples below only name generic
page furniture. Deterministic, offline, standard library only.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..resources import data_file
from ..text.dictionary import dictionary_word
from ..text.normalize import strip_accents
from ..text.tokens import LETTER, MARKS
from ..text.wordlists import wordlist
from .dates import MONTH_WORD, WEEKDAY_NAMES, WEEKDAYS, find_date, find_dotted_date, find_us_short_date

__all__ = ["PageParts", "parse_page_text"]


@dataclass
class PageParts:
    """What :func:`parse_page_text` found in a copied page.

    ``body`` is the article's paragraphs joined by ``"\\n\\n"``; each paragraph
    is a verbatim slice of the input with only surrounding whitespace trimmed.
    ``title``, ``byline`` and ``dateline`` are verbatim slices too. ``date`` is
    ISO ``YYYY-MM-DD``. ``outlet_hint`` is the site the page names itself
    (copyright line, "Follow X", masthead...) or else the agency named in the
    dateline ("Wire" in "ALMERA, Ardelia (Wire) –").
    """

    body: str
    title: str | None = None
    date: str | None = None
    byline: str | None = None
    dateline: str | None = None
    outlet_hint: str | None = None
    #: where ``outlet_hint`` came from: ``page`` (the page's own words) or ``dateline``
    outlet_from: str | None = None


# --------------------------------------------------------------------------
# Generic page-furniture vocabulary (matched only against short whole lines)

#: A line that is exactly one of these ends the article: what follows is
#: teasers, comments or footer.
_END_MARKERS = (
    "read more", "read also", "recent posts", "recent news", "related",
    "related articles", "related news", "related posts", "related stories",
    "related content", "related coverage", "more from", "more stories",
    "more news", "more on this", "you may also like", "you might also like",
    "also read", "see also", "most read", "most viewed", "most popular",
    "popular posts", "latest news", "latest posts", "latest stories",
    "trending", "trending now", "recommended", "recommended for you",
    "leave a comment", "leave a reply", "comments", "about the author",
    "tags", "topics", "further reading", "editor's picks", "top stories",
)

#: A short line made only of these words is page furniture ("Share on X",
#: "Follow us", "Back to top", "Facebook Twitter WhatsApp").
_NAV_WORDS = frozenset("""
    share shares tweet whatsapp telegram facebook twitter x instagram linkedin
    youtube pinterest reddit tiktok email e-mail mail print rss feed follow us
    subscribe subscription advertisement advertise ad ads sponsored sign log in
    out up login logout register menu search home skip to content back top copy
    link listen save download comment comments close open main navigation via
    on this article story page newsletter newsletters contact about more with overview
""".split()) | frozenset(
    # "Back to overview" / "Back to the home page" as German, French, Spanish and
    # Italian pages print it alone on a line.
    """zurück zur zum übersicht startseite retour à l accueil aperçu volver al inicio índice
    torna alla panoramica""".split()) | frozenset(
    # The same buttons and links in German, French, Spanish and Italian: "Zum Inhalt
    # springen" / "Aller au contenu" (skip to content), "Teilen Sie diesen Artikel"
    # (share this article), "Menü öffnen", "Drucken", "Kommentare", "Suchen", and the
    # links to a German public body's pages in plain language and in sign language.
    """teilen drucken suche suchen menü navigationsmenü öffnen schließen anmelden abmelden
    registrieren inhalt springen springe direkt kommentare kommentar abonnieren sie diesen artikel
    partager imprimer rechercher fermer ouvrir aller au contenu commentaires connexion
    compartir imprimir buscar menú cerrar abrir saltar ir contenido comentarios suscribirse
    condividi stampa cerca chiudi apri vai contenuto commenti iscriviti accedi
    leichte sprache gebärdensprache""".split())

#: Short lines starting with one of these are captions, credits or teaser links.
_NAV_PREFIXES = (
    "photo:", "photo credit", "image:", "file photo", "credit:", "caption:",
    "source:", "also read:", "read more:", "read also:", "see also:", "related:",
    "watch:", "listen:", "share on", "follow us on", "subscribe to", "sign up for",
    # the article's tags: "Filed to: money", "Filed under: Politics", "Tags: ..."
    "filed to:", "filed under:", "filed in:", "tags:", "tagged:", "topics:",
)

#: Licence and copyright footers: the article is over.
_LICENCE_RE = re.compile(
    r"©|\(c\)\s*(?:19|20)\d\d|^\s*copyright\s+(?:19|20)\d\d|\ball rights reserved\b|\bcreative commons\b"
    r"|\blicen[cs]ed under (?:a |the )?(?:cc[ -]by|creative)",
    re.IGNORECASE,
)
#: Weaker footer cues, trusted only on short lines.
_FOOTER_RE = re.compile(
    r"^copyright\b|\bprivacy policy\b|\bcookie policy\b"
    r"|\bterms (?:of|and) (?:use|service|conditions)\b"
    r"|^(?:contact|about) us\b",
    re.IGNORECASE,
)

#: The notice under a sign-up form that a bot check guards: Google's
#: reCAPTCHA and hCaptcha ask every site that uses them to print it.
_FORM_NOTICE_RE = re.compile(r"\bprotected by (?:re|h)captcha\b", re.IGNORECASE)
#: The form's button: "Sign Up", "Subscribe", "Submit".
_FORM_BUTTONS = frozenset(("sign up", "signup", "subscribe", "submit", "sign me up", "join"))

#: A call to the reader to subscribe: a subscription word, and the reader
#: addressed (an imperative, "you", "your inbox").
_SUBSCRIBE_RE = re.compile(r"(?i)\b(?:subscrib\w*|sign(?:ing)? up|newsletters?|podcasts?|inbox|digital edition)\b")
_TO_READER_RE = re.compile(
    r"(?i)(?:^|[.!?]\s+|,\s*|—\s*|-\s+)(?:get|sign|subscribe|catch|click|join|listen|follow|download|tap|want|"
    r"don['’]t miss|never miss|stay|be the first)\b|\byou(?:r|['’]ll|['’]re)?\b")
#: A list's item ("- Sign up for the bundle ..."): a step of the article's own.
_LIST_ITEM_RE = re.compile(r"^\s*(?:[-–•*·]|\d{1,2}[.)])\s")


def call_to_reader(p: str) -> bool:
    """A short paragraph addressed to the reader (an imperative, "you"): at
    most 40 words, not a list's item."""
    return len(p.split()) <= 40 and not _LIST_ITEM_RE.match(p) and bool(_TO_READER_RE.search(p))


def sign_up_line(p: str) -> bool:
    """A paragraph that asks the reader to subscribe ("Get the day's top
    headlines delivered to your inbox every morning by subscribing ...",
    "Sign up for The Water Coolest today"): a call to the reader with a
    subscription word, no quotation. Shared by the HTML loader (a box under
    the article) and the pasted-page loader (a form set inside it)."""
    return call_to_reader(p) and not any(q in p for q in "\"“”") and bool(_SUBSCRIBE_RE.search(p))



#: Words that make a paragraph right after a name line an author's bio.
_BIO_WORDS = re.compile(
    r"\b(?:journalists?|reporters?|correspondents?|editors?|editorial|writers?"
    r"|columnists?|contributors?|analysts?|authors?|writes|covers|covering"
    r"|staff|news-?writers?|freelance)\b",
    re.IGNORECASE,
)
#: A bio says who the person is: "<Name> is a ...", "<Name> has covered ...".
_BIO_VERB_RE = re.compile(
    r"^[^.!?]{0,80}?\b(?:is|are|was|has|have|writes|covers|joined|reports|works|leads|heads)\b"
)
#: Contact details that close an author or desk box.
_CONTACT_RE = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+|(?:^|\s)@\w{2,}")

#: A photo credit ending a caption: "Photo: Courier/Jan Orlo", "(File photo)",
#: "(AP Photo/Jan Orlo)", "Credit: Getty Images", "| Reuters/Jan Orlo". A bare
#: "(Reuters)" names the source of the text, not of a picture.
#: Photo agencies and picture libraries that credit lines name: wire services'
#: picture desks (AP, AFP, Reuters, EPA, Xinhua, TASS, Anadolu, Germany's dpa,
#: Italy's ANSA, Spain's EFE, Switzerland's Keystone) and picture agencies and
#: stock libraries (Getty Images, Shutterstock, Alamy, Sipa, ZUMA, NurPhoto,
#: picture alliance, imago, iStock, Adobe Stock, Unsplash, Pixabay, Pexels).
_PHOTO_AGENCIES = (
    r"(?:Getty Images|AFP|AP|Reuters|EPA|Shutterstock|Bloomberg|Sipa|ZUMA|Anadolu|NurPhoto|Xinhua|TASS|Alamy"
    r"|dpa|ANSA|EFE|Keystone|picture alliance|imago|iStock(?:photo)?|Adobe ?Stock|Unsplash|Pixabay|Pexels)"
)
_CREDIT_RE = re.compile(
    r"(?:(?:^|(?<=[.!?)\]”’\"'])\s+|\s[|/–—-]\s*)"
    r"(?:[Pp]hoto(?:graph)?s?|PHOTOS?|[Ii]mages?|[Pp]ictures?|[Cc]redits?|Photo credit|Illustration"
    # "Photo" in other languages: es/it/pt/de/nl/pl "Foto", es "Imagen", pt "Imagem", it
    # "Immagine", de "Bild", ru/uk/bg "Фото"
    r"|[Ff]otos?|FOTOS?|[Ii]mage[nm]|[Ii]mmagine|[Bb]ild|Фото|ФОТО)"
    r"\s*(?::|by\b)\s*(?:[^.!?]|(?<=\b[A-Z])\.){1,80}"
    r"|\((?:[^()]{0,40}\s)?(?i:photo(?:graph)?s?|images?|pictures?|credits?|file|handout|illustration|fotos?|bild)"
    r"(?:[\s/:][^()]{0,60})?\)"
    r"|(?:\s[|/–—-]\s*|\()(?:Getty Images\b|(?:Reuters|AFP|AP|EPA|Shutterstock|dpa)\s*/\s*\w)"
    r"[^.!?()]{0,60}\)?"
    # The photographer, then the agency: "... Austria.Leonhard Foeger / Reuters file".
    r"|(?<=[a-z])\s/\s*" + _PHOTO_AGENCIES + r"(?:\s+(?:file|[Ff]ile [Pp]hoto|[Pp]hoto))?"
    # A handle and a stock library in brackets: "(smolaw11/iStock)", "(anaterate/Pixabay.com)".
    r"|\([^()\s/]{1,40}\s?/\s?" + _PHOTO_AGENCIES + r"[^()]{0,30}\)"
    # The agency's photo after a bar, the viewer's close button copied after it: "... votes. | AP Photo Close".
    r"|\s[|/–—-]\s*" + _PHOTO_AGENCIES + r"\s+(?:[Pp]hotos?|PHOTOS?|[Ff]ile [Pp]hoto)(?:\s+(?i:close|enlarge|expand))?"
    # A credit label that needs no stop before it: "... productif Crédits photo : Ana Lee/Le Figaro".
    r"|\s(?:Cr[ée]dits? ?[Pp]hotos?|Photo [Cc]redits?)\s*:\s*(?:[^.!?]|(?<=\b[A-Z])\.){1,80}"
    # A credit label glued to the caption by the copy: "...underground.CreditCreditJane Doe/Agency".
    r"|(?<=[\w.!?”’\"')])(?:Credit){1,2}(?=[A-Z])(?:[^.!?]|(?<=\b[A-Z])\.){1,80}"
    # A credit line of its own: "JIM WATSON/AFP/Getty Images", "Jane Doe/Reuters", "Jane Doe via Getty Images".
    r"|^(?:[^/\s][^/]{1,40}/|[^/\s][^/]{1,40}\s(?:via|for)\s+){1,2}\s*" + _PHOTO_AGENCIES + r"\b[^.!?]{0,40}"
    r")[.\s]*$"
)

#: A photographer's credit as a line of its own, glued to any organisation:
#: "Jan Orlo/The Almera Courier", "Ana K. Veld/KESHMEDIA", "Jan Orlo/Courier file".
_NAME_CREDIT_RE = re.compile(
    r"^[A-ZÀ-ÖØ-Þ][\w'’\-]+(?:[ \t]+(?:[A-Z]\.|[A-ZÀ-ÖØ-Þ][\w'’\-]+)){1,3}"
    r"/(?:[Tt]he[ \t]+)?[A-ZÀ-ÖØ-Þ][\w&'’.\-]*(?:[ \t]+[A-ZÀ-ÖØ-Þ][\w&'’.\-]*){0,4}(?:[ \t]+file)?$"
)

#: A credit line, a label and a colon before a name or a source: "Text:",
#: "Autorin:", "Text und Interview:", "Text & Fotos:", "Fotos/Illustration:",
#: "Bildquelle:", "Quelle:", "Kolumnist*in:", in German, English, French,
#: Spanish and Italian. It credits the text, the pictures or the source of a
#: page and is never its headline, though it may be shaped like one.
#: ("Interview:" and "Kommentar:" open headlines, and count only after another
#: label: "Text und Interview: ...".)
_CREDIT_WORDS = (r"text[eo]?|texte|autor(?:in|innen|en|\*in|:innen)?|author|authors|auteure?|autora|autrice"
                 r"|fotos?|photos?|fotograf(?:ie|in)?|bild(?:er)?|bildquelle|fotoquelle|bildnachweis|quelle|quellen"
                 r"|illustrations?|grafik|kolumnist(?:in|\*in)?|übersetzung|translation|traduction|redaktion|recherche")
_CREDIT_LABEL_RE = re.compile(
    r"^(?i:(?:" + _CREDIT_WORDS + r")(?:\s*(?:[/&,+]|und|and|et|y|e)\s*(?:" + _CREDIT_WORDS + r"|interview))*)"
    r"\s*:\s*\S"
)

# --------------------------------------------------------------------------
# Shapes

#: A bullet or list number opening a line: "•", "-", "1.", "(2)".
_BULLET_RE = re.compile(r"^(?:[•·▪▫●○◦‣∙■□►▸*+]|[-–—](?=\s)|\(?\d{1,3}[.)](?=\s))\s*")
#: A word, the combining marks on its letters included (a Hindi word is one word).
_WORD_RE = re.compile(r"\w(?:[\w'’.\-]|" + MARKS + r")*", re.UNICODE)
_CLOSERS = "\"'”’»)]\u00a0 "
#: Sentence ends, with the full stops of scripts that have their own: the
#: ideographic "。", full-width "！？", the Devanagari danda "।" and the Arabic "؟".
_TERMINAL = ".!?。！？।؟"
_SENTENCE_BREAK_RE = re.compile(r"[.!?][\"'”’)\]]*\s+[\"'“‘(\[]*[A-Z0-9]")
#: A line that is one phrase written two or three times over: a link card
#: ("How to Defeat the Urge How to Defeat the Urge How to Defeat the Urge").
#: A headline, so no sentence's end closes the phrase (a sentence said twice stays).
_REPEATED_RE = re.compile(r"(\S.{10,}?[^\s.!?…\"”’'])(?:\s+\1){1,2}")
_ELLIPSIS_END_RE = re.compile(r"(?:…|\.\.\.)[\"'”’)\]]*$")
_RELATIVE_TIME_RE = re.compile(
    r"^(?:about\s+|updated\s+|posted\s+|published\s+)?(?:\d{1,4}|an?|one|few)\s+"
    r"(?:sec(?:ond)?|min(?:ute)?|hr|hour|day|week|month|year)s?\.?\s+ago\b"
    r"|^(?:just now|yesterday|today)$",
    re.IGNORECASE,
)
_IMAGE_EXTENSIONS = (
    ".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".bmp", ".tif", ".tiff", ".avif", ".heic",
)
_LIST_SEP_RE = re.compile(r"\s[|•·/>›»]\s|\s\|$|^\|\s")
#: A path of sections: "Primo Piano > Sanità", "Foto Galeri» HABER" (not
#: »quoted« words, nor «guillemets»).
_CRUMB_SEP_RE = re.compile(r"^[^«]*[^\s«][ \t]?[>›»][ \t]+[^«]*$")

# --------------------------------------------------------------------------
# Date and time lines (the dates themselves are read by :mod:`.dates`)

_TIME_RE = re.compile(
    r"\b\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?|Uhr\b)?"  # "16:24 Uhr": German "o'clock"
    r"(?:\s*(?:GMT|UTC|[A-Z]{2,4}T|[ECMP]T(?![A-Za-z]))(?:[+-]\d{1,2}(?::?\d{2})?)?)?"
    r"|\b\d{1,2}\s*[ap]\.?m\.?\b"
    # "à 07h47", "às 9h30": hours and minutes as French, Portuguese and Spanish pages print them
    r"|\b[0-2]?\d\s?h\s?[0-5]\d\b",
    re.IGNORECASE,
)
#: The labels of a date line ("Published on ... at"), also in French, Spanish,
#: Portuguese, Italian and German ("Publié le", "Actualizado el", "Atualizado
#: em", "Pubblicato il", "Veröffentlicht am", "Publiziert am", "Erschienen am";
#: the article alone is no label), Swedish, Norwegian and Danish ("Publicerad
#: 22:31", "Oppdatert", "kl. 14:47").
_DATE_LABEL_RE = re.compile(
    r"\b(?:date|published|posted|updated|last updated|modified|on|at|time"
    r"|(?:publié|mis à jour|modifié)(?: le)?|(?:publicado|actualizado)(?: el)?|(?:publicado|atualizado)(?: em)?"
    r"|(?:pubblicato|aggiornato)(?: il)?|(?:veröffentlicht|publiziert|erschienen|aktualisiert)(?: am)?"
    r"|publicerad|uppdaterad|publisert|oppdatert|publiceret|opdateret|kl\.?)(?!\w)",
    re.IGNORECASE
)
#: A date glued to the start of a line: ``date 2025-11-07 Headline ...``.
#: Only a labelled date or a numeric one; "March 12, 2026 was..." is prose.
_DATE_PREFIX_RE = re.compile(
    r"^(?:(?P<label>date|published(?:\s+on)?|posted(?:\s+on)?|updated(?:\s+on)?)\s*[:\-–]?\s*)?"
    r"(?P<date>(?:19|20)\d\d[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[/.]\d{1,2}[/.](?:19|20)\d\d)"
    r"(?:[T\s,]+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]m|\s+Uhr\b)?(?:\s+(?:[A-Z][A-Z]?[SD]T|GMT|UTC|ET|PT|CT)\b)?)?[\s,|:–—-]*",
    re.IGNORECASE,
)
_DATEISH_STRIP_RE = re.compile(
    r"(?<!\w)(?:" + MONTH_WORD
    + r"|\d+(?:st|nd|rd|th)?|[ap]\.?m\.?|GMT|UTC|of)(?!\w)",
    re.IGNORECASE,
)


def _is_dateish(s: str) -> bool:
    """True for a line shaped like a date, valid or not ("31 February 2026")."""
    if not any(ch.isdigit() for ch in s):
        return False
    rest = _DATE_LABEL_RE.sub(" ", _DATEISH_STRIP_RE.sub(" ", s))
    return len(_WORD_RE.findall(rest)) == 0


#: The time of an ISO time stamp right after its date: "2020-03-08T18:30:30.077Z".
_ISO_TIME_TAIL_RE = re.compile(r"^T\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?(?!\w)")


def _without_date(s: str) -> str:
    """``s`` with the first date :func:`find_date` finds in it cut out (a space in its place)."""
    found = find_date(s)
    return s if found is None else s[: found[1]] + " " + s[found[2] :]


def _is_date_line(s: str) -> str | None:
    """ISO date when ``s`` is mostly a date: a time, labels and up to three other words.
    Of two dates the first ("11.01.2022, 09:50 Uhr / Aktualisiert am
    21.01.2022"), read day first when written with dots."""
    found = min(filter(None, (find_date(s), find_dotted_date(s))), key=lambda f: f[1], default=None)
    if found is None:
        return None
    iso, start, end = found
    # (printed twice: "Published ... Updated ...", or in two formats)
    rest = _without_date(s[:start] + " " + _ISO_TIME_TAIL_RE.sub(" ", s[end:], count=1))
    rest = _UPDATE_DAY_RE.sub(" ", rest)
    rest = _TIME_RE.sub(" ", rest)
    rest = _DATE_LABEL_RE.sub(" ", rest)
    if len(_WORD_RE.findall(rest)) <= 3:
        return iso
    return None


#: The day of an update after the story's date on its line, printed without
#: the year the line already gave: "November 18, 2019 at 2:26 PM - Updated
#: November 18 at 4:46 PM" (a second date, not words of the line).
_UPDATE_DAY_RE = re.compile(r"(?i)\b(?:last\s+)?(?:updated|modified)\s*:?\s*(?:on\s+)?(?<![A-Za-z])" + MONTH_WORD
                            + r"\s+[0-3]?\d(?:st|nd|rd|th)?\b(?!\s*,?\s*\d)")


#: A date written in numbers: "3/09/15", "09.03.2015", "2019-11-19". (One
#: pattern for the time-line tests here and for ``_date_time_only``.)
_NUMERIC_DATE_RE = re.compile(r"\b\d{1,4}[/.\-]\d{1,2}[/.\-]\d{2,4}\b")


#: A date of numbers whose order the numbers do not tell: "06/05/2020", "10/12/20".
_AMBIGUOUS_DATE_RE = re.compile(r"(?<![\d/.])(?P<a>[01]?\d)/(?P<b>[01]?\d)/(?P<y>(?:19|20)?\d\d)(?![/.]?\d)")


def _day_first_date(s: str) -> str | None:
    """ISO date of a date line whose date is written in numbers that both
    could be the month ("Actualizado: 06/05/2020 · 10:07", "10/12/20 -
    10h02"), read day first, as every language but English (in the United
    States) writes it; the line holds the date, a time, labels and one other
    word at most (a weekday). For a page known to be in another language."""
    m = _AMBIGUOUS_DATE_RE.search(s)
    if m is None:
        return None
    rest = _DATE_LABEL_RE.sub(" ", _TIME_RE.sub(" ", s[: m.start()] + " " + s[m.end() :]))
    if len(_WORD_RE.findall(rest)) > 1:
        return None
    year = int(m["y"]) if len(m["y"]) == 4 else 2000 + int(m["y"])
    try:
        return dt.date(year, int(m["b"]), int(m["a"])).isoformat()
    except ValueError:
        return None


#: English's three commonest words: some 10% of the words of English prose,
#: all but absent from other languages' ("of" and "and" are names' particles there).
_ENGLISH_COMMONEST = frozenset(("the", "and", "of"))


def _not_english(body: str) -> bool:
    """True for an article of 40 words or more that is not in English: fewer
    than one word in a hundred is "the", "and" or "of"."""
    words = _WORD_RE.findall(body[:3000])
    return len(words) >= 40 and 100 * sum(w.casefold() in _ENGLISH_COMMONEST for w in words) < len(words)


def _is_time_line(s: str) -> bool:
    """True for a line that is only a time and labels: "Last updated: 6:02pm",
    or a time stamp with a numeric date beside the time: "3/09/15 8:00am"."""
    if not _TIME_RE.search(s):
        return False
    rest = _DATE_LABEL_RE.sub(" ", _TIME_RE.sub(" ", _NUMERIC_DATE_RE.sub(" ", s)))
    return len(_WORD_RE.findall(rest)) == 0


# --------------------------------------------------------------------------
# Bylines and datelines

_NAME_WORD = r"[A-Z][\w'’.\-]*"
_BYLINE_RE = re.compile(
    r"^(?:(?i:by|written by|words by|reported by|report by|author|reporter|posted by"
    r"|geschrieben von|verfasst von|erstellt von|ein beitrag von|escrito por|écrit par|scritto da"
    r"|(?:analysis|opinion|commentary|column|essay|review|perspective|story) by"
    r"|eine? (?:kolumne|kommentar|gastbeitrag|analyse|glosse|rezension|reportage|interview) von)\b\s*[:\-–]?"
    # The writer's credit in German, French, Spanish and Italian, with its colon:
    # "Autorin: Ana Lee", "Text und Interview: Ana Lee", "Text & Fotos: Ana Lee".
    r"|(?i:text[eo]?|autor(?:in|\*in)?|auteure?|autora|autrice|kolumnist(?:in|\*in)?)"
    r"(?:\s*(?:&|und|and|et|y|e|/)\s*(?i:interview|fotos?|photos?|bilder?))?\s*:)\s*"
    r"(?P<name>[A-Z].*)$"
)
#: "By" in French, Spanish and Portuguese, German, Italian, Dutch, Swedish and
#: Norwegian, Danish, Polish: trusted only with a colon after it ("Par :
#: Ana Lee") or a date or separator after the name ("Por Ana Lee Publicado
#: Jul 23, 2020"), since "Di Maio" or "Von Miller" may open a headline.
_OTHER_BY_RE = re.compile(r"^(?i:par|por|von|di|door|av|af|przez)\s*(?P<colon>:)?\s*(?P<name>[A-Z].*)$")
_NAME_PARTICLES = frozenset("and of de da del der van von al el bin ibn la le du".split())
#: "Published" and "updated" in English, Spanish, Portuguese, French, Italian, German,
#: and the word that puts a date after a name: "on", German "am" ("von Ana Lee am
#: 29. Mai 2017").
_PUBLISHED_WORDS = ("on|am|updated|published|posted|publicado|actualizado|atualizado|publié|publiée|"
                    "pubblicato|aggiornato|veröffentlicht|publiziert|erschienen|aktualisiert")
#: A line that gives the date of an update: "Updated March 3, 2026", "Aktualisiert am 19.02.2020",
#: "Mis à jour le ...", "Actualizado el ...", "Aggiornato il ...", "Atualizado em ...", "Last modified ...".
_UPDATE_RE = re.compile(r"(?i)(?:last\s+)?(?:updated|modified|aktualisiert|mis\s+à\s+jour|actualizado|aggiornato"
                        r"|atualizado|zuletzt\s+aktualisiert|geändert|uppdaterad|oppdatert|opdateret)\b")
#: Where a byline's name ends: a separator, a date, "on <date>".
_BYLINE_CUT_RE = re.compile(
    r"\s+[|•·–—]\s*|\s+-\s+|\s*\|\s*|,\s*(?=\d)"
    r"|\s+(?i:" + _PUBLISHED_WORDS + r")\s+(?=[^\n]{0,12}\d)"  # "By Al Root Updated Nov. 19, 2019"
    r"|\s+(?=(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+[0-3]?\d\b)"  # "... March 18 at"
    r"|\s+(?=Follow\b|@\w)"  # "By Steven Mufson ... Follow @StevenMufson"
    r"|\s+(?=[\w.+-]+@[\w-]+\.\w)"  # "By Ana Lee analee@courier.com(555) 010-0199": the writer's address
    r"|\s+(?i:at)\s+(?=\d{1,2}[:.]\d{2})"  # "Posted by Ana Lee at 5:06 AM"
)
#: "by" after a date or time on one line: "11/19/2019 by Lars Brandle".
_LATE_BY_RE = re.compile(r"\s(?i:by|par|por|von|di|door|av|af|przez):?\s+(?=[A-Z])")
#: Words of a job title, not of a desk's name: "Contributing Correspondent"
#: under a writer's name is their rank, not the byline.
_RANK_WORDS = frozenset("""senior chief contributing special staff associate deputy executive managing
assistant lead principal freelance correspondent""".split())
#: The last word of a job title printed under a writer's name.
_JOB_WORDS = frozenset("correspondent writer editor reporter columnist contributor producer photographer".split())
_DESK_RE = re.compile(
    r"^(?P<name>" + _NAME_WORD + r"(?:\s+" + _NAME_WORD + r"){0,4}\s+"
    r"(?:Desk|Bureau|Correspondent|Staff Reporter|Staff Writer))\b"
)
_PLACE_WORD = r"[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’.\-]*[A-ZÀ-ÖØ-Þ.]"
_DATELINE_RE = re.compile(
    r"^(?P<dateline>" + _PLACE_WORD + r"(?:\s+" + _PLACE_WORD + r"){0,3}"
    r"(?:,\s*[A-ZÀ-ÖØ-Þ][\w'’.\-]*(?:\s+[\w'’.\-]+){0,3})?"
    r"(?:\s*\((?P<agency>[^()\n]{1,40})\))?)"
    r"(?:\s+[–—-]{1,2}\s+|\s*[–—]\s*)"
)


#: What may stand before a dateline's date: a place in capitals ("WASHINGTON,")
#: and a weekday ("Monday,", "Mon.").
_BEFORE_OPENING_DATE_RE = re.compile(
    r"^(?:" + _PLACE_WORD + r"(?:\s+" + _PLACE_WORD + r"){0,3},\s*)?"
    r"(?:(?i:" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")\.?,?\s+)?$"
)
#: The separator after a dateline's date: a dash, spaced or not ("--", "–", "—").
_AFTER_OPENING_DATE_RE = re.compile(r"^\s*(?:--?|[–—])\s*(?=\S)")


def opening_date(paragraph: str) -> str | None:
    """The date a paragraph opens with as its dateline ("Feb. 23, 2015 --
    Life-threatening ...", "WASHINGTON, March 3, 2020 — The ..."), or None.

    The date must be whole (with its year), stand first or after a place and
    a weekday, and be followed by a dash: a date inside a sentence ("On
    March 3, 2020, the court ...") is not the story's date."""
    head = paragraph[:80]
    found = find_date(head)
    if found is None:
        return None
    iso, start, end = found
    if _BEFORE_OPENING_DATE_RE.match(head[:start]) and _AFTER_OPENING_DATE_RE.match(paragraph[end:]):
        return iso
    return None


def dateline_date(paragraphs: list[str]) -> str | None:
    """The :func:`opening_date` of the article's first paragraph, or of the
    second (under a standfirst or a "Reviewed by" line)."""
    return next((d for para in paragraphs[:2] if (d := opening_date(para))), None)


_ZONE_RE = re.compile(r"\b(?:[A-Z]{2,4}T|GMT|UTC|ET|CT|MT|PT)\b")


def _date_time_only(s: str) -> bool:
    """True for text that is only a date and/or time: "5:45 AM PST 11/19/2019"."""
    if not any(ch.isdigit() for ch in s):
        return False
    rest = _ZONE_RE.sub(" ", _NUMERIC_DATE_RE.sub(" ", _TIME_RE.sub(" ", s)))
    rest = _DATE_LABEL_RE.sub(" ", _DATEISH_STRIP_RE.sub(" ", _WEEKDAY_RE.sub(" ", rest)))
    return not _WORD_RE.findall(rest)


def _dated_words_only(s: str) -> bool:
    """True for a date in any language with at most one other word (its
    weekday) and a time: "Domenica 19 Aprile 2020", "Dom. 19 Aprile 2020, 10:15";
    or two dates, published and updated, glued as blogs print them ("22.
    Dezember 201922. Dezember 2019")."""
    if find_date(s) is None:
        return False
    rest = _without_date(_without_date(s))
    return len(_WORD_RE.findall(_TIME_RE.sub(" ", rest))) <= 1


#: A line ending in a time's "a.m." / "p.m.", not in a sentence's full stop.
_AM_PM_END_RE = re.compile(r"\b\d{1,2}(?:[:.]\d{2})?\s*[ap]\.m\.[\"'”’)\]\s]*$", re.IGNORECASE)


#: What leads into a byline's date: "on Monday, ", "updated ", "Veröffentlicht am ",
#: "am Samstag, " (after such a word, one word: the weekday in any language).
_BYLINE_DATE_LEAD_RE = re.compile(
    r"(?i)(?:(?:\s+(?:" + _PUBLISHED_WORDS + r")){1,2}(?:\s+[^\W\d_]+\.?)?"
    r"|\s+(?:" + "|".join(WEEKDAY_NAMES) + r"))?[\s,]*$"
)


#: "By" glued to the name after it, as a copy joins a label and a link: "ByAlex
#: Bozarjian", "Geschrieben vonElisa Marvena" (a small letter, then a name's capital).
_GLUED_BY_RE = re.compile(r"^(?:[Bb]y|(?:[Ww]ritten|[Pp]osted) by|(?:Geschrieben|Verfasst|Veröffentlicht) von|[Vv]on)"
                          r"(?=[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ])")


def _byline_from(s: str, after_date: bool = False) -> tuple[int, int] | None:
    """Span of the author name in a byline line ``s``, or None. ``after_date``:
    ``s`` followed a date on its line ("Domenica 19 Aprile 2020 di Ana Lee")."""
    if len(s) > 160:
        return None
    glued = _GLUED_BY_RE.match(s)
    if glued:
        span = _byline_from(s[:glued.end()] + " " + s[glued.end():], after_date)
        return (span[0] - 1, span[1] - 1) if span else None
    late = _LATE_BY_RE.search(s)
    if late and not (_BYLINE_RE.match(s) or _OTHER_BY_RE.match(s)):
        before = s[: late.start()]
        # (or the author box printed twice, the second time with "By": "Ana Lee | ana@x.com By
        # Ana Lee | ana@x.com", a card and its label)
        if (_date_time_only(before) or _dated_words_only(_DATE_LABEL_RE.sub(" ", before))
                or " ".join(before.split()) == " ".join(s[late.end():].split())):
            span = _byline_from(s[late.start() + 1:], after_date=True)
            if span is not None:
                return span[0] + late.start() + 1, span[1] + late.start() + 1
        return None
    m = _BYLINE_RE.match(s)
    other = None if m else _OTHER_BY_RE.match(s)
    m = m or other
    if m:
        start = m.start("name")
        name = s[start:]
        found = find_date(name)
        if found:
            # "Ana Lee on Monday, November 18th, 2019": the date, its weekday and "on" go
            name = _BYLINE_DATE_LEAD_RE.sub("", name[: found[1]])
        cut = _BYLINE_CUT_RE.search(name)
        if cut:
            name = name[: cut.start()]
        if other is not None and not (other["colon"] or found or cut or after_date) and not (
                s[:1].islower() and _person_name(name.strip())):
            # (A line that opens with the word in small letters is no headline:
            # "von Martina Scharmann", "por Ana Lee".)
            return None
        name = re.sub(r"[\s,;:.\-–—|]+$", "", name)  # any space: "Mira Castell\xa0"
        words = [w.strip(",;&") for w in name.split()]
        if not name or not 1 <= len(words) <= 8 or (_ends_sentence(s) and not _AM_PM_END_RE.search(s)):
            return None
        if all(w[:1].isupper() or w.lower() in _NAME_PARTICLES or not w for w in words):
            return start, start + len(name)
        return None
    m = _DESK_RE.match(s)
    if m and len(s.split()) <= 12 and not s.rstrip().endswith(".") and not all(
            w.casefold() in _RANK_WORDS for w in m.group("name").split()[:-1]):
        return m.start("name"), m.end("name")
    return None


# --------------------------------------------------------------------------
# Units


@dataclass
class _Unit:
    start: int          # offset of the unit's content (after any glued date) in the input
    end: int
    text: str           # content used for classification (wrapped lines joined by spaces)
    block: int          # index of the blank-line separated block
    bullet: bool = False
    prefix_date: str | None = None
    kind: str = ""      # prose | short | nav | meta | stop | time
    norm: str = ""
    words: int = 0


def _split_units(text: str) -> list[_Unit]:
    lines: list[tuple[int, int, int]] = []  # (start, end, block)
    pos = 0
    block = 0
    prev_blank = True
    for raw in text.splitlines(keepends=True):
        content = raw.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        stripped = content.strip()
        if stripped:
            if prev_blank:
                block += 1
            lead = len(content) - len(content.lstrip())
            lines.append((pos + lead, pos + lead + len(stripped), block))
            prev_blank = False
        else:
            prev_blank = True
        pos += len(raw)

    units: list[_Unit] = []
    i = 0
    while i < len(lines):
        j = i
        while j + 1 < len(lines) and lines[j + 1][2] == lines[i][2]:
            j += 1
        group = lines[i : j + 1]
        if len(group) > 1 and _is_wrapped(text, group):
            joined = " ".join(text[s:e] for s, e, _ in group)
            units.append(_Unit(group[0][0], group[-1][1], joined, group[0][2]))
        else:
            for s, e, b in group:
                units.append(_Unit(s, e, text[s:e], b))
        i = j + 1
    return units


def _is_wrapped(text: str, group: list[tuple[int, int, int]]) -> bool:
    """True when consecutive lines look like one paragraph wrapped at a fixed width."""
    parts = [text[s:e] for s, e, _ in group]
    longest = max(len(p) for p in parts)
    if longest > 120:
        return False
    if any(_BULLET_RE.match(p) or _is_image_line(p) for p in parts):
        return False
    if any(p.count(" | ") >= 2 for p in parts):
        return False  # fields between bars: a line of section, date and source
    body = parts[:-1]
    if any(len(p) < 35 or len(p) < 0.6 * longest for p in body):
        return False
    if all(p.rstrip(_CLOSERS).endswith(tuple(_TERMINAL)) for p in body):
        return False
    if any(_byline_from(p) is not None for p in parts[1:]):
        return False  # a headline over its byline line ("Von Ana Lee am 3. März 2026 um 11:14 Uhr")
    if any(len(p.split()) <= 12 and _is_date_line(p) for p in parts[1:]):
        return False  # a headline over its date line ("Updated March 4, 2026 at 5:12 p.m.")
    return _looks_prose(" ".join(parts))


def _has_image_name(s: str) -> bool:
    """True when a token of ``s`` is an image file name (``img-2026.jpg``)."""
    for tok in s.split():
        tok = tok.strip("\"'“”‘’()[]<>,;:").lower()
        if tok.endswith(_IMAGE_EXTENSIONS) and len(tok) > 4 and tok.count(".") >= 1:
            return True
    return False


def _is_image_line(s: str) -> bool:
    """True for a line that is (mostly) an image file name: a figure, not text."""
    return _word_count(s) <= 8 and _has_image_name(s)


def _leading_image_name(s: str) -> int:
    """Length of an image file name opening ``s`` (with the space after it), else 0."""
    tok = s.split(maxsplit=1)[0] if s.strip() else ""
    if tok and _has_image_name(tok):
        return s.index(tok) + len(tok)
    return 0


def _caption_shape(s: str) -> bool:
    """Short and at most one sentence once a trailing photo credit is cut off."""
    if _word_count(s) > 45:
        return False
    m = _CREDIT_RE.search(s)
    core = s[: m.start()] if m else s
    if m and not core.strip():
        return True  # a photo credit on a line of its own
    if m and m.group().lstrip().startswith("Credit") and _word_count(core) <= 40:
        return True  # a captioned photo's credit label: its caption may run to two sentences
    return 0 < _word_count(core) <= 40 and not _SENTENCE_BREAK_RE.search(core.strip())


#: Scripts written without spaces between words: there a line's length, not
#: its spaces, says how many words it holds. Chinese and Japanese words are one
#: to three characters long; a Thai word is about five code points (its vowel
#: and tone marks are code points of their own).
_HAN_KANA_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_THAI_RE = re.compile(r"[\u0e00-\u0e7f]")
_UNSPACED_RE = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


#: A letter or a combining mark: the vowel signs of Devanagari, Bengali or Thai
#: and Arabic vowel points are marks, not letters, to ``str.isalpha``; they
#: are a third to a half of a Hindi line's code points.
_LETTER_RE = re.compile(LETTER)


def _letters(s: str) -> int:
    """How many of ``s``'s characters are letters or the marks on them."""
    return len(_LETTER_RE.findall(s))


def _word_count(s: str) -> int:
    """Words in ``s``, counting a run of unspaced script as the words it holds."""
    if not _UNSPACED_RE.search(s):
        return sum(1 for tok in s.split() if any(ch.isalnum() for ch in tok))
    n = 0
    for tok in s.split():
        if any(ch.isalnum() for ch in tok):
            unspaced = len(_HAN_KANA_RE.findall(tok)) / 2 + len(_THAI_RE.findall(tok)) / 5
            n += max(1, round(unspaced)) if unspaced >= 1.5 else 1
    return n


def _ends_sentence(s: str) -> bool:
    t = s.rstrip(_CLOSERS)
    return t.endswith(tuple(_TERMINAL)) or t.endswith("…")


def _looks_prose(s: str) -> bool:
    words = _word_count(s)
    letters = _letters(s)
    if letters < 0.5 * len(s):
        return False
    if words >= 20:
        return True
    return words >= 8 and (_ends_sentence(s) or bool(_SENTENCE_BREAK_RE.search(s)))


def _name_list(s: str) -> bool:
    """A list of twelve or more single words or handles between commas, with
    no sentence in it ("jkl_reads, Marlowe88, tidewatcher, ..."): the
    readers who liked a post, a page's tags. A sentence of the article
    naming many things in a row names some with two words or more."""
    items = [x.strip() for x in s.split(",")]
    if len(items) < 12 or _SENTENCE_BREAK_RE.search(s):
        return False
    return sum(len(x.split()) == 1 for x in items) >= 0.9 * len(items)


#: A word that starts with a letter ("e-mail", not "2026" or "_"): menus' and lists' words.
_LETTER_WORD_RE = re.compile(r"[^\W\d_][\w\-]*")


def _alphabetical(s: str) -> bool:
    """Twenty words or more in alphabetical order, with no sentence in them:
    a page's tags or categories ("Afrika Aktuell Armut Banken Bildung ..."),
    an index by letter ("A B C ... Z"), a list of cities or languages. Three
    in four neighbouring words or more are in order (words of prose are in
    order about half the time, and a tag of two words breaks the order once
    within itself); a line of twenty words with no full stop is rarely a
    headline."""
    if _SENTENCE_BREAK_RE.search(s) or _ends_sentence(s):
        return False
    words = [w.casefold() for w in _LETTER_WORD_RE.findall(s)]
    if len(words) < 20:
        return False
    return 4 * sum(a <= b for a, b in zip(words, words[1:])) >= 3 * (len(words) - 1)


#: A word running into the next one's capital: "NumberHaryana", "ÉconomieFaits".
_GLUED_WORDS_RE = re.compile(r"[a-zß-öø-ÿа-яё][A-ZÀ-ÖØ-ÞА-ЯЁ][a-zß-öø-ÿа-яё]")


def _glued_links(s: str) -> bool:
    """Links copied without a space between them: "Kerala Helpline NumberHaryana
    Helpline NumberBareilly NewsBhopal News ...": twelve words or more, four
    such joins or more, one in eight words, and no sentence in it. (A brand
    written in camel case, "GitHub", is one join among a sentence's words.)"""
    words = len(s.split())
    if words < 12 or _SENTENCE_BREAK_RE.search(s) or _ends_sentence(s):
        return False
    joins = len(_GLUED_WORDS_RE.findall(s))
    return joins >= 4 and joins * 8 >= words


def _link_row(s: str) -> bool:
    """A row of links or buttons read as one line, in any language: the same
    two words open three items or more ("Share on X Share on Y Share on Z",
    one button per network), or three joins or more with no space between a
    word's small letter and the next word's capital, one in three words or
    more ("NewsSportWeather Local"). A headline says one thing once; a
    brand's camel case ("GitHub") is one join."""
    words = s.casefold().split()
    pairs: dict[tuple[str, str], int] = {}
    for a, b in zip(words, words[1:]):
        pairs[(a, b)] = pairs.get((a, b), 0) + 1
    if pairs and max(pairs.values()) >= 3:
        return True
    joins = len(_GLUED_WORDS_RE.findall(s))
    return joins >= 3 and joins * 3 >= len(words)


def _normalise(s: str) -> str:
    s = _BULLET_RE.sub("", s)
    s = s.rstrip(" \t\u00a0|:»›>→.,;")
    return " ".join(s.casefold().split())


def _is_nav_words(norm: str) -> bool:
    words = _LETTER_WORD_RE.findall(norm)
    return 0 < len(words) <= 6 and all(w in _NAV_WORDS for w in words)


#: The first word of a share or tool button's label ("Share on Google Plus",
#: "Resize Text", "Print Article", "More Options").
_TOOL_VERBS = frozenset("share tweet pin email print resize save bookmark copy follow".split())
#: What a tool button's verb acts on ("Share on ...", "Resize Text"); "Share
#: prices fell" is a sentence, not a button.
_TOOL_OBJECTS = frozenset("on via to this article story text page link options author".split())


def is_toolbar_line(line: str) -> bool:
    """A share or tool button's label under a headline: furniture words only
    ("Share via Email", "Comments"), or up to four words opened by a tool's
    verb ("Share on Google Plus", "Resize Text", "More Options")."""
    norm = _normalise(line)
    if _is_nav_words(norm):
        return True
    words = norm.split()
    if norm == "more options":
        return True
    if len(words) >= 3 and words[1] == "the":
        words = words[:1] + words[2:]  # "Email the author"
    return (0 < len(words) <= 4 and words[0] in _TOOL_VERBS
            and (len(words) == 1 or words[1] in _TOOL_OBJECTS))


def _toolbar_row(s: str) -> bool:
    """Tool buttons in a row between bars: "Email the author | Follow on Twitter"."""
    parts = [p for p in (x.strip() for x in s.split("|")) if p]
    return len(parts) >= 2 and all(is_toolbar_line(p) for p in parts)


#: The page speaking about itself, beyond ``_NAV_WORDS``: where the text goes
#: on ("Story continued below", "Continue reading the main story"), what to
#: click, get or manage ("Click here to get the ... app", "Manage
#: newsletters") and the figure's controls ("Enlarge this image", "toggle
#: caption").
_PAGE_WORDS = _NAV_WORDS | frozenset("""
    story stories article articles continue continues continued reading below above here
    click tap app apps download get manage homepage website newsletter newsletters
    image images caption toggle enlarge video videos photo photos gallery slideshow
    like join visit watch read alerts notifications copyright next prev previous sign-up signup
    channel podcast podcasts inbox
""".split())
#: Words that join a page's words without saying anything of their own, and
#: page words too common in headings to count ("Uncertainty About Us", "Back
#: Story", "Home Sweet Home", "Main Street", "Page to follow Strzok").
_GLUE_WORDS = frozenset("""
    the a an to for of on in at from by with and or our us your you this that these it its
    more all now new window opens about up out via back top home open close main daily full
    free see latest page
""".split())
#: Verbs that only a page's controls open with: such a line needs no second
#: page word ("Click for more from Lakeside Radio", "CLICK HERE TO READ THE
#: RULING").
_CONTROL_VERBS = frozenset("click subscribe download enlarge toggle".split())
#: A content-management placeholder for a figure left in the text: "[image]".
_PLACEHOLDER_RE = re.compile(r"\[(?P<w>[a-z]{2,20})\]")
#: One-word labels over a link to another page: "Photos: ...", "Watch: ...".
#: ("Next:", "Below:" open the article's own lines.)
_LINK_LABELS = frozenset("photo photos video videos gallery slideshow story read watch listen podcast".split())
#: What a figure's controls open with ("Enlarge this image", "Image copyright").
_FIGURE_WORDS = frozenset("enlarge toggle image photo caption".split())
#: A photo credit that a figure's controls leave behind: "Jan Orlo/AP",
#: "Jan Orlo/AFP/Getty Images Jan Orlo/AFP/Getty Images", "AP AP".
_AGENCY_WORDS = frozenset("ap afp reuters getty images epa pa shutterstock bloomberg xinhua tass".split())


#: The signature under a post an article embeds: "— Jan Orlo (@janorlo) May 2, 2031".
_EMBEDDED_POST_RE = re.compile(r"[—–-]\s*[^()]{1,60}\(@\w{1,30}\)\s+\w+\s+\d{1,2},\s+\d{4}")
#: A count or a clip's length among a page's words: "Slideshow (2 Images)",
#: "Image 1 of 2", "Listen to article 3:09".
_NUMBER_RE = re.compile(r"\d{1,3}(?::\d\d)?")
#: The site's address: "Watch the latest video at video.lakeside.com".
_WEB_ADDRESS_RE = re.compile(r"(?:https?://)?(?:[a-z0-9\-]+\.)+(?:com|org|net|co\.uk|news|tv)(?:/\S*)?")


#: Every furniture line holds one of these (a page word, or a word of an end marker).
_CUE_WORDS = _PAGE_WORDS | frozenset(w for m in _END_MARKERS for w in m.split())
_CUE_STRIP = ".,;:!?()[]…'’\"-–—•|#"


def _teaser_label(label: str) -> bool:
    """A label that opens a link to other pages: "Related", "See also", "Read
    more", "Photos", "Watch", "Also on Lakeside"."""
    norm = _normalise(label.strip(" (["))
    words = norm.split()
    if not words or len(words) > 5:
        return False
    if _is_nav_words(norm) or norm in _END_MARKERS or (len(words) == 1 and words[0] in _LINK_LABELS):
        return True
    return is_furniture_paragraph(label.strip(" (["))


def _headline_after_label(rest: str) -> bool:
    """What follows a teaser label: another page's headline or a photo's
    credit, no sentence (it does not end with a full stop, and holds no
    sentence break)."""
    rest = rest.strip().rstrip(")]").strip()
    return (0 < _word_count(rest) <= 20 and not rest.endswith(".")
            and not _SENTENCE_BREAK_RE.search(rest) and not any(q in rest for q in "\"“”")) or (
        bool(rest) and _credit_only(rest.split()))


def _credit_only(tokens: list[str]) -> bool:
    text = " ".join(tokens)
    return bool(tokens) and ("/" in text or all(t.casefold() in _AGENCY_WORDS for t in tokens))


def is_furniture_paragraph(paragraph: str) -> bool:
    """A paragraph that is the page talking about itself, not the article:
    an ad label ("Advertisement", "AD"), a marker of where the text goes on
    ("Story continued below"), a prompt to sign up, click, download the app or
    follow the site ("Sign up for daily newsletters", "Click here to get the
    Lakeside app", "Follow @lakeside"), a share bar, a figure's controls with
    its credit ("Enlarge this image toggle caption Jan Orlo/AP") or a
    content-management placeholder ("[image]"), or a link to another page
    under its label ("Related: <its headline>", "Photos: ...", "Read or share
    this story: <address>").

    The test is the paragraph's shape, not a list of lines: at most twelve
    words, no quotation, and every word one of the page's own words (share,
    click, app, newsletter, below...), a word that only joins them (the, for,
    our...) or one name (the site's: one run of up to three capitalised words,
    or an @handle). It needs two different page words, or a control verb to
    open it ("Click ..."): "Follow the Money", "Lawsuit to continue" or
    "Tap, tap, tap." are the article's. A figure's controls may end with the
    photo's credit. A labelled link may run to twenty words; its label is
    furniture of its own or one of a link's words ("Photos", "Watch"), and
    what follows holds no sentence ("Watch: the council has until June to
    decide." is the article's). Shared by the pasted-page, archive-export and
    HTML loaders."""
    s = paragraph.strip()
    if len(s) > 200 or len(s.split()) > 20:
        return False
    if s[:1] == "[" and (m := _PLACEHOLDER_RE.fullmatch(s)):
        return m.group("w") in _PAGE_WORDS  # "[image]"; a transcript's "[applause]" stays
    if any(q in s for q in "\"“”«»„") or ("(@" in s and _EMBEDDED_POST_RE.search(s)):
        return False  # a quotation, or a post the article embeds: the source's words
    if not any(w.strip(_CUE_STRIP).casefold() in _CUE_WORDS for w in s.replace(":", " ").split()):
        return False  # no page word at all: the common case, decided at once
    norm = _normalise(s)
    tokens = norm.split()
    if not tokens:
        return False
    label, colon, rest = s.partition(":")
    if colon and rest.strip() and _teaser_label(label) and _headline_after_label(rest):
        return True  # "Related: <another story's headline>", "Photo: Jan Orlo/AP"
    if len(tokens) > 12:
        return False
    if _is_nav_words(norm) or norm in _END_MARKERS:
        return True  # "Advertisement", "Share", "Read more:", "More on this..."
    raw = _BULLET_RE.sub("", s).split()
    page: set[str] = set()
    names = runs = 0
    in_name = False
    for k, (tok, orig) in enumerate(zip(tokens, raw)):
        word = tok.strip(".,;:!?()[]…'’").removesuffix("'s").removesuffix("’s")
        if word in _GLUE_WORDS or _NUMBER_RE.fullmatch(word):
            in_name = False
        elif word in _PAGE_WORDS or (word.startswith("@") and len(word) > 2) or _WEB_ADDRESS_RE.fullmatch(word):
            page.add(word)
            in_name = False
        elif not orig[:1].isupper():
            return False
        elif len(page) >= 2 and tokens[0].strip(":") in _FIGURE_WORDS and _credit_only(raw[k:]):
            return True  # a figure's controls, then the photo's credit
        else:
            names += 1
            runs += not in_name
            in_name = True
            if runs > 1 or names > 3:
                return False
    return len(page) >= 2 or tokens[0].strip(".,;:!?") in _CONTROL_VERBS


def _starts_with_phrase(norm: str, phrases: tuple[str, ...]) -> bool:
    for p in phrases:
        if norm == p or (norm.startswith(p) and not norm[len(p) : len(p) + 1].isalnum()):
            return True
    return False


def _classify(units: list[_Unit]) -> None:
    counts: dict[str, int] = {}
    for u in units:
        m = _DATE_PREFIX_RE.match(u.text)
        if m and m.end() < len(u.text):
            rest = u.text[m.end() :]
            if any(ch.isalpha() for ch in rest) and not rest[:1].islower():
                found = find_date(m.group("date"))
                if found is not None and "\n" not in u.text[: m.end()]:
                    u.prefix_date = found[0]
                    u.start += m.end()
                    u.text = rest
        u.bullet = bool(_BULLET_RE.match(u.text))
        u.norm = _normalise(u.text)
        u.words = _word_count(u.text)
        counts[u.norm] = counts.get(u.norm, 0) + 1

    for u in units:
        u.kind = _kind(u, counts.get(u.norm, 0))
    _mark_captions(units)
    _mark_glued_teasers(units)
    _mark_form_pitches(units)


def _mark_form_pitches(units: list[_Unit]) -> None:
    """Mark a newsletter's pitch (:func:`sign_up_line`: "Let our news meet
    your inbox.") right above its form (the button's line, "Sign Up", or the
    bot check's notice). A sign-up form set inside an article leaves its
    pitch between two of the article's paragraphs, shaped like one of them."""
    for i, u in enumerate(units[:-1]):
        if u.kind not in ("prose", "short"):
            continue
        nxt = units[i + 1]
        form = nxt.kind == "nav" and (nxt.norm.strip(" .!") in _FORM_BUTTONS
                                      or _FORM_NOTICE_RE.search(nxt.text) is not None)
        if form and sign_up_line(u.text):
            u.kind = "nav"


#: Where a link's headline runs into its teaser, copied with no space between
#: them: "... Over Bay AreaSkies darkened ...", "... Dies At 53Former ...".
_TEASER_GLUE_RE = re.compile(r"(?<=[a-zß-öø-ÿа-яё0-9])(?=[A-ZÀ-ÖØ-ÞА-ЯЁ][a-zß-öø-ÿа-яё])")


def _glued_headline(u: _Unit, page: str) -> bool:
    """A paragraph that opens with another story's headline run into its
    teaser: two to twenty words with no sentence end, then a word glued to
    the next one's capital, 30 characters or more of teaser after it. A
    brand in camel case ("LibreOffice", "McConnell") is printed again on the
    page; a glued pair once only (in one teaser, which may be repeated: ``page``
    holds each line's text once)."""
    m = _TEASER_GLUE_RE.search(u.text[:200])
    if m is None or len(u.text) - m.start() < 30:
        return False
    head = u.text[: m.start()]
    if not 2 <= len(head.split()) <= 20 or _SENTENCE_BREAK_RE.search(head) or _ends_sentence(head):
        return False
    end = u.text.find(" ", m.start())
    token = u.text[head.rfind(" ") + 1 : end if end >= 0 else len(u.text)].strip(".,;:!?()\"'")
    return page.count(token) == 1


def _mark_glued_teasers(units: list[_Unit]) -> None:
    """Mark a list of teasers copied as paragraphs: three paragraphs or more
    in a row (a line or two of another kind between them, no other
    paragraph) that each open with a headline glued to its teaser ("...
    General ElectionThe team announced ..."). One such paragraph alone may be
    the article's (a name, a brand, a link inside a sentence); three in a
    row are a box of links to other stories, not the article."""
    page = "\n".join(dict.fromkeys(u.text for u in units))
    chains: list[list[int]] = [[]]
    for i, u in enumerate(units):
        if u.kind == "prose" and _glued_headline(u, page):
            chains[-1].append(i)
        elif u.kind == "prose" or (chains[-1] and i - chains[-1][-1] > 2):
            chains.append([])
    for chain in chains:
        if len(chain) >= 3:
            for k in chain:
                units[k].kind = "nav"


def _mark_captions(units: list[_Unit]) -> None:
    """Mark figure captions: text under an image file name, or ending in a photo credit.

    A caption is short and one sentence. Under an image name it counts when the
    article's dateline paragraph follows it (otherwise it may be the opening
    paragraph itself), or when it carries a credit; a credited caption also
    counts on its own, anywhere.
    """
    for i, u in enumerate(units):
        if u.kind not in ("prose", "short"):
            continue
        lead = _leading_image_name(u.text)
        s = u.text[lead:].strip() if lead else u.text
        if not _caption_shape(s):
            continue
        credited = bool(_CREDIT_RE.search(s))
        after_image = bool(lead) or (i > 0 and _is_image_line(units[i - 1].text))
        # The next paragraph, past a credit or share line of the figure.
        nxt = next((v for v in units[i + 1 : i + 4] if v.kind not in ("nav", "caption")), None)
        before_dateline = (
            nxt is not None and nxt.kind == "prose" and _DATELINE_RE.match(nxt.text) is not None
        )
        if credited or (after_image and before_dateline):
            u.kind = "caption"


def _kind(u: _Unit, repeats: int) -> str:
    s, norm, words = u.text, u.norm, u.words
    if _RELATIVE_TIME_RE.match(norm) and words <= 6:
        return "time"
    if words <= 6 and norm in _END_MARKERS:
        return "stop"
    if words <= 40 and _COMMENTS_ON_RE.match(s):
        return "stop"  # the comments under a post, headed with its title in quotes
    if _LICENCE_RE.search(s) and words <= 60:
        return "stop"
    if _byline_from(_BULLET_RE.sub("", s)) is not None:
        return "meta"
    if words <= 16 and (not _ends_sentence(s) or _AM_PM_END_RE.search(s)) and _is_date_line(s):
        return "meta"  # "Posted: May 3, 2020 at 9:06 a.m." ends in a time, not a sentence
    if words <= 8 and _is_time_line(s):
        return "meta"  # "Last updated: 6:02pm"
    if words <= 8 and (_has_image_name(s) or _FOOTER_RE.search(s)):
        return "nav"
    if words <= 30 and _FORM_NOTICE_RE.search(s):
        return "nav"  # "This site is protected by reCAPTCHA and the Google Privacy Policy ..."
    if _is_nav_words(norm) or (words <= 20 and _starts_with_phrase(norm, _NAV_PREFIXES)):
        return "nav"
    if _ELLIPSIS_END_RE.search(s) and not _SENTENCE_BREAK_RE.search(s):
        return "nav"  # a truncated teaser
    if len(s) <= 600 and _REPEATED_RE.fullmatch(s):
        return "nav"  # a link card's headline two or three times over (its picture's, its own, its link's)
    if len(_LIST_SEP_RE.findall(s)) >= 2 and words <= 20:
        return "nav"  # a link list or language picker
    if words <= 20 and is_furniture_paragraph(s):
        return "nav"  # "Story continued below", "Click here to get the app"
    if _name_list(s) or _glued_links(s) or _alphabetical(s):
        return "nav"  # readers' names under "Kudos", a list of tags, links run together
    prose = _looks_prose(s)
    if u.bullet:
        return "prose" if prose and words >= 12 else "nav"
    if prose:
        return "prose"
    if words <= 2 and not _ends_sentence(s):
        return "nav"
    if repeats > 1 or not any(ch.isalpha() for ch in s):
        return "nav"
    if norm.endswith(("hours ago", "minutes ago", "days ago")):
        return "time"
    return "short"


# --------------------------------------------------------------------------
# Finding the article

_MAX_GAP = 4


_NICK_MARKS = "()\"“”‘’"


def _is_name_line(u: _Unit) -> bool:
    s = u.text
    words = s.split()
    if not 1 <= len(words) <= 5 or _ends_sentence(s) or any(ch.isdigit() for ch in s):
        return False
    return all(w.strip(_NICK_MARKS)[:1].isupper() or w.lower() in _NAME_PARTICLES for w in words)


def _bare_word(w: str) -> str:
    w = w.casefold().strip("\"'“”‘’(),.:;")
    for suffix in ("’s", "'s"):
        if w.endswith(suffix):
            w = w[: -len(suffix)]
    return w


def _is_author_box(name: _Unit, bio: _Unit, after: _Unit | None) -> bool:
    """A name (or desk) line, then a paragraph about that person or desk, then no more article.

    The paragraph says who they are ("... is a correspondent", "... covers
    politics") and names them near its start ("Mira Castell is ...", "The
    Standard's news desk in Kesh covers ...") or gives a contact address.
    """
    if bio.kind != "prose" or not _is_name_line(name):
        return False
    if after is not None and after.kind == "prose":
        return False
    if not _BIO_VERB_RE.search(bio.text):
        return False
    names = [_bare_word(w) for w in name.text.split() if w.casefold() not in _NAME_PARTICLES]
    head = [_bare_word(w) for w in bio.text.split()[:8]]
    named = names[0] in head[:4] or any(len(w) >= 3 and w in head for w in names[1:])
    contact = bool(_CONTACT_RE.search(bio.text))
    return (named or contact) and (contact or bool(_BIO_WORDS.search(bio.text[:300])))


def _segments(units: list[_Unit]) -> list[tuple[list[int], int]]:
    """Runs of prose with the indices of the units they keep, and a score."""
    runs: list[tuple[list[int], int]] = []
    stops: list[tuple[int, int]] = []  # (index of the run a marker closed, marker unit)
    current: list[int] = []
    pending: list[int] = []
    gap = 0
    score = 0

    def close() -> None:
        nonlocal current, pending, gap, score
        if current:
            runs.append((current, score))
        current, pending, gap, score = [], [], 0, 0

    n = len(units)
    for i, u in enumerate(units):
        kind = u.kind
        if kind == "prose":
            if current:
                current.extend(k for k in pending if units[k].kind == "short")
            current.append(i)
            score += len(u.text)
            pending, gap = [], 0
            continue
        if not current:
            continue
        nxt = units[i + 1] if i + 1 < n else None
        if kind in ("short", "nav", "meta") and nxt is not None and _is_author_box(
            u, nxt, units[i + 2] if i + 2 < n else None
        ):
            close()
            continue
        if kind == "time":
            # A teaser list: its title (and snippet) may already sit at the run's end.
            if len(current) >= 3 and units[current[-2]].kind == "short":
                score -= len(units[current[-1]].text)
                current = current[:-2]
            close()
            continue
        if kind == "stop":
            stops.append((len(runs), i))
            close()
            continue
        # A list inside the article (tour dates, a table's rows) is many short
        # lines of one shape: they weigh little against the gap.
        gap += 0 if kind == "short" and _list_item_run(units, i) and len(pending) < 80 else 1
        pending.append(i)
        if gap > _MAX_GAP:
            close()
    close()
    return _join_inline(units, _join_figures(units, _join_boxes(units, runs, stops)))


def _shape(u: _Unit) -> tuple[bool, bool]:
    t = u.text
    return (t[:1].isdigit() or bool(re.match(MONTH_WORD, t, re.IGNORECASE)), "–" in t or " - " in t or "@" in t)


def _list_item_run(units: list[_Unit], i: int) -> bool:
    """True when the short line ``i`` sits among lines of the same shape: a list."""
    me = _shape(units[i])
    same = sum(1 for j in (i - 2, i - 1, i + 1, i + 2)
               if 0 <= j < len(units) and units[j].kind in ("short", "prose") and _shape(units[j]) == me)
    return same >= 2 and (me[0] or me[1])


def _join_boxes(units: list[_Unit], runs: list[tuple[list[int], int]],
                stops: list[tuple[int, int]]) -> list[tuple[list[int], int]]:
    """Join the article around a "Related" / "Recommended" box inside it.

    A run closed by such a marker (not by the site's copyright notice, which
    ends the page) is joined to the next run (not a thread of comments) when that run
    starts within a few lines of the marker and goes on as article prose (two
    or more long paragraphs); the teaser lines between are dropped, and the
    teasers at the head of the next run too when they are short.
    """
    if not stops:
        return runs
    closed_by = dict(stops)  # run index → the marker that closed it
    out: list[tuple[list[int], int]] = []
    for index, (idx, score) in enumerate(runs):
        stop = closed_by.get(index - 1)
        if (out and stop is not None and idx and 0 < idx[0] - stop <= 12
                and not _site_notice(units[stop]) and not _comment_thread(units, idx)):
            long_paras = [k for k in idx if units[k].kind == "prose" and units[k].words >= 25]
            prev = out[-1][0]
            prev_paras = [k for k in prev if units[k].kind == "prose" and units[k].words >= 30]
            # (Tabloids set the box under the article's first paragraph: one long
            # paragraph above it will do when the article goes on at length below.)
            # Or the article's opening paragraphs right under its byline or date line.
            prose = [k for k in prev if units[k].kind == "prose"]
            under_meta = any(units[j].kind == "meta" for j in range(max(0, prev[0] - 3), prev[0]))
            opening = len(long_paras) >= 3 and (
                len(prev_paras) == 1 and units[prev_paras[0]].words >= 50
                or under_meta and len(prose) <= 3 and sum(units[k].words for k in prose) >= 30)
            if (len(long_paras) >= 2 and sum(units[k].words for k in long_paras) >= 80
                    and (len(prev_paras) >= 2 or opening) and prev[-1] < stop):
                # Drop teasers (no long paragraph yet) at the head of the joined run.
                first_long = long_paras[0]
                body = [k for k in idx if k >= first_long or units[k].words >= 40]
                out[-1] = (prev + body, out[-1][1] + sum(len(units[k].text) for k in body))
                continue
        out.append((idx, score))
    return out


#: Characters of code and markup: braces, brackets, semicolons, operators.
_CODE_RE = re.compile(r"[{}\[\];=<>]|\w\(|\(\)")


def _is_data_line(u: _Unit) -> bool:
    """A line of a chart, table or code block printed inside an article.

    Copied text keeps a figure's axis labels and values ("’21", "13.0%"), a
    table's rows (cells separated by tabs) and a code listing line by line:
    lines mostly of digits and signs, or of code's punctuation. Menus and
    teasers are words, so they are not data lines.
    """
    if u.kind not in ("nav", "short"):
        return False
    s = u.text
    if s.count("\t") >= 2:
        return True
    if _letters(s) < 0.5 * (len(s) - sum(map(str.isspace, s))):  # letters among the other characters
        return True
    return bool(_CODE_RE.search(s))


def _article_run(units: list[_Unit], idx: list[int]) -> bool:
    return any(units[k].kind == "prose" and units[k].words >= 20 for k in idx)


def _join_figures(units: list[_Unit], runs: list[tuple[list[int], int]]) -> list[tuple[list[int], int]]:
    """Join the article around a chart, table or code block inside it.

    Such a block is many short lines, so it ends a run of prose like a menu
    would, and the article falls in two; the half after the block may then
    outweigh the half with the headline above it. Two runs of article prose
    are joined when everything between them is the block: no end-of-article
    marker, no time stamp, and at least 60% data lines (the rest its title,
    axis words and credit line, of 12 words or fewer, or a sentence that
    announces the block with a colon). The block's lines are not kept as body.
    """
    out: list[tuple[list[int], int]] = []
    for idx, score in runs:
        if out and idx and out[-1][0]:
            prev = out[-1][0]
            gap = units[prev[-1] + 1 : idx[0]]
            is_data = [_is_data_line(u) for u in gap]
            data = sum(is_data)
            words = [u for u, d in zip(gap, is_data) if not d and u.kind != "meta"]
            if (gap and data >= 3 and data >= 0.6 * (data + len(words))
                    and not any(u.kind in ("stop", "time") for u in gap)
                    and all(u.words <= 12 or _lead_in(u) for u in words)
                    and _article_run(units, prev) and _article_run(units, idx)):
                out[-1] = (prev + idx, out[-1][1] + score)
                continue
        out.append((idx, score))
    return out


def _long_prose(units: list[_Unit], idx: list[int]) -> bool:
    """Two paragraphs or more of article length, 80 words or more between them."""
    long_paras = [units[k].words for k in idx if units[k].kind == "prose" and units[k].words >= 25]
    return len(long_paras) >= 2 and sum(long_paras) >= 80


def _lead_in(u: _Unit) -> bool:
    """A sentence of the article announcing a list, table or code block:
    "The rankings were as follows:", "Submitting a form looks like this:"."""
    t = u.text.rstrip()
    return t.endswith(":") and u.kind in ("prose", "short") and u.words >= 3 and not t[:1].islower()


def _above(units: list[_Unit], i: int) -> _Unit | None:
    """The line above unit ``i``, past a photo's caption or file name."""
    i -= 1
    while i >= 0 and (units[i].kind == "caption" or _is_image_line(units[i].text)):
        i -= 1
    return units[i] if i >= 0 else None


def _story_date(u: _Unit | None) -> bool:
    """A date or time printed on its own line as a story's head ("5:28 p.m.",
    "March 3, 2021"), not a table's row (cells between tabs or bars), a
    chart's numbers or a fragment of a reference list (". 24 August 2021.")."""
    return (u is not None and _dated(u) and not re.search(r"[\t│|]", u.text)
            and u.text[:1].isalnum() and _letters(u.text) >= 2)


#: A short line naming the comments ("View comments (27)", "Reply", "Post a
#: comment"): the article has ended. (A table's column "Comment" is no such line.)
_COMMENT_WORDS_RE = re.compile(r"\b(?i:comments|replies|reply|(?:a|your) comment)\b")
#: The heading of a blog's comments, which quotes the post's title: "5 thoughts on
#: “Title”", "One reply on ...", "2 Gedanken zu „Title“", "6 Kommentare zu ...",
#: "3 réponses à « Title »", "4 comentarios en “Title”".
_COMMENTS_ON_RE = re.compile(
    r"^(?:\d+|one|ein|eine|un|une|uno|una)\s+"
    r"(?i:thoughts?|responses?|repl(?:y|ies)|comments?|gedanken?|kommentare?|antwort(?:en)?|reaktion(?:en)?"
    r"|réponses?|commentaires?|respuestas?|comentarios?|commenti|risposte|reacties)"
    r"\s+(?i:on|to|zu|auf|sur|à|a|en|em|su|para|op)\s+[„“\"«‘'‚]",
    re.IGNORECASE,
)


#: The labels of a box of links to other stories: an end marker after the
#: article, but also set inside it.
_RELATED_LABELS = frozenset(("read more", "related", "related articles", "related stories", "related news",
                             "read also", "also read", "see also"))


def _join_inline(units: list[_Unit], runs: list[tuple[list[int], int]]) -> list[tuple[list[int], int]]:
    """Join the article around a box set inside it with no marker to say so.

    A photo gallery's controls and captions' buttons ("1 of 12", "Full
    screen", "View photos"), share buttons, a "More about" box of two or three
    teasers, or a list, table or code block that a sentence of the article
    announces with a colon: short lines only, so the article falls in two and
    the half under the headline may lose to the other. Two runs of article
    prose (two long paragraphs or more each) are joined across a gap of at
    most 16 lines holding four headline-like lines at most (a longer list of
    other stories ends the article: "More Great Stories" and six headlines),
    or of at most 60 lines after or before a sentence of the article that
    announces with a colon what comes ("... as follows:", "Here are the
    highlights:"), when nothing between ends the article: no end-of-article
    marker, time stamp or comment form, no byline (the next story's head,
    which may also open the second run under a headline read as a
    sentence), and the second run is not comments, an imprint or a list of
    teasers, and neither opens with a dateline nor sits right under a date
    line (past a photo): a new story; nor repeats a paragraph of the first
    (a page that prints the article twice). After a sentence announcing what
    comes, the second run needs only one paragraph of 20 words or more (the
    article's last, or prose cells of a table). The gap's lines are not kept
    as body.
    """
    out: list[tuple[list[int], int]] = []
    for idx, score in runs:
        if out and idx and out[-1][0]:
            prev = out[-1][0]
            gap = units[prev[-1] + 1 : idx[0]]
            # A sentence of the article announcing the block, or what follows it.
            lead_in = _lead_in(units[prev[-1]]) or any(_lead_in(u) for u in gap[:1] + gap[-3:])
            # The gap and the second run's head, down to its first long paragraph.
            head = units[prev[-1] + 1 : next((k for k in idx if units[k].words >= 25), idx[-1])]
            teasers = sum(1 for u in gap if u.kind in ("short", "nav") and u.words >= 4 and not _ends_sentence(u.text)
                          and not _is_data_line(u))
            # A box of one or two links to other stories set inside the article ("Read More",
            # "Related Articles", a headline; a photo's caption beside it) does not end it.
            boxed = [u for u in gap if u.kind != "stop"]
            related_box = (len(gap) <= 8 and len(boxed) <= 6 and len(boxed) < len(gap)
                           and all(u.norm in _RELATED_LABELS for u in gap if u.kind == "stop")
                           and all(u.words <= 20 and not _ends_sentence(u.text) or u.kind == "caption" for u in boxed))
            if (gap and len(gap) <= (60 if lead_in else 16) and (lead_in or teasers <= 4)
                    and not any(u.kind == "time" or u.kind == "stop" and not related_box
                                or _byline_from(_BULLET_RE.sub("", u.text)) is not None
                                or (u.words <= 5 and _COMMENT_WORDS_RE.search(u.text)) for u in head)
                    and _long_prose(units, prev) and (_long_prose(units, idx) or (lead_in or related_box) and _article_run(units, idx))
                    and not {units[k].norm for k in prev} & {units[k].norm for k in idx if units[k].kind == "prose"}
                    and not _DATELINE_RE.match(units[idx[0]].text) and not _story_date(_above(units, idx[0]))
                    and not (_comment_thread(units, idx) or _imprint(units, idx) or _teaser_list(units, idx))):
                out[-1] = (prev + idx, out[-1][1] + score)
                continue
        out.append((idx, score))
    return out


def _title_candidate(u: _Unit) -> bool:
    if u.bullet or u.kind in ("stop", "time", "meta", "caption"):
        return False
    s = u.text
    if not 3 <= u.words <= 30 or len(s) > 250:
        return False
    if s.rstrip(_CLOSERS).endswith((".", ",", ";", ":")) and not s.rstrip(_CLOSERS).endswith("..."):
        return False
    if _has_image_name(s) or _SENTENCE_BREAK_RE.search(s) or _is_dateish(s) or _is_time_line(s):
        return False
    if len(_LIST_SEP_RE.findall(s)) >= 2 or _is_nav_words(u.norm) or _CRUMB_SEP_RE.match(s):
        return False
    if _CREDIT_RE.match(s) or _NAME_CREDIT_RE.match(s) or _CREDIT_LABEL_RE.match(s):  # "Photograph by ...", "Text: ..."
        return False
    if _other_by_names(s.strip()) is not None or _NEWSROOM_RE.match(s):  # "Von Ana Lee mit AP", "Redaktion ..."
        return False
    if _link_row(s) or _toolbar_row(s):
        return False
    if _is_data_line(u):  # a line of code or of a table
        return False
    if next((ch for ch in s if ch.isalpha()), "a").islower():
        return False  # a headline opens with a capital (scripts without case pass)
    if _starts_with_phrase(u.norm, _NAV_PREFIXES):
        return False
    return _letters(s) >= 0.5 * len(s)


def _opening_headline(units: list[_Unit], keep: list[int]) -> bool:
    """Is the kept run's first unit shaped as a headline over the article:
    one sentence of 3-20 words with no closing full stop, comma or colon
    (a question or an exclamation may close it), that opens with a capital
    and holds no date or table cells, over 60 words of the article's
    paragraphs that repeat 40% of its content words or more? (A headline
    names what the story is about; a promotion's or a notice's line over a
    page's text shares few of its words.)"""
    if len(keep) < 2:
        return False
    u = units[keep[0]]
    if u.kind not in ("prose", "short") or u.bullet or not 3 <= u.words <= 20 or _real_sentence_break(u.text):
        return False
    t = u.text.rstrip(_CLOSERS + "）")
    if re.search(r"[!?][\"'”’)\]]*\s+\S|[。！？]\S", t):
        return False  # two sentences or more: "Is it a cover-up? Vote here", "... 18張。（資料照）"
    if t.endswith((",", ";", ":", ".", "…")) or "\t" in t or _meta_like(u) or _is_data_line(u) or find_date(t):
        return False
    if next((ch for ch in t if ch.isalpha()), "a").islower() or _letters(t) < 0.5 * len(t):
        return False
    if sum(units[k].words for k in keep[1:] if units[k].kind == "prose") < 60:
        return False
    return _echo(t, _lead_words(units, keep[1:])) >= 0.4


def _headline_like(u: _Unit) -> bool:
    """A prose-looking first unit that is really a headline (a question, say)."""
    t = u.text.rstrip(_CLOSERS)
    return (
        u.words <= 20
        and not t.endswith((".", ",", ";", ":", "…"))
        and not _SENTENCE_BREAK_RE.search(u.text)
    )


# --------------------------------------------------------------------------
# The outlet, from the page's own words

#: A name as pages print it: "The Hill", "WIRED", "Fox Business", "Phys.org",
#: "Barron's", "cleveland.com".
_CAPITAL = "A-ZÀ-ÖØ-ÞΑ-ΩА-ЯЁ"
_NAME = (
    r"(?:[Tt]he[ \t]+)?(?:[" + _CAPITAL + r"][\w'’&.\-]*[\w]|[a-z][\w\-]*\.(?:com|org|net|co\.uk|ca|info))"
    r"(?:[ \t]+(?:[" + _CAPITAL + r"][\w'’&.\-]*[\w'’]|of|&|on|de|da|do|del|di|du))" r"{0,3}"
)
#: "© 2019 Name", "Copyright © 2000- Name", "© 2020, Name", "© 2001 - 2020 «Name»".
_COPYRIGHT_RE = re.compile(
    r"(?:^(?P<before>" + _NAME + r")[®™]?\s+)?(?:©|\(c\)|copyright\b)\s*(?:©\s*)?(?:copyright\s*)?"
    r"(?:(?:19|20)\d\d(?:\s*[-–—]\s*(?:(?:19|20)\d\d)?)?(?:\.(?=\s))?[\s,\-–—|«\"“]*)?(?:provided by\s+)?"
    r"(?P<after>" + _NAME + r")?",
    re.IGNORECASE,
)
#: "All rights reserved" in English, Spanish, Portuguese, French, German,
#: Italian, Dutch, Danish and Norwegian, Swedish, Polish, Czech, Hungarian,
#: Turkish, Serbo-Croatian, Russian, Bulgarian, Ukrainian, Romanian,
#: Lithuanian, Finnish and Slovak: never part of a name.
_RIGHTS_RESERVED = (
    r"all rights reserved|todos los derechos reservados|todos os direitos reservados"
    r"|tous droits réservés|alle rechte vorbehalten|tutti i diritti riservati|alle rechten voorbehouden"
    r"|alle rettigheder forbeholdes|alle rettigheter reservert|alla rättigheter förbehållna"
    r"|wszelkie prawa zastrzeżone|všechna práva vyhrazena|minden jog fenntartva|tüm hakları saklıdır"
    r"|sva prava zadržana|все права защищены|всички права запазени|всі права захищені"
    r"|toate drepturile rezervate|visos teisės saugomos|kaikki oikeudet pidätetään|všetky práva vyhradené"
)
_RIGHTS_RESERVED_RE = re.compile(r"(?:^|[\s,.;:|–—-]+)(?i:" + _RIGHTS_RESERVED + r")(?:[\s,.;:|–—-]+|$)")
#: "2019 Spacenews, Inc. All Rights Reserved", "2020 O Tempo. Todos os direitos
#: reservados.": a year, a name, the reservation.
_RESERVED_RE = re.compile(r"(?:^|\s)(?:19|20)\d\d\s+(?P<n>(?:[A-Z][ \t]+)?" + _NAME + r")[,.]?\s(?:.*\s)?(?:"
                          + _RIGHTS_RESERVED + r")\b", re.I)
#: Phrases that name the site: "Follow Billboard", "Subscribe to The Paradigm",
#: "More From WIRED", "a reporter for NBC News", "told The Hill".
_CUE_RE = re.compile(
    r"(?:\b(?:[Ff]ollow|[Ss]ubscribe to|[Ss]earch|[Ss]ign up for|^[Aa]bout|[Tt]alk to"
    r"|(?i:reporter|writer|editor|correspondent|contributor|columnist|producer)"
    r"\s+(?:for|at)|[Ww]ant more|[Tt]op stories from|[Dd]ownload the|[Aa]dvertise (?:with|on|in))\s+)"
    r"(?P<n>" + _NAME + r")"
    # "DOWNLOAD News18 APP": the site's own app.
    r"|\b(?i:download)\s+(?:the\s+)?(?P<app>" + _NAME + r")\s+(?i:app)\b"
)
#: The publisher's imprint in a footer: its name, then its street address
#: with a postal code ("The Tide Watch ~ 12 Harbour Rd., Portvale, ME 04999 ~ Privacy").
_IMPRINT_RE = re.compile(
    r"^(?P<n>" + _NAME + r")(?:\s+-\s+[^~|•·]{2,40}?)?\s*[~|•·]\s*\d{1,5}[A-Za-z]?\s+[^~|•·]{2,80}?"
    r"(?:\b[A-Z]{2}\s+\d{5}\b|\b\d{4,6}\b)"
)
#: What shows a copyright's holder to be a company, perhaps the owner of many
#: sites: a legal form, or a company's kind, among the words after its name
#: ("Bennett, Coleman & Co. Ltd.", "Cable News Network LP, LLLP", "TVN S.A.").
OWNER_FORM_RE = re.compile(
    r"(?:^|[\s,])(?:inc|llc|lllp|llp|lp|ltd|pty|limited|plc|gmbh|corp|corporation|company|co|s\.\s?a|sa|s\.\s?l"
    r"|ag|group|holdings|communications|media|medien|medier|mídia|comunicação|comunicaciones|editora"
    r"|verlag|broadcasting|broadcast|newspapers|publications|publishing|productions)\.?(?=$|[\s,.|])",
    re.IGNORECASE,
)
_PROFESSION_CUE_RE = re.compile(r"(?i:reporter|writer|editor|correspondent|contributor|columnist|producer)\s")
#: "the editor and publisher of X": the site itself.
#: A run of a name going on into a possessive: "M. Ford’s" after "John".
_POSSESSED_RE = re.compile(r"(?:[ \t]+[A-Z][\w.\-]*)*[’']s\b")
_PUBLISHER_RE = re.compile(r"\b(?:publisher|founder|editor-in-chief) of\s+(?P<n>" + _NAME + r")")
#: Weaker: "More from X" may name a section; "told X" a company, unless the clause ends there.
_WEAK_CUE_RE = re.compile(
    r"\b(?:[Mm]ore (?:[Ff]rom|on)\s+(?P<n>" + _NAME + r")"
    r"|(?:[Tt]old|[Tt]ells)\s+(?P<t>" + _NAME + r")(?=[.,;:\"”]|\s+(?:in|on|last|this|earlier)\b))"
)
#: A short line naming one of the site's own products or services by its
#: brand: "Tide Watch App", "KTWX Online Public File" (a US station's FCC
#: file), "TW Video", "Almera24 Live", "Tide Watch Jobs and Internships".
_BRAND_LINE_RE = re.compile(
    r"^(?P<n>(?:[Tt]he\s+)?[A-Z0-9][\w'’&.\-+]*?(?:\s+[A-Z][\w'’&.\-]*){0,2}?)[\s\-]+(?i:apps?|store|shop"
    r"|newsletters?|jobs|careers|live|tv|radio|podcasts?|videos?|membership|conference|events|e-?paper"
    r"|e-?edition|archives?|staff|pro|premium|deals|features|editorials|(?:online\s+)?public\s+file)"
    r"(?P<rest>(?:\s+[\w&’'\-]+){0,2})$"
)
#: "By Ana Ruiz, Tide Watch Staff", "By Ana Ruiz - Tide Watch Contributor": the
#: site's name before the writer's role on it.
_BYLINE_ROLE_RE = re.compile(
    r"^[Bb]y\s+[^|,]{3,60}?(?:\s*[|,]\s*|\s+[-–—]\s+)(?P<n>" + _NAME + r")\s+(?:Staff(?:\s+(?:Writer|Reporter))?"
    r"|Contributor|Contributing\s+Writer|Staff\s+Report)(?:\s*$|\s+(?=\d))"
)
#: (Not "By Ana Ruiz, Security Correspondent, Tide News": a beat, then the
#: site; so the role ends the line, or a date follows it.)
#: A footer sentence naming the site and the company behind it: "Tide Watch is
#: published by Tide Media Group", "Tide Watch is part of Tide Media, Inc.".
_PUBLISHED_BY_RE = re.compile(
    r"^(?P<n>" + _NAME + r")\s+is\s+(?:(?:published|owned|operated)\s+by|(?:a\s+)?part\s+of|a\s+(?:publication|brand|division)\s+of)"
    r"\s+(?P<o>" + _NAME + r")"
)
#: "The Tide Watch is a tide media network": a name said to be one of
#: something; it is the site when the rest names the copyright's holder.
_IS_ONE_OF_RE = re.compile(r"^(?P<n>" + _NAME + r")\s+is\s+(?:an?|one\s+of|part\s+of)\s+(?P<rest>.{3,80})$")
#: A name in quotes that a notice calls a trademark: '"Tide Watch" is a registered trademark'.
_TRADEMARK_RE = re.compile(r"[\"“«](?P<n>" + _NAME + r")[\"”»]\s+is\s+a\s+(?:registered\s+)?trademark\b")
#: What a notice may say its holder is: "..., a Tide Media Newspaper", "..., an Ocean Group company".
_APPOSITION_RE = re.compile(
    r",\s+an?\s+[^,.;:]{0,40}?\b(?i:newspapers?|paper|publication|magazine|website|company|station|network)\b")
#: A name a cue gives, then called one of the site's products: "Sign up for
#: Command Line, a paid weekly newsletter from ...".
_PRODUCT_APPOSITION_RE = re.compile(
    r",\s+(?:a|an|our)\s+[^,.;:]{0,30}?\b(?i:newsletters?|podcasts?|shows?|series|columns?|briefings?)\b")
#: "By Ana Ruiz | Special to the Tide Watch": a writer's piece for that paper.
_SPECIAL_TO_RE = re.compile(r"(?:^|[|,]\s*)[Ss]pecial\s+to\s+(?:[Tt]he\s+)?(?P<n>" + _NAME + r")\s*$")
#: A button's words broken over two lines: "Subscribe to the" / "Tide Watch newsletter!"
#: (not "Follow", a button of its own over the next line).
_CUE_END_RE = re.compile(r"(?:^|\s)(?:[Ss]ubscribe\s+to|[Ss]ign\s+up\s+for)(?:\s+the)?$")
_BYLINE_OUTLET_RE = re.compile(r"^[Bb]y\s+[^|,]{3,60}?(?:\s*\|\s*|,\s+)(?P<n>" + _NAME + r")\s*$")
_LEGAL_RE = re.compile(
    r"(?:[\s,]+(?:inc|llc|ltd|pty|limited|plc|gmbh|corp|corporation|company|co|group|holdings"
    r"|communications?|media|network|newspapers|publications|publishing|all|rights|reserved|alle|the)\.?)+$",
    re.IGNORECASE,
)
_GENERIC = frozenset("""
    the us our this that all home news more share email print search menu subscribe newsletter
    newsletters privacy terms cookie cookies policy contact about advertise sign log in account
    comments comment read here click apps app today daily weekly sponsored video videos photos
    follow followed following twitter facebook instagram youtube linkedin google apple amazon
    microsoft it you copyright reserved rights
    go ok submit form forms preferences settings rss feed feeds ads ad login register author authors
    articles buy now next previous close open view query site followers subscribers necessary non-necessary
    advertisement advertising blog blogs
""".split()) | frozenset(
    # The same interface words in other languages, as pages print them alone on
    # a line: "advertisement" (es, pt, fr, it, de, pl, nl, ru), "search", "log
    # in" / "sign up", "home", "menu".
    """publicidad publicidade publicité pubblicità anzeige werbung reklama advertentie реклама
    buscar pesquisar rechercher recherche cerca suche suchen szukaj zoeken поиск
    anmelden connexion connecter s'inscrire inscrire iniciar entrar accedi zaloguj войти
    inicio início accueil startseite главная menú menü меню""".split())


def outlet_key(name: str) -> str:
    """An outlet's name for comparing: case-folded, without a leading "The",
    a ".com"-like ending or punctuation ("TheHill.com" and "The Hill" agree)."""
    k = name.casefold()
    k = re.sub(r"\.(?:com|org|net|co\.uk|ca|info)$", "", k)
    k = re.sub(r"[^\w]", "", k)
    return k[3:] if k.startswith("the") and len(k) > 6 else k


def _masthead_and_footer(key: str, units: list[_Unit], lines_of: dict[str, list[int]]) -> bool:
    """True when name ``key`` is printed as a line of its own both at the top
    of the page (within its first three lines) and again in the footer (the
    last three lines, or within four lines of the copyright notice), and its copies are not the items of a menu printed twice (a menu
    repeats the item's neighbours with it). ``lines_of``: the short lines'
    indices by their :func:`outlet_key`."""
    n = len(units)
    at = lines_of.get(key, [])
    if len(at) < 2 or at[0] >= 3:
        return False
    def by_the_notice(i: int) -> bool:
        return any(_LICENCE_RE.search(units[j].text) or _RIGHTS_RESERVED_RE.search(units[j].text)
                   for j in range(max(0, i - 4), min(n, i + 5)))

    if not any(i >= n - 3 or by_the_notice(i) for i in at[1:]):
        return False
    before = [units[i - 1].text.strip() for i in at if i > 0]
    after = [units[i + 1].text.strip() for i in at if i + 1 < n]
    return len(set(before)) == len(before) and len(set(after)) == len(after)


_DOMAIN_LINE_RE = re.compile(r"(?:www\.)?[A-Za-z][\w\-]*\.(?:com|org|net|co\.uk|ca|info|news|in|com\.au)")
#: Any domain, with a country's ending too: "MK.RU", "Novinky.cz", "yle.fi".
_ANY_DOMAIN_RE = re.compile(r"(?:www\.)?[A-Za-z0-9][\w\-]*(?:\.[A-Za-z0-9][\w\-]*)*\.[A-Za-z]{2,6}")
#: Endings of file names, which look like domains: "clip.MOV.doc", "report.pdf".
_FILE_ENDINGS = _IMAGE_EXTENSIONS + (
    ".pdf", ".doc", ".docx", ".mp3", ".mp4", ".mov", ".html", ".htm", ".js", ".zip")
_LEGAL_WORD_RE = re.compile(r"[\s,]+(?:inc|llc|ltd|pty|plc|gmbh|corp)\b.*$", re.IGNORECASE)


#: A name does not open with a preposition or conjunction: "Search For Life
#: Skywatching" is a menu, not the site "For Life Skywatching"; "Follow Us On"
#: is a button; "Designed by ..." / "Powered by ..." credits the web designer.
_NOT_NAME_START = frozenset("""for to in of and or with from at by on as if into about us
    designed powered developed created made hosted diseñado desarrollado desenvolvido réalisé""".split())


#: What closes a name but is not part of it: a connector left by the name's
#: pattern ("Follow Chicago Sun-Times on", "Dow Jones & Company"), the word
#: "Copyright" run into the name ("Breaking Soup Copyright ©").
_NAME_TAIL_RE = re.compile(r"\s+(?:of|on|&|de|da|do|del|di|du)$|\s*(?i:copyright)$")
#: A possessive before a noun in running text: "GitLab's blog" names GitLab
#: ("Barron's" alone on a line keeps its "'s").
_POSSESSIVE_RE = re.compile(r"['’]s$")


def _clean_outlet(name: str) -> str | None:
    name = _RIGHTS_RESERVED_RE.sub(" ", name).strip()
    name = _LEGAL_WORD_RE.sub("", name.strip(" .,;:-–—|'\""))
    name = _NAME_TAIL_RE.sub("", name)
    prev = None
    while prev != name:
        prev = name
        name = _NAME_TAIL_RE.sub("", _LEGAL_RE.sub("", name).strip(" .,;:-–—|"))
    words = name.split()
    if not words or len(words) > 4 or words[0].casefold() in _NOT_NAME_START:
        return None
    if all(w.casefold().strip(".") in _GENERIC for w in words if any(ch.isalpha() for ch in w)):
        return None
    if not any(ch.isalpha() for ch in name) or len(outlet_key(name)) < 2:
        return None
    return name


#: A name's last word run into an outlet label with two or more capitals:
#: "GarberFOXBusiness", "SmithCNBC".
_GLUED_OUTLET_RE = re.compile(r"(?<=[a-z])(?P<tail>[A-Z][A-Za-z]*[A-Z][A-Za-z]*)$")
#: A staff address: "tmalik@space.com", "tips@thehill.com".
_EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]+@(?:www\.)?(?P<d>[a-z][\w\-]*\.(?:com|org|net|co\.uk|ca|info))\b",
                       re.IGNORECASE)


def copyright_holder(line: str) -> str | None:
    """The name a dated copyright notice gives: "©2005-2015 WebMD, LLC. All
    rights reserved." → "WebMD". A notice without a year ("© Jan Orlo") credits
    a photo, not a site: None."""
    if not re.search(r"(?:19|20)\d\d", line):
        return None
    m = _COPYRIGHT_RE.search(line)
    if not m:
        return None
    return _clean_outlet(m.group("before") or "") or _clean_outlet(m.group("after") or "")


#: A line naming rights: "©", "Copyright", "(c)" (as the copyright pattern is looked for).
_COPYRIGHT_MARK_RE = re.compile(r"©|opyright|\([cC]\)")


def _searched_section(line: str, m: re.Match) -> bool:
    """A search box for a section of the site, not the site: "Search
    Classifieds" (one common word, not in capitals), "Search UK jobs" (the
    name runs on in lower case)."""
    rest = line[m.end():].lstrip()
    if rest[:1].isalpha() and rest[:1].islower():
        return True
    name = m.group("n")
    return " " not in name and not name.isupper() and dictionary_word(name.lower())


@functools.cache
def _owner_keys() -> frozenset[str]:
    """The :func:`outlet_key` of every name of ``framing/data/owners.tsv``:
    companies that publish under other brands."""
    keys = set()
    for line in data_file("owners.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, others, _source = line.split("\t")
        for form in [name, *others.split("|")]:
            short = _clean_outlet(form) or form
            # (Not a word of the language once the legal form is cut, nor a
            # newspaper's word: "Tribune Publishing" leaves "Tribune", and many
            # papers are "The Tribune".)
            single = " " not in short and (dictionary_word(short.casefold())
                                           or short.casefold() in wordlist("newspaper_words"))
            if len(key := outlet_key(short)) >= 3 and not single:  # (not "G/O", "BH": too short to tell)
                keys.add(key)
    return frozenset(keys)


def known_owner(name: str, longer: bool = True) -> bool:
    """True when ``name`` is a company of ``framing/data/owners.tsv`` that
    publishes under other brands: "Hearst Communications, Inc.", "Gannett",
    and with ``longer`` a longer name opening with a listed one of six
    letters or more ("Hearst Media Services Connecticut, LLC"; not for a
    brand: "Condé Nast Traveler")."""
    key = outlet_key(_clean_outlet(name) or name)
    return key in _owner_keys() or longer and any(len(k) >= 6 and key.startswith(k) for k in _owner_keys())


#: A line holding only the address of a page on a site (a share link):
#: "https://www.tidewatch.com/news/article/Harbour-reopens-1234.php".
_PAGE_ADDRESS_RE = re.compile(
    r"https?://(?:www\.)?(?P<d>[a-z0-9][\w\-]*(?:\.[a-z0-9][\w\-]*)*\.[a-z]{2,6})/[^\s/]+/\S*[^\s/]", re.I)
#: Another story's headline with the site's name after it, as lists of
#: stories print them: "Harbour reopens after storm -- Tide Watch".
_TITLE_SUFFIX_RE = re.compile(r"^\S.{14,}?\s(?:--|[-–—|])\s(?P<n>" + _NAME + r")$")
#: A site's own search box or follow cue that names it: "Keep up to date
#: with Tide Watch", "Buscar en tidewatch.es".
_OWN_SITE_CUE_RE = re.compile(
    r"^(?:[Kk]eep up to date with|[Bb]uscar en|[Rr]echercher sur|[Ss]uche auf)\s+(?P<n>" + _NAME
    + r"|[a-z][\w\-]*\.[a-z]{2,3})\s*$")


def _abbreviates(short: str, key: str) -> bool:
    """True when ``short`` is ``key`` or a short form of it: its first letter,
    the rest of its letters in order, and the same last word ("ctpost" for
    "connecticutpost")."""
    if short == key:
        return True
    if len(short) < 4 or not key.startswith(short[0]) or not key.endswith(short[-4:]):
        return False
    it = iter(key)
    return all(ch in it for ch in short)


def _brand_beside_owner(text: str, units: list[_Unit], owner: str, others: dict[str, float],
                        edge_only: set[str], forms: dict[str, dict[str, int]], byline: str | None) -> str | None:
    """The site's own name on a page whose strongest name is a company that
    publishes under other brands (``owner``, a key of :func:`known_owner`'s
    list, most often from the copyright line: "© 2019 Hearst Communications,
    Inc." on the Connecticut Post's page). The owner is the outlet only when
    the page names no brand of its own; a brand here is any of: another name
    the page's cues gave (``others``: key to its votes, with a name printed
    as lines of its own several times), a name line right over the owner's
    notice (the footer's logo), the domain of the page's own address printed
    as a line, the name after other stories' headlines ("... -- Tide Watch",
    twice or more), the site's own search or follow cue, and the words after
    the writers' names on the byline's line ("Ana Lee Tide Watch")."""
    score: dict[str, float] = {}
    form_of: dict[str, str] = {}

    def add(raw: str, weight: float) -> None:
        name = _clean_outlet(raw)
        if not name or known_owner(name, longer=False):
            return
        key = outlet_key(name)
        if key == owner or byline and key == outlet_key(byline):
            return
        if all(dictionary_word(w.casefold()) for w in re.findall(r"[^\W\d_]{2,}", name)) and not owner.startswith(key) \
                and not re.search(r"(?<![\w.])" + re.escape(name) + r"\.(?:com|org|net|co\.uk)\b", text, re.I):
            return  # a section's label ("Top Stories", "New Cars"), unless the site's domain or the owner's name
        score[key] = score.get(key, 0.0) + weight
        form_of.setdefault(key, name)

    top = [outlet_key(u.text.strip()) for u in units[:15] if u.words <= 4]
    for key, weight in others.items():
        # (A name only printed as lines of its own: twice near the top, as a masthead over a menu.)
        if forms.get(key) and (weight >= 2.5 if key not in edge_only else weight >= 1.5 and top.count(key) >= 2):
            add(max(forms[key].items(), key=lambda kv: (kv[1], " " in kv[0], -len(kv[0])))[0], weight)
    n = len(units)
    suffixes: dict[str, int] = {}
    name_lines: set[str] = set()
    domains: set[str] = set()
    domain_lines: set[str] = set()
    for i, u in enumerate(units):
        s = u.text.strip()
        if u.words <= 4 and re.fullmatch(_NAME, s) and not _COPYRIGHT_MARK_RE.search(s):
            name_lines.add(s)
        if u.words <= 2 and _DOMAIN_LINE_RE.fullmatch(s):
            domain_lines.add(s)
        if u.words <= 2 and (m := _PAGE_ADDRESS_RE.fullmatch(s)):
            domains.add(m.group("d").casefold().removeprefix("www."))
        if u.words <= 25 and (m := _TITLE_SUFFIX_RE.match(s)):
            suffixes[m.group("n")] = suffixes.get(m.group("n"), 0) + 1
        if u.words <= 8 and (m := _OWN_SITE_CUE_RE.match(s)):
            add(m.group("n"), 2.0)
    for line in text.splitlines() if byline else ():
        # (As printed: a unit may join the headline, the byline's line and the date.)
        line = line.strip()
        if line.startswith(byline + " ") and (rest := line[len(byline):].strip()) and re.fullmatch(_NAME, rest):
            add(rest, 2.0)
            break
    own_lines = {outlet_key(line) for line in name_lines}
    for name, count in suffixes.items():
        if count >= 2 and outlet_key(name) in own_lines:
            add(name, 1.5 + 0.5 * min(count, 3))  # (and printed as a line of its own: no partner's)
    for domain in sorted(domains):
        # The page's own address; its name as the page prints it when the
        # domain is short for it ("ctpost.com" for "Connecticut Post").
        short = outlet_key(domain)
        spelled = [line for line in sorted(name_lines) if _abbreviates(short, outlet_key(line))]
        add(spelled[0] if spelled else domain, 2.0)
    for line in sorted(domain_lines):
        # A domain printed as a line of its own ("Tidewatch.org"), and its name
        # as the masthead too ("Tidewatch" near the top) or opening the owner's
        # ("Tidewatch Ventures"); not a menu of the owner's other sites.
        key = outlet_key(line)
        if len(key) >= 3 and owner.startswith(key) or key in top:
            add(line, 2.0)
    if not score:
        return None
    key = max(score, key=lambda k: (score[k], len(k)))
    if score[key] < 2.0 or not n:
        return None
    return form_of[key]


def _outlet_from_page(text: str, units: list[_Unit], glued: str | None = None,
                      byline: str | None = None) -> str | None:
    """The site's name from its own words: the copyright line, "Follow X" /
    "Subscribe to X" / "More from X" / a reporter "for X", the masthead (a short
    name line opening or closing the page, a domain on one of its first lines),
    names repeated as lines of their own, the domain of the page's e-mail
    addresses, an outlet ``glued`` to the byline, each a vote weighted by how
    telling it is, plus how often the name is printed. A company behind a legal
    suffix ("... Communications, Inc.") is the owner more often than the site,
    so it weighs less. A name only printed as lines of its own needs the shape
    of a masthead (:func:`_masthead_and_footer`); the ``byline`` is never one."""
    votes: dict[str, float] = {}
    forms: dict[str, dict[str, int]] = {}
    strong: set[str] = set()
    kinds: dict[str, set[str]] = {}
    raws: dict[str, set[str]] = {}
    owners: set[str] = set()
    one_of: list[tuple[str, str]] = []

    def company(line: str, start: int, end: int) -> bool:
        # The holder's name and the capitalised words and forms after it, up to
        # a year, the reservation or a word in lower case (", a Tide Media paper").
        stop = r"(?:19|20)\d\d|\s(?=[a-z])|(?i:" + _RIGHTS_RESERVED + ")"
        tail = re.split(stop, line[end:end + 40], maxsplit=1)[0]
        return bool(OWNER_FORM_RE.search(line[start:end] + tail))

    def vote(raw: str | None, weight: float, why: str, owner: bool = False) -> None:
        name = _clean_outlet(raw or "")
        if not name:
            return
        key = outlet_key(name)
        if weight >= 2.0:
            strong.add(key)
        if owner:
            owners.add(key)
        if _LEGAL_RE.search((raw or "").strip(" .,;:-–—|")):
            weight = min(weight, 1.0)
        votes[key] = votes.get(key, 0.0) + weight
        kinds.setdefault(key, set()).add(why)
        raws.setdefault(key, set()).add((raw or "").strip())
        forms.setdefault(key, {})
        # A name cut from a company's ("The Tide Group LLC") is a weaker form than one printed as the name.
        cut = bool(_LEGAL_RE.search((raw or "").strip(" .,;:-–—|")))
        forms[key][name] = forms[key].get(name, 0) + (0.5 if cut else 1)

    n = len(units)
    # Past the last long paragraph: the footer, where a sentence about the
    # site is the site's ("Dow Jones is owned by News Corp." in an article is news).
    article_end = max((i for i, u in enumerate(units) if u.kind == "prose" and u.words >= 25), default=-1)
    short_lines: dict[str, int] = {}
    seen: set[str] = set()
    brands: dict[str, dict[str, str]] = {}  # a brand's key: its lines, each with the product word
    for i, u in enumerate(units):
        s = u.text.strip()
        if u.words <= 6 and (b := _BRAND_LINE_RE.match(s)) and _clean_outlet(b.group("n")):
            product = s[b.end("n"):len(s) - len(b.group("rest"))].strip(" -").casefold()
            brands.setdefault(outlet_key(b.group("n")), {})[s] = product
        if u.words <= 4 and not _ends_sentence(s) and re.fullmatch(_NAME, s):
            short_lines[s] = short_lines.get(s, 0) + 1
            if i < 3 or i >= n - 3:
                vote(s, 1.0, "edge")  # a masthead or footer name
        if i < 3 and u.words <= 2 and _ANY_DOMAIN_RE.fullmatch(s) and not s.casefold().endswith(_FILE_ENDINGS):
            # The masthead is the site's domain: "Novinky.cz" (the first, over its owner's "Seznam.cz").
            vote(s, 2.0 - 0.1 * i, "domain")

        if s in seen:
            continue  # a footer printed twice is one cue
        seen.add(s)
        m = _COPYRIGHT_RE.search(s) if _COPYRIGHT_MARK_RE.search(s) else None
        # "2020 O Tempo. Todos os direitos reservados.": the name after the
        # year, also when a date and time stand between "©" and the year.
        reserved = _RESERVED_RE.search(s) if u.words <= 40 else None
        if m and m.group("before") and _clean_outlet(m.group("before")) and re.fullmatch(_NAME, m.group("before")):
            # (Matched without regard to case: "All contents © 2019 Name" is no name before the mark.)
            # A site's copyright carries a year; "© Jan Orlo" credits a photo.
            vote(m.group("before"), 2.5 if re.search(r"(?:19|20)\d\d", s) else 1.0, "copyright",
                 company(s, m.start("before"), m.end("before")))
        elif reserved:
            vote(reserved.group("n"), 2.0, "copyright", company(s, reserved.start("n"), reserved.end("n")))
        elif m and m.group("after") and re.search(r"(?:19|20)\d\d\.\s", s[m.start():m.start("after")]) and not (
                _RIGHTS_RESERVED_RE.search(s) and s[m.end("after"):m.end("after") + 1] in ".,"):
            pass  # "Copyright 2019. This site is part of ...": a sentence, unless "2019. Name. All rights reserved."
        elif m and m.group("after") is not None or m and s[m.end():m.end() + 1] == "«":
            # Undated, "© Jan Orlo" credits a photo, unless it reserves the rights.
            site = re.search(r"(?:19|20)\d\d", s) or _RIGHTS_RESERVED_RE.search(s)
            # ... or calls the holder a paper or a company: "© The Tide Watch, a Tide Media Newspaper".
            site = site or m.group("after") and _APPOSITION_RE.match(s, m.end("after"))
            # A name in guillemets after a company's form or kind: "© 2020 МИА «Казинформ»".
            rest = s[m.start("after") if m.group("after") else m.end():]
            quoted = re.match(r"[^«»]{0,12}«([^«»]{2,40})»", rest)
            vote(quoted.group(1) if quoted else m.group("after"), 2.0 if site else 0.5, "copyright",
                 not quoted and company(s, m.start("after"), m.end("after")))
        if u.words <= 60:
            for m in _CUE_RE.finditer(s):
                if m.group().casefold().startswith("search") and (m.start() > 0 or u.words > 5):
                    continue  # a search box's label ("Search WIRED") is a line of its own
                if m.group().casefold().startswith("search") and m.group("n") and _searched_section(s, m):
                    continue  # "Search Classifieds", "Search UK jobs": a section's search box
                if m.group().casefold().startswith("about") and u.words > 6:
                    continue  # a menu's "About Tide Watch" is short; "About Lute. He felt ..." is prose
                if _PRODUCT_APPOSITION_RE.match(s, m.end()):
                    continue  # "Sign up for Command Line, a weekly newsletter from ...": a product
                if m.start() > 0 and (u.kind == "prose" or u.words > 8) and not _PROFESSION_CUE_RE.match(m.group()):
                    # "... sign up for the Disney+ bundle", "Don't talk to Orlo, you'll be
                    # in pain": a button's words inside a sentence or a headline
                    continue
                name = m.group("n") or m.group("app")
                if m.group("n") and re.match(r"[+*#@]", s[m.end("n"):]):
                    continue  # a name cut short: "Sign up for the Disney+ bundle"
                if m.group("n") and re.match(r"\s+\w", s[m.end():]):
                    name = _POSSESSIVE_RE.sub("", name)
                vote(name, 2.0, "cue")
        for m in _PUBLISHER_RE.finditer(s):
            if not _POSSESSED_RE.match(s, m.end()) and not m.group("n").endswith(("'s", "’s")):
                vote(m.group("n"), 2.5, "publisher")  # (not "the publisher of Ana M. Lee's novel")
        for m in _WEAK_CUE_RE.finditer(s):
            if m.group("n"):
                vote(m.group("n"), 1.0, "morefrom")
            elif " " in m.group("t") or not re.search(
                    r"\b[A-Z][\w'’\-]+\s+" + re.escape(m.group("t")) + r"\b", text):
                # "Cook told Benioff": a person's surname when the text has "Marc Benioff".
                vote(m.group("t"), 1.0, "told")
        m = _PUBLISHED_BY_RE.match(s) if u.words <= 40 and i > article_end else None
        if m and company(s, m.start("o"), m.end("o")):
            vote(m.group("n"), 2.5, "publisher")
        elif u.words <= 15 and i > article_end and (m := _IS_ONE_OF_RE.match(s)):
            one_of.append((m.group("n"), m.group("rest")))
        for m in _TRADEMARK_RE.finditer(s) if _COPYRIGHT_MARK_RE.search(s) or _RIGHTS_RESERVED_RE.search(s) else ():
            # The notice's own word for the site's name: over a badge printed before its mark ("IPSO Regulated").
            vote(m.group("n"), 3.0, "publisher")
        m = _IMPRINT_RE.match(s) if u.words <= 60 else None
        if m:
            vote(m.group("n"), 2.5, "imprint")
        m = None if _BYLINE_ROLE_RE.match(s) else _BYLINE_OUTLET_RE.match(s)
        if m:
            # "By Ana Ruiz | Tide Watch" names the site; after a comma it may
            # as well be a second author ("By Ana Ruiz, Teo Marsh").
            vote(m.group("n"), 2.0 if "|" in s[: m.start("n")] else 1.0, "byline")
    # The lines as printed (a unit may join a headline, its byline and its date):
    # a writer's role at the site, and a button broken over two lines.
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    done: set[str] = set()
    for j, line in enumerate(lines):
        if line in done:
            continue
        done.add(line)
        words = len(line.split())
        if words <= 5 and j + 1 < len(lines) and _CUE_END_RE.search(line) and (m := re.match(_NAME, lines[j + 1])):
            vote(m.group(), 2.0, "cue")
        if words <= 12 and (m := _SPECIAL_TO_RE.search(line) or _BYLINE_ROLE_RE.match(line)):
            vote(m.group("n"), 2.0, "byline")
    # Staff and tip addresses are on the site's own domain; each distinct one
    # is a weak vote, so two are needed for a name.
    for address in sorted({m.group(0).casefold() for m in _EMAIL_RE.finditer(text)}):
        vote(address.rsplit("@", 1)[1].removeprefix("www."), 1.0, "email")
    if glued:
        vote(glued, 2.0, "glued")
    # Two cues that agree: "The Tide Watch is a tide media network" beside "© Tide Media, LLC".
    # (Not a writer's note: "Ana Ruiz is a Tide Media reporter".)
    for name, rest in one_of:
        rest_key = outlet_key(rest)
        if byline and outlet_key(name) == outlet_key(byline) or re.search(
                r"(?i:reporter|writer|editor|correspondent|contributor|columnist|producer|journalist)", rest):
            continue
        if any(len(k) >= 3 and k in rest_key and outlet_key(name) != k for k in owners):
            vote(name, 2.5, "publisher")
    if owners:
        # A company's copyright may be the owner's: the site names its own
        # products by its brand, two or more of them ("CBS News App", "CBS News
        # Store"; one product on several lines, "Live TV" and "Live TV Show", is
        # a section's label).
        # A menu's section printed above its items ("Weather" over "Weather
        # Maps" and "Weather App") is no brand, nor a short form of the
        # holder's own name ("Inquirer Store" beside "© The Philadelphia
        # Inquirer, LLC": the site holds its copyright).
        for key, lines in sorted(brands.items()):
            names = [_BRAND_LINE_RE.match(line).group("n") for line in sorted(lines)]
            if any(strip_accents(key) in strip_accents(owner) for owner in owners):
                continue
            if len(set(lines.values())) >= 2 and not any(
                    outlet_key(u.text) == key and i + 1 < n and units[i + 1].text.startswith(u.text.strip() + " ")
                    for i, u in enumerate(units)):
                for name in names[:3]:
                    vote(name, 1.0, "brand")
    for line, count in short_lines.items():
        if count >= 2:
            # "TheHill.com" on lines of its own names the site; other repeats may be menus.
            domain = bool(_DOMAIN_LINE_RE.fullmatch(line))
            vote(line, 2.0 if domain else min(count - 1, 2) * 0.5, "domain" if domain else "edge")
    if not votes:
        return None
    # "© Cable News Network" on a page that calls itself "CNN": the company's
    # initials, given as a name or printed as a word at least twice, are the
    # site's name, and the company's votes are that name's.
    for key in sorted(votes):
        if "copyright" not in kinds[key] or key not in votes:
            continue
        for raw in sorted(raws[key]):
            full = re.split(r"[.,;|]", raw)[0].strip()
            initials = "".join(w[0] for w in full.split() if w[:1].isupper())
            short = outlet_key(initials)
            if len(short) < 2 or short == key or len(full.split()) < 2:
                continue
            if any(full in u.text and not _COPYRIGHT_MARK_RE.search(u.text) for u in units):
                continue  # the page calls itself by the full name too ("Rolling Stone", "RS Recommends")
            if short not in votes:
                if len(re.findall(r"(?<!\w)" + re.escape(initials) + r"(?!\w)", text)) < 2:
                    continue
                votes[short], kinds[short], forms[short] = 0.0, set(), {initials: 1}
            votes[short] += votes.pop(key)
            kinds[short] |= kinds[key]
            if key in strong:
                strong.add(short)
            if key in owners:
                owners.add(short)
            break
    # "© NYP Holdings, Inc." on a page printing "New York Post" as a line of
    # its own: a company named by the initials of a name the page prints is
    # that site's owner, and the name is the site's.
    for key in sorted(owners & votes.keys()):
        for raw in sorted(raws.get(key, ())):
            first = raw.split()[0] if raw.split() else ""
            if not re.fullmatch(r"[A-Z]{2,5}", first) or first == raw.strip():
                continue
            for u in units:
                line = u.text.strip()
                if u.words <= 5 and not _COPYRIGHT_MARK_RE.search(line) and re.fullmatch(_NAME, line):
                    words = [w for w in line.split() if w[:1].isupper()]
                    if words and words[0].casefold() == "the":
                        words = words[1:]
                    if len(words) >= 2 and "".join(w[0] for w in words) == first:
                        vote(line, 2.0, "copyright")
                        break
    # A company holding the copyright whose name holds another name the page
    # gives is that site's owner ("Editora Tide Watch, S.A." over "Tide Watch").
    for key in sorted(owners & votes.keys()):
        if any(k != key and len(k) >= 3 and strip_accents(k) in strip_accents(key) and kinds[k] - {"edge", "brand"}
               for k in votes):
            del votes[key]
    # "Lifehacker Followed" counts for "Lifehacker" when that is a name too.
    for key in list(votes):
        for form in forms[key]:
            words = form.split()
            for k in range(1, len(words)):
                shorter = outlet_key(" ".join(words[:k]))
                if shorter != key and shorter in votes:
                    votes[shorter] += votes[key]
                    kinds[shorter] |= kinds[key]
                    break
    # A short line printed on its own is as often a menu item, a section label
    # or a place as the site's name: a name with no other evidence is the site
    # only as the masthead printed again in the footer, which also outweighs a
    # company's copyright (the owner's: "Barron's" over "Dow Jones & Company").
    lines_of: dict[str, list[int]] = {}
    for i, u in enumerate(units):
        if u.words <= 4:
            lines_of.setdefault(outlet_key(u.text.strip()), []).append(i)
    edge_only: dict[str, float] = {}
    for key in list(votes):
        if _masthead_and_footer(key, units, lines_of):
            # (Not the article's author: a blog's name line may be its writer's.)
            votes[key] += 0 if byline and outlet_key(byline) == key else 1.5
            kinds[key].add("masthead")
        elif kinds[key] <= {"edge"}:
            edge_only[key] = votes.pop(key)
    if not votes:
        return None
    for key in votes:
        if key not in strong:
            continue  # a menu label is printed often too
        # Not within another name the page gives: "Examiner" in "Washington Examiner".
        longer = sorted({f for k in votes if k != key for f in forms[k]}, key=len, reverse=True)
        mentions = -1
        for form in forms[key]:
            rest = text
            for f in longer:
                if len(f) > len(form) and form in f and not f.startswith(form):
                    rest = rest.replace(f, " ")
            mentions += len(re.findall(r"(?<!\w)" + re.escape(form) + r"(?!\w)", rest))
        votes[key] += min(max(mentions, 0) * 0.5, 2.0)
    # The company a copyright names may own many sites: a site's name the page
    # gives otherwise (its imprint, its masthead, or a cue and a mention)
    # outweighs it, however often the company is named, unless the company
    # is named otherwise too or is the site's brand ("Tide, Inc." and "Tide News").
    for key in sorted(owners & votes.keys()):
        if kinds[key] - {"copyright", "edge"}:
            continue
        if any(k not in owners and not strip_accents(k).startswith(strip_accents(key))
               and not ("brand" in kinds[k] and strip_accents(k) in strip_accents(key))
               and (kinds[k] & {"imprint", "masthead"}
                    or votes[k] >= 2.5 and kinds[k] & {"cue", "publisher", "glued"}
                    or votes[k] >= 2.0 and "brand" in kinds[k])
               for k in votes):
            votes[key] = min(votes[key], 1.0)
    # The article's writer is no site, however often "About" or "Follow" names
    # them ("About Ana Ruiz", "Follow Ana Ruiz @anaruiz"), unless the page's
    # notice, masthead, domain or addresses name them too (a one-person blog).
    if byline and len(own := outlet_key(byline)) >= 4:
        for key in [k for k in votes if k.startswith(own)]:
            if not kinds[key] - {"cue", "morefrom", "told", "edge", "byline"}:
                del votes[key]  # (and "Follow Ana Ruiz on Twitter")
        if not votes:
            return None
    key = max(votes, key=lambda k: (votes[k], -len(k)))
    if votes[key] >= 1.5 and not kinds[key] & {"masthead", "domain", "imprint"} and any(
            known_owner(form) for form in forms[key]):
        # A company that publishes under other brands (its copyright line, a
        # menu of its sites): the site's brand, if the page names one; unless
        # the page is the company's own (its masthead, domain or imprint: "Vox").
        others = {k: v for k, v in {**edge_only, **votes}.items() if k != key}
        if brand := _brand_beside_owner(text, units, key, others, set(edge_only), forms, byline):
            return brand
    if votes[key] < 1.5:
        return None
    # The form printed most often ("The Hill" over "TheHill.com"), a spaced one
    # on ties; always as printed (a wrapped line joins with a space).
    printed = [kv for kv in forms[key].items() if kv[0] in text]
    if not printed:
        return None
    return max(printed, key=lambda kv: (kv[1], " " in kv[0], -len(kv[0])))[0]


_WEEKDAY_RE = re.compile(
    r"\b(?:" + "|".join(sorted(WEEKDAYS | {"tues", "thur", "thurs"}, key=len, reverse=True))
    + r"|today|yesterday)\b",
    re.IGNORECASE,
)


#: A month and its day, either way round, the day perhaps an ordinal ("Nov 19",
#: "29th April", "March 12th").
_MONTH_DAY_RE = re.compile(r"(?<![A-Za-z])" + MONTH_WORD + r"\s+[0-3]?\d(?:st|nd|rd|th)?\b|\b[0-3]?\d(?:st|nd|rd|th)?\s+"
                           + MONTH_WORD + r"(?![A-Za-z])", re.IGNORECASE)


_GLUED_DATE_RE = re.compile(MONTH_WORD + r"\s+[0-3]?\d,?\s+(?:19|20)\d\d\b", re.IGNORECASE)
_AGO_RE = re.compile(r"\b\d{1,3}\s+(?:sec(?:ond)?|min(?:ute)?|hr|hour|day|week|month)s?\s+ago\b", re.IGNORECASE)
_CREDIT_MARK_RE = re.compile(r"\b(?:Credit|Photo|Image|Picture)s?\s*(?:\.\.\.|…|:)")


def _is_byline_unit(u: _Unit) -> bool:
    return _by_line(u) or bool(re.match(r"^(?i:by)\s+[A-Z]", u.text))


def _real_sentence_break(s: str) -> bool:
    """A full stop that ends a sentence, not one closing an abbreviation
    ("Rep.", "U.S.", "ID.") inside a headline."""
    for m in _SENTENCE_BREAK_RE.finditer(s):
        before = s[: m.start()].split()
        word = before[-1] if before else ""
        core = word.strip("\"'“‘(")
        if len(core) <= 3 or core.isupper() or "." in core:
            continue
        if _inside_quotes(s[: m.start() + 1]):
            continue  # a quoted slogan or remark: "'Meth. We're on it.': ad agencies divided"
        return True
    return False


#: A closing single quotation mark, not an apostrophe inside a word ("We’re").
_CLOSING_SINGLE_RE = re.compile(r"’(?!\w)")
#: A straight single quotation mark opening a quotation, and one closing it
#: (not an apostrophe: "We're", "the Smiths' house" close nothing opened).
_OPENING_STRAIGHT_RE = re.compile(r"(?<!\w)'(?=\w)")
_CLOSING_STRAIGHT_RE = re.compile(r"(?<=[\w.,!?])'(?!\w)")


def _inside_quotes(head: str) -> bool:
    """Does ``head`` end inside a quotation (more opening marks than closing)?"""
    return (head.count("“") > head.count("”") or head.count("‘") > len(_CLOSING_SINGLE_RE.findall(head))
            or head.count('"') % 2 == 1
            or len(_OPENING_STRAIGHT_RE.findall(head)) > len(_CLOSING_STRAIGHT_RE.findall(head)))


def _meta_like(u: _Unit) -> bool:
    """A byline, date, time or author-name line: what sits under a headline."""
    if u.kind in ("meta", "time"):
        return True
    s = _WEEKDAY_RE.sub(" ", u.text)
    if u.words <= 8 and (_is_time_line(s) or (_is_date_line(s) and not _ends_sentence(u.text))):
        return True
    if u.kind != "nav" and _is_name_line(u) and 2 <= u.words <= 4 and _person_name(u.text):
        return True
    if u.kind != "nav" and u.words <= 16 and _author_line(u.text) is not None:
        return True  # "Ana Lee and Jo Park", "Ana Lee | The Courier"
    if u.words <= 25 and re.match(r"^(?i:by)\s+[A-Z]", u.text) and not _ends_sentence(u.text):
        return True  # "By Al Root Updated Nov. 19, 2019 8:21 am ET"
    if u.words <= 16 and (_other_by_names(u.text.strip()) is not None or _NEWSROOM_RE.match(u.text)):
        return True  # "Von Ana Lee", "Av Ana Lee og Jo Park", "Redacción La Razón"
    if u.words <= 14 and _TIME_RE.search(u.text) and _MONTH_DAY_RE.search(u.text):
        return True  # "Updated Nov 19, 6:55 AM"
    if u.words <= 8 and (_GLUED_DATE_RE.search(u.text) or _AGO_RE.search(u.text)):
        return True  # "LinkNaijaAugust 08, 2018", "Alex Perry 1 day ago"
    return bool(re.match(r"^[A-Z][\w'’.\-]+(?:\s+[A-Z][\w'’.\-]+){1,3},\s+[A-Z][\w'’.\- ]{2,40}$", u.text)
                and u.words <= 8)  # "Charlie Wood, Business Insider"


def _bracketed(s: str) -> bool:
    """A line that is one aside in brackets: "(Ana Lee / Wire Photo)", "[Video]"."""
    return s.startswith(("(", "[")) and s.endswith((")", "]")) and s.count("(") + s.count("[") == 1


#: A counter under a headline: "New, 6 comments", "Rating: 10 Votes", "1.2K shares".
_COUNTER_RE = re.compile(
    r"^\W*(?:new\W+|rating\W+)?\d[\d.,]*\s*[kKmM]?\s+(?:comments?|replies|shares?|views?|votes?|likes?"
    r"|reactions?|min(?:ute)?s?\s+read)\W*$", re.IGNORECASE)


def _skippable(u: _Unit) -> bool:
    """Page furniture between a headline and what follows it."""
    return (u.kind in ("nav", "caption") or _is_image_line(u.text) or _is_nav_words(u.norm)
            or not any(ch.isalpha() for ch in u.text) or u.words <= 2
            or (u.kind == "stop" and u.words <= 3) or (u.words <= 8 and _bracketed(u.text))
            or bool(_COUNTER_RE.match(u.text)))


#: A teaser cut at a length: an ellipsis after a comma, a colon or a space
#: ("diagnosed with the plague,...", "said the ...") or one in brackets
#: ("[...]"). A writer's own ellipsis closes a word ("If he loses..."), and
#: a standfirst or a quoted lead may end with one.
_CUT_MARK_RE = re.compile(r"(?:[,;:]\s*|\s)(?:\.\.\.|\u2026)$|\[(?:\.\.\.|\u2026)\]$")


#: A list number alone on its line: "3.", "(2)", "#1".
_LIST_NUMBER_RE = re.compile(r"^\s*(?:#\d{1,2}|\(?\d{1,2}[.)])\s*$")


def _choose_title(units: list[_Unit], first: int, keep: list[int] | None = None) -> _Unit | None:
    """The headline among the lines above the article, by page structure.

    A headline is a headline-shaped line (3-30 words, no closing full stop)
    that is followed -- past share buttons, a figure and at most one
    standfirst sentence -- by the byline or date line, or by the article
    itself; that is repeated as a line elsewhere on the page (a "Headline |
    Site" repeat); and that sits close to the article. The best-scoring line
    wins; ``None`` when none scores as a headline.
    """
    # Up to 60 lines up: a video player's or a gallery's lines may stand
    # between the headline and the article; a line far up must echo the
    # article (below) and loses 0.08 a line.
    lo = max(0, first - 60)
    # The run kept as the article may open with the headline itself (and a
    # caption or kicker above it): look down to its first byline or date line.
    hi = first
    for j in range(first, min(first + 10, len(units))):
        if units[j].kind == "prose" and units[j].words >= 40:
            break  # the article has begun
        if _meta_like(units[j]):
            hi = j
            break
    texts: dict[str, int] = {}
    for u in units:
        if u.words >= 4:
            texts[u.norm] = texts.get(u.norm, 0) + 1
    candidates: list[tuple[float, int]] = []
    over_meta: set[int] = set()  # candidates with the byline or date line under them
    # The article's opening, past the headline and byline the run may open with.
    lead = _lead_words(units, [k for k in keep if k >= hi] if keep else list(range(hi, min(hi + 12, len(units)))))
    echoes: dict[int, float] = {}
    for i in range(lo, hi):
        u = units[i]
        if not _headline_shape(u) or _meta_like(u):
            continue
        if u.kind == "nav" and (texts.get(u.norm, 0) < 2 or u.words < 5) and not (
                u.words >= 3 and _doubled(units, i)):
            continue
        if i > 0 and _LIST_NUMBER_RE.match(units[i - 1].text):
            continue  # an item of a numbered list ("3." above it): a "most read" teaser
        score = min(u.words, 15) * 0.3
        # What follows the line, past furniture and one standfirst sentence.
        standfirst = 0
        follows = None
        for j in range(i + 1, min(max(first, hi) + 1, i + 24)):
            v = units[j]
            if j == first and i < first and not (
                    hi > first and standfirst == 0 and v.kind == "prose" and v.words <= 60):
                follows = "article"
                break
            # (The kept run may open with a standfirst over the byline: look on to it.)
            if _meta_like(v):
                follows = "meta"
                break
            if v.words >= 5 and _CUT_MARK_RE.search(v.text.rstrip(_CLOSERS)):
                break  # a teaser cut short ("... diagnosed with the plague,..."): a card for another story
            if _skippable(v):
                continue
            if (j == i + 1 and v.kind == "short" and v.words <= 6 and not _ends_sentence(v.text)
                    and j + 1 < len(units) and _meta_like(units[j + 1])
                    and re.search(r"\d", units[j + 1].text) and not _LIST_NUMBER_RE.match(units[j + 1].text)):
                # A writer's or desk's name without "By" right over the date
                # line ("Tide Watch wire services" / "Published 11:11 PM ...").
                follows = "meta"
                break
            if standfirst == 0 and v.words <= 60 and (
                    v.kind == "prose" or j == i + 1 and v.kind == "short" and v.words >= 3 and _ends_sentence(v.text)):
                standfirst = 1
                continue
            if standfirst and v.kind == "short" and v.words <= 3 and not _ends_sentence(v.text):
                continue  # a widget's label under the standfirst ("Get more news on")
            break
        if follows == "meta":
            score += 6.0
        elif follows == "article":
            score += 3.0
        if i >= first and follows != "meta":
            continue  # inside the article: only a line over its byline is a headline
        if i >= first and keep:
            # Taking it as the headline drops what the run held above it: a
            # caption or kicker may go, the article itself may not.
            total = sum(len(units[k].text) for k in keep)
            above = sum(len(units[k].text) for k in keep if k <= i)
            if above > 0.3 * total:
                continue
        if follows == "article" and not standfirst and i - 1 >= lo and units[i - 1].kind == "meta" and all(
                _skippable(units[k]) and not _headline_shape(units[k]) for k in range(i + 1, first)):
            # The date or byline printed over the headline, the article right
            # under it (past a writer's name or share buttons, not past a
            # column of headline-shaped links: a table of contents).
            score += 3.0
        elif any(_is_byline_unit(units[k]) for k in range(max(lo, i - 8), i)):
            score -= 3.0  # headlines come before bylines; this is a caption or teaser
        if texts.get(u.norm, 0) >= 2:
            score += 2.5
        if standfirst:
            score -= 0.5
        echoes[i] = _echo(u.text, lead)
        score += _ECHO_WEIGHT * (echoes[i] - _ECHO_NEUTRAL)
        score -= 0.08 * abs(first - i)
        candidates.append((score, i))
        if follows == "meta":
            over_meta.add(i)
    if keep and keep[0] == first and first >= hi and _opening_headline(units, keep):
        # The run opens with the headline (a run bridges short lines, and a
        # headline that asks or exclaims reads as a short paragraph): it is
        # followed by the article, and is weighed as the lines above are.
        # Right under a candidate that the article echoes (past a label or
        # a figure's lines) it is that headline's standfirst, or a poll's
        # question inside the story.
        u = units[first]
        above = first - 1
        while above > max(lo, first - 4) and above not in echoes and _skippable(units[above]):
            above -= 1
        if echoes.get(above, 0.0) < _ECHO_NEUTRAL:
            echoes[first] = _echo(u.text, _lead_words(units, keep[1:]))
            candidates.append((min(u.words, 15) * 0.3 + 3.0 + _ECHO_WEIGHT * (echoes[first] - _ECHO_NEUTRAL), first))
    if not candidates:
        return None
    scores = {i: score for score, i in candidates}
    # From the bottom up, so that a headline over two standfirst lines (a
    # subtitle and a deck) takes what the lowest line, over the byline, scored.
    for i in sorted(scores, reverse=True):
        score = scores[i]
        # The headline-shaped line above, past a count of comments.
        above = i - 1
        if above > lo and _COUNTER_RE.match(units[above].text):
            above -= 1
        while above > lo and units[above].kind == "caption":
            above -= 1  # the lead photo's caption between the headline and its standfirst
        if above in scores and ((i in over_meta and above == i - 1 and _standfirst_line(units, i, lo)) or (
                echoes[above] >= 0.5 and echoes[i] > 0 and units[i].kind != "nav" and units[above].words >= 5)):
            # The line above is the headline; this is its standfirst.
            scores[above], scores[i] = max(scores[above], score - 0.5), score - 4.0
    # A line in capitals right over a headline in small letters that the
    # article echoes as much is its kicker or the masthead ("A QUOTE IN
    # CAPITALS" / the headline): the headline takes the kicker's place.
    for i in sorted(scores):
        if any(ch.islower() for ch in units[i].text):
            continue
        below = next((j for j in range(i + 1, i + 3) if j in scores), None)
        if below is not None and any(ch.islower() for ch in units[below].text) and echoes[below] > 0:
            scores[below], scores[i] = max(scores[below], scores[i]), scores[i] - 4.0
    # A line that carries another candidate inside it is breadcrumbs glued to the headline.
    norms = {i: units[i].norm for _, i in candidates}
    scored = []
    for i, score in scores.items():
        # (A kicker right over the headline that the headline quotes --
        # "Quiz Night" / a date line / "... wins 'Quiz Night' final" -- is
        # no headline glued to breadcrumbs: it is less than half the line.)
        if any(norms[j] != norms[i] and len(norms[j]) >= 12 and norms[j] in norms[i]
               and not (i - 2 <= j < i and 2 * len(norms[j]) < len(norms[i])) for j in norms):
            score -= 6.0
        scored.append((score, -i, i))
    best = max(scored)
    return units[best[2]] if best[0] >= 4.0 else None


#: How much a candidate headline gains or loses by the share of its content
#: words that the article's opening repeats (``_echo``), and the share at
#: which it neither gains nor loses. A headline names what the story is
#: about, so its words come back in the first paragraphs; a menu label, a
#: share prompt, a teaser for another story or a legal notice shares few or
#: none of them. Chosen on copies of pages from other projects
#: (docs/accuracy.md, round 21); the result moves little between 3 and 5,
#: and between 0.2 and 0.4.
_ECHO_WEIGHT = 4.0
_ECHO_NEUTRAL = 0.3
#: How much of the article's opening is read for those words.
_LEAD_CHARS = 1500
_STEM_WORD_RE = re.compile(r"\w+")
#: Scripts written without spaces between words (Han, kana, Thai, Lao,
#: Khmer, Myanmar): their runs are read as character pairs.
_UNSPACED_RE = re.compile("[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")


def _stems(text: str) -> set[str]:
    """Content-word stems of ``text``: words of four letters or more, cut to
    five (a crude stem that serves inflected languages too); a run of a
    script written without spaces gives its character pairs instead."""
    out: set[str] = set()
    for w in _STEM_WORD_RE.findall(text.casefold()):
        if _UNSPACED_RE.search(w):
            out.update(w[k : k + 2] for k in range(len(w) - 1))
        elif len(w) >= 4 and not w.isdigit():
            out.add(w[:5])
    return out


def _lead_words(units: list[_Unit], keep: list[int]) -> set[str]:
    """The stems of the article's first paragraphs."""
    got: list[str] = []
    n = 0
    for k in keep:
        got.append(units[k].text)
        n += len(units[k].text)
        if n >= _LEAD_CHARS:
            break
    return _stems(" ".join(got))


def _echo(line: str, lead: set[str]) -> float:
    """The share of a line's content words that the article's opening repeats."""
    words = _stems(line)
    if not words or not lead:
        return 0.5
    return len(words & lead) / len(words)


def _doubled(units: list[_Unit], i: int) -> bool:
    """True when line ``i`` is printed twice in a row: a headline a page sets
    twice (for wide and narrow screens, or once for screen readers) copies as
    two equal lines, where a menu repeats its entries apart (header and
    footer). (Soft hyphens, which one of the two may carry, have left the
    text when it was decoded.)"""
    return any(0 <= j < len(units) and units[j].norm == units[i].norm for j in (i - 1, i + 1))


def _standfirst_line(units: list[_Unit], i: int, lo: int) -> bool:
    """True when line ``i`` is a standfirst printed without a closing full
    stop right under its headline: a sentence-case line longer than the
    headline-shaped line above it, which is no item of a list of such lines
    (a menu's or a teaser list's)."""
    if i - 1 < lo or units[i].kind != "short" or units[i - 1].kind != "short":
        return False
    head, stand = units[i - 1], units[i]
    if not 5 <= head.words < stand.words or _title_case_share(stand.text) >= 0.8 or not _headline_shape(head):
        return False
    return not any(units[j].kind == "short" and _headline_shape(units[j]) for j in range(max(lo, i - 3), i - 1))


def _title_case_share(s: str) -> float:
    words = [w for w in s.split() if any(ch.isalpha() for ch in w)]
    if not words:
        return 0.0
    small = {"a", "an", "the", "and", "or", "of", "to", "in", "on", "for", "at", "by", "with", "is", "as", "vs"}
    return sum(1 for w in words if w[:1].isupper() or w.lower() in small) / len(words)


#: A newsroom's credit over the date line: "Redazione ANSA ROMA", "Redaktion
#: Almera", "Redacción Madrid" ("the editorial staff" in Italian, German,
#: Spanish, French, Portuguese, Dutch): the writer's place, never a headline.
_NEWSROOM_RE = re.compile(r"^(?:Redazione|Redaktion|Redacción|Rédaction|Redação|Redactie|REDAZIONE|REDAKTION)\s+[A-Z]")


def _headline_shape(u: _Unit) -> bool:
    """Shaped like a headline: 3-30 words of text, no closing comma or colon,
    one sentence (or Title Case, which may close with a full stop)."""
    if u.bullet or u.kind in ("stop", "caption"):
        return False
    s = u.text
    if not 3 <= u.words <= 30 or len(s) > 250:
        return False
    first_word = s.split(None, 1)[0].strip("\"'“‘(")
    uncased = any(ch.isalpha() and not ch.islower() for ch in first_word) and not _UNSPACED_RE.search(first_word)
    if first_word and not any(ch.isupper() or ch.isdigit() for ch in first_word) and not uncased:
        # "on Coast Daily", "more stories": a headline's first word has a capital ("iPhone" too);
        # a spaced script without case (Arabic, Devanagari, Georgian) has none to show. (Han and
        # kana lines have no spaces to count words by, and stay out as before.)
        return False
    if _bracketed(s) or _COUNTER_RE.match(s):
        return False  # an aside in brackets (a photo credit, "(Video)"), a count of comments
    t = s.rstrip(_CLOSERS)
    # (An all-capitals line is no Title Case: "GET THE APP. CLICK HERE." is two sentences.)
    title_case = _title_case_share(s) >= 0.95 and any(ch.islower() for ch in s)
    if t.endswith((",", ";", ":")) or (t.endswith(".") and not title_case and not t.endswith("...")):
        return False
    if _real_sentence_break(s) and not title_case:
        return False
    if _has_image_name(s) or _is_dateish(s) or _is_time_line(s) or _CREDIT_RE.search(s) or _CREDIT_MARK_RE.search(s) \
            or _NAME_CREDIT_RE.match(s) or _CREDIT_LABEL_RE.match(s) or _other_by_names(s.strip()) is not None \
            or _NEWSROOM_RE.match(s):
        return False
    if len(_LIST_SEP_RE.findall(s)) >= 2 or _is_nav_words(u.norm) or _starts_with_phrase(u.norm, _NAV_PREFIXES):
        return False
    if _CRUMB_SEP_RE.match(s) or _link_row(s) or _toolbar_row(s) or s.count("\t") >= 2:
        return False  # breadcrumbs, a row of share buttons or menu links, a table's or toolbar's cells
    return _letters(s) >= 0.5 * len(s)


def _header_date(units: list[_Unit], title: int, first: int, dotted: bool = True) -> str | None:
    """The date printed with the headline: on a byline, date or time line
    between the headline and the article, or just above the headline
    ("November 19, 2019 12:04AM ET", "By Ana Lee - 11/18/19 11:04 PM EST",
    "LinkNaijaAugust 08, 2018"). The published date wins over an update.
    ``dotted``: read "09.08.2020" day first (a pasted page's date line; a
    saved page's lines under its headline run on into teasers, whose dates
    its metadata beats)."""
    lo, hi = min(title, first), max(title, first)
    block = list(range(lo + 1, min(hi, lo + 16))) + list(range(max(0, title - 3), title))[::-1]
    for i in block:
        u = units[i]
        if u.kind == "prose" and u.words > 25 or u.kind == "caption":
            continue  # (a photo's caption gives the day the photo was taken)
        if not (_meta_like(u) or u.words <= 25):
            continue
        s = re.sub(r"(?<=[a-z])(?=[A-Z][a-z])", " ", u.text)  # "LinkNaijaAugust" → "LinkNaija August"
        if _ends_sentence(s) and u.words > 12 and not (_AM_PM_END_RE.search(s) and _meta_like(u)):
            continue  # a sentence, not a byline that ends in "11:08 a.m."
        m = re.search(r"(?i)\b(?:original|published|posted)\b", s)
        found = (find_date(s[m.start():]) if m else None) or find_date(s) or find_us_short_date(s) or (find_dotted_date(s) if dotted else None)
        if found:
            return found[0]
        if (day := _us_zoned_short_date(s)) is not None:
            return day
    return None


#: A month/day/two-digit-year date with its time and an American time zone:
#: "10/9/10 7:15 AM EDT", "10/ 5/11 09:19 PM ET". The zone says the order is
#: the American one even where the day is 12 or less.
_US_ZONED_SHORT_RE = re.compile(
    r"(?<![\d/.])(?P<m>[01]?\d)/\s?(?P<d>[0-3]?\d)/(?P<y>\d\d)(?![/.]?\d)[\s,]+(?:[01]?\d|2[0-3]):[0-5]\d\s*"
    r"(?:[AaPp]\.?[Mm]\.?\s*)?(?:[ECMP][SD]?T|AK[SD]T|H[SA]?T)\b")


def _us_zoned_short_date(s: str) -> str | None:
    m = _US_ZONED_SHORT_RE.search(s)
    if m is None:
        return None
    try:
        return dt.date(2000 + int(m["y"]), int(m["m"]), int(m["d"])).isoformat()
    except ValueError:
        return None


#: A reading-time line, which sites and reader views print under the byline
#: as others print the date: "5 min read", "4–5 minutes" (Firefox's Reader
#: View), "Reading time: 3 minutes", "3-minute read".
_READING_TIME_RE = re.compile(
    r"(?i:(?:(?:estimated\s+)?reading\s+time:?\s*)?(?:about\s+|~\s*)?\d{1,3}(?:\s*[–-]\s*\d{1,3})?"
    r"[\s-]*(?:min|mins|minutes?)\.?(?:\s+(?:read|reading|to\s+read))?)")


def _dated(u: _Unit | None) -> bool:
    """A date or time line (or "1 day ago", or a reading time): what sits
    beside an author's name."""
    if u is None or u.words > 16 or re.fullmatch(r"\d{1,3}", u.text.strip()) or _LIST_NUMBER_RE.match(u.text):
        return False  # a share or comment count ("0") is not a day, nor a list's number ("3.")
    t = _WEEKDAY_RE.sub(" ", u.text)
    return bool(_is_date_line(t) or _is_time_line(t) or _is_dateish(t) or _AGO_RE.search(t)
                or _READING_TIME_RE.fullmatch(t.strip())
                or _RELATIVE_TIME_RE.search(t.strip()) or find_us_short_date(t)
                or (_TIME_RE.search(t) and _MONTH_DAY_RE.search(t)))


def _job_title(s: str) -> bool:
    """A writer's job title on a line of its own: "Contributing Correspondent", "Staff Writer"."""
    words = s.split()
    return 1 <= len(words) <= 4 and words[-1].casefold() in _JOB_WORDS and all(w[:1].isupper() for w in words)


def _person_name(s: str) -> bool:
    """Two to four capitalised words (particles allowed), nothing else: "Dallas Robinson"."""
    words = s.split()
    if not 2 <= len(words) <= 4 or any(ch.isdigit() for ch in s) or _ends_sentence(s):
        return False
    if re.match(r"[(\[][^()\[\]]*[)\]]\s", s):
        return False  # an aside in brackets before the words: a menu's "(Virtual) Open Homes"
    if words[-1].casefold() in _JOB_WORDS:
        return False  # a job title under the name: "Contributing Correspondent", "Senior Editor"
    if sum(w.casefold() in _PAGE_WORDS for w in words) >= 2:
        return False  # the page's words: "Loading Photo Gallery", "Watch Video" (one may be a name: "Larry Page")
    # A nickname or initials in brackets or quotes count as a word: "Richard (R.J.) Eskow".
    caps = [w.strip(_NICK_MARKS) for w in words if w.lower() not in _NAME_PARTICLES]
    # Capitalised words with a lower-case letter ("McDonald", "O'Neil") or initials ("J.", "R.J."):
    # not an all-capitals label ("CTV NEWS") or a lone letter (a close button's "X").
    # (A capital with an accent opens a name too: "Ángeles", "Élodie", "Łukasz".)
    return (len(caps) >= 2 and all(w[:1].isupper() and re.fullmatch(r"[^\W\d_][\w'’.\-]*", w)
                                   and (any(c.islower() for c in w) or re.fullmatch(r"(?:[A-Z]\.)+", w))
                                   for w in caps))


_DATE_LEAD_WORD_RE = re.compile(r"(?i)(?:published|posted|updated|modified|last|created|date|on):?")
_MONTH_WORD_RE = re.compile(MONTH_WORD + r",?", re.IGNORECASE)


#: Between the names of an author line: "Ana Lee and Jo Park", "Ana Lee, Jo Park & Eli Roe"
#: ("and" in English, Spanish, Italian and Portuguese, French, German).
_NAME_JOIN_RE = re.compile(r"\s*,\s*(?:(?:and|y|e|et|und)\s+)?|\s+(?:and|&|y|e|et|und)\s+")
#: What an author line may end with: the outlet after a bar, or the author's handle.
_AUTHOR_TAIL_RE = re.compile(r"\s*[|•·]\s*\S.*$|\s+@\w{2,}\S*(?:\s+[/|•·]\s+\S[^/|•·]{0,30})?$")


def _glued_tail(s: str) -> int | None:
    """Where a label copied without a space after a name starts: "Gareth
    McGrathUSA TODAY", "Isabel KeaneJournal News". A capital inside a word
    counts only after four letters, so "McGrath", "MacLeod", "DeShawn" stay whole."""
    for w in re.finditer(r"\S+", s):
        for m in re.finditer(r"(?<=[a-z])[A-Z]", w.group()):
            if m.start() >= 4 and w.group()[: m.start()].isalpha():
                return w.start() + m.start()
    return None


def _author_line(s: str) -> int | None:
    """Length of the names on an author line without "By": two or more
    people's names ("Ana Lee and Jo Park"), or one name with the outlet or
    handle after it ("Ana Lee | The Courier", "Ana Lee @analee", "Ana
    LeeThe Courier"). None when ``s`` is not such a line."""
    s = s.strip()
    names = s
    tail = _AUTHOR_TAIL_RE.search(s)
    if tail:
        names = s[: tail.start()]
    glued = _glued_tail(names)
    if glued is not None:
        label = names[glued:]
        if any(ch.isdigit() for ch in label) or re.match(r"(?:" + MONTH_WORD + r"|" + _WEEKDAY_RE.pattern + r")",
                                                         label, re.IGNORECASE):
            return None  # "Ana LeeMonday 7:30PM": a teaser's name and date, not the authors
        names = names[:glued]
    parts = _NAME_JOIN_RE.split(names.strip())
    if len(parts) >= 2 and all(_person_name(p) for p in parts[:-1]) and not _person_name(parts[-1]):
        # "Kevin Johnson and Kevin McCoy USA TODAY", "Ana Lee and Jo Park Almera Evening Leader":
        # the authors, then their paper's name after a space
        cut = _paper_after_name(parts[-1])
        if cut is not None:
            return len(names.rstrip()) - len(parts[-1]) + cut
    if not parts or not all(_person_name(p) for p in parts):
        return None
    if len(parts) >= 2 or tail or glued is not None:
        return len(names.rstrip())
    return None


def _paper_after_name(s: str) -> int | None:
    """Length of the person's name that opens ``s`` when the rest is a paper's
    name: words in capitals ("USA TODAY") or capitalised words ending in a
    newspaper's word ("Sioux Falls Argus Leader"; ``newspaper_words.txt``)."""
    words = s.split()
    for n in (2, 3, 4):
        if n >= len(words) or not _person_name(" ".join(words[:n])):
            continue
        rest = words[n:]
        if len(rest) > 5 or not all(w[:1].isupper() for w in rest):
            continue
        if all(w.isupper() and len(w) >= 2 for w in rest) or rest[-1].lower() in wordlist("newspaper_words"):
            return len(" ".join(words[:n]))
    return None


def _name_before_date(s: str) -> int | None:
    """Length of the person's name that opens ``s`` when the rest of the line
    is its date or time, with no separator: "Alex Perry 1 day ago",
    "Chris Davies Nov 19, 2019". None otherwise."""
    words = list(re.finditer(r"\S+", s))
    for n in (2, 3, 4):
        if len(words) <= n:
            break
        end = words[n - 1].end()
        rest = s[end:].strip()
        if _DATE_LEAD_WORD_RE.fullmatch(words[0].group()):
            break  # "Published November 20th, 2019": a label, not a name
        if rest[:1].isdigit() and _MONTH_WORD_RE.fullmatch(words[n - 1].group()):
            continue  # "... November 20th": the date's month ("Ana May November 3" keeps "May")
        opens_date = rest[:1].isdigit() or _MONTH_DAY_RE.match(rest) or _WEEKDAY_RE.match(rest)
        if opens_date and _person_name(s[:end]) and _dated(_Unit(0, 0, rest, 0, words=len(words) - n)):
            return end
    return None


def _name_above_headline(units: list[_Unit], title: int) -> _Unit | None:
    """The author's name printed above the headline with the date ("Louise
    Matsakis" / "Business" / "11.15.2019 10:09 AM" / headline), confirmed by
    an author note after it that opens with the same name and says who they
    are ("Louise Matsakis is a staff writer ..."). A name over a headline is
    otherwise as likely a teaser's or a menu's, so the note is required."""
    lines = range(max(0, title - 4), title)
    if not any(_dated(units[i]) for i in lines):
        return None
    for i in lines:
        name = units[i].text.strip()
        if not _person_name(name) or not any(_dated(units[j]) for j in range(i + 1, title)):
            continue
        for u in units[title + 1 :]:
            if (u.kind == "prose" and u.text.startswith(name + " ") and _BIO_VERB_RE.search(u.text)
                    and _BIO_WORDS.search(u.text[:300])):
                return units[i]
    return None


def _meta_byline(u: _Unit) -> tuple[int, int] | None:
    """Span, in the page text, of the name on byline line ``u``, or None."""
    core = _BULLET_RE.sub("", u.text)
    span = _byline_from(core)
    offset = u.start + (len(u.text) - len(core))
    if span is None and core != u.text:
        # "22. Dezember 2019 von Ana Lee": the number is a day, not a list's
        span, offset = _byline_from(u.text), u.start
    if span is None:
        return None
    return offset + span[0], offset + span[1]


def _header_byline(units: list[_Unit], title: int | None, first: int) -> tuple[int, int] | None:
    """The author's name between the headline and the article when no "By"
    line gives it: a name line beside a date or time line ("Dallas Robinson" /
    "Nov 18, 2019"), a name before a date on one line ("Chris Davies - Nov 19,
    2019", "Charlie Wood, Business Insider" over "19.11.2019, 08:57"), or a
    lone "By" over a name. Returns the name's span in the input."""
    lo = title if title is not None and title < first else max(-1, first - 7)
    block = list(range(lo + 1, first))[:8]
    for i in block:
        u = units[i]
        if u.kind == "prose" and u.words > 12:
            continue
        prev = units[i - 1] if i - 1 > lo else None
        nxt = units[i + 1] if i + 1 < len(units) else None
        s = u.text.strip()
        if u.words <= 25 and (span := _meta_byline(u)) is not None:
            return span
        if u.words <= 16 and (n := _other_by_names(s)) is not None:  # "Von Ana Lee und Jo Park"
            at = u.start + (len(u.text) - len(u.text.lstrip()))
            return at + _OTHER_BY_RE.match(s).start("name"), at + n
        if re.fullmatch(r"(?i:by):?", s) and nxt is not None and _person_name(nxt.text.strip()):
            return nxt.start, nxt.start + len(nxt.text.rstrip())
        if (n := _name_before_date(s)) is not None:
            at = u.start + (len(u.text) - len(u.text.lstrip()))
            return at, at + n
        if nxt is not None and _name_before_date(nxt.text.strip()) is not None:
            continue  # "Tech Insider" over "Alex Perry 1 day ago": the name on the dated line
        # (Past the writer's job title under the name: "Contributing Correspondent".)
        below = units[i + 2] if nxt is not None and _job_title(nxt.text) and i + 2 < len(units) else nxt
        if (by := _OTHER_BY_RE.match(s)) and _person_name(by.group("name")) and (_dated(below) or _dated(prev)):
            # "Por Ana Lee" over its date line: "by" in another language, then the name.
            at = u.start + (len(u.text) - len(u.text.lstrip())) + by.start("name")
            return at, at + len(by.group("name"))
        if _person_name(s) and not _is_nav_words(u.norm) and (_dated(below) or _dated(prev)):
            return u.start, u.start + len(u.text.rstrip())
        m = re.match(r"^(.+?)(?:\s+[-–—|]\s+|,\s+)(.+)$", s)
        if m and _person_name(m.group(1)) and (_dated(_Unit(0, 0, m.group(2), 0, words=len(m.group(2).split())))
                                               or _dated(nxt)):
            return u.start, u.start + len(m.group(1))
    for i in block:
        u = units[i]
        if u.kind != "nav" and u.words <= 16 and (n := _author_line(u.text)) is not None:
            at = u.start + (len(u.text) - len(u.text.lstrip()))
            return at, at + n
    return None


#: Between the names after "Von", "Av", "Par": :data:`_NAME_JOIN_RE`'s, and
#: "and" in Danish, Norwegian and Swedish ("Av Ana Lee og Jo Park").
_OTHER_NAME_JOIN_RE = re.compile(_NAME_JOIN_RE.pattern.replace("|und", "|und|og|och"))


def _other_by_names(s: str) -> int | None:
    """Length of the names after "by" in another language on a line of its
    own ("Von Ana Lee", "VON ANA LEE", "Av Ana Lee og Jo Park", "Von Ana Lee,
    Redakteurin", "Von Ana Lee und Jo Park, Nairobi"), counted from the line's
    start: people's names, joined by commas or "and", up to the first part
    that is no name, with at most three words after them. None when the
    first part is no person's name."""
    by = _OTHER_BY_RE.match(s)
    if by is None or by["colon"] or len(s.split()) > 16:
        return None
    rest = s[by.start("name"):]
    upper = rest.isupper()  # "VON ANA LEE": the names in capitals, read as capitalised words
    end = None
    at = 0
    for part in _OTHER_NAME_JOIN_RE.split(rest):
        at = rest.index(part, at)
        # (up to a word in small letters: "Ana Lee mit AP", "Ana Lee with Reuters")
        name = re.split(r"\s(?=[a-zß-öø-ÿ])(?!(?:" + "|".join(_NAME_PARTICLES) + r")\s)", part.strip())[0]
        if "(" in name or not _person_name(name.title() if upper else name):
            break
        end = at + len(part) - len(part.lstrip()) + len(name)
        at += len(part)
        if name != part.strip():
            break
    if end is None or len(_WORD_RE.findall(rest[end:])) > 3:
        return None  # more than a job, a place or a wire after the names: a headline's words
    return by.start("name") + end


def _other_by_line(units: list[_Unit], title: int | None, keep: list[int]) -> tuple[int, int] | None:
    """Span of the names on a "Von Ana Lee" line between the headline and
    the article, or among the article's first lines (under a standfirst):
    without a colon or a date beside it, such a line is no byline by its
    shape alone ("Von Miller" may open a headline), but where the byline
    sits, a line that is "by" and people's names and nothing else is one."""
    lo = title + 1 if title is not None and title < keep[0] else max(0, keep[0] - 8)
    for i in range(lo, min(keep[-1] + 1, keep[0] + 8)):
        u = units[i]
        if i == title or u.words > 16:
            continue
        s = u.text.strip()
        if (n := _other_by_names(s)) is not None:
            at = u.start + (len(u.text) - len(u.text.lstrip()))
            return at + _OTHER_BY_RE.match(s).start("name"), at + n
    return None


def _under_headline(units: list[_Unit], title: int) -> Iterator[_Unit]:
    """The lines under the headline where a byline may stand, in order: at
    most seven, past one standfirst paragraph (60 words or fewer) and lines
    :func:`_skippable` passes over (buttons, counts), up to and including the
    first other line. A caller stops at the line it looks for."""
    standfirst = False
    for i in range(title + 1, min(len(units), title + 8)):
        u = units[i]
        yield u
        if u.kind == "prose" and not standfirst and u.words <= 60:
            standfirst = True
            continue
        if not _skippable(u):
            return


def _name_under_headline(text: str, units: list[_Unit], title: int) -> _Unit | None:
    """A person's name as the first line under the headline, with no date
    beside it (past buttons, counts and one standfirst sentence), that the
    page prints again: in an author box, "More by", a comments header. A
    name printed once there is as likely a section's or a product's ("Server
    Software"), one printed all over the page a place's ("New York")."""
    for u in _under_headline(units, title):
        name = u.text.strip()
        if _person_name(name) and not _is_nav_words(u.norm):
            return u if 2 <= text.count(name) <= 6 else None
    return None


def _author_under_standfirst(units: list[_Unit], title: int) -> tuple[int, int] | None:
    """The authors' line under the headline's standfirst, inside the kept run:
    names with the writer's handle or outlet after them ("Ana Lee
    @analee"), or two or more names ("Ana Lee and Jo Park"), as the first
    line past one standfirst paragraph and buttons. Its span, or None."""
    for u in _under_headline(units, title):
        if u.kind != "nav" and u.words <= 16 and (n := _author_line(u.text)) is not None:
            at = u.start + (len(u.text) - len(u.text.lstrip()))
            return at, at + n
    return None


def header_meta(title: str, lines: list[str]) -> tuple[str | None, str | None]:
    """The date and byline printed under a known headline: ``lines`` are the
    page's lines under it, down to the article's first paragraph. The date
    is read as for a pasted page (the published date over an update); the
    byline only from a "By" line, since a saved page's captions and teasers
    under the headline look like names beside dates."""
    text = "\n\n".join([title, *lines])
    units = _split_units(text)
    _classify(units)
    first = next((i for i, u in enumerate(units) if i and u.kind == "prose" and u.words >= 40), len(units))
    date = _header_date(units, 0, first, dotted=False) if first > 1 else None
    span = next((s for u in units[1:min(first, 9)] if u.words <= 25 and (s := _meta_byline(u))), None)
    return date, (text[span[0]:span[1]] if span else None)


def _site_notice(u: _Unit) -> bool:
    """The site's own copyright notice, "© 2014-2020 Name" or "... All rights
    reserved", not a photo's ("© Jan Orlo The harbour at dawn, 2019")."""
    return u.kind == "stop" and bool(_RIGHTS_RESERVED_RE.search(u.text)
                                     or re.search(r"(?i:©|copyright)\s*©?\s*(?:19|20)\d\d", u.text))


def _comment_thread(units: list[_Unit], idx: list[int]) -> bool:
    """A run of readers' comments: most of its paragraphs come under a dated
    name line of their own ("Rarst · March 10, 2017 at 1:26 AM"); or most of
    its comments do, a comment being a paragraph or several printed one after
    the other, when the comments are short (half of them 100 words or fewer):
    an article's sections under dated chart labels are longer."""
    paras = [k for k in idx if units[k].kind == "prose"]

    def heads(starts: list[int]) -> int:
        return sum(any(_dated(units[j]) or (units[j].kind != "prose" and units[j].words <= 16
                                            and not _ends_sentence(units[j].text) and find_date(units[j].text))
                       for j in range(max(0, prev + 1, k - 4), k))
                   for prev, k in zip([idx[0] - 4] + starts, starts))

    n = heads(paras)
    if n >= 3 and 2 * n >= len(paras):
        return True
    starts = [k for k in paras if units[k - 1].kind != "prose" or k - 1 not in idx]
    if len(starts) == len(paras):
        return False
    sizes = sorted(sum(units[j].words for j in paras if a <= j < b)
                   for a, b in zip(starts, starts[1:] + [idx[-1] + 1]))
    n = heads(starts)
    return n >= 3 and 2 * n >= len(starts) and sizes[(len(sizes) - 1) // 2] <= 100


def _teaser_list(units: list[_Unit], idx: list[int]) -> bool:
    """A list of teasers for other stories: most of its paragraphs are a
    snippet (40 words or fewer) right under a headline line of its own (a
    short line that is no sentence). An article's subheadings each head
    several paragraphs, longer ones."""
    paras = [k for k in idx if units[k].kind == "prose"]
    if len(paras) < 3:
        return False
    heads = sum(1 for k in paras if k > 0 and units[k - 1].kind == "short" and 3 <= units[k - 1].words <= 16
                and not _ends_sentence(units[k - 1].text))
    snippets = sum(1 for k in paras if units[k].words <= 40)
    return heads >= 3 and 3 * heads >= 2 * len(paras) and 4 * snippets >= 3 * len(paras)


def _headline_list(units: list[_Unit], idx: list[int]) -> bool:
    """A sidebar of headlines ("TOP STORIES"): five paragraphs or more, and
    three in four of them end with no sentence's closing mark, as headlines
    do, however long ("Club now WON'T vote on the plan as the big clubs try
    to drag the rebels into line"). An article's paragraphs end their
    sentences. (Thai and other scripts that mark no sentence end are left
    alone.)"""
    paras = [units[k].text for k in idx if units[k].kind == "prose"]
    if len(paras) < 5 or any(_THAI_RE.search(t) or _UNSPACED_RE.search(t) for t in paras):
        return False
    return 4 * sum(not _ends_sentence(t) for t in paras) >= 3 * len(paras)


#: A line that is only a telephone number or only an e-mail address, as a
#: site's contact block prints them ("Tel.: +7 (4912) 51 19 95").
_CONTACT_LINE_RE = re.compile(
    r"(?:[^\W\d]{1,12}\.?:?\s*)?\+?\d[\d\s()./\-]{6,}\d|[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")


def _imprint(units: list[_Unit], idx: list[int]) -> bool:
    """A run that holds the site's contact block, or follows it: two lines or
    more that are only a telephone number or an e-mail address (a masthead's
    imprint, its registration and its legal terms around them)."""
    def contact(line: str) -> bool:
        # (A date on a line of its own, "Published 12.03.2026", is no telephone number.)
        if not _CONTACT_LINE_RE.fullmatch(line):
            return False
        return "@" in line or not (find_date(line) or _NUMERIC_DATE_RE.search(line))

    return sum(1 for k in range(max(0, idx[0] - 4), idx[-1] + 1)
               if units[k].words <= 6 and contact(units[k].text.strip())) >= 2


def _not_the_article(units: list[_Unit],
                     runs: list[tuple[list[int], int]]) -> list[tuple[list[int], int]]:
    """The runs' scores weighed by where they stand and what they are.

    A page prints its article first, under the headline, and what is not the
    article after it. Once a run of article prose has come (60 words or more
    in paragraphs that end a sentence: a ticker of headlines, however long,
    is none), every later run weighs half, so that a box of readers'
    questions, a second story, an author's biography or a dialog's settings
    printed after the article must be more than twice as long to be taken
    for it (measured in docs/accuracy.md, round 32 (lead)). In such a later
    run a paragraph that ends no sentence (a table's row of names and
    figures, a teaser glued to its title, a line of tags or of code) counts
    half its length: it takes more than twice as much of them (round 33).

    Runs that are not the article weigh a quarter besides when a run of
    article prose comes before them: what a copy prints after the site's
    copyright notice (a cookie-consent or log-in dialog, a notice laid over
    the page, in any language: "This website uses cookies ..."), a thread of
    readers' comments, which may be longer than the article, and the site's
    imprint with its contact block and legal terms. A list of headlines (a
    sidebar of "Top stories") weighs a quarter wherever it stands. A thread
    may also fall into one run per comment, each under the time it was
    posted ("2 days ago at 07:52 am" ends a run): three runs or more that
    each open right under such a line are its comments."""
    notices = [i for i, u in enumerate(units) if _site_notice(u)]
    last = notices[-1] if notices else len(units)
    under_time = [bool(idx) and any(units[j].kind == "time" for j in range(max(0, idx[0] - 3), idx[0]))
                  for idx, _ in runs]
    split_thread = sum(under_time) >= 3
    # The comment section's own words under its heading ("Comments", then the
    # site's rules for readers, "Sign in to comment"), not the article's.
    under_comments = [bool(idx) and idx[0] > 0 and units[idx[0] - 1].kind == "stop"
                      and bool(_COMMENT_WORDS_RE.search(units[idx[0] - 1].text)) for idx, _ in runs]
    thread = [bool(idx) and (_comment_thread(units, idx) or _imprint(units, idx) or _teaser_list(units, idx)
                             or (split_thread and timed) or commented)
              for (idx, _), timed, commented in zip(runs, under_time, under_comments)]
    out = []
    article_before = False
    for (idx, score), is_thread in zip(runs, thread):
        after_footer = bool(idx) and idx[0] > last
        if article_before:
            # (min: what the joins added, a figure's or a box's lines, stays as counted)
            score = min(score, sum(len(units[k].text) // (1 if _ends_sentence(units[k].text) else 2)
                                   for k in idx if units[k].kind == "prose"))
        if not is_thread and _story_headed(units, idx):
            score *= 2
        if article_before and (after_footer or is_thread) or _headline_list(units, idx):
            score //= 4
        if article_before:
            score //= 2
        out.append((idx, score))
        if (idx and not is_thread and not after_footer and _article_run(units, idx)
                and sum(units[k].words for k in idx
                        if units[k].kind == "prose" and _ends_sentence(units[k].text)) >= 60):
            article_before = True
    return out


def _story_headed(units: list[_Unit], idx: list[int]) -> bool:
    """Does the run open right under a story's head: a "By" line (and perhaps
    a date line) under a headline-shaped line? A page's own long paragraphs (a
    service desk's contact block, a licence) have none; the article has, even
    when it is short."""
    if not idx or idx[0] == 0:
        return False
    j = idx[0] - 1
    while j > 0 and idx[0] - j <= 3 and units[j].kind in ("meta", "time") and not _by_line(units[j]):
        j -= 1  # the date or time line under the byline
    return units[j].kind == "meta" and _by_line(units[j]) and j > 0 and _headline_shape(units[j - 1])


def _by_line(u: _Unit) -> bool:
    """Does the unit open with a byline ("By Ana Lee", "Par : Ana Lee")?"""
    return _byline_from(_BULLET_RE.sub("", u.text)) is not None


def _footer_notice(u: _Unit) -> bool:
    """A line of the footer naming the site's rights: "© ...", "Copyright
    & Disclaimer", "... All rights reserved" (not a sentence of the article
    about copyright)."""
    if u.words > 40:
        return False
    if _site_notice(u) or (u.kind != "prose" and ("©" in u.text or re.search(r"\bCopyright\b", u.text))):
        return True
    return u.kind == "prose" and bool(_RIGHTS_RESERVED_RE.search(u.text))


def _trim_footer(units: list[_Unit], keep: list[int]) -> list[int]:
    """The kept run without the page's footer: when the run reaches the site's
    copyright notice after the article's prose, the notice and what follows
    are not the article, nor the prompts and labels between the article's
    last paragraph and the notice (a subscription offer, a comment form, a
    poll's question: short lines, and short paragraphs standing alone among
    them)."""
    prose = 0
    for at, k in enumerate(keep):
        if _footer_notice(units[k]) and prose >= 60:
            break
        if units[k].kind == "prose":
            prose += units[k].words
    else:
        return keep
    while at > 0:
        k = keep[at - 1]
        u = units[k]
        if u.kind == "prose" and (u.words >= 25 or k > 0 and units[k - 1].kind == "prose"):
            break
        at -= 1
    return keep[:at] if at else keep


def _under_story_head(units: list[_Unit], keep: list[int]) -> list[int]:
    """The kept run without a paragraph of the page's over the story's head.

    A run of prose bridges a few short lines, so a short paragraph above the
    headline (an affiliate or cookie notice, a site's motto) and the
    headline, breadcrumbs and "By" line under it can open the kept run. When
    a "By" line comes under a headline-shaped line within the run's first
    lines, and the kept text above that line is 60 words or fewer, the
    article starts under the byline. (A standfirst under the headline has no
    headline between it and the byline, and stays.)
    """
    first = keep[0] if keep else 0
    for j in range(first + 1, min(first + 8, len(units))):
        u = units[j]
        if u.kind == "prose" and u.words >= 40:
            break
        if u.kind == "meta" and _by_line(u):
            heads = [h for h in range(first + 1, j) if units[h].kind != "prose" and _headline_shape(units[h])]
            above = [k for k in keep if heads and k < heads[0]]
            if above and sum(units[k].words for k in above) <= 60 and any(k > j for k in keep):
                return [k for k in keep if k > j]
            break
    return keep


def _paragraphs(text: str, units: list[_Unit], keep: list[int]) -> list[str]:
    """The kept units' text, verbatim."""
    return [text[units[i].start : units[i].end] for i in keep]


#: A name run into a second copy of itself, as a linked name and the card that
#: shows when the pointer rests on it are copied together: "Rep. Ilhan
#: OmarIlhan OmarHillicon Valley: ... MORE (D-Minn.)". Two to four
#: capitalised words; the copy is glued to the name's last letter.
_HOVER_NAME_RE = re.compile(
    r"(?<![\w’'])(?P<name>(?:[A-Z][\w’'.-]*[a-z][\w’'.-]* ){1,3}[A-Z][\w’'-]*[a-z])(?P=name)")
#: The card's last word, its button: "... MORE (D-Minn.)".
_HOVER_END_RE = re.compile(r"\bMORE\b")
#: How far a card may run (its heading and three or four headlines).
_HOVER_MAX = 700


def without_hover_cards(paragraph: str) -> str:
    """``paragraph`` with each hover card taken out (the pasted-page loader
    does this to the body :func:`parse_page_text` cuts out of the page, whose
    paragraphs are slices of it): the name's second copy,
    and the card's text up to its "MORE" button when one ends it within
    :data:`_HOVER_MAX` characters (else the copy alone). A name is never
    written twice with no space between the copies, so the glued copy is the
    card's own heading, not the writer's."""
    out, at = [], 0
    for m in _HOVER_NAME_RE.finditer(paragraph):
        if m.start() < at:
            continue
        cut = m.start() + len(m.group("name"))
        end = _HOVER_END_RE.search(paragraph, cut, cut + len(m.group("name")) + _HOVER_MAX)
        out.append(paragraph[at:cut])
        at = end.end() if end is not None else m.end()
    out.append(paragraph[at:])
    return "".join(out)


#: A video player's label on a line of its own, over the clip's title.
_PLAYER_LABELS = frozenset(("video", "videos", "watch", "watch video", "play", "play video", "now playing",
                            "watch now"))


#: What a site's account widgets and blog software put where a writer's name
#: would be (the HTML loader's author field and a pasted page's byline): the
#: accounts made for whoever installs the software, a log-in widget's and a
#: comment form's labels ("Name", German "Datum": date), a CMS's empty author.
ACCOUNT_PLACEHOLDERS = frozenset({"username", "user", "user name", "admin", "administrator", "webmaster",
                                  "site admin", "site administrator", "wordpressadmin", "guest", "anonymous",
                                  "author", "unknown", "your name", "name", "datum", "follow", "no author",
                                  "none"})


def _without_player_caption(units: list[_Unit], keep: list[int]) -> list[int]:
    """The kept run less a video player's caption that opens it: the player's
    label ("close" / "video"), the clip's title (a headline-shaped line) and one
    paragraph about the clip, then the article. The clip is the outlet's
    teaser for another story (or a recap), not a paragraph of this one."""
    first = keep[0] if keep else 0
    for at in (first - 2, first - 1):  # the clip's title above the run, or opening it
        if at < 0 or units[at].norm not in _PLAYER_LABELS or at + 2 >= len(units):
            continue
        clip, caption = units[at + 1], units[at + 2]
        rest = [k for k in keep if k > at + 2]
        if (clip.kind in ("short", "nav", "prose") and 3 <= clip.words <= 20 and not _ends_sentence(clip.text)
                and caption.kind == "prose" and caption.words <= 60 and at + 2 in keep and len(rest) >= 2
                and caption.block != units[rest[0]].block
                and sum(units[k].words for k in rest if units[k].kind == "prose") >= 3 * caption.words):
            return rest
    return keep


def parse_page_text(text: str) -> PageParts:
    """Split text copied from a news page into article body and metadata.

    Never raises on a ``str``; whitespace-only input gives ``PageParts(body="")``.
    """
    if not isinstance(text, str) or not text.strip():
        return PageParts(body="")
    units = _split_units(text)
    _classify(units)
    runs = _segments(units)

    if runs:
        # (max keeps the earliest on ties)
        keep, _ = max(_not_the_article(units, runs), key=lambda r: r[1])
        keep = _without_player_caption(units, _under_story_head(units, _trim_footer(units, sorted(keep))))
    else:
        keep = [i for i, u in enumerate(units) if u.kind in ("short", "prose")]
    keep = sorted(keep)

    title_unit: _Unit | None = None
    header: list[_Unit] = []
    if keep:
        first = keep[0]
        header = units[max(0, first - 12) : first][::-1]  # nearest first
        if runs:
            title_unit = _choose_title(units, first, keep)
        if runs and title_unit is None:
            # The headline sits a few lines above the article; share buttons
            # and a figure (image name, caption) between them do not count.
            # A line that shares no content word with the article's opening
            # (a share prompt, a section's name) yields to a headline-shaped
            # line a little higher that does: the article echoes its headline.
            lead = _lead_words(units, keep)
            looked = 0
            for u in units[max(0, first - 24) : first][::-1]:
                if _title_candidate(u):
                    if title_unit is None:
                        title_unit = u
                        if _echo(u.text, lead) > 0:
                            break
                        looked = 5  # look three lines further at most
                    elif _echo(u.text, lead) > 0:
                        title_unit = u
                        break
                    continue
                if u.kind == "caption" or _is_image_line(u.text) or _is_nav_words(u.norm):
                    continue
                looked += 1
                if looked >= 8:
                    break
        if title_unit is not None and units.index(title_unit) >= first:
            # The headline opened the kept run: it and what came before it are not body.
            at = units.index(title_unit)
            header = units[max(0, at - 12) : at + 1][::-1] + [units[k] for k in keep if k > at][:0]
            keep = [k for k in keep if k > at]
            # The byline or date line right under that headline is not body either.
            for _ in range(2):
                if len(keep) > 1 and keep[0] <= at + 2 and _meta_like(units[keep[0]]):
                    keep = keep[1:]
            first = keep[0] if keep else first
            header = units[max(0, first - 12) : first][::-1]
        if title_unit is None and runs and len(keep) >= 2 and _headline_like(units[first]):
            title_unit = units[first]
            header = [title_unit] + header
            keep = keep[1:]
    else:
        header = units[:12][::-1]

    paragraphs = _paragraphs(text, units, keep)
    parts = PageParts(body="\n\n".join(paragraphs))
    title_at = units.index(title_unit) if title_unit is not None else None
    if title_at is not None and keep and title_at < keep[0]:
        # The headline printed twice above the article (again in the author's
        # "Most Recent Stories"): its date and byline sit with one copy only.
        copies = [i for i in range(max(0, keep[0] - 40), keep[0])
                  if i != title_at and units[i].text == title_unit.text]
        if copies and _header_date(units, title_at, keep[0]) is None:
            title_at = next((i for i in copies if _header_date(units, i, keep[0])), title_at)
    if title_unit is not None:
        parts.title = text[title_unit.start : title_unit.end]

    # Byline and date lines sit above the article, or just below a standfirst.
    header_meta = [u for u in header if u.kind == "meta"]
    inside_meta: list[_Unit] = []
    if keep:
        inside = range(keep[0], min(keep[-1], keep[0] + 8))
        inside_meta = [units[i] for i in inside if units[i].kind == "meta"]

    # Date: glued to the first paragraph, else the nearest date line; a line
    # that dates an update ("Aktualisiert am 19.02.2020") only when no other
    # line of the head gives the story's own date.
    update: str | None = None

    def story_date(line: str) -> str | None:
        nonlocal update
        day = _is_date_line(line)
        if day and _UPDATE_RE.match(line.strip()):
            update = update or day
            return None
        return day

    if keep and units[keep[0]].prefix_date:
        parts.date = units[keep[0]].prefix_date
    else:
        for u in header:
            if u.prefix_date:
                parts.date = u.prefix_date
                break
            if u.kind == "meta":
                parts.date = story_date(_BULLET_RE.sub("", u.text))
                if parts.date:
                    break
        if parts.date is None:
            parts.date = next((d for u in header_meta + inside_meta if (d := story_date(u.text))), None)
        if parts.date is None and title_unit is not None and keep:
            parts.date = _header_date(units, title_at, keep[0])
        if parts.date is None:
            parts.date = update

    # Byline: a "By ..." or "<Name> Desk" line above the article, else a name
    # beside the date under the headline, else a "By" line just inside the
    # article (under a standfirst), else the name on an author box. A "by"
    # line among the paragraphs can be a widget's ("by Taboola"), so a name
    # printed with the headline's date comes first.
    for u in header_meta:
        if (span := _meta_byline(u)) is not None:
            parts.byline = text[span[0] : span[1]]
            break
    if parts.byline is None and keep:
        span = _header_byline(units, title_at, keep[0])
        if span is not None:
            parts.byline = text[span[0] : span[1]]
    if parts.byline is None:
        for u in inside_meta:
            if (span := _meta_byline(u)) is not None:
                parts.byline = text[span[0] : span[1]]
                break
    if parts.byline is None and inside_meta:
        # A name or wire credit beside a date line after a photo caption or
        # standfirst that opened the article.
        span = _header_byline(units, keep[0], min(keep[-1], keep[0] + 8))
        if span is not None:
            parts.byline = text[span[0] : span[1]]
            # The credit line is not a paragraph of the article.
            kept = [k for k in keep if not units[k].start <= span[0] < units[k].end]
            if kept and len(kept) < len(keep):
                keep = kept
                paragraphs = _paragraphs(text, units, keep)
                parts.body = "\n\n".join(paragraphs)
    if parts.byline is None and keep and (span := _other_by_line(units, title_at, keep)) is not None:
        parts.byline = text[span[0] : span[1]]
        kept = [k for k in keep if not units[k].start <= span[0] < units[k].end]
        if kept and len(kept) < len(keep):  # the credit line is not a paragraph of the article
            keep = kept
            paragraphs = _paragraphs(text, units, keep)
            parts.body = "\n\n".join(paragraphs)
    if parts.byline is None and keep and title_at is not None:
        if (named := _name_above_headline(units, title_at)) is not None:
            parts.byline = text[named.start : named.start + len(named.text.rstrip())]
    if parts.byline is None and keep and title_at is not None and title_at < keep[0]:
        if (named := _name_under_headline(text, units, title_at)) is not None:
            parts.byline = text[named.start : named.start + len(named.text.rstrip())]
            if named.start >= units[keep[0]].start:  # under a standfirst the article opened with
                keep = [k for k in keep if units[k] is not named]
                paragraphs = _paragraphs(text, units, keep)
                parts.body = "\n\n".join(paragraphs)
    if parts.byline is None and keep and title_at is not None and title_at < keep[0]:
        if (span := _author_under_standfirst(units, title_at)) is not None:
            parts.byline = text[span[0] : span[1]]
            kept = [k for k in keep if not units[k].start <= span[0] < units[k].end]
            if kept and len(kept) < len(keep):  # the authors' line is not a paragraph of the article
                keep = kept
                paragraphs = _paragraphs(text, units, keep)
                parts.body = "\n\n".join(paragraphs)
    if parts.byline is None and keep:
        # A blog's post footer right under the post, past a sign-off ("Cheers," /
        # the writer's first name): "Posted by Ana Lee at 5:06 AM".
        for u in units[keep[-1] + 1 : keep[-1] + 5]:
            if u.words <= 12 and re.match(r"(?i)posted by\b", u.text.strip()) and (span := _meta_byline(u)):
                parts.byline = text[span[0] : span[1]]
                break
            if u.kind == "prose":
                break
    if parts.byline is None and keep:
        last = keep[-1]
        for i in range(last + 1, min(last + 4, len(units) - 1)):
            after = units[i + 2] if i + 2 < len(units) else None
            if _is_author_box(units[i], units[i + 1], after):
                parts.byline = text[units[i].start : units[i].end]
                break

    # Dateline: opens the first paragraph, or the second after a standfirst.
    if parts.date is None and runs:
        parts.date = dateline_date(paragraphs)
    if parts.date is None and keep:
        # A date line right under the article's last paragraph (a gallery's
        # or a short item's date printed at its foot), before anything else.
        after = next((u for u in units[keep[-1] + 1 : keep[-1] + 3] if u.kind != "nav"), None)
        if after is not None and after.kind == "meta":
            parts.date = _is_date_line(after.text)
    if parts.date is None and keep:
        # "06/05/2020 · 10:07" alone on a date line: day or month first? A
        # page in another language than English writes the day first.
        near = header + [units[i] for i in range(keep[0], min(keep[-1], keep[0] + 8))]
        lines = [u for u in near if u.words <= 8 and _NUMERIC_DATE_RE.search(u.text)]
        if lines and _not_english(parts.body):
            parts.date = next((d for u in lines if (d := _day_first_date(u.text))), None)
    for para in paragraphs[:2] if runs else []:
        m = _DATELINE_RE.match(para)
        if m:
            parts.dateline = m.group("dateline").strip()
            agency = (m.group("agency") or "").strip()
            if agency and any(ch.isalpha() for ch in agency):
                parts.outlet_hint = agency
            break
    # "By Jonathan GarberFOXBusiness": the author link and the outlet label,
    # copied without a space between them. The tail is an outlet only when the
    # page prints that name elsewhere ("Fox Business"); "McDonald" stays whole.
    # "Posted on March 30, 2015 by admin": a blog's default account, no writer.
    if parts.byline and parts.byline.strip().casefold() in ACCOUNT_PLACEHOLDERS:
        parts.byline = None
    # "By Ana LeeStaff Writer": the writer's link and the job title under it,
    # copied without a space between them. The title is no part of the name.
    # (Only after a person's name: "Jeff Foust, SpaceNews Writer" names the writer's paper.)
    if parts.byline and (at := _glued_tail(parts.byline)) is not None and _job_title(parts.byline[at:].strip()) \
            and _person_name(parts.byline[:at].strip()):
        parts.byline = parts.byline[:at]
    glued = None
    if parts.byline:
        m = _GLUED_OUTLET_RE.search(parts.byline)
        if m and m.start("tail") > 0:
            key = outlet_key(m.group("tail"))
            if any(outlet_key(u.text) == key for u in units if u.words <= 4 and u.text != parts.byline):
                glued = m.group("tail")
                parts.byline = parts.byline[: m.start("tail")]
    # A wire story on a site belongs to the site: the page's own name first.
    own = _outlet_from_page(text, units, glued, parts.byline)
    if own:
        parts.outlet_hint, parts.outlet_from = own, "page"
    elif parts.outlet_hint:
        parts.outlet_from = "dateline"
    return parts
