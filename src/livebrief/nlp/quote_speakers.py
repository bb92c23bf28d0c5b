"""Speakers: who says what a cue reports, resolved to an entity, an antecedent or a description.

``ArticleIndex`` holds the per-doc indexes (quoted tokens, entities by token, persons and speakers
met so far); ``resolve_cues`` finds every cue of the article with its speaker and relay, in text
order. A speaker is the subject of the cue (or the object of "according to", the agent of a passive,
the possessor of a cue noun), resolved: a named entity -> its canonical name and id; he/she -> the
nearest person named before who was a subject or a speaker; it/they -> the previous non-person
speaker, else the nearest ORG; who/which -> the noun the clause hangs on; a title -> its holder; "the
ministry" -> the fuller ministry named before; anything else keeps its description.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from livebrief.model import Entity
from livebrief.nlp import lexicon
from livebrief.nlp.quote_cues import (CUE_LEMMAS, cue_text, finding_clause, inverted_name, is_agent_like, is_cue,
                                      lemma_of, noun_cue_holder, portion_names, run_on_speaker)
from livebrief.nlp.quote_marks import quoted_spans

@dataclass(frozen=True)
class Speaker:
    """Who speaks: canonical name and entity id when known, the words naming them, the entity type."""

    name: str | None
    id: str | None
    span: tuple[int, int] | None
    type: str | None = None  # entity type, or None for a description


@dataclass(frozen=True)
class Cue:
    """A cue token with its resolved speaker and relay."""

    token: int
    text: str
    speaker: Speaker | None
    via: str | None


class ArticleIndex:
    """Per-doc indexes: quoted spans, entities by token, tokens inside marks, speakers met so far."""

    def __init__(self, doc, entities: Sequence[Entity]) -> None:
        self.doc = doc
        self.text: str = doc.text  # Doc.text joins every token on each access: read it once
        self.starts = [t.idx for t in doc]
        self.spans = quoted_spans(self.text)
        self.entities = list(entities)
        self.entity_at: dict[int, tuple[Entity, tuple[int, int]]] = {}
        for entity in entities:
            for start, end in entity.mentions:
                i = max(bisect.bisect_right(self.starts, start) - 1, 0)
                while i < len(doc) and doc[i].idx < end:
                    self.entity_at[i] = (entity, (start, end))
                    i += 1
        self.quoted = [False] * len(doc)
        for span in self.spans:
            lo = span.open_at
            hi = span.close_end if span.close_end is not None else span.end
            i = max(bisect.bisect_right(self.starts, lo) - 1, 0)
            while i < len(doc) and doc[i].idx < hi:
                if doc[i].idx >= lo:
                    self.quoted[i] = True
                i += 1
        # Persons named outside quotes, for he/she: (token index, speaker, is a subject).
        self.persons: list[tuple[int, Speaker, bool]] = []
        for i, (entity, mention) in sorted(self.entity_at.items()):
            if entity.type == "PERSON" and not self.quoted[i] \
                    and (not self.persons or self.persons[-1][1].span != mention):
                self.persons.append((i, from_entity(entity, mention), _is_subject(doc[i])))
        self.speakers: list[tuple[int, Speaker]] = []  # resolved speakers in text order

    @functools.cached_property
    def described(self) -> list[tuple[int, Speaker, str | None]]:
        """Unnamed people who are the subject of a clause, for he/she when no one is named before: (index,
        speaker, gender or None). Found on first use, which few articles need."""
        return list(_described_persons(self.doc, self))


def from_entity(entity: Entity, span: tuple[int, int]) -> Speaker:
    """The speaker an entity mention names."""
    return Speaker(entity.name, entity.id, span, entity.type)


# People nouns that name a body or a crowd, not one person a "he" or "she" could stand for.
_GROUP_NOUNS = frozenset("""
    campaign administration government ministry agency department committee party people group organization
    organisation company firm union family leadership faction elite couple others those many some everyone
    everybody anyone anybody nobody somebody someone both other youth member source
