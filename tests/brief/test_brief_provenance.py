"""The provenance check passes a faithful briefing and catches every kind of drift from the sources."""

from __future__ import annotations

import dataclasses

import pytest
from briefkit import NOW, WINDOW, build_corpus

from livebrief.brief import BriefOptions, ProvenanceError, check_brief, compose_brief, ensure_publishable
from livebrief.brief.records import items_of
from livebrief.errors import LivebriefError
from livebrief.model import Citation


@pytest.fixture()
def setup():
    corpus = build_corpus()
    brief = compose_brief(corpus.stories, corpus.analyses, topic="all", window=WINDOW, now=NOW)
    return corpus, brief


def check(corpus, brief):
    return check_brief(brief, articles=corpus.articles, analyses=corpus.analyses)


def replace_item(brief, story_id, **changes):
    sections = tuple(dataclasses.replace(s, items=tuple(dataclasses.replace(i, **changes) if i.story_id == story_id
                                                       else i for i in s.items)) for s in brief.sections)
    return dataclasses.replace(brief, sections=sections)


def replace_quote(brief, who, **changes):
    return dataclasses.replace(brief, quotes=tuple(dataclasses.replace(q, **changes) if q.speaker == who else q
                                                   for q in brief.quotes))


def rules(problems):
    return {(p.part.split(" (")[0], p.rule) for p in problems}


def test_a_composed_briefing_passes(setup):
    corpus, brief = setup
    assert check(corpus, brief) == []
    ensure_publishable(brief, articles=corpus.articles, analyses=corpus.analyses)


def test_a_shortened_headline_passes():
    corpus = build_corpus()
    brief = compose_brief(corpus.stories, corpus.analyses, topic="all", window=WINDOW, now=NOW,
                          options=BriefOptions(headline_max_words=12))
    assert check(corpus, brief) == []


def test_a_summary_that_lost_its_opening_words_starts_with_a_capital_and_passes():
    from briefkit import Corpus, event, story

    corpus = Corpus()
    text = "In recent weeks, tens of thousands of civilians in Idlib have been uprooted by airstrikes."
    article = corpus.article("u", text, outlet="Wire", published=NOW)
    e = event(article, text, summary="tens of thousands of civilians in Idlib have been uprooted by airstrikes.")
    corpus.analyse(article, events=[e])
    corpus.stories = [story("s", [(article, e)], title=e.summary)]
    brief = compose_brief(corpus.stories, corpus.analyses, topic="all", window=WINDOW, now=NOW)
    assert brief.headline.startswith("Tens of thousands")
    assert check(corpus, brief) == []


def test_a_quotation_running_into_the_next_paragraph_loses_its_opener_and_passes():
    from briefkit import Corpus, event, story

    corpus = Corpus()
    text = "“Most have suffered four years under Isis and are arriving hungry.\n\n“We need food,” she said."
    article = corpus.article("r", text, outlet="Wire", published=NOW)
    sentence = text.split("\n\n")[0]
    e = event(article, sentence, summary=sentence)
    corpus.analyse(article, events=[e])
    corpus.stories = [story("s", [(article, e)], title=sentence)]
    brief = compose_brief(corpus.stories, corpus.analyses, topic="all", window=WINDOW, now=NOW)
    assert brief.headline.startswith("Most have suffered")
    assert check(corpus, brief) == []


def test_paraphrased_quote_of_the_day_is_caught(setup):
    corpus, brief = setup
    bad = replace_quote(brief, "Petra Ilieva", text="We will rebuild the terminal in a month, whatever it takes")
    problems = check(corpus, bad)
    assert rules(problems) == {("quote 1", "quotation")}
    assert "paraphrased" in problems[0].message


def test_quote_credited_to_the_wrong_speaker_is_caught(setup):
    corpus, brief = setup
    bad = replace_quote(brief, "Petra Ilieva", speaker="Tomas Brenner")
    problems = check(corpus, bad)
    assert rules(problems) == {("quote 1", "speaker")}
    assert "Petra Ilieva" in problems[0].message and "Tomas Brenner" in problems[0].message


def test_quote_without_an_analysis_to_confirm_its_speaker_is_caught(setup):
    corpus, brief = setup
    quoted = brief.quotes[0].article_id
    analyses = {k: v for k, v in corpus.analyses.items() if k != quoted}
    problems = check_brief(brief, articles=corpus.articles, analyses=analyses)
    assert ("quote 1", "speaker") in rules(problems)


