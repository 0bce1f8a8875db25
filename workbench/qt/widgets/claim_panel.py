"""ClaimPanel: the form of the selected claim, and the table of the article's claims.

The panel edits nothing itself: it emits what the user asked for, and the window passes
it to the session. Each field is committed when the user leaves it (or, for the note,
shortly after typing stops), so there is no Save button to forget.
"""

from __future__ import annotations

from contextlib import ExitStack

from PySide6.QtCore import QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workbench.core.model import Claim, ClaimSchema, HistoryEntry, Suggestion
from workbench.qt.messages import plain_tip
from workbench.qt.models.claim_table import ClaimTableModel
from workbench.qt.models.suggestion_table import SuggestionTableModel
from workbench.qt.palette import swatch
from workbench.qt.widgets.tables import make_table


class ClaimPanel(QWidget):
    add_requested = Signal()
    delete_requested = Signal(int)  # claim id
    edit_requested = Signal(int, str, object)  # claim id, field, new value
    claim_selected = Signal(object)  # claim id or None
    suggestion_selected = Signal(object)  # index into the article's suggestions, or None
    accept_requested = Signal(int)  # suggestion index
    reject_requested = Signal(int)  # suggestion index

    NOTE_DELAY_MS = 700

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("claimPanel")
        self._claim: Claim | None = None
        self._schema = ClaimSchema((), (), ())

        title = QLabel("Claim")
        title.setObjectName("paneTitle")
        self.add_button = QPushButton("Add claim from selection  (C)")
        self.add_button.setObjectName("addClaimButton")
        self.add_button.setEnabled(False)
        self.add_button.setToolTip("Select text in the article, then press C or click here.")
        self.add_button.clicked.connect(self.add_requested)

        self.quote = QPlainTextEdit()
        self.quote.setObjectName("claimQuote")
        self.quote.setReadOnly(True)
        self.quote.setMaximumHeight(84)
        self.quote.setMinimumHeight(44)  # NOTE: small minimums let the window fit a screen at 200 %
        self.quote.setPlaceholderText("Select a claim in the table or in the text.")
        self.category = QComboBox()
        self.category.setObjectName("claimCategory")
        self.source = QComboBox()
        self.source.setObjectName("claimSource")
        self.source.setEditable(True)
        self.source.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.source.lineEdit().setPlaceholderText("Who makes the claim")
        self.stance = QComboBox()
        self.stance.setObjectName("claimStance")
        self.status = QComboBox()
        self.status.setObjectName("claimStatus")
        self.tags = QLineEdit()
        self.tags.setObjectName("claimTags")
        self.tags.setPlaceholderText("comma-separated")
        self.note = QPlainTextEdit()
        self.note.setObjectName("claimNote")
        self.note.setPlaceholderText("Note")
        self.note.setTabChangesFocus(True)
        self.note.setMinimumHeight(44)
        self.delete_button = QPushButton("Delete claim")
        self.delete_button.setObjectName("deleteClaimButton")
        self.delete_button.clicked.connect(lambda: self._claim and self.delete_requested.emit(self._claim.id))

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("Quote", self.quote)
        form.addRow("&Category", self.category)
        form.addRow("S&ource", self.source)
        form.addRow("S&tance", self.stance)
        form.addRow("Stat&us", self.status)
        form.addRow("T&ags", self.tags)
        form.addRow("&Note", self.note)
        self._fields = (self.category, self.source, self.stance, self.status, self.tags, self.note, self.delete_button)

        self.model = ClaimTableModel(self)
        self.table = make_table("claimTable", self.model, title="Claims in this article")
        self.table.selectionModel().currentRowChanged.connect(self._on_table_row_changed)
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.table, context=Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(lambda: self._claim and self.delete_requested.emit(self._claim.id))

        self.suggestion_model = SuggestionTableModel(self)
        self.suggestion_table = make_table(
            "suggestionTable", self.suggestion_model, title="Suggested claims in this article"
        )
        self.suggestion_table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self.suggestion_selected.emit(current.row() if current.isValid() else None)
        )
        self.accept_button = QPushButton("Accept  (A)")
        self.accept_button.setObjectName("acceptSuggestionButton")
        self.accept_button.setToolTip(
            "Make the suggestion a claim with its source and stance (A or Enter in the reader)"
        )
        self.accept_button.clicked.connect(lambda: self._emit_suggestion(self.accept_requested))
        self.reject_button = QPushButton("Reject  (X)")
        self.reject_button.setObjectName("rejectSuggestionButton")
        self.reject_button.setToolTip("Drop the suggestion; it is not proposed again (X in the reader)")
        self.reject_button.clicked.connect(lambda: self._emit_suggestion(self.reject_requested))
        suggestion_buttons = QHBoxLayout()
        keys_hint = QLabel("N / P: next / previous")
        keys_hint.setWordWrap(True)  # a narrow panel wraps it rather than widening the window
        suggestion_buttons.addWidget(keys_hint, 1)
        suggestion_buttons.addWidget(self.accept_button)
        suggestion_buttons.addWidget(self.reject_button)
        suggestions_page = QWidget()
        suggestions_layout = QVBoxLayout(suggestions_page)
        suggestions_layout.setContentsMargins(0, 4, 0, 0)
        suggestions_layout.addWidget(self.suggestion_table, 1)
        suggestions_layout.addLayout(suggestion_buttons)

        self.history = QPlainTextEdit()
        self.history.setObjectName("claimHistory")
        self.history.setAccessibleName("History of the claim")
        self.history.setReadOnly(True)
        self.history.setPlaceholderText("The history of the selected claim: who changed what, and when.")

        self.tabs = QTabWidget()
        self.tabs.setObjectName("claimTabs")
        self.tabs.addTab(self.table, "Claims")
        self.tabs.addTab(suggestions_page, "Suggestions")
        self.tabs.addTab(self.history, "History")

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.add_button)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.tabs, 1)

        self._note_timer = QTimer(self, singleShot=True, interval=self.NOTE_DELAY_MS)
        self._note_timer.timeout.connect(self._commit_note)
        self.category.activated.connect(lambda: self._emit("category", self.category.currentText()))
        self.stance.activated.connect(lambda: self._emit("stance", self.stance.currentText()))
        self.status.activated.connect(lambda: self._emit("status", self.status.currentText()))
        self.source.activated.connect(lambda: self._emit("source", self.source.currentText().strip()))
        self.source.lineEdit().editingFinished.connect(self._commit_typed)
        self.tags.editingFinished.connect(self._commit_typed)
        self.note.textChanged.connect(self._note_timer.start)
        self.note.installEventFilter(self)
        self._shown = ("", "")  # the source and tags as the form last showed them
        self._set_enabled(False)

    # -- what is shown -------------------------------------------------------------------

    @property
    def claim(self) -> Claim | None:
        return self._claim

    @property
    def schema(self) -> ClaimSchema:
        return self._schema

    def set_schema(self, schema: ClaimSchema) -> None:
        self._schema = schema
        with QSignalBlocker(self.category), QSignalBlocker(self.stance), QSignalBlocker(self.status):
            self.category.clear()
            for category in schema.categories:
                shortcut = f"  ({category.shortcut})" if category.shortcut else ""
                self.category.addItem(swatch(category.color), category.name + shortcut, category.name)
                self.category.setItemData(
                    self.category.count() - 1, plain_tip(category.description), Qt.ItemDataRole.ToolTipRole
                )
            self.stance.clear()
            self.stance.addItems(schema.stances)
            self.status.clear()
            self.status.addItems(schema.statuses)
        self._fill(self._claim)

    def set_source_candidates(self, names: list[str]) -> None:
        with QSignalBlocker(self.source):
            current = self.source.currentText()
            self.source.clear()
            self.source.addItems(names)
            self.source.setCurrentText(current)

    def set_claims(self, claims: list[Claim], selected: int | None) -> None:
        """The article's claims; `selected` is shown in the form."""
        with QSignalBlocker(self.table.selectionModel()):
            self.model.set_claims(claims, self._schema)
            row = self.model.row_of(selected)
            if row is not None:
                self.table.selectRow(row)
        self.tabs.setTabText(0, f"Claims ({len(claims)})")
        self.show_claim(next((c for c in claims if c.id == selected), None))

    def show_claim(self, claim: Claim | None) -> None:
        """Show `claim` in the form and select its row (None: clear the form)."""
        self.commit_pending()
        self._claim = claim
        with QSignalBlocker(self.table.selectionModel()):
            row = self.model.row_of(claim.id) if claim else None
            if row is None:
                self.table.selectionModel().clear()  # the current row too: a click on it is a choice again
            else:
                self.table.selectRow(row)
                self.table.scrollTo(self.model.index(row, 0))
        self._fill(claim)

    def update_claim(self, claim: Claim, *, refill: bool) -> None:
        """A claim changed in the store: refresh its row; refill the form only when the
        change came from elsewhere (undo, another panel), not from typing in this form."""
        self.model.update_claim(claim)
        if self._claim is not None and self._claim.id == claim.id:
            self._claim = claim
            if refill:
                self._fill(claim)

    def set_suggestions(self, suggestions: list[Suggestion], current: int | None) -> None:
        with QSignalBlocker(self.suggestion_table.selectionModel()):
            self.suggestion_model.set_suggestions(suggestions)
            self.select_suggestion(current)
        self.tabs.setTabText(1, f"Suggestions ({len(suggestions)})")
        self.accept_button.setEnabled(bool(suggestions))
        self.reject_button.setEnabled(bool(suggestions))

    def select_suggestion(self, index: int | None) -> None:
        with QSignalBlocker(self.suggestion_table.selectionModel()):
            if index is None or self.suggestion_model.suggestion(index) is None:
                self.suggestion_table.selectionModel().clear()  # the current row too: a click on it is a choice again
                return
            self.suggestion_table.selectRow(index)
            self.suggestion_table.scrollTo(self.suggestion_model.index(index, 0))

    def set_history(self, entries: list[HistoryEntry]) -> None:
        self.history.setPlainText("\n".join(_history_line(e) for e in reversed(entries)))

    def set_selection_available(self, available: bool) -> None:
        self.add_button.setEnabled(available)

    # -- internals -----------------------------------------------------------------------

    def _fill(self, claim: Claim | None) -> None:
        with ExitStack() as stack:
            for widget in (self.category, self.source, self.stance, self.status, self.tags, self.note):
                stack.enter_context(QSignalBlocker(widget))
            self._fill_fields(claim)
        self._note_timer.stop()
        self._set_enabled(claim is not None)

    def _fill_fields(self, claim: Claim | None) -> None:
        self.quote.setPlainText(claim.quote if claim else "")
        if claim is None:
            self.source.setCurrentText("")
            self.tags.clear()
            self.note.clear()
        else:
            _select(self.category, claim.category, data=True)
            _select(self.stance, claim.stance)
            _select(self.status, claim.status)
            self.source.setCurrentText(claim.source)
            self.tags.setText(", ".join(claim.tags))
            if self.note.toPlainText() != claim.note:
                self.note.setPlainText(claim.note)
        # NOTE: what the fields show, as shown: a typed change is a difference from this. A
        # claim's own values may not survive the round trip through the form (a tag holding
        # a comma, a source with spaces around it, from an imported file), and must not
        # count as an edit, or every undo would first save one.
        self._shown = (self.source.currentText(), self.tags.text())

    def _set_enabled(self, enabled: bool) -> None:
        for widget in self._fields:
            widget.setEnabled(enabled)

    def _emit(self, field: str, value) -> None:
        if self._claim is None:
            return
        if field == "category":
            value = self.category.currentData() or value
        self.edit_requested.emit(self._claim.id, field, value)

    def commit_pending(self) -> None:
        """Save what is typed but not yet committed (a note still being typed, a source or
        tags the focus has not left), before another claim or article is shown or the
        window closes."""
        self._flush_note()
        self._commit_typed()

    def _commit_typed(self) -> None:
        """The typed source and tags where they differ from what the form showed: once, so
        the editingFinished that Qt sends when the focus leaves later (even from a closing
        window) finds nothing to do."""
        if self._claim is None:
            return
        source, tags = self.source.currentText(), self.tags.text()
        shown_source, shown_tags = self._shown
        self._shown = (source, tags)
        if source != shown_source:
            self._emit("source", source.strip())
        if tags != shown_tags:
            self._emit("tags", tags)

    def _commit_note(self) -> None:
        if self._claim is not None and self.note.toPlainText() != self._claim.note:
            self._emit("note", self.note.toPlainText())

    def _flush_note(self) -> None:
        if self._note_timer.isActive():
            self._note_timer.stop()
            self._commit_note()

    def eventFilter(self, watched, event) -> bool:
        if watched is self.note and event.type() == event.Type.FocusOut:
            self._flush_note()
        return super().eventFilter(watched, event)

    def _emit_suggestion(self, signal) -> None:
        row = self.suggestion_table.currentIndex().row()
        if self.suggestion_model.suggestion(row) is not None:
            signal.emit(row)

    def _on_table_row_changed(self, current, _previous) -> None:
        self.claim_selected.emit(self.model.claim_id(current.row()) if current.isValid() else None)


def _select(combo: QComboBox, value: str, *, data: bool = False) -> None:
    index = combo.findData(value) if data else combo.findText(value)
    if index < 0:  # a value the schema does not list (yet): still show it as it is
        combo.addItem(value, value)
        index = combo.count() - 1
    combo.setCurrentIndex(index)


def _history_line(entry: HistoryEntry) -> str:
    when = entry.at.replace("T", " ")[:16]
    who = entry.analyst or "someone"
    changes = "; ".join(f"{field}: {_show(old)} → {_show(new)}" for field, old, new in entry.changes())
    return f"{when}  {who}  {entry.action}" + (f" — {changes}" if changes else "")


def _show(value) -> str:
    if isinstance(value, tuple):
        value = ", ".join(value)
    value = " ".join(str(value).split())
    return f"“{value[:40]}{'…' if len(value) > 40 else ''}”" if value else "(empty)"
