"""Composing a briefing: headline, lead, sections, one item per story, novelty, quotes of the day."""

from __future__ import annotations

import dataclasses

import pytest
from briefkit import NOW, WINDOW, Corpus, build_corpus, event, figure, quantity, quote, span_of, story

from livebrief.brief import BriefOptions, NothingToBrief, compose_brief
from livebrief.brief.options import KEY_SECTION
from livebrief.brief.records import items_of
from livebrief.brief.text import clean_space, is_subsequence, words
from livebrief.model import Attribution, Claim, TimeExpr
from livebrief.topics import Topic


def compose(corpus: Corpus, **kw):
    kw.setdefault("topic", "all")
    kw.setdefault("window", WINDOW)
    kw.setdefault("now", NOW)
    return compose_brief(corpus.stories, corpus.analyses, **kw)


def cited_text(corpus: Corpus, citation) -> str:
    return corpus.articles[citation.article_id].text[citation.start:citation.end]


def test_headline_and_lead_are_the_top_storys_source_sentences(corpus):
    brief = compose(corpus)
    assert brief.headline_story_id == "s-port"  # two outlets and casualties lead
    assert brief.headline == "Two drones struck the grain terminal at Port Selna overnight, regional governor " \
                             "Petra Ilieva said"
    (citation,) = brief.headline_citations
    assert citation.source == "Harbour Post" and citation.url == "https://harbourpost.example/port-1"
    assert is_subsequence(words(brief.headline), words(cited_text(corpus, citation)))
    # the lead is whole source sentences, each cited, in order
    assert brief.lead == " ".join(clean_space(cited_text(corpus, c)) for c in brief.lead_citations)
    assert [c.source for c in brief.lead_citations] == ["Harbour Post", "North Wire"]


def test_the_lead_hears_each_report_once():
    c = Corpus()
    own = ("Troops pulled back from the river town of Brask on Friday, the army said. "
           "The withdrawal followed a week of shelling.\n\nSeparately, the navy held drills in the north.")
    other = ("The army confirmed its units had left Brask overnight. "
             "Farther south, a bridge near Oltra was reopened to traffic.")
    a1 = c.article("b1", own, outlet="North Wire", published="2024-05-02T09:00:00+00:00")
    a2 = c.article("b2", other, outlet="Global Desk", published="2024-05-02T11:00:00+00:00")
    e1 = event(a1, own.split(" The withdrawal")[0], type="RETREAT")
    e1b = event(a1, "Separately, the navy held drills in the north.", id="e2", type="MOBILIZE")
    e2 = event(a2, other.split(" Farther")[0], type="RETREAT")
    e2b = event(a2, "Farther south, a bridge near Oltra was reopened to traffic.", id="e2", type="RETREAT")
    c.analyse(a1, events=[e1, e1b])
    c.analyse(a2, events=[e2, e2b])
    c.stories = [story("s-brask", [(a1, e1), (a1, e1b), (a2, e2), (a2, e2b)])]
    brief = compose(c)
    # the other outlet's account, then the title's own next sentence; neither report's other developments
    assert brief.lead == ("The army confirmed its units had left Brask overnight. "
                          "The withdrawal followed a week of shelling.")


def test_a_quote_that_points_back_does_not_head_the_briefing():
    c = Corpus()
    title = "Rebels retook the last town held by the militia on Saturday, the monitors said."
    pointing = "The minister has banned such cash transfers to ensure there was “no risk of diversion”."
    a1 = c.article("t1", title, outlet="North Wire", published="2024-05-02T10:00:00+00:00")
    a2 = c.article("t2", pointing, outlet="Global Desk", published="2024-05-02T11:00:00+00:00")
    e1, e2 = event(a1, title), event(a2, pointing, type="SANCTION")
    c.analyse(a1, events=[e1])
    c.analyse(a2, events=[e2])
    c.stories = [story("s-town", [(a1, e1), (a2, e2)])]
    # a quote would head the briefing, but "such cash transfers" names a kind the reader never saw
    assert compose(c).headline == "Rebels retook the last town held by the militia on Saturday, the monitors said"


