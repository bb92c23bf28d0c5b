"""Compose Story records: title, places, dates, sources, figures per source, conflicts, claim ledger."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Iterable, Mapping

from livebrief.model import Analysis, Claim, LedgerEntry, Story, StoryArticle, StoryFigure
from livebrief.nlp.plover.labels import MATERIAL
from livebrief.stories.background import dated_long_before
from livebrief.stories.index import StoryState
from livebrief.stories.items import StoryItem
from livebrief.stories.sides import party_of
from livebrief.stories.standalone import stands_alone
from livebrief.stories.vectors import cosine, normalise, terms

# Casualty tolls, which rise as later reports come in.
TOLL_KINDS = {"killed", "injured", "missing", "displaced", "detained"}
# Figures that are compared across sources; durations and "other" are too loose to conflict.
COMPARED_KINDS = TOLL_KINDS | {"money", "weapons", "ships", "aircraft", "vehicles", "people"}
COUNTED_KINDS = {"weapons", "ships", "aircraft", "vehicles", "people"}  # compared per thing counted ("troops")
LONG_TITLE_WORDS = 45  # a summary the parse could not shorten to this is a poor story title
VIOLENT = frozenset({"ASSAULT", "COERCE"})  # stories whose parties' accounts of damage and losses can differ
# Words that make a claim a factual account of damage or casualties (what sides dispute).
ACCOUNT_WORDS = ("damag", "destroy", "hit", "kill", "injur", "wound", "shot down", "intercept", "sank", "sunk",
                 "struck", "repel", "captur", "recaptur", "lost", "casualt", "missile", "drone")


@dataclass(frozen=True)
class ArticleInfo:
    """What merging needs to know about an article beyond its analysis."""

    article_id: str
    url: str | None
    outlet: str | None
    title: str | None
    published: str | None
    copy_of: str | None = None


def compose_story(
    state: StoryState,
    items: Iterable[StoryItem],
    *,
    analyses: Mapping[str, Analysis],
    articles: Mapping[str, ArticleInfo],
) -> Story:
    """One Story from an index state, its items and the analyses of their articles."""
    items = sorted(items, key=lambda i: (i.published or "", i.key))
    events = {i.key: _events(analyses.get(i.article_id), i.event_ids) for i in items}
    infos = [articles[a] for a in dict.fromkeys(i.article_id for i in items) if a in articles]
    original_outlets = sorted({o for o in (_outlet_of(info, articles) for info in infos) if o})

    title, title_ref = _title(items, state, events, analyses)
    place = state.places.most_common(1)[0][0] if state.places else None
    place_name, lat, lon = _place(items, place)
    published = sorted(i.published for i in items if i.published)
    start, end = _event_range(events, state)
    figures = tuple(_figures(items, events, analyses, articles))
    claims = tuple(_ledger(items, events, analyses, articles))
    own = {i.article_id: analyses[i.article_id] for i in items if i.article_id in analyses}
    figure_conflicts, revisions = _figure_notes(figures, _incidents(items, events, analyses))
    types = _types(state)
    conflicts = figure_conflicts + tuple(_claim_conflicts(claims, own, violent=bool(types) and types[0] in VIOLENT))
    return Story(
        id=state.id,
        title=title,
        types=types,
        place=place_name, lat=lat, lon=lon,
        start=start, end=end,
        first_seen=published[0] if published else None,
        updated=published[-1] if published else None,
        articles=tuple(StoryArticle(article_id=info.article_id, url=info.url, source=info.outlet,
                                    copy_of=info.copy_of, title=info.title, published=info.published)
                       for info in infos),
        sources=tuple(original_outlets),
        figures=figures,
        conflicts=conflicts,
        revisions=revisions,
        claims=claims,
        events=tuple(f"{i.article_id}/{event_id}" for i in items for event_id in i.event_ids),
        leads=tuple(dict.fromkeys(i.article_id for i in items if i.lead)),
        title_ref=title_ref,
        confidence=_confidence(items, original_outlets),
    )


def _event_range(events: Mapping[str, list], state: StoryState) -> tuple[str | None, str | None]:
    """First and last event day, background dates (far from the reporting days) left out."""
    from datetime import date

    days = []
    for found in events.values():
        for event in found:
            try:
                day = date.fromisoformat((event.date or "")[:10])
            except ValueError:
                continue
            if state.start_day and state.end_day and \
                    (state.start_day - day).days <= 10 and (day - state.end_day).days <= 10:
                days.append(day)
    if not days:
        return state.start, state.end
    return min(days).isoformat(), max(days).isoformat()


def _types(state: StoryState) -> tuple[str, ...]:
    """Event types, most told first; between types told as often, what was done before what was said
    ("aid flights arriving" before "offered to send aid")."""
    return tuple(sorted(state.types, key=lambda t: (-state.types[t], t not in MATERIAL)))


def _events(analysis: Analysis | None, event_ids: tuple[str, ...]) -> list:
    if analysis is None:
        return []
    wanted = set(event_ids)
    return [e for e in analysis.events if e.id in wanted]


def _outlet_of(info: ArticleInfo, articles: Mapping[str, ArticleInfo]) -> str | None:
    if info.copy_of and info.copy_of in articles:
        return articles[info.copy_of].outlet
    return info.outlet


def _title(items, state, events, analyses) -> tuple[str, tuple[str, int, int] | None]:
    """The event summary closest to the story's centroid, of its newest day, originals and early reports first."""
    centroid = state.vector()
    best, best_key = None, None
    latest = max((i.event_day for i in items if i.event_day and i.dated), default=None)
    for rank, item in enumerate(items):
        for position, event in enumerate(events.get(item.key, ())):
            summary = event.summary
            if not summary:
                continue
            score = cosine(normalise(terms(summary)), centroid) - (0.2 if item.is_copy else 0.0) - 0.01 * rank
            length = len(summary.split())
            score += 0.05 * min(length, 25) / 25  # a bare fragment makes a poor headline
            score -= 0.1 if length > LONG_TITLE_WORDS else 0.0  # and so does a paragraph-long sentence
            score -= 0.02 * position + (0.0 if item.lead else 0.1)  # the lead says what a report is about
            score += 0.1 if latest and item.event_day == latest else 0.0  # the newest development leads
            if dated_long_before(analyses.get(item.article_id), event.evidence[:1]):
                score -= 0.3  # "whose attacks on New York in 2001 sparked …": what a report recalls
            if not stands_alone(summary):
                score -= 0.3  # "He declined to give details …", "Remember those Kurdish forces …?"
            if best_key is None or score > best_key:
                span = event.evidence[0] if event.evidence else (0, 0)
                best, best_key = (summary, (item.article_id, span[0], span[1])), score
    if best is None:
        first = items[0]
        return (first.title or first.text[:120]).strip(), None
    return best


