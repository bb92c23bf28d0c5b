"""Local inputs: HTML and text files, JSON lines, gzip variants, folders and stdin.

Bytes are kept as bytes; decoding belongs to extraction. For plain text we do
detect the encoding (charset-normalizer) so extraction need not guess.
"""

from __future__ import annotations

import gzip
import json
import logging
import os
import sys
import zlib
from collections.abc import Iterable, Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, BinaryIO

from charset_normalizer import from_bytes

from livebrief.errors import InputError
from livebrief.model import Failure, Hints, RawDocument, utcnow
from livebrief.sources.failures import as_failure
from livebrief.sources.sniff import HTML, JSONL, TEXT, is_gzip, sniff
from livebrief.sources.warc import read_warc

log = logging.getLogger(__name__)

WARC = "warc"
SUFFIXES = {
    ".html": HTML, ".htm": HTML, ".xhtml": HTML,
    ".txt": TEXT, ".text": TEXT,
    ".jsonl": JSONL, ".ndjson": JSONL,
    ".warc": WARC, ".arc": WARC,
}
_CONTENT_TYPES = {HTML: "text/html", TEXT: "text/plain"}
# Record fields and the names other datasets use for them, most specific first.
_FIELDS = {
    "url": ("url", "link"),
    "title": ("title", "headline"),
    "published": ("published", "date", "published_at", "pubdate"),
    "language": ("language", "lang"),
    "outlet": ("outlet", "source", "site", "publisher"),
    "summary": ("summary", "description"),
}


def file_format(path: Path) -> str | None:
    """``html``, ``text``, ``jsonl`` or ``warc`` from the file name (``.gz`` looked through), else None."""
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    return next((fmt for suffix, fmt in SUFFIXES.items() if name.endswith(suffix)), None)


def read_path(path: str | os.PathLike[str]) -> Iterator[RawDocument | Failure]:
    """Documents from a file or a folder (recursed in sorted order; unknown and hidden files skipped).

    Raises :class:`InputError` when the path does not exist.
    """
    path = Path(path)
    if path.is_dir():
        for file in walk_folder(path):
            if file_format(file) is None:
                log.debug("skipping %s: not an input file type", file)
                continue
            yield from read_file(file)
    elif path.exists():
        yield from read_file(path)
    else:
        raise InputError(f"no such file or folder: {path}", item=str(path))


def read_file(path: Path) -> Iterator[RawDocument | Failure]:
    """Documents from one file; the format comes from its name, or from its content when the name says nothing."""
    fmt = file_format(path)
    if fmt == WARC:
        yield from read_warc(path)
        return
    if fmt == JSONL:
        yield from _read_jsonl_file(path)
        return
    try:
        body = _read_bytes(path)
    except InputError as exc:
        yield as_failure(str(path), exc)
        return
    fetched_at = _mtime(path)
    fmt = fmt or sniff(body)
    if fmt == JSONL:
        yield from read_jsonl(body.splitlines(), source=str(path), fetched_at=fetched_at)
    else:
        yield _document(body, kind=HTML if fmt == HTML else TEXT, source=str(path), fetched_at=fetched_at)


def read_stdin(stream: BinaryIO | None = None) -> Iterator[RawDocument | Failure]:
    """Documents from standard input (or ``stream``): HTML, text or JSON lines, gzip or not."""
    stream = stream if stream is not None else sys.stdin.buffer
    body = stream.read()
    if is_gzip(body):
        try:
            body = gzip.decompress(body)
        except (OSError, EOFError, zlib.error) as exc:
            yield Failure(stage="source", item="-", error=InputError.code, message=f"bad gzip data on stdin: {exc}")
            return
    kind = sniff(body)
    if kind == JSONL:
        yield from read_jsonl(body.splitlines(), source="-")
    elif body.strip():
        yield _document(body, kind=TEXT if kind == TEXT else HTML, source="-")


def read_jsonl(lines: Iterable[bytes], *, source: str,
               fetched_at: str | None = None) -> Iterator[RawDocument | Failure]:
    """One document per JSON object; a bad line becomes a Failure naming its line number, and reading goes on.

    A record has ``text`` (plain text) or ``html`` and optionally ``url``,
    ``title``, ``published``, ``authors``, ``language``, ``outlet``, ``summary``
    (common aliases such as ``date`` and ``link`` are accepted). When both
    ``text`` and ``html`` are present, ``text`` wins: it is already the article.
    """
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        item = f"{source}:{number}"
        try:
            yield _record(line, item=item, fetched_at=fetched_at)
        except InputError as exc:
            yield as_failure(item, exc)


