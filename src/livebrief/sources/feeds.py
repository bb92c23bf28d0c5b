"""RSS 0.9x/1.0/2.0 and Atom feeds: parse with feedparser, then fetch each entry's page."""

from __future__ import annotations

import html
import logging
import re
import time
from calendar import timegm
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

import feedparser

from livebrief.errors import FeedError, SourceError
from livebrief.model import Failure, Hints, RawDocument
from livebrief.sources.failures import as_failure
from livebrief.sources.fetch import Fetcher

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class FeedEntry:
    """One item of a feed: where the article is and what the feed says about it."""

    link: str | None
    title: str | None = None
    published: str | None = None
    authors: tuple[str, ...] = ()
    summary: str | None = None


@dataclass(frozen=True)
class FeedInfo:
    """A parsed feed: its title, language, format (``rss20``, ``atom10``...) and entries."""

    url: str
    title: str | None
    entries: tuple[FeedEntry, ...]
    language: str | None = None
    version: str | None = None

    def hints(self, entry: FeedEntry) -> Hints:
        """The metadata an entry brings to its article."""
        return Hints(title=entry.title, published=entry.published, authors=entry.authors,
                     outlet=self.title, language=self.language, summary=entry.summary)


def parse_feed(body: bytes, *, url: str) -> FeedInfo:
    """Parse RSS or Atom bytes; relative links resolve against ``url``.

    Raises :class:`FeedError` when the body is not a feed. A feed that is
    malformed but still yields entries (a wrong encoding declaration, a stray
    ``&``) is accepted: losing a few characters beats losing the feed.
    """
    # Bytes, never str: feedparser would treat a str as a URL or a file name. The
    # content type is ours, not the server's: under RFC 3023 a bare text/xml means
    # US-ASCII, while application/xml lets the XML declaration (or sniffing) decide.
    headers = {"content-location": url, "content-type": "application/xml"}
    parsed = feedparser.parse(bytes(body), response_headers=headers, sanitize_html=False,
                              resolve_relative_uris=False)
    entries = parsed.get("entries", [])
    version = parsed.get("version") or None
    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    harmless = problem is None or isinstance(problem, feedparser.CharacterEncodingOverride)
    if not entries and (not version or not harmless):
        detail = f": {problem}" if problem else ""
        raise FeedError(f"not an RSS or Atom feed{detail}", item=url)
    if problem:
        log.info("feed %s is malformed but readable: %s", url, problem)
    feed = parsed.get("feed", {})
    return FeedInfo(
        url=url,
        title=_clean(feed.get("title")),
        entries=tuple(_entry(e) for e in entries),
        language=_clean(feed.get("language")),
        version=version,
    )


def feed_documents(info: FeedInfo, *, fetcher: Fetcher,
                   skip: Callable[[str], bool] | None = None) -> Iterator[RawDocument | Failure]:
    """Fetch the page of every entry; each failure is yielded as a Failure and the feed goes on.

    Links for which ``skip(link)`` is true (say, already in the store) are not fetched.
    """
    seen: set[str] = set()
    for number, entry in enumerate(info.entries, start=1):
        if not entry.link:
            yield Failure(stage="source", item=info.url, error=FeedError.code,
                          message=f"entry {number} ({entry.title or 'untitled'}) has no link")
            continue
        if entry.link in seen or (skip is not None and skip(entry.link)):
            continue
        seen.add(entry.link)
        try:
            raw = fetcher.fetch_document(entry.link, hints=info.hints(entry), source=info.url)
        except SourceError as exc:
            yield as_failure(entry.link, exc)
            continue
        if raw is not None:
            yield raw


def read_feed(url: str, *, fetcher: Fetcher, skip: Callable[[str], bool] | None = None,
              ) -> Iterator[RawDocument | Failure]:
    """Fetch a feed and the page of each entry.

    Yields nothing when the feed is not modified since the last fetch, and a
    single Failure when the feed itself cannot be fetched or parsed.
    """
    try:
        result = fetcher.fetch(url)
        if result.not_modified:
            return
        info = parse_feed(result.body, url=result.final_url)
    except SourceError as exc:
        yield as_failure(url, exc)
        return
    yield from feed_documents(info, fetcher=fetcher, skip=skip)


def _entry(entry: Any) -> FeedEntry:
    authors = tuple(a["name"].strip() for a in entry.get("authors", []) if a.get("name", "").strip())
    if not authors and entry.get("author"):
        authors = (entry["author"].strip(),)
    link = entry.get("link") or _first_alternate(entry)
    return FeedEntry(
        link=link.strip() if link else None,
        title=_clean(entry.get("title")),
        published=_iso(entry.get("published_parsed") or entry.get("updated_parsed")),
        authors=authors,
        summary=_clean(entry.get("summary")),
    )


def _first_alternate(entry: Any) -> str | None:
    for link in entry.get("links", []):
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return str(link["href"])
    return None


def _iso(parsed: time.struct_time | None) -> str | None:
    # feedparser normalises dates to UTC struct_time.
    if not parsed:
        return None
    return datetime.fromtimestamp(timegm(parsed), tz=timezone.utc).isoformat()


_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


def _clean(value: str | None) -> str | None:
    """Plain text from a feed field that may carry HTML; None when empty."""
    if not value:
        return None
    text = _SPACE.sub(" ", html.unescape(_TAG.sub(" ", value))).strip()
    return text or None
