"""A real HTTP server on 127.0.0.1 serving fixture feeds, pages and scripted misbehaviour."""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from livebrief.settings import DEFAULTS
from livebrief.sources.cache import HttpCache
from livebrief.sources.fetch import Fetcher

FIXTURES = Path(__file__).parent / "fixtures"
TYPES = {".xml": "application/xml", ".rdf": "application/rdf+xml", ".html": "text/html; charset=utf-8",
         ".txt": "text/plain; charset=utf-8"}
PAGE = b"<!DOCTYPE html><html><head><title>Scripted</title></head><body><p>Scripted page.</p></body></html>"


@dataclass
class Request:
    path: str
    headers: dict[str, str]


@dataclass
class Reply:
    status: int = 200
    body: bytes = PAGE
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "text/html; charset=utf-8"})
    delay: float = 0.0
    drop: bool = False  # close the connection without answering


class ScriptedServer:
    """Serves ``fixtures/`` (``BASE_URL`` replaced by the server's address) plus scripted routes.

    ``robots`` is the robots.txt reply: the fixture by default, a status code
    (404, 500) to script a failing robots.txt, or other rules as bytes.
    """

    def __init__(self) -> None:
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self.httpd.daemon_threads = True
        self.httpd.block_on_close = False  # a handler still sleeping must not hold up teardown
        self.httpd.scripted = self  # type: ignore[attr-defined]
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.requests: list[Request] = []
        self.hits: Counter[str] = Counter()
        self.robots: int | bytes | None = None
        self.lock = threading.Lock()

    def url(self, path: str) -> str:
        return self.base + path

    def paths(self) -> list[str]:
        return [r.path for r in self.requests]

    def reply(self, path: str, headers: dict[str, str]) -> Reply:
        with self.lock:
            self.requests.append(Request(path, headers))
            self.hits[path] += 1
            hit = self.hits[path]
        if path.startswith("/chain/"):
            # Always somewhere new: a redirect chain longer than any cap, but no loop.
            return Reply(status=302, body=b"", headers={"Location": f"/chain/{int(path[7:]) + 1}"})
        script = SCRIPTS.get(path.split("?")[0])
        if script is not None:
            return script(hit, headers, self)
        if path == "/robots.txt" and isinstance(self.robots, int):
            return Reply(status=self.robots, body=b"", headers={})
        if path == "/robots.txt" and isinstance(self.robots, bytes):
            return Reply(body=self.robots, headers={"Content-Type": "text/plain"})
        return self.static(path)

    def static(self, path: str) -> Reply:
        file = (FIXTURES / path.lstrip("/")).resolve()
        if FIXTURES.resolve() not in file.parents or not file.is_file():
            return Reply(status=404, body=b"not found", headers={"Content-Type": "text/plain"})
        body = file.read_bytes().replace(b"BASE_URL", self.base.encode())
        kind = TYPES.get(file.suffix, "application/octet-stream")
        return Reply(body=body, headers={"Content-Type": kind})


def _etag(hit: int, headers: dict[str, str], server: ScriptedServer) -> Reply:
    if headers.get("if-none-match") == '"v1"':
        return Reply(status=304, body=b"", headers={"ETag": '"v1"'})
    return Reply(headers={"Content-Type": "text/html", "ETag": '"v1"',
                          "Last-Modified": "Tue, 07 May 2024 08:00:00 GMT"})


def _flaky(status: int, extra: dict[str, str]) -> Callable[[int, dict[str, str], ScriptedServer], Reply]:
    def script(hit: int, headers: dict[str, str], server: ScriptedServer) -> Reply:
        return Reply(status=status, body=b"busy", headers=dict(extra)) if hit == 1 else Reply()
    return script


def _retry_at_date(hit: int, headers: dict[str, str], server: ScriptedServer) -> Reply:
    later = format_datetime(datetime.now(timezone.utc) + timedelta(hours=1), usegmt=True)
    return Reply(status=503, body=b"down", headers={"Retry-After": later}) if hit == 1 else Reply()


