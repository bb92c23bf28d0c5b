"""Planning a batch: input specs -> files -> partitions that one task each can read.

A partition is a slice of one input named by where it sits in that input, so its ID
is the same every time the same bytes are planned with the same partition size:

* a WARC file is cut between records, every ``size`` HTTP responses; a partition is
  the byte range of its records (``.warc.gz`` must be gzipped per record, which is
  what crawlers write; a file gzipped as a whole is one partition and fails as the
  live path fails on it);
* a JSON lines file is cut every ``size`` records; a plain file by byte range, a
  ``.jsonl.gz`` by line numbers (gzip cannot seek, so its reader skips lines);
* loose HTML and text files are grouped ``size`` at a time, in sorted order.

Damage found while planning (a corrupt record, a truncated gzip) does not stop the
plan: everything from the damage to the end of the file becomes one last partition,
whose reader turns the damage into a Failure exactly as the live path does.

Local paths are read with the standard library; anything with a ``scheme://`` goes
through fsspec (s3://, gs://, abfs://, http(s)://, … as far as its backends are installed).
"""

from __future__ import annotations

import glob
import gzip
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from livebrief.errors import InputError
from livebrief.model import Record, content_id
from livebrief.sources.files import WARC, file_format, walk_folder
from livebrief.sources.sniff import HTML, JSONL, TEXT

FILES = "files"
_GLOB_CHARS = set("*?[")
# What warcio raises on damaged input (the same set livebrief.sources.warc treats as damage).
_WARC_DAMAGE = (ArchiveLoadFailed, EOFError, OSError, ValueError, zlib.error, AttributeError)
_GZIP_DAMAGE = (OSError, EOFError, zlib.error)
_SEPARATORS = b"\r\n"


@dataclass(frozen=True)
class InputFile(Record):
    """One file of the batch: where it is, what it holds, and what it looked like when planned."""

    path: str
    format: str  # warc, jsonl, html, text, or "" when only its content can tell
    size: int
    mtime: str | None = None


@dataclass(frozen=True)
class Partition(Record):
    """A slice of the inputs that one task reads: a byte or line range of one file, or a group of files.

    ``offset``/``length`` are bytes (``length`` -1: to the end of the file); ``first`` is
    the number of the first item (WARC record or JSONL line, from 1) and ``count`` the
    number of items (-1: everything to the end, for a damaged tail or a gzip file read
    by lines). ``fetched_at`` is the input's modification time, which the live path
    stamps on JSON lines records that carry none.
    """

    id: str
    format: str  # warc, jsonl, files
    input: str = ""
    offset: int = 0
    length: int = -1
    first: int = 1
    count: int = -1
    files: tuple[str, ...] = ()
    fetched_at: str | None = None

    def describe(self) -> str:
        """A short name for messages: the input and the slice of it."""
        if self.format == FILES:
            more = f" (+{len(self.files) - 1} more)" if len(self.files) > 1 else ""
            return f"{self.files[0] if self.files else '-'}{more}"
        unit = "records" if self.format == WARC else "lines"
        last = "end" if self.count < 0 else str(self.first + self.count - 1)
        return f"{self.input} {unit} {self.first}-{last}"


def is_remote(path: str) -> bool:
    """Whether ``path`` names something fsspec must open (it has a ``scheme://``)."""
    return "://" in path and not path.startswith("file://")


def local_path(path: str) -> str:
    return path.removeprefix("file://")


def open_binary(path: str) -> BinaryIO:
    """A seekable binary handle on a local path or an fsspec URL."""
    if not is_remote(path):
        return open(local_path(path), "rb")  # noqa: SIM115 - the caller closes it
    import fsspec

    return fsspec.open(path, "rb").open()


# -- inputs -> files ---------------------------------------------------------------------------


def expand_inputs(specs: Iterable[str]) -> list[InputFile]:
    """Every file the specs name: files, folders (recursed, sorted, hidden and unknown files skipped), globs.

    Local paths come back absolute, so workers on other machines or with another working
    directory read the same files. Raises :class:`InputError` for a spec that names nothing.
    """
    found: list[InputFile] = []
    seen: set[str] = set()
    for spec in specs:
        if spec == "-":
            raise InputError("a batch cannot read standard input; save it to a file first", item=spec)
        files = _expand_remote(spec) if is_remote(spec) else _expand_local(local_path(spec))
        for item in files:
            if item.path not in seen:
                seen.add(item.path)
                found.append(item)
    return found


