"""HTML: a standalone briefing page (inline CSS, no external assets) and an embeddable body.

Article text is untrusted. Every value reaches the page through Jinja2 autoescaping, links
are kept only for http(s) URLs, and the page's Content-Security-Policy forbids scripts, so a
``<script>`` planted in an article renders as text. The body has two slots the web app can
fill (``data-slot="map"`` and ``data-slot="timeline"``); here they hold a small SVG map of
located items (equirectangular dots, no tiles) and an SVG timeline of items by date.
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from livebrief.brief.changes import Changes
from livebrief.brief.options import BriefOptions
from livebrief.brief.rank import parse_time
from livebrief.brief.records import (
    describe_figure, figures_of, headline_item, items_of, refs, safe_url, shown_attribution, source_numbers,
    topic_line,
)
from livebrief.model import Brief, BriefItem

TEMPLATES_DIR = Path(__file__).parent / "templates"
MAP_WIDTH, TIMELINE_WIDTH = 480, 640


def environment() -> Environment:
    """The Jinja2 environment of the briefing templates (autoescape always on)."""
    env = Environment(loader=FileSystemLoader(str(TEMPLATES_DIR)), autoescape=select_autoescape(
        enabled_extensions=("html", "svg", "xml"), default_for_string=True, default=True))
    return env


def render_html(brief: Brief, *, changes: Changes | None = None, options: BriefOptions = BriefOptions()) -> str:
    """A complete standalone HTML page of the briefing."""
    return environment().get_template("page.html").render(v=view_model(brief, changes=changes, options=options))


def render_body(brief: Brief, *, changes: Changes | None = None, options: BriefOptions = BriefOptions()) -> Markup:
    """The briefing's ``<article>`` element alone, for a page the web app lays out itself."""
    html = environment().get_template("body.html").render(v=view_model(brief, changes=changes, options=options))
    return Markup(html)  # noqa: S704 -- rendered by the autoescaping environment above


def view_model(brief: Brief, *, changes: Changes | None = None,
               options: BriefOptions = BriefOptions()) -> dict[str, Any]:
    """Plain data the templates render (the web app may render its own templates from it)."""
    numbers = source_numbers(brief)
    top = headline_item(brief)

    def cites(citations: Any) -> list[dict[str, Any]]:
        return [{"n": n, "href": f"#src-{n}"} for n in refs(numbers, citations)]

    def item_view(item: BriefItem) -> dict[str, Any]:
        return {
            "text": item.text, "refs": cites(item.citations), "attribution": list(shown_attribution(item)),
            "new": item.new, "story_id": item.story_id, "date": item.date, "place": item.place,
            "types": list(item.event_types), "conflicts": list(item.conflicts),
            "revisions": list(item.revisions),
            "figures": [{"text": describe_figure(f), "refs": cites([f])}
                        for f in figures_of(item)[:options.figures_per_item]],
        }

    sections = []
    for section in brief.sections:
        shown = [item_view(i) for i in section.items if top is None or i.story_id != top.story_id]
        if shown:
            sections.append({"title": section.title, "items": shown})
    items = [item for _, item in items_of(brief)]
    return {
        "id": brief.id,
        "topic": brief.topic,
        "headline": brief.headline,
        "headline_refs": cites(brief.headline_citations),
        "lead": brief.lead,
        "lead_refs": cites(brief.lead_citations),
        "top": item_view(top) if top is not None else None,
        "latest": topic_line(brief),
        "generated_at": brief.generated_at,
        "window_start": brief.window_start,
        "window_end": brief.window_end,
        "sections": sections,
        "quotes": [{"text": q.text, "speaker": q.speaker or "unnamed", "source": q.source, "refs": cites([q])}
                   for q in brief.quotes],
        "sources": [{"n": n, "anchor": f"src-{n}", "outlet": ref.source or "unknown outlet", "title": ref.title,
                     "published": (ref.published or "")[:10], "url": safe_url(ref.url)}
                    for n, ref in enumerate(brief.sources, start=1)],
        "map": map_view(items),
        "timeline": timeline_view(brief, items),
        "changes": _changes_view(changes, cites) if changes is not None else None,
    }


def _changes_view(changes: Changes, cites: Any) -> dict[str, Any]:
    return {
        "first": changes.previous_id is None,
        "new": [{"text": i.text, "refs": cites(i.citations)} for i in changes.new_stories],
        "revisions": [{"title": r.title, "before": [describe_figure(f) for f in r.before],
                       "after": [describe_figure(f) for f in r.after]} for r in changes.revisions],
        "corrections": [{"title": c.title, "source": c.source, "kind": c.kind,
                         "old": c.old.text or f"{c.old.value:g}", "new": c.new.text or f"{c.new.value:g}"}
                        for c in changes.corrections],
    }


# -- the map: located items as dots on an equirectangular projection ----------------------------


