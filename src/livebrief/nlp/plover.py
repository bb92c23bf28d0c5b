"""PLOVER event types: trigger lexicons, trigger finding over the parse, and the sentence typer.

PLOVER (Open Event Data Alliance, manual draft 0.8, 2021) types events into 16 categories, each with optional
modes. This module holds everything that knows the ontology:

* the lexicons: trigger lemmas -> (type, mode), governing verbs ("threatened to attack" is THREATEN), mode cues;
* ``find_triggers(sent)``: event predicates of one sentence over the dependency parse, after governing verbs,
  negation and object checks ("meet commitments" is no meeting);
* ``classify(sent)``: a linear model trained by ``scripts/train_events.py`` on the training parts of the PLOVER
  gold records and CASE 2021 task 2 (see ``docs/nlp-events.md``), loaded once from ``data/events/model.json``
  and scored with plain Python, so nothing beyond spaCy is needed at run time;
* the label maps used to train and evaluate it (older PLOVER names, CASE/ACLED types) and the fixed held-out rule.
"""

from __future__ import annotations

import functools
import hashlib
import json
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources

TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
         "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
NONE = "NONE"  # the classifier's label for a sentence that reports no PLOVER event
COOPERATIVE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID", "AGREE", "CONCEDE", "RETREAT"})

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
STRONG = 0.8  # trigger strength from which a cue is unambiguous (weak cues: bare nouns, ambiguous verbs)


def held_out(text: str) -> bool:
    """True for the fixed test part (30% by SHA-1 of the text); training and tuning never see it."""
    return int(hashlib.sha1(text.encode("utf-8")).hexdigest()[:8], 16) % 100 < HELD_OUT_PERCENT


# -- lexicons ----------------------------------------------------------------------------------------------------
# Lemma -> (type, mode). Written from the PLOVER manual and the CAMEO verb dictionaries, not from the test part.

