"""Export… and Import Annotations… in the window: the dialog's choices reach the file, and
imported claims appear at once and go away with one undo."""

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from tests.qt.test_main_window import add_claim_with_key, choose, select_text
from workbench.core.model import Claim
from workbench.services.exporting import export_dataset


def open_export_dialog(qtbot, window):
    action = next(a for a in window.menuBar().actions()[0].menu().actions() if a.text() == "&Export…")
    action.trigger()
    (dialog,) = [d for d in window.findChildren(QDialog, "exportDialog") if d.isVisible()]
    return dialog


def test_the_export_dialog_writes_the_format_and_part_chosen(qtbot, open_window, tmp_path):
    window = open_window()
    select_text(window, "Kim Jong Un")
    add_claim_with_key(qtbot, window)
    window.articles.step(+1)
    select_text(window, "Russia")
    add_claim_with_key(qtbot, window)
    qtbot.waitUntil(lambda: len(window.session.claims()) == 2)

    dialog = open_export_dialog(qtbot, window)
    choose(dialog.format, "JSON Lines")
    out = tmp_path / "only-open.jsonl"
    dialog.path.setText(str(out))
    dialog.scope["open"].setChecked(True)
    assert not dialog.raw.isEnabled()
    dialog.grab().save(str(tmp_path / "export-dialog.png"))
    dialog.accept()
    qtbot.waitUntil(lambda: out.exists(), timeout=30_000)
    (line,) = out.read_text(encoding="utf-8").splitlines()
    assert json.loads(line)["id"] == window.article.id
    qtbot.waitUntil(lambda: window.status_message.text() == f"Wrote 1 article to {out}")

    dialog = open_export_dialog(qtbot, window)
    out = tmp_path / "no-event.csv"
    dialog.path.setText(str(out))
    event = dialog.categories.findItems("Event", Qt.MatchFlag.MatchExactly)[0]
    event.setCheckState(Qt.CheckState.Unchecked)  # both claims are events: none is left
    dialog.accept()
    qtbot.waitUntil(lambda: out.exists(), timeout=30_000)
    assert out.read_bytes().count(b"\r\n") == 1  # the header only
    qtbot.waitUntil(lambda: window.status_message.text() == f"Wrote 0 claims to {out}")


def test_the_export_dialog_asks_for_at_least_one_category(qtbot, open_window, tmp_path):
    window = open_window()
    dialog = open_export_dialog(qtbot, window)
    for row in range(dialog.categories.count()):
        dialog.categories.item(row).setCheckState(Qt.CheckState.Unchecked)
    dialog.accept()
    assert dialog.isVisible() and dialog.error.text() == "Check at least one category."
    dialog.reject()


def test_the_export_dialog_reads_paths_as_a_user_types_them(qtbot, open_window, tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    window = open_window()
    dialog = open_export_dialog(qtbot, window)
    dialog.path.setText("~/claims.csv")
    assert dialog.request().path == tmp_path / "claims.csv"
    dialog.path.setText("bare-name.csv")
    assert dialog.request().path.is_absolute() and dialog.request().path.name == "bare-name.csv"
    (tmp_path / "notes.txt").write_text("x")
    dialog.path.setText(str(tmp_path / "notes.txt" / "claims.csv"))
    dialog.accept()
    assert dialog.isVisible() and dialog.error.text().endswith("notes.txt is a file, not a folder.")
    dialog.reject()


def test_imported_annotations_appear_and_one_undo_removes_them(qtbot, open_window, tmp_path, seeded_session):
    text = seeded_session.article(1).text
    start = text.index("Kim Jong Un")
    seeded_session.store.insert_claim(
        Claim(article_id=1, start=start, end=start + 11, quote="Kim Jong Un", category="Smuggled", note="hi")
    )
    out = tmp_path / "colleague.jsonld"
    export_dataset(seeded_session.store, out, format="w3c")

    window = open_window(project=tmp_path / "mine.wbproj")
    with qtbot.waitSignal(window.annotations_imported, timeout=30_000) as signal:
        window.transfers.import_annotations(out)
    assert signal.args[0].added == 1 and signal.args[0].schema_added == {"categories": ["Smuggled"]}
    assert window.panel.table.model().rowCount() == 1
    assert "Smuggled" in [window.panel.category.itemText(i) for i in range(window.panel.category.count())]
    report_box = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "annotationImportReport")
    assert report_box.text().startswith("1 claim added")
    report_box.close()
    window._on_undo()
    assert window.session.claims() == [] and window.panel.table.model().rowCount() == 0


def test_an_empty_list_cannot_be_chosen_as_what_to_export(qtbot, open_window):
    window = open_window()
    window.articles.filter.setText("nosuchwordanywhere")
    qtbot.waitUntil(lambda: window.articles.model.rowCount() == 0)
    dialog = open_export_dialog(qtbot, window)
    listed = dialog.scope["listed"]
    assert listed.text() == "The 0 articles in the list" and not listed.isEnabled()  # it would read as no limit
    dialog.reject()


def test_an_export_built_in_another_process_reports_its_refusal_here(qtbot, open_window, tmp_path, monkeypatch):
    """xlsx, jsonl, spaCy and W3C exports run in a process of their own (on a thread here
    they stalled the window); what they refuse still reaches the user, and no file is left."""
    from workbench.core import processes
    from workbench.qt.widgets.export_dialog import ExportRequest
    from workbench.services.exporting import ExportFilter

    pools = []
    real_pool = processes.process_pool
    monkeypatch.setattr(processes, "process_pool", lambda n: pools.append(n) or real_pool(n))
    window = open_window()
    select_text(window, "Kim Jong Un")
    add_claim_with_key(qtbot, window)
    window.panel.note.setPlainText("x" * 40_000)  # more than a spreadsheet cell holds
    window.panel.commit_pending()
    warnings = []
    monkeypatch.setattr(window, "warn", lambda title, text: warnings.append((title, text)))
    out = tmp_path / "claims.xlsx"
    window.transfers.export(ExportRequest(out, "xlsx", ExportFilter(), raw=False, per_mention=False))
    qtbot.waitUntil(lambda: bool(warnings), timeout=60_000)
    assert warnings[0][0] == "Export failed" and "a spreadsheet cell holds at most 32,767" in warnings[0][1]
    assert not out.exists()
    assert pools == [1]  # built in a process of its own
