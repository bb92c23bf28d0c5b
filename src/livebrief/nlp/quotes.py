"""Quotes of one article: direct, partial and indirect speech with speaker, cue and relay.

``find_quotes(doc, *, entities)`` yields one :class:`Quote` per quoted span, in text order:

* ``direct``: words inside quotation marks (straight ``"``, curly ``“ ”``, single curly ``‘ ’`` when
  the pair is clear) that stand as a sentence or clause of their own: at the start of a sentence,
  after a colon or comma (``Kim told Putin, “…”``) or right after another quote;
* ``partial``: marked words inside a sentence of the reporter's (``views relations as a “first
  priority”``, ``said that “Russia is now rising …”``). A partial quote with no speaker is a scare
  quote and is dropped;
* ``indirect``: the clause a cue verb governs (``X said [that] …``, ``…, X said``), the clause an
  ``according to X`` phrase is attached to, or the words after ``Name:`` opening a line, when they
  are not themselves inside quotation marks. A cue inside another reported clause belongs to the
  outer speaker, so only the outer clause is a quote.

Each span of marked words is its own Quote: a quote split by its cue (``“…,” he said. “…”``) and a
quote running over several paragraphs (a paragraph that ends without a closing mark, the next one
reopening with a mark) give one Quote per span, all with the same speaker. Start/end are the
quoted words without the marks. A mark that is never closed ends its quote at the paragraph end.

The speaker comes from the dependency parse: the subject of the cue verb that governs the quote (or
that the quote's sentence has), the object of ``according to``, the noun a ``who said`` clause
hangs on, or a subject shared with the verb a cue hangs on (``…, adding that …``); else a name
before a colon (``Pence: “…”``) or after a dash (``“…” ― Name``). Pronouns are
resolved to the nearest earlier person who was a grammatical subject (he/she) or to the previous
organisation speaker (it/they); titles and generic heads are resolved to entities ("the North
Korean leader" -> Kim Jong Un, "the ministry" -> the ministry named before). Anonymous speakers
keep their description ("one military expert"). ``via`` is who relayed the words: the object of
an ``according to`` whose object is not the speaker ("According to the Kremlin, Kim told Putin").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from livebrief.model import Entity, Quote
from livebrief.nlp import lexicon

# -- quotation marks -----------------------------------------------------------------------

# '' (two apostrophes) stands for a double quotation mark in some wire copy (NYT in PolNeAR).
_MARK = re.compile(r"''|[\"“”„«»‘’]")
_CLOSERS = {"“": ("”", '"', "“"), "„": ("“", "”", '"'), "«": ("»",), '"': ('"', "”", "''"),
            "''": ("''", '"', "”"), "”": ("”", '"', "''")}
_OPEN_BEFORE = set(" \t\n([{—–-―/:;,“‘\"'") | {""}
_SENT_END = re.compile(r"[.!?…][\"”’')]*\s+")


@dataclass(frozen=True)
class _Span:
    """Quoted words: content [start, end) and the marks around it."""

    start: int
    end: int
    open_at: int
    close_at: int | None  # None when the paragraph ended first
    continued: bool = False  # the next paragraph reopens the same quote
    close_end: int | None = None  # end of the closing mark ('' is two characters)


def quoted_spans(text: str) -> list[_Span]:
    """Spans of text inside quotation marks, paragraph by paragraph (public for the benchmark)."""
    spans: list[_Span] = []
    for para_start, para_end in _paragraphs(text):
        spans.extend(_spans_in_paragraph(text, para_start, para_end))
    return spans


def _paragraphs(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for match in re.finditer(r"\n", text):
        if match.start() > start:
            yield start, match.start()
        start = match.end()
    if start < len(text):
        yield start, len(text)


def _opening(text: str, start: int, end: int, para_start: int) -> bool:
    before = text[start - 1] if start > para_start else ""
    after = text[end] if end < len(text) else ""
    return before in _OPEN_BEFORE and after not in (" ", "\n", "\t", "")


def _closing(text: str, start: int, end: int, para_end: int) -> bool:
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < para_end else ""
    return before not in (" ", "\n", "\t", "") and not after.isalnum()


def _spans_in_paragraph(text: str, para_start: int, para_end: int) -> Iterator[_Span]:
    """Double-quoted spans first; single curly quotes only outside them (nested ones stay inside)."""
    marks = [(m.start(), m.end(), m.group()) for m in _MARK.finditer(text, para_start, para_end)]
    n = 0
    while n < len(marks):
        start, end, mark = marks[n]
        opens = mark in ("“", "„", "«", '"', "''") and _opening(text, start, end, para_start)
        # A closing mark typed for an opening one at the start of a paragraph: ”Fear. I am …”
        opens = opens or (mark == "”" and start == para_start and _opening(text, start, end, para_start))
        if opens:
            close = None
            for m in range(n + 1, len(marks)):
                c_start, c_end, c_mark = marks[m]
                if c_mark in _CLOSERS[mark] and _closing(text, c_start, c_end, para_end):
                    close = m
                    break
            if close is None:
                yield _trimmed(text, end, para_end, start, None, None, _reopens(text, para_end))
                return
            c_start, c_end, _ = marks[close]
            yield _trimmed(text, end, c_start, start, c_start, c_end, False)
            n = close + 1
            continue
        if mark == "‘" and _opening(text, start, end, para_start):
            close = _find_single_close(text, end, para_end)
            if close is not None:
                yield _trimmed(text, end, close, start, close, close + 1, False)
                while n < len(marks) and marks[n][0] <= close:
                    n += 1
                continue
        n += 1


def _find_single_close(text: str, i: int, para_end: int) -> int | None:
    """The ’ that closes a ‘ (an apostrophe inside a word, as in it’s, is not a closer)."""
    limit = min(para_end, i + 300)  # a single-quoted phrase is short; beyond that it is an apostrophe
    while i < limit:
        ch = text[i]
        if ch in "“\"":
            return None
        if ch == "’":
            after = text[i + 1] if i + 1 < para_end else ""
            if not after.isalnum() and text[i - 1] != " ":
                return i
        i += 1
    return None


def _reopens(text: str, para_end: int) -> bool:
    rest = text[para_end:para_end + 20].lstrip()
    return bool(rest) and (rest[0] in "“\"„«" or rest.startswith("''"))


def _trimmed(text: str, start: int, end: int, open_at: int, close_at: int | None,
             close_end: int | None, continued: bool) -> _Span:
    while start < end and text[start].isspace():
        start += 1
    # A comma before the closing mark is the writer's punctuation, not the speaker's.
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;"):
        end -= 1
    return _Span(start, end, open_at, close_at, continued, close_end)


# -- speakers ------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Speaker:
    name: str | None
    id: str | None
    span: tuple[int, int] | None
    type: str | None = None  # entity type, or None for a description


@dataclass(frozen=True)
class _Cue:
    """A cue token with its resolved speaker and relay."""

    token: int
    text: str
    speaker: _Speaker | None
    via: str | None


class _Article:
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
        self.persons: list[tuple[int, _Speaker, bool]] = []
        for i, (entity, mention) in sorted(self.entity_at.items()):
            if entity.type == "PERSON" and not self.quoted[i] \
                    and (not self.persons or self.persons[-1][1].span != mention):
                self.persons.append((i, _from_entity(entity, mention), _is_subject(doc[i])))
        self.speakers: list[tuple[int, _Speaker]] = []  # resolved speakers in text order


def _from_entity(entity: Entity, span: tuple[int, int]) -> _Speaker:
    return _Speaker(entity.name, entity.id, span, entity.type)


def _is_subject(token) -> bool:
    head = token
    while head.dep_ in ("compound", "flat", "amod") and head.head.i != head.i:
        head = head.head
    return head.dep_ in ("nsubj", "nsubjpass")


def _cue_text(token) -> str:
    if token.lower_ == "according":
        return "according to"
    if token.lemma_ == "be":  # "is a critic of", "is opposed to": the stance word is the cue
        for child in token.children:
            if child.dep_ in ("attr", "acomp"):
                return child.text
    parts = [token.text] + [c.text for c in token.children if c.dep_ == "prt"]
    return " ".join(parts)


def _is_cue(token, quoted: list[bool]) -> bool:
    if quoted[token.i]:
        return False
    if token.lower_ == "according" and token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "to":
        return True
    if token.pos_ == "NOUN":
        return (_noun_cue_holder(token) is not None and _noun_cue_content(token) is not None) \
            or _finding_clause(token) is not None
    if token.pos_ not in ("VERB", "AUX"):
        return False
    if _lemma(token) == "be":
        return _copular_stance(token) is not None
    if _lemma(token) in lexicon.AS_VERBS and _seen_as(token):
        return True
    if _lemma(token) in _CUE_LEMMAS:
        return True
    if _lemma(token) == "put" and token.dep_ == "advcl" and _as_clause(token) \
            and any(c.dep_ == "dobj" and c.lower_ == "it" for c in token.children):
        return True  # "as one strategist put it, …"
    # Any verb with a person or group as subject and a clause as object reports a thought or an
    # utterance: "Clinton conceded that …", "aides fretted that …".
    if token.pos_ == "VERB" and _lemma(token) not in lexicon.NOT_CUES and any(c.dep_ == "ccomp" for c in token.children):
        return any(c.dep_ == "nsubj" and _is_agent_like(c) for c in token.children)
    return False


def _copular_stance(verb) -> tuple[int, int] | None:
    """What "X is a critic of …" / "X is opposed to …" / "X was confident that …" takes a stand on."""
    for child in verb.children:
        if child.dep_ == "attr" and _lemma(child) in lexicon.STANCE_NOUNS:
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
    """"see/view/describe X as Y": an object and an "as" phrase."""
    children = list(verb.children)
    return any(c.dep_ == "dobj" for c in children) and any(c.dep_ == "prep" and c.lower_ == "as" for c in children)


def _frame_clause(noun) -> tuple[int, int] | None:
    """The clause an "in X's view" / "by her account" phrase attributes, without the phrase."""
    prep = noun.head
    if _lemma(noun) not in lexicon.FRAME_NOUNS or noun.dep_ != "pobj" or prep.lower_ not in ("in", "by", "to"):
        return _finding_clause(noun)
    verb = prep.head
    if verb.pos_ not in ("VERB", "AUX") or prep.dep_ != "prep":
        return None
    return _clause_without(verb, prep)


def _finding_clause(noun) -> tuple[int, int] | None:
    """The clause an opening "in a poll released Monday, …" attributes to the poll, without the phrase."""
    prep = noun.head
    if _lemma(noun) not in lexicon.FINDING_NOUNS or noun.dep_ != "pobj" or prep.lower_ != "in" \
            or prep.dep_ != "prep" or prep.head.pos_ not in ("VERB", "AUX") or prep.i > prep.head.i:
        return None
    if _lemma(prep.head) in _CUE_LEMMAS:
        return None  # "In a recent study, three economists found …": the economists speak
    return _clause_without(prep.head, prep)


def _clause_without(verb, prep) -> tuple[int, int]:
    lo, hi = verb.left_edge.i, verb.right_edge.i + 1
    a, b = prep.left_edge.i, prep.right_edge.i + 1
    left, right = (lo, a), (b, hi)
    return max((left, right), key=lambda r: r[1] - r[0])


def _noun_cue_holder(noun):
    """The possessor of a cue noun who can hold a view: "Trump's claim", "his plan"; else None."""
    if _lemma(noun) not in lexicon.CUE_NOUNS and _lemma(noun) not in lexicon.FRAME_NOUNS:
        return None
    for child in noun.children:
        if child.dep_ == "poss" and (_is_agent_like(child) or child.tag_ == "PRP$"):
            return child
    return None


_NOUN_CUE_PREPOSITIONS = frozenset({"of", "on", "about", "for", "against", "to"})


def _noun_cue_content(noun) -> tuple[int, int] | None:
    """What a cue noun reports: its clause ("claim that …", "plan to …") or its topic ("criticism of …")."""
    framed = _frame_clause(noun)
    if framed is not None:
        return framed
    if _lemma(noun) not in lexicon.CUE_NOUNS:
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


def _is_agent_like(token) -> bool:
    """A subject that can say or think: a person, a group, a pronoun or a noun for people."""
    if token.ent_type_ in ("PERSON", "ORG", "NORP"):
        return True
    if token.lower_ in ("i", "we", "he", "she", "they", "who", "all", "many", "most", "some", "several", "few"):
        return True
    lemma = _lemma(token)
    if any(c.dep_ == "appos" and c.ent_type_ in ("PERSON", "ORG", "NORP") for c in token.children):
        return True  # "Trump's running mate, Indiana Gov. Mike Pence, plans …"
    if lemma in lexicon.PORTION_HEADS:  # "dozens of papers", "most of the voters"
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                return any(_is_agent_like(c) or _lemma(c) in lexicon.SOURCE_NOUNS
                           for c in prep.children if c.dep_ == "pobj")
    return lemma in lexicon.PEOPLE_NOUNS or lemma in lexicon.ORG_HEADS


_CUE_LEMMAS = (lexicon.SPEECH_VERBS | lexicon.BELIEF_VERBS | lexicon.STANCE_VERBS | lexicon.GENERAL_SPEECH_VERBS
               | lexicon.GENERAL_BELIEF_VERBS | lexicon.GENERAL_STANCE_VERBS)


def _lemma(token) -> str:
    lemma = token.lemma_.lower()
    return lexicon.LEMMA_FIXES.get(lemma, lemma)


def _resolve_cues(art: _Article) -> dict[int, _Cue]:
    """Every cue token of the article, in text order, with its speaker resolved."""
    cues: dict[int, _Cue] = {}
    for token in art.doc:
        if not _is_cue(token, art.quoted):
            continue
        subject = _subject_token(token, art)
        if subject is not None and _lemma(token) not in lexicon.SPEECH_VERBS and token.lower_ != "according" \
                and not (_is_agent_like(subject) or subject.tag_ in ("PRP", "WP", "PRP$")
                         or _lemma(subject) in lexicon.SOURCE_NOUNS or subject.ent_type_ == "GPE"
                         or (subject.head.dep_ == "agent" and subject.pos_ == "PROPN")):
            subject = None  # "the videos do not show …", "reason to believe …": no one holds the view
        speaker = _speaker_of(subject, art) if subject is not None else None
        if speaker is not None and speaker.name is not None:
            art.speakers.append((token.i, speaker))
        cues[token.i] = _Cue(token.i, _cue_text(token), speaker, _via(token, art, speaker))
    return cues


def _subject_token(verb, art: _Article):
    """The token naming who speaks for a cue token, or None."""
    if verb.pos_ == "NOUN":  # "Trump's claim that …"; a poll speaks for itself: "in a new poll, …"
        return _noun_cue_holder(verb) or (verb if _finding_clause(verb) is not None else None)
    if verb.lower_ == "according":
        to = verb.doc[verb.i + 1]
        for child in to.children:
            if child.dep_ == "pobj":
                return child
        return None
    seen = 0
    node = verb
    while seen < 4:
        seen += 1
        for child in node.children:
            if child.dep_ in ("nsubj", "csubj") and not art.quoted[child.i] and not _is_dateline(child):
                return child
            if child.dep_ == "agent":
                for grand in child.children:
                    if grand.dep_ == "pobj":
                        return grand
        if node.dep_ == "relcl" and node.head.pos_ in ("NOUN", "PROPN"):
            return node.head
        # Only verbs of saying borrow a subject: "…, adding that …", "by telling them that …",
        # "said … and added …", "used the meeting to state …". "When asked", "for proposing" and
        # "has joined … and admit" name someone else, or no one.
        if node.dep_ == "pcomp" and node.tag_ == "VBG" and node.head.head.pos_ in ("VERB", "AUX"):
            node = node.head.head
            continue
        head = node.head
        if head.i == node.i or head.pos_ not in ("VERB", "AUX"):
            break
        if node.dep_ == "xcomp" or (node.dep_ == "advcl" and node.tag_ == "VBG") \
                or (node.dep_ == "conj" and (_lemma(head) in _CUE_LEMMAS or _lemma(node) in _CUE_LEMMAS)):
            node = head
            continue
        break
    return _adjacent_subject(verb, art)


def _is_dateline(token) -> bool:
    """A time stamp the parser took for a subject: "12:15 p.m.\n\nDonald Trump says …"."""
    if token.ent_type_ in ("TIME", "DATE") and token.pos_ != "PRON":
        return True
    return token.lower_ in ("a.m.", "p.m.", "am", "pm")


def _relative_antecedent(pronoun, relcl, art: _Article):
    """"Razvozhaev, a … official overseeing the area, who said": who is the person, not the area."""
    if pronoun.lower_ in ("who", "whom"):
        for i in range(pronoun.i - 1, pronoun.sent.start - 1, -1):
            hit = art.entity_at.get(i)
            if hit and hit[0].type == "PERSON" and not art.quoted[i]:
                return pronoun.doc[i]
    return relcl.head


def _adjacent_subject(verb, art: _Article):
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


def _speaker_of(token, art: _Article) -> _Speaker | None:
    """Resolve the subject token to a speaker: entity, pronoun antecedent or description."""
    doc = art.doc
    if token.lower_ in lexicon.PERSON_PRONOUNS or token.lower_ in lexicon.GROUP_PRONOUNS:
        span = (token.idx, token.idx + len(token))
        resolved = _antecedent(token, art)
        if resolved is None:
            return _Speaker(None, None, span)
        return _Speaker(resolved.name, resolved.id, span, resolved.type)
    if token.lower_ in lexicon.RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
        antecedent = _relative_antecedent(token, token.head, art)
        if antecedent is None or antecedent.lower_ in lexicon.RELATIVE_PRONOUNS:
            return None
        named = _speaker_of(antecedent, art)
        if named is None:
            return None
        return _Speaker(named.name, named.id, (token.idx, token.idx + len(token)), named.type)
    if token.pos_ == "PRON" and token.lower_ not in ("one",):
        return None  # "I", "we", "you", "this", "that": no speaker to name
    if token.i in art.entity_at:
        entity, span = art.entity_at[token.i]
        return _from_entity(entity, span)
    for child in token.children:  # "His campaign manager, Jeff Weaver, said"
        if child.dep_ == "appos" and child.i in art.entity_at and art.entity_at[child.i][0].type == "PERSON":
            entity, span = art.entity_at[child.i]
            return _from_entity(entity, span)
    start, end = _noun_phrase(token)
    if start >= end:
        return None
    text = _describe(doc, start, end, art)
    span = (doc[start].idx, doc[end - 1].idx + len(doc[end - 1]))
    for entity in _entities_in(art, start, end):
        if entity.type in ("PERSON", "ORG"):
            return _Speaker(entity.name, entity.id, span, entity.type)
    titled = _by_title(text, art)
    if titled is not None:
        return _Speaker(titled.name, titled.id, span, titled.type)
    fuller = _earlier_same_head(token, art)
    if fuller is not None:
        return _Speaker(fuller.name, fuller.id, span, fuller.type)
    return _Speaker(text, None, span)


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
            end = child.right_edge.i + 1
        else:
            break
    doc = token.doc
    while left < token.i and (doc[left].is_punct or doc[left].is_space):
        left += 1
    while end - 1 > token.i and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return left, end


def _entities_in(art: _Article, start: int, end: int) -> Iterator[Entity]:
    seen = set()
    for i in range(start, end):
        hit = art.entity_at.get(i)
        if hit and hit[0].id not in seen:
            seen.add(hit[0].id)
            yield hit[0]


def _by_title(text: str, art: _Article) -> Entity | None:
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


def _earlier_same_head(token, art: _Article) -> _Speaker | None:
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
            return _from_entity(entity, span)
        start, end = _noun_phrase(other)
        words = [t for t in doc[start:end] if t.lower_ not in ("the", "a", "an")]
        if len(words) <= 1:
            return None
        text = _describe(doc, start, end, art)
        return _Speaker(text, None, (doc[start].idx, doc[end - 1].idx + len(doc[end - 1])), "ORG")
    return None


_THE_COUNTRY = re.compile(r"^(?:the|its|their)\s+(?:country|nation)\s*['’]s\s+", re.IGNORECASE)


def _describe(doc, start: int, end: int, art: _Article) -> str:
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


def _antecedent(token, art: _Article) -> _Speaker | None:
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
        return earlier[-1][1] if earlier else None
    earlier = [(i, s) for i, s in art.speakers if i < token.i and s.type != "PERSON"]
    if earlier and token.i - earlier[-1][0] < 120:
        return earlier[-1][1]
    for i in range(token.i - 1, max(token.i - 120, -1), -1):
        hit = art.entity_at.get(i)
        if hit and hit[0].type == "ORG" and not art.quoted[i]:
            return _from_entity(*hit)
    return None


def _via(verb, art: _Article, speaker: _Speaker | None) -> str | None:
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


# -- quotes --------------------------------------------------------------------------------

def find_quotes(doc, *, entities: Sequence[Entity]) -> Iterator[Quote]:
    """Direct, partial and indirect quotes of the article, in text order."""
    art = _Article(doc, entities)
    cues = _resolve_cues(art)
    quotes = list(_marked_quotes(doc, art.spans, art, cues))
    quotes.extend(_indirect_quotes(doc, art, cues))
    quotes.extend(_colon_quotes(doc, art, quotes))
    quotes.sort(key=lambda q: (q.start, q.end))
    yield from quotes


def _kind(text: str, span: _Span) -> str:
    """direct when the marks open a sentence or clause; partial when words of the writer lead in."""
    i = span.open_at
    para_start = text.rfind("\n", 0, i) + 1
    before = text[para_start:i]
    last_end = None
    for match in _SENT_END.finditer(before):
        last_end = match.end()
    lead = before[last_end:] if last_end is not None else before
    lead = lead.rstrip()
    if not lead or lead[-1] in ":,;—–―(\"”’'" or lead.endswith("--"):
        return "direct"
    return "partial"


def _marked_quotes(doc, spans: list[_Span], art: _Article, cues: dict[int, _Cue]) -> Iterator[Quote]:
    text = art.text
    found: list[tuple[_Span, str, _Cue | None]] = []
    for span in spans:
        if span.end <= span.start:
            continue
        kind = _kind(text, span)
        cue = _cue_for_span(doc, span, art, cues)
        found.append((span, kind, cue))
    results: list[tuple[_Span, str, _Speaker | None, str | None, str | None]] = []
    for n, (span, kind, cue) in enumerate(found):
        speaker = cue.speaker if cue else None
        cue_text = cue.text if cue else None
        via = cue.via if cue else None
        if speaker is None or speaker.name is None:
            inherited = _inherit(n, found, text, art, cues)
            if inherited is not None:
                speaker, via = inherited.speaker, inherited.via
        if kind == "partial" and (speaker is None or speaker.name is None) and cue is None:
            continue  # scare quotes: no one is quoted
        results.append((span, kind, speaker, cue_text, via))
    for span, kind, speaker, cue_text, via in results:
        yield Quote(text=text[span.start:span.end], kind=kind,
                    speaker=speaker.name if speaker else None, start=span.start, end=span.end,
                    speaker_id=speaker.id if speaker else None, cue=cue_text, via=via,
                    speaker_span=speaker.span if speaker else None)


def _inherit(n: int, found: list[tuple[_Span, str, _Cue | None]], text: str,
             art: _Article | None = None, cues: dict[int, _Cue] | None = None) -> _Cue | None:
    """A quote without a cue of its own takes the speaker of the quote it continues.

    That is the previous quote in the same paragraph ("“…,” he said. “…”"), the previous
    segment of a quote running over paragraphs, or, for a paragraph that opens with a quote,
    the last attributed quote of the paragraph before; else the next quote in the same paragraph.
    """
    span, kind, _ = found[n]
    para_start = text.rfind("\n", 0, span.open_at) + 1
    if n > 0:
        prev_span, _, prev_cue = found[n - 1]
        same_para = prev_span.open_at >= para_start
        prev_para_start = text.rfind("\n", 0, max(para_start - 1, 0)) + 1
        while prev_para_start > 0 and not text[prev_para_start:para_start].strip():
            prev_para_start = text.rfind("\n", 0, prev_para_start - 1) + 1
        carried = prev_span.continued or (kind == "direct" and span.open_at == para_start
                                          and prev_span.open_at >= prev_para_start)
        if prev_cue is not None and prev_cue.speaker is not None and prev_cue.speaker.name \
                and (same_para or carried):
            return prev_cue
    if n + 1 < len(found):
        next_span, _, next_cue = found[n + 1]
        para_end = text.find("\n", span.open_at)
        if (para_end == -1 or next_span.open_at < para_end) and next_cue is not None \
                and next_cue.speaker is not None and next_cue.speaker.name:
            return next_cue
    if kind == "direct" and span.open_at == para_start and art is not None:
        return _last_speech_cue_before(art, cues or {}, para_start)
    return None


def _last_speech_cue_before(art: _Article, cues: dict[int, _Cue], para_start: int) -> _Cue | None:
    """The last verb of saying with a speaker in the paragraph before ``para_start``.

    "Smith spoke to reporters on Monday. / “We are ready.”": the quote is Smith's.
    """
    text = art.text
    prev_end = para_start - 1
    while prev_end > 0 and text[prev_end - 1].isspace():
        prev_end -= 1
    prev_start = text.rfind("\n", 0, prev_end) + 1
    lo = bisect.bisect_left(art.starts, prev_start)
    hi = bisect.bisect_left(art.starts, prev_end)
    for i in range(hi - 1, lo - 1, -1):
        cue = cues.get(i)
        if cue is not None and cue.speaker is not None and cue.speaker.name \
                and _lemma(art.doc[i]) in lexicon.SPEECH_VERBS:
            return cue
    return None


def _cue_for_span(doc, span: _Span, art: _Article, cues: dict[int, _Cue]) -> _Cue | None:
    """The cue governing the quoted words, else the nearest cue with a speaker in their sentence."""
    inner = doc.char_span(span.start, span.end, alignment_mode="expand")
    if inner is None or len(inner) == 0:
        return None
    lo, hi = inner.start, inner.end
    signed = _signed(doc, span, art) or _colon_cue(doc, span, art, cues)
    if signed is not None:
        return signed
    # 1. A cue the quoted words hang on in the parse. When a verb of saying further up has the same
    # speaker, its mention is the one that names them: "China said it was “resolutely opposed”".
    for token in inner:
        node = token.head
        found = None
        for _ in range(8):
            if lo <= node.i < hi:
                break
            cue = cues.get(node.i)
            if cue is not None and cue.speaker is not None and _lemma(node) not in lexicon.BELIEF_VERBS:
                if found is None:
                    found = cue
                elif _lemma(node) in lexicon.SPEECH_VERBS and cue.speaker.name == found.speaker.name \
                        and _is_pronoun_span(art, found.speaker.span):
                    found = cue
            if node.head.i == node.i:
                break
            node = node.head
        if found is not None:
            return found
    # 2. The nearest cue with a speaker in the sentences the quote touches.
    sent_lo = doc[lo].sent.start
    sent_hi = doc[hi - 1].sent.end
    for _ in range(3):  # "“…,” Air Force Brig. / Gen. Patrick Ryder said": the model split early
        if sent_hi >= len(doc) or not _ends_sentence_early(doc, sent_hi, art.text):
            break
        sent_hi = doc[sent_hi].sent.end
    best = None
    for i in range(sent_lo, sent_hi):
        cue = cues.get(i)
        if cue is None or cue.speaker is None or lo <= i < hi:
            continue
        distance = (lo - i) if i < lo else (i - hi)
        rank = (0 if _lemma(doc[i]) in lexicon.SPEECH_VERBS or doc[i].lower_ == "according" else 1, distance)
        if best is None or rank < best[0]:
            best = (rank, cue)
    return best[1] if best else None


def _is_pronoun_span(art: _Article, span: tuple[int, int] | None) -> bool:
    words = art.text[span[0]:span[1]].lower() if span else ""
    return words in lexicon.PERSON_PRONOUNS or words in lexicon.GROUP_PRONOUNS


_COLON_LEAD = re.compile(r"\s*([^:\n]{1,60}?)\s*:\s*$")
_COLON_LINE = re.compile(r"[ \t]*([^:\n]{1,60}?)[ \t]*:[ \t]*(.*)$")


def _colon_name(doc, start: int, end: int, art: _Article) -> _Speaker | None:
    """"Pence" in "Pence: …" or "JAKE TAPPER" in a transcript: a name standing before a colon."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not 0 < len(span) <= 5:
        return None
    words = [t for t in span if t.lower_ != "the"]
    if not words or any(t.ent_type_ in ("DATE", "TIME", "CARDINAL") or t.pos_ in ("VERB", "AUX") for t in words):
        return None
    if any(t.lower_ in lexicon.COLON_LABELS for t in words):
        return None
    hits = {art.entity_at[t.i] for t in words if t.i in art.entity_at}
    if len(hits) == 1:
        entity, mention = next(iter(hits))
        if entity.type in ("PERSON", "ORG"):
            return _from_entity(entity, mention)
    if hits or not all(t.is_title or t.is_upper or t.is_punct for t in words):
        return None  # a place or a phrase of the writer's, not a name
    if not all(t.is_upper or t.is_punct for t in words) \
            and not any(_lemma(t) in lexicon.PEOPLE_NOUNS or t.lower_ in lexicon.TITLE_WORDS for t in words):
        return None  # "Stealth Over Health: …" is a headline's lead, not a speaker
    return _Speaker(art.text[start:end], None, (start, end))


