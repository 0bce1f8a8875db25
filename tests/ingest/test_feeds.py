"""News feeds: RSS 2.0, RSS 1.0 (RDF) and Atom, one article per item."""

import pytest

from workbench.core.model import Role
from workbench.ingest.errors import EmptyFile, NotArticles, UnreadableFile
from workbench.ingest.formats import read_entries

STORY = "North Korean leader Kim Jong Un and Russian President Vladimir Putin signed a mutual defence pact, state media said."
MORE = "Officials in Seoul said they were studying the text."

RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>World News</title>
    <link>https://news.example.com/</link>
    <item>
      <title>Kim and Putin sign defence pact</title>
      <link>https://news.example.com/1</link>
      <description>A short summary.</description>
      <content:encoded><![CDATA[<p>{STORY}</p><p>{MORE}<br/>Second line.</p><script>var x = 1;</script>]]></content:encoded>
      <dc:creator>Jane Doe</dc:creator>
      <pubDate>Wed, 19 Jun 2024 10:00:00 +0000</pubDate>
    </item>
    <item>
      <title>Talks resume &amp; go on</title>
      <description>{STORY}
        Split over two lines.</description>
      <author>news@example.com (John Roe)</author>
      <pubDate>Thu, 20 Jun 2024 08:00:00 GMT</pubDate>
    </item>
    <item><title>No text at all</title></item>
  </channel>
</rss>"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Wire Service</title>
  <entry>
    <title type="html">Kim and Putin &lt;em&gt;sign&lt;/em&gt; pact</title>
    <author><name>Jane Doe</name></author>
    <published>2024-06-19T10:00:00Z</published>
    <summary>Short.</summary>
    <content type="html">&lt;p&gt;{STORY}&lt;/p&gt;&lt;p&gt;{MORE}&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Second entry</title>
    <updated>2024-06-20T10:00:00Z</updated>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>{STORY}</p><p>{MORE}</p></div></content>
  </entry>
</feed>"""

RDF = f"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel><title>Old Style News</title></channel>
  <item><title>Kim and Putin sign defence pact</title><description>{STORY}</description>
    <dc:date>2024-06-19</dc:date><dc:creator>Jane Doe</dc:creator></item>
</rdf:RDF>"""


def articles(name, text):
    return [e.article for e in read_entries(name, text.encode("utf-8"))]


def test_rss_items_become_articles_with_their_metadata():
    first, second, empty = articles("world.rss", RSS)
    assert (first.title, first.date, first.byline, first.site) == (
        "Kim and Putin sign defence pact", "2024-06-19", "Jane Doe", "World News",
    )  # fmt: skip
    assert first.source_file == "world.rss, item 1"
    assert first.text.split("\n\n") == [STORY, MORE, "Second line."]  # the full content, not the summary
    assert (second.title, second.byline, second.date) == ("Talks resume & go on", "John Roe", "2024-06-20")
    assert second.text == f"{STORY} Split over two lines."
    assert empty is None  # an item with no text: skipped
    assert all(s.role is Role.BODY for s in first.segments)


def test_atom_entries_with_markup_escaped_or_inline():
    first, second = articles("wire.atom", ATOM)
    assert (first.title, first.date, first.byline, first.site) == (
        "Kim and Putin sign pact", "2024-06-19", "Jane Doe", "Wire Service",
    )  # fmt: skip
    assert first.text.split("\n\n") == [STORY, MORE]
    assert second.date == "2024-06-20" and second.text.split("\n\n") == [STORY, MORE]


def test_rss_1_items():
    [item] = articles("old.xml", RDF)
    assert (item.title, item.date, item.byline, item.site, item.text) == (
        "Kim and Putin sign defence pact", "2024-06-19", "Jane Doe", "Old Style News", STORY,
    )  # fmt: skip


def test_a_feed_saved_as_a_page_is_read_as_the_feed():
    assert [a.title for a in articles("feed.html", RSS) if a] == [
        "Kim and Putin sign defence pact",
        "Talks resume & go on",
    ]


def test_xml_that_is_not_a_feed_is_refused_with_the_reason():
    with pytest.raises(NotArticles, match="not a news feed.*<urlset>"):
        read_entries("sitemap.xml", b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url/></urlset>')
    with pytest.raises(UnreadableFile, match="not well-formed"):
        read_entries("broken.rss", b"<rss><channel><item>")
    with pytest.raises(EmptyFile):
        read_entries("empty.rss", b"<rss><channel><title>Nothing</title></channel></rss>")


def test_entities_in_a_feed_are_not_resolved():
    hostile = (
        '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/hostname">]>'
        "<rss><channel><item><title>t</title><description>Before &secret; after, officials said.</description>"
        "</item></channel></rss>"
    )
    [item] = [e.article for e in read_entries("x.rss", hostile.encode())]
    assert item.text == "Before after, officials said."  # the file named is never read


def test_an_item_date_that_cannot_be_read_leaves_the_date_empty():
    feed = RSS.replace("Wed, 19 Jun 2024 10:00:00 +0000", "03/04/2024")
    first = articles("world.rss", feed)[0]
    assert first.date is None and first.date_raw == "03/04/2024"


def test_an_aggregators_item_names_its_outlet():
    feed = """<rss version="2.0"><channel><title>Google News</title>
      <item><title>Kim and Putin sign defence pact - Reuters</title>
        <description>Kim and Putin signed a pact, state media said.</description>
        <source url="https://www.reuters.com">Reuters</source></item>
    </channel></rss>"""
    [item] = articles("news.rss", feed)
    assert (item.title, item.site) == ("Kim and Putin sign defence pact", "Reuters")
