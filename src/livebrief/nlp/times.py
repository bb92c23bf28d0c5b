"""Date expressions in an article, resolved against its publication date as news writers mean them.

``find_times(doc, published=...)`` yields one ``TimeExpr`` per date expression, in text order.
Candidates are spaCy's DATE and TIME entities (split at commas and "and") plus a ``Matcher``
compiled once per vocab (weekdays, "last week", "Sept. 13", "in 2015", "three days ago" ...).
Each is resolved by ``resolve`` with the conventions of news copy:

* a bare weekday points back when its governing verb is past ("said Tuesday") and forward when
  it is future, scheduled or progressive ("will meet on Monday", "are meeting Wednesday"); the
  publication day itself counts both ways; unknown tense points back, as reports mostly do;
  a "next week" / "last week" earlier in the paragraph (or anywhere in the sentence) moves a
  bare weekday into that week;
* weeks run Monday to Sunday; "next week" is an interval (date = Monday, end_date = Sunday);
  months and years are intervals too ("in 2015" → 2015-01-01 … 2015-12-31);
* a date without a year takes the year that puts it nearest to publication, leaning the way
  the verb's tense points when that stays within _LEAN_DAYS;
* durations ("four years", "as little as three months") and frequencies ("nightly") are not
  dates and are not yielded; expressions that are dates but cannot be placed ("that day",
  "in recent weeks", any relative date when ``published`` is None) are yielded with date None.

Explicit forms this module does not know ("13/09/2023") go to dateparser with strict parsing.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import functools
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from email.utils import parsedate_to_datetime

from livebrief.model import TimeExpr
from livebrief.nlp.numbers import parse_number

log = logging.getLogger(__name__)

WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}
MONTHS: dict[str, int] = {
    **{name: i for i, name in enumerate(
        "january february march april may june july august september october november december".split(), 1)},
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
}
#: Month words that are also ordinary words; read as months only with a day, a year or a cue.
_AMBIGUOUS_MONTHS = frozenset({"may", "march", "jan", "mar", "sep", "dec", "aug"})
SEASONS: dict[str, tuple[int, int]] = {  # meteorological, northern hemisphere: (first month, last month)
    "spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2),
}
UNITS: dict[str, str] = {
    "day": "day", "days": "day", "week": "week", "weeks": "week", "fortnight": "fortnight",
    "month": "month", "months": "month", "year": "year", "years": "year", "decade": "decade",
    "decades": "decade",
}
#: Holidays on a fixed calendar date (month, day).
HOLIDAYS: dict[str, tuple[int, int]] = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24), "new year's eve": (12, 31),
    "new year's day": (1, 1), "boxing day": (12, 26), "valentine's day": (2, 14), "halloween": (10, 31),
}
_DAY_PARTS = ("morning", "afternoon", "evening", "night", "noon", "midday")
_RELATIVE = ("last", "next", "this", "coming", "past", "previous")
_PERIODS = ("week", "weekend", "month", "year", "decade")
_LEAD_WORDS = frozenset({"on", "in", "by", "since", "until", "till", "from", "at", "during", "of", "for",
                         "before", "after", "between", "through", "and", "to", "early", "late", "mid"})
_STRIP_LEADS = frozenset({"on", "in", "by", "since", "until", "till", "from", "at", "during", "for", "before",
                          "after", "between", "through", "and", "to", "of"})
_FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "would", "'d", "could", "may", "might", "should", "must",
                         "can", "ca"})
_PRESENT_BE = frozenset({"is", "are", "am", "'s", "'re", "be"})
_PAST_BE = frozenset({"was", "were"})
_PERFECT = frozenset({"has", "have", "had", "'ve"})
#: Verbs whose participle looks ahead: "a meeting scheduled for Friday".
_FUTURE_PARTICIPLES = frozenset({"schedule", "plan", "expect", "set", "slate", "due", "intend", "propose",
                                 "reschedule", "postpone", "delay"})
_YEAR_RE = re.compile(r"^(1[6-9]|20|21)\d\d$")
_DECADE_RE = re.compile(r"^(1[6-9]|20)\d0s$")
_DAY_RE = re.compile(r"^(0?[1-9]|[12]\d|3[01])(st|nd|rd|th)?$")

#: How far a tense may pull a year-less date away from the nearest reading: "In January, the army
#: withdrew" in a December article is last January, but "erupted on Sept. 20" a week before
#: Sept. 20 is a slip, not a date 51 weeks ago.
_LEAN_DAYS = 330


@dataclass(frozen=True)
class Resolution:
    """What a date expression means: a date, an interval, nothing known, or no date at all."""

    date: dt.date | None = None
    end: dt.date | None = None
    skip: bool = False


_NULL = Resolution()
_NOT_A_DATE = Resolution(skip=True)


# -- public --------------------------------------------------------------------------------

def find_times(doc, *, published: str | None) -> Iterator[TimeExpr]:
    """Yield every date expression in ``doc`` resolved against ``published`` (ISO date or datetime)."""
    anchor = publication_date(published)
    pieces = _candidates(doc)
    week_anchors = [(span, _week_word(span)) for span in pieces if _week_word(span)]
    # Sentence starts, read once: Span.sent rescans the whole Doc on every call.
    sentence_starts = [sent.start for sent in doc.sents] if week_anchors else []
    for span in pieces:
        week = _context_week(span, week_anchors, sentence_starts) if week_anchors else None
        result = resolve(_normalise(span), anchor, tense=_tense(span), week=week)
        if result.skip:
            continue
        yield TimeExpr(text=span.text, date=_iso(result.date), start=span.start_char, end=span.end_char,
                       end_date=_iso(result.end) if result.end != result.date else None)


def publication_date(published: str | None) -> date | None:
    """The calendar date of an ISO 8601 date or date-time (its own offset); None when absent or unreadable."""
    if not published:
        return None
    text = published.strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text).date()  # RFC 2822, as feeds write it
    except (TypeError, ValueError, IndexError):
        log.debug("unreadable publication date %r: relative dates stay unresolved", published)
        return None


def resolve(text: str, anchor: date | None, *, tense: str | None = None, week: str | None = None) -> Resolution:
    """Resolve one normalised expression ("early wednesday", "sep 13 2023") against ``anchor``.

    ``tense`` is "past", "future" or None; ``week`` is "next" or "last" when the paragraph set
    that week for a bare weekday.
    """
    without_clock = _CLOCK_PART.sub(" ", text).strip()
    if without_clock and without_clock != text:
        text = re.sub(r"\s+", " ", without_clock)
    for reader in _READERS:
        result = reader(text, anchor, tense, week)
        if result is not None:
            return result
    return _fallback(text, anchor, tense)


# -- candidates ----------------------------------------------------------------------------

#: Token shapes of day numbers, years, decades and numeric dates: the Matcher compares shapes
#: (a hash lookup) instead of running a regex over every token.
_DAY_SHAPES = ["d", "dd", "dxx", "ddxx"]
_NUMERIC_SHAPES = [f"{a}{sep}{b}{sep}{y}" for a in ("d", "dd") for b in ("d", "dd") for sep in "/."
                   for y in ("dd", "dddd")]
#: Words that may precede a matched expression and belong to it ("early", "last", "the past").
_LEFT_WORDS = frozenset({"early", "late", "mid", "earlier", "later", "last", "next", "this", "coming", "past",
                         "previous"})
#: First words after which a leading "the" belongs to the expression ("the past week", "the end of").
_THE_BEFORE = frozenset({"past", "coming", "previous", "next", "last", "end", "start", "beginning", "middle",
                         "close", "early", "late", "spring", "summer", "autumn", "fall", "winter"})


@functools.lru_cache(maxsize=4)
def _matcher(vocab):
    """Patterns anchored on their first word; modifiers to the left are added by ``_extend_left``."""
    from spacy.matcher import Matcher

    weekday = {"LOWER": {"IN": list(WEEKDAYS)}}
    month = {"LOWER": {"IN": [*MONTHS, *(f"{m}." for m in MONTHS)]}}
    year = {"SHAPE": "dddd"}
    day = {"SHAPE": {"IN": _DAY_SHAPES}}
    part = {"LOWER": {"IN": list(_DAY_PARTS)}, "OP": "?"}
    rel = {"LOWER": {"IN": list(_RELATIVE)}}
    unit = {"LOWER": {"IN": list(UNITS)}}
    counts = [{"LIKE_NUM": True}, {"LOWER": {"IN": ["a", "an", "several", "few", "couple"]}}]
    edge = {"LOWER": {"IN": ["end", "start", "beginning", "middle", "close"]}}
    matcher = Matcher(vocab)
    matcher.add("WEEKDAY", [[weekday, part],
                            [weekday, {"LOWER": "of", "OP": "?"}, {"LOWER": {"IN": ["next", "last", "this"]}},
                             {"LOWER": "week"}]])
    matcher.add("DAY", [[{"LOWER": {"IN": ["yesterday", "today", "tonight", "tomorrow"]}}, part],
                        [{"LOWER": {"IN": ["last", "this"]}}, {"LOWER": {"IN": list(_DAY_PARTS)}}],
                        [{"LOWER": "overnight"}]])
    matcher.add("PERIOD", [[rel, {"LOWER": {"IN": list(_PERIODS)}}],
                           *([{"LOWER": {"IN": ["past", "last", "next", "coming", "previous"]}}, count, unit]
                             for count in counts)])
    matcher.add("AGO", [[count, unit, {"LOWER": "ago"}] for count in counts])
    matcher.add("EDGE", [[edge, {"LOWER": "of"}, {"LOWER": {"IN": ["the", "this", "next", "last"]}, "OP": "?"},
                          {"LOWER": {"IN": ["week", "month", "year"]}}],
                         [edge, {"LOWER": "of"}, month, {**year, "OP": "?"}],
                         [edge, {"LOWER": "of"}, year]])
    dated = [month, day, {"TEXT": {"IN": ["-", "–"]}, "OP": "?"}, {**day, "OP": "?"},
             {"TEXT": ",", "OP": "?"}, {**year, "OP": "?"}]
    matcher.add("DATE", [dated, [weekday, {"TEXT": ","}, *dated],
                         [day, {"LOWER": "of", "OP": "?"}, month, {**year, "OP": "?"}],
                         [month, {"TEXT": ",", "OP": "?"}, {**year, "OP": "?"}]])
    matcher.add("YEAR", [[{"LOWER": {"IN": sorted(_LEAD_WORDS)}}, year], [{"SHAPE": "ddddx"}]])
    matcher.add("NUMERIC", [[{"SHAPE": {"IN": _NUMERIC_SHAPES}}]])
    matcher.add("ANAPHORIC", [[{"LOWER": {"IN": ["the", "that"]}},
                               {"LOWER": {"IN": ["following", "next", "previous", "same", "prior"]}},
                               {"LOWER": {"IN": ["day", "night", "morning", "evening", "week", "weekend"]}}],
                              [{"LOWER": "that"}, {"LOWER": {"IN": ["day", "night", "morning", "evening"]}}]])
    matcher.add("HOLIDAY", [[{"LOWER": "christmas"}, {"LOWER": {"IN": ["day", "eve"]}, "OP": "?"}],
                            [{"LOWER": "new"}, {"LOWER": "year"}, {"LOWER": "'s"}, {"LOWER": {"IN": ["eve", "day"]}}],
                            [{"LOWER": {"IN": ["boxing", "valentine"]}}, {"LOWER": "'s", "OP": "?"}, {"LOWER": "day"}],
                            [{"LOWER": "halloween"}]])
    matcher.add("SEASON", [[{"LOWER": {"IN": list(SEASONS)}}, {"LOWER": "of", "OP": "?"}, {**year, "OP": "?"}]])
    return matcher


#: Words and shapes every pattern contains: windows around them are all the Matcher needs to see.
_ANCHOR_WORDS = frozenset({*WEEKDAYS, *MONTHS, *(f"{m}." for m in MONTHS), *SEASONS, *UNITS, *_PERIODS, *_DAY_PARTS,
                           "yesterday", "today", "tonight", "tomorrow", "overnight", "ago", "end", "start",
                           "beginning", "middle", "close", "christmas", "year", "boxing", "valentine", "halloween"})
_ANCHOR_SHAPES = frozenset({"dddd", "ddddx", *_NUMERIC_SHAPES})
#: Tokens a pattern may reach before and after its anchor word.
_WINDOW_BEFORE, _WINDOW_AFTER = 3, 7


@functools.lru_cache(maxsize=4)
def _anchor_hashes(vocab):
    import numpy

    words = numpy.array([vocab.strings.add(w) for w in sorted(_ANCHOR_WORDS)], dtype="uint64")
    shapes = numpy.array([vocab.strings.add(s) for s in sorted(_ANCHOR_SHAPES)], dtype="uint64")
    return words, shapes


def _windows(doc) -> list[tuple[int, int]]:
    """Token ranges around anchor words, merged: running the Matcher over the whole Doc costs
    several times more than the parse-free rest of this module, and most tokens are far from a date."""
    import numpy
    from spacy.attrs import LOWER, SHAPE

    if not len(doc):
        return []
    words, shapes = _anchor_hashes(doc.vocab)
    table = doc.to_array([LOWER, SHAPE])
    hits = numpy.nonzero(numpy.isin(table[:, 0], words) | numpy.isin(table[:, 1], shapes))[0]
    windows: list[tuple[int, int]] = []
    for i in hits.tolist():
        start, end = max(0, i - _WINDOW_BEFORE), min(len(doc), i + _WINDOW_AFTER + 1)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    return windows


def _extend_left(doc, start: int) -> int:
    """Take in modifiers before a match: "early" Wednesday, "mid-"September, "the past" week."""
    while start > 0 and doc[start - 1].lower_ in _LEFT_WORDS:
        start -= 1
    if start > 1 and doc[start - 1].text == "-" and doc[start - 2].lower_ == "mid":
        start -= 2
    if start > 0 and doc[start - 1].lower_ == "the" and doc[start].lower_ in _THE_BEFORE:
        start -= 1
    return start


def _candidates(doc) -> list:
    """Date spans, longest first where they overlap, split into single expressions, in text order."""
    from spacy.util import filter_spans

    spans = []
    for ent in doc.ents:
        if ent.label_ in ("DATE", "TIME"):
            spans.extend(_split(ent))
    matcher = _matcher(doc.vocab)
    for window_start, window_end in _windows(doc):
        for label, start, end in matcher(doc[window_start:window_end]):
            start, end = start + window_start, end + window_start
            span = _trim(doc[_extend_left(doc, start):end])
            if span is not None and _plausible(span, doc.vocab.strings[label]):
                spans.append(span)
    chosen = []
    for span in filter_spans(_merge_overlaps(spans)):
        trimmed = _trim(span)
        if trimmed is not None and not _is_title(trimmed):
            chosen.append(trimmed)
    return sorted(chosen, key=lambda s: s.start)


def _is_title(span) -> bool:
    """A capitalised "Today" inside a sentence names something ("BBC Radio 4's Today programme")."""
    token = span[0]
    return len(span) == 1 and token.lower_ in ("today", "tonight") and token.text[0].isupper() \
        and not token.is_sent_start and token.i > 0 and not token.nbor(-1).is_punct


def _merge_overlaps(spans: list) -> list:
    """Join spans that overlap: entity "the summer of" and match "summer of 2022" make one."""
    merged: list = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if merged and span.start < merged[-1].end:
            last = merged[-1]
            if span.end > last.end:
                merged[-1] = span.doc[last.start:span.end]
            continue
        merged.append(span)
    return merged


def _split(ent) -> list:
    """Split an entity such as "Sep. 13-15, Monday's" at commas, semicolons and "and"/"or"."""
    pieces, start = [], ent.start
    doc = ent.doc
    for token in ent:
        if token.text in (",", ";") or token.lower_ in ("and", "or"):
            nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
            prev = doc[token.i - 1] if token.i > 0 else None
            if token.text == "," and nxt is not None and _YEAR_RE.match(nxt.text) and prev is not None \
                    and (_DAY_RE.match(prev.text) or prev.lower_.rstrip(".") in MONTHS):
                continue  # "Sept. 13, 2023"
            if token.lower_ == "and" and any(t.lower_ == "between" for t in doc[ent.start:token.i]):
                continue
            if token.i > start:
                pieces.append(doc[start:token.i])
            start = token.i + 1
    if start < ent.end:
        pieces.append(doc[start:ent.end])
    return pieces


def _trim(span):
    """Drop leading prepositions and trailing punctuation or possessive "'s"; None when nothing is left."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ in _STRIP_LEADS or doc[start].is_punct or doc[start].pos_ == "VERB"):
        start += 1  # "would last several weeks": spaCy sometimes takes the verb into the entity
    while end > start and (doc[end - 1].is_punct or doc[end - 1].tag_ == "POS" or doc[end - 1].lower_ == "'s"):
        end -= 1
    return doc[start:end] if end > start else None


