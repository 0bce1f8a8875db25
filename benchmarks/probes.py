"""Measurements that run inside a child process (`python -m benchmarks.probes NAME ARGS`),
each printing one line of JSON: a fresh process per measurement, so nothing is warm that
would not be warm for a user.

Probes import what they need before they start a clock: the figures compare actions, not
Python's start-up (the start-up benchmark measures that on its own).
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from benchmarks.harness import cpu_timed, median, rss_mb, timed


def pipeline() -> dict:
    """The installed pipeline as the app loads it: its name and the components it runs."""
    from workbench.nlp.pipeline import find_pipeline, load_pipeline

    loaded = load_pipeline()
    return {"name": find_pipeline(), "components": loaded.nlp.pipe_names}


def gui(project: str, article_ids: str, words: str, entity: str, repeats: str = "5") -> dict:
    """Open a project in the main window until its list shows rows; switch between articles;
    filter the list by words and clear the filter; narrow it to an entity ("text|label", as
    a click on the chart does) with the first word typed; resident memory after all that."""
    from PySide6.QtWidgets import QApplication

    from workbench import resources
    from workbench.qt.main_window import DEFAULT_SIZE, MainWindow
    from workbench.services.projects import open_session
    from workbench.services.settings import load_settings

    app = QApplication(sys.argv[:1])
    app.setStyleSheet(resources.read_text("style.qss"))
    settings = load_settings()
    rss_before = rss_mb()

    def open_window():
        session, _ = open_session(Path(project))
        window = MainWindow(session, settings)
        window.resize(DEFAULT_SIZE)  # the usual window, not one fitted to the offscreen 800×600
        window.show()
        app.processEvents()
        return window

    started = time.perf_counter()
    window = open_window()
    open_s = time.perf_counter() - started
    rows = window.articles.model.rowCount()
    table = window.articles.table

    def settle():
        app.processEvents()
        table.viewport().repaint()

    ids = [int(i) for i in article_ids.split(",")]
    switch = []
    for _ in range(int(repeats)):
        for article_id in ids:
            switch.append(timed(lambda a=article_id: (window.show_article(a), settle())))
    filters, clears, matches = {}, [], {}
    for word in words.split(","):
        times = []
        for _ in range(int(repeats)):
            times.append(timed(lambda w=word: (window.articles.filter_changed.emit(w), settle())))
            matches[word] = window.articles.model.rowCount()
            clears.append(timed(lambda: (window.articles.filter_changed.emit(""), settle())))
        filters[word] = median(times)
    text, label = entity.split("|")
    first_word, both = words.split(",")[0], []
    for _ in range(int(repeats)):
        window.articles.filter_changed.emit(first_word)
        both.append(timed(lambda: (window.chart.entity_clicked.emit(text, label), settle())))
        matches["word and entity"] = window.articles.model.rowCount()
        window.articles.narrowing_cleared.emit()
        window.articles.filter_changed.emit("")
    result = {
        "open_s": open_s,
        "rows": rows,
        "switch_s": median(switch),
        "filter_s": filters,
        "word_and_entity_s": median(both),
        "matches": matches,
        "clear_s": median(clears),
        "rss_mb": rss_mb(),
        "rss_before_mb": rss_before,
    }
    window.close()
    return result


def reader(words: str, mentions: str, claims: str, repeats: str = "5") -> dict:
    """A long article shown in the reader with every highlight, against a bare
    QPlainTextEdit.setPlainText of the same text; then what a claim edit, a legend toggle
    and scrolling cost. Timed in CPU time of this process: the work is all on this thread,
    and CPU time is what other users of a shared machine disturb least."""
    from PySide6.QtWidgets import QApplication, QPlainTextEdit

    from benchmarks import corpus
    from workbench.core.model import Claim
    from workbench.qt.widgets.reader import ReaderView
    from workbench.services.projects import default_schema

    app = QApplication(sys.argv[:1])
    page = corpus.long_page(int(words), int(mentions))
    article = replace(corpus.article(0, page), id=1)
    schema = default_schema()
    found = corpus.claims_for(0, page, 1, list(schema.category_names))
    spans = page.sentences[1 :: max(1, len(page.sentences) // int(claims))][: int(claims)]
    claim_list = [
        Claim(1, s, e, page.text[s:e], schema.category_names[i % 4], id=i + 1, source=found[0].source if found else "")
        for i, (s, e) in enumerate(spans)
    ]
    # A few claims overlap their neighbours, as real annotations do.
    claim_list += [
        Claim(1, a.start + 5, b.end - 5, page.text[a.start + 5 : b.end - 5], "Other", id=10_000 + i)
        for i, (a, b) in enumerate(zip(claim_list[:20:2], claim_list[1:20:2], strict=True))
    ]
    bare, ours = QPlainTextEdit(), ReaderView()
    for widget in (bare, ours):
        widget.resize(900, 1000)
        widget.show()
    app.processEvents()

    def show_bare():
        bare.setPlainText("")
        app.processEvents()
        return cpu_timed(lambda: (bare.setPlainText(page.text), bare.repaint()))

    def show_ours():
        ours.show_article(None, [], [], schema)
        app.processEvents()
        return cpu_timed(lambda: (ours.show_article(article, list(page.mentions), claim_list, schema), ours.repaint()))

    bare_times, our_times = [], []
    for _ in range(int(repeats)):
        bare_times.append(show_bare())
        our_times.append(show_ours())
    edited = claim_list[len(claim_list) // 2]
    edit = median(
        [
            cpu_timed(lambda: (ours.set_claims(claim_list, schema, edited.id), ours.repaint()))
            for _ in range(int(repeats))
        ]
    )
    toggle = median(
        [cpu_timed(lambda h=h: (ours.set_hidden_labels(h), ours.repaint())) for h in ({"GPE"}, set()) * int(repeats)]
    )

    def scroll(widget) -> float:
        bar = widget.verticalScrollBar()
        steps = [int(bar.maximum() * k / 40) for k in range(40)]
        # As a drag of the scroll bar moves it (setSliderPosition), a fortieth of the text at
        # a time; events processed, as the reader formats what the program scrolls into view
        # from the event loop.
        return median(
            [cpu_timed(lambda v=v: (bar.setSliderPosition(v), app.processEvents(), widget.repaint())) for v in steps]
        )

    return {
        "bare_s": median(bare_times),
        "ours_s": median(our_times),
        "claim_edit_s": edit,
        "legend_toggle_s": toggle,
        "scroll_bare_s": scroll(bare),
        "scroll_ours_s": scroll(ours),
        "words": len(page.text.split()),
        "mentions": len(page.mentions),
        "claims": len(claim_list),
    }


def export(project: str, repeats: str = "3") -> dict:
    """The app's claims CSV export against a bare DataFrame.to_csv of the same rows."""
    import csv

    import pandas as pd

    from workbench.services.exporting import export_claims_csv
    from workbench.store import ProjectStore

    folder = Path(tempfile.mkdtemp(prefix="workbench-bench-export-"))
    ours_path, bare_path = folder / "ours.csv", folder / "bare.csv"

    def ours() -> float:
        def run():
            store = ProjectStore.open(project, create=False)
            try:
                export_claims_csv(store, ours_path)
            finally:
                store.close()

        return timed(run)

    ours()  # warms the file cache, as the bare side reads from memory
    frame = pd.read_csv(ours_path, keep_default_na=False)

    def bare() -> float:
        return timed(
            lambda: frame.to_csv(
                bare_path, index=False, encoding="utf-8", quoting=csv.QUOTE_MINIMAL, lineterminator="\n"
            )
        )

    ours_times, bare_times = [], []
    for _ in range(int(repeats)):
        ours_times.append(ours())
        bare_times.append(bare())
    return {"ours_s": median(ours_times), "bare_s": median(bare_times), "rows": len(frame)}


