"""Per-host politeness: at most ``rate`` requests per second to one host."""

from __future__ import annotations

import threading
from collections.abc import Callable


class HostRateLimiter:
    """Spaces requests to the same host at least ``1 / rate`` seconds apart.

    Each caller reserves the next free slot under a lock and sleeps outside it,
    so threads share the budget without serialising on the sleep. A ``rate`` of
    zero or less disables the limit, except for hosts given a longer interval
    with :meth:`slow_down` (robots.txt ``Crawl-delay``).
    """

    def __init__(self, rate: float, *, clock: Callable[[], float], sleep: Callable[[float], None]) -> None:
        self._interval = 1.0 / rate if rate > 0 else 0.0
        self._clock = clock
        self._sleep = sleep
        self._next_free: dict[str, float] = {}
        self._intervals: dict[str, float] = {}
        self._lock = threading.Lock()

    def slow_down(self, host: str, interval: float) -> None:
        """Keep at least ``interval`` seconds between requests to ``host`` from now on."""
        with self._lock:
            self._intervals[host] = max(interval, self._intervals.get(host, 0.0))

    def wait(self, host: str) -> float:
        """Block until a request to ``host`` may go; return the seconds waited."""
        with self._lock:
            interval = max(self._interval, self._intervals.get(host, 0.0))
            if interval <= 0:
                return 0.0
            now = self._clock()
            slot = max(now, self._next_free.get(host, now))
            self._next_free[host] = slot + interval
        delay = slot - now
        if delay > 0:
            self._sleep(delay)
        return max(delay, 0.0)
