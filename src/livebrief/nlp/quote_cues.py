"""Cues: which tokens report speech, thought or a stance, and what words they report.

``is_cue(token, quoted)`` says whether a token is a cue (a verb of saying, believing or taking a stand
from ``lexicon``, "according to", a cue noun with its holder, "in X's view", an opening "in a poll",
"X is a critic of", "X sees Y as Z", or any verb with a person as subject and a clause as object);
``reported_clause(token, quoted)`` gives the token range of what it reports. Who holds the view is
``quote_speakers``' business.
"""

from __future__ import annotations

from collections.abc import Sequence

from livebrief.nlp import lexicon
from livebrief.nlp.datelines import dateline_end

def cue_text(token) -> str:
    """The cue as the quote records it: "said", "according to", "critic" (for "is a critic of"), "pointed out"."""
    if token.lower_ == "according":
        return "according to"
    if token.pos_ == "NOUN" and finding_clause(token) is not None:
        return "in"  # "in a new poll, …"
    if token.lemma_ == "be":  # "is a critic of", "is opposed to": the stance word is the cue
        for child in token.children:
            if child.dep_ in ("attr", "acomp"):
                return child.text
    parts = [token.text] + [c.text for c in token.children if c.dep_ == "prt"]
    return " ".join(parts)


def is_cue(token, quoted: list[bool]) -> bool:
    """Whether a token outside quotation marks reports speech, a thought or a stand."""
    if quoted[token.i]:
        return False
    if token.lower_ == "according" and token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "to":
        return True
    if token.pos_ == "NOUN":
        return (noun_cue_holder(token) is not None and _noun_cue_content(token) is not None) \
            or finding_clause(token) is not None
    if token.pos_ not in ("VERB", "AUX"):
        return False
    if lemma_of(token) == "be":
        return _copular_stance(token) is not None
    if lemma_of(token) in lexicon.AS_VERBS and _seen_as(token):
        return True
    if lemma_of(token) in lexicon.PHYSICAL_STANCE_VERBS:
        return _figurative(token)
    if lemma_of(token) in lexicon.OBJECT_SENSE_VERBS and _other_sense(token):
        return False  # "raised $3.2 million", "continued its search", "maintains a wide lead"
    if lemma_of(token) == "gather" and not any(c.dep_ == "ccomp" and c.i > token.i for c in token.children):
        return False  # "as ministers gathered in Brussels" meet; "I gather that …" infers
    if lemma_of(token) == "call" and any(c.dep_ == "oprd" for c in token.children) \
            and any(c.dep_ == "dobj" and c.lower_ in ("himself", "herself", "themselves", "itself", "myself",
                                                       "ourselves", "yourself") for c in token.children):
        return False  # "a man calling himself Paul", "Sanders calls himself a socialist": a name given
    if lemma_of(token) in ("deny", "refuse") and _withholds(token):
        return False  # "denied them the right to …", "denied prisoners access": withheld, not disputed
    if lemma_of(token) in CUE_LEMMAS:
        return True
    if lemma_of(token) == "read" and any(c.dep_ == "nsubj" and lemma_of(c) in lexicon.WRITTEN_NOUNS
                                         for c in token.children):
        return True  # "“…,” the statement read", "a sign read: …"
    if lemma_of(token) == "put" and token.dep_ in ("advcl", "ccomp", "parataxis") and _as_clause(token) \
            and any(c.dep_ == "dobj" and c.lower_ == "it" for c in token.children):
        return True  # "as one strategist put it, …"
    # Any verb with a person or group as subject and a clause as object reports a thought or an
    # utterance: "Clinton conceded that …", "aides fretted that …".
    if token.pos_ == "VERB" and lemma_of(token) not in lexicon.NOT_CUES and any(c.dep_ == "ccomp" for c in token.children):
        return any(c.dep_ == "nsubj" and is_agent_like(c) for c in token.children)
    return False


