"""Sources: turn a source specification into RawDocument records.

:func:`open_source` is the entry point: give it ``-`` (stdin), a local path,
folder or glob, or an http(s) URL of a page, feed or sitemap, and iterate.
Each bad item arrives as a :class:`~livebrief.model.Failure`; only a spec that
cannot be used at all raises :class:`~livebrief.errors.InputError`.
"""

from __future__ import annotations

import glob
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urlsplit

from livebrief.errors import FeedError, InputError, SourceError
from livebrief.model import Failure, RawDocument
from livebrief.sources.cache import HttpCache, MemoryCache
from livebrief.sources.failures import as_failure
from livebrief.sources.feeds import FeedEntry, FeedInfo, feed_documents, parse_feed, read_feed
from livebrief.sources.fetch import Fetcher, FetchResult, document_kind
from livebrief.sources.files import read_jsonl, read_path, read_stdin
from livebrief.sources.sitemaps import SitemapEntry, SitemapInfo, parse_sitemap, read_sitemap, sitemap_documents
from livebrief.sources.sniff import FEED, JSONL, SITEMAP, sniff
from livebrief.sources.warc import read_warc

_GLOB_CHARS = set("*?[")


def open_source(spec: str, *, fetcher: Fetcher | None = None, stdin: BinaryIO | None = None,
                skip: Callable[[str], bool] | None = None) -> Iterator[RawDocument | Failure]:
    """Documents from one source spec; see the module docstring for what a spec may be.

    A URL is fetched once and sniffed: RSS/Atom is read as a feed, a sitemap
    or sitemap index as a sitemap, anything else as the page itself. Without
    a ``fetcher`` one with default settings is made for URL specs. The spec is
    checked before the first document is asked for, so a bad spec raises at
    the call, not in the middle of a loop. Feed and sitemap links for which
    ``skip(url)`` is true (say, already in the store) are not fetched.
    """
    if spec == "-":
        return read_stdin(stdin)
    if _is_url(spec):
        return _read_url(spec, fetcher=fetcher, skip=skip)
    if Path(spec).exists():
        return read_path(spec)
    if _GLOB_CHARS & set(spec):
        matches = sorted(glob.glob(spec, recursive=True))
        if not matches:
            raise InputError(f"no files match {spec}", item=spec)
        return _chain(matches)
    raise InputError(f"no such file or folder, and not an http(s) URL: {spec}", item=spec)


def _is_url(spec: str) -> bool:
    parts = urlsplit(spec)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def _chain(paths: list[str]) -> Iterator[RawDocument | Failure]:
    for path in paths:
        yield from read_path(path)


def _read_url(url: str, *, fetcher: Fetcher | None,
              skip: Callable[[str], bool] | None) -> Iterator[RawDocument | Failure]:
    if fetcher is None:
        with Fetcher() as own:
            yield from _read_url(url, fetcher=own, skip=skip)
        return
    try:
        result = fetcher.fetch(url)
    except SourceError as exc:
        yield as_failure(url, exc)
        return
    if result.not_modified:
        return
    kind = sniff(result.body, content_type=result.content_type)
    try:
        if kind == FEED:
            yield from feed_documents(parse_feed(result.body, url=result.final_url), fetcher=fetcher, skip=skip)
        elif kind == SITEMAP:
            info = parse_sitemap(result.body, url=result.final_url, max_bytes=fetcher.max_bytes * 10)
            yield from sitemap_documents(info, fetcher=fetcher, skip=skip)
        elif kind == JSONL:
            raise FeedError("JSON from a URL is not a supported source; save it as a .jsonl file", item=url)
        else:
            yield result.to_document(kind=document_kind(result))
    except SourceError as exc:
        yield as_failure(url, exc)


__all__ = [
    "FeedEntry", "FeedInfo", "FetchResult", "Fetcher", "HttpCache", "MemoryCache", "SitemapEntry", "SitemapInfo",
    "document_kind", "feed_documents", "open_source", "parse_feed", "parse_sitemap", "read_feed", "read_jsonl",
    "read_path", "read_sitemap", "read_stdin", "read_warc", "sitemap_documents", "sniff",
]