def _expand_local(spec: str) -> list[InputFile]:
    path = Path(spec)
    if path.is_dir():
        return [_local_file(p) for p in walk_folder(path) if file_format(p) is not None]
    if path.is_file():
        return [_local_file(path)]
    if _GLOB_CHARS & set(spec):
        matches = sorted(glob.glob(spec, recursive=True))
        if not matches:
            raise InputError(f"no files match {spec}", item=spec)
        return [f for match in matches for f in _expand_local(match)]
    raise InputError(f"no such file or folder: {spec}", item=spec)


def _local_file(path: Path) -> InputFile:
    stat = path.stat()
    return InputFile(path=str(path.resolve()), format=file_format(path) or "", size=stat.st_size,
                     mtime=_iso(stat.st_mtime))


def _expand_remote(spec: str) -> list[InputFile]:
    try:
        import fsspec
    except ImportError:
        raise InputError(f"{spec}: remote inputs need fsspec (pip install fsspec and its backend)",
                         item=spec) from None
    try:
        fs, root = fsspec.core.url_to_fs(spec)
    except (ImportError, ValueError) as exc:
        raise InputError(f"{spec}: no fsspec backend for this URL ({exc})", item=spec) from None
    if _GLOB_CHARS & set(root):
        paths = sorted(fs.glob(root))
        if not paths:
            raise InputError(f"no files match {spec}", item=spec)
    elif fs.isdir(root):
        paths = sorted(p for p in fs.find(root) if not any(part.startswith(".") for part in p.split("/")))
        paths = [p for p in paths if file_format(Path(p)) is not None]
    elif fs.exists(root):
        paths = [root]
    else:
        raise InputError(f"no such file or folder: {spec}", item=spec)
    found = []
    for path in paths:
        info = fs.info(path)
        if info.get("type") == "directory":
            continue
        modified = info.get("mtime") or info.get("LastModified") or info.get("updated")
        mtime = _iso(modified) if isinstance(modified, (int, float)) else (str(modified) if modified else None)
        found.append(InputFile(path=fs.unstrip_protocol(path), format=file_format(Path(path)) or "",
                               size=int(info.get("size") or 0), mtime=mtime))
    return found


def _iso(stamp: float) -> str:
    return datetime.fromtimestamp(stamp, tz=timezone.utc).replace(microsecond=0).isoformat()


# -- files -> partitions -----------------------------------------------------------------------


def needs_scan(file: InputFile) -> bool:
    """Whether planning the file means reading it (WARC and JSONL), best done where the data is."""
    return file.format in (WARC, JSONL)


def plan_file(file: InputFile, *, size: int) -> list[Partition]:
    """The partitions of one WARC or JSONL file, ``size`` articles each at most.

    A file that cannot be read at all becomes one partition, whose reader reports why.
    """
    if file.format not in (WARC, JSONL):
        raise ValueError(f"plan_file reads WARC and JSONL files, not {file.format or 'unknown'} ({file.path})")
    try:
        return _plan_warc(file, size=size) if file.format == WARC else _plan_jsonl(file, size=size)
    except OSError:
        return [_partition(file, file.format, offset=0, length=-1, first=1, count=-1)]


def group_files(files: Iterable[InputFile], *, size: int) -> list[Partition]:
    """HTML and text files ``size`` at a time, each group one partition."""
    files = list(files)
    partitions = []
    for start in range(0, len(files), size):
        group = files[start:start + size]
        key = content_id(FILES, *(f"{f.path}\x1e{f.size}" for f in group), prefix="p")
        partitions.append(Partition(id=key, format=FILES, files=tuple(f.path for f in group)))
    return partitions


def plan(files: Iterable[InputFile], *, size: int, scan: Any = None) -> list[Partition]:
    """Partitions of every file in input order; ``scan(files)`` plans the WARC/JSONL ones (default: here)."""
    if size < 1:
        raise ValueError(f"partition size must be at least 1, got {size}")
    files = list(files)
    scanned_files = [f for f in files if needs_scan(f)]
    scanned = (scan(scanned_files) if scan else [plan_file(f, size=size) for f in scanned_files])
    by_path = dict(zip((f.path for f in scanned_files), scanned))
    partitions: list[Partition] = []
    loose: list[InputFile] = []
    for file in files:
        if needs_scan(file):
            partitions.extend(group_files(loose, size=size))
            loose = []
            partitions.extend(by_path[file.path])
        else:
            loose.append(file)
    partitions.extend(group_files(loose, size=size))
    return partitions


