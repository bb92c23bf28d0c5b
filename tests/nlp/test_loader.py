"""The spaCy pipeline as livebrief loads it: paragraph breaks end sentences before the parser runs."""

from __future__ import annotations

import pytest

from livebrief.nlp.loader import PARAGRAPHS, paragraph_breaks

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


def test_no_sentence_starts_at_a_clitic(nlp):
    # The tagger sometimes reads a curly "’s" as punctuation, and the parser then cut the sentence before it
    # ("… inside the group" / "’s then last pocket …"): the starts are preset before the parser runs.
    doc = nlp.make_doc("The militia’s fighters left the town. It wasn't the Kremlin's call, officials said.")
    paragraph_breaks(doc)
    clitics = [t for t in doc if t.lower_ in ("’s", "'s", "n't")]
    assert len(clitics) == 3 and all(t.is_sent_start is False for t in clitics)
    assert [s.text for s in nlp(doc.text).sents] == ["The militia’s fighters left the town.",
                                                     "It wasn't the Kremlin's call, officials said."]
