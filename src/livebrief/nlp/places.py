"""Geoparsing: the places an article names, each resolved to one gazetteer entry with coordinates.

``find_places(doc, entities=...)`` works in two steps.

1. Toponym recognition. Mentions are the GPE/LOC/FAC entities (the corrected ``entities`` when given,
   else ``doc.ents``), plus well-known names the model missed (countries, first-level regions, cities of
   100,000 people, the hand-written supplement), spotted as capitalised proper nouns outside any other
   entity, or named with their state or country ("Uman in Ukraine"); a town the model took for a person or
   an organisation ("Gainesville officials") is taken back. A following "region"/"oblast"/"province" joins
   the mention and asks for a region ("Russia's far eastern Amur region" -> Amur Oblast), and so does a
   list of "... counties" ("Douglas, Sarpy and Lancaster counties"); "North Texas" is trimmed to "Texas",
   a name the model cut short is widened ("Belle" -> "Belle Plaine"), and an unknown name falls back on
   the town or region it is named after ("Athens Regional Park" -> Athens; not "Sacramento River").
   Demonyms (NORP) and cue words ("$", "sheriff"; "£", "centre") are not places, but they are evidence
   of the article's countries, and so are towns that open an organisation's name ("Huntsville Police
   Department").
2. Toponym resolution. Each distinct name gets its gazetteer candidates, scored by a prior (population,
   feature: a country beats a town called "Georgia"; a big city beats the region named after it; an old
   or foreign spelling costs a little) plus the article's context: a qualifier right after the name
   ("Lafayette, Ind.", "Uman in Ukraine"), the countries and first-level regions the other names make
   likely, and closeness to the other names' likely places ("Paris" next to "Henry County" is Paris,
   Tennessee). The names settle together over a few rounds (see the resolution section).

Mentions of one place merge into one :class:`Place`; a name with no gazetteer entry is kept with null
coordinates. Places are returned in order of first mention.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from livebrief.model import Entity, Place, content_id
from livebrief.nlp.doctext import doc_text
from livebrief.nlp.gazetteer import AP_STATES, US_POSTAL, Entry, Gazetteer, distance_km, load_gazetteer, normalize_name

PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
# Words after a name that make it a first-level (or lower) administrative region.
REGION_WORDS = frozenset({
    "region", "oblast", "province", "governorate", "prefecture", "krai", "kray", "territory", "state",
    "district", "county", "parish", "republic", "canton", "okrug", "co.",
})
DIRECTIONS = frozenset({
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "northern",
    "southern", "eastern", "western", "central", "northeastern", "northwestern", "southeastern",
    "southwestern", "upstate", "downstate", "greater", "mid", "middle", "rural", "coastal",
})
# A place's name does not end before one of these ("Atlantic Beach", "Tennessee Colony") ...
GEO_WORDS = frozenset({
    "beach", "colony", "island", "islands", "city", "heights", "springs", "falls", "valley", "township",
    "village", "plaine", "lake", "lakes", "river", "creek", "hills", "hill", "point", "harbor", "harbour",
    "bay", "gardens", "junction", "mills", "ridge", "grove", "park", "forest", "mountain", "mountains",
    "canyon", "shores", "estates", "landing", "crossing", "ferry", "county", "parish", "borough",
})
STREET_WORDS = frozenset({
    "street", "st.", "road", "rd.", "avenue", "ave.", "drive", "dr.", "lane", "boulevard", "blvd.", "highway",
    "parkway", "way", "place", "square", "trail", "pike", "route", "bridge", "dam",
})
STREET_NAMES = frozenset(w.rstrip(".") for w in STREET_WORDS)  # "Rd" as well as "Rd."
GENERIC_WORDS = frozenset({
    "street", "area", "district", "central", "republic", "metro", "delta", "western", "eastern", "northern",
    "southern", "hall", "abbey", "mill", "crossing", "dam", "cedar", "union", "state", "city", "county",
})
# Words after a town's name that make another place of it: "Sacramento River" is not in Sacramento.
NATURAL_WORDS = frozenset({
    "river", "creek", "lake", "lakes", "bay", "island", "islands", "mountain", "mountains", "beach", "falls",
    "springs", "canyon", "valley", "hills", "hill", "ridge", "point", "harbor", "harbour", "forest", "colony",
    "heights", "junction", "mills", "grove", "shores", "estates", "landing", "crossing", "ferry", "gardens",
    "sound", "strait", "peninsula", "coast", "desert", "plains", "glacier", "reservoir", "pond", "gulf",
})
# The same as a name's last word: "Griffith Park", "Harbor City", "Bicester Village".
OWN_PLACE_WORDS = frozenset({"park", "village", "square", "place", "center", "centre", "town"})
# ... nor is it one of these words alone ("New Miami", "Port Arthur", "Belle Plaine").
NAME_STARTS = frozenset({
    "new", "port", "lake", "mount", "saint", "st", "st.", "fort", "san", "santa", "el", "la", "los", "las",
    "belle", "grand", "little", "big", "old", "upper", "lower", "great", "high", "glen", "palm", "bay",
})
PLACE_PREPOSITIONS = frozenset({"in", "near", "from", "to", "at", "outside", "across", "around", "of", "into"})
PLACE_NOUNS = frozenset({
    "man", "woman", "men", "women", "boy", "girl", "resident", "residents", "native", "officials", "police",
    "mayor", "city", "county", "area", "school", "schools", "council", "commissioners", "community",
})
# Words that mark a country's own news: currency and spelling ("$", "centre"), local offices ("sheriff").
COUNTRY_CUES = {
    "$": "US", "sheriff": "US", "township": "US", "aldermen": "US",
    "£": "GB", "centre": "GB", "programme": "GB", "colour": "GB", "neighbour": "GB",
}
# Region words that are part of gazetteer names ("Cook County", "Northern Territory").
REGION_WORDS_LOOKUP = ("county", "parish", "territory", "province", "region", "state", "oblast", "district")
# Function words allowed inside a spotted multi-word name ("Sea of Azov", "Bosnia and Herzegovina").
_NAME_GLUE = frozenset({"of", "and", "the", "de", "del", "da", "do", "al", "el", "la", "le", "du", "-", "'s"})
_COUNTY_NAME = r"[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?"
_COUNTY_LIST = re.compile(rf"\b((?:{_COUNTY_NAME}(?:, and |, or |, | and | or ))+{_COUNTY_NAME}) (?:counties|parishes)\b")
_LIST_SEPARATOR = re.compile(_COUNTY_NAME)
_POSSESSIVE = re.compile(r"(?:['’]s?|['’])$")
_QUALIFIER = re.compile(r"(?:,\s*|\s+in\s+)((?:[A-Z][\w.]*\.?)(?:\s(?:[A-Z][\w.]*\.?)){0,2})")

# Scoring weights, tuned on the dev half of LGL and TR-News (benchmarks/geoparsing.py).
FEATURE_BONUS = {"country": 3.0, "region": 1.0, "area": 1.0, "water": 1.0, "facility": 1.0, "city": 0.0}
ALTERNATE_COST = 0.7  # the name matched an alternate spelling, not the main name
CITY_NAMED_REGION_COST = 2.0  # a bare "Kiev"/"Odessa"/"New York" is the city, not the region
COUNTY_POPULATION = 20_000  # US counties carry no population; rank them like a small town
POPULATION_WEIGHT = 1.0
QUALIFIER_BONUS = 8.0
COUNTRY_BONUS = 5.0
REGION_CONTEXT_BONUS = 2.5
INSIDE_REGION_WEIGHT = 0.1  # a town is weaker evidence for its region than the region's own name
CITY_REGION_SHARE = 0.1  # ... when that city has a tenth of the region's people ("Nevada" is not Nevada, Iowa)
RESCUE_POPULATION = 1000  # a hamlet's name taken from a PERSON or ORG is more often a surname or a word
DEMONYM_WEIGHT = 0.5
CUE_WEIGHT = 0.5  # a country cue word ("$", "centre") counts half a mention of the country
NEAR_BONUS = 1.0
NEAR_KM = 50.0
NEAR_CAP = 2.0
MAX_CANDIDATES = 30
MAX_MENTION_WEIGHT = 3
ROUNDS = 3
CLOSENESS_TEMPERATURE = 2.0
CAPITAL_BONUS = 1.0  # "Washington" in a story about Georgia is still the capital
CONTEXT_ONLY_WEIGHT = 0.5


@dataclass
class _Mention:
    start: int
    end: int
    text: str
    region: bool = False  # followed by "region", "oblast" ...
    spotted: bool = False  # found by the gazetteer, not the NER model
    context_only: bool = False  # a place inside an organisation's name: evidence, not output


@dataclass
class _Group:
    """All mentions of one name; resolved together."""

    key: str
    text: str
    region: bool
    context_only: bool
    mentions: list[_Mention] = field(default_factory=list)
    candidates: list[tuple[Entry, bool]] = field(default_factory=list)
    qualifiers: list[tuple[str, str | None]] = field(default_factory=list)  # (country, admin1 or None)
    choice: Entry | None = None


def find_places(doc, *, entities: Iterable[Entity] = ()) -> list[Place]:
    """The places ``doc`` names, geocoded, with every mention; in order of first mention."""
    gazetteer = load_gazetteer()
    entities = tuple(entities or ())
    text = doc_text(doc)
    mentions = _recognize(doc, text, entities, gazetteer)
    groups = _group(text, mentions, gazetteer)
    context_countries = _context_countries(doc, text, entities, gazetteer)
    _resolve(groups, gazetteer, context_countries)
    return _places(groups)


# -- recognition ---------------------------------------------------------------------------

def _recognize(doc, text: str, entities: tuple[Entity, ...], gazetteer: Gazetteer) -> list[_Mention]:
    if entities:
        labelled = [(ent.type, s, e) for ent in entities for s, e in ent.mentions]
    else:
        labelled = [(ent.label_, ent.start_char, ent.end_char) for ent in doc.ents]
    spans, blocked = [], []
    person_words = {w for label, s, e in labelled if label == "PERSON" and " " in text[s:e] for w in text[s:e].split()}
    for label, start, end in labelled:
        if label in PLACE_TYPES or _mislabelled_place(doc, text, label, start, end, gazetteer, person_words):
            spans.append((start, end))
        else:
            blocked.append((start, end))
    mentions = []
    for start, end in sorted(set(spans)):
        # "Arlington, Texas" is one entity to the model but two places, the second qualifying the first.
        for part_start, part_end in _comma_parts(text, start, end):
            mention = _clean(text, part_start, part_end)
            if mention is not None:
                mentions.append(mention)
    taken = [(m.start, m.end) for m in mentions] + blocked
    mentions += _spot(doc, text, gazetteer, taken)
    taken += [(m.start, m.end) for m in mentions if m.spotted]
    mentions += _spot_qualified(doc, text, gazetteer, taken)
    mentions += _inside_organisations(doc, text, entities, gazetteer)
    mentions += _county_lists(text, mentions, gazetteer)
    labelled_tokens = _free_tokens(doc, [(s, e) for _, s, e in labelled])
    fitted = []
    for mention in mentions:
        if not mention.spotted and not mention.context_only:
            mention = _widen(doc, text, mention, gazetteer, labelled_tokens)
        if not mention.spotted and _first_name(doc, mention, gazetteer):
            continue
        _extend_region(doc, text, mention, gazetteer)
        mention = _fit(text, mention, gazetteer)
        if mention is not None:
            fitted.append(mention)
    return sorted(fitted, key=lambda m: m.start)


def _widen(doc, text: str, mention: _Mention, gazetteer: Gazetteer, unlabelled: list[bool]) -> _Mention:
    """The mention with the capitalised words the model left out of a longer town's name: "Belle" of
    "Belle Plaine", "MIAMI" of "NEW MIAMI", "ATLANTIC" of "ATLANTIC BEACH"."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return mention
    for left, right in ((1, 2), (0, 2), (1, 1), (0, 1), (1, 0)):
        start, end = span.start - left, span.end + right
        if start < 0 or end > len(doc):
            continue
        extra = [doc[i] for i in range(start, span.start)] + [doc[i] for i in range(span.end, end)]
        if not all(unlabelled[t.i] and t.text[:1].isupper() and t.is_alpha and not t.is_stop for t in extra):
            continue
        name = text[doc[start].idx:doc[end - 1].idx + len(doc[end - 1].text)]
        if any(primary and e.feature in ("city", "region", "country") for e, primary in gazetteer.lookup(name)):
            return _Mention(doc[start].idx, doc[start].idx + len(name), name, mention.region)
    return mention