VERB_TRIGGERS: dict[str, tuple[str, str | None]] = {
    # AGREE: intentions, offers, promises
    "agree": ("AGREE", None), "promise": ("AGREE", None), "pledge": ("AGREE", None), "offer": ("AGREE", None),
    "accept": ("AGREE", None), "propose": ("AGREE", None),
    # CONSULT
    "meet": ("CONSULT", None), "visit": ("CONSULT", "visit"), "host": ("CONSULT", "visit"),
    "discuss": ("CONSULT", None), "negotiate": ("CONSULT", None), "consult": ("CONSULT", None),
    "confer": ("CONSULT", None), "talk": ("CONSULT", None), "telephone": ("CONSULT", "phone"),
    "phone": ("CONSULT", "phone"), "mediate": ("CONSULT", "third-party"), "welcome": ("CONSULT", "visit"),
    # SUPPORT
    "support": ("SUPPORT", None), "back": ("SUPPORT", None), "praise": ("SUPPORT", None),
    "endorse": ("SUPPORT", None), "commend": ("SUPPORT", None), "hail": ("SUPPORT", None),
    "applaud": ("SUPPORT", None), "recognize": ("SUPPORT", None), "recognise": ("SUPPORT", None),
    "sign": ("SUPPORT", None), "ratify": ("SUPPORT", None), "thank": ("SUPPORT", None),
    "congratulate": ("SUPPORT", None), "apologize": ("SUPPORT", None), "apologise": ("SUPPORT", None),
    "forgive": ("SUPPORT", None), "defend": ("SUPPORT", None), "upgrade": ("SUPPORT", None),
    # CONCEDE
    "concede": ("CONCEDE", None), "yield": ("CONCEDE", None), "ease": ("CONCEDE", None),
    "lift": ("CONCEDE", None), "pardon": ("CONCEDE", None), "acquit": ("CONCEDE", None),
    "relax": ("CONCEDE", None), "regret": ("CONCEDE", None),
    # COOPERATE
    "cooperate": ("COOPERATE", None), "collaborate": ("COOPERATE", None), "share": ("COOPERATE", None),
    "extradite": ("COOPERATE", "legal"), "exchange": ("COOPERATE", None),
    # AID
    "aid": ("AID", None), "donate": ("AID", None), "provide": ("AID", None), "supply": ("AID", None),
    "deliver": ("AID", None), "give": ("AID", None), "send": ("AID", None), "grant": ("AID", None),
    "fund": ("AID", "economic"), "finance": ("AID", "economic"), "lend": ("AID", "economic"),
    "loan": ("AID", "economic"), "rescue": ("AID", None), "help": ("AID", None), "assist": ("AID", None),
    "arm": ("AID", "military"),
    # RETREAT
    "withdraw": ("RETREAT", "withdraw"), "retreat": ("RETREAT", "withdraw"), "release": ("RETREAT", "release"),
    "free": ("RETREAT", "release"), "resign": ("RETREAT", "resign"), "disarm": ("RETREAT", "disarm"),
    "demobilize": ("RETREAT", "disarm"), "surrender": ("RETREAT", "withdraw"), "cede": ("RETREAT", "withdraw"),
    "repatriate": ("RETREAT", "release"), "evacuate": ("RETREAT", "withdraw"), "quit": ("RETREAT", "resign"),
    # REQUEST
    "demand": ("REQUEST", None), "urge": ("REQUEST", None), "request": ("REQUEST", None),
    "ask": ("REQUEST", None), "appeal": ("REQUEST", None), "plead": ("REQUEST", None),
    "insist": ("REQUEST", None), "press": ("REQUEST", None), "pressure": ("REQUEST", None),
    "order": ("REQUEST", None),
    # ACCUSE
    "accuse": ("ACCUSE", "allege"), "blame": ("ACCUSE", "allege"), "allege": ("ACCUSE", "allege"),
    "charge": ("ACCUSE", "allege"), "indict": ("ACCUSE", "allege"), "sue": ("ACCUSE", "allege"),
    "condemn": ("ACCUSE", "disapprove"), "criticize": ("ACCUSE", "disapprove"),
    "criticise": ("ACCUSE", "disapprove"), "denounce": ("ACCUSE", "disapprove"),
    "decry": ("ACCUSE", "disapprove"), "deplore": ("ACCUSE", "disapprove"), "slam": ("ACCUSE", "disapprove"),
    "rebuke": ("ACCUSE", "disapprove"), "complain": ("ACCUSE", "disapprove"),
    "censure": ("ACCUSE", "disapprove"), "investigate": ("ACCUSE", "investigate"),
    "probe": ("ACCUSE", "investigate"),
    # REJECT
    "reject": ("REJECT", None), "refuse": ("REJECT", None), "deny": ("REJECT", None),
    "oppose": ("REJECT", None), "veto": ("REJECT", None), "decline": ("REJECT", None),
    "dismiss": ("REJECT", None), "defy": ("REJECT", None), "spurn": ("REJECT", None),
    "renege": ("REJECT", None), "violate": ("REJECT", None),
    # THREATEN
    "threaten": ("THREATEN", None), "warn": ("THREATEN", None),
    # PROTEST
    "protest": ("PROTEST", "demo"), "demonstrate": ("PROTEST", "demo"), "rally": ("PROTEST", "demo"),
    "march": ("PROTEST", "demo"), "riot": ("PROTEST", "riot"), "boycott": ("PROTEST", "boycott"),
    "picket": ("PROTEST", "demo"), "block": ("PROTEST", "obstruct"), "blockade": ("COERCE", "restrict"),
    # SANCTION
    "sanction": ("SANCTION", "discontinue"), "expel": ("SANCTION", "expel"),
    "suspend": ("SANCTION", "discontinue"), "sever": ("SANCTION", "discontinue"),
    "recall": ("SANCTION", "withdraw"), "halt": ("SANCTION", "discontinue"),
    "cancel": ("SANCTION", "discontinue"), "prohibit": ("SANCTION", "discontinue"),
    "convict": ("SANCTION", "convict"), "sentence": ("SANCTION", "convict"), "embargo": ("SANCTION", "discontinue"),
    # MOBILIZE
    "mobilize": ("MOBILIZE", "troops"), "mobilise": ("MOBILIZE", "troops"), "deploy": ("MOBILIZE", "troops"),
    "amass": ("MOBILIZE", "troops"), "station": ("MOBILIZE", "troops"), "reinforce": ("MOBILIZE", "troops"),
    "patrol": ("MOBILIZE", "troops"),
    # COERCE
    "arrest": ("COERCE", "arrest"), "detain": ("COERCE", "arrest"), "jail": ("COERCE", "arrest"),
    "imprison": ("COERCE", "arrest"), "seize": ("COERCE", "seize"), "confiscate": ("COERCE", "seize"),
    "ban": ("COERCE", "restrict"), "outlaw": ("COERCE", "restrict"), "censor": ("COERCE", "censor"),
    "deport": ("COERCE", "deport"), "occupy": ("COERCE", "seize"), "annex": ("COERCE", "seize"),
    "impose": ("COERCE", "restrict"), "reimpose": ("COERCE", "restrict"), "restrict": ("COERCE", "restrict"),
    "besiege": ("COERCE", "restrict"), "hack": ("COERCE", "cyber"), "raid": ("COERCE", "seize"),
    # ASSAULT
    "attack": ("ASSAULT", None), "assault": ("ASSAULT", None), "strike": ("ASSAULT", None),
    "bomb": ("ASSAULT", "explosives"), "shell": ("ASSAULT", "heavy-weapons"), "shoot": ("ASSAULT", "firearms"),
    "kill": ("ASSAULT", None), "wound": ("ASSAULT", None), "injure": ("ASSAULT", None),
    "ambush": ("ASSAULT", None), "clash": ("ASSAULT", None), "fight": ("ASSAULT", None),
    "invade": ("ASSAULT", None), "explode": ("ASSAULT", "explosives"), "detonate": ("ASSAULT", "explosives"),
    "torture": ("ASSAULT", "torture"), "rape": ("ASSAULT", "sexual"), "abuse": ("ASSAULT", None),
    "kidnap": ("ASSAULT", "abduct"), "abduct": ("ASSAULT", "abduct"), "hijack": ("ASSAULT", "abduct"),
    "assassinate": ("ASSAULT", "targeted"), "execute": ("ASSAULT", "targeted"),
    "massacre": ("ASSAULT", "targeted"), "behead": ("ASSAULT", "targeted"), "stab": ("ASSAULT", "primitive"),
    "beat": ("ASSAULT", "beat"), "destroy": ("ASSAULT", "destroy"), "damage": ("ASSAULT", "destroy"),
    "pound": ("ASSAULT", None), "storm": ("ASSAULT", None), "capture": ("ASSAULT", None),
    "recapture": ("ASSAULT", None), "retake": ("ASSAULT", None), "overrun": ("ASSAULT", None),
    "bombard": ("ASSAULT", "heavy-weapons"), "target": ("ASSAULT", None), "hit": ("ASSAULT", None),
    "torch": ("ASSAULT", "destroy"), "burn": ("ASSAULT", "destroy"), "loot": ("ASSAULT", "destroy"),
    "gun": ("ASSAULT", "firearms"), "murder": ("ASSAULT", None), "repel": ("ASSAULT", None),
    "slaughter": ("ASSAULT", "targeted"), "slay": ("ASSAULT", None), "lynch": ("ASSAULT", "beat"),
    "strafe": ("ASSAULT", "aerial"), "raze": ("ASSAULT", "destroy"), "demolish": ("ASSAULT", "destroy"),
    "skirmish": ("ASSAULT", None), "battle": ("ASSAULT", None), "repulse": ("ASSAULT", None),
    "blast": ("ASSAULT", "explosives"), "encircle": ("ASSAULT", None),
    # more of CAMEO's verb dictionary, by type
    "invite": ("AGREE", None), "consent": ("AGREE", None), "guarantee": ("AGREE", None),
    "receive": ("CONSULT", "visit"), "arrive": ("CONSULT", "visit"), "tour": ("CONSULT", "visit"),
    "approve": ("SUPPORT", None), "salute": ("SUPPORT", None), "normalize": ("SUPPORT", None),
    "restore": ("SUPPORT", None), "reaffirm": ("SUPPORT", None), "drop": ("CONCEDE", None),
    "allow": ("CONCEDE", None), "compromise": ("CONCEDE", None), "coordinate": ("COOPERATE", None),
    "airlift": ("AID", "humanitarian"), "pay": ("AID", "economic"), "shelter": ("AID", "humanitarian"),
    "vacate": ("RETREAT", "withdraw"), "abandon": ("RETREAT", "withdraw"), "relinquish": ("RETREAT", "withdraw"),
    "return": ("RETREAT", "release"), "reopen": ("RETREAT", "access"), "abdicate": ("RETREAT", "resign"),
    "seek": ("REQUEST", None), "require": ("REQUEST", None), "beg": ("REQUEST", None),
    "summon": ("ACCUSE", "disapprove"), "lambast": ("ACCUSE", "disapprove"), "castigate": ("ACCUSE", "disapprove"),
    "assail": ("ACCUSE", "disapprove"), "object": ("ACCUSE", "disapprove"), "prosecute": ("ACCUSE", "allege"),
    "implicate": ("ACCUSE", "allege"), "resist": ("REJECT", None), "rebuff": ("REJECT", None),
    "repudiate": ("REJECT", None), "snub": ("REJECT", None), "bar": ("REJECT", None), "refute": ("REJECT", None),
    "menace": ("THREATEN", None), "freeze": ("SANCTION", "discontinue"), "downgrade": ("SANCTION", "withdraw"),
    "penalize": ("SANCTION", "discontinue"), "fine": ("SANCTION", "convict"), "blacklist": ("SANCTION", None),
    "terminate": ("SANCTION", "discontinue"), "cut": ("SANCTION", "discontinue"),
    "reduce": ("SANCTION", "discontinue"), "muster": ("MOBILIZE", "troops"), "conscript": ("MOBILIZE", "troops"),
    "alert": ("MOBILIZE", "troops"), "expropriate": ("COERCE", "seize"), "nationalize": ("COERCE", "seize"),
    "evict": ("COERCE", "deport"), "suppress": ("COERCE", "restrict"), "repress": ("COERCE", "restrict"),
    "curb": ("COERCE", "restrict"), "disperse": ("COERCE", "restrict"),
}
# Verbs read as weak evidence: common words with other senses ("arrive", "return", "receive", "drop").
WEAK_VERBS = frozenset({"talk", "meet", "visit", "discuss", "fight", "hit", "target", "back", "defend", "share",
                        "exchange", "order", "sentence", "release", "free", "lift", "ease", "host", "burn", "abuse",
                        "station", "patrol", "cancel", "accept", "propose", "evacuate", "recall", "halt", "press",
                        "receive", "arrive", "tour", "approve", "restore", "reaffirm", "drop", "allow",
                        "compromise", "pay", "shelter", "abandon", "return", "reopen", "seek", "require",
                        "object", "bar", "resist", "freeze", "cut", "reduce", "alert", "curb", "disperse",
                        "invite", "fine", "encircle", "battle", "blast", "coordinate", "guarantee"})

