"""PLOVER labels: the 16 types, the label maps of the gold data, the fixed held-out rule and the gold readers."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass

TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
         "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
# PLOVER's quad classes put each type under verbal or material cooperation or conflict; what was done
# (material) is what a briefing files a story under when it is told as often as what was said.
MATERIAL = frozenset({"COOPERATE", "AID", "RETREAT", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"})
NONE = "NONE"  # the classifier's label for a sentence that reports no PLOVER event
COOPERATIVE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID", "AGREE", "CONCEDE", "RETREAT"})
CONFLICTUAL = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "SANCTION", "THREATEN"})

# -- label maps for training and evaluation ---------------------------------------------------------------------

# The 2016 gold records use names from an earlier PLOVER draft; CAMEO2PLOVER-2021 folds them into the 16 types.
GSR_TO_PLOVER = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}

# CASE 2021 task 2 (ACLED sub-event types + unseen types) -> (PLOVER type or NONE, mode). Documented in
# docs/nlp-events.md. DIPLO and ATTRIB span several PLOVER types each, so they are left out of evaluation.
CASE_TO_PLOVER: dict[str, tuple[str, str | None]] = {
    "AIR_STRIKE": ("ASSAULT", "aerial"),
    "ART_MISS_ATTACK": ("ASSAULT", "heavy-weapons"),
    "ARMED_CLASH": ("ASSAULT", "firearms"),
    "ATTACK": ("ASSAULT", None),
    "CHEM_WEAP": ("ASSAULT", "unconventional"),
    "GRENADE": ("ASSAULT", "explosives"),
    "REM_EXPLOS": ("ASSAULT", "explosives"),
    "SUIC_BOMB": ("ASSAULT", "suicide-attack"),
    "SEX_VIOL": ("ASSAULT", "sexual"),
    "ABDUCT_DISSAP": ("ASSAULT", "abduct"),
    "FORCE_AGAINST_PROTEST": ("ASSAULT", "crowd-control"),
    "PROPERTY_DISTRUCT": ("ASSAULT", "destroy"),
    "GOV_REGAINS_TERIT": ("ASSAULT", None),
    "NON_STATE_ACTOR_OVERTAKES_TER": ("ASSAULT", None),
    "PEACE_PROTEST": ("PROTEST", "demo"),
    "PROTEST_WITH_INTER": ("PROTEST", "demo"),
    "VIOL_DEMONSTR": ("PROTEST", "riot"),
    "MOB_VIOL": ("PROTEST", "riot"),
    "ARREST": ("COERCE", "arrest"),
    "DISR_WEAP": ("COERCE", "seize"),
    "AGREEMENT": ("AGREE", None),
    "NON_VIOL_TERRIT_TRANSFER": ("RETREAT", "withdraw"),
    "HQ_ESTABLISHED": ("MOBILIZE", "troops"),
    "CHANGE_TO_GROUP_ACT": (NONE, None),
    "ORG_CRIME": (NONE, None),
    "NATURAL_DISASTER": (NONE, None),
    "MAN_MADE_DISASTER": (NONE, None),
    "OTHER": (NONE, None),
}
CASE_EXCLUDED = frozenset({"DIPLO", "ATTRIB"})

HELD_OUT_PERCENT = 30


def held_out(text: str) -> bool:
    """True for the fixed test part (30% by SHA-1 of the text); training and tuning never see it."""
    return int(hashlib.sha1(text.encode("utf-8")).hexdigest()[:8], 16) % 100 < HELD_OUT_PERCENT


# -- evaluation data (read in place by the training script, the benchmark and the quality gate) ------------------

@dataclass(frozen=True)
class Example:
    key: str
    text: str
    labels: tuple[str, ...]  # PLOVER types (or NONE); several when a sentence was coded more than once
    source: str  # "plover" or "case"


def read_plover(folder) -> list[Example]:
    """PLOVER gold records grouped by sentence, labels mapped to the 16 current types."""
    from pathlib import Path

    records = json.loads((Path(folder) / "gold" / "PLOVER_GSR_CAMEO.json").read_text(encoding="utf-8"))
    by_text: dict[str, list[str]] = {}
    ids: dict[str, str] = {}
    for record in records:
        if record.get("event") == "DOCUMENT":
            continue
        label = GSR_TO_PLOVER.get(record["event"], record["event"])
        by_text.setdefault(record["text"], [])
        if label not in by_text[record["text"]]:
            by_text[record["text"]].append(label)
        ids.setdefault(record["text"], record["id"])
    return [Example(ids[text], text, tuple(labels), "plover") for text, labels in by_text.items()]


def read_case(folder) -> list[Example]:
    """CASE 2021 task 2 snippets with PLOVER labels; DIPLO and ATTRIB (one-to-many) left out."""
    from pathlib import Path

    folder = Path(folder)
    texts = dict(_tsv_rows(folder / "input" / "snippets.tsv"))
    examples = []
    for key, subtype in _tsv_rows(folder / "gold" / "labels.tsv"):
        if subtype in CASE_EXCLUDED or key not in texts:
            continue
        examples.append(Example(key, texts[key], (CASE_TO_PLOVER[subtype][0],), "case"))
    return examples


def _tsv_rows(path) -> Iterator[tuple[str, str]]:
    with open(path, encoding="utf-8") as handle:
        next(handle)
        for line in handle:
            parts = line.rstrip("\n").split("\t", 1)
            if len(parts) == 2:
                yield parts[0], parts[1]
