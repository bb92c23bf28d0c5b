"""Captions as context: a photo caption often says where an event took place.

Captions are kept out of the article body (they are page furniture), but "Putin welcomed
Kim to the Vostochny Cosmodrome in the Amur region" names the summit's venue when the body
only says "in Russia's Far East". An event whose place is missing or broad (a country, a
region, a sea) takes the caption's specific place when the caption shares one of its
actors and the place is consistent with what the body said.
"""

from __future__ import annotations

import dataclasses
from typing import Iterable

from livebrief.model import Event, Place

BROAD_FEATURES = {"country", "region", "area", "water"}
SPECIFIC_FEATURES = {"city", "facility"}
# A caption's place must lie within this distance of the body's broad place to refine it.
MAX_REFINE_KM = 3000.0


def refine_event_places(
    events: Iterable[Event], places: Iterable[Place], *, caption_text: str, caption_places: Iterable[Place]
) -> tuple[tuple[Event, ...], tuple[Place, ...]]:
    """Events with broad or missing places refined from the captions; the places list grows to match."""
    events, places = tuple(events), tuple(places)
    specific = [p for p in caption_places if p.feature in SPECIFIC_FEATURES and p.lat is not None]
    if not specific or not caption_text:
        return events, places
    by_name = {p.name: p for p in places}
    caption_words = set(caption_text.replace("’", "'").split())
    refined, added = [], {}
    for event in events:
        current = by_name.get(event.place) if event.place else None
        if current is not None and current.feature not in BROAD_FEATURES:
            refined.append(event)
            continue
        if not any(actor.split()[-1] in caption_words for actor in event.actors if actor):
            refined.append(event)
            continue
        choice = next((p for p in specific if _consistent(p, current)), None)
        if choice is None:
            refined.append(event)
            continue
        # Its mentions are offsets into the caption, not the article text: dropped.
        added.setdefault(choice.name, dataclasses.replace(choice, mentions=()))
        refined.append(dataclasses.replace(event, place=choice.name))
    extra = tuple(p for name, p in added.items() if name not in by_name)
    return tuple(refined), places + extra


def _consistent(candidate: Place, broad: Place | None) -> bool:
    if broad is None:
        return True
    if broad.country and candidate.country and broad.country != candidate.country:
        return False
    if broad.lat is None or broad.lon is None:
        return True
    from livebrief.nlp.gazetteer import distance_km

    return distance_km(broad.lat, broad.lon, candidate.lat, candidate.lon) <= MAX_REFINE_KM
