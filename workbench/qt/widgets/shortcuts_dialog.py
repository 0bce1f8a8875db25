"""ShortcutsDialog: every keyboard shortcut of the window, read from its menus, so the list
is never out of date."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QKeySequence
from PySide6.QtWidgets import QDialog, QMenuBar, QPlainTextEdit, QVBoxLayout, QWidget

EXTRA = ["Claim table", "    Del                Delete the claim", "Note field", "    Tab                Next field"]


class ShortcutsDialog(QDialog):
    def __init__(self, menu_bar: QMenuBar, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle("Keyboard shortcuts")
        text = QPlainTextEdit("\n".join(shortcut_lines(menu_bar) + EXTRA))
        text.setReadOnly(True)
        text.setAccessibleName("Keyboard shortcuts")
        text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        self.resize(560, 640)


def shortcut_lines(menu_bar: QMenuBar) -> list[str]:
    """One line per action with a shortcut, under its menu."""
    lines: list[str] = []

    def walk(menu, indent: str) -> None:
        for action in menu.actions():
            if action.menu() is not None:
                lines.append(f"{indent}{_shown(action.text())}")
                walk(action.menu(), indent + "    ")
            elif action.shortcuts():
                keys = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts())
                where = _where(action) if action.shortcutContext() == Qt.ShortcutContext.WidgetShortcut else ""
                lines.append(f"{indent}{keys:<18} {_shown(action.text())}{where}")

    for menu_action in menu_bar.actions():
        lines.append(_shown(menu_action.text()))
        walk(menu_action.menu(), "    ")
    return lines


# Where a shortcut bound to a widget works, by the widget's object name.
_PLACES = {"readerView": "in the reader", "articleList": "in the article list"}


def _where(action) -> str:
    places = [_PLACES[o.objectName()] for o in action.associatedObjects() if o.objectName() in _PLACES]
    return f"  ({', '.join(places)})" if places else ""


def _shown(text: str) -> str:
    """A menu text as the menu shows it: "&Undo" → "Undo", "R&&D" → "R&D"."""
    return re.sub("&(.)", r"\1", text)