def _other_sense(verb) -> bool:
    """A verb of saying in its other sense: an object that is no topic of speech and no clause to report."""
    if any(c.dep_ in ("ccomp", "xcomp", "parataxis") for c in verb.children):
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return bool(objects) and all(lemma_of(o) not in lexicon.OBJECT_SENSE_VERBS[lemma_of(verb)] for o in objects)


def _withholds(verb) -> bool:
    """"deny someone something", "deny access / entry / a visa": the verb's withholding sense."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    return any(c.dep_ == "dative" for c in objects) or any(lemma_of(c) in lexicon.WITHHELD for c in objects)


def _figurative(verb) -> bool:
    """"Cruz attacked Trump", "slammed the plan": a stand. Not "forces attacked Odesa", "targeted ports"."""
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass"):
            if child.ent_type_ in ("GPE", "LOC", "FAC"):
                return False
            return child.ent_type_ in ("PERSON", "ORG", "NORP") or child.lower_ in ("him", "her", "them") \
                or lemma_of(child) in lexicon.FIGURATIVE_TARGETS or lemma_of(child) in lexicon.CUE_NOUNS
    return False


def _copular_stance(verb) -> tuple[int, int] | None:
    """What "X is a critic of …" / "X is opposed to …" / "X was confident that …" takes a stand on."""
    for child in verb.children:
        if child.dep_ == "attr" and lemma_of(child) in lexicon.STANCE_NOUNS:
            for prep in child.children:
                if prep.dep_ == "prep" and prep.lower_ in ("of", "for"):
                    objs = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
                    if objs:
                        return objs[0].left_edge.i, objs[0].right_edge.i + 1
        if child.dep_ == "acomp" and child.lower_ in lexicon.STANCE_ADJECTIVES:
            for comp in child.children:
                if comp.dep_ in ("ccomp", "xcomp"):
                    return comp.left_edge.i, comp.right_edge.i + 1
                if comp.dep_ == "prep" and comp.lower_ in ("to", "of", "about", "on", "with", "that"):
                    objs = [c for c in comp.children if c.dep_ in ("pobj", "pcomp")]
                    if objs:
                        return objs[0].left_edge.i, objs[0].right_edge.i + 1
    return None


def _seen_as(verb) -> bool:
    """"see/view/describe X as Y": an object and an "as" phrase, also when the parser hung the "as" phrase
    inside the object ("see the elections held Sunday as a test")."""
    children = list(verb.children)
    objects = [c for c in children if c.dep_ == "dobj"]
    return bool(objects) and (any(c.dep_ == "prep" and c.lower_ == "as" for c in children)
                              or any(t.dep_ == "prep" and t.lower_ == "as" for o in objects for t in o.subtree))


def _frame_clause(noun) -> tuple[int, int] | None:
    """The clause an "in X's view" / "by her account" phrase attributes, without the phrase."""
    prep = noun.head
    if lemma_of(noun) not in lexicon.FRAME_NOUNS or noun.dep_ != "pobj" or prep.lower_ not in ("in", "by", "to"):
        return finding_clause(noun)
    verb = prep.head
    if verb.pos_ not in ("VERB", "AUX") or prep.dep_ != "prep":
        return None
    return _clause_without(verb, prep)


def finding_clause(noun) -> tuple[int, int] | None:
    """The clause an opening "in a poll released Monday, …" attributes to the poll, without the phrase."""
    prep = noun.head
    if lemma_of(noun) not in lexicon.FINDING_NOUNS or noun.dep_ != "pobj" or prep.lower_ != "in" \
            or prep.dep_ != "prep" or prep.head.pos_ not in ("VERB", "AUX") or prep.i > prep.head.i:
        return None
    if lemma_of(prep.head) in CUE_LEMMAS:
        return None  # "In a recent study, three economists found …": the economists speak
    return _clause_without(prep.head, prep)


def _clause_without(verb, prep) -> tuple[int, int]:
    lo, hi = verb.left_edge.i, verb.right_edge.i + 1
    a, b = prep.left_edge.i, prep.right_edge.i + 1
    left, right = (lo, a), (b, hi)
    return max((left, right), key=lambda r: r[1] - r[0])


def noun_cue_holder(noun):
    """The possessor of a cue noun who can hold a view: "Trump's claim", "his plan"; else None."""
    if lemma_of(noun) not in lexicon.CUE_NOUNS and lemma_of(noun) not in lexicon.FRAME_NOUNS:
        return None
    for child in noun.children:
        if child.dep_ == "poss" and (is_agent_like(child) or child.tag_ == "PRP$"):
            return child
    return None


_NOUN_CUE_PREPOSITIONS = frozenset({"of", "on", "about", "for", "against", "to"})


def _noun_cue_content(noun) -> tuple[int, int] | None:
    """What a cue noun reports: its clause ("claim that …", "plan to …") or its topic ("criticism of …")."""
    framed = _frame_clause(noun)
    if framed is not None:
        return framed
    if lemma_of(noun) not in lexicon.CUE_NOUNS:
        return None
    for child in noun.children:
        if child.dep_ in ("acl", "ccomp", "relcl") and child.dep_ != "relcl" \
                and (child.tag_ == "VB" or any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children)):
            return child.left_edge.i, child.right_edge.i + 1
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in _NOUN_CUE_PREPOSITIONS:
            objs = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objs:
                return objs[0].left_edge.i, objs[0].right_edge.i + 1
    return None


def is_agent_like(token) -> bool:
    """A subject that can say or think: a person, a group, a pronoun or a noun for people."""
    if token.ent_type_ in ("PERSON", "ORG", "NORP"):
        return True
    if token.lower_ in ("i", "we", "he", "she", "they", "who", "all", "many", "most", "some", "several", "few"):
        return True
    lemma = lemma_of(token)
    if lemma == "old" and any(lemma_of(c) == "year" for c in token.children):
        return True  # "said the 26-year-old"
    if any(c.dep_ == "appos" and c.ent_type_ in ("PERSON", "ORG", "NORP") for c in token.children):
        return True  # "Trump's running mate, Indiana Gov. Mike Pence, plans …"
    if lemma in lexicon.PORTION_HEADS:  # "dozens of papers", "most of the voters"
        named = portion_names(token, lambda c: is_agent_like(c) or lemma_of(c) in lexicon.SOURCE_NOUNS)
        if named is not None:
            return named
        if lemma in lexicon.BARE_PORTIONS and token.dep_ == "nsubj":
            return True  # "9 percent found it a deterrent": a poll's respondents
    return lemma in lexicon.PEOPLE_NOUNS or lemma in lexicon.ORG_HEADS


def portion_names(token, test) -> bool | None:
    """Whether the "of" phrase of a portion ("most of the voters") names what ``test`` accepts; None without one."""
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            return any(test(c) for c in prep.children if c.dep_ == "pobj")
    return None


CUE_LEMMAS = (lexicon.SPEECH_VERBS | lexicon.BELIEF_VERBS | lexicon.STANCE_VERBS | lexicon.GENERAL_SPEECH_VERBS
               | lexicon.GENERAL_BELIEF_VERBS | lexicon.GENERAL_STANCE_VERBS)


def lemma_of(token) -> str:
    """The lower-case lemma, with spaCy's wrong lemmas of cue verbs fixed ("hoping" -> "hope")."""
    lemma = token.lemma_.lower()
    return lexicon.LEMMA_FIXES.get(lemma, lemma)