def _place(items: list[StoryItem], name: str | None) -> tuple[str | None, float | None, float | None]:
    if name is None:
        return None, None, None
    for item in items:
        if item.place and item.place.lower() == name:
            return item.place, item.lat, item.lon
    return name, None, None


def _figures(items, events, analyses, articles) -> Iterable[StoryFigure]:
    seen = set()
    story_articles = {i.article_id for i in items}
    for item in items:
        info = articles.get(item.article_id)
        if info and info.copy_of and info.copy_of in story_articles:
            continue  # a copy repeats its original's figures
        analysis = analyses.get(item.article_id)
        if analysis is None:
            continue
        for event in events.get(item.key, ()):
            yield from _event_figures(event, analysis, item, info, seen)


def _event_figures(event, analysis: Analysis, item: StoryItem, info, seen: set) -> Iterable[StoryFigure]:
    outlet = info.outlet if info else None
    # who gives a figure: the claim or quote that holds it, else the outlet's own reporting (not whoever else
    # the event's sentences quote: "killed four Americans, weeks after Trump said Isis was defeated")
    holders = [(c.claimant, c.start, c.end) for c in analysis.claims] + \
              [(u.speaker, u.start, u.end) for u in analysis.quotes]
    for index in event.quantities:
        if not 0 <= index < len(analysis.quantities):
            continue
        q = analysis.quantities[index]
        source = next((who for who, start, end in holders if who and start <= q.start and q.end <= end), outlet)
        # one report telling a figure twice ("Two Russian vessels …", later "Two ships under repair …"; "up to 24
        # civilians", later "the 24 dead") gives it once, as it first told it
        key = (item.article_id, q.kind, q.value, q.unit)
        if key in seen:
            continue
        seen.add(key)
        yield StoryFigure(kind=q.kind, value=q.value, source=source, article_id=item.article_id,
                          unit=q.unit, qualifier=q.qualifier, object=q.object, text=q.text,
                          outlet=info.outlet if info else None,
                          published=info.published if info else None, span=(q.start, q.end))


