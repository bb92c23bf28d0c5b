"""Duplicate detection quality and speed: livebrief's index next to simpler baselines.

Data: the seeded set of ``benchmarks/dedup_set.py`` (real texts from shared/data, copies
derived from them, same-topic negatives), built in memory. Tune on ``--split dev``, report
on ``--split test`` (disjoint documents, other ECB+ topics).

Figures, per method:

* pairwise precision / recall / F1 over all pairs of the set (a pair is positive when both
  articles are in the same gold group);
* recall per transformation: share of copies put in the same group as their original;
* false-merge rate per negative kind: share of negatives put in any group;
* for livebrief, original accuracy: share of copies whose link points at the gold original;
* throughput: articles per second for signature + index add, one process (the text hash
  comes with the article from extraction; the exact baseline times hash + dict).

Baselines: ``exact-hash`` (equal normalised-text hash only) and ``minhash-j0.8`` / ``j0.7`` /
``j0.5`` (MinHash LSH, plain Jaccard, no containment, no short-text rule, no explicit links).

Run: ``.venv/bin/python benchmarks/dedup.py --split test --seed 2`` (``--sweep`` on dev prints
a grid over the containment options; ``--json`` for machine-readable output).
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from typing import Any
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import dedup_set  # noqa: E402
from datasketch import MinHashLSH  # noqa: E402

from livebrief.dedup import DedupOptions, DupEntry, DuplicateIndex, entry_for, from_signature, signature  # noqa: E402
from livebrief.model import Article, text_hash  # noqa: E402

Groups = dict[str, str]  # item id -> predicted group label


def articles_of(items: Iterable[dedup_set.Item]) -> list[Article]:
    """Articles as extraction hands them over (text_hash already set)."""
    return [Article(id=i.id, text=i.text, url=i.url, canonical_url=i.canonical_url, original_url=i.original_url,
                    published=i.published, fetched_at=i.fetched_at, text_hash=text_hash(i.text))
            for i in items]


def entries_of(articles: Iterable[Article], *, options: DedupOptions) -> list[DupEntry]:
    return [entry_for(a, num_perm=options.num_perm, shingle=options.shingle) for a in articles]


# --- methods: each returns (predicted groups, seconds, links or None) -----------------------

def run_livebrief(items: list[dedup_set.Item], options: DedupOptions,
                  entries: list[DupEntry] | None = None) -> tuple[Groups, float, dict[str, str]]:
    articles = articles_of(items) if entries is None else []
    start = time.perf_counter()
    if entries is None:
        entries = entries_of(articles, options=options)
    index = DuplicateIndex(options)
    for entry in entries:
        index.add(entry)
    seconds = time.perf_counter() - start
    groups = {i.id: index.group_of(i.id)[0] for i in items}
    originals = {link.article_id: link.original_id for link in index.links()}
    return groups, seconds, originals


def run_exact(items: list[dedup_set.Item]) -> tuple[Groups, float]:
    start = time.perf_counter()
    first: dict[str, str] = {}
    groups = {}
    for item in items:
        key = text_hash(item.text)
        groups[item.id] = first.setdefault(key, item.id)
    return groups, time.perf_counter() - start


def run_plain_minhash(items: list[dedup_set.Item], threshold: float, options: DedupOptions) -> tuple[Groups, float]:
    start = time.perf_counter()
    lsh = MinHashLSH(threshold=threshold, num_perm=options.num_perm)
    parent: dict[str, str] = {}
    hashes: dict[str, object] = {}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for item in items:
        minhash = from_signature(signature(item.text, num_perm=options.num_perm, shingle=options.shingle))
        parent[item.id] = item.id
        for other in lsh.query(minhash):
            if minhash.jaccard(hashes[other]) >= threshold:
                parent[find(item.id)] = find(other)
        lsh.insert(item.id, minhash)
        hashes[item.id] = minhash
    return {i.id: find(i.id) for i in items}, time.perf_counter() - start


# --- metrics --------------------------------------------------------------------------------

def pairwise(items: list[dedup_set.Item], predicted: Groups) -> dict[str, float]:
    cells: Counter[tuple[str, str]] = Counter((predicted[i.id], i.group) for i in items)
    pred_sizes = Counter(predicted[i.id] for i in items)
    gold_sizes = Counter(i.group for i in items)

    def pairs(n: int) -> int:
        return n * (n - 1) // 2

    tp = sum(pairs(n) for n in cells.values())
    predicted_pairs = sum(pairs(n) for n in pred_sizes.values())
    gold_pairs = sum(pairs(n) for n in gold_sizes.values())
    precision = tp / predicted_pairs if predicted_pairs else 1.0
    recall = tp / gold_pairs if gold_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "tp": tp,
            "predicted_pairs": predicted_pairs, "gold_pairs": gold_pairs}


def by_transform(dataset: dedup_set.DedupSet, predicted: Groups) -> dict[str, tuple[int, int]]:
    """Per copy transform: (copies grouped with their original, copies)."""
    out: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for item in dataset.items:
        if item.group in dataset.originals and item.transform != "original":
            hit = predicted[item.id] == predicted[dataset.originals[item.group]]
            out[item.transform][0] += hit
            out[item.transform][1] += 1
    return {k: (v[0], v[1]) for k, v in sorted(out.items())}


def false_merges(dataset: dedup_set.DedupSet, predicted: Groups) -> dict[str, tuple[int, int]]:
    """Per negative kind: (negatives put in a group with anything else, negatives)."""
    sizes = Counter(predicted.values())
    out: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for item in dataset.items:
        if item.group.startswith("neg/"):
            out[item.transform][0] += sizes[predicted[item.id]] > 1
            out[item.transform][1] += 1
    return {k: (v[0], v[1]) for k, v in sorted(out.items())}


def by_length(dataset: dedup_set.DedupSet, predicted: Groups) -> dict[str, tuple[int, int]]:
    words = {i.id: i.words for i in dataset.items}
    out: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for item in dataset.items:
        if item.group in dataset.originals and item.transform != "original":
            original = dataset.originals[item.group]
            n = words[original]
            bucket = "<60 words" if n < 60 else "60-200 words" if n < 200 else ">=200 words"
            out[bucket][0] += predicted[item.id] == predicted[original]
            out[bucket][1] += 1
    return {k: (v[0], v[1]) for k, v in sorted(out.items())}


def original_accuracy(dataset: dedup_set.DedupSet, predicted: Groups, links: dict[str, str]) -> tuple[int, int]:
    """Copies found with their original whose link names the gold original."""
    hits = total = 0
    for item in dataset.items:
        if item.group in dataset.originals and item.transform != "original":
            original = dataset.originals[item.group]
            if predicted[item.id] == predicted[original]:
                total += 1
                hits += links.get(item.id) == original
    return hits, total


# --- report ---------------------------------------------------------------------------------

def _ratio(pair: tuple[int, int]) -> str:
    return f"{pair[0] / pair[1]:.3f} ({pair[0]}/{pair[1]})" if pair[1] else "-"


def evaluate(dataset: dedup_set.DedupSet, options: DedupOptions, *, repeat: int = 3) -> dict:
    items = dataset.items
    results: dict[str, dict[str, Any]] = {}
    methods: list[tuple[str, Callable[[], tuple]]] = [
        ("livebrief", lambda: run_livebrief(items, options)),
        ("exact-hash", lambda: run_exact(items)),
        ("minhash-j0.8", lambda: run_plain_minhash(items, 0.8, options)),
        ("minhash-j0.7", lambda: run_plain_minhash(items, 0.7, options)),
        ("minhash-j0.5", lambda: run_plain_minhash(items, 0.5, options)),
    ]
    for name, run in methods:
        outcome = run()
        predicted = outcome[0]
        # The machine is shared: the best of a few runs is the least disturbed one.
        seconds = min([outcome[1]] + [run()[1] for _ in range(repeat - 1)])
        result: dict[str, Any] = dict(pairwise(items, predicted))
        result.update(seconds=seconds, per_second=len(items) / seconds if seconds else float("inf"),
                      transforms=by_transform(dataset, predicted), negatives=false_merges(dataset, predicted),
                      lengths=by_length(dataset, predicted))
        if len(outcome) > 2:
            result["original_accuracy"] = original_accuracy(dataset, predicted, outcome[2])
        results[name] = result
    # Where livebrief's time goes: signatures (per article, parallelisable) vs the index (serial).
    articles = articles_of(items)
    start = time.perf_counter()
    entries = entries_of(articles, options=options)
    signing = time.perf_counter() - start
    start = time.perf_counter()
    index = DuplicateIndex(options)
    for entry in entries:
        index.add(entry)
    adding = time.perf_counter() - start
    results["livebrief"]["split"] = {"signature_per_second": len(items) / signing,
                                     "add_per_second": len(items) / adding}
    return results


def print_report(dataset: dedup_set.DedupSet, results: dict) -> None:
    kinds = Counter(i.transform for i in dataset.items)
    print(f"set: split={dataset.split} seed={dataset.seed} articles={len(dataset.items)} "
          f"groups with copies={len(dataset.originals)} copies={sum(kinds[t] for t in dedup_set.TRANSFORMS)} "
          f"negatives={sum(1 for i in dataset.items if i.group.startswith('neg/'))} "
          f"(overlapping sources dropped: {dataset.dropped})")
    names = list(results)
    print(f"\n{'':28}" + "".join(f"{n:>16}" for n in names))
    for key in ("precision", "recall", "f1"):
        print(f"{key:28}" + "".join(f"{results[n][key]:>16.4f}" for n in names))
    print(f"{'pairs predicted / gold':28}" + "".join(
        f"{results[n]['predicted_pairs']:>9}/{results[n]['gold_pairs']:<6}" for n in names))
    print(f"{'articles/s (sig + add)':28}" + "".join(f"{results[n]['per_second']:>16.0f}" for n in names))
    for section, title in (("transforms", "recall by transform"), ("lengths", "recall by original length"),
                           ("negatives", "false merges by negative kind")):
        print(f"\n{title}")
        keys = sorted({k for n in names for k in results[n][section]})
        for key in keys:
            print(f"  {key:26}" + "".join(f"{_ratio(results[n][section].get(key, (0, 0))):>16}"
                                          for n in names))
    split = results["livebrief"]["split"]
    print(f"\nlivebrief time split: signature {split['signature_per_second']:.0f} articles/s, "
          f"index add {split['add_per_second']:.0f} articles/s")
    hits, total = results["livebrief"]["original_accuracy"]
    print(f"\nlivebrief original accuracy (copies found whose link names the gold original): "
          f"{_ratio((hits, total))}")


def sweep(dataset: dedup_set.DedupSet, base: DedupOptions) -> None:
    """Pairwise P/R over a grid of the near-copy options (for tuning on the dev split)."""
    entries = entries_of(articles_of(dataset.items), options=base)
    print(f"{'threshold':>9} {'contain':>7} {'cover':>6} {'common':>6} {'P':>7} {'R':>7} {'F1':>7} {'s':>6}")
    grid = itertools.product((0.6, 0.7, 0.8), (0.7, 0.75, 0.8), (0.2, 0.25, 0.3, 0.35), (0, 2, 3))
    for threshold, containment, cover, common in grid:
        options = DedupOptions(threshold=threshold, containment=containment, min_cover=cover,
                               common_groups=common, num_perm=base.num_perm, shingle=base.shingle)
        predicted, seconds, _ = run_livebrief(dataset.items, options, entries)
        r = pairwise(dataset.items, predicted)
        print(f"{threshold:>9} {containment:>7} {cover:>6} {common:>6} "
              f"{r['precision']:>7.4f} {r['recall']:>7.4f} {r['f1']:>7.4f} {seconds:>6.2f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "test"), default="test")
    parser.add_argument("--seed", type=int, default=2)
    parser.add_argument("--originals", type=int, default=200)
    parser.add_argument("--negatives", type=int, default=400)
    parser.add_argument("--sweep", action="store_true", help="grid over the near-duplicate options")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per method; the best is kept")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    if dedup_set._data.shared_data_dir() is None:
        print("shared data not found: set LIVEBRIEF_SHARED_DATA or put it at <repo>/../shared/data",
              file=sys.stderr)
        return 2
    dataset = dedup_set.build(split=args.split, seed=args.seed, originals=args.originals,
                              negatives=args.negatives)
    options = DedupOptions()
    if args.sweep:
        sweep(dataset, options)
        return 0
    results = evaluate(dataset, options, repeat=max(1, args.repeat))
    if args.json:
        print(json.dumps(results, indent=1, default=list))
    else:
        print_report(dataset, results)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