def run_on_speaker(verb):
    """The speaker the parser listed after the end of a fronted clause: "…, injuring at least six people,
    regional governor Oleh Kiper said" parsed with "people" as the subject and the governor as its conj, or
    "Up to 24 civilians have been killed … in northern Syria, the United Nations and monitors said" parsed with
    "said" as a conjunct of the clause and the speakers as conjuncts of "Syria".
    Returns (clause start, clause end, speaker token) or None."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    fronted = [c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i]
    if len(subjects) == 1 and fronted and subjects[0].ent_type_ != "PERSON":
        subject = subjects[0]
        if any(c.dep_ in ("cc", "preconj") for c in subject.children):
            return None  # "Zelensky and Duda said": two speakers
        for conj in subject.children:
            if conj.dep_ == "conj" and conj.right_edge.i == verb.i - 1 and conj.ent_type_ in ("PERSON", "ORG") \
                    and conj.left_edge.i > 0 and verb.doc[conj.left_edge.i - 1].text == ",":
                return min(c.left_edge.i for c in fronted), conj.left_edge.i - 1, conj
        return None
    if verb.dep_ != "conj" or lemma_of(verb) not in lexicon.SPEECH_VERBS or verb.i == 0 \
            or any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in verb.children) \
            or any(not (t.is_punct or t.is_space) and t.head.i != verb.i and t.head.head.i != verb.i
                   for t in verb.doc[verb.i + 1:verb.sent.end]):
        return None  # the cue must end its sentence ("…, X said on Tuesday.")
    doc = verb.doc
    comma = next((i for i in range(verb.i - 1, verb.sent.start, -1) if doc[i].text == ","), None)
    if comma is None or verb.i - comma > 8:
        return None
    span = range(comma + 1, verb.i)
    roots = [doc[i] for i in span if doc[i].head.i not in span]
    if len(roots) != 1 or roots[0].dep_ != "conj" or roots[0].head.i >= comma:
        return None  # "the United Nations and monitors" hung as conjuncts on "Syria" before the comma
    if not any(is_agent_like(doc[i]) for i in span if doc[i].pos_ in ("NOUN", "PROPN")):
        return None
    return verb.sent.start, comma, roots[0]


def reported_clause(token, quoted: Sequence[bool]) -> tuple[int, int] | None:
    """Token range of what a cue reports, or None (``quoted``: which tokens are inside quotation marks)."""
    doc = token.doc
    run_on = run_on_speaker(token) if token.pos_ == "VERB" else None
    if run_on is not None:
        return _trim_range(doc, run_on[0], run_on[1])
    if token.lower_ == "according":
        head = token.head
        if head.i == token.i or (head.lemma_.lower() in lexicon.SPEECH_VERBS and not quoted[head.i]):
            return None  # "According to the Kremlin, Kim told Putin …": a relay of Kim's words
        sent = token.sent
        skip_lo, skip_hi = token.left_edge.i, token.right_edge.i + 1
        root = head if head.pos_ in ("VERB", "AUX") else sent.root
        lo, hi = root.left_edge.i, root.right_edge.i + 1
        return _trim_range(doc, lo, hi, skip=(skip_lo, skip_hi))
    if token.pos_ == "NOUN":
        content = _noun_cue_content(token)
        return _trim_range(doc, *content) if content else None
    lemma = lemma_of(token)
    if lemma == "be":
        content = _copular_stance(token)
        return _trim_range(doc, *content, shortest=1) if content else None
    children = list(token.children)
    misparsed = _misparsed_clause(token, children)
    if misparsed is not None:
        return _trim_range(doc, *misparsed)
    for child in children:
        if child.dep_ == "ccomp" or (child.dep_ == "xcomp" and lemma in lexicon.XCOMP_CUES):
            lo = child.left_edge.i
            if lo < token.i < child.i:  # "slots, which he said were split …": the relative word stays out
                lo = min(t.i for t in child.subtree if t.i > token.i)
            hi = child.right_edge.i + 1
            for other in children:  # "said that two ships had been damaged, that air defences had shot down …"
                if other.dep_ == "ccomp" and other.i > child.i and other.left_edge.i <= hi + 1 \
                        and any(g.dep_ == "mark" for g in other.children):
                    hi = other.right_edge.i + 1
            return _trim_range(doc, lo, hi)
    if (token.dep_ == "parataxis" or (token.dep_ == "advcl" and ((_as_clause(token) and lemma in _AS_CUES)
                                                                 or _trailing_cue(token)))) \
            and (token.head.pos_ in ("VERB", "AUX") or _parenthetical(token)):
        head = token.head
        return _trim_range(doc, head.left_edge.i, head.right_edge.i + 1,
                           skip=(token.left_edge.i, token.right_edge.i + 1))
    inverted = _inverted_conj_cue(token)
    if inverted is not None:
        return _trim_range(doc, *inverted)
    if token.dep_ == "ROOT" and _trailing_cue(token):
        # "As the convoy left, a drone struck the truck, police said." parsed with the clause under "said";
        # not "When Congress cut funding, Mexico said enough." (a subordinate clause and no more).
        fronted = [c for c in children if c.i < token.i and c.dep_ in _FRONTED_DEPS and _holds_main_clause(c)]
        if fronted:
            return _trim_range(doc, min(c.left_edge.i for c in fronted), max(c.right_edge.i for c in fronted) + 1)
    preps = lexicon.TOPIC_PREPOSITIONS.get(lemma, ())
    if lemma not in lexicon.LISTENER_VERBS:
        for child in children:
            named = any(o.dep_ == "oprd" and o.i > child.i for o in children)  # "called him a master"
            if child.dep_ == "dobj" and (child.lower_ not in lexicon.NOT_CONTENT or (named and child.lower_ not in ("what", "which"))) \
                    and child.ent_type_ not in ("DATE", "TIME"):
                hi = child.right_edge.i + 1
                for other in children:  # "called the charges unsubstantiated", "sees it as a threat",
                    # "accused Moscow of shelling the plant"
                    if (other.dep_ in ("oprd", "ccomp", "xcomp") or (other.dep_ == "prep" and other.lower_ == "as")
                            or (other.dep_ == "prep" and other.lower_ in preps)) and other.i > child.i:
                        hi = max(hi, other.right_edge.i + 1)
                # a bare name is a stand's object too: "the union endorsed Clinton"
                shortest = 1 if child.pos_ == "PROPN" and lemma not in lexicon.SPEECH_VERBS else 2
                return _trim_range(doc, child.left_edge.i, hi, shortest=shortest)
    if any(c.dep_ == "agent" for c in children):  # "Clinton was endorsed by the Times": Clinton
        for child in children:
            if child.dep_ == "nsubjpass" and child.lower_ not in lexicon.NOT_CONTENT:
                return _trim_range(doc, child.left_edge.i, child.right_edge.i + 1,
                                   shortest=1 if child.pos_ == "PROPN" else 2)
    for child in children:
        if child.dep_ == "oprd" and any(c.dep_ == "dobj" and c.lower_ in ("what", "which") for c in children):
            # "what she called a 'rant'": the name given is what is reported
            return _trim_range(doc, child.left_edge.i, child.right_edge.i + 1, shortest=1)
        if child.dep_ == "advcl" and any(c.lower_ in ("whether", "how", "why") and c.dep_ in ("advmod", "mark")
                                         for c in child.children):
            # "lawmakers have not said how they would pay for it" ("when"/"if" are mostly time and condition)
            return _trim_range(doc, child.left_edge.i, child.right_edge.i + 1)
    for child in children:
        if child.dep_ == "prep" and child.lower_ in preps:
            objs = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objs:
                return _trim_range(doc, objs[0].left_edge.i, objs[0].right_edge.i + 1)
        if child.dep_ in ("advcl", "ccomp") and child.i > token.i and any(
                c.dep_ == "mark" and c.lower_ in preps and c.i == child.left_edge.i for c in child.children):
            # "called for the allies to send more systems", parsed as a clause with "for" as its mark
            return _trim_range(doc, child.left_edge.i + 1, child.right_edge.i + 1)
    return None


def _misparsed_clause(verb, children) -> tuple[int, int] | None:
    """A reported clause the parser hung elsewhere: a gerund subject taken for the verb's complement
    ("he said legalizing it could put …"), or a "that" clause taken for a relative clause of a noun in
    the verb's phrase ("Adelson said on Friday during a news conference that he may wait …")."""
    if lemma_of(verb) not in lexicon.SPEECH_VERBS | lexicon.BELIEF_VERBS | lexicon.GENERAL_SPEECH_VERBS:
        return None
    for child in children:
        if child.dep_ == "xcomp" and child.tag_ == "VBG" and child.i == verb.i + 1 \
                and any(c.dep_ == "ccomp" and any(g.dep_ == "nsubj" for g in c.children) for c in child.children):
            return child.left_edge.i, child.right_edge.i + 1
    if any(c.dep_ in ("ccomp", "dobj") for c in children):
        return None
    for prep in children:
        if prep.dep_ != "prep" or prep.i < verb.i:
            continue
        for obj in prep.subtree:
            if obj.dep_ in ("relcl", "acl") and obj.head.dep_ in ("pobj", "compound") and any(
                    c.dep_ == "mark" and c.lower_ == "that" and c.i == obj.left_edge.i for c in obj.children) \
                    and any(c.dep_ in ("nsubj", "nsubjpass") for c in obj.children):
                return obj.left_edge.i, obj.right_edge.i + 1
    return None