""".split())
_FEMALE = frozenset("woman mother wife daughter sister girl grandmother widow spokeswoman businesswoman "
                    "actress queen chairwoman".split())
_MALE = frozenset("man father husband son brother boy grandfather widower spokesman businessman king "
                  "chairman".split())


def _gender(token) -> str | None:
    """"f" for she/her, "m" for he/him."""
    word = token.lower_
    return "f" if word in ("she", "her") else "m" if word in ("he", "him") else None


def _described_persons(doc, art: ArticleIndex) -> Iterator[tuple[int, Speaker, str | None]]:
    """One unnamed person as the subject of a clause: "Her husband interrupted her …" (a singular people noun
    after "the", "a" or a possessive, outside quotes and entities), with the gender the noun gives."""
    for token in doc:
        if token.dep_ != "nsubj" or token.tag_ != "NN" or art.quoted[token.i] or token.i in art.entity_at:
            continue
        lemma = lemma_of(token)
        if lemma not in lexicon.PEOPLE_NOUNS or lemma in _GROUP_NOUNS:
            continue
        if not any(c.dep_ in ("det", "poss") and c.lower_ not in ("every", "each", "any", "no", "some")
                   for c in token.children):
            continue
        start, end = _noun_phrase(token)
        if start >= end or any(i in art.entity_at for i in range(start, end)):
            continue
        span = (doc[start].idx, doc[end - 1].idx + len(doc[end - 1]))
        gender = "f" if lemma in _FEMALE else "m" if lemma in _MALE else None
        yield token.i, Speaker(_describe(doc, start, end, art), None, span), gender


def _is_subject(token) -> bool:
    head = token
    while head.dep_ in ("compound", "flat", "amod") and head.head.i != head.i:
        head = head.head
    return head.dep_ in ("nsubj", "nsubjpass")


def resolve_cues(art: ArticleIndex) -> dict[int, Cue]:
    """Every cue token of the article, in text order, with its speaker resolved."""
    cues: dict[int, Cue] = {}
    for token in art.doc:
        if not is_cue(token, art.quoted):
            continue
        subject = _subject_token(token, art)
        if subject is not None and lemma_of(token) not in lexicon.SPEECH_VERBS | {"read"} \
                and token.lower_ != "according" \
                and not (is_agent_like(subject) or subject.tag_ in ("PRP", "WP", "PRP$")
                         or lemma_of(subject) in lexicon.SOURCE_NOUNS or subject.ent_type_ == "GPE"
                         or (subject.head.dep_ == "agent" and subject.pos_ == "PROPN")):
            subject = None  # "the videos do not show …", "reason to believe …": no one holds the view
        speaker = _subject_speaker(subject, art) if subject is not None else None
        if speaker is not None and speaker.name is not None:
            art.speakers.append((token.i, speaker))
        cues[token.i] = Cue(token.i, cue_text(token), speaker, _via(token, art, speaker))
    return cues


def lead_in_speaker(verb, art: ArticleIndex) -> Speaker | None:
    """The speaker a colon's lead-in names with no verb of saying: "McConnell delivered a message to
    Trump: “…”", "Trump issued the following statement: “…”". A person or group as the verb's subject."""
    for child in verb.children:
        if child.dep_ != "nsubj" or art.quoted[child.i]:
            continue
        if lemma_of(child) in lexicon.CUE_NOUNS | {"response", "reply", "answer", "message", "retort"}:
            # "Clinton’s response was: “…”": the possessor speaks
            child = next((c for c in child.children if c.dep_ == "poss" and is_agent_like(c)), child)
        if is_agent_like(child) or child.tag_ == "PRP":
            speaker = _speaker_of(child, art)
            return speaker if speaker is not None and speaker.name else None
    return None


