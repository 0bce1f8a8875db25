"""The one way this app sets up a table view: whole rows selected, one at a time, rows of
one height, one column stretched over the free width and the others fitted to their
contents, up to a limit, so a long value elides instead of pushing columns out of sight.

Fitting to contents reads the first thousand rows each time the table changes; a table
that may hold very many rows (`long_list`) gets its widths from the font instead."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

MAX_COLUMN_WIDTH = 160


def make_table(
    name: str, model, *, title: str, stretch: int = 0, long_list: dict[int, str] | None = None
) -> QTableView:
    """A table over `model`, which screen readers call `title`. With `long_list` ({column:
    sample text}), those columns are as wide as their sample (or their header, if wider)
    and the user can resize them."""
    table = QTableView()
    table.setObjectName(name)
    table.setAccessibleName(title)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setTabKeyNavigation(False)  # Tab moves on to the next control, not cell by cell
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    header = table.horizontalHeader()
    if long_list is None:
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    else:
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        metrics = table.fontMetrics()
        for column, sample in long_list.items():
            title = str(model.headerData(column, Qt.Orientation.Horizontal))
            header.resizeSection(column, max(metrics.horizontalAdvance(t) for t in (sample, title)) + 24)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    header.setMaximumSectionSize(MAX_COLUMN_WIDTH)
    # As short as a header and a row (Qt's own minimum is three): the window then fits a
    # laptop's screen at 200 % scaling.
    rows = header.sizeHint().height() + table.verticalHeader().defaultSectionSize() + 2 * table.frameWidth()
    table.setMinimumHeight(rows)
    return table
