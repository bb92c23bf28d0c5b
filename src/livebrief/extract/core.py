"""RawDocument -> Article: body text, metadata, boilerplate removed."""

from __future__ import annotations

import dataclasses

import logging
import re
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from typing import Any

import lxml.etree
import lxml.html

from livebrief.cleaning import CleanText, clean_text
from livebrief.errors import ExtractionError
from livebrief.extract.decode import decode_capped
from livebrief.extract.metadata import host, read_metadata
from livebrief.language import detect_language
from livebrief.model import Article, RawDocument, text_hash
from livebrief.settings import DEFAULTS, Settings

logger = logging.getLogger(__name__)

# Precision mode sometimes prunes the article itself (a teaser box outranks the body).
# When recall mode finds this many times more text, precision mode lost the body rather
# than boilerplate: on the Scrapinghub pages, lost bodies were 4-12x shorter, while
# recall mode's extra boilerplate never made it more than 1.7x longer.
RECALL_FALLBACK_RATIO = 3.0
# Job titles that trafilatura reads as author names ("Tom Krisher; Ap Auto Writer").
_AUTHOR_NOISE = re.compile(r"\b(?:writer|staff|correspondent|editor|reporter|contributor|desk|team|bureau)s?\b",
                           re.IGNORECASE)


def extract(raw: RawDocument, *, settings: Settings = DEFAULTS) -> Article:
    """Turn one fetched or read document into a clean :class:`Article`.

    ``raw.kind`` ``html`` goes through trafilatura, the page metadata and the text cleaner;
    ``text`` through the cleaner alone. Input beyond ``extract.max_chars`` is cut off.
    Raises :class:`ExtractionError` (``item`` = the document's location) for an empty
    document, an unknown kind, or less than ``extract.min_length`` characters of text.
    """
    if not raw.body or not raw.body.strip():
        raise ExtractionError("empty document: nothing to extract", item=raw.location)
    if raw.kind not in ("html", "text"):
        raise ExtractionError(f"unsupported document kind {raw.kind!r}; expected 'html' or 'text'",
                              item=raw.location)
    text = decode_capped(raw, int(settings["extract.max_chars"]))
    if raw.kind == "html":
        return extract_html(text, raw=raw, settings=settings)
    return extract_text(text, raw=raw, settings=settings)


def extract_text(text: str, *, raw: RawDocument, settings: Settings = DEFAULTS) -> Article:
    """Article from already-scraped plain text: the boilerplate cleaner, hints for metadata."""
    hints = raw.hints
    cleaned = clean_text(text, title=hints.title)
    _check_length(cleaned.text, raw, settings)
    url = raw.final_url or raw.url
    return _article(
        cleaned, raw=raw, url=url,
        title=cleaned.title,
        authors=cleaned.authors or tuple(hints.authors),
        published=iso_date(hints.published),
        outlet=hints.outlet or _host_or_none(url),
        language=detect_language(cleaned.text, declared=hints.language),
    )


def extract_html(html: str, *, raw: RawDocument, settings: Settings = DEFAULTS) -> Article:
    """Article from decoded HTML: trafilatura's body, the page's metadata, then the text cleaner."""
    import trafilatura

    url = raw.final_url or raw.url
    tree = _parse(html, raw)
    meta = read_metadata(tree, page_urls=[u for u in (raw.final_url, raw.url) if u])
    # trafilatura copies a tree it is given, so ours stays intact for the fallbacks.
    # Its own date search is kept cheap: ours below runs htmldate on the full source.
    document = _trafilatura(trafilatura.bare_extraction, tree, url=url, favor_precision=True,
                            include_comments=False, include_tables=True, with_metadata=True,
                            date_extraction_params={"extensive_search": False, "original_date": True})
    body = _fallback_body(tree, _attr(document, "text") or "", url=url)
    title = meta.title or _attr(document, "title") or None
    cleaned = clean_text(body, title=title)
    _check_length(cleaned.text, raw, settings)
    cleaned = dataclasses.replace(cleaned, captions=tuple(dict.fromkeys((*cleaned.captions, *_figcaptions(tree)))))
    hints = raw.hints
    return _article(
        cleaned, raw=raw, url=url,
        title=cleaned.title or hints.title,
        authors=_authors(_attr(document, "author")) or cleaned.authors or tuple(hints.authors),
        published=_published(html, url=url, hint=hints.published),
        outlet=meta.site_name or _site_name(_attr(document, "sitename")) or hints.outlet or _host_or_none(url),
        language=detect_language(cleaned.text, declared=meta.lang or hints.language),
        canonical_url=meta.canonical or meta.og_url,
        original_url=meta.original_url,
    )


