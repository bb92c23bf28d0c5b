"""Batches on the local engine: output tables and manifest, resuming, idempotence, failures, load, CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from batch_corpus import all_rows, rows
from batch_seams import BUG, buggy_analyze, light_analyze
from click.testing import CliRunner

import livebrief.commands.batch  # noqa: F401 - attaches `batch` and `load` until cli.py imports it
from livebrief import dedup
from livebrief.batch import BatchError, BatchOptions, Stages, load_batch, run_batch
from livebrief.batch.tables import TABLES, analysis_from_row, article_row
from livebrief.cli import cli
from livebrief.model import (
    Analysis,
    Article,
    Attribution,
    Claim,
    Entity,
    Event,
    Place,
    Quantity,
    Quote,
    TimeExpr,
)
from livebrief.nlp import PIPELINE_VERSION
from livebrief.pipeline import extract_stream
from livebrief.settings import DEFAULTS
from livebrief.sources import open_source

LIGHT = Stages(analyze_many=light_analyze)
HERE = Path(__file__).resolve().parent


def manifest(out: Path) -> dict:
    return json.loads((out / "manifest.json").read_text())


def test_batch_tables_and_manifest(corpus, tmp_path):
    out = tmp_path / "out"
    report = run_batch([str(corpus)], out=str(out), options=BatchOptions(partition_size=2), stages=LIGHT)
    live = [result for _, result in extract_stream(open_source(str(corpus)))]
    want = [a for a in live if isinstance(a, Article)]
    articles = rows(out, "articles")
    assert sorted(a["id"] for a in articles) == sorted(a.id for a in want)
    by_id = {a["id"]: a for a in articles}
    for article in want:  # the same records as the live path, with its duplicate keys
        row = by_id[article.id]
        assert Article.from_dict(row) == article
        assert row["signature"] == dedup.signature(article.text)
    assert {a["analysis_status"] for a in articles} == {"analyzed", "skipped"}
    assert [a["language"] for a in articles if a["analysis_status"] == "skipped"] == ["de"]

    failures = rows(out, "failures")
    assert sorted((f["stage"], Path(f["item"].split(":")[0]).name) for f in failures) == [
        ("extract", "tiny.txt"), ("source", "cut.jsonl.gz"), ("source", "damaged.warc.gz"), ("source", "feed.jsonl")]
    assert len(rows(out, "entities")) == sum(len(light(a).entities) for a in want if a.language == "en")
    assert all(len(rows(out, table)) > 0 for table in TABLES)

    data = manifest(out)
    assert data["status"] == "complete" and data["partition_size"] == 2
    assert [Path(i["path"]).name for i in data["inputs"]][:2] == ["crawl.warc.gz", "cut.jsonl.gz"]
    assert len(data["partitions"]) == 13 and {p["status"] for p in data["partitions"]} == {"done"}
    assert sum(p["rows"]["articles"] for p in data["partitions"]) == len(articles) == data["totals"]["articles"]
    assert data["failures"]["items_by_stage"] == {"source": 3, "extract": 1}
    assert data["failures"]["partitions"] == []
    assert data["versions"]["livebrief"] and data["versions"]["warcio"]
    assert data["pipeline_version"] == PIPELINE_VERSION
    [run] = data["timings"]["runs"]
    assert run["engine"] == "local" and run["articles"] == len(articles) and run["articles_per_second"] > 0
    assert set(data["timings"]["stage_seconds"]) >= {"read", "extract", "signature", "analyze"}
    assert report.totals["articles"] == len(articles)


def light(article: Article) -> Analysis:
    return next(iter(light_analyze([article])))


def test_rerun_skips_done_partitions_and_changes_nothing(corpus, tmp_path):
    out = tmp_path / "out"
    run_batch([str(corpus)], out=str(out), options=BatchOptions(partition_size=3), stages=LIGHT)
    before = all_rows(out)
    again = run_batch([str(corpus)], out=str(out), options=BatchOptions(partition_size=3), stages=LIGHT)
    assert (again.done, again.skipped, again.failed) == (0, again.partitions, 0)
    assert all_rows(out) == before
    assert len(manifest(out)["timings"]["runs"]) == 2


def test_other_options_into_the_same_folder_are_refused(corpus, tmp_path):
    out = tmp_path / "out"
    run_batch([str(corpus / "feed.jsonl")], out=str(out), options=BatchOptions(partition_size=2), stages=LIGHT)
    with pytest.raises(BatchError, match="partition size"):
        run_batch([str(corpus / "feed.jsonl")], out=str(out), options=BatchOptions(partition_size=3), stages=LIGHT)
    with pytest.raises(BatchError, match="inputs"):
        run_batch([str(corpus / "pages")], out=str(out), options=BatchOptions(partition_size=2), stages=LIGHT)
    with pytest.raises(BatchError, match="settings"):
        run_batch([str(corpus / "feed.jsonl")], out=str(out), options=BatchOptions(partition_size=2), stages=LIGHT,
                  settings=DEFAULTS.with_overrides({"extract.min_length": 10}))


CRASHING_DRIVER = """
import os, sys
sys.path.insert(0, {here!r})
from batch_seams import light_analyze
from livebrief.batch import BatchOptions, Stages, run_batch
seen = []
def on_event(name, data):
    if name == "partition":
        seen.append(data)
        if len(seen) == 4:
            os._exit(9)  # the driver dies between two partitions, as on a power cut
