"""Event triggers over the dependency parse, and the sentence type the rules alone give."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from livebrief.nlp.plover.labels import CONFLICTUAL, COOPERATIVE
from livebrief.nlp.lexicon import LEMMA_FIXES
from livebrief.nlp.plover.lexicon import (
    ACCESS_OBJECTS, AGREEMENT_NOUNS, AID_OBJECTS, ARMED_FORCES, ARMS, BACKGROUND_PREPS, BLOCKADES, CONTAINER_NOUNS,
    DEMANDS, DIPLOMATIC_OBJECTS, EASING_VERBS, EFFORT_NOUNS, FIRING_VERBS, FRONTIERS, FUTURE_AUX, GOVERNING_PHRASES,
    GOVERNORS, HUMANITARIAN_WORDS, LIGHT_ONLY_NOUNS, LIGHT_VERBS, MILITARY_HARDWARE, NATURAL_FORCES, NEGOTIATIONS,
    NON_EVENT_OBJECTS, NOUN_TRIGGERS, NO_COMMENT, OBLIGATION_AUX, PHRASAL_TRIGGERS, PROTESTERS, REFUGEES,
    REPORTING_VERBS, RESTRICTIONS, RETREAT_EASINGS, RETURNERS, RULE_NOUNS, SHARED_GOODS, SHIPMENTS, SPORTS_WORDS,
    STRIKE_WORDS, TERRITORY_OBJECTS, TOPIC_HEADS, TRADE_WORDS, TRAINEES, TROOPS, UNREALISED, VERB_TRIGGERS,
    WEAK_VERBS, WEAPON_NOUNS,
)
from livebrief.nlp.quote_cues import is_agent_like

SCORE = re.compile(r"^\d{1,2}[-–]\d{1,2}$")  # a match score: "3-1"
STRONG = 0.8  # trigger strength from which a cue is unambiguous (weak cues: bare nouns, ambiguous verbs)


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
    lemma = token.lemma_.lower()
    return LEMMA_FIXES.get(lemma, lemma)  # the model's wrong lemmas: "retook" -> "retake"


def _particle(token) -> str | None:
    for child in token.children:
        if child.dep_ in ("prt", "prep") and (_lemma(token), child.lower_) in PHRASAL_TRIGGERS:
            return child.lower_
    for child in token.children:  # "open fire", "set fire to"
        if child.dep_ == "dobj" and (_lemma(token), child.lower_) in PHRASAL_TRIGGERS:
            return child.lower_
    return None


def _objects(token) -> list:
    """What a verb acts on: its objects, the objects of its prepositions, what they are coordinated with
    ("aerial photographs and other intelligence") and what a measure holds ("700 kg of medicine")."""
    found = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass", "attr", "oprd")]
    for child in token.children:
        if child.dep_ in ("prep", "agent", "dative"):
            found.extend(g for g in child.children if g.dep_ == "pobj")
    found.extend(c for noun in list(found) for c in noun.children if c.dep_ == "conj")
    for noun in found:  # grows as it goes: "tens of thousands of troops"
        if _lemma(noun) in CONTAINER_NOUNS:
            found.extend(g for of in noun.children if of.dep_ == "prep" and of.lower_ == "of"
                         for g in of.children if g.dep_ == "pobj")
    return found


def _direct_objects(token) -> list:
    return [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]


def _names(noun, lemmas) -> bool:
    """Whether a noun or its compound modifier is one of ``lemmas``: "talks", "the ceasefire agreement"."""
    return _lemma(noun) in lemmas or any(c.dep_ == "compound" and _lemma(c) in lemmas for c in noun.children)


def _emergency_rule(noun) -> bool:
    """"martial law", "a state of emergency"."""
    if _lemma(noun) == "law":
        return any(c.dep_ == "amod" and c.lower_ == "martial" for c in noun.children)
    return _lemma(noun) == "state" and any(
        c.dep_ == "prep" and c.lower_ == "of" and any(_lemma(g) == "emergency" for g in c.children)
        for c in noun.children)


def _let_in(verb) -> list:
    """Who is let do something: "inspectors" in "allowed UN inspectors to visit", parsed as the clause's subject."""
    return [g for c in verb.children if c.dep_ in ("ccomp", "xcomp") for g in c.children if g.dep_ == "nsubj"]