def map_view(items: list[BriefItem]) -> dict[str, Any] | None:
    """Dots for items with coordinates, one per place, in a frame fitted around them."""
    places: dict[tuple[float, float], dict[str, Any]] = {}
    for n, item in enumerate(items, start=1):
        if item.lat is None or item.lon is None:
            continue
        key = (round(item.lat, 2), round(item.lon, 2))
        entry = places.setdefault(key, {"lat": item.lat, "lon": item.lon, "label": item.place or "",
                                        "texts": []})
        entry["texts"].append(item.text)
    if not places:
        return None
    lats = [p["lat"] for p in places.values()]
    lons = [p["lon"] for p in places.values()]
    mid_lat = (max(lats) + min(lats)) / 2
    # a margin of a tenth of the span (and 2 degrees) keeps dots and their labels off the frame's edges
    lon_span = max(8.0, (max(lons) - min(lons)) * 1.2 + 4.0)
    lat_span = max(6.0, (max(lats) - min(lats)) * 1.2 + 4.0)
    west, east = (max(lons) + min(lons)) / 2 - lon_span / 2, (max(lons) + min(lons)) / 2 + lon_span / 2
    north, south = mid_lat + lat_span / 2, mid_lat - lat_span / 2
    # Equirectangular with the standard parallel at the middle latitude keeps shapes near true.
    x_scale = MAP_WIDTH / lon_span
    y_scale = x_scale / max(0.2, math.cos(math.radians(mid_lat)))
    height = max(140, min(420, round(lat_span * y_scale)))
    y_scale = height / lat_span

    def x(lon: float) -> float:
        return round((lon - west) * x_scale, 1)

    def y(lat: float) -> float:
        return round((north - lat) * y_scale, 1)

    step = next((s for s in (1, 2, 5, 10, 20, 30, 45, 60) if lon_span / s <= 8), 90)  # up to the whole globe
    graticule = [{"x1": x(lon), "y1": 0, "x2": x(lon), "y2": height, "label": f"{lon:g}°"}
                 for lon in range(math.ceil(west / step) * step, math.floor(east) + 1, step)]
    graticule += [{"x1": 0, "y1": y(lat), "x2": MAP_WIDTH, "y2": y(lat), "label": f"{lat:g}°"}
                  for lat in range(math.ceil(south / step) * step, math.floor(north) + 1, step)]
    points = [{"x": x(p["lon"]), "y": y(p["lat"]), "label": p["label"], "count": len(p["texts"]),
               "anchor": "end" if x(p["lon"]) > MAP_WIDTH * 0.7 else "start",
               "title": (p["label"] + ": " if p["label"] else "") + " · ".join(p["texts"])}
              for p in places.values()]
    _spare_labels(points)
    return {"width": MAP_WIDTH, "height": height, "points": points, "graticule": graticule}


def _spare_labels(points: list[dict[str, Any]]) -> None:
    """Blank the labels that would overlap one already drawn, places with more developments first: a crowded
    region keeps its main names readable, the rest keep their dot and its tooltip."""
    taken: list[tuple[float, float, float, float]] = []
    for point in sorted(points, key=lambda p: -p["count"]):
        width = 6.5 * len(point["label"])
        left = point["x"] + 7 if point["anchor"] == "start" else point["x"] - 7 - width
        box = (left, point["y"] - 8, left + width, point["y"] + 5)
        if any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in taken):
            point["label"] = ""
        else:
            taken.append(box)



# -- the timeline: items by date ---------------------------------------------------------------


def timeline_view(brief: Brief, items: list[BriefItem]) -> dict[str, Any] | None:
    """Dots for dated items along the window, one row per section."""
    # A bare date stands for its whole day: drawn at noon rather than at midnight.
    dated: list[tuple[datetime, BriefItem]] = []
    for item in items:
        when = parse_time(item.date + ("T12:00:00+00:00" if len(item.date) == 10 else "")) if item.date else None
        if when is not None:
            dated.append((when, item))
    if not dated:
        return None
    bounds = [when for when, _ in dated]
    bounds += [t for t in (parse_time(brief.window_start), parse_time(brief.window_end)) if t is not None]
    start, end = min(bounds), max(bounds)
    span = max((end - start).total_seconds(), 3600.0)
    margin, row = 16, 18
    lanes = {title: n for n, title in enumerate(dict.fromkeys(s.title for s in brief.sections))}
    section_of = {id(item): title for title, item in items_of(brief)}
    height = 34 + row * max(1, len(lanes))

    def x(when: datetime) -> float:
        return round(margin + (when - start).total_seconds() / span * (TIMELINE_WIDTH - 2 * margin), 1)

    points = [{"x": x(when), "y": 14 + row * lanes.get(section_of.get(id(item), ""), 0) + row / 2,
               "title": f"{item.date}: {item.text}", "new": item.new} for when, item in dated]
    ticks = _ticks(start, end)
    return {"width": TIMELINE_WIDTH, "height": height, "axis_y": height - 16, "points": points,
            "ticks": [{"x": x(t), "label": t.strftime("%d %b" if span > 2 * 86400 else "%d %b %H:%M")}
                      for t in ticks],
            "lanes": [{"y": 14 + row * n + row / 2, "label": title} for title, n in lanes.items()]}


_STEPS_HOURS = (1, 3, 6, 12, 24, 48, 24 * 7, 24 * 30)


def _ticks(start: datetime, end: datetime, most: int = 6) -> list[datetime]:
    """Round-hour or round-day ticks, at most ``most`` of them, inside [start, end]."""
    hours = (end - start).total_seconds() / 3600
    step = next((h for h in _STEPS_HOURS if hours / h <= most), _STEPS_HOURS[-1])
    first = start.replace(minute=0, second=0, microsecond=0)
    if step >= 24:
        first = first.replace(hour=0)
    ticks = []
    moment = first
    while moment <= end:
        if moment >= start:
            ticks.append(moment)
        moment += timedelta(hours=step)
    return ticks
