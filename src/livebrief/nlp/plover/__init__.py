"""PLOVER event types: trigger lexicons, trigger finding over the parse, and the sentence typer.

PLOVER (Open Event Data Alliance, manual draft 0.8, 2021) types events into 16 categories, each with optional
modes. This package holds everything that knows the ontology:

* the lexicons: trigger lemmas -> (type, mode), governing verbs ("threatened to attack" is THREATEN), mode cues;
* ``find_triggers(sent)``: event predicates of one sentence over the dependency parse, after governing verbs,
  negation and object checks ("meet commitments" is no meeting);
* ``classify(sent)``: a linear model trained by ``scripts/train_events.py`` on the training parts of the PLOVER
  gold records and CASE 2021 task 2 (see ``docs/nlp-events.md``), loaded once from ``data/events/model.json``
  and scored with plain Python, so nothing beyond spaCy is needed at run time;
* the label maps used to train and evaluate it (older PLOVER names, CASE/ACLED types) and the fixed held-out rule.

Modules: :mod:`.labels` (types, label maps, held-out rule, gold readers), :mod:`.lexicon` (lexicons, mode cues),
:mod:`.triggers` (triggers over the parse, rule typing), :mod:`.typer` (features and the trained model).
"""

from livebrief.nlp.plover.labels import (
    CASE_EXCLUDED, CASE_TO_PLOVER, CONFLICTUAL, COOPERATIVE, GSR_TO_PLOVER, HELD_OUT_PERCENT, MATERIAL, NONE, TYPES,
    Example, held_out, read_case, read_plover,
)
from livebrief.nlp.plover.lexicon import (
    AGREEMENT_NOUNS, AID_MODE_CUES, AID_OBJECTS, ASSAULT_MODE_CUES, BACKGROUND_PREPS, CONSULT_MODE_CUES,
    DIPLOMATIC_OBJECTS, FIRING_VERBS, FUTURE_AUX, GOVERNING_PHRASES, GOVERNORS, LIGHT_ONLY_NOUNS, LIGHT_VERBS,
    MODE_CUES, NON_EVENT_OBJECTS, NOUN_TRIGGERS, OBLIGATION_AUX, PHRASAL_TRIGGERS, PROTESTERS, REPORTING_VERBS,
    VERB_TRIGGERS, WEAK_VERBS, WEAPON_NOUNS, mode_for,
)
from livebrief.nlp.plover.triggers import (
    STRONG, Trigger, _subjects, _verb_of, find_triggers, keyword_type, main_trigger, rule_type, rule_weight,
)  # _subjects and _verb_of: nlp/events.py reads roles with the same parse helpers
from livebrief.nlp.plover.typer import MODEL_PATH, Typer, classify, features, load_typer, typer_from_dict

__all__ = [
    # labels
    "CASE_EXCLUDED", "CASE_TO_PLOVER", "CONFLICTUAL", "COOPERATIVE", "GSR_TO_PLOVER", "HELD_OUT_PERCENT", "MATERIAL",
    "NONE",
    "TYPES", "Example", "held_out", "read_case", "read_plover",
    # lexicon
    "AGREEMENT_NOUNS", "AID_MODE_CUES", "AID_OBJECTS", "ASSAULT_MODE_CUES", "BACKGROUND_PREPS", "CONSULT_MODE_CUES",
    "DIPLOMATIC_OBJECTS", "FIRING_VERBS", "FUTURE_AUX", "GOVERNING_PHRASES", "GOVERNORS", "LIGHT_ONLY_NOUNS",
    "LIGHT_VERBS", "MODE_CUES", "NON_EVENT_OBJECTS", "NOUN_TRIGGERS", "OBLIGATION_AUX", "PHRASAL_TRIGGERS",
    "PROTESTERS", "REPORTING_VERBS", "VERB_TRIGGERS", "WEAK_VERBS", "WEAPON_NOUNS", "mode_for",
    # triggers
    "STRONG", "Trigger", "find_triggers", "keyword_type", "main_trigger", "rule_type", "rule_weight",
    # typer
    "MODEL_PATH", "Typer", "classify", "features", "load_typer", "typer_from_dict",
]
