"""The watcher: poll feeds on their schedule and run the pipeline incrementally.

One cycle is :func:`run_pipeline`: poll due feeds → analyse new articles → add them to
stories → publish each topic's briefing when stories changed. The :class:`Watcher` repeats
cycles in its own thread (with its own store connection), waking early when the web app asks
for a run (a feed was added, someone pressed "run now").

Feeds added through the web app are fetched with the address guard on (loopback and private
addresses refused unless ``fetch.allow_private``), on every redirect hop; feeds the operator
registered from the command line are trusted as the CLI trusts them.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Callable, Iterable, Sequence

from livebrief.errors import LivebriefError
from livebrief.model import Failure, utcnow
from livebrief.settings import Settings
from livebrief.store import Store, open_store
from livebrief.web import queries

log = logging.getLogger(__name__)

IDLE_WAIT = 5.0  # seconds between looks at the feed list when nothing is due


@dataclass
class RunReport:
    """What one pipeline cycle did."""

    trigger: str
    started_at: str = field(default_factory=utcnow)
    finished_at: str | None = None
    counts: dict[str, int] = field(default_factory=dict)
    failures: list[Failure] = field(default_factory=list)
    briefs: dict[str, str] = field(default_factory=dict)
    error: str | None = None

    def add(self, name: str, amount: int = 1) -> None:
        if amount:
            self.counts[name] = self.counts.get(name, 0) + amount

    def to_dict(self) -> dict[str, Any]:
        return {"trigger": self.trigger, "started_at": self.started_at, "finished_at": self.finished_at,
                "counts": dict(self.counts), "failures": [f.to_dict() for f in self.failures[:20]],
                "failed": len(self.failures), "briefs": dict(self.briefs), "error": self.error}


@dataclass
class Fetchers:
    """The two fetchers a cycle uses, kept between cycles for their rate limits and robots cache."""

    trusted: Any = None
    guarded: Any = None

    def get(self, store: Store, settings: Settings, *, guarded: bool) -> Any:
        from livebrief.jobs import make_fetcher

        if guarded:
            if self.guarded is None:
                self.guarded = make_fetcher(settings, store, allow_private=bool(settings["fetch.allow_private"]))
            return self.guarded
        if self.trusted is None:
            self.trusted = make_fetcher(settings, store, allow_private=True)
        return self.trusted

    def close(self) -> None:
        for fetcher in (self.trusted, self.guarded):
            if fetcher is not None:
                fetcher.close()
        self.trusted = self.guarded = None


def run_pipeline(
    store: Store,
    settings: Settings,
    *,
    feeds: Iterable[str] | None = None,
    topics: Sequence[str] = ("all",),
    since: str | None = "24h",
    rebrief: bool = False,
    trigger: str = "run",
    fetchers: Fetchers | None = None,
) -> RunReport:
    """One incremental cycle over the store; ``feeds=None`` polls every registered feed.

    Briefings are published for ``topics`` when stories changed, when ``rebrief`` is set, or
    when a topic has none yet. A topic with nothing to brief is counted, not failed; a
    briefing that fails its provenance check becomes a recorded Failure (stage ``brief``).
    """
    from livebrief.brief import NothingToBrief, load_brief, make_brief
    from livebrief.jobs import analyze_stored, build_stories, poll_feeds
    from livebrief.nlp import PIPELINE_VERSION

    report = RunReport(trigger=trigger)
    own = fetchers is None
    fetchers = fetchers or Fetchers()
    try:
        registered = [f.url for f in store.feeds()]
        wanted = [u for u in (registered if feeds is None else feeds) if u in set(registered)]
        from_web = queries.web_feeds(store)
        for guarded in (False, True):
            urls = [u for u in wanted if (u in from_web) == guarded]
            if not urls:  # poll_feeds reads an empty selection as "every feed"
                continue
            polled = poll_feeds(store=store, settings=settings, urls=urls,
                                fetcher=fetchers.get(store, settings, guarded=guarded))
            report.add("feeds_polled", len(urls))
            for name in ("new", "revision", "exists", "failed"):
                report.add(f"articles_{name}", polled.counts[name])
            report.failures += polled.failures
        # Loading the language model costs seconds; only do it when an article waits for it.
        if store.unanalyzed(PIPELINE_VERSION):
            analyzed = analyze_stored(store=store, settings=settings)
            report.add("analyzed", analyzed.counts["analyzed"])
            report.add("analysis_skipped", analyzed.counts["skipped"])
            report.failures += analyzed.failures
        touched = build_stories(store=store, settings=settings)
        report.add("stories_touched", len(touched))
        for topic in topics:
            if not (touched or rebrief) and load_brief(store, topic) is not None:
                continue
            try:
                brief = make_brief(store, settings, topic=topic, since=since)
            except NothingToBrief:
                report.add("nothing_to_brief")
                continue
            except LivebriefError as exc:
                failure = Failure.from_exception("brief", topic, exc)
                store.add_failure(failure)
                report.failures.append(failure)
                continue
            report.briefs[topic] = brief.id
        report.add("briefs_published", len(report.briefs))
    finally:
        if own:
            fetchers.close()
        report.finished_at = utcnow()
    return report


class Watcher:
    """Runs pipeline cycles in a background thread: on the feeds' schedule and on request.

    With ``schedule=False`` it only runs when :meth:`request` is called (``serve`` without
    ``--watch``: the web app's "run now" still works).
    """

    def __init__(self, settings: Settings, *, schedule: bool = True, interval: float | None = None,
                 topics: Sequence[str] | None = None, since: str | None = "24h",
                 on_report: Callable[[RunReport], None] | None = None) -> None:
        self.settings = settings
        self.on_report = on_report
        self.schedule = schedule
        self.interval = float(interval if interval is not None else settings["fetch.feed_interval"])
        self.topics = tuple(topics) if topics else ("all", *(str(t["name"]) for t in settings.topics))
        self.since = since
        self.runs = 0
        self.last: RunReport | None = None
        self.running = False
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._requested: set[str] | None = None  # None: nothing asked; empty: every feed
        self._lock = threading.Lock()
        self._next_due: dict[str, float] = {}
        self._thread: threading.Thread | None = None

    # -- control ----------------------------------------------------------------------------

    def start(self) -> None:
        """Run the loop in a daemon thread (unexpected errors are logged and the loop goes on)."""
        self._thread = threading.Thread(target=self.run_forever, kwargs={"keep_going": True},
                                        name="livebrief-watcher", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 30.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def request(self, urls: Iterable[str] | None = None) -> None:
        """Ask for a cycle now: for some feeds, or every feed when ``urls`` is None."""
        with self._lock:
            wanted = set(urls or ())
            if self._requested is None:
                self._requested = wanted
            elif not wanted or not self._requested:
                self._requested = set()
            else:
                self._requested |= wanted
        self._wake.set()

    def status(self) -> dict[str, Any]:
        soonest = min(self._next_due.values(), default=None)
        return {
            "scheduled": self.schedule, "running": self.running, "runs": self.runs, "interval": self.interval,
            "topics": list(self.topics), "since": self.since,
            "next_poll_in": round(max(0.0, soonest - time.monotonic()), 1) if soonest and self.schedule else None,
            "last": self.last.to_dict() if self.last else None,
        }

    # -- the loop -----------------------------------------------------------------------------

    def run_forever(self, *, keep_going: bool = False) -> None:
        """Cycle until :meth:`stop`; with ``keep_going`` a bug in one cycle is logged, not fatal."""
        fetchers = Fetchers()
        with open_store(self.settings.db_path) as store:
            first = True
            try:
                while not self._stop.is_set():
                    due, trigger = self._take_due(store, first=first)
                    if due is not None:
                        try:
                            self._cycle(store, due, trigger=trigger, rebrief=first, fetchers=fetchers)
                        except Exception as exc:  # the edge of a long-running service
                            if not keep_going:
                                raise
                            log.exception("watcher cycle failed")
                            self.last = RunReport(trigger=trigger, finished_at=utcnow(),
                                                  error=f"{type(exc).__name__}: {exc}")
                        first = False
                    self._wake.wait(self._wait_time())
                    self._wake.clear()
            finally:
                fetchers.close()

    def run_once(self, *, trigger: str = "once") -> RunReport:
        """One cycle over every feed, in the calling thread."""
        with open_store(self.settings.db_path) as store:
            return self._cycle(store, None, trigger=trigger, rebrief=True, fetchers=None)

    def _cycle(self, store: Store, feeds: list[str] | None, *, trigger: str, rebrief: bool,
               fetchers: Fetchers | None) -> RunReport:
        self.running = True
        try:
            report = run_pipeline(store, self.settings, feeds=feeds, topics=self.topics, since=self.since,
                                  rebrief=rebrief, trigger=trigger, fetchers=fetchers)
        finally:
            self.running = False
        now = time.monotonic()
        for url in feeds if feeds is not None else [f.url for f in store.feeds()]:
            self._next_due[url] = now + self.interval
        self.runs += 1
        self.last = report
        log.info("watcher cycle (%s): %s", trigger, report.counts)
        if self.on_report is not None:
            self.on_report(report)
        return report

    def _take_due(self, store: Store, *, first: bool) -> tuple[list[str] | None, str]:
        """Feeds to poll now and why, or (None, "") when nothing is due."""
        with self._lock:
            requested, self._requested = self._requested, None
        urls = [f.url for f in store.feeds()]
        if requested is not None:
            return (urls if not requested else [u for u in urls if u in requested]), "request"
        if not self.schedule:
            return None, ""
        now = time.monotonic()
        for feed in store.feeds():
            if feed.url not in self._next_due:
                self._next_due[feed.url] = now + self._remaining(feed.last_fetched)
        due = [u for u in urls if self._next_due.get(u, 0.0) <= now]
        if due:
            return due, "schedule"
        return ([], "start") if first else (None, "")

    def _remaining(self, last_fetched: str | None) -> float:
        """Seconds until a feed fetched at ``last_fetched`` is due (0 when never fetched)."""
        if not last_fetched:
            return 0.0
        try:
            then = datetime.fromisoformat(last_fetched)
        except ValueError:
            return 0.0
        age = (datetime.now(timezone.utc) - then).total_seconds()
        return max(0.0, self.interval - age)

    def _wait_time(self) -> float:
        if not self.schedule or not self._next_due:
            return IDLE_WAIT
        soonest = min(self._next_due.values()) - time.monotonic()
        return max(0.05, min(IDLE_WAIT, soonest))
