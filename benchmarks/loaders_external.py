"""The page loaders against test pages of other projects, read in place.

Neither the repository nor ../shared holds these pages: they are a check on
input the loaders were not written against. Give the folders of a checkout:

    python benchmarks/loaders_external.py --readability PATH/readability/test/test-pages \
        [--htmldate PATH/htmldate/tests] [--real-pages ../shared/data/real-pages] [--pasted] \
        [--scrapinghub PATH/article-extraction-benchmark] [--trafilatura PATH/trafilatura/tests] \
        [--newspaper PATH/newspaper/tests/data] [--goose3 PATH/goose3/tests/data] \
        [--fundus PATH/fundus/tests/resources/parser/test_data [--listing FILE]]

* ``--readability``: Mozilla Readability's test pages, each ``source.html``
  with its ``expected-metadata.json`` (title, byline, siteName,
  publishedTime: Readability's own expectations, not a gold standard; its
  titles keep the site's suffix, "Headline | Site", so a headline that the
  expected title starts with counts). The HTML loader's title, byline
  (either contains the other), outlet (site name) and date are compared.
* ``--htmldate``: htmldate's evaluation set of 200 news pages from Media
  Cloud (``eval_mediacloud_2020.json`` and ``test_set/``, many languages),
  with the day each was published; pages without a date are left out.
* ``--pasted``: every page of the sets above copied as a reader would
  (select all, copy: ``document.body.innerText`` in headless Chromium,
  scripts off, no network) and read by the pasted-text loader.
  Readability: title on the pages whose expected headline is printed as a
  line of the copy, date, byline (right and wrong), outlet, and the body:
  word-level precision and recall of the loader's body against the text of
  Readability's ``expected.html`` (lower-cased ``\\w+`` words, multiset
  overlap), given as the median over the pages and the number of pages with
  recall under 0.5 (article lost or cut short) and precision under 0.5 (page
  junk kept). Readability's extraction is no gold standard either: it keeps
  figure captions and tables, may drop a standfirst, and on index pages and
  documentation it keeps what its own rules find. Copies that print no text
  (a page that hides its body without scripts) count as body precision and
  recall 0 and are given as ``body empty copies``. Media Cloud:
  date (right, none, wrong) and title, taken to be the HTML loader's
  headline where that is printed as a line of the copy. With
  ``--real-pages``, the 69 saved HTML pages of ``../shared/data/real-pages``
  copied the same way (its pasted pages were copied by hand): title, date
  and outlet against its ``truth.json``, and the events that ``framing``
  groups the copies into (B-cubed F1 against the truth's events).
* ``--trafilatura``: the evaluation pages of trafilatura (its ``tests``
  folder: ``evaldata.json``, ``eval/`` and ``cache/``; 990 real pages, most
  of them German blogs, news and institutions' pages, with a title, author
  and date checked by hand on most, and for each a few snippets that the
  article holds and a few of page furniture that it must not). The HTML
  loader's and, with ``--pasted``, the pasted loader's (on Chromium copies,
  read as a pasted file is: decoded by the same code) title (either starts
  the other), byline (holds every surname of the reference author), date
  (the same day), and body (snippets found, furniture kept, pages with no
  body). trafilatura is tuned on these pages, so the HTML loader's body and
  fields are no out-of-sample figure; the pasted loader's are.
* ``--scrapinghub``: the article-extraction benchmark of Zyte (formerly
  Scrapinghub; ``html/*.html.gz`` and ``ground-truth.json``: 181 real pages of
  2019 and earlier, many languages, each with its article body as a person
  marked it). The HTML loader's body against it (word-level precision, recall
  and F1 as above: mean, median, pages under 0.5), pages with no body ("no
  article text found"), and how many pages get an outlet, a date and a
  byline (counts only: the set gives no truth for them). 56 of its pages are
  among ``../shared/data/real-pages``; ``--real-pages`` given too, the
  others are also counted on their own. With ``--pasted``, each page copied
  as above and read by the pasted loader: its headline and date against the
  HTML loader's (a headline either starts the other), its body against the
  benchmark's (only the pages not among the real pages when both are given).
* ``--newspaper``: the saved pages of newspaper3k (its ``tests/data``
  folder: ``html/`` and ``text/``; ~150 pages of 2013-2014, most of them US
  and UK English news and magazines, a few in other languages). Each page's
  expected text (``text/``, same name; ``cnn_article.html`` pairs with
  ``cnn.txt``, ``<language>_article.html`` with ``<language>.txt``) is
  newspaper's own extraction as its authors accepted it, not a text marked
  by hand: where it is a note of what failed ("EXTRACTED NOTHING": no
  lower-case letter) or under 50 words (a newsletter prompt, a caption) the
  page has no usable expectation and is left out of the body figures. The
  HTML loader's body against it (word precision, recall and F1 as for
  ``--scrapinghub``), pages with no body, and how many pages get a
  headline, a byline, a date and an outlet (counts: the set states a
  headline, authors and a date for one page only, ``cnn_article``, which its
  unit tests assert; those three are scored). With ``--pasted``, each page
  copied as above and read by the pasted loader: its body against the
  expected text, its headline and date against the HTML loader's.
* ``--goose3``: the test pages of goose3 (its ``tests/data`` folder).
  ``content/``: 51 saved pages (2010-2014, news in English and six other
  languages, a few invented ones), each with the text its article body
  starts with (``cleaned_text``: goose3 asserts only that beginning) and on
  nine a title; ``title/``, ``authors/`` and ``publishdate/`` and
  ``reportagenewsarticle/``: small pages (most of them invented to test one
  kind of markup) with the title, the authors or the publication date. The
  HTML loader's body (the expected beginning found in the body, word recall
  of it; pages with no body), title (either starts the other; a page whose
  expected title is empty is left out), byline (holds every surname of the
  expected authors) and date (the day of the expected stamp as written).
  Two pages need a configuration of goose3's own (``test_author_config``,
  ``test_publish_date_config``: markup that only that configuration names)
  and are left out. With ``--pasted``, the content pages copied as above:
  the expected beginning in the pasted loader's body, its recall, and the
  headline against the truth where given, else against the HTML loader's.
* ``--fundus``: the saved pages of fundus (flairNLP/fundus, its
  ``tests/resources/parser/test_data`` folder: ``<country>/<Publisher>_<date>
  .html.gz``, 258 real pages of 2023-2026 from ~180 publishers in ~40
  countries, a third of them in English), each with the fields that
  fundus's hand-written parser for that publisher extracts and its
  maintainers checked (``<Publisher>.json``, one entry per parser version;
  a publisher's pages pair with its versions in order of date) and the
  page's URL (``meta.info``, not given to the loader: a saved page carries
  only what it holds). The HTML loader's title (either starts the other;
  fundus takes some titles from the metadata, the loader the visible
  ``<h1>``, so a kicker or a shorter social-media title counts as a miss),
  byline (holds every surname of the truth's authors; an author that is
  the outlet's own name, "ORF.at", counts as no author), date (the day of
  the truth's stamp as it writes it, often in UTC, against the loader's day
  in the page's own zone), outlet (how many pages get one and how many name
  the site: the publisher's name or the URL's domain), and body (word
  precision, recall and F1 against the truth's summary, section headlines
  and paragraphs: mean, median, pages under 0.5, empty), for all pages and
  for the English ones and the others apart (a page is English where 4 % or
  more of its truth's words are common English function words). With
  ``--pasted``, each page copied as above and read by the pasted loader:
  title, byline, date and body the same way. ``--listing``: each page's
  fields and scores to a JSON file.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import statistics
import tempfile
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from typing import Iterable, Iterator


def _norm(s: str | None) -> str:
    return re.sub(r"\W+", " ", (s or "").casefold()).strip()


def _title_ok(found: str | None, expected: str | None) -> bool:
    f, e = _norm(found), _norm(expected)
    return bool(f) and (f == e or (len(f) > 15 and e.startswith(f)))


def _parse(path: Path, decoded: bool = False):
    """The HTML loader on a saved page; ``decoded``: read in the encoding it
    declares (as ``framing add`` reads it), not as UTF-8."""
    from framing.loaders.decode import decode
    from framing.loaders.html import parse_html

    raw = path.read_bytes()
    return parse_html(str(path), decode(str(path), raw)[0] if decoded else raw.decode("utf-8", "replace"), raw)


def _read_copy(path: Path, text: str):
    """The pasted loader on a page's copy, read as a pasted file is (decoded by
    the same code)."""
    from framing.loaders.decode import decode
    from framing.loaders.text import parse_page_text

    return parse_page_text(decode(str(path), text.encode("utf-8"))[0])


def _same_title(a: str | None, b: str | None) -> bool:
    """Either title starts the other (:func:`_title_ok` both ways)."""
    return _title_ok(a, b) or _title_ok(b, a)


def _readability_pages(folder: Path) -> list[tuple[Path, dict]]:
    return [(d / "source.html", json.loads((d / "expected-metadata.json").read_text(encoding="utf-8")))
            for d in sorted(p for p in folder.iterdir() if (p / "expected-metadata.json").exists())]


def _copies(paths: Iterable[Path], decoded: bool = False) -> Iterator[tuple[Path, str]]:
    """Each page's text as select-all and copy gives it (headless Chromium);
    ``decoded``: the page read in the encoding it declares (as the HTML loader
    reads it), not as UTF-8."""
    from playwright.sync_api import sync_playwright

    from framing.loaders.decode import decode

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        context = browser.new_context(java_script_enabled=False)
        context.route("**/*", lambda route: route.abort())
        page = context.new_page()
        for path in paths:
            raw = path.read_bytes()
            try:
                page.set_content(decode(str(path), raw)[0] if decoded else raw.decode("utf-8", "replace"),
                                 wait_until="domcontentloaded", timeout=30000)
                text = page.evaluate("document.body ? document.body.innerText : ''")
            except Exception:  # noqa: BLE001 - a page that navigates away (a meta refresh) copies as nothing
                page.close()
                page, text = context.new_page(), ""
            yield path, text
        browser.close()


def _shown(text: str, expected: str | None) -> set[str]:
    """The lines of a copy that print the expected headline."""
    e = _norm(expected)
    return {ln for ln in (_norm(x) for x in text.splitlines())
            if ln and e and (ln == e or (len(ln) > 15 and e.startswith(ln)))}


def readability(folder: Path) -> Counter:
    c: Counter = Counter()
    for source, m in _readability_pages(folder):
        a = _parse(source)
        c["pages"] += 1
        c["title"] += _title_ok(a.title, m.get("title"))
        if m.get("byline"):
            c["byline of"] += 1
            b, e = _norm(a.byline), _norm(m["byline"])
            c["byline"] += bool(b) and (b in e or e in b)
        if m.get("siteName"):
            c["outlet of"] += 1
            c["outlet"] += _norm(a.outlet) == _norm(m["siteName"])
        if m.get("publishedTime"):
            c["date of"] += 1
            c["date"] += a.date == m["publishedTime"][:10]
    return c


class _TextOf(HTMLParser):
    """The text of an HTML fragment, tags read as word breaks."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.skip += tag in ("script", "style")
        self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        self.skip -= tag in ("script", "style") and self.skip > 0
        self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def _words(text: str) -> Counter:
    return Counter(re.findall(r"\w+", text.casefold()))


