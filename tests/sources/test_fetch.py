"""Fetcher against a real local HTTP server: politeness, caching, retries, limits."""

from __future__ import annotations

import logging
import threading
from datetime import datetime, timezone

import httpx
import pytest

from livebrief.errors import (
    BlockedAddress,
    FetchError,
    FetchTimeout,
    HttpStatusError,
    RobotsDisallowed,
    TooLarge,
    TooManyRedirects,
)
from livebrief.model import Hints
from livebrief.sources.cache import HttpCache, MemoryCache
from livebrief.sources.fetch import parse_retry_after
from livebrief.sources.ratelimit import HostRateLimiter


def test_fetches_a_page_with_our_user_agent(server, make_fetcher):
    result = make_fetcher().fetch(server.url("/pages/one.html"))
    assert result.status == 200
    assert result.final_url == result.url == server.url("/pages/one.html")
    assert b"Ferry service resumes" in result.body
    assert (result.content_type, result.encoding) == ("text/html", "utf-8")
    assert result.not_modified is False
    page_request = server.requests[-1]
    assert page_request.headers["user-agent"].startswith("livebrief/")
    assert "+https://" in page_request.headers["user-agent"]


def test_follows_a_relative_redirect(server, make_fetcher):
    result = make_fetcher().fetch(server.url("/moved"))
    assert result.url == server.url("/moved")
    assert result.final_url == server.url("/pages/one.html")
    assert b"Ferry" in result.body


def test_conditional_get_after_an_etag(server, make_fetcher):
    cache = MemoryCache()
    assert isinstance(cache, HttpCache)
    fetcher = make_fetcher(cache=cache)
    first = fetcher.fetch(server.url("/etag"))
    assert (first.status, first.etag) == (200, '"v1"')
    assert cache.get_validators(server.url("/etag")) == ('"v1"', "Tue, 07 May 2024 08:00:00 GMT")

    second = fetcher.fetch(server.url("/etag"))
    assert second.status == 304 and second.not_modified and second.body == b""
    assert second.etag == '"v1"'
    sent = server.requests[-1].headers
    assert sent["if-none-match"] == '"v1"'
    assert sent["if-modified-since"] == "Tue, 07 May 2024 08:00:00 GMT"
    assert fetcher.fetch_document(server.url("/etag")) is None


def test_429_waits_as_long_as_retry_after_says(server, make_fetcher, fake_time):
    result = make_fetcher().fetch(server.url("/flaky-429"))
    assert result.status == 200
    assert fake_time.sleeps == [1.0]
    assert server.hits["/flaky-429"] == 2


def test_500_then_200_backs_off_once(server, make_fetcher, fake_time):
    result = make_fetcher(backoff=0.5).fetch(server.url("/flaky-500"))
    assert result.status == 200
    assert fake_time.sleeps == [0.5]


def test_persistent_500_gives_up_after_the_retries(server, make_fetcher, fake_time):
    with pytest.raises(HttpStatusError) as caught:
        make_fetcher(retries=3, backoff=0.5).fetch(server.url("/always-500"))
    assert caught.value.status == 500
    assert caught.value.item == server.url("/always-500")
    assert str(caught.value).startswith("HTTP 500")
    assert str(caught.value).endswith("after 3 retries")
    assert fake_time.sleeps == [0.5, 1.0, 2.0]  # exponential
    assert server.hits["/always-500"] == 4


def test_retry_after_date_is_capped(server, make_fetcher, fake_time):
    result = make_fetcher(max_retry_after=5.0).fetch(server.url("/retry-date"))
    assert result.status == 200
    assert fake_time.sleeps == [5.0]


def test_404_is_not_retried(server, make_fetcher, fake_time):
    with pytest.raises(HttpStatusError) as caught:
        make_fetcher().fetch(server.url("/missing.html"))
    assert caught.value.status == 404
    assert "after" not in str(caught.value)
    assert fake_time.sleeps == []


def test_dropped_connections_are_retried_then_reported(server, make_fetcher, fake_time):
    with pytest.raises(FetchError) as caught:
        make_fetcher(retries=2, backoff=0.5).fetch(server.url("/drop"))
    assert "failed after 2 retries" in str(caught.value)
    assert fake_time.sleeps == [0.5, 1.0]


@pytest.mark.parametrize("value, expected", [
    (None, None),
    ("", None),
    ("7", 7.0),
    (" 120 ", 120.0),
    ("Wed, 01 May 2024 10:00:30 GMT", 30.0),
    ("Wed, 01 May 2024 09:00:00 GMT", 0.0),  # in the past: go now
    ("soon", None),
])
def test_parse_retry_after(value, expected):
    now = datetime(2024, 5, 1, 10, 0, 0, tzinfo=timezone.utc)
    assert parse_retry_after(value, now=now) == expected


def test_redirect_loop_is_detected(server, make_fetcher):
    with pytest.raises(TooManyRedirects) as caught:
        make_fetcher().fetch(server.url("/loop-a"))
    assert "loop" in str(caught.value)
    assert server.hits["/loop-a"] == 1 and server.hits["/loop-b"] == 1


def test_redirect_chain_over_the_cap(server, make_fetcher):
    with pytest.raises(TooManyRedirects) as caught:
        make_fetcher(max_redirects=3).fetch(server.url("/chain/1"))
    assert "more than 3 redirects" in str(caught.value)
    assert sum(1 for p in server.paths() if p.startswith("/chain/")) == 4


