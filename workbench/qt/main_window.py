"""MainWindow: the article list and chart, the reader, the claim panel; menus; status bar.

Slots gather arguments and call the session (or queue a job on the task runner); what
comes back is a ChangeSet, and `_apply` refreshes only what it names.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSettings, QSignalBlocker, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QMainWindow,
    QProgressBar,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from workbench.core.breakdown import breakdown
from workbench.core.errors import WorkbenchError
from workbench.core.model import NAMED_LABELS, Article, ChangeSet, ListFilter
from workbench.core.text import counted
from workbench.qt import jobs
from workbench.qt.keys import without_keypad
from workbench.qt.messages import confirm
from workbench.qt.palette import label_style
from workbench.qt.review import SuggestionReview, preview
from workbench.qt.tasks import IO_LANE, NLP_LANE, QUERY_LANE, TaskRunner
from workbench.qt.widgets.article_header import ArticleHeader
from workbench.qt.widgets.article_list import ArticleListPane
from workbench.qt.widgets.claim_chart import ClaimChart
from workbench.qt.widgets.claim_panel import ClaimPanel
from workbench.qt.widgets.coverage_chart import CoverageChart, period_dates
from workbench.qt.widgets.entity_chart import ARTICLE, EntityChart
from workbench.qt.widgets.legend import EntityLegend
from workbench.qt.widgets.reader import ReaderView
from workbench.services.projects import PROJECT_SUFFIX, open_session
from workbench.services.session import Session
from workbench.services.settings import Settings, config_dir, default_analyst, save_settings
from workbench.store.project_store import ProjectFileError

if TYPE_CHECKING:
    from workbench.qt.transfers import Transfers
    from workbench.qt.widgets.claims_view import ClaimsView

# NOTE: what only a menu command or a dialog needs (file and message boxes, the transfers,
# the claims tab) is imported or built on first use: each Qt class costs its first use a
# few milliseconds, and the window should come up without them.


REDO_KEYS = ("Ctrl+Y", "Ctrl+Shift+Z")  # both, whichever the platform binds
DEFAULT_SIZE = QSize(1440, 880)  # the first window's, where the screen has room
READER_MIN_CHARS = 48  # the text's column is never narrower than this many average characters
MAX_REMOVED = 5_000  # articles removed in one step (see _on_remove_articles)


class _AltArrowsOpenLists(QObject):
    """Alt+↓ on a drop-down list opens it, as on every desktop, rather than going to the
    next article (the window's shortcut for it). Alt+↑ still goes to the previous article:
    a list would take it as "the previous item" and change the value unseen."""

    def eventFilter(self, watched, event) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and without_keypad(event.modifiers()) == Qt.KeyboardModifier.AltModifier
            and event.key() == Qt.Key.Key_Down
        ):
            event.accept()  # the list gets the key, the shortcut does not fire
            return True
        return False


class MainWindow(QMainWindow):
    analysis_finished = Signal(object)  # list of AnalysisReport, or an error message (str)
    article_shown = Signal(int)
    annotations_imported = Signal(object)  # AnnotationImportReport

    def __init__(self, session: Session, settings: Settings, runner: TaskRunner | None = None):
        super().__init__()
        self.setObjectName("mainWindow")
        self.session = session
        self.settings = settings
        self.runner = runner or TaskRunner(self)
        self._article: Article | None = None
        self._analysis_task = None
        self._entity_filter: tuple[str, str] | None = None
        self._period_filter: str | None = None  # a month or a year chosen on the time chart
        self._text_filter = ""
        self._pipeline_missing = False
        self._recent_category: str | None = None
        session.analyst = settings.analyst or default_analyst()

        self.articles = ArticleListPane()
        self.chart = EntityChart()
        self.coverage = CoverageChart()
        self.claim_chart = ClaimChart()
        self.reader = ReaderView()
        self.legend = EntityLegend()
        self.legend.tab_after = self.reader
        self.panel = ClaimPanel()
        self._claims_view: ClaimsView | None = None  # built when first needed: see claims_view
        self.header = ArticleHeader()
        self.heading, self.meta = self.header.heading, self.header.meta
        self.review = SuggestionReview(self)
        self._transfers: Transfers | None = None
        self._build_layout()
        self._build_actions()
        self._build_status_bar()
        self._alt_arrows = _AltArrowsOpenLists(self)
        self._let_lists_open(self)
        self._connect()
        self._load_project()

    def _let_lists_open(self, widget: QWidget) -> None:
        for combo in widget.findChildren(QComboBox):
            combo.installEventFilter(self._alt_arrows)

    @property
    def article(self) -> Article | None:
        """The open article."""
        return self._article

    @property
    def transfers(self) -> Transfers:
        """Imports and exports, with their dialogs."""
        if self._transfers is None:
            from workbench.qt.transfers import Transfers

            self._transfers = Transfers(self)
        return self._transfers

    @property
    def claims_view(self) -> ClaimsView:
        """The "All claims" tab. Few sessions open it at once, so it is built when first
        needed (opened, or asked for), taking the place of an empty page: the window comes
        up without paying for its filters and table."""
        if self._claims_view is None:
            from workbench.qt.widgets.claims_view import ClaimsView

            view = ClaimsView(self.session, self.runner)
            view.claim_opened.connect(self._on_claims_view_claim_opened)
            index, current = self.center.indexOf(self._claims_placeholder), self.center.currentIndex()
            with QSignalBlocker(self.center):
                self.center.removeTab(index)
                self.center.insertTab(index, view, "All claims")
                self.center.setCurrentIndex(current)
            self._claims_placeholder.deleteLater()
            view.set_listed(self._list_filter(), self._list_described())
            self._claims_view = view
            self._let_lists_open(view)
        return self._claims_view

    def _on_center_tab_changed(self, index: int) -> None:
        if self._claims_view is None and self.center.widget(index) is self._claims_placeholder:
            self.center.setCurrentWidget(self.claims_view)

    def _claims_changed(self) -> None:
        """The claims tab reloads when next shown (if it is not built yet, it reads
        everything when it is); the claim chart counts again, if in view."""
        if self._claims_view is not None:
            self._claims_view.reload_choices()
        self._refresh_claim_chart()

    # -- construction --------------------------------------------------------------------

    def _build_layout(self) -> None:
        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self.articles)
        self.charts = QTabWidget()
        self.charts.setObjectName("chartTabs")
        self.charts.setDocumentMode(True)
        self.charts.addTab(self.chart, "Entities")
        self.charts.addTab(self.coverage, "Over time")
        self.charts.addTab(self.claim_chart, "Claims")
        self.charts.currentChanged.connect(self._on_chart_tab_changed)
        left.addWidget(self.charts)
        left.setStretchFactor(0, 3)
        left.setStretchFactor(1, 2)
        left.setSizes([520, 320])
        article_page = QWidget()
        column = QVBoxLayout(article_page)
        column.setContentsMargins(6, 6, 6, 6)
        column.addWidget(self.header)
        column.addWidget(self.reader, 1)
        column.addWidget(self.legend)
        self.center = QTabWidget()
        self.center.setObjectName("centerTabs")
        self.center.addTab(article_page, "Article")
        self._claims_placeholder = QWidget()
        self.center.addTab(self._claims_placeholder, "All claims")
        self.center.currentChanged.connect(self._on_center_tab_changed)
        # NOTE: the side panes give way first: a narrow window keeps lines of a few words
        # readable rather than squeezing the text into a column.
        self.center.setMinimumWidth(self.reader.fontMetrics().averageCharWidth() * READER_MIN_CHARS)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.center)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setStretchFactor(2, 3)
        self.splitter.setSizes([500, 560, 380])
        self.setCentralWidget(self.splitter)
        # At most nine tenths of the screen: 1440×880 is more than a laptop at 150 % has.
        available = self.screen().availableGeometry().size() * 0.9
        self.resize(DEFAULT_SIZE.boundedTo(available))

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

    def _reader_action(self, menu, text: str, slot, keys: list[str]) -> QAction:
        # NOTE: bare letters and digits must not fire while the user types in a field, so
        # these shortcuts live on the reader only (it is read-only: keys are free there).
        action = self._action(menu, text, slot, keys, context=Qt.ShortcutContext.WidgetShortcut)
        self.reader.addAction(action)
        return action

    def _build_actions(self) -> None:
        bar = self.menuBar()
        project = bar.addMenu("&Project")
        self._action(project, "&New Project…", self._on_new_project, QKeySequence.StandardKey.New)
        self._action(project, "&Open Project…", self._on_open_project, QKeySequence.StandardKey.Open)
        project.addSeparator()
        self._action(project, "&Import Files…", lambda: self.transfers.ask_files(), "Ctrl+I")
        self._action(project, "Import &Folder…", lambda: self.transfers.ask_folder(), "Ctrl+Shift+I")
        self._action(project, "Import &Archive…", lambda: self.transfers.ask_archive())
        self._action(project, "Import &Table…", lambda: self.transfers.ask_table())
        self._action(project, "&Export…", lambda: self.transfers.ask_export(), "Ctrl+E")
        self._action(project, "Import &Annotations…", lambda: self.transfers.ask_annotations(), "Ctrl+Shift+A")
        project.addSeparator()
        # NOTE: Delete only while the list has the focus: in the reader or a field it is theirs.
        remove = self._action(
            project,
            "&Remove Articles from Project…",
            self._on_remove_articles,
            QKeySequence.StandardKey.Delete,
            context=Qt.ShortcutContext.WidgetShortcut,
        )
        self.articles.table.addAction(remove)
        self._action(project, "Claim &Schema…", self._on_edit_schema)
        self._action(project, "&Actors…", self._on_edit_actors)
        project.addSeparator()
        self._action(project, "&Quit", self.close, QKeySequence.StandardKey.Quit)

        edit = bar.addMenu("&Edit")
        self.undo_action = self._action(edit, "&Undo", self._on_undo, QKeySequence.StandardKey.Undo)
        self.redo_action = self._action(edit, "&Redo", self._on_redo)
        # NOTE: QKeySequence(StandardKey.Redo) is only the platform's first binding (Ctrl+Y
        # here): adding Ctrl+Y again made the shortcut ambiguous, so it did nothing.
        redo_keys = [*QKeySequence.keyBindings(QKeySequence.StandardKey.Redo), *map(QKeySequence, REDO_KEYS)]
        self.redo_action.setShortcuts(list(dict.fromkeys(redo_keys)))
        edit.addSeparator()
        self.add_claim_action = self._reader_action(edit, "&Add Claim from Selection", self._on_add_claim, ["C"])
        self._action(edit, "&Delete Claim", self._on_delete_selected_claim)
        self._reader_action(edit, "Edit &Note of the Claim", self._on_edit_note, ["E"])
        categories = edit.addMenu("Set &Category (or Accept as)")
        self._category_actions = {
            digit: self._reader_action(categories, "", lambda _=False, d=digit: self._on_category_key(d), [digit])
            for digit in "123456789"
        }
        edit.addSeparator()
        self._reader_action(edit, "&Next Suggestion", lambda: self.review.step(+1), ["N"])
        self._reader_action(edit, "&Previous Suggestion", lambda: self.review.step(-1), ["P"])
        self._reader_action(edit, "A&ccept Suggestion", lambda: self.review.accept(), ["A", "Return"])
        self._reader_action(edit, "&Reject Suggestion", lambda: self.review.reject(), ["X"])
        edit.addSeparator()
        self._action(edit, "&Preferences…", self._on_preferences, "Ctrl+,")
        edit.addSeparator()
        self._action(edit, "&Correct Title, Date and Site…", self.header.start_editing, "F2")

        go = bar.addMenu("&Go")
        self._action(go, "&Next Article", lambda: self.articles.step(+1), ["Alt+Down", "Ctrl+PgDown"])
        self._action(go, "&Previous Article", lambda: self.articles.step(-1), ["Alt+Up", "Ctrl+PgUp"])
        self._action(go, "&Filter Articles", self._on_focus_filter, QKeySequence.StandardKey.Find)
        self._action(
            go, "Next &Match in the Article", lambda: self._on_step_match(+1), QKeySequence.StandardKey.FindNext
        )
        self._action(
            go, "Previous Matc&h in the Article", lambda: self._on_step_match(-1), QKeySequence.StandardKey.FindPrevious
        )
        self._action(go, "&Reader", self._on_focus_reader, "Ctrl+R")
        go.addSeparator()
        self._action(go, "The &Article", lambda: self.center.setCurrentIndex(0), "Ctrl+1")
        self._action(go, "All &Claims", self._on_show_claims_view, "Ctrl+2")

        analysis = bar.addMenu("&Analysis")
        self._action(analysis, "Find &Entities in New Articles", self.start_analysis, "F5")
        self.cancel_action = self._action(analysis, "&Cancel Background Work", self._on_cancel_tasks, "Ctrl+.")
        analysis.addSeparator()
        self._action(analysis, "&Agreement Between Analysts…", self._on_show_agreement)

        help_menu = bar.addMenu("&Help")
        self._action(help_menu, "&Keyboard Shortcuts", self._on_show_shortcuts, ["F1", "?"])
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
        self.articles.narrowing_cleared.connect(self._clear_narrowing)
        self.reader.claim_clicked.connect(self._on_reader_claim_clicked)
        self.reader.selection_made.connect(self.panel.set_selection_available)
        self.legend.hidden_labels_changed.connect(self.reader.set_hidden_labels)
        self.panel.add_requested.connect(self._on_add_claim)
        self.panel.delete_requested.connect(self._on_panel_delete_requested)
        self.panel.edit_requested.connect(self._on_panel_edit_requested)
        self.panel.claim_selected.connect(self._on_panel_claim_selected)
        self.panel.suggestion_selected.connect(self.review.show)
        self.panel.accept_requested.connect(lambda index: self.review.accept(index=index))
        self.panel.reject_requested.connect(lambda index: self.review.reject(index=index))
        self.reader.suggestion_clicked.connect(self.review.show)
        self.header.correction_requested.connect(self._on_header_correction_requested)
        self.header.article_requested.connect(self.show_article)
        self.chart.entity_clicked.connect(lambda text, label: self._set_entity_filter((text, label)))
        self.coverage.period_clicked.connect(self._set_period_filter)
        self.claim_chart.choice_changed.connect(self._refresh_claim_chart)
        # a bar counts the claims of the listed articles: so does All claims, when it lists them
        self.claim_chart.claims_chosen.connect(lambda f: self._on_claims_chosen({**f, "in_list": True}))
        self.chart.scope_changed.connect(lambda _scope: self._refresh_chart())
        self.runner.task_started.connect(self._on_runner_task_started)
        self.runner.task_progressed.connect(self._on_runner_task_progressed)
        self.runner.task_ended.connect(self._on_runner_task_ended)

    # -- the project ---------------------------------------------------------------------

    def _set_schema(self) -> None:
        self.panel.set_schema(self.session.schema)
        # The menu names the category each key gives, so it can be learnt there.
        names = {c.shortcut: c.name for c in self.session.schema.categories if c.shortcut}
        for digit, action in self._category_actions.items():
            action.setText(names.get(digit, "(no category has this key)").replace("&", "&&"))

    def _load_project(self) -> None:
        self.setWindowTitle(f"{self.session.path.stem} — Analyst Workbench")
        self._set_schema()
        self.articles.model.set_source(self.session.article_list)
        target = self.session.current_article_id
        if target is None or self.articles.model.summary(target) is None:
            target = self.articles.model.article_id(0)
        if target is not None:
            self.show_article(target, claim_id=self.session.current_claim_id)
        else:
            self._show_no_article()
        self._refresh_chart()
        self._refresh_coverage()
        self._claims_changed()

    def switch_project(self, path: Path | None) -> None:
        """Close the open project and open (or create) the one at `path`."""
        try:
            session, report = open_session(path)
        except WorkbenchError as exc:
            self.warn("Cannot open the project", str(exc))
            return
        if self._transfers is not None:
            self._transfers.project_closing()
        self.runner.drop_all()
        self.runner.run_on_lane(NLP_LANE, jobs.close_lane)
        self.runner.run_on_lane(IO_LANE, jobs.close_lane)
        self.runner.run_on_lane(QUERY_LANE, jobs.close_lane)
        self.panel.commit_pending()  # into the project it was typed in
        self.session.close()
        session.analyst = self.settings.analyst or default_analyst()
        self.session = session
        if self._claims_view is not None:
            self._claims_view.set_session(session)
        self._article = None
        self._entity_filter = self._period_filter = None
        self.articles.filter.clear()  # the words too, marked in the text no more
        self.articles.show_narrowing(None)
        self._load_project()
        self.settings.last_project = str(session.path)
        self.start_analysis()

    # -- showing an article --------------------------------------------------------------

    def _show_no_article(self) -> None:
        """An empty project (or list): nothing of an article before may stay in view or editable."""
        self._article = None
        self.reader.show_article(None, [], [], self.session.schema)
        self.legend.set_mentions([])
        self.header.show_article(None, hidden=self.session.store.article_count())
        self.panel.set_claims([], None)
        self.panel.set_history([])
        self.review.load()

    def show_article(self, article_id: int, *, claim_id: int | None = None) -> None:
        self.panel.commit_pending()  # typed in the form of the article being left
        try:
            article = self.session.article(article_id)
        except WorkbenchError as exc:
            self.say(str(exc))
            return
        self._article = article
        mentions = self.session.entities(article_id)
        claims = self.session.claims(article_id)
        if claim_id not in {c.id for c in claims}:
            claim_id = None
        self.reader.show_article(article, mentions, claims, self.session.schema)
        self.legend.set_mentions(mentions, analysed=self.session.store.analysed_by(article_id) is not None)
        self.panel.set_source_candidates(self.session.source_candidates(article_id))
        self.panel.set_claims(claims, claim_id)
        if claim_id is not None:
            self.reader.select_claim(claim_id)
        self.panel.set_history(self.session.history(claim_id) if claim_id is not None else [])
        self.review.load()
        self._set_heading(article)
        self.articles.select_article(article_id)
        self.session.set_position(article_id=article_id, claim_id=claim_id)
        if self.chart.scope == ARTICLE:
            self._refresh_chart()
        if self.reader.matches:
            count = len(self.reader.matches)
            self.say(f"{counted(count, 'match', 'matches')} of “{self._text_filter.strip()}” marked (F3: next).")
        self.article_shown.emit(article_id)

    def _set_heading(self, article: Article | None) -> None:
        if article is None:
            self.header.show_article(None)
            return
        self.header.show_article(
            article,
            analysed=self.session.store.analysed_by(article.id),
            similar=self.session.near_duplicates(article.id),
        )

    # -- applying changes ----------------------------------------------------------------

    def apply(self, changes: ChangeSet, *, from_panel: bool = False) -> None:
        """Refresh what `changes` touched, and nothing else."""
        if not changes:
            return
        if changes.schema_changed:
            self._set_schema()
        if changes.schema_changed or changes.actors_changed or changes.claims_changed:
            self._claims_changed()
        if changes.articles_removed or changes.articles_restored:
            self._articles_removed_or_restored(changes)
        touched = changes.articles_added | changes.articles_changed | changes.entities_changed | changes.claim_articles
        touched -= changes.articles_removed
        if touched:
            self.articles.model.update_articles(self.session.store.article_summaries(touched))
            if self._article is None and changes.articles_added:
                self.show_article(min(changes.articles_added))
        if changes.articles_added or changes.articles_changed or changes.articles_removed or changes.articles_restored:
            self._refresh_coverage()  # new, removed or re-dated articles
        current = self._article.id if self._article else None
        if current is not None and current in changes.articles_changed:
            self._article = self.session.article(current)
            self._set_heading(self._article)
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
            if selected is not None:
                self.panel.set_history(self.session.history(selected))
        elif current is not None and changes.schema_changed:
            self.reader.set_claims(self.session.claims(current), self.session.schema)
        if current is not None and current in changes.suggestions_changed:
            self.review.load(current=self.review.current)
        if changes.entities_changed:
            self._refresh_chart()
        self._update_undo_actions()

    def _articles_removed_or_restored(self, changes: ChangeSet) -> None:
        """The list read again; a removed article in view gives way to the one after it."""
        current = self._article.id if self._article else None
        row = self.articles.model.row_of(current) if current is not None else None
        self.articles.model.reload()
        if current is None or current not in changes.articles_removed:
            self.articles.select_article(current)
            return
        count = self.articles.model.rowCount()
        following = self.articles.model.article_id(min(row, count - 1)) if row is not None and count else None
        following = following if following is not None else self.articles.model.article_id(0)
        if following is None:
            self._show_no_article()
        else:
            self._article = None  # gone: nothing of it is to be saved or refreshed
            self.show_article(following)

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
        if text.split() == self._text_filter.split():
            return  # a space typed, or Enter on the words listed: the list and the counts stand
        self._text_filter = text
        self.reader.set_search(text)
        self._refilter()

    def _on_step_match(self, step: int) -> None:
        index = self.reader.step_match(step)
        if index is None:
            self.say(
                "The filter's words are not in this article."
                if self._text_filter.strip()
                else "Type words in the article filter (Ctrl+F) to find them in the text."
            )
        else:
            self.say(f"Match {index + 1} of {len(self.reader.matches)} of “{self._text_filter.strip()}”.")

    def _clear_narrowing(self) -> None:
        self._entity_filter = self._period_filter = None
        self._narrowed()

    def _set_entity_filter(self, entity: tuple[str, str] | None) -> None:
        self._entity_filter = entity
        self._narrowed()

    def _set_period_filter(self, period: str | None) -> None:
        """Narrow the list to a month ("2024-03") or a year ("2024") of dates; None: any date."""
        self._period_filter = period
        self._narrowed()

    def _narrowed(self) -> None:
        described = self._list_described(words=False)
        self.articles.show_narrowing(described[:1].upper() + described[1:] if described else None)
        self._refilter()

    def _list_filter(self) -> ListFilter:
        period = period_dates(self._period_filter) if self._period_filter else None
        return ListFilter(self._text_filter, self._entity_filter, period)

    def _list_described(self, *, words: bool = True) -> str:
        """What narrows the list: “treaty” · mentioning Russia (place) · dated 2024-03."""
        entity, typed = self._entity_filter, " ".join(self._text_filter.split())
        parts = [f"“{typed}”"] if words and typed else []
        parts += [f"mentioning {entity[0]} ({label_style(entity[1]).name})"] if entity else []
        parts += [f"dated {self._period_filter}"] if self._period_filter else []
        return " · ".join(parts)

    def _refilter(self) -> None:
        listed = self._list_filter()
        self.articles.model.set_filter(words=listed.words, entity=listed.entity, period=listed.period)
        if self._article is not None:
            self.articles.select_article(self._article.id)
        self._refresh_coverage()
        self._refresh_claim_chart()
        if self._claims_view is not None:
            self._claims_view.set_listed(listed, self._list_described())

    def _refresh_coverage(self) -> None:
        """The articles of the list by month (whatever the period chosen, so that another can
        be), when that chart is in view: it costs a query."""
        if self.charts.currentWidget() is not self.coverage:
            return
        listed = ListFilter(self._text_filter, self._entity_filter)  # not the period: the chart chooses it
        months, undated = self.session.store.articles_by_month(words=listed.words, entity=listed.entity)
        self.coverage.set_months(months, undated, filtered=bool(listed), chosen=self._period_filter)

    def _on_chart_tab_changed(self) -> None:
        self._refresh_coverage()
        self._refresh_claim_chart()

    def _refresh_claim_chart(self) -> None:
        """The claims of the listed articles counted as the claim chart asks, when it is in
        view (at 100k claims that takes 40–700 ms: on the query lane, not here)."""
        if self.charts.currentWidget() is not self.claim_chart:
            return
        by, split, schema = self.claim_chart.by, self.claim_chart.split, self.session.schema
        listed = self._list_filter() or None

        def show(rows) -> None:
            self.claim_chart.set_breakdown(breakdown(rows, by, split, schema), schema, listed=listed is not None)

        self.runner.submit(
            QUERY_LANE, "Counting claims", jobs.count_claims_by, self.session.path, by, split, listed,
            on_done=show, key="claim-chart", quiet=True,
        )  # fmt: skip

    def select_claim(self, claim_id: int | None, *, scroll: bool = True) -> None:
        """Show the claim in the form, its history, and mark it in the text."""
        claim = self.session.claim(claim_id) if claim_id is not None else None
        if claim is not None and self.review.current is not None:
            self.review.show(None)  # the claim chosen last is what keys 1–9 now act on
        self.panel.show_claim(claim)
        self.panel.set_history(self.session.history(claim.id) if claim else [])
        self.reader.select_claim(claim.id if claim else None, scroll=scroll and claim is not None)
        self.session.set_position(
            article_id=self._article.id if self._article else None, claim_id=claim.id if claim else None
        )

    def _on_reader_claim_clicked(self, claim_id: int) -> None:
        self.select_claim(claim_id, scroll=False)

    def _on_panel_claim_selected(self, claim_id: int | None) -> None:
        self.select_claim(claim_id)

    def _on_add_claim(self) -> None:
        span = self.reader.selection_span()
        if self._article is None or span is None:
            self.say("Select some text in the article first, then press C.")
            return
        made = self.attempt(
            lambda: self.session.add_claim(
                article_id=self._article.id, start=span[0], end=span[1], category=self.last_category()
            )
        )
        if made is not None:
            self.claim_made(*made)
            self.say(f"Claim added: “{preview(made[0].quote)}”")

    def claim_made(self, claim, changes: ChangeSet) -> None:
        self._recent_category = claim.category
        self.apply(changes)
        self.select_claim(claim.id, scroll=False)
        # The selection became the claim: left in place, it would correct the span of the
        # next suggestion accepted (A) as if the user had just drawn it.
        self.reader.clear_selection()

    def attempt(self, action):
        """Run a service call; a WorkbenchError becomes a message in the status bar. What
        is typed in the form is saved first, so each change lands in the order made."""
        self.panel.commit_pending()
        try:
            return action()
        except WorkbenchError as exc:
            self._refused(exc)
            return None

    def _refused(self, exc: WorkbenchError) -> None:
        """A change refused: said in the status bar, or in a box when nothing more can be
        saved (the project file moved away), which a status line would let pass unseen."""
        if isinstance(exc, ProjectFileError):
            self.warn("Not saved", str(exc))
        else:
            self.say(str(exc))

    def last_category(self) -> str | None:
        """New claims take the category last given, so runs of one kind go fast."""
        return self._recent_category if self._recent_category in self.session.schema.category_names else None

    def _on_panel_edit_requested(self, claim_id: int, field: str, value) -> None:
        if field == "category":
            self._recent_category = value
        try:
            changes = self.session.edit_claim(claim_id=claim_id, **{field: value})
        except WorkbenchError as exc:
            self._refused(exc)
            claim = self.session.claim(claim_id)
            if claim is not None:
                self.panel.update_claim(claim, refill=True)
            return
        self.apply(changes, from_panel=True)

    def _on_panel_delete_requested(self, claim_id: int) -> None:
        changes = self.attempt(lambda: self.session.delete_claim(claim_id=claim_id))
        if changes is None:
            return
        self.panel.show_claim(None)
        self.apply(changes)
        self.say("Claim deleted (Ctrl+Z brings it back).")

    def _on_remove_articles(self) -> None:
        ids = self.articles.selected_ids() or ([self._article.id] if self._article else [])
        if not ids:
            self.say("Select the articles to remove in the list.")
            return
        if len(ids) > MAX_REMOVED:
            # NOTE: removal keeps every row of the articles for undo, here, while the window
            # waits (0.6 ms an article): a few seconds at most.
            self.say(f"{len(ids):,} articles are selected: remove at most {MAX_REMOVED:,} at a time.")
            return
        one = len(ids) == 1
        what = f"“{self.articles.model.summary(ids[0]).title}”" if one else f"{len(ids):,} articles"
        claims = self.session.store.count_claims(ids)
        if claims or not one:
            lost = f" {counted(claims, 'claim')} on {'it' if one else 'them'} will go too." if claims else ""
            question = (
                f"Remove {what} from the project?{lost}\n\n"
                "Edit › Undo (Ctrl+Z) brings them back, until the project is closed."
            )
            if not confirm(self, "Remove articles", question, "Remove"):
                return
        changes = self.attempt(lambda: self.session.remove_articles(article_ids=ids))
        if changes is None:
            return
        self.apply(changes)
        self.say(f"Removed {what} (Ctrl+Z brings {'it' if one else 'them'} back).")

    def _on_delete_selected_claim(self) -> None:
        if self.panel.claim is not None:
            self._on_panel_delete_requested(self.panel.claim.id)

    def _on_undo(self) -> None:
        self._undo_or_redo(self.session.undo, "Undone")

    def _on_redo(self) -> None:
        self._undo_or_redo(self.session.redo, "Redone")

    def _undo_or_redo(self, step, verb: str) -> None:
        # NOTE: a menu click leaves the focus in the field being typed in: saved now, the
        # edit is what Ctrl+Z undoes, rather than being saved (and the redo lost) midway.
        self.panel.commit_pending()
        label = self.session.commands.undo_label if verb == "Undone" else self.session.commands.redo_label
        changes = self.attempt(step)
        if changes is None:
            self._update_undo_actions()  # a step that failed is left out of the history
            return
        # Undoing an edit made in another article brings that article back into view.
        elsewhere = (
            (changes.claim_articles | changes.articles_changed)
            - changes.articles_removed
            - ({self._article.id} if self._article else set())
        )
        if elsewhere:
            self.show_article(min(elsewhere))
        self.apply(changes)
        claim_id = min(changes.claims_changed) if changes.claims_changed else None
        self.select_claim(claim_id)
        if label:
            self.say(f"{verb}: {label.lower()}")

    def _on_category_key(self, key: str) -> None:
        """A number key in the reader: accept the suggestion under review with that category,
        or give the selected claim that category."""
        category = next((c.name for c in self.session.schema.categories if c.shortcut == key), None)
        if category is None:
            self.say(f"No category has the key {key} (Project › Claim Schema… sets them).")
        elif self.review.current is not None:
            self.review.accept(category=category)
        elif self.panel.claim is not None:
            self._on_panel_edit_requested(self.panel.claim.id, "category", category)
            self.panel.update_claim(self.session.claim(self.panel.claim.id), refill=True)
        else:
            self.say("Select a claim or a suggestion first.")

    def _on_edit_note(self) -> None:
        if self.panel.claim is None:
            self.say("Select a claim first.")
            return
        self.panel.note.setFocus()
        self.panel.note.moveCursor(QTextCursor.MoveOperation.End)

    def _on_focus_reader(self) -> None:
        self.center.setCurrentIndex(0)
        self.reader.setFocus()

    # -- dialogs for the project's vocabulary ----------------------------------------------

    def _on_edit_schema(self) -> None:
        from workbench.qt.widgets.schema_dialog import SchemaDialog

        dialog = SchemaDialog(self.session.schema, self.session.schema_usage(), self)
        while dialog.exec():
            try:
                changes = self.session.change_schema(schema=dialog.schema(), replacements=dialog.replacements())
            except WorkbenchError as exc:
                from workbench.qt.messages import warn

                warn(self, "Claim schema", str(exc))
                continue
            self.apply(changes)
            self.say("Claim schema changed (Ctrl+Z undoes it).")
            return

    def _on_edit_actors(self) -> None:
        from workbench.qt.widgets.actors_dialog import ActorsDialog

        dialog = ActorsDialog(self.session, self)
        dialog.changed.connect(self.apply)
        dialog.show_claims.connect(lambda actor_id: self._on_claims_chosen({"actor_id": actor_id}))
        dialog.exec()

    def _on_show_agreement(self) -> None:
        from workbench.qt.messages import inform
        from workbench.qt.widgets.agreement_dialog import AgreementDialog
        from workbench.services.agreement import agreement_report, not_enough_message

        results = agreement_report(self.session.store)
        if not results:
            inform(self, "Agreement between analysts", not_enough_message(self.session.store))
            return
        path = self.session.path
        AgreementDialog(results, path.with_name(path.stem + "-agreement.csv"), self).exec()

    def _on_claims_chosen(self, filters: dict) -> None:
        """Those claims (a bar of the claim chart, an actor's) in the "All claims" tab."""
        self.claims_view.show_only(**filters)
        self.center.setCurrentWidget(self.claims_view)

    def _on_show_claims_view(self) -> None:
        self.claims_view.reload_choices()
        self.center.setCurrentWidget(self.claims_view)
        self.claims_view.text.setFocus()

    def _on_claims_view_claim_opened(self, article_id: int, claim_id: int) -> None:
        self.center.setCurrentIndex(0)
        self.show_article(article_id, claim_id=claim_id)
        self.reader.setFocus()

    def _on_preferences(self) -> None:
        from workbench.qt.widgets.preferences_dialog import PreferencesDialog

        dialog = PreferencesDialog(self.settings, self)
        if dialog.exec():
            pipeline = self.settings.pipeline
            dialog.apply_to(self.settings)
            save_settings(self.settings)
            self.session.analyst = self.settings.analyst or default_analyst()
            if self.settings.pipeline != pipeline:
                self._pipeline_missing = False

    def _on_header_correction_requested(self, article_id: int, values: dict) -> None:
        try:
            changes = self.session.correct_article(article_id=article_id, **values)
        except WorkbenchError as exc:
            self.say(str(exc))
            self.header.show_error(str(exc))  # beside the fields, where the eyes are
            return
        self.header.stop_editing()
        self.apply(changes)
        if changes:
            self.say("Article details corrected (Ctrl+Z undoes it).")

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

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.articles.model.catch_up()  # coming back from a terminal that imported some
            if self.session.schema != self.panel.schema:  # changed in another window
                self._set_schema()
                self._claims_changed()

    def _on_analysis_done(self, reports) -> None:
        self._analysis_task = None
        self.articles.model.catch_up()
        if reports is None:
            return
        for report in reports:
            self.apply(report.changes)
        found = [f"{r.found} {r.what} in {counted(r.analysed, 'new article')}" for r in reports if r.analysed]
        message = ("Found " + " and ".join(found)) if found else "All articles are analysed"
        if other := max((r.other_language for r in reports), default=0):
            message += f" ({other} not in English: nothing looked for in {'them' if other != 1 else 'it'})"
        message += "."  # the sentences that may follow read as sentences
        if any(r.cancelled for r in reports):
            message += " Cancelled before the end: F5 goes on."
        elif len(reports) == 1:
            message += " No suggested claims: the language pipeline has no parser."
        self.say(message)
        self.analysis_finished.emit(reports)

    def _on_analysis_failed(self, message: str) -> None:
        from workbench.nlp.pipeline import INSTALL_HINT

        self._analysis_task = None
        if INSTALL_HINT in message:
            self._pipeline_missing = True
        self.say(message)
        self.analysis_finished.emit(message)

    def _on_cancel_tasks(self) -> None:
        self.runner.cancel_all()
        self.say("Cancelling…")

    def _on_runner_task_started(self, _task_id: int, label: str) -> None:
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self.say(f"{label}…")

    def _on_runner_task_progressed(self, _task_id: int, done: int, total: int, message: str) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
        else:
            self.progress.setRange(0, 0)
        self.say(message)

    def _on_runner_task_ended(self, _task_id: int) -> None:
        if not self.runner.running():
            self.progress.hide()
            self.cancel_button.hide()

    # -- dialogs -------------------------------------------------------------------------

    def _on_new_project(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getSaveFileName(self, "New project", "", f"Workbench projects (*{PROJECT_SUFFIX})")
        if path:
            path = Path(path)
            if path.suffix != PROJECT_SUFFIX:
                path = path.with_name(path.name + PROJECT_SUFFIX)
            if path.exists():
                self.warn("New project", f"{path} already exists; use Open Project to open it.")
                return
            self.switch_project(path)

    def _on_open_project(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(
            self, "Open project", "", f"Workbench projects (*{PROJECT_SUFFIX});;All files (*)"
        )
        if path:
            self.switch_project(Path(path))

    def _on_show_shortcuts(self) -> None:
        from workbench.qt.widgets.shortcuts_dialog import ShortcutsDialog

        dialog = ShortcutsDialog(self.menuBar(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _on_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from workbench import __version__

        QMessageBox.about(
            self,
            "About Analyst Workbench",
            f"Analyst Workbench {__version__}\n\nRead news articles with their named entities highlighted, "
            f"annotate the claims in them, export the dataset.\n\nProject: {self.session.path}",
        )

    def say(self, message: str) -> None:
        self.status_message.setText(message)

    def warn(self, title: str, message: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        self.say(message)
        box = QMessageBox(QMessageBox.Icon.Warning, title, message, parent=self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.open()

    # -- closing -------------------------------------------------------------------------

    def closeEvent(self, event) -> None:
        self.panel.commit_pending()  # a note, source or tags still being typed
        window_settings = _window_settings()
        window_settings.setValue("window/geometry", self.saveGeometry())
        window_settings.setValue("window/splitter", self.splitter.saveState())
        self.runner.shutdown(jobs.close_lane)
        # NOTE: a debounce timer (filter boxes) must not fire against the closed project.
        for timer in self.findChildren(QTimer):
            timer.stop()
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
