"""A file's bytes → the articles in it, by the kind of file its name says it is."""

from __future__ import annotations

from dataclasses import dataclass

from workbench.core.model import Article
from workbench.ingest.archives import ARCHIVE_SUFFIXES
from workbench.ingest.article import Metadata, build_article, split_documents
from workbench.ingest.decode import decode_text
from workbench.ingest.errors import EmptyFile, UnreadableFile
from workbench.ingest.feeds import FEED_SUFFIXES, is_feed, read_feed
from workbench.ingest.html import HTML_SUFFIXES, read_html
from workbench.ingest.mime import MIME_SUFFIXES, read_mime
from workbench.ingest.pdf import PDF_SUFFIXES, left_out, read_pdf
from workbench.ingest.tables import BY_NAME, TABLE_SUFFIXES, ColumnChoice, TableRow, read_table
from workbench.ingest.word import WORD_SUFFIXES, read_word

TEXT_SUFFIXES = (".txt", ".text", ".md")
ARTICLE_SUFFIXES = (
    TEXT_SUFFIXES + HTML_SUFFIXES + MIME_SUFFIXES + FEED_SUFFIXES + WORD_SUFFIXES + PDF_SUFFIXES + TABLE_SUFFIXES
)
SUPPORTED_SUFFIXES = ARTICLE_SUFFIXES + ARCHIVE_SUFFIXES


@dataclass(frozen=True)
class Entry:
    """One article-to-be of a file: a whole text or HTML file, or a row of a table."""

    where: str  # "" for a whole file, "row 12" for a table's row
    article: Article | None  # None: nothing in it to import (an empty row)
    unreadable: str = ""  # why it could not be read, when so (a PDF's damaged pages)


def is_archive(name: str) -> bool:
    return name.lower().endswith(ARCHIVE_SUFFIXES)


def is_supported(name: str) -> bool:
    return name.lower().endswith(SUPPORTED_SUFFIXES)


def unsupported(name: str, *, explain: bool = False) -> str:
    base = name.rsplit("/", 1)[-1]
    suffix = "." + base.rsplit(".", 1)[-1].lower() if "." in base else ""
    text = f"unsupported file type “{suffix or base}”"
    if suffix in _SAVE_AS:
        return f"{text}: {_SAVE_AS[suffix]}"
    return text + (f" (articles are read from {', '.join(SUPPORTED_SUFFIXES)})" if explain else "")


# What to do with a document in a format that is not read, where a readable one is a click away.
_SAVE_AS = {
    ".doc": "save it as .docx (Word: File › Save As) to import it",
    ".rtf": "save it as .docx or .txt to import it",
    ".pages": "export it as .docx (Pages: File › Export To › Word) to import it",
    ".xls": "save it as .xlsx or .csv to import it",
    ".ods": "save it as .xlsx or .csv to import it",
    ".webarchive": "save the page as .html or .mhtml (web archive files are Safari's own) to import it",
}


def read_entries(name: str, data: bytes, choice: ColumnChoice = BY_NAME) -> list[Entry]:
    """The articles in a file called `name` (its kind told by the suffix). Raises EmptyFile
    when there is no text, UnreadableFile with the reason when it cannot be read."""
    lowered = name.lower()
    if lowered.endswith(FEED_SUFFIXES) or (lowered.endswith(HTML_SUFFIXES + TEXT_SUFFIXES) and is_feed(data)):
        return _rows(name, read_feed(data), "empty (no items in the feed)")
    if lowered.endswith(TEXT_SUFFIXES) and not _is_html_page(data):
        text, _encoding = decode_text(data)
        if not text.strip():
            raise EmptyFile("empty (no text)")
        return [Entry("", build_article(name, text))]
    if lowered.endswith(HTML_SUFFIXES + TEXT_SUFFIXES):  # a page a scraper saved as .txt
        text, metadata = read_html(data)
        if not text.strip():
            raise EmptyFile("empty (no readable text in the page)")
        return [Entry("", build_article(name, text, metadata))]
    if lowered.endswith(MIME_SUFFIXES):
        text, metadata = read_mime(name, data)
        if not text.strip():
            raise EmptyFile("empty (no text in the message)")
        return [Entry("", build_article(name, text, metadata))]
    if lowered.endswith(WORD_SUFFIXES):
        text = read_word(name, data)
        if not text.strip():
            raise EmptyFile("empty (no text in the document)")
        return _documents(name, text, Metadata())
    if lowered.endswith(PDF_SUFFIXES):
        text, metadata, failed = read_pdf(data)
        if not text.strip():
            raise EmptyFile("empty (no text in the PDF: a scanned page is a picture, and needs OCR first)")
        entries = _documents(name, text, metadata)
        if failed:
            where, why = left_out(failed)
            entries.append(Entry(where, None, why))
        return entries
    if lowered.endswith(TABLE_SUFFIXES):
        return _rows(name, read_table(name, data, choice), "empty (no rows)")
    raise UnreadableFile(unsupported(name, explain=True))


def _rows(name: str, rows: list[TableRow], empty: str) -> list[Entry]:
    """One article per row of a table or item of a feed; a row without text is an empty
    entry. Raises EmptyFile (`empty` says why) when there is no row at all."""
    if not rows:
        raise EmptyFile(empty)
    return [
        Entry(row.where, build_article(f"{name}, {row.where}", row.text, row.metadata) if row.text.strip() else None)
        for row in rows
    ]


def _documents(name: str, text: str, metadata: Metadata) -> list[Entry]:
    """One article, or one per document of a news database's export of several (the file's
    own title then belongs to none of them)."""
    documents = split_documents(text)
    if len(documents) == 1:
        return [Entry("", build_article(name, documents[0], metadata))]
    return [Entry(f"document {n}", build_article(f"{name}, document {n}", doc)) for n, doc in enumerate(documents, 1)]


def _is_html_page(data: bytes) -> bool:
    """Whether a text file holds a whole HTML page (a scraper's raw download saved as .txt):
    it opens, past a byte-order mark and white space, with a doctype or an <html> tag."""
    opening = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return opening.startswith((b"<!doctype html", b"<html"))
