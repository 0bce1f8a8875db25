"""ClaimsView (`claimsView`): every claim in the project, filtered by category, actor,
stance, status, article and text, sortable; double-click opens the article at the claim.

It reads the project only while it is shown: changes made meanwhile mark it stale, and it
reloads when it next appears (with 100k claims a reload takes a while; a hidden tab must
not pay for it on every edit)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from workbench.core.model import Claim, ListFilter
from workbench.core.text import counted
from workbench.qt import jobs
from workbench.qt.models.claim_table import CORPUS_COLUMNS, ClaimTableModel, sorted_claims
from workbench.qt.tasks import QUERY_LANE, TaskRunner
from workbench.qt.widgets.tables import make_table
from workbench.services.session import Session

ANY = "(any)"


class ClaimsView(QWidget):
    claim_opened = Signal(int, int)  # article id, claim id

    def __init__(self, session: Session, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("claimsView")
        self.session = session
        self.runner = runner
        self.text = QLineEdit()
        self.text.setObjectName("claimsFilterText")
        self.text.setAccessibleName("Filter the claims by words")
        self.text.setPlaceholderText("Words in quote, source or note")
        self.text.setClearButtonEnabled(True)
        self.category = _combo("claimsFilterCategory")
        self.actor = _combo("claimsFilterActor")
        self.stance = _combo("claimsFilterStance")
        self.status = _combo("claimsFilterStatus")
        self.article = _combo("claimsFilterArticle")
        # Shown while the article list is narrowed (words, an entity, a month): the claims
        # of those articles only. A bar of the claim chart ticks it, as it counts those.
        self.in_list = QCheckBox()
        self.in_list.setObjectName("claimsFilterInList")
        self.in_list.hide()
        self._listed = ListFilter()
        self.model = ClaimTableModel(self, columns=CORPUS_COLUMNS)
        samples = {
            "article": "A headline of some length",
            "category": "Assessment",
            "source": "Volodymyr Zelenskyy",
            "stance": "questions",
            "status": "corroborated",
            "analyst": "analyst",
            "updated": "2024-12-31 23:59",
        }
        self.table = make_table(
            "claimsTable",
            self.model,
            title="All claims",
            stretch=CORPUS_COLUMNS.index("quote"),
            long_list={CORPUS_COLUMNS.index(name): sample for name, sample in samples.items()},
        )
        # NOTE: sorted by the view, not by QTableView's sorting: 100k claims took up to 0.5 s
        # to sort on the GUI thread; from SORT_HERE claims on, they are sorted on the query lane.
        header = self.table.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.sortIndicatorChanged.connect(self._sort)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.count = QLabel()
        self.count.setObjectName("hint")

        grid = QGridLayout()
        filters = (
            ("Text", self.text), ("Category", self.category), ("Actor", self.actor),
            ("Article", self.article), ("Stance", self.stance), ("Status", self.status),
        )  # fmt: skip
        for i, (label, widget) in enumerate(filters):
            name = QLabel(label)
            name.setBuddy(widget)  # what a screen reader calls the field
            grid.addWidget(name, i // 3, (i % 3) * 2)
            grid.addWidget(widget, i // 3, (i % 3) * 2 + 1)
            grid.setColumnStretch((i % 3) * 2 + 1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(grid)
        layout.addWidget(self.in_list)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)

        self._timer = QTimer(self, singleShot=True, interval=150)
        self._timer.timeout.connect(self.refresh)
        self.text.textChanged.connect(self._timer.start)
        for combo in (self.category, self.actor, self.stance, self.status, self.article):
            combo.currentIndexChanged.connect(self.refresh)
        self.in_list.toggled.connect(self.refresh)
        self._titles: dict[int, str] = {}
        self._choices_stale = self._rows_stale = True
        self._shown = 0  # rows shown so far: a sort of rows no longer shown is dropped

    def reload_choices(self) -> None:
        """Refill the filter lists and the table (after the schema, the actors, the articles
        or the claims changed): now if shown, else when next shown."""
        self._choices_stale = self._rows_stale = True
        if self.isVisible():
            self._fill_choices()
            self.refresh()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._choices_stale:
            self._fill_choices()
        if self._rows_stale:
            self.refresh()

    def _fill_choices(self) -> None:
        self._choices_stale = False
        schema = self.session.schema
        _fill(self.category, [(n, n) for n in schema.category_names])
        _fill(self.stance, [(n, n) for n in schema.stances])
        _fill(self.status, [(n, n) for n in schema.statuses])
        _fill(self.actor, [(f"{a.name} ({a.claims})", a.id) for a in self.session.actors() if a.claims])
        # the articles' list is filled with the claims read (see _show)

    def set_session(self, session: Session) -> None:
        """Another project: its claims, every filter cleared."""
        self.session = session
        self._choices_stale = True
        self._titles = {}
        _fill(self.article, [])  # the last project's articles, until the claims are read
        self.set_listed(ListFilter(), "")
        self.show_only()

    def set_listed(self, listed: ListFilter, described: str) -> None:
        """What narrows the article list now (`described` in words), for "only the articles
        in the list"; the claims are read again when that is ticked. The tick stays while
        nothing narrows the list (the words typed cleared before others are), unheeded."""
        self._listed = listed
        self.in_list.setText(f"Only the articles in the list: {described}")
        self.in_list.setVisible(bool(listed))
        if self.in_list.isChecked():
            self.refresh()

    def show_only(
        self,
        *,
        category: str | None = None,
        stance: str | None = None,
        status: str | None = None,
        actor_id: int | None = None,
        source: str | None = None,
        in_list: bool = False,
    ) -> None:
        """List only the claims of these values (`in_list`: of the articles in the list, when
        it is narrowed), every other filter set to any. A `source` that is no actor's name is
        looked for as words."""
        if self._choices_stale:
            self._fill_choices()
        with QSignalBlocker(self.text):
            self.text.setText(source or "")
        with QSignalBlocker(self.in_list):
            self.in_list.setChecked(in_list)
        actor = self.session.store.actor(actor_id) if actor_id is not None else None
        chosen = (
            (self.category, category, category),
            (self.stance, stance, stance),
            (self.status, status, status),
            (self.actor, actor_id, actor.name if actor else "(an actor no longer in the project)"),
            (self.article, None, None),
        )
        for combo, value, text in chosen:
            with QSignalBlocker(combo):
                _choose(combo, value, text)
        self.refresh()

    def refresh(self) -> None:
        """Read the claims the filters keep, on a thread of its own (100k claims take over
        half a second): the rows change when they arrive, the window never waits."""
        if not self.isVisible():
            self._rows_stale = True  # NOTE: also keeps a closing window from reading a closed project
            return
        self._rows_stale = False
        filters = self.session.claim_filters(
            actor_id=self.actor.currentData(),
            category=self.category.currentData(),
            stance=self.stance.currentData(),
            status=self.status.currentData(),
            article_id=self.article.currentData(),
            text=self.text.text().strip() or None,
            listed=self._listed if self.in_list.isChecked() and self._listed else None,
        )
        self.runner.submit(
            QUERY_LANE,
            "Listing claims",
            jobs.find_claims,
            self.session.path,
            filters,
            self._order(),
            on_done=self._show,
            key="claims-view",
            quiet=True,
        )

    def _order(self) -> tuple[str, bool] | None:
        """(column, descending) as the header's sort indicator says, or None."""
        header = self.table.horizontalHeader()
        if header.sortIndicatorSection() < 0:
            return None
        column = CORPUS_COLUMNS[header.sortIndicatorSection()]
        return column, header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder

    def _show(self, found: tuple[list[Claim], int, tuple | None, dict[int, str]]) -> None:
        claims, total, order, titles = found
        self._shown += 1
        if titles != self._titles:
            self._titles = titles
            _fill(self.article, [(title, article_id) for article_id, title in titles.items()])
        self.model.set_claims(claims, self.session.schema, self._titles)
        if order != self._order():  # the header was clicked while they were read
            self._sort()
        self.count.setText(
            f"{len(claims):,} of {counted(total, 'claim')} — double-click a claim to open it in its article"
        )

    SORT_HERE = 5_000  # claims sorted on the GUI thread in well under a frame

    def _sort(self) -> None:
        if (chosen := self._order()) is None:
            return
        order = (chosen[0], self._titles, chosen[1])
        claims = self.model.claims()
        if len(claims) < self.SORT_HERE:
            self.model.show_in_order(sorted_claims(claims, *order))
            return
        shown = self._shown
        self.runner.submit(
            QUERY_LANE,
            "Sorting claims",
            jobs.sort_claims,
            claims,
            order,
            on_done=lambda claims: self.model.show_in_order(claims) if shown == self._shown else None,
            key="claims-sort",
            quiet=True,
        )

    def _on_table_double_clicked(self, index) -> None:
        claim = self.model.claim_at(index.row())
        if claim is not None:
            self.claim_opened.emit(claim.article_id, claim.id)


