"""SchemaDialog: the project's categories (colour, shortcut key), stances and statuses.

The dialog edits a working copy; OK hands back the new schema and, for every value that
claims use and that was renamed, merged or deleted, where those claims go. The window
passes both to the session, which applies them as one undoable step. Deleting a value
that claims use always asks: move the claims to another value, or delete them.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workbench.core.model import Category, ClaimSchema
from workbench.core.text import counted
from workbench.qt.palette import swatch
from workbench.services.schema_edits import SHORTCUT_KEYS

KINDS = ("category", "stance", "status")
_PALETTE = (
    "#1f77b4",
    "#2ca02c",
    "#9467bd",
    "#d62728",
    "#8c564b",
    "#ff7f0e",
    "#17becf",
    "#7f7f7f",
    "#bcbd22",
    "#e377c2",
)


class SchemaDialog(QDialog):
    def __init__(self, schema: ClaimSchema, usage, parent: QWidget | None = None):
        """`usage` counts the claims using each (kind, value)."""
        super().__init__(parent)
        self.setObjectName("schemaDialog")
        self.setWindowTitle("Claim schema")
        self._usage = usage
        self._categories = {c.name: c for c in schema.categories}
        self._values = {
            "category": list(schema.category_names),
            "stance": list(schema.stances),
            "status": list(schema.statuses),
        }
        # For each current value, the original values whose claims it now takes.
        self._origins = {(k, v): {v} for k in KINDS for v in self._values[k]}
        self._deleted: dict[str, set[str]] = {k: set() for k in KINDS}  # originals whose claims go
        self.lists: dict[str, QListWidget] = {}
        tabs = QTabWidget()
        for kind, title in (("category", "Categories"), ("stance", "Stances"), ("status", "Statuses")):
            tabs.addTab(self._page(kind), title)
            self.lists[kind].setAccessibleName(title)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        hint = QLabel("Changes apply when you press OK, as one step that Undo reverses.")
        hint.setObjectName("hint")
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.resize(520, 420)
        for kind in KINDS:
            self._refresh(kind)

    # -- the result ----------------------------------------------------------------------

    def schema(self) -> ClaimSchema:
        return ClaimSchema(
            categories=tuple(self._categories[n] for n in self._values["category"]),
            stances=tuple(self._values["stance"]),
            statuses=tuple(self._values["status"]),
        )

    def replacements(self) -> dict[tuple[str, str], str | None]:
        """(kind, original value) → the value its claims take now, or None: delete them."""
        result: dict[tuple[str, str], str | None] = {}
        for (kind, current), originals in self._origins.items():
            for original in originals:
                if original != current:
                    result[(kind, original)] = current
        for kind, originals in self._deleted.items():
            for original in originals:
                result[(kind, original)] = None
        return result

    # -- operations (also used by tests and automation) ----------------------------------

    def add_value(self, kind: str, name: str) -> None:
        name = " ".join(name.split())
        if not name or name in self._values[kind]:
            return
        self._values[kind].append(name)
        self._origins[(kind, name)] = set()
        if kind == "category":
            used = {c.shortcut for c in self._categories.values()}
            key = next((d for d in SHORTCUT_KEYS if d not in used), "")
            color = _PALETTE[len(self._categories) % len(_PALETTE)]
            self._categories[name] = Category(name, color, key)
        self._refresh(kind)

    def rename_value(self, kind: str, old: str, new: str) -> None:
        new = " ".join(new.split())
        if not new or new == old or new in self._values[kind]:
            return
        values = self._values[kind]
        values[values.index(old)] = new
        self._origins[(kind, new)] = self._origins.pop((kind, old))
        if kind == "category":
            self._categories[new] = replace(self._categories.pop(old), name=new)
        self._refresh(kind)

    def merge_value(self, kind: str, source: str, target: str) -> None:
        """`source` disappears; its claims take `target`."""
        if source == target or target not in self._values[kind]:
            return
        self._values[kind].remove(source)
        self._origins[(kind, target)] |= self._origins.pop((kind, source))
        self._categories.pop(source, None) if kind == "category" else None
        self._refresh(kind)

    def delete_value(self, kind: str, name: str) -> None:
        """Remove a value and delete the claims that use it."""
        self._values[kind].remove(name)
        self._deleted[kind] |= self._origins.pop((kind, name))
        if kind == "category":
            self._categories.pop(name)
        self._refresh(kind)

    def move_value(self, kind: str, name: str, step: int) -> None:
        values = self._values[kind]
        i = values.index(name)
        j = max(0, min(len(values) - 1, i + step))
        values[i], values[j] = values[j], values[i]
        self._refresh(kind)
        self.lists[kind].setCurrentRow(j)

    def set_category(self, name: str, *, color: str | None = None, shortcut: str | None = None) -> None:
        category = self._categories[name]
        self._categories[name] = replace(
            category, color=color or category.color, shortcut=category.shortcut if shortcut is None else shortcut
        )
        self._refresh("category")

    def claims_using(self, kind: str, name: str) -> int:
        return sum(self._usage.get((kind, original), 0) for original in self._origins.get((kind, name), ()))

    # -- widgets -------------------------------------------------------------------------

    def _page(self, kind: str) -> QWidget:
        page = QWidget()
        listing = QListWidget()
        listing.setObjectName(f"schema_{kind}")
        self.lists[kind] = listing
        actions = [
            ("Add…", self._on_add),
            ("Rename…", self._on_rename),
            ("Merge into…", self._on_merge),
            ("Delete…", self._on_delete),
            ("Move up", lambda k: self._on_move(k, -1)),
            ("Move down", lambda k: self._on_move(k, +1)),
        ]
        if kind == "category":
            actions += [("Colour…", self._on_color), ("Shortcut key…", self._on_shortcut)]
        column = QVBoxLayout()
        for text, slot in actions:
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, s=slot: s(kind))
            column.addWidget(button)
        column.addStretch(1)
        row = QHBoxLayout(page)
        row.addWidget(listing, 1)
        row.addLayout(column)
        return page

    def _refresh(self, kind: str) -> None:
        listing = self.lists[kind]
        row = listing.currentRow()
        listing.clear()
        for name in self._values[kind]:
            used = self.claims_using(kind, name)
            text = f"{name}   ({counted(used, 'claim')})"
            if kind == "category":
                category = self._categories[name]
                key = f"   key {category.shortcut}" if category.shortcut else ""
                listing.addItem(QListWidgetItem(swatch(category.color), text + key))
            else:
                listing.addItem(text)
        listing.setCurrentRow(min(max(row, 0), listing.count() - 1))

    def _current(self, kind: str) -> str | None:
        row = self.lists[kind].currentRow()
        values = self._values[kind]
        return values[row] if 0 <= row < len(values) else None

    def _on_add(self, kind: str) -> None:
        name, ok = QInputDialog.getText(self, f"New {kind}", f"Name of the new {kind}:")
        if ok:
            self.add_value(kind, name)

    def _on_rename(self, kind: str) -> None:
        name = self._current(kind)
        if name is None:
            return
        new, ok = QInputDialog.getText(self, f"Rename {kind}", f"New name for “{name}” (its claims follow):", text=name)
        if ok:
            self.rename_value(kind, name, new)

    def _on_merge(self, kind: str) -> None:
        name = self._current(kind)
        others = [v for v in self._values[kind] if v != name]
        if name is None or not others:
            return
        target, ok = QInputDialog.getItem(self, f"Merge {kind}", f"Merge “{name}” into:", others, 0, False)
        if ok:
            self.merge_value(kind, name, target)

    def _on_delete(self, kind: str) -> None:
        name = self._current(kind)
        if name is None:
            return
        if len(self._values[kind]) == 1:
            QMessageBox.information(self, "Claim schema", f"The schema needs at least one {kind}.")
            return
        used = self.claims_using(kind, name)
        if not used:
            self.delete_value(kind, name)
            return
        others = [v for v in self._values[kind] if v != name]
        choice, ok = QInputDialog.getItem(
            self,
            f"Delete {kind}",
            f"{used} claim{'s use' if used > 1 else ' uses'} “{name}”. What should happen to "
            f"{'them' if used > 1 else 'it'}?",
            [f"Move to “{v}”" for v in others] + [f"Delete the {counted(used, 'claim')}"],
            0,
            False,
        )
        if not ok:
            return
        if choice.startswith("Move to"):
            self.merge_value(kind, name, others[[f"Move to “{v}”" for v in others].index(choice)])
        else:
            self.delete_value(kind, name)

    def _on_move(self, kind: str, step: int) -> None:
        name = self._current(kind)
        if name is not None:
            self.move_value(kind, name, step)

    def _on_color(self, kind: str) -> None:
        name = self._current(kind)
        if name is None:
            return
        color = QColorDialog.getColor(QColor(self._categories[name].color), self, f"Colour of “{name}”")
        if color.isValid():
            self.set_category(name, color=color.name())

    def _on_shortcut(self, kind: str) -> None:
        name = self._current(kind)
        if name is None:
            return
        keys = ["none", *SHORTCUT_KEYS]
        current = self._categories[name].shortcut
        key, ok = QInputDialog.getItem(
            self,
            "Shortcut key",
            f"The key for “{name}” in the reader:",
            keys,
            keys.index(current) if current in keys else 0,
            editable=False,
        )
        if ok:
            self.set_category(name, shortcut="" if key == "none" else key)
