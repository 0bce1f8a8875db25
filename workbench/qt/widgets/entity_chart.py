"""EntityChart: the most mentioned entities as a bar chart (pyqtgraph), for the corpus or
the open article. Clicking a bar asks for the articles that mention that entity.

pyqtgraph (with numpy) takes a quarter to half a second to import, so the chart is built
only after the window is shown, and the import runs on a thread of its own
(`load_plot_in_background`): on the GUI thread it froze the new window for that long.
Until then the chart shows a placeholder.
"""

from __future__ import annotations

import importlib
import logging
import os
import threading

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from workbench.core.model import EntityCount
from workbench.core.text import counted, shortened
from workbench.qt.collector import worker_threads_ended, worker_threads_started
from workbench.qt.messages import plain_tip
from workbench.qt.palette import label_style

CORPUS, ARTICLE = "corpus", "article"
NOTHING = {
    CORPUS: "No people, organisations, places or groups found in the corpus yet.",
    ARTICLE: "No people, organisations, places or groups found in this article.",
}


log = logging.getLogger(__name__)
_AXIS_PX = 40  # of a row chart's height, what the bottom axis and its label take
_ROW_GAP_PX = 3  # between two rows' labels, at the least
_LABEL_CHARS = 22  # of a row's label; the bar's tooltip has it whole


class RowChart(QWidget):
    """A chart of one bar per row, the first on top, clicked through `_on_scene_clicked` and
    worked from the keyboard: Tab to it, ↑ ↓ choose a bar (outlined while the chart has the
    focus: `_draw` asks `outlined`), Enter acts on it (`activate`). It draws the first
    `shown_rows()` rows: as many as the plot's height has room for."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._plot = None
        self._chosen = 0  # the bar ↑ ↓ move to
        self._shown = 0  # rows drawn

    def row_count(self) -> int:
        raise NotImplementedError

    def activate(self, row: int) -> None:
        raise NotImplementedError

    def _draw(self) -> None:
        raise NotImplementedError

    def _on_scene_clicked(self, event) -> None:
        found = self.row_at(event.scenePos())
        if found is not None:
            self.activate(found[0])

    def describe(self, row: int, x: float) -> str:
        """What the bar of `row` at `x` along it stands for, in full (its tooltip)."""
        raise NotImplementedError

    @property
    def plot_widget(self):
        return self._plot

    @property
    def outlined(self) -> int | None:
        """The chosen bar, while the chart has the focus."""
        self._chosen = max(0, min(self._chosen, self._shown - 1))
        return self._chosen if self._plot is not None and self._plot.hasFocus() else None

    def shown_rows(self) -> int:
        """How many rows to draw (for `_draw`): those that fit the plot with their labels apart
        — piled on one another in a short pane, or on a laptop at 200 %, none could be read."""
        self._shown = min(self.row_count(), self._fitting())
        return self._shown

    def _fitting(self) -> int:
        if self._plot is None or not self._plot.isVisible():
            return self.row_count()
        return max(3, (self._plot.height() - _AXIS_PX) // (self._label_metrics().height() + _ROW_GAP_PX))

    def _label_metrics(self) -> QFontMetrics:
        return QFontMetrics(self._plot.getAxis("left").style.get("tickFont") or self.font())

    def _make_plot(self, name: str, accessible_name: str, unit: str):
        plot = bar_plot(self, name, accessible_name, self._on_scene_clicked)
        plot.getPlotItem().invertY(True)
        plot.getPlotItem().showGrid(x=True, y=False, alpha=0.25)
        plot.setLabel("bottom", unit)
        # Labels are cut short (two sources may read "Ministry of Foreign A…"): the bar under
        # the pointer says what it is in full. NOTE: over a plot, Qt shows the tooltip of the
        # scene's item under the pointer, never the widget's.
        plot.scene().sigMouseMoved.connect(self._on_scene_hovered)
        return plot

    def _on_scene_hovered(self, scene_pos) -> None:
        found = self.row_at(scene_pos)
        self._plot.getPlotItem().setToolTip(plain_tip(self.describe(*found)) if found else self.toolTip())

    def _label_rows(self, names: list[str]) -> None:
        labels = [shortened(name, _LABEL_CHARS) for name in names]
        axis = self._plot.getAxis("left")
        axis.setTicks([list(enumerate(labels))])
        # NOTE: pyqtgraph does not widen the axis for long tick labels; it hides them instead.
        metrics = self._label_metrics()
        axis.setWidth(max((metrics.horizontalAdvance(t) for t in labels), default=0) + 16)

    def row_at(self, scene_pos) -> tuple[int, float] | None:
        """(row, position along the bars) at `scene_pos`: a click anywhere on a row counts."""
        if self._plot is None:
            return None
        point = self._plot.getPlotItem().vb.mapSceneToView(scene_pos)
        row = round(point.y())
        return (row, point.x()) if 0 <= row < self._shown and abs(point.y() - row) <= 0.45 else None

    def row_point(self, row: int, x: float) -> QPoint:
        """Where (`x` along the bars, `row`) is drawn, in the plot widget's coordinates."""
        from PySide6.QtCore import QPointF

        scene = self._plot.getPlotItem().vb.mapViewToScene(QPointF(x, row))
        return self._plot.mapFromScene(scene)

    def eventFilter(self, watched, event) -> bool:
        if watched is not self._plot or not self.row_count():
            return super().eventFilter(watched, event)
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            if min(self.row_count(), self._fitting()) != self._shown:
                self._draw()  # room for more rows, or for fewer
        elif event.type() in (QEvent.Type.FocusIn, QEvent.Type.FocusOut):
            self._draw()  # the chosen bar is outlined while the chart has the focus
        elif event.type() == QEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                step = 1 if event.key() == Qt.Key.Key_Down else -1
                self._chosen = max(0, min(self._shown - 1, self._chosen + step))
                self._draw()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
                self.activate(self._chosen)
                return True
        return super().eventFilter(watched, event)


