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
from workbench.qt.collector import worker_threads_ended, worker_threads_started
from workbench.qt.palette import label_style

CORPUS, ARTICLE = "corpus", "article"
NOTHING = {
    CORPUS: "No people, organisations, places or groups found in the corpus yet.",
    ARTICLE: "No people, organisations, places or groups found in this article.",
}


log = logging.getLogger(__name__)


class EntityChart(QWidget):
    entity_clicked = Signal(str, str)  # text, label
    scope_changed = Signal(str)  # CORPUS or ARTICLE
    _plotting_imported = Signal()  # from the importing thread, queued to this one

    BARS = 12

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("entityChart")
        self._counts: list[EntityCount] = []
        self._plot = None
        self._importing = False
        self._chosen = 0  # the bar ↑ ↓ move to, outlined while the chart has the focus
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
        # From the keyboard: Tab to it, ↑ ↓ choose a bar (outlined), Enter lists its articles.
        plot = bar_plot(self, "entityPlot", "Most mentioned entities", self._on_scene_clicked)
        plot.getPlotItem().invertY(True)
        plot.getPlotItem().showGrid(x=True, y=False, alpha=0.25)
        plot.setLabel("bottom", "mentions")
        self._layout.addWidget(plot, 1)
        self._plot = plot
        self._draw()

    def _draw(self) -> None:
        if self._plot is None:
            return
        import pyqtgraph as pg

        plot = self._plot
        plot.clear()
        counts = self._counts
        axis = plot.getAxis("left")
        labels = [_short(c.text) for c in counts]
        axis.setTicks([list(enumerate(labels))])
        # NOTE: pyqtgraph does not widen the axis for long tick labels; it hides them instead.
        metrics = QFontMetrics(axis.style.get("tickFont") or self.font())
        axis.setWidth(max((metrics.horizontalAdvance(t) for t in labels), default=0) + 16)
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
        self._chosen = min(self._chosen, len(counts) - 1)
        outlined = self._chosen if plot.hasFocus() else None
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

    def bar_at(self, scene_pos) -> int | None:
        """Index of the bar on the row at `scene_pos` (a click anywhere on its row counts)."""
        if self._plot is None or not self._counts:
            return None
        view = self._plot.getPlotItem().vb
        point = view.mapSceneToView(scene_pos)
        index = round(point.y())
        return index if 0 <= index < len(self._counts) and abs(point.y() - index) <= 0.45 else None

    def bar_center(self, index: int) -> QPoint:
        """Where bar `index` is drawn, in the plot widget's coordinates (for tests, automation)."""
        view = self._plot.getPlotItem().vb
        from PySide6.QtCore import QPointF

        scene = view.mapViewToScene(QPointF(self._counts[index].mentions / 2, index))
        return self._plot.mapFromScene(scene)

    @property
    def plot_widget(self):
        return self._plot

    def eventFilter(self, watched, event) -> bool:
        if watched is not self._plot or not self._counts:
            return super().eventFilter(watched, event)
        if event.type() in (QEvent.Type.FocusIn, QEvent.Type.FocusOut):
            self._draw()  # the chosen bar is outlined while the chart has the focus
        elif event.type() == QEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                step = 1 if event.key() == Qt.Key.Key_Down else -1
                self._chosen = max(0, min(len(self._counts) - 1, self._chosen + step))
                self._draw()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
                count = self._counts[self._chosen]
                self.entity_clicked.emit(count.text, count.label)
                return True
        return super().eventFilter(watched, event)

    def _on_scene_clicked(self, event) -> None:
        index = self.bar_at(event.scenePos())
        if index is not None:
            count = self._counts[index]
            self.entity_clicked.emit(count.text, count.label)


def _short(text: str, limit: int = 22) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


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
    plot.scene().sigMouseClicked.connect(on_click)
    return plot


def import_pyqtgraph():
    os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")  # NOTE: else it may pick PyQt6 first
    return importlib.import_module("pyqtgraph")


if __name__ == "__main__":
    from workbench.qt.widgets.preview import preview_entity_chart

    raise SystemExit(preview_entity_chart())
