"""Which party a claimant speaks for, from its name and role ('Kremlin-appointed official')."""

from __future__ import annotations

import re

# Surface cues → party. A claimant's party is the first cue found in its name, then its title.
PARTY_CUES: tuple[tuple[str, str], ...] = (
    (r"\b(russia|russian|kremlin|moscow|moscow-installed|kremlin-appointed|kremlin-installed|putin)\b", "Russia"),
    (r"\b(ukraine|ukrainian|kyiv|kiev|zelensky|zelenskyy|hur)\b", "Ukraine"),
    (r"\b(united states|u\.s\.|us|american|pentagon|washington|white house|state department)\b", "United States"),
    (r"\b(north korea|north korean|pyongyang|kcna)\b", "North Korea"),
    (r"\b(israel|israeli|idf)\b", "Israel"),
    (r"\b(hamas|gaza)\b", "Hamas"),
    (r"\b(china|chinese|beijing)\b", "China"),
    (r"\b(denmark|danish|copenhagen)\b", "Denmark"),
)
_COMPILED = tuple((re.compile(p, re.IGNORECASE), party) for p, party in PARTY_CUES)


def party_of(claimant: str | None, title: str | None = None) -> str | None:
    """The party a claimant speaks for, or None when nothing in its name or role says."""
    for text in (claimant or "", title or ""):
        for pattern, party in _COMPILED:
            if pattern.search(text):
                return party
    return None
