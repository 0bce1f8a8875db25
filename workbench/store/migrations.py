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
    # 2: who made each claim and its history; the mention a source names; actors with
    # aliases; suggested claims and the analyst's decisions on them.
    """
    ALTER TABLE claims ADD COLUMN source_start INTEGER;
    ALTER TABLE claims ADD COLUMN source_end INTEGER;
    ALTER TABLE claims ADD COLUMN analyst TEXT NOT NULL DEFAULT '';

    -- Every change of a claim, kept when the claim is deleted (so no foreign key).
    CREATE TABLE claim_history (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        claim_id INTEGER NOT NULL,
        article_id INTEGER NOT NULL,
        at TEXT NOT NULL,
        analyst TEXT NOT NULL,
        action TEXT NOT NULL,
        before TEXT,                      -- JSON of the claim, NULL when it did not exist
        after TEXT                        -- JSON of the claim, NULL when it no longer exists
    );
    CREATE INDEX claim_history_by_claim ON claim_history(claim_id, id);

    CREATE TABLE actors (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        name TEXT NOT NULL
    );
    CREATE TABLE actor_aliases (
        alias TEXT PRIMARY KEY COLLATE NOCASE,
        actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE
    );
    CREATE INDEX actor_aliases_by_actor ON actor_aliases(actor_id);

    CREATE TABLE suggestions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL,
        source TEXT NOT NULL,
        source_start INTEGER,
        source_end INTEGER,
        stance TEXT NOT NULL,
        cue TEXT NOT NULL
    );
    CREATE INDEX suggestions_by_article ON suggestions(article_id, start);

    -- Which pipeline and rules proposed an article's suggestions, on which text.
    CREATE TABLE suggestion_runs (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        model_id INTEGER NOT NULL REFERENCES models(id),
        text_hash TEXT NOT NULL,
        analysed_at TEXT NOT NULL
    );

    -- Accepted or rejected suggestions, kept across re-analysis: a rejected one is never
    -- proposed again.
    CREATE TABLE suggestion_decisions (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        source TEXT NOT NULL,             -- one statement can be proposed for two speakers
        decision TEXT NOT NULL CHECK (decision IN ('accepted', 'rejected')),
        claim_id INTEGER,
        at TEXT NOT NULL,
        analyst TEXT NOT NULL,
        PRIMARY KEY (article_id, start, end, source)
    );
    """,
    # 3: import of any corpus: the source site, metadata as imported before the user
    # corrected it, the body's hash (duplicates), MinHash bands and flagged near-duplicates.
    """
    ALTER TABLE articles ADD COLUMN site TEXT;
    ALTER TABLE articles ADD COLUMN original TEXT NOT NULL DEFAULT '{}';  -- JSON {field: value as imported}
    ALTER TABLE articles ADD COLUMN body_hash TEXT;  -- SHA-256 of the body, white space collapsed
    CREATE INDEX articles_by_body_hash ON articles(body_hash);

    -- Locality-sensitive hashing: articles sharing a band key are candidate near-duplicates.
    CREATE TABLE article_bands (
        band INTEGER NOT NULL,
        key INTEGER NOT NULL,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        PRIMARY KEY (band, key, article_id)
    ) WITHOUT ROWID;
    CREATE INDEX article_bands_by_article ON article_bands(article_id);

    -- Pairs of articles telling nearly the same story; article_id is the one indexed second.
    CREATE TABLE near_duplicates (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        other_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        similarity REAL NOT NULL,  -- Jaccard similarity of the bodies' word 5-grams
        PRIMARY KEY (article_id, other_id)
    ) WITHOUT ROWID;
    CREATE INDEX near_duplicates_by_other ON near_duplicates(other_id);
    """,
    # 4: fast at any corpus size: per-entity totals kept up to date by triggers (the corpus
    # chart reads 12 rows instead of grouping every mention), and narrow indexes for the
    # article list's order and sort columns (the articles table's rows hold whole texts).
    """
    CREATE TABLE entity_totals (
        text TEXT NOT NULL,
        label TEXT NOT NULL,
        mentions INTEGER NOT NULL,
        articles INTEGER NOT NULL,        -- articles with at least one mention
        PRIMARY KEY (text, label)
    ) WITHOUT ROWID;
    CREATE INDEX entity_totals_by_mentions ON entity_totals(mentions DESC, text);
    -- With the article: the articles mentioning an entity are a range of this index.
    DROP INDEX entities_by_name;
    CREATE INDEX entities_by_name ON entities(text, label, article_id);
    INSERT INTO entity_totals(text, label, mentions, articles)
        SELECT text, label, count(*), count(DISTINCT article_id) FROM entities GROUP BY text, label;

    CREATE TRIGGER entity_totals_insert AFTER INSERT ON entities BEGIN
        INSERT INTO entity_totals(text, label, mentions, articles)
        VALUES (new.text, new.label, 1, NOT EXISTS (
            SELECT 1 FROM entities e WHERE e.article_id = new.article_id AND e.text = new.text
            AND e.label = new.label AND e.id != new.id))
        ON CONFLICT (text, label) DO UPDATE SET mentions = mentions + 1, articles = articles + excluded.articles;
    END;
    CREATE TRIGGER entity_totals_delete AFTER DELETE ON entities BEGIN
        UPDATE entity_totals SET mentions = mentions - 1, articles = articles - NOT EXISTS (
            SELECT 1 FROM entities e WHERE e.article_id = old.article_id AND e.text = old.text AND e.label = old.label)
        WHERE text = old.text AND label = old.label;
        DELETE FROM entity_totals WHERE text = old.text AND label = old.label AND mentions <= 0;
    END;
    CREATE TRIGGER entity_totals_update AFTER UPDATE OF article_id, text, label ON entities BEGIN
        UPDATE entity_totals SET mentions = mentions - 1, articles = articles - NOT EXISTS (
            SELECT 1 FROM entities e WHERE e.article_id = old.article_id AND e.text = old.text AND e.label = old.label)
        WHERE text = old.text AND label = old.label;
        DELETE FROM entity_totals WHERE text = old.text AND label = old.label AND mentions <= 0;
        INSERT INTO entity_totals(text, label, mentions, articles)
        VALUES (new.text, new.label, 1, NOT EXISTS (
            SELECT 1 FROM entities e WHERE e.article_id = new.article_id AND e.text = new.text
            AND e.label = new.label AND e.id != new.id))
        ON CONFLICT (text, label) DO UPDATE SET mentions = mentions + 1, articles = articles + excluded.articles;
    END;

    -- By id with what lists and tables of claims show of an article: listing ids in order,
    -- or the articles of 100k claims, reads this index instead of the table's big rows.
    CREATE INDEX articles_by_id ON articles(id, title, date, source_file, text_hash);
    CREATE INDEX articles_by_title ON articles(title COLLATE NOCASE);
    CREATE INDEX articles_by_date ON articles(date);
    CREATE INDEX articles_by_source ON articles(source_file COLLATE NOCASE);
    """,
    # 5: full-text indexing once per transaction rather than per article. FTS5 writes its
    # pending terms out as a new index segment whenever a savepoint is released, so an
    # import (one savepoint per file) wrote a segment per article. New articles are listed
    # in articles_fts_pending instead, and the store indexes them all in one statement just
    # before the transaction commits (see ProjectStore.transaction): the same transaction,
    # so the index and the table never disagree on disk. An article not indexed yet must
    # not be deleted from the index (it is not in it): the triggers only drop it from the list.
    """
    CREATE TABLE articles_fts_pending (id INTEGER PRIMARY KEY);

    DROP TRIGGER articles_fts_insert;
    CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts_pending(id) VALUES (new.id);
    END;
    DROP TRIGGER articles_fts_delete;
    CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
            SELECT 'delete', old.id, old.title, old.text
            WHERE NOT EXISTS (SELECT 1 FROM articles_fts_pending WHERE id = old.id);
        DELETE FROM articles_fts_pending WHERE id = old.id;
    END;
    DROP TRIGGER articles_fts_update;
    CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles
    WHEN NOT EXISTS (SELECT 1 FROM articles_fts_pending WHERE id = old.id) BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
    END;
    """,
    # 6: near-duplicate band keys from a one-permutation MinHash (see
    # workbench.ingest.similarity), which the keys stored before cannot be compared with.
    # They are dropped; `bands_from` has every article from id 0 up indexed again (the next
    # import does it, as for articles stored before duplicates were tracked). Pairs already
    # flagged stay flagged. The keys' table loses its foreign key and its index by article:
    # checking the one and updating the other for each key took two thirds of the time of
    # writing them, and nothing reads keys by article. An article deleted takes its keys
    # with it by a trigger (a scan of the table: deleting articles is rare).
    """
    DROP TABLE article_bands;
    CREATE TABLE article_bands (
        band INTEGER NOT NULL,
        key INTEGER NOT NULL,
        article_id INTEGER NOT NULL,
        PRIMARY KEY (band, key, article_id)
    ) WITHOUT ROWID;
    CREATE TRIGGER article_bands_delete AFTER DELETE ON articles BEGIN
        DELETE FROM article_bands WHERE article_id = old.id;
    END;
    INSERT INTO project_meta(key, value) SELECT 'bands_from', '0' WHERE EXISTS (SELECT 1 FROM articles);
    """,
    # 7: articles can be removed. The trigger deleting an article's band keys scanned the
    # whole table for each article (0.15 s each with 100k articles); the store deletes
    # them by their keys instead, computed again from the body (ArticleRemovalStore). A
    # key left behind (one of an earlier kind) names an article that is gone, which the
    # near-duplicate search passes over: ids are never reused.
    """
    DROP TRIGGER article_bands_delete;
    """,
]
