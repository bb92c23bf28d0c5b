"""Shared records that flow one way through the pipeline.

Every record is a frozen dataclass built from the standard library only, with
``to_dict``/``from_dict`` for JSON and the store. IDs are content hashes, so
ingesting the same thing twice yields the same ID.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, ClassVar, TypeVar

T = TypeVar("T", bound="Record")


def utcnow() -> str:
    """Now, as an ISO 8601 UTC timestamp with seconds precision."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def content_id(*parts: str | None, prefix: str = "", length: int = 16) -> str:
    """A stable ID: the SHA-1 of the parts joined, shortened, with an optional prefix."""
    digest = hashlib.sha1("\x1f".join(p or "" for p in parts).encode("utf-8")).hexdigest()
    return prefix + digest[:length]


_SPACE = re.compile(r"\s+")
_NON_WORD = re.compile(r"[^\w\s]", re.UNICODE)


def normalize_text(text: str) -> str:
    """Text folded for comparison: NFKC, lower case, punctuation dropped, spaces collapsed."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = _NON_WORD.sub(" ", text)
    return _SPACE.sub(" ", text).strip()


def text_hash(text: str) -> str:
    """Hash of the normalised text: equal for copies that differ only in spacing or punctuation."""
    return content_id(normalize_text(text), length=40)


class Record:
    """Mixin giving dataclasses a JSON-friendly round trip."""

    _tuple_fields: ClassVar[tuple[str, ...]] = ()

    def to_dict(self) -> dict[str, Any]:
        return _plain(dataclasses.asdict(self))  # type: ignore[call-overload]

    @classmethod
    def from_dict(cls: type[T], data: dict[str, Any]) -> T:
        names = {f.name: f for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
        kwargs: dict[str, Any] = {}
        for key, value in data.items():
            if key not in names:
                continue
            if isinstance(value, list):
                value = tuple(value)
            kwargs[key] = value
        return cls(**kwargs)

    def replace(self: T, **changes: Any) -> T:
        return dataclasses.replace(self, **changes)  # type: ignore[type-var]


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return value


@dataclass(frozen=True)
class Hints(Record):
    """Metadata a source already knows about a document (from a feed item or JSONL record)."""

    title: str | None = None
    published: str | None = None
    authors: tuple[str, ...] = ()
    outlet: str | None = None
    language: str | None = None
    summary: str | None = None


@dataclass(frozen=True)
class RawDocument(Record):
    """Bytes as a source delivered them, before extraction.

    ``kind`` is ``html`` for markup and ``text`` for already-scraped plain text.
    ``source`` names the input the document came from (feed URL, file path, ``-``).
    """

    body: bytes
    kind: str = "html"
    url: str | None = None
    final_url: str | None = None
    source: str = ""
    content_type: str | None = None
    encoding: str | None = None
    fetched_at: str = field(default_factory=utcnow)
    etag: str | None = None
    last_modified: str | None = None
    hints: Hints = field(default_factory=Hints)

    @property
    def location(self) -> str:
        """Best name for this document in messages: its URL, else its source."""
        return self.final_url or self.url or self.source or "<unnamed>"

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RawDocument:
        data = dict(data)
        body = data.get("body", b"")
        data["body"] = body.encode("utf-8") if isinstance(body, str) else body
        hints = data.get("hints") or {}
        data["hints"] = hints if isinstance(hints, Hints) else Hints.from_dict(hints)
        return super().from_dict.__func__(cls, data)  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Article(Record):
    """A clean article: main text and metadata, boilerplate removed.

    ``id`` is a content hash of the URL and the normalised text, so the same page
    ingested twice has the same ID, and a changed page at one URL gets a new one.
    ``original_url`` is set when the page says it republishes another page.
    """

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    canonical_url: str | None = None
    original_url: str | None = None
    source: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    language: str | None = None
    removed: tuple[str, ...] = ()
    credits: tuple[str, ...] = ()
    fetched_at: str | None = None
    input: str | None = None
    text_hash: str = ""

    @staticmethod
    def make_id(url: str | None, text: str) -> str:
        return content_id(url or "", text_hash(text), prefix="a")

    def contract(self) -> dict[str, Any]:
        """The ``article`` object of the analysis contract."""
        return {
            "id": self.id,
            "url": self.url,
            "source": self.source,
            "original_url": self.original_url,
            "canonical_url": self.canonical_url,
            "title": self.title,
            "authors": list(self.authors),
            "published": self.published,
            "language": self.language,
            "text": self.text,
            "removed": list(self.removed),
            "credits": list(self.credits),
        }


@dataclass(frozen=True)
class Failure(Record):
    """One item that failed at one stage; the run goes on without it."""

    stage: str
    item: str
    error: str
    message: str
    at: str = field(default_factory=utcnow)

    @classmethod
    def from_exception(cls, stage: str, item: str, exc: BaseException) -> Failure:
        code = getattr(exc, "code", type(exc).__name__)
        return cls(stage=stage, item=getattr(exc, "item", None) or item, error=code, message=str(exc))


@dataclass(frozen=True)
class FeedState(Record):
    """A polled feed and how its last fetches went."""

    url: str
    title: str | None = None
    added_at: str | None = None
    last_fetched: str | None = None
    last_status: int | None = None
    last_error: str | None = None
    error_count: int = 0
    item_count: int = 0


@dataclass(frozen=True)
class CopyLink(Record):
    """An article that is a copy of another: how we know, and how alike they are."""

    article_id: str
    original_id: str
    method: str  # "exact", "near", "source_link", "canonical"
    similarity: float = 1.0
