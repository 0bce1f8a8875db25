"""PreferencesDialog: the analyst's name (recorded on claims and their history) and the
spaCy pipeline to prefer."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workbench.services.settings import Settings


class PreferencesDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle("Preferences")
        self.analyst = QLineEdit(settings.analyst)
        self.analyst.setObjectName("analystName")
        self.analyst.setPlaceholderText("Your name, as it should appear on claims")
        self.pipeline = QLineEdit(settings.pipeline or "")
        self.pipeline.setObjectName("pipelineName")
        self.pipeline.setPlaceholderText("default: the installed English pipeline")
        browse = QPushButton("Folder…")
        browse.clicked.connect(self._on_browse)
        pipeline_row = QHBoxLayout()
        pipeline_row.addWidget(self.pipeline, 1)
        pipeline_row.addWidget(browse)
        form = QFormLayout()
        form.addRow("&Analyst name", self.analyst)
        pipeline_label = QLabel("spaCy &pipeline")
        pipeline_label.setBuddy(self.pipeline)
        form.addRow(pipeline_label, pipeline_row)
        hint = QLabel(
            "A pipeline is a package name (en_core_web_sm) or a folder; it is used from the next analysis on."
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.resize(480, 160)

    def apply_to(self, settings: Settings) -> None:
        settings.analyst = " ".join(self.analyst.text().split())
        settings.pipeline = self.pipeline.text().strip() or None

    def _on_browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "spaCy pipeline folder")
        if folder:
            self.pipeline.setText(folder)