def _figure_phrase(f: StoryFigure) -> str:
    qualifier = {"at_least": "at least ", "at_most": "up to ", "approximately": "about "}.get(f.qualifier or "", "")
    value = f"{f.value:,.0f}" if float(f.value).is_integer() else f"{f.value:,}"
    unit = f" {f.unit}" if f.kind == "money" and f.unit else ""
    return f"{qualifier}{value}{unit}"


Incident = tuple[str, str | None, str | None]  # the type, day and place of the event a figure belongs to


def _incidents(items, events, analyses) -> dict[tuple[str, tuple[int, int]], Incident]:
    """(article, figure span) -> the type, day and place of the event the figure was told with."""
    found: dict[tuple[str, tuple[int, int]], Incident] = {}
    for item in items:
        analysis = analyses.get(item.article_id)
        for event in events.get(item.key, ()) if analysis else ():
            for index in event.quantities:
                if 0 <= index < len(analysis.quantities):
                    q = analysis.quantities[index]
                    found.setdefault((item.article_id, (q.start, q.end)),
                                     (event.type, (event.date or "")[:10] or None, event.place))
    return found


def _by_incident(group: list[StoryFigure], incidents: Mapping) -> list[list[StoryFigure]]:
    """Tolls told of events of another type, day or place are of another incident: two killed in a clash and 51
    dead of hunger in the camps are no disagreement. A missing day or place fits any, if the other is shared."""
    parts: list[tuple[list[StoryFigure], list[Incident]]] = []
    for f in group:
        here = incidents.get((f.article_id, f.span))
        for members, seen in parts:
            if here is None or all(_same_incident(here, other) for other in seen):
                members.append(f)
                if here is not None:
                    seen.append(here)
                break
        else:
            parts.append(([f], [here] if here is not None else []))
    return [members for members, _ in parts]


def _same_incident(a: Incident, b: Incident) -> bool:
    """Same type, no day or place that differs, and a day or a place both give: two tolls told with no day and
    no place (her two children, the 22 killed at a concert) are not known to be of one incident."""
    pairs = [(x.lower(), y.lower()) for x, y in zip(a[1:], b[1:]) if x is not None and y is not None]
    return a[0] == b[0] and bool(pairs) and all(x == y for x, y in pairs)


def _figure_groups(figures: tuple[StoryFigure, ...],
                   incidents: Mapping | None = None) -> Iterable[tuple[str, str, list[StoryFigure]]]:
    """Figures of one kind (and counted object, and currency) that take two or more values: kind, label, figures."""
    groups: dict[tuple[str, str, str], list[StoryFigure]] = defaultdict(list)
    for f in figures:
        if f.kind in COMPARED_KINDS:
            counted = (f.object or "").lower() if f.kind in COUNTED_KINDS else ""
            if f.kind == "people" and (not counted or counted.split()[-1] in ("people", "persons")):
                continue  # "about 180 people", "at least 100 people": counts of anyone, of no one thing
            # Money only against money in the same currency: "5.7bn kroner" and "$833m" are one sum.
            groups[(f.kind, counted, (f.unit or "") if f.kind == "money" else "")].append(f)
    for (kind, obj, _unit), group in groups.items():
        if kind == "money":
            parts = _by_purpose(group)
        else:
            parts = _by_incident(group, incidents or {}) if kind in TOLL_KINDS else [group]
        for part in parts:
            if len({f.value for f in part}) >= 2 and not _told_together(part):
                yield kind, obj or kind, part


