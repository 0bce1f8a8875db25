"""ClaimsView (`claimsView`): every claim in the project, filtered by category, actor,
stance, status, article and text, sortable; double-click opens the article at the claim."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from workbench.qt.models.claim_table import CORPUS_COLUMNS, ClaimTableModel
from workbench.qt.widgets.tables import make_table
from workbench.services.session import Session

ANY = "(any)"


class ClaimsView(QWidget):
    claim_opened = Signal(int, int)  # article id, claim id

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("claimsView")
        self.session = session
        self.text = QLineEdit()
        self.text.setObjectName("claimsFilterText")
        self.text.setPlaceholderText("Words in quote, source or note")
        self.text.setClearButtonEnabled(True)
        self.category = _combo("claimsFilterCategory")
        self.actor = _combo("claimsFilterActor")
        self.stance = _combo("claimsFilterStance")
        self.status = _combo("claimsFilterStatus")
        self.article = _combo("claimsFilterArticle")
        self.model = ClaimTableModel(self, columns=CORPUS_COLUMNS)
        self.table = make_table("claimsTable", self.model, stretch=CORPUS_COLUMNS.index("quote"))
        self.table.setSortingEnabled(True)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.count = QLabel()
        self.count.setObjectName("hint")

        grid = QGridLayout()
        filters = (
            ("Text", self.text), ("Category", self.category), ("Actor", self.actor),
            ("Article", self.article), ("Stance", self.stance), ("Status", self.status),
        )  # fmt: skip
        for i, (label, widget) in enumerate(filters):
            grid.addWidget(QLabel(label), i // 3, (i % 3) * 2)
            grid.addWidget(widget, i // 3, (i % 3) * 2 + 1)
            grid.setColumnStretch((i % 3) * 2 + 1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(grid)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)

        self._timer = QTimer(self, singleShot=True, interval=150)
        self._timer.timeout.connect(self.refresh)
        self.text.textChanged.connect(self._timer.start)
        for combo in (self.category, self.actor, self.stance, self.status, self.article):
            combo.currentIndexChanged.connect(self.refresh)
        self.reload_choices()

    def reload_choices(self) -> None:
        """Refill the filter lists (after the schema, the actors or the articles changed)."""
        schema = self.session.schema
        _fill(self.category, [(n, n) for n in schema.category_names])
        _fill(self.stance, [(n, n) for n in schema.stances])
        _fill(self.status, [(n, n) for n in schema.statuses])
        _fill(self.actor, [(f"{a.name} ({a.claims})", a.id) for a in self.session.actors() if a.claims])
        self._titles = {s.id: s.title for s in self.session.article_summaries()}
        _fill(self.article, [(title, article_id) for article_id, title in self._titles.items()])
        self.refresh()

    def show_actor(self, actor_id: int) -> None:
        index = self.actor.findData(actor_id)
        if index >= 0:
            self.actor.setCurrentIndex(index)

    def refresh(self) -> None:
        claims = self.session.find_claims(
            actor_id=self.actor.currentData(),
            category=self.category.currentData(),
            stance=self.stance.currentData(),
            status=self.status.currentData(),
            article_id=self.article.currentData(),
            text=self.text.text().strip() or None,
        )
        self.model.set_claims(claims, self.session.schema, self._titles)
        header = self.table.horizontalHeader()
        if header.sortIndicatorSection() >= 0:
            self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        total = len(self.session.store.claims())
        self.count.setText(f"{len(claims)} of {total} claims — double-click a claim to open it in its article")

    def _on_table_double_clicked(self, index) -> None:
        claim = self.model.claim_at(index.row())
        if claim is not None:
            self.claim_opened.emit(claim.article_id, claim.id)


def _combo(name: str) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(6)
    return combo


def _fill(combo: QComboBox, items: list[tuple[str, object]]) -> None:
    """Items (text, data) after "(any)", keeping the current choice when it still exists."""
    current = combo.currentData()
    with QSignalBlocker(combo):
        combo.clear()
        combo.addItem(ANY, None)
        for text, data in items:
            combo.addItem(text, data)
        index = combo.findData(current) if current is not None else 0
        combo.setCurrentIndex(max(index, 0))
