"""Quotes: marks, kinds, speakers, cues and relays; the seed article's quotes as acceptance."""

from __future__ import annotations

import pytest

from livebrief.nlp.entities import find_entities
from livebrief.nlp.quotes import find_quotes, quoted_spans

pytestmark = pytest.mark.model


def quotes_of(nlp, text: str):
    doc = nlp(text)
    return list(find_quotes(doc, entities=find_entities(doc)))


def rows(nlp, text: str, kinds=("direct", "partial")) -> list[tuple[str, str, str | None]]:
    return [(q.kind, q.text, q.speaker) for q in quotes_of(nlp, text) if q.kind in kinds]


# -- quotation marks (no model needed, but cheap) -------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ('He said "yes" twice.', ["yes"]),
    ("She said “no, never,” and left.", ["no, never"]),
    ("It was a ‘first priority’ for them, it’s said.", ["first priority"]),
    ("''It's more tinkering,'' said Alan Cole.", ["It's more tinkering"]),
    # apostrophes are not quotes
    ("The voters’ choice wasn’t Jones’ plan.", []),
    # nested single quotes stay inside the double-quoted span
    ("“He told us ‘go home’ and left,” she said.", ["He told us ‘go home’ and left"]),
    # a nested quote closed first and set apart from the outer mark by a space
    ('"She said she would be \'above the law,\' " said Olena Marchuk. "Nobody is."',
     ["She said she would be 'above the law,'", "Nobody is."]),
])
def test_quoted_spans(text, expected):
    assert [text[s.start:s.end] for s in quoted_spans(text)] == expected


def test_unclosed_mark_stops_at_the_paragraph():
    text = "He said “this never ends.\n\nThe next paragraph is the writer's own. “Closed,” she said."
    spans = [text[s.start:s.end] for s in quoted_spans(text)]
    assert spans == ["this never ends.", "Closed"]


def test_quote_running_over_paragraphs():
    text = "“The first part goes on.\n\n“And the second part ends,” he said."
    spans = quoted_spans(text)
    assert [text[s.start:s.end] for s in spans] == ["The first part goes on.", "And the second part ends"]
    assert spans[0].continued and not spans[1].continued


# -- direct and partial quotes -------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("“We will rebuild the bridge by spring,” Mayor Anna Kovalenko said on Monday.",
     [("direct", "We will rebuild the bridge by spring", "Anna Kovalenko")]),
    ("Mayor Anna Kovalenko told reporters: “We will rebuild the bridge by spring.”",
     [("direct", "We will rebuild the bridge by spring.", "Anna Kovalenko")]),
    ("“The strikes continue,” said John Kirby, a White House spokesman.",
     [("direct", "The strikes continue", "John Kirby")]),
    # a cue inside a sentence of the writer's: partial
    ("The minister called the deal a “historic step” for both countries, Reuters reported.",
     [("partial", "historic step", "The minister")]),
    ("Defense Secretary Lloyd Austin said the army would “hold every line” this winter.",
     [("partial", "hold every line", "Lloyd Austin")]),
    # an anonymous speaker keeps its description
    ("“It’s cheap and it works,” one military expert said.", [("direct", "It’s cheap and it works", "one military expert")]),
    ("“The talks failed,” U.S. officials said Friday.", [("direct", "The talks failed", "U.S. officials")]),
    # scare quotes have no speaker and are not quotes
    ("The so-called “special military operation” entered its third year.", []),
])
def test_direct_and_partial(nlp, text, expected):
    assert rows(nlp, text) == expected


def test_split_quote_shares_the_speaker(nlp):
    text = "“It’s important to know that it’s cheap,” one military expert said. “And Russia has unlimited stocks.”"
    assert rows(nlp, text) == [
        ("direct", "It’s important to know that it’s cheap", "one military expert"),
        ("direct", "And Russia has unlimited stocks.", "one military expert"),
    ]


def test_quote_ending_a_paragraph_keeps_its_speaker(nlp):
    # The parser ran the closing quote into the next paragraph's sentence, whose speaker it took.
    text = ('"Is the bridge still standing?" Kiper asked. "We need more air defense -- NOW!"\n\n'
            "Brig. Gen. Patrick Ryder, a Pentagon spokesman, speaking to reporters right after the strike, said "
            "Russia failed to hit the main targets on the coast.")
    assert [r[2] for r in rows(nlp, text)] == ["Kiper", "Kiper"]