def _redirect(target: str) -> Callable[[int, dict[str, str], ScriptedServer], Reply]:
    return lambda hit, headers, server: Reply(status=302, body=b"", headers={"Location": target})


SCRIPTS: dict[str, Callable[[int, dict[str, str], ScriptedServer], Reply]] = {
    "/etag": _etag,
    "/flaky-429": _flaky(429, {"Retry-After": "1"}),
    "/flaky-500": _flaky(500, {}),
    "/always-500": lambda hit, headers, server: Reply(status=500, body=b"broken", headers={}),
    "/retry-date": _retry_at_date,
    "/loop-a": _redirect("/loop-b"),
    "/loop-b": _redirect("/loop-a"),
    "/moved": _redirect("/pages/one.html"),
    "/slow": lambda hit, headers, server: Reply(delay=2.0),
    "/big": lambda hit, headers, server: Reply(body=b"x" * 3000, headers={"Content-Type": "text/html"}),
    "/big-stream": lambda hit, headers, server: Reply(body=b"y" * 3000, headers={"Content-Type": "text/html",
                                                                                 "X-No-Length": "1"}),
    "/plain": lambda hit, headers, server: Reply(body=b"Plain words.", headers={"Content-Type": "text/plain"}),
    "/pdf": lambda hit, headers, server: Reply(body=b"%PDF-1.4 ...", headers={"Content-Type": "application/pdf"}),
    "/octet": lambda hit, headers, server: Reply(headers={"Content-Type": "application/octet-stream"}),
    "/drop": lambda hit, headers, server: Reply(drop=True),
}


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        server: ScriptedServer = self.server.scripted  # type: ignore[attr-defined]
        reply = server.reply(self.path, {k.lower(): v for k, v in self.headers.items()})
        if reply.drop:
            self.close_connection = True
            return
        if reply.delay:
            time.sleep(reply.delay)
        try:
            self.send_response(reply.status)
            for name, value in reply.headers.items():
                if name != "X-No-Length":
                    self.send_header(name, value)
            if "X-No-Length" not in reply.headers:
                self.send_header("Content-Length", str(len(reply.body)))
            self.end_headers()
            # Written in pieces so that a body without Content-Length is really streamed.
            for start in range(0, len(reply.body), 1000):
                self.wfile.write(reply.body[start:start + 1000])
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up first (timeouts, size cap): expected in these tests

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def server() -> Iterator[ScriptedServer]:
    scripted = ScriptedServer()
    thread = threading.Thread(target=scripted.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield scripted
    scripted.httpd.shutdown()
    scripted.httpd.server_close()


class FakeTime:
    """A monotonic clock that only moves when someone sleeps; records every sleep."""

    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(round(seconds, 3))
        self.now += seconds


@pytest.fixture
def fake_time() -> FakeTime:
    return FakeTime()


@pytest.fixture
def make_fetcher(fake_time: FakeTime) -> Iterator[Callable[..., Fetcher]]:
    """Build Fetchers with test-friendly settings: no rate limit, fake sleeps, short timeouts."""
    made: list[Fetcher] = []

    def make(*, cache: HttpCache | None = None, allow_private: bool = True, transport: Any = None,
             **settings: Any) -> Fetcher:
        base = {"fetch.rate_limit": 0.0, "fetch.backoff": 0.5, "fetch.read_timeout": 0.5,
                "fetch.connect_timeout": 2.0, "fetch.max_retry_after": 30.0}
        base.update({"fetch." + k: v for k, v in settings.items()})
        fetcher = Fetcher(settings=DEFAULTS.with_overrides(base), clock=fake_time.clock, sleep=fake_time.sleep,
                          cache=cache, allow_private=allow_private, transport=transport)
        made.append(fetcher)
        return fetcher

    yield make
    for fetcher in made:
        fetcher.close()
