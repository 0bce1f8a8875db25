"""Imports store files a batch at a time: one transaction (one disk sync) per batch, each
file still whole or not at all, and the project free for other writers while files are read.
Many files are read ahead by other processes, with the same outcome as reading them here."""

import sqlite3
import zipfile

import pytest

from tests.services.test_importing import LONG, story, syndicated
from workbench.services.importing import import_paths
from workbench.services.projects import open_session


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


def test_a_repeat_stored_in_the_same_batch_is_a_duplicate_of_the_first(session, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(story("First", LONG))
    (folder / "b.txt").write_text(story("Another site's headline", LONG))
    (folder / "c.txt").write_text(story("Something else"))
    (folder / "d.csv").write_text(f'text\n"{story("Row one")}"\n"{story("Row one")}"\n')
    report = import_paths(session.store, [folder])
    skips = {o.path.rsplit("/", 1)[-1]: [(s.kind, s.article_id) for s in o.skipped] for o in report.outcomes}
    assert skips == {"a.txt": [], "b.txt": [("duplicate", 1)], "c.txt": [], "d.csv": [("duplicate", 3)]}
    assert session.store.article_count() == 3


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
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a", "b", "c"):
        (folder / f"{name}.txt").write_text(story(f"Story {name}"))
    real = session.store.add_article

    def failing(article):
        if article.source_file == "b.txt":
            raise sqlite3.OperationalError("disk I/O error")
        return real(article)

    monkeypatch.setattr(session.store, "add_article", failing)
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


@pytest.fixture
def assorted(tmp_path):
    """Files of every outcome: articles, a duplicate, a near-duplicate, an empty and a
    binary file, a table, an archive, a file of a kind not imported."""
    folder = tmp_path / "assorted"
    folder.mkdir()
    for i in range(7):
        (folder / f"story-{i}.txt").write_text(story(f"Story {i}"))
    (folder / "long.txt").write_text(story("Talks to resume", LONG))
    (folder / "long-again.txt").write_text(story("Talks to resume", LONG))
    (folder / "syndicated.txt").write_text(story("Seoul says talks will resume", syndicated(LONG)))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "rows.csv").write_text('title,text\n"Row one","A body of its own, said the ministry."\n"Row two",""\n')
    with zipfile.ZipFile(folder / "bundle.zip", "w") as archive:
        archive.writestr("inside.txt", story("From the archive"))
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    return folder


def stored(path):
    """What a project holds of its articles, without the time they were imported."""
    with sqlite3.connect(path) as db:
        return [
            db.execute(
                "SELECT id, source_file, text, text_hash, title, date, byline, site, segments, origins, words,"
                " body_hash FROM articles ORDER BY id"
            ).fetchall(),
            db.execute("SELECT * FROM article_bands ORDER BY article_id, band").fetchall(),
            db.execute("SELECT * FROM near_duplicates ORDER BY article_id, other_id").fetchall(),
        ]


def test_files_read_in_other_processes_import_exactly_as_files_read_here(assorted, tmp_path, monkeypatch):
    from workbench.services import importing

    monkeypatch.setattr(importing, "PARALLEL_FROM", 1)  # other processes even for a few files
    monkeypatch.setattr(importing._Reader, "CHUNK", 3)  # and several tasks for each
    reports = {}
    for processes in (1, 2):
        session, _ = open_session(tmp_path / f"{processes}.wbproj")
        reports[processes] = import_paths(session.store, [assorted], processes=processes)
        session.close()
    assert reports[2].lines() == reports[1].lines()
    assert reports[1].count("imported") == 11 and reports[1].count("duplicate") == 1 and reports[1].flagged == 1
    assert stored(tmp_path / "2.wbproj") == stored(tmp_path / "1.wbproj")


