"""Live updates: a version of what the pages show, and a server-sent event stream of it.

Pages carry the version part they show (``data-watch="brief/all"`` and the value it had);
``static/live.js`` listens on ``/events`` and reloads the page when that part changes.
``/version.json`` answers the same data once, for clients that prefer polling.
"""

from __future__ import annotations

import asyncio
import json
from typing import AsyncIterator, Callable

from livebrief.store import open_store
from livebrief.web import queries

CHECK_EVERY = 0.25     # seconds between looks at the store
HEARTBEAT_EVERY = 15.0  # seconds between comments that keep proxies from closing the stream
STREAM_FOR = 600.0     # seconds before the server ends a stream (EventSource reconnects); this also
                       # bounds how long a stream can hold up a server shutdown


async def event_stream(path: str, *, limit: int | None = None, check_every: float = CHECK_EVERY,
                       stream_for: float = STREAM_FOR) -> AsyncIterator[str]:
    """``version`` events: the current version at once, then each change; ends after ``limit`` events.

    The stream keeps one read connection to the store at ``path`` for its life; in WAL mode each
    read sees the latest commit.
    """
    store = await asyncio.to_thread(open_store, path)
    try:
        async for chunk in _events(lambda: queries.version_parts(store), limit=limit, check_every=check_every,
                                   stream_for=stream_for):
            yield chunk
    finally:
        store.close()


async def _events(read: Callable[[], dict[str, str]], *, limit: int | None, check_every: float,
                  stream_for: float) -> AsyncIterator[str]:
    loop = asyncio.get_running_loop()
    started = last_beat = loop.time()
    sent, previous = 0, None
    yield "retry: 2000\n\n"
    while True:
        parts = await asyncio.to_thread(read)
        if parts != previous:
            previous = parts
            yield f"event: version\ndata: {json.dumps(parts, separators=(',', ':'))}\n\n"
            sent += 1
            if limit is not None and sent >= limit:
                return
        now = loop.time()
        if now - started > stream_for:
            return
        if now - last_beat > HEARTBEAT_EVERY:
            last_beat = now
            yield ": keep-alive\n\n"
        await asyncio.sleep(check_every)
