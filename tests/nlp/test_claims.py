"""Claims: who asserts a statement, with which cue, relayed by whom, and of which kind."""

from __future__ import annotations

import pytest

from livebrief.nlp.claims import find_claims
from livebrief.nlp.entities import find_entities
from livebrief.nlp.quotes import find_quotes

pytestmark = pytest.mark.model

KINDS = {"claim", "report", "verified", "denial"}


def claims_of(nlp, text: str):
    doc = nlp(text)
    entities = find_entities(doc)
    quotes = list(find_quotes(doc, entities=entities))
    return list(find_claims(doc, entities=entities, quotes=quotes))


def rows(nlp, text: str) -> list[tuple[str | None, str, str | None, str | None]]:
    return [(c.claimant, c.kind, c.cue, c.via) for c in claims_of(nlp, text)]


@pytest.mark.parametrize("text, expected", [
    ("Russia’s Defense Ministry said two ships had been damaged in the attack.",
     [("Russia’s Defense Ministry", "claim", "said", None)]),
    ("At least 24 people were injured, according to Mikhail Razvozhaev, the governor.",
     [("Mikhail Razvozhaev", "claim", "according to", None)]),
    ("Six people were injured, Oleh Kiper said on Telegram.", [("Oleh Kiper", "claim", "said", None)]),
    # an outlet or wire reporting is a report
    ("After that, the pilots will train in Europe, the AP reported.", [("AP", "report", "reported", None)]),
    ("Three drones were shot down over Moscow, Reuters reported.", [("Reuters", "report", "reported", None)]),
    # a relay is kept apart from the claimant
    ("Training could end by December, Lt. Gen. Michael Loh said, according to the Associated Press.",
     [("Michael Loh", "claim", "said", "Associated Press")]),
    # denials
    ("The Kremlin denied that its troops had crossed the border.", [("Kremlin", "denial", "denied", None)]),
    ("Moscow rejected the claim that it had shelled the plant.", [("Moscow", "denial", "rejected", None)]),
])
def test_claims(nlp, text, expected):
    assert rows(nlp, text) == expected


def test_requests_and_hopes_are_not_claims(nlp):
    text = ("Zelensky urged allies to send more jets. He hoped the war would end soon. "
            "Officials asked whether the talks would resume.")
    assert claims_of(nlp, text) == []


def test_an_unanswered_question_is_not_a_claim(nlp):
    text = ("Governor Oleh Kiper did not say which port had been hit. The ministry declined to say whether "
            "any ships were damaged. Kiper said the fire was out.")
    assert [(c.claimant, c.text) for c in claims_of(nlp, text)] == [("Oleh Kiper", "the fire was out")]


def test_verified_by(nlp):
    text = ("A video posted on Monday and verified by The Washington Post showed soldiers "
            "climbing onto a platform.")
    (claim,) = claims_of(nlp, text)
    assert (claim.claimant, claim.kind, claim.cue) == ("Washington Post", "verified", "verified by")
    assert claim.text == text.rstrip(".") + "." or text.startswith(claim.text)


def test_continuation_resolves_it_to_the_previous_claimant(nlp):
    text = ("Russia’s Defense Ministry said two ships undergoing repairs had been damaged. "
            "Air defense systems had shot down seven cruise missiles, it added.")
    got = rows(nlp, text)
    assert got == [("Russia’s Defense Ministry", "claim", "said", None),
                   ("Russia’s Defense Ministry", "claim", "added", None)]


def test_blamed_on(nlp):
    text = "The ministry said two ships had been damaged by an attack that it blamed on Ukraine."
    claims = claims_of(nlp, text)
    blamed = [c for c in claims if c.cue == "blamed on"]
    assert len(blamed) == 1 and blamed[0].text == "an attack that it blamed on Ukraine"


def test_claim_spans_point_into_the_text(nlp):
    text = ("U.S. officials have said that Kim and Putin will probably discuss an arms deal. "
            "Israeli and Ukrainian officials confirmed the meeting.")
    claims = claims_of(nlp, text)
    assert [c.claimant for c in claims] == ["U.S. officials", "Israeli and Ukrainian officials"]
    for claim in claims:
        assert claim.kind in KINDS
        assert text[claim.start:claim.end] == claim.text
    # an object that is no clause makes the cue's clause the claim
    assert claims[1].text == "Israeli and Ukrainian officials confirmed the meeting."


def test_a_verbless_claim_keeps_to_its_own_clause(nlp):
    # The accusations Moscow dismissed are not North Korea's denial: the claim is Moscow's clause alone.
    claims = claims_of(nlp, "North Korea has denied selling weapons to Russia, and Moscow has dismissed "
                            "the American accusations.")
    moscow = [c for c in claims if c.claimant == "Moscow"]
    assert [(c.kind, c.text) for c in moscow] == [("denial", "Moscow has dismissed the American accusations.")]


def test_seed_claims(nlp, seed_path):
    text = seed_path.read_text(encoding="utf-8")
    claims = claims_of(nlp, text)
    by_text = {c.text[:40]: c for c in claims}

    def find(start: str):
        hits = [c for t, c in by_text.items() if t.startswith(start)]
        assert hits, sorted(by_text)
        return hits[0]

    assert find("two ships undergoing repairs").claimant == "Russia’s Defense Ministry"
    assert find("Air defense systems had shot down").claimant == "Russia’s Defense Ministry"
    assert find("At least 24 people were injured").claimant == "Mikhail Razvozhaev"
    assert find("its forces recaptured").claimant == "Ukraine’s military intelligence agency"
    loh = find("The United States could complete")
    assert (loh.claimant, loh.via) == ("Michael Loh", "Associated Press")
    ap = find("After that, those pilots")
    assert (ap.claimant, ap.kind) == ("Associated Press", "report")
    post = find("A video posted")
    assert (post.claimant, post.kind) == ("Washington Post", "verified")
    assert find("that Kim and Putin").claimant == "U.S. officials"
    assert all(text[c.start:c.end] == c.text for c in claims)


def test_a_claim_keeps_the_mark_that_closes_its_quotation(nlp):
    [claim] = claims_of(nlp, "The president, who denies all allegations as “fake news”, spoke on Monday.")
    assert claim.kind == "denial" and claim.text.endswith("“fake news”")


def test_a_claim_does_not_end_on_a_conjunction(nlp):
    text = ("Qatar denies the accusations but relations with its neighbours remain tense, and it has restored "
            "diplomatic links with Tehran.")
    [denial] = [c for c in claims_of(nlp, text) if c.kind == "denial"]
    assert denial.text == "Qatar denies the accusations"
