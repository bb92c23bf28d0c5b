"""Events: who did what to whom, where and when, typed in PLOVER, each tied to its sentences.

For every sentence (paragraph and line breaks end a sentence too) ``plover.find_triggers`` finds the event
predicates over the parse and ``plover.classify`` scores the sentence's type. A sentence with no trigger, or whose
best type scores below ``MIN_CONFIDENCE``, yields nothing: background and commentary make no events. A sentence
may hold several events of different types. Adjacent sentences of one paragraph that report the same type with
no conflicting place or actors are one event ("Drones attacked Odesa. The attack injured six.").

Roles come from the parse: subjects (and passive agents) are actors, objects and "to/against/on" phrases
targets, named by ``entities``; CONSULT puts every participant among the actors. Place, date, figures and
attribution come from the other components' records that fall inside the event's evidence. The summary is the
first evidence sentence shortened by ``summaries.shorten``: never a word that is not in the article.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from livebrief.model import Attribution, Entity, Event, Place, Quantity, TimeExpr, content_id
from livebrief.nlp import lexicon, plover
from livebrief.nlp.doctext import doc_text
from livebrief.nlp.quote_cues import lemma_of
from livebrief.nlp.summaries import shorten

# Out-of-fold on the training parts, the best event above 0.45 types PLOVER as well as above 0.4 (0.851) and
# CASE a little better (0.670 against 0.668); the events between, in news prose, were mostly false.
MIN_CONFIDENCE = 0.45
# Added to the typer's probability of the type the lexicon rules give: the rules carry PLOVER's conventions.
# 0.2, chosen by cross-validation on the training parts and on our own sentences, which no rule was read off
# (docs/nlp-events.md); 0.3 before the model learnt from those sentences.
RULE_BOOST = 0.2
SUMMARY_WORDS = 30
ACTOR_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
# Most specific first; an unknown feature sits between a city and a region.
PLACE_RANK = {"facility": 0, "city": 1, "area": 2, "water": 2, None: 3, "other": 3, "region": 4, "country": 5}
TARGET_PREPS = frozenset({"to", "against", "on", "at", "into", "upon", "toward", "towards", "for"})
CONSULT_PREPS = frozenset({"with", "between"})
CASUALTY_KINDS = frozenset({"killed", "injured", "missing", "displaced", "detained"})
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
TODAY_WORDS = ("today", "tonight", "this morning", "this afternoon", "this evening")
_BREAK = re.compile(r"\n")
_FIRST_PERSON = frozenset({"we", "i", "us", "me", "our"})
# Future cooperation keeps its own type in a briefing: "Denmark will donate" is AID, not PLOVER's AGREE.
MATERIAL_FUTURE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID"})
VERBAL = frozenset({"AGREE", "SUPPORT", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "CONCEDE"})


@dataclass
class _Found:
    """An event being built: one or more adjacent sentences of one type."""

    kind: str
    trigger: plover.Trigger
    confidence: float
    units: list[int]
    actors: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)


def find_events(doc, *, entities: Sequence[Entity], quotes: Sequence = (), claims: Sequence = (),
                quantities: Sequence[Quantity] = (), times: Sequence[TimeExpr] = (),
                places: Sequence[Place] = (), published: str | None = None) -> list[Event]:
    """PLOVER-typed events of one parsed article, in text order."""
    units = list(sentences(doc))
    names = _EntityIndex(entities)
    found: list[_Found] = []
    for index, sent in enumerate(units):
        triggers = plover.find_triggers(sent)
        if not triggers:
            continue
        scores = plover.classify(sent, triggers)
        for kind, trigger, confidence in typed_events(triggers, scores):
            actors, targets = _roles(trigger, kind, sent, names, quotes)
            found.append(_Found(kind, trigger, confidence, [index], actors, targets))
    found = _merge(found, units, doc, places)
    digest = hashlib.sha1(doc_text(doc).encode("utf-8")).hexdigest()[:12]
    return [_event(item, units, doc, digest, quotes=quotes, claims=claims, quantities=quantities, times=times,
                   places=places, published=published) for item in found]


def sentences(doc) -> Iterable:
    """Sentences of the doc, also cut at line breaks (a title or a caption is not part of the next sentence)."""
    for sent in doc.sents:
        start = sent.start
        for token in sent:
            if token.is_space and _BREAK.search(token.text):
                if token.i > start:
                    yield doc[start:token.i]
                start = token.i + 1
        if start < sent.end:
            yield doc[start:sent.end]


def typed_events(triggers: list[plover.Trigger], scores: dict[str, float]) -> list[tuple[str, plover.Trigger,
                                                                                            float]]:
    """(type, trigger, confidence) for the events of one sentence, best first, above ``MIN_CONFIDENCE``."""
    rule = plover.rule_type(triggers)
    main = plover.main_trigger(triggers)
    best = sentence_type(triggers, scores)
    out: list[tuple[str, plover.Trigger, float]] = []
    primary = _trigger_for(best, triggers, main)
    kind = best
    if best == "AGREE" and main is not None and main.type in MATERIAL_FUTURE and main.future and \
            not any(t.type == "AGREE" for t in triggers):
        kind = main.type
    support = primary.strength if (primary.type == best or best == rule) else 0.0
    confidence = 0.5 * scores.get(best, 0.0) + 0.5 * support
    if confidence >= MIN_CONFIDENCE and scores.get(plover.NONE, 0.0) < 0.8:
        out.append((kind, primary, confidence))
    for trigger in triggers:  # other events in the same sentence: "attacked ... and killed", "met ... and signed"
        if trigger.type in (best, kind) or trigger.strength < 0.8 or any(t.type == trigger.type for _, t, _ in out
                                                                          if t is not primary):
            continue
        confidence = 0.5 * scores.get(trigger.type, 0.0) + 0.4 * trigger.strength
        if confidence >= MIN_CONFIDENCE:
            out.append((trigger.type, trigger, confidence))
    return out


def sentence_type(triggers: list[plover.Trigger], scores: dict[str, float], *, allow_none: bool = False) -> str:
    """The sentence's PLOVER type: the typer's scores with the lexicon rules' type boosted by ``RULE_BOOST``
    (a third of it when the rule rests on a weak or embedded trigger, see ``plover.rule_weight``)."""
    rule = plover.rule_type(triggers)
    boost = RULE_BOOST * plover.rule_weight(triggers)
    labels = plover.TYPES + ((plover.NONE,) if allow_none else ())
    return max(labels, key=lambda kind: scores.get(kind, 0.0) + (boost if kind == rule else 0.0))


def _trigger_for(kind: str, triggers: list[plover.Trigger], main: plover.Trigger | None) -> plover.Trigger:
    same = [t for t in triggers if t.type == kind]
    if same:
        return max(same, key=lambda t: (t.strength, -t.depth, -t.i))
    assert main is not None
    return main


# -- roles ------------------------------------------------------------------------------------------------------------

class _EntityIndex:
    """Entity names by character offset, for the argument tokens of a trigger."""

    def __init__(self, entities: Sequence[Entity]):
        self._spans = sorted((start, end, e) for e in entities if e.type in ACTOR_TYPES
                             for start, end in e.mentions)

    def at(self, token) -> Entity | None:
        for start, end, entity in self._spans:
            if start <= token.idx < end:
                return entity
            if start > token.idx:
                break
        return None

    def name_of(self, head) -> str | None:
        """The entity a noun phrase names: its head, else a compound, possessor or modifier ("Ukraine's forces")."""
        entity = self.at(head)
        if entity is not None and (head.pos_ == "PROPN" or entity.type in ("GPE", "NORP")):
            return entity.name
        for child in head.children:
            if child.dep_ in ("compound", "poss", "amod", "nmod"):
                entity = self.at(child)
                if entity is not None and (child.pos_ == "PROPN" or entity.type in ("GPE", "NORP", "ORG")):
                    return entity.name
        return None


def _speakers(token, quotes) -> list[str]:
    """Who speaks the quotation holding ``token``: "We would call on North Korea ...", Ryder said."""
    return [q.speaker for q in quotes if q.speaker and q.start <= token.idx < q.end][:1]


def _roles(trigger: plover.Trigger, kind: str, sent, names: _EntityIndex,
           quotes: Sequence = ()) -> tuple[list[str], list[str]]:
    token = trigger.token
    actors: list[str] = []
    targets: list[str] = []
    verb = token if token.pos_ in ("VERB", "AUX", "ADJ") else None
    if verb is None:  # a noun trigger: "Russia's invasion", "the attack by X", "launched an attack on Y"
        for child in token.children:
            if child.dep_ in ("poss", "compound", "amod"):
                _add(actors, names.name_of(child))
        if token.dep_ in ("dobj", "nsubjpass") and token.head.pos_ == "VERB":
            verb = token.head
    if verb is not None:
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
        for subject in plover._subjects(verb):
            for head in _conjoined(subject):
                _add(targets if passive else actors, names.name_of(head))
        for child in verb.children:
            if child.dep_ in ("dobj", "dative", "nsubjpass"):
                for head in _conjoined(child):
                    _add(targets, names.name_of(head))
            elif child.dep_ == "agent":
                for pobj in child.children:
                    for head in _conjoined(pobj):
                        _add(actors, names.name_of(head))
    for prep in [c for c in token.children if c.dep_ == "prep"] + \
            [c for c in (verb.children if verb is not None and verb is not token else ()) if c.dep_ == "prep"]:
        word = prep.lower_
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            for head in _conjoined(pobj):
                name = names.name_of(head)
                if word in CONSULT_PREPS:
                    _add(actors if kind == "CONSULT" else targets, name)
                elif word == "by" and verb is None:
                    _add(actors, name)
                elif kind != "CONSULT" and (word in TARGET_PREPS or (word == "of" and verb is None)):
                    _add(targets, name)  # a meeting's "at the General Assembly" is its venue
    if trigger.content is not None and not targets:  # "threatened to strike the United States"
        content = sent.doc[trigger.content]
        for child in content.children:
            if child.dep_ in ("dobj", "dative"):
                for head in _conjoined(child):
                    _add(targets, names.name_of(head))
    if not targets and verb is not None:  # "donate a package worth $833 million to Ukraine"
        for obj in (c for c in verb.children if c.dep_ == "dobj"):
            for word in obj.subtree:
                if word.dep_ == "prep" and word.lower_ in ("to", "against", "on") and word.head.i != verb.i:
                    for pobj in (c for c in word.children if c.dep_ == "pobj"):
                        _add(targets, names.name_of(pobj))
    if not actors and kind in VERBAL and verb is not None and any(
            s.lower_ in _FIRST_PERSON for s in plover._subjects(verb)):
        actors.extend(_speakers(token, quotes))
    if kind == "CONSULT":  # PLOVER codes every participant of a meeting as an actor
        for name in targets:
            _add(actors, name)
        targets = []
    if kind == "ASSAULT" and not actors:  # "an attack that it blamed on Ukraine"
        for word in sent:
            if word.lemma_.lower() == "blame":
                for prep in (c for c in word.children if c.dep_ == "prep" and c.lower_ == "on"):
                    for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                        _add(actors, names.name_of(pobj))
    targets = [t for t in targets if t not in actors]
    return actors, targets


def _conjoined(token) -> list:
    out = [token]
    for child in token.children:
        if child.dep_ == "conj":
            out.extend(_conjoined(child))
    return out


def _add(names: list[str], name: str | None) -> None:
    if name and name not in names:
        names.append(name)


# -- merging adjacent sentences -----------------------------------------------------------------------------------

def _merge(found: list[_Found], units: list, doc, places: Sequence[Place]) -> list[_Found]:
    merged: list[_Found] = []
    for item in found:
        prev = next((m for m in reversed(merged) if m.kind == item.kind), None)
        if prev is not None and item.units[0] == prev.units[-1] + 1 and \
                _same_paragraph(units[prev.units[-1]], units[item.units[0]], doc) and \
                _compatible(prev, item, units, places):
            prev.units.append(item.units[0])
            for name in item.actors:
                _add(prev.actors, name)
            for name in item.targets:
                _add(prev.targets, name)
            prev.confidence = max(prev.confidence, item.confidence)
            continue
        merged.append(item)
    return merged


def _same_paragraph(first, second, doc) -> bool:
    return "\n" not in doc_text(doc)[first.end_char:second.start_char]


def _compatible(prev: _Found, item: _Found, units: list, places: Sequence[Place]) -> bool:
    if prev.actors and item.actors and not set(prev.actors) & set(item.actors):
        return False
    before = {p.name for p in _places_in(places, [units[i] for i in prev.units])}
    after = {p.name for p in _places_in(places, [units[i] for i in item.units])}
    return not (before and after and not before & after)


# -- building the record ------------------------------------------------------------------------------------------

def _event(item: _Found, units: list, doc, digest: str, *, quotes, claims, quantities, times, places,
           published) -> Event:
    spans = [units[i] for i in item.units]
    evidence = tuple(_trimmed(span) for span in spans)
    summary = shorten(spans[0], max_words=SUMMARY_WORDS)
    lemmas = [t.lemma_.lower() for span in spans for t in span]
    mode = _mode(item, lemmas)
    place = _place(places, spans, item)
    figures = _quantities(quantities, evidence, item, units, doc)
    return Event(
        id=content_id(digest, item.kind, *(f"{s}:{e}" for s, e in evidence), prefix="e"),
        type=item.kind,
        summary=summary,
        date=_date(times, spans, item.trigger, published),
        place=place,
        actors=tuple(item.actors),
        targets=tuple(item.targets),
        mode=mode,
        quantities=figures,
        attribution=_attribution(quotes, claims, evidence, item.trigger.token.idx),
        evidence=evidence,
        confidence=round(min(max(item.confidence, 0.0), 1.0), 3),
    )


def _trimmed(span) -> tuple[int, int]:
    text = span.text
    start = span.start_char + (len(text) - len(text.lstrip()))
    return start, span.start_char + len(text.rstrip())


def _mode(item: _Found, lemmas: list[str]) -> str | None:
    own = item.trigger.mode if item.trigger.type == item.kind else None
    if item.kind == "CONSULT" and own:
        return own
    if item.kind in plover.MODE_CUES:
        return plover.mode_for(item.kind, lemmas, default=own)
    return own


def _places_in(places: Sequence[Place], spans: list) -> list[Place]:
    found = []
    for place in places:
        for start, end in place.mentions:
            if any(span.start_char <= start and end <= span.end_char for span in spans):
                found.append(place)
                break
    return found


def _place(places: Sequence[Place], spans: list, item: _Found) -> str | None:
    """The most specific place named in the evidence, the trigger's sentence first; an actor's own name is not
    where the event happened ("Denmark will donate ... to Ukraine")."""
    trigger_at = item.trigger.token.idx
    best: tuple | None = None
    for order, span in enumerate(spans):
        for place in _places_in(places, [span]):
            if place.name in item.actors and len(item.actors) == 1 and item.kind != "CONSULT":
                continue
            distance = min(abs(start - trigger_at) for start, _ in place.mentions)
            inside = [start for start, _ in place.mentions if span.start_char <= start < span.end_char]
            owner = all(_possessor(span, start) for start in inside) and place.name not in item.targets
            if owner and not any(_possessor(span, start, physical=True) for start in inside):
                continue  # "acknowledge Kyiv's role": a capital standing for its government is no place
            if all(_origin(span, start) for start in inside):
                continue  # where things came from is not where they happened: "aid flights arriving from Egypt"
            if all(_counterpart(span, start) for start in inside):
                continue  # "relations with Moscow": a government one has ties with, not a place
            if all(_hoping(span, start) for start in inside):
                continue  # "Kyiv hopes the jets will help": a government hoping, not a place
            key = (owner, PLACE_RANK.get(place.feature, 3), order, distance)
            if best is None or key < best[0]:
                best = (key, place.name)
    return best[1] if best else None


# What a place's possessive can own that stands in that place: "Odesa's port", "the city's outskirts".
PHYSICAL_HEADS = frozenset("""
    port harbour harbor airport airfield shipyard base outskirts centre center street streets infrastructure
    coast coastline border bridge station district suburb suburbs grid refinery plant depot facility facilities
    building buildings terminal dock docks village villages market square hospital school road roads railway
