"""News sitemaps and sitemap indexes."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from livebrief.errors import FeedError, InputError
from livebrief.model import Failure, RawDocument
from livebrief.sources.sitemaps import INDEX, URLSET, parse_sitemap, read_sitemap

SITEMAPS = Path(__file__).parent / "fixtures" / "sitemaps"
BASE = "http://news.example"


def load(name: str) -> bytes:
    return (SITEMAPS / name).read_bytes().replace(b"BASE_URL", BASE.encode())


def test_news_sitemap():
    info = parse_sitemap(load("news.xml"), url=f"{BASE}/sitemaps/news.xml")
    assert info.kind == URLSET
    first, second, third = info.entries
    assert first.loc == f"{BASE}/pages/one.html"
    assert first.title == "Ferry service resumes after storm"  # news:title, not image:title
    assert first.published == "2024-05-07T09:30:00+02:00"
    assert (first.language, first.outlet) == ("en", "Harbour Gazette")
    hints = first.hints()
    assert (hints.title, hints.outlet, hints.language) == (first.title, "Harbour Gazette", "en")
    assert second.lastmod == "2024-05-05T00:00:00"
    assert second.hints().published == second.lastmod  # no news date: lastmod stands in
    assert third.title is None


def test_sitemap_index():
    info = parse_sitemap(load("index.xml"), url=f"{BASE}/sitemaps/index.xml")
    assert info.kind == INDEX
    assert [e.loc for e in info.entries][:2] == [f"{BASE}/sitemaps/news.xml", f"{BASE}/sitemaps/more.xml"]
    assert info.entries[0].lastmod == "2024-05-07T10:00:00+00:00"


def test_gzipped_sitemap():
    info = parse_sitemap(gzip.compress(load("news.xml")), url=f"{BASE}/sitemap.xml.gz")
    assert len(info.entries) == 3


def test_gzip_bomb_is_refused():
    with pytest.raises(InputError, match="larger than 1000 bytes"):
        parse_sitemap(gzip.compress(b" " * 100_000), url=f"{BASE}/s.xml.gz", max_bytes=1000)


@pytest.mark.parametrize("body, message", [
    (b"<urlset><url><loc>x</loc>", "not well-formed"),
    (b"<html><body>hi</body></html>", "root element is <html>"),
    (b"", "not well-formed"),
])
def test_not_a_sitemap(body, message):
    with pytest.raises(FeedError, match=message):
        parse_sitemap(body, url=f"{BASE}/sitemap.xml")


def test_external_entities_are_not_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    body = (f'<?xml version="1.0"?><!DOCTYPE urlset [<!ENTITY leak SYSTEM "file://{secret}">]>'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            '<url><loc>http://news.example/a</loc><news:news xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
            '<news:title>&leak;</news:title></news:news></url></urlset>').encode()
    info = parse_sitemap(body, url=f"{BASE}/sitemap.xml")
    assert "TOP-SECRET" not in repr(info)


def test_read_sitemap_index(server, make_fetcher):
    items = list(read_sitemap(server.url("/sitemaps/index.xml"), fetcher=make_fetcher()))
    docs = [i for i in items if isinstance(i, RawDocument)]
    failures = {f.item: f for f in items if isinstance(f, Failure)}
    # news.xml gives one and three (secret is robots-blocked), more.xml adds two; one is not fetched twice.
    assert [d.url for d in docs] == [server.url(p) for p in ("/pages/one.html", "/pages/three.html",
                                                             "/pages/two.html")]
    assert docs[0].hints.title == "Ferry service resumes after storm"
    assert docs[0].source == server.url("/sitemaps/news.xml")
    assert set(failures) == {server.url("/private/secret.html"), server.url("/sitemaps/missing.xml")}
    assert server.hits["/sitemaps/index.xml"] == 1  # the index lists itself; not read again


def test_nesting_is_capped(server, make_fetcher):
    items = list(read_sitemap(server.url("/sitemaps/deep.xml"), fetcher=make_fetcher(), max_depth=1))
    assert all(isinstance(i, Failure) for i in items)
    assert {i.item for i in items} == {server.url(p) for p in ("/sitemaps/news.xml", "/sitemaps/more.xml",
                                                               "/sitemaps/missing.xml")}
    assert all("nested too deep" in i.message for i in items)
    assert "/sitemaps/news.xml" not in server.paths()


def test_known_pages_are_skipped(server, make_fetcher):
    known = {server.url("/pages/one.html"), server.url("/private/secret.html")}
    items = list(read_sitemap(server.url("/sitemaps/news.xml"), fetcher=make_fetcher(), skip=known.__contains__))
    assert [i.url for i in items] == [server.url("/pages/three.html")]
