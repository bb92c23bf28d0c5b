"""Claims of one article: attributed statements of fact, with who asserts them and how.

``find_claims(doc, *, entities, quotes)`` yields one :class:`Claim` per attributed statement:

* every indirect quote whose cue asserts something (said, told, announced, according to, confirmed,
  denied …; not asked, urged, promised, hoped) is a claim of its speaker; ``via`` is the quote's
  relay ("Loh said …, according to the Associated Press" -> via "Associated Press");
* "verified by X" / "geolocated by X" on a noun of the sentence ("A video … verified by The Washington
  Post showed …") is a ``verified`` claim of X over the whole sentence;
* "… that it blamed on Ukraine" is a claim of the blamer (cue "blamed on").

A question the speaker left unanswered ("did not say which port was hit", "declined to say whether …")
is no claim.

The kind is ``denial`` for deny/reject/dismiss/refute cues, ``report`` when the claimant is a news
outlet or wire ("the AP reported"), ``verified`` for verification, else ``claim``. A continuation
such as "…, it added." already has its pronoun resolved by quotes.py to the previous speaker.
The claim text is the reported clause when it is one (it carries a verb), else the sentence
("officials confirmed the meeting").
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence

from livebrief.model import Claim, Entity, Quote
from livebrief.nlp import lexicon
from livebrief.nlp.doctext import doc_text

#: Cues that assert a fact. Requests, promises, wishes and stances are attributions, not claims.
ASSERTION_CUES: frozenset[str] = frozenset("""
    say tell add state announce write post tweet insist note claim confirm deny explain argue
    acknowledge admit declare reply respond recall conclude allege assert contend maintain stress
    emphasize emphasise report testify concede reveal disclose estimate indicate show find learn
    reject dismiss refute dispute blame accuse charge warn predict describe according verify
""".split())


def find_claims(doc, *, entities: Sequence[Entity], quotes: Sequence[Quote]) -> Iterator[Claim]:
    """Attributed statements of the article, in text order."""
    text = doc_text(doc)
    starts = [t.idx for t in doc]
    names = {e.name: e for e in entities}
    claims: dict[tuple[int, int], Claim] = {}
    for quote in quotes:
        if quote.kind != "indirect" or quote.speaker is None:
            continue
        lemma = _cue_lemma(doc, starts, quote)
        if lemma not in ASSERTION_CUES or _left_unanswered(doc, starts, quote):
            continue
        start, end = _claim_span(doc, starts, quote)
        kind = _kind(lemma, quote.speaker, names.get(quote.speaker))
        claim = Claim(text=text[start:end], claimant=quote.speaker, kind=kind, start=start, end=end,
                      claimant_id=quote.speaker_id, cue=quote.cue, via=quote.via)
        claims.setdefault((start, end), claim)
    for claim in _verified(doc, entities):
        # The verified sentence replaces what its own verbs report ("a video … showed …").
        for key in [k for k in claims if claim.start <= k[0] and k[1] <= claim.end]:
            del claims[key]
        claims[(claim.start, claim.end)] = claim
    for claim in _blamed(doc, quotes):
        claims.setdefault((claim.start, claim.end), claim)
    yield from sorted(claims.values(), key=lambda c: (c.start, c.end))


def _token_at(doc, starts: list[int], char: int):
    return doc[max(bisect.bisect_right(starts, char) - 1, 0)]


def _cue_lemma(doc, starts: list[int], quote: Quote) -> str:
    """The lemma of the quote's cue word, looked up in the quote's sentence."""
    if quote.cue is None:
        return ""
    if quote.cue.startswith("according"):
        return "according"
    word = quote.cue.split()[0].lower()
    sent = _token_at(doc, starts, quote.start).sent
    for token in sent:
        if token.lower_ == word:
            lemma = token.lemma_.lower()
            return lexicon.LEMMA_FIXES.get(lemma, lemma)
    return word


_QUESTION_WORDS = frozenset("which whether what how when where why who whom".split())


def _left_unanswered(doc, starts: list[int], quote: Quote) -> bool:
    """"Kiper did not say which port had been hit", "declined to say whether …": a question the speaker
    did not answer asserts nothing."""
    if _token_at(doc, starts, quote.start).lower_ not in _QUESTION_WORDS:
        return False
    sent = _token_at(doc, starts, quote.start).sent
    word = (quote.cue or "").split()[0].lower() if quote.cue else ""
    for token in sent:
        if token.lower_ == word and token.idx < quote.start:
            negated = any(c.dep_ == "neg" for c in token.children)
            declined = token.dep_ == "xcomp" and token.head.lemma_.lower() in ("decline", "refuse")
            return negated or declined
    return False


def _claim_span(doc, starts: list[int], quote: Quote) -> tuple[int, int]:
    """The reported clause when it has a verb, else the cue's own clause ("Moscow has dismissed the
    accusations" out of "North Korea has denied …, and Moscow has dismissed the accusations"), else
    the whole sentence."""
    first = _token_at(doc, starts, quote.start)
    last = _token_at(doc, starts, max(quote.end - 1, quote.start))
    if any(t.pos_ in ("VERB", "AUX") for t in doc[first.i:last.i + 1]):
        return quote.start, quote.end
    cue = _cue_token(first.sent, quote)
    if cue is not None and cue.pos_ in ("VERB", "AUX"):
        clause = _own_clause(cue)
        if clause[0] <= first.i and last.i < clause[1]:
            tokens = [t for t in doc[clause[0]:clause[1]] if not t.is_space]
            while tokens and (tokens[-1].is_punct and tokens[-1].text not in (".", "!", "?", "”", '"', "’", ")")
                              or tokens[-1].dep_ == "cc"):
                tokens.pop()  # nor a comma or a "but" left dangling at its end
            if tokens:
                return tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    return _sentence_span(first.sent)


def _cue_token(sent, quote: Quote):
    """The quote's cue word in its sentence, the last one before the quote when it comes twice."""
    if not quote.cue:
        return None
    word = quote.cue.split()[0].lower()
    found = [t for t in sent if t.lower_ == word]
    before = [t for t in found if t.idx < quote.start]
    return (before or found or [None])[-1]


