"""News feeds saved as files (RSS 2.0, RSS 1.0, Atom; invented outlets and
text, laid out as feeds are): one article per item with its outlet, date,
author, address and full text, or its summary marked truncated."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from framing.cli import cli
from framing.corpus import InputFile, load_file
from framing.store import Store

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>The Kesh Courier</title><link>https://kesh-courier.example/</link>
<description>News from Kesh</description>
<item><title>Almera council approves harbour budget</title>
<link>https://kesh-courier.example/2031/03/04/harbour</link><guid isPermaLink="false">kc-1001</guid>
<pubDate>Tue, 04 Mar 2031 08:30:00 +0000</pubDate><dc:creator><![CDATA[Ana Lee]]></dc:creator>
<description><![CDATA[The council voted on Tuesday.]]></description>
<content:encoded><![CDATA[<p>The Almera council voted on Tuesday to approve the harbour budget.</p>
<figure><img src="a.jpg"><figcaption>The chamber.</figcaption></figure><p>The mayor said the plan was fair.</p>]]>
</content:encoded></item>
<item><title>Ferry strike ends</title><link>https://kesh-courier.example/2031/03/05/ferry</link>
<pubDate>Wed, 05 Mar 2031 10:00:00 +0000</pubDate><author>desk@kesh-courier.example (Sam Orlo)</author>
<description>Ferry crews in Ostra went back to work on Monday after a week.</description></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Almera Post</title><id>urn:almera-post</id>
<updated>2031-03-06T10:00:00Z</updated>
<entry><title type="html">Harbour budget &lt;em&gt;passes&lt;/em&gt;</title>
<link rel="edit" href="https://almera-post.example/edit/1"/><link href="https://almera-post.example/harbour"/>
<id>urn:almera-post:1</id><published>2031-03-04T09:00:00Z</published><updated>2031-03-06T09:00:00Z</updated>
<author><name>Sam Orlo</name></author><author><name>Ana Lee</name></author><summary>The budget passed.</summary>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>The harbour budget passed the Almera
council on Tuesday.</p><p>Critics called it rushed.</p></div></content></entry>
<entry><title>Storm closes the port</title><link href="https://almera-post.example/storm"/>
<id>urn:almera-post:2</id><updated>2031-03-07T09:00:00Z</updated><summary>The port closed.</summary></entry>
</feed>
"""

RDF = """<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://ostra-news.example/"><title>Ostra News</title><link>https://ostra-news.example/</link>
<description>Ostra</description></channel>
<item rdf:about="https://ostra-news.example/1"><title>Ostra ferries sail again</title>
<link>https://ostra-news.example/1</link><dc:date>2031-03-05T11:00:00Z</dc:date><dc:creator>Kim Ode</dc:creator>
<description>Ferries left Ostra on Monday for the first time in a week.</description></item>
</rdf:RDF>
"""


def _articles(path: Path):
    loaded, errors = load_file(InputFile(path, path.name), notes=[])
    assert not errors, [str(e) for e in errors]
    return [r.article for r in loaded]


def _row(a):
    return (a.source_id, a.outlet, a.date, a.title, a.byline, a.url, a.content)


def test_rss_items_are_articles_with_the_feeds_name_as_outlet(tmp_path: Path) -> None:
    (tmp_path / "kesh.rss").write_text(RSS, encoding="utf-8")
    full, summary = _articles(tmp_path / "kesh.rss")
    assert _row(full) == ("kc-1001", "The Kesh Courier", "2031-03-04", "Almera council approves harbour budget",
                          "Ana Lee", "https://kesh-courier.example/2031/03/04/harbour", "full")
    # The full text's paragraphs, the figure's caption left out.
    assert full.body == ("The Almera council voted on Tuesday to approve the harbour budget.\n\n"
                         "The mayor said the plan was fair.")
    assert _row(summary)[1:] == ("The Kesh Courier", "2031-03-05", "Ferry strike ends",
                                 "desk@kesh-courier.example (Sam Orlo)", "https://kesh-courier.example/2031/03/05/ferry",
                                 "truncated")


def test_atom_entries_and_rss_1_items(tmp_path: Path) -> None:
    (tmp_path / "almera.atom").write_text(ATOM, encoding="utf-8")
    first, second = _articles(tmp_path / "almera.atom")
    assert _row(first) == ("urn:almera-post:1", "Almera Post", "2031-03-04", "Harbour budget passes",
                           "Sam Orlo, Ana Lee", "https://almera-post.example/harbour", "full")
    assert first.body == "The harbour budget passed the Almera council on Tuesday.\n\nCritics called it rushed."
    # No published date: the updated one; a summary only: truncated.
    assert (second.date, second.body, second.content) == ("2031-03-07", "The port closed.", "truncated")
    (tmp_path / "ostra.xml").write_text(RDF, encoding="utf-8")
    (item,) = _articles(tmp_path / "ostra.xml")
    assert _row(item)[1:] == ("Ostra News", "2031-03-05", "Ostra ferries sail again", "Kim Ode",
                              "https://ostra-news.example/1", "truncated")


def test_a_folder_of_feeds_other_xml_passed_over_a_broken_feed_one_error(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "kesh.xml").write_text(RSS, encoding="utf-8")
    (folder / "sitemap.xml").write_text('<?xml version="1.0"?><urlset><url><loc>https://a.example/</loc></url>'
                                        "</urlset>\n", encoding="utf-8")
    (folder / "broken.rss").write_text(RSS[:400], encoding="utf-8")
    result = CliRunner().invoke(cli, ["ingest", "--db", str(tmp_path / "s.db"), str(folder)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    errors = [ln for ln in result.output.splitlines() if ln.startswith("error:")]
    assert len(errors) == 1 and "broken.rss" in errors[0] and "not a readable feed" in errors[0]
    assert "passed over 1 file" in result.output and "2 added" in result.output
    with Store(tmp_path / "s.db") as store:
        assert sorted(a.title for a in store.articles()) == ["Almera council approves harbour budget",
                                                              "Ferry strike ends"]


def test_an_entity_in_a_feed_is_not_expanded(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("do not read me", encoding="utf-8")
    feed = RSS.replace('<?xml version="1.0" encoding="UTF-8"?>',
                       f'<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file://{secret}">]>')
    feed = feed.replace("<title>Ferry strike ends</title>", "<title>Ferry strike ends &x;</title>")
    (tmp_path / "x.rss").write_text(feed, encoding="utf-8")
    loaded, errors = load_file(InputFile(tmp_path / "x.rss", "x.rss"))
    assert all("do not read me" not in (r.article.title or "") + r.article.body for r in loaded)