class EntityChart(RowChart):
    entity_clicked = Signal(str, str)  # text, label
    scope_changed = Signal(str)  # CORPUS or ARTICLE
    _plotting_imported = Signal()  # from the importing thread, queued to this one

    BARS = 12

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("entityChart")
        self._counts: list[EntityCount] = []
        self._importing = False
        title = QLabel("Most mentioned")
        title.setObjectName("paneTitle")
        self.scope_box = QComboBox()
        self.scope_box.setObjectName("entityChartScope")
        self.scope_box.addItem("in the corpus", CORPUS)
        self.scope_box.addItem("in this article", ARTICLE)
        self.scope_box.currentIndexChanged.connect(lambda: self.scope_changed.emit(self.scope))
        header = QHBoxLayout()
        header.addWidget(title)
        header.addWidget(self.scope_box)
        header.addStretch(1)
        self._placeholder = QLabel("Loading the chart…")
        self._placeholder.setObjectName("hint")
        self._placeholder.setWordWrap(True)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(6, 6, 6, 6)
        self._layout.addLayout(header)
        self._layout.addWidget(self._placeholder, 1)
        self.setMinimumHeight(220)
        self.setToolTip("Click a bar (or choose one with ↑ ↓ and press Enter) to list the articles that mention it.")

    @property
    def scope(self) -> str:
        return self.scope_box.currentData()

    @property
    def counts(self) -> list[EntityCount]:
        return list(self._counts)

    def set_counts(self, counts: list[EntityCount]) -> None:
        self._counts = list(counts[: self.BARS])
        self._draw()

    def load_plot_in_background(self) -> None:
        """Import pyqtgraph on a thread, then build the plot here (call once the window is up)."""
        if self._plot is not None or self._importing:
            return
        self._importing = True
        worker_threads_started()  # the collector stays on this thread meanwhile
        self._plotting_imported.connect(self._on_plotting_imported)
        threading.Thread(target=self._import_plotting, name="workbench-chart", daemon=True).start()

    def _import_plotting(self) -> None:
        try:
            import_pyqtgraph()  # only imports: no Qt object is made there
        except Exception:  # noqa: BLE001 — ensure_plot imports it again, and says why it fails
            log.exception("importing pyqtgraph failed")
        try:
            self._plotting_imported.emit()
        except RuntimeError:  # the window closed meanwhile
            pass

    def _on_plotting_imported(self) -> None:
        worker_threads_ended()
        self.ensure_plot()

    def ensure_plot(self) -> None:
        """Import pyqtgraph (if it is not yet) and build the plot."""
        if self._plot is not None:
            return
        plot = self._make_plot("entityPlot", "Most mentioned entities", "mentions")
        self._layout.addWidget(plot, 1)
        follow_in_tab_order(self.scope_box, plot)
        self._plot = plot
        self._draw()

    def _draw(self) -> None:
        if self._plot is None:
            return
        import pyqtgraph as pg

        plot = self._plot
        plot.clear()
        counts = self._counts[: self.shown_rows()]
        self._label_rows([c.text for c in counts])
        # an empty grid reads as a broken chart: say there is nothing instead
        self._placeholder.setText(NOTHING[self.scope])
        self._placeholder.setVisible(not counts)
        plot.setVisible(bool(counts))
        if not counts:
            return
        most = max(c.mentions for c in counts)
        if most < 5:
            plot.getAxis("bottom").setTickSpacing(1, 1)  # whole mentions, not 0.2, 0.4 …
        else:
            plot.getAxis("bottom").setTickSpacing()  # pyqtgraph's own
        outlined = self.outlined
        bars = pg.BarGraphItem(
            x0=[0] * len(counts),
            y=list(range(len(counts))),
            height=0.7,
            width=[c.mentions for c in counts],
            brushes=[label_style(c.label).color for c in counts],
            pens=[
                pg.mkPen("#1d2a33", width=3) if i == outlined else label_style(c.label).color.darker(130)
                for i, c in enumerate(counts)
            ],
        )
        plot.addItem(bars)
        plot.setYRange(-0.6, len(counts) - 0.4, padding=0)
        plot.setXRange(0, most * 1.05, padding=0)

    def row_count(self) -> int:
        return len(self._counts)

    def activate(self, row: int) -> None:
        count = self._counts[row]
        self.entity_clicked.emit(count.text, count.label)

    def describe(self, row: int, x: float) -> str:
        count = self._counts[row]
        return f"{count.text} ({label_style(count.label).name}): {counted(count.mentions, 'mention')}"

    def bar_center(self, index: int) -> QPoint:
        """Where bar `index` is drawn, in the plot widget's coordinates (for tests, automation)."""
        return self.row_point(index, self._counts[index].mentions / 2)


