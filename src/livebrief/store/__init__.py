"""The embedded store: one SQLite file, one writer, schema migrated on open."""

from livebrief.store.db import Store, StoredArticle, open_store

__all__ = ["Store", "StoredArticle", "open_store"]
