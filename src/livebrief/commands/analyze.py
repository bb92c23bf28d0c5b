"""analyze: entities, quotes, claims, figures, times, places and events of articles."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import click

from livebrief.cli import EXIT_OK, Context, cli, emit_json, emit_jsonl, exit_for, pass_ctx
from livebrief.model import Analysis, Article, Failure


def _articles(obj: Context, specs: tuple[str, ...], published: str | None) -> Iterator[tuple[str, Article | Failure]]:
    """Articles for each spec: a stored article id, or any source `livebrief extract` reads."""
    from livebrief.jobs import make_fetcher
    from livebrief.pipeline import extract_stream
    from livebrief.sources import open_source

    fetcher = None
    for spec in specs:
        if spec != "-" and not Path(spec).exists() and "://" not in spec:
            stored = obj.store.get_article(spec)
            if stored is not None:
                yield spec, stored.article
                continue
        fetcher = fetcher or make_fetcher(obj.settings)
        for raw, result in extract_stream(open_source(spec, fetcher=fetcher), settings=obj.settings):
            if isinstance(result, Article) and published and not result.published:
                result = result.replace(published=published)
            yield (raw.source if raw else spec), result


@cli.command()
@click.argument("sources", nargs=-1)
@click.option("--published", metavar="DATE", help="Publication date (ISO) for inputs that carry none; "
              "relative dates such as 'Tuesday' are resolved against it.")
@click.option("--all", "all_stored", is_flag=True, help="Analyse stored articles lacking a current analysis "
              "and store the results.")
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "md"]), default="json", show_default=True,
              help="json: the analysis contract (an array for several); jsonl: one analysis per line with the "
              "input as `source`; md: a readable report.")
@pass_ctx
def analyze(obj: Context, sources: tuple[str, ...], published: str | None, all_stored: bool, fmt: str) -> None:
    """Find entities, quotes with speakers, claims, figures, dates, places and PLOVER events.

    SOURCES are files, folders, URLs, stored article ids or - (stdin); a JSONL file
    (url/title/published/text per line) gives one analysis per record.
    Example: livebrief analyze story.txt --published 2023-09-13 --format md
    """
    from livebrief.nlp import analyze_many

    if all_stored:
        from livebrief.jobs import analyze_stored
        from livebrief.commands.ingest import _print_failures, _progress

        bar, tick = _progress("analyze")
        with bar:
            report = analyze_stored(store=obj.store, settings=obj.settings, on_item=tick)
        click.echo(f"analyze: {report.counts['analyzed']} analysed, {report.counts['skipped']} skipped "
                   f"(unsupported language), {report.counts['failed']} failed")
        _print_failures(report.failures)
        if not sources:
            raise SystemExit(exit_for(report.counts["analyzed"] + report.counts["skipped"], report.failed))
    if not sources:
        if all_stored:
            raise SystemExit(EXIT_OK)
        raise click.UsageError("give SOURCES to analyse, or --all for stored articles")

    inputs: dict[str, str] = {}
    failed = ok = 0

    def articles() -> Iterator[Article]:
        nonlocal failed
        for name, item in _articles(obj, sources, published):
            if isinstance(item, Failure):
                failed += 1
                click.echo(f"Error: {item.item}: {item.message}", err=True)
                continue
            inputs[item.id] = name
            yield item

    collected: list[dict] = []
    for result in analyze_many(articles(), settings=obj.settings):
        if isinstance(result, Failure):
            failed += 1
            click.echo(f"Error: {result.item}: {result.message}", err=True)
            continue
        ok += 1
        for note in result.notes:
            click.echo(f"note: {result.article.title or result.article.id}: {note}", err=True)
        if fmt == "jsonl":
            emit_jsonl([{"source": inputs.get(result.article.id), **result.contract()}])
        elif fmt == "md":
            click.echo(render_markdown(result))
        else:
            collected.append(result.contract())
    if fmt == "json" and collected:
        emit_json(collected[0] if len(collected) == 1 else collected)
    raise SystemExit(exit_for(ok, failed))


def render_markdown(analysis: Analysis) -> str:
    """A readable report of one analysis."""
    a = analysis.article
    lines = [f"# {a.title or '(untitled)'}", "", f"{a.source or '-'} · {a.published or 'date unknown'}", ""]
    if analysis.notes:
        lines += [f"> {n}" for n in analysis.notes] + [""]
    if analysis.events:
        lines += ["## Events", ""]
        for e in analysis.events:
            where = f" in {e.place}" if e.place else ""
            when = f" on {e.date}" if e.date else ""
            who = f" — {', '.join(e.actors)}" if e.actors else ""
            by = "; ".join(f"{x.source} ({x.kind})" for x in e.attribution)
            lines.append(f"- **{e.type}**{f'/{e.mode}' if e.mode else ''}{where}{when}{who}: {e.summary}"
                         + (f" _[{by}]_" if by else ""))
        lines.append("")
    if analysis.quotes:
        lines += ["## Quotes", ""]
        for q in analysis.quotes:
            via = f", via {q.via}" if q.via else ""
            mark = f"“{q.text}”" if q.kind != "indirect" else q.text
            lines.append(f"- {q.speaker or 'unknown speaker'}{via} ({q.kind}): {mark}")
        lines.append("")
    if analysis.quantities:
        lines += ["## Figures", ""]
        for q in analysis.quantities:
            qual = f"{q.qualifier.replace('_', ' ')} " if q.qualifier and q.qualifier != "exactly" else ""
            unit = f" {q.unit}" if q.unit else ""
            obj = f" {q.object}" if q.object else ""
            lines.append(f"- {q.kind}: {qual}{q.value:g}{unit}{obj} — “{q.text}”")
        lines.append("")
    if analysis.claims:
        lines += ["## Claims", ""]
        lines += [f"- {c.claimant or 'unattributed'} ({c.kind}, {c.cue or '-'}): {c.text}" for c in analysis.claims]
        lines.append("")
    if analysis.places:
        lines += ["## Places", ""]
        lines += [f"- {p.name} ({p.feature or 'place'}, {p.country or '?'}) {p.lat}, {p.lon}" for p in analysis.places]
        lines.append("")
    if analysis.times:
        lines += ["## Dates", ""]
        lines += [f"- “{t.text}” → {t.date or 'unresolved'}{f' … {t.end_date}' if t.end_date else ''}"
                  for t in analysis.times]
        lines.append("")
    if analysis.entities:
        lines += ["## Entities", ""]
        lines += [f"- {e.name} ({e.type}{f', {e.title}' if e.title else ''}) ×{len(e.mentions)}"
                  for e in analysis.entities]
        lines.append("")
    return "\n".join(lines)