def body_overlap(found: str, expected_html: str) -> tuple[float, float]:
    """Word precision and recall of a body against the text of an HTML extraction."""
    reader = _TextOf()
    reader.feed(expected_html)
    reader.close()
    want, got = _words("".join(reader.parts)), _words(found)
    both = sum((want & got).values())
    return both / max(1, sum(got.values())), both / max(1, sum(want.values()))


def readability_pasted(folder: Path) -> Counter:
    from framing.loaders.text import parse_page_text

    pages = dict(_readability_pages(folder))
    c: Counter = Counter()
    precision: list[float] = []
    recall: list[float] = []
    for source, text in _copies(pages):
        m, parts = pages[source], parse_page_text(text)
        if shown := _shown(text, m.get("title")):
            c["headline shown"] += 1
            c["title"] += _norm(parts.title) in shown
        if m.get("publishedTime"):
            c["date of"] += 1
            c["date"] += parts.date == m["publishedTime"][:10]
        if m.get("byline"):
            c["byline of"] += 1
            b, e = _norm(parts.byline), _norm(m["byline"])
            c["byline right" if b and (b in e or e in b) else "byline wrong" if b else "byline none"] += 1
        if m.get("siteName"):
            c["outlet of"] += 1
            c["outlet"] += _norm(parts.outlet_hint) == _norm(m["siteName"])
        expected = source.with_name("expected.html")
        if expected.exists():
            p, r = body_overlap(parts.body, expected.read_text(encoding="utf-8"))
            precision.append(p)
            recall.append(r)
            c["body empty copies"] += not text.strip()
    if recall:
        c["body pages"] = len(recall)
        c["body precision median (x1000)"] = round(1000 * statistics.median(precision))
        c["body recall median (x1000)"] = round(1000 * statistics.median(recall))
        c["body recall < 0.5"] = sum(r < 0.5 for r in recall)
        c["body precision < 0.5"] = sum(p < 0.5 for p in precision)
    return c


