"""Bringing a finished batch into the store: articles with their signatures, analyses, failures, copies.

The store stays the single writer: this runs in one process, one transaction per
partition. A partition loaded once is remembered in the store (state
``batch/<batch id>``), so loading the same folder again adds nothing twice; loading a
batch that was resumed and finished later adds the partitions that are new.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable

from livebrief.batch.output import BatchDir
from livebrief.batch.run import BatchError
from livebrief.batch.tables import analysis_from_row, article_from_row, failure_from_row
from livebrief.jobs import IngestReport, refresh_copies
from livebrief.model import Failure
from livebrief.settings import Settings
from livebrief.store import Store

log = logging.getLogger(__name__)

Progress = Callable[[str], None]


def load_batch(out: str, *, store: Store, settings: Settings, on_partition: Progress | None = None) -> IngestReport:
    """Add every committed partition of the batch at ``out`` to the store, then link copies to originals.

    Counts: ``new``/``revision``/``exists`` articles, ``analyses``, ``failed`` (failure
    records, including partitions whose task failed), ``copies``, ``partitions`` loaded
    and ``already_loaded``. Raises :class:`BatchError` when ``out`` holds no batch.
    """
    target = BatchDir(out)
    manifest = target.manifest()
    if manifest is None:
        raise BatchError(f"no batch at {out}: manifest.json is missing; run `livebrief batch … --out {out}` first")
    from livebrief.nlp import PIPELINE_VERSION

    if manifest.get("pipeline_version") != PIPELINE_VERSION:
        # Loaded all the same (articles and failures are still good), but stories and briefs
        # read analyses of the current version only: `livebrief analyze --all` makes them.
        log.warning("batch %s was analysed with pipeline version %s, this livebrief has %s; run "
                    "`livebrief analyze --all` after loading", out, manifest.get("pipeline_version"), PIPELINE_VERSION)
    committed = target.committed()
    state_name = f"batch/{manifest['id']}"
    loaded = set(json.loads(store.load_state(state_name) or b"[]"))
    report = IngestReport()
    run_id = store.start_run("load")
    for entry in manifest["partitions"]:
        pid = entry["id"]
        record = committed.get(pid, {})
        if pid in loaded:
            report.counts["already_loaded"] += 1
            continue
        if record.get("status") == "failed":
            if f"{pid}:failed" in loaded:
                report.counts["already_loaded"] += 1
                continue
            failure = Failure(stage="batch", item=record.get("input") or pid, error=record.get("error") or "batch",
                              message=f"partition {pid} failed: {record.get('message')}")
            with store.transaction():
                store.add_failure(failure, run_id=run_id)
                loaded.add(f"{pid}:failed")
                store.save_state(state_name, _state(loaded))
            report.failures.append(failure)
            report.counts["failed"] += 1
            continue
        if record.get("status") != "done":
            report.counts["pending"] += 1
            continue
        loaded.add(pid)
        _load_partition(target, pid, store=store, report=report, run_id=run_id,
                        state=(state_name, _state(loaded)))
        report.counts["partitions"] += 1
        if on_partition:
            on_partition(record.get("input") or pid)
    if report.counts["new"] or report.counts["revision"]:
        report.copies = refresh_copies(store=store, settings=settings)
        report.counts["copies"] = len(report.copies)
    store.finish_run(run_id, dict(report.counts))
    return report


def _state(loaded: set[str]) -> bytes:
    return json.dumps(sorted(loaded)).encode("utf-8")


def _load_partition(target: BatchDir, pid: str, *, store: Store, report: IngestReport, run_id: int,
                    state: tuple[str, bytes]) -> None:
    articles = target.read_table("articles", pid).to_pylist()
    failures = target.read_table("failures", pid).to_pylist()
    # One transaction per partition, the note that it is loaded included: a crash mid-load
    # leaves the partition wholly out, and the next load adds it once.
    with store.transaction():
        store.save_state(*state)
        for row in articles:
            article = article_from_row(row)
            added = store.add_article(article, signature=row["signature"])
            report.counts[added.status] += 1
            report.article_ids.append(added.article_id)
            analysis = analysis_from_row(row, article)
            if analysis is not None:
                store.add_analysis(analysis)
                report.counts["analyses"] += 1
        for row in failures:
            failure = failure_from_row(row)
            store.add_failure(failure, run_id=run_id)
            report.failures.append(failure)
            report.counts["failed"] += 1


__all__ = ["load_batch"]
