"""Spelled-out and written numbers (no model needed)."""

from __future__ import annotations

import pytest

from livebrief.nlp.numbers import (
    NumberMatch,
    digit_value,
    is_number_word,
    parse_number,
    read_number,
)


@pytest.mark.parametrize("text, expected", [
    ("24", 24), ("1,200", 1200), ("5.7", 5.7), ("12,345,678", 12345678),
    ("seven", 7), ("twelve", 12), ("twenty", 20), ("twenty-four", 24), ("twenty four", 24),
    ("ninety-nine", 99), ("one hundred", 100), ("a hundred", 100), ("one hundred and twenty", 120),
    ("two thousand five hundred", 2500), ("a million", 1e6), ("half a million", 5e5),
    ("5.7 billion", 5.7e9), ("833 million", 833e6), ("4.1 billion", 4.1e9), ("1.2bn", 1.2e9), ("3mn", 3e6),
    ("a dozen", 12), ("two dozen", 24), ("dozens", 12), ("hundreds", 100), ("thousands", 1000),
    ("millions", 1e6), ("tens of thousands", 1e4), ("hundreds of thousands", 1e5),
])
def test_parse_number(text, expected):
    assert parse_number(text) == pytest.approx(expected)


@pytest.mark.parametrize("text", [
    "", "first", "24th", "a", "a handful", "several", "four four", "twenty twenty", "tens", "1,20", "F-16",
    "833m",  # "m" is million only in money context
])
def test_not_a_number(text):
    assert parse_number(text) is None


def test_money_suffixes_only_when_asked():
    assert parse_number("833m", money=True) == 833e6
    assert read_number(["833", "m"], money=True) == NumberMatch(833e6, 2, None, True)
    assert read_number(["833", "m"]) == NumberMatch(833, 1, None, True)


@pytest.mark.parametrize("words, value, length, bound", [
    (["at"], None, 0, None),
    (["24", "people"], 24, 1, None),
    (["twenty", "-", "four", "people"], 24, 3, None),
    (["dozens", "of", "people"], 12, 1, "at_least"),
    (["tens", "of", "thousands", "of", "people"], 1e4, 3, "at_least"),
    (["a", "dozen", "tanks"], 12, 2, "approximately"),
    (["two", "dozen"], 24, 2, "approximately"),
    (["5.7", "billion", "Danish", "kroner"], 5.7e9, 2, None),
    (["seven", "cruise", "missiles"], 7, 1, None),
    (["a", "landing", "ship"], None, 0, None),
])
def test_read_number_reads_the_longest_prefix(words, value, length, bound):
    match = read_number(words)
    if value is None:
        assert match is None
    else:
        assert (match.value, match.length, match.bound) == (pytest.approx(value), length, bound)


def test_digit_value_and_number_words():
    assert digit_value("1,200") == 1200 and digit_value("12a") is None
    assert is_number_word("Seven") and is_number_word("dozens") and not is_number_word("first")
