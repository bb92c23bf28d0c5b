"""Whether a source sentence can stand out of its article, as a story's title or a briefing's lead.

"He declined to give details …", "Its Defence Ministry said …" or "Most have suffered …" point back to a
sentence the reader does not see, and "Remember those plucky Kurdish forces …?" asks rather than reports.
"""

from __future__ import annotations

import re

# "This week" and "these days" point at the calendar, not at an earlier sentence.
_TIME_WORDS = r"week|weekend|year|month|morning|afternoon|evening|spring|summer|autumn|fall|winter|time|season|days"
_REFERS_BACK = re.compile(r"(?:it|its|he|his|him|she|her|they|their|them|those|the latter|the former)\b"
                          rf"|(?:this|these)\b(?!\s+(?:{_TIME_WORDS})\b)", re.IGNORECASE)
# A bare portion as the subject points back to the people the sentence before counted: "Most have suffered …".
_PORTION_SUBJECT = re.compile(r"(?:most|many|some|both|all|others|several|few|none)\s+"
                              r"(?:of\s+(?:them|these|those)\s+)?"
                              r"(?:have|has|had|are|were|was|is|will|would|could|can|said|say|says|remain|remained)\b",
                              re.IGNORECASE)
# "such" before a noun points back to a kind the article described before: "has banned such cash transfers".
_SUCH = re.compile(r"\bsuch\s+(?!as\b|a\b|an\b|that\b)[a-z]", re.IGNORECASE)
_OPENING_MARKS = "“\"‘' "


def refers_back(sentence: str) -> bool:
    """A sentence that opens with a word pointing to the one before it in its article, or that names a kind
    of thing by "such"."""
    opening = sentence.lstrip(_OPENING_MARKS)
    return _REFERS_BACK.match(opening) is not None or _PORTION_SUBJECT.match(opening) is not None \
        or _SUCH.search(sentence) is not None


def asks(sentence: str) -> bool:
    """A question: the writer's, or a quoted one."""
    return sentence.rstrip(" ”\"’'").endswith("?")


def stands_alone(sentence: str) -> bool:
    return not refers_back(sentence) and not asks(sentence)
