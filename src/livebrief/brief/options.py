"""Briefing options: section layout, caps and ranking weights, with their defaults.

The settings table has no ``brief.*`` keys yet; :meth:`BriefOptions.from_settings` reads them
when present (``[brief] key_items = 6`` in livebrief.toml) and falls back to these defaults.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

KEY_SECTION = "Key developments"
OTHER_SECTION = "Other developments"

#: Sections after "Key developments", each with the PLOVER event types it gathers.
SECTIONS: tuple[tuple[str, frozenset[str]], ...] = (
    ("Battlefield", frozenset({"ASSAULT", "COERCE", "MOBILIZE", "RETREAT"})),
    ("Diplomacy", frozenset({"CONSULT", "AGREE", "REQUEST", "REJECT", "ACCUSE", "THREATEN", "CONCEDE"})),
    ("Aid and weapons", frozenset({"AID", "SUPPORT", "COOPERATE"})),
    ("Sanctions and economy", frozenset({"SANCTION"})),
    ("Protest", frozenset({"PROTEST"})),
)


def section_of(types: tuple[str, ...]) -> str:
    """The section of a story: that of its most frequent event type that has one."""
    for event_type in types:
        for title, members in SECTIONS:
            if event_type.upper() in members:
                return title
    return OTHER_SECTION


@dataclass(frozen=True)
class BriefOptions:
    """How much goes into a briefing and how stories are ranked."""

    key_items: int = 5                # stories in "Key developments"
    section_items: int = 5            # stories per type section after that
    quotes: int = 4                   # quotes of the day
    quote_min_words: int = 5
    quote_max_words: int = 60
    headline_max_words: int = 30
    lead_sentences: int = 2
    figures_per_item: int = 6         # figures shown per item (all are kept in JSON)
    half_life_hours: float = 12.0     # recency: a story this old counts half
    # Salience weights; they sum to 1 so a score reads as a share of the best possible.
    weight_sources: float = 0.30
    weight_recency: float = 0.20
    weight_casualties: float = 0.20
    weight_novelty: float = 0.15
    weight_prominence: float = 0.15

    @classmethod
    def from_settings(cls, settings: Any) -> BriefOptions:
        """Options from ``brief.<field>`` settings where they exist, else the defaults."""
        defaults = cls()
        values = {}
        for f in dataclasses.fields(cls):
            value = settings.get(f"brief.{f.name}") if hasattr(settings, "get") else None
            if value is not None:
                values[f.name] = type(getattr(defaults, f.name))(value)
        return cls(**values)
