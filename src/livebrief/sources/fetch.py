"""The one HTTP client: polite, bounded, and honest about failures.

:class:`Fetcher` wraps a synchronous ``httpx.Client`` and adds what crawling
news sites needs: robots.txt, a per-host rate limit, conditional GET,
retries with backoff that honour ``Retry-After``, a body size cap, manual
redirects with loop detection, and (for the web app) refusal of private
addresses. Every failure raises a :class:`livebrief.errors.FetchError`
subclass whose ``item`` is the URL asked for.
"""

from __future__ import annotations

import email.utils
import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from types import TracebackType
from urllib.parse import urljoin, urlsplit

import httpx

from livebrief.errors import (
    FetchError,
    FetchTimeout,
    HttpStatusError,
    RobotsDisallowed,
    TooLarge,
    TooManyRedirects,
)
from livebrief.model import Hints, RawDocument, utcnow
from livebrief.settings import DEFAULTS, Settings
from livebrief.sources.cache import HttpCache
from livebrief.sources.guard import check_public
from livebrief.sources.ratelimit import HostRateLimiter
from livebrief.sources.robots import RobotsRules
from livebrief.sources.sniff import HTML, sniff, split_content_type

log = logging.getLogger(__name__)

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
KEPT_HEADERS = ("content-type", "content-language", "etag", "last-modified", "date", "cache-control",
                "x-robots-tag")
ACCEPT = ("text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
          "application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5")
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})


def _retryable(status: int) -> bool:
    return status == 429 or status >= 500


@dataclass(frozen=True)
class FetchResult:
    """What one GET returned, after redirects.

    ``url`` is the URL asked for, ``final_url`` the one that answered.
    ``not_modified`` is True for a 304, and then ``body`` is empty.
    """

    url: str
    final_url: str
    status: int
    headers: Mapping[str, str] = field(default_factory=dict)
    body: bytes = b""
    content_type: str | None = None
    encoding: str | None = None
    not_modified: bool = False
    etag: str | None = None
    last_modified: str | None = None
    fetched_at: str = field(default_factory=utcnow)

    def to_document(self, *, hints: Hints | None = None, source: str | None = None, kind: str = HTML) -> RawDocument:
        """This response as a :class:`RawDocument`."""
        return RawDocument(
            body=self.body, kind=kind, url=self.url, final_url=self.final_url, source=source or self.url,
            content_type=self.content_type, encoding=self.encoding, fetched_at=self.fetched_at,
            etag=self.etag, last_modified=self.last_modified, hints=hints or Hints(),
        )


@dataclass(frozen=True)
class _Response:
    url: str
    status: int
    reason: str
    headers: httpx.Headers
    body: bytes
    retries: int


