"""Templates: one autoescaping Jinja2 environment, and the drawings pages embed.

Article text is untrusted. Every value reaches the page through autoescaping; no template
marks article-derived text safe, and links to the outside go only to http(s) URLs.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from livebrief.web.geo import MapPoint, draw_map
from livebrief.web.timeline import TimePoint, draw_timeline

TEMPLATES_DIR = Path(__file__).parent / "templates"
STATIC_DIR = Path(__file__).parent / "static"


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(str(TEMPLATES_DIR)), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["when"] = when
    env.filters["day"] = lambda value: (value or "")[:10]
    env.filters["plural"] = plural
    return env


def render(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)


def when(value: str | None) -> str:
    """An ISO timestamp shortened for reading: '2023-09-12 14:05' (UTC as stored)."""
    if not value:
        return ""
    text = value.replace("T", " ")
    return text[:16] if len(text) > 10 else text


def plural(count: int, word: str) -> str:
    """'1 story', '3 stories', '2 sources'."""
    if count == 1:
        return f"{count} {word}"
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return f"{count} {word[:-1]}ies"
    return f"{count} {word}s"


def map_of(located: Iterable[dict[str, Any]], *, width: int = 960) -> dict[str, Any] | None:
    """The map drawing of a page's located items (None when nothing is located)."""
    points = [MapPoint(lat=float(p["lat"]), lon=float(p["lon"]), label=str(p.get("label") or ""),
                       href=p.get("href"), count=int(p.get("count", 1)), title=str(p.get("title") or ""))
              for p in located if p.get("lat") is not None and p.get("lon") is not None]
    return draw_map(points, width=width) if points else None


def timeline_of(dated: Iterable[dict[str, Any]], *, start: str | None = None, end: str | None = None,
                width: int = 960) -> dict[str, Any] | None:
    """The timeline drawing of a page's dated items (None when nothing is dated)."""
    points = [TimePoint(when=str(d["when"]), label=str(d.get("label") or ""), lane=str(d.get("lane") or ""),
                        href=d.get("href"), new=bool(d.get("new"))) for d in dated if d.get("when")]
    return draw_timeline(points, width=width, start=start, end=end)
