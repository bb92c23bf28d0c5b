"""The output folder of a batch: Parquet datasets, partition markers and manifest.json.

Layout under ``--out``::

    articles/part-<partition>.parquet     one file per partition in every table folder
    entities/ quotes/ claims/ quantities/ places/ times/ events/ failures/
    _partitions/<partition>.json          the commit record of one partition
    manifest.json                         inputs, plan, partitions, failures, versions, timings

A partition is written file by file, each under a hidden temporary name renamed into
place, then committed by its marker. Only committed partitions count: a rerun writes
an uncommitted partition again under the same names, so a crash at any point leaves
no duplicate rows. Table folders can be read as datasets by Arrow, DuckDB or Dask,
which skip the hidden temporary files; ``livebrief load`` reads committed partitions only.

Local folders are written with rename (atomic on POSIX); an fsspec URL (s3://…) with
whole-object writes, which object stores make visible only once complete.
"""

from __future__ import annotations

import io
import json
import os
import uuid
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from livebrief.batch.plan import is_remote, local_path
from livebrief.batch.tables import SCHEMAS, TABLES
from livebrief.batch.work import PartitionResult

MANIFEST = "manifest.json"
MARKERS = "_partitions"
_TEMP = ".tmp-"


class _LocalFiles:
    def __init__(self, root: str) -> None:
        self.root = Path(local_path(root)).resolve()

    def read(self, rel: str) -> bytes | None:
        try:
            return (self.root / rel).read_bytes()
        except FileNotFoundError:
            return None

    def write(self, rel: str, data: bytes) -> None:
        target = self.root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        temp = target.with_name(f".{target.name}{_TEMP}{uuid.uuid4().hex[:8]}")
        with temp.open("wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)

    def names(self, rel: str) -> list[str]:
        folder = self.root / rel
        return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []

    def remove(self, rel: str) -> None:
        (self.root / rel).unlink(missing_ok=True)

    def url(self, rel: str = "") -> str:
        return str(self.root / rel) if rel else str(self.root)


class _RemoteFiles:
    def __init__(self, root: str) -> None:
        import fsspec

        self.fs, path = fsspec.core.url_to_fs(root)
        self.root = path.rstrip("/")

    def read(self, rel: str) -> bytes | None:
        try:
            return self.fs.cat_file(f"{self.root}/{rel}")
        except FileNotFoundError:
            return None

    def write(self, rel: str, data: bytes) -> None:
        self.fs.pipe_file(f"{self.root}/{rel}", data)

    def names(self, rel: str) -> list[str]:
        try:
            return sorted(p.rstrip("/").rsplit("/", 1)[-1] for p in self.fs.ls(f"{self.root}/{rel}", detail=False))
        except FileNotFoundError:
            return []

    def remove(self, rel: str) -> None:
        try:
            self.fs.rm_file(f"{self.root}/{rel}")
        except FileNotFoundError:
            pass

    def url(self, rel: str = "") -> str:
        return self.fs.unstrip_protocol(f"{self.root}/{rel}" if rel else self.root)


class BatchDir:
    """One batch output folder (local path or fsspec URL); the driver is its only writer."""

    def __init__(self, out: str) -> None:
        self.files = _RemoteFiles(out) if is_remote(out) else _LocalFiles(out)

    @property
    def url(self) -> str:
        return self.files.url()

    # -- manifest -----------------------------------------------------------------------

    def manifest(self) -> dict[str, Any] | None:
        data = self.files.read(MANIFEST)
        return json.loads(data) if data is not None else None

    def save_manifest(self, manifest: dict[str, Any]) -> None:
        self.files.write(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8"))

    # -- partitions ---------------------------------------------------------------------

    def write_partition(self, result: PartitionResult) -> dict[str, int]:
        """Write every table of one partition (not yet committed); returns rows per table."""
        for name in TABLES:
            table = result.tables.get(name)
            table = SCHEMAS[name].empty_table() if table is None else table
            self.files.write(self.table_file(name, result.partition), _parquet(table))
        return result.rows

    def commit(self, partition: str, record: dict[str, Any]) -> None:
        """Record one partition's outcome (``status`` done or failed); done partitions are final."""
        self.files.write(f"{MARKERS}/{partition}.json", json.dumps(record, ensure_ascii=False).encode("utf-8"))

    def committed(self) -> dict[str, dict[str, Any]]:
        """Every partition marker, by partition ID."""
        found = {}
        for name in self.files.names(MARKERS):
            if name.endswith(".json") and not name.startswith("."):
                data = self.files.read(f"{MARKERS}/{name}")
                if data is not None:
                    found[name[:-len(".json")]] = json.loads(data)
        return found

    def clean_temp(self) -> int:
        """Remove temporary files a crashed run left behind; returns how many."""
        removed = 0
        for folder in (*TABLES, MARKERS, ""):
            for name in self.files.names(folder):
                if name.startswith(".") and _TEMP in name:
                    self.files.remove(f"{folder}/{name}" if folder else name)
                    removed += 1
        return removed

    @staticmethod
    def table_file(table: str, partition: str) -> str:
        return f"{table}/part-{partition}.parquet"

    def read_table(self, table: str, partition: str) -> pa.Table:
        """One table of one partition."""
        data = self.files.read(self.table_file(table, partition))
        if data is None:
            raise FileNotFoundError(self.files.url(self.table_file(table, partition)))
        return pq.read_table(pa.BufferReader(data), schema=SCHEMAS[table])


def _parquet(table: pa.Table) -> bytes:
    sink = io.BytesIO()
    pq.write_table(table, sink, compression="zstd")
    return sink.getvalue()


__all__ = ["MANIFEST", "MARKERS", "BatchDir"]
