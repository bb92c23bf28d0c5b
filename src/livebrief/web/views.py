"""Page data: what each page shows, as JSON-ready dicts read from the store.

Each function here is one page. Its dict is what the page's ``.json`` twin returns, and the
HTML template renders the same dict (plus the drawings made from its ``located`` and
``dated`` lists), so the two never disagree. Views only read.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any, Iterable
from urllib.parse import quote

from livebrief.errors import StoreError
from livebrief.model import Analysis, Story
from livebrief.settings import Settings
from livebrief.store import Store, StoredArticle
from livebrief.web import queries
from livebrief.web.errors import BadRequest, NotFound

PREVIEW_CHARS = 280


def pipeline_version() -> str:
    from livebrief.nlp import PIPELINE_VERSION

    return PIPELINE_VERSION


# -- links ------------------------------------------------------------------------------------


def href(kind: str, key: str | None, **query: Any) -> str | None:
    """The app's own link to a page: ``/stories/<id>``, ``/entities/<name>`` and so on."""
    if not key:
        return None
    link = f"/{kind}/{quote(key, safe='')}"
    params = "&".join(f"{k}={quote(str(v), safe='')}" for k, v in query.items() if v is not None)
    return link + ("?" + params if params else "")


def cite_href(article_id: str, start: int | None = None, end: int | None = None) -> str:
    """A link to a cited span of an article (highlighted on the article page)."""
    link = href("articles", article_id, start=start, end=end) or ""
    return link + ("#cited" if start is not None else "")


def safe_url(url: str | None) -> str | None:
    """An http(s) URL fit for a link, or None: article URLs are untrusted input."""
    from livebrief.brief.records import safe_url as brief_safe_url

    return brief_safe_url(url)


# -- cards: the short forms lists show ----------------------------------------------------------


def story_card(story: Story) -> dict[str, Any]:
    return {
        "id": story.id, "title": story.title, "href": href("stories", story.id), "types": list(story.types),
        "place": story.place, "place_href": href("places", story.place), "lat": story.lat, "lon": story.lon,
        "start": story.start, "end": story.end, "first_seen": story.first_seen, "updated": story.updated,
        "sources": list(story.sources), "n_sources": len(story.sources), "n_articles": len(story.articles),
        "n_conflicts": len(story.conflicts),
    }


def article_card(stored: StoredArticle) -> dict[str, Any]:
    a = stored.article
    text = " ".join(a.text.split())
    return {
        "id": a.id, "title": a.title or "(untitled)", "href": href("articles", a.id), "source": a.source,
        "url": safe_url(a.url), "published": a.published, "fetched_at": a.fetched_at, "language": a.language,
        "revision": stored.revision, "copy_of": stored.original_id,
        "preview": text[:PREVIEW_CHARS] + ("…" if len(text) > PREVIEW_CHARS else ""),
    }


def story_point(story: Story) -> dict[str, Any] | None:
    if story.lat is None or story.lon is None:
        return None
    return {"lat": story.lat, "lon": story.lon, "label": story.place or story.title, "title": story.title,
            "href": href("stories", story.id)}


def story_date(story: Story, lane: str = "") -> dict[str, Any] | None:
    when = story.start or story.first_seen or story.updated
    if not when:
        return None
    return {"when": when, "label": story.title, "lane": lane or (story.types[0] if story.types else ""),
            "href": href("stories", story.id)}


# -- home ---------------------------------------------------------------------------------------


def home_view(store: Store, settings: Settings, *, limit: int = 10) -> dict[str, Any]:
    """Latest briefing per topic, recent and most-cited stories, recent articles."""
    from livebrief.brief import load_brief

    briefs, topics = [], _topics(store, settings)
    for topic in topics:
        briefing = load_brief(store, topic)
        if briefing is not None:
            items = sum(len(s.items) for s in briefing.sections)
            briefs.append({"topic": topic, "id": briefing.id, "headline": briefing.headline,
                           "lead": briefing.lead, "generated_at": briefing.generated_at, "n_items": items,
                           "href": href("briefs", topic)})
    recent = store.stories(limit=limit)
    cited = queries.most_cited_stories(store, limit=limit)
    mapped = {s.id: s for s in store.stories(limit=200)}
    return {
        "counts": {"articles": store.count_articles(), "stories": queries.count_stories(store),
                   "feeds": len(store.feeds())},
        "briefs": briefs,
        "topics": [t for t in topics if t not in {b["topic"] for b in briefs}],
        "recent_stories": [story_card(s) for s in recent],
        "most_cited_stories": [story_card(s) for s in cited],
        "recent_articles": [article_card(a) for a in store.articles(limit=limit)],
        "located": [p for s in mapped.values() if (p := story_point(s))],
        "dated": [d for s in mapped.values() if (d := story_date(s))],
    }


