"""Message boxes whose text is always plain: names and paths come from files and users,
and Qt would read a string that looks like HTML as rich text."""

from __future__ import annotations

from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget


def plain_tip(text: str) -> str:
    """A tooltip that shows `text` as it is (and wraps a long one): Qt takes a tooltip that
    looks like HTML for rich text, so "<b>x</b>" would show as a bold x."""
    return QtGui.Qt.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal) if text else ""


def inform(parent: QWidget | None, title: str, text: str) -> None:
    _show(QMessageBox.Icon.Information, parent, title, text)


def warn(parent: QWidget | None, title: str, text: str) -> None:
    _show(QMessageBox.Icon.Warning, parent, title, text)


def confirm(parent: QWidget | None, title: str, text: str, action: str) -> bool:
    """Ask before doing `action` (the button's words); Cancel is the default."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    go = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Cancel))
    box.exec()
    return box.clickedButton() is go


def _show(icon: QMessageBox.Icon, parent: QWidget | None, title: str, text: str) -> None:
    box = QMessageBox(icon, title, text, parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()
