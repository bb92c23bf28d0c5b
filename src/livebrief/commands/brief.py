"""brief: the live briefing on a topic — headline, lead, key developments — proven from its sources."""

from __future__ import annotations

from pathlib import Path

import click

from livebrief.cli import EXIT_FAILED, Context, cli, emit_json, pass_ctx

FORMATS = ["md", "html", "json", "atom"]


@cli.command()
@click.option("--topic", metavar="NAME", help="A topic from livebrief.toml ([[topics]] name = …); default all.")
@click.option("--since", metavar="SPAN", default="24h", show_default=True,
              help="Stories updated in this span back from now (24h, 7d, 90m) or since an ISO date.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="md", show_default=True,
              help="md and html are for reading, json follows livebrief.briefing/1, atom is a feed of changes.")
@click.option("--changes", is_flag=True, help="Show what changed since the previous briefing on the topic: "
              "new stories, revised figures and corrections.")
@click.option("--out", type=click.Path(dir_okay=False, writable=True, path_type=Path), metavar="FILE",
              help="Write to FILE instead of standard output.")
@pass_ctx
def brief(obj: Context, topic: str | None, since: str, fmt: str, changes: bool, out: Path | None) -> None:
    """Write the live briefing: a headline and lead from the top story, then key developments.

    Every line is a source sentence (or a shortened form of it) with its citations; quotes
    of the day carry their speakers. Before anything is printed or stored, a provenance
    check proves each line against the stored articles; a briefing that fails is refused
    with the list of failing lines (exit 3). The published briefing becomes the topic's
    latest, so the next run marks what is new and `--changes` or `--format atom` list the
    new stories, revised figures and corrections. Run `livebrief analyze --all` first.
    """
    from livebrief.brief import (
        find_changes, load_brief, make_brief, render_atom, render_changes_md, render_html, render_json,
        render_md,
    )
    from livebrief.brief.render_json import brief_json

    made = make_brief(obj.store, obj.settings, topic=topic, since=since)
    previous = load_brief(obj.store, made.topic, made.previous_id) if made.previous_id else None
    diff = find_changes(made, previous) if (changes or fmt == "atom") else None
    if fmt == "atom":
        text = render_atom(made, diff)  # type: ignore[arg-type]
    elif fmt == "json":
        if out is None:
            emit_json(brief_json(made, changes=diff))
            return
        text = render_json(made, changes=diff)
    elif fmt == "html":
        text = render_html(made, changes=diff)
    else:
        text = render_changes_md(diff, made) if diff is not None else render_md(made)
    if out is None:
        click.echo(text, nl=not text.endswith("\n"))
        return
    try:
        out.write_text(text, encoding="utf-8")
    except OSError as exc:
        click.echo(f"Error: cannot write {out}: {exc}", err=True)
        raise SystemExit(EXIT_FAILED) from None
    click.echo(f"briefing {made.id} on {made.topic} written to {out}", err=True)
