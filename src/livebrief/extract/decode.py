"""Bytes to text without ever failing on a wrong or missing charset declaration."""

from __future__ import annotations

import codecs
import logging
import re

from livebrief.model import RawDocument

logger = logging.getLogger(__name__)

# The charset of a page is declared within its first few kilobytes.
CHARSET_SNIFF_BYTES = 4096
# charset-normalizer is slow on megabytes, and a sample decides as well.
CHARSET_GUESS_BYTES = 200_000
# UTF-8 takes at most 4 bytes a character: no need to decode more than this many bytes.
BYTES_PER_CHAR = 4

_META_CHARSET = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9._:-]+)", re.IGNORECASE)
_NON_TEXT = re.compile(rb"<(script|style|svg|noscript|template)\b[^>]*>.*?</\1\s*>|<!--.*?-->", re.IGNORECASE | re.DOTALL)
# WHATWG: pages labelled Latin-1 or ASCII are decoded as windows-1252.
_CODEC_ALIASES = {"latin-1": "cp1252", "iso8859-1": "cp1252", "ascii": "cp1252", "utf8mb4": "utf-8"}
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def _codec(label: str | None) -> str | None:
    """Python's codec name for a charset label, or None for an unknown label."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    try:
        info = codecs.lookup(label)
    except LookupError:
        return _CODEC_ALIASES.get(label)
    if not getattr(info, "_is_text_encoding", True):  # "base64", "rot13": bytes-to-bytes codecs
        return None
    return _CODEC_ALIASES.get(info.name, info.name)


def declared_charsets(body: bytes, declared: str | None = None) -> list[str]:
    """Codec names declared for ``body``: ``declared`` first, then ``<?xml encoding>``, ``<meta charset>``."""
    head = body[:CHARSET_SNIFF_BYTES]
    labels = [declared]
    for pattern in (_XML_ENCODING, _META_CHARSET):
        found = pattern.search(head)
        if found:
            labels.append(found.group(1).decode("ascii", "ignore"))
    return list(dict.fromkeys(c for c in (_codec(label) for label in labels) if c))


def decode_bytes(body: bytes, *, declared: str | None = None) -> str:
    """Text of ``body``; never raises on a bad or wrong encoding.

    Order: byte-order mark; a declared UTF-16/32; strict UTF-8 (valid UTF-8 with non-ASCII
    bytes is almost never another encoding, so it beats a wrong declaration); the declared
    single-byte or CJK charsets, strictly; charset-normalizer's guess; finally the first
    declared charset, or UTF-8, with replacement characters.
    """
    for bom, codec in _BOMS:
        if body.startswith(bom):
            return body.decode(codec, errors="replace")
    candidates = declared_charsets(body, declared)
    wide = [c for c in candidates if c.startswith(("utf-16", "utf-32"))]
    for codec in wide:
        try:
            return body.decode(codec)
        except UnicodeDecodeError:
            pass
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    for codec in candidates:
        if codec in wide or codec.startswith("utf-8"):
            continue
        try:
            return body.decode(codec)
        except UnicodeDecodeError:
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(body[:CHARSET_GUESS_BYTES]).best()
    if best is not None and best.encoding:
        return body.decode(best.encoding, errors="replace")
    return body.decode(candidates[0] if candidates else "utf-8", errors="replace")


def raw_charset(raw: RawDocument) -> str | None:
    """The charset the source reported: ``raw.encoding``, else the Content-Type parameter."""
    if raw.encoding:
        return raw.encoding
    match = _HEADER_CHARSET.search(raw.content_type or "")
    return match.group(1) if match else None


def decode_capped(raw: RawDocument, max_chars: int) -> str:
    """The document's text, at most ``max_chars`` characters of it."""
    body = raw.body
    if raw.kind == "html" and len(body) > max_chars:
        # Scripts and styles can fill a megabyte before the article starts (inline app state);
        # they hold no text, so they go before the cap rather than the article after it.
        body = _NON_TEXT.sub(b"", body)
    body = body[: max_chars * BYTES_PER_CHAR]
    text = decode_bytes(body, declared=raw_charset(raw))
    if len(text) > max_chars:
        logger.info("%s: input cut to %d of %d characters (extract.max_chars)", raw.location, max_chars, len(text))
        text = text[:max_chars]
    return text