def _topics(store: Store, settings: Settings) -> list[str]:
    configured = ["all", *(str(t["name"]) for t in settings.topics)]
    return list(dict.fromkeys([*configured, *queries.brief_topics(store)]))


# -- briefings ----------------------------------------------------------------------------------


def brief_view(store: Store, topic: str, *, brief_id: str | None = None) -> dict[str, Any]:
    """The latest (or a named) briefing on a topic, with its history and drawable items."""
    from livebrief.brief import brief_history, load_brief, to_contract
    from livebrief.brief.records import items_of

    briefing = load_brief(store, topic, brief_id)
    if briefing is None:
        what = f"briefing {brief_id!r} on {topic!r}" if brief_id else f"briefing on {topic!r} yet"
        raise NotFound(f"no {what}; the watcher (`livebrief watch`) or `livebrief brief --topic {topic}` "
                       f"publishes one")
    located, dated = [], []
    for section, item in items_of(briefing):
        link = href("stories", item.story_id)
        if item.lat is not None and item.lon is not None:
            located.append({"lat": item.lat, "lon": item.lon, "label": item.place or "", "title": item.text,
                            "href": link})
        if item.date:
            dated.append({"when": item.date, "label": item.text, "lane": section, "href": link, "new": item.new})
    return {
        "topic": topic,
        "brief": to_contract(briefing),
        "history": [{**entry, "href": href("briefs", topic, id=entry["id"])}
                    for entry in reversed(brief_history(store, topic))],
        "located": located,
        "dated": dated,
    }


# -- stories ------------------------------------------------------------------------------------


def stories_view(store: Store, *, since: str | None = None, limit: int = 100) -> dict[str, Any]:
    from livebrief.timewindow import since_to_iso

    stories = store.stories(since=since_to_iso(since), limit=limit)
    return {"since": since, "stories": [story_card(s) for s in stories],
            "located": [p for s in stories if (p := story_point(s))],
            "dated": [d for s in stories if (d := story_date(s))]}


def story_view(store: Store, story_id: str) -> dict[str, Any]:
    """One story: all reports, figures per source, conflicts and the claim ledger."""
    story = store.get_story(story_id)
    if story is None:
        raise NotFound(f"no story with id {story_id!r}")
    data = story.to_dict()
    data["href"] = href("stories", story.id)
    data["place_href"] = href("places", story.place)
    for article in data["articles"]:
        article["href"] = href("articles", article["article_id"])
        article["url"] = safe_url(article["url"])
        article["copy_of_href"] = href("articles", article.get("copy_of"))
    by_source: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for figure in story.figures:
        row = figure.to_dict()
        start, end = figure.span or (None, None)
        row["cite_href"] = cite_href(figure.article_id, start, end)
        by_source[figure.source or figure.outlet or "unnamed source"].append(row)
    data["figures_by_source"] = [{"source": name, "figures": rows} for name, rows in by_source.items()]
    for claim in data["claims"]:
        span = claim.get("span") or (None, None)
        claim["cite_href"] = cite_href(claim["article_id"], span[0], span[1])
    located = [p] if (p := story_point(story)) else []
    located += _analysis_places(store, [a.article_id for a in story.articles], exclude=story.place)
    data["located"] = located
    data["dated"] = [{"when": a.published, "label": f"{a.source or '?'}: {a.title or a.article_id}",
                      "lane": a.source or "", "href": href("articles", a.article_id)}
                     for a in story.articles if a.published]
    data["briefs"] = [b for b in _briefs_with_story(store, story.id)]
    return data