def _own_clause(verb) -> tuple[int, int]:
    """Token range of a verb's clause without the clauses conjoined to it."""
    skip = {t.i for c in verb.children if c.dep_ in ("conj", "cc") and c.i > verb.i for t in c.subtree}
    inside = [t.i for t in verb.subtree if t.i not in skip]
    return min(inside), max(inside) + 1


def _is_outlet(name: str, entity: Entity | None) -> bool:
    candidates = {name.lower(), name.lower().removeprefix("the ")}
    if entity is not None:
        candidates.update(a.lower() for a in entity.aliases)
        candidates.add(entity.name.lower())
    return bool(candidates & lexicon.NEWS_OUTLETS)


def _kind(lemma: str, claimant: str, entity: Entity | None) -> str:
    if lemma in lexicon.DENIAL_VERBS:
        return "denial"
    if _is_outlet(claimant, entity) or (lemma in lexicon.REPORT_VERBS and entity is not None
                                         and entity.type == "ORG" and _is_outlet(entity.name, entity)):
        return "report"
    return "claim"


def _entity_at(entities: Sequence[Entity], start: int, end: int) -> Entity | None:
    for entity in entities:
        for a, b in entity.mentions:
            if a < end and start < b:
                return entity
    return None


def _sentence_span(sent) -> tuple[int, int]:
    tokens = [t for t in sent if not t.is_space]
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def _verified(doc, entities: Sequence[Entity]) -> Iterator[Claim]:
    """"… verified by The Washington Post …": the sentence, verified by the agent."""
    for token in doc:
        if token.lemma_.lower() not in lexicon.VERIFY_VERBS or token.tag_ != "VBN":
            continue
        for child in token.children:
            if child.dep_ != "agent":
                continue
            objs = [g for g in child.children if g.dep_ == "pobj"]
            if not objs:
                continue
            obj = objs[0]
            lo = obj.left_edge.i
            hi = obj.right_edge.i + 1
            span = (doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1]))
            entity = _entity_at(entities, *span)
            name = entity.name if entity else doc[lo:hi].text
            start, end = _sentence_span(token.sent)
            yield Claim(text=doc_text(doc)[start:end], claimant=name, kind="verified", start=start, end=end,
                        claimant_id=entity.id if entity else None, cue=f"{token.text} by")


def _blamed(doc, quotes: Sequence[Quote]) -> Iterator[Claim]:
    """"an attack that it blamed on Ukraine": the blamer claims the attack was Ukraine's.

    The blamer is the subject of "blamed"; a pronoun takes the speaker of the quote the clause
    sits in (the ministry that said it).
    """
    for token in doc:
        if token.lemma_.lower() != "blame" or not any(c.dep_ == "prep" and c.lower_ == "on" for c in token.children):
            continue
        subjects = [c for c in token.children if c.dep_ == "nsubj"]
        if not subjects:
            continue
        subject = subjects[0]
        claimant, claimant_id = subject.text, None
        around = [q for q in quotes if q.start <= token.idx < q.end and q.speaker]
        if subject.pos_ == "PRON" and around:
            claimant, claimant_id = around[0].speaker, around[0].speaker_id
        elif subject.pos_ == "PRON":
            continue
        head = token.head if token.dep_ == "relcl" else token
        lo, hi = head.left_edge.i, head.right_edge.i + 1
        if token.dep_ == "relcl":  # "an attack that it blamed on Ukraine": the noun and its clause
            lo = min(lo, token.left_edge.i)
        start, end = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1])
        yield Claim(text=doc_text(doc)[start:end], claimant=claimant, kind="claim", start=start, end=end,
                    claimant_id=claimant_id, cue="blamed on")
