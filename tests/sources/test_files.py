"""Local files, folders, JSON lines, gzip and stdin."""

from __future__ import annotations

import gzip
import io
import json
from itertools import islice

import pytest

from livebrief.errors import InputError
from livebrief.model import Failure, RawDocument
from livebrief.sources.files import read_path, read_stdin

PAGE = b"<!DOCTYPE html><html><head><title>Tide tables</title></head><body><p>High tide at noon.</p></body></html>"
FRENCH = ("Le café du port ouvre à l'aube. Les pêcheurs déjeunent là, près de la jetée, avant de reprendre la mer.\n"
          "À midi, la marée haute ramène les bateaux; on décharge le poisson et l'on répare les filets.")


def jsonl(*records: object) -> bytes:
    return b"".join((r if isinstance(r, bytes) else json.dumps(r).encode()) + b"\n" for r in records)


def test_html_file(tmp_path):
    path = tmp_path / "page.html"
    path.write_bytes(PAGE)
    [raw] = read_path(path)
    assert (raw.kind, raw.body, raw.source, raw.content_type) == ("html", PAGE, str(path), "text/html")
    assert raw.encoding is None  # left to extraction, which reads <meta charset>
    assert raw.fetched_at.endswith("+00:00")


def test_text_file_gets_its_encoding_detected(tmp_path):
    path = tmp_path / "note.txt"
    path.write_bytes(FRENCH.encode("cp1252"))
    [raw] = read_path(path)
    assert raw.kind == "text"
    assert raw.body == FRENCH.encode("cp1252")  # bytes kept as they were
    assert raw.encoding == "cp1252"
    assert raw.body.decode(raw.encoding) == FRENCH


@pytest.mark.parametrize("name, kind", [("page.html.gz", "html"), ("page.htm.gz", "html"), ("note.txt.gz", "text")])
def test_gzip_files_are_read_through(tmp_path, name, kind):
    body = PAGE if kind == "html" else b"Plain words about the tide."
    path = tmp_path / name
    path.write_bytes(gzip.compress(body))
    [raw] = read_path(path)
    assert (raw.kind, raw.body) == (kind, body)


def test_truncated_gzip_is_a_failure(tmp_path):
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(PAGE * 50)[:60])
    [failure] = read_path(path)
    assert (failure.stage, failure.error, failure.item) == ("source", "input", str(path))


def test_jsonl_with_a_broken_line(tmp_path):
    path = tmp_path / "articles.jsonl"
    path.write_bytes(jsonl(
        {"url": "https://news.example/a", "title": "Pier vote", "published": "2024-05-06", "text": "The vote passed.",
         "authors": ["Tom Reyes"]},
        b'{"url": "https://news.example/b", "text": "unterminated',
        b"",
        {"html": "<p>Some markup</p>", "date": "2024-05-07", "source": "Valley Courier", "author": "Lena Ortiz"},
        {"url": "https://news.example/d", "title": "No body"},
        ["not", "an", "object"],
    ))
    items = list(read_path(path))
    assert [type(i).__name__ for i in items] == ["RawDocument", "Failure", "RawDocument", "Failure", "Failure"]
    text, broken, markup, empty, listed = items

    assert (text.kind, text.body, text.url, text.encoding) == ("text", b"The vote passed.", "https://news.example/a",
                                                              "utf-8")
    assert (text.hints.title, text.hints.published, text.hints.authors) == ("Pier vote", "2024-05-06", ("Tom Reyes",))
    assert text.source == f"{path}:1"

    assert (broken.stage, broken.error, broken.item) == ("source", "input", f"{path}:2")
    assert broken.message.startswith("line 2: not valid JSON")

    assert (markup.kind, markup.body) == ("html", b"<p>Some markup</p>")
    assert (markup.hints.published, markup.hints.outlet, markup.hints.authors) == (
        "2024-05-07", "Valley Courier", ("Lena Ortiz",))

    assert empty.message == "line 5: record has neither text nor html"
    assert "expected a JSON object" in listed.message


