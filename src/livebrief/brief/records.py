"""Briefing records beyond model.py, and the briefing's JSON contract both ways.

``Item`` is a ``BriefItem`` that also carries the story's figures, and ``Briefing`` a
``Brief`` that names its headline story. They stand in until model.py's records grow these
fields; everything that takes a ``Brief`` takes them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator

from livebrief.model import (
    BRIEFING_SCHEMA, Brief, BriefItem, BriefQuote, BriefSection, Citation, SourceRef, StoryFigure,
)
from livebrief.stories.merge import COUNTED_KINDS


@dataclass(frozen=True)
class Item(BriefItem):
    """A briefing item with the figures its story gives, each with its source and span."""

    figures: tuple[StoryFigure, ...] = ()


@dataclass(frozen=True)
class Briefing(Brief):
    """A briefing that knows which story its headline and lead come from."""

    headline_story_id: str | None = None


def items_of(brief: Brief) -> Iterator[tuple[str, BriefItem]]:
    """Every item with its section title, in reading order."""
    for section in brief.sections:
        for item in section.items:
            yield section.title, item


def story_ids(brief: Brief) -> set[str]:
    """Stories a briefing shows: its items' and its headline's."""
    found = {item.story_id for _, item in items_of(brief) if item.story_id}
    headline = getattr(brief, "headline_story_id", None)
    return found | ({headline} if headline else set())


# Figures a reader cannot place on their own: a bare head count ("Three of the wounded", "two") or an
# unnamed number ("Thousands"). They stay in the story's figures; a briefing lists what they count.
VAGUE_FIGURES = frozenset({"people", "other"})


# The order an item lists its figures in: tolls first, then money and counted arms, then measures of time
# and distance ("duration: 10-day" matters less than "killed: three").
FIGURE_ORDER = ("killed", "injured", "missing", "displaced", "detained", "money", "weapons", "aircraft",
                "ships", "vehicles", "duration", "distance")


def listed_figures(figures) -> tuple[StoryFigure, ...]:
    """The story figures a briefing item shows, tolls first."""
    shown = [f for f in figures if f.kind not in VAGUE_FIGURES]
    rank = {kind: n for n, kind in enumerate(FIGURE_ORDER)}
    return tuple(sorted(shown, key=lambda f: rank.get(f.kind, len(FIGURE_ORDER))))


def figures_of(item: BriefItem) -> tuple[StoryFigure, ...]:
    return tuple(getattr(item, "figures", ()) or ())


def cited_articles(brief: Brief) -> list[str]:
    """Every article id the briefing cites, first citation first."""
    ids: list[str] = []
    for citation in (*brief.headline_citations, *brief.lead_citations):
        ids.append(citation.article_id)
    for _, item in items_of(brief):
        ids.extend(c.article_id for c in item.citations)
        ids.extend(f.article_id for f in figures_of(item))
    ids.extend(q.article_id for q in brief.quotes)
    return list(dict.fromkeys(ids))


# -- the contract ---------------------------------------------------------------------------


def to_contract(brief: Brief) -> dict[str, Any]:
    """The briefing as livebrief.briefing/1 JSON (extra fields are allowed by the contract)."""
    def item(i: BriefItem) -> dict[str, Any]:
        data = i.to_dict()
        data.setdefault("figures", [])
        return data

    return {
        "schema": BRIEFING_SCHEMA,
        "id": brief.id,
        "previous_id": brief.previous_id,
        "topic": brief.topic,
        "window": {"start": brief.window_start, "end": brief.window_end},
        "generated_at": brief.generated_at,
        "headline": brief.headline,
        "headline_citations": [c.to_dict() for c in brief.headline_citations],
        "headline_story_id": getattr(brief, "headline_story_id", None),
        "lead": brief.lead,
        "lead_citations": [c.to_dict() for c in brief.lead_citations],
        "sections": [{"title": s.title, "items": [item(i) for i in s.items]} for s in brief.sections],
        "quotes": [q.to_dict() for q in brief.quotes],
        "sources": [s.to_dict() for s in brief.sources],
    }


def from_contract(data: dict[str, Any]) -> Briefing:
    """A ``Briefing`` back from its JSON contract (as stored for the previous briefing)."""
    def citations(rows: Any) -> tuple[Citation, ...]:
        return tuple(Citation.from_dict(c) for c in rows or ())

    def figure(row: dict[str, Any]) -> StoryFigure:
        return StoryFigure.from_dict({**row, "span": tuple(row["span"]) if row.get("span") else None})

    def item(row: dict[str, Any]) -> Item:
        return Item.from_dict({**row, "citations": citations(row.get("citations")),
                               "figures": tuple(figure(f) for f in row.get("figures", ()))})

    window = data.get("window") or {}
    return Briefing(
        topic=data["topic"],
        window_start=window.get("start", ""),
        window_end=window.get("end", ""),
        generated_at=data.get("generated_at", ""),
        headline=data.get("headline", ""),
        lead=data.get("lead"),
        sections=tuple(BriefSection(title=s["title"], items=tuple(item(i) for i in s.get("items", ())))
                       for s in data.get("sections", ())),
        quotes=tuple(BriefQuote.from_dict(q) for q in data.get("quotes", ())),
        sources=tuple(SourceRef.from_dict(s) for s in data.get("sources", ())),
        id=data.get("id", ""),
        previous_id=data.get("previous_id"),
        headline_citations=citations(data.get("headline_citations")),
        lead_citations=citations(data.get("lead_citations")),
        headline_story_id=data.get("headline_story_id"),
    )


# -- helpers the renderers share ------------------------------------------------------------


def source_numbers(brief: Brief) -> dict[str, int]:
    """Citation number of each source article: its place in ``brief.sources``, from 1."""
    numbers = {ref.article_id: n for n, ref in enumerate(brief.sources, start=1)}
    for article_id in cited_articles(brief):
        numbers.setdefault(article_id, len(numbers) + 1)
    return numbers


def refs(numbers: dict[str, int], citations: Any) -> list[int]:
    """The distinct citation numbers of some citations (or figures/quotes), in order."""
    return list(dict.fromkeys(numbers[c.article_id] for c in citations if c.article_id in numbers))


def describe_figure(figure: StoryFigure) -> str:
    """A figure as its source wrote it, with what it counts and who gives it: "weapons: seven cruise missiles —
    Russia's Defence Ministry" (the thing counted added when the source's words leave it out)."""
    value = f"{figure.value:,.0f}" if float(figure.value).is_integer() else f"{figure.value:,}"
    said = figure.text or value
    if figure.kind in COUNTED_KINDS and figure.object and figure.object.lower() not in said.lower():
        said = f"{said} {figure.object}"
    who = figure.source or figure.outlet or "an unnamed source"
    outlet = f" ({figure.outlet})" if figure.outlet and figure.outlet != who else ""
    return f"{figure.kind}: {said} — {who}{outlet}"


def topic_line(brief: Brief) -> str:
    """The framing line before the developments (the briefing's own words, not a claim)."""
    if brief.topic and brief.topic != "all":
        return f"Here's the latest on {brief.topic}."
    outlets = {ref.source for ref in brief.sources if ref.source}
    return f"Here's the latest from {len(outlets)} source{'s' if len(outlets) != 1 else ''}." if outlets \
        else "Here's the latest."


def headline_item(brief: Brief) -> BriefItem | None:
    story = getattr(brief, "headline_story_id", None)
    return next((item for _, item in items_of(brief) if story and item.story_id == story), None)


def safe_url(url: str | None) -> str | None:
    """An http(s) URL fit for a link, or None (article URLs are untrusted input)."""
    if not url:
        return None
    url = url.strip()
    if not url.lower().startswith(("http://", "https://")) or any(ord(ch) < 32 for ch in url):
        return None
    return url.replace(" ", "%20").replace("<", "%3C").replace(">", "%3E").replace('"', "%22")


def shown_attribution(item: BriefItem) -> tuple[str, ...]:
    """Attributions the item's own words do not already name ("…, its defence ministry said")."""
    from livebrief.brief.text import words

    said = set(words(item.text))
    return tuple(a for a in item.attribution if not set(words(a)) <= said)
