"""Datelines: the place (and date, and wire) that opens a wire story's paragraph.

"KYIV, Sept 13 (Reuters) - Russian drones …" says where the story was filed, not what anyone said:
quotes leave it out of reported clauses. (Stories skip a place named only there: stories/items.py.)
"""

from __future__ import annotations

import re

DASHES = frozenset({"-", "--", "—", "–"})
# The same in plain text: "KYIV —", "UMAN, Ukraine, Sept 13 (Reuters) -".
_DATELINE_TEXT = re.compile(r"\s*[A-Z][A-Z .'\-]{1,40}(,[^—–\n]{0,40})?\s*[—–-]{1,2}\s")


def text_dateline_end(text: str, start: int = 0) -> int:
    """The offset after a dateline opening the paragraph at ``start`` in plain text, else ``start``."""
    if text[text.rfind("\n", 0, start) + 1:start].strip():
        return start  # not at the start of a paragraph
    match = _DATELINE_TEXT.match(text, start)
    return match.end() if match else start


def dateline_end(doc, lo: int, hi: int | None = None) -> int:
    """The token after a dateline opening a paragraph at ``lo`` ("KYIV —", "Kyiv, Sept 13 -",
    "Kyiv (Reuters) -"), else ``lo``. Not "Kyiv - the capital - was quiet"."""
    hi = len(doc) if hi is None else hi
    if lo >= hi or lo > 0 and "\n" not in doc[lo - 1].text_with_ws:
        return lo
    first = doc[lo]
    if not (first.is_upper and len(first.text) > 1 or first.ent_type_ == "GPE"
            or first.is_title and lo + 1 < hi and doc[lo + 1].text in (",", "(")):
        return lo
    for i in range(lo + 1, min(lo + 13, hi)):  # "SEOUL/LONDON, Sept 13 (Reuters) -" is 10 tokens
        before = doc[i - 1]
        if doc[i].text in DASHES and doc[i].whitespace_ \
                and (first.is_upper or before.text == ")" or before.ent_type_ == "DATE"):
            return i + 1
        if doc[i].pos_ in ("VERB", "AUX"):
            break
    return lo
