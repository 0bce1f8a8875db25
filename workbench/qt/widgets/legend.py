"""EntityLegend: one chip per entity label in the article, in the label's colour, with its
count; unchecking a chip hides that label's highlights."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QToolButton, QWidget

from workbench.core.model import EntitySpan
from workbench.qt.palette import label_order, label_style
from workbench.qt.widgets.flow_layout import FlowLayout


class EntityLegend(QWidget):
    hidden_labels_changed = Signal(object)  # set[str] of labels switched off

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("entityLegend")
        self._layout = FlowLayout(self, spacing=4)
        self._chips: dict[str, QToolButton] = {}
        self._hidden: set[str] = set()
        self.tab_after: QWidget | None = None  # the chips come after it in the Tab order
        self._empty = QLabel("No entities found yet.")
        self._empty.setObjectName("hint")
        self._layout.addWidget(self._empty)

    @property
    def hidden_labels(self) -> set[str]:
        return set(self._hidden)

    def set_mentions(self, mentions: Iterable[EntitySpan], *, analysed: bool = True) -> None:
        """Show a chip per label of `mentions`; with none, say whether the article has been
        analysed yet."""
        counts = Counter(m.label for m in mentions)
        self._empty.setText("No entities in this article." if analysed else "No entities found yet.")
        for chip in self._chips.values():
            self._layout.removeWidget(chip)
            chip.hide()  # NOTE: deleteLater waits for the event loop; hidden, it is not drawn meanwhile
            chip.deleteLater()
        self._chips.clear()
        self._empty.setVisible(not counts)
        for label in label_order(counts):
            style = label_style(label)
            chip = QToolButton(self)
            chip.setObjectName(f"legend_{label}")
            chip.setProperty("legendChip", True)
            chip.setCheckable(True)
            chip.setChecked(label not in self._hidden)
            chip.setText(f"{style.name} {counts[label]}")
            chip.setToolTip(f"{label}: {style.description}. Click to show or hide.")
            chip.setAccessibleName(f"Show {style.name}")
            chip.setStyleSheet(_chip_style(style.color.name()))
            chip.toggled.connect(lambda on, lab=label: self._on_chip_toggled(lab, on))
            self._layout.addWidget(chip)
            self._chips[label] = chip
        # NOTE: made per article, chips would otherwise come last in the Tab order, after
        # every other control of the window.
        previous = self.tab_after
        for chip in self._chips.values():
            if previous is not None:
                QWidget.setTabOrder(previous, chip)
            previous = chip
        self.updateGeometry()

    def set_label_visible(self, label: str, visible: bool) -> None:
        chip = self._chips.get(label)
        if chip is not None:
            chip.setChecked(visible)
        else:
            self._on_chip_toggled(label, visible)

    def _on_chip_toggled(self, label: str, on: bool) -> None:
        if on:
            self._hidden.discard(label)
        else:
            self._hidden.add(label)
        self.hidden_labels_changed.emit(set(self._hidden))


def _chip_style(color: str) -> str:
    return (
        f"QToolButton {{ background: #ffffff; color: #8a939b; border: 1px solid #c6ccd4; border-radius: 9px;"
        f" padding: 1px 8px; }}"
        f" QToolButton:checked {{ background: {color}; color: #1d2a33; border-color: {color}; }}"
        f" QToolButton:focus {{ border: 2px solid #3d7bd9; padding: 0px 7px; }}"
    )