def _parenthetical(verb) -> bool:
    """"The hashtag, Mr. Abboud said, accompanied …": a cue of saying set off by commas inside a
    sentence the parser hung on a noun."""
    doc = verb.doc
    lo, hi = verb.left_edge.i, verb.right_edge.i
    if lo > verb.sent.start and doc[lo].text != ",":
        lo -= 1
    if hi + 1 < verb.sent.end and doc[hi].text != ",":
        hi += 1
    return verb.dep_ == "parataxis" and lemma_of(verb) in lexicon.SPEECH_VERBS and lo > verb.sent.start \
        and hi + 1 < verb.sent.end and doc[lo].text == "," and doc[hi].text == "," \
        and not any(c.dep_ in ("dobj", "ccomp") for c in verb.children)


def _inverted_conj_cue(verb) -> tuple[int, int] | None:
    """"…, but it is under pressure from imports, said the company's chief executive." parsed with
    "said" as a conjunct of the main verb: everything before the comma is what was said."""
    if not _cue_after_comma(verb):
        return None
    if any(not (t.is_punct or t.is_space) for t in verb.doc[verb.right_edge.i + 1:verb.sent.end]):
        return None  # the cue ends its sentence
    children = list(verb.children)
    if inverted_name(verb) is None and (
            any(c.dep_ in ("cc", "mark", "dobj", "ccomp", "xcomp") for c in children)
            or not any(c.dep_ == "nsubj" and c.i > verb.i for c in children)
            or any(c.dep_ == "nsubj" and c.i < verb.i for c in children)):
        return None
    head = verb.head
    return head.left_edge.i, verb.i - 1


