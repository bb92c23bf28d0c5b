"""Serve the demo corpus over HTTP on loopback, as the imaginary outlets would.

Files may contain the placeholder ``{{BASE}}``; it is replaced by the server's own
base URL, so feeds and "Source link" anchors point at this server.
"""

from __future__ import annotations

import mimetypes
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

CORPUS_DIR = Path(__file__).resolve().parent / "corpus"
FEED_NAMES = ("feed.xml", "atom.xml", "rss.xml", "index.rdf")
ROBOTS = b"User-agent: *\nDisallow: /private/\n"


def feed_paths(root: Path = CORPUS_DIR) -> list[str]:
    """Paths (relative to the corpus root) of every outlet's feed, sorted."""
    return sorted(str(p.relative_to(root)) for name in FEED_NAMES for p in root.glob(f"*/{name}"))


class CorpusServer:
    """A ThreadingHTTPServer on 127.0.0.1 serving ``root``; use as a context manager."""

    def __init__(self, root: Path = CORPUS_DIR, *, host: str = "127.0.0.1", port: int = 0) -> None:
        self.root = root.resolve()
        handler = _handler_for(self)
        self.httpd = ThreadingHTTPServer((host, port), handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, name="demo-corpus", daemon=True)
        self.requests = 0

    @property
    def base_url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return f"{self.base_url}/{path.lstrip('/')}"

    def __enter__(self) -> CorpusServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def _handler_for(server: CorpusServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "livebrief-demo/1"

        def log_message(self, format: str, *args: object) -> None:  # quiet: the demo prints its own
            pass

        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            server.requests += 1
            path = self.path.split("?", 1)[0]
            if path == "/robots.txt":
                return self._send(200, ROBOTS, "text/plain")
            target = (server.root / path.lstrip("/")).resolve()
            if target.is_dir():
                target = target / "index.html"
            if server.root not in target.parents or not target.is_file():
                return self._send(404, b"not found", "text/plain")
            body = target.read_bytes().replace(b"{{BASE}}", server.base_url.encode())
            kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
            if target.suffix in {".xml", ".rdf"}:
                kind = "application/xml"
            self._send(200, body, kind)

        def _send(self, status: int, body: bytes, kind: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", f"{kind}; charset=utf-8" if kind.startswith(("text", "application/xml")) else kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return Handler
