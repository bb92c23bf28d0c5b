"""Named entities of one article: spaCy NER, corrected, merged and titled.

``find_entities(doc)`` returns one :class:`Entity` per real-world entity in the article:

* corrections to the small model: well-known places (Crimea, Kyiv, Sevastopol …, plus countries and
  big cities from the gazetteer) are never PERSON/ORG; a capitalised common word opening a sentence
  ("Drones attacked …") is not a person; a lone word of a full person name in the article is that
  person whatever the model tagged it ("Kiper said" after "Oleh Kiper"), and so is a name right after a
  personal title ("regional governor Oleh Kiper" tagged ORG); adjectival demonyms tagged GPE ("Ukrainian")
  are NORP; a leading "the" and a trailing possessive "'s" are stripped from mentions;
* merging within the article: a PERSON mention joins the fullest name whose words contain it
  ("Kim" -> "Kim Jong Un", "Loh" -> "Michael Loh"); when two full names share a surname the nearest
  one mentioned before wins. ORG mentions merge by acronym ("AP" -> "Associated Press") and an
  institution named after its country keeps the country ("Russia's Defense Ministry");
  "the ministry" joins the nearest ORG named earlier with the same head word;
* a title: the premodifier of the first mention that has one ("North Korean leader Kim Jong Un"
  -> "North Korean leader", "Lt. Gen. Michael Loh" -> "Lt. Gen."), else the appositive
  ("Oleh Kiper, the Ukrainian governor of the area" -> "the Ukrainian governor of the area").
  The premodifier wins because it is the compact, conventional form of a rank.

Dates, times, money, quantities and ordinals are not entities here: quantities.py and times.py own
them. The entity id is a hash of (type, name), stable across runs.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from livebrief.model import Entity, content_id
from livebrief.nlp import lexicon
from livebrief.nlp.gazetteer import load_gazetteer

#: spaCy label -> contract type; labels missing here are not entities.
TYPE_MAP: dict[str, str] = {
    "PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "NORP": "NORP", "FAC": "FAC",
    "EVENT": "EVENT", "PRODUCT": "PRODUCT", "WORK_OF_ART": "WORK_OF_ART", "LAW": "LAW",
    "LANGUAGE": "OTHER",
}

_POSSESSIVE = {"'s", "’s", "'", "’", "s'", "s’"}
_LEADING_DROP = {"the", "a", "an"}
_EDGE_PUNCT = set(".,;:!?\"“”‘’'()[]{}-–—")
_GENERIC_DEFINITE = re.compile(r"^(?:the|its|their)$", re.IGNORECASE)


@dataclass
class _Cluster:
    """An entity being built: its mentions in text order."""

    type: str
    name: str
    mentions: list[tuple[int, int]] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    title: str | None = None
    heads: list[int] = field(default_factory=list)  # token index of each mention's last token


def find_entities(doc) -> list[Entity]:
    """The article's entities, corrected and merged, in order of first mention."""
    mentions = list(_mentions(doc))
    clusters = _merge(doc, mentions)
    for cluster in clusters:
        if cluster.type == "PERSON":
            cluster.title = _person_title(doc, cluster)
    entities = []
    for cluster in sorted(clusters, key=lambda c: c.mentions[0]):
        spans = tuple(sorted(set(cluster.mentions)))
        aliases = tuple(dict.fromkeys(t for t in cluster.texts if t != cluster.name))
        entities.append(Entity(id=entity_id(cluster.type, cluster.name), name=cluster.name,
                               type=cluster.type, mentions=spans, aliases=aliases, title=cluster.title))
    return entities


def entity_id(type_: str, name: str) -> str:
    """Stable id of an entity: a hash of its type and canonical name."""
    return content_id(type_, name, prefix="e")


# -- mentions ------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Mention:
    start: int  # token indexes, end exclusive
    end: int
    type: str
    text: str