def _plausible(span, label: str) -> bool:
    """Guards for words that are dates only sometimes ("May", "march", a weekday inside "Sunday Times")."""
    if label in ("NUMERIC", "HOLIDAY"):
        return True
    if label == "YEAR" and not _YEAR_RE.match(span[-1].text.rstrip("s")) and not _DECADE_RE.match(span[-1].text):
        return False
    if any(t.ent_type_ in ("ORG", "WORK_OF_ART", "PERSON", "FAC", "PRODUCT", "EVENT") for t in span):
        return False
    if label == "DATE":
        words = [t.lower_.rstrip(".") for t in span]
        months = [t for t in span if t.lower_.rstrip(".") in MONTHS]
        if len(words) == 1 and words[0] in _AMBIGUOUS_MONTHS:
            return False
        if months and not months[0].text[:1].isupper():
            return False
    return True


def _normalise(span) -> str:
    text = " ".join(t.lower_ for t in span).replace(" 's", "'s")
    text = re.sub(r"\b(jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.", r"\1", text)
    text = re.sub(r"\s*([-–])\s*", r"-", text)
    text = re.sub(r"\s*,\s*", " ", text)
    text = re.sub(r"\b(\d+)(st|nd|rd|th)\b", r"\1", text)
    return re.sub(r"\s+", " ", text).strip()