def _colon_cue(doc, span: _Span, art: _Article, cues: dict[int, _Cue]) -> _Cue | None:
    """Who speaks a quote introduced by a colon: "Pence: “…”", "X said: “…”", or a name line before."""
    text = art.text
    line_start = text.rfind("\n", 0, span.open_at) + 1
    lead = text[line_start:span.open_at]
    if not lead.strip():  # the quote opens its paragraph: look at the paragraph before
        prev_end = line_start - 1
        while prev_end > 0 and text[prev_end - 1].isspace():
            prev_end -= 1
        prev_start = text.rfind("\n", 0, prev_end) + 1
        lead = text[prev_start:prev_end]
        line_start = prev_start
        if not lead.endswith(":"):
            return None
    match = _COLON_LEAD.search(lead) if lead.rstrip().endswith(":") else None
    if match is None:
        return None
    name = _colon_name(doc, line_start + match.start(1), line_start + match.end(1), art) \
        if match.start(1) == len(lead) - len(lead.lstrip()) else None
    if name is not None:
        return _Cue(-1, ":", name, None)
    colon = line_start + match.end(1)
    best = None
    for i in range(bisect.bisect_left(art.starts, line_start), bisect.bisect_left(art.starts, colon)):
        if i in cues and cues[i].speaker is not None:
            best = cues[i]  # the last cue before the colon: "One message … said:"
    return best