def test_when_the_other_processes_fail_the_files_are_read_here(assorted, tmp_path, monkeypatch, caplog):
    import concurrent.futures
    from concurrent.futures.process import BrokenProcessPool

    from workbench.services import importing

    class KilledPool:  # as if a reading process had been killed
        def __init__(self, *args, **kwargs):
            pass

        def submit(self, *args, **kwargs):
            future = concurrent.futures.Future()
            future.set_exception(BrokenProcessPool("a process in the pool was terminated abruptly"))
            return future

        def shutdown(self, *args, **kwargs):
            pass

    here, _ = open_session(tmp_path / "here.wbproj")
    expected = import_paths(here.store, [assorted], processes=1)
    here.close()
    monkeypatch.setattr(importing, "PARALLEL_FROM", 1)
    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", KilledPool)
    session, _ = open_session(tmp_path / "project.wbproj")
    report = import_paths(session.store, [assorted], processes=2)
    session.close()
    assert report.lines() == expected.lines()
    assert stored(tmp_path / "project.wbproj") == stored(tmp_path / "here.wbproj")
    assert "reading files in other processes failed (BrokenProcessPool" in caplog.text


def test_other_processes_are_started_only_for_enough_reading(tmp_path, monkeypatch):
    """Starting them costs about half a second: they are worth it for many files, or for
    fewer HTML pages (each read by trafilatura, some four times the work of a text file)."""
    from workbench.services import importing

    started = []
    monkeypatch.setattr(importing, "process_pool", lambda processes: started.append(processes) or _NoPool())
    monkeypatch.setattr(importing, "PARALLEL_FROM", 8)
    pages, texts = tmp_path / "pages", tmp_path / "texts"
    for folder in (pages, texts):
        folder.mkdir()
    for i in range(2):
        (pages / f"{i}.html").write_text(f"<html><body><article><p>{story(f'Page {i}')}</p></article></body></html>")
    for i in range(7):
        (texts / f"{i}.txt").write_text(story(f"Text {i}"))
    for folder, expected in ((texts, []), (pages, [2])):
        session, _ = open_session(tmp_path / f"{folder.name}.wbproj")
        import_paths(session.store, [folder], processes=2)
        session.close()
        assert started == expected, folder.name


class _NoPool:
    """A pool whose every task fails, so the files are read here."""

    def submit(self, *args, **kwargs):
        raise RuntimeError("no pool here")

    def shutdown(self, *args, **kwargs):
        pass


def test_other_processes_read_ahead_as_far_as_a_bound_of_bytes(tmp_path, monkeypatch):
    """They read ahead while a batch is stored, but what they read is held until stored:
    beyond a task for each process, no more than AHEAD_BYTES of files are given out."""
    import concurrent.futures

    from workbench.services import importing

    class Pool:  # reads each task at once, here, and counts the tasks given out
        def __init__(self):
            self.tasks = 0

        def submit(self, function, *args):
            self.tasks += 1
            future = concurrent.futures.Future()
            future.set_result(function(*args))
            return future

        def shutdown(self, *args, **kwargs):
            pass

    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(40):
        (folder / f"{i:02d}.txt").write_text(story(f"Story {i}"))  # some 300 bytes each
    monkeypatch.setattr(importing, "PARALLEL_FROM", 1)
    monkeypatch.setattr(importing._Reader, "CHUNK", 2)
    given_out = {}
    for bound in (0, 1_000_000):
        monkeypatch.setattr(importing._Reader, "AHEAD_BYTES", bound)
        pool = Pool()
        monkeypatch.setattr(importing, "process_pool", lambda processes, pool=pool: pool)
        seen = []  # tasks given out when each file is started

        def progress(done, total, message, pool=pool, seen=seen):
            if message.endswith("files)"):
                seen.append(pool.tasks)

        session, _ = open_session(tmp_path / f"{bound}.wbproj")
        report = import_paths(session.store, [folder], processes=2, progress=progress)
        session.close()
        assert report.count("imported") == 40
        given_out[bound] = seen[1]  # when the first file has been read
    assert given_out == {0: 2, 1_000_000: 20}