""".split())


# Nouns of a government's people and views that a place name before them only describes: "U.S. concerns",
# "U.S. officials" say nothing of where an event happened.
STANCE_HEADS = frozenset("""
    concern worry fear official government leader president minister ministry diplomat envoy intelligence
    policy position stance view demand pressure support warning statement spokesman spokeswoman spokesperson
""".split())


def _phrase_word(span, start: int):
    """The word that attaches the place named at ``start`` to the sentence: the head of its name and of the
    places listed with it ("from Egypt, Turkey and the UAE": "Egypt"); None past the span."""
    word = next((t for t in span if t.idx >= start), None)
    while word is not None and word.dep_ in ("compound", "conj") and word.head.i != word.i:
        word = word.head
    return word


def _origin(span, start: int) -> bool:
    """Whether the place named at ``start`` is where something came from: "arriving from Egypt"."""
    word = _phrase_word(span, start)
    return word is not None and word.dep_ == "pobj" and word.head.lower_ == "from"


# Nouns of a relation between governments: the place after "with" is the other party ("ties with Moscow").
RELATION_NOUNS = frozenset("""
    relation relations tie ties talk talks cooperation partnership dialogue alliance friendship rift dispute
    friction tension tensions contact contacts negotiation negotiations agreement deal treaty trade
