"""Compose the stages into streams. No I/O here: callers bring sources and sinks."""

from __future__ import annotations

import logging
from typing import Iterable, Iterator

from livebrief.errors import LivebriefError
from livebrief.extract import extract
from livebrief.model import Article, Failure, RawDocument
from livebrief.settings import DEFAULTS, Settings

log = logging.getLogger(__name__)


def extract_stream(
    items: Iterable[RawDocument | Failure], *, settings: Settings = DEFAULTS
) -> Iterator[tuple[RawDocument | None, Article | Failure]]:
    """Extract every raw document; failures pass through, bad items become failures."""
    for item in items:
        if isinstance(item, Failure):
            yield None, item
            continue
        try:
            yield item, extract(item, settings=settings)
        except LivebriefError as exc:
            log.info("extraction failed for %s: %s", item.location, exc)
            yield item, Failure.from_exception("extract", item.location, exc)