def _mentions(doc):
    """NER spans with the model's usual mistakes corrected."""
    places = lexicon.gazetteer_places()
    person_words = _person_words(doc)
    surnames = _surnames(doc)
    votes = _single_word_votes(doc)
    vocab = _Vocabulary.of(doc)
    for ent in doc.ents:
        type_ = TYPE_MAP.get(ent.label_)
        if type_ is None:
            continue
        start, end = _trim(doc, ent.start, ent.end)
        if type_ == "PERSON":
            start = _after_titles(doc, start, end)
            if end - start >= 2 and doc[start].text in ("Said", "Says") and doc[start].is_sent_start:
                start += 1  # "Said Ellis: “…”" opens with the verb, not a first name
            if end - start > 1 and doc[end - 1].lower_ in lexicon.ORG_HEADS and doc[end - 1].is_title:
                type_ = "ORG"  # "Air Force" tagged PERSON
        if start >= end:
            continue
        parts = _place_list(doc, start, end, places)
        if parts:  # "Kyiv and Odesa" tagged as one ORG
            yield from parts
            continue
        if type_ in ("PERSON", "ORG"):
            start, end, named = _comma_parts(doc, start, end)
            if named is not None:  # "the Telegraph, Hussen Abase" tagged as one ORG
                yield _Mention(named[0], named[1], "PERSON", doc[named[0]:named[1]].text)
        text = doc[start:end].text
        lower = text.lower()
        if lower in lexicon.KNOWN_EVENTS:
            type_ = "EVENT"
        elif lower in lexicon.KNOWN_PLACES:
            type_ = lexicon.KNOWN_PLACES[lower] if type_ not in ("GPE", "LOC", "FAC") else type_
        elif type_ in ("PERSON", "ORG") and lower in places and lower not in person_words:
            type_ = "GPE"
        elif type_ not in ("PERSON", "GPE", "LOC", "NORP") and end - start == 1 and lower in person_words:
            type_ = "PERSON"  # "Kiper said" tagged ORG after "Governor Oleh Kiper"
        elif type_ in ("GPE", "LOC", "NORP") and end - start == 1 and lower in surnames and lower not in places \
                and doc[start].pos_ == "PROPN":
            type_ = "PERSON"  # "Mattis said" tagged NORP after "James Mattis"; never a place in the gazetteer
        elif type_ == "PERSON" and end - start == 1 and lower not in person_words and _mostly_a_place(lower, votes):
            type_ = "GPE"  # "bombs rained down on Baghuz" tagged PERSON, where other mentions are places
        elif type_ == "ORG" and _titled_name(doc, start, end):
            type_ = "PERSON"  # "regional governor Oleh Kiper" tagged ORG
        elif type_ == "GPE" and all(t.tag_ == "JJ" for t in doc[start:end]):
            type_ = "NORP"  # "Ukrainian" is a demonym, not a place
        if type_ == "PERSON" and _is_common_word_at_sentence_start(doc, start, end, vocab):
            continue
        if type_ == "ORG":
            start = _with_country(doc, start)
            text = doc[start:end].text
        yield _Mention(start, end, type_, text)
    yield from _untagged_places(doc)


def _untagged_places(doc):
    """Well-known places the model did not tag at all ("Residents of Donetsk …")."""
    i = 0
    while i < len(doc):
        token = doc[i]
        if token.ent_type_ or not token.is_title:
            i += 1
            continue
        for n in (3, 2, 1):
            span = doc[i:i + n]
            if len(span) == n and not any(t.ent_type_ for t in span) and span.text.lower() in lexicon.KNOWN_PLACES:
                yield _Mention(i, i + n, lexicon.KNOWN_PLACES[span.text.lower()], span.text)
                i += n
                break
        else:
            i += 1


def _place_type(name: str, places: frozenset[str]) -> str | None:
    lower = name.lower()
    if lower in lexicon.KNOWN_PLACES:
        return lexicon.KNOWN_PLACES[lower]
    return "GPE" if lower in places else None


def _place_list(doc, start: int, end: int, places: frozenset[str]) -> list[_Mention]:
    """Split "Kyiv and Odesa" into two places when every part is a known place; else []."""
    if not any(t.text in (",", "and", "&") for t in doc[start:end]):
        return []
    parts, first = [], start
    for i in range(start, end + 1):
        if i == end or doc[i].text in (",", "and", "&"):
            if i > first:
                parts.append((first, i))
            first = i + 1
    mentions = []
    for a, b in parts:
        type_ = _place_type(doc[a:b].text, places)
        if type_ is None:
            return []
        mentions.append(_Mention(a, b, type_, doc[a:b].text))
    return mentions if len(mentions) > 1 else []


