"""Duplicates and near-duplicates among a project's articles.

An article whose body is one already in the project is a duplicate and is not stored
again (see Article.body_hash). One telling nearly the same story (syndicated with small
edits) is stored and flagged: see workbench.ingest.similarity for how it is found.
"""

from __future__ import annotations

from dataclasses import dataclass

from workbench.core.model import Article
from workbench.ingest.similarity import THRESHOLD, band_keys, shingles, similarity
from workbench.services.progress import Progress, no_progress
from workbench.store import ProjectStore

# Candidates compared exactly per new article, those sharing most bands first: enough for
# a story syndicated to dozens of sites, bounded when a corpus repeats one text endlessly.
MAX_CANDIDATES = 50


@dataclass(frozen=True)
class NearDuplicate:
    other_id: int
    other_title: str
    similarity: float  # Jaccard similarity of the bodies' word 5-grams, 0–1


def record_article(store: ProjectStore, article_id: int, article: Article) -> list[NearDuplicate]:
    """Index a newly stored article for near-duplicate search and flag the articles already
    in the project that tell nearly the same story; returns those, most alike first.
    Runs inside the caller's transaction when there is one."""
    grams = shingles(article.body_text)
    keys = band_keys(grams)
    if not keys:
        return []
    found = []
    with store.transaction():
        for other_id in store.articles_sharing_bands(keys, MAX_CANDIDATES):
            other = store.article(other_id)
            alike = similarity(grams, shingles(other.body_text))
            if alike >= THRESHOLD:
                found.append(NearDuplicate(other_id, other.title, alike))
        store.add_bands(article_id, keys)
        store.add_near_duplicates(article_id, [(n.other_id, n.similarity) for n in found])
    return sorted(found, key=lambda n: -n.similarity)


def index_older_articles(store: ProjectStore, progress: Progress = no_progress) -> None:
    """Give articles stored before duplicates were tracked their body hash and index them
    (each in its own transaction). Costs nothing once done."""
    older = store.articles_without_body_hash()
    if older:
        progress(0, 0, f"Preparing duplicate detection for {len(older):,} articles imported before…")
    for article_id in older:
        article = store.article(article_id)
        with store.transaction():
            store.set_body_hash(article_id, article.body_hash)
            record_article(store, article_id, article)
