"""Routes: every page as HTML and as its ``.json`` twin, the writes, live updates and the API docs.

A route parses its input, calls one view (or action) and formats the answer. The ``.json``
route of a page is declared before the HTML one, so ``/stories/x.json`` is never read as a
story called ``x.json``.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qsl, quote

from fastapi import APIRouter, Depends, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, StreamingResponse

from livebrief.store import Store
from livebrief.web import actions, queries, views
from livebrief.web.app import get_store, wants_json
from livebrief.web.auth import check_token
from livebrief.web.display import brief_display
from livebrief.web.errors import BadRequest, Unavailable
from livebrief.web.live import event_stream
from livebrief.web.render import map_of, render, timeline_of

router = APIRouter()
STORE = Depends(get_store)
MAX_BODY = 64 * 1024  # bytes: a write carries a URL, a title and a token
NO_PAGE = {"/version.json"}  # JSON routes without an HTML page


def ok(data: dict[str, Any], status: int = 200) -> JSONResponse:
    return JSONResponse({"ok": True, **data}, status_code=status)


def page(request: Request, template: str, data: dict[str, Any], *, store: Store, nav: str,
         watch: str | None = None, **extra: Any) -> HTMLResponse:
    """An HTML page: the view's data, its drawings, and what live.js should watch."""
    live = None
    if watch:
        live = {"watch": watch, "value": queries.version_parts(store).get(watch, "")}
    path = quote(request.url.path.rstrip("/"), safe="/") or "/index"
    json_href = path + ".json" + (f"?{request.url.query}" if request.url.query else "")
    extra.setdefault("map", map_of(data.get("located", ())))
    extra.setdefault("timeline", timeline_of(data.get("dated", ())))
    html = render(template, v=data, live=live, json_href=json_href, nav=nav,
                  writes_enabled=bool(request.app.state.settings["web.token"]), **extra)
    return HTMLResponse(html)


# -- home and briefings ---------------------------------------------------------------------------


@router.get("/index.json", tags=["pages"], summary="Home: latest briefing per topic, recent and most-cited "
            "stories, recent articles")
def home_json(request: Request, store: Store = STORE) -> JSONResponse:
    return ok(views.home_view(store, request.app.state.settings))


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def home(request: Request, store: Store = STORE) -> HTMLResponse:
    data = views.home_view(store, request.app.state.settings)
    return page(request, "home.html", data, store=store, nav="home", watch="all")


@router.get("/briefs/{topic}.json", tags=["briefings"], summary="The latest briefing on a topic "
            "(livebrief.briefing/1 under brief), or the one with the given id")
def brief_json(topic: str, id: str | None = Query(None, description="a briefing id from the history"),
               store: Store = STORE) -> JSONResponse:
    return ok(views.brief_view(store, topic, brief_id=id))


@router.get("/briefs/{topic}", response_class=HTMLResponse, include_in_schema=False)
def brief_page(request: Request, topic: str, id: str | None = None, store: Store = STORE) -> HTMLResponse:
    from livebrief.brief import from_contract

    data = views.brief_view(store, topic, brief_id=id)
    display = brief_display(from_contract(data["brief"]))
    return page(request, "brief.html", data, store=store, nav="home", watch=None if id else f"brief/{topic}",
                b=display)


# -- stories and articles -------------------------------------------------------------------------


@router.get("/stories.json", tags=["stories"], summary="Stories, most recently updated first")
def stories_json(since: str | None = Query(None, description="24h, 7d, 90m or an ISO date"),
                 limit: int = Query(100, ge=1, le=1000), store: Store = STORE) -> JSONResponse:
    return ok(views.stories_view(store, since=since, limit=limit))


@router.get("/stories", response_class=HTMLResponse, include_in_schema=False)
def stories_page(request: Request, since: str | None = None, limit: int = Query(100, ge=1, le=1000),
                 store: Store = STORE) -> HTMLResponse:
    data = views.stories_view(store, since=since, limit=limit)
    return page(request, "stories.html", data, store=store, nav="stories", watch="stories")


@router.get("/stories/{story_id}.json", tags=["stories"], summary="One story: reports, figures per source, "
            "conflicts, claim ledger")
def story_json(story_id: str, store: Store = STORE) -> JSONResponse:
    return ok(views.story_view(store, story_id))


@router.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
def story_page(request: Request, story_id: str, store: Store = STORE) -> HTMLResponse:
    data = views.story_view(store, story_id)
    return page(request, "story.html", data, store=store, nav="stories", watch="stories")


@router.get("/articles.json", tags=["articles"], summary="Recent articles, newest first")
def articles_json(limit: int = Query(50, ge=1, le=1000), store: Store = STORE) -> JSONResponse:
    return ok({"articles": [views.article_card(a) for a in store.articles(limit=limit)]})


