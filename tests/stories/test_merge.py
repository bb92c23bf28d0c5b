"""Composed stories: sources with copies collapsed, figures per source, conflicts, the claim ledger."""

from __future__ import annotations

from dataclasses import replace

from livebrief.model import (Analysis, Article, Attribution, Claim, Entity, Event, Place, Quantity, TimeExpr,
                             text_hash)
from livebrief.stories import StoryIndex, update_stories

RU_TEXT = ("Russia's Defense Ministry said two ships under repair in Sevastopol had been damaged. "
           "At least 24 people were injured, the Moscow-installed governor said.")
UA_TEXT = ("Ukraine's air force said a landing ship and a submarine were destroyed in Sevastopol. "
           "At least nine people were injured, officials said early on Wednesday.")


def analysis(article_id: str, outlet: str, text: str, *, claimant: str, injured: int, published: str,
             url: str | None = None) -> Analysis:
    first_end = text.index(". ") + 1
    n = str(injured) if injured != 9 else "nine"
    start = text.index(n)
    article = Article(id=article_id, text=text, title=text[:40], url=url or f"https://{outlet}.example/{article_id}",
                      source=outlet, published=published, text_hash=text_hash(text))
    return Analysis(
        article=article,
        entities=(Entity(id="e1", name=claimant, type="ORG", mentions=((0, len(claimant)),)),),
        claims=(Claim(text=text[:first_end], claimant=claimant, kind="claim", start=0, end=first_end, cue="said"),),
        quantities=(Quantity(value=float(injured), kind="injured", text=f"at least {n}", start=start - 9,
                             end=start + len(n), qualifier="at_least"),),
        places=(Place(name="Sevastopol", lat=44.6, lon=33.5, country="UA", feature="city"),),
        events=(Event(id="ev1", type="ASSAULT", summary=text[:first_end], date="2023-09-13", place="Sevastopol",
                      quantities=(0,), attribution=(Attribution(claimant, "claim"),),
                      evidence=((0, first_end), (first_end + 1, len(text)))),),
    )


def russian(text: str = RU_TEXT) -> Analysis:
    """The Russian account (24 injured), reported at 07:00."""
    return analysis("a1", "NorthWire", text, claimant="Russia's Defense Ministry", injured=24,
                    published="2023-09-13T07:00:00+00:00")


def ukrainian() -> Analysis:
    """The Ukrainian account (nine injured), reported at 12:00."""
    return analysis("a2", "Harbour Post", UA_TEXT, claimant="Ukraine's air force", injured=9,
                    published="2023-09-13T12:00:00+00:00")


def with_figure(a: Analysis, kind: str, value: float, **fields) -> Analysis:
    """The analysis with its one figure turned into another kind of figure."""
    return replace(a, quantities=(replace(a.quantities[0], kind=kind, value=value, qualifier="exactly", **fields),))


def notes(story, opening: str) -> list[str]:
    """The story's conflict notes that open with ``opening`` ("Figures differ", "Accounts differ", "Denied")."""
    return [c for c in story.conflicts if c.startswith(opening)]


def build(*analyses: Analysis, copies: dict[str, str] | None = None):
    index = StoryIndex()
    return update_stories(index, analyses, copies=copies or {}, lookup={})


def both_sides(ru_published: str, ua_published: str, ua_text: str = UA_TEXT, times: tuple[TimeExpr, ...] = ()):
    """One story from the Russian account (24 injured) and the Ukrainian one (nine), published at those times."""
    ru = analysis("a1", "NorthWire", RU_TEXT, claimant="Russia's Defense Ministry", injured=24,
                  published=ru_published)
    ua = analysis("a2", "Harbour Post", ua_text, claimant="Ukraine's air force", injured=9, published=ua_published)
    [story] = build(ru, replace(ua, times=times))
    return story


def test_one_story_with_both_sides_and_their_figures():
    # the lower toll comes later: no rise over time explains it, so the sources disagree
    story = both_sides("2023-09-13T07:00:00+00:00", "2023-09-13T12:00:00+00:00")
    assert not story.revisions
    assert story.sources == ("Harbour Post", "NorthWire")
    # no claim of the fixture holds the tolls: each is its outlet's own reporting
    assert {(f.value, f.source) for f in story.figures} == {(24.0, "NorthWire"), (9.0, "Harbour Post")}
    figure_conflicts = notes(story, "Figures differ")
    assert figure_conflicts and "at least 24 injured" in figure_conflicts[0] and "at least 9" in figure_conflicts[0]
    accounts = notes(story, "Accounts differ")
    assert accounts and "says Russia's Defense Ministry" in accounts[0] and "says Ukraine's air force" in accounts[0]
    assert story.first_seen.startswith("2023-09-13T07") and story.updated.startswith("2023-09-13T12")
    assert story.place == "Sevastopol" and story.types == ("ASSAULT",)


