"""Batches on a real Dask LocalCluster with two worker processes: same rows as local, and surviving dead workers."""

from __future__ import annotations

import json
import logging
import os
import signal

import pytest
from batch_corpus import all_rows, rows, write_corpus
from batch_seams import CRASH, crashing_analyze, light_analyze, slow_analyze

from livebrief.batch import BatchOptions, Stages, run_batch
from livebrief.batch.engines import SCHEDULER_CONFIG

distributed = pytest.importorskip("distributed", reason="the batch extra (dask[distributed]) is not installed")

LIGHT = Stages(analyze_many=light_analyze)
QUIET = {"dashboard_address": None, "silence_logs": logging.CRITICAL}


@pytest.fixture(scope="module")
def cluster():
    """Two worker processes, one thread each; a task that kills two workers is given up (KilledWorker)."""
    import dask

    with dask.config.set({**SCHEDULER_CONFIG, "distributed.scheduler.allowed-failures": 1}):
        cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, **QUIET)
    with cluster:
        yield cluster


@pytest.fixture(scope="module")
def local_output(tmp_path_factory):
    """The local engine's output on the test corpus (partition size 2), as the reference."""
    root = tmp_path_factory.mktemp("reference")
    corpus = write_corpus(root)
    run_batch([str(corpus)], out=str(root / "out"), options=BatchOptions(partition_size=2), stages=LIGHT)
    return corpus, all_rows(root / "out")


def dask_options(cluster=None, **changes) -> BatchOptions:
    if cluster is not None:
        return BatchOptions(engine="dask", scheduler=cluster.scheduler_address, partition_size=2, **changes)
    return BatchOptions(engine="dask", workers=2, partition_size=2, cluster_options=QUIET, **changes)


def test_dask_output_equals_local_output_row_for_row(local_output, tmp_path):
    corpus, reference = local_output
    report = run_batch([str(corpus)], out=str(tmp_path / "out"), options=dask_options(), stages=LIGHT)
    assert report.engine == "dask" and report.workers == 2 and report.complete and report.failed == 0
    assert all_rows(tmp_path / "out") == reference
    workers = {p["worker"] for p in json.loads((tmp_path / "out" / "manifest.json").read_text())["partitions"]}
    assert len(workers) == 2  # both worker processes took partitions


def test_a_worker_killed_mid_run_loses_nothing_and_duplicates_nothing(cluster, local_output, tmp_path):
    corpus, reference = local_output
    client = distributed.Client(cluster)
    pids = list(client.run(os.getpid).values())
    killed = []

    def on_event(name, data):
        if name == "partition" and not killed:
            os.kill(pids[0], signal.SIGKILL)  # a worker dies with tasks in flight
            killed.append(pids[0])

    try:
        report = run_batch([str(corpus)], out=str(tmp_path / "out"), options=dask_options(cluster),
                           stages=Stages(analyze_many=slow_analyze), on_event=on_event)
    finally:
        client.close()
    assert killed and report.complete and report.failed == 0
    assert all_rows(tmp_path / "out") == reference
    ids = [r["id"] for r in rows(tmp_path / "out", "articles")]
    assert len(ids) == len(set(ids))

    again = run_batch([str(corpus)], out=str(tmp_path / "out"), options=dask_options(cluster), stages=LIGHT)
    assert (again.done, again.skipped) == (0, again.partitions)
    assert all_rows(tmp_path / "out") == reference


def test_a_partition_that_crashes_its_worker_is_recorded_and_the_rest_completes(cluster, tmp_path):
    corpus = write_corpus(tmp_path, crash_marker=CRASH)
    out = tmp_path / "out"
    report = run_batch([str(corpus)], out=str(out), options=dask_options(cluster),
                       stages=Stages(analyze_many=crashing_analyze))
    assert report.failed == 1 and report.done == report.partitions - 1
    [failure] = report.partition_failures
    assert failure["error"] == "KilledWorker" and "feed.jsonl" in failure["input"]
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["status"] == "incomplete"
    assert manifest["failures"]["partitions"][0]["partition"] == failure["partition"]
    statuses = {p["id"]: p["status"] for p in manifest["partitions"]}
    assert statuses.pop(failure["partition"]) == "failed" and set(statuses.values()) == {"done"}
    articles = rows(out, "articles")
    assert failure["partition"] not in {a["partition"] for a in articles}
    assert len(articles) == 16 and not any(CRASH in a["text"] for a in articles)  # all but the crashing record


REPORTS = [
    ("Wire Example", "Officials in Kharkiv said on Tuesday that 7 people were killed when a missile struck an apartment "
                     "block. \"We are still searching the rubble,\" Governor Oleh Syniehubov told reporters. Rescue "
                     "crews worked through the night."),
    ("Harbour Post", "A Russian missile struck an apartment block in Kharkiv on Tuesday, killing 7 people, Governor "
                     "Oleh Syniehubov said. Rescuers were searching the rubble for survivors, he added."),
    ("North Wire", "The European Central Bank kept interest rates unchanged on Thursday, President Christine Lagarde "
                   "said in Frankfurt, adding that inflation was expected to fall to 2 percent next year."),
]


@pytest.mark.model
def test_the_real_analysis_on_workers_matches_local_and_loads_into_stories(cluster, tmp_path):
    from click.testing import CliRunner

    import livebrief.commands.batch  # noqa: F401 - attaches `batch` and `load` until cli.py imports it
    from livebrief.cli import cli

    feed = tmp_path / "reports.jsonl"
    feed.write_text("\n".join(json.dumps({"url": f"https://{outlet.lower().replace(' ', '')}.example/{n}",
                                          "title": text.split(",")[0], "outlet": outlet,
                                          "published": "2024-05-07T10:00:00+00:00", "text": text})
                              for n, (outlet, text) in enumerate(REPORTS)) + "\n")
    run_batch([str(feed)], out=str(tmp_path / "local"), options=BatchOptions(partition_size=2))
    report = run_batch([str(feed)], out=str(tmp_path / "dask"), options=dask_options(cluster))
    assert report.complete and report.totals["analyzed"] == 3
    assert all_rows(tmp_path / "dask") == all_rows(tmp_path / "local")
    assert rows(tmp_path / "dask", "entities") and rows(tmp_path / "dask", "quotes")

    runner, db = CliRunner(), str(tmp_path / "store.db")
    loaded = runner.invoke(cli, ["--db", db, "load", str(tmp_path / "dask")])
    assert loaded.exit_code == 0 and "3 new" in loaded.output and "3 analyses" in loaded.output, loaded.output
    stories = runner.invoke(cli, ["--db", db, "stories", "--format", "json"])
    assert stories.exit_code == 0, stories.output
    found = json.loads(stories.stdout)["stories"]
    kharkiv = [s for s in found if len(s["articles"]) == 2]
    assert kharkiv and {a["source"] for a in kharkiv[0]["articles"]} == {"Wire Example", "Harbour Post"}
    brief = runner.invoke(cli, ["--db", db, "brief", "--since", "2020-01-01", "--format", "json"])
    assert brief.exit_code == 0, brief.output
    assert json.loads(brief.stdout)["headline"]
