"""A real SQLite store with hand-built records (our own invented words), and clients over it.

Nothing here runs the NLP: articles, analyses, stories and a published briefing are built
by hand with offsets computed from the text, so spans point at the words they name. One
article carries a planted ``<script>`` in its title and text, and a briefing item quotes it.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

import pytest

from livebrief.model import (
    Analysis, Article, Attribution, BriefQuote, BriefSection, Citation, Claim, CopyLink, Entity, Event, Failure,
    LedgerEntry, Place, Quantity, Quote, SourceRef, Story, StoryArticle, StoryFigure, content_id, text_hash,
)
from livebrief.settings import DEFAULTS, Settings

TOKEN = "s3cret-token-for-tests"
PLANTED = "<script>document.title='pwned';window.__lb_xss=1</script>"
PLANTED_TITLE = "<script>alert(1)</script> Odesa streets under water"
ODESA = (46.48, 30.73)
KHARKIV = (49.99, 36.23)


def span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


@dataclass
class Fixture:
    """Ids of what the fixture store holds, for tests to ask about."""

    path: Path
    token: str = TOKEN
    planted: str = PLANTED
    articles: dict[str, Article] = field(default_factory=dict)
    stories: dict[str, Story] = field(default_factory=dict)
    person_id: str = ""
    place_id: str = ""
    brief_id: str = ""


def _article(key: str, outlet: str, text: str, published: str, *, title: str) -> Article:
    url = f"https://{outlet.lower().replace(' ', '')}.example/2024/05/{key}"
    return Article(id=Article.make_id(url, text), text=text, title=title, url=url, source=outlet,
                   published=published, language="en", text_hash=text_hash(text), fetched_at=published)


def build_store(path: Path) -> Fixture:
    """Write the fixture records into a fresh store at ``path``."""
    from livebrief.brief import save_brief
    from livebrief.brief.records import Briefing, Item
    from livebrief.nlp import PIPELINE_VERSION
    from livebrief.store import open_store

    fx = Fixture(path=path)
    t1 = ("Emergency crews evacuated 120 residents from flooded districts of Odesa on Tuesday, the city "
          "council said. \"The water rose faster than anyone expected,\" said Mayor Hanna Koval. At least 3 "
          "people were injured, according to the regional health department.")
    t2 = ("Rescuers moved about 150 people out of low-lying streets in Odesa, the regional governor said on "
          f"Tuesday. {PLANTED} Hanna Koval said that pumping stations would run through the night. "
          "Officials said 4 people were hurt.")
    t3 = ("Delegations met in Kharkiv on Wednesday to discuss repairs to the rail bridge, the transport "
          "ministry said. The talks will resume next week, a ministry spokesperson added.")
    a1 = _article("odesa-flood", "Harbour Post", t1, "2024-05-01T09:00:00+00:00",
                  title="Crews evacuate residents as Odesa floods")
    a2 = _article("odesa-rescue", "North Wire", t2, "2024-05-01T11:30:00+00:00", title=PLANTED_TITLE)
    a3 = _article("kharkiv-talks", "Global Desk", t3, "2024-05-02T08:15:00+00:00",
                  title="Kharkiv talks on the rail bridge")
    a4 = _article("odesa-flood-copy", "News Hub", t1, "2024-05-01T10:00:00+00:00",
                  title="Crews evacuate residents as Odesa floods")
    fx.articles = {"a1": a1, "a2": a2, "a3": a3, "a4": a4}

    koval = Entity(id=content_id("PERSON", "Hanna Koval", prefix="e"), name="Hanna Koval", type="PERSON",
                   mentions=(span(t1, "Hanna Koval"),), title="Mayor")
    fx.person_id = koval.id
    odesa = Place(name="Odesa", lat=ODESA[0], lon=ODESA[1], country="UA", id=content_id("place", "odesa-ua",
                  prefix="p"), feature="city", mentions=(span(t1, "Odesa"),))
    fx.place_id = odesa.id
    kharkiv = Place(name="Kharkiv", lat=KHARKIV[0], lon=KHARKIV[1], country="UA",
                    id=content_id("place", "kharkiv-ua", prefix="p"), feature="city", mentions=(span(t3, "Kharkiv"),))

    quote_words = "The water rose faster than anyone expected,"
    q1 = Quote(text=quote_words, kind="direct", speaker="Hanna Koval", start=span(t1, quote_words)[0],
               end=span(t1, quote_words)[1], speaker_id=koval.id, cue="said")
    pump = "pumping stations would run through the night"
    q2 = Quote(text=pump, kind="indirect", speaker="Hanna Koval", start=span(t2, pump)[0], end=span(t2, pump)[1],
               speaker_id=koval.id, cue="said")
    s1_sentence = ("Emergency crews evacuated 120 residents from flooded districts of Odesa on Tuesday, the city "
                   "council said.")
    e1 = Event(id="ev1", type="AID", summary=s1_sentence, date="2024-04-30", place="Odesa",
               actors=("Emergency crews",), targets=("residents",), attribution=(Attribution("city council", "claim"),),
               evidence=(span(t1, s1_sentence),), confidence=0.8)
    s2_sentence = "Rescuers moved about 150 people out of low-lying streets in Odesa"
    e2 = Event(id="ev1", type="AID", summary=s2_sentence, date="2024-04-30", place="Odesa",
               actors=("Rescuers", "Hanna Koval"), attribution=(Attribution("regional governor", "claim"),),
               evidence=(span(t2, s2_sentence),), confidence=0.7)
    s3_sentence = "Delegations met in Kharkiv on Wednesday to discuss repairs to the rail bridge"
    e3 = Event(id="ev1", type="CONSULT", summary=s3_sentence, date="2024-05-01", place="Kharkiv",
               actors=("Delegations",), attribution=(Attribution("transport ministry", "claim"),),
               evidence=(span(t3, s3_sentence),), confidence=0.8)
    n120 = Quantity(value=120, kind="evacuated", text="120 residents", start=span(t1, "120 residents")[0],
                    end=span(t1, "120 residents")[1])
    n3 = Quantity(value=3, kind="injured", text="At least 3 people", start=span(t1, "At least 3 people")[0],
                  end=span(t1, "At least 3 people")[1], qualifier="at_least")
    n150 = Quantity(value=150, kind="evacuated", text="about 150 people", start=span(t2, "about 150 people")[0],
                    end=span(t2, "about 150 people")[1], qualifier="approximately")
    n4 = Quantity(value=4, kind="injured", text="4 people", start=span(t2, "4 people")[0],
                  end=span(t2, "4 people")[1])
    claim_words = "pumping stations would run through the night"
    c2 = Claim(text=claim_words, claimant="Hanna Koval", kind="claim", start=span(t2, claim_words)[0],
               end=span(t2, claim_words)[1], claimant_id=koval.id, cue="said")
    analyses = [
        Analysis(article=a1, entities=(koval,), quotes=(q1,), quantities=(n120, n3), places=(odesa,), events=(e1,),
                 pipeline_version=PIPELINE_VERSION),
        Analysis(article=a2, entities=(koval,), quotes=(q2,), claims=(c2,), quantities=(n150, n4), places=(odesa,),
                 events=(e2,), pipeline_version=PIPELINE_VERSION),
        Analysis(article=a3, places=(kharkiv,), events=(e3,), pipeline_version=PIPELINE_VERSION),
        Analysis(article=a4, entities=(koval,), quotes=(q1,), quantities=(n120, n3), places=(odesa,),
                 events=(e1,), pipeline_version=PIPELINE_VERSION),
    ]

    def fig(article: Article, q: Quantity, source: str) -> StoryFigure:
        return StoryFigure(kind=q.kind, value=q.value, source=source, article_id=article.id, qualifier=q.qualifier,
                           text=q.text, outlet=article.source, published=article.published, span=(q.start, q.end))

    figures = (fig(a1, n120, "city council"), fig(a1, n3, "regional health department"),
               fig(a2, n150, "regional governor"), fig(a2, n4, "officials"))
    s1 = Story(
        id="s" + content_id("odesa-flood", length=12), title=s1_sentence, types=("AID",), place="Odesa",
        lat=ODESA[0], lon=ODESA[1], start="2024-04-30", end="2024-04-30",
        first_seen=a1.published, updated=a2.published,
        articles=(StoryArticle(a1.id, a1.url, a1.source, title=a1.title, published=a1.published),
                  StoryArticle(a2.id, a2.url, a2.source, title=a2.title, published=a2.published),
                  StoryArticle(a4.id, a4.url, a4.source, copy_of=a1.id, title=a4.title, published=a4.published)),
        sources=("Harbour Post", "North Wire"), figures=figures,
        conflicts=("injured: at least 3 (regional health department, Harbour Post) vs 4 (officials, North Wire)",),
        claims=(LedgerEntry(text=claim_words, claimant="Hanna Koval", kind="claim", article_id=a2.id,
                            outlet="North Wire", chain=("Hanna Koval", "North Wire"), single_source=True,
                            span=(c2.start, c2.end)),),
        events=(f"{a1.id}/ev1", f"{a2.id}/ev1"), title_ref=(a1.id, *span(t1, s1_sentence)), confidence=0.8)
    s2 = Story(
        id="s" + content_id("kharkiv-talks", length=12), title=s3_sentence, types=("CONSULT",), place="Kharkiv",
        lat=KHARKIV[0], lon=KHARKIV[1], start="2024-05-01", end="2024-05-01", first_seen=a3.published,
        updated=a3.published, articles=(StoryArticle(a3.id, a3.url, a3.source, title=a3.title,
                                                     published=a3.published),),
        sources=("Global Desk",), events=(f"{a3.id}/ev1",), confidence=0.6)
    s3 = Story(
        id="s" + content_id("odesa-pumps", length=12), title=f"Hanna Koval said that {pump}", types=("AID",),
        place="Odesa", lat=ODESA[0], lon=ODESA[1], start="2024-05-01", end="2024-05-01", first_seen=a2.published,
        updated=a2.published, articles=(StoryArticle(a2.id, a2.url, a2.source, title=a2.title,
                                                     published=a2.published),),
        sources=("North Wire",), events=(f"{a2.id}/ev1",), confidence=0.5)
    fx.stories = {"odesa": s1, "kharkiv": s2, "pumps": s3}

    def cite(article: Article, words: str) -> Citation:
        start, end = span(article.text, words)
        return Citation(article_id=article.id, source=article.source, url=article.url, start=start, end=end)

    planted_item = f"Rescuers moved about 150 people out of low-lying streets in Odesa {PLANTED}"
    item1 = Item(text=s1_sentence, citations=(cite(a1, s1_sentence),), story_id=s1.id, event_types=("AID",),
                 date="2024-04-30", place="Odesa", lat=ODESA[0], lon=ODESA[1], attribution=("the city council",),
                 conflicts=s1.conflicts, new=True, score=0.8, figures=figures)
    item2 = Item(text=planted_item, citations=(cite(a2, s2_sentence),), story_id=s3.id, event_types=("AID",),
                 date="2024-05-01", place="Odesa", lat=ODESA[0], lon=ODESA[1], new=False, score=0.5)
    item3 = Item(text=s3_sentence + ".", citations=(cite(a3, s3_sentence),), story_id=s2.id,
                 event_types=("CONSULT",), date="2024-05-01", place="Kharkiv", lat=KHARKIV[0], lon=KHARKIV[1],
                 attribution=("the transport ministry",), new=True, score=0.6)
    brief = Briefing(
        topic="all", window_start="2024-04-30T12:00:00+00:00", window_end="2024-05-02T12:00:00+00:00",
        generated_at="2024-05-02T12:00:00+00:00", headline="Emergency crews evacuated 120 residents from "
        "flooded districts of Odesa", lead="At least 3 people were injured, according to the regional health "
        "department.",
        sections=(BriefSection("Key developments", (item1, item3)), BriefSection("Other developments", (item2,))),
        quotes=(BriefQuote(text=quote_words, speaker="Hanna Koval", article_id=a1.id, source=a1.source,
                           url=a1.url, start=q1.start, end=q1.end, story_id=s1.id),),
        sources=tuple(SourceRef(a.id, a.source, a.url, a.title, a.published) for a in (a1, a2, a3)),
        id="b" + content_id("fixture-brief", length=12),
        headline_citations=(cite(a1, "Emergency crews evacuated 120 residents from flooded districts of Odesa"),),
        lead_citations=(cite(a1, "At least 3 people were injured, according to the regional health department."),),
        headline_story_id=s1.id)
    fx.brief_id = brief.id

    with open_store(path) as store:
        for article in (a1, a2, a3, a4):
            store.add_article(article)
        store.set_copies([CopyLink(a4.id, a1.id, "exact")])
        for analysis in analyses:
            store.add_analysis(analysis)
        store.save_stories([s1, s2, s3])
        save_brief(store, brief)
        store.add_feed("https://harbourpost.example/rss.xml", title="Harbour Post")
        store.record_feed_fetch("https://harbourpost.example/rss.xml", status=200, items=2)
        store.add_failure(Failure("fetch", "https://broken.example/feed", "http_status", "HTTP 500 after 3 retries"))
    return fx


@pytest.fixture(scope="session")
def fixture_store(tmp_path_factory: pytest.TempPathFactory) -> Fixture:
    """The fixture store, built once; tests that write use ``writable`` instead."""
    return build_store(tmp_path_factory.mktemp("web") / "store.db")


def settings_for(path: Path, **overrides: Any) -> Settings:
    return DEFAULTS.with_overrides({"store.path": str(path), **overrides})


@pytest.fixture()
def make_settings() -> Any:
    """Settings over a store file, with overrides: ``make_settings(path, **{"web.token": "x"})``."""
    return settings_for


@pytest.fixture()
def client(fixture_store: Fixture) -> Iterator[Any]:
    """A read-only client (no token configured, so writes are disabled)."""
    from fastapi.testclient import TestClient

    from livebrief.web import create_app

    with TestClient(create_app(settings_for(fixture_store.path))) as test_client:
        yield test_client


@pytest.fixture()
def writable(fixture_store: Fixture, tmp_path: Path) -> Fixture:
    """A private copy of the fixture store for a test that writes."""
    path = tmp_path / "store.db"
    with sqlite3.connect(fixture_store.path) as source, sqlite3.connect(path) as target:
        source.backup(target)  # a WAL-safe copy
    return Fixture(path=path, articles=fixture_store.articles, stories=fixture_store.stories,
                   person_id=fixture_store.person_id, place_id=fixture_store.place_id,
                   brief_id=fixture_store.brief_id)
