"""find_places: toponym recognition and context-aware resolution, on sentences written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from livebrief.model import Entity, Place
from livebrief.nlp.gazetteer import distance_km
from livebrief.nlp.places import find_places, place_id

pytestmark = pytest.mark.model

REPO = Path(__file__).resolve().parents[2]
SEED = REPO.parent / "shared" / "seed" / "000_e90a044465924d55.txt"
SCHEMA = REPO.parent / "shared" / "contract" / "analysis.schema.json"


def places_of(parse, text: str, **kwargs) -> list[Place]:
    return find_places(parse(text), entities=kwargs.get("entities", ()))


def named(places: list[Place], surface: str, text: str) -> Place:
    """The place one of whose mentions reads ``surface``."""
    for place in places:
        if any(text[s:e] == surface for s, e in place.mentions):
            return place
    raise AssertionError(f"no place mentioned as {surface!r}: {[(p.name, p.mentions) for p in places]}")


# text, surface, country, admin1-ish check by point (lat, lon) within 60 km
RESOLUTION = [
    # the article's country decides between namesakes
    ("Drones attacked the port of Odessa overnight, Ukraine's navy said, and Kyiv promised to rebuild it.",
     "Odessa", "UA", (46.48, 30.73)),
    ("Oil prices rose in Midland and Odessa as Texas producers cut output.", "Odessa", "US", (31.85, -102.37)),
    ("Tourists returned to Paris as France lifted the last restrictions.", "Paris", "FR", (48.85, 2.35)),
    ("The Lamar County sheriff said the fire in Paris, Texas, was set on purpose.", "Paris", "US", (33.66, -95.56)),
    # a qualifier right after the name
    ("The plant in Lafayette, Ind., will close in June.", "Lafayette", "US", (40.42, -86.88)),
    ("Officials in Lafayette, La., opened shelters.", "Lafayette", "US", (30.22, -92.02)),
    ("Israeli pilgrims travelled to Uman in Ukraine for the new year.", "Uman", "UA", (48.75, 30.22)),
    # nearby places agree with each other
    ("Deputies from Henry County answered the call, and the road into Paris was closed for an hour.",
     "Paris", "US", (36.30, -88.33)),
    # regions and exonyms
    ("Putin met Kim at a cosmodrome in Russia's far eastern Amur region.", "Amur region", "RU", (53.0, 127.5)),
    ("Russia illegally annexed Crimea in 2014.", "Crimea", "UA", (45.0, 34.0)),
    ("Shelling hit Kharkov and Nikolaev on Tuesday.", "Kharkov", "UA", (49.98, 36.25)),
    ("Ships gathered in the Black Sea.", "Black Sea", None, (43.0, 34.0)),
    ("Washington imposed new sanctions, the White House said.", "Washington", "US", (38.9, -77.04)),
    ("Pilots will train in Arizona this summer.", "Arizona", "US", (34.2, -111.7)),
    # names in "... counties" are counties, resolved in the state the article names
    ("Deputies from Douglas, Sarpy and Lancaster counties joined the search in Nebraska on Sunday.",
     "Lancaster", "US", (40.78, -96.68)),
    # a direction before a state is part of the state, not a hamlet called "East Texas"
    ("Storms moved across East Texas overnight, the weather service said.", "Texas", "US", (31.2, -99.3)),
    ("Missiles will be based in Poland and the Czech Republic.", "Czech Republic", "CZ", (49.75, 15.5)),
    # no other place: "$" and "sheriff" make the article American
    ("MANSFIELD — The council approved $2 million in bonds on Monday, and the sheriff said the jail is full.",
     "MANSFIELD", "US", (32.56, -97.14)),
    ("The colour of the new community centre in Swansea was chosen by residents.", "Swansea", "GB", (51.62, -3.94)),
    # rivers, villages and "X City"
    ("Barges stalled on the Mississippi River near Memphis.", "Mississippi River", "US", (29.15, -89.25)),
    ("Firefighters from Ohiopyle, Pa., helped put out the blaze.", "Ohiopyle", "US", (39.87, -79.49)),
    ("Students rallied in Quebec City on Friday.", "Quebec City", "CA", (46.81, -71.21)),
]


@pytest.mark.parametrize("text, surface, country, point", RESOLUTION)
def test_resolution_uses_context(parse, text, surface, country, point):
    place = named(places_of(parse, text), surface, text)
    assert place.country == country
    assert distance_km(place.lat, place.lon, *point) < 60, (place.name, place.lat, place.lon)


@pytest.mark.parametrize("text, feature", [
    ("Russia illegally annexed Crimea in 2014.", "region"),
    ("Ships gathered in the Black Sea.", "water"),
    ("Talks were held in Moscow.", "city"),
    ("Aid reached Ukraine.", "country"),
    ("Kim visited the Vostochny Cosmodrome on Wednesday.", "facility"),
    ("The leaders met in Russia's Far East.", "area"),
])
def test_feature(parse, text, feature):
    places = places_of(parse, text)
    assert feature in {p.feature for p in places}, [(p.name, p.feature) for p in places]


@pytest.mark.parametrize("text", [
    "Ukrainian soldiers and Russian officers exchanged prisoners.",
    "The American and British delegations left early.",
])
def test_demonyms_are_not_places(parse, text):
    assert places_of(parse, text) == []


def test_mentions_of_one_place_merge(parse):
    text = "Kyiv said the attack on Kiev was repelled. Residents of Kyiv stayed in shelters."
    places = places_of(parse, text)
    kyiv = [p for p in places if p.name == "Kyiv"]
    assert len(kyiv) == 1
    assert [text[s:e] for s, e in kyiv[0].mentions] == ["Kyiv", "Kiev", "Kyiv"]
    assert list(kyiv[0].mentions) == sorted(kyiv[0].mentions)


def test_a_place_and_its_state_in_one_entity_are_two_places(parse):
    text = "The tornado struck Arlington, Texas, late on Sunday."
    places = places_of(parse, text)
    arlington = named(places, "Arlington", text)
    texas = named(places, "Texas", text)
    assert arlington.country == texas.country == "US"
    assert distance_km(arlington.lat, arlington.lon, 32.74, -97.11) < 30


def test_unknown_place_keeps_null_coordinates(parse):
    doc = parse("The convoy reached Qwxzyville before dawn.")
    start = doc.text.index("Qwxzyville")
    entity = Entity(id="e1", name="Qwxzyville", type="GPE", mentions=((start, start + 10),))
    places = find_places(doc, entities=[entity])
    assert [(p.name, p.lat, p.lon, p.country, p.feature) for p in places] == [
        ("Qwxzyville", None, None, None, None)]


@pytest.mark.parametrize("text, surface, label, expected", [
    # a park, a district or a town's institutions lie in the place they are named after
    ("Runners gathered at Gainesville Regional Park on Saturday.", "Gainesville Regional Park", "FAC",
     ("Gainesville", "Gainesville", "city")),
    ("The South Central Tennessee Development District met on Monday.",
     "South Central Tennessee Development District", "GPE", ("Tennessee", "Tennessee", "region")),
    # the model cut a town's name short
    ("Crews from Belle Plaine cleared the roads.", "Belle", "GPE", ("Belle Plaine", "Belle Plaine", "city")),
    # a river or a park is not where its namesake town is: unknown, kept without coordinates
    ("Fishing is banned on the Neches River this week.", "Neches River", "LOC", ("Neches River", "Neches River", None)),
    ("Hikers crossed Griffith Park at dawn.", "Griffith Park", "FAC", ("Griffith Park", "Griffith Park", None)),
])
def test_unknown_names_and_their_hosts(parse, text, surface, label, expected):
    doc = parse(text)
    start = text.index(surface)
    entity = Entity(id="e1", name=surface, type=label, mentions=((start, start + len(surface)),))
    places = find_places(doc, entities=[entity])
    assert [(text[p.mentions[0][0]:p.mentions[0][1]], p.name, p.feature) for p in places] == [expected]


def test_corrected_entities_are_used_instead_of_the_model(parse):
    doc = parse("Ripley said the talks went well.")
    start = doc.text.index("Ripley")
    # The entities component says Ripley is a person: no place, whatever the model thought.
    person = Entity(id="e1", name="Ripley", type="PERSON", mentions=((start, start + 6),))
    assert find_places(doc, entities=[person]) == []


def test_ids_are_stable_and_distinct(parse):
    text = "Talks moved from Moscow to Pyongyang."
    first = places_of(parse, text)
    second = places_of(parse, text)
    assert [p.id for p in first] == [p.id for p in second]
    assert len({p.id for p in first}) == len(first) == 2
    assert first[0].id == place_id("gn:524901")


def test_places_fit_the_contract(parse):
    jsonschema = pytest.importorskip("jsonschema")
    if not SCHEMA.is_file():
        pytest.skip("shared/contract is not beside the repo")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))["properties"]["places"]
    text = "Shelling hit Kharkov, the Black Sea coast and a village called Qwxzyville near Kharkiv."
    doc = parse(text)
    start = text.index("Qwxzyville")
    entity = Entity(id="e1", name="Qwxzyville", type="GPE", mentions=((start, start + 10),))
    places = find_places(doc, entities=[entity])
    jsonschema.validate([p.to_dict() for p in places], schema)


# -- the seed article: the end-to-end acceptance text ---------------------------------------

SEED_PLACES = [
    # name as written, ISO country, true point (Odessa region: the oblast)
    ("Sevastopol", "UA", (44.60, 33.52)),
    ("Odessa region", "UA", (46.6, 30.3)),
    ("Crimea", "UA", (45.0, 34.0)),
    ("Uman", "UA", (48.75, 30.22)),
    ("Arizona", "US", (34.2, -111.7)),
    ("Kyiv", "UA", (50.45, 30.52)),
    ("New York", "US", (40.71, -74.01)),
    ("Moscow", "RU", (55.75, 37.62)),
    ("Pyongyang", "KP", (39.03, 125.75)),
    ("Amur region", "RU", (53.0, 127.5)),
    ("Vostochny Cosmodrome", "RU", (51.88, 128.33)),
]


@pytest.fixture(scope="module")
def seed_doc(parse):
    if not SEED.is_file():
        pytest.skip("shared/seed is not beside the repo")
    return parse(SEED.read_text(encoding="utf-8"))


@pytest.mark.parametrize("with_entities", [False, True], ids=["model-entities", "corrected-entities"])
@pytest.mark.parametrize("surface, country, point", SEED_PLACES)
def test_seed_places(seed_doc, with_entities, surface, country, point):
    entities = ()
    if with_entities:
        entities_module = pytest.importorskip("livebrief.nlp.entities")
        entities = entities_module.find_entities(seed_doc)
    places = find_places(seed_doc, entities=entities)
    place = named(places, surface, seed_doc.text)
    assert place.country == country
    assert distance_km(place.lat, place.lon, *point) < 50, (place.name, place.lat, place.lon)


def test_seed_demonyms_and_people_are_not_places(seed_doc):
    text = seed_doc.text
    surfaces = {text[s:e] for p in find_places(seed_doc, entities=()) for s, e in p.mentions}
    assert not surfaces & {"Ukrainian", "Russian", "North Korean", "Israeli", "Putin", "Kim"}


def test_docs_example_runs():
    docs = (REPO / "docs" / "nlp-places.md").read_text(encoding="utf-8")
    example = docs.split("```python\n", 1)[1].split("```", 1)[0]
    exec(compile(example, "docs/nlp-places.md", "exec"), {})  # noqa: S102 - our own docs; it asserts its results