# -- tense and paragraph context -----------------------------------------------------------

def _tense(span) -> str | None:
    """"past", "future" or None from the verb that governs the expression."""
    token = span.root
    for _ in range(6):
        if token.pos_ in ("VERB", "AUX"):
            tense = _verb_tense(token)
            if tense is not None:
                return tense
        if token.head is token:
            return None
        token = token.head
    return None


def _verb_tense(verb) -> str | None:
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if auxes & _FUTURE_AUX:
        if "could" in auxes and any(c.dep_ == "neg" for c in verb.children):
            return "past"  # "could not be reached for comment Monday"
        return "future"
    if verb.tag_ == "VB":
        if "to" in auxes:
            return "future"  # "scheduled to give a speech on Monday", "plans to visit Friday"
        if auxes & {"did"}:
            return "past"
        return None
    if verb.tag_ == "VBG":
        if auxes & _PRESENT_BE:
            return "future"  # "who are meeting Wednesday"
        if auxes & _PAST_BE:
            return "past"
        return None
    if verb.tag_ == "VBN":
        if verb.lemma_.lower() in _FUTURE_PARTICIPLES and not auxes & (_PAST_BE | _PERFECT):
            return "future"
        if auxes & _PRESENT_BE and not auxes & _PERFECT:
            return "future" if verb.lemma_.lower() in _FUTURE_PARTICIPLES else None
        return "past"  # "was injured", "has said", "a video posted Monday"
    if verb.tag_ == "VBD":
        return "past"
    if verb.tag_ in ("VBZ", "VBP"):
        return "future"  # news present with a date is a schedule: "the summit opens Monday"
    return None


