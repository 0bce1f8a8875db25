"""Removing articles from the list: Delete or the context menu, a question when claims
would go, the next article shown, and undo putting everything back where it was."""

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QToolButton

from tests.qt.test_main_window import add_claim_with_key, select_text
from workbench.qt import main_window as main_window_module


def list_ids(window):
    return window.articles.model.article_ids()


def chips(window):
    return [chip for chip in window.legend.findChildren(QToolButton) if chip.isVisible()]


def select_rows(window, rows):
    table, model = window.articles.table, window.articles.model
    table.selectRow(rows[0])
    for row in rows[1:]:
        table.selectionModel().select(
            model.index(row, 0), QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        )


def test_delete_in_the_list_removes_the_article_and_undo_brings_it_back(qtbot, open_window, monkeypatch):
    window = open_window()
    asked = []
    monkeypatch.setattr(main_window_module, "confirm", lambda *args: asked.append(args) or True)
    window.articles.table.selectRow(1)
    assert window.reader.article.id == 2
    window.articles.table.setFocus()
    qtbot.keyClick(window.articles.table, Qt.Key.Key_Delete)
    assert asked == []  # one article without claims: nothing to ask
    assert list_ids(window) == [1, 3, 4, 5] and window.articles.count_label.text() == "4 articles"
    assert window.reader.article.id == 3 and window.articles.table.currentIndex().row() == 1
    assert "Removed “" in window.status_message.text()
    assert "Remove article" in window.undo_action.text()

    window.undo_action.trigger()
    assert list_ids(window) == [1, 2, 3, 4, 5] and window.reader.article.id == 2
    assert window.articles.table.currentIndex().row() == 1
    qtbot.waitUntil(lambda: chips(window) != [])  # its entities came back with it


def test_removing_articles_with_claims_asks_first(qtbot, open_window, monkeypatch):
    window = open_window()
    select_text(window, "Kim Jong Un, has expressed a desire")
    add_claim_with_key(qtbot, window)
    answers, asked = [False, True], []

    def confirm(_parent, _title, text, _action):
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(main_window_module, "confirm", confirm)
    chart_before = window.session.top_entities(5)
    select_rows(window, [0, 1, 2])
    window.articles.table.setFocus()
    qtbot.keyClick(window.articles.table, Qt.Key.Key_Delete)
    assert asked[0].startswith("Remove 3 articles from the project? 1 claim on them will go too.")
    assert list_ids(window) == [1, 2, 3, 4, 5]  # declined: nothing removed
    qtbot.keyClick(window.articles.table, Qt.Key.Key_Delete)
    assert list_ids(window) == [4, 5] and window.reader.article.id == 4
    assert window.session.find_claims() == [] and window.session.top_entities(5) != chart_before
    window.undo_action.trigger()
    assert list_ids(window) == [1, 2, 3, 4, 5] and len(window.session.find_claims()) == 1


def test_removing_every_article_leaves_an_empty_view(qtbot, open_window, monkeypatch):
    window = open_window()
    monkeypatch.setattr(main_window_module, "confirm", lambda *args: True)
    select_rows(window, [0, 1, 2, 3, 4])
    window.articles.table.setFocus()
    qtbot.keyClick(window.articles.table, Qt.Key.Key_Delete)
    assert list_ids(window) == [] and window.reader.article is None
    assert window.reader.toPlainText() == "" and chips(window) == []
    window.undo_action.trigger()
    assert list_ids(window) == [1, 2, 3, 4, 5]


def test_the_list_offers_removal_on_right_click(open_window):
    window = open_window()
    names = [action.text() for action in window.articles.table.actions()]
    assert "&Remove Articles from Project…" in names


def test_the_shortcuts_list_says_where_delete_removes_articles(open_window):
    from workbench.qt.widgets.shortcuts_dialog import shortcut_lines

    lines = shortcut_lines(open_window().menuBar())
    assert any("Remove Articles from Project…  (in the article list)" in line for line in lines)
    assert any("Add Claim from Selection  (in the reader)" in line for line in lines)


def test_too_many_articles_at_once_are_refused_with_the_reason(qtbot, open_window, monkeypatch):
    window = open_window()
    monkeypatch.setattr(main_window_module, "MAX_REMOVED", 2)
    monkeypatch.setattr(main_window_module, "confirm", lambda *args: True)
    select_rows(window, [0, 1, 2])
    window.articles.table.setFocus()
    qtbot.keyClick(window.articles.table, Qt.Key.Key_Delete)
    assert list_ids(window) == [1, 2, 3, 4, 5]
    assert window.status_message.text() == "3 articles are selected: remove at most 2 at a time."


def test_removing_the_last_listed_article_says_the_filters_hide_the_others(qtbot, open_window):
    window = open_window()
    window._set_period_filter("2023-11")  # one of the five is dated then
    assert list_ids(window) == [5]
    window.show_article(5)
    window.apply(window.session.remove_articles(article_ids=[5]))
    assert window.reader.article is None and window.heading.text() == "No article open"
    assert window.meta.text() == "The list's filters hide all 4 articles: clear them, or press Show all."
