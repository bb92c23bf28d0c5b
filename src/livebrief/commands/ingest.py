"""ingest, extract, feeds, fetch, failures: getting articles in."""

from __future__ import annotations

import json
from typing import Any

import click
from tqdm import tqdm

from livebrief.cli import (EXIT_OK, Context, cli, emit_json, emit_jsonl, exit_for, pass_ctx)
from livebrief.model import Failure


def _progress(desc: str) -> tuple[tqdm, Any]:
    bar = tqdm(desc=desc, unit="doc", file=click.get_text_stream("stderr"), disable=None, leave=False)

    def tick(message: str) -> None:
        bar.update(1)
        bar.set_postfix_str(message[-60:], refresh=False)

    return bar, tick


def _summary(report: Any) -> str:
    c = report.counts
    parts = [f"{c['new']} new", f"{c['revision']} revised", f"{c['exists']} unchanged",
             f"{c['failed']} failed", f"{c.get('copies', 0)} copies linked"]
    return ", ".join(parts)


def _print_failures(failures: list[Failure], limit: int = 10) -> None:
    for failure in failures[:limit]:
        click.echo(f"  ! {failure.stage}/{failure.error}: {failure.item}: {failure.message}", err=True)
    if len(failures) > limit:
        click.echo(f"  … {len(failures) - limit} more (see `livebrief failures`)", err=True)


@cli.command()
@click.argument("sources", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@pass_ctx
def ingest(obj: Context, sources: tuple[str, ...], fmt: str) -> None:
    """Fetch or read SOURCES, extract clean articles, and store them.

    A SOURCE is a feed URL (RSS/Atom), a sitemap URL, a page URL, a file or folder
    (.html, .txt, .jsonl, .warc/.warc.gz, also .gz-compressed), a glob, or - for stdin.
    Re-ingesting the same page adds nothing; a changed page becomes a new revision.
    Exit code 1 when some items failed, 3 when all did.
    """
    from livebrief.jobs import ingest as run_ingest

    bar, tick = _progress("ingest")
    with bar:
        report = run_ingest(sources, store=obj.store, settings=obj.settings, on_item=tick)
    if fmt == "json":
        emit_json({"counts": dict(report.counts), "articles": report.article_ids,
                   "failures": [f.to_dict() for f in report.failures]})
    else:
        click.echo(f"ingest: {_summary(report)}")
        _print_failures(report.failures)
    ok = report.counts["new"] + report.counts["revision"] + report.counts["exists"]
    raise SystemExit(exit_for(ok, report.failed))


@cli.command()
@click.argument("sources", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "text"]), default="json",
              show_default=True, help="json: one article object (an array for several); jsonl: one "
              "{source, article} object per line; text: title and clean text.")
@pass_ctx
def extract(obj: Context, sources: tuple[str, ...], fmt: str) -> None:
    """Extract clean articles from SOURCES and print them; nothing is stored.

    The JSON is the `article` object of the analysis contract: title, authors,
    published, source (outlet), language, text, removed boilerplate, original_url of
    a republished copy. Example: livebrief extract page.html --format json
    """
    from livebrief.jobs import make_fetcher
    from livebrief.pipeline import extract_stream
    from livebrief.sources import open_source

    fetcher = make_fetcher(obj.settings)
    ok, failed, articles = 0, 0, []
    for spec in sources:
        for raw, result in extract_stream(open_source(spec, fetcher=fetcher), settings=obj.settings):
            if isinstance(result, Failure):
                failed += 1
                click.echo(f"Error: {result.item}: {result.message}", err=True)
                continue
            ok += 1
            if fmt == "jsonl":
                emit_jsonl([{"source": raw.source if raw else spec, "article": result.contract()}])
            elif fmt == "text":
                click.echo(f"# {result.title or '(untitled)'}\n")
                click.echo(result.text.rstrip() + "\n")
            else:
                articles.append(result.contract())
    if fmt == "json" and articles:
        emit_json(articles[0] if len(articles) == 1 else articles)
    raise SystemExit(exit_for(ok, failed))


@cli.group()
def feeds() -> None:
    """Manage the feeds that `livebrief fetch` polls."""


@feeds.command("add")
@click.argument("urls", nargs=-1, required=True)
@pass_ctx
def feeds_add(obj: Context, urls: tuple[str, ...]) -> None:
    """Register feed URLs (RSS, Atom or news sitemaps) to poll."""
    for url in urls:
        added = obj.store.add_feed(url)
        click.echo(f"{'added' if added else 'already there'}: {url}")


@feeds.command("remove")
@click.argument("urls", nargs=-1, required=True)
@pass_ctx
def feeds_remove(obj: Context, urls: tuple[str, ...]) -> None:
    """Stop polling the given feed URLs; stored articles stay."""
    for url in urls:
        click.echo(f"{'removed' if obj.store.remove_feed(url) else 'not registered'}: {url}")


@feeds.command("list")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@pass_ctx
def feeds_list(obj: Context, fmt: str) -> None:
    """List feeds with their state: last fetch, status, errors, items seen."""
    states = obj.store.feeds()
    if fmt == "json":
        emit_json([s.to_dict() for s in states])
        return
    if not states:
        click.echo("no feeds; add one with `livebrief feeds add URL`")
    for s in states:
        status = "never fetched" if not s.last_fetched else (
            f"error x{s.error_count}: {s.last_error}" if s.last_error else f"ok at {s.last_fetched}")
        click.echo(f"{s.url}\n    {s.title or ''} {status}; {s.item_count} items stored")


@cli.command()
@click.argument("urls", nargs=-1)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@pass_ctx
def fetch(obj: Context, urls: tuple[str, ...], fmt: str) -> None:
    """Poll registered feeds (or only URLS) once and store new articles.

    Fetching is polite: robots.txt, a per-host rate limit (fetch.rate_limit),
    conditional GET, retries with backoff. Use `livebrief watch` to keep polling.
    """
    from livebrief.jobs import poll_feeds

    if not obj.store.feeds():
        click.echo("no feeds registered; add one with `livebrief feeds add URL`", err=True)
        raise SystemExit(EXIT_OK)
    bar, tick = _progress("fetch")
    with bar:
        report = poll_feeds(store=obj.store, settings=obj.settings, urls=urls or None, on_item=tick)
    if fmt == "json":
        emit_json({"counts": dict(report.counts), "failures": [f.to_dict() for f in report.failures]})
    else:
        click.echo(f"fetch: {_summary(report)}")
        _print_failures(report.failures)
    ok = report.counts["new"] + report.counts["revision"] + report.counts["exists"]
    raise SystemExit(exit_for(ok, report.failed))


@cli.command()
@click.option("--limit", default=50, show_default=True, help="How many, newest first.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@pass_ctx
def failures(obj: Context, limit: int, fmt: str) -> None:
    """List recorded failures: stage, error kind, item, and a clear message."""
    rows = obj.store.failures(limit=limit)
    if fmt == "json":
        emit_json([f.to_dict() for f in rows])
        return
    if not rows:
        click.echo("no failures recorded")
    for f in rows:
        click.echo(f"{f.at} {f.stage}/{f.error} {f.item}\n    {f.message}")


__all__ = ["ingest", "extract", "feeds", "fetch", "failures", "json"]