def _figcaptions(tree: lxml.html.HtmlElement, *, limit: int = 10) -> list[str]:
    """Text of the page's figure captions: out of the body, kept as context."""
    found = []
    for node in tree.iter("figcaption"):
        text = " ".join(node.text_content().split())
        if 10 <= len(text) <= 600:
            found.append(text)
    return found[:limit]


def _parse(html: str, raw: RawDocument) -> lxml.html.HtmlElement:
    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
    try:
        return lxml.html.document_fromstring(html.encode("utf-8", "replace"), parser=parser)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise ExtractionError(f"unparseable HTML: {exc}", item=raw.location) from None


def _fallback_body(tree: lxml.html.HtmlElement, body: str, *, url: str | None) -> str:
    """Precision-mode text, unless recall mode finds far more; trafilatura's baseline when both are empty."""
    import trafilatura

    recall = _trafilatura(trafilatura.extract, tree, url=url, favor_recall=True, fast=True,
                          include_comments=False) or ""
    if len(recall) > RECALL_FALLBACK_RATIO * len(body):
        body = recall
    if not body.strip():
        _, baseline, _ = trafilatura.baseline(tree)
        body = baseline or ""
    return body


def _trafilatura(function: Any, tree: lxml.html.HtmlElement, **options: Any) -> Any:
    try:
        return function(tree, **options)
    except (ValueError, lxml.etree.LxmlError) as exc:
        # Raised on markup trafilatura cannot walk; the fallbacks still can.
        logger.debug("trafilatura %s failed: %s", function.__name__, exc)
        return None


def _published(html: str, *, url: str | None, hint: str | None) -> str | None:
    """The page's original publication day (htmldate, extensive search), else the hint.

    A hint on the same day wins: it carries the time as well.
    """
    from htmldate import find_date

    try:
        day = find_date(html, url=url, original_date=True, extensive_search=True,
                        max_date=datetime.now(timezone.utc).strftime("%Y-%m-%d"))
    except (ValueError, OverflowError) as exc:  # htmldate raises these on some malformed dates
        logger.debug("htmldate failed: %s", exc)
        day = None
    hinted = iso_date(hint)
    if hinted and (day is None or hinted[:10] == day):
        return hinted
    return day


def _check_length(text: str, raw: RawDocument, settings: Settings) -> None:
    minimum = int(settings["extract.min_length"])
    if len(text) < minimum:
        raise ExtractionError(
            f"no usable article text: {len(text)} characters after cleaning, need {minimum} (extract.min_length)",
            item=raw.location)


def _article(cleaned: CleanText, *, raw: RawDocument, url: str | None, title: str | None,
             authors: tuple[str, ...], published: str | None, outlet: str | None, language: str | None,
             canonical_url: str | None = None, original_url: str | None = None) -> Article:
    text = cleaned.text
    return Article(
        id=Article.make_id(url, text),
        text=text,
        title=title,
        url=url,
        canonical_url=canonical_url,
        original_url=original_url,
        source=outlet,
        authors=authors,
        published=published,
        language=language,
        removed=cleaned.removed,
        credits=cleaned.credits,
        captions=cleaned.captions,
        fetched_at=raw.fetched_at,
        input=raw.source,
        text_hash=text_hash(text),
    )


def _attr(document: Any, name: str) -> Any:
    return getattr(document, name, None) if document is not None else None


def _host_or_none(url: str | None) -> str | None:
    return (host(url) or None) if url else None


def _site_name(value: str | None) -> str | None:
    """trafilatura's site name unless it is a host name: that one it takes from the canonical
    URL, which on a republished copy names the original outlet, not this one."""
    if not value or ("." in value and " " not in value):
        return None
    return value


def _authors(value: str | None) -> tuple[str, ...]:
    """trafilatura's "A; B" author string as names, job titles dropped."""
    if not value:
        return ()
    names = (" ".join(part.split()) for part in value.split(";"))
    names = (re.sub(r"^by\s+", "", n, flags=re.IGNORECASE) for n in names if n and not _AUTHOR_NOISE.search(n))
    return tuple(dict.fromkeys(n for n in names if n))


def iso_date(value: str | None) -> str | None:
    """A date hint as ISO 8601: ISO strings pass through, RFC 822 feed dates are converted."""
    if not value:
        return None
    value = value.strip()
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).isoformat()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(value).isoformat()
    except (TypeError, ValueError, IndexError):
        logger.debug("unreadable date hint %r", value)
        return None
