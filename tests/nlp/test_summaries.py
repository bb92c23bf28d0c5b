"""Summaries: a sentence shortened by its parse, never a word that is not in it."""

from __future__ import annotations

import itertools

import pytest

from livebrief.nlp.summaries import join_spans, kept_spans, shorten

pytestmark = pytest.mark.model

SENTENCES = [
    ("At least 24 people were injured in the attack early Wednesday, according to Mikhail Razvozhaev, "
     "a Kremlin-appointed official overseeing the area, who said that the assault resulted in a fire."),
    "Drones attacked the port of Izmail, Oleh Kiper, the governor of the region, said early Wednesday.",
    "The package, which includes tanks and ammunition, is the largest donation so far, the ministry said.",
    "Rebels (who had retreated last week) shelled the town overnight, killing four civilians.",
    "In a surprise move late on Friday, the government lifted the curfew in the capital, officials said.",
    "“We would call on North Korea to meet its commitments,” Gen. Patrick Ryder said Tuesday.",
    "Air defense systems shot down seven cruise missiles, while a patrol ship destroyed two boats, it added.",
    "The talks, held in Geneva, ended without agreement and the delegations will meet again in May.",
]


@pytest.mark.parametrize("text, max_words, expected", [
    ("Rebels (who had retreated last week) shelled the town overnight, killing four civilians.", 30,
     "Rebels shelled the town overnight, killing four civilians."),
    ("Drones attacked the port of Izmail, Oleh Kiper, the governor of the region, said early Wednesday.", 30,
     "Drones attacked the port of Izmail, Oleh Kiper said early Wednesday."),
    ("The package, which includes tanks and ammunition, is the largest donation so far, the ministry said.", 30,
     "The package is the largest donation so far, the ministry said."),
    ("In a surprise move late on Friday, the government lifted the curfew in the capital, officials said.", 8,
     "the government lifted the curfew in the capital, officials said."),
    ("Air defense systems shot down seven cruise missiles, while a patrol ship destroyed two boats, it added.", 10,
     "Air defense systems shot down seven cruise missiles, it added."),
    # A wire dateline says where the story was filed, not what happened.
    ("KYIV, Sept 13 (Reuters) - Russian drones attacked the Odesa region overnight, the governor said.", 30,
     "Russian drones attacked the Odesa region overnight, the governor said."),
    ("WARSAW — Poland will keep its market closed to Ukrainian grain, officials said.", 30,
     "Poland will keep its market closed to Ukrainian grain, officials said."),
    ("Kyiv - the capital - was quiet overnight, officials said.", 30,
     "Kyiv - the capital - was quiet overnight, officials said."),
    # a bare noun keeps its clause or goes with it: never "the last holdout, a place."
    ("Kurdish forces were taking positions among the rubble, readying for an assault on the last holdout, "
     "a place that until very recently few could find on a map.", 12,
     "Kurdish forces were taking positions among the rubble, readying for an assault on the last holdout."),
    ("Those who fled the town in the first week have not returned, officials said.", 8,
     "Those who fled the town in the first week have not returned, officials said."),
])
def test_shorten(parse, text, max_words, expected):
    assert shorten(parse(text)[:], max_words=max_words) == expected


def test_a_subject_misparsed_as_an_appositive_stays(parse):
    # The parser hangs "the agency" on "equipment" and makes "said" a conjunct without a subject:
    # dropping either would leave "… for helicopters said in a statement".
    text = ("The platforms had served Russian forces as a military outpost, hosting radar equipment and a "
            "landing point for helicopters, the agency, known by its Ukrainian acronym HUR, said in a statement.")
    summary = shorten(parse(text)[:], max_words=30)
    assert "helicopters, the agency" in summary and summary.endswith("said in a statement.")


def test_a_clause_whose_subject_the_parser_took_stays(parse):
    # The parser hangs "the shelter" on "as" and makes "fell" a conjunct with no subject and no "and" before
    # it: cutting it as a second clause would end the summary on "… withdraw their staff as the shelter."
    text = ("Over time the shelter has turned into the main holding site for families with militia ties; as a "
            "result, several charities were forced to withdraw their staff as the shelter no longer fell under "
            "their mandate, and living conditions have worsened.")
    summary = shorten(parse(text)[:], max_words=30)
    assert not summary.endswith("as the shelter.") and "no longer fell under their mandate" in summary


@pytest.mark.parametrize("text", [
    "“We would call on North Korea to meet its commitments,” Gen. Patrick Ryder said Tuesday.",
    "According to the Kremlin, Kim told Putin that Russia had his full support.",
])
def test_quotations_and_attribution_are_kept(parse, text):
    assert shorten(parse(text)[:], max_words=5) == text


@pytest.mark.parametrize("text", SENTENCES)
@pytest.mark.parametrize("max_words", [5, 12, 30])
def test_summary_is_a_subsequence_of_the_sentence(parse, text, max_words):
    doc = parse(text)
    spans = kept_spans(doc[:], max_words=max_words)
    summary = shorten(doc[:], max_words=max_words)
    assert summary == join_spans(doc.text, spans)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans)), "spans are ordered and disjoint"
    assert all(0 <= s < e <= len(doc.text) for s, e in spans)
    source = [t.text for t in doc if not t.is_space]
    position = 0
    for token in parse(summary):  # every summary token appears, in order, in the source
        while position < len(source) and source[position] != token.text:
            position += 1
        assert position < len(source), f"{token.text!r} is not in the source after the previous word"
        position += 1


def test_empty_span(parse):
    assert kept_spans(parse("   ")[:]) == []
