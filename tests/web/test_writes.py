"""Writes need the configured token; feed URLs on loopback or private addresses are refused."""

from __future__ import annotations

import time
from typing import Any, Iterator

import pytest


@pytest.fixture()
def app_for(writable: Any, make_settings: Any) -> Iterator[Any]:
    """Build a client over a private store copy with the given settings (and optional watcher)."""
    from fastapi.testclient import TestClient

    from livebrief.web import create_app

    clients = []

    def build(watcher: Any = None, **overrides: Any) -> Any:
        test_client = TestClient(create_app(make_settings(writable.path, **overrides), watcher=watcher))
        clients.append(test_client)
        return test_client

    yield build
    for test_client in clients:
        test_client.close()


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def feed_urls(client: Any) -> list[str]:
    return [f["url"] for f in client.get("/feeds.json").json()["feeds"]]


def test_without_a_configured_token_writes_are_disabled(app_for: Any) -> None:
    client = app_for()
    response = client.post("/feeds.json", json={"url": "http://93.184.216.34/rss.xml"},
                           headers=bearer("anything"))
    assert response.status_code == 403
    assert response.json()["error"].startswith("writes are disabled: no token is configured")
    page = client.post("/feeds", data={"url": "http://93.184.216.34/rss.xml", "token": "anything"})
    assert page.status_code == 403 and "writes are disabled" in page.text and page.headers["content-type"].startswith(
        "text/html")
    assert client.post("/run.json", headers=bearer("anything")).status_code == 403
    assert feed_urls(client) == ["https://harbourpost.example/rss.xml"]


@pytest.mark.parametrize("headers, status, message", [
    ({}, 401, "this is a write"),
    ({"Authorization": "Bearer wrong"}, 401, "wrong token"),
    ({"Authorization": "Basic czNjcmV0"}, 401, "this is a write"),
])
def test_a_missing_or_wrong_token_is_refused(app_for: Any, writable: Any, headers: dict[str, str], status: int,
                                             message: str) -> None:
    client = app_for(**{"web.token": writable.token})
    response = client.post("/feeds.json", json={"url": "http://93.184.216.34/rss.xml"}, headers=headers)
    assert response.status_code == status
    assert response.json() == {"ok": False, "error": response.json()["error"], "status": status}
    assert response.json()["error"].startswith(message)
    assert response.headers["www-authenticate"] == "Bearer"
    assert "http://93.184.216.34/rss.xml" not in feed_urls(client)


def test_adding_and_removing_a_feed_with_the_token(app_for: Any, writable: Any) -> None:
    client = app_for(**{"web.token": writable.token})
    url = "http://93.184.216.34/rss.xml"  # a public address literal: nothing is resolved or fetched here
    added = client.post("/feeds.json", json={"url": url, "title": "Example"}, headers=bearer(writable.token))
    assert added.status_code == 201 and added.json() == {"ok": True, "url": url, "added": True}
    again = client.post("/feeds.json", json={"url": url}, headers=bearer(writable.token))
    assert again.status_code == 200 and again.json()["added"] is False
    feeds = {f["url"]: f for f in client.get("/feeds.json").json()["feeds"]}
    assert feeds[url]["added_via_web"] is True and feeds[url]["title"] == "Example"
    assert feeds["https://harbourpost.example/rss.xml"]["added_via_web"] is False
    removed = client.post("/feeds/remove.json", json={"url": url}, headers=bearer(writable.token))
    assert removed.json() == {"ok": True, "url": url, "removed": True}
    assert url not in feed_urls(client)
    missing = client.post("/feeds/remove.json", json={"url": url}, headers=bearer(writable.token))
    assert missing.status_code == 404 and missing.json()["status"] == 404


