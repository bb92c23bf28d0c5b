"""`analyze` throughput against bare spaCy on the same texts, in one run.

Texts: the PolNeAR test articles (or --limit of them). Baseline: the same model's
``nlp.pipe`` with every component, one process, its default batch size — what running
spaCy alone costs. livebrief: ``analyze_many`` (parse plus every livebrief component)
with ``nlp.processes`` processes for the parse. Prints articles/s, the ratio and the peak
resident memory of each run (each in its own child process, so peaks do not mix).

    .venv/bin/python benchmarks/analyze_throughput.py [--limit 150] [--processes 2]
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _child import in_child  # noqa: E402
from _data import shared_data_dir  # noqa: E402


def texts(limit: int) -> list[str]:
    folder = shared_data_dir() / "polnear" / "input" / "text" / "test"
    return [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))[:limit]]


def run_baseline(limit: int, batch_size: int | None, queue) -> None:
    from livebrief.nlp.loader import load_nlp

    nlp = load_nlp()
    docs_in = texts(limit)
    options = {"batch_size": batch_size} if batch_size else {}
    list(nlp.pipe(docs_in[:4]))  # warm up
    started = time.perf_counter()
    count = sum(1 for _ in nlp.pipe(docs_in, **options))
    queue.put((count, time.perf_counter() - started, _peak_mb()))


def run_ours(limit: int, processes: int, queue) -> None:
    from livebrief.model import Article, text_hash
    from livebrief.nlp import analyze_many
    from livebrief.nlp.loader import load_nlp
    from livebrief.settings import DEFAULTS

    nlp = load_nlp()
    settings = DEFAULTS.with_overrides({"nlp.processes": processes})
    articles = [Article(id=f"p{i}", text=t, text_hash=text_hash(t), language="en") for i, t in enumerate(texts(limit))]
    list(analyze_many(articles[:4], nlp=nlp))  # warm up: model, gazetteer, event model
    started = time.perf_counter()
    count = sum(1 for _ in analyze_many(articles, settings=settings, nlp=nlp))
    queue.put((count, time.perf_counter() - started, _peak_mb()))


def _peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return max(own, children)


def measure(target, *args) -> tuple[int, float, float]:
    return in_child(target, *args)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=150)
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--json", metavar="FILE")
    args = parser.parse_args()
    base_n, base_s, base_mb = measure(run_baseline, args.limit, None)
    small = measure(run_baseline, args.limit, 8)
    ours_1 = measure(run_ours, args.limit, 1)
    ours_n = measure(run_ours, args.limit, args.processes)
    rows = [("bare spaCy nlp.pipe (all components, 1 process)", base_n, base_s, base_mb),
            ("bare spaCy nlp.pipe, batch_size=8 as ours", *small),
            ("livebrief analyze, 1 process", *ours_1),
            (f"livebrief analyze, parse in {args.processes} processes", *ours_n)]
    base_rate = base_n / base_s
    print(f"{'system':52} {'articles':>8} {'art/s':>8} {'vs spaCy':>9} {'peak MB':>8}")
    for name, n, seconds, mb in rows:
        print(f"{name:52} {n:8d} {n / seconds:8.2f} {n / seconds / base_rate:8.2f}x {mb:8.0f}")
    if args.json:
        Path(args.json).write_text(json.dumps([dict(zip(("system", "articles", "seconds", "peak_mb"), r))
                                               for r in rows], indent=2))


if __name__ == "__main__":
    main()