def _mislabelled_place(doc, text: str, label: str, start: int, end: int, gazetteer: Gazetteer,
                       person_words: set) -> bool:
    """A town the model took for an organisation or a person: "Huntsville" (ORG), "Gainesville" (PERSON).

    The whole entity must be a town, region or country name, not part of a fuller person's name in the
    article ("Ripley" of "Tom Ripley"). A PERSON that is not a well-known place needs a cue as well: a
    preposition before ("in Gainesville") or a word after ("Gainesville man", "Gainesville officials").
    """
    if label not in ("ORG", "PERSON"):
        return False
    name = text[start:end]
    if not name[:1].isupper() or not any(
            e.feature in ("region", "country") or (e.feature == "city" and e.population >= RESCUE_POPULATION)
            for e, primary in gazetteer.lookup(name) if primary):
        return False  # a hamlet's name is more often a word or a surname ("House", "Bell")
    if name in person_words or name.replace(".", "").isupper():
        return False  # "Ripley" of "Tom Ripley"; "U.N."
    if label == "ORG":
        return " " not in name or normalize_name(name) in gazetteer.spottable
    if " " not in name and normalize_name(name) in gazetteer.spottable:
        return True  # a well-known place: "Kyiv", "Sevastopol"
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    return before in PLACE_PREPOSITIONS or after in PLACE_NOUNS


