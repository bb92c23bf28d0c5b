"""open_source: one entry point for every kind of spec."""

from __future__ import annotations

import gzip
import io
import re

import pytest

from livebrief.errors import InputError
from livebrief.model import Failure, RawDocument
from livebrief.sources import open_source


def kinds(items: list) -> list[str]:
    return [type(i).__name__ for i in items]


@pytest.mark.parametrize("path, expected", [
    ("/feeds/rss10.rdf", ["/pages/three.html"]),
    ("/feeds/atom.xml", ["/pages/one.html", "/pages/two.html"]),
    ("/sitemaps/more.xml", ["/pages/two.html", "/pages/one.html"]),
])
def test_url_of_a_feed_or_sitemap(server, make_fetcher, path, expected):
    items = list(open_source(server.url(path), fetcher=make_fetcher()))
    assert [i.url for i in items] == [server.url(p) for p in expected]
    assert all(isinstance(i, RawDocument) and i.source == server.url(path) for i in items)
    assert server.hits[path] == 1  # fetched once, then sniffed


def test_url_of_a_page(server, make_fetcher):
    [raw] = open_source(server.url("/moved"), fetcher=make_fetcher())
    assert (raw.url, raw.final_url, raw.kind) == (server.url("/moved"), server.url("/pages/one.html"), "html")
    assert raw.source == server.url("/moved")


def test_url_of_plain_text(server, make_fetcher):
    [raw] = open_source(server.url("/plain"), fetcher=make_fetcher())
    assert (raw.kind, raw.body) == ("text", b"Plain words.")


@pytest.mark.parametrize("path, stage, error", [
    ("/missing.html", "fetch", "http_status"),
    ("/private/secret.html", "fetch", "robots"),
    ("/pdf", "fetch", "fetch"),
])
def test_a_failing_url_is_a_failure_not_an_exception(server, make_fetcher, path, stage, error):
    [failure] = open_source(server.url(path), fetcher=make_fetcher())
    assert isinstance(failure, Failure)
    assert (failure.stage, failure.error, failure.item) == (stage, error, server.url(path))


def test_feed_with_bad_entries_goes_on(server, make_fetcher):
    items = list(open_source(server.url("/feeds/rss20.xml"), fetcher=make_fetcher()))
    assert kinds(items).count("RawDocument") == 2
    assert kinds(items).count("Failure") == 3


def test_local_file_folder_and_glob(tmp_path):
    (tmp_path / "a.html").write_bytes(b"<html><body><p>a</p></body></html>")
    (tmp_path / "b.txt.gz").write_bytes(gzip.compress(b"b words"))
    assert [r.kind for r in open_source(str(tmp_path / "a.html"))] == ["html"]
    assert [r.kind for r in open_source(str(tmp_path))] == ["html", "text"]
    assert [r.kind for r in open_source(str(tmp_path / "*.gz"))] == ["text"]


def test_stdin():
    [raw] = open_source("-", stdin=io.BytesIO(b"<p>piped</p>"))
    assert (raw.kind, raw.source) == ("html", "-")


@pytest.mark.parametrize("spec, message", [
    ("no/such/file.html", "no such file or folder"),
    ("no/such/*.html", "no files match"),
    ("ftp://example.org/feed", "no such file or folder, and not an http(s) URL"),
])
def test_unusable_spec_raises_at_the_call(tmp_path, monkeypatch, spec, message):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InputError, match=re.escape(message)):
        open_source(spec)
