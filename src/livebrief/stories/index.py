"""The story index: assigns each new item to an existing story or starts one, incrementally.

Blocking keeps the cost per item flat as the index grows: an item is compared only with
stories that share one of its key terms (top TF-IDF words, actors, place) and whose dates
lie within a window of its own. Story IDs come from a story's first item, so they stay
stable as stories grow.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict, deque
from dataclasses import dataclass, field
from datetime import date

from livebrief.model import content_id
from livebrief.stories.items import StoryItem, day_of
from livebrief.stories.vectors import DocumentFrequencies, Vector, cosine, normalise, terms, top_terms

# Event families: types in one family may describe the same real-world event from
# different angles (a strike reported as ASSAULT by one outlet and COERCE by another).
FAMILIES = {
    "ASSAULT": "force", "COERCE": "force", "MOBILIZE": "force", "RETREAT": "force", "THREATEN": "force",
    "CONSULT": "talks", "AGREE": "talks", "REQUEST": "talks", "REJECT": "talks", "ACCUSE": "talks",
    "CONCEDE": "talks", "SUPPORT": "talks",
    "AID": "aid", "COOPERATE": "aid",
    "SANCTION": "economy", "PROTEST": "protest",
}

CENTROID_TERMS = 300
KEY_TERMS = 16
POSTINGS_PER_TERM = 64
MEMBER_VECTORS = 12
MAX_CANDIDATES = 40
SHORTLIST = 8


@dataclass(frozen=True)
class Weights:
    """How much each kind of evidence counts; calibrated on the ECB+ training topics."""

    actors: float = 0.0
    place: float = 0.0
    far_place: float = 0.2  # calibrated on the demo stream; ECB+ has no dates, so it never applies there
    other_day: float = 0.2  # likewise: two acts of force on days two or more apart are two incidents
    same_article: float = 0.1  # a later part of a report leans to the story its earlier parts joined (demo
    # stream; ECB+ clusters whole documents, so it never applies there)
    context: float = 0.1  # and leans twice as much when it gives no day of its own: "Kyiv has long pressed
    # Israel for air defences" is background to its report's meeting, not a development of its own (demo)
    date: float = 0.0
    type: float = 0.0
    threshold: float = 0.20
    nearest: float = 0.5  # share of the text score from the story's closest report (vs its centroid)
    window_days: int = 4


@dataclass
class StoryState:
    """What the index keeps of one story to compare new items with."""

    id: str
    keys: list[str] = field(default_factory=list)
    centroid: Counter[str] = field(default_factory=Counter)
    actors: Counter[str] = field(default_factory=Counter)
    types: Counter[str] = field(default_factory=Counter)
    coords: list[tuple[float, float]] = field(default_factory=list)
    countries: Counter[str] = field(default_factory=Counter)
    places: Counter[str] = field(default_factory=Counter)
    event_days: Counter[date] = field(default_factory=Counter)
    start: str | None = None
    end: str | None = None
    start_day: date | None = None
    end_day: date | None = None
    articles: set[str] = field(default_factory=set)
    originals: set[str] = field(default_factory=set)
    members: deque = field(default_factory=lambda: deque(maxlen=MEMBER_VECTORS))  # noqa: E731
    _normalised: Vector | None = None

    def __setstate__(self, state: dict) -> None:
        state.setdefault("event_days", Counter())  # states pickled before event days were kept
        self.__dict__.update(state)

    def vector(self) -> Vector:
        if self._normalised is None:
            self._normalised = normalise(self.centroid)
        return self._normalised

    def absorb(self, item: StoryItem, vector: Vector) -> None:
        self.keys.append(item.key)
        # A story is what its developments are about: background paragraphs (a later part with no day of its
        # own) join their report's story but neither draw other reports to it nor shift what it is about
        # (unless they are all it has).
        if not (item.background and self.members):
            self.members.append(vector)
            for term, weight in vector.items():
                self.centroid[term] += weight
        if len(self.centroid) > CENTROID_TERMS * 2:
            self.centroid = Counter(dict(self.centroid.most_common(CENTROID_TERMS)))
        self._normalised = None
        self.actors.update(a.lower() for a in item.actors)
        if item.type:
            self.types[item.type] += 1
        if not item.background:  # the places of an undated later paragraph are not the story's
            if item.specific and item.lat is not None and item.lon is not None:
                self.coords.append((item.lat, item.lon))
            if item.country:
                self.countries[item.country] += 1
            if item.place:
                self.places[item.place.lower()] += 1
        event_day = day_of(item.event_day)
        if event_day is not None:
            self.event_days[event_day] += 1
        day = day_of(item.date)
        if day is not None:
            self.start_day = min(self.start_day or day, day)
            self.end_day = max(self.end_day or day, day)
            self.start, self.end = self.start_day.isoformat(), self.end_day.isoformat()
        self.articles.add(item.article_id)
        self.originals.add(item.original_id)


class StoryIndex:
    """Incremental clustering of story items."""

    def __init__(self, *, weights: Weights | None = None, frequencies: DocumentFrequencies | None = None,
                 learn_frequencies: bool = True) -> None:
        self.weights = weights or Weights()
        self.learn_frequencies = learn_frequencies
        self.frequencies = frequencies or DocumentFrequencies()
        self.paragraph_frequencies = DocumentFrequencies()
        self.stories: dict[str, StoryState] = {}
        self.assignment: dict[str, str] = {}
        self.items: dict[str, StoryItem] = {}
        self._postings: dict[str, deque[str]] = defaultdict(_posting_list)
        self._by_article: dict[str, set[str]] = defaultdict(set)
        # Every article whose analysis was read, events or not: a later build skips them all.
        self.articles_read: set[str] = set()

    def __setstate__(self, state: dict) -> None:
        # Indexes pickled before ``articles_read`` existed: the articles with placed items.
        state.setdefault("articles_read", set(state.get("_by_article", ())))
        self.__dict__.update(state)

    def __len__(self) -> int:
        return len(self.stories)

    def add(self, item: StoryItem) -> str:
        """Place one item; returns the ID of the story it joined or started."""
        if item.key in self.assignment:
            return self.assignment[item.key]
        counts = terms(item.text, extra=self._feature_terms(item))
        if self.learn_frequencies:
            self.frequencies.add(counts)
        vector = self.frequencies.weigh(counts)
        keys = self._key_terms(item, vector)
        story = self._syndicated_story(item, vector) or self._best_story(item, vector, keys)
        if story is None:
            story = StoryState(id=content_id(item.key, prefix="s", length=12))
            self.stories[story.id] = story
        story.absorb(item, vector)
        self.assignment[item.key] = story.id
        self.items[item.key] = item
        self._by_article[item.article_id].add(story.id)
        for term in keys:
            postings = self._postings[term]
            if story.id not in postings:
                postings.append(story.id)
        return story.id

    def score(self, item: StoryItem, vector: Vector, story: StoryState, *, nearest: bool = True,
              day: date | None = None) -> float | None:
        """Similarity of an item to a story, or None when blocking rules exclude the pair.

        With ``nearest`` the text part is half the centroid's cosine (what the story is
        about) and half its closest member's (how this report continues one of its
        reports): centroids alone drift as a story grows. Without it, the centroid alone
        is used, a cheap first pass over many candidates.
        """
        w = self.weights
        gap = _date_gap(day if day is not None else day_of(item.date), story.start_day, story.end_day)
        if gap is not None and gap > w.window_days:
            return None
        km = None if item.background else _nearest_km(item, story)  # its places neither help nor hurt
        text = cosine(vector, story.vector())
        if nearest:
            near = w.nearest
            text = (1 - near) * text + near * max((cosine(vector, m) for m in story.members), default=0.0)
        # Text decides; the other evidence adds a little when it agrees and takes away when it
        # plainly disagrees. Missing evidence neither helps nor hurts, so an event without a
        # place or date still clusters on its words (and extraction errors cannot dilute them).
        score = text
        item_actors = {a.lower() for a in item.actors}
        if item_actors and story.actors:
            shared = len(item_actors & story.actors.keys())
            score += w.actors * min(1.0, shared / 2)
        if km is not None:
            # Two named cities or facilities far apart on the same days are two incidents:
            # strikes on one day in Sevastopol and in Odesa are two stories. Without dates a
            # story's reports range over places (the court, the hospital, the home town), so
            # distance alone is weak evidence there (ECB+ training topics).
            if km <= 30:
                score += w.place
            elif km > 100 and gap is not None:
                score -= w.far_place
        elif item.place and story.places and item.place.lower() in story.places and not item.background:
            score += w.place
        if gap is not None:
            score += w.date * {0: 1.0, 1: 0.5}.get(gap, -1.0 if gap > 2 else 0.0)
        if _other_day(item, story):
            score -= w.other_day
        if not item.lead and item.article_id in story.articles:
            score += w.same_article + (w.context if item.background else 0.0)
        if item.type and story.types:
            if item.type in story.types:
                score += w.type
            elif FAMILIES.get(item.type) not in {FAMILIES.get(t) for t in story.types}:
                score -= w.type
        return score

    def _best_story(self, item: StoryItem, vector: Vector, keys: list[str]) -> StoryState | None:
        rough = []
        day = day_of(item.date)
        # the stories its own article's earlier parts joined are always candidates
        own = sorted(self._by_article.get(item.article_id, ())) if not item.lead else []
        for story_id in dict.fromkeys(own + self._candidates(keys)):
            story = self.stories[story_id]
            score = self.score(item, vector, story, nearest=False, day=day)
            if score is not None:
                rough.append((score, story_id))
        rough.sort(reverse=True)
        best, best_score = None, self.weights.threshold
        for story_id in dict.fromkeys(own + [story_id for _, story_id in rough[:SHORTLIST]]):
            story = self.stories[story_id]
            score = self.score(item, vector, story, day=day)
            if score is not None and score >= best_score:
                best, best_score = story, score
        return best

    def _syndicated_story(self, item: StoryItem, vector: Vector) -> StoryState | None:
        """A copy joins the story of its original's matching part: copies count once."""
        if not item.is_copy:
            return None
        stories = [self.stories[s] for s in sorted(self._by_article.get(item.original_id, ()))]
        if not stories:
            return None
        return max(stories, key=lambda story: cosine(vector, story.vector()))

    def _candidates(self, keys: list[str]) -> list[str]:
        """Stories sharing the most key terms with the item, at most MAX_CANDIDATES of them."""
        hits: Counter[str] = Counter()
        for term in keys:
            hits.update(self._postings.get(term, ()))
        return [story_id for story_id, _ in hits.most_common(MAX_CANDIDATES)]

    def _feature_terms(self, item: StoryItem) -> list[str]:
        extra = [f"actor:{a.lower()}" for a in item.actors]
        if item.place:
            extra.append(f"place:{item.place.lower()}")
        return extra

    def _key_terms(self, item: StoryItem, vector: Vector) -> list[str]:
        keys = top_terms({t: v for t, v in vector.items() if ":" not in t}, KEY_TERMS)
        return keys + self._feature_terms(item)


def _posting_list() -> deque[str]:
    """A bounded list of the stories most recently indexed under one term (picklable)."""
    return deque(maxlen=POSTINGS_PER_TERM)


def _date_gap(day: date | None, start: date | None, end: date | None) -> int | None:
    if day is None or start is None or end is None:
        return None
    if start <= day <= end:
        return 0
    return min(abs((day - start).days), abs((day - end).days))


def _other_day(item: StoryItem, story: StoryState) -> bool:
    """Two acts of force whose texts date them two or more days apart: a strike on Monday and one on
    Wednesday are two incidents unless their words are very close (a follow-up keeps the event's own day)."""
    day = day_of(item.event_day)
    if day is None or not story.event_days or FAMILIES.get(item.type or "") != "force":
        return False
    main_type = story.types.most_common(1)[0][0] if story.types else None
    if FAMILIES.get(main_type or "") != "force":
        return False
    return min(abs((day - other).days) for other in story.event_days) >= 2


def _nearest_km(item: StoryItem, story: StoryState) -> float | None:
    if not item.specific or item.lat is None or item.lon is None or not story.coords:
        return None
    return min(haversine_km(item.lat, item.lon, lat, lon) for lat, lon in story.coords[-20:])


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, a)))