def _by_purpose(group: list[StoryFigure]) -> list[list[StoryFigure]]:
    """Sums that say what they pay for are compared only with sums for the same thing: "$5bn for a border
    wall" and "$3.5bn to buy Patriot missiles" are no disagreement. Sums that do not say stay together."""
    purposes: dict[str, list[StoryFigure]] = defaultdict(list)
    for f in group:
        if f.object:
            purposes[f.object.split()[-1].lower()].append(f)
    return [group] if len(purposes) <= 1 else list(purposes.values())


def _told_together(group: list[StoryFigure]) -> bool:
    """Every two values stand in one report: "shot down seven of 10 cruise missiles" is no disagreement."""
    per_article: dict[str, set[float]] = defaultdict(set)
    for f in group:
        per_article[f.article_id].add(f.value)
    values = sorted({f.value for f in group})
    return all(any(a in told and b in told for told in per_article.values())
               for i, a in enumerate(values) for b in values[i + 1:])


def _rising_toll(kind: str, group: list[StoryFigure]) -> bool:
    """A casualty toll each of whose higher values was first reported after every report of the lower ones."""
    times = [_instant(f.published) for f in group]
    if kind not in TOLL_KINDS or any(t is None for t in times):
        return False
    values = sorted({f.value for f in group})
    first = {v: min(t for f, t in zip(group, times) if f.value == v) for v in values}
    last = {v: max(t for f, t in zip(group, times) if f.value == v) for v in values}
    return all(first[higher] > last[lower] for lower, higher in zip(values, values[1:]))


_UNDATED = datetime.min.replace(tzinfo=timezone.utc)  # figures without a publication time come first


def _instant(published: str | None) -> datetime | None:
    """A publication time as an aware instant (a bare date or a time without offset is taken as UTC)."""
    try:
        moment = datetime.fromisoformat(published) if published else None
    except ValueError:
        return None
    if moment is not None and moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment


def _by_value(group: list[StoryFigure]) -> list[StoryFigure]:
    """One figure per distinct value, the earliest report of it, in order of first report."""
    by_value: dict[float, StoryFigure] = {}
    for f in sorted(group, key=lambda f: _instant(f.published) or _UNDATED):
        by_value.setdefault(f.value, f)
    return list(by_value.values())


def _mid_sentence(name: str | None) -> str | None:
    """A claimant as written after "says": a description that opened its sentence loses its capital ("The
    official" -> "the official"); a name keeps it ("The Washington Post")."""
    if not name:
        return name
    first, _, rest = name.partition(" ")
    if first in ("The", "A", "An") and rest[:1].islower():
        return first.lower() + " " + rest
    return name


def _said_by(f: StoryFigure) -> str:
    """"Mikhail Razvozhaev (The Harbour Post, 2023-09-13 14:30)"; an outlet that is its own source is named once:
    "Northwire (2023-09-13 04:55)"."""
    when = f.published[:16].replace("T", " ") if f.published else ""
    if f.outlet and f.source == f.outlet:
        return f"{f.outlet} ({when})" if when else f.outlet
    return f"{_mid_sentence(f.source) or 'an unnamed source'}" + (
        f" ({f.outlet}{', ' + when if when else ''})" if f.outlet else "")


