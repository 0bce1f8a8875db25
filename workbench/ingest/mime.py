"""An e-mail (.eml) or a web page saved as a single file (.mht, .mhtml) → its text and the
metadata it states. Both are MIME messages, read with the standard library's parser.

A saved page's HTML is read as any page is (html.read_html). An e-mail's text is its
plain-text part when it has one (what the sender wrote for every mail reader), else its
HTML part read as a page (an e-mail forwarded as an attachment under a short cover note is
read instead of the note, unless it has no text; a message that is only another one, as
some mail programs forward, is that one); its subject (less "Fwd:", "Re:") is the headline, its Date
header the date, and the sender's name the site (a newsletter's or an alert's name).
"""

from __future__ import annotations

import re

from workbench.ingest.article import Metadata
from workbench.ingest.decode import decode_text
from workbench.ingest.errors import UnreadableFile
from workbench.ingest.html import read_html

MAIL_SUFFIXES = (".eml",)
SAVED_PAGE_SUFFIXES = (".mht", ".mhtml")
MIME_SUFFIXES = MAIL_SUFFIXES + SAVED_PAGE_SUFFIXES
# A message with an e-mail attached and fewer words than this of its own ("FYI, see below")
# is the attached one's cover: the attached e-mail, if it has text, is the article.
_COVER_WORDS = 40
# What mail programs put before a subject they reply to or forward.
_REPLY_PREFIX = re.compile(r"^(?:\s*(?:re|fwd?|aw|wg|tr|sv|vs)\s*(?:\[\d+\])?\s*:\s*)+", re.IGNORECASE)
# A body that is a page, not plain text (a damaged multipart message's, read as one part).
_PAGE = re.compile(r"<(?:html|body|p|div|br)\b", re.IGNORECASE)
# A line opening a part ("--boundary", headers or a blank line after it), to find the
# boundary a damaged multipart message uses.
_PART_START = re.compile(r"^--(\S+?)[ \t]*\r?\n(?:[\w-]+:|\r?\n)", re.MULTILINE)


def read_mime(name: str, data: bytes) -> tuple[str, Metadata]:
    """The text and metadata of an e-mail or a saved page, by the file's name. Raises
    UnreadableFile."""
    import email
    import email.policy

    if not data.strip():
        return "", Metadata()
    try:
        message = email.message_from_bytes(data, policy=email.policy.default)
        if message.get_content_maintype() == "multipart" and not message.is_multipart():
            message = _mended(message)
        if name.lower().endswith(MAIL_SUFFIXES):
            return _mail(message)
        return _saved_page(message)
    except UnreadableFile:
        raise
    except (ValueError, LookupError, TypeError, AttributeError, IndexError, RecursionError) as exc:
        # NOTE: the parser is lenient and records defects; what raises is a damaged part.
        raise UnreadableFile(f"damaged message ({type(exc).__name__}: {exc})") from None


def _saved_page(message) -> tuple[str, Metadata]:
    page = message.get_body(preferencelist=("html",))
    if page is None:
        raise UnreadableFile("not a saved web page (no HTML in it)")
    return read_html(page.get_payload(decode=True) or b"")


def _mail(message) -> tuple[str, Metadata]:
    if message.get_content_type() == "message/rfc822":  # a message that only wraps another
        return _mail(message.get_content())
    text = _mail_text(message)
    if len(text.split()) < _COVER_WORDS:  # "Forward as attachment": the attached one, if it says anything
        for part in message.iter_attachments():
            if part.get_content_type() == "message/rfc822":
                attached = _mail(part.get_content())
                if attached[0].strip():
                    return attached
    fields, origins = {}, {}
    subject = _REPLY_PREFIX.sub("", str(message.get("subject", ""))).strip()
    if subject:
        fields["title"], origins["title"] = subject, "the e-mail's Subject"
    sent = _sent(message)
    if sent:
        fields["date"], fields["date_raw"] = sent
        origins["date"] = "the e-mail's Date header"
    sender = _sender(message)
    if sender:
        fields["site"], origins["site"] = sender, "the e-mail's sender"
    return text, Metadata(**fields, origins=origins)


def _mended(message):
    """A multipart message the parser could not split: its boundary is missing, or is not
    the one its parts use (a damaged or hand-made mail). Read again with the boundary its
    parts do use; with none to be found, its body is one part, a page or plain text."""
    import email
    import email.policy

    found = _PART_START.search(message.get_payload())
    if found:
        message.set_param("boundary", found.group(1))
        mended = email.message_from_bytes(message.as_bytes(), policy=email.policy.default)
        if mended.is_multipart():
            return mended
    message.set_type("text/html" if _PAGE.search(message.get_payload()) else "text/plain")
    return message


def _mail_text(message) -> str:
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    if part.get_content_subtype() == "plain":
        return decode_text(part.get_payload(decode=True) or b"", part.get_content_charset())[0]
    return read_html(part.get_payload(decode=True) or b"")[0]


def _sent(message) -> tuple[str, str] | None:
    header = message.get("date")
    when = getattr(header, "datetime", None) if header is not None else None
    return (when.date().isoformat(), str(header)) if when is not None else None


def _sender(message) -> str | None:
    header = message.get("from")
    addresses = getattr(header, "addresses", ()) if header is not None else ()
    if not addresses:
        return None
    return addresses[0].display_name or addresses[0].domain or None