def _htmldate_pages(folder: Path) -> list[tuple[Path, str]]:
    truth = json.loads((folder / "eval_mediacloud_2020.json").read_text(encoding="utf-8"))
    return [(folder / "test_set" / t["file"], t["date"]) for _url, t in sorted(truth.items())
            if isinstance(t.get("date"), str) and re.match(r"\d{4}-\d\d-\d\d$", t["date"])]


def htmldate_set(folder: Path) -> Counter:
    c: Counter = Counter()
    for path, day in _htmldate_pages(folder):
        d = _parse(path).date
        c["dated pages"] += 1
        c["date right"] += d == day
        c["no date"] += d is None
    return c


def htmldate_pasted(folder: Path) -> Counter:
    from framing.loaders.text import parse_page_text

    pages = dict(_htmldate_pages(folder))
    c: Counter = Counter()
    for path, text in _copies(pages):
        parts = parse_page_text(text)
        c["dated pages"] += 1
        c["date right" if parts.date == pages[path] else "no date" if parts.date is None else "date wrong"] += 1
        if shown := _shown(text, _parse(path).title):
            c["headline shown"] += 1
            c["title"] += _norm(parts.title) in shown
    return c


def _bcubed(truth: dict[str, str], pred: dict[str, object]) -> float:
    p = r = 0.0
    for x in truth:
        same_t = {y for y in truth if truth[y] == truth[x]}
        same_p = {y for y in truth if pred.get(y, "alone " + y) == pred.get(x, "alone " + x)}
        p += len(same_t & same_p) / len(same_p)
        r += len(same_t & same_p) / len(same_t)
    p, r = p / len(truth), r / len(truth)
    return 2 * p * r / (p + r)


