"""Shared fixtures: paths to the evaluation data and the seed, a fresh store file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def shared_dir() -> Path | None:
    """../shared beside the repo, or $LIVEBRIEF_SHARED (CI puts it beside the clone)."""
    env = os.environ.get("LIVEBRIEF_SHARED")
    for candidate in ([Path(env)] if env else []) + [REPO.parent / "shared", REPO.parent.parent / "shared"]:
        if (candidate / "data").is_dir():
            return candidate
    return None


@pytest.fixture(scope="session")
def shared() -> Path:
    path = shared_dir()
    if path is None:
        pytest.skip("../shared (evaluation data and seed) is not beside the repo")
    return path


@pytest.fixture(scope="session")
def seed_path(shared: Path) -> Path:
    return shared / "seed" / "000_e90a044465924d55.txt"


@pytest.fixture()
def store(tmp_path: Path):
    from livebrief.store import open_store

    with open_store(tmp_path / "store.db") as opened:
        yield opened


@pytest.fixture(scope="session")
def demo_store(tmp_path_factory):
    """The demo corpus fetched, analysed and grouped into stories, once per test session."""
    from livebrief.demo import CorpusServer, feed_paths
    from livebrief.jobs import analyze_stored, build_stories, poll_feeds
    from livebrief.settings import DEFAULTS
    from livebrief.store import open_store

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    settings = DEFAULTS.with_overrides({"store.path": str(path), "fetch.rate_limit": 200.0})
    with CorpusServer() as server, open_store(path) as store:
        for feed in feed_paths():
            store.add_feed(server.url(feed))
        poll_feeds(store=store, settings=settings)
        analyze_stored(store=store, settings=settings)
        build_stories(store=store, settings=settings)
        yield store, settings
