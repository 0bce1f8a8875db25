"""SuggestionTableModel: an article's pending suggestions, in text order."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt

from workbench.core.model import Suggestion
from workbench.qt.messages import plain_tip
from workbench.qt.models.base import TableModel
from workbench.qt.models.claim_table import _preview


class SuggestionTableModel(TableModel):
    headers = ("Statement", "Source", "Stance")  # the cue is in the tooltip

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[Suggestion] = []

    def row_count(self) -> int:
        return len(self._rows)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        s = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (_preview(s.text), s.source, s.stance)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tip(f"{s.text}\n\n— {s.source or 'unknown source'} ({s.stance}; cue: {s.cue})")
        return None

    def set_suggestions(self, suggestions: Iterable[Suggestion]) -> None:
        self.beginResetModel()
        self._rows = list(suggestions)
        self.endResetModel()

    def suggestion(self, row: int) -> Suggestion | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def suggestions(self) -> list[Suggestion]:
        return list(self._rows)
