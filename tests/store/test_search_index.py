"""The full-text index is written once per transaction, just before it commits: whatever
path stores, changes or rolls back articles, searching must find exactly what a plain scan
of the articles finds, and the index must agree with the table."""

import sqlite3
from dataclasses import replace

import pytest

from tests.store.old_formats import back_to_format_4
from tests.store.test_article_list import plain_scan
from workbench.ingest.article import build_article
from workbench.services.importing import import_paths
from workbench.store import ProjectStore
from workbench.store.migrations import MIGRATIONS

WORDS = ("alpha", "beta", "gamma", "delta", "omega")


def story(number: int) -> str:
    word = WORDS[number % len(WORDS)]
    return f"Headline {word} {number}\n\n" + f"The {word} report number {number} was read by officials today. " * 3


def all_articles(store) -> dict:
    ids = [row[0] for row in store._db.execute("SELECT id FROM articles ORDER BY id")]
    return {article_id: store.article(article_id) for article_id in ids}


def assert_search_equals_a_scan(store) -> None:
    store._db.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
    articles = all_articles(store)
    for words in (*WORDS, "headline", "zeta", "report alpha"):
        expected = plain_scan(articles, words, None, {})
        assert store.article_ids_after(0, 1000, words=words) == expected, words
        assert store.count_articles(words=words) == len(expected)


def test_articles_added_one_by_one_are_found(store):
    for number in range(6):
        store.add_article(build_article(f"{number}.txt", story(number)))
    assert_search_equals_a_scan(store)


def test_a_rolled_back_savepoint_leaves_nothing_in_the_index(store):
    with store.transaction():
        store.add_article(build_article("kept.txt", story(0)))
        with pytest.raises(ValueError), store.transaction():
            store.add_article(build_article("undone.txt", story(1)))
            raise ValueError("this file fails")
        store.add_article(build_article("kept too.txt", story(2)))
    assert [a.source_file for a in all_articles(store).values()] == ["kept.txt", "kept too.txt"]
    assert_search_equals_a_scan(store)


def test_a_rolled_back_transaction_leaves_nothing_in_the_index(store):
    store.add_article(build_article("kept.txt", story(0)))
    with pytest.raises(ValueError), store.transaction():
        store.add_article(build_article("undone.txt", story(1)))
        raise ValueError("the batch fails")
    assert store.article_count() == 1
    assert_search_equals_a_scan(store)


def test_articles_changed_or_deleted_before_they_are_indexed(store):
    indexed = store.add_article(build_article("old.txt", story(0)))
    with store.transaction() as db:
        changed = store.add_article(build_article("changed.txt", story(1)))
        store.update_article_metadata(replace(store.article(changed), title="Retitled gamma"))
        deleted = store.add_article(build_article("deleted.txt", story(3)))
        db.execute("DELETE FROM articles WHERE id = ?", (deleted,))
        store.update_article_metadata(replace(store.article(indexed), title="Renamed omega"))
    assert store.article(changed).title == "Retitled gamma"
    assert_search_equals_a_scan(store)
    store._db.execute("DELETE FROM articles WHERE id = ?", (changed,))
    assert_search_equals_a_scan(store)


def test_an_import_is_indexed(store, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for number in range(12):
        (folder / f"{number:02d}.txt").write_text(story(number))
    (folder / "empty.txt").write_text("  \n")
    (folder / "table.csv").write_text('text,title\n"one alpha row, long enough to read",A\n"x",B\n')
    assert import_paths(store, [folder]).count("imported") == 14
    assert_search_equals_a_scan(store)


def test_a_project_of_the_older_format_is_upgraded_and_still_found(tmp_path):
    path = tmp_path / "old.wbproj"
    store = ProjectStore.open(path)
    for number in range(4):
        store.add_article(build_article(f"{number}.txt", story(number)))
    store.close()
    with sqlite3.connect(path) as db:
        back_to_format_4(db)
        db.execute(
            "INSERT INTO articles(source_file, text, text_hash, title, segments, words, imported_at)"
            " VALUES ('by the old trigger.txt', 'Delta news', 'h', 'Delta', '[]', 2, '')"
        )
    again = ProjectStore.open(path)
    assert again.schema_version == len(MIGRATIONS)
    for number in range(4, 9):
        again.add_article(build_article(f"{number}.txt", story(number)))
    assert again.count_articles(words="delta") == 3  # 3.txt, the old trigger's, 8.txt
    assert_search_equals_a_scan(again)
    again.close()


def test_articles_written_without_the_store_are_indexed_when_it_opens(tmp_path):
    path = tmp_path / "p.wbproj"
    ProjectStore.open(path).close()
    with sqlite3.connect(path) as db:
        db.execute(
            "INSERT INTO articles(source_file, text, text_hash, title, segments, words, imported_at)"
            " VALUES ('elsewhere.txt', 'Gamma news', 'h', 'Gamma', '[]', 2, '')"
        )
    store = ProjectStore.open(path)
    assert store.count_articles(words="gamma") == 1
    assert_search_equals_a_scan(store)
    store.close()
