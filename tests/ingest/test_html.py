"""HTML pages: the story without the page around it, the metadata with where it came from."""

import json

import pytest

from workbench.ingest.files import read_article
from workbench.ingest.html import read_html

PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Seoul warns of deeper ties | The Example Times</title>
<meta property="og:title" content="Seoul warns of deeper North Korea–Russia military ties">
<meta property="og:site_name" content="The Example Times">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2024-01-14T09:30:00+09:00">
<script>document.write("<p>written by a script</p>"); var secret = "scriptvalue";</script>
<style>p { color: red } .stylevalue {}</style>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World news menu</a></nav>
<article>
<h1>Seoul warns of deeper North Korea–Russia military ties</h1>
<p>South Korea's spy agency said on Sunday that North Korea had shipped millions of artillery shells to Russia since August, in exchange for food and technology.</p>
<!-- an HTML comment that must not appear -->
<p>The National Intelligence Service told lawmakers that <b>about 6,700 containers</b> had crossed the border. <img src="{image}"> The figure could not be verified independently.</p>
<p>Analysts said the trade gives Pyongyang hard currency &amp; rare access to Russian know-how, a worry for Washington and Tokyo alike.</p>
<p>The page literally shows &lt;script&gt;alert(1)&lt;/script&gt; and &lt;b&gt;tags&lt;/b&gt; as text here.</p>
</article>
<section class="comments"><h3>Comments</h3><div class="comment"><p>Reader comment: this is fake news and everyone knows it, wake up people!</p></div></section>
<footer>© 2024 The Example Times. All rights reserved.</footer>
</body></html>
"""


def page(image="http://127.0.0.1:9/pixel.gif") -> bytes:
    return PAGE.replace("{image}", image).encode()


def test_readable_body_without_scripts_styles_navigation_or_comments():
    text, _ = read_html(page())
    assert "South Korea's spy agency said on Sunday" in text
    assert "about 6,700 containers had crossed the border" in text
    for gone in ("scriptvalue", "written by a script", "stylevalue", "World news menu", "HTML comment",
                 "Reader comment", "All rights reserved"):  # fmt: skip
        assert gone not in text, gone
    assert "\n\nThe National Intelligence Service" in text  # paragraphs stay paragraphs


def test_markup_written_on_the_page_stays_text():
    text, _ = read_html(page())
    assert "<script>alert(1)</script> and <b>tags</b> as text" in text
    assert "hard currency & rare access" in text


def test_metadata_from_meta_tags_with_their_origin_and_the_raw_date():
    _, meta = read_html(page())
    assert meta.title == "Seoul warns of deeper North Korea–Russia military ties"
    assert meta.byline == "Jane Doe" and meta.site == "The Example Times"
    assert meta.date == "2024-01-14" and meta.date_raw == "2024-01-14T09:30:00+09:00"
    assert meta.origins == {
        "title": '<meta property="og:title">',
        "byline": '<meta name="author">',
        "site": '<meta property="og:site_name">',
        "date": '<meta property="article:published_time">',
    }


def test_html_file_becomes_an_article_whose_metadata_wins_over_the_layout(tmp_path):
    path = tmp_path / "page.html"
    path.write_bytes(page())
    article = read_article(path)
    assert article.title.startswith("Seoul warns") and article.site == "The Example Times"
    assert article.origins["title"] == '<meta property="og:title">'
    assert article.text.startswith("Seoul warns of deeper")  # the headline, as the page shows it


def test_page_without_meta_tags_takes_title_and_site_from_the_page():
    html = (
        "<html><head><title>A headline | Daily Planet</title>"
        '<link rel="canonical" href="https://news.example.org/2024/story"></head><body><article>'
        "<h1>A headline</h1>"
        + "<p>Officials in the capital said the talks would resume next week. </p>" * 6
        + "</article></body></html>"
    )
    text, meta = read_html(html.encode())
    assert meta.title == "A headline" and meta.origins["title"] == "<title>"
    assert meta.site == "news.example.org"
    assert "address" in meta.origins["site"]
    assert meta.date is None  # a date merely in the story or nowhere is not guessed


@pytest.mark.parametrize(
    "html",
    [
        "<p>Hello <b>world</b>, a short note.</p>",  # a fragment
        '<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml"><body>'
        "<p>Hello world, a short note.</p></body></html>",  # XHTML with an XML declaration
    ],
)
def test_short_pages_and_fragments_still_give_their_text(html):
    text, _ = read_html(html.encode())
    assert text == "Hello world, a short note."


def test_declared_legacy_charset_is_honoured():
    html = '<html><head><meta charset="windows-1252"><title>Caf\xe9</title></head><body><p>Le caf\xe9 “noir” co\xfbte cher.</p></body></html>'
    text, _ = read_html(html.encode("cp1252"))
    assert "Le café “noir” coûte cher." in text


def test_page_with_no_text_is_empty():
    text, _ = read_html(b"<html><head><script>x()</script><style>p {}</style></head><body> </body></html>")
    assert text.strip() == ""


def headed(head: str, h1: str) -> bytes:
    body = "<p>Officials in the capital said on Monday that the talks would resume next week. </p>" * 6
    return f"<html><head>{head}</head><body><article><h1>{h1}</h1>{body}</article></body></html>".encode()


@pytest.mark.parametrize(
    ("title", "h1"),
    [
        ("Takeaways from the trial | CNN Politics", "Takeaways from the trial"),  # the site after it
        ("Analysis: The sparring match at the Supreme Court | CNN Politics", "The sparring match at the Supreme Court"),
        ("LinkNaija | News platform: Actress Kate Henshaw returns to film", "Actress Kate Henshaw returns to film"),
        (
            "Gates on Russia: 'Being friendly isn't friendship' | CNN",
            "Gates on Russia: ‘Being friendly isn’t friendship’",
        ),
        (
            "Anticorrupción decidirá si recurre la imputación » Local » Noticias",
            "Anticorrupción decidirá si recurre la imputación",
        ),
    ],
)
def test_the_headline_without_the_names_a_title_adds_to_it(title, h1):
    _, meta = read_html(headed(f'<meta property="og:title" content="{title}">', h1))
    assert meta.title == h1 and meta.origins["title"] == "<h1>"


@pytest.mark.parametrize(
    ("title", "h1"),
    [
        ("Russia: Kim and Putin sign a defence pact", "Russia"),  # a section's heading, not the headline
        ("All-new Sentra is what we want", "All"),  # a word of the headline
        ("Kim-Putin summit ends", "Kim"),
    ],
)
def test_a_title_is_kept_when_the_heading_is_not_its_headline(title, h1):
    _, meta = read_html(headed(f'<meta property="og:title" content="{title}">', h1))
    assert meta.title == title


def test_a_site_name_alone_after_the_headline_names_the_site():
    _, meta = read_html(
        headed("<title>短缺药品保供稳价 全力保障临床用药需求-新华网</title>", "短缺药品保供稳价 全力保障临床用药需求")
    )
    assert (meta.title, meta.site) == ("短缺药品保供稳价 全力保障临床用药需求", "新华网")
    assert meta.origins["site"] == "<title>"


def test_the_byline_leaves_out_the_site_and_the_copyright_holder():
    head = (
        '<meta name="author" content="Condé Nast"><meta property="article:author" content="Tom Bennett">'
        '<meta name="copyright" content="Copyright (c) Condé Nast 2023"><meta property="og:site_name" content="WIRED">'
    )
    _, meta = read_html(headed(head, "Surveillance puts the West Bank on lockdown"))
    assert (meta.byline, meta.site) == ("Tom Bennett", "WIRED")


def test_a_whole_page_saved_as_text_is_read_as_a_page(tmp_path):
    (tmp_path / "download.txt").write_bytes(b"\xef\xbb\xbf\n  " + page())
    article = read_article(tmp_path / "download.txt")
    assert article.title == "Seoul warns of deeper North Korea–Russia military ties"
    assert "<p>" not in article.text and "scriptvalue" not in article.text
    (tmp_path / "note.txt").write_text(
        "<b>Bold</b> is how the page wrote it.\n\nThe minister said the talks would go on."
    )
    assert read_article(tmp_path / "note.txt").text.startswith("<b>Bold</b>")  # markup in a text stays text


def test_a_page_laid_out_in_a_table_reads_as_paragraphs_not_table_rows():
    cells = "".join(
        f"<tr><td>{text}</td></tr>"
        for text in (
            "<h1>Father of gunman known for rambling political videos</h1>",
            "<p>KABUL (AP) -- The father of the gunman came to the U.S. from Afghanistan more than 30 years "
            "ago and has posted videos in which he comments on politics in his home country.</p>",
            "<p>He expressed views that were both supportive and critical of the Taliban, officials said "
            "on Monday, and his posts drew thousands of views in the community.</p>",
        )
    )
    text, _ = read_html(f"<html><body><table>{cells}<tr><td>a</td><td>b</td></tr></table></body></html>".encode())
    assert "| Father" not in text and "videos |" not in text
    assert any(line.startswith("KABUL (AP) -- The father") for line in text.splitlines())


def test_the_sites_name_is_no_headline_and_is_taken_off_one():
    canonical = '<link rel="canonical" href="https://www.internet-law.de/2011/07/pseudonyme.html">'
    _, meta = read_html(
        headed(
            canonical + "<title>Internet-Law » Verstößt der Ausschluss von Pseudonymen gegen Recht?</title>",
            "Internet-Law",
        )
    )
    assert meta.title == "Verstößt der Ausschluss von Pseudonymen gegen Recht?"
    _, meta = read_html(
        headed(
            '<meta property="og:site_name" content="ACREDIS Deutschland GmbH">'
            '<meta property="og:title" content="Augenlidstraffung - ACREDIS Deutschland GmbH">',
            "Augenlidstraffung",
        )
    )
    assert meta.title == "Augenlidstraffung"  # the site's name is longer than the headline


def test_the_headline_the_page_prints_wins_over_a_title_worded_otherwise():
    short = '<meta property="og:title" content="Aldi Beef Maker">'
    _, meta = read_html(headed(short, "Beef Maker von Aldi im Test"))
    assert (meta.title, meta.origins["title"]) == ("Beef Maker von Aldi im Test", "<h1>")
    story = '<meta property="og:title" content="Russia strikes Kyiv power plants overnight">'
    _, meta = read_html(headed(story, "Live updates: the war in Ukraine"))
    assert meta.title == "Russia strikes Kyiv power plants overnight"  # a live page's banner is no rewording
    stale = '<meta property="og:title" content="Ein Presse-Event der Extraklasse">'
    kicker = '<meta property="og:title" content="Manuela Reimann: Hochzeitsüberraschung in Bayern!">'
    _, meta = read_html(headed(kicker, "Wow, wow, wow!Manuela Reimann: Hochzeitsüberraschung in Bayern!"))
    assert meta.title == "Manuela Reimann: Hochzeitsüberraschung in Bayern!"  # the heading only adds a kicker
    _, meta = read_html(headed(stale, "Reisen"))  # a section's heading
    assert meta.title == "Ein Presse-Event der Extraklasse"


@pytest.mark.parametrize(
    ("author", "byline"),
    [
        ("View all posts by Daniel Lemire", "Daniel Lemire"),
        ("Von Anna Schmidt", "Anna Schmidt"),
        ("By Jane Doe and John Roe", "Jane Doe; John Roe"),
        ("Super User", None),
        ("admin", None),
        ("Süddeutsche Zeitung GmbH", None),
        ("Example Times", None),  # the site
        ("www.example-times.com", None),  # its address
        ("Byron Allen", "Byron Allen"),  # a name that begins like a label
    ],
)
def test_a_byline_is_names_of_people_without_their_labels(author, byline):
    head = (
        f'<meta name="author" content="{author}"><meta property="og:site_name" content="Example Times">'
        '<link rel="canonical" href="https://www.example-times.com/world/story.html">'
    )
    _, meta = read_html(headed(head, "Officials say talks resume"))
    assert meta.byline == byline
    assert ("byline" in meta.origins) == (byline is not None)


def test_a_self_closed_root_does_not_end_the_page():
    page = (
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x.dtd" />\n<html xml:lang="de" />\n'
        "<head><title>Verein</title></head><body>"
        + "<p>Der Verein trifft sich jeden Samstag auf dem Platz am Stadtrand, bei jedem Wetter.</p>" * 5
        + "</body></html>"
    )
    text, _ = read_html(page.encode())
    assert "Der Verein trifft sich jeden Samstag" in text


def test_the_date_as_written_is_the_date_not_the_address_it_is_in():
    head = '<meta property="og:url" content="https://www.example.com/2017/07/12/montauk-das-ende-der-welt/">'
    _, meta = read_html(headed(head, "Montauk"))
    assert (meta.date, meta.date_raw) == ("2017-07-12", "2017/07/12")
    assert meta.origins["date"] == '<meta property="og:url">'


def test_a_story_only_in_the_pages_structured_data_is_read_from_there():
    """Pages that put the story on screen with a script state it as schema.org's articleBody."""
    story = "\n".join(
        f"Paragraph {i}: the minister said on Monday that the talks would resume next week, officials confirmed."
        for i in range(12)
    )
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "articleBody": story})
    page = (
        f'<html><head><script type="application/ld+json">{ld}</script></head><body><article>'
        "<p>The minister speaks to reporters in the capital on Monday. Photo: AP</p></article></body></html>"
    )
    text, _ = read_html(page.encode())
    assert text.split("\n\n") == story.split("\n")


