"""What the markup says about a page: title, language, site name, canonical and original URLs."""

from __future__ import annotations

import html as htmllib
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

import lxml.html

from livebrief.model import normalize_text

# Anchors that name the page a republished copy came from.
_SOURCE_ANCHOR = re.compile(
    r"^(?:source(?: link| article)?|original(?: source| article| story| post)?|read (?:the )?original"
    r"(?: article| story| post)?|view (?:the )?original(?: article| story| post)?|originally (?:published|posted"
    r"|appeared) (?:at|on|in)\b.{0,80}|(?:this (?:article|story|post) )?(?:first|originally) (?:appeared|published)"
    r" (?:at|on|in)\b.{0,80})\W*$", re.IGNORECASE)
# Text right before an anchor that makes it a source link ("Source: <a>Outlet</a>").
_SOURCE_LEAD = re.compile(
    r"(?:\bsource|\boriginally (?:published|posted|appeared)(?: at| on| in| by)?|\b(?:first|originally) "
    r"(?:appeared|published)(?: at| on| in)?|\bread the original(?: article| story)?(?: at| on| here)?"
    r"|\brepublished (?:from|with permission (?:from|of)))\s*:?\s*$", re.IGNORECASE)
_HOST_PREFIX = re.compile(r"^(?:www\d?|m|amp|mobile)\.")
_TRACKING = re.compile(r"(?:^|&)(?:utm_[^&=]*|fbclid|gclid|ocid|cmpid|ref|src)=[^&]*", re.IGNORECASE)
# "Headline - Site", "Site | Headline", "Headline :: Site": one separator with spaces around it,
# or a bar / underscore with or without.
_LAST_PART = re.compile(r"^(?P<head>.*?\S)\s*(?:\s[-–—·•»/]|[|_]|\s::)\s*(?P<tail>[^|_–—·•»]+?)$")
_FIRST_PART = re.compile(r"^(?P<head>[^|_–—·•»]+?)\s*(?:[-–—·•»]\s|[|_]|::\s)\s*(?P<tail>.*\S)$")
_ARTICLE_TYPE = re.compile(r"article|posting|report|story|news|blog|review", re.IGNORECASE)
_PERMALINK = re.compile(r"\s*[¶§#🔗]+$")
_CDATA = re.compile(r"^\s*(?://\s*)?<!\[CDATA\[|(?://\s*)?\]\]>\s*$")
_ELLIPSIS = re.compile(r"\s*(?:\.{3,}|…)$")
TITLE_MAX_CHARS = 300


@dataclass(frozen=True)
class HtmlMetadata:
    """What the markup says about a page, before any fallback."""

    title: str | None = None
    lang: str | None = None
    site_name: str | None = None
    canonical: str | None = None
    og_url: str | None = None
    original_url: str | None = None


def read_metadata(tree: lxml.html.HtmlElement, *, page_urls: Sequence[str] = ()) -> HtmlMetadata:
    """Title, language, site name, canonical URL and republication source from the markup.

    ``page_urls`` are the page's own addresses (requested and final URL): relative links
    resolve against the first, and an "original" must be another page than these.
    """
    base = page_urls[0] if page_urls else None
    meta = _meta_tags(tree)
    lang = tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang") \
        or meta.get("content-language") or meta.get("og:locale") or meta.get("language") or meta.get("dc.language")
    canonical = None
    for link in tree.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split():
            canonical = _absolute(link.get("href"), base)
            if canonical:
                break
    og_url = _absolute(meta.get("og:url"), base)
    original = find_original_url(tree, page_urls=page_urls)
    if original is None and page_urls:
        # A canonical URL on another site says this page is a copy of that one.
        for candidate in (canonical, og_url):
            if candidate and not any(same_site(candidate, u) for u in page_urls):
                original = candidate
                break
    site_name = meta.get("og:site_name") or meta.get("application-name")
    names = [n for n in (site_name, *(brand(u) for u in page_urls)) if n]
    return HtmlMetadata(
        title=page_title(tree, meta=meta, site_names=names),
        lang=(lang or "").replace("_", "-").strip() or None,
        site_name=site_name,
        canonical=canonical,
        og_url=og_url,
        original_url=original,
    )


