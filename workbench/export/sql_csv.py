"""CSV lines built by SQLite: for tables of very many rows, the query that reads a row
also formats it, in C, so Python only moves finished lines to the file.

A line is byte for byte what `csv.writer` (QUOTE_MINIMAL, CRLF line ends) writes for the
row — after `neutralise` when spreadsheet safe; tests hold the two side by side.
"""

from __future__ import annotations

from collections.abc import Sequence

from workbench.export.safety import APOSTROPHE, FORMULA_TRIGGERS

# What makes csv.writer quote a field: the delimiter, the quote, a line-end character.
_NEEDS_QUOTES = ('"', ",", "\r", "\n")


def csv_line(fields: Sequence[tuple[str, bool]], *, spreadsheet_safe: bool) -> str:
    """An SQL expression for one CSV line, CRLF included, of `fields`: (column name, holds
    text). NULL is an empty cell; numbers are written as they are."""
    columns = [(f'"{name}"', text) for name, text in fields]
    cells = [_text_cell(name, spreadsheet_safe) if text else f"coalesce({name}, '')" for name, text in columns]
    return " || ',' || ".join(cells) + " || char(13, 10)"


def _text_cell(name: str, spreadsheet_safe: bool) -> str:
    value = f"coalesce({name}, '')"
    if spreadsheet_safe:
        guarded = ", ".join(_sql_char(c) for c in (*FORMULA_TRIGGERS, APOSTROPHE))
        value = (
            f"(CASE WHEN substr({name}, 1, 1) IN ({guarded}) THEN {_sql_char(APOSTROPHE)} || {name} ELSE {value} END)"
        )
    # NOTE: searched as bytes: SQLite's text functions stop at a NUL character, csv.writer
    # does not. The protective apostrophe never makes a field need quotes.
    needs_quotes = " OR ".join(f"instr(CAST({name} AS BLOB), x'{ord(c):02x}')" for c in _NEEDS_QUOTES)
    return f"(CASE WHEN {needs_quotes} THEN '\"' || replace({value}, '\"', '\"\"') || '\"' ELSE {value} END)"


def _sql_char(char: str) -> str:
    return f"char({ord(char)})"
