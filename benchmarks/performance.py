"""Throughput and memory of the batch path, each figure next to its baseline measured in the same run.

* extraction: ``livebrief.extract.extract`` vs ``trafilatura.extract`` alone, on the corpus's HTML pages;
* analysis: ``livebrief.nlp.analyze_many`` vs bare spaCy ``nlp.pipe`` (every component of the
  same model) on the same extracted texts, one process;
* duplicate keys: ``dedup.signature`` (MinHash) on the same texts;
* end to end: ``run_batch`` (read -> extract -> signatures -> analyze -> Parquet) with the local
  engine and with Dask LocalClusters of 1 and 2 workers, against bare ``nlp.pipe`` on the texts
  that came out of it, with 1 and with 2 processes. Rates are articles per second of the run
  phase (workers' model loading included, cluster start-up and planning excluded), and
  articles per CPU-second of the workers after their first partition, which other users'
  load on a shared machine does not change;
* scaling efficiency 1 -> 2 Dask workers = rate(2) / (2 x rate(1)), and the same per CPU-second;
* with ``--scaling-size``, the scaling figure from 1- and 2-worker runs over a corpus of that size;
* peak memory (RSS) of each worker process, and with ``--memory-size`` the same at a smaller
  corpus, to see it stay flat as the corpus grows.

The corpus comes from ``benchmarks/build_corpus.py`` (shared data, replicated with light changes),
written to a temporary folder unless ``--corpus`` names one already built.

Run: ``.venv/bin/python benchmarks/performance.py --size 2000 [--memory-size 500] [--json out.json]``
and ``--plot docs/performance.png`` to draw the figure (matplotlib). The machine's other load
shows in every figure: compare a figure with its baseline from the same run, not across runs.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import build_corpus  # noqa: E402

BARS = {"e2e_vs_nlp_pipe": 1.0, "articles_per_day": 200_000, "scaling_efficiency": 0.85, "peak_rss_mb": 1536}


def timed(fn, *args, **kwargs) -> tuple[Any, float]:
    start = time.perf_counter()
    result = fn(*args, **kwargs)
    return result, time.perf_counter() - start


def rate(count: int, seconds: float) -> float:
    return round(count / seconds, 2) if seconds > 0 else 0.0


# -- stages ----------------------------------------------------------------------------------


def sample_documents(corpus: Path, *, pages: int, texts: int):
    from livebrief.model import RawDocument
    from livebrief.sources import open_source

    html, text = [], []
    for path in sorted(corpus.glob("pages-*.warc.gz")):
        html.extend(d for d in open_source(str(path)) if isinstance(d, RawDocument))
        if len(html) >= pages:
            break
    for path in sorted(corpus.glob("texts-*.jsonl")):
        text.extend(d for d in open_source(str(path)) if isinstance(d, RawDocument))
        if len(text) >= texts:
            break
    return html[:pages], text[:texts]


def bench_extraction(pages) -> dict[str, Any]:
    import trafilatura

    from livebrief.errors import LivebriefError
    from livebrief.extract import extract

    def ours():
        done = 0
        for raw in pages:
            try:
                extract(raw)
                done += 1
            except LivebriefError:
                pass
        return done

    def baseline():
        return sum(trafilatura.extract(raw.body) is not None for raw in pages)

    extract(pages[0]) if pages else None  # imports and lazy set-up out of the timing
    trafilatura.extract(pages[0].body) if pages else None
    ok, seconds = timed(ours)
    ok_base, seconds_base = timed(baseline)
    return {"documents": len(pages), "livebrief": rate(len(pages), seconds), "trafilatura": rate(len(pages), seconds_base),
            "livebrief_ok": ok, "trafilatura_ok": ok_base}


def bench_analysis(articles) -> dict[str, Any]:
    from livebrief import dedup
    from livebrief.nlp import analyze_many
    from livebrief.nlp.loader import load_nlp
    from livebrief.settings import DEFAULTS

    nlp = load_nlp(DEFAULTS["nlp.model"])
    texts = [a.text for a in articles]
    list(analyze_many(articles[:2], nlp=nlp))  # component set-up (lexicons, gazetteer) out of the timing
    _, seconds = timed(lambda: list(analyze_many(articles, nlp=nlp)))
    _, seconds_base = timed(lambda: list(nlp.pipe(texts, batch_size=int(DEFAULTS["nlp.batch_size"]))))
    _, seconds_sig = timed(lambda: [dedup.signature(t) for t in texts])
    return {"articles": len(articles), "livebrief": rate(len(texts), seconds), "nlp_pipe": rate(len(texts), seconds_base),
            "pipeline": list(nlp.pipe_names), "model": f"{nlp.meta.get('name')}-{nlp.meta.get('version')}",
            "signature": rate(len(texts), seconds_sig), "chars_per_article": sum(map(len, texts)) // max(1, len(texts))}


def bare_pipe(texts: list[str], *, processes: int) -> dict[str, float]:
    """Bare nlp.pipe over ``texts`` with ``processes`` processes: articles per second and per CPU-second.

    The model is loaded before the clock starts (a Dask worker's first partition pays it, see
    ``rate_steady``); CPU time counts the pipe's child processes too.
    """
    import resource

    import spacy

    from livebrief.nlp.loader import FALLBACK_MODELS

    nlp = None
    for name in FALLBACK_MODELS:
        try:
            nlp = spacy.load(name)
            break
        except OSError:
            continue
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu, start = time.process_time(), time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32, n_process=processes):
        pass
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = time.process_time() - cpu + (after.ru_utime + after.ru_stime) - (children.ru_utime + children.ru_stime)
    return {"rate": rate(len(texts), wall), "per_cpu_second": rate(len(texts), cpu)}


# -- end to end ------------------------------------------------------------------------------


def end_to_end(corpus: Path, out: Path, *, engine: str, workers: int | None, partition_size: int,
               settings: Any = None) -> dict[str, Any]:
    from livebrief.batch import BatchOptions, run_batch
    from livebrief.settings import DEFAULTS

    options = BatchOptions(engine=engine, workers=workers, partition_size=partition_size,
                           cluster_options={"dashboard_address": None} if engine == "dask" else {})
    report, seconds = timed(run_batch, [str(corpus)], out=str(out), options=options, settings=settings or DEFAULTS)
    manifest = json.loads((out / "manifest.json").read_text())
    run = manifest["timings"]["runs"][-1]
    peaks: dict[str, float] = defaultdict(float)
    by_worker: dict[str, list[dict]] = defaultdict(list)
    for partition in manifest["partitions"]:
        if partition.get("worker"):
            peaks[partition["worker"]] = max(peaks[partition["worker"]], partition.get("peak_rss_mb", 0.0))
            by_worker[partition["worker"]].append(partition)
    # Each worker's first partition loads the model; the others show the steady cost.
    steady = [p for parts in by_worker.values() for p in sorted(parts, key=lambda p: p["finished"])[1:]]
    steady_articles = sum(p["counts"].get("articles", 0) for p in steady)
    steady_cpu = sum(p["seconds"].get("cpu", 0.0) for p in steady)
    return {"engine": engine, "workers": workers or 1, "articles": run["articles"], "failed_partitions": report.failed,
            "item_failures": manifest["totals"].get("failures", 0), "run_seconds": run["run_seconds"],
            "total_seconds": round(seconds, 2), "rate": rate(run["articles"], run["run_seconds"]),
            "rate_total": rate(run["articles"], seconds), "per_cpu_second": rate(steady_articles, steady_cpu),
            "peak_rss_mb": dict(peaks), "stage_seconds": manifest["timings"]["stage_seconds"]}


def batch_texts(out: Path, limit: int) -> list[str]:
    import pyarrow.dataset as ds

    table = ds.dataset(out / "articles", format="parquet").to_table(columns=["text"])
    return table.column("text").to_pylist()[:limit]


# -- report ----------------------------------------------------------------------------------


def measure(args: argparse.Namespace) -> dict[str, Any]:
    work = Path(tempfile.mkdtemp(prefix="lb-perf-"))
    corpus = args.corpus or work / "corpus"
    if args.corpus is None:
        build_corpus.build(corpus, size=args.size)
    results: dict[str, Any] = {"size": args.size, "partition_size": args.partition_size, "cores": os.cpu_count(),
                               "load_average": os.getloadavg()[0], "work": str(work)}

    from livebrief.model import Article
    from livebrief.pipeline import extract_stream

    pages, texts = sample_documents(corpus, pages=args.sample // 4, texts=args.sample)
    results["extraction"] = bench_extraction(pages)
    articles = [a for _, a in extract_stream(texts) if isinstance(a, Article)]
    results["analysis"] = bench_analysis(articles)
    print(f"stages: {json.dumps({k: results[k] for k in ('extraction', 'analysis')})}", file=sys.stderr)

    from livebrief.settings import DEFAULTS

    settings = DEFAULTS.with_overrides(dict(item.split("=", 1) for item in args.set), origin="benchmark")
    results["settings"] = dict(item.split("=", 1) for item in args.set)
    runs = ([] if args.no_local else [("local", None)]) + [("dask", n) for n in args.workers]
    results["end_to_end"] = []
    for engine, workers in runs:
        result = end_to_end(corpus, work / f"out-{engine}-{workers or 1}", engine=engine, workers=workers,
                            partition_size=args.partition_size, settings=settings)
        results["end_to_end"].append(result)
        print(f"end to end: {json.dumps(result)}", file=sys.stderr)

    texts_out = batch_texts(work / f"out-{runs[-1][0]}-{runs[-1][1] or 1}", args.baseline_sample)
    results["baseline"] = {"articles": len(texts_out), "nlp_pipe_1": bare_pipe(texts_out, processes=1),
                           "nlp_pipe_2": bare_pipe(texts_out, processes=2)}
    print(f"baseline: {json.dumps(results['baseline'])}", file=sys.stderr)

    if args.memory_size:
        small = work / "corpus-small"
        build_corpus.build(small, size=args.memory_size)
        results["memory_small"] = end_to_end(small, work / "out-small", engine="dask", workers=max(args.workers),
                                             partition_size=args.partition_size, settings=settings)
    if args.scaling_size:
        # 1 and 2 workers on a corpus of its own: the scaling figure without a 1-worker pass over the big one.
        scaling = work / "corpus-scaling"
        build_corpus.build(scaling, size=args.scaling_size)
        results["scaling"] = [end_to_end(scaling, work / f"out-scaling-{n}", engine="dask", workers=n,
                                         partition_size=args.partition_size, settings=settings) for n in (1, 2)]
        print(f"scaling: {json.dumps(results['scaling'])}", file=sys.stderr)
    results["summary"] = summarize(results)
    return results


def summarize(results: dict[str, Any]) -> dict[str, Any]:
    by = {(r["engine"], r["workers"]): r for r in results["end_to_end"]}
    one, two = by.get(("dask", 1)), by.get(("dask", 2))
    best = two or one or by[("local", 1)]  # the run with the most workers
    base = results["baseline"]
    summary = {
        "e2e_rate": best["rate"],
        "e2e_vs_nlp_pipe_1": round(best["rate"] / base["nlp_pipe_1"]["rate"], 3),
        "e2e_vs_nlp_pipe_2": round(best["rate"] / base["nlp_pipe_2"]["rate"], 3),
        # Per CPU-second, which other users' load on the machine does not change.
        "e2e_vs_nlp_pipe_cpu": round(best["per_cpu_second"] / base["nlp_pipe_1"]["per_cpu_second"], 3),
        "articles_per_day": int(best["rate"] * 86400),
        "scaling_efficiency": None,
        "scaling_cpu": None,
        # What the machine itself gives a second process now (other users' load included):
        # bare nlp.pipe with 2 processes over 1. Scaling is judged against it too.
        "machine_parallelism": round(base["nlp_pipe_2"]["rate"] / base["nlp_pipe_1"]["rate"], 3),
        "peak_rss_mb": max(best["peak_rss_mb"].values(), default=0.0),
    }
    if not (one and two) and results.get("scaling"):
        one, two = results["scaling"]
        summary["scaling_size"] = two["articles"]
    if one and two:
        summary["scaling_efficiency"] = round(two["rate"] / (2 * one["rate"]), 3)
        summary["scaling_cpu"] = round(two["per_cpu_second"] / one["per_cpu_second"], 3)
    if "memory_small" in results:
        summary["peak_rss_mb_small"] = max(results["memory_small"]["peak_rss_mb"].values(), default=0.0)
        summary["memory_small_size"] = results["memory_small"]["articles"]
    return summary


def print_table(results: dict[str, Any]) -> None:
    ext, ana, base, summary = results["extraction"], results["analysis"], results["baseline"], results["summary"]
    print(f"corpus {results['size']} documents, partition size {results['partition_size']}, "
          f"{results['cores']} cores, load average {results['load_average']:.1f} at start, "
          f"settings {results.get('settings') or 'default'}")
    print(f"{'stage':<34}{'livebrief':>12}{'baseline':>12}  baseline")
    print(f"{'extraction (pages/s)':<34}{ext['livebrief']:>12}{ext['trafilatura']:>12}  trafilatura.extract "
          f"({ext['documents']} pages)")
    print(f"{'analysis (articles/s, 1 process)':<34}{ana['livebrief']:>12}{ana['nlp_pipe']:>12}  nlp.pipe "
          f"{ana['model']} {'+'.join(ana['pipeline'])} ({ana['articles']} articles)")
    print(f"{'signatures (articles/s)':<34}{ana['signature']:>12}{'':>12}")
    pipe1, pipe2 = base["nlp_pipe_1"], base["nlp_pipe_2"]
    for run in results["end_to_end"]:
        name = f"end to end {run['engine']}" + (f" {run['workers']}w" if run["engine"] == "dask" else "")
        print(f"{name + ' (articles/s)':<34}{run['rate']:>12}{pipe1['rate']:>12}  nlp.pipe 1 process "
              f"({base['articles']} of its texts); {run['articles']} articles in {run['run_seconds']}s, "
              f"peak RSS {max(run['peak_rss_mb'].values(), default=0):.0f} MB")
        print(f"{'  per CPU-second':<34}{run['per_cpu_second']:>12}{pipe1['per_cpu_second']:>12}")
    print(f"{'bare nlp.pipe 2 processes':<34}{'':>12}{pipe2['rate']:>12}  ({pipe2['per_cpu_second']} per CPU-second)")
    print("bars:")
    print(f"  end to end vs nlp.pipe: {summary['e2e_vs_nlp_pipe_1']}x (1 process), {summary['e2e_vs_nlp_pipe_2']}x "
          f"(2 processes), {summary['e2e_vs_nlp_pipe_cpu']}x per CPU-second; bar >= {BARS['e2e_vs_nlp_pipe']}")
    print(f"  articles per day: {summary['articles_per_day']:,}; bar >= {BARS['articles_per_day']:,}")
    scaling_on = f" ({summary['scaling_size']} articles)" if summary.get("scaling_size") else ""
    print(f"  scaling 1 -> 2 workers{scaling_on}: {summary['scaling_efficiency']}; bar >= {BARS['scaling_efficiency']} "
          f"(per CPU-second 2 vs 1 worker: {summary['scaling_cpu']}; bare nlp.pipe 2 processes / 1 process on "
          f"this machine now: {summary['machine_parallelism']})")
    small = (f"; {summary['peak_rss_mb_small']:.0f} MB at {summary['memory_small_size']} articles"
             if "peak_rss_mb_small" in summary else "")
    print(f"  peak RSS per worker: {summary['peak_rss_mb']:.0f} MB at {results['end_to_end'][-1]['articles']} "
          f"articles{small}; bar <= {BARS['peak_rss_mb']} MB")


def plot(results: dict[str, Any], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    ext, ana, base = results["extraction"], results["analysis"], results["baseline"]
    rows = [("extraction: trafilatura.extract", ext["trafilatura"], "#bbbbbb"),
            ("extraction: livebrief", ext["livebrief"], "#2b6cb0"),
            ("analysis: nlp.pipe, 1 process", ana["nlp_pipe"], "#bbbbbb"),
            ("analysis: livebrief, 1 process", ana["livebrief"], "#2b6cb0"),
            ("end to end baseline: nlp.pipe, 1 process", base["nlp_pipe_1"]["rate"], "#bbbbbb"),
            ("end to end baseline: nlp.pipe, 2 processes", base["nlp_pipe_2"]["rate"], "#bbbbbb")]
    for run in results["end_to_end"]:
        label = "end to end: local engine" if run["engine"] == "local" else f"end to end: Dask, {run['workers']} worker" \
            + ("s" if run["workers"] > 1 else "")
        rows.append((label, run["rate"], "#c05621"))
    fig, ax = plt.subplots(figsize=(8, 0.45 * len(rows) + 1.2))
    labels, values, colors = zip(*rows)
    bars = ax.barh(range(len(rows)), values, color=colors)
    ax.set_yticks(range(len(rows)), labels)
    ax.invert_yaxis()
    ax.set_xlabel("articles (pages for extraction) per second")
    ax.set_xlim(0, max(values) * 1.15)
    for bar, value in zip(bars, values):
        ax.text(bar.get_width() + max(values) * 0.01, bar.get_y() + bar.get_height() / 2, f"{value:g}", va="center",
                fontsize=8)
    ax.set_title(f"{results['size']} documents, {results['cores']} shared cores (grey: baselines)", fontsize=9)
    fig.tight_layout()
    fig.savefig(path, dpi=110)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=2000, help="documents in the corpus (default 2000)")
    parser.add_argument("--corpus", type=Path, help="a corpus already built by build_corpus.py")
    parser.add_argument("--workers", type=lambda s: [int(x) for x in s.split(",")], default=[1, 2],
                        help="Dask worker counts to run (default 1,2)")
    parser.add_argument("--partition-size", type=int, default=100)
    parser.add_argument("--sample", type=int, default=200, help="texts for the stage benchmarks (pages: a quarter)")
    parser.add_argument("--baseline-sample", type=int, default=2000, help="texts for the bare nlp.pipe baseline")
    parser.add_argument("--memory-size", type=int, help="also run a smaller corpus to compare peak memory")
    parser.add_argument("--scaling-size", type=int,
                        help="measure 1 -> 2 worker scaling on a corpus of this size (when --workers lacks 1)")
    parser.add_argument("--no-local", action="store_true", help="skip the local-engine end-to-end run")
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                        help="a setting for the end-to-end runs, e.g. nlp.batch_size=8 (repeatable)")
    parser.add_argument("--json", type=Path, help="write the figures here")
    parser.add_argument("--plot", type=Path, help="draw the figure here (PNG)")
    parser.add_argument("--from-json", type=Path, help="only print and plot figures measured before")
    args = parser.parse_args(argv)
    if args.from_json:
        results = json.loads(args.from_json.read_text())
    else:
        results = measure(args)
        if args.json:
            args.json.write_text(json.dumps(results, indent=1))
    print_table(results)
    if args.plot:
        plot(results, args.plot)


if __name__ == "__main__":
    main()
