"""A tiny corpus written by the tests (every input kind a batch reads, whole and damaged), and output readers.

The corpus gives 16 articles and 4 failures (3 while reading, 1 in extraction) with the live path.
"""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pyarrow.dataset as ds
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

DATE = "2024-05-07T10:00:00Z"
PLACES = ["Kyiv", "Kharkiv", "Odesa", "Lviv", "Dnipro", "Mykolaiv", "Sumy", "Poltava"]


def story(n: int) -> str:
    """A short news text that differs in its numbers and places from story to story."""
    place = PLACES[n % len(PLACES)]
    return (f"Officials in {place} said on Tuesday that {n + 3} people were hurt when a drone struck a depot. "
            f"\"We are still counting the damage,\" Mayor Olena Petrenko told Reuters in {place}. "
            f"Emergency crews worked through the night, and {n * 10 + 40} residents were moved to shelters. "
            f"The regional governor said repairs to the power line would take {n % 5 + 2} days.")


def page(n: int) -> bytes:
    paragraphs = "".join(f"<p>{sentence.strip()}.</p>" for sentence in story(n).split(". ") if sentence.strip())
    return (f"<html><head><title>Depot struck in {PLACES[n % len(PLACES)]}, story {n}</title></head><body>"
            f"<nav>Home | World | Sport</nav><article><h1>Depot struck, story {n}</h1>{paragraphs}</article>"
            f"<footer>Copyright News Example</footer></body></html>").encode()


def write_warc(path: Path, numbers: list[int], *, compress: bool = True) -> Path:
    """HTML responses for ``numbers``, with a request and an image between them (not articles)."""
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=compress)
        for i, n in enumerate(numbers):
            url = f"https://news.example/{path.stem.split('.')[0]}/{n}"
            writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(
                b"GET / HTTP/1.1\r\nHost: news.example\r\n\r\n"), warc_headers_dict={"WARC-Date": DATE}))
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(page(n)),
                                                          http_headers=headers, warc_headers_dict={"WARC-Date": DATE}))
            if i == 1:
                image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
                writer.write_record(writer.create_warc_record("https://news.example/logo.png", "response",
                                                              payload=io.BytesIO(b"\x89PNG...."), http_headers=image,
                                                              warc_headers_dict={"WARC-Date": DATE}))
    return path


def jsonl_records(numbers: list[int], *, prefix: str) -> list[str]:
    return [json.dumps({"url": f"https://wire.example/{prefix}/{n}", "title": f"Wire story {n}",
                        "published": "2024-05-07T09:00:00+00:00", "outlet": "Wire Example", "text": story(n)})
            for n in numbers]


def write_corpus(root: Path, *, crash_marker: str | None = None) -> Path:
    """The corpus under ``root/corpus``: 2 WARCs (one truncated), 2 JSONL (one a truncated gzip), loose pages."""
    corpus = root / "corpus"
    (corpus / "pages").mkdir(parents=True)
    write_warc(corpus / "crawl.warc.gz", [0, 1, 2, 3, 4])
    damaged = write_warc(corpus / "damaged.warc.gz", [5, 6, 7]).read_bytes()
    (corpus / "damaged.warc.gz").write_bytes(damaged[:-40])  # cut inside the last record

    lines = jsonl_records([10, 11, 12], prefix="a")
    lines.insert(1, "{not json")
    lines.insert(2, "")
    # The same text as wire story 10 under another URL: an exact copy for `load` to link.
    lines.append(json.dumps({"url": "https://mirror.example/10", "title": "Wire story 10 (mirror)", "text": story(10)}))
    lines.append(json.dumps({"url": "https://wire.example/de/1", "title": "Drohne", "language": "de",
                             "text": "Die Behörden teilten am Dienstag mit, dass eine Drohne ein Depot getroffen "
                                     "habe und mehrere Menschen verletzt worden seien."}))
    if crash_marker:
        lines.append(json.dumps({"url": "https://wire.example/crash", "title": "crash",
                                 "text": f"{crash_marker} {story(13)}"}))
    (corpus / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")

    packed = gzip.compress(("\n".join(jsonl_records([20, 21, 22, 23], prefix="gz")) + "\n").encode())
    (corpus / "cut.jsonl.gz").write_bytes(packed[: len(packed) * 2 // 3])

    for n in (30, 31, 32):
        (corpus / "pages" / f"page-{n}.html").write_bytes(page(n))
    (corpus / "pages" / "note-40.txt").write_text(f"Depot fire update\n\n{story(40)}\n", encoding="utf-8")
    (corpus / "pages" / "tiny.txt").write_text("Too short.\n", encoding="utf-8")
    return corpus


def rows(out: Path, table: str) -> list[dict]:
    """A table's rows in a stable order, failure timestamps left out (they say when, not what)."""
    found = ds.dataset(out / table, format="parquet").to_table().to_pylist()
    for row in found:
        row.pop("at", None)
    return sorted(found, key=lambda r: (r["partition"], r.get("position") or 0, r.get("article_id") or "",
                                        r.get("index") or 0))


def all_rows(out: Path) -> dict[str, list[dict]]:
    from livebrief.batch.tables import TABLES

    return {table: rows(out, table) for table in TABLES}
