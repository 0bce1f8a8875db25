"""Tables of articles — CSV, TSV, JSON Lines, JSON arrays — one article per row.

The text column is found by its name (text, body, content, article, …) or named by the
user, and so are the title, date, byline and site columns. A table is read whole before
anything of it is used: a malformed row refuses the file, naming the row and column.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time

from workbench.core.text import load_json, normalise_newlines, url_host
from workbench.ingest.article import Metadata
from workbench.ingest.dates import find_date
from workbench.ingest.decode import decode_text
from workbench.ingest.errors import EmptyFile, UnreadableFile
from workbench.ingest.html import fragment_text

TABLE_SUFFIXES = (".csv", ".tsv", ".jsonl", ".ndjson", ".json", ".xlsx")

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
    columns, rows = read_rows(name, data)
    mapping = map_columns(columns, choice)
    return [_table_row(row, mapping) for row in rows]


def read_rows(name: str, data: bytes) -> tuple[list[str], list[Row]]:
    """The column names and the rows of a table."""
    suffix = name.lower().rsplit(".", 1)[-1]
    if suffix == "xlsx":
        return _xlsx_rows(data)
    text, _encoding = decode_text(data)
    if suffix in ("jsonl", "ndjson"):
        return _with_columns(list(_json_lines(text)))
    if suffix == "json":
        return _with_columns(_json_array(text))
    return _csv_rows(text, "\t" if suffix == "tsv" else None)


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
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool | int | float):
        return str(value)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return ("\n\n" if joined else ", ").join(value)  # paragraphs, or names ("authors": [...])
    named = value if isinstance(value, list) else [value]
    if not joined and all(isinstance(v, dict) and isinstance(v.get("name"), str) for v in named):
        return ", ".join(v["name"] for v in named)  # JSON Feed's "authors": [{"name": …}]
    kind = "a list" if isinstance(value, list) else "an object"
    raise UnreadableFile(f"{row.where}, column “{column}”: expected text, found {kind}")


def _one_line(value: str | None) -> str | None:
    return " ".join(value.split()) or None if value else None


def _csv_rows(text: str, delimiter: str | None) -> tuple[list[str], list[Row]]:
    # NOTE: a whole article is one cell: far above the csv module's default field limit.
    csv.field_size_limit(1 << 30)
    delimiter = delimiter or _delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows, number = [], 0
    try:
        header = next((record for record in reader if any(cell.strip() for cell in record)), None)
        if header is None:  # no line but blank ones
            return [], []
        header = _unique(header)
        for record in reader:
            if not record:
                continue  # a blank line between rows
            number += 1
            if len(record) != len(header):
                raise UnreadableFile(
                    f"row {number} (line {reader.line_num}) has {len(record)} columns; the header has {len(header)}"
                )
            rows.append(Row(f"row {number}", dict(zip(header, record, strict=True))))
    except csv.Error as exc:
        raise UnreadableFile(f"row {number + 1} (line {reader.line_num}): malformed CSV ({exc})") from None
    return header, rows


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


def _delimiter(text: str) -> str:
    """The CSV's delimiter: the one of , ; tab | that the header line uses most."""
    header = text.split("\n", 1)[0]
    counts = {d: header.count(d) for d in (",", ";", "\t", "|")}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def _json_lines(text: str) -> Iterator[Row]:
    for number, line in enumerate(text.split("\n"), start=1):
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


def _with_columns(rows: list[Row]) -> tuple[list[str], list[Row]]:
    columns = list(dict.fromkeys(key for row in rows for key in row.values))
    return columns, rows


def _kind(value) -> str:
    return {dict: "an object", list: "an array", str: "a string", type(None): "null"}.get(type(value), "a number")
