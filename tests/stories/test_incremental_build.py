"""build_stories on a store: a later poll decodes only the new analyses and those of the stories they touch,
and gives the same stories as recomposing from every stored analysis."""

from __future__ import annotations

import dataclasses
import pickle
import sqlite3

import pytest

from livebrief.jobs import build_stories
from livebrief.nlp import PIPELINE_VERSION
from livebrief.store import open_store
from livebrief.store.db import Store
from livebrief.stories import update_stories

pytestmark = [pytest.mark.model, pytest.mark.slow]


class ReadRecordingStore(Store):
    """A real store that notes which analyses each read decodes."""

    reads: list[list[str] | None]

    def analyses(self, pipeline_version, *, since=None, ids=None):
        ids = None if ids is None else list(ids)
        self.reads.append(ids)
        return super().analyses(pipeline_version, since=since, ids=ids)


@pytest.fixture()
def split_store(demo_store, tmp_path):
    """The demo store with stories built from all but its last three analyses, which come back afterwards."""
    demo, settings = demo_store
    path = tmp_path / "split.db"
    copy = sqlite3.connect(path)
    demo.db.backup(copy)  # the WAL's pages too, which a file copy would miss
    copy.close()
    with open_store(path) as store:
        analyses = list(store.analyses(PIPELINE_VERSION))
        late = analyses[-3:]
        with store.transaction() as db:
            db.execute("DELETE FROM stories")
            db.execute("DELETE FROM state WHERE name LIKE 'story_index/%'")
            db.executemany("DELETE FROM analyses WHERE article_id = ?", [(a.article.id,) for a in late])
        build_stories(store=store, settings=settings)
        for analysis in late:
            store.add_analysis(analysis)
    return path, settings, analyses, late


def test_a_later_build_reads_only_what_it_needs(split_store):
    path, settings, analyses, late = split_store
    store = ReadRecordingStore(path)
    store.reads = []
    try:
        index_before = store.load_state(f"story_index/{PIPELINE_VERSION}")
        touched = build_stories(store=store, settings=settings)
        assert touched, "the three late analyses join or start stories"
        assert None not in store.reads, "no read of every stored analysis"
        decoded = [i for ids in store.reads for i in ids]
        assert {a.article.id for a in late} <= set(decoded)
        assert len(decoded) < len(analyses)

        # The reference: the same index state recomposed with every analysis at hand.
        index = pickle.loads(index_before)
        copies = {c.article_id: c.original_id for c in store.copies()}
        lookup = {a.article.id: a for a in analyses if a.article.id not in {x.article.id for x in late}}
        expected = update_stories(index, late, copies=copies, lookup=lookup)
        assert [s.to_dict() for s in touched] == [s.to_dict() for s in expected]
        saved = {s.id: s.to_dict() for s in store.stories()}
        assert all(saved[s.id] == s.to_dict() for s in touched)
    finally:
        store.close()


def test_nothing_new_reads_no_analysis(split_store):
    path, settings, _, _ = split_store
    with open_store(path) as store:
        build_stories(store=store, settings=settings)
    store = ReadRecordingStore(path)
    store.reads = []
    try:
        assert build_stories(store=store, settings=settings) == []
        assert store.reads == []
    finally:
        store.close()


def test_an_analysis_without_events_is_read_once(split_store):
    path, settings, _, late = split_store
    quiet = dataclasses.replace(late[0], events=())
    with open_store(path) as store:
        store.add_analysis(quiet)  # a late article that reports no event: it makes no story item
        build_stories(store=store, settings=settings)
    store = ReadRecordingStore(path)
    store.reads = []
    try:
        assert build_stories(store=store, settings=settings) == []
        assert store.reads == [], "the article without events is not decoded again on every poll"
    finally:
        store.close()


def test_an_index_saved_before_articles_read_existed_still_loads():
    from livebrief.stories import StoryIndex

    index = StoryIndex()
    index.assignment = {"a1/ev1": "s1", "a1/ev2": "s1", "a2/ev1": "s2"}
    index._by_article.update({"a1": {"s1"}, "a2": {"s2"}})
    del index.__dict__["articles_read"]  # the shape of an index pickled by an earlier version
    assert pickle.loads(pickle.dumps(index)).articles_read == {"a1", "a2"}