@router.get("/articles", response_class=HTMLResponse, include_in_schema=False)
def articles_page(request: Request, limit: int = Query(50, ge=1, le=1000), store: Store = STORE) -> HTMLResponse:
    data = {"articles": [views.article_card(a) for a in store.articles(limit=limit)]}
    return page(request, "articles.html", data, store=store, nav="articles", watch="articles")


@router.get("/articles/{article_id}.json", tags=["articles"], summary="One article: text, cited span, "
            "stories, analysis")
def article_json(article_id: str, start: int | None = Query(None, ge=0), end: int | None = Query(None, ge=0),
                 store: Store = STORE) -> JSONResponse:
    return ok(views.article_view(store, article_id, start=start, end=end))


@router.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
def article_page(request: Request, article_id: str, start: int | None = Query(None, ge=0),
                 end: int | None = Query(None, ge=0), store: Store = STORE) -> HTMLResponse:
    data = views.article_view(store, article_id, start=start, end=end)
    return page(request, "article.html", data, store=store, nav="articles")


# -- entities and places --------------------------------------------------------------------------


@router.get("/entities.json", tags=["entities"], summary="Entities by the number of articles naming them")
def entities_json(type: str | None = Query(None, description="PERSON, ORG, GPE, …"),
                  store: Store = STORE) -> JSONResponse:
    return ok(views.entities_view(store, kind=type))


@router.get("/entities", response_class=HTMLResponse, include_in_schema=False)
def entities_page(request: Request, type: str | None = None, store: Store = STORE) -> HTMLResponse:
    return page(request, "entities.html", views.entities_view(store, kind=type), store=store, nav="entities")


@router.get("/entities/{key:path}.json", tags=["entities"], summary="One entity (by id or name): quotes, "
            "claims, events, stories")
def entity_json(key: str, store: Store = STORE) -> JSONResponse:
    return ok(views.entity_view(store, key))


@router.get("/entities/{key:path}", response_class=HTMLResponse, include_in_schema=False)
def entity_page(request: Request, key: str, store: Store = STORE) -> HTMLResponse:
    return page(request, "entity.html", views.entity_view(store, key), store=store, nav="entities")


@router.get("/places.json", tags=["places"], summary="Places the stories happen at")
def places_json(store: Store = STORE) -> JSONResponse:
    return ok(views.places_view(store))


@router.get("/places", response_class=HTMLResponse, include_in_schema=False)
def places_page(request: Request, store: Store = STORE) -> HTMLResponse:
    data = views.places_view(store)
    return page(request, "places.html", data, store=store, nav="places", watch="stories")


@router.get("/places/{key:path}.json", tags=["places"], summary="One place (by id or name): stories, events, "
            "articles")
def place_json(key: str, store: Store = STORE) -> JSONResponse:
    return ok(views.place_view(store, key))


@router.get("/places/{key:path}", response_class=HTMLResponse, include_in_schema=False)
def place_page(request: Request, key: str, store: Store = STORE) -> HTMLResponse:
    return page(request, "place.html", views.place_view(store, key), store=store, nav="places")


# -- search and feeds -----------------------------------------------------------------------------


@router.get("/search.json", tags=["search"], summary="Full-text search over article titles and text (FTS5)")
def search_json(q: str = Query("", description='words, or FTS5 syntax such as "exact phrase" or a OR b'),
                limit: int = Query(30, ge=1, le=200), store: Store = STORE) -> JSONResponse:
    return ok(views.search_view(store, q, limit=limit))


@router.get("/search", response_class=HTMLResponse, include_in_schema=False)
def search_page(request: Request, q: str = "", limit: int = Query(30, ge=1, le=200),
                store: Store = STORE) -> HTMLResponse:
    return page(request, "search.html", views.search_view(store, q, limit=limit), store=store, nav="search")


@router.get("/feeds.json", tags=["feeds"], summary="Registered feeds, the watcher's state, recent failures")
def feeds_json(request: Request, store: Store = STORE) -> JSONResponse:
    return ok(views.feeds_view(store, request.app.state.settings, watcher=request.app.state.watcher))


@router.get("/feeds", response_class=HTMLResponse, include_in_schema=False)
def feeds_page(request: Request, store: Store = STORE) -> HTMLResponse:
    data = views.feeds_view(store, request.app.state.settings, watcher=request.app.state.watcher)
    notice = {k: request.query_params.get(k) for k in ("added", "exists", "removed", "run")}
    return page(request, "feeds.html", data, store=store, nav="feeds", watch="feeds", notice=notice)


_FEED_BODY = {"requestBody": {"content": {"application/json": {"schema": {
    "type": "object", "required": ["url"],
    "properties": {"url": {"type": "string", "format": "uri"}, "title": {"type": "string"}}}}}}}


@router.post("/feeds.json", tags=["feeds"], summary="Add a feed (token required)", status_code=201,
             openapi_extra=_FEED_BODY)