def _week_word(span) -> str | None:
    """"next", "last" or "this" for a span that is just that week ("next week", "earlier this week")."""
    words = [t.lower_ for t in span if t.lower_ not in ("earlier", "later", "the")]
    if len(words) == 2 and words[1] == "week" and words[0] in ("next", "last", "coming", "previous", "this"):
        return {"coming": "next", "previous": "last"}.get(words[-2], words[-2])
    return None


def _context_week(span, anchors: list, sentence_starts: list[int]) -> str | None:
    """The week a bare weekday falls in, from "next week"/"last week" in its paragraph or sentence."""
    if not any(t.lower_ in WEEKDAYS for t in span) or len(span) > 3:
        return None
    text = span.doc.text
    paragraph = text.rfind("\n", 0, span.start_char) + 1
    sentence = bisect.bisect_right(sentence_starts, span.start)
    found = None
    for other, word in anchors:
        same_sentence = bisect.bisect_right(sentence_starts, other.start) == sentence
        if same_sentence or paragraph <= other.start_char < span.start_char:
            found = word
    return found


# -- readers: one per kind of expression ---------------------------------------------------

_WEEKDAY = re.compile(
    r"^(?:(early|late|mid|earlier|later) )?(?:(last|next|this|coming|past|previous) )?"
    r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?: (?:morning|afternoon|evening|night|noon))?"
    r"(?: (?:of )?(next|last|this) week)?$")
_NAMED_DAY = re.compile(
    r"^(?:(?:early|late|earlier|later) )?(today|tonight|yesterday|tomorrow|last night|this morning|"
    r"this afternoon|this evening|overnight|the day before yesterday|the day after tomorrow)"
    r"(?: (?:morning|afternoon|evening|night))?$")
