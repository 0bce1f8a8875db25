import unicodedata
from dataclasses import replace

import pytest

from workbench.core.errors import WorkbenchError
from workbench.core.model import Category, Suggestion


def add(s, needle, article_id=1, **fields):
    text = s.article(article_id).text
    start = text.index(needle)
    claim, _ = s.add_claim(article_id=article_id, start=start, end=start + len(needle), **fields)
    return claim


def renamed(schema, old, new):
    return replace(schema, categories=tuple(replace(c, name=new) if c.name == old else c for c in schema.categories))


def test_history_records_who_when_before_after(seeded_session):
    s = seeded_session
    s.analyst = "Ana Lyst"
    claim = add(s, "Kim Jong Un")
    s.edit_claim(claim_id=claim.id, status="disputed")
    s.delete_claim(claim_id=claim.id)
    s.undo()
    history = s.history(claim.id)
    assert [h.action for h in history] == ["created", "edited", "deleted", "restored (undo)"]
    assert {h.analyst for h in history} == {"Ana Lyst"}
    assert history[1].changes() == [("status", "unverified", "disputed")]
    assert history[2].after is None and history[2].before.status == "disputed"
    assert s.claim(claim.id).analyst == "Ana Lyst"


def test_source_links_to_the_nearest_mention(seeded_session):
    s = seeded_session
    text = s.article(1).text
    claim = add(s, "has expressed his country's desire to strengthen its partnership", source="Kim Jong Un")
    assert text[claim.source_start : claim.source_end] == "Kim Jong Un"
    assert claim.source_end <= claim.start and claim.start - claim.source_end < 5
    s.edit_claim(claim_id=claim.id, source="Someone unnamed")
    free = s.claim(claim.id)
    assert free.source == "Someone unnamed" and free.source_start is None


def test_rename_category_updates_its_claims_and_undoes(seeded_session):
    s = seeded_session
    claim = add(s, "Kim Jong Un", category="Intent")
    s.change_schema(schema=renamed(s.schema, "Intent", "Plan"), replacements={("category", "Intent"): "Plan"})
    assert s.claim(claim.id).category == "Plan" and "Plan" in s.schema.category_names
    assert s.history(claim.id)[-1].action == "schema changed"
    s.undo()
    assert s.claim(claim.id).category == "Intent" and "Intent" in s.schema.category_names


def test_merge_category(seeded_session):
    s = seeded_session
    a = add(s, "Kim Jong Un", category="Intent")
    b = add(s, "Russia", category="Event")
    merged = replace(s.schema, categories=tuple(c for c in s.schema.categories if c.name != "Intent"))
    s.change_schema(schema=merged, replacements={("category", "Intent"): "Event"})
    assert s.claim(a.id).category == s.claim(b.id).category == "Event"


def test_deleting_a_used_category_needs_a_decision(seeded_session):
    s = seeded_session
    claim = add(s, "Kim Jong Un", category="Intent")
    without = replace(s.schema, categories=tuple(c for c in s.schema.categories if c.name != "Intent"))
    with pytest.raises(WorkbenchError, match="1 claim uses the category “Intent”"):
        s.change_schema(schema=without)
    assert s.claim(claim.id).category == "Intent" and "Intent" in s.schema.category_names  # nothing changed
    s.change_schema(schema=without, replacements={("category", "Intent"): None})
    assert s.claim(claim.id) is None
    s.undo()
    assert s.claim(claim.id).category == "Intent"


def test_rename_a_stance(seeded_session):
    s = seeded_session
    claim = add(s, "Kim Jong Un", stance="denies")
    stances = tuple("rejects" if x == "denies" else x for x in s.schema.stances)
    s.change_schema(schema=replace(s.schema, stances=stances), replacements={("stance", "denies"): "rejects"})
    assert s.claim(claim.id).stance == "rejects"


@pytest.mark.parametrize(
    "bad,message",
    [
        (lambda sc: replace(sc, stances=()), "at least one stance"),
        (lambda sc: replace(sc, statuses=("a", "A")), "both called"),
        (lambda sc: replace(sc, categories=(Category("X", "red", "1"),)), "#1f77b4"),
        (
            lambda sc: replace(sc, categories=(Category("X", "#000000", "1"), Category("Y", "#000000", "1"))),
            "shortcut key “1”",
        ),
        (lambda sc: replace(sc, categories=(Category("X", "#000000", "x"),)), "digit from 1 to 9"),  # X rejects
    ],
)
def test_invalid_schemas_are_refused(seeded_session, bad, message):
    with pytest.raises(WorkbenchError, match=message):
        seeded_session.change_schema(schema=bad(seeded_session.schema))


