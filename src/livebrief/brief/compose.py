"""Stories -> Brief: select the stories on a topic in a window, rank them, lay out the briefing.

Everything a briefing says is taken from source text: the headline and every item are
story titles (event summaries, i.e. source sentences or shortened forms of them), the lead
is whole source sentences, quotes are direct quotes as the analyses found them. Each keeps
its citations (article, URL, outlet, span). Framing lines such as "Here's the latest" are
the renderers', not claims.
"""

from __future__ import annotations

import logging
import re
from datetime import datetime, timezone
from typing import Iterable, Mapping, Sequence

from livebrief.brief.options import KEY_SECTION, OTHER_SECTION, SECTIONS, BriefOptions, section_of
from livebrief.brief.quotes import select_quotes
from livebrief.brief.rank import Salience, parse_time, rank_stories, story_time
from livebrief.brief.records import (Briefing, Item, cited_articles, figures_of, items_of, listed_figures,
                                     story_ids)
from livebrief.brief.text import (
    balanced_quotes, clean_space, is_subsequence, numbers, sentence_case, without_dangling_opener, word_count, words,
)
from livebrief.errors import NothingToBrief
from livebrief.stories.background import dated_long_before
from livebrief.stories.standalone import stands_alone
from livebrief.model import (
    Analysis, Brief, BriefSection, Citation, Event, SourceRef, Story, StoryArticle, StoryFigure, content_id,
    normalize_text,
)
from livebrief.nlp.datelines import text_dateline_end
from livebrief.topics import DEFAULT_TOPIC, Topic

log = logging.getLogger(__name__)

# A headline is cut only after its main clause: not after an opening subordinate clause.
_LEADING_CLAUSE = re.compile(r"^(according to|as|while|after|before|when|if|although|though|despite|amid|"
                             r"in|on|with|unlike)\b", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"(,|;|:| –| —| -)\s")
_SENTENCE_END = re.compile(r"(?<=[.!?])[”\"’']?\s+(?=[“\"‘'(\[]?[A-Z0-9])")


StoryEvents = list[tuple[str, Event]]


def compose_brief(
    stories: Iterable[Story],
    analyses: Mapping[str, Analysis] | Iterable[Analysis],
    *,
    topic: Topic | str,
    window: tuple[str, str],
    previous: Brief | None = None,
    now: datetime | str | None = None,
    options: BriefOptions = BriefOptions(),
) -> Briefing:
    """A briefing on ``topic`` from the stories updated within ``window`` (ISO start, end).

    ``analyses`` (by article id, or an iterable) give the source text, events and quotes;
    ``previous`` is the last briefing published on the topic, for novelty and ``new`` flags.
    Raises :class:`NothingToBrief` when no story qualifies.
    """
    moment = _moment(now)
    by_article = _by_article(analyses)
    chosen = topic if isinstance(topic, Topic) else Topic(name=topic or DEFAULT_TOPIC)
    start, end = window
    stories = list(stories)
    events = {s.id: _story_events(s, by_article) for s in stories}
    pool = [s for s in stories if _in_window(s, start, end) and _on_topic(s, chosen, events[s.id], by_article)]
    actors = {s.id: [a for _, e in events[s.id] for a in (*e.actors, *e.targets)] for s in pool}
    ranked = rank_stories(pool, actors=actors, now=moment, previous_figures=_previous_figures(previous),
                          previous_time=parse_time(previous.generated_at) if previous is not None else None,
                          options=options)
    shown = story_ids(previous) if previous is not None else None

    items: list[tuple[Story, Item]] = []
    seen_texts: set[str] = set()
    for story, salience in ranked:
        item = _item(story, salience, events[story.id], by_article, new=shown is None or story.id not in shown)
        if item is None:
            log.debug("story %s has no citable source sentence; left out", story.id)
            continue
        key = normalize_text(item.text)
        if key in seen_texts:  # two stories told by the same sentence: keep the more salient
            continue
        seen_texts.add(key)
        items.append((story, item))
    if not items:
        raise NothingToBrief(f"nothing to brief on topic {chosen.name!r} between {start or 'the start'} and "
                             f"{end}: {len(pool)} of {len(stories)} stories in the window and on the topic, "
                             f"none with a citable source sentence")

    top_story, top_item = items[0]
    headline, headline_citations = _headline(top_story, top_item, events[top_story.id], by_article, options)
    lead, lead_citations = _lead(top_story, headline, events[top_story.id], by_article, options)
    sections = _sections(items, options)
    in_brief = [story for story, _ in items if any(i.story_id == story.id for s in sections for i in s.items)]
    quotes = select_quotes(in_brief, by_article, options=options)
    generated = moment.replace(microsecond=0).isoformat()
    brief = Briefing(
        topic=chosen.name,
        window_start=start or "",
        window_end=end,
        generated_at=generated,
        headline=headline,
        lead=lead,
        sections=sections,
        quotes=quotes,
        id="",
        previous_id=previous.id if previous is not None else None,
        headline_citations=headline_citations,
        lead_citations=lead_citations,
        headline_story_id=top_story.id,
    )
    brief = brief.replace(sources=_source_refs(brief, stories, by_article))
    return brief.replace(id=content_id(chosen.name, generated, headline,
                                       *(i.story_id or i.text for _, i in items_of(brief)), prefix="b"))


