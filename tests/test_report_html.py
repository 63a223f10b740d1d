"""The HTML report, parsed (not compared as a whole page): structure,
highlighting from offsets, tooltips, self-containment and escaping."""

from __future__ import annotations

import copy
import json
from collections import Counter

import lxml.html
import pytest
from markupsafe import Markup
from report_fixture import XSS, XSS_IMG, build_report, xss_report

from framing.report import render, render_html
from framing.report.html import highlight_html


@pytest.fixture(scope="module")
def page():
    return lxml.html.document_fromstring(render_html(build_report()))


@pytest.fixture(scope="module")
def hostile():
    return lxml.html.document_fromstring(render_html(xss_report()))


@pytest.mark.slow
def test_deterministic():
    assert render_html(build_report()) == render_html(build_report())
    assert render(build_report(), "html") == render_html(build_report())


def test_one_section_per_event(page):
    sections = page.xpath("//main/section[contains(@class, 'event')]")
    assert [s.get("id") for s in sections] == ["event-e-accord", "event-e-summit"]
    assert sections[0].xpath("string(h2)") == "Ardelia / Velmora / accord"
    toc = [a.get("href") for a in page.xpath("//nav//a")]
    assert toc == ["#event-e-accord", "#event-e-summit"]


def test_outlets_side_by_side(page):
    accord = page.get_element_by_id("event-e-accord")
    names = [n.text_content() for n in accord.find_class("outlet-name")]
    assert names == ["Almera Courier", "Kesh Daily Standard", "Meridian Wire"]
    titles = [t.text_content() for t in accord.xpath(".//h5[@class='title']")]
    assert titles[0] == "Ardelia and Velmora sign water accord"


def test_loaded_hits_are_highlighted_from_offsets(page):
    report = build_report()
    loaded = [h for h in report.hits if h["loaded"]]
    marks = page.xpath("//mark[contains(@class, 'hit')]")
    assert len(marks) == len(loaded)
    # the mark's own text (without its tooltip) is exactly the hit's text
    texts = Counter((m.text or "") for m in marks)
    assert texts == Counter(h["text"] for h in loaded)
    # the unloaded use of "secure" is not highlighted
    assert all(m.text != "secure" for m in marks)
    # the article body around the marks is intact
    kesh = page.get_element_by_id("article-2")
    body = copy.deepcopy(kesh.find_class("body")[0])
    for tip in body.find_class("tip"):
        tip.drop_tree()
    assert body.text_content() == report.texts[2]["body"]


def test_marks_are_focusable_and_described(page):
    for mark in page.xpath("//mark[contains(@class, 'hit')]"):
        assert mark.get("tabindex") == "0"
        cat = mark.get("data-category")
        assert f"cat-{cat}" in mark.get("class").split()
        assert mark.get("data-voice") in ("narration", "quote", "reported")
        tip = page.get_element_by_id(mark.get("aria-describedby"))
        assert tip.get("role") == "tooltip"
        assert tip.getparent() is mark
        assert cat in tip.text_content()


def test_tooltip_content(page):
    mark = next(m for m in page.xpath("//mark") if m.text == "land grab")
    tip = mark.find_class("tip")[0].text_content()
    for piece in ("labeling", "reported speech", "Frames the deal as theft.",
                  "Neutral alternative: agreement", "Speaker: Critics", "0.83"):
        assert piece in tip


def test_filters(page):
    boxes = page.xpath("//form[@id='filters']//input[@type='checkbox']")
    by_kind = {}
    for b in boxes:
        assert b.get("checked") is not None
        by_kind.setdefault(b.get("data-filter"), []).append(b.get("value"))
    assert by_kind == {
        "category": ["labeling", "distancing", "emotive", "promotional", "epistemic"],
        "voice": ["narration", "quote", "reported"],
    }


def test_tables(page):
    accord = page.get_element_by_id("event-e-accord")
    density = accord.find_class("density")[0]
    rows = [[c.text_content() for c in tr] for tr in density.xpath("tbody/tr")]
    assert rows[0][:6] == ["Kesh Daily Standard", "1", "36", "6", "166.7", "61.2–362.8"]
    quote = accord.find_class("quotes")[0]
    assert [i.text_content() for i in quote.xpath(".//ins")] == ["brave"]
    facts = accord.find_class("facts")[0]
    assert [tr[0].text_content() for tr in facts.xpath("tbody/tr")] == [
        "Ardelia", "Tuesday", "160 people", "$1.1 billion"]
    naming = accord.find_class("naming")[0]
    assert "“accord”" in naming.text_content()
    notes = [n.text_content() for n in accord.find_class("note")]
    assert "A fact left out is not proof of intent." in notes


def test_charts_inline_svg_with_unique_ids(page):
    accord = page.get_element_by_id("event-e-accord")
    figures = accord.xpath(".//figure[contains(@class, 'chart')]")
    assert len(figures) == 5
    for fig in figures:
        svg = fig.xpath("./svg")
        assert len(svg) == 1 and svg[0].get("role") == "img"
        assert fig.xpath("string(figcaption)")
    summit = page.get_element_by_id("event-e-summit")
    assert summit.xpath(".//figure") == []
    ids = Counter(e.get("id") for e in page.xpath("//*[@id]"))
    assert [i for i, n in ids.items() if n > 1] == []


