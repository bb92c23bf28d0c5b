"""The story index: same event joins, different event of the same kind does not, ids stay stable."""

from __future__ import annotations

from livebrief.stories import StoryIndex, StoryItem

SEVASTOPOL = (44.6, 33.5)
ODESA = (46.48, 30.72)


def item(key: str, text: str, *, article: str | None = None, original: str | None = None, type: str = "ASSAULT",
         date: str | None = "2023-09-13", where: tuple[float, float] | None = SEVASTOPOL,
         place: str | None = "Sevastopol", actors: tuple[str, ...] = ()) -> StoryItem:
    article = article or key
    return StoryItem(key=key, article_id=article, original_id=original or article, text=text, type=type,
                     date=date, place=place, lat=where[0] if where else None, lon=where[1] if where else None,
                     country="UA" if where else None, specific=where is not None, actors=actors, published=f"{date}T08:00:00+00:00" if date else None)


STRIKE_A = "Missiles struck the shipyard in Sevastopol, damaging two ships under repair and injuring 24 people."
STRIKE_B = "An attack on the Sevastopol shipyard damaged a landing ship and a submarine; 24 people were injured."
DRONES = "Drones attacked port facilities in the Odesa region overnight, injuring six people."
AID = "Denmark announced its largest military aid package for Ukraine, worth about $833 million."


def test_reports_of_one_event_join_one_story():
    index = StoryIndex()
    first = index.add(item("a", STRIKE_A))
    assert index.add(item("b", STRIKE_B)) == first
    assert len(index) == 1


def test_same_kind_of_event_elsewhere_is_another_story():
    index = StoryIndex()
    strike = index.add(item("a", STRIKE_A))
    drones = index.add(item("b", DRONES, where=ODESA, place="Odesa"))
    assert strike != drones


def test_far_apart_dates_do_not_merge_even_with_the_same_words():
    index = StoryIndex()
    first = index.add(item("a", STRIKE_A, date="2023-09-13"))
    later = index.add(item("b", STRIKE_A, date="2023-10-20"))
    assert first != later


def test_a_different_type_and_topic_starts_a_story():
    index = StoryIndex()
    assert index.add(item("a", STRIKE_A)) != index.add(item("b", AID, type="AID", where=None, place=None))


def test_story_ids_are_stable_as_stories_grow():
    index = StoryIndex()
    first = index.add(item("a", STRIKE_A))
    for n in range(5):
        index.add(item(f"more{n}", STRIKE_B + f" Report number {n}."))
    assert first in index.stories and index.assignment["a"] == first
    rebuilt = StoryIndex()
    assert rebuilt.add(item("a", STRIKE_A)) == first  # the id comes from the first item, not from order of creation


def test_adding_the_same_item_twice_changes_nothing():
    index = StoryIndex()
    story = index.add(item("a", STRIKE_A))
    assert index.add(item("a", STRIKE_A)) == story
    assert index.stories[story].keys == ["a"]


def test_a_syndicated_copy_joins_its_originals_story_whatever_its_words():
    index = StoryIndex()
    original = index.add(item("orig/e1", STRIKE_A, article="orig"))
    copy = index.add(item("copy/e1", "Totally reworded teaser with other words entirely.", article="copy",
                          original="orig"))
    assert copy == original
    assert index.stories[original].originals == {"orig"}


def test_events_without_place_or_date_still_cluster_on_text():
    index = StoryIndex()
    first = index.add(item("a", STRIKE_A, date=None, where=None, place=None))
    assert index.add(item("b", STRIKE_B, date=None, where=None, place=None)) == first


def test_a_country_level_place_does_not_block_a_city_in_it():
    index = StoryIndex()
    city = index.add(item("a", STRIKE_A))
    whole = StoryItem(key="b", article_id="b", original_id="b", text=STRIKE_B, type="ASSAULT", date="2023-09-13",
                      place="Ukraine", lat=49.0, lon=32.0, country="UA", specific=False)
    country = index.add(whole)
    assert country == city


