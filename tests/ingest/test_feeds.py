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
        read_entries("broken.rss", b"<rss><channel><item><title>a</b></item></channel></rss>")
    for cut in (RSS[: len(RSS) // 2], RSS[:-12]):  # an interrupted download
        with pytest.raises(UnreadableFile, match="cut short: the file ends before the feed does"):
            read_entries("cut.rss", cut.encode())
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


def item_texts(name, data):
    return [(e.article.title, e.article.text) for e in read_entries(name, data) if e.article]


def test_rss_whose_elements_are_in_a_namespace_is_read():
    feed = f"""<?xml version="1.0"?>
    <rss xmlns="http://backend.userland.com/rss2" version="2.0"><channel><title>City News</title>
      <item><title>Kim and Putin sign defence pact</title><description>{STORY}</description>
        <pubDate>Wed, 19 Jun 2024 10:00:00 GMT</pubDate></item>
    </channel></rss>"""
    [item] = articles("city.xml", feed)
    assert (item.title, item.site, item.date, item.text) == (
        "Kim and Putin sign defence pact", "City News", "2024-06-19", STORY,
    )  # fmt: skip


def test_atom_0_3_is_read_with_its_dates_and_content_modes():
    feed = f"""<?xml version="1.0" encoding="utf-8"?>
    <feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Old Blog</title>
      <entry><title>First</title><author><name>Jane Doe</name></author>
        <issued>2005-12-26T10:00:00+08:00</issued><modified>2005-12-27T10:00:00Z</modified>
        <content type="text/html" mode="escaped">&lt;p&gt;{STORY}&lt;/p&gt;&lt;p&gt;{MORE}&lt;/p&gt;</content></entry>
      <entry><title>Second</title><modified>2005-12-28T10:00:00Z</modified>
        <content type="application/xhtml+xml" mode="xml"><div xmlns="http://www.w3.org/1999/xhtml"><p>{STORY}</p><p>{MORE}</p></div></content></entry>
    </feed>"""
    first, second = articles("atom.xml", feed)
    assert (first.title, first.byline, first.site, first.date) == ("First", "Jane Doe", "Old Blog", "2005-12-26")
    assert first.text.split("\n\n") == [STORY, MORE]
    assert second.date == "2005-12-28" and second.text.split("\n\n") == [STORY, MORE]


def legacy_feed(declared: str, title: str, body: str) -> str:
    return (
        f'<?xml version="1.0" encoding="{declared}"?>\n<rss version="2.0"><channel><title>Site</title>'
        f"<item><title>{title}</title><description>{body}</description></item></channel></rss>"
    )


@pytest.mark.parametrize(
    ("declared", "encoding", "title", "body"),
    [
        # Declared by an older name, written in its Windows superset (as browsers read them).
        (
            "euc-kr",
            "cp949",
            "똠방각하 발표",
            "정부는 수요일 내년도 예산안을 발표하며 국방비와 복지 예산을 크게 늘리겠다고 밝혔다. 똠양꿍.",
        ),
        (
            "Shift_JIS",
            "cp932",
            "①予算案",
            "政府は水曜日、来年度予算案を閣議決定し、防衛費が過去最大となる見通しを示した。①②",
        ),
        # Declared Latin-1, written in UTF-8.
        (
            "iso-8859-1",
            "utf-8",
            "Hugo Chávez",
            "Venezuela’s president, Hugo Chávez, said on Tuesday that talks would resume.",
        ),
        # A DOS code page lxml does not know.
        (
            "IBM855",
            "cp855",
            "Новости",
            "Наверное, единственное, во что сегодня можно верить безоговорочно, так это в то, что"
            " новогодняя ночь будет длинной. Врачи советуют не переедать и больше гулять на свежем воздухе.",
        ),
    ],
)
def test_a_feed_is_decoded_as_text_files_are_whatever_it_declares(declared, encoding, title, body):
    [(got_title, text)] = item_texts("legacy.xml", legacy_feed(declared, title, body).encode(encoding))
    assert (got_title, text) == (title, body)


def test_white_space_and_a_byte_order_mark_before_the_declaration_are_ignored():
    for opening in (b"\n", b"\r\n  \n", b"\xef\xbb\xbf\n"):
        assert len(articles_of(opening + RSS.encode())) == 3


def articles_of(data: bytes):
    return read_entries("world.rss", data)


def test_utf16_without_a_byte_order_mark():
    data = RSS.replace('encoding="UTF-8"', 'encoding="utf-16le"').encode("utf-16-le")
    assert [e.article.title for e in articles_of(data) if e.article] == [
        "Kim and Putin sign defence pact",
        "Talks resume & go on",
    ]


def test_character_references_left_in_plain_text_are_resolved():
    feed = """<rss version="2.0"><channel><title>Kappa&amp;#8217;s &lt;b&gt;Lair&lt;/b&gt;</title>
      <item><title>Flat &amp;#x0024;4300 &amp;amp; more</title>
        <description>Music college &amp;laquo;7 notes&amp;raquo;. Theory&amp;nbsp;&amp;mdash; &amp;#8220;easy&amp;#8221;.</description>
      </item></channel></rss>"""
    [item] = articles("kappa.rss", feed)
    assert item.title == "Flat $4300 & more"
    assert item.site == "Kappa’s Lair"
    assert item.text == "Music college «7 notes». Theory — “easy”."


def test_a_sites_name_written_as_markup_is_its_text():
    feed = f"""<feed xmlns="http://www.w3.org/2005/Atom">
      <title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Tantek's <b>Updates</b></div></title>
      <entry><title>One</title><content>{STORY}</content></entry></feed>"""
    [item] = articles("updates.atom", feed)
    assert item.site == "Tantek's Updates"


def test_a_video_feeds_media_description_is_the_items_text():
    feed = f"""<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/">
      <title>Channel</title>
      <entry><title>Video</title><published>2017-09-14T10:00:00Z</published>
        <media:group><media:title>Video</media:title><media:description>{STORY}</media:description></media:group>
      </entry></feed>"""
    [item] = articles("videos.atom", feed)
    assert item.text == STORY


def test_a_compressed_feed_or_a_web_page_is_refused_as_what_it_is():
    import gzip

    with pytest.raises(UnreadableFile, match="gzip-compressed: unpack it first"):
        read_entries("feed.xml", gzip.compress(RSS.encode()))
    with pytest.raises(UnreadableFile, match="an HTML page, not a news feed"):
        read_entries("feed.rss", b"<head><title>Document Moved</title></head>\n<body><h1>Object Moved</h1></body>")
    page = b'<?xml version="1.0"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN" "x.dtd">\n<html><body/></html>'
    with pytest.raises(UnreadableFile, match="an HTML page"):
        read_entries("blog.xml", page)


def test_a_feed_with_an_html_doctype_is_still_read_as_the_feed():
    feed = RSS.replace("<rss ", '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "x.dtd">\n<rss ', 1)
    assert len(articles("world.rss", feed)) == 3
