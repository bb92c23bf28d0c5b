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
    captions: tuple[str, ...] = ()
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
            "captions": list(self.captions),
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


# -- understanding: what the nlp stage finds in one article ---------------------------------
# Offsets are character offsets into Article.text, start inclusive, end exclusive.

Span = tuple[int, int]


@dataclass(frozen=True)
class Entity(Record):
    """One real-world entity in an article: its fullest name, role and every mention."""

    id: str
    name: str
    type: str  # PERSON, ORG, GPE, LOC, NORP, FAC, EVENT, PRODUCT, WORK_OF_ART, LAW, OTHER
    mentions: tuple[Span, ...] = ()
    aliases: tuple[str, ...] = ()
    title: str | None = None


@dataclass(frozen=True)
class Quote(Record):
    """Words attributed to a speaker: direct, partial (inside a sentence) or indirect."""

    text: str
    kind: str  # direct, partial, indirect
    speaker: str | None
    start: int
    end: int
    speaker_id: str | None = None
    cue: str | None = None
    via: str | None = None
    speaker_span: Span | None = None


@dataclass(frozen=True)
class Claim(Record):
    """A statement with who asserts it and how: claim, report, verified or denial."""

    text: str
    claimant: str | None
    kind: str
    start: int
    end: int
    claimant_id: str | None = None
    cue: str | None = None
    via: str | None = None


@dataclass(frozen=True)
class Quantity(Record):
    """A figure: casualties, money, counts of things, durations; value normalised."""

    value: float
    kind: str
    text: str
    start: int
    end: int
    unit: str | None = None
    qualifier: str | None = None  # exactly, at_least, at_most, approximately
    object: str | None = None


@dataclass(frozen=True)
class Place(Record):
    """A geocoded place with every mention."""

    name: str
    lat: float | None
    lon: float | None
    country: str | None
    id: str | None = None
    feature: str | None = None  # country, region, city, facility, water, area, other
    geonames_id: int | None = None
    mentions: tuple[Span, ...] = ()


@dataclass(frozen=True)
class TimeExpr(Record):
    """A date expression resolved against the publication date (null when it cannot be)."""

    text: str
    date: str | None
    start: int
    end: int
    end_date: str | None = None


@dataclass(frozen=True)
class Attribution(Record):
    source: str
    kind: str  # claim, report, verified, denial


@dataclass(frozen=True)
class Event(Record):
    """A PLOVER-typed event with who, whom, where, when, figures and its evidence spans."""

    id: str
    type: str
    summary: str
    date: str | None
    place: str | None
    actors: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    mode: str | None = None
    quantities: tuple[int, ...] = ()
    attribution: tuple[Attribution, ...] = ()
    evidence: tuple[Span, ...] = ()
    confidence: float = 0.5


ANALYSIS_SCHEMA = "livebrief.analysis/1"