def test_marked_words_in_a_reported_clause_belong_to_the_reporter(nlp):
    # "represents" has Moscow as subject, and "stating" was parsed under it: both quotes are Kiper's
    text = ('Kiper said last week that Moscow represents "a threat to every port," stating during the briefing '
            'that its drones are "cheap and endless."')
    assert [(r[1], r[2]) for r in rows(nlp, text)] == [
        ("a threat to every port", "Kiper"), ("cheap and endless.", "Kiper")]


def test_marked_words_under_a_thing_that_cannot_speak_take_the_outer_speaker(nlp):
    text = "Fiorina declared that any new deal under her watch would demand \"absolute secrecy.\""
    partial = [q for q in quotes_of(nlp, text) if q.kind == "partial"]
    assert [q.speaker for q in partial] == ["Fiorina"]


def test_marked_words_under_a_stance_take_the_outer_speaker(nlp):
    # "support" is a stance of the allies, but the marked words are what Zelensky told reporters
    text = 'Zelensky told reporters that the allies support a "long and hard" fight.'
    assert [(r[1], r[2]) for r in rows(nlp, text)] == [("long and hard", "Zelensky")]


def test_a_few_marked_words_in_a_sentence_without_a_cue_are_scare_quotes(nlp):
    # The writer's "hit and run" is not Mattis's, though his quote stands in the sentence before.
    text = ('Mattis wrote that China and Russia "want to shape a world" like theirs. Mr Trump\'s foreign policy, '
            'by contrast, is a version of "hit and run".')
    assert [(r[1], r[2]) for r in rows(nlp, text)] == [("want to shape a world", "Mattis")]


def test_a_reported_clause_keeps_the_mark_that_closes_its_quotation(nlp):
    text = 'Kiper said the attack was "brutal". Officials called it "a war crime".'
    [indirect] = [q for q in quotes_of(nlp, text) if q.kind == "indirect" and q.speaker == "Kiper"]
    assert indirect.text == 'the attack was "brutal"'


def test_short_cue_sentence_after_a_question(nlp):
    text = "“Would the bridge be rebuilt?” the host pressed. “Maybe by the spring?”"
    assert [r[2] for r in rows(nlp, text)] == ["the host", "the host"]


def test_interview_labels_are_no_speakers(nlp):
    text = "Q: Will the bridge hold?\nA: It will hold for now."
    assert [q.speaker for q in quotes_of(nlp, text)] == []


def test_multi_paragraph_quote_shares_the_speaker(nlp):
    text = ("“We have lost the harbor and the bridges,” Governor Oleh Kiper said.\n\n"
            "“We are not giving up the city.\n\n"
            "“We will hold it,” he added.")
    got = rows(nlp, text)
    assert [r[2] for r in got] == ["Oleh Kiper"] * 3
    assert [r[1] for r in got][1] == "We are not giving up the city."