def test_the_lead_takes_the_newest_accounts_without_datelines_or_dangling_pronouns():
    c = Corpus()
    accounts = [  # (outlet, hour, text): the title's report first, then later ones
        ("Harbour Post", 6, "Shelling hit the port of Varna Nova before dawn, the mayor said."),
        ("North Wire", 8, "Rescuers pulled two people from the rubble of a warehouse near the docks."),
        ("East Bulletin", 12, "VARNA NOVA — The death toll from the overnight bombardment rose to four by noon, "
                              "officials said."),
        ("Global Desk", 13, "Its navy said the shells had come from ships offshore."),
    ]
    pairs = []
    for n, (outlet, hour, text) in enumerate(accounts):
        article = c.article(f"v{n}", text, outlet=outlet, published=f"2024-05-02T{hour:02d}:00:00+00:00")
        pairs.append((article, event(article, text)))
        c.analyse(article, events=[pairs[-1][1]])
    c.stories = [story("s-varna", pairs)]
    brief = compose(c)
    # the newest account leads, its dateline left out; "Its navy" would name no one out of its article
    assert brief.lead == ("The death toll from the overnight bombardment rose to four by noon, officials said. "
                          "Rescuers pulled two people from the rubble of a warehouse near the docks.")
    assert [citation.source for citation in brief.lead_citations] == ["East Bulletin", "North Wire"]
    assert brief.lead == " ".join(clean_space(cited_text(c, citation)) for citation in brief.lead_citations)


def test_an_item_is_attributed_to_who_its_own_sentence_names():
    c = Corpus()
    first = "The siege of the old town is days from its end, rebel commanders said."
    second = "A monitor said the defenders had fired on families trying to leave."
    article = c.article("siege", f"{first} {second}", outlet="North Wire", published="2024-05-02T10:00:00+00:00")
    claims = tuple(Claim(text=text, claimant=who, kind="claim", start=article.text.index(text),
                         end=article.text.index(text) + len(text), cue="said")
                   for text, who in ((first, "rebel commanders"), (second, "A monitor")))
    told = dataclasses.replace(event(article, first),
                               evidence=(span_of(article.text, first), span_of(article.text, second)),
                               attribution=(Attribution("rebel commanders", "claim"),
                                            Attribution("A monitor", "claim")))
    c.analyses[article.id] = dataclasses.replace(c.analyse(article, events=[told]), claims=claims)
    c.stories = [story("s-siege", [(article, told)])]
    [(_, item)] = items_of(compose(c))
    assert item.attribution == ("rebel commanders",)  # the monitor speaks for the next sentence, not shown


def test_an_item_is_not_attributed_to_a_dispute_its_shortening_cut():
    c = Corpus()
    claim = "The palace declared that the rebels no longer hold any town in the north"
    dispute = "the claim was disputed by the rebels' own commanders"
    sentence = f"{claim}, but {dispute}."
    article = c.article("north", sentence, outlet="North Wire", published="2024-05-02T10:00:00+00:00")
    told = dataclasses.replace(event(article, sentence, summary=claim),
                               attribution=(Attribution("The palace", "claim"), Attribution("rebel commanders",
                                                                                            "denial")))
    claims = (Claim(text=claim, claimant="The palace", kind="claim", start=0, end=len(claim), cue="declared"),
              Claim(text=dispute, claimant="rebel commanders", kind="denial", start=sentence.index(dispute),
                    end=sentence.index(dispute) + len(dispute), cue="disputed"))
    c.analyses[article.id] = dataclasses.replace(c.analyse(article, events=[told]), claims=claims)
    c.stories = [story("s-north", [(article, told)])]
    [(_, item)] = items_of(compose(c))
    assert item.text == claim and item.attribution == ("The palace",)


def test_every_item_is_a_cited_source_sentence_with_its_attribution(corpus):
    brief = compose(corpus)
    for _, item in items_of(brief):
        first = item.citations[0]
        assert is_subsequence(words(item.text), words(cited_text(corpus, first)))
        assert first.article_id in corpus.articles and first.url and first.source
    port = next(i for _, i in items_of(brief) if i.story_id == "s-port")
    assert port.attribution == ("Petra Ilieva",)
    assert [c.source for c in port.citations] == ["Harbour Post", "North Wire"]  # every original source
    assert port.conflicts and "Figures differ" in port.conflicts[0]
    assert {f.text for f in port.figures} == {"At least 14 people", "at least twelve people"}


def test_a_bare_head_count_stays_in_the_story_not_the_item(corpus):
    port = next(s for s in corpus.stories if s.id == "s-port")
    article = corpus.articles[port.articles[0].article_id]
    vague = figure(article, quantity(article, "four", 4, "people"), "Petra Ilieva")  # "four of them seriously"
    stories = [dataclasses.replace(s, figures=s.figures + (vague,)) if s.id == "s-port" else s
               for s in corpus.stories]
    brief = compose_brief(stories, corpus.analyses, topic="all", window=WINDOW, now=NOW)
    item = next(i for _, i in items_of(brief) if i.story_id == "s-port")
    assert {f.text for f in item.figures} == {"At least 14 people", "at least twelve people"}


