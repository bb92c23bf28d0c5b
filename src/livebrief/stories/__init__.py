"""Stories: analyses across outlets -> one Story per real-world event.

``StoryIndex`` places each new event (a ``StoryItem``) incrementally; ``compose_story``
turns a story's items and their analyses into a ``Story`` with sources, figures,
conflicts and the claim ledger. ``update_stories`` does both for a batch of analyses
(``add_analyses`` then ``recompose``, for a caller that loads analyses itself).
"""

from __future__ import annotations

from collections import ChainMap
from typing import Iterable, Mapping

from livebrief.model import Analysis, Story
from livebrief.stories.index import StoryIndex, Weights
from livebrief.stories.items import StoryItem, item_from_document, items_from_analysis, paragraphs
from livebrief.stories.vectors import terms
from livebrief.stories.merge import ArticleInfo, compose_story

__all__ = ["ArticleInfo", "StoryIndex", "StoryItem", "Weights", "compose_story", "item_from_document",
           "items_from_analysis", "update_stories", "add_analyses", "articles_needed", "recompose", "article_info"]


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
    of any article already in the index.
    """
    new = list(new)
    touched = add_analyses(index, new, copies=copies)
    return recompose(index, touched, analyses=ChainMap({a.article.id: a for a in new}, lookup), copies=copies)


def add_analyses(index: StoryIndex, new: Iterable[Analysis], *, copies: Mapping[str, str]) -> set[str]:
    """Place the events of ``new`` analyses in ``index``; the ids of the stories they touched.

    An analysis the index has read before (by article id) is skipped.
    """
    fresh = {a.article.id: a for a in new if a.article.id not in index.articles_read}
    index.articles_read.update(fresh)
    new = list(fresh.values())
    # Paragraph weights come from the index's running frequencies, warmed with this batch so
    # that words every report repeats ("Russia", "Ukraine") do not glue paragraphs together.
    paragraph_df = index.paragraph_frequencies
    for analysis in new:
        for start, end in paragraphs(analysis.article.text):
            paragraph_df.add(terms(analysis.article.text[start:end]))
    items: list[StoryItem] = []
    for analysis in new:
        items.extend(items_from_analysis(analysis, copy_of=copies.get(analysis.article.id),
                                         frequencies=paragraph_df))
    # Originals before their copies, then oldest first, so a copy finds its original's story.
    items.sort(key=lambda i: (i.is_copy, i.published or "", i.key))
    return {index.add(item) for item in items}


def articles_needed(index: StoryIndex, story_ids: Iterable[str], *, copies: Mapping[str, str]) -> list[str]:
    """Article ids whose analyses ``recompose`` reads for these stories: their reports and the originals
    their copies credit. A large store loads just these instead of every analysis."""
    needed = dict.fromkeys(index.items[key].article_id for story_id in story_ids
                           for key in index.stories[story_id].keys if key in index.items)
    needed.update(dict.fromkeys(copies[aid] for aid in list(needed) if aid in copies))
    return list(needed)


def recompose(index: StoryIndex, story_ids: Iterable[str], *, analyses: Mapping[str, Analysis],
              copies: Mapping[str, str]) -> list[Story]:
    """Rebuild the Story records of the given stories from the index and the analyses.

    ``analyses`` needs to hold only the articles :func:`articles_needed` names.
    """
    story_ids = sorted(story_ids)
    infos = {aid: article_info(analyses[aid], copy_of=copies.get(aid))
             for aid in articles_needed(index, story_ids, copies=copies) if aid in analyses}
    stories = []
    for story_id in story_ids:
        state = index.stories[story_id]
        items = [index.items[key] for key in state.keys if key in index.items]
        stories.append(compose_story(state, items, analyses=analyses, articles=infos))
    return stories
