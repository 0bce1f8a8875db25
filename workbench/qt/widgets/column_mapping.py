"""ColumnMappingDialog: which column of a table holds each article's text, title and date,
chosen with the table's first rows in view."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workbench.ingest.tables import ColumnChoice
from workbench.qt.messages import plain_tip, warn
from workbench.services.importing import TablePreview

NONE = "(none)"


class TablePreviewModel(QAbstractTableModel):
    """The first rows of a table, as plain text."""

    def __init__(self, preview: TablePreview, parent=None):
        super().__init__(parent)
        self._columns = preview.columns
        self._rows = preview.rows

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tip(self._rows[index.row()][index.column()])
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._columns[section] if 0 <= section < len(self._columns) else None
        return section + 1


def _longest(preview: TablePreview) -> str | None:
    """The column whose first cells are longest: the likeliest text when no name says so."""
    if not preview.columns:
        return None
    lengths = [sum(len(row[i]) for row in preview.rows) for i in range(len(preview.columns))]
    return preview.columns[lengths.index(max(lengths))]


class ColumnMappingDialog(QDialog):
    def __init__(self, preview: TablePreview, *, others: int = 0, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("columnMappingDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(f"Columns of {preview.path.name}")
        self.resize(820, 460)
        intro = QLabel(
            f"Each row of {preview.path.name} becomes an article. Choose the column that holds its text"
            + (f" (the same is used for the {others} other tables)." if others else ".")
        )
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        self.table = QTableView()
        self.table.setObjectName("tablePreview")
        self.table.setModel(TablePreviewModel(preview, self))
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setDefaultSectionSize(160)
        self.text = self._combo("textColumn", preview.columns, preview.guess.text or _longest(preview), optional=False)
        self.title = self._combo("titleColumn", preview.columns, preview.guess.title)
        self.date = self._combo("dateColumn", preview.columns, preview.guess.date)
        form = QFormLayout()
        form.addRow("Text", self.text)
        form.addRow("Title", self.title)
        form.addRow("Date", self.date)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Import")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def accept(self) -> None:
        if problem := self.choice().problem():
            warn(self, "Choose the columns", problem)
            return
        super().accept()

    def choice(self) -> ColumnChoice:
        def chosen(combo: QComboBox) -> str | None:
            return combo.currentData()

        return ColumnChoice(text=chosen(self.text), title=chosen(self.title), date=chosen(self.date))

    @staticmethod
    def _combo(name: str, columns, current: str | None, *, optional: bool = True) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        if optional:
            combo.addItem(NONE, "")  # "": no column, even one whose name would say
        for column in columns:
            combo.addItem(column, column)
        if current is not None:
            combo.setCurrentIndex(combo.findData(current))
        return combo
