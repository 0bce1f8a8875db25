import pytest

from workbench.core.errors import SpanError, WorkbenchError


def first_article(session):
    return session.article(session.article_summaries()[0].id)


def test_add_edit_delete_undo_redo(seeded_session):
    s = seeded_session
    article = first_article(s)
    start = article.text.index("Kim Jong Un")
    claim, changes = s.add_claim(
        article_id=article.id, start=start - 1, end=start + 11, category="Intent", source="Kim Jong Un"
    )
    assert claim.quote == "Kim Jong Un" == article.text[claim.start : claim.end]  # the space before is dropped
    assert changes.claims_changed == {claim.id} and changes.claim_articles == {article.id}
    s.edit_claim(claim_id=claim.id, stance="denies", tags="a, b")
    assert s.claim(claim.id).stance == "denies" and s.claim(claim.id).tags == ("a", "b")
    s.delete_claim(claim_id=claim.id)
    assert s.claim(claim.id) is None
    s.undo()  # delete undone: same id, same fields
    restored = s.claim(claim.id)
    assert restored.stance == "denies" and restored.id == claim.id
    s.undo()  # edit undone
    assert s.claim(claim.id).stance == "asserts" and s.claim(claim.id).tags == ()
    s.undo()  # add undone
    assert s.claim(claim.id) is None
    s.redo()
    s.redo()
    assert s.claim(claim.id).stance == "denies"
    assert s.commands.redo_label == "Delete claim"


def test_redo_history_is_dropped_by_a_new_edit(seeded_session):
    s = seeded_session
    article = first_article(s)
    claim, _ = s.add_claim(article_id=article.id, start=0, end=10)
    s.undo()
    s.add_claim(article_id=article.id, start=20, end=30)
    assert s.commands.redo_label is None
    assert s.claim(claim.id) is None


def test_typing_a_note_is_one_undo_step(seeded_session):
    s = seeded_session
    article = first_article(s)
    claim, _ = s.add_claim(article_id=article.id, start=0, end=10)
    for note in ("f", "fi", "fir", "first"):
        s.edit_claim(claim_id=claim.id, note=note)
    s.edit_claim(claim_id=claim.id, status="disputed")
    s.undo()
    assert s.claim(claim.id).note == "first"
    s.undo()
    assert s.claim(claim.id).note == ""
    assert s.commands.undo_label == "Add claim"


def test_undo_restores_timestamps(seeded_session):
    s = seeded_session
    article = first_article(s)
    claim, _ = s.add_claim(article_id=article.id, start=0, end=10)
    s.edit_claim(claim_id=claim.id, note="x")
    s.undo()
    assert s.claim(claim.id) == claim


def test_edit_that_changes_nothing_records_nothing(seeded_session):
    s = seeded_session
    claim, _ = s.add_claim(article_id=first_article(s).id, start=0, end=10)
    assert not s.edit_claim(claim_id=claim.id, stance=claim.stance)
    assert s.commands.undo_label == "Add claim"


def test_values_outside_the_schema_are_refused(seeded_session):
    s = seeded_session
    claim, _ = s.add_claim(article_id=first_article(s).id, start=0, end=10)
    with pytest.raises(WorkbenchError, match="not a stance"):
        s.edit_claim(claim_id=claim.id, stance="shouts")
    with pytest.raises(WorkbenchError, match="not a category"):
        s.add_claim(article_id=first_article(s).id, start=0, end=10, category="Nope")


def test_empty_selection_is_refused(seeded_session):
    with pytest.raises(SpanError):
        seeded_session.add_claim(article_id=first_article(seeded_session).id, start=3, end=3)


def test_source_candidates_are_the_articles_actors(seeded_session):
    article = first_article(seeded_session)
    candidates = seeded_session.source_candidates(article.id)
    assert candidates[0] in ("North Korea", "Russia")
    assert "Kim Jong Un" in candidates


def test_current_article_is_remembered(seeded_session, tmp_path):
    from workbench.services.projects import open_session

    article = first_article(seeded_session)
    seeded_session.set_current_article(article_id=article.id)
    seeded_session.close()
    again, _ = open_session(seeded_session.path)
    assert again.current_article_id == article.id
    again.close()


def test_the_open_article_and_claim_are_remembered_together(seeded_session):
    s = seeded_session
    claim, _ = s.add_claim(article_id=2, start=0, end=5)
    commits = []
    s.store._db.set_trace_callback(lambda sql: commits.append(sql) if sql == "COMMIT" else None)
    s.set_position(article_id=2, claim_id=claim.id)
    assert len(commits) == 1
    assert (s.current_article_id, s.current_claim_id) == (2, claim.id)
    s.set_position(article_id=2, claim_id=claim.id)  # where it is already: nothing to write
    assert len(commits) == 1