@pytest.mark.parametrize("text, speaker", [
    # pronouns resolve to the nearest earlier person who was a subject, not the object
    ("Kim told Putin that the talks went well. “We stand together,” he said.", "Kim"),
    ("Ukrainian President Volodymyr Zelensky met Pope Francis. Later, Zelensky said: “We need peace.”",
     "Volodymyr Zelensky"),
    # a title resolves to the person who holds it
    ("North Korean leader Kim Jong Un arrived by train. The North Korean leader said that “Russia is rising.”",
     "Kim Jong Un"),
    # a generic head resolves to the organisation named before
    ("Russia’s Defense Ministry reported new attacks. It was “a terrorist act,” the ministry said.",
     "Russia’s Defense Ministry"),
    # a dash signs the quote
    ("“Nobody is safe here.” ― Maria Petrenko", "Maria Petrenko"),
    # a sentence of saying that reports nothing itself introduces the quote after it
    ("Oleh Kiper, the governor of the Odesa region, said in a statement. “There are no shelters left to "
     "repair. The drones hit every district overnight.”", "Oleh Kiper"),
    # a colon's lead-in names the speaker with no verb of saying, in its sentence or the paragraph before
    ("Senate Majority Leader Mitch McConnell delivered a blunt message to the White House: “It is time to "
     "send the money.”", "Mitch McConnell"),
    ("In response, Ukrainian President Volodymyr Zelensky issued the following statement:\n\n"
     "“Our prayers are with all those affected by the attack.”", "Volodymyr Zelensky"),
    # the lead-in's own clause speaks, though the parser hangs it on the quote's verb or a verb of saying
    # sits in a clause before it
    ('Senate Majority Leader Mitch McConnell, R-Ky., delivered a blunt message to Trump: "It\'s time to quit '
     'attacking various people."', "Mitch McConnell"),
    ("Growing sharper as he spoke, Governor Oleh Kiper continued: “The worst attack ever on this city.”",
     "Oleh Kiper"),
    ("When the mayor said he was, General Maria Petrenko ordered: “Start the work.”", "Maria Petrenko"),
    ("Their lawyer, Maria Petrenko, said the case could see her family take the government to court: “Our "
     "view is that this would be illegal.”", "Maria Petrenko"),
    ("Zelensky’s wife sat next to him and held his hand, saying: “Whatever happens, we stay.”",
     "Zelensky’s wife"),
    # with no one named before, he/she is an unnamed person who was a subject nearby, of the same gender
    ("Her husband interrupted her and began talking. “We could not carry all the children,” he said.",
     "Her husband"),
    ("The woman fled with her children. “We could not stay,” he said.", None),
    # a cue after a question or an exclamation frames it though the parser starts a sentence there
    ("“It looks like we will not get along, who knows?” Petrenko told a local television station.", "Petrenko"),
    # the possessor of a response speaks it; a person of a given age is a person
    ("Her aide emailed the minister in December. Maria Petrenko’s response was: “Is that shop in Kyiv?”",
     "Maria Petrenko"),
    ("“Most want to leave, like me,” said the 26-year-old.", "the 26-year-old"),
    # a phone call reports nothing: the quote after it is not the caller's
    ("Oleh Kiper lost his fight. Maria Petrenko called him in late 2017. “She said the boy had drawn our home.”",
     None),
    # a name and a verb right after the quote, when the parse around them is broken
    ("Donald Trump held a news conference. “Go back to Univision,” Trump barked and a security guard escorted "
     "Ramos out.", "Donald Trump"),
    ('"If he does not, he should resign in disgrace!" the presumptive nominee, Donald Trump, tweeted Sunday.',
     "Donald Trump"),
    # a person's people speak for themselves, not as the person
    ("“The Kurdish movement was everything to him,” said a friend of Mehmet Aksoy.", "a friend of Mehmet Aksoy"),
    ("“The talks will resume next week,” Zelensky’s spokesman said.", "Zelensky’s spokesman"),
    # a sentence that reports something itself still introduces the quote right after it
    ("Hoda Muthana said she had not been in contact with officials since her capture. “I would tell them "
     "please forgive me.”", "Hoda Muthana"),
    # "as X put it" parsed as a clausal complement, before the quote
    ('But at the time, as prosecutor Maria Petrenko put it, "apart from the wrong crowd and some jogging, '
     'there was nothing."', "Maria Petrenko"),
    # but a thing is no speaker
    ("The sign on the door of the shelter read: “Closed until further notice.”", None),
    # a document that speaks for its issuer, with "read"
    ("The regional council published its reply on Friday. “The shelters will stay open all winter,” the "
     "statement read.", "the statement"),
    # a verb that is no verb of saying frames the quote right before it
    ("“Nobody in this village has slept for a week,” Petrenko sighed wearily.", "Petrenko"),
    ("“The lights are back!” beamed Olena Marchuk of Mykolaiv, who had waited in the cold since dawn.",
     "Olena Marchuk"),
    # the quote's own cue right after it wins over a colon's lead-in
    ("He did not think the terminal would stay shut for long: “Once the ice melts, the ships come back,” "
     "Marchuk predicted.", "Marchuk"),
    # an inverted verb of saying opening the line is no part of the name
    ("Economists doubt the plan would help.\n\nSaid Ellis: “Nobody reads the fine print.”", "Ellis"),
    # the one shown speaking in footage
    ("The video shows footage of Volodymyr Zelensky asking, “Where are the planes you promised?”",
     "Volodymyr Zelensky"),
])
def test_speaker_resolution(nlp, text, speaker):
    quotes = [q for q in quotes_of(nlp, text) if q.kind in ("direct", "partial")]
    assert [q.speaker for q in quotes] == [speaker]


def test_an_unresolved_pronoun_speaks_both_parts_of_a_split_quote(nlp):
    text = ("The commander stared at the map. “It is going to be a long battle,” he said. “We have nobody "
            "except our neighbours.”")
    quotes = [q for q in quotes_of(nlp, text) if q.kind == "direct"]
    assert [q.speaker_span and text[q.speaker_span[0]:q.speaker_span[1]] for q in quotes] == ["he", "he"]