""".split())


def _counterpart(span, start: int) -> bool:
    """Whether the place named at ``start`` is the other party of a relation: "relations with Moscow"."""
    word = _phrase_word(span, start)
    if word is None or word.dep_ != "pobj" or word.head.lower_ not in ("with", "between"):
        return False
    return word.head.head.lemma_.lower() in RELATION_NOUNS or word.head.head.lower_ in RELATION_NOUNS


def _hoping(span, start: int) -> bool:
    """Whether the place named at ``start`` is the subject of a verb of belief: "Kyiv hopes …", "Moscow fears …"
    name a government, not where anything happened. ("Ukraine says its forces retook the rigs" keeps Ukraine:
    a country that reports its own act is at least the side of the world it happened in.)"""
    word = _phrase_word(span, start)
    return word is not None and word.dep_ == "nsubj" and lemma_of(word.head) in lexicon.BELIEF_VERBS


def _possessor(span, start: int, *, physical: bool = False) -> bool:
    """Whether the place named at ``start`` owns a noun ("Ukraine's forces") or describes people or views
    ("U.S. concerns"); with ``physical``, owns a thing that stands somewhere ("Odesa's port"), which keeps the
    place where the event happened."""
    word = next((t for t in span if t.idx >= start), None)
    while word is not None and word.dep_ == "compound" and word.head.pos_ == "PROPN" and word.head.i > word.i:
        word = word.head  # "New York", "North Korea": the name's own words
    if word is None or word.dep_ not in ("poss", "compound") or word.head.i == word.i:
        return False
    if word.dep_ == "compound" and word.head.lemma_.lower() not in STANCE_HEADS:
        return False  # "the Ukraine war", "a Los Angeles hospital": where things happen
    head = word.head.lemma_.lower()
    if physical:
        return head in PHYSICAL_HEADS
    return head not in ("region", "city", "province", "town")


def _quantities(quantities: Sequence[Quantity], evidence: tuple, item: _Found, units: list, doc) -> tuple[int, ...]:
    inside = [k for k, q in enumerate(quantities) if any(s <= q.start and q.end <= e for s, e in evidence)]
    if item.kind == "ASSAULT":  # casualty figures often follow in the next sentence of the paragraph
        after = item.units[-1] + 1
        if after < len(units) and _same_paragraph(units[item.units[-1]], units[after], doc):
            span = units[after]
            inside += [k for k, q in enumerate(quantities) if q.kind in CASUALTY_KINDS and
                       span.start_char <= q.start and q.end <= span.end_char and k not in inside]
    return tuple(sorted(inside))


def _attribution(quotes, claims, evidence: tuple, trigger_at: int) -> tuple[Attribution, ...]:
    """Who says the event happened: every claim over its evidence (", at least 24 were injured, the governor
    said"), then the speaker of another quote (a stance, a pledge) only when the quote holds the trigger: in
    "Russia sent aircraft to attack Idlib, as ministers gathered to pledge $5bn", the ministers' pledge says
    nothing of the attack, nor does a stance in a later sentence ("its planks were challenged by allies") of a
    killing told before it."""
    out: list[Attribution] = []
    for claim in claims:
        if claim.claimant and any(claim.start < e and s < claim.end for s, e in evidence):
            record = Attribution(source=claim.claimant, kind=claim.kind)
            if record not in out:
                out.append(record)
    for quote in quotes:
        if quote.speaker and quote.start <= trigger_at < quote.end and \
                not any(a.source == quote.speaker for a in out):
            out.append(Attribution(source=quote.speaker, kind="claim"))
    return tuple(out)


def _date(times: Sequence[TimeExpr], spans: list, trigger: plover.Trigger, published: str | None) -> str | None:
    """The resolved time nearest the trigger in its sentence, else in the other evidence; a bare "today" or
    weekday is resolved against the publication date; else None."""
    trigger_at = trigger.token.idx
    for order, span in enumerate(spans):
        inside = [t for t in times if t.date and span.start_char <= t.start and t.end <= span.end_char and
                  (order or _governs_time(span, t, trigger.token))]
        if inside:
            return min(inside, key=lambda t: abs(t.start - trigger_at)).date
    day = _published_day(published)
    if day is None:
        return None
    for span in spans:
        covered = [(t.start, t.end) for t in times if t.date]
        text = span.text.lower()
        if any(re.search(rf"\b{word}\b", text) for word in TODAY_WORDS):
            return day.isoformat()
        for number, name in enumerate(WEEKDAYS):
            match = re.search(rf"\b{name}\b", text)
            if match and not any(s <= span.start_char + match.start() < e for s, e in covered):
                return _weekday(day, number, future=trigger.future).isoformat()
    return None


def _governs_time(span, time: TimeExpr, trigger) -> bool:
    """A time belongs to the event when its clause is the trigger's or one above it ("said Tuesday"), not a
    relative clause beside it ("platforms Russia had seized in 2015")."""
    word = next((t for t in span if t.idx >= time.start), None)
    if word is None:
        return False
    clause = word
    while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
        clause = clause.head
    anchor = trigger if trigger.pos_ in ("VERB", "AUX") else plover._verb_of(trigger)
    if clause.i == anchor.i:
        return True
    if clause.i > anchor.i and clause.lemma_.lower() not in plover.REPORTING_VERBS \
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
        return False  # a later clause with a subject of its own that the parser put above the trigger
        # ("forces recaptured the platforms, platforms Russia had seized in 2015")
    return clause.i in {a.i for a in anchor.ancestors} or trigger.i in \
        {t.i for t in clause.subtree} and clause.dep_ not in ("relcl", "acl")


def _published_day(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def _weekday(day: date, number: int, *, future: bool) -> date:
    """The nearest such weekday on or before the publication day (news reports the past), after it for plans."""
    if future:
        return day + timedelta(days=(number - day.weekday()) % 7)
    return day - timedelta(days=(day.weekday() - number) % 7)