def _meta_tags(tree: lxml.html.HtmlElement) -> dict[str, str]:
    """First non-empty content of each meta tag, keyed by lower-cased property/name/itemprop/http-equiv."""
    found: dict[str, str] = {}
    for node in tree.iter("meta"):
        content = " ".join((node.get("content") or "").split())
        if not content:
            continue
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = (node.get(attr) or "").strip().lower()
            if key and key not in found:
                found[key] = htmllib.unescape(content)
    return found


# --- title --------------------------------------------------------------------------------

def page_title(tree: lxml.html.HtmlElement, *, meta: dict[str, str] | None = None,
               site_names: Sequence[str] = ()) -> str | None:
    """The headline of a page.

    Structured data and Open Graph titles are often rewritten for search or social media,
    so a tagged title (JSON-LD headline, og:title, twitter:title, Dublin Core) is taken
    first only when the visible page confirms it: the ``<title>`` or an ``<h1>`` says the
    same. Otherwise an ``<h1>`` that starts or ends the ``<title>``, then og:title, the
    JSON-LD headline, ``<title>``, the first ``<h1>``. A site name glued to the chosen title
    ("Headline - BBC News") is cut off when it matches one of ``site_names``.
    """
    meta = _meta_tags(tree) if meta is None else meta
    title_node = tree.find(".//title")
    title = " ".join(title_node.text_content().split())[:TITLE_MAX_CHARS] if title_node is not None else ""
    # Documentation generators append a permalink sign to headings.
    headings = [_PERMALINK.sub("", " ".join(n.text_content().split())) for n in tree.iter("h1")]
    headings = [h for h in headings if h]
    headings = [h for h in headings if len(h) <= TITLE_MAX_CHARS]
    headline = _jsonld_headline(tree)
    if headline and _ELLIPSIS.search(headline):
        headline = None  # cut to a search engine's length limit
    og = meta.get("og:title") or meta.get("twitter:title")
    tagged = [t for t in (headline, og, meta.get("twitter:title"), meta.get("dc.title"), meta.get("dcterms.title"))
              if t]
    visible = [t for t in (title, *headings) if t]
    for candidate in tagged:
        if any(_agrees(candidate, seen) for seen in visible):
            return strip_site_name(candidate, site_names)
    # "Headline | Site" or "Site | Headline": the <h1> that starts (else ends) the <title>.
    norm_title = normalize_text(title)
    for edge in (str.startswith, str.endswith):
        matching = [h for h in headings if len(h.split()) >= 2 and edge(norm_title, normalize_text(h) or "\0")]
        if matching:
            return max(matching, key=len)
    fallback = next((c for c in (og, headline, title, *headings) if c), None)
    return strip_site_name(fallback, site_names) if fallback else None


def _agrees(a: str, b: str) -> bool:
    """Equal, or one contains the other and is at least half as long (a title with a site name)."""
    a, b = normalize_text(a), normalize_text(b)
    if not a or not b:
        return False
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return short in long_ and len(short) >= 0.5 * len(long_)


def strip_site_name(title: str, site_names: Sequence[str]) -> str:
    """``title`` without a leading or trailing part that names the site."""
    keys = [k for k in (_compact(n) for n in site_names) if len(k) >= 3]
    if not keys:
        return title
    for pattern, keep, drop in ((_LAST_PART, "head", "tail"), (_FIRST_PART, "tail", "head")):
        match = pattern.match(title)
        if match and len(match.group(keep).split()) >= 2:
            part = _compact(match.group(drop))
            # "bbcnews" starts with the domain name "bbc"
            if part and any(part == k or part.startswith(k) for k in keys):
                return match.group(keep).strip()
    return title


