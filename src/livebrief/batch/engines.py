"""Where partitions run: in this process (``local``) or on a Dask cluster (``dask``).

An engine maps a function over items and hands back each item with its result, or with
the exception its task ended in, as tasks finish. With Dask and no scheduler address a
LocalCluster of worker processes (one thread each: spaCy and trafilatura hold the GIL)
is started and stopped with the engine; with an address the existing cluster is used.
A worker process that dies (killed, out of memory, a crash in C code) has its tasks
moved to another worker; a task that keeps killing workers ends in ``KilledWorker``
after ``distributed.scheduler.allowed-failures`` retries and is reported, not raised.
"""

from __future__ import annotations

import logging
import os
import uuid
from collections.abc import Callable, Iterator, Sequence
from typing import Any, Protocol, TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")

# A worker is handed only the task it runs. With the default (1.1) it also queues the next one,
# and when a crashing partition kills the worker, that innocent queued task is counted as a
# suspect too and can end in KilledWorker. Partitions are long, so the queue gains nothing.
SCHEDULER_CONFIG = {"distributed.scheduler.worker-saturation": 1.0}


class Engine(Protocol):
    name: str
    workers: int
    dashboard: str | None

    def map(self, fn: Callable[..., Any], items: Sequence[T], **kwargs: Any) -> list[Any]: ...

    def run(self, fn: Callable[..., Any], items: Sequence[T], **kwargs: Any
            ) -> Iterator[tuple[T, Any | BaseException]]: ...

    def close(self) -> None: ...


class LocalEngine:
    """Every task in this process, one after another, in order."""

    name = "local"
    workers = 1
    dashboard = None

    def map(self, fn: Callable[..., Any], items: Sequence[T], **kwargs: Any) -> list[Any]:
        return [fn(item, **kwargs) for item in items]

    def run(self, fn: Callable[..., Any], items: Sequence[T], **kwargs: Any
            ) -> Iterator[tuple[T, Any | BaseException]]:
        for item in items:
            try:
                yield item, fn(item, **kwargs)
            except Exception as exc:  # noqa: BLE001 - reported per partition, as a Dask task's error is
                log.exception("partition task failed")
                yield item, exc

    def close(self) -> None:
        pass


class DaskEngine:
    """Tasks on a Dask cluster: an existing one at ``scheduler``, else a LocalCluster of ``workers`` processes."""

    name = "dask"

    def __init__(self, *, scheduler: str | None = None, workers: int | None = None,
                 cluster_options: dict[str, Any] | None = None) -> None:
        import dask
        from distributed import Client, LocalCluster

        self.cluster = None
        if scheduler:
            self.client = Client(scheduler)
        else:
            options = {"n_workers": workers or os.cpu_count() or 1, "threads_per_worker": 1, "processes": True,
                       "dashboard_address": ":8787", **(cluster_options or {})}
            with dask.config.set(SCHEDULER_CONFIG):
                self.cluster = LocalCluster(**options)
            self.client = Client(self.cluster)
        self.workers = len(self.client.scheduler_info(n_workers=-1).get("workers", {})) or (workers or 0)
        self.dashboard = _dashboard(self.client, local=self.cluster is not None)
        self._token = uuid.uuid4().hex[:8]

    def map(self, fn: Callable[..., Any], items: Sequence[T], **kwargs: Any) -> list[Any]:
        futures = self.client.map(fn, list(items), pure=False, **kwargs)
        try:
            return self.client.gather(futures)
        finally:
            self.client.cancel(futures)

    def run(self, fn: Callable[..., Any], items: Sequence[T], **kwargs: Any
            ) -> Iterator[tuple[T, Any | BaseException]]:
        from distributed import as_completed

        futures = {}
        for item in items:
            key = f"livebrief-partition-{getattr(item, 'id', id(item))}-{self._token}"
            futures[self.client.submit(fn, item, key=key, **kwargs)] = item
        try:
            for future in as_completed(list(futures)):
                item = futures[future]
                if future.status == "error":
                    yield item, future.exception()
                else:
                    yield item, future.result()
                future.release()
        finally:
            self.client.cancel(list(futures))

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def _dashboard(client: Any, *, local: bool) -> str | None:
    """The dashboard's address; None for a LocalCluster here without bokeh, which then serves none."""
    if local:
        try:
            import bokeh  # noqa: F401
        except ImportError:
            return None
    return client.dashboard_link


def open_engine(name: str, *, scheduler: str | None = None, workers: int | None = None,
                cluster_options: dict[str, Any] | None = None) -> Engine:
    """The engine called ``name`` (``local`` or ``dask``)."""
    if name == "local":
        return LocalEngine()
    if name == "dask":
        return DaskEngine(scheduler=scheduler, workers=workers, cluster_options=cluster_options)
    raise ValueError(f"unknown engine {name!r}; use local or dask")


__all__ = ["SCHEDULER_CONFIG", "DaskEngine", "Engine", "LocalEngine", "open_engine"]