def _humanitarian(noun) -> bool:
    """"relief workers", "aid convoys", "humanitarian access", "UN aid agencies": people or goods bringing aid."""
    return any(c.dep_ in ("compound", "amod") and _lemma(c) in HUMANITARIAN_WORDS for c in noun.children) \
        or (_lemma(noun) in ("convoy", "access") and noun.dep_ != "pobj")


def _halts(verb) -> bool:
    """"ended", "suspended", "broke off", "called off": a verb that stops something under way."""
    lemma = _lemma(verb)
    return lemma in ("end", "halt", "suspend", "abandon", "freeze") or (
        lemma in ("break", "call") and any(c.dep_ == "prt" and c.lower_ == "off" for c in verb.children))


def _subjects(token) -> list:
    subjects = [c for c in token.children if c.dep_ in ("nsubj", "csubj")]
    head = token
    while not subjects and head.dep_ in ("xcomp", "conj", "advcl") and head.head.i != head.i:
        head = head.head
        subjects = [c for c in head.children if c.dep_ in ("nsubj", "csubj")]
    return subjects


def _aux(token) -> set[str]:
    token = _predicate(token)  # "must be ready to mediate": the copula carries the modal
    if token.pos_ == "NOUN":  # "will provide 25,000 tons of food aid": the aid is future
        while token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.pos_ in ("NOUN", "NUM"):
            token = token.head.head
        if token.dep_ in ("dobj", "pobj"):
            token = _verb_of(token)
    words = {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}
    head = token
    while (head.dep_ in ("xcomp", "conj") or _purpose(head)) and head.head.i != head.i:
        head = head.head  # "will try to meet", "will meet and sign", "will visit Dakar to mediate"
        words |= {c.lower_ for c in head.children if c.dep_ in ("aux", "auxpass")}
    if "going" in words or token.head.lower_ == "going":
        words.add("going")
    return words