# Verb + particle or preposition -> (type, mode): "pull out", "step down", "call for", "shoot down".
PHRASAL_TRIGGERS: dict[tuple[str, str], tuple[str, str | None]] = {
    ("pull", "out"): ("RETREAT", "withdraw"), ("pull", "back"): ("RETREAT", "withdraw"),
    ("step", "down"): ("RETREAT", "resign"), ("hand", "over"): ("RETREAT", "release"),
    ("call", "for"): ("REQUEST", None), ("call", "on"): ("REQUEST", None), ("call", "upon"): ("REQUEST", None),
    ("shoot", "down"): ("ASSAULT", "aerial"), ("blow", "up"): ("ASSAULT", "explosives"),
    ("beat", "up"): ("ASSAULT", "beat"), ("crack", "down"): ("COERCE", "restrict"),
    ("rule", "out"): ("REJECT", None), ("turn", "down"): ("REJECT", None),
    ("cut", "off"): ("SANCTION", "discontinue"), ("break", "off"): ("SANCTION", "discontinue"),
    ("open", "fire"): ("ASSAULT", "firearms"), ("lay", "down"): ("RETREAT", "disarm"),
    ("set", "fire"): ("ASSAULT", "destroy"), ("gun", "down"): ("ASSAULT", "firearms"),
    ("force", "out"): ("SANCTION", "expel"), ("fire", "on"): ("ASSAULT", None), ("fire", "at"): ("ASSAULT", None),
    ("round", "up"): ("COERCE", "arrest"), ("shut", "down"): ("COERCE", "restrict"),
    ("walk", "out"): ("PROTEST", "boycott"), ("build", "up"): ("MOBILIZE", "troops"),
    ("hand", "back"): ("RETREAT", "release"), ("take", "hostage"): ("ASSAULT", "abduct"),
}

NOUN_TRIGGERS: dict[str, tuple[str, str | None]] = {
    "agreement": ("AGREE", None), "deal": ("AGREE", None), "accord": ("AGREE", None),
    "treaty": ("AGREE", None), "ceasefire": ("RETREAT", "ceasefire"), "truce": ("RETREAT", "ceasefire"),
    "meeting": ("CONSULT", None), "summit": ("CONSULT", None), "talk": ("CONSULT", None),
    "negotiation": ("CONSULT", None), "visit": ("CONSULT", "visit"), "consultation": ("CONSULT", None),
    "mediation": ("CONSULT", "third-party"), "phone": ("CONSULT", "phone"),
    "aid": ("AID", None), "assistance": ("AID", None), "donation": ("AID", None), "asylum": ("AID", None),
    "package": ("AID", None), "withdrawal": ("RETREAT", "withdraw"), "resignation": ("RETREAT", "resign"),
    "demand": ("REQUEST", None), "appeal": ("REQUEST", None),
    "accusation": ("ACCUSE", "allege"), "investigation": ("ACCUSE", "investigate"),
    "probe": ("ACCUSE", "investigate"), "lawsuit": ("ACCUSE", "allege"), "condemnation": ("ACCUSE", "disapprove"),
    "ultimatum": ("THREATEN", None), "threat": ("THREATEN", None),
    "protest": ("PROTEST", "demo"), "demonstration": ("PROTEST", "demo"), "rally": ("PROTEST", "demo"),
    "march": ("PROTEST", "demo"), "riot": ("PROTEST", "riot"), "boycott": ("PROTEST", "boycott"),
    "sit-in": ("PROTEST", "demo"), "sanction": ("SANCTION", "discontinue"), "embargo": ("SANCTION", "discontinue"),
    "expulsion": ("SANCTION", "expel"), "deployment": ("MOBILIZE", "troops"), "exercise": ("MOBILIZE", "troops"),
    "drill": ("MOBILIZE", "troops"), "alert": ("MOBILIZE", "troops"), "patrol": ("MOBILIZE", "troops"),
    "arrest": ("COERCE", "arrest"), "detention": ("COERCE", "arrest"), "curfew": ("COERCE", "curfew"),
    "blockade": ("COERCE", "restrict"), "crackdown": ("COERCE", "restrict"), "raid": ("COERCE", "seize"),
    "attack": ("ASSAULT", None), "strike": ("ASSAULT", None), "airstrike": ("ASSAULT", "aerial"),
    "bombing": ("ASSAULT", "explosives"), "shelling": ("ASSAULT", "heavy-weapons"), "assault": ("ASSAULT", None),
    "explosion": ("ASSAULT", "explosives"), "blast": ("ASSAULT", "explosives"), "clash": ("ASSAULT", None),
    "fighting": ("ASSAULT", None), "battle": ("ASSAULT", None), "gunbattle": ("ASSAULT", "firearms"),
    "offensive": ("ASSAULT", None), "ambush": ("ASSAULT", None), "invasion": ("ASSAULT", None),
    "massacre": ("ASSAULT", "targeted"), "shooting": ("ASSAULT", "firearms"), "gunfire": ("ASSAULT", "firearms"),
    "assassination": ("ASSAULT", "targeted"), "killing": ("ASSAULT", None), "torture": ("ASSAULT", "torture"),
    "kidnapping": ("ASSAULT", "abduct"), "abduction": ("ASSAULT", "abduct"), "bombardment": ("ASSAULT", None),
    "hunger": ("PROTEST", "hunger"),
    # nouns named by a light verb: "expressed support", "issued a warning", "lodged a complaint"
    "support": ("SUPPORT", None), "praise": ("SUPPORT", None), "recognition": ("SUPPORT", None),
    "condolence": ("SUPPORT", None), "gratitude": ("SUPPORT", None), "apology": ("CONCEDE", None),
    "regret": ("CONCEDE", None), "concession": ("CONCEDE", None), "amnesty": ("CONCEDE", None),
    "pardon": ("CONCEDE", None), "willingness": ("AGREE", None), "readiness": ("AGREE", None),
    "pledge": ("AGREE", None), "promise": ("AGREE", None), "offer": ("AGREE", None), "invitation": ("AGREE", None),
    "cooperation": ("COOPERATE", None), "release": ("RETREAT", "release"), "evacuation": ("RETREAT", "withdraw"),
    "request": ("REQUEST", None), "call": ("REQUEST", None), "criticism": ("ACCUSE", "disapprove"),
    "complaint": ("ACCUSE", "disapprove"), "allegation": ("ACCUSE", "allege"), "charge": ("ACCUSE", "allege"),
    "concern": ("ACCUSE", "disapprove"), "opposition": ("REJECT", None), "rejection": ("REJECT", None),
    "refusal": ("REJECT", None), "denial": ("REJECT", None), "veto": ("REJECT", None),
    "warning": ("THREATEN", None), "walkout": ("PROTEST", "strike"), "uprising": ("PROTEST", "riot"),
    "suspension": ("SANCTION", "discontinue"), "ban": ("COERCE", "restrict"), "seizure": ("COERCE", "seize"),
    "occupation": ("COERCE", "seize"), "deportation": ("COERCE", "deport"), "mobilization": ("MOBILIZE", "troops"),
    "reinforcement": ("MOBILIZE", "troops"),
}
# Nouns that make an event only as the object of a light verb ("expressed concern", "issued a call").
LIGHT_ONLY_NOUNS = frozenset({"support", "praise", "recognition", "concern", "call", "opposition", "release",
                              "charge", "offer", "promise", "request", "regret", "cooperation", "occupation",
                              "reinforcement", "ban", "warning", "criticism"})