def frame_cue(verb, art: ArticleIndex, *, after: int) -> Cue | None:
    """A verb that frames a quote right before it without being a verb of saying: "“…,” Oliver barked",
    "“…!” beamed Donald Hartley". Its subject, after the quote (token ``after`` on), speaks when it is
    a person, a group or a pronoun."""
    if verb.pos_ != "VERB" or lemma_of(verb) in lexicon.NOT_CUES:
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i >= after and not art.quoted[c.i]]
    if not subjects or not (is_agent_like(subjects[0]) or subjects[0].tag_ == "PRP" or subjects[0].pos_ == "PROPN"):
        return None
    speaker = _subject_speaker(subjects[0], art)
    if speaker is None or speaker.name is None:
        return None
    return Cue(verb.i, cue_text(verb), speaker, None)


def _subject_token(verb, art: ArticleIndex):
    """The token naming who speaks for a cue token, or None."""
    if verb.pos_ == "NOUN":  # "Trump's claim that …"; a poll speaks for itself: "in a new poll, …"
        return noun_cue_holder(verb) or (verb if finding_clause(verb) is not None else None)
    if verb.lower_ == "according":
        to = verb.doc[verb.i + 1]
        for child in to.children:
            if child.dep_ == "pobj":
                return child
        return None
    shown = _shown_speaking(verb, art)
    if shown is not None:
        return shown
    named = inverted_name(verb) if verb.pos_ == "VERB" else None
    if named is not None:
        return named  # "…, report Alex Horton and Serhii Korolchuk."
    run_on = run_on_speaker(verb) if verb.pos_ == "VERB" else None
    if run_on is not None:
        return run_on[2]
    seen = 0
    node = verb
    in_conj_chain = False  # "they reversed themselves, rushed everyone in and said …": conjuncts share a subject
    raised = False  # "the Times is expected to endorse …": a passive verb's subject is its infinitive's
    while seen < 4:
        seen += 1
        subject_deps = ("nsubj", "csubj", "nsubjpass") if raised else ("nsubj", "csubj")
        subjects = [c for c in node.children
                    if c.dep_ in subject_deps and not art.quoted[c.i] and not _is_dateline(c)]
        if subjects:  # two subjects is a misparse: a dateline ("Washington (AFP) – Clinton has …") or an
            # inverted cue after a fronted clause ("Couple X with Y and Z, said Christine Link"): the nearest
            return min(subjects, key=lambda c: node.i - c.right_edge.i if c.i < node.i else c.left_edge.i - node.i)
        for child in node.children:
            if child.dep_ == "agent":
                for grand in child.children:
                    if grand.dep_ == "pobj":
                        return grand
        if node.dep_ == "relcl" and node.head.pos_ in ("NOUN", "PROPN"):
            return node.head
        if node.dep_ == "acl" and node.tag_ == "VBG" and node.head.pos_ in ("NOUN", "PROPN"):
            holder = node.head  # "a group backing Rubio"; "issued a statement saying …": who issued it
            if lemma_of(holder) in lexicon.WRITTEN_NOUNS and holder.dep_ == "dobj":
                node = holder.head
                continue
            if is_agent_like(holder):
                return holder
            break
        if node.dep_ == "xcomp" and node.head.pos_ == "ADJ" and node.head.dep_ == "acomp":
            node = node.head.head  # "voters are more likely to say …"
            continue
        # Only verbs of saying borrow a subject: "…, adding that …", "by telling them that …",
        # "said … and added …", "used the meeting to state …". "When asked", "for proposing" and
        # "has joined … and admit" name someone else, or no one.
        if node.dep_ == "pcomp" and node.tag_ == "VBG" and node.head.head.pos_ in ("VERB", "AUX"):
            node = node.head.head
            continue
        head = node.head
        if head.i == node.i or head.pos_ not in ("VERB", "AUX"):
            break
        if node.dep_ == "advcl" and node.tag_ == "VBG" and lemma_of(node) in lexicon.SPEECH_VERBS \
                and head.dep_ == "ccomp" and lemma_of(head.head) in lexicon.SPEECH_VERBS:
            # "Kiper said that Moscow is a threat, adding that …" with "adding" parsed under the reported
            # clause: the one adding is the one saying
            node = head.head
            continue
        if node.dep_ == "conj" and (in_conj_chain or lemma_of(head) in CUE_LEMMAS or lemma_of(node) in CUE_LEMMAS):
            node, in_conj_chain = head, True
            continue
        if node.dep_ == "xcomp" or (node.dep_ == "advcl" and (node.tag_ == "VBG" or _purpose_or_perfect(node))):
            node, raised = head, node.dep_ == "xcomp"
            continue
        break
    return _adjacent_subject(verb, art)


