"""Jobs: the pipeline run against the store. The CLI, the web app and the demo call these.

A job never raises for one bad item: it records a Failure in the store and goes on.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from livebrief import dedup
from livebrief.model import Article, CopyLink, Failure, RawDocument, Story
from livebrief.pipeline import extract_stream
from livebrief.settings import Settings
from livebrief.sources import Fetcher, open_source
from livebrief.store import Store

log = logging.getLogger(__name__)

Progress = Callable[[str], None]


@dataclass
class IngestReport:
    """What one ingest did, for people (counts) and for callers (ids, failures)."""

    counts: Counter[str] = field(default_factory=Counter)
    failures: list[Failure] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)
    copies: list[CopyLink] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.failures)

    def merge(self, other: IngestReport) -> None:
        self.counts.update(other.counts)
        self.failures.extend(other.failures)
        self.article_ids.extend(other.article_ids)
        self.copies.extend(other.copies)


def make_fetcher(settings: Settings, store: Store | None = None, *, allow_private: bool = True) -> Fetcher:
    """The one HTTP client, with the store as its conditional-GET cache."""
    return Fetcher(settings=settings, cache=store, allow_private=allow_private)


def store_articles(
    results: Iterable[tuple[RawDocument | None, Article | Failure]],
    *,
    store: Store,
    settings: Settings,
    run_id: int | None = None,
    on_item: Progress | None = None,
    link_copies: bool = True,
) -> IngestReport:
    """Write extracted articles and failures to the store, then (by default) link copies to originals."""
    report = IngestReport()
    for raw, result in results:
        if isinstance(result, Failure):
            store.add_failure(result, run_id=run_id)
            report.failures.append(result)
            report.counts["failed"] += 1
            if on_item:
                on_item(f"failed {result.item}: {result.message}")
            continue
        signature = dedup.signature(result.text, num_perm=settings["dedup.num_perm"],
                                    shingle=settings["dedup.shingle"])
        added = store.add_article(result, signature=signature)
        report.counts[added.status] += 1
        report.article_ids.append(added.article_id)
        if on_item:
            on_item(f"{added.status} {result.url or result.input or result.id}")
    if link_copies and (report.counts["new"] or report.counts["revision"]):
        report.copies = refresh_copies(store=store, settings=settings)
        report.counts["copies"] = len(report.copies)
    return report


def ingest(
    specs: Iterable[str],
    *,
    store: Store,
    settings: Settings,
    fetcher: Fetcher | None = None,
    on_item: Progress | None = None,
    command: str = "ingest",
) -> IngestReport:
    """Read every source spec, extract, store, dedup; one run recorded in the store."""
    fetcher = fetcher or make_fetcher(settings, store)
    run_id = store.start_run(command)
    raws = _counted(_open_all(specs, fetcher=fetcher), Counter())
    report = store_articles(extract_stream(raws, settings=settings), store=store, settings=settings,
                            run_id=run_id, on_item=on_item)
    store.finish_run(run_id, dict(report.counts))
    return report


def poll_feeds(
    *,
    store: Store,
    settings: Settings,
    fetcher: Fetcher | None = None,
    urls: Iterable[str] | None = None,
    on_item: Progress | None = None,
) -> IngestReport:
    """Fetch every registered feed (or the given ones) and ingest what is new."""
    fetcher = fetcher or make_fetcher(settings, store)
    wanted = set(urls) if urls else None
    total = IngestReport()
    run_id = store.start_run("fetch")
    for feed in store.feeds():
        if wanted is not None and feed.url not in wanted:
            continue
        items = list(open_source(feed.url, fetcher=fetcher, skip=_fresh_filter(store, settings)))
        feed_failures = [i for i in items if isinstance(i, Failure) and i.item == feed.url]
        error = feed_failures[0].message if feed_failures else None
        report = store_articles(extract_stream(items, settings=settings), store=store,
                                settings=settings, run_id=run_id, on_item=on_item, link_copies=False)
        store.record_feed_fetch(feed.url, status=None if error else 200, error=error,
                                items=report.counts["new"] + report.counts["revision"])
        total.merge(report)
    if total.counts["new"] or total.counts["revision"]:
        total.copies = refresh_copies(store=store, settings=settings)
        total.counts["copies"] = len(total.copies)
    store.finish_run(run_id, dict(total.counts))
    return total


def _fresh_filter(store: Store, settings: Settings) -> Callable[[str], bool] | None:
    """Skip feed entries stored or seen unchanged recently: polite to sites without validators."""
    seconds = int(settings["fetch.refetch_after"])
    if seconds <= 0:
        return None
    from datetime import datetime, timedelta, timezone

    since = (datetime.now(timezone.utc) - timedelta(seconds=seconds)).replace(microsecond=0).isoformat()
    return lambda url: store.seen_since(url, since)


def refresh_copies(*, store: Store, settings: Settings) -> list[CopyLink]:
    """Recompute copy → original links over the current articles from stored signatures."""
    index = dedup.DuplicateIndex.from_settings(settings)
    num_perm, shingle = settings["dedup.num_perm"], settings["dedup.shingle"]
    for article, signature in store.signatures():
        if signature is None:
            signature = dedup.signature(article.text, num_perm=num_perm, shingle=shingle)
            store.set_signature(article.id, signature)
        index.add(dedup.entry_for(article, num_perm=num_perm, shingle=shingle, signature_bytes=signature))
    current = {link.article_id: link for link in index.links()}
    stale = [c.article_id for c in store.copies() if c.article_id not in current]
    store.clear_copies(stale)
    store.set_copies(current.values())
    return list(current.values())


def _open_all(specs: Iterable[str], *, fetcher: Fetcher) -> Iterator[RawDocument | Failure]:
    for spec in specs:
        yield from open_source(spec, fetcher=fetcher)


def _counted(items: Iterator[RawDocument | Failure], counter: Counter[str]) -> Iterator[RawDocument | Failure]:
    for item in items:
        counter["read"] += 1
        yield item


def analyze_stored(
    *, store: Store, settings: Settings, on_item: Progress | None = None, run_id: int | None = None
) -> IngestReport:
    """Analyse current articles that lack an analysis for this pipeline version; store results."""
    from livebrief.nlp import PIPELINE_VERSION, analyze_many

    report = IngestReport()
    pending = store.unanalyzed(PIPELINE_VERSION)
    for result in analyze_many(pending, settings=settings):
        if isinstance(result, Failure):
            store.add_failure(result, run_id=run_id)
            report.failures.append(result)
            report.counts["failed"] += 1
        else:
            store.add_analysis(result)
            report.counts["analyzed" if not result.notes else "skipped"] += 1
            report.article_ids.append(result.article.id)
        if on_item:
            on_item(result.item if isinstance(result, Failure) else (result.article.title or result.article.id))
    return report


def build_stories(*, store: Store, settings: Settings) -> list[Story]:
    """Add newly analysed articles to the story index (kept in the store) and save touched stories."""
    import pickle

    from livebrief.nlp import PIPELINE_VERSION
    from livebrief.stories import StoryIndex, add_analyses, articles_needed, recompose

    state_name = f"story_index/{PIPELINE_VERSION}"
    blob = store.load_state(state_name)
    # The blob is our own pickle written by this store, never user-supplied content.
    index = pickle.loads(blob) if blob else StoryIndex()
    indexed = index.articles_read  # with or without events: an article without any is read once
    # Only the new analyses and those of the stories they touch are decoded, so a poll of a
    # large store costs what changed, not what is stored.
    new_ids = [i for i in store.analysis_ids(PIPELINE_VERSION) if i not in indexed]
    if not new_ids:
        return []
    analyses = {a.article.id: a for a in store.analyses(PIPELINE_VERSION, ids=new_ids)}
    copies = {c.article_id: c.original_id for c in store.copies()}
    touched = add_analyses(index, analyses.values(), copies=copies)
    older = [i for i in articles_needed(index, touched, copies=copies) if i not in analyses]
    analyses.update((a.article.id, a) for a in store.analyses(PIPELINE_VERSION, ids=older))
    stories = recompose(index, touched, analyses=analyses, copies=copies)
    store.save_stories(stories, state=(state_name, pickle.dumps(index)))
    return stories