def _colon_quotes(doc, art: _Article, found: list[Quote]) -> Iterator[Quote]:
    """Unmarked words after "Name:" at the start of a paragraph (headlines, transcripts)."""
    text = art.text
    taken = [(q.start, q.end) for q in found]
    paragraphs = list(_paragraphs(text))
    for n, (start, end) in enumerate(paragraphs):
        match = _COLON_LINE.match(text, start, end)
        if match is None:
            continue
        speaker = _colon_name(doc, match.start(1), match.end(1), art)
        if speaker is None:
            continue
        c_start, c_end = match.start(2), end
        if c_start >= c_end and n + 1 < len(paragraphs):  # "FALLIN:" on a line of its own
            c_start, c_end = paragraphs[n + 1]
        while c_end > c_start and text[c_end - 1].isspace():
            c_end -= 1
        if c_end - c_start < 3 or text[c_start] in "\"“‘'„«":
            continue  # empty, or a marked quote the direct pass already has
        if any(a < c_end and c_start < b for a, b in taken):
            continue
        yield Quote(text=text[c_start:c_end], kind="indirect", speaker=speaker.name, start=c_start, end=c_end,
                    speaker_id=speaker.id, cue=":", via=None, speaker_span=speaker.span)


_DASH_NAME = re.compile(r"[ \u00a0]*[―—–-]{1,2}[ \u00a0]*")


