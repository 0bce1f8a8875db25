"""The project file's schema, one migration per version (PRAGMA user_version).

A migration is appended, never edited: a project file records how far it has come, and
opening it applies the migrations it has not seen yet, each in its own transaction.
"""

APPLICATION_ID = 0x41574231  # "AWB1": marks an SQLite file as an Analyst Workbench project

MIGRATIONS: list[str] = [
    # 1: articles with full-text search, entity mentions, claims, the claim schema.
    """
    CREATE TABLE project_meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    ) WITHOUT ROWID;

    -- AUTOINCREMENT: an id is never reused, so an id in an export or a history entry
    -- always means the same article or claim.
    CREATE TABLE articles (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        source_file TEXT NOT NULL,
        text TEXT NOT NULL,               -- the whole page, line endings normalised
        text_hash TEXT NOT NULL UNIQUE,   -- SHA-256 of text
        title TEXT NOT NULL,
        date TEXT,                        -- ISO 8601
        date_raw TEXT,                    -- as the page wrote it
        byline TEXT,
        segments TEXT NOT NULL,           -- JSON [[start, end, role], ...] covering text
        origins TEXT NOT NULL DEFAULT '{}',  -- JSON {field: where it was found}
        words INTEGER NOT NULL,
        imported_at TEXT NOT NULL
    );

    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content='articles', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2'
    );
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

    CREATE TABLE models (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        version TEXT NOT NULL,
        UNIQUE (name, version)
    );

    -- One row per analysed article: which model read which text, so unchanged articles
    -- are never analysed twice.
    CREATE TABLE analyses (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        model_id INTEGER NOT NULL REFERENCES models(id),
        text_hash TEXT NOT NULL,
        entity_count INTEGER NOT NULL,
        analysed_at TEXT NOT NULL
    );

    CREATE TABLE entities (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        label TEXT NOT NULL,
        text TEXT NOT NULL,
        model_id INTEGER NOT NULL REFERENCES models(id),
        CHECK (0 <= start AND start < end)
    );
    CREATE INDEX entities_by_article ON entities(article_id, start);
    CREATE INDEX entities_by_name ON entities(text, label);

    CREATE TABLE claims (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        quote TEXT NOT NULL,
        category TEXT NOT NULL,
        source TEXT NOT NULL DEFAULT '',
        stance TEXT NOT NULL,
        status TEXT NOT NULL,
        tags TEXT NOT NULL DEFAULT '[]',  -- JSON list of strings
        note TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (0 <= start AND start < end)
    );
    CREATE INDEX claims_by_article ON claims(article_id, start);

    CREATE TABLE schema_categories (
        name TEXT PRIMARY KEY,
        position INTEGER NOT NULL,
        color TEXT NOT NULL,
        shortcut TEXT NOT NULL DEFAULT '',
        description TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE schema_values (
        kind TEXT NOT NULL CHECK (kind IN ('stance', 'status')),
        name TEXT NOT NULL,
        position INTEGER NOT NULL,
        PRIMARY KEY (kind, name)
    );
    """,
]
