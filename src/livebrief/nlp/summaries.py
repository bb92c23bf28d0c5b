"""Shorten a source sentence by its parse, keeping only its own words.

A summary is the sentence with asides dropped: a wire dateline ("KYIV, Sept 13 -"), parentheticals, appositives and non-restrictive relative clauses
always; then, while it is longer than ``max_words``, leading adverbials, secondary clauses ("..., while X",
"... and Y"), restrictive relative clauses. Attribution (", Russia's Defense Ministry said", "According to the
Kremlin,") and quotations are kept whole. Nothing is ever added: ``kept_spans`` returns the character spans of
the kept tokens, and ``join_spans`` rebuilds the summary from them, so a later stage can prove that every word of
a summary stands, in order, in the article.
"""

from __future__ import annotations

from collections.abc import Iterable

from livebrief.nlp.datelines import dateline_end
from livebrief.nlp.doctext import doc_text

Span = tuple[int, int]

DEFAULT_MAX_WORDS = 30
QUOTE_MARKS = frozenset({'"', "“", "”", "‘", "’", "``", "''", "«", "»"})
CLOSING = frozenset({",", ".", ";", ":", "!", "?", ")", "]", "”", "’", "%", "'s", "’s", "n't"})
FINAL = frozenset({".", "!", "?", ";", ":"})
DASHES = frozenset({"—", "–", "--"})
# Leading adverbials that carry attribution stay: "According to the Kremlin, ..."
ATTRIBUTING_PREPS = frozenset({"according"})
SECONDARY_MARKS = frozenset({"while", "though", "although", "whereas", "as", "despite"})
REPORTING = frozenset({"say", "tell", "announce", "report", "add", "state", "claim", "confirm", "note", "write"})


def shorten(sentence, *, max_words: int = DEFAULT_MAX_WORDS) -> str:
    """The sentence (a spaCy Span) shortened by its parse; a subsequence of its tokens."""
    return join_spans(doc_text(sentence.doc), kept_spans(sentence, max_words=max_words))


def kept_spans(sentence, *, max_words: int = DEFAULT_MAX_WORDS) -> list[Span]:
    """Character spans (doc offsets, in order, disjoint) of the tokens a summary keeps."""
    tokens = [t for t in sentence if not t.is_space]
    if not tokens:
        return []
    dropped: set[int] = set()
    for stage in (_asides, _leading_adverbials, _secondary_clauses, _restrictive_clauses):
        if stage is not _asides and _words(tokens, dropped) <= max_words:
            break
        for group in stage(sentence):
            if _safe(group, sentence, dropped):
                dropped |= group
    kept = _tidy([t for t in tokens if t.i not in dropped])
    return _runs(kept)


def join_spans(text: str, spans: Iterable[Span]) -> str:
    """The summary for ``spans`` of ``text``: runs joined by one space, none before closing punctuation."""
    out: list[str] = []
    for start, end in spans:
        piece = text[start:end].strip()
        if not piece:
            continue
        if out and not any(piece.startswith(c) for c in CLOSING) and not out[-1].endswith(("(", "“", "‘")):
            out.append(" ")
        out.append(piece)
    return "".join(out)


# -- what to drop ---------------------------------------------------------------------------------------------------

def _asides(sentence) -> Iterable[set[int]]:
    first = next((t.i for t in sentence if not t.is_space), sentence.start)
    filed = dateline_end(sentence.doc, first, sentence.end)  # "KYIV, Sept 13 (Reuters) -"
    if filed > first:
        yield set(range(first, filed))
    yield from _brackets(sentence)
    for token in sentence:
        # Descriptions go ("Oleh Kiper, the governor of the area,"); names stay, they may be the speaker.
        description = token.dep_ == "appos" and token.pos_ == "NOUN" and not _subject_in_disguise(token, sentence)
        if (description or token.dep_ == "relcl") and _comma_before(token, sentence):
            yield _with_commas(token, sentence)


def _subject_in_disguise(appos, sentence) -> bool:
    """An "appositive" that is really the subject of the verb after it: in "… for helicopters, the agency,
    known as HUR, said in a statement" the parser hangs "the agency" on a noun before it and "said" has no
    subject; dropping it would leave "helicopters said"."""
    if appos.head.dep_ in ("nsubj", "nsubjpass", "appos") or appos.head.pos_ == "PROPN":
        return False  # "Izmail, Oleh Kiper, the governor of the region, said": a name stays before the verb
    after = max(t.i for t in appos.subtree) + 1
    while after < sentence.end and sentence.doc[after].is_punct:
        after += 1
    verb = sentence.doc[after] if after < sentence.end else None
    return verb is not None and verb.pos_ in ("VERB", "AUX") \
        and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)


def _brackets(sentence) -> Iterable[set[int]]:
    opened: int | None = None
    dash: int | None = None
    for token in sentence:
        if token.text == "(":
            opened = token.i
        elif token.text == ")" and opened is not None:
            yield set(range(opened, token.i + 1))
            opened = None
        elif token.text in DASHES:
            if dash is None:
                dash = token.i
            else:
                yield set(range(dash, token.i + 1))
                dash = None


