"""Resident memory of one analysing process as the article count grows: does it stay flat?

Feeds the texts of a corpus built by ``build_corpus.py`` through ``livebrief.nlp.analyze_many`` in
partitions (as a batch worker does, one model for the whole run) and prints, after each partition, the
resident memory (VmRSS), the peak so far (VmHWM) and the size of spaCy's string store. The baseline is
the same loop with bare ``nlp.pipe`` (every component, no livebrief), so growth that spaCy itself causes is
told apart from ours.

    .venv/bin/python benchmarks/build_corpus.py --size 5000 --out /tmp/lb-corpus
    .venv/bin/python benchmarks/memory_trace.py --corpus /tmp/lb-corpus --articles 3000
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from pathlib import Path


def corpus_texts(folder: Path, limit: int) -> Iterator[dict]:
    """The corpus's JSON-lines records (texts only; pages would need extraction first), in file order."""
    count = 0
    for path in sorted(folder.glob("texts-*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                yield json.loads(line)
                count += 1
                if count >= limit:
                    return


def main(argv: list[str] | None = None) -> int:
    from livebrief.batch.work import process_memory_mb
    from livebrief.model import Article
    from livebrief.nlp import analyze_many
    from livebrief.nlp.loader import load_nlp
    from livebrief.settings import DEFAULTS

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, required=True, help="a folder written by build_corpus.py")
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--partition-size", type=int, default=200)
    parser.add_argument("--system", choices=("livebrief", "nlp.pipe"), default="livebrief",
                        help="nlp.pipe: the bare spaCy baseline over the same texts")
    args = parser.parse_args(argv)

    if process_memory_mb("VmRSS") is None:
        print("this trace reads /proc/self/status, which this system does not have")
        return 1
    records = list(corpus_texts(args.corpus, args.articles))
    if not records:
        print(f"no texts-*.jsonl records in {args.corpus}")
        return 1
    nlp = load_nlp(DEFAULTS["nlp.model"])
    batch_size = int(DEFAULTS["nlp.batch_size"])
    print(f"{args.system}: {len(records)} articles, partitions of {args.partition_size}, "
          f"nlp.batch_size {batch_size}; model loaded: RSS {process_memory_mb('VmRSS'):.0f} MB")
    print(f"{'articles':>8} {'RSS MB':>7} {'peak MB':>8} {'strings':>8}")
    first_rss = None
    for start in range(0, len(records), args.partition_size):
        chunk = records[start:start + args.partition_size]
        if args.system == "livebrief":
            articles = [Article(id=f"trace-{start + k}", url=r.get("url"), title=r.get("title"), text=r["text"],
                                language="en") for k, r in enumerate(chunk)]
            for _ in analyze_many(articles, nlp=nlp):
                pass
        else:
            for _ in nlp.pipe((r["text"] for r in chunk), batch_size=batch_size):
                pass
        rss = process_memory_mb("VmRSS")
        first_rss = first_rss if first_rss is not None else rss
        print(f"{start + len(chunk):>8} {rss:>7.0f} {process_memory_mb('VmHWM'):>8.0f} {len(nlp.vocab.strings):>8}",
              flush=True)
    print(f"resident memory after the first partition {first_rss:.0f} MB, after the last {rss:.0f} MB "
          f"({rss - first_rss:+.0f} MB over {len(records) - args.partition_size} more articles)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