def _figure_notes(figures: tuple[StoryFigure, ...],
                  incidents: Mapping | None = None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Figures of one kind that take several values, said plainly: (disagreements, revisions).

    A casualty toll that rose as later reports came in is a revision ("Toll rose: at least 9 injured …;
    then at least 24 …"); any other difference is a disagreement ("Figures differ: …")."""
    conflicts: list[str] = []
    revisions: list[str] = []
    for kind, label, group in _figure_groups(figures, incidents):
        parts = [f"{_figure_phrase(f)} {label}, says {_said_by(f)}" for f in _by_value(group)]
        if _rising_toll(kind, group):
            revisions.append("Toll rose: " + "; then ".join(parts))
        else:
            conflicts.append("Figures differ: " + "; ".join(parts))
    return tuple(conflicts), tuple(revisions)


def _ledger(items, events, analyses, articles) -> Iterable[LedgerEntry]:
    """Claims whose sentence lies in the story's evidence, with chain and single-source flag."""
    found: list[tuple[Claim, StoryItem]] = []
    for item in items:
        analysis = analyses.get(item.article_id)
        if analysis is None:
            continue
        evidence = [span for event in events.get(item.key, ()) for span in event.evidence]
        for claim in analysis.claims:
            if any(claim.start < end and start < claim.end for start, end in evidence):
                found.append((claim, item))
    outlets_per_claimant: dict[str, set[str]] = defaultdict(set)
    for claim, item in found:
        info = articles.get(item.article_id)
        outlet = _outlet_of(info, articles) if info else item.outlet
        outlets_per_claimant[(claim.claimant or "").lower()].add(outlet or item.article_id)
    seen = set()
    for claim, item in found:
        key = (item.original_id, claim.start, claim.end)
        if key in seen:
            continue
        seen.add(key)
        info = articles.get(item.article_id)
        outlet = info.outlet if info else item.outlet
        chain = tuple(dict.fromkeys(x for x in (claim.claimant, claim.via, outlet) if x))
        yield LedgerEntry(text=claim.text, claimant=claim.claimant, kind=claim.kind,
                          article_id=item.article_id, outlet=outlet, chain=chain,
                          single_source=len(outlets_per_claimant[(claim.claimant or "").lower()]) <= 1,
                          span=(claim.start, claim.end))


def _claim_conflicts(claims: tuple[LedgerEntry, ...], analyses: Mapping[str, Analysis], *,
                     violent: bool = True) -> Iterable[str]:
    """Accounts of the same event by opposing parties, or a claim and its denial.

    ``analyses`` are the story's own: a claimant's title comes from the articles that tell the story. Accounts
    of damage and losses are set against each other only in a story of an attack (``violent``): in a story of a
    resignation, a Patriot sale and Putin's view of the war are no two accounts of one thing.
    """
    titles = {e.name.lower(): e.title for a in analyses.values() for e in a.entities if e.title}
    accounts: dict[str, LedgerEntry] = {}
    weight: dict[str, int] = {}
    for entry in claims:
        if entry.kind not in {"claim", "denial"}:
            continue
        words = _account_words(entry.text)
        if not words or _background(entry, analyses):
            continue
        party = party_of(entry.claimant, titles.get((entry.claimant or "").lower()))
        # each party's fullest account of damage and losses speaks for it, the earliest among equals
        if party and words > weight.get(party, 0):
            accounts[party], weight[party] = entry, words
    parties = list(accounts)
    if violent and len(parties) >= 2:
        parts = [f"{_clip(accounts[p].text)}, says {_mid_sentence(accounts[p].claimant)}" for p in parties[:3]]
        yield "Accounts differ: " + "; ".join(parts)
    denials = [c for c in claims if c.kind == "denial"]
    for denial in denials[:2]:
        if denial.claimant and denial.claimant.lower() in denial.text.lower():
            yield f"Denied: {_clip(denial.text)}"  # "Moscow has dismissed the accusations" names its denier
        else:
            yield f"Denied: {_clip(denial.text)}, says {_mid_sentence(denial.claimant) or 'an unnamed source'}"


def _account_words(text: str) -> int:
    lowered = text.lower()
    return sum(1 for word in ACCOUNT_WORDS if word in lowered)


def _background(entry: LedgerEntry, analyses: Mapping[str, Analysis]) -> bool:
    """A claim dated only long before its report ("Last month a sea drone damaged …"): background, not an
    account of this story's event."""
    return entry.span is not None and dated_long_before(analyses.get(entry.article_id), [entry.span])


def _clip(text: str, words: int = 30) -> str:
    parts = text.strip().rstrip(".").split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def _confidence(items: list[StoryItem], outlets: list[str]) -> float:
    known = sum(1 for i in items if i.place) + sum(1 for i in items if i.date)
    return round(min(1.0, 0.3 + 0.15 * len(outlets) + 0.2 * known / max(1, 2 * len(items))), 2)


__all__ = ["ArticleInfo", "compose_story"]