def test_the_html_form_posts_with_a_token_field(app_for: Any, writable: Any) -> None:
    client = app_for(**{"web.token": writable.token})
    assert '<form class="write" action="/feeds" method="post">' in client.get("/feeds").text
    url = "https://93.184.216.35/feed.xml"
    response = client.post("/feeds", data={"url": url, "token": writable.token}, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/feeds?added=https%3A%2F%2F93.184.216.35%2Ffeed.xml"
    page = client.get(response.headers["location"]).text
    assert f"Added {url}" in page and url in feed_urls(client)
    wrong = client.post("/feeds", data={"url": "https://93.184.216.36/", "token": "nope"})
    assert wrong.status_code == 401 and "wrong token" in wrong.text


@pytest.mark.parametrize("url, kind", [
    ("http://127.0.0.1:8080/feed.xml", "loopback"),
    ("http://localhost/feed.xml", "loopback"),
    ("http://[::1]/feed.xml", "loopback"),
    ("http://10.1.2.3/rss", "private"),
    ("http://192.168.0.10/rss", "private"),
    ("http://169.254.169.254/latest/meta-data/", "link-local"),
])
def test_private_addresses_are_refused(app_for: Any, writable: Any, url: str, kind: str) -> None:
    client = app_for(**{"web.token": writable.token})
    response = client.post("/feeds.json", json={"url": url}, headers=bearer(writable.token))
    assert response.status_code == 403
    assert f"is a {kind} address" in response.json()["error"]
    assert "fetch.allow_private" in response.json()["error"]
    assert url not in feed_urls(client)


def test_private_addresses_are_allowed_when_the_operator_says_so(app_for: Any, writable: Any) -> None:
    client = app_for(**{"web.token": writable.token, "fetch.allow_private": True})
    response = client.post("/feeds.json", json={"url": "http://127.0.0.1:8080/feed.xml"},
                           headers=bearer(writable.token))
    assert response.status_code == 201


@pytest.mark.parametrize("url", ["file:///etc/passwd", "javascript:alert(1)", "ftp://93.184.216.34/x", "", "http://"])
def test_only_http_urls_are_feeds(app_for: Any, writable: Any, url: str) -> None:
    client = app_for(**{"web.token": writable.token})
    response = client.post("/feeds.json", json={"url": url}, headers=bearer(writable.token))
    assert response.status_code == 400 and "must be an http(s) URL" in response.json()["error"]


def test_a_body_that_is_not_a_json_object_is_a_bad_request(app_for: Any, writable: Any) -> None:
    client = app_for(**{"web.token": writable.token})
    response = client.post("/feeds.json", content=b"[1, 2", headers={**bearer(writable.token),
                                                                     "Content-Type": "application/json"})
    assert response.status_code == 400 and response.json()["error"] == "the body is not valid JSON"


def test_run_without_a_runner_is_unavailable(app_for: Any, writable: Any) -> None:
    client = app_for(**{"web.token": writable.token})
    response = client.post("/run.json", headers=bearer(writable.token))
    assert response.status_code == 503 and response.json()["status"] == 503


def test_run_now_runs_the_pipeline_in_the_watcher(app_for: Any, writable: Any, make_settings: Any) -> None:
    """A real cycle: nothing to fetch or analyse here, the story index is built, a briefing is published.

    The fixture's news is from 2024, so "the last 24h" is the last 24 hours of its news.
    """
    from livebrief.store import open_store
    from livebrief.web import Watcher

    with open_store(writable.path) as store:
        store.remove_feed("https://harbourpost.example/rss.xml")  # no network in tests
    settings = make_settings(writable.path, **{"web.token": writable.token})
    watcher = Watcher(settings, schedule=False, since="24h")
    watcher.start()
    try:
        client = app_for(watcher=watcher, **{"web.token": writable.token})
        assert client.post("/run.json").status_code == 401
        response = client.post("/run.json", headers=bearer(writable.token))
        assert response.status_code == 202 and response.json()["requested"] is True
        deadline = time.monotonic() + 60
        while watcher.runs == 0 and time.monotonic() < deadline:
            time.sleep(0.05)
        status = client.get("/feeds.json").json()["watcher"]
    finally:
        watcher.stop()
    assert status["runs"] == 1 and status["last"]["error"] is None
    assert status["last"]["trigger"] == "request"
    assert status["last"]["counts"].get("briefs_published") == 1
    latest = client.get("/briefs/all.json").json()["brief"]
    assert latest["window"]["end"].startswith("2024-")  # anchored to the store's newest story, not today
