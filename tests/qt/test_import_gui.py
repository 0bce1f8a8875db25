"""Importing from the window: a progress dialog with Cancel that becomes a report, columns
of tables chosen by hand, where metadata came from, corrections in place, near-duplicates."""

import random
import socket
import threading
import time

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication

from workbench.qt.models.article_table import ARTICLE_ID_ROLE
from workbench.qt.widgets.column_mapping import TablePreviewModel
from workbench.services.importing import preview_table

PROSE = (
    "Officials in Seoul said on Monday that the talks with Moscow would resume next month, according to a "
    "statement released by the foreign ministry after a closed meeting of the national security council."
)


def finished(qtbot, dialog, timeout=120_000):
    qtbot.waitUntil(lambda: dialog.copy_button.isVisible(), timeout=timeout)
    return dialog.report_view.toPlainText()


def test_import_shows_progress_then_a_report_the_user_can_copy(qtbot, open_window, tmp_path):
    window = open_window()
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "new.txt").write_text(f"A new headline\n\n{PROSE}\n")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    seen = []
    window.runner.task_progressed.connect(lambda _id, done, total, message: seen.append(message))
    dialog = window.transfers.import_paths([folder])
    assert dialog.objectName() == "importDialog" and dialog.isVisible() and not dialog.isModal()
    report = finished(qtbot, dialog)
    assert report.splitlines()[0] == "1 imported, 0 skipped, 1 failed"
    assert "binary.txt: binary file" in report
    assert report.splitlines()[1] == f"Files in {folder}:"  # named once; each line shows the file's name
    assert all(str(folder) not in line for line in report.splitlines()[2:])
    assert dialog.status.text() == "1 imported, 0 skipped, 1 failed"
    assert "1 imported, 0 skipped, 1 failed" in seen  # the last progress message is the summary
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == report
    assert window.articles.model.total == 6
    assert window.articles.count_label.text() == "6 articles"  # the rows the import added are counted
    assert not dialog.columns_button.isVisible()


def test_cancel_stops_a_large_folder_import(qtbot, open_window, tmp_path, monkeypatch):
    from workbench.services import importing

    read_file = importing._read_file

    def slowly(*args):  # at least 4 s for 800 files, so the cancel lands before the end on any machine
        time.sleep(0.005)
        return read_file(*args)

    monkeypatch.setattr(importing, "_read_file", slowly)
    window = open_window()
    folder = tmp_path / "many"
    folder.mkdir()
    rng = random.Random(1)
    words = PROSE.split()
    for i in range(800):
        (folder / f"{i:04d}.txt").write_text(f"Story {i}\n\n{' '.join(rng.sample(words, len(words)))}\n")
    dialog = window.transfers.import_paths([folder])
    qtbot.waitUntil(lambda: window.session.store.article_count() >= 5 + 25, timeout=60_000)
    assert "of 800 files)" in dialog.status.text()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert dialog.status.text().startswith("Cancelling")
    report = finished(qtbot, dialog)
    assert "files not imported)" in report.splitlines()[0]
    imported = int(report.split(" imported")[0])
    assert 0 < imported < 800 and window.session.store.article_count() == 5 + imported
    assert window.articles.model.total == 5 + imported


