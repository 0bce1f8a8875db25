"""ExportDialog: where to, in which format, and which part of the dataset.

The dialog only gathers choices; the window passes them to the export service.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from workbench.core.text import counted
from workbench.export.safety import destination_problem
from workbench.services.exporting import DESCRIPTIONS, FORMATS, SUFFIXES, ExportFilter

ALL_ARTICLES, LISTED_ARTICLES, OPEN_ARTICLE = "all", "listed", "open"


@dataclass(frozen=True)
class ExportRequest:
    path: Path
    format: str
    selection: ExportFilter
    raw: bool
    per_mention: bool


class ExportDialog(QDialog):
    def __init__(
        self,
        *,
        suggested: Path,
        categories: list[str],
        statuses: list[str],
        analysts: list[str],
        listed: list[int],
        open_article: int | None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle("Export")
        self._listed, self._open_article = listed, open_article

        self.format = QComboBox(objectName="exportFormat")
        for name in FORMATS:
            self.format.addItem(DESCRIPTIONS[name], name)
        self._folder = suggested.parent  # where a name typed without a folder goes
        self.path = QLineEdit(str(suggested), objectName="exportPath")
        browse = QPushButton("Browse…", objectName="exportBrowse")
        browse.clicked.connect(self._on_browse_clicked)
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(browse)
        self.raw = QCheckBox("Exact values, without spreadsheet protection", objectName="exportRaw")
        self.raw.setToolTip("Cells starting with = + - @ are otherwise written with a leading apostrophe.")
        self.per_mention = QCheckBox("One row per entity mention inside a claim", objectName="exportPerMention")

        self.scope = {
            ALL_ARTICLES: QRadioButton("All articles"),
            LISTED_ARTICLES: QRadioButton(f"The {counted(len(listed), 'article')} in the list"),
            OPEN_ARTICLE: QRadioButton("The open article"),
        }
        self.scope[ALL_ARTICLES].setChecked(True)
        self.scope[OPEN_ARTICLE].setEnabled(open_article is not None)
        self.scope[LISTED_ARTICLES].setEnabled(bool(listed))  # none listed would read as no limit
        scope = QVBoxLayout()
        for key, button in self.scope.items():
            button.setObjectName(f"exportScope_{key}")
            scope.addWidget(button)
        self.categories = _checklist("exportCategories", categories)
        self.statuses = _checklist("exportStatuses", statuses)
        self.analysts = _checklist("exportAnalysts", analysts)

        form = QFormLayout()
        form.addRow("Format", self.format)
        file_label = QLabel("File")
        file_label.setBuddy(self.path)
        form.addRow(file_label, where)
        form.addRow("", self.raw)
        form.addRow("", self.per_mention)
        form.addRow("Articles", scope)
        form.addRow("Categories", self.categories)
        form.addRow("Statuses", self.statuses)
        if analysts:
            form.addRow("Analysts", self.analysts)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Export")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.error = QLabel(objectName="exportError")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setStyleSheet("color: #b00020")
        self.error.hide()
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addWidget(self.error)
        column.addWidget(buttons)
        self.format.currentIndexChanged.connect(self._on_format_changed)
        self._on_format_changed()

    def request(self) -> ExportRequest:
        """What the user chose."""
        articles = {
            ALL_ARTICLES: (),
            LISTED_ARTICLES: self._listed,
            OPEN_ARTICLE: [self._open_article] if self._open_article is not None else [],
        }[next(key for key, button in self.scope.items() if button.isChecked())]
        selection = ExportFilter(
            frozenset(articles), _checked(self.categories), _checked(self.statuses), _checked(self.analysts)
        )
        kind = self.format.currentData()
        return ExportRequest(
            self._chosen_path(),
            kind,
            selection,
            raw=kind == "csv" and self.raw.isChecked(),
            per_mention=kind == "csv" and self.per_mention.isChecked(),
        )

    def accept(self) -> None:
        empty = [
            label
            for label, widget in (("category", self.categories), ("status", self.statuses), ("analyst", self.analysts))
            if widget.count()
            and not any(widget.item(r).checkState() == Qt.CheckState.Checked for r in range(widget.count()))
        ]
        if not self.path.text().strip():
            problem = "Choose a file to export to."
        else:
            problem = f"Check at least one {empty[0]}." if empty else destination_problem(self._chosen_path())
        if problem:
            self.error.setText(problem)
            self.error.show()
            return
        super().accept()

    def _chosen_path(self) -> Path:
        """The typed path, "~" expanded, a bare name put in the suggested folder."""
        path = Path(self.path.text().strip()).expanduser()
        return path if path.is_absolute() else self._folder / path

    def _on_format_changed(self) -> None:
        kind = self.format.currentData()
        self.raw.setEnabled(kind == "csv")
        self.per_mention.setEnabled(kind == "csv")
        path = Path(self.path.text().strip())
        if path.name:
            self.path.setText(str(path.with_suffix(SUFFIXES[kind])))

    def _on_browse_clicked(self) -> None:
        kind = self.format.currentData()
        path, _ = QFileDialog.getSaveFileName(
            self, "Export to", self.path.text(), f"{DESCRIPTIONS[kind]} (*{SUFFIXES[kind]});;All files (*)"
        )
        if path:
            self.path.setText(path)


def _checklist(name: str, values: list[str]) -> QListWidget:
    """Every value checked: nothing is left out until the user unchecks it."""
    widget = QListWidget(objectName=name)
    for value in values:
        item = QListWidgetItem(value)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked)
        widget.addItem(item)
    widget.setMaximumHeight(24 + 20 * min(len(values), 5))
    return widget


def _checked(widget: QListWidget) -> frozenset[str]:
    """The checked values, or none (no limit) when every value is checked."""
    items = [widget.item(row) for row in range(widget.count())]
    checked = frozenset(i.text() for i in items if i.checkState() == Qt.CheckState.Checked)
    return frozenset() if len(checked) == len(items) else checked


if __name__ == "__main__":
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    dialog = ExportDialog(
        suggested=Path.home() / "claims.csv",
        categories=["Event", "Statistic", "Intent"],
        statuses=["unverified", "corroborated"],
        analysts=["Ann"],
        listed=[1, 2, 3],
        open_article=1,
    )
    dialog.show()
    app.exec()