def _purpose_or_perfect(verb) -> bool:
    """"came on the program to talk about …", "Having announced that …, the judge …": an adverbial
    clause whose unstated subject is the main clause's."""
    auxes = [c.lower_ for c in verb.children if c.dep_ == "aux"]
    return not any(c.dep_ in ("mark", "nsubj", "nsubjpass") for c in verb.children) \
        and ((verb.tag_ == "VB" and "to" in auxes) or (verb.tag_ == "VBN" and "having" in auxes))


def _shown_speaking(verb, art: ArticleIndex):
    """"footage of Hillary Clinton asking, “…”", "a clip of Trump saying …": the one shown speaking."""
    if verb.tag_ != "VBG" or lemma_of(verb) not in lexicon.SPEECH_VERBS or verb.i == 0:
        return None
    before = verb.doc[verb.i - 1]
    hit = art.entity_at.get(before.i)
    if hit is None or hit[0].type not in ("PERSON", "ORG") or before.dep_ != "pobj" or before.head.lower_ != "of":
        return None
    return before


def _is_dateline(token) -> bool:
    """A time stamp the parser took for a subject: "12:15 p.m.\n\nDonald Trump says …"."""
    if token.ent_type_ in ("TIME", "DATE") and token.pos_ != "PRON":
        return not is_agent_like(token)  # "the 26-year-old", tagged DATE, is a person of that age
    return token.lower_ in ("a.m.", "p.m.", "am", "pm")


def _relative_antecedent(pronoun, relcl, art: ArticleIndex):
    """"Razvozhaev, a … official overseeing the area, who said": who is the person, not the area."""
    if pronoun.lower_ in ("who", "whom"):
        for i in range(pronoun.i - 1, pronoun.sent.start - 1, -1):
            hit = art.entity_at.get(i)
            if hit and hit[0].type == "PERSON" and not art.quoted[i]:
                return pronoun.doc[i]
        # "forces on the ground who said …": the parser hung the clause on the place; who speaks are the forces
        noun = relcl.head
        while not is_agent_like(noun) and noun.dep_ == "pobj" and noun.head.dep_ == "prep" \
                and noun.head.head.pos_ in ("NOUN", "PROPN"):
            noun = noun.head.head
        if is_agent_like(noun):
            return noun
    return relcl.head


def _adjacent_subject(verb, art: ArticleIndex):
    """"Oleh Kiper, the Ukrainian governor of the area, said": the parse lost the subject."""
    i = verb.i - 1
    while i >= verb.sent.start and (verb.doc[i].is_punct or verb.doc[i].is_space):
        i -= 1
    if i < verb.sent.start or art.quoted[i] or verb.doc[i].pos_ in ("VERB", "AUX"):
        return None
    node = verb.doc[i]
    best = None
    for _ in range(6):
        if node.i in art.entity_at and art.entity_at[node.i][0].type in ("PERSON", "ORG", "NORP"):
            return node
        if node.pos_ in ("NOUN", "PROPN") and best is None:
            best = node
        if node.head.i == node.i or node.head.i > verb.i or node.head.pos_ in ("VERB", "AUX"):
            break
        node = node.head
    return best if best is not None and best.i < verb.i and best.pos_ == "PROPN" else None