def test_a_quote_after_a_sentence_of_saying_is_not_the_next_quotes(nlp):
    text = ("Maria Petrenko, a researcher in Kyiv, said many of the prisoners would wish to go home. “Most of them do "
            "express regret.” In a piece for a newspaper, Oleh Kiper said the country was not alone “in wishing "
            "they would disappear”.")
    marked = [(q.kind, q.speaker) for q in quotes_of(nlp, text) if q.kind in ("direct", "partial")]
    assert marked == [("direct", "Maria Petrenko"), ("partial", "Oleh Kiper")]


def test_a_name_someone_gives_themselves_is_no_quote(nlp):
    assert quotes_of(nlp, "A man calling himself Paul Paul was among the first to reply.") == []


def test_signatures_the_model_did_not_tag(nlp):
    text = ("Readers answered our call after the strike.\n\n"
            "“We will rebuild the school by spring.” ― Veronica Halych\n"
            "“My street has had no water since Tuesday.” ― Oksana N Dovzhenko-Sirko\n"
            "“Nobody came to help us.” — Taras Lyubchyk")
    quotes = [q for q in quotes_of(nlp, text) if q.kind == "direct"]
    assert [q.speaker_span and text[q.speaker_span[0]:q.speaker_span[1]] for q in quotes] == [
        "Veronica Halych", "Oksana N Dovzhenko-Sirko", "Taras Lyubchyk"]


def test_a_frame_verb_needs_its_subject_after_the_quote(nlp):
    # "returns" follows the title “Mercy Street,” but its subject is the singer before: no speaker
    text = ("The singer, who also stars in the drama “Mercy Street,” returns to the stage this week.")
    assert all(q.speaker is None for q in quotes_of(nlp, text) if q.kind == "direct")


def test_inverted_cue_after_a_fronted_clause_takes_the_subject_after_it(nlp):
    text = ("Put a sanctions bill before a divided Senate in an election year and nothing moves, said "
            "Maria Petrenko, a lawyer who advises the Ukrainian delegation.")
    quotes = quotes_of(nlp, text)
    assert quotes and quotes[0].speaker == "Maria Petrenko"


def test_a_lead_in_before_a_colon_is_not_what_the_trailing_cue_reports(nlp):
    text = ("Mayor Anna Kovalenko doubted the ban would last long: “Once the ice melts, the ships come back,” "
            "Marchuk predicted.")
    assert [(q.kind, q.speaker) for q in quotes_of(nlp, text) if q.cue == "predicted"] == [("direct", "Marchuk")]


def test_a_name_in_marks_is_no_quote(nlp):
    text = ("Ukraine's Defence Intelligence said on Monday that its special forces had regained control of the "
            "so-called \"Boiko towers\", a set of gas rigs. The platforms, known in Kyiv as the “Boiko towers”, are "
            "old. Russia called the strike a \"terrorist act\".")
    partial = [(q.text, q.speaker) for q in quotes_of(nlp, text) if q.kind == "partial"]
    assert partial == [("terrorist act", "Russia")]


def test_a_surname_alone_is_the_person_named_before(nlp):
    text = ("KYIV, Sept 13 (Northwire) - Russian drones attacked the Odesa region overnight, injuring at least "
            "six people, regional governor Oleh Kiper said on Wednesday.\n\nThree of the injured were in a "
            "serious condition, Kiper wrote on the Telegram messaging app.\n\nKiper did not say which port "
            "had been hit.")
    quotes = quotes_of(nlp, text)
    assert len(quotes) == 3
    assert {q.speaker for q in quotes} == {"Oleh Kiper"}


def test_speaker_id_and_span_point_at_the_mention(nlp):
    text = "Mayor Anna Kovalenko visited the site. “The bridge will be ready,” she said."
    doc = nlp(text)
    entities = find_entities(doc)
    (quote,) = [q for q in find_quotes(doc, entities=entities) if q.kind == "direct"]
    person = next(e for e in entities if e.name == "Anna Kovalenko")
    assert quote.speaker_id == person.id
    assert text[quote.speaker_span[0]:quote.speaker_span[1]] == "she"
    assert quote.cue == "said"
    assert text[quote.start:quote.end] == quote.text