def test_jsonl_gz_streams(tmp_path):
    path = tmp_path / "articles.jsonl.gz"
    path.write_bytes(gzip.compress(jsonl(*({"text": f"Story {n}."} for n in range(5)))))
    assert [r.body for r in read_path(path)] == [f"Story {n}.".encode() for n in range(5)]


def test_truncated_jsonl_gz_keeps_the_records_before(tmp_path):
    path = tmp_path / "articles.jsonl.gz"
    records = [{"text": f"Story number {n} " + "word " * 200} for n in range(50)]
    data = gzip.compress(jsonl(*records))
    path.write_bytes(data[: len(data) // 2])
    items = list(read_path(path))
    assert isinstance(items[-1], Failure)
    assert "records before the damage were kept" in items[-1].message
    assert sum(isinstance(i, RawDocument) for i in items) > 0


def test_folder_is_read_in_sorted_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.html").write_bytes(PAGE)
    (tmp_path / "b" / "a.txt").write_bytes(b"text a")
    (tmp_path / "a.html.gz").write_bytes(gzip.compress(PAGE))
    (tmp_path / "c.jsonl").write_bytes(jsonl({"text": "from jsonl"}))
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")  # not an input type: skipped
    (tmp_path / ".hidden.html").write_bytes(PAGE)
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.html").write_bytes(PAGE)
    sources = [r.source for r in read_path(tmp_path)]
    assert sources == [str(tmp_path / "a.html.gz"), str(tmp_path / "b" / "a.txt"), str(tmp_path / "b" / "z.html"),
                       f"{tmp_path / 'c.jsonl'}:1"]


def test_unknown_suffix_is_sniffed(tmp_path):
    page, text = tmp_path / "page.php", tmp_path / "README"
    page.write_bytes(PAGE)
    text.write_bytes(b"Just words.")
    assert [r.kind for r in read_path(page)] + [r.kind for r in read_path(text)] == ["html", "text"]


def test_missing_path_raises(tmp_path):
    with pytest.raises(InputError, match="no such file or folder"):
        list(read_path(tmp_path / "nope"))


@pytest.mark.parametrize("body, kinds", [
    (PAGE, ["html"]),
    (b"  \n<p>A fragment of markup</p>", ["html"]),
    (b"Just a paragraph of words.\nAnd another.", ["text"]),
    (jsonl({"text": "one"}, {"text": "two"}), ["text", "text"]),
    (gzip.compress(PAGE), ["html"]),
    (b"", []),
])
def test_stdin(body, kinds):
    items = list(read_stdin(io.BytesIO(body)))
    assert [i.kind for i in items] == kinds
    assert all(i.source.startswith("-") for i in items)


def test_stdin_defaults_to_the_process_stdin(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"Words from a pipe.")))
    [raw] = read_stdin()
    assert (raw.kind, raw.body, raw.source) == ("text", b"Words from a pipe.", "-")


def test_real_gzipped_pages(shared):
    folder = shared / "data" / "scrapinghub-article-extraction-benchmark" / "input" / "html"
    if not folder.is_dir():
        pytest.skip(f"{folder} is missing")
    items = list(islice(read_path(folder), 20))
    assert len(items) == 20
    assert all(isinstance(i, RawDocument) and i.kind == "html" for i in items)
    assert all(b"<" in i.body[:2000] for i in items)
    assert [i.source for i in items] == sorted(i.source for i in items)


def test_real_jsonl_corpus(shared):
    path = shared / "data" / "guardian-syria-sdf-sample" / "input" / "articles.jsonl"
    if not path.is_file():
        pytest.skip(f"{path} is missing")
    items = list(read_path(path))
    assert len(items) == 249
    assert all(isinstance(i, RawDocument) and i.kind == "text" for i in items)
    assert all(i.hints.published and i.hints.outlet == "Guardian" for i in items)