_PERIOD = re.compile(
    r"^(?:(early|late|mid|earlier|later) )?(?:the )?(last|next|this|coming|past|previous) "
    r"(week|weekend|month|year|decade)$")
_AGO = re.compile(r"^(?:about |nearly |some |almost |more than |over )?(.+?) (day|days|week|weeks|month|months|"
                  r"year|years|decade|decades) ago$")
_ROLLING = re.compile(r"^(?:the )?(past|last|next|coming|previous) (.+?) (days|weeks|months|years)$")
_EDGE = re.compile(r"^(?:the )?(end|close|start|beginning|middle) of (?:(the|this|next|last) )?(.+)$")
_DECADE = re.compile(r"^(?:the )?(?:(early|mid|late)[- ])?(\d{3})0s$")
_YEAR = re.compile(r"^(?:the year )?(?:(early|mid|late)[- ]?)?(\d{4})$")
_SEASON = re.compile(r"^(?:(early|late|mid)[- ])?(?:(last|next|this|coming|past|the) )?"
                     r"(spring|summer|autumn|fall|winter)(?: (?:of )?(\d{4}))?$")
_ANAPHORIC = re.compile(r"^(?:that|the same|the next|the following|the previous|the prior|the preceding) "
                        r"(day|night|morning|evening|week|month|year|weekend)$|"
                        r"^(?:the )?(?:\S+ )?(days?|weeks?|months?|years?) (?:later|earlier|before|after)$")
_VAGUE = re.compile(r"^(?:in )?(?:recent|the coming|the past|coming|past|the last|the next|the first|the last few|"
                    r"the next few|the past few|the coming few|recent few) ?(days|weeks|months|years|decades)$|"
                    r"^(?:these days|this time|now|recently|lately|soon|the future|the past|earlier|later|"
                    r"the day|the time|the week|the year|the month|the moment)$")
_COUNT = (r"(?:[\d.,]+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|twenty|"
          r"thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|several|many|few|a few|couple of|a couple of|"
          r"[a-z]+-[a-z]+)")
_DURATION = re.compile(
    r"^(?:(?:as little as|as long as|as much as|as few as|as many as|more than|less than|fewer than|at least|"
    r"at most|up to|about|around|nearly|almost|roughly|some|over|under|just|only|another|an additional|"
    r"a further|the first|for|in|within|the) )*"
    rf"(?:{_COUNT}[ -])*(?:second|minute|hour|day|week|fortnight|month|year|decade|centur(?:y|ie))s?"
    r"(?:[- ](?:long|old))?(?: and a half)?$")
_FREQUENCY = re.compile(r"^(?:nightly|daily|weekly|monthly|annually|yearly|hourly|annual|every .+|each .+|"
                        r".+ a (?:day|week|month|year)|twice|once)$")
_HOLIDAY = re.compile(r"^(?:on )?(" + "|".join(re.escape(h) for h in sorted(HOLIDAYS, key=len, reverse=True))
                      + r")(?: (\d{4}))?$")
_YEAR_RANGE = re.compile(r"^(?:from )?((?:1[6-9]|20)\d\d) ?(?:-|to|until) ?(\d\d|(?:1[6-9]|20)\d\d)$")
_HALF = re.compile(r"^(?:the )?(first|second) half of (\d{4})$")
_NUMERIC_DATE = re.compile(r"\b\d{4}-\d\d-\d\d\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b")
_PART_OF_DAY = re.compile(r"^(?:the )?(?:(?:early|small|late|wee) )?(?:hours|morning|afternoon|evening|night) "
                          r"of (.+)$")
_WEEK_OF_MONTH = re.compile(r"^(?:the )?(first|second|third|fourth|last) week of (.+)$")
_CLOCK_PART = re.compile(r"(?:\b(?:at|about|around) )?\b\d{1,2}(?:[:.]\d\d)? ?(?:a\.?m\.?|p\.?m\.?)"
                         r"(?: (?:local time|gmt|utc|et|edt|est|msk))?")
_CLOCK = re.compile(r"\d[:.]\d\d|\b\d{1,2} ?(?:a\.?m\.?|p\.?m\.?)\b|\b(?:noon|midnight|o'clock|gmt|utc|"
                    r"local time|hours)\b")


def _read_weekday(text, anchor, tense, week):
    match = _WEEKDAY.match(text)
    if match is None:
        return None
    if anchor is None:
        return _NULL
    _part, relative, name, suffix_week = match.groups()
    target = WEEKDAYS[name]
    monday = _monday(anchor)
    if relative in ("next", "coming"):  # "next Monday": the first one after publication day
        return Resolution(_next_weekday(anchor, target, strict=True))
    if relative in ("last", "past", "previous"):
        return Resolution(_last_weekday(anchor, target, strict=True))
    week = relative or suffix_week or week
    if week == "this":
        return Resolution(monday + timedelta(days=target))
    if week == "next" and tense != "past":
        return Resolution(monday + timedelta(days=7 + target))
    if week == "last" and tense != "future":
        return Resolution(monday - timedelta(days=7 - target))
    if tense == "future":
        return Resolution(_next_weekday(anchor, target, strict=False))
    return Resolution(_last_weekday(anchor, target, strict=False))


