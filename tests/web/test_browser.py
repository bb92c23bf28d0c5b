"""A real headless Chromium loads the briefing page from a live uvicorn server.

Items, citations, the map and the timeline render; a ``<script>`` planted in an article runs
nowhere; the page reloads itself when a new briefing is published. Needs Debian's
``chromium`` and ``chromium-driver`` and the ``selenium`` package; skips without them. A
screenshot is kept in ``test-artifacts/``.
"""

from __future__ import annotations

import dataclasses
import shutil
import socket
import threading
import time
from pathlib import Path
from typing import Any, Iterator

import pytest


REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "test-artifacts"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--window-size=1280,1600")

pytestmark = pytest.mark.slow


def _browser_missing() -> str | None:
    if not CHROMIUM or not CHROMEDRIVER:
        return "chromium and chromium-driver are not installed (apt-get install -y chromium chromium-driver)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install selenium)"
    return None


@pytest.fixture()
def live_server(writable: Any, make_settings: Any) -> Iterator[str]:
    """uvicorn serving the app over a private copy of the fixture store, on a free loopback port."""
    import uvicorn

    from livebrief.web import create_app

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    app = create_app(make_settings(writable.path))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", timeout_graceful_shutdown=1))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.02)
    assert server.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(5)
    sock.close()


@pytest.fixture()
def browser(tmp_path: Path) -> Iterator[Any]:
    reason = _browser_missing()
    if reason:
        pytest.skip(reason)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM  # Debian's build: nothing is downloaded
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path / 'chromium-profile'}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER))
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()


def _count(driver: Any, css: str) -> int:
    from selenium.webdriver.common.by import By

    return len(driver.find_elements(By.CSS_SELECTOR, css))


def _screenshot(driver: Any, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(1280, min(max(int(height) + 40, 800), 6000))
    path = ARTIFACTS / name
    driver.save_screenshot(str(path))
    return path


def test_briefing_page_renders_and_planted_script_does_not_run(live_server: str, browser: Any,
                                                               writable: Any) -> None:
    from selenium.webdriver.common.by import By

    browser.get(f"{live_server}/briefs/all")
    headline = browser.find_element(By.ID, "headline").text
    assert headline.startswith("Emergency crews evacuated 120 residents")
    assert _count(browser, "li.item") >= 2
    assert _count(browser, "a.ref") >= 3  # citation numbers
    assert _count(browser, "section.sources li") == 3
    # The map: land outlines and a dot per located place; the timeline: a dot per dated item.
    assert _count(browser, "svg.map-svg path.land") > 0
    assert _count(browser, "svg.map-svg .dot circle") == 2
    assert _count(browser, "svg.timeline-svg circle.tdot") >= 2
    # The planted script is shown as text and never ran.
    assert browser.execute_script("return window.__lb_xss === undefined")
    assert "pwned" not in browser.title
    assert writable.planted in browser.find_element(By.ID, "brief").text
    # The strict CSP left nothing to complain about (no blocked inline script or style of ours).
    severe = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert severe == []
    shot = _screenshot(browser, "web-briefing.png")
    assert shot.stat().st_size > 10_000


def test_article_page_escapes_the_planted_title(live_server: str, browser: Any, writable: Any) -> None:
    from selenium.common.exceptions import NoAlertPresentException
    from selenium.webdriver.common.by import By

    article = writable.articles["a2"]
    browser.get(f"{live_server}/articles/{article.id}")
    assert browser.find_element(By.TAG_NAME, "h1").text == article.title
    assert browser.execute_script("return window.__lb_xss === undefined")
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text  # noqa: B018 -- asking is the check
    _screenshot(browser, "web-article.png")


def test_page_reloads_itself_when_a_new_briefing_is_published(live_server: str, browser: Any,
                                                              writable: Any) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    from livebrief.brief import load_brief, save_brief
    from livebrief.store import open_store

    browser.get(f"{live_server}/briefs/all")
    # live.js marks the status "on" once the event stream is open.
    WebDriverWait(browser, 10).until(lambda d: "on" in d.find_element(By.ID, "live-status").get_attribute("class"))
    with open_store(writable.path) as store:
        current = load_brief(store, "all")
        assert current is not None
        save_brief(store, dataclasses.replace(current, id="b-newer", previous_id=current.id,
                                              generated_at="2024-05-02T13:00:00+00:00",
                                              headline="Pumping stations run through the night in Odesa"))
    WebDriverWait(browser, 15).until(
        lambda d: d.find_element(By.ID, "brief").get_attribute("data-brief-id") == "b-newer")
    assert browser.find_element(By.ID, "headline").text.startswith("Pumping stations run through the night")
