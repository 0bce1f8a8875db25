import sqlite3

import pytest

from workbench.core.model import Claim, EntitySpan
from workbench.ingest.article import build_article
from workbench.store import ProjectStore
from workbench.store.article_list import fts_query
from workbench.store.migrations import MIGRATIONS
from workbench.store.project_store import ProjectFileError, database_problem


def add(
    store, text="Headline here\n\nRussia and North Korea signed a treaty in Pyongyang on Monday, officials said today."
):
    return store.add_article(build_article("a.txt", text))


def test_new_project_is_versioned(store):
    assert store.schema_version == len(MIGRATIONS)
    assert store.path.exists()


def test_reopen_keeps_everything(tmp_path):
    path = tmp_path / "p.wbproj"
    store = ProjectStore.open(path)
    article_id = add(store)
    claim = store.insert_claim(Claim(article_id, 15, 21, "Russia", "Event", source="officials", tags=("t",)))
    store.set_meta("current_article_id", str(article_id))
    store.close()
    again = ProjectStore.open(path, create=False)
    assert again.claim(claim.id) == claim
    assert again.get_meta("current_article_id") == str(article_id)
    assert again.article(article_id).title == "Headline here"
    again.close()


def test_not_a_project_is_refused_with_a_message(tmp_path):
    junk = tmp_path / "junk.wbproj"
    junk.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(ProjectFileError, match="not an Analyst Workbench project"):
        ProjectStore.open(junk)
    assert junk.read_bytes() == b"this is not a database at all" * 100


def test_foreign_sqlite_database_is_refused_and_left_as_it_was(tmp_path):
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE t (x)")
    before = other.read_bytes()
    with pytest.raises(ProjectFileError, match="not an Analyst Workbench project"):
        ProjectStore.open(other)
    assert other.read_bytes() == before  # not even switched to WAL


