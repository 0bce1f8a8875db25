"""The corpus chart reads entity totals kept by triggers; they must always equal counting
the mentions themselves, whatever happened to the project."""

import sqlite3

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import SEEDS
from tests.store.old_formats import back_to_format_4
from workbench.core.model import EntitySpan
from workbench.ingest.article import build_article
from workbench.services.analysis import analyse_articles
from workbench.services.importing import import_paths
from workbench.store import ProjectStore
from workbench.store.migrations import MIGRATIONS


def kept(store) -> dict:
    rows = store._db.execute("SELECT text, label, mentions, articles FROM entity_totals")
    return {(t, label): (m, a) for t, label, m, a in rows}


def counted(store) -> dict:
    rows = store._db.execute(
        "SELECT text, label, count(*), count(DISTINCT article_id) FROM entities GROUP BY text, label"
    )
    return {(t, label): (m, a) for t, label, m, a in rows}


def test_totals_follow_analysis_reanalysis_and_deleted_articles(session, ruler_pipeline):
    store = session.store
    import_paths(store, [SEEDS])
    analyse_articles(store, ruler_pipeline)
    assert kept(store) == counted(store) and kept(store)
    # Re-analysis (here: the recorded analyses no longer match) replaces every article's mentions.
    store._db.execute("UPDATE analyses SET text_hash = 'stale'")
    assert analyse_articles(store, ruler_pipeline).analysed == 5
    assert kept(store) == counted(store)
    # Deleting an article (its mentions go by cascade) takes its mentions out of the totals.
    with store.transaction() as db:
        db.execute("DELETE FROM articles WHERE id = 2")
    assert kept(store) == counted(store)
    assert store.top_entities(3) == [c for c in store.top_entities(100)][:3]


def test_corpus_chart_equals_counting_every_mention(seeded_session):
    store = seeded_session.store
    expected = sorted(counted(store).items(), key=lambda kv: (-kv[1][0], kv[0][0]))
    top = store.top_entities(12, labels=["PERSON", "GPE", "ORG", "NORP"])
    wanted = [(t, label, m, a) for (t, label), (m, a) in expected if label in ("PERSON", "GPE", "ORG", "NORP")]
    assert [(c.text, c.label, c.mentions, c.articles) for c in top] == wanted[:12]


def test_migration_counts_mentions_already_stored(tmp_path):
    """A project made before the totals existed gets them filled when it is opened."""
    path = tmp_path / "old.wbproj"
    store = ProjectStore.open(path)
    article_id = store.add_article(build_article("a.txt", "Talks\n\nRussia and Russia met China in Moscow, they said."))
    text_hash = store.article(article_id).text_hash
    mentions = [
        EntitySpan(7, 13, "GPE", "Russia"),
        EntitySpan(18, 24, "GPE", "Russia"),
        EntitySpan(29, 34, "GPE", "China"),
    ]
    store.save_entities(article_id, text_hash, mentions, "m", "1")
    expected = counted(store)
    store.close()
    version = next(i for i, m in enumerate(MIGRATIONS) if "entity_totals" in m)  # the format before the totals
    with sqlite3.connect(path) as db:
        back_to_format_4(db)
        db.execute("DROP TABLE entity_totals")
        for name in ("insert", "delete", "update"):
            db.execute(f"DROP TRIGGER entity_totals_{name}")
        for index in ("articles_by_id", "articles_by_title", "articles_by_date", "articles_by_source"):
            db.execute(f"DROP INDEX {index}")
        db.execute(f"PRAGMA user_version = {version}")
    again = ProjectStore.open(path)
    assert kept(again) == expected == {("Russia", "GPE"): (2, 1), ("China", "GPE"): (1, 1)}
    again.close()


mention = st.tuples(st.integers(1, 3), st.sampled_from(["Kim", "Putin", "Moscow"]), st.sampled_from(["PERSON", "GPE"]))


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(mention, max_size=6), min_size=1, max_size=6))
def test_totals_equal_counting_after_any_sequence_of_saves(tmp_path_factory, saves):
    store = ProjectStore.open(tmp_path_factory.mktemp("p") / "p.wbproj")
    ids = [store.add_article(build_article(f"{i}.txt", f"Headline {i}\n\nSome body text {i} said.")) for i in range(3)]
    for save in saves:
        for article_id in ids:
            spans = [
                EntitySpan(k, k + 1, label, text) for k, (a, text, label) in enumerate(save) if ids[a - 1] == article_id
            ]
            store.save_entities(article_id, store.article(article_id).text_hash, spans, "m", "1")
            assert kept(store) == counted(store)
    store.close()