def test_slow_server_times_out(server, make_fetcher):
    with pytest.raises(FetchTimeout) as caught:
        make_fetcher(read_timeout=0.3).fetch(server.url("/slow"))
    assert "0.3 s" in str(caught.value)
    assert caught.value.item == server.url("/slow")


@pytest.mark.parametrize("path", ["/big", "/big-stream"])
def test_body_over_the_cap(server, make_fetcher, path):
    with pytest.raises(TooLarge) as caught:
        make_fetcher(max_bytes=2000).fetch(server.url(path))
    assert caught.value.limit == 2000
    assert "body larger than 2000 bytes" in str(caught.value)


def test_body_under_the_cap(server, make_fetcher):
    assert len(make_fetcher(max_bytes=3000).fetch(server.url("/big-stream")).body) == 3000


def test_robots_disallow(server, make_fetcher):
    fetcher = make_fetcher()
    with pytest.raises(RobotsDisallowed) as caught:
        fetcher.fetch(server.url("/private/secret.html"))
    assert str(caught.value) == f"robots.txt of {server.base[7:]} disallows /private/secret.html"
    fetcher.fetch(server.url("/pages/one.html"))
    fetcher.fetch(server.url("/pages/two.html"))
    assert server.hits["/robots.txt"] == 1  # cached per host
    assert "/private/secret.html" not in server.paths()


def test_robots_ignored_when_told(server, make_fetcher):
    result = make_fetcher(respect_robots=False).fetch(server.url("/private/secret.html"))
    assert result.status == 200
    assert "/robots.txt" not in server.paths()


@pytest.mark.parametrize("status", [404, 500])
def test_failing_robots_allows_all(server, make_fetcher, fake_time, caplog, status):
    server.robots = status
    with caplog.at_level(logging.WARNING, logger="livebrief.sources.robots"):
        assert make_fetcher().fetch(server.url("/private/secret.html")).status == 200
    assert fake_time.sleeps == []  # robots.txt is not retried
    warned = any("robots.txt" in r.getMessage() for r in caplog.records)
    assert warned is (status == 500)


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
def test_private_addresses_blocked_when_asked(server, make_fetcher, host):
    url = server.url("/pages/one.html").replace("127.0.0.1", host)
    with pytest.raises(BlockedAddress) as caught:
        make_fetcher(allow_private=False).fetch(url)
    assert "loopback" in str(caught.value)
    assert server.requests == []  # nothing reached the server, not even robots.txt


def test_private_address_blocked_on_a_redirect_hop(make_fetcher):
    # A public literal address that redirects inward; the transport stands in for the internet.
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        return httpx.Response(302, headers={"Location": "http://10.1.2.3/admin"})

    fetcher = make_fetcher(allow_private=False, transport=httpx.MockTransport(handler))
    with pytest.raises(BlockedAddress) as caught:
        fetcher.fetch("http://93.184.216.34/story")
    assert "10.1.2.3 is a private address" in str(caught.value)
    assert caught.value.item == "http://93.184.216.34/story"
    assert not any("10.1.2.3" in url for url in seen)


def test_only_http_urls(make_fetcher):
    with pytest.raises(FetchError, match="not an http"):
        make_fetcher().fetch("ftp://example.org/file.html")


def test_fetch_document_kinds(server, make_fetcher):
    fetcher = make_fetcher()
    hints = Hints(title="From the feed")
    page = fetcher.fetch_document(server.url("/pages/one.html"), hints=hints, source="feed-x")
    assert (page.kind, page.hints, page.source, page.url) == ("html", hints, "feed-x", server.url("/pages/one.html"))
    assert fetcher.fetch_document(server.url("/plain")).kind == "text"
    assert fetcher.fetch_document(server.url("/octet")).kind == "html"  # sniffed
    with pytest.raises(FetchError, match="content type application/pdf"):
        fetcher.fetch_document(server.url("/pdf"))


def test_rate_limit_spaces_requests_to_one_host(server, make_fetcher, fake_time):
    fetcher = make_fetcher(rate_limit=1.0)
    fetcher.fetch(server.url("/pages/one.html"))  # robots.txt, then the page
    fetcher.fetch(server.url("/pages/two.html"))
    assert fake_time.sleeps == [1.0, 1.0]


def test_rate_limiter_per_host_and_across_threads():
    sleeps: list[float] = []
    lock = threading.Lock()

    def sleep(seconds: float) -> None:
        with lock:
            sleeps.append(seconds)

    limiter = HostRateLimiter(2.0, clock=lambda: 100.0, sleep=sleep)  # a clock that stands still
    threads = [threading.Thread(target=limiter.wait, args=("a.example",)) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert limiter.wait("b.example") == 0.0  # another host has its own budget
    assert sorted(sleeps) == [0.5, 1.0, 1.5]  # four slots, 0.5 s apart, none shared


def test_rate_limit_zero_means_unlimited():
    limiter = HostRateLimiter(0, clock=lambda: 0.0, sleep=lambda s: pytest.fail("slept"))
    assert limiter.wait("a.example") == limiter.wait("a.example") == 0.0


def test_crawl_delay_slows_down_one_host(server, make_fetcher, fake_time):
    server.robots = b"User-agent: *\nCrawl-delay: 3\n"
    fetcher = make_fetcher(rate_limit=0.0)
    for page in ("one", "two", "three"):
        fetcher.fetch(server.url(f"/pages/{page}.html"))
    assert fake_time.sleeps == [3.0, 3.0]
