"""SQLite store: articles with revisions, FTS5 search, failures, feeds, HTTP validators, copies.

One ``Store`` owns one connection and is the only writer. Every write is its own
transaction, so a killed process loses nothing already committed and never leaves
half an article.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator

from livebrief.errors import StoreError
from livebrief.model import Analysis, Article, CopyLink, FeedState, Failure, Story, utcnow
from livebrief.store.migrations import MIGRATIONS

log = logging.getLogger(__name__)

_ARTICLE_COLUMNS = (
    "id", "url", "canonical_url", "original_url", "source", "title", "authors", "published",
    "language", "text", "removed", "credits", "captions", "fetched_at", "input", "text_hash",
)
_JSON_COLUMNS = {"authors", "removed", "credits", "captions"}
# IDs bound per query when reading a chosen set of rows (SQLite allows 999 in old builds).
_ID_CHUNK = 500


@dataclass(frozen=True)
class StoredArticle:
    """An article as stored: the record plus its revision bookkeeping."""

    article: Article
    revision: int
    superseded_by: str | None
    stored_at: str
    original_id: str | None = None


@dataclass(frozen=True)
class AddResult:
    """What adding one article did: ``new``, ``exists`` or ``revision``."""

    article_id: str
    status: str
    revision: int = 1


def open_store(path: str | Path) -> Store:
    """Open (creating and migrating) the store at ``path``; ``:memory:`` works too."""
    return Store(path)


class Store:
    """The single writer of a livebrief SQLite file."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        if self.path != ":memory:":
            try:
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"cannot create the folder for the store {self.path}: {exc}") from None
        try:
            self.db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False, timeout=30)
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open the store {self.path}: {exc}") from None

    # -- lifecycle -----------------------------------------------------------------

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self) -> None:
        current = self.schema_version
        for number, script in enumerate(MIGRATIONS, start=1):
            if number <= current:
                continue
            log.info("applying store migration %d to %s", number, self.path)
            # executescript commits first; the version bump rides in the same script.
            self.db.executescript(f"BEGIN;\n{script}\nPRAGMA user_version = {number};\nCOMMIT;")

    def transaction(self) -> _Transaction:
        return _Transaction(self.db)

    # -- articles ------------------------------------------------------------------

    def add_article(self, article: Article, *, signature: bytes | None = None) -> AddResult:
        """Store one article. Same ID: nothing added. Same URL, new text: a new revision."""
        with self.transaction():
            if self.db.execute("SELECT 1 FROM articles WHERE id = ?", (article.id,)).fetchone():
                self.db.execute("UPDATE articles SET checked_at = ? WHERE id = ?", (utcnow(), article.id))
                return AddResult(article.id, "exists")
            revision, status = 1, "new"
            if article.url:
                row = self.db.execute(
                    "SELECT id, revision FROM articles WHERE url = ? AND superseded_by IS NULL "
                    "ORDER BY revision DESC LIMIT 1", (article.url,)).fetchone()
                if row is not None:
                    revision, status = row["revision"] + 1, "revision"
            elif self.db.execute("SELECT 1 FROM articles WHERE url IS NULL AND text_hash = ?",
                                 (article.text_hash,)).fetchone():
                return AddResult(article.id, "exists")
            values = [self._column_value(article, name) for name in _ARTICLE_COLUMNS]
            self.db.execute(
                f"INSERT INTO articles ({', '.join(_ARTICLE_COLUMNS)}, revision, stored_at, signature) "
                f"VALUES ({', '.join('?' * len(_ARTICLE_COLUMNS))}, ?, ?, ?)",
                (*values, revision, utcnow(), signature))
            if status == "revision":
                self.db.execute(
                    "UPDATE articles SET superseded_by = ? WHERE url = ? AND id != ? AND superseded_by IS NULL",
                    (article.id, article.url, article.id))
            return AddResult(article.id, status, revision)

    @staticmethod
    def _column_value(article: Article, name: str) -> Any:
        value = getattr(article, name)
        return json.dumps(list(value), ensure_ascii=False) if name in _JSON_COLUMNS else value

    def _row_to_stored(self, row: sqlite3.Row) -> StoredArticle:
        data = {name: row[name] for name in _ARTICLE_COLUMNS}
        for name in _JSON_COLUMNS:
            data[name] = tuple(json.loads(data[name] or "[]"))
        keys = row.keys()
        return StoredArticle(
            article=Article(**data),
            revision=row["revision"],
            superseded_by=row["superseded_by"],
            stored_at=row["stored_at"],
            original_id=row["original_id"] if "original_id" in keys else None,
        )

    def get_article(self, article_id: str) -> StoredArticle | None:
        """One article by ID, or by a unique ID prefix."""
        row = self.db.execute(
            "SELECT a.*, c.original_id FROM articles a LEFT JOIN copies c ON c.article_id = a.id "
            "WHERE a.id = ?", (article_id,)).fetchone()
        if row is None and len(article_id) >= 4:
            rows = self.db.execute(
                "SELECT a.*, c.original_id FROM articles a LEFT JOIN copies c ON c.article_id = a.id "
                "WHERE a.id LIKE ? LIMIT 2", (article_id + "%",)).fetchall()
            row = rows[0] if len(rows) == 1 else None
        return self._row_to_stored(row) if row is not None else None

    def articles(self, *, limit: int | None = None, include_old: bool = False,
                 since: str | None = None) -> list[StoredArticle]:
        """Stored articles, newest first; only current revisions unless ``include_old``."""
        where, params = [], []
        if not include_old:
            where.append("a.superseded_by IS NULL")
        if since:
            where.append("COALESCE(a.published, a.fetched_at, a.stored_at) >= ?")
            params.append(since)
        sql = ("SELECT a.*, c.original_id FROM articles a LEFT JOIN copies c ON c.article_id = a.id"
               + (" WHERE " + " AND ".join(where) if where else "")
               + " ORDER BY COALESCE(a.published, a.fetched_at, a.stored_at) DESC, a.rowid DESC")
        if limit:
            sql += f" LIMIT {int(limit)}"
        return [self._row_to_stored(r) for r in self.db.execute(sql, params)]

    def revisions(self, url: str) -> list[StoredArticle]:
        rows = self.db.execute(
            "SELECT a.*, c.original_id FROM articles a LEFT JOIN copies c ON c.article_id = a.id "
            "WHERE a.url = ? ORDER BY a.revision", (url,))
        return [self._row_to_stored(r) for r in rows]

    def seen_since(self, url: str, since: str) -> bool:
        """Whether the page at ``url`` was stored or seen unchanged at or after ``since``."""
        row = self.db.execute(
            "SELECT 1 FROM articles WHERE url = ? AND MAX(stored_at, COALESCE(checked_at, '')) >= ? LIMIT 1",
            (url, since)).fetchone()
        return row is not None

    def count_articles(self, *, include_old: bool = False) -> int:
        sql = "SELECT COUNT(*) FROM articles" + ("" if include_old else " WHERE superseded_by IS NULL")
        return int(self.db.execute(sql).fetchone()[0])

    def search(self, query: str, *, limit: int = 20) -> list[tuple[StoredArticle, str]]:
        """Full-text search over title and text; returns articles with a highlighted snippet."""
        try:
            rows = self.db.execute(
                "SELECT a.*, c.original_id, snippet(articles_fts, 1, '[', ']', '…', 12) AS snip "
                "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
                "LEFT JOIN copies c ON c.article_id = a.id "
                "WHERE articles_fts MATCH ? AND a.superseded_by IS NULL ORDER BY rank LIMIT ?",
                (_fts_query(query), limit)).fetchall()
        except sqlite3.OperationalError as exc:
            raise StoreError(f"bad search query {query!r}: {exc}") from None
        return [(self._row_to_stored(r), r["snip"]) for r in rows]

    def signatures(self) -> Iterator[tuple[Article, bytes | None]]:
        """Current articles with their stored MinHash signatures, oldest first."""
        rows = self.db.execute(
            "SELECT a.*, NULL AS original_id FROM articles a WHERE superseded_by IS NULL ORDER BY rowid")
        for row in rows:
            yield self._row_to_stored(row).article, row["signature"]

    def set_signature(self, article_id: str, signature: bytes) -> None:
        with self.transaction():
            self.db.execute("UPDATE articles SET signature = ? WHERE id = ?", (signature, article_id))

    # -- analyses --------------------------------------------------------------------

    def add_analysis(self, analysis: Analysis) -> None:
        """Store (or replace) the analysis of one article for its pipeline version."""
        article_id, version = analysis.article.id, analysis.pipeline_version
        data = analysis.contract()
        data["article"] = {"id": article_id}  # the article itself lives in `articles`
        with self.transaction():
            self.db.execute(
                "INSERT OR REPLACE INTO analyses(article_id, pipeline_version, analyzed_at, data) "
                "VALUES (?, ?, ?, ?)", (article_id, version, utcnow(), json.dumps(data, ensure_ascii=False)))
            self.db.execute("DELETE FROM entity_mentions WHERE article_id = ? AND pipeline_version = ?",
                            (article_id, version))
            self.db.executemany(
                "INSERT INTO entity_mentions(article_id, pipeline_version, entity_id, name, type, mentions) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [(article_id, version, e.id, e.name, e.type, len(e.mentions)) for e in analysis.entities])

    def get_analysis(self, article_id: str, pipeline_version: str) -> Analysis | None:
        row = self.db.execute("SELECT data FROM analyses WHERE article_id = ? AND pipeline_version = ?",
                              (article_id, pipeline_version)).fetchone()
        stored = self.get_article(article_id)
        if row is None or stored is None:
            return None
        data = json.loads(row["data"])
        data["article"] = stored.article.to_dict()
        return Analysis.from_dict(data)

    def analyses(self, pipeline_version: str, *, since: str | None = None,
                 ids: Iterable[str] | None = None) -> Iterator[Analysis]:
        """Analyses of current articles for one pipeline version, oldest article first.

        ``ids`` narrows them to those articles (read in chunks: SQLite caps bound parameters).
        """
        sql = ("SELECT an.data, a.* , NULL AS original_id FROM analyses an JOIN articles a ON a.id = an.article_id "
               "WHERE an.pipeline_version = ? AND a.superseded_by IS NULL")
        params: list[Any] = [pipeline_version]
        if since:
            sql += " AND COALESCE(a.published, a.fetched_at, a.stored_at) >= ?"
            params.append(since)
        if ids is None:
            chunks: list[list[Any]] = [[]]
        else:
            wanted = list(dict.fromkeys(ids))
            chunks = [wanted[n:n + _ID_CHUNK] for n in range(0, len(wanted), _ID_CHUNK)]
        for chunk in chunks:
            where = f" AND a.id IN ({','.join('?' * len(chunk))})" if chunk else ""
            for row in self.db.execute(sql + where + " ORDER BY a.rowid", params + chunk):
                data = json.loads(row["data"])
                data["article"] = self._row_to_stored(row).article.to_dict()
                yield Analysis.from_dict(data)

    def analysis_ids(self, pipeline_version: str) -> list[str]:
        """IDs of current articles analysed by one pipeline version, oldest first (no JSON decoded)."""
        rows = self.db.execute(
            "SELECT a.id FROM analyses an JOIN articles a ON a.id = an.article_id "
            "WHERE an.pipeline_version = ? AND a.superseded_by IS NULL ORDER BY a.rowid", (pipeline_version,))
        return [row[0] for row in rows]

    def unanalyzed(self, pipeline_version: str) -> list[Article]:
        """Current articles without an analysis for this pipeline version."""
        rows = self.db.execute(
            "SELECT a.*, NULL AS original_id FROM articles a WHERE a.superseded_by IS NULL AND NOT EXISTS "
            "(SELECT 1 FROM analyses an WHERE an.article_id = a.id AND an.pipeline_version = ?) ORDER BY a.rowid",
            (pipeline_version,))
        return [self._row_to_stored(r).article for r in rows]

    # -- stories -----------------------------------------------------------------------

    def save_stories(self, stories: Iterable[Story], *, state: tuple[str, bytes] | None = None) -> int:
        """Insert or replace stories (and, in the same transaction, a named state blob)."""
        count = 0
        with self.transaction():
            for story in stories:
                self.db.execute(
                    "INSERT OR REPLACE INTO stories(id, title, first_seen, updated, n_sources, data) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    (story.id, story.title, story.first_seen, story.updated, len(story.sources),
                     json.dumps(story.to_dict(), ensure_ascii=False)))
                self.db.execute("DELETE FROM story_articles WHERE story_id = ?", (story.id,))
                self.db.executemany("INSERT OR IGNORE INTO story_articles(story_id, article_id) VALUES (?, ?)",
                                    [(story.id, a.article_id) for a in story.articles])
                count += 1
            if state is not None:
                self.save_state(*state)
        return count

    def stories(self, *, since: str | None = None, limit: int | None = None) -> list[Story]:
        """Stories, most recently updated first."""
        sql = "SELECT data FROM stories" + (" WHERE updated >= ?" if since else "")
        sql += " ORDER BY updated DESC, n_sources DESC" + (f" LIMIT {int(limit)}" if limit else "")
        return [Story.from_dict(json.loads(r["data"])) for r in self.db.execute(sql, (since,) if since else ())]

    def get_story(self, story_id: str) -> Story | None:
        row = self.db.execute("SELECT data FROM stories WHERE id = ?", (story_id,)).fetchone()
        if row is None and len(story_id) >= 4:
            rows = self.db.execute("SELECT data FROM stories WHERE id LIKE ? LIMIT 2", (story_id + "%",)).fetchall()
            row = rows[0] if len(rows) == 1 else None
        return Story.from_dict(json.loads(row["data"])) if row else None

    def stories_of_article(self, article_id: str) -> list[str]:
        rows = self.db.execute("SELECT story_id FROM story_articles WHERE article_id = ?", (article_id,))
        return [r["story_id"] for r in rows]

    # -- named state ---------------------------------------------------------------------

    def save_state(self, name: str, value: bytes) -> None:
        with self.transaction():
            self.db.execute("INSERT OR REPLACE INTO state(name, value, updated_at) VALUES (?, ?, ?)",
                            (name, value, utcnow()))

    def load_state(self, name: str) -> bytes | None:
        row = self.db.execute("SELECT value FROM state WHERE name = ?", (name,)).fetchone()
        return bytes(row["value"]) if row and row["value"] is not None else None

    # -- copies ----------------------------------------------------------------------

    def set_copies(self, links: Iterable[CopyLink]) -> int:
        """Record copy → original links (replacing earlier links of the same copies)."""
        count = 0
        with self.transaction():
            for link in links:
                self.db.execute(
                    "INSERT INTO copies(article_id, original_id, method, similarity) VALUES (?, ?, ?, ?) "
                    "ON CONFLICT(article_id) DO UPDATE SET original_id = excluded.original_id, "
                    "method = excluded.method, similarity = excluded.similarity",
                    (link.article_id, link.original_id, link.method, link.similarity))
                count += 1
        return count

    def clear_copies(self, article_ids: Iterable[str]) -> None:
        with self.transaction():
            self.db.executemany("DELETE FROM copies WHERE article_id = ?", [(i,) for i in article_ids])

    def copies(self) -> list[CopyLink]:
        rows = self.db.execute("SELECT * FROM copies ORDER BY original_id, article_id")
        return [CopyLink(r["article_id"], r["original_id"], r["method"], r["similarity"]) for r in rows]

    # -- failures ------------------------------------------------------------------------

    def add_failure(self, failure: Failure, *, run_id: int | None = None) -> None:
        with self.transaction():
            self.db.execute(
                "INSERT INTO failures(run_id, stage, item, error, message, at) VALUES (?, ?, ?, ?, ?, ?)",
                (run_id, failure.stage, failure.item, failure.error, failure.message, failure.at))

    def failures(self, *, limit: int | None = 100, run_id: int | None = None) -> list[Failure]:
        sql = "SELECT * FROM failures" + (" WHERE run_id = ?" if run_id is not None else "")
        sql += " ORDER BY id DESC" + (f" LIMIT {int(limit)}" if limit else "")
        params = (run_id,) if run_id is not None else ()
        return [Failure(r["stage"], r["item"], r["error"], r["message"], r["at"])
                for r in self.db.execute(sql, params)]

    # -- runs ----------------------------------------------------------------------------

    def start_run(self, command: str) -> int:
        with self.transaction():
            cur = self.db.execute("INSERT INTO runs(command, started_at) VALUES (?, ?)", (command, utcnow()))
            return int(cur.lastrowid or 0)

    def finish_run(self, run_id: int, counts: dict[str, int]) -> None:
        with self.transaction():
            self.db.execute("UPDATE runs SET finished_at = ?, counts = ? WHERE id = ?",
                            (utcnow(), json.dumps(counts), run_id))

    # -- feeds ---------------------------------------------------------------------------

    def add_feed(self, url: str, *, title: str | None = None) -> bool:
        """Register a feed to poll; False when it was already there."""
        with self.transaction():
            cur = self.db.execute("INSERT OR IGNORE INTO feeds(url, title, added_at) VALUES (?, ?, ?)",
                                  (url, title, utcnow()))
            return cur.rowcount > 0

    def remove_feed(self, url: str) -> bool:
        with self.transaction():
            return self.db.execute("DELETE FROM feeds WHERE url = ?", (url,)).rowcount > 0

    def feeds(self) -> list[FeedState]:
        rows = self.db.execute("SELECT * FROM feeds ORDER BY added_at, url")
        return [FeedState(**{k: r[k] for k in r.keys()}) for r in rows]

    def record_feed_fetch(self, url: str, *, status: int | None, error: str | None = None,
                          items: int = 0, title: str | None = None) -> None:
        with self.transaction():
            self.db.execute(
                "UPDATE feeds SET last_fetched = ?, last_status = ?, last_error = ?, "
                "error_count = CASE WHEN ? IS NULL THEN 0 ELSE error_count + 1 END, "
                "item_count = item_count + ?, title = COALESCE(?, title) WHERE url = ?",
                (utcnow(), status, error, error, items, title, url))

    # -- HTTP validators (the fetcher's cache seam) ---------------------------------------

    def get_validators(self, url: str) -> tuple[str | None, str | None]:
        row = self.db.execute("SELECT etag, last_modified FROM http_cache WHERE url = ?", (url,)).fetchone()
        return (row["etag"], row["last_modified"]) if row else (None, None)

    def put_validators(self, url: str, etag: str | None, last_modified: str | None) -> None:
        with self.transaction():
            self.db.execute(
                "INSERT INTO http_cache(url, etag, last_modified, updated_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(url) DO UPDATE SET etag = excluded.etag, "
                "last_modified = excluded.last_modified, updated_at = excluded.updated_at",
                (url, etag, last_modified, utcnow()))


class _Transaction:
    """BEGIN IMMEDIATE … COMMIT, rolled back on any exception; re-entrant."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self.outer = False

    def __enter__(self) -> sqlite3.Connection:
        if not self.db.in_transaction:
            self.db.execute("BEGIN IMMEDIATE")
            self.outer = True
        return self.db

    def __exit__(self, exc_type: object, *rest: object) -> None:
        if not self.outer:
            return
        if exc_type is None:
            self.db.execute("COMMIT")
        else:
            self.db.execute("ROLLBACK")


def _fts_query(query: str) -> str:
    """Quote bare words so user input like "Kim-Putin" or "U.S." is not FTS5 syntax."""
    if any(op in query for op in ('"', " OR ", " AND ", " NOT ", "*", "NEAR(")):
        return query
    words = [w for w in query.split() if w]
    return " ".join('"' + w.replace('"', '""') + '"' for w in words)
