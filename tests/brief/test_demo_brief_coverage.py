"""The demo briefing covers each development of the seed once and cites every outlet that reported it."""

from __future__ import annotations

import json

import pytest

from livebrief.demo import CORPUS_DIR

pytestmark = [pytest.mark.model, pytest.mark.slow]

MANIFEST = json.loads((CORPUS_DIR / "manifest.json").read_text(encoding="utf-8"))
NOW = "2023-09-15T06:00:00+00:00"


@pytest.fixture(scope="module")
def briefing(demo_store):
    from livebrief.brief import make_brief
    from livebrief.brief.records import items_of

    store, settings = demo_store
    brief = make_brief(store, settings, topic=None, since="2023-09-10T00:00:00+00:00", now=NOW)
    by_path = {s.article.url.split("/", 3)[3]: s.article.id for s in store.articles(limit=None)}
    lead_story = {a: story.id for story in store.stories() for a in story.leads}
    return brief, [item for _, item in items_of(brief)], by_path, lead_story, store


def test_each_development_appears_once_with_all_its_outlets(briefing):
    brief, items, by_path, lead_story, store = briefing
    # The headline and lead introduce the top story, which is also its section's first item.
    shown = [item.story_id for item in items]
    for development in sorted({m["development"] for m in MANIFEST} - {"noise"}):
        reports = [m for m in MANIFEST if m["development"] == development]
        story_id = lead_story[by_path[reports[0]["path"]]]
        assert shown.count(story_id) == 1 or (shown.count(story_id) == 0 and story_id == brief.headline_story_id), \
            f"development {development} appears {shown.count(story_id)} times"
        story = store.get_story(story_id)
        outlets = {m["outlet"] for m in reports if not m["copy_of"]}
        assert set(story.sources) >= {store.get_article(by_path[m["path"]]).article.source
                                      for m in reports if not m["copy_of"]}, outlets
        cited = {c.source for item in items if item.story_id == story_id for c in item.citations}
        if story_id == getattr(brief, "headline_story_id", None):
            cited |= {c.source for c in brief.headline_citations + brief.lead_citations}
        assert cited >= set(story.sources), f"{development}: cites {cited}, reported by {story.sources}"