def _signed(doc, span: _Span, art: _Article) -> _Cue | None:
    """A quote signed with a dash: “…” ― Sonya Herridge."""
    if span.close_end is None:
        return None
    match = _DASH_NAME.match(art.text, span.close_end)
    if match is None or match.end() == span.close_end:
        return None
    token = doc.char_span(match.end(), match.end() + 1, alignment_mode="expand")
    if token is None or len(token) == 0:
        return None
    hit = art.entity_at.get(token[0].i)
    if hit is None or hit[0].type != "PERSON":
        return None
    return _Cue(token[0].i, "—", _from_entity(*hit), None)


def _ends_sentence_early(doc, sent_hi: int, text: str) -> bool:
    """True when the sentence before ``sent_hi`` does not really end there.

    It ends on a comma inside a closing mark ("…,”"), on a rank abbreviation ("Brig."), or on no
    end punctuation at all, and the next sentence is not a paragraph of its own.
    """
    last = sent_hi - 1
    while last > 0 and doc[last].is_space:
        last -= 1
    if "\n" in text[doc[last].idx:doc[sent_hi].idx]:
        return False
    tok = doc[last]
    if tok.text in ("”", '"', "’", "''") and last > 0:
        # “…,” he said.  /  “… missing.” Trump said.  (a short cue sentence right after the mark)
        return doc[last - 1].text == "," or _is_short_cue_sentence(doc, sent_hi)
    if tok.text == "." and last > 0:
        return doc[last - 1].lower_ in lexicon.TITLE_ABBREVIATIONS
    return tok.text not in ("!", "?", "…")


