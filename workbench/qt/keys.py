"""Reading key events the same on every desktop."""

from __future__ import annotations

from PySide6.QtCore import Qt


def without_keypad(modifiers: Qt.KeyboardModifier) -> Qt.KeyboardModifier:
    """Key modifiers without the keypad flag, which macOS sets on every arrow key (so
    `modifiers() == AltModifier` would never hold there for Alt+↓)."""
    return modifiers & ~Qt.KeyboardModifier.KeypadModifier
