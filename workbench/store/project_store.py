"""ProjectStore: every read and write of a project file, and nothing else.

One ProjectStore is one SQLite connection and belongs to the thread that opened it; a
background worker opens its own on the same file (WAL lets readers and one writer work
side by side). Each public write is one transaction: committed when it returns, rolled back
whole when it fails, so a crash never leaves half an edit behind.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from workbench.core.errors import WorkbenchError
from workbench.core.model import (
    Article,
    ArticleSummary,
    Category,
    ClaimSchema,
    EntityCount,
    EntitySpan,
    Role,
    Segment,
)
from workbench.store.actors import ActorStore
from workbench.store.article_list import ArticleListStore
from workbench.store.claims import ClaimStore, now
from workbench.store.migrations import APPLICATION_ID, MIGRATIONS
from workbench.store.removal import ArticleRemovalStore
from workbench.store.suggestions import SuggestionStore

BANDS_FROM = "bands_from"  # project_meta: the first article id whose band keys are to be computed anew


class ProjectFileError(WorkbenchError):
    """The file cannot be opened as a project."""


def database_problem(exc: sqlite3.Error, path: str | Path | None = None) -> str | None:
    """What a user can do about an SQLite error that is no bug: a full disk, a read-only or
    locked project, a damaged file. None for any other error."""
    what = str(path) if path else "the project"
    message = str(exc).lower()
    if "disk is full" in message or "disk i/o error" in message:
        return f"Could not write to {what}: the disk is full or failing. What was saved before is kept."
    if "readonly" in message or "read-only" in message:
        return f"Cannot write to {what}: the file or its folder is read-only. Copy it somewhere you can write."
    if "unable to open database file" in message:  # NOTE: SQLite's word for any file it cannot make
        return (
            f"Cannot open {what}: SQLite cannot create its files beside it (-wal, -journal). Its folder "
            "may be read-only, or the name too long; copy it to a folder you can write to."
        )
    if "locked" in message or "busy" in message:
        return f"Another program is using {what} (the database is locked): close it there and try again."
    if "could not decode to utf-8" in message:  # NOTE: the message quotes the whole text: not shown
        return f"{what} is damaged: it holds text that is not UTF-8. Open a backup copy."
    if "malformed" in message or "vtable constructor failed" in message:
        return f"{what} is damaged ({exc}). Open a backup copy; a project cannot be repaired in place."
    return None


class ProjectStore(ClaimStore, ActorStore, SuggestionStore, ArticleListStore, ArticleRemovalStore):
    def __init__(self, connection: sqlite3.Connection, path: Path):
        self._db = connection
        self.path = path
        self._depth = 0
        self._schema_current = False  # until migrated, the schema may predate articles_fts_pending
        self.analyst = ""  # who is working: recorded in the claims' history
        self._identity = _file_identity(path)

    # -- opening -----------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path, *, create: bool = True, identity: tuple[int, int] | None = None) -> ProjectStore:
        """Open (or create) the project at `path`, bringing its schema up to date. With
        `identity` (the `identity` of a store open on it elsewhere), a file at `path` that is
        not that one is refused: the project was moved, and maybe another put in its place."""
        path = Path(path)
        if path.is_dir():
            raise ProjectFileError(f"{path} is a folder, not a project file.")
        if path.is_file() and path.stat().st_size == 0 and path.suffix != ".wbproj":
            raise ProjectFileError(f"{path} is an empty file, not a project (new projects end in .wbproj).")
        if not path.exists():
            if not create:
                raise ProjectFileError(f"No project at {path}.")
            if not path.parent.is_dir():
                raise ProjectFileError(f"Cannot create {path}: the folder {path.parent} does not exist.")
        existed = path.exists()
        try:
            connection = sqlite3.connect(path, isolation_level=None, timeout=30)
        except sqlite3.Error as exc:
            raise ProjectFileError(f"Cannot open {path}: {exc}.") from None
        store = cls(connection, path)
        if identity is not None and _file_identity(path) != identity:
            connection.close()
            raise ProjectFileError(_moved_message(path))
        try:
            store._check_identity()  # before anything is written: a file refused is left as it was
            store._configure()
            store._migrate()
            store._identity = _file_identity(path)  # a new project's file exists by now
        except sqlite3.DatabaseError as exc:
            connection.close()
            if not existed:
                path.unlink(missing_ok=True)  # a file made here and unusable would pass for a project next time
            raise ProjectFileError(
                database_problem(exc, path) or f"{path} is not an Analyst Workbench project ({exc})."
            ) from None
        except ProjectFileError:
            connection.close()
            raise
        return store

    def _configure(self) -> None:
        db = self._db
        db.execute("PRAGMA foreign_keys = ON")
        # NOTE: WAL lets the GUI read while a worker writes. It needs shared memory, which
        # network file systems lack; there we stay with the rollback journal.
        mode = db.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if mode.lower() != "wal":
            db.execute("PRAGMA journal_mode = DELETE")
        # FULL: a committed edit survives power loss too, not only a crash (NORMAL may not).
        db.execute("PRAGMA synchronous = FULL")

    def _check_identity(self) -> None:
        """Refuse another program's database, or a project of a newer format, by reading only."""
        db = self._db
        version = db.execute("PRAGMA user_version").fetchone()[0]
        app_id = db.execute("PRAGMA application_id").fetchone()[0]
        has_tables = db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
        if has_tables and app_id != APPLICATION_ID:
            raise ProjectFileError(f"{self.path} is an SQLite database, but not an Analyst Workbench project.")
        if version > len(MIGRATIONS):
            raise ProjectFileError(
                f"{self.path} was saved by a newer Analyst Workbench (project format {version}); "
                f"this version reads formats up to {len(MIGRATIONS)}. Please update the app."
            )

    def _migrate(self) -> None:
        db = self._db
        version = db.execute("PRAGMA user_version").fetchone()[0]
        for number in range(version + 1, len(MIGRATIONS) + 1):
            with self.transaction():
                for statement in _statements(MIGRATIONS[number - 1]):
                    db.execute(statement)
                db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                db.execute(f"PRAGMA user_version = {number}")
        self._schema_current = True
        if self._db.execute("SELECT EXISTS (SELECT 1 FROM articles_fts_pending)").fetchone()[0]:
            with self.transaction():
                pass  # indexes articles written without a transaction of this store's

    def close(self) -> None:
        if self._moved():
            self._checkpoint()
        self._db.close()

    def data_version(self) -> int:
        """A number that changes when another connection commits to the project."""
        return self._db.execute("PRAGMA data_version").fetchone()[0]

    @property
    def schema_version(self) -> int:
        return self._db.execute("PRAGMA user_version").fetchone()[0]

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """All or nothing. A transaction inside another is a savepoint: when it fails, its
        own writes are undone and the outer transaction decides about the rest."""
        if self._depth:
            savepoint = f"nested_{self._depth}"
            self._db.execute(f"SAVEPOINT {savepoint}")
            self._depth += 1
            try:
                yield self._db
            except BaseException:
                if self._db.in_transaction:  # NOTE: some errors end the whole transaction
                    self._db.execute(f"ROLLBACK TO {savepoint}")
                raise
            finally:
                self._depth -= 1
                if self._db.in_transaction:
                    self._db.execute(f"RELEASE {savepoint}")
            return
        self.check_still_there()
        self._db.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield self._db
            self._index_new_articles()
        except BaseException:
            if self._db.in_transaction:  # NOTE: SQLite has rolled back already on a full disk
                self._db.execute("ROLLBACK")
            raise
        else:
            self._db.execute("COMMIT")
        finally:
            self._depth = 0

    def check_still_there(self) -> None:
        """Refuse to write when the project file was moved, renamed or deleted while open.
        NOTE: SQLite would go on writing to the write-ahead log beside the old name, and at
        close leave it there: each edit would look saved and be missing from the moved file."""
        if self._moved():
            self._checkpoint()
            raise ProjectFileError(_moved_message(self.path))

    @property
    def identity(self) -> tuple[int, int] | None:
        """Which file this store has open (device, inode), whatever its name now."""
        return self._identity

    def _moved(self) -> bool:
        return self._identity is not None and _file_identity(self.path) != self._identity

    def _checkpoint(self) -> None:
        """Copy the write-ahead log into the database file, through the open file: wherever it
        has been moved to, it then holds everything saved."""
        try:
            self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.Error:
            pass  # the file is gone or cannot be written: nothing more can be done

    @property
    def in_transaction(self) -> bool:
        """Inside a transaction() of this store (whose end decides about every write)."""
        return self._depth > 0

    @contextmanager
    def _one_statement(self) -> Iterator[sqlite3.Connection]:
        """For a write that is a single SQL statement, which is all or nothing by itself:
        inside a transaction it needs no savepoint of its own (an import would pay for
        several per article), outside one it is a transaction of its own."""
        if self._depth:
            yield self._db
        else:
            with self.transaction() as db:
                yield db

    def _index_new_articles(self) -> None:
        """Add the articles stored in this transaction to the full-text index, all in one
        statement (FTS5 writes one index segment per statement or savepoint): called just
        before the commit, so the index and the articles are committed together."""
        if not self._schema_current:
            return
        if not self._db.execute("SELECT EXISTS (SELECT 1 FROM articles_fts_pending)").fetchone()[0]:
            return
        self._db.execute(
            "INSERT INTO articles_fts(rowid, title, text) SELECT a.id, a.title, a.text"
            " FROM articles_fts_pending p JOIN articles a ON a.id = p.id ORDER BY p.id"
        )
        self._db.execute("DELETE FROM articles_fts_pending")

    # -- project settings ----------------------------------------------------------------

    def get_meta(self, key: str, default: str | None = None) -> str | None:
        row = self._db.execute("SELECT value FROM project_meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_meta(self, key: str, value: str | None) -> None:
        with self.transaction() as db:
            if value is None:
                db.execute("DELETE FROM project_meta WHERE key = ?", (key,))
            else:
                db.execute("INSERT OR REPLACE INTO project_meta(key, value) VALUES (?, ?)", (key, value))

    # -- articles ------------------------------------------------------------------------

    def article_id_by_hash(self, text_hash: str) -> int | None:
        row = self._db.execute("SELECT id FROM articles WHERE text_hash = ?", (text_hash,)).fetchone()
        return row[0] if row else None

    def article_id_repeated_by(self, article: Article) -> int | None:
        """The first article whose body is this one's (see Article.body_hash) or whose text
        is: a file imported again after the rules that find a page's body changed has the
        same text and another body."""
        row = self._db.execute(
            "SELECT min(id) FROM articles WHERE body_hash = ? OR text_hash = ?", (article.body_hash, article.text_hash)
        ).fetchone()
        return row[0]

    def add_article(self, article: Article) -> int:
        """Store a new article; returns its id."""
        with self._one_statement() as db:
            cursor = db.execute(
                "INSERT INTO articles(source_file, text, text_hash, title, date, date_raw, byline, site,"
                " segments, origins, words, imported_at, body_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    article.source_file,
                    article.text,
                    article.text_hash,
                    article.title,
                    article.date,
                    article.date_raw,
                    article.byline,
                    article.site,
                    json.dumps([[s.start, s.end, s.role.value] for s in article.segments]),
                    json.dumps(article.origins, ensure_ascii=False),
                    article.body_words,
                    now(),
                    article.body_hash,
                ),
            )
            return cursor.lastrowid

    def update_article_metadata(self, article: Article) -> None:
        """Write the article's correctable metadata (title, date, site) with its origins and
        the values as imported; the text and everything found in it stay as they are."""
        with self.transaction() as db:
            db.execute(
                "UPDATE articles SET title = ?, date = ?, site = ?, origins = ?, original = ? WHERE id = ?",
                (
                    article.title,
                    article.date,
                    article.site,
                    json.dumps(article.origins, ensure_ascii=False),
                    json.dumps(article.original, ensure_ascii=False),
                    article.id,
                ),
            )

    def article(self, article_id: int) -> Article | None:
        row = self._db.execute(
            "SELECT id, source_file, text, text_hash, title, date, date_raw, byline, segments, origins,"
            " imported_at, site, original FROM articles WHERE id = ?",
            (article_id,),
        ).fetchone()
        if row is None:
            return None
        return Article(
            id=row[0],
            source_file=row[1],
            text=row[2],
            text_hash=row[3],
            title=row[4],
            date=row[5],
            date_raw=row[6],
            byline=row[7],
            segments=tuple(Segment(s, e, Role(r)) for s, e, r in json.loads(row[8])),
            origins=json.loads(row[9]),
            imported_at=row[10],
            site=row[11],
            original=json.loads(row[12]),
        )

    def article_count(self) -> int:
        return self._db.execute("SELECT count(*) FROM articles").fetchone()[0]

    def article_summaries(self, ids: Iterable[int] | None = None) -> list[ArticleSummary]:
        """List rows (all, or those of `ids`), in import order, without reading any text."""
        where, params = "", ()
        if ids is not None:
            params = tuple(ids)
            where = f" WHERE a.id IN ({','.join('?' * len(params))})"
        rows = self._db.execute(
            "SELECT a.id, a.title, a.date, a.source_file, a.words, coalesce(an.entity_count, 0),"
            " (SELECT count(*) FROM claims c WHERE c.article_id = a.id), a.byline, a.site,"
            " (SELECT count(*) FROM near_duplicates n WHERE n.article_id = a.id)"
            " + (SELECT count(*) FROM near_duplicates n WHERE n.other_id = a.id) FROM articles a"
            " LEFT JOIN analyses an ON an.article_id = a.id" + where + " ORDER BY a.id",
            params,
        )
        return [ArticleSummary(*row) for row in rows]

    # -- duplicates ----------------------------------------------------------------------

    def articles_to_fingerprint(self) -> list[int]:
        """Articles without a body hash (stored before duplicates were tracked) or without
        band keys of the current kind (from `bands_from` up, see migration 6), in id order."""
        bands_from = self.get_meta(BANDS_FROM)
        rows = self._db.execute(
            "SELECT id FROM articles WHERE body_hash IS NULL OR id >= ? ORDER BY id",
            (int(bands_from) if bands_from is not None else None,),
        )
        return [row[0] for row in rows]

    def set_body_hash(self, article_id: int, body_hash: str) -> None:
        """Give an article stored before duplicates were tracked its body hash."""
        with self._one_statement() as db:
            db.execute("UPDATE articles SET body_hash = ? WHERE id = ? AND body_hash IS NULL", (body_hash, article_id))

    def add_bands(self, rows: Iterable[tuple[int, int, int]]) -> None:
        """Record MinHash band keys: (band, key, article id)."""
        with self._one_statement() as db:
            # NOTE: in index order, so each insert lands next to the one before.
            db.executemany("INSERT OR IGNORE INTO article_bands(band, key, article_id) VALUES (?, ?, ?)", sorted(rows))

    def articles_sharing_bands(
        self, keys_by_article: Sequence[tuple[int, Sequence[int]]], limit: int
    ) -> dict[int, dict[int, int]]:
        """For each (article id, its band keys, all of one length): the articles before it
        (smaller ids) sharing at least one band key with it — those sharing most first, at
        most `limit` — and how many keys each shares. No articles, no entry."""
        if not keys_by_article:
            return {}
        bands = len(keys_by_article[0][1])
        ids = [article_id for article_id, _ in keys_by_article]
        rows = self._db.execute(
            # The batch's ids, indexed by their place: json_each joined directly would be scanned
            # whole for every key shared.
            "WITH batch(slot, id) AS MATERIALIZED (SELECT key, value FROM json_each(:ids))"
            " SELECT slot, other_id, shared FROM ("
            " SELECT k.key / :bands AS slot, b.article_id AS other_id, count(*) AS shared,"
            " row_number() OVER (PARTITION BY k.key / :bands ORDER BY count(*) DESC, b.article_id) AS rank"
            # NOTE: one flat JSON array of every article's keys: a key's place in it gives its article and band;
            # the articles' ids in a second array, so each is ranked among the articles before it alone.
            " FROM json_each(:keys) AS k"
            " JOIN batch ON batch.slot = k.key / :bands"
            " JOIN article_bands b ON b.band = k.key % :bands AND b.key = k.value AND b.article_id < batch.id"
            " GROUP BY slot, b.article_id"
            ") WHERE rank <= :limit",
            {
                "bands": bands,
                "keys": json.dumps([k for _, keys in keys_by_article for k in keys]),
                "ids": json.dumps(ids),
                "limit": limit,
            },
        )
        found: dict[int, dict[int, int]] = {}
        for slot, other_id, shared in rows:
            found.setdefault(ids[slot], {})[other_id] = shared
        return found

    def first_article_after(self, article_id: int) -> int | None:
        return self._db.execute("SELECT min(id) FROM articles WHERE id > ?", (article_id,)).fetchone()[0]

    def add_near_duplicates(self, article_id: int, others: Iterable[tuple[int, float]]) -> None:
        values = [value for other, similarity in others for value in (article_id, other, similarity)]
        if not values:
            return
        with self._one_statement() as db:
            db.execute(
                "INSERT OR REPLACE INTO near_duplicates(article_id, other_id, similarity) VALUES "
                + _rows(len(values) // 3, 3),
                values,
            )

    def near_duplicates(self, article_id: int) -> list[tuple[int, str, float]]:
        """(id, title, similarity) of the articles telling nearly the same story, most alike first."""
        rows = self._db.execute(
            "SELECT a.id, a.title, n.similarity FROM near_duplicates n"
            " JOIN articles a ON a.id = CASE WHEN n.article_id = ? THEN n.other_id ELSE n.article_id END"
            " WHERE n.article_id = ? OR n.other_id = ? ORDER BY n.similarity DESC, a.id",
            (article_id, article_id, article_id),
        )
        return [tuple(row) for row in rows]

    # -- entity mentions -----------------------------------------------------------------

    def _model_id(self, name: str, version: str) -> int:
        self._db.execute("INSERT OR IGNORE INTO models(name, version) VALUES (?, ?)", (name, version))
        return self._db.execute("SELECT id FROM models WHERE name = ? AND version = ?", (name, version)).fetchone()[0]

    def articles_to_analyse(self, model_name: str, model_version: str) -> list[int]:
        """Articles not yet analysed by this model on their current text."""
        rows = self._db.execute(
            "SELECT a.id FROM articles a LEFT JOIN analyses an ON an.article_id = a.id"
            " LEFT JOIN models m ON m.id = an.model_id"
            " WHERE an.article_id IS NULL OR an.text_hash != a.text_hash OR m.name != ? OR m.version != ?"
            " ORDER BY a.id",
            (model_name, model_version),
        )
        return [row[0] for row in rows]

    def save_entities(
        self, article_id: int, text_hash: str, mentions: Sequence[EntitySpan], model_name: str, model_version: str
    ) -> None:
        """Replace the article's mentions with those a model found in text `text_hash`
        (nothing, when the article was removed while it was being analysed)."""
        with self.transaction() as db:
            if not self.holds_text(article_id, text_hash):
                return
            model_id = self._model_id(model_name, model_version)
            db.execute("DELETE FROM entities WHERE article_id = ?", (article_id,))
            db.executemany(
                "INSERT INTO entities(article_id, start, end, label, text, model_id) VALUES (?, ?, ?, ?, ?, ?)",
                # NOTE: stored in text order, so that ids order mentions sharing a start by
                # their end: the claims table lists them by (start, id), in index order.
                [
                    (article_id, m.start, m.end, m.label, m.text, model_id)
                    for m in sorted(mentions, key=lambda m: (m.start, m.end))
                ],
            )
            db.execute(
                "INSERT OR REPLACE INTO analyses(article_id, model_id, text_hash, entity_count, analysed_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (article_id, model_id, text_hash, len(mentions), now()),
            )

    def holds_text(self, article_id: int, text_hash: str) -> bool:
        """Whether the article is (still) in the project, with that text."""
        return self._db.execute(
            "SELECT EXISTS (SELECT 1 FROM articles WHERE id = ? AND text_hash = ?)", (article_id, text_hash)
        ).fetchone()[0]

    def entities(self, article_id: int) -> list[EntitySpan]:
        rows = self._db.execute(
            "SELECT start, end, label, text FROM entities WHERE article_id = ? ORDER BY start, end", (article_id,)
        )
        return [EntitySpan(*row) for row in rows]

    def analysed_by(self, article_id: int) -> tuple[str, str] | None:
        row = self._db.execute(
            "SELECT m.name, m.version FROM analyses an JOIN models m ON m.id = an.model_id WHERE an.article_id = ?",
            (article_id,),
        ).fetchone()
        return (row[0], row[1]) if row else None

    def entity_rows(self) -> Iterator[tuple]:
        """(article_id, source_file, start, end, text, label, model, model_version) for every mention."""
        yield from self._db.execute(
            "SELECT e.article_id, a.source_file, e.start, e.end, e.text, e.label, m.name, m.version"
            " FROM entities e JOIN articles a ON a.id = e.article_id JOIN models m ON m.id = e.model_id"
            " ORDER BY e.article_id, e.start, e.end"
        )

    def top_entities(
        self, limit: int, *, article_id: int | None = None, labels: Iterable[str] | None = None
    ) -> list[EntityCount]:
        """The most mentioned entities (by text and label), in the corpus or one article.
        The corpus's come from totals kept by triggers, not from counting every mention."""
        labels = None if labels is None else list(labels)
        label_clause = "" if labels is None else f"label IN ({','.join('?' * len(labels))})"
        if article_id is None:
            rows = self._db.execute(
                "SELECT text, label, mentions, articles FROM entity_totals"
                + (f" WHERE {label_clause}" if labels is not None else "")
                + " ORDER BY mentions DESC, text LIMIT ?",
                (*(labels or ()), limit),
            )
        else:
            rows = self._db.execute(
                "SELECT text, label, count(*) AS n, 1 FROM entities WHERE article_id = ?"
                + (f" AND {label_clause}" if labels is not None else "")
                + " GROUP BY text, label ORDER BY n DESC, text LIMIT ?",
                (article_id, *(labels or ()), limit),
            )
        return [EntityCount(*row) for row in rows]

    def entity_labels(self) -> list[str]:
        return [row[0] for row in self._db.execute("SELECT DISTINCT label FROM entities ORDER BY label")]

    # -- claim schema --------------------------------------------------------------------

    def schema(self) -> ClaimSchema:
        categories = tuple(
            Category(*row)
            for row in self._db.execute(
                "SELECT name, color, shortcut, description FROM schema_categories ORDER BY position"
            )
        )

        def values(kind: str) -> tuple[str, ...]:
            rows = self._db.execute("SELECT name FROM schema_values WHERE kind = ? ORDER BY position", (kind,))
            return tuple(row[0] for row in rows)

        return ClaimSchema(categories, values("stance"), values("status"))

    def set_schema(self, schema: ClaimSchema) -> None:
        with self.transaction() as db:
            db.execute("DELETE FROM schema_categories")
            db.execute("DELETE FROM schema_values")
            db.executemany(
                "INSERT INTO schema_categories(name, position, color, shortcut, description) VALUES (?, ?, ?, ?, ?)",
                [(c.name, i, c.color, c.shortcut, c.description) for i, c in enumerate(schema.categories)],
            )
            db.executemany(
                "INSERT INTO schema_values(kind, name, position) VALUES (?, ?, ?)",
                [("stance", name, i) for i, name in enumerate(schema.stances)]
                + [("status", name, i) for i, name in enumerate(schema.statuses)],
            )


def _rows(count: int, width: int) -> str:
    """Placeholders for `count` rows of `width` values: "(?, ?), (?, ?)"."""
    row = "(" + ", ".join("?" * width) + ")"
    return ", ".join([row] * count)


def _statements(script: str) -> Iterator[str]:
    """Split a migration into statements (trigger bodies contain semicolons)."""
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                yield buffer.strip()
            buffer = ""
    if buffer.strip():
        yield buffer.strip()


def _moved_message(path: Path) -> str:
    return (
        f"The project file {path} was moved, renamed or deleted while it was open. What was saved before is in "
        "the file; this change was not saved. Open the project where it is now."
    )


def _file_identity(path: Path) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_dev, info.st_ino
