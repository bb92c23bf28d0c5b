"""Tokens, numbers and quotation marks as the provenance check reads them."""

from __future__ import annotations

import pytest

from livebrief.brief.text import (
    balanced_quotes, is_subsequence, locate_quoted, numbers, quoted_regions, same_name, sentence_case,
    without_dangling_opener, words,
)


@pytest.mark.parametrize("text, expected", [
    ("Russia’s “first priority,” said Kim.", ["russia", "s", "first", "priority", "said", "kim"]),
    ("F-16 pilots; 1,200 troops; 5.7 km", ["f", "16", "pilots", "1,200", "troops", "5.7", "km"]),
    ("U.S. officials", ["u", "s", "officials"]),
])
def test_words_drop_punctuation_and_case(text, expected):
    assert words(text) == expected


@pytest.mark.parametrize("short, long, expected", [
    ("Drones struck the port", "Two drones struck the grain port overnight", True),
    ("the port struck drones", "Two drones struck the grain port overnight", False),
    ("Drones struck the harbour", "Two drones struck the grain port overnight", False),
])
def test_subsequence(short, long, expected):
    assert is_subsequence(words(short), words(long)) is expected


@pytest.mark.parametrize("text, expected", [
    ("At least 24 people", [24]),
    ("at least twenty-four people", [24]),
    ("twenty four", [24]),
    ("1,200 troops and 5.7 tonnes", [1200, 5.7]),
    ("a package worth $833 million", [833e6]),
    ("a dozen drones", [12]),
    ("no figures here", []),
])
def test_numbers_digits_and_spelled(text, expected):
    assert numbers(text) == expected


@pytest.mark.parametrize("text, quoted", [
    ("Kim called it a “first priority,” the Kremlin said.", ["first priority,"]),
    ('He said "all topics" would be discussed.', ["all topics"]),
    ("Relations are a ‘first priority’ for Russia’s ally.", ["first priority"]),
    ("The soldiers’ rifles and Russia’s ships.", []),
    ("“A quote that runs on\n\n“and on,” she said.", ["A quote that runs on", "and on,"]),
])
def test_quoted_regions(text, quoted):
    assert [text[s:e] for s, e in quoted_regions(text)] == quoted


def test_a_lone_closing_mark_quotes_from_the_start_only_when_asked():
    text = "and stand together,” Kim said."
    assert quoted_regions(text) == []
    assert [text[s:e] for s, e in quoted_regions(text, lone_closer_from_start=True)] == ["and stand together,"]


@pytest.mark.parametrize("text", [
    'That helped us to calibrate how quickly the virus evolved," Dr. Worobey said.',
    'and that is the plan." The minister left.',
])
def test_a_lone_straight_closer_never_opens_a_quote(text):
    closer = text.index('"')
    assert quoted_regions(text) == []
    assert quoted_regions(text, lone_closer_from_start=True) == [(0, closer)]


def test_locate_quoted_needs_quotation_marks_around_the_words():
    text = "Putin will discuss all topics. Asked again, he said he would discuss “all topics” with Kim."
    start, end = locate_quoted("all topics", text)
    assert text[start:end] == "all topics" and text[start - 1] == "“"
    assert locate_quoted("discuss all topics", text) is None


@pytest.mark.parametrize("text, ok", [("a “b” c", True), ("a “b c", False), ('a "b" c', True), ('a "b', False)])
def test_balanced_quotes(text, ok):
    assert balanced_quotes(text) is ok


@pytest.mark.parametrize("a, b, same", [
    ("Kim Jong Un", "Kim", True), ("Vladimir Putin", "Putin", True), ("Kim Jong Un", "Vladimir Putin", False),
    ("Tomas Brenner", None, False),
])
def test_same_name(a, b, same):
    assert same_name(a, b) is same


@pytest.mark.parametrize("text, expected", [
    ("tens of thousands of civilians have been uprooted.", "Tens of thousands of civilians have been uprooted."),
    ("“we will win,” he said.", "“We will win,” he said."),
    ("Drones hit the port.", "Drones hit the port."),
    ("iPhone sales fell.", "iPhone sales fell."),  # a word with capitals inside is a name
])
def test_sentence_case(text, expected):
    assert sentence_case(text) == expected


def test_a_quotation_running_on_loses_its_dangling_opener():
    assert without_dangling_opener("“Most have suffered four years under Isis.") == "Most have suffered four years under Isis."
    assert without_dangling_opener("“We will win,” he said.") == "“We will win,” he said."
