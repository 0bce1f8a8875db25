"""Colours and names of entity labels (resources/entity_labels.json)."""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass
from functools import cache
from itertools import cycle

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


# Stances and statuses a new project has, in colours that say what they mean; other
# values (a schema may have any) take the colours of _OTHERS in turn.
_MEANING = {
    "unverified": "#aab3bc",
    "corroborated": "#4e9a57",
    "disputed": "#e3a23b",
    "false": "#c8453c",
    "asserts": "#4c78a8",
    "denies": "#c8453c",
    "questions": "#e3a23b",
    "other": "#8f9aa5",
}
_OTHERS = ("#4c78a8", "#f58518", "#54a24b", "#b279a2", "#72b7b2", "#eeca3b", "#9d755d", "#ff9da6", "#bab0ac")


def value_colors(field: str, values, categories: dict[str, str]) -> dict[str, QColor]:
    """A colour for each value of a claim field: a category's own (`categories`: name →
    colour), a known stance's or status's, else one of a fixed series, in the order given."""
    colors, others = {}, cycle(_OTHERS)
    for value in values:
        known = categories.get(value) if field == "category" else _MEANING.get(value.casefold())
        colors[value] = QColor(known or next(others))
    return colors