def test_a_teaser_in_the_structured_data_does_not_replace_the_story():
    ld = json.dumps({"@type": "NewsArticle", "articleBody": "Officials in the capital said on Monday…"})
    text, _ = read_html(headed(f'<script type="application/ld+json">{ld}</script>', "Talks resume"))
    assert "Officials in the capital said on Monday that the talks would resume next week." in text


@pytest.mark.parametrize(
    "commenter",
    [
        '<div class="comment-author"><span class="author">Erkan Yilmaz</span></div>',
        '<div class="comment-author vcard"><cite class="fn">Erkan Yilmaz</cite></div>',
        '<span class="comment-author-name author">Erkan Yilmaz</span>',
        '<div class="author">Erkan Yilmaz</div>',
    ],
)
def test_a_readers_name_in_the_comments_is_not_the_byline(commenter):
    body = (
        "<p>Officials in the capital said on Monday that the talks would resume next week, the minister said.</p>" * 6
    )
    comments = f'<ol class="commentlist"><li class="comment">{commenter}<p>Great article, thanks a lot.</p></li></ol>'
    page = (
        f"<html><head><title>Talks resume</title></head><body><article><h1>Talks resume</h1>{body}</article>{comments}"
    )
    _, meta = read_html(f"{page}</body></html>".encode())
    assert meta.byline is None
    _, meta = read_html(f"{page.replace('</h1>', '</h1><p class=byline>By Erkan Yilmaz</p>')}</body></html>".encode())
    assert meta.byline == "Erkan Yilmaz"  # named in the story's own byline too


def test_plain_text_has_its_character_references_resolved_and_nothing_else():
    from workbench.ingest.html import fragment_text

    assert fragment_text("&laquo;7 нот&raquo; &#8220;AT&amp;T&#8221;") == "«7 нот» “AT&T”"
    assert fragment_text("fish&notes, R&D and x &copy y") == "fish&notes, R&D and x &copy y"


@pytest.mark.parametrize(
    ("body", "around"),
    [
        ('<body class="single-post comments-open">', "div"),  # a blog's state, not its comments
        ("<body>", 'div class="story-with-comments has-related-posts"'),
        ("<body>", 'div class="byline correspondent"'),
    ],
)
def test_a_byline_is_kept_whatever_the_page_calls_its_containers(body, around):
    story = "<p>Officials in the capital said on Monday that the talks would resume next week, the minister said.</p>"
    page = (
        f"<html><head><title>Talks resume</title></head>{body}<article><{around}><h1>Talks resume</h1>"
        f"<p class=byline>By Erkan Yilmaz</p>{story * 6}</{around.split()[0]}></article></body></html>"
    )
    assert read_html(page.encode())[1].byline == "Erkan Yilmaz"
