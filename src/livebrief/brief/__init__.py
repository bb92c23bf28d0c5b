"""Stories -> Brief: select, rank, compose, check provenance, render (md, html, json, atom).

``compose_brief`` builds a briefing from stories and analyses; ``check_brief`` proves every
part of it from the stored source text and ``ensure_publishable`` refuses one that fails;
the renderers are pure functions of a briefing. ``make_brief`` does it all against the
store and keeps the published briefing as the topic's latest.
"""

from __future__ import annotations

import logging
from datetime import datetime, timezone
from typing import Any, Callable

from livebrief.brief.atom import render_atom
from livebrief.brief.changes import Changes, Correction, FigureRevision, find_changes
from livebrief.brief.compose import NothingToBrief, compose_brief
from livebrief.brief.history import brief_history, load_brief, save_brief
from livebrief.brief.options import BriefOptions
from livebrief.brief.provenance import ProvenanceError, ProvenanceProblem, check_brief, ensure_publishable
from livebrief.brief.rank import parse_time
from livebrief.brief.records import Briefing, Item, cited_articles, from_contract, to_contract
from livebrief.brief.render_html import render_body, render_html
from livebrief.brief.render_json import brief_json, render_json
from livebrief.brief.render_md import render_changes_md, render_md
from livebrief.model import Analysis, Brief

__all__ = [
    "BriefOptions", "Briefing", "Changes", "Correction", "FigureRevision", "Item", "NothingToBrief",
    "ProvenanceError", "ProvenanceProblem", "brief_history", "brief_json", "check_brief", "cited_articles",
    "compose_brief", "ensure_publishable", "find_changes", "from_contract", "load_brief", "make_brief",
    "render_atom", "render_body", "render_changes_md", "render_html", "render_json", "render_md", "save_brief",
    "to_contract",
]

log = logging.getLogger(__name__)


def _as_of(store: Any, since: str | None) -> datetime:
    """Now; or, for a store whose news all predates a relative window, its newest story's time.

    "The last 24 hours" of an archive means its last 24 hours of news, not an empty window.
    """
    from livebrief.timewindow import since_to_iso

    wall = datetime.now(timezone.utc)
    newest = store.stories(limit=1)
    latest = parse_time(newest[0].updated) if newest and newest[0].updated else None
    start = since_to_iso(since, now=wall)
    if latest is not None and start is not None and since and since[-1:] in "mhdw" and \
            latest < (parse_time(start) or wall):
        return latest
    return wall


def make_brief(
    store: Any,
    settings: Any,
    *,
    topic: str | None,
    since: str | None,
    now: datetime | str | None = None,
    options: BriefOptions | None = None,
    build_stories: Callable[..., Any] | None = None,
) -> Brief:
    """Build stories from new analyses, compose the briefing, prove it, keep it as the latest.

    ``since`` is a span back from ``now`` ("24h", "7d") or an ISO date. Raises
    :class:`NothingToBrief` when no story qualifies and :class:`ProvenanceError` (nothing is
    stored) when any part of the briefing cannot be proven from the stored articles.
    ``build_stories`` (default :func:`livebrief.jobs.build_stories`) brings the store's
    stories up to date first; pass a no-op to brief the stories already stored.
    """
    if build_stories is None:
        from livebrief.jobs import build_stories as build_stories_job

        build_stories = build_stories_job
    from livebrief.nlp import PIPELINE_VERSION
    from livebrief.timewindow import since_to_iso
    from livebrief.topics import topic_from

    moment = parse_time(now) if isinstance(now, str) else now
    chosen = topic_from(getattr(settings, "topics", ()), topic)
    build_stories(store=store, settings=settings)
    if moment is None:
        moment = _as_of(store, since)
    moment = moment.astimezone(timezone.utc).replace(microsecond=0)
    start = since_to_iso(since, now=moment)
    stories = store.stories(since=start)
    analyses: dict[str, Analysis] = {}
    for story in stories:
        for listed in story.articles:
            if listed.article_id not in analyses:
                found = store.get_analysis(listed.article_id, PIPELINE_VERSION)
                if found is not None:
                    analyses[listed.article_id] = found
    if start is None:
        known = [s.first_seen or s.updated for s in stories if s.first_seen or s.updated]
        start = min(known) if known else ""
    previous = load_brief(store, chosen.name)
    brief = compose_brief(stories, analyses, topic=chosen, window=(start, moment.isoformat()),
                          previous=previous, now=moment, options=options or BriefOptions.from_settings(settings))
    articles = {}
    for article_id in cited_articles(brief):
        stored = store.get_article(article_id)
        if stored is not None:
            articles[article_id] = stored.article
    ensure_publishable(brief, articles=articles, analyses=analyses)
    save_brief(store, brief)
    log.info("published briefing %s on %s: %d sections", brief.id, chosen.name, len(brief.sections))
    return brief