def test_one_item_per_story_and_key_developments_first(corpus):
    brief = compose(corpus)
    ids = [item.story_id for _, item in items_of(brief)]
    assert len(ids) == len(set(ids)) == 4
    assert brief.sections[0].title == KEY_SECTION
    assert brief.sections[0].items[0].story_id == "s-port"


def test_sections_follow_event_types(corpus):
    brief = compose(corpus, options=BriefOptions(key_items=1))
    layout = {s.title: [i.story_id for i in s.items] for s in brief.sections}
    assert layout == {KEY_SECTION: ["s-port"], "Diplomacy": ["s-talks"], "Aid and weapons": ["s-aid"],
                      "Protest": ["s-march"]}
    assert [s.title for s in brief.sections] == [KEY_SECTION, "Diplomacy", "Aid and weapons", "Protest"]


def more_talks(corpus: Corpus, count: int) -> None:
    """Extra diplomacy stories, each its own sentence, to exercise caps."""
    cities = ["Vienna", "Oslo", "Tallinn", "Riga", "Valletta", "Lisbon", "Dublin"]
    for n, city in enumerate(cities[:count]):
        text = f"Envoys of Aldria and Norland met in {city} on Tuesday for round {n + 2} of the border talks."
        article = corpus.article(f"talks-{city}", text, outlet="Global Desk",
                                 published=f"2024-05-02T0{n % 9}:15:00+00:00")
        e = event(article, text, type="CONSULT", actors=("Aldria",))
        corpus.analyse(article, events=[e])
        corpus.stories.append(story(f"s-talks-{city}", [(article, e)]))


def test_caps_per_section(corpus):
    more_talks(corpus, 6)
    brief = compose(corpus, options=BriefOptions(key_items=2, section_items=3))
    counts = {s.title: len(s.items) for s in brief.sections}
    assert counts[KEY_SECTION] == 2 and counts["Diplomacy"] == 3
    shown = [i.story_id for _, i in items_of(brief)]
    assert len(shown) == len(set(shown))


def test_two_stories_told_by_the_same_sentence_give_one_item(corpus):
    twin = dataclasses.replace(corpus.stories[1], id="s-talks-twin", sources=("Global Desk", "North Wire"))
    corpus.stories.append(twin)
    brief = compose(corpus)
    texts = [i.text for _, i in items_of(brief)]
    assert len(texts) == len(set(texts))
    assert sum(i.story_id in {"s-talks", "s-talks-twin"} for _, i in items_of(brief)) == 1


@pytest.mark.parametrize("title", [
    "Estmark pledged $300 million to Norland",                                 # a changed figure
    "Estmark pledged an air defence package worth $250 to Norland",            # a dropped scale word
    "Estmark pledged an “air defence package worth $250 million to Norland",   # a quotation cut in half
])
def test_a_title_that_cannot_be_proven_falls_back_to_the_whole_sentence(corpus, title):
    corpus.stories[2] = dataclasses.replace(corpus.stories[2], title=title)
    brief = compose(corpus)
    aid = next(i for _, i in items_of(brief) if i.story_id == "s-aid")
    assert aid.text == ("Estmark pledged an air defence package worth $250 million to Norland, its defence "
                        "ministry said on Thursday.")


def test_new_against_the_previous_briefing(corpus):
    first = compose(corpus)
    assert all(item.new for _, item in items_of(first))  # nothing was briefed before
    more_talks(corpus, 1)
    second = compose(corpus, previous=first, now="2024-05-02T18:30:00+00:00")
    new = {i.story_id for _, i in items_of(second) if i.new}
    assert new == {"s-talks-Vienna"}
    assert second.previous_id == first.id and second.id != first.id


def test_window_and_topic_select_stories(corpus):
    brief = compose(corpus, window=("2024-05-02T00:00:00+00:00", NOW))
    assert "s-march" not in {i.story_id for _, i in items_of(brief)}
    talks = compose(corpus, topic=Topic(name="talks", include=("Geneva",)))
    assert talks.topic == "talks"
    assert [i.story_id for _, i in items_of(talks)] == ["s-talks"]
    assert talks.headline_story_id == "s-talks"


