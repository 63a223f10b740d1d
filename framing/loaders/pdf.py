"""A news page kept as a PDF (the browser's Print -> "Save as PDF").

The PDF's text layer is read with pdfminer.six: each line of text with its
box and font size. A PDF holds lines as the page wrapped them, so the lines
are rebuilt into paragraphs before the article is looked for:

- a browser's running header and footer (Chromium: the date and time, the
  page's title; the address and "1/3"; Firefox: "Page 1 of 3") and any line
  repeated at the same height on most pages are not article text. They are
  evidence: the address gives ``url`` and the outlet (the same chain as a
  saved page's: the title's site part, else the domain), the title is a
  hint for the headline;
- lines of one block join into a paragraph when they have the same font
  size, follow at the line pitch and the next line's first word would not
  have fitted on the line before (so the break was the column's, not the
  page's); a line-end hyphen is dropped only where the joined word occurs
  elsewhere in the text without it;
- a paragraph cut by a page break is joined across it.

The rebuilt text, a paragraph a line, goes to the pasted-page loader
(:func:`framing.loaders.text.parse_page_text`), whose article, byline, date
and furniture rules apply; the headline set in the largest type that the
title names is preferred to its choice.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass, field
from io import BytesIO

from ..errors import InputError
from .dates import day_in_url

__all__ = ["PdfText", "pdf_text", "use_layout"]

# pdfminer logs what it forgives in a file ("CropBox missing"); the one-line
# error of a file that cannot be read is framing's to give.
_LOG = logging.getLogger("pdfminer")
_LOG.addHandler(logging.NullHandler())
_LOG.propagate = False

#: Pages read at most: an article printed to PDF has a few; a longer file is
#: a book or a report, read up to here with a note.
MAX_PAGES = 100

NO_TEXT = "no text in this PDF (a scanned page? run OCR first, or save the page as HTML)"

#: Header and footer lines a browser prints on every page.
_URL = re.compile(r"^(?:https?|file)://\S+$", re.I)
_COUNTER = re.compile(r"^(?:(?:page|seite|página|pagina)\s+)?\d{1,4}\s*(?:/|of|von|sur|de|di)\s*\d{1,4}$", re.I)
_PRINTED_AT = re.compile(
    r"^\d{1,4}[./-]\d{1,2}[./-]\d{1,4},?\s+\d{1,2}:\d\d(?::\d\d)?(?:\s*[AaPp]\.?[Mm]\.?)?$")
_CID = re.compile(r"\(cid:\d+\)")
_LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
                            "\ufb05": "st", "\ufb06": "st"})
_SPACES = re.compile(r"[ \t\u00a0]+")
_ENDS_SENTENCE = tuple(".?!:;…\"'”’»)")


@dataclass
class _Line:
    page: int
    x0: float
    y0: float
    x1: float
    y1: float
    size: float
    text: str
    #: width of one character on this line, on average
    em: float = 0.0


@dataclass
class PdfText:
    """What :func:`pdf_text` read from a PDF."""

    text: str
    #: the address the browser printed in its header or footer
    url: str | None = None
    #: the page's title the browser printed in its header
    title_hint: str | None = None
    #: headlines set in large type, largest first
    headings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _damaged(exc: BaseException) -> str:
    return f"damaged or incomplete PDF, cannot be read ({type(exc).__name__}): save or print the page again"


def _read_lines(source: str, data: bytes) -> tuple[list[list[_Line]], list[float], int]:
    """Lines of each page, in pdfminer's reading order, and each page's height."""
    from pdfminer.layout import LAParams, LTChar, LTTextBox, LTTextLineHorizontal
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    pages: list[list[_Line]] = []
    heights: list[float] = []
    total = 0
    try:
        doc = PDFDocument(PDFParser(BytesIO(data)))
    except (PDFEncryptionError, PDFPasswordIncorrect):
        raise InputError(source, "the PDF is encrypted with a password: open it, print it to a new PDF "
                                 "or save the page as HTML") from None
    except Exception as exc:
        raise InputError(source, _damaged(exc)) from None
    rsrc = PDFResourceManager(caching=True)
    device = PDFPageAggregator(rsrc, laparams=LAParams(line_margin=0.9, detect_vertical=False))
    interp = PDFPageInterpreter(rsrc, device)
    try:
        for number, page in enumerate(PDFPage.create_pages(doc)):
            total = number + 1
            if number >= MAX_PAGES:
                continue
            interp.process_page(page)
            layout = device.get_result()
            heights.append(float(layout.height))
            lines: list[_Line] = []
            # pdfminer's boxes only gather the lines: its grouping and order
            # of boxes mix a page's header with its menu; see _runs
            for el in layout:
                if not isinstance(el, LTTextBox):
                    continue
                for ln in el:
                    if not isinstance(ln, LTTextLineHorizontal):
                        continue
                    chars = [c for c in ln if isinstance(c, LTChar)]
                    text = _SPACES.sub(" ", _CID.sub("", ln.get_text()).translate(_LIGATURES)).strip()
                    if not chars or not text:
                        continue
                    sizes = Counter(round(c.size, 1) for c in chars)
                    size = sizes.most_common(1)[0][0]
                    lines.append(_Line(number, ln.x0, ln.y0, ln.x1, ln.y1, size, text,
                                       (ln.x1 - ln.x0) / max(1, len(text))))
            pages.append(lines)
    except (PDFEncryptionError, PDFPasswordIncorrect):
        raise InputError(source, "the PDF is encrypted with a password: open it, print it to a new PDF "
                                 "or save the page as HTML") from None
    except RecursionError:
        raise InputError(source, _damaged(RecursionError("nested too deep"))) from None
    except Exception as exc:  # pdfminer raises many kinds on a broken file
        if not pages:
            raise InputError(source, _damaged(exc)) from None
        # the pages read before the damage are kept
    return pages, heights, total


def _key(text: str) -> str:
    return re.sub(r"\d+", "#", text.lower())


def _running(pages: list[list[_Line]], heights: list[float]) -> tuple[set[int], str | None, str | None]:
    """Ids of the header and footer lines, the address and the title they show."""
    drop: set[int] = set()
    url = title = None
    for lines, height in zip(pages, heights):
        edge = [ln for ln in lines if ln.y0 > height * 0.92 or ln.y1 < height * 0.08]
        marks = [ln for ln in edge if _URL.match(ln.text) or _COUNTER.match(ln.text) or _PRINTED_AT.match(ln.text)]
        rows = {round(m.y0) for m in marks}
        for ln in edge:
            if any(abs(ln.y0 - r) <= 1.5 for r in rows):
                drop.add(id(ln))
                if _URL.match(ln.text):
                    url = url or ln.text
                elif not (_COUNTER.match(ln.text) or _PRINTED_AT.match(ln.text)) and ln.y0 > height / 2:
                    title = title or ln.text
    if len(pages) >= 2:
        # a line at the same height with the same words (numbers aside) on
        # most pages: a running header or footer, or a box the page fixes in
        # the window (a cookie notice), which a print repeats on every page
        seen: dict[tuple[str, int], set[int]] = {}
        for lines in pages:
            for ln in lines:
                seen.setdefault((_key(ln.text), round(ln.y0 / 3)), set()).add(ln.page)
        need = max(2, (len(pages) + 1) // 2)
        for lines in pages:
            for ln in lines:
                pages_with = seen.get((_key(ln.text), round(ln.y0 / 3)), set())
                if len(pages_with) >= need:
                    drop.add(id(ln))
    return drop, url, title


def _join(a: str, b: str, vocabulary: Counter) -> str:
    """Two wrapped lines as one. A browser breaks a line after a hyphen only
    where the text has one ("well-known"): kept, with no space, unless the
    word joined without it is written elsewhere in the text (a hyphenation)."""
    if a.endswith(("-", "\u00ad")) and len(a) >= 2 and a[-2].isalpha():
        head = re.search(r"([^\W\d_]+)[-\u00ad]$", a)
        tail = re.match(r"[^\W\d_]+", b)
        if a.endswith("\u00ad") or (head and tail and b[:1].islower()
                                    and vocabulary[(head.group(1) + tail.group(0)).lower()] > 0):
            return a[:-1] + b
        return a + b
    return f"{a} {b}"


def _first_word_width(ln: _Line) -> float:
    word = ln.text.split(" ", 1)[0]
    return len(word) * ln.em


def _runs(kept: list[_Line]) -> list[list[_Line]]:
    """The lines of each block, blocks in reading order. A block's lines have
    the same font size, follow at the line pitch and start at the same left
    edge (a first line's indent aside); blocks side by side (columns, a menu's
    links) are gathered at once and read top to bottom, left to right."""
    blocks: list[list[_Line]] = []
    by_page: dict[int, list[_Line]] = {}
    for ln in kept:
        by_page.setdefault(ln.page, []).append(ln)
    for page in sorted(by_page):
        open_: list[list[_Line]] = []
        for ln in sorted(by_page[page], key=lambda x: (-round(x.y0, 1), x.x0)):
            home = None
            for block in open_:
                last = block[-1]
                step = last.y0 - ln.y0
                edges = [block[0].x0] + ([block[1].x0] if len(block) > 1 else [])
                if (abs(last.size - ln.size) <= max(0.5, 0.06 * ln.size) and 0.5 * ln.size <= step <= 1.9 * ln.size
                        and (any(abs(ln.x0 - e) <= 0.8 * ln.size for e in edges)
                             # the second line of a block whose first is indented
                             or (len(block) == 1 and 0 < block[0].x0 - ln.x0 <= 4 * ln.size)
                             # centred lines (a headline, a page printed without its style sheet)
                             or abs((ln.x0 + ln.x1) - (last.x0 + last.x1)) <= 1.6 * ln.size)):
                    home = block
                    break
            if home is None:
                home = []
                open_.append(home)
                blocks.append(home)
            home.append(ln)
            # blocks this line has left behind take no more lines
            open_ = [b for b in open_ if b[-1].y0 - ln.y0 <= 2.0 * b[-1].size or b is home]
    return blocks


def _body_size(runs: list[list[_Line]]) -> float:
    """The size of the running text: the one most characters are set in, in
    blocks of three lines or more (a menu's one-line links do not count)."""
    weight: Counter = Counter()
    for run in runs:
        if len(run) >= 3:
            for ln in run:
                weight[ln.size] += len(ln.text)
    if not weight:
        for run in runs:
            for ln in run:
                weight[ln.size] += len(ln.text)
    return weight.most_common(1)[0][0] if weight else 0.0


def _wrapped(prev: _Line, ln: _Line, right: float) -> bool:
    """Did the column wrap ``prev`` (the next line's first word would not have fitted)?"""
    return prev.x1 + ln.em + _first_word_width(ln) > right - ln.em


def _paragraphs(pages: list[list[_Line]], drop: set[int]) -> list[tuple[list[_Line], str]]:
    """The lines rebuilt into paragraphs: (lines, separator before it)."""
    kept = [ln for lines in pages for ln in lines if id(ln) not in drop]
    runs = _runs(kept)
    body_size = _body_size(runs)
    # A column's right edge: the longest line that starts where the run does
    # (a byline over the article's paragraphs has the paragraphs' measure).
    starts: dict[tuple[int, int], float] = {}
    for ln in kept:
        k = (ln.page, round(ln.x0))
        starts[k] = max(starts.get(k, 0.0), ln.x1)
    last_on_page = {run[-1].page: run[-1] for run in runs}
    first_on_page: dict[int, _Line] = {}
    for run in runs:
        first_on_page.setdefault(run[0].page, run[0])
    paras: list[tuple[list[_Line], str]] = []
    prev_right = 0.0
    for run in runs:
        right = max([ln.x1 for ln in run] + [starts.get((run[0].page, round(run[0].x0) + d), 0.0) for d in (-1, 0, 1)])
        first = run[0]
        if paras:
            prev = paras[-1][0][-1]
            # a paragraph the page break cut: the last line of a page, the first of the next
            if (first.page == prev.page + 1 and last_on_page.get(prev.page) is prev
                    and abs(prev.size - first.size) <= max(0.5, 0.06 * first.size)
                    and abs(first.x0 - paras[-1][0][0].x0) <= 0.8 * first.size
                    and not prev.text.endswith(_ENDS_SENTENCE) and _wrapped(prev, first, max(prev_right, right))
                    and first is first_on_page.get(first.page)):
                paras[-1][0].append(first)
            else:
                paras.append(([first], "\n\n"))
        else:
            paras.append(([first], ""))
        heading = first.size >= 1.3 * body_size
        for prev, ln in zip(run, run[1:]):
            # a headline's lines break where its box is narrower than the column
            if heading or _wrapped(prev, ln, right):
                paras[-1][0].append(ln)
            else:
                paras.append(([ln], "\n"))
        prev_right = right
    return paras


def _text_of(lines: list[_Line], vocabulary: Counter) -> str:
    out = lines[0].text
    for ln in lines[1:]:
        out = _join(out, ln.text, vocabulary)
    return out


def pdf_text(source: str, data: bytes) -> PdfText:
    """The text of a PDF, a paragraph a line, with what its header and footer show.
    Raises :class:`InputError` for an encrypted, damaged or image-only PDF."""
    pages, heights, total = _read_lines(source, data)
    drop, url, title = _running(pages, heights)
    paras = _paragraphs(pages, drop)
    if not paras:
        raise InputError(source, NO_TEXT)
    vocabulary: Counter = Counter()
    for lines, _ in paras:
        for ln in lines:
            vocabulary.update(w.lower() for w in re.findall(r"[^\W\d_]+", ln.text))
    texts = [_text_of(lines, vocabulary) for lines, _ in paras]
    out = "".join(sep + t for (_, sep), t in zip(paras, texts)) + "\n"
    # Headings: type clearly larger than the body's paragraphs', largest first.
    weight: Counter = Counter()
    for (lines, _), text in zip(paras, texts):
        if len(text.split()) >= 12:
            for ln in lines:
                weight[ln.size] += len(ln.text)
    body_size = weight.most_common(1)[0][0] if weight else min(ln.size for lines, _ in paras for ln in lines)
    big = [(max(ln.size for ln in lines), i) for i, (lines, _) in enumerate(paras)
           if max(ln.size for ln in lines) >= 1.3 * body_size and len(texts[i].split()) >= 3]
    headings = [texts[i] for _, i in sorted(big, key=lambda t: (-t[0], t[1]))]
    notes = []
    if total > MAX_PAGES:
        notes.append(f"read the first {MAX_PAGES} of the PDF's {total} pages")
    if len(out.strip()) == 0:
        raise InputError(source, NO_TEXT)
    return PdfText(out, url=url, title_hint=title, headings=headings, notes=notes)


def _tokens(text: str | None) -> list[str]:
    return re.findall(r"\w+", (text or "").lower())


def _names(a: str | None, b: str | None) -> bool:
    """Do two headlines name the same words (one may carry the site's name)?"""
    ta, tb = _tokens(a), _tokens(b)
    if not ta or not tb:
        return False
    sa, sb = set(ta), set(tb)
    small, big = (sa, sb) if len(sa) <= len(sb) else (sb, sa)
    return len(small & big) >= 0.8 * len(small) and len(small) >= 0.6 * len(big)


#: A day in an article's address: ``/2019/11/19/``, ``/2019-11-19/``.
def _starts(heading: str, hint: str | None) -> bool:
    """A title the browser cut short that a heading begins with."""
    th = _tokens(hint)
    return len(th) >= 4 and _tokens(heading)[: len(th)] == th


def _shares(a: str | None, b: str | None) -> bool:
    """Do two headlines share half the words of the shorter?"""
    sa, sb = set(_tokens(a)), set(_tokens(b))
    return bool(sa and sb) and len(sa & sb) >= 0.5 * min(len(sa), len(sb))


def use_layout(art, found: PdfText) -> None:
    """What only the PDF shows, laid over what the pasted-page loader found in
    its text: the headline in large type that the printed title names, the
    address in the footer, the outlet from the title's site part or the address."""
    from .html import _Page, _title_parts, original_url, outlet_of

    hint = _title_parts(found.title_hint)[0] if found.title_hint else None
    if hint and hint.endswith(("...", "…")):
        hint = hint.rstrip(".… ")  # the browser cut a long title short
    if not (art.title in found.headings and _names(art.title, hint)):
        named = [h for h in found.headings if _names(h, hint) or _starts(h, hint)]
        if not named and found.headings and art.title not in found.headings and (
                hint is None or _shares(found.headings[0], hint) or not _shares(art.title, hint)):
            # the page's title words it otherwise ("... bodes ill for ..."
            # over "... sends a dismal signal about ...")
            named = found.headings[:1]
        if named:
            art.title = named[0]
    paras = art.body.split("\n\n")
    if art.title and paras and paras[0].strip() == art.title.strip() and len(paras) > 1:
        art.body = "\n\n".join(paras[1:])
    # (a capture printed from a web archive's replay names the page's own address)
    url = original_url(found.url) if found.url and found.url.lower().startswith(("http://", "https://")) else None
    if url and not art.url and not url.endswith(("...", "…")):
        # (a page printed from a file on disk shows file://: no address; one
        # the browser cut short still names its host, for the outlet)
        art.url = url
    if url and not art.date:
        in_url = day_in_url(url)
        art.date = in_url.isoformat() if in_url else None
    if found.title_hint or url:
        from html import escape

        page = _Page(f"<html><head><title>{escape(found.title_hint or '')}</title></head></html>")
        # As for a saved page: the title's site part, then the address's
        # domain; what the text alone suggests (a copyright holder, the wire
        # service of a dateline) only without them.
        name, source = outlet_of(page, url)
        if name:
            art.outlet, art.outlet_from = name, source
    art.notes.extend(found.notes)
