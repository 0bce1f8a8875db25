"""Removing articles: everything of theirs goes, and undo puts it all back as it was."""

import sqlite3

import pytest

from tests.services.test_importing import LONG, story, syndicated
from workbench.core.errors import WorkbenchError
from workbench.core.model import Suggestion
from workbench.services.importing import import_paths

# What an article owns, as a table's rows (entities without their ids, which may be new).
OWNED = {
    "articles": "SELECT * FROM articles ORDER BY id",
    "analyses": "SELECT * FROM analyses ORDER BY article_id",
    "entities": "SELECT article_id, start, end, label, text, model_id FROM entities ORDER BY article_id, id",
    "entity_totals": "SELECT * FROM entity_totals ORDER BY text, label",
    "claims": "SELECT * FROM claims ORDER BY id",
    "suggestions": "SELECT * FROM suggestions ORDER BY id",
    "suggestion_runs": "SELECT * FROM suggestion_runs ORDER BY article_id",
    "suggestion_decisions": "SELECT * FROM suggestion_decisions ORDER BY article_id, start",
    "near_duplicates": "SELECT * FROM near_duplicates ORDER BY article_id, other_id",
    "article_bands": "SELECT * FROM article_bands ORDER BY article_id, band",
}


def dump(session) -> dict:
    with sqlite3.connect(session.path) as db:
        return {table: db.execute(sql).fetchall() for table, sql in OWNED.items()}


@pytest.fixture
def project(seeded_session, tmp_path):
    """The sample articles, analysed, with a claim, a decided suggestion and a pair of
    near-duplicates (articles 6 and 7)."""
    s = seeded_session
    (tmp_path / "a.txt").write_text(story("Talks to resume", LONG))
    (tmp_path / "b.txt").write_text(story("Seoul says talks will resume", syndicated(LONG)))
    import_paths(s.store, [tmp_path / "a.txt", tmp_path / "b.txt"])
    assert s.near_duplicates(7)
    article = s.article(1)
    start = article.text.index("Kim Jong Un")
    s.add_claim(article_id=1, start=start, end=start + 11, source="Kim Jong Un")
    said = Suggestion(start, start + 11, "Kim Jong Un", "the agency", None, None, "asserts", "said")
    s.store.save_suggestions(1, article.text_hash, [said], "ruler", "1")
    s.reject_suggestion(article_id=1, suggestion=said)
    return s


def test_an_article_goes_with_everything_of_its_own_and_undo_brings_it_back(project):
    s = project
    before = dump(s)
    claim_id = s.claims(1)[0].id
    changes = s.remove_articles(article_ids=[1, 7])
    assert changes.articles_removed == {1, 7} and changes.claims_changed == {claim_id}
    assert changes.articles_changed == {6}  # no longer has a near-duplicate
    assert s.commands.undo_label == "Remove 2 articles"
    after = dump(s)
    with sqlite3.connect(s.path) as db:
        for table, column in [("articles", "id"), ("near_duplicates", "other_id")] + [
            (table, "article_id") for table in OWNED if table not in ("articles", "entity_totals")
        ]:
            assert db.execute(f"SELECT count(*) FROM {table} WHERE {column} IN (1, 7)").fetchone()[0] == 0, table
        assert db.execute("SELECT count(*) FROM articles_fts WHERE rowid IN (1, 7)").fetchone()[0] == 0
    with sqlite3.connect(s.path) as db:  # the totals are those of the mentions left
        totals = db.execute(
            "SELECT text, label, count(*), count(DISTINCT article_id) FROM entities GROUP BY text, label"
            " ORDER BY text, label"
        ).fetchall()
    assert after["entity_totals"] == totals
    assert s.store.count_articles(words="Kim") == 3 and s.near_duplicates(6) == []
    assert [e.action for e in s.history(claim_id)][-1] == "deleted with its article"

    s.undo()
    assert dump(s) == before
    assert s.store.count_articles(words="Kim") == 4 and [n[0] for n in s.near_duplicates(6)] == [7]
    assert [e.action for e in s.history(claim_id)][-1] == "restored (undo)"
    s.redo()
    assert dump(s) == after


def test_undo_says_why_when_the_same_text_was_imported_again(project, tmp_path):
    s = project
    s.remove_articles(article_ids=[6])
    (tmp_path / "again.txt").write_text(story("Talks to resume", LONG))
    report = import_paths(s.store, [tmp_path / "again.txt"])
    assert report.count("imported") == 1  # the text is free again, and its near-duplicate is found
    assert [n[0] for n in s.near_duplicates(7)] == [8]
    before = dump(s)
    with pytest.raises(WorkbenchError, match="imported again since"):
        s.undo()
    assert dump(s) == before


def test_an_analysis_of_an_article_removed_meanwhile_is_dropped(project):
    s = project
    article = s.article(2)
    s.remove_articles(article_ids=[2])
    s.store.save_entities(2, article.text_hash, [], "ruler", "1")  # the worker's late result
    s.store.save_suggestions(2, article.text_hash, [], "ruler", "1")
    assert s.store.analysed_by(2) is None
    s.undo()
    assert s.store.analysed_by(2) is not None and s.entities(2)


def test_removing_nothing_records_nothing(project):
    label = project.commands.undo_label
    assert not project.remove_articles(article_ids=[999])
    assert project.commands.undo_label == label
