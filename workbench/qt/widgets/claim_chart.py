"""ClaimChart: the claims of the listed articles (the project's, when nothing narrows the
list) counted by category, source, stance or status, each bar split by another of those fields (stacked bars, pyqtgraph) — which sources assert and
which deny, how much of each category is verified. Clicking a bar, or a part of it, asks
for those claims (`claims_chosen`: the "All claims" tab lists them).

The plot is built the first time the chart is shown: pyqtgraph is imported by then (the
entity chart imports it once the window is up).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from workbench.core.breakdown import FIELDS, SPLITS, Breakdown
from workbench.core.model import ClaimSchema
from workbench.core.text import counted
from workbench.qt.palette import swatch, value_colors
from workbench.qt.widgets.entity_chart import RowChart, follow_in_tab_order, place_plot
from workbench.qt.widgets.flow_layout import FlowLayout

BAR_COLOR = "#5b8db8"  # bars not split, of values without a colour of their own
_SPLIT_CHOICES = (*SPLITS, None)


class ClaimChart(RowChart):
    claims_chosen = Signal(object)  # {"category": …, "stance": …, "status": …, "actor_id": …, "source": …}
    choice_changed = Signal()  # what the bars count, or what splits them, was changed

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("claimChart")
        self._breakdown: Breakdown | None = None
        self._colors: dict[str, QColor] = {}
        self._listed = False  # the claims of the listed articles, not the project's
        self.by_box = QComboBox()
        self.by_box.setObjectName("claimChartBy")
        self.by_box.setAccessibleName("Count the claims by")
        for field in FIELDS:
            self.by_box.addItem(field, field)
        self.split_box = QComboBox()
        self.split_box.setObjectName("claimChartSplit")
        self.split_box.setAccessibleName("Split each bar by")
        # NOTE: its items change with the field chosen; sized once, "category" was cut short.
        self.split_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._fill_splits()
        self.by_box.currentIndexChanged.connect(self._on_by_changed)
        self.split_box.currentIndexChanged.connect(lambda: self.choice_changed.emit())
        title = QLabel("Claims by")
        title.setObjectName("paneTitle")
        split_label = QLabel("split by")
        split_label.setBuddy(self.split_box)
        header = QHBoxLayout()
        header.addWidget(title)
        header.addWidget(self.by_box)
        header.addWidget(split_label)
        header.addWidget(self.split_box)
        header.addStretch(1)
        self.note = QLabel("Counting the claims…")
        self.note.setObjectName("hint")
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.legend = QWidget()
        self.legend.setObjectName("claimChartLegend")
        self._legend_layout = FlowLayout(self.legend, spacing=8)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(6, 6, 6, 6)
        self._layout.addLayout(header)
        self._layout.addWidget(self.note)
        self._layout.addStretch(1)  # holds the place of the plot until it is built
        self._layout.addWidget(self.legend)
        self.setToolTip(
            "Click a bar to list its claims, or a part of a bar to list those of that part too "
            "(or choose a bar with ↑ ↓ and press Enter)."
        )

    @property
    def by(self) -> str:
        return self.by_box.currentData()

    @property
    def split(self) -> str | None:
        return self.split_box.currentData()

    @property
    def breakdown(self) -> Breakdown | None:
        return self._breakdown

    def set_breakdown(self, breakdown: Breakdown, schema: ClaimSchema, *, listed: bool = False) -> None:
        """Draw `breakdown` (of the listed articles' claims, or of the project's): the parts
        of a bar in the colours of the split's values, bars not split in their category's."""
        field = breakdown.split or ("category" if breakdown.by == "category" else None)
        values = breakdown.split_values or tuple(bar.value for bar in breakdown.bars)
        categories = {c.name: c.color for c in schema.categories}
        self._colors = value_colors(field, values, categories) if field else {}
        self._breakdown, self._listed = breakdown, listed
        self.note.setText(_note(breakdown, len(breakdown.bars), listed))
        self._fill_legend(breakdown.split_values)
        self._draw()

    def ensure_plot(self) -> None:
        if self._plot is not None:
            return
        plot = self._make_plot("claimPlot", "Claims by category, source, stance or status", "claims")
        place_plot(self._layout, plot, 2)
        follow_in_tab_order(self.split_box, plot)
        self._plot = plot
        self._draw()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.ensure_plot()

    def row_count(self) -> int:
        return len(self._breakdown.bars) if self._breakdown else 0

    def activate(self, row: int) -> None:
        self.claims_chosen.emit(self.filters(row))

    def part_at(self, scene_pos) -> tuple[int, str | None] | None:
        """(bar, value of the split or None) at `scene_pos`: a click on a bar's row beyond
        the bar means the whole bar."""
        found = self.row_at(scene_pos)
        if found is None:
            return None
        index, x = found
        reached = 0
        for value, n in self._breakdown.bars[index].parts:
            reached += n
            if x < reached:
                return index, value if self._breakdown.split else None
        return index, None

    def describe(self, row: int, x: float) -> str:
        bar = self._breakdown.bars[row]
        parts = ", ".join(f"{n} {value}" for value, n in bar.parts) if self._breakdown.split else ""
        return f"{bar.value}: {counted(bar.total, 'claim')}" + (f" ({parts})" if parts else "")

    def filters(self, index: int, part: str | None = None) -> dict:
        """The filters of the "All claims" tab that list bar `index` (its `part`)."""
        breakdown = self._breakdown
        bar = breakdown.bars[index]
        if breakdown.by != "source":
            chosen = {breakdown.by: bar.value}
        else:
            chosen = {"actor_id": bar.actor_id} if bar.actor_id is not None else {"source": bar.value}
        if part is not None:
            chosen[breakdown.split] = part
        return chosen

    def bar_center(self, index: int, part: str | None = None):
        """Where bar `index` (its `part`) is drawn, in the plot widget's coordinates (for
        tests, automation)."""
        bar = self._breakdown.bars[index]
        start = 0
        for value, n in bar.parts:
            if value == part:
                break
            start += n
        width = dict(bar.parts)[part] if part is not None else bar.total
        return self.row_point(index, start + width / 2)

    def _draw(self) -> None:
        if self._plot is None or self._breakdown is None:
            return
        import pyqtgraph as pg

        plot, breakdown = self._plot, self._breakdown
        plot.clear()
        bars = breakdown.bars[: self.shown_rows()]
        self.note.setText(_note(breakdown, len(bars), self._listed))
        plot.setVisible(bool(bars))
        if not bars:
            return
        self._label_rows([bar.value for bar in bars])
        most = max(bar.total for bar in bars)
        plot.getAxis("bottom").setTickSpacing(*((1, 1) if most < 5 else ()))  # whole claims, not 0.5
        offsets = [0] * len(bars)
        for value in breakdown.split_values or ("",):
            rows = [(i, dict(bar.parts).get(value, 0)) for i, bar in enumerate(bars)]
            rows = [(i, n) for i, n in rows if n]
            if not rows:  # NOTE: a value of the bars left out only; pyqtgraph fails on no bars
                continue
            colors = [self._color(bars[i].value, value) for i, _ in rows]
            plot.addItem(
                pg.BarGraphItem(
                    x0=[offsets[i] for i, _ in rows],
                    y=[i for i, _ in rows],
                    height=0.7,
                    width=[n for _, n in rows],
                    brushes=colors,
                    pens=[pg.mkPen(color.darker(125)) for color in colors],
                )
            )
            for i, n in rows:
                offsets[i] += n
        if (row := self.outlined) is not None:
            outline = pg.mkPen("#1d2a33", width=3)
            plot.addItem(pg.BarGraphItem(x0=[0], y=[row], height=0.7, width=[bars[row].total], brush=None, pen=outline))
        plot.setYRange(-0.6, len(bars) - 0.4, padding=0)
        plot.setXRange(0, most * 1.05, padding=0)

    def _color(self, value: str, part: str) -> QColor:
        if part:
            return self._colors.get(part, QColor(BAR_COLOR))
        return self._colors.get(value, QColor(BAR_COLOR)) if self._breakdown.by == "category" else QColor(BAR_COLOR)

    def _fill_legend(self, values: tuple[str, ...]) -> None:
        while (item := self._legend_layout.takeAt(0)) is not None:
            item.widget().deleteLater()
        for value in values:
            chip = QLabel(value)
            chip.setTextFormat(Qt.TextFormat.PlainText)
            icon = swatch(self._colors.get(value, QColor(BAR_COLOR)).name())
            mark = QLabel()
            mark.setPixmap(icon.pixmap(12, 12))
            pair = QWidget()
            row = QHBoxLayout(pair)
            row.setContentsMargins(0, 0, 0, 0)
            row.setSpacing(4)
            row.addWidget(mark)
            row.addWidget(chip)
            self._legend_layout.addWidget(pair)
        self.legend.setVisible(bool(values))

    def _fill_splits(self) -> None:
        current = self.split_box.currentData() if self.split_box.count() else "status"
        choices = [field for field in _SPLIT_CHOICES if field != self.by_box.currentData()]
        self.split_box.blockSignals(True)
        self.split_box.clear()
        for field in choices:
            self.split_box.addItem(field or "nothing", field)
        index = self.split_box.findData(current)
        self.split_box.setCurrentIndex(index if index >= 0 else 0)
        self.split_box.blockSignals(False)

    def _on_by_changed(self) -> None:
        self._fill_splits()
        self._chosen = 0
        self.choice_changed.emit()

    def _on_scene_clicked(self, event) -> None:
        found = self.part_at(event.scenePos())
        if found is not None:
            self.claims_chosen.emit(self.filters(*found))


def _note(breakdown: Breakdown, shown: int, listed: bool) -> str:
    """What the chart counts, and what it leaves out (the first `shown` bars are drawn)."""
    if not breakdown.claims:
        return "No claims in the listed articles." if listed else "No claims yet."
    hidden = breakdown.bars[shown:]
    extra = []
    if breakdown.by == "source" and (left_out := breakdown.left_out + sum(bar.total for bar in hidden)):
        extra.append(f"{counted(left_out, 'claim')} of other sources not shown")
    elif hidden:
        extra.append(f"no room for {', '.join(bar.value for bar in hidden)}")
    if breakdown.unattributed:
        extra.append(f"{counted(breakdown.unattributed, 'claim')} with no source")
    text = f"{counted(breakdown.claims, 'claim')} {'in the listed articles' if listed else 'in the project'}"
    return text + (f"; {', '.join(extra)}." if extra else ".")