def test_each_party_is_heard_by_its_fullest_account_of_the_damage():
    text = ("The governor said the shipyard had been struck. The ministry said air defences shot down seven "
            "missiles and destroyed three boats.")
    first_end = text.index(". ") + 1
    ru = russian()
    two_claims = (Claim(text=text[:first_end], claimant="Russia's Defense Ministry", kind="claim", start=0,
                        end=first_end, cue="said"),
                  Claim(text=text[first_end + 1:], claimant="Russia's Defense Ministry", kind="claim",
                        start=first_end + 1, end=len(text), cue="said"))
    ru = replace(ru, article=replace(ru.article, text=text), claims=two_claims,
                 events=(replace(ru.events[0], evidence=((0, len(text)),)),))
    ua = ukrainian()
    [story] = build(ru, ua)
    [accounts] = notes(story, "Accounts differ")
    assert "shot down seven missiles" in accounts and "had been struck" not in accounts


def test_a_toll_that_rose_in_later_reports_is_a_revision_not_a_disagreement():
    story = both_sides("2023-09-13T12:00:00+00:00", "2023-09-13T07:00:00+00:00")
    assert not notes(story, "Figures differ")
    [revision] = story.revisions
    assert revision.startswith("Toll rose: at least 9 injured, says Harbour Post")
    assert revision.index("at least 9") < revision.index("then at least 24 injured, says NorthWire")
    assert "says Harbour Post (2023-09-13 07:00)" in revision  # an outlet that is its own source, named once


def test_a_rise_is_read_in_real_time_whatever_the_offsets():
    # The Ukrainian report (nine) at 09:00+03:00 is 06:00 UTC, an hour before the Russian one (24) at 07:00 UTC:
    # the toll rose, though the clock times read the other way round.
    story = both_sides("2023-09-13T07:00:00+00:00", "2023-09-13T09:00:00+03:00")
    assert story.revisions and not notes(story, "Figures differ")


def test_two_figures_told_together_are_no_disagreement():
    """"shot down seven of 10 cruise missiles" gives both figures; another report of seven agrees."""
    text = "Air defences shot down seven of 10 cruise missiles fired at the port, the ministry said. Two ships burned."
    stories = []
    for article_id, outlet, values in (("m1", "NorthWire", (7.0, 10.0)), ("m2", "GlobalDesk", (7.0,))):
        first_end = text.index(". ") + 1
        article = Article(id=article_id, text=text, title="Missiles", url=f"https://{outlet}.example/{article_id}",
                          source=outlet, published="2023-09-13T12:00:00+00:00", text_hash=text_hash(text))
        quantities = tuple(Quantity(value=v, kind="weapons", text=str(v), start=10 * k, end=10 * k + 5,
                                    qualifier="exactly", object="cruise missiles") for k, v in enumerate(values))
        stories.append(Analysis(
            article=article, quantities=quantities,
            events=(Event(id="ev1", type="ASSAULT", summary=text[:first_end], date="2023-09-13", place=None,
                          quantities=tuple(range(len(quantities))),
                          attribution=(Attribution("the ministry", "claim"),), evidence=((0, first_end),)),)))
    [story] = build(*stories)
    assert {f.value for f in story.figures} == {7.0, 10.0}
    assert not notes(story, "Figures differ")


def test_one_sum_in_two_currencies_is_no_disagreement():
    text = ("Denmark will send military aid worth 5.7 billion Danish crowns, or about $833 million, the defence "
            "ministry said. The package includes tanks.")
    aid = []
    for article_id, outlet, figures in (("d1", "NorthWire", ((5.7e9, "DKK"), (833e6, "USD"))),
                                        ("d2", "GlobalDesk", ((5.7e9, "DKK"), (840e6, "USD")))):
        first_end = text.index(". ") + 1
        article = Article(id=article_id, text=text, title="Denmark aid", url=f"https://{outlet}.example/{article_id}",
                          source=outlet, published="2023-09-12T12:00:00+00:00", text_hash=text_hash(text))
        quantities = tuple(Quantity(value=v, kind="money", text=str(v), start=10 * k, end=10 * k + 5, unit=u,
                                    qualifier="exactly") for k, (v, u) in enumerate(figures))
        aid.append(Analysis(
            article=article,
            entities=(Entity(id="e1", name="Denmark", type="GPE", mentions=((0, 7),)),),
            quantities=quantities,
            events=(Event(id="ev1", type="AID", summary=text[:first_end], date="2023-09-12", place=None,
                          quantities=tuple(range(len(quantities))),
                          attribution=(Attribution("the defence ministry", "claim"),),
                          evidence=((0, first_end),)),)))
    [story] = build(*aid)
    conflicts = notes(story, "Figures differ")
    assert len(conflicts) == 1, conflicts  # only the dollar sums differ, never kroner against dollars
    assert "USD" in conflicts[0] and "DKK" not in conflicts[0]