def _analysis_places(store: Store, article_ids: Iterable[str], *, exclude: str | None = None) -> list[dict[str, Any]]:
    """Located places the story's articles name, most named first (the story's own place aside)."""
    counts: dict[str, int] = defaultdict(int)
    points: dict[str, dict[str, Any]] = {}
    for analysis in _analyses(store, article_ids):
        for place in analysis.places:
            if place.lat is None or place.lon is None or place.name == exclude:
                continue
            counts[place.name] += 1
            points.setdefault(place.name, {"lat": place.lat, "lon": place.lon, "label": place.name,
                                           "title": place.name, "href": href("places", place.id or place.name)})
    return [{**points[name], "count": counts[name]} for name in sorted(points, key=lambda n: -counts[n])][:12]


def _briefs_with_story(store: Store, story_id: str) -> Iterable[dict[str, Any]]:
    from livebrief.brief import load_brief
    from livebrief.brief.records import story_ids

    for topic in queries.brief_topics(store):
        briefing = load_brief(store, topic)
        if briefing is not None and story_id in story_ids(briefing):
            yield {"topic": topic, "id": briefing.id, "href": href("briefs", topic)}


# -- articles -----------------------------------------------------------------------------------


def article_view(store: Store, article_id: str, *, start: int | None = None,
                 end: int | None = None) -> dict[str, Any]:
    """One stored article, its text with the cited span marked, and what the analysis found in it."""
    stored = store.get_article(article_id)
    if stored is None:
        raise NotFound(f"no article with id {article_id!r}")
    a = stored.article
    if start is not None and end is not None and not (0 <= start < end <= len(a.text)):
        raise BadRequest(f"span {start}..{end} is outside the article's text (0..{len(a.text)})")
    data = article_card(stored)
    data.update({"text": a.text, "authors": list(a.authors), "canonical_url": safe_url(a.canonical_url),
                 "original_url": safe_url(a.original_url), "copy_of_href": href("articles", stored.original_id),
                 "superseded_by": stored.superseded_by, "span": [start, end] if start is not None else None,
                 "segments": segments(a.text, [(start, end)] if start is not None and end is not None else []),
                 "stories": [{"id": s.id, "title": s.title, "href": href("stories", s.id)}
                             for sid in store.stories_of_article(a.id) if (s := store.get_story(sid))]})
    analysis = store.get_analysis(a.id, pipeline_version())
    data["analysis"] = analysis_summary(analysis) if analysis is not None else None
    return data


def segments(text: str, spans: list[tuple[int | None, int | None]]) -> list[dict[str, Any]]:
    """The text cut into plain and marked runs (the template escapes each run)."""
    marks = sorted((s, e) for s, e in spans if s is not None and e is not None and 0 <= s < e <= len(text))
    runs, pos = [], 0
    for s, e in marks:
        if s < pos:
            continue
        if s > pos:
            runs.append({"text": text[pos:s], "mark": False})
        runs.append({"text": text[s:e], "mark": True})
        pos = e
    if pos < len(text):
        runs.append({"text": text[pos:], "mark": False})
    return runs


def analysis_summary(analysis: Analysis) -> dict[str, Any]:
    aid = analysis.article.id
    return {
        "entities": [{"id": e.id, "name": e.name, "type": e.type, "mentions": len(e.mentions),
                      "href": href("entities", e.id)} for e in analysis.entities],
        "quotes": [{"text": q.text, "speaker": q.speaker, "kind": q.kind, "speaker_href":
                    href("entities", q.speaker_id or q.speaker), "cite_href": cite_href(aid, q.start, q.end)}
                   for q in analysis.quotes],
        "places": [{"name": p.name, "country": p.country, "lat": p.lat, "lon": p.lon,
                    "href": href("places", p.id or p.name)} for p in analysis.places],
        "events": [event_row(analysis, e) for e in analysis.events],
        "quantities": [{"text": q.text, "kind": q.kind, "value": q.value, "cite_href": cite_href(aid, q.start, q.end)}
                       for q in analysis.quantities],
        "pipeline_version": analysis.pipeline_version,
    }


def event_row(analysis: Analysis, event: Any, *, role: str | None = None) -> dict[str, Any]:
    start, end = event.evidence[0] if event.evidence else (None, None)
    return {"id": event.id, "type": event.type, "summary": event.summary, "date": event.date,
            "place": event.place, "place_href": href("places", event.place), "actors": list(event.actors),
            "targets": list(event.targets), "role": role, "article_id": analysis.article.id,
            "source": analysis.article.source, "cite_href": cite_href(analysis.article.id, start, end)}


