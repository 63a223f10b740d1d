"""Pages printed to PDF, as a reader keeps an article, against the same pages' HTML.

    python benchmarks/pdf_pages.py --real-pages ../shared/data/real-pages --pdfs DIR [--print] [--no-header-footer]
    python benchmarks/pdf_pages.py --fundus PATH/fundus/tests/resources/parser/test_data --pdfs DIR [--print] [--every N]

Each HTML page of the real pages (``html/`` with ``truth.json``) printed to
``DIR/<page name without .html>.pdf`` by Debian's Chromium. With ``--print``
the missing PDFs are made first: the page is served from a local server under
the address it was saved from (``--host-resolver-rules`` sends every host to
it, other requests get 404; nothing goes to the network), so the print's
header and footer show the page's title and its real address as a reader's
print does; ``--no-header-footer`` prints without them. A page Chromium does
not finish printing in 25 s is left out (and counted).

Scored with the real pages' own rules (``score.py``: outlet, title, date,
byline, body word F1, first sentence in the body) for three readers of the
same pages:

* ``html``: the HTML loader on the saved page (the ceiling);
* ``pdf``: the PDF loader (``framing.loaders.pdf``);
* ``pdf-plain``: round 24's approach, pypdf's plain text extraction given to
  the pasted-page loader (the floor); pypdf is a test dependency.

``--fundus``: fundus's hand-checked saved pages (flairNLP/fundus), read and
scored by ``benchmarks/loaders_external.py``'s fundus code (title, byline,
date, outlet, body F1 against fundus's parsers' fields; see there), each page
printed to ``DIR/<page>.pdf`` the same way; ``--every N`` takes every N-th
page only (printing all 258 takes a while).
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import os
import shutil
import ssl
import statistics
import subprocess
import sys
import tempfile
import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from socketserver import ThreadingTCPServer
from urllib.parse import urlsplit

from framing.corpus import InputFile, load_file


def _score_module(real_pages: Path):
    spec = importlib.util.spec_from_file_location("real_pages_score", real_pages / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


class _Server:
    """One page at a time, over HTTPS (HSTS-preloaded hosts refuse plain HTTP)
    with a certificate made for the run; every other request gets 404."""

    def __init__(self, work: Path):
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                        "-subj", "/CN=localhost", "-keyout", str(work / "key.pem"), "-out", str(work / "cert.pem")],
                       check=True, capture_output=True)
        self.path = ""
        self.body = b""
        self.ctype = "text/html"
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                ok = self.path == server.path
                self.send_response(200 if ok else 404)
                self.send_header("Content-Type", server.ctype)
                # The saved page's scripts off: offline they cannot finish the
                # page, and some send the browser to an address that is not there.
                self.send_header("Content-Security-Policy", "script-src 'none'")
                self.send_header("Content-Length", str(len(server.body) if ok else 0))
                self.end_headers()
                if ok:
                    self.wfile.write(server.body)

            def log_message(self, *args: object) -> None:
                pass

        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(work / "cert.pem", work / "key.pem")
        self.srv = ThreadingTCPServer(("127.0.0.1", 0), Handler)
        self.srv.daemon_threads = True
        self.srv.handle_error = lambda *a: None  # type: ignore[method-assign]
        self.srv.socket = ctx.wrap_socket(self.srv.socket, server_side=True, do_handshake_on_connect=False)
        self.port = self.srv.server_address[1]
        threading.Thread(target=self.srv.serve_forever, daemon=True).start()


def print_pdfs(pages: list[tuple[Path, str]], out: Path, header_footer: bool = True) -> Counter:
    """Print each (html file, its address) to ``out/<stem>.pdf`` with Chromium."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        sys.exit("no chromium on PATH")
    out.mkdir(parents=True, exist_ok=True)
    c: Counter = Counter()
    with tempfile.TemporaryDirectory(prefix="pdf-print-") as tmp:
        work = Path(tmp)
        server = _Server(work)
        for page, url in pages:
            target = out / (page.name.removesuffix(".gz").removesuffix(".html") + ".pdf")
            if target.exists():
                continue
            raw = page.read_bytes()
            if page.name.endswith(".gz"):
                raw = gzip.decompress(raw)
            parts = urlsplit(url.replace("http://", "https://", 1))
            server.path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
            server.body = raw
            try:
                raw.decode("utf-8")
                server.ctype = "text/html; charset=utf-8"  # what the outlet's server would say
            except UnicodeDecodeError:
                server.ctype = "text/html"
            cmd = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                   "--disable-background-networking", "--disable-component-update", "--ignore-certificate-errors",
                   f"--user-data-dir={work / 'profile'}", f"--host-resolver-rules=MAP * 127.0.0.1:{server.port}",
                   f"--print-to-pdf={target}", parts.geturl()]
            if not header_footer:
                cmd.insert(1, "--no-pdf-header-footer")
            try:
                subprocess.run(cmd, capture_output=True, timeout=25)
            except subprocess.TimeoutExpired:
                pass
            c["printed" if target.exists() else "not printed"] += 1
        server.srv.shutdown()
        server.srv.server_close()
    return c


def _plain(path: Path):
    """Round 24: pypdf's text, read as a pasted page."""
    from pypdf import PdfReader

    from framing.corpus import _parse_text

    text = "\n".join(p.extract_text() or "" for p in PdfReader(path).pages)
    return _parse_text(path.name, text, text.encode("utf-8"))