def _first_name(doc, mention: _Mention, gazetteer: Gazetteer) -> bool:
    """A one-word "place" that opens an untagged name, as "Natalia" of "Natalia Abbakumova"."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or len(span) != 1 or span.end >= len(doc):
        return False
    following = doc[span.end]
    return (following.pos_ == "PROPN" and not following.ent_type_ and following.text[:1].isupper()
            and following.lower_ not in REGION_WORDS | GEO_WORDS
            and normalize_name(mention.text) not in gazetteer.spottable)


def _comma_parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    parts = []
    for piece in re.finditer(r"[^,]+", text[start:end]):
        parts.append((start + piece.start(), start + piece.end()))
    return parts


def _clean(text: str, start: int, end: int) -> _Mention | None:
    """Trim a leading article, a possessive and edge punctuation from a span; None if no name is left."""
    surface = text[start:end]
    stripped = surface.lstrip()
    start += len(surface) - len(stripped)
    if stripped[:4].lower() == "the ":
        start += 4
    surface = text[start:end]
    trimmed = _POSSESSIVE.sub("", surface.rstrip(" ,;:!?\"“”)(")).rstrip()
    end = start + len(trimmed)
    if end <= start or not trimmed[:1].isupper():
        return None  # nothing left, or a lower-case word the model mistook ("meth")
    return _Mention(start, end, trimmed)


def _spot(doc, text: str, gazetteer: Gazetteer, taken: list[tuple[int, int]]) -> list[_Mention]:
    """Well-known names outside any entity, as capitalised proper nouns (longest match first)."""
    spottable = gazetteer.spottable
    longest = min(4, gazetteer.longest_spottable)
    free = _free_tokens(doc, taken)
    # Plain lists: building a spaCy Span per n-gram would cost more than the rest of the component.
    words = [t.text for t in doc]
    starts = [t.idx for t in doc]
    capital = [w[:1].isupper() for w in words]
    found = []
    i, size = 0, len(words)
    while i < size:
        if not free[i] or not capital[i]:
            i += 1
            continue
        match = 0
        for n in range(min(longest, size - i), 0, -1):
            last = i + n - 1
            if not capital[last] or not all(free[i:i + n]):
                continue
            if any(not (capital[k] or words[k].lower() in _NAME_GLUE) for k in range(i, last)):
                continue
            key = normalize_name(text[starts[i]:starts[last] + len(words[last])])
            if key not in spottable:
                continue
            if n == 1 and not _plausible_single(doc[i], key):
                continue
            match = n
            break
        if match:
            end = starts[i + match - 1] + len(words[i + match - 1])
            found.append(_Mention(starts[i], end, text[starts[i]:end], spotted=True))
            i += match
        else:
            i += 1
    return found


def _fit(text: str, mention: _Mention, gazetteer: Gazetteer) -> _Mention | None:
    """Trim a mention to the name the gazetteer knows; demonyms tagged as places are dropped.

    "North Texas" -> "Texas", "Guernsey County Common Pleas Court" -> "Guernsey County", "W.Va" -> "W.Va.".
    A mention nothing in the gazetteer fits is kept whole (an unresolved place).
    """
    if text[mention.end:mention.end + 1] == "." and (mention.text + ".") in AP_STATES:
        mention.end += 1
        mention.text += "."
    if mention.text.lower() in DIRECTIONS | GENERIC_WORDS:
        return None  # "Eastern", "Central": a direction the model took for a name
    whole = _candidates(_core_name(mention), mention.region, gazetteer)
    words = list(re.finditer(r"\S+", mention.text))
    if len(words) > 1 and words[0].group().lower() in DIRECTIONS:
        rest = _Mention(mention.start + words[1].start(), mention.end, mention.text[words[1].start():],
                        mention.region, mention.spotted)
        generic = rest.text.lower() in GEO_WORDS | GENERIC_WORDS  # "North Island" is not in Island County
        inside = [] if generic else _candidates(_core_name(rest), rest.region, gazetteer)
        # "East Texas" is part of Texas, not the hamlet of East Texas, Pennsylvania; "North Dakota" is itself
        if inside and (not whole or (
                all(e.feature == "city" and e.population < RESCUE_POPULATION for e, _ in whole)
                and any(e.feature == "country" or _is_admin1(e) for e, _ in inside))):
            return rest
    if whole:
        return mention
    if gazetteer.demonym_country(mention.text):
        return None
    if words[-1].group().lower().rstrip(".") in GEO_WORDS | STREET_NAMES:
        # "Neches River", "Main Street": a place of its own, unknown to the gazetteer; but "Athens Regional
        # Park" is in Athens
        return _host(mention, words, gazetteer) or mention
    # The longest name inside: "Vancouver International Airport" -> "Vancouver", "Metro Nashville" ->
    # "Nashville"; not "Belle" of "Belle Plaine", "North" of "North Island", "Tennessee" of "Tennessee Colony".
    for length in range(len(words) - 1, 0, -1):
        for i in range(len(words) - length + 1):
            inner = words[i:i + length]
            name = mention.text[inner[0].start():inner[-1].end()].rstrip(",;:")
            if not all(w.group()[:1].isupper() or w.group().lower() in _NAME_GLUE for w in inner):
                continue
            if not inner[0].group()[:1].isupper() or not inner[-1].group()[:1].isupper():
                continue
            if i > 0 and words[i - 1].group().lower() in NAME_STARTS | DIRECTIONS:
                continue  # "Los Feliz", "New Miami": part of a longer name the gazetteer lacks
            if length == 1 and name.lower() in NAME_STARTS | DIRECTIONS | GEO_WORDS | GENERIC_WORDS:
                continue
            if i + length < len(words) and words[i + length].group().lower().strip(",") in GEO_WORDS:
                continue
            if gazetteer.lookup(name):
                start = mention.start + inner[0].start()
                return _Mention(start, start + len(name), name, name.split()[-1].lower() in REGION_WORDS)
    return _host(mention, words, gazetteer) or mention


def _host(mention: _Mention, words: list[re.Match], gazetteer: Gazetteer) -> _Mention | None:
    """The town or region an unknown name is named after and lies in: "Athens Regional Park" -> "Athens",
    "Paris City Hall" -> "Paris", "South Central Tennessee Development District" -> "Tennessee".

    Not a name followed by a word that makes another place of it ("Sacramento River", "Griffith Park",
    "Lake Lanier", "Harbor City"): a river or a park is not where its namesake town is.
    """
    def plain(word: re.Match) -> str:
        return word.group().lower().rstrip(",.").split("-")[0]

    if plain(words[-1]) in NATURAL_WORDS | STREET_NAMES:
        return None  # "Wyndham Smoky Mountains", "Cedar Flat Rd", "Trafalgar Street-Clarke Road"
    # The host opens the name, or follows only directions ("South Central Tennessee", a region)
    openers = next((i for i, w in enumerate(words) if plain(w) not in DIRECTIONS), 0)
    for length in range(len(words) - 1, 0, -1):
        for i in range(min(openers, len(words) - length - 1) + 1):
            inner = words[i:i + length]
            if not all(w.group()[:1].isupper() for w in inner):
                continue
            following = plain(words[i + length])
            if following in NATURAL_WORDS | STREET_NAMES | NAME_STARTS:
                continue
            last = i + length == len(words) - 1
            if last and following in OWN_PLACE_WORDS:
                continue
            name = mention.text[inner[0].start():inner[-1].end()]
            found = [e for e, primary in gazetteer.lookup(name)
                     if primary and e.feature in ("city", "region", "country")]
            if last and following == "city":
                # "Springfield City" (Schools) is Springfield; "Lore City" is no town called Lore
                found = [e for e in found if e.feature != "city" or e.population >= RESCUE_POPULATION]
            if i > 0 and not any(e.feature == "country" or _is_admin1(e) for e in found):
                continue  # "South Central Tennessee" is in Tennessee; "North Annville" is not in Annville
            if found and name.lower() not in DIRECTIONS | GENERIC_WORDS | GEO_WORDS:
                start = mention.start + inner[0].start()
                return _Mention(start, start + len(name), name)
    return None


def _inside_organisations(doc, text: str, entities: tuple[Entity, ...], gazetteer: Gazetteer) -> list[_Mention]:
    """Town or county names that open an organisation's name ("Huntsville Fire Department",
    "Licking County Sheriff's Office"): where a local story is, though not places it talks about."""
    if entities:
        spans = [(s, e) for ent in entities if ent.type == "ORG" for s, e in ent.mentions]
    else:
        spans = [(ent.start_char, ent.end_char) for ent in doc.ents if ent.label_ == "ORG"]
    found = []
    for start, end in spans:
        words = list(re.finditer(r"[A-Z][\w.'’-]*", text[start:end]))
        for n in range(min(3, len(words) - 1), 0, -1):
            if words[n - 1].end() - words[0].start() != len(" ".join(w.group() for w in words[:n])):
                continue  # not consecutive words
            if words[0].start() != 0:
                break
            head = text[start:start + words[n - 1].end()]
            if any(e.feature in ("city", "region") and primary for e, primary in gazetteer.lookup(head)):
                found.append(_Mention(start, start + len(head), head, context_only=True))
                break
    return found


def _county_lists(text: str, mentions: list[_Mention], gazetteer: Gazetteer) -> list[_Mention]:
    """Names in "Douglas, Sarpy and Lancaster counties" are counties: mark the mentions found, add the others."""
    found = []
    by_span = {(m.start, m.end): m for m in mentions}
    for match in _COUNTY_LIST.finditer(text):
        for name in _LIST_SEPARATOR.finditer(match.group(1)):
            start, end = match.start(1) + name.start(), match.start(1) + name.end()
            if (start, end) in by_span:
                by_span[(start, end)].region = True
            elif not any(m.start < end and start < m.end for m in mentions) and any(
                    gazetteer.lookup(f"{name.group()} {word}") for word in ("county", "parish")):
                found.append(_Mention(start, end, name.group(), region=True, spotted=True))
    return found


def _spot_qualified(doc, text: str, gazetteer: Gazetteer, taken: list[tuple[int, int]]) -> list[_Mention]:
    """Any town the model missed, when the text says where it is: "pilgrims to Uman in Ukraine"."""
    found = []
    free = _free_tokens(doc, taken)
    i = 0
    while i < len(doc):
        if not free[i] or doc[i].pos_ != "PROPN" or not doc[i].text[:1].isupper():
            i += 1
            continue
        j = i
        while j + 1 < len(doc) and j - i < 2 and free[j + 1] and doc[j + 1].pos_ == "PROPN" \
                and doc[j + 1].text[:1].isupper():
            j += 1
        span = doc[i:j + 1]
        qualifier = _qualifier(text, span.end_char, gazetteer)
        if qualifier is not None and any(
                e.country == qualifier[0] and (qualifier[1] is None or e.admin1 == qualifier[1])
                for e, _ in gazetteer.lookup(span.text)):
            found.append(_Mention(span.start_char, span.end_char, span.text, spotted=True))
        i = j + 1
    return found


def _free_tokens(doc, taken: list[tuple[int, int]]) -> list[bool]:
    free = [True] * len(doc)
    for start, end in taken:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            for i in range(span.start, span.end):
                free[i] = False
    return free


def _plausible_single(token, key: str) -> bool:
    """A one-word spot must be a proper noun, and a short alias ("US") must be written in capitals."""
    if len(key) <= 3 and not token.text.replace(".", "").isupper():
        return False
    # "Kyiv said" is a place speaking for its government; names that are often people ("Jordan",
    # "Georgia", "Paris") are never spottable (see the build script's COMMON_WORDS).
    return token.pos_ in ("PROPN", "") or token.text.replace(".", "").isupper()


def _extend_region(doc, text: str, mention: _Mention, gazetteer: Gazetteer) -> None:
    """Take a following "region"/"oblast" into the mention and ask for a region."""
    last = mention.text.rsplit(None, 1)[-1].lower()
    if last in REGION_WORDS:
        # "Cook County", "Amur Oblast" ask for a region; "Czech Republic" is a country's own name
        mention.region = not any(e.feature == "country" for e, _ in gazetteer.lookup(mention.text))
        return
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or span.end >= len(doc):
        return
    following = doc[span.end]
    if following.lower_ in REGION_WORDS and following.lower_ not in ("state", "republic", "county", "parish"):
        mention.end = following.idx + len(following.text)
        mention.text = text[mention.start:mention.end]
        mention.region = True


# -- grouping and qualifiers ---------------------------------------------------------------

def _group(text: str, mentions: list[_Mention], gazetteer: Gazetteer) -> list[_Group]:
    groups: dict[tuple[str, bool, bool], _Group] = {}
    for mention in mentions:
        name = _core_name(mention)
        key = normalize_name(name)
        if not key:
            continue
        group = groups.get((key, mention.region, mention.context_only))
        if group is None:
            group = groups[(key, mention.region, mention.context_only)] = _Group(key, name, mention.region,
                                                                                mention.context_only)
            group.candidates = _candidates(name, mention.region, gazetteer)
        group.mentions.append(mention)
        qualifier = _qualifier(text, mention.end, gazetteer)
        if qualifier is not None:
            group.qualifiers.append(qualifier)
    return list(groups.values())


def _core_name(mention: _Mention) -> str:
    """The name without its region word ("Amur region" -> "Amur"); the word's meaning is ``region``."""
    if not mention.region:
        return mention.text
    words = mention.text.split()
    return " ".join(words[:-1]) if len(words) > 1 and words[-1].lower() in REGION_WORDS else mention.text