@router.post("/feeds", include_in_schema=False)
async def add_feed(request: Request, store: Store = STORE) -> Any:
    fields = await _fields(request)
    check_token(request.app.state.settings, header=request.headers.get("authorization"),
                form_token=fields.get("token"))
    result = await run_in_threadpool(actions.add_feed, store, request.app.state.settings, fields.get("url", ""),
                                     title=fields.get("title"))
    watcher = request.app.state.watcher
    if watcher is not None:
        watcher.request([result["url"]])
    if wants_json(request):
        return ok({k: v for k, v in result.items() if k != "ok"}, status=201 if result["added"] else 200)
    key = "added" if result["added"] else "exists"
    return RedirectResponse(f"/feeds?{key}={_q(result['url'])}", status_code=303)


@router.post("/feeds/remove.json", tags=["feeds"], summary="Stop polling a feed (token required)",
             openapi_extra=_FEED_BODY)
@router.post("/feeds/remove", include_in_schema=False)
async def remove_feed(request: Request, store: Store = STORE) -> Any:
    fields = await _fields(request)
    check_token(request.app.state.settings, header=request.headers.get("authorization"),
                form_token=fields.get("token"))
    result = await run_in_threadpool(actions.remove_feed, store, fields.get("url", ""))
    if wants_json(request):
        return ok({k: v for k, v in result.items() if k != "ok"})
    return RedirectResponse(f"/feeds?removed={_q(result['url'])}", status_code=303)


@router.post("/run.json", tags=["feeds"], summary="Run the pipeline now: poll every feed, analyse, update "
             "stories and briefings (token required)", status_code=202)
@router.post("/run", include_in_schema=False)
async def run_now(request: Request) -> Any:
    fields = await _fields(request)
    check_token(request.app.state.settings, header=request.headers.get("authorization"),
                form_token=fields.get("token"))
    watcher = request.app.state.watcher
    if watcher is None:
        raise Unavailable("this process has no pipeline runner; start the app with `livebrief serve`")
    watcher.request()
    if wants_json(request):
        return ok({"requested": True, "watcher": watcher.status()}, status=202)
    return RedirectResponse("/feeds?run=requested", status_code=303)


async def _fields(request: Request) -> dict[str, str]:
    """Fields of a JSON object or of an HTML form (urlencoded, as the app's forms send)."""
    kind = request.headers.get("content-type", "")
    body = await request.body()
    if len(body) > MAX_BODY:
        raise BadRequest(f"the body is larger than {MAX_BODY} bytes")
    if kind.startswith("application/json"):
        try:
            data = json.loads(body or b"null")
        except ValueError:
            raise BadRequest("the body is not valid JSON") from None
        if not isinstance(data, dict):
            raise BadRequest("the body must be a JSON object")
        return {str(k): str(v) for k, v in data.items() if v is not None}
    if kind.startswith("application/x-www-form-urlencoded"):
        pairs = parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True)
        return {k: v for k, v in pairs}
    if body:
        raise BadRequest("send the fields as a JSON object or an urlencoded form")
    return {}


def _q(value: str) -> str:
    return quote(value, safe="")


# -- live updates and docs ------------------------------------------------------------------------


@router.get("/version.json", tags=["live"], summary="Fingerprints of what the pages show; a part changes "
            "when its content does")
def version_json(store: Store = STORE) -> JSONResponse:
    return ok({"version": queries.version_parts(store)})


@router.get("/events", tags=["live"], summary="Server-sent events: a version event now and on every change",
            response_class=StreamingResponse)
async def events(request: Request, limit: int | None = Query(None, ge=1, description="end after this many "
                                                                                      "events")) -> StreamingResponse:
    stream = event_stream(request.app.state.settings.db_path, limit=limit)
    return StreamingResponse(stream, media_type="text/event-stream",
                             headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"})


@router.get("/docs", response_class=HTMLResponse, include_in_schema=False)
def docs(request: Request) -> HTMLResponse:
    spec = request.app.openapi()
    endpoints = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            params = [{"name": p["name"], "in": p["in"], "required": p.get("required", False),
                       "description": p.get("description") or "", "type": p.get("schema", {}).get("type", "")}
                      for p in op.get("parameters", [])]
            twin = path[:-len(".json")] if path.endswith(".json") and method == "get" and path not in NO_PAGE else None
            schema = (op.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema", {}))
            params += [{"name": name, "in": "body", "required": name in schema.get("required", ()),
                        "description": "", "type": prop.get("type", "")}
                       for name, prop in schema.get("properties", {}).items()]
            endpoints.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                              "tag": (op.get("tags") or ["other"])[0], "params": params,
                              "html": "/" if twin == "/index" else twin})
    html = render("docs.html", v={"title": spec["info"]["title"], "version": spec["info"]["version"],
                                   "description": spec["info"].get("description", ""), "endpoints": endpoints},
                  live=None, json_href="/openapi.json", nav="docs", writes_enabled=False, map=None, timeline=None)
    return HTMLResponse(html)
