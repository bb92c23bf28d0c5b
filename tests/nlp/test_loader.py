"""The spaCy pipeline as livebrief loads it: paragraph breaks end sentences before the parser runs."""

from __future__ import annotations

import pytest

from livebrief.nlp.loader import PARAGRAPHS

pytestmark = pytest.mark.model


def sentences(nlp, text: str) -> list[str]:
    return [s.text.strip() for s in nlp(text).sents if s.text.strip()]


def test_the_paragraph_component_runs_before_the_parser(nlp):
    names = nlp.pipe_names
    assert names.index(PARAGRAPHS) < names.index("parser")


@pytest.mark.parametrize("text, expected", [
    # a blank line always ends the sentence, even after a closing quotation mark
    ("“We need a new President -- FAST!”\n\nSen. Marco Rubio said Obama failed.",
     ["“We need a new President -- FAST!”", "Sen. Marco Rubio said Obama failed."]),
    # a single line break ends it after a sentence's end
    ("Drones attacked Odesa overnight.\nSix people were injured.",
     ["Drones attacked Odesa overnight.", "Six people were injured."]),
])
def test_paragraph_breaks_end_sentences(nlp, text, expected):
    assert sentences(nlp, text) == expected


def test_hard_wrapped_lines_keep_their_sentence(nlp):
    text = "The governor said six people were injured in the\nattack on the port of Odesa early on Wednesday."
    assert sentences(nlp, text) == [text]
