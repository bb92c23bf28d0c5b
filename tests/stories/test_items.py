"""Story items: an article cut into development segments, background paragraphs left out."""

from __future__ import annotations

from livebrief.model import Analysis, Article, Event, TimeExpr, text_hash
from livebrief.stories.background import dated_long_before
from livebrief.stories.items import items_from_analysis

LEAD = "Russian drones struck port facilities in the Odesa region overnight, wounding six people, the governor said."
BACKGROUND = "Russia annexed Crimea in 2014, a move condemned as illegal by most of the international community."
RECENT = "Russia seized a Ukrainian cargo ship in the Black Sea on Tuesday, the navy said."


def report(*paragraphs: tuple[str, str, str | None, str | None]) -> Analysis:
    """An article of (text, event type, time words, resolved date) paragraphs, one event each."""
    text = "\n\n".join(p[0] for p in paragraphs)
    events, times, at = [], [], 0
    for number, (para, kind, words, day) in enumerate(paragraphs):
        events.append(Event(id=f"ev{number}", type=kind, summary=para, date=day, place=None,
                            evidence=((at, at + len(para)),)))
        if words:
            start = at + para.index(words)
            times.append(TimeExpr(text=words, date=day, start=start, end=start + len(words)))
        at += len(para) + 2
    article = Article(id="a1", text=text, title="Drones hit Odesa ports", url="https://example.org/a1",
                      source="Example", published="2023-09-13T07:00:00+00:00", text_hash=text_hash(text))
    return Analysis(article=article, events=tuple(events), times=tuple(times))


def test_a_paragraph_of_background_is_no_development():
    items = items_from_analysis(report((LEAD, "ASSAULT", "overnight", "2023-09-12"),
                                       (BACKGROUND, "COERCE", "2014", "2014-01-01")))
    assert all("annexed" not in item.text for item in items)
    assert [item.lead for item in items] == [True]


def test_a_recent_paragraph_stays_a_development():
    items = items_from_analysis(report((LEAD, "ASSAULT", "overnight", "2023-09-12"),
                                       (RECENT, "COERCE", "Tuesday", "2023-09-12")))
    assert any("cargo ship" in item.text for item in items)


def test_a_lead_about_the_past_still_speaks_for_its_article():
    items = items_from_analysis(report((BACKGROUND, "COERCE", "2014", "2014-01-01")))
    assert len(items) == 1 and items[0].lead


def test_an_undated_later_paragraph_tells_of_the_leads_day():
    undated = "The Kremlin has not commented on the sanctions package announced by the European Union."
    items = items_from_analysis(report((LEAD, "ASSAULT", "overnight", "2023-09-12"),
                                       (RECENT, "COERCE", "Tuesday", "2023-09-11"),
                                       (undated, "SANCTION", None, None)))
    days = {item.text.split("\n")[-1][:20]: (item.lead, item.event_day) for item in items}
    assert (True, "2023-09-12") in days.values()
    assert days[RECENT[:20]] == (False, "2023-09-11")  # its own day
    assert days[undated[:20]] == (False, "2023-09-12")  # none of its own: the lead's


def test_dated_long_before():
    analysis = report((LEAD, "ASSAULT", "overnight", "2023-09-12"), (BACKGROUND, "COERCE", "2014", "2014-01-01"))
    lead, background = analysis.events[0].evidence, analysis.events[1].evidence
    assert not dated_long_before(analysis, lead)
    assert dated_long_before(analysis, background)
    assert not dated_long_before(analysis, lead + background)  # a recent date keeps the whole span current
    assert not dated_long_before(analysis, [])
    assert not dated_long_before(None, background)


def test_background_with_an_undated_aside_is_still_background():
    # "… whose attacks in 2001 sparked the war on terror. The phrase was first used by Bush.": one event of
    # 2001 and one without a date, and no day near the report's.
    analysis = report((LEAD, "ASSAULT", "overnight", "2023-09-12"), (BACKGROUND, "COERCE", "2014", "2014-01-01"))
    start, end = analysis.events[1].evidence[0]
    aside = Event(id="ev2", type="ASSAULT", summary="Russia annexed Crimea", date=None, place=None,
                  evidence=((start, start + 21),))
    with_aside = Analysis(article=analysis.article, events=analysis.events + (aside,), times=analysis.times)
    items = items_from_analysis(with_aside)
    assert [item.lead for item in items] == [True]