def _score_against_monday(text: str, event_day: str | None, *, type: str = "ASSAULT") -> float:
    from dataclasses import replace

    from livebrief.stories.vectors import terms

    index = StoryIndex()
    monday = index.add(replace(item("a", STRIKE_A, where=None, place=None, type=type, date="2023-09-11"),
                               event_day="2023-09-11"))
    later = replace(item("b", text, where=None, place=None, type=type, date="2023-09-13"), event_day=event_day)
    vector = index.frequencies.weigh(terms(later.text, extra=index._feature_terms(later)))
    return index.score(later, vector, index.stories[monday])


def test_acts_of_force_two_days_apart_count_as_two_incidents():
    # A report on Wednesday of Monday's strike keeps Monday as its event day; one of a new strike
    # dates it Wednesday. Neither has a named city to tell them apart.
    follow_up = _score_against_monday(STRIKE_B, "2023-09-11")
    assert _score_against_monday(STRIKE_B, "2023-09-12") == follow_up  # "overnight" may straddle two days
    assert _score_against_monday(STRIKE_B, "2023-09-13") < follow_up
    assert _score_against_monday(STRIKE_B, None) == follow_up  # no day in the text: no evidence either way
    talks = _score_against_monday(STRIKE_B, "2023-09-11", type="CONSULT")
    assert _score_against_monday(STRIKE_B, "2023-09-13", type="CONSULT") == talks  # talks run over days


def test_an_index_saved_before_event_days_were_kept_still_loads():
    import pickle
    from dataclasses import replace

    index = StoryIndex()
    first = index.add(item("a", STRIKE_A))
    del index.stories[first].__dict__["event_days"]  # as a state pickled by an earlier version
    restored = pickle.loads(pickle.dumps(index))
    assert restored.add(replace(item("b", STRIKE_B), event_day="2023-09-13")) == first


def test_a_later_part_of_a_report_leans_to_the_story_its_lead_joined():
    # The paragraph shares few words with the strike report that leads its article, yet it tells the same
    # story; the same words in another outlet's report start a story of their own.
    from dataclasses import replace

    aside = "Ukraine did not claim the missile strike on the shipyard, but its air force commander thanked his pilots."
    for article, joins in (("lead", True), ("other", False)):
        index = StoryIndex()
        strike = index.add(item("lead/0", STRIKE_A, article="lead"))
        part = index.add(replace(item(f"{article}/1", aside, article=article, where=None, place=None,
                                      type="SUPPORT"), lead=False))
        assert (part == strike) is joins, article


def test_an_undated_later_part_is_background_to_its_report():
    # "Kyiv has long pressed Israel …" gives no day of its own: it joins its report's meeting story on few
    # shared words, and the place it names (Odesa, far away) does not become one of the story's places.
    from dataclasses import replace

    meeting = "Zelensky will meet Netanyahu in New York next week, officials said."
    aside = "Kyiv has long pressed Israel for air defence, and Odesa has asked for shelters."
    for dated, joins in ((False, True), (True, False)):
        index = StoryIndex()
        story = index.add(item("lead/0", meeting, article="lead", type="CONSULT", where=(40.7, -74.0),
                               place="New York"))
        part = index.add(replace(item("lead/1", aside, article="lead", type="REQUEST", where=ODESA, place="Odesa"),
                                 lead=False, dated=dated))
        assert (part == story) is joins, dated
        if joins:
            assert "odesa" not in index.stories[story].places and len(index.stories[story].coords) == 1


def test_background_draws_no_other_report_to_its_story():
    # The aid report's undated aside on F-16 pilots is background to the aid story: another outlet's report on
    # the pilots' training shares the aside's words, not the package's, and starts a story of its own.
    from dataclasses import replace

    aside = "Denmark leads the coalition training Ukrainian pilots on F-16 fighter jets in Arizona."
    training = "The first Ukrainian pilots could finish F-16 fighter jet training in Arizona by the end of the year."
    index = StoryIndex()
    for key, text in (("x1", STRIKE_A), ("x2", DRONES), ("x3", STRIKE_B)):  # other news, for word weights
        index.add(item(key, text))
    aid = index.add(item("aid/0", AID, article="aid", type="AID", where=None, place="Ukraine"))
    part = index.add(replace(item("aid/1", aside, article="aid", type="AID", where=None, place=None), lead=False,
                             dated=False))
    pilots = index.add(item("pilots/0", training, article="pilots", type="AID", date=None, where=None,
                            place="Arizona"))
    assert part == aid and pilots != aid
