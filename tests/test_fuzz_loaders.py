"""Fuzzing every loader: arbitrary bytes, arbitrary JSON values (deep, huge
numbers, lone surrogates) and arbitrary file names never raise anything but
the located error, and never lose an article stored before them.

Each property runs a few dozen examples in the fast loop and 10,000 in the
slow run (``-m slow``, which CI runs)."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framing.corpus import EXTRACTOR_VERSION, InputFile, discover, ingest, iter_file, path_text
from framing.errors import InputError
from framing.models import Article
from framing.store import Store

FAST = settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck), database=None)
#: 10,000 examples per property in the slow run (CI); FRAMING_FUZZ_EXAMPLES changes it for a quick look.
SLOW = settings(max_examples=int(os.environ.get("FRAMING_FUZZ_EXAMPLES", "10000")), deadline=None,
                suppress_health_check=list(HealthCheck), database=None)

EXTENSIONS = [".txt", ".md", ".html", ".jsonl", ".json", ".csv", ".tsv", ".dat", ".eml", ".mbox", ".enex"]

KEEPER = Article(source="keeper.txt", body="An article stored before the fuzzing began.", title="Keeper")


def _check_file(path: Path, display: str, store: Store) -> None:
    """Every item is an article (which the store takes) or an error naming the file."""
    for item in iter_file(InputFile(path, display)):
        if isinstance(item, InputError):
            assert item.path == display and str(item).startswith(display + ":")
            assert "\n" not in item.problem
            continue
        art = item.article
        assert art.body.strip() or (art.title or "").strip()
        store.put(art, path_key=path_text(path), record=item.record, extractor=EXTRACTOR_VERSION)
    assert store.article(1).body == KEEPER.body  # stored first, never lost


_STORES: list[Store] = []


class _Shared:
    """One in-memory store for all examples (opening one per example costs more than the example)."""

    def __enter__(self) -> Store:
        if not _STORES:
            store = Store(":memory:")
            store.put(KEEPER, path_key="keeper", record="", extractor=EXTRACTOR_VERSION)
            _STORES.append(store)
        return _STORES[0]

    def __exit__(self, *exc: object) -> None:
        pass


def _store() -> _Shared:
    return _Shared()


# -- arbitrary bytes, in every loader ---------------------------------------

format_like = st.lists(
    st.sampled_from([
        b"\n", b"\r\n", b"{", b"}", b"[", b"]", b'"text": ', b'"title": ', b'"articles": ', b",", b":", b'"',
        b"\\ud800", b"\\", b"9" * 60, b"1e999", b"<h1>", b"</h1>", b"<meta property=\"og:site_name\" content=\"X\">",
        b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf", b"\x00", b"\x93q\x94", b"\xe2\x80\x93", b"stories_id,title,text\n",
        b"By Staff\n", b"\xa9 2026 Ledger\n", b"Related\n", b"12 March 2026\n", b"The accord was signed in Kesh. ",
        b"From a@b.example Tue Mar  3 10:00:00 2026\n", b"Subject: Fwd: accord\n", b"List-Id: <x>\n",
        b"Content-Type: multipart/alternative; boundary=b\n", b"--b\n", b"Content-Type: text/html\n",
        b"Content-Transfer-Encoding: base64\n", b"<en-export>", b"<note>", b"<content><![CDATA[<en-note>",
        b"</en-note>]]></content>", b"<source-url>http://a.example/x</source-url>", b"</note>",
    ]),
    max_size=40,
).map(b"".join)
any_bytes = st.one_of(st.binary(max_size=1500), format_like)


def _bytes_property(data: bytes, ext: str) -> None:
    with tempfile.TemporaryDirectory() as tmp, _store() as store:
        path = Path(tmp) / f"input{ext}"
        path.write_bytes(data)
        _check_file(path, "input" + ext, store)


@FAST
@given(data=any_bytes, ext=st.sampled_from(EXTENSIONS))
def test_arbitrary_bytes_in_any_loader(data: bytes, ext: str) -> None:
    _bytes_property(data, ext)


@pytest.mark.slow
@SLOW
@given(data=any_bytes, ext=st.sampled_from(EXTENSIONS))
def test_arbitrary_bytes_in_any_loader_slow(data: bytes, ext: str) -> None:
    _bytes_property(data, ext)


# -- arbitrary JSON values --------------------------------------------------

scalars = st.one_of(
    st.none(), st.booleans(),
    st.integers(min_value=-(10 ** 400), max_value=10 ** 400),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(alphabet=st.characters(), max_size=40),  # lone surrogates included
    st.sampled_from(["", "&amp;", "&#x2019;", "… [+3841 chars]", "2019-05-19T12:57:27Z", "20250903T170000Z"]),
)
keys = st.sampled_from(["text", "title", "body", "content", "description", "stories_id", "id", "media_name",
                        "source", "author", "publishedAt", "seendate", "domain", "url", "articles", "x"])
values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                      st.dictionaries(keys, inner, max_size=5)), max_leaves=12)
records = st.dictionaries(keys, values, max_size=8)


@st.composite
def json_documents(draw) -> tuple[str, bytes]:
    shape = draw(st.sampled_from(["array", "wrapped", "lines", "single", "deep", "txt", "digits"]))
    if shape == "digits":  # past Python's int-from-text limit (4,300 digits)
        number = "-" * draw(st.booleans()) + "9" * draw(st.integers(min_value=90, max_value=6_000))
        return draw(st.sampled_from([".json", ".jsonl"])), ('{"id": ' + number + ', "text": "t"}').encode()
    recs = draw(st.lists(st.one_of(records, values), max_size=6))
    dump = lambda v: json.dumps(v, ensure_ascii=draw(st.booleans()), allow_nan=True)  # noqa: E731
    if shape == "deep":
        depth = draw(st.integers(min_value=50, max_value=5_000))
        inner = "[" * depth + "]" * depth
        text = '{"title": "t", "text": ' + inner + "}" if draw(st.booleans()) else inner
        return draw(st.sampled_from([".json", ".jsonl"])), text.encode()
    if shape == "array":
        return ".json", dump(recs).encode("utf-8", "surrogatepass")
    if shape == "wrapped":
        return ".json", dump({"status": "ok", draw(keys): recs}).encode("utf-8", "surrogatepass")
    if shape == "single":
        return ".json", dump(draw(records)).encode("utf-8", "surrogatepass")
    lines = "\n".join(dump(r) for r in recs)
    return (".txt" if shape == "txt" else ".jsonl"), lines.encode("utf-8", "surrogatepass")


def _json_property(doc: tuple[str, bytes]) -> None:
    ext, data = doc
    _bytes_property(data, ext)


@FAST
@given(doc=json_documents())
def test_arbitrary_json_values_in_exports(doc: tuple[str, bytes]) -> None:
    _json_property(doc)


@pytest.mark.slow
@SLOW
@given(doc=json_documents())
def test_arbitrary_json_values_in_exports_slow(doc: tuple[str, bytes]) -> None:
    _json_property(doc)


# -- arbitrary file names ---------------------------------------------------

@st.composite
def file_names(draw) -> bytes:
    stem = draw(st.binary(min_size=1, max_size=40).filter(
        lambda b: b"/" not in b and b"\x00" not in b and b not in (b".", b"..")))
    return stem + draw(st.sampled_from([b".txt", b".json", b".csv", b"", b".\xff"]))


def _name_property(name: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp, _store() as store:
        folder = os.path.join(os.fsencode(tmp), b"in")
        os.mkdir(folder)
        with open(os.path.join(folder, name), "wb") as fh:
            fh.write(b"The accord was signed in Kesh on Monday, officials said in a statement to the press.")
        files, errors, _ = discover([os.fsdecode(folder)])
        for f in files:
            f.display.encode("utf-8")  # printable: undecodable bytes are shown escaped
        for rep in ingest(store, [os.fsdecode(folder)]):
            rep.source.encode("utf-8")
            for note in rep.notes:
                note.encode("utf-8")
            for err in rep.errors:
                str(err).encode("utf-8")
        assert store.article(1).body == KEEPER.body


@FAST
@given(name=file_names())
def test_arbitrary_file_names(name: bytes) -> None:
    _name_property(name)


@pytest.mark.slow
@SLOW
@given(name=file_names())
def test_arbitrary_file_names_slow(name: bytes) -> None:
    _name_property(name)


# -- arbitrary manifests ----------------------------------------------------

manifest_like = st.lists(
    st.sampled_from([b"path,outlet,event,date,url,title\n", b"page.txt", b",", b"\n", b'"', b"Kesh Post",
                     b"2026-03-12", b"\xff", b"\x00", b"../x.txt", b"/etc/passwd", b"\xef\xbb\xbf", b"e1"]),
    max_size=40,
).map(b"".join)


def _manifest_property(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp, _store() as store:
        folder = Path(tmp) / "in"
        folder.mkdir()
        (folder / "page.txt").write_text("The accord was signed in Kesh on Monday, officials said.", encoding="utf-8")
        (folder / "manifest.csv").write_bytes(data)
        for rep in ingest(store, [folder]):
            for err in rep.errors:
                assert isinstance(err, InputError) and "\n" not in err.problem
        assert store.article(1).body == KEEPER.body


@FAST
@given(data=st.one_of(st.binary(max_size=500), manifest_like))
def test_arbitrary_manifests(data: bytes) -> None:
    _manifest_property(data)


@pytest.mark.slow
@SLOW
@given(data=st.one_of(st.binary(max_size=500), manifest_like))
def test_arbitrary_manifests_slow(data: bytes) -> None:
    _manifest_property(data)