# -- entities -----------------------------------------------------------------------------------


def entities_view(store: Store, *, kind: str | None = None, limit: int = 200) -> dict[str, Any]:
    rows = queries.entity_index(store, pipeline_version(), kind=kind, limit=limit)
    return {"type": kind, "entities": [{**r, "href": href("entities", r["entity_id"])} for r in rows]}


def entity_view(store: Store, key: str) -> dict[str, Any]:
    """A person's (or organisation's) quotes, claims and events across the stored analyses."""
    found = queries.entity_articles(store, pipeline_version(), key)
    if found is None:
        raise NotFound(f"no entity {key!r} in the analysed articles")
    entity_id, article_ids = found
    name, kind, aliases, titles = key, "", set(), set()
    quotes, claims, events, articles, located = [], [], [], [], {}
    for analysis in _analyses(store, article_ids):
        aid = analysis.article.id
        entity = next((e for e in analysis.entities if e.id == entity_id), None)
        if entity is None:
            continue
        name, kind = entity.name, entity.type
        aliases.update(entity.aliases)
        if entity.title:
            titles.add(entity.title)
        names = {entity.name.lower(), *(n.lower() for n in entity.aliases)}
        articles.append({"id": aid, "title": analysis.article.title or aid, "source": analysis.article.source,
                         "published": analysis.article.published, "href": href("articles", aid),
                         "mentions": len(entity.mentions)})
        when = analysis.article.published
        for q in analysis.quotes:
            if q.speaker_id == entity_id or (q.speaker or "").lower() in names:
                quotes.append({"text": q.text, "kind": q.kind, "source": analysis.article.source, "when": when,
                               "cite_href": cite_href(aid, q.start, q.end)})
        for c in analysis.claims:
            if c.claimant_id == entity_id or (c.claimant or "").lower() in names:
                claims.append({"text": c.text, "kind": c.kind, "source": analysis.article.source, "when": when,
                               "cite_href": cite_href(aid, c.start, c.end)})
        places = {p.name: p for p in analysis.places}
        for e in analysis.events:
            role = ("actor" if names & {a.lower() for a in e.actors} else
                    "target" if names & {t.lower() for t in e.targets} else
                    "source" if names & {x.source.lower() for x in e.attribution} else None)
            if role is None:
                continue
            events.append(event_row(analysis, e, role=role))
            place = places.get(e.place or "")
            if place is not None and place.lat is not None and place.lon is not None:
                located.setdefault(place.name, {"lat": place.lat, "lon": place.lon, "label": place.name,
                                                "title": e.summary, "href": href("places", place.id or place.name)})
    articles.sort(key=lambda a: a["published"] or "", reverse=True)
    for rows in (quotes, claims):
        rows.sort(key=lambda r: r["when"] or "", reverse=True)
    events.sort(key=lambda e: e["date"] or "", reverse=True)
    stories = {sid for a in articles for sid in store.stories_of_article(a["id"])}
    dated = [{"when": q["when"], "label": f"“{q['text']}”", "lane": "quotes", "href": q["cite_href"]}
             for q in quotes if q["when"]]
    dated += [{"when": e["date"], "label": e["summary"], "lane": e["type"], "href": e["cite_href"]}
              for e in events if e["date"]]
    return {
        "id": entity_id, "name": name, "type": kind, "aliases": sorted(aliases - {name}), "titles": sorted(titles),
        "articles": articles, "quotes": quotes, "claims": claims, "events": events,
        "stories": [story_card(s) for sid in sorted(stories) if (s := store.get_story(sid))],
        "located": list(located.values()), "dated": dated,
    }


def _analyses(store: Store, article_ids: Iterable[str]) -> Iterable[Analysis]:
    version = pipeline_version()
    for article_id in article_ids:
        analysis = store.get_analysis(article_id, version)
        if analysis is not None:
            yield analysis


# -- places -------------------------------------------------------------------------------------