def test_the_window_keeps_responding_while_a_50_mb_file_imports(qtbot, open_window, tmp_path):
    window = open_window(pipeline="no_such_pipeline")  # no entity analysis of 50 MB after the import
    big = tmp_path / "big.txt"
    paragraph = PROSE + " More detail from the briefing followed. " * 10 + "\n\n"
    big.write_text("A very long report\n\n" + paragraph * (50 * 1024 * 1024 // len(paragraph) + 1))
    ticks, messages = [], []
    timer = QTimer(interval=20)
    timer.timeout.connect(lambda: ticks.append(window.articles.model.total))
    window.runner.task_progressed.connect(lambda _id, done, total, message: messages.append(message))
    timer.start()
    dialog = window.transfers.import_paths([big])
    report = finished(qtbot, dialog)
    timer.stop()
    assert report.startswith("1 imported")
    assert "Reading big.txt (52 MB)…" in messages and dialog.report_view.isVisible()
    # The event loop ran all along: the timer fired many times before the import ended.
    assert ticks.count(5) > 20 and window.articles.model.total == 6


def test_a_table_without_a_known_text_column_gets_its_columns_chosen(qtbot, open_window, tmp_path):
    window = open_window()
    table = tmp_path / "table.csv"
    table.write_text(f'id,headline,summary,when\n1,Talks resume,"{PROSE}",2024-02-03\n')
    dialog = window.transfers.import_paths([table])
    assert "no text column" in finished(qtbot, dialog)
    assert dialog.columns_button.isVisible()
    qtbot.mouseClick(dialog.columns_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.transfers.column_dialog is not None, timeout=30_000)
    mapping = window.transfers.column_dialog
    assert mapping.title.currentText() == "headline" and mapping.table.model().rowCount() == 1
    assert mapping.text.currentText() == "summary"  # no name says so: the column of the longest cells
    mapping.date.setCurrentIndex(mapping.date.findText("when"))
    mapping.accept()
    report = finished(qtbot, window.transfers.import_dialog)
    assert report.startswith("1 imported")
    article = window.session.article(6)
    assert (article.title, article.date, article.text) == ("Talks resume", "2024-02-03", PROSE)


def test_table_preview_model(qtmodeltester, tmp_path):
    (tmp_path / "t.csv").write_text("a,b\n1,2\n3,4\n")
    qtmodeltester.check(TablePreviewModel(preview_table(tmp_path / "t.csv")))


PAGE = """<html><head><title>Wrong title | Example News</title>
<meta property="og:title" content="Wrong title">
<meta name="author" content="Jane Doe">
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2024-01-14T09:30:00Z">
<script>window.location = "http://127.0.0.1:{port}/script"</script>
</head><body><article><h1>Wrong title</h1>
<p>{prose} <img src="http://127.0.0.1:{port}/pixel.gif"></p>
<p>The page shows &lt;b&gt;markup&lt;/b&gt; and &lt;img src=http://127.0.0.1:{port}/x.png&gt; as text.</p>
</article></body></html>"""


class ConnectionCounter:
    """A TCP listener on the loopback address that counts who connects to it."""

    def __init__(self):
        self.server = socket.create_server(("127.0.0.1", 0))
        self.server.settimeout(0.1)
        self.port = self.server.getsockname()[1]
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self):
        while not self._stop.is_set():
            try:
                connection, _ = self.server.accept()
            except TimeoutError:
                continue
            self.connections += 1
            connection.close()

    def close(self):
        self._stop.set()
        self._thread.join()
        self.server.close()


def test_html_page_shows_as_text_and_fetches_nothing(qtbot, open_window, tmp_path):
    counter = ConnectionCounter()
    try:
        (tmp_path / "page.html").write_text(PAGE.format(port=counter.port, prose=PROSE))
        window = open_window()
        finished(qtbot, window.transfers.import_paths([tmp_path / "page.html"]))
        window.show_article(6)
        qtbot.wait(300)
        text = window.reader.toPlainText()
        assert f"The page shows <b>markup</b> and <img src=http://127.0.0.1:{counter.port}/x.png> as text." in text
        assert "window.location" not in text and PROSE in text
        assert counter.connections == 0
    finally:
        counter.close()


def test_header_shows_where_metadata_came_from_and_corrects_it_in_place(qtbot, open_window, tmp_path):
    (tmp_path / "page.html").write_text(PAGE.format(port=9, prose=PROSE))
    window = open_window(extra_files=[tmp_path / "page.html"])
    window.show_article(6)
    header = window.header
    assert header.origins.isVisible() and header.origins.textFormat() == Qt.TextFormat.PlainText
    origins = header.origins.text()
    assert 'Title: <meta property="og:title">' in origins
    assert 'Date: <meta property="article:published_time"> (“2024-01-14T09:30:00Z”)' in origins
    assert 'Byline: <meta name="author">' in origins
    assert window.meta.text().startswith("2024-01-14 · Jane Doe · Example News · page.html")

    window.reader.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F2)
    assert header.editing and header.title_edit.hasFocus()
    header.title_edit.setText("Right title")
    header.date_edit.setText("15 January 2024")
    qtbot.keyClick(header.title_edit, Qt.Key.Key_Return)
    assert not header.editing
    assert window.heading.text() == "Right title"
    assert window.meta.text().startswith("2024-01-15")
    assert "Title: corrected by hand (imported: “Wrong title” from <meta" in header.origins.text()
    row = window.articles.model.row_of(6)
    assert window.articles.model.data(window.articles.model.index(row, 0)) == "Right title"

    window.undo_action.trigger()
    assert window.heading.text() == "Wrong title" and window.session.article(6).original == {}


