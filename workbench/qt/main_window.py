"""MainWindow: the article list and chart, the reader, the claim panel; menus; status bar.

Slots gather arguments and call the session (or queue a job on the task runner); what
comes back is a ChangeSet, and `_apply` refreshes only what it names.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from workbench.core.errors import WorkbenchError
from workbench.core.model import Article, ChangeSet
from workbench.nlp.pipeline import INSTALL_HINT
from workbench.qt import jobs
from workbench.qt.palette import NAMED_LABELS, label_style
from workbench.qt.tasks import IO_LANE, NLP_LANE, TaskRunner
from workbench.qt.widgets.article_list import ArticleListPane
from workbench.qt.widgets.claim_panel import ClaimPanel
from workbench.qt.widgets.entity_chart import ARTICLE, EntityChart
from workbench.qt.widgets.legend import EntityLegend
from workbench.qt.widgets.reader import ReaderView
from workbench.services.importing import ImportReport
from workbench.services.projects import PROJECT_SUFFIX, open_session
from workbench.services.session import Session
from workbench.services.settings import Settings, config_dir


class MainWindow(QMainWindow):
    analysis_finished = Signal(object)  # AnalysisReport, or an error message (str)
    article_shown = Signal(int)

    def __init__(self, session: Session, settings: Settings, runner: TaskRunner | None = None):
        super().__init__()
        self.setObjectName("mainWindow")
        self.session = session
        self.settings = settings
        self.runner = runner or TaskRunner(self)
        self._article: Article | None = None
        self._analysis_task = None
        self._entity_filter: tuple[str, str] | None = None
        self._text_filter = ""
        self._pipeline_missing = False

        self.articles = ArticleListPane()
        self.chart = EntityChart()
        self.reader = ReaderView()
        self.legend = EntityLegend()
        self.panel = ClaimPanel()
        self.heading = QLabel()
        self.heading.setObjectName("articleHeading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)  # titles come from files: never rich text
        self.heading.setWordWrap(True)
        self.meta = QLabel()
        self.meta.setObjectName("articleMeta")
        self.meta.setTextFormat(Qt.TextFormat.PlainText)
        self.meta.setWordWrap(True)
        self._build_layout()
        self._build_actions()
        self._build_status_bar()
        self._connect()
        self._load_project()

    # -- construction --------------------------------------------------------------------

    def _build_layout(self) -> None:
        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self.articles)
        left.addWidget(self.chart)
        left.setStretchFactor(0, 3)
        left.setStretchFactor(1, 2)
        left.setSizes([520, 320])
        center = QWidget()
        column = QVBoxLayout(center)
        column.setContentsMargins(6, 6, 6, 6)
        column.addWidget(self.heading)
        column.addWidget(self.meta)
        column.addWidget(self.reader, 1)
        column.addWidget(self.legend)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(center)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setStretchFactor(2, 3)
        self.splitter.setSizes([440, 600, 400])
        self.setCentralWidget(self.splitter)
        self.resize(1440, 880)

    def _action(self, menu, text: str, slot, shortcut=None, *, context=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            shortcuts = shortcut if isinstance(shortcut, list) else [shortcut]
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
        if context is not None:
            action.setShortcutContext(context)
        action.triggered.connect(slot)
        if menu is not None:
            menu.addAction(action)
        return action

    def _build_actions(self) -> None:
        bar = self.menuBar()
        project = bar.addMenu("&Project")
        self._action(project, "&New Project…", self._on_new_project, QKeySequence.StandardKey.New)
        self._action(project, "&Open Project…", self._on_open_project, QKeySequence.StandardKey.Open)
        project.addSeparator()
        self._action(project, "&Import Files…", self._on_import_files, "Ctrl+I")
        self._action(project, "Import &Folder…", self._on_import_folder, "Ctrl+Shift+I")
        self._action(project, "&Export Claims to CSV…", self._on_export_csv, "Ctrl+E")
        project.addSeparator()
        self._action(project, "&Quit", self.close, QKeySequence.StandardKey.Quit)

        edit = bar.addMenu("&Edit")
        self.undo_action = self._action(edit, "&Undo", self._on_undo, QKeySequence.StandardKey.Undo)
        self.redo_action = self._action(edit, "&Redo", self._on_redo)
        self.redo_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Redo), QKeySequence("Ctrl+Y")])
        edit.addSeparator()
        self.add_claim_action = self._action(edit, "&Add Claim from Selection", self._on_add_claim)
        self.add_claim_action.setShortcut(QKeySequence("C"))
        # NOTE: a bare letter must not fire while the user types in a field: only in the reader.
        self.add_claim_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.reader.addAction(self.add_claim_action)
        self._action(edit, "&Delete Claim", self._on_delete_selected_claim)

        go = bar.addMenu("&Go")
        self._action(go, "&Next Article", lambda: self.articles.step(+1), ["Alt+Down", "Ctrl+PgDown"])
        self._action(go, "&Previous Article", lambda: self.articles.step(-1), ["Alt+Up", "Ctrl+PgUp"])
        self._action(go, "&Filter Articles", self._on_focus_filter, QKeySequence.StandardKey.Find)
        self._action(go, "&Reader", lambda: self.reader.setFocus(), "Ctrl+R")

        analysis = bar.addMenu("&Analysis")
        self._action(analysis, "Find &Entities in New Articles", self.start_analysis, "F5")
        self.cancel_action = self._action(analysis, "&Cancel Background Work", self._on_cancel_tasks, "Ctrl+.")

        help_menu = bar.addMenu("&Help")
        self._action(help_menu, "&Keyboard Shortcuts", self._on_show_shortcuts, "F1")
        self._action(help_menu, "&About Analyst Workbench", self._on_about)
        self._update_undo_actions()

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        self.status_message = QLabel()
        self.status_message.setObjectName("statusMessage")
        self.status_message.setTextFormat(Qt.TextFormat.PlainText)
        self.progress = QProgressBar()
        self.progress.setObjectName("taskProgress")
        self.progress.setMaximumWidth(220)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.cancel_button = QToolButton()
        self.cancel_button.setObjectName("cancelTaskButton")
        self.cancel_button.setText("Cancel")
        self.cancel_button.setToolTip("Stop the background work (Ctrl+.)")
        self.cancel_button.clicked.connect(self._on_cancel_tasks)
        self.cancel_button.hide()
        status.addWidget(self.status_message, 1)
        status.addPermanentWidget(self.progress)
        status.addPermanentWidget(self.cancel_button)

    def _connect(self) -> None:
        self.articles.article_chosen.connect(self._on_articles_chosen)
        self.articles.filter_changed.connect(self._on_articles_filter_changed)
        self.articles.entity_filter_cleared.connect(lambda: self._set_entity_filter(None))
        self.reader.claim_clicked.connect(self._on_reader_claim_clicked)
        self.reader.selection_made.connect(self.panel.set_selection_available)
        self.legend.hidden_labels_changed.connect(self.reader.set_hidden_labels)
        self.panel.add_requested.connect(self._on_add_claim)
        self.panel.delete_requested.connect(self._on_panel_delete_requested)
        self.panel.edit_requested.connect(self._on_panel_edit_requested)
        self.panel.claim_selected.connect(self._on_panel_claim_selected)
        self.chart.entity_clicked.connect(lambda text, label: self._set_entity_filter((text, label)))
        self.chart.scope_changed.connect(lambda _scope: self._refresh_chart())
        self.runner.task_started.connect(self._on_runner_task_started)
        self.runner.task_progressed.connect(self._on_runner_task_progressed)
        self.runner.task_ended.connect(self._on_runner_task_ended)

    # -- the project ---------------------------------------------------------------------

    def _load_project(self) -> None:
        self.setWindowTitle(f"{self.session.path.stem} — Analyst Workbench")
        self.panel.set_schema(self.session.schema)
        self.articles.model.set_articles(self.session.article_summaries())
        target = self.session.current_article_id
        if target is None or self.articles.model.summary(target) is None:
            target = self.articles.model.article_id(0)
        if target is not None:
            self.show_article(target, claim_id=self.session.current_claim_id)
        else:
            self.reader.show_article(None, [], [], self.session.schema)
            self._set_heading(None)
        self._refresh_chart()

    def switch_project(self, path: Path | None) -> None:
        """Close the open project and open (or create) the one at `path`."""
        try:
            session, report = open_session(path)
        except WorkbenchError as exc:
            self._warn("Cannot open the project", str(exc))
            return
        self.runner.cancel_all()
        self.runner.run_on_lane(NLP_LANE, jobs.close_lane)
        self.runner.run_on_lane(IO_LANE, jobs.close_lane)
        self.session.close()
        self.session = session
        self._article = None
        self._entity_filter, self._text_filter = None, ""
        self.articles.filter.clear()
        self.articles.show_entity_filter(None)
        self.articles.model.set_filter(None)
        self._load_project()
        self.settings.last_project = str(session.path)
        self.start_analysis()

    # -- showing an article --------------------------------------------------------------

    def show_article(self, article_id: int, *, claim_id: int | None = None) -> None:
        try:
            article = self.session.article(article_id)
        except WorkbenchError as exc:
            self._say(str(exc))
            return
        self._article = article
        mentions = self.session.entities(article_id)
        claims = self.session.claims(article_id)
        if claim_id not in {c.id for c in claims}:
            claim_id = None
        self.reader.show_article(article, mentions, claims, self.session.schema)
        self.legend.set_mentions(mentions)
        self.panel.set_source_candidates(self.session.source_candidates(article_id))
        self.panel.set_claims(claims, claim_id)
        if claim_id is not None:
            self.reader.select_claim(claim_id)
        self._set_heading(article)
        self.articles.select_article(article_id)
        self.session.set_current_article(article_id=article_id)
        self.session.set_current_claim(claim_id=claim_id)
        if self.chart.scope == ARTICLE:
            self._refresh_chart()
        self.article_shown.emit(article_id)

    def _set_heading(self, article: Article | None) -> None:
        if article is None:
            self.heading.setText("No article open")
            self.meta.setText("Import articles with Project › Import Files… (Ctrl+I).")
            return
        self.heading.setText(article.title)
        parts = [article.date or "no date", article.byline or None, article.source_file]
        analysed = self.session.store.analysed_by(article.id)
        parts.append(f"entities by {analysed[0]}" if analysed else "entities not found yet")
        self.meta.setText(" · ".join(p for p in parts if p))
        origins = "; ".join(f"{field}: {where}" for field, where in article.origins.items())
        self.meta.setToolTip(f"Where the metadata came from — {origins}" if origins else "")

    # -- applying changes ----------------------------------------------------------------

    def _apply(self, changes: ChangeSet, *, from_panel: bool = False) -> None:
        """Refresh what `changes` touched, and nothing else."""
        if not changes:
            return
        if changes.schema_changed:
            self.session._schema = None
            self.panel.set_schema(self.session.schema)
        touched = changes.articles_added | changes.articles_changed | changes.entities_changed | changes.claim_articles
        if touched:
            self.articles.model.update_articles(self.session.store.article_summaries(touched))
            if self._article is None and changes.articles_added:
                self.show_article(min(changes.articles_added))
        current = self._article.id if self._article else None
        if current is not None and current in changes.entities_changed:
            mentions = self.session.entities(current)
            self.reader.set_mentions(mentions)
            self.legend.set_mentions(mentions)
            self.panel.set_source_candidates(self.session.source_candidates(current))
            self._set_heading(self._article)
        if current is not None and current in changes.claim_articles:
            claims = self.session.claims(current)
            selected = self.panel.claim.id if self.panel.claim else None
            if from_panel and selected is not None:
                updated = next((c for c in claims if c.id == selected), None)
                if updated is not None:
                    self.panel.update_claim(updated, refill=False)
                self.reader.set_claims(claims, self.session.schema, selected)
            else:
                self.panel.set_claims(claims, selected)
                self.reader.set_claims(claims, self.session.schema, selected)
        if changes.entities_changed:
            self._refresh_chart()
        self._update_undo_actions()

    def _refresh_chart(self) -> None:
        article_id = self._article.id if self._article and self.chart.scope == ARTICLE else None
        self.chart.set_counts(self.session.top_entities(EntityChart.BARS, article_id=article_id, labels=NAMED_LABELS))

    def _update_undo_actions(self) -> None:
        undo, redo = self.session.commands.undo_label, self.session.commands.redo_label
        self.undo_action.setEnabled(undo is not None)
        self.undo_action.setText(f"&Undo {undo}" if undo else "&Undo")
        self.redo_action.setEnabled(redo is not None)
        self.redo_action.setText(f"&Redo {redo}" if redo else "&Redo")

    # -- slots: the list, the reader, the panel -----------------------------------------

    def _on_articles_chosen(self, article_id: int) -> None:
        if self._article is None or self._article.id != article_id:
            self.show_article(article_id)

    def _on_articles_filter_changed(self, text: str) -> None:
        self._text_filter = text
        self._refilter()

    def _set_entity_filter(self, entity: tuple[str, str] | None) -> None:
        self._entity_filter = entity
        if entity is None:
            self.articles.show_entity_filter(None)
        else:
            self.articles.show_entity_filter(f"{entity[0]} ({label_style(entity[1]).name})")
        self._refilter()

    def _refilter(self) -> None:
        ids = None
        if self._text_filter.strip():
            ids = set(self.session.search_articles(self._text_filter))
        if self._entity_filter is not None:
            mentioning = set(self.session.articles_mentioning(*self._entity_filter))
            ids = mentioning if ids is None else ids & mentioning
        self.articles.model.set_filter(ids)
        if self._article is not None:
            self.articles.select_article(self._article.id)

    def _on_reader_claim_clicked(self, claim_id: int) -> None:
        claim = self.session.claim(claim_id)
        self.panel.show_claim(claim)
        self.reader.select_claim(claim_id, scroll=False)
        self.session.set_current_claim(claim_id=claim_id)

    def _on_panel_claim_selected(self, claim_id: int | None) -> None:
        claim = self.session.claim(claim_id) if claim_id is not None else None
        self.panel.show_claim(claim)
        self.reader.select_claim(claim_id)
        self.session.set_current_claim(claim_id=claim_id)

    def _on_add_claim(self) -> None:
        span = self.reader.selection_span()
        if self._article is None or span is None:
            self._say("Select some text in the article first, then press C.")
            return
        try:
            claim, changes = self.session.add_claim(
                article_id=self._article.id, start=span[0], end=span[1], category=self._last_category()
            )
        except WorkbenchError as exc:
            self._say(str(exc))
            return
        self._apply(changes)
        self.panel.show_claim(claim)
        self.reader.select_claim(claim.id, scroll=False)
        self.session.set_current_claim(claim_id=claim.id)
        self._say(f"Claim added: “{_preview(claim.quote)}”")

    def _last_category(self) -> str | None:
        claim = self.panel.claim
        return claim.category if claim else None

    def _on_panel_edit_requested(self, claim_id: int, field: str, value) -> None:
        try:
            changes = self.session.edit_claim(claim_id=claim_id, **{field: value})
        except WorkbenchError as exc:
            self._say(str(exc))
            claim = self.session.claim(claim_id)
            if claim is not None:
                self.panel.update_claim(claim, refill=True)
            return
        self._apply(changes, from_panel=True)

    def _on_panel_delete_requested(self, claim_id: int) -> None:
        try:
            changes = self.session.delete_claim(claim_id=claim_id)
        except WorkbenchError as exc:
            self._say(str(exc))
            return
        self.panel.show_claim(None)
        self._apply(changes)
        self._say("Claim deleted (Ctrl+Z brings it back).")

    def _on_delete_selected_claim(self) -> None:
        if self.panel.claim is not None:
            self._on_panel_delete_requested(self.panel.claim.id)

    def _on_undo(self) -> None:
        self._undo_or_redo(self.session.undo, "Undone")

    def _on_redo(self) -> None:
        self._undo_or_redo(self.session.redo, "Redone")

    def _undo_or_redo(self, step, verb: str) -> None:
        label = self.session.commands.undo_label if verb == "Undone" else self.session.commands.redo_label
        try:
            changes = step()
        except WorkbenchError as exc:
            self._say(str(exc))
            return
        # Undoing an edit made in another article brings that article back into view.
        elsewhere = changes.claim_articles - ({self._article.id} if self._article else set())
        if elsewhere:
            self.show_article(min(elsewhere))
        self._apply(changes)
        claim_id = min(changes.claims_changed) if changes.claims_changed else None
        claim = self.session.claim(claim_id) if claim_id is not None else None
        self.panel.show_claim(claim)
        self.reader.select_claim(claim.id if claim else None, scroll=claim is not None)
        if label:
            self._say(f"{verb}: {label.lower()}")

    def _on_focus_filter(self) -> None:
        self.articles.filter.setFocus()
        self.articles.filter.selectAll()

    # -- background work -----------------------------------------------------------------

    def start_analysis(self) -> None:
        """Find entities in every article not analysed yet, the open one first."""
        if self._pipeline_missing:
            return
        first = [self._article.id] if self._article else []
        self._analysis_task = self.runner.submit(
            NLP_LANE,
            "Finding entities",
            jobs.analyse,
            self.session.path,
            self.settings.pipeline,
            first,
            on_done=self._on_analysis_done,
            on_error=self._on_analysis_failed,
            key="analysis",
        )

    def _on_analysis_done(self, report) -> None:
        self._analysis_task = None
        if report is None:
            return
        self._apply(report.changes)
        self._say(f"Entities: {report.summary()}")
        self.analysis_finished.emit(report)

    def _on_analysis_failed(self, message: str) -> None:
        self._analysis_task = None
        if INSTALL_HINT in message:
            self._pipeline_missing = True
        self._say(message)
        self.analysis_finished.emit(message)

    def _on_import_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, "Import articles", "", "Text files (*.txt *.text *.md);;All files (*)"
        )
        if paths:
            self.import_paths([Path(p) for p in paths])

    def _on_import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Import a folder of articles")
        if folder:
            self.import_paths([Path(folder)])

    def import_paths(self, paths: list[Path]) -> None:
        self.runner.submit(
            IO_LANE,
            "Importing",
            jobs.import_files,
            self.session.path,
            paths,
            on_done=self._on_import_done,
            on_error=lambda message: self._warn("Import failed", message),
        )

    def _on_import_done(self, report: ImportReport) -> None:
        self._apply(report.changes)
        self._say(f"Import: {report.summary()}")
        if report.failed or report.count("duplicate") or report.count("empty"):
            box = QMessageBox(QMessageBox.Icon.Information, "Import report", report.summary(), parent=self)
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.setDetailedText("\n".join(report.lines()))
            box.open()
        if report.changes.articles_added:
            self.start_analysis()

    def _on_export_csv(self) -> None:
        suggested = str(self.session.path.with_name(self.session.path.stem + "-claims.csv"))
        path, _ = QFileDialog.getSaveFileName(self, "Export claims to CSV", suggested, "CSV files (*.csv)")
        if path:
            self.export_csv(Path(path))

    def export_csv(self, path: Path, *, raw: bool = False) -> None:
        self.runner.submit(
            IO_LANE,
            "Exporting",
            jobs.export_claims,
            self.session.path,
            path,
            raw,
            on_done=lambda rows: self._say(f"Exported {rows} claims to {path}"),
            on_error=lambda message: self._warn("Export failed", message),
        )

    def _on_cancel_tasks(self) -> None:
        self.runner.cancel_all()
        self._say("Cancelling…")

    def _on_runner_task_started(self, _task_id: int, label: str) -> None:
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self._say(f"{label}…")

    def _on_runner_task_progressed(self, _task_id: int, done: int, total: int, message: str) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
        else:
            self.progress.setRange(0, 0)
        self._say(message)

    def _on_runner_task_ended(self, _task_id: int) -> None:
        if not self.runner.running():
            self.progress.hide()
            self.cancel_button.hide()

    # -- dialogs -------------------------------------------------------------------------

    def _on_new_project(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "New project", "", f"Workbench projects (*{PROJECT_SUFFIX})")
        if path:
            path = Path(path)
            if path.suffix != PROJECT_SUFFIX:
                path = path.with_name(path.name + PROJECT_SUFFIX)
            if path.exists():
                self._warn("New project", f"{path} already exists; use Open Project to open it.")
                return
            self.switch_project(path)

    def _on_open_project(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Open project", "", f"Workbench projects (*{PROJECT_SUFFIX});;All files (*)"
        )
        if path:
            self.switch_project(Path(path))

    def _on_show_shortcuts(self) -> None:
        lines = []
        for menu_action in self.menuBar().actions():
            menu = menu_action.menu()
            entries = [
                f"    {action.text().replace('&', '')}: "
                + ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts())
                for action in menu.actions()
                if action.shortcuts()
            ]
            if entries:
                lines += [menu_action.text().replace("&", ""), *entries]
        lines += ["In the claim table", "    Delete claim: Del", "Anywhere", "    Next field: Tab"]
        box = QMessageBox(QMessageBox.Icon.NoIcon, "Keyboard shortcuts", "\n".join(lines), parent=self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.open()

    def _on_about(self) -> None:
        from workbench import __version__

        QMessageBox.about(
            self,
            "About Analyst Workbench",
            f"Analyst Workbench {__version__}\n\nRead news articles with their named entities highlighted, "
            f"annotate the claims in them, export the dataset.\n\nProject: {self.session.path}",
        )

    def _say(self, message: str) -> None:
        self.status_message.setText(message)

    def _warn(self, title: str, message: str) -> None:
        self._say(message)
        box = QMessageBox(QMessageBox.Icon.Warning, title, message, parent=self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.open()

    # -- closing -------------------------------------------------------------------------

    def closeEvent(self, event) -> None:
        self.panel.show_claim(self.panel.claim)  # commits a note still being typed
        window_settings = _window_settings()
        window_settings.setValue("window/geometry", self.saveGeometry())
        window_settings.setValue("window/splitter", self.splitter.saveState())
        self.runner.shutdown(jobs.close_lane)
        self.session.close()
        super().closeEvent(event)

    def restore_geometry(self) -> None:
        window_settings = _window_settings()
        geometry, splitter = window_settings.value("window/geometry"), window_settings.value("window/splitter")
        if geometry is not None:
            self.restoreGeometry(geometry)
        if splitter is not None:
            self.splitter.restoreState(splitter)


def _window_settings() -> QSettings:
    """Window geometry, beside the app's settings (so tests' WORKBENCH_CONFIG_DIR moves it too)."""
    return QSettings(str(config_dir() / "window.ini"), QSettings.Format.IniFormat)


def _preview(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
