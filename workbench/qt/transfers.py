"""Transfers: moving data in and out of the project in the background — importing articles
(files, folders, archives, tables), exporting the dataset, importing annotations — each
with its dialog, progress and report."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from workbench.qt import jobs
from workbench.qt.tasks import IO_LANE

if TYPE_CHECKING:
    from workbench.ingest.tables import ColumnChoice
    from workbench.qt.main_window import MainWindow
    from workbench.qt.widgets.column_mapping import ColumnMappingDialog
    from workbench.qt.widgets.export_dialog import ExportRequest
    from workbench.qt.widgets.import_dialog import ImportDialog
    from workbench.services.importing import ImportReport

# NOTE: the dialogs and the services behind them are imported on first use: importing them
# all before the window appears would cost it a noticeable part of its start-up.


class Transfers:
    def __init__(self, window: MainWindow):
        self.window = window
        self.import_dialog: ImportDialog | None = None
        self._import_task = None
        self.column_dialog: ColumnMappingDialog | None = None

    # -- importing articles --------------------------------------------------------------

    def ask_files(self) -> None:
        from workbench.ingest.formats import SUPPORTED_SUFFIXES

        patterns = " ".join(f"*{suffix}" for suffix in SUPPORTED_SUFFIXES)
        paths, _ = QFileDialog.getOpenFileNames(
            self.window, "Import articles", "", f"Articles ({patterns});;All files (*)"
        )
        if paths:
            self.import_paths([Path(p) for p in paths])

    def ask_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.window, "Import a folder of articles")
        if folder:
            self.import_paths([Path(folder)])

    def ask_archive(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window, "Import a zip archive of articles", "", "Zip archives (*.zip)"
        )
        if path:
            self.import_paths([Path(path)])

    def ask_table(self) -> None:
        from workbench.ingest.tables import TABLE_SUFFIXES

        patterns = " ".join(f"*{suffix}" for suffix in TABLE_SUFFIXES)
        path, _ = QFileDialog.getOpenFileName(self.window, "Import a table of articles", "", f"Tables ({patterns})")
        if path:
            self.choose_columns([Path(path)])

    def choose_columns(self, tables: list[Path]) -> None:
        """Show the first table's rows, let the user say which column holds what, then
        import every table in `tables` with that choice."""
        self.window.runner.submit(
            IO_LANE,
            "Reading the table",
            jobs.read_table_preview,
            tables[0],
            on_done=lambda preview: self._on_table_preview_read(preview, tables),
            on_error=lambda message: self.window.warn("Cannot read the table", message),
        )

    def _on_table_preview_read(self, preview, tables: list[Path]) -> None:
        from workbench.qt.widgets.column_mapping import ColumnMappingDialog

        self.window.say(f"Choose the columns of {preview.path.name}.")
        dialog = ColumnMappingDialog(preview, others=len(tables) - 1, parent=self.window)
        dialog.accepted.connect(lambda: self.import_paths(tables, columns=dialog.choice()))
        dialog.open()
        self.column_dialog = dialog

    def import_paths(self, paths: list[Path], *, columns: ColumnChoice | None = None) -> ImportDialog:
        """Import files, folders and archives in the background (`columns`: the columns of
        tables; default: found by their names), with a progress dialog that becomes the
        report; returns the dialog."""
        from workbench.ingest.tables import BY_NAME
        from workbench.qt.widgets.import_dialog import ImportDialog

        w = self.window
        dialog = ImportDialog(w)
        task = w.runner.submit(
            IO_LANE,
            "Importing",
            jobs.import_files,
            w.session.path,
            paths,
            BY_NAME if columns is None else columns,
            on_done=lambda report: self._on_import_done(dialog, report),
            on_error=lambda message: self._on_import_failed(dialog, message),
        )
        progressed = w.runner.task_progressed

        def on_progress(task_id: int, done: int, total: int, message: str) -> None:
            if task_id == task.id:
                dialog.set_progress(done, total, message)

        progressed.connect(on_progress)
        dialog.finished.connect(lambda _result: progressed.disconnect(on_progress))
        dialog.cancel_requested.connect(lambda: w.runner.cancel(task.id))
        dialog.show()
        self.import_dialog = dialog
        self._import_task = task
        return dialog

    def project_closing(self) -> None:
        """The open project is closing: an import still running into it stops, and its
        dialog says so (its report would otherwise be applied to the next project)."""
        task, dialog = self._import_task, self.import_dialog
        if task is not None and dialog is not None and task in self.window.runner.running():
            dialog.show_failure(
                f"The import into {self.window.session.path.name} stopped when another project was opened. "
                "The files imported until then are in it; importing the same files again adds the rest."
            )

    def _on_import_done(self, dialog: ImportDialog, report: ImportReport) -> None:
        w = self.window
        w.apply(report.changes)
        w.say(f"Import: {report.summary()}")
        dialog.show_report(report)
        tables = [Path(o.path) for o in report.tables_without_text_column]
        dialog.columns_requested.connect(lambda: self.choose_columns(tables))
        if report.changes.articles_added:
            w.start_analysis()

    def _on_import_failed(self, dialog: ImportDialog, message: str) -> None:
        self.window.say(f"Import failed: {message}")
        dialog.show_failure(message)

    # -- exporting -----------------------------------------------------------------------

    def ask_export(self) -> None:
        from workbench.qt.widgets.export_dialog import ExportDialog
        from workbench.services.exporting import claim_analysts

        w = self.window
        session = w.session
        claims = session.claims()
        dialog = ExportDialog(
            suggested=session.path.with_name(session.path.stem + "-claims.csv"),
            # The schema's order, then any value only claims still use.
            categories=list(dict.fromkeys([*session.schema.category_names, *(c.category for c in claims)])),
            statuses=list(dict.fromkeys([*session.schema.statuses, *(c.status for c in claims)])),
            analysts=claim_analysts(claims, session.analyst),
            listed=w.articles.model.article_ids(),
            open_article=w.article.id if w.article else None,
            parent=w,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.export(dialog.request()))
        dialog.open()

    def export_csv(self, path: Path, *, raw: bool = False) -> None:
        from workbench.qt.widgets.export_dialog import ExportRequest
        from workbench.services.exporting import ExportFilter

        self.export(ExportRequest(path, "csv", ExportFilter(), raw=raw, per_mention=False))

    def export(self, request: ExportRequest) -> None:
        w = self.window
        options = {
            "format": request.format,
            "selection": request.selection,
            "raw": request.raw,
            "per_mention": request.per_mention,
            "analyst": w.session.analyst,
        }
        w.runner.submit(
            IO_LANE,
            "Exporting",
            jobs.export,
            w.session.path,
            request.path,
            options,
            on_done=lambda result: w.say(result.message()),
            on_error=lambda message: w.warn("Export failed", message),
        )

    # -- importing annotations -----------------------------------------------------------

    def ask_annotations(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window,
            "Import annotations",
            "",
            "Annotations (*.csv *.jsonl *.ndjson *.jsonld *.json);;All files (*)",
        )
        if path:
            self.import_annotations(Path(path))

    def import_annotations(self, path: Path, *, raw: bool | None = None) -> None:
        """Read and place the file's claims in the background, then add them as one undoable step."""
        w = self.window
        w.runner.submit(
            IO_LANE,
            "Importing annotations",
            jobs.plan_annotations,
            w.session.path,
            path,
            raw,
            on_done=self._on_annotations_planned,
            on_error=lambda message: w.warn("Import failed", message),
        )

    def _on_annotations_planned(self, plan) -> None:
        if plan is None:
            return
        from workbench.services.annotation_import import apply_annotation_import

        w = self.window
        w.apply(apply_annotation_import(w.session, plan))
        report = plan.report
        w.say(f"Annotations: {report.summary()}")
        box = QMessageBox(QMessageBox.Icon.Information, "Annotations imported", report.summary(), parent=w)
        box.setObjectName("annotationImportReport")
        box.setTextFormat(Qt.TextFormat.PlainText)
        if len(report.lines()) > 1:
            box.setDetailedText("\n".join(report.lines()))
        box.open()
        w.annotations_imported.emit(report)
