"""Duplicates and near-duplicates among a project's articles.

An article whose body is one already in the project is a duplicate and is not stored
again (see Article.body_hash). One telling nearly the same story (syndicated with small
edits) is stored and flagged: see workbench.ingest.similarity for how it is found.
"""

from __future__ import annotations

from contextlib import nullcontext
from dataclasses import dataclass

from workbench.core.model import Article
from workbench.ingest.similarity import THRESHOLD, body_band_keys, shingles, similarity
from workbench.services.progress import Progress, no_progress
from workbench.store import ProjectStore
from workbench.store.project_store import BANDS_FROM

# Candidates compared exactly per new article, those sharing most bands first: enough for
# a story syndicated to dozens of sites, bounded when a corpus repeats one text endlessly.
MAX_CANDIDATES = 50
OLDER_PER_TRANSACTION = 200  # one disk sync per this many older articles indexed


@dataclass(frozen=True)
class NearDuplicate:
    other_id: int
    other_title: str
    similarity: float  # Jaccard similarity of the bodies' word 5-grams, 0–1


def band_keys_of(article: Article) -> list[int]:
    """The article's MinHash band keys (empty when its body is too short to compare): the
    costly part of indexing an article, done without the project (before a write begins)."""
    return body_band_keys(article.body_text)


def record_article(
    store: ProjectStore, article_id: int, article: Article, keys: list[int] | None = None
) -> list[NearDuplicate]:
    """Index a newly stored article for near-duplicate search (`keys`: its band keys, when
    already computed) and flag the articles already in the project that tell nearly the
    same story; returns those, most alike first. Runs inside the caller's transaction when
    there is one (which then undoes all of it if this fails: no savepoint of its own)."""
    keys = band_keys_of(article) if keys is None else keys
    if not keys:
        return []
    found = []
    with nullcontext() if store.in_transaction else store.transaction():
        candidates = store.articles_sharing_bands(keys, MAX_CANDIDATES)
        grams = shingles(article.body_text) if candidates else None
        for other_id in candidates:
            other = store.article(other_id)
            alike = similarity(grams, shingles(other.body_text))
            if alike >= THRESHOLD:
                found.append(NearDuplicate(other_id, other.title, alike))
        store.add_bands(article_id, keys)
        store.add_near_duplicates(article_id, [(n.other_id, n.similarity) for n in found])
    return sorted(found, key=lambda n: -n.similarity)


def index_older_articles(store: ProjectStore, progress: Progress = no_progress) -> None:
    """Give articles stored before duplicates were tracked their body hash, and index those
    without band keys of the current kind (each whole or not at all, a few hundred to a
    transaction, so an interrupted run goes on where it stopped). Costs nothing once done."""
    older = store.articles_to_fingerprint()
    if older:
        progress(0, 0, f"Preparing duplicate detection for {len(older):,} articles imported before…")
    for first in range(0, len(older), OLDER_PER_TRANSACTION):
        chunk = older[first : first + OLDER_PER_TRANSACTION]
        with store.transaction():
            for article_id in chunk:
                article = store.article(article_id)
                with store.transaction():
                    store.set_body_hash(article_id, article.body_hash)
                    record_article(store, article_id, article)
            if store.get_meta(BANDS_FROM) is not None:
                store.set_meta(BANDS_FROM, str(chunk[-1] + 1))
    if store.get_meta(BANDS_FROM) is not None:
        store.set_meta(BANDS_FROM, None)