def _cue_after_comma(verb) -> bool:
    """A verb of saying right after a comma that the parser made a conjunct of the verb before it."""
    return verb.dep_ == "conj" and lemma_of(verb) in lexicon.SPEECH_VERBS and verb.i > 0 \
        and verb.doc[verb.i - 1].text == ","


def inverted_name(verb):
    """"…, report Alex Horton and Serhii Korolchuk.": the names the parser took for the object of a
    sentence-final cue after a comma are who speaks. None unless the cue has no subject or other argument."""
    if not _cue_after_comma(verb):
        return None
    children = list(verb.children)
    objects = [c for c in children if c.dep_ == "dobj"]
    if len(objects) != 1 or any(c.dep_ in ("nsubj", "nsubjpass", "cc", "mark", "ccomp", "xcomp", "prep")
                                for c in children):
        return None
    name = objects[0]
    if name.pos_ != "PROPN" or name.ent_type_ not in ("PERSON", "ORG", ""):
        return None
    if any(not (t.is_punct or t.is_space) for t in verb.doc[name.right_edge.i + 1:verb.sent.end]):
        return None
    return name


def _as_clause(token) -> bool:
    """"As Rosenthal put it, …", "as she noted, …": the clause the cue hangs on is what was said."""
    return any(c.dep_ == "mark" and c.lower_ == "as" for c in token.children) \
        and any(c.dep_ == "nsubj" for c in token.children)


