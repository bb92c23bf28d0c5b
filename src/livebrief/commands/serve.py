"""serve, watch: the web app, and the watcher that keeps stories and briefings up to date."""

from __future__ import annotations

import ipaddress

import click

from livebrief.cli import Context, cli, emit_json, exit_for, pass_ctx

SINCE_HELP = "Briefing window: stories updated in this span back from now (24h, 7d) or since an ISO date."


def _topics(obj: Context, names: tuple[str, ...]) -> tuple[str, ...] | None:
    """Check topic names against the settings file before anything starts."""
    from livebrief.topics import topic_from

    for name in names:
        topic_from(obj.settings.topics, name)  # raises ConfigError listing the known topics
    return names or None


def _summary(report) -> str:  # type: ignore[no-untyped-def]
    counts = ", ".join(f"{k.replace('_', ' ')} {n}" for k, n in report.counts.items()) or "nothing new"
    briefs = "; published " + ", ".join(f"{t} ({i})" for t, i in report.briefs.items()) if report.briefs else ""
    failed = f"; {len(report.failures)} failed" if report.failures else ""
    return f"[{report.finished_at}] {report.trigger}: {counts}{briefs}{failed}"


@cli.command()
@click.option("--host", metavar="ADDRESS", help="Address to listen on (default: the web.host setting, 127.0.0.1).")
@click.option("--port", type=int, metavar="PORT", help="Port to listen on (default: the web.port setting, 8765).")
@click.option("--watch/--no-watch", default=False, show_default=True,
              help="Also poll feeds on their schedule in this process and keep briefings up to date.")
@click.option("--interval", type=float, metavar="SECONDS",
              help="Seconds between polls of one feed (default: the fetch.feed_interval setting).")
@click.option("--since", metavar="SPAN", default="24h", show_default=True, help=SINCE_HELP)
@click.option("--topic", "topics", multiple=True, metavar="NAME",
              help="Topics to keep briefings for (repeatable; default: 'all' and every topic in livebrief.toml).")
@pass_ctx
def serve(obj: Context, host: str | None, port: int | None, watch: bool, interval: float | None, since: str,
          topics: tuple[str, ...]) -> None:
    """Serve the web app: live briefings, stories, articles, people, places, search and feeds.

    Every page has a .json twin (/stories/ID and /stories/ID.json), the API is described at
    /docs, and pages reload themselves when their content changes. Reading is open; adding
    feeds and running the pipeline need the web.token setting (sent as 'Authorization:
    Bearer TOKEN' or in the page's form). With --watch the same process polls the feeds;
    without it, the "run now" button still runs the pipeline once.
    Example: livebrief serve --watch --port 8765
    """
    import uvicorn

    from livebrief.web import Watcher, create_app

    settings = obj.settings.with_overrides({"web.host": host, "web.port": port})
    chosen = _topics(obj, topics)
    watcher = Watcher(settings, schedule=watch, interval=interval, topics=chosen, since=since,
                      on_report=lambda report: click.echo(_summary(report), err=True))
    app = create_app(settings, watcher=watcher)
    bind = str(settings["web.host"])
    click.echo(f"livebrief web app on http://{bind}:{settings['web.port']}/ (store {settings.db_path}); "
               f"{f'watching feeds every {watcher.interval:g} s' if watch else 'not polling (add --watch)'}; "
               f"writes {'need the token' if settings['web.token'] else 'disabled (no web.token)'}", err=True)
    if not _is_loopback(bind):
        click.echo(f"note: listening on {bind}: anyone who can reach it can read the store", err=True)
    watcher.start()
    server = uvicorn.Server(uvicorn.Config(app, host=bind, port=int(settings["web.port"]),
                                           log_level="warning", timeout_graceful_shutdown=2))
    try:
        server.run()
    finally:
        watcher.stop()


@cli.command()
@click.option("--interval", type=float, metavar="SECONDS",
              help="Seconds between polls of one feed (default: the fetch.feed_interval setting).")
@click.option("--since", metavar="SPAN", default="24h", show_default=True, help=SINCE_HELP)
@click.option("--topic", "topics", multiple=True, metavar="NAME",
              help="Topics to keep briefings for (repeatable; default: 'all' and every topic in livebrief.toml).")
@click.option("--once", is_flag=True, help="Run one cycle over every feed and exit.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="json prints each cycle's report as JSON (with --once, one object).")
@pass_ctx
def watch(obj: Context, interval: float | None, since: str, topics: tuple[str, ...], once: bool, fmt: str) -> None:
    """Poll feeds on their schedule and keep stories and briefings up to date.

    Each cycle fetches the feeds that are due (fetch.feed_interval), analyses new articles,
    adds them to stories and publishes each topic's briefing when stories changed; a running
    `livebrief serve` shows the new version at once. Stop with Ctrl-C.

    \b
    Example: livebrief watch --interval 300 --topic all
    """
    from livebrief.web import Watcher

    chosen = _topics(obj, topics)

    def show(report) -> None:  # type: ignore[no-untyped-def]
        if fmt == "json":
            emit_json(report.to_dict())
        else:
            click.echo(_summary(report))
            for failure in report.failures[:10]:
                click.echo(f"  failed {failure.stage} {failure.item}: {failure.message}", err=True)

    watcher = Watcher(obj.settings, schedule=True, interval=interval, topics=chosen, since=since,
                      on_report=None if once else show)
    if once:
        report = watcher.run_once()
        show(report)
        ok = sum(n for k, n in report.counts.items() if k in ("articles_new", "articles_revision", "analyzed",
                                                             "stories_touched", "briefs_published"))
        raise SystemExit(exit_for(max(ok, 1), len(report.failures)))
    feeds = len(obj.store.feeds())
    click.echo(f"watching {feeds} feed{'s' if feeds != 1 else ''} every {watcher.interval:g} s "
               f"(store {obj.settings.db_path}); Ctrl-C to stop", err=True)
    try:
        watcher.run_forever()
    except KeyboardInterrupt:
        click.echo("stopped", err=True)


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