def _read_named_day(text, anchor, tense, week):
    match = _NAMED_DAY.match(text)
    if match is None:
        return None
    if anchor is None:
        return _NULL
    offsets = {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
               "yesterday": -1, "last night": -1, "tomorrow": 1, "the day before yesterday": -2,
               "the day after tomorrow": 2}
    word = match.group(1)
    if word == "overnight":
        return Resolution(anchor - timedelta(days=1), anchor)
    return Resolution(anchor + timedelta(days=offsets[word]))


def _read_period(text, anchor, tense, week):
    match = _PERIOD.match(text)
    if match is None:
        if text == "the week before last":
            return _NULL if anchor is None else _week(_monday(anchor) - timedelta(days=14))
        if text in ("the weekend", "weekend"):
            return _NULL if anchor is None else _weekend(anchor, tense)
        return None
    if anchor is None:
        return _NULL
    part, relative, unit = match.groups()
    step = {"last": -1, "previous": -1, "past": -1, "next": 1, "coming": 1, "this": 0}[relative]
    if relative == "past" and unit != "weekend":
        # "the past week": the days up to publication, not the calendar week
        span = {"week": timedelta(days=7), "month": timedelta(days=30), "year": timedelta(days=365),
                "decade": timedelta(days=3652)}[unit]
        return Resolution(anchor - span, anchor)
    if unit == "week":
        start = _monday(anchor) + timedelta(weeks=step)
        first, last = start, start + timedelta(days=6)
    elif unit == "weekend":
        saturday = _monday(anchor) + timedelta(days=5, weeks=step)
        first, last = saturday, saturday + timedelta(days=1)
    elif unit == "month":
        year, month = _add_months(anchor.year, anchor.month, step)
        first, last = _month(year, month)
    elif unit == "year":
        first, last = date(anchor.year + step, 1, 1), date(anchor.year + step, 12, 31)
    else:
        decade = anchor.year // 10 * 10 + 10 * step
        first, last = date(decade, 1, 1), date(decade + 9, 12, 31)
    if part == "earlier" and relative == "this":
        return Resolution(first, anchor)
    if part == "later" and relative == "this":
        return Resolution(anchor, last)
    return _part_of(part, first, last, unit)


def _read_ago(text, anchor, tense, week):
    match = _AGO.match(text)
    if match is None:
        return None
    amount = _amount(match.group(1))
    if anchor is None or amount is None:
        return _NULL
    unit = UNITS[match.group(2)]
    if unit == "day":
        return Resolution(anchor - timedelta(days=amount))
    if unit == "week":
        return Resolution(anchor - timedelta(days=7 * amount))
    if unit == "month":
        return Resolution(*_month(*_add_months(anchor.year, anchor.month, -int(amount))))
    years = int(amount) * (10 if unit == "decade" else 1)
    return Resolution(date(anchor.year - years, 1, 1), date(anchor.year - years, 12, 31))


def _read_rolling(text, anchor, tense, week):
    match = _ROLLING.match(text)
    if match is None:
        return None
    amount = _amount(match.group(2))
    if amount is None:
        return None
    if anchor is None:
        return _NULL
    days = {"days": 1, "weeks": 7, "months": 30, "years": 365}[match.group(3)] * amount
    if match.group(1) in ("next", "coming"):
        return Resolution(anchor, anchor + timedelta(days=days))
    return Resolution(anchor - timedelta(days=days), anchor)


def _read_edge(text, anchor, tense, week):
    """"the end of the year", "the start of next month", "the end of September", "the end of 2024"."""
    match = _EDGE.match(text)
    if match is None:
        return None
    edge, relative, rest = match.groups()
    if relative in ("this", "next", "last"):
        query = f"{relative} {rest}"
    elif rest in ("week", "month", "year"):
        query = f"this {rest}"  # "the end of the year": the current one
    else:
        query = rest
    inner = resolve(query, anchor, tense=tense)
    if inner.skip:
        return None
    if inner.date is None:
        return inner
    first, last = inner.date, inner.end or inner.date
    if edge in ("end", "close"):
        return Resolution(last)
    if edge in ("start", "beginning"):
        return Resolution(first)
    return Resolution(first + (last - first) / 2)


def _read_explicit(text, anchor, tense, week):
    """Dates with a month name: "sep 13", "13 september 2023", "sep 13-15", "early october", "march 2022"."""
    words = text.replace("-", " - ").split()
    if not any(w in MONTHS for w in words):
        return None
    words = [w for w in words if w not in WEEKDAYS and w != "the" and w != "of"]
    part = words[0] if words and words[0] in ("early", "mid", "late") else None
    if part:
        words = words[1:]
    if words and words[0] == "-":
        words = words[1:]
    relative = words[0] if words and words[0] in ("last", "next", "this") else None
    if relative:
        words = words[1:]
    if len(words) >= 2 and words[-1] == "year" and words[-2] in ("last", "next", "this") and anchor is not None:
        words = [*words[:-2], str(anchor.year + {"last": -1, "next": 1, "this": 0}[words[-2]])]
    month_index = next((i for i, w in enumerate(words) if w in MONTHS), None)
    if month_index is None:
        return None
    month = MONTHS[words[month_index]]
    numbers = [w for w in words if w.isdigit()]
    year = next((int(w) for w in numbers if len(w) == 4), None)
    days = [int(w) for w in numbers if len(w) <= 2 and 1 <= int(w) <= 31]
    if year is None and anchor is None:
        return _NULL
    if not days:
        if year is None:
            year = _month_year(month, anchor, tense, relative)
        first, last = _month(year, month)
        return _part_of(part, first, last, "month")
    try:
        if year is None:
            found = _nearest_year(month, days[0], anchor, tense)
            if found is None:
                return _NULL
            year = found
        first = date(year, month, days[0])
        last = date(year, month, days[1]) if len(days) > 1 and days[1] > days[0] else first
    except ValueError:
        return _NULL  # "Feb. 30"
    return Resolution(first, last)


