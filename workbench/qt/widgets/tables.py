"""The one way this app sets up a table view: whole rows selected, one at a time, one
column stretched over the free width and the others fitted to their contents, up to a
limit, so a long value elides instead of pushing columns out of sight."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

MAX_COLUMN_WIDTH = 160


def make_table(name: str, model, *, stretch: int = 0) -> QTableView:
    table = QTableView()
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    header.setMaximumSectionSize(MAX_COLUMN_WIDTH)
    return table
