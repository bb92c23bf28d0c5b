"""Errors the web app answers with a status: one JSON shape, or a friendly page.

    LivebriefError
    └── WebError              carries ``status``
        ├── BadRequest        400: a bad query, URL or form
        ├── Unauthorized      401: a write without the right token
        ├── Forbidden         403: writes are disabled, or the URL is not allowed
        ├── NotFound          404: no such story, article, briefing, entity or place
        └── Unavailable       503: a run is already going
"""

from __future__ import annotations

from typing import Any

from livebrief.errors import LivebriefError


class WebError(LivebriefError):
    code = "web"
    status = 500

    def payload(self) -> dict[str, Any]:
        """The one JSON error shape of the API."""
        return {"ok": False, "error": self.message, "status": self.status}


class BadRequest(WebError):
    code = "bad_request"
    status = 400


class Unauthorized(WebError):
    code = "unauthorized"
    status = 401


class Forbidden(WebError):
    code = "forbidden"
    status = 403


class NotFound(WebError):
    code = "not_found"
    status = 404


class Unavailable(WebError):
    code = "unavailable"
    status = 503


def error_payload(message: str, status: int) -> dict[str, Any]:
    return {"ok": False, "error": message, "status": status}
