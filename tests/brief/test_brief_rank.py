"""Salience: sources, recency, casualties, novelty and prominent actors move a story up."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timezone

from briefkit import build_corpus

from livebrief.brief.rank import rank_stories
from livebrief.model import StoryArticle, StoryFigure

NOW = datetime(2024, 5, 2, 18, tzinfo=timezone.utc)


def base():
    """Two otherwise equal stories, both updated at noon with one source and no figures."""
    corpus = build_corpus()
    template = dataclasses.replace(corpus.stories[1], figures=(), conflicts=(), updated="2024-05-02T12:00:00+00:00")
    return dataclasses.replace(template, id="a"), dataclasses.replace(template, id="b")


def order(stories, **kw):
    kw.setdefault("actors", {})
    return [s.id for s, _ in rank_stories(stories, now=NOW, **kw)]


def test_more_unique_sources_rank_higher():
    a, b = base()
    b = dataclasses.replace(b, sources=("Global Desk", "North Wire", "East Bulletin"))
    assert order([a, b]) == ["b", "a"]


def test_more_reports_from_one_outlet_rank_higher_but_below_another_outlet():
    a, b = base()
    reports = tuple(StoryArticle(article_id=f"r{n}", url=f"https://globaldesk.example/r{n}", source="Global Desk",
                                 title=f"report {n}", published="2024-05-02T12:00:00+00:00") for n in range(4))
    followed = dataclasses.replace(b, articles=reports)  # four reports of one paper: a story it keeps following
    assert order([a, followed]) == ["b", "a"]
    second_outlet = dataclasses.replace(a, sources=("Global Desk", "North Wire"))
    assert order([second_outlet, followed]) == ["a", "b"]


def test_more_recent_ranks_higher():
    a, b = base()
    a = dataclasses.replace(a, updated="2024-05-02T02:00:00+00:00")
    assert order([a, b]) == ["b", "a"]


def test_casualties_rank_higher():
    a, b = base()
    killed = StoryFigure(kind="killed", value=9, source="police", article_id="x")
    a = dataclasses.replace(a, figures=(killed,))
    assert order([b, a]) == ["a", "b"]


def test_a_story_already_briefed_with_the_same_figures_ranks_lower():
    a, b = base()
    assert order([a, b], previous_figures={"a": ()}) == ["b", "a"]
    revised = StoryFigure(kind="money", value=3e6, source="ministry", article_id="x")
    b_revised = dataclasses.replace(b, figures=(revised,))
    scores = {s.id: sal for s, sal in rank_stories([a, b_revised], actors={}, now=NOW,
                                                   previous_figures={"a": (), "b": ()})}
    assert scores["b"].novelty == 0.5 and scores["a"].novelty == 0.0


def test_prominent_actors_rank_higher():
    a, b = base()
    others = [dataclasses.replace(a, id=f"o{n}", updated="2024-04-01T00:00:00+00:00") for n in range(3)]
    actors = {"a": ["Quiet Mayor"], "b": ["President Vale"], **{o.id: ["President Vale"] for o in others}}
    ranked = order([a, b, *others], actors=actors)
    assert ranked.index("b") < ranked.index("a")


def test_copies_do_not_count_as_sources():
    a, b = base()
    copies = tuple(StoryArticle(article_id=f"c{n}", url=None, source=f"Aggregator {n}", copy_of="x") for n in range(4))
    a = dataclasses.replace(a, sources=("Global Desk",), articles=a.articles + copies)
    scores = {s.id: sal.sources for s, sal in rank_stories([a, b], actors={}, now=NOW)}
    assert scores["a"] == scores["b"]