def test_a_date_that_cannot_be_read_keeps_the_form_open_with_a_message(qtbot, open_window):
    window = open_window()
    window.header.start_editing()
    window.header.date_edit.setText("sometime last spring")
    qtbot.keyClick(window.header.date_edit, Qt.Key.Key_Return)
    assert window.header.editing
    assert "not a date that can be read" in window.status_message.text()
    assert "not a date that can be read" in window.header.form_error.text() and window.header.form_error.isVisible()
    window.header.date_edit.setText("2024-02-30")
    qtbot.keyClick(window.header.date_edit, Qt.Key.Key_Return)
    assert "is no day of the calendar" in window.header.form_error.text()
    window.header.date_edit.setText("03/04/2024")
    qtbot.keyClick(window.header.date_edit, Qt.Key.Key_Return)
    assert "could be read two ways" in window.header.form_error.text()
    qtbot.keyClick(window.header.date_edit, Qt.Key.Key_Escape)
    assert not window.header.editing


def test_near_duplicates_are_flagged_in_the_list_and_the_header(qtbot, open_window, tmp_path):
    window = open_window()
    body = " ".join(f"{PROSE} Paragraph {i} adds that the delegation numbered {i * 4} people." for i in range(6))
    (tmp_path / "a.txt").write_text(f"Talks to resume\n\n{body}\n")
    (tmp_path / "b.txt").write_text(
        f"Seoul: talks to resume\n\n{body.replace('Monday', 'Tuesday')} The ministry declined to comment.\n"
    )
    report = finished(qtbot, window.transfers.import_paths([tmp_path / "a.txt", tmp_path / "b.txt"]))
    assert "b.txt: nearly the same story as article 6 “Talks to resume”" in report
    model = window.articles.model
    flagged = {
        model.data(model.index(r, 0), ARTICLE_ID_ROLE)
        for r in range(model.rowCount())
        if model.data(model.index(r, 0), Qt.ItemDataRole.DecorationRole) is not None
    }
    assert flagged == {6, 7}
    assert "Nearly the same story as 1 other article" in model.data(
        model.index(model.row_of(6), 0), Qt.ItemDataRole.ToolTipRole
    )
    window.show_article(6)
    button = window.header.similar_button
    assert button.isVisible() and button.text() == "≈ 1 near-duplicate"
    button.menu().actions()[0].trigger()
    assert window.reader.article.id == 7


def test_opening_another_project_during_an_import_stops_it_there(qtbot, open_window, tmp_path):
    """The import's report (its article ids, the analysis it starts) belongs to the project
    it ran in: none of it may land in the project opened meanwhile."""
    window = open_window()
    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(300):
        (folder / f"{number}.txt").write_text(f"Story {number}\n\nOfficials in Seoul said {number} times.\n")
    first = window.session.path
    dialog = window.transfers.import_paths([folder])
    window.switch_project(tmp_path / "other.wbproj")
    qtbot.waitUntil(lambda: not window.runner.running(), timeout=60_000)
    qtbot.wait(100)
    assert window.session.store.article_count() == 0 and window.articles.model.rowCount() == 0
    assert "stopped when another project was opened" in dialog.report_view.toPlainText()
    from workbench.store import ProjectStore

    before = ProjectStore.open(first)
    try:
        assert 5 <= before.article_count() <= 305  # the seeds and what was imported before it stopped
    finally:
        before.close()