class _Choices(QAbstractListModel):
    """A combo box's items, (text, data) pairs, set all at once however many there are
    (one article per claim can mean 100k items: adding them one by one takes seconds)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._items: list[tuple[str, object]] = []

    def set_items(self, items: list[tuple[str, object]]) -> None:
        self.beginResetModel()
        self._items = items
        self.endResetModel()

    def add_item(self, text: str, data: object) -> None:
        self.set_items([*self._items, (text, data)])

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._items)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._items[index.row()][0]
        if role == Qt.ItemDataRole.UserRole:
            return self._items[index.row()][1]
        return None


def _combo(name: str) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    combo.setModel(_Choices(combo))
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(6)
    return combo


def _fill(combo: QComboBox, items: list[tuple[str, object]]) -> None:
    """Items (text, data) after "(any)", keeping the current choice when it still exists."""
    current = combo.currentData()
    with QSignalBlocker(combo):
        combo.model().set_items([(ANY, None), *items])
        index = combo.findData(current) if current is not None else 0
        combo.setCurrentIndex(max(index, 0))


def _choose(combo: QComboBox, value: object, text: str | None) -> None:
    """Choose the item of `value` ("(any)" for None). A value the list lacks (an actor with
    no claims left, a chart's bar read before an edit) is added as `text`: falling back on
    "(any)" listed every claim of the project instead of none."""
    index = combo.findData(value) if value is not None else 0
    if index < 0:
        combo.model().add_item(text, value)
        index = combo.count() - 1
    combo.setCurrentIndex(index)
