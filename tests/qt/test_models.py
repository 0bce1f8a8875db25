from PySide6.QtCore import Qt

from workbench.core.model import ArticleSummary, Claim
from workbench.qt.models.article_table import ARTICLE_ID_ROLE, ArticleTableModel
from workbench.qt.models.claim_table import CLAIM_ID_ROLE, ClaimTableModel


def summaries():
    return [
        ArticleSummary(1, "Beta", "2024-01-02", "b.txt", 100, 5, 0),
        ArticleSummary(2, "alpha", None, "a.txt", 50, 9, 2),
        ArticleSummary(3, "Gamma", "2023-05-01", "c.txt", 70, 1, 1),
    ]


def test_article_model_passes_the_model_tester(qtmodeltester):
    model = ArticleTableModel()
    model.set_articles(summaries())
    qtmodeltester.check(model)


def test_article_model_sorts_filters_and_updates(qtmodeltester):
    model = ArticleTableModel()
    model.set_articles(summaries())
    model.sort(0, Qt.SortOrder.AscendingOrder)
    assert [model.data(model.index(r, 0)) for r in range(3)] == ["alpha", "Beta", "Gamma"]
    model.sort(3, Qt.SortOrder.DescendingOrder)
    assert [model.data(model.index(r, 0), ARTICLE_ID_ROLE) for r in range(3)] == [2, 1, 3]
    model.sort(-1)
    assert [model.article_id(r) for r in range(3)] == [1, 2, 3]
    model.set_filter([3, 1])
    assert model.rowCount() == 2 and model.total == 3
    model.update_articles([ArticleSummary(3, "Gamma", "2023-05-01", "c.txt", 70, 4, 7)])
    assert model.data(model.index(model.row_of(3), 4)) == 7
    model.update_articles([ArticleSummary(4, "Delta", None, "d.txt", 10, 0, 0)])
    assert model.total == 4 and model.row_of(4) is None  # filtered out until the filter changes
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
