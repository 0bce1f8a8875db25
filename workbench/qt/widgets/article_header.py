"""ArticleHeader: the open article's title and details, where each came from, its
near-duplicates, and an in-place form to correct the title, date and source site.

The header edits nothing itself: it emits what the user asked for, and the window passes
it to the session. Everything shown comes from files, so every label is plain text.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from workbench.core.model import Article
from workbench.core.text import counted, shortened
from workbench.nlp.language import pipeline_reads

_SHOWN_CHARS = 60  # of a title or a value as imported, quoted in the header and its menu


class ArticleHeader(QWidget):
    correction_requested = Signal(int, dict)  # article id, {field: new value}
    article_requested = Signal(int)  # a near-duplicate the user wants to read

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("articleHeader")
        self._article: Article | None = None
        self.heading = _plain_label("articleHeading")
        self.meta = _plain_label("articleMeta")
        self.origins = _plain_label("articleOrigins")
        self.correct_button = QToolButton()
        self.correct_button.setObjectName("correctArticleButton")
        self.correct_button.setText("Correct…")
        self.correct_button.setToolTip("Correct the title, date and source site (F2)")
        self.correct_button.clicked.connect(self.start_editing)
        self.similar_button = QToolButton()
        self.similar_button.setObjectName("nearDuplicatesButton")
        self.similar_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.similar_button.setMenu(QMenu(self.similar_button))
        self.similar_button.hide()

        self.title_edit = QLineEdit(objectName="titleEdit")
        self.date_edit = QLineEdit(objectName="dateEdit", placeholderText="e.g. 2024-01-14 (empty: no date)")
        self.site_edit = QLineEdit(objectName="siteEdit", placeholderText="the publication or web site")
        save = QPushButton("Save")
        save.setObjectName("saveCorrectionButton")
        save.clicked.connect(self._on_save_clicked)
        cancel = QPushButton("Cancel")
        cancel.clicked.connect(self.stop_editing)
        for edit in (self.title_edit, self.date_edit, self.site_edit):
            edit.returnPressed.connect(self._on_save_clicked)
        self.form = QWidget(objectName="correctionForm")
        fields = QFormLayout(self.form)
        fields.setContentsMargins(0, 0, 0, 0)
        fields.addRow("Title", self.title_edit)
        fields.addRow("Date", self.date_edit)
        fields.addRow("Source site", self.site_edit)
        self.form_error = _plain_label("correctionError")
        self.form_error.setStyleSheet("color: #b00020")
        self.form_error.hide()
        fields.addRow(self.form_error)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(save)
        fields.addRow(buttons)
        self.form.hide()
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self.form, self.stop_editing)

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.heading, 1)
        top.addWidget(self.similar_button, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.correct_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.form)
        layout.addWidget(self.meta)
        layout.addWidget(self.origins)

    def show_article(
        self, article: Article | None, *, analysed: tuple[str, str] | None = None, similar=(), hidden: int = 0
    ) -> None:
        """Show `article` (None: no article; `hidden`: how many the list's filters hide),
        the model that found its entities, and the (id, title, similarity) of its
        near-duplicates."""
        self.stop_editing()
        self._article = article
        self.correct_button.setEnabled(article is not None)
        if article is None:
            self.heading.setText("No article open")
            self.meta.setText(
                f"The list's filters hide all {counted(hidden, 'article')}: clear them, or press Show all."
                if hidden
                else "Import articles with Project › Import Files… (Ctrl+I)."
            )
            self.origins.clear()
            self.similar_button.hide()
            return
        self.heading.setText(article.title)
        parts = [
            article.date or "no date",
            article.byline,
            article.site,
            article.source_file,
            _analysis(article, analysed),
        ]
        self.meta.setText(" · ".join(p for p in parts if p))
        self.origins.setText(provenance(article))
        self._show_similar(list(similar))

    def start_editing(self) -> None:
        if self._article is None:
            return
        self.title_edit.setText(self._article.title)
        self.date_edit.setText(self._article.date or "")
        self.site_edit.setText(self._article.site or "")
        self.form.show()
        self.heading.hide()
        self.correct_button.hide()
        self.title_edit.setFocus()
        self.title_edit.selectAll()

    def show_error(self, message: str) -> None:
        self.form_error.setText(message)
        self.form_error.show()

    def stop_editing(self) -> None:
        self.form_error.hide()
        self.form.hide()
        self.heading.show()
        self.correct_button.show()

    @property
    def editing(self) -> bool:
        return not self.form.isHidden()

    def _on_save_clicked(self) -> None:
        if self._article is None:
            return
        self.correction_requested.emit(
            self._article.id,
            {"title": self.title_edit.text(), "date": self.date_edit.text(), "site": self.site_edit.text()},
        )

    def _show_similar(self, similar: list[tuple[int, str, float]]) -> None:
        menu = self.similar_button.menu()
        menu.clear()
        for other_id, title, alike in similar:
            action = menu.addAction(f"{alike:.0%} alike — {shortened(title, _SHOWN_CHARS)}  (#{other_id})")
            action.triggered.connect(lambda _checked=False, i=other_id: self.article_requested.emit(i))
        count = len(similar)
        self.similar_button.setText(f"≈ {counted(count, 'near-duplicate')}")
        self.similar_button.setToolTip("Articles telling nearly the same story (syndicated with small edits)")
        self.similar_button.setVisible(bool(similar))


def provenance(article: Article) -> str:
    """Where each field of the article came from, in words: "Title: <meta …> · Date: line 3 …"."""
    parts = []
    for name in ("title", "date", "byline", "site"):
        where = article.origins.get(name)
        if name == "date" and where and article.date_raw and article.date_raw not in where:
            where += f" (“{shortened(article.date_raw, _SHOWN_CHARS)}”)"
        if name in article.original:
            imported = f"“{shortened(article.original[name], _SHOWN_CHARS)}”" if article.original[name] else "none"
            where = f"corrected by hand (imported: {imported}{f' from {where}' if where else ''})"
        if where:
            parts.append(f"{name.capitalize()}: {where}")
    return "Where these came from — " + " · ".join(parts) if parts else "No title, date or byline stated in the file."


def _plain_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)  # titles and origins come from files: never rich text
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _analysis(article: Article, analysed: tuple[str, str] | None) -> str:
    if analysed is None:
        return "entities not found yet"
    if not pipeline_reads(analysed[0], article.body_text):
        return f"not in English: {analysed[0]} finds no entities or claims in it"
    return f"entities by {analysed[0]}"
