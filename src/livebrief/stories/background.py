"""Background: what a report recalls from long before it was written ("Russia annexed Crimea in 2014",
"Last month a sea drone damaged …"). It is context, not a development of the story."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from livebrief.model import Analysis

BACKGROUND_DAYS = 7


def dated_long_before(analysis: Analysis | None, spans: Iterable[tuple[int, int]]) -> bool:
    """Whether the dates named in ``spans`` all lie more than BACKGROUND_DAYS before publication.

    Spans without a resolved date are not background; a recent date among old ones ("on Wednesday …, the
    worst blow since … last year") keeps them current, and an interval counts by its end ("over the past
    year" runs up to today).
    """
    published = analysis.article.published if analysis else None
    spans = list(spans)
    if not published or not spans:
        return False
    try:
        day = date.fromisoformat(published[:10])
        ages = [(day - date.fromisoformat((t.end_date or t.date)[:10])).days for t in analysis.times
                if (t.end_date or t.date) and any(start <= t.start < end for start, end in spans)]
    except ValueError:
        return False
    return bool(ages) and min(ages) > BACKGROUND_DAYS
