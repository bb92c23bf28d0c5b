"""Date expressions found in a parsed Doc and resolved against the publication date.

The calendar conventions themselves, without a model, are tested in test_dates.py.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

import livebrief.nlp.times as times_module
from livebrief.nlp import dates
from livebrief.nlp.times import find_times

REPO = Path(__file__).resolve().parents[2]


def test_calendar_names_are_still_importable_from_times():
    """times.py re-exports the calendar it used to hold, so older imports keep working."""
    for name in ("resolve", "publication_date", "Resolution", "WEEKDAYS", "MONTHS", "SEASONS", "UNITS", "HOLIDAYS"):
        assert getattr(times_module, name) is getattr(dates, name)
    assert times_module.resolve("tuesday", date(2023, 9, 13), tense="past").date == date(2023, 9, 12)


# -- over a parsed Doc ----------------------------------------------------------------------

def times(nlp, text: str, published: str | None = "2023-09-13") -> list[tuple]:
    return [(t.text, t.date, t.end_date) for t in find_times(nlp(text), published=published)]


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    ("Gen. Ryder said Tuesday that the war would go on.", [("Tuesday", "2023-09-12", None)]),
    ("Kim and Putin, who are meeting Wednesday, will discuss arms.", [("Wednesday", "2023-09-13", None)]),
    ("Zelensky will meet Netanyahu on Monday.", [("Monday", "2023-09-18", None)]),
    ("A video posted to Telegram Monday showed soldiers.", [("Monday", "2023-09-11", None)]),
    ("The vote is scheduled for Friday.", [("Friday", "2023-09-15", None)]),
    ("He could not be reached for comment Thursday.", [("Thursday", "2023-09-07", None)]),
    ("Monday's attack killed two people.", [("Monday", "2023-09-11", None)]),
    ("At least 24 people were injured early Wednesday.", [("early Wednesday", "2023-09-13", None)]),
    ("The meeting took place on Sunday, Sept. 10, in Moscow.", [("Sunday, Sept. 10", "2023-09-10", None)]),
    ("The summit is next week. He will speak on Monday.", [("next week", "2023-09-18", "2023-09-24"),
                                                            ("Monday", "2023-09-18", None)]),
])
def test_tense_decides_a_bare_weekday(nlp, text, expected):
    assert times(nlp, text) == expected


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    ("The first meeting in four years lasted nightly.", []),
    ("Pilots could finish in as little as three months.", []),
    ("The strike happened at 10:30 a.m.", []),
    ("The Sunday Times reported the news.", []),
    ("Prices may rise.", []),
])
def test_not_dates(nlp, text, expected):
    assert times(nlp, text) == expected


@pytest.mark.model
def test_spans_point_into_the_text_and_fit_the_contract(nlp):
    jsonschema = pytest.importorskip("jsonschema")
    doc = nlp("On Sept. 13, officials said Tuesday that talks would resume next week or in 2024.")
    found = [t.to_dict() for t in find_times(doc, published="2023-09-13T08:00:00+00:00")]
    assert [t["text"] for t in found] == ["Sept. 13", "Tuesday", "next week", "2024"]
    assert all(doc.text[t["start"]:t["end"]] == t["text"] for t in found)
    contract = REPO.parent / "shared" / "contract" / "analysis.schema.json"
    if contract.is_file():
        jsonschema.validate(found, json.loads(contract.read_text())["properties"]["times"])


@pytest.mark.model
def test_no_publication_date_means_no_guess(nlp):
    assert times(nlp, "Officials met on Tuesday and will meet again next week.", published=None) == [
        ("Tuesday", None, None), ("next week", None, None)]


@pytest.mark.model
def test_seed_article(nlp, seed_path):
    found = [(t.text, t.date, t.end_date) for t in
             find_times(nlp(seed_path.read_text(encoding="utf-8")), published="2023-09-13")]
    assert ("Sept. 13", "2023-09-13", None) in found
    assert ("early Wednesday", "2023-09-13", None) in found
    assert ("Tuesday", "2023-09-12", None) in found
    assert ("Monday", "2023-09-11", None) in found                 # "posted ... Monday"
    assert ("next week", "2023-09-18", "2023-09-24") in found
    assert found[-1] == ("Monday", "2023-09-18", None)              # "... on Monday" after "next week"
    assert ("the end of the year", "2023-12-31", None) in found
    assert ("2015", "2015-01-01", "2015-12-31") in found
    assert ("2014", "2014-01-01", "2014-12-31") in found
    assert not any("years" in text or "months" in text or text == "nightly" for text, _, _ in found)


def test_docs_example_runs():
    """The example in docs/nlp-figures-and-times.md is code, and it is true."""
    page = (REPO / "docs" / "nlp-figures-and-times.md").read_text(encoding="utf-8")
    blocks = [b.split("```", 1)[0] for b in page.split("```python")[1:]]
    assert blocks
    for block in blocks:
        exec(compile(block, "docs/nlp-figures-and-times.md", "exec"), {})