def _is_short_cue_sentence(doc, start: int) -> bool:
    """"Trump said." / "he wrote Saturday.": a subject and a verb of saying, and little else."""
    sent = doc[start].sent
    if len(sent) > 10:
        return False
    return any(_lemma(t) in lexicon.SPEECH_VERBS and any(c.dep_ == "nsubj" for c in t.children) for t in sent)


def _indirect_quotes(doc, art: _Article, cues: dict[int, _Cue]) -> list[Quote]:
    """Reported clauses: "X said [that] …", "…, X said", "according to X, …".

    A cue inside another reported clause is part of what the outer speaker said ("Analysts say
    governments will insist on …", "she said she thought …"): only the outer one is a quote.
    """
    clauses = list(_reported_clauses(doc, art, cues))
    relayed = {id(q) for q in _without_relayed([q for _, q in clauses])}
    found = sorted(((at, q) for at, q in clauses if id(q) in relayed), key=lambda item: item[1].start - item[1].end)
    kept: list[Quote] = []
    for cue_at, quote in found:
        if any(q.start <= cue_at < q.end for q in kept):
            continue
        kept.append(quote)
    return kept


def _reported_clauses(doc, art: _Article, cues: dict[int, _Cue]) -> Iterator[tuple[int, Quote]]:
    for i, cue in cues.items():
        if cue.speaker is None:
            continue
        token = doc[i]
        content = _reported_clause(token, art)
        if content is None:
            continue
        lo, hi = content
        start_char = doc[lo].idx
        end_char = doc[hi - 1].idx + len(doc[hi - 1])
        if _mostly_quoted(art, lo, hi):
            continue
        if cue.speaker.span and cue.speaker.span[0] >= start_char and cue.speaker.span[1] <= end_char:
            continue
        yield token.idx, Quote(text=art.text[start_char:end_char], kind="indirect", speaker=cue.speaker.name,
                               start=start_char, end=end_char, speaker_id=cue.speaker.id, cue=cue.text,
                               via=cue.via, speaker_span=cue.speaker.span)


