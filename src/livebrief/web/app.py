"""The web app: FastAPI, server-rendered pages, a ``.json`` twin for every page.

``create_app(settings)`` builds it. Each request opens its own read connection to the store
(SQLite in WAL mode lets readers run beside the watcher, the one writer of pipeline results).
JSON routes answer errors as ``{"ok": false, "error": …, "status": …}``; HTML routes answer
with a friendly page. Every response carries a strict Content-Security-Policy: scripts and
styles only from ``/static``, nothing from other hosts, so the app works offline and a
``<script>`` planted in an article cannot run even if it ever slipped past escaping.
"""

from __future__ import annotations

import logging
from typing import Any, Iterator

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from livebrief import __version__
from livebrief.errors import ConfigError, LivebriefError
from livebrief.settings import Settings
from livebrief.store import Store, open_store
from livebrief.web.errors import WebError, error_payload
from livebrief.web.render import STATIC_DIR, render

log = logging.getLogger(__name__)

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}
JSON_PATHS = ("/events", "/run", "/openapi.json")


def create_app(settings: Settings, *, watcher: Any = None) -> FastAPI:
    """The web app over the store named by ``settings``; ``watcher`` runs the pipeline on request."""
    app = FastAPI(title="livebrief", version=__version__, docs_url=None, redoc_url=None,
                  description="A sourced live briefing. Every HTML page has a .json twin; writes need "
                              "the web.token setting, sent as 'Authorization: Bearer <token>'.")
    app.state.settings = settings
    app.state.watcher = watcher
    app.add_middleware(SecurityHeaders)
    app.mount("/static", StaticFiles(directory=str(STATIC_DIR)), name="static")
    app.add_exception_handler(WebError, _web_error)
    app.add_exception_handler(LivebriefError, _livebrief_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(Exception, _server_error)
    from livebrief.web.routes import router

    app.include_router(router)
    return app


def get_store(request: Request) -> Iterator[Store]:
    """A dependency: the store, opened for this request and closed after it."""
    store = open_store(request.app.state.settings.db_path)
    try:
        yield store
    finally:
        store.close()


class SecurityHeaders:
    """Adds the security headers to every response (pure ASGI, so streams pass through)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                for name, value in SECURITY_HEADERS.items():
                    if name.lower().encode() not in present:
                        headers.append((name.lower().encode(), value.encode()))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


# -- errors: one JSON shape, one friendly page ----------------------------------------------------


def wants_json(request: Request) -> bool:
    """JSON for ``.json`` paths, the API endpoints, and clients that ask for JSON rather than HTML."""
    path = request.url.path
    if path.endswith(".json") or path in JSON_PATHS:
        return True
    accept = request.headers.get("accept", "")
    if "application/json" in accept and "text/html" not in accept:
        return True
    return request.headers.get("content-type", "").startswith("application/json")


def error_response(request: Request, message: str, status: int, *, headers: dict[str, str] | None = None) -> Any:
    headers = {**(headers or {}), **({"WWW-Authenticate": "Bearer"} if status == 401 else {})}
    if wants_json(request):
        return JSONResponse(error_payload(message, status), status_code=status, headers=headers)
    html = render("error.html", status=status, message=message, title=_TITLES.get(status, "Something went wrong"),
                  live=None, json_href=None, nav="")
    return HTMLResponse(html, status_code=status, headers=headers)


_TITLES = {400: "That request did not work", 401: "A token is needed", 403: "Not allowed",
           404: "Not found", 405: "Not allowed here", 422: "That request did not work",
           500: "Something went wrong", 503: "Busy"}


async def _web_error(request: Request, exc: Exception) -> Any:
    assert isinstance(exc, WebError)
    return error_response(request, exc.message, exc.status)


async def _livebrief_error(request: Request, exc: Exception) -> Any:
    assert isinstance(exc, LivebriefError)
    status = 400 if isinstance(exc, ConfigError) else 500
    if status == 500:
        log.error("%s on %s: %s", type(exc).__name__, request.url.path, exc)
    return error_response(request, str(exc), status)


async def _http_error(request: Request, exc: Exception) -> Any:
    assert isinstance(exc, StarletteHTTPException)
    message = exc.detail if isinstance(exc.detail, str) else "error"
    if exc.status_code == 404 and message == "Not Found":
        message = f"nothing at {request.url.path}"
    return error_response(request, message, exc.status_code, headers=getattr(exc, "headers", None))


async def _validation_error(request: Request, exc: Exception) -> Any:
    assert isinstance(exc, RequestValidationError)
    problems = "; ".join(f"{'.'.join(str(p) for p in e.get('loc', ()) if p != 'query')}: {e.get('msg')}"
                         for e in exc.errors())
    return error_response(request, f"bad request: {problems}", 422)


async def _server_error(request: Request, exc: Exception) -> Any:
    log.error("unexpected error on %s", request.url.path, exc_info=exc)
    response = error_response(request, "internal error; the server log has the details", 500)
    response.headers.update(SECURITY_HEADERS)  # this answer is made outside the middleware
    return response