def test_actors_merge_and_find_all_their_claims(seeded_session):
    s = seeded_session
    a = add(s, "Choe Son Hui", article_id=4, source="Choe Son Hui")
    b = add(s, "Chloe Son Hui", article_id=3, source="Chloe Son Hui")
    actors = {x.name: x for x in s.actors()}
    assert actors["Choe Son Hui"].claims == 1
    s.merge_actors(target_id=actors["Choe Son Hui"].id, source_ids=[actors["Chloe Son Hui"].id])
    merged = {x.name: x for x in s.actors()}["Choe Son Hui"]
    assert merged.aliases == ("Chloe Son Hui", "Choe Son Hui") and merged.claims == 2
    assert {c.id for c in s.find_claims(actor_id=merged.id)} == {a.id, b.id}
    s.undo()
    assert len([x for x in s.actors() if "Son Hui" in x.name]) == 2
    s.redo()
    s.detach_alias(alias="Chloe Son Hui")
    assert {c.id for c in s.find_claims(actor_id=merged.id)} == {a.id}


def test_rename_actor_refuses_a_name_of_another(seeded_session):
    s = seeded_session
    add(s, "Kim Jong Un", source="Kim Jong Un")
    add(s, "Russia", source="Russia")
    kim = s.store.actor_named("Kim Jong Un")
    s.rename_actor(actor_id=kim.id, name="Kim Jong-un")
    assert s.store.actor_named("Kim Jong Un").name == "Kim Jong-un"
    with pytest.raises(WorkbenchError, match="merge"):
        s.rename_actor(actor_id=kim.id, name="russia")


def test_find_claims_filters(seeded_session):
    s = seeded_session
    a = add(s, "Kim Jong Un", category="Intent", stance="asserts", note="check RIA")
    b = add(s, "Russia", category="Event", stance="denies")
    assert [c.id for c in s.find_claims(category="Intent")] == [a.id]
    assert [c.id for c in s.find_claims(stance="denies")] == [b.id]
    assert [c.id for c in s.find_claims(text="ria")] == [a.id]
    assert [c.id for c in s.find_claims(article_id=1)] == [b.id, a.id]  # in text order
    # any case and accents, composed or decomposed (SQLite's lower() folds ASCII only)
    s.edit_claim(claim_id=b.id, note=unicodedata.normalize("NFD", "Über déclaré"))
    for typed in ("über", "ÜBER", "declare", "DÉCLARÉ", unicodedata.normalize("NFD", "déclaré")):
        assert [c.id for c in s.find_claims(text=typed)] == [b.id], typed


def suggestion(s, needle, article_id=1, **kw):
    text = s.article(article_id).text
    start = text.index(needle)
    fields = dict(source="Kim Jong Un", source_start=None, source_end=None, stance="asserts", cue="said")
    fields.update(kw)
    return Suggestion(start, start + len(needle), needle, **fields)


def test_accept_and_reject_suggestions_are_undoable(seeded_session):
    s = seeded_session
    one = suggestion(s, "has expressed a desire to strengthen")
    two = suggestion(s, "This move could provide North Korea with a buffer", stance="denies")
    s.store.save_suggestions(1, s.article(1).text_hash, [one, two], "m", "1")
    assert s.suggestions(1) == [one, two]
    claim, changes = s.accept_suggestion(article_id=1, suggestion=one, category="Intent")
    assert (claim.quote, claim.source, claim.stance, claim.category) == (one.text, "Kim Jong Un", "asserts", "Intent")
    assert changes.suggestions_changed == {1}
    assert s.suggestions(1) == [two]
    s.reject_suggestion(article_id=1, suggestion=two)
    assert s.suggestions(1) == []
    s.store.save_suggestions(1, s.article(1).text_hash, [one, two], "m", "2")  # re-analysis
    assert s.suggestions(1) == []  # decisions are remembered
    s.undo()
    assert s.suggestions(1) == [two]
    s.undo()
    assert s.claim(claim.id) is None and s.suggestions(1) == [one, two]
    s.redo()
    assert s.claim(claim.id) is not None and s.suggestions(1) == [two]
    assert s.history(claim.id)[0].action == "created from a suggestion"


def test_one_statement_proposed_for_two_speakers_is_decided_per_speaker(seeded_session):
    s = seeded_session
    lawyer = suggestion(s, "has expressed a desire to strengthen", source="his lawyer")
    reporter = suggestion(s, "has expressed a desire to strengthen", source="Kim Jong Un")
    s.store.save_suggestions(1, s.article(1).text_hash, [lawyer, reporter], "m", "1")
    s.reject_suggestion(article_id=1, suggestion=lawyer)
    assert s.suggestions(1) == [reporter]


def test_undo_of_an_edit_to_a_claim_deleted_elsewhere_says_so_and_the_history_goes_on(seeded_session):
    """Another window (another connection) deleted the claim: the edit cannot be undone,
    which is said plainly, and the steps before it can still be undone."""
    from workbench.store import ProjectStore

    s = seeded_session
    first = add(s, "Kim Jong Un")
    claim = add(s, "Russia")
    s.edit_claim(claim_id=claim.id, note="checked")
    other = ProjectStore.open(s.store.path)
    other.delete_claim(claim.id)
    other.close()
    with pytest.raises(WorkbenchError, match="Cannot undo “edit claim”: Claim .* no longer exists"):
        s.undo()
    s.undo()  # the add of the deleted claim: nothing left to delete
    s.undo()
    assert s.claim(first.id) is None


