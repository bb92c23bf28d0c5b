"""Extraction stage: RawDocument -> Article (clean text, metadata, boilerplate removed).

HTML goes through trafilatura in precision mode, with recall mode and trafilatura's
baseline as fallbacks when precision mode keeps too little; the text then passes the
line-level boilerplate cleaner (:mod:`livebrief.cleaning`), which catches what aggregator
pages leak ("- Advertisement -", "Source link", credit lines). Already-scraped text goes
through the cleaner alone. Metadata comes from the page (JSON-LD, Open Graph, ``<title>``,
``rel=canonical``, ``html lang``, htmldate) with the source's hints filling the gaps.

Modules: :mod:`.core` (the stage), :mod:`.decode` (bytes to text), :mod:`.metadata`
(markup metadata and original/canonical URLs).
"""

from livebrief.cleaning import CleanText, clean_text
from livebrief.extract.core import extract, extract_html, extract_text
from livebrief.extract.decode import decode_bytes
from livebrief.extract.metadata import HtmlMetadata, find_original_url, page_title, read_metadata

__all__ = ["CleanText", "HtmlMetadata", "clean_text", "decode_bytes", "extract", "extract_html", "extract_text",
           "find_original_url", "page_title", "read_metadata"]