def _purpose(token) -> bool:
    """"to mediate" in "will visit Dakar to mediate": an infinitive of purpose."""
    return token.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


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
        if kind == "RETREAT" and lemma == "pull" and any(
                c.dep_ == "dobj" and _lemma(c) not in TROOPS | ARMED_FORCES | MILITARY_HARDWARE | DIPLOMATIC_OBJECTS
                for c in token.children):
            return None  # "pulling people out of the mud" is a rescue; "pulled its troops out" a withdrawal
        conditions = {"in": ARMS if lemma in ("hand", "turn") else REFUGEES, "off": frozenset({"debt", "loan"})}
        if particle in conditions \
                and not any(_lemma(t) in conditions[particle] for o in _objects(token) for t in o.subtree):
            return None  # "handed in a petition", "took in the view", "wrote off the season"
        return kind, mode, 1.0
    if lemma in ("declare", "impose", "introduce", "proclaim", "extend") \
            and any(_emergency_rule(o) for o in _direct_objects(token)):
        return "COERCE", "martial-law", 1.0  # CAMEO 1724, "declared a state of emergency"
    if lemma in REPORTING_VERBS and lemma not in VERB_TRIGGERS:
        return None
    entry = VERB_TRIGGERS.get(lemma)
    object_tokens = _objects(token)
    objects = [_lemma(o) for o in object_tokens]
    subjects = {_lemma(s) for s in _subjects(token)}
    if lemma in FIRING_VERBS and any(o in WEAPON_NOUNS for o in objects):
        return "ASSAULT", None, 1.0
    if lemma == "train" and (set(objects) | {_lemma(c) for c in token.children if c.dep_ == "nsubjpass"}) & TRAINEES:
        return "AID", "military", 0.8  # "the US is training Ukrainian pilots", "pilots will be trained in Arizona"
    if lemma in ("accept", "accede", "heed", "grant") and any(o in DEMANDS for o in objects):
        return "CONCEDE", None, 1.0  # CAMEO 083, "accepted demands from the rebels"
    if lemma in ("lift", "ease", "relax", "loosen") and any(o in BLOCKADES for o in objects):
        return "RETREAT", "withdraw", 1.0  # CAMEO 0872, "the army lifted a day-old blockade"
    if lemma in ("establish", "reestablish", "re-establish", "restore", "resume", "normalise", "normalize", "renew",
                 "upgrade") \
            and any(_lemma(o) in ("relation", "tie") for o in _direct_objects(token)):
        return "SUPPORT", None, 1.0  # CAMEO 054, "established diplomatic relations"
    if lemma == "mass" and subjects & PROTESTERS:
        return "PROTEST", "demo", 1.0  # "protesters massed in Tahrir Square"
    if lemma in ("mass", "concentrate", "move", "rush", "redeploy", "position", "send", "dispatch", "fly") \
            and any(o in ARMED_FORCES | MILITARY_HARDWARE for o in objects) \
            and (lemma not in ("send", "dispatch", "fly") or any(o in FRONTIERS for o in objects)):
        return "MOBILIZE", "troops", 1.0  # CAMEO 154, "moved two divisions to the Line of Control"
    if lemma in EASING_VERBS and any(_names(o, RETREAT_EASINGS) for o in _direct_objects(token)):
        return "RETREAT", None, 1.0  # CAMEO 085, "eased sanctions on Sudan", "lifted its arms embargo"
    if lemma in ("receive", "admit", "accept", "allow", "welcome", "host", "permit", "let") \
            and any(_lemma(o) in ACCESS_OBJECTS for o in object_tokens + _let_in(token)):
        return "RETREAT", "access", 1.0  # CAMEO 086, "received a mission of observers from the OSCE"
    if lemma in ("allow", "permit", "let") and any(_humanitarian(o) for o in object_tokens + _let_in(token)):
        return "RETREAT", "access", 1.0  # CAMEO 0863, "let humanitarian convoys into Madaya"
    if lemma == "open" and any(_humanitarian(o) for o in object_tokens if o.head.lower_ == "to"):
        return "RETREAT", "access", 1.0  # CAMEO 0863, "opened the combat zone to UN aid agencies"
    if lemma in ("allow", "permit", "grant") and "access" in objects:
        return "RETREAT", "access", 1.0  # CAMEO 0863, "allowed humanitarian access"
    if _halts(token) and any(_names(o, NEGOTIATIONS) for o in _direct_objects(token)):
        return "SANCTION", "withdraw", 1.0  # CAMEO 164/165, "ended mediation efforts", "broke off talks"
    if lemma in ("cancel", "remove", "scrap", "revoke", "repeal", "abolish", "rescind", "lift", "ease", "relax") \
            and any(_names(o, RESTRICTIONS) for o in _direct_objects(token)):
        return "CONCEDE", None, 1.0  # CAMEO 081, "the court cancelled restrictions on the use of Russian"
    if entry is None:
        return None
    kind, mode = entry
    if lemma == "return" and not any(c.dep_ in ("dobj", "nsubjpass") for c in token.children) \
            and not subjects & (TROOPS | RETURNERS):
        return None  # "negotiators return to Geneva for talks" travel; troops and hostages that return retreat
    if kind == "ASSAULT" and (_natural_force(token) or (lemma in ("beat", "defeat", "rout", "thrash", "crush")
                                                       and _sports_report(token))):
        return None  # "the storm struck", "England beat Scotland 3-1 in a friendly"
    # A participle's noun is what it acts on: "footage released by the agency" is no release of prisoners.
    modified = [_lemma(token.head)] if token.dep_ == "acl" and token.tag_ == "VBN" else []
    if lemma in NON_EVENT_OBJECTS and any(o in NON_EVENT_OBJECTS[lemma] for o in objects + modified):
        if lemma == "strike" and any(o in AGREEMENT_NOUNS for o in objects):
            return "AGREE", None, 1.0
        return None
    strength = 1.0
    if lemma in ("strike", "march", "block", "rally") and subjects & PROTESTERS:
        return "PROTEST", "strike" if lemma == "strike" else ("obstruct" if lemma == "block" else "demo"), 1.0
    if lemma == "strike" and kind == "ASSAULT" and not objects:
        strength = 0.6
    if lemma == "share" and not any(o in SHARED_GOODS for o in objects):
        return None  # "videos shared on social media"; "share intelligence" is cooperation
    if lemma == "require" and _obliged_by_rule(token):
        return None  # "EU rules that will require a common port" oblige; no one asks anyone
    if lemma == "upgrade" and not objects and not any(c.dep_ == "nsubjpass" for c in token.children):
        return None  # "upgraded ties with Hanoi" is support; "a reason to upgrade" (a phone) is not
    if lemma == "regain" and not any(o in TERRITORY_OBJECTS for o in objects):
        return None  # "regained control of the rigs" retakes ground; "regained consciousness" does not
    if lemma in ("mobilize", "mobilise") and objects and not any(o in ARMED_FORCES for o in objects):
        return None  # "mobilised pressure groups to support …" rallies support; only forces mobilise (CAMEO 15)
    if lemma in ("arrive", "land", "tour") and subjects & TROOPS:
        return None  # soldiers arriving by boat are no visit
    if lemma == "violate" and any(_names(o, {"ceasefire", "truce", "armistice"}) for o in object_tokens):
        return "ASSAULT", None, 1.0  # CAMEO 196, "violate ceasefire"
    if lemma == "protest" and not (subjects & PROTESTERS) and any(
            s.ent_type_ == "GPE" or _lemma(s) in ("government", "ministry", "embassy", "foreign")
            for s in _subjects(token)):
        return "ACCUSE", "disapprove", 1.0
    if lemma == "welcome" and not any(o.ent_type_ in ("PERSON", "GPE", "NORP", "ORG") or o.pos_ == "PROPN"
                                      for o in object_tokens):
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
    if lemma in ("decline", "refuse") and any(
            c.dep_ == "xcomp" and _lemma(c) in REPORTING_VERBS | NO_COMMENT for c in token.children):
        return None  # "declined to comment", "refused to say whether …": no answer, no rejection
    if lemma in ("ask", "request", "speak") and _anonymity(token):
        return None  # "asking not to be named": a source's terms, not a request
    if lemma in ("arrive", "land") and subjects & SHIPMENTS:
        # "aid flights began arriving": a delivery, not a visit
        return ("AID", None, 0.8) if any(_lemma(c) in AID_OBJECTS | {"aid", "humanitarian", "relief"}
                                         for s in _subjects(token) for c in s.children) else None
    if lemma == "warn" and not _warns_someone(token):
        return None  # "warned that the number would rise": a forecast, not a threat
    if lemma in ("fight",) and token.pos_ != "VERB":
        return None
    return kind, mode, strength


