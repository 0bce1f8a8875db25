"""An HTML page → its readable text and the metadata it states.

trafilatura finds the story in the page (dropping scripts, styles, navigation, reader
comments and page furniture) and its title, author, site and date (the date through
htmldate). Nothing is fetched and nothing runs: the page is parsed by lxml, never loaded in
a browser engine. The text keeps the page's paragraphs, one blank line between them; markup
written as text on the page (`&lt;b&gt;`) stays text.

Where each metadata value came from is told by finding the value again among the page's
meta tags, its `<title>` and its structured data.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from workbench.core.text import url_host
from workbench.ingest.article import Metadata
from workbench.ingest.dates import find_date
from workbench.ingest.decode import decode_text

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
# Meta-tag attributes that name a property, as pages use them (Open Graph, Dublin Core, …).
_NAMING_ATTRIBUTES = ("property", "name", "itemprop")
# Meta tags that state the page's headline.
_HEADLINE_META = ("og:title", "twitter:title")
# What pages put between a headline and the site or section names they add to it in
# <title> and og:title: "… | CNN Politics", "… » Local » Noticias", "LinkNaija | …: …", "…-新华网".
_TITLE_SEPARATOR = re.compile(r"\s*[|:：/»·•~–—-]+\s*")
_SEPARATOR_AT_END = re.compile(_TITLE_SEPARATOR.pattern + "$")
# Where a paragraph ends in a piece of markup.
_BLOCKS = frozenset("p div li h1 h2 h3 h4 h5 h6 blockquote pre tr figcaption section article".split())
# A character reference, as plain text sometimes carries them ("&laquo;", "&#8220;").
_REFERENCE = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
# What pages write before an author's name, in the languages of the news.
_BYLINE_LABEL = re.compile(
    r"^(?:(?:view|see) all (?:posts|articles|stories) by|(?:written|posted|submitted|reported) by|more from"
    r"|by|von|par|por|di|da|door|av|af|przez|autor(?:in)?|author|auteur|verfasser(?:in)?)\b[\s:.,-]+",
    re.IGNORECASE,
)
_HEADLINE_WORDS = 4  # an <h1> of fewer words is a section's or a site's name
_GUESSED = "the page's text (trafilatura)"  # where a value no meta tag or structured data states came from
# The words of the classes and ids of what holds reader comments or other stories
# ("comment-author", "commentlist", "sf_comment", "respond", "related-posts"), not of a
# state ("comments-open").
_ELSEWHERE_WORDS = frozenset("comment comments commentlist respond replies related".split())
_STATE = re.compile(r"[-_](?:open|closed|enabled|disabled|on|off)$", re.IGNORECASE)


# A company named as the author (the publisher): its legal form says so.
_COMPANY = re.compile(
    r"\b(?:GmbH|AG|KG|Inc|Ltd|LLC|LLP|PLC|S\.?A|S\.?L|SARL|SAS|S\.?p\.?A|B\.?V|N\.?V|e\.\s?V|Pty|Corp)\.?$"
)
# Names publishing systems put where an author's would be, and labels left alone.
_NO_AUTHOR = frozenset(
    "admin administrator superuser webmaster user guest anonymous unknown editor submitted "
    "author autor autorin auteur by von".split()
)
# An XHTML page's self-closed root (`<html xml:lang="de" />`): lxml ends the document there.
_SELF_CLOSED_ROOT = re.compile(r"(<html\b[^>]*?)\s*/>", re.IGNORECASE)
# Typographic quotes compared as plain ones: a page's <h1> often has them where its title has not.
_PLAIN_QUOTES = str.maketrans("‘’‚‛“”„‟", "''''\"\"\"\"")


def is_saved_page_assets(folder: str, names_beside: Iterable[str]) -> bool:
    """A browser's "Save page, complete" folder beside its page ("Story.html" and
    "Story_files/"): pictures, scripts and the ads' own HTML frames, not articles."""
    stem = folder.removesuffix("_files")
    return stem != folder and any(
        n.rsplit(".", 1)[0] == stem and n.lower().endswith(HTML_SUFFIXES) for n in names_beside
    )


def read_html(data: bytes) -> tuple[str, Metadata]:
    """The readable text of a page and the metadata it states. Raises UndecodableError."""
    declared = _CHARSET.search(data[:4096])
    text, _encoding = decode_text(data, declared.group(1).decode("ascii", "replace") if declared else None)
    page = _Page(_parse(text))
    document = _extract(text, lenient=True)
    if document is None or not (document.text or "").strip():
        document = _extract(text, lenient=False)
    if document is None or not (document.text or "").strip():
        return "", Metadata()
    lines = (_single_cell(line.strip()) for line in document.text.split("\n"))
    text = "\n\n".join(line for line in lines if line)
    stated = page.article_body()
    if len(stated) >= max(2 * len(text), 500):  # the story is put on the page by a script
        text = stated
    return text, page.metadata(document, text.split("\n\n", 5)[:5])


