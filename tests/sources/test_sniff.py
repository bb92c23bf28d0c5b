"""What a body is, from its first bytes."""

from __future__ import annotations

import codecs

import pytest

from livebrief.sources.sniff import sniff, split_content_type


@pytest.mark.parametrize("body, expected", [
    (b'<?xml version="1.0"?>\n<rss version="2.0"><channel/></rss>', "feed"),
    (b'\xef\xbb\xbf<?xml version="1.0"?><!-- generated --><feed xmlns="http://www.w3.org/2005/Atom"/>', "feed"),
    (b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="x"><channel/></rdf:RDF>', "feed"),
    (codecs.BOM_UTF16_LE + '<?xml version="1.0"?><rss/>'.encode("utf-16-le"), "feed"),
    (b'<?xml version="1.0"?><?xml-stylesheet href="s.xsl"?><urlset xmlns="x"/>', "sitemap"),
    (b"<sitemapindex><sitemap/></sitemapindex>", "sitemap"),
    (b"<!DOCTYPE html>\n<html><body>hi</body></html>", "html"),
    (b"   <div>fragment</div>", "html"),
    (b'{"text": "one"}\n{"text": "two"}\n', "jsonl"),
    (b"Plain words, no markup.", "text"),
    (b"Intro line\n<p>then a paragraph</p>", "html"),
    (b"", "text"),
])
def test_sniff(body, expected):
    assert sniff(body) == expected


def test_content_type_decides_only_when_the_body_does_not():
    assert sniff(b"no markup here", content_type="text/html") == "html"
    assert sniff(b"<rss version='2.0'/>", content_type="text/html") == "feed"


@pytest.mark.parametrize("value, expected", [
    (None, (None, None)),
    ("text/html", ("text/html", None)),
    ('Text/HTML; Charset="ISO-8859-1"', ("text/html", "iso-8859-1")),
    ("application/xml; q=1; charset=utf-8", ("application/xml", "utf-8")),
])
def test_split_content_type(value, expected):
    assert split_content_type(value) == expected
