"""Tables of articles — CSV, TSV, JSON Lines, JSON arrays — one article per row.

The text column is found by its name (text, body, content, article, …) or named by the
user, and so are the title, date, byline and site columns. A table is read through before
anything of it is used: a malformed row refuses the file, naming the row and column.

CSV, TSV and JSON Lines are read a row at a time, from the file, and read again for each
use of their rows: no more than a row of them is held, however large the file. JSON arrays
and workbooks are parsed whole, and their rows held.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import re
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from workbench.core.text import load_json, normalise_newlines, url_host
from workbench.ingest.article import Metadata
from workbench.ingest.dates import find_date
from workbench.ingest.decode import decode_text, open_text
from workbench.ingest.errors import EmptyFile, UnreadableFile
from workbench.ingest.html import fragment_text

TABLE_SUFFIXES = (".csv", ".tsv", ".jsonl", ".ndjson", ".json", ".xlsx")
ROW_BY_ROW_SUFFIXES = (".csv", ".tsv", ".jsonl", ".ndjson")  # tables read a row at a time

# Column names as news datasets spell them, most telling first; compared case-insensitively
# with spaces and hyphens read as underscores.
# After the English names, the commonest in German, French, Spanish, Italian and Portuguese.
COLUMN_NAMES = {
    "text": ("text", "body", "content", "article", "full_text", "fulltext", "article_text", "body_text",
             "maintext", "main_text", "story", "article_body", "articlebody", "content_text", "content_html",
             "body_html", "article_html", "html",
             "texte", "texto", "testo", "inhalt", "contenu", "contenido", "contenuto", "conteudo", "artikel"),
    "title": ("title", "headline", "heading", "article_title", "head", "name",
              "titel", "titre", "titulo", "título", "titolo", "überschrift", "schlagzeile"),
    "date": ("date", "published", "published_at", "publish_date", "publication_date", "date_published",
             "datepublished", "pubdate", "pub_date", "published_date", "date_publish", "datetime", "time",
             "created_at",
             "datum", "fecha", "date_de_publication", "fecha_de_publicacion", "veröffentlicht"),
    "byline": ("byline", "author", "authors", "by", "writer", "creator",
               "autor", "autoren", "auteur", "auteurs", "autore", "autores", "verfasser"),
    "site": ("site", "source", "site_name", "sitename", "publication", "publisher", "outlet", "source_name",
             "media", "newspaper", "domain",
             "quelle", "fuente", "fonte", "medium", "zeitung", "journal", "periódico", "periodico"),
    "url": ("url", "link", "source_url", "article_url", "permalink", "uri", "lien", "enlace"),
}  # fmt: skip


_CAMEL_HUMP = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
# A text cell holding a page's markup: it has paragraphs or line breaks as tags.
_MARKUP = re.compile(r"</p\s*>|<br\s*/?>|</div\s*>", re.IGNORECASE)


@dataclass(frozen=True)
class ColumnChoice:
    """Columns named by the user; None: found by name; "": none."""

    text: str | None = None
    title: str | None = None
    date: str | None = None

    def problem(self) -> str | None:
        """Why these columns cannot be read as chosen: one column named for two roles."""
        if self.text and self.text in (self.title, self.date):
            other = "title" if self.text == self.title else "date"
            return f"The column “{self.text}” cannot be both the text and the {other}: choose another for the {other}."
        return None


BY_NAME = ColumnChoice()  # every column found by its name


class NoTextColumn(UnreadableFile):
    """A table none of whose columns is known to hold the text; `columns` lists them."""

    def __init__(self, columns: list[str]):
        shown = ", ".join(f"“{c}”" for c in columns[:12]) + (" …" if len(columns) > 12 else "")
        super().__init__(
            f"no text column: none of the columns ({shown}) is called "
            f"{', '.join(COLUMN_NAMES['text'][:4])} or the like — name the one that holds the text"
        )
        self.columns = columns


@dataclass(frozen=True)
class Row:
    where: str  # "row 12" (CSV), "line 12" (JSON Lines), "item 12" (JSON)
    values: dict[str, object]


@dataclass(frozen=True)
class TableRow:
    """One row as an article-to-be (a table's, or a feed's item): its text (possibly empty)
    and stated metadata."""

    where: str
    text: str
    metadata: Metadata


def read_table(name: str, data: bytes, choice: ColumnChoice = BY_NAME) -> list[TableRow]:
    """Every row of the table in `data` (its format told by the file name `name`).
    Raises UnreadableFile (NoTextColumn when the text column is not found)."""
    table = Table(name, data)
    return list(table.rows(table.mapping(choice)))


def read_rows(name: str, data: bytes) -> tuple[list[str], list[Row]]:
    """The column names and the rows of a table."""
    table = Table(name, data)
    return table.columns, list(table.records())


class Table:
    """A table file (a path, or its bytes), its format told by its name. Made, it has read
    every row, so that a malformed one refuses the file before any is used (UnreadableFile
    names it), and knows its columns and how many rows it has; its rows are read again
    for each use of them (`records`, `rows`).

    The text of a CSV, TSV or JSON Lines file is decoded as it is read when its start tells
    the encoding (a byte-order mark, else UTF-8) and all of it is in that encoding; else, as
    for any other table, decode_text decodes the whole, and the text is held."""

    def __init__(self, name: str, source: bytes | Path):
        self.name, self._source = name, source
        self._suffix = name.lower().rsplit(".", 1)[-1]
        self._text: str | None = None  # the whole text, when it is not decoded as it is read
        self._held: list[Row] | None = None  # the rows of a table parsed whole
        self._header: list[str] | None = None  # a CSV's or a workbook's columns
        self._stamp = _stamp(source)
        if not name.lower().endswith(ROW_BY_ROW_SUFFIXES):
            self._held = self._parsed_whole()
            self._scan()
            return
        try:
            self._scan()
        except (UnicodeDecodeError, _NotToldByStart):
            self._decode_whole()
        except UnreadableFile:
            # A row read as UTF-8 is malformed: so it is, unless the file is in another encoding.
            if self._decodes_as_read():
                raise
            self._decode_whole()

    def __len__(self) -> int:
        return self.count

    def mapping(self, choice: ColumnChoice = BY_NAME) -> dict[str, str]:
        """Which column holds what (see map_columns). Raises UnreadableFile also when a row
        holds a list or an object where text is wanted."""
        mapping = map_columns(self.columns, choice)
        # The first row with such a cell, and of its cells the first in the mapping's order.
        found = [
            (*self._not_text[(column, role == "text")], order, column)
            for order, (role, column) in enumerate(mapping.items())
            if (column, role == "text") in self._not_text
        ]
        if found:
            _number, where, kind, _order, column = min(found)
            raise UnreadableFile(f"{where}, column “{column}”: expected text, found {kind}")
        return mapping

    def rows(self, mapping: dict[str, str]) -> Iterator[TableRow]:
        """The rows as articles-to-be, their columns as `mapping` says (see `mapping`)."""
        return (_table_row(row, mapping) for row in self.records())

    def records(self) -> Iterator[Row]:
        """The rows, read again. Raises UnreadableFile when the file has changed since."""
        if self._held is not None:
            yield from self._held
            return
        changed = UnreadableFile("changed while it was imported: import it again")
        if _stamp(self._source) != self._stamp:
            raise changed
        number = 0
        try:
            for number, row in enumerate(self._read(), start=1):  # noqa: B007 — counted
                yield row
        except UnicodeDecodeError:
            raise changed from None
        if number != self.count:
            raise changed

    def _scan(self) -> None:
        """Read every row: their number, their columns (JSON: the keys of every row, in the
        order first met), and where a cell first holds what is not text (only JSON's can)."""
        keys: dict[str, None] = {}
        not_text: dict[tuple[str, bool], tuple[int, str, str]] = {}  # (column, as the text) → row, where, kind
        json = self._suffix in ("json", "jsonl", "ndjson")
        count = 0
        for count, row in enumerate(self._held if self._held is not None else self._read(), start=1):  # noqa: B007
            if json:
                for column, value in row.values.items():
                    keys.setdefault(column)
                    for joined in (True, False):
                        if (column, joined) not in not_text and (kind := _not_text(value, joined=joined)):
                            not_text[(column, joined)] = (count, row.where, kind)
        self.count, self._not_text = count, not_text
        self.columns = list(keys) if json else self._header or []

    def _decode_whole(self) -> None:
        """Decode the whole text as decode_text does, hold it, and read the rows from it."""
        self._text, _encoding = decode_text(self._bytes())
        self._scan()

    def _decodes_as_read(self) -> bool:
        """Whether all the text decodes as it is decoded when read a line at a time."""
        try:
            for _line in self._lines(""):
                pass
        except (UnicodeDecodeError, _NotToldByStart):
            return False
        return True

    def _read(self) -> Iterator[Row]:
        """The rows of a CSV, TSV or JSON Lines file (a CSV's header: `_header`)."""
        if self._suffix in ("jsonl", "ndjson"):
            yield from _json_lines(self._lines("\n"))
            return
        lines = self._lines("")
        try:
            delimiter = "\t" if self._suffix == "tsv" else _delimiter(self._first_line())
            self._header, rows = _csv_rows(lines, delimiter)
            yield from rows
        finally:
            lines.close()

    def _lines(self, newline: str) -> Iterator[str]:
        """The lines of the text, each with its line break; `newline` as for open() ("":
        any of CR, LF, CRLF ends a line; "\n": LF alone)."""
        if self._text is not None:
            yield from (match.group() for match in _LINES[newline].finditer(self._text))
            return
        with self._binary() as binary:
            text = open_text(binary, newline)
            if text is None:
                raise _NotToldByStart
            try:
                for line in text:  # noqa: UP028 — `yield from` would close the file on a close()
                    yield line
            finally:
                text.detach()  # NOTE: the binary file is closed by its `with`

    def _first_line(self) -> str:
        """The text up to its first LF."""
        if self._text is not None:
            return self._text.split("\n", 1)[0]
        lines = self._lines("\n")
        try:
            return next(lines, "").removesuffix("\n")
        finally:
            lines.close()

    def _binary(self):
        return io.BytesIO(self._source) if isinstance(self._source, bytes) else self._source.open("rb")

    def _bytes(self) -> bytes:
        return self._source if isinstance(self._source, bytes) else self._source.read_bytes()

    def _parsed_whole(self) -> list[Row]:
        """The rows of a workbook or a JSON array (its header: `_header`)."""
        data = self._bytes()
        if self._suffix == "xlsx":
            self._header, rows = _xlsx_rows(data)
            return rows
        text, _encoding = decode_text(data)
        del data  # NOTE: not held while the text is parsed
        return _json_array(text)


class _NotToldByStart(Exception):
    """A text whose encoding its start does not tell: decoded whole."""


# A line with its line break: any of CR, LF and CRLF ending it, or LF alone.
_LINES = {"": re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+"), "\n": re.compile(r"[^\n]*\n|[^\n]+")}


def _stamp(source: bytes | Path) -> tuple | None:
    """What tells that a file has changed since it was read: its size and time of change
    (None when it is gone)."""
    if isinstance(source, bytes):
        return ()
    try:
        info = os.stat(source)
    except OSError:  # gone
        return None
    return info.st_size, info.st_mtime_ns


def map_columns(columns: list[str], choice: ColumnChoice = BY_NAME) -> dict[str, str]:
    """Which column holds what: {"text": "body", "title": "headline", …}. Columns the user
    named must exist; the others are found by name when present. Raises NoTextColumn, or
    EmptyFile when there are no columns at all."""
    if not columns:
        raise EmptyFile("empty (no header and no rows)")
    mapping = guess_columns(columns)
    for role in ("text", "title", "date"):
        named = getattr(choice, role)
        if named == "":
            mapping.pop(role, None)
        elif named:
            found = next((c for c in columns if c == named), None) or _by_key(columns).get(_key(named))
            if found is None:
                raise UnreadableFile(f"no column “{named}” (the columns are: {', '.join(columns)})")
            mapping = {r: c for r, c in mapping.items() if c != found} | {role: found}
    if "text" not in mapping:
        raise NoTextColumn(columns)
    return mapping


def guess_columns(columns: list[str]) -> dict[str, str]:
    """The columns whose names say what they hold, by role ("text", "title", "date", …):
    a known name, else for a role still unfilled a name ending in one ("webTitle",
    "firstPublicationDate")."""
    by_key = _by_key(columns)
    mapping: dict[str, str] = {}
    for role, names in COLUMN_NAMES.items():
        found = next((by_key[n] for n in names if n in by_key), None)
        if found is not None and found not in mapping.values():
            mapping[role] = found
    for role, names in COLUMN_NAMES.items():
        if role not in mapping:
            endings = tuple(f"_{name}" for name in names)
            found = next((c for key, c in by_key.items() if key.endswith(endings) and c not in mapping.values()), None)
            if found is not None:
                mapping[role] = found
    return mapping


def _by_key(columns: list[str]) -> dict[str, str]:
    """Columns by their key; a nested column ("fields.bodyText") also by its last part's,
    when no column has that key itself. The first of equal keys wins."""
    by_last = {_key(c.rsplit(".", 1)[-1]): c for c in reversed(columns) if "." in c}
    return by_last | {_key(c): c for c in reversed(columns)}


def _key(column: str) -> str:
    """A column name compared: case, spaces, hyphens, dots and camelCase ("publishedAt")
    read as one style ("published_at")."""
    words = _CAMEL_HUMP.sub(" ", column.strip()).replace("-", " ").replace(".", " ")
    return "_".join(words.casefold().split())


def _table_row(row: Row, mapping: dict[str, str]) -> TableRow:
    values = {role: _cell(row, column, joined=role == "text") for role, column in mapping.items()}
    origins = {}
    for role in ("title", "date", "byline", "site"):
        if values.get(role):
            origins[role] = f"column “{mapping[role]}”, {row.where}"
    date = find_date(values["date"]) if values.get("date") else None
    site = values.get("site")
    if not site and values.get("url"):
        site = url_host(values["url"])
        if site:
            origins["site"] = f"address in column “{mapping['url']}”, {row.where}"
    metadata = Metadata(
        title=_one_line(values.get("title")),
        date=date.iso if date else None,
        date_raw=values.get("date") or None,
        byline=_one_line(values.get("byline")),
        site=_one_line(site),
        origins=origins,
    )
    text = values["text"]
    if "html" in _key(mapping["text"]) or _MARKUP.search(text):  # a JSON Feed's content_html, a scraped body
        text = fragment_text(text)
    return TableRow(row.where, normalise_newlines(text), metadata)


def _cell(row: Row, column: str, *, joined: bool) -> str:
    """A cell as text. A missing value, null or NaN is empty; a list of strings is joined by
    blank lines where the text is wanted (paragraphs), else by commas (names); people as
    objects with a name give their names."""
    value = row.values.get(column)
    kind = _not_text(value, joined=joined)
    if kind:
        raise UnreadableFile(f"{row.where}, column “{column}”: expected text, found {kind}")
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool | int | float):
        return str(value)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return ("\n\n" if joined else ", ").join(value)  # paragraphs, or names ("authors": [...])
    named = value if isinstance(value, list) else [value]
    return ", ".join(v["name"] for v in named)  # JSON Feed's "authors": [{"name": …}]


def _not_text(value, *, joined: bool) -> str | None:
    """What a cell holds that cannot be read as text ("a list", "an object"); None when it can
    (see _cell)."""
    if value is None or isinstance(value, str | bool | int | float):
        return None
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return None
    named = value if isinstance(value, list) else [value]
    if not joined and all(isinstance(v, dict) and isinstance(v.get("name"), str) for v in named):
        return None
    return "a list" if isinstance(value, list) else "an object"


def _one_line(value: str | None) -> str | None:
    return " ".join(value.split()) or None if value else None


def _csv_rows(lines: Iterable[str], delimiter: str) -> tuple[list[str], Iterator[Row]]:
    """The header of a CSV's lines, and its rows, read as they are iterated."""
    # NOTE: a whole article is one cell: far above the csv module's default field limit.
    csv.field_size_limit(1 << 30)
    reader = csv.reader(lines, delimiter=delimiter, strict=True)
    try:
        header = next((record for record in reader if any(cell.strip() for cell in record)), None)
    except csv.Error as exc:
        raise UnreadableFile(f"row 1 (line {reader.line_num}): malformed CSV ({exc})") from None
    if header is None:  # no line but blank ones
        return [], iter(())
    header = _unique(header)
    return header, _csv_records(reader, header)


def _csv_records(reader, header: list[str]) -> Iterator[Row]:
    number = 0
    try:
        for record in reader:
            if not record:
                continue  # a blank line between rows
            number += 1
            if len(record) != len(header):
                raise UnreadableFile(
                    f"row {number} (line {reader.line_num}) has {len(record)} columns; the header has {len(header)}"
                )
            yield Row(f"row {number}", dict(zip(header, record, strict=True)))
    except csv.Error as exc:
        raise UnreadableFile(f"row {number + 1} (line {reader.line_num}): malformed CSV ({exc})") from None


def _xlsx_rows(data: bytes) -> tuple[list[str], list[Row]]:
    """The rows of an Excel workbook's sheet: the first whose header names a text column,
    else the first. Cells hold what Excel shows (a formula's last value, never the formula);
    dates are written ISO 8601."""
    from openpyxl import load_workbook  # NOTE: lazy, like every reader of a format not every import needs

    with warnings.catch_warnings():  # NOTE: openpyxl warns on stderr of the parts it does not read
        warnings.simplefilter("ignore")
        try:
            book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception as exc:  # noqa: BLE001 — zipfile, XML and openpyxl's own errors alike
            raise UnreadableFile(f"not a readable Excel workbook ({type(exc).__name__}: {exc})") from None
        try:
            sheets = [_sheet_rows(sheet) for sheet in book.worksheets]
        finally:
            book.close()
    sheets = [sheet for sheet in sheets if sheet[0]] or [([], [])]
    return next((sheet for sheet in sheets if "text" in guess_columns(sheet[0])), sheets[0])


def _sheet_rows(sheet) -> tuple[list[str], list[Row]]:
    # NOTE: the rows and cells the file holds, not every cell of the range its header
    # claims: one value in XFD1048576 would otherwise mean 17 billion empty cells to read.
    sheet.reset_dimensions()
    rows = iter(sheet.iter_rows(values_only=True))
    header = next((row for row in rows if any(cell is not None for cell in row)), None)
    if header is None:
        return [], []
    columns = _unique([str(cell).strip() if cell is not None else f"column {i}" for i, cell in enumerate(header, 1)])
    records = []
    for row in rows:
        if any(cell is not None and str(cell).strip() for cell in row):
            values = dict(zip(columns, map(_xlsx_value, row), strict=False))
            records.append(Row(f"{sheet.title}, row {len(records) + 1}", values))
    return columns, records


def _xlsx_value(cell):
    if isinstance(cell, datetime):
        return cell.date().isoformat() if cell.time() == time() else cell.isoformat()
    if isinstance(cell, date | time):
        return cell.isoformat()
    if isinstance(cell, float) and cell.is_integer():
        return int(cell)
    return cell


def _unique(header: list[str]) -> list[str]:
    """Column names made distinct ("text", "text (2)"), so no cell hides another."""
    seen: dict[str, int] = {}
    names = []
    for name in header:
        seen[name] = seen.get(name, 0) + 1
        names.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return names


def _delimiter(header: str) -> str:
    """The CSV's delimiter: the one of , ; tab | that the header line uses most."""
    counts = {d: header.count(d) for d in (",", ";", "\t", "|")}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def _json_lines(lines: Iterable[str]) -> Iterator[Row]:
    """The rows of JSON Lines, from its lines split at LF alone."""
    for number, line in enumerate(lines, start=1):
        line = line.removesuffix("\n")
        if not line.strip():
            continue
        value = _json(line, f"line {number}")
        if not isinstance(value, dict):
            raise UnreadableFile(f"line {number}: expected an object {{…}}, found {_kind(value)}")
        yield Row(f"line {number}", _flat(value))


def _json_array(text: str) -> list[Row]:
    value = _json(text, "")
    if isinstance(value, dict):
        value, within = _records_in(value)
    else:
        within = ""
    if not isinstance(value, list):
        raise UnreadableFile(f"expected an array of objects [{{…}}, …], found {_kind(value)}")
    rows = []
    for number, item in enumerate(value, start=1):
        if not isinstance(item, dict):
            raise UnreadableFile(f"{within}item {number}: expected an object {{…}}, found {_kind(item)}")
        rows.append(Row(f"{within}item {number}", _flat(item)))
    return rows


def _records_in(value: dict) -> tuple[list, str]:
    """The articles of a JSON object: those of the one list of objects it holds, when it is
    a news API's response ({"status": "ok", "articles": […]}, {"response": {"docs": […]}}),
    else the object itself, one article. Returns them and where they are ("articles: ")."""
    if not any(_key(key) in COLUMN_NAMES["text"] for key in value):
        found = [(path, items) for path, items in _lists_of_objects(value) if items]
        if len(found) == 1:
            path, items = found[0]
            return items, f"{path}: "
    return [value], ""


def _lists_of_objects(value: dict, path: str = "", depth: int = 2) -> Iterator[tuple[str, list]]:
    for key, inner in value.items():
        where = f"{path}.{key}" if path else str(key)
        if isinstance(inner, list) and inner and all(isinstance(item, dict) for item in inner):
            yield where, inner
        elif isinstance(inner, dict) and depth > 1:
            yield from _lists_of_objects(inner, where, depth - 1)


def _flat(record: dict) -> dict[str, object]:
    """A record with its nested objects' values as columns of their own, named by their path:
    {"source": {"name": "BBC News"}} → {"source.name": "BBC News"}."""
    flat: dict[str, object] = {}
    for key, value in record.items():
        if isinstance(value, dict):
            flat.update((f"{key}.{inner}", item) for inner, item in _flat(value).items())
        else:
            flat[key] = value
    return flat


def _json(text: str, where: str):
    # NaN and Infinity are not JSON, but Python writes them for missing numbers: read as empty.
    try:
        return load_json(text, parse_constant=lambda _name: None)
    except json.JSONDecodeError as exc:
        line = where or f"line {exc.lineno}"
        raise UnreadableFile(f"{line}, column {exc.colno}: not valid JSON ({exc.msg})") from None
    except ValueError as exc:  # a number of more than 4,300 digits, which Python refuses to read
        raise UnreadableFile(f"{where or 'the file'}: a value that cannot be read ({exc})") from None
    except RecursionError:
        raise UnreadableFile(f"{where or 'the file'}: JSON nested too deeply") from None


def _kind(value) -> str:
    return {dict: "an object", list: "an array", str: "a string", type(None): "null"}.get(type(value), "a number")
