"""Duplicates and near-duplicates among a project's articles.

An article whose body is one already in the project is a duplicate and is not stored
again (see Article.body_hash). One telling nearly the same story (syndicated with small
edits) is stored and flagged: see workbench.ingest.similarity for how it is found.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from typing import TYPE_CHECKING

from workbench.core.model import Article
from workbench.ingest.similarity import THRESHOLD, body_band_keys, shingles, similarity
from workbench.services.progress import Cancelled, Progress, never_cancelled, no_progress
from workbench.store import ProjectStore
from workbench.store.project_store import BANDS_FROM

if TYPE_CHECKING:
    import numpy as np

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


class NearDuplicateIndex:
    """Indexes newly stored articles for near-duplicate search, many at a time, and finds
    for each the articles stored before it (in the project, or indexed here earlier) that
    tell nearly the same story.

    Band keys are random: written a few thousand at a time, each commit would rewrite most
    of the band index's pages. So the keys of the articles indexed are held here and
    written in one sorted insert once there are many, and on leaving a `with`. Until they are, the
    project's `bands_from` counts those articles as not indexed: after an import killed
    midway, the next one indexes them again.
    """

    HELD_ROWS = 160_000  # band keys held before they are written: 5,000 articles, ~30 MB
    KEPT_COMPARED = 128_000_000  # bytes of shingles kept from one add to the next (~20,000 articles)

    def __init__(self, store: ProjectStore):
        self._store = store
        # For each band, the keys held: key → the article indexed with it, or the articles (a
        # list) when several share it. NOTE: not a list of one: making 32 lists (and as many
        # tuples for keys) an article, the garbage collector's passes over them cost more
        # than indexing itself.
        self._held: list[dict[int, int | list[int]]] = []
        self._held_rows = 0  # band keys held: (band, key, article id) rows to write
        self._last: int | None = None  # the last article indexed here
        # Articles compared, kept from one add to the next within `transaction` (else each
        # add's own): article id → title and shingles, None when not in the project.
        self._compared: dict[int, tuple[str, np.ndarray] | None] | None = None

    def add(self, new: Sequence[tuple[int, Article, list[int]]]) -> dict[int, list[NearDuplicate]]:
        """Index newly stored articles, (id, article, band keys), in id order, and flag the
        articles before each that tell nearly the same story. Returns those of each article
        that has any, most alike first. Runs in the caller's transaction."""
        store = self._store
        if not new:
            return {}
        self._last = max(self._last or 0, max(article_id for article_id, _, _ in new))
        new = [item for item in new if item[2]]  # too short to compare: nothing to index
        if new and not self._held and store.get_meta(BANDS_FROM) is None:
            store.set_meta(BANDS_FROM, str(new[0][0]))
        stored = store.articles_sharing_bands([(article_id, keys) for article_id, _, keys in new], MAX_CANDIDATES)
        compared = {} if self._compared is None else self._compared
        found = {}
        held = self._held
        for article_id, article, keys in new:
            shared = Counter(stored.get(article_id, {}))  # articles in the project: none of them is held
            if len(held) < len(keys):
                held += [{} for _ in range(len(keys) - len(held))]
            # The articles held sharing a key, and this one held (held may have more bands than an
            # older kind of keys).
            for held_keys, key in zip(held, keys, strict=False):
                ids = held_keys.get(key)
                if ids is None:
                    held_keys[key] = article_id
                elif isinstance(ids, list):
                    shared.update(ids)
                    ids.append(article_id)
                else:
                    shared[ids] += 1
                    held_keys[key] = [ids, article_id]
            self._held_rows += len(keys)
            if shared:
                compared[article_id] = article.title, shingles(article.body_text)
                near = self._compare(compared, article_id, sorted(shared, key=lambda o: (-shared[o], o)))
                if near:
                    store.add_near_duplicates(article_id, [(n.other_id, n.similarity) for n in near])
                    found[article_id] = near
        if self._held_rows >= self.HELD_ROWS:
            self.write()
        kept = sum(item[1].nbytes for item in compared.values() if item is not None)
        while kept > self.KEPT_COMPARED and compared:  # the first compared go first
            item = compared.pop(next(iter(compared)))
            kept -= item[1].nbytes if item is not None else 0
        return found

    def _compare(self, compared: dict, article_id: int, candidates: list[int]) -> list[NearDuplicate]:
        near = []
        for other_id in candidates[:MAX_CANDIDATES]:
            if other_id not in compared:
                other = self._store.article(other_id)
                compared[other_id] = (other.title, shingles(other.body_text)) if other else None
            if compared[other_id] is not None:
                title, grams = compared[other_id]
                alike = similarity(compared[article_id][1], grams)
                if alike >= THRESHOLD:
                    near.append(NearDuplicate(other_id, title, alike))
        return sorted(near, key=lambda n: -n.similarity)

    def write(self) -> None:
        """Write the band keys held to the project (in the caller's transaction, if any)."""
        if self._last is None:
            return
        store = self._store
        with nullcontext() if store.in_transaction else store.transaction():
            store.add_bands(_held_rows(self._held))
            following = store.first_article_after(self._last)  # not indexed yet, if any
            store.set_meta(BANDS_FROM, None if following is None else str(following))
        self._held, self._held_rows, self._last = [], 0, None

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """A transaction (a savepoint, within the caller's) whose articles are added here a
        part at a time as they are stored, not all at its end: those of a table too large
        to hold. The keys held before are written first, outside it, so that what is held
        when it fails is its own only, and is forgotten as its writes are undone. The
        articles compared are kept from one add to the next (the latest, up to KEPT_COMPARED
        bytes of shingles): a part's articles are much compared with the parts' before."""
        self.write()
        self._compared = {}
        try:
            with self._store.transaction():
                yield
        except BaseException:
            self._held, self._held_rows, self._last = [], 0, None
            raise
        finally:
            self._compared = None

    def __enter__(self) -> NearDuplicateIndex:
        return self

    def __exit__(self, exc_type, *_) -> None:
        if exc_type is None:  # after a failure the keys are not written: they are computed again
            self.write()


def _held_rows(held: list[dict[int, int | list[int]]]) -> Iterator[tuple[int, int, int]]:
    """The band keys held as (band, key, article id) rows, in that order (sorting integers
    per band is quicker than sorting the rows)."""
    for band, held_keys in enumerate(held):
        for key in sorted(held_keys):
            ids = held_keys[key]
            if isinstance(ids, list):
                for article_id in ids:
                    yield band, key, article_id
            else:
                yield band, key, ids


def index_older_articles(
    store: ProjectStore, progress: Progress = no_progress, cancelled: Cancelled = never_cancelled
) -> None:
    """Give articles stored before duplicates were tracked their body hash, and index those
    without band keys of the current kind (a few hundred to a transaction). Costs nothing
    once done; a cancel keeps what is done, and the next call goes on from there."""
    older = store.articles_to_fingerprint()
    with NearDuplicateIndex(store) as index:
        for first in range(0, len(older), OLDER_PER_TRANSACTION):
            if cancelled():
                return
            progress(first, len(older), f"Preparing duplicate detection for {len(older):,} articles imported before…")
            with store.transaction():
                articles = [store.article(article_id) for article_id in older[first : first + OLDER_PER_TRANSACTION]]
                for article in articles:
                    store.set_body_hash(article.id, article.body_hash)
                index.add([(article.id, article, band_keys_of(article)) for article in articles])
