"""Datelines: where a wire story was filed, kept out of what its sources said."""

from __future__ import annotations

import pytest

from livebrief.nlp.datelines import dateline_end

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text, rest", [
    ("KYIV — Ukraine's intelligence said on Monday that it had retaken the rigs.", "Ukraine"),
    ("KYIV, Sept 13 (Northwire) - Russian drones attacked the Odesa region overnight.", "Russian"),
    ("Kyiv, Sept 13 - The capital was quiet overnight, officials said.", "The"),
    ("Odesa (Reuters) - Drones hit the port overnight.", "Drones"),
    ("SEOUL/LONDON, Sept 13 (Northwire) - North Korean leader Kim Jong Un met Putin.", "North"),
    # a dash inside the sentence is no dateline
    ("Kyiv - the capital - was quiet overnight, officials said.", "Kyiv"),
    ("Drones hit the port — again — overnight.", "Drones"),
])
def test_dateline_end(nlp, text, rest):
    doc = nlp(text)
    assert doc[dateline_end(doc, 0)].text == rest


def test_only_at_a_paragraph_start(nlp):
    doc = nlp("Officials spoke. KYIV — the capital was quiet.")
    kyiv = next(t.i for t in doc if t.text == "KYIV")
    assert dateline_end(doc, kyiv) == kyiv
