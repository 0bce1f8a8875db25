"""A news feed (RSS 2.0, RSS 1.0/RDF, Atom) → one article per item.

An item's text is what the feed carries of it: its full content where the feed gives it
(`content:encoded`, Atom's `content`), else its description or summary, often a few
sentences. Markup in it is read as a page's paragraphs. The item's title, date and author
are the article's, and its site is the outlet an aggregator names for the item (Google
News's `<source>`, also cut from the end of the title) or else the feed's own title.

RSS is read whatever namespace its elements are in (Userland's RSS 2.0 namespace), and Atom
0.3 as Atom. The bytes are decoded as any text file's are (a declared encoding that does not
fit them is not believed), then parsed by lxml, which resolves no entities and fetches
nothing. A gzip-compressed feed, or a web page saved under a feed's name, is refused as what
it is.
"""

from __future__ import annotations

import codecs
import functools
import html
import re
from email.utils import parsedate_to_datetime

from workbench.ingest.article import Metadata
from workbench.ingest.dates import find_date
from workbench.ingest.decode import UndecodableError, decode_text
from workbench.ingest.errors import NotArticles, UnreadableFile
from workbench.ingest.html import fragment_text, resolve_references
from workbench.ingest.tables import TableRow

FEED_SUFFIXES = (".rss", ".atom", ".xml")
_ATOM = "{http://www.w3.org/2005/Atom}"
_ATOM03 = "{http://purl.org/atom/ns#}"
_CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
_DC = "{http://purl.org/dc/elements/1.1/}"
_MEDIA_DESCRIPTION = ".//{http://search.yahoo.com/mrss/}description"  # Media RSS's, in a media:group or not
_RSS1 = "{http://purl.org/rss/1.0/}"
_RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}RDF"
# A feed saved under another name: its opening, past an XML declaration and comments.
_FEED_OPENING = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)\b", re.DOTALL
)


def is_feed(data: bytes) -> bool:
    """Whether a file holds a news feed, whatever its name says."""
    return bool(_FEED_OPENING.match(data[:2048]))


# An XML declaration, past white space and comments, and the encoding it names.
_DECLARATION = re.compile(r"^((?:\s|<!--.*?-->)*)<\?xml\b[^>]*?\?>", re.DOTALL)
_DECLARED_ENCODING = re.compile(rb"""^(?:\xef\xbb\xbf)?\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""")
# A web page, not a feed: past white space, comments and a doctype, its root is HTML's.
# A feed's last tag, which a file cut short (an interrupted download) lacks.
_FEED_CLOSING = re.compile(rb"</(?:[\w.-]+:)?(?:rss|feed|RDF)\s*>\s*(?:<!--.*?-->\s*)*$", re.DOTALL)
_HTML_OPENING = re.compile(
    rb"^(?:\xef\xbb\xbf)?(?:\s|<!--.*?-->|<\?xml\b[^>]*>|<!doctype\b[^>]*>)*<(?:html|head|body)\b",
    re.DOTALL | re.IGNORECASE,
)


def read_feed(data: bytes) -> list[TableRow]:
    """The feed's items, in its order. Raises UnreadableFile for XML that is not a feed."""
    import lxml.etree  # NOTE: lazy, like every parser of a format not every import needs

    parser = lxml.etree.XMLParser(resolve_entities=False, no_network=True, recover=False)
    xml = _xml(data)
    try:
        root = lxml.etree.fromstring(xml, parser)
    except lxml.etree.XMLSyntaxError as exc:
        if not _FEED_CLOSING.search(xml[-1024:]):
            raise UnreadableFile(f"cut short: the file ends before the feed does; download it again ({exc})") from None
        raise UnreadableFile(f"not well-formed XML ({exc})") from None
    tag, namespace = _local(root.tag), root.tag[: -len(_local(root.tag))]
    if tag == "rss":  # RSS 2.0's elements, in no namespace or all in one (Userland's)
        channel = root.find(f"{namespace}channel")
        items, site = (
            (channel.findall(f"{namespace}item"), _text(channel, f"{namespace}title"))
            if channel is not None
            else ([], None)
        )
        read = functools.partial(_rss_item, namespace)
    elif root.tag in (f"{_ATOM}feed", f"{_ATOM03}feed"):
        items, site = root.findall(f"{namespace}entry"), _text(root, f"{namespace}title")
        read = functools.partial(_atom_entry, namespace)
    elif root.tag == _RDF:
        items, site, read = (
            root.findall(f"{_RSS1}item"),
            _text(root.find(f"{_RSS1}channel"), f"{_RSS1}title"),
            _rdf_item,
        )
    else:
        raise NotArticles(f"an XML file that is not a news feed (RSS or Atom): its root is <{_local(root.tag)}>")
    return [read(item, f"item {n}", site) for n, item in enumerate(items, 1)]


