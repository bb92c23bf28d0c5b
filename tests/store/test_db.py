import sqlite3

from livebrief.model import Article, CopyLink, Failure, text_hash
from livebrief.store import open_store


def article(url: str | None, text: str, **kw) -> Article:
    return Article(id=Article.make_id(url, text), text=text, url=url, text_hash=text_hash(text), **kw)


def test_same_article_twice_adds_nothing(store):
    a = article("https://x.example/a", "Drones hit port facilities overnight.", title="Drones")
    assert store.add_article(a).status == "new"
    assert store.add_article(a).status == "exists"
    assert store.count_articles(include_old=True) == 1


def test_same_content_without_url_adds_nothing(store):
    assert store.add_article(article(None, "A text pasted on stdin.")).status == "new"
    assert store.add_article(article(None, "A  text pasted on stdin!")).status == "exists"
    assert store.count_articles(include_old=True) == 1


def test_changed_page_becomes_a_revision(store):
    first = article("https://x.example/a", "At least nine people were injured.")
    second = article("https://x.example/a", "At least 24 people were injured.")
    store.add_article(first)
    result = store.add_article(second)
    assert (result.status, result.revision) == ("revision", 2)
    assert [s.article.id for s in store.articles()] == [second.id]
    old = store.get_article(first.id)
    assert old.superseded_by == second.id
    assert [s.revision for s in store.revisions("https://x.example/a")] == [1, 2]


def test_search_finds_words_and_survives_punctuation(store):
    store.add_article(article("https://x.example/a", "The shipyard in Sevastopol was struck.", title="Strike"))
    store.add_article(article("https://x.example/b", "Denmark announced a new aid package.", title="Aid"))
    hits = store.search("Sevastopol shipyard")
    assert [h[0].article.title for h in hits] == ["Strike"]
    assert "[Sevastopol]" in hits[0][1]
    assert store.search("Kim-Putin U.S.") == []


def test_failures_feeds_validators_and_copies_round_trip(store):
    store.add_failure(Failure("fetch", "https://x.example/slow", "timeout", "read timed out after 0.5 s"))
    assert store.failures()[0].error == "timeout"
    assert store.add_feed("https://x.example/rss") is True
    assert store.add_feed("https://x.example/rss") is False
    store.record_feed_fetch("https://x.example/rss", status=None, error="HTTP 500")
    store.record_feed_fetch("https://x.example/rss", status=None, error="HTTP 500")
    assert store.feeds()[0].error_count == 2
    store.record_feed_fetch("https://x.example/rss", status=200, items=3)
    assert (store.feeds()[0].error_count, store.feeds()[0].item_count) == (0, 3)
    store.put_validators("https://x.example/rss", '"abc"', None)
    assert store.get_validators("https://x.example/rss") == ('"abc"', None)
    a, b = article("https://x.example/o", "original text here"), article("https://y.example/c", "copy")
    store.add_article(a), store.add_article(b)
    store.set_copies([CopyLink(b.id, a.id, "source_link", 1.0)])
    assert store.get_article(b.id).original_id == a.id


def test_reopen_keeps_data_and_schema_version(tmp_path):
    path = tmp_path / "s.db"
    with open_store(path) as first:
        first.add_article(article("https://x.example/a", "kept across opens"))
        version = first.schema_version
    with open_store(path) as second:
        assert second.schema_version == version >= 1
        assert second.count_articles() == 1
        assert sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_failed_transaction_leaves_nothing_half_written(store):
    a = article("https://x.example/a", "whole or nothing")
    try:
        with store.transaction():
            store.add_article(a)
            raise RuntimeError("killed mid-write")
    except RuntimeError:
        pass
    assert store.count_articles(include_old=True) == 0
    assert store.search("whole") == []
