"""SuggestionTableModel: an article's pending suggestions, in text order."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from workbench.core.model import Suggestion
from workbench.qt.models.claim_table import _preview


class SuggestionTableModel(QAbstractTableModel):
    COLUMNS = ("Statement", "Source", "Stance")  # the cue is in the tooltip

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[Suggestion] = []

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        s = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (_preview(s.text), s.source, s.stance)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{s.text}\n\n— {s.source or 'unknown source'} ({s.stance}; cue: {s.cue})"
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.COLUMNS[section] if 0 <= section < len(self.COLUMNS) else None
        return None

    def set_suggestions(self, suggestions: Iterable[Suggestion]) -> None:
        self.beginResetModel()
        self._rows = list(suggestions)
        self.endResetModel()

    def suggestion(self, row: int) -> Suggestion | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def suggestions(self) -> list[Suggestion]:
        return list(self._rows)