def sevastopol_story(ua_text: str, *dates: tuple[str, str, str | None]):
    """The Russian account and a later Ukrainian one (with a lower toll) whose time expressions are
    (words, date, end date)."""
    times = tuple(TimeExpr(text=words, date=day, end_date=end, start=ua_text.index(words),
                           end=ua_text.index(words) + len(words)) for words, day, end in dates)
    return both_sides("2023-09-13T07:00:00+00:00", "2023-09-13T12:00:00+00:00", ua_text, times)


def test_a_background_claim_is_no_rival_account():
    story = sevastopol_story(
        "Ukraine's air force said last month that a sea drone had damaged a landing ship in Novorossiysk. "
        "At least nine people were injured in Sevastopol, officials said early on Wednesday.",
        ("last month", "2023-08-01", "2023-08-31"))
    assert not notes(story, "Accounts differ"), story.conflicts
    assert notes(story, "Figures differ")  # the injured still disagree


def test_an_account_that_also_names_an_old_date_stays_an_account():
    story = sevastopol_story(
        "Ukraine's air force said its strike on Wednesday destroyed a landing ship, the worst blow since last "
        "year. At least nine people were injured in Sevastopol, officials said early on Wednesday.",
        ("Wednesday", "2023-09-13", None), ("last year", "2022-01-01", "2022-12-31"))
    assert notes(story, "Accounts differ"), story.conflicts


def test_a_copy_is_not_an_extra_source_and_repeats_no_figures():
    ru = analysis("a1", "NorthWire", RU_TEXT, claimant="Russia's Defense Ministry", injured=24,
                  published="2023-09-13T12:00:00+00:00")
    copy = analysis("c1", "NewsHub24", RU_TEXT, claimant="Russia's Defense Ministry", injured=24,
                    published="2023-09-13T14:00:00+00:00")
    [story] = build(ru, copy, copies={"c1": "a1"})
    assert story.sources == ("NorthWire",)
    assert {a.article_id: a.copy_of for a in story.articles} == {"a1": None, "c1": "a1"}
    assert len(story.figures) == 1
    assert story.conflicts == ()
    assert all(c.single_source for c in story.claims)


def test_ledger_keeps_claimant_relay_and_outlet_and_counts_sources():
    ru = analysis("a1", "NorthWire", RU_TEXT, claimant="Russia's Defense Ministry", injured=24,
                  published="2023-09-13T12:00:00+00:00")
    again = analysis("a3", "GlobalDesk", RU_TEXT, claimant="Russia's Defense Ministry", injured=24,
                     published="2023-09-13T13:00:00+00:00")
    [story] = build(ru, again)
    assert {c.outlet for c in story.claims} == {"NorthWire", "GlobalDesk"}
    assert all(not c.single_source for c in story.claims)
    assert story.claims[0].chain[0] == "Russia's Defense Ministry"
    assert story.claims[0].kind == "claim"


def test_title_is_a_source_sentence():
    ru = analysis("a1", "NorthWire", RU_TEXT, claimant="Russia's Defense Ministry", injured=24,
                  published="2023-09-13T12:00:00+00:00")
    [story] = build(ru)
    article_id, start, end = story.title_ref
    assert RU_TEXT[start:end] == story.title


