"""Stories: analyses across outlets -> one Story per real-world event.

``StoryIndex`` places each new event (a ``StoryItem``) incrementally; ``compose_story``
turns a story's items and their analyses into a ``Story`` with sources, figures,
conflicts and the claim ledger. ``update_stories`` does both for a batch of analyses.
"""

from __future__ import annotations

from typing import Iterable, Mapping

from livebrief.model import Analysis, Story
from livebrief.stories.index import StoryIndex, Weights
from livebrief.stories.items import StoryItem, item_from_document, items_from_analysis, paragraphs
from livebrief.stories.vectors import terms
from livebrief.stories.merge import ArticleInfo, compose_story

__all__ = ["ArticleInfo", "StoryIndex", "StoryItem", "Weights", "compose_story", "item_from_document",
           "items_from_analysis", "update_stories", "article_info"]


def article_info(analysis: Analysis, *, copy_of: str | None = None) -> ArticleInfo:
    a = analysis.article
    return ArticleInfo(article_id=a.id, url=a.url, outlet=a.source, title=a.title,
                       published=a.published or a.fetched_at, copy_of=copy_of)


def update_stories(
    index: StoryIndex,
    new: Iterable[Analysis],
    *,
    copies: Mapping[str, str],
    lookup: Mapping[str, Analysis],
) -> list[Story]:
    """Add the events of ``new`` analyses to ``index``; return every story they touched, recomposed.

    ``copies`` maps a copy's article id to its original's; ``lookup`` gives the analysis
    of any article already in the index (the new ones are added to it here).
    """
    analyses = dict(lookup)
    new = list(new)
    # Paragraph weights come from the index's running frequencies, warmed with this batch so
    # that words every report repeats ("Russia", "Ukraine") do not glue paragraphs together.
    paragraph_df = index.paragraph_frequencies
    for analysis in new:
        for start, end in paragraphs(analysis.article.text):
            paragraph_df.add(terms(analysis.article.text[start:end]))
    items: list[StoryItem] = []
    for analysis in new:
        analyses[analysis.article.id] = analysis
        items.extend(items_from_analysis(analysis, copy_of=copies.get(analysis.article.id),
                                         frequencies=paragraph_df))
    # Originals before their copies, then oldest first, so a copy finds its original's story.
    items.sort(key=lambda i: (i.is_copy, i.published or "", i.key))
    touched = {index.add(item) for item in items}
    return recompose(index, touched, analyses=analyses, copies=copies)


def recompose(index: StoryIndex, story_ids: Iterable[str], *, analyses: Mapping[str, Analysis],
              copies: Mapping[str, str]) -> list[Story]:
    """Rebuild the Story records of the given stories from the index and the analyses."""
    infos = {aid: article_info(a, copy_of=copies.get(aid)) for aid, a in analyses.items()}
    stories = []
    for story_id in sorted(story_ids):
        state = index.stories[story_id]
        items = [index.items[key] for key in state.keys if key in index.items]
        stories.append(compose_story(state, items, analyses=analyses, articles=infos))
    return stories