# "as she noted, …", "as analysts expect, …"; not a stance ("the dinner as Washington celebrating itself")
_AS_CUES = (lexicon.SPEECH_VERBS | lexicon.BELIEF_VERBS | lexicon.GENERAL_SPEECH_VERBS
            | lexicon.GENERAL_BELIEF_VERBS | {"put"})

_FRONTED_DEPS = frozenset({"advcl", "ccomp", "csubj", "parataxis", "dep"})


def _is_main_clause(verb) -> bool:
    children = list(verb.children)
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in children) \
        and not any(c.dep_ == "mark" or (c.dep_ == "advmod" and c.tag_ == "WRB") for c in children)


def _holds_main_clause(verb) -> bool:
    """A clause with its own subject and no subordinating word, or one that has such a clause after a comma."""
    if _is_main_clause(verb):
        return True
    return any(c.i > verb.i and c.dep_ in ("advcl", "conj", "ccomp", "parataxis") and _is_main_clause(c)
               and c.left_edge.i > 0 and verb.doc[c.left_edge.i - 1].text == ","
               for c in verb.children)


def _trailing_cue(token) -> bool:
    """"…, she said." / "…, police said Tuesday.": a verb of saying after a comma and its subject, with
    nothing of its own to report and no conjunction of its own (not "…, when she said")."""
    if lemma_of(token) not in lexicon.SPEECH_VERBS or token.i == 0:
        return False
    children = list(token.children)
    if any(c.dep_ in ("mark", "dobj", "ccomp", "xcomp", "attr", "oprd") for c in children):
        return False
    if any(c.dep_ == "advmod" and c.lower_ in ("when", "while", "because", "before", "after", "if", "as")
           for c in children):
        return False
    subjects = [c for c in children if c.dep_ == "nsubj" and c.i < token.i]
    if not subjects:
        return False
    first = subjects[-1].left_edge.i
    return first > 0 and token.doc[first - 1].text == ","


