"""Sitemaps: ``urlset`` (with Google News ``news:news`` metadata) and ``sitemapindex``."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime

from lxml import etree

from livebrief.errors import FeedError, SourceError
from livebrief.model import Failure, Hints, RawDocument
from livebrief.sources.failures import as_failure
from livebrief.sources.fetch import Fetcher
from livebrief.sources.sniff import gunzip, is_gzip

#: How many sitemap indexes deep we follow: an index of indexes of sitemaps is 2.
MAX_DEPTH = 3

URLSET, INDEX = "urlset", "sitemapindex"

# No entities, no network, no DTDs: sitemaps come from strangers.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


@dataclass(frozen=True)
class SitemapEntry:
    """A ``<url>`` or ``<sitemap>`` element: its location and any news metadata."""

    loc: str
    lastmod: str | None = None
    title: str | None = None
    published: str | None = None
    language: str | None = None
    outlet: str | None = None

    def hints(self) -> Hints:
        return Hints(title=self.title, published=self.published or self.lastmod, outlet=self.outlet,
                     language=self.language)


@dataclass(frozen=True)
class SitemapInfo:
    """A parsed sitemap: ``kind`` is ``urlset`` (pages) or ``sitemapindex`` (more sitemaps)."""

    url: str
    kind: str
    entries: tuple[SitemapEntry, ...]


def parse_sitemap(body: bytes, *, url: str, max_bytes: int = 50_000_000) -> SitemapInfo:
    """Parse a sitemap or sitemap index, gzip-compressed or not; FeedError when it is neither."""
    if is_gzip(body):
        body = gunzip(body, limit=max_bytes, item=url)
    try:
        root = etree.fromstring(body, parser=_PARSER)
    except etree.XMLSyntaxError as exc:
        raise FeedError(f"sitemap is not well-formed XML: {exc}", item=url) from None
    kind = etree.QName(root).localname
    if kind not in (URLSET, INDEX):
        raise FeedError(f"not a sitemap: root element is <{kind}>", item=url)
    child = "url" if kind == URLSET else "sitemap"
    entries = tuple(e for e in (_entry(el) for el in root if _local(el) == child) if e is not None)
    return SitemapInfo(url=url, kind=kind, entries=entries)


def sitemap_documents(info: SitemapInfo, *, fetcher: Fetcher, max_depth: int = MAX_DEPTH,
                      skip: Callable[[str], bool] | None = None) -> Iterator[RawDocument | Failure]:
    """Fetch the pages a parsed sitemap lists, following indexes up to ``max_depth`` levels.

    Page URLs for which ``skip(url)`` is true (say, already in the store) are not fetched.
    """
    yield from _documents(info, fetcher=fetcher, depth=max_depth, seen={info.url}, skip=skip)


def read_sitemap(url: str, *, fetcher: Fetcher, max_depth: int = MAX_DEPTH,
                 skip: Callable[[str], bool] | None = None) -> Iterator[RawDocument | Failure]:
    """Fetch a sitemap (or index) and the pages it lists; failures are yielded, not raised.

    The iterator is lazy: take what you need (``itertools.islice``) from large sitemaps.
    """
    yield from _read(url, fetcher=fetcher, depth=max_depth, seen={url}, skip=skip)


def _read(url: str, *, fetcher: Fetcher, depth: int, seen: set[str],
          skip: Callable[[str], bool] | None) -> Iterator[RawDocument | Failure]:
    try:
        result = fetcher.fetch(url)
        if result.not_modified:
            return
        # Sitemaps may be up to 50 MB uncompressed, ten times a page's cap.
        info = parse_sitemap(result.body, url=result.final_url, max_bytes=fetcher.max_bytes * 10)
    except SourceError as exc:
        yield as_failure(url, exc)
        return
    yield from _documents(info, fetcher=fetcher, depth=depth, seen=seen, skip=skip)


def _documents(info: SitemapInfo, *, fetcher: Fetcher, depth: int, seen: set[str],
               skip: Callable[[str], bool] | None) -> Iterator[RawDocument | Failure]:
    fresh = [e for e in info.entries if e.loc not in seen]
    seen.update(e.loc for e in fresh)
    for entry in fresh:
        if info.kind == INDEX:
            if depth <= 0:
                yield Failure(stage="source", item=entry.loc, error=FeedError.code,
                              message=f"sitemap index nested too deep under {info.url}; not followed")
            else:
                yield from _read(entry.loc, fetcher=fetcher, depth=depth - 1, seen=seen, skip=skip)
            continue
        if skip is not None and skip(entry.loc):
            continue
        try:
            raw = fetcher.fetch_document(entry.loc, hints=entry.hints(), source=info.url)
        except SourceError as exc:
            yield as_failure(entry.loc, exc)
            continue
        if raw is not None:
            yield raw


def _local(element: etree._Element) -> str:
    # Comments and processing instructions have no tag name.
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _entry(element: etree._Element) -> SitemapEntry | None:
    fields: dict[str, str] = {}
    for child in element:
        name = _local(child)
        if name in ("loc", "lastmod"):
            fields.setdefault(name, (child.text or "").strip())
        elif name == "news":
            # Only news:news holds article metadata; image:title and the like do not describe the page.
            for node in child.iter():
                if _local(node) in ("title", "publication_date", "language", "name") and (node.text or "").strip():
                    fields.setdefault(_local(node), node.text.strip())
    if not fields.get("loc"):
        return None
    return SitemapEntry(
        loc=fields["loc"],
        lastmod=_iso(fields.get("lastmod")),
        title=fields.get("title"),
        published=_iso(fields.get("publication_date")),
        language=fields.get("language"),
        outlet=fields.get("name"),
    )


def _iso(value: str | None) -> str | None:
    """W3C datetime to ISO 8601; dates that do not parse are kept as written."""
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).isoformat()
    except ValueError:
        return value
