"""RSS and Atom feeds: parsing fixtures, then reading them over HTTP."""

from __future__ import annotations

from pathlib import Path

import pytest

from livebrief.errors import FeedError
from livebrief.model import Failure, RawDocument
from livebrief.sources.cache import MemoryCache
from livebrief.sources.feeds import parse_feed, read_feed

FEEDS = Path(__file__).parent / "fixtures" / "feeds"
BASE = "http://news.example"


def load(name: str) -> bytes:
    return (FEEDS / name).read_bytes().replace(b"BASE_URL", BASE.encode())


def test_rss20():
    info = parse_feed(load("rss20.xml"), url=f"{BASE}/feeds/rss20.xml")
    assert (info.title, info.language, info.version) == ("Harbour Gazette", "en-gb", "rss20")
    first = info.entries[0]
    assert first.link == f"{BASE}/pages/one.html"
    assert first.title == "Ferry service resumes after storm"
    assert first.published == "2024-05-07T07:30:00+00:00"  # +0200 brought to UTC
    assert first.authors == ("Mira Holt",)
    assert first.summary == "The morning ferry sailed again on Tuesday."  # markup removed
    assert info.entries[1].authors == ("Tom Reyes",)  # RSS 2.0 <author> is "email (name)"
    assert info.entries[-1].link is None


def test_rss10():
    info = parse_feed(load("rss10.rdf"), url=f"{BASE}/feeds/rss10.rdf")
    assert (info.title, info.version) == ("Valley Courier", "rss10")
    [entry] = info.entries
    assert entry.link == f"{BASE}/pages/three.html"
    assert entry.published == "2024-05-05T12:00:00+00:00"
    assert entry.authors == ("Lena Ortiz",)


def test_atom():
    info = parse_feed(load("atom.xml"), url=f"{BASE}/feeds/atom.xml")
    assert (info.title, info.version, info.language) == ("Upland Post", "atom10", "en")
    first, second = info.entries
    assert first.link == f"{BASE}/pages/one.html"  # relative href resolved against the feed URL
    assert first.title == "Farmers welcome early rain"
    assert first.published == "2024-05-04T06:15:00+00:00"
    assert first.authors == ("Sam Ito", "Ada Brenner")
    assert second.published == "2024-05-03T16:45:00+00:00"  # no <published>: <updated> stands in


def test_wrong_encoding_declaration_is_recovered():
    info = parse_feed(load("bad-encoding.xml"), url=f"{BASE}/feeds/bad-encoding.xml")
    assert info.title == "Café du Port"
    assert [e.title for e in info.entries] == ["Crème brûlée festival draws crowds"]


def test_an_empty_feed_is_still_a_feed():
    info = parse_feed(load("empty.xml"), url=f"{BASE}/feeds/empty.xml")
    assert (info.title, info.entries) == ("Quiet Times", ())


@pytest.mark.parametrize("body", [
    b"",
    b"this is plain text, not a feed",
    b'{"items": []}',
    (FEEDS / "not-a-feed.xml").read_bytes(),
    b"<rss version='2.0'><channel><title>cut off",
])
def test_not_a_feed(body):
    with pytest.raises(FeedError, match="not an RSS or Atom feed") as caught:
        parse_feed(body, url=f"{BASE}/feed")
    assert caught.value.item == f"{BASE}/feed"


def test_read_feed_fetches_every_entry(server, make_fetcher):
    feed_url = server.url("/feeds/rss20.xml")
    items = list(read_feed(feed_url, fetcher=make_fetcher()))
    docs = [i for i in items if isinstance(i, RawDocument)]
    failures = {f.item: f for f in items if isinstance(f, Failure)}

    assert [d.url for d in docs] == [server.url("/pages/one.html"), server.url("/pages/two.html")]  # duplicate skipped
    first = docs[0]
    assert (first.kind, first.source) == ("html", feed_url)
    assert first.hints.title == "Ferry service resumes after storm"
    assert first.hints.outlet == "Harbour Gazette"
    assert first.hints.published == "2024-05-07T07:30:00+00:00"
    assert b"three days in port" in first.body

    assert failures[server.url("/private/secret.html")].error == "robots"
    assert failures[server.url("/private/secret.html")].stage == "fetch"
    assert failures[server.url("/missing.html")].error == "http_status"
    assert "has no link" in failures[feed_url].message


def test_read_feed_on_a_page_that_is_not_a_feed(server, make_fetcher):
    [failure] = read_feed(server.url("/feeds/not-a-feed.xml"), fetcher=make_fetcher())
    assert (failure.stage, failure.error) == ("source", "feed")


def test_read_feed_that_cannot_be_fetched(server, make_fetcher):
    [failure] = read_feed(server.url("/feeds/nowhere.xml"), fetcher=make_fetcher())
    assert (failure.stage, failure.error, failure.item) == ("fetch", "http_status", server.url("/feeds/nowhere.xml"))


def test_unchanged_feed_yields_nothing(server, make_fetcher):
    fetcher = make_fetcher(cache=MemoryCache())
    url = server.url("/etag")
    assert list(read_feed(url, fetcher=fetcher))  # first time: a (not-a-feed) failure
    assert list(read_feed(url, fetcher=fetcher)) == []  # 304: nothing new


def test_known_links_are_skipped(server, make_fetcher):
    known = {server.url("/pages/one.html"), server.url("/private/secret.html"), server.url("/missing.html")}
    items = list(read_feed(server.url("/feeds/rss20.xml"), fetcher=make_fetcher(), skip=known.__contains__))
    assert [i.url for i in items if isinstance(i, RawDocument)] == [server.url("/pages/two.html")]
    assert "/pages/one.html" not in server.paths()
