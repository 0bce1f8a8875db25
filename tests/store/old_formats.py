"""Turning a project file back into an older format, to test that opening upgrades it."""

import sqlite3


def back_to_format_4(db: sqlite3.Connection) -> None:
    """Undo format 5: the full-text index kept up to date by a trigger per article again."""
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