def _unrealised(verb) -> bool:
    particles = {c.lower_ for c in verb.children if c.dep_ == "prt"}
    return _lemma(verb) in UNREALISED or any((_lemma(verb), p) in UNREALISED for p in particles)


def _anonymity(verb) -> bool:
    """"asking not to be named", "who asked not to be identified", "speaking on condition of anonymity"."""
    for child in verb.children:
        if child.dep_ == "xcomp" and _lemma(child) in ("name", "identify", "quote") \
                and any(c.dep_ == "neg" for c in child.children):
            return True
        if child.dep_ == "prep" and any(_lemma(g) in ("condition", "anonymity") for g in child.subtree):
            return True
    return False


def _natural_force(verb) -> bool:
    """A storm, quake or flood as the subject: "the storm struck on Sunday", "Storm Daniel hit Derna"."""
    return any(_lemma(s) in NATURAL_FORCES or any(_lemma(c) in NATURAL_FORCES for c in s.children
                                                   if c.dep_ == "compound")
               for s in _subjects(verb))


def _sports_report(verb) -> bool:
    """A match result: a score ("3-1") or a word of sport in the sentence."""
    return any(_lemma(t) in SPORTS_WORDS or SCORE.match(t.text) for t in verb.sent)


def _warns_someone(warn) -> bool:
    """A warning is a threat when it has an addressee ("warned Moscow"), a topic ("warned of retaliation")
    or someone's action as its clause ("warned that police will no longer tolerate rallies"); not when it
    foretells how things go ("warned that the number would rise")."""
    children = list(warn.children)
    if any(c.dep_ in ("dobj", "dative", "prep", "xcomp") for c in children):
        return True
    clauses = [c for c in children if c.dep_ == "ccomp"]
    return not clauses or any(not _subjects(c) or any(is_agent_like(s) or s.pos_ == "PRON" for s in _subjects(c))
                              for c in clauses)


