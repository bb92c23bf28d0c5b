"""Live latency: a new feed item, until the web app shows it. Target: at most 2 s.

A feed server on 127.0.0.1 serves an RSS feed and pages from the bundled demo corpus; the
watcher (the one ``livebrief serve --watch`` runs) polls it every ``--interval`` seconds in
this process and the web app runs under uvicorn on a free loopback port. After a warm-up
(the language model loads, the first items become stories), each run adds one new item to
the feed and measures, by polling the web app every 50 ms:

* story: until ``/stories.json`` lists a story with the new article (what the story and home
  pages show);
* briefing: until ``/version.json`` reports a new briefing version (the briefing page's
  live.js reloads on that).

Baseline: the polling interval. An item added at a random moment waits interval/2 for the
next poll on average (up to a whole interval), so latency ≈ interval/2 + processing.

Run: ``.venv/bin/python benchmarks/latency.py --runs 5 --interval 0.5``
"""

from __future__ import annotations

import argparse
import json
import random
import socket
import statistics
import sys
import tempfile
import threading
import time
from email.utils import format_datetime
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx

from livebrief.demo.server import CORPUS_DIR
from livebrief.settings import DEFAULTS
from livebrief.store import open_store
from livebrief.web import Watcher, create_app


class FeedServer:
    """An RSS feed whose items the benchmark adds, and the demo corpus pages they link to."""

    def __init__(self) -> None:
        self.items: list[dict[str, Any]] = []
        self.lock = threading.Lock()
        handler = self._handler()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def add(self, entry: dict[str, Any]) -> str:
        with self.lock:
            self.items.insert(0, entry)
        return f"{self.base}/{entry['path']}"

    def feed(self) -> bytes:
        with self.lock:
            items = list(self.items)
        rows = "".join(
            f"<item><title>{_xml(i['title'])}</title><link>{self.base}/{i['path']}</link>"
            f"<guid isPermaLink=\"true\">{self.base}/{i['path']}</guid>"
            f"<pubDate>{format_datetime(datetime.fromisoformat(i['published']))}</pubDate></item>" for i in items)
        return (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Latency feed</title>'
                f"<link>{self.base}/</link><description>benchmark</description>{rows}</channel></rss>").encode()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802
                path = self.path.split("?", 1)[0].lstrip("/")
                if path == "feed.xml":
                    return self._send(200, server.feed(), "application/rss+xml")
                target = (CORPUS_DIR / path).resolve()
                if CORPUS_DIR in target.parents and target.is_file() and target.suffix == ".html":
                    body = target.read_bytes().replace(b"{{BASE}}", server.base.encode())
                    return self._send(200, body, "text/html; charset=utf-8")
                return self._send(404, b"not found", "text/plain")

            def _send(self, status: int, body: bytes, kind: str) -> None:
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        return Handler


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def start_web(settings: Any, watcher: Watcher) -> tuple[Any, str]:
    import uvicorn

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(create_app(settings, watcher=watcher), log_level="warning",
                                           timeout_graceful_shutdown=1))
    threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True).start()
    while not server.started:
        time.sleep(0.02)
    return server, f"http://127.0.0.1:{sock.getsockname()[1]}"


def in_a_story(client: httpx.Client, web: str, url: str) -> bool:
    """Whether the article at ``url`` is stored and listed in a story, as the web app says."""
    articles = client.get(f"{web}/articles.json", params={"limit": 50}).json()["articles"]
    found = next((a for a in articles if a["url"] == url), None)
    if found is None:
        return False
    return bool(client.get(f"{web}/articles/{found['id']}.json").json()["stories"])


