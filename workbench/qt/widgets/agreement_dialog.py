"""AgreementDialog: how far the project's analysts agree, pair by pair: the claims they
marked (span F1) and the category, stance, status and source they gave them (share of
paired claims, Cohen's κ, Krippendorff's α, Gwet's AC1); saved as CSV on request."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from workbench.core.agreement import MIN_OVERLAP, PairAgreement
from workbench.core.errors import WorkbenchError
from workbench.core.text import counted
from workbench.qt.messages import inform, plain_tip, warn
from workbench.qt.models.base import TableModel
from workbench.qt.widgets.tables import make_table
from workbench.services.agreement import agreement_rows, write_agreement_csv

EXPLANATION = (
    "Each pair of analysts is compared over the articles both made claims in. Their claims are paired when "
    f"they share {MIN_OVERLAP:.0%} or more of the text they cover: for the spans, agreement is the F1 of that "
    "pairing; for each field, the share of paired claims given the same value, with Cohen's κ, "
    "Krippendorff's α and Gwet's AC1, which discount the agreement chance alone would give (– where chance "
    "explains it all, as when every claim has the same status). Where one value is far more common than the "
    "others, κ and α fall low even when the analysts mostly agree; AC1 does not."
)


class AgreementModel(TableModel):
    headers = ("Analysts", "Articles", "Measure", "Compared", "Agreement", "κ", "α", "AC1", "Detail")

    def __init__(self, results: list[PairAgreement], parent=None):
        super().__init__(parent)
        self.rows = list(agreement_rows(results))

    def row_count(self) -> int:
        return len(self.rows)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        first, second, articles, measure, compared, share, kappa, alpha, ac1, detail = self.rows[index.row()]
        cells = (f"{first} · {second}", articles, measure, compared, share, kappa, alpha, ac1, detail)
        value = cells[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if isinstance(value, float):
                return f"{value:.0%}" if index.column() == 4 and measure != "spans" else f"{value:.2f}"
            return "–" if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and 1 <= index.column() <= 7 and index.column() != 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tip(detail or "")
        return None


class AgreementDialog(QDialog):
    def __init__(self, results: list[PairAgreement], suggested: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("agreementDialog")
        self.setWindowTitle("Agreement between analysts")
        self.results = results
        self.suggested = suggested
        self.model = AgreementModel(results, self)
        self.table = make_table("agreementTable", self.model, title="Agreement between analysts", stretch=8)
        explanation = QLabel(EXPLANATION)
        explanation.setObjectName("hint")
        explanation.setWordWrap(True)
        explanation.setTextFormat(Qt.TextFormat.PlainText)
        save = QPushButton("Save as CSV…")
        save.clicked.connect(self._on_save)
        close = QPushButton("Close")
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(save)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(explanation)
        layout.addLayout(buttons)
        self.resize(900, 420)

    def save(self, path: Path) -> int:
        return write_agreement_csv(path, self.results)

    def _on_save(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, "Save the agreement", str(self.suggested), "CSV files (*.csv)")
        if not name:
            return
        try:
            rows = self.save(Path(name))
        except WorkbenchError as exc:
            warn(self, "Agreement", str(exc))
            return
        inform(self, "Agreement", f"Wrote {counted(rows, 'row')} to {name}")