def _obliged_by_rule(verb) -> bool:
    """The subject of "require" is a rule, law or treaty ("rules that will require …")."""
    for subject in _subjects(verb):
        if subject.lower_ in ("that", "which") and verb.dep_ == "relcl":
            subject = verb.head
        if _lemma(subject) in RULE_NOUNS:
            return True
    return False


def _call_by_phone(token) -> bool:
    """"spoke by phone with", "talked on the phone": a verb's phone call. Not a phone as a thing ("a charging
    port on phones"), nor the line a quote reached a reporter by ("“…,” one resident told GlobalDesk by
    phone")."""
    if not (token.dep_ == "pobj" and token.head.lower_ in ("by", "over", "on", "via")):
        return False
    verb = token.head.head
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    sent = token.sent
    quoted = any(t.is_quote for t in sent if t.i < verb.i)
    return not (_lemma(verb) in ("say", "tell") and quoted)


def _noun_entry(token) -> tuple[str, str | None, float] | None:
    lemma = _lemma(token)
    if lemma in WEAPON_NOUNS and token.dep_ in ("dobj", "nsubj", "nsubjpass") and \
            _lemma(token.head) in FIRING_VERBS:
        return "ASSAULT", None, 0.8
    if lemma in ("ban", "restriction", "curb", "quota") and token.dep_ not in ("compound", "amod") and any(
            _lemma(c) in TRADE_WORDS for c in token.children if c.dep_ in ("compound", "amod", "nmod")):
        return "SANCTION", "discontinue", 0.6  # "an EU-wide import restriction", "the grain ban"
    if lemma == "training" and token.dep_ not in ("compound", "amod", "nmod", "poss") \
            and any(_lemma(t) in TRAINEES for t in token.subtree if t.i != token.i):
        return "AID", "military", 0.6  # "F-16 training for Ukrainian pilots"
    entry = NOUN_TRIGGERS.get(lemma)
    if lemma == "access" and any(_lemma(c) in ("humanitarian", "aid", "relief") for c in token.children):
        entry = ("RETREAT", "access")  # CAMEO 0863, "humanitarian access to Darfur has improved"
    if entry is None:
        return None
    if token.dep_ == "compound" and _lemma(token.head) in EFFORT_NOUNS:
        token = token.head  # "undertook a mediation mission": the mission stands where the mediation would
    if token.dep_ in ("compound", "amod", "nmod", "poss") and lemma != "hunger":
        return None  # "attack drones", "the summit's agenda"
    if token.dep_ == "dobj" and _unrealised(token.head):
        return None  # "fear an attack", "avoid a war", "setting up a clash with Brussels": nothing happened
    if any(c.dep_ == "det" and c.lower_ == "any" for c in token.children):
        return None  # "any such deal would prolong the war": a deal no one has made
    if lemma == "phone" and not _call_by_phone(token):
        return None  # "spoke by phone" is a call; "the phones go on sale", "a port on phones" are not
    if lemma == "welcome" and not _welcomes_someone(token):
        entry = ("SUPPORT", None)  # "a warm welcome to de Klerk" hosts him; "a cautious welcome to the plan" backs it
    if lemma == "alert" and any(_lemma(c) in ("raid", "air", "siren") for c in token.children):
        return None  # air-raid alerts warn civilians; troops on alert are mobilised
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
    if phrase.dep_ == "pobj" and phrase.head.lower_ in ("on", "about") and _lemma(phrase.head.head) in TOPIC_HEADS:
        return None  # "comments on strikes in Crimea": the topic of a remark, not an event of this report
    if lemma == "strike" and _labour_strike(token):
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