def test_an_empty_file_is_no_project_unless_named_as_one(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.touch()
    with pytest.raises(ProjectFileError, match="empty file, not a project"):
        ProjectStore.open(notes)
    assert notes.read_bytes() == b""
    (tmp_path / "new.wbproj").touch()
    ProjectStore.open(tmp_path / "new.wbproj").close()


def test_newer_format_is_refused(tmp_path):
    path = tmp_path / "p.wbproj"
    ProjectStore.open(path).close()
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    before = path.read_bytes()
    with pytest.raises(ProjectFileError, match="newer Analyst Workbench"):
        ProjectStore.open(path)
    assert path.read_bytes() == before


def test_missing_project_without_create(tmp_path):
    with pytest.raises(ProjectFileError, match="No project"):
        ProjectStore.open(tmp_path / "none.wbproj", create=False)
    with pytest.raises(ProjectFileError, match="does not exist"):
        ProjectStore.open(tmp_path / "no" / "such" / "folder.wbproj")


def test_failed_transaction_leaves_nothing(store):
    article_id = add(store)
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.insert_claim(Claim(article_id, 0, 5, "Headl", "Event"))
            raise RuntimeError("boom")
    assert store.claims() == []


def test_a_transaction_sqlite_ended_itself_reports_its_own_error(store):
    # On a full disk SQLite rolls the transaction back itself; ROLLBACK must not then hide why.
    with pytest.raises(sqlite3.OperationalError, match="disk is full"):
        with store.transaction() as db:
            db.execute("INSERT INTO articles_fts_pending SELECT 1 WHERE 0")
            db.execute("ROLLBACK")  # what SQLite does on SQLITE_FULL
            raise sqlite3.OperationalError("database or disk is full")


@pytest.mark.parametrize(
    ("error", "said"),
    [
        ("database or disk is full", "the disk is full"),
        ("attempt to write a readonly database", "read-only"),
        ("database is locked", "Another program is using p.wbproj"),
        ("database disk image is malformed", "is damaged"),
        ("Could not decode to UTF-8 column 'text' with text 'Line one\nline two'", "not UTF-8. Open a backup"),
        ("unable to open database file", "Its folder may be read-only, or the name too long"),
        ("no such table: x", None),
    ],
)
def test_database_errors_a_user_can_act_on_are_said_plainly(error, said):
    problem = database_problem(sqlite3.OperationalError(error), "p.wbproj")
    assert problem is None if said is None else said in problem


def test_claim_keeps_its_id_when_reinserted(store):
    article_id = add(store)
    claim = store.insert_claim(Claim(article_id, 0, 8, "Headline", "Event"))
    store.delete_claim(claim.id)
    assert store.claim(claim.id) is None
    assert store.insert_claim(claim) == claim


def test_analysis_bookkeeping(store):
    article_id = add(store)
    assert store.articles_to_analyse("m", "1") == [article_id]
    text_hash = store.article(article_id).text_hash
    store.save_entities(article_id, text_hash, [EntitySpan(15, 21, "GPE", "Russia")], "m", "1")
    assert store.articles_to_analyse("m", "1") == []
    assert store.articles_to_analyse("m", "2") == [article_id]  # another model version
    assert store.entities(article_id) == [EntitySpan(15, 21, "GPE", "Russia")]
    assert store.analysed_by(article_id) == ("m", "1")
    store.save_entities(article_id, text_hash, [], "m", "2")
    assert store.entities(article_id) == []
    assert store.article_summaries()[0].entities == 0


def test_full_text_search_matches_word_prefixes_in_title_and_text(store):
    a = add(store)
    b = add(store, "Other story\n\nThe weather in Glasgow stayed wet all week long, forecasters said on Friday.")

    def search(words):
        return store.article_ids_after(0, 100, words=words)

    assert search("pyong") == [a]
    assert search("HEADLINE") == [a]
    assert search("glasgow wet") == [b]
    assert search("glasgow russia") == []
    assert search("") == [a, b]
    # FTS syntax typed by a user is text, not an error
    assert search('"NEAR( AND * ') == []


def test_fts_query_quotes_words():
    assert fts_query('Kim "Jong" Un') == '"Kim"* """Jong"""* "Un"*'
    assert fts_query(" * - ") == ""


def test_top_entities(store):
    article_id = add(store)
    text_hash = store.article(article_id).text_hash
    mentions = [
        EntitySpan(15, 21, "GPE", "Russia"),
        EntitySpan(26, 37, "GPE", "North Korea"),
        EntitySpan(60, 69, "GPE", "Pyongyang"),
    ]
    store.save_entities(article_id, text_hash, mentions + [EntitySpan(70, 72, "DATE", "on")], "m", "1")
    top = store.top_entities(2, labels=["GPE"])
    assert [(c.text, c.mentions) for c in top] == [("North Korea", 1), ("Pyongyang", 1)]
    assert store.article_ids_after(0, 10, entity=("Russia", "GPE")) == [article_id]
    assert store.article_ids_after(0, 10, entity=("Russia", "ORG")) == []


def test_an_article_removed_takes_its_band_keys_with_it(store):
    first, second = add(store), add(store, "Another headline\n\nA different body about the talks, officials said.")
    store.add_bands([(0, 11, first), (1, 12, first), (0, 11, second)])
    removed = store.remove_articles({first: [11, 12, 13]})  # its keys as computed now: 13 was never stored
    assert store.articles_sharing_bands([(second + 1, [11, 12])], 10) == {second + 1: {second: 1}}
    store.restore_articles(removed)
    assert store.articles_sharing_bands([(second + 1, [11, 12])], 10) == {second + 1: {first: 2, second: 1}}


def test_band_candidates_are_ranked_among_the_articles_before_each(store):
    """Each article's `limit` candidates are the best of those before it alone: articles after
    it sharing more keys do not crowd out those before it."""
    first, second, third = (add(store, f"Headline {n}\n\nA body about the talks, number {n}.") for n in range(3))
    store.add_bands([(0, 11, first), (0, 11, third), (1, 12, third), (0, 11, second), (1, 12, second)])
    found = store.articles_sharing_bands([(second, [11, 12]), (third + 1, [11, 12])], 1)
    assert found == {second: {first: 1}, third + 1: {second: 2}}


@pytest.mark.parametrize("gone", ["moved", "deleted"])
def test_a_project_file_moved_or_deleted_while_open_takes_no_more_edits(tmp_path, gone):
    """SQLite would go on writing to the write-ahead log at the old name: each edit would
    look saved and be lost. The store refuses it and says why."""
    path = tmp_path / "p.wbproj"
    store = ProjectStore.open(path)
    article_id = store.add_article(build_article("a.txt", "Title\n\nKim said so."))
    if gone == "moved":
        path.rename(tmp_path / "elsewhere.wbproj")
    else:
        path.unlink()
    with pytest.raises(ProjectFileError, match="moved, renamed or deleted while it was open"):
        store.insert_claim(Claim(article_id, 0, 5, "Title", "Event"))
    store.close()
    if gone == "moved":
        moved = ProjectStore.open(tmp_path / "elsewhere.wbproj")
        assert moved.article_count() == 1 and moved.find_claims() == []
        moved.close()


def test_reading_a_project_that_cannot_be_written_does_not_fail_on_every_article(seeded_session, monkeypatch):
    """Remembering the open article is a convenience: when the project cannot take the
    write (read-only, moved away), reading goes on; edits still say why they fail."""

    def refuse():
        raise ProjectFileError("read-only")

    monkeypatch.setattr(seeded_session.store, "check_still_there", refuse)
    seeded_session.set_position(article_id=2, claim_id=None)  # no error
    with pytest.raises(ProjectFileError):
        seeded_session.add_claim(article_id=1, start=0, end=5)


def test_a_project_file_moved_while_open_holds_what_was_saved_when_closed(tmp_path):
    path = tmp_path / "p.wbproj"
    store = ProjectStore.open(path)
    store.add_article(build_article("a.txt", "Title\n\nKim said so."))
    path.rename(tmp_path / "elsewhere.wbproj")
    store.close()
    moved = ProjectStore.open(tmp_path / "elsewhere.wbproj")
    assert moved.article_count() == 1
    moved.close()


def test_a_project_that_cannot_be_created_leaves_no_file_behind(tmp_path):
    """A name one byte short of the system's limit takes the file but not its -journal: the
    empty file left behind passed for a new project at the next try, and failed again."""
    path = tmp_path / ("p" * (255 - len(".wbproj")) + ".wbproj")
    with pytest.raises(ProjectFileError, match="name too long"):
        ProjectStore.open(path)
    assert not path.exists()
