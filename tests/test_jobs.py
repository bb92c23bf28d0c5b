"""Ingest jobs against a real store: idempotent, revisions, failures recorded, crash-safe."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from livebrief.jobs import ingest
from livebrief.settings import DEFAULTS
from livebrief.store import open_store

PAGE = """<!doctype html><html lang="en"><head><title>{title}</title>
<meta property="og:site_name" content="Test Gazette">
<meta property="article:published_time" content="2023-09-1{day}T08:00:00+00:00"></head>
<body><nav>Home | World | Sport</nav><article><h1>{title}</h1>
<p>{lead}</p>
<p>The council met for the {n}th time this season to discuss the harbour budget, officials said on Tuesday.</p>
<p>Residents asked for more ferries, longer library hours and a new bridge over the river near the market.</p>
<p>A decision is expected next month after a public consultation that runs until the end of the year.</p>
</article><footer>Copyright Test Gazette</footer></body></html>"""


def write_pages(folder: Path, count: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        lead = f"Story number {n}: the town of Elmsford announced plan {n * 7 + 3} for its waterfront district."
        (folder / f"page{n:04d}.html").write_text(
            PAGE.format(title=f"Elmsford waterfront plan {n}", lead=lead, n=n, day=n % 9), encoding="utf-8")


def test_reingesting_adds_nothing_and_a_changed_page_is_a_revision(tmp_path):
    pages = tmp_path / "pages"
    write_pages(pages, 3)
    settings = DEFAULTS.with_overrides({"store.path": str(tmp_path / "s.db")})
    with open_store(tmp_path / "s.db") as store:
        first = ingest([str(pages)], store=store, settings=settings)
        assert first.counts["new"] == 3 and not first.failures
        second = ingest([str(pages)], store=store, settings=settings)
        assert second.counts["new"] == 0 and second.counts["exists"] == 3
        assert store.count_articles(include_old=True) == 3


def test_bad_items_are_recorded_and_the_run_goes_on(tmp_path):
    pages = tmp_path / "pages"
    write_pages(pages, 2)
    (pages / "empty.html").write_text("<html><body></body></html>", encoding="utf-8")
    (pages / "records.jsonl").write_text('{"url": "https://x.example/1", "title": "T", "text": "'
                                         + "Words that make a fine short article body. " * 5 + '"}\n{broken json\n',
                                         encoding="utf-8")
    settings = DEFAULTS
    with open_store(tmp_path / "s.db") as store:
        report = ingest([str(pages)], store=store, settings=settings)
        assert report.counts["new"] == 3
        assert report.failed == 2
        stages = sorted(f.stage for f in store.failures())
        assert len(stages) == 2
        assert all(f.message for f in store.failures())


@pytest.mark.timeout(120)
def test_killing_the_process_mid_ingest_loses_nothing_committed(tmp_path):
    pages = tmp_path / "pages"
    write_pages(pages, 150)
    db = tmp_path / "crash.db"
    cmd = [sys.executable, "-m", "livebrief", "--db", str(db), "ingest", str(pages)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 90
    stored = 0
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)
        if db.exists():
            try:
                stored = sqlite3.connect(db, timeout=1).execute("SELECT COUNT(*) FROM articles").fetchone()[0]
            except sqlite3.DatabaseError:
                continue
            if stored >= 10:
                break
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert stored >= 10, "the ingest never got going"
    with open_store(db) as store:
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        store.db.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
        survivors = store.articles(limit=None)
        assert len(survivors) >= 10
        assert all(s.article.text and s.article.title for s in survivors)
        fts_rows = store.db.execute("SELECT COUNT(*) FROM articles_fts").fetchone()[0]
        assert fts_rows == store.count_articles(include_old=True)
    rerun = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    with open_store(db) as store:
        assert store.count_articles(include_old=True) == 150
