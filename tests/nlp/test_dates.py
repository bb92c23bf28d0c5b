"""Calendar resolution without a model: date phrases resolved the way news writers mean them."""

from __future__ import annotations

from datetime import date

import pytest

from livebrief.nlp.dates import publication_date, resolve

WEDNESDAY = date(2023, 9, 13)  # the seed article's publication day


def resolved(text: str, anchor: date | None = WEDNESDAY, **kw) -> tuple[str | None, str | None] | str:
    result = resolve(text, anchor, **kw)
    if result.skip:
        return "skip"
    return (result.date.isoformat() if result.date else None,
            result.end.isoformat() if result.end and result.end != result.date else None)


@pytest.mark.parametrize("text, tense, expected", [
    ("tuesday", "past", ("2023-09-12", None)),
    ("wednesday", "past", ("2023-09-13", None)),     # the publication day counts both ways
    ("wednesday", "future", ("2023-09-13", None)),
    ("monday", "past", ("2023-09-11", None)),
    ("monday", "future", ("2023-09-18", None)),
    ("thursday", "past", ("2023-09-07", None)),
    ("thursday", None, ("2023-09-07", None)),         # unknown tense points back, as reports do
    ("early wednesday", "past", ("2023-09-13", None)),
    ("tuesday night", "past", ("2023-09-12", None)),
    ("last monday", None, ("2023-09-11", None)),
    ("last wednesday", None, ("2023-09-06", None)),
    ("next monday", None, ("2023-09-18", None)),
    ("this friday", None, ("2023-09-15", None)),
    ("monday next week", None, ("2023-09-18", None)),
])
def test_weekdays(text, tense, expected):
    assert resolved(text, tense=tense) == expected


def test_a_week_set_by_the_paragraph_moves_a_bare_weekday():
    assert resolved("monday", tense="future", week="next") == ("2023-09-18", None)
    assert resolved("thursday", tense=None, week="next") == ("2023-09-21", None)
    assert resolved("friday", tense="past", week="last") == ("2023-09-08", None)
    assert resolved("friday", tense="past", week="next") == ("2023-09-08", None)  # tense wins


@pytest.mark.parametrize("text, expected", [
    ("today", ("2023-09-13", None)), ("tonight", ("2023-09-13", None)), ("this morning", ("2023-09-13", None)),
    ("yesterday", ("2023-09-12", None)), ("last night", ("2023-09-12", None)), ("tomorrow", ("2023-09-14", None)),
    ("overnight", ("2023-09-12", "2023-09-13")),
    ("next week", ("2023-09-18", "2023-09-24")), ("last week", ("2023-09-04", "2023-09-10")),
    ("this week", ("2023-09-11", "2023-09-17")), ("earlier this week", ("2023-09-11", "2023-09-13")),
    ("the week before last", ("2023-08-28", "2023-09-03")),
    ("last weekend", ("2023-09-09", "2023-09-10")), ("this weekend", ("2023-09-16", "2023-09-17")),
    ("last month", ("2023-08-01", "2023-08-31")), ("next month", ("2023-10-01", "2023-10-31")),
    ("later this month", ("2023-09-13", "2023-09-30")),
    ("this year", ("2023-01-01", "2023-12-31")), ("last year", ("2022-01-01", "2022-12-31")),
    ("the past week", ("2023-09-06", "2023-09-13")), ("the past two weeks", ("2023-08-30", "2023-09-13")),
    ("three days ago", ("2023-09-10", None)), ("two weeks ago", ("2023-08-30", None)),
    ("two years ago", ("2021-01-01", "2021-12-31")),
])
def test_relative_days_and_periods(text, expected):
    assert resolved(text) == expected


@pytest.mark.parametrize("text, tense, expected", [
    ("sep 13", "past", ("2023-09-13", None)),
    ("september 13 2023", None, ("2023-09-13", None)),
    ("13 september", None, ("2023-09-13", None)),
    ("sep 10", "past", ("2023-09-10", None)),
    ("sep 20", "future", ("2023-09-20", None)),
    ("dec 28", "past", ("2022-12-28", None)),         # no year: the nearest, leaning with the tense
    ("jan 5", "future", ("2024-01-05", None)),
    ("january", "past", ("2023-01-01", "2023-01-31")),
    ("january", "future", ("2024-01-01", "2024-01-31")),
    ("sep 13-15", None, ("2023-09-13", "2023-09-15")),
    ("early october", None, ("2023-10-01", "2023-10-10")),
    ("mid-september", None, ("2023-09-11", "2023-09-20")),
    ("march 2022", None, ("2022-03-01", "2022-03-31")),
    ("last september", None, ("2022-09-01", "2022-09-30")),
    ("feb 30", None, (None, None)),
])
def test_explicit_dates(text, tense, expected):
    assert resolved(text, tense=tense) == expected


@pytest.mark.parametrize("text, expected", [
    ("2015", ("2015-01-01", "2015-12-31")),
    ("mid-2021", ("2021-05-01", "2021-08-31")),
    ("the 1990s", ("1990-01-01", "1999-12-31")),
    ("the end of the year", ("2023-12-31", None)),
    ("the end of next year", ("2024-12-31", None)),
    ("the end of the month", ("2023-09-30", None)),
    ("the start of the year", ("2023-01-01", None)),
    ("the end of 2024", ("2024-12-31", None)),
    ("the end of march", ("2023-03-31", None)),   # nearest March: 166 days back beats 170 ahead
    ("this winter", ("2023-12-01", "2024-02-29")),
    ("the summer of 2022", ("2022-06-01", "2022-08-31")),
    ("christmas", ("2023-12-25", None)),
    ("the first week of october", ("2023-10-01", "2023-10-07")),
    ("the early hours of monday", ("2023-09-11", None)),
])
def test_years_edges_and_seasons(text, expected):
    assert resolved(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("four years", "skip"), ("as little as three months", "skip"), ("18 months", "skip"),
    ("nightly", "skip"), ("every day", "skip"), ("10:30 a.m.", "skip"), ("decades", "skip"),
    ("that day", (None, None)), ("two days later", (None, None)), ("recent weeks", (None, None)),
    ("the following day", (None, None)),
])
def test_durations_are_skipped_and_anaphora_unresolved(text, expected):
    assert resolved(text) == expected


@pytest.mark.parametrize("text", ["tuesday", "yesterday", "next week", "sep 13", "three days ago", "the weekend"])
def test_without_a_publication_date_relative_dates_are_null(text):
    assert resolved(text, anchor=None) == (None, None)


def test_without_a_publication_date_absolute_dates_still_resolve():
    assert resolved("september 13 2023", anchor=None) == ("2023-09-13", None)
    assert resolved("2015", anchor=None) == ("2015-01-01", "2015-12-31")


@pytest.mark.parametrize("published, expected", [
    ("2023-09-13", date(2023, 9, 13)),
    ("2023-09-13T10:00:00Z", date(2023, 9, 13)),
    ("2023-09-13T23:30:00-04:00", date(2023, 9, 13)),   # the outlet's own calendar day
    ("Wed, 13 Sep 2023 10:00:00 GMT", date(2023, 9, 13)),
    (None, None), ("", None), ("not a date", None),
])
def test_publication_date(published, expected):
    assert publication_date(published) == expected