def _welcomes_someone(welcome) -> bool:
    """Whether the noun "welcome" is given to a person or a body: "gave a warm welcome to the premier",
    "gave the pope a warm welcome"; not "a cautious welcome to the plan"."""
    given = [g for holder in (welcome, welcome.head) for p in holder.children
             if p.dep_ in ("prep", "dative") and p.lower_ == "to" for g in p.children if g.dep_ == "pobj"]
    given += [c for c in welcome.head.children if c.dep_ == "dative" and c.pos_ != "ADP"]
    return any(g.ent_type_ in ("PERSON", "GPE", "NORP", "ORG") or g.pos_ == "PROPN" or is_agent_like(g)
               for g in given)


def _labour_strike(strike) -> bool:
    """Whether the noun "strike" is a stoppage of work: by its own modifiers ("a general strike", "the miners'
    strike"), by "on strike", or by the subject of the verb it goes with ("workers stopped work on the first
    day of an open-ended strike"), never by any word of the sentence ("24 people were hurt and the strike
    started a fire")."""
    if strike.dep_ == "pobj" and strike.head.lower_ == "on":
        return True  # "went on strike"
    verb = strike.head
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    holders = [*strike.children, *(t for subject in _subjects(verb) for t in subject.subtree)]
    return any(_lemma(c) in PROTESTERS | STRIKE_WORDS for c in holders)


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
        if child.dep_ == "ccomp" and _lemma(head) not in GOVERNORS:
            for noun in head.children:  # "reiterated its demand that Israel ease restrictions": the parser
                if noun.dep_ == "dobj" and noun.pos_ == "NOUN" and noun.i < child.i \
                        and GOVERNORS.get(_lemma(noun)) == "REQUEST":  # hangs the clause on the verb
                    return noun, "REQUEST"
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
        if entry is None and token.pos_ in ("VERB", "AUX") and _obligation(token) and _stated(token):
            entry = ("REQUEST", None, 0.9)  # "Libya must hand over the suspects, the minister said"
        elif entry is not None and _obligation(token) and entry[0] in COOPERATIVE | {"REQUEST"} and _stated(token):
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
        if _unanswered(token) or _open_clause(token):
            continue  # "officials did not say which weapons had been used", "a debate over whether …"
        governed = _governor(token)
        negated = _negated(token)
        if governed is not None:
            gov, gov_kind = governed
            if gov_kind == "AGREE" and kind in CONFLICTUAL and _lemma(gov) != "agree":
                gov_kind = "THREATEN"  # "vowed to retaliate"; "agreed to hold joint exercises" is an agreement
            if gov_kind == "REJECT" and kind == "ASSAULT" and _lemma(gov) == "deny":
                gov_kind = "REJECT"
            if _negated(gov) and gov_kind in ("AGREE", "REQUEST"):
                gov_kind = "REJECT"
            elif gov_kind == "AGREE" and _obligation(gov) and _stated(_predicate(gov)):
                gov_kind = "REQUEST"  # "the US must be ready to mediate": a demand on the US, not its pledge
            if _lemma(gov) == "order" and token.dep_ == "dobj" and token.pos_ == "NOUN":
                gov_kind = kind  # "ordered patrols" is MOBILIZE, "ordered the arrest" COERCE
            if gov_kind == "REQUEST" and _purpose_of(gov, raw_kinds, "PROTEST"):
                continue  # the demand of a protest is not a separate event (PLOVER 3.12)
            trig = Trigger(gov.i, gov_kind, _content_mode(gov_kind, kind, mode), _lemma(gov), content=token.i,
                           negated=_negated(gov), future=_future(gov), obligation=_obligation(gov),
                           strength=1.0 if gov.dep_ not in ("acl", "relcl") else 0.5, depth=_depth(gov),
                           conditional=_conditional(gov, gov_kind), token=gov)
        else:
            if negated and kind in COOPERATIVE:
                kind, mode = "REJECT", None
            trig = Trigger(token.i, kind, mode, _lemma(token), negated=negated, future=_future(token),
                           obligation=_obligation(token), strength=strength, depth=_depth(token),
                           conditional=_conditional(token, kind), token=token)
        old = triggers.get(trig.i)
        if old is not None and (old.strength, old.content is not None) >= (trig.strength, trig.content is not None):
            continue  # keep the strongest reading of a token, and the governing one ("urged X to agree")
        triggers[trig.i] = trig
    # Governing verbs that are triggers themselves ("agreed", "urged") are kept once, as governors.
    governed_away = {t.content for t in triggers.values() if t.content is not None}
    return sorted((t for i, t in triggers.items() if i not in governed_away), key=lambda t: t.i)