def bar_plot(owner: QWidget, name: str, accessible_name: str, on_click):
    """A fixed bar chart (no zooming, panning or menu) clicked through `on_click` (a scene
    click) and worked from the keyboard through `owner`'s event filter."""
    pg = import_pyqtgraph()
    pg.setConfigOptions(antialias=True, background="w", foreground="#1d2a33")
    plot = pg.PlotWidget()
    plot.setObjectName(name)
    plot.setAccessibleName(accessible_name)
    plot.setMenuEnabled(False)
    plot.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    plot.installEventFilter(owner)
    plot.setMouseEnabled(x=False, y=False)
    plot.hideButtons()
    # A right-click, or a double-click's second click, is no choice of a bar.
    plot.scene().sigMouseClicked.connect(
        lambda event: on_click(event) if event.button() == Qt.MouseButton.LeftButton and not event.double() else None
    )
    return plot


def place_plot(layout: QVBoxLayout, plot, at: int) -> None:
    """Put `plot` where the stretch at `at` held its place. A stretch at the end then takes
    the plot's room while it is hidden (nothing to draw): else the texts above float mid-pane."""
    layout.insertWidget(at, plot, 1)
    layout.takeAt(at + 1)
    layout.addStretch(0)


def follow_in_tab_order(before: QWidget, plot) -> None:
    """Tab goes from `before` (the chart's last control, or the chart itself when it has
    none: then from whatever Tab reaches before the chart) to `plot`."""
    # NOTE: a plot is built once the window is up, and a widget added then comes last in
    # the window's Tab order (after the claim panel), not in the chart it belongs to.
    while not before.focusPolicy() & Qt.FocusPolicy.TabFocus:  # ends at the plot at the latest
        before = before.previousInFocusChain()  # Qt orders only widgets that take the focus
    QWidget.setTabOrder(before, plot)


def import_pyqtgraph():
    os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")  # NOTE: else it may pick PyQt6 first
    return importlib.import_module("pyqtgraph")


if __name__ == "__main__":
    from workbench.qt.widgets.preview import preview_entity_chart

    raise SystemExit(preview_entity_chart())