def _without_relayed(quotes: list[Quote]) -> list[Quote]:
    """Drop "according to X" readings of a clause that another cue in the sentence reports.

    In "Loh said, according to the AP", the AP relays Loh's words: the quote is Loh's, via the AP.
    """
    others = [q for q in quotes if q.cue != "according to"]
    kept = []
    for quote in quotes:
        if quote.cue == "according to":
            size = quote.end - quote.start
            if any(min(quote.end, o.end) - max(quote.start, o.start) > size / 2 for o in others):
                continue
        kept.append(quote)
    return kept


def _reported_clause(token, art: _Article) -> tuple[int, int] | None:
    """Token range of what a cue reports, or None."""
    doc = token.doc
    if token.lower_ == "according":
        head = token.head
        if head.i == token.i or (head.lemma_.lower() in lexicon.SPEECH_VERBS and not art.quoted[head.i]):
            return None  # "According to the Kremlin, Kim told Putin …": a relay of Kim's words
        sent = token.sent
        skip_lo, skip_hi = token.left_edge.i, token.right_edge.i + 1
        root = head if head.pos_ in ("VERB", "AUX") else sent.root
        lo, hi = root.left_edge.i, root.right_edge.i + 1
        return _trim_range(doc, lo, hi, skip=(skip_lo, skip_hi), art=art)
    if token.pos_ == "NOUN":
        content = _noun_cue_content(token)
        return _trim_range(doc, *content, art=art) if content else None
    lemma = _lemma(token)
    if lemma == "be":
        content = _copular_stance(token)
        return _trim_range(doc, *content, art=art, shortest=1) if content else None
    children = list(token.children)
    for child in children:
        if child.dep_ == "ccomp" or (child.dep_ == "xcomp" and lemma in lexicon.XCOMP_CUES):
            return _trim_range(doc, child.left_edge.i, child.right_edge.i + 1, art=art)
    if (token.dep_ == "parataxis" or (token.dep_ == "advcl" and _as_clause(token))) \
            and token.head.pos_ in ("VERB", "AUX"):
        head = token.head
        return _trim_range(doc, head.left_edge.i, head.right_edge.i + 1,
                           skip=(token.left_edge.i, token.right_edge.i + 1), art=art)
    if lemma not in lexicon.LISTENER_VERBS:
        for child in children:
            named = any(o.dep_ == "oprd" and o.i > child.i for o in children)  # "called him a master"
            if child.dep_ == "dobj" and (child.lower_ not in lexicon.NOT_CONTENT or (named and child.lower_ not in ("what", "which"))) \
                    and child.ent_type_ not in ("DATE", "TIME"):
                hi = child.right_edge.i + 1
                for other in children:  # "called the charges unsubstantiated", "sees it as a threat"
                    if (other.dep_ in ("oprd", "ccomp", "xcomp") or (other.dep_ == "prep" and other.lower_ == "as")) \
                            and other.i > child.i:
                        hi = max(hi, other.right_edge.i + 1)
                # a bare name is a stand's object too: "the union endorsed Clinton"
                shortest = 1 if child.pos_ == "PROPN" and lemma not in lexicon.SPEECH_VERBS else 2
                return _trim_range(doc, child.left_edge.i, hi, art=art, shortest=shortest)
    if any(c.dep_ == "agent" for c in children):  # "Clinton was endorsed by the Times": Clinton
        for child in children:
            if child.dep_ == "nsubjpass" and child.lower_ not in lexicon.NOT_CONTENT:
                return _trim_range(doc, child.left_edge.i, child.right_edge.i + 1, art=art,
                                   shortest=1 if child.pos_ == "PROPN" else 2)
    for child in children:
        if child.dep_ == "oprd" and any(c.dep_ == "dobj" and c.lower_ in ("what", "which") for c in children):
            # "what she called a 'rant'": the name given is what is reported
            return _trim_range(doc, child.left_edge.i, child.right_edge.i + 1, art=art, shortest=1)
        if child.dep_ == "advcl" and any(c.lower_ in ("whether", "how", "why") and c.dep_ in ("advmod", "mark")
                                         for c in child.children):
            # "lawmakers have not said how they would pay for it" ("when"/"if" are mostly time and condition)
            return _trim_range(doc, child.left_edge.i, child.right_edge.i + 1, art=art)
    preps = lexicon.TOPIC_PREPOSITIONS.get(lemma, ())
    for child in children:
        if child.dep_ == "prep" and child.lower_ in preps:
            objs = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objs:
                return _trim_range(doc, objs[0].left_edge.i, objs[0].right_edge.i + 1, art=art)
    return None