def wait_until(check: Any, timeout: float, step: float = 0.02) -> float | None:
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if check():
            return time.monotonic() - start
        time.sleep(step)
    return None


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--interval", type=float, default=0.5, help="seconds between feed polls")
    parser.add_argument("--warmup", type=int, default=3, help="items in the feed before measuring")
    parser.add_argument("--timeout", type=float, default=30.0, help="give up on one run after this long")
    parser.add_argument("--seed", type=int, default=1, help="seed of the moments items are added")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    manifest = json.loads((CORPUS_DIR / "manifest.json").read_text(encoding="utf-8"))
    originals = [m for m in manifest if not m.get("copy_of")]
    # Items of distinct developments first, so each run is a new story rather than one more report.
    by_development: dict[str, dict[str, Any]] = {}
    for entry in originals:
        by_development.setdefault(entry["development"], entry)
    ordered = list(by_development.values()) + [m for m in originals if m not in by_development.values()]
    if len(ordered) < args.warmup + args.runs:
        sys.exit(f"the demo corpus has {len(ordered)} original articles; ask for fewer runs")

    folder = Path(tempfile.mkdtemp(prefix="livebrief-latency-"))
    settings = DEFAULTS.with_overrides({"store.path": str(folder / "store.db"), "fetch.rate_limit": 1000.0,
                                        "fetch.refetch_after": 3600}, origin="benchmark")
    feeds = FeedServer()
    with open_store(settings.db_path) as store:
        store.add_feed(f"{feeds.base}/feed.xml")
    for entry in ordered[:args.warmup]:
        feeds.add(entry)
    watcher = Watcher(settings, schedule=True, interval=args.interval, since="3650d")
    watcher.start()
    web, base = start_web(settings, watcher)
    client = httpx.Client(timeout=10)
    try:
        warm = wait_until(lambda: watcher.runs >= 1 and watcher.last is not None and not watcher.running
                          and watcher.last.counts.get("analyzed", 0) >= 1, timeout=300, step=0.1)
        if warm is None:
            sys.exit(f"warm-up did not finish: {watcher.status()}")
        print(f"warm-up: {watcher.status()['last']['counts']} in {warm:.1f} s", file=sys.stderr)
        story_times, brief_times, missed = [], [], 0
        phase = random.Random(args.seed)
        for entry in ordered[args.warmup:args.warmup + args.runs]:
            time.sleep(phase.uniform(0, args.interval))  # land at a random point of the poll cycle
            brief_before = client.get(f"{base}/version.json").json()["version"].get("brief/all")
            url = feeds.add(entry)
            started = time.monotonic()
            seen = wait_until(lambda: in_a_story(client, base, url), timeout=args.timeout, step=0.05)
            if seen is None:
                missed += 1
                print(f"not in a story after {args.timeout:g} s: {entry['title']}", file=sys.stderr)
                continue
            story_times.append(seen)
            brief = wait_until(lambda: client.get(f"{base}/version.json").json()["version"].get("brief/all")
                               != brief_before, timeout=max(0.1, args.timeout - (time.monotonic() - started)))
            if brief is not None:
                brief_times.append(time.monotonic() - started)
    finally:
        client.close()
        web.should_exit = True
        watcher.stop()
        feeds.close()

    result = {
        "runs": args.runs, "missed": missed, "poll_interval_s": args.interval,
        "baseline_expected_wait_s": round(args.interval / 2, 3), "target_s": 2.0,
        "story_visible_s": _stats(story_times), "briefing_updated_s": _stats(brief_times),
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"feed item -> visible in the web app, {len(story_times)} of {args.runs} runs "
          f"(poll interval {args.interval:g} s; target <= 2 s)")
    print(f"{'measure':<28}{'median':>9}{'p95':>9}{'max':>9}")
    print(f"{'baseline: interval / 2':<28}{args.interval / 2:>9.2f}{args.interval:>9.2f}{args.interval:>9.2f}")
    for name, values in (("story in /stories.json", story_times), ("new briefing version", brief_times)):
        stats = _stats(values)
        if stats:
            print(f"{name:<28}{stats['median']:>9.2f}{stats['p95']:>9.2f}{stats['max']:>9.2f}")
        else:
            print(f"{name:<28}{'-':>9}{'-':>9}{'-':>9}")


def _stats(values: list[float]) -> dict[str, float] | None:
    if not values:
        return None
    return {"median": round(statistics.median(values), 3), "p95": round(percentile(values, 0.95), 3),
            "max": round(max(values), 3)}


if __name__ == "__main__":
    main()
