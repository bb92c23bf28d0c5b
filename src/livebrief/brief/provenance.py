"""The provenance check: proof, item by item, that a briefing says only what its sources say.

For the headline, the lead, every item and every quote of the day:

- every citation names an article in the store, and its span lies inside that article's text;
- the text is a verbatim or shortened span of a cited source: its tokens (punctuation and
  case dropped) are an in-order subsequence of one cited span's tokens (for the lead, of
  its cited sentences in order);
- every number in the text (digits or spelled out) appears in a cited span;
- words in quotation marks stand inside quotation marks in the source, contiguous and
  unchanged, and where the analysis names their speaker, the item does not credit them to
  someone else;
- a quote of the day stands inside quotation marks in its article and that article's
  analysis attributes it to the same speaker;
- every figure an item shows reads, at its span in its article, as the figure says.

:func:`ensure_publishable` raises :class:`ProvenanceError` listing every problem; a briefing
that fails is never stored or printed. Conflict lines are not checked here: the stories
stage builds them from figures and claims that carry their own spans.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence

from livebrief.brief.records import figures_of, items_of
from livebrief.brief.text import (
    locate_quoted, numbers, quoted_regions, same_name, words,
)
from livebrief.errors import ProvenanceError
from livebrief.model import Analysis, Article, Brief, BriefQuote, Citation, StoryFigure


@dataclass(frozen=True)
class ProvenanceProblem:
    """One failed rule for one part of a briefing."""

    part: str      # "headline", "lead", "item 3 (Battlefield)", "quote 1"
    rule: str      # citation, span, shortened, number, quotation, speaker, figure
    message: str
    text: str = ""

    def __str__(self) -> str:
        shown = self.text if len(self.text) <= 90 else self.text[:87] + "…"
        return f"{self.part} [{self.rule}]: {self.message}" + (f" — {shown!r}" if shown else "")


def ensure_publishable(
    brief: Brief,
    *,
    articles: Mapping[str, Article],
    analyses: Mapping[str, Analysis] | Iterable[Analysis],
) -> None:
    """Raise :class:`ProvenanceError` unless every part of ``brief`` passes the check."""
    problems = check_brief(brief, articles=articles, analyses=analyses)
    if problems:
        raise ProvenanceError(problems, item=brief.id or brief.topic)


def check_brief(
    brief: Brief,
    *,
    articles: Mapping[str, Article],
    analyses: Mapping[str, Analysis] | Iterable[Analysis],
) -> list[ProvenanceProblem]:
    """Every provenance problem in ``brief``; empty when it may be published.

    ``articles`` hold the stored text of every cited article (by id); ``analyses`` (by
    article id, or an iterable) say who speaks each quote.
    """
    checker = _Checker(articles, analyses if isinstance(analyses, Mapping)
                       else {a.article.id: a for a in analyses})
    checker.text("headline", brief.headline, brief.headline_citations)
    if brief.lead:
        checker.text("lead", brief.lead, brief.lead_citations, joined=True)
    for number, (section, item) in enumerate(items_of(brief), start=1):
        part = f"item {number} ({section})"
        checker.text(part, item.text, item.citations, attribution=item.attribution)
        for figure in figures_of(item):
            checker.figure(part, figure)
    for number, quote in enumerate(brief.quotes, start=1):
        checker.quote(f"quote {number}", quote)
    return checker.problems


class _Checker:
    def __init__(self, articles: Mapping[str, Article], analyses: Mapping[str, Analysis]) -> None:
        self.articles = articles
        self.analyses = analyses
        self.problems: list[ProvenanceProblem] = []
        self._regions: dict[str, list[tuple[int, int]]] = {}

    def fail(self, part: str, rule: str, message: str, text: str = "") -> None:
        self.problems.append(ProvenanceProblem(part, rule, message, text))

    def regions(self, article: Article) -> list[tuple[int, int]]:
        if article.id not in self._regions:
            self._regions[article.id] = quoted_regions(article.text)
        return self._regions[article.id]

    # -- citations --------------------------------------------------------------------------

    def spans(self, part: str, text: str, citations: Sequence[Citation]) -> list[tuple[Citation, Article, str]]:
        """The cited spans that exist, each with its article and text; problems for the rest."""
        if not citations:
            self.fail(part, "citation", "no citation", text)
            return []
        found = []
        for citation in citations:
            article = self.articles.get(citation.article_id)
            if article is None:
                self.fail(part, "citation", f"cites article {citation.article_id}, which is not in the store", text)
                continue
            if citation.url and citation.url not in {article.url, article.canonical_url}:
                self.fail(part, "citation", f"cites {citation.url} but article {article.id} is at {article.url}",
                          text)
            if citation.start is None or citation.end is None:
                continue  # a link to another report of the story, not the words' source
            if not 0 <= citation.start < citation.end <= len(article.text):
                self.fail(part, "span", f"span {citation.start}-{citation.end} is outside article {article.id} "
                          f"({len(article.text)} characters)", text)
                continue
            found.append((citation, article, article.text[citation.start:citation.end]))
        if citations and not found and not any(p.part == part for p in self.problems):
            self.fail(part, "citation", "no citation gives a span of source text to check against", text)
        return found

    # -- a line of text ----------------------------------------------------------------------

    def text(self, part: str, text: str, citations: Sequence[Citation], *, joined: bool = False,
             attribution: Sequence[str] = ()) -> None:
        if not text.strip():
            self.fail(part, "shortened", "empty text")
            return
        spans = self.spans(part, text, citations)
        if not spans:
            return
        mine = words(text)
        sources = [words(span_text) for _, _, span_text in spans]
        if joined:  # the lead: its sentences, in the order cited
            sources = [[w for source in sources for w in source]]
        misses = [_missing(mine, source) for source in sources]
        if all(misses):
            index, word = max((m for m in misses if m is not None), key=lambda miss: miss[0])
            self.fail(part, "shortened", f"not a verbatim or shortened span of a cited source: “{word}” "
                      f"(word {index + 1}) is not in the cited text in that order", text)
        cited = {round(v, 6) for _, _, span_text in spans for v in numbers(span_text)}
        for value in numbers(text):
            if round(value, 6) not in cited:
                given = ", ".join(_number(v) for v in sorted(cited)) or "none"
                self.fail(part, "number", f"the number {_number(value)} is in no cited span "
                          f"(numbers there: {given})", text)
        self.quotations(part, text, spans, attribution)

    def quotations(self, part: str, text: str, spans: Sequence[tuple[Citation, Article, str]],
                   attribution: Sequence[str]) -> None:
        for start, end in quoted_regions(text, lone_closer_from_start=True):
            segment = text[start:end]
            if not words(segment):
                continue
            located = None
            for citation, article, _ in spans:
                low, high = _paragraph(article.text, citation.start or 0, citation.end or 0)
                hit = locate_quoted(segment, article.text, near=citation.start, regions=self.regions(article))
                if hit and low <= hit[0] and hit[1] <= high:
                    located = (article, hit)
                    break
            if located is None:
                self.fail(part, "quotation", "words in quotation marks are not, word for word, inside "
                          f"quotation marks in the cited source: “{segment.strip()}”", text)
                continue
            if attribution:
                speakers = self.speakers(*located)
                named = set(words(text))
                if speakers and not any(
                        any(same_name(s, a) for a in attribution) or (words(s) and words(s)[-1] in named)
                        for s in speakers):
                    self.fail(part, "speaker", f"quotes {', '.join(speakers)} but credits "
                              f"{', '.join(attribution)}: “{segment.strip()}”", text)

    def speakers(self, article: Article, span: tuple[int, int]) -> list[str]:
        """Who the article's analysis says speaks the words at ``span`` (and who relayed them)."""
        analysis = self.analyses.get(article.id)
        if analysis is None:
            return []
        names: list[str] = []
        entities = {e.id: e for e in analysis.entities}
        for quote in analysis.quotes:
            if quote.start < span[1] and span[0] < quote.end and quote.speaker:
                names.append(quote.speaker)
                entity = entities.get(quote.speaker_id or "")
                if entity is not None:
                    names += [entity.name, *entity.aliases]
                if quote.via:
                    names.append(quote.via)
        return list(dict.fromkeys(names))

    # -- figures and quotes of the day -------------------------------------------------------

    def figure(self, part: str, figure: StoryFigure) -> None:
        article = self.articles.get(figure.article_id)
        label = figure.text or f"{figure.value:g} {figure.kind}"
        if article is None:
            self.fail(part, "figure", f"figure from article {figure.article_id}, which is not in the store", label)
            return
        if figure.span is None:
            return
        start, end = figure.span
        if not 0 <= start < end <= len(article.text):
            self.fail(part, "figure", f"figure span {start}-{end} is outside article {article.id}", label)
        elif figure.text and words(article.text[start:end]) != words(figure.text):
            self.fail(part, "figure", f"figure reads “{article.text[start:end]}” in article {article.id}", label)

    def quote(self, part: str, quote: BriefQuote) -> None:
        article = self.articles.get(quote.article_id)
        if article is None:
            self.fail(part, "citation", f"cites article {quote.article_id}, which is not in the store", quote.text)
            return
        if quote.url and quote.url not in {article.url, article.canonical_url}:
            self.fail(part, "citation", f"cites {quote.url} but article {article.id} is at {article.url}",
                      quote.text)
        if quote.start is not None and quote.end is not None \
                and not 0 <= quote.start < quote.end <= len(article.text):
            self.fail(part, "span", f"span {quote.start}-{quote.end} is outside article {article.id}", quote.text)
            return
        hit = locate_quoted(quote.text, article.text, near=quote.start, regions=self.regions(article))
        if hit is None:
            self.fail(part, "quotation", f"these words do not stand inside quotation marks in article "
                      f"{article.id}: paraphrased, changed or not a quote", quote.text)
            return
        if quote.start is not None and quote.end is not None and not (quote.start < hit[1] and hit[0] < quote.end):
            self.fail(part, "span", f"the cited span {quote.start}-{quote.end} does not hold these words "
                      f"(they stand at {hit[0]}-{hit[1]})", quote.text)
        if quote.article_id not in self.analyses:
            self.fail(part, "speaker", f"no analysis of article {article.id} to confirm the speaker", quote.text)
            return
        speakers = self.speakers(article, hit)
        if not speakers:
            self.fail(part, "speaker", f"the analysis of article {article.id} attributes no quote here",
                      quote.text)
        elif not any(same_name(quote.speaker, s) for s in speakers):
            self.fail(part, "speaker", f"credited to {quote.speaker or 'nobody'}, but the analysis says "
                      f"{' / '.join(speakers)}", quote.text)


def _missing(needle: Sequence[str], haystack: Sequence[str]) -> tuple[int, str] | None:
    """None when ``needle`` is an in-order subsequence of ``haystack``; else the first word left over."""
    position = 0
    for index, word in enumerate(needle):
        try:
            position = haystack.index(word, position) + 1
        except ValueError:
            return index, word
    return None


def _paragraph(text: str, start: int, end: int) -> tuple[int, int]:
    low = text.rfind("\n\n", 0, start)
    high = text.find("\n\n", end)
    return (0 if low < 0 else low + 2), (len(text) if high < 0 else high)


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


__all__ = ["ProvenanceError", "ProvenanceProblem", "check_brief", "ensure_publishable"]