def _compact(text: str) -> str:
    return normalize_text(text).replace(" ", "")


def _jsonld_headline(tree: lxml.html.HtmlElement) -> str | None:
    """The ``headline`` of the first article-typed JSON-LD object (else of any object)."""
    fallback = None
    for script in tree.iter("script"):
        if "ld+json" not in (script.get("type") or "").lower() or not script.text:
            continue
        try:
            data = json.loads(_CDATA.sub("", script.text), strict=False)
        except ValueError:
            continue
        for node in _json_objects(data):
            headline = node.get("headline")
            if not isinstance(headline, str) or not headline.strip():
                continue
            headline = " ".join(htmllib.unescape(headline).split())[:TITLE_MAX_CHARS]
            kind = node.get("@type")
            kinds = kind if isinstance(kind, list) else [kind]
            if any(isinstance(k, str) and _ARTICLE_TYPE.search(k) for k in kinds):
                return headline
            fallback = fallback or headline
    return fallback


def _json_objects(data: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    if depth > 6:
        return
    if isinstance(data, dict):
        yield data
        for value in data.values():
            if isinstance(value, (dict, list)):
                yield from _json_objects(value, depth + 1)
    elif isinstance(data, list):
        for item in data:
            yield from _json_objects(item, depth + 1)


# --- original and canonical URLs -------------------------------------------------------------

def find_original_url(tree: lxml.html.HtmlElement, *, page_urls: Sequence[str] = ()) -> str | None:
    """Where a "Source link" / "Originally published at" anchor points, when that is another page."""
    base = page_urls[0] if page_urls else None
    own = {page_key(u) for u in page_urls}
    for anchor in tree.iter("a"):
        if not anchor.get("href"):
            continue
        label = " ".join(anchor.text_content().split())
        if not (_SOURCE_ANCHOR.match(label) or _SOURCE_LEAD.search(_lead_text(anchor))):
            continue
        href = _absolute(anchor.get("href"), base)
        if href and page_key(href) not in own and urlsplit(href).path.strip("/"):
            return href
    return None


def _lead_text(anchor: lxml.html.HtmlElement) -> str:
    """Up to 80 characters of text right before an anchor, within its parent."""
    previous = anchor.getprevious()
    if previous is not None:
        text = previous.tail or ""
    else:
        parent = anchor.getparent()
        text = (parent.text or "") if parent is not None else ""
    return " ".join(text.split())[-80:]


def _absolute(href: str | None, base: str | None) -> str | None:
    if not href:
        return None
    url = urljoin(base, href.strip()) if base else href.strip()
    parts = urlsplit(url)
    return url if parts.scheme in ("http", "https") and parts.netloc else None


def host(url: str) -> str:
    """Lower-case host name without ``www.``/``m.``/``amp.``."""
    return _HOST_PREFIX.sub("", (urlsplit(url).hostname or "").lower())


def site(url: str) -> str:
    """The registrable domain (``news.bbc.co.uk`` -> ``bbc.co.uk``), else the bare host."""
    from courlan import extract_domain

    return extract_domain(url) or host(url)


def brand(url: str) -> str:
    """The name part of the registrable domain (``bbc`` for ``news.bbc.co.uk``)."""
    return site(url).split(".")[0]


def same_site(a: str, b: str) -> bool:
    """Same registrable domain, or the same name under another suffix (``bi.com``/``bi.de``).

    A canonical link within one publisher names a variant of the page, not an original.
    """
    site_a, site_b = site(a), site(b)
    return site_a == site_b or site_a.split(".")[0] == site_b.split(".")[0]


def page_key(url: str) -> str:
    """A URL reduced to what names the page: host without www, path, query without trackers."""
    parts = urlsplit(url)
    query = _TRACKING.sub("", parts.query).strip("&")
    return f"{host(url)}{parts.path.rstrip('/')}?{query}"
