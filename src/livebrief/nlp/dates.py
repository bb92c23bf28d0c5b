"""Calendar resolution of date phrases against a publication date, as news writers mean them.

``resolve(text, anchor, tense=..., week=...)`` reads one normalised phrase ("early wednesday",
"sep 13 2023", "the end of next month") and returns a ``Resolution``: a date, an interval, a date
that cannot be placed, or no date at all. It needs no spaCy: finding the phrases in a Doc and the
tense of their verb is the job of ``livebrief.nlp.times``. The conventions of news copy:

* a bare weekday points back when ``tense`` is "past" and forward when it is "future"; the
  publication day itself counts both ways; unknown tense points back, as reports mostly do;
  ``week`` ("next" / "last", set by the paragraph) moves a bare weekday into that week;
* weeks run Monday to Sunday; "next week" is an interval (date = Monday, end = Sunday);
  months and years are intervals too ("2015" → 2015-01-01 … 2015-12-31);
* a date without a year takes the year that puts it nearest to publication, leaning the way
  the tense points when that stays within _LEAN_DAYS;
* durations ("four years", "as little as three months") and frequencies ("nightly") are not
  dates (``skip``); expressions that are dates but cannot be placed ("that day", "recent
  weeks", any relative date when ``anchor`` is None) resolve to date None.

Explicit forms this module does not know ("13/09/2023") go to dateparser with strict parsing.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import logging
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from email.utils import parsedate_to_datetime

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
