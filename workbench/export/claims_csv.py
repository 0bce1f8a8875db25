"""Reading a claims table back: the `csv` export, or one written by hand or by another
program with the documented columns."""

from __future__ import annotations

import csv
import io
import os

from workbench.core.cells import split_list
from workbench.core.dataset import (
    AnnotationFileError,
    ClaimRecord,
    claim_field_names,
    optional_number_fields,
)
from workbench.export.reading import read_utf8
from workbench.export.safety import looks_neutralised, restore

# Fields whose empty cell means "not given" (the project's default), not an empty value.
DEFAULTED_WHEN_EMPTY = ("category", "stance", "status", "created_at", "updated_at")
NUMBERS = optional_number_fields()  # an empty cell: no number


def read_claims_csv(path: str | os.PathLike, *, raw: bool | None = None) -> list[ClaimRecord]:
    """The claims of a CSV file, one record per row (rows the file itself gets wrong carry
    their `problem`).

    Cells written spreadsheet-safe get their protective apostrophe removed: `raw=None`
    decides from the file (see `looks_neutralised`), True and False force it.
    """
    rows, header = _read_rows(path)
    missing = [c for c in ("quote",) if c not in header]
    if "article_hash" not in header and "source_file" not in header:
        missing.append("article_hash or source_file")
    if missing:
        raise AnnotationFileError(f"{os.fspath(path)} has no column {', '.join(missing)}: not a claims table.")
    if raw is None:
        raw = not looks_neutralised(cell for row in rows for cell in row.values())
    known = set(claim_field_names()) - {"start", "end", "quote"}
    records = []
    for number, row in enumerate(rows, start=2):  # row 1 is the header, as a spreadsheet counts
        cells = row if raw else {name: restore(value) for name, value in row.items()}
        if "creator" in cells and "analyst" not in cells:  # the name other tools give it
            cells["analyst"] = cells["creator"]
        records.append(_record(f"row {number}", cells, known))
    return records


def _read_rows(path) -> tuple[list[dict[str, str]], list[str]]:
    reader = csv.DictReader(io.StringIO(read_utf8(path), newline=""), restval="")
    try:
        header = [name.strip() for name in reader.fieldnames or []]
        reader.fieldnames = header
        rows = [{k: v for k, v in row.items() if k is not None} for row in reader]
    except csv.Error as exc:
        raise AnnotationFileError(f"{os.fspath(path)} is not a readable CSV file ({exc}).") from None
    return rows, header


def _record(where: str, cells: dict[str, str], known: set[str]) -> ClaimRecord:
    values = {}
    try:
        for name in known & cells.keys():
            value = cells[name]
            if name in DEFAULTED_WHEN_EMPTY and not value:
                continue
            if name == "tags":
                values[name] = tuple(split_list(value))
            elif name in NUMBERS:
                values[name] = _offset(cells, name)
            else:
                values[name] = value
        start, end = _offset(cells, "start"), _offset(cells, "end")
    except ValueError as exc:
        return ClaimRecord(where, cells.get("quote", ""), problem=str(exc))
    return ClaimRecord(
        where,
        quote=cells.get("quote", ""),
        start=start,
        end=end,
        article_hash=cells.get("article_hash", "").strip(),
        source_file=cells.get("source_file", "").strip(),
        prefix=cells.get("prefix", ""),
        suffix=cells.get("suffix", ""),
        fields=values,
    )


def _offset(cells: dict[str, str], name: str) -> int | None:
    value = cells.get(name, "").strip()
    if not value:
        return None
    try:
        number = int(float(value)) if value.endswith(".0") else int(value)
    except ValueError:
        raise ValueError(f"{name} “{value}” is not a whole number") from None
    if number < 0:
        raise ValueError(f"{name} {number} is negative")
    return number