def _single_cell(line: str) -> str:
    """A table row with text in one cell only ("| Father of Orlando gunman … |  |", as
    trafilatura writes a page laid out in a table) as that text; any other line as it is."""
    if not (len(line) > 1 and line[0] == line[-1] == "|"):
        return line
    filled = [cell.strip() for cell in line[1:-1].split("|") if cell.strip()]
    return filled[0] if len(filled) == 1 else "" if not filled else line


def _parse(text: str):
    import lxml.html  # NOTE: lazy, like every parser of a format not every import needs

    # NOTE: parsed from UTF-8 bytes with the encoding fixed, so neither an XML declaration
    # nor a stale <meta charset> can make lxml decode the page a second time.
    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True)
    text = _SELF_CLOSED_ROOT.sub(r"\1>", text, count=1)
    return lxml.html.document_fromstring(text.encode("utf-8", "surrogatepass") or b"<html/>", parser=parser)


def _extract(text: str, *, lenient: bool):
    """trafilatura's reading of the page. Unless `lenient`, a page whose story looks short
    is read again by its fallback extractors, which find more on odd pages but split
    paragraphs at inline markup (<b>, <a>): they are the second choice."""
    import trafilatura
    from trafilatura.settings import use_config

    config = use_config()
    if lenient:
        config["DEFAULT"]["MIN_EXTRACTED_SIZE"] = "1"
    return trafilatura.bare_extraction(
        _parse(text),  # a fresh tree: trafilatura prunes the one it is given
        include_comments=False,
        include_tables=True,
        with_metadata=True,
        # Dates from the page's markup and address only; a date merely mentioned in the
        # story is not its publication date.
        date_extraction_params={"extensive_search": False, "original_date": True},
        config=config,
    )