# Verbs that take an event complement and decide the type: "threatened to attack" is THREATEN, "agreed to
# withdraw" AGREE, "urged X to withdraw" REQUEST, "refused to meet" REJECT, "prepared to shell" MOBILIZE.
GOVERNORS: dict[str, str] = {
    "agree": "AGREE", "promise": "AGREE", "pledge": "AGREE", "offer": "AGREE", "commit": "AGREE",
    "plan": "AGREE", "intend": "AGREE", "decide": "AGREE", "vow": "AGREE", "willing": "AGREE", "swear": "AGREE",
    "ready": "AGREE", "prepared": "AGREE",
    "urge": "REQUEST", "demand": "REQUEST", "ask": "REQUEST", "appeal": "REQUEST", "press": "REQUEST",
    "request": "REQUEST", "plead": "REQUEST", "insist": "REQUEST", "order": "REQUEST", "pressure": "REQUEST",
    "threaten": "THREATEN", "warn": "THREATEN",
    "refuse": "REJECT", "reject": "REJECT", "deny": "REJECT", "decline": "REJECT", "oppose": "REJECT",
    "fail": "REJECT",
    "accuse": "ACCUSE", "blame": "ACCUSE", "condemn": "ACCUSE", "criticize": "ACCUSE", "charge": "ACCUSE",
    "prepare": "MOBILIZE",
}
GOVERNING_PHRASES: dict[tuple[str, str], str] = {("call", "on"): "REQUEST", ("call", "for"): "REQUEST",
                                                  ("rule", "out"): "REJECT", ("call", "upon"): "REQUEST"}
CONFLICTUAL = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "SANCTION", "THREATEN"})

REPORTING_VERBS = frozenset({
    "say", "tell", "announce", "report", "add", "state", "claim", "confirm", "note", "declare", "write",
    "reiterate", "explain", "insist", "believe", "think", "suspect", "indicate", "show", "suggest", "quote",
    "cite", "estimate", "predict", "acknowledge", "admit", "argue", "assert", "stress", "tweet", "post",
})
# Prepositions whose noun objects are background, not events: "since the invasion", "after the attack".
BACKGROUND_PREPS = frozenset({"since", "after", "before", "during", "amid", "following", "despite", "until",
                              "prior", "over", "throughout", "ahead", "due", "because"})
FUTURE_AUX = frozenset({"will", "would", "shall", "'ll", "going"})
OBLIGATION_AUX = frozenset({"must", "should"})

# Objects that make a verb something else: "meet commitments", "release a statement", "give details".
NON_EVENT_OBJECTS: dict[str, frozenset[str]] = {
    "meet": frozenset({"commitment", "demand", "target", "obligation", "requirement", "deadline", "need",
                       "standard", "goal", "condition", "criterion", "expectation", "end", "fate", "challenge"}),
    "release": frozenset({"statement", "report", "video", "footage", "image", "photo", "data", "figure",
                          "detail", "album", "book", "film", "result", "information", "record", "document"}),
    "give": frozenset({"detail", "speech", "interview", "address", "name", "reason", "figure", "way",
                       "chance", "impression", "time", "account", "view", "opinion", "statement"}),
    "provide": frozenset({"detail", "information", "evidence", "figure", "account", "comment", "name",
                          "update", "explanation", "example", "number", "data", "proof"}),
    "send": frozenset({"message", "letter", "signal", "email", "note", "text"}),
    "share": frozenset({"post", "video", "photo", "image", "view", "concern", "story", "border"}),
    "back": frozenset(), "hit": frozenset({"record", "high", "low", "target", "market", "headline", "mark"}),
    "strike": frozenset({"deal", "agreement", "accord", "bargain", "balance", "tone", "chord", "note"}),
    "target": frozenset({"audience", "market", "voter", "inflation"}),
    "lift": frozenset(), "ease": frozenset({"pressure", "concern", "fear", "tension"}),
    "exchange": frozenset({"view", "idea", "greeting", "word", "pleasantry", "gift"}),
    "order": frozenset({"food", "meal", "drink", "book", "copy"}),
    "cancel": frozenset({"flight", "show", "concert", "game", "match", "event", "order"}),
    "sentence": frozenset(), "burn": frozenset({"calorie", "fuel", "money", "cash"}),
}
# Verbs whose noun object names the event: "launched an attack", "held talks", "imposed a curfew".
LIGHT_VERBS = frozenset({"launch", "carry", "conduct", "stage", "hold", "mount", "begin", "start", "resume",
                         "continue", "step", "make", "reach", "sign", "open", "lodge", "file", "issue", "impose",
                         "declare", "announce", "undertake", "lead", "organize", "organise", "call", "end",
                         "complete", "intensify", "escalate", "wage", "unleash", "order", "approve", "strike",
                         "conclude", "seal", "broker", "finalize"})
