"""Understanding one article: Article -> Analysis. Only this package sees spaCy's Doc.

Components, each in its own module, run in this order over one parsed Doc:
entities -> quotes -> claims -> quantities -> times -> places -> events.
"""

from __future__ import annotations

import logging
from typing import Iterable, Iterator

from livebrief.errors import AnalysisError, LivebriefError
from livebrief.model import Analysis, Article, Failure
from livebrief.settings import DEFAULTS, Settings

log = logging.getLogger(__name__)

PIPELINE_VERSION = "7"  # bump when analyses change, so `analyze --all` redoes stored ones
CAPTION_CHARS = 2000
SUPPORTED_LANGUAGES = ("en",)


def analyze(article: Article, *, settings: Settings = DEFAULTS, nlp=None) -> Analysis:
    """Analyse one article; raises AnalysisError for unusable input."""
    for result in analyze_many([article], settings=settings, nlp=nlp):
        if isinstance(result, Failure):
            raise AnalysisError(result.message, item=result.item)
        return result
    raise AnalysisError("nothing to analyse", item=article.id)


def analyze_many(
    articles: Iterable[Article], *, settings: Settings = DEFAULTS, nlp=None
) -> Iterator[Analysis | Failure]:
    """Analyse a stream of articles with batched ``nlp.pipe``; bad items become failures."""
    from livebrief.nlp.chunks import join_docs, split_text
    from livebrief.nlp.loader import load_nlp

    nlp = nlp or load_nlp(settings["nlp.model"])
    max_chars = int(settings["extract.max_chars"])
    chunk_chars = int(settings["nlp.chunk_chars"])
    pending: list[Article] = []

    def texts() -> Iterator[tuple[str, tuple[Article, int, int]]]:
        for article in articles:
            skip = _skip_reason(article)
            if skip is not None:
                pending.append(article)  # handled below without parsing
                continue
            pieces = split_text(article.text[:max_chars], chunk_chars)  # long texts in pieces: bounded memory
            for n, piece in enumerate(pieces):
                yield piece, (article, n, len(pieces))

    # Articles that need no parse are reported as they are met, between parsed ones.
    parsed: list = []
    for doc, (article, n, count) in nlp.pipe(texts(), as_tuples=True, batch_size=int(settings["nlp.batch_size"]),
                                             n_process=int(settings["nlp.processes"])):
        parsed.append(doc)
        if n + 1 < count:
            continue
        yield from _drain(pending)
        pieces, parsed = parsed, []
        try:
            doc = join_docs(pieces)
            captions = " ".join(article.captions)[:CAPTION_CHARS] if article.captions else ""
            yield analyze_doc(article, doc, caption_doc=nlp(captions) if captions else None)
        except LivebriefError as exc:
            yield Failure.from_exception("analyze", article.id or article.url or "", exc)
    yield from _drain(pending)


def _skip_reason(article: Article) -> str | None:
    if not article.text.strip():
        return "empty text"
    if article.language and article.language.split("-")[0].lower() not in SUPPORTED_LANGUAGES:
        return f"language {article.language!r} is not supported; NLP skipped, article kept"
    return None


def _drain(pending: list[Article]) -> Iterator[Analysis | Failure]:
    while pending:
        article = pending.pop(0)
        reason = _skip_reason(article) or ""
        if reason == "empty text":
            yield Failure("analyze", article.id or article.url or "", "analysis", "article has no text to analyse")
        else:
            yield Analysis(article=article, pipeline_version=PIPELINE_VERSION, notes=(reason,))


def analyze_doc(article: Article, doc, *, caption_doc=None) -> Analysis:
    """Run every component over a parsed Doc of ``article.text`` (captions, parsed apart, as context)."""
    from livebrief.nlp.claims import find_claims
    from livebrief.nlp.entities import find_entities
    from livebrief.nlp.events import find_events
    from livebrief.nlp.places import find_places
    from livebrief.nlp.quantities import find_quantities
    from livebrief.nlp.quotes import find_quotes
    from livebrief.nlp.times import find_times

    entities = tuple(find_entities(doc))
    quotes = tuple(find_quotes(doc, entities=entities))
    claims = tuple(find_claims(doc, entities=entities, quotes=quotes))
    quantities = tuple(find_quantities(doc))
    times = tuple(find_times(doc, published=article.published))
    places = tuple(find_places(doc, entities=entities))
    events = tuple(find_events(doc, entities=entities, quotes=quotes, claims=claims, quantities=quantities,
                               times=times, places=places, published=article.published))
    if caption_doc is not None:
        from livebrief.nlp.captions import refine_event_places

        caption_places = find_places(caption_doc, entities=find_entities(caption_doc))
        events, places = refine_event_places(events, places, caption_text=caption_doc.text,
                                             caption_places=caption_places)
    return Analysis(article=article, entities=entities, quotes=quotes, claims=claims, quantities=quantities,
                    places=places, times=times, events=events, pipeline_version=PIPELINE_VERSION)