def _candidates(name: str, region: bool, gazetteer: Gazetteer) -> list[tuple[Entry, bool]]:
    code = AP_STATES.get(name) or AP_STATES.get(name + ".")
    if code is None and name in US_POSTAL and len(name) == 2 and name not in ("IN", "ME", "OR", "OK", "HI", "LA"):
        code = name
    if code is not None:
        state = gazetteer.region("US", code)
        return [(state, True)] if state is not None else []
    candidates = gazetteer.lookup(name)
    if region:
        # "Amur region", "Cook County", "Northern Territory": the region itself, whatever the text calls it.
        regions = [c for c in candidates if c[0].feature == "region"]
        whole = [c for suffix in REGION_WORDS_LOOKUP for c in gazetteer.lookup(f"{name} {suffix}")]
        candidates = whole or regions or candidates
    elif not candidates:
        words = name.split()
        if len(words) > 1 and words[-1].lower() in REGION_WORDS:
            candidates = [c for c in gazetteer.lookup(" ".join(words[:-1])) if c[0].feature == "region"]
    return candidates


def _qualifier(text: str, end: int, gazetteer: Gazetteer) -> tuple[str, str | None] | None:
    """The state or country written right after a name: "Lafayette, Ind.", "Paris, France", "Uman in Ukraine"."""
    match = _QUALIFIER.match(text, end, min(len(text), end + 40))
    if match is None:
        return None
    words = match.group(1).split()
    for n in range(len(words), 0, -1):
        phrase = " ".join(words[:n])
        code = AP_STATES.get(phrase) or (phrase if phrase in US_POSTAL else None)
        if code is not None:
            return ("US", code)
        for entry, _ in gazetteer.lookup(phrase.rstrip(".")):
            if entry.feature == "country" and entry.country:
                return (entry.country, None)
            if entry.feature == "region" and entry.key.startswith(("a1:", "x:")) and entry.country:
                return (entry.country, entry.admin1)
    return None