class _Page:
    """The page's own statements about itself, to tell where a value came from."""

    def __init__(self, tree):
        self.tree = tree
        self.meta: list[tuple[str, str]] = []  # (where, content)
        self.headlines: list[tuple[str, str]] = []  # (where, headline): og:title, <h1>…
        for element in tree.iter("meta"):
            content = (element.get("content") or "").strip()
            for attribute in _NAMING_ATTRIBUTES:
                if element.get(attribute) and content:
                    self.meta.append((where := f'<meta {attribute}="{element.get(attribute)}">', content))
                    if element.get(attribute) in _HEADLINE_META:
                        self.headlines.append((where, _clean(content)))
        self.headlines += [("<h1>", text) for h1 in tree.iter("h1") if (text := _clean(h1.text_content()))]
        self.title = " ".join((tree.findtext(".//title") or "").split())
        self.scripts = [script.text or "" for script in tree.iter("script") if "ld+json" in (script.get("type") or "")]
        self.structured = " ".join(self.scripts)
        self.times = [(f'<time datetime="{t.get("datetime")}">', t.get("datetime")) for t in tree.iter("time")]
        self.canonical = next(
            (link.get("href") for link in tree.iter("link") if "canonical" in (link.get("rel") or "").lower()), None
        )

    def metadata(self, document, first_lines: list[str]) -> Metadata:
        """What the page states about itself; `first_lines`, the text's, tell a stale or
        generic title from the headline the page prints."""
        origins = {}
        values = {"title": _clean(document.title), "byline": _clean(document.author), "site": _clean(document.sitename)}
        for key, value in values.items():
            if value:
                origins[key] = self._where(value, title_too=key == "title")
        if values["title"] and (found := self._headline(values["title"])):
            values["title"], origins["title"], _ = found
        site = values["site"] if values["site"] != values["title"] else None  # see below
        hosts = (document.hostname, url_host(self.canonical))
        names_site = _site_names(site, *hosts)
        if values["title"] and names_site(values["title"]):  # the site's name, not a headline
            rest = _without_site_name(self.title, names_site)
            values["title"] = rest if rest != self.title and not names_site(rest) else None
            origins["title"] = "<title>"
        elif values["title"]:
            values["title"] = _without_site_name(values["title"], names_site)
        if printed := self._printed_headline(values["title"], first_lines):
            values["title"], origins["title"] = printed, "<h1>"
        # NOTE: a blog is often named after its author, and addressed so (moritz-meyer.net)
        names_host = _site_names(*hosts, bare_host=False)
        guessed = origins.get("byline") == _GUESSED
        values["byline"] = self._authors(values["byline"], site, names_host, guessed=guessed)
        if not values["site"] and (found := self._headline(self.title)) and found[0] == values["title"]:
            if len(added := found[2]) == 1 and not _TITLE_SEPARATOR.search(added[0]):  # a name alone: the site's
                values["site"], origins["site"] = added[0], "<title>"
        if values["site"] and values["site"] == values["title"]:  # a page that names itself by its headline
            values["site"] = None
            del origins["site"]
        if values["site"] and values["site"] in hosts:
            origins["site"] = "the page's address" + (" (<link rel=canonical>)" if self.canonical else "")
        origins = {key: where for key, where in origins.items() if values[key]}
        date = date_raw = None
        if document.date:
            date, (origins["date"], date_raw) = document.date, self._date_source(document.date)
        return Metadata(date=date, date_raw=date_raw, origins=origins, **values)

    def article_body(self) -> str:
        """The story as the page's structured data states it (schema.org `articleBody`), in
        paragraphs; "" when it states none."""
        import json

        bodies = []

        def collect(value) -> None:
            if isinstance(value, dict):
                if isinstance(body := value.get("articleBody"), str):
                    bodies.append(body)
                for item in value.values():
                    collect(item)
            elif isinstance(value, list):
                for item in value:
                    collect(item)

        for script in self.scripts:
            try:
                collect(json.loads(script))
            except ValueError:
                continue  # not JSON after all: nothing stated
        body = max(bodies, key=len, default="")
        if "<" in body:
            return fragment_text(body)
        paragraphs = (" ".join(line.split()) for line in resolve_references(body).splitlines())
        return "\n\n".join(p for p in paragraphs if p)

    def _authors(self, byline: str | None, site: str | None, names_host, *, guessed: bool) -> str | None:
        """The byline's names ("A; B", as trafilatura joins them) without their labels ("By",
        "Von", "View all posts by"), and without what is no author's name: the site itself,
        the page's copyright holder, which pages also name as their author (WIRED's
        `<meta name="author" content="Condé Nast">`), a company, a publishing system's
        stand-in ("Super User", "admin") or a label alone; and, when the byline is `guessed`
        from the page's text, a name written only in comments or other stories' boxes."""
        if not byline:
            return byline
        owners = [content.casefold() for where, content in self.meta if where == '<meta name="copyright">']
        names = []
        for name in byline.split("; "):
            name = _BYLINE_LABEL.sub("", name).strip()
            if not (
                not name
                or (guessed and self._only_in_comments_or_related(name))
                or name.casefold() == (site or "").casefold()
                or names_host(name)
                or any(name.casefold() in owner for owner in owners)
                or _COMPANY.search(name)
                or _alphanumeric(name) in _NO_AUTHOR
            ):
                names.append(name)
        return "; ".join(names) or None

    def _printed_headline(self, title: str | None, first_lines: list[str]) -> str | None:
        """The story's first line when it is one of the page's `<h1>`s rewording the title,
        and the title is none of the first lines: the page prints this headline, and its
        title is another wording ("Aldi Beef Maker" over "Beef Maker von Aldi im Test"). A
        heading of a few words is a section's, not a headline."""
        first = _alphanumeric(first_lines[0]) if first_lines else ""
        if not first or (title and _alphanumeric(title) in map(_alphanumeric, first_lines)):
            return None
        if title and _alphanumeric(title) in first:
            return None  # the heading adds a kicker to the title ("Wow, wow, wow! Manuela Reimann: …")
        for where, headline in self.headlines:
            if where == "<h1>" and _alphanumeric(headline) == first and len(headline.split()) >= _HEADLINE_WORDS:
                return headline if _rewords(headline, title) else None
        return None

    def _only_in_comments_or_related(self, name: str) -> bool:
        """Whether `name` is written on the page only in reader comments or in the boxes of
        other stories: a name trafilatura took from there is a commenter's, or another
        story's author, not this story's."""

        def held_elsewhere(element) -> bool:
            for e in (element, *element.iterancestors()):
                if e.tag in ("article", "main", "body"):
                    return False  # NOTE: a blog's <body class="comments-open"> holds everything
                if any(_names_elsewhere(token) for token in f"{e.get('class') or ''} {e.get('id') or ''}".split()):
                    return not e.xpath(".//h1")  # a wrapper round the story and its headline is no comment box
            return False

        places = self.tree.xpath("//body//text()[contains(., $name)]", name=name)
        return bool(places) and all(held_elsewhere(place.getparent()) for place in places)

    def _headline(self, title: str) -> tuple[str, str, list[str]] | None:
        """The page's headline, where it is stated, and the texts its title adds before or
        after it (a section's, a site's name), when the title is one of the page's headlines
        with some shorter text around it, a separator between them."""
        plain = title.translate(_PLAIN_QUOTES)
        for where, headline in self.headlines:
            at = plain.find(headline.translate(_PLAIN_QUOTES))
            if at < 0 or headline == title:
                continue
            end = at + len(headline)
            before = _SEPARATOR_AT_END.search(title, 0, at) if at else None
            after = _TITLE_SEPARATOR.match(title, end) if end < len(title) else None
            if (at and not before) or (end < len(title) and not after):
                continue  # the headline is a part of a longer one, not set apart
            added = [
                text
                for text in (title[: before.start()] if before else "", title[after.end() :] if after else "")
                if text
            ]
            if added and sum(map(len, added)) < len(headline):
                return headline, where, added
        return None

    def _where(self, value: str, *, title_too: bool) -> str:
        folded = value.casefold()
        for where, content in self.meta:
            if _clean(content).casefold() == folded:
                return where
        if title_too and folded in self.title.casefold():
            return "<title>"
        if folded in " ".join(self.structured.split()).casefold():
            return "structured data (JSON-LD)"
        return _GUESSED

    def _date_source(self, iso: str) -> tuple[str, str]:
        """Where the page states this date, and how it writes it there (the date alone, not
        the address or the JSON it is written in)."""
        for where, content in [*self.meta, *self.times]:
            found = find_date(content or "")
            if found is not None and found.iso == iso:
                return where, found.raw
        return "the page's markup or address (htmldate)", iso


