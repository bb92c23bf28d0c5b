"""Story items: one event in one article, with what clustering needs to compare it."""

from __future__ import annotations

from dataclasses import dataclass

from livebrief.model import Analysis, Event, Place


@dataclass(frozen=True)
class StoryItem:
    """An event as the story index sees it. ``original_id`` collapses syndicated copies."""

    key: str
    article_id: str
    original_id: str
    text: str
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    type: str | None = None
    date: str | None = None
    place: str | None = None
    lat: float | None = None
    lon: float | None = None
    actors: tuple[str, ...] = ()
    event_id: str | None = None

    @property
    def is_copy(self) -> bool:
        return self.original_id != self.article_id


def items_from_analysis(analysis: Analysis, *, copy_of: str | None = None) -> list[StoryItem]:
    """One item per event; the item's text is its evidence sentences and their paragraph."""
    article = analysis.article
    places = {p.name: p for p in analysis.places}
    items = []
    for event in analysis.events:
        place = _place_of(event, places)
        items.append(StoryItem(
            key=f"{article.id}/{event.id}",
            article_id=article.id,
            original_id=copy_of or article.id,
            text=_evidence_text(article.text, event),
            outlet=article.source,
            url=article.url,
            title=article.title,
            published=article.published or article.fetched_at,
            type=event.type,
            date=event.date or (article.published or "")[:10] or None,
            place=event.place,
            lat=place.lat if place else None,
            lon=place.lon if place else None,
            actors=tuple(event.actors) + tuple(event.targets),
            event_id=event.id,
        ))
    return items


def item_from_document(analysis: Analysis, *, key: str | None = None) -> StoryItem:
    """A whole article as one item (document-level clustering, as in the ECB+ benchmark)."""
    article = analysis.article
    types = [e.type for e in analysis.events]
    main_place = max(analysis.places, key=lambda p: len(p.mentions), default=None)
    people = sorted((e for e in analysis.entities if e.type in {"PERSON", "ORG", "FAC", "EVENT"}),
                    key=lambda e: -len(e.mentions))[:8]
    dates = sorted(t.date for t in analysis.times if t.date and len(t.date) >= 10)
    return StoryItem(
        key=key or article.id,
        article_id=article.id,
        original_id=article.id,
        text=(article.title or "") + "\n\n" + article.text,
        outlet=article.source,
        url=article.url,
        title=article.title,
        published=article.published,
        type=max(set(types), key=types.count) if types else None,
        date=(article.published or "")[:10] or (dates[0] if dates else None),
        place=main_place.name if main_place else None,
        lat=main_place.lat if main_place else None,
        lon=main_place.lon if main_place else None,
        actors=tuple(e.name for e in people),
    )


def _place_of(event: Event, places: dict[str, Place]) -> Place | None:
    return places.get(event.place) if event.place else None


def _evidence_text(text: str, event: Event) -> str:
    """The evidence sentences twice (they weigh most) plus the paragraph(s) they sit in."""
    parts = []
    for start, end in event.evidence:
        sentence = text[start:end]
        para_start = text.rfind("\n\n", 0, start)
        para_end = text.find("\n\n", end)
        paragraph = text[para_start + 2 if para_start >= 0 else 0: para_end if para_end >= 0 else len(text)]
        parts += [sentence, sentence, paragraph]
    return "\n".join(parts) or event.summary