def _context_countries(doc, text: str, entities: tuple[Entity, ...], gazetteer: Gazetteer) -> Counter:
    """Country evidence that is not a place name: demonyms ("Ukrainian") and national cue words ("$")."""
    demonyms: Counter = Counter()
    if entities:
        texts = [text[s:e] for ent in entities if ent.type == "NORP" for s, e in ent.mentions]
    else:
        texts = [ent.text for ent in doc.ents if ent.label_ == "NORP"]
    for surface in texts:
        code = gazetteer.demonym_country(surface)
        if code:
            demonyms[code] += 1
    cues: Counter = Counter()
    for token in doc:
        code = COUNTRY_CUES.get(token.lower_)
        if code:
            cues[code] += 1
    evidence: Counter = Counter()
    for code, count in demonyms.items():
        evidence[code] += DEMONYM_WEIGHT * min(count, MAX_MENTION_WEIGHT)
    for code, count in cues.items():
        evidence[code] += CUE_WEIGHT * min(count, MAX_MENTION_WEIGHT)
    return evidence


# -- resolution ----------------------------------------------------------------------------
#
# Every name keeps a belief over its candidates, p ∝ 10^score, so a score is on the scale of log10
# population. Each round rescores every candidate against what the *other* names believe:
# - countries and first-level regions: expected evidence, so "Henry County" (ten candidates, all in
#   the US) is firm evidence for the US even before it is itself resolved;
# - closeness: other names with a likely candidate within NEAR_KM ("Paris" + "Henry County" ->
#   Paris, Tennessee, the seat of Henry County, Tennessee).