def test_a_claimants_party_comes_from_the_storys_own_articles():
    """An unrelated article built alongside (here one that titles the claimant) does not change a story."""
    ru = analysis("a1", "NorthWire", RU_TEXT.replace("Russia's Defense Ministry", "Igor Konashenkov"),
                  claimant="Igor Konashenkov", injured=24, published="2023-09-13T12:00:00+00:00")
    ua = analysis("a2", "Harbour Post", UA_TEXT, claimant="Ukraine's air force", injured=9,
                  published="2023-09-13T07:00:00+00:00")
    summit_text = "Igor Konashenkov met reporters in Vladivostok. He spoke for an hour on Friday."
    summit = Analysis(
        article=Article(id="a3", text=summit_text, title="Briefing", url="https://far.example/a3",
                        source="Far East Daily", published="2023-09-20T09:00:00+00:00",
                        text_hash=text_hash(summit_text)),
        entities=(Entity(id="e1", name="Igor Konashenkov", type="PERSON", mentions=((0, 16),),
                         title="Russian Defense Ministry spokesman"),),
        places=(Place(name="Vladivostok", lat=43.1, lon=131.9, country="RU", feature="city"),),
        events=(Event(id="ev1", type="CONSULT", summary=summit_text[:47], date="2023-09-20", place="Vladivostok",
                      evidence=((0, 47),)),),
    )
    [alone] = build(ru, ua)
    [same] = [s for s in build(ru, ua, summit) if "a1" in {a.article_id for a in s.articles}]
    assert "a3" not in {a.article_id for a in same.articles}
    assert same.conflicts == alone.conflicts


def test_a_denial_that_names_its_denier_is_not_told_twice():
    text = "Moscow has dismissed the accusations. Kyiv denied the report."
    first_end = text.index(". ") + 1
    denials = (Claim(text=text[:first_end], claimant="Moscow", kind="denial", start=0, end=first_end,
                     cue="dismissed"),
               Claim(text="the report", claimant="Kyiv", kind="denial", start=text.index("the report"),
                     end=len(text) - 1, cue="denied"))
    ru = russian()
    ru = replace(ru, article=replace(ru.article, text=text), claims=denials,
                 events=(replace(ru.events[0], evidence=((0, len(text)),)),))
    [story] = build(ru)
    assert notes(story, "Denied") == [
        "Denied: Moscow has dismissed the accusations", "Denied: the report, says Kyiv"]


def test_a_description_that_opened_its_sentence_loses_its_capital_after_says():
    text = "The official denied that a fee had been tabled."
    denial = Claim(text="that a fee had been tabled", claimant="The official", kind="denial",
                   start=text.index("that"), end=len(text) - 1, cue="denied")
    ru = russian()
    ru = replace(ru, article=replace(ru.article, text=text), claims=(denial,),
                 events=(replace(ru.events[0], evidence=((0, len(text)),)),))
    [story] = build(ru)
    assert notes(story, "Denied") == ["Denied: that a fee had been tabled, says the official"]


def test_the_newest_days_development_heads_the_story():
    # The first report tells of Tuesday; a later one of what happened on Wednesday: Wednesday's leads.
    ru = russian()
    ru = replace(ru, events=(replace(ru.events[0], date="2023-09-12"),))
    ua = ukrainian()
    [story] = build(ru, ua)
    assert story.title == UA_TEXT[:UA_TEXT.index(". ") + 1]
    ru = replace(ru, events=(replace(ru.events[0], date="2023-09-13"),))
    [story] = build(ru, replace(ua, events=(replace(ua.events[0], date="2023-09-12"),)))
    assert story.title == RU_TEXT[:RU_TEXT.index(". ") + 1]  # and the other way round


def test_what_was_done_files_a_story_before_what_was_said():
    ru = russian()
    ua = ukrainian()
    [story] = build(replace(ru, events=(replace(ru.events[0], type="AGREE"),)), ua)
    assert story.types == ("ASSAULT", "AGREE")  # told once each: the attack first, though the offer came first


def test_a_figure_one_report_tells_twice_is_listed_once():
    text = RU_TEXT + " Again: at least 24 people were injured."
    ru = russian(text)
    again = text.rindex("at least 24")
    twice = ru.quantities + (replace(ru.quantities[0], start=again, end=again + 11, qualifier="exactly"),)
    ru = replace(ru, quantities=twice, events=(replace(ru.events[0], quantities=(0, 1),
                                                       evidence=((0, len(text)),)),))
    [story] = build(ru)
    assert [(f.value, f.kind) for f in story.figures] == [(24.0, "injured")]


def test_sums_for_different_things_are_no_disagreement():
    def with_money(a, value: float, obj: str | None):
        return with_figure(a, "money", value, unit="USD", object=obj)

    ru = russian()
    ua = ukrainian()
    [story] = build(with_money(ru, 5e9, "border wall"), with_money(ua, 3.5e9, "Patriot missiles"))
    assert not notes(story, "Figures differ")
    [story] = build(with_money(ru, 5e9, "border wall"), with_money(ua, 6e9, "wall"))
    assert notes(story, "Figures differ")
    [story] = build(with_money(ru, 5e9, None), with_money(ua, 6e9, None))  # neither says: compared
    assert notes(story, "Figures differ")


