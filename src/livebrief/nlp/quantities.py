"""Figures in an article: casualties, money, counts of weapons and vehicles, durations, distances.

``find_quantities(doc)`` yields one ``Quantity`` per figure, in text order. How it reads one:

1. candidates come from one spaCy ``Matcher`` per vocab (numbers, digit-suffix tokens such as
   "1.2bn", and counted nouns that "a"/"an" may count);
2. around each number it reads a qualifier ("at least", "about", "up to"), a currency
   ("$", "€", "Danish kroner") and a unit ("months", "km", "percent");
3. the kind comes from, in order: money, unit, casualty cue (a verb or adjective beside the
   figure — "were injured", "killing", "24 dead" — or a death toll), subset ("three of them"),
   the counted noun ("seven cruise missiles" → weapons), else ``other``.

``text`` is the figure's own span: qualifier, number, currency and unit ("at least 24",
"approximately $833 million", "as little as three months"); the counted thing goes in ``object``.
Choices that are conventions rather than facts are written down in docs/nlp-figures-and-times.md.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from livebrief.model import Quantity
from livebrief.nlp.numbers import VAGUE, NumberMatch, read_number

# -- word tables ---------------------------------------------------------------------------

#: Qualifiers before a figure, longest first so "no more than" wins over "more than".
QUALIFIERS: tuple[tuple[tuple[str, ...], str], ...] = tuple(sorted((
    (("at", "least"), "at_least"), (("more", "than"), "at_least"), (("over",), "at_least"),
    (("no", "fewer", "than"), "at_least"), (("no", "less", "than"), "at_least"),
    (("upwards", "of"), "at_least"), (("in", "excess", "of"), "at_least"), (("a", "minimum", "of"), "at_least"),
    (("just", "over"), "at_least"), (("well", "over"), "at_least"), (("well", "above"), "at_least"),
    (("as", "few", "as"), "at_least"), (("as", "little", "as"), "at_least"), (("at", "minimum"), "at_least"),
    (("about",), "approximately"), (("nearly",), "approximately"), (("approximately",), "approximately"),
    (("around",), "approximately"), (("roughly",), "approximately"), (("some",), "approximately"),
    (("almost",), "approximately"), (("an", "estimated"), "approximately"), (("estimated",), "approximately"),
    (("close", "to"), "approximately"), (("approx",), "approximately"), (("approx.",), "approximately"),
    (("circa",), "approximately"), (("an", "approximate"), "approximately"), (("just", "under"), "approximately"),
    (("up", "to"), "at_most"), (("as", "many", "as"), "at_most"), (("as", "much", "as"), "at_most"),
    (("no", "more", "than"), "at_most"), (("fewer", "than"), "at_most"), (("less", "than"), "at_most"),
    (("at", "most"), "at_most"), (("a", "maximum", "of"), "at_most"), (("under",), "at_most"),
    (("a", "total", "of"), "exactly"), (("exactly",), "exactly"), (("precisely",), "exactly"),
), key=lambda item: -len(item[0])))

_QUALIFIERS_BY_LAST: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _words, _qualifier in QUALIFIERS:
    _QUALIFIERS_BY_LAST.setdefault(_words[-1], []).append((_words, _qualifier))

SUFFIX_QUALIFIERS: dict[tuple[str, ...], str] = {
    ("or", "more"): "at_least", ("-", "plus"): "at_least", ("+",): "at_least", ("or", "so"): "approximately",
}

CURRENCY_SYMBOLS: dict[str, str] = {
    "$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₴": "UAH", "₽": "RUB", "₹": "INR",
    "c$": "CAD", "a$": "AUD", "hk$": "HKD", "nz$": "NZD", "s$": "SGD", "₪": "ILS", "₺": "TRY", "₩": "KRW",
}
CURRENCY_CODES: frozenset[str] = frozenset(
    "usd eur gbp uah rub jpy cny dkk nok sek chf cad aud inr pln try ils krw sar aed irr syp egp".split())
#: Currency words (singular and plural forms) to their default ISO 4217 code.
CURRENCY_WORDS: dict[str, str] = {
    **dict.fromkeys(("dollar", "dollars"), "USD"), **dict.fromkeys(("euro", "euros"), "EUR"),
    **dict.fromkeys(("pound", "pounds", "sterling"), "GBP"), **dict.fromkeys(("krone", "kroner"), "DKK"),
    **dict.fromkeys(("krona", "kronor"), "SEK"), **dict.fromkeys(("hryvnia", "hryvnias", "hryvnas", "hryvnya"), "UAH"),
    **dict.fromkeys(("ruble", "rubles", "rouble", "roubles"), "RUB"), "yen": "JPY",
    **dict.fromkeys(("yuan", "renminbi"), "CNY"), **dict.fromkeys(("rupee", "rupees"), "INR"),
    **dict.fromkeys(("franc", "francs"), "CHF"), **dict.fromkeys(("lira", "liras"), "TRY"),
    **dict.fromkeys(("shekel", "shekels"), "ILS"), **dict.fromkeys(("zloty", "zlotys", "zlotych"), "PLN"),
    **dict.fromkeys(("riyal", "riyals"), "SAR"), **dict.fromkeys(("dirham", "dirhams"), "AED"),
    **dict.fromkeys(("rial", "rials"), "IRR"),
}
#: An adjective before a currency word that names another country's unit ("Danish kroner").
CURRENCY_NATIONS: dict[tuple[str, str], str] = {
    ("danish", "krone"): "DKK", ("norwegian", "krone"): "NOK", ("swedish", "krona"): "SEK",
    ("swedish", "krone"): "SEK", ("canadian", "dollar"): "CAD", ("australian", "dollar"): "AUD",
    ("kong", "dollar"): "HKD", ("zealand", "dollar"): "NZD", ("singapore", "dollar"): "SGD",
    ("taiwan", "dollar"): "TWD", ("egyptian", "pound"): "EGP", ("lebanese", "pound"): "LBP",
    ("syrian", "pound"): "SYP", ("swiss", "franc"): "CHF", ("pakistani", "rupee"): "PKR",
    ("iranian", "rial"): "IRR", ("saudi", "riyal"): "SAR", ("belarusian", "ruble"): "BYN",
}
#: "Crowns" is money only after the nation that issues them.
CROWNS: dict[str, str] = {"danish": "DKK", "norwegian": "NOK", "swedish": "SEK", "czech": "CZK", "icelandic": "ISK"}
_CURRENCY_BASE = {"krone": "krone", "kroner": "krone", "krona": "krona", "kronor": "krona", "dollar": "dollar",
                  "dollars": "dollar", "pound": "pound", "pounds": "pound", "franc": "franc", "francs": "franc",
                  "rupee": "rupee", "rupees": "rupee", "rial": "rial", "rials": "rial", "riyal": "riyal",
                  "riyals": "riyal", "ruble": "ruble", "rubles": "ruble", "rouble": "ruble", "roubles": "ruble"}

TIME_UNITS: dict[str, str] = {
    **dict.fromkeys(("second", "seconds", "secs"), "second"), **dict.fromkeys(("minute", "minutes", "mins"), "minute"),
    **dict.fromkeys(("hour", "hours", "hrs"), "hour"), **dict.fromkeys(("day", "days"), "day"),
    **dict.fromkeys(("week", "weeks"), "week"), **dict.fromkeys(("fortnight", "fortnights"), "fortnight"),
    **dict.fromkeys(("month", "months"), "month"), **dict.fromkeys(("year", "years"), "year"),
    **dict.fromkeys(("decade", "decades"), "decade"), **dict.fromkeys(("century", "centuries"), "century"),
}
DISTANCE_UNITS: dict[str, str] = {
    **dict.fromkeys(("km", "kms", "kilometre", "kilometres", "kilometer", "kilometers"), "km"),
    **dict.fromkeys(("mile", "miles", "mi"), "mile"), **dict.fromkeys(("metre", "metres", "meter", "meters"), "m"),
    **dict.fromkeys(("yard", "yards"), "yard"), **dict.fromkeys(("foot", "feet", "ft"), "ft"),
}
#: Units of other measures: reported as kind ``other`` with the unit.
OTHER_UNITS: dict[str, str] = {
    **dict.fromkeys(("percent", "pct", "%"), "percent"),
    **dict.fromkeys(("tonne", "tonnes", "ton", "tons"), "tonne"),
    **dict.fromkeys(("kg", "kilograms", "kilogram"), "kg"),
    **dict.fromkeys(("barrel", "barrels"), "barrel"), **dict.fromkeys(("hectare", "hectares"), "hectare"),
    **dict.fromkeys(("acre", "acres"), "acre"), **dict.fromkeys(("litre", "litres", "liter", "liters"), "litre"),
    **dict.fromkeys(("pound", "pounds", "lb", "lbs"), "lb"), **dict.fromkeys(("megawatt", "megawatts", "mw"), "MW"),
    **dict.fromkeys(("gigawatt", "gigawatts", "gw"), "GW"),
}
_NAUTICAL = "nautical"
_PERCENT_POINTS = ("percentage", "point")

#: Counted nouns (spaCy lemmas, lower case) by the kind they give a figure.
COUNTED_NOUNS: dict[str, str] = {
    **dict.fromkeys("""drone missile rocket shell bomb munition projectile grenade mine warhead mortar uav
        torpedo interceptor howitzer launcher shahed shaheds himars atacms kalibr iskander kinzhal""".split(),
                    "weapons"),
    **dict.fromkeys("""ship vessel boat submarine warship frigate corvette destroyer cruiser tanker ferry
        carrier trawler tugboat tug barge minesweeper gunboat dinghy freighter""".split(), "ships"),
    **dict.fromkeys("""aircraft jet plane airplane aeroplane helicopter chopper bomber airliner warplane
        airframe gunship""".split(), "aircraft"),
    **dict.fromkeys("""tank vehicle truck lorry car bus apc ifv humvee ambulance""".split(), "vehicles"),
    **dict.fromkeys("""people person civilian soldier troop serviceman servicemen servicewoman pilot child
        children man men woman women resident refugee migrant hostage prisoner protester protestor
        demonstrator worker journalist reporter officer policeman policemen police staff volunteer medic
        doctor nurse patient passenger crew sailor marine mercenary conscript recruit personnel student
        villager inhabitant citizen national victim fighter militant rebel insurgent combatant guard
        family adult baby infant teenager boy girl""".split(), "people"),
}
#: Military type designators: "F-16s", "Su-25", "T-72s", "Shahed-136".
_DESIGNATORS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^(?:f|mig|su|tu|mi|ka|il|an|yak|a|b|kc|ah|uh|ch|e)-\d+[a-z]*s?$"), "aircraft"),
    (re.compile(r"^(?:t|bmp|btr|bmd|m)-?\d+[a-z]*s?$"), "vehicles"),
    (re.compile(r"^(?:shahed|geran|kh|mq|rq|s|lancet)-\d+[a-z]*s?$"), "weapons"),
)
#: Nouns that are counted but are not the thing: "three rounds of talks", "two think tanks".
_NOT_COUNTED_BEFORE = {"tank": {"think", "fuel", "water", "oil", "gas", "septic", "storage"},
                       "carrier": {"personnel"}}

#: Modifiers that make a counted machine a person: "suicide bombers".
_PEOPLE_BEFORE = {"bomber": {"suicide"}}

#: Casualty cues by spaCy lemma (verbs) or lower-case word (adjectives, nouns).
CASUALTY_VERBS: dict[str, str] = {
    **dict.fromkeys("kill die perish slay murder execute massacre".split(), "killed"),
    **dict.fromkeys("injure wound hurt hospitalize hospitalise maim".split(), "injured"),
    **dict.fromkeys("displace evacuate flee relocate".split(), "displaced"),
    **dict.fromkeys("detain arrest capture abduct kidnap jail imprison".split(), "detained"),
}
CASUALTY_WORDS: dict[str, str] = {
    "dead": "killed", "killed": "killed", "injured": "injured", "wounded": "injured", "hurt": "injured",
    "missing": "missing", "unaccounted": "missing", "displaced": "displaced", "homeless": "displaced",
    "evacuated": "displaced", "detained": "detained", "arrested": "detained",
}
CASUALTY_NOUNS: dict[str, str] = {
    "death": "killed", "fatality": "killed", "body": "killed", "injury": "injured",
    "detainee": "detained", "arrest": "detained", "evacuee": "displaced", "refugee": "displaced",
}
_CAPTIVE_WORDS = frozenset({"prisoner", "captive", "hostage"})
_SUBSET_PRONOUNS = frozenset({"them", "whom", "those", "these"})
_PARENTHETICAL_OPENERS = frozenset({"including", "among", "mostly", "most", "many", "all", "some", "mainly"})
_RIGHT_FILLERS = frozenset("""were was have has had been be being are is reportedly reported also later all both
    subsequently allegedly believed thought feared confirmed to remain remained remains still left already
    initially now officially said say says presumed listed went gone go more others""".split())
#: Words before a number that make it a label, not a count ("Article 5", "Flight 17").
_LABEL_WORDS = frozenset("""no no. number nr article resolution flight route highway chapter section paragraph
    page room brigade division regiment battalion unit level category grade class game season episode
    version phase block building gate terminal platform channel line district ward zone sector
    covid-""".split())
_CLOCK_WORDS = frozenset({"a.m.", "p.m.", "am", "pm", "gmt", "utc", "bst", "cet", "cest", "est", "edt", "et",
                          "pt", "pst", "msk", "o'clock", "hrs", "local"})
_MONTHS = frozenset("""january february march april may june july august september october november december
    jan jan. feb feb. mar mar. apr apr. jun jun. jul jul. aug aug. sep sep. sept sept. oct oct. nov nov.
    dec dec.""".split())
_TIME_RELATIVE = frozenset({"ago", "earlier", "later", "hence"})
_NUMBER_LEADS = frozenset({"a", "an", "half"})
_A_NUMBERS = frozenset({"dozen", "hundred", "thousand", "million", "billion", "trillion"})
#: Displacement verbs count their subject whatever the form: "thousands fled their homes",
#: "forced 300 people to flee".
_ANY_FORM = frozenset({"flee", "evacuate", "die"})
_TERMINATORS = frozenset({".", ";", ":", "!", "?", "—", "–", "(", ")", '"', "“", "”"})
_YEAR = re.compile(r"^(1[89]|20|21)\d\d$")
_DIGIT_UNIT = re.compile(r"^(\d+(?:\.\d+)?)(km|m|mi|ft|kg|mw|gw|%)$")
_PHONE_PARTS = re.compile(r"^\d{3,4}$")
#: Token shapes of figures written with a suffix ("1.2bn", "833m", "500km"): the Matcher compares
#: shapes (a hash lookup) rather than running a regex over every token.
_SUFFIXED_SHAPES = [f"{whole}{decimals}{suffix}" for whole in ("d", "dd", "ddd", "dddd", "d,ddd", "dd,ddd", "ddd,ddd")
                    for decimals in ("", ".d", ".dd", ".ddd", ".dddd") for suffix in ("x", "xx", "xxx", "%")]


@dataclass(frozen=True)
class _Figure:
    """A number read in context before it becomes a Quantity."""

    start: int  # token index, qualifier included
    end: int    # token index, exclusive, unit and currency included
    value: float
    qualifier: str | None
    kind: str | None = None
    unit: str | None = None
    object: str | None = None


# -- public --------------------------------------------------------------------------------

def find_quantities(doc) -> Iterator[Quantity]:
    """Yield every figure in ``doc`` with its kind, normalised value, qualifier and unit."""
    matcher = _matcher(doc.vocab)
    taken: set[int] = set()
    figures: list[_Figure] = []
    for _, start, _end in sorted(matcher(doc), key=lambda m: (m[1], -m[2])):
        if start in taken:
            continue
        figure = _read_figure(doc, start)
        if figure is None:
            continue
        taken.update(range(figure.start, figure.end))
        if figure.kind is not None:
            figures.append(figure)
    figures.sort(key=lambda f: f.start)
    for figure in figures:
        span = doc[figure.start:figure.end]
        yield Quantity(value=float(figure.value), kind=figure.kind or "other", text=span.text,
                       start=span.start_char, end=span.end_char, unit=figure.unit,
                       qualifier=figure.qualifier, object=figure.object)


# -- candidates ----------------------------------------------------------------------------

@functools.lru_cache(maxsize=4)
def _matcher(vocab):
    from spacy.matcher import Matcher

    matcher = Matcher(vocab)
    matcher.add("NUMBER", [[{"LIKE_NUM": True}],
                           [{"LOWER": {"IN": sorted({*VAGUE, "dozen", "half"})}}],
                           [{"SHAPE": {"IN": _SUFFIXED_SHAPES}}]])
    matcher.add("COUNTED", [[{"LOWER": {"IN": ["a", "an"]}}]])
    return matcher


def _sentence(doc, i: int):
    """The sentence around token ``i``, found by walking to the boundaries (Span.sent rescans the Doc)."""
    start = i
    while start > 0 and not doc[start].is_sent_start:
        start -= 1
    end = i + 1
    while end < len(doc) and not doc[end].is_sent_start:
        end += 1
    return doc[start:end]


def _mentions_casualties(sentence) -> bool:
    return any(t.lemma_.lower() in CASUALTY_VERBS or t.lower_ in CASUALTY_WORDS for t in sentence)


def _read_figure(doc, i: int) -> _Figure | None:
    """The figure whose number starts at token ``i``; None when it is no figure.

    A figure with ``kind`` None is still returned so its tokens are not read twice.
    """
    token = doc[i]
    if token.lower_ in ("a", "an") and (i + 1 >= len(doc) or doc[i + 1].lower_ not in _A_NUMBERS):
        return _read_article_count(doc, i)
    words = [t.text for t in doc[i:min(len(doc), i + 8)]]
    prefix, currency = _currency_before(doc, i)
    unit_match = _DIGIT_UNIT.match(token.lower_)
    if unit_match:
        number: NumberMatch | None = NumberMatch(float(unit_match.group(1)), 1, None, True)
    else:
        number = read_number(words, money=True)
        if number is not None and not currency and _ambiguous_suffix(doc, i, number) \
                and _currency_after(doc, i + number.length)[1] is None:
            number = read_number(words, money=False)
    if number is None or number.value < 0:
        return None
    end = i + number.length
    # A "-" left dangling by read_number ("twenty-" at a line end) is not part of the number.
    if doc[end - 1].text == "-":
        end -= 1
    if _is_not_a_count(doc, i, end, number):
        return _Figure(i, end, number.value, None)
    whole = _partitive_whole(doc, end)
    if whole is not None:  # "shot down seven of 10 cruise missiles": seven cruise missiles, of ten
        return _Figure(i, end, number.value, number.bound or "exactly", whole.kind, whole.unit, whole.object)

    qual_start, qualifier = _qualifier_before(doc, i - len(prefix))
    start = qual_start
    suffix_qualifier, end = _qualifier_after(doc, end)
    qualifier = qualifier or suffix_qualifier or number.bound or "exactly"

    # ranges: "20-30 people", "between 20 and 30"
    range_end = _range_end(doc, end)
    if range_end is not None:
        end = range_end
        qualifier = "at_least"
        scale, end = _range_scale(doc, end, number)  # "$300-400bn", "$3-4 billion": the scale is both ends'
        if scale > 1:
            number = NumberMatch(number.value * scale, number.length, number.bound, number.digits)
        if start > 0 and doc[start - 1].lower_ == "between":
            start -= 1

    if unit_match:
        unit_word = unit_match.group(2)
        return _unit_figure(i, start, end, number.value, qualifier, unit_word)

    # money
    after_end, after_code = _currency_after(doc, end)
    currency = currency or after_code
    if currency:
        return _Figure(start, max(end, after_end), number.value, qualifier, "money", currency,
                       _money_object(doc, i, max(end, after_end)))

    unit_figure = _read_unit(doc, start, end, number.value, qualifier,
                             vague=number.bound == "at_least" and not number.digits)
    if unit_figure is not None:
        return unit_figure

    obj_start, obj_end = _object_span(doc, end, vague=number.bound == "at_least" and not number.digits)
    head = doc[obj_end - 1] if obj_end > obj_start else None
    obj_text = doc[obj_start:obj_end].text if head is not None else None
    category = _category(doc, obj_start, obj_end) if head is not None else None

    casualty = _casualty_kind(doc, start, end, obj_end, head)
    if casualty is not None and (head is None or category == "people" or _is_casualty_noun(head)
                                 or head.lower_ in ("others", "more")):
        if head is not None and _is_casualty_noun(head):
            obj_text = None if casualty != "people" else obj_text
        return _Figure(start, end, number.value, qualifier, casualty, None, obj_text)

    if head is not None and _is_casualty_noun(head):
        return _Figure(start, end, number.value, qualifier, _casualty_noun_kind(head), None, None)

    subset = _subset(doc, start, end)
    if subset is not None:
        subset_end, subset_object = subset
        return _Figure(start, end, number.value, qualifier, "people", None, subset_object)

    if category is not None:
        if number.value == 1 and not number.digits and qualifier == "exactly" \
                and not _coordinated(doc, start, obj_end):
            return _Figure(i, end, number.value, None)  # "one former recruit said": no figure
        return _Figure(start, end, number.value, qualifier, category, None, obj_text)

    # Anything else is a figure only when it plainly is one: written in digits, qualified,
    # scaled or vague, and counting something ("300 towns", "dozens of buildings").
    plain = not number.digits and qualifier == "exactly" and number.value < 100
    if head is not None and not plain and head.tag_ in ("NNS", "NNPS") and not _is_year(doc[i], number):
        return _Figure(start, end, number.value, qualifier, "other", None, obj_text)
    return _Figure(i, end, number.value, None)


# Counted things whose part is its own figure; a part of a casualty figure is a subset ("three of them").
_PARTITIVE_KINDS = frozenset({"weapons", "ships", "aircraft", "vehicles", "other"})


def _partitive_whole(doc, end: int) -> _Figure | None:
    """The figure after "of" when a number counts part of it: "seven of 10 cruise missiles"."""
    if end + 1 >= len(doc) or doc[end].lower_ != "of" or not doc[end + 1].like_num:
        return None
    whole = _read_figure(doc, end + 1)
    return whole if whole is not None and whole.kind in _PARTITIVE_KINDS else None


def _read_article_count(doc, i: int) -> _Figure | None:
    """"a landing ship and a submarine", "a man was killed": "a" counts 1 only when plainly counted."""
    j = i + 1
    if j + 1 < len(doc) and doc[j].like_num and doc[j + 1].text == "-" and doc[j].whitespace_ == "":
        while j < len(doc) and doc[j].whitespace_ == "":  # "a 24-year-old man"
            j += 1
        j += 1
    obj_start, obj_end = _object_span(doc, j, vague=False)
    if obj_end <= obj_start or obj_end - obj_start > 3:
        return None
    head = doc[obj_end - 1]
    category = _category(doc, obj_start, obj_end)
    if category is None or head.tag_ not in ("NN", "NNP"):
        return None
    obj = doc[obj_start:obj_end].text
    casualty = _casualty_kind(doc, i, i + 1, obj_end, head) if category == "people" else None
    if casualty is not None and casualty != "people":
        return _Figure(i, obj_end, 1.0, "exactly", casualty, None, obj)
    if category != "people" and _coordinated(doc, i, obj_end):
        return _Figure(i, obj_end, 1.0, "exactly", category, None, obj)
    return None


def _coordinated(doc, start: int, end: int) -> bool:
    """Whether the noun phrase doc[start:end] sits in a list of counted things."""
    after = doc[end:end + 2]
    if len(after) == 2 and after[0].lower_ in ("and", ",", "or") and \
            (after[1].lower_ in ("a", "an") or after[1].like_num):
        return True
    if start >= 2 and doc[start - 1].lower_ in ("and", ",") and doc[start - 2].pos_ == "NOUN":
        return _category(doc, start - 2, start - 1) is not None
    return False


# -- pieces of a figure --------------------------------------------------------------------

def _ambiguous_suffix(doc, i: int, number: NumberMatch) -> bool:
    last = doc[i + number.length - 1].lower_.rstrip(".")
    return last in ("m", "b", "k") or bool(re.match(r"^\d[\d,.]*[mbk]$", last))


def _currency_before(doc, i: int) -> tuple[list, str | None]:
    """Currency tokens right before a number ("$", "US$", "EUR") and the ISO code."""
    if i == 0:
        return [], None
    prev = doc[i - 1]
    code = CURRENCY_SYMBOLS.get(prev.lower_)
    if code is None and prev.lower_ in CURRENCY_CODES and prev.text.isupper():
        code = prev.text.upper()
    if code is None:
        return [], None
    # "US $5" as two tokens
    if prev.lower_ == "$" and i >= 2 and doc[i - 2].text in ("US", "U.S.") and doc[i - 2].whitespace_ == "":
        return [doc[i - 2], prev], "USD"
    return [prev], code


def _currency_after(doc, end: int) -> tuple[int, str | None]:
    """(end token, ISO code) of a currency after a number: "kroner", "Danish kroner", "USD"."""
    j = end
    nation = None
    if j < len(doc) and doc[j].lower_ in ("us", "u.s.", "american", "new", "hong"):
        nation = doc[j].lower_
        j += 1
    if j < len(doc) and doc[j].lower_ in ("zealand", "kong"):
        nation = doc[j].lower_
        j += 1
    if j < len(doc) and doc[j].pos_ in ("ADJ", "PROPN") and doc[j].lower_ not in CURRENCY_WORDS \
            and j + 1 < len(doc) and (doc[j + 1].lower_ in CURRENCY_WORDS or doc[j + 1].lower_ in ("crown", "crowns")):
        nation = doc[j].lower_
        j += 1
    if j >= len(doc):
        return end, None
    word = doc[j].lower_
    if word in ("crown", "crowns"):  # "5.7 billion Danish crowns", as wires write kroner in English
        code = CROWNS.get(nation or "")
        return (j + 1, code) if code else (end, None)
    if word in CURRENCY_CODES and doc[j].text.isupper():
        return j + 1, doc[j].text.upper()
    if word not in CURRENCY_WORDS:
        return end, None
    if word in ("pound", "pounds") and not _money_pounds(doc, end, j):
        return end, None
    code = CURRENCY_WORDS[word]
    if nation is not None:
        code = CURRENCY_NATIONS.get((nation, _CURRENCY_BASE.get(word, word)), code)
    return j + 1, code


def _money_pounds(doc, end: int, j: int) -> bool:
    """"50 million pounds" is money; "500 pounds of explosives" is weight."""
    scaled = doc[end - 1].lower_ in ("million", "billion", "trillion", "bn", "m", "mn")
    by_weight = j + 1 < len(doc) and doc[j + 1].lower_ == "of"
    return scaled or not by_weight


def _qualifier_before(doc, i: int) -> tuple[int, str | None]:
    """(start token, qualifier) of a qualifier ending right before token ``i``."""
    if i == 0:
        return i, None
    for words, qualifier in _QUALIFIERS_BY_LAST.get(doc[i - 1].lower_, ()):
        n = len(words)
        if i - n < 0:
            continue
        if all(doc[i - n + k].lower_ == word for k, word in enumerate(words)):
            if words == ("some",) and i < len(doc) and doc[i].lower_ in ("of",):
                continue
            return i - n, qualifier
    return i, None


def _qualifier_after(doc, end: int) -> tuple[str | None, int]:
    for words, qualifier in SUFFIX_QUALIFIERS.items():
        n = len(words)
        if tuple(t.lower_ for t in doc[end:end + n]) == words:
            return qualifier, end + n
    return None, end


def _money_object(doc, i: int, end: int) -> str | None:
    """What a sum pays for or is the worth of: "a $15.6 billion loan" (loan), "a package worth $833m"
    (package), "$5bn for a border wall" (border wall); None when the parse does not say."""
    number = doc[i]
    for token in doc[i:end]:  # the sum's head word: the scale ("billion") or the number
        if token.head.i < i or token.head.i >= end:
            number = token
            break
    head = number.head
    if head.pos_ == "NOUN" and head.i >= end and number.dep_ in ("nummod", "compound", "amod", "quantmod"):
        return _noun_phrase(head)
    if head.lower_ == "worth" and head.head.pos_ in ("NOUN", "PROPN"):
        return _noun_phrase(head.head)
    after = end
    if after < len(doc) and doc[after].text == "(":  # "$3.5bn (£2.75bn) to buy …": past the other currency
        close = next((t.i for t in doc[after:min(len(doc), after + 8)] if t.text == ")"), None)
        after = close + 1 if close is not None else after
    for token in doc[after:min(len(doc), after + 4)]:  # "$6bn for a wall", "$5bn in funding for a border wall"
        if token.is_punct:
            break
        if token.lower_ == "for":
            objects = [c for c in token.children if c.dep_ == "pobj" and c.pos_ == "NOUN"]
            return _noun_phrase(objects[0]) if objects else None
        if token.lower_ == "to" and token.head.pos_ == "VERB" and token.head.i > token.i:  # "$3.5bn to buy missiles"
            objects = [c for c in token.head.children if c.dep_ == "dobj" and c.pos_ == "NOUN"]
            return _noun_phrase(objects[0]) if objects else None
    return None


def _noun_phrase(noun) -> str:
    """A noun with its compound and adjective modifiers before it: "border wall", "US patriot missiles"."""
    words = [c for c in noun.children if c.dep_ in ("compound", "amod") and c.i < noun.i] + [noun]
    return " ".join(w.text for w in sorted(words, key=lambda w: w.i))


def _range_end(doc, end: int) -> int | None:
    """End of "20-30" or "20 to 30" / "20 and 30" after "between"; None when no range."""
    if end + 1 >= len(doc):
        return None
    sep, second = doc[end], doc[end + 1]
    first = doc[end - 1]
    scaled = _SCALED_DIGITS.match(second.text)  # "$300-400bn"
    if not ((second.like_num or scaled) and first.like_num):
        return None
    if sep.text in ("-", "–") and sep.whitespace_ == "" and doc[end - 1].whitespace_ == "":
        a, b = _float(first.text), _float(scaled.group(1) if scaled else second.text)
        if a is not None and b is not None and b > a:
            return end + 2
    if sep.lower_ in ("to", "and") and end >= 2:
        a, b = _float(first.text), _float(second.text)
        if a is not None and b is not None and b > a and (sep.lower_ == "to" or _between_before(doc, end)):
            return end + 2
    return None


_SCALED_DIGITS = re.compile(r"^(\d+(?:\.\d+)?)(?:bn|m|tn|k)$", re.IGNORECASE)


def _range_scale(doc, end: int, first: NumberMatch) -> tuple[float, int]:
    """The scale a range's second number carries ("400bn", "4 billion") and the range's new end; (1, end)
    when it has none or the first number has its own ("3bn-4bn")."""
    second = doc[end - 1]
    scaled = _SCALED_DIGITS.match(second.text)
    plain = _float(scaled.group(1) if scaled else second.text)
    words = [t.text for t in doc[end - 1:min(len(doc), end + 2)]]
    read = read_number(words, money=True)
    if plain is None or not plain or read is None or first.value != _float(doc[end - 3].text):
        return 1.0, end
    return read.value / plain, end - 1 + read.length


def _between_before(doc, end: int) -> bool:
    return any(t.lower_ == "between" for t in doc[max(0, end - 4):end])


def _float(text: str) -> float | None:
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return None


def _is_year(token, number: NumberMatch) -> bool:
    return number.digits and number.length == 1 and bool(_YEAR.match(token.text))


def _is_not_a_count(doc, i: int, end: int, number: NumberMatch) -> bool:
    """Years, dates, clock times, ages, phone numbers, labels, "one of"... are not figures."""
    token = doc[i]
    nxt = doc[end] if end < len(doc) else None
    prev = doc[i - 1] if i > 0 else None
    # a year unless it plainly counts people or things ("2000 troops")
    if _is_year(token, number) and (nxt is None or _counted_kind(nxt) is None):
        return True
    if token.lower_ == "one" and nxt is not None and nxt.lower_ in ("of", "another", "day", "thing"):
        return True
    if prev is not None and (prev.lower_ in _MONTHS or prev.lower_ in _LABEL_WORDS):
        return True
    if nxt is not None and nxt.lower_ in _MONTHS:
        return True
    if nxt is not None and (nxt.lower_ in _CLOCK_WORDS or nxt.lower_ in ("th", "st", "nd", "rd")):
        return True
    if ":" in token.text:
        return True
    # ages: "24-year-old", "24 years old"
    tail = [t.lower_ for t in doc[end:end + 4]]
    if tail[:3] in (["-", "year", "-"], ["-", "years", "-"]) or tail[:2] in (["year", "old"], ["years", "old"]):
        return True
    # phone numbers: "(202) 555-1234", "555-1234"
    if number.digits and _PHONE_PARTS.match(token.text):
        if nxt is not None and nxt.text == "-" and end + 1 < len(doc) and re.match(r"^\d{4}$", doc[end + 1].text) \
                and len(token.text) == 3:
            return True
        if prev is not None and prev.text == "(" and nxt is not None and nxt.text == ")":
            return True
    # scores and serials: "3-1", "2022-23"
    if number.digits and nxt is not None and nxt.text in ("-", "/") and nxt.whitespace_ == "" \
            and end + 1 < len(doc) and doc[end + 1].like_num:
        a, b = _float(token.text), _float(doc[end + 1].text)
        if a is None or b is None or b <= a or nxt.text == "/":
            return True
    # labels: "Apollo 11", "Patriot 3": a digit number after a proper noun that counts nothing
    if number.digits and prev is not None and prev.pos_ == "PROPN" and prev.lower_ not in CURRENCY_CODES \
            and prev.lower_ not in CURRENCY_SYMBOLS \
            and prev.ent_type_ not in ("GPE", "LOC", "NORP", "FAC") \
            and (nxt is None or (_counted_kind(nxt) is None and nxt.lower_ not in CASUALTY_WORDS)
                 or _model_number(prev, token)):
        return True
    # "first", "24th" are ordinals; spaCy's LIKE_NUM lets them through
    if not number.digits and token.lower_ not in _NUMBER_LEADS and token.ent_type_ == "ORDINAL":
        return True
    # relative times ("three days ago") belong to the time expressions
    unit_end = _time_unit_at(doc, end)
    return unit_end is not None and unit_end < len(doc) and doc[unit_end].lower_ in _TIME_RELATIVE


def _model_number(name, number) -> bool:
    """"Leopard 1 tanks", "14 Leopard 2 tanks": a name and a short number that modify the same noun make a
    model name, not a count of that noun."""
    return name.is_title and len(number.text) <= 2 and name.head.i == number.head.i != number.i \
        and name.i == number.i - 1


def _time_unit_at(doc, j: int) -> int | None:
    """End of a time unit at ``j`` ("months", "-month"), else None."""
    if j < len(doc) and doc[j].lower_ in TIME_UNITS:
        return j + 1
    if j + 1 < len(doc) and doc[j].text == "-" and doc[j + 1].lower_ in TIME_UNITS:
        return j + 2
    return None


def _read_unit(doc, start: int, end: int, value: float, qualifier: str, *, vague: bool = False) -> _Figure | None:
    """Durations, distances, percentages and other measures after the number ("thousands of miles")."""
    j = end
    if vague and j + 1 < len(doc) and doc[j].lower_ == "of":
        j += 1
    hyphen = j < len(doc) and doc[j].text == "-" and doc[j].whitespace_ == ""
    if hyphen:
        j += 1
    if j >= len(doc):
        return None
    word = doc[j].lower_
    if word in TIME_UNITS:
        return _Figure(start, j + 1, value, qualifier, "duration", TIME_UNITS[word])
    if word == _NAUTICAL and j + 1 < len(doc) and doc[j + 1].lower_ in ("mile", "miles"):
        return _Figure(start, j + 2, value, qualifier, "distance", "nautical mile")
    if word in ("square", "sq", "sq.") and j + 1 < len(doc) and doc[j + 1].lower_ in DISTANCE_UNITS:
        unit = DISTANCE_UNITS[doc[j + 1].lower_]
        return _Figure(start, j + 2, value, qualifier, "other", f"square {unit}")
    if word in DISTANCE_UNITS:
        return _Figure(start, j + 1, value, qualifier, "distance", DISTANCE_UNITS[word])
    if word in ("per", "percentage") and j + 1 < len(doc):
        second = doc[j + 1].lower_
        if (word, second) == ("per", "cent"):
            return _Figure(start, j + 2, value, qualifier, "other", "percent")
        if (word, second.rstrip("s")) == _PERCENT_POINTS:
            return _Figure(start, j + 2, value, qualifier, "other", "percentage point")
    if word in OTHER_UNITS and not (word in ("ton", "tons") and hyphen):
        return _Figure(start, j + 1, value, qualifier, "other", OTHER_UNITS[word])
    return None


def _unit_figure(i: int, start: int, end: int, value: float, qualifier: str, unit: str) -> _Figure:
    """A number and unit written as one token: "500km", "20%"."""
    if unit in ("km", "m", "mi", "ft"):
        return _Figure(start, end, value, qualifier, "distance", DISTANCE_UNITS.get(unit, unit))
    return _Figure(start, end, value, qualifier, "other", OTHER_UNITS.get(unit, unit))


def _object_span(doc, j: int, *, vague: bool) -> tuple[int, int]:
    """Tokens [start, end) of the counted noun phrase after a number ("cruise missiles")."""
    if vague and j + 1 < len(doc) and doc[j].lower_ == "of":  # "dozens of people"
        j += 1
        if doc[j].lower_ in ("the", "those", "these"):
            j += 1
    start = k = j
    last_noun = None
    while k < len(doc) and k - start < 5:
        token = doc[k]
        nominal = token.pos_ in ("NOUN", "PROPN") or _designator(token.lower_) is not None
        if nominal or (token.text == "-" and token.whitespace_ == "" and k > start):
            if nominal:
                last_noun = k
            if token.tag_ in ("NNS", "NNPS"):
                break
            k += 1
            continue
        if token.pos_ == "ADJ" or token.tag_ == "VBN" and token.dep_ == "amod" \
                or k > start and token.like_num and _model_number(doc[k - 1], token):  # "14 Leopard 2 tanks"
            k += 1
            continue
        break
    if last_noun is None:
        return start, start
    return start, last_noun + 1


def _counted_kind(token) -> str | None:
    """Kind given by one counted noun token ("missiles" → weapons), or None."""
    lemma = token.lemma_.lower()
    kind = COUNTED_NOUNS.get(lemma) or COUNTED_NOUNS.get(token.lower_)
    if kind is None:
        kind = _designator(token.lower_)
        if kind is not None:
            return kind
        if token.tag_ == "NNPS" or token.ent_type_ == "NORP" and token.tag_ == "NNS":
            return "people"  # "24 Ukrainians", "850 Britons"
    return kind


def _designator(word: str) -> str | None:
    """Kind of a military type designator ("f-16s" → aircraft), or None."""
    for pattern, kind in _DESIGNATORS:
        if pattern.match(word):
            return kind
    return None


def _category(doc, start: int, end: int) -> str | None:
    head = doc[end - 1]
    kind = _counted_kind(head)
    if kind is None:
        return None
    before = {t.lower_ for t in doc[start:end - 1]}
    if before & _NOT_COUNTED_BEFORE.get(head.lemma_.lower(), set()):
        return "vehicles" if head.lemma_.lower() == "carrier" else None
    if head.lower_ in ("rounds",):
        return None
    if before & _PEOPLE_BEFORE.get(head.lemma_.lower(), set()):
        return "people"  # "two female suicide bombers" are people, not aircraft
    return kind


def _is_casualty_noun(token) -> bool:
    return token.lemma_.lower() in CASUALTY_NOUNS or token.lower_ == "casualties"


def _casualty_noun_kind(token) -> str:
    return CASUALTY_NOUNS.get(token.lemma_.lower(), "people")


def _casualty_kind(doc, start: int, end: int, obj_end: int, head) -> str | None:
    """Casualty kind from a cue beside the figure, or None."""
    # left: "injured at least six people", "killing seven civilians"
    if start > 0:
        prev = doc[start - 1]
        # a realised act ("killed", "killing"), not a wish or a threat ("to kill a soldier")
        if prev.tag_ in ("VBD", "VBG", "VBN", "VBZ", "VBP") and prev.lemma_.lower() in CASUALTY_VERBS \
                and prev.lemma_.lower() != "die":
            return CASUALTY_VERBS[prev.lemma_.lower()]
    # right: "24 people were injured", "24 dead", "two people died", "12 lost their lives"
    right = _right_cue(doc, max(end, obj_end))
    if right is not None:
        return right
    # a toll: "the death toll rose to 12", "raising the death toll to at least 30"
    for k in range(start - 1, max(-1, start - 9), -1):
        token = doc[k]
        if token.text in _TERMINATORS or token.like_num and k < start - 1:
            break
        if token.lemma_.lower() == "toll":
            previous = doc[k - 1].lower_ if k > 0 else ""
            if previous in ("injury", "casualty"):
                return "injured" if previous == "injury" else "people"
            return "killed"
    return None


def _right_cue(doc, j: int) -> str | None:
    skipped = 0
    while j < len(doc) and skipped < 6:
        token = doc[j]
        lower = token.lower_
        # "24 people, including three children, were killed"
        if lower == "," and j + 1 < len(doc) and doc[j + 1].lower_ in _PARENTHETICAL_OPENERS:
            close = next((k for k in range(j + 2, min(len(doc), j + 14)) if doc[k].text in (",", "—")), None)
            if close is None:
                return None
            j = close + 1
            continue
        lemma = token.lemma_.lower()
        if lemma in CASUALTY_VERBS and token.tag_.startswith("VB"):
            if lemma in _ANY_FORM:
                return CASUALTY_VERBS[lemma]
            if token.tag_ == "VBD" and any(c.dep_ == "dobj" for c in token.children):
                return None  # "24 soldiers killed five civilians": the 24 are not the victims
            if token.tag_ in ("VBN", "VBD") or lower in CASUALTY_WORDS:
                return CASUALTY_VERBS[lemma]
            return None
        if lower in CASUALTY_WORDS:
            return CASUALTY_WORDS[lower]
        if lemma == "lose" and j + 2 < len(doc) and doc[j + 2].lemma_.lower() == "life":
            return "killed"
        if lemma in ("take", "hold") and j + 1 < len(doc) and doc[j + 1].lower_ in _CAPTIVE_WORDS:
            return "detained"
        if lower in _RIGHT_FILLERS or token.pos_ == "ADV" and lower not in ("not", "never", "n't"):
            j += 1
            skipped += 1
            continue
        return None
    return None


def _subset(doc, start: int, end: int) -> tuple[int, str | None] | None:
    """"three of them in serious condition": a part of a casualty figure already counted."""
    if end + 1 >= len(doc) or doc[end].lower_ != "of":
        return None
    nxt = doc[end + 1]
    if nxt.lower_ not in _SUBSET_PRONOUNS and not (nxt.lower_ == "the" and end + 2 < len(doc)
                                                   and doc[end + 2].lower_ in CASUALTY_WORDS):
        return None
    if not _mentions_casualties(_sentence(doc, start)):
        return None
    k = end + 2 + (1 if nxt.lower_ == "the" else 0)
    words: list = []
    while k < len(doc) and doc[k].text not in _TERMINATORS and doc[k].text != "," and len(words) < 6:
        if not (not words and doc[k].lower_ in ("were", "was", "are", "is", "being")):
            words.append(doc[k])
        k += 1
    obj = doc[words[0].i:words[-1].i + 1].text if words else None
    return k, obj