def test_self_contained(page):
    assert page.xpath("//link | //img | //iframe | //object | //embed") == []
    assert page.xpath("//script[@src] | //*[@src]") == []
    hrefs = [e.get("href") for e in page.xpath("//a[@href]")]
    assert all(h.startswith("#") for h in hrefs)
    for el in page.xpath("//*[@xlink:href or @href]",
                         namespaces={"xlink": "http://www.w3.org/1999/xlink"}):
        for attr, value in el.attrib.items():
            if attr.endswith("href"):
                assert value.startswith("#"), value
    csp = page.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")[0]
    assert "default-src 'none'" in csp and "script-src 'sha256-" in csp


def test_embedded_data_round_trips(page):
    report = build_report()
    blob = page.get_element_by_id("framing-data")
    assert blob.get("type") == "application/json"
    assert json.loads(blob.text) == json.loads(report.to_json())


def test_hostile_strings_are_text(hostile):
    scripts = hostile.xpath("//script")
    assert len(scripts) == 2
    assert [s.get("type") for s in scripts] == ["application/json", None]
    assert "__xss" not in scripts[1].text
    assert hostile.xpath("//img") == []
    assert not [e for e in hostile.iter() if any(a.startswith("on") for a in e.attrib)]
    assert XSS in [n.text_content() for n in hostile.find_class("outlet-name")]
    title = hostile.get_element_by_id("article-3").find_class("title")[0]
    assert title.text_content() == XSS_IMG + " " + XSS
    assert json.loads(scripts[0].text)["events"][0]["outlets"][2] == XSS


@pytest.mark.slow
def test_hostile_raw_markup():
    text = render_html(xss_report())
    assert "</script><script>window.__xss" not in text
    assert "<img src=x" not in text
    # |tojson escaped the data block
    blob = text.split('id="framing-data">', 1)[1].split("</script>", 1)[0]
    assert "<" not in blob and ">" not in blob


def test_highlight_merges_overlapping_hits():
    text = "the so-called regime said"
    hits = [
        {"start": 4, "end": 20, "category": "labeling", "voice": "narration", "term": "x",
         "explanation": "outer", "neutral": None, "speaker": None, "probability": 0.9},
        {"start": 14, "end": 20, "category": "distancing", "voice": "narration", "term": "y",
         "explanation": "inner", "neutral": None, "speaker": None, "probability": 0.5},
        {"start": 30, "end": 40, "category": "emotive", "voice": "quote", "term": "z",
         "explanation": "out of range", "neutral": None, "speaker": None, "probability": 0.5},
    ]
    html = highlight_html(text, hits)
    assert isinstance(html, Markup)
    doc = lxml.html.fragment_fromstring(str(html), create_parent="div")
    marks = doc.xpath("//mark")
    assert len(marks) == 1
    assert marks[0].text == "so-called regime"
    assert marks[0].get("class") == "hit cat-labeling cat-distancing"
    tip = marks[0].find_class("tip")[0].text_content()
    assert "outer" in tip and "inner" in tip and "out of range" not in tip


def test_highlight_escapes_text():
    html = highlight_html("<b>bold</b> & regime", [
        {"start": 14, "end": 20, "category": "lab<el>", "voice": "narration", "term": "<t>",
         "explanation": "<script>", "neutral": None, "speaker": None, "probability": 0.9},
    ])
    assert str(html).startswith("&lt;b&gt;bold&lt;/b&gt; &amp; <mark")
    assert "<script>" not in str(html) and "<el>" not in str(html)


def test_marks_escape_each_value_as_markup_format_does():
    """A highlight's mark and tooltip are joined from escaped values, not
    through Markup.format: the same text as Markup.format gives for hostile
    values (quotes, brackets, ampersands, a number)."""
    from framing.report._common import VOICE_LABELS, fmt_prob

    hit = {"start": 0, "end": 4, "category": 'x"><script>', "voice": "quote",
           "explanation": "a & b <i>", "neutral": "'n'", "speaker": "S<p>", "term": '"t"',
           "probability": 0.5}
    got = str(highlight_html("word rest", [hit]))
    h = hit
    lines = [Markup('<span class="tip-head"><span class="tip-cat">{}</span> · {}</span>')
             .format(h["category"], VOICE_LABELS.get(h["voice"], h["voice"])),
             Markup('<span class="tip-expl">{}</span>').format(h["explanation"]),
             Markup('<span class="tip-row">Neutral alternative: <span class="tip-neutral">{}</span></span>')
             .format(h["neutral"]),
             Markup('<span class="tip-row">Speaker: {}</span>').format(h["speaker"]),
             Markup('<span class="tip-row">Term: “{}” · probability loaded {}</span>')
             .format(h["term"], fmt_prob(h["probability"]))]
    tip = Markup('<span class="tip" role="tooltip" id="{}">{}</span>').format(
        "tip-1", Markup('<span class="tip-hit">{}</span>').format(Markup("").join(lines)))
    mark = Markup('<mark class="hit {}" tabindex="0" data-category="{}" data-voice="{}" '
                  'aria-describedby="{}">{}{}</mark>').format(
        "cat-x-script", h["category"], h["voice"], "tip-1", "word", tip)
    assert got == str(mark) + " rest"


def test_the_report_environment_reads_a_dict_as_jinja_does():
    """The report's templates look a dict's key up before its attributes
    only where the dict has no attribute of that name: a key named like a
    method still gives the method, a missing key is still an error."""
    import jinja2

    from framing.report.html import environment

    env = environment()
    d = {"label": "<b>", "items": "a key", "n": 0}
    assert env.from_string("{{ d.label }}|{{ d.items is callable }}|{{ d.n }}|{{ d.get('n') }}").render(d=d) \
        == "&lt;b&gt;|True|0|0"
    with pytest.raises(jinja2.UndefinedError):
        env.from_string("{{ d.missing }}").render(d=d)
