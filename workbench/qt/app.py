"""Starting the GUI: application, style, window; the slow parts after the window is up."""

from __future__ import annotations

import gc
import logging
import os
import sys
import traceback
from pathlib import Path

from workbench import resources
from workbench.core.errors import WorkbenchError
from workbench.services.settings import data_dir, load_settings, save_settings

SCREENSHOT_TIMEOUT_MS = 180_000
log = logging.getLogger("workbench")


def run_gui(project: Path | None, *, screenshot: Path | None = None, exit_when_shown: bool = False) -> int:
    """Open `project` (default: the default project) in the main window; with
    `screenshot`, render the window to that PNG once entities are shown, and exit; with
    `exit_when_shown`, print "shown N" (N rows in the list) once the window is up, and exit."""
    if screenshot is not None and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # NOTE: start-up makes hundreds of thousands of objects (Qt's types and enums, ours)
    # and frees almost none: the cyclic collector, run over and over as they pile up,
    # would find nothing. It is back on once the window is up (_settle_start_up_objects).
    gc.disable()
    try:
        return _run(project, screenshot=screenshot, exit_when_shown=exit_when_shown)
    finally:
        gc.enable()


def _run(project: Path | None, *, screenshot: Path | None, exit_when_shown: bool) -> int:
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from workbench.qt import jobs
    from workbench.qt.main_window import DEFAULT_SIZE, MainWindow
    from workbench.services.projects import open_session

    _log_to_file()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Analyst Workbench")
    app.setOrganizationName("analyst-workbench")
    app.setDesktopFileName("analyst-workbench")
    app.setWindowIcon(QIcon(str(resources.file_path("icons/workbench.svg"))))
    apply_look(app)
    sys.excepthook = _show_unexpected_error

    settings = load_settings()
    try:
        session, _report = open_session(project)
    except WorkbenchError as exc:
        if screenshot is not None:
            raise
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Critical, "Analyst Workbench", str(exc))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()
        return 1
    window = MainWindow(session, settings)
    if screenshot is None and not exit_when_shown:
        window.restore_geometry()
    else:  # pictures and measurements of the usual window, whatever the (virtual) screen
        window.resize(DEFAULT_SIZE)
    window.show()
    _settle_start_up_objects()
    if exit_when_shown:
        # NOTE: queued before the deferred start-up work below, so it measures the window
        # coming up, as a bare script's window does (benchmarks/startup.py).
        QTimer.singleShot(0, lambda: _report_shown(app, window))
        code = app.exec()
        session.close()  # the window stays open: nothing else would close the project
        return code
    # The window is up: now the slow parts (pyqtgraph on a thread, then spaCy in its own process).
    QTimer.singleShot(0, window.chart.load_plot_in_background)
    QTimer.singleShot(0, window.start_analysis)
    if screenshot is not None:
        _take_screenshot_when_ready(app, window, screenshot)
    code = app.exec()
    jobs.ANALYSER.close()
    settings.last_project = str(session.path)
    save_settings(settings)
    return code


def apply_look(app) -> None:
    """The app's light look on every desktop. The style sheet gives panes, fields and tables
    light backgrounds and the highlights are pastel: a dark desktop's palette (Windows,
    GNOME and KDE in dark mode) would put its light text on them, unreadable. So the
    palette is Fusion's light one, and the style Fusion everywhere, as the app is tested."""
    app.setStyle("Fusion")
    app.setPalette(app.style().standardPalette())
    app.setStyleSheet(resources.read_text("style.qss"))


def _settle_start_up_objects() -> None:
    """The objects made so far (modules, Qt's types, the window) live as long as the app:
    moved out of the collector's sight, later collections, and the last one at exit, need
    not walk them again."""
    gc.freeze()
    gc.enable()


def _report_shown(app, window) -> None:
    print(f"shown {window.articles.model.rowCount()}", flush=True)
    app.exit(0)


def _take_screenshot_when_ready(app, window, path: Path) -> None:
    from PySide6.QtCore import QTimer

    def save() -> None:
        app.processEvents()
        if not window.grab().save(str(path)):
            print(f"workbench: error: cannot write the screenshot to {path}", file=sys.stderr)
            app.exit(1)
            return
        window.close()
        app.exit(0)

    window.analysis_finished.connect(lambda _result: QTimer.singleShot(400, save))
    QTimer.singleShot(SCREENSHOT_TIMEOUT_MS, save)


def _log_to_file() -> None:
    try:
        folder = data_dir()
        folder.mkdir(parents=True, exist_ok=True)
        logging.basicConfig(
            filename=folder / "workbench.log",
            level=logging.INFO,
            format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        )
    except OSError:
        pass


def _show_unexpected_error(kind, value, tb) -> None:
    """A bug in a slot must not kill the app or show a traceback: log it, say so plainly."""
    log.error("unexpected error:\n%s", "".join(traceback.format_exception(kind, value, tb)))
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QMessageBox

    if QApplication.instance() is None:
        return
    import sqlite3

    from workbench.store.project_store import database_problem

    # a full disk or a locked project is no bug, and what was not saved is not safe
    problem = database_problem(value) if isinstance(value, sqlite3.Error) else None
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        "Analyst Workbench",
        problem
        or f"Something went wrong: {kind.__name__}: {value}\n\nYour edits are safe: each is saved when made. "
        f"Details are in {data_dir() / 'workbench.log'}.",
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()