@dataclass(frozen=True)
class Analysis(Record):
    """Everything livebrief learned from one article."""

    article: Article
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    claims: tuple[Claim, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    places: tuple[Place, ...] = ()
    times: tuple[TimeExpr, ...] = ()
    events: tuple[Event, ...] = ()
    pipeline_version: str = ""
    notes: tuple[str, ...] = ()

    def contract(self) -> dict[str, Any]:
        """The analysis contract object (livebrief.analysis/1)."""
        return {
            "schema": ANALYSIS_SCHEMA,
            "article": self.article.contract(),
            "entities": [e.to_dict() for e in self.entities],
            "quotes": [q.to_dict() for q in self.quotes],
            "claims": [c.to_dict() for c in self.claims],
            "quantities": [q.to_dict() for q in self.quantities],
            "places": [p.to_dict() for p in self.places],
            "times": [t.to_dict() for t in self.times],
            "events": [e.to_dict() for e in self.events],
            "pipeline_version": self.pipeline_version,
            "notes": list(self.notes),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Analysis:
        art = dict(data["article"])
        art.setdefault("id", "")
        def spans(items: Any) -> tuple[Span, ...]:
            return tuple(tuple(s) for s in items or ())  # type: ignore[misc]
        return cls(
            article=Article.from_dict(art),
            entities=tuple(Entity.from_dict({**e, "mentions": spans(e.get("mentions"))})
                           for e in data.get("entities", ())),
            quotes=tuple(Quote.from_dict({**q, "speaker_span": tuple(q["speaker_span"])
                                          if q.get("speaker_span") else None})
                         for q in data.get("quotes", ())),
            claims=tuple(Claim.from_dict(c) for c in data.get("claims", ())),
            quantities=tuple(Quantity.from_dict(q) for q in data.get("quantities", ())),
            places=tuple(Place.from_dict({**p, "mentions": spans(p.get("mentions"))})
                         for p in data.get("places", ())),
            times=tuple(TimeExpr.from_dict(t) for t in data.get("times", ())),
            events=tuple(Event.from_dict({**e, "evidence": spans(e.get("evidence")),
                                          "attribution": tuple(Attribution.from_dict(a)
                                                               for a in e.get("attribution", ()))})
                         for e in data.get("events", ())),
            pipeline_version=data.get("pipeline_version", ""),
            notes=tuple(data.get("notes", ())),
        )


# -- stories: the same real-world event across outlets -------------------------------------


@dataclass(frozen=True)
class StoryArticle(Record):
    article_id: str
    url: str | None
    source: str | None
    copy_of: str | None = None
    title: str | None = None
    published: str | None = None


@dataclass(frozen=True)
class StoryFigure(Record):
    """One figure in a story and who gives it."""

    kind: str
    value: float
    source: str | None
    article_id: str
    unit: str | None = None
    qualifier: str | None = None
    object: str | None = None
    text: str = ""
    outlet: str | None = None
    published: str | None = None
    span: Span | None = None


@dataclass(frozen=True)
class LedgerEntry(Record):
    """A claim as the story carries it: who claims it, who relayed it, how many sources."""

    text: str
    claimant: str | None
    kind: str
    article_id: str
    outlet: str | None = None
    chain: tuple[str, ...] = ()
    single_source: bool = True
    span: Span | None = None


@dataclass(frozen=True)
class Story(Record):
    """One real-world event across outlets and days."""

    id: str
    title: str
    types: tuple[str, ...] = ()
    place: str | None = None
    lat: float | None = None
    lon: float | None = None
    start: str | None = None
    end: str | None = None
    first_seen: str | None = None
    updated: str | None = None
    articles: tuple[StoryArticle, ...] = ()
    sources: tuple[str, ...] = ()
    figures: tuple[StoryFigure, ...] = ()
    conflicts: tuple[str, ...] = ()
    revisions: tuple[str, ...] = ()  # tolls that rose as reports came in, said plainly
    claims: tuple[LedgerEntry, ...] = ()
    events: tuple[str, ...] = ()  # "article_id/event_id" of every event in the story
    leads: tuple[str, ...] = ()  # articles whose lead (what they are mainly about) is this story
    title_ref: tuple[str, int, int] | None = None  # (article_id, start, end) of the title's source span
    confidence: float = 0.5

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Story:
        data = dict(data)
        data["articles"] = tuple(StoryArticle.from_dict(a) for a in data.get("articles", ()))
        data["figures"] = tuple(StoryFigure.from_dict({**f, "span": tuple(f["span"]) if f.get("span") else None})
                                for f in data.get("figures", ()))
        data["claims"] = tuple(LedgerEntry.from_dict({**c, "span": tuple(c["span"]) if c.get("span") else None})
                               for c in data.get("claims", ()))
        if data.get("title_ref"):
            data["title_ref"] = tuple(data["title_ref"])
        return super().from_dict.__func__(cls, data)  # type: ignore[attr-defined]


# -- the briefing -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Citation(Record):
    """Where an item's words come from: an article and the span of its text."""

    article_id: str
    source: str | None
    url: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class BriefItem(Record):
    """One line of a briefing: source words, their attribution and citations."""

    text: str
    citations: tuple[Citation, ...]
    story_id: str | None = None
    event_types: tuple[str, ...] = ()
    date: str | None = None
    place: str | None = None
    lat: float | None = None
    lon: float | None = None
    attribution: tuple[str, ...] = ()
    conflicts: tuple[str, ...] = ()
    revisions: tuple[str, ...] = ()
    new: bool = False
    score: float = 0.0


@dataclass(frozen=True)
class BriefSection(Record):
    title: str
    items: tuple[BriefItem, ...] = ()


@dataclass(frozen=True)
class BriefQuote(Record):
    text: str
    speaker: str | None
    article_id: str
    source: str | None = None
    url: str | None = None
    start: int | None = None
    end: int | None = None
    story_id: str | None = None


@dataclass(frozen=True)
class SourceRef(Record):
    article_id: str
    source: str | None
    url: str | None = None
    title: str | None = None
    published: str | None = None


BRIEFING_SCHEMA = "livebrief.briefing/1"


@dataclass(frozen=True)
class Brief(Record):
    """A live briefing on one topic over one time window."""

    topic: str
    window_start: str
    window_end: str
    generated_at: str
    headline: str
    lead: str | None = None
    sections: tuple[BriefSection, ...] = ()
    quotes: tuple[BriefQuote, ...] = ()
    sources: tuple[SourceRef, ...] = ()
    id: str = ""
    previous_id: str | None = None
    headline_citations: tuple[Citation, ...] = ()
    lead_citations: tuple[Citation, ...] = ()
