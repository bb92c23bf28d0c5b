"""What changed since the previous briefing: new stories, revised figures, corrections.

A revision is any change in the figures a story showed; a correction is the narrow case
of one source (the same official or outlet) replacing its own figure with another value,
such as an injured count raised from "at least nine" to "at least 24".
"""

from __future__ import annotations

from dataclasses import dataclass

from livebrief.brief.rank import figure_key
from livebrief.brief.records import figures_of, items_of
from livebrief.model import Brief, BriefItem, StoryFigure


@dataclass(frozen=True)
class FigureRevision:
    """A story whose figures differ from those the previous briefing showed."""

    story_id: str
    title: str
    before: tuple[StoryFigure, ...]
    after: tuple[StoryFigure, ...]
    item: BriefItem | None = None


@dataclass(frozen=True)
class Correction:
    """One source giving a different value for the same figure than it gave before."""

    story_id: str
    title: str
    kind: str
    source: str
    old: StoryFigure
    new: StoryFigure
    item: BriefItem | None = None


@dataclass(frozen=True)
class Changes:
    """The difference between a briefing and the one before it on the same topic."""

    brief_id: str
    previous_id: str | None
    new_stories: tuple[BriefItem, ...] = ()
    revisions: tuple[FigureRevision, ...] = ()
    corrections: tuple[Correction, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.new_stories or self.revisions or self.corrections)

    def to_dict(self) -> dict:
        def figure(f: StoryFigure) -> dict:
            return f.to_dict()

        return {
            "brief_id": self.brief_id,
            "previous_id": self.previous_id,
            "new_stories": [i.to_dict() for i in self.new_stories],
            "revised_figures": [{"story_id": r.story_id, "title": r.title,
                                 "before": [figure(f) for f in r.before], "after": [figure(f) for f in r.after]}
                                for r in self.revisions],
            "corrections": [{"story_id": c.story_id, "title": c.title, "kind": c.kind, "source": c.source,
                             "old": figure(c.old), "new": figure(c.new)} for c in self.corrections],
        }


def find_changes(brief: Brief, previous: Brief | None) -> Changes:
    """Changes in ``brief`` against ``previous`` (with no previous briefing, every story is new)."""
    items = [item for _, item in items_of(brief)]
    if previous is None:
        return Changes(brief.id, None, new_stories=tuple(items))
    before = {item.story_id: item for _, item in items_of(previous) if item.story_id}
    headline = getattr(previous, "headline_story_id", None)
    shown_before = set(before) | ({headline} if headline else set())
    new, revisions, corrections = [], [], []
    for item in items:
        if item.story_id is None or item.story_id not in shown_before:
            new.append(item)
            continue
        old_item = before.get(item.story_id)
        if old_item is None:
            continue  # it was the headline only: its figures were not listed
        old, current = figures_of(old_item), figures_of(item)
        if {figure_key(f) for f in old} == {figure_key(f) for f in current}:
            continue
        revisions.append(FigureRevision(item.story_id, item.text, old, current, item))
        corrections.extend(_corrections(item, old, current))
    return Changes(brief.id, previous.id, tuple(new), tuple(revisions), tuple(corrections))


def _corrections(item: BriefItem, old: tuple[StoryFigure, ...], new: tuple[StoryFigure, ...]) -> list[Correction]:
    """Sources whose latest value for a figure differs from their latest value before."""
    before, after = _latest_by_source(old), _latest_by_source(new)
    found = []
    for key, was in before.items():
        now = after.get(key)
        if now is not None and now.value != was.value:
            found.append(Correction(item.story_id or "", item.text, key[0], was.source or was.outlet or "",
                                    was, now, item))
    return found


def _latest_by_source(figures: tuple[StoryFigure, ...]) -> dict[tuple[str, str, str], StoryFigure]:
    latest: dict[tuple[str, str, str], StoryFigure] = {}
    for figure in sorted(figures, key=lambda f: f.published or ""):
        source = figure.source or figure.outlet
        if source:
            latest[(figure.kind, (figure.object or "").lower(), source.lower())] = figure
    return latest
