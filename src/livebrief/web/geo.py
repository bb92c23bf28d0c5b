"""The map: located items drawn as SVG on the server, over a bundled world outline.

No tiles and no requests at run time: ``static/world.json`` is a coarse Natural Earth outline
(public domain) made by ``scripts/vendor_assets.py``. The projection is equirectangular with
its standard parallel at the middle of the frame, which keeps shapes near true over the
regional frames a briefing needs. :func:`draw_map` returns plain numbers and strings; the
template writes the SVG elements, so every label goes through autoescaping.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

WORLD_FILE = Path(__file__).parent / "static" / "world.json"
MIN_LON_SPAN = 24.0   # degrees: a frame narrower than this shows too little outline to place a dot
MIN_LAT_SPAN = 12.0
PADDING = 0.25        # share of the points' extent added on each side
MAX_RATIO, MIN_RATIO = 0.6, 0.45  # height / width of a regional map
LABEL_CHAR_WIDTH, LABEL_HEIGHT = 6.8, 13.0  # SVG units of an 11px label, for placing labels apart


@dataclass(frozen=True)
class MapPoint:
    """Something at a place: a label, a link and how many items it stands for."""

    lat: float
    lon: float
    label: str
    href: str | None = None
    count: int = 1
    title: str = ""


@dataclass(frozen=True)
class Frame:
    west: float
    east: float
    south: float
    north: float

    @property
    def lon_span(self) -> float:
        return self.east - self.west

    @property
    def lat_span(self) -> float:
        return self.north - self.south


WORLD = Frame(-180.0, 180.0, -60.0, 85.0)


@lru_cache(maxsize=1)
def world() -> tuple[tuple[str, tuple[tuple[float, ...], ...]], ...]:
    """Country names and rings (flat lon, lat lists) of the bundled outline."""
    data = json.loads(WORLD_FILE.read_text(encoding="utf-8"))
    return tuple((c["name"], tuple(tuple(r) for r in c["rings"])) for c in data["countries"])


def fit_frame(points: Iterable[MapPoint]) -> Frame:
    """The frame around the points with some padding, never smaller than a region."""
    located = [(p.lat, p.lon) for p in points]
    if not located:
        return WORLD
    lats = [lat for lat, _ in located]
    lons = [lon for _, lon in located]
    lon_span = max(MIN_LON_SPAN, (max(lons) - min(lons)) * (1 + 2 * PADDING))
    lat_span = max(MIN_LAT_SPAN, (max(lats) - min(lats)) * (1 + 2 * PADDING))
    if lon_span >= 300 or lat_span >= 120:
        return WORLD
    mid_lon, mid_lat = (max(lons) + min(lons)) / 2, (max(lats) + min(lats)) / 2
    south = max(-85.0, mid_lat - lat_span / 2)
    north = min(85.0, south + lat_span)
    return Frame(mid_lon - lon_span / 2, mid_lon + lon_span / 2, north - lat_span, north)


def merge_points(points: Iterable[MapPoint]) -> list[MapPoint]:
    """One dot per place: points within about a kilometre are merged, their counts added."""
    merged: dict[tuple[float, float], MapPoint] = {}
    for p in points:
        key = (round(p.lat, 2), round(p.lon, 2))
        seen = merged.get(key)
        if seen is None:
            merged[key] = p
            continue
        titles = [t for t in (seen.title, p.title) if t]
        merged[key] = MapPoint(lat=seen.lat, lon=seen.lon, label=seen.label or p.label, href=seen.href or p.href,
                               count=seen.count + p.count, title=" · ".join(dict.fromkeys(titles)))
    return list(merged.values())


def draw_map(points: Iterable[MapPoint], *, width: int = 640, frame: Frame | None = None) -> dict[str, Any]:
    """A view of the map: projected outline paths, graticule lines and dots (one per place), in SVG units."""
    points = merge_points(points)
    frame = _fit_aspect(frame or fit_frame(points))
    x_scale = width / frame.lon_span
    height = round(frame.lat_span * _y_stretch(frame) * x_scale)
    y_scale = height / frame.lat_span

    def x(lon: float) -> float:
        return round((lon - frame.west) * x_scale, 1)

    def y(lat: float) -> float:
        return round((frame.north - lat) * y_scale, 1)

    land = []
    for name, rings in world():
        paths = [_ring_path(ring, frame, x, y) for ring in rings]
        paths = [p for p in paths if p]
        if paths:
            land.append({"name": name, "d": " ".join(paths)})
    step = next(s for s in (1, 2, 5, 10, 15, 30, 60) if frame.lon_span / s <= 10)
    grid = [{"x1": x(v), "y1": 0, "x2": x(v), "y2": height}
            for v in range(math.ceil(frame.west / step) * step, math.floor(frame.east) + 1, step)]
    grid += [{"x1": 0, "y1": y(v), "x2": width, "y2": y(v)}
             for v in range(math.ceil(frame.south / step) * step, math.floor(frame.north) + 1, step)]
    dots = [{"x": x(p.lon), "y": y(p.lat), "r": round(4 + 2 * math.log2(max(1, p.count)), 1), "label": p.label,
             "href": p.href, "title": p.title or p.label}
            for p in sorted(points, key=lambda p: -p.count)]
    _place_labels(dots, width=width, height=height)
    return {"width": width, "height": height, "land": land, "grid": grid, "dots": dots,
            "frame": {"west": frame.west, "east": frame.east, "south": frame.south, "north": frame.north}}


def _place_labels(dots: list[dict[str, Any]], *, width: int, height: int) -> None:
    """Give each dot a label position right or left of it, or none where it would overlap another.

    Greedy, biggest dots first: a crowded region keeps its main labels readable and the
    rest keep their dot and tooltip.
    """
    taken: list[tuple[float, float, float, float]] = []
    for dot in dots:
        dot["label_x"] = dot["label_y"] = None
        dot["anchor"] = "start"
        if not dot["label"]:
            continue
        text_w, text_h = LABEL_CHAR_WIDTH * len(dot["label"]) + 2, LABEL_HEIGHT
        top = dot["y"] - text_h / 2
        for anchor in ("start", "end"):
            left = dot["x"] + dot["r"] + 3 if anchor == "start" else dot["x"] - dot["r"] - 3 - text_w
            box = (left, top, left + text_w, top + text_h)
            inside = box[0] >= 0 and box[2] <= width and box[1] >= 0 and box[3] <= height
            if inside and not any(_overlaps(box, other) for other in taken):
                taken.append(box)
                dot["anchor"] = anchor
                dot["label_x"] = round(box[0] if anchor == "start" else box[2], 1)
                dot["label_y"] = round(dot["y"] + 4, 1)
                break
        # Dots are obstacles for later labels too.
        taken.append((dot["x"] - dot["r"], dot["y"] - dot["r"], dot["x"] + dot["r"], dot["y"] + dot["r"]))


def _overlaps(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _y_stretch(frame: Frame) -> float:
    """How much longer a degree of latitude is than one of longitude at the frame's middle."""
    return 1 / max(0.35, math.cos(math.radians((frame.north + frame.south) / 2)))