def _partition(file: InputFile, fmt: str, *, offset: int, length: int, first: int, count: int) -> Partition:
    key = content_id(fmt, file.path, str(file.size), str(offset), str(length), str(first), str(count), prefix="p")
    return Partition(id=key, format=fmt, input=file.path, offset=offset, length=length, first=first, count=count,
                     fetched_at=file.mtime)


def _plan_warc(file: InputFile, *, size: int) -> list[Partition]:
    starts, responses, end, damaged = _warc_records(file.path)
    partitions: list[Partition] = []
    begin = held = 0  # first record of the current partition, responses in it so far

    def close(stop_index: int) -> None:
        stop = starts[stop_index] if stop_index < len(starts) else end
        partitions.append(_partition(file, WARC, offset=starts[begin], length=stop - starts[begin],
                                     first=begin + 1, count=stop_index - begin))

    for index, response in enumerate(responses):
        # Cut before a response, so a crawler's request/response/metadata records mostly stay together.
        if response and held == size:
            close(index)
            begin, held = index, 0
        held += response
    if len(starts) > begin:
        close(len(starts))
    tail = _next_data(file.path, end)
    if damaged or tail is not None:
        # warcio reads a stream that starts with separators as one empty record and stops
        # quietly, so the tail starts where its first non-separator byte is.
        partitions.append(_partition(file, WARC, offset=end if tail is None else tail, length=-1,
                                     first=len(starts) + 1, count=-1))
    return partitions


def _warc_records(path: str) -> tuple[list[int], list[bool], int, bool]:
    """Start offsets of the whole records, whether each is a response, where the last one ends, and damage."""
    starts: list[int] = []
    responses: list[bool] = []
    end = 0
    with open_binary(path) as stream:
        records = ArchiveIterator(stream)
        iterator = iter(records)
        while True:
            try:
                record = next(iterator)
                response = record.rec_type == "response"
                records.read_to_end(record)
            except StopIteration:
                return starts, responses, end, False
            except _WARC_DAMAGE:
                return starts, responses, end, True
            start, length = records.get_record_offset(), records.get_record_length()
            # A payload shorter than declared is a truncated record; a length that is not
            # positive is what warcio reports for a file gzipped as a whole.
            if getattr(record.raw_stream, "limit", 0) > 0 or length <= 0:
                return starts, responses, end, True
            starts.append(start)
            responses.append(response)
            end = start + length


def _next_data(path: str, end: int) -> int | None:
    """Offset of the first byte after ``end`` that is not a record separator, or None at the end of the file."""
    with open_binary(path) as stream:
        stream.seek(end)
        head = stream.read(4096)
    rest = head.lstrip(_SEPARATORS)
    return end + len(head) - len(rest) if rest else None


def _plan_jsonl(file: InputFile, *, size: int) -> list[Partition]:
    if file.path.lower().endswith(".gz"):
        return _plan_jsonl_gz(file, size=size)
    partitions = []
    offset = position = 0
    first = records = 0
    with open_binary(file.path) as handle:
        for number, line in enumerate(handle, start=1):
            if records == 0 and line.strip():
                first, offset = number, position
            position += len(line)
            records += bool(line.strip())
            if records == size:
                partitions.append(_partition(file, JSONL, offset=offset, length=position - offset, first=first,
                                             count=number - first + 1))
                records = 0
        if records:
            partitions.append(_partition(file, JSONL, offset=offset, length=position - offset, first=first,
                                         count=number - first + 1))
    return partitions


def _plan_jsonl_gz(file: InputFile, *, size: int) -> list[Partition]:
    partitions = []
    first = records = number = 0
    damaged = False
    with open_binary(file.path) as raw, gzip.open(raw, "rb") as handle:
        try:
            for number, line in enumerate(handle, start=1):
                if records == 0 and line.strip():
                    first = number
                records += bool(line.strip())
                if records == size:
                    partitions.append(_partition(file, JSONL, offset=0, length=-1, first=first,
                                                 count=number - first + 1))
                    records = 0
        except _GZIP_DAMAGE:
            damaged = True
    if records or damaged:
        start = first if records else number + 1
        partitions.append(_partition(file, JSONL, offset=0, length=-1, first=start, count=-1))
    return partitions


__all__ = [
    "FILES",
    "HTML",
    "JSONL",
    "TEXT",
    "WARC",
    "InputFile",
    "Partition",
    "expand_inputs",
    "group_files",
    "is_remote",
    "needs_scan",
    "open_binary",
    "plan",
    "plan_file",
]
