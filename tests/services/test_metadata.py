"""Correcting an article's title, date and source site: stored, undoable, used in exports,
with the imported values kept."""

import pandas as pd
import pytest

from workbench.core.errors import WorkbenchError
from workbench.services.exporting import export_articles_csv, export_claims_csv
from workbench.services.importing import import_paths
from workbench.services.projects import open_session

PAGE = """<html><head><title>Wrong title | Site</title>
<meta property="og:title" content="Wrong title">
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2024-01-14T09:30:00Z">
</head><body><article><h1>Wrong title</h1>
<p>Officials in Seoul said on Monday that the talks with Moscow would resume next month.</p>
</article></body></html>"""


@pytest.fixture
def article_id(session, tmp_path):
    (tmp_path / "page.html").write_text(PAGE)
    return import_paths(session.store, [tmp_path / "page.html"]).outcomes[0].imported[0]


def test_correction_is_stored_with_the_imported_values_kept(session, article_id, tmp_path):
    changes = session.correct_article(article_id=article_id, title="  Right   title ", date="15 January 2024", site="")
    assert changes.articles_changed == {article_id}
    article = session.article(article_id)
    assert (article.title, article.date, article.site) == ("Right title", "2024-01-15", None)
    assert article.original == {"title": "Wrong title", "date": "2024-01-14", "site": "Example News"}
    assert article.origins["title"] == '<meta property="og:title">'  # where the imported value came from
    assert article.date_raw == "2024-01-14T09:30:00Z"  # as the page wrote it
    session.close()
    reopened, _ = open_session(tmp_path / "project.wbproj")
    assert reopened.article(article_id).title == "Right title"
    reopened.close()


def test_undo_and_redo_of_a_correction(session, article_id):
    session.correct_article(article_id=article_id, title="Right title")
    assert session.commands.undo_label == "Correct article details"
    assert session.undo().articles_changed == {article_id}
    article = session.article(article_id)
    assert article.title == "Wrong title" and article.original == {}
    session.redo()
    assert session.article(article_id).title == "Right title"


def test_setting_the_imported_value_back_is_no_longer_a_correction(session, article_id):
    session.correct_article(article_id=article_id, title="Right title")
    session.correct_article(article_id=article_id, title="Wrong title")
    assert session.article(article_id).original == {}
    assert not session.correct_article(article_id=article_id, title="Wrong title")  # nothing to do


@pytest.mark.parametrize(
    "changes,message",
    [
        ({"title": "   "}, "needs a title"),
        ({"date": "next Tuesday"}, "not a date that can be read"),
        ({"date": "03/04/2024"}, "could be read two ways"),
        ({"date": "2024-01-14 or so"}, "not a date that can be read"),
    ],
)
def test_bad_corrections_are_refused_and_change_nothing(session, article_id, changes, message):
    with pytest.raises(WorkbenchError, match=message):
        session.correct_article(article_id=article_id, **changes)
    assert session.article(article_id).title == "Wrong title" and session.commands.undo_label is None


def test_exports_use_the_corrected_values(session, article_id, tmp_path):
    session.correct_article(article_id=article_id, title="Right title", date="2024-02-01", site="The Daily")
    session.add_claim(article_id=article_id, start=0, end=5)
    export_claims_csv(session.store, tmp_path / "claims.csv")
    claims = pd.read_csv(tmp_path / "claims.csv", keep_default_na=False)
    assert (claims.article_title[0], claims.article_date[0]) == ("Right title", "2024-02-01")
    export_articles_csv(session.store, tmp_path / "articles.csv")
    articles = pd.read_csv(tmp_path / "articles.csv", keep_default_na=False)
    assert (articles.title[0], articles.date[0], articles.site[0]) == ("Right title", "2024-02-01", "The Daily")