# Weapons named as the object of a firing verb make an ASSAULT trigger: "fired rockets at", "launched drones".
FIRING_VERBS = frozenset({"fire", "launch", "drop", "hurl", "throw", "lob", "use", "fly"})
WEAPON_NOUNS = frozenset({"missile", "rocket", "drone", "bomb", "shell", "artillery", "mortar", "grenade",
                          "shot", "bullet", "fire", "gas", "weapon", "munition"})
# Subjects that make "strike"/"march"/"block" a labour or street action rather than violence.
PROTESTERS = frozenset({"worker", "union", "employee", "staff", "doctor", "teacher", "nurse", "student",
                        "protester", "protestor", "demonstrator", "driver", "miner", "farmer", "activist",
                        "opposition", "supporter", "crowd", "resident", "villager", "people", "pilot",
                        "trucker", "lawyer", "landowner", "prisoner", "inmate"})
AGREEMENT_NOUNS = frozenset({"deal", "agreement", "accord", "treaty", "bargain", "pact", "truce", "ceasefire"})
DIPLOMATIC_OBJECTS = frozenset({"ambassador", "diplomat", "envoy", "inspector", "observer", "monitor",
                                "peacekeeper", "mission", "embassy", "delegation", "aid", "support", "assistance",
                                "funding", "staff"})
AID_OBJECTS = frozenset({"aid", "assistance", "weapon", "arm", "ammunition", "supply", "food", "medicine",
                         "money", "fund", "package", "equipment", "tank", "missile", "jet", "vehicle", "loan",
                         "grant", "dollar", "euro", "million", "billion", "relief", "shelter", "tent", "fuel",
                         "vaccine", "system", "munition", "artillery", "shell", "rifle", "helicopter", "troop",
                         "expert", "expertise", "intelligence", "help", "material", "good", "blanket", "water",
                         "grain", "wheat", "medical", "defense", "defence", "asylum", "compensation"})

# Mode cues, strongest first: the first mode whose cue words occur in the event's evidence wins.
ASSAULT_MODE_CUES: tuple[tuple[str, frozenset[str]], ...] = (
    ("suicide-attack", frozenset({"suicide"})),
    ("unconventional", frozenset({"chemical", "sarin", "chlorine", "nerve", "biological", "nuclear",
                                  "radiological"})),
    ("crowd-control", frozenset({"tear", "teargas", "cannon", "rubber", "baton", "pellet"})),
    ("aerial", frozenset({"drone", "uav", "missile", "airstrike", "air", "warplane", "jet", "aircraft",
                          "helicopter", "bomber", "fighter", "airplane", "plane", "predator", "kamikaze", "shahed",
                          "aerial"})),
    ("heavy-weapons", frozenset({"shell", "shelling", "artillery", "mortar", "rocket", "tank", "howitzer",
                                 "grad", "gunboat", "warship", "navy", "naval", "barrage"})),
    ("explosives", frozenset({"bomb", "bombing", "ied", "explosive", "explosion", "mine", "landmine",
                              "grenade", "blast", "detonate", "explode", "car-bomb"})),
    ("firearms", frozenset({"gun", "gunman", "gunmen", "gunfire", "shoot", "shooting", "rifle", "sniper",
                            "pistol", "bullet", "firearm", "gunbattle", "shot"})),
    ("abduct", frozenset({"kidnap", "abduct", "abduction", "kidnapping", "hijack", "hostage"})),
    ("sexual", frozenset({"rape", "sexual", "sexually"})),
    ("torture", frozenset({"torture"})),
    ("targeted", frozenset({"assassinate", "assassination", "execute", "execution", "behead", "massacre"})),
    ("primitive", frozenset({"knife", "machete", "stab", "axe", "stone", "rock", "arson", "spear", "arrow"})),
    ("beat", frozenset({"beat", "beating", "club", "punch", "kick"})),
    ("destroy", frozenset({"destroy", "demolish", "raze", "torch", "bulldoze"})),
)
AID_MODE_CUES: tuple[tuple[str, frozenset[str]], ...] = (
    ("military", frozenset({"military", "defense", "defence", "weapon", "arm", "ammunition", "tank", "missile",
                            "artillery", "troop", "jet", "munition", "antiaircraft", "security", "rifle"})),
    ("humanitarian", frozenset({"humanitarian", "food", "medicine", "medical", "relief", "refugee", "shelter",
                                "tent", "blanket", "water", "vaccine", "emergency", "asylum"})),
    ("economic", frozenset({"economic", "financial", "loan", "grant", "budget", "credit", "debt", "fund",
                            "funding", "money", "cash", "investment", "dollar", "euro"})),
)
CONSULT_MODE_CUES: tuple[tuple[str, frozenset[str]], ...] = (
    ("phone", frozenset({"phone", "telephone", "call", "video", "videoconference", "virtual", "online"})),
    ("multilateral", frozenset({"g7", "g20", "nato", "assembly", "conference", "forum", "multilateral",
                                "brics", "asean", "council"})),
    ("visit", frozenset({"visit", "host", "welcome", "arrive", "trip", "tour"})),
)
MODE_CUES = {"ASSAULT": ASSAULT_MODE_CUES, "AID": AID_MODE_CUES, "CONSULT": CONSULT_MODE_CUES}


# -- triggers over the parse ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Trigger:
    """One event predicate in a sentence: the deciding token, its PLOVER type and what shaped it."""

    i: int  # doc index of the deciding token (the governing verb when one decides the type)
    type: str
    mode: str | None
    lemma: str
    content: int | None = None  # doc index of the governed event predicate, when a governor decided
    negated: bool = False
    future: bool = False
    obligation: bool = False
    strength: float = 1.0  # below 1 for weak cues (a bare noun, an ambiguous verb)
    depth: int = 0  # steps from the sentence's main predicate (the root, or what a reporting root reports)
    conditional: bool = False
    token: object = field(default=None, compare=False, repr=False)  # the spaCy Token at ``i``


def _lemma(token) -> str:
    return token.lemma_.lower()


def _particle(token) -> str | None:
    for child in token.children:
        if child.dep_ in ("prt", "prep") and (_lemma(token), child.lower_) in PHRASAL_TRIGGERS:
            return child.lower_
    for child in token.children:  # "open fire", "set fire to"
        if child.dep_ == "dobj" and (_lemma(token), child.lower_) in PHRASAL_TRIGGERS:
            return child.lower_
    return None


