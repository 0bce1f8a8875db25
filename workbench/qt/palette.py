"""Colours and names of entity labels (resources/entity_labels.json)."""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass
from functools import cache

from PySide6.QtGui import QColor, QIcon, QPixmap

from workbench import resources


@dataclass(frozen=True)
class LabelStyle:
    label: str
    name: str
    color: QColor
    description: str


@cache
def _table() -> dict:
    return json.loads(resources.read_text("entity_labels.json"))


def label_style(label: str) -> LabelStyle:
    entry = _table().get(label)
    if entry:
        return LabelStyle(label, entry["name"], QColor(entry["color"]), entry["description"])
    # A label from another pipeline: a stable pastel colour of its own.
    hue = zlib.crc32(label.encode()) % 360
    return LabelStyle(label, label.title(), QColor.fromHsl(hue, 160, 200), label)


def label_order(labels) -> list[str]:
    """Labels in the order of the table (people first), unknown ones after, by name."""
    known = list(_table())
    return sorted(labels, key=lambda lab: (known.index(lab) if lab in known else len(known), lab))


def swatch(color: str, size: int = 12) -> QIcon:
    """A small square of `color`, for lists of categories."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)
