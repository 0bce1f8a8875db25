"""ClaimTableModel: claims as rows, over Claim objects; the columns are chosen per view
(the article's claims in the claim panel, every claim in the claims view)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from workbench.core.model import Claim, ClaimSchema
from workbench.qt.messages import plain_tip
from workbench.qt.models.base import TableModel

CLAIM_ID_ROLE = Qt.ItemDataRole.UserRole
QUOTE_PREVIEW = 90

# column name → (header, value of a claim given the article titles)
_COLUMNS = {
    "article": ("Article", lambda c, titles: titles.get(c.article_id, str(c.article_id))),
    "quote": ("Quote", lambda c, titles: _preview(c.quote)),
    "category": ("Category", lambda c, titles: c.category),
    "source": ("Source", lambda c, titles: c.source),
    "stance": ("Stance", lambda c, titles: c.stance),
    "status": ("Status", lambda c, titles: c.status),
    "analyst": ("Analyst", lambda c, titles: c.analyst),
    "updated": ("Updated", lambda c, titles: c.updated_at.replace("T", " ")[:16]),
}
ARTICLE_COLUMNS = ("quote", "category", "source")  # the form beside it shows the rest
CORPUS_COLUMNS = ("article", "quote", "category", "source", "stance", "status", "analyst", "updated")


def sorted_claims(claims: Iterable[Claim], column: str, titles: Mapping[int, str], descending: bool) -> list[Claim]:
    """In the order of a column's values, ignoring case (by the whole quote, not its preview)."""
    value = (lambda c, titles: c.quote) if column == "quote" else _COLUMNS[column][1]
    return sorted(claims, key=lambda c: str(value(c, titles)).casefold(), reverse=descending)


def _preview(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= QUOTE_PREVIEW else text[: QUOTE_PREVIEW - 1] + "…"


class ClaimTableModel(TableModel):
    def __init__(self, parent=None, columns: tuple[str, ...] = ARTICLE_COLUMNS):
        super().__init__(parent)
        self.columns = columns
        self.headers = tuple(_COLUMNS[c][0] for c in columns)
        self._claims: list[Claim] = []
        self._titles: Mapping[int, str] = {}
        self._colors: dict[str, QColor] = {}

    def row_count(self) -> int:
        return len(self._claims)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._claims):
            return None
        claim, column = self._claims[index.row()], self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return _COLUMNS[column][1](claim, self._titles)
        if role == Qt.ItemDataRole.ToolTipRole and column in ("quote", "article"):
            return plain_tip(claim.quote if column == "quote" else self._titles.get(claim.article_id, ""))
        if role == Qt.ItemDataRole.DecorationRole and column == "category":
            return self._colors.get(claim.category)
        if role == CLAIM_ID_ROLE:
            return claim.id
        return None

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(self.columns):
            descending = order == Qt.SortOrder.DescendingOrder
            self.show_in_order(sorted_claims(self._claims, self.columns[column], self._titles, descending))

    def show_in_order(self, claims: list[Claim]) -> None:
        """The same claims, in another order (sorted elsewhere)."""
        self.layoutAboutToBeChanged.emit()
        self._claims = list(claims)
        self.layoutChanged.emit()

    def set_claims(self, claims: Iterable[Claim], schema: ClaimSchema, titles: Mapping[int, str] | None = None) -> None:
        self.beginResetModel()
        self._claims = list(claims)
        self._titles = titles or {}
        self._colors = {c.name: QColor(c.color) for c in schema.categories}
        self.endResetModel()

    def update_claim(self, claim: Claim) -> bool:
        """Refresh one claim's row in place; False when it is not shown here."""
        row = self.row_of(claim.id)
        if row is None:
            return False
        self._claims[row] = claim
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))
        return True

    def claim_at(self, row: int) -> Claim | None:
        return self._claims[row] if 0 <= row < len(self._claims) else None

    def claim_id(self, row: int) -> int | None:
        claim = self.claim_at(row)
        return claim.id if claim else None

    def row_of(self, claim_id: int | None) -> int | None:
        return next((r for r, c in enumerate(self._claims) if c.id == claim_id), None)

    def claims(self) -> list[Claim]:
        return list(self._claims)
