"""What a cue reports, on parses written out by hand (the statistical parser makes these shapes only now and then)."""

from __future__ import annotations

import pytest

from livebrief.nlp.quote_cues import reported_clause


def doc_of(nlp, rows: list[tuple[str, int, str, str, str, str]]):
    """A Doc from (word, head index, dep, pos, tag, lemma) rows."""
    from spacy.tokens import Doc

    words, heads, deps, pos, tags, lemmas = (list(col) for col in zip(*rows))
    spaces = [i + 1 < len(words) and words[i + 1] not in (",", ".", ")") and words[i] != "(" for i in range(len(words))]
    return Doc(nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas)


def reported(doc, cue: str) -> str | None:
    token = next(t for t in doc if t.text == cue)
    found = reported_clause(token, [False] * len(doc))
    return doc[found[0]:found[1]].text if found else None


# "As the convoy left, a girl was hurt by debris, police said." with the main clause parsed under the
# fronted "As" clause and nothing under "said" but its subject.
FRONTED = [
    ("As", 2, "mark", "SCONJ", "IN", "as"), ("the", 2, "det", "DET", "DT", "the"),
    ("convoy", 3, "nsubj", "NOUN", "NN", "convoy"), ("left", 13, "advcl", "VERB", "VBD", "leave"),
    (",", 3, "punct", "PUNCT", ",", ","), ("a", 6, "det", "DET", "DT", "a"),
    ("girl", 8, "nsubjpass", "NOUN", "NN", "girl"), ("was", 8, "auxpass", "AUX", "VBD", "be"),
    ("hurt", 3, "advcl", "VERB", "VBN", "hurt"), ("by", 8, "agent", "ADP", "IN", "by"),
    ("debris", 9, "pobj", "NOUN", "NN", "debris"), (",", 13, "punct", "PUNCT", ",", ","),
    ("police", 13, "nsubj", "NOUN", "NNS", "police"), ("said", 13, "ROOT", "VERB", "VBD", "say"),
    (".", 13, "punct", "PUNCT", ".", "."),
]

# "When the funding ended, Mexico said enough.": a subordinate clause is no report.
SUBORDINATE = [
    ("When", 3, "advmod", "SCONJ", "WRB", "when"), ("the", 2, "det", "DET", "DT", "the"),
    ("funding", 3, "nsubj", "NOUN", "NN", "funding"), ("ended", 6, "advcl", "VERB", "VBD", "end"),
    (",", 6, "punct", "PUNCT", ",", ","), ("Mexico", 6, "nsubj", "PROPN", "NNP", "Mexico"),
    ("said", 6, "ROOT", "VERB", "VBD", "say"), ("enough", 6, "advmod", "ADV", "RB", "enough"),
    (".", 6, "punct", "PUNCT", ".", "."),
]

# "Prices rose again, she said." with "said" parsed as an adverbial clause of "rose".
TRAILING = [
    ("Prices", 1, "nsubj", "NOUN", "NNS", "price"), ("rose", 1, "ROOT", "VERB", "VBD", "rise"),
    ("again", 1, "advmod", "ADV", "RB", "again"), (",", 5, "punct", "PUNCT", ",", ","),
    ("she", 5, "nsubj", "PRON", "PRP", "she"), ("said", 1, "advcl", "VERB", "VBD", "say"),
    (".", 1, "punct", "PUNCT", ".", "."),
]


@pytest.mark.parametrize("rows, cue, expected", [
    (FRONTED, "said", "As the convoy left, a girl was hurt by debris"),
    (SUBORDINATE, "said", None),
    (TRAILING, "said", "Prices rose again"),
])
def test_clause_before_a_closing_cue(nlp, rows, cue, expected):
    assert reported(doc_of(nlp, rows), cue) == expected


# "Zelensky described the summit as Moscow celebrating itself.": a stance verb in an "as" clause is no
# "as she noted" aside, so it does not report the sentence around it.
AS_STANCE = [
    ("Zelensky", 1, "nsubj", "PROPN", "NNP", "Zelensky"), ("described", 1, "ROOT", "VERB", "VBD", "describe"),
    ("the", 3, "det", "DET", "DT", "the"), ("summit", 1, "dobj", "NOUN", "NN", "summit"),
    ("as", 6, "mark", "SCONJ", "IN", "as"), ("Moscow", 6, "nsubj", "PROPN", "NNP", "Moscow"),
    ("celebrating", 1, "advcl", "VERB", "VBG", "celebrate"), ("itself", 6, "dobj", "PRON", "PRP", "itself"),
    (".", 1, "punct", "PUNCT", ".", "."),
]

# "As the governor noted, the port was hit.": the aside reports the clause it hangs on.
AS_ASIDE = [
    ("As", 3, "mark", "SCONJ", "IN", "as"), ("the", 2, "det", "DET", "DT", "the"),
    ("governor", 3, "nsubj", "NOUN", "NN", "governor"), ("noted", 8, "advcl", "VERB", "VBD", "note"),
    (",", 8, "punct", "PUNCT", ",", ","), ("the", 6, "det", "DET", "DT", "the"),
    ("port", 8, "nsubjpass", "NOUN", "NN", "port"), ("was", 8, "auxpass", "AUX", "VBD", "be"),
    ("hit", 8, "ROOT", "VERB", "VBN", "hit"), (".", 8, "punct", "PUNCT", ".", "."),
]


def test_a_stance_in_an_as_clause_reports_no_sentence(nlp):
    assert "Zelensky" not in (reported(doc_of(nlp, AS_STANCE), "celebrating") or "")


def test_an_as_aside_reports_its_clause(nlp):
    assert reported(doc_of(nlp, AS_ASIDE), "noted") == "the port was hit"


# "Kyiv (AFP) – Zelensky criticised Moscow, saying that talks failed." with the dateline parsed as a
# second subject of "criticised".
DATELINE = [
    ("Kyiv", 6, "nsubj", "PROPN", "NNP", "Kyiv"), ("(", 2, "punct", "PUNCT", "-LRB-", "("),
    ("AFP", 0, "appos", "PROPN", "NNP", "AFP"), (")", 0, "punct", "PUNCT", "-RRB-", ")"),
    ("–", 0, "punct", "PUNCT", ":", "–"), ("Zelensky", 6, "nsubj", "PROPN", "NNP", "Zelensky"),
    ("criticised", 6, "ROOT", "VERB", "VBD", "criticise"), ("Moscow", 6, "dobj", "PROPN", "NNP", "Moscow"),
    (",", 6, "punct", "PUNCT", ",", ","), ("saying", 6, "advcl", "VERB", "VBG", "say"),
    ("that", 13, "mark", "SCONJ", "IN", "that"), ("talks", 13, "nsubj", "NOUN", "NNS", "talk"),
    ("had", 13, "aux", "AUX", "VBD", "have"), ("failed", 9, "ccomp", "VERB", "VBN", "fail"),
    (".", 6, "punct", "PUNCT", ".", "."),
]


def test_the_subject_next_to_the_verb_speaks_not_the_dateline(nlp):
    from livebrief.nlp.quotes import find_quotes

    doc = doc_of(nlp, DATELINE)
    quotes = [q for q in find_quotes(doc, entities=[]) if q.text == "that talks had failed"]
    assert [q.speaker for q in quotes] == ["Zelensky"]
