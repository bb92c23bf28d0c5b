"""Figures: casualties, money, counted things, durations, distances; and what is not a figure."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from livebrief.nlp.quantities import find_quantities

pytestmark = pytest.mark.model

REPO = Path(__file__).resolve().parents[2]
KINDS = {"killed", "injured", "missing", "displaced", "detained", "people", "money", "weapons", "ships",
         "aircraft", "vehicles", "duration", "distance", "other"}


def figures(nlp, text: str) -> list[tuple]:
    return [(q.value, q.kind, q.qualifier) for q in find_quantities(nlp(text))]


@pytest.mark.parametrize("text, expected", [
    # casualties in their common shapes
    ("At least 24 people were injured in the attack.", [(24, "injured", "at_least")]),
    ("The attack injured at least six people.", [(6, "injured", "at_least")]),
    ("The strike hit a market, killing seven civilians.", [(7, "killed", "exactly")]),
    ("The death toll rose to 12 on Friday.", [(12, "killed", "exactly")]),
    ("The blast left 24 injured.", [(24, "injured", "exactly")]),
    ("One person was killed in the shelling.", [(1, "killed", "exactly")]),
    ("Two people died and 17 were hurt.", [(2, "killed", "exactly"), (17, "injured", "exactly")]),
    ("Twelve Ukrainians lost their lives.", [(12, "killed", "exactly")]),
    ("Three soldiers are missing.", [(3, "missing", "exactly")]),
    ("Some 15,000 residents were evacuated.", [(15000, "displaced", "approximately")]),
    ("Thousands of people fled their homes.", [(1000, "displaced", "at_least")]),
    ("Police arrested 27 protesters.", [(27, "detained", "exactly")]),
    ("Five soldiers were taken prisoner.", [(5, "detained", "exactly")]),
    ("A man was killed.", [(1, "killed", "exactly")]),
    ("Rescuers recovered 14 bodies.", [(14, "killed", "exactly")]),
    # qualifiers
    ("More than 30 people were killed.", [(30, "killed", "at_least")]),
    ("No fewer than 40 civilians were wounded.", [(40, "injured", "at_least")]),
    ("Nearly 50 people were killed.", [(50, "killed", "approximately")]),
    ("Roughly 200 people were detained.", [(200, "detained", "approximately")]),
    ("Up to 300 people are missing.", [(300, "missing", "at_most")]),
    ("As many as 80 people were arrested.", [(80, "detained", "at_most")]),
    ("Between 20 and 30 migrants are feared dead.", [(20, "killed", "at_least")]),
    ("Dozens of people were injured.", [(12, "injured", "at_least")]),
    ("Two dozen people were hurt.", [(24, "injured", "approximately")]),
])
def test_casualties(nlp, text, expected):
    assert figures(nlp, text) == expected


def test_subset_is_not_a_second_casualty_figure(nlp):
    found = list(find_quantities(nlp("The attack injured at least six people, with three of them in serious "
                                      "condition.")))
    assert [(q.value, q.kind) for q in found] == [(6, "injured"), (3, "people")]
    assert found[1].object == "in serious condition"


def test_including_is_a_subset(nlp):
    assert figures(nlp, "The attack killed 12 people, including five children.") == [
        (12, "killed", "exactly"), (5, "people", "exactly")]
    assert figures(nlp, "At least 12 people, including five children, were killed.") == [
        (12, "killed", "at_least"), (5, "people", "exactly")]


def test_crowns_without_a_nation_are_no_money(nlp):
    found = find_quantities(nlp("The jeweller restored 40 crowns for the museum."))
    assert [q for q in found if q.kind == "money"] == []


def test_the_killers_are_not_the_victims(nlp):
    assert figures(nlp, "Twenty gunmen killed 5 villagers.") == [(5, "killed", "exactly")]


@pytest.mark.parametrize("text, value, unit, qualifier", [
    ("Denmark will donate a package worth approximately $833 million.", 833e6, "USD", "approximately"),
    ("The plan costs €1.2bn.", 1.2e9, "EUR", "exactly"),
    ("He paid £50 million for it.", 50e6, "GBP", "exactly"),
    ("The aid is worth 5.7 billion Danish kroner.", 5.7e9, "DKK", "exactly"),
    ("The aid is worth about 5.7 billion Danish crowns.", 5.7e9, "DKK", "approximately"),
    ("Stockholm pledged 300 million Swedish crowns.", 300e6, "SEK", "exactly"),
    ("Kyiv raised 100 million hryvnias.", 100e6, "UAH", "exactly"),
    ("Kyiv raised ₴300 million.", 300e6, "UAH", "exactly"),
    ("Moscow spent 2 trillion roubles.", 2e12, "RUB", "exactly"),
    ("Japan lent 500 billion yen.", 500e9, "JPY", "exactly"),
    ("The fund holds US$5 million.", 5e6, "USD", "exactly"),
    ("The deal is worth 833m euros.", 833e6, "EUR", "exactly"),
    ("They asked for a billion dollars.", 1e9, "USD", "exactly"),
    ("The IMF approved a $15.6 billion loan.", 15.6e9, "USD", "exactly"),
    # a range's scale is written once, after its second number
    ("Rebuilding will require $300-400bn.", 300e9, "USD", "at_least"),
    ("Rebuilding will cost $3-4 billion.", 3e9, "USD", "at_least"),
])
def test_money(nlp, text, value, unit, qualifier):
    found = [q for q in find_quantities(nlp(text)) if q.kind == "money"]
    assert [(q.value, q.unit, q.qualifier) for q in found] == [(pytest.approx(value), unit, qualifier)]


@pytest.mark.parametrize("text, obj", [
    ("The IMF approved a $15.6 billion loan.", "loan"),
    ("Denmark will donate a military defense package worth approximately $833 million.", "military defense package"),
    ("Trump demanded nearly $6bn for a wall on the southern border.", "wall"),
    ("Ankara pledged $3.5bn (£2.75bn) to buy US patriot missiles.", "US patriot missiles"),
    ("He paid £50 million for it.", None),  # a pronoun says nothing of what was bought
])
def test_what_a_sum_pays_for(nlp, text, obj):
    money = [q for q in find_quantities(nlp(text)) if q.kind == "money"]
    assert money[0].object == obj


def test_money_span_covers_qualifier_currency_and_scale(nlp):
    doc = nlp("Denmark will donate a package worth approximately $833 million to Ukraine.")
    (money,) = find_quantities(doc)
    assert money.text == "approximately $833 million"
    assert doc.text[money.start:money.end] == money.text


@pytest.mark.parametrize("text, expected", [
    ("Air defences shot down seven cruise missiles.", [(7, "weapons", "cruise missiles")]),
    ("Two ships undergoing repairs were damaged.", [(2, "ships", "ships")]),
    ("The navy lost a landing ship and a submarine.", [(1, "ships", "landing ship"), (1, "ships", "submarine")]),
    ("Kyiv received 31 Abrams tanks and four F-16s.", [(31, "vehicles", "Abrams tanks"), (4, "aircraft", "F-16s")]),
    ("The US sold 40 F-16 fighter jets.", [(40, "aircraft", "F-16 fighter jets")]),
    ("Russia fired 24 Shahed drones.", [(24, "weapons", "Shahed drones")]),
    ("The army sent 1,200 troops.", [(1200, "people", "troops")]),
    ("Ten pilots finished training.", [(10, "people", "pilots")]),
    ("The group controls 40 villages.", [(40, "other", "villages")]),
    # a part of counted things is its own figure of the same things; a part of a toll is not
    ("Air defences shot down seven of 10 cruise missiles fired at the port.",
     [(7, "weapons", "cruise missiles"), (10, "weapons", "cruise missiles")]),
    ("Three of 12 people injured were children.", [(12, "injured", "people")]),
    # a model number is part of the name of what is counted
    ("Denmark will send 14 Leopard 2 tanks.", [(14, "vehicles", "Leopard 2 tanks")]),
    # suicide bombers are people; bombers are aircraft
    ("Two female suicide bombers blew themselves up at the gate.", [(2, "people", "female suicide bombers")]),
    ("The air force sent four bombers over the sea.", [(4, "aircraft", "bombers")]),
])
def test_counted_things(nlp, text, expected):
    assert [(q.value, q.kind, q.object) for q in find_quantities(nlp(text))] == expected


def test_a_single_thing_is_not_counted(nlp):
    assert figures(nlp, "A Russian patrol ship destroyed the boats.") == []
    assert figures(nlp, "One military expert said the stocks were large.") == []
    assert figures(nlp, "Tensions between the two nations are high.") == []


@pytest.mark.parametrize("text, expected", [
    ("Pilots could finish in as little as three months.", (3, "duration", "at_least", "month")),
    ("He was jailed for 18 months.", (18, "duration", "exactly", "month")),
    ("The city was without power for two weeks.", (2, "duration", "exactly", "week")),
    ("It was their first meeting in four years.", (4, "duration", "exactly", "year")),
    ("A three-month siege ended.", (3, "duration", "exactly", "month")),
    ("The drones flew 500 km.", (500, "distance", "exactly", "km")),
    ("The front is about 1,000 kilometres long.", (1000, "distance", "approximately", "km")),
    ("The convoy stopped 20 miles away.", (20, "distance", "exactly", "mile")),
    ("A 30-km exclusion zone was set up.", (30, "distance", "exactly", "km")),
    ("Prices rose 5%.", (5, "other", "exactly", "percent")),
    ("Inflation hit 12.5 per cent.", (12.5, "other", "exactly", "percent")),
    ("The fire burned roughly 4,000 hectares.", (4000, "other", "approximately", "hectare")),
])
def test_measures(nlp, text, expected):
    assert [(q.value, q.kind, q.qualifier, q.unit) for q in find_quantities(nlp(text))] == [expected]


@pytest.mark.parametrize("text", [
    "Russia annexed Crimea in 2014.",
    "The summit took place on Sept. 13.",
    "They met on 13 September.",
    "The strike happened at 10:30 a.m.",
    "It was the first time in the war.",
    "The 47th Brigade was moved.",
    "Call (202) 555-1234 for details.",
    "Article 5 of the treaty applies.",
    "A 24-year-old man spoke to reporters.",
    "Three days ago the bridge fell.",
    "A handful of people gathered.",
    "The final score was 3-1.",
    "Copenhagen joined a plan to supply refurbished Leopard 1 tanks.",
])
def test_not_figures(nlp, text):
    assert figures(nlp, text) == []


def test_records_fit_the_contract(nlp):
    jsonschema = pytest.importorskip("jsonschema")
    contract = REPO.parent / "shared" / "contract" / "analysis.schema.json"
    if not contract.is_file():
        pytest.skip("../shared/contract is not beside the repo")
    schema = json.loads(contract.read_text())["properties"]["quantities"]
    doc = nlp("At least 24 people were injured; Denmark gave $833 million and 7 tanks within three months.")
    found = [q.to_dict() for q in find_quantities(doc)]
    jsonschema.validate(found, schema)
    assert {q["kind"] for q in found} <= KINDS
    assert all(doc.text[q["start"]:q["end"]] == q["text"] for q in found)


def test_seed_article(nlp, seed_path):
    doc = nlp(seed_path.read_text(encoding="utf-8"))
    found = list(find_quantities(doc))
    as_tuples = {(q.value, q.kind, q.qualifier) for q in found}
    assert (24, "injured", "at_least") in as_tuples
    assert (6, "injured", "at_least") in as_tuples
    assert (833e6, "money", "approximately") in as_tuples
    assert next(q for q in found if q.kind == "money").unit == "USD"
    assert (7, "weapons", "exactly") in as_tuples
    assert (2, "ships", "exactly") in as_tuples
    assert any(q.kind == "duration" and q.value == 3 and q.unit == "month" for q in found)
    # "three of them in serious condition" is a subset, never a second injured figure
    assert sum(q.kind == "injured" for q in found) == 2
    # years, "Sept. 13", "first" and "two nations" are not figures
    assert not {2015, 2014, 13}.intersection(q.value for q in found)


# -- quality gate ----------------------------------------------------------------------------

def _benchmark():
    spec = importlib.util.spec_from_file_location("quantities_benchmark", REPO / "benchmarks" / "quantities.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("split, floor", [
    # measured exact-match F1 (value + kind + qualifier): test 1.000 after fixing what its first run
    # showed (0.974 then); holdout 0.959 at its only run, never tuned on; regex baseline 0.538 / 0.438
    ("test", 0.95),
    ("holdout", 0.92),
])
def test_figure_exact_match_floor(nlp, split, floor):
    bench = _benchmark()
    score = bench.score_ours(nlp, bench.load_gold(split))
    baseline = bench.score_baseline(bench.load_gold(split))
    assert score.exact[2] >= floor, score.errors
    assert score.exact[2] > baseline.exact[2]
