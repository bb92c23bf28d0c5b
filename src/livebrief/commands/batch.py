"""batch, load: archive-scale runs of the live stages into Parquet, and bringing them into the store."""

from __future__ import annotations

import sys
from typing import Any

import click
from tqdm import tqdm

from livebrief.cli import EXIT_FAILED, EXIT_OK, Context, cli, emit_json, exit_for, pass_ctx


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", required=True, metavar="DIR", help="Output folder (or fsspec URL such as s3://bucket/run): "
              "one Parquet dataset per table and manifest.json. Rerun with the same DIR to resume.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default=None,
              help="local: this process; dask: a Dask cluster. Default: dask when --scheduler or --workers is "
              "given, else local.")
@click.option("--scheduler", metavar="ADDRESS", help="Existing Dask scheduler, e.g. tcp://10.0.0.5:8786; without "
              "it --engine dask starts a LocalCluster.")
@click.option("--workers", type=click.IntRange(min=1), help="Worker processes of the LocalCluster "
              "(one thread each; default: one per core).")
@click.option("--partition-size", type=click.IntRange(min=1), default=200, show_default=True,
              help="Articles per partition (WARC responses, JSONL records or files); one task each.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@pass_ctx
def batch(obj: Context, inputs: tuple[str, ...], out: str, engine: str | None, scheduler: str | None,
          workers: int | None, partition_size: int, fmt: str) -> None:
    """Extract, sign and analyse an archive in partitions, locally or on Dask, into Parquet tables.

    INPUTS are WARC/WARC.gz files, JSONL files, folders of HTML/text files, globs, or
    remote paths (s3://…, gs://…) when fsspec and its backend are installed. The stages
    are the live ones; nothing is written to the store (use `livebrief load DIR`).
    A rerun skips committed partitions; a crashed partition is retried.
    Example: livebrief batch crawl/*.warc.gz --out run1 --engine dask --workers 2
    """
    from livebrief.batch import BatchOptions, run_batch

    options = BatchOptions(engine=engine or ("dask" if scheduler or workers else "local"), scheduler=scheduler,
                           workers=workers, partition_size=partition_size)
    bar = tqdm(desc="batch", unit="part", file=sys.stderr, disable=None, leave=False)
    articles = 0

    def on_event(name: str, data: dict[str, Any]) -> None:
        nonlocal articles
        if name == "planned":
            bar.reset(total=data["to_do"])
            where = f"{data['engine']}, {data['workers']} worker{'s' if data['workers'] != 1 else ''}"
            click.echo(f"batch: {data['partitions']} partitions, {data['to_do']} to run ({where}) -> {data['out']}",
                       err=True)
            if data["dashboard"]:
                click.echo(f"Dask dashboard: {data['dashboard']}", err=True)
            elif data["engine"] == "dask":
                click.echo("Dask dashboard: not served (pip install bokeh to see it)", err=True)
        elif name == "partition":
            articles += data.get("counts", {}).get("articles", 0)
            bar.update(1)
            bar.set_postfix_str(f"{articles} articles", refresh=False)

    with bar:
        report = run_batch(inputs, out=out, settings=obj.settings, options=options, on_event=on_event)
    totals = report.totals
    item_failures = totals.get("failures", 0)
    if fmt == "json":
        emit_json({"out": report.out, "partitions": report.partitions, "done": report.done,
                   "skipped": report.skipped, "failed": report.failed, "totals": dict(totals),
                   "partition_failures": report.partition_failures, "seconds": report.seconds,
                   "engine": report.engine, "workers": report.workers, "dashboard": report.dashboard})
    else:
        click.echo(f"batch: {report.done} partitions run, {report.skipped} already done, {report.failed} failed; "
                   f"{totals.get('articles', 0)} articles ({totals.get('analyzed', 0)} analysed), "
                   f"{item_failures} item failures, in {report.seconds:.1f}s -> {report.out}")
        for failure in report.partition_failures[:10]:
            click.echo(f"  ! partition {failure['partition']} ({failure['input']}): {failure['error']}: "
                       f"{failure['message']}", err=True)
        if report.failed:
            click.echo("  rerun the same command to retry failed partitions", err=True)
    raise SystemExit(exit_for(totals.get("articles", 0), item_failures + report.failed))


@cli.command()
@click.argument("directory", metavar="DIR")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@pass_ctx
def load(obj: Context, directory: str, fmt: str) -> None:
    """Load a finished `livebrief batch` output folder into the store.

    Adds the articles with their duplicate signatures, their analyses and the recorded
    failures, then links copies to originals, so `livebrief stories` and `livebrief
    brief` work on the batch. Loading the same folder again adds nothing twice.
    Example: livebrief load run1 && livebrief stories
    """
    from livebrief.batch import load_batch

    bar = tqdm(desc="load", unit="part", file=sys.stderr, disable=None, leave=False)
    with bar:
        report = load_batch(directory, store=obj.store, settings=obj.settings, on_partition=lambda _: bar.update(1))
    c = report.counts
    if fmt == "json":
        emit_json({"counts": dict(c), "failures": [f.to_dict() for f in report.failures[:100]]})
    else:
        click.echo(f"load: {c['partitions']} partitions ({c['already_loaded']} loaded before, {c['pending']} not "
                   f"finished); {c['new']} new, {c['revision']} revised, {c['exists']} unchanged articles, "
                   f"{c['analyses']} analyses, {c['failed']} failures, {c.get('copies', 0)} copies linked")
    # The batch's own failures were reported by `livebrief batch`; loading them is a success.
    raise SystemExit(EXIT_OK if c["partitions"] or c["already_loaded"] else EXIT_FAILED)