def _site_names(*names: str | None, bare_host: bool = True):
    """Whether a text names the site: its name or its address ("MODEPILOT.de",
    "www.medianotions.de"; with `bare_host`, "Internet-Law" for internet-law.de too),
    case and punctuation aside."""
    keys = set()
    for name in filter(None, names):
        keys.add(_alphanumeric(name))
        host = name.casefold().removeprefix("www.")
        if "." in host and " " not in host:  # an address
            keys.add(_alphanumeric(host))
            if bare_host:
                keys.add(_alphanumeric(host.rsplit(".", 1)[0]))
    keys.discard("")
    return lambda text: _alphanumeric(text) in keys


def _without_site_name(title: str, names_site) -> str:
    """`title` without the site's name set apart before or after it ("Augenlidstraffung -
    ACREDIS Deutschland GmbH", whatever their lengths)."""
    for separator in _TITLE_SEPARATOR.finditer(title):
        before, after = title[: separator.start()], title[separator.end() :]
        if before and after and names_site(after):
            return before
        if before and after and names_site(before):
            return after
    return title


def _rewords(headline: str, title: str | None) -> bool:
    """Whether `headline` says what `title` says, in other words: it holds at least half of
    the title's words ("Beef Maker von Aldi im Test" for "Aldi Beef Maker"). A live page's
    banner ("Live updates: the war in Ukraine") does not reword its story's title."""
    words = set(re.findall(r"\w+", (title or "").casefold()))
    return not words or 2 * len(words & set(re.findall(r"\w+", headline.casefold()))) >= len(words)


def _names_elsewhere(token: str) -> bool:
    """Whether a class or id names a box of comments or of other stories (see _ELSEWHERE_WORDS)."""
    return not _STATE.search(token) and not _ELSEWHERE_WORDS.isdisjoint(re.split(r"[-_]", token.casefold()))


def _alphanumeric(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def resolve_references(text: str) -> str:
    """`text` with its character references ("&laquo;", "&#8220;") as the characters.
    NOTE: only references closed by ";": html.unescape alone reads "fish&notes" as "fish¬es"."""
    return _REFERENCE.sub(lambda m: html.unescape(m.group()), text)


def fragment_text(markup: str) -> str:
    """A piece of a page's markup (a feed item's content, a table's cell) as text: its
    paragraphs, each on one line, a blank line between them; plain text is parted by its
    blank lines, its character references resolved ("&laquo;", "&#8220;")."""
    if "<" not in markup:
        markup = resolve_references(markup)
    else:
        import lxml.etree
        import lxml.html

        try:
            tree = lxml.html.fragment_fromstring(markup, create_parent="div")
        except (lxml.etree.ParserError, ValueError):
            tree = None
        if tree is not None:
            for element in list(tree.iter("script", "style")):
                element.drop_tree()
            for element in tree.iter():
                if element.tag == "br" or element.tag in _BLOCKS:
                    element.tail = "\n\n" + (element.tail or "")
            markup = tree.text_content()
    paragraphs = (" ".join(part.split()) for part in re.split(r"\n\s*\n", markup))
    return "\n\n".join(p for p in paragraphs if p)


def _clean(value: str | None) -> str | None:
    return " ".join(value.split()) if value and value.strip() else None
