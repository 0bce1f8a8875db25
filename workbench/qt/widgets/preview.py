"""Running one panel alone on the sample corpus: `python -m workbench.qt.widgets.reader`
(likewise claim_panel, entity_chart, article_list). Doubles as a smoke test."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from workbench.core.errors import WorkbenchError
from workbench.services.session import Session


def sample_session() -> Session:
    """A throw-away project holding the sample corpus, analysed when a pipeline exists."""
    from workbench import seeds
    from workbench.nlp.pipeline import load_pipeline
    from workbench.services.analysis import analyse_articles
    from workbench.services.importing import import_paths
    from workbench.services.projects import open_session

    folder = Path(tempfile.mkdtemp(prefix="workbench-preview-"))
    session, _ = open_session(folder / "preview.wbproj")
    import_paths(session.store, seeds.sample_files())
    try:
        analyse_articles(session.store, load_pipeline())
    except WorkbenchError as exc:
        print(exc, file=sys.stderr)
    return session


def _show(make_widget) -> int:
    from PySide6.QtWidgets import QApplication

    from workbench import resources

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setStyleSheet(resources.read_text("style.qss"))
    session = sample_session()
    widget = make_widget(session)
    widget.resize(900, 700)
    widget.show()
    return app.exec()


def preview_reader() -> int:
    from workbench.qt.widgets.reader import ReaderView

    def make(session: Session):
        reader = ReaderView()
        article_id = session.article_summaries()[0].id
        reader.show_article(session.article(article_id), session.entities(article_id), [], session.schema)
        return reader

    return _show(make)


def preview_claim_panel() -> int:
    from workbench.qt.widgets.claim_panel import ClaimPanel

    def make(session: Session):
        panel = ClaimPanel()
        panel.set_schema(session.schema)
        article = session.article(session.article_summaries()[0].id)
        claim, _ = session.add_claim(article_id=article.id, start=0, end=min(80, len(article.text)))
        panel.set_source_candidates(session.source_candidates(article.id))
        panel.set_claims(session.claims(article.id), claim.id)
        return panel

    return _show(make)


def preview_entity_chart() -> int:
    from workbench.core.model import NAMED_LABELS
    from workbench.qt.widgets.entity_chart import EntityChart

    def make(session: Session):
        chart = EntityChart()
        chart.ensure_plot()
        chart.set_counts(session.top_entities(EntityChart.BARS, labels=NAMED_LABELS))
        chart.entity_clicked.connect(lambda text, label: print(f"clicked {text} ({label})"))
        return chart

    return _show(make)


def preview_article_list() -> int:
    from workbench.qt.widgets.article_list import ArticleListPane

    def make(session: Session):
        pane = ArticleListPane()
        pane.model.set_source(session.article_list)
        pane.filter_changed.connect(lambda text: pane.model.set_filter(words=text))
        return pane

    return _show(make)
