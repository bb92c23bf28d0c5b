"""robots.txt rules, fetched once per host and kept for a day."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from urllib.parse import urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

from livebrief.errors import FetchError, HttpStatusError

log = logging.getLogger(__name__)

#: Seconds a host's rules are trusted before they are fetched again.
ROBOTS_TTL = 24 * 3600.0


class RobotsRules:
    """Answers "may we fetch this URL?" from each host's robots.txt.

    ``load(robots_url)`` returns the body or raises a :class:`FetchError`. As
    RFC 9309 says, a 4xx means there are no rules. A 5xx or an unreachable host
    would mean "disallow all" under the RFC; we allow instead and log a warning,
    because news sites with a broken robots.txt still publish feeds meant to be
    read, and one failed robots fetch should not silence a whole outlet.
    """

    def __init__(self, *, user_agent: str, load: Callable[[str], bytes], clock: Callable[[], float],
                 ttl: float = ROBOTS_TTL) -> None:
        self._agent = user_agent
        self._load = load
        self._clock = clock
        self._ttl = ttl
        self._parsers: dict[str, tuple[float, RobotFileParser]] = {}
        self._lock = threading.Lock()

    def allowed(self, url: str) -> bool:
        """True when the robots.txt of the URL's host lets our user agent fetch it."""
        return self._parser(url).can_fetch(self._agent, url)

    def crawl_delay(self, url: str) -> float | None:
        """Seconds the host asks crawlers to wait between requests (``Crawl-delay``), if it says."""
        delay = self._parser(url).crawl_delay(self._agent)
        return float(delay) if delay else None

    def _parser(self, url: str) -> RobotFileParser:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc.lower()}"
        now = self._clock()
        with self._lock:
            cached = self._parsers.get(origin)
        if cached is not None and now - cached[0] < self._ttl:
            return cached[1]
        parser = self._fetch(urlunsplit((parts.scheme, parts.netloc, "/robots.txt", "", "")))
        with self._lock:
            self._parsers[origin] = (now, parser)
        return parser

    def _fetch(self, robots_url: str) -> RobotFileParser:
        parser = RobotFileParser(robots_url)
        try:
            body = self._load(robots_url)
        except HttpStatusError as exc:
            if exc.status >= 500:
                log.warning("robots.txt at %s answered %s; allowing all", robots_url, exc.status)
            parser.parse([])  # no rules: everything allowed
            return parser
        except FetchError as exc:
            log.warning("robots.txt at %s unreachable (%s); allowing all", robots_url, exc)
            parser.parse([])  # no rules: everything allowed
            return parser
        parser.parse(body.decode("utf-8", "replace").splitlines())
        return parser