@dataclass
class _Belief:
    candidates: list[tuple[Entry, bool]]
    priors: list[float]
    p: list[float] = field(default_factory=list)  # normalised belief
    q: list[float] = field(default_factory=list)  # belief relative to the best candidate (max 1)
    weight: float = 1.0  # how much this name counts as evidence


def _resolve(groups: list[_Group], gazetteer: Gazetteer, context: Counter) -> None:
    beliefs = []
    for group in groups:
        city_sizes: dict[str, int] = {}
        for entry, _ in group.candidates:
            if entry.feature == "city":
                city_sizes[entry.country or ""] = max(city_sizes.get(entry.country or "", 0), entry.population)
        scored = sorted(((_prior(e, primary, group, city_sizes), (e, primary))
                         for e, primary in group.candidates), key=lambda x: -x[0])[:MAX_CANDIDATES]
        weight = min(len(group.mentions), MAX_MENTION_WEIGHT) * (CONTEXT_ONLY_WEIGHT if group.context_only else 1)
        belief = _Belief([c for _, c in scored], [s for s, _ in scored], weight=weight)
        _normalise(belief, belief.priors)
        beliefs.append(belief)
    scores: list[list[float]] = [b.priors for b in beliefs]
    for _ in range(ROUNDS):
        countries, regions = _evidence(beliefs, context)
        grid = _grid(beliefs)
        scores = []
        for index, belief in enumerate(beliefs):
            own_countries, own_regions = _evidence([belief], Counter(), only=True)
            other_countries = countries - own_countries
            other_regions = regions - own_regions
            total = sum(other_countries.values())
            row = []
            for (entry, _), prior in zip(belief.candidates, belief.priors):
                score = prior
                if total and entry.country:
                    score += COUNTRY_BONUS * other_countries[entry.country] / total
                if entry.admin1 and entry.feature != "country":
                    # a town is supported by its region named elsewhere, a region by towns inside it
                    score += REGION_CONTEXT_BONUS * min(1.0, other_regions.get((entry.country, entry.admin1), 0.0))
                if _is_point(entry):
                    score += NEAR_BONUS * min(NEAR_CAP, _closeness(entry, index, grid))
                row.append(score)
            scores.append(row)
        for belief, row in zip(beliefs, scores):
            _normalise(belief, row)
    for group, belief, row in zip(groups, beliefs, scores):
        group.choice = belief.candidates[max(range(len(row)), key=row.__getitem__)][0] if row else None