def _comma_parts(doc, start: int, end: int) -> tuple[int, int, tuple[int, int] | None]:
    """A mention the model ran over a comma: its first part, and a person's name after the comma.

    "the Telegraph, Hussen Abase" -> "Telegraph" and the person "Hussen Abase"; "Mitch McConnell, R-Ky." ->
    "Mitch McConnell" (what follows the comma is no name).
    """
    commas = [i for i in range(start + 1, end - 1) if doc[i].text == ","]
    if not commas:
        return start, end, None
    tail = (commas[-1] + 1, end)
    named = tail if 2 <= tail[1] - tail[0] <= 3 and all(
        t.pos_ == "PROPN" and t.is_title for t in doc[tail[0]:tail[1]]) else None
    return start, commas[0], named


def _trim(doc, start: int, end: int) -> tuple[int, int]:
    """Drop a leading article, a trailing possessive and edge punctuation from a token range."""
    while start < end and (doc[start].lower_ in _LEADING_DROP or doc[start].text in _EDGE_PUNCT):
        start += 1
    while end > start and (doc[end - 1].text in _POSSESSIVE or doc[end - 1].tag_ == "POS"
                           or doc[end - 1].text in _EDGE_PUNCT or doc[end - 1].is_space):
        end -= 1
    return start, end


def _after_titles(doc, start: int, end: int) -> int:
    """Past rank words the model took into a name: "Gen Patrick Ryder" -> "Patrick Ryder" (the title stays
    before the mention, where ``_premodifier`` finds it)."""
    while end - start > 2 and doc[start].lower_.rstrip(".") in lexicon.TITLE_WORDS and doc[start].is_title:
        start += 1
    return start


def _person_words(doc) -> frozenset[str]:
    """Lower-case words that are part of a multi-word PERSON name in this doc."""
    words: set[str] = set()
    for ent in doc.ents:
        if (ent.label_ == "PERSON" or _titled_name(doc, ent.start, ent.end)) and len(ent) > 1:
            words.update(t.lower_ for t in ent)
    return frozenset(words)


def _single_word_votes(doc) -> dict[str, Counter]:
    """How often the model tags each one-word name as a place and as a person in this doc."""
    votes: dict[str, Counter] = {}
    for ent in doc.ents:
        start, end = _trim(doc, ent.start, ent.end)
        kind = "place" if ent.label_ in ("GPE", "LOC", "FAC") else "person" if ent.label_ == "PERSON" else None
        if end - start == 1 and kind:
            votes.setdefault(doc[start].lower_, Counter())[kind] += 1
    return votes


def _mostly_a_place(word: str, votes: dict[str, Counter]) -> bool:
    """A one-word "person" the model tags as a place more often in the same doc, or as often when GeoNames
    knows the name as a place ("Douma"; not "Sylvana", a first name the model once took for a place)."""
    vote = votes.get(word, Counter())
    if vote["place"] != vote["person"]:
        return vote["place"] > vote["person"]
    return vote["place"] > 0 and bool(load_gazetteer().lookup(word))


def _surnames(doc) -> frozenset[str]:
    """Lower-case last words of the multi-word PERSON names in this doc ("mattis" of "James Mattis")."""
    return frozenset(doc[end - 1].lower_ for ent in doc.ents if ent.label_ == "PERSON"
                     for end in [_trim(doc, ent.start, ent.end)[1]] if end - ent.start > 1)


def _titled_name(doc, start: int, end: int) -> bool:
    """"regional governor Oleh Kiper" tagged ORG: two or three capitalised names right after a title word."""
    if not 2 <= end - start <= 3 or start == 0:
        return False
    title = doc[start - 1].lower_.rstrip(".")
    if title not in lexicon.TITLE_WORDS or title in _NOT_PERSONAL_TITLES:
        return False
    return all(t.pos_ == "PROPN" and t.is_title and t.lower_ not in lexicon.ORG_HEADS for t in doc[start:end])


# Title words that also stand before organisations: "former Soviet Union", "acting Defense Department".
_NOT_PERSONAL_TITLES = frozenset({"former", "acting", "deputy", "interim", "ex-", "executive", "founder", "owner",
                                  "manager", "official", "expert", "analyst", "chair", "head", "chief", "leader"})


@dataclass(frozen=True)
class _Vocabulary:
    """Which words of the doc appear in lower case, and which capitalised mid-sentence."""

    lower: frozenset[str]
    mid_caps: frozenset[str]

    @classmethod
    def of(cls, doc) -> _Vocabulary:
        lower, mid = set(), set()
        for token in doc:
            if token.is_lower:
                lower.add(token.text)
            elif not token.is_sent_start and token.text[:1].isupper():
                mid.add(token.text)
        return cls(frozenset(lower), frozenset(mid))


