"""stories, story: the same event across outlets, with figures, conflicts and the claim ledger."""

from __future__ import annotations

import click

from livebrief.cli import EXIT_FAILED, Context, cli, emit_json, pass_ctx
from livebrief.model import Story

STORIES_SCHEMA = "livebrief.stories/1"


def story_contract(story: Story) -> dict:
    """A story as the stories contract wants it (richer fields kept)."""
    data = story.to_dict()
    data["articles"] = [{k: v for k, v in a.items()} for a in data["articles"]]
    return data


def _selected(obj: Context, since: str | None, topic: str | None, limit: int | None) -> list[Story]:
    from livebrief.jobs import build_stories
    from livebrief.timewindow import since_to_iso
    from livebrief.topics import topic_from

    chosen = topic_from(obj.settings.topics, topic)
    build_stories(store=obj.store, settings=obj.settings)
    stories = obj.store.stories(since=since_to_iso(since))
    stories = [s for s in stories if chosen.matches(s)]
    return stories[:limit] if limit else stories


@cli.command()
@click.option("--since", metavar="SPAN", help="Only stories updated in this span back from now "
              "(24h, 7d, 90m) or since an ISO date.")
@click.option("--topic", metavar="NAME", help="A topic from livebrief.toml ([[topics]] name = …); default all.")
@click.option("--limit", type=int, default=None, help="At most this many stories.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@pass_ctx
def stories(obj: Context, since: str | None, topic: str | None, limit: int | None, fmt: str) -> None:
    """Group analysed articles into stories: one real-world event across outlets and days.

    New analyses join existing stories incrementally (story ids stay stable). Each
    story lists its unique original sources (syndicated copies collapsed), figures per
    source, conflicts between sources, and the claim ledger. Run `livebrief analyze
    --all` first so new articles have analyses.
    """
    selected = _selected(obj, since, topic, limit)
    if fmt == "json":
        emit_json({"schema": STORIES_SCHEMA, "stories": [story_contract(s) for s in selected]})
        return
    if not selected:
        click.echo("no stories; ingest and `livebrief analyze --all` first")
    for story in selected:
        where = f" · {story.place}" if story.place else ""
        when = f" · {story.start}" + (f"…{story.end}" if story.end and story.end != story.start else "") \
            if story.start else ""
        click.echo(f"{story.id}  [{'/'.join(story.types)}]{where}{when}")
        click.echo(f"    {story.title}")
        click.echo(f"    {len(story.sources)} sources ({', '.join(story.sources)}), {len(story.articles)} articles"
                   + (f", {len(story.conflicts)} conflicts" if story.conflicts else ""))


@cli.command()
@click.argument("story_id")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@pass_ctx
def story(obj: Context, story_id: str, fmt: str) -> None:
    """Show one story: its reports, figures per source, conflicts and claim ledger."""
    found = obj.store.get_story(story_id)
    if found is None:
        click.echo(f"Error: no story with id {story_id!r}", err=True)
        raise SystemExit(EXIT_FAILED)
    if fmt == "json":
        emit_json(story_contract(found))
        return
    s = found
    click.echo(f"# {s.title}\n")
    click.echo(f"{'/'.join(s.types)} · {s.place or 'place unknown'} · {s.start or '?'}…{s.end or '?'} · "
               f"first seen {s.first_seen or '?'} · updated {s.updated or '?'}\n")
    click.echo(f"## Reports ({len(s.sources)} original sources)")
    for a in s.articles:
        copy = f" — copy of {a.copy_of}" if a.copy_of else ""
        click.echo(f"- {a.source or '-'}: {a.title or a.article_id} ({a.published or '?'}){copy}\n  {a.url or ''}")
    if s.figures:
        click.echo("\n## Figures")
        for f in s.figures:
            qual = f"{f.qualifier.replace('_', ' ')} " if f.qualifier and f.qualifier != "exactly" else ""
            click.echo(f"- {f.kind}: {qual}{f.value:g}{' ' + f.unit if f.unit else ''}"
                       f"{' ' + f.object if f.object else ''} — {f.source or '?'} ({f.outlet or '?'})")
    if s.conflicts:
        click.echo("\n## Where sources disagree")
        for c in s.conflicts:
            click.echo(f"- {c}")
    if s.revisions:
        click.echo("\n## Tolls revised")
        for r in s.revisions:
            click.echo(f"- {r}")
    if s.claims:
        click.echo("\n## Claim ledger")
        for c in s.claims:
            warn = "  [single source]" if c.single_source else ""
            click.echo(f"- [{c.kind}] {' → '.join(c.chain) or '?'}: {c.text}{warn}")
