"""WARC files written here with warcio, whole and damaged."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from livebrief.model import Failure, RawDocument
from livebrief.sources import open_source
from livebrief.sources.warc import read_warc

DATE = "2024-05-07T10:00:00Z"


def page(n: int) -> bytes:
    return f"<html><head><title>Story {n}</title></head><body><p>{'Harbour news. ' * 80}</p></body></html>".encode()


def write_warc(path: Path, *, compress: bool) -> Path:
    """Three HTML responses, plus records that are not articles: a request, an image, a 404, a redirect."""
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=compress)

        def response(url: str, body: bytes, *, status: str = "200 OK", content_type: str = "text/html; charset=utf-8",
                     extra: list[tuple[str, str]] | None = None) -> None:
            headers = StatusAndHeaders(status, [("Content-Type", content_type), *(extra or [])], protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers,
                                               warc_headers_dict={"WARC-Date": DATE})
            writer.write_record(record)

        request = writer.create_warc_record("https://news.example/1", "request", payload=io.BytesIO(
            b"GET /1 HTTP/1.1\r\nHost: news.example\r\n\r\n"), warc_headers_dict={"WARC-Date": DATE})
        writer.write_record(request)
        response("https://news.example/1", page(1), extra=[("ETag", '"e1"')])
        response("https://news.example/logo.png", b"\x89PNG....", content_type="image/png")
        response("https://news.example/2", gzip.compress(page(2)), extra=[("Content-Encoding", "gzip")])
        response("https://news.example/gone", b"<html>gone</html>", status="404 Not Found")
        response("https://news.example/old", b"", status="301 Moved Permanently")
        response("https://news.example/3", page(3), content_type="application/xhtml+xml")
    return path


@pytest.mark.parametrize("name, compress", [("crawl.warc", False), ("crawl.warc.gz", True)])
def test_html_responses_become_documents(tmp_path, name, compress):
    path = write_warc(tmp_path / name, compress=compress)
    items = list(read_warc(path))
    assert all(isinstance(i, RawDocument) for i in items)
    assert [i.url for i in items] == ["https://news.example/1", "https://news.example/2", "https://news.example/3"]
    first, second, third = items
    assert (first.body, first.kind, first.source, first.etag) == (page(1), "html", str(path), '"e1"')
    assert (first.fetched_at, first.encoding, first.content_type) == ("2024-05-07T10:00:00+00:00", "utf-8",
                                                                      "text/html")
    assert second.body == page(2)  # gzip content encoding undone
    assert third.content_type == "application/xhtml+xml"


def test_truncated_gzip_keeps_what_was_read(tmp_path):
    whole = write_warc(tmp_path / "whole.warc.gz", compress=True).read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(whole[:-30])  # inside the last record
    items = list(read_warc(cut))
    *docs, failure = items
    assert [d.url for d in docs] == ["https://news.example/1", "https://news.example/2"]
    assert isinstance(failure, Failure)
    assert (failure.stage, failure.error, failure.item) == ("source", "input", str(cut))


@pytest.mark.parametrize("fraction", [0.3, 0.5, 0.7, 0.9])
def test_truncated_plain_warc_never_yields_a_short_record(tmp_path, fraction):
    whole = write_warc(tmp_path / "whole.warc", compress=False).read_bytes()
    cut = tmp_path / "cut.warc"
    cut.write_bytes(whole[: int(len(whole) * fraction)])
    items = list(read_warc(cut))
    assert isinstance(items[-1], Failure)
    assert all(i.body == page(int(i.url[-1])) for i in items if isinstance(i, RawDocument))


def test_garbage_between_records(tmp_path):
    whole = write_warc(tmp_path / "whole.warc", compress=False).read_bytes()
    second = whole.index(b"WARC/1", 10)
    bad = tmp_path / "bad.warc"
    bad.write_bytes(whole[:second] + b"THIS IS NOT A WARC RECORD\r\n\r\n" + whole[second:])
    items = list(read_warc(bad))
    assert isinstance(items[-1], Failure)
    assert "corrupt" in items[-1].message


def test_warc_through_open_source_and_folders(tmp_path):
    write_warc(tmp_path / "a.warc.gz", compress=True)
    write_warc(tmp_path / "b.warc", compress=False)
    assert len(list(open_source(str(tmp_path)))) == 6
