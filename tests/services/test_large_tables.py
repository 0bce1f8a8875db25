"""Large tables of CSV, TSV or JSON Lines are read through first, then read again a row at a
time, their articles built and kept until stored: never held whole, still imported whole or
not at all, and the project locked only while they are stored."""

import errno
import io
import json
import sqlite3

import pytest

from tests.services.test_importing import prose
from workbench.ingest import files, formats
from workbench.services import importing
from workbench.services.importing import import_paths, preview_table


@pytest.fixture
def row_by_row(monkeypatch):
    """Every table read row by row, its articles kept and searched for near-duplicates 20 at a time."""
    monkeypatch.setattr(importing, "_LARGE", 1)
    monkeypatch.setattr(importing, "_PART", 20)


def stories(count: int) -> list[str]:
    return [f"Story number {i} of the day. " + prose(f"story {i}", 80) for i in range(count)]


def write_csv(path, texts, tail: str = ""):
    path.write_text("title,text\n" + "".join(f'Story {i},"{t}"\n' for i, t in enumerate(texts)) + tail)
    return path


def test_a_large_table_is_read_from_its_file_row_by_row_never_whole(session, tmp_path, row_by_row, monkeypatch):
    def whole(path, limit=None):
        raise AssertionError(f"{path} read whole")

    monkeypatch.setattr(importing, "read_file", whole)
    table = write_csv(tmp_path / "news.csv", stories(120))
    report = import_paths(session.store, [table])
    assert report.count("imported") == 120 and session.store.article_count() == 120
    assert report.lines()[1] == f"  imported    {table}: 120 articles"


def test_a_malformed_row_far_into_a_large_table_leaves_the_project_as_it_was(session, tmp_path, row_by_row):
    import_paths(session.store, [write_csv(tmp_path / "before.csv", stories(3))])
    texts = stories(300)
    table = write_csv(tmp_path / "news.csv", texts[:290], tail='Bad,"unterminated "quote" here"\n')
    report = import_paths(session.store, [table])
    assert report.outcomes[0].error.startswith("row 291 (line 292): malformed CSV")
    assert session.store.article_count() == 3
    lines = [json.dumps({"text": t}) for t in texts[:250]] + [json.dumps({"text": ["a", 1]})]
    (tmp_path / "news.jsonl").write_text("\n".join(lines) + "\n")
    report = import_paths(session.store, [tmp_path / "news.jsonl"])
    assert report.outcomes[0].error == "line 251, column “text”: expected text, found a list"
    assert session.store.article_count() == 3


def test_a_table_whose_article_fails_to_be_built_is_left_out_whole(session, tmp_path, row_by_row, monkeypatch):
    texts = stories(100)
    table = write_csv(tmp_path / "news.csv", texts)
    copy = tmp_path / "zz copy.txt"  # the first row's story, told again with a word changed
    copy.write_text("A copy\n\n" + texts[0].replace("day", "week") + "\n")
    real = formats.build_article

    def failing(source_file, text, *stated):
        if source_file.endswith("row 90"):
            raise RuntimeError("a fault")
        return real(source_file, text, *stated)

    monkeypatch.setattr(formats, "build_article", failing)
    report = import_paths(session.store, [table, copy])
    failed, copied = report.outcomes
    assert failed.error == "could not be read: an unexpected error (RuntimeError: a fault)"
    assert copied.imported and not copied.flagged  # like no article of the project
    assert session.store.article_count() == 1

    monkeypatch.setattr(formats, "build_article", real)
    again = import_paths(session.store, [table])
    assert again.count("imported") == 100
    (flag,) = again.outcomes[0].flagged  # the first row is like the copy, and nothing else is
    assert flag.where == "row 1" and [n.other_id for n in flag.near] == list(copied.imported)


@pytest.mark.parametrize("asked", [5, 150])  # asked 10 times while the table is read, then for each row stored
@pytest.mark.parametrize("held", [160_000, 1_500])  # band keys held till the end, or written mid-table
def test_cancel_in_the_middle_of_a_large_table_leaves_all_of_it_out(
    session, tmp_path, row_by_row, monkeypatch, asked, held
):
    """Cancelled while read, or once rows are stored and searched for near-duplicates: all of
    the table is left out, and what was held of it for the search forgotten."""
    monkeypatch.setattr(importing.NearDuplicateIndex, "HELD_ROWS", held)
    table = write_csv(tmp_path / "news.csv", stories(200))
    calls = []
    report = import_paths(session.store, [table], cancelled=lambda: calls.append(1) or len(calls) > asked)
    assert report.cancelled and report.outcomes == [] and session.store.article_count() == 0
    assert session.store._db.execute("SELECT count(*) FROM article_bands").fetchone() == (0,)
    again = import_paths(session.store, [table])
    assert again.count("imported") == 200 and again.count("duplicate") == 0 and not again.flagged


def test_the_project_is_not_locked_while_a_large_table_is_read_and_its_articles_built(session, tmp_path, row_by_row):
    table = write_csv(tmp_path / "news.csv", stories(50))
    other = sqlite3.connect(session.path, timeout=0, isolation_level=None)
    writes = []

    def progress(done, total, message):
        if message.startswith("Reading") or message.endswith("files)"):
            other.execute("INSERT OR REPLACE INTO project_meta(key, value) VALUES ('probe', ?)", (message,))
            writes.append(message)

    import_paths(session.store, [table], progress=progress)
    other.close()
    assert writes and session.store.article_count() == 50


def test_a_table_whose_articles_cannot_be_kept_till_stored_is_said_so(session, tmp_path, row_by_row, monkeypatch):
    class Full(io.BytesIO):
        def write(self, data):
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(importing.tempfile, "TemporaryFile", Full)
    report = import_paths(session.store, [write_csv(tmp_path / "news.csv", stories(30))])
    assert report.outcomes[0].error.startswith("its articles could not be kept in the temporary folder ")
    assert report.outcomes[0].error.endswith(" till stored (No space left on device)")
    assert session.store.article_count() == 0


def test_tables_read_row_by_row_may_be_larger_than_other_files(session, tmp_path, row_by_row, monkeypatch):
    monkeypatch.setattr(files, "MAX_FILE_BYTES", 20_000)
    texts = stories(60)
    table = write_csv(tmp_path / "news.csv", texts)
    (tmp_path / "news.json").write_text(json.dumps([{"text": t} for t in texts]))
    assert table.stat().st_size > 20_000
    report = import_paths(session.store, [table, tmp_path / "news.json"])
    assert report.outcomes[0].imported and len(report.outcomes[0].imported) == 60
    assert "; as JSON Lines (one object a line) it may be up to 2,000 MB)" in report.outcomes[1].error
    assert preview_table(table).rows[0][0] == "Story 0"

    monkeypatch.setattr(files, "MAX_TABLE_BYTES", 20_000)
    report = import_paths(session.store, [table])
    assert report.outcomes[0].error == "too large (0 MB; the limit is 0 MB)"