def _record(line: bytes, *, item: str, fetched_at: str | None) -> RawDocument:
    try:
        data = json.loads(line)
    except (ValueError, UnicodeDecodeError) as exc:
        raise InputError(f"line {item.rpartition(':')[2]}: not valid JSON ({exc})", item=item) from None
    if not isinstance(data, dict):
        raise InputError(f"line {item.rpartition(':')[2]}: expected a JSON object, got {type(data).__name__}",
                         item=item)
    text, markup = _content(data.get("text")), _content(data.get("html"))
    if text is None and markup is None:
        raise InputError(f"line {item.rpartition(':')[2]}: record has neither text nor html", item=item)
    fields = {name: _field(data, aliases) for name, aliases in _FIELDS.items()}
    hints = Hints(title=fields["title"], published=fields["published"], authors=_authors(data),
                  outlet=fields["outlet"], language=fields["language"], summary=fields["summary"])
    kind, content = (TEXT, text) if text is not None else (HTML, markup or "")
    body = content.encode("utf-8")
    return RawDocument(
        body=body, kind=kind, url=fields["url"], source=item, content_type=_CONTENT_TYPES[kind],
        encoding="utf-8", fetched_at=_field(data, ("fetched_at",)) or fetched_at or utcnow(), hints=hints,
    )


def _content(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _field(data: dict[str, Any], aliases: tuple[str, ...]) -> str | None:
    for name in aliases:
        value = data.get(name)
        if isinstance(value, (str, int, float)) and not isinstance(value, bool) and str(value).strip():
            return str(value).strip()
    return None


def _authors(data: dict[str, Any]) -> tuple[str, ...]:
    value = data.get("authors", data.get("author"))
    if isinstance(value, str):
        return (value.strip(),) if value.strip() else ()
    if isinstance(value, list):
        return tuple(str(a).strip() for a in value if isinstance(a, str) and a.strip())
    return ()


def _read_jsonl_file(path: Path) -> Iterator[RawDocument | Failure]:
    fetched_at = _mtime(path)
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    try:
        with opener(path, "rb") as handle:
            # Stream line by line: JSONL corpora can be far larger than memory.
            yield from read_jsonl(handle, source=str(path), fetched_at=fetched_at)
    except (OSError, EOFError, zlib.error) as exc:
        yield Failure(stage="source", item=str(path), error=InputError.code,
                      message=f"cannot read {path}: {exc}; records before the damage were kept")


def _read_bytes(path: Path) -> bytes:
    try:
        if path.name.lower().endswith(".gz"):
            with gzip.open(path, "rb") as handle:
                return handle.read()
        return path.read_bytes()
    except (OSError, EOFError, zlib.error) as exc:
        raise InputError(f"cannot read {path}: {exc}", item=str(path)) from None


def _document(body: bytes, *, kind: str, source: str, fetched_at: str | None = None) -> RawDocument:
    return RawDocument(
        body=body, kind=kind, source=source, content_type=_CONTENT_TYPES[kind],
        encoding=detect_encoding(body) if kind == TEXT else None,
        fetched_at=fetched_at or utcnow(),
    )


def detect_encoding(body: bytes) -> str | None:
    """Best guess at the encoding of plain text; ASCII is reported as UTF-8, its superset."""
    best = from_bytes(body).best()
    if best is None:
        return None
    encoding = best.encoding.lower().replace("_", "-")
    return "utf-8" if encoding == "ascii" else encoding


def _mtime(path: Path) -> str | None:
    try:
        stamp = path.stat().st_mtime
    except OSError:
        return None
    return datetime.fromtimestamp(stamp, tz=timezone.utc).replace(microsecond=0).isoformat()


def walk_folder(folder: Path) -> list[Path]:
    """Files under ``folder`` in sorted order, hidden ones skipped, symlinked folders not followed."""
    found: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(Path(root) / f for f in files if not f.startswith("."))
    return sorted(found, key=lambda p: p.relative_to(folder).parts)