def _speaker_of(token, art: ArticleIndex) -> Speaker | None:
    """Resolve the subject token to a speaker: entity, pronoun antecedent or description."""
    doc = art.doc
    if token.lower_ in lexicon.PERSON_PRONOUNS or token.lower_ in lexicon.GROUP_PRONOUNS:
        span = (token.idx, token.idx + len(token))
        resolved = _antecedent(token, art)
        if resolved is None:
            return Speaker(None, None, span)
        return Speaker(resolved.name, resolved.id, span, resolved.type)
    if token.lower_ in lexicon.RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
        antecedent = _relative_antecedent(token, token.head, art)
        if antecedent is None or antecedent.lower_ in lexicon.RELATIVE_PRONOUNS:
            return None
        named = _speaker_of(antecedent, art)
        if named is None:
            return None
        return Speaker(named.name, named.id, (token.idx, token.idx + len(token)), named.type)
    if token.pos_ == "PRON" and token.lower_ not in ("one",) and not _portion_of_people(token):
        return None  # "I", "we", "you", "this", "that": no speaker to name ("some of the senators" is one)
    if token.i in art.entity_at:
        entity, span = art.entity_at[token.i]
        return from_entity(entity, span)
    for child in token.children:  # "His campaign manager, Jeff Weaver, said"
        if child.dep_ == "appos" and child.i in art.entity_at and art.entity_at[child.i][0].type == "PERSON":
            entity, span = art.entity_at[child.i]
            return from_entity(entity, span)
    named = surname_speaker(token, art)
    if named is not None:
        return named
    start, end = _noun_phrase(token)
    if start >= end:
        return None
    text = _describe(doc, start, end, art)
    span = (doc[start].idx, doc[end - 1].idx + len(doc[end - 1]))
    owner = _person_possessor(token, art)
    if owner is not None:  # "The parents of Jack Letts, a Briton held by Kurds": no one in the owner's phrase speaks
        start_owned, end_owned = owner.left_edge.i, owner.right_edge.i + 1
        owned = {e.id for e in _entities_in(art, start_owned, end_owned)}
    else:
        owned = set()
    for entity in _entities_in(art, start, end):
        if entity.type in ("PERSON", "ORG") and entity.id not in owned:
            return Speaker(entity.name, entity.id, span, entity.type)
    titled = _by_title(text, art)
    if titled is not None:
        return Speaker(titled.name, titled.id, span, titled.type)
    fuller = _earlier_same_head(token, art)
    if fuller is not None:
        return Speaker(fuller.name, fuller.id, span, fuller.type)
    return Speaker(text, None, span)


def _subject_speaker(subject, art: ArticleIndex) -> Speaker | None:
    """The speaker a cue's subject names. "Zelensky and Biden said …": a subject coordinated with other people
    or bodies speaks with them, as one group ("Volodymyr Zelensky and Joe Biden"), which no single entity
    stands for."""
    speaker = _speaker_of(subject, art)
    if speaker is None or speaker.name is None or subject.dep_ not in ("nsubj", "nsubjpass"):
        return speaker
    partners = []
    node = subject
    while True:
        conj = next((c for c in node.children if c.dep_ == "conj" and c.i > node.i), None)
        if conj is None:
            break
        partners.append(conj)
        node = conj
    if not partners or (speaker.span and speaker.span[0] <= partners[0].idx < speaker.span[1]):
        return speaker  # no partner, or one the description already holds ("Officials in Kyiv and Moscow")
    group = [speaker]
    for partner in partners:
        if not (is_agent_like(partner) or partner.pos_ == "PROPN" or partner.i in art.entity_at):
            return speaker  # "Kyiv and the region's economy …": not a second speaker
        named = _speaker_of(partner, art)
        if named is None or named.name is None or named.name == speaker.name:
            return speaker
        group.append(named)
    names = [g.name for g in group]
    spans = [g.span for g in group if g.span]
    span = (min(a for a, _ in spans), max(b for _, b in spans)) if spans else None
    return Speaker(", ".join(names[:-1]) + " and " + names[-1], None, span)


def _portion_of_people(token) -> bool:
    """"some of the candidates", "all of them": a portion pronoun whose "of" phrase names people."""
    return lemma_of(token) in lexicon.PORTION_HEADS and bool(portion_names(token, is_agent_like))


