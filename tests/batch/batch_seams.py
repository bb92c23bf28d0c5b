"""Light stage functions for the batch tests, in place of the spaCy analysis (slow to load on every worker).

They fill every finding table from plain string search, deterministically, and can be
told to sleep, to raise or to kill their worker process when a text holds a marker.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterable, Iterator

from livebrief.model import (
    Analysis,
    Article,
    Attribution,
    Claim,
    Entity,
    Event,
    Failure,
    Place,
    Quantity,
    Quote,
    TimeExpr,
)
from livebrief.nlp import PIPELINE_VERSION

CRASH = "CRASH-WORKER"
BUG = "BUG-IN-STAGE"
_CAPITAL = re.compile(r"\b[A-Z][a-z]{3,}\b")
_NUMBER = re.compile(r"\b\d+\b")
_QUOTE = re.compile(r"\"([^\"]+)\"")


def light_analyze(articles: Iterable[Article], *, settings=None) -> Iterator[Analysis | Failure]:
    for article in articles:
        yield _analysis(article)


def slow_analyze(articles: Iterable[Article], *, settings=None) -> Iterator[Analysis | Failure]:
    for article in articles:
        time.sleep(0.25)
        yield _analysis(article)


def crashing_analyze(articles: Iterable[Article], *, settings=None) -> Iterator[Analysis | Failure]:
    for article in articles:
        if CRASH in article.text:
            os._exit(13)  # what a segfault or the OOM killer does to a worker: no exception, no cleanup
        yield _analysis(article)


def buggy_analyze(articles: Iterable[Article], *, settings=None) -> Iterator[Analysis | Failure]:
    for article in articles:
        if BUG in article.text:
            raise RuntimeError("a bug in a stage function")
        yield _analysis(article)


def _analysis(article: Article) -> Analysis:
    text = article.text
    if article.language and not article.language.startswith("en"):
        return Analysis(article=article, pipeline_version=PIPELINE_VERSION,
                        notes=(f"language {article.language!r} skipped",))
    names = list(dict.fromkeys(m.group() for m in _CAPITAL.finditer(text)))[:3]
    entities = tuple(Entity(id=f"e{i}", name=name, type="OTHER",
                            mentions=tuple((m.start(), m.end()) for m in re.finditer(re.escape(name), text)))
                     for i, name in enumerate(names))
    quotes = tuple(Quote(text=m.group(1), kind="direct", speaker=names[0] if names else None, start=m.start(1),
                         end=m.end(1), speaker_span=(0, 4)) for m in _QUOTE.finditer(text))
    number = _NUMBER.search(text)
    quantities = (Quantity(value=float(number.group()), kind="count", text=number.group(), start=number.start(),
                           end=number.end(), qualifier="exactly"),) if number else ()
    claims = (Claim(text=text[:40], claimant="Officials", kind="claim", start=0, end=min(40, len(text))),)
    kyiv = text.find("Kyiv")
    places = (Place(name="Kyiv", lat=50.45, lon=30.52, country="UA", geonames_id=703448,
                    mentions=((kyiv, kyiv + 4),)),) if kyiv >= 0 else ()
    tuesday = text.find("Tuesday")
    times = (TimeExpr(text="Tuesday", date=None, start=tuesday, end=tuesday + 7),) if tuesday >= 0 else ()
    events = (Event(id="ev0", type="ASSAULT", summary=text[:30], date=None, place="Kyiv" if places else None,
                    actors=tuple(names[:1]), quantities=(0,) if quantities else (),
                    attribution=(Attribution(source="Reuters", kind="report"),), evidence=((0, 10),),
                    confidence=0.7),)
    return Analysis(article=article, entities=entities, quotes=quotes, claims=claims, quantities=quantities,
                    places=places, times=times, events=events, pipeline_version=PIPELINE_VERSION)