# -- selection -------------------------------------------------------------------------------


def _moment(now: datetime | str | None) -> datetime:
    if isinstance(now, datetime):
        return now if now.tzinfo else now.replace(tzinfo=timezone.utc)
    parsed = parse_time(now) if isinstance(now, str) else None
    return parsed or datetime.now(timezone.utc)


def _by_article(analyses: Mapping[str, Analysis] | Iterable[Analysis]) -> dict[str, Analysis]:
    if isinstance(analyses, Mapping):
        return dict(analyses)
    return {a.article.id: a for a in analyses}


def _story_events(story: Story, analyses: Mapping[str, Analysis]) -> StoryEvents:
    found = []
    for key in story.events:
        article_id, _, event_id = key.partition("/")
        analysis = analyses.get(article_id)
        event = next((e for e in analysis.events if e.id == event_id), None) if analysis else None
        if event is not None:
            found.append((article_id, event))
    return found


def _in_window(story: Story, start: str | None, end: str | None) -> bool:
    when = story_time(story)
    if when is None:
        return True  # undated stories cannot be placed outside the window
    low, high = parse_time(start), parse_time(end)
    return (low is None or when >= low) and (high is None or when <= high)


def _on_topic(story: Story, topic: Topic, events: StoryEvents, analyses: Mapping[str, Analysis]) -> bool:
    if topic.is_everything and not topic.exclude:
        return True
    names = [name for _, e in events for name in (*e.actors, *e.targets)]
    countries = []
    for article_id, event in events:
        analysis = analyses.get(article_id)
        if analysis is None or not event.place:
            continue
        countries += [p.country for p in analysis.places if p.name == event.place and p.country]
    return topic.matches(story, entities=names, countries=countries)


def _previous_figures(previous: Brief | None) -> dict[str, tuple[StoryFigure, ...]] | None:
    if previous is None:
        return None
    figures = {item.story_id: figures_of(item) for _, item in items_of(previous) if item.story_id}
    for story_id in story_ids(previous):
        figures.setdefault(story_id, ())
    return figures


# -- items -----------------------------------------------------------------------------------


def _article_of(story: Story, article_id: str) -> StoryArticle | None:
    return next((a for a in story.articles if a.article_id == article_id), None)


def _citation(story: Story, analyses: Mapping[str, Analysis], article_id: str,
              span: tuple[int, int] | None) -> Citation:
    analysis = analyses.get(article_id)
    listed = _article_of(story, article_id)
    article = analysis.article if analysis else None
    return Citation(
        article_id=article_id,
        source=(article.source if article else None) or (listed.source if listed else None),
        url=(article.url if article else None) or (listed.url if listed else None),
        start=span[0] if span else None,
        end=span[1] if span else None,
    )


def _source_sentence(analyses: Mapping[str, Analysis], article_id: str, span: tuple[int, int]) -> str | None:
    analysis = analyses.get(article_id)
    if analysis is None:
        return None
    start, end = span
    if not 0 <= start < end <= len(analysis.article.text):
        return None
    return clean_space(analysis.article.text[start:end])


def _without_dateline(analyses: Mapping[str, Analysis], article_id: str,
                      span: tuple[int, int]) -> tuple[int, int]:
    """A sentence span without the dateline that opens its paragraph ("KYIV — Ukraine says …")."""
    analysis = analyses.get(article_id)
    if analysis is None:
        return span
    start = text_dateline_end(analysis.article.text, span[0])
    return (start, span[1]) if start < span[1] else span


def _first_span(event: Event) -> tuple[int, int] | None:
    """An event's first evidence span: the sentence that reports it."""
    if not event.evidence:
        return None
    start, end = event.evidence[0]
    return int(start), int(end)


def _provable(text: str, sentence: str) -> bool:
    """Whether ``text`` is a shortening of ``sentence`` the provenance check will accept."""
    if not text or not balanced_quotes(text) or not is_subsequence(words(text), words(sentence)):
        return False
    return {round(v, 6) for v in numbers(text)} <= {round(v, 6) for v in numbers(sentence)}


def _title_event(story: Story, events: StoryEvents) -> Event | None:
    if not story.title_ref:
        return None
    article_id, start, end = story.title_ref
    for aid, event in events:
        if aid == article_id and any(s <= start and end <= e for s, e in event.evidence):
            return event
    return None


