"""The text of a parsed Doc, read once.

spaCy's ``Doc.text`` joins every token's text on each access, so a component that slices it
per sentence or per claim pays for the whole article each time (a fifth of the analysis time
before this cache). The text is kept in ``Doc.user_data``, which travels with the Doc.
"""

from __future__ import annotations

_KEY = ("livebrief", "text")


def doc_text(doc) -> str:
    """``doc.text``, built on the first call and cached on the Doc."""
    text = doc.user_data.get(_KEY)
    if text is None:
        text = doc.user_data[_KEY] = doc.text
    return text
