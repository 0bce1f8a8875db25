"""A news feed (RSS 2.0, RSS 1.0/RDF, Atom) → one article per item.

An item's text is what the feed carries of it: its full content where the feed gives it
(`content:encoded`, Atom's `content`), else its description or summary, often a few
sentences. Markup in it is read as a page's paragraphs. The item's title, date and author
are the article's, and its site is the outlet an aggregator names for the item (Google
News's `<source>`, also cut from the end of the title) or else the feed's own title. The XML is parsed by lxml, which
resolves no entities and fetches nothing.
"""

from __future__ import annotations

import re
from email.utils import parsedate_to_datetime

from workbench.ingest.article import Metadata
from workbench.ingest.dates import find_date
from workbench.ingest.errors import NotArticles, UnreadableFile
from workbench.ingest.html import fragment_text
from workbench.ingest.tables import TableRow

FEED_SUFFIXES = (".rss", ".atom", ".xml")
_ATOM = "{http://www.w3.org/2005/Atom}"
_CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
_DC = "{http://purl.org/dc/elements/1.1/}"
_RSS1 = "{http://purl.org/rss/1.0/}"
_RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}RDF"
# A feed saved under another name: its opening, past an XML declaration and comments.
_FEED_OPENING = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)\b", re.DOTALL
)


def is_feed(data: bytes) -> bool:
    """Whether a file holds a news feed, whatever its name says."""
    return bool(_FEED_OPENING.match(data[:2048]))


def read_feed(data: bytes) -> list[TableRow]:
    """The feed's items, in its order. Raises UnreadableFile for XML that is not a feed."""
    import lxml.etree  # NOTE: lazy, like every parser of a format not every import needs

    parser = lxml.etree.XMLParser(resolve_entities=False, no_network=True, recover=False)
    try:
        root = lxml.etree.fromstring(data, parser)
    except lxml.etree.XMLSyntaxError as exc:
        raise UnreadableFile(f"not well-formed XML ({exc})") from None
    if root.tag == "rss":
        channel = root.find("channel")
        items, site = (channel.findall("item"), _text(channel, "title")) if channel is not None else ([], None)
        read = _rss_item
    elif root.tag == f"{_ATOM}feed":
        items, site, read = root.findall(f"{_ATOM}entry"), _text(root, f"{_ATOM}title"), _atom_entry
    elif root.tag == _RDF:
        items, site, read = (
            root.findall(f"{_RSS1}item"),
            _text(root.find(f"{_RSS1}channel"), f"{_RSS1}title"),
            _rdf_item,
        )
    else:
        raise NotArticles(f"an XML file that is not a news feed (RSS or Atom): its root is <{_local(root.tag)}>")
    return [read(item, f"item {n}", site) for n, item in enumerate(items, 1)]


def _rss_item(item, where: str, site: str | None) -> TableRow:
    body = _text(item, _CONTENT) or _text(item, "description")
    author = _text(item, f"{_DC}creator") or _rss_author(_text(item, "author"))
    title = _text(item, "title")
    source = _text(item, "source")  # an aggregator's item names its outlet (Google News)
    if source:
        site = source
        if title and title.endswith(f" - {source}"):
            title = title.removesuffix(f" - {source}")
    return _item(where, body, title, _text(item, "pubDate") or _text(item, f"{_DC}date"), author, site)


def _atom_entry(entry, where: str, site: str | None) -> TableRow:
    body = _text(entry, f"{_ATOM}content") or _text(entry, f"{_ATOM}summary")
    author = _text(entry.find(f"{_ATOM}author"), f"{_ATOM}name")
    when = _text(entry, f"{_ATOM}published") or _text(entry, f"{_ATOM}updated")
    return _item(where, body, _text(entry, f"{_ATOM}title"), when, author, site)


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
        site=site,
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
    if found.get("type") == "xhtml":  # Atom's markup inline, as elements
        import lxml.etree

        value = "".join(lxml.etree.tostring(child, encoding="unicode") for child in found)
    else:
        value = found.xpath("string()")  # all its text; an entity left unresolved adds nothing
    value = (value or "").strip()
    return value or None


def _plain(title: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", title).split())


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]
