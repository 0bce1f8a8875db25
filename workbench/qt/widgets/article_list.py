"""ArticleListPane: the filter box (`articleFilter`), the article table (`articleList`)
and, when a chart asked for it, the entity or the period the list is narrowed to."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from workbench.core.search import is_unspaced
from workbench.core.text import counted
from workbench.qt.keys import without_keypad
from workbench.qt.models.article_table import ArticleTableModel
from workbench.qt.widgets.tables import make_table


class ArticleListPane(QWidget):
    article_chosen = Signal(int)  # article id
    filter_changed = Signal(str)  # the words typed (after a short pause)
    narrowing_cleared = Signal()  # "Show all": the entity and period the list was narrowed to

    FILTER_DELAY_MS = 150

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = ArticleTableModel(self)
        self.filter = QLineEdit()
        self.filter.setObjectName("articleFilter")
        self.filter.setAccessibleName("Filter the articles by words")
        self.filter.setPlaceholderText("Filter: words in titles and text")
        self.filter.setToolTip("Filters as you type; a word of one letter waits for the next letter or Enter.")
        self.filter.setClearButtonEnabled(True)
        self.table = make_table(
            "articleList",
            self.model,
            title="Articles",
            long_list={1: "2024-12-31", 2: "source-file.txt", 3: "9999", 4: "999"},
        )
        # NOTE: no sort indicator before sorting is enabled, or Qt sorts at once by a column:
        # the list opens in import order.
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_row_changed)
        # Several rows can be selected (Shift, Ctrl) to remove them at once; the current row
        # is the article shown. Right-click offers the list's actions.
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

        self.narrowing_label = QLabel()
        self.narrowing_label.setObjectName("hint")
        self.narrowing_label.setTextFormat(Qt.TextFormat.PlainText)
        self.narrowing_clear = QToolButton()
        self.narrowing_clear.setText("Show all")
        self.narrowing_clear.clicked.connect(self.narrowing_cleared)
        narrowing_row = QHBoxLayout()
        narrowing_row.addWidget(self.narrowing_label, 1)
        narrowing_row.addWidget(self.narrowing_clear)
        self._narrowing_row = QWidget()
        self._narrowing_row.setLayout(narrowing_row)
        narrowing_row.setContentsMargins(0, 0, 0, 0)
        self._narrowing_row.hide()
        self.count_label = QLabel()
        self.count_label.setObjectName("hint")

        title = QLabel("Articles")
        title.setObjectName("paneTitle")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(title)
        layout.addWidget(self.filter)
        layout.addWidget(self._narrowing_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)

        self._timer = QTimer(self, singleShot=True, interval=self.FILTER_DELAY_MS)
        self._timer.timeout.connect(lambda: self.filter_changed.emit(typed_words(self.filter.text())))
        self.filter.textChanged.connect(self._timer.start)
        self.filter.returnPressed.connect(self._on_filter_entered)
        self.filter.installEventFilter(self)
        self.model.modelReset.connect(self._update_count)
        self.model.layoutChanged.connect(self._update_count)
        self.model.rowsInserted.connect(self._update_count)  # an import adds rows
        self.model.rowsRemoved.connect(self._update_count)

    def _on_filter_entered(self) -> None:
        self._timer.stop()
        self.filter_changed.emit(self.filter.text())

    def eventFilter(self, watched, event) -> bool:
        # As in a browser's or a mail client's search field: Esc clears it, ↓ goes to the
        # list. NOTE: keys, not shortcuts: a shortcut for Esc here would make the correction
        # form's own Esc ambiguous (and then neither fires) while both are in view.
        if watched is self.filter and event.type() == QEvent.Type.KeyPress and not without_keypad(event.modifiers()):
            if event.key() == Qt.Key.Key_Escape and self.filter.text():
                self.filter.clear()
                return True
            if event.key() == Qt.Key.Key_Down:
                self.table.setFocus()
                return True
        return super().eventFilter(watched, event)

    def show_narrowing(self, description: str | None) -> None:
        """Say what a chart narrowed the list to ("Mentioning Seoul (Place) · dated 2024-03")."""
        self._narrowing_row.setVisible(description is not None)
        self.narrowing_label.setText(description or "")

    def select_article(self, article_id: int | None) -> None:
        row = self.model.row_of(article_id) if article_id is not None else None
        if row is None:
            self.table.clearSelection()
            return
        if self.table.currentIndex().row() != row:
            self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))

    def selected_ids(self) -> list[int]:
        """The articles of the selected rows, in list order."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [i for i in map(self.model.article_id, rows) if i is not None]

    def step(self, delta: int) -> None:
        """Move to the next (+1) or previous (-1) article in the list as shown."""
        count = self.model.rowCount()
        if not count:
            return
        current = self.table.currentIndex().row()
        row = 0 if current < 0 else max(0, min(count - 1, current + delta))
        self.table.selectRow(row)

    def neighbour(self, article_id: int | None, step: int, wanted) -> int | None:
        """The next (+1) or previous (-1) article in list order, after `article_id`, for
        which `wanted(id)` is true."""
        count = self.model.rowCount()
        row = self.model.row_of(article_id) if article_id is not None else None
        if row is None:
            row = -1 if step > 0 else count
        rows = range(row + 1, count) if step > 0 else range(row - 1, -1, -1)
        return next((i for i in map(self.model.article_id, rows) if i is not None and wanted(i)), None)

    def _on_table_row_changed(self, current, _previous) -> None:
        article_id = self.model.article_id(current.row()) if current.isValid() else None
        if article_id is not None:
            self.article_chosen.emit(article_id)

    def _update_count(self) -> None:
        shown, total = self.model.rowCount(), self.model.total
        self.count_label.setText(
            counted(total, "article") if shown == total else f"{shown:,} of {counted(total, 'article')}"
        )


def typed_words(text: str) -> str:
    """The words of a filter being typed that are worth searching for yet: a lone letter or
    digit (of a script written with spaces) starts most words of a corpus, so searching for
    it finds almost everything and takes longest (0.9 s over 100k articles). It waits for
    the next character, or for Enter."""
    return " ".join(word for word in text.split() if len(word) > 1 or is_unspaced(word))


if __name__ == "__main__":
    from workbench.qt.widgets.preview import preview_article_list

    raise SystemExit(preview_article_list())
