"""E-mails (.eml) and pages saved as a single file (.mhtml): MIME messages."""

import quopri
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default

import pytest

from workbench.ingest.errors import EmptyFile, UnreadableFile
from workbench.ingest.formats import read_entries

STORY = (
    "North Korean leader Kim Jong Un and Russian President Vladimir Putin signed a mutual defence pact on "
    "Wednesday, state media said, in a move analysts called the strongest tie between the two since the Cold War."
)
MORE = "Officials in Seoul said they were studying the text of the agreement, which commits each side to aid the other."
PAGE = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Kim and Putin sign defence pact | World News</title>
<meta property="og:title" content="Kim and Putin sign defence pact">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2024-06-19T10:00:00Z">
<meta property="og:site_name" content="World News"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Kim and Putin sign defence pact</h1><p>{STORY}</p><p>{MORE}</p><p>“The pact changes everything,” said
Ahn Chan-il, a defector turned analyst in Seoul, adding that Moscow would now supply Pyongyang.</p></article>
<footer>© 2024 World News</footer></body></html>"""


def mhtml(html: str) -> bytes:
    """A page saved as a single file, the way Chromium writes it."""
    boundary = "----MultipartBoundary--x1y2z3----"
    body = quopri.encodestring(html.encode("utf-8")).decode("ascii")
    return (
        "From: <Saved by Blink>\r\n"
        "Snapshot-Content-Location: https://news.example.com/world/kim-putin\r\n"
        "Subject: Kim and Putin sign defence pact | World News\r\n"
        "Date: Sat, 6 Dec 2026 04:05:00 -0000\r\n"
        "MIME-Version: 1.0\r\n"
        f'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="{boundary}"\r\n\r\n\r\n'
        f"--{boundary}\r\n"
        "Content-Type: text/html\r\n"
        "Content-ID: <frame-1@mhtml.blink>\r\n"
        "Content-Transfer-Encoding: quoted-printable\r\n"
        "Content-Location: https://news.example.com/world/kim-putin\r\n\r\n"
        f"{body}\r\n"
        f"--{boundary}\r\n"
        "Content-Type: image/png\r\n"
        "Content-Transfer-Encoding: base64\r\n"
        "Content-Location: https://news.example.com/logo.png\r\n\r\n"
        "iVBORw0KGgo=\r\n"
        f"--{boundary}--\r\n"
    ).encode("ascii")


def mail(*, plain: str | None, html: str | None = None, subject: str = "Fwd: Kim and Putin sign defence pact") -> bytes:
    message = EmailMessage()
    message["Subject"] = subject
    message["From"] = "Reuters Daily Briefing <newsletters@thomsonreuters.com>"
    message["To"] = "analyst@example.org"
    message["Date"] = "Wed, 19 Jun 2024 18:30:00 +0900"
    if plain is not None:
        message.set_content(plain)
    if html is not None:
        if plain is None:
            message.set_content(html, subtype="html")
        else:
            message.add_alternative(html, subtype="html")
    return message.as_bytes()


def only(name: str, data: bytes):
    entries = read_entries(name, data)
    assert len(entries) == 1
    return entries[0].article


def test_a_page_saved_as_a_single_file_is_read_as_the_page():
    article = only("story.mhtml", mhtml(PAGE))
    assert (article.title, article.byline, article.date, article.site) == (
        "Kim and Putin sign defence pact",
        "Jane Doe",
        "2024-06-19",
        "World News",
    )
    assert STORY in article.text and MORE in article.text
    assert "Home" not in article.text and "logo" not in article.text


def test_a_saved_page_without_html_is_refused():
    with pytest.raises(UnreadableFile, match="no HTML"):
        read_entries("story.mht", mail(plain="just text"))


def test_an_emails_plain_text_is_its_text_and_its_headers_say_the_rest():
    article = only("alert.eml", mail(plain=f"{STORY}\n\n{MORE}\n", html=PAGE))
    assert article.title == "Kim and Putin sign defence pact"  # "Fwd:" left out
    assert article.origins["title"] == "the e-mail's Subject"
    assert (article.date, article.site) == ("2024-06-19", "Reuters Daily Briefing")
    assert article.text.startswith(f"{STORY}\n\n{MORE}")


def test_an_email_of_html_only_is_read_as_a_page():
    article = only("alert.eml", mail(plain=None, html=PAGE, subject="RE: Fw: Kim and Putin sign defence pact"))
    assert article.title == "Kim and Putin sign defence pact"
    assert STORY in article.text


def test_an_email_in_a_legacy_encoding_is_decoded_by_its_charset():
    message = EmailMessage()
    message["Subject"] = "Café owners protest"
    message.set_content("Café owners in Seoul said prices “rose” sharply.", charset="windows-1252", cte="8bit")
    assert "Café owners in Seoul said prices “rose” sharply." in only("x.eml", message.as_bytes()).text


def test_an_email_without_a_body_is_empty():
    with pytest.raises(EmptyFile):
        read_entries("empty.eml", b"Subject: nothing\r\n\r\n")


def test_a_forwarded_messages_header_is_metadata():
    forwarded = (
        "---------- Forwarded message ---------\n"
        "From: Reuters <news@reuters.com>\n"
        "Date: Wed, Jun 19, 2024 at 6:30 PM\n"
        "Subject: Kim and Putin sign defence pact\n"
        "To: <analyst@example.org>\n\n"
        f"{STORY}\n\n{MORE}\n"
    )
    article = only("fwd.eml", mail(plain=forwarded))
    assert article.body_text.startswith(STORY)


def from_colleague(subject: str) -> EmailMessage:
    message = EmailMessage()
    message["Subject"] = subject
    message["From"] = "A Colleague <colleague@example.org>"
    return message


def the_story() -> EmailMessage:
    return message_from_bytes(mail(plain=f"{STORY}\n\n{MORE}\n"), policy=default)


def assert_is_the_story(article) -> None:
    assert (article.title, article.site, article.date) == (
        "Kim and Putin sign defence pact", "Reuters Daily Briefing", "2024-06-19",
    )  # fmt: skip
    assert article.text.startswith(STORY)


def test_an_email_forwarded_as_an_attachment_is_read_under_its_cover_note():
    cover = from_colleague("FW: worth a look")
    cover.set_content("FYI, see the attached story.")
    cover.add_attachment(the_story())
    assert_is_the_story(only("fwd.eml", cover.as_bytes()))


def test_a_message_that_only_wraps_another_is_the_other_one():
    # As some mail programs forward: the whole message is of type message/rfc822.
    wrapper = from_colleague("Forwarded")
    wrapper.set_content(the_story())
    del wrapper["Content-Disposition"]
    assert wrapper.get_content_type() == "message/rfc822"
    assert_is_the_story(only("wrapped.eml", wrapper.as_bytes()))


def test_a_cover_note_over_an_attached_message_without_text_is_the_text():
    cover = from_colleague("Stuff")
    cover.set_content("Talks resumed in Geneva today.")
    empty = EmailMessage()
    empty["Subject"] = "Nothing here"
    cover.add_attachment(empty)
    article = only("cover.eml", cover.as_bytes())
    assert (article.title, article.site) == ("Stuff", "A Colleague")
    assert article.text.startswith("Talks resumed in Geneva today.")


def test_the_first_attached_message_with_text_is_read_under_a_cover_note():
    cover = EmailMessage()
    cover["Subject"] = "FW: two of them"
    cover.set_content("See attached.")
    cover.add_attachment(EmailMessage())
    cover.add_attachment(message_from_bytes(mail(plain=f"{STORY}\n"), policy=default))
    article = only("fwd.eml", cover.as_bytes())
    assert article.title == "Kim and Putin sign defence pact"
    assert article.text.startswith(STORY)


HEADERS = b"Subject: Kim and Putin sign defence pact\r\nFrom: Desk <desk@example.com>\r\nMIME-Version: 1.0\r\n"


@pytest.mark.parametrize(
    "content_type, body",
    [
        # the boundary declared is not the one the parts use
        (
            b'multipart/alternative; boundary="declared"',
            b"--used\r\nContent-Type: text/plain\r\n\r\n%s\r\n--used--\r\n",
        ),
        # no boundary declared; a preamble before the first part
        (b"multipart/mixed", b"This is a multi-part message.\r\n\r\n--x1\r\n\r\n%s\r\n--x1--\r\n"),
        # no parts at all: the body is the text
        (b"multipart/mixed", b"%s\r\n"),
        (b"multipart/mixed", b"<html><body><p>%s</p></body></html>\r\n"),
    ],
)
def test_a_multipart_email_with_a_broken_boundary_is_read_from_the_parts_it_has(content_type, body):
    data = HEADERS + b"Content-Type: " + content_type + b"\r\n\r\n" + body.replace(b"%s", STORY.encode())
    article = only("damaged.eml", data)
    assert article.text.strip() == STORY and article.title == "Kim and Putin sign defence pact"


def test_a_saved_page_whose_boundary_is_not_its_parts_is_read():
    data = mhtml(PAGE).replace(b'boundary="----MultipartBoundary--x1y2z3----"', b'boundary="lost"')
    assert STORY in only("page.mhtml", data).text
