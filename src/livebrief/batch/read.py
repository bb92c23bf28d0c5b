"""Reading one partition with the live path's readers: RawDocuments, and Failures for damage.

The sources package does the reading (:func:`read_warc_stream`, :func:`read_jsonl`,
:func:`read_file`, :func:`read_stdin`); this module only hands each one its slice.
"""

from __future__ import annotations

import gzip
import io
import itertools
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from livebrief.batch.plan import FILES, JSONL, WARC, Partition, is_remote, local_path, open_binary
from livebrief.errors import InputError
from livebrief.model import Failure, RawDocument
from livebrief.sources.files import read_file, read_jsonl, read_stdin
from livebrief.sources.warc import read_warc_stream

_GZIP_DAMAGE = (OSError, EOFError, zlib.error)


def read_partition(partition: Partition) -> Iterator[RawDocument | Failure]:
    """The documents of one partition, in input order, as the live path would read them."""
    if partition.format == WARC:
        yield from _read_warc(partition)
    elif partition.format == JSONL:
        yield from _read_jsonl(partition)
    elif partition.format == FILES:
        for path in partition.files:
            yield from _read_loose(path)
    else:
        raise ValueError(f"unknown partition format {partition.format!r}")


class _Slice(io.RawIOBase):
    """A byte range of a seekable file as a file of its own (offsets from 0), read without copying it whole."""

    def __init__(self, handle: BinaryIO, offset: int, length: int) -> None:
        super().__init__()
        self.handle, self.offset = handle, offset
        self.size = length if length >= 0 else max(0, handle.seek(0, io.SEEK_END) - offset)
        self.position = 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self.position

    def seek(self, position: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self.position, io.SEEK_END: self.size}[whence]
        self.position = min(max(0, base + position), self.size)
        return self.position

    def readinto(self, buffer: Any) -> int:
        want = min(len(buffer), self.size - self.position)
        if want <= 0:
            return 0
        self.handle.seek(self.offset + self.position)
        data = self.handle.read(want)
        buffer[:len(data)] = data
        self.position += len(data)
        return len(data)


def _read_warc(partition: Partition) -> Iterator[RawDocument | Failure]:
    try:
        handle = open_binary(partition.input)
    except OSError as exc:
        yield _failure(partition.input, f"cannot read {partition.input}: {exc}")
        return
    with handle, io.BufferedReader(_Slice(handle, partition.offset, partition.length), 1 << 20) as window:
        # The range holds whole records, so the live reader runs on it unchanged; it counts
        # records from the start of the range, so its failures say where the range starts.
        for item in read_warc_stream(window, source=partition.input):
            if isinstance(item, Failure) and partition.first > 1:
                item = item.replace(message=f"{item.message} (counting from record {partition.first}, "
                                            f"byte {partition.offset})")
            yield item


def _read_jsonl(partition: Partition) -> Iterator[RawDocument | Failure]:
    source = partition.input
    try:
        if source.lower().endswith(".gz"):
            yield from _read_jsonl_gz(partition)
            return
        with open_binary(source) as handle:
            handle.seek(partition.offset)
            data = handle.read() if partition.length < 0 else handle.read(partition.length)
    except OSError as exc:
        yield _failure(source, f"cannot read {source}: {exc}")
        return
    yield from read_jsonl(_numbered(io.BytesIO(data), partition.first), source=source,
                          fetched_at=partition.fetched_at)


def _read_jsonl_gz(partition: Partition) -> Iterator[RawDocument | Failure]:
    source = partition.input
    with open_binary(source) as raw, gzip.open(raw, "rb") as handle:
        try:
            # gzip cannot seek: decompressing the lines before the slice is the price of no index.
            for _ in itertools.islice(handle, partition.first - 1):
                pass
            lines = handle if partition.count < 0 else itertools.islice(handle, partition.count)
            yield from read_jsonl(_numbered(lines, partition.first), source=source,
                                  fetched_at=partition.fetched_at)
        except _GZIP_DAMAGE as exc:
            # The live path's words for the same damage (sources.files).
            yield _failure(source, f"cannot read {source}: {exc}; records before the damage were kept")


def _numbered(lines: Iterable[bytes], first: int) -> Iterator[bytes]:
    """The lines, preceded by blank ones so read_jsonl numbers them as lines of the whole file.

    read_jsonl counts from 1 and skips blank lines; the items it names (``path:line``)
    must be the same as when the live path reads the whole file.
    """
    yield from itertools.repeat(b"", first - 1)
    yield from lines


def _read_loose(path: str) -> Iterator[RawDocument | Failure]:
    if not is_remote(path):
        yield from read_file(Path(local_path(path)))
        return
    try:
        with open_binary(path) as handle:
            body = handle.read()
    except OSError as exc:
        yield _failure(path, f"cannot read {path}: {exc}")
        return
    # read_stdin sniffs bytes (gzip, HTML, text, JSON lines) the way read_file does for a local file.
    for item in read_stdin(io.BytesIO(body)):
        yield item.replace(item=path) if isinstance(item, Failure) else item.replace(source=path)


def _failure(item: str, message: str) -> Failure:
    return Failure(stage="source", item=item, error=InputError.code, message=message)


__all__ = ["read_partition"]
