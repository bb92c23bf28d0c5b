"""Writes the web app makes: adding and removing feeds. The routes check the token first."""

from __future__ import annotations

import json
import socket
from typing import Any, Callable
from urllib.parse import urlsplit

from livebrief.errors import BlockedAddress, FetchError
from livebrief.settings import Settings
from livebrief.sources.guard import check_public
from livebrief.store import Store
from livebrief.web import queries
from livebrief.web.errors import BadRequest, Forbidden, NotFound

MAX_URL = 2000


def add_feed(store: Store, settings: Settings, url: str, *, title: str | None = None,
             resolve: Callable[..., Any] = socket.getaddrinfo) -> dict[str, Any]:
    """Register a feed submitted through the web app.

    The URL must be http(s) and, unless ``fetch.allow_private`` is on, every address of its
    host must be public (the fetcher checks redirect hops again when it polls).
    """
    url = (url or "").strip()
    parts = urlsplit(url)
    if len(url) > MAX_URL or parts.scheme not in ("http", "https") or not parts.hostname:
        raise BadRequest(f"a feed URL must be an http(s) URL with a host, not {url[:200]!r}")
    if not settings["fetch.allow_private"]:
        try:
            check_public(url, resolve=resolve)
        except BlockedAddress as exc:
            raise Forbidden(f"{exc}. Feeds on this machine's network are refused unless the operator sets "
                            f"fetch.allow_private = true") from None
        except FetchError as exc:
            raise BadRequest(str(exc)) from None
    with store.transaction():
        added = store.add_feed(url, title=(title or "").strip() or None)
        mine = queries.web_feeds(store) | {url}
        store.save_state(queries.WEB_FEEDS_STATE, json.dumps(sorted(mine)).encode("utf-8"))
    return {"ok": True, "url": url, "added": added}


def remove_feed(store: Store, url: str) -> dict[str, Any]:
    """Stop polling a feed (its articles stay)."""
    url = (url or "").strip()
    with store.transaction():
        if not store.remove_feed(url):
            raise NotFound(f"no feed {url!r} is registered")
        mine = queries.web_feeds(store) - {url}
        store.save_state(queries.WEB_FEEDS_STATE, json.dumps(sorted(mine)).encode("utf-8"))
    return {"ok": True, "url": url, "removed": True}
