"""CoverageChart: how many of the listed articles are dated in each month, as bars
(pyqtgraph) — the coverage over time of what the article list is filtered to (words, an
entity), or of the whole corpus. Months without an article are drawn empty, so the axis is
time. Clicking a bar narrows the list to its month (`period_clicked`).

The plot is built the first time the chart is shown: pyqtgraph is imported by then (the
entity chart imports it once the window is up).
"""

from __future__ import annotations

import re
from collections import Counter

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from workbench.core.text import counted
from workbench.qt.widgets.entity_chart import bar_plot, follow_in_tab_order, place_plot

BAR_COLOR = "#5b8db8"
CHOSEN_COLOR = "#1f4e79"  # the bar of the period the list is narrowed to
_MAX_TICKS = 8  # labels along the axis, at most
_MAX_YEARS_BY_MONTH = 30
_MONTH = re.compile(r"\d{4}-\d{2}")


class CoverageChart(QWidget):
    period_clicked = Signal(str)  # "2024-03", or "2024" when the bars are years

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("coverageChart")
        self._bars: list[tuple[str, int]] = []  # every month (or year) from the first to the last
        self._plot = None
        self._chosen: str | None = None
        self.title = QLabel("Articles per month")
        self.title.setObjectName("paneTitle")
        self.note = QLabel()
        self.note.setObjectName("hint")
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(6, 6, 6, 6)
        self._layout.addWidget(self.title)
        self._layout.addWidget(self.note)
        self._layout.addStretch(1)
        self.setToolTip(
            "Articles of the list, by the month of their date. Click a bar (or choose one with ← → and press "
            "Enter) to list its articles."
        )

    @property
    def bars(self) -> list[tuple[str, int]]:
        """What the bars show: (month or year, articles)."""
        return list(self._bars)

    def set_months(
        self, months: list[tuple[str, int]], undated: int, *, filtered: bool, chosen: str | None = None
    ) -> None:
        """Counts per month ("2024-03", n) in date order, the articles without a date, and
        the period the list is narrowed to (its bar is darker)."""
        self._bars, unit = time_bins(months)
        self._chosen = chosen
        self.title.setText(f"Articles per {unit}")
        dated = sum(n for _, n in months)
        which = "of the list" if filtered else "in the project"
        if not months and not undated:
            self.note.setText("No article in the list." if filtered else "No articles yet.")
        elif not months:
            self.note.setText(f"{counted(undated, 'article')} {which}, none with a date.")
        else:
            first, last = months[0][0], months[-1][0]
            span = first if first == last else f"{first} to {last}"
            text = f"{counted(dated, 'article')} {which}, {span}"
            self.note.setText(text + (f"; {counted(undated, 'article')} without a date." if undated else "."))
        self._draw()

    def ensure_plot(self) -> None:
        if self._plot is not None:
            return
        # From the keyboard: Tab to it, ← → choose a bar (darker), Enter lists its articles.
        plot = bar_plot(self, "coveragePlot", "Articles per month", self._on_scene_clicked)
        plot.getPlotItem().showGrid(x=False, y=True, alpha=0.25)
        plot.setLabel("left", "articles")
        place_plot(self._layout, plot, 2)
        follow_in_tab_order(self, plot)  # it has no control of its own before the plot
        self._plot = plot
        self._draw()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.ensure_plot()

    def _draw(self) -> None:
        if self._plot is None:
            return
        import pyqtgraph as pg

        plot, months = self._plot, self._bars
        plot.clear()
        plot.setVisible(bool(months))
        if not months:
            return
        step = max(1, -(-len(months) // _MAX_TICKS))
        if len(months[0][0]) == 7 and step >= 12:  # years of months: Januaries, labelled by year
            ticks = [(i, m[:4]) for i, (m, _) in enumerate(months) if m.endswith("-01")][:: step // 12]
        else:
            ticks = [(i, m) for i, (m, _) in enumerate(months)][::step]
        plot.getAxis("bottom").setTicks([ticks])
        most = max(n for _, n in months)
        if most < 5:
            plot.getAxis("left").setTickSpacing(1, 1)  # whole articles, not 0.5
        else:
            plot.getAxis("left").setTickSpacing()
        colors = [CHOSEN_COLOR if name == self._chosen else BAR_COLOR for name, _ in months]
        plot.addItem(
            pg.BarGraphItem(
                x=list(range(len(months))),
                height=[n for _, n in months],
                width=0.8,
                brushes=colors,
                pens=[pg.mkPen(color) for color in colors],
            )
        )
        plot.setXRange(-0.6, len(months) - 0.4, padding=0)
        plot.setYRange(0, most * 1.08, padding=0)

    def month_at(self, scene_pos) -> int | None:
        """Index of the month whose column holds `scene_pos`."""
        if self._plot is None or not self._bars:
            return None
        x = self._plot.getPlotItem().vb.mapSceneToView(scene_pos).x()
        index = round(x)
        return index if 0 <= index < len(self._bars) else None

    def eventFilter(self, watched, event) -> bool:
        if watched is self._plot and self._bars and event.type() == QEvent.Type.KeyPress:
            names = [name for name, _ in self._bars]
            at = names.index(self._chosen) if self._chosen in names else len(names) - 1
            if event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right):
                step = 1 if event.key() == Qt.Key.Key_Right else -1
                self._chosen = names[max(0, min(len(names) - 1, at + step))]
                self._draw()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
                self.period_clicked.emit(names[at])
                return True
        return super().eventFilter(watched, event)

    def bar_center(self, index: int):
        """Where bar `index` is drawn, in the plot widget's coordinates (for tests, automation)."""
        from PySide6.QtCore import QPointF

        scene = self._plot.getPlotItem().vb.mapViewToScene(QPointF(index, self._bars[index][1] / 2))
        return self._plot.mapFromScene(scene)

    @property
    def plot_widget(self):
        return self._plot

    def _on_scene_clicked(self, event) -> None:
        index = self.month_at(event.scenePos())
        if index is not None:
            self.period_clicked.emit(self._bars[index][0])


def time_bins(months: list[tuple[str, int]]) -> tuple[list[tuple[str, int]], str]:
    """Bars for counts per month ("2024-03", n) in date order: every month from the first to
    the last (those without articles at 0), or every year when that is more than 30 years
    of months (a stray date far back should not make thousands of bars). Returns the bars
    and their unit, "month" or "year". A value not of the form YYYY-MM is left out."""
    valid = [(m, n) for m, n in months if _MONTH.fullmatch(m) and 1 <= int(m[5:]) <= 12]
    if not valid:
        return [], "month"
    first, last = valid[0][0], valid[-1][0]
    years = range(int(first[:4]), int(last[:4]) + 1)
    if len(years) > _MAX_YEARS_BY_MONTH:
        per_year = Counter()
        for month, n in valid:
            per_year[month[:4]] += n
        return [(f"{year:04d}", per_year[f"{year:04d}"]) for year in years], "year"
    counts = dict(valid)
    keys = [f"{year:04d}-{month:02d}" for year in years for month in range(1, 13)]
    return [(key, counts.get(key, 0)) for key in keys if first <= key <= last], "month"


def period_dates(period: str) -> tuple[str, str]:
    """A month ("2024-03") or a year ("2024") as the dates it spans: (first, after), ISO
    prefixes, the first included."""
    year = int(period[:4])
    if len(period) == 4:
        return period, f"{year + 1:04d}"
    month = int(period[5:7])
    return period, f"{year + 1:04d}-01" if month == 12 else f"{year:04d}-{month + 1:02d}"
