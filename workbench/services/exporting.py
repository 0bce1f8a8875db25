"""Writing a project's claims, articles and entity mentions to files."""

from __future__ import annotations

import os
from collections import defaultdict

from workbench.export.tables import articles_frame, claims_frame, entities_frame, write_csv
from workbench.store import ProjectStore


def export_claims_csv(store: ProjectStore, path: str | os.PathLike, *, raw: bool = False) -> int:
    """Write every claim as one CSV row (columns in the README); returns the rows written.

    Unless `raw`, cells a spreadsheet would run as formulas are neutralised.
    """
    claims = store.claims()
    article_ids = {c.article_id for c in claims}
    articles, mentions = {}, defaultdict(list)
    for article_id in article_ids:
        article = store.article(article_id)
        articles[article_id] = (article.title, article.date, article.source_file, article.text_hash)
        mentions[article_id] = store.entities(article_id)
    return write_csv(claims_frame(claims, articles, mentions), path, spreadsheet_safe=not raw)


def export_articles_csv(store: ProjectStore, path: str | os.PathLike, *, raw: bool = False) -> int:
    """One row per article (columns in the README); returns the rows written."""
    return write_csv(articles_frame(store.article_summaries()), path, spreadsheet_safe=not raw)


def export_entities_csv(store: ProjectStore, path: str | os.PathLike, *, raw: bool = False) -> int:
    """One row per entity mention (columns in the README); returns the rows written."""
    return write_csv(entities_frame(store.entity_rows()), path, spreadsheet_safe=not raw)