def _normalise(belief: _Belief, scores: list[float]) -> None:
    if not scores:
        belief.p, belief.q = [], []
        return
    top = max(scores)
    relative = [10 ** (s - top) for s in scores]
    total = sum(relative)
    belief.p = [r / total for r in relative]
    # Closeness listens to second choices too, so that three small towns of one county can find each
    # other even when each has a bigger namesake elsewhere.
    belief.q = [10 ** ((s - top) / CLOSENESS_TEMPERATURE) for s in scores]


def _evidence(beliefs: list[_Belief], context: Counter, *, only: bool = False) -> tuple[Counter, Counter]:
    """Expected country and admin1 evidence of the names (and of the demonyms and cue words) in the article."""
    countries: Counter = Counter()
    regions: Counter = Counter()
    if not only:
        countries.update(context)
    for belief in beliefs:
        for (entry, _), p in zip(belief.candidates, belief.p):
            if p < 0.01:
                continue
            if entry.country:
                countries[entry.country] += belief.weight * p
            if entry.admin1 and entry.country:
                share = 1.0 if _is_admin1(entry) else INSIDE_REGION_WEIGHT
                regions[(entry.country, entry.admin1)] += share * p * belief.weight
    return countries, regions


def _is_admin1(entry: Entry) -> bool:
    return entry.feature == "region" and entry.key.startswith(("a1:", "x:")) and bool(entry.admin1)


