"""Turning a project file back into an older format, to test that opening upgrades it."""

import sqlite3


def back_to_format_5(db: sqlite3.Connection) -> None:
    """Undo formats 7 and 6: band keys with a foreign key and an index by article again (keys kept)."""
    db.executescript(
        """
        ALTER TABLE article_bands RENAME TO bands_6;
        CREATE TABLE article_bands (
            band INTEGER NOT NULL,
            key INTEGER NOT NULL,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            PRIMARY KEY (band, key, article_id)
        ) WITHOUT ROWID;
        CREATE INDEX article_bands_by_article ON article_bands(article_id);
        INSERT INTO article_bands SELECT * FROM bands_6;
        DROP TABLE bands_6;
        PRAGMA user_version = 5;
        """
    )


def back_to_format_4(db: sqlite3.Connection) -> None:
    """Undo formats 6 and 5: the full-text index kept up to date by a trigger per article again."""
    back_to_format_5(db)
    db.execute("DROP TABLE articles_fts_pending")
    for name in ("insert", "delete", "update"):
        db.execute(f"DROP TRIGGER articles_fts_{name}")
    db.executescript(
        """
        CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
        END;
        CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
        END;
        CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
            INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
        END;
        PRAGMA user_version = 4;
        """
    )