def _load(path: Path):
    loaded, errors = load_file(InputFile(path, path.name))
    return loaded[0].article if loaded else None


def real_pages(folder: Path, pdfs: Path, verbose: bool = False) -> dict:
    score = _score_module(folder)
    truth = [t for t in json.loads((folder / "truth.json").read_text(encoding="utf-8")) if t["set"] == "html"]
    rows: dict[str, list[dict]] = {"html": [], "pdf": [], "pdf-plain": []}
    missing = 0
    for t in truth:
        pdf = pdfs / (t["file"].removesuffix(".html") + ".pdf")
        if not pdf.exists():
            missing += 1
            continue
        body_true = (folder / t["body_file"]).read_text(encoding="utf-8")
        for name, art in (("html", _load(folder / "html" / t["file"])), ("pdf", _load(pdf)), ("pdf-plain", _plain(pdf))):
            a = None if art is None else {"outlet": art.outlet, "title": art.title, "date": art.date,
                                          "byline": art.byline, "body": art.body}
            s = score.score_record(t, a, body_true)
            rows[name].append(s)
            if verbose and name == "pdf" and a:
                miss = [k for k in ("outlet", "title", "date", "byline", "first") if not s[k]]
                if miss:
                    print(f"{t['file']}: {' '.join(miss)} | {a['outlet']!r} {a['title']!r} {a['date']} {a['byline']!r}"
                          f" | want {t['outlet']!r} {t['title']!r} {t['date']} {t.get('byline')!r} F1 {s['F1']:.2f}")
    out = {"pages": len(truth), "not printed": missing}
    for name, rs in rows.items():
        ok = [r for r in rs if r["loaded"]]
        out[name] = {"n": len(rs), "loaded": len(ok), **{k: sum(1 for r in ok if r[k])
                                                          for k in ("outlet", "title", "date", "byline", "first")},
                     "F1 mean": round(statistics.mean([r["F1"] if r["loaded"] else 0.0 for r in rs]), 3) if rs else 0,
                     "F1 median": round(statistics.median([r["F1"] if r["loaded"] else 0.0 for r in rs]), 3) if rs else 0}
    return out


def fundus(folder: Path, pdfs: Path, do_print: bool, every: int = 1, header_footer: bool = True) -> dict:
    import gzip

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import loaders_external as ext

    from framing.loaders.decode import decode
    from framing.loaders.html import parse_html

    pages = ext._fundus_pages(folder)[::every]
    if do_print:
        print(dict(print_pdfs([(p, url) for _, _, p, _, url in pages], pdfs, header_footer)), file=sys.stderr)
    counts = {k: Counter() for k in ("html", "pdf", "pdf-plain")}
    f1s: dict[str, dict[str, list[float]]] = {k: {} for k in counts}
    missing = 0
    for country, publisher, path, truth, url in pages:
        pdf = pdfs / (path.name.removesuffix(".gz").removesuffix(".html") + ".pdf")
        if not pdf.exists():
            missing += 1
            continue
        group = "English" if ext._fundus_english(truth) else "other"
        raw = gzip.decompress(path.read_bytes())
        name = path.name[:-len(".gz")]
        for kind in counts:
            try:
                if kind == "html":
                    a = parse_html(name, decode(name, raw)[0], raw)
                elif kind == "pdf":
                    a = _load(pdf)
                else:
                    a = _plain(pdf)
            except Exception:  # noqa: BLE001 - a page the loader cannot read counts as no body
                a = None
            ext._fundus_score(counts[kind], f1s[kind], group, truth, publisher, url, a and a.title,
                              a and a.byline, a and a.date, (a and a.body) or "", a and a.outlet)
    return {"pages": len(pages), "not printed": missing,
            **{k: ext._fundus_summary(counts[k], f1s[k])["all"] for k in counts}}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--real-pages", type=Path)
    ap.add_argument("--fundus", type=Path, help="fundus's tests/resources/parser/test_data")
    ap.add_argument("--every", type=int, default=1, help="--fundus: every N-th page only")
    ap.add_argument("--pdfs", type=Path, required=True, help="folder of the printed PDFs")
    ap.add_argument("--print", action="store_true", help="print the missing PDFs with Chromium first")
    ap.add_argument("--no-header-footer", action="store_true")
    ap.add_argument("-v", "--verbose", action="store_true", help="the PDF loader's misses, a line each")
    a = ap.parse_args()
    if a.fundus:
        print(json.dumps(fundus(a.fundus, a.pdfs, a.print, a.every, not a.no_header_footer), indent=1))
        return 0
    if not a.real_pages:
        ap.error("give --real-pages or --fundus")
    if a.print:
        truth = json.loads((a.real_pages / "truth.json").read_text(encoding="utf-8"))
        pages = [(a.real_pages / "html" / t["file"], t["source"]["url"]) for t in truth if t["set"] == "html"]
        print(dict(print_pdfs(pages, a.pdfs, header_footer=not a.no_header_footer)), file=sys.stderr)
    print(json.dumps(real_pages(a.real_pages, a.pdfs, a.verbose), indent=1))
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    raise SystemExit(main())