@pytest.mark.parametrize("text, speaker, via", [
    ("According to the Kremlin, Kim told Putin, “we have always supported you.”", "Kim", "Kremlin"),
    ("“The war will end soon,” Putin said, according to Reuters, which cited Russian media.", "Putin",
     "Reuters, citing Russian media"),
])
def test_relay_is_kept_apart(nlp, text, speaker, via):
    (quote,) = [q for q in quotes_of(nlp, text) if q.kind == "direct"]
    assert (quote.speaker, quote.via) == (speaker, via)


# -- indirect speech -----------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Oleh Kiper said that six people were injured in the attack.",
     [("that six people were injured in the attack", "Oleh Kiper", "said")]),
    ("Six people were injured in the attack, Oleh Kiper said on Telegram.",
     [("Six people were injured in the attack", "Oleh Kiper", "said")]),
    ("At least 24 people were injured, according to Mikhail Razvozhaev, the governor.",
     [("At least 24 people were injured", "Mikhail Razvozhaev", "according to")]),
    ("The Pentagon announced that it would send more air defense systems.",
     [("that it would send more air defense systems", "Pentagon", "announced")]),
    # the clause parsed under a sentence-final "said" (no clausal object), and under the verb it follows
    ("As the convoy left the port on Tuesday, a drone struck the last truck outside the gate, police said.",
     [("As the convoy left the port on Tuesday, a drone struck the last truck outside the gate", "police", "said")]),
    # the relative word stays out of what was said, and the speaker is no part of it
    ("Governor Oleh Kiper visited the district. He counted the damaged houses, which he said were about "
     "evenly split between two villages.",
     [("were about evenly split between two villages", "Oleh Kiper", "said")]),
    # a dateline is no part of what was said, and the governor the parser listed after the fronted
    # clause ("… at least six people, regional governor Oleh Kiper said") is the speaker
    ("KYIV, Sept 13 (Northwire) - Russian drones attacked the Odesa region overnight, damaging port "
     "facilities and injuring at least six people, regional governor Oleh Kiper said on Wednesday.",
     [("Russian drones attacked the Odesa region overnight, damaging port facilities and injuring at least six "
       "people", "Oleh Kiper", "said")]),
    # speakers the parser hung as conjuncts on the clause's last place, with "said" a conjunct of the clause
    ("Up to 24 civilians have been killed and an estimated 5,000 displaced in the first three days of Turkey's "
     "offensive against a Kurdish enclave in northern Syria, the United Nations and monitors said on Tuesday.",
     [("Up to 24 civilians have been killed and an estimated 5,000 displaced in the first three days of Turkey's "
       "offensive against a Kurdish enclave in northern Syria", "United Nations", "said")]),
    # "that" clauses in a row are one report
    ("The ministry said that two ships had been damaged, that air defences had shot down seven cruise missiles "
     "and that a patrol ship had destroyed three boats.",
     [("that two ships had been damaged, that air defences had shot down seven cruise missiles and that a patrol "
       "ship had destroyed three boats", "The ministry", "said")]),
    # -- reported clauses and subjects the parser put elsewhere --
    # a "that" clause the parser hung on the noun of a phrase after the verb
    ("Oleh Kiper said earlier on Friday during a news conference that he may close the port until the spring.",
     [("that he may close the port until the spring", "Oleh Kiper", "said")]),
    ("The governor said late on Tuesday in a video message that the curfew would be extended.",
     [("that the curfew would be extended", "The governor", "said")]),
    # a gerund subject the parser took for the verb's complement
    ("Oleh Kiper said reopening it could put thousands of dockers back to work in the port.",
     [("reopening it could put thousands of dockers back to work in the port", "Oleh Kiper", "said")]),
    # an inverted cue the parser made a conjunct of the main verb
    ("The port is working again, but it is under heavy pressure from the attacks, said the head of the port, "
     "Ivan Petrenko.",
     [("The port is working again, but it is under heavy pressure from the attacks", "Ivan Petrenko", "said")]),
    # reporters named after a closing cue, which the parser took for its object
    ("Moscow has stepped up attacks on Ukrainian forces in the south, report Alex Horton and Serhii Korolchuk.",
     [("Moscow has stepped up attacks on Ukrainian forces in the south", "Alex Horton", "report")]),
    # conjuncts share their subject, however long the chain
    ("Oleh Kiper visited the port, toured the damaged silos and said the attack had destroyed 40,000 tonnes "
     "of grain.",
     [("the attack had destroyed 40,000 tonnes of grain", "Oleh Kiper", "said")]),
    # the subject of a passive verb is its infinitive's; so is an adjective's subject
    ("Oleh Kiper is expected to announce that the curfew will be lifted.",
     [("that the curfew will be lifted", "Oleh Kiper", "announce")]),
    ("Residents of the city are more likely to say that the sirens come too late.",
     [("that the sirens come too late", "Residents of the city", "say")]),
    # a purpose clause and a perfect participle take the main clause's subject
    ("Having announced that the port was closed, Oleh Kiper left for Kyiv.",
     [("that the port was closed", "Oleh Kiper", "announced")]),
    # a cue set off by commas in a sentence the parser hung on a noun
    ("The hashtag #FindOdesa, Mr. Hrytsenko said, accompanied photographs of the missing and news of those "
     "found alive.",
     [("accompanied photographs of the missing and news of those found alive", "Hrytsenko", "said")]),
    # an accusation names the accused with what they are accused of; a call "for" someone to act
    ("Kyiv accused Moscow of shelling the plant.", [("Moscow of shelling the plant", "Kyiv", "accused")]),
    ("Zelensky called for the allies to send more air defence systems before the winter.",
     [("the allies to send more air defence systems before the winter", "Zelensky", "called")]),
    # a bare portion in a poll stands for its respondents, and attendees are people
    ("About three-quarters support a ban on imports of Russian gas.",
     [("a ban on imports of Russian gas", "About three-quarters", "support")]),
    ("The attendees welcomed the plan to rebuild the school.",
     [("the plan to rebuild the school", "The attendees", "welcomed")]),
    # a portion pronoun of people speaks for them, also after a subordinating word
    ("The plan stalled even as some of the senators have said they support it.",
     [("they support it", "some of the senators", "said")]),
    # a statement saying …: its issuer speaks
    ("The Ukrainian Navy issued a statement saying that two missiles had been shot down.",
     [("that two missiles had been shot down", "Ukrainian Navy", "saying")]),
])
def test_indirect_speech(nlp, text, expected):
    got = [(q.text, q.speaker, q.cue) for q in quotes_of(nlp, text) if q.kind == "indirect"]
    assert got == expected


