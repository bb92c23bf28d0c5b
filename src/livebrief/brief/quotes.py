"""Quotes of the day: direct quotes, with their speakers, from the articles of the briefed stories."""

from __future__ import annotations

from typing import Mapping, Sequence

from livebrief.brief.options import BriefOptions
from livebrief.brief.text import clean_space, locate_quoted, same_name, word_count
from livebrief.model import Analysis, BriefQuote, Story, normalize_text

IDEAL_WORDS = 25  # long enough to say something, short enough to read at a glance


def select_quotes(
    stories: Sequence[Story],
    analyses: Mapping[str, Analysis],
    *,
    options: BriefOptions = BriefOptions(),
) -> tuple[BriefQuote, ...]:
    """Up to ``options.quotes`` direct quotes, most salient story first, one per speaker.

    ``stories`` come in briefing order. A quote is kept only when its words stand inside
    quotation marks in the article text, so the provenance check can prove it; copies of
    the same words (syndication) count once, from the original.
    """
    candidates: list[tuple[tuple[int, int, int], BriefQuote]] = []
    for rank, story in enumerate(stories):
        originals = sorted(story.articles, key=lambda a: (a.copy_of is not None, a.published or ""))
        for order, listed in enumerate(originals):
            analysis = analyses.get(listed.article_id)
            if analysis is None:
                continue
            text = analysis.article.text
            for quote in analysis.quotes:
                words_in = word_count(quote.text)
                if quote.kind != "direct" or not quote.speaker:
                    continue
                if not options.quote_min_words <= words_in <= options.quote_max_words:
                    continue
                span = locate_quoted(quote.text, text, near=quote.start)
                if span is None:
                    continue
                article = analysis.article
                candidates.append(((rank, order, abs(words_in - IDEAL_WORDS)), BriefQuote(
                    text=clean_space(quote.text), speaker=quote.speaker, article_id=article.id,
                    source=article.source, url=article.url, start=span[0], end=span[1], story_id=story.id)))
    chosen: list[BriefQuote] = []
    seen: set[str] = set()
    for _, picked in sorted(candidates, key=lambda pair: pair[0]):
        key = normalize_text(picked.text)
        if key in seen or any(same_name(picked.speaker, other.speaker) for other in chosen):
            continue
        seen.add(key)
        chosen.append(picked)
        if len(chosen) >= options.quotes:
            break
    return tuple(chosen)
