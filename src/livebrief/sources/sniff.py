"""Guess what a body is from its first bytes: feed, sitemap, HTML, JSON lines or text."""

from __future__ import annotations

import codecs
import json
import re
import zlib

from livebrief.errors import InputError

FEED, SITEMAP, HTML, JSONL, TEXT = "feed", "sitemap", "html", "jsonl", "text"

_HEAD = 4096
# The XML prolog may hold a declaration, comments, processing instructions and a
# doctype before the root element, whose (possibly prefixed) name decides.
_ROOT = re.compile(
    r"^\s*(?:<\?.*?\?>\s*|<!--.*?-->\s*|<!doctype[^>]*>\s*)*<([a-z_][\w:.-]*)",
    re.IGNORECASE | re.DOTALL,
)
_FEED_ROOTS = {"rss", "feed", "rdf", "channel"}
_SITEMAP_ROOTS = {"urlset", "sitemapindex"}
_HTML_HINT = re.compile(r"<(?:html|head|body|p|div|article|title|meta)\b", re.IGNORECASE)
_GZIP_MAGIC = b"\x1f\x8b"


def _head_text(body: bytes) -> str:
    head = body[:_HEAD]
    for bom, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                       (codecs.BOM_UTF16_BE, "utf-16-be")):
        if head.startswith(bom):
            return head[len(bom):].decode(codec, "ignore")
    # Latin-1 never fails and keeps the ASCII markup we look for intact.
    return head.decode("latin-1")


def root_element(body: bytes) -> str | None:
    """Local name of the first element, lower-cased, or None when the body is not markup."""
    match = _ROOT.match(_head_text(body))
    return match.group(1).rpartition(":")[2].lower() if match else None


def sniff(body: bytes, *, content_type: str | None = None) -> str:
    """One of ``feed``, ``sitemap``, ``html``, ``jsonl`` or ``text``.

    The body decides over the content type, since servers often send feeds as
    ``text/html`` and pages as ``application/octet-stream``.
    """
    root = root_element(body)
    if root in _FEED_ROOTS:
        return FEED
    if root in _SITEMAP_ROOTS:
        return SITEMAP
    if root is not None:
        return HTML
    head = _head_text(body)
    if _HTML_HINT.search(head):
        return HTML
    if _looks_like_jsonl(head):
        return JSONL
    if content_type and "html" in content_type:
        return HTML
    return TEXT


def _looks_like_jsonl(head: str) -> bool:
    first = next((line for line in head.splitlines() if line.strip()), "")
    if not first.lstrip().startswith("{"):
        return False
    try:
        return isinstance(json.loads(first), dict)
    except ValueError:
        return False


def split_content_type(value: str | None) -> tuple[str | None, str | None]:
    """``(media type, charset)`` of a Content-Type header, lower-cased; None for what is missing."""
    if not value:
        return None, None
    media, *params = value.split(";")
    charset = None
    for param in params:
        key, _, found = param.partition("=")
        if key.strip().lower() == "charset" and found.strip():
            charset = found.strip().strip("\"'").lower()
    return media.strip().lower() or None, charset


def is_gzip(body: bytes) -> bool:
    """True when the bytes start like a gzip stream."""
    return body.startswith(_GZIP_MAGIC)


def gunzip(body: bytes, *, limit: int, item: str) -> bytes:
    """Decompress a gzip body, refusing to grow past ``limit`` bytes (zip bombs)."""
    inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(body, limit + 1)
    except zlib.error as exc:
        raise InputError(f"bad gzip data: {exc}", item=item) from None
    if len(out) > limit:
        raise InputError(f"gzip data larger than {limit} bytes once decompressed", item=item)
    if not inflater.eof:
        raise InputError("gzip data is truncated", item=item)
    return out


__all__ = ["FEED", "HTML", "JSONL", "SITEMAP", "TEXT", "gunzip", "is_gzip", "root_element", "sniff",
           "split_content_type"]