def _leading_adverbials(sentence) -> Iterable[set[int]]:
    main = _main_predicate(sentence)
    first = next((t for t in sentence if not t.is_space and not t.is_punct), None)
    if first is None:
        return
    for child in main.children:
        if child.dep_ not in ("prep", "advcl", "advmod", "npadvmod") or child.i > main.i:
            continue
        if child.lower_ in ATTRIBUTING_PREPS:
            continue
        span = _subtree(child)
        if min(span) != first.i:
            continue
        after = max(span) + 1
        if after < sentence.end and sentence.doc[after].text == ",":
            span.add(after)
            yield span


def _secondary_clauses(sentence) -> Iterable[set[int]]:
    main = _main_predicate(sentence)
    for child in main.children:
        if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX") and child.i > main.i:
            joins = {c.i for c in main.children if c.dep_ == "cc" and main.i < c.i < child.i}
            if not joins and child.lemma_.lower() in REPORTING:
                continue  # ", the agency said in a statement" misparsed as a conjunct: the attribution
            if not joins and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in child.children):
                continue  # "withdrew their services as the camp no longer fell under …": a clause whose subject
                # the parser took ("as the camp"), not a second clause; cutting it leaves "as the camp"
            yield _widen_commas(_subtree(child) | joins, sentence)
        elif child.dep_ == "advcl" and child.i > main.i and any(
                m.lower_ in SECONDARY_MARKS for m in child.children if m.dep_ == "mark"):
            yield _widen_commas(_subtree(child), sentence)


def _restrictive_clauses(sentence) -> Iterable[set[int]]:
    for token in sentence:
        if token.dep_ == "relcl":
            head = token.head
            if _bare(head) and _comma_before(head, sentence):
                # "…, a place that few could find on a map": without its clause "a place" says nothing, so the
                # whole aside goes
                yield _with_commas(head, sentence)
            elif not _bare(head):
                yield _subtree(token)


def _bare(noun) -> bool:
    """A noun whose only other modifier is a determiner: "a place", "something", "those"."""
    return noun.pos_ in ("NOUN", "PRON") and all(c.dep_ in ("det", "relcl", "punct") for c in noun.children)


# -- helpers ----------------------------------------------------------------------------------------------------------

def _main_predicate(sentence):
    """The root, or the clause a reporting root reports ("X happened, officials said")."""
    root = sentence.root
    if root.lemma_.lower() in REPORTING:
        for child in root.children:
            if child.dep_ in ("ccomp", "parataxis"):
                return child
    return root


def _subtree(token) -> set[int]:
    return {t.i for t in token.subtree}


def _comma_before(token, sentence) -> bool:
    start = min(_subtree(token))
    return start - 1 >= sentence.start and sentence.doc[start - 1].text == ","


def _with_commas(token, sentence) -> set[int]:
    return _widen_commas(_subtree(token), sentence, both=True)


def _widen_commas(group: set[int], sentence, *, both: bool = False) -> set[int]:
    """Fill the group's gaps and add the comma before it, and the one after when ``both``.

    An aside inside a phrase loses both ("X, the governor, said" -> "X said"); a clause keeps the comma that
    separates what follows ("A, though B, C said" -> "A, C said").
    """
    start, end = min(group), max(group)
    doc = sentence.doc
    group = set(range(start, end + 1))
    if start - 1 >= sentence.start and doc[start - 1].text == ",":
        group.add(start - 1)
        if both and end + 1 < sentence.end and doc[end + 1].text == ",":
            group.add(end + 1)
    return group


def _safe(group: set[int], sentence, dropped: set[int]) -> bool:
    """A group may go unless it splits a quotation, holds the main predicate or empties the sentence."""
    doc = sentence.doc
    quotes = sum(1 for i in group if doc[i].text in QUOTE_MARKS)
    if quotes % 2:
        return False
    if sentence.root.i in group or _main_predicate(sentence).i in group:
        return False
    inside_quote = _quoted(sentence)
    if group & inside_quote and not inside_quote <= group | dropped:
        return False
    left = [t for t in sentence if t.i not in dropped | group and not t.is_punct and not t.is_space]
    return len(left) >= 3


def _quoted(sentence) -> set[int]:
    inside: set[int] = set()
    open_at: int | None = None
    for token in sentence:
        if token.text in ("“", '"', "``") and open_at is None:
            open_at = token.i
        elif token.text in ("”", '"', "''") and open_at is not None:
            inside |= set(range(open_at, token.i + 1))
            open_at = None
    return inside


def _words(tokens, dropped: set[int]) -> int:
    return sum(1 for t in tokens if t.i not in dropped and not t.is_punct)


def _tidy(tokens: list) -> list:
    """Drop commas left leading, doubled, or before the final stop by the cuts."""
    out: list = []
    for k, token in enumerate(tokens):
        if token.text == ",":
            rest = [t for t in tokens[k + 1:k + 3] if t.text not in ("”", "’", '"', "''")]
            nxt = rest[0] if rest else None
            if not out or out[-1].text in (",", "(") or nxt is None or nxt.text in FINAL | {","}:
                continue
        out.append(token)
    return out


def _runs(tokens: list) -> list[Span]:
    """Character spans of runs of tokens that follow each other in the doc."""
    spans: list[Span] = []
    last = None
    for token in tokens:
        end = token.idx + len(token.text)
        if spans and last is not None and token.i == last + 1:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((token.idx, end))
        last = token.i
    return spans