def _is_point(entry: Entry) -> bool:
    """Places small enough for closeness to mean something: towns, counties, facilities."""
    return entry.feature in ("city", "facility") or entry.key.startswith("a2:")


_Grid = dict[tuple[int, int], list[tuple[int, float, float, float]]]


def _grid(beliefs: list[_Belief]) -> _Grid:
    """Likely point candidates of every name in 1-degree cells: cell -> (name index, lat, lon, q)."""
    grid: _Grid = defaultdict(list)
    for index, belief in enumerate(beliefs):
        for (entry, _), q in zip(belief.candidates, belief.q):
            if q >= 0.01 and _is_point(entry):
                grid[(math.floor(entry.lat), math.floor(entry.lon))].append((index, entry.lat, entry.lon, q))
    return grid


def _closeness(entry: Entry, index: int, grid: _Grid) -> float:
    """Sum over the other names of their best relative belief in a candidate within NEAR_KM of ``entry``."""
    best: dict[int, float] = {}
    cell_lat, cell_lon = math.floor(entry.lat), math.floor(entry.lon)
    for dlat in (-1, 0, 1):
        for dlon in (-1, 0, 1):
            for other, lat, lon, q in grid.get((cell_lat + dlat, cell_lon + dlon), ()):
                if other == index or q <= best.get(other, 0.0):
                    continue
                if distance_km(entry.lat, entry.lon, lat, lon) <= NEAR_KM:
                    best[other] = q
    return sum(best.values())


def _prior(entry: Entry, primary: bool, group: _Group, city_sizes: dict[str, int]) -> float:
    """How likely a name means this entry before any context: size, kind, spelling and qualifier."""
    population = entry.population or (COUNTY_POPULATION if entry.key.startswith("a2:") else 0)
    score = POPULATION_WEIGHT * math.log10(max(population, 100)) + FEATURE_BONUS.get(entry.feature, 0.0)
    if not primary and entry.feature != "country":
        score -= ALTERNATE_COST
    if entry.capital:
        score += CAPITAL_BONUS
    if (entry.feature == "region" and not group.region
            and city_sizes.get(entry.country or "", 0) >= max(1000, CITY_REGION_SHARE * entry.population)):
        score -= CITY_NAMED_REGION_COST
    if group.qualifiers and any(entry.country == c and (a is None or entry.admin1 == a)
                                for c, a in group.qualifiers):
        score += QUALIFIER_BONUS
    return score


# -- output --------------------------------------------------------------------------------

def _places(groups: list[_Group]) -> list[Place]:
    merged: dict[str, tuple[Entry | None, str, list[tuple[int, int]]]] = {}
    for group in groups:
        if group.context_only:
            continue
        entry = group.choice
        key = entry.key if entry is not None else f"name:{group.key}"
        spans = [(m.start, m.end) for m in group.mentions]
        if key in merged:
            merged[key][2].extend(spans)
        else:
            merged[key] = (entry, group.mentions[0].text, spans)
    places = []
    for key, (entry, surface, spans) in merged.items():
        mentions = tuple(sorted(set(spans)))
        if entry is None:
            places.append(Place(name=surface, lat=None, lon=None, country=None, id=place_id(key),
                                feature=None, geonames_id=None, mentions=mentions))
        else:
            places.append(Place(name=entry.name, lat=entry.lat, lon=entry.lon, country=entry.country,
                                id=place_id(key), feature=entry.feature, geonames_id=entry.geonames_id,
                                mentions=mentions))
    return sorted(places, key=lambda p: p.mentions[0])


def place_id(key: str) -> str:
    """Stable id of a place: a hash of its gazetteer key (or of its name when unresolved)."""
    return content_id("place", key, prefix="p")
