"""ArticleTableModel: the article list, lazily, at any corpus size.

The model holds a row count, the ids of the rows seen so far and the summaries of a few
pages of them; it reads the rest from its source (the project's ArticleListStore) as the
view asks for them. In import order, ids come a page at a time (keyset pagination: the
page after the last id); sorted by a column, all ids of the filter come at once, in that
order. Filtering by words is done by the full-text index, by an entity by its index —
never by holding every article in memory (a QSortFilterProxyModel over a Python model is
two orders of magnitude slower at 100k rows).
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import islice

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QIcon

from workbench import resources
from workbench.core.model import ArticleSummary, ListFilter
from workbench.core.text import counted
from workbench.qt.messages import plain_tip
from workbench.qt.models.base import TableModel

ARTICLE_ID_ROLE = Qt.ItemDataRole.UserRole
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class ArticleTableModel(TableModel):
    headers = ("Title", "Date", "Source", "Entities", "Claims")
    SORT_KEYS = ("title", "date", "source", "entities", "claims")
    _DISPLAY = (
        lambda s: s.title,
        lambda s: s.date or "",
        lambda s: s.source_file,
        lambda s: s.entities,
        lambda s: s.claims,
    )
    PAGE = 256  # rows read at a time
    CACHE = 8192  # summaries kept

    def __init__(self, parent=None, source=None):
        super().__init__(parent)
        self._source = source  # an ArticleListStore (or anything with its four methods)
        self._filter = ListFilter()
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._count = 0  # rows the filter keeps
        self._total = 0  # articles in the project
        self._ids: list[int] = []  # ids of rows 0.. (a prefix until `_complete`)
        self._complete = True
        self._row_of: dict[int, int] = {}
        self._cache: dict[int, ArticleSummary] = {}
        if source is not None:
            self.set_source(source)

    # -- Qt model interface --------------------------------------------------------------

    def row_count(self) -> int:
        return self._count

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < self._count:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column >= 3 else None
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.DecorationRole,
            ARTICLE_ID_ROLE,
        ):
            return None
        row = self._summary_at(index.row())
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._DISPLAY[column](row)
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = f"{row.title}\n{' · '.join(p for p in (row.site, row.source_file) if p)} · {row.words} words"
            if row.near_duplicates:
                tip += f"\nNearly the same story as {counted(row.near_duplicates, 'other article')}"
            return plain_tip(tip)
        if role == Qt.ItemDataRole.DecorationRole:
            return _near_duplicate_icon() if column == 0 and row.near_duplicates else None
        return row.id

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column; column -1 restores import order."""
        self._sort = (column, order) if 0 <= column < len(self.headers) else None
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        ids = [self.article_id(i.row()) for i in persistent]
        self._load_ids()
        moved = []
        for article_id, old in zip(ids, persistent, strict=True):
            row = self.row_of(article_id) if article_id is not None else None
            moved.append(self.index(row, old.column()) if row is not None else QModelIndex())
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    # -- our interface -------------------------------------------------------------------

    def set_source(self, source) -> None:
        """List the articles of `source` (a project's ArticleListStore), unfiltered."""
        self.beginResetModel()
        self._source = source
        self._filter = ListFilter()
        self._cache.clear()
        self._load_ids()
        self.endResetModel()

    def set_filter(
        self, *, words: str = "", entity: tuple[str, str] | None = None, period: tuple[str, str] | None = None
    ) -> None:
        """Show only the articles holding every word (each the start of a word of the
        title or text), mentioning `entity` (text, label) and dated in `period` (first,
        after); none of them: all."""
        self.beginResetModel()
        self._filter = ListFilter(words, entity, period)
        self._load_ids()
        self.endResetModel()

    def reload(self) -> None:
        """Read the rows again, keeping the filter and the order: after articles were
        removed, or put back where they were (not only at the end, as imports add them)."""
        self.beginResetModel()
        self._cache.clear()
        self._load_ids()
        self.endResetModel()

    def update_articles(self, summaries: Iterable[ArticleSummary]) -> None:
        """New or changed rows: changed ones are updated where they are; new ones take their
        place (at the end in import order)."""
        summaries = list(summaries)
        known = {s.id for s in summaries if s.id in self._cache or s.id in self._row_of}
        for summary in summaries:
            if summary.id in known:
                self._cache[summary.id] = summary
                row = self._row_of.get(summary.id)
                if row is not None:
                    self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.headers) - 1))
        if len(known) < len(summaries):
            self._rows_added()

    def article_id(self, row: int) -> int | None:
        if not 0 <= row < self._count:
            return None
        self._ensure_ids(row)
        return self._ids[row] if row < len(self._ids) else None

    def row_of(self, article_id: int) -> int | None:
        """The row of an article, None when the filter leaves it out."""
        row = self._row_of.get(article_id)
        if row is None and not self._complete and (not self._ids or article_id > self._ids[-1]):
            self._extend(until=article_id)
            row = self._row_of.get(article_id)
        return row

    def article_ids(self) -> list[int]:
        """The ids of every row, in order (reads those not seen yet)."""
        if not self._complete:
            self._extend()
        return list(self._ids)

    def summary(self, article_id: int) -> ArticleSummary | None:
        """The article's summary, None when the project has no such article."""
        if article_id not in self._cache and self._source is not None:
            self._remember(self._source.article_summaries([article_id]))
        return self._cache.get(article_id)

    @property
    def total(self) -> int:
        """Articles in the project, whatever the filter."""
        return self._total

    # -- loading -------------------------------------------------------------------------

    def _query(self) -> dict:
        return {"words": self._filter.words, "entity": self._filter.entity, "period": self._filter.period}

    def _load_ids(self) -> None:
        """Count the rows and start over: all ids when sorted, else the first page."""
        self._ids, self._row_of = [], {}
        if self._source is None:
            self._count = self._total = 0
            self._complete = True
            return
        self._total = self._source.count_articles()
        if self._sort is not None:
            column, order = self._sort
            self._ids = self._source.sorted_article_ids(
                self.SORT_KEYS[column], descending=order == Qt.SortOrder.DescendingOrder, **self._query()
            )
            self._count, self._complete = len(self._ids), True
        else:
            self._count = self._source.count_articles(**self._query()) if self._filter else self._total
            self._complete = self._count == 0
        self._row_of = {article_id: row for row, article_id in enumerate(self._ids)}

    def catch_up(self) -> None:
        """Articles added by another program (the command line) since the list was read
        come in, as the window's own imports do."""
        if self._source is not None and self._source.count_articles() > self._total:
            self._rows_added()

    def _rows_added(self) -> None:
        if self._sort is not None:  # new rows may land anywhere: re-sort, keeping selections
            self.sort(*self._sort)
            self._total = self._source.count_articles()
            return
        self._total = self._source.count_articles()
        count = self._source.count_articles(**self._query())
        if count > self._count:  # ids only grow: new rows come after the last
            self.beginInsertRows(QModelIndex(), self._count, count - 1)
            self._count, self._complete = count, False
            self.endInsertRows()

    def _ensure_ids(self, row: int) -> None:
        if row >= len(self._ids) and not self._complete:
            self._extend(limit=max(self.PAGE, row + 1 - len(self._ids) + self.PAGE))

    def _extend(self, *, limit: int | None = None, until: int | None = None) -> None:
        """Read the next ids in import order: `limit` of them, or all up to `until`, or all."""
        after = self._ids[-1] if self._ids else 0
        wanted = self._count - len(self._ids) if limit is None else limit
        more = self._source.article_ids_after(after, wanted, until=until, **self._query())
        for article_id in more:
            self._row_of[article_id] = len(self._ids)
            self._ids.append(article_id)
        self._complete = len(self._ids) >= self._count or (not more and until is None)

    def _summary_at(self, row: int) -> ArticleSummary | None:
        article_id = self.article_id(row)
        if article_id is None:
            return None
        summary = self._cache.get(article_id)
        if summary is None:
            first = row - row % self.PAGE
            self._ensure_ids(min(first + self.PAGE, self._count) - 1)
            page = [i for i in self._ids[first : first + self.PAGE] if i not in self._cache]
            self._remember(self._source.article_summaries(page))
            summary = self._cache.get(article_id)
        return summary

    def _remember(self, summaries: list[ArticleSummary]) -> None:
        excess = len(self._cache) + len(summaries) - self.CACHE
        if excess > 0:
            for stale in list(islice(self._cache, excess)):
                del self._cache[stale]
        self._cache.update((s.id, s) for s in summaries)


_ICONS: dict[str, QIcon] = {}


def _near_duplicate_icon() -> QIcon:
    """Marks an article telling nearly the same story as another (made once, on first use:
    an icon needs the application to exist)."""
    if "near" not in _ICONS:
        _ICONS["near"] = QIcon(str(resources.file_path("icons/near-duplicate.svg")))
    return _ICONS["near"]
