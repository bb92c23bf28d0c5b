"""Turning one item's SourceError into a Failure record."""

from __future__ import annotations

from livebrief.errors import FetchError, SourceError
from livebrief.model import Failure


def as_failure(item: str, exc: SourceError) -> Failure:
    """A Failure at stage ``fetch`` for HTTP problems, ``source`` for unreadable inputs."""
    return Failure.from_exception("fetch" if isinstance(exc, FetchError) else "source", item, exc)
