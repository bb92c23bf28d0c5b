"""Text helpers shared by composing and checking: tokens, numbers and quoted regions.

Pure string functions. Tokens are what the provenance check compares: words and figures with
punctuation dropped, folded to lower case, so a shortened sentence is an in-order
subsequence of its source sentence's tokens.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Sequence

from livebrief.nlp.numbers import read_number

# A figure with its thousands separators and decimals stays one token ("1,200", "5.7");
# letters and other digits split at anything else, so "F-16" is ("f", "16") on both sides.
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+|\d+", re.UNICODE)


@dataclass(frozen=True)
class Token:
    text: str  # folded
    start: int
    end: int


def tokens(text: str) -> list[Token]:
    """Word and figure tokens of ``text`` with their character offsets, folded for comparison."""
    return [Token(unicodedata.normalize("NFKC", m.group()).casefold(), m.start(), m.end())
            for m in _TOKEN.finditer(text)]


def words(text: str) -> list[str]:
    return [t.text for t in tokens(text)]


def is_subsequence(needle: Sequence[str], haystack: Sequence[str]) -> bool:
    """True when every item of ``needle`` occurs in ``haystack`` in the same order."""
    it = iter(haystack)
    return all(any(word == candidate for candidate in it) for word in needle)


def find_run(needle: Sequence[str], haystack: Sequence[str]) -> list[int]:
    """Every index where ``needle`` occurs as a contiguous run in ``haystack``."""
    n = len(needle)
    if n == 0:
        return []
    return [i for i in range(len(haystack) - n + 1) if list(haystack[i:i + n]) == list(needle)]


def numbers(text: str) -> list[float]:
    """Every number written in ``text``: digits ("24", "1,200", "5.7") and spelled ("twenty-four").

    Scale words belong to their number ("833 million" is 833e6), so dropping a scale word
    when shortening a sentence changes the number and is caught.
    """
    found: list[float] = []
    seq = words(text)
    i = 0
    while i < len(seq):
        match = read_number(seq, start=i)
        if match is None or match.length == 0:
            i += 1
            continue
        found.append(float(match.value))
        i += match.length
    return found


def word_count(text: str) -> int:
    return len(text.split())


# -- quotation marks ------------------------------------------------------------------------

_OPEN_DOUBLE, _CLOSE_DOUBLE = "“„«", "”»"
_OPEN_SINGLE, _CLOSE_SINGLE = "‘‹", "’›"


def quoted_regions(text: str, *, lone_closer_from_start: bool = False) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks (marks excluded).

    Curly double quotes pair “…”; straight double quotes toggle; single quotes ‘…’ and '…'
    open only at a word start and close only at a word end, so apostrophes (Russia’s,
    soldiers’) are not taken for quotes. A quote left open closes at the paragraph end, as
    news style reopens a quote that runs over several paragraphs. With
    ``lone_closer_from_start`` a closing double quote with no opener (a sentence cut from
    inside a longer quote) makes a region from the start of the text; a straight mark is a
    closer when it ends a word and nothing is open, and never opens a quote there.
    """
    regions: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []  # (kind, content start)
    n = len(text)

    def close_all(at: int) -> None:
        while stack:
            _, begin = stack.pop()
            if at > begin:
                regions.append((begin, at))

    for i, ch in enumerate(text):
        prev = text[i - 1] if i else " "
        nxt = text[i + 1] if i + 1 < n else " "
        if ch == "\n" and nxt == "\n":
            close_all(i)
            continue
        if ch in _OPEN_DOUBLE:
            stack.append(("d", i + 1))
        elif ch in _CLOSE_DOUBLE:
            if _pop(stack, "d", i, regions):
                continue
            if lone_closer_from_start and not regions and i > 0:
                regions.append((0, i))
        elif ch == '"':
            if _pop(stack, '"', i, regions):
                continue
            if not prev.isspace() and (nxt.isspace() or nxt in ".,;:!?)"):  # shaped as a closer: no opener
                if lone_closer_from_start and not regions:
                    regions.append((0, i))
                continue
            stack.append(('"', i + 1))
        elif ch in _OPEN_SINGLE:
            if not prev.isalnum():
                stack.append(("s", i + 1))
        elif ch in _CLOSE_SINGLE:
            # an apostrophe unless a single quote is open and the word ends here
            if not nxt.isalnum() and any(k == "s" for k, _ in stack):
                _pop(stack, "s", i, regions)
        elif ch == "'":
            if not prev.isspace() and not nxt.isalnum() and any(k == "'" for k, _ in stack):
                _pop(stack, "'", i, regions)
            elif not prev.isalnum() and nxt.isalpha():
                stack.append(("'", i + 1))
    close_all(n)
    return sorted(regions)


