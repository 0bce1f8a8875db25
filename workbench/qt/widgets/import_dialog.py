"""ImportDialog: an import's progress with a Cancel button, then its report, which the
user can read, select and copy. It does not block the window: reading goes on meanwhile.

The dialog imports nothing itself: it emits what the user asked for (cancel, name the
text column of tables), and the window acts on it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workbench.services.importing import ImportReport


class ImportDialog(QDialog):
    cancel_requested = Signal()
    columns_requested = Signal()  # the user wants to name the text column of tables

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle("Importing articles")
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # one dialog per import
        self.resize(560, 110)  # a line and a bar while it runs; the report makes it grow
        self.status = QLabel("Looking for files…")
        self.status.setObjectName("importStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # file names are not markup
        self.status.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setObjectName("importProgress")
        self.bar.setRange(0, 0)
        self.bar.setTextVisible(
            False
        )  # it moves by bytes read, the line above counts files: no "75%" beside "162 of 264"
        self.report_view = QPlainTextEdit()
        self.report_view.setObjectName("importReport")
        self.report_view.setAccessibleName("Import report")
        self.report_view.setReadOnly(True)
        self.report_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.report_view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.report_view.hide()

        self.buttons = QDialogButtonBox()
        self.cancel_button = self.buttons.addButton("Cancel", QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel_button.setObjectName("cancelImportButton")
        self.cancel_button.clicked.connect(self._on_cancel_clicked)
        self.copy_button = self.buttons.addButton("Copy Report", QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.setObjectName("copyReportButton")
        self.copy_button.clicked.connect(self.copy_report)
        self.columns_button = self.buttons.addButton("Choose Text Column…", QDialogButtonBox.ButtonRole.ActionRole)
        self.columns_button.setObjectName("chooseColumnsButton")
        self.columns_button.setToolTip("Name the column that holds the text, and import those tables")
        self.columns_button.clicked.connect(self.columns_requested)
        self.close_button: QPushButton = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.clicked.connect(self.accept)
        for button in (self.copy_button, self.columns_button, self.close_button):
            button.hide()

        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.bar)
        layout.addWidget(self.report_view, 1)
        layout.addWidget(self.buttons)

    @property
    def running(self) -> bool:
        return self.cancel_button.isVisible() and self.cancel_button.isEnabled()

    def set_progress(self, done: int, total: int, message: str) -> None:
        if total > 0:
            # NOTE: progress counts bytes, which can exceed what a QProgressBar's int holds.
            self.bar.setRange(0, 1000)
            self.bar.setValue(int(1000 * done / total))
        else:
            self.bar.setRange(0, 0)
        self.status.setText(message)

    def show_report(self, report: ImportReport) -> None:
        self.setWindowTitle("Import report")
        self.status.setText(report.summary())
        self._finish("\n".join(report.lines()))
        self.columns_button.setVisible(bool(report.tables_without_text_column))

    def show_failure(self, message: str) -> None:
        self.setWindowTitle("Import failed")
        self.status.setText("The import stopped; nothing of the file in hand was kept.")
        self._finish(message)

    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self.report_view.toPlainText())

    def reject(self) -> None:
        """Escape or the window's close button: cancel first while the import runs."""
        if self.running:
            self._on_cancel_clicked()
            return
        super().reject()

    def _finish(self, text: str) -> None:
        self.bar.setRange(0, 1)
        self.bar.setValue(1)
        self.bar.hide()
        self.report_view.setPlainText(text)
        self.report_view.show()
        self.resize(max(self.width(), 760), max(self.height(), 440))
        self.cancel_button.hide()
        self.copy_button.show()
        self.close_button.show()
        self.close_button.setDefault(True)

    def _on_cancel_clicked(self) -> None:
        self.cancel_button.setEnabled(False)
        self.status.setText("Cancelling… the file in hand is left out whole.")
        self.cancel_requested.emit()