def _objects(token) -> list:
    found = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass", "attr", "oprd")]
    for child in token.children:
        if child.dep_ in ("prep", "agent", "dative"):
            found.extend(g for g in child.children if g.dep_ == "pobj")
    return found


def _subjects(token) -> list:
    subjects = [c for c in token.children if c.dep_ in ("nsubj", "csubj")]
    head = token
    while not subjects and head.dep_ in ("xcomp", "conj", "advcl") and head.head.i != head.i:
        head = head.head
        subjects = [c for c in head.children if c.dep_ in ("nsubj", "csubj")]
    return subjects


def _aux(token) -> set[str]:
    words = {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}
    head = token
    while head.dep_ in ("xcomp", "conj") and head.head.i != head.i:  # "will try to meet", "will meet and sign"
        head = head.head
        words |= {c.lower_ for c in head.children if c.dep_ in ("aux", "auxpass")}
    if "going" in words or token.head.lower_ == "going":
        words.add("going")
    return words


def _negated(token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in ("never", "no") and c.dep_ in ("advmod", "det")
               for c in token.children)


def _verb_entry(token) -> tuple[str, str | None, float] | None:
    lemma = _lemma(token)
    particle = _particle(token)
    if particle is not None:
        kind, mode = PHRASAL_TRIGGERS[(lemma, particle)]
        if (lemma, particle) == ("hand", "over") and any(_lemma(o) in AID_OBJECTS for o in _objects(token)):
            return "AID", None, 1.0
        return kind, mode, 1.0
    if lemma in REPORTING_VERBS and lemma not in VERB_TRIGGERS:
        return None
    entry = VERB_TRIGGERS.get(lemma)
    objects = [_lemma(o) for o in _objects(token)]
    subjects = {_lemma(s) for s in _subjects(token)}
    if lemma in FIRING_VERBS and any(o in WEAPON_NOUNS for o in objects):
        return "ASSAULT", None, 1.0
    if entry is None:
        return None
    kind, mode = entry
    if lemma in NON_EVENT_OBJECTS and any(o in NON_EVENT_OBJECTS[lemma] for o in objects):
        if lemma == "strike" and any(o in AGREEMENT_NOUNS for o in objects):
            return "AGREE", None, 1.0
        return None
    strength = 1.0
    if lemma in ("strike", "march", "block", "rally") and subjects & PROTESTERS:
        return "PROTEST", "strike" if lemma == "strike" else ("obstruct" if lemma == "block" else "demo"), 1.0
    if lemma == "strike" and kind == "ASSAULT" and not objects:
        strength = 0.6
    if lemma == "violate" and any(o in ("ceasefire", "truce", "armistice") for o in objects):
        return "ASSAULT", None, 1.0  # CAMEO 196, "violate ceasefire"
    if lemma == "protest" and not (subjects & PROTESTERS) and any(
            s.ent_type_ == "GPE" or _lemma(s) in ("government", "ministry", "embassy", "foreign")
            for s in _subjects(token)):
        return "ACCUSE", "disapprove", 1.0
    if lemma == "welcome" and not any(o.ent_type_ in ("PERSON", "GPE", "NORP", "ORG") or o.pos_ == "PROPN"
                                      for o in _objects(token)):
        return "SUPPORT", None, 1.0
    if lemma == "withdraw" and any(o in DIPLOMATIC_OBJECTS for o in objects):
        return "SANCTION", "withdraw", 1.0
    if lemma == "expel" and not any(o in DIPLOMATIC_OBJECTS for o in objects):
        return "COERCE", "deport", 1.0
    if lemma == "impose" and any(o in ("sanction", "embargo") for o in objects):
        return "SANCTION", "discontinue", 1.0
    if lemma in ("give", "provide", "send", "supply", "deliver", "grant", "help", "assist"):
        if not any(o in AID_OBJECTS for o in objects) and lemma not in ("help", "assist"):
            return None
        if lemma == "send" and any(o in ("troop", "force", "soldier", "warship") for o in objects):
            return "MOBILIZE", "troops", 0.6
        strength = 0.8
    if lemma in WEAK_VERBS:
        strength = min(strength, 0.8)
    if lemma == "ask" and _question(token):
        return None
    if lemma in ("fight",) and token.pos_ != "VERB":
        return None
    return kind, mode, strength


def _noun_entry(token) -> tuple[str, str | None, float] | None:
    lemma = _lemma(token)
    if lemma in WEAPON_NOUNS and token.dep_ in ("dobj", "nsubj", "nsubjpass") and \
            _lemma(token.head) in FIRING_VERBS:
        return "ASSAULT", None, 0.8
    entry = NOUN_TRIGGERS.get(lemma)
    if entry is None:
        return None
    if token.dep_ in ("compound", "amod", "nmod", "poss") and lemma != "hunger":
        return None  # "attack drones", "the summit's agenda"
    if lemma == "hunger":
        if not any(_lemma(token.head) == "strike" or _lemma(c) == "strike" for c in (token.head,)):
            return None
        return "PROTEST", "hunger", 1.0
    head = token.head
    phrase = token
    while phrase.dep_ == "conj" and phrase.head.i != phrase.i:
        phrase = phrase.head
    if phrase.dep_ == "pobj" and (phrase.head.lower_ in BACKGROUND_PREPS or
                                  phrase.head.head.lower_ in ("due", "because", "given", "thanks")):
        return None
    if lemma == "strike" and any(_lemma(c) in PROTESTERS | {"general", "labour", "labor", "national", "hunger",
                                                            "union", "work"}
                                 for c in (*token.children, *token.sent)):
        return "PROTEST", "hunger" if any(_lemma(c) == "hunger" for c in token.children) else "strike", 1.0
    if lemma == "package" and not any(_lemma(c) in AID_OBJECTS | {"military", "humanitarian", "financial",
                                                                   "economic", "aid", "security"}
                                      for c in token.subtree):
        return None
    kind, mode = entry
    light = _lemma(head) in LIGHT_VERBS | {"express", "voice", "extend", "convey", "offer", "give"} and \
        token.dep_ == "dobj"
    if lemma in LIGHT_ONLY_NOUNS and not light:
        return None
    strength = 0.9 if light else 0.6
    return kind, mode, strength


def _future(token) -> bool:
    return bool(_aux(token) & FUTURE_AUX)


def _obligation(token) -> bool:
    return bool(_aux(token) & OBLIGATION_AUX)


