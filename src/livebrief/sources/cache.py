"""Validators remembered between fetches, for conditional GET.

The store implements :class:`HttpCache`; :class:`MemoryCache` serves tests and
one-off runs.
"""

from __future__ import annotations

import threading
from typing import Protocol, runtime_checkable

Validators = tuple[str | None, str | None]


@runtime_checkable
class HttpCache(Protocol):
    """Where the fetcher keeps each URL's ETag and Last-Modified."""

    def get_validators(self, url: str) -> Validators:
        """``(etag, last_modified)`` last seen for ``url``; ``(None, None)`` when unknown."""
        ...

    def put_validators(self, url: str, etag: str | None, last_modified: str | None) -> None:
        """Remember the validators of a successful fetch of ``url``."""
        ...


class MemoryCache:
    """An :class:`HttpCache` in a dict, safe to share between threads."""

    def __init__(self) -> None:
        self._validators: dict[str, Validators] = {}
        self._lock = threading.Lock()

    def get_validators(self, url: str) -> Validators:
        with self._lock:
            return self._validators.get(url, (None, None))

    def put_validators(self, url: str, etag: str | None, last_modified: str | None) -> None:
        with self._lock:
            if etag is None and last_modified is None:
                self._validators.pop(url, None)
            else:
                self._validators[url] = (etag, last_modified)