def real_pages_pasted(folder: Path) -> Counter:
    from framing.loaders.text import parse_page_text

    truth = {t["file"]: t for t in json.loads((folder / "truth.json").read_text(encoding="utf-8"))
             if t["set"] == "html"}
    c: Counter = Counter()
    framing = str(Path(sys.executable).with_name("framing"))
    with tempfile.TemporaryDirectory() as work:
        for path, text in _copies(sorted((folder / "html").glob("*.html"))):
            t, parts = truth[path.name], parse_page_text(text)
            (Path(work) / (path.stem + ".txt")).write_text(text, encoding="utf-8")
            c["pages"] += 1
            c["title"] += _norm(parts.title) in {_norm(x) for x in [t["title"], *t.get("title_alts", [])]}
            c["date"] += parts.date in [t["date"], *t.get("date_alts", [])]
            c["outlet"] += _norm(parts.outlet_hint) in {_norm(x) for x in [t["outlet"], *t.get("outlet_aliases", [])]}
        db = os.path.join(work, "copies.db")
        subprocess.run([framing, "ingest", work, "--db", db], check=True, capture_output=True)
        out = subprocess.run([framing, "report", "--db", db, "--format", "json"], check=True,
                             capture_output=True, text=True).stdout
    report = json.loads(out)
    names = {a["id"]: Path(a.get("source") or "").stem + ".html" for a in report["articles"]}
    pred = {names[a]: ev["id"] for ev in report["events"] for a in ev["articles"]}
    c["events B-cubed F1 (x1000)"] = round(1000 * _bcubed({f: t["event"] for f, t in truth.items()}, pred))
    return c


def _body_scores(found: str, expected: str) -> tuple[float, float, float]:
    want, got = _words(expected), _words(found)
    both = sum((want & got).values())
    p, r = both / max(1, sum(got.values())), both / max(1, sum(want.values()))
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def _scrapinghub_truth(folder: Path, real_pages: Path | None) -> tuple[dict, set[str]]:
    """The benchmark's ground truth by page key, and the keys' first 12
    characters of its pages that are among the real pages (``sh-*.html``)."""
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    known = {p.stem.rsplit("-", 1)[-1] for p in (real_pages / "html").glob("sh-*.html")} if real_pages else set()
    return truth, known


def scrapinghub(folder: Path, real_pages: Path | None = None) -> dict:
    """The HTML loader on the article-extraction benchmark (see the module docstring)."""
    import gzip

    from framing.loaders.html import parse_html

    truth, known = _scrapinghub_truth(folder, real_pages)
    out: dict = {}
    for name, keep in (("all", lambda k: True), ("not in real-pages", lambda k: k[:12] not in known)):
        if name != "all" and not known:
            continue
        c: Counter = Counter()
        f1s: list[float] = []
        for path in sorted((folder / "html").glob("*.html.gz")):
            key = path.name[:-len(".html.gz")]
            if key not in truth or not keep(key):
                continue
            raw = gzip.decompress(path.read_bytes())
            c["pages"] += 1
            try:
                a = parse_html(str(path), raw.decode("utf-8", "replace"), raw)
            except Exception:  # noqa: BLE001 - a page the loader cannot read counts as no body
                a = None
            if a is None or not a.body.strip():
                c["no body"] += 1
                f1s.append(0.0)
                continue
            f1s.append(_body_scores(a.body, truth[key]["articleBody"])[2])
            c["outlet"] += bool(a.outlet)
            c["date"] += bool(a.date)
            c["byline"] += bool(a.byline)
        c["body F1 under 0.5"] = sum(f < 0.5 for f in f1s)
        out[name] = {**dict(c), "body F1 mean": round(statistics.mean(f1s), 3) if f1s else None,
                     "body F1 median": round(statistics.median(f1s), 3) if f1s else None}
    return out


def scrapinghub_pasted(folder: Path, real_pages: Path | None = None) -> dict:
    """The pasted-text loader on copies of the benchmark's pages (see the module
    docstring): headline and date against the HTML loader's, body against the
    benchmark's; only the pages not among ``real_pages`` when it is given."""
    import gzip

    from framing.loaders.html import parse_html
    from framing.loaders.text import parse_page_text

    truth, known = _scrapinghub_truth(folder, real_pages)
    c: Counter = Counter()
    f1s: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        pages = []
        for path in sorted((folder / "html").glob("*.html.gz")):
            key = path.name[:-len(".html.gz")]
            if key in truth and key[:12] not in known:
                page = Path(tmp) / (key + ".html")
                page.write_bytes(gzip.decompress(path.read_bytes()))
                pages.append(page)
        for page, text in _copies(pages):
            raw = page.read_bytes()
            html = parse_html(str(page), raw.decode("utf-8", "replace"), raw)
            got = parse_page_text(text)
            c["pages"] += 1
            c["headline as the HTML page's"] += _same_title(got.title, html.title)
            if got.date:
                c["date"] += 1
                c["date as the HTML page's" if got.date == html.date else "another date"] += 1
            f1s.append(_body_scores(got.body, truth[page.stem]["articleBody"])[2])
    c["body F1 under 0.5"] = sum(f < 0.5 for f in f1s)
    return {**dict(c), "body F1 mean": round(statistics.mean(f1s), 3) if f1s else None}