def _governor(token):
    """The governing verb of an event predicate (threaten, agree, urge ...), with its type, or None."""
    head, child = token.head, token
    for _ in range(3):
        if head.i == child.i:
            return None
        if child.dep_ in ("xcomp", "ccomp", "pobj", "pcomp", "dobj", "advcl", "acl") or child.dep_ == "prep":
            lemma = _lemma(head)
            if lemma in GOVERNORS and not (lemma == "prepare" and token.dep_ == "dobj") and \
                    not (lemma == "ask" and _question(head)):
                if child.dep_ == "advcl" and not any(c.dep_ == "aux" and c.lower_ == "to"
                                                     for c in child.children):
                    return None
                return head, GOVERNORS[lemma]
            particle = _particle(head)
            if particle and (lemma, particle) in GOVERNING_PHRASES:
                return head, GOVERNING_PHRASES[(lemma, particle)]
            if head.dep_ == "prep" or head.pos_ in ("ADP", "PART") or child.dep_ in ("pobj", "pcomp") or (
                    lemma in LIGHT_VERBS | {"resume", "continue"} and child.dep_ in ("dobj", "xcomp")):
                child, head = head, head.head
                continue
        return None
    return None


def find_triggers(sent) -> list[Trigger]:
    """Event predicates of one sentence (a spaCy Span), governing verbs and negation applied, in text order."""
    raw: list[tuple[object, str, str | None, float]] = []
    for token in sent:
        if token.pos_ in ("VERB", "AUX") or (token.pos_ == "ADJ" and _lemma(token) in ("willing", "ready")):
            if token.dep_ in ("amod", "compound"):  # "long-threatened invasion"
                continue
            entry = _verb_entry(token)
            if entry is not None and token.dep_ in ("acl", "relcl"):  # "weapons seized last year": background
                entry = (entry[0], entry[1], min(entry[2], 0.5))
        elif token.pos_ == "NOUN":
            entry = _noun_entry(token)
        else:
            entry = None
        if entry is None and token.pos_ in ("VERB", "AUX") and _obligation(token) and (
                token.dep_ == "ROOT" or _lemma(token.head) in REPORTING_VERBS):
            entry = ("REQUEST", None, 0.9)  # "Libya must hand over the suspects, the minister said"
        elif entry is not None and _obligation(token) and entry[0] in COOPERATIVE | {"REQUEST"} and (
                token.dep_ == "ROOT" or _lemma(token.head) in REPORTING_VERBS):
            entry = ("REQUEST", _content_mode("REQUEST", entry[0], entry[1]), 1.0)
        if entry is not None:
            raw.append((token, *entry))
    triggers: dict[int, Trigger] = {}
    raw_kinds = {token.i: kind for token, kind, _, _ in raw}
    raw = [r for r in raw if not (r[0].pos_ == "NOUN" and r[0].dep_ in ("dobj", "pobj") and
                                  _verb_of(r[0]).i in raw_kinds and _verb_of(r[0]) is not r[0] and
                                  _lemma(_verb_of(r[0])) not in GOVERNORS)]
    for token, kind, mode, strength in raw:
        if kind == "REQUEST" and _purpose_of(token, raw_kinds, "PROTEST"):
            continue
        governed = _governor(token)
        negated = _negated(token)
        if governed is not None:
            gov, gov_kind = governed
            if gov_kind == "AGREE" and kind in CONFLICTUAL:
                gov_kind = "THREATEN"  # "vowed to retaliate"
            if gov_kind == "REJECT" and kind == "ASSAULT" and _lemma(gov) == "deny":
                gov_kind = "REJECT"
            if _negated(gov) and gov_kind in ("AGREE", "REQUEST"):
                gov_kind = "REJECT"
            if _lemma(gov) == "order" and token.dep_ == "dobj" and token.pos_ == "NOUN":
                gov_kind = kind  # "ordered patrols" is MOBILIZE, "ordered the arrest" COERCE
            if gov_kind == "REQUEST" and _purpose_of(gov, raw_kinds, "PROTEST"):
                continue  # the demand of a protest is not a separate event (PLOVER 3.12)
            trig = Trigger(gov.i, gov_kind, _content_mode(gov_kind, kind, mode), _lemma(gov), content=token.i,
                           negated=_negated(gov), future=_future(gov), obligation=_obligation(gov),
                           strength=1.0 if gov.dep_ not in ("acl", "relcl") else 0.5, depth=_depth(gov),
                           conditional=_conditional(gov), token=gov)
        else:
            if negated and kind in COOPERATIVE:
                kind, mode = "REJECT", None
            trig = Trigger(token.i, kind, mode, _lemma(token), negated=negated, future=_future(token),
                           obligation=_obligation(token), strength=strength, depth=_depth(token),
                           conditional=_conditional(token), token=token)
        old = triggers.get(trig.i)
        if old is not None and (old.strength, old.content is not None) >= (trig.strength, trig.content is not None):
            continue  # keep the strongest reading of a token, and the governing one ("urged X to agree")
        triggers[trig.i] = trig
    # Governing verbs that are triggers themselves ("agreed", "urged") are kept once, as governors.
    governed_away = {t.content for t in triggers.values() if t.content is not None}
    return sorted((t for i, t in triggers.items() if i not in governed_away), key=lambda t: t.i)


def _question(token) -> bool:
    """"when asked whether he would ...": a question put to someone, not a request."""
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children) or any(
        c.dep_ in ("ccomp", "advcl") and any(m.dep_ == "mark" and m.lower_ in ("whether", "if") for m in c.children)
        or c.lower_ == "about" for c in token.children)


def _verb_of(token):
    """The verb a noun is the object of, directly or through a preposition ("talk about X")."""
    head = token.head
    if token.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    return head


def _purpose_of(token, kinds: dict[int, str], kind: str) -> bool:
    """True when ``token`` heads a purpose clause ("to demand ...") of a trigger of ``kind``."""
    head = token
    for _ in range(3):
        if head.dep_ not in ("advcl", "xcomp", "acl", "relcl", "conj") or head.head.i == head.i:
            return False
        head = head.head
        if kinds.get(head.i) == kind:
            return True
    return False


def _conditional(token) -> bool:
    """"will withdraw ... unless", "may halt ... if": a conditional future reads as a threat."""
    return any(c.dep_ == "advcl" and any(m.lower_ in ("unless", "if") for m in c.children if m.dep_ == "mark")
               for c in token.children)


def _depth(token) -> int:
    """Tree distance to the main predicate: the root, or the clause a reporting root reports."""
    steps = 0
    while token.dep_ != "ROOT" and token.head.i != token.i:
        if token.dep_ in ("ccomp", "parataxis") and _lemma(token.head) in REPORTING_VERBS and \
                token.head.dep_ == "ROOT":
            return steps
        token = token.head
        steps += 1
    return steps


