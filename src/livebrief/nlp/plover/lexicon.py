"""PLOVER lexicons: trigger lemmas -> (type, mode), governing verbs, the word sets the parse rules read, mode cues."""

from __future__ import annotations

from collections.abc import Iterable

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
    "recapture": ("ASSAULT", None), "retake": ("ASSAULT", None),
    "regain": ("ASSAULT", None), "overrun": ("ASSAULT", None),
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
    "distribute": ("AID", "humanitarian"), "airdrop": ("AID", "humanitarian"), "vaccinate": ("AID", "humanitarian"),
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
    # with conditions on the object in triggers._verb_entry: weapons handed in, refugees taken in, debt written off
    ("hand", "in"): ("RETREAT", "disarm"), ("turn", "in"): ("RETREAT", "disarm"), ("take", "in"): ("AID", "asylum"),
    ("write", "off"): ("AID", "economic"), ("lash", "out"): ("ACCUSE", "disapprove"),
}

NOUN_TRIGGERS: dict[str, tuple[str, str | None]] = {
    "agreement": ("AGREE", None), "deal": ("AGREE", None), "accord": ("AGREE", None),
    "treaty": ("AGREE", None), "ceasefire": ("RETREAT", "ceasefire"), "truce": ("RETREAT", "ceasefire"),
    "meeting": ("CONSULT", None), "summit": ("CONSULT", None), "talk": ("CONSULT", None),
    "negotiation": ("CONSULT", None), "visit": ("CONSULT", "visit"), "consultation": ("CONSULT", None),
    "mediation": ("CONSULT", "third-party"), "phone": ("CONSULT", "phone"), "welcome": ("CONSULT", "visit"),
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
    "condolence": ("SUPPORT", None), "gratitude": ("SUPPORT", None), "apology": ("SUPPORT", None),
    "solidarity": ("SUPPORT", None), "backing": ("SUPPORT", None), "approval": ("SUPPORT", None),
    "sympathy": ("SUPPORT", None), "congratulation": ("SUPPORT", None), "remorse": ("SUPPORT", None),
    "inquiry": ("ACCUSE", "investigate"), "disapproval": ("ACCUSE", "disapprove"),
    "pullout": ("RETREAT", "withdraw"), "mobilisation": ("MOBILIZE", "troops"), "manoeuvre": ("MOBILIZE", "troops"),
    "maneuver": ("MOBILIZE", "troops"),
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
LIGHT_ONLY_NOUNS = frozenset({"welcome", "support", "praise", "recognition", "concern", "call", "opposition",
                              "release", "charge", "offer", "promise", "request", "regret", "cooperation",
                              "occupation", "reinforcement", "ban", "warning", "criticism", "solidarity", "backing",
                              "approval", "sympathy", "congratulation", "remorse", "disapproval", "manoeuvre",
                              "maneuver"})

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
    "receive": frozenset({"treatment", "care", "injury", "wound", "call", "letter", "message", "email", "sentence",
                          "award", "prize", "degree", "salary", "pay", "vote", "support", "threat", "diagnosis"}),
    "share": frozenset({"post", "video", "photo", "image", "view", "concern", "story", "border"}),
    "back": frozenset(), "hit": frozenset({"record", "high", "low", "target", "market", "headline", "mark"}),
    "strike": frozenset({"deal", "agreement", "accord", "bargain", "balance", "tone", "chord", "note"}),
    "target": frozenset({"audience", "market", "voter", "inflation"}),
    "lift": frozenset(), "ease": frozenset({"pressure", "concern", "fear", "tension"}),
    "exchange": frozenset({"view", "idea", "greeting", "word", "pleasantry", "gift"}),
    "order": frozenset({"food", "meal", "drink", "book", "copy"}),
    "cancel": frozenset({"flight", "show", "concert", "game", "match", "event", "order"}),
    "sentence": frozenset(), "burn": frozenset({"calorie", "fuel", "money", "cash"}),
    "reinforce": frozenset({"conviction", "belief", "view", "message", "perception", "impression", "idea",
                            "stereotype", "notion", "point", "argument", "case", "sense", "image", "narrative"}),
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
# What "share" takes to be cooperation ("share intelligence"), and what "regain" takes to be retaking
# ground, like "retake" (ACLED's territory-change events, ASSAULT in our CASE mapping).
SHARED_GOODS = frozenset({"intelligence", "information", "technology", "data", "expertise", "know-how",
                          "resource", "burden", "cost", "experience", "research", "satellite"})
TERRITORY_OBJECTS = frozenset({"control", "territory", "town", "village", "city", "ground", "position",
                               "area", "region", "island", "port", "airport", "base", "platform", "rig",
                               "district", "settlement", "hill", "bridgehead", "border", "crossing"})
# Subjects that make "arrive"/"land" troop movements rather than visits.
TROOPS = frozenset({"soldier", "troop", "force", "fighter", "marine", "paratrooper", "unit", "militant",
                    "commando", "sailor", "reinforcement"})
# Who is trained when training is military aid: "training Ukrainian pilots on F-16s".
TRAINEES = TROOPS | frozenset({"pilot", "crew", "recruit", "cadet", "officer", "personnel", "army", "navy"})
# What obliges without anyone asking: "EU rules that will require a common charging port" is no REQUEST.
RULE_NOUNS = frozenset({"rule", "law", "regulation", "directive", "legislation", "treaty", "constitution", "statute",
                        "code", "standard", "bill", "act", "provision", "clause", "guideline"})
# What one declines to do when one declines to answer: "declined to comment", "refused to disclose".
NO_COMMENT = frozenset({"comment", "elaborate", "discuss", "specify", "disclose", "reveal", "detail", "answer",
                        "speculate", "identify", "name"})
# Verbs (and verb + particle) whose object event has not happened: "officials fear an attack", "to avoid a
# war", "ruled out a strike", "setting up a clash with Brussels".
UNREALISED = frozenset({"fear", "risk", "avoid", "prevent", "avert", "forestall", "dread", ("rule", "out"),
                        ("set", "up")})
TRADE_WORDS = frozenset({"import", "export", "trade", "grain", "oil", "gas", "tariff", "transit", "shipping"})
# Subjects that make "arrive"/"land" a delivery rather than a visit: "aid flights began arriving".
SHIPMENTS = frozenset({"flight", "plane", "aircraft", "convoy", "shipment", "delivery", "cargo", "consignment",
                       "truck", "lorry", "vessel", "freighter", "supply", "aid"})
# Subjects that make "struck", "hit", "destroyed", "killed" a disaster, not an act of force.
NATURAL_FORCES = frozenset({"storm", "earthquake", "quake", "flood", "flooding", "hurricane", "cyclone", "typhoon",
                            "tornado", "tsunami", "wildfire", "landslide", "mudslide", "avalanche", "drought",
                            "heatwave", "lightning", "rain", "rainfall", "snow", "blizzard", "wave", "disaster",
                            "eruption", "volcano", "outbreak", "epidemic", "pandemic", "virus", "disease"})
# Words of a sports report: "England beat Scotland 3-1 in a friendly" is no beating.
SPORTS_WORDS = frozenset({"match", "friendly", "game", "goal", "cup", "league", "tournament", "championship",
                          "final", "semifinal", "stadium", "coach", "striker", "midfielder", "goalkeeper", "team",
                          "score", "scored", "olympics", "medal", "race", "set", "innings", "wicket"})
# Heads whose "on/about X" names the topic of a remark: "comments on strikes", "questions about attacks".
TOPIC_HEADS = frozenset({"comment", "remark", "speak", "talk", "write", "report", "question", "ask", "say",
                         "brief", "testify", "elaborate", "statement", "information", "detail", "speculate"})
# Modifiers of the noun "strike" that make it a stoppage of work ("a general strike", "a hunger strike").
STRIKE_WORDS = frozenset({"general", "labour", "labor", "national", "hunger", "union", "work"})
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

# Nouns that measure or carry what is handed over; the noun after "of" is the object: "700 kg of medicine",
# "a mission of observers".
CONTAINER_NOUNS = frozenset({"kg", "kilogram", "kilo", "ton", "tonne", "pound", "litre", "liter", "gallon", "barrel",
                             "shipment", "consignment", "load", "truckload", "planeload", "shipload", "batch", "box",
                             "crate", "bag", "sack", "carton", "parcel", "pallet", "quantity", "amount", "mission",
                             "team", "contingent", "deployment", "group", "ten", "dozen", "score", "hundred",
                             "thousand"})
# Who a host lets in when it "allows international involvement" (CAMEO 086, PLOVER RETREAT/access).
ACCESS_OBJECTS = frozenset({"observer", "monitor", "inspector", "peacekeeper", "investigator", "convoy"})
# Words that name people or goods bringing aid ("relief workers", "aid convoys"), whom a host lets in.
HUMANITARIAN_WORDS = frozenset({"aid", "relief", "humanitarian", "rescue", "medical"})
# What a side lifts when it retreats rather than concedes (CAMEO 085 "ease economic sanctions, boycott, embargo").
# The 2021 table also makes easing a curfew or a state of emergency RETREAT (0813/0814), but the PLOVER gold records
# code "lifted a state of emergency" CONCEDE, so those stay with RESTRICTIONS.
RETREAT_EASINGS = frozenset({"sanction", "embargo", "boycott"})
EASING_VERBS = frozenset({"lift", "ease", "relax", "loosen", "end", "scrap", "waive", "remove", "revoke", "rescind",
                          "cancel", "suspend"})
# Ships and armour a side moves to show force (CAMEO 15), besides its troops.
MILITARY_HARDWARE = frozenset({"carrier", "warship", "armour", "armor", "tank", "destroyer", "frigate", "submarine",
                               "battleship", "bomber", "commando", "contingent"})
# Where forces sent somewhere are a show of force rather than help (CAMEO 154 "mobilize or increase armed forces").
FRONTIERS = frozenset({"border", "frontier", "strait", "coast", "boundary"})
# Who is taken in when a country grants refuge (CAMEO 075 "grant asylum").
REFUGEES = frozenset({"refugee", "migrant", "asylum", "seeker", "dissident", "family", "orphan", "child", "people",
                      "civilian", "exile", "evacuee"})
# What forces hand in when they disarm (CAMEO 0873 "demobilize armed forces").
ARMS = frozenset({"weapon", "arm", "gun", "rifle", "arsenal", "ammunition", "explosive", "mine"})
# What a besieging side eases when it retreats (CAMEO 0872 "ease military blockade").
BLOCKADES = frozenset({"blockade", "siege"})
# What a side gives in to when it concedes (CAMEO 083 "accede to demands").
DEMANDS = frozenset({"demand", "request", "ultimatum"})
# What a side mobilises when it shows force (CAMEO 15); "mobilised pressure groups" rallies support instead.
ARMED_FORCES = TRAINEES | frozenset({"reservist", "conscript", "police", "guard", "militia", "division", "brigade",
                                     "battalion", "regiment", "fleet", "military", "man", "volunteer", "recruit"})
# Nouns an event noun names the purpose of: "a mediation mission", "peace efforts", "a rescue bid".
EFFORT_NOUNS = frozenset({"mission", "effort", "bid", "attempt", "initiative", "operation", "campaign", "drive"})
# Talks a side halts when it reduces relations (CAMEO 164/165 "halt negotiations", "halt mediation").
NEGOTIATIONS = frozenset({"talk", "negotiation", "mediation", "dialogue", "dialog"})
# Limits a side lifts when it concedes (CAMEO 081 "ease administrative sanctions"): "cancelled restrictions".
RESTRICTIONS = frozenset({"restriction", "ban", "curb", "curfew", "limit", "prohibition", "censorship"})
# Who may come back without any release: soldiers and captives "return"; negotiators only travel.
RETURNERS = frozenset({"hostage", "prisoner", "captive", "detainee", "body", "remains"})

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
