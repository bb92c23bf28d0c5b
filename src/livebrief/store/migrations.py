"""Numbered schema migrations, applied in order on open (tracked in PRAGMA user_version)."""

from __future__ import annotations

MIGRATIONS: tuple[str, ...] = (
    # 1: articles with revisions, full-text index, failures, feeds, HTTP validators, copies, runs
    """
    CREATE TABLE articles (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        url TEXT,
        canonical_url TEXT,
        original_url TEXT,
        source TEXT,
        title TEXT,
        authors TEXT NOT NULL DEFAULT '[]',
        published TEXT,
        language TEXT,
        text TEXT NOT NULL,
        removed TEXT NOT NULL DEFAULT '[]',
        credits TEXT NOT NULL DEFAULT '[]',
        fetched_at TEXT,
        input TEXT,
        text_hash TEXT NOT NULL,
        revision INTEGER NOT NULL DEFAULT 1,
        superseded_by TEXT,
        stored_at TEXT NOT NULL,
        signature BLOB
    );
    CREATE INDEX articles_url ON articles(url);
    CREATE INDEX articles_text_hash ON articles(text_hash);
    CREATE INDEX articles_published ON articles(published);
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content='articles', content_rowid='rowid', tokenize='porter unicode61'
    );
    CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;
    CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.rowid, old.title, old.text);
    END;
    CREATE TABLE failures (
        id INTEGER PRIMARY KEY,
        run_id INTEGER,
        stage TEXT NOT NULL,
        item TEXT NOT NULL,
        error TEXT NOT NULL,
        message TEXT NOT NULL,
        at TEXT NOT NULL
    );
    CREATE TABLE feeds (
        url TEXT PRIMARY KEY,
        title TEXT,
        added_at TEXT NOT NULL,
        last_fetched TEXT,
        last_status INTEGER,
        last_error TEXT,
        error_count INTEGER NOT NULL DEFAULT 0,
        item_count INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE http_cache (
        url TEXT PRIMARY KEY,
        etag TEXT,
        last_modified TEXT,
        updated_at TEXT NOT NULL
    );
    CREATE TABLE copies (
        article_id TEXT PRIMARY KEY,
        original_id TEXT NOT NULL,
        method TEXT NOT NULL,
        similarity REAL NOT NULL
    );
    CREATE INDEX copies_original ON copies(original_id);
    CREATE TABLE runs (
        id INTEGER PRIMARY KEY,
        command TEXT NOT NULL,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        counts TEXT NOT NULL DEFAULT '{}'
    );
    """,
    # 2: analyses, versioned by pipeline version so an upgrade can re-analyse
    """
    CREATE TABLE analyses (
        article_id TEXT NOT NULL,
        pipeline_version TEXT NOT NULL,
        analyzed_at TEXT NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (article_id, pipeline_version)
    );
    CREATE TABLE entity_mentions (
        article_id TEXT NOT NULL,
        pipeline_version TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        name TEXT NOT NULL,
        type TEXT NOT NULL,
        mentions INTEGER NOT NULL
    );
    CREATE INDEX entity_mentions_name ON entity_mentions(name);
    CREATE INDEX entity_mentions_article ON entity_mentions(article_id);
    """,
    # 3: stories, their articles, and named state blobs (the story index between runs)
    """
    CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        first_seen TEXT,
        updated TEXT,
        n_sources INTEGER NOT NULL DEFAULT 0,
        data TEXT NOT NULL
    );
    CREATE INDEX stories_updated ON stories(updated);
    CREATE TABLE story_articles (
        story_id TEXT NOT NULL,
        article_id TEXT NOT NULL,
        PRIMARY KEY (story_id, article_id)
    );
    CREATE INDEX story_articles_article ON story_articles(article_id);
    CREATE TABLE state (
        name TEXT PRIMARY KEY,
        value BLOB,
        updated_at TEXT NOT NULL
    );
    """,
    # 4: when a stored page was last seen unchanged, so polls can skip fresh entries
    """
    ALTER TABLE articles ADD COLUMN checked_at TEXT;
    """,
    # 5: photo and video captions, kept out of the body but used as context
    """
    ALTER TABLE articles ADD COLUMN captions TEXT NOT NULL DEFAULT '[]';
    """,
)
