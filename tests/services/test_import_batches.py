"""Imports store files a batch at a time: one transaction (one disk sync) per batch, each
file still whole or not at all, and the project free for other writers while files are read."""

import sqlite3

import pytest

from tests.services.test_importing import story
from workbench.services.importing import import_paths


def test_many_files_are_stored_in_few_transactions(session, tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(300):
        (folder / f"{i:03d}.txt").write_text(story(f"Story {i}"))
    commits = []
    session.store._db.set_trace_callback(lambda sql: commits.append(sql) if sql.startswith("COMMIT") else None)
    report = import_paths(session.store, [folder])
    assert report.count("imported") == 300 and session.store.article_count() == 300
    assert len(commits) < 30  # a batch per quarter second, not a commit per file


def test_the_project_is_free_for_other_writers_while_files_are_read(session, tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(60):
        (folder / f"{i:02d}.txt").write_text(story(f"Story {i}"))
    other = sqlite3.connect(session.path, timeout=0, isolation_level=None)  # fails at once when locked
    writes = []

    def progress(done, total, message):
        if message.endswith("files)"):  # a file is being read
            other.execute("INSERT OR REPLACE INTO project_meta(key, value) VALUES ('probe', ?)", (message,))
            writes.append(message)

    import_paths(session.store, [folder], progress=progress)
    other.close()
    assert len(writes) == 60 and session.store.article_count() == 60


def test_an_error_while_storing_keeps_nothing_of_its_batch(session, tmp_path, monkeypatch):
    """A database error while storing a file (a full disk, say) ends the import with the
    error, and the batch it was in is rolled back whole: no file is left half stored."""
    from workbench.services import importing

    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a", "b", "c"):
        (folder / f"{name}.txt").write_text(story(f"Story {name}"))
    real = importing.record_article

    def failing(store, article_id, article, keys=None):
        if article.source_file == "b.txt":
            raise sqlite3.OperationalError("disk I/O error")
        return real(store, article_id, article, keys)

    monkeypatch.setattr(importing, "record_article", failing)
    with pytest.raises(sqlite3.OperationalError):
        import_paths(session.store, [folder])
    assert session.store.article_count() == 0


def test_nested_transactions_undo_only_their_own_writes(store):
    with store.transaction():
        store.set_meta("outer", "kept")
        with pytest.raises(ValueError):
            with store.transaction():
                store.set_meta("inner", "undone")
                raise ValueError("this part fails")
        store.set_meta("after", "kept")
    assert store.get_meta("outer") == "kept" and store.get_meta("after") == "kept"
    assert store.get_meta("inner") is None