def _predicate(token):
    """The verb of a predicate adjective ("be" in "must be ready"), else the token."""
    return token.head if token.pos_ == "ADJ" and token.dep_ == "acomp" else token


def _stated(token) -> bool:
    """A clause someone puts forward: the sentence's own, one a reporting verb reports, or one a noun states
    ("a stern reminder to Iraq that it must cooperate")."""
    return token.dep_ == "ROOT" or _lemma(token.head) in REPORTING_VERBS or (
        token.dep_ in ("acl", "ccomp") and token.head.pos_ == "NOUN")


def _unanswered(token) -> bool:
    """Inside a question someone left open: "did not say which port had been hit", "declined to say whether
    …"."""
    node = token
    for _ in range(4):
        head = node.head
        if head.i == node.i:
            return False
        if node.dep_ == "ccomp" and _lemma(head) in REPORTING_VERBS | {"disclose", "reveal", "specify", "know"} \
                and (_negated(head) or _lemma(head.head) in ("decline", "refuse") and head.dep_ == "xcomp") \
                and any(t.tag_ in ("WDT", "WP", "WRB") or t.lower_ in ("whether", "if")
                        for t in node.doc[node.left_edge.i:node.i]):
            return True
        node = head
    return False


def _open_clause(token) -> bool:
    """In a "whether", "if" or "unless" clause, an open question or a condition: "a debate over whether she
    should be allowed to return", "would meet the mediator if he gave them a veto"."""
    node = token
    for _ in range(4):
        if any(c.dep_ == "mark" and c.lower_ in ("whether", "if", "unless") for c in node.children):
            return True
        if node.dep_ in ("ROOT", "ccomp", "advcl", "pcomp", "csubj", "relcl", "acl") or node.head.i == node.i:
            return False
        node = node.head
    return False


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


def _conditional(token, kind: str) -> bool:
    """"will withdraw ... unless", "may halt ... if": a conditional future that reads as a threat. An act of
    force on a condition threatens; a cooperative one threatens only "unless" ("would meet Cordovez if he
    gave them a veto" is an offer)."""
    marks = {m.lower_ for c in token.children if c.dep_ == "advcl" for m in c.children if m.dep_ == "mark"}
    return "unless" in marks or ("if" in marks and kind in CONFLICTUAL)


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


def rule_weight(triggers: list[Trigger]) -> float:
    """How far to trust ``rule_type`` against the model: fully when a strong trigger is the main predicate."""
    main = main_trigger(triggers)
    if main is None:
        return 0.0
    rule = rule_type(triggers)
    if rule != main.type and (main.conditional or main.future):
        # a coding convention ("will visit" is AGREE, "will withdraw ... unless" THREATEN), not a cue to weigh
        return 2.0
    return 1.0 if main.depth == 0 and main.strength >= STRONG else 1.0 / 3.0


def keyword_type(sent) -> str | None:
    """The keyword baseline: the type of the first lexicon lemma in the sentence, no parse rules."""
    for token in sent:
        entry = VERB_TRIGGERS.get(_lemma(token)) if token.pos_ == "VERB" else NOUN_TRIGGERS.get(_lemma(token))
        if entry is not None:
            return entry[0]
    return None
