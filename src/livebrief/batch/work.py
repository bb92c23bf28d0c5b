"""What one worker does with one partition: read -> extract -> duplicate keys -> analyze -> rows.

The stages are the live path's own functions (:func:`livebrief.pipeline.extract_stream`,
:func:`livebrief.dedup.signature`, :func:`livebrief.nlp.analyze_many`), reached through
:class:`Stages` so a test or a benchmark can put a lighter function in their place. A
worker returns tables and never writes: the driver is the one writer of the output.
"""

from __future__ import annotations

import os
import resource
import socket
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pyarrow as pa

from livebrief import dedup
from livebrief.batch.plan import Partition
from livebrief.batch.read import read_partition
from livebrief.batch.tables import TABLES, article_row, failure_row, finding_rows, to_table
from livebrief.model import Analysis, Article, Failure, RawDocument
from livebrief.pipeline import extract_stream
from livebrief.settings import DEFAULTS, Settings

ExtractStream = Callable[..., Iterator[tuple[RawDocument | None, Article | Failure]]]
AnalyzeMany = Callable[..., Iterator[Analysis | Failure]]
Signature = Callable[..., bytes]


def analyze_many(articles: Iterable[Article], *, settings: Settings = DEFAULTS) -> Iterator[Analysis | Failure]:
    """The live analysis stage, imported on first use so the driver never loads spaCy."""
    from livebrief.nlp import analyze_many as analyze

    return analyze(articles, settings=settings)


@dataclass(frozen=True)
class Stages:
    """The stage functions a partition runs; the live path's by default.

    Each must be a module-level function (Dask sends it to the workers by reference).
    """

    extract_stream: ExtractStream = extract_stream
    signature: Signature = dedup.signature
    analyze_many: AnalyzeMany = analyze_many


@dataclass(frozen=True)
class PartitionResult:
    """The rows of one partition, one Arrow table per output table, and how the work went."""

    partition: str
    tables: dict[str, pa.Table]
    counts: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    worker: str = ""
    peak_rss_mb: float = 0.0

    @property
    def rows(self) -> dict[str, int]:
        return {name: table.num_rows for name, table in self.tables.items()}


def run_partition(partition: Partition, *, settings: Settings = DEFAULTS, stages: Stages | None = None
                  ) -> PartitionResult:
    """Read, extract, sign and analyse one partition; every bad item becomes a failure row."""
    stages = stages or Stages()
    cpu = time.process_time()
    # Parallelism comes from partitions; nlp.pipe must not fork inside a (daemonic) worker.
    settings = settings.with_overrides({"nlp.processes": 1}, origin="batch")
    clock = _Clock()
    counts: Counter[str] = Counter()
    failures: list[tuple[int, Failure]] = []

    with clock("read"):
        items = list(read_partition(partition))
    with clock("extract"):
        extracted = list(stages.extract_stream(items, settings=settings))
    articles: list[tuple[int, Article]] = []
    for position, (_, result) in enumerate(extracted):
        if isinstance(result, Failure):
            failures.append((position, result))
        else:
            articles.append((position, result))
    counts["documents"] = sum(1 for raw, _ in extracted if raw is not None)
    counts["articles"] = len(articles)

    with clock("signature"):
        num_perm, shingle = int(settings["dedup.num_perm"]), int(settings["dedup.shingle"])
        signatures = [stages.signature(a.text, num_perm=num_perm, shingle=shingle) for _, a in articles]
    with clock("analyze"):
        # analyze_many may answer out of order (skipped articles come between parsed ones).
        by_id: dict[str, Analysis | Failure] = {}
        for result in stages.analyze_many([a for _, a in articles], settings=settings):
            by_id[result.article.id if isinstance(result, Analysis) else result.item] = result

    with clock("rows"):
        tables = _tables(partition.id, articles, signatures, by_id, failures, counts)
    # CPU seconds next to the wall-clock ones: on a shared machine they tell our cost from others' load.
    clock.seconds["cpu"] = round(time.process_time() - cpu, 4)
    return PartitionResult(partition=partition.id, tables=tables, counts=dict(counts), seconds=clock.seconds,
                           worker=f"{socket.gethostname()}:{os.getpid()}", peak_rss_mb=_peak_rss_mb())


def _tables(partition: str, articles: list[tuple[int, Article]], signatures: list[bytes],
            by_id: dict[str, Analysis | Failure], failures: list[tuple[int, Failure]],
            counts: Counter[str]) -> dict[str, pa.Table]:
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    failed = list(failures)
    for (position, article), signature in zip(articles, signatures):
        result = by_id.get(article.id)
        analysis = result if isinstance(result, Analysis) else None
        if analysis is not None:
            status = "skipped" if analysis.notes else "analyzed"  # as jobs.analyze_stored counts them
            for name, found in finding_rows(analysis, partition=partition).items():
                rows[name].extend(found)
        else:
            status = "failed"
            failed.append((position, result if isinstance(result, Failure) else Failure(
                "analyze", article.id, "analysis", "the analysis stage returned nothing for this article")))
        counts["analysis_failed" if status == "failed" else status] += 1
        rows["articles"].append(article_row(article, partition=partition, position=position, signature=signature,
                                            analysis=analysis, status=status))
    counts["failures"] = len(failed)
    for position, failure in failed:
        counts[f"failed_{failure.stage}"] += 1
        rows["failures"].append(failure_row(failure, partition=partition, position=position))
    return {name: to_table(name, found) for name, found in rows.items()}


def process_memory_mb(field: str) -> float | None:
    """One memory field of /proc/self/status (VmRSS now, VmHWM the peak) in MiB; None off Linux."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return None


def _peak_rss_mb() -> float:
    """The peak resident memory of this process so far, in MiB."""
    # VmHWM belongs to the process's own memory map; ru_maxrss would also count the parent's
    # peak, which survives the fork and exec that start a Dask worker.
    peak = process_memory_mb("VmHWM")
    if peak is not None:
        return peak
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)  # KiB on Linux, bytes on macOS


class _Clock:
    """Seconds spent per stage, accumulated with ``with clock("stage"):``."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self._name = ""
        self._start = 0.0

    def __call__(self, name: str) -> _Clock:
        self._name = name
        return self

    def __enter__(self) -> None:
        self._start = time.perf_counter()

    def __exit__(self, *exc: object) -> None:
        spent = time.perf_counter() - self._start
        self.seconds[self._name] = round(self.seconds.get(self._name, 0.0) + spent, 4)


__all__ = ["PartitionResult", "Stages", "analyze_many", "process_memory_mb", "run_partition"]
