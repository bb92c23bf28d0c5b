"""Hand-built articles, analyses and stories for the briefing tests (our own invented words).

``Corpus`` builds records whose offsets are computed from the text, so every fixture is
consistent the way the NLP stage's output is: spans point at the words they name.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from livebrief.model import (
    Analysis, Article, Attribution, Entity, Event, Place, Quantity, Quote, Story, StoryArticle, StoryFigure,
    text_hash,
)
from livebrief.nlp import PIPELINE_VERSION

NOW = "2024-05-02T18:00:00+00:00"
WINDOW = ("2024-05-01T18:00:00+00:00", NOW)


def span_of(text: str, words: str, *, after: int = 0) -> tuple[int, int]:
    start = text.index(words, after)
    return start, start + len(words)


@dataclass
class Corpus:
    """Articles with their analyses, and stories over them."""

    analyses: dict[str, Analysis] = field(default_factory=dict)
    stories: list[Story] = field(default_factory=list)

    @property
    def articles(self) -> dict[str, Article]:
        return {aid: a.article for aid, a in self.analyses.items()}

    def article(self, key: str, text: str, *, outlet: str, published: str, title: str | None = None) -> Article:
        url = f"https://{outlet.lower().replace(' ', '')}.example/{key}"
        article = Article(id=Article.make_id(url, text), text=text, title=title or f"{outlet} report {key}",
                          url=url, source=outlet, published=published, language="en", text_hash=text_hash(text))
        return article

    def analyse(self, article: Article, *, events=(), quotes=(), quantities=(), places=(), entities=()) -> Analysis:
        analysis = Analysis(article=article, events=tuple(events), quotes=tuple(quotes),
                            quantities=tuple(quantities), places=tuple(places), entities=tuple(entities),
                            pipeline_version=PIPELINE_VERSION)
        self.analyses[article.id] = analysis
        return analysis


def event(article: Article, sentence: str, *, id: str = "e1", type: str = "ASSAULT", summary: str | None = None,
          actors=(), targets=(), place: str | None = None, quantities=(), said_by: str | None = None) -> Event:
    return Event(id=id, type=type, summary=summary or sentence, date=(article.published or "")[:10], place=place,
                 actors=tuple(actors), targets=tuple(targets), quantities=tuple(quantities),
                 attribution=(Attribution(said_by, "claim"),) if said_by else (),
                 evidence=(span_of(article.text, sentence),), confidence=0.8)


def quote(article: Article, words: str, speaker: str, *, kind: str = "direct") -> Quote:
    start, end = span_of(article.text, words)
    return Quote(text=words, kind=kind, speaker=speaker, start=start, end=end, cue="said")


def quantity(article: Article, words: str, value: float, kind: str, *, qualifier=None) -> Quantity:
    start, end = span_of(article.text, words)
    return Quantity(value=value, kind=kind, text=words, start=start, end=end, qualifier=qualifier)


def figure(article: Article, q: Quantity, source: str) -> StoryFigure:
    return StoryFigure(kind=q.kind, value=q.value, source=source, article_id=article.id, qualifier=q.qualifier,
                       text=q.text, outlet=article.source, published=article.published, span=(q.start, q.end))


def story(id: str, articles: list[tuple[Article, Event]], *, figures=(), conflicts=(), place=None, lat=None,
          lon=None, title: str | None = None) -> Story:
    first_article, first_event = articles[0]
    start, end = first_event.evidence[0]
    published = sorted(a.published for a, _ in articles)
    return Story(
        id=id,
        title=title or first_event.summary,
        types=tuple(dict.fromkeys(e.type for _, e in articles)),
        place=place, lat=lat, lon=lon,
        start=first_event.date, end=first_event.date,
        first_seen=published[0], updated=published[-1],
        articles=tuple(StoryArticle(article_id=a.id, url=a.url, source=a.source, title=a.title,
                                    published=a.published) for a, _ in articles),
        sources=tuple(sorted({a.source for a, _ in articles})),
        figures=tuple(figures),
        conflicts=tuple(conflicts),
        events=tuple(f"{a.id}/{e.id}" for a, e in articles),
        title_ref=(first_article.id, start, end),
        confidence=0.7,
    )


PORT_1 = ("Two drones struck the grain terminal at Port Selna overnight, regional governor Petra Ilieva said "
          "on Thursday. At least 14 people were injured, four of them seriously.\n\n"
          "“We will rebuild the terminal within a month, whatever it takes,” Ilieva told reporters at the scene. "
          "Firefighters worked until dawn to contain the blaze.")
PORT_2 = ("A drone attack on Port Selna injured at least twelve people, the port authority said. "
          "The authority said two drones hit the grain terminal shortly after midnight.\n\n"
          "Ships were told to wait offshore while crews cleared debris.")
TALKS = ("The foreign ministers of Aldria and Norland met in Geneva on Wednesday and agreed to reopen border talks. "
         "“This is a first step, not a final settlement,” Aldrian foreign minister Tomas Brenner said after "
         "the meeting.\n\nThe talks had been frozen for 18 months.")
AID = ("Estmark pledged an air defence package worth $250 million to Norland, its defence ministry said on "
       "Thursday. The package includes radar systems and interceptor missiles.")
MARCH = ("Several thousand people marched through the capital of Aldria on Saturday to demand early elections. "
         "Organisers said the march was peaceful.")


def build_corpus() -> Corpus:
    c = Corpus()
    # Story 1, two outlets: a drone strike on a port (ASSAULT), with a conflict over the injured count.
    a1 = c.article("port-1", PORT_1, outlet="Harbour Post", published="2024-05-02T08:00:00+00:00",
                   title="Drones strike Port Selna grain terminal")
    q1 = quantity(a1, "At least 14 people", 14, "injured", qualifier="at_least")
    e1 = event(a1, PORT_1.split(" At least")[0], summary="Two drones struck the grain terminal at Port Selna "
               "overnight, regional governor Petra Ilieva said", actors=("Petra Ilieva",), place="Port Selna",
               quantities=(0,), said_by="Petra Ilieva")
    c.analyse(a1, events=[e1], quantities=[q1],
              quotes=[quote(a1, "We will rebuild the terminal within a month, whatever it takes", "Petra Ilieva")],
              places=[Place(name="Port Selna", lat=43.2, lon=27.9, country="NL")],
              entities=[Entity(id="p1", name="Petra Ilieva", type="PERSON", title="regional governor")])
    a2 = c.article("port-2", PORT_2, outlet="North Wire", published="2024-05-02T09:30:00+00:00")
    q2 = quantity(a2, "at least twelve people", 12, "injured", qualifier="at_least")
    e2 = event(a2, PORT_2.split(" The authority")[0], actors=("port authority",), place="Port Selna",
               quantities=(0,), said_by="the port authority")
    c.analyse(a2, events=[e2], quantities=[q2])
    s1 = story("s-port", [(a1, e1), (a2, e2)],
               figures=[figure(a1, q1, "Petra Ilieva"), figure(a2, q2, "the port authority")],
               conflicts=("Figures differ: at least 14 injured, says Petra Ilieva (Harbour Post); at least 12 "
                          "injured, says the port authority (North Wire)",),
               place="Port Selna", lat=43.2, lon=27.9)

    # Story 2: talks (CONSULT) with a direct quote.
    a3 = c.article("talks", TALKS, outlet="Global Desk", published="2024-05-02T07:00:00+00:00")
    e3 = event(a3, TALKS.split(" “This")[0], type="CONSULT", actors=("Aldria", "Norland"), place="Geneva")
    c.analyse(a3, events=[e3], quotes=[quote(a3, "This is a first step, not a final settlement", "Tomas Brenner")],
              places=[Place(name="Geneva", lat=46.2, lon=6.15, country="CH")],
              entities=[Entity(id="t1", name="Tomas Brenner", type="PERSON", aliases=("Brenner",))])
    s2 = story("s-talks", [(a3, e3)], place="Geneva", lat=46.2, lon=6.15)

    # Story 3: an aid pledge (AID) with money.
    a4 = c.article("aid", AID, outlet="East Bulletin", published="2024-05-02T06:00:00+00:00")
    q4 = quantity(a4, "$250 million", 250e6, "money")
    e4 = event(a4, AID.split(" The package")[0], type="AID", actors=("Estmark",), targets=("Norland",),
               quantities=(0,), said_by="defence ministry")
    c.analyse(a4, events=[e4], quantities=[q4])
    s3 = story("s-aid", [(a4, e4)], figures=[figure(a4, q4, "defence ministry")])

    # Story 4: a protest (PROTEST), older.
    a5 = c.article("march", MARCH, outlet="Global Desk", published="2024-05-01T20:00:00+00:00")
    e5 = event(a5, MARCH.split(" Organisers")[0], type="PROTEST", actors=("protesters",))
    c.analyse(a5, events=[e5])
    s4 = story("s-march", [(a5, e5)])
    c.stories = [s1, s2, s3, s4]
    return c


@pytest.fixture()
def corpus() -> Corpus:
    return build_corpus()