class Fetcher:
    """Polite HTTP GET for news pages, feeds and sitemaps.

    Options come from ``settings`` (the ``fetch.*`` keys). The seams are for
    tests and embedding: ``transport`` replaces the network, ``clock`` (a
    monotonic clock) and ``sleep`` drive rate limits and backoff, ``cache``
    remembers validators for conditional GET. ``allow_private=False`` refuses
    hosts on loopback, private, link-local or reserved addresses, on every
    redirect hop; the web app sets it, the CLI need not.
    """

    def __init__(
        self,
        *,
        settings: Settings = DEFAULTS,
        transport: httpx.BaseTransport | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        cache: HttpCache | None = None,
        allow_private: bool = True,
    ) -> None:
        self.user_agent = settings.user_agent
        self._connect_timeout = float(settings["fetch.connect_timeout"])
        self._read_timeout = float(settings["fetch.read_timeout"])
        self._max_bytes = int(settings["fetch.max_bytes"])
        self._max_redirects = int(settings["fetch.max_redirects"])
        self._retries = int(settings["fetch.retries"])
        self._backoff = float(settings["fetch.backoff"])
        self._max_retry_after = float(settings["fetch.max_retry_after"])
        self._respect_robots = bool(settings["fetch.respect_robots"])
        self._allow_private = allow_private
        self._sleep = sleep
        self._cache = cache
        self._limiter = HostRateLimiter(float(settings["fetch.rate_limit"]), clock=clock, sleep=sleep)
        self._robots = RobotsRules(user_agent=self.user_agent, load=self._load_robots, clock=clock)
        timeout = httpx.Timeout(self._read_timeout, connect=self._connect_timeout)
        self._client = httpx.Client(
            transport=transport, timeout=timeout, follow_redirects=False,
            headers={"User-Agent": self.user_agent, "Accept": ACCEPT},
        )

    @property
    def max_bytes(self) -> int:
        """Largest body accepted, in bytes."""
        return self._max_bytes

    def close(self) -> None:
        """Close the connection pool."""
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def fetch(self, url: str) -> FetchResult:
        """GET ``url`` and return the final response; raise a FetchError subclass on failure."""
        etag, modified = self._cache.get_validators(url) if self._cache else (None, None)
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if modified:
            headers["If-Modified-Since"] = modified
        response = self._follow(url, headers=headers, retries=self._retries, robots=self._respect_robots)
        if response.status == 304:
            log.debug("not modified: %s", url)
            return self._result(url, response, not_modified=True, etag=etag, modified=modified)
        if response.status >= 400 or response.status in REDIRECT_STATUSES:
            raise _status_error(url, response)
        result = self._result(url, response, not_modified=False, etag=etag, modified=modified)
        if self._cache is not None and (result.etag or result.last_modified):
            self._cache.put_validators(url, result.etag, result.last_modified)
        return result

    def fetch_document(self, url: str, *, hints: Hints | None = None, source: str | None = None) -> RawDocument | None:
        """GET a web page as a RawDocument; None only when the server says it is not modified.

        Raises :class:`FetchError` for bodies that are neither HTML nor plain text.
        """
        result = self.fetch(url)
        if result.not_modified:
            return None
        return result.to_document(hints=hints, source=source, kind=document_kind(result))

    # -- internals -------------------------------------------------------------

    def _result(self, url: str, response: _Response, *, not_modified: bool, etag: str | None,
                modified: str | None) -> FetchResult:
        media, charset = split_content_type(response.headers.get("content-type"))
        return FetchResult(
            url=url, final_url=response.url, status=response.status,
            headers={k: response.headers[k] for k in KEPT_HEADERS if k in response.headers},
            body=response.body, content_type=media, encoding=charset,
            not_modified=not_modified,
            etag=response.headers.get("etag") or (etag if not_modified else None),
            last_modified=response.headers.get("last-modified") or (modified if not_modified else None),
        )

    def _follow(self, url: str, *, headers: Mapping[str, str], retries: int, robots: bool) -> _Response:
        chain = [url]
        current = url
        while True:
            self._check_url(current, item=url)
            if robots:
                self._obey_robots(current, item=url)
            response = self._send(current, headers=headers, retries=retries, item=url)
            location = response.headers.get("location")
            if response.status not in REDIRECT_STATUSES or not location:
                return response
            target = urljoin(current, location.strip())
            if target in chain:
                raise TooManyRedirects("redirect loop: " + " -> ".join([*chain, target]), item=url)
            if len(chain) > self._max_redirects:
                raise TooManyRedirects(f"more than {self._max_redirects} redirects, last to {target}", item=url)
            log.debug("redirect %s -> %s", current, target)
            chain.append(target)
            current = target

    def _obey_robots(self, url: str, *, item: str) -> None:
        parts = urlsplit(url)
        if not self._robots.allowed(url):
            raise RobotsDisallowed(f"robots.txt of {parts.netloc} disallows {parts.path or '/'}", item=item)
        delay = self._robots.crawl_delay(url)
        if delay:
            # Capped like Retry-After: a site asking for an hour between pages would stall every run.
            self._limiter.slow_down(parts.netloc.lower(), min(delay, self._max_retry_after))

    def _check_url(self, url: str, *, item: str) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError(f"not an http(s) URL: {url}", item=item)
        if not self._allow_private:
            check_public(url, item=item)

    def _send(self, url: str, *, headers: Mapping[str, str], retries: int, item: str) -> _Response:
        host = urlsplit(url).netloc.lower()
        attempt = 0
        while True:
            self._limiter.wait(host)
            try:
                with self._client.stream("GET", url, headers=headers) as response:
                    status = response.status_code
                    if _retryable(status) and attempt < retries:
                        delay = self._delay(attempt, response.headers.get("retry-after"))
                        log.info("HTTP %s from %s; retry %d in %.1f s", status, url, attempt + 1, delay)
                    else:
                        body = self._read(response, item=item) if 200 <= status < 300 else b""
                        return _Response(url=url, status=status, reason=response.reason_phrase,
                                         headers=response.headers, body=body, retries=attempt)
            except httpx.TimeoutException as exc:
                raise FetchTimeout(self._timeout_message(exc, url), item=item) from None
            except (httpx.NetworkError, httpx.RemoteProtocolError) as exc:
                if attempt >= retries:
                    suffix = f" after {retries} retries" if retries else ""
                    raise FetchError(f"connection to {host} failed{suffix}: {exc}", item=item) from None
                delay = self._delay(attempt, None)
                log.info("connection to %s failed (%s); retry %d in %.1f s", host, exc, attempt + 1, delay)
            except httpx.HTTPError as exc:
                raise FetchError(f"{type(exc).__name__}: {exc}", item=item) from None
            except httpx.InvalidURL as exc:
                raise FetchError(f"invalid URL {url}: {exc}", item=item) from None
            self._sleep(delay)
            attempt += 1

    def _read(self, response: httpx.Response, *, item: str) -> bytes:
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self._max_bytes:
            raise TooLarge(f"body larger than {self._max_bytes} bytes (Content-Length {declared})",
                           item=item, limit=self._max_bytes)
        chunks: list[bytes] = []
        size = 0
        # iter_bytes yields decoded bytes, so the cap also stops gzip bombs.
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > self._max_bytes:
                raise TooLarge(f"body larger than {self._max_bytes} bytes", item=item, limit=self._max_bytes)
            chunks.append(chunk)
        return b"".join(chunks)

    def _delay(self, attempt: int, retry_after: str | None) -> float:
        waited = parse_retry_after(retry_after, now=datetime.now(timezone.utc))
        if waited is not None:
            return min(waited, self._max_retry_after)
        return min(self._backoff * 2.0 ** attempt, self._max_retry_after)

    def _timeout_message(self, exc: httpx.TimeoutException, url: str) -> str:
        host = urlsplit(url).netloc
        if isinstance(exc, httpx.ConnectTimeout):
            return f"connecting to {host} timed out after {self._connect_timeout:g} s"
        if isinstance(exc, httpx.ReadTimeout):
            return f"{host} sent no data for {self._read_timeout:g} s"
        return f"request to {host} timed out ({type(exc).__name__})"

    def _load_robots(self, robots_url: str) -> bytes:
        # No retries: a host whose robots.txt fails is treated as allowing all,
        # and retrying would add the whole backoff to the first fetch of every host.
        response = self._follow(robots_url, headers={}, retries=0, robots=False)
        if response.status >= 400 or response.status in REDIRECT_STATUSES:
            raise _status_error(robots_url, response)
        return response.body


def document_kind(result: FetchResult) -> str:
    """``html`` or ``text`` for a fetched page; FetchError for anything else (PDF, images...)."""
    if result.content_type in _HTML_TYPES:
        return HTML
    if result.content_type == "text/plain":
        return "text"
    if result.content_type is None or sniff(result.body, content_type=result.content_type) == HTML:
        return HTML
    raise FetchError(f"not a web page: content type {result.content_type}", item=result.url)


def parse_retry_after(value: str | None, *, now: datetime) -> float | None:
    """Seconds to wait from a Retry-After header (seconds or HTTP date); None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - now).total_seconds())


def _status_error(url: str, response: _Response) -> HttpStatusError:
    message = f"HTTP {response.status}"
    if response.reason:
        message += f" {response.reason}"
    if response.retries:
        message += f" after {response.retries} retries"
    if response.status in REDIRECT_STATUSES:
        message += " without a Location header"
    return HttpStatusError(message, item=url, status=response.status)