@pytest.mark.parametrize("text, expected", [
    # stances and beliefs: whoever endorses, sees, is a critic of or is opposed to something holds a view
    ("The teachers union endorsed Clinton.", [("Clinton", "The teachers union", "endorsed")]),
    ("Dozens of newspapers have endorsed Clinton.", [("Clinton", "Dozens of newspapers", "endorsed")]),
    ("Senator Maria Lopez has long been a critic of the pipeline.", [("the pipeline", "Maria Lopez", "critic")]),
    ("Governor Tom Reed is opposed to the new tax.", [("the new tax", "Tom Reed", "opposed")]),
    ("Critics see the new visa program as a giveaway to developers.",
     [("the new visa program as a giveaway to developers", "Critics", "see")]),
    # the "as" phrase hung inside the object; seeing something while driving past is no view
    ("Experts see the elections held Sunday as a test of the generals.",
     [("the elections held Sunday as a test of the generals", "Experts", "see")]),
    ("We saw the building as we drove past.", []),
    ("The court ruled that the law was unconstitutional.",
     [("that the law was unconstitutional", "The court", "ruled")]),
    # the passive names its holder after "by"; the thing held is the subject
    ("Clinton was endorsed by the Dallas Morning News.", [("Clinton", "Dallas Morning News", "endorsed")]),
    # noun cues and framing phrases
    ("In Clinton's view, the plan would hurt working families.",
     [("the plan would hurt working families", "Clinton", "view")]),
    ("As one economist put it, the tax cut pays for itself.",
     [("the tax cut pays for itself", "one economist", "put")]),
    # a time stamp above an item is no subject
    ("12:15 p.m.\n\nDonald Trump says political correctness has run amok in the military.",
     [("political correctness has run amok in the military", "Donald Trump", "says")]),
])
def test_beliefs_and_stances(nlp, text, expected):
    assert [(q.text, q.speaker, q.cue) for q in quotes_of(nlp, text) if q.kind == "indirect"] == expected


@pytest.mark.parametrize("text, expected", [
    # war news uses these verbs literally: an attack on a place or a thing is no stance
    ("Russian forces attacked Odesa overnight. Russia has repeatedly targeted ports on the Danube since July. "
     "Ukrainian troops pounded Russian positions and blocked a supply road.", []),
    # against a person, a group or an idea they are
    ("Senator Ted Cruz attacked Donald Trump on Tuesday.", [("Donald Trump", "Ted Cruz", "attacked")]),
    ("Senator Maria Lopez slammed the plan as a giveaway.", [("the plan as a giveaway", "Maria Lopez", "slammed")]),
])
def test_physical_verbs_are_stances_only_figuratively(nlp, text, expected):
    assert [(q.text, q.speaker, q.cue) for q in quotes_of(nlp, text) if q.kind == "indirect"] == expected