def test_nothing_to_brief_is_an_error_not_an_empty_page(corpus):
    with pytest.raises(NothingToBrief, match="nothing to brief"):
        compose(corpus, window=("2024-06-01T00:00:00+00:00", "2024-06-02T00:00:00+00:00"))


def test_quotes_of_the_day_carry_speaker_and_citation(corpus):
    brief = compose(corpus)
    assert [(q.speaker, q.source) for q in brief.quotes] == [("Petra Ilieva", "Harbour Post"),
                                                              ("Tomas Brenner", "Global Desk")]
    for q in brief.quotes:
        text = corpus.articles[q.article_id].text
        assert text[q.start:q.end] == q.text
        assert q.story_id in {"s-port", "s-talks"}


def test_quotes_the_text_does_not_hold_in_quotation_marks_are_left_out(corpus):
    talks = corpus.analyses[corpus.stories[1].articles[0].article_id]
    article = talks.article
    bad = dataclasses.replace(quote(article, "agreed to reopen border talks", "Tomas Brenner"))
    indirect = quote(article, "This is a first step, not a final settlement", "Someone Else", kind="indirect")
    corpus.analyses[article.id] = dataclasses.replace(talks, quotes=(bad, indirect))
    brief = compose(corpus)
    assert [q.speaker for q in brief.quotes] == ["Petra Ilieva"]


def test_long_headline_is_cut_after_its_main_clause():
    corpus = build_corpus()
    brief = compose(corpus, options=BriefOptions(headline_max_words=12))
    assert brief.headline == "Two drones struck the grain terminal at Port Selna overnight"


def test_headline_prefers_a_summary_with_a_quote_from_the_top_story():
    corpus = Corpus()
    text = ("Governor Petra Ilieva said the strike on Port Selna was “an attack on bread itself” and vowed to "
            "rebuild. Two drones hit the grain terminal overnight, injuring 14 people.")
    article = corpus.article("q", text, outlet="Harbour Post", published="2024-05-02T08:00:00+00:00")
    plain = event(article, text.split(" Governor")[0].split(". ")[1], id="e1")
    quoted = event(article, text.split(". Two")[0] + ".", id="e2", type="ACCUSE",
                   summary="Governor Petra Ilieva said the strike on Port Selna was “an attack on bread itself”")
    corpus.analyse(article, events=[plain, quoted])
    corpus.stories = [story("s", [(article, plain), (article, quoted)])]
    brief = compose(corpus)
    assert brief.headline == "Governor Petra Ilieva said the strike on Port Selna was “an attack on bread itself”"
    assert brief.headline_citations[0].start == 0


def test_a_quote_the_report_recalls_from_long_ago_makes_no_headline():
    corpus = Corpus()
    text = ("Two drones hit the grain terminal at Port Selna overnight, injuring 14 people. "
            "In 2014 the governor called the first such strike “an attack on bread itself”.")
    article = corpus.article("q", text, outlet="Harbour Post", published="2024-05-02T08:00:00+00:00")
    plain = event(article, text.split(". In")[0] + ".", id="e1")
    recalled = event(article, text.split(". ")[1], id="e2", type="ACCUSE")
    analysis = corpus.analyse(article, events=[plain, recalled])
    when = text.index("In 2014")
    corpus.analyses[article.id] = dataclasses.replace(
        analysis, times=(TimeExpr("In 2014", "2014-01-01", when, when + 7),))
    corpus.stories = [story("s", [(article, plain), (article, recalled)])]
    assert compose(corpus).headline == "Two drones hit the grain terminal at Port Selna overnight, injuring 14 people"


def test_options_from_settings_fall_back_to_defaults():
    from livebrief.settings import DEFAULTS, Settings

    assert BriefOptions.from_settings(DEFAULTS) == BriefOptions()
    tuned = Settings(values={**DEFAULTS.values, "brief.key_items": "3", "brief.half_life_hours": 6})
    assert (BriefOptions.from_settings(tuned).key_items, BriefOptions.from_settings(tuned).half_life_hours) == (3, 6.0)


def test_an_item_lists_tolls_before_measures_of_time_and_distance():
    from livebrief.brief.records import listed_figures
    from livebrief.model import StoryFigure

    told = [StoryFigure(kind=kind, value=1.0, source="Wire", article_id="a") for kind in
            ("duration", "distance", "people", "money", "killed", "weapons")]
    assert [f.kind for f in listed_figures(told)] == ["killed", "money", "weapons", "duration", "distance"]
