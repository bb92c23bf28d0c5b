"""Web archives: HTML responses out of .warc / .warc.gz files (warcio).

warcio stops quietly at a truncated file and can hand back a record shorter
than its declared length, so we check both: a record whose payload ran out
early, or bytes left over after the last whole record, mean damage. Damage
yields a Failure and ends that file; the records read before it are kept.

FastWARC was tried as a faster reader and rejected: on truncated input it
returns empty or short records with no error at all.
"""

from __future__ import annotations

import logging
import os
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord

from livebrief.errors import InputError
from livebrief.model import Failure, RawDocument, utcnow
from livebrief.sources.sniff import split_content_type

log = logging.getLogger(__name__)

_HTML_TYPES = ("text/html", "application/xhtml+xml")
# Bytes after the last record that are only record separators, not damage.
_SEPARATORS = b"\r\n"
# warcio raises AttributeError when a truncated stream ends inside a record's
# header block; we count it as damage to the input, not as a bug of ours.
_DAMAGE = (ArchiveLoadFailed, EOFError, OSError, ValueError, zlib.error, AttributeError)


def read_warc(path: str | os.PathLike[str]) -> Iterator[RawDocument | Failure]:
    """HTML response records of a WARC file as RawDocuments, then a Failure if the file is damaged."""
    path = Path(path)
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield Failure(stage="source", item=str(path), error=InputError.code, message=f"cannot open {path}: {exc}")
        return
    with handle:
        yield from read_warc_stream(handle, source=str(path))


def read_warc_stream(stream: BinaryIO, *, source: str) -> Iterator[RawDocument | Failure]:
    """Like :func:`read_warc` over an open, seekable binary stream."""
    records = ArchiveIterator(stream)
    iterator = iter(records)
    count = 0
    end = 0
    while True:
        try:
            record = next(iterator)
            raw = _document(record, source=source)
            records.read_to_end(record)
        except StopIteration:
            break
        except _DAMAGE as exc:
            yield _damage(source, f"record {count + 1} is corrupt ({type(exc).__name__}: {exc})", count)
            return
        missing = getattr(record.raw_stream, "limit", 0)
        if missing > 0:
            yield _damage(source, f"record {count + 1} is truncated ({missing} bytes missing)", count)
            return
        count += 1
        end = records.get_record_offset() + records.get_record_length()
        if raw is not None:
            yield raw
    stream.seek(end)
    if stream.read(4096).strip(_SEPARATORS):
        yield _damage(source, f"truncated or unreadable data after record {count} (offset {end})", count)


def _document(record: ArcWarcRecord, *, source: str) -> RawDocument | None:
    """The record as a RawDocument when it is an HTTP 2xx response with HTML, else None."""
    http = record.http_headers
    if record.rec_type != "response" or http is None:
        return None
    media, charset = split_content_type(http.get_header("Content-Type"))
    if not http.get_statuscode().startswith("2") or media not in _HTML_TYPES:
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    # content_stream() undoes chunked transfer and gzip/deflate content encoding.
    body = record.content_stream().read()
    return RawDocument(
        body=body, kind="html", url=url, final_url=url, source=source, content_type=media, encoding=charset,
        fetched_at=_iso(record.rec_headers.get_header("WARC-Date")) or utcnow(),
        etag=http.get_header("ETag"), last_modified=http.get_header("Last-Modified"),
    )


def _damage(source: str, message: str, kept: int) -> Failure:
    log.warning("%s: %s", source, message)
    return Failure(stage="source", item=source, error=InputError.code,
                   message=f"{message}; stopped after {kept} good record{'' if kept == 1 else 's'}")


def _iso(value: str | None) -> str | None:
    """WARC-Date (``2024-05-01T10:00:00Z``) in the ``+00:00`` form :func:`utcnow` uses."""
    if not value:
        return None
    return value[:-1] + "+00:00" if value.endswith("Z") else value
