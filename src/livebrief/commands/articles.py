"""articles, show, search, dupes: looking at what is stored."""

from __future__ import annotations

import click

from livebrief.cli import EXIT_FAILED, Context, cli, emit_json, pass_ctx
from livebrief.store.db import StoredArticle


def _row(stored: StoredArticle) -> dict[str, object]:
    a = stored.article
    return {"id": a.id, "title": a.title, "source": a.source, "published": a.published, "url": a.url,
            "revision": stored.revision, "original_id": stored.original_id, "language": a.language,
            "words": len(a.text.split())}


def _line(stored: StoredArticle) -> str:
    a = stored.article
    copy = f"  (copy of {stored.original_id})" if stored.original_id else ""
    rev = f"  rev {stored.revision}" if stored.revision > 1 else ""
    return f"{a.id}  {(a.published or '')[:16]:16}  {a.source or '-':18.18}  {a.title or '(untitled)'}{rev}{copy}"


@cli.command()
@click.option("--limit", default=50, show_default=True, help="How many, newest first.")
@click.option("--since", metavar="ISO", help="Only articles published since this date.")
@click.option("--all-revisions", is_flag=True, help="Include superseded revisions.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@pass_ctx
def articles(obj: Context, limit: int, since: str | None, all_revisions: bool, fmt: str) -> None:
    """List stored articles, newest first: id, date, outlet, title; copies name their original."""
    rows = obj.store.articles(limit=limit, since=since, include_old=all_revisions)
    if fmt == "json":
        emit_json([_row(r) for r in rows])
        return
    if not rows:
        click.echo("no articles stored; try `livebrief ingest SOURCE` or `livebrief demo`")
    for stored in rows:
        click.echo(_line(stored))


@cli.command()
@click.argument("article_id")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@pass_ctx
def show(obj: Context, article_id: str, fmt: str) -> None:
    """Print one stored article by ID (a unique prefix is enough)."""
    stored = obj.store.get_article(article_id)
    if stored is None:
        click.echo(f"Error: no article with id {article_id!r}", err=True)
        raise SystemExit(EXIT_FAILED)
    a = stored.article
    if fmt == "json":
        emit_json({**a.contract(), "revision": stored.revision, "superseded_by": stored.superseded_by,
                   "original_id": stored.original_id, "fetched_at": a.fetched_at, "input": a.input})
        return
    click.echo(f"# {a.title or '(untitled)'}")
    click.echo(f"{a.source or '-'} · {a.published or 'date unknown'} · {', '.join(a.authors) or 'no byline'}")
    click.echo(f"{a.url or a.input or ''}  [{a.id}, revision {stored.revision}]")
    if a.original_url or stored.original_id:
        click.echo(f"republished from {a.original_url or stored.original_id}")
    click.echo("")
    click.echo(a.text)
    if a.credits:
        click.echo("\n" + "\n".join(a.credits))


@cli.command()
@click.argument("query")
@click.option("--limit", default=20, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@pass_ctx
def search(obj: Context, query: str, limit: int, fmt: str) -> None:
    """Full-text search (SQLite FTS5) over titles and texts of current articles.

    Words are matched with stemming; use quotes for phrases and OR/NOT for logic:
    livebrief search '"cruise missiles" Sevastopol'
    """
    hits = obj.store.search(query, limit=limit)
    if fmt == "json":
        emit_json([{**_row(stored), "snippet": snip} for stored, snip in hits])
        return
    if not hits:
        click.echo("no matches")
    for stored, snip in hits:
        click.echo(_line(stored))
        click.echo(f"    {snip}")


@cli.command()
@click.option("--recompute", is_flag=True, help="Recompute groups from stored signatures first.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@pass_ctx
def dupes(obj: Context, recompute: bool, fmt: str) -> None:
    """Show groups of republished and duplicate copies, each with its original.

    The original is the page a copy names as its source (a "Source link" or
    rel=canonical), else the earliest published copy. Near-duplicates are found by
    MinHash LSH; the threshold is the dedup.threshold setting.
    """
    from livebrief.jobs import refresh_copies

    links = refresh_copies(store=obj.store, settings=obj.settings) if recompute else obj.store.copies()
    groups: dict[str, list] = {}
    for link in links:
        groups.setdefault(link.original_id, []).append(link)
    if fmt == "json":
        emit_json([{"original": original, "copies": [l.to_dict() for l in copies]}
                   for original, copies in groups.items()])
        return
    if not groups:
        click.echo("no duplicates found")
    for original, copies in groups.items():
        stored = obj.store.get_article(original)
        click.echo(_line(stored) if stored else original)
        for link in copies:
            copy = obj.store.get_article(link.article_id)
            title = copy.article.source if copy else ""
            click.echo(f"    ← {link.article_id}  {link.method} {link.similarity:.2f}  {title or ''}")
