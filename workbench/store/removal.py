"""Removing articles from a project, and putting them back (undo).

Before an article is deleted, its rows in every table that refers to it are read, so that
restoring it re-inserts them as they were, under the same ids (articles, claims and
suggestions never reuse an id). Foreign keys cascade the deletion; triggers keep the
full-text index and the entity totals in step, both ways. Claims deleted with their
article are recorded in their history, as any deletion is.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from workbench.core.errors import WorkbenchError
from workbench.core.model import Claim

# Tables holding an article's rows, parents first (the order they are restored in), with
# the column naming the article. An entity's id may be reused once it is deleted, so
# mentions come back under new ids, in the same order.
_TABLES = (
    ("articles", "id"),
    ("analyses", "article_id"),
    ("entities", "article_id"),
    ("claims", "article_id"),
    ("suggestions", "article_id"),
    ("suggestion_runs", "article_id"),
    ("suggestion_decisions", "article_id"),
)
_NEW_IDS = {"entities": "id"}


@dataclass(frozen=True)
class RemovedArticles:
    """What removing articles took out of the project: enough to put it all back."""

    ids: tuple[int, ...]
    rows: Mapping[str, tuple[tuple[str, ...], list[tuple]]]  # table → (columns, rows)
    near_duplicates: list[tuple]  # (article_id, other_id, similarity) pairs involving them
    bands: list[tuple[int, int, int]]  # their near-duplicate band keys: (band, key, article id)
    claims: list[Claim]


class ArticleRemovalStore:
    """Mixed into ProjectStore: needs `_db`, `transaction()`, `claims()` and `_record()`."""

    def remove_articles(self, band_keys: Mapping[int, Sequence[int]]) -> RemovedArticles:
        """Delete the articles `band_keys` names (article id → its band keys, computed from
        its body) and everything of theirs: mentions, claims, suggestions, near-duplicate
        flags and band keys. Returns what was deleted, for restore_articles."""
        ids = tuple(sorted(band_keys))
        listed = json.dumps(ids)
        with self.transaction() as db:
            rows = {}
            for table, key in _TABLES:
                columns = tuple(row[1] for row in db.execute(f"PRAGMA table_info({table})"))
                selected = db.execute(
                    f"SELECT {', '.join(columns)} FROM {table} WHERE {key} IN (SELECT value FROM json_each(?))"
                    f" ORDER BY {key}, rowid",
                    (listed,),
                ).fetchall()
                rows[table] = (columns, selected)
            near = db.execute(
                "SELECT article_id, other_id, similarity FROM near_duplicates"
                " WHERE article_id IN (SELECT value FROM json_each(?)) OR other_id IN (SELECT value FROM json_each(?))",
                (listed, listed),
            ).fetchall()
            claims = [claim for article_id in ids for claim in self.claims(article_id)]
            for claim in claims:
                self._record("deleted with its article", claim, None)
            # NOTE: looked up by their keys: the table has no index by article (see migration 6)
            bands = [
                (band, key, article_id)
                for article_id in ids
                for band, key in enumerate(band_keys.get(article_id, ()))
                if db.execute(
                    "SELECT 1 FROM article_bands WHERE band = ? AND key = ? AND article_id = ?", (band, key, article_id)
                ).fetchone()
            ]
            db.executemany("DELETE FROM article_bands WHERE band = ? AND key = ? AND article_id = ?", bands)
            db.execute("DELETE FROM articles WHERE id IN (SELECT value FROM json_each(?))", (listed,))
        return RemovedArticles(ids, rows, near, bands, claims)

    def restore_articles(self, removed: RemovedArticles) -> None:
        """Put removed articles back as they were. Raises WorkbenchError when one cannot
        come back: the same text was imported again since."""
        try:
            with self.transaction() as db:
                for table, _ in _TABLES:
                    columns, rows = removed.rows[table]
                    kept = [i for i, column in enumerate(columns) if column != _NEW_IDS.get(table)]
                    names = ", ".join(columns[i] for i in kept)
                    db.executemany(
                        f"INSERT INTO {table}({names}) VALUES ({', '.join('?' * len(kept))})",
                        [tuple(row[i] for i in kept) for row in rows],
                    )
                db.executemany(
                    "INSERT OR IGNORE INTO near_duplicates(article_id, other_id, similarity)"
                    " SELECT ?1, ?2, ?3 WHERE EXISTS (SELECT 1 FROM articles WHERE id = ?1)"
                    " AND EXISTS (SELECT 1 FROM articles WHERE id = ?2)",
                    removed.near_duplicates,
                )
                db.executemany("INSERT INTO article_bands(band, key, article_id) VALUES (?, ?, ?)", removed.bands)
                for claim in removed.claims:
                    self._record("restored (undo)", None, claim)
        except sqlite3.IntegrityError:
            raise WorkbenchError(
                "The articles cannot come back: one of them was imported again since (its text is in the project)."
            ) from None