def _trim_range(doc, lo: int, hi: int, *, skip: tuple[int, int] | None = None, shortest: int = 2):
    """The longest run of [lo, hi) outside ``skip``, without edge punctuation or quoted marks."""
    if skip is not None:
        a, b = skip
        left, right = (lo, min(a, hi)), (max(b, lo), hi)
        lo, hi = max((left, right), key=lambda r: r[1] - r[0])
    lo = dateline_end(doc, lo, hi)
    first, last = lo, hi
    while lo < hi and (doc[lo].is_punct or doc[lo].is_space or doc[lo].lower_ in ("and", "but")):
        lo += 1
    while hi > lo and (doc[hi - 1].is_punct or doc[hi - 1].is_space):
        hi -= 1
    if hi - lo < shortest:
        return None
    if sum(1 for t in doc[lo:hi] if t.text in _MARKS) % 2:  # keep the mark that closes (or opens) a quotation
        # inside the clause: 'the attack was “brutal”', not 'the attack was “brutal'
        closing = next((i for i in range(hi, last) if doc[i].text in _MARKS), None)
        opening = next((i for i in range(lo - 1, first - 1, -1) if doc[i].text in _MARKS), None)
        if closing is not None:
            hi = closing + 1
        elif opening is not None:
            lo = opening
    opened = sum(1 for t in doc[lo:hi] if t.text == "(") - sum(1 for t in doc[lo:hi] if t.text == ")")
    if opened > 0 and hi < last and doc[hi].text == ")":
        hi += 1  # "as much as $5bn (£3.8bn)", not "$5bn (£3.8bn"
    return lo, hi


_MARKS = frozenset({'"', "“", "”", "«", "»", "„"})
