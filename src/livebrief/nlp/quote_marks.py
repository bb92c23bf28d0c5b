"""Quotation marks: the spans of quoted words in an article's text, and whether they open a clause.

``quoted_spans(text)`` finds straight ``"``, curly ``“ ”``, ``''`` (two apostrophes, as some wire
copy writes a double mark), ``„ « »``, and single curly ``‘ ’`` when the pair is clear, paragraph by
paragraph; a mark that is never closed ends its quote at the paragraph end. ``quote_kind`` tells a
direct quote (the marks open a sentence or clause) from a partial one (the writer's words lead in).
Plain text in, offsets out: no spaCy here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# '' (two apostrophes) stands for a double quotation mark in some wire copy (NYT in PolNeAR).
_MARK = re.compile(r"''|[\"“”„«»‘’]")


_CLOSERS = {"“": ("”", '"', "“"), "„": ("“", "”", '"'), "«": ("»",), '"': ('"', "”", "''"),
            "''": ("''", '"', "”"), "”": ("”", '"', "''")}


_OPEN_BEFORE = set(" \t\n([{—–-―/:;,“‘\"'") | {""}

_SENT_END = re.compile(r"[.!?…][\"”’')]*\s+")


@dataclass(frozen=True)
class QuotedSpan:
    """Quoted words: content [start, end) and the marks around it."""

    start: int
    end: int
    open_at: int
    close_at: int | None  # None when the paragraph ended first
    continued: bool = False  # the next paragraph reopens the same quote
    close_end: int | None = None  # end of the closing mark ('' is two characters)


def quoted_spans(text: str) -> list[QuotedSpan]:
    """Spans of text inside quotation marks, paragraph by paragraph (public for the benchmark)."""
    spans: list[QuotedSpan] = []
    for para_start, para_end in paragraphs(text):
        spans.extend(_spans_in_paragraph(text, para_start, para_end))
    return spans


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every non-empty line of the text."""
    start = 0
    for match in re.finditer(r"\n", text):
        if match.start() > start:
            yield start, match.start()
        start = match.end()
    if start < len(text):
        yield start, len(text)


def _opening(text: str, start: int, end: int, para_start: int) -> bool:
    before = text[start - 1] if start > para_start else ""
    after = text[end] if end < len(text) else ""
    return before in _OPEN_BEFORE and after not in (" ", "\n", "\t", "")


def _closing(text: str, start: int, end: int, para_end: int) -> bool:
    before = text[start - 1] if start > 0 else ""
    if before == " " and start >= 2 and text[start - 2] in "'’":
        before = text[start - 2]  # a nested quote closed first, set apart by a space: 'above the president,' "
    after = text[end] if end < para_end else ""
    return before not in (" ", "\n", "\t", "") and not after.isalnum()


def _spans_in_paragraph(text: str, para_start: int, para_end: int) -> Iterator[QuotedSpan]:
    """Double-quoted spans first; single curly quotes only outside them (nested ones stay inside)."""
    marks = [(m.start(), m.end(), m.group()) for m in _MARK.finditer(text, para_start, para_end)]
    n = 0
    while n < len(marks):
        start, end, mark = marks[n]
        opens = mark in ("“", "„", "«", '"', "''") and _opening(text, start, end, para_start)
        # A closing mark typed for an opening one at the start of a paragraph: ”Fear. I am …”
        opens = opens or (mark == "”" and start == para_start and _opening(text, start, end, para_start))
        if opens:
            close = None
            for m in range(n + 1, len(marks)):
                c_start, c_end, c_mark = marks[m]
                if c_mark in _CLOSERS[mark] and _closing(text, c_start, c_end, para_end):
                    close = m
                    break
            if close is None:
                yield _trimmed(text, end, para_end, start, None, None, _reopens(text, para_end))
                return
            c_start, c_end, _ = marks[close]
            yield _trimmed(text, end, c_start, start, c_start, c_end, False)
            n = close + 1
            continue
        if mark == "‘" and _opening(text, start, end, para_start):
            close = _find_single_close(text, end, para_end)
            if close is not None:
                yield _trimmed(text, end, close, start, close, close + 1, False)
                while n < len(marks) and marks[n][0] <= close:
                    n += 1
                continue
        n += 1


def _find_single_close(text: str, i: int, para_end: int) -> int | None:
    """The ’ that closes a ‘ (an apostrophe inside a word, as in it’s, is not a closer)."""
    limit = min(para_end, i + 300)  # a single-quoted phrase is short; beyond that it is an apostrophe
    while i < limit:
        ch = text[i]
        if ch in "“\"":
            return None
        if ch == "’":
            after = text[i + 1] if i + 1 < para_end else ""
            if not after.isalnum() and text[i - 1] != " ":
                return i
        i += 1
    return None


def _reopens(text: str, para_end: int) -> bool:
    rest = text[para_end:para_end + 20].lstrip()
    return bool(rest) and (rest[0] in "“\"„«" or rest.startswith("''"))


def _trimmed(text: str, start: int, end: int, open_at: int, close_at: int | None,
             close_end: int | None, continued: bool) -> QuotedSpan:
    while start < end and text[start].isspace():
        start += 1
    # A comma before the closing mark is the writer's punctuation, not the speaker's.
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;"):
        end -= 1
    return QuotedSpan(start, end, open_at, close_at, continued, close_end)


def quote_kind(text: str, span: QuotedSpan) -> str:
    """direct when the marks open a sentence or clause; partial when words of the writer lead in."""
    i = span.open_at
    para_start = text.rfind("\n", 0, i) + 1
    before = text[para_start:i]
    last_end = None
    for match in _SENT_END.finditer(before):
        last_end = match.end()
    lead = before[last_end:] if last_end is not None else before
    lead = lead.rstrip()
    if not lead or lead[-1] in ":,;—–―(\"”’'" or lead.endswith("--"):
        return "direct"
    return "partial"
