"""The claims table as a real spreadsheet (xlsx): every text a text cell, never a formula,
a link or a number; a second sheet lists the articles."""

from __future__ import annotations

import os

from workbench.export.safety import ExportError, write_atomically

CELL_LIMIT = 32_767  # characters a spreadsheet cell holds (Excel's limit)
# NOTE: XlsxWriter would otherwise turn "=…" into a formula, "http…" into a link and "1e5" into a number.
WRITER_OPTIONS = {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}


def write_xlsx(claims, articles, path: str | os.PathLike) -> int:
    """Write the claims frame on a sheet "Claims" and the articles frame on "Articles";
    returns the number of claim rows written."""
    import pandas as pd

    for sheet, frame in (("Claims", claims), ("Articles", articles)):
        _check_cell_sizes(sheet, frame)

    def write(tmp) -> None:
        from xlsxwriter.exceptions import FileCreateError

        try:
            with pd.ExcelWriter(tmp, engine="xlsxwriter", engine_kwargs={"options": WRITER_OPTIONS}) as writer:
                for sheet, frame in (("Claims", claims), ("Articles", articles)):
                    frame.to_excel(writer, sheet_name=sheet, index=False, freeze_panes=(1, 0))
                    worksheet = writer.sheets[sheet]
                    for column, name in enumerate(frame.columns):
                        worksheet.set_column(column, column, 40 if name in ("quote", "note", "title") else 14)
        except FileCreateError as exc:  # XlsxWriter's wrapping of an OSError (a full disk, no permission)
            cause = exc.args[0] if exc.args else exc
            raise cause if isinstance(cause, OSError) else OSError(str(cause)) from None

    write_atomically(path, write)
    return len(claims)


def _check_cell_sizes(sheet: str, frame) -> None:
    for column in frame.columns:
        for row, value in enumerate(frame[column], start=2):
            if isinstance(value, str) and len(value) > CELL_LIMIT:
                raise ExportError(
                    f"Cell {column} of row {row} on sheet {sheet} holds {len(value):,} characters; a spreadsheet "
                    f"cell holds at most {CELL_LIMIT:,}. Export as csv or jsonl to keep it whole."
                )
