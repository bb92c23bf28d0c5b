"""Date expressions in an article, found in its spaCy Doc and resolved against its publication date.

``find_times(doc, published=...)`` yields one ``TimeExpr`` per date expression, in text order.
Candidates are spaCy's DATE and TIME entities (split at commas and "and") plus a ``Matcher``
compiled once per vocab (weekdays, "last week", "Sept. 13", "in 2015", "three days ago" ...).
This module reads what only the parse can tell; the calendar is ``livebrief.nlp.dates``:

* each candidate is normalised ("Sept. 13," → "sep 13") and handed to ``dates.resolve``;
* the tense of its governing verb: past ("said Tuesday") points back; future, scheduled or
  progressive ("will meet on Monday", "are meeting Wednesday") points forward;
* a "next week" / "last week" earlier in the paragraph (or anywhere in the sentence) sets the
  week of a bare weekday;
* expressions ``resolve`` calls not dates (durations, frequencies, clock times) are not yielded;
  dates that cannot be placed are yielded with date None.

The calendar names (``resolve``, ``Resolution``, ``publication_date``, ``WEEKDAYS`` ...) are
re-exported here so existing imports keep working.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator
from datetime import date

from livebrief.model import TimeExpr
from livebrief.nlp.doctext import doc_text
from livebrief.nlp.dates import (
    HOLIDAYS,
    MONTHS,
    SEASONS,
    UNITS,
    WEEKDAYS,
    Resolution,
    publication_date,
    resolve,
)

__all__ = ["HOLIDAYS", "MONTHS", "SEASONS", "UNITS", "WEEKDAYS", "Resolution", "find_times", "publication_date",
           "resolve"]

#: Month words that are also ordinary words; read as months only with a day, a year or a cue.
_AMBIGUOUS_MONTHS = frozenset({"may", "march", "jan", "mar", "sep", "dec", "aug"})
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


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


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
        if token.head.i == token.i:
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
    text = doc_text(span.doc)
    paragraph = text.rfind("\n", 0, span.start_char) + 1
    sentence = bisect.bisect_right(sentence_starts, span.start)
    found = None
    for other, word in anchors:
        same_sentence = bisect.bisect_right(sentence_starts, other.start) == sentence
        if same_sentence or paragraph <= other.start_char < span.start_char:
            found = word
    return found
