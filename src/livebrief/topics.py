"""Topics from livebrief.toml: which stories and articles a briefing is about."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable, Mapping

from livebrief.errors import ConfigError
from livebrief.model import Story

DEFAULT_TOPIC = "all"


@dataclass(frozen=True)
class Topic:
    """A named filter: any include term, entity, place or country matches unless an exclusion does."""

    name: str
    include: tuple[str, ...] = ()
    entities: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()

    @property
    def is_everything(self) -> bool:
        return not (self.include or self.entities or self.places or self.countries)

    def matches_text(self, text: str) -> bool:
        lowered = text.lower()
        if any(_has(lowered, term) for term in self.exclude):
            return False
        if self.is_everything:
            return True
        return any(_has(lowered, term) for term in (*self.include, *self.entities, *self.places))

    def matches(self, story: Story, *, entities: Iterable[str] = (), countries: Iterable[str] = ()) -> bool:
        text = " ".join([story.title, story.place or "", *(c.text for c in story.claims),
                         *(a.title or "" for a in story.articles), *entities])
        if any(_has(text.lower(), term) for term in self.exclude):
            return False
        if self.is_everything:
            return True
        if self.countries and {c.upper() for c in countries} & {c.upper() for c in self.countries}:
            return True
        return self.matches_text(text)


def _has(text: str, term: str) -> bool:
    return re.search(r"\b" + re.escape(term.lower()) + r"\b", text) is not None


def topic_from(settings_topics: Iterable[Mapping[str, Any]], name: str | None) -> Topic:
    """The topic called ``name`` (None or 'all' is everything); ConfigError lists the known ones."""
    if not name or name == DEFAULT_TOPIC:
        return Topic(DEFAULT_TOPIC)
    known = {t["name"]: t for t in settings_topics}
    if name not in known:
        raise ConfigError(f"unknown topic {name!r}; topics in the settings file: "
                          f"{', '.join(sorted(known)) or '(none defined)'} — or 'all'")
    t = known[name]
    return Topic(name=name, **{k: tuple(t.get(k, ())) for k in ("include", "entities", "places", "countries",
                                                               "exclude")})
