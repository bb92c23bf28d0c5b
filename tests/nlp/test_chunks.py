"""Long texts parsed in pieces: cut at paragraph breaks, joined back to one Doc that reads as the whole."""

from __future__ import annotations

import pytest

from livebrief.model import Article
from livebrief.nlp import analyze_many
from livebrief.nlp.chunks import split_text
from livebrief.settings import DEFAULTS


@pytest.mark.parametrize("text, limit", [
    ("One.\n\nTwo two.\n\nThree three three.\n\nFour.", 12),
    ("A line\nanother line\nand a third line\nand a fourth", 20),
    ("No breaks at all in this rather long sentence of words", 10),
    ("x" * 95, 10),  # nowhere to cut: hard cuts
    ("short", 100),
])
def test_pieces_join_back_to_the_text(text, limit):
    pieces = split_text(text, limit)
    assert "".join(pieces) == text
    assert all(len(p) <= limit for p in pieces[:-1])


def test_cuts_fall_on_paragraph_breaks_first():
    text = "First paragraph here.\nSame paragraph, next line.\n\nSecond paragraph.\n\nThird."
    pieces = split_text(text, 60)
    assert pieces[0] == "First paragraph here.\nSame paragraph, next line.\n\n"


def _report(n: int) -> str:
    return (f"Governor Oleh Kiper said drones hit the port of Odesa on night {n}, injuring at least {n} people.\n\n"
            f"“We lost the grain terminal {n},” Kiper said.\n\n")


@pytest.mark.model
def test_a_long_text_in_pieces_reads_as_parsed_whole(nlp):
    text = "".join(_report(n) for n in range(1, 40))
    article = Article(id="long", text=text)
    whole, = analyze_many([article], settings=DEFAULTS.with_overrides({"nlp.chunk_chars": 0}), nlp=nlp)
    pieces, = analyze_many([article], settings=DEFAULTS.with_overrides({"nlp.chunk_chars": 500}), nlp=nlp)
    assert len(text) > 10 * 500
    for part in ("entities", "quotes", "claims", "quantities", "places", "times", "events"):
        assert getattr(pieces, part) == getattr(whole, part), part
    assert len(pieces.quotes) >= 39 and len(pieces.events) >= 39
    assert all(text[q.start:q.end] == q.text for q in pieces.quotes)