def _is_common_word_at_sentence_start(doc, start: int, end: int, vocab: _Vocabulary) -> bool:
    """True for "Drones" in "Drones attacked …": a one-word 'person' that is really a common noun.

    The model takes any capitalised sentence opener for a name. A real surname at a sentence start
    also shows up capitalised elsewhere (usually inside the full name); a common noun shows up in
    lower case, or looks plural.
    """
    if end - start != 1 or not doc[start].is_sent_start:
        return False
    token = doc[start]
    word = token.text
    if word in vocab.mid_caps:
        return False  # capitalised mid-sentence too: a name
    low = word.lower()
    stems = {low, low.removesuffix("s"), low.removesuffix("es")}
    if stems & vocab.lower:
        return True
    return low.endswith("s") and not low.endswith(("ss", "us", "is")) and token.tag_ in ("NNS", "NNPS")


def _with_country(doc, start: int) -> int:
    """Extend an ORG mention left over a possessive place: "Russia's Defense Ministry"."""
    if start >= 2 and doc[start - 1].tag_ == "POS" and doc[start - 2].ent_type_ in ("GPE", "NORP"):
        first = start - 2
        while first > 0 and doc[first - 1].ent_iob_ == "I" and doc[first - 1].ent_type_ == "GPE":
            first -= 1
        return first
    return start


# -- merging -------------------------------------------------------------------------------

def _key(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split())


def _merge(doc, mentions: list[_Mention]) -> list[_Cluster]:
    clusters: list[_Cluster] = []
    by_key: dict[tuple[str, str], _Cluster] = {}
    persons = [m for m in mentions if m.type == "PERSON"]
    full_names = _full_person_names(persons)

    for mention in mentions:
        span = (doc[mention.start].idx, doc[mention.end - 1].idx + len(doc[mention.end - 1]))
        name = mention.text
        if mention.type == "PERSON":
            name = _person_name(mention, full_names, doc)
        key = (mention.type, _key(lexicon.ALIASES.get(_key(name), name)))
        cluster = by_key.get(key)
        if cluster is None and mention.type == "ORG":
            cluster = _acronym_match(name, [c for c in clusters if c.type == "ORG"])
        if cluster is None:
            cluster = _Cluster(type=mention.type, name=name)
            clusters.append(cluster)
            by_key[key] = cluster
        cluster.mentions.append(span)
        cluster.texts.append(mention.text)
        cluster.heads.append(mention.end - 1)
        if len(name) > len(cluster.name) and mention.type != "PERSON":
            cluster.name = name  # the spelled-out form: "Associated Press" over "AP", "United States" over "U.S."
    _add_definite_references(doc, clusters)
    return clusters


def _full_person_names(persons: list[_Mention]) -> dict[str, list[int]]:
    """Multi-word person names -> token indexes where each is mentioned."""
    names: dict[str, list[int]] = {}
    for m in persons:
        if len(m.text.split()) > 1:
            names.setdefault(m.text, []).append(m.start)
    return names


def _person_name(mention: _Mention, full_names: dict[str, list[int]], doc) -> str:
    """The fullest name containing this mention's words; the nearest earlier one on ties."""
    words = set(_key(mention.text).split())
    candidates = {name: at for name, at in full_names.items() if words < set(_key(name).split())}
    # A candidate contained in another candidate is not the fullest form ("Kim Jong" < "Kim Jong Un").
    candidates = {n: at for n, at in candidates.items()
                  if not any(set(_key(n).split()) < set(_key(o).split()) for o in candidates)}
    if not candidates:
        return mention.text
    def recency(name: str) -> tuple[int, int]:
        before = [i for i in candidates[name] if i < mention.start]
        return (1, max(before)) if before else (0, -min(candidates[name]))
    return max(candidates, key=recency)


def _acronym(name: str) -> str:
    words = [w for w in re.split(r"[\s\-]+", name) if w and w.lower() not in ("the", "of", "and", "for")]
    return "".join(w[0] for w in words if w[0].isupper()).lower()


def _acronym_match(name: str, clusters: list[_Cluster]) -> _Cluster | None:
    """An earlier ORG that this one abbreviates or spells out ("AP" / "the Associated Press")."""
    compact = name.replace(".", "").lower()
    for cluster in clusters:
        other = cluster.name.replace(".", "").lower()
        if len(compact) >= 2 and compact.isalpha() and name.replace(".", "").isupper() \
                and _acronym(cluster.name) == compact:
            return cluster
        if len(other) >= 2 and cluster.name.replace(".", "").isupper() and _acronym(name) == other:
            return cluster
    return None


