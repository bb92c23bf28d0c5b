"""Read-only SQL the pages need beyond the Store's methods.

The Store stays the only writer; these helpers only SELECT from its tables, through its
connection, and return plain values.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from livebrief.model import Story
from livebrief.store import Store

BRIEF_PREFIX, LATEST_SUFFIX = "brief/", "/latest"
WEB_FEEDS_STATE = "web/feeds"  # JSON list of feed URLs added through the web app


def brief_topics(store: Store) -> list[str]:
    """Topics that have a published briefing, in name order."""
    rows = store.db.execute("SELECT name FROM state WHERE name LIKE 'brief/%/latest' ORDER BY name")
    return [r["name"][len(BRIEF_PREFIX):-len(LATEST_SUFFIX)] for r in rows]


def count_stories(store: Store) -> int:
    return int(store.db.execute("SELECT COUNT(*) FROM stories").fetchone()[0])


def most_cited_stories(store: Store, *, limit: int = 10) -> list[Story]:
    """Stories with the most original sources, then the most articles."""
    rows = store.db.execute(
        "SELECT s.data FROM stories s LEFT JOIN (SELECT story_id, COUNT(*) AS n FROM story_articles "
        "GROUP BY story_id) sa ON sa.story_id = s.id ORDER BY s.n_sources DESC, COALESCE(sa.n, 0) DESC, "
        "s.updated DESC LIMIT ?", (limit,))
    return [Story.from_dict(json.loads(r["data"])) for r in rows]


def entity_index(store: Store, pipeline_version: str, *, limit: int = 200,
                 kind: str | None = None) -> list[dict[str, Any]]:
    """Entities by the number of articles that mention them."""
    sql = ("SELECT entity_id, name, type, COUNT(DISTINCT article_id) AS articles, SUM(mentions) AS mentions "
           "FROM entity_mentions WHERE pipeline_version = ?" + (" AND type = ?" if kind else "")
           + " GROUP BY entity_id ORDER BY articles DESC, mentions DESC, name LIMIT ?")
    params: tuple[Any, ...] = (pipeline_version, kind, limit) if kind else (pipeline_version, limit)
    return [dict(r) for r in store.db.execute(sql, params)]


def entity_articles(store: Store, pipeline_version: str, key: str) -> tuple[str, list[str]] | None:
    """The entity id a key names (an id, else a name, most mentioned first) and its articles."""
    row = store.db.execute("SELECT entity_id FROM entity_mentions WHERE entity_id = ? AND pipeline_version = ? "
                           "LIMIT 1", (key, pipeline_version)).fetchone()
    if row is None:
        row = store.db.execute(
            "SELECT entity_id FROM entity_mentions WHERE lower(name) = lower(?) AND pipeline_version = ? "
            "GROUP BY entity_id ORDER BY COUNT(*) DESC LIMIT 1", (key, pipeline_version)).fetchone()
    if row is None:
        return None
    entity_id = row["entity_id"]
    rows = store.db.execute("SELECT DISTINCT article_id FROM entity_mentions WHERE entity_id = ? "
                            "AND pipeline_version = ?", (entity_id, pipeline_version))
    return entity_id, [r["article_id"] for r in rows]


def articles_containing(store: Store, pipeline_version: str, needle: str, *, limit: int = 500) -> list[str]:
    """Ids of analysed current articles whose stored analysis contains ``needle`` (a prefilter)."""
    rows = store.db.execute(
        "SELECT an.article_id FROM analyses an JOIN articles a ON a.id = an.article_id "
        "WHERE an.pipeline_version = ? AND a.superseded_by IS NULL AND instr(an.data, ?) > 0 "
        "ORDER BY a.rowid DESC LIMIT ?", (pipeline_version, needle, limit))
    return [r["article_id"] for r in rows]


def web_feeds(store: Store) -> set[str]:
    """Feed URLs that were added through the web app (fetched with the address guard on)."""
    blob = store.load_state(WEB_FEEDS_STATE)
    return set(json.loads(blob)) if blob else set()


def version_parts(store: Store) -> dict[str, str]:
    """Short fingerprints of what pages show; a page reloads when its part changes."""
    db = store.db
    articles = db.execute("SELECT COALESCE(MAX(rowid), 0), COUNT(*) FROM articles").fetchone()
    stories = db.execute("SELECT COUNT(*), COALESCE(MAX(updated), ''), (SELECT COUNT(*) FROM story_articles) "
                         "FROM stories").fetchone()
    feeds = db.execute("SELECT COUNT(*), COALESCE(SUM(item_count), 0) FROM feeds").fetchone()
    parts = {
        "articles": _fingerprint(tuple(articles)),
        "stories": _fingerprint(tuple(stories)),
        "feeds": _fingerprint(tuple(feeds)),
    }
    # A briefing's id is a content hash (the first field of the stored JSON), so it changes with the briefing.
    for row in db.execute("SELECT name, json_extract(CAST(value AS TEXT), '$.id') AS id, updated_at FROM state "
                          "WHERE name LIKE 'brief/%/latest' ORDER BY name"):
        parts[row["name"][:-len(LATEST_SUFFIX)]] = _fingerprint((row["id"], row["updated_at"]))
    parts["all"] = _fingerprint(tuple(sorted(parts.items())))
    return parts


def _fingerprint(value: tuple[Any, ...]) -> str:
    return hashlib.sha1(repr(value).encode("utf-8")).hexdigest()[:12]