def test_a_category_renamed_in_another_window_is_not_given_to_new_claims_here(seeded_session):
    """Each window checks claims against the project's schema: one renamed in another
    window (another connection) is read again, not kept from when this one opened."""
    from workbench.services.projects import open_session

    s = seeded_session
    assert "Event" in s.schema.category_names
    other, _ = open_session(s.store.path)
    renamed = replace(other.schema, categories=tuple(
        replace(c, name="Happening") if c.name == "Event" else c for c in other.schema.categories
    ))  # fmt: skip
    other.change_schema(schema=renamed)
    other.close()
    assert "Happening" in s.schema.category_names and "Event" not in s.schema.category_names
    with pytest.raises(WorkbenchError):
        add(s, "Kim Jong Un", category="Event")


def test_undo_takes_back_only_what_this_window_changed(seeded_session):
    """Undo restores the fields its edit changed, not the whole claim as it was: a change
    another window made since to other fields stays; one made to the same field is not
    overwritten (the undo says so and is dropped)."""
    from workbench.services.projects import open_session

    s = seeded_session
    claim = add(s, "Kim Jong Un")
    s.edit_claim(claim_id=claim.id, note="check RIA")
    other, _ = open_session(s.store.path)
    other.edit_claim(claim_id=claim.id, category="Intent")
    s.undo()
    assert (s.claim(claim.id).note, s.claim(claim.id).category) == ("", "Intent")
    s.redo()
    other.edit_claim(claim_id=claim.id, note="checked: wrong")
    other.close()
    with pytest.raises(WorkbenchError, match="note changed since"):
        s.undo()
    assert s.claim(claim.id).note == "checked: wrong"


def test_claims_are_counted_by_actor_whatever_name_they_go_by(seeded_session):
    s = seeded_session
    add(s, "Choe Son Hui", article_id=4, source="Choe Son Hui", stance="asserts")
    add(s, "Chloe Son Hui", article_id=3, source="chloe son hui", stance="denies")
    add(s, "Russia", source="", stance="asserts")
    actors = {x.name: x for x in s.actors()}
    s.merge_actors(target_id=actors["Choe Son Hui"].id, source_ids=[actors["chloe son hui"].id])
    rows = s.store.count_claims_by("source", "stance")
    merged = actors["Choe Son Hui"].id
    assert sorted(rows, key=str) == sorted(
        [("", None, "asserts", 1), ("Choe Son Hui", merged, "asserts", 1), ("Choe Son Hui", merged, "denies", 1)],
        key=str,
    )
    assert s.store.count_claims_by("stance", None) == [("asserts", None, "", 2), ("denies", None, "", 1)]
    with pytest.raises(ValueError):
        s.store.count_claims_by("stance", "stance")
    with pytest.raises(ValueError):
        s.store.count_claims_by("note; DROP TABLE claims", None)


def test_a_source_typed_with_stray_spaces_is_its_actors_name(seeded_session):
    s = seeded_session
    claim = add(s, "Kim Jong Un")
    s.edit_claim(claim_id=claim.id, source=" Kim  Jong Un ")
    assert s.claim(claim.id).source == "Kim Jong Un"
    assert [(a.name, a.claims) for a in s.actors()] == [("Kim Jong Un", 1)]
    assert s.store.count_claims_by("source", None) == [("Kim Jong Un", s.actors()[0].id, "", 1)]
    assert not s.edit_claim(claim_id=claim.id, source="Kim Jong Un  ")  # the same source: no edit


def test_claims_of_the_listed_articles_are_those_a_plain_scan_finds(seeded_session):
    from workbench.core.model import ListFilter

    s = seeded_session
    claims = [add(s, "Russia", article_id=i, category="Event" if i % 2 else "Intent") for i in range(1, 6)]
    filters = [
        ListFilter(words="Zelenskyy"),
        ListFilter(period=("2023-11", "2023-12")),
        ListFilter(entity=("Russia", "GPE")),
        ListFilter(words="Russia", period=("2023", "2024")),
        ListFilter(words="  "),  # nothing narrows the list: every claim
    ]
    for listed in filters:
        kept = set(s.store.article_ids_after(0, 10, words=listed.words, entity=listed.entity, period=listed.period))
        expected = [c for c in claims if c.article_id in kept]
        assert {c.id for c in s.store.find_claims(listed=listed)} == {c.id for c in expected}, listed
        counted = {(value, n) for value, _, _, n in s.store.count_claims_by("category", None, listed=listed)}
        events = sum(c.category == "Event" for c in expected)
        assert counted == {("Event", events), ("Intent", len(expected) - events)} - {("Event", 0), ("Intent", 0)}
