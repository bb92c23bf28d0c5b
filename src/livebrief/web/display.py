"""How the web app lays out a briefing: numbered citations that open the cited span.

The briefing package's renderers make standalone documents; the web app renders the
``Brief`` record with its own templates, so citations link to the app's article pages
(``/articles/<id>?start=…&end=…#cited``) and items link to their stories and places.
"""

from __future__ import annotations

from typing import Any, Iterable

from livebrief.brief.records import (
    describe_figure, figures_of, headline_item, refs, shown_attribution, source_numbers, topic_line,
)
from livebrief.model import Brief, BriefItem
from livebrief.web.views import cite_href, href, safe_url


def brief_display(brief: Brief) -> dict[str, Any]:
    """Plain data for the briefing template."""
    numbers = source_numbers(brief)

    def cites(citations: Iterable[Any]) -> list[dict[str, Any]]:
        citations = list(citations)
        out = []
        for n in refs(numbers, citations):
            first = next(c for c in citations if numbers.get(c.article_id) == n)
            start, end = getattr(first, "start", None), getattr(first, "end", None)
            if start is None and getattr(first, "span", None):
                start, end = first.span
            out.append({"n": n, "href": cite_href(first.article_id, start, end)})
        return out

    def item_view(item: BriefItem) -> dict[str, Any]:
        return {
            "text": item.text, "refs": cites(item.citations), "attribution": list(shown_attribution(item)),
            "new": item.new, "story_id": item.story_id, "story_href": href("stories", item.story_id),
            "date": item.date, "place": item.place, "place_href": href("places", item.place),
            "types": list(item.event_types), "conflicts": list(item.conflicts),
            "revisions": list(item.revisions),
            "figures": [{"text": describe_figure(f), "refs": cites([f])} for f in figures_of(item)[:6]],
        }

    top = headline_item(brief)
    sections = []
    for section in brief.sections:
        shown = [item_view(i) for i in section.items if top is None or i.story_id != top.story_id]
        if shown:
            sections.append({"title": section.title, "items": shown})
    return {
        "id": brief.id, "topic": brief.topic, "headline": brief.headline,
        "headline_refs": cites(brief.headline_citations), "lead": brief.lead,
        "lead_refs": cites(brief.lead_citations), "top": item_view(top) if top is not None else None,
        "latest": topic_line(brief), "generated_at": brief.generated_at,
        "window_start": brief.window_start, "window_end": brief.window_end, "sections": sections,
        "quotes": [{"text": q.text, "speaker": q.speaker or "unnamed", "source": q.source,
                    "speaker_href": href("entities", q.speaker), "refs": cites([q])} for q in brief.quotes],
        "sources": [{"n": n, "outlet": ref.source or "unknown outlet", "title": ref.title,
                     "published": (ref.published or "")[:10], "url": safe_url(ref.url),
                     "href": href("articles", ref.article_id)}
                    for n, ref in enumerate(brief.sources, start=1)],
    }
