from PySide6.QtCore import Qt

from workbench.core.model import Claim, EntitySpan
from workbench.ingest.article import build_article
from workbench.qt.models.article_table import ARTICLE_ID_ROLE, ArticleTableModel
from workbench.qt.models.claim_table import CLAIM_ID_ROLE, ClaimTableModel


def project(store, titles=("Beta", "alpha", "Gamma")):
    """Articles 1..n titled `titles`, article 2 with the most entities, article 3 with claims."""
    for number, title in enumerate(titles, start=1):
        article = build_article(f"{number}.txt", f"{title}\n\nRussia and Oslo met on day {number}, officials said.")
        article_id = store.add_article(article)
        spans = [EntitySpan(0, 1, "GPE", "Russia")] * (1 + (number == 2) * 8)
        store.save_entities(article_id, article.text_hash, spans, "m", "1")
    store.insert_claim(Claim(3, 0, 4, "Gamm", "Event"))
    return store


def column(model, number, role=Qt.ItemDataRole.DisplayRole):
    return [model.data(model.index(r, number), role) for r in range(model.rowCount())]


def test_article_model_passes_the_model_tester(qtmodeltester, store):
    model = ArticleTableModel(source=project(store))
    qtmodeltester.check(model)
    model.sort(0)
    qtmodeltester.check(model)


def test_article_model_sorts_filters_and_updates(store):
    model = ArticleTableModel(source=project(store))
    model.sort(0, Qt.SortOrder.AscendingOrder)
    assert column(model, 0) == ["alpha", "Beta", "Gamma"]
    model.sort(3, Qt.SortOrder.DescendingOrder)
    assert column(model, 0, ARTICLE_ID_ROLE) == [2, 1, 3]
    model.sort(-1)
    assert [model.article_id(r) for r in range(3)] == [1, 2, 3]
    model.set_filter(words="gamm")
    assert model.rowCount() == 1 and model.total == 3 and model.row_of(3) == 0 and model.row_of(1) is None
    model.set_filter(words="day")
    store.insert_claim(Claim(3, 5, 9, "Russ", "Event"))
    model.update_articles(store.article_summaries([3]))
    assert model.data(model.index(model.row_of(3), 4)) == 2
    new = store.add_article(build_article("4.txt", "Delta\n\nNothing of note happened on day four, they said."))
    model.update_articles(store.article_summaries([new]))
    assert model.total == 4 and model.rowCount() == 4 and model.row_of(new) == 3  # matches the filter: appended
    model.set_filter(words="gamma", entity=("Russia", "GPE"))
    assert [model.article_id(r) for r in range(model.rowCount())] == [3]


def test_article_model_reads_a_long_list_a_page_at_a_time(store, qtmodeltester):
    titles = [f"Story {n}" for n in range(1, 1001)]
    model = ArticleTableModel(source=project(store, titles))
    calls = []
    store.article_summaries = lambda ids, _real=store.article_summaries: calls.append(len(ids)) or _real(ids)
    assert model.rowCount() == 1000
    assert model.data(model.index(700, 0)) == "Story 701"  # reads only the page holding row 700
    assert calls == [ArticleTableModel.PAGE]
    assert model.row_of(999) == 998 and model.article_id(999) == 1000
    model.set_filter(words="story 99")  # "99" starts 99 and 990–999
    assert [model.article_id(r) for r in range(model.rowCount())] == [99, *range(990, 1000)]
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert column(model, 0)[:2] == ["Story 999", "Story 998"]
    qtmodeltester.check(model)


def test_claim_model_passes_the_model_tester(qtmodeltester, session):
    model = ClaimTableModel()
    claims = [
        Claim(1, 0, 5, "North\nKorea said", "Event", id=1),
        Claim(1, 3, 9, "x" * 200, "Intent", source="Kim", id=2),
    ]
    model.set_claims(claims, session.schema)
    qtmodeltester.check(model)
    assert model.data(model.index(0, 0)) == "North Korea said"
    assert model.data(model.index(1, 0)).endswith("…")
    assert model.data(model.index(1, 0), CLAIM_ID_ROLE) == 2
    assert model.update_claim(Claim(1, 3, 9, "x", "Intent", source="Putin", id=2))
    assert model.data(model.index(1, 2)) == "Putin"


def test_tooltips_show_text_from_files_and_users_as_it_is(session):
    """A quote or title that looks like HTML is shown as written, not rendered."""
    from PySide6.QtGui import QTextDocument

    from workbench.core.model import Suggestion
    from workbench.qt.models.suggestion_table import SuggestionTableModel

    quote = "The report says <b>x</b> & &amp; <img src=http://example.invalid/a.png>\nnext line"

    def shown(tip):
        document = QTextDocument()
        document.setHtml(tip)
        return document.toPlainText()

    claims = ClaimTableModel()
    claims.set_claims([Claim(1, 0, len(quote), quote, "Event", id=1)], session.schema)
    assert shown(claims.data(claims.index(0, 0), Qt.ItemDataRole.ToolTipRole)) == quote
    suggestions = SuggestionTableModel()
    suggestions.set_suggestions([Suggestion(0, 5, quote, "<i>Kim</i>", None, None, "asserts", "said")])
    assert shown(suggestions.data(suggestions.index(0, 0), Qt.ItemDataRole.ToolTipRole)).startswith(quote)
