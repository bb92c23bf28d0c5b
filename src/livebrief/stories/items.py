"""Story items: the part of one article that reports one development, with its events.

Most articles report one development; round-ups and live briefings (like the seed) report
several, one or two paragraphs each. An article is cut into *segments*: paragraphs join the
segment before them, or the lead, when they share enough weighted vocabulary with it;
otherwise they start a segment of their own. Each segment that holds events becomes one
item, so a background paragraph or a round-up's paragraph can join a different story
from the article's lead.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date

from livebrief.model import Analysis, Event, Place
from livebrief.nlp.datelines import text_dateline_end
from livebrief.stories.background import dated_long_before
from livebrief.stories.vectors import DocumentFrequencies, Vector, cosine, terms

# Calibrated on the demo corpus (reports and a live briefing): below this weighted cosine
# a paragraph is about something other than its article's lead and the paragraph before.
SEGMENT_JOIN = 0.10
# Event dates further than this from publication are background ("annexed Crimea in 2014").
BACKGROUND_DAYS = 10
SHORT_PARAGRAPH_WORDS = 30

_PARAGRAPH = re.compile(r"\n\s*\n")


@dataclass(frozen=True)
class StoryItem:
    """A segment as the story index sees it. ``original_id`` collapses syndicated copies."""

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
    country: str | None = None
    specific: bool = False  # a city, facility or small area, not a country or a whole region
    actors: tuple[str, ...] = ()
    event_ids: tuple[str, ...] = ()
    lead: bool = True
    event_day: str | None = None  # the day its events happened, when the text says so
    dated: bool = True  # its own words give that day; False when it is a later part's inherited lead day

    @property
    def is_copy(self) -> bool:
        return self.original_id != self.article_id

    @property
    def background(self) -> bool:
        """A later part of a report that gives no day of its own: context for its report, places and all."""
        return not self.lead and not self.dated


@dataclass(frozen=True)
class Segment:
    spans: tuple[tuple[int, int], ...]
    lead: bool
    events: tuple[Event, ...]

    @property
    def start(self) -> int:
        return self.spans[0][0]


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Character spans of the paragraphs of a clean article text."""
    spans, start = [], 0
    for match in _PARAGRAPH.finditer(text):
        if text[start:match.start()].strip():
            spans.append((start, match.start()))
        start = match.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def segments(analysis: Analysis, frequencies: DocumentFrequencies) -> list[Segment]:
    """Cut an article into development segments; only segments holding events are returned.

    Each paragraph joins the lead's segment or the previous paragraph's, whichever it is
    closer to, when that closeness reaches SEGMENT_JOIN; else it starts a segment. A short
    paragraph without events (a transition, "The pair shook hands …") stays with the one
    before it. Segments may be discontinuous: a report returns to its lead after an aside.
    """
    text = analysis.article.text
    spans = paragraphs(text) or [(0, len(text))]
    events_at = [[e for e in analysis.events if any(s <= a < t for a, _ in e.evidence)] for s, t in spans]
    vectors = [frequencies.weigh(terms(text[s:e])) for s, e in spans]
    lead_vector = frequencies.weigh(terms((analysis.article.title or "") + "\n" + text[spans[0][0]:spans[0][1]]))
    group_of = [0]
    groups: list[list[int]] = [[0]]
    for i in range(1, len(spans)):
        previous = group_of[i - 1]
        short = len(text[spans[i][0]:spans[i][1]].split()) < SHORT_PARAGRAPH_WORDS
        to_lead = cosine(vectors[i], lead_vector)
        to_previous = cosine(vectors[i], _sum(vectors[j] for j in groups[previous]))
        if (short and not events_at[i]) or not vectors[i]:
            choice = previous
        elif max(to_lead, to_previous) >= SEGMENT_JOIN:
            choice = 0 if to_lead >= to_previous else previous
        else:
            choice = len(groups)
            groups.append([])
        groups[choice].append(i)
        group_of.append(choice)
    found = []
    for number, group in enumerate(groups):
        events = tuple(e for i in group for e in events_at[i])
        if number and events and any(dated_long_before(analysis, e.evidence) for e in events) \
                and _event_day(events, analysis.article.published) is None:
            continue  # "Russia annexed Crimea in 2014, …" and no day near the report's: background, not a development
        if events:
            # The first segment with events speaks for the article when its lead has none.
            found.append(Segment(spans=tuple(spans[i] for i in group), lead=number == 0 or not found,
                                 events=tuple(dict.fromkeys(events))))
    return found


