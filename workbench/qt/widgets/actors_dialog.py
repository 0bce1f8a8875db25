"""ActorsDialog: who makes claims in the project, under which names; merge two names of
one actor ("Choe Son Hui", "Chloe Son Hui"), rename, split a wrongly merged name off.
Every change goes to the session at once and is undoable."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.core.errors import WorkbenchError
from workbench.core.model import ChangeSet
from workbench.qt.messages import inform, plain_tip, warn
from workbench.qt.widgets.tables import MAX_COLUMN_WIDTH
from workbench.services.session import Session


class ActorsDialog(QDialog):
    changed = Signal(object)  # ChangeSet
    show_claims = Signal(int)  # actor id

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("actorsDialog")
        self.setWindowTitle("Actors")
        self.session = session
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("actorsTable")
        self.table.setAccessibleName("Actors")
        self.table.setHorizontalHeaderLabels(["Actor", "Also written as", "Claims"])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # a long name elides (its tooltip has it whole) rather than push the others out of sight
        header.setMaximumSectionSize(2 * MAX_COLUMN_WIDTH)
        buttons = QVBoxLayout()
        for text, slot in (
            ("Merge selected", self._on_merge),
            ("Rename…", self._on_rename),
            ("Split a name off…", self._on_split),
            ("Show their claims", self._on_show_claims),
            ("Close", self.accept),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        hint = QLabel(
            "Select two or more rows and merge them when they are one actor. Ctrl+Z in the main window undoes."
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.table, 1)
        row.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(hint)
        self.resize(640, 420)
        self.refresh()

    def refresh(self) -> None:
        self._actors = self.session.actors()
        self.table.setRowCount(len(self._actors))
        for row, actor in enumerate(self._actors):
            others = [a for a in actor.aliases if a != actor.name]
            for column, text in enumerate((actor.name, ", ".join(others), str(actor.claims))):
                item = QTableWidgetItem(text)  # display only: the actors list is the data
                item.setToolTip(plain_tip(text))
                if column == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)

    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectedIndexes()})
        return [self._actors[r].id for r in rows]

    def _apply(self, action) -> None:
        try:
            changes: ChangeSet = action()
        except WorkbenchError as exc:
            warn(self, "Actors", str(exc))
            return
        self.refresh()
        self.changed.emit(changes)

    def _on_merge(self) -> None:
        ids = self.selected_ids()
        if len(ids) < 2:
            inform(self, "Actors", "Select the rows of one actor's names (two or more) to merge them.")
            return
        chosen = [a for a in self._actors if a.id in ids]
        names = [a.name for a in sorted(chosen, key=lambda a: -a.claims)]
        name, ok = QInputDialog.getItem(self, "Merge actors", "Keep the name:", names, 0, False)
        if ok:
            target = next(a.id for a in chosen if a.name == name)
            self._apply(lambda: self.session.merge_actors(target_id=target, source_ids=ids))

    def _on_rename(self) -> None:
        ids = self.selected_ids()
        if len(ids) != 1:
            return
        actor = next(a for a in self._actors if a.id == ids[0])
        name, ok = QInputDialog.getText(self, "Rename actor", f"New name for “{actor.name}”:", text=actor.name)
        if ok:
            self._apply(lambda: self.session.rename_actor(actor_id=actor.id, name=name))

    def _on_split(self) -> None:
        ids = self.selected_ids()
        if len(ids) != 1:
            return
        actor = next(a for a in self._actors if a.id == ids[0])
        if len(actor.aliases) < 2:
            inform(self, "Actors", f"“{actor.name}” has only one name.")
            return
        alias, ok = QInputDialog.getItem(
            self, "Split a name off", "Make this name an actor of its own:", list(actor.aliases), 0, False
        )
        if ok:
            self._apply(lambda: self.session.detach_alias(alias=alias))

    def _on_show_claims(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.show_claims.emit(ids[0])
            self.accept()