def test_changed_number_is_caught(setup):
    corpus, brief = setup
    bad = replace_item(brief, "s-aid", text="Estmark pledged an air defence package worth $300 million to Norland")
    problems = check(corpus, bad)
    assert {p.rule for p in problems} == {"shortened", "number"}
    number = next(p for p in problems if p.rule == "number")
    assert "300,000,000" in number.message and "250,000,000" in number.message


def test_changed_spelled_number_in_the_lead_is_caught(setup):
    corpus, brief = setup
    bad = dataclasses.replace(brief, lead=brief.lead.replace("at least twelve", "at least thirteen"))
    assert rules(check(corpus, bad)) == {("lead", "shortened"), ("lead", "number")}


def test_shortening_may_drop_words_but_not_change_them(setup):
    corpus, brief = setup
    ok = replace_item(brief, "s-aid", text="Estmark pledged an air defence package to Norland")
    assert check(corpus, ok) == []
    reordered = replace_item(brief, "s-aid", text="Norland pledged an air defence package to Estmark")
    assert {p.rule for p in check(corpus, reordered)} == {"shortened"}


def test_quotation_marks_around_words_the_source_does_not_quote_are_caught(setup):
    corpus, brief = setup
    quoted = "Estmark pledged an “air defence package” worth $250 million to Norland"
    bad = replace_item(brief, "s-aid", text=quoted)
    problems = check(corpus, bad)
    assert {p.rule for p in problems} == {"quotation"}
    assert "air defence package" in problems[0].message


def test_item_crediting_a_quote_to_someone_else_is_caught(setup):
    corpus, brief = setup
    talks = next(i for _, i in items_of(brief) if i.story_id == "s-talks")
    article = corpus.articles[talks.citations[0].article_id]
    sentence = "“This is a first step, not a final settlement,” Aldrian foreign minister Tomas Brenner said"
    start = article.text.index(sentence)
    cite = Citation(article_id=article.id, source=article.source, url=article.url, start=start,
                    end=start + len(sentence))
    faithful = replace_item(brief, "s-talks", text=sentence, citations=(cite,), attribution=("Tomas Brenner",))
    assert check(corpus, faithful) == []
    unnamed = "“This is a first step, not a final settlement,” Aldrian foreign minister said"
    wrong = replace_item(brief, "s-talks", text=unnamed, citations=(cite,), attribution=("Petra Ilieva",))
    problems = check(corpus, wrong)
    assert {p.rule for p in problems} == {"speaker"}
    assert "Tomas Brenner" in problems[0].message


def test_citations_must_exist_and_hold_their_span(setup):
    corpus, brief = setup
    item = next(i for _, i in items_of(brief) if i.story_id == "s-aid")
    missing = replace_item(brief, "s-aid", citations=(dataclasses.replace(item.citations[0], article_id="a-gone"),))
    assert ("citation" in {p.rule for p in check(corpus, missing)})
    outside = replace_item(brief, "s-aid", citations=(dataclasses.replace(item.citations[0], start=5000, end=5100),))
    assert {p.rule for p in check(corpus, outside)} >= {"span"}
    wrong_url = replace_item(brief, "s-aid", citations=(dataclasses.replace(item.citations[0],
                                                                            url="https://elsewhere.example/x"),))
    assert {p.rule for p in check(corpus, wrong_url)} == {"citation"}
    uncited = replace_item(brief, "s-aid", citations=())
    assert {p.rule for p in check(corpus, uncited)} == {"citation"}


def test_figures_must_read_as_their_span_says(setup):
    corpus, brief = setup
    port = next(i for _, i in items_of(brief) if i.story_id == "s-port")
    bad_figure = dataclasses.replace(port.figures[0], text="At least 41 people")
    problems = check(corpus, replace_item(brief, "s-port", figures=(bad_figure,)))
    assert {p.rule for p in problems} == {"figure"}
    assert "At least 14 people" in problems[0].message


def test_ensure_publishable_lists_every_failing_part(setup):
    corpus, brief = setup
    bad = replace_quote(brief, "Petra Ilieva", speaker="Tomas Brenner")
    bad = replace_item(bad, "s-aid", text="Estmark pledged $300 million")
    with pytest.raises(ProvenanceError) as caught:
        ensure_publishable(bad, articles=corpus.articles, analyses=corpus.analyses)
    error = caught.value
    assert isinstance(error, LivebriefError) and error.code == "provenance"
    assert len(error.problems) == 3
    message = str(error)
    assert message.startswith("briefing not published: 3 provenance problem(s)")
    assert "quote 1 [speaker]" in message and "[number]" in message and "$300 million" in message
