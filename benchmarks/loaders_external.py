"""The page loaders against test pages of other projects, read in place.

Neither the repository nor ../shared holds these pages: they are a check on
input the loaders were not written against. Give the folders of a checkout:

    python benchmarks/loaders_external.py --readability PATH/readability/test/test-pages \
        [--htmldate PATH/htmldate/tests] [--pasted]

* ``--readability``: Mozilla Readability's test pages, each ``source.html``
  with its ``expected-metadata.json`` (title, byline, siteName,
  publishedTime: Readability's own expectations, not a gold standard; its
  titles keep the site's suffix, "Headline | Site", so a headline that the
  expected title starts with counts). The HTML loader's title, byline
  (either contains the other), outlet (site name) and date are compared.
* ``--pasted``: the same pages copied as a reader would (select all, copy:
  ``document.body.innerText`` in headless Chromium, scripts off, no network)
  and read by the pasted-text loader; titles are counted on the pages whose
  expected headline is printed as a line of the copy.
* ``--htmldate``: htmldate's evaluation set of 200 news pages from Media
  Cloud (``eval_mediacloud_2020.json`` and ``test_set/``), with the date each
  page was published; pages without a date are left out.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path


def _norm(s: str | None) -> str:
    return re.sub(r"\W+", " ", (s or "").casefold()).strip()


def _title_ok(found: str | None, expected: str | None) -> bool:
    f, e = _norm(found), _norm(expected)
    return bool(f) and (f == e or (len(f) > 15 and e.startswith(f)))


def readability(folder: Path) -> Counter:
    from framing.loaders.html import parse_html

    c: Counter = Counter()
    for d in sorted(p for p in folder.iterdir() if (p / "expected-metadata.json").exists()):
        m = json.loads((d / "expected-metadata.json").read_text(encoding="utf-8"))
        raw = (d / "source.html").read_bytes()
        a = parse_html(str(d), raw.decode("utf-8", "replace"), raw)
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


def pasted(folder: Path) -> Counter:
    from playwright.sync_api import sync_playwright

    from framing.loaders.text import parse_page_text

    c: Counter = Counter()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        context = browser.new_context(java_script_enabled=False)
        context.route("**/*", lambda route: route.abort())
        page = context.new_page()
        for d in sorted(q for q in folder.iterdir() if (q / "expected-metadata.json").exists()):
            m = json.loads((d / "expected-metadata.json").read_text(encoding="utf-8"))
            page.set_content((d / "source.html").read_bytes().decode("utf-8", "replace"),
                             wait_until="domcontentloaded")
            text = page.evaluate("document.body ? document.body.innerText : ''")
            expected = _norm(m.get("title"))
            shown = {ln for ln in (_norm(x) for x in text.splitlines())
                     if ln and (ln == expected or (len(ln) > 15 and expected.startswith(ln)))}
            if not shown:
                continue
            c["headline shown"] += 1
            c["title"] += _norm(parse_page_text(text).title) in shown
        browser.close()
    return c


def htmldate_set(folder: Path) -> Counter:
    from framing.loaders.html import parse_html

    truth = json.loads((folder / "eval_mediacloud_2020.json").read_text(encoding="utf-8"))
    c: Counter = Counter()
    for _url, t in sorted(truth.items()):
        if not isinstance(t.get("date"), str) or not re.match(r"\d{4}-\d\d-\d\d$", t["date"]):
            continue
        path = folder / "test_set" / t["file"]
        raw = path.read_bytes()
        d = parse_html(str(path), raw.decode("utf-8", "replace"), raw).date
        c["dated pages"] += 1
        c["date right"] += d == t["date"]
        c["no date"] += d is None
    return c


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--readability", type=Path, help="readability/test/test-pages")
    ap.add_argument("--pasted", action="store_true", help="also the pasted-text loader on copies of those pages")
    ap.add_argument("--htmldate", type=Path, help="htmldate/tests")
    args = ap.parse_args()
    if not args.readability and not args.htmldate:
        ap.error("give --readability and/or --htmldate")
    if args.readability:
        print("readability, HTML loader:", dict(readability(args.readability)))
        if args.pasted:
            print("readability, pasted copies:", dict(pasted(args.readability)))
    if args.htmldate:
        print("htmldate Media Cloud 2020, HTML loader:", dict(htmldate_set(args.htmldate)))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
