"""What changed between briefings: new stories, revised figures, corrections; and its Atom feed."""

from __future__ import annotations

import dataclasses
import xml.etree.ElementTree as ET

import feedparser
from briefkit import NOW, WINDOW, PORT_1, build_corpus, event, figure, quantity, story

from livebrief.brief import compose_brief, find_changes, render_atom, render_md
from livebrief.brief.atom import ATOM
from livebrief.brief.render_md import render_changes_md

LATER = "2024-05-02T20:00:00+00:00"


def revised_corpus():
    """The port story after the governor raised her count from 14 to 19, plus a new story."""
    corpus = build_corpus()
    text = PORT_1.replace("At least 14 people", "At least 19 people")
    article = corpus.article("port-1", text, outlet="Harbour Post", published="2024-05-02T19:00:00+00:00",
                             title="Drones strike Port Selna grain terminal")
    q = quantity(article, "At least 19 people", 19, "injured", qualifier="at_least")
    e = event(article, text.split(" At least")[0], actors=("Petra Ilieva",), quantities=(0,),
              said_by="Petra Ilieva", place="Port Selna")
    corpus.analyse(article, events=[e], quantities=[q])
    port = corpus.stories[0]
    north_wire = port.figures[1]
    corpus.stories[0] = dataclasses.replace(
        story("s-port", [(article, e)], figures=[figure(article, q, "Petra Ilieva"), north_wire],
              place="Port Selna", lat=43.2, lon=27.9),
        articles=(*port.articles, *story("x", [(article, e)]).articles))
    text = "Norland's parliament approved a new defence budget on Thursday by a wide margin."
    vote = corpus.article("vote", text, outlet="North Wire", published="2024-05-02T19:30:00+00:00")
    v = event(vote, text, type="AGREE", actors=("Norland",))
    corpus.analyse(vote, events=[v])
    corpus.stories.append(story("s-vote", [(vote, v)]))
    return corpus


def briefs():
    before = build_corpus()
    first = compose_brief(before.stories, before.analyses, topic="all", window=WINDOW, now=NOW)
    after = revised_corpus()
    second = compose_brief(after.stories, after.analyses, topic="all", window=(WINDOW[0], LATER), now=LATER,
                           previous=first)
    return first, second


def test_first_briefing_has_only_new_stories():
    first, _ = briefs()
    changes = find_changes(first, None)
    assert changes.previous_id is None
    assert len(changes.new_stories) == 4 and not changes.revisions and not changes.corrections


def test_new_stories_revised_figures_and_corrections():
    first, second = briefs()
    changes = find_changes(second, first)
    assert changes.previous_id == first.id
    assert [i.story_id for i in changes.new_stories] == ["s-vote"]
    (revision,) = changes.revisions
    assert revision.story_id == "s-port"
    assert {f.value for f in revision.before} == {14, 12} and {f.value for f in revision.after} == {19, 12}
    (correction,) = changes.corrections
    assert (correction.source, correction.kind, correction.old.value, correction.new.value) == \
        ("Petra Ilieva", "injured", 14, 19)


def test_nothing_changed():
    first, _ = briefs()
    corpus = build_corpus()
    again = compose_brief(corpus.stories, corpus.analyses, topic="all", window=WINDOW, now=NOW, previous=first)
    changes = find_changes(again, first)
    assert changes.empty
    assert "Nothing new since the previous briefing." in render_changes_md(changes, again)


def test_changes_in_markdown():
    first, second = briefs()
    md = render_md(second, changes=find_changes(second, first))
    assert "## What changed" in md
    assert "**New story:** Norland's parliament approved a new defence budget" in md
    assert "**Figures revised:**" in md and "injured: At least 14 people" in md
    assert "**Correction:** Petra Ilieva now gives At least 19 people (injured), not At least 14 people" in md


def test_atom_lists_the_changes():
    first, second = briefs()
    xml = render_atom(second, find_changes(second, first))
    root = ET.fromstring(xml)
    titles = [e.find(f"{{{ATOM}}}title").text for e in root.findall(f"{{{ATOM}}}entry")]
    assert titles[0].startswith("Norland's parliament approved")
    assert titles[1].startswith("Figures revised: Two drones struck")
    assert titles[2] == "Correction: Petra Ilieva now gives At least 19 people (injured), not At least 14 people"
    parsed = feedparser.parse(xml)
    assert parsed.bozo == 0 and len(parsed.entries) == 3
    assert parsed.entries[0].link == "https://northwire.example/vote"
    # entry ids are stable: the same change gives the same id in a re-run
    assert render_atom(second, find_changes(second, first)) == xml