def places_view(store: Store, *, limit: int = 500) -> dict[str, Any]:
    """Places the stories happen at, with how many stories each."""
    places: dict[str, dict[str, Any]] = {}
    for story in store.stories(limit=limit):
        if not story.place:
            continue
        entry = places.setdefault(story.place, {"name": story.place, "lat": story.lat, "lon": story.lon,
                                                "stories": 0, "href": href("places", story.place)})
        entry["stories"] += 1
    rows = sorted(places.values(), key=lambda p: (-p["stories"], p["name"]))
    return {"places": rows,
            "located": [{"lat": p["lat"], "lon": p["lon"], "label": p["name"], "href": p["href"],
                         "count": p["stories"], "title": f"{p['name']}: {p['stories']} stories"}
                        for p in rows if p["lat"] is not None and p["lon"] is not None]}


def place_view(store: Store, key: str) -> dict[str, Any]:
    """One place: the stories there, the events placed there and the articles that name it."""
    wanted = key.lower()
    place: dict[str, Any] | None = None
    articles, events = [], []
    for analysis in _analyses(store, queries.articles_containing(store, pipeline_version(), key)):
        match = next((p for p in analysis.places if p.id == key or p.name.lower() == wanted), None)
        if match is None:
            continue
        if place is None or (place["lat"] is None and match.lat is not None):
            place = {"id": match.id, "name": match.name, "lat": match.lat, "lon": match.lon,
                     "country": match.country, "feature": match.feature, "geonames_id": match.geonames_id}
        a = analysis.article
        articles.append({"id": a.id, "title": a.title or a.id, "source": a.source, "published": a.published,
                         "href": href("articles", a.id), "mentions": len(match.mentions)})
        events += [event_row(analysis, e) for e in analysis.events if (e.place or "").lower() == match.name.lower()]
    stories = [s for s in store.stories() if (s.place or "").lower() in {wanted, (place or {}).get("name", "").lower()}]
    if place is None and stories:
        s = stories[0]
        place = {"id": None, "name": s.place, "lat": s.lat, "lon": s.lon, "country": None, "feature": None,
                 "geonames_id": None}
    if place is None:
        raise NotFound(f"no place {key!r} in the stories or analysed articles")
    located = ([{"lat": place["lat"], "lon": place["lon"], "label": place["name"], "title": place["name"],
                 "count": max(1, len(stories))}] if place["lat"] is not None and place["lon"] is not None else [])
    articles.sort(key=lambda a: a["published"] or "", reverse=True)
    dated = [{"when": e["date"], "label": e["summary"], "lane": e["type"], "href": e["cite_href"]}
             for e in events if e["date"]]
    dated += [d for s in stories if (d := story_date(s, "stories"))]
    return {**place, "stories": [story_card(s) for s in stories], "events": events, "articles": articles,
            "located": located, "dated": dated}


# -- search and feeds ---------------------------------------------------------------------------


def search_view(store: Store, query: str, *, limit: int = 30) -> dict[str, Any]:
    """Full-text search (SQLite FTS5) over article titles and text."""
    query = (query or "").strip()
    if not query:
        return {"q": "", "results": []}
    try:
        hits = store.search(query, limit=limit)
    except StoreError as exc:
        raise BadRequest(str(exc)) from None
    return {"q": query, "results": [{**article_card(stored), "snippet": snippet_runs(snip)}
                                    for stored, snip in hits]}


def snippet_runs(snippet: str) -> list[dict[str, Any]]:
    """FTS5 snippet text with its [match] markers turned into marked runs."""
    runs = []
    for n, part in enumerate(snippet.replace("]", "[").split("[")):
        if part:
            runs.append({"text": part, "mark": n % 2 == 1})
    return runs


def feeds_view(store: Store, settings: Settings, *, watcher: Any = None) -> dict[str, Any]:
    added_here = queries.web_feeds(store)
    return {
        "feeds": [{**f.to_dict(), "url": f.url, "link": safe_url(f.url), "added_via_web": f.url in added_here}
                  for f in store.feeds()],
        "writes_enabled": bool(settings["web.token"]),
        "allow_private": bool(settings["fetch.allow_private"]),
        "feed_interval": settings["fetch.feed_interval"],
        "watcher": watcher.status() if watcher is not None else None,
        "failures": [f.to_dict() for f in store.failures(limit=20)],
    }