def _add_definite_references(doc, clusters: list[_Cluster]) -> None:
    """Attach "the ministry" to the nearest ORG named before it whose head word is "ministry"."""
    orgs = [c for c in clusters if c.type == "ORG"]
    if not orgs:
        return
    heads: dict[str, list[tuple[int, _Cluster]]] = {}
    for cluster in orgs:
        head = cluster.name.split()[-1].lower()
        if head in lexicon.ORG_HEADS:
            for i in cluster.heads:
                heads.setdefault(head, []).append((i, cluster))
    if not heads:
        return
    taken = {(s, e) for c in clusters for s, e in c.mentions}
    for token in doc:
        if token.lower_ not in heads or token.ent_type_ or token.i == 0:
            continue
        det = doc[token.i - 1]
        if not _GENERIC_DEFINITE.match(det.text) or token.tag_ not in ("NN", "NNS"):
            continue
        earlier = [(i, c) for i, c in heads[token.lower_] if i < token.i]
        if not earlier:
            continue
        # "the country's ministry of defense" in between means another ministry is meant.
        last_head = max(i for i, _ in earlier)
        if any(t.lower_ == token.lower_ for t in doc[last_head + 1:token.i]):
            continue
        cluster = max(earlier, key=lambda item: item[0])[1]
        span = (det.idx, token.idx + len(token))
        if span not in taken:
            cluster.mentions.append(span)
            cluster.texts.append(doc[det.i:token.i + 1].text)


# -- titles --------------------------------------------------------------------------------

def _person_title(doc, cluster: _Cluster) -> str | None:
    """Premodifier title of the first mention that has one, else the first appositive."""
    appositive = None
    for (start_char, _end_char), head in zip(cluster.mentions, cluster.heads):
        span = doc.char_span(start_char, _end_char, alignment_mode="expand")
        if span is None:
            continue
        pre = _premodifier(doc, span.start, head)
        if pre:
            return pre
        if appositive is None:
            appositive = _appositive(doc, head)
    return appositive


def _premodifier(doc, start: int, head: int) -> str | None:
    """Words right before the name that give a rank or role: "North Korean leader", "Air Force Brig. Gen.".

    Walks left over capitalised words, title words and nominal modifiers of the name; stops at an
    article, a possessive, punctuation, a verb, a date or another person.
    """
    # Not bounded by the sentence: the small model splits after "Brig." and "Gen." at times.
    i = start - 1
    while i >= 0:
        token = doc[i]
        if token.is_space or token.tag_ in ("DT", "POS", "PRP$", "WDT", "IN", "CC", "CD") \
                or token.pos_ in ("VERB", "AUX", "ADV", "PRON") \
                or (token.is_punct and token.text != ".") or token.ent_type_ in ("DATE", "TIME") \
                or (token.ent_type_ == "PERSON" and token.lower_.rstrip(".") not in lexicon.TITLE_WORDS):
            break
        if token.text == "." and not (i > 0 and doc[i - 1].lower_ in lexicon.TITLE_ABBREVIATIONS):
            break  # a sentence end, not the dot of "Lt."
        if not (token.is_title or token.is_upper or token.lower_ in lexicon.TITLE_WORDS
                or token.text == "." or token.dep_ in ("compound", "amod", "nmod")):
            break
        i -= 1
    words = list(doc[i + 1:start])
    while words and words[0].is_punct:
        words.pop(0)
    if not words:
        return None
    lowered = {w.lower_.rstrip(".") for w in words} | {w.lower_ for w in words}
    if not lowered & lexicon.TITLE_WORDS and words[-1].tag_ != "NN":
        return None  # "Kremlin Putin" or "Washington Putin" is not a title
    return doc[words[0].i:words[-1].i + 1].text


def _appositive(doc, head: int) -> str | None:
    """The appositive noun phrase after a name: "the Ukrainian governor of the area"."""
    for child in doc[head].children:
        if child.dep_ == "appos" and child.i > head and child.ent_type_ != "PERSON":
            tokens = []
            for t in child.subtree:  # up to the comma before a relative clause or the next phrase
                if t.i > child.i and (t.text in (",", ";", "(", "—", "–") or t.dep_ == "relcl"):
                    break
                tokens.append(t)
            while tokens and tokens[-1].is_punct:
                tokens.pop()
            if tokens:
                return doc[tokens[0].i:tokens[-1].i + 1].text
    return None
