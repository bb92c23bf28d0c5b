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
before a colon (``Pence: “…”``) or after a dash (``“…” ― Name``), the person or group a colon's
lead-in has as subject (``X issued the following statement: “…”``), or the speaker of a sentence of
saying right before that reports nothing itself (``X said in a statement. “…”``). Pronouns are
resolved to the nearest earlier person who was a grammatical subject (he/she) or to the previous
organisation speaker (it/they); titles and generic heads are resolved to entities ("the North
Korean leader" -> Kim Jong Un, "the ministry" -> the ministry named before). Anonymous speakers
keep their description ("one military expert"). ``via`` is who relayed the words: the object of
an ``according to`` whose object is not the speaker ("According to the Kremlin, Kim told Putin").

Modules: ``quote_marks`` (quotation marks and kinds), ``quote_cues`` (what is a cue and what it
reports), ``quote_speakers`` (who speaks); this one puts quotes together from them.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence

from livebrief.model import Entity, Quote
from livebrief.nlp import lexicon
from livebrief.nlp.quote_cues import is_agent_like, lemma_of, reported_clause
from livebrief.nlp.quote_marks import QuotedSpan, paragraphs, quote_kind, quoted_spans
from livebrief.nlp.quote_speakers import (ArticleIndex, Cue, Speaker, frame_cue, from_entity, lead_in_speaker,
                                          resolve_cues, surname_speaker)

__all__ = ["find_quotes", "quoted_spans"]

SCARE_QUOTE_WORDS = 5  # partial quotes this short in a sentence without a cue inherit no speaker from elsewhere


def find_quotes(doc, *, entities: Sequence[Entity]) -> Iterator[Quote]:
    """Direct, partial and indirect quotes of the article, in text order."""
    art = ArticleIndex(doc, entities)
    cues = resolve_cues(art)
    quotes = list(_marked_quotes(doc, art.spans, art, cues))
    quotes.extend(_indirect_quotes(doc, art, cues))
    quotes.extend(_colon_quotes(doc, art, quotes))
    quotes.sort(key=lambda q: (q.start, q.end))
    yield from quotes


def _marked_quotes(doc, spans: list[QuotedSpan], art: ArticleIndex, cues: dict[int, Cue]) -> Iterator[Quote]:
    text = art.text
    found: list[tuple[QuotedSpan, str, Cue | None]] = []
    for span in spans:
        if span.end <= span.start:
            continue
        kind = quote_kind(text, span)
        cue = _cue_for_span(doc, span, art, cues)
        found.append((span, kind, cue))
    results: list[tuple[QuotedSpan, str, Speaker | None, str | None, str | None]] = []
    for n, (span, kind, cue) in enumerate(found):
        speaker = cue.speaker if cue else None
        cue_text = cue.text if cue else None
        via = cue.via if cue else None
        if speaker is None or speaker.name is None:
            inherited = _inherit(n, found, text, art, cues)
            # A few marked words in a sentence with no cue are the writer's scare quotes ("a version of “hit and
            # run”"), not the words of a speaker quoted in the sentence before.
            scare = kind == "partial" and len(text[span.start:span.end].split()) <= SCARE_QUOTE_WORDS \
                and _other_sentence(doc, span, found, n)
            if inherited is not None and not scare:
                speaker, via = inherited.speaker, inherited.via
        if kind == "partial" and (speaker is None or speaker.name is None) and cue is None:
            continue  # scare quotes: no one is quoted
        if kind == "partial" and _NAMING.search(text[max(0, span.open_at - 40):span.open_at]):
            continue  # a name, not words anyone said: the so-called “Boiko towers”
        results.append((span, kind, speaker, cue_text, via))
    for span, kind, speaker, cue_text, via in results:
        yield Quote(text=text[span.start:span.end], kind=kind,
                    speaker=speaker.name if speaker else None, start=span.start, end=span.end,
                    speaker_id=speaker.id if speaker else None, cue=cue_text, via=via,
                    speaker_span=speaker.span if speaker else None)


def _other_sentence(doc, span, found, n) -> bool:
    """Whether the neighbouring quote a partial quote would inherit from stands in another sentence."""
    here = doc.char_span(span.start, span.end, alignment_mode="expand")
    if here is None or not len(here):
        return False
    sent = here[0].sent
    near = [s for k, (s, _, c) in enumerate(found) if k in (n - 1, n + 1) and c is not None]
    return not any(sent.start_char <= s.start < sent.end_char for s in near)


def _inherit(n: int, found: list[tuple[QuotedSpan, str, Cue | None]], text: str,
             art: ArticleIndex | None = None, cues: dict[int, Cue] | None = None) -> Cue | None:
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
        if prev_cue is not None and prev_cue.speaker is not None and (same_para or carried) \
                and (prev_cue.speaker.name or same_para and prev_cue.speaker.span is not None):
            return prev_cue  # an unresolved "she" of "“…,” she said. “…”" speaks both parts
    if n + 1 < len(found):
        next_span, _, next_cue = found[n + 1]
        para_end = text.find("\n", span.open_at)
        # Only a quote that follows on at once ("“…” “…,” he said."): one after a sentence of someone else's
        # ("“…” In a piece for the Guardian, Barrett said …") leaves this one to the sentence before it.
        gap = text[span.close_end if span.close_end is not None else span.end:next_span.open_at]
        if (para_end == -1 or next_span.open_at < para_end) and next_cue is not None \
                and next_cue.speaker is not None and next_cue.speaker.name \
                and (len(gap.split()) <= 3 or kind != "direct" or art is None
                     or _bare_cue_before(art, cues or {}, span.open_at, para_start) is None):
            return next_cue
    if kind == "direct" and span.open_at == para_start and art is not None:
        return _last_speech_cue_before(art, cues or {}, para_start)
    if kind == "direct" and art is not None:
        return _bare_cue_before(art, cues or {}, span.open_at, para_start)
    return None


def _bare_cue_before(art: ArticleIndex, cues: dict[int, Cue], open_at: int, para_start: int) -> Cue | None:
    """The cue of a sentence that reports nothing itself, right before the quote in its paragraph.

    "Sam Lau said in a statement. “There are no ballots to recount.”": the quote is Lau's.
    """
    doc = art.doc
    k = bisect.bisect_left(art.starts, open_at) - 1
    while k >= 0 and doc[k].is_space:
        k -= 1
    if k < 0 or doc[k].text not in (".", ":") or doc[k].idx < para_start:
        return None
    sent = doc[k].sent
    for i in range(max(sent.start, bisect.bisect_left(art.starts, para_start)), k):
        cue = cues.get(i)
        if cue is not None and cue.speaker is not None and cue.speaker.name \
                and lemma_of(doc[i]) in lexicon.SPEECH_VERBS and not _phoned(doc[i]):
            return cue
    return None


def _phoned(verb) -> bool:
    """"Rashida called him in late 2017": a call that reports nothing, so not who speaks the quote after it."""
    return lemma_of(verb) == "call" and not any(c.dep_ in ("ccomp", "xcomp", "oprd") for c in verb.children)


def _last_speech_cue_before(art: ArticleIndex, cues: dict[int, Cue], para_start: int) -> Cue | None:
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
                and lemma_of(art.doc[i]) in lexicon.SPEECH_VERBS:
            return cue
    return None


def _cue_for_span(doc, span: QuotedSpan, art: ArticleIndex, cues: dict[int, Cue]) -> Cue | None:
    """The cue governing the quoted words, else the nearest cue with a speaker in their sentence."""
    inner = doc.char_span(span.start, span.end, alignment_mode="expand")
    if inner is None or len(inner) == 0:
        return None
    lo, hi = inner.start, inner.end
    signed = _signed(doc, span, art) or _framing_verb(doc, span, art, cues) or _colon_cue(doc, span, art, cues)
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
            if cue is not None and cue.speaker is not None and lemma_of(node) not in lexicon.BELIEF_VERBS:
                if found is None:
                    found = cue
                elif lemma_of(node) in lexicon.SPEECH_VERBS and cue.speaker.name == found.speaker.name \
                        and _is_pronoun_span(art, found.speaker.span):
                    found = cue
                elif lemma_of(node) in lexicon.SPEECH_VERBS and cue.speaker.name \
                        and (not _is_speech(doc[found.token]) or _thing_speaks(art, found)):
                    # "Cruz said that Trump represents “New York values”": the words are Cruz's; so are
                    # they in "Fiorina declared that any new deal would demand “absolute secrecy”"
                    found = cue
            if node.head.i == node.i:
                break
            node = node.head
        if found is not None:
            return found
    # 2. A name and a verb right after the quote, with the parse around them broken.
    named = _name_then_verb(doc, span, art)
    if named is not None:
        return named
    # 3. The nearest cue with a speaker in the sentences the quote touches.
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
        rank = (0 if lemma_of(doc[i]) in lexicon.SPEECH_VERBS or doc[i].lower_ == "according" else 1, distance)
        if best is None or rank < best[0]:
            best = (rank, cue)
    return best[1] if best else None


def _framing_verb(doc, span: QuotedSpan, art: ArticleIndex, cues: dict[int, Cue]) -> Cue | None:
    """The verb right after a direct quote that ends with a comma, "?" or "!" inside its marks: a verb of
    saying ("…: “…,” Roffman predicted." is Roffman's, whatever the colon's lead-in says), or a verb that is
    no cue of its own ("“…,” Oliver barked.", "“…!” beamed Donald Hartley", "“…,” Hannity started.").
    """
    closing = _closing_mark(art, span)
    if closing not in (",", "?", "!") or quote_kind(art.text, span) != "direct":
        return None
    k = bisect.bisect_left(art.starts, span.close_end)
    while k < len(doc) and doc[k].text == ",":  # “…”, he snapped.
        k += 1
    last = doc[k - 1] if k > 0 else None
    # After "?" or "!" the parser often starts a new sentence at the cue: "“…, who knows?” Trump told ITV."
    asked = closing in ("?", "!")
    for i in range(k, min(k + 5, len(doc))):
        token = doc[i]
        if token.is_punct or token.is_space or art.quoted[i] or last is None \
                or (token.sent != last.sent and not asked):
            return None
        if token.pos_ in ("VERB", "AUX"):
            cue = cues.get(i)
            if token.sent != last.sent and reported_clause(token, art.quoted) is not None:
                return None  # "“…!” Blannin said Holmes had left a will": a new sentence with its own report
            if cue is not None and cue.speaker is not None and cue.speaker.name and _is_speech(token):
                return cue  # "…: “…,” Roffman predicted.": the quote's own cue, not the colon's lead-in
            if token.sent != last.sent:
                return None  # across the break only a verb of saying frames the quote
            if i in cues or token.pos_ == "AUX" or token.dep_ not in ("ROOT", "ccomp", "parataxis", "conj") \
                    or any(c.dep_ in ("dobj", "ccomp", "xcomp") and not art.quoted[c.i] for c in token.children):
                return None  # a verb of saying (the usual path finds it) or a verb with its own object
            return frame_cue(token, art, after=k)
    return None


def _name_then_verb(doc, span: QuotedSpan, art: ArticleIndex) -> Cue | None:
    """A name and a verb right after a quote that ends with a comma, "?" or "!", read from the words when the
    parse around them is broken: "“…,” Trump barked and a guard escorted Ramos out" (parsed as an apposition),
    "“…!” the presumptive nominee, Donald Trump, tweeted Sunday" (parsed as a modifier of "nominee").

    The words between the quote and the verb must be one noun phrase naming a person or an organisation (not a
    possessor: "Trump’s lawyer said" is the lawyer's; a surname the model left untagged is the person named
    before with it), and a verb that is no verb of saying must follow a comma and have no object.
    """
    closing = _closing_mark(art, span)
    if closing not in (",", "?", "!") or quote_kind(art.text, span) != "direct":
        return None
    k = bisect.bisect_left(art.starts, span.close_end)
    named: list[Speaker] = []
    for i in range(k, min(k + 12, len(doc))):
        token = doc[i]
        if art.quoted[i] or token.is_space:
            return None
        if token.pos_ == "VERB" and token.tag_ in ("VBD", "VBZ", "VBN") and named:
            if any(c.dep_ == "ccomp" and not art.quoted[c.i] for c in token.children):
                return None  # "“…!” Blannin said Holmes had left a will" reports its own clause
            if lemma_of(token) not in lexicon.SPEECH_VERBS and (closing != "," or any(
                    c.dep_ == "dobj" for c in token.children)):
                return None  # "“… the Wall!” The House returns …": a new sentence, no frame
            speaker = next((n for n in reversed(named) if n.type == "PERSON"), named[-1])
            return Cue(token.i, token.text, speaker, None)
        if token.pos_ not in ("PROPN", "NOUN", "DET", "ADJ", "NUM") and token.text != ",":
            return None
        hit = art.entity_at.get(i)
        speaker = from_entity(*hit) if hit is not None else surname_speaker(token, art)
        if speaker is None or speaker.type not in ("PERSON", "ORG"):
            continue
        if i + 1 < len(doc) and doc[i + 1].tag_ == "POS":  # a possessor does not speak
            named = [n for n in named if n.id != speaker.id]
        elif all(n.id != speaker.id for n in named):
            named.append(speaker)
    return None


def _closing_mark(art: ArticleIndex, span: QuotedSpan) -> str:
    """The punctuation that ends a quote's words inside its marks ("," in "“…,” he said"), or ""."""
    if span.close_end is None:
        return ""
    return art.text[span.start:span.close_end].rstrip("\"”’' ")[-1:]


def _thing_speaks(art: ArticleIndex, cue: Cue) -> bool:
    """A cue whose subject is a thing that cannot speak ("any new deal would demand …")."""
    if cue.speaker is None or cue.speaker.span is None or cue.speaker.id is not None:
        return False
    span = art.doc.char_span(*cue.speaker.span, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    head = span.root
    return head.pos_ == "NOUN" and not head.ent_type_ and not is_agent_like(head) \
        and lemma_of(head) not in lexicon.SOURCE_NOUNS


def _is_speech(token) -> bool:
    return lemma_of(token) in lexicon.SPEECH_VERBS or token.lower_ == "according"


def _is_pronoun_span(art: ArticleIndex, span: tuple[int, int] | None) -> bool:
    words = art.text[span[0]:span[1]].lower() if span else ""
    return words in lexicon.PERSON_PRONOUNS or words in lexicon.GROUP_PRONOUNS


_COLON_LEAD = re.compile(r"\s*([^:\n]{1,60}?)\s*:\s*$")

_NAMING = re.compile(r"\b(?:so-called|so called|known(?:\s+[\w’']+){0,3}?\s+as|dubbed|nicknamed|titled|entitled)"
                     r"(?:\s+the)?\s*$", re.IGNORECASE)

_INVERTED_CUE = re.compile(r"(?:said|says|asked|asks|added|adds|wrote|writes|tweeted|explained|warned)\s+",
                           re.IGNORECASE)

_COLON_LINE = re.compile(r"[ \t]*([^:\n]{1,60}?)[ \t]*:[ \t]*(.*)$")


def _colon_name(doc, start: int, end: int, art: ArticleIndex) -> Speaker | None:
    """"Pence" in "Pence: …" or "JAKE TAPPER" in a transcript: a name standing before a colon."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not 0 < len(span) <= 5:
        return None
    words = [t for t in span if t.lower_ != "the"]
    if all(len(t.text) == 1 for t in words):
        return None  # "Q:" and "A:" of an interview
    if not words or any(t.ent_type_ in ("DATE", "TIME", "CARDINAL") or t.pos_ in ("VERB", "AUX") for t in words):
        return None
    if any(t.lower_ in lexicon.COLON_LABELS for t in words):
        return None
    hits = {art.entity_at[t.i] for t in words if t.i in art.entity_at}
    if len(hits) == 1:
        entity, mention = next(iter(hits))
        if entity.type in ("PERSON", "ORG"):
            return from_entity(entity, mention)
    if hits or not all(t.is_title or t.is_upper or t.is_punct for t in words):
        return None  # a place or a phrase of the writer's, not a name
    if not all(t.is_upper or t.is_punct for t in words) \
            and not any(lemma_of(t) in lexicon.PEOPLE_NOUNS or t.lower_ in lexicon.TITLE_WORDS for t in words):
        return None  # "Stealth Over Health: …" is a headline's lead, not a speaker
    return Speaker(art.text[start:end], None, (start, end))


def _colon_cue(doc, span: QuotedSpan, art: ArticleIndex, cues: dict[int, Cue]) -> Cue | None:
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
    name_start = line_start + match.start(1)
    inverted = _INVERTED_CUE.match(lead, match.start(1))
    if inverted is not None:  # "Said Ellis: “…”"
        name_start = line_start + inverted.end()
    name = _colon_name(doc, name_start, line_start + match.end(1), art) \
        if match.start(1) == len(lead) - len(lead.lstrip()) else None
    if name is not None:
        return Cue(-1, ":", name, None)
    colon = line_start + match.end(1)
    lo, hi = bisect.bisect_left(art.starts, line_start), bisect.bisect_left(art.starts, colon)
    if lo >= hi:
        return None
    lead_in = _lead_in_cue(doc, lo, hi, art, cues)
    if lead_in is not None:
        return lead_in
    best = None
    for i in range(lo, hi):
        if i in cues and cues[i].speaker is not None:
            best = cues[i]  # the last cue before the colon: "One message … said:"
    return best


def _lead_in_cue(doc, lo: int, hi: int, art: ArticleIndex, cues: dict[int, Cue]) -> Cue | None:
    """Who speaks through the clause that ends at a colon (tokens ``lo`` to ``hi``, in the colon's sentence).

    The path from the last word before the colon up its heads, while they stay before the colon, names
    the speaker: its first cue with a named speaker ("Akunjee said the battle could see her family take
    the home secretary to court:" is Akunjee's), else its first verb with a subject, whatever the verb
    ("Trump leaned in and boomed:", "McConnell delivered a message to Trump:"). The parser often hangs
    the lead-in on the quote's own verb, so the sentence root is no guide. A passive verb ends the path
    ("X was asked by Y to find a solution:" is X's or Y's), leaving the colon to the other cues.
    """
    last = doc[hi - 1]
    start = max(lo, last.sent.start)
    path = [last]
    while path[-1].head.i != path[-1].i and start <= path[-1].head.i < hi:
        path.append(path[-1].head)
    if any(c.dep_ == "nsubjpass" for t in path for c in t.children):
        return None
    for token in path:
        own = cues.get(token.i)
        if own is not None and own.speaker is not None and own.speaker.name:
            return own
    for n, token in enumerate(path):
        if any(t.i in cues for t in path[n + 1:]):
            break  # below a verb of saying: "X said Trump was a candidate …:" is not Trump's to speak
        if token.pos_ in ("VERB", "AUX") and any(c.dep_ == "nsubj" for c in token.children):
            speaker = lead_in_speaker(token, art)
            return Cue(token.i, ":", speaker, None) if speaker is not None else None
    return None


def _colon_quotes(doc, art: ArticleIndex, found: list[Quote]) -> Iterator[Quote]:
    """Unmarked words after "Name:" at the start of a paragraph (headlines, transcripts)."""
    text = art.text
    taken = [(q.start, q.end) for q in found]
    lines = list(paragraphs(text))
    for n, (start, end) in enumerate(lines):
        match = _COLON_LINE.match(text, start, end)
        if match is None:
            continue
        speaker = _colon_name(doc, match.start(1), match.end(1), art)
        if speaker is None:
            continue
        c_start, c_end = match.start(2), end
        if c_start >= c_end and n + 1 < len(lines):  # "FALLIN:" on a line of its own
            c_start, c_end = lines[n + 1]
        while c_end > c_start and text[c_end - 1].isspace():
            c_end -= 1
        if c_end - c_start < 3 or text[c_start] in "\"“‘'„«":
            continue  # empty, or a marked quote the direct pass already has
        if any(a < c_end and c_start < b for a, b in taken):
            continue
        yield Quote(text=text[c_start:c_end], kind="indirect", speaker=speaker.name, start=c_start, end=c_end,
                    speaker_id=speaker.id, cue=":", via=None, speaker_span=speaker.span)


_DASH_NAME = re.compile(r"[ \u00a0]*[―—–-]{1,2}[ \u00a0]*")


def _signed(doc, span: QuotedSpan, art: ArticleIndex) -> Cue | None:
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
    if hit is not None and hit[0].type in _PLACE_OR_TIME:
        return None  # "“…” — Kyiv, Tuesday": a place line, not a signature
    name = _signature_name(doc, token[0].i, art)
    if hit is not None and hit[0].type in ("PERSON", "ORG") and (name is None or name.span[1] <= hit[1][1]):
        return Cue(token[0].i, "—", from_entity(*hit), None)
    # the model tagged part of the name, or none of it: "― Oksana N Dovzhenko-Sirko"
    return Cue(token[0].i, "—", name, None) if name is not None else None


def _signature_name(doc, first: int, art: ArticleIndex) -> Speaker | None:
    """A name signing a quote up to the line's end or a comma, tagged wrongly or not at all by the model:
    "― Christina Lastra", "― Oksana N Dovzhenko-Sirko"."""
    words = []
    for token in doc[first:first + 9]:
        if token.text == "," or token.is_space:
            break
        words.append(token)
        if "\n" in token.whitespace_:
            break
    joiners = [t for t in words if t.text in ("-", "'", "’", ".") and not t.whitespace_]
    names = [t for t in words if t not in joiners]
    ends_line = not words or words[-1].i + 1 == len(doc) or doc[words[-1].i + 1].text == "," \
        or "\n" in words[-1].whitespace_ or doc[words[-1].i + 1].is_space
    if not ends_line or not 2 <= len(names) <= 5 \
            or not all((t.is_title or t.is_upper) and t.is_alpha for t in names) \
            or any(t.i in art.entity_at and art.entity_at[t.i][0].type in _PLACE_OR_TIME for t in words):
        return None  # a sentence, a place or a date line, not a signature
    start, end = words[0].idx, words[-1].idx + len(words[-1])
    return Speaker(art.text[start:end], None, (start, end))


_PLACE_OR_TIME = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME"})


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
    return any((lemma_of(t) in lexicon.SPEECH_VERBS or lemma_of(t) in lexicon.GENERAL_SPEECH_VERBS)
               and any(c.dep_ == "nsubj" for c in t.children) for t in sent)


def _indirect_quotes(doc, art: ArticleIndex, cues: dict[int, Cue]) -> list[Quote]:
    """Reported clauses: "X said [that] …", "…, X said", "according to X, …".

    A cue inside another reported clause is part of what the outer speaker said ("Analysts say
    governments will insist on …", "she said she thought …"): only the outer one is a quote.
    """
    clauses = list(_reported_clauses(doc, art, cues))
    relayed = {id(q) for q in _without_relayed([q for _, q in clauses])}
    found = sorted(((at, q) for at, q in clauses if id(q) in relayed), key=lambda item: item[1].start - item[1].end)
    kept: list[Quote] = []
    for cue_at, quote in found:
        if any(q.start <= cue_at < q.end for q in kept) or _lead_in_of_a_quote(art, quote, cue_at):
            continue
        kept.append(quote)
    return kept


def _lead_in_of_a_quote(art: ArticleIndex, quote: Quote, cue_at: int) -> bool:
    """"He did not think it would last: “…,” Roffman predicted.": the parser took the lead-in before a
    colon for what the cue after the quote reports."""
    return any(quote.start < s.open_at and s.close_end is not None
               and s.close_end <= cue_at and art.text[quote.start:s.open_at].rstrip().endswith(":")
               for s in art.spans)


def _reported_clauses(doc, art: ArticleIndex, cues: dict[int, Cue]) -> Iterator[tuple[int, Quote]]:
    for i, cue in cues.items():
        if cue.speaker is None:
            continue
        token = doc[i]
        content = reported_clause(token, art.quoted)
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


def _mostly_quoted(art: ArticleIndex, lo: int, hi: int) -> bool:
    words = [i for i in range(lo, hi) if not art.doc[i].is_punct]
    if not words:
        return True
    inside = sum(1 for i in words if art.quoted[i])
    return inside >= max(1, len(words) - 1)
