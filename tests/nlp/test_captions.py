"""Captions refine broad event places, and only when they are about the same actors."""

from livebrief.model import Event, Place
from livebrief.nlp.captions import refine_event_places

FAR_EAST = Place(name="Far East", lat=62.0, lon=135.0, country="RU", feature="region")
VOSTOCHNY = Place(name="Vostochny Cosmodrome", lat=51.88, lon=128.33, country="RU", feature="facility",
                  mentions=((40, 60),))
ODESA = Place(name="Odesa", lat=46.48, lon=30.72, country="UA", feature="city")
CAPTION = "Putin welcomed Kim Jong Un to the Vostochny Cosmodrome in the Amur region. (Video: Reuters)"


def event(place, actors=("Kim Jong Un", "Vladimir Putin")):
    return Event(id="e1", type="CONSULT", summary="They met.", date=None, place=place, actors=actors)


def test_a_broad_place_takes_the_captions_venue():
    events, places = refine_event_places([event("Far East")], [FAR_EAST], caption_text=CAPTION,
                                         caption_places=[VOSTOCHNY])
    assert events[0].place == "Vostochny Cosmodrome"
    assert [p.name for p in places] == ["Far East", "Vostochny Cosmodrome"]
    assert places[1].mentions == ()  # caption offsets are not article offsets


def test_a_specific_place_is_kept():
    events, _ = refine_event_places([event("Odesa")], [ODESA], caption_text=CAPTION, caption_places=[VOSTOCHNY])
    assert events[0].place == "Odesa"


def test_a_caption_about_other_people_changes_nothing():
    events, places = refine_event_places([event("Far East", actors=("Denmark",))], [FAR_EAST],
                                         caption_text=CAPTION, caption_places=[VOSTOCHNY])
    assert events[0].place == "Far East" and len(places) == 1


def test_a_caption_place_in_another_country_is_not_taken():
    ukraine = Place(name="Ukraine", lat=49.0, lon=32.0, country="UA", feature="country")
    events, _ = refine_event_places([event("Ukraine")], [ukraine], caption_text=CAPTION, caption_places=[VOSTOCHNY])
    assert events[0].place == "Ukraine"
