"""The claim workflow of the main window: suggestions by keyboard, the claims view, the
schema and actors dialogs, preferences and history."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog, QPlainTextEdit

from workbench.core.model import Suggestion
from workbench.qt.models.claim_table import CORPUS_COLUMNS, ClaimTableModel
from workbench.qt.models.suggestion_table import SuggestionTableModel
from workbench.qt.widgets.actors_dialog import ActorsDialog
from workbench.qt.widgets.schema_dialog import SchemaDialog


def suggest(session, article_id, *spans):
    """Store suggestions (needle, source, stance) for an article, as the analysis does."""
    text = session.article(article_id).text
    found = []
    for needle, source, stance in spans:
        start = text.index(needle)
        found.append(Suggestion(start, start + len(needle), needle, source, None, None, stance, "said"))
    session.store.save_suggestions(article_id, session.article(article_id).text_hash, found, "test", "1")


def press(qtbot, window, *keys):
    window.reader.setFocus()
    for key in keys:
        qtbot.keyClick(window.reader, key)


def test_working_through_suggestions_with_the_keyboard(qtbot, open_window):
    window = open_window()
    s = window.session
    suggest(s, 1, ("has expressed a desire to strengthen", "Kim Jong Un", "asserts"),
            ("This move could provide North Korea with a buffer", "North Korea", "other"))  # fmt: skip
    suggest(s, 2, ("both, Russia and North Korea have refuted these claims", "Russia and North Korea", "denies"))
    window.show_article(1)
    assert window.panel.suggestion_model.rowCount() == 2
    press(qtbot, window, Qt.Key.Key_N)
    assert window.review.current == 0
    press(qtbot, window, Qt.Key.Key_3)  # accept as the category with key 3
    claims = s.claims(1)
    assert len(claims) == 1
    claim = claims[0]
    assert (claim.quote, claim.source, claim.stance, claim.category) == (
        "has expressed a desire to strengthen", "Kim Jong Un", "asserts", "Intent")  # fmt: skip
    assert window.review.current == 0 and window.panel.suggestion_model.rowCount() == 1  # the next one is under review
    press(qtbot, window, Qt.Key.Key_X)  # reject it
    assert s.suggestions(1) == [] and window.panel.suggestion_model.rowCount() == 0
    press(qtbot, window, Qt.Key.Key_N)  # on to the next article with suggestions
    assert window.reader.article.id == 2 and window.review.current == 0
    press(qtbot, window, Qt.Key.Key_A)
    refuted = s.claims(2)[0]
    assert refuted.stance == "denies" and refuted.source == "Russia and North Korea"
    assert refuted.category == "Intent"  # the last category used
    press(qtbot, window, Qt.Key.Key_N)
    assert "No more suggestions" in window.status_message.text()
    # undo walks back through the decisions, across articles
    window.undo_action.trigger()
    assert s.claims(2) == [] and len(s.suggestions(2)) == 1
    window.undo_action.trigger()
    assert window.reader.article.id == 2 or len(s.suggestions(1)) == 1
    assert len(s.suggestions(1)) == 1


def test_number_key_sets_the_category_of_the_selected_claim_and_e_edits_the_note(qtbot, open_window):
    window = open_window()
    text = window.session.article(1).text
    start = text.index("Kim Jong Un")
    window.reader.select_span(start, start + 11)
    press(qtbot, window, Qt.Key.Key_C, Qt.Key.Key_4)
    claim = window.session.claims(1)[0]
    assert claim.category == "Accusation"
    assert window.panel.category.currentData() == "Accusation"
    press(qtbot, window, Qt.Key.Key_E)
    assert QApplication.focusWidget() is window.panel.note
    qtbot.keyClicks(window.panel.note, "check this")
    qtbot.keyClick(window.panel.note, Qt.Key.Key_Tab)  # leaving the note commits it
    assert window.session.claim(claim.id).note == "check this"


def test_claims_tab_is_built_when_first_opened_and_lists_the_claims(qtbot, open_window):
    window = open_window()
    s = window.session
    start = s.article(1).text.index("Kim Jong Un")
    claim = s.add_claim(article_id=1, start=start, end=start + 11, source="Kim Jong Un", category="Event")[0]
    window.apply(s.undo() | s.redo())
    assert window.findChild(object, "claimsView") is None  # not built with the window
    window.center.setCurrentIndex(1)  # as a click on the tab does
    view = window.findChild(object, "claimsView")
    assert view is not None and window.center.currentWidget() is view and view.isVisible()
    assert window.center.count() == 2 and window.center.tabText(1) == "All claims"
    qtbot.waitUntil(lambda: [view.model.claim_id(r) for r in range(view.model.rowCount())] == [claim.id])
    window.center.setCurrentIndex(0)
    window.center.setCurrentIndex(1)
    assert window.claims_view is view and window.findChildren(type(view)) == [view]


def test_claims_tab_opens_by_keyboard_before_it_is_built(qtbot, open_window):
    window = open_window()
    next(a for a in window.findChildren(QAction) if a.text() == "All &Claims").trigger()
    assert window.center.currentWidget() is window.claims_view
    assert window.claims_view.text.hasFocus()


def test_claims_view_filters_and_opens_a_claim(qtbot, open_window):
    window = open_window()
    s = window.session

    def add(article_id, needle, **fields):
        start = s.article(article_id).text.index(needle)
        return s.add_claim(article_id=article_id, start=start, end=start + len(needle), **fields)[0]

    a = add(4, "Choe Son Hui", source="Choe Son Hui", category="Intent")
    b = add(3, "Chloe Son Hui", source="Chloe Son Hui", category="Event", stance="denies")
    c = add(1, "Kim Jong Un", source="Kim Jong Un", category="Event", status="disputed")
    window.apply(s.undo() | s.redo())  # any change refreshes the view's choices
    window.center.setCurrentWidget(window.claims_view)
    view = window.findChild(object, "claimsView")
    qtbot.waitUntil(lambda: view.model.rowCount() == 3)

    def pick(combo, data):
        combo.setCurrentIndex(combo.findData(data))

    def listed():
        return {view.model.claim_id(r) for r in range(view.model.rowCount())}

    pick(view.category, "Event")
    qtbot.waitUntil(lambda: listed() == {b.id, c.id})
    pick(view.status, "disputed")
    qtbot.waitUntil(lambda: listed() == {c.id})
    pick(view.status, None)
    pick(view.category, None)
    qtbot.keyClicks(view.text, "son hui")
    qtbot.waitUntil(lambda: view.model.rowCount() == 2, timeout=3000)
    view.text.clear()
    # merge the two spellings of one actor: the view then finds both under one actor
    dialog = ActorsDialog(s, window)
    dialog.changed.connect(window.apply)
    ids = [x.id for x in s.actors() if "Son Hui" in x.name]
    window.apply(s.merge_actors(target_id=s.store.actor_named("Choe Son Hui").id, source_ids=ids))
    view.reload_choices()
    pick(view.actor, s.store.actor_named("Choe Son Hui").id)
    qtbot.waitUntil(lambda: listed() == {a.id, b.id}, timeout=3000)
    # double-click opens the article at the claim
    row = next(r for r in range(2) if view.model.claim_id(r) == b.id)
    view.table.doubleClicked.emit(view.model.index(row, 1))
    assert window.center.currentIndex() == 0
    assert window.reader.article.id == 3 and window.panel.claim.id == b.id
    # sortable by a click on a column's header
    header = view.table.horizontalHeader()
    header.setSortIndicator(CORPUS_COLUMNS.index("article"), Qt.SortOrder.DescendingOrder)
    titles = [view.model.data(view.model.index(r, 0)) for r in range(view.model.rowCount())]
    assert titles == sorted(titles, key=str.casefold, reverse=True)


def test_many_claims_are_sorted_off_the_gui_thread_and_stay_sorted_when_reread(qtbot, open_window, monkeypatch):
    """100k claims took up to half a second to sort on the GUI thread."""
    import threading

    from workbench.qt import jobs

    window = open_window()
    s = window.session
    text = s.article(1).text
    for word in ("Kim", "Russia", "Korea", "Moscow", "security"):
        start = text.index(word)
        s.add_claim(article_id=1, start=start, end=start + len(word), source=word)
    view = window.claims_view
    monkeypatch.setattr(type(view), "SORT_HERE", 2)
    sorted_on = []
    sort_claims = jobs.sort_claims

    def recording(state, claims, order):
        sorted_on.append(threading.current_thread())
        return sort_claims(state, claims, order)

    monkeypatch.setattr(jobs, "sort_claims", recording)
    window.center.setCurrentWidget(view)
    qtbot.waitUntil(lambda: view.model.rowCount() == 5)

    def sources():
        return [view.model.data(view.model.index(r, CORPUS_COLUMNS.index("source"))) for r in range(5)]

    view.table.horizontalHeader().setSortIndicator(CORPUS_COLUMNS.index("source"), Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: sources() == ["Kim", "Korea", "Moscow", "Russia", "security"])
    assert sorted_on and threading.main_thread() not in sorted_on
    view.table.horizontalHeader().setSortIndicator(CORPUS_COLUMNS.index("source"), Qt.SortOrder.DescendingOrder)
    view.refresh()  # read again: the rows come back in the header's order
    qtbot.waitUntil(lambda: sources() == ["security", "Russia", "Moscow", "Korea", "Kim"])


def test_schema_dialog_rename_and_delete_with_undo(qtbot, open_window):
    window = open_window()
    s = window.session
    text = s.article(1).text
    start = text.index("Kim Jong Un")
    claim, _ = s.add_claim(article_id=1, start=start, end=start + 11, category="Intent")
    dialog = SchemaDialog(s.schema, s.schema_usage(), window)
    assert dialog.claims_using("category", "Intent") == 1
    dialog.rename_value("category", "Intent", "Plan")
    dialog.add_value("status", "retracted")
    dialog.merge_value("stance", "questions", "other")
    window.apply(s.change_schema(schema=dialog.schema(), replacements=dialog.replacements()))
    assert s.claim(claim.id).category == "Plan"
    assert window.panel.category.findData("Plan") >= 0 and window.panel.status.findText("retracted") >= 0
    assert "questions" not in s.schema.stances
    window.undo_action.trigger()
    assert s.claim(claim.id).category == "Intent" and "questions" in s.schema.stances
    dialog = SchemaDialog(s.schema, s.schema_usage(), window)
    dialog.delete_value("category", "Intent")
    assert dialog.replacements() == {("category", "Intent"): None}


def test_preferences_name_is_recorded_in_the_history_tab(qtbot, open_window):
    window = open_window()
    window.settings.analyst = "R. Analyst"
    window.session.analyst = "R. Analyst"
    text = window.session.article(1).text
    start = text.index("Kim Jong Un")
    window.reader.select_span(start, start + 11)
    press(qtbot, window, Qt.Key.Key_C, Qt.Key.Key_2)
    history = window.panel.history.toPlainText().splitlines()
    assert history[0].split("  ")[1:3] == ["R. Analyst", "edited — category: “Event” → “Statistic”"]
    assert "created" in history[-1]
    assert window.session.claims(1)[0].analyst == "R. Analyst"


def test_shortcuts_help_lists_the_keyboard_workflow(qtbot, open_window):
    window = open_window()
    window.reader.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = window.findChild(QDialog, "shortcutsDialog")
    text = dialog.findChild(QPlainTextEdit).toPlainText()
    for item in (
        "Next Suggestion",
        "Accept Suggestion",
        "Reject Suggestion",
        "1                  Event",  # the category each key gives
        "(no category has this key)",
        "Edit Note",
        "Undo",
        "Next Article",
    ):
        assert item in text


def test_models_pass_the_model_tester(qtmodeltester, seeded_session):
    s = seeded_session
    model = SuggestionTableModel()
    model.set_suggestions([Suggestion(0, 5, "North", "Kim", None, None, "asserts", "said")])
    qtmodeltester.check(model)
    corpus = ClaimTableModel(columns=CORPUS_COLUMNS)
    start = s.article(1).text.index("Kim Jong Un")
    s.add_claim(article_id=1, start=start, end=start + 11)
    corpus.set_claims(s.claims(), s.schema, {1: "Title"})
    qtmodeltester.check(corpus)


def test_a_suggestion_span_corrected_by_a_selection_before_accepting(qtbot, open_window):
    window = open_window()
    s = window.session
    suggest(s, 1, ("has expressed a desire to strengthen the country's partnership", "Kim Jong Un", "asserts"))
    window.show_article(1)
    press(qtbot, window, Qt.Key.Key_N)
    text = s.article(1).text
    start = text.index("a desire to strengthen")
    window.reader.select_span(start, start + len("a desire to strengthen"))  # the analyst narrows it
    press(qtbot, window, Qt.Key.Key_A)
    claim = s.claims(1)[0]
    assert claim.quote == "a desire to strengthen" and claim.source == "Kim Jong Un"
    assert s.suggestions(1) == []  # the suggestion counts as accepted


def test_agreement_between_analysts_from_the_analysis_menu(qtbot, open_window, monkeypatch, tmp_path):
    from workbench.qt.widgets import agreement_dialog

    window = open_window()
    s = window.session
    text = s.article(1).text
    for analyst, category in (("Ana", "Event"), ("Ben", "Intent")):
        s.analyst = analyst
        start = text.index("Kim Jong Un")
        s.add_claim(article_id=1, start=start, end=start + len("Kim Jong Un"), category=category)
    shown = []

    def look(dialog):
        model = dialog.model
        shown.append([[model.data(model.index(r, c)) for c in range(model.columnCount())] for r in range(2)])
        dialog.save(tmp_path / "agreement.csv")

    monkeypatch.setattr(agreement_dialog.AgreementDialog, "exec", look)
    action = next(a for a in window.findChildren(QAction) if a.text() == "&Agreement Between Analysts…")
    action.trigger()
    [[spans, category]] = shown
    assert spans[:5] == ["Ana · Ben", "1", "spans", "2", "1.00"]
    assert category[:5] == ["Ana · Ben", "1", "category", "1", "0%"]
    assert (tmp_path / "agreement.csv").read_text(encoding="utf-8").startswith("first_analyst,second_analyst")


def _claim_on(qtbot, window, needle):
    text = window.reader.article.text
    window.reader.select_span(text.index(needle), text.index(needle) + len(needle))
    press(qtbot, window, Qt.Key.Key_C)
    return window.panel.claim


def test_undo_from_the_menu_while_a_note_is_typed_undoes_that_note(qtbot, open_window):
    """A menu click leaves the focus in the note: the note is saved first and is what undo
    takes back, with the redo kept, not saved midway over the undone step."""
    window = open_window()
    s = window.session
    claim = _claim_on(qtbot, window, "Kim Jong Un highlighted the need")
    window.panel.source.setCurrentText("Kim Jong Un")
    window.panel.commit_pending()
    window.panel.note.setFocus()
    qtbot.keyClicks(window.panel.note, "check")  # the note's save timer is still running
    window.undo_action.trigger()
    assert (s.claim(claim.id).source, s.claim(claim.id).note) == ("Kim Jong Un", "")
    assert window.redo_action.isEnabled()
    window.redo_action.trigger()
    assert s.claim(claim.id).note == "check"


def test_a_claim_made_from_a_selection_spends_it(qtbot, open_window):
    """After C the selection is gone, so a suggestion accepted next (A) keeps its own span."""
    window = open_window()
    s = window.session
    suggest(s, 1, ("has expressed a desire to strengthen", "Kim Jong Un", "asserts"))
    window.show_article(1)
    _claim_on(qtbot, window, "leader, Kim Jong Un, has expressed")
    assert window.reader.selection_span() is None
    press(qtbot, window, Qt.Key.Key_N, Qt.Key.Key_A)
    assert [c.quote for c in s.claims(1)] == [
        "leader, Kim Jong Un, has expressed",
        "has expressed a desire to strengthen",
    ]


def test_keys_act_on_what_was_chosen_last_a_claim_or_a_suggestion(qtbot, open_window):
    window = open_window()
    s = window.session
    suggest(s, 1, ("has expressed a desire to strengthen", "Kim Jong Un", "asserts"))
    window.show_article(1)
    claim = _claim_on(qtbot, window, "Kim Jong Un highlighted the need")
    press(qtbot, window, Qt.Key.Key_N)  # a suggestion comes under review: the claim is let go
    assert window.review.current == 0 and window.panel.claim is None
    window.panel.table.setCurrentIndex(window.panel.model.index(0, 0))  # the claim chosen again
    assert window.panel.claim.id == claim.id and window.review.current is None
    press(qtbot, window, Qt.Key.Key_4)
    assert [c.id for c in s.claims(1)] == [claim.id]  # no suggestion accepted
    assert s.claim(claim.id).category == next(c.name for c in s.schema.categories if c.shortcut == "4")
    window.panel.tabs.setCurrentIndex(1)  # the suggestion let go is chosen again by a click on it
    table = window.panel.suggestion_table
    qtbot.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(table.model().index(0, 0)).center()
    )
    assert window.review.current == 0 and window.panel.claim is None


def test_redo_answers_ctrl_y_and_ctrl_shift_z(qtbot, open_window):
    window = open_window()
    _claim_on(qtbot, window, "Kim Jong Un highlighted the need")
    ctrl, shift = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
    for key, modifiers in ((Qt.Key.Key_Y, ctrl), (Qt.Key.Key_Z, ctrl | shift)):
        qtbot.keyClick(window.reader, Qt.Key.Key_Z, ctrl)
        assert window.session.claims(1) == []
        qtbot.keyClick(window.reader, key, modifiers)
        assert len(window.session.claims(1)) == 1, key


def test_a_value_the_form_cannot_show_as_it_is_is_no_edit(qtbot, open_window):
    """A tag holding a comma or a source with spaces around it (from an imported file)
    reads back from the form differently: that is no edit, or every undo would first save
    one and nothing older could ever be undone."""
    window = open_window()
    s = window.session
    claim = _claim_on(qtbot, window, "Kim Jong Un highlighted the need")
    window.apply(s.edit_claim(claim_id=claim.id, tags=("Washington, D.C.",), source=" Kim "))
    window.select_claim(claim.id)
    for _ in range(3):  # the edit, then the claim itself
        window.undo_action.trigger()
    assert s.claim(claim.id) is None


def test_alt_keys_on_a_list_open_it_or_go_to_the_previous_article_never_change_it(qtbot, open_window):
    """Alt+↓ opens a drop-down list (with the keypad flag macOS sets on arrows, too);
    Alt+↑, which a list reads as "previous item", goes to the previous article instead."""
    window = open_window()
    window.show_article(2)
    claim = _claim_on(qtbot, window, "Russia")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    category = window.panel.category
    category.setFocus()
    alt, keypad = Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.KeypadModifier
    qtbot.keyClick(category, Qt.Key.Key_Down, alt | keypad)
    assert category.view().isVisible() and window.reader.article.id == 2
    category.hidePopup()
    category.setFocus()
    qtbot.keyClick(category, Qt.Key.Key_Up, alt)
    assert window.reader.article.id == 1
    assert window.session.claim(claim.id).category == claim.category


def test_a_long_actor_name_elides_and_leaves_the_other_columns_in_sight(qtbot, open_window):
    window = open_window()
    s = window.session
    name = "A very long source name that goes on and on, of the Ministry of Foreign Affairs <b>x</b>"
    start = s.article(1).text.index("Kim Jong Un")
    s.add_claim(article_id=1, start=start, end=start + 11, source=name)
    dialog = ActorsDialog(s, window)
    qtbot.addWidget(dialog)
    dialog.resize(640, 420)
    dialog.show()
    header = dialog.table.horizontalHeader()
    assert header.sectionViewportPosition(2) + header.sectionSize(2) <= dialog.table.viewport().width()
    assert dialog.table.item(0, 0).toolTip() != name and "&lt;b&gt;" in dialog.table.item(0, 0).toolTip()


def test_the_titles_of_claimed_articles_are_read_off_the_gui_thread(qtbot, open_window, monkeypatch):
    """70k titles take 66 ms to read: on every claim edit while All claims is shown, a stall."""
    import threading

    from workbench.store.project_store import ProjectStore

    window = open_window()
    s = window.session
    read_on = []
    titles = ProjectStore.titles_of_claimed_articles

    def recording(store):
        read_on.append(threading.current_thread())
        return titles(store)

    monkeypatch.setattr(ProjectStore, "titles_of_claimed_articles", recording)
    view = window.claims_view
    window.center.setCurrentWidget(view)
    start = s.article(4).text.index("Choe Son Hui")
    window.apply(s.add_claim(article_id=4, start=start, end=start + 12, category="Intent")[1])
    qtbot.waitUntil(lambda: view.article.count() == 2)  # "(any)" and the one article with a claim
    assert view.article.itemData(1) == 4 and read_on and threading.main_thread() not in read_on