def _read_year(text, anchor, tense, week):
    match = _YEAR.match(text)
    if match is not None:
        part, year = match.group(1), int(match.group(2))
        return _part_of(part, date(year, 1, 1), date(year, 12, 31), "year")
    match = _DECADE.match(text)
    if match is not None:
        part, decade = match.group(1), int(match.group(2)) * 10
        return _part_of(part, date(decade, 1, 1), date(decade + 9, 12, 31), "decade")
    match = _YEAR_RANGE.match(text)  # "2013-15", "1980-1988"
    if match is not None:
        first = int(match.group(1))
        last = int(match.group(2)) if len(match.group(2)) == 4 else first // 100 * 100 + int(match.group(2))
        if last > first:
            return Resolution(date(first, 1, 1), date(last, 12, 31))
        return _NULL
    match = _HALF.match(text)  # "the first half of 2019"
    if match is not None:
        year = int(match.group(2))
        if match.group(1) == "first":
            return Resolution(date(year, 1, 1), date(year, 6, 30))
        return Resolution(date(year, 7, 1), date(year, 12, 31))
    return None


def _read_season(text, anchor, tense, week):
    match = _SEASON.match(text)
    if match is None:
        return None
    part, relative, season, year_text = match.groups()
    first_month, last_month = SEASONS[season]
    if year_text:
        year = int(year_text)
    elif anchor is None:
        return _NULL
    else:
        current = _season_year(anchor, first_month)
        step = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(relative or "", 0)
        if relative in (None, "the") and tense is not None:
            start_this = date(current, first_month, 1)
            if tense == "past" and start_this > anchor:
                step = -1
            elif tense == "future" and _season_bounds(current, first_month, last_month)[1] < anchor:
                step = 1
        year = current + step
    first, last = _season_bounds(year, first_month, last_month)
    return _part_of(part, first, last, "season")


def _read_part_of_day(text, anchor, tense, week):
    """"the early hours of Monday", "the night of Sept. 12": the day named after "of"."""
    match = _PART_OF_DAY.match(text)
    if match is None:
        return None
    inner = resolve(match.group(1), anchor, tense=tense, week=week)
    return None if inner.skip else inner


def _read_week_of_month(text, anchor, tense, week):
    """"the first week of January": days 1-7 of that month; "the last week of May": its last seven."""
    match = _WEEK_OF_MONTH.match(text)
    if match is None:
        return None
    inner = resolve(match.group(2), anchor, tense=tense)
    if inner.skip or inner.date is None or inner.end is None:
        return None if inner.skip else inner
    if match.group(1) == "last":
        return Resolution(inner.end - timedelta(days=6), inner.end)
    first = inner.date + timedelta(weeks=("first", "second", "third", "fourth").index(match.group(1)))
    return Resolution(first, min(first + timedelta(days=6), inner.end))


def _read_holiday(text, anchor, tense, week):
    """Fixed-date holidays only; movable feasts (Easter, Eid) are left unresolved."""
    match = _HOLIDAY.match(text)
    if match is None:
        return None
    month, day = HOLIDAYS[match.group(1)]
    year = int(match.group(2)) if match.group(2) else None
    if year is None:
        if anchor is None:
            return _NULL
        year = _nearest_year(month, day, anchor, tense)
    return Resolution(date(year, month, day))


def _read_not_dates(text, anchor, tense, week):
    """Durations, frequencies and clock times are not dates; anaphoric and vague dates stay unresolved."""
    if _ANAPHORIC.match(text) or _VAGUE.match(text):
        return _NULL
    if _DURATION.match(text) or _FREQUENCY.match(text):
        return _NOT_A_DATE
    if _CLOCK.search(text) and not _has_date_word(text):
        return _NOT_A_DATE
    return None


_READERS = (_read_weekday, _read_named_day, _read_period, _read_ago, _read_rolling, _read_edge, _read_year,
            _read_season, _read_holiday, _read_part_of_day, _read_week_of_month, _read_not_dates, _read_explicit)


def _fallback(text: str, anchor: date | None, tense: str | None) -> Resolution:
    """dateparser for explicit forms we do not read ourselves; anything else that names no date is skipped."""
    if not _has_date_word(text) and not re.search(r"\d", text):
        return _NOT_A_DATE
    if not _NUMERIC_DATE.search(text):
        # "9/11", "pre-2011", "many months in 2015": a date is meant, but not one we can place
        return _NULL if _has_date_word(text) else _NOT_A_DATE
    parsed = _dateparser(text, anchor, tense)
    return Resolution(parsed) if parsed is not None else _NULL


