"""End to end on the bundled demo corpus: fetch, extract, analyse, cluster, brief, prove.

Needs every NLP component; until they all exist the test is skipped and says which is missing.
"""

from __future__ import annotations

import importlib.util
import json

import pytest

NLP_COMPONENTS = ("entities", "quotes", "claims", "quantities", "times", "places", "events")
MISSING = [name for name in NLP_COMPONENTS if importlib.util.find_spec(f"livebrief.nlp.{name}") is None]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.model,
    pytest.mark.skipif(bool(MISSING), reason="the NLP stage is not complete yet: livebrief.nlp."
                       + ", livebrief.nlp.".join(MISSING) + " cannot be imported"),
]

NOW = "2023-09-15T00:00:00+00:00"


def test_demo_corpus_briefing_is_published_and_proven(tmp_path, shared):
    import jsonschema

    from livebrief.brief import check_brief, find_changes, make_brief, render_html, render_json, render_md
    from livebrief.brief.records import cited_articles, items_of
    from livebrief.demo import CorpusServer, feed_paths
    from livebrief.jobs import analyze_stored, poll_feeds
    from livebrief.settings import DEFAULTS
    from livebrief.store import open_store

    settings = DEFAULTS.with_overrides({"store.path": str(tmp_path / "demo.db"), "fetch.rate_limit": 200.0})
    with CorpusServer() as server, open_store(tmp_path / "demo.db") as store:
        for feed in feed_paths():
            store.add_feed(server.url(feed))
        poll_feeds(store=store, settings=settings)
        analyze_stored(store=store, settings=settings)
        brief = make_brief(store, settings, topic=None, since="2023-09-10", now=NOW)  # raises unless proven

        articles = {aid: store.get_article(aid).article for aid in cited_articles(brief)}
        from livebrief.nlp import PIPELINE_VERSION

        analyses = {a.article.id: a for a in store.analyses(PIPELINE_VERSION)}
        assert check_brief(brief, articles=articles, analyses=analyses) == []
        items = [item for _, item in items_of(brief)]
        assert len(items) >= 5
        assert len({i.story_id for i in items}) == len(items)
        assert all(q.speaker for q in brief.quotes)
        schema = json.loads((shared / "contract" / "briefing.schema.json").read_text())
        jsonschema.validate(json.loads(render_json(brief)), schema)
        assert "Here's the latest" in render_md(brief)
        assert "<script" not in render_html(brief).split("</head>")[1]

        again = make_brief(store, settings, topic=None, since="2023-09-10", now=NOW)
        assert find_changes(again, brief).new_stories == ()
