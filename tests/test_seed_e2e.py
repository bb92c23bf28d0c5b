"""End to end on the seed: `livebrief analyze` of the aggregator's live briefing (published 2023-09-13).

The acceptance checks of the understanding stage: quotes with their speakers, figures, dates,
places and events, and the JSON contract.
"""

from __future__ import annotations

import json

import jsonschema
import pytest
from click.testing import CliRunner

from livebrief.cli import cli

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def analysis(shared, seed_path):
    result = CliRunner().invoke(cli, ["analyze", str(seed_path), "--published", "2023-09-13", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    jsonschema.validate(data, json.loads((shared / "contract" / "analysis.schema.json").read_text()))
    return data


def quote_by(analysis, fragment):
    found = [q for q in analysis["quotes"] if fragment in q["text"]]
    assert found, f"no quote containing {fragment!r}"
    return found[0]


@pytest.mark.parametrize("fragment, speaker, via", [
    ("we have always supported and stand by all decisions", "Kim Jong Un", "Kremlin"),
    ("Russia is now rising to the sacred struggle", "Kim Jong Un", None),
    ("always stand together in the fight against imperialism", "Kim Jong Un", None),
    ("We would call on North Korea to meet its previous stated public commitments", "Patrick Ryder", None),
    ("A good reinforcement, thank you for it!", "Volodymyr Zelensky", None),
    ("It’s important to know that it’s relatively cheap stuff", "one military expert", None),
    ("And Russia has almost unlimited stocks.", "one military expert", None),
])
def test_direct_and_partial_quotes_have_their_speakers(analysis, fragment, speaker, via):
    quote = quote_by(analysis, fragment)
    assert quote["speaker"] == speaker
    if via:
        assert via in (quote.get("via") or "")
    text = analysis["article"]["text"]
    assert text[quote["start"]:quote["end"]] == quote["text"]


def test_putins_all_topics_is_a_partial_quote_of_putin(analysis):
    partial = [q for q in analysis["quotes"] if q["text"] == "all topics"]
    assert partial and partial[0]["kind"] == "partial" and partial[0]["speaker"] == "Vladimir Putin"


@pytest.mark.parametrize("kind, value, qualifier, unit", [
    ("injured", 24, "at_least", None),
    ("injured", 6, "at_least", None),
    ("money", 833_000_000, "approximately", "USD"),
    ("weapons", 7, None, None),
])
def test_figures(analysis, kind, value, qualifier, unit):
    matches = [q for q in analysis["quantities"] if q["kind"] == kind and q["value"] == value]
    assert matches, f"no {kind} figure of {value}"
    if qualifier:
        assert matches[0]["qualifier"] == qualifier
    if unit:
        assert matches[0]["unit"] == unit


def test_seven_cruise_missiles_name_what_is_counted(analysis):
    [missiles] = [q for q in analysis["quantities"] if q["kind"] == "weapons" and q["value"] == 7]
    assert "cruise missile" in (missiles.get("object") or "")


@pytest.mark.parametrize("text, date", [("early Wednesday", "2023-09-13"), ("Tuesday", "2023-09-12")])
def test_dates_resolved_against_publication(analysis, text, date):
    assert any(t["text"].endswith(text) and t["date"] == date for t in analysis["times"]), \
        [(t["text"], t["date"]) for t in analysis["times"]]


@pytest.mark.parametrize("name, lat, lon, country", [
    ("Sevastopol", 44.6, 33.5, "UA"), ("Odes", 46.5, 30.7, "UA"), ("Crimea", 45.0, 34.0, "UA"),
    ("Uman", 48.75, 30.22, "UA"), ("Arizona", 34.5, -111.5, "US"),
])
def test_places_are_geocoded(analysis, name, lat, lon, country):
    from livebrief.stories.index import haversine_km

    matches = [p for p in analysis["places"] if p["name"].startswith(name)]
    assert matches, f"{name} not found among {[p['name'] for p in analysis['places']]}"
    place = matches[0]
    assert place["country"] == country
    assert haversine_km(place["lat"], place["lon"], lat, lon) < 150


def events_of(analysis, type_):
    return [e for e in analysis["events"] if e["type"] == type_]


def test_the_summit_is_a_consult_event_at_the_cosmodrome(analysis):
    summits = [e for e in events_of(analysis, "CONSULT") if {"Kim Jong Un", "Vladimir Putin"} & set(e["actors"])]
    assert summits
    assert any(e["place"] and ("Vostochny" in e["place"] or "Amur" in e["place"]) for e in summits)


@pytest.mark.parametrize("place, figure", [("Sevastopol", 24), ("Odes", 6)])
def test_strikes_are_assault_events_with_their_figures(analysis, place, figure):
    strikes = [e for e in events_of(analysis, "ASSAULT") if (e["place"] or "").startswith(place)]
    assert strikes, [(e["type"], e["place"], e["summary"][:60]) for e in analysis["events"]]
    values = {analysis["quantities"][i]["value"] for e in strikes for i in e.get("quantities", [])}
    assert figure in values


def test_denmarks_package_is_an_aid_event_with_its_money(analysis):
    aid = [e for e in events_of(analysis, "AID") if "Denmark" in e["actors"]]
    assert aid
    values = {analysis["quantities"][i]["value"] for e in aid for i in e.get("quantities", [])}
    assert 833_000_000 in values


def test_summaries_are_taken_from_the_text(analysis):
    text = analysis["article"]["text"]
    for event in analysis["events"]:
        position = 0
        for word in event["summary"].split():
            word = word.strip(".,;:!?\"“”‘’'()")
            if not word:
                continue
            position = text.find(word, position)
            assert position >= 0, f"summary word {word!r} is not in the text in order: {event['summary']}"
