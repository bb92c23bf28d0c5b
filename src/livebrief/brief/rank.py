"""Salience: which stories lead a briefing.

A story's score is a weighted sum of five signals, each in [0, 1]: unique original
sources, recency, casualties, novelty against the previous briefing, and how prominent its
actors are across the stories at hand.
"""

from __future__ import annotations

import dataclasses
import math
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Iterable, Mapping

from livebrief.brief.options import BriefOptions
from livebrief.brief.records import listed_figures
from livebrief.model import Story, StoryFigure

CASUALTY_KINDS = {"killed": 1.0, "injured": 0.5, "missing": 0.5}
SOURCES_FOR_FULL_SCORE = 5
EXTRA_REPORT_WEIGHT = 0.25  # a further original report by an outlet already counted
CASUALTIES_FOR_FULL_SCORE = 100.0  # weighted casualties at which the signal saturates


@dataclass(frozen=True)
class Salience:
    """A story's score and the signals it is made of (kept to explain the ranking)."""

    story_id: str
    score: float
    sources: float
    recency: float
    casualties: float
    novelty: float
    prominence: float


def parse_time(value: str | None) -> datetime | None:
    """An ISO date or date-time as an aware UTC datetime; None when absent or unreadable."""
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        try:
            parsed = datetime.fromisoformat(value[:10])
        except ValueError:
            return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


def story_time(story: Story) -> datetime | None:
    return parse_time(story.updated) or parse_time(story.first_seen) or parse_time(story.end) \
        or parse_time(story.start)


def figure_key(figure: StoryFigure) -> tuple[str, str, str, float, str]:
    return (figure.kind, (figure.object or "").lower(), (figure.source or figure.outlet or "").lower(),
            float(figure.value), figure.qualifier or "")


def rank_stories(
    stories: Iterable[Story],
    *,
    actors: Mapping[str, Iterable[str]],
    now: datetime,
    previous_figures: Mapping[str, tuple[StoryFigure, ...]] | None = None,
    previous_time: datetime | None = None,
    options: BriefOptions = BriefOptions(),
) -> list[tuple[Story, Salience]]:
    """Stories with their salience, most salient first.

    ``actors`` maps a story id to the actors and targets of its events; ``previous_figures``
    maps each story of the previous briefing to the figures it showed (None: no previous
    briefing, so every story is new); ``previous_time`` is when that briefing was made.
    """
    stories = list(stories)
    actor_sets = {s.id: {a.strip().lower() for a in actors.get(s.id, ()) if a and a.strip()} for s in stories}
    # An actor is prominent when many of today's stories involve it.
    frequency: Counter[str] = Counter(a for names in actor_sets.values() for a in names)
    top = max(frequency.values(), default=0)
    ranked = []
    for story in stories:
        sal = Salience(
            story_id=story.id,
            score=0.0,
            sources=_sources(story),
            recency=_recency(story, now, options.half_life_hours),
            casualties=_casualties(story.figures),
            novelty=_novelty(story, previous_figures, previous_time),
            prominence=(max((frequency[a] for a in actor_sets[story.id]), default=0) / top) if top > 1 else 0.0,
        )
        score = (options.weight_sources * sal.sources + options.weight_recency * sal.recency
                 + options.weight_casualties * sal.casualties + options.weight_novelty * sal.novelty
                 + options.weight_prominence * sal.prominence)
        ranked.append((story, dataclasses.replace(sal, score=round(score, 4))))
    ranked.sort(key=lambda pair: (-pair[1].score, -pair[0].confidence, -_timestamp(pair[0]), pair[0].id))
    return ranked


def _timestamp(story: Story) -> float:
    when = story_time(story)
    return when.timestamp() if when else 0.0


def _sources(story: Story) -> float:
    """Unique original sources, and a quarter for each further original report from one of them: eight
    reports in one paper weigh more than one (a single-outlet archive would otherwise rank by casualties alone)."""
    outlets = len(story.sources) or len({a.source for a in story.articles if not a.copy_of})
    reports = len({a.article_id for a in story.articles if not a.copy_of})
    count = outlets + EXTRA_REPORT_WEIGHT * max(0, reports - outlets)
    return min(1.0, math.log2(1 + count) / math.log2(1 + SOURCES_FOR_FULL_SCORE))


def _recency(story: Story, now: datetime, half_life_hours: float) -> float:
    when = story_time(story)
    if when is None:
        return 0.0
    age_hours = (now - when).total_seconds() / 3600
    return 1.0 if age_hours <= 0 else 0.5 ** (age_hours / max(half_life_hours, 0.01))


def _casualties(figures: Iterable[StoryFigure]) -> float:
    # The highest count any source gives for each kind: the story's severity as reported.
    highest: dict[str, float] = {}
    for figure in figures:
        if figure.kind in CASUALTY_KINDS:
            highest[figure.kind] = max(highest.get(figure.kind, 0.0), float(figure.value))
    weighted = sum(CASUALTY_KINDS[kind] * value for kind, value in highest.items())
    return min(1.0, math.log10(1 + weighted) / math.log10(1 + CASUALTIES_FOR_FULL_SCORE))


def _novelty(story: Story, previous: Mapping[str, tuple[StoryFigure, ...]] | None,
             previous_time: datetime | None = None) -> float:
    if previous is None:
        return 1.0
    if story.id not in previous:
        # Novel when it moved since the last briefing; a story that was there then but
        # not shown was judged less salient, and re-running must not promote it.
        when = story_time(story)
        return 1.0 if previous_time is None or when is None or when > previous_time else 0.0
    before = {figure_key(f) for f in previous[story.id]}
    now = {figure_key(f) for f in listed_figures(story.figures)}
    return 0.5 if before != now else 0.0
