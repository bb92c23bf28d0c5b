"""demo: the whole path on the bundled corpus, served from a local HTTP server."""

from __future__ import annotations

from pathlib import Path

import click

from livebrief.cli import Context, cli, exit_for

DEFAULT_DEMO_DB = "livebrief-demo.db"
DEMO_SINCE = "2023-09-10T00:00:00+00:00"
DEMO_NOW = "2023-09-15T06:00:00+00:00"


def _serve(settings, *, store_path: str) -> None:  # type: ignore[no-untyped-def]
    """Serve the web app on the demo store until interrupted (the corpus server stays up too)."""
    import uvicorn

    from livebrief.web import Watcher, create_app

    watcher = Watcher(settings, schedule=False, since=DEMO_SINCE)
    app = create_app(settings, watcher=watcher)
    host, port = str(settings["web.host"]), int(settings["web.port"])
    click.echo(f"\nlivebrief web app: http://{host}:{port}/  (Ctrl-C to stop; "
               f"`livebrief --db {store_path} serve` serves it again)")
    uvicorn.Server(uvicorn.Config(app, host=host, port=port, log_level="warning",
                                  timeout_graceful_shutdown=2)).run()


@cli.command()
@click.option("--db", "demo_db", metavar="PATH", help=f"Store for the demo (default: the global --db, "
              f"else ./{DEFAULT_DEMO_DB}).")
@click.option("--no-serve", is_flag=True, help="Build the store and exit instead of serving the web app.")
@click.option("--rate-limit", default=50.0, show_default=True,
              help="Requests per second to the local demo server (it is our own, so faster than the default).")
@click.pass_context
def demo(ctx: click.Context, demo_db: str | None, no_serve: bool, rate_limit: float) -> None:
    """Run livebrief end to end on the bundled demo corpus, then serve the web app.

    Starts a local HTTP server with five imaginary outlets (their feeds and pages),
    registers the feeds, fetches them through the real fetcher, extracts clean
    articles, links republished copies to their originals, analyses them, groups them
    into stories, writes the briefing as Markdown and HTML next to the store, and serves
    the web app on localhost (the URL is printed). With --no-serve it exits instead, and
    `livebrief --db PATH brief --format json` works on the store afterwards.
    """
    from livebrief.demo import CorpusServer, feed_paths
    from livebrief.brief import make_brief, render_html, render_md
    from livebrief.jobs import analyze_stored, build_stories, poll_feeds
    from livebrief.store import open_store

    obj: Context = ctx.obj
    origin = obj.settings.origins.get("store.path", "default")
    path = demo_db or (obj.settings.db_path if origin != "default" else DEFAULT_DEMO_DB)
    settings = obj.settings.with_overrides({"store.path": path, "fetch.rate_limit": rate_limit}, origin="demo")
    click.echo(f"demo store: {Path(path).resolve()}")
    with CorpusServer() as server, open_store(path) as store:
        click.echo(f"serving the demo corpus at {server.base_url}")
        for feed in feed_paths():
            store.add_feed(server.url(feed))
        from livebrief.commands.ingest import _print_failures, _progress, _summary

        bar, tick = _progress("fetch")
        with bar:
            report = poll_feeds(store=store, settings=settings, on_item=tick)
        click.echo(f"fetched {len(store.feeds())} feeds: {_summary(report)}")
        _print_failures(report.failures)
        groups = {link.original_id for link in store.copies()}
        click.echo(f"{store.count_articles()} articles stored; {len(store.copies())} copies "
                   f"credited to {len(groups)} originals (see `livebrief --db {path} dupes`)")

        bar, tick = _progress("analyze")
        with bar:
            analyzed = analyze_stored(store=store, settings=settings, on_item=tick)
        click.echo(f"analysed {analyzed.counts['analyzed']} articles "
                   f"({analyzed.counts['failed']} failed, {analyzed.counts['skipped']} skipped)")
        _print_failures(analyzed.failures)
        build_stories(store=store, settings=settings)
        stories = store.stories()
        multi = sum(1 for s in stories if len(s.sources) > 1)
        click.echo(f"{len(stories)} stories, {multi} reported by more than one outlet "
                   f"(see `livebrief --db {path} stories`)")

        # The corpus reports 11-14 September 2023: brief as of the morning after.
        brief = make_brief(store, settings, topic=None, since=DEMO_SINCE, now=DEMO_NOW)
        out = Path(path).resolve().parent
        md_path, html_path = out / "livebrief-demo-brief.md", out / "livebrief-demo-brief.html"
        md_path.write_text(render_md(brief), encoding="utf-8")
        html_path.write_text(render_html(brief), encoding="utf-8")
        click.echo(f"briefing: {brief.headline}")
        click.echo(f"written to {md_path} and {html_path}")
        if not no_serve:
            _serve(settings, store_path=path)
    failed = report.failed + analyzed.failed
    ok = report.counts["new"] + report.counts["revision"] + report.counts["exists"]
    raise SystemExit(exit_for(ok, failed))
