"""Markdown: headline, lead, "Here's the latest", sections with [n] citations, quotes, sources.

Article text is untrusted: Markdown and HTML syntax in it is escaped, so a planted link or
tag renders as the characters it is.
"""

from __future__ import annotations

import re

from livebrief.brief.changes import Changes
from livebrief.brief.records import (
    describe_figure, figures_of, headline_item, refs, safe_url, shown_attribution, source_numbers, topic_line,
)
from livebrief.brief.options import BriefOptions
from livebrief.model import Brief, BriefItem

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def escape(text: str | None) -> str:
    """``text`` on one line with Markdown/HTML syntax characters backslash-escaped."""
    return _SPECIAL.sub(r"\\\1", re.sub(r"\s+", " ", text or "").strip())


def _cite(numbers: list[int]) -> str:
    return " ".join(f"[{n}]" for n in numbers)


def render_md(brief: Brief, *, changes: Changes | None = None, options: BriefOptions = BriefOptions()) -> str:
    """The briefing as Markdown; ``changes`` adds a "What changed" section after the lead."""
    numbers = source_numbers(brief)
    out = [f"# {escape(brief.headline)} {_cite(refs(numbers, brief.headline_citations))}".rstrip(), ""]
    out.append(f"*Live briefing · {escape(brief.topic)} · {escape(brief.window_start)} – "
               f"{escape(brief.window_end)} · generated {escape(brief.generated_at)}*")
    out.append("")
    if brief.lead:
        out += [f"{escape(brief.lead)} {_cite(refs(numbers, brief.lead_citations))}".rstrip(), ""]
    top = headline_item(brief)
    if top is not None:
        details = _details(top, numbers, options)
        if details:
            out += [*(line[2:] for line in details), ""]
    if changes is not None:
        out += _changes(changes, numbers)
    out += [topic_line(brief), ""]
    for section in brief.sections:
        items = [i for i in section.items if top is None or i.story_id != top.story_id]
        if not items:
            continue
        out += [f"## {escape(section.title)}", ""]
        for item in items:
            new = "**New:** " if item.new else ""
            shown = shown_attribution(item)
            said = f" — {escape(', '.join(shown))}" if shown else ""
            out.append(f"- {new}{escape(item.text)}{said} {_cite(refs(numbers, item.citations))}".rstrip())
            out += _details(item, numbers, options)
        out.append("")
    if brief.quotes:
        out += ["## Quotes of the day", ""]
        for quote in brief.quotes:
            out.append(f"> “{escape(quote.text)}”  ")
            out.append(f"> — {escape(quote.speaker or 'unnamed')}"
                       f"{', ' + escape(quote.source) if quote.source else ''} {_cite(refs(numbers, [quote]))}"
                       .rstrip())
            out.append("")
    if brief.sources:
        out += ["## Sources", ""]
        for n, ref in enumerate(brief.sources, start=1):
            title = f" — {escape(ref.title)}" if ref.title else ""
            when = f" ({escape(ref.published[:10])})" if ref.published else ""
            url = safe_url(ref.url)
            out.append(f"{n}. {escape(ref.source or 'unknown outlet')}{title}{when}" + (f" <{url}>" if url else ""))
        out.append("")
        for n, ref in enumerate(brief.sources, start=1):
            url = safe_url(ref.url)
            if url:
                out.append(f"[{n}]: <{url}>")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def _details(item: BriefItem, numbers: dict[str, int], options: BriefOptions) -> list[str]:
    lines = []
    figures = figures_of(item)[:options.figures_per_item]
    if figures:
        shown = "; ".join(f"{escape(describe_figure(f))} {_cite(refs(numbers, [f]))}".rstrip() for f in figures)
        lines.append(f"  - Figures: {shown}")
    for conflict in item.conflicts:
        lines.append(f"  - Where sources disagree: {escape(conflict)}")
    for revision in item.revisions:
        lines.append(f"  - {escape(revision)}")
    return lines


def _changes(changes: Changes, numbers: dict[str, int]) -> list[str]:
    out = ["## What changed", ""]
    if changes.previous_id is None:
        out += ["First briefing on this topic: every story is new.", ""]
    elif changes.empty:
        return out + ["Nothing new since the previous briefing.", ""]
    for item in changes.new_stories:
        out.append(f"- **New story:** {escape(item.text)} {_cite(refs(numbers, item.citations))}".rstrip())
    for revision in changes.revisions:
        before = "; ".join(escape(describe_figure(f)) for f in revision.before) or "none"
        after = "; ".join(escape(describe_figure(f)) for f in revision.after) or "none"
        out.append(f"- **Figures revised:** {escape(revision.title)} — before: {before}; now: {after}")
    for correction in changes.corrections:
        new = escape(correction.new.text or f"{correction.new.value:g}")
        old = escape(correction.old.text or f"{correction.old.value:g}")
        out.append(f"- **Correction:** {escape(correction.source)} now gives {new} ({escape(correction.kind)}), "
                   f"not {old} — {escape(correction.title)}")
    return out + [""]


def render_changes_md(changes: Changes, brief: Brief) -> str:
    """Only the changes since the previous briefing, as Markdown."""
    lines = _changes(changes, source_numbers(brief))
    return "\n".join(lines).rstrip() + "\n"