@functools.lru_cache(maxsize=1024)
def _dateparser(text: str, anchor: date | None, tense: str | None) -> date | None:
    import dateparser

    settings = {"STRICT_PARSING": True, "RETURN_AS_TIMEZONE_AWARE": False, "PREFER_DAY_OF_MONTH": "first",
                "PREFER_DATES_FROM": {"past": "past", "future": "future"}.get(tense or "", "current_period")}
    numeric = re.search(r"\b(\d{1,2})[/.](\d{1,2})[/.]\d{2,4}\b", text)
    if numeric:
        first, second = int(numeric.group(1)), int(numeric.group(2))
        if first <= 12 and second <= 12 and first != second:
            return None  # 03/04/2023 is March or April depending on the writer: not a guess we make
        settings["DATE_ORDER"] = "MDY" if second > 12 else "DMY"
    if anchor is not None:
        settings["RELATIVE_BASE"] = datetime(anchor.year, anchor.month, anchor.day)
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    return parsed.date() if parsed is not None else None


# -- calendar helpers ----------------------------------------------------------------------

def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


_DATE_WORDS = frozenset({*WEEKDAYS, *MONTHS, *SEASONS, *UNITS, "today", "tonight", "yesterday", "tomorrow",
                         "weekend", "night", "morning", "afternoon", "evening"})


def _has_date_word(text: str) -> bool:
    words = set(re.findall(r"[a-z]+", text))
    return bool(words & _DATE_WORDS) or bool(re.search(r"\b\d{4}\b", text))


def _amount(text: str) -> float | None:
    if text in ("a", "an", "one"):
        return 1
    if text in ("a couple of", "couple of", "a couple"):
        return 2
    value = parse_number(text)
    return value if value is not None and value > 0 else None


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _weekend(anchor: date, tense: str | None) -> Resolution:
    """A bare "the weekend": the one just past for a past verb, the coming one otherwise."""
    saturday = _monday(anchor) + timedelta(days=5)
    if tense != "future" and anchor < saturday:
        saturday -= timedelta(weeks=1)
    return Resolution(saturday, saturday + timedelta(days=1))


def _week(monday: date) -> Resolution:
    return Resolution(monday, monday + timedelta(days=6))


def _last_weekday(anchor: date, target: int, *, strict: bool) -> date:
    back = (anchor.weekday() - target) % 7
    if back == 0 and strict:
        back = 7
    return anchor - timedelta(days=back)


def _next_weekday(anchor: date, target: int, *, strict: bool) -> date:
    ahead = (target - anchor.weekday()) % 7
    if ahead == 0 and strict:
        ahead = 7
    return anchor + timedelta(days=ahead)


def _add_months(year: int, month: int, step: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + step
    return index // 12, index % 12 + 1


def _month(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _part_of(part: str | None, first: date, last: date, unit: str) -> Resolution:
    """"early", "mid" or "late" part of a period: thirds of it (days 1-10, 11-20, 21-end for a month)."""
    if part not in ("early", "mid", "late"):
        return Resolution(first, last)
    length = (last - first).days + 1
    if unit == "month":
        bounds = {"early": (0, 9), "mid": (10, 19), "late": (20, length - 1)}[part]
    elif unit == "year":  # January-April, May-August, September-December
        months = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}[part]
        return Resolution(date(first.year, months[0], 1), _month(first.year, months[1])[1])
    elif unit == "decade":
        years = {"early": (0, 2), "mid": (3, 6), "late": (7, 9)}[part]
        return Resolution(date(first.year + years[0], 1, 1), date(first.year + years[1], 12, 31))
    else:
        third = length // 3
        bounds = {"early": (0, third - 1), "mid": (third, 2 * third - 1), "late": (2 * third, length - 1)}[part]
    return Resolution(first + timedelta(days=bounds[0]), first + timedelta(days=bounds[1]))


def _month_year(month: int, anchor: date, tense: str | None, relative: str | None) -> int:
    """Year of a month named without one: "last September", "in May", "early October"."""
    if relative == "this":
        return anchor.year
    if relative == "last":
        return anchor.year if month < anchor.month else anchor.year - 1
    if relative == "next":
        return anchor.year if month > anchor.month else anchor.year + 1
    if month == anchor.month:
        return anchor.year
    intervals = [_month(anchor.year + k, month) for k in (-1, 0, 1)]
    return _lean(intervals, anchor, tense)[0].year


def _nearest_year(month: int, day: int, anchor: date, tense: str | None) -> int | None:
    intervals = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            intervals.append((date(year, month, day), date(year, month, day)))
        except ValueError:
            continue  # Feb. 29 in a common year
    return _lean(intervals, anchor, tense)[0].year if intervals else None


def _lean(intervals: list[tuple[date, date]], anchor: date, tense: str | None) -> tuple[date, date]:
    """The interval nearest to ``anchor``; a past verb prefers the nearest one before it and a future
    verb the nearest one after, when that stays within _LEAN_DAYS."""
    def distance(interval: tuple[date, date]) -> int:
        first, last = interval
        return max((first - anchor).days, (anchor - last).days, 0)

    past = [i for i in intervals if i[1] < anchor]
    future = [i for i in intervals if i[0] > anchor]
    leaning = past if tense == "past" else future if tense == "future" else []
    if leaning:
        best = min(leaning, key=distance)
        if distance(best) <= _LEAN_DAYS:
            return best
    return min(intervals, key=distance)


def _season_year(anchor: date, first_month: int) -> int:
    """The year a season containing or nearest to ``anchor`` starts in (winter spans two years)."""
    if first_month == 12 and anchor.month <= 2:
        return anchor.year - 1
    return anchor.year


def _season_bounds(year: int, first_month: int, last_month: int) -> tuple[date, date]:
    end_year = year + 1 if last_month < first_month else year
    return date(year, first_month, 1), _month(end_year, last_month)[1]