@pytest.mark.parametrize("text, expected", [
    # to deny someone something, or to deny access, withholds it; it disputes nothing
    ("The regime denied prisoners access to lawyers. It denied them the right to a fair trial.", []),
    ("Moscow denied the report.", [("the report", "Moscow", "denied")]),
])
def test_deny_disputes_only_what_was_said(nlp, text, expected):
    got = [(q.text, q.speaker, q.cue) for q in quotes_of(nlp, text) if q.kind == "indirect"]
    assert got == expected


@pytest.mark.parametrize("text, expected", [
    # verbs of saying in their other sense before an object report nothing
    ("Canova has raised $2.3 million since June. Clinton maintains a wide lead over Sanders. "
     "Trump continued his push on Twitter. Only 367,491 people cast a ballot.", []),
    # with a topic of speech or a clause they do
    ("Senator Maria Lopez raised concerns about the deal.", [("concerns about the deal", "Maria Lopez", "raised")]),
    ("Senator Maria Lopez maintained that the talks had failed.",
     [("that the talks had failed", "Maria Lopez", "maintained")]),
])
def test_verbs_of_saying_in_another_sense(nlp, text, expected):
    got = [(q.text, q.speaker, q.cue) for q in quotes_of(nlp, text) if q.kind == "indirect"]
    assert got == expected


def test_indirect_continuation_resolves_it(nlp):
    text = ("Russia’s Defense Ministry said two ships had been damaged. "
            "Air defenses had shot down seven missiles, it added.")
    got = [(q.speaker, q.cue) for q in quotes_of(nlp, text) if q.kind == "indirect"]
    assert got == [("Russia’s Defense Ministry", "said"), ("Russia’s Defense Ministry", "added")]


# -- robustness ----------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "",
    "“",
    "He said “",
    "“Unclosed quote at the very end",
    "” backwards ” marks “ everywhere “ here.",
    "A paragraph.\n\n\n\n“Another” one \" with a stray mark.",
])
def test_odd_marks_never_crash_or_swallow_the_article(nlp, text):
    for quote in quotes_of(nlp, text):
        assert 0 <= quote.start <= quote.end <= len(text)
        assert "\n" not in quote.text


def test_marked_quote_text_is_always_inside_marks(nlp):
    text = ("The talks were “useful,” Kim said. Putin said he would discuss “all topics.” "
            "“We will see,” an aide said.")
    for quote in quotes_of(nlp, text):
        if quote.kind in ("direct", "partial"):
            assert text[quote.start - 1] in "“\"'‘", quote


# -- the seed article: every direct quote with the right speaker -----------------------------

SEED_QUOTES = [
    # (words the quote starts with, kind, speaker, via)
    ("we have always supported", "direct", "Kim Jong Un", "Kremlin"),
    ("Russia is now rising", "partial", "Kim Jong Un", None),
    ("always stand together", "partial", "Kim Jong Un", None),
    ("We would call on North Korea", "direct", "Patrick Ryder", None),
    ("all topics", "partial", "Vladimir Putin", "Reuters, citing Russian media"),
    ("military-technical cooperation", "partial", "Vladimir Putin", "Reuters, citing Russian media"),
    ("largest financial donation", "partial", "Denmark’s ministry of defense", None),
    ("A good reinforcement, thank you for it!", "direct", "Volodymyr Zelensky", None),
    ("It’s important to know", "direct", "one military expert", None),
    ("And Russia has almost unlimited stocks.", "direct", "one military expert", None),
]


@pytest.fixture(scope="module")
def seed_quotes(nlp, seed_path):
    text = seed_path.read_text(encoding="utf-8")
    doc = nlp(text)
    return text, find_entities(doc), list(find_quotes(doc, entities=find_entities(doc)))


@pytest.mark.parametrize("start, kind, speaker, via", SEED_QUOTES)
def test_seed_quote(seed_quotes, start, kind, speaker, via):
    text, entities, quotes = seed_quotes
    found = [q for q in quotes if q.text.startswith(start) and q.kind == kind]
    assert len(found) == 1, [(q.kind, q.text[:30]) for q in quotes]
    quote = found[0]
    assert (quote.speaker, quote.via) == (speaker, via)
    assert text[quote.start:quote.end] == quote.text
    names = {e.id: e.name for e in entities}
    if quote.speaker_id is not None:
        assert names[quote.speaker_id] == speaker