def _attribution(event: Event, analysis: Analysis | None, span: tuple[int, int], text: str) -> tuple[str, ...]:
    """Who the item's words are attributed to: the event's sources whose claims in that sentence the item
    keeps ("…, Kurdish commanders said" is theirs, not the coalition official's of the event's next sentence,
    nor that of a dispute the shortening cut); all of the event's sources when no claim lies there."""
    sources = tuple(dict.fromkeys(a.source for a in event.attribution if a.source))
    start, end = span
    claims = [c for c in (analysis.claims if analysis else ()) if c.start < end and start < c.end]
    if not claims:
        return sources
    kept = set(words(text))
    here = {c.claimant for c in claims if _mostly_in(set(words(c.text)), kept)}
    return tuple(s for s in sources if s in here)


def _mostly_in(claimed: set[str], kept: set[str]) -> bool:
    """Whether at least half of a claim's words are among the words an item keeps."""
    return len(claimed & kept) * 2 >= len(claimed)


def _item(story: Story, salience: Salience, events: StoryEvents, analyses: Mapping[str, Analysis], *,
          new: bool) -> Item | None:
    if not story.title_ref:
        return None
    article_id, start, end = story.title_ref
    sentence = _source_sentence(analyses, article_id, (start, end))
    if sentence is None:
        return None
    # The story title is a (possibly shortened) source sentence. When it is not provably so,
    # or the shortening cut a quotation in half, the whole source sentence is used instead.
    title = clean_space(story.title)
    text = sentence_case(without_dangling_opener(title if _provable(title, sentence) else sentence))
    citations = [_citation(story, analyses, article_id, (start, end))]
    copies = {a.article_id for a in story.articles if a.copy_of}
    for other_id, event in sorted(events, key=lambda pair: _published(story, pair[0])):
        if other_id in copies or any(c.article_id == other_id for c in citations):
            continue
        citations.append(_citation(story, analyses, other_id, _first_span(event)))
    said = _title_event(story, events)
    attribution = _attribution(said, analyses.get(article_id), (start, end), text) if said else ()
    return Item(
        text=text,
        citations=tuple(citations),
        story_id=story.id,
        event_types=story.types,
        date=story.start or (story.updated or "")[:10] or None,
        place=story.place,
        lat=story.lat,
        lon=story.lon,
        attribution=attribution,
        conflicts=story.conflicts,
        revisions=story.revisions,
        new=new,
        score=salience.score,
        figures=listed_figures(story.figures),
    )


def _published(story: Story, article_id: str) -> str:
    listed = _article_of(story, article_id)
    return (listed.published or "") if listed else ""


# -- headline and lead -------------------------------------------------------------------------


def _headline(story: Story, item: Item, events: StoryEvents, analyses: Mapping[str, Analysis],
              options: BriefOptions) -> tuple[str, tuple[Citation, ...]]:
    """The top story's title, or another of its event summaries that carries a quote; shortened to a clause.

    A quote makes the better headline ("Kim tells Putin relations are a “first priority”");
    among several, the one sharing most words with the title wins.
    """
    text, citation = item.text, item.citations[0]
    if not _has_quote(text):
        title_words = set(words(text))
        best = -1.0
        for article_id, event in events:
            summary = clean_space(event.summary or "")
            if not event.evidence or not _has_quote(summary) or not stands_alone(summary):
                continue  # a quote in a sentence that points back ("has banned such transfers") heads nothing
            if word_count(summary) > options.headline_max_words:
                continue
            if dated_long_before(analyses.get(article_id), event.evidence[:1]):
                continue  # "… attacks on New York in 2001 sparked the “war on terror”": a recollection
            span = _first_span(event)
            sentence = _source_sentence(analyses, article_id, span) if span else None
            if sentence is None or not _provable(summary, sentence):
                continue
            overlap = len(title_words & set(words(summary))) / max(1, len(title_words))
            if overlap > best:
                best, text = overlap, summary
                citation = _citation(story, analyses, article_id, span)
    return sentence_case(_shorten(text, options.headline_max_words).rstrip(" .;,:")), (citation,)


def _has_quote(text: str) -> bool:
    return any(mark in text for mark in "“”\"‘")


def _shorten(text: str, max_words: int) -> str:
    """The longest leading main clause within ``max_words``; the whole text when there is none."""
    if word_count(text) <= max_words or _LEADING_CLAUSE.match(text):
        return text
    best = None
    for match in _CLAUSE_BREAK.finditer(text):
        prefix = text[:match.start()]
        if 8 <= word_count(prefix) <= max_words and balanced_quotes(prefix):
            best = prefix
    return best or text