def surname_speaker(token, art: ArticleIndex) -> Speaker | None:
    """"Kiper wrote" with "Kiper" left untagged after "Governor Oleh Kiper": the person named before."""
    if token.pos_ != "PROPN" or not token.is_title or any(c.dep_ == "compound" for c in token.children):
        return None
    for i, speaker, _subject in reversed(art.persons):
        if i < token.i and speaker.name and len(speaker.name.split()) > 1 \
                and token.text in speaker.name.split()[1:]:
            return Speaker(speaker.name, speaker.id, (token.idx, token.idx + len(token)), speaker.type)
    return None


def _noun_phrase(token) -> tuple[int, int]:
    """The noun phrase of a head: left modifiers, the head, and an "of/for/at" phrase after it.

    Left modifiers stop at a comma: "In an interview with X, the candidate" is not the subject.
    """
    left = token.i
    while left > token.left_edge.i and token.doc[left - 1].text not in (",", ";", ":", "—", "(") \
            and not token.doc[left - 1].is_space:
        left -= 1
    end = token.i + 1
    for child in token.rights:
        if child.dep_ == "prep" and child.lower_ in ("of", "for", "at", "in", "from", "with", "on") or child.dep_ in ("compound", "nummod", "amod", "case", "cc") or child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN"):
            clauses = [t for t in child.subtree if t.dep_ in ("relcl", "acl") and t.i > child.i]
            # "forces on the ground who said …": a clause the parser hung inside the phrase is no part of it
            end = min([t.left_edge.i for t in clauses] + [child.right_edge.i + 1])
            if clauses:
                break
        else:
            break
    doc = token.doc
    while left < token.i and (doc[left].is_punct or doc[left].is_space):
        left += 1
    while end - 1 > token.i and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return left, end


def _person_possessor(token, art: ArticleIndex):
    """The token naming the person whose people speak: "Zelensky" in "Zelensky’s spokesman" or "a lawyer for
    Zelensky", who is not the speaker."""
    if lemma_of(token) not in lexicon.PEOPLE_NOUNS:
        return None
    owners = [c for c in token.children if c.dep_ == "poss"]
    owners += [g for c in token.children if c.dep_ == "prep" and c.lower_ in ("for", "of")
               for g in c.children if g.dep_ == "pobj"]
    for owner in owners:
        hit = art.entity_at.get(owner.i)
        if hit is not None and hit[0].type == "PERSON":
            return owner
    return None


def _entities_in(art: ArticleIndex, start: int, end: int) -> Iterator[Entity]:
    seen = set()
    for i in range(start, end):
        hit = art.entity_at.get(i)
        if hit and hit[0].id not in seen:
            seen.add(hit[0].id)
            yield hit[0]


def _by_title(text: str, art: ArticleIndex) -> Entity | None:
    """"The North Korean leader" -> the person whose title is "North Korean leader"."""
    words = text.lower().split()
    while words and words[0] in ("the", "a", "an"):
        words.pop(0)
    if not words:
        return None
    phrase = " ".join(words)
    matches = [e for e in art.entities if e.type == "PERSON" and e.title
               and (e.title.lower() == phrase or (len(words) >= 2 and e.title.lower().endswith(phrase)))]
    return matches[0] if len(matches) == 1 else None


def _earlier_same_head(token, art: ArticleIndex) -> Speaker | None:
    """"the ministry" after "the country's ministry of defense": the fuller earlier phrase."""
    if token.lemma_.lower() not in lexicon.ORG_HEADS:
        return None
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
        return None
    doc = token.doc
    for i in range(token.i - 1, max(token.sent.start - 200, -1), -1):
        other = doc[i]
        if other.lower_ != token.lower_ or art.quoted[i]:
            continue
        if i in art.entity_at:
            entity, span = art.entity_at[i]
            return from_entity(entity, span)
        start, end = _noun_phrase(other)
        words = [t for t in doc[start:end] if t.lower_ not in ("the", "a", "an")]
        if len(words) <= 1:
            return None
        text = _describe(doc, start, end, art)
        return Speaker(text, None, (doc[start].idx, doc[end - 1].idx + len(doc[end - 1])), "ORG")
    return None


_THE_COUNTRY = re.compile(r"^(?:the|its|their)\s+(?:country|nation)\s*['’]s\s+", re.IGNORECASE)


