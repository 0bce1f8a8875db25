"""ArticleTableModel: the article list, over ArticleSummary rows.

Sorting and filtering happen here in Python over plain tuples (a QSortFilterProxyModel
over a Python model is two orders of magnitude slower at 100k rows); text search itself
is done by the store's full-text index, which hands back the ids to show.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QIcon

from workbench import resources
from workbench.core.model import ArticleSummary

ARTICLE_ID_ROLE = Qt.ItemDataRole.UserRole


class ArticleTableModel(QAbstractTableModel):
    COLUMNS = ("Title", "Date", "Source", "Entities", "Claims")
    _SORT_KEYS = (
        lambda s: s.title.casefold(),
        lambda s: s.date or "",
        lambda s: s.source_file.casefold(),
        lambda s: s.entities,
        lambda s: s.claims,
    )

    def __init__(self, parent=None):
        super().__init__(parent)
        self._all: dict[int, ArticleSummary] = {}
        self._visible: set[int] | None = None  # None: no filter
        self._rows: list[ArticleSummary] = []
        self._sort: tuple[int, Qt.SortOrder] | None = None

    # -- Qt model interface --------------------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (row.title, row.date or "", row.source_file, row.entities, row.claims)[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = f"{row.title}\n{' · '.join(p for p in (row.site, row.source_file) if p)} · {row.words} words"
            if row.near_duplicates:
                tip += (
                    f"\nNearly the same story as {row.near_duplicates} other article{'s' * (row.near_duplicates > 1)}"
                )
            return tip
        if role == Qt.ItemDataRole.DecorationRole and column == 0 and row.near_duplicates:
            return _near_duplicate_icon()
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ARTICLE_ID_ROLE:
            return row.id
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.COLUMNS[section] if 0 <= section < len(self.COLUMNS) else None
        return None

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column; column -1 restores import order."""
        self._sort = (column, order) if 0 <= column < len(self.COLUMNS) else None
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        ids = [self._rows[i.row()].id for i in persistent]
        self._order()
        positions = {s.id: r for r, s in enumerate(self._rows)}
        self.changePersistentIndexList(
            persistent, [self.index(positions[i], p.column()) for i, p in zip(ids, persistent, strict=True)]
        )
        self.layoutChanged.emit()

    # -- our interface -------------------------------------------------------------------

    def set_articles(self, summaries: Iterable[ArticleSummary]) -> None:
        self.beginResetModel()
        self._all = {s.id: s for s in summaries}
        self._rebuild()
        self.endResetModel()

    def update_articles(self, summaries: Iterable[ArticleSummary]) -> None:
        """New or changed rows; rows whose position does not change are updated in place."""
        summaries = list(summaries)
        if any(s.id not in self._all for s in summaries):
            self.layoutAboutToBeChanged.emit()
            self._all.update((s.id, s) for s in summaries)
            self._rebuild()
            self.layoutChanged.emit()
            return
        positions = {s.id: r for r, s in enumerate(self._rows)}
        for summary in summaries:
            self._all[summary.id] = summary
            row = positions.get(summary.id)
            if row is not None:
                self._rows[row] = summary
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))

    def set_filter(self, ids: Iterable[int] | None) -> None:
        """Show only these articles (None: all)."""
        self.beginResetModel()
        self._visible = None if ids is None else set(ids)
        self._rebuild()
        self.endResetModel()

    def article_id(self, row: int) -> int | None:
        return self._rows[row].id if 0 <= row < len(self._rows) else None

    def row_of(self, article_id: int) -> int | None:
        return next((r for r, s in enumerate(self._rows) if s.id == article_id), None)

    def summary(self, article_id: int) -> ArticleSummary | None:
        return self._all.get(article_id)

    @property
    def total(self) -> int:
        return len(self._all)

    def _rebuild(self) -> None:
        self._rows = [s for s in self._all.values() if self._visible is None or s.id in self._visible]
        self._order()

    def _order(self) -> None:
        if self._sort is None:
            self._rows.sort(key=lambda s: s.id)
            return
        column, order = self._sort
        self._rows.sort(key=self._SORT_KEYS[column], reverse=order == Qt.SortOrder.DescendingOrder)


_ICONS: dict[str, QIcon] = {}


def _near_duplicate_icon() -> QIcon:
    """Marks an article telling nearly the same story as another (made once, on first use:
    an icon needs the application to exist)."""
    if "near" not in _ICONS:
        _ICONS["near"] = QIcon(str(resources.file_path("icons/near-duplicate.svg")))
    return _ICONS["near"]