def _lead(story: Story, headline: str, events: StoryEvents, analyses: Mapping[str, Analysis],
          options: BriefOptions) -> tuple[str | None, tuple[Citation, ...]]:
    """Whole source sentences about the top story: its title's sentence, then other outlets', newest first (a
    live briefing leads with the latest account: the toll at noon, not the one at dawn)."""
    candidates: list[tuple[str, Citation]] = []
    if story.title_ref is None:
        return None, ()
    article_id, start, end = story.title_ref
    start, end = _without_dateline(analyses, article_id, (start, end))
    first = _source_sentence(analyses, article_id, (start, end))
    if first:
        candidates.append((first, _citation(story, analyses, article_id, (start, end))))
    copies = {a.article_id for a in story.articles if a.copy_of}
    newest_first = sorted(events, key=lambda pair: _published(story, pair[0]), reverse=True)
    heard = {article_id}
    for other_id, event in sorted(newest_first, key=lambda pair: pair[0] in copies):
        if other_id in heard:
            continue  # one account per report; the title's own speaks through its next sentence
        heard.add(other_id)
        span = _first_span(event)
        span = _without_dateline(analyses, other_id, span) if span else None
        sentence = _source_sentence(analyses, other_id, span) if span else None
        if sentence:
            candidates.append((sentence, _citation(story, analyses, other_id, span)))
    follow = _next_sentence(analyses, article_id, end)
    follower = None
    if follow:
        follower = _citation(story, analyses, article_id, follow[1])
        candidates.append((follow[0], follower))
    headline_words = set(words(headline))
    chosen: list[tuple[str, Citation]] = []
    taken: list[set[str]] = [headline_words]
    seen_spans: set[tuple[str, int | None, int | None]] = set()
    for sentence, citation in candidates:
        if citation is not follower and not stands_alone(sentence):
            continue  # "Its Defence Ministry said …" out of its article would name the wrong country
        mine = set(words(sentence))
        where = (citation.article_id, citation.start, citation.end)
        if not mine or where in seen_spans or mine <= headline_words:
            continue  # the headline already says all of it
        seen_spans.add(where)
        if any(_overlap(mine, other) > 0.6 for other in taken[1:]):
            continue
        chosen.append((sentence, citation))
        taken.append(mine)
        if len(chosen) >= options.lead_sentences:
            break
    if not chosen:
        return None, ()
    return " ".join(s for s, _ in chosen), tuple(c for _, c in chosen)


def _overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / max(1, min(len(a), len(b)))


def _next_sentence(analyses: Mapping[str, Analysis], article_id: str, end: int) -> tuple[str, tuple[int, int]] | None:
    """The sentence after offset ``end`` in the same paragraph, with its span."""
    analysis = analyses.get(article_id)
    if analysis is None:
        return None
    text = analysis.article.text
    para_end = text.find("\n\n", end)
    para_end = len(text) if para_end < 0 else para_end
    rest = text[end:para_end]
    offset = end + (len(rest) - len(rest.lstrip()))
    rest = rest.strip()
    if not rest:
        return None
    stop = _SENTENCE_END.search(rest)
    sentence = rest[:stop.start()] if stop else rest
    if stop and rest[stop.start():stop.start() + 1] in "”\"’'":
        sentence = rest[:stop.start() + 1]
    if word_count(sentence) < 4:
        return None
    return clean_space(sentence), (offset, offset + len(sentence))


# -- layout -----------------------------------------------------------------------------------


def _sections(items: Sequence[tuple[Story, Item]], options: BriefOptions) -> tuple[BriefSection, ...]:
    """Key developments first (the top stories of any type), then one section per kind of event."""
    key = [item for _, item in items[:max(1, options.key_items)]]
    grouped: dict[str, list[Item]] = {}
    for story, item in items[len(key):]:
        grouped.setdefault(section_of(story.types), []).append(item)
    sections = [BriefSection(title=KEY_SECTION, items=tuple(key))]
    for title in [t for t, _ in SECTIONS] + [OTHER_SECTION]:
        chosen = grouped.get(title, [])[:options.section_items]
        if chosen:
            sections.append(BriefSection(title=title, items=tuple(chosen)))
    return tuple(sections)


def _source_refs(brief: Brief, stories: Sequence[Story], analyses: Mapping[str, Analysis]) -> tuple[SourceRef, ...]:
    listed = {a.article_id: a for s in stories for a in s.articles}
    refs = []
    for article_id in cited_articles(brief):
        analysis = analyses.get(article_id)
        article, entry = (analysis.article if analysis else None), listed.get(article_id)
        refs.append(SourceRef(
            article_id=article_id,
            source=(article.source if article else None) or (entry.source if entry else None),
            url=(article.url if article else None) or (entry.url if entry else None),
            title=(article.title if article else None) or (entry.title if entry else None),
            published=(article.published if article else None) or (entry.published if entry else None),
        ))
    return tuple(refs)