def _describe(doc, start: int, end: int, art: ArticleIndex) -> str:
    """A speaker description as written, with "the country's" replaced by the country last named.

    "the country's ministry of defense" after "Denmark will donate …" -> "Denmark’s ministry of defense".
    """
    text = doc[start:end].text
    match = _THE_COUNTRY.match(text)
    if match is None:
        return text
    found = []  # countries named before, nearest first; a subject beats an object ("to Ukraine")
    for i in range(start - 1, max(start - 150, -1), -1):
        hit = art.entity_at.get(i)
        if hit and hit[0].type == "GPE" and not art.quoted[i]:
            found.append((0 if _is_subject(doc[i]) else 1, start - i, hit[0].name))
    if found:
        return f"{min(found)[2]}’s {text[match.end():]}"
    return text[match.end():]


def _antecedent(token, art: ArticleIndex) -> Speaker | None:
    """Nearest earlier compatible speaker: a person subject for he/she, an organisation for it/they."""
    if token.lower_ in lexicon.PERSON_PRONOUNS:
        window = token.sent.start - 1
        for _ in range(3):  # three sentences back at most
            if window <= 0:
                break
            window = token.doc[window].sent.start - 1
        candidates = [(i, s) for i, s in art.speakers if i < token.i and s.type == "PERSON"]
        candidates += [(i, s) for i, s, subj in art.persons if i < token.i and subj]
        candidates = [(i, s) for i, s in candidates if i >= max(window, 0)]
        if candidates:
            return max(candidates, key=lambda item: item[0])[1]
        earlier = [(i, s) for i, s, _ in art.persons if i < token.i]
        if earlier:
            return earlier[-1][1]
        # No one named before: an unnamed person who was a subject nearby ("Her husband interrupted her. “…,” he
        # said."), of the pronoun's gender when the noun has one.
        described = [s for i, s, g in art.described if max(window, 0) <= i < token.i and g in (None, _gender(token))]
        return described[-1] if described else None
    earlier = [(i, s) for i, s in art.speakers if i < token.i and s.type != "PERSON"]
    if earlier and token.i - earlier[-1][0] < 120:
        return earlier[-1][1]
    for i in range(token.i - 1, max(token.i - 120, -1), -1):
        hit = art.entity_at.get(i)
        if hit and hit[0].type == "ORG" and not art.quoted[i]:
            return from_entity(*hit)
    return None


def _via(verb, art: ArticleIndex, speaker: Speaker | None) -> str | None:
    """Who relayed the words: "according to X" (X not the speaker) or "citing X" in the clause."""
    if verb.lower_ == "according":  # the object speaks; only what it cites is a relay
        obj = _subject_token(verb, art)
        cited = _cited(obj) if obj is not None else None
        return cited
    for token in verb.sent:  # an "according to" anywhere in the sentence qualifies the whole report
        if token.lower_ == "according" and token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "to":
            obj = _subject_token(token, art)
            if obj is None:
                continue
            relay = _speaker_of(obj, art)
            if relay is not None and relay.name and (speaker is None or relay.name != speaker.name):
                via = _citing(obj)
                return relay.name if via == _np_text(obj) else via
    return None


def _np_text(token) -> str:
    start, end = _noun_phrase(token)
    words = token.doc[start:end]
    text = words.text
    return re.sub(r"^(?:the|The)\s+", "", text)


def _citing(obj) -> str:
    """"Reuters, which cited Russian media" -> "Reuters, citing Russian media"."""
    base = _np_text(obj)
    cited = _cited(obj)
    return f"{base}, citing {cited}" if cited else base


def _cited(obj) -> str | None:
    """What "X, which cited Y" / "X, citing Y" cites: Y."""
    for child in obj.children:
        if child.dep_ in ("relcl", "acl") and child.lemma_.lower() == "cite":
            for grand in child.children:
                if grand.dep_ == "dobj":
                    return obj.doc[grand.left_edge.i:grand.right_edge.i + 1].text
    return None
