"""The packaged offline gazetteer: names, exonyms, regions, countries, demonyms and its speed."""

from __future__ import annotations

import gzip
from importlib import resources

import pytest

from livebrief.nlp.gazetteer import (
    AP_STATES,
    Entry,
    distance_km,
    load_gazetteer,
    normalize_name,
)


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


@pytest.mark.parametrize("text, expected", [
    ("St. Louis", "saint louis"),
    ("Saint Louis", "saint louis"),
    ("ST LOUIS", "saint louis"),
    ("Ft. Worth", "fort worth"),
    ("U.S.", "us"),
    ("the Netherlands", "netherlands"),
    ("Zaporizhzhia", "zaporizhzhia"),
    ("Dnipró", "dnipro"),
    ("Winston-Salem", "winston salem"),
    ("Côte d’Ivoire", "cote divoire"),
    ("the", "the"),  # never folded to nothing
])
def test_normalize_name(text, expected):
    assert normalize_name(text) == expected


def _best(gazetteer, name: str, *, country: str | None = None, feature: str | None = None) -> Entry:
    found = [e for e, _ in gazetteer.lookup(name)
             if (country is None or e.country == country) and (feature is None or e.feature == feature)]
    assert found, f"{name!r} not in the gazetteer ({country}, {feature})"
    return max(found, key=lambda e: e.population)


@pytest.mark.parametrize("name, country, feature, lat, lon, geonames_id", [
    # exonyms and old spellings reach the GeoNames city
    ("Kiev", "UA", "city", 50.45, 30.52, 703448),
    ("Kyiv", "UA", "city", 50.45, 30.52, 703448),
    ("Odessa", "UA", "city", 46.48, 30.73, 698740),
    ("Kharkov", "UA", "city", 49.98, 36.25, 706483),
    ("Nikolaev", "UA", "city", 46.97, 32.0, 700569),
    ("Sevastopol", "UA", "city", 44.6, 33.52, 694423),
    ("Pyongyang", "KP", "city", 39.03, 125.75, 1871859),
    ("Lafayette", "US", "city", 30.22, -92.02, 4330145),
    # first-level regions worldwide, with their GeoNames id
    ("Crimea", "UA", "region", 45.0, 34.0, 703883),
    ("Amur", "RU", "region", 53.0, 127.5, 2027748),
    ("Odesa", "UA", "region", 46.5, 30.3, 698738),
    ("Indiana", "US", "region", 39.9, -86.3, 4921868),
    ("Zhejiang", "CN", "region", 29.1, 120.1, 1784764),  # "Zhejiang Sheng" without its administrative word
    # US counties, with and without "County"
    ("Rapides Parish", "US", "region", 31.2, -92.5, None),
    ("Licking", "US", "region", 40.1, -82.4, None),
    # countries, seas, areas and facilities from the supplement
    ("United States", "US", "country", 39.76, -98.5, 6252001),
    ("Black Sea", None, "water", 43.0, 34.0, None),
    ("Far East", "RU", "area", 60.0, 140.0, None),
    ("Vostochny Cosmodrome", "RU", "facility", 51.88, 128.33, None),
    ("Mississippi River", "US", "water", 29.15, -89.25, None),  # a river's point is its mouth
    ("Lake Superior", "US", "water", 47.7, -87.5, None),
    ("Southern California", "US", "area", 34.0, -117.5, None),
    # villages under 500 people from the Postal Service's town names
    ("Ohiopyle", "US", "city", 39.87, -79.49, None),
    ("Bird in Hand", "US", "city", 40.04, -76.18, None),
])
def test_lookup_finds_the_place(gazetteer, name, country, feature, lat, lon, geonames_id):
    entry = _best(gazetteer, name, country=country, feature=feature)
    assert distance_km(entry.lat, entry.lon, lat, lon) < 100
    assert entry.geonames_id == geonames_id


@pytest.mark.parametrize("name, country, lat, lon", [
    # GeoNames' own points for first-level regions (the geoparsing gold uses them); the gazetteer's
    # estimate (halfway between the ISO 3166-2 point and the middle of the region's towns) is within 161 km
    ("Tennessee", "US", 35.750, -86.250),
    ("Virginia", "US", 37.548, -77.447),
    ("Alaska", "US", 64.0, -150.0),
    ("Ontario", "CA", 49.250, -84.500),
    ("Manitoba", "CA", 55.0, -97.0),
    ("Queensland", "AU", -20.0, 145.0),
    ("Sichuan", "CN", 30.5, 102.667),
])
def test_region_points_are_near_geonames(gazetteer, name, country, lat, lon):
    entry = _best(gazetteer, name, country=country, feature="region")
    assert distance_km(entry.lat, entry.lon, lat, lon) < 161, (entry.lat, entry.lon)


def test_towns_named_x_city_stay_towns(gazetteer):
    # a province takes its capital's other spellings ("Quebec" for Québec), but not "Quebec City"
    assert {e.feature for e, _ in gazetteer.lookup("Quebec City")} == {"city"}


@pytest.mark.parametrize("alias, country", [("U.S.", "US"), ("USA", "US"), ("UK", "GB"), ("Britain", "GB"),
                                            ("DPRK", "KP"), ("UAE", "AE")])
def test_country_aliases(gazetteer, alias, country):
    assert _best(gazetteer, alias, feature="country").country == country


def test_countries_and_regions_are_indexed(gazetteer):
    assert len(gazetteer.countries) > 230
    assert gazetteer.country("UA").name == "Ukraine"
    assert gazetteer.region("UA", "11").name == "Crimea"
    assert gazetteer.region("US", "DC").name == "District of Columbia"
    for code in set(AP_STATES.values()):
        assert gazetteer.region("US", code) is not None, code


@pytest.mark.parametrize("word, country", [("Ukrainian", "UA"), ("Ukrainians", "UA"), ("North Korean", "KP"),
                                           ("American", "US"), ("Russians", "RU"), ("Paris", None)])
def test_demonyms(gazetteer, word, country):
    assert gazetteer.demonym_country(word) == country


def test_common_words_are_not_spotted(gazetteer):
    spottable = gazetteer.spottable
    assert {"ukraine", "crimea", "black sea", "moscow", "us", "far east"} <= spottable
    assert not {"police", "split", "nice", "mobile", "reading", "of", "the", "may", "island"} & spottable


def test_unknown_names_have_no_candidates(gazetteer):
    assert gazetteer.lookup("Qwxzyland") == []
    assert gazetteer.lookup("") == []


def test_distance_km():
    assert distance_km(0, 0, 0, 0) == 0
    assert distance_km(50.45, 30.52, 46.48, 30.73) == pytest.approx(441, abs=5)  # Kyiv - Odesa
    assert distance_km(0, 179.9, 0, -179.9) < 25  # across the antimeridian


def test_data_file_is_small_and_complete():
    folder = resources.files("livebrief").joinpath("data/gazetteer")
    blob = folder.joinpath("places.tsv.gz").read_bytes()
    assert len(blob) < 6_000_000
    text = gzip.decompress(blob).decode("utf-8")
    assert text.startswith("#places\t") and "\n#names\t" in text


def test_load_is_cached():
    assert load_gazetteer() is load_gazetteer()
