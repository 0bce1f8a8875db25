"""ClaimTableModel: the claims of one article, over Claim rows, in text order."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor

from workbench.core.model import Claim, ClaimSchema

CLAIM_ID_ROLE = Qt.ItemDataRole.UserRole


class ClaimTableModel(QAbstractTableModel):
    COLUMNS = ("Quote", "Category", "Source", "Stance", "Status")
    QUOTE_PREVIEW = 90

    def __init__(self, parent=None):
        super().__init__(parent)
        self._claims: list[Claim] = []
        self._colors: dict[str, QColor] = {}

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._claims)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._claims):
            return None
        claim, column = self._claims[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                quote = " ".join(claim.quote.split())
                return quote if len(quote) <= self.QUOTE_PREVIEW else quote[: self.QUOTE_PREVIEW - 1] + "…"
            return (None, claim.category, claim.source, claim.stance, claim.status)[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            return claim.quote
        if role == Qt.ItemDataRole.DecorationRole and column == 1:
            return self._colors.get(claim.category)
        if role == CLAIM_ID_ROLE:
            return claim.id
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.COLUMNS[section] if 0 <= section < len(self.COLUMNS) else None
        return None

    def set_claims(self, claims: Iterable[Claim], schema: ClaimSchema) -> None:
        self.beginResetModel()
        self._claims = list(claims)
        self._colors = {c.name: QColor(c.color) for c in schema.categories}
        self.endResetModel()

    def update_claim(self, claim: Claim) -> bool:
        """Refresh one claim's row in place; False when it is not shown here."""
        row = self.row_of(claim.id)
        if row is None:
            return False
        self._claims[row] = claim
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))
        return True

    def claim_id(self, row: int) -> int | None:
        return self._claims[row].id if 0 <= row < len(self._claims) else None

    def row_of(self, claim_id: int | None) -> int | None:
        return next((r for r, c in enumerate(self._claims) if c.id == claim_id), None)

    def claims(self) -> list[Claim]:
        return list(self._claims)