def _fit_aspect(frame: Frame) -> Frame:
    """Widen or heighten the frame (around its middle) so the map is between 2.2:1 and 5:3."""
    if frame == WORLD:
        return frame
    ratio = frame.lat_span * _y_stretch(frame) / frame.lon_span  # height / width
    mid_lon, mid_lat = (frame.west + frame.east) / 2, (frame.south + frame.north) / 2
    if ratio > MAX_RATIO:
        lon_span = frame.lat_span * _y_stretch(frame) / MAX_RATIO
        return Frame(mid_lon - lon_span / 2, mid_lon + lon_span / 2, frame.south, frame.north)
    if ratio < MIN_RATIO:
        lat_span = min(170.0, frame.lon_span * MIN_RATIO / _y_stretch(frame))
        south = max(-85.0, mid_lat - lat_span / 2)
        return Frame(frame.west, frame.east, south, min(85.0, south + lat_span))
    return frame


def _ring_path(ring: tuple[float, ...], frame: Frame, x: Any, y: Any) -> str:
    """The SVG path of a ring, or "" when its box misses the frame (the SVG viewport clips the rest)."""
    lons, lats = ring[0::2], ring[1::2]
    if max(lons) < frame.west or min(lons) > frame.east or max(lats) < frame.south or min(lats) > frame.north:
        return ""
    coords = " ".join(f"{x(lon)},{y(lat)}" for lon, lat in zip(lons, lats))
    return f"M{coords}Z"