def items_from_analysis(analysis: Analysis, *, copy_of: str | None = None,
                        frequencies: DocumentFrequencies | None = None) -> list[StoryItem]:
    """One item per segment of the article that holds events."""
    article = analysis.article
    places = {p.name: p for p in analysis.places}
    published = article.published or article.fetched_at
    items = []
    lead_day = None
    for number, segment in enumerate(segments(analysis, frequencies or DocumentFrequencies())):
        # An undated paragraph after the lead tells of the lead's day unless it names its own.
        own_day = _event_day(segment.events, published)
        event_day = own_day or (None if segment.lead else lead_day)
        if segment.lead:
            lead_day = event_day
        text = "\n\n".join(article.text[s:e] for s, e in segment.spans)
        if segment.lead and article.title:
            text = article.title + "\n" + text
        place = _main_place(segment.events, places, dateline=text_dateline_end(article.text))
        types = Counter(e.type for e in segment.events)
        actors = tuple(dict.fromkeys(a for e in segment.events for a in (*e.actors, *e.targets)))
        items.append(StoryItem(
            key=f"{article.id}/{number}",
            article_id=article.id,
            original_id=copy_of or article.id,
            text=text,
            outlet=article.source,
            url=article.url,
            title=article.title,
            published=published,
            type=types.most_common(1)[0][0],
            # Reporting day: stories are blocked by when they were reported; a meeting set for
            # "next week" is reported today. The events keep their own dates for the story's range.
            date=day_of(published).isoformat() if day_of(published) else _segment_date(segment.events, published),
            place=place.name if place else None,
            lat=place.lat if place else None,
            lon=place.lon if place else None,
            country=place.country if place else None,
            specific=_specific(place),
            actors=actors,
            event_ids=tuple(e.id for e in segment.events),
            lead=segment.lead,
            event_day=event_day,
            dated=own_day is not None,
        ))
    return items


def item_from_document(analysis: Analysis, *, key: str | None = None) -> StoryItem:
    """A whole article as one item (document-level clustering, as in the ECB+ benchmark)."""
    article = analysis.article
    types = [e.type for e in analysis.events]
    # Where its events happened, as for a segment; a document's most-mentioned place is as
    # often where the reporter was or what the story is compared with.
    main_place = _main_place(tuple(analysis.events), {p.name: p for p in analysis.places},
                             dateline=text_dateline_end(article.text))
    people = sorted((e for e in analysis.entities if e.type in {"PERSON", "ORG", "FAC", "EVENT"}),
                    key=lambda e: -len(e.mentions))[:8]
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
        # Only the publication date: dates mentioned in a text are as often background as not.
        date=(article.published or "")[:10] or None,
        place=main_place.name if main_place else None,
        lat=main_place.lat if main_place else None,
        lon=main_place.lon if main_place else None,
        country=main_place.country if main_place else None,
        specific=_specific(main_place),
        actors=tuple(e.name for e in people),
        event_ids=tuple(e.id for e in analysis.events),
    )


def _specific(place: Place | None) -> bool:
    """Whether distances to this place mean something: not for countries, seas or whole regions."""
    return place is not None and place.lat is not None and place.feature in {"city", "facility", "other", None}


def _sum(vectors) -> Vector:
    total: Counter[str] = Counter()
    for vector in vectors:
        total.update(vector)
    return dict(total)


def _main_place(events: tuple[Event, ...], places: dict[str, Place], *, dateline: int = 0) -> Place | None:
    """The place most of the events name, not counting one named only in the dateline (which ends at offset
    ``dateline``): "KYIV —" is where the reporter was, not where the event happened."""
    def outside_dateline(name: str) -> bool:
        mentions = places[name].mentions
        return not mentions or any(start >= dateline for start, _ in mentions)

    counts = Counter(e.place for e in events if e.place and e.place in places and outside_dateline(e.place))
    located = [name for name, _ in counts.most_common() if places[name].lat is not None]
    return places[located[0]] if located else (places[counts.most_common(1)[0][0]] if counts else None)


def _segment_date(events: tuple[Event, ...], published: str | None) -> str | None:
    """The most common event day near publication; background dates fall back to publication."""
    day = _event_day(events, published)
    pub = day_of(published)
    return day or (pub.isoformat() if pub else None)


def _event_day(events: tuple[Event, ...], published: str | None) -> str | None:
    """The most common event day near publication, None when the events give none."""
    pub = day_of(published)
    days = Counter()
    for event in events:
        day = day_of(event.date) if event.date and len(event.date) >= 10 else None
        if day is not None and (pub is None or abs((day - pub).days) <= BACKGROUND_DAYS):
            days[day] += 1
    return days.most_common(1)[0][0].isoformat() if days else None


def day_of(value: str | None) -> date | None:
    """The day an ISO date or timestamp names, None when it names none."""
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
