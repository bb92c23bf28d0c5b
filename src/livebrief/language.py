"""Language identification: a declared tag checked against py3langid, as ISO 639-1 codes."""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from typing import Any

logger = logging.getLogger(__name__)

# A page's declared language wins unless the text clearly says otherwise: templates often
# keep lang="en" on translated pages, but a short text is too little evidence to overrule it.
OVERRULE_MIN_CHARS = 200
OVERRULE_MIN_PROB = 0.95
# Below this many letters py3langid guesses rather than identifies.
DETECT_MIN_LETTERS = 12
# Identification is linear in length; the first part of an article decides its language.
SAMPLE_CHARS = 1500

# Retired or alternative tags, ISO 639-2 codes seen in lang attributes, and py3langid
# labels that have an ISO 639-1 macro-language code.
_ALIASES = {
    "iw": "he", "in": "id", "ji": "yi", "jw": "jv", "mo": "ro", "nb": "no",
    "eng": "en", "fra": "fr", "fre": "fr", "deu": "de", "ger": "de", "spa": "es", "ita": "it",
    "por": "pt", "rus": "ru", "ukr": "uk", "pol": "pl", "nld": "nl", "dut": "nl", "ara": "ar",
    "zho": "zh", "chi": "zh", "jpn": "ja", "kor": "ko", "tur": "tr", "heb": "he", "fas": "fa",
    "per": "fa", "hin": "hi", "swe": "sv", "ces": "cs", "cze": "cs", "ell": "el", "gre": "el",
    "ary": "ar", "arz": "ar", "gug": "gn", "yue": "zh", "wuu": "zh", "uzs": "uz", "hbo": "he",
}
# Three-letter labels py3langid returns for languages without a two-letter code.
_THREE_LETTER = {"ace", "bcl", "crh", "ext", "fuv", "gcf", "gcr", "gom", "grc", "guw", "kab", "kik", "lij", "ltg",
                 "nso", "pcm", "sdh", "vec"}
# Labels that name no language.
_NOT_A_LANGUAGE = {"zxx", "und", "mul", "mis", "x-default", "xx"}
_TAG = re.compile(r"^([a-z]{2,3})(?:[-_][a-z0-9]{1,8})*$")
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)


def normalize_tag(tag: str | None) -> str | None:
    """An ISO 639-1 code from a language tag (``en-US``, ``pt_BR``, ``eng``), or None when unusable."""
    if not tag:
        return None
    tag = tag.strip().lower()
    match = _TAG.match(tag)
    if not match or tag in _NOT_A_LANGUAGE:
        return None
    code = _ALIASES.get(match.group(1), match.group(1))
    if len(code) == 3 and code not in _THREE_LETTER:  # "utf" from lang="utf-8", "und", "mul"
        return None
    return code


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid import langid

    return langid.LanguageIdentifier.from_model_file(langid.MODEL_FILE, norm_probs=True)


def identify(text: str) -> tuple[str | None, float]:
    """py3langid's best language for ``text`` as (ISO 639-1 code, probability); (None, 0.0) when too short."""
    sample = text[:SAMPLE_CHARS]
    if len(_LETTER.findall(sample)) < DETECT_MIN_LETTERS:
        return None, 0.0
    label, prob = _identifier().classify(sample)
    return normalize_tag(label), float(prob)


def detect_language(text: str, *, declared: str | None = None) -> str | None:
    """The language of ``text`` as an ISO 639-1 code (a 639-3 code where none exists).

    ``declared`` (an ``html lang`` attribute or a feed's language) is trusted unless the
    text is long and py3langid is nearly certain of another language.
    """
    tag = normalize_tag(declared)
    if tag is not None and len(text) < OVERRULE_MIN_CHARS:
        return tag
    found, prob = identify(text)
    if tag is None:
        return found
    if found is not None and found != tag and prob >= OVERRULE_MIN_PROB:
        logger.debug("declared language %s overruled by text (%s, p=%.2f)", tag, found, prob)
        return found
    return tag