def test_seed_has_no_quote_outside_marks(seed_quotes):
    text, _, quotes = seed_quotes
    marked = [q for q in quotes if q.kind in ("direct", "partial")]
    assert len(marked) == len(SEED_QUOTES) + 2  # plus the headline's and the lede's “first priority”
    for quote in marked:
        assert text[quote.start - 1] in "“‘\""


def test_docs_example_runs():
    """The example in docs/nlp-quotes.md runs as written."""
    from pathlib import Path

    page = (Path(__file__).resolve().parents[2] / "docs" / "nlp-quotes.md").read_text(encoding="utf-8")
    block = page.split("```python\n", 1)[1].split("```", 1)[0]
    exec(compile(block, "docs/nlp-quotes.md", "exec"), {})  # noqa: S102 - our own docs example


# -- speakers of reported words (PolNeAR-style shapes, sentences of our own) ------------------

@pytest.mark.parametrize("text, expected", [
    # an opening "in a poll" attributes its clause to the poll ...
    ("In the latest poll, turnout among young voters rose sharply.",
     [("turnout among young voters rose sharply", "the latest poll", "in")]),
    # ... unless the clause has a speaker of its own
    ("In a new study, two economists found that tariffs raised prices.",
     [("that tariffs raised prices", "two economists", "found")]),
])
def test_findings_speak_for_themselves(nlp, text, expected):
    assert [(q.text, q.speaker, q.cue) for q in quotes_of(nlp, text) if q.kind == "indirect"] == expected


@pytest.mark.parametrize("text, speaker, span", [
    # a pronoun under a verb of saying with the same speaker: the saying verb's mention names them
    ("The union said it was “firmly opposed” to the plan.", "The union", "The union"),
    ("Mayor Anna Kovalenko said she was “deeply troubled” by the report.", "Anna Kovalenko", "Anna Kovalenko"),
    # a different inner speaker keeps the quote: the words are the minister's
    ("The minister called the deal a “historic step”, Reuters reported.", "The minister", "The minister"),
])
def test_partial_quote_speaker_span(nlp, text, speaker, span):
    partial = [q for q in quotes_of(nlp, text) if q.kind == "partial"]
    assert len(partial) == 1
    start, end = partial[0].speaker_span
    assert (partial[0].speaker, text[start:end]) == (speaker, span)


def test_a_headline_lead_is_no_speaker(nlp):
    text = "Quiet Over Budget: Council Delays the Vote\n\nThe council met on Monday."
    assert [q for q in quotes_of(nlp, text) if q.cue == ":"] == []


def test_who_after_a_place_in_a_group_s_phrase_is_the_group(nlp):
    # The parser hangs "who said" on "the ground"; the forces said it, and their description ends before it.
    text = "The claim was disputed by Kurdish-led forces on the ground who said clashes were continuing."
    speakers = {q.text: q.speaker for q in quotes_of(nlp, text) if q.kind == "indirect"}
    assert speakers["clashes were continuing"] == "Kurdish-led forces on the ground"


def test_ministers_who_gathered_report_nothing(nlp):
    text = ("Russia has sent in aircraft to attack Idlib, as foreign ministers gathered in Brussels to pledge as much "
            "as $5bn (£3.8bn).")
    indirect = [q for q in quotes_of(nlp, text) if q.kind == "indirect"]
    assert not any(q.text.startswith("Russia") for q in indirect)  # "gathered" is no cue of the attack
    assert all(q.text.count("(") == q.text.count(")") for q in indirect)  # nor is a bracket left open


@pytest.mark.parametrize("text, speaker", [
    ("“We will not back down,” Zelensky and Biden said after the meeting.", "Zelensky and Biden"),
    ("Britain, France and Germany said the deal must be kept.", "Britain, France and Germany"),
    # the description already holds the second place; "Kyiv and Moscow" are not two more speakers
    ("Officials in Kyiv and Moscow said the talks had stalled.", "Officials in Kyiv and Moscow"),
])
def test_a_coordinated_subject_speaks_as_one_group(nlp, text, speaker):
    [quote] = quotes_of(nlp, text)
    assert quote.speaker == speaker and quote.speaker_id is None