def _xml(data: bytes) -> bytes:
    """The feed's XML as UTF-8, decoded as a text file is (by its byte-order mark, as UTF-8,
    by the encoding its declaration names if that fits, else as detected), without the
    declaration and the white space before it. Raises UnreadableFile when it is no XML text."""
    if data.startswith(b"\x1f\x8b"):
        raise UnreadableFile("gzip-compressed: unpack it first (the feed is inside)")
    if _HTML_OPENING.match(data[:4096]):
        raise UnreadableFile("an HTML page, not a news feed (to import the page, save it as .html)")
    if data.startswith((b"<\x00", b"\x00<")):  # UTF-16 without a byte-order mark
        data = (codecs.BOM_UTF16_LE if data[0] == 0x3C else codecs.BOM_UTF16_BE) + data
    declared = _DECLARED_ENCODING.match(data[:1024])
    try:
        text, _encoding = decode_text(data, declared.group(1).decode("ascii") if declared else None)
    except UndecodableError as exc:
        raise UnreadableFile(str(exc)) from None
    text = _DECLARATION.sub(r"\1", text.lstrip("\ufeff \t\r\n"), count=1)
    return text.encode("utf-8")


def _rss_item(namespace: str, item, where: str, site: str | None) -> TableRow:
    body = _text(item, _CONTENT) or _text(item, f"{namespace}description") or _text(item, _MEDIA_DESCRIPTION)
    author = _text(item, f"{_DC}creator") or _rss_author(_text(item, f"{namespace}author"))
    title = _text(item, f"{namespace}title")
    source = _text(item, f"{namespace}source")  # an aggregator's item names its outlet (Google News)
    if source:
        site = source
        if title and title.endswith(f" - {source}"):
            title = title.removesuffix(f" - {source}")
    when = _text(item, f"{namespace}pubDate") or _text(item, f"{_DC}date")
    return _item(where, body, title, when, author, site)


def _atom_entry(namespace: str, entry, where: str, site: str | None) -> TableRow:
    """An Atom 1.0 or 0.3 entry (0.3's dates are `issued`, `modified` and `created`)."""
    body = (
        _text(entry, f"{namespace}content")
        or _text(entry, f"{namespace}summary")
        or _text(entry, _MEDIA_DESCRIPTION)  # a video's (YouTube's feeds)
    )
    author = _text(entry.find(f"{namespace}author"), f"{namespace}name")
    when = next(
        (
            value
            for name in ("published", "updated", "issued", "created", "modified")
            if (value := _text(entry, f"{namespace}{name}"))
        ),
        None,
    )
    return _item(where, body, _text(entry, f"{namespace}title"), when, author, site)


def _rdf_item(item, where: str, site: str | None) -> TableRow:
    body = _text(item, _CONTENT) or _text(item, f"{_RSS1}description")
    return _item(
        where, body, _text(item, f"{_RSS1}title"), _text(item, f"{_DC}date"), _text(item, f"{_DC}creator"), site
    )


def _item(
    where: str, body: str | None, title: str | None, when: str | None, author: str | None, site: str | None
) -> TableRow:
    """An item from what the feed states of it (any of which may be missing)."""
    origins = {}
    date = date_raw = None
    if when:
        date, date_raw = _date(when), when
        origins["date"] = "the feed item's date"
    for key, value in (("title", title), ("byline", author), ("site", site)):
        if value:
            origins[key] = f"the feed item's {key}" if key != "site" else "the feed's title, or the item's source"
    metadata = Metadata(
        title=_plain(title) if title else None,
        date=date,
        date_raw=date_raw,
        byline=author,
        site=(_plain(site) or None) if site else None,
        origins=origins,
    )
    return TableRow(where, fragment_text(body) if body else "", metadata)


def _date(value: str) -> str | None:
    """ISO date of an RSS (RFC 822) or Atom (ISO 8601) date."""
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        found = find_date(value)
        return found.iso if found is not None else None  # None too for an ambiguous 03/04/2024


def _rss_author(value: str | None) -> str | None:
    """RSS's author is an e-mail address, perhaps with the name in brackets after it."""
    if not value:
        return None
    named = re.search(r"\(([^()]+)\)\s*$", value)
    if named:
        return named.group(1).strip()
    return None if "@" in value else value


def _text(element, path: str) -> str | None:
    if element is None:
        return None
    found = element.find(path)
    if found is None:
        return None
    if found.get("type") == "xhtml" or found.get("mode") == "xml":  # Atom's markup inline, as elements
        import lxml.etree

        value = html.escape(found.text or "", quote=False) + "".join(
            lxml.etree.tostring(child, encoding="unicode") for child in found
        )
    else:
        value = found.xpath("string()")  # all its text; an entity left unresolved adds nothing
    value = (value or "").strip()
    return value or None


def _plain(title: str) -> str:
    """A title's text: its tags dropped, its character references resolved."""
    return " ".join(resolve_references(re.sub(r"<[^>]+>", " ", title)).split())


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]