def _surnames(author: str | list[str]) -> list[str]:
    if isinstance(author, list):
        author = "; ".join(author)
    return [_norm(p).split()[-1] for p in re.split(r";|,| und | and | & | et | y | e ", author) if _norm(p)]


def _trafilatura_pages(folder: Path) -> list[tuple[Path, dict]]:
    data = json.loads((folder / "evaldata.json").read_text(encoding="utf-8"))
    pages = []
    for item in data.values():
        path = folder / "eval" / item["file"]
        pages.append((path if path.exists() else folder / "cache" / item["file"], item))
    return pages


def _trafilatura_score(c: Counter, item: dict, title: str | None, byline: str | None, date: str | None,
                       body: str) -> None:
    text = _norm(body)
    c["pages"] += 1
    c["no body"] += not text
    c["snippets"] += len(item["with"])
    c["snippets found"] += sum(_norm(s) in text for s in item["with"])
    c["furniture"] += len(item["without"])
    c["furniture kept"] += sum(_norm(s) in text for s in item["without"])
    if item.get("title"):
        c["title of"] += 1
        c["title"] += _same_title(title, item["title"])
    if item.get("author"):
        c["byline of"] += 1
        if byline:
            names, words = _surnames(item["author"]), _norm(byline).split()
            c["byline right" if names and all(n in words for n in names) else "byline wrong"] += 1
    if item.get("date"):
        c["date of"] += 1
        if date:
            c["date right" if date == item["date"] else "date wrong"] += 1


def trafilatura_set(folder: Path) -> dict:
    """The HTML loader on trafilatura's evaluation pages (see the module docstring)."""

    c: Counter = Counter()
    for path, item in _trafilatura_pages(folder):
        try:
            a = _parse(path, decoded=True)
        except Exception:  # noqa: BLE001 - a page the loader cannot read counts as no body
            _trafilatura_score(c, item, None, None, None, "")
            continue
        _trafilatura_score(c, item, a.title, a.byline, a.date, a.body)
    return dict(c)


def trafilatura_pasted(folder: Path) -> dict:
    """The pasted-text loader on copies of trafilatura's evaluation pages."""

    pages = _trafilatura_pages(folder)
    items = {path: item for path, item in pages}
    c: Counter = Counter()
    for path, text in _copies([p for p, _ in pages], decoded=True):
        if not text.strip():  # a page that shows nothing without scripts
            _trafilatura_score(c, items[path], None, None, None, "")
            continue
        got = _read_copy(path, text)
        _trafilatura_score(c, items[path], got.title, got.byline, got.date, got.body)
    return dict(c)


#: newspaper3k's expected texts under this many words are no usable expectation
#: (a newsletter prompt, a caption: newspaper's own misses).
NEWSPAPER_MIN_WORDS = 50
#: What newspaper3k's unit tests assert of ``cnn_article.html``.
_NEWSPAPER_CNN = {"title": "After storm, forecasters see smooth sailing for Thanksgiving",
                  "authors": ["Chien-Ming Wang", "Dana A. Ford", "James S.A. Corey", "Tom Watkins"],
                  "date": "2013-11-27"}


def _newspaper_pages(folder: Path) -> list[tuple[Path, str | None]]:
    """newspaper3k's saved pages with their expected text (None: no usable one)."""
    pages = []
    for path in sorted((folder / "html").glob("*.html")):
        stem = re.sub(r"_article(\d*)$", r"\1", path.stem)
        expected = folder / "text" / (stem + ".txt")
        text = expected.read_text(encoding="utf-8") if expected.exists() else ""
        usable = re.search(r"[a-z]", text) and len(text.split()) >= NEWSPAPER_MIN_WORDS
        pages.append((path, text if usable else None))
    return pages


def _f1_summary(c: Counter, f1s: list[float]) -> dict:
    c["body F1 under 0.5"] = sum(f < 0.5 for f in f1s)
    return {**dict(c), "body F1 mean": round(statistics.mean(f1s), 3) if f1s else None,
            "body F1 median": round(statistics.median(f1s), 3) if f1s else None}


def newspaper_set(folder: Path, listing: Path | None = None) -> dict:
    """The HTML loader on newspaper3k's saved pages (see the module docstring);
    ``listing``: a file to write each page's fields and body F1 to."""

    c: Counter = Counter()
    f1s: list[float] = []
    rows = []
    for path, expected in _newspaper_pages(folder):
        c["pages"] += 1
        try:
            a = _parse(path, decoded=True)
        except Exception:  # noqa: BLE001 - a page the loader cannot read counts as no body
            a = None
        body = a.body if a is not None else ""
        c["no body"] += not body.strip()
        if a is not None:
            for field in ("title", "byline", "date", "outlet"):
                c[field] += bool(getattr(a, field))
        f1 = None
        if expected is not None:
            c["body pages"] += 1
            f1 = _body_scores(body, expected)[2]
            f1s.append(f1)
        if path.stem == "cnn_article" and a is not None:
            c["cnn_article title right"] += _norm(a.title) == _norm(_NEWSPAPER_CNN["title"])
            words = _norm(a.byline).split()
            c["cnn_article byline right"] += all(n in words for n in _surnames(_NEWSPAPER_CNN["authors"]))
            c["cnn_article date right"] += a.date == _NEWSPAPER_CNN["date"]
        rows.append({"page": path.name, "f1": None if f1 is None else round(f1, 3),
                     **({k: getattr(a, k) for k in ("title", "byline", "date", "outlet")} if a else {})})
    if listing:
        listing.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    return _f1_summary(c, f1s)


