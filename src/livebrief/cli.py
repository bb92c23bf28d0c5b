"""The livebrief command line: one thin command per verb.

Exit codes: 0 everything worked; 1 the run finished but some items failed;
2 bad usage or settings; 3 nothing could be done (store unusable, every item failed).
"""

from __future__ import annotations

import json
import logging
import sys
from dataclasses import dataclass
from typing import Any, Iterable

import click

from livebrief import __version__
from livebrief.errors import LivebriefError
from livebrief.settings import SETTINGS, Settings, load_settings

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, EXIT_FAILED = 0, 1, 2, 3


@dataclass
class Context:
    settings: Settings
    _store: Any = None

    @property
    def store(self) -> Any:
        if self._store is None:
            from livebrief.store import open_store

            self._store = open_store(self.settings.db_path)
        return self._store


pass_ctx = click.make_pass_decorator(Context)


def emit_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def emit_jsonl(rows: Iterable[Any]) -> None:
    for row in rows:
        click.echo(json.dumps(row, ensure_ascii=False))


def exit_for(ok: int, failed: int) -> int:
    """Exit code for a run with ``ok`` successes and ``failed`` failures."""
    if failed and not ok:
        return EXIT_FAILED
    return EXIT_PARTIAL if failed else EXIT_OK


class LivebriefGroup(click.Group):
    """Turns LivebriefError at the edge into 'Error: …' and a meaningful exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except LivebriefError as exc:
            from livebrief.errors import ConfigError

            click.echo(f"Error: {exc}", err=True)
            ctx.exit(EXIT_USAGE if isinstance(exc, ConfigError) else EXIT_FAILED)


@click.group(cls=LivebriefGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="livebrief")
@click.option("--db", "db_path", metavar="PATH", help="SQLite store to use (default: store.path setting, "
              "else the user data directory).")
@click.option("--config", "config_path", metavar="FILE", type=click.Path(dir_okay=False),
              help="Settings file (default: $LIVEBRIEF_CONFIG or ./livebrief.toml).")
@click.option("-v", "--verbose", count=True, help="More log output (-v info, -vv debug).")
@click.pass_context
def cli(ctx: click.Context, db_path: str | None, config_path: str | None, verbose: int) -> None:
    """livebrief turns a stream of news into a sourced live briefing.

    \b
    Typical session:
      livebrief feeds add https://example.org/rss.xml   # register a feed
      livebrief fetch                                   # poll feeds, store clean articles
      livebrief ingest ./saved-pages/ archive.warc.gz   # or ingest files, folders, URLs
      livebrief articles                                # what is stored
      livebrief dupes                                   # republished copies and their originals
      livebrief search "Sevastopol shipyard"            # full-text search
    """
    try:
        settings = load_settings(config_path, overrides={"store.path": db_path} if db_path else None)
    except LivebriefError as exc:
        click.echo(f"Error: {exc}", err=True)
        ctx.exit(EXIT_USAGE)
    level = ["WARNING", "INFO", "DEBUG"][min(verbose, 2)] if verbose else settings["log.level"]
    logging.basicConfig(level=getattr(logging, str(level).upper(), logging.WARNING),
                        format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    ctx.obj = Context(settings=settings)
    ctx.call_on_close(lambda: ctx.obj._store.close() if ctx.obj._store is not None else None)


@cli.command("settings")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@pass_ctx
def settings_cmd(obj: Context, fmt: str) -> None:
    """Show every setting: name, current value, default, where it came from, and what it does.

    Settings come from packaged defaults, then livebrief.toml ([fetch] rate_limit = 2.0),
    then LIVEBRIEF_* environment variables (LIVEBRIEF_FETCH_RATE_LIMIT=2), then flags.
    """
    rows = [{"name": s.name, "value": obj.settings[s.name], "default": s.default,
             "origin": obj.settings.origins.get(s.name, "default"), "env": s.env_var, "help": s.help}
            for s in SETTINGS]
    if fmt == "json":
        emit_json(rows)
        return
    for row in rows:
        click.echo(f"{row['name']} = {row['value']!r}  (default {row['default']!r}; from {row['origin']})")
        click.echo(f"    {row['help']}  [{row['env']}]")


def main(argv: list[str] | None = None) -> None:
    cli.main(args=argv, prog_name="livebrief")


# The command modules attach their verbs to ``cli``; imported last because they import it.
from livebrief.commands import analyze, articles, batch, brief, demo, ingest, serve, stories  # noqa: E402,F401