def _as_clause(token) -> bool:
    """"As Rosenthal put it, …", "as she noted, …": the clause the cue hangs on is what was said."""
    return any(c.dep_ == "mark" and c.lower_ == "as" for c in token.children) \
        and any(c.dep_ == "nsubj" for c in token.children)


def _trim_range(doc, lo: int, hi: int, *, skip: tuple[int, int] | None = None, art: _Article,
                shortest: int = 2):
    """The longest run of [lo, hi) outside ``skip``, without edge punctuation or quoted marks."""
    if skip is not None:
        a, b = skip
        left, right = (lo, min(a, hi)), (max(b, lo), hi)
        lo, hi = max((left, right), key=lambda r: r[1] - r[0])
    while lo < hi and (doc[lo].is_punct or doc[lo].is_space or doc[lo].lower_ in ("and", "but")):
        lo += 1
    while hi > lo and (doc[hi - 1].is_punct or doc[hi - 1].is_space):
        hi -= 1
    if hi - lo < shortest:
        return None
    return lo, hi


def _mostly_quoted(art: _Article, lo: int, hi: int) -> bool:
    words = [i for i in range(lo, hi) if not art.doc[i].is_punct]
    if not words:
        return True
    inside = sum(1 for i in words if art.quoted[i])
    return inside >= max(1, len(words) - 1)