def test_accounts_differ_only_in_a_story_of_an_attack():
    # The same two parties' claims in a story of talks are no two accounts of one attack.
    ru = russian()
    ua = ukrainian()
    talks = [replace(a, events=(replace(a.events[0], type="CONSULT"),)) for a in (ru, ua)]
    [story] = build(*talks)
    assert story.types == ("CONSULT",)
    assert not notes(story, "Accounts differ"), story.conflicts


def test_a_paragraph_long_sentence_makes_no_story_title():
    long_text = ("Russia's Defense Ministry said that two ships under repair in Sevastopol had been damaged, and that "
                 "the ships under repair in Sevastopol, which the ministry said were damaged when missiles hit the "
                 "shipyard in Sevastopol, would be repaired, and that the people injured in Sevastopol were treated, "
                 "the ministry said in Sevastopol. At least 24 people were injured.")
    first_end = long_text.index(". ") + 1
    ru = russian(long_text)
    ua = ukrainian()
    assert len(ru.events[0].summary.split()) > 45 and ru.events[0].summary == long_text[:first_end]
    [story] = build(ru, ua)
    assert story.title == UA_TEXT[:UA_TEXT.index(". ") + 1]


def test_a_sentence_that_points_back_makes_no_story_title():
    pointing = UA_TEXT.replace("Ukraine's air force said", "Its air force said")
    story = both_sides("2023-09-13T07:00:00+00:00", "2023-09-13T12:00:00+00:00", ua_text=pointing)
    assert story.title == RU_TEXT[:RU_TEXT.index(". ") + 1]  # not "Its air force said …", whose "its" is lost


def test_counts_of_people_differ_only_for_the_same_people():
    def counting(a, value: float, obj: str):
        return with_figure(a, "people", value, object=obj)

    ru = russian()
    ua = ukrainian()
    [story] = build(counting(ru, 180, "people"), counting(ua, 100, "people"))
    assert not notes(story, "Figures differ")
    [story] = build(counting(ru, 2000, "troops"), counting(ua, 1500, "troops"))
    assert notes(story, "Figures differ")


def test_what_a_report_recalls_makes_no_story_title():
    # The first report's event is dated years before it was written: background, however central its words.
    ru = russian()
    old = TimeExpr("in 2014", "2014-01-01", 0, 10)
    ru = replace(ru, times=(old,))
    ua = ukrainian()
    [story] = build(ru, ua)
    assert story.title == UA_TEXT[:UA_TEXT.index(". ") + 1]
    [story] = build(replace(ru, times=()), replace(ua, times=(old,)))
    assert story.title == RU_TEXT[:RU_TEXT.index(". ") + 1]


def test_tolls_of_other_incidents_are_no_disagreement():
    ru = russian()
    ua = ukrainian()
    # told with an event of another day: another incident
    [story] = build(ru, replace(ua, events=(replace(ua.events[0], date="2023-09-12"),)))
    assert not notes(story, "Figures differ")
    # told with an event of another place: another incident
    [story] = build(ru, replace(ua, events=(replace(ua.events[0], place="Odesa"),)))
    assert not notes(story, "Figures differ")
    # an event without a place fits any when the day is shared: the same incident, and a disagreement
    [story] = build(ru, replace(ua, events=(replace(ua.events[0], place=None),)))
    assert notes(story, "Figures differ")
    # with neither a day nor a place on both sides, nothing says it is one incident
    unplaced = [replace(a, events=(replace(a.events[0], place=None, date=None),)) for a in (ru, ua)]
    [story] = build(*unplaced)
    assert not notes(story, "Figures differ")


def test_a_figure_is_given_by_the_claim_that_holds_it():
    # The event is told by the ministry; the toll, in its own sentence, by the governor.
    text = RU_TEXT
    second = text.index("At least")
    ru = russian(text)
    governor = Claim(text=text[second:], claimant="the governor", kind="claim", start=second, end=len(text))
    ru = replace(ru, claims=ru.claims + (governor,))
    [story] = build(ru)
    assert [(f.value, f.source) for f in story.figures] == [(24.0, "the governor")]


def test_a_figure_no_claim_holds_is_its_outlets_own():
    # The event is told by the ministry (its claim is the first sentence); the toll, in the second sentence
    # and held by no claim or quote, is the outlet's reporting, not the ministry's.
    ru = russian()
    assert ru.events[0].attribution[0].source == "Russia's Defense Ministry"
    [story] = build(ru)
    assert [(f.value, f.source) for f in story.figures] == [(24.0, "NorthWire")]