def import_files(folder: str, repeats: str = "1") -> dict:
    """Importing a folder of text files into a new project, against a bare loop that reads
    each file and inserts its text into SQLite, all in one transaction."""
    import sqlite3

    from workbench.services.importing import import_paths
    from workbench.services.projects import open_session

    files = sorted(Path(folder).rglob("*.txt"))
    work = Path(tempfile.mkdtemp(prefix="workbench-bench-import-"))

    def bare(run: int) -> float:
        def go():
            db = sqlite3.connect(work / f"bare-{run}.sqlite", isolation_level=None)
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("CREATE TABLE articles (id INTEGER PRIMARY KEY, path TEXT, text TEXT)")
            db.execute("BEGIN")
            for path in files:
                db.execute("INSERT INTO articles(path, text) VALUES (?, ?)", (str(path), path.read_text("utf-8")))
            db.execute("COMMIT")
            db.close()

        return timed(go)

    def ours(run: int) -> tuple[float, int]:
        session, _ = open_session(work / f"ours-{run}.wbproj")
        started = time.perf_counter()
        report = import_paths(session.store, [folder])
        elapsed = time.perf_counter() - started
        session.close()
        return elapsed, report.count("imported")

    bare(-1)  # reads every file once, so neither side pays for a cold file cache
    bare_times, our_times, imported = [], [], 0
    for run in range(int(repeats)):
        bare_times.append(bare(run))
        elapsed, imported = ours(run)
        our_times.append(elapsed)
    return {"ours_s": median(our_times), "bare_s": median(bare_times), "files": len(files), "imported": imported}


def reopen(project: str) -> dict:
    """Reopening an analysed project in the window: the background analysis it starts
    (entities, then suggested claims), from submission until it reports, and whether it
    had to load spaCy."""
    from PySide6.QtWidgets import QApplication

    from workbench.qt.main_window import MainWindow
    from workbench.services.projects import open_session
    from workbench.services.settings import load_settings

    app = QApplication(sys.argv[:1])
    session, _ = open_session(Path(project))
    window = MainWindow(session, load_settings())
    window.show()
    app.processEvents()
    finished = []
    window.analysis_finished.connect(lambda reports: (finished.append(reports), app.quit()))
    started = time.perf_counter()
    window.start_analysis()
    app.exec()
    elapsed = time.perf_counter() - started
    reports = finished[0]
    window.close()
    from workbench.qt.jobs import ANALYSER

    spacy_loaded = "spacy" in sys.modules or ANALYSER.started  # its process is started to load spaCy
    if isinstance(reports, str):  # the analysis failed: its message
        return {"seconds": elapsed, "analysed": -1, "message": reports, "spacy_loaded": spacy_loaded}
    return {
        "seconds": elapsed,
        "analysed": sum(r.analysed for r in reports),
        "message": "; ".join(r.summary() for r in reports),
        "spacy_loaded": spacy_loaded,
    }


PROBES = {
    "pipeline": pipeline,
    "gui": gui,
    "reader": reader,
    "export": export,
    "import": import_files,
    "reopen": reopen,
}

if __name__ == "__main__":
    print(json.dumps(PROBES[sys.argv[1]](*sys.argv[2:])))