run_batch([{corpus!r}], out={out!r}, options=BatchOptions(partition_size=2), stages=Stages(analyze_many=light_analyze),
          on_event=on_event)
"""


def test_a_crashed_run_resumes_without_duplicates(corpus, tmp_path):
    clean = tmp_path / "clean"
    run_batch([str(corpus)], out=str(clean), options=BatchOptions(partition_size=2), stages=LIGHT)
    out = tmp_path / "out"
    script = CRASHING_DRIVER.format(here=str(HERE), corpus=str(corpus), out=str(out))
    crashed = subprocess.run([sys.executable, "-c", script], check=False, capture_output=True, text=True,
                             timeout=120)
    assert crashed.returncode == 9, crashed.stderr
    assert len(list((out / "_partitions").glob("*.json"))) == 4
    # Leftovers of a crash mid-write: a temporary file, and a partition's table file without its marker.
    (out / "articles" / ".part-x.parquet.tmp-0000").write_bytes(b"half a file")
    committed_ids = {p.stem for p in (out / "_partitions").glob("*.json")}
    pending = [p["id"] for p in manifest(out)["partitions"] if p["id"] not in committed_ids]
    committed = next((out / "articles").glob("part-*.parquet"))
    (out / "articles" / f"part-{pending[0]}.parquet").write_bytes(committed.read_bytes())

    report = run_batch([str(corpus)], out=str(out), options=BatchOptions(partition_size=2), stages=LIGHT)
    assert (report.done, report.skipped) == (9, 4) and report.complete
    assert not list(out.rglob(".*tmp-*"))
    assert all_rows(out) == all_rows(clean)
    ids = [r["id"] for r in rows(out, "articles")]
    assert len(ids) == len(set(ids)) == 16


def test_a_partition_whose_task_raises_is_recorded_and_retried(corpus, tmp_path):
    out = tmp_path / "out"
    (corpus / "pages" / "bug.txt").write_text(f"{BUG} " + "A page that trips a bug in a stage. " * 5)
    report = run_batch([str(corpus)], out=str(out), options=BatchOptions(partition_size=2),
                       stages=Stages(analyze_many=buggy_analyze))
    assert report.failed == 1 and report.done == report.partitions - 1
    [failed] = report.partition_failures
    assert failed["error"] == "RuntimeError" and "bug.txt" in failed["input"]
    data = manifest(out)
    assert data["status"] == "incomplete" and data["failures"]["partitions"][0]["partition"] == failed["partition"]
    assert failed["partition"] not in {r["partition"] for r in rows(out, "articles")}


def test_a_failed_partition_succeeds_on_rerun(corpus, tmp_path):
    out = tmp_path / "out"
    (corpus / "pages" / "bug.txt").write_text(f"{BUG} " + "A page that trips a bug in a stage. " * 5)
    run_batch([str(corpus)], out=str(out), options=BatchOptions(partition_size=2),
              stages=Stages(analyze_many=buggy_analyze))
    report = run_batch([str(corpus)], out=str(out), options=BatchOptions(partition_size=2), stages=LIGHT)
    assert (report.done, report.failed) == (1, 0) and report.complete
    assert manifest(out)["failures"]["partitions"] == []


def rich_analysis() -> Analysis:
    article = Article(id="a1", text="Kyiv officials said 12 people died on Tuesday.", title="T", url="https://x/1",
                      authors=("A B",), published="2024-05-07", language="en", removed=("Ad",), credits=("AP",),
                      text_hash="h")
    return Analysis(
        article=article,
        entities=(Entity(id="e1", name="Kyiv", type="GPE", mentions=((0, 4),), aliases=("Kiev",), title=None),),
        quotes=(Quote(text="x", kind="direct", speaker="Kyiv officials", start=1, end=2, speaker_id="e1", cue="said",
                      via="AP", speaker_span=(0, 14)),),
        claims=(Claim(text="12 people died", claimant="officials", kind="claim", start=20, end=34, cue="said"),),
        quantities=(Quantity(value=12.0, kind="deaths", text="12", start=20, end=22, unit=None, qualifier="exactly",
                             object="people"),),
        places=(Place(name="Kyiv", lat=50.45, lon=30.52, country="UA", id="g1", feature="city", geonames_id=703448,
                      mentions=((0, 4), (5, 9))),),
        times=(TimeExpr(text="Tuesday", date="2024-05-07", start=38, end=45, end_date=None),),
        events=(Event(id="v1", type="ASSAULT", summary="s", date="2024-05-07", place="Kyiv", actors=("e1",),
                      targets=("people",), mode="aerial", quantities=(0,),
                      attribution=(Attribution(source="officials", kind="claim"),), evidence=((0, 45),),
                      confidence=0.8),),
        pipeline_version=PIPELINE_VERSION, notes=("n",))


def test_the_analysis_column_reloads_losslessly():
    analysis = rich_analysis()
    row = article_row(analysis.article, partition="p", position=0, signature=b"s", analysis=analysis,
                      status="analyzed")
    assert analysis_from_row(row) == analysis


def test_load_brings_the_batch_into_the_store(corpus, tmp_path, store):
    out = tmp_path / "out"
    run_batch([str(corpus)], out=str(out), options=BatchOptions(partition_size=2), stages=LIGHT)
    report = load_batch(str(out), store=store, settings=DEFAULTS)
    articles = rows(out, "articles")
    assert report.counts["new"] == len(articles) == store.count_articles()
    assert report.counts["analyses"] == len(articles) and report.counts["failed"] == 4
    for row in articles:
        stored = store.get_analysis(row["id"], PIPELINE_VERSION)
        assert stored == analysis_from_row(row)
    assert {a.id: s for a, s in store.signatures()} == {r["id"]: r["signature"] for r in articles}
    assert len(store.failures()) == 4
    mirror = next(r["id"] for r in articles if r["url"] == "https://mirror.example/10")
    original = next(r["id"] for r in articles if r["url"] == "https://wire.example/a/10")
    assert any(c.article_id == mirror and c.original_id == original for c in store.copies())

    again = load_batch(str(out), store=store, settings=DEFAULTS)
    assert again.counts["already_loaded"] == report.counts["partitions"] and not again.counts["new"]
    assert len(store.failures()) == 4


def test_load_records_failed_partitions_once(corpus, tmp_path, store):
    out = tmp_path / "out"
    (corpus / "pages" / "bug.txt").write_text(f"{BUG} " + "A page that trips a bug in a stage. " * 5)
    run_batch([str(corpus)], out=str(out), options=BatchOptions(partition_size=2),
              stages=Stages(analyze_many=buggy_analyze))
    load_batch(str(out), store=store, settings=DEFAULTS)
    load_batch(str(out), store=store, settings=DEFAULTS)
    batch_failures = [f for f in store.failures() if f.stage == "batch"]
    assert len(batch_failures) == 1 and "RuntimeError" == batch_failures[0].error


def test_load_needs_a_batch(tmp_path, store):
    with pytest.raises(BatchError, match="manifest.json"):
        load_batch(str(tmp_path), store=store, settings=DEFAULTS)


def test_cli_batch_and_load(corpus, tmp_path, monkeypatch):
    monkeypatch.setattr("livebrief.nlp.analyze_many", light_analyze)  # the default stage looks it up per call
    db, out = tmp_path / "store.db", tmp_path / "out"
    runner = CliRunner()
    result = runner.invoke(cli, ["--db", str(db), "batch", str(corpus), "--out", str(out), "--partition-size", "4",
                                 "--format", "json"])
    assert result.exit_code == 1, result.output  # some items failed
    data = json.loads(result.stdout)
    assert data["done"] == data["partitions"] and data["totals"]["articles"] == 16 and data["engine"] == "local"
    result = runner.invoke(cli, ["--db", str(db), "load", str(out)])
    assert result.exit_code == 0, result.output
    assert "16 new" in result.output and "16 analyses" in result.output and "4 failures" in result.output
    result = runner.invoke(cli, ["--db", str(db), "batch", str(corpus), "--out", str(out), "--partition-size", "4"])
    assert "0 partitions run" in result.output
    result = runner.invoke(cli, ["--db", str(db), "batch", str(corpus), "--out", str(out), "--scheduler", "x",
                                 "--engine", "local"])
    assert result.exit_code == 2 and "--engine dask" in result.output