def _pop(stack: list[tuple[str, int]], kind: str, at: int, regions: list[tuple[int, int]]) -> bool:
    """Close the innermost open quote of ``kind`` (and any quote opened inside it)."""
    for depth in range(len(stack) - 1, -1, -1):
        if stack[depth][0] == kind:
            while len(stack) > depth:
                _, begin = stack.pop()
                if at > begin:
                    regions.append((begin, at))
            return True
    return False


def balanced_quotes(text: str) -> bool:
    """True when every double quotation mark in ``text`` has its partner."""
    curly_open = sum(text.count(c) for c in _OPEN_DOUBLE)
    curly_close = sum(text.count(c) for c in _CLOSE_DOUBLE)
    return curly_open == curly_close and text.count('"') % 2 == 0


def inside(start: int, end: int, regions: Sequence[tuple[int, int]]) -> bool:
    """True when [start, end) lies within one region."""
    return any(r_start <= start and end <= r_end for r_start, r_end in regions)


def same_name(a: str | None, b: str | None) -> bool:
    """Two names for one speaker: equal when folded, or one is the other's first or last word(s).

    Both ends count because name order varies: "Putin" for Vladimir Putin, "Kim" for Kim Jong Un.
    """
    if not a or not b:
        return False
    x, y = words(a), words(b)
    if not x or not y:
        return False
    if x == y:
        return True
    short, long = (x, y) if len(x) <= len(y) else (y, x)
    return long[-len(short):] == short or long[:len(short)] == short


def clean_space(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def without_dangling_opener(text: str) -> str:
    """A sentence that opens a quotation running on into the next paragraph ("“Most have suffered four years …")
    loses the mark it never closes here; nothing is added."""
    if text[:1] in _OPEN_DOUBLE + '"' and not balanced_quotes(text):
        return text[1:].lstrip()
    return text


def sentence_case(text: str) -> str:
    """A summary whose shortening dropped its opening words starts with a capital: "tens of thousands of
    civilians have been uprooted" -> "Tens of …". A first word with capitals inside ("iPhone") is left alone."""
    match = re.match(r"([^\w]*)([a-z]+)\b", text)
    if match is None:
        return text
    lead, word = match.groups()
    return lead + word[0].upper() + text[len(lead) + 1:]


def locate_quoted(quote: str, text: str, *, near: int | None = None,
                  regions: Sequence[tuple[int, int]] | None = None) -> tuple[int, int] | None:
    """Where ``quote``'s words stand, contiguous and inside quotation marks, in ``text``.

    Punctuation and case are ignored; with several places, the one nearest ``near`` wins.
    None when the words are not there, or not inside quotation marks.
    """
    needle = words(quote)
    toks = tokens(text)
    regions = quoted_regions(text) if regions is None else regions
    found = []
    for i in find_run(needle, [t.text for t in toks]):
        start, end = toks[i].start, toks[i + len(needle) - 1].end
        if inside(start, end, regions):
            found.append((start, end))
    if not found:
        return None
    return min(found, key=lambda span: abs(span[0] - near)) if near is not None else found[0]
