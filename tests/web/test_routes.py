"""Every page and its .json twin, over a real store file with hand-built records."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

import pytest


def pages(fx: Any) -> list[tuple[str, str]]:
    """(HTML path, JSON path) of every page, filled in from the fixture store."""
    odesa = fx.stories["odesa"].id
    a1, a2 = fx.articles["a1"].id, fx.articles["a2"].id
    return [
        ("/", "/index.json"),
        ("/briefs/all", "/briefs/all.json"),
        (f"/briefs/all?id={fx.brief_id}", f"/briefs/all.json?id={fx.brief_id}"),
        ("/stories", "/stories.json"),
        (f"/stories/{odesa}", f"/stories/{odesa}.json"),
        ("/articles", "/articles.json"),
        (f"/articles/{a2}", f"/articles/{a2}.json"),
        (f"/articles/{a1}?start=0&end=20", f"/articles/{a1}.json?start=0&end=20"),
        ("/entities", "/entities.json"),
        ("/entities?type=PERSON", "/entities.json?type=PERSON"),
        (f"/entities/{fx.person_id}", f"/entities/{fx.person_id}.json"),
        ("/entities/Hanna%20Koval", "/entities/Hanna%20Koval.json"),
        ("/places", "/places.json"),
        ("/places/Odesa", "/places/Odesa.json"),
        (f"/places/{fx.place_id}", f"/places/{fx.place_id}.json"),
        ("/search?q=pumping", "/search.json?q=pumping"),
        ("/search", "/search.json"),
        ("/feeds", "/feeds.json"),
    ]


def test_every_page_and_its_json_twin_answer(client: Any, fixture_store: Any) -> None:
    for html_path, json_path in pages(fixture_store):
        page = client.get(html_path)
        assert page.status_code == 200, html_path
        assert page.headers["content-type"].startswith("text/html")
        twin = client.get(json_path)
        assert twin.status_code == 200, json_path
        assert twin.headers["content-type"] == "application/json"
        assert twin.json()["ok"] is True
        # The page points at its twin.
        assert f'href="{json_path.replace("&", "&amp;")}"' in page.text, html_path


def test_pages_carry_no_script_but_our_own(client: Any, fixture_store: Any) -> None:
    """Article text with a planted <script> is escaped on every page that shows it."""
    for html_path, _ in pages(fixture_store):
        text = client.get(html_path).text
        assert re.findall(r"<script[^>]*>", text) == ['<script src="/static/live.js" defer>'], html_path
        assert "<script>alert(1)" not in text and "<script>document.title" not in text


def test_planted_script_is_shown_escaped(client: Any, fixture_store: Any) -> None:
    a2 = fixture_store.articles["a2"]
    page = client.get(f"/articles/{a2.id}").text
    assert "<h1>&lt;script&gt;alert(1)&lt;/script&gt; Odesa streets under water</h1>" in page
    assert "&lt;script&gt;document.title=&#39;pwned&#39;;window.__lb_xss=1&lt;/script&gt;" in page
    brief = client.get("/briefs/all").text
    assert "Odesa &lt;script&gt;document.title=" in brief
    # JSON carries the text as it is: it is data, served as JSON with nosniff.
    assert client.get(f"/articles/{a2.id}.json").json()["title"] == a2.title


def test_security_headers_on_every_kind_of_answer(client: Any) -> None:
    for path in ("/", "/index.json", "/static/style.css", "/nope", "/nope.json", "/docs"):
        response = client.get(path)
        csp = response.headers["content-security-policy"]
        assert "default-src 'none'" in csp and "script-src 'self'" in csp and "style-src 'self'" in csp, path
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["x-frame-options"] == "DENY"


def test_home(client: Any, fixture_store: Any) -> None:
    data = client.get("/index.json").json()
    assert data["counts"] == {"articles": 4, "stories": 3, "feeds": 1}
    assert [b["topic"] for b in data["briefs"]] == ["all"]
    assert data["briefs"][0]["id"] == fixture_store.brief_id
    assert data["most_cited_stories"][0]["id"] == fixture_store.stories["odesa"].id  # two original sources
    assert len(data["recent_stories"]) == 3 and len(data["recent_articles"]) == 4
    page = client.get("/").text
    assert "Emergency crews evacuated 120 residents from flooded districts of Odesa" in page
    assert 'class="map-svg"' in page and 'class="timeline-svg"' in page
    assert 'data-watch="all"' in page


def test_briefing(client: Any, fixture_store: Any) -> None:
    data = client.get("/briefs/all.json").json()
    assert data["brief"]["schema"] == "livebrief.briefing/1"
    assert data["brief"]["id"] == fixture_store.brief_id
    assert data["history"][0]["id"] == fixture_store.brief_id
    assert {p["label"] for p in data["located"]} == {"Odesa", "Kharkiv"}
    page = client.get("/briefs/all").text
    # Citations open the cited span of the article.
    a1 = fixture_store.articles["a1"]
    assert re.search(rf'href="/articles/{a1.id}\?start=\d+&amp;end=\d+#cited">\[1\]', page)
    assert page.count('class="dot"') == 2  # one dot per place: Odesa and Kharkiv
    assert "Where sources disagree" in page and "Quotes of the day" in page
    assert 'data-watch="brief/all"' in page


def test_story(client: Any, fixture_store: Any) -> None:
    story = fixture_store.stories["odesa"]
    data = client.get(f"/stories/{story.id}.json").json()
    assert data["title"] == story.title
    assert [g["source"] for g in data["figures_by_source"]] == [
        "city council", "regional health department", "regional governor", "officials"]
    assert data["conflicts"] == list(story.conflicts)
    assert data["claims"][0]["single_source"] is True
    assert [a["copy_of"] for a in data["articles"]] == [None, None, fixture_store.articles["a1"].id]
    assert data["briefs"] == [{"topic": "all", "id": fixture_store.brief_id, "href": "/briefs/all"}]
    page = client.get(f"/stories/{story.id}").text
    assert "Claim ledger" in page and "single source" in page and "Where sources disagree" in page
    assert "about 150 people" in page and 'class="timeline-svg"' in page
    # A story id prefix works too (as in the CLI).
    assert client.get(f"/stories/{story.id[:8]}.json").json()["id"] == story.id


def test_article_marks_the_cited_span(client: Any, fixture_store: Any) -> None:
    a1 = fixture_store.articles["a1"]
    data = client.get(f"/articles/{a1.id}.json?start=0&end=14").json()
    assert data["segments"][0] == {"text": "Emergency crew", "mark": True}
    assert data["copy_of"] is None and data["analysis"]["quotes"][0]["speaker"] == "Hanna Koval"
    assert '<mark id="cited">Emergency crew</mark>' in client.get(f"/articles/{a1.id}?start=0&end=14").text
    copy = fixture_store.articles["a4"]
    assert client.get(f"/articles/{copy.id}.json").json()["copy_of"] == a1.id


def test_entity_page_gathers_quotes_claims_and_events(client: Any, fixture_store: Any) -> None:
    data = client.get(f"/entities/{fixture_store.person_id}.json").json()
    assert data["name"] == "Hanna Koval" and data["type"] == "PERSON" and data["titles"] == ["Mayor"]
    assert len(data["articles"]) == 3
    assert {q["text"] for q in data["quotes"]} == {"The water rose faster than anyone expected,",
                                                   "pumping stations would run through the night"}
    assert [c["text"] for c in data["claims"]] == ["pumping stations would run through the night"]
    assert [(e["role"], e["type"]) for e in data["events"]] == [("actor", "AID")]
    assert {s["id"] for s in data["stories"]} == {s.id for s in fixture_store.stories.values()} - {
        fixture_store.stories["kharkiv"].id}
    by_name = client.get("/entities/hanna%20koval.json").json()
    assert by_name["id"] == fixture_store.person_id
    assert client.get("/entities.json?type=PERSON").json()["entities"][0]["articles"] == 3


def test_place_page(client: Any, fixture_store: Any) -> None:
    data = client.get(f"/places/{fixture_store.place_id}.json").json()
    assert (data["name"], data["country"], data["lat"]) == ("Odesa", "UA", 46.48)
    assert len(data["stories"]) == 2 and len(data["articles"]) == 3
    assert all(e["place"] == "Odesa" for e in data["events"])
    listing = client.get("/places.json").json()["places"]
    assert [(p["name"], p["stories"]) for p in listing] == [("Odesa", 2), ("Kharkiv", 1)]
    assert 'class="map-svg"' in client.get("/places").text


def test_search(client: Any, fixture_store: Any) -> None:
    data = client.get("/search.json?q=pumping").json()
    assert [r["id"] for r in data["results"]] == [fixture_store.articles["a2"].id]
    assert {"text": "pumping", "mark": True} in data["results"][0]["snippet"]
    assert "<mark>pumping</mark>" in client.get("/search?q=pumping").text
    assert client.get("/search.json").json()["results"] == []


def test_feeds_page(client: Any) -> None:
    data = client.get("/feeds.json").json()
    assert [f["url"] for f in data["feeds"]] == ["https://harbourpost.example/rss.xml"]
    assert data["writes_enabled"] is False and data["watcher"] is None
    assert data["failures"][0]["error"] == "http_status"
    page = client.get("/feeds").text
    assert "Writes are disabled" in page and "<form class=\"write\"" not in page


def test_live_version_and_events(client: Any) -> None:
    parts = client.get("/version.json").json()["version"]
    assert {"articles", "stories", "feeds", "brief/all", "all"} <= set(parts)
    stream = client.get("/events?limit=1")
    assert stream.headers["content-type"].startswith("text/event-stream")
    assert "event: version\ndata: {" in stream.text and parts["brief/all"] in stream.text


def test_api_docs_list_every_json_route(client: Any) -> None:
    spec = client.get("/openapi.json").json()
    for path in ("/index.json", "/briefs/{topic}.json", "/stories/{story_id}.json", "/articles/{article_id}.json",
                 "/entities/{key}.json", "/places/{key}.json", "/search.json", "/feeds.json", "/run.json",
                 "/version.json", "/events"):
        assert path in spec["paths"], path
    docs = client.get("/docs").text
    assert "/stories/{story_id}.json" in docs and "cdn" not in docs.lower()


@pytest.mark.parametrize("path, message", [
    ("/stories/nope.json", "no story with id 'nope'"),
    ("/articles/nope.json", "no article with id 'nope'"),
    ("/entities/Nobody%20Known.json", "no entity 'Nobody Known'"),
    ("/places/Atlantis.json", "no place 'Atlantis'"),
    ("/briefs/sport.json", "no briefing on 'sport' yet"),
    ("/no/such/page.json", "nothing at /no/such/page.json"),
])
def test_json_not_found_has_the_one_error_shape(client: Any, path: str, message: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    body = response.json()
    assert set(body) == {"ok", "error", "status"}
    assert body["ok"] is False and body["status"] == 404 and body["error"].startswith(message)


@pytest.mark.parametrize("path, status", [
    ("/stories.json?limit=0", 422),
    ("/stories.json?since=yesterday-ish", 400),
    ('/search.json?q=%22unclosed', 400),
    ("/articles/{a1}.json?start=5&end=99999", 400),
    ("/run", 405),
])
def test_bad_requests_have_the_one_error_shape(client: Any, fixture_store: Any, path: str, status: int) -> None:
    response = client.get(path.format(a1=fixture_store.articles["a1"].id))
    assert response.status_code == status
    assert response.json() == {"ok": False, "error": response.json()["error"], "status": status}


def test_html_errors_are_friendly_pages(client: Any) -> None:
    response = client.get("/stories/nope")
    assert response.status_code == 404 and response.headers["content-type"].startswith("text/html")
    assert "<h1>Not found</h1>" in response.text and "no story with id &#39;nope&#39;" in response.text
    assert "Back to the home page" in response.text
    # A client that asks for JSON gets JSON from an HTML route too.
    assert client.get("/stories/nope", headers={"Accept": "application/json"}).json()["status"] == 404


def test_names_in_urls_are_quoted(client: Any) -> None:
    page = client.get("/stories").text
    assert 'href="/places/Odesa"' in page
    data = client.get("/entities.json").json()
    assert data["entities"][0]["href"] == "/entities/" + quote(data["entities"][0]["entity_id"])