def newspaper_pasted(folder: Path) -> dict:
    """The pasted-text loader on copies of newspaper3k's saved pages."""

    pages = dict(_newspaper_pages(folder))
    c: Counter = Counter()
    f1s: list[float] = []
    for path, text in _copies(list(pages), decoded=True):
        html = _parse(path, decoded=True)
        got = _read_copy(path, text) if text.strip() else None
        c["pages"] += 1
        c["empty copies"] += got is None
        truth = _NEWSPAPER_CNN["title"] if path.stem == "cnn_article" else html.title
        if got is not None and truth:
            c["headline of"] += 1
            c["headline as the truth or the HTML page's"] += _same_title(got.title, truth)
        if got is not None and got.date:
            c["date"] += 1
            c["date as the HTML page's" if got.date == html.date else "another date"] += 1
        if pages[path] is not None:
            f1s.append(_body_scores(got.body if got else "", pages[path])[2])
    return _f1_summary(c, f1s)


def _goose3_items(folder: Path, kind: str) -> list[tuple[Path, dict]]:
    skip = {"test_author_config", "test_publish_date_config"}  # markup only goose3's configuration names
    return [(p.with_suffix(".html"), json.loads(p.read_text(encoding="utf-8"))["expected"])
            for p in sorted((folder / kind).glob("*.json")) if p.stem not in skip]


def _prefix_scores(body: str, start: str) -> tuple[bool, float]:
    """Whether the body holds the expected beginning, and word recall of it."""
    want, got = _words(start), _words(body)
    return _norm(start) in _norm(body), sum((want & got).values()) / max(1, sum(want.values()))


def goose3_set(folder: Path) -> dict:
    """The HTML loader on goose3's test pages (see the module docstring)."""

    c: Counter = Counter()
    recalls: list[float] = []
    for kind in ("content", "title", "authors", "publishdate", "reportagenewsarticle"):
        for path, want in _goose3_items(folder, kind):
            a = _parse(path, decoded=True)
            if kind == "content":
                c["content pages"] += 1
                c["no body"] += not a.body.strip()
                found, recall = _prefix_scores(a.body, want["cleaned_text"])
                c["beginning found"] += found
                recalls.append(recall)
                c["beginning recall < 0.5"] += recall < 0.5
            if want.get("title"):
                c["title of"] += 1
                c["title"] += _same_title(a.title, want["title"])
            if want.get("authors"):
                c["byline of"] += 1
                words = _norm(a.byline).split()
                c["byline"] += all(n in words for n in _surnames(want["authors"]))
            if want.get("publish_date"):
                c["date of"] += 1
                c["date"] += a.date == want["publish_date"][:10]
    if recalls:
        c["beginning recall mean (x1000)"] = round(1000 * statistics.mean(recalls))
    return dict(c)


def goose3_pasted(folder: Path) -> dict:
    """The pasted-text loader on copies of goose3's content pages."""
    items = dict(_goose3_items(folder, "content"))
    c: Counter = Counter()
    recalls: list[float] = []
    for path, text in _copies(list(items), decoded=True):
        want = items[path]
        got = _read_copy(path, text) if text.strip() else None
        c["pages"] += 1
        c["empty copies"] += got is None
        found, recall = _prefix_scores(got.body if got else "", want["cleaned_text"])
        c["beginning found"] += found
        recalls.append(recall)
        c["beginning recall < 0.5"] += recall < 0.5
        truth = want.get("title") or _parse(path, decoded=True).title
        if got is not None and truth:
            c["headline of"] += 1
            c["headline as the truth or the HTML page's"] += _same_title(got.title, truth)
    if recalls:
        c["beginning recall mean (x1000)"] = round(1000 * statistics.mean(recalls))
    return dict(c)


#: Words that make up a good share of any English text and little of another
#: language's: a page whose truth has 4 % of them or more is English.
_ENGLISH_WORDS = frozenset("the of and to in is that for was with on it as by are be this from has have".split())


def _fundus_version_key(version: str) -> list[int]:
    return [int(x) for x in re.findall(r"\d+", version)]


def _fundus_pages(folder: Path) -> list[tuple[str, str, Path, dict, str]]:
    """fundus's saved pages with the fields its parser version of the time
    extracts: (country, publisher, page, truth, URL). A publisher's pages,
    in order of date, pair with its parser versions in order (V1, V1_1, V2)."""
    pages = []
    for country in sorted(d for d in folder.iterdir() if d.is_dir() and (d / "meta.info").exists()):
        info = json.loads((country / "meta.info").read_text(encoding="utf-8"))
        for truth_file in sorted(country.glob("*.json")):
            publisher = truth_file.stem
            versions = json.loads(truth_file.read_text(encoding="utf-8"))
            htmls = sorted(country.glob(f"{publisher}_*.html.gz"), key=lambda p: p.name[len(publisher):])
            if len(htmls) != len(versions):
                continue  # cannot be paired
            for path, version in zip(htmls, sorted(versions, key=_fundus_version_key)):
                url = (info.get(path.name) or {}).get("url") or ""
                pages.append((country.name, publisher, path, versions[version], url))
    return pages


