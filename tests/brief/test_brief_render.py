"""Renderers: Markdown, a standalone HTML page that escapes untrusted text, contract JSON, Atom."""

from __future__ import annotations

import dataclasses
import json
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import feedparser
import jsonschema
import pytest
from briefkit import NOW, WINDOW, Corpus, build_corpus, event, story

from livebrief.brief import (
    BriefOptions, check_brief, compose_brief, find_changes, from_contract, render_atom, render_body, render_html,
    render_json, render_md,
)
from livebrief.brief.atom import ATOM
from livebrief.brief.records import describe_figure
from livebrief.brief.render_json import brief_json
from livebrief.model import StoryFigure

PLANTED = 'Estmark pledged <script>alert("owned")</script> an air defence package & more to Norland.'


@pytest.fixture()
def brief():
    corpus = build_corpus()
    return compose_brief(corpus.stories, corpus.analyses, topic="all", window=WINDOW, now=NOW,
                         options=BriefOptions(key_items=2))


def hostile() -> tuple[Corpus, object]:
    """A briefing whose sources carry markup, a javascript: URL and a hostile outlet name."""
    corpus = build_corpus()
    article = corpus.article("evil", PLANTED, outlet='<img src=x onerror=alert(1)>', published=NOW,
                             title="<script>alert('title')</script>")
    article = dataclasses.replace(article, url="javascript:alert(1)")
    e = event(article, PLANTED, type="AID", actors=("Estmark",))
    corpus.analyse(article, events=[e])
    corpus.stories.append(story("s-evil", [(article, e)], place="<b>Selna</b>", lat=44.0, lon=28.0))
    brief = compose_brief(corpus.stories, corpus.analyses, topic="all", window=WINDOW, now=NOW)
    assert check_brief(brief, articles=corpus.articles, analyses=corpus.analyses) == []  # markup is just words
    return corpus, brief


def test_markdown_has_the_shape_of_a_briefing(brief):
    md = render_md(brief)
    lines = md.splitlines()
    assert lines[0].startswith("# Two drones struck the grain terminal at Port Selna") and lines[0].endswith("[1]")
    assert "Here's the latest from 4 sources." in md
    assert "## Key developments" in md
    assert "## Aid and weapons" in md and "## Protest" in md
    assert "Where sources disagree: Figures differ" in md
    assert "## Quotes of the day" in md and "— Petra Ilieva, Harbour Post [1]" in md
    assert "## Sources" in md and "[1]: <https://harbourpost.example/port-1>" in md
    # the headline story is told by the headline and lead, not repeated as an item
    assert md.count("Two drones struck the grain terminal") == 2


def test_a_toll_revision_is_shown_apart_from_disagreements():
    corpus = build_corpus()
    port = corpus.stories[0]
    revised = dataclasses.replace(port, conflicts=(), revisions=(
        "Toll rose: at least 12 injured, says the port authority (North Wire); then at least 14 injured, says "
        "Petra Ilieva <b>(Harbour Post)</b>",))
    brief = compose_brief([revised, *corpus.stories[1:]], corpus.analyses, topic="all", window=WINDOW, now=NOW)
    md = render_md(brief)
    assert "- Toll rose: at least 12 injured" in md and "Where sources disagree" not in md
    page = render_html(brief)
    assert "Toll rose: at least 12 injured" in page and "&lt;b&gt;(Harbour Post)&lt;/b&gt;" in page


def test_markdown_escapes_markup_from_sources():
    _, brief = hostile()
    md = render_md(brief)
    assert "<script>" not in md and "\\<script\\>" in md
    assert "javascript:" not in md


class Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def test_html_is_a_standalone_page_that_renders_planted_script_as_text():
    _, brief = hostile()
    page = render_html(brief)
    parser = Elements()
    parser.feed(page)
    tags = [t for t, _ in parser.tags]
    assert page.startswith("<!doctype html>") and "<style>" in page
    assert "script" not in tags and "img" not in tags
    assert "&lt;script&gt;alert(&#34;owned&#34;)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    for tag, attrs in parser.tags:
        assert not any(k.startswith("on") for k in attrs), tag
        if tag == "a":
            assert attrs["href"].startswith(("#", "http://", "https://"))
        assert tag not in {"link", "iframe", "object", "embed"}
        assert not (attrs.get("src") or "").startswith(("http", "//"))
    assert "javascript:" not in page
    assert "default-src 'none'" in page  # and the page forbids scripts outright


