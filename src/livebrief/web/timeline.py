"""The timeline: dated items drawn as SVG on the server, one lane per group.

:func:`draw_timeline` returns numbers and strings only; the template writes the SVG, so
labels taken from articles are escaped like any other text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any, Iterable

LANE_HEIGHT = 22
LABEL_WIDTH = 130   # room on the left for lane names
MARGIN = 36         # room on either side of the plot for a centred tick label
MAX_LANES = 8       # more lanes than this are folded into "other"


@dataclass(frozen=True)
class TimePoint:
    """Something that happened or was published at a time."""

    when: str
    label: str
    lane: str = ""
    href: str | None = None
    new: bool = False


def parse_when(value: str | None) -> datetime | None:
    """An ISO date or date-time as an aware UTC datetime; None when absent or unreadable."""
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        try:
            parsed = datetime.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


def draw_timeline(points: Iterable[TimePoint], *, width: int = 720,
                  start: str | None = None, end: str | None = None) -> dict[str, Any] | None:
    """A view of the timeline, or None when no point has a readable date."""
    dated = [(when, p) for p in points if (when := parse_when(p.when)) is not None]
    if not dated:
        return None
    times = [when for when, _ in dated] + [t for t in (parse_when(start), parse_when(end)) if t]
    first, last = _fences(times)
    if last - first < timedelta(hours=2):
        first, last = first - timedelta(hours=1), last + timedelta(hours=1)
    span = (last - first).total_seconds()
    lanes = _lanes([p.lane for _, p in dated])
    top = 8
    axis_y = top + LANE_HEIGHT * len(lanes) + 6
    height = axis_y + 22
    plot = width - LABEL_WIDTH - 2 * MARGIN

    def x(when: datetime) -> float:
        when = min(max(when, first), last)  # outliers sit at the edge; their tooltip has the date
        return round(LABEL_WIDTH + MARGIN + (when - first).total_seconds() / span * plot, 1)

    lane_y = {name: top + LANE_HEIGHT * n + LANE_HEIGHT / 2 for n, name in enumerate(lanes)}
    dots = [{"x": x(when), "y": lane_y[p.lane if p.lane in lane_y else "other"], "label": p.label,
             "href": p.href, "new": p.new, "when": p.when, "outside": not first <= when <= last}
            for when, p in sorted(dated, key=lambda pair: pair[0])]
    ticks = [{"x": x(t), "label": label, "anchor": "end" if x(t) > width - MARGIN - 10 else "middle"}
             for t, label in _ticks(first, last)]
    return {"width": width, "height": height, "axis_y": axis_y, "x0": LABEL_WIDTH, "dots": dots, "ticks": ticks,
            "lanes": [{"y": y, "label": name or "items"} for name, y in lane_y.items()]}


def _fences(times: list[datetime]) -> tuple[datetime, datetime]:
    """The axis range: every time, unless a few lie far out (a background date in an old war).

    Times beyond three interquartile ranges (at least two days) from the middle half are left
    out of the range and drawn at its edge.
    """
    ordered = sorted(times)
    if len(ordered) < 4:
        return ordered[0], ordered[-1]
    q1, q3 = ordered[len(ordered) // 4], ordered[(3 * len(ordered)) // 4]
    reach = max(3 * (q3 - q1), timedelta(days=2))
    inside = [t for t in ordered if q1 - reach <= t <= q3 + reach]
    return inside[0], inside[-1]


def _lanes(names: list[str]) -> list[str]:
    counts: dict[str, int] = {}
    for name in names:
        counts[name] = counts.get(name, 0) + 1
    ordered = sorted(counts, key=lambda n: (-counts[n], n))
    if len(ordered) <= MAX_LANES:
        return sorted(ordered)
    return sorted(ordered[:MAX_LANES - 1]) + ["other"]


_STEPS = (  # (step, label format): the first step giving few enough ticks wins
    (timedelta(hours=1), "%H:%M"), (timedelta(hours=3), "%d %b %H:%M"), (timedelta(hours=6), "%d %b %H:%M"),
    (timedelta(hours=12), "%d %b %H:%M"), (timedelta(days=1), "%d %b"), (timedelta(days=2), "%d %b"),
    (timedelta(days=7), "%d %b"), (timedelta(days=14), "%d %b"), (timedelta(days=30), "%d %b %Y"),
    (timedelta(days=91), "%b %Y"), (timedelta(days=365), "%Y"),
)


def _ticks(first: datetime, last: datetime, most: int = 7) -> list[tuple[datetime, str]]:
    """Ticks on round times (whole hours or UTC midnights), at most ``most`` of them."""
    span = last - first
    step, fmt = next(((s, f) for s, f in _STEPS if span / s <= most), _STEPS[-1])
    midnight = first.replace(hour=0, minute=0, second=0, microsecond=0)
    tick = midnight
    while tick < first:
        tick += step
    ticks: list[tuple[datetime, str]] = []
    while tick <= last and len(ticks) <= most:
        label = tick.strftime(fmt)
        if not ticks or ticks[-1][1] != label:
            ticks.append((tick, label))
        tick += step
    return ticks or [(first, first.strftime(fmt))]