def _fundus_body(truth: dict) -> str:
    body = truth.get("body") or {}
    parts = list(body.get("summary") or [])
    for section in body.get("sections") or []:
        parts += list(section.get("headline") or []) + list(section.get("paragraphs") or [])
    return "\n".join(parts)


def _fundus_english(truth: dict) -> bool:
    words = re.findall(r"\w+", _fundus_body(truth).casefold())
    return bool(words) and sum(w in _ENGLISH_WORDS for w in words) >= 0.04 * len(words)


def _fundus_own_name(author: str, publisher: str, url: str) -> bool:
    """A truth author that is the outlet's own name ("ORF.at", "BBC News",
    "DER SPIEGEL"): its letters (accents dropped), without a domain ending,
    hold the publisher's name's or the URL's domain's, or are held in them."""
    import unicodedata

    from framing.loaders.html import _letters_of, _readable_domain

    def key(s: str) -> str:
        return _letters_of("".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch)))

    a = key(re.sub(r"(?i)\.(?:com|net|org|[a-z]{2})$", "", author.strip()))
    domain = (_readable_domain(url) or "").split(".")[0]
    names = {k for k in (key(publisher), key(domain)) if len(k) >= 3}
    return len(a) >= 3 and any(k in a or a in k for k in names)


def _fundus_outlet_right(outlet: str | None, publisher: str, url: str) -> bool:
    """Does the outlet name the site: its letters hold the publisher's name
    or the URL's domain's (or are held in them)?"""
    from framing.loaders.html import _letters_of, _readable_domain

    got = _letters_of(outlet or "")
    domain = (_readable_domain(url) or "").split(".")[0]
    keys = {k for k in (_letters_of(publisher), _letters_of(domain)) if len(k) >= 3}
    return len(got) >= 2 and any(k in got or got in k for k in keys)


def _fundus_score(c: Counter, f1s: dict[str, list[float]], group: str, truth: dict, publisher: str,
                  url: str, title: str | None, byline: str | None, date: str | None, body: str,
                  outlet: str | None = None, html: bool = True) -> dict:
    """Score one page (see the module docstring); the page's row for a listing."""
    row: dict = {}
    for g in ("all", group):
        c[g, "pages"] += 1
        c[g, "title"] += _same_title(title, truth.get("title"))
        authors = [a for a in truth.get("authors") or [] if not _fundus_own_name(a, publisher, url)]
        if authors:
            c[g, "byline of"] += 1
            words = _norm(byline).split()
            right = bool(words) and all(n in words for n in _surnames(authors))
            c[g, "byline right" if right else "byline wrong" if words else "byline none"] += 1
            row["byline right"] = right
        else:
            c[g, "no truth author"] += 1
            c[g, "byline where truth has none"] += bool(byline)
        day = (truth.get("publishing_date") or "")[:10]
        if day:
            c[g, "date of"] += 1
            c[g, "date right" if date == day else "date wrong" if date else "date none"] += 1
            row["date right"] = date == day
        if html:
            c[g, "outlet"] += bool(outlet)
            c[g, "outlet names the site"] += _fundus_outlet_right(outlet, publisher, url)
        p, r, f = _body_scores(body, _fundus_body(truth))
        f1s.setdefault(g, []).append(f)
        c[g, "body empty"] += not body.strip()
        row.update({"title right": _same_title(title, truth.get("title"))}, f1=round(f, 3), p=round(p, 3), r=round(r, 3))
    return row


def _fundus_summary(c: Counter, f1s: dict[str, list[float]]) -> dict:
    out = {}
    for g in ("all", "English", "other"):
        row = {k: v for (gg, k), v in sorted(c.items(), key=lambda kv: kv[0][1]) if gg == g}
        vals = f1s.get(g, [])
        if vals:
            row.update({"body F1 mean": round(statistics.mean(vals), 3),
                        "body F1 median": round(statistics.median(vals), 3),
                        "body F1 under 0.5": sum(f < 0.5 for f in vals)})
        out[g] = row
    return out


def fundus_set(folder: Path, listing: Path | None = None) -> dict:
    """The HTML loader on fundus's saved pages (see the module docstring);
    ``listing``: a file to write each page's fields and scores to."""
    import gzip

    from framing.loaders.decode import decode
    from framing.loaders.html import parse_html

    c: Counter = Counter()
    f1s: dict[str, list[float]] = {}
    rows = []
    for country, publisher, path, truth, url in _fundus_pages(folder):
        raw = gzip.decompress(path.read_bytes())
        name = path.name[:-len(".gz")]
        try:
            a = parse_html(name, decode(name, raw)[0], raw)
        except Exception:  # noqa: BLE001 - a page the loader cannot read counts as no body
            a = None
        group = "English" if _fundus_english(truth) else "other"
        row = _fundus_score(c, f1s, group, truth, publisher, url, a and a.title, a and a.byline, a and a.date,
                            a.body if a else "", a and a.outlet)
        rows.append({"page": f"{country}/{name}", "group": group, **row,
                     **({k: getattr(a, k) for k in ("title", "byline", "date", "outlet")} if a else {}),
                     "truth": {"title": truth.get("title"), "authors": truth.get("authors"),
                               "date": truth.get("publishing_date")}})
    if listing:
        listing.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    return _fundus_summary(c, f1s)


