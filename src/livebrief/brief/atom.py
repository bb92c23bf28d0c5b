"""Atom 1.0 feed of what changed: one entry per new story, figure revision and correction.

With no previous briefing every item is new, so the feed lists every item. The XML is built
with ElementTree, which escapes all text; characters XML 1.0 forbids are dropped, and links
are kept only for http(s) URLs.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from livebrief.brief.changes import Changes
from livebrief.brief.records import describe_figure, safe_url
from livebrief.model import Brief, BriefItem, content_id

ATOM = "http://www.w3.org/2005/Atom"
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str | None) -> str:
    return _INVALID_XML.sub("", text or "")


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", {k: _clean(v) for k, v in attrs.items()})
    if text is not None:
        element.text = _clean(text)
    return element


def render_atom(brief: Brief, changes: Changes, *, feed_url: str | None = None) -> str:
    """The changes in ``brief`` as an Atom 1.0 feed document (UTF-8 text)."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    _sub(feed, "id", f"urn:livebrief:brief:{_urn(brief.topic)}")
    _sub(feed, "title", f"livebrief: {brief.topic} — what changed")
    _sub(feed, "subtitle", brief.headline)
    _sub(feed, "updated", brief.generated_at)
    author = _sub(feed, "author")
    _sub(author, "name", "livebrief")
    _sub(feed, "generator", "livebrief", uri="https://github.com/livebrief/livebrief")
    link = safe_url(feed_url)
    if link:
        _sub(feed, "link", rel="self", href=link, type="application/atom+xml")
    for item in changes.new_stories:
        _entry(feed, brief, item, kind="new", title=item.text, content=_item_content(item),
               key=item.story_id or item.text)
    for revision in changes.revisions:
        before = "; ".join(describe_figure(f) for f in revision.before) or "none"
        after = "; ".join(describe_figure(f) for f in revision.after) or "none"
        _entry(feed, brief, revision.item, kind="revised", title=f"Figures revised: {revision.title}",
               content=f"Before: {before}\nNow: {after}",
               key=revision.story_id + "|" + after)
    for correction in changes.corrections:
        old = correction.old.text or f"{correction.old.value:g}"
        new = correction.new.text or f"{correction.new.value:g}"
        _entry(feed, brief, correction.item, kind="correction",
               title=f"Correction: {correction.source} now gives {new} ({correction.kind}), not {old}",
               content=f"{correction.title}\n{describe_figure(correction.old)} → {describe_figure(correction.new)}",
               key=f"{correction.story_id}|{correction.kind}|{correction.source}|{new}")
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def _entry(feed: ET.Element, brief: Brief, item: BriefItem | None, *, kind: str, title: str, content: str,
           key: str) -> None:
    entry = _sub(feed, "entry")
    # Stable per story and change, so readers see a story once and each revision once.
    _sub(entry, "id", f"urn:livebrief:{_urn(brief.topic)}:{kind}:{content_id(key, length=20)}")
    _sub(entry, "title", title)
    _sub(entry, "updated", brief.generated_at)
    if item is not None:
        first = True
        for citation in item.citations:
            url = safe_url(citation.url)
            if url:
                _sub(entry, "link", rel="alternate" if first else "related", href=url,
                     title=citation.source or url)
                first = False
        for event_type in item.event_types:
            _sub(entry, "category", term=event_type)
    _sub(entry, "content", content, type="text")


def _item_content(item: BriefItem) -> str:
    lines = [item.text]
    if item.attribution:
        lines.append("Attribution: " + ", ".join(item.attribution))
    for figure in getattr(item, "figures", ()):
        lines.append("Figure: " + describe_figure(figure))
    for conflict in item.conflicts:
        lines.append("Where sources disagree: " + conflict)
    lines.extend(item.revisions)
    sources = [c.source or c.article_id for c in item.citations]
    if sources:
        lines.append("Sources: " + ", ".join(dict.fromkeys(sources)))
    return "\n".join(lines)


def _urn(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-") or "all"
