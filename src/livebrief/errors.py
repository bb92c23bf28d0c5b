"""One exception tree for livebrief.

    LivebriefError                    root; carries ``item`` (url, path or id) when known
    ├── ConfigError                   bad settings file, unknown key, bad value
    ├── SourceError                   getting bytes for one item failed
    │   ├── FetchError                HTTP-level failure
    │   │   ├── RobotsDisallowed      robots.txt forbids the URL
    │   │   ├── HttpStatusError       non-success status after retries (``status``)
    │   │   ├── FetchTimeout          connect/read timeout
    │   │   ├── TooLarge              body over the size cap (``limit``)
    │   │   ├── TooManyRedirects      redirect loop or chain over the cap
    │   │   └── BlockedAddress        URL resolves to a private/loopback address
    │   ├── FeedError                 a feed or sitemap that cannot be parsed
    │   └── InputError                unreadable local file, WARC or JSONL record
    ├── ExtractionError               HTML/text produced no usable article
    ├── DedupError                    a signature that cannot be read or does not fit the index
    ├── AnalysisError                 NLP failed on one article
    ├── BriefError                    a briefing that cannot be published
    │   ├── NothingToBrief            no story in the window has a citable source sentence
    │   └── ProvenanceError           a part cannot be proven from its sources (``problems``)
    ├── BatchError                    a batch that cannot run as asked
    ├── StoreError                    the store cannot be opened or migrated
    └── web.errors.WebError           HTTP-facing errors of the web app (``status``)

Every error raised for one item is turned into a :class:`livebrief.model.Failure`
by the stage runner; anything that is not a ``LivebriefError`` is a bug and propagates.
"""

from __future__ import annotations


class LivebriefError(Exception):
    """Root of all livebrief errors."""

    code = "error"

    def __init__(self, message: str, *, item: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.item = item

    def __str__(self) -> str:
        return self.message


class ConfigError(LivebriefError):
    code = "config"


class SourceError(LivebriefError):
    code = "source"


class FetchError(SourceError):
    code = "fetch"


class RobotsDisallowed(FetchError):
    code = "robots"


class HttpStatusError(FetchError):
    code = "http_status"

    def __init__(self, message: str, *, item: str | None = None, status: int = 0) -> None:
        super().__init__(message, item=item)
        self.status = status


class FetchTimeout(FetchError):
    code = "timeout"


class TooLarge(FetchError):
    code = "too_large"

    def __init__(self, message: str, *, item: str | None = None, limit: int = 0) -> None:
        super().__init__(message, item=item)
        self.limit = limit


class TooManyRedirects(FetchError):
    code = "redirects"


class BlockedAddress(FetchError):
    code = "blocked_address"


class FeedError(SourceError):
    code = "feed"


class InputError(SourceError):
    code = "input"


class ExtractionError(LivebriefError):
    code = "extraction"


class AnalysisError(LivebriefError):
    code = "analysis"


class StoreError(LivebriefError):
    code = "store"


class DedupError(LivebriefError):
    """A signature that cannot be read or does not fit the index it is given to."""

    code = "dedup"


class BriefError(LivebriefError):
    code = "brief"


class NothingToBrief(BriefError):
    """No story in the window (and on the topic) has a citable source sentence."""

    code = "empty"


class ProvenanceError(BriefError):
    """A briefing that cannot be proven from its sources; ``problems`` lists why."""

    code = "provenance"

    def __init__(self, problems, *, item: str | None = None) -> None:  # type: ignore[no-untyped-def]
        self.problems = tuple(problems)
        lines = "\n".join(f"  - {p}" for p in self.problems)
        super().__init__(f"briefing not published: {len(self.problems)} provenance problem(s)\n{lines}",
                         item=item)


class BatchError(LivebriefError):
    """A batch that cannot run as asked: an output folder from another plan, a missing engine."""

    code = "batch"