def test_html_body_has_slots_map_and_timeline(brief):
    body = str(render_body(brief))
    assert body.startswith("<article") and "<html" not in body
    assert 'data-slot="map"' in body and 'data-slot="timeline"' in body
    assert body.count("<circle") >= 3  # two places on the map, dated items on the timeline
    assert "Port Selna" in body and "Geneva" in body
    assert 'href="#src-1"' in body and 'id="src-1"' in body


def body_with_meetings_at(lat: float, places: dict[str, float]) -> str:
    """The rendered body of the sample briefing with one more meeting story at each place (name -> longitude)."""
    corpus = build_corpus()
    for key, lon in places.items():
        article = corpus.article(key, f"Officials met in {key} on Tuesday.", outlet="Wire", published=NOW)
        e = event(article, article.text, type="CONSULT", actors=("Estmark",))
        corpus.analyse(article, events=[e])
        corpus.stories.append(story(f"s-{key}", [(article, e)], place=key, lat=lat, lon=lon))
    brief = compose_brief(corpus.stories, corpus.analyses, topic="all", window=WINDOW, now=NOW,
                          options=BriefOptions(key_items=8))
    return str(render_body(brief))


def test_a_map_spanning_the_globe_still_draws():
    # Stories from Arizona to the Russian Far East span more than 240 degrees of longitude.
    body = body_with_meetings_at(40.0, {"far-west": -111.7, "far-east": 128.3})
    assert 'data-slot="map"' in body and "far-west" in body and "far-east" in body


def test_map_labels_that_would_overlap_are_spared():
    # Two places a few kilometres apart: both dots are drawn, one name is, and both stay in the tooltips.
    body = body_with_meetings_at(50.0, {"Alpha-town": 30.50, "Beta-town": 30.52})
    svg = body[body.index('data-slot="map"'):]
    labels = [name for name in ("Alpha-town", "Beta-town") if f">{name}</text>" in svg]
    assert len(labels) == 1 and "<title>Alpha-town" in svg and "<title>Beta-town" in svg


def test_json_validates_against_the_contract(brief, shared):
    schema = json.loads((shared / "contract" / "briefing.schema.json").read_text())
    data = json.loads(render_json(brief))
    jsonschema.validate(data, schema)
    citation = data["sections"][0]["items"][0]["citations"][0]
    assert set(citation) >= {"article_id", "url", "source", "start", "end"}
    assert data["headline_citations"][0]["url"] == "https://harbourpost.example/port-1"
    with_changes = brief_json(brief, changes=find_changes(brief, None))
    jsonschema.validate(with_changes, schema)


def test_json_round_trips(brief):
    again = from_contract(json.loads(render_json(brief)))
    assert again == brief


def test_atom_is_valid_and_escapes_everything():
    _, brief = hostile()
    xml = render_atom(brief, find_changes(brief, None), feed_url="https://brief.example/feed.atom")
    root = ET.fromstring(xml.encode("utf-8"))
    assert root.tag == f"{{{ATOM}}}feed"
    for name in ("id", "title", "updated", "author"):
        assert root.find(f"{{{ATOM}}}{name}") is not None
    entries = root.findall(f"{{{ATOM}}}entry")
    assert len(entries) == 5  # every item is new in a first briefing
    ids = set()
    for entry in entries:
        for name in ("id", "title", "updated", "content"):
            assert entry.find(f"{{{ATOM}}}{name}") is not None
        ids.add(entry.find(f"{{{ATOM}}}id").text)
        for link in entry.findall(f"{{{ATOM}}}link"):
            assert link.get("href").startswith("https://")
    assert len(ids) == 5
    parsed = feedparser.parse(xml)
    assert parsed.bozo == 0 and parsed.version == "atom10"
    assert len(parsed.entries) == 5
    evil = next(e for e in parsed.entries if "<script>" in e.title)
    assert evil.title == PLANTED and not evil.get("links")  # the javascript: URL was not linked


def test_a_figure_names_what_it_counts_when_its_words_do_not():
    def shown(kind, text, object):
        return describe_figure(StoryFigure(kind=kind, value=7, source="the ministry", article_id="a", text=text,
                                           object=object, outlet="Northwire"))
    assert shown("weapons", "seven", "cruise missiles") == "weapons: seven cruise missiles — the ministry (Northwire)"
    assert shown("ships", "a large landing ship", "large landing ship") == \
        "ships: a large landing ship — the ministry (Northwire)"
    assert shown("money", "$7m", "military aid") == "money: $7m — the ministry (Northwire)"  # a purpose, not a count
