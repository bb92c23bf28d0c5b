"""Writes need the token from the settings (``web.token``); reading is open.

The token comes as ``Authorization: Bearer <token>`` or as a ``token`` form field (the HTML
forms). No token configured means writes are disabled. The token also stops cross-site
form posts: another site cannot know it.
"""

from __future__ import annotations

import hmac

from livebrief.settings import Settings
from livebrief.web.errors import Forbidden, Unauthorized

DISABLED = ("writes are disabled: no token is configured. Set one with [web] token = \"…\" in livebrief.toml "
            "or the LIVEBRIEF_WEB_TOKEN environment variable, then send it as 'Authorization: Bearer <token>'")


def bearer(header: str | None) -> str | None:
    """The token of an ``Authorization: Bearer`` header, if that is what it holds."""
    if not header:
        return None
    scheme, _, value = header.partition(" ")
    if scheme.lower() != "bearer":
        return None
    return value.strip() or None


def check_token(settings: Settings, *, header: str | None, form_token: str | None = None) -> None:
    """Raise Forbidden when writes are disabled, Unauthorized when the token is missing or wrong."""
    expected = str(settings["web.token"] or "")
    if not expected:
        raise Forbidden(DISABLED)
    given = bearer(header) or form_token or ""
    if not given:
        raise Unauthorized("this is a write: send the token as 'Authorization: Bearer <token>' or a token form field")
    if not hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8")):
        raise Unauthorized("wrong token")