def main_trigger(triggers: list[Trigger]) -> Trigger | None:
    """The trigger that types the sentence: strongest, then nearest the main predicate, then first."""
    if not triggers:
        return None
    return max(triggers, key=lambda t: (t.strength, -t.depth, -t.i))


def rule_type(triggers: list[Trigger]) -> str | None:
    """The sentence type by the lexicon and PLOVER's conventions, without the model.

    Future cooperation ("will visit", "will provide aid", "will release") is AGREE and future force or
    coercion ("would blockade Paris", "will extend the curfew") THREATEN, as the PLOVER gold records code them;
    a conditional future ("will withdraw ... unless") is a threat.
    """
    main = main_trigger(triggers)
    if main is None:
        return None
    if (main.future or "may" in _aux(main.token)) and main.type in COOPERATIVE | CONFLICTUAL and \
            main.conditional:
        return "THREATEN"
    if main.future and not main.negated:
        if main.type in ("CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT", "CONCEDE"):
            return "AGREE"
        if main.type in ("ASSAULT", "COERCE", "SANCTION", "PROTEST"):
            return "THREATEN"
    return main.type


def _content_mode(gov_kind: str, kind: str, mode: str | None) -> str | None:
    if gov_kind == "THREATEN":
        return {"ASSAULT": "violence", "COERCE": "restrict", "SANCTION": "relations", "MOBILIZE": "violence",
                "PROTEST": "restrict"}.get(kind)
    if gov_kind in ("REQUEST", "REJECT"):
        return {"AID": "assist", "COOPERATE": "assist", "SUPPORT": "assist", "CONSULT": "meet",
                "RETREAT": "yield", "CONCEDE": "yield"}.get(kind)
    if gov_kind == "ACCUSE":
        return "allege"
    return None


def mode_for(kind: str, lemmas: Iterable[str], default: str | None = None) -> str | None:
    """The PLOVER mode of an event of ``kind`` from the lemmas of its evidence, else ``default``."""
    cues = MODE_CUES.get(kind)
    if not cues:
        return default
    words = set(lemmas)
    words |= {w[:-1] for w in words if w.endswith("s")}  # "Drones" tagged a name keeps its plural
    for mode, cue in cues:
        if words & cue:
            return mode
    return default


# -- the sentence typer ------------------------------------------------------------------------------------------

_STOP = frozenset({"the", "a", "an", "of", "and", "in", "to", "for", "on", "at", "by", "with", "from", "as",
                   "be", "its", "their", "his", "her", "this", "that", "these", "those", "it", "which", "who",
                   "'s", "’s", "or", "into", "than", "also", "have", "there", "they", "he", "she", "we"})
_KEEP_FUNCTION = frozenset({"not", "no", "never", "must", "should", "will", "would", "could", "may", "might",
                            "unless", "if", "against", "cannot"})


def features(sent, triggers: list[Trigger] | None = None) -> list[str]:
    """Sparse binary features of one sentence for the typer: lemmas, trigger types and their context."""
    if triggers is None:
        triggers = find_triggers(sent)
    feats: set[str] = set()
    for token in sent:
        lemma = _lemma(token)
        if token.is_punct or token.is_space or token.like_num:
            continue
        if (token.is_stop or lemma in _STOP) and lemma not in _KEEP_FUNCTION:
            continue
        feats.add("w=" + lemma)
        if token.dep_ == "ROOT":
            feats.add("root=" + lemma)
        if token.ent_type_:
            feats.add("ent=" + token.ent_type_)
    for trig in triggers:
        feats.add("t=" + trig.type)
        feats.add("tl=" + trig.lemma)
        if trig.mode:
            feats.add(f"tm={trig.type}|{trig.mode}")
        for flag, on in (("neg", trig.negated), ("fut", trig.future), ("must", trig.obligation)):
            if on:
                feats.add(f"t={trig.type}|{flag}")
        if trig.content is not None:
            feats.add("gov=" + trig.type)
            content = sent.doc[trig.content]
            entry = VERB_TRIGGERS.get(_lemma(content)) or NOUN_TRIGGERS.get(_lemma(content))
            if entry:
                feats.add(f"gc={trig.type}|{entry[0]}")
    if triggers:
        main = main_trigger(triggers)
        feats.add("t1=" + main.type)
        feats.add("r=" + str(rule_type(triggers)))
    else:
        feats.add("notrigger")
    return sorted(feats)


def rule_weight(triggers: list[Trigger]) -> float:
    """How far to trust ``rule_type`` against the model: fully when a strong trigger is the main predicate."""
    main = main_trigger(triggers)
    if main is None:
        return 0.0
    return 1.0 if main.depth == 0 and main.strength >= STRONG else 1.0 / 3.0


@dataclass(frozen=True)
class Typer:
    """A linear (softmax) model over sparse binary features; weights per feature, one per class."""

    classes: tuple[str, ...]
    bias: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]
    meta: dict

    def scores(self, feats: Iterable[str]) -> dict[str, float]:
        present = [self.weights[f] for f in feats if f in self.weights]
        norm = 1.0 / math.sqrt(max(len(present), 1))  # rows were L2-normalised in training
        logits = list(self.bias)
        for row in present:
            for k, w in enumerate(row):
                logits[k] += w * norm
        top = max(logits)
        exps = [math.exp(x - top) for x in logits]
        total = sum(exps)
        return {label: e / total for label, e in zip(self.classes, exps)}


MODEL_PATH = "data/events/model.json"  # inside the livebrief package


@functools.lru_cache(maxsize=1)
def load_typer() -> Typer:
    """The trained typer shipped in ``livebrief/data/events/model.json``, loaded once per process."""
    from livebrief.errors import AnalysisError

    try:
        raw = json.loads(resources.files("livebrief").joinpath(MODEL_PATH).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise AnalysisError(f"event typer model livebrief/{MODEL_PATH} is missing; "
                            "run scripts/train_events.py") from exc
    return typer_from_dict(raw)


def typer_from_dict(raw: dict) -> Typer:
    classes = tuple(raw["classes"])
    return Typer(classes=classes, bias=tuple(raw["bias"]),
                 weights={f: tuple(w) for f, w in raw["weights"].items()}, meta=raw.get("meta", {}))


def classify(sent, triggers: list[Trigger] | None = None, *, typer: Typer | None = None) -> dict[str, float]:
    """Probabilities of each PLOVER type (and NONE) for one sentence."""
    typer = typer or load_typer()
    return typer.scores(features(sent, triggers))


def keyword_type(sent) -> str | None:
    """The keyword baseline: the type of the first lexicon lemma in the sentence, no parse rules."""
    for token in sent:
        entry = VERB_TRIGGERS.get(_lemma(token)) if token.pos_ == "VERB" else NOUN_TRIGGERS.get(_lemma(token))
        if entry is not None:
            return entry[0]
    return None


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