def fundus_pasted(folder: Path) -> dict:
    """The pasted-text loader on Chromium copies of fundus's saved pages."""
    import gzip

    pages = _fundus_pages(folder)
    c: Counter = Counter()
    f1s: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        by_path = {}
        for country, publisher, path, truth, url in pages:
            page = Path(tmp) / f"{country}-{path.name[:-len('.gz')]}"
            page.write_bytes(gzip.decompress(path.read_bytes()))
            by_path[page] = (publisher, truth, url)
        for page, text in _copies(list(by_path), decoded=True):
            publisher, truth, url = by_path[page]
            got = _read_copy(page, text) if text.strip() else None
            group = "English" if _fundus_english(truth) else "other"
            for g in ("all", group):
                c[g, "empty copies"] += got is None
            _fundus_score(c, f1s, group, truth, publisher, url, got and got.title, got and got.byline,
                          got and got.date, got.body if got else "", html=False)
    return _fundus_summary(c, f1s)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--readability", type=Path, help="readability/test/test-pages")
    ap.add_argument("--htmldate", type=Path, help="htmldate/tests")
    ap.add_argument("--real-pages", type=Path, help="../shared/data/real-pages (with --pasted)")
    ap.add_argument("--pasted", action="store_true", help="also the pasted-text loader on copies of those pages")
    ap.add_argument("--scrapinghub", type=Path, help="a checkout of scrapinghub/article-extraction-benchmark")
    ap.add_argument("--trafilatura", type=Path, help="trafilatura/tests (evaldata.json, eval/, cache/)")
    ap.add_argument("--newspaper", type=Path, help="newspaper/tests/data (html/, text/)")
    ap.add_argument("--goose3", type=Path, help="goose3/tests/data (content/, title/, authors/, publishdate/)")
    ap.add_argument("--fundus", type=Path, help="fundus/tests/resources/parser/test_data (<country>/...)")
    ap.add_argument("--listing", type=Path,
                    help="with --newspaper or --fundus: write each page's fields to this JSON file")
    args = ap.parse_args()
    if not (args.readability or args.htmldate or args.real_pages or args.scrapinghub or args.trafilatura
            or args.newspaper or args.goose3 or args.fundus):
        ap.error("give --readability, --htmldate, --scrapinghub, --trafilatura, --newspaper, --goose3, --fundus"
                 " and/or --real-pages")
    if args.fundus:
        for group, c in fundus_set(args.fundus, args.listing).items():
            print(f"fundus pages ({group}), HTML loader:", c, flush=True)
        if args.pasted:
            for group, c in fundus_pasted(args.fundus).items():
                print(f"fundus pages ({group}), pasted copies:", c, flush=True)
    if args.newspaper:
        print("newspaper3k pages, HTML loader:", newspaper_set(args.newspaper, None if args.fundus else args.listing),
              flush=True)
        if args.pasted:
            print("newspaper3k pages, pasted copies:", newspaper_pasted(args.newspaper), flush=True)
    if args.goose3:
        print("goose3 test pages, HTML loader:", goose3_set(args.goose3), flush=True)
        if args.pasted:
            print("goose3 test pages, pasted copies:", goose3_pasted(args.goose3), flush=True)
    if args.trafilatura:
        print("trafilatura evaluation pages, HTML loader:", trafilatura_set(args.trafilatura), flush=True)
        if args.pasted:
            print("trafilatura evaluation pages, pasted copies:", trafilatura_pasted(args.trafilatura), flush=True)
    if args.scrapinghub:
        for name, c in scrapinghub(args.scrapinghub, args.real_pages).items():
            print(f"article-extraction benchmark ({name}), HTML loader:", c, flush=True)
        if args.pasted:
            print("article-extraction benchmark" + (" (not in real-pages)" if args.real_pages else "")
                  + ", pasted copies:", scrapinghub_pasted(args.scrapinghub, args.real_pages), flush=True)
    if args.readability:
        print("readability, HTML loader:", dict(readability(args.readability)), flush=True)
        if args.pasted:
            print("readability, pasted copies:", dict(readability_pasted(args.readability)), flush=True)
    if args.htmldate:
        print("htmldate Media Cloud 2020, HTML loader:", dict(htmldate_set(args.htmldate)), flush=True)
        if args.pasted:
            print("htmldate Media Cloud 2020, pasted copies:", dict(htmldate_pasted(args.htmldate)), flush=True)
    if args.real_pages and args.pasted:
        print("real-pages html, pasted copies:", dict(real_pages_pasted(args.real_pages)), flush=True)


if __name__ == "__main__":
    main()
