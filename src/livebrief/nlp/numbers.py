"""Numbers as news writes them: "24", "1,200", "5.7 billion", "twenty-four", "a dozen", "dozens".

Pure string functions (no spaCy) shared by the figure and time components. ``read_number``
reads the longest number at the start of a word sequence (token texts, so "twenty-four" may
arrive as ``["twenty", "-", "four"]``); ``parse_number`` reads a whole phrase.

Vague plurals follow the conservative rule conflict trackers use (ACLED's coding of
"dozens", "hundreds"): the smallest value the word allows, marked as a lower bound.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

UNITS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
SCALES: dict[str, float] = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
#: Written scale suffixes. "m", "b" and "k" are ambiguous (metres, bytes) and only read when the
#: caller says the context is money; the others are unambiguous.
SCALE_SUFFIXES: dict[str, float] = {"bn": 1e9, "mn": 1e6, "mln": 1e6, "tn": 1e12, "trn": 1e12}
MONEY_SCALE_SUFFIXES: dict[str, float] = {**SCALE_SUFFIXES, "m": 1e6, "b": 1e9, "k": 1e3}
#: Vague plurals and their conservative (lower-bound) value.
VAGUE: dict[str, float] = {
    "dozens": 12, "scores": 20, "hundreds": 1e2, "thousands": 1e3, "millions": 1e6, "billions": 1e9,
    "tens": 10,
}
DOZEN = 12
NUMBER_WORDS: frozenset[str] = frozenset(
    [*UNITS, *TENS, *SCALES, *VAGUE, "dozen"])

_DIGITS = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
_DIGITS_SUFFIX = re.compile(r"^((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)([a-z]+)$")


@dataclass(frozen=True)
class NumberMatch:
    """A number read from words: its value, how many words it took, and how exact it is.

    ``bound`` is ``None`` for an exact number, ``"at_least"`` for vague plurals ("dozens")
    and ``"approximately"`` for "a dozen"-style counts.
    """

    value: float
    length: int
    bound: str | None = None
    digits: bool = False


def digit_value(word: str) -> float | None:
    """The value of a written figure such as "1,200" or "5.7"; None for anything else."""
    if not _DIGITS.match(word):
        return None
    return float(word.replace(",", ""))


def is_number_word(word: str) -> bool:
    """True for a word that can start or continue a spelled-out number."""
    return word.lower() in NUMBER_WORDS


def read_number(words: Sequence[str], *, start: int = 0, money: bool = False) -> NumberMatch | None:
    """The longest number at ``words[start:]``, or None.

    ``money`` allows the ambiguous suffixes "m", "b" and "k" ("833m", "$5 m").
    """
    lower = [w.lower() for w in words[start:]]
    if not lower:
        return None
    suffixes = MONEY_SCALE_SUFFIXES if money else SCALE_SUFFIXES
    first = lower[0]

    # "tens of thousands", "hundreds of millions", "dozens"
    if first in VAGUE:
        if len(lower) >= 3 and lower[1] == "of" and lower[2] in VAGUE and VAGUE[lower[2]] >= 1e3:
            return NumberMatch(VAGUE[first] * VAGUE[lower[2]], 3, "at_least")
        if first == "tens":  # "tens" alone is not a count
            return None
        return NumberMatch(VAGUE[first], 1, "at_least")

    # "half a million"
    if first == "half" and len(lower) >= 3 and lower[1] in ("a", "an") and lower[2] in SCALES:
        return NumberMatch(0.5 * SCALES[lower[2]], 3)

    total = 0.0
    current = 0.0
    i = 0
    bound: str | None = None
    digits = False
    seen = False
    if first in ("a", "an"):
        if len(lower) < 2 or lower[1] not in (*SCALES, "dozen"):
            return None
        current, i, seen = 1.0, 1, True

    while i < len(lower):
        word = lower[i]
        value = digit_value(word)
        if value is not None:
            if seen:
                break
            current, digits, seen = value, True, True
            i += 1
            continue
        suffixed = _DIGITS_SUFFIX.match(word)
        if suffixed and suffixed.group(2) in suffixes:
            if seen:
                break
            current = float(suffixed.group(1).replace(",", "")) * suffixes[suffixed.group(2)]
            digits, seen = True, True
            i += 1
            break
        if digits and word.rstrip(".") in suffixes and i == 1:
            current *= suffixes[word.rstrip(".")]
            i += 1
            break
        if word in UNITS:
            if digits or not _fits_units(current, UNITS[word]):
                break
            current += UNITS[word]
            seen = True
            i += 1
            continue
        if word in TENS:
            if digits or current % 100:
                break
            current += TENS[word]
            seen = True
            i += 1
            # "twenty-four" arrives as three tokens
            if i + 1 < len(lower) and lower[i] == "-" and lower[i + 1] in UNITS and 0 < UNITS[lower[i + 1]] < 10:
                current += UNITS[lower[i + 1]]
                i += 2
            continue
        if word == "dozen" and seen:
            current = (current or 1) * DOZEN
            bound = bound or "approximately"
            i += 1
            break
        if word in SCALES and seen:
            scale = SCALES[word]
            if scale == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * scale
                current = 0.0
            i += 1
            continue
        if word == "and" and seen and not digits and (total or current >= 100) and i + 1 < len(lower) \
                and (lower[i + 1] in UNITS or lower[i + 1] in TENS):
            i += 1
            continue
        break
    if not seen:
        return None
    # round away binary noise: 4.1 * 1e9 is 4099999999.9999995 in floating point
    return NumberMatch(round(total + current, 6), i, bound, digits)


def parse_number(text: str, *, money: bool = False) -> float | None:
    """The value of a whole number phrase ("twenty-four", "5.7 billion", "a dozen"); None otherwise."""
    words = re.findall(r"[\d.,]+[a-z]*|[a-z]+|-", text.lower())
    match = read_number(words, money=money)
    if match is None or match.length != len(words):
        return None
    return match.value


def _fits_units(current: float, unit: int) -> bool:
    """Whether a 0-19 word may follow what was read so far ("twenty four" yes, "four four" no)."""
    rest = current % 100
    if rest == 0:
        return True
    return rest % 10 == 0 and rest >= 20 and 0 < unit < 10
