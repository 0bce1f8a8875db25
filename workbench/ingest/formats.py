"""A file's bytes → the articles in it, by the kind of file its name says it is."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from workbench.core.model import Article
from workbench.ingest.archives import ARCHIVE_SUFFIXES
from workbench.ingest.article import Metadata, build_article, split_documents
from workbench.ingest.decode import decode_text
from workbench.ingest.errors import EmptyFile, UnreadableFile
from workbench.ingest.feeds import FEED_SUFFIXES, is_feed, read_feed
from workbench.ingest.html import HTML_SUFFIXES, read_html
from workbench.ingest.mime import MIME_SUFFIXES, read_mime
from workbench.ingest.pdf import PDF_SUFFIXES, left_out, read_pdf
from workbench.ingest.tables import BY_NAME, TABLE_SUFFIXES, ColumnChoice, Table, TableRow
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
        return list(TableEntries(name, data, choice))
    raise UnreadableFile(unsupported(name, explain=True))


class TableEntries:
    """The entries of a table, one article per row, each built as it is iterated: only one
    is held at a time. Made, it has read every row (a path is read, not held: see Table),
    and raises as read_entries does on a table it cannot read; iterated, it reads them
    again, and raises UnreadableFile should the file have changed since."""

    def __init__(self, name: str, source: bytes | Path, choice: ColumnChoice = BY_NAME):
        self._name, self._table = name, Table(name, source)
        self._mapping = self._table.mapping(choice)
        if not len(self._table):
            raise EmptyFile("empty (no rows)")

    def __len__(self) -> int:
        return len(self._table)

    def __iter__(self) -> Iterator[Entry]:
        return (_entry(self._name, row) for row in self._table.rows(self._mapping))


def _rows(name: str, rows: list[TableRow], empty: str) -> list[Entry]:
    """One article per item of a feed; an item without text is an empty entry. Raises
    EmptyFile (`empty` says why) when there is no item at all."""
    if not rows:
        raise EmptyFile(empty)
    return [_entry(name, row) for row in rows]


def _entry(name: str, row: TableRow) -> Entry:
    """A row's article; None when it has no text."""
    return Entry(row.where, build_article(f"{name}, {row.where}", row.text, row.metadata) if row.text.strip() else None)


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
